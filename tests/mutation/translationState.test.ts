// A translated section's state where the other tests leave it open: a title or kicker left in
// English, a translation with nothing to translate, a missing file's (empty) scan and alignment, a
// stale translation's old English read at its own lines and shared between locales, the locale's
// length ratio in the pairing, and what a project lookup gives for an unknown section or locale.
import { expect, test } from "vitest";
import { sectionFromText, type Project, type Section } from "../../scripts/project/readProject.ts";
import type { SourceHistory } from "../../scripts/project/sourceHistory.ts";
import { sectionState, translationState } from "../../scripts/project/translationState.ts";

function section(locale: string, text: string): Section {
  return sectionFromText(locale, "alpha", `content/${locale}/alpha.md`, text);
}

const ENGLISH_BODY = "We refuse to work on tickets that support the war.\n\nWe ask our employer to publish its contracts.\n";
const english = section("en", `---\ntitle: The pledge\nkicker: Our demands\n---\n\n${ENGLISH_BODY}`);
const FRENCH_BODY = "Nous refusons de traiter les tickets qui soutiennent la guerre.\n\nNous demandons à notre employeur de publier ses contrats.\n";
const french = (head: string, body = FRENCH_BODY, locale = "fr") => section(locale, `---\n${head}status: reviewed\n---\n\n${body}`);
const history = (old: ReturnType<SourceHistory["find"]>) => ({ find: () => old }) as unknown as SourceHistory;

test("a title and kicker left in English are named, with their lines, in a translation that is otherwise done", () => {
  const state = sectionState(english, french(`title: The pledge\nkicker: Our demands\nsource: ${english.version}\n`), undefined);
  expect(state.kind).toBe("current");
  expect(state.untranslated).toEqual([
    { text: "The pledge", line: 2, what: "the title" },
    { text: "Our demands", line: 3, what: "the kicker" },
  ]);
});

test("a translated title makes a section translated even when every paragraph is still the English", () => {
  const state = sectionState(english, french(`title: L'engagement\nsource: ${english.version}\n`, ENGLISH_BODY), undefined);
  expect(state.kind).toBe("current");
  expect(state.untranslated.map((u) => `${u.line} ${u.what}|${u.text}`)).toEqual([
    "7 |We refuse to work on tickets that support the war.",
    "9 |We ask our employer to publish its contracts.",
  ]);
});

test("a paragraph the English has that needs no translation (digits, a name) is never named untranslated", () => {
  const en = section("en", "---\ntitle: The pledge\n---\n\nWe refuse to work on tickets that support the war.\n\nFrancesca Albanese\n");
  const fr = french(`title: L'engagement\nsource: ${en.version}\n`, "Nous refusons de traiter les tickets qui soutiennent la guerre.\n\nFrancesca Albanese\n");
  expect(sectionState(en, fr, undefined).untranslated).toEqual([]);
});

test("a translation with nothing that needs translating (a number, an acronym) is not untranslated", () => {
  const state = sectionState(english, french(`title: ICM 2026\nsource: ${english.version}\n`, "2026.\n\nICM.\n"), undefined);
  expect(state.untranslated).toEqual([]);
  expect(state.kind).toBe("current");
});

test("a missing translation: nothing untranslated, every English block unpaired, no old English", () => {
  const state = sectionState(english, undefined, history({ reason: "never asked" }));
  expect(state.kind).toBe("missing");
  expect(state.untranslated).toEqual([]);
  expect(state.alignment.pairs.map((p) => `${p.kind} ${p.english} ${p.translation}`)).toEqual(["missing 0 -1", "missing 1 -1"]);
  expect(state.madeFromText()).toBeUndefined();
  expect(state.diff()).toBeUndefined();
});

test("a current translation has no old English to look up, even where a store is given", () => {
  const state = sectionState(english, french(`title: L'engagement\nsource: ${english.version}\n`), history({ reason: "looked up" }));
  expect(state.madeFromText()).toBeUndefined();
  expect(state.diff()).toBeUndefined();
  expect(state.alignment).toBe(state.currentEnglish.alignment);
});

test("a stale translation's old English is read at its own lines, once for every locale made from it", () => {
  const old = history({ text: { title: "The pledge", body: "We will not take tickets that support the war.\n", bodyLine: 9 }, from: "snapshot" });
  const fr = sectionState(english, french("title: L'engagement\nsource: 0123456789ab\n"), old);
  expect(fr.kind).toBe("stale");
  expect(fr.reference.file).toBe("content/.versions/alpha/0123456789ab.md");
  expect(fr.reference.blocks.map((b) => `${b.line} ${b.text}`)).toEqual(["9 We will not take tickets that support the war."]);
  const de = sectionState(english, french("title: Die Verpflichtung\nsource: 0123456789ab\n", "Wir weigern uns.\n", "de"), old);
  expect(de.reference).toBe(fr.reference);
});

test("same-shape paragraphs are paired at the locale's usual length ratio", () => {
  const en = section("en", `---\ntitle: The pledge\n---\n\n${"a".repeat(100)} words.\n\n${"b".repeat(50)} words.\n`);
  const one = french(`title: L'engagement\nsource: ${en.version}\n`, `${"c".repeat(100)} mots.\n`);
  const pairs = (expansion: readonly [number, number]) => sectionState(en, one, undefined, expansion).alignment.pairs.filter((p) => p.translation >= 0).map((p) => p.english);
  expect(pairs([0.5, 2])).toEqual([0]);
  expect(pairs([1.8, 2.2])).toEqual([1]);
});

test("a project lookup gives nothing for a section the English lacks, a locale the project lacks, or a project with no locale", () => {
  const project = {
    root: "/nowhere",
    campaign: { sourceLocale: "en" },
    locales: [
      { code: "en", sections: new Map([["alpha", english]]) },
      { code: "fr", sections: new Map([["alpha", french(`title: L'engagement\nsource: ${english.version}\n`)]]), expansion: [0.5, 2] },
    ],
  } as unknown as Project;
  const state = translationState(project);
  expect(state.section("fr", "alpha")!.kind).toBe("current");
  expect(state.section("fr", "beta")).toBeUndefined();
  expect(state.section("de", "alpha")).toBeUndefined();
  const empty = { root: "/nowhere", campaign: { sourceLocale: "en" }, locales: [] } as unknown as Project;
  expect(translationState(empty).section("fr", "alpha")).toBeUndefined();
});
