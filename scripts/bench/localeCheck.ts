// Benchmark "check": the translators' check (npm run check) over the realistic synthetic campaign of
// 10 locales x 500 sections; then the same check with and without a glossary of 100 terms
// (content/glossary.yml), run side by side, for what the glossary rule adds.
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runChild, runCommand } from "./childProcess.ts";
import { notMeasured, type BenchOptions, type BenchReport, type Target } from "./report.ts";
import { alternate, pairedRatios, seconds, spread, summarize, times, type Summary } from "./stats.ts";
import { createSyntheticProject } from "./syntheticProject.ts";

const CHECK_TARGET_MS = 1000;
/** The glossary rule adds at most this much to npm run check (issue 26). */
const GLOSSARY_TARGET_RATIO = 1.1;

export interface CheckBenchConfig {
  sections: number;
  locales: number;
  runs: number;
}

const CHECK_DEFAULTS: CheckBenchConfig = { sections: 500, locales: 10, runs: 5 };
const CHECK_QUICK: CheckBenchConfig = { sections: 100, locales: 10, runs: 2 };
const CHECK_SMOKE: CheckBenchConfig = { sections: 5, locales: 2, runs: 1 };

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
  /** The same check without and with the glossary, round by round. */
  glossary: { without: Summary; with: Summary; ratio: Summary; commandWithout: Summary; commandWith: Summary; commandRatio: Summary; problems: number };
}

export async function benchLocaleCheck(
  options: BenchOptions,
  chosen: CheckBenchConfig = options.smoke ? CHECK_SMOKE : options.quick ? CHECK_QUICK : CHECK_DEFAULTS,
): Promise<BenchReport<CheckFigures>> {
  const config = options.pairs ? { ...chosen, runs: options.pairs } : chosen;
  const project = createSyntheticProject(options.root, { sections: config.sections, locales: config.locales });
  try {
    options.log(`check: ${config.sections} sections x ${config.locales} locales, ${config.runs} runs of each`);
    // The check in a fresh process (its own timing), then the command as a person runs it.
    const runOnce = async () => {
      const child = await runChild(join(import.meta.dirname, "children", "checkLocales.ts"), [project.root], { cwd: project.root });
      const run = await runCommand(join(options.root, "scripts", "check.ts"), ["--root", project.root], { cwd: project.root });
      // Exit 1 means the check found errors in the content: still a complete run.
      if (run.status !== 0 && run.status !== 1) throw new Error(`npm run check exited with ${run.status}:\n${run.stderr.slice(-2000)}`);
      return { child, wallMs: run.wallMs };
    };
    const inProcess = [];
    const command = [];
    for (let i = 0; i < config.runs; i++) {
      const { child, wallMs } = await runOnce();
      inProcess.push(child);
      command.push(wallMs);
    }
    // With and without the glossary, alternating (content/glossary.yml written for one, removed for the other).
    const glossaryFile = join(project.root, "content", "glossary.yml");
    const runCheck = async (glossary: boolean) => {
      if (glossary) writeFileSync(glossaryFile, project.glossary);
      else rmSync(glossaryFile, { force: true });
      const { child, wallMs } = await runOnce();
      return { ms: child.ms, problems: Number(child.problems), wallMs };
    };
    options.log(`check: with and without a glossary of 100 terms, ${Math.max(config.runs, 3)} rounds`);
    const paired = await alternate(
      Math.max(config.runs, 3),
      () => runCheck(true),
      () => runCheck(false),
    );
    rmSync(glossaryFile, { force: true });
    const figures: CheckFigures = {
      config,
      files: project.sectionFiles.length + 2 * config.locales,
      check: summarize(inProcess.map((r) => r.ms)),
      command: summarize(command),
      problems: Number(inProcess[0]!.problems),
      errors: Number(inProcess[0]!.errors),
      maxRssKb: Math.max(...inProcess.map((r) => r.maxRssKb)),
      glossary: {
        with: summarize(paired.a.map((r) => r.ms)),
        without: summarize(paired.b.map((r) => r.ms)),
        ratio: pairedRatios(
          paired.a.map((r) => r.ms),
          paired.b.map((r) => r.ms),
        ),
        commandWith: summarize(paired.a.map((r) => r.wallMs)),
        commandWithout: summarize(paired.b.map((r) => r.wallMs)),
        commandRatio: pairedRatios(
          paired.a.map((r) => r.wallMs),
          paired.b.map((r) => r.wallMs),
        ),
        problems: paired.a[0]!.problems - paired.b[0]!.problems,
      },
    };
    const g = figures.glossary;
    const target: Target = {
      what: `npm run check, ${config.locales} locales x ${config.sections} sections`,
      limit: `< ${seconds(CHECK_TARGET_MS, 1)}`,
      measured: spread(figures.command, seconds),
      met: figures.command.median < CHECK_TARGET_MS,
    };
    const glossaryTarget: Target = {
      what: `what a glossary of 100 terms adds to npm run check, ${config.locales} locales x ${config.sections} sections`,
      limit: `≤ ${times(GLOSSARY_TARGET_RATIO)}`,
      measured: spread(g.commandRatio, times),
      met: g.commandRatio.median <= GLOSSARY_TARGET_RATIO,
    };
    return {
      name: "check",
      title: `Locale check: ${config.locales} locales x ${config.sections} sections (${figures.files} files)`,
      tables: [
        {
          title: `Median of ${config.runs} runs (min–max)`,
          head: ["what", "time", "problems found", "peak RSS"],
          rows: [
            [
              "checkLocales() + text report (fresh process, modules loaded)",
              spread(figures.check, seconds),
              `${figures.problems} (${figures.errors} errors)`,
              `${(figures.maxRssKb / 1024).toFixed(0)} MB`,
            ],
            ["the command: node --import tsx scripts/check.ts --root …", spread(figures.command, seconds), "", ""],
          ],
        },
        {
          title: `With and without content/glossary.yml (100 terms), ${g.ratio.runs} rounds side by side: median (min–max)`,
          head: ["what", "without", "with", "ratio (round by round)"],
          rows: [
            ["checkLocales() + text report (fresh process)", spread(g.without, seconds), spread(g.with, seconds), spread(g.ratio, times)],
            ["the command: node --import tsx scripts/check.ts --root …", spread(g.commandWithout, seconds), spread(g.commandWith, seconds), spread(g.commandRatio, times)],
          ],
        },
      ],
      targets: [target, notMeasured(`npm run check, ${config.locales} locales x ${config.sections} sections, warm`, "< 0.3 s", "needs the content-hash cache (issue 27)"), glossaryTarget],
      facts: [
        { what: "checkLocales() itself, same project (fresh process)", measured: spread(figures.check, seconds) },
        { what: "checkLocales() with a glossary of 100 terms over without", measured: spread(g.ratio, times) },
      ],
      notes: [
        "Translations are up to date (each `source:` is the English version), so no history lookup runs. The campaign is the realistic one (distinct sections, scripts/bench/syntheticProject.ts): the Arabic, Persian and Urdu files map each English word to a real Arabic word, so their structure is the English structure.",
        `The glossary (syntheticGlossary) holds 100 English words of six letters or more from the campaign's first 40 sections (every third of the most frequent), with the renderings its translations use (the Arabic-script locales: the word the stand-in translation writes for the term), so the translations follow the glossary as the real Arabic does and each term is in about 3 % of the English blocks (the real glossary's terms: about 4 % of the real English blocks); every use is still checked, and the check reports ${g.problems} more problems.`,
      ],
      figures,
    };
  } finally {
    project.remove();
  }
}
