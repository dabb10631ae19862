// The import's structure rules on their own: which lines of a translation would start another
// block, and the read-back that compares a spliced section's blocks with the English.
import { expect, test } from "vitest";
import { readBlocks } from "../../scripts/project/blocks.ts";
import { shapeDifference, structureProblem } from "../../scripts/translators/exchange/structure.ts";

test("words, emphasis, links and escaped signs pass; a line that starts another block does not", () => {
  for (const ok of ["Plain words.", "Two lines\nof one paragraph.", "**Bold** and [a link](https://example.org).", "\\# not a heading", "2024\\. A year.", "A - dash inside"])
    expect(structureProblem(ok, "paragraph"), ok).toBeUndefined();
  for (const bad of [
    "x\n:::",
    "x\n::: quote Someone",
    "x\n## h",
    "x\n> q",
    "x\n- i",
    "x\n3. i",
    "x\n===",
    "x\n---",
    "x\n* * *",
    "x\n~~~",
    "x\n[r]: https://evil.example",
    "x\n--- | ---",
    "x\n\ny",
    "x\n    code",
  ]) {
    expect(structureProblem(bad, "paragraph"), bad).toBeDefined();
  }
  expect(structureProblem("one\ntwo", "heading")?.message).toBe("the translation has a line break where the English is one line");
  expect(structureProblem("# inside a heading is its text", "heading")).toBeUndefined();
});

test("the read-back finds a block the English does not have, or one of another kind or place", () => {
  const english = readBlocks("Para one.\n\n::: quote Source\nQuoted.\n:::\n\nPara two.\n", 1).blocks;
  expect(shapeDifference(english, readBlocks("Un.\n\n::: quote Source\nCité.\n:::\n\nDeux.\n", 1))).toBeUndefined();
  expect(shapeDifference(english, readBlocks("Un.\n:::\n\n::: quote Source\nCité.\n:::\n\nDeux.\n", 1))?.message).toMatch(/closes nothing/);
  expect(shapeDifference(english, readBlocks("Un.\n\n::: quote Source\nCité.\n:::\n\n## Deux.\n", 1))).toEqual({
    index: 3,
    message: "the section would have a heading where the English has a paragraph",
  });
  expect(shapeDifference(english, readBlocks("Un.\n\nEncore.\n\n::: quote Source\nCité.\n:::\n\nDeux.\n", 1))?.index).toBe(1);
});
