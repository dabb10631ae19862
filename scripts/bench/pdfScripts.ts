// Benchmark "pdf-scripts": the size of a leaflet per script. The real English and Arabic
// leaflets, and those of the fixture locales in tests/fixtures/print-scripts/ (one per print font:
// the pledge's title and first sentence), rendered in a temp copy of the project. Each PDF embeds subsets of the fonts its text uses.
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildPdfs, embeddedFonts } from "../render/index.ts";
import { printFontNamed } from "../print/index.ts";
import { setPrintFontLookup } from "../print/fonts.ts";
import { scriptOf } from "../print/writingSystems.ts";
import { runChild } from "./childProcess.ts";
import type { BenchOptions, BenchReport } from "./report.ts";
import { CAMPAIGN_FILES, linkCode } from "./projectFiles.ts";

export interface ScriptLeaflet {
  locale: string;
  script: string;
  fonts: string[];
  bytes: number;
  pages: number;
}

const FIXTURE = join("tests", "fixtures", "print-scripts");

export async function benchPdfScripts(options: BenchOptions): Promise<BenchReport<{ leaflets: ScriptLeaflet[] }>> {
  const project = mkdtempSync(join(tmpdir(), "pledge-bench-scripts-"));
  try {
    linkCode(options.root, project);
    for (const copied of CAMPAIGN_FILES) cpSync(join(options.root, copied), join(project, copied), { recursive: true });
    cpSync(join(options.root, FIXTURE), project, { recursive: true });
    // The fixture locales' fonts: subsets of the real ones, as in the tests (npm run setup installs only the fonts the campaign's locales need).
    process.env.PRINT_FONT_PACKAGES ??= join(options.root, "tests", "fixtures", "print-fonts");
    // Forget the fonts earlier benchmarks of this process found (and the routes the PDF server serves).
    setPrintFontLookup();
    const siteDir = join(project, "_site");
    options.log("pdf-scripts: building the site with the fixture locales into a temp folder");
    await runChild(join(import.meta.dirname, "children", "buildProject.ts"), [project, siteDir], { cwd: project });
    options.log("pdf-scripts: rendering one leaflet per locale");
    // A smoke run (tests) renders two leaflets: one Latin, one in another script.
    const wanted = (locale: string) => !options.smoke || locale === "en" || locale === "he";
    const { results } = await buildPdfs({ root: project, siteDir, cacheDir: false, log: options.log, filter: (job) => job.variant.id === "leaflet" && wanted(job.locale) });
    const leaflets: ScriptLeaflet[] = [];
    for (const result of results) {
      const fonts = await embeddedFonts(readFileSync(result.job.target));
      // The locale's script: the most frequent one among the letters its fonts print, Latin aside.
      const counts = new Map<string, number>();
      for (const c of fonts.flatMap((f) => f.chars)) {
        const script = scriptOf(c);
        if (script !== "symbols" && script !== "combining marks") counts.set(script, (counts.get(script) ?? 0) + 1);
      }
      const nonLatin = [...counts].filter(([s]) => s !== "Latin").toSorted((a, b) => b[1] - a[1]);
      const script = nonLatin[0]?.[0] ?? "Latin";
      const families = [...new Set(fonts.map((f) => printFontNamed(f.name)?.family ?? f.name))];
      leaflets.push({ locale: result.job.locale, script, fonts: families, bytes: result.bytes, pages: result.pages });
    }
    const kb = (bytes: number) => `${(bytes / 1000).toFixed(0)} kB`;
    return {
      name: "pdf-scripts",
      title: "Leaflet (A5, 2 pages) per script: PDF size with its embedded font subsets",
      tables: [
        {
          title: "One leaflet per locale (fixture locales translate the title and first sentence of the pledge; the rest prints in English)",
          head: ["locale", "script", "fonts embedded", "size", "pages"],
          rows: leaflets.map((l) => [l.locale, l.script, l.fonts.join(", "), kb(l.bytes), String(l.pages)]),
        },
      ],
      targets: [],
      facts: [{ what: "leaflet PDF size per script", measured: leaflets.map((l) => `${l.script} ${kb(l.bytes)}`).join(", ") }],
      notes: ["Sizes depend on how much text is in the script: the fixture locales translate only part of the leaflet, en and ar all of it."],
      figures: { leaflets },
    };
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
}
