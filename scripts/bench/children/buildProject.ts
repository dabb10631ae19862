// Child process: builds a project's site with the project's own pipeline.
//   node --import tsx buildProject.ts <project root> <output folder> [--site-only]
// --site-only: what npm run build:site does (scripts/build/buildAll.ts: read and check once, the
// publish gate, one HTML pass, staging folder); without it, one HTML pass with the print and
// share card pages, for the benchmarks that render them.
// Loading Eleventy and the project's code is timed too: the bare build pays the same.
import { performance } from "node:perf_hooks";
import { reportFromChild } from "../childProcess.ts";

const [root, output, mode] = process.argv.slice(2);
if (!root || !output) throw new Error("usage: buildProject.ts <project root> <output folder> [--site-only]");
const started = performance.now();
// The Eleventy configuration reads the project from the working directory.
process.chdir(root);
if (mode === "--site-only") {
  const { buildAll } = await import("../../build/buildAll.ts");
  await buildAll(root, output, { siteOnly: true });
} else {
  const { buildSite } = await import("../../build/buildSite.ts");
  await buildSite(root, output);
}
reportFromChild({ ms: performance.now() - started });
