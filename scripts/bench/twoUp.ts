// Benchmark "twoup": imposing the real leaflets (English and Arabic) two-up on A4, the step the
// PDF build runs after rendering (scripts/render/twoUp.ts): the median of many impositions of
// each locale's leaflet, and the first one (modules and fonts not warm yet), against 0.3 s.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { buildPdfs, imposeTwoUp } from "../render/index.ts";
import { printVariants } from "../print/index.ts";
import { buildSiteModel } from "../site/index.ts";
import { runChild } from "./childProcess.ts";
import type { BenchOptions, BenchReport, Target } from "./report.ts";
import { seconds, spread, summarize, type Summary } from "./stats.ts";

const TWO_UP_TARGET_MS = 300;
const LOCALES = ["en", "ar"];
const ms = (value: number) => `${Math.round(value)} ms`;

export interface TwoUpFigures {
  runs: number;
  locales: { locale: string; singleBytes: number; twoUpBytes: number; first: number; impositions: Summary }[];
}

export async function benchTwoUp(options: BenchOptions, runs = options.smoke ? 2 : options.quick ? 5 : 20): Promise<BenchReport<TwoUpFigures>> {
  const siteDir = mkdtempSync(join(tmpdir(), "pledge-bench-two-up-"));
  const twoUp = printVariants(buildSiteModel(options.root).documents).find((variant) => variant.output === "two-up" && variant.source === "leaflet");
  const sheet = twoUp?.sheet;
  const source = twoUp?.source;
  if (!sheet || !source) throw new Error("content/documents.yml declares no two-up output for the leaflet's first paper\n  → add two-up to its sizes (A5: [home, two-up, press])");
  try {
    options.log("twoup: building the real site (HTML) and its leaflets (from the PDF cache when unchanged)");
    await runChild(join(import.meta.dirname, "children", "buildProject.ts"), [options.root, siteDir], { cwd: options.root });
    await buildPdfs({ root: options.root, siteDir, log: () => {}, filter: (job) => LOCALES.includes(job.locale) && job.variant.id === source });
    const locales = [];
    for (const locale of LOCALES) {
      const single = readFileSync(join(siteDir, locale, `${source}.pdf`));
      const times: number[] = [];
      let bytes = 0;
      for (let run = 0; run <= runs; run++) {
        const started = performance.now();
        bytes = (await imposeTwoUp(single, sheet)).length;
        times.push(performance.now() - started);
      }
      options.log(`twoup: ${locale} ${runs} impositions, median ${ms(summarize(times.slice(1)).median)}`);
      locales.push({ locale, singleBytes: single.length, twoUpBytes: bytes, first: times[0]!, impositions: summarize(times.slice(1)) });
    }
    const targets: Target[] = locales.map((l) => ({
      what: `imposing the ${l.locale} leaflet two-up on A4 (median of ${runs})`,
      limit: `< ${seconds(TWO_UP_TARGET_MS, 1)}`,
      measured: `${spread(l.impositions, ms)}; the first ${ms(l.first)}`,
      met: l.impositions.median < TWO_UP_TARGET_MS,
    }));
    return {
      name: "twoup",
      title: `Two-up imposition: the real leaflet (A5) on A4, ${runs} times per locale`,
      tables: [
        {
          title: `Median of ${runs} impositions (min–max) after a first one, in this process`,
          head: ["leaflet", "single PDF", "two-up PDF", "first", "imposition"],
          rows: locales.map((l) => [l.locale, `${Math.round(l.singleBytes / 1000)} kB`, `${Math.round(l.twoUpBytes / 1000)} kB`, ms(l.first), spread(l.impositions, ms)]),
        },
      ],
      targets,
      facts: [],
      notes: ["In npm run build a two-up file whose leaflet did not change comes from the PDF cache and is not imposed at all."],
      figures: { runs, locales },
    };
  } finally {
    rmSync(siteDir, { recursive: true, force: true });
  }
}
