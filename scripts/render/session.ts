// One Chromium for everything a build renders (the PDFs, then the share cards): launched once,
// a pool of slots that run several pieces of work at once, a deadline on each, and on any
// failure the browser's whole process group is killed, so no Chromium outlives the build.
// Every page it opens may load only the given paths of the loopback server, never the network.
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { Browser, HTTPRequest, Page } from "puppeteer";
import { findChromium, HEADLESS_ARGS } from "../shared/chromium.ts";
import { Pool } from "./pool.ts";

/**
 * Pieces of work run at once. Paged.js lays pages out on animation frames, which Chromium runs for
 * the visible tab only, so on two cores the slots mostly overlap one document's layout with
 * another's loading, waiting and PDF work (a page per window, laying out truly in parallel, was
 * measured slower there); past four, pages only compete for the cores.
 */
export const DEFAULT_SLOTS = Math.max(2, Math.min(availableParallelism(), 4));
/** Quiet time on the network that ends a page's wait for its files (pagedjs-cli's default: 500 ms). */
const NETWORK_IDLE_MS = 100;

export class RenderError extends Error {
  /** True when this piece of work failed only because another one's failure stopped the browser. */
  readonly stoppedByOther: boolean;
  constructor(message: string, options?: { cause?: unknown; stoppedByOther?: boolean }) {
    super(message, options);
    this.name = "RenderError";
    this.stoppedByOther = options?.stoppedByOther ?? false;
  }
}

interface SessionOptions {
  /** Origin of the loopback server the pages come from: the only one they may load. */
  origin: string;
  /** Paths on that origin a page may load (its own folder, the print assets). */
  allowedPaths: readonly string[];
  /** Deadline of one piece of work (a task may set its own). */
  timeoutMs: number;
  /** Pieces of work run at once (default DEFAULT_SLOTS). */
  slots?: number;
  /** Finds the browser (default: findChromium(), which throws BrowserNotFoundError). */
  findBrowser?: () => string;
}

/** A place in the pool: the pages one piece of work opens there, and every URL they asked for. */
export interface Slot {
  readonly index: number;
  /** Every URL this slot's pages asked for during the current piece of work. */
  readonly requests: string[];
  /** Opens a page for the current piece of work; it is closed when the work ends. */
  newPage(): Promise<Page>;
  /** The page opened last (where a PDF's layout is read). */
  readonly page: Page | undefined;
}

/** One piece of a task's work: a document, a card. */
interface Work<T> {
  /** Names it in messages ("he/leaflet.pdf"). */
  label: string;
  run(slot: Slot): Promise<T>;
  /** Default: the session's. */
  timeoutMs?: number;
  /** A cause the task reads from the slot before any other (a page that asked for files from elsewhere). */
  refusal?(slot: Slot): RenderError | undefined;
  /** The message of a failure of Chromium or the page, given its detail. */
  failed(detail: string): string;
}

export interface RenderSession {
  readonly origin: string;
  readonly slots: number;
  /** Chromium's process id (its process group is killed on close). */
  readonly pid: number | undefined;
  readonly profileDir: string;
  readonly timeoutMs: number;
  /** Whether a page may load this URL. */
  allowed(url: string): boolean;
  /** Runs one piece of work in a free slot (the rest wait their turn); any failure stops the browser. */
  run<T>(work: Work<T>): Promise<T>;
  close(): Promise<void>;
}

export async function openRenderSession(options: SessionOptions): Promise<RenderSession> {
  const executable = (options.findBrowser ?? findChromium)();
  const profileDir = mkdtempSync(join(tmpdir(), "pledge-render-chromium-"));
  const browser = await launch(executable, profileDir, options.timeoutMs);
  const pid = browser.process()?.pid;
  const allowed = (url: string) => url.startsWith("data:") || url === "about:blank" || (url.startsWith(`${options.origin}/`) && options.allowedPaths.some((p) => new URL(url).pathname.startsWith(p)));
  const slots = openSlots(browser, allowed, Math.max(1, options.slots ?? DEFAULT_SLOTS));
  const pool = new Pool(slots);

  // Chromium going away (crash, out of memory, killed) fails the work being done.
  const quit = new Error("Chromium quit");
  const disconnected = new Promise<never>((_, reject) => browser.once("disconnected", () => reject(quit)));
  disconnected.catch(() => {});

  /** Set when a failure (or close) stops the browser: work still running fails as stopped by it. */
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
    new RenderError(failed ? `${label}: not rendered, the browser was stopped by an earlier failure` : `${label}: not rendered, the renderer was closed`, { stoppedByOther: true });

  async function runIn<T>(slot: OpenSlot, work: Work<T>): Promise<T> {
    const timeoutMs = work.timeoutMs ?? options.timeoutMs;
    slot.requests.length = 0;
    try {
      return await Promise.race([withDeadline(work.run(slot), timeoutMs, () => `${work.label}: rendering took longer than ${timeoutMs / 1000} s`), disconnected]);
    } catch (error) {
      if (stopped) throw stoppedError(work.label);
      // Any failure ends the build: stop the browser now, whatever state it is in.
      failed = true;
      const stopping = close();
      // Read before the browser is gone: a refused file is the cause of whatever failed after it.
      const refused = work.refusal?.(slot);
      await stopping;
      if (refused) throw refused;
      if (error === quit) {
        throw new RenderError(
          `${work.label}: Chromium quit while rendering this document (it crashed or was killed)\n  → run the build again; if it happens again, run it with --debug and check free memory`,
        );
      }
      if (error instanceof RenderError) throw error;
      throw new RenderError(work.failed(error instanceof Error ? error.message : String(error)), { cause: error });
    } finally {
      await slot.closePages();
    }
  }

  return {
    origin: options.origin,
    slots: slots.length,
    pid,
    profileDir,
    timeoutMs: options.timeoutMs,
    allowed,
    close,
    async run(work) {
      if (stopped) throw stoppedError(work.label);
      const slot = await pool.acquire();
      try {
        if (stopped) throw stoppedError(work.label);
        return await runIn(slot, work);
      } finally {
        pool.release(slot);
      }
    },
  };
}

/** Launched as pagedjs-cli launches it (its flags for tagged PDFs), in a profile of its own. */
async function launch(executable: string, profileDir: string, timeoutMs: number): Promise<Browser> {
  // Puppeteer reads these when it is first imported.
  process.env.PUPPETEER_EXECUTABLE_PATH = executable;
  process.env.PUPPETEER_SKIP_DOWNLOAD = "1";
  const { default: Printer } = await import("pagedjs-cli");
  const launcher = new Printer({ timeout: timeoutMs, closeAfter: false, browserArgs: [...HEADLESS_ARGS.filter((a) => !a.startsWith("--headless")), `--user-data-dir=${profileDir}`] });
  const launching = launcher.setup();
  try {
    const launchMs = Math.max(timeoutMs, 30_000);
    return await withDeadline(launching, launchMs, () => `Chromium (${executable}) did not start within ${launchMs / 1000} s`);
  } catch (error) {
    // A launch that completes after the deadline must not leave a browser behind.
    launching.then(
      (late) => killGroup(late.process()?.pid),
      () => {},
    );
    rmSync(profileDir, { recursive: true, force: true });
    throw new RenderError(
      `Could not start Chromium (${executable}): ${error instanceof Error ? error.message : String(error)}\n  → check that it runs: ${executable} --headless=new --no-sandbox --dump-dom about:blank`,
      { cause: error },
    );
  }
}

interface OpenSlot extends Slot {
  closePages(): Promise<void>;
}

/** The slots, each recording and filtering the requests of the pages it opens. */
function openSlots(browser: Browser, allowed: (url: string) => boolean, count: number): OpenSlot[] {
  return Array.from({ length: count }, (_, index) => {
    const requests: string[] = [];
    let pages: Page[] = [];
    return {
      index,
      requests,
      get page() {
        return pages.at(-1);
      },
      async newPage() {
        const page = await guardedPage(browser, allowed, requests);
        pages.push(page);
        return page;
      },
      async closePages() {
        const open = pages;
        pages = [];
        for (const page of open) await page.close().catch(() => {});
      },
    };
  });
}

async function guardedPage(browser: Browser, allowed: (url: string) => boolean, requests: string[]): Promise<Page> {
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
}

function withDeadline<T>(promise: Promise<T>, ms: number, message: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RenderError(message())), ms);
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
