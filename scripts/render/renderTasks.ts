// One browser session for the tasks of a build (the PDFs, then the share cards): the built site
// served on a loopback port with the print fonts, one Chromium with as many slots as the widest
// task wants, each task in turn, and nothing started when every task found its outputs cached.
import { serveFolder, type StaticServer } from "../shared/staticServer.ts";
import { printFontRoutes } from "../print/index.ts";
import { DEFAULT_SLOTS, openRenderSession, type RenderSession } from "./session.ts";

/** Files every page Chromium renders may load: the print CSS and fonts. */
export const PRINT_ASSETS = "/assets/print/";

/** A kind of output rendered in the shared session (PDFs, share cards). */
export interface RenderTask {
  /** False when everything came from the cache: no browser is started for it. */
  readonly pending: boolean;
  /** Paths on the loopback server its pages may load, besides the print assets. */
  readonly allowedPaths: readonly string[];
  /** Pieces of its work it can run at once. */
  readonly slots: number;
  render(session: RenderSession): Promise<void>;
}

interface RenderTasksOptions {
  /** The built site the pages come from. */
  siteDir: string;
  tasks: readonly RenderTask[];
  /** Deadline of one piece of work, unless its task sets its own. */
  timeoutMs: number;
  /** At most this many slots (default: sized to the machine, see session.ts). */
  slots?: number;
  findBrowser?: () => string;
  /** Called once Chromium runs (tests watch its process). */
  onSession?: (session: RenderSession) => void;
}

/** Renders the pending tasks in one session; returns the slots it had (0 when no browser was needed). */
export async function renderTasks(options: RenderTasksOptions): Promise<number> {
  const pending = options.tasks.filter((task) => task.pending);
  if (pending.length === 0) return 0;
  let server: StaticServer | undefined;
  let session: RenderSession | undefined;
  try {
    server = await serveFolder(options.siteDir, 0, printFontRoutes());
    const allowedPaths = [PRINT_ASSETS, ...new Set(pending.flatMap((task) => task.allowedPaths))];
    const slots = Math.min(options.slots ?? DEFAULT_SLOTS, Math.max(...pending.map((task) => task.slots)));
    session = await openRenderSession({ origin: server.url, allowedPaths, timeoutMs: options.timeoutMs, slots, findBrowser: options.findBrowser });
    options.onSession?.(session);
    for (const task of pending) await task.render(session);
    return session.slots;
  } finally {
    await session?.close();
    await server?.close();
  }
}
