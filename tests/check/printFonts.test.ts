// The check warns when a locale's text uses a script no print font covers, with file and line.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { cpSync } from "node:fs";
import { join } from "node:path";
import { checkLocales } from "../../scripts/check/checkLocales.ts";
import { copyProject, type ProjectCopy } from "../helpers/project.ts";
import { ROOT } from "../helpers/site.ts";

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
});
