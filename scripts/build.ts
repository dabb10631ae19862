// npm run build: the HTML site, then the PDFs and share cards, into a staging folder next to _site/.
// _site/ is replaced only when everything succeeded, so a failed build leaves the
// previous output exactly as it was (scripts/build/buildAll.ts).
//   --site-only   HTML only (npm run build:site)
//   --browser-optional   HTML only when no Chrome/Chromium is installed (hosted builds)
//   --debug       full stack traces
import { resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { findChromium } from "./shared/chromium.ts";
import { isDebug, reportFailure } from "./cli.ts";

const root = process.cwd();
const output = resolve(root, process.env.SITE_DIR ?? "_site");
const explicitSiteOnly = process.argv.includes("--site-only");
// --browser-optional (hosts whose build machines have no Chromium: Netlify, Cloudflare Pages):
// without a browser, the HTML alone, said once, instead of a failed build.
const siteOnly = explicitSiteOnly || (process.argv.includes("--browser-optional") && !hasBrowser());

const started = performance.now();
// A build never watches files, so Eleventy's import cache buster for its watch mode is left off:
// on Node 20 it starts a module loader thread that every later import waits on (set before
// Eleventy loads, with the build's code, below).
process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= "1";
try {
  const { buildAll } = await import("./build/buildAll.ts");
  await buildAll(root, output, { siteOnly, debug: isDebug() });
  if (siteOnly) {
    console.log(
      explicitSiteOnly
        ? "  no share cards (npm run build renders them in Chromium): pages carry no og:image"
        : "  no Chrome or Chromium on this machine: built without PDFs and share cards (pages carry no og:image); set CHROME_PATH to a browser to build them",
    );
  }
  console.log(`✓ built ${output} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
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
