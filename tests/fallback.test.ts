// A locale in progress: missing sections fall back to English with a notice in the reader's language.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { listDownloads } from "../scripts/site/downloads.ts";
import { mainOf } from "./helpers/html.ts";
import { copyProject, type ProjectCopy } from "./helpers/project.ts";
import { buildRealSite, type BuiltSite } from "./helpers/site.ts";

let project: ProjectCopy;
let site: BuiltSite;

beforeAll(async () => {
  project = copyProject();
  // A new locale with its metadata, one UI string and one translated section.
  project.write("locales/fr/locale.json", JSON.stringify({ name: "Français", dir: "ltr", numberingSystem: "latn", complete: false }));
  project.write("locales/fr/ui.json", JSON.stringify({ translation: { fallbackNotice: "Cette section n’est pas encore traduite en {{language}}." } }));
  project.write("content/fr/pledge.md", "---\ntitle: L’engagement\nstatus: draft\n---\n\nTexte de test.\n");
  // A section not translated yet, as npm run locale:new leaves it: the English text, marked draft.
  project.write("content/fr/illegal.md", readFileSync(join(project.root, "content/en/illegal.md"), "utf8").replace(/^status: .*\n/m, "").replace("---\n", "---\nstatus: draft\n"));
  site = await buildRealSite(project.root);
});
afterAll(() => {
  site?.remove();
  project?.remove();
});

test("adding a locale folder adds the locale: no code change", () => {
  expect(site.model.locales.map((l) => l.code)).toContain("fr");
  for (const id of site.model.sectionIds) expect(existsSync(join(site.dir, "fr", id, "index.html")), id).toBe(true);
});

test("a missing section shows the English text, marked lang=en dir=ltr, under a notice in the reader's language", () => {
  const main = mainOf(site.read("/fr/dual-use/"));
  expect(main).toContain("Cette section n’est pas encore traduite en Français.");
  expect(main).toContain('<div class="section-body" lang="en" dir="ltr">');
  expect(main).toContain("Microsoft Dual-Use Technology Powers Digital Arms");
});

test("a section file that is still the English text (as locale:new writes it) is shown as the English it is: lang=en, under the notice, and no hreflang claims it", () => {
  const main = mainOf(site.read("/fr/illegal/"));
  expect(main).toContain("Cette section n’est pas encore traduite en Français.");
  expect(main).toContain('<div class="section-body" lang="en" dir="ltr">');
  expect(site.read("/en/illegal/")).not.toContain('hreflang="fr"');
  expect(mainOf(site.read("/fr/"))).toContain('<a href="/fr/illegal/" lang="en" dir="ltr">');
});

test("a translated section has no notice, and untranslated strings fall back to English", () => {
  const html = site.read("/fr/pledge/");
  expect(html).not.toContain("fallback-notice");
  expect(html).toContain("Texte de test.");
  expect(html).toContain("Skip to content");
});

test("UI strings not yet translated are marked as English where they show as text, as a fallback section is", () => {
  const html = site.read("/fr/pledge/");
  expect(html).toContain('<a class="skip-link" href="#main"><span lang="en" dir="ltr">Skip to content</span></a>');
  expect(html).toMatch(/<span class="label"><span lang="en" dir="ltr">Next<\/span><\/span>/);
  expect(html).toMatch(/<footer class="site-footer">\s*<div class="bar">\s*<p><span lang="en" dir="ltr">[^<]+<\/span><\/p>/);
  // In an attribute the text stays plain.
  expect(html).toContain(`aria-label="${site.model.t("en", "site.language")}"`);
  // The one string fr translates is its own: no mark.
  expect(mainOf(site.read("/fr/dual-use/"))).toContain("<p>Cette section n’est pas encore traduite en Français.");
  // The English pages and every translated string stay as they were.
  expect(site.read("/en/pledge/")).not.toContain('<span lang="en"');
});

test("a printed document's name and a download's label and page count not yet translated are marked as English too", async () => {
  const print = site.read("/fr/print/leaflet/");
  expect(print).toContain(`<span class="document-name" lang="en" dir="ltr">${site.model.t("en", "print.leaflet")}</span>`);
  expect(site.read("/en/print/leaflet/")).toContain(`<span class="document-name">${site.model.t("en", "print.leaflet")}</span>`);
  // The home pages' download list, from a PDF in the output folder (npm run build renders them).
  const { PDFDocument } = await import("pdf-lib");
  const pdf = await PDFDocument.create();
  pdf.addPage();
  pdf.addPage();
  const output = join(site.dir, "downloads-test");
  for (const code of ["en", "fr"]) {
    mkdirSync(join(output, code), { recursive: true });
    writeFileSync(join(output, code, "leaflet.pdf"), await pdf.save());
  }
  const downloads = await listDownloads(site.model, output);
  const first = (code: string) => downloads[code]![0]!.lists[0]!.items[0];
  expect(first("fr")).toMatchObject({ label: site.model.t("en", "downloads.leaflet"), labelLang: { lang: "en", dir: "ltr" }, metaLang: { lang: "en", dir: "ltr" } });
  expect(first("en")).toMatchObject({ labelLang: undefined, metaLang: undefined });
});

test("hreflang claims only translated pages", () => {
  expect(site.read("/en/pledge/")).toContain('hreflang="fr" href="https://pledge.example.org/fr/pledge/"');
  expect(site.read("/en/dual-use/")).not.toContain('hreflang="fr"');
  expect(site.read("/fr/dual-use/")).not.toContain('hreflang="fr"');
  expect(site.read("/fr/pledge/")).toContain('<link rel="alternate" hreflang="fr"');
});

test("the contents list marks English fallback titles with their language", () => {
  expect(mainOf(site.read("/fr/"))).toContain('<a href="/fr/dual-use/" lang="en" dir="ltr">');
});
