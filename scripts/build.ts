// npm run build: the HTML site, then the PDFs, into a staging folder next to _site/.
// _site/ is replaced only when everything succeeded, so a failed build leaves the
// previous output exactly as it was (scripts/site/buildAll.ts).
//   --site-only   HTML only (npm run build:site)
//   --debug       full stack traces
import { resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { isDebug, reportFailure } from "./cli.ts";
import { buildAll } from "./site/buildAll.ts";

const root = process.cwd();
const output = resolve(root, process.env.SITE_DIR ?? "_site");

const started = performance.now();
try {
  await buildAll(root, output, { siteOnly: process.argv.includes("--site-only"), debug: isDebug() });
  console.log(`✓ built ${output} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  reportFailure(error, "The build");
}
