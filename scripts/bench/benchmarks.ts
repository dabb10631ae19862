// The benchmarks `npm run bench` knows, by the name that selects one (npm run bench -- build).
// Page weight is not among them: tests/browser/page-weight.test.ts holds every page to its
// budget, measured by the browser itself, on every npm test.
import { benchBuild, BUILD_DEFAULTS, BUILD_QUICK, BUILD_SMOKE } from "./buildAtScale.ts";
import { benchDevServer } from "./devServer.ts";
import { benchLocaleCheck } from "./localeCheck.ts";
import { benchPdfs } from "./pdfs.ts";
import { benchShareCards } from "./shareCards.ts";
import { benchPdfScripts } from "./pdfScripts.ts";
import { benchTwoUp } from "./twoUp.ts";
import type { BenchOptions, BenchReport } from "./report.ts";

export interface Benchmark {
  name: string;
  what: string;
  run(options: BenchOptions & { profile: boolean }): Promise<BenchReport>;
}

export const BENCHMARKS: Benchmark[] = [
  {
    name: "build",
    what: "project build vs bare Eleventy and Eleventy + I18nPlugin at 100 / 500 / 2000 pages",
    run: (o) => benchBuild(o, { ...(o.smoke ? BUILD_SMOKE : o.quick ? BUILD_QUICK : BUILD_DEFAULTS), ...(o.profile ? { profile: true } : {}), ...(o.pairs ? { runs: o.pairs } : {}) }),
  },
  {
    name: "check",
    what: "npm run check over 10 locales x 500 sections",
    run: (o) => benchLocaleCheck(o),
  },
  {
    name: "dev",
    what: "npm start: an edit of a section to the open page reloaded, real project and 2000 pages",
    run: (o) => benchDevServer(o),
  },
  {
    name: "pdf",
    what: "PDFs in one browser vs a pagedjs-cli process per document; a second build from the cache",
    run: (o) => benchPdfs(o),
  },
  {
    name: "cards",
    what: "share cards rendered cold and from the cache",
    run: (o) => benchShareCards(o),
  },
  {
    name: "pdf-scripts",
    what: "the size of a leaflet per script (Latin, Arabic, Hebrew, Persian, Chinese, Devanagari, Cyrillic, Thai)",
    run: (o) => benchPdfScripts(o),
  },
  {
    name: "twoup",
    what: "imposing the real leaflet two-up on A4 (English and Arabic), median of many runs",
    run: (o) => benchTwoUp(o),
  },
];
