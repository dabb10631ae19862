// axe-core in Debian's Chromium: every page in every locale against WCAG 2.0/2.1/2.2 A and AA,
// and the collapsed testimonies both closed and opened.
import { afterAll, beforeAll, expect, test } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { axeViolations, describeViolations, isPrintPage, newContext, openSiteInBrowser, type SiteInBrowser } from "../helpers/browser.ts";

let web: SiteInBrowser;
let context: BrowserContext;
let page: Page;
beforeAll(async () => {
  web = await openSiteInBrowser();
  context = await newContext(web.browser);
  page = await context.newPage();
});
afterAll(async () => {
  await context?.close();
  await web?.close();
});

test("every page in every locale has no WCAG A/AA violation", async () => {
  const pages = web.pages.filter((path) => !isPrintPage(path));
  expect(pages.length).toBeGreaterThanOrEqual(web.site.model.homes.length + web.site.model.sectionPages.length);
  const report: string[] = [];
  for (const path of pages) {
    await page.goto(web.url(path));
    const violations = await axeViolations(page);
    if (violations.length > 0) report.push(describeViolations(path, violations));
  }
  expect(report.join("\n")).toBe("");
});

test.each(["/en/immoral/", "/ar/immoral/"])("the testimonies on %s pass closed and opened", async (path) => {
  await page.goto(web.url(path));
  const details = page.locator("details.collapsed");
  expect(await details.count(), `${path} has collapsed testimonies`).toBeGreaterThan(0);
  expect(await details.evaluateAll((all) => all.every((d) => !(d as HTMLDetailsElement).open))).toBe(true);
  expect(describeViolations(`${path} (closed)`, await axeViolations(page))).toBe("");
  await details.evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
  // The opened body must really be rendered, or axe would skip it as hidden.
  expect(await page.locator("details.collapsed .details-body").first().isVisible()).toBe(true);
  expect(describeViolations(`${path} (opened)`, await axeViolations(page))).toBe("");
});
