// What npm start keeps in memory from one rebuild to the next, so an edit costs what it changed:
// the caches' packs read once and written after the rebuild (once the page had time to reload),
// the sections of unchanged files (their text, blocks and HTML worked out once), the pages written.
import { existsSync, mkdirSync, readdirSync, watch, writeFileSync, type FSWatcher } from "node:fs";
import { dirname, join, relative } from "node:path";
import { LiveSections } from "../project/readProject.ts";
import { META_FILE } from "../project/localeMeta.ts";
import { STRINGS_FILE } from "../project/uiStrings.ts";
import { keepPacksInProcess, writePacks } from "../shared/contentCache.ts";
import { SiteParts } from "../site/siteParts.ts";
import { MarkupReport } from "./markupReport.ts";
import { LivePages } from "./pageCache.ts";

/** How long after a rebuild its cache packs are written: after the browser reloaded the page, and mostly between two saves of an editor, not during a rebuild. */
const WRITE_AFTER_MS = 5000;

/**
 * Written when a file the project reader reads is removed: Eleventy 3.1's watcher only logs a
 * removal, so nothing would be built until the next edit. Eleventy watches this file (config.ts).
 */
export const REMOVAL_SIGNAL = ".cache/live/file-removed";

/** Where npm start writes its pages: its own folder, never _site/, which npm run build publishes (config.ts). */
export const DEV_SITE = ".cache/live/site";

export interface LiveBuild {
  sections: LiveSections;
  parts: SiteParts;
  pages: LivePages;
  /** The broken ::: markup of the sections each rebuild's edits touched, to print. */
  markup: MarkupReport;
  /** A rebuild starts: the packs' write waits for its end. */
  started(): void;
  /** A rebuild ended: its pages are in place, and its packs are written soon. */
  finished(): void;
}

let exitWrites = false;

export function liveBuild(root: string): LiveBuild {
  keepPacksInProcess();
  let timer: NodeJS.Timeout | undefined;
  // A server stopped before the timer still leaves its caches for the next start (once per process:
  // a config reset calls this again): Ctrl+C ends it through Eleventy's exit; a terminal closed or a
  // process manager's stop (SIGHUP, SIGTERM) would end it at once, so the packs are written first
  // and the signal raised again, to end the process as it would have.
  if (!exitWrites) {
    process.once("exit", writePacks);
    for (const stop of ["SIGTERM", "SIGHUP"] as const) {
      process.once(stop, () => {
        writePacks();
        process.kill(process.pid, stop);
      });
    }
  }
  exitWrites = true;
  const pages = new LivePages();
  // Made before Eleventy starts watching: its watcher sees changes to a file, not one made in a folder that was missing.
  if (!existsSync(join(root, REMOVAL_SIGNAL))) signal(root, "");
  removals.follow(root);
  return {
    sections: new LiveSections(),
    parts: new SiteParts(root, true),
    pages,
    markup: new MarkupReport(),
    started: () => {
      // What the reader is about to read is what a removal is looked for in.
      removals.follow(root);
      clearTimeout(timer);
    },
    finished: () => {
      removals.follow(root);
      pages.finished();
      clearTimeout(timer);
      timer = setTimeout(writePacks, WRITE_AFTER_MS);
      timer.unref();
    },
  };
}

/**
 * Removals of what the project reader reads: campaign.yml, content/ and locales/ and each folder in
 * them (a locale's), each followed by its own watcher (Node 20's recursive watching on Linux
 * watches every file); folders made since are followed from the start or end of the next rebuild.
 * A removal is of a name the folder had when last listed (as a rebuild starts and ends): a save
 * through a temporary file (sed -i, an editor's safe write: a new file beside it, renamed over
 * it) also makes a name vanish, the temporary one, which no build has read, and is built once, as
 * the edit it is, not a second time as a removal.
 */
class Removals {
  private readonly watchers = new Map<string, FSWatcher>();
  /** Each followed folder's names the reader reads, as last listed. */
  private readonly names = new Map<string, Set<string>>();

  follow(root: string): void {
    const folders = new Map<string, (name: string) => boolean>([[root, (name) => ROOT_INPUTS.has(name)]]);
    for (const top of ["content", "locales"]) {
      const dir = join(root, top);
      if (!existsSync(dir)) continue;
      folders.set(dir, readerSees);
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory() && readerSees(entry.name)) folders.set(join(dir, entry.name), top === "content" ? readerSees : (name) => LOCALE_FILES.has(name));
      }
    }
    for (const [dir, watcher] of this.watchers) {
      if (folders.has(dir)) continue;
      watcher.close();
      this.watchers.delete(dir);
      this.names.delete(dir);
    }
    for (const [dir, reads] of folders) {
      try {
        this.names.set(dir, new Set(readdirSync(dir).filter(reads)));
        if (this.watchers.has(dir)) continue;
        const watcher = watch(dir, { persistent: false }, (event, name) => {
          const names = this.names.get(dir);
          if (event !== "rename" || !name || !names?.has(name) || existsSync(join(dir, name))) return;
          names.delete(name);
          signal(root, relative(root, join(dir, name)));
        });
        // A folder removed under its watcher: followed no more from the next rebuild.
        watcher.on("error", () => undefined);
        this.watchers.set(dir, watcher);
      } catch {
        // Removed between listing and watching: nothing in it to follow.
      }
    }
  }
}

const removals = new Removals();
const ROOT_INPUTS = new Set(["campaign.yml", "content", "locales"]);
/** What the reader reads in a locale's folder under locales/. */
const LOCALE_FILES = new Set([META_FILE, STRINGS_FILE]);

/** Whether the reader looks at a name in content/, locales/ or a locale's content folder: every one but hidden files (editors' swap files among them). */
function readerSees(name: string): boolean {
  return !name.startsWith(".");
}

/** Writes the signal, naming the file removed (relative to the project). */
function signal(root: string, removed: string): void {
  const file = join(root, REMOVAL_SIGNAL);
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, removed && `${removed}\n`);
  } catch {
    // A folder that cannot be written: the next edit builds the removal, as before.
  }
}
