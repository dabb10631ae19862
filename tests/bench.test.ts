// The benchmarks through their command (npm run bench -- --smoke): the smallest run that goes
// through every step, so the bench code cannot rot. Shape only: ratios are numbers, counts are
// right. No time is asserted here: performance targets live in `npm run bench`.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runScript, type CliResult } from "./helpers/cli.ts";
import type { BuildFigures } from "../scripts/bench/buildAtScale.ts";
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
    for (const name of ["build", "check", "pdf", "cards", "pdf-scripts"]) {
      const { command, smoke, tables, targets } = report(name);
      expect(command).toContain("--smoke");
      expect(smoke).toBe(true);
      expect(tables.length).toBeGreaterThan(0);
      for (const table of tables) for (const row of table.rows) expect(row).toHaveLength(table.head.length);
      for (const target of targets) expect(typeof target.met).toBe("boolean");
    }
    expect(existsSync(join(out, "weight.json"))).toBe(false);
    expect(readFileSync(join(out, "summary.md"), "utf8")).toMatch(/\| what \| measured[\s\S]*project build at 10 pages vs bare Eleventy/);
  });

  test("build: paired ratios against bare Eleventy, time per page and peak memory at each size", () => {
    const { figures, targets } = report<BuildFigures>("build");
    expect(figures.sizes.map((s) => s.pages)).toEqual([6, 10]);
    for (const size of figures.sizes) {
      expect(isRatio(size.ratio.median)).toBe(true);
      expect(isRatio(size.projectMsPerPage) && isRatio(size.bareMsPerPage)).toBe(true);
      expect(size.projectMaxRssKb.max).toBeGreaterThan(10_000);
    }
    expect(figures.sizes[1]!.projectMarginalMsPerPage).toEqual(expect.any(Number));
    expect(isRatio(figures.headline.cpuRatio.median)).toBe(true);
    expect(targets[0]!.limit).toContain("1.15");
  });

  test("check: the check and the command timed over a synthetic campaign of every section file", () => {
    const { figures } = report<CheckFigures>("check");
    expect(figures.check.median).toBeGreaterThan(0);
    expect(figures.command.median).toBeGreaterThan(0);
    expect(figures.files).toBe(5 * 2 + 2 * 2);
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
    expect(refused.stderr).toContain('unknown benchmark "weight": the benchmarks are build, check, pdf, cards, pdf-scripts');
  });
});
