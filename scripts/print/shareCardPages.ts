// The share cards: one 1200×630 image per reader page (home and sections) per locale, shown by
// WhatsApp, Telegram, Signal, X and Facebook when a link is shared. Here: what each card says
// and where it lives, from the site model; rendering is in scripts/render/shareCards.ts. The card pages
// (templates/print/card.njk) sit under /<locale>/print/ with the other pages made for Chromium.
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { Direction } from "../project/localeMeta.ts";
import type { SiteModel, TextLanguage } from "../site/index.ts";
import { printFontCss } from "./fonts.ts";

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
export const CARD_MAX_BYTES = 300_000;
const CARD_FILE = "card.png";
const CARD_TYPE = "image/png";

/** One card: where its page and image live, and what it says. */
export interface ShareCard {
  /** The card's HTML page, which Chromium photographs (/en/print/card-illegal/). */
  url: string;
  /** The reader page the card is for (/en/illegal/). */
  pageUrl: string;
  /** The image, next to the reader page (/en/illegal/card.png). */
  image: string;
  locale: string;
  dir: Direction;
  /** The title's language (the source locale's where the section falls back). */
  titleLanguage: TextLanguage;
  title: string;
  campaign: string;
  /** The site's address as printed on the card, without the scheme. */
  address: string;
  /** The content file the title comes from, named when it cannot fit. */
  file: string;
  /** og:image:alt */
  alt: string;
}

/** A card's page as templates/print/card.njk renders it. */
export interface ShareCardPage extends ShareCard {
  /** The print fonts the card's text needs (@font-face with unicode-range, font stacks). */
  fontCss: string;
}

/** A card that exists in a built site, as the page's meta tags describe it. */
export interface ShareCardImage {
  url: string;
  width: number;
  height: number;
  type: string;
  alt: string;
}

export function shareCards(site: SiteModel): ShareCard[] {
  const campaign = site.campaign.name;
  const address = site.campaign.siteUrl.replace(/^https?:\/\//, "");
  const homes = site.homes.map((home) => ({ page: home.pledge, pageUrl: home.url, slug: "card" }));
  const sections = site.sectionPages.map((page) => ({ page, pageUrl: page.url, slug: `card-${page.id}` }));
  return [...homes, ...sections].map(({ page, pageUrl, slug }) => ({
    url: `/${page.locale.code}/print/${slug}/`,
    pageUrl,
    image: `${pageUrl}${CARD_FILE}`,
    locale: page.locale.code,
    dir: page.locale.dir,
    titleLanguage: page.language,
    title: page.title,
    campaign,
    address: `${address}${pageUrl}`,
    file: page.language.fallback ? `content/${site.sourceLocale.code}/${page.id}.md` : page.editFile,
    alt: `${campaign}: ${page.title}`,
  }));
}

/** The card pages Chromium photographs: only a build that renders cards writes them. */
export function shareCardPages(cards: ShareCard[]): ShareCardPage[] {
  return cards.map((card) => ({ ...card, fontCss: printFontCss(`${card.campaign}\n${card.title}\n${card.address}`, card.locale) }));
}

/** The cards already in the output folder, by reader page URL: a build without them (npm run build:site) lists none. */
export function builtShareCards(cards: ShareCard[], outputDir: string): Record<string, ShareCardImage> {
  const built: Record<string, ShareCardImage> = {};
  for (const card of cards) {
    if (!existsSync(join(outputDir, card.image))) continue;
    built[card.pageUrl] = { url: card.image, width: CARD_WIDTH, height: CARD_HEIGHT, type: CARD_TYPE, alt: card.alt };
  }
  return built;
}

/**
 * Once the PDFs and images are rendered, the pages they were rendered from (every page under
 * /<locale>/print/: documents and cards) have served: the published site keeps the files only.
 */
export function removeChromiumPages(locales: string[], siteDir: string): void {
  for (const code of locales) rmSync(join(siteDir, code, "print"), { recursive: true, force: true });
}
