// npm run build and npm run build:site read each content and locale file exactly once: the
// project is read once and every part of the build (both HTML passes, the publish gate, the
// status page, the PDFs) works on that one reading.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { copyProject, type ProjectCopy } from "./helpers/project.ts";
import { ROOT } from "./helpers/site.ts";
import { treeFingerprint } from "./helpers/tree.ts";

let project: ProjectCopy;
beforeAll(() => {
  project = copyProject();
});
afterAll(() => project?.remove());

/** Every file the project reader reads: content and locale files, campaign.yml. */
function projectFiles(): string[] {
  const files = ["campaign.yml"];
  for (const folder of ["content", "locales"]) {
    for (const file of treeFingerprint(join(project.root, folder)).keys()) {
      // content/README.md is for people; content/.versions/ is read only for the check's word diffs.
      if (file !== "README.md" && !file.startsWith(".versions/")) files.push(`${folder}/${file}`);
    }
  }
  return files.sort();
}

function readsDuring(args: string[], script = join(ROOT, "scripts/build.ts")): Record<string, number> {
  const countsFile = join(project.root, "read-counts.json");
  const result = spawnSync(process.execPath, ["--import", join(ROOT, "tests/helpers/countReads.mjs"), "--import", "tsx", script, ...args], {
    cwd: project.root,
    env: { ...process.env, READ_COUNTS_FILE: countsFile, SITE_DIR: "_site", FORCE_COLOR: "0" },
    encoding: "utf8",
    timeout: 300_000,
  });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  return JSON.parse(readFileSync(countsFile, "utf8"));
}

test("npm run build:site reads each content and locale file once", () => {
  const counts = readsDuring(["--site-only"]);
  expect(projectFiles().length).toBeGreaterThan(20);
  expect(counts).toEqual(Object.fromEntries(projectFiles().map((file) => [file, 1])));
});

test("npm run build (HTML twice, PDFs in between) reads each content and locale file once", () => {
  const counts = readsDuring([]);
  expect(counts).toEqual(Object.fromEntries(projectFiles().map((file) => [file, 1])));
}, 600_000);

test("a site build without a project handed over (the dev server, tests) reads each file once per build", () => {
  const counts = readsDuring([join(project.root, "_site.twice")], join(ROOT, "tests/helpers/buildSiteTwice.ts"));
  expect(counts).toEqual(Object.fromEntries(projectFiles().map((file) => [file, 2])));
});
