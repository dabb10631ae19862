// The benchmarks through their command (npm run bench -- --smoke): the smallest run that goes
// through every step, so the bench code cannot rot. Shape only: ratios are numbers, counts are
// right. No time is asserted here: performance targets live in `npm run bench`.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runScript, type CliResult } from "./helpers/cli.ts";
import type { BuildFigures } from "../scripts/bench/buildAtScale.ts";
import type { DevFigures } from "../scripts/bench/devServer.ts";
import type { CheckFigures } from "../scripts/bench/localeCheck.ts";
import type { PdfFigures } from "../scripts/bench/pdfs.ts";
import type { ScriptLeaflet } from "../scripts/bench/pdfScripts.ts";
import type { BenchReport } from "../scripts/bench/report.ts";
import type { ShareCardFigures } from "../scripts/bench/shareCards.ts";

/** What bench.ts writes to <name>.json: the benchmark's report and how it was run. */
type Report<Figures> = BenchReport<Figures> & { command: string; smoke: boolean };

let out: string;
let run: CliResult;
const report = <Figures = unknown>(name: string) => JSON.parse(readFileSync(join(out, `${name}.json`), "utf8")) as Report<Figures>;
const isRatio = (n: unknown) => typeof n === "number" && Number.isFinite(n) && n > 0;

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), "pledge-bench-test-"));
  run = runScript("bench.ts", ["--smoke", `--out=${out}`], { timeoutMs: 900_000 });
}, 900_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("npm run bench -- --smoke", () => {
  test("runs every benchmark, writes their figures and the README's summary", () => {
    expect(run.status, run.stderr).toBe(0);
    for (const name of ["build", "check", "dev", "pdf", "cards", "pdf-scripts"]) {
      const { command, smoke, tables, targets } = report(name);
      expect(command).toContain("--smoke");
      expect(smoke).toBe(true);
      expect(tables.length).toBeGreaterThan(0);
      for (const table of tables) for (const row of table.rows) expect(row).toHaveLength(table.head.length);
      for (const target of targets) expect(target.met === null || typeof target.met === "boolean").toBe(true);
    }
    expect(existsSync(join(out, "weight.json"))).toBe(false);
    const summary = readFileSync(join(out, "summary.md"), "utf8");
    expect(summary).toMatch(/\| what \| measured[\s\S]*\| cold build:site at 10 pages vs bare Eleventy \| [\d.]+×[^|]* \| ≤ 1\.15× \| (met|\*\*missed\*\*) \|/);
    expect(summary).toMatch(/\| cold build:site at 10 pages vs Eleventy \+ I18nPlugin \| [\d.]+×[^|]* \| < 1× \(faster\) \| (met|\*\*missed\*\*) \|/);
    expect(summary).toMatch(/\| warm build:site at 10 pages, nothing changed, vs bare Eleventy \(cold\) \| [\d.]+×[^|]* \| ≤ 0\.6× \| (met|\*\*missed\*\*) \|/);
    expect(summary).toMatch(/\| warm build:site at 10 pages, one English section changed, vs bare Eleventy \(cold\) \| [\d.]+×[^|]* \| ≤ 0\.7× \| (met|\*\*missed\*\*) \|/);
    expect(summary).toMatch(/\| peak memory at 10 pages vs bare Eleventy \| [\d.]+× \([\d]+ MB · [\d]+ MB\) \| ≤ 1\.2× \| (met|\*\*missed\*\*) \|/);
    expect(summary).toMatch(
      /\| npm run check, 2 locales x 5 sections, warm: the command, nothing changed \| [\d.]+ s \(replayed[^)]*\); one section written: [\d.]+ s, of which reading the project [\d.]+ s and checkLocales\(\) [\d.]+ s \(cold [\d.]+ s\) \| < 0\.3 s \| (met|\*\*missed\*\*) \|/,
    );
    expect(summary).toMatch(/\| dev server: edit of a section to reload, the real project \| [\d.]+ s; the first edit [\d.]+ s \| < 0\.5 s \| (met|\*\*missed\*\*) \|/);
  });

  test("dev: npm start on the real project and a synthetic campaign, each edit timed to the open page's reload", () => {
    const { figures } = report<DevFigures>("dev");
    expect(figures.cases.map((c) => c.name)).toEqual(["real", "large"]);
    for (const c of figures.cases) {
      expect(c.edits.runs).toBe(1);
      expect(c.first).toBeGreaterThan(0);
      expect(c.startMs).toBeGreaterThan(0);
    }
    expect(figures.cases[1]!.pages).toBe(3 * 4);
  });

  test("build: ratios against bare Eleventy and Eleventy + I18nPlugin, round by round, time per page, peak memory, and the repeated campaign", () => {
    const { figures, targets, tables } = report<BuildFigures>("build");
    expect(figures.sizes.map((s) => s.pages)).toEqual([6, 10]);
    for (const size of figures.sizes) {
      expect(isRatio(size.ratio.median) && isRatio(size.i18nRatio.median) && isRatio(size.memoryRatio.median)).toBe(true);
      expect(size.i18n.runs).toBe(size.project.runs);
      expect(isRatio(size.projectMsPerPage) && isRatio(size.bareMsPerPage)).toBe(true);
      expect(size.projectMaxRssKb.max).toBeGreaterThan(10_000);
      expect(size.i18nMaxRssKb.max).toBeGreaterThan(10_000);
    }
    expect(figures.sizes[1]!.projectMarginalMsPerPage).toEqual(expect.any(Number));
    expect(isRatio(figures.headline.cpuRatio.median) && isRatio(figures.headline.i18nCpuRatio.median)).toBe(true);
    expect(isRatio(figures.headline.warm!.unchangedRatio.median) && isRatio(figures.headline.warm!.editedRatio.median)).toBe(true);
    expect(figures.headline.warm!.edited.runs).toBe(figures.headline.project.runs);
    expect(figures.repeated!.pages).toBe(10);
    expect(isRatio(figures.repeated!.ratio.median)).toBe(true);
    expect(tables.map((t) => t.title)).toEqual([expect.stringContaining("project / the other"), expect.stringContaining("repeated campaign")]);
    expect(targets.map((t) => [t.limit, t.met === null ? "not measured" : "measured"])).toEqual([
      ["≤ 1.15×", "measured"],
      ["< 1× (faster)", "measured"],
      ["≤ 0.6×", "measured"],
      ["≤ 0.7×", "measured"],
      ["≤ 1.2×", "measured"],
    ]);
  });

  test("--pairs sets the rounds of the side-by-side comparisons; a bad value is refused", () => {
    const pairsOut = mkdtempSync(join(tmpdir(), "pledge-bench-pairs-"));
    try {
      const paired = runScript("bench.ts", ["build", "--smoke", "--pairs=2", `--out=${pairsOut}`], { timeoutMs: 300_000 });
      expect(paired.status, paired.stderr).toBe(0);
      const { figures } = JSON.parse(readFileSync(join(pairsOut, "build.json"), "utf8")) as Report<BuildFigures>;
      expect(figures.sizes.map((s) => [s.project.runs, s.bare.runs, s.i18n.runs])).toEqual([
        [2, 2, 2],
        [2, 2, 2],
      ]);
      expect(figures.repeated!.project.runs).toBe(2);
    } finally {
      rmSync(pairsOut, { recursive: true, force: true });
    }
    const refused = runScript("bench.ts", ["build", "--pairs=0", `--out=${out}`]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("--pairs=0: give a whole number of rounds, 1 or more");
  }, 300_000);

  test("check: the check and the command timed over a synthetic campaign of every section file", () => {
    const { figures } = report<CheckFigures>("check");
    expect(figures.check.median).toBeGreaterThan(0);
    expect(figures.command.median).toBeGreaterThan(0);
    expect(figures.files).toBe(5 * 2 + 2 * 2);
    // Warm: every run found each section in the cache the first run with it filled.
    expect(figures.warm.check.median).toBeGreaterThan(0);
    expect(figures.warm.command.runs).toBe(figures.command.runs);
    expect(figures.warm.edited.runs).toBe(figures.command.runs);
    expect(figures.warm.filling.runs).toBe(1);
    // The glossary side by side, cold and warm, round by round.
    expect(figures.glossary.ratio.runs).toBe(figures.glossary.warmRatio.runs);
    expect(figures.glossary.warmWith.median).toBeGreaterThan(0);
  });

  test("pdf: the one browser's pool against a pagedjs-cli process per document", () => {
    const { figures } = report<PdfFigures>("pdf");
    expect(figures.documents).toBe(1);
    expect(figures.pages).toBeGreaterThan(0);
    expect(isRatio(figures.ratio.median)).toBe(true);
    expect(isRatio(figures.poolDocsPerSecond)).toBe(true);
  });

  test("cards: every card rendered cold, then none from the warm cache", () => {
    const { figures } = report<ShareCardFigures>("cards");
    expect(figures.cards).toBeGreaterThan(0);
    expect(isRatio(figures.cold.median) && isRatio(figures.cached.median)).toBe(true);
    expect(figures.largestBytes).toBeLessThanOrEqual(300_000);
  });

  test("pdf-scripts: a leaflet in Latin and one in Hebrew, each with its size and the project's fonts", () => {
    const { figures } = report<{ leaflets: ScriptLeaflet[] }>("pdf-scripts");
    expect(figures.leaflets.map((l) => `${l.locale} ${l.script}`)).toEqual(["en Latin", "he Hebrew"]);
    for (const leaflet of figures.leaflets) expect(leaflet.pages).toBe(2);
  });

  test("an unknown benchmark name is refused with the names there are", () => {
    const refused = runScript("bench.ts", ["weight", `--out=${out}`]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('unknown benchmark "weight": the benchmarks are build, check, dev, pdf, cards, pdf-scripts');
  });
});
