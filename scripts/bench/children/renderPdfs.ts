// Child process: every PDF of a built site through the project's pipeline (one browser),
// rendered afresh (no cache), written into the site folder.
//   node --import tsx renderPdfs.ts <project root> <built site> <timeout ms> [documents: en/leaflet.pdf,ar/…]
import { performance } from "node:perf_hooks";
import { reportFromChild } from "../childProcess.ts";

const [root, siteDir, timeout, labels] = process.argv.slice(2);
if (!root || !siteDir || !timeout) throw new Error("usage: renderPdfs.ts <project root> <built site> <timeout ms> [documents]");
const only = labels ? new Set(labels.split(",")) : undefined;
const started = performance.now();
process.chdir(root);
const { buildPdfs } = await import("../../render/index.ts");
const build = await buildPdfs({ root, siteDir, cacheDir: false, timeoutMs: Number(timeout), log: () => {}, ...(only ? { filter: (job) => only.has(job.label) } : {}) });
reportFromChild({ ms: performance.now() - started, documents: build.results.length, pages: build.results.reduce((n, r) => n + r.pages, 0), slots: build.slots });
