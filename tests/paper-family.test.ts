// Paper by reader: a locale's paper family ("paper" in locale.json, or its region's), the family of
// each paper, and the home page's downloads grouped by use with the reader's family first, read
// from the built HTML in English (Letter) and Arabic (A4).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { buildSite } from "../scripts/build/buildSite.ts";
import { printVariants } from "../scripts/print/index.ts";
import { parseLocaleMeta } from "../scripts/project/localeMeta.ts";
import { defaultPaperFamily, paperFamilyOf } from "../scripts/project/paperFamily.ts";
import { readProject } from "../scripts/project/readProject.ts";
import { decodeEntities, mainOf } from "./helpers/html.ts";
import { copyProject } from "./helpers/project.ts";
import { buildRealSite, ROOT, type BuiltSite } from "./helpers/site.ts";

const META = { name: "English", dir: "ltr", numberingSystem: "latn", complete: true };

describe("the paper family in locale.json", () => {
  test('"paper" is read when given', () => {
    expect(parseLocaleMeta(JSON.stringify({ ...META, paper: "a4" }), "locales/en/locale.json").paper).toBe("a4");
    expect(parseLocaleMeta(JSON.stringify({ ...META, paper: "letter" }), "locales/en/locale.json").paper).toBe("letter");
    expect(parseLocaleMeta(JSON.stringify(META), "locales/en/locale.json").paper).toBeUndefined();
  });

  test("anything else is an error naming the file, the line and the two families", () => {
    const text = JSON.stringify({ ...META, paper: "A4" }, null, 2);
    expect(() => parseLocaleMeta(text, "locales/en/locale.json")).toThrow(/locales\/en\/locale\.json:6.*"paper" must be "a4" or "letter", not "A4"/s);
    expect(() => parseLocaleMeta(JSON.stringify({ ...META, paper: 4 }, null, 2), "locales/en/locale.json")).toThrow(/remove the key to go by the locale's region/);
  });

  test("by default, the family of the locale's region: Letter in the Americas' Letter countries and the Philippines, A4 elsewhere", () => {
    for (const code of ["en", "en-US", "en-CA", "fr-CA", "es-MX", "es-US", "fil", "tl", "en-PH"]) expect(defaultPaperFamily(code), code).toBe("letter");
    for (const code of ["ar", "ar-EG", "en-GB", "en-IN", "fr", "es", "de", "pt-BR", "zh", "ur"]) expect(defaultPaperFamily(code), code).toBe("a4");
    // A code Intl cannot read still gets a family.
    expect(defaultPaperFamily("x-unknown-123")).toBe("a4");
  });

  test("the project: the campaign's en is Letter and ar A4; locale.json overrides; a broken value is a problem with file and line", () => {
    const project = readProject(ROOT);
    expect(Object.fromEntries(project.locales.map((l) => [l.code, l.paper]))).toMatchObject({ en: "letter", ar: "a4" });
    const copy = copyProject();
    try {
      copy.write("locales/ar/locale.json", JSON.stringify({ name: "العربية", dir: "rtl", numberingSystem: "latn", complete: true, paper: "letter" }, null, 2));
      expect(readProject(copy.root).locales.find((l) => l.code === "ar")!.paper).toBe("letter");
      copy.write("locales/ar/locale.json", JSON.stringify({ name: "العربية", dir: "rtl", numberingSystem: "latn", complete: true, paper: "legal" }, null, 2));
      const problems = readProject(copy.root).locales.find((l) => l.code === "ar")!.problems;
      expect(problems).toContainEqual(expect.objectContaining({ file: "locales/ar/locale.json", line: 6, message: expect.stringContaining('"paper" must be "a4" or "letter", not "legal"') }));
    } finally {
      copy.remove();
    }
  });
});

test("each paper's family: A sizes are a4, the North American sizes letter, custom sizes neither", () => {
  const families = Object.fromEntries(readProject(ROOT).documents.plan!.papers.map((p) => [p.name, paperFamilyOf(p)]));
  expect(families).toEqual({ A5: "a4", A4: "a4", A3: "a4", "half-letter": "letter", Letter: "letter", Tabloid: "letter" });
  expect(paperFamilyOf({ width: 297, height: 210 })).toBe("a4");
  expect(paperFamilyOf({ width: 200, height: 200 })).toBeUndefined();
});

describe("the home page's downloads", () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildRealSite();
    // One small PDF per declared file, as npm run build leaves them, then the second HTML pass lists them.
    const { PDFDocument } = await import("pdf-lib");
    const pdf = await PDFDocument.create();
    pdf.addPage();
    pdf.addPage();
    const bytes = await pdf.save();
    for (const code of ["en", "ar"]) for (const variant of printVariants(site.model.documents)) writeFileSync(join(site.dir, code, variant.file), bytes);
    await buildSite(ROOT, site.dir, { chromiumPages: false });
  }, 120_000);
  afterAll(() => site?.remove());

  /** The downloads section as headings, "other sizes" labels and file names, in page order. */
  function outline(code: string): string[] {
    const section = /<section class="downloads"[\s\S]*?<\/section>/.exec(mainOf(site.read(`/${code}/`)))![0];
    return [...section.matchAll(/<h3 class="download-use"[^>]*>([^<]+)<\/h3>|<p class="download-others"[^>]*>([^<]+)<\/p>|<li><a href="\/[a-z]+\/([^"]+)\.pdf"/g)].map((m) =>
      m[1] ? `## ${decodeEntities(m[1])}` : m[2] ? `-- ${decodeEntities(m[2])}` : m[3]!,
    );
  }

  const LETTER_HOME = ["leaflet-half-letter", "leaflet-half-letter-two-up", "fact-sheet-letter", "poster-tabloid"];
  const A4_HOME = ["leaflet", "leaflet-two-up", "fact-sheet", "poster"];
  const LETTER_PRESS = ["leaflet-half-letter-press", "fact-sheet-letter-press", "poster-tabloid-press"];
  const A4_PRESS = ["leaflet-press", "fact-sheet-press", "poster-press"];

  test("English (Letter): print at home, then for print shops, each with Letter sizes first", () => {
    expect(outline("en")).toEqual(["## Print at home", ...LETTER_HOME, "-- Other paper sizes", ...A4_HOME, "## For print shops", ...LETTER_PRESS, "-- Other paper sizes", ...A4_PRESS]);
  });

  test("Arabic (A4): the same groups in Arabic, with A4 sizes first", () => {
    expect(outline("ar")).toEqual(["## للطباعة في المنزل", ...A4_HOME, "-- مقاسات ورق أخرى", ...LETTER_HOME, "## للمطابع", ...A4_PRESS, "-- مقاسات ورق أخرى", ...LETTER_PRESS]);
  });

  test("each entry says its size on paper, page count and file size in the reader's language, each value isolated; two-up ones say how to print", () => {
    const en = site.read("/en/");
    expect(en).toMatch(/href="\/en\/leaflet-half-letter.pdf"[^>]*>[^<]+<\/a> <span class="meta"><bdi>5.5\s×\s8.5\sin<\/bdi>, PDF, <bdi>2 pages<\/bdi>, <bdi>\d+ kB<\/bdi><\/span>/);
    expect(en).toMatch(
      /href="\/en\/leaflet-half-letter-two-up.pdf"[^>]*>Leaflet, half letter, two on one US Letter sheet to cut in half<\/a> <span class="meta"><bdi>11\u00a0×\u00a08.5\u00a0in<\/bdi>, PDF, <bdi>2 pages<\/bdi>, <bdi>\d+ kB<\/bdi><\/span> <span class="hint">[^<]*short edge/,
    );
    expect(en).toMatch(/href="\/en\/fact-sheet.pdf"[^>]*>[^<]+<\/a> <span class="meta"><bdi>210\s×\s297\smm<\/bdi>, PDF/);
    const ar = site.read("/ar/");
    expect(ar).toMatch(/href="\/ar\/leaflet.pdf"[^>]*>[^<]+<\/a> <span class="meta"><bdi>148\s×\s210\sمم<\/bdi>، PDF، <bdi>صفحتان<\/bdi>، <bdi>\d+ كيلوبايت<\/bdi><\/span>/);
    expect(ar).toMatch(/href="\/ar\/leaflet-two-up.pdf"[^>]*>[^<]+<\/a> <span class="meta"><bdi>297\s×\s210\sمم<\/bdi>، PDF، <bdi>صفحتان<\/bdi>، <bdi>\d+ كيلوبايت<\/bdi><\/span> <span class="hint">[^<]*الحافة القصيرة/);
    expect(ar).toMatch(/href="\/ar\/poster-tabloid.pdf"[^>]*>[^<]+<\/a> <span class="meta"><bdi>11\s×\s17\sبوصة<\/bdi>، PDF/);
    // Translated throughout: no English fallback marked in the Arabic downloads.
    const section = /<section class="downloads"[\s\S]*?<\/section>/.exec(ar)![0];
    expect(section).not.toContain('lang="en"');
  });
});
