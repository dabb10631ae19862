// The check warns when a locale's text uses a script no print font covers, with file and line.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { cpSync } from "node:fs";
import { join } from "node:path";
import { checkLocales } from "../../scripts/check/checkLocales.ts";
import { setPrintFontLookup } from "../../scripts/print/fonts.ts";
import { copyProject, type ProjectCopy } from "../helpers/project.ts";
import { ROOT } from "../helpers/site.ts";

// The fixture locales' fonts: subsets in tests/fixtures/print-fonts/ (npm run setup installs only what en and ar need).
process.env.PRINT_FONT_PACKAGES = join(ROOT, "tests", "fixtures", "print-fonts");

let project: ProjectCopy;
beforeAll(() => {
  project = copyProject();
  for (const fixture of ["print-scripts", "print-uncovered"]) cpSync(join(ROOT, "tests", "fixtures", fixture), project.root, { recursive: true });
});
afterAll(() => project?.remove());

describe("scripts without a print font", () => {
  test("Georgian: one warning per file and script, at the first line using it, naming the characters and how to add a font", () => {
    const result = checkLocales(project.root, { diffs: false });
    const warnings = result.problems.filter((p) => p.kind === "print-font");
    expect(warnings.map((p) => ({ locale: p.locale, file: p.file, line: p.line, severity: p.severity }))).toEqual([{ locale: "ka", file: "content/ka/pledge.md", line: 2, severity: "warning" }]);
    expect(warnings[0]!.message).toMatch(/^no print font covers the Georgian characters ვ ა ლ/);
    expect(warnings[0]!.hint).toMatch(/^add a print font for Georgian: .*scripts\/print\/fonts\.ts/);
  });

  test("every other fixture locale (one per print font) and the real English and Arabic: no warning", () => {
    const result = checkLocales(project.root, { diffs: false });
    expect(result.problems.filter((p) => p.kind === "print-font" && p.locale !== "ka")).toEqual([]);
  });

  test("Japanese with the Japanese and Chinese font packages not installed: the warning names the package and the command that adds it", () => {
    setPrintFontLookup((npm, real) => (/noto-sans-(jp|kr|sc|tc)$/.test(npm) ? undefined : real(npm)));
    try {
      const warnings = checkLocales(project.root, { diffs: false }).problems.filter((p) => p.kind === "print-font" && p.locale === "ja");
      const about = (script: string) => warnings.find((p) => p.message.startsWith(`no print font covers the ${script} characters`));
      expect(about("Han")).toMatchObject({ file: "content/ja/pledge.md", line: 2, severity: "warning" });
      expect(about("Han")!.hint).toMatch(/^install the print font for Chinese \(Simplified\), Noto Sans SC: npm install @fontsource\/noto-sans-sc /);
      expect(about("Katakana")).toMatchObject({ file: "content/ja/pledge.md", line: 6 });
      expect(about("Katakana")!.hint).toMatch(/^install the print font for Japanese, Noto Sans JP: npm install @fontsource\/noto-sans-jp /);
    } finally {
      setPrintFontLookup();
    }
  });
});
