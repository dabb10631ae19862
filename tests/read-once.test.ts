// npm run build and npm run build:site read each content and locale file exactly once: the
// project is read once and every part of the build (both HTML passes, the publish gate, the
// status page, the PDFs) works on that one reading. The dev server: tests/hostile-input/dev-server.test.ts.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { copyProject, type ProjectCopy } from "./helpers/project.ts";
import { ROOT } from "./helpers/site.ts";
import { eachRead, projectFiles, readCounts } from "./helpers/readCounts.ts";

let project: ProjectCopy;
beforeAll(() => {
  project = copyProject();
});
afterAll(() => project?.remove());

function readsDuring(args: string[], script = join(ROOT, "scripts/build.ts")): Record<string, number> {
  const countsFile = join(project.root, "read-counts.json");
  rmSync(countsFile, { force: true });
  const result = spawnSync(process.execPath, ["--import", join(ROOT, "tests/helpers/countReads.mjs"), "--import", "tsx", script, ...args], {
    cwd: project.root,
    env: { ...process.env, READ_COUNTS_FILE: countsFile, SITE_DIR: "_site", FORCE_COLOR: "0" },
    encoding: "utf8",
    timeout: 300_000,
  });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  return readCounts(countsFile);
}

test("npm run build:site reads each content and locale file once", () => {
  const counts = readsDuring(["--site-only"]);
  expect(projectFiles(project.root).length).toBeGreaterThan(20);
  expect(counts).toEqual(eachRead(project.root, 1));
});

test("npm run build (HTML twice, PDFs in between) reads each content and locale file once", () => {
  const counts = readsDuring([]);
  expect(counts).toEqual(eachRead(project.root, 1));
}, 600_000);

test("a site build without a project handed over (the dev server, tests) reads each file once per build", () => {
  const counts = readsDuring([join(project.root, "_site.twice")], join(ROOT, "tests/helpers/buildSiteTwice.ts"));
  expect(counts).toEqual(eachRead(project.root, 2));
});
