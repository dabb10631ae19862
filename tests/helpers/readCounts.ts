// What tests/helpers/countReads.mjs counted, and the files the project reader should read.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { treeFingerprint } from "./tree.ts";

/** Every file the project reader reads: content and locale files, campaign.yml. */
export function projectFiles(root: string): string[] {
  const files = ["campaign.yml"];
  for (const folder of ["content", "locales"]) {
    for (const file of treeFingerprint(join(root, folder)).keys()) {
      // content/README.md is for people; content/.versions/ is read only for the check's word diffs.
      if (file !== "README.md" && !file.startsWith(".versions/")) files.push(`${folder}/${file}`);
    }
  }
  return files.toSorted();
}

/** Each project file, read `times` times. */
export function eachRead(root: string, times: number): Record<string, number> {
  return Object.fromEntries(projectFiles(root).map((file) => [file, times]));
}

/**
 * The counts of project files. The English snapshots in content/.versions/ are left out: the
 * check reads one only to compare a stale translation with the English it was made from.
 */
export function readCounts(file: string): Record<string, number> {
  const counts: Record<string, number> = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  return Object.fromEntries(Object.entries(counts).filter(([path]) => !path.startsWith("content/.versions/")));
}
