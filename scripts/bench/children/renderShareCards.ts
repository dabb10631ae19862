// Child process: every share card of a built site, in one browser, with a given cache folder.
//   node --import tsx renderShareCards.ts <project root> <built site> <cache folder>
// An empty cache folder times a cold render (browser start included); a filled one, the cache.
import { performance } from "node:perf_hooks";
import { reportFromChild } from "../childProcess.ts";

const [root, siteDir, cacheDir] = process.argv.slice(2);
if (!root || !siteDir || !cacheDir) throw new Error("usage: renderShareCards.ts <project root> <built site> <cache folder>");
const started = performance.now();
process.chdir(root);
const { buildPdfs, prepareShareCards } = await import("../../render/index.ts");
const cards = prepareShareCards({ root, siteDir, cacheDir, log: () => {} });
await buildPdfs({ root, siteDir, cacheDir: false, filter: () => false, log: () => {}, alsoRender: [cards] });
reportFromChild({
  ms: performance.now() - started,
  cards: cards.results.length,
  rendered: cards.results.filter((r) => !r.cached).length,
  maxBytes: Math.max(...cards.results.map((r) => r.bytes)),
});
