// Renders the share cards (shareCardPages.ts) from the card pages of a built site: Chromium
// photographs each at 1200×630, in the PDFs' browser session (a task for buildPdfs), after
// shrinking a long title until nothing is cut off. Cached like the PDFs: a card whose page, CSS,
// fonts, browser and renderer are unchanged is copied from .cache/cards/, not rendered again.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { performance } from "node:perf_hooks";
import type { HTTPRequest, Page } from "puppeteer";
import { findChromium } from "../shared/chromium.ts";
import { buildSiteModel } from "../site/index.ts";
import type { BrowserTask } from "./buildPdfs.ts";
import { fontFilesIn } from "./fonts.ts";
import { browserIdentity, writeAtomically } from "./pdfCache.ts";
import { PdfRenderError, type PdfRenderer } from "./pdfRenderer.ts";
import { CARD_HEIGHT, CARD_MAX_BYTES, CARD_WIDTH, shareCards, type ShareCard } from "./shareCardPages.ts";

const CARD_ASSETS = ["assets/cards"];
const KEEP_UNUSED_DAYS = 14;
/** The title starts at this size (vw of the 1200 px card) and shrinks to at most MIN. */
const TITLE_START_VW = 6.5;
const TITLE_MIN_VW = 3;

export interface ShareCardResult {
  card: ShareCard;
  bytes: number;
  ms: number;
  cached: boolean;
  /** The title's size in px on the 1200 px card (0 when cached). */
  titlePx: number;
}

export interface ShareCardOptions {
  root: string;
  /** A built site: card pages in, card images out. */
  siteDir: string;
  /** The cards the pages were built from (default: those of the project at `root`); npm run build passes its own. */
  cards?: ShareCard[];
  /** false: render everything, store nothing. */
  cacheDir?: string | false;
  timeoutMs?: number;
  log?: (line: string) => void;
  findBrowser?: () => string;
}

export interface ShareCardTask extends BrowserTask {
  /** Filled as cards are copied from the cache (at once) and rendered (in render). */
  readonly results: ShareCardResult[];
}

/** Copies cached cards into the site now; the rest wait for the browser session (render). */
export function prepareShareCards(options: ShareCardOptions): ShareCardTask {
  const log = options.log ?? ((line: string) => console.log(line));
  const timeoutMs = options.timeoutMs ?? 30_000;
  const cards = options.cards ?? shareCards(buildSiteModel(options.root));
  const htmlOf = (card: ShareCard) => join(options.siteDir, card.url, "index.html");
  for (const card of cards) {
    if (!existsSync(htmlOf(card))) {
      throw new PdfRenderError(`the share card page ${card.url} is missing from ${options.siteDir}\n  → build the site with npm run build (npm run pdf writes the card pages into an existing one)`);
    }
  }
  const cacheDir = options.cacheDir === false ? undefined : (options.cacheDir ?? join(options.root, ".cache", "cards"));
  let browser = "none";
  try {
    browser = browserIdentity((options.findBrowser ?? findChromium)());
  } catch {
    // No browser: nothing is cached under "none", and rendering reports the missing browser.
  }
  const assets = assetsHash(options.siteDir);
  const renderer = rendererIdentity(options.root);
  const fontHashes = new Map<string, string>();
  const fontHash = (file: string) => {
    let known = fontHashes.get(file);
    if (known === undefined) fontHashes.set(file, (known = createHash("sha256").update(readFileSync(file)).digest("hex")));
    return known;
  };
  const keyOf = (card: ShareCard) => {
    const html = readFileSync(htmlOf(card));
    // The fonts come from node_modules (printFontRoutes), not the site: a changed font file renders the card again.
    const fonts = fontFilesIn(html.toString("utf8")).map(fontHash).join("\n");
    return createHash("sha256").update(`${renderer}\n${browser}\n${assets}\n${fonts}\n`).update(html).digest("hex").slice(0, 32);
  };

  const results: ShareCardResult[] = [];
  const pending: { card: ShareCard; key: string }[] = [];
  for (const card of cards) {
    const key = keyOf(card);
    const hit = cacheDir ? cached(cacheDir, key) : undefined;
    if (!hit) {
      pending.push({ card, key });
      continue;
    }
    writeAtomically(join(options.siteDir, card.image), hit);
    results.push({ card, bytes: hit.length, ms: 0, cached: true, titlePx: 0 });
  }
  if (pending.length === 0) finish();

  function finish() {
    if (cacheDir) prune(cacheDir);
    const rendered = results.filter((r) => !r.cached).length;
    const largest = Math.max(0, ...results.map((r) => r.bytes));
    log(`  ${results.length} share cards, ${CARD_WIDTH}×${CARD_HEIGHT}, at most ${Math.round(largest / 1000)} kB (${rendered} rendered, ${results.length - rendered} from the cache)`);
  }

  return {
    results,
    pending: pending.length > 0,
    allowedPaths: ["/assets/cards/", ...pending.map(({ card }) => card.url)],
    async render(pdfRenderer: PdfRenderer, origin: string) {
      const page = await pdfRenderer.newPage();
      try {
        await preparePage(page);
        for (const { card, key } of pending) {
          const started = performance.now();
          const { png, titlePx } = await photograph(page, `${origin}${card.url}`, card, timeoutMs);
          if (cacheDir) {
            mkdirSync(cacheDir, { recursive: true });
            writeAtomically(join(cacheDir, `${key}.png`), png);
          }
          writeAtomically(join(options.siteDir, card.image), png);
          results.push({ card, bytes: png.length, ms: performance.now() - started, cached: false, titlePx });
        }
      } finally {
        await page.close().catch(() => {});
      }
      finish();
    },
  };
}

/** The renderer's pages load files from the loopback server only (allowedPaths), like the print pages. */
async function preparePage(page: Page) {
  await page.setViewport({ width: CARD_WIDTH, height: CARD_HEIGHT, deviceScaleFactor: 1 });
}

async function photograph(page: Page, url: string, card: ShareCard, timeoutMs: number): Promise<{ png: Uint8Array; titlePx: number }> {
  try {
    await page.goto(url, { waitUntil: "load", timeout: timeoutMs });
    const fit = (await page.evaluate(FIT_TITLE)) as { fits: boolean; titlePx: number };
    if (!fit.fits) {
      throw new PdfRenderError(`${card.file}: the title "${card.title}" does not fit on its share card (${card.image}), even at the smallest size\n  → shorten the title in the front matter of ${card.file}`);
    }
    const png = new Uint8Array(await page.screenshot({ type: "png", clip: { x: 0, y: 0, width: CARD_WIDTH, height: CARD_HEIGHT } }));
    if (png.length > CARD_MAX_BYTES) {
      throw new PdfRenderError(`${card.image}: the share card is ${Math.round(png.length / 1000)} kB, more than ${CARD_MAX_BYTES / 1000} kB\n  → keep templates/assets/cards/card.css to flat colours (no gradients or images)`);
    }
    return { png, titlePx: fit.titlePx };
  } catch (error) {
    if (error instanceof PdfRenderError) throw error;
    throw new PdfRenderError(`${card.image}: Chromium could not render the share card: ${error instanceof Error ? error.message : String(error)}\n  → run again with --debug; open ${url} in a browser to see the card page`, { cause: error });
  }
}

/**
 * Runs in the card page once it has loaded: waits for the fonts, then shrinks the title step by
 * step until it fits its box (height and width) and the campaign line fits its width. A string,
 * not a function, so the TypeScript loader's helpers never end up in code that runs in the browser.
 */
const FIT_TITLE = `document.fonts.ready.then(() => {
  const title = document.querySelector(".card-title");
  const box = document.querySelector(".card-title-box");
  const campaign = document.querySelector(".card-campaign");
  const address = document.querySelector(".card-address");
  const card = document.querySelector(".card");
  const inside = (el) => el.scrollWidth <= el.clientWidth + 1;
  const fits = () => title.scrollHeight <= box.clientHeight + 1 && inside(title) && inside(campaign) && inside(address) && card.scrollHeight <= card.clientHeight + 1;
  let vw = ${TITLE_START_VW};
  title.style.setProperty("--title-size", vw + "vw");
  while (!fits() && vw > ${TITLE_MIN_VW}) {
    vw = Math.max(${TITLE_MIN_VW}, vw - 0.25);
    title.style.setProperty("--title-size", vw + "vw");
  }
  return { fits: fits(), titlePx: parseFloat(getComputedStyle(title).fontSize) };
})`;

function cached(dir: string, key: string): Uint8Array | undefined {
  const file = join(dir, `${key}.png`);
  if (!existsSync(file)) return undefined;
  const now = new Date();
  utimesSync(file, now, now);
  return readFileSync(file);
}

function prune(dir: string, now = Date.now()) {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const file = join(dir, name);
    if (name.endsWith(".png") && now - statSync(file).mtimeMs > KEEP_UNUSED_DAYS * 86_400_000) rmSync(file, { force: true });
  }
}

/** The card CSS and the fonts, every file, as served from the built site. */
function assetsHash(siteDir: string): string {
  const hash = createHash("sha256");
  for (const folder of CARD_ASSETS) {
    const dir = join(siteDir, folder);
    if (!existsSync(dir)) continue;
    const files = readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name))
      .sort();
    for (const file of files) hash.update(`\nfile ${relative(siteDir, file).split(sep).join("/")}\n`).update(readFileSync(file));
  }
  return hash.digest("hex");
}

/** This file's code and the browser driver's version: a change to either renders every card again. */
function rendererIdentity(root: string): string {
  const puppeteer = join(root, "node_modules", "puppeteer", "package.json");
  const version = existsSync(puppeteer) ? (JSON.parse(readFileSync(puppeteer, "utf8")) as { version: string }).version : "?";
  return createHash("sha256").update(`puppeteer@${version}\n`).update(readFileSync(import.meta.filename)).digest("hex");
}
