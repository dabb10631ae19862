// Child process: builds a folder of markdown files with Eleventy and the folder's own config
// (scripts/bench/bareEleventy.ts): bare, or with I18nPlugin; the yardsticks for the project's pipeline.
//   node --import tsx buildBare.ts <input folder> <output folder>
import { performance } from "node:perf_hooks";
import { reportFromChild } from "../childProcess.ts";

const [input, output] = process.argv.slice(2);
if (!input || !output) throw new Error("usage: buildBare.ts <input folder> <output folder>");
const started = performance.now();
// Paths relative to the input folder: given as an absolute path, Eleventy 3 finds no directory data file (so no layout).
process.chdir(input);
const { Eleventy } = await import("@11ty/eleventy");
const eleventy = new Eleventy(".", output, { quietMode: true, configPath: "eleventy.config.mjs" });
eleventy.disableLogger();
await eleventy.write();
reportFromChild({ ms: performance.now() - started });
