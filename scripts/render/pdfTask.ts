// The PDF task: every locale's leaflet and fact sheet (all variants), from the print pages of a
// built site into that site's folder. A document whose inputs are unchanged is copied from the
// cache; the rest are rendered in the shared browser session, several at once, each checked
// (layout, page count, fonts), given its press boxes, and written atomically, with a progress line.
// Then the two-up variants content/documents.yml declares are imposed from their source variant's
// finished PDF on their sheet (twoUp.ts), cached by the single file's bytes, the sheet and the code.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { buildSiteModel } from "../site/index.ts";
import { documentOf, fontFilesIn, pdfPath, printPagePath, printVariants, renderedVariants, type PrintVariant } from "../print/index.ts";
import type { DocumentPlan } from "../project/documentList.ts";
import { buildContentKeys, ContentKeys, RenderCache } from "./cache.ts";
import { writeAtomically } from "../shared/contentCache.ts";
import { finishPdf } from "./pdfBoxes.ts";
import { checkPdfFonts } from "./embeddedFonts.ts";
import { pdfPrinter, type PagedLayout, type PdfPrinter } from "./pdfPrinter.ts";
import { PRINT_ASSETS, renderTasks, type RenderTask } from "./renderTasks.ts";
import { RenderError, type RenderSession } from "./session.ts";
import { imposeTwoUp, twoUpKey } from "./twoUp.ts";

const DEFAULT_TIMEOUT_MS = 60_000;

export interface PdfJob {
  locale: string;
  variant: PrintVariant;
  /** The document's page rule, from content/documents.yml. */
  minPages: number;
  maxPages: number;
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

/** A two-up file for home printers, imposed from a finished PDF (scripts/render/twoUp.ts). */
interface TwoUpResult {
  locale: string;
  /** The two-up variant (output "two-up", with its sheet and source variant). */
  variant: PrintVariant;
  target: string;
  pages: number;
  bytes: number;
  ms: number;
  cached: boolean;
}

/** What a PDF build did: every document's result, and the counts the build's closing line prints. */
export interface PdfBuild {
  /** One per document, in the order of the jobs (cached or rendered). */
  results: PdfResult[];
  /** The two-up files made from them, in the same order. */
  twoUps: TwoUpResult[];
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
  /** false: render everything, store nothing. Default: .cache/pdf/, none under PLEDGE_NO_CACHE=1. */
  cacheDir?: string | false;
  timeoutMs?: number;
  log?: (line: string) => void;
  /** Render only some documents (tests). */
  filter?: (job: PdfJob) => boolean;
  /** Documents rendered at once (default: sized to the machine, see session.ts). */
  slots?: number;
  /** Called once Chromium runs (tests watch its process). */
  onRenderer?: (session: RenderSession) => void;
  /** Finds the browser (default: findChromium()). */
  findBrowser?: () => string;
  /** The locales and the print kit (default: read the project at `root`); npm run build passes what it read. */
  locales?: string[];
  documents?: DocumentPlan;
  /** More to render in the same browser session after the PDFs (the share cards). */
  alsoRender?: RenderTask[];
  /** The build's cache keys, shared with the other tasks of the session (default: this call's own). */
  contentKeys?: ContentKeys;
}

/** The PDF cache key's inputs: the print page, the print CSS, its fonts, the variant, the browser. */
interface PdfCacheInputs {
  html: Uint8Array;
  /** The site's print assets folder (CSS), every file of it. */
  assetsDir: string;
  /** The print font files the page declares (in node_modules, not in the site). */
  fonts: readonly string[];
  variant: PrintVariant;
  browser: string;
}

export function cacheKey(inputs: PdfCacheInputs, renderer: string): string {
  return pdfKey(new ContentKeys(renderer, inputs.browser), inputs);
}

function pdfKey(keys: ContentKeys, inputs: Omit<PdfCacheInputs, "browser">): string {
  return keys.key({ settings: `variant ${JSON.stringify(inputs.variant)}`, html: inputs.html, folders: [inputs.assetsDir], fonts: inputs.fonts });
}

/** The locales to print and the print kit: as given (npm run build), else read from the project. */
function localesAndPlan(root: string, codes?: string[], documents?: DocumentPlan): { codes: string[]; plan: DocumentPlan } {
  const site = codes && documents ? undefined : buildSiteModel(root);
  return { codes: codes ?? site!.locales.map((locale) => locale.code), plan: documents ?? site!.documents };
}

/** One job per locale and rendered variant (two-up files are imposed from these, not rendered). */
export function pdfJobs(root: string, siteDir: string, codes?: string[], documents?: DocumentPlan): PdfJob[] {
  const { codes: locales, plan } = localesAndPlan(root, codes, documents);
  const variants = renderedVariants(printVariants(plan));
  return locales.flatMap((locale) =>
    variants.map((variant) => {
      const pagePath = printPagePath(locale, variant);
      const { minPages, maxPages } = documentOf(plan, variant.document);
      return {
        locale,
        variant,
        minPages,
        maxPages,
        pagePath,
        htmlFile: join(siteDir, pagePath, "index.html"),
        target: join(siteDir, pdfPath(locale, variant)),
        label: `${locale}/${variant.file}`,
      };
    }),
  );
}

/** The two-up variants of the kit, each with the job that renders its source variant in the same locale (none when that job is filtered out). */
function twoUpsOf(jobs: readonly PdfJob[], plan: DocumentPlan): { job: PdfJob; variant: PrintVariant }[] {
  const twoUps = printVariants(plan).filter((variant) => variant.output === "two-up");
  return jobs.flatMap((job) => twoUps.filter((variant) => variant.source === job.variant.id).map((variant) => ({ job, variant })));
}

/** Renders the PDFs (and whatever else is to be rendered in the same browser session). */
export async function buildPdfs(options: BuildPdfsOptions): Promise<PdfBuild> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const pdfs = preparePdfs(options);
  const slots = await renderTasks({
    siteDir: options.siteDir,
    tasks: [pdfs, ...(options.alsoRender ?? [])],
    timeoutMs,
    slots: options.slots,
    findBrowser: options.findBrowser,
    onSession: options.onRenderer,
  });
  return await pdfs.finish(slots);
}

interface PdfTask extends RenderTask {
  /** Imposes the two-up files, prunes the cache and prints the closing line. */
  finish(slots: number): Promise<PdfBuild>;
}

/** Copies cached PDFs into the site now; the rest wait for the browser session (render). */
function preparePdfs(options: BuildPdfsOptions): PdfTask {
  const log = options.log ?? ((line: string) => console.log(line));
  const { codes, plan } = localesAndPlan(options.root, options.locales, options.documents);
  const jobs = pdfJobs(options.root, options.siteDir, codes, plan).filter(options.filter ?? (() => true));
  for (const job of jobs) {
    if (!existsSync(job.htmlFile)) {
      throw new RenderError(`the print page ${job.pagePath} is missing from ${options.siteDir}\n  → build the HTML first: npm run build (or npm run build:site, then npm run pdf)`);
    }
  }
  const cache = RenderCache.open<{ pages: number }>(options.cacheDir, join(options.root, ".cache", "pdf"), "pdf");
  const contentKeys = options.contentKeys ?? buildContentKeys(options.root, options.findBrowser);
  const keys = new Map(
    jobs.map((job) => {
      const html = readFileSync(job.htmlFile);
      return [job, pdfKey(contentKeys, { html, assetsDir: join(options.siteDir, PRINT_ASSETS), fonts: fontFilesIn(html.toString("utf8")), variant: job.variant })];
    }),
  );

  const started = performance.now();
  const results: PdfResult[] = [];
  const toRender: PdfJob[] = [];
  for (const job of jobs) {
    const hit = cache?.get(keys.get(job)!);
    if (!hit?.facts) {
      toRender.push(job);
      continue;
    }
    writeAtomically(job.target, hit.bytes);
    results.push({ job, pages: hit.facts.pages, bytes: hit.bytes.length, ms: 0, cached: true, requests: [] });
    log(progressLine(job, hit.facts.pages, hit.bytes.length, "cached"));
  }

  return {
    pending: toRender.length > 0,
    allowedPaths: toRender.map((job) => job.pagePath),
    slots: toRender.length,
    async render(session) {
      const printer = await pdfPrinter(session);
      // Every document at once: the session runs as many as it has slots, the rest wait.
      const failures: unknown[] = [];
      await Promise.all(
        toRender.map(async (job) => {
          try {
            const result = await renderJob(job, printer, session.origin);
            if (failures.length > 0) return;
            cache?.put(keys.get(job)!, result.bytes, { pages: result.pages });
            writeAtomically(job.target, result.bytes);
            results.push(result.result);
            log(progressLine(job, result.pages, result.bytes.length, `${(result.result.ms / 1000).toFixed(1)} s`));
          } catch (error) {
            // The first failure stops the others, and the build fails with it.
            failures.push(error);
            await session.close();
          }
        }),
      );
      if (failures.length > 0) throw failures.find((e) => !(e instanceof RenderError && e.stoppedByOther)) ?? failures[0];
    },
    async finish(slots) {
      const twoUps: TwoUpResult[] = [];
      for (const { job, variant } of twoUpsOf(jobs, plan)) {
        // Page n of a two-up file holds page n of its single file twice.
        const pages = results.find((r) => r.job === job)!.pages;
        const result = await makeTwoUp(job, variant, pages, options, cache);
        twoUps.push(result);
        log(progressLine(job, result.pages, result.bytes, result.cached ? "cached" : `${(result.ms / 1000).toFixed(2)} s`, variant.file));
      }
      cache?.prune();
      const rendered = results.filter((r) => !r.cached).length;
      const seconds = (performance.now() - started) / 1000;
      log(`  ${results.length} PDFs in ${seconds.toFixed(1)} s (${rendered} rendered in one browser, ${results.length - rendered} from the cache)`);
      return {
        // Same order as the jobs, whatever came from the cache.
        results: jobs.map((job) => results.find((r) => r.job === job)!),
        twoUps,
        rendered,
        cached: results.length - rendered,
        seconds,
        slots,
      };
    },
  };
}

async function renderJob(job: PdfJob, printer: PdfPrinter, origin: string): Promise<{ result: PdfResult; bytes: Uint8Array; pages: number }> {
  const rendered = await printer.render(`${origin}${job.pagePath}`, job.label);
  const t0 = performance.now();
  const html = readFileSync(job.htmlFile, "utf8");
  checkLayout(job, rendered.layout, html);
  const finished = await finishPdf(rendered.pdf, job.variant, job.locale);
  await checkPdfFonts(finished.bytes, { locale: job.locale, document: job.variant.document, label: job.label, html });
  if (finished.pages !== rendered.layout.pages) {
    throw new RenderError(
      `${job.label}: Paged.js laid out ${rendered.layout.pages} pages but the PDF has ${finished.pages}\n  → look for content wider than the page in the print CSS (templates/assets/print/)`,
    );
  }
  const ms = rendered.ms + performance.now() - t0;
  return { result: { job, pages: finished.pages, bytes: finished.bytes.length, ms, cached: false, requests: rendered.requests }, bytes: finished.bytes, pages: finished.pages };
}

/** Fails the build on content Paged.js dropped or cut off, and on documents of the wrong length. */
export function checkLayout(job: PdfJob, layout: PagedLayout, html: string): void {
  const expected = [...new Set([...html.matchAll(/\sdata-part="([^"]+)"/g)].map((m) => m[1]!))];
  const missing = expected.filter((part) => !layout.parts.includes(part));
  if (!layout.reachedEnd || missing.length > 0) {
    throw new RenderError(
      `${job.label}: Paged.js stopped after page ${layout.pages}; ${missing.length ? `never laid out: ${missing.join(", ")}` : "the end of the document never reached a page"}\n` +
        '  → this is the right-to-left page-flow bug of Paged.js (pagedjs#25, #308): keep the rules under "Right-to-left under Paged.js" in templates/assets/print/print.css',
    );
  }
  if (layout.overflowing.length > 0) {
    throw new RenderError(
      `${job.label}: page ${layout.overflowing.join(", ")} is cut off (content taller or wider than the page)\n  → shorten what content/documents.yml prints, or let the element break (templates/assets/print/)`,
    );
  }
  const { minPages, maxPages, variant } = job;
  if (layout.pages < minPages || layout.pages > maxPages) {
    const allowed = minPages === maxPages ? `exactly ${minPages}` : `${minPages} to ${maxPages}`;
    const off = layout.pages > maxPages ? `${layout.pages - maxPages} too many` : `${minPages - layout.pages} too few`;
    throw new RenderError(
      `${job.label}: the ${variant.document} in ${job.locale} on ${variant.paper} (${variant.width} × ${variant.height} mm) came out ${layout.pages} pages, ${off}; a ${variant.document} has ${allowed} (pages: in content/documents.yml)\n` +
        `  → change what content/documents.yml prints for "${variant.document}" (take: excerpt, and mark fewer or more blocks with ::: excerpt in content/<locale>/<section>.md), or its pages: rule`,
    );
  }
  for (const qr of layout.qrCodes) {
    if (!qr.inside || qr.widthMm < qr.minMm) {
      throw new RenderError(
        `${job.label}: the QR code on page ${qr.page} is ${qr.inside ? `${qr.widthMm.toFixed(1)} mm wide, under the ${qr.minMm} mm its layout asks for` : "not wholly on its page"}; a phone may not read it\n` +
          `  → give it room in templates/print/${variant.layout}.njk (and its CSS): shorten the text around it`,
      );
    }
  }
  if (layout.overflowingText.length > 0) {
    throw new RenderError(
      `${job.label}: on page ${layout.overflowingText[0]!.page}, text runs out of its box (${layout.overflowingText[0]!.what}) in the ${variant.document} on ${variant.paper}\n` +
        `  → the text is too long for templates/print/${variant.layout}.njk on this paper: print less (content/documents.yml) or make the type smaller in its CSS`,
    );
  }
}

/** A two-up file from its finished PDF, or from the cache when that PDF's bytes did not change. */
async function makeTwoUp(job: PdfJob, variant: PrintVariant, pages: number, options: BuildPdfsOptions, cache: RenderCache<{ pages: number }> | undefined): Promise<TwoUpResult> {
  const started = performance.now();
  const single = readFileSync(job.target);
  const target = join(options.siteDir, pdfPath(job.locale, variant));
  // documentList.ts gives every two-up size its sheet; a variant without one is a bug there.
  const sheet = variant.sheet!;
  const key = twoUpKey(single, sheet, options.root);
  const hit = cache?.get(key)?.bytes;
  const bytes = hit ?? (await imposeTwoUp(single, sheet));
  if (!hit) cache?.put(key, bytes, { pages });
  writeAtomically(target, bytes);
  return { locale: job.locale, variant, target, pages, bytes: bytes.length, ms: performance.now() - started, cached: hit !== undefined };
}

function progressLine(job: PdfJob, pages: number, bytes: number, time: string, file = job.variant.file): string {
  return `  ${job.locale.padEnd(5)} ${file.padEnd(30)} ${String(pages).padStart(2)} ${pages === 1 ? "page " : "pages"} ${`${Math.round(bytes / 1000)} kB`.padStart(8)}   ${time}`;
}
