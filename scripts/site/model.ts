// Reads everything the site is made of (campaign config, locales, sections) once, checks
// it, and returns the typed model the templates render. No template reads a file.
import { join } from "node:path";
import { ContentError } from "../content/errors.ts";
import { renderMarkdown } from "../content/markdown.ts";
import { checkContentFolder, loadLocaleSections, loadSectionIds, type Section } from "../content/sections.ts";
import { createTranslator, type Translate } from "../locales/i18n.ts";
import { discoverLocaleCodes, loadLocale, type Direction, type Locale } from "../locales/locales.ts";
import { loadCampaign, type Campaign } from "./campaign.ts";
import { ogLocaleOf } from "./ogLocale.ts";

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
}

export interface SectionLink {
  id: string;
  url: string;
  title: string;
  fallback: boolean;
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
  /** The file a translator edits for this page. */
  editFile: string;
  description: string;
  index: number;
  total: number;
  previous: SectionLink | undefined;
  next: SectionLink | undefined;
  alternates: Alternate[];
}

export interface HomePage {
  locale: LocaleView;
  url: string;
  title: string;
  pledge: SectionPage;
  sections: SectionLink[];
  alternates: Alternate[];
  description: string;
}

export interface SiteModel {
  campaign: Campaign;
  sourceLocale: LocaleView;
  locales: LocaleView[];
  sectionIds: string[];
  homes: HomePage[];
  sectionPages: SectionPage[];
  /** Raw sections per locale, for the translation status page and the printed documents. */
  sections: Map<string, Map<string, Section>>;
  t: Translate;
}

export const HOME_SECTION = "pledge";

export function buildSiteModel(root: string): SiteModel {
  const campaign = loadCampaign(root);
  const localesDir = join(root, "locales");
  const contentDir = join(root, "content");
  const codes = discoverLocaleCodes(localesDir);
  if (!codes.includes(campaign.sourceLocale)) {
    throw new ContentError({ file: "locales/" }, `the source locale "${campaign.sourceLocale}" has no folder`, `add locales/${campaign.sourceLocale}/, or set sourceLocale in campaign.yml`);
  }
  // Source locale first, then the others in code order.
  codes.sort((a, b) => Number(b === campaign.sourceLocale) - Number(a === campaign.sourceLocale) || a.localeCompare(b));
  const locales: Locale[] = codes.map((code) => loadLocale(localesDir, code));
  const views = locales.map((l): LocaleView => ({
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
  const sectionIds = loadSectionIds(contentDir);
  checkContentFolder(contentDir, codes);
  const sections = new Map(codes.map((code) => [code, loadLocaleSections(contentDir, code)]));
  const source = sections.get(campaign.sourceLocale)!;
  for (const id of sectionIds) {
    if (!source.has(id)) {
      throw new ContentError({ file: `content/${campaign.sourceLocale}/${id}.md` }, `the section "${id}" is listed in content/sections.yml but has no file`, "create the file, or remove the id from content/sections.yml");
    }
  }
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
    const links: SectionLink[] = sectionIds.map((id) => ({ id, url: urlOf(view.code, id), title: shown(id).title, fallback: !own.has(id) }));
    const pages = sectionIds.map((id, index): SectionPage => {
      const section = shown(id);
      const fallback = !own.has(id);
      const stale = !fallback && !view.isSource && section.source !== undefined && section.source !== source.get(id)!.version;
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
        editFile: `content/${view.code}/${id}.md`,
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
        })),
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
      })),
    });
  }

  return {
    campaign,
    sourceLocale: sourceView,
    locales: views,
    sectionIds,
    homes,
    sectionPages,
    sections,
    t: rememberPlainStrings(createTranslator(locales, campaign.sourceLocale)),
  };
}

/** A string without options is the same on every page: look it up once per build, not once per page (npm run bench -- build). */
function rememberPlainStrings(t: Translate): Translate {
  const known = new Map<string, string>();
  return (locale, key, options) => {
    if (options) return t(locale, key, options);
    const id = `${locale}\u0000${key}`;
    let value = known.get(id);
    if (value === undefined) known.set(id, (value = t(locale, key)));
    return value;
  };
}

/** The first line of text (a paragraph or list item) as plain text, cut at a word boundary: the meta description. */
function describe(body: string, max = 160): string {
  const line = body
    .split("\n")
    .map((l) => l.trim().replace(/^(?:[-*+]|\d+\.|>)\s+/, ""))
    .find((l) => l !== "" && !/^(?:#|:::)/.test(l)) ?? "";
  const text = line.replace(/\\\*/g, "*").replace(/\*\*|__/g, "").replace(/\s+/g, " ").trim();
  if (text.length <= max) return text;
  return `${text.slice(0, text.lastIndexOf(" ", max - 1))}…`;
}
