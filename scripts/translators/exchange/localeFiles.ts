// The files an import writes for a locale (content/<code>/*.md, locales/<code>/ui.json) and a hash
// of each: an export records them, so an import can tell whether someone changed them since.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** What import writes (content/<code>/*.md, locales/<code>/ui.json), each with a short sha256 of its bytes: "file hash, file hash". */
export function localeFilesHash(root: string, code: string): string {
  return localeFiles(root, code)
    .map(
      (file) =>
        `${file} ${createHash("sha256")
          .update(readFileSync(join(root, file)))
          .digest("hex")
          .slice(0, 16)}`,
    )
    .join(", ");
}

/** The files whose bytes differ from what a localeFilesHash recorded (changed, added or removed). */
export function changedLocaleFiles(recorded: string, now: string): string[] {
  const parse = (value: string) =>
    new Map(
      value
        .split(/,\s*/)
        .filter(Boolean)
        .map((pair) => pair.trim().split(/\s+/) as [string, string]),
    );
  const before = parse(recorded);
  const after = parse(now);
  return [...new Set([...before.keys(), ...after.keys()])].filter((file) => before.get(file) !== after.get(file)).toSorted();
}

export function localeFiles(root: string, code: string): string[] {
  const dir = join(root, "content", code);
  // Files only: a folder named like a section file is the reader's problem to report, not a file to hash.
  const sections = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isFile() && e.name.endsWith(".md"))
        .map((e) => e.name)
        .toSorted()
        .map((n) => `content/${code}/${n}`)
    : [];
  return [...sections, ...(existsSync(join(root, "locales", code, "ui.json")) ? [`locales/${code}/ui.json`] : [])];
}
