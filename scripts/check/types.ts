// The translators' check speaks in problems: each names a file (and line), says what is wrong
// and what to do. Everything the reporters and the status page show is built from these types.
export type Severity = "error" | "warning";

export type ProblemKind =
  | "parse" // a file that cannot be read: invalid JSON/YAML, not UTF-8, bad file or folder name
  | "locale" // locale.json metadata, or a content folder with no locale
  | "missing-section"
  | "missing-string"
  | "orphan-section"
  | "orphan-string"
  | "wrong-shape" // a UI string where the English has a group of strings, or the reverse
  | "placeholder"
  | "citation"
  | "structure" // a block of the English with no counterpart, or of another shape (scripts/project/align.ts)
  | "markup" // a ::: line that breaks the page: unknown keyword, unclosed, stray, unbalanced
  | "link" // a link address that differs from the English
  | "added-link" // an address (link or written out) the English section does not have: an error everywhere
  | "added-structure" // a heading, quotation, attribution or block the English lacks: an error everywhere
  | "added-html" // an HTML tag the English lacks (the page would show it as text): an error everywhere
  | "shown-as-text" // markdown in the English outside the content model (HTML, an image, a table…): the page shows it as text
  | "length" // a block far shorter or longer than the English: a sentence dropped or added?
  | "number" // a number of two digits or more the English block has and the translation lacks
  | "untranslated"
  | "stale"
  | "unmarked" // a translation without `source:`
  | "unknown-source" // a `source:` that names no known English version
  | "draft"
  | "inconsistent" // the same English translated differently in two places
  | "glossary" // a block whose English has a glossary term, without the locale's rendering (scripts/check/glossary.ts)
  | "forbidden-term" // a rendering the glossary forbids in the locale: an error everywhere
  | "glossary-entry" // a glossary entry naming a locale the project lacks, or a term the English never uses
  | "print-font"; // text in a script no print font covers (scripts/print/fonts.ts)

import type { StaleDiff } from "../project/wordDiff.ts";

export interface Problem {
  /** The locale the problem belongs to (the source locale for problems in the English files). */
  locale: string;
  /** Path relative to the project root, with forward slashes. */
  file: string;
  line?: number;
  column?: number;
  severity: Severity;
  kind: ProblemKind;
  message: string;
  /** What to do about it. */
  hint: string;
  /** Stale sections: what changed in the English since the translation was made. */
  diff?: StaleDiff;
  /** Stale sections without a diff: why there is none. */
  diffUnavailable?: string;
}

/** One state per section file of a translation; the states add up to the number of sections. */
export type SectionState =
  | "reviewed" // up to date, `status: reviewed`
  | "draft" // up to date, awaiting review
  | "stale" // the English changed since it was translated
  | "unmarked" // translated, but no `source:` to tell whether it is up to date
  | "untranslated" // the file is (still) the English text
  | "broken" // the file does not parse
  | "missing"; // no file

export const SECTION_STATES: readonly SectionState[] = ["reviewed", "draft", "stale", "unmarked", "untranslated", "broken", "missing"];

export type StringState = "translated" | "untranslated" | "problem" | "missing";

export const STRING_STATES: readonly StringState[] = ["translated", "untranslated", "problem", "missing"];

export interface SectionStatusEntry {
  id: string;
  /** The file to edit (for a missing section: the file to create). */
  file: string;
  /** The title in the locale's language (the English title when missing or broken). */
  title: string;
  state: SectionState;
}

export interface LocaleSummary {
  code: string;
  name: string;
  dir: "ltr" | "rtl";
  isSource: boolean;
  /** `"complete": true` in locale.json: held to every check. */
  complete: boolean;
  sections: { total: number; upToDate: number } & Record<SectionState, number>;
  strings: { total: number } & Record<StringState, number>;
  /** Sections in reading order with their state, for the status page. */
  sectionList: SectionStatusEntry[];
  stringsFile: string;
  /** Problems found block by block against the English: broken markup, structure, links, lengths. */
  blockProblems: Record<"markup" | "structure" | "link" | "length" | "added-link" | "added-structure", number>;
  errors: number;
  warnings: number;
  /** Translations: how the blocks use the glossary's terms (absent for the source locale). */
  glossary?: GlossaryConformance;
}

export interface GlossaryConformance {
  /** Places (a block, a term) where the English has a term the locale has a rendering for. */
  uses: number;
  /** Of those, the ones whose translation uses an accepted rendering. */
  asGlossary: number;
  /** Forbidden renderings found (title, kicker, blocks, UI strings). */
  forbidden: number;
  /** Terms whose rendering for the locale is not decided yet (accepted: []): not checked. */
  undecided: number;
}

export interface CheckResult {
  root: string;
  sourceLocale: string;
  /** False when any problem is an error. */
  ok: boolean;
  locales: LocaleSummary[];
  /** Sorted by locale (source first), file, line. */
  problems: Problem[];
}

export interface CheckOptions {
  /** Only these locales (the source locale's own problems are always included). */
  locales?: string[];
  /** Look up the old English text of stale sections (snapshots, then git) for a word diff. Default true. */
  diffs?: boolean;
  /** Keep each section's result in .cache/check/ and reuse it while what it is computed from is unchanged (PLEDGE_NO_CACHE=1 turns it off). Default false. */
  cache?: boolean;
}
