// The site as the templates see it: a view of the project (scripts/project/readProject.ts).
// It decides everything a page shows (which text stands in for a missing translation, with
// which lang and dir, the alternates, the URLs) so templates only render it. It reads no file.
import { renderMarkdown } from "../shared/markdown.ts";
import { repositoryFileUrl, type Campaign } from "../project/campaign.ts";
import type { DocumentPlan } from "../project/documentList.ts";
import type { Direction } from "../project/localeMeta.ts";
import { problemAsError } from "../project/problems.ts";
import { readingProblems, readProject, type Project, type Section } from "../project/readProject.ts";
import { translationState } from "../project/translationState.ts";
import { singleSpaced } from "../shared/whitespace.ts";
import { ogLocaleOf } from "./ogLocale.ts";
import { createUi, type Translate } from "./translate.ts";

/** The language of a piece of text where it differs from the page's (an English fallback). */
export interface TextLanguage {
  lang: string;
  dir: Direction;
}

export interface LocaleView {
  code: string;
  name: string;
  dir: Direction;
  numberingSystem: string;
  complete: boolean;
  isSource: boolean;
  homeUrl: string;
  /** og:locale form, e.g. en_US, ar_AR, pt_BR (scripts/site/ogLocale.ts). */
  ogLocale: string;
}

export interface Alternate {
  code: string;
  name: string;
  dir: Direction;
  url: string;
  /** False where that locale shows the English fallback: hreflang never claims it. */
  translated: boolean;
  current: boolean;
  ogLocale: string;
}

export interface SectionLink {
  id: string;
  url: string;
  title: string;
  fallback: boolean;
  /** Set where the title is the source locale's (a fallback). */
  textLang: TextLanguage | undefined;
}

export interface SectionPage {
  id: string;
  locale: LocaleView;
  url: string;
  title: string;
  kicker: string | undefined;
  html: string;
  /** Language and direction of the text shown (the source locale's when falling back). */
  contentLang: string;
  contentDir: Direction;
  fallback: boolean;
  /** A translation made from an older English version than the current one (its `source:` differs). */
  stale: boolean;
  /** The source locale's page for this section: where a fallback or stale notice sends the reader. */
  sourceUrl: string;
  /** Set where the text is the source locale's (a fallback): its lang and dir. */
  textLang: TextLanguage | undefined;
  /** The file a translator edits for this page. */
  editFile: string;
  /** Where a reader can help: the source text of a section this locale lacks, in the repository. */
  improveUrl: string;
  description: string;
  index: number;
  total: number;
  previous: SectionLink | undefined;
  next: SectionLink | undefined;
  alternates: Alternate[];
  /** hreflang="x-default": the page in the source locale. */
  xDefaultUrl: string;
}

export interface HomePage {
  locale: LocaleView;
  url: string;
  title: string;
  pledge: SectionPage;
  sections: SectionLink[];
  alternates: Alternate[];
  xDefaultUrl: string;
  description: string;
}

export interface SiteModel {
  campaign: Campaign;
  sourceLocale: LocaleView;
  locales: LocaleView[];
  sectionIds: string[];
  homes: HomePage[];
  sectionPages: SectionPage[];
  /** Raw sections per locale, for the printed documents. */
  sections: Map<string, Map<string, Section>>;
  /** content/documents.yml: what each printed document takes. */
  documents: DocumentPlan;
  t: Translate;
  /** The language of a UI string where it is not the locale's own (the source locale's, until translated). */
  uiTextLang(locale: string, key: string, options?: Record<string, unknown>): TextLanguage | undefined;
}

export const HOME_SECTION = "pledge";

/** The site model of a project already read (or of the one at `root`); throws the first error that stops a build. */
export function buildSiteModel(input: Project | string): SiteModel {
  const project = typeof input === "string" ? readProject(input) : input;
  stopOnSiteErrors(project);
  const { campaign, sectionIds } = project;
  const views = project.locales.map((l): LocaleView => ({
    code: l.code,
    name: l.name,
    dir: l.dir,
    numberingSystem: l.numberingSystem,
    complete: l.complete,
    isSource: l.code === campaign.sourceLocale,
    homeUrl: `/${l.code}/`,
    ogLocale: ogLocaleOf(l.code),
  }));
  const sourceView = views[0]!;
  // Copies: what a view does with its maps never changes the project the other views see.
  const sections = new Map(project.locales.map((l) => [l.code, new Map(l.sections)]));
  const source = sections.get(campaign.sourceLocale)!;
  const sourceText: TextLanguage = { lang: sourceView.code, dir: sourceView.dir };
  const states = translationState(project);
  // A section the English gained since a locale was complete is shown in English with a notice
  // (`fallback` below), never a reason to refuse the build: the check reports it as work to do.

  const html = new Map<Section, string>();
  const render = (section: Section) => {
    let out = html.get(section);
    if (out === undefined) {
      out = renderMarkdown(section.body);
      html.set(section, out);
    }
    return out;
  };
  const urlOf = (code: string, id: string) => `/${code}/${id}/`;

  const sectionPages: SectionPage[] = [];
  const homes: HomePage[] = [];
  for (const view of views) {
    const own = sections.get(view.code)!;
    const shown = (id: string) => own.get(id) ?? source.get(id)!;
    const links: SectionLink[] = sectionIds.map((id) => ({
      id,
      url: urlOf(view.code, id),
      title: shown(id).title,
      fallback: !own.has(id),
      textLang: own.has(id) ? undefined : sourceText,
    }));
    const pages = sectionIds.map((id, index): SectionPage => {
      const section = shown(id);
      const fallback = !own.has(id);
      // A notice wherever the translation records an older English than the current one.
      const stale = !fallback && !view.isSource && states.section(view.code, id)?.mark === "older";
      return {
        id,
        locale: view,
        url: urlOf(view.code, id),
        title: section.title,
        kicker: section.kicker,
        html: render(section),
        contentLang: fallback ? sourceView.code : view.code,
        contentDir: fallback ? sourceView.dir : view.dir,
        fallback,
        stale,
        sourceUrl: urlOf(sourceView.code, id),
        textLang: fallback ? sourceText : undefined,
        editFile: `content/${view.code}/${id}.md`,
        improveUrl: repositoryFileUrl(campaign, source.get(id)!.file),
        description: describe(section.body),
        index: index + 1,
        total: sectionIds.length,
        previous: links[index - 1],
        next: links[index + 1],
        alternates: views.map((other) => ({
          code: other.code,
          name: other.name,
          dir: other.dir,
          url: urlOf(other.code, id),
          translated: sections.get(other.code)!.has(id),
          current: other.code === view.code,
          ogLocale: other.ogLocale,
        })),
        xDefaultUrl: urlOf(sourceView.code, id),
      };
    });
    sectionPages.push(...pages);
    const pledge = pages.find((p) => p.id === HOME_SECTION) ?? pages[0]!;
    homes.push({
      locale: view,
      url: view.homeUrl,
      title: pledge.title,
      pledge,
      sections: links,
      description: pledge.description,
      alternates: views.map((other) => ({
        code: other.code,
        name: other.name,
        dir: other.dir,
        url: other.homeUrl,
        translated: true,
        current: other.code === view.code,
        ogLocale: other.ogLocale,
      })),
      xDefaultUrl: sourceView.homeUrl,
    });
  }

  const ui = createUi(project.locales.map((l) => ({ code: l.code, strings: l.strings?.tree ?? {} })), campaign.sourceLocale);
  return {
    campaign,
    sourceLocale: sourceView,
    locales: views,
    sectionIds,
    homes,
    sectionPages,
    sections,
    documents: project.documents.plan!,
    t: ui.t,
    uiTextLang(locale, key, options) {
      const lang = ui.languageOf(locale, key, options);
      return lang === locale ? undefined : { lang, dir: views.find((v) => v.code === lang)?.dir ?? "ltr" };
    },
  };
}

/**
 * Stops on the first problem that keeps the site from being built, with the same message the
 * file's reader gives: any file that does not read, and the source text listed but missing. What
 * only the check holds against a locale (a complete one that lacks a section the English gained
 * since: readers see it in English with a notice) does not stop the site.
 */
export function stopOnSiteErrors(project: Project): void {
  const first = readingProblems(project).find((p) => !p.siteBuilds);
  if (first) throw problemAsError(first);
  if (project.documents.problem) throw problemAsError(project.documents.problem);
}

/** The first line of text (a paragraph or list item) as plain text, cut at a word boundary: the meta description. */
function describe(body: string, max = 160): string {
  // Line by line up to the first that is text (the body is not split whole: every page has one).
  let line = "";
  for (let start = 0; start < body.length && line === ""; ) {
    const end = body.indexOf("\n", start);
    const stop = end === -1 ? body.length : end;
    const candidate = body.slice(start, stop).trim().replace(/^(?:[-*+]|\d+\.|>)\s+/, "");
    if (!/^(?:#|:::)/.test(candidate)) line = candidate;
    start = stop + 1;
  }
  const text = singleSpaced(line.replace(/\\\*/g, "*").replace(/\*\*|__/g, "")).trim();
  if (text.length <= max) return text;
  return `${text.slice(0, text.lastIndexOf(" ", max - 1))}…`;
}
