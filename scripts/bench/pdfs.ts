// Benchmark "pdf": every document of the real site rendered by the project's pipeline (one
// browser, a pool of pages rendering several at once) against one pagedjs-cli process per
// document, alternately; then a second `npm run build` with nothing changed, where every PDF
// should come from the cache.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { findChromium, HEADLESS_ARGS } from "../shared/chromium.ts";
import { pdfJobs, type PdfJob } from "../render/index.ts";
import { printFontRoutes } from "../print/index.ts";
import { serveFolder } from "../shared/staticServer.ts";
import { runChild, runCommand } from "./childProcess.ts";
import type { BenchOptions, BenchReport, Table, Target } from "./report.ts";
import { alternate, pairedRatios, seconds, spread, summarize, times, type Summary } from "./stats.ts";
import { CAMPAIGN_FILES, linkCode } from "./projectFiles.ts";

/** A second npm run build of the real project with nothing changed (issue 27). */
const REBUILD_TARGET_MS = 2000;
/** The pool against a pagedjs-cli process per document, paired run by run. */
const SPEED_UP_TARGET = 2.5;

export interface PdfBenchConfig {
  runs: number;
  /** Builds timed after the first (cold) one; 0 leaves the cache measurement out. */
  rebuildRuns: number;
  /** Only this locale's documents (a smaller smoke run); all locales when undefined. */
  locale: string | undefined;
  /** At most this many documents (tests); all when undefined. */
  maxDocuments?: number;
  timeoutMs: number;
}

const PDF_DEFAULTS: PdfBenchConfig = { runs: 3, rebuildRuns: 3, locale: undefined, timeoutMs: 120_000 };
const PDF_QUICK: PdfBenchConfig = { runs: 1, rebuildRuns: 1, locale: "en", timeoutMs: 120_000 };
const PDF_SMOKE: PdfBenchConfig = { runs: 1, rebuildRuns: 0, locale: "en", maxDocuments: 1, timeoutMs: 120_000 };

export interface PdfFigures {
  config: PdfBenchConfig;
  documents: number;
  pages: number;
  /** Documents the pool rendered at once. */
  slots: number;
  pool: Summary;
  processPerDocument: Summary;
  /** Time of the process per document over that of the pool, paired run by run. */
  ratio: Summary;
  poolDocsPerSecond: number;
  processPerDocumentDocsPerSecond: number;
  poolMaxRssKb: number;
  /** Left out when the configuration times no rebuild. */
  rebuilds: Rebuilds | undefined;
}

interface Rebuilds {
  firstBuild: { ms: number; rendered: number; cached: number };
  rebuild: Summary;
  rebuildCache: { documents: number; rendered: number; cached: number }[];
}

const CHILD = join(import.meta.dirname, "children", "renderPdfs.ts");
/** pagedjs-cli's command (its "bin"), next to its main module. */
const pagedjsCliPath = () => join(dirname(createRequire(import.meta.url).resolve("pagedjs-cli")), "cli.js");

export async function benchPdfs(options: BenchOptions, config: PdfBenchConfig = options.smoke ? PDF_SMOKE : options.quick ? PDF_QUICK : PDF_DEFAULTS): Promise<BenchReport<PdfFigures>> {
  const siteDir = mkdtempSync(join(tmpdir(), "pledge-bench-site-"));
  const pdfOut = mkdtempSync(join(tmpdir(), "pledge-bench-pagedjs-"));
  const server = await serveFolder(siteDir, 0, printFontRoutes());
  try {
    options.log("pdf: building the real site (HTML) into a temp folder");
    await runChild(join(import.meta.dirname, "children", "buildProject.ts"), [options.root, siteDir], { cwd: options.root });
    const jobs = pdfJobs(options.root, siteDir)
      .filter((j) => !config.locale || j.locale === config.locale)
      .slice(0, config.maxDocuments);
    if (jobs.length === 0) throw new Error("the real site has no printed documents to render");
    const browser = findChromium();
    options.log(`pdf: ${jobs.length} documents, ${config.runs} runs of each method, alternating`);

    const pool = () => runChild(CHILD, [options.root, siteDir, String(config.timeoutMs), jobs.map((j) => j.label).join(",")], { cwd: options.root, timeoutMs: config.timeoutMs * jobs.length });
    const perDocument = async () => {
      const started = performance.now();
      for (const job of jobs) await pagedjsCli(job, `${server.url}${job.pagePath}`, join(pdfOut, `${job.locale}-${job.variant.file}`), browser, config.timeoutMs);
      return performance.now() - started;
    };
    type Run = { ms: number; maxRssKb: number; pages: number; slots: number };
    const runs = await alternate<Run>(
      config.runs,
      async () => {
        const run = await pool();
        return { ms: run.ms, maxRssKb: run.maxRssKb, pages: Number(run.pages), slots: Number(run.slots) };
      },
      async () => ({ ms: await perDocument(), maxRssKb: 0, pages: 0, slots: 1 }),
    );

    let rebuilt: Rebuilds | undefined;
    if (config.rebuildRuns > 0) {
      options.log(`pdf: npm run build in a temp project, then ${config.rebuildRuns} more with nothing changed`);
      rebuilt = await timeRebuilds(options.root, config);
    }

    const a = summarize(runs.a.map((r) => r.ms));
    const b = summarize(runs.b.map((r) => r.ms));
    const figures: PdfFigures = {
      config,
      documents: jobs.length,
      pages: runs.a[0]!.pages,
      slots: runs.a[0]!.slots,
      pool: a,
      processPerDocument: b,
      ratio: pairedRatios(
        runs.b.map((r) => r.ms),
        runs.a.map((r) => r.ms),
      ),
      poolDocsPerSecond: jobs.length / (a.median / 1000),
      processPerDocumentDocsPerSecond: jobs.length / (b.median / 1000),
      poolMaxRssKb: Math.max(...runs.a.map((r) => r.maxRssKb)),
      rebuilds: rebuilt,
    };
    const poolName = `one browser, ${figures.slots} documents at once`;
    const targets: Target[] = [
      {
        what: `${jobs.length} PDFs: ${poolName} vs a pagedjs-cli process per document`,
        limit: `≥ ${SPEED_UP_TARGET}× faster`,
        measured: `${spread(figures.ratio, times)} faster; ${seconds(a.median, 1)} vs ${seconds(b.median, 1)} (${figures.poolDocsPerSecond.toFixed(2)} vs ${figures.processPerDocumentDocsPerSecond.toFixed(2)} documents/s)`,
        met: figures.ratio.median >= SPEED_UP_TARGET,
      },
    ];
    const tables: Table[] = [
      {
        title: `Median of ${config.runs} runs each (min–max); speed-up = process per document / pool, paired run by run`,
        head: ["method", "time", "documents/s", "speed-up", "peak RSS (Node)"],
        rows: [
          [`project pipeline: ${poolName} (scripts/render/)`, spread(a, seconds), figures.poolDocsPerSecond.toFixed(2), spread(figures.ratio, times), `${(figures.poolMaxRssKb / 1024).toFixed(0)} MB`],
          ["one pagedjs-cli process per document", spread(b, seconds), figures.processPerDocumentDocsPerSecond.toFixed(2), "1.00×", ""],
        ],
      },
    ];
    if (rebuilt) {
      const { firstBuild, rebuild, rebuildCache } = rebuilt;
      const allCached = rebuildCache.every((c) => c.rendered === 0 && c.cached === c.documents && c.documents > 0);
      targets.push({
        what: "second npm run build, nothing changed",
        limit: `< ${seconds(REBUILD_TARGET_MS, 0)}, every PDF from the cache`,
        measured: `${spread(rebuild, seconds)}; ${rebuildCache.map((c) => `${c.cached}/${c.documents} cached`).join(", ")}`,
        met: rebuild.median < REBUILD_TARGET_MS && allCached,
      });
      tables.push({
        title: "npm run build (its steps, scripts/build/buildAll.ts, in a fresh Node process) in a temp copy of the project",
        head: ["build", "time", "PDFs rendered", "PDFs from the cache"],
        rows: [
          ["first, empty cache", seconds(firstBuild.ms), String(firstBuild.rendered), String(firstBuild.cached)],
          [`again, nothing changed (${config.rebuildRuns} runs)`, spread(rebuild, seconds), rebuildCache.map((c) => c.rendered).join(", "), rebuildCache.map((c) => c.cached).join(", ")],
        ],
      });
    }
    return {
      name: "pdf",
      title: `PDFs: ${jobs.length} documents (${figures.pages} pages) of the real site`,
      tables,
      targets,
      facts: [],
      notes: [
        "The project pipeline also checks each layout (pages, parts, overflow) and sets the PDF boxes with pdf-lib; pagedjs-cli only renders.",
        "Build times are of the node process (scripts/build/buildAll.ts, what npm run build runs); `npm run` adds its own start-up (about 0.2 to 0.4 s here).",
      ],
      figures,
    };
  } finally {
    await server.close();
    rmSync(siteDir, { recursive: true, force: true });
    rmSync(pdfOut, { recursive: true, force: true });
  }
}

async function pagedjsCli(job: PdfJob, url: string, output: string, browser: string, timeoutMs: number): Promise<void> {
  // A profile folder of our own: left to itself, Puppeteer leaves one behind in /tmp per run.
  const profile = mkdtempSync(join(tmpdir(), "pledge-bench-chromium-"));
  const args = [...HEADLESS_ARGS.filter((a) => !a.startsWith("--headless")), `--user-data-dir=${profile}`].join(",");
  try {
    const run = await runCommand(pagedjsCliPath(), [url, "-o", output, "--timeout", String(timeoutMs), "--outline-tags", "h1,h2,h3", `--browserArgs=${args}`], {
      cwd: dirname(output),
      env: { PUPPETEER_EXECUTABLE_PATH: browser, PUPPETEER_SKIP_DOWNLOAD: "1" },
      timeoutMs: timeoutMs + 30_000,
    });
    if (run.status !== 0) throw new Error(`pagedjs-cli failed on ${job.label} (exit ${run.status}):\n${(run.stderr || run.stdout).slice(-2000)}`);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

async function timeRebuilds(root: string, config: PdfBenchConfig): Promise<Rebuilds> {
  const copy = mkdtempSync(join(tmpdir(), "pledge-bench-project-"));
  try {
    // The project's own code and content, linked: the temp copy writes only _site/ and .cache/.
    for (const name of CAMPAIGN_FILES) symlinkSync(join(root, name), join(copy, name));
    linkCode(root, copy);
    mkdirSync(join(copy, ".cache"));
    // The whole process is timed (Node and module loading too), as a person waits for npm run build.
    const build = async () => {
      const run = await runChild(join(import.meta.dirname, "children", "build.ts"), [copy], { cwd: copy, timeoutMs: 15 * 60_000 });
      return { ms: run.wallMs, documents: Number(run.documents), rendered: Number(run.rendered), cached: Number(run.cached) };
    };
    const first = await build();
    const again = [];
    for (let i = 0; i < config.rebuildRuns; i++) again.push(await build());
    return {
      firstBuild: { ms: first.ms, rendered: first.rendered, cached: first.cached },
      rebuild: summarize(again.map((r) => r.ms)),
      rebuildCache: again.map(({ documents, rendered, cached }) => ({ documents, rendered, cached })),
    };
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}
