// content/.versions/<section>/<version>.md: the English section file as it was at each version
// a translation follows. `npm run locale:mark` writes them; the check reads them for word diffs.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** Where the English text of a section version is kept, relative to the project root. */
export function snapshotFile(id: string, version: string): string {
  return `content/.versions/${id}/${version}.md`;
}

/** Stores the English file's exact text under its version, once. Returns the path, relative to root. */
export function writeSnapshot(root: string, id: string, version: string, englishFileText: string): string {
  const file = snapshotFile(id, version);
  const path = join(root, file);
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, englishFileText);
  }
  return file;
}
