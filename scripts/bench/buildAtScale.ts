// Benchmark "build": the project's pipeline against a bare Eleventy over the same markdown,
// on a synthetic campaign (default 500 sections x 4 locales), alternately, in one run.
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { prepareBareInput } from "./bareEleventy.ts";
import { runChild, type ChildRun } from "./childProcess.ts";
import type { BenchOptions, BenchReport, Table, Target } from "./report.ts";
import { alternate, mib, pairedRatios, seconds, spread, summarize, times, type Summary } from "./stats.ts";
import { createSyntheticProject } from "./syntheticProject.ts";

const BUILD_TARGET_RATIO = 1.15;

export interface BuildBenchConfig {
  /** Sections per size, smallest first; the last is the headline size. */
  sizes: number[];
  locales: number;
  runs: number;
  /** One discarded pair first, so neither side pays for a cold disk cache. */
  warmup: boolean;
  /** Profile one extra project build (node --cpu-prof): always, never, or when the target is missed. */
  profile: boolean | "if-missed";
}

export const BUILD_DEFAULTS: BuildBenchConfig = { sizes: [25, 125, 500], locales: 4, runs: 5, warmup: true, profile: "if-missed" };
export const BUILD_QUICK: BuildBenchConfig = { sizes: [10, 25, 50], locales: 4, runs: 2, warmup: false, profile: "if-missed" };
export const BUILD_SMOKE: BuildBenchConfig = { sizes: [3, 5], locales: 2, runs: 1, warmup: false, profile: false };

interface SizeFigures {
  sections: number;
  locales: number;
  /** Section pages (sections x locales); the project also writes homes, 404, sitemap. */
  pages: number;
  project: Summary;
  bare: Summary;
  ratio: Summary;
  /** CPU time (user + system) of each build process, and its paired ratio. */
  projectCpu: Summary;
  bareCpu: Summary;
  cpuRatio: Summary;
  projectMsPerPage: number;
  bareMsPerPage: number;
  /** Extra time per extra page from the size before (median times): flat when growth is linear. */
  projectMarginalMsPerPage: number | undefined;
  bareMarginalMsPerPage: number | undefined;
  projectMaxRssKb: Summary;
  bareMaxRssKb: Summary;
}

export interface BuildFigures {
  config: BuildBenchConfig;
  sizes: SizeFigures[];
  headline: SizeFigures;
  /** Marginal time per page in the last step over that in the first step: ~1 is linear. */
  growth: number | undefined;
  /** A CPU profile of one project build: open it in Chrome DevTools (Performance tab) for the call tree. */
  profile: string | undefined;
}

const CHILD_DIR = join(import.meta.dirname, "children");

export async function benchBuild(options: BenchOptions, config: BuildBenchConfig = options.quick ? BUILD_QUICK : BUILD_DEFAULTS): Promise<BenchReport<BuildFigures>> {
  const sizes: SizeFigures[] = [];
  let profile: BuildFigures["profile"];
  for (const [i, sections] of config.sizes.entries()) {
    const isHeadline = i === config.sizes.length - 1;
    const project = createSyntheticProject(options.root, { sections, locales: config.locales });
    const bare = prepareBareInput(project.root, project.locales);
    try {
      const buildProject = () => buildOnce("buildProject.ts", project.root, ["--site-only"]);
      const buildBare = () => buildOnce("buildBare.ts", bare.dir);
      options.log(`build: ${sections} sections x ${config.locales} locales, ${config.runs} runs each, alternating`);
      if (config.warmup) await alternate(1, buildProject, buildBare);
      const runs = await alternate(config.runs, buildProject, buildBare);
      sizes.push(figuresFor(sections, config.locales, runs.a, runs.b, sizes.at(-1)));
      const ratio = sizes.at(-1)!.ratio.median;
      if (isHeadline && (config.profile === true || (config.profile === "if-missed" && ratio > BUILD_TARGET_RATIO))) {
        options.log(`build: profiling one project build (ratio ${times(ratio)})`);
        profile = await profileBuild(options.root, project.root);
      }
    } finally {
      bare.remove();
      project.remove();
    }
  }
  const headline = sizes.at(-1)!;
  const steps = sizes.map((s) => s.projectMarginalMsPerPage).filter((m): m is number => m !== undefined);
  const growth = steps.length >= 2 ? steps.at(-1)! / steps[0]! : undefined;
  return {
    name: "build",
    title: `Build at scale: project pipeline vs bare Eleventy (${headline.sections} sections x ${headline.locales} locales)`,
    tables: [sizeTable(sizes)],
    targets: buildTargets(headline),
    facts: [
      {
        what: `build time, project · bare Eleventy (${sizes.map((s) => s.pages).join(" / ")} pages)`,
        measured: sizes.map((s) => `${seconds(s.project.median)} · ${seconds(s.bare.median)}`).join(" / "),
      },
      {
        what: "marginal time per page, project · bare (each step up in size)",
        measured:
          sizes
            .filter((s) => s.projectMarginalMsPerPage !== undefined)
            .map((s) => `${s.projectMarginalMsPerPage!.toFixed(2)} · ${s.bareMarginalMsPerPage!.toFixed(2)} ms`)
            .join(" / ") || "(one size only)",
      },
      { what: `peak memory at ${headline.pages} pages, project · bare`, measured: `${mib(headline.projectMaxRssKb.max)} · ${mib(headline.bareMaxRssKb.max)}` },
    ],
    notes: [
      "Each build runs in its own Node process (node --import tsx); its time covers loading Eleventy and the code, building and writing. The project's build is npm run build:site: reading and checking the project, the publish gate, the translation status page, the HTML pages and the print pages.",
      "Bare Eleventy: the same .md files, Eleventy's default markdown-it (no containers, no citation isolation), a one-line Nunjucks layout, no i18n, no site model.",
      "Marginal ms/page: the extra time per extra page since the size above, from the medians. Equal steps mean the build grows linearly; ms/page alone falls with size because start-up is paid once." +
        (growth === undefined ? "" : ` Last step over first: ${times(growth)}.`),
      ...(profile ? [`CPU profile of one project build: ${profile} (open it in Chrome DevTools, Performance tab).`] : []),
      "CPU ratio: the same pairs by CPU time (user + system) of each process, which other work on the machine disturbs less than wall time.",
    ],
    figures: { config, sizes, headline, growth, profile },
  };
}

async function buildOnce(script: string, cwd: string, args: string[] = []): Promise<ChildRun> {
  const output = mkdtempSync(join(tmpdir(), "pledge-bench-out-"));
  try {
    return await runChild(join(CHILD_DIR, script), [cwd, output, ...args], { cwd });
  } finally {
    rmSync(output, { recursive: true, force: true });
  }
}

function figuresFor(sections: number, locales: number, project: ChildRun[], bare: ChildRun[], previous: SizeFigures | undefined): SizeFigures {
  const pages = sections * locales;
  const p = summarize(project.map((r) => r.ms));
  const b = summarize(bare.map((r) => r.ms));
  const marginal = (now: number, before: number | undefined) => (previous && before !== undefined ? (now - before) / (pages - previous.pages) : undefined);
  return {
    sections,
    locales,
    pages,
    project: p,
    bare: b,
    ratio: pairedRatios(
      project.map((r) => r.ms),
      bare.map((r) => r.ms),
    ),
    projectCpu: summarize(project.map((r) => r.cpuMs)),
    bareCpu: summarize(bare.map((r) => r.cpuMs)),
    cpuRatio: pairedRatios(
      project.map((r) => r.cpuMs),
      bare.map((r) => r.cpuMs),
    ),
    projectMsPerPage: p.median / pages,
    bareMsPerPage: b.median / pages,
    projectMarginalMsPerPage: marginal(p.median, previous?.project.median),
    bareMarginalMsPerPage: marginal(b.median, previous?.bare.median),
    projectMaxRssKb: summarize(project.map((r) => r.maxRssKb)),
    bareMaxRssKb: summarize(bare.map((r) => r.maxRssKb)),
  };
}

function sizeTable(sizes: SizeFigures[]): Table {
  const ms = (n: number | undefined) => (n === undefined ? "" : n.toFixed(2));
  return {
    title: `Median of ${sizes[0]!.project.runs} runs each (min–max); ratios = project / bare, paired run by run`,
    head: ["pages", "project", "bare Eleventy", "ratio", "CPU ratio", "ms/page project · bare", "marginal ms/page project · bare", "peak RSS project · bare"],
    rows: sizes.map((s) => [
      String(s.pages),
      spread(s.project, seconds),
      spread(s.bare, seconds),
      spread(s.ratio, times),
      spread(s.cpuRatio, times),
      `${ms(s.projectMsPerPage)} · ${ms(s.bareMsPerPage)}`,
      s.projectMarginalMsPerPage === undefined ? "" : `${ms(s.projectMarginalMsPerPage)} · ${ms(s.bareMarginalMsPerPage)}`,
      `${mib(s.projectMaxRssKb.max)} · ${mib(s.bareMaxRssKb.max)}`,
    ]),
  };
}

function buildTargets(headline: SizeFigures): Target[] {
  return [
    {
      what: `project build at ${headline.pages} pages vs bare Eleventy`,
      limit: `≤ ${BUILD_TARGET_RATIO}×`,
      measured: `${spread(headline.ratio, times)} (CPU time ${times(headline.cpuRatio.median)})`,
      met: headline.ratio.median <= BUILD_TARGET_RATIO,
    },
  ];
}

async function profileBuild(projectRoot: string, syntheticRoot: string): Promise<string> {
  const dir = join(projectRoot, ".bench", "profiles");
  // Only this run's profile is kept.
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const output = mkdtempSync(join(tmpdir(), "pledge-bench-out-"));
  try {
    await runChild(join(CHILD_DIR, "buildProject.ts"), [syntheticRoot, output, "--site-only"], { cwd: syntheticRoot, nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${dir}`] });
  } finally {
    rmSync(output, { recursive: true, force: true });
  }
  // The module loader's thread (tsx's hooks) writes a profile of its own: the main thread's is the largest.
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
