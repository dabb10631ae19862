// The site as the templates see it: a view of the project (scripts/project/readProject.ts).
// It decides everything a page shows (which text stands in for a missing translation, with
// which lang and dir, the alternates, the URLs, the description) so templates only render it.
// It reads no file. Built in named parts: the locales, the section routes and their pages, the
// home pages, the interface strings.
import type { Campaign } from "../project/campaign.ts";
import type { DocumentPlan } from "../project/documentList.ts";
import { problemAsError } from "../project/problems.ts";
import { readingProblems, readProject, type Project, type Section } from "../project/readProject.ts";
import { translationState } from "../project/translationState.ts";
import { chooserPage, homePage, type ChooserPage, type HomePage } from "./homePages.ts";
import { localeViews, textIn, type LocaleView, type TextLanguage } from "./locales.ts";
import { sectionLink, sectionPages, sectionRoutes, type SectionPage } from "./sectionPages.ts";
import { sharing } from "./share.ts";
import { SiteParts } from "./siteParts.ts";
import { createUi, type Translate } from "./translate.ts";

export type { LocaleView, TextLanguage } from "./locales.ts";
export type { SectionPage } from "./sectionPages.ts";

export interface SiteModel {
  campaign: Campaign;
  sourceLocale: LocaleView;
  locales: LocaleView[];
  sectionIds: string[];
  homes: HomePage[];
  /** The root page, the language chooser. */
  chooser: ChooserPage;
  sectionPages: SectionPage[];
  /** Raw sections per locale, for the printed documents. */
  sections: Map<string, Map<string, Section>>;
  /** content/documents.yml: what each printed document takes. */
  documents: DocumentPlan;
  t: Translate;
  /** The language of a UI string where it is not the locale's own (the source locale's, until translated). */
  uiTextLang(locale: string, key: string, options?: Record<string, unknown>): TextLanguage | undefined;
}

export interface SiteModelOptions {
  /** Keep the pieces that are pure functions of one text in .cache/site/ and reuse them (PLEDGE_NO_CACHE=1 turns it off). Default false. */
  cache?: boolean;
  /** Those pieces as an earlier build in this process left them (npm start): used instead of a new SiteParts. */
  parts?: SiteParts;
}

/** The site model of a project already read (or of the one at `root`); throws the first error that stops a build. */
export function buildSiteModel(input: Project | string, { cache = false, parts: kept }: SiteModelOptions = {}): SiteModel {
  const project = typeof input === "string" ? readProject(input) : input;
  stopOnSiteErrors(project);
  const { campaign, sectionIds } = project;
  const locales = localeViews(project);
  // Copies: what a view does with its maps never changes the project the other views see.
  const sections = new Map(project.locales.map((l) => [l.code, new Map(l.sections)]));
  const ui = createUi(
    project.locales.map((l) => ({ code: l.code, strings: l.strings?.tree ?? {} })),
    campaign.sourceLocale,
  );
  const uiTextLang = (locale: string, key: string, options?: Record<string, unknown>): TextLanguage | undefined => {
    const lang = ui.languageOf(locale, key, options);
    if (lang === locale) return undefined;
    const shown = locales.find((l) => l.code === lang);
    return shown ? textIn(shown, true) : { lang, dir: "ltr", fallback: true };
  };
  const parts = kept ?? new SiteParts(project.root, cache);
  const share = sharing(campaign, ui.t, uiTextLang, (text, label, options) => parts.qrSvg(text, label, options));
  const states = translationState(project);
  const routes = sectionRoutes(locales, sections, sectionIds, states);
  const pages = sectionPages(routes, campaign, states, share, parts);
  const homes = pages.map((own, i) => homePage(own, routes[i]!.map(sectionLink), locales, share));
  parts.save();
  return {
    campaign,
    sourceLocale: locales[0]!,
    locales,
    sectionIds,
    homes,
    chooser: chooserPage(locales),
    sectionPages: pages.flat(),
    sections,
    documents: project.documents.plan!,
    t: ui.t,
    uiTextLang,
  };
}

/**
 * Stops on the first problem that keeps the site from being built, with the same message the
 * file's reader gives: any file that does not read, and the source text listed but missing. What
 * only the check holds against a locale (a complete one that lacks a section the English gained
 * since: readers see it in English with a notice) does not stop the site.
 */
function stopOnSiteErrors(project: Project): void {
  const first = readingProblems(project).find((p) => !p.siteBuilds);
  if (first) throw problemAsError(first);
  if (project.documents.problem) throw problemAsError(project.documents.problem);
}
