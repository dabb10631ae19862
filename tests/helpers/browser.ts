// One real build, served on the loopback interface, and one Debian Chromium per test file.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll } from "vitest";
import { createRequire } from "node:module";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { findChromium, HEADLESS_ARGS } from "../../scripts/shared/chromium.ts";
import { builtPages } from "../../scripts/build/builtPages.ts";
import { serveFolder, type StaticServer } from "../../scripts/shared/staticServer.ts";
import { printFontRoutes } from "../../scripts/print/fonts.ts";
import { buildRealSite, type BuiltSite } from "./site.ts";

export interface SiteInBrowser {
  site: BuiltSite;
  server: StaticServer;
  browser: Browser;
  /** Every built HTML page as a URL path ("/en/", "/ar/immoral/", "/404.html"). */
  pages: string[];
  url(path: string): string;
  close(): Promise<void>;
}

/** `published`: the site as a host serves it, from the output folder alone (no print pages, no font routes). */
export async function openSiteInBrowser({ published = false } = {}): Promise<SiteInBrowser> {
  const site = await buildRealSite(undefined, { published });
  // Print pages load their fonts from node_modules, as in the PDF build.
  const server = await serveFolder(site.dir, 0, published ? undefined : printFontRoutes());
  const browser = await chromium.launch({ executablePath: findChromium(), args: HEADLESS_ARGS });
  return {
    site,
    server,
    browser,
    pages: builtPages(site.dir),
    url: (path) => server.url + path,
    close: async () => {
      await browser.close();
      await server.close();
      site.remove();
    },
  };
}

export interface PageOnSite {
  web: SiteInBrowser;
  context: BrowserContext;
  page: Page;
}

/** For one test file: the real site built and served, one browser, one page; all closed after the file. */
export function usePageOnSite(): PageOnSite {
  const session = {} as PageOnSite;
  beforeAll(async () => {
    session.web = await openSiteInBrowser();
    session.context = await newContext(session.web.browser);
    session.page = await session.context.newPage();
  });
  afterAll(async () => {
    await session.context?.close();
    await session.web?.close();
  });
  return session;
}

/** Print pages (/<locale>/print/…) are laid out for paper, not read on screen. */
export const isPrintPage = (path: string): boolean => /^\/[^/]+\/print\//.test(path);

/** The locale a page belongs to ("en" for /en/immoral/), or undefined for /index.html and /404.html. */
export function localeOf(path: string, codes: string[]): string | undefined {
  const first = path.split("/")[1] ?? "";
  return codes.includes(first) ? first : undefined;
}

export async function newContext(browser: Browser, width = 1280, height = 800): Promise<BrowserContext> {
  // No service workers, no downloads, reduced motion: the page as a careful reader's browser shows it.
  return browser.newContext({ viewport: { width, height }, serviceWorkers: "block", reducedMotion: "reduce" });
}

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA; axe leaves wcag22aa out unless asked. */
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol: the pages' Content-Security-Policy (no script at all) refuses a <script> tag.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(`${AXE_SOURCE}\n;void 0`);
  return page.evaluate(async (tags) => {
    const axe = (
      window as unknown as {
        axe: {
          run(context: Document, options: object): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[]; failureSummary?: string }> }> }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(" ")}: ${n.failureSummary ?? ""}`.replace(/\s+/g, " ")),
    }));
  }, AXE_TAGS);
}

export function describeViolations(path: string, violations: AxeViolation[]): string {
  return violations.map((v) => `${path} ${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.join("\n  ")}`).join("\n");
}
