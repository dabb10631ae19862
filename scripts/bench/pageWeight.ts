// Benchmark "weight": what the first view of every page of the real site costs, read from
// the built HTML and CSS: HTML, CSS, fonts, images and scripts, raw and compressed.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { printFontRoutes } from "../print/fonts.ts";
import { builtPages } from "../site/builtPages.ts";
import { runChild } from "./childProcess.ts";
import { addSizes, sizesOf, ZERO, type Sizes } from "./compressedSize.ts";
import { cssResources, htmlResources, inlineScripts, type Resource, type ResourceKind } from "./pageResources.ts";
import type { BenchOptions, BenchReport, Table, Target } from "./report.ts";
import { kib, median } from "./stats.ts";

export const FIRST_VIEW_LIMIT = 100 * 1024;
export const HOME_HTML_CSS_LIMIT = 14 * 1024;
const ORIGIN = "https://site.invalid";

export interface PageWeight {
  page: string;
  /** Print pages are laid out for the PDF renderer, not for reading on screen. */
  print: boolean;
  html: Sizes;
  css: Sizes;
  fonts: Sizes;
  images: Sizes;
  scripts: Sizes;
  total: Sizes;
  /** Files the page loads, as site paths, each counted once. */
  loads: string[];
  /** Addresses it loads that the build did not produce (other origins or missing files). */
  missing: string[];
}

export interface WeightFigures {
  pages: PageWeight[];
  reading: { median: Sizes; largest: PageWeight };
  homes: { page: string; htmlCss: Sizes }[];
  pagesWithScripts: string[];
}

export const isPrintPage = (page: string) => /^\/[^/]+\/print\//.test(page);

export async function benchPageWeight(options: BenchOptions, siteDir?: string): Promise<BenchReport<WeightFigures>> {
  const built = siteDir ?? mkdtempSync(join(tmpdir(), "pledge-bench-site-"));
  try {
    if (!siteDir) {
      options.log("weight: building the real site into a temp folder");
      await runChild(join(import.meta.dirname, "children", "buildProject.ts"), [options.root, built], { cwd: options.root });
    }
    const pages = builtPages(built).map((page) => weighPage(built, page));
    return weightReport(pages);
  } finally {
    if (!siteDir) rmSync(built, { recursive: true, force: true });
  }
}

export function weighPage(siteDir: string, page: string): PageWeight {
  const pageUrl = new URL(page, ORIGIN);
  const htmlFile = fileOf(siteDir, pageUrl)!;
  const html = readFileSync(htmlFile);
  const sizes: Record<ResourceKind | "html", Sizes> = { html: sizesOf(htmlFile, html), css: ZERO, font: ZERO, image: ZERO, script: ZERO };
  const inline = inlineScripts(html.toString("utf8"));
  if (inline > 0) sizes.script = addSizes(sizes.script, { raw: inline, gzip: inline, brotli: inline });
  const seen = new Set<string>();
  const missing: string[] = [];
  const queue: Resource[] = htmlResources(html.toString("utf8"), pageUrl);
  while (queue.length > 0) {
    const resource = queue.shift()!;
    const key = resource.url.origin + resource.url.pathname;
    if (seen.has(key)) continue;
    seen.add(key);
    const file = resource.url.origin === ORIGIN ? fileOf(siteDir, resource.url) : undefined;
    if (!file) {
      missing.push(resource.url.origin === ORIGIN ? resource.url.pathname : resource.url.href);
      continue;
    }
    const bytes = readFileSync(file);
    sizes[resource.kind] = addSizes(sizes[resource.kind], sizesOf(file, bytes));
    if (resource.kind === "css") queue.push(...cssResources(bytes.toString("utf8"), resource.url));
  }
  const total = [sizes.html, sizes.css, sizes.font, sizes.image, sizes.script].reduce(addSizes, ZERO);
  return {
    page,
    print: isPrintPage(page),
    html: sizes.html,
    css: sizes.css,
    fonts: sizes.font,
    images: sizes.image,
    scripts: sizes.script,
    total,
    loads: [...seen].map((k) => k.replace(ORIGIN, "")),
    missing,
  };
}

function fileOf(siteDir: string, url: URL): string | undefined {
  const path = decodeURIComponent(url.pathname);
  // Print fonts are served from node_modules, not copied into the site.
  const font = printFontRoutes().get(path);
  if (font) return font;
  const file = join(siteDir, path.endsWith("/") ? `${path}index.html` : path);
  if (!file.startsWith(siteDir) || !existsSync(file)) return undefined;
  return statSync(file).isDirectory() ? (existsSync(join(file, "index.html")) ? join(file, "index.html") : undefined) : file;
}

function medianSizes(pages: PageWeight[]): Sizes {
  return { raw: median(pages.map((p) => p.total.raw)), gzip: median(pages.map((p) => p.total.gzip)), brotli: median(pages.map((p) => p.total.brotli)) };
}

/** The home pages: each locale's (/en/, /ar/, …) and the language choice at /. */
const isHome = (page: string) => /^\/(?:[^/]+\/)?$/.test(page);

export function weightReport(pages: PageWeight[]): BenchReport<WeightFigures> {
  const reading = pages.filter((p) => !p.print);
  if (reading.length === 0) throw new Error("the built site has no pages to weigh");
  const largest = reading.reduce((a, b) => (b.total.gzip > a.total.gzip ? b : a));
  const homes = pages.filter((p) => isHome(p.page)).map((p) => ({ page: p.page, htmlCss: addSizes(p.html, p.css) }));
  const heaviestHome = homes.reduce((a, b) => (b.htmlCss.gzip > a.htmlCss.gzip ? b : a), homes[0] ?? { page: "(none)", htmlCss: ZERO });
  const pagesWithScripts = pages.filter((p) => p.scripts.raw > 0).map((p) => p.page);
  const missing = pages.flatMap((p) => p.missing.map((m) => `${p.page} → ${m}`));
  const figures: WeightFigures = { pages, reading: { median: medianSizes(reading), largest }, homes, pagesWithScripts };

  const row = (label: string, p: Pick<PageWeight, "html" | "css" | "fonts" | "images" | "scripts" | "total">) => [
    label,
    kib(p.html.raw),
    kib(p.html.gzip),
    kib(p.css.gzip),
    kib(p.fonts.gzip),
    kib(p.images.gzip),
    kib(p.scripts.gzip),
    kib(p.total.raw),
    kib(p.total.gzip),
    kib(p.total.brotli),
  ];
  const head = ["page", "HTML raw", "HTML gz", "CSS gz", "fonts", "images", "scripts gz", "total raw", "total gzip", "total brotli"];
  const summary: Table = {
    title: `First view of the ${reading.length} reading pages (gz = gzip -9; fonts and images travel as they are)`,
    head: ["", "raw", "gzip", "brotli"],
    rows: [
      ["median page", kib(figures.reading.median.raw), kib(figures.reading.median.gzip), kib(figures.reading.median.brotli)],
      [`largest: ${largest.page}`, kib(largest.total.raw), kib(largest.total.gzip), kib(largest.total.brotli)],
      [`home HTML + CSS, largest: ${heaviestHome.page}`, kib(heaviestHome.htmlCss.raw), kib(heaviestHome.htmlCss.gzip), kib(heaviestHome.htmlCss.brotli)],
    ],
  };
  const perPage: Table = {
    title: `Every built page (${pages.length}); print pages are the PDFs' source, not for reading`,
    head,
    rows: pages.map((p) => row(p.print ? `${p.page} (print)` : p.page, p)),
  };
  const targets: Target[] = [
    {
      what: "first view of every reading page, fonts included (largest, gzip)",
      limit: `≤ ${kib(FIRST_VIEW_LIMIT, 0)}`,
      measured: `${kib(largest.total.gzip)} (${largest.page}; median ${kib(figures.reading.median.gzip)})`,
      met: largest.total.gzip <= FIRST_VIEW_LIMIT,
    },
    {
      what: "home page HTML + CSS (largest, gzip)",
      limit: `≤ ${kib(HOME_HTML_CSS_LIMIT, 0)}`,
      measured: `${kib(heaviestHome.htmlCss.gzip)} (${heaviestHome.page})`,
      met: homes.length > 0 && heaviestHome.htmlCss.gzip <= HOME_HTML_CSS_LIMIT,
    },
    {
      what: "JavaScript needed",
      limit: "none",
      measured: pagesWithScripts.length === 0 ? "none on any page" : `${pagesWithScripts.length} page(s): ${pagesWithScripts.slice(0, 3).join(", ")}`,
      met: pagesWithScripts.length === 0,
    },
  ];
  const print = pages.filter((p) => p.print);
  const notes = [
    "Read from the built HTML: stylesheets (and @import), the first source of every @font-face in them (counted whether or not the page uses the face: an upper bound), images, icons, scripts.",
  ];
  if (print.length > 0) {
    const heaviest = print.reduce((a, b) => (b.total.gzip > a.total.gzip ? b : a));
    notes.push(`Print pages (${print.length}) are left out of the targets: the heaviest, ${heaviest.page}, loads ${kib(heaviest.total.gzip)} gzip (print fonts), only when a PDF is rendered or someone opens it.`);
  }
  if (missing.length > 0) notes.push(`Not found in the build (not counted): ${missing.slice(0, 5).join("; ")}${missing.length > 5 ? ` and ${missing.length - 5} more` : ""}.`);
  const facts = [{ what: `median reading page, first view (${reading.length} pages)`, measured: `${kib(figures.reading.median.gzip)} gzip, ${kib(figures.reading.median.brotli)} brotli, ${kib(figures.reading.median.raw)} raw` }];
  return { name: "weight", title: "Page weight of the real site", tables: [summary, perPage], targets, facts, notes, figures };
}
