// What a translator must keep exactly, and how a changed translation is told it broke it.
import { resolve } from "node:path";
import { expect, test } from "vitest";
import { readProject } from "../../scripts/project/readProject.ts";
import { brokenTokens, protectedTokens } from "../../scripts/translators/exchange/protect.ts";

test("citation markers, placeholders, $t(), link brackets and addresses and emphasis are protected; words are not", () => {
  const text = "**Read** the [report](https://example.org/r) [78 A, B] on {{count}} pages, see $t(home.cta) and A/75/212.";
  expect(protectedTokens(text).map((t) => [t.kind, t.text])).toEqual([
    ["emphasis", "**"],
    ["emphasis", "**"],
    ["link", "["],
    ["link", "](https://example.org/r)"],
    ["citation", "[78 A, B]"],
    ["placeholder", "{{count}}"],
    ["nesting", "$t(home.cta)"],
    ["citation", "A/75/212"],
  ]);
});

test("a translation that keeps every token passes; one that drops, alters or adds one is told which", () => {
  const english = "Read the [report](https://example.org/r) [78 A, B] on {{count}} pages.";
  expect(brokenTokens(english, "اقرأ [التقرير](https://example.org/r) [78 A, B] في {{count}} صفحة.")).toEqual([]);
  expect(brokenTokens(english, "اقرأ [التقرير](https://example.org/x) [78 A] في {{count}} صفحة.")).toEqual([
    "lacks the link address https://example.org/r (written ](https://example.org/r))",
    "lacks [78 A, B]",
    "has the link address https://example.org/x (written ](https://example.org/x)) which the English does not have",
    "has [78 A] which the English does not have",
  ]);
  // Arabic's zero and one forms may drop {{count}}, but never add one the English lacks.
  expect(brokenTokens("{{count}} pages", "لا صفحات", true)).toEqual([]);
});

test("adjacent tokens are each protected: **[t](u)** keeps its closing ** right after the link's address", () => {
  expect(protectedTokens("**[the report](https://example.org/r)**").map((t) => [t.kind, t.text, t.start, t.end])).toEqual([
    ["emphasis", "**", 0, 2],
    ["link", "[", 2, 3],
    ["link", "](https://example.org/r)", 13, 37],
    ["emphasis", "**", 37, 39],
  ]);
  expect(brokenTokens("**[the report](https://example.org/r)**", "**[التقرير](https://example.org/r)")).toEqual(["lacks the emphasis marker ** (the English has it 2 times, the translation 1)"]);
  expect(brokenTokens("**[the report](https://example.org/r)**", "**[التقرير](https://example.org/r)**")).toEqual([]);
});

test("a token the English has twice: the translation keeps it twice, and is told the counts when it does not", () => {
  const english = "See [78 A, B] here and [78 A, B] there, and [the report](https://example.org/r).";
  expect(brokenTokens(english, "انظر [78 A, B] هنا و[78 A, B] هناك، و[التقرير](https://example.org/r).")).toEqual([]);
  expect(brokenTokens(english, "انظر [78 A, B] هنا وهناك، و[التقرير](https://example.org/r).")).toEqual(["lacks [78 A, B] (the English has it 2 times, the translation 1)"]);
  expect(brokenTokens(english, "[78 A, B] [78 A, B] [78 A, B] و[التقرير](https://example.org/r) [و](https://example.org/r)")).toEqual([
    "has [78 A, B] 3 times (the English 2)",
    "has the [ that opens a link 2 times (the English 1)",
    "has the link address https://example.org/r (written ](https://example.org/r)) 2 times (the English 1)",
  ]);
});

test("a marker as markdown writes it: bold around it keeps both its ** and the marker without a star; an escaped star is the marker's own", () => {
  // content/en/references.md: "**A-HRC-59-23-AEV**:" renders the marker in bold, with no star.
  expect(protectedTokens("**A-HRC-59-23-AEV**: UN document name").map((t) => [t.kind, t.text])).toEqual([
    ["emphasis", "**"],
    ["citation", "A-HRC-59-23-AEV"],
    ["emphasis", "**"],
  ]);
  // content/en/illegal.md: "A-HRC-59-23-AEV\*" renders as A-HRC-59-23-AEV*, and \* is what the translation must keep.
  expect(protectedTokens("While A-HRC-59-23-AEV\\* outlines").map((t) => [t.kind, t.text])).toEqual([["citation", "A-HRC-59-23-AEV\\*"]]);
  expect(protectedTokens("the report [A-HRC-59-23-AEV\\*]").map((t) => [t.kind, t.text])).toEqual([["citation", "[A-HRC-59-23-AEV\\*]"]]);
  expect(protectedTokens("item Sub\\* 2.24 of it").map((t) => [t.kind, t.text])).toEqual([["citation", "Sub\\* 2.24"]]);
  expect(brokenTokens("While A-HRC-59-23-AEV\\* outlines", "بينما يحدد A-HRC-59-23-AEV")).toEqual([
    "lacks A-HRC-59-23-AEV\\*",
    "has A-HRC-59-23-AEV which the English does not have",
  ]);
  expect(brokenTokens("**A-HRC-59-23-AEV**: name", "**A-HRC-59-23-AEV**: الاسم")).toEqual([]);
});

test("the markers an entry keeps are the markers the check counts: every English block's, as written", () => {
  const english = readProject(resolve(import.meta.dirname, "../..")).locales[0]!;
  let markers = 0;
  for (const doc of english.sections.values()) {
    for (const block of doc.structure.blocks) {
      const kept = protectedTokens(block.markdown).filter((t) => t.kind === "citation").map((t) => t.text.replaceAll("\\*", "*"));
      expect(kept, `${doc.file}:${block.line}`).toEqual(block.citations);
      markers += kept.length;
    }
  }
  expect(markers).toBeGreaterThan(40);
});
