// The block reader: typed blocks and markup problems of a section body; the line reader is held
// equal to the markdown-it reading on every real section.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { parseSectionFile } from "../../scripts/project/sectionFile.ts";
import { readBlocks, readBlocksByParser, type Block } from "../../scripts/project/blocks.ts";
import { ROOT } from "../helpers/site.ts";

const files = ["en", "ar"].flatMap((locale) => readdirSync(join(ROOT, "content", locale)).map((name) => `content/${locale}/${name}`));

/** What both readings see: everything but the source markdown and the end lines. */
function seen(blocks: Block[]) {
  return blocks.map(({ kind, line, level, depth, parent, form, text, links, citations }) => ({
    kind,
    line,
    level,
    depth,
    parent,
    form,
    text,
    links: links.map((l) => ({ text: l.text, address: l.address })),
    citations,
  }));
}

test.each(files)("%s: the line reader reads the same blocks, links, citations and text as markdown-it", (file) => {
  const parsed = parseSectionFile(readFileSync(join(ROOT, file), "utf8"), file);
  const read = readBlocks(parsed.body, parsed.bodyLine);
  expect(read.problems).toEqual([]);
  expect(seen(read.blocks)).toEqual(seen(readBlocksByParser(parsed.body, parsed.bodyLine)));
});

const CONSTRUCTS = [
  "# Heading with [a link](https://example.org/) and \\*escapes",
  "",
  "A paragraph",
  "over two lines [78 A, B].",
  "",
  "> a plain quotation",
  "> on two lines",
  "",
  "- item one",
  "  - nested **bold** item",
  "1. ordered",
  "",
  "::: quote Source, A-HRC-59-23-AEV\\*",
  "Quoted text.",
  ":::",
  "",
  ":::: details Open me",
  "::: quote Inner",
  "Inner text [1](#part-1).",
  ":::",
  "::::",
  "",
  "::: excerpt",
  "### Small heading",
  ":::",
].join("\n");

test("the line reader agrees with markdown-it on the constructs the content model allows", () => {
  const read = readBlocks(CONSTRUCTS, 5);
  expect(read.problems).toEqual([]);
  expect(seen(read.blocks)).toEqual(seen(readBlocksByParser(CONSTRUCTS, 5)));
  expect(read.blocks.map((b) => `${b.kind}${b.level || ""}:${b.depth}:${b.parent}`)).toEqual([
    "heading1:0:-1",
    "paragraph:0:-1",
    "quote:0:-1",
    "paragraph:0:2",
    "item:1:-1",
    "item:2:-1",
    "item:1:-1",
    "quote:0:-1",
    "paragraph:0:7",
    "details:0:-1",
    "quote:0:9",
    "paragraph:0:10",
    "excerpt:0:-1",
    "heading3:0:12",
  ]);
});

/** Forms a hostile translation may try: each reads as markdown-it renders it (link or no link, block or no block). */
const HOSTILE = [
  "Sign here <https://evil.example/sign> today.",
  "A [reference][r] link.\n\n[r]: https://evil.example/ref",
  "A [shortcut] link.\n\n[shortcut]: https://evil.example/short",
  '[titled](https://evil.example/t "Official form") and [spaced]( https://evil.example/s ) and [angled](<https://evil.example/a x>)',
  "[relative to the scheme](//evil.example/p) and [backslash](/\\evil.example)",
  "[nested [brackets]](https://evil.example/n) and [a](https://example.org/(paren))",
  "A paragraph\n---",
  "A paragraph\n===",
  "Before\n\n---\n\nAfter",
  "```\n[fenced](https://evil.example/f)\n```",
  "Text\n\n    [indented](https://evil.example/i)",
  "| a | b |\n|---|---|\n| [cell](https://evil.example/c) | d |",
  "::: quote [Fake source](https://evil.example/q)\nFake words.\n:::",
  "- [item link](https://evil.example/l)\n  - [nested](https://evil.example/m)",
  "> [quoted link](https://evil.example/b)",
  "Plain https://evil.example/plain and www.evil.example and mailto:x@evil.example",
];

test.each(HOSTILE)("hostile sample %j: the line reader sees what markdown-it renders", (body) => {
  const read = readBlocks(body, 1);
  expect(seen(read.blocks)).toEqual(seen(readBlocksByParser(body, 1)));
});

test("the line reader sees every link that renders, in each of its written forms", () => {
  const addresses = (body: string) => readBlocks(body, 1).blocks.flatMap((b) => b.links.map((l) => l.address));
  expect(addresses(HOSTILE[3]!)).toEqual(["https://evil.example/t", "https://evil.example/s", "https://evil.example/a%20x"]);
  expect(addresses(HOSTILE[12]!)).toEqual(["https://evil.example/q"]);
  // Forms the renderer does not turn into links: none is read as one.
  for (const body of [HOSTILE[0]!, HOSTILE[1]!, HOSTILE[2]!, HOSTILE[4]!]) expect(addresses(body)).toEqual([]);
});

test("blocks carry their lines, markdown, attribution, links and citations", () => {
  const { blocks } = readBlocks(CONSTRUCTS, 5);
  const [heading, paragraph, , , , nested] = blocks;
  expect(heading).toMatchObject({
    line: 5,
    endLine: 5,
    markdown: "Heading with [a link](https://example.org/) and \\*escapes",
    text: "Heading with a link and *escapes",
    links: [{ address: "https://example.org/", text: "a link" }],
  });
  expect(paragraph).toMatchObject({ line: 7, endLine: 8, markdown: "A paragraph\nover two lines [78 A, B].", citations: ["[78 A, B]"] });
  expect(nested).toMatchObject({ line: 14, markdown: "nested **bold** item", text: "nested bold item" });
  expect(blocks[7]).toMatchObject({ kind: "quote", form: ":::", line: 17, endLine: 19, markdown: "Source, A-HRC-59-23-AEV\\*", text: "Source, A-HRC-59-23-AEV*", citations: ["A-HRC-59-23-AEV*"] });
  expect(blocks[9]).toMatchObject({ kind: "details", line: 21, endLine: 25, text: "Open me" });
  expect(blocks[2]).toMatchObject({ kind: "quote", form: ">", line: 10, endLine: 11, markdown: "" });
});

/** One-line paragraphs whose text is not their markdown as written, or which hold a citation marker. */
const NOT_AS_WRITTEN: [markdown: string, text: string, citations: string[]][] = [
  ["A\ttab", "A tab", []],
  ["Two  spaces", "Two spaces", []],
  ["A no-break\u00a0space", "A no-break space", []],
  ["An ideographic\u3000space", "An ideographic space", []],
  ["An em\u2003space", "An em space", []],
  ["A byte-order mark\ufeffinside", "A byte-order mark inside", []],
  ["An escaped \\#", "An escaped #", []],
  ["__Strong__ words", "Strong words", []],
  ["**Strong** words", "Strong words", []],
  ["Cited as A-HRC-59-23-AEV without brackets", "Cited as A-HRC-59-23-AEV without brackets", ["A-HRC-59-23-AEV"]],
  ["See Sub* 2.24 there", "See Sub* 2.24 there", ["Sub* 2.24"]],
  ["Resolution S/RES/2720 (2023) and A/75/212", "Resolution S/RES/2720 (2023) and A/75/212", ["S/RES/2720 (2023)", "A/75/212"]],
  ["As found [78 A, B]", "As found [78 A, B]", ["[78 A, B]"]],
];

test.each(NOT_AS_WRITTEN)("a one-line paragraph %j reads as markdown-it renders it", (markdown, text, citations) => {
  const { blocks } = readBlocks(markdown, 1);
  expect(blocks).toMatchObject([{ kind: "paragraph", text, citations }]);
  expect(seen(blocks)).toEqual(seen(readBlocksByParser(markdown, 1)));
});

test("list items nest by indentation, and a paragraph after the list leaves it", () => {
  const { blocks } = readBlocks(["- one", "  - two", "    - three", "  - two again", "- one again", "", "   continued in the item", "", "Not in the list."].join("\n"), 1);
  expect(blocks.map((b) => `${b.kind}:${b.depth}`)).toEqual(["item:1", "item:2", "item:3", "item:2", "item:1", "paragraph:1", "paragraph:0"]);
});

test("markup problems: an unknown keyword, an unclosed block, a stray closing line, an unbalanced quotation", () => {
  const problems = (body: string) => readBlocks(body, 10).problems.map((p) => `${p.line} ${p.kind}`);
  expect(problems("::: اقتباس Source\nText.\n:::")).toEqual(["10 unknown-container", "12 stray-close"]);
  expect(problems("::: quote Source\nText.\n\nMore.")).toEqual(["10 unclosed-container"]);
  expect(problems("Text.\n:::")).toEqual(["11 stray-close"]);
  expect(problems(":::: details Open\n::: quote Inner\nText.\n::::\n\nAfter.")).toEqual(["13 unbalanced-quote"]);
  expect(problems(":::: details Open\n:::\n::::")).toEqual(["11 stray-close"]);
  expect(problems(":::: details Open\n::: quote Inner\nText.\n:::\n::::")).toEqual([]);
  const [unknown] = readBlocks("::: citation Source\nText.", 3).problems;
  expect(unknown!.message).toContain('"::: citation" is not a block the site knows');
  expect(unknown!.hint).toContain("::: quote, ::: details or ::: excerpt");
});

test("an unclosed block runs to the end of the section, as the page would show it", () => {
  const { blocks } = readBlocks("::: quote Source\nText.\n\nMore.", 1);
  expect(blocks.map((b) => `${b.kind}:${b.parent}`)).toEqual(["quote:-1", "paragraph:0", "paragraph:0"]);
  expect(blocks[0]!.endLine).toBe(4);
});
