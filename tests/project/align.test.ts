// The aligner: a translation's blocks paired with the English blocks, and what differs reported
// with both places.
import { describe, expect, test } from "vitest";
import { alignBlocks, describeDivergence } from "../../scripts/project/align.ts";
import { readBlocks } from "../../scripts/project/blocks.ts";

const ENGLISH = [
  "## The pledge", // 1
  "",
  "We refuse to support the occupation, its army and its prisons.", // 3
  "",
  "Support can take many forms, from tickets to escalations [78 A, B].", // 5
  "",
  "- Tier 1: we refuse to support the Israeli government and military.", // 7
  "- Tier 2: we also refuse to support the economy of occupation.", // 8
  "",
  "::: quote A-HRC-59-23-AEV\\*", // 10
  "Companies are complicit in the genocide.", // 11
  ":::", // 12
  "",
  "Read [the report](https://example.org/report) and sign the pledge at the end of this page.", // 14
].join("\n");

/** A stand-in translation: the words changed, the markup, keywords and addresses kept. */
const TRANSLATION = ENGLISH.split("\n")
  .map((line) => (line.startsWith(":::") ? line : line.replace(/(?<![(/.\w])[a-z]{4,}/g, (w) => w.toUpperCase().split("").toReversed().join(""))))
  .join("\n");

const blocks = (body: string) => readBlocks(body, 1).blocks;
const places = { english: "content/en/pledge.md", translation: "content/ar/pledge.md", translationLine: 1 };

function reports(english: string, translation: string) {
  const e = blocks(english);
  const t = blocks(translation);
  const alignment = alignBlocks(e, t);
  return alignment.divergences.map((d) => describeDivergence(d, e, t, places, alignment));
}

const without = (text: string, ...lines: number[]) =>
  text
    .split("\n")
    .filter((_, i) => !lines.includes(i + 1))
    .join("\n");

test("a faithful translation pairs every block with its English block", () => {
  const alignment = alignBlocks(blocks(ENGLISH), blocks(TRANSLATION));
  expect(alignment.divergences).toEqual([]);
  expect(alignment.pairs.every((p) => p.kind === "same" && p.english === p.translation)).toBe(true);
  expect([...alignment.counterpart]).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
});

test("a deleted paragraph is reported where it is missing, with both places", () => {
  const [report, ...rest] = reports(ENGLISH, without(TRANSLATION, 3, 4));
  expect(rest).toEqual([]);
  expect(report).toMatchObject({ line: 3, englishLine: 3, message: "the English paragraph at content/en/pledge.md:3 has no counterpart here" });
  expect(report!.hint).toContain("“We refuse to support the occupation, its army and its…”");
});

test("a deleted paragraph among paragraphs of the same shape is found by its length and citations", () => {
  const e = blocks(ENGLISH);
  const t = blocks(without(TRANSLATION, 5, 6));
  const alignment = alignBlocks(e, t);
  expect(alignment.divergences).toHaveLength(1);
  expect(alignment.divergences[0]!.first).toMatchObject({ kind: "missing", english: 2 });
  expect(alignment.counterpart[1]).toBe(1);
  expect(alignment.counterpart[3]).toBe(2);
});

test("a deleted list item", () => {
  expect(reports(ENGLISH, without(TRANSLATION, 8))).toMatchObject([{ line: 9, englishLine: 8, message: "the English list item at content/en/pledge.md:8 has no counterpart here" }]);
});

test("a heading whose level changed", () => {
  const [report] = reports(ENGLISH, TRANSLATION.replace("## ", "### "));
  expect(report).toMatchObject({ line: 1, englishLine: 1, message: "this heading is level 3 (###); the English heading at content/en/pledge.md:1 is level 2 (##)" });
  expect(report!.hint).toContain("start the line with ##");
});

test("a quotation that lost its attribution, and a paragraph that left the quotation", () => {
  expect(reports(ENGLISH, TRANSLATION.replace("::: quote A-HRC-59-23-AEV\\*", "::: quote"))[0]!.message).toBe(
    "this quotation has no attribution (its source); the English one at content/en/pledge.md:10 has “A-HRC-59-23-AEV*”",
  );
  const closedEarly = TRANSLATION.replace("AEV\\*\n", "AEV\\*\n:::\n").replace(/\n:::\n\nDAER/, "\n\nDAER");
  expect(reports(ENGLISH, closedEarly)).toMatchObject([
    { line: 12, englishLine: 11, message: "this paragraph is not inside any quotation, collapsed block, excerpt or list item; the English paragraph at content/en/pledge.md:11 is inside a quotation" },
  ]);
});

test("a list item turned into a paragraph is one change, not a deletion and an addition", () => {
  const [report, ...rest] = reports(ENGLISH, TRANSLATION.replace("\n- Tier 2", "\n\nTier 2"));
  expect(rest).toEqual([]);
  expect(report).toMatchObject({ line: 9, message: "this is a paragraph; the English has a list item here (content/en/pledge.md:8)" });
});

test("an added paragraph, then the alignment resumes and finds a second divergence further on", () => {
  const translation = TRANSLATION.replace("\n\n- Tier 1", "\n\nAn added paragraph of the translator's own making.\n\n- Tier 1").replace("## ", "#### ");
  const found = reports(ENGLISH, translation);
  expect(found.map((r) => r.message)).toEqual([
    "this heading is level 4 (####); the English heading at content/en/pledge.md:1 is level 2 (##)",
    "this paragraph has no counterpart in the English (compare with content/en/pledge.md:5)",
  ]);
  expect(found[1]!.line).toBe(7);
});

test("several blocks missing in a row are one divergence that counts them", () => {
  const [report, ...rest] = reports(ENGLISH, without(TRANSLATION, 7, 8, 9, 10, 11, 12, 13));
  expect(rest).toEqual([]);
  expect(report!.message).toBe("the English list item at content/en/pledge.md:7 has no counterpart here (3 more blocks after it differ too)");
});

test("the expected length ratio decides between paragraphs of the same shape", () => {
  const english = blocks("Short one here, twenty.\n\nA much longer paragraph that goes on for quite a while, with many words.\n\nAnother one of medium length, forty chars.");
  // A translation about twice as long as the English, with its second paragraph dropped.
  const translation = blocks("Short one here, twenty. Short one here.\n\nAnother one of medium length, forty chars. Another one of medium length.");
  expect(alignBlocks(english, translation, { ratio: 2 }).divergences[0]!.first).toMatchObject({ kind: "missing", english: 1 });
});

test("an empty translation: every English block is missing, reported at the body's first line", () => {
  const e = blocks(ENGLISH);
  const alignment = alignBlocks(e, []);
  expect(alignment.divergences).toHaveLength(1);
  expect(describeDivergence(alignment.divergences[0]!, e, [], places, alignment).line).toBe(1);
});

/** Paragraphs of one shape whose lengths point the wrong way: only their addresses or markers tell them apart. */
describe.each([
  { by: "link addresses", mark: (n: string) => `[the ${n} report](https://example.org/${n})` },
  { by: "citation markers", mark: (n: string) => `[7${n.length} ${n.toUpperCase()}]` },
])("same-shape paragraphs told apart only by $by", ({ mark }) => {
  /** `start`, then filler words, to `length` characters ending in a full stop. */
  const pad = (start: string, length: number) =>
    `${`${start} ${"and so on ".repeat(20)}`
      .slice(0, length - 1)
      .trimEnd()
      .padEnd(length - 1, "x")}.`;
  /** A paragraph ending in `mark(n)` whose plain text is `length` characters long. */
  const paragraph = (n: string, length: number) => {
    const end = ` ${mark(n)}`;
    const text = readBlocks(end, 1).blocks[0]!.text;
    return `${pad(`Paragraph ${n}`, length - text.length - 1)}${end}`;
  };
  // English: 30, 60 and 40 characters; the translation of the third grew to 60 and the second is gone.
  const english = [paragraph("one", 30), paragraph("two", 60), paragraph("six", 40)].join("\n\n");
  const translation = [paragraph("one", 30), paragraph("six", 60)].join("\n\n");

  test("the deleted one is found, though the lengths alone would pair the wrong ones", () => {
    const e = blocks(english);
    const t = blocks(translation);
    expect(e.map((b) => b.text.length)).toEqual([30, 60, 40]);
    expect(t.map((b) => b.text.length)).toEqual([30, 60]);
    const alignment = alignBlocks(e, t);
    expect([...alignment.counterpart]).toEqual([0, -1, 1]);
    expect(alignment.divergences.map((d) => describeDivergence(d, e, t, places, alignment))).toMatchObject([
      { line: 3, englishLine: 3, message: "the English paragraph at content/en/pledge.md:3 has no counterpart here" },
    ]);
  });
});
