// Child process: npm run build in a project (scripts/build/buildAll.ts), reporting the PDF counts.
//   node --import tsx build.ts <project root>
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { reportFromChild } from "../childProcess.ts";

const [root] = process.argv.slice(2);
if (!root) throw new Error("usage: build.ts <project root>");
const started = performance.now();
process.chdir(root);
const { buildAll } = await import("../../build/buildAll.ts");
const { pdfs } = await buildAll(root, join(root, "_site"));
reportFromChild({ ms: performance.now() - started, documents: pdfs?.results.length ?? 0, rendered: pdfs?.rendered ?? 0, cached: pdfs?.cached ?? 0 });
