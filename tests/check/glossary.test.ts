// The glossary rule: renderings found as a reader of each script would find them, the check's
// messages (file:line, severity per locale), forbidden renderings anywhere, the quotation
// exemption, entries for unknown locales or terms the English lacks, and undecided terms.
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { checkLocales } from "../../scripts/check/checkLocales.ts";
import { GlossaryCheck } from "../../scripts/check/glossary.ts";
import type { Glossary } from "../../scripts/project/glossary.ts";
import { parseLocaleMeta } from "../../scripts/project/localeMeta.ts";
import { readProject } from "../../scripts/project/readProject.ts";
import { glossaryLine } from "../../scripts/site/statusPage.ts";
import { anyOf, compileRendering, foldText, hasRendering, rareLetters, writtenHas } from "../../scripts/project/termMatch.ts";
import { ROOT } from "../helpers/site.ts";
import { brief, copyFixture } from "./fixtures.ts";

/** Whether the text holds the rendering; and, every time, what the check relies on to skip folding. */
function has(text: string, rendering: string, code: string): boolean {
  const compiled = compileRendering(rendering, code);
  const found = hasRendering(foldText(text), compiled);
  // Found as written: found (folding only merges). Found at all: the quick pattern over the text as written sees it.
  if (writtenHas(text, compiled)) expect(found, `${text} / ${rendering}`).toBe(true);
  if (found) expect(anyOf([compiled])!.test(text), `${text} / ${rendering}`).toBe(true);
  // Whichever letters the language's text makes the rarest (here each letter and each pair in turn: the sample lacks it alone), their pattern sees the text too.
  const letters = [...compiled.core].filter((c) => c !== " ");
  const pairs = letters.slice(1).map((c, i) => letters[i]! + c);
  for (const missing of new Set([...letters, ...pairs])) {
    const sample = [...letters, ...pairs].filter((l) => !l.includes(missing) && !missing.includes(l)).join(" ");
    if (found) expect(rareLetters([compiled], sample)!.test(text), `${text} / ${rendering} / ${missing}`).toBe(true);
  }
  return found;
}

describe("finding a rendering in a translated text", () => {
  test("Arabic: clitics and the article before the first word", () => {
    for (const text of ["التواطؤ", "والتواطؤ", "بالتواطؤ", "للتواطؤ", "فالتواطؤ", "كالتواطؤ", "وللتواطؤ", "وبالتواطؤ"]) {
      expect(has(`يحظر ${text} في الجرائم`, "التواطؤ", "ar"), text).toBe(true);
      expect(has(`يحظر ${text} في الجرائم`, "تواطؤ", "ar"), text).toBe(true);
    }
    expect(has("يحظر تواطؤ الشركات", "تواطؤ", "ar")).toBe(true);
    // Not a prefix: other letters before, or letters after (a different word).
    expect(has("يحظر متواطؤ", "تواطؤ", "ar")).toBe(false);
    expect(has("يحظر التواطؤات", "التواطؤ", "ar")).toBe(false);
    expect(has("لدعم", "الدعم", "ar")).toBe(false);
  });

  test("Arabic: tashkeel, tatweel, alef and hamza forms, ى/ي and ة/ه do not hide a word", () => {
    expect(has("إنّ التَّوَاطُؤَ جريمة", "التواطؤ", "ar")).toBe(true);
    expect(has("إن التواطـــؤ جريمة", "التواطؤ", "ar")).toBe(true);
    expect(has("المساءلة القانونية", "المساءله", "ar")).toBe(true);
    expect(has("المساءله القانونية", "المساءلة", "ar")).toBe(true);
    expect(writtenHas("بالمساءلة", compileRendering("المساءلة", "ar"))).toBe(true);
    expect(has("إسرائيل", "اسرائيل", "ar")).toBe(true);
    expect(has("أزور", "ازور", "ar")).toBe(true);
    expect(has("آزور", "أزور", "ar")).toBe(true);
    expect(has("على المستشفى", "المستشفي", "ar")).toBe(true);
    expect(has("لـAzure", "Azure", "ar")).toBe(true);
    expect(has("لا لأزُور", "أزور", "ar")).toBe(true);
    expect(has("وكالة UNHCR", "unhcr", "ar")).toBe(true);
  });

  test("Arabic: a rendering of several words, each normalized, the clitic on the first", () => {
    expect(has("ويحظر بالمُساعدة والتحريض على الجرائم", "المساعدة والتحريض", "ar")).toBe(true);
    expect(has("المساعدة أو التحريض", "المساعدة والتحريض", "ar")).toBe(false);
    expect(has("الجرائم اللاأخلاقية ضد الإنسانية", "الجرائم ضد الإنسانية", "ar")).toBe(false);
  });

  test("Latin scripts: whole words without case, accents kept, elision", () => {
    expect(has("Nous refusons la Guerre.", "guerre", "fr")).toBe(true);
    expect(has("Nous refusons l'engagement", "engagement", "fr")).toBe(true);
    expect(has("nous nous engageons", "engage", "fr")).toBe(false);
    expect(has("une société", "societe", "fr")).toBe(false);
    expect(has("une société", "Société", "fr")).toBe(true);
    expect(has("Guerre et paix", "guerre", "fr")).toBe(true);
    expect(writtenHas("Guerre et paix", compileRendering("guerre", "fr"))).toBe(true);
    expect(has("double  usage", "double usage", "fr")).toBe(true);
    expect(has("double-usage", "double usage", "fr")).toBe(false);
    expect(has("Unterstützung", "unterstutzung", "de")).toBe(false);
    // Clitic letters are no prefix outside Arabic: a French word is whole.
    expect(has("bguerre", "guerre", "fr")).toBe(false);
  });

  test("Hebrew: the prefixes ו ה ב ל מ ש כ, the article dropped after ב ל כ, points ignored", () => {
    expect(has("אנו מסרבים לסייע", "סייע", "he")).toBe(true);
    expect(has("וכשהחברה מסרבת", "חברה", "he")).toBe(true);
    expect(has("בחברה", "החברה", "he")).toBe(true);
    expect(has("והחברה", "החברה", "he")).toBe(true);
    expect(has("הַחֶבְרָה", "החברה", "he")).toBe(true);
    expect(has("חברה", "החברה", "he")).toBe(false);
    expect(has("תחברה", "חברה", "he")).toBe(false);
    expect(has("ב־Azure", "Azure", "he")).toBe(true);
  });

  test("Persian: ی/ي and ک/ك are one letter, a zero-width non-joiner separates words, no Arabic clitics", () => {
    expect(has("فناوری نظامی", "فناوري", "fa")).toBe(true);
    expect(has("کمک به جنایت", "كمك", "fa")).toBe(true);
    expect(has("فناوری\u200cها", "فناوری", "fa")).toBe(true);
    expect(has("می\u200cشود", "می شود", "fa")).toBe(true);
    expect(has("بفناوری", "فناوری", "fa")).toBe(false);
  });

  test("scripts without spaces match anywhere", () => {
    expect(has("我们拒绝协助犯罪", "协助", "zh")).toBe(true);
  });

  test("two letters in a row of each rendering, the rarest in the language's text, rule texts out before the whole pattern", () => {
    // French text full of e, r and u: "gu" is the pair looked for, in either case.
    const guerre = rareLetters([compileRendering("guerre", "fr")], "une rue, un rêve, une erreur")!;
    expect(guerre.test("LA GUERRE")).toBe(true);
    expect(guerre.test("une rue sûre")).toBe(false);
    expect(guerre.test("g u")).toBe(false);
    // Arabic: the alef, rarest here, in all its forms, marks allowed before the letter after it; each rendering adds its own pair.
    const azure = rareLetters([compileRendering("أزور", "ar")], "زور وزر")!;
    expect(azure.test("لإزور")).toBe(true);
    expect(azure.test("أَزور")).toBe(true);
    expect(azure.test("زور ا")).toBe(false);
    const two = rareLetters([compileRendering("أزور", "ar"), compileRendering("دعم", "ar")], "زور وزر زور دم")!;
    expect(two.test("يدعو")).toBe(true);
    expect(two.test("دمع")).toBe(false);
    // A rendering of one letter: that letter.
    expect(rareLetters([compileRendering("x", "fr")], "")!.test("X")).toBe(true);
    expect(rareLetters([], "x")).toBeUndefined();
  });
});


describe("npm run check with a glossary", () => {
  let copy: ReturnType<typeof copyFixture> | undefined;
  afterEach(() => copy?.remove());

  function withGlossary(frMeta?: Record<string, unknown>) {
    copy = copyFixture("clean");
    copyFileSync(join(ROOT, "tests/fixtures/glossary/glossary.yml"), join(copy.root, "content/glossary.yml"));
    if (frMeta) {
      const file = join(copy.root, "locales/fr/locale.json");
      writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, "utf8")), ...frMeta }, null, 2));
    }
    return checkLocales(copy.root, { diffs: false });
  }
  const glossaryProblems = (result: ReturnType<typeof checkLocales>) => result.problems.filter((p) => ["glossary", "forbidden-term", "glossary-entry"].includes(p.kind));

  test("names each translated block without an accepted rendering, each forbidden word, each entry that holds nothing", () => {
    const result = withGlossary();
    expect(glossaryProblems(result).map(brief)).toEqual([
      { locale: "en", file: "content/glossary.yml", line: 18, severity: "warning", kind: "glossary-entry" },
      { locale: "en", file: "content/glossary.yml", line: 19, severity: "warning", kind: "glossary-entry" },
      { locale: "fr", file: "content/fr/alpha.md", line: 2, severity: "error", kind: "forbidden-term" },
      { locale: "fr", file: "content/fr/alpha.md", line: 9, severity: "warning", kind: "glossary" },
      { locale: "fr", file: "content/fr/alpha.md", line: 15, severity: "warning", kind: "glossary" },
      { locale: "fr", file: "locales/fr/ui.json", line: 8, severity: "error", kind: "forbidden-term" },
    ]);
    const [unknownLocale, neverUsed, title, heading, quoted, string] = glossaryProblems(result);
    expect(unknownLocale!.message).toBe('the entry for "workers" gives renderings for "de", a locale this project does not have');
    expect(unknownLocale!.hint).toContain("the project has fr");
    expect(neverUsed!.message).toBe('the term "drone" (“drone”) occurs nowhere in the English (content/en/, locales/en/ui.json), so nothing holds a translation to it');
    expect(title!.message).toBe('the title uses «engagement», which the glossary forbids in fr (content/glossary.yml:8, for "pledge")');
    expect(title!.hint).toMatch(/^for “pledge” write «promesse»; where the passage means something else, say it without «engagement»/);
    expect(heading!.message).toBe('this heading translates “pledge” (content/en/alpha.md:7) without the glossary\'s rendering of "pledge"');
    expect(heading!.hint).toBe("write «promesse», as content/glossary.yml:8 has it for fr; if the glossary is wrong for this passage, change the entry there");
    // Not exempt from the glossary: "infrastructure" inside the quotation; "dual-use" there is.
    expect(quoted!.message).toContain("“infrastructure” (content/en/alpha.md:13)");
    expect(string!.message).toBe('the string "home.cta" uses «engagement», which the glossary forbids in fr (content/glossary.yml:8, for "pledge")');
    expect(result.locales.find((l) => l.code === "fr")!.glossary).toEqual({ uses: 6, asGlossary: 4, forbidden: 2, undecided: 0 });
    expect(result.ok).toBe(false);
    // The status page's line for the locale.
    expect(glossaryLine(result.locales[1]!)).toBe("4 of 6 uses of its terms as the glossary says; 2 forbidden renderings");
    expect(glossaryLine(result.locales[0]!)).toBe("");
  });

  test("a rendering written otherwise than the glossary writes it (in capitals, here) is still found: the block is folded and looked at again", () => {
    copy = copyFixture("clean");
    copyFileSync(join(ROOT, "tests/fixtures/glossary/glossary.yml"), join(copy.root, "content/glossary.yml"));
    const file = join(copy.root, "content/fr/alpha.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("Les travailleurs", "Les TRAVAILLEURS"));
    const result = checkLocales(copy.root, { diffs: false });
    expect(glossaryProblems(result).filter((p) => p.kind === "glossary").map((p) => p.line)).toEqual([9, 15]);
    expect(result.locales.find((l) => l.code === "fr")!.glossary).toMatchObject({ uses: 6, asGlossary: 4 });
  });

  test('"glossary": "error" in locale.json makes a missing rendering an error', () => {
    const result = withGlossary({ glossary: "error" });
    expect(
      glossaryProblems(result)
        .filter((p) => p.kind === "glossary")
        .map((p) => p.severity),
    ).toEqual(["error", "error"]);
    expect(() => parseLocaleMeta(JSON.stringify({ name: "Français", dir: "ltr", numberingSystem: "latn", complete: true, glossary: "strict" }), "locales/fr/locale.json")).toThrow(
      /"glossary" must be "error" or "warning", not "strict"/,
    );
  });

  test("no glossary, no glossary problems", () => {
    copy = copyFixture("clean");
    const result = checkLocales(copy.root, { diffs: false });
    expect(glossaryProblems(result)).toEqual([]);
    expect(result.locales[1]!.glossary).toEqual({ uses: 0, asGlossary: 0, forbidden: 0, undecided: 0 });
    expect(glossaryLine(result.locales[1]!)).toBe("");
  });
});

describe("undecided renderings (accepted: [])", () => {
  test("are skipped, with one warning per locale listing them", () => {
    {
      const project = readProject(join(ROOT, "tests/fixtures/check-clean"));
      const undecided = { accepted: [], keep: false, forbidden: [], line: 3, decided: false };
      const decided = { accepted: ["promesse"], keep: false, forbidden: [], line: 6, decided: true };
      const glossary: Glossary = {
        file: "content/glossary.yml",
        entries: [
          { term: "war", forms: ["war"], note: "", exemptInQuotations: false, line: 1, locales: new Map([["fr", undecided]]) },
          { term: "pledge", forms: ["pledge"], note: "", exemptInQuotations: false, line: 4, locales: new Map([["fr", decided]]) },
          { term: "workers", forms: ["workers"], note: "", exemptInQuotations: false, line: 7, locales: new Map([["fr", { ...undecided, line: 9 }]]) },
        ],
      };
      const fr = project.locales.find((l) => l.code === "fr")!;
      const { problems, conformance } = new GlossaryCheck(glossary).checkLocale(fr, [], fr.sections.values());
      expect(problems.map(brief)).toEqual([{ locale: "fr", file: "content/glossary.yml", line: 3, severity: "warning", kind: "glossary" }]);
      expect(problems[0]!.message).toBe('2 terms have no fr rendering decided yet, so the check skips them: "war" (line 3), "workers" (line 9)');
      expect(conformance.undecided).toBe(2);
      expect(glossaryLine({ glossary: conformance } as Parameters<typeof glossaryLine>[0])).toBe("0 of 0 uses of its terms as the glossary says; 2 terms not decided yet");
    }
  });
});
