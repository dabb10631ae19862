// npm run pdf: the PDFs (and share cards) alone, into the existing _site/ (each written under a
// temporary name and renamed when complete), with the HTML passes around them
// (buildSiteWithPdfs in scripts/build/buildAll.ts); the project is read once for all of it.
//   --debug   full stack traces
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { isDebug, reportFailure } from "./cli.ts";
import { readBuildViews } from "./build/eleventy/buildViews.ts";
import { buildSiteWithPdfs } from "./build/buildAll.ts";

const root = process.cwd();
const siteDir = resolve(root, process.env.SITE_DIR ?? "_site");
const started = performance.now();
try {
  if (!existsSync(siteDir)) {
    throw new Error(`there is no built site at ${siteDir}\n  → run npm run build (HTML and PDFs), or npm run build:site first`);
  }
  await buildSiteWithPdfs(root, siteDir, readBuildViews(root), isDebug());
  console.log(`✓ PDFs in ${siteDir} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  reportFailure(error, "The PDF build");
}
