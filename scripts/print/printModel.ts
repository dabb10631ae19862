// What each print page shows: per locale and variant, the parts content/documents.yml
// names (whole sections or their marked excerpts), rendered by the site's own markdown
// renderer, plus the call to action and, on the leaflet, the QR code.
import { ContentError } from "../shared/contentError.ts";
import { renderMarkdown } from "../content/markdown.ts";
import type { Section } from "../project/readProject.ts";
import type { Direction } from "../project/localeMeta.ts";
import type { LocaleView, SiteModel } from "../site/model.ts";
import { DOCUMENTS_FILE, type DocumentPart } from "../project/documentList.ts";
import { excerptBlocks, translatedExcerpts } from "./excerpt.ts";
import { printFontCss } from "./fonts.ts";
import { qrCodeSvg } from "./qrCode.ts";
import { DOCUMENT_RULES, pageSizeCss, PRINT_VARIANTS, printPagePath, type DocumentId, type PrintVariant } from "./variants.ts";

export interface PrintPart {
  id: string;
  title: string;
  kicker: string | undefined;
  html: string;
  /** Language and direction of the text (the source locale's where a translation is missing). */
  lang: string;
  dir: Direction;
  fallback: boolean;
  excerpt: boolean;
  /** The whole section on the site (printed under an excerpt). */
  fullUrl: string;
}

export interface PrintPage {
  url: string;
  locale: LocaleView;
  variant: PrintVariant;
  document: DocumentId;
  /** The document's name in the locale ("Leaflet"). */
  name: string;
  /** <title>: becomes the PDF's Title. */
  title: string;
  subject: string;
  parts: PrintPart[];
  pageCss: string;
  pageCounter: string;
  homeUrl: string;
  signupUrl: string;
  qrSvg: string | undefined;
  /** @font-face rules for the print fonts this page's text needs, and the font stacks. */
  fontCss: string;
}

export interface PrintModel {
  pages: PrintPage[];
}

/** UI strings templates/print/document.njk prints besides the parts. */
const PRINTED_STRINGS = ["print.fullSection", "home.ctaIntro", "print.signUp", "print.qrCaption"];

/** Addresses as printed: without the scheme, easier to type from paper. */
export function printableUrl(url: string): string {
  return url.replace(/^https?:\/\//, "");
}

export function buildPrintModel(site: SiteModel, root: string): PrintModel {
  const plan = site.documents;
  const source = site.sections.get(site.campaign.sourceLocale)!;
  const siteUrl = site.campaign.siteUrl;
  const pages: PrintPage[] = [];
  for (const locale of site.locales) {
    const own = site.sections.get(locale.code)!;
    const t = (key: string, options?: Record<string, unknown>) => site.t(locale.code, key, options);
    const homeUrl = `${siteUrl}/${locale.code}/`;
    for (const variant of PRINT_VARIANTS) {
      const rules = DOCUMENT_RULES[variant.document];
      const parts = plan[variant.document].map((part) => printPart(part, own.get(part.section), source.get(part.section)!, site.sourceLocale, locale, siteUrl));
      const name = t(rules.nameKey);
      // Everything the template prints, so the page declares a font for each script in it.
      const text = [site.campaign.name, name, t(rules.subjectKey), ...PRINTED_STRINGS.map((key) => t(key)), ...parts.flatMap((p) => [p.title, p.kicker ?? "", p.html]), locale.numberingSystem === "arab" ? "٠١٢٣٤٥٦٧٨٩" : ""].join("\n");
      pages.push({
        url: printPagePath(locale.code, variant),
        locale,
        variant,
        document: variant.document,
        name,
        title: `${name} · ${site.campaign.name}`,
        subject: t(rules.subjectKey),
        parts,
        pageCss: pageSizeCss(variant),
        pageCounter: locale.numberingSystem === "arab" ? "arabic-indic" : "decimal",
        homeUrl,
        signupUrl: site.campaign.signupUrl,
        qrSvg: variant.document === "leaflet" ? qrCodeSvg(homeUrl, t("print.qrLabel", { url: printableUrl(homeUrl) })) : undefined,
        fontCss: printFontCss(text, locale.code),
      });
    }
  }
  return { pages };
}

function printPart(part: DocumentPart, own: Section | undefined, source: Section, sourceLocale: LocaleView, locale: LocaleView, siteUrl: string): PrintPart {
  let section = own ?? source;
  let html: string;
  if (part.take === "excerpt") {
    const sourceBlocks = excerptBlocks(source);
    if (sourceBlocks.length === 0) {
      throw new ContentError(
        { file: source.file },
        `content/${DOCUMENTS_FILE} (line ${part.line}) prints an excerpt of "${part.section}", but this file marks none`,
        "wrap the paragraphs or list items to print in  ::: excerpt  and  :::  lines (in every locale's file), or set  take: all",
      );
    }
    let blocks = section === source ? sourceBlocks : translatedExcerpts(source, section);
    if (!blocks || blocks.length === 0) {
      // A translation whose excerpts do not pair with the English prints the source's, like a missing section.
      section = source;
      blocks = sourceBlocks;
    }
    // Each block rendered on its own, so the gap between two blocks stays visible.
    html = blocks.map((block) => `<div class="excerpt">\n${renderMarkdown(block)}</div>\n`).join("");
  } else {
    html = renderMarkdown(section.body);
  }
  const fallback = section !== own;
  return {
    id: part.section,
    title: section.title,
    kicker: section.kicker,
    html: forPrint(html, part.section, siteUrl),
    lang: fallback ? sourceLocale.code : locale.code,
    dir: fallback ? sourceLocale.dir : locale.dir,
    fallback,
    excerpt: part.take === "excerpt",
    fullUrl: `${siteUrl}/${locale.code}/${part.section}/`,
  };
}

/**
 * The site's HTML adjusted for paper: headings one level down (the document's title is the
 * h1, part titles are h2), ids made unique across parts (bookmarks point at them),
 * collapsed blocks opened, and site-relative links made absolute.
 */
export function forPrint(html: string, sectionId: string, siteUrl: string): string {
  let heading = 0;
  return html
    .replace(/<(\/?)h([1-5])\b/g, (_, slash: string, level: string) => `<${slash}h${Number(level) + 1}`)
    .replace(/\sid="part-\d+"/g, () => ` id="${sectionId}-${++heading}"`)
    .replace(/<details class="collapsed"><summary>([\s\S]*?)<\/summary>/g, '<div class="details"><p class="details-label">$1</p>')
    .replace(/<\/div><\/details>/g, "</div></div>")
    .replace(/\shref="\/(?!\/)/g, ` href="${siteUrl}/`);
}
