// Child process: builds a project's site with the project's own pipeline, with the print and share
// card pages, for the benchmarks that render them (npm run build:site itself is benchmarked as its
// command runs: scripts/bench/buildAtScale.ts).
//   node --import tsx buildProject.ts <project root> <output folder>
// Loading Eleventy and the project's code is timed too.
import { performance } from "node:perf_hooks";
import { reportFromChild } from "../childProcess.ts";

const [root, output] = process.argv.slice(2);
if (!root || !output) throw new Error("usage: buildProject.ts <project root> <output folder>");
const started = performance.now();
// The Eleventy configuration reads the project from the working directory.
process.chdir(root);
const { buildSite } = await import("../../build/buildSite.ts");
await buildSite(root, output);
reportFromChild({ ms: performance.now() - started });
