// Privacy in a real browser: loading every built page (print pages too) asks nothing of any
// other host, sets no cookie and logs no error.
import { afterAll, beforeAll, expect, test } from "vitest";
import type { BrowserContext } from "playwright-core";
import { newContext, openSiteInBrowser, type SiteInBrowser } from "../helpers/browser.ts";

let web: SiteInBrowser;
let context: BrowserContext;
const offSite: string[] = [];
const setCookies: string[] = [];
const errors: string[] = [];
let localRequests = 0;
let current = "";

beforeAll(async () => {
  web = await openSiteInBrowser();
  context = await newContext(web.browser);
  // Every request of every page, frame and worker passes here; anything not for the local server is refused.
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (url.startsWith(`${web.server.url}/`)) {
      localRequests++;
      await route.continue();
    } else {
      offSite.push(`${current}: ${route.request().resourceType()} ${url}`);
      await route.abort("blockedbyclient");
    }
  });
  const page = await context.newPage();
  page.on("request", (request) => {
    if (!request.url().startsWith(`${web.server.url}/`)) offSite.push(`${current}: ${request.resourceType()} ${request.url()} (seen)`);
  });
  page.on("response", async (response) => {
    const header = await response.headerValue("set-cookie");
    if (header) setCookies.push(`${current}: ${response.url()} Set-Cookie: ${header}`);
  });
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`${current}: console: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`${current}: page error: ${error.message}`));
  for (const path of web.pages) {
    current = path;
    const response = await page.goto(web.url(path), { waitUntil: "load" });
    expect(response?.status(), path).toBe(200);
    // Open the collapsed testimonies and let two frames render: anything loaded late is requested by then.
    await page.evaluate(async () => {
      for (const d of document.querySelectorAll("details")) d.open = true;
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    });
  }
});
afterAll(async () => {
  await context?.close();
  await web?.close();
});

test("every page loads only from the local server", () => {
  expect(web.pages.length).toBeGreaterThan(web.site.model.homes.length);
  expect(localRequests, "the stylesheet and pages themselves were requested").toBeGreaterThanOrEqual(web.pages.length * 2);
  expect(offSite.join("\n")).toBe("");
});

test("no page sets a cookie", async () => {
  expect(setCookies.join("\n")).toBe("");
  expect(await context.cookies()).toEqual([]);
});

test("no page logs an error or throws", () => {
  expect(errors.join("\n")).toBe("");
});
