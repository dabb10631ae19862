// The print font registry (scripts/print/fonts.ts) and what reads PDFs' fonts
// (scripts/render/embeddedFonts.ts): unicode ranges, the CSS a page gets, PDF font names, ToUnicode maps.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import {
  allCovered,
  facesFor,
  fontFilesIn,
  parseUnicodeRange,
  PRINT_FONT_WEIGHTS,
  PRINT_FONTS,
  printFontCss,
  printFontFiles,
  printFontHint,
  printFontNamed,
  printFontRoutes,
  printFontsForLocale,
  setPrintFontLookup,
  uncoveredCharacters,
} from "../scripts/print/fonts.ts";
import { checkPdfFonts, toUnicodeChars } from "../scripts/render/embeddedFonts.ts";
import { cacheKey } from "../scripts/render/pdfTask.ts";
import { printVariants } from "../scripts/print/variants.ts";
import { buildSiteModel } from "../scripts/site/model.ts";
import { scriptOf } from "../scripts/print/writingSystems.ts";
import { ROOT } from "./helpers/site.ts";

// The fonts the campaign's own locales do not need come from tests/fixtures/print-fonts/ (subsets
// of the real packages for the fixtures' text: npm run setup does not install the full ones).
process.env.PRINT_FONT_PACKAGES = join(ROOT, "tests", "fixtures", "print-fonts");

describe("the registry", () => {
  test("covers the scripts the README promises, each with a file for every weight the print CSS uses", () => {
    const scripts = new Set(PRINT_FONTS.flatMap((f) => f.scripts));
    for (const s of ["Latin", "Cyrillic", "Greek", "Arabic", "Hebrew", "Devanagari", "Bengali", "Han", "Hiragana", "Katakana", "Hangul", "Thai"]) expect(scripts, s).toContain(s);
    const files = printFontFiles();
    for (const font of PRINT_FONTS) {
      for (const weight of PRINT_FONT_WEIGHTS)
        expect(
          files.some((f) => f.font === font && f.weight === weight),
          `${font.family} ${weight}`,
        ).toBe(true);
    }
    for (const file of files) expect(existsSync(file.source), file.source).toBe(true);
  });

  test("letters of every covered script, Vietnamese and Latin Extended, Persian and Urdu letters: all covered", () => {
    const sample = "Tiếng Việt ąčęėįšųūž ß Ωμέγα Привет עברית العربية پچژگکی ٹڈڑںھہے हिन्दी বাংলা ไทย 汉字 漢字 ひらがな カタカナ 한국어";
    expect(uncoveredCharacters(sample)).toEqual([]);
    expect(uncoveredCharacters("ქართული ქართული")).toEqual([..."ქართული"]);
  });

  test("allCovered agrees with uncoveredCharacters, whatever texts it has met before", () => {
    // U+1EE00, a letter beyond the BMP that Amiri covers; U+20000, one no print font covers.
    const texts = ["Tiếng Việt ąčęėįšųūž", "العربية پچژگکی ٹڈڑںھہے \u{1ee00}", "汉字 ひらがな 한국어", "tab\tand\r\nnewline\u00a0nbsp"];
    for (let round = 0; round < 2; round++) {
      // Met again, the known characters are skipped by one search: a new one must still be looked up.
      expect(allCovered(texts)).toBe(true);
      expect(allCovered([...texts, "ქართული"])).toBe(false);
      expect(allCovered(["العربية", "العربية ქ"])).toBe(false);
      expect(allCovered(["汉字", "汉字 \u{20000}"])).toBe(false);
      // A lone surrogate is no character a font can print.
      expect(allCovered(["abc\ud800"])).toBe(false);
      // Spaces need no font, wherever they are in Unicode.
      expect(allCovered(["\u1680\u3000\ufeff\u2028 \u205f"])).toBe(true);
      expect(uncoveredCharacters("abc\ud800")).toEqual(["\ud800"]);
    }
  });

  test("Amiri has glyphs (not only a range) for the Persian and Urdu letters, in both weights (fc-query)", () => {
    for (const file of printFontFiles().filter((f) => f.font.family === "Amiri" && f.name.includes("-arabic-"))) {
      const charset = execFileSync("fc-query", ["-f", "%{charset}", file.source], { encoding: "utf8" });
      const ranges = charset
        .trim()
        .split(" ")
        .map((r) => r.split("-").map((x) => parseInt(x, 16)));
      const has = (c: string) => ranges.some(([a, b = a]) => c.codePointAt(0)! >= a! && c.codePointAt(0)! <= b!);
      expect(
        [..."پچژگکی ٹڈڑںھہےۓ"].filter((c) => c !== " " && !has(c)),
        file.name,
      ).toEqual([]);
    }
  });

  test("unicode-range parsing", () => {
    expect(parseUnicodeRange("U+0000-00FF,U+0131, U+1f921-1f930")).toEqual([
      [0, 255],
      [0x131, 0x131],
      [0x1f921, 0x1f930],
    ]);
  });
});

describe("fonts follow locales", () => {
  const family = (code: string) => printFontsForLocale(code).map((f) => f.family);

  test("a locale needs the Latin font and its own: by language, else by the script Intl gives it", () => {
    expect(family("en")).toEqual(["IBM Plex Sans"]);
    expect(family("ar")).toEqual(["IBM Plex Sans", "Amiri"]);
    expect(family("ja")).toEqual(["IBM Plex Sans", "Noto Sans JP"]);
    expect(family("zh-Hant-TW")).toEqual(["IBM Plex Sans", "Noto Sans TC"]);
    expect(family("yue")).toEqual(["IBM Plex Sans", "Noto Sans TC"]);
    expect(family("mai")).toEqual(["IBM Plex Sans", "Noto Sans Devanagari"]);
    expect(family("ru")).toEqual(["IBM Plex Sans"]);
    // Georgian has no print font: the check warns, with how to add one.
    expect(family("ka")).toEqual(["IBM Plex Sans"]);
  });

  test("a registered font whose package is not installed: its letters are uncovered, the hint names the package and the command, the CSS leaves the family out", () => {
    // As after npm run setup for English and Arabic: no CJK package.
    setPrintFontLookup((npm, real) => (/noto-sans-(jp|kr|sc|tc)$/.test(npm) ? undefined : real(npm)));
    try {
      expect(uncoveredCharacters("ひらがな abc")).toEqual([..."ひらがな"]);
      expect(allCovered(["ひらがな"])).toBe(false);
      expect(printFontHint("Hiragana")).toMatch(/^install the print font for Japanese, Noto Sans JP: npm install @fontsource\/noto-sans-jp /);
      expect(printFontHint("Han")).toContain("npm install @fontsource/noto-sans-sc ");
      // A family with no @font-face would be looked up among the machine's fonts.
      expect(printFontCss("ひらがな", "ja")).not.toMatch(/Noto Sans (JP|KR|SC|TC)/);
      expect(printFontHint("Georgian")).toMatch(/^add a print font for Georgian/);
    } finally {
      setPrintFontLookup();
    }
    expect(uncoveredCharacters("ひらがな")).toEqual([]);
  });

  test("the fixture fonts are the real fonts cut down: Fontsource's layout, the real PostScript names", () => {
    const jp = printFontFiles().filter((f) => f.font.family === "Noto Sans JP");
    expect(jp.length).toBeGreaterThan(2);
    for (const file of jp) expect(file.source).toContain(join("tests", "fixtures", "print-fonts", "@fontsource", "noto-sans-jp", "files"));
    const name = execFileSync("fc-query", ["-f", "%{postscriptname}", jp.find((f) => f.weight === 700)!.source], { encoding: "utf8" });
    expect(printFontNamed(`ABCDEF+${name}`)?.family).toBe("Noto Sans JP");
  });
});

describe("a print page's font CSS", () => {
  test("declares only the faces its text needs: an English page no Hebrew or Chinese, a Chinese page a few of the slices", () => {
    const english = printFontCss("The pledge");
    expect(english).toContain('font-family: "IBM Plex Sans"; font-style: normal; font-weight: 700');
    expect(english).not.toMatch(/Noto Sans (Hebrew|TC)"; font-style/);
    const chinese = facesFor("承諾 身為來自不同部門", "zh-Hant").filter((f) => f.font.family === "Noto Sans TC");
    expect(chinese.length).toBeGreaterThan(0);
    expect(chinese.length).toBeLessThan(20);
  });

  test("every language with its own family gets it first; Arabic, Persian and Urdu keep kerning off", () => {
    const css = printFontCss("x");
    expect(css).toMatch(/:where\(:lang\(zh-Hant\), :lang\(zh-TW\)[^{]*\{ font-family: "Noto Sans TC", "IBM Plex Sans"/);
    expect(css).toMatch(/:where\(:lang\(ar\), :lang\(fa\), :lang\(ur\)[^{]*\{ font-family: "Amiri", [^}]*font-kerning: none;/);
    expect(css).toMatch(/^:where\(html, \[lang\]\) \{ font-family: "IBM Plex Sans", /m);
  });

  test("font files a page declares map to node_modules; the servers' routes hold them", () => {
    const css = printFontCss("עברית");
    const files = fontFilesIn(css);
    expect(files.some((f) => f.endsWith("noto-sans-hebrew-hebrew-700-normal.woff2"))).toBe(true);
    const routes = printFontRoutes();
    for (const file of files) expect([...routes.values()]).toContain(file);
  });
});

describe("the PDF cache key", () => {
  test("changes when a font file the page declares changes", () => {
    const dir = mkdtempSync(join(tmpdir(), "pledge-font-key-"));
    try {
      const font = join(dir, "x-400-normal.woff2");
      writeFileSync(font, "one");
      const inputs = { html: new TextEncoder().encode("<p>x</p>"), assetsDir: join(dir, "none"), fonts: [font], variant: printVariants(buildSiteModel(process.cwd()).documents)[0]!, browser: "b" };
      const before = cacheKey(inputs, "r");
      expect(cacheKey(inputs, "r")).toBe(before);
      writeFileSync(font, "two");
      expect(cacheKey(inputs, "r")).not.toBe(before);
      expect(statSync(font).size).toBe(3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("reading a PDF's fonts", () => {
  test("PDF font names map to the registry; a system font's does not", () => {
    expect(printFontNamed("AAAAAA+NotoSansHebrewThin-Bold")?.family).toBe("Noto Sans Hebrew");
    expect(printFontNamed("BAAAAA+IBMPlexSans-Regular")?.family).toBe("IBM Plex Sans");
    expect(printFontNamed("CAAAAA+Amiri-Bold")?.family).toBe("Amiri");
    expect(printFontNamed("DAAAAA+DejaVuSans")).toBeUndefined();
    expect(printFontNamed("IBMPlexSansArabic-Regular")).toBeUndefined();
  });

  test("ToUnicode maps: bfchar, bfrange with a start and with a list", () => {
    const cmap = "2 beginbfchar\n<0003> <0020>\n<0004> <10D5>\nendbfchar\n2 beginbfrange\n<0005> <0007> <0041>\n<0010> <0011> [<05D0> <05D1>]\nendbfrange";
    expect(toUnicodeChars(cmap)).toEqual(["ვ", "A", "B", "C", "א", "ב"]);
  });

  test("the script of a character, for messages", () => {
    expect([..."aж中ვअ"].map(scriptOf)).toEqual(["Latin", "Cyrillic", "Han", "Georgian", "Devanagari"]);
    expect(scriptOf("→")).toBe("symbols");
  });

  test("page text no print font covers is an error even when no system font drew it", async () => {
    const { PDFDocument } = await import("pdf-lib");
    const empty = await (await PDFDocument.create()).save();
    await expect(checkPdfFonts(empty, { locale: "ka", document: "leaflet", label: "ka/leaflet.pdf", html: "<style>p{}</style><p>ვალდებულება</p>" })).rejects.toThrow(
      /ka\/leaflet\.pdf \(locale ka, leaflet\)[\s\S]*characters no print font covers\n\s+Georgian: "ვ ა ლ/,
    );
    await expect(checkPdfFonts(empty, { locale: "en", document: "leaflet", label: "en/leaflet.pdf", html: "<p>The pledge</p>" })).resolves.toBeUndefined();
  });
});
