// One section checked in memory (no project on disk): each problem's kind, line, severity, message
// and hint, as a complete locale and one in progress see them, with an old English version that is
// known, and one known nowhere.
import { expect, test } from "vitest";
import { checkSection, type SectionContext } from "../../scripts/check/sectionCheck.ts";
import { sectionFromText, type Section } from "../../scripts/project/readProject.ts";
import type { SourceHistory } from "../../scripts/project/sourceHistory.ts";
import { sectionState } from "../../scripts/project/translationState.ts";

function section(locale: string, text: string): Section {
  return sectionFromText(locale, "alpha", `content/${locale}/alpha.md`, text);
}

const ENGLISH_BODY = "We refuse to work on tickets that support the war [78 A, B].\n\nWe ask our employer to publish its contracts [78 A, B].\n";
const english = section("en", `---\ntitle: The pledge\nkicker: Our demands\n---\n\n${ENGLISH_BODY}`);
const FRENCH_BODY = "Nous refusons de traiter les tickets qui soutiennent la guerre [78 A, B].\n\nNous demandons à notre employeur de publier ses contrats [78 A, B].\n";
const french = (frontMatter: string, body = FRENCH_BODY) => section("fr", `---\ntitle: L'engagement\n${frontMatter}---\n\n${body}`);
const ctx = (extra: Partial<SectionContext> = {}): SectionContext => ({ code: "fr", complete: true, ...extra });
const history = (old: ReturnType<SourceHistory["find"]>) => ({ find: () => old }) as unknown as SourceHistory;

function run(doc: Section, context = ctx(), sourceHistory?: SourceHistory) {
  return checkSection(english, doc, sectionState(english, doc, sourceHistory), context);
}
const brief = (p: { kind: string; line?: number; severity: string; message: string }) => `${p.severity} ${p.kind} :${p.line} ${p.message}`;

test("a current, reviewed translation: no problem, state reviewed, the alignment handed on", () => {
  const result = run(french(`kicker: Nos demandes\nsource: ${english.version}\nstatus: reviewed\n`));
  expect(result.problems).toEqual([]);
  expect(result.state).toBe("reviewed");
  expect(result.aligned!.reference.file).toBe("content/en/alpha.md");
  expect(result.aligned!.alignment.divergences).toEqual([]);
});

test("a draft, and a file without status: line, are drafts at the status line or line 2", () => {
  const draft = run(french(`kicker: Nos demandes\nsource: ${english.version}\nstatus: draft\n`));
  expect(draft.state).toBe("draft");
  expect(draft.problems.map(brief)).toEqual(["warning draft :5 the translation is a draft: not yet reviewed by a second native speaker"]);
  expect(draft.problems[0]!.hint).toBe("once a second native speaker has read it against the English, set  status: reviewed");
  const none = run(french(`kicker: Nos demandes\nsource: ${english.version}\n`));
  expect(none.problems.map(brief)).toEqual(["warning draft :2 has no status: line, so it counts as a draft"]);
});

test("no kicker where the English has one: a structure problem at line 2, an error in a complete locale", () => {
  const result = run(french(`source: ${english.version}\nstatus: reviewed\n`));
  expect(result.problems.map(brief)).toEqual(["error structure :2 has no kicker: line; the English has one (the heading shown above the title)"]);
  expect(result.problems[0]!.hint).toBe('add  kicker: …  translating "Our demands" between the --- lines');
  expect(run(french(`source: ${english.version}\nstatus: reviewed\n`), ctx({ complete: false })).problems.map((p) => p.severity)).toEqual(["warning"]);
});

test("no source: line: unmarked, at line 2, with the mark command", () => {
  const result = run(french("kicker: Nos demandes\nstatus: reviewed\n"));
  expect(result.state).toBe("unmarked");
  expect(result.problems.map(brief)).toEqual(["warning unmarked :2 has no source: line, so the check cannot tell which English version it translates"]);
  expect(result.problems[0]!.hint).toBe("if it translates the current English text, run npm run locale:mark -- fr alpha (it adds the line); never write it by hand");
});

test("a copy of the English: untranslated at the body's first line, an error only in a complete locale", () => {
  const copy = section("fr", `---\ntitle: The pledge\nkicker: Our demands\n---\n\n${ENGLISH_BODY}`);
  const result = run(copy);
  expect(result.state).toBe("untranslated");
  expect(result.aligned).toBeUndefined();
  expect(result.problems.map(brief)).toEqual(["error untranslated :5 this section is still the English text: nothing in it is translated yet"]);
  expect(result.problems[0]!.hint).toBe("translate it (keep the markdown signs, the ::: lines and the citation markers as they are), then run npm run locale:mark -- fr alpha");
  expect(run(copy, ctx({ complete: false })).problems.map((p) => p.severity)).toEqual(["warning"]);
});

test("a paragraph left in English in a translated section: a warning naming what it is, at its line", () => {
  const body = `Nous refusons de traiter les tickets qui soutiennent la guerre [78 A, B].\n\nWe ask our employer to publish its contracts [78 A, B].\n`;
  const result = run(french(`kicker: Our demands\nsource: ${english.version}\nstatus: reviewed\n`, body));
  expect(result.problems.map(brief)).toEqual([
    "warning untranslated :3 the kicker is still the English text: “Our demands”",
    "warning untranslated :10 a paragraph is still the English text: “We ask our employer to publish its contracts [78 A, B].”",
  ]);
});

test("a citation marker the English has twice, lost at the second place: reported at that paragraph, with both counts", () => {
  const body = "Nous refusons de traiter les tickets qui soutiennent la guerre [78 A, B].\n\nNous demandons à notre employeur de publier ses contrats.\n";
  const result = run(french(`kicker: Nos demandes\nsource: ${english.version}\nstatus: reviewed\n`, body));
  expect(result.problems.map(brief)).toEqual(["error citation :10 lacks the citation marker [78 A, B] (the English has it 2 times, this file 1)"]);
  expect(result.problems[0]!.hint).toBe("copy it exactly as the English has it (content/en/alpha.md:8), with the same brackets, letters and digits (0-9); write * as \\*");
  const keptMore = run(french(`kicker: Nos demandes\nsource: ${english.version}\nstatus: reviewed\n`, FRENCH_BODY.replace("contrats [78 A, B].", "contrats [78 A, B] [78 A, B].")));
  expect(keptMore.problems.map(brief)).toEqual([]);
});

test("a marker lost where no block pairs with the English one: reported at the body's first line", () => {
  const body = "## Un titre\n";
  const result = run(french(`kicker: Nos demandes\nsource: ${english.version}\nstatus: reviewed\n`, body), ctx({ complete: false }));
  const citation = result.problems.filter((p) => p.kind === "citation");
  expect(citation.map(brief)).toEqual(["warning citation :7 lacks the citation marker [78 A, B] (the English has it 2 times, this file 0)"]);
});

test("made from an older English that is known: stale, at the source line, with the diff and the old English as reference", () => {
  const oldBody = "We refuse to work on tickets that support the war [78 A, B].\n";
  const doc = french(`kicker: Nos demandes\nsource: 0123456789ab\nstatus: reviewed\n`, "Nous refusons de traiter les tickets qui soutiennent la guerre [78 A, B].\n");
  const result = run(doc, ctx(), history({ text: { title: "The pledge", kicker: "Our demands", body: oldBody, bodyLine: 5 }, from: "git" } as ReturnType<SourceHistory["find"]>));
  expect(result.state).toBe("stale");
  expect(result.problems.map(brief)).toEqual([
    `warning stale :4 the English section changed since this translation was made (translated from version 0123456789ab, the English is now ${english.version})`,
  ]);
  expect(result.problems[0]!.diff).toBeDefined();
  expect(result.problems[0]!.hint).toContain("bring the translation in line with content/en/alpha.md, then run npm run locale:mark -- fr alpha");
  expect(result.aligned!.reference.file).toBe("content/en/alpha.md@0123456789ab");
  const noDiff = run(doc, ctx({ diffs: false }), history({ text: { title: "The pledge", kicker: "Our demands", body: oldBody, bodyLine: 5 }, from: "git" } as ReturnType<SourceHistory["find"]>));
  expect(noDiff.problems[0]!.diff).toBeUndefined();
  expect(noDiff.problems[0]!.diffUnavailable).toBeUndefined();
});

test("made from a version known nowhere: unknown-source, and what differs from the current English is only a warning, except an added address", () => {
  const doc = french(`source: 0123456789ab\nstatus: reviewed\n`, "Nous refusons [78 A, B], voir [ici](https://evil.example).\n");
  const result = run(doc, ctx(), history({ reason: "no git history" }));
  expect(result.state).toBe("stale");
  const problems = result.problems.map(brief);
  expect(problems).toContain(
    "warning unknown-source :3 the source: line names version 0123456789ab, which matches no English version of this section the check can find, so it cannot tell what changed since",
  );
  expect(problems).toContain("warning structure :2 has no kicker: line; the English has one (the heading shown above the title)");
  expect(result.problems.find((p) => p.kind === "unknown-source")!.diffUnavailable).toBe("no git history");
  expect(result.problems.filter((p) => p.kind === "citation").map((p) => p.severity)).toEqual(["warning"]);
  expect(result.problems.filter((p) => p.kind === "added-link").map((p) => `${p.severity} :${p.line}`)).toEqual(["error :7"]);
});

test("a locale translated through exported files: the hints say to export and import, PO or XLIFF", () => {
  const doc = french(`source: 0123456789ab\nstatus: reviewed\n`, "Nous refusons de traiter les tickets qui soutiennent la guerre [78 A, B].\n");
  const old = history({ text: { title: "The pledge", kicker: "Our demands", body: ENGLISH_BODY, bodyLine: 5 }, from: "git" } as ReturnType<SourceHistory["find"]>);
  const po = run(doc, ctx({ exchange: "po" }), old);
  const stale = po.problems.find((p) => p.kind === "stale")!;
  expect(stale.hint).toBe(
    "export again (npm run locale:export -- fr): the entries whose English changed are marked fuzzy, with the old English beside the new; bring them in line, clear the fuzzy mark, then npm run locale:import -- fr.po",
  );
  expect(po.problems.find((p) => p.kind === "structure")!.hint).toContain(
    "export again (npm run locale:export -- fr), translate the entries marked fuzzy or empty, then npm run locale:import -- fr.po",
  );
  const xliff = run(doc, ctx({ exchange: "xliff" }), old);
  expect(xliff.problems.find((p) => p.kind === "stale")!.hint).toContain("npm run locale:export -- fr --format xliff");
  expect(xliff.problems.find((p) => p.kind === "stale")!.hint).toContain("npm run locale:import -- fr.xlf");
  // A hint with no exchange wording (the review status) stays as it is.
  expect(run(french(`kicker: Nos demandes\nsource: ${english.version}\nstatus: draft\n`), ctx({ exchange: "po" })).problems[0]!.hint).toBe(
    "once a second native speaker has read it against the English, set  status: reviewed",
  );
});

test("a copy of the English that adds a heading (no words to translate) still publishes it: that, and only that, is reported besides the copy", () => {
  const copy = section("fr", `---\ntitle: The pledge\nkicker: Our demands\n---\n\n## 2026\n\n${ENGLISH_BODY}`);
  const result = run(copy, ctx({ complete: false }));
  expect(result.problems.map((p) => `${p.severity} ${p.kind} :${p.line}`)).toEqual(["warning untranslated :5", "error added-structure :6"]);
});

test("a paragraph left in English: the hint says it may rightly stay", () => {
  const body = "Nous refusons de traiter les tickets qui soutiennent la guerre [78 A, B].\n\nWe ask our employer to publish its contracts [78 A, B].\n";
  const [problem] = run(french(`kicker: Nos demandes\nsource: ${english.version}\nstatus: reviewed\n`, body)).problems;
  expect(problem!.hint).toBe("translate it; if it rightly stays the same (a quotation kept in the original, a name), leave it: this is only a warning");
});

test("stale after a typo fix in the English: the hint offers locale:mark --minor; with diffs off, no diff at all", () => {
  const oldBody = ENGLISH_BODY.replace("contracts", "contract");
  const doc = french(`kicker: Nos demandes\nsource: 0123456789ab\nstatus: reviewed\n`);
  const old = history({ text: { title: "The pledge", kicker: "Our demands", body: oldBody, bodyLine: 5 }, from: "git" } as ReturnType<SourceHistory["find"]>);
  const stale = run(doc, ctx(), old).problems.find((p) => p.kind === "stale")!;
  expect(stale.hint).toContain("npm run locale:mark -- --minor alpha");
  const quiet = run(doc, ctx({ diffs: false }), old).problems.find((p) => p.kind === "stale")!;
  expect("diff" in quiet).toBe(false);
  expect(quiet.hint).not.toContain("--minor");
});
