// The translators' check: every locale against the source locale. Returns typed results and
// never throws for a problem in the content: each becomes a Problem with file, line and hint.
import { resolve } from "node:path";
import { readProject, type Project, type ProjectLocale } from "../project/readProject.ts";
import { SECTIONS_FILE } from "../project/sectionList.ts";
import { checkConsistency } from "./consistency.ts";
import { countBlockProblems, reportMarkup } from "./blockRules.ts";
import { GlossaryCheck, type ForbiddenFound } from "./glossary.ts";
import { printFontProblems } from "./printFontCoverage.ts";
import { shownAsText } from "./shownAsText.ts";
import type { Renderings } from "./consistency.ts";
import { renderingsFrom, SectionResults } from "./sectionResult.ts";
import type { Section } from "../project/readProject.ts";
import { translationState } from "../project/translationState.ts";
import { checkStrings, requiredStrings } from "./strings.ts";
import { SECTION_STATES, STRING_STATES, type CheckOptions, type CheckResult, type LocaleSummary, type Problem, type SectionState, type SectionStatusEntry, type StringState } from "./types.ts";

/** Checks a project already read (or reads the one at `root`). */
export function checkLocales(project: Project | string, options: CheckOptions = {}): CheckResult {
  if (typeof project === "string") project = readProject(resolve(project), { cache: options.cache === true });
  const { root } = project;
  const sourceCode = project.campaign.sourceLocale;
  const { sectionIds } = project;
  // What the printed documents take is the editors' too: a section renamed in sections.yml but not in documents.yml fails the build.
  const { documents } = project;
  const problems: Problem[] = [...project.problems, ...(documents.problem && !documents.absent ? [documents.problem] : [])];

  const source = checkedLocale(project.locales[0]!);
  problems.push(...source.problems);
  const sourceSections = new Map<string, Section>();
  for (const id of sectionIds) {
    const doc = source.sections.get(id);
    if (!doc) continue;
    sourceSections.set(id, doc);
  }
  const wanted = options.locales ? new Set(options.locales) : undefined;
  // Where each section stands (stale ones held to the English they were made from, diffs or not).
  const states = translationState(project);
  const glossary = new GlossaryCheck(project.glossary);
  const results = new SectionResults(root, options.cache === true, { states, glossary, diffs: options.diffs !== false });
  const sourceParts = results.english([...sourceSections.values()], (doc) => {
    const markup: Problem[] = [];
    reportMarkup(doc.structure, (kind, line, message, hint) => markup.push({ locale: sourceCode, file: doc.file, ...(line !== undefined ? { line } : {}), severity: "error", kind, message, hint }), true);
    for (const { line, message, hint } of shownAsText(doc)) markup.push({ locale: sourceCode, file: doc.file, line, severity: "warning", kind: "shown-as-text", message, hint });
    return markup;
  });
  for (const markup of sourceParts.markup) problems.push(...markup);
  const { repeats } = sourceParts;
  const listed = new Set(sectionIds);
  for (const doc of source.sections.values()) {
    if (!listed.has(doc.id) && sectionIds.length > 0) {
      problems.push({
        locale: sourceCode,
        file: doc.file,
        severity: "warning",
        kind: "orphan-section",
        message: "this section is not listed in content/sections.yml, so the site does not show it",
        hint: `add "- ${doc.id}" to content/sections.yml where it belongs in the reading order, or delete the file`,
      });
    }
  }

  // The English the glossary's terms are looked for in: undefined where some of it could not be read.
  const englishRead = !project.problems.some((p) => p.file === SECTIONS_FILE) && sourceSections.size === sectionIds.length && !source.stringsBroken;
  problems.push(...glossary.entryProblems(project, englishRead ? results.englishTerms([...sourceSections.values()]) : undefined));
  const summaries: LocaleSummary[] = [summarizeSource(source, sectionIds, sourceSections)];
  for (const read of project.locales.slice(1)) {
    const code = read.code;
    if (wanted && !wanted.has(code)) continue;
    const locale = checkedLocale(read);
    const localeProblems: Problem[] = [...locale.problems];
    const sectionStates = new Map<string, SectionState>();
    const terms = glossary.forLocale(locale);
    const termProblems: Problem[] = [...terms.opening];
    const conformance = { uses: 0, asGlossary: 0, forbidden: 0, undecided: terms.undecided };
    const forbidden = new Map<string, ForbiddenFound>();
    const renderings = new Map<string, Renderings>();
    const printable = new Map<Section, boolean>();
    for (const id of sectionIds) {
      const doc = locale.sections.get(id);
      const english = sourceSections.get(id);
      if (locale.brokenSections.has(id)) {
        sectionStates.set(id, "broken");
      } else if (!doc) {
        sectionStates.set(id, "missing");
        // An id the English has no file for (a typo in content/sections.yml, reported there) asks nothing of a translation.
        if (!english && !source.brokenSections.has(id)) continue;
        localeProblems.push({
          locale: code,
          file: `content/${code}/${id}.md`,
          // Behind the English (in a complete locale, a section added since): work to do, never an error.
          severity: "warning",
          kind: "missing-section",
          message: "this section is not translated yet (readers see the English text)",
          hint: `copy content/${sourceCode}/${id}.md to content/${code}/${id}.md, translate it, then run npm run locale:mark -- ${code} ${id}`,
        });
      } else if (english) {
        const result = results.result(
          english,
          doc,
          {
            code,
            complete: locale.complete,
            diffs: options.diffs !== false,
            expansion: locale.expansion,
            ...(locale.exchange ? { exchange: locale.exchange } : {}),
          },
          terms,
        );
        sectionStates.set(id, result.state);
        localeProblems.push(...result.problems);
        termProblems.push(...result.terms.problems);
        conformance.uses += result.terms.uses;
        conformance.asGlossary += result.terms.asGlossary;
        forbidden.set(id, result.forbidden);
        renderings.set(id, renderingsFrom(doc.file, result));
        printable.set(doc, result.printable);
      } else {
        // The English file itself is broken (reported there): nothing to compare against yet.
        sectionStates.set(id, doc.status === "reviewed" ? "reviewed" : "draft");
      }
    }
    for (const doc of locale.sections.values()) {
      if (listed.has(doc.id) || sectionIds.length === 0) continue;
      // An English file left unlisted may be listed again: its translation is work to keep.
      const unlisted = source.sections.has(doc.id);
      localeProblems.push({
        locale: code,
        file: doc.file,
        severity: "warning",
        kind: "orphan-section",
        message: unlisted ? "the English section is not listed in content/sections.yml, so the site does not show it" : "the English no longer has this section (it is not in content/sections.yml)",
        hint: unlisted
          ? "keep the file: the translation is shown again once the English section is listed again (delete it only if the section is dropped for good)"
          : "delete the file; if the section was renamed, move your translation to the file with the new name",
      });
    }
    const translated = new Map([...locale.sections].filter(([id]) => sectionStates.get(id) !== "untranslated"));
    localeProblems.push(...checkConsistency(repeats, new Map([...translated.keys()].flatMap((id) => (renderings.has(id) ? [[id, renderings.get(id)!]] : []))), code));
    // The glossary's problems in the rule's order: undecided terms, blocks, forbidden renderings in sections, then in UI strings.
    for (const found of [...[...translated.values()].map((doc) => forbidden.get(doc.id) ?? terms.forbiddenIn(doc)), results.forbiddenInStrings(locale, terms)]) {
      termProblems.push(...found.problems);
      conformance.forbidden += found.count;
    }
    localeProblems.push(...termProblems);
    let stringStates = new Map<string, StringState>();
    if (source.strings) {
      const strings = checkStrings(source.strings, locale);
      stringStates = strings.states;
      localeProblems.push(...strings.problems);
      if (locale.stringsBroken) for (const r of requiredStrings(source.strings, code)) stringStates.set(r.key, "missing");
    }
    localeProblems.push(...printFontProblems(locale, (doc) => printable.get(doc)));
    problems.push(...localeProblems);
    summaries.push({ ...summarize(locale, sectionIds, sourceSections, sectionStates, stringStates), glossary: conformance });
  }

  results.save();
  for (const summary of summaries) {
    const own = problems.filter((p) => p.locale === summary.code);
    summary.errors = own.filter((p) => p.severity === "error").length;
    summary.warnings = own.length - summary.errors;
    summary.blockProblems = countBlockProblems(own);
  }
  const order = new Map(summaries.map((s, i) => [s.code, i]));
  problems.sort((a, b) => (order.get(a.locale) ?? order.size) - (order.get(b.locale) ?? order.size) || a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  return { root, sourceLocale: sourceCode, ok: !problems.some((p) => p.severity === "error"), locales: summaries, problems };
}

function summarize(locale: ProjectLocale, sectionIds: string[], sourceSections: Map<string, Section>, sectionStates: Map<string, SectionState>, stringStates: Map<string, StringState>): LocaleSummary {
  const sections = { total: sectionIds.length, upToDate: 0, ...zeroes(SECTION_STATES) };
  const sectionList: SectionStatusEntry[] = [];
  for (const id of sectionIds) {
    const state = sectionStates.get(id) ?? "missing";
    sections[state]++;
    const own = locale.sections.get(id);
    const title = own && state !== "untranslated" ? own.title : (sourceSections.get(id)?.title ?? id);
    sectionList.push({ id, file: `content/${locale.code}/${id}.md`, title, state });
  }
  sections.upToDate = sections.reviewed + sections.draft;
  const strings = { total: stringStates.size, ...zeroes(STRING_STATES) };
  for (const state of stringStates.values()) strings[state]++;
  return {
    code: locale.code,
    name: locale.name,
    dir: locale.dir,
    isSource: false,
    complete: locale.complete,
    sections,
    strings,
    sectionList,
    stringsFile: locale.stringsFile,
    // Counted once every problem of the locale is known (checkLocales, after the last locale).
    blockProblems: countBlockProblems([]),
    errors: 0,
    warnings: 0,
  };
}

function summarizeSource(source: ProjectLocale, sectionIds: string[], sourceSections: Map<string, Section>): LocaleSummary {
  const states = new Map<string, SectionState>(sectionIds.map((id) => [id, sourceSections.has(id) ? "reviewed" : source.brokenSections.has(id) ? "broken" : "missing"]));
  const stringStates = new Map<string, StringState>([...(source.strings?.values.keys() ?? [])].map((k) => [k, "translated"]));
  const summary = summarize(source, sectionIds, sourceSections, states, stringStates);
  return { ...summary, isSource: true, complete: true };
}

function zeroes<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

/** The locale as the check sees it: UI strings with a key written twice count as broken. */
function checkedLocale(locale: ProjectLocale): ProjectLocale {
  if (!locale.strings?.duplicate) return locale;
  return { ...locale, strings: undefined, stringsBroken: true };
}
