// Worker thread: computes the translation status page (the whole translators' check) on the
// second core while the main thread builds and renders the site. Plain JavaScript, because a
// worker does not inherit the TypeScript loader: it registers tsx itself.
import { parentPort, workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
try {
  const { translationStatusPage } = await import("./statusPage.ts");
  parentPort.postMessage({ page: translationStatusPage(workerData.root) });
} catch (error) {
  parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
