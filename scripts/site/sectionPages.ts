// The section pages: first the routes (which text each locale shows for each section, in which
// language), then each page's data from its route. Templates only read what is decided here.
import { repositoryFileUrl, type Campaign } from "../project/campaign.ts";
import type { Section } from "../project/readProject.ts";
import type { TranslationState } from "../project/translationState.ts";
import { alternates, type Alternate } from "./alternates.ts";
import { textIn, type LocaleView, type TextLanguage } from "./locales.ts";
import type { SharePanel, Sharing } from "./share.ts";
import type { SiteParts } from "./siteParts.ts";

/** One section in one locale: the locale's translation, or the source locale's text standing in. */
export interface SectionRoute {
  id: string;
  locale: LocaleView;
  url: string;
  /** The text shown. */
  section: Section;
  language: TextLanguage;
}

export interface SectionLink {
  id: string;
  url: string;
  title: string;
  language: TextLanguage;
}

export interface SectionPage {
  id: string;
  locale: LocaleView;
  url: string;
  title: string;
  kicker: string | undefined;
  /** The body as HTML, worked out when read (see HtmlOnRead). */
  readonly html: string;
  /** The hash of the section file whose text the page shows: what `html` is made from, and what a page's key holds instead of it. */
  htmlFrom: string;
  /** The language of the text shown: the source locale's where the page falls back. */
  language: TextLanguage;
  /** A translation made from an older English version than the current one (its `source:` differs). */
  stale: boolean;
  /** The source locale's page for this section: where a fallback or stale notice sends the reader. */
  sourceUrl: string;
  /** The file a translator edits for this page. */
  editFile: string;
  /** Where a reader can help: the source text of a section this locale lacks, in the repository. */
  improveUrl: string;
  /** The meta description: the first paragraph or list item, else the title with the campaign's name. */
  description: string;
  index: number;
  total: number;
  previous: SectionLink | undefined;
  next: SectionLink | undefined;
  alternates: Alternate[];
  /** hreflang="x-default": the page in the source locale. */
  xDefaultUrl: string;
  /** The share links and QR code under the page. */
  share: SharePanel;
}

const sectionUrl = (locale: LocaleView, id: string) => `/${locale.code}/${id}/`;

/**
 * A page's HTML, worked out when read: a build that places a page from .cache/pages/ never
 * renders or looks up its body, and one that renders it does not hold it beside Eleventy's page
 * to the end (at 2000 pages, 39 MB of the heap). A getter of the class, not a field, so the JSON
 * of a page's fields (its key there) holds `htmlFrom` instead, and Eleventy, which copies plain
 * objects only, hands the page to its template as it is.
 */
class HtmlOnRead {
  readonly #render: () => string;

  constructor(render: () => string) {
    this.#render = render;
  }

  get html(): string {
    return this.#render();
  }
}

/**
 * Each locale's sections in the list's order, the source locale first. A section the English
 * gained since a locale was complete is shown in English (a fallback), never a reason to refuse
 * the build: the check reports it as work to do; so is a section file that is still the English.
 */
export function sectionRoutes(locales: readonly LocaleView[], sections: Map<string, Map<string, Section>>, sectionIds: readonly string[], states: TranslationState): SectionRoute[][] {
  const sourceLocale = locales[0]!;
  const source = sections.get(sourceLocale.code)!;
  return locales.map((locale) => {
    const own = sections.get(locale.code)!;
    return sectionIds.map((id) => {
      // A file that is still the English text (as locale:new writes it) is shown as the English it is.
      const translation = !locale.isSource && states.section(locale.code, id)?.stillEnglish ? undefined : own.get(id);
      return {
        id,
        locale,
        url: sectionUrl(locale, id),
        section: translation ?? source.get(id)!,
        language: translation ? textIn(locale) : textIn(sourceLocale, true),
      };
    });
  });
}

export function sectionLink(route: SectionRoute): SectionLink {
  return { id: route.id, url: route.url, title: route.section.title, language: route.language };
}

/** The page of every route, locale by locale (`routes` as sectionRoutes gives them). */
export function sectionPages(routes: SectionRoute[][], campaign: Campaign, states: TranslationState, share: Sharing, parts: SiteParts): SectionPage[][] {
  const locales = routes.map((own) => own[0]!.locale);
  const sourceLocale = locales[0]!;
  const sourceRoutes = routes[0]!;
  const translated = new Set(
    routes
      .flat()
      .filter((r) => !r.language.fallback)
      .map((r) => `${r.locale.code}/${r.id}`),
  );
  // A fallback shows the source's section: rendered once for every locale that shows it, and only
  // such HTML is kept (a page's own is read once, by its template, and Eleventy keeps the page).
  const shownBy = new Map<Section, number>();
  for (const route of routes.flat()) shownBy.set(route.section, (shownBy.get(route.section) ?? 0) + 1);
  const html = new Map<Section, string>();
  const render = (section: Section) => () => {
    let out = html.get(section);
    if (out === undefined) {
      out = parts.html(section);
      if (shownBy.get(section)! > 1) html.set(section, out);
    }
    return out;
  };
  return routes.map((own) => {
    const links = own.map(sectionLink);
    return own.map((route, index): SectionPage => {
      const { id, locale, section } = route;
      const source = sourceRoutes[index]!.section;
      return Object.assign(new HtmlOnRead(render(section)), {
        id,
        locale,
        url: route.url,
        title: section.title,
        kicker: section.kicker,
        htmlFrom: section.hash,
        language: route.language,
        stale: isStale(route, states),
        sourceUrl: sectionUrl(sourceLocale, id),
        editFile: `content/${locale.code}/${id}.md`,
        improveUrl: repositoryFileUrl(campaign, source.file),
        description: parts.description(section, () => metaDescription(section)) || `${section.title} · ${campaign.name}`,
        index: index + 1,
        total: own.length,
        previous: links[index - 1],
        next: links[index + 1],
        alternates: alternates(locales, locale, (other) => ({ url: sectionUrl(other, id), translated: translated.has(`${other.code}/${id}`) })),
        xDefaultUrl: sectionUrl(sourceLocale, id),
        share: share(locale, route.url, section.title),
      });
    });
  });
}

/** A translation made from an older English version than the current one: shown with a notice linking to the English. */
function isStale(route: SectionRoute, states: TranslationState): boolean {
  return !route.language.fallback && !route.locale.isSource && states.section(route.locale.code, route.id)?.mark === "older";
}

/** The first paragraph or list item (as the block reader gives its plain text), cut at a word boundary. */
function metaDescription(section: Section, max = 160): string {
  const first = section.structure.blocks.find((b) => b.kind === "paragraph" || b.kind === "item");
  const text = first?.text ?? "";
  if (text.length <= max) return text;
  return `${text.slice(0, text.lastIndexOf(" ", max - 1))}…`;
}
