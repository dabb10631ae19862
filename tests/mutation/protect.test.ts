// What a translator must keep, at its exact place: adjacent tokens, escaped markers, addresses with
// parentheses, a token the English has more than once, and the words each problem is told in.
import { expect, test } from "vitest";
import { brokenTokens, protectedTokens } from "../../scripts/translators/exchange/protect.ts";

const tokens = (text: string) => protectedTokens(text).map((t) => `${t.kind} ${t.text} ${t.start}-${t.end}`);

test("**[t](u)**: four adjacent tokens, each at its own place, none swallowing the next", () => {
  expect(tokens("**[t](https://u.example)**")).toEqual(["emphasis ** 0-2", "link [ 2-3", "link ](https://u.example) 4-24", "emphasis ** 24-26"]);
  expect(brokenTokens("**[t](https://u.example)**", "**[ت](https://u.example)")).toEqual(["lacks the emphasis marker ** (the English has it 2 times, the translation 1)"]);
});

test("a citation in brackets is one token, not a link's [ (citations are read first)", () => {
  expect(tokens("[78 A, B] and [the note](#n12)")).toEqual(["citation [78 A, B] 0-9", "link [ 14-15", "link ](#n12) 23-30"]);
});

test("escaped markers are text; an address may hold parentheses; __ is emphasis too", () => {
  expect(tokens("\\[not a link](x) \\** and __under__")).toEqual(["link ](x) 12-16", "emphasis __ 25-27", "emphasis __ 32-34"]);
  expect(tokens("[w](https://en.example/A_(b))")).toEqual(["link [ 0-1", "link ](https://en.example/A_(b)) 2-29"]);
  expect(tokens("{{count}} and $t(home.cta) and {{a}}{{b}}")).toEqual(["placeholder {{count}} 0-9", "nesting $t(home.cta) 14-26", "placeholder {{a}} 31-36", "placeholder {{b}} 36-41"]);
  expect(tokens("plain words, no token")).toEqual([]);
});

test("a token the English has twice, lost at the second place, and one added twice, in the words the import shows", () => {
  const english = "See [78 A, B], then again [78 A, B] and __this__.";
  expect(brokenTokens(english, "انظر [78 A, B] ثم __هذا__.")).toEqual(["lacks [78 A, B] (the English has it 2 times, the translation 1)"]);
  expect(brokenTokens(english, "[78 A, B] [78 A, B] [78 A, B] __هذا__.")).toEqual(["has [78 A, B] 3 times (the English 2)"]);
  expect(brokenTokens(english, "[78 A, B] [78 A, B] هذا.")).toEqual(["lacks the emphasis marker __ (the English has it 2 times, the translation 0)"]);
  expect(brokenTokens("no link", "a [link](#x)")).toEqual(["has the [ that opens a link which the English does not have", "has the link address #x (written ](#x)) which the English does not have"]);
  expect(brokenTokens("a [link](#x)", "no link")).toEqual(["lacks the [ that opens a link", "lacks the link address #x (written ](#x))"]);
});

test("missingAllowed (a plural form that may drop {{count}}) still reports what the translation adds", () => {
  expect(brokenTokens("{{count}} pages", "صفحة", true)).toEqual([]);
  expect(brokenTokens("{{count}} pages", "{{count}} {{count}} صفحة", true)).toEqual(["has {{count}} 2 times (the English 1)"]);
  expect(brokenTokens("{{count}} pages", "صفحة")).toEqual(["lacks {{count}}"]);
});
