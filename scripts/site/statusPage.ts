// The translation status page (/translation-status/): the check's results as a view model for
// templates/pages/translation-status.njk. Built without word diffs (no git) and never fails
// the site build: an unfinished locale is exactly what the page is there to show.
import { repositoryFileUrl } from "../project/campaign.ts";
import { alternates, type Alternate } from "./alternates.ts";
import { textIn, type LocaleView, type TextLanguage } from "./locales.ts";
import type { SiteModel } from "./model.ts";
import { BLOCK_PROBLEM_KINDS, type BlockProblemKind, type CheckResult, type LocaleSummary, type SectionState, type StringState } from "../check/index.ts";

const STATUS_PAGE_URL = "/translation-status/";

const SECTION_LABELS: Record<SectionState, string> = {
  reviewed: "reviewed",
  draft: "draft (awaiting review)",
  stale: "stale (the English changed)",
  unmarked: "not marked (no source: line)",
  untranslated: "still in English",
  broken: "does not parse",
  missing: "missing",
};

const STRING_LABELS: Record<StringState, string> = {
  translated: "translated",
  untranslated: "still in English",
  problem: "placeholder or format problem",
  missing: "missing",
};

const BLOCK_PROBLEM_LABELS: Record<BlockProblemKind, [string, string]> = {
  markup: ["broken ::: line", "broken ::: lines"],
  structure: ["block that differs from the English", "blocks that differ from the English"],
  link: ["link address that differs", "link addresses that differ"],
  length: ["length to compare", "lengths to compare"],
  "added-link": ["address the English does not have", "addresses the English does not have"],
  "added-structure": ["heading, quotation or block the English does not have", "headings, quotations or blocks the English does not have"],
};

interface BarSegment {
  state: string;
  label: string;
  count: number;
  /** A width class, ts-w-0 … ts-w-100 in steps of 5 (the CSP allows no inline style). */
  widthClass: string;
}

interface LocaleStatusView {
  code: string;
  name: string;
  dir: "ltr" | "rtl";
  isSource: boolean;
  complete: boolean;
  errors: number;
  warnings: number;
  /** Problems found block by block against the English, e.g. "2 blocks that differ from the English"; empty when none. */
  blockProblems: string[];
  /** How the blocks use the glossary's terms, e.g. "41 of 45 uses of its terms as the glossary says"; empty without a glossary. */
  glossary: string;
  sections: { total: number; upToDate: number; segments: BarSegment[] };
  strings: { total: number; translated: number; segments: BarSegment[]; editUrl: string; file: string };
  sectionRows: { id: string; title: string; titleLanguage: TextLanguage; state: SectionState; label: string; file: string; editUrl: string; englishUrl: string }[];
}

interface StatusPageView {
  url: string;
  title: string;
  description: string;
  locale: LocaleView;
  alternates: Alternate[];
  xDefaultUrl: string;
}

export interface TranslationStatusPage {
  /** One page; as a list, so the template paginates it into `view`, which base.njk expects. */
  pages: [StatusPageView];
  sourceLocale: string;
  locales: LocaleStatusView[];
  /** TRANSLATING.md in the repository. */
  guideUrl: string;
}

/** The page for a site model and the check of the same project (without word diffs). */
export function translationStatusPage(site: SiteModel, result: CheckResult): TranslationStatusPage {
  const fileUrl = (file: string) => repositoryFileUrl(site.campaign, file);
  const locales = result.locales.map((summary) => localeView(summary, site.sourceLocale, fileUrl));
  const view: StatusPageView = {
    url: STATUS_PAGE_URL,
    title: "Translation status",
    description: "How far each translation of the site has come: sections and interface strings per language, with the files to edit.",
    locale: site.sourceLocale,
    // The switcher leads to each language's home page; only this page itself is an hreflang alternate.
    alternates: alternates(site.locales, site.sourceLocale, (l) => ({ url: l.isSource ? STATUS_PAGE_URL : l.homeUrl, translated: l.isSource })),
    xDefaultUrl: STATUS_PAGE_URL,
  };
  return { pages: [view], sourceLocale: result.sourceLocale, locales, guideUrl: fileUrl("TRANSLATING.md") };
}

/** A row's title is the English one where the section has no translation of its own yet. */
const SHOWN_IN_ENGLISH: ReadonlySet<SectionState> = new Set(["missing", "untranslated", "broken"]);

function localeView(summary: LocaleSummary, sourceLocale: LocaleView, fileUrl: (file: string) => string): LocaleStatusView {
  const sectionStates = (Object.keys(SECTION_LABELS) as SectionState[]).filter((s) => !summary.isSource || s === "reviewed");
  const sectionCounts = sectionStates.map((state) => ({ state, label: summary.isSource ? "source text" : SECTION_LABELS[state], count: summary.sections[state] }));
  const stringCounts = (Object.keys(STRING_LABELS) as StringState[]).map((state) => ({ state, label: STRING_LABELS[state], count: summary.strings[state] }));
  return {
    code: summary.code,
    name: summary.name,
    dir: summary.dir,
    isSource: summary.isSource,
    complete: summary.complete,
    errors: summary.errors,
    warnings: summary.warnings,
    blockProblems: BLOCK_PROBLEM_KINDS.filter((k) => summary.blockProblems[k] > 0).map((k) => `${summary.blockProblems[k]} ${BLOCK_PROBLEM_LABELS[k][summary.blockProblems[k] === 1 ? 0 : 1]}`),
    glossary: glossaryLine(summary),
    sections: { total: summary.sections.total, upToDate: summary.sections.upToDate, segments: segments(sectionCounts, summary.sections.total) },
    strings: {
      total: summary.strings.total,
      translated: summary.strings.translated,
      segments: segments(stringCounts, summary.strings.total),
      file: summary.stringsFile,
      editUrl: fileUrl(summary.stringsFile),
    },
    sectionRows: summary.sectionList.map((row) => ({
      ...row,
      titleLanguage: SHOWN_IN_ENGLISH.has(row.state) ? textIn(sourceLocale, true) : { lang: summary.code, dir: summary.dir, fallback: false },
      label: summary.isSource ? "source text" : SECTION_LABELS[row.state],
      editUrl: fileUrl(row.file),
      englishUrl: fileUrl(`content/${sourceLocale.code}/${row.id}.md`),
    })),
  };
}

/** "terms: 41/45 as the glossary says", with forbidden and undecided ones; "" where nothing was held to a glossary. */
export function glossaryLine(summary: LocaleSummary): string {
  const g = summary.glossary;
  if (!g || (g.uses === 0 && g.forbidden === 0 && g.undecided === 0)) return "";
  const parts = [`${g.asGlossary} of ${g.uses} ${g.uses === 1 ? "use" : "uses"} of its terms as the glossary says`];
  if (g.forbidden > 0) parts.push(`${g.forbidden} forbidden ${g.forbidden === 1 ? "rendering" : "renderings"}`);
  if (g.undecided > 0) parts.push(`${g.undecided} ${g.undecided === 1 ? "term" : "terms"} not decided yet`);
  return parts.join("; ");
}

/** Bar segments in steps of 5 %, rounded so they always add up to the whole bar. */
function segments(counts: { state: string; label: string; count: number }[], total: number): BarSegment[] {
  const steps = 20;
  const exact = counts.map((c) => (total > 0 ? (c.count / total) * steps : 0));
  const units = exact.map(Math.floor);
  let left = total > 0 ? steps - units.reduce((a, b) => a + b, 0) : 0;
  // Largest remainders first; a state with any count gets at least one step when possible.
  const order = exact.map((e, i) => ({ i, rest: e - Math.floor(e) + (units[i] === 0 && counts[i]!.count > 0 ? 1 : 0) })).toSorted((a, b) => b.rest - a.rest);
  for (const { i } of order) {
    if (left <= 0) break;
    if (exact[i]! > units[i]!) {
      units[i]!++;
      left--;
    }
  }
  return counts.map((c, i) => ({ ...c, widthClass: `ts-w-${units[i]! * 5}` }));
}
