// Starts the translation status page's check in a worker thread and returns its result later:
// on 2 cores it overlaps with the site build instead of adding to it.
import { Worker } from "node:worker_threads";
import type { TranslationStatusPage } from "./statusPage.ts";

export function translationStatusPageInBackground(root: string): Promise<TranslationStatusPage> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./statusPageWorker.mjs", import.meta.url), { workerData: { root } });
    worker.once("message", (message: { page?: TranslationStatusPage; error?: string }) => {
      if (message.page) resolve(message.page);
      else reject(new Error(`the translation status page could not be built: ${message.error}`));
      void worker.terminate();
    });
    worker.once("error", reject);
  });
}
