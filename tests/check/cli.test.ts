// npm run check as a translator or CI runs it: exit codes, the three output formats, --locale.
import { describe, expect, test } from "vitest";
import { checkLocales } from "../../scripts/check/checkLocales.ts";
import { runScript } from "../helpers/cli.ts";
import { ROOT } from "../helpers/site.ts";
import { fixture } from "./fixtures.ts";

const run = (name: string, ...args: string[]) => runScript("check.ts", ["--root", fixture(name), ...args]);

describe("exit status", () => {
  test.each([
    ["clean", 0],
    ["missing", 1],
    ["orphans", 0],
    ["parse", 1],
    ["placeholders", 1],
    ["structure", 1],
    ["citations", 1],
    ["untranslated", 0],
    ["stale", 0],
    ["review", 0],
  ])("check-%s exits %i", (name, status) => {
    const result = run(name, "--no-diff");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(status);
  });

  test("a usage mistake exits 2 and says how to call it", () => {
    const unknownLocale = run("clean", "--locale", "xx");
    expect(unknownLocale.status).toBe(2);
    expect(unknownLocale.stderr).toContain('there is no locale "xx": the locales are en, fr');
    const badFormat = run("clean", "--format", "html");
    expect(badFormat.status).toBe(2);
    expect(badFormat.stderr).toContain("usage: npm run check");
  });
});

describe("the text report", () => {
  test("starts with the summary table, then file:line: severity: message → what to do, grouped by file", () => {
    const { stdout } = run("missing");
    const lines = stdout.split("\n");
    expect(lines[0]).toMatch(/^Locale\s+Sections\s+missing\s+untranslated\s+stale\s+unmarked\s+draft\s+Strings\s+missing\s+Errors\s+Warnings$/);
    expect(lines.find((l) => l.startsWith("fr (complete)"))).toMatch(/^fr \(complete\)\s+1\/2\s+1\s+-\s+-\s+-\s+-\s+7\/9\s+2\s+1\s+2$/);
    expect(lines.find((l) => l.startsWith("ar "))).toMatch(/^ar\s+2\/2\s+-\s+-\s+-\s+-\s+-\s+8\/12\s+4\s+0\s+4$/);
    const at = lines.indexOf('locales/fr/ui.json:7: warning: missing "home.cta"');
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toBe('  → add "cta": "…" inside "home": { … } translating "Take the pledge"');
    // Added to the English since fr was complete: work to do, not an error.
    expect(stdout).toContain("content/fr/beta.md: warning: this section is not translated yet");
    expect(stdout).toContain('locales/fr/ui.json:7: error: missing the plural form "many" of "home.pageCount"');
    expect(lines.at(-2)).toBe("✗ 1 error, 6 warnings: fix the errors above (see TRANSLATING.md for what each message means)");
  });
});

describe("--json", () => {
  test("prints the results as JSON: summary per locale and every problem", () => {
    const result = run("missing", "--json");
    expect(result.status).toBe(1);
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({ ok: false, sourceLocale: "en" });
    expect(json.locales.map((l: { code: string }) => l.code)).toEqual(["en", "ar", "fr"]);
    expect(json.locales[2]).toMatchObject({ code: "fr", complete: true, errors: 1, sections: { missing: 1 }, strings: { missing: 2 } });
    expect(json.problems[0]).toEqual({
      locale: "ar",
      file: "locales/ar/ui.json",
      line: 7,
      severity: "warning",
      kind: "missing-string",
      message: 'missing the plural form "zero" (used for 0) of "home.pageCount"',
      hint: 'add "pageCount_zero": "…" inside "home": { … } translating "{{count}} sheets"',
    });
    expect(json.problems).toHaveLength(7);
  });
});

describe("--format markdown", () => {
  test("prints a pull-request comment: verdict, table, errors in full, warnings folded", () => {
    const { stdout, status } = run("missing", "--format", "markdown");
    expect(status).toBe(1);
    expect(stdout).toMatch(/^## Translation check\n\n❌ \*\*1 error\*\*, 6 warnings\./);
    expect(stdout).toContain("| Locale | Sections | missing | untranslated | stale | unmarked | draft | Strings | missing | Errors | Warnings |");
    expect(stdout).toContain("| fr (complete) | 1/2 | 1 | - | - | - | - | 7/9 | 2 | 1 | 2 |");
    expect(stdout).toContain("### fr · Français (complete: errors block publishing)");
    expect(stdout).toContain(
      '- **error** `locales/fr/ui.json:7`: missing the plural form "many" of "home.pageCount"<br>→ add "pageCount\\_many": "…" inside "home": { … } translating "{{count}} sheets"',
    );
    expect(stdout).toMatch(/<details><summary>4 warnings<\/summary>\n\n- \*\*warning\*\* `locales\/ar\/ui.json:7`/);
  });

  test("a clean project says so", () => {
    const { stdout, status } = run("clean", "--format", "markdown");
    expect(status).toBe(0);
    expect(stdout).toContain("✅ No errors.");
    expect(stdout).not.toContain("###");
  });
});

describe("--locale", () => {
  test("narrows the report and the exit status to one locale", () => {
    const ar = run("missing", "--locale", "ar");
    expect(ar.status).toBe(0);
    expect(ar.stdout).not.toContain("content/fr/");
    expect(ar.stdout).toContain("locales/ar/ui.json:7: warning");
    const fr = run("missing", "--locale", "fr", "--json");
    expect(fr.status).toBe(1);
    expect(new Set(JSON.parse(fr.stdout).problems.map((p: { locale: string }) => p.locale))).toEqual(new Set(["fr"]));
  });
});

describe("the real content", () => {
  test("has no errors (the library)", () => {
    const result = checkLocales(ROOT);
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(result.ok).toBe(true);
    const ar = result.locales.find((l) => l.code === "ar")!;
    expect(ar.sections.missing).toBe(0);
    expect(ar.strings.missing).toBe(0);
  });

  test("npm run check exits 0 (the command, in the project folder)", () => {
    const result = runScript("check.ts", []);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/✓ no errors/);
  });
});
