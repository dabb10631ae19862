// The benchmark modules (npm run bench) in a tiny configuration, so the bench code cannot rot.
// Shape only: ratios are numbers, every built page is weighed. No time is asserted here:
// performance targets live in `npm run bench`.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { benchBuild } from "../scripts/bench/buildAtScale.ts";
import { benchLocaleCheck } from "../scripts/bench/localeCheck.ts";
import { pdfCounts, benchPdfs } from "../scripts/bench/pdfs.ts";
import { benchShareCards } from "../scripts/bench/shareCards.ts";
import { benchPageWeight } from "../scripts/bench/pageWeight.ts";
import { cssResources, htmlResources, inlineScripts } from "../scripts/bench/pageResources.ts";
import type { BenchOptions, BenchReport } from "../scripts/bench/report.ts";
import { alternate, median, pairedRatios } from "../scripts/bench/stats.ts";
import { createSyntheticProject } from "../scripts/bench/syntheticProject.ts";
import { buildPdfs } from "../scripts/print/buildPdfs.ts";
import { builtPages } from "../scripts/site/builtPages.ts";
import { readProject } from "../scripts/project/readProject.ts";
import { buildRealSite, ROOT, type BuiltSite } from "./helpers/site.ts";

const options: BenchOptions = { root: ROOT, quick: true, log: () => {} };
const isRatio = (n: unknown) => typeof n === "number" && Number.isFinite(n) && n > 0;

function expectWellFormed(report: BenchReport) {
  expect(report.tables.length).toBeGreaterThan(0);
  for (const table of report.tables) {
    for (const row of table.rows) expect(row).toHaveLength(table.head.length);
  }
  for (const target of report.targets) expect(typeof target.met).toBe("boolean");
  expect(() => JSON.stringify(report.figures)).not.toThrow();
}

describe("statistics", () => {
  it("takes medians and pairs ratios run by run", async () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(pairedRatios([2, 9], [1, 3])).toEqual({ median: 2.5, min: 2, max: 3, runs: 2 });
    const order: string[] = [];
    await alternate(3, async () => order.push("a"), async () => order.push("b"));
    expect(order.join("")).toBe("abbaab");
  });
});

describe("synthetic campaign", () => {
  it("lays out sections and locales like the project, from the real text", () => {
    const project = createSyntheticProject(ROOT, { sections: 10, locales: 4 });
    try {
      const read = readProject(project.root);
      const sectionsOf = (code: string) => read.locales.find((l) => l.code === code)!.sections;
      const ids = read.sectionIds;
      expect(ids).toHaveLength(10);
      expect(project.locales).toEqual(["en", "ar", "fr", "es"]);
      const arabic = sectionsOf("ar");
      expect(arabic.size).toBe(10);
      expect([...arabic.values()].some((s) => /[\u0600-\u06FF]/.test(s.body))).toBe(true);
      const english = [...sectionsOf("en").values()].map((s) => s.body).join("\n");
      for (const feature of ["::: quote", "::: details", "\n- ", "\\*"]) expect(english).toContain(feature);
    } finally {
      project.remove();
    }
  });
});

describe("build benchmark", () => {
  it("reports paired ratios, time per page and peak memory", async () => {
    const report = await benchBuild(options, { sizes: [3, 5], locales: 2, runs: 1, warmup: false, profile: false });
    expectWellFormed(report);
    expect(report.figures.sizes.map((s) => s.pages)).toEqual([6, 10]);
    for (const size of report.figures.sizes) {
      expect(isRatio(size.ratio.median)).toBe(true);
      expect(isRatio(size.projectMsPerPage) && isRatio(size.bareMsPerPage)).toBe(true);
      expect(size.projectMaxRssKb.max).toBeGreaterThan(10_000);
    }
    expect(report.figures.sizes[1]!.projectMarginalMsPerPage).toEqual(expect.any(Number));
    expect(isRatio(report.figures.headline.cpuRatio.median)).toBe(true);
    expect(report.targets[0]!.limit).toContain("1.15");
    expect(report.figures.profile).toBeUndefined();
  }, 180_000);
});

describe("locale check benchmark", () => {
  it("times the check and the command over a synthetic campaign", async () => {
    const report = await benchLocaleCheck(options, { sections: 5, locales: 2, runs: 1 });
    expectWellFormed(report);
    expect(report.figures.check.median).toBeGreaterThan(0);
    expect(report.figures.command.median).toBeGreaterThan(0);
    expect(report.figures.files).toBe(5 * 2 + 2 * 2);
  }, 120_000);
});

describe("page weight", () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildRealSite();
  });
  afterAll(() => site?.remove());

  it("weighs every built page, with what it loads", async () => {
    const report = await benchPageWeight(options, site.dir);
    expectWellFormed(report);
    const pages = builtPages(site.dir);
    expect(report.figures.pages.map((p) => p.page)).toEqual(pages);
    expect(report.tables[1]!.rows.map((r) => r[0]!.replace(/ \(print\)$/, ""))).toEqual(pages);
    const home = report.figures.pages.find((p) => p.page === "/en/")!;
    expect(home.loads).toContain("/assets/site.css");
    expect(home.css.gzip).toBeGreaterThan(0);
    expect(home.css.gzip).toBeLessThan(home.css.raw);
    expect(home.total.brotli).toBeLessThanOrEqual(home.total.gzip);
    expect(report.figures.homes.map((h) => h.page)).toEqual(expect.arrayContaining(["/", "/en/", "/ar/"]));
  });

  it("finds stylesheets, fonts, images and scripts in HTML and CSS", () => {
    const page = new URL("https://x.invalid/en/a/");
    const html = `<link rel="stylesheet" href="../s.css"><link rel=icon href="/i.svg"><img src="p.png"><script src="/a.js"></script>
      <script>alert(1)</script><script type="application/ld+json">{}</script><!-- <img src="no.png"> --><style>@font-face{src:url(f.woff2) format("woff2"),url(f.woff)}</style>`;
    expect(htmlResources(html, page).map((r) => `${r.kind} ${r.url.pathname}`)).toEqual([
      "css /en/s.css",
      "image /i.svg",
      "image /en/a/p.png",
      "script /a.js",
      "font /en/a/f.woff2",
    ]);
    expect(inlineScripts(html)).toBe("alert(1)".length);
    const css = `@import "b.css"; @font-face { font-family: X; src: url("../fonts/x.woff2") format("woff2"); } body { background: url(bg.png) }`;
    expect(cssResources(css, new URL("https://x.invalid/assets/a.css")).map((r) => `${r.kind} ${r.url.pathname}`)).toEqual([
      "css /assets/b.css",
      "font /fonts/x.woff2",
      "image /assets/bg.png",
    ]);
  });
});

describe("PDF benchmark", () => {
  it("compares one browser with a pagedjs-cli process per document", async () => {
    const report = await benchPdfs(options, { runs: 1, rebuildRuns: 0, locale: "en", maxDocuments: 1, timeoutMs: 60_000 });
    expectWellFormed(report);
    expect(report.figures.documents).toBe(1);
    expect(report.figures.pages).toBeGreaterThan(0);
    expect(isRatio(report.figures.ratio.median)).toBe(true);
    expect(isRatio(report.figures.oneBrowserDocsPerSecond)).toBe(true);
  }, 180_000);

  it("reads the PDF summary line that npm run build prints", async () => {
    const lines: string[] = [];
    const siteDir = mkdtempSync(join(tmpdir(), "pledge-bench-test-"));
    try {
      await buildPdfs({ root: ROOT, siteDir, cacheDir: false, log: (line) => lines.push(line), filter: () => false });
    } finally {
      rmSync(siteDir, { recursive: true, force: true });
    }
    expect(pdfCounts(lines.join("\n"))).toEqual({ documents: 0, rendered: 0, cached: 0 });
    expect(pdfCounts("  10 PDFs in 0.2 s (0 rendered in one browser, 10 from the cache)")).toEqual({ documents: 10, rendered: 0, cached: 10 });
  });
});

describe("share card benchmark", () => {
  it("renders the cards cold, then finds every one in the cache", async () => {
    const report = await benchShareCards(options, { runs: 1 });
    expectWellFormed(report);
    expect(report.figures.cards).toBeGreaterThan(0);
    expect(report.figures.largestBytes).toBeGreaterThan(0);
    expect(isRatio(report.figures.coldCardsPerSecond)).toBe(true);
  }, 300_000);
});
