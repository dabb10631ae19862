// Benchmark "dev": npm start as an editor uses it. The dev server runs on a copy of the real
// project and on a synthetic campaign of 2000 pages; a page is open in Chromium; an English
// section is edited, and the time runs from writing the file to the page's reload (its load
// event, the edit visible). Absolute times, as the targets are: there is no peer to pair with.
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { chromium, type Page } from "playwright-core";
import { readSectionList } from "../project/sectionList.ts";
import { findChromium, HEADLESS_ARGS } from "../shared/chromium.ts";
import { CAMPAIGN_FILES, linkCode } from "./projectFiles.ts";
import type { BenchOptions, BenchReport, Target } from "./report.ts";
import { seconds, spread, summarize, type Summary } from "./stats.ts";
import { createSyntheticProject } from "./syntheticProject.ts";

/** Edit to reload, in ms: the real project, and a campaign of 2000 pages (issue 27). */
const TARGETS = { real: 500, large: 1500 };

interface DevCase {
  name: "real" | "large";
  what: string;
  pages: number;
  /** The first edit after the server started (code not yet warm). */
  first: number;
  /** Every later edit. */
  edits: Summary;
  /** npm start's first build: from starting the server to its watcher running. */
  startMs: number;
}

export interface DevFigures {
  cases: DevCase[];
}

/** A port nothing listens on now, on this machine. */
export const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

/** Starts `eleventy --serve` (npm start) in `root`; resolves when `path` answers 200. */
async function startDevServer(root: string, path: string): Promise<{ base: string; server: ChildProcess; log: () => string }> {
  const port = await freePort();
  const base = `http://localhost:${port}`;
  const eleventy = join(root, "node_modules", "@11ty", "eleventy", "cmd.cjs");
  const server = spawn(process.execPath, [eleventy, "--serve", `--port=${port}`], { cwd: root, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  server.stdout!.on("data", (d) => (log += d));
  server.stderr!.on("data", (d) => (log += d));
  const end = Date.now() + 600_000;
  while (Date.now() < end) {
    if (server.exitCode !== null) break;
    const status = await fetch(base + path, { signal: AbortSignal.timeout(5000) }).then((r) => r.status, () => 0);
    if (status === 200 && log.includes("Watching")) {
      await watcherReady(root, () => log, end);
      return { base, server, log: () => log };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stopDevServer(server);
  throw new Error(`the dev server did not serve ${path}:\n${log.slice(-3000)}`);
}

/**
 * Eleventy says "Watching…" before its watcher has seen every folder, and an edit made then is
 * missed: touch a watched file until a change is reported, and its rebuild written (by `end`, a
 * time in ms, or an error with the server's log).
 */
export async function watcherReady(root: string, log: () => string, end: number): Promise<void> {
  const campaign = join(root, "campaign.yml");
  while (!log().includes("File changed")) {
    if (Date.now() > end) throw new Error(`the dev server's watcher reported no change of campaign.yml:\n${log().slice(-3000)}`);
    const now = new Date();
    utimesSync(campaign, now, now);
    await new Promise((r) => setTimeout(r, 300));
  }
  while (log().split("Wrote ").length < 3) {
    if (Date.now() > end) throw new Error(`the dev server did not write its rebuild after campaign.yml changed:\n${log().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Stops a dev server started in its own process group, and waits for it to end: on SIGTERM it still writes its cache packs, into a folder often removed next. */
export async function stopDevServer(server: ChildProcess): Promise<void> {
  if (!server.pid || server.exitCode !== null || server.signalCode !== null) return;
  const ended = new Promise((resolve) => server.once("exit", resolve));
  process.kill(-server.pid, "SIGTERM");
  const late = setTimeout(() => process.kill(-server.pid!, "SIGKILL"), 10_000);
  await ended;
  clearTimeout(late);
}

/** Writes the edit, then waits for the open page to reload and show it: the time between, in ms. */
async function timeEdit(page: Page, file: string, text: string, marker: string, log: () => string): Promise<number> {
  const reloaded = page.waitForEvent("load", { timeout: 60_000 });
  const started = performance.now();
  writeFileSync(file, text);
  await reloaded.catch((error: unknown) => {
    throw new Error(`the page did not reload after an edit of ${file}:\n${log().slice(-3000)}`, { cause: error });
  });
  const elapsed = performance.now() - started;
  if (!(await page.content()).includes(marker)) throw new Error(`the page reloaded without the edit of ${file}`);
  return elapsed;
}

async function measure(name: DevCase["name"], what: string, root: string, section: string, pages: number, edits: number): Promise<DevCase> {
  const path = `/en/${section}/`;
  const file = join(root, "content", "en", `${section}.md`);
  const original = readFileSync(file, "utf8");
  const started = performance.now();
  const { base, server, log } = await startDevServer(root, path);
  const startMs = performance.now() - started;
  const browser = await chromium.launch({ executablePath: findChromium(), args: HEADLESS_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(base + path, { waitUntil: "load" });
    const times: number[] = [];
    for (let round = 0; round <= edits; round++) {
      // A new word at the end of the body's first line of text each round: the page changes, the section's shape does not.
      const marker = `Edited${round}x${Date.now() % 100_000}`;
      times.push(await timeEdit(page, file, withWord(original, marker), marker, log));
      // Let the watcher settle, as between two saves of an editor.
      await new Promise((r) => setTimeout(r, 300));
    }
    return { name, what, pages, first: times[0]!, edits: summarize(times.slice(1)), startMs };
  } finally {
    await browser.close();
    await stopDevServer(server);
  }
}

function withWord(section: string, word: string): string {
  const bodyStart = section.indexOf("\n---\n", 3) + 5;
  const body = section.slice(bodyStart).replace(/^([A-Za-z].*)$/m, `$1 ${word}`);
  return section.slice(0, bodyStart) + body;
}

function realProjectCopy(projectRoot: string): { root: string; remove(): void } {
  const root = mkdtempSync(join(tmpdir(), "pledge-bench-dev-"));
  for (const name of CAMPAIGN_FILES) cpSync(join(projectRoot, name), join(root, name), { recursive: true });
  linkCode(projectRoot, root);
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

export async function benchDevServer(options: BenchOptions): Promise<BenchReport<DevFigures>> {
  const edits = options.pairs ?? (options.smoke ? 1 : options.quick ? 3 : 7);
  const largeSections = options.smoke ? 3 : 500;
  const cases: DevCase[] = [];

  const real = realProjectCopy(options.root);
  try {
    options.log(`dev: npm start on the real project, ${edits} edits of an English section`);
    const realPages = readSectionList(real.root).length * readdirSync(join(real.root, "locales")).length;
    cases.push(await measure("real", "the real project", real.root, "pledge", realPages, edits));
  } finally {
    real.remove();
  }

  const large = createSyntheticProject(options.root, { sections: largeSections, locales: 4 });
  try {
    const pages = largeSections * 4;
    options.log(`dev: npm start on a synthetic campaign of ${pages} section pages, ${edits} edits`);
    cases.push(await measure("large", `${pages} section pages (4 locales x ${largeSections} sections)`, large.root, large.sectionIds[0]!, pages, edits));
  } finally {
    large.remove();
  }

  const ms = (value: number) => seconds(value, 2);
  const targets: Target[] = cases.map((c) => ({
    what: `dev server: edit of a section to reload, ${c.what}`,
    limit: `< ${seconds(TARGETS[c.name], 1)}`,
    measured: `${spread(c.edits, ms)}; the first edit ${ms(c.first)}`,
    met: c.edits.median < TARGETS[c.name],
  }));
  return {
    name: "dev",
    title: `npm start: from saving an English section to the open page reloaded, ${edits} edits after a first`,
    tables: [
      {
        title: "Median (min–max) of the edits after the first; the first edit; the server's first build",
        head: ["project", "section pages", "edit to reload", "first edit", "start-up"],
        rows: cases.map((c) => [c.what, String(c.pages), spread(c.edits, ms), ms(c.first), ms(c.startMs)]),
      },
    ],
    targets,
    facts: [],
    notes: ["Each edit adds a word to the section's first line of text; the time runs from writing the file to the load event of the page the dev server reloaded, in a headless Chromium."],
    figures: { cases },
  };
}
