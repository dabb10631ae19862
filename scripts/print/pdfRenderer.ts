// One Chromium renders print pages to PDF, several at once: a pool of slots, each with its own
// pagedjs-cli Printer (one Printer is not safe to use concurrently, and it keeps the pages it
// has seen) sharing the one browser. Guards the traps of that API: the executable path is set
// before puppeteer is imported, outlineTags is always passed, printer.pages is reset per
// document, every render has a deadline, a print page may load only its own files, and on
// any failure the browser's whole process group is killed, so no Chromium outlives the build.
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { Browser, HTTPRequest, Page } from "puppeteer";
import type Printer from "pagedjs-cli";
import { findChromium, HEADLESS_ARGS } from "../shared/chromium.ts";

export const OUTLINE_TAGS = ["h1", "h2", "h3"];
/**
 * Documents rendered at once. Paged.js lays pages out on animation frames, which Chromium runs for
 * the visible tab only, so on two cores the slots mostly overlap one document's layout with
 * another's loading, waiting and PDF work (a page per window, laying out truly in parallel, was
 * measured slower there); past four, pages only compete for the cores.
 */
export const DEFAULT_SLOTS = Math.max(2, Math.min(availableParallelism(), 4));
/** Quiet time on the network that ends a document's wait for its files (pagedjs-cli's default: 500 ms). */
const NETWORK_IDLE_MS = 100;

export interface RenderedPdf {
  pdf: Uint8Array;
  /** Every URL the page asked for while rendering. */
  requests: string[];
  layout: PagedLayout;
  /** Time in a slot, from opening the page to the PDF (waiting for a free slot not counted). */
  ms: number;
}

/** What Paged.js laid out: checked against what the print page holds, so nothing goes missing unnoticed. */
export interface PagedLayout {
  pages: number;
  /** data-part values found on the laid-out pages. */
  parts: string[];
  /** Whether the marker at the very end of the document reached a page (pagedjs#25, #308). */
  reachedEnd: boolean;
  /** Pages (1-based) whose content is taller or wider than the page area: it would be cut off. */
  overflowing: number[];
}

export interface PdfRenderer {
  /** Renders one print page; up to `slots` calls run at once, the rest wait their turn. */
  render(url: string, label: string): Promise<RenderedPdf>;
  /**
   * A page of the same browser for other work on the print pages (it obeys the same request
   * rules); the caller closes it. Rejected once the renderer has failed or closed.
   */
  newPage(): Promise<Page>;
  close(): Promise<void>;
  readonly slots: number;
  /** Chromium's process id (its process group is killed on close). */
  readonly pid: number | undefined;
  readonly profileDir: string;
}

export class PdfRenderError extends Error {
  /** True when this document failed only because another one's failure stopped the browser. */
  readonly stoppedByOther: boolean;
  constructor(message: string, options?: { cause?: unknown; stoppedByOther?: boolean }) {
    super(message, options);
    this.name = "PdfRenderError";
    this.stoppedByOther = options?.stoppedByOther ?? false;
  }
}

export interface RendererOptions {
  /** Origin of the loopback server the print pages come from: the only one they may load. */
  origin: string;
  /** Paths on that origin a print page may load (its own folder, the print assets). */
  allowedPaths: readonly string[];
  timeoutMs: number;
  /** Documents rendered at once (default DEFAULT_SLOTS). */
  slots?: number;
  /** Finds the browser (default: findChromium(), which throws BrowserNotFoundError). */
  findBrowser?: () => string;
}

/** One Printer and what it saw while rendering its current document. */
interface Slot {
  printer: Printer;
  requests: string[];
  page: Page | undefined;
}

export async function openPdfRenderer(options: RendererOptions): Promise<PdfRenderer> {
  const executable = (options.findBrowser ?? findChromium)();
  // Puppeteer reads this when it is first imported.
  process.env.PUPPETEER_EXECUTABLE_PATH = executable;
  process.env.PUPPETEER_SKIP_DOWNLOAD = "1";
  const { default: PrinterClass } = await import("pagedjs-cli");
  const profileDir = mkdtempSync(join(tmpdir(), "pledge-pdf-chromium-"));
  const newPrinter = () =>
    new PrinterClass({
      timeout: options.timeoutMs,
      closeAfter: false,
      browserArgs: [...HEADLESS_ARGS.filter((a) => !a.startsWith("--headless")), `--user-data-dir=${profileDir}`],
    });
  const launcher = newPrinter();

  let browser: Browser;
  const launching = launcher.setup();
  try {
    const launchMs = Math.max(options.timeoutMs, 30_000);
    browser = await withDeadline(launching, launchMs, () => `Chromium (${executable}) did not start within ${launchMs / 1000} s`);
  } catch (error) {
    // A launch that completes after the deadline must not leave a browser behind.
    launching.then((late) => killGroup(late.process()?.pid), () => {});
    rmSync(profileDir, { recursive: true, force: true });
    throw new PdfRenderError(`Could not start Chromium (${executable}): ${error instanceof Error ? error.message : String(error)}\n  → check that it runs: ${executable} --headless=new --no-sandbox --dump-dom about:blank`, { cause: error });
  }
  const pid = browser.process()?.pid;

  // Every page records and filters its requests: a print page may load only its own files
  // from the loopback server, never anything from the network.
  const allowed = (url: string) =>
    url.startsWith("data:") || url === "about:blank" || (url.startsWith(`${options.origin}/`) && options.allowedPaths.some((p) => new URL(url).pathname.startsWith(p)));
  const guardedPage = async (requests: string[]) => {
    const page = await browser.newPage();
    // pagedjs-cli waits for 500 ms without a request once Paged.js has laid the pages out; every
    // file comes from the loopback server, where a tenth of that says the same (a request still
    // running keeps it waiting either way). A fifth of the PDF build's time here.
    const waitForNetworkIdle = page.waitForNetworkIdle.bind(page);
    page.waitForNetworkIdle = (waiting) => waitForNetworkIdle({ ...waiting, idleTime: NETWORK_IDLE_MS });
    await page.setRequestInterception(true);
    page.on("request", (request: HTTPRequest) => {
      const url = request.url();
      requests.push(url);
      if (allowed(url)) void request.continue();
      else void request.abort("blockedbyclient");
    });
    return page;
  };

  // Each slot's Printer opens its pages in the shared browser, through that slot's guard.
  const slotCount = Math.max(1, options.slots ?? DEFAULT_SLOTS);
  const slots: Slot[] = [];
  for (let i = 0; i < slotCount; i++) {
    const printer = i === 0 ? launcher : newPrinter();
    const slot: Slot = { printer, requests: [], page: undefined };
    printer.browser = {
      newPage: async () => (slot.page = await guardedPage(slot.requests)),
    } as unknown as Browser;
    slots.push(slot);
  }
  const free = [...slots];
  const waiting: ((slot: Slot) => void)[] = [];
  const acquire = () => new Promise<Slot>((resolve) => (free.length > 0 ? resolve(free.pop()!) : waiting.push(resolve)));
  const release = (slot: Slot) => {
    const next = waiting.shift();
    if (next) next(slot);
    else free.push(slot);
  };

  // Chromium going away (crash, out of memory, killed) fails the documents being rendered.
  const quit = new Error("Chromium quit");
  const disconnected = new Promise<never>((_, reject) => browser.once("disconnected", () => reject(quit)));
  disconnected.catch(() => {});

  /** Set when a failure (or close) stops the browser: documents still running fail as stopped by it. */
  let stopped = false;
  let failed = false;
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      stopped = true;
      try {
        if (browser.isConnected()) await withDeadline(browser.close(), 5000, () => "Chromium did not close");
      } catch {
        // Killed below either way.
      } finally {
        killGroup(pid);
        // A killed process takes a moment to go: close() returns once none of the group is left.
        await groupGone(pid);
        rmSync(profileDir, { recursive: true, force: true });
      }
    })());
  const stoppedError = (label: string) =>
    new PdfRenderError(failed ? `${label}: not rendered, the browser was stopped by an earlier failure` : `${label}: not rendered, the PDF renderer was closed`, { stoppedByOther: true });

  async function renderIn(slot: Slot, url: string, label: string): Promise<RenderedPdf> {
    const started = performance.now();
    slot.requests.length = 0;
    // Printer keeps every page it has seen; without a reset a later PDF gets an earlier one's boxes.
    slot.printer.pages = [];
    const refused = () => {
      const blocked = slot.requests.filter((r) => !allowed(r));
      if (blocked.length === 0) return undefined;
      return new PdfRenderError(
        `${label}: the print page asked for files from elsewhere:\n${blocked.map((b) => `    ${b}`).join("\n")}\n  → print pages must load nothing from the network: use relative URLs to files under templates/assets/print/`,
      );
    };
    try {
      const pdf = await Promise.race([
        withDeadline(slot.printer.pdf(url, { outlineTags: OUTLINE_TAGS }), options.timeoutMs, () => `${label}: rendering took longer than ${options.timeoutMs / 1000} s`),
        disconnected,
      ]);
      const offSite = refused();
      if (offSite) throw offSite;
      const layout = (await slot.page!.evaluate(LAYOUT_PROBE)) as PagedLayout;
      return { pdf, requests: [...slot.requests], layout, ms: performance.now() - started };
    } catch (error) {
      if (stopped) throw stoppedError(label);
      // Any failure ends the build: stop the browser now, whatever state it is in.
      failed = true;
      const stopping = close();
      // A refused off-site file is the cause of whatever failed after it (Paged.js fetches stylesheets).
      const offSite = refused();
      await stopping;
      if (offSite) throw offSite;
      if (error === quit) {
        throw new PdfRenderError(`${label}: Chromium quit while rendering this document (it crashed or was killed)\n  → run the build again; if it happens again, run it with --debug and check free memory`);
      }
      if (error instanceof PdfRenderError) throw error;
      const detail = error instanceof Error ? error.message : String(error);
      throw new PdfRenderError(`${label}: Chromium or Paged.js failed: ${detail}\n  → run again with --debug; open ${url} in a browser to see the print page`, { cause: error });
    } finally {
      await slot.page?.close().catch(() => {});
      slot.page = undefined;
    }
  }

  return {
    pid,
    profileDir,
    slots: slotCount,
    close,
    async newPage() {
      if (stopped) throw new PdfRenderError("the PDF renderer is closed");
      return guardedPage([]);
    },
    async render(url, label) {
      if (stopped) throw stoppedError(label);
      const slot = await acquire();
      try {
        if (stopped) throw stoppedError(label);
        return await renderIn(slot, url, label);
      } finally {
        release(slot);
      }
    },
  };
}

/**
 * Runs in the page after Paged.js: what reached the pages. A string, not a function, so the
 * TypeScript loader's helpers never end up in code that runs in the browser.
 */
const LAYOUT_PROBE = `(() => {
  const pages = [...document.querySelectorAll(".pagedjs_pages > .pagedjs_page")];
  const areaOf = (element) => element.closest(".pagedjs_page").querySelector(".pagedjs_page_content");
  const overflowing = pages.flatMap((page, i) => {
    const area = page.querySelector(".pagedjs_page_content");
    return area && (area.scrollHeight > area.clientHeight + 2 || area.scrollWidth > area.clientWidth + 2) ? [i + 1] : [];
  });
  const visible = (element) => {
    const box = areaOf(element).getBoundingClientRect();
    const rect = element.getBoundingClientRect();
    // Inside the page area: not pushed below it, nor into a column beside it (the RTL bug).
    return rect.top >= box.top - 1 && rect.top <= box.bottom + 1 && rect.right > box.left + 1 && rect.left < box.right - 1;
  };
  const end = document.querySelector(".pagedjs_pages [data-document-end]");
  return {
    pages: pages.length,
    parts: [...new Set([...document.querySelectorAll(".pagedjs_pages [data-part]")].filter(visible).map((e) => e.getAttribute("data-part")))],
    reachedEnd: end !== null && visible(end),
    overflowing,
  };
})()`;

function withDeadline<T>(promise: Promise<T>, ms: number, message: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PdfRenderError(message())), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** Waits (up to `timeoutMs`) until no process of the group is left, zombies included. */
async function groupGone(pid: number | undefined, timeoutMs = 3000): Promise<void> {
  if (!pid) return;
  const end = performance.now() + timeoutMs;
  while (performance.now() < end) {
    try {
      process.kill(-pid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Chromium runs detached, as the leader of its own process group: kill renderers and all. */
function killGroup(pid: number | undefined) {
  if (!pid) return;
  for (const target of [-pid, pid]) {
    try {
      process.kill(target, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
}
