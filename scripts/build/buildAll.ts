// What npm run build does, as a function (the bench times it in a fresh process): read and
// check everything once, the publish gate, the HTML, the PDFs and share cards, and the second
// HTML pass, into a staging folder next to the output that replaces it only when everything
// succeeded (scripts/build/outputFolder.ts).
import { rmSync } from "node:fs";
import { refuseFailingTranslations } from "../check/publishGate.ts";
import { readBuildViews, type BuildViews } from "./eleventy/buildViews.ts";
import type { PdfBuild } from "../render/index.ts";
import { removeChromiumPages } from "../print/shareCardPages.ts";
import { buildSite } from "./buildSite.ts";
import { removeLeftovers, replaceFolder, stagingFolder } from "./outputFolder.ts";

export interface BuildAllOptions {
  /** HTML only (npm run build:site). */
  siteOnly?: boolean;
  debug?: boolean;
}

/** The PDF build's counts; undefined for an HTML-only build. */
export async function buildAll(root: string, output: string, { siteOnly = false, debug = false }: BuildAllOptions = {}): Promise<{ pdfs: PdfBuild | undefined }> {
  removeLeftovers(output);
  const staging = stagingFolder(output);
  try {
    // Read and check every content and locale file, once: errors name the file and line.
    const input = readBuildViews(root);
    // Then the translators' check: a locale marked complete is published only when it passes.
    refuseFailingTranslations(input.check());
    let pdfs: PdfBuild | undefined;
    if (siteOnly) await buildSite(root, staging, { debug, input, chromiumPages: false });
    else pdfs = await buildSiteWithPdfs(root, staging, input, debug);
    replaceFolder(staging, output);
    return { pdfs };
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

/**
 * The HTML with its printed documents and share cards, into `siteDir` (npm run build's staging
 * folder, or npm run pdf's existing _site/): an HTML pass with the print and card pages, the PDFs
 * and cards rendered from them in one browser session, those pages removed (Chromium alone read
 * them; published, they would ask for print fonts the site does not have), then a second, quick HTML pass, because the home pages list the PDFs with their
 * size and page count, read from the files themselves, and every page announces its card.
 */
export async function buildSiteWithPdfs(root: string, siteDir: string, input: BuildViews, debug = false): Promise<PdfBuild> {
  await buildSite(root, siteDir, { debug, input, chromiumPages: true });
  // Loaded here: an HTML-only build never loads the browser and PDF libraries.
  const { buildContentKeys, buildPdfs, prepareShareCards } = await import("../render/index.ts");
  // One set of cache keys for the PDFs and the cards: the renderer, the browser and each font hashed once.
  const contentKeys = buildContentKeys(root);
  const pdfs = await buildPdfs({
    root,
    siteDir,
    locales: input.site.locales.map((l) => l.code),
    documents: input.site.documents,
    alsoRender: [prepareShareCards({ root, siteDir, cards: input.cards(), contentKeys })],
    contentKeys,
  });
  removeChromiumPages(
    input.site.locales.map((l) => l.code),
    siteDir,
  );
  await buildSite(root, siteDir, { debug, input, chromiumPages: false });
  return pdfs;
}
