// Renders every locale's leaflet and fact sheet (all variants) from the print pages of a
// built site into that site's folder: one Chromium for all, several documents at once, a
// cache for unchanged documents, a progress line per document, and each PDF written atomically.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { findChromium } from "../shared/chromium.ts";
import { buildSiteModel } from "../site/index.ts";
import { serveFolder, type StaticServer } from "../shared/staticServer.ts";
import { fontFilesIn, printFontRoutes } from "./fonts.ts";
import { finishPdf } from "./pdfBoxes.ts";
import { browserIdentity, cacheKey, PdfCache, rendererIdentity, writeAtomically } from "./pdfCache.ts";
import { checkPdfFonts } from "./pdfFonts.ts";
import { DEFAULT_SLOTS, openPdfRenderer, PdfRenderError, type PagedLayout, type PdfRenderer } from "./pdfRenderer.ts";
import { DOCUMENT_RULES, pdfPath, PRINT_VARIANTS, printPagePath, type PrintVariant } from "./variants.ts";

export const DEFAULT_TIMEOUT_MS = 60_000;
const PRINT_ASSETS = "/assets/print/";

export interface PdfJob {
  locale: string;
  variant: PrintVariant;
  /** The print page, as a path on the site (/en/print/leaflet/). */
  pagePath: string;
  htmlFile: string;
  target: string;
  label: string;
}

export interface PdfResult {
  job: PdfJob;
  pages: number;
  bytes: number;
  ms: number;
  cached: boolean;
  /** URLs the print page requested while rendering (empty when cached). */
  requests: string[];
}

/** What a PDF build did: every document's result, and the counts the build's closing line prints. */
export interface PdfBuild {
  /** One per document, in the order of the jobs (cached or rendered). */
  results: PdfResult[];
  rendered: number;
  cached: number;
  seconds: number;
  /** Documents rendered at once (0 when everything came from the cache). */
  slots: number;
}

export interface BuildPdfsOptions {
  root: string;
  /** A built site: print pages in, PDFs out. */
  siteDir: string;
  /** false: render everything, store nothing. */
  cacheDir?: string | false;
  timeoutMs?: number;
  log?: (line: string) => void;
  /** Render only some documents (tests). */
  filter?: (job: PdfJob) => boolean;
  /** Documents rendered at once (default: sized to the machine, see pdfRenderer.ts). */
  slots?: number;
  /** Called once Chromium runs (tests watch its process). */
  onRenderer?: (renderer: PdfRenderer) => void;
  /** Finds the browser (default: findChromium()). */
  findBrowser?: () => string;
  /** The locales to print (default: read the project at `root`); npm run build passes what it read. */
  locales?: string[];
  /** More to render in the same browser session after the PDFs (the share cards). */
  alsoRender?: BrowserTask[];
}

export interface BrowserTask {
  /** False when everything came from the cache: no browser is started for it. */
  readonly pending: boolean;
  /** Paths on the loopback server its pages may load, besides the print assets. */
  readonly allowedPaths: readonly string[];
  render(renderer: PdfRenderer, origin: string): Promise<void>;
}

export function pdfJobs(root: string, siteDir: string, codes?: string[]): PdfJob[] {
  const locales = codes?.map((code) => ({ code })) ?? buildSiteModel(root).locales;
  return locales.flatMap((locale) =>
    PRINT_VARIANTS.map((variant) => {
      const pagePath = printPagePath(locale.code, variant);
      return {
        locale: locale.code,
        variant,
        pagePath,
        htmlFile: join(siteDir, pagePath, "index.html"),
        target: join(siteDir, pdfPath(locale.code, variant)),
        label: `${locale.code}/${variant.file}`,
      };
    }),
  );
}

export async function buildPdfs(options: BuildPdfsOptions): Promise<PdfBuild> {
  const log = options.log ?? ((line: string) => console.log(line));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const jobs = pdfJobs(options.root, options.siteDir, options.locales).filter(options.filter ?? (() => true));
  for (const job of jobs) {
    if (!existsSync(job.htmlFile)) {
      throw new PdfRenderError(`the print page ${job.pagePath} is missing from ${options.siteDir}\n  → build the HTML first: npm run build (or npm run build:site, then npm run pdf)`);
    }
  }
  const cache = options.cacheDir === false ? undefined : new PdfCache(options.cacheDir ?? join(options.root, ".cache", "pdf"));
  let browser = "none";
  try {
    browser = browserIdentity((options.findBrowser ?? findChromium)());
  } catch {
    // No browser: nothing is cached under "none", so rendering reports the missing browser.
  }
  const renderer = rendererIdentity(options.root);
  const keys = new Map(
    jobs.map((job) => {
      const html = readFileSync(job.htmlFile);
      return [job, cacheKey({ html, assetsDir: join(options.siteDir, PRINT_ASSETS), fonts: fontFilesIn(html.toString("utf8")), variant: job.variant, browser }, renderer)];
    }),
  );

  const started = performance.now();
  let usedSlots = 0;
  const results: PdfResult[] = [];
  const toRender: PdfJob[] = [];
  for (const job of jobs) {
    const hit = cache?.get(keys.get(job)!);
    if (!hit) {
      toRender.push(job);
      continue;
    }
    writeAtomically(job.target, hit.bytes);
    results.push({ job, pages: hit.pages, bytes: hit.bytes.length, ms: 0, cached: true, requests: [] });
    log(progressLine(job, hit.pages, hit.bytes.length, "cached"));
  }

  const tasks = (options.alsoRender ?? []).filter((task) => task.pending);
  if (toRender.length > 0 || tasks.length > 0) {
    let server: StaticServer | undefined;
    let pdfRenderer: PdfRenderer | undefined;
    try {
      server = await serveFolder(options.siteDir, 0, printFontRoutes());
      const allowedPaths = [PRINT_ASSETS, ...new Set(toRender.map((j) => j.pagePath)), ...tasks.flatMap((task) => task.allowedPaths)];
      const slots = Math.min(options.slots ?? DEFAULT_SLOTS, toRender.length);
      pdfRenderer = await openPdfRenderer({ origin: server.url, allowedPaths, timeoutMs, slots, findBrowser: options.findBrowser });
      options.onRenderer?.(pdfRenderer);
      usedSlots = pdfRenderer.slots;
      const renderer = pdfRenderer;
      const origin = server.url;
      // Every document at once: the renderer runs as many as it has slots, the rest wait.
      const failures: unknown[] = [];
      await Promise.all(
        toRender.map(async (job) => {
          try {
            const result = await renderJob(job, renderer, origin);
            if (failures.length > 0) return;
            cache?.put(keys.get(job)!, { bytes: result.bytes, pages: result.pages });
            writeAtomically(job.target, result.bytes);
            results.push(result.result);
            log(progressLine(job, result.pages, result.bytes.length, `${(result.result.ms / 1000).toFixed(1)} s`));
          } catch (error) {
            // The first failure stops the others, and the build fails with it.
            failures.push(error);
            await renderer.close();
          }
        }),
      );
      if (failures.length > 0) throw failures.find((e) => !(e instanceof PdfRenderError && e.stoppedByOther)) ?? failures[0];
      for (const task of tasks) await task.render(renderer, origin);
    } finally {
      await pdfRenderer?.close();
      await server?.close();
    }
  }
  cache?.prune();
  const rendered = results.filter((r) => !r.cached).length;
  const seconds = (performance.now() - started) / 1000;
  log(`  ${results.length} PDFs in ${seconds.toFixed(1)} s (${rendered} rendered in one browser, ${results.length - rendered} from the cache)`);
  return {
    // Same order as the jobs, whatever came from the cache.
    results: jobs.map((job) => results.find((r) => r.job === job)!),
    rendered,
    cached: results.length - rendered,
    seconds,
    slots: usedSlots,
  };
}

async function renderJob(job: PdfJob, renderer: PdfRenderer, origin: string): Promise<{ result: PdfResult; bytes: Uint8Array; pages: number }> {
  const rendered = await renderer.render(`${origin}${job.pagePath}`, job.label);
  const t0 = performance.now();
  checkLayout(job, rendered.layout, readFileSync(job.htmlFile, "utf8"));
  const finished = await finishPdf(rendered.pdf, job.variant, job.locale);
  await checkPdfFonts(finished.bytes, { locale: job.locale, document: job.variant.document, label: job.label, html: readFileSync(job.htmlFile, "utf8") });
  if (finished.pages !== rendered.layout.pages) {
    throw new PdfRenderError(`${job.label}: Paged.js laid out ${rendered.layout.pages} pages but the PDF has ${finished.pages}\n  → look for content wider than the page in the print CSS (templates/assets/print/)`);
  }
  const ms = rendered.ms + performance.now() - t0;
  return { result: { job, pages: finished.pages, bytes: finished.bytes.length, ms, cached: false, requests: rendered.requests }, bytes: finished.bytes, pages: finished.pages };
}

/** Fails the build on content Paged.js dropped or cut off, and on documents of the wrong length. */
export function checkLayout(job: PdfJob, layout: PagedLayout, html: string): void {
  const expected = [...new Set([...html.matchAll(/\sdata-part="([^"]+)"/g)].map((m) => m[1]!))];
  const missing = expected.filter((part) => !layout.parts.includes(part));
  if (!layout.reachedEnd || missing.length > 0) {
    throw new PdfRenderError(
      `${job.label}: Paged.js stopped after page ${layout.pages}; ${missing.length ? `never laid out: ${missing.join(", ")}` : "the end of the document never reached a page"}\n` +
        "  → this is the right-to-left page-flow bug of Paged.js (pagedjs#25, #308): keep the rules under \"Right-to-left under Paged.js\" in templates/assets/print/print.css",
    );
  }
  if (layout.overflowing.length > 0) {
    throw new PdfRenderError(`${job.label}: page ${layout.overflowing.join(", ")} is cut off (content taller or wider than the page)\n  → shorten what content/documents.yml prints, or let the element break (templates/assets/print/)`);
  }
  const rules = DOCUMENT_RULES[job.variant.document];
  if (layout.pages < rules.minPages || layout.pages > rules.maxPages) {
    const allowed = rules.minPages === rules.maxPages ? `exactly ${rules.minPages}` : `${rules.minPages} to ${rules.maxPages}`;
    throw new PdfRenderError(
      `${job.label} came out ${layout.pages} pages; a ${job.variant.document} has ${allowed}\n` +
        `  → change what content/documents.yml prints for "${job.variant.document}" (take: excerpt, and mark fewer or more blocks with ::: excerpt in content/<locale>/<section>.md)`,
    );
  }
}

function progressLine(job: PdfJob, pages: number, bytes: number, time: string): string {
  return `  ${job.locale.padEnd(5)} ${job.variant.file.padEnd(24)} ${String(pages).padStart(2)} pages ${`${Math.round(bytes / 1000)} kB`.padStart(8)}   ${time}`;
}
