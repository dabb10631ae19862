// npm run build: the HTML site, then the PDFs and share cards, into a staging folder next to _site/.
// _site/ is replaced only when everything succeeded, so a failed build leaves the
// previous output exactly as it was.
//   --site-only   HTML only (npm run build:site)
//   --browser-optional   HTML only when no Chrome/Chromium is installed (hosted builds)
//   --debug       full stack traces
import { rmSync } from "node:fs";
import { resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { refuseFailingTranslations } from "./check/publishGate.ts";
import { findChromium } from "./browser/chromium.ts";
import { isDebug, reportFailure } from "./cli.ts";
import { readBuildInput } from "./eleventy/buildInput.ts";
import { buildPdfs } from "./print/buildPdfs.ts";
import { prepareShareCards } from "./print/shareCards.ts";
import { buildSite } from "./site/buildSite.ts";
import { removeLeftovers, replaceFolder, stagingFolder } from "./site/outputFolder.ts";

const root = process.cwd();
const output = resolve(root, process.env.SITE_DIR ?? "_site");
const staging = stagingFolder(output);
// --browser-optional (hosts whose build machines have no Chromium: Netlify, Cloudflare Pages):
// without a browser, the HTML alone, said once, instead of a failed build.
const siteOnly = process.argv.includes("--site-only") || (process.argv.includes("--browser-optional") && !hasBrowser());

const started = performance.now();
try {
  removeLeftovers(output);
  // Read and check every content and locale file, once: errors name the file and line.
  const input = readBuildInput(root);
  // Then the translators' check: a locale marked complete is published only when it passes.
  refuseFailingTranslations(input.check());
  await buildSite(root, staging, { debug: isDebug(), input });
  if (!siteOnly) {
    // PDFs from the print pages just built; then a second, quick HTML pass, because the home
    // pages list the PDFs with their size and page count, read from the files themselves.
    // The share cards render in the same browser session, and the second pass adds og:image.
    await buildPdfs({
      root,
      siteDir: staging,
      locales: input.site.locales.map((l) => l.code),
      alsoRender: [prepareShareCards({ root, siteDir: staging, site: input.site })],
    });
    await buildSite(root, staging, { debug: isDebug(), input });
  } else {
    console.log(process.argv.includes("--site-only")
      ? "  no share cards (npm run build renders them in Chromium): pages carry no og:image"
      : "  no Chrome or Chromium on this machine: built without PDFs and share cards (pages carry no og:image); set CHROME_PATH to a browser to build them");
  }
  replaceFolder(staging, output);
  console.log(`✓ built ${output} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  rmSync(staging, { recursive: true, force: true });
  reportFailure(error, "The build");
}

function hasBrowser(): boolean {
  try {
    findChromium();
    return true;
  } catch {
    return false;
  }
}
