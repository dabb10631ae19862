// Benchmark "check": the translators' check (npm run check) over the realistic synthetic campaign of
// 10 locales x 500 sections, cold (no cache), then warm (every section's result in .cache/check/:
// with nothing changed the command replays its last run from .cache/replay/, and after one section
// is written it runs for real); then the same check with and without a glossary of 100 terms (content/glossary.yml), run side by
// side, for what the glossary rule adds.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runChild, runCommand, type ChildRun } from "./childProcess.ts";
import { type BenchOptions, type BenchReport, type Target } from "./report.ts";
import { alternate, pairedRatios, seconds, spread, summarize, times, type Summary } from "./stats.ts";
import { createSyntheticProject } from "./syntheticProject.ts";

const CHECK_TARGET_MS = 1000;
/** The command with nothing changed since its last run (issue 27). */
const WARM_TARGET_MS = 300;
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
  /** `node scripts/run.mjs check --root <project> --no-cache` (npm run check): what a translator waits for. */
  command: Summary;
  /** The same with the cache: the run that fills it, then runs that find every section in it. */
  warm: {
    /** The command's first run with the cache, every result computed and written. */
    filling: Summary;
    /** checkLocales() alone, project already read (fresh process). */
    check: Summary;
    /** Reading the project (readProject), which the cache does not spare. */
    read: Summary;
    /** checkLocales() and the text report, in a fresh process (module loading included). */
    whole: Summary;
    /** The command with nothing changed since the run before: replayed from .cache/replay/. */
    command: Summary;
    /** The command after one translated section was written (its stamp changed, its text not): a real run, every result from .cache/check/. */
    edited: Summary;
    /** checkLocales() alone, cold, as measured in the same processes as `check` above. */
    coldCheck: Summary;
  };
  problems: number;
  errors: number;
  maxRssKb: number;
  /** The same check without and with the glossary, round by round. */
  glossary: { without: Summary; with: Summary; ratio: Summary; commandWithout: Summary; commandWith: Summary; commandRatio: Summary; problems: number; warmWithout: Summary; warmWith: Summary; warmRatio: Summary };
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
    const childScript = join(import.meta.dirname, "children", "checkLocales.ts");
    // The warm runs use the cache even where PLEDGE_NO_CACHE is set (as the tests set it).
    const env = (cache: boolean) => ({ PLEDGE_NO_CACHE: cache ? "" : "1" });
    // As npm run check runs it: through the launcher, from the command's bundle.
    // (--debug says on stderr when a run was replayed.)
    const command = (cache: boolean) => runCommand(join(options.root, "scripts", "run.mjs"), ["check", "--root", project.root, ...(cache ? ["--debug"] : ["--no-cache"])], { cwd: project.root, env: env(cache), tsx: false });
    // The launcher's bundle made (or found fresh) before any run is timed.
    await runCommand(join(options.root, "scripts", "run.mjs"), ["check", "--help"], { cwd: project.root, tsx: false });
    const runOnce = async (cache = false) => {
      const checked = await runChild(childScript, [project.root, ...(cache ? ["--cache"] : [])], { cwd: project.root, env: env(cache) });
      const run = await command(cache);
      // Exit 1 means the check found errors in the content: still a complete run.
      if (run.status !== 0 && run.status !== 1) throw new Error(`npm run check exited with ${run.status}:\n${run.stderr.slice(-2000)}`);
      return { child: checked, wallMs: run.wallMs, replayed: run.stderr.startsWith("(replayed from ") };
    };
    const inProcess: ChildRun[] = [];
    const commandMs = [];
    for (let i = 0; i < config.runs; i++) {
      const { child, wallMs } = await runOnce();
      inProcess.push(child);
      commandMs.push(wallMs);
    }
    // Warm: one command fills .cache/check/, then every run finds each section's result there.
    options.log(`check: warm (every section's result in .cache/check/), ${config.runs} runs`);
    rmSync(join(project.root, ".cache"), { recursive: true, force: true });
    const filling = [(await command(true)).wallMs];
    const warm = [];
    for (let i = 0; i < config.runs; i++) warm.push(await runOnce(true));
    // Written again just before each run: too recent to record, so each of these runs is a real one.
    const touched = join(project.root, project.sectionFiles.at(-1)!);
    const edited = [];
    for (let i = 0; i < config.runs; i++) {
      writeFileSync(touched, readFileSync(touched));
      edited.push((await command(true)).wallMs);
    }
    rmSync(join(project.root, ".cache"), { recursive: true, force: true });
    // With and without the glossary, alternating (content/glossary.yml written for one, removed for the other).
    const glossaryFile = join(project.root, "content", "glossary.yml");
    const runCheck = async (glossary: boolean, cache = false) => {
      if (glossary) writeFileSync(glossaryFile, project.glossary);
      else rmSync(glossaryFile, { force: true });
      const { child, wallMs } = await runOnce(cache);
      return { ms: child.ms, problems: Number(child.problems), wallMs };
    };
    options.log(`check: with and without a glossary of 100 terms, ${Math.max(config.runs, 3)} rounds`);
    const paired = await alternate(
      Math.max(config.runs, 3),
      () => runCheck(true),
      () => runCheck(false),
    );
    // The same, warm: one run of each fills .cache/ for it, then the rounds find every section's result there.
    options.log(`check: with and without the glossary, warm, ${Math.max(config.runs, 3)} rounds`);
    await runCheck(true, true);
    await runCheck(false, true);
    const warmPaired = await alternate(
      Math.max(config.runs, 3),
      () => runCheck(true, true),
      () => runCheck(false, true),
    );
    rmSync(join(project.root, ".cache"), { recursive: true, force: true });
    rmSync(glossaryFile, { force: true });
    const figures: CheckFigures = {
      config,
      files: project.sectionFiles.length + 2 * config.locales,
      check: summarize(inProcess.map((r) => r.ms)),
      command: summarize(commandMs),
      warm: {
        filling: summarize(filling),
        check: summarize(warm.map((r) => Number(r.child.checkMs))),
        read: summarize(warm.map((r) => Number(r.child.readMs))),
        whole: summarize(warm.map((r) => r.child.ms)),
        command: summarize(warm.map((r) => r.wallMs)),
        edited: summarize(edited),
        coldCheck: summarize(inProcess.map((r) => Number(r.checkMs))),
      },
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
        warmWith: summarize(warmPaired.a.map((r) => r.wallMs)),
        warmWithout: summarize(warmPaired.b.map((r) => r.wallMs)),
        warmRatio: pairedRatios(
          warmPaired.a.map((r) => r.wallMs),
          warmPaired.b.map((r) => r.wallMs),
        ),
      },
    };
    if (warm.some((r) => r.child.problems !== inProcess[0]!.problems)) throw new Error("the warm check found other problems than the cold one");
    const g = figures.glossary;
    const w = figures.warm;
    const replayed = warm.filter((r) => r.replayed).length;
    const warmTarget: Target = {
      what: `npm run check, ${config.locales} locales x ${config.sections} sections, warm: the command, nothing changed`,
      limit: `< ${seconds(WARM_TARGET_MS, 1)}`,
      measured: `${spread(w.command, seconds)} (${replayed === warm.length ? "replayed" : `replayed in ${replayed} of ${warm.length} runs`}); one section written: ${spread(w.edited, seconds)}, of which reading the project ${spread(w.read, seconds)} and checkLocales() ${spread(w.check, seconds)} (cold ${spread(w.coldCheck, seconds)})`,
      met: w.command.median < WARM_TARGET_MS,
    };
    const target: Target = {
      what: `npm run check, ${config.locales} locales x ${config.sections} sections`,
      limit: `< ${seconds(CHECK_TARGET_MS, 1)}`,
      measured: spread(figures.command, seconds),
      met: figures.command.median < CHECK_TARGET_MS,
    };
    const glossaryTarget: Target = {
      what: `what a glossary of 100 terms adds to npm run check, cold (--no-cache), ${config.locales} locales x ${config.sections} sections`,
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
            ["the command: npm run check -- --root … --no-cache", spread(figures.command, seconds), "", ""],
          ],
        },
        {
          title: `Warm: every section's result in .cache/check/, median of ${config.runs} runs (min–max)`,
          head: ["what", "cold", "warm"],
          rows: [
            ["checkLocales() alone, project read (fresh process)", spread(w.coldCheck, seconds), spread(w.check, seconds)],
            ["readProject() (fresh process)", "", spread(w.read, seconds)],
            ["checkLocales() + text report (fresh process, modules loaded)", spread(figures.check, seconds), spread(w.whole, seconds)],
            ["the command: npm run check -- --root …, nothing changed (replayed from .cache/replay/)", spread(figures.command, seconds), spread(w.command, seconds)],
            ["the command after one section was written (a real run)", "", spread(w.edited, seconds)],
            ["the command's first run with the cache (computes and writes every entry)", "", spread(w.filling, seconds)],
          ],
        },
        {
          title: `With and without content/glossary.yml (100 terms), ${g.ratio.runs} rounds side by side: median (min–max)`,
          head: ["what", "without", "with", "ratio (round by round)"],
          rows: [
            ["checkLocales() + text report (fresh process)", spread(g.without, seconds), spread(g.with, seconds), spread(g.ratio, times)],
            ["the command: npm run check -- --root … --no-cache", spread(g.commandWithout, seconds), spread(g.commandWith, seconds), spread(g.commandRatio, times)],
            ["the command, warm (each section's result in .cache/)", spread(g.warmWithout, seconds), spread(g.warmWith, seconds), spread(g.warmRatio, times)],
          ],
        },
      ],
      targets: [target, warmTarget, glossaryTarget],
      facts: [
        { what: "checkLocales() itself, same project (fresh process)", measured: spread(figures.check, seconds) },
        { what: "checkLocales() with a glossary of 100 terms over without", measured: spread(g.ratio, times) },
        { what: "what the glossary adds to a warm npm run check (every section's result in .cache/)", measured: spread(g.warmRatio, times) },
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
