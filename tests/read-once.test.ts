// npm run build and npm run build:site read each content and locale file exactly once: the
// project is read once and every part of the build (both HTML passes, the publish gate, the
// status page, the PDFs) works on that one reading. The dev server: tests/hostile-input/dev-server.test.ts.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
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

/** `later`: with the caches on, as though 10 s had passed since the files were copied (none is racy then). */
function readsDuring(args: string[], script = join(ROOT, "scripts/build.ts"), { later = false } = {}): Record<string, number> {
  const countsFile = join(project.root, "read-counts.json");
  rmSync(countsFile, { force: true });
  const shift = later ? ["--import", "data:text/javascript,const now=Date.now;Date.now=()=>now()+10000;"] : [];
  const result = spawnSync(process.execPath, [...shift, "--import", join(ROOT, "tests/helpers/countReads.mjs"), "--import", "tsx", script, ...args], {
    cwd: project.root,
    env: { ...process.env, READ_COUNTS_FILE: countsFile, SITE_DIR: "_site", FORCE_COLOR: "0", ...(later ? { PLEDGE_NO_CACHE: "" } : {}) },
    encoding: "utf8",
    timeout: 300_000,
  });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  return readCounts(countsFile);
}

test("npm run build:site reads each content and locale file once", () => {
  const counts = readsDuring(["--site-only"]);
  // No PDFs, and no print pages either: those are only what the PDFs are rendered from.
  expect(existsSync(join(project.root, "_site/en/print"))).toBe(false);
  expect(projectFiles(project.root).length).toBeGreaterThan(20);
  expect(counts).toEqual(eachRead(project.root, 1));
});

test("npm run build (HTML twice, PDFs in between) reads each content and locale file once", () => {
  const counts = readsDuring([]);
  expect(counts).toEqual(eachRead(project.root, 1));
  // It publishes the PDFs and share card images, not the pages Chromium rendered them from.
  expect(existsSync(join(project.root, "_site/en/card.png"))).toBe(true);
  expect(existsSync(join(project.root, "_site/en/leaflet.pdf"))).toBe(true);
  expect(existsSync(join(project.root, "_site/en/leaflet-two-up.pdf"))).toBe(true);
  expect(existsSync(join(project.root, "_site/en/print"))).toBe(false);
}, 600_000);

test("a site build without a project handed over (the dev server, tests) reads each file once per build", () => {
  const counts = readsDuring([join(project.root, "_site.twice")], join(ROOT, "tests/helpers/buildSiteTwice.ts"));
  expect(counts).toEqual(eachRead(project.root, 2));
});

test("npm run pdf over a site from npm run build:site reads each file once, and adds the PDFs and share cards", () => {
  readsDuring(["--site-only"]);
  expect(existsSync(join(project.root, "_site/en/card.png"))).toBe(false);
  expect(readFileSync(join(project.root, "_site/en/index.html"), "utf8")).not.toContain('href="/en/leaflet.pdf"');
  // The PDFs and cards come from the cache the full build above filled, so this stays quick.
  const counts = readsDuring([], join(ROOT, "scripts/pdf.ts"));
  expect(counts).toEqual(eachRead(project.root, 1));
  expect(existsSync(join(project.root, "_site/en/card.png"))).toBe(true);
  expect(existsSync(join(project.root, "_site/ar/leaflet.pdf"))).toBe(true);
  expect(existsSync(join(project.root, "_site/ar/print"))).toBe(false);
  // The second pass: the home page announces its card and lists the PDFs.
  const home = readFileSync(join(project.root, "_site/en/index.html"), "utf8");
  expect(home).toContain('<meta property="og:image"');
  expect(home).toContain('href="/en/leaflet.pdf"');
}, 600_000);

test("a later npm run build:site with the caches on (each section file's record kept) reads each file at most once", () => {
  readsDuring(["--site-only"], undefined, { later: true });
  expect(existsSync(join(project.root, ".cache/reader/sections.json"))).toBe(true);
  const counts = readsDuring(["--site-only"], undefined, { later: true });
  const files = new Set(projectFiles(project.root));
  expect(Object.entries(counts).filter(([file, n]) => n !== 1 || !files.has(file))).toEqual([]);
}, 600_000);
