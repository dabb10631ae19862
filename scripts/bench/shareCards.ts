// Benchmark "cards": the share cards of the real site, rendered cold (an empty cache, the
// browser's start included) and then again from the cache, each in a fresh Node process.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runChild } from "./childProcess.ts";
import type { BenchOptions, BenchReport } from "./report.ts";
import { kib, seconds, spread, summarize, type Summary } from "./stats.ts";

export interface ShareCardBenchConfig {
  runs: number;
}

export interface ShareCardFigures {
  config: ShareCardBenchConfig;
  cards: number;
  largestBytes: number;
  cold: Summary;
  cached: Summary;
  coldCardsPerSecond: number;
}

const CHILD = join(import.meta.dirname, "children", "renderShareCards.ts");

export async function benchShareCards(options: BenchOptions, config: ShareCardBenchConfig = { runs: options.quick || options.smoke ? 1 : 3 }): Promise<BenchReport<ShareCardFigures>> {
  const work = mkdtempSync(join(tmpdir(), "pledge-bench-cards-"));
  const siteDir = join(work, "site");
  try {
    options.log("cards: building the real site (HTML) into a temp folder");
    await runChild(join(import.meta.dirname, "children", "buildProject.ts"), [options.root, siteDir], { cwd: options.root });
    const cold: number[] = [];
    const cached: number[] = [];
    let cards = 0;
    let largestBytes = 0;
    for (let run = 0; run < config.runs; run++) {
      const cacheDir = join(work, `cache-${run}`);
      options.log(`cards: run ${run + 1} of ${config.runs}, cold then cached`);
      const first = await runChild(CHILD, [options.root, siteDir, cacheDir], { cwd: options.root, timeoutMs: 10 * 60_000 });
      const again = await runChild(CHILD, [options.root, siteDir, cacheDir], { cwd: options.root, timeoutMs: 10 * 60_000 });
      if (first.rendered !== first.cards || again.rendered !== 0) {
        throw new Error(`share card cache: the cold run rendered ${String(first.rendered)} of ${String(first.cards)}, the second ${String(again.rendered)} (expected all, then none)`);
      }
      cold.push(first.ms);
      cached.push(again.ms);
      cards = Number(first.cards);
      largestBytes = Math.max(largestBytes, Number(first.maxBytes));
    }
    const figures: ShareCardFigures = {
      config,
      cards,
      largestBytes,
      cold: summarize(cold),
      cached: summarize(cached),
      coldCardsPerSecond: cards / (summarize(cold).median / 1000),
    };
    return {
      name: "cards",
      title: `Share cards: ${cards} cards (1200×630 PNG) of the real site`,
      tables: [
        {
          title: `Median of ${config.runs} runs (min–max), each a fresh Node process; the time includes loading the site model`,
          head: ["render", "time", "cards/s"],
          rows: [
            ["cold: empty cache, Chromium started for the cards", spread(figures.cold, seconds), figures.coldCardsPerSecond.toFixed(1)],
            ["cached: nothing changed, no browser started", spread(figures.cached, seconds), ""],
          ],
        },
      ],
      targets: [],
      facts: [
        {
          what: `${cards} share cards: cold · from the cache`,
          measured: `${spread(figures.cold, seconds)} · ${spread(figures.cached, seconds)}; largest card ${kib(largestBytes)}`,
        },
      ],
      notes: ["In npm run build the cards share the browser the PDFs already started, so their cold cost there is the rendering alone."],
      figures,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
