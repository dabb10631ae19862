// The output folder of npm run build: built in a staging folder beside it (`_site.staging-<pid>`)
// and swapped in only when everything succeeded, so a failed build leaves _site/ as it was.
import { existsSync, readdirSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";

export function stagingFolder(output: string): string {
  return `${output}.staging-${process.pid}`;
}

/** Swaps the staging folder in with two renames; the old output is removed only afterwards. */
export function replaceFolder(from: string, to: string): void {
  const old = `${to}.old-${process.pid}`;
  if (existsSync(to)) renameSync(to, old);
  renameSync(from, to);
  rmSync(old, { recursive: true, force: true });
}

/** Removes staging and old output folders that a killed build left behind (its process is gone). */
export function removeLeftovers(output: string): string[] {
  const parent = dirname(output);
  const pattern = new RegExp(`^${escapeRegExp(basename(output))}\\.(?:staging|old)-(\\d+)$`);
  const removed: string[] = [];
  for (const name of existsSync(parent) ? readdirSync(parent) : []) {
    const pid = Number(pattern.exec(name)?.[1]);
    if (!pid || pid === process.pid || isRunning(pid)) continue;
    rmSync(join(parent, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
