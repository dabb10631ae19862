// npm run build builds beside _site/ and swaps it in; folders a killed build left behind are
// removed by the next build, and never those of a build still running.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, test } from "vitest";
import { removeLeftovers, replaceFolder } from "../scripts/build/outputFolder.ts";

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The id of a process that has ended. */
function endedPid(): number {
  return spawnSync(process.execPath, ["-e", ""]).pid!;
}

test("removes staging and old folders of builds that are gone, and nothing else", () => {
  dir = mkdtempSync(join(tmpdir(), "pledge-output-"));
  const gone = endedPid();
  const running = process.ppid;
  for (const name of [`_site.staging-${gone}`, `_site.old-${gone}`, `_site.staging-${running}`, "_site", "_site.staging-notes", `other.staging-${gone}`]) {
    mkdirSync(join(dir, name));
  }
  expect(removeLeftovers(join(dir, "_site")).toSorted()).toEqual([`_site.old-${gone}`, `_site.staging-${gone}`]);
  expect(readdirSync(dir).toSorted()).toEqual(["_site", `_site.staging-${running}`, "_site.staging-notes", `other.staging-${gone}`].toSorted());
});

test("replaces the output folder with the staging folder", () => {
  dir = mkdtempSync(join(tmpdir(), "pledge-output-"));
  mkdirSync(join(dir, "_site"));
  writeFileSync(join(dir, "_site", "old.html"), "old");
  mkdirSync(join(dir, "staging"));
  writeFileSync(join(dir, "staging", "new.html"), "new");
  replaceFolder(join(dir, "staging"), join(dir, "_site"));
  expect(readdirSync(dir)).toEqual(["_site"]);
  // The old build's files are gone, not merged with the new ones.
  expect(readdirSync(join(dir, "_site"))).toEqual(["new.html"]);
  expect(existsSync(join(dir, "_site", "old.html"))).toBe(false);
  expect(readFileSync(join(dir, "_site", "new.html"), "utf8")).toBe("new");
});
