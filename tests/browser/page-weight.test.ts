// Page weight as the browser loads it: every reading page's first view (HTML, CSS, fonts,
// images, whatever the browser fetches) stays within budget for slow, expensive connections,
// and each home page's HTML and CSS fit the first round trips. Sizes are what travels: text
// gzipped (level 9), fonts and images as they are.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Response } from "playwright-core";
import { beforeAll, expect, test } from "vitest";
import { isPrintPage, usePageOnSite } from "../helpers/browser.ts";

const FIRST_VIEW_BUDGET = 100 * 1024;
const HOME_HTML_CSS_BUDGET = 14 * 1024;
const PRECOMPRESSED = /\.(woff2?|png|jpe?g|gif|webp|avif|ico)$/i;

interface Loaded {
  url: string;
  type: string;
  bytes: number;
}

const session = usePageOnSite();
/** Page path → what the browser fetched for its first view. */
const firstViews = new Map<string, Loaded[]>();

beforeAll(async () => {
  const { web, page } = session;
  // Routing turns the browser's cache off: every page is a first view.
  await page.route("**/*", (route) => route.continue());
  for (const path of web.pages.filter((p) => !isPrintPage(p))) {
    const loaded: Loaded[] = [];
    // What the browser fetched; its bytes are the built file the local server sent.
    const onResponse = (response: Response) => {
      const url = new URL(response.url());
      const file = join(web.site.dir, decodeURIComponent(url.pathname), url.pathname.endsWith("/") ? "index.html" : "");
      const body = readFileSync(file);
      loaded.push({ url: url.pathname, type: response.request().resourceType(), bytes: PRECOMPRESSED.test(file) ? body.length : gzipSync(body, { level: 9 }).length });
    };
    page.on("response", onResponse);
    await page.goto(web.url(path), { waitUntil: "load" });
    // Two frames: anything the first view asks for late (a font a rule needs) is requested by then.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    page.off("response", onResponse);
    firstViews.set(path, loaded);
  }
  await page.unrouteAll();
});

const total = (loaded: Loaded[]) => loaded.reduce((sum, l) => sum + l.bytes, 0);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

test("the first view of every reading page, fonts included, is at most 100 KB", () => {
  expect(firstViews.size).toBeGreaterThan(10);
  for (const [path, loaded] of firstViews) {
    expect(
      loaded.some((l) => l.type === "document"),
      path,
    ).toBe(true);
    expect(total(loaded), `${path}: ${loaded.map((l) => `${l.url} ${kb(l.bytes)}`).join(", ")}`).toBeLessThanOrEqual(FIRST_VIEW_BUDGET);
  }
});

test("each home page's HTML and CSS are at most 14 KB, and no page loads a script", () => {
  const homes = [...firstViews.keys()].filter((path) => /^\/(?:[^/]+\/)?$/.test(path));
  expect(homes).toEqual(expect.arrayContaining(["/", "/en/", "/ar/"]));
  for (const path of homes) {
    const htmlCss = firstViews.get(path)!.filter((l) => l.type === "document" || l.type === "stylesheet");
    expect(
      htmlCss.some((l) => l.type === "stylesheet"),
      path,
    ).toBe(true);
    expect(total(htmlCss), `${path}: ${htmlCss.map((l) => `${l.url} ${kb(l.bytes)}`).join(", ")}`).toBeLessThanOrEqual(HOME_HTML_CSS_BUDGET);
  }
  for (const [path, loaded] of firstViews)
    expect(
      loaded.filter((l) => l.type === "script"),
      path,
    ).toEqual([]);
});
