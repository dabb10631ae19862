// The glossary rule on sections and strings in memory, where the fixture-based tests leave it open:
// one undecided term, renderings given for the English or a project with no translation, a name
// kept in Latin letters, a note, an exempt quotation, an uncertain English, each message in full.
import { expect, test } from "vitest";
import { GlossaryCheck } from "../../scripts/check/glossary.ts";
import type { Glossary, GlossaryEntry } from "../../scripts/project/glossary.ts";
import { sectionFromText, type Project, type ProjectLocale, type Section } from "../../scripts/project/readProject.ts";
import type { SourceHistory } from "../../scripts/project/sourceHistory.ts";
import { sectionState } from "../../scripts/project/translationState.ts";
import { parseUiStrings } from "../../scripts/project/uiStrings.ts";

function section(locale: string, text: string): Section {
  return sectionFromText(locale, "alpha", `content/${locale}/alpha.md`, text);
}

const rendering = (line: number, accepted: string[], extra: { keep?: boolean; forbidden?: string[]; decided?: boolean } = {}) => ({
  accepted,
  keep: extra.keep ?? false,
  forbidden: extra.forbidden ?? [],
  line,
  decided: extra.decided ?? true,
});
const entry = (term: string, line: number, locales: [string, ReturnType<typeof rendering>][], extra: Partial<GlossaryEntry> = {}): GlossaryEntry => ({
  term,
  forms: [term],
  note: "",
  exemptInQuotations: false,
  line,
  locales: new Map(locales),
  ...extra,
});
const glossary = (...entries: GlossaryEntry[]): Glossary => ({ file: "content/glossary.yml", entries });
const line = (p: { severity: string; kind: string; file: string; line?: number; message: string; hint: string }) => `${p.severity} ${p.kind} ${p.file}:${p.line} ${p.message} | ${p.hint}`;

const english = section("en", "---\ntitle: The pledge\n---\n\nWe sign the pledge.\n\n> The pledge binds us.\n");
const frLocale = (extra: Partial<ProjectLocale> = {}) => ({ code: "fr", sections: new Map(), strings: undefined, ...extra }) as unknown as ProjectLocale;

function aligned(frenchBody: string, history?: SourceHistory) {
  const doc = section("fr", `---\ntitle: L'engagement\nsource: ${history ? "0123456789ab" : english.version}\nstatus: reviewed\n---\n\n${frenchBody}`);
  const state = sectionState(english, doc, history);
  return { doc, reference: state.reference, alignment: state.alignment };
}

test("one undecided term: one warning in the singular, at its rendering's line", () => {
  const check = new GlossaryCheck(glossary(entry("pledge", 1, [["fr", rendering(3, [], { decided: false })]])));
  const { problems, conformance } = check.checkLocale(frLocale(), [], []);
  expect(problems.map(line)).toEqual([
    'warning glossary content/glossary.yml:3 1 term has no fr rendering decided yet, so the check skips it: "pledge" (line 3) | for each, write under fr: the accepted rendering(s), e.g. accepted: [your word], or keep: latin for a name the language writes as the English does',
  ]);
  expect(conformance).toEqual({ uses: 0, asGlossary: 0, forbidden: 0, undecided: 1 });
});

test("renderings for the English itself, or for a locale of a project with no translation yet: warnings at their lines", () => {
  const project = { campaign: { sourceLocale: "en" }, locales: [{ code: "en", strings: undefined }] } as unknown as Project;
  const check = new GlossaryCheck(glossary(entry("pledge", 1, [["en", rendering(2, ["pledge"])], ["fr", rendering(4, ["promesse"])]])));
  expect(check.entryProblems(project, englishTerms(check, [english])).map(line)).toEqual([
    'warning glossary-entry content/glossary.yml:2 the entry for "pledge" gives renderings for en, the English the terms come from | remove "en:" from it: the English forms go under forms:',
    'warning glossary-entry content/glossary.yml:4 the entry for "pledge" gives renderings for "fr", a locale this project does not have | fix the locale code (the project has no translation yet), or remove "fr:" until the locale is added (npm run locale:new -- fr)',
  ]);
  expect(new GlossaryCheck(glossary()).entryProblems(project, englishTerms(new GlossaryCheck(glossary()), [english]))).toEqual([]);
});

test("a term found only in the English UI strings is used; one found nowhere is named", () => {
  const strings = parseUiStrings('{\n  "cta": "Sign the petition"\n}\n', "locales/en/ui.json");
  const project = { campaign: { sourceLocale: "en" }, locales: [{ code: "en", strings }, { code: "fr" }] } as unknown as Project;
  const check = new GlossaryCheck(glossary(entry("petition", 1, [["fr", rendering(2, ["pétition"])]]), entry("drone", 3, [["fr", rendering(4, ["drone"])]])));
  expect(check.entryProblems(project, englishTerms(check, [english])).map((p) => `${p.line} ${p.message}`)).toEqual([
    '3 the term "drone" (“drone”) occurs nowhere in the English (content/en/, locales/en/ui.json), so nothing holds a translation to it',
  ]);
});

test("a block without the rendering: the English form and the note in the message, the accepted words and Latin name in the hint", () => {
  const check = new GlossaryCheck(glossary(entry("pledge", 1, [["fr", rendering(5, ["promesse", "serment"], { keep: true })]], { note: "the campaign's name", forms: ["pledge", "pledges"] })));
  const { problems, conformance } = check.checkLocale(frLocale(), [aligned("Nous signons l'engagement.\n\n> La promesse nous lie.\n")], []);
  expect(problems.map(line)).toEqual([
    "warning glossary content/fr/alpha.md:7 this paragraph translates “pledge” (content/en/alpha.md:5) without the glossary's rendering of \"pledge\" (the campaign's name) | write one of «promesse», «serment», “pledge” or “pledges” in Latin letters as the English writes it, as content/glossary.yml:5 has it for fr; if the glossary is wrong for this passage, change the entry there",
  ]);
  expect(conformance).toEqual({ uses: 2, asGlossary: 1, forbidden: 0, undecided: 0 });
});

test("held to an English known nowhere, a missing rendering is only a warning, even where the locale makes it an error", () => {
  const check = new GlossaryCheck(glossary(entry("pledge", 1, [["fr", rendering(5, ["promesse"])]])));
  const unknown = { find: () => ({ reason: "no snapshot, no git" }) } as unknown as SourceHistory;
  const strict = frLocale({ glossary: "error" });
  expect(check.checkLocale(strict, [aligned("Nous signons l'engagement.\n\n> Il nous lie.\n", unknown)], []).problems.map((p) => `${p.severity} ${p.line}`)).toEqual(["warning 7", "warning 9"]);
  expect(check.checkLocale(strict, [aligned("Nous signons l'engagement.\n\n> Il nous lie.\n")], []).problems.map((p) => `${p.severity} ${p.line}`)).toEqual(["error 7", "error 9"]);
});

test("an entry exempt in quotations: neither its rendering nor its forbidden word is held inside one", () => {
  const check = new GlossaryCheck(glossary(entry("pledge", 1, [["fr", rendering(5, ["promesse"], { forbidden: ["engagement"] })]], { exemptInQuotations: true })));
  const doc = aligned("Nous signons la promesse.\n\n> L'engagement nous lie.\n");
  const { problems, conformance } = check.checkLocale(frLocale(), [doc], [doc.doc]);
  expect(problems.map(line)).toEqual([
    'error forbidden-term content/fr/alpha.md:2 the title uses «engagement», which the glossary forbids in fr (content/glossary.yml:5, for "pledge") | for “pledge” write «promesse»; where the passage means something else, say it without «engagement»: the glossary forbids it everywhere in fr',
  ]);
  expect(conformance).toEqual({ uses: 1, asGlossary: 1, forbidden: 1, undecided: 0 });
});

test("a forbidden word in the kicker, a paragraph and a UI string, for a term with no decided rendering: each at its line", () => {
  const check = new GlossaryCheck(glossary(entry("pledge", 1, [["fr", rendering(5, [], { decided: false, forbidden: ["serment"] })]], { note: "not an oath" })));
  const doc = section("fr", "---\ntitle: L'appel\nkicker: Notre serment\n---\n\nNous prêtons serment.\n");
  const strings = parseUiStrings('{\n  "cta": "Signez",\n  "n": 3,\n  "oath": "Le serment"\n}\n', "locales/fr/ui.json");
  const { problems } = check.checkLocale(frLocale({ strings }), [], [doc]);
  const hint = "translate “pledge” another way; where the passage means something else, say it without «serment»: the glossary forbids it everywhere in fr";
  expect(problems.slice(1).map(line)).toEqual([
    `error forbidden-term content/fr/alpha.md:3 the kicker uses «serment», which the glossary forbids in fr (content/glossary.yml:5, for "pledge": not an oath) | ${hint}`,
    `error forbidden-term content/fr/alpha.md:6 this paragraph uses «serment», which the glossary forbids in fr (content/glossary.yml:5, for "pledge": not an oath) | ${hint}`,
    `error forbidden-term locales/fr/ui.json:4 the string "oath" uses «serment», which the glossary forbids in fr (content/glossary.yml:5, for "pledge": not an oath) | ${hint}`,
  ]);
});

test("a forbidden word only in the kicker and a UI string is held there, even for an entry exempt in quotations", () => {
  const check = new GlossaryCheck(glossary(entry("pledge", 1, [["fr", rendering(5, ["promesse"], { forbidden: ["serment"] })]], { exemptInQuotations: true })));
  const doc = section("fr", "---\ntitle: L'appel\nkicker: Notre serment\n---\n\nNous signons.\n");
  const strings = parseUiStrings('{\n  "oath": "Le serment",\n  "cta": "Signez"\n}\n', "locales/fr/ui.json");
  const { problems, conformance } = check.checkLocale(frLocale({ strings }), [], [doc]);
  const says = (what: string) =>
    `${what} uses «serment», which the glossary forbids in fr (content/glossary.yml:5, for "pledge") | for “pledge” write «promesse»; where the passage means something else, say it without «serment»: the glossary forbids it everywhere in fr`;
  expect(problems.map(line)).toEqual([`error forbidden-term content/fr/alpha.md:3 ${says("the kicker")}`, `error forbidden-term locales/fr/ui.json:2 ${says('the string "oath"')}`]);
  expect(conformance.forbidden).toBe(2);
});

test("a section's cache key names the glossary file and changes with the entries it depends on, and is empty where none is", () => {
  const pledge = entry("pledge", 1, [["fr", rendering(5, ["promesse"])]]);
  const pledge2 = entry("pledge", 1, [["fr", rendering(5, ["engagement"])]]);
  const war = entry("war", 7, [["fr", rendering(8, ["guerre"], { forbidden: ["conflit"] })]]);
  const war2 = entry("war", 7, [["fr", rendering(8, ["guerre"], { forbidden: ["lutte"] })]]);
  const key = (...entries: GlossaryEntry[]) => (terms: GlossaryEntry[]) => {
    const check = new GlossaryCheck(glossary(...entries));
    return check.forLocale(frLocale()).concern(check.placesOf(terms));
  };
  const both = key(pledge, war)([pledge]);
  expect(both.split("\n")[0]).toBe("content/glossary.yml");
  // The section's own term's rendering and every forbidden rendering are in the key; a term the section lacks is not.
  expect(key(pledge2, war)([pledge2])).not.toBe(both);
  expect(key(pledge, war2)([pledge])).not.toBe(both);
  expect(key(pledge2, war)([])).toBe(key(pledge, war)([]));
  expect(key(pledge, war)([])).not.toBe(both);
  expect(key(pledge)([])).toBe("");
  expect(key(pledge)([pledge])).not.toBe(key(pledge2)([pledge2]));
});

test("an unused entry lists each of its forms; an unknown locale's hint lists each translation the project has", () => {
  const project = { campaign: { sourceLocale: "en" }, locales: [{ code: "en" }, { code: "fr" }, { code: "ar" }] } as unknown as Project;
  const check = new GlossaryCheck(glossary(entry("drone", 3, [["de", rendering(4, ["Drohne"])]], { forms: ["drone", "drones"] })));
  expect(check.entryProblems(project, englishTerms(check, [english])).map(line)).toEqual([
    'warning glossary-entry content/glossary.yml:3 the term "drone" (“drone”, “drones”) occurs nowhere in the English (content/en/, locales/en/ui.json), so nothing holds a translation to it | list under forms: the words the English actually writes for it, each inflection in full (forms match whole words), or remove the entry',
    'warning glossary-entry content/glossary.yml:4 the entry for "drone" gives renderings for "de", a locale this project does not have | fix the locale code (the project has fr, ar), or remove "de:" until the locale is added (npm run locale:new -- de)',
  ]);
});

test("a paragraph inside a quotation that opens the section is in a quotation: an exempt forbidden word is not held there", () => {
  const check = new GlossaryCheck(glossary(entry("pledge", 1, [["fr", rendering(5, ["promesse"], { forbidden: ["serment"] })]], { exemptInQuotations: true })));
  const doc = section("fr", "---\ntitle: L'appel\n---\n\n> Notre serment.\n\nNous prêtons serment.\n");
  expect(check.checkLocale(frLocale(), [], [doc]).problems.map((p) => `${p.kind} ${p.line}`)).toEqual(["forbidden-term 7"]);
});

test("where some of the English could not be read, no entry is called unused, nor is the UI text searched; an unknown locale is still named", () => {
  const project = { campaign: { sourceLocale: "en" }, locales: [{ code: "en", strings: parseUiStrings('{ "footer": "No drones" }', "locales/en/ui.json") }, { code: "fr" }] } as unknown as Project;
  const check = new GlossaryCheck(glossary(entry("drone", 3, [["de", rendering(4, ["Drohne"])]], { forms: ["drone", "drones"] }), entry("pledge", 5, [])));
  expect(check.entryProblems(project, undefined).map(line)).toEqual([
    'warning glossary-entry content/glossary.yml:4 the entry for "drone" gives renderings for "de", a locale this project does not have | fix the locale code (the project has fr), or remove "de:" until the locale is added (npm run locale:new -- de)',
  ]);
  // Read in full, the UI text's "drones" uses "drone"; "pledge" is in neither.
  expect(check.entryProblems(project, new Set()).map((p) => p.line)).toEqual([4, 5]);
});

/** The entries the English sections' titles, kickers and blocks have, as checkLocales hands them to entryProblems. */
function englishTerms(check: GlossaryCheck, sections: readonly Section[]): Set<GlossaryEntry> {
  return check.termsOfTexts(sections.flatMap((doc) => [doc.title, ...(doc.kicker ? [doc.kicker] : []), ...doc.structure.blocks.map((b) => b.text)]));
}
