// The share card task: Chromium photographs each card page of a built site (print/shareCardPages.ts)
// at 1200×630, in the PDFs' browser session, after shrinking a long title until nothing is cut
// off. Cached like the PDFs: a card whose page, CSS, fonts, browser and renderer are unchanged is
// copied from .cache/cards/, not rendered again.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { buildSiteModel } from "../site/index.ts";
import { CARD_HEIGHT, CARD_MAX_BYTES, CARD_WIDTH, fontFilesIn, shareCards, type ShareCard } from "../print/index.ts";
import { buildContentKeys, type ContentKeys, RenderCache } from "./cache.ts";
import { writeAtomically } from "../shared/contentCache.ts";
import type { RenderTask } from "./renderTasks.ts";
import { RenderError, type Slot } from "./session.ts";

/** The card CSS, as served from the built site. */
const CARD_ASSETS = "assets/cards";
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

interface ShareCardOptions {
  root: string;
  /** A built site: card pages in, card images out. */
  siteDir: string;
  /** The cards the pages were built from (default: those of the project at `root`); npm run build passes its own. */
  cards?: ShareCard[];
  /** false: render everything, store nothing. Default: .cache/cards/, none under PLEDGE_NO_CACHE=1. */
  cacheDir?: string | false;
  timeoutMs?: number;
  log?: (line: string) => void;
  findBrowser?: () => string;
  /** The build's cache keys, shared with the PDFs (default: this call's own). */
  contentKeys?: ContentKeys;
}

export interface ShareCardTask extends RenderTask {
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
      throw new RenderError(`the share card page ${card.url} is missing from ${options.siteDir}\n  → build the site with npm run build (npm run pdf writes the card pages into an existing one)`);
    }
  }
  const cache = RenderCache.open(options.cacheDir, join(options.root, ".cache", "cards"), "png");
  const keys = options.contentKeys ?? buildContentKeys(options.root, options.findBrowser);
  const keyOf = (card: ShareCard) => {
    const html = readFileSync(htmlOf(card));
    // The fonts come from node_modules (printFontRoutes), not the site: a changed font file renders the card again.
    return keys.key({ settings: "share card", html, folders: [join(options.siteDir, CARD_ASSETS)], fonts: fontFilesIn(html.toString("utf8")) });
  };

  const results: ShareCardResult[] = [];
  const pending: { card: ShareCard; key: string }[] = [];
  for (const card of cards) {
    const key = keyOf(card);
    const hit = cache?.get(key);
    if (!hit) {
      pending.push({ card, key });
      continue;
    }
    writeAtomically(join(options.siteDir, card.image), hit.bytes);
    results.push({ card, bytes: hit.bytes.length, ms: 0, cached: true, titlePx: 0 });
  }
  if (pending.length === 0) finish();

  function finish() {
    cache?.prune();
    const rendered = results.filter((r) => !r.cached).length;
    const largest = Math.max(0, ...results.map((r) => r.bytes));
    log(`  ${results.length} share cards, ${CARD_WIDTH}×${CARD_HEIGHT}, at most ${Math.round(largest / 1000)} kB (${rendered} rendered, ${results.length - rendered} from the cache)`);
  }

  return {
    results,
    pending: pending.length > 0,
    allowedPaths: ["/assets/cards/", ...pending.map(({ card }) => card.url)],
    // One card after another: each is quick, and the PDFs have had the slots.
    slots: 1,
    async render(session) {
      for (const { card, key } of pending) {
        const started = performance.now();
        const url = `${session.origin}${card.url}`;
        const { png, titlePx } = await session.run({
          label: card.image,
          timeoutMs,
          run: (slot) => photograph(slot, url, card, timeoutMs),
          failed: (detail) => `${card.image}: Chromium could not render the share card: ${detail}\n  → run again with --debug; open ${url} in a browser to see the card page`,
        });
        cache?.put(key, png);
        writeAtomically(join(options.siteDir, card.image), png);
        results.push({ card, bytes: png.length, ms: performance.now() - started, cached: false, titlePx });
      }
      finish();
    },
  };
}

async function photograph(slot: Slot, url: string, card: ShareCard, timeoutMs: number): Promise<{ png: Uint8Array; titlePx: number }> {
  const page = await slot.newPage();
  await page.setViewport({ width: CARD_WIDTH, height: CARD_HEIGHT, deviceScaleFactor: 1 });
  await page.goto(url, { waitUntil: "load", timeout: timeoutMs });
  const fit = (await page.evaluate(FIT_TITLE)) as { fits: boolean; titlePx: number };
  if (!fit.fits) {
    throw new RenderError(
      `${card.file}: the title "${card.title}" does not fit on its share card (${card.image}), even at the smallest size\n  → shorten the title in the front matter of ${card.file}`,
    );
  }
  const png = new Uint8Array(await page.screenshot({ type: "png", clip: { x: 0, y: 0, width: CARD_WIDTH, height: CARD_HEIGHT } }));
  if (png.length > CARD_MAX_BYTES) {
    throw new RenderError(
      `${card.image}: the share card is ${Math.round(png.length / 1000)} kB, more than ${CARD_MAX_BYTES / 1000} kB\n  → keep templates/assets/cards/card.css to flat colours (no gradients or images)`,
    );
  }
  return { png, titlePx: fit.titlePx };
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
