// What npm start keeps in memory from one rebuild to the next, so an edit costs what it changed:
// the caches' packs read once and written after the rebuild (once the page had time to reload),
// the sections of unchanged files (their text, blocks and HTML worked out once), the pages written.
import { LiveSections } from "../project/readProject.ts";
import { keepPacksInProcess, writePacks } from "../shared/contentCache.ts";
import { SiteParts } from "../site/siteParts.ts";
import { LivePages } from "./pageCache.ts";

/** How long after a rebuild its cache packs are written: after the browser reloaded the page, and mostly between two saves of an editor, not during a rebuild. */
const WRITE_AFTER_MS = 5000;

export interface LiveBuild {
  sections: LiveSections;
  parts: SiteParts;
  pages: LivePages;
  /** A rebuild starts: the packs' write waits for its end. */
  started(): void;
  /** A rebuild ended: its pages are in place, and its packs are written soon. */
  finished(): void;
}

let exitWrites = false;

export function liveBuild(root: string): LiveBuild {
  keepPacksInProcess();
  let timer: NodeJS.Timeout | undefined;
  // A server stopped (Ctrl+C) before the timer still leaves its caches for the next start (once per process: a config reset calls this again).
  if (!exitWrites) process.once("exit", writePacks);
  exitWrites = true;
  const pages = new LivePages();
  return {
    sections: new LiveSections(),
    parts: new SiteParts(root, true),
    pages,
    started: () => clearTimeout(timer),
    finished: () => {
      pages.finished();
      clearTimeout(timer);
      timer = setTimeout(writePacks, WRITE_AFTER_MS);
      timer.unref();
    },
  };
}
