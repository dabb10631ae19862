// The line reader cross-checked with markdown-it on the block syntax the real content does not
// happen to use (other bullets, long numbers, closing #s, headings and lazy lines in > quotations),
// and what only the line reader gives: end lines, the markdown as written, the problems' words.
import { expect, test } from "vitest";
import { readBlocks, readBlocksByParser, type Block } from "../../scripts/project/blocks.ts";

/** What both readings see: everything but the source markdown and the end lines. */
const seen = (blocks: Block[]) => blocks.map(({ kind, line, level, depth, parent, form, text, links, citations }) => ({ kind, line, level, depth, parent, form, text, links, citations }));
const shapes = (body: string) => readBlocks(body, 1).blocks.map((b) => `${b.kind}${b.level || ""}:${b.depth}:${b.parent}:${b.line}`);

const SAMPLES: Record<string, string> = {
  "* and + bullets": "* one\n* two\n\n+ three\n+ four",
  "items numbered 10 and up, and with )": "9. nine\n10. ten\n11. eleven\n\n100) hundred",
  "headings with closing #s, an empty heading, seven #s": "## Title ##\n\n### Other ###   \n\n#### \n\n####### seven",
  "> ## heading, with and without a space": "> ## A heading in a quote\n> text after it\n\n>## tight",
  "a line continuing a > quotation": "> quoted line\ncontinues lazily\n\nafter",
  "a > quotation with an empty > line": "> one\n>\n> two",
  "nested list items, and a paragraph inside the last": "- a\n  - b\n    - c\n  - d\n- e\n\n  para in e",
  "a paragraph after a list": "- item\n\nparagraph after list",
  "nested ordered items": "1. one\n   1. inner\n2. two",
  tabs: "-\titem with tab\n\n#\theading",
  "an empty item": "-\n- x",
  "escapes and emphasis": "A \\*star\\* and **bold** and __under__ text [12 A].",
  "every link form": 'See [a](https://a.example/x y) and [b](<https://b.example/with space>) and [c](#c "title").',
  "a hard break": "line one  \nline two",
  "CRLF line ends": "para\r\n\r\nnext\r",
  "a heading indented 3 spaces, and 4": "   ## three spaces\n\n    ## four spaces",
  "a quotation inside an item": "- item\n\n  > quoted in item\n\nafter",
  "a ::: quote inside an item": "- item\n\n  ::: quote Src\n  inside\n  :::\n",
  "a labelled ::: details with a link": "::: details Label [x](https://x.example)\nBody **b**.\n:::",
  "an excerpt holding a heading": "::: excerpt\n## H\ntext\n:::",
  "a heading or item right after a paragraph line": "para\n## heading\n\npara\n- item",
  "citation markers": "Text [78 A, B] and [1] and [12, 13].",
  "a paragraph after a > quotation, and a list after it": "> quote\n\npara\n\n> quote\n- item",
  "a blank line inside an item's paragraph, then a deeper item": "- one\n\n  more of one\n  - two",
};

test.each(Object.entries(SAMPLES))("%s: the line reader reads what markdown-it reads", (_, body) => {
  const read = readBlocks(body, 3);
  expect(read.problems).toEqual([]);
  expect(seen(read.blocks)).toEqual(seen(readBlocksByParser(body, 3)));
});

test("the shapes of the syntax above, as the aligner compares them", () => {
  expect(shapes(SAMPLES["* and + bullets"]!)).toEqual(["item:1:-1:1", "item:1:-1:2", "item:1:-1:4", "item:1:-1:5"]);
  expect(shapes(SAMPLES["headings with closing #s, an empty heading, seven #s"]!)).toEqual(["heading2:0:-1:1", "heading3:0:-1:3", "heading4:0:-1:5", "paragraph:0:-1:7"]);
  expect(shapes(SAMPLES["> ## heading, with and without a space"]!)).toEqual(["quote:0:-1:1", "heading2:0:0:1", "paragraph:0:0:2", "quote:0:-1:4", "heading2:0:3:4"]);
  expect(shapes(SAMPLES["a line continuing a > quotation"]!)).toEqual(["quote:0:-1:1", "paragraph:0:0:1", "paragraph:0:-1:4"]);
  expect(shapes("   ## three spaces\n\n    ## four spaces")).toEqual(["heading2:0:-1:1", "paragraph:0:-1:3"]);
});

test("end lines: a paragraph's last line, a > quotation's last > line, a container's closing line", () => {
  const { blocks } = readBlocks("para\ncontinued\n\n> q1\n> q2\nlazy\n\n::: quote S\ninside\n:::\n\n- item\n  more", 10);
  expect(blocks.map((b) => `${b.kind} ${b.line}-${b.endLine}`)).toEqual(["paragraph 10-11", "quote 13-14", "paragraph 13-15", "quote 17-19", "paragraph 18-18", "item 21-22"]);
});

test("markdown as written: list markers, > and indentation removed, lines joined with a newline", () => {
  const { blocks } = readBlocks("- first *item*\n  goes on\n\n> ## quoted heading ##\n> quoted **text**\n\n10. ten\n\n## Heading ##", 1);
  expect(blocks.map((b) => b.markdown)).toEqual(["first *item*\ngoes on", "", "quoted heading", "quoted **text**", "ten", "Heading"]);
  expect(blocks.map((b) => b.text)).toEqual(["first *item* goes on", "", "quoted heading", "quoted text", "ten", "Heading"]);
});

test("plain text: escapes removed, ** and __ removed, runs of spaces made one", () => {
  const [block] = readBlocks("A \\[not a link\\] \\# and **bold**   and __under__  words", 1).blocks;
  expect(block!.text).toBe("A [not a link] # and bold and under words");
  expect(block!.citations).toEqual([]);
  expect(readBlocks("Cited [78 A, B] twice [78 A, B].", 1).blocks[0]!.citations).toEqual(["[78 A, B]", "[78 A, B]"]);
});

test("an attribution's and a label's text, links and citations; an excerpt has none", () => {
  const { blocks } = readBlocks("::: quote  Source [3], [a report](https://r.example)  \nq\n:::\n\n::: details Open **me**\nd\n:::\n\n::: excerpt ignored words\ne\n:::", 1);
  expect(blocks[0]).toMatchObject({
    kind: "quote",
    form: ":::",
    markdown: "Source [3], [a report](https://r.example)",
    text: "Source [3], a report",
    citations: ["[3]"],
    links: [{ address: "https://r.example", text: "a report" }],
  });
  expect(blocks[2]).toMatchObject({ kind: "details", markdown: "Open **me**", text: "Open me" });
  expect(blocks[2]!.form).toBeUndefined();
  expect(blocks[4]).toMatchObject({ kind: "excerpt", markdown: "", text: "" });
});

test("the problems' messages and hints name the colons, the keyword and the lines", () => {
  const problems = (body: string) => readBlocks(body, 10).problems;
  expect(problems(":::: zitat Source\nText.")).toEqual([
    {
      line: 10,
      kind: "unknown-container",
      message: '":::: zitat" is not a block the site knows, so the page would show this line as text',
      hint: "keep the English keyword after the colons: ::: quote, ::: details or ::: excerpt (only the words after the keyword are translated)",
      sourceHint: "use a keyword the site knows after the colons: ::: quote, ::: details or ::: excerpt",
    },
  ]);
  expect(problems("::::: details Open\nText.")).toEqual([
    {
      line: 10,
      kind: "unclosed-container",
      message: "the collapsed block opened here (::::: details) is never closed, so everything after it is swallowed into it",
      hint: "add a line with only ::::: where the collapsed block ends, as the English has it",
      sourceHint: "add a line with only ::::: where the collapsed block ends",
    },
  ]);
  expect(problems("Text.\n::::")).toEqual([
    {
      line: 11,
      kind: "stray-close",
      message: "this :::: closes nothing (no ::: quote, ::: details or ::: excerpt is open here), so the page would show it as text",
      hint: "delete the line, or add the ::: line that opens the block where the English has it",
      sourceHint: "delete the line, or add the ::: line that opens the block where it begins",
    },
  ]);
  expect(problems("::::: excerpt\n:::\n:::::")[0]!.message).toBe("this ::: closes nothing: the excerpt around it was opened with 5 colons (line 10), so the page would show it as text");
  expect(problems(":::: details Open\n::: quote Inner\nText.\n::::\n\nAfter.")).toEqual([
    {
      line: 13,
      kind: "unbalanced-quote",
      message: "this :::: closes the quotation opened at line 11 with 3 colons, so the collapsed block opened at line 10 stays open and swallows what follows",
      hint: "close the quotation with its own ::: line first, then the collapsed block with ::::, as the English has them",
      sourceHint: "close the quotation with its own ::: line first, then the collapsed block with ::::",
    },
  ]);
});

test("an unbalanced close ends both blocks at its line; an unclosed one ends at the section's last line", () => {
  const { blocks } = readBlocks(":::: details Open\n::: quote Inner\nText.\n::::\n\nAfter.", 10);
  expect(blocks.map((b) => `${b.kind} ${b.line}-${b.endLine} in ${b.parent}`)).toEqual(["details 10-13 in -1", "quote 11-13 in 0", "paragraph 12-12 in 1", "paragraph 15-15 in -1"]);
  const unclosed = readBlocks("::: quote S\nText.\n\nMore.\n", 10).blocks;
  expect(unclosed[0]!.endLine).toBe(14);
});

test("a container closed with more colons than it opened with closes it when no block has that many", () => {
  const read = readBlocks("::: quote S\nText.\n::::\n\nAfter.", 1);
  expect(read.problems).toEqual([]);
  expect(read.blocks.map((b) => `${b.kind} ${b.endLine} in ${b.parent}`)).toEqual(["quote 3 in -1", "paragraph 2 in 0", "paragraph 5 in -1"]);
});
