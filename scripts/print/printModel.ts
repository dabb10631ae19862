// What each print page shows: per locale and variant, the parts content/documents.yml
// names (whole sections or their marked excerpts), rendered by the site's own markdown
// renderer set for paper, plus the call to action and the QR codes its layout may print. Which
// text a part shows (and so its language) is the section page's decision in the site model.
import { ContentError } from "../shared/contentError.ts";
import { markdownRenderer } from "../shared/markdown.ts";
import { excerptTokens, sectionTokens } from "../project/blockTokens.ts";
import type { Section } from "../project/readProject.ts";
import { textIn, type LocaleView, type SectionPage, type SiteModel, type TextLanguage } from "../site/index.ts";
import { DOCUMENTS_FILE, type DocumentPart } from "../project/documentList.ts";
import { excerptBlocks, printedExcerpts } from "./excerpt.ts";
import { printFontCss } from "./fonts.ts";
import { checkedQrCodeSvg } from "./qrCode.ts";
import { documentVariants, pageSizeCss, printPagePath, renderedVariants, type PrintVariant } from "./variants.ts";

interface PrintPart {
  id: string;
  title: string;
  kicker: string | undefined;
  html: string;
  /** The language of the text (the source locale's where a translation is missing), as the site model says it. */
  language: TextLanguage;
  excerpt: boolean;
  /** The whole section on the site (printed under an excerpt). */
  full: PrintedLink;
}

/** A link on paper: where it points, and the address as printed (no scheme, easier to type). */
interface PrintedLink {
  href: string;
  text: string;
}

interface PrintPage {
  url: string;
  locale: LocaleView;
  variant: PrintVariant;
  document: string;
  /** templates/print/<layout>.njk, the template that lays the page out. */
  layout: string;
  /** The document's name in the locale ("Leaflet"), and its language where it is still the source's. */
  name: string;
  nameLang: TextLanguage | undefined;
  /** <title>: becomes the PDF's Title. */
  title: string;
  subject: string;
  parts: PrintPart[];
  pageCss: string;
  pageCounter: string;
  /** The locale's home page (also the QR code's target) and the sign-up page. */
  home: PrintedLink;
  signup: PrintedLink;
  /** QR codes as inline SVG, of the home page (the leaflet prints it) and of the sign-up page (the poster): the layout picks. */
  qrSvg: string;
  signupQrSvg: string;
  /** @font-face rules for the print fonts this page's text needs, and the font stacks. */
  fontCss: string;
}

export interface PrintModel {
  pages: PrintPage[];
}

/** UI strings templates/_includes/layouts/print-document.njk prints besides the parts. */
const PRINTED_STRINGS = ["print.fullSection", "home.ctaIntro", "print.signUp", "print.qrCaption", "print.scanToSign"];

/** Addresses as printed: without the scheme, easier to type from paper. */
function printedLink(href: string): PrintedLink {
  return { href, text: href.replace(/^https?:\/\//, "") };
}

export function buildPrintModel(site: SiteModel): PrintModel {
  const plan = site.documents;
  const siteUrl = site.campaign.siteUrl;
  const sectionPages = new Map(site.sectionPages.map((page) => [`${page.locale.code}/${page.id}`, page]));
  const shownOn = (page: SectionPage): Section => site.sections.get(page.language.lang)!.get(page.id)!;
  const pages: PrintPage[] = [];
  const signup = printedLink(site.campaign.signupUrl);
  for (const locale of site.locales) {
    const t = (key: string, options?: Record<string, unknown>) => site.t(locale.code, key, options);
    const home = printedLink(`${siteUrl}/${locale.code}/`);
    const qrSvg = checkedQrCodeSvg(home.href, t("print.qrLabel", { url: home.text }));
    const signupQrSvg = checkedQrCodeSvg(signup.href, t("print.qrLabel", { url: signup.text }));
    for (const rules of plan.documents) {
      // What a document says in a locale is the same on every paper: worked out once, not per variant.
      const parts = rules.parts.map((part) => {
        const page = sectionPages.get(`${locale.code}/${part.section}`)!;
        const source = site.sections.get(site.sourceLocale.code)!.get(part.section)!;
        return printPart(part, page, shownOn(page), source, site.sourceLocale, siteUrl);
      });
      const name = t(rules.nameKey);
      // Everything the template prints, so the page declares a font for each script in it.
      const text = [
        site.campaign.name,
        name,
        t(rules.subjectKey),
        ...PRINTED_STRINGS.map((key) => t(key)),
        ...parts.flatMap((p) => [p.title, p.kicker ?? "", p.html]),
        locale.numberingSystem === "arab" ? "٠١٢٣٤٥٦٧٨٩" : "",
      ].join("\n");
      const fontCss = printFontCss(text, locale.code);
      for (const variant of renderedVariants(documentVariants(rules))) {
        pages.push({
          url: printPagePath(locale.code, variant),
          locale,
          variant,
          document: variant.document,
          layout: rules.layout,
          name,
          nameLang: site.uiTextLang(locale.code, rules.nameKey),
          title: `${name} · ${site.campaign.name}`,
          subject: t(rules.subjectKey),
          parts,
          pageCss: pageSizeCss(variant),
          pageCounter: locale.numberingSystem === "arab" ? "arabic-indic" : "decimal",
          home,
          signup,
          qrSvg,
          signupQrSvg,
          fontCss,
        });
      }
    }
  }
  return { pages };
}

/**
 * What buildPrintModel holds content/documents.yml to, without rendering a page: a build that
 * writes no print pages (npm run build:site) stops on the same mistake, with the same message, as
 * one that prints them.
 */
export function checkPrintedDocuments(site: SiteModel): void {
  const sources = site.sections.get(site.sourceLocale.code)!;
  for (const rules of site.documents.documents) for (const part of rules.parts) if (part.take !== "all") excerptsTaken(part, sources.get(part.section)!);
}

/** The English excerpts a part takes from: an error naming the file when it marks none. */
function excerptsTaken(part: DocumentPart, source: Section): ReturnType<typeof excerptBlocks> {
  const blocks = excerptBlocks(source);
  if (blocks.length === 0) {
    throw new ContentError(
      { file: source.file },
      `content/${DOCUMENTS_FILE} (line ${part.line}) prints an excerpt of "${part.section}", but this file marks none`,
      "wrap the paragraphs or list items to print in  ::: excerpt  and  :::  lines (in every locale's file), or set  take: all",
    );
  }
  return blocks;
}

/**
 * One part of a document: the text its section page shows (the translation, or the source's
 * where the page falls back), whole or as its excerpt blocks. On paper, headings sit one level
 * below the document's title, ids are unique across parts (bookmarks point at them),
 * collapsed blocks are open, and site-relative links carry the site's address.
 */
function printPart(part: DocumentPart, page: SectionPage, shown: Section, source: Section, sourceLocale: LocaleView, siteUrl: string): PrintPart {
  const render = markdownRenderer({ headingOffset: 1, idPrefix: part.section, openDetails: true, siteUrl });
  const whole = { id: part.section, excerpt: false, full: printedLink(`${siteUrl}${page.url}`) };
  if (part.take === "all") {
    return { ...whole, title: page.title, kicker: page.kicker, html: render(sectionTokens(shown)), language: page.language };
  }
  const first = part.take === "first-excerpt" ? 1 : Infinity;
  const sourceBlocks = excerptsTaken(part, source).slice(0, first);
  // The translation's excerpts are the blocks aligned with the English excerpts. Where a
  // translation in progress has no counterpart for one yet, the English excerpt is printed in its
  // place, marked as English: a printed document never leaves out part of what it takes (the
  // check reports the missing excerpt). With none of its own, the part is the source's, like a
  // missing section.
  const sourceExcerpts = sourceBlocks.map((e) => ({ ...e, english: false }));
  let [section, excerpts, language] = [shown, sourceExcerpts, page.language];
  if (shown !== source) {
    const own = printedExcerpts(source, shown).slice(0, first);
    [section, excerpts, language] = own.some((e) => !e.english) ? [shown, own, page.language] : [source, sourceExcerpts, textIn(sourceLocale, true)];
  }
  const asSource = ` lang="${sourceLocale.code}" dir="${sourceLocale.dir}"`;
  return {
    ...whole,
    excerpt: true,
    title: section.title,
    kicker: section.kicker,
    // Each block rendered on its own, so the gap between two blocks stays visible (both lists
    // leave empty excerpts out).
    // Rendered from the reading of the section each comes from.
    html: excerpts.map((e) => `<div class="excerpt"${e.english ? asSource : ""}>\n${render(excerptTokens(e.english || section === source ? source : shown, e.index, e.markdown))}</div>\n`).join(""),
    language,
  };
}
