// Benchmark "check": the translators' check (npm run check) over a synthetic campaign of
// 10 locales x 500 sections.
import { join } from "node:path";
import { runChild, runCommand } from "./childProcess.ts";
import type { BenchOptions, BenchReport, Target } from "./report.ts";
import { seconds, spread, summarize, type Summary } from "./stats.ts";
import { createSyntheticProject } from "./syntheticProject.ts";

export const CHECK_TARGET_MS = 1000;

export interface CheckBenchConfig {
  sections: number;
  locales: number;
  runs: number;
}

export const CHECK_DEFAULTS: CheckBenchConfig = { sections: 500, locales: 10, runs: 5 };
export const CHECK_QUICK: CheckBenchConfig = { sections: 100, locales: 10, runs: 2 };
export const CHECK_SMOKE: CheckBenchConfig = { sections: 5, locales: 2, runs: 1 };

export interface CheckFigures {
  config: CheckBenchConfig;
  files: number;
  /** checkLocales() and the text report, in a fresh process (module loading included). */
  check: Summary;
  /** `node --import tsx scripts/check.ts --root <project>`: what a translator waits for. */
  command: Summary;
  problems: number;
  errors: number;
  maxRssKb: number;
}

export async function benchLocaleCheck(options: BenchOptions, config: CheckBenchConfig = options.smoke ? CHECK_SMOKE : options.quick ? CHECK_QUICK : CHECK_DEFAULTS): Promise<BenchReport<CheckFigures>> {
  const project = createSyntheticProject(options.root, { sections: config.sections, locales: config.locales });
  try {
    options.log(`check: ${config.sections} sections x ${config.locales} locales, ${config.runs} runs of each`);
    const inProcess = [];
    const command = [];
    for (let i = 0; i < config.runs; i++) {
      inProcess.push(await runChild(join(import.meta.dirname, "children", "checkLocales.ts"), [project.root], { cwd: project.root }));
      const run = await runCommand(join(options.root, "scripts", "check.ts"), ["--root", project.root], { cwd: project.root });
      // Exit 1 means the check found errors in the content: still a complete run.
      if (run.status !== 0 && run.status !== 1) throw new Error(`npm run check exited with ${run.status}:\n${run.stderr.slice(-2000)}`);
      command.push(run.wallMs);
    }
    const figures: CheckFigures = {
      config,
      files: project.sectionFiles.length + 2 * config.locales,
      check: summarize(inProcess.map((r) => r.ms)),
      command: summarize(command),
      problems: Number(inProcess[0]!.problems),
      errors: Number(inProcess[0]!.errors),
      maxRssKb: Math.max(...inProcess.map((r) => r.maxRssKb)),
    };
    const target: Target = {
      what: `npm run check, ${config.locales} locales x ${config.sections} sections`,
      limit: `< ${seconds(CHECK_TARGET_MS, 1)}`,
      measured: spread(figures.command, seconds),
      met: figures.command.median < CHECK_TARGET_MS,
    };
    return {
      name: "check",
      title: `Locale check: ${config.locales} locales x ${config.sections} sections (${figures.files} files)`,
      tables: [
        {
          title: `Median of ${config.runs} runs (min–max)`,
          head: ["what", "time", "problems found", "peak RSS"],
          rows: [
            ["checkLocales() + text report (fresh process, modules loaded)", spread(figures.check, seconds), `${figures.problems} (${figures.errors} errors)`, `${(figures.maxRssKb / 1024).toFixed(0)} MB`],
            ["the command: node --import tsx scripts/check.ts --root …", spread(figures.command, seconds), "", ""],
          ],
        },
      ],
      targets: [target],
      facts: [{ what: "checkLocales() itself, same project (fresh process)", measured: spread(figures.check, seconds) }],
      notes: [
        "Translations are up to date (each `source:` is the English version), so no history lookup runs; the Arabic, Persian and Urdu files are the real Arabic text, whose structure warnings the real project has too.",
      ],
      figures,
    };
  } finally {
    project.remove();
  }
}
