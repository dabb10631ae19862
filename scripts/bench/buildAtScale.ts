// Benchmark "build": the project's pipeline against two Eleventy builds of the same markdown, bare
// and with Eleventy's own I18nPlugin (the peer), on the realistic synthetic campaign (default 500
// sections x 4 locales), the three in rotation in one run; then, at the largest size, the project
// against bare Eleventy on the repeated campaign (the same 8 sections again and again).
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { prepareBareInput } from "./bareEleventy.ts";
import { runChild, type ChildRun } from "./childProcess.ts";
import { notMeasured, type BenchOptions, type BenchReport, type Table, type Target } from "./report.ts";
import { alternate, mib, pairedRatios, rotate, seconds, spread, summarize, times, type Summary } from "./stats.ts";
import { createSyntheticProject } from "./syntheticProject.ts";

// The targets of issue 27, as paired ratios.
const BUILD_TARGET_RATIO = 1.15;
const MEMORY_TARGET_RATIO = 1.2;
const WARM_TARGET_RATIO = 0.6;
const WARM_EDITED_TARGET_RATIO = 0.7;
/** The cold builds run without the content-hash cache; the warm ones with it (whatever the environment says). */
const COLD = { PLEDGE_NO_CACHE: "1" };
const WARM = { PLEDGE_NO_CACHE: "" };

export interface BuildBenchConfig {
  /** Sections per size, smallest first; the last is the headline size. */
  sizes: number[];
  locales: number;
  runs: number;
  /** One discarded pair first, so neither side pays for a cold disk cache. */
  warmup: boolean;
  /** Profile one extra project build (node --cpu-prof): always, never, or when the target is missed. */
  profile: boolean | "if-missed";
  /** Also the repeated campaign at the largest size (its own figure: the consistency rule's worst case). */
  repeated: boolean;
}

export const BUILD_DEFAULTS: BuildBenchConfig = { sizes: [25, 125, 500], locales: 4, runs: 7, warmup: true, profile: "if-missed", repeated: true };
export const BUILD_QUICK: BuildBenchConfig = { sizes: [10, 25, 50], locales: 4, runs: 3, warmup: false, profile: "if-missed", repeated: true };
export const BUILD_SMOKE: BuildBenchConfig = { sizes: [3, 5], locales: 2, runs: 1, warmup: false, profile: false, repeated: true };

interface SizeFigures {
  sections: number;
  locales: number;
  /** Section pages (sections x locales); the project also writes homes, 404, sitemap. */
  pages: number;
  project: Summary;
  bare: Summary;
  /** Eleventy with its own I18nPlugin over the same pages (the peer). */
  i18n: Summary;
  /** project / bare, run by run. */
  ratio: Summary;
  /** project / Eleventy + I18nPlugin, run by run. */
  i18nRatio: Summary;
  /** CPU time (user + system) of each build process, and its paired ratios. */
  projectCpu: Summary;
  bareCpu: Summary;
  cpuRatio: Summary;
  i18nCpuRatio: Summary;
  projectMsPerPage: number;
  bareMsPerPage: number;
  /** Extra time per extra page from the size before (median times): flat when growth is linear. */
  projectMarginalMsPerPage: number | undefined;
  bareMarginalMsPerPage: number | undefined;
  projectMaxRssKb: Summary;
  bareMaxRssKb: Summary;
  i18nMaxRssKb: Summary;
  /** Peak memory, project / bare, run by run. */
  memoryRatio: Summary;
  /** At the headline size: warm build:site (the cache filled by one build) against bare Eleventy cold, paired. */
  warm?: WarmFigures;
}

interface WarmFigures {
  /** Nothing changed since the build that filled the cache. */
  unchanged: Summary;
  unchangedRatio: Summary;
  /** One English section's body edited before each build. */
  edited: Summary;
  editedRatio: Summary;
}

/** The project against bare Eleventy on the repeated campaign, at the largest size. */
interface RepeatedFigures {
  pages: number;
  project: Summary;
  bare: Summary;
  ratio: Summary;
  cpuRatio: Summary;
}

export interface BuildFigures {
  config: BuildBenchConfig;
  sizes: SizeFigures[];
  headline: SizeFigures;
  repeated: RepeatedFigures | undefined;
  /** Marginal time per page in the last step over that in the first step: ~1 is linear. */
  growth: number | undefined;
  /** A CPU profile of one project build: open it in Chrome DevTools (Performance tab) for the call tree. */
  profile: string | undefined;
}

const CHILD_DIR = join(import.meta.dirname, "children");

export async function benchBuild(options: BenchOptions, config: BuildBenchConfig = options.quick ? BUILD_QUICK : BUILD_DEFAULTS): Promise<BenchReport<BuildFigures>> {
  const sizes: SizeFigures[] = [];
  let profile: BuildFigures["profile"];
  let repeated: RepeatedFigures | undefined;
  for (const [i, sections] of config.sizes.entries()) {
    const isHeadline = i === config.sizes.length - 1;
    const project = createSyntheticProject(options.root, { sections, locales: config.locales });
    const bare = prepareBareInput(project.root, project.locales, "bare");
    const i18n = prepareBareInput(project.root, project.locales, "i18n");
    try {
      const sides = [() => buildSiteCommand(project.root, COLD), () => buildOnce("buildBare.ts", bare.dir), () => buildOnce("buildBare.ts", i18n.dir)];
      options.log(`build: ${sections} sections x ${config.locales} locales, ${config.runs} rounds of project · bare Eleventy · Eleventy + I18nPlugin, in rotation`);
      // The command's bundle made (or found fresh) before any run is timed.
      if (i === 0) await buildSiteCommand(project.root, COLD);
      if (config.warmup) await rotate(1, sides);
      const [projectRuns, bareRuns, i18nRuns] = await rotate(config.runs, sides);
      sizes.push(figuresFor(sections, config.locales, projectRuns!, bareRuns!, i18nRuns!, sizes.at(-1)));
      if (isHeadline) sizes.at(-1)!.warm = await benchWarm(options, config, project.root, project.sectionFiles, bare.dir);
      const ratio = sizes.at(-1)!.ratio.median;
      if (isHeadline && (config.profile === true || (config.profile === "if-missed" && ratio > BUILD_TARGET_RATIO))) {
        options.log(`build: profiling one project build (ratio ${times(ratio)})`);
        profile = await profileBuild(options.root, project.root);
      }
    } finally {
      i18n.remove();
      bare.remove();
      project.remove();
    }
    if (isHeadline && config.repeated) repeated = await benchRepeated(options, config, sections);
  }
  const headline = sizes.at(-1)!;
  const steps = sizes.map((s) => s.projectMarginalMsPerPage).filter((m): m is number => m !== undefined);
  const growth = steps.length >= 2 ? steps.at(-1)! / steps[0]! : undefined;
  return {
    name: "build",
    title: `Build at scale: project pipeline vs bare Eleventy and Eleventy + I18nPlugin (${headline.sections} sections x ${headline.locales} locales)`,
    tables: [sizeTable(sizes), ...(repeated ? [repeatedTable(repeated)] : [])],
    targets: buildTargets(headline),
    facts: [
      {
        what: `build time, project · bare Eleventy · Eleventy + I18nPlugin (${sizes.map((s) => s.pages).join(" / ")} pages)`,
        measured: sizes.map((s) => `${seconds(s.project.median)} · ${seconds(s.bare.median)} · ${seconds(s.i18n.median)}`).join(" / "),
      },
      {
        what: "marginal time per page, project · bare (each step up in size)",
        measured:
          sizes
            .filter((s) => s.projectMarginalMsPerPage !== undefined)
            .map((s) => `${s.projectMarginalMsPerPage!.toFixed(2)} · ${s.bareMarginalMsPerPage!.toFixed(2)} ms`)
            .join(" / ") || "(one size only)",
      },
      {
        what: `peak memory at ${headline.pages} pages, project · bare · Eleventy + I18nPlugin (median of the processes)`,
        measured: `${mib(headline.projectMaxRssKb.median)} · ${mib(headline.bareMaxRssKb.median)} · ${mib(headline.i18nMaxRssKb.median)}`,
      },
      ...(repeated
        ? [
            {
              what: `repeated campaign (the 8 real sections again and again), ${repeated.pages} pages: project vs bare Eleventy`,
              measured: `${spread(repeated.ratio, times)} (CPU time ${times(repeated.cpuRatio.median)})`,
            },
          ]
        : []),
    ],
    notes: [
      "Each build runs in its own Node process; its time covers loading Eleventy and the code, building and writing. The project's build is npm run build:site as the command runs it (node scripts/run.mjs build --site-only, from its bundle): reading and checking the project, the publish gate, the translation status page and the HTML pages. The yardsticks run through node --import tsx.",
      "The campaign: distinct sections, each modelled on a real one (its length ±25 % and its mix of blocks), words drawn from the real English by a seeded generator; Arabic-script locales by a word map into real Arabic words, the others pseudo-translated (scripts/bench/syntheticProject.ts).",
      "Bare Eleventy: the same .md files, Eleventy's default markdown-it (no containers, no citation isolation), a one-line Nunjucks layout, no i18n, no site model. Eleventy + I18nPlugin: the same files under /<locale>/, a layout with lang and dir, hreflang alternates and a language switcher from locale_links, a locale_url link and the locale's UI strings from directory data.",
      "The three builds run in rotation (project, bare, I18nPlugin; then bare, I18nPlugin, project; …); each ratio compares the runs of one round.",
      "Marginal ms/page: the extra time per extra page since the size above, from the medians. Equal steps mean the build grows linearly; ms/page alone falls with size because start-up is paid once." +
        (growth === undefined ? "" : ` Last step over first: ${times(growth)}.`),
      ...(profile ? [`CPU profile of one project build: ${profile} (open it in Chrome DevTools, Performance tab).`] : []),
      "CPU ratio: the same rounds by CPU time (user + system) of each process, which other work on the machine disturbs less than wall time. Peak memory: each process's maxRSS (process.resourceUsage()).",
    ],
    figures: { config, sizes, headline, repeated, growth, profile },
  };
}

/**
 * Warm build:site against bare Eleventy (cold), alternately: first with nothing changed since the
 * build that filled the cache, then with one English section's body edited before each build (a
 * different section each time: its page, its translations' stale notices, the status page).
 */
async function benchWarm(options: BenchOptions, config: BenchConfigRuns, root: string, sectionFiles: readonly string[], bareDir: string): Promise<WarmFigures> {
  options.log(`build: warm build:site, nothing changed, then one English section changed · bare Eleventy, ${config.runs} pairs each`);
  await buildSiteCommand(root, WARM);
  const bare = () => buildOnce("buildBare.ts", bareDir);
  const unchanged = await alternate(config.runs, () => buildSiteCommand(root, WARM), bare);
  const english = sectionFiles.filter((file) => file.startsWith("content/en/"));
  let edits = 0;
  const edited = await alternate(
    config.runs,
    () => {
      // Words added at the end of the body: a new English version, as an editor's fix makes.
      appendFileSync(join(root, english[edits++ % english.length]!), `\nAn edit, number ${edits}.\n`);
      return buildSiteCommand(root, WARM);
    },
    bare,
  );
  const ms = (runs: ChildRun[]) => runs.map((r) => r.ms);
  return {
    unchanged: summarize(ms(unchanged.a)),
    unchangedRatio: pairedRatios(ms(unchanged.a), ms(unchanged.b)),
    edited: summarize(ms(edited.a)),
    editedRatio: pairedRatios(ms(edited.a), ms(edited.b)),
  };
}

type BenchConfigRuns = Pick<BuildBenchConfig, "runs">;

/** The repeated campaign at the largest size: the project against bare Eleventy, alternately. */
async function benchRepeated(options: BenchOptions, config: BuildBenchConfig, sections: number): Promise<RepeatedFigures> {
  const project = createSyntheticProject(options.root, { sections, locales: config.locales, kind: "repeated" });
  const bare = prepareBareInput(project.root, project.locales, "bare");
  try {
    options.log(`build: the repeated campaign, ${sections} sections x ${config.locales} locales, ${config.runs} pairs of project · bare Eleventy`);
    const runs = await alternate(
      config.runs,
      () => buildSiteCommand(project.root, COLD),
      () => buildOnce("buildBare.ts", bare.dir),
    );
    return {
      pages: sections * config.locales,
      project: summarize(runs.a.map((r) => r.ms)),
      bare: summarize(runs.b.map((r) => r.ms)),
      ratio: pairedRatios(
        runs.a.map((r) => r.ms),
        runs.b.map((r) => r.ms),
      ),
      cpuRatio: pairedRatios(
        runs.a.map((r) => r.cpuMs),
        runs.b.map((r) => r.cpuMs),
      ),
    };
  } finally {
    bare.remove();
    project.remove();
  }
}

async function buildOnce(script: string, cwd: string): Promise<ChildRun> {
  const output = mkdtempSync(join(tmpdir(), "pledge-bench-out-"));
  try {
    return await runChild(join(CHILD_DIR, script), [cwd, output], { cwd });
  } finally {
    rmSync(output, { recursive: true, force: true });
  }
}

/**
 * npm run build:site in the project at `root`, as the command runs it (node scripts/run.mjs build
 * --site-only, from the command's bundle), into a folder of its own; timed from its start to its
 * exit by a preloaded module (children/reportAtExit.mjs), as the yardsticks time themselves.
 */
async function buildSiteCommand(root: string, env: Record<string, string>, nodeArgs: string[] = []): Promise<ChildRun> {
  const output = mkdtempSync(join(tmpdir(), "pledge-bench-out-"));
  try {
    return await runChild(join(root, "scripts", "run.mjs"), ["build", "--site-only"], {
      cwd: root,
      env: { ...env, SITE_DIR: output },
      tsx: false,
      nodeArgs: [...nodeArgs, "--import", pathToFileURL(join(CHILD_DIR, "reportAtExit.mjs")).href],
    });
  } finally {
    rmSync(output, { recursive: true, force: true });
  }
}

function figuresFor(sections: number, locales: number, project: ChildRun[], bare: ChildRun[], i18n: ChildRun[], previous: SizeFigures | undefined): SizeFigures {
  const pages = sections * locales;
  const p = summarize(project.map((r) => r.ms));
  const b = summarize(bare.map((r) => r.ms));
  const marginal = (now: number, before: number | undefined) => (previous && before !== undefined ? (now - before) / (pages - previous.pages) : undefined);
  const paired = (of: (r: ChildRun) => number, other: ChildRun[]) => pairedRatios(project.map(of), other.map(of));
  return {
    sections,
    locales,
    pages,
    project: p,
    bare: b,
    i18n: summarize(i18n.map((r) => r.ms)),
    ratio: paired((r) => r.ms, bare),
    i18nRatio: paired((r) => r.ms, i18n),
    projectCpu: summarize(project.map((r) => r.cpuMs)),
    bareCpu: summarize(bare.map((r) => r.cpuMs)),
    cpuRatio: paired((r) => r.cpuMs, bare),
    i18nCpuRatio: paired((r) => r.cpuMs, i18n),
    projectMsPerPage: p.median / pages,
    bareMsPerPage: b.median / pages,
    projectMarginalMsPerPage: marginal(p.median, previous?.project.median),
    bareMarginalMsPerPage: marginal(b.median, previous?.bare.median),
    projectMaxRssKb: summarize(project.map((r) => r.maxRssKb)),
    bareMaxRssKb: summarize(bare.map((r) => r.maxRssKb)),
    i18nMaxRssKb: summarize(i18n.map((r) => r.maxRssKb)),
    memoryRatio: paired((r) => r.maxRssKb, bare),
  };
}

function sizeTable(sizes: SizeFigures[]): Table {
  const ms = (n: number | undefined) => (n === undefined ? "" : n.toFixed(2));
  return {
    title: `Median of ${sizes[0]!.project.runs} rounds each (min–max); ratios = project / the other, paired round by round`,
    head: [
      "pages",
      "project",
      "bare Eleventy",
      "Eleventy + I18nPlugin",
      "vs bare",
      "vs I18nPlugin",
      "CPU vs bare · I18nPlugin",
      "ms/page project · bare",
      "marginal ms/page project · bare",
      "peak RSS project · bare · I18nPlugin",
    ],
    rows: sizes.map((s) => [
      String(s.pages),
      spread(s.project, seconds),
      spread(s.bare, seconds),
      spread(s.i18n, seconds),
      spread(s.ratio, times),
      spread(s.i18nRatio, times),
      `${times(s.cpuRatio.median)} · ${times(s.i18nCpuRatio.median)}`,
      `${ms(s.projectMsPerPage)} · ${ms(s.bareMsPerPage)}`,
      s.projectMarginalMsPerPage === undefined ? "" : `${ms(s.projectMarginalMsPerPage)} · ${ms(s.bareMarginalMsPerPage)}`,
      `${mib(s.projectMaxRssKb.max)} · ${mib(s.bareMaxRssKb.max)} · ${mib(s.i18nMaxRssKb.max)}`,
    ]),
  };
}

function repeatedTable(r: RepeatedFigures): Table {
  return {
    title: `The repeated campaign (the 8 real sections again and again: the consistency rule's worst case), ${r.project.runs} pairs`,
    head: ["pages", "project", "bare Eleventy", "vs bare", "CPU vs bare"],
    rows: [[String(r.pages), spread(r.project, seconds), spread(r.bare, seconds), spread(r.ratio, times), times(r.cpuRatio.median)]],
  };
}

/** Issue 27's build targets: those this run measures, and those that wait for the cache. */
function buildTargets(headline: SizeFigures): Target[] {
  const pages = `${headline.pages} pages`;
  return [
    {
      what: `cold build:site at ${pages} vs bare Eleventy`,
      limit: `≤ ${BUILD_TARGET_RATIO}×`,
      measured: `${spread(headline.ratio, times)} (CPU time ${times(headline.cpuRatio.median)})`,
      met: headline.ratio.median <= BUILD_TARGET_RATIO,
    },
    {
      what: `cold build:site at ${pages} vs Eleventy + I18nPlugin`,
      limit: "< 1× (faster)",
      measured: `${spread(headline.i18nRatio, times)} (CPU time ${times(headline.i18nCpuRatio.median)})`,
      met: headline.i18nRatio.median < 1,
    },
    ...warmTargets(headline, pages),
    {
      what: `peak memory at ${pages} vs bare Eleventy`,
      limit: `≤ ${MEMORY_TARGET_RATIO}×`,
      measured: `${spread(headline.memoryRatio, times)} (${mib(headline.projectMaxRssKb.median)} · ${mib(headline.bareMaxRssKb.median)})`,
      met: headline.memoryRatio.median <= MEMORY_TARGET_RATIO,
    },
  ];
}

function warmTargets(headline: SizeFigures, pages: string): Target[] {
  const { warm } = headline;
  const unchanged = `warm build:site at ${pages}, nothing changed, vs bare Eleventy (cold)`;
  const edited = `warm build:site at ${pages}, one English section changed, vs bare Eleventy (cold)`;
  if (!warm) return [notMeasured(unchanged, `≤ ${WARM_TARGET_RATIO}×`, "no headline size"), notMeasured(edited, `≤ ${WARM_EDITED_TARGET_RATIO}×`, "no headline size")];
  return [
    { what: unchanged, limit: `≤ ${WARM_TARGET_RATIO}×`, measured: `${spread(warm.unchangedRatio, times)} (${seconds(warm.unchanged.median)})`, met: warm.unchangedRatio.median <= WARM_TARGET_RATIO },
    { what: edited, limit: `≤ ${WARM_EDITED_TARGET_RATIO}×`, measured: `${spread(warm.editedRatio, times)} (${seconds(warm.edited.median)})`, met: warm.editedRatio.median <= WARM_EDITED_TARGET_RATIO },
  ];
}

async function profileBuild(projectRoot: string, syntheticRoot: string): Promise<string> {
  const dir = join(projectRoot, ".bench", "profiles");
  // Only this run's profile is kept.
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  await buildSiteCommand(syntheticRoot, COLD, ["--cpu-prof", `--cpu-prof-dir=${dir}`]);
  // The module loader's thread (Eleventy's module hooks) writes a profile of its own: the main thread's is the largest.
  const [main, ...others] = readdirSync(dir)
    .filter((f) => f.endsWith(".cpuprofile"))
    .map((f) => join(dir, f))
    .toSorted((a, b) => statSync(b).size - statSync(a).size);
  if (!main) throw new Error(`no CPU profile was written to ${dir}`);
  for (const other of others) rmSync(other);
  const file = join(dir, "build.cpuprofile");
  renameSync(main, file);
  return file;
}
