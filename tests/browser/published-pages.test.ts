// The site as a host publishes it (the output folder alone, served as it is): every page loads
// without a failed request or a console error. The pages the PDFs and share cards are rendered
// from (/<locale>/print/) are not published: they would ask for print fonts that live in
// node_modules. (npm run build removes them after rendering: tests/read-once.test.ts.)
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { isPrintPage, newContext, openSiteInBrowser, type SiteInBrowser } from "../helpers/browser.ts";

let web: SiteInBrowser;
let context: BrowserContext;
let page: Page;
const problems: string[] = [];
let current = "";

async function visit(path: string): Promise<void> {
  current = path;
  const response = await page.goto(web.url(path), { waitUntil: "load" });
  if (response && response.status() >= 400 && path !== "/404.html") problems.push(`${path}: the page itself answered ${response.status()}`);
  // Open the collapsed testimonies and let two frames render: anything loaded late is requested by then.
  await page.evaluate(async () => {
    for (const d of document.querySelectorAll("details")) d.open = true;
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  });
  // Let what the page asked for after load (its icon) finish: leaving earlier aborts it, which is no fault of the site.
  await page.waitForLoadState("networkidle");
}

beforeAll(async () => {
  web = await openSiteInBrowser({ published: true });
  context = await newContext(web.browser);
  page = await context.newPage();
  page.on("requestfailed", (request) => problems.push(`${current}: ${request.resourceType()} ${request.url()} failed: ${request.failure()?.errorText}`));
  page.on("response", (response) => {
    // The not-found page is served as it is; any other answer of 400 or more is a broken request.
    if (response.status() >= 400 && !response.url().endsWith("/404.html")) problems.push(`${current}: ${response.request().resourceType()} ${response.url()} answered ${response.status()}`);
  });
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`${current}: console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`${current}: page error: ${error.message}`));
}, 300_000);
afterAll(async () => {
  await context?.close();
  await web?.close();
});

test("no page of the published site is only a PDF's or share card's source", () => {
  expect(web.pages).toEqual(expect.arrayContaining(["/", "/en/", "/ar/", "/404.html", "/translation-status/"]));
  expect(web.pages.filter(isPrintPage)).toEqual([]);
});

test("every published page loads without a failed request or a console error", async () => {
  for (const path of web.pages) await visit(path);
  expect(problems.join("\n")).toBe("");
}, 300_000);

test("control: a page asking for a file the site does not have is reported", async () => {
  writeFileSync(
    join(web.site.dir, "missing-control.html"),
    '<!doctype html><html lang="en"><head><title>control</title><link rel="stylesheet" href="/assets/print/fonts/missing.css"></head><body><p>x</p></body></html>',
  );
  await visit("/missing-control.html");
  expect(problems.join("\n")).toMatch(/missing\.css answered 404/);
  problems.length = 0;
});
