// Links as the browser resolves them: every internal link and #fragment on every built page
// lands on a file of the build and an id of the target page; every sitemap URL exists.
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { BrowserContext } from "playwright-core";
import { decodeEntities } from "../helpers/html.ts";
import { newContext, openSiteInBrowser, type SiteInBrowser } from "../helpers/browser.ts";

let web: SiteInBrowser;
let context: BrowserContext;
/** Page path → ids (and <a name>) on it. */
const anchors = new Map<string, Set<string>>();
/** Page path → absolute URLs of every link, stylesheet, icon, alternate and source on it. */
const links = new Map<string, string[]>();

beforeAll(async () => {
  web = await openSiteInBrowser();
  context = await newContext(web.browser);
  const page = await context.newPage();
  for (const path of web.pages) {
    await page.goto(web.url(path));
    const found = await page.evaluate(() => ({
      ids: [...document.querySelectorAll("[id], a[name]")].map((el) => el.id || el.getAttribute("name")!),
      urls: [...document.querySelectorAll<HTMLElement>("a[href], area[href], link[href], [src], form[action]")].map((el) =>
        // The browser resolves each reference against the page, as a reader's browser would.
        "href" in el && typeof el.href === "string" ? el.href : ((el as HTMLImageElement).src ?? (el as HTMLFormElement).action),
      ),
    }));
    anchors.set(path, new Set(found.ids));
    links.set(path, found.urls);
  }
});
afterAll(async () => {
  await context?.close();
  await web?.close();
});

/** The file of the build a URL path is served from, or undefined. */
function builtFile(urlPath: string): string | undefined {
  const file = join(web.site.dir, decodeURIComponent(urlPath));
  if (existsSync(file) && statSync(file).isFile()) return file;
  const index = join(file, "index.html");
  return existsSync(index) ? index : undefined;
}

/** The page path (as builtPages names it) that a file of the build is. */
const pageOf = (file: string) => `/${file.slice(web.site.dir.length + 1).replace(/(^|\/)index\.html$/, "$1")}`;

/** A URL of this site: the local server, or the configured siteUrl (canonical, hreflang, sitemap). */
function localPath(url: URL): string | undefined {
  const { siteUrl, signupUrl } = web.site.model.campaign;
  // The signup form lives elsewhere even when it shares the site's host.
  if (url.href === new URL(signupUrl).href) return undefined;
  if (url.origin === web.server.url || url.origin === new URL(siteUrl).origin) return url.pathname;
  return undefined;
}

test("every internal link and fragment on every page resolves", () => {
  const broken: string[] = [];
  let internal = 0;
  let fragments = 0;
  for (const [from, urls] of links) {
    for (const href of urls) {
      const url = new URL(href);
      if (!/^https?:$/.test(url.protocol)) continue;
      const path = localPath(url);
      if (path === undefined) continue;
      internal++;
      const file = builtFile(path);
      if (!file) {
        broken.push(`${from}: ${href} → no such file in the build`);
        continue;
      }
      if (!url.hash || !file.endsWith(".html")) continue;
      fragments++;
      const id = decodeURIComponent(url.hash.slice(1));
      if (!anchors.get(pageOf(file))?.has(id)) broken.push(`${from}: ${href} → no id="${id}" on ${pageOf(file)}`);
    }
  }
  expect(internal).toBeGreaterThan(web.pages.length * 5);
  expect(fragments, "the skip links at least").toBeGreaterThanOrEqual(web.site.model.homes.length);
  expect(broken.join("\n")).toBe("");
});

test("every page links to every other locale's version of itself", () => {
  for (const view of [...web.site.model.homes, ...web.site.model.sectionPages]) {
    const paths = new Set((links.get(view.url) ?? []).map((href) => new URL(href).pathname));
    for (const alt of view.alternates) expect(paths.has(alt.url), `${view.url} → ${alt.url}`).toBe(true);
  }
});

test("every URL in sitemap.xml exists in the build and is served", async () => {
  const xml = readFileSync(join(web.site.dir, "sitemap.xml"), "utf8");
  const urls = [...xml.matchAll(/<loc>([^<]+)<\/loc>|\shref="([^"]+)"/g)].map((m) => decodeEntities((m[1] ?? m[2])!));
  const locs = [...xml.matchAll(/<loc>/g)].length;
  // The language chooser (the root page), the home pages and the section pages.
  expect(locs).toBe(1 + web.site.model.homes.length + web.site.model.sectionPages.length);
  const { siteUrl } = web.site.model.campaign;
  const missing: string[] = [];
  for (const href of new Set(urls)) {
    if (!href.startsWith(`${siteUrl}/`)) {
      missing.push(`${href}: not under the configured siteUrl ${siteUrl}`);
      continue;
    }
    const path = href.slice(siteUrl.length);
    if (!builtFile(path)) missing.push(`${href}: no file in the build`);
    const response = await fetch(web.url(path));
    if (response.status !== 200) missing.push(`${href}: served as ${response.status}`);
    await response.body?.cancel();
  }
  expect(missing.join("\n")).toBe("");
});
