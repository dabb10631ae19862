// npm run pdf: the PDFs (and share cards) alone, rendered from the print pages of the existing _site/ into it
// (each PDF written under a temporary name and renamed when complete), then a quick HTML
// pass so the home pages list them with their size and page count.
//   --debug   full stack traces
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { isDebug, reportFailure } from "./cli.ts";
import { buildPdfs } from "./print/buildPdfs.ts";
import { prepareShareCards } from "./print/shareCards.ts";
import { buildSite } from "./site/buildSite.ts";

const root = process.cwd();
const siteDir = resolve(root, process.env.SITE_DIR ?? "_site");
const started = performance.now();
try {
  if (!existsSync(siteDir)) {
    throw new Error(`there is no built site at ${siteDir}\n  → run npm run build (HTML and PDFs), or npm run build:site first`);
  }
  await buildPdfs({ root, siteDir, alsoRender: [prepareShareCards({ root, siteDir })] });
  await buildSite(root, siteDir, { debug: isDebug() });
  console.log(`✓ PDFs in ${siteDir} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  reportFailure(error, "The PDF build");
}
