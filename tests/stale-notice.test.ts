// A published translation made from an older English text says so to its readers, in their
// language, with a link to the current English section; hreflang still pairs the pages.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { mainOf } from "./helpers/html.ts";
import { copyProject, type ProjectCopy } from "./helpers/project.ts";
import { buildRealSite, type BuiltSite } from "./helpers/site.ts";

let project: ProjectCopy;
let site: BuiltSite;
const arabicUi = JSON.parse(readFileSync(join(import.meta.dirname, "..", "locales", "ar", "ui.json"), "utf8"));

beforeAll(async () => {
  project = copyProject();
  // An English edit to one section after the Arabic was made from it: the Arabic dual-use page is now stale.
  const english = readFileSync(join(project.root, "content/en/dual-use.md"), "utf8");
  const edited = english.replace(/\n\n([A-Z][a-z]+)/, "\n\nToday, $1");
  expect(edited).not.toBe(english);
  project.write("content/en/dual-use.md", edited);
  site = await buildRealSite(project.root);
});
afterAll(() => {
  site?.remove();
  project?.remove();
});

test("the site model decides stale once: only the translation made from an older English text", () => {
  const pages = site.model.sectionPages.filter((p) => p.locale.code === "ar");
  expect(pages.filter((p) => p.stale).map((p) => p.id)).toEqual(["dual-use"]);
  expect(site.model.sectionPages.filter((p) => p.locale.code === "en" && p.stale)).toEqual([]);
});

test("a stale translation shows a notice in the reader's language with a link to the English section", () => {
  const main = mainOf(site.read("/ar/dual-use/"));
  expect(main).toContain('class="fallback-notice stale-notice" role="note"');
  expect(main).toContain(arabicUi.translation.staleNotice);
  expect(main).toContain(`<a href="/en/dual-use/" hreflang="en">${arabicUi.translation.staleLink}</a>`);
  // Above the section's text, and the text itself stays the Arabic translation.
  expect(main.indexOf("stale-notice")).toBeLessThan(main.indexOf('class="section-body"'));
  expect(main).toContain('<div class="section-body">');
});

test("an up-to-date translation and the English pages have no stale notice", () => {
  expect(site.read("/ar/illegal/")).not.toContain("stale-notice");
  expect(site.read("/ar/")).not.toContain("stale-notice");
  expect(site.read("/en/dual-use/")).not.toContain("stale-notice");
});

test("hreflang still pairs the English and the stale Arabic page", () => {
  expect(site.read("/en/dual-use/")).toContain('hreflang="ar" href="https://pledge.example.org/ar/dual-use/"');
  expect(site.read("/ar/dual-use/")).toContain('hreflang="en" href="https://pledge.example.org/en/dual-use/"');
});
