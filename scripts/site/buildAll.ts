// What npm run build does, as a function (the bench times it in a fresh process): read and
// check everything, the publish gate, the HTML, the PDFs and share cards and the second HTML pass, into a
// staging folder next to the output that replaces it only when everything succeeded.
import { existsSync, renameSync, rmSync } from "node:fs";
import { refuseFailingTranslations } from "../check/publishGate.ts";
import { buildPdfs, type PdfBuild } from "../print/buildPdfs.ts";
import { prepareShareCards } from "../print/shareCards.ts";
import { buildSite } from "./buildSite.ts";
import { buildSiteModel } from "./model.ts";

export interface BuildAllOptions {
  /** HTML only (npm run build:site). */
  siteOnly?: boolean;
  debug?: boolean;
}

/** The PDF build's counts; undefined for an HTML-only build. */
export async function buildAll(root: string, output: string, { siteOnly = false, debug = false }: BuildAllOptions = {}): Promise<{ pdfs: PdfBuild | undefined }> {
  const staging = `${output}.staging-${process.pid}`;
  try {
    // Read and check every content and locale file first: errors name the file and line.
    buildSiteModel(root);
    // Then the translators' check: a locale marked complete is published only when it passes.
    refuseFailingTranslations(root);
    await buildSite(root, staging, { debug });
    let pdfs: PdfBuild | undefined;
    if (!siteOnly) {
      // PDFs from the print pages just built; then a second, quick HTML pass, because the home
      // pages list the PDFs with their size and page count, read from the files themselves.
      // The share cards render in the same browser session, and the second pass adds og:image.
      pdfs = await buildPdfs({ root, siteDir: staging, alsoRender: [prepareShareCards({ root, siteDir: staging })] });
      await buildSite(root, staging, { debug });
    }
    replaceFolder(staging, output);
    return { pdfs };
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

/** Swaps the staging folder in with two renames; the old output is removed only afterwards. */
function replaceFolder(from: string, to: string) {
  const old = `${to}.old-${process.pid}`;
  if (existsSync(to)) renameSync(to, old);
  renameSync(from, to);
  rmSync(old, { recursive: true, force: true });
}
