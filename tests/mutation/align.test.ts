// The aligner's pairs, kinds and words for what the other aligner tests leave open: blocks added at
// the end, each kind of change and its hint, the places a report points to when a side has no
// block there, and same-shape paragraphs told apart by their links and citation markers.
import { expect, test } from "vitest";
import { alignBlocks, describeDivergence } from "../../scripts/project/align.ts";
import { readBlocks } from "../../scripts/project/blocks.ts";

const blocks = (body: string) => readBlocks(body, 1).blocks;
const places = { english: "en.md", translation: "ar.md", translationLine: 42 };

function reports(english: string, translation: string) {
  const e = blocks(english);
  const t = blocks(translation);
  const alignment = alignBlocks(e, t);
  return alignment.divergences.map((d) => describeDivergence(d, e, t, places, alignment));
}
const kinds = (english: string, translation: string) => alignBlocks(blocks(english), blocks(translation)).pairs.map((p) => `${p.kind} ${p.english} ${p.translation}`);

test("blocks added after the English's last block are extra pairs, each once", () => {
  expect(kinds("One.\n\nTwo.", "Un.\n\nDeux.\n\nTrois.\n\nQuatre.")).toEqual(["same 0 0", "same 1 1", "extra -1 2", "extra -1 3"]);
  expect(kinds("One.", "- un\n\nDeux.")).toEqual(["extra -1 0", "same 0 1"]);
  expect(kinds("- one", "Un.")).toEqual(["changed 0 0"]);
  expect([...alignBlocks(blocks("One.\n\nTwo."), blocks("Un.")).counterpart]).toEqual([0, -1]);
});

test("a block of another kind that holds no text is never paired with a paragraph", () => {
  expect(kinds("::: quote S\nQ.\n:::", "Une phrase.\n\n::: quote S\nQ.\n:::")).toEqual(["extra -1 0", "same 0 1", "same 1 2"]);
  expect(kinds("Para.", "::: details L\n:::")).toEqual(["missing 0 -1", "extra -1 0"]);
});

test("an added block: a paragraph is told to join or go, any other block to go", () => {
  expect(reports("# T\n\nPara.", "# T\n\nPara.\n\nAdded.")).toEqual([
    {
      line: 5,
      englishLine: 3,
      message: "this paragraph has no counterpart in the English (compare with en.md:3)",
      hint: "if it continues the paragraph before it, join the two (no blank line between); if it is not in the English, remove it",
    },
  ]);
  expect(reports("# T", "# T\n\n## Added")).toEqual([
    {
      line: 3,
      englishLine: 1,
      message: "this heading has no counterpart in the English (compare with en.md:1)",
      hint: "if it is not in the English, remove it; keep every block of en.md and no other",
    },
  ]);
  // Nothing in the English at all: its place is line 1.
  expect(reports("", "Added.")[0]).toMatchObject({ line: 1, englishLine: 1 });
});

test("a missing block: the hint quotes the English and names its markup; one with no text is not quoted", () => {
  expect(reports("# T\n\n::: excerpt\nE.\n:::", "# T")[0]).toEqual({
    line: 1,
    englishLine: 3,
    message: "the English excerpt at en.md:3 has no counterpart here (1 more block after it differs too)",
    hint: "translate it and put it here with ::: excerpt … :::, as the English has it",
  });
  // The place in the translation: the next block it has, else the end of the one before, else the body's first line.
  expect(reports("One.\n\nTwo.\n\nThree.", "Un.\n\nDeux.")[0]).toMatchObject({ line: 3, englishLine: 5 });
  expect(reports("One.\n\nTwo.\n\nThree.", "Un.\n\n## Deux\n\nTrois.")[0]).toMatchObject({ line: 3, englishLine: 3 });
  expect(reports("One.\n\nTwo\nlines.\n\nThree.", "Un\nlignes.")[0]).toMatchObject({ line: 2 });
  expect(reports("One.", "")[0]).toMatchObject({ line: 42, englishLine: 1 });
});

test("a block of another kind in the English's place: both kinds and the markup to use", () => {
  expect(reports("- item", "## heading")).toEqual([
    { line: 1, englishLine: 1, message: "this is a heading; the English has a list item here (en.md:1)", hint: "write it as a list item, with - (or 1.) at the same indentation" },
  ]);
});

test("attribution and label: lost, and gained, for a quotation and a collapsed block", () => {
  expect(reports("::: details Open me\nD.\n:::", "::: details\nD.\n:::")[0]).toEqual({
    line: 1,
    englishLine: 1,
    message: "this collapsed block has no label; the English one at en.md:1 has “Open me”",
    hint: "write it after ::: details, on the same line, as the English does",
  });
  expect(reports("::: quote\nQ.\n:::", "::: quote Made up\nQ.\n:::")[0]).toEqual({
    line: 1,
    englishLine: 1,
    message: "this quotation has an attribution (its source) the English one at en.md:1 lacks",
    hint: "write ::: quote alone on its line, as the English does",
  });
  expect(reports("::: details\nD.\n:::", "::: details Made up\nD.\n:::")[0]!.message).toBe("this collapsed block has an label the English one at en.md:1 lacks");
});

test("a block in another container, or at another depth: where each one is", () => {
  expect(reports("::: details L\n::: quote S\nQ.\n:::\n:::", "::: details L\n:::\n\n::: quote S\nQ.\n:::")[0]!.message).toBe(
    "this quotation is not inside any quotation, collapsed block, excerpt or list item; the English quotation at en.md:2 is inside a collapsed block (1 more block after it differs too)",
  );
  expect(reports("- item\n\n  inside", "- item\n\ninside")[0]).toEqual({
    line: 3,
    englishLine: 3,
    message: "this paragraph is not inside any quotation, collapsed block, excerpt or list item; the English paragraph at en.md:3 is inside a list item",
    hint: "check the ::: lines (and the indentation) around it: open and close each block where the English does",
  });
  expect(reports("- a\n  - b", "- a\n- b")[0]).toEqual({
    line: 2,
    englishLine: 2,
    message: "this list item is nested 1 deep; the English list item at en.md:2 is nested 2 deep",
    hint: "indent it as the English does (a nested item starts under the text of the item above it)",
  });
});

test("same-shape paragraphs are told apart by their link addresses and citation markers, not only by length", () => {
  const linked = "Read [this](https://a.example) now.\n\nRead [this](https://b.example) now.\n\nRead [this](https://c.example) now.";
  const dropB = "Lis [ceci](https://a.example) maintenant.\n\nLis [ceci](https://c.example) maintenant.";
  expect(alignBlocks(blocks(linked), blocks(dropB)).divergences[0]!.first).toMatchObject({ kind: "missing", english: 1 });
  const cited = "A point made here [1].\n\nA point made here [2].\n\nA point made here [3].";
  const dropOne = "Une idée faite ici [1].\n\nUne idée faite ici [3].";
  expect(alignBlocks(blocks(cited), blocks(dropOne)).divergences[0]!.first).toMatchObject({ kind: "missing", english: 1 });
});

test("short blocks (under 20 characters) are not told apart by length: the gap goes as late as it can", () => {
  expect(alignBlocks(blocks("Yes.\n\nNo, never ever.\n\nOk."), blocks("Oui.\n\nNon.")).divergences[0]!.first).toMatchObject({ kind: "missing", english: 2 });
  // From 20 characters on, length decides.
  const english = "A short one, twenty+.\n\nA paragraph that is a good deal longer than the others around it.\n\nA short one, twenty+.";
  const translation = "Un court, vingt et plus.\n\nUn court, vingt et plus.";
  expect(alignBlocks(blocks(english), blocks(translation)).divergences[0]!.first).toMatchObject({ kind: "missing", english: 1 });
});
