// Each translated section's state against the English, worked out once: missing, untranslated,
// current, stale (with the English it was made from and the word diff), unmarked, unknown source.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { sectionFromText, readProject, type Section } from "../../scripts/project/readProject.ts";
import { sectionState, translationState, untranslatedString } from "../../scripts/project/translationState.ts";
import { copyFixture, fixture } from "../check/fixtures.ts";

/** A section file in memory, as the project reader would give it. */
function section(locale: string, text: string): Section {
  return sectionFromText(locale, "alpha", `content/${locale}/alpha.md`, text);
}

const english = section("en", "---\ntitle: The pledge\n---\n\nWe refuse to work on tickets that support the war.\n\nWe ask our employer to publish its contracts.\n");
const translated = (source: string | undefined, body = "Nous refusons de traiter les tickets qui soutiennent la guerre.\n\nNous demandons à notre employeur de publier ses contrats.\n") =>
  section("fr", `---\ntitle: L'engagement\n${source ? `source: ${source}\n` : ""}status: reviewed\n---\n\n${body}`);

test("a translation that records the current English version is current, held to the current English", () => {
  const state = sectionState(english, translated(english.version), undefined);
  expect(state).toMatchObject({ kind: "current", madeFrom: english.version, englishNow: english.version, mark: "current" });
  expect(state.reference.blocks).toBe(english.structure.blocks);
  expect(state.alignment.divergences).toEqual([]);
});

test("no file is missing; a copy of the English is untranslated, whatever its source: line says", () => {
  expect(sectionState(english, undefined, undefined)).toMatchObject({ kind: "missing", mark: "none", englishNow: english.version });
  const copy = section("fr", "---\ntitle: The pledge\n---\n\nWe refuse to work on tickets that support the war.\n\nWe ask our employer to publish its contracts.\n");
  expect(sectionState(english, copy, undefined)).toMatchObject({ kind: "untranslated", mark: "none" });
  const markedCopy = section("fr", `---\ntitle: The pledge\nsource: 0123456789ab\n---\n\nWe refuse to work on tickets that support the war.\n`);
  expect(sectionState(english, markedCopy, undefined)).toMatchObject({ kind: "untranslated", mark: "older" });
});

test("one paragraph left in English is no untranslated section, but it is named", () => {
  const state = sectionState(english, translated(english.version, "Nous refusons de traiter les tickets qui soutiennent la guerre.\n\nWe ask our employer to publish its contracts.\n"), undefined);
  expect(state.kind).toBe("current");
  expect(state.untranslated.map((u) => u.text)).toEqual(["We ask our employer to publish its contracts."]);
});

test("a translation with no source: line is unmarked", () => {
  expect(sectionState(english, translated(undefined), undefined)).toMatchObject({ kind: "unmarked", mark: "none", madeFrom: undefined });
});

test("a translation made from an older English is stale, held to that English, with what changed since", () => {
  const project = readProject(fixture("stale"));
  const alpha = translationState(project).section("fr", "alpha")!;
  expect(alpha).toMatchObject({ kind: "stale", madeFrom: "8ecfccdc6143", mark: "older" });
  expect(alpha.englishNow).not.toBe("8ecfccdc6143");
  expect(alpha.reference).toMatchObject({ file: "content/.versions/alpha/8ecfccdc6143.md", uncertain: false });
  const old = alpha.madeFromText();
  expect(old && "text" in old && old.from).toBe("snapshot");
  const diff = alpha.diff();
  expect(diff && "changes" in diff && diff.from).toBe("snapshot");
  expect(diff && "changes" in diff && diff.changes.length).toBeGreaterThan(0);
});

test("a copy of the older English it was made from is still untranslated after the English changed (the title too), and readers are shown the English", () => {
  const copy = copyFixture("stale");
  try {
    const old = readFileSync(join(copy.root, "content/.versions/alpha/8ecfccdc6143.md"), "utf8");
    const asCopied = (text: string) => text.replace("title: The pledge\n", "title: The pledge\nsource: 8ecfccdc6143\nstatus: draft\n");
    writeFileSync(join(copy.root, "content/fr/alpha.md"), asCopied(old));
    const alpha = translationState(readProject(copy.root)).section("fr", "alpha")!;
    expect(alpha).toMatchObject({ kind: "untranslated", mark: "older", stillEnglish: true });
    expect(alpha.untranslated.map((u) => u.text)).toContain("We will not take tickets that support the war [78 A, B].");
    // The English title changed since as well: the old one is no translation either.
    const englishNow = readFileSync(join(copy.root, "content/en/alpha.md"), "utf8");
    writeFileSync(join(copy.root, "content/en/alpha.md"), englishNow.replace("title: The pledge", "title: Our pledge"));
    expect(translationState(readProject(copy.root)).section("fr", "alpha")).toMatchObject({ kind: "untranslated", stillEnglish: true });
  } finally {
    copy.remove();
  }
});

test("stillEnglish: a translated title says no at once; an English title leaves it to the blocks", () => {
  expect(sectionState(english, translated(english.version), undefined).stillEnglish).toBe(false);
  expect(sectionState(english, undefined, undefined).stillEnglish).toBe(false);
  const copy = section("fr", "---\ntitle: The pledge\nstatus: draft\n---\n\nWe refuse to work on tickets that support the war.\n\nWe ask our employer to publish its contracts.\n");
  expect(sectionState(english, copy, undefined).stillEnglish).toBe(true);
  const titleOnly = section("fr", "---\ntitle: The pledge\n---\n\nNous refusons de traiter les tickets qui soutiennent la guerre.\n");
  expect(sectionState(english, titleOnly, undefined)).toMatchObject({ kind: "unmarked", stillEnglish: false });
});

test("a source: line that names no English version anyone kept is an unknown source: held to the current English, uncertain", () => {
  const beta = translationState(readProject(fixture("stale"))).section("fr", "beta")!;
  expect(beta).toMatchObject({ kind: "unknown-source", madeFrom: "0123456789ab", mark: "older" });
  expect(beta.reference.uncertain).toBe(true);
  expect(beta.reference.unknownBecause).toContain("0123456789ab");
  const diff = beta.diff();
  expect(diff && "reason" in diff).toBe(true);
});

test("the fixtures' sections, every locale: each state once, worked out once per project", () => {
  const missing = translationState(readProject(fixture("missing")));
  expect(missing.section("fr", "beta")!.kind).toBe("missing");
  expect(missing.section("fr", "alpha")!.kind).toBe("current");
  const review = readProject(fixture("review"));
  expect(translationState(review).section("fr", "alpha")!.kind).toBe("unmarked");
  expect(translationState(review)).toBe(translationState(review));
  expect(translationState(review).section("fr", "alpha")!).toBe(translationState(review).section("fr", "alpha")!);
  expect(translationState(readProject(fixture("untranslated"))).section("fr", "beta")!.kind).toBe("untranslated");
});

test("a UI string is untranslated when it is the English text (spaces aside) and that English needs translating", () => {
  expect(untranslatedString("Sign the  pledge", "Sign the pledge")).toBe(true);
  expect(untranslatedString("Signez l'engagement", "Sign the pledge")).toBe(false);
  // A name or an acronym rightly stays the same.
  expect(untranslatedString("Francesca Albanese", "Francesca Albanese")).toBe(false);
  expect(untranslatedString("GitHub", "GitHub")).toBe(false);
});
