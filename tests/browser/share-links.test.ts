// The share links in a real browser: every reader page links each network with its own page's
// encoded address, leaks no referrer, asks nothing of those sites on load (QR code opened), and
// its QR code, as Chromium draws it, decodes to the page's address: on a phone and a desktop,
// in light and dark mode.
import { afterAll, beforeAll, expect, test } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { axeViolations, describeViolations, newContext, openSiteInBrowser, type SiteInBrowser } from "../helpers/browser.ts";
import { decodeQrPng } from "../helpers/qr.ts";

let web: SiteInBrowser;
let context: BrowserContext;
let page: Page;
const offSite: string[] = [];
let readerPages: string[] = [];

beforeAll(async () => {
  web = await openSiteInBrowser();
  context = await newContext(web.browser, 360, 740);
  // Anything not for the local server is refused and recorded: the share links must load nothing.
  await context.route("**/*", async (route) => {
    if (route.request().url().startsWith(`${web.server.url}/`)) return route.continue();
    offSite.push(`${page.url()}: ${route.request().resourceType()} ${route.request().url()}`);
    return route.abort("blockedbyclient");
  });
  page = await context.newPage();
  readerPages = [...web.site.model.homes, ...web.site.model.sectionPages].map((p) => p.url);
});
afterAll(async () => {
  await context?.close();
  await web?.close();
});

/** Opens the page with its QR code shown; gives the page's canonical address. */
async function openWithQr(path: string): Promise<string> {
  await page.goto(web.url(path), { waitUntil: "load" });
  await page.locator(".share-qr > summary").click();
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  return (await page.locator('link[rel="canonical"]').getAttribute("href"))!;
}

test("each reader page's share links carry its own encoded address, with no referrer, and load nothing", async () => {
  expect(readerPages.length).toBeGreaterThan(10);
  const problems: string[] = [];
  for (const path of readerPages) {
    const canonical = await openWithQr(path);
    expect(canonical, path).toBe(new URL(path.slice(1), `${web.site.model.campaign.siteUrl}/`).href);
    const links = await page
      .locator(".share-links a")
      .evaluateAll((all) => all.map((a) => ({ href: a.getAttribute("href")!, rel: a.getAttribute("rel") ?? "", policy: a.getAttribute("referrerpolicy"), text: a.textContent!.trim() })));
    expect(links.length, path).toBe(6);
    for (const link of links) {
      if (!link.href.includes(encodeURIComponent(canonical))) problems.push(`${path} ${link.text}: ${link.href} lacks ${encodeURIComponent(canonical)}`);
      if (!/\bnoopener\b/.test(link.rel) || !/\bnoreferrer\b/.test(link.rel) || link.policy !== "no-referrer") problems.push(`${path} ${link.text}: rel="${link.rel}" referrerpolicy="${link.policy}"`);
      if (!link.text) problems.push(`${path}: a share link without a name`);
    }
    expect(await page.locator(".share-copy code").textContent(), path).toBe(canonical);
    // Labels in the reader's language: Arabic pages show Arabic names.
    if (path.startsWith("/ar/")) expect(links.map((l) => l.text)).toContain("واتساب");
  }
  expect(problems.join("\n")).toBe("");
  expect(offSite.join("\n")).toBe("");
}, 300_000);

test("each reader page's QR code, opened at 360 px, is at least 200 px wide and decodes to the page's address", async () => {
  const problems: string[] = [];
  for (const path of readerPages) {
    const canonical = await openWithQr(path);
    const qr = page.locator(".share-qr svg");
    const box = (await qr.boundingBox())!;
    if (box.width < 200 || box.height < 200 || box.x < 0 || box.x + box.width > 360) problems.push(`${path}: QR code at ${box.x}, ${box.width} x ${box.height} px`);
    const decoded = decodeQrPng(await qr.screenshot());
    if (decoded !== canonical) problems.push(`${path}: QR code reads ${decoded ?? "nothing"}, not ${canonical}`);
  }
  expect(problems.join("\n")).toBe("");
}, 300_000);

test.each(["/en/", "/ar/immoral/"])("%s: the QR code decodes at 1280 px in dark mode, dark on light, and axe finds nothing with it opened", async (path) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ colorScheme: "dark" });
  try {
    const canonical = await openWithQr(path);
    const qr = page.locator(".share-qr svg");
    expect((await qr.boundingBox())!.width).toBeGreaterThanOrEqual(200);
    expect(decodeQrPng(await qr.screenshot())).toBe(canonical);
    // The white square and black modules, whatever the reader's colour scheme.
    expect(await page.locator(".share-qr svg rect").evaluate((r) => getComputedStyle(r).fill)).toBe("rgb(255, 255, 255)");
    expect(await page.locator(".share-qr svg path").evaluate((p) => getComputedStyle(p).fill)).toBe("rgb(0, 0, 0)");
    expect(describeViolations(path, await axeViolations(page))).toBe("");
  } finally {
    await page.emulateMedia({ colorScheme: "light" });
    await page.setViewportSize({ width: 360, height: 740 });
  }
});
