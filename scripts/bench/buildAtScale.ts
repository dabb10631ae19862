// Benchmark "build": the project's pipeline against a bare Eleventy over the same markdown,
// on a synthetic campaign (default 500 sections x 4 locales), alternately, in one run.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { prepareBareInput } from "./bareEleventy.ts";
import { runChild, type ChildRun } from "./childProcess.ts";
import { summarizeCpuProfile, type ProfileSummary } from "./cpuProfile.ts";
import type { BenchOptions, BenchReport, Table, Target } from "./report.ts";
import { alternate, mib, pairedRatios, seconds, spread, summarize, times, type Summary } from "./stats.ts";
import { createSyntheticProject } from "./syntheticProject.ts";

export const BUILD_TARGET_RATIO = 1.15;

export interface BuildBenchConfig {
  /** Sections per size, smallest first; the last is the headline size. */
  sizes: number[];
  locales: number;
  runs: number;
  /** One discarded pair first, so neither side pays for a cold disk cache. */
  warmup: boolean;
  /** Profile one extra project build (node --cpu-prof) even if the target is met. */
  profile: boolean;
}

export const BUILD_DEFAULTS: BuildBenchConfig = { sizes: [25, 125, 500], locales: 4, runs: 5, warmup: true, profile: false };
export const BUILD_QUICK: BuildBenchConfig = { sizes: [10, 25, 50], locales: 4, runs: 2, warmup: false, profile: false };

export interface SizeFigures {
  sections: number;
  locales: number;
  /** Section pages (sections x locales); the project also writes homes, 404, sitemap. */
  pages: number;
  project: Summary;
  bare: Summary;
  ratio: Summary;
  projectMsPerPage: number;
  bareMsPerPage: number;
  projectMaxRssKb: Summary;
  bareMaxRssKb: Summary;
}

export interface BuildFigures {
  config: BuildBenchConfig;
  sizes: SizeFigures[];
  headline: SizeFigures;
  /** Time per page at the largest size over time per page at the smallest: ~1 is linear. */
  growth: number;
  profile: ProfileSummary | undefined;
}

const CHILD_DIR = join(import.meta.dirname, "children");

export async function benchBuild(options: BenchOptions, config: BuildBenchConfig = options.quick ? BUILD_QUICK : BUILD_DEFAULTS): Promise<BenchReport<BuildFigures>> {
  const sizes: SizeFigures[] = [];
  let profile: ProfileSummary | undefined;
  for (const [i, sections] of config.sizes.entries()) {
    const isHeadline = i === config.sizes.length - 1;
    const project = createSyntheticProject(options.root, { sections, locales: config.locales });
    const bare = prepareBareInput(project.root, project.locales);
    try {
      const buildProject = () => buildOnce("buildProject.ts", project.root);
      const buildBare = () => buildOnce("buildBare.ts", bare.dir);
      options.log(`build: ${sections} sections x ${config.locales} locales, ${config.runs} runs each, alternating`);
      if (config.warmup) await alternate(1, buildProject, buildBare);
      const runs = await alternate(config.runs, buildProject, buildBare);
      sizes.push(figuresFor(sections, config.locales, runs.a, runs.b));
      const ratio = sizes.at(-1)!.ratio.median;
      if (isHeadline && (config.profile || ratio > BUILD_TARGET_RATIO)) {
        options.log(`build: profiling one project build (ratio ${times(ratio)})`);
        profile = await profileBuild(options.root, project.root);
      }
    } finally {
      bare.remove();
      project.remove();
    }
  }
  const headline = sizes.at(-1)!;
  const growth = headline.projectMsPerPage / sizes[0]!.projectMsPerPage;
  return {
    name: "build",
    title: `Build at scale: project pipeline vs bare Eleventy (${headline.sections} sections x ${headline.locales} locales)`,
    tables: [sizeTable(sizes), ...(profile ? profileTables(profile) : [])],
    targets: buildTargets(headline),
    notes: [
      "Each build runs in its own Node process (node --import tsx); its time covers loading Eleventy and the code, building and writing.",
      "Bare Eleventy: the same .md files, Eleventy's default markdown-it (no containers, no citation isolation), a one-line Nunjucks layout, no i18n, no site model.",
      `Time per page at ${sizes.map((s) => s.pages).join(", ")} pages: growth ${times(growth)} from smallest to largest (about 1× or below is linear; fixed start-up cost makes small sizes dearer per page).`,
    ],
    figures: { config, sizes, headline, growth, profile },
  };
}

async function buildOnce(script: string, cwd: string): Promise<ChildRun> {
  const output = mkdtempSync(join(tmpdir(), "pledge-bench-out-"));
  try {
    return await runChild(join(CHILD_DIR, script), [cwd, output], { cwd });
  } finally {
    rmSync(output, { recursive: true, force: true });
  }
}

function figuresFor(sections: number, locales: number, project: ChildRun[], bare: ChildRun[]): SizeFigures {
  const pages = sections * locales;
  const p = summarize(project.map((r) => r.ms));
  const b = summarize(bare.map((r) => r.ms));
  return {
    sections,
    locales,
    pages,
    project: p,
    bare: b,
    ratio: pairedRatios(project.map((r) => r.ms), bare.map((r) => r.ms)),
    projectMsPerPage: p.median / pages,
    bareMsPerPage: b.median / pages,
    projectMaxRssKb: summarize(project.map((r) => r.maxRssKb)),
    bareMaxRssKb: summarize(bare.map((r) => r.maxRssKb)),
  };
}

function sizeTable(sizes: SizeFigures[]): Table {
  return {
    title: `Median of ${sizes[0]!.project.runs} runs each (min–max); ratio = project / bare, paired run by run`,
    head: ["pages", "project", "bare Eleventy", "ratio", "project ms/page", "bare ms/page", "project peak RSS", "bare peak RSS"],
    rows: sizes.map((s) => [
      String(s.pages),
      spread(s.project, seconds),
      spread(s.bare, seconds),
      spread(s.ratio, times),
      s.projectMsPerPage.toFixed(2),
      s.bareMsPerPage.toFixed(2),
      mib(s.projectMaxRssKb.max),
      mib(s.bareMaxRssKb.max),
    ]),
  };
}

function buildTargets(headline: SizeFigures): Target[] {
  return [
    {
      what: `project build at ${headline.pages} pages vs bare Eleventy`,
      limit: `≤ ${BUILD_TARGET_RATIO}×`,
      measured: spread(headline.ratio, times),
      met: headline.ratio.median <= BUILD_TARGET_RATIO,
    },
  ];
}

async function profileBuild(projectRoot: string, syntheticRoot: string): Promise<ProfileSummary> {
  const dir = join(projectRoot, ".bench", "profiles");
  mkdirSync(dir, { recursive: true });
  const before = new Set(readdirSync(dir));
  const output = mkdtempSync(join(tmpdir(), "pledge-bench-out-"));
  try {
    await runChild(join(CHILD_DIR, "buildProject.ts"), [syntheticRoot, output], { cwd: syntheticRoot, nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${dir}`] });
  } finally {
    rmSync(output, { recursive: true, force: true });
  }
  // The module loader's thread (tsx's hooks) writes a profile of its own: the main thread's is the largest.
  const written = readdirSync(dir)
    .filter((f) => f.endsWith(".cpuprofile") && !before.has(f))
    .map((f) => join(dir, f))
    .sort((a, b) => statSync(b).size - statSync(a).size);
  if (written.length === 0) throw new Error(`no CPU profile was written to ${dir}`);
  return summarizeCpuProfile(written[0]!, projectRoot);
}

function profileTables(profile: ProfileSummary): Table[] {
  const rows = (shares: ProfileSummary["byPlace"]) => shares.map((s) => [s.where, `${(s.ms / 1000).toFixed(2)} s`, `${(s.share * 100).toFixed(0)} %`]);
  return [
    { title: `CPU profile of one project build (${seconds(profile.totalMs)} sampled), self time by package or file`, head: ["where", "self", "share"], rows: rows(profile.byPlace) },
    { title: "Self time by function", head: ["function", "self", "share"], rows: rows(profile.byFunction) },
  ];
}
