// The PDF cache changes nothing: after an English edit and after an Arabic edit, the PDFs a build
// takes from its cache (or renders again where their print page changed) have the same text on
// every page and the same MediaBox, TrimBox and BleedBox as PDFs rendered from the same print
// pages under PLEDGE_NO_CACHE=1, which neither reads nor writes .cache/pdf/. One document per
// locale keeps it short: the English A5 leaflet (and its two-up file, imposed from it) and the
// Arabic press leaflet (bleed and crop marks).
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { buildPdfs, type PdfBuild, type PdfJob } from "../scripts/render/index.ts";
import { copyProject, type ProjectCopy } from "./helpers/project.ts";
import { buildRealSite, type BuiltSite } from "./helpers/site.ts";
import { pdfPageBoxes, pdfText } from "./pdfTools.ts";

const DOCUMENTS = ["en/leaflet.pdf", "ar/leaflet-press.pdf"];
const only = (job: PdfJob) => DOCUMENTS.includes(job.label);

let copy: ProjectCopy;
let cacheDir: string;
const sites: BuiltSite[] = [];
beforeAll(() => {
  copy = copyProject();
  cacheDir = mkdtempSync(join(tmpdir(), "pledge-pdf-cache-"));
});
afterAll(() => {
  for (const site of sites) site.remove();
  copy?.remove();
  if (cacheDir) rmSync(cacheDir, { recursive: true, force: true });
});

/** What a reader and a print shop get from a PDF: its text page by page and every page's boxes. */
function printed(file: string): { text: string[]; boxes: ReturnType<typeof pdfPageBoxes> } {
  return { text: pdfText(file).split("\f"), boxes: pdfPageBoxes(file) };
}

const files = (build: PdfBuild) => [...build.results.map((r) => r.job.target), ...build.twoUps.map((t) => t.target)];

/** The print pages of the copy as it is now, into a new folder. */
async function printPages(): Promise<BuiltSite> {
  const site = await buildRealSite(copy.root);
  sites.push(site);
  return site;
}

/** The documents built with the cache (`cold`: what each is without it, by file) read as they are printed: the same text and boxes. */
async function expectWarmEqualsCold(site: BuiltSite, cold: ReadonlyMap<string, ReturnType<typeof printed>>, what: string): Promise<PdfBuild> {
  const warm = await buildPdfs({ root: copy.root, siteDir: site.dir, cacheDir, filter: only, log: () => {} });
  expect(files(warm), what).toEqual([...cold.keys()]);
  for (const file of files(warm)) expect(printed(file), `${what}: ${relative(site.dir, file)}`).toEqual(cold.get(file));
  return warm;
}

/** The documents rendered from the site's print pages under PLEDGE_NO_CACHE=1, read as they are printed. */
async function coldBuild(site: BuiltSite): Promise<Map<string, ReturnType<typeof printed>>> {
  expect(process.env.PLEDGE_NO_CACHE, "vitest.config.ts runs the tests with PLEDGE_NO_CACHE=1").toBe("1");
  const cold = await buildPdfs({ root: copy.root, siteDir: site.dir, filter: only, log: () => {} });
  // Neither read (a second cold build renders everything again) nor written.
  expect(cold.cached, "a build under PLEDGE_NO_CACHE=1 renders everything").toBe(0);
  expect(existsSync(join(copy.root, ".cache", "pdf")), "a build under PLEDGE_NO_CACHE=1 stores nothing in .cache/pdf/").toBe(false);
  return new Map(files(cold).map((file) => [file, printed(file)]));
}

const cachedLabels = (build: PdfBuild) => build.results.filter((r) => r.cached).map((r) => r.job.label);

function edit(path: string, change: (text: string) => string): void {
  const before = readFileSync(join(copy.root, path), "utf8");
  const after = change(before);
  expect(after, `${path} was edited`).not.toBe(before);
  copy.write(path, after);
}

test("after an English edit and after an Arabic edit, the PDFs from the cache read as the PDFs rendered without it", async () => {
  // The cache filled from nothing: every document rendered, which is what a build without it does.
  let site = await printPages();
  const first = await buildPdfs({ root: copy.root, siteDir: site.dir, cacheDir, filter: only, log: () => {} });
  expect(first.cached).toBe(0);
  const firstCold = new Map(files(first).map((file) => [file, printed(file)]));
  expect(cachedLabels(await expectWarmEqualsCold(site, firstCold, "nothing changed")).toSorted()).toEqual(DOCUMENTS.toSorted());

  // A sentence printed in the leaflet (demands is printed whole), in the English and then in the Arabic.
  edit("content/en/demands.md", (text) => text.replace("As a part of this pledge,", "As a part of this pledge (edited),"));
  site = await printPages();
  const english = await expectWarmEqualsCold(site, await coldBuild(site), "after an English edit");
  expect(cachedLabels(english), "after an English edit").not.toContain("en/leaflet.pdf");
  expect(printed(join(site.dir, "en", "leaflet.pdf")).text.join(" ")).toContain("(edited)");

  edit("content/ar/demands.md", (text) => text.replace("في إطار هذا التعهّد،", "في إطار هذا التعهّد (معدّل)،"));
  site = await printPages();
  const arabic = await expectWarmEqualsCold(site, await coldBuild(site), "after an Arabic edit");
  // The English leaflet does not print the Arabic: it comes from the cache, the Arabic one is rendered again.
  expect(cachedLabels(arabic), "after an Arabic edit").toEqual(["en/leaflet.pdf"]);
}, 300_000);
