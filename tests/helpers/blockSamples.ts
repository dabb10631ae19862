// Generated section bodies in the forms the real content rarely or never uses: every list marker
// (*, + and numbers of one to three digits), nesting at and off the item's text, headings with
// closing #s, headings and lists inside > quotations, and lines that continue a paragraph, a list
// item or a > quotation without their marker. The block reader is held to markdown-it on them
// (tests/project/blocks-markdown-it.test.ts), and so is the page rendered from its reading
// (tests/project/blockTokens.test.ts).
const MARKERS = ["-", "*", "+", "1.", "9.", "10.", "99.", "100.", "1)", "12)"];

/** Lists with one marker: siblings, nesting at the item's text and one space short of it, continuations. */
function lists(marker: string): Record<string, string> {
  const ordered = /\d/.test(marker);
  const next = ordered ? marker.replace(/\d+/, (n) => String(Number(n) + 1)) : marker;
  // A list inside a paragraph's item starts without a blank line only at 1 (CommonMark).
  const first = marker.replace(/\d+/, "1");
  const inner = " ".repeat(marker.length + 1);
  return {
    [`${marker} siblings`]: `${marker} first item\n${next} second item`,
    [`${marker} nested at the text`]: `${marker} outer item\n${inner}${first} inner item\n${next} outer again`,
    [`${marker} one space short of the text`]: `${marker} outer item\n${inner.slice(1)}${first} not nested\n${next} outer again`,
    [`${marker} under an item's text, at the text`]: `${marker} outer item\n${inner}${marker} text or item\n${next} outer again`,
    [`${marker} right under a paragraph`]: `A paragraph\n${marker} text or item`,
    [`${marker} empty, right under a paragraph`]: `A paragraph\n${marker}\nmore`,
    [`${marker} a line continuing the item`]: `${marker} an item\nthat goes on [78 A]\n${next} the next`,
    [`${marker} an indented paragraph in the item, then one after the list`]: `${marker} an item\n\n${inner}its second paragraph\n\nafter the list`,
    [`${marker} inside a > quotation`]: `> ${marker} quoted item\n> ${next} quoted second`,
    [`${marker} right after a > quotation`]: `> quoted\n${marker} text or item`,
    [`${marker} three deep`]: `${marker} one\n${inner}${first} two\n${inner}${" ".repeat(first.length + 1)}${first} three\n${next} one again`,
  };
}

const HEADINGS: Record<string, string> = {
  "closing #s": "## A heading ##",
  "more closing #s than opening": "## A heading #####",
  "closing #s and spaces": "### A heading ###   ",
  "a # without a space before it": "## C# is a language#",
  "an escaped closing #": "## Heading \\#",
  "only #s": "## #",
  "an empty heading": "##",
  "seven #s (a paragraph)": "####### not a heading",
  "no space after # (a paragraph)": "#5 is no heading",
  "three spaces before it": "   ## indented heading",
  "a heading then a paragraph on the next line": "## A heading\nA paragraph right under it.",
  "a link in a heading with closing #s": "## The [report](https://example.org/r) ##",
};

const QUOTES: Record<string, string> = {
  "> ## heading": "> ## A quoted heading",
  "> # heading with closing #s": "> # A quoted heading #",
  "> ## heading then text": "> ## A quoted heading\n> quoted text",
  "a line continuing a > quotation": "> a quoted paragraph\nthat goes on without the sign",
  "two > lines then a continuing line": "> quoted\n> more quoted\nstill the same paragraph",
  "> without a space": ">tight quote\n>on two lines",
  "a > quotation then a paragraph after a blank line": "> quoted\n\nnot quoted",
  "a > heading, then a line without the sign": "> ## Quoted heading\nnot quoted: a heading ends at its line",
  "a > quotation with a link and a citation": "> see [the report](https://example.org/r) [78 A, B]",
  "an empty > line between two paragraphs": "> first\n>\n> second",
};

export const SAMPLES: Record<string, string> = {
  ...Object.fromEntries(MARKERS.flatMap((marker) => Object.entries(lists(marker)))),
  ...Object.fromEntries(Object.entries(HEADINGS).map(([name, body]) => [`heading: ${name}`, body])),
  ...Object.fromEntries(Object.entries(QUOTES).map(([name, body]) => [`quotation: ${name}`, body])),
};

/** Each sample alone, after a paragraph, and inside a ::: details block. */
export const CASES = Object.entries(SAMPLES).flatMap(([name, body]) => [
  [name, body],
  [`${name}, after a paragraph`, `An opening paragraph.\n\n${body}`],
  [`${name}, inside ::: details`, `::: details Open me\n${body}\n:::`],
]);

