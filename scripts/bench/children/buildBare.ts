// Child process: builds a folder of markdown files with a bare Eleventy (no i18n, a trivial
// Nunjucks layout): the yardstick for the project's pipeline.
//   node --import tsx buildBare.ts <input folder> <output folder>
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { reportFromChild } from "../childProcess.ts";

const [input, output] = process.argv.slice(2);
if (!input || !output) throw new Error("usage: buildBare.ts <input folder> <output folder>");
const started = performance.now();
process.chdir(input);
const { Eleventy } = await import("@11ty/eleventy");
const eleventy = new Eleventy(input, output, { quietMode: true, configPath: join(input, "eleventy.config.mjs") });
eleventy.disableLogger();
await eleventy.write();
reportFromChild({ ms: performance.now() - started });
