// The line reader's list items, continuation lines, > quotations and headings on the edges
// markdown-it decides (which list line ends a paragraph, how far a > line's text is indented),
// each asserted block by block and cross-checked with readBlocksByParser; and the parser reading
// itself on what the line reader never hands it (inline code, excerpt words, text around links).
import { expect, test } from "vitest";
import { isTextBlock, readBlocks, readBlocksByParser, type Block } from "../../scripts/project/blocks.ts";

/** A block as a row: kind and heading level, line, depth, parent, markdown as written, plain text. */
const row = (b: Block) => `${b.kind}${b.level || ""} line ${b.line} depth ${b.depth} in ${b.parent}: ${JSON.stringify(b.markdown)} ${JSON.stringify(b.text)}`;
/** What markdown-it sees of the same blocks: everything but the markdown and the end lines. */
const seen = (blocks: Block[]) => blocks.map(({ kind, line, level, depth, parent, form, text, links, citations }) => ({ kind, line, level, depth, parent, form, text, links, citations }));

/** The rows the line reader gives `body` (from line 1), after checking markdown-it reads it the same and no problem is found. */
function rows(body: string): string[] {
  const read = readBlocks(body, 1);
  expect(read.problems).toEqual([]);
  expect(seen(read.blocks)).toEqual(seen(readBlocksByParser(body, 1)));
  return read.blocks.map(row);
}

test("a list line four spaces past its list's marker but short of the item's text continues the item's paragraph", () => {
  expect(rows("100. hundred\n    - sub")).toEqual(['item line 1 depth 1 in -1: "hundred\\n- sub" "hundred - sub"']);
  // Four spaces past the marker and at (or past) the item's text: an item inside it.
  expect(rows("- a\n    - b")).toEqual(['item line 1 depth 1 in -1: "a" "a"', 'item line 2 depth 2 in -1: "b" "b"']);
  expect(rows("100. x\n     - b")).toEqual(['item line 1 depth 1 in -1: "x" "x"', 'item line 2 depth 2 in -1: "b" "b"']);
});

test("inside an item's paragraph, only a list that starts at 1 and has text starts a list", () => {
  expect(rows("- a\n  2. b")).toEqual(['item line 1 depth 1 in -1: "a\\n2. b" "a 2. b"']);
  expect(rows("- a\n  1. b")).toEqual(['item line 1 depth 1 in -1: "a" "a"', 'item line 2 depth 2 in -1: "b" "b"']);
  expect(rows("- a\n  * b")).toEqual(['item line 1 depth 1 in -1: "a" "a"', 'item line 2 depth 2 in -1: "b" "b"']);
});

test("after a paragraph, a list numbered from 2 or an empty item continues the paragraph", () => {
  expect(rows("para\n2. two")).toEqual(['paragraph line 1 depth 0 in -1: "para\\n2. two" "para 2. two"']);
  expect(rows("para\n1.")).toEqual(['paragraph line 1 depth 0 in -1: "para\\n1." "para 1."']);
  // With CRLF line ends the empty item's line is "1. \r": still empty.
  expect(rows("para\r\n1. \r")).toEqual(['paragraph line 1 depth 0 in -1: "para\\n1." "para 1."']);
  expect(rows("para\n1. one")).toEqual(['paragraph line 1 depth 0 in -1: "para" "para"', 'item line 2 depth 1 in -1: "one" "one"']);
});

test("an item's own text is trimmed, an empty first line leaves its text to the next line", () => {
  expect(rows("- item  ")).toEqual(['item line 1 depth 1 in -1: "item" "item"']);
  expect(rows("-\n  text")).toEqual(['item line 1 depth 1 in -1: "\\ntext" "text"']);
  expect(rows("-\n  [a](https://a.example)")).toEqual(['item line 1 depth 1 in -1: "\\n[a](https://a.example)" "a"']);
  expect(rows("  para  ")).toEqual(['paragraph line 1 depth 0 in -1: "para" "para"']);
});

test("headings: only #s after the space are a closing sequence", () => {
  expect(rows("##")).toEqual(['heading2 line 1 depth 0 in -1: "" ""']);
  expect(rows("## ##")).toEqual(['heading2 line 1 depth 0 in -1: "" ""']);
  expect(rows("## a#")).toEqual(['heading2 line 1 depth 0 in -1: "a#" "a#"']);
  expect(rows("## #a")).toEqual(['heading2 line 1 depth 0 in -1: "#a" "#a"']);
});

test("> quotations: the space after >, headings indented up to 3 spaces, > indented 4 is text", () => {
  expect(rows(">    # h")).toEqual(['quote line 1 depth 0 in -1: "" ""', 'heading1 line 1 depth 0 in 0: "h" "h"']);
  expect(rows(">     # h")).toEqual(['quote line 1 depth 0 in -1: "" ""', 'paragraph line 1 depth 0 in 0: "# h" "# h"']);
  expect(rows(" >quoted")).toEqual(['quote line 1 depth 0 in -1: "" ""', 'paragraph line 1 depth 0 in 0: "quoted" "quoted"']);
  expect(rows("   > three")).toEqual(['quote line 1 depth 0 in -1: "" ""', 'paragraph line 1 depth 0 in 0: "three" "three"']);
  expect(rows("para\n    > not quote")).toEqual(['paragraph line 1 depth 0 in -1: "para\\n> not quote" "para > not quote"']);
});

test("> quotations: a lazy line continues only an open paragraph, list items sit inside", () => {
  expect(rows("> q\n>\nlazy")).toEqual(['quote line 1 depth 0 in -1: "" ""', 'paragraph line 1 depth 0 in 0: "q" "q"', 'paragraph line 3 depth 0 in -1: "lazy" "lazy"']);
  expect(rows("> q\nlazy\n> more")).toEqual(['quote line 1 depth 0 in -1: "" ""', 'paragraph line 1 depth 0 in 0: "q\\nlazy\\nmore" "q lazy more"']);
  expect(rows("> - a\n> - b")).toEqual(['quote line 1 depth 0 in -1: "" ""', 'item line 1 depth 1 in 0: "a" "a"', 'item line 2 depth 1 in 0: "b" "b"']);
  expect(rows("- a\n\n> q")).toEqual(['item line 1 depth 1 in -1: "a" "a"', 'quote line 3 depth 0 in -1: "" ""', 'paragraph line 3 depth 0 in 1: "q" "q"']);
  expect(rows("- a\n  > q\n\n> c")).toEqual([
    'item line 1 depth 1 in -1: "a" "a"',
    'quote line 2 depth 1 in -1: "" ""',
    'paragraph line 2 depth 1 in 1: "q" "q"',
    'quote line 4 depth 0 in -1: "" ""',
    'paragraph line 4 depth 0 in 3: "c" "c"',
  ]);
});

test("lines of only spaces or tabs are blank; a line starting with two colons is text", () => {
  expect(rows("para\n\t\nnext")).toEqual(['paragraph line 1 depth 0 in -1: "para" "para"', 'paragraph line 3 depth 0 in -1: "next" "next"']);
  expect(rows(":: two colons")).toEqual(['paragraph line 1 depth 0 in -1: ":: two colons" ":: two colons"']);
});

test("text around links: line breaks become spaces, runs of spaces one, markup inside a link kept in its text", () => {
  const [block] = readBlocks("[a\nb](https://x.example) one\ntwo", 1).blocks;
  expect(block).toMatchObject({ text: "a b one two", links: [{ address: "https://x.example", text: "a b" }] });
  const [spaced] = readBlocks("[a  b](https://x.example) [ c ](https://c.example)", 1).blocks;
  expect(spaced).toMatchObject({
    text: "a b c",
    links: [
      { address: "https://x.example", text: "a b" },
      { address: "https://c.example", text: "c" },
    ],
  });
  const [marked] = readBlocks("[a **b** c](https://x.example) **d** [e](https://e.example)", 1).blocks;
  expect(marked).toMatchObject({
    text: "a b c d e",
    links: [
      { address: "https://x.example", text: "a b c" },
      { address: "https://e.example", text: "e" },
    ],
  });
});

test("the parser reading: inline code is text, an excerpt's words are no label, no markdown", () => {
  expect(readBlocksByParser("Run `npm test` now.", 5)).toEqual([
    { kind: "paragraph", line: 5, endLine: 5, level: 0, depth: 0, parent: -1, markdown: "", text: "Run npm test now.", links: [], citations: [] },
  ]);
  expect(readBlocksByParser("::: excerpt ignored words\ne\n:::", 1)).toEqual([
    { kind: "excerpt", line: 1, endLine: 1, level: 0, depth: 0, parent: -1, markdown: "", text: "", links: [], citations: [] },
    { kind: "paragraph", line: 2, endLine: 2, level: 0, depth: 0, parent: 0, markdown: "", text: "e", links: [], citations: [] },
  ]);
});

test("isTextBlock: headings, paragraphs and list items hold text; containers do not", () => {
  const kinds = readBlocks("## H\n\npara\n\n- item\n\n> q\n\n::: quote S\nx\n:::\n\n::: details D\ny\n:::\n\n::: excerpt\nz\n:::", 1).blocks;
  expect(kinds.map((b) => `${b.kind} ${isTextBlock(b)}`)).toEqual([
    "heading true",
    "paragraph true",
    "item true",
    "quote false",
    "paragraph true",
    "quote false",
    "paragraph true",
    "details false",
    "paragraph true",
    "excerpt false",
    "paragraph true",
  ]);
});

test("a close meant for a middle block names that block, and the outermost block stays open until its own close", () => {
  const read = readBlocks("::::: excerpt\n:::: details D\n::: quote Q\nx\n::::\n:::::\n\nAfter.", 1);
  expect(read.problems).toEqual([
    {
      line: 5,
      kind: "unbalanced-quote",
      message: "this :::: closes the quotation opened at line 3 with 3 colons, so the collapsed block opened at line 2 stays open and swallows what follows",
      hint: "close the quotation with its own ::: line first, then the collapsed block with ::::, as the English has them",
      sourceHint: "close the quotation with its own ::: line first, then the collapsed block with ::::",
    },
  ]);
  expect(read.blocks.map((b) => `${b.kind} ${b.line}-${b.endLine} in ${b.parent}`)).toEqual(["excerpt 1-6 in -1", "details 2-5 in 0", "quote 3-5 in 1", "paragraph 4-4 in 2", "paragraph 8-8 in -1"]);
});
