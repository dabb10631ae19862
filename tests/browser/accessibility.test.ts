// axe-core in Debian's Chromium: every page in every locale against WCAG 2.0/2.1/2.2 A and AA,
// and the collapsed testimonies both closed and opened.
import { expect, test } from "vitest";
import { axeViolations, describeViolations, isPrintPage, usePageOnSite } from "../helpers/browser.ts";

const session = usePageOnSite();

test("every page in every locale has no WCAG A/AA violation", async () => {
  const pages = session.web.pages.filter((path) => !isPrintPage(path));
  expect(pages.length).toBeGreaterThanOrEqual(session.web.site.model.homes.length + session.web.site.model.sectionPages.length);
  const report: string[] = [];
  for (const path of pages) {
    await session.page.goto(session.web.url(path));
    const violations = await axeViolations(session.page);
    if (violations.length > 0) report.push(describeViolations(path, violations));
  }
  expect(report.join("\n")).toBe("");
}, 300_000); // axe on every page, one after another: minutes on a busy 2-core machine

test.each(["/en/immoral/", "/ar/immoral/"])("the testimonies on %s pass closed and opened", async (path) => {
  await session.page.goto(session.web.url(path));
  const details = session.page.locator("details.collapsed");
  expect(await details.count(), `${path} has collapsed testimonies`).toBeGreaterThan(0);
  expect(await details.evaluateAll((all) => all.every((d) => !(d as HTMLDetailsElement).open))).toBe(true);
  expect(describeViolations(`${path} (closed)`, await axeViolations(session.page))).toBe("");
  await details.evaluateAll((all) => {
    for (const d of all) (d as HTMLDetailsElement).open = true;
  });
  // The opened body must really be rendered, or axe would skip it as hidden.
  expect(await session.page.locator("details.collapsed .details-body").first().isVisible()).toBe(true);
  expect(describeViolations(`${path} (opened)`, await axeViolations(session.page))).toBe("");
});
