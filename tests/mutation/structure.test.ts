// The import's structure rules, each message and hint in full: which line of a multi-line
// translation starts another block and why, what a heading, quotation or title may hold, and where
// the read-back of a spliced section first differs from the English (count, kind, level, depth).
import { expect, test } from "vitest";
import { readBlocks } from "../../scripts/project/blocks.ts";
import { shapeDifference, structureProblem } from "../../scripts/translators/exchange/structure.ts";

const said = (text: string, kind: Parameters<typeof structureProblem>[1]) => {
  const p = structureProblem(text, kind);
  return p && `${p.message} | ${p.hint}`;
};

test("each sign that starts another block is named, at its line, with the backslash that keeps it text", () => {
  expect(said("x\n:::", "paragraph")).toBe(
    "line 2 of the translation starts with :::, which opens or closes a quotation, testimony or excerpt: the translation would change the page's structure, not only its words | keep the paragraph as the English has it; to start a line with this sign as text, put a backslash before it (\\:) or reword the line",
  );
  const what = (text: string) => structureProblem(text, "item")!.message.replace(": the translation would change the page's structure, not only its words", "");
  expect(what("## h")).toBe("the translation starts with #, which makes it a heading");
  expect(what("x\n  > q")).toBe("line 2 of the translation starts with >, which makes it a quotation");
  expect(what("x\n===")).toBe("line 2 of the translation is only = or - signs, which turn the line above into a heading");
  expect(what("x\n_ _ _")).toBe("line 2 of the translation is only *, - or _ signs, which make a horizontal rule");
  expect(what("x\n+ i")).toBe("line 2 of the translation starts with a list marker (-, *, + or a number with . or )), which makes it a list item");
  expect(what("x\n12) i")).toBe("line 2 of the translation starts with a list marker (-, *, + or a number with . or )), which makes it a list item");
  expect(what("x\n```")).toBe("line 2 of the translation starts with ``` or ~~~, which starts a code block");
  expect(what("x\n[r]: https://evil.example")).toBe("line 2 of the translation starts with [name]:, which defines a link address");
  expect(what("x\n|:--|--:|")).toBe("line 2 of the translation is only | and - signs, which make a table");
  expect(structureProblem("#hashtag and 2024 words", "item")).toBeUndefined();
});

test("a blank line splits a paragraph; a single blank line is nothing; indentation makes code", () => {
  expect(said("x\n \ny", "paragraph")).toBe("line 2 of the translation is blank, which would split the paragraph in two | remove the blank line: one paragraph stays one paragraph");
  expect(said("x\n\ny", "item")).toBe("line 2 of the translation is blank, which would split the list item in two | remove the blank line: one list item stays one list item");
  expect(structureProblem("   ", "paragraph")).toBeUndefined();
  expect(said("x\n\tcode", "paragraph")).toBe("line 2 of the translation starts with 4 spaces or a tab, which can make it a code block | remove the spaces at the start of the line");
  expect(said("    code", "heading")).toBe("the translation starts with 4 spaces or a tab, which can make it a code block | remove the spaces at the start of the line");
  expect(structureProblem("   - three spaces", "paragraph")?.message).toMatch(/^the translation starts with a list marker/);
});

test("a title, heading, quotation label or block label is one line; a label may not start with :::, a heading may", () => {
  expect(said("one\ntwo", "title")).toBe("the translation has a line break where the English is one line | write the title on one line");
  expect(said("one\ntwo", "quote")).toBe("the translation has a line break where the English is one line | write the quotation on one line");
  expect(structureProblem("## Title - > :::", "title")).toBeUndefined();
  expect(said("::: Source", "quote")).toBe("the translation starts with :::, which the page would read as another block | remove the colons");
  expect(said("  :::x", "details")).toBe("the translation starts with :::, which the page would read as another block | remove the colons");
  expect(structureProblem("::: a heading's own text", "heading")).toBeUndefined();
  expect(structureProblem("- > Source", "quote")).toBeUndefined();
});

test("the read-back: one block fewer or more, a heading of another level, an item of another depth, at the first English block that differs", () => {
  const english = readBlocks("## Title\n\n- one\n  - two\n\nEnd.\n", 1).blocks;
  expect(shapeDifference(english, readBlocks("## Titre\n\n- un\n  - deux\n", 1))).toEqual({ index: 3, message: "the section would have 3 blocks where the English has 4" });
  expect(shapeDifference(english, readBlocks("## Titre\n\n- un\n  - deux\n\nFin.\n\nEncore.\n", 1))).toEqual({ index: 3, message: "the section would have 5 blocks where the English has 4" });
  expect(shapeDifference(english, readBlocks("### Titre\n\n- un\n  - deux\n\nFin.\n", 1))).toEqual({ index: 0, message: "the section would have a heading where the English has a heading of another level, depth or place" });
  expect(shapeDifference(english, readBlocks("## Titre\n\n- un\n- deux\n\nFin.\n", 1))).toEqual({ index: 2, message: "the section would have a list item where the English has a list item of another level, depth or place" });
  expect(shapeDifference(english, readBlocks("## Titre\n\n- un\n  - deux\n\nFin.\n", 1))).toBeUndefined();
});

test("the read-back of broken markup: its message, at the last block that starts before the problem's line", () => {
  const english = readBlocks("One.\n\nTwo.\n\nThree.\n", 1).blocks;
  const read = readBlocks("Un.\n\nDeux.\n\n::: details\n\nTrois.\n", 1);
  expect(shapeDifference(english, read)).toEqual({ index: 2, message: read.problems[0]!.message });
});
