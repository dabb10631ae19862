// One reading per section body: the page is rendered from the block reader's blocks, and its HTML
// is byte for byte markdown-it's own rendering of the body on every real section and on the
// generated samples where the two readings agree.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { blockTokens, excerptTokens, sectionTokens } from "../../scripts/project/blockTokens.ts";
import { readBlocks } from "../../scripts/project/blocks.ts";
import { readProject, sectionFromText } from "../../scripts/project/readProject.ts";
import { excerptBlocks } from "../../scripts/print/excerpt.ts";
import { renderMarkdown } from "../../scripts/shared/markdown.ts";
import { CASES } from "../helpers/blockSamples.ts";
import { ROOT } from "../helpers/site.ts";

const sections = readProject(ROOT, { cache: false }).locales.flatMap((locale) => [...locale.sections.values()]);

const fromBlocks = (body: string) => renderMarkdown(blockTokens(readBlocks(body, 1)));

test("every real section is read, in both languages", () => {
  expect(new Set(sections.map((s) => s.locale))).toEqual(new Set(["en", "ar"]));
  expect(sections.length).toBe(["en", "ar"].flatMap((locale) => readdirSync(join(ROOT, "content", locale))).length);
});

test.each(sections.map((s) => [s.file, s] as const))("%s: the page rendered from the section's one reading is markdown-it's page", (_, section) => {
  expect(section.structure.problems).toEqual([]);
  expect(renderMarkdown(sectionTokens(section))).toBe(renderMarkdown(section.body));
});

test.each(CASES)("%s: rendered from the blocks as markdown-it renders it", (_, body) => {
  expect(fromBlocks(body)).toBe(renderMarkdown(body));
});

/** Print renders each ::: excerpt alone: from the reading, as markdown-it renders the excerpt's markdown. */
const excerpts = [
  ...sections.filter((s) => s.structure.blocks.some((b) => b.kind === "excerpt")),
  sectionFromText("en", "sample", "content/en/sample.md", "---\ntitle: T\n---\nIntro.\n\n- item\n\n  ::: excerpt\n  1. a\n  2. b\n  :::\n\n::: excerpt\n## H\n\n- a\n\n- b\n:::\n\n:::: details D\n::: excerpt\n> q  \n> r\n:::\n::::\n"),
];

test("the excerpts compared are there", () => {
  expect(excerpts.length).toBeGreaterThan(4);
  expect(excerptBlocks(excerpts.at(-1)!).map((e) => e.markdown)).toEqual(["1. a\n2. b", "## H\n\n- a\n\n- b", "> q  \n> r"]);
});

test.each(excerpts.map((s) => [s.file, s] as const))("%s: each excerpt printed from the reading is markdown-it's rendering of its markdown", (_, section) => {
  for (const { index, markdown } of excerptBlocks(section)) expect(renderMarkdown(excerptTokens(section, index, markdown))).toBe(renderMarkdown(markdown));
});

/** What the HTML depends on beyond the blocks: loose and tight lists, list kinds and starts, hard breaks, containers. */
const LAYOUT: Record<string, string> = {
  "a blank line between items": "- one\n\n- two\n- three",
  "a blank line between an item's paragraphs": "1. one\n\n   more of one\n2. two",
  "a blank line before a nested list": "- one\n\n  - inner\n- two",
  "a blank line after a nested list": "- one\n  - inner\n\n- two",
  "a blank line inside a nested list only": "- one\n  - a\n\n  - b\n- two",
  "a blank line before the first item only": "para\n\n- one\n- two",
  "a blank line before a ::: quote in an item": "- one\n\n  ::: quote Src\n  inside\n  :::\n- two",
  "a blank line inside a ::: quote in an item": "- one\n  ::: quote Src\n  inside\n\n  more\n  :::\n- two",
  "an empty > line between quoted items": "> - one\n>\n> - two",
  "a marker change starts a new list": "- one\n* two\n+ three\n1. four\n2) five",
  "an ordered list from 7, and from 0": "7. seven\n8. eight\n\n0) zero",
  "an ordered list from 007": "007. seven",
  "an empty item": "- one\n-\n- three",
  "an item whose text starts on the next line": "-\n  text",
  "hard breaks with two spaces and a backslash": "line one  \nline two\\\nline three   \nend",
  "a hard break in an item and in a quotation": "- item  \n  goes on\n\n> quoted  \n> more",
  "one trailing space and a tab": "soft \nbreak\t\nhere",
  "no-break spaces around a block's text (markdown-it keeps them)": "\u00a0para\nnext\u00a0\n\n## Title\u00a0\n\n- item\u00a0\n  \u00a0more",
  "a ::: quote with a linked source, ::: details with a linked label": "::: quote [Report](https://example.org/r) [78 A]\nText.\n:::\n\n::: details See [this](#x)\nBody.\n:::",
  "a ::: quote without source, nested containers": ":::: excerpt\n::: quote\nquoted\n:::\n::::",
  "lists inside ::: details and ::: excerpt": "::: details Open\n- one\n\n- two\n:::\n\n::: excerpt\n1. a\n2. b\n:::",
  "a heading after a list and inside a quotation": "- one\n\n## Heading\n> ### quoted heading\n> text",
  "citations in every kind of block": "## On [78 A]\n\n- see A/75/212\n\n> S/RES/2720 (2023)\n\n::: quote [1] Sub* 2.24\n[A-HRC-59-23-AEV*]\n:::",
};

test.each(Object.entries(LAYOUT))("%s: rendered from the blocks as markdown-it renders it", (_, body) => {
  expect(readBlocks(body, 1).problems).toEqual([]);
  expect(fromBlocks(body)).toBe(renderMarkdown(body));
});

/** The check's reading, as the aligner compares it: kind, heading level, list depth, container. */
const shapes = (body: string) => readBlocks(body, 1).blocks.map((b) => `${b.kind}${b.level || ""}:${b.depth}:${b.parent}:${b.text}`);

test.each([
  // The reader keeps a > line right under an item inside the item (depth 1); markdown-it ends the list.
  ["a > line right under an item", "- item\n> q", ["item:1:-1:item", "quote:1:-1:", "paragraph:1:1:q"], "<ul>\n<li>item\n<blockquote>\n<p>q</p>\n</blockquote>\n</li>\n</ul>\n"],
  // The same for a heading: markdown-it ends the list before it.
  ["a heading right under an item", "- one\n## Heading", ["item:1:-1:one", "heading2:1:-1:Heading"], '<ul>\n<li>one\n<h2 id="part-1">Heading</h2>\n</li>\n</ul>\n'],
  // An empty item takes the line under it as its text; markdown-it leaves the item empty and makes it a paragraph.
  ["a line under an empty item", "-\npara", ["item:1:-1:para"], "<ul>\n<li>para</li>\n</ul>\n"],
  // A ::: line with more colons closes only the block opened with as many; markdown-it closes the outer one with it.
  ["a longer ::: line closing an inner block", "::: excerpt\n:::: quote\nquoted\n::::\n:::", ["excerpt:0:-1:", "quote:0:0:", "paragraph:0:1:quoted"], '<div class="excerpt">\n<figure class="quote"><blockquote>\n<p>quoted</p>\n</blockquote></figure>\n</div>\n'],
])("%s: markdown-it reads it otherwise, and the page shows what the check read", (_, body, read, page) => {
  expect(readBlocks(body, 1).problems).toEqual([]);
  expect(shapes(body)).toEqual(read);
  expect(fromBlocks(body)).toBe(page);
  expect(renderMarkdown(body)).not.toBe(page);
});
