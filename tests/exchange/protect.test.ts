// What a translator must keep exactly, and how a changed translation is told it broke it.
import { expect, test } from "vitest";
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
