// npm run pdf: the PDFs (and share cards) alone, into the existing _site/: an HTML pass that
// writes the print and card pages, the PDFs rendered from them (each written under a temporary
// name and renamed when complete), then a second pass so the home pages list them with their
// size and page count and announce the cards. The project is read once for all three.
//   --debug   full stack traces
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { isDebug, reportFailure } from "./cli.ts";
import { buildPdfs } from "./print/buildPdfs.ts";
import { removeShareCardPages } from "./print/shareCardPages.ts";
import { prepareShareCards } from "./print/shareCards.ts";
import { readBuildInput } from "./eleventy/buildInput.ts";
import { buildSite } from "./site/buildSite.ts";

const root = process.cwd();
const siteDir = resolve(root, process.env.SITE_DIR ?? "_site");
const started = performance.now();
try {
  if (!existsSync(siteDir)) {
    throw new Error(`there is no built site at ${siteDir}\n  → run npm run build (HTML and PDFs), or npm run build:site first`);
  }
  const input = readBuildInput(root);
  await buildSite(root, siteDir, { debug: isDebug(), input, shareCardPages: true });
  await buildPdfs({ root, siteDir, locales: input.site.locales.map((l) => l.code), alsoRender: [prepareShareCards({ root, siteDir, site: input.site })] });
  removeShareCardPages(input.cards(), siteDir);
  await buildSite(root, siteDir, { debug: isDebug(), input, shareCardPages: false });
  console.log(`✓ PDFs in ${siteDir} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  reportFailure(error, "The PDF build");
}
