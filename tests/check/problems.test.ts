// The check as a library: each fixture's problem found with the right file, line, severity and kind.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { checkLocales } from "../../scripts/check/checkLocales.ts";
import { refuseFailingTranslations } from "../../scripts/check/publishGate.ts";
import { copyProject } from "../helpers/project.ts";
import { brief, check, copyFixture } from "./fixtures.ts";

describe("a clean project", () => {
  test("has no problems at all, though one file has a byte-order mark and CRLF line ends", () => {
    const result = check("clean");
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    const fr = result.locales.find((l) => l.code === "fr")!;
    expect(fr.sections).toMatchObject({ total: 2, upToDate: 2, reviewed: 2, missing: 0 });
    expect(fr.strings).toMatchObject({ total: 9, translated: 9, missing: 0 });
  });
});

describe("missing parts", () => {
  const result = check("missing");
  test("a section or string the translation lacks entirely is work to do, even in a complete locale; a missing plural form is an error there", () => {
    const fr = result.problems.filter((p) => p.locale === "fr").map(brief);
    expect(fr).toEqual([
      // Added to the English since the translation was complete: readers see the English.
      { locale: "fr", file: "content/fr/beta.md", line: undefined, severity: "warning", kind: "missing-section" },
      { locale: "fr", file: "locales/fr/ui.json", line: 7, severity: "warning", kind: "missing-string" },
      { locale: "fr", file: "locales/fr/ui.json", line: 7, severity: "error", kind: "missing-string" },
    ]);
    const messages = result.problems.filter((p) => p.locale === "fr").map((p) => p.message);
    expect(messages[1]).toBe('missing "home.cta"');
    // French plural rules have "many": the English has only one/other, French needs it all the same.
    expect(messages[2]).toBe('missing the plural form "many" of "home.pageCount"');
    expect(result.ok).toBe(false);
  });

  test("each plural category Arabic needs is required of it, as warnings while it is in progress", () => {
    const ar = result.problems.filter((p) => p.locale === "ar");
    expect(ar.map((p) => p.message)).toEqual([
      'missing the plural form "zero" (used for 0) of "home.pageCount"',
      'missing the plural form "two" (used for 2) of "home.pageCount"',
      'missing the plural form "few" (used for 3, 4, 5…) of "home.pageCount"',
      'missing the plural form "many" (used for 11, 12, 13…) of "home.pageCount"',
    ]);
    expect(new Set(ar.map((p) => p.severity))).toEqual(new Set(["warning"]));
    expect(ar[0]!.hint).toContain('add "pageCount_zero"');
  });

  test("the summary counts them", () => {
    const fr = result.locales.find((l) => l.code === "fr")!;
    expect(fr.sections).toMatchObject({ total: 2, upToDate: 1, missing: 1 });
    expect(fr.strings).toMatchObject({ total: 9, missing: 2 });
    expect(fr.errors).toBe(1);
    const ar = result.locales.find((l) => l.code === "ar")!;
    expect(ar.strings).toMatchObject({ total: 12, translated: 8, missing: 4 });
    expect(ar).toMatchObject({ errors: 0, warnings: 4, complete: false });
  });
});

test("orphans: a section, a key, a group and a plural form the English (or French) does not have", () => {
  const result = check("orphans");
  expect(result.problems.map(brief)).toEqual([
    { locale: "fr", file: "content/fr/gamma.md", line: undefined, severity: "warning", kind: "orphan-section" },
    { locale: "fr", file: "locales/fr/ui.json", line: 14, severity: "warning", kind: "orphan-string" },
    { locale: "fr", file: "locales/fr/ui.json", line: 15, severity: "warning", kind: "orphan-string" },
    { locale: "fr", file: "locales/fr/ui.json", line: 17, severity: "warning", kind: "orphan-string" },
  ]);
  expect(result.problems.map((p) => p.message)).toEqual([
    "the English no longer has this section (it is not in content/sections.yml)",
    '"home.oldKey" is not in the English strings any more',
    '"home.pageCount_few": French has no plural form "few"',
    'the group "legacy" is not in the English strings any more',
  ]);
  expect(result.ok).toBe(true);
});

test("files that do not parse: each one reported with line, column and the reason in plain words", () => {
  const result = check("parse");
  expect(result.problems.map((p) => ({ ...brief(p), column: p.column, message: p.message }))).toEqual([
    { locale: "fr", file: "content/fr/alpha.md", line: 3, column: 9, severity: "error", kind: "parse", message: "the front matter is not valid YAML: the \"[\" here is never closed with \"]\" (a value that starts with [ is read as a list)" },
    { locale: "fr", file: "content/fr/beta.md", line: 5, column: 13, severity: "error", kind: "parse", message: "the file is not valid UTF-8 text" },
    {
      locale: "fr",
      file: "locales/fr/ui.json",
      line: 4,
      column: 3,
      severity: "error",
      kind: "parse",
      message: "not valid JSON: a key is not in double quotes, or there is a comma before a closing }",
    },
  ]);
  // An error even in a locale still in progress; the broken files count as broken, not missing.
  const fr = result.locales.find((l) => l.code === "fr")!;
  expect(fr.complete).toBe(false);
  expect(fr.sections).toMatchObject({ broken: 2, missing: 0 });
  expect(result.ok).toBe(false);
});

test("placeholders: a misspelt interpolation, a dropped nesting and an extra one", () => {
  const result = check("placeholders");
  expect(result.problems.map((p) => ({ ...brief(p), message: p.message }))).toEqual([
    { locale: "fr", file: "locales/fr/ui.json", line: 8, severity: "error", kind: "placeholder", message: '"home.cta" has {{name}}, which the English does not' },
    { locale: "fr", file: "locales/fr/ui.json", line: 9, severity: "error", kind: "placeholder", message: '"home.back" lacks $t(site.home)' },
    {
      locale: "fr",
      file: "locales/fr/ui.json",
      line: 10,
      severity: "error",
      kind: "placeholder",
      message: '"home.position" lacks {{total}} and has {{totale}}, which the English does not',
    },
  ]);
});

test("structure: a heading and a list item fewer than the English is an error in a complete locale, at the first difference", () => {
  const result = check("structure");
  expect(result.problems.map(brief)).toEqual([{ locale: "fr", file: "content/fr/alpha.md", line: 9, severity: "error", kind: "structure" }]);
  expect(result.problems[0]!.message).toBe("the English heading at content/en/alpha.md:7 has no counterpart here (1 more block after it differs too)");
  expect(result.problems[0]!.hint).toBe("translate it (“Why we pledge”) and put it here with the same number of # signs, as the English has it");
  expect(result.ok).toBe(false);
});

test("citations: a lost marker is an error in a complete locale, a warning in one in progress", () => {
  const result = check("citations");
  expect(result.problems.map((p) => ({ ...brief(p), message: p.message }))).toEqual([
    // The marker was the quotation's attribution: both are reported, at the quotation.
    {
      locale: "ar",
      file: "content/ar/alpha.md",
      line: 14,
      severity: "warning",
      kind: "structure",
      message: "this quotation has no attribution (its source); the English one at content/en/alpha.md:12 has “A-HRC-59-23-AEV*”",
    },
    { locale: "ar", file: "content/ar/alpha.md", line: 14, severity: "warning", kind: "citation", message: "lacks the citation marker A-HRC-59-23-AEV*" },
    { locale: "fr", file: "content/fr/alpha.md", line: 7, severity: "error", kind: "citation", message: "lacks the citation marker [78 A, B]" },
  ]);
  expect(result.ok).toBe(false);
});

test("citations: a marker the English has twice, lost at its first place, is reported there, not where the translation keeps it", () => {
  // The real dual-use section quotes A-HRC-59-23-AEV* twice (its lines 7 and 27); the Arabic loses the first.
  const project = copyProject();
  try {
    const file = "content/ar/dual-use.md";
    const lines = readFileSync(join(project.root, file), "utf8").split("\n");
    const first = lines.indexOf("::: quote A-HRC-59-23-AEV\\*");
    const second = lines.findIndex((l, i) => i > first && l.trim() === "::: quote A-HRC-59-23-AEV\\*");
    expect(first >= 0 && second > first).toBe(true);
    lines[first] = "::: quote";
    project.write(file, lines.join("\n"));
    const problems = checkLocales(project.root, { diffs: false, locales: ["ar"] }).problems.filter((p) => p.file === file && (p.kind === "citation" || p.kind === "structure"));
    expect(problems.map((p) => ({ line: p.line, kind: p.kind }))).toEqual([
      { line: first + 1, kind: "structure" },
      { line: first + 1, kind: "citation" },
    ]);
    expect(problems[1]!.message).toBe("lacks the citation marker A-HRC-59-23-AEV* (the English has it 2 times, this file 1)");
  } finally {
    project.remove();
  }
});

test("untranslated: a section still in English, an English list item, English UI strings (not a PDF/placeholder-only one)", () => {
  const result = check("untranslated");
  expect(result.problems.map((p) => ({ ...brief(p), message: p.message }))).toEqual([
    { locale: "fr", file: "content/fr/alpha.md", line: 11, severity: "warning", kind: "untranslated", message: "a list item is still the English text: “Workers have a voice.”" },
    { locale: "fr", file: "content/fr/beta.md", line: 5, severity: "warning", kind: "untranslated", message: "this section is still the English text: nothing in it is translated yet" },
    { locale: "fr", file: "locales/fr/ui.json", line: 4, severity: "warning", kind: "untranslated", message: '"site.language" is still the English text' },
    { locale: "fr", file: "locales/fr/ui.json", line: 8, severity: "warning", kind: "untranslated", message: '"home.cta" is still the English text' },
  ]);
  const fr = result.locales.find((l) => l.code === "fr")!;
  expect(fr.sections).toMatchObject({ untranslated: 1, upToDate: 1 });
  expect(fr.strings).toMatchObject({ untranslated: 2, translated: 7 });
});

test("review status: no source: line, and a draft", () => {
  const result = check("review");
  expect(result.problems.map((p) => ({ ...brief(p), message: p.message }))).toEqual([
    { locale: "fr", file: "content/fr/alpha.md", line: 2, severity: "warning", kind: "unmarked", message: "has no source: line, so the check cannot tell which English version it translates" },
    { locale: "fr", file: "content/fr/beta.md", line: 3, severity: "warning", kind: "draft", message: "the translation is a draft: not yet reviewed by a second native speaker" },
  ]);
  expect(result.problems[0]!.hint).toContain("npm run locale:mark -- fr alpha");
  const fr = result.locales.find((l) => l.code === "fr")!;
  expect(fr.sections).toMatchObject({ unmarked: 1, draft: 1, reviewed: 0, upToDate: 1 });
});

test("stale sections are warnings at their source: line; a source: naming no known English version is said so", () => {
  const result = check("stale");
  expect(result.problems.map(brief)).toEqual([
    { locale: "fr", file: "content/fr/alpha.md", line: 4, severity: "warning", kind: "stale" },
    { locale: "fr", file: "content/fr/beta.md", line: 4, severity: "warning", kind: "unknown-source" },
  ]);
  // Without diffs asked for, no word diff is made.
  expect(result.problems.every((p) => p.diff === undefined)).toBe(true);
  expect(result.problems[1]!.message).toBe("the source: line names version 0123456789ab, which matches no English version of this section the check can find, so it cannot tell what changed since");
  expect(result.problems[1]!.hint).toContain("npm run locale:mark -- fr beta");
});

test("--locale narrowing: only that locale's problems (and the source's)", () => {
  const result = check("missing", { locales: ["ar"] });
  expect(result.locales.map((l) => l.code)).toEqual(["en", "ar"]);
  expect(new Set(result.problems.map((p) => p.locale))).toEqual(new Set(["ar"]));
  expect(result.ok).toBe(true);
});

test("a kicker the English has and the translation lacks, or keeps in English, is reported", async () => {
  const { root, remove } = copyFixture("clean");
  try {
    const english = join(root, "content/en/alpha.md");
    writeFileSync(english, readFileSync(english, "utf8").replace("title: The pledge\n", "kicker: Why do we pledge?\ntitle: The pledge\n"));
    rmSync(join(root, "content/.versions"), { recursive: true, force: true });
    const lacking = checkLocales(root, { diffs: false }).problems.filter((p) => p.kind === "structure");
    expect(lacking.map((p) => [p.file, p.line, p.message])).toEqual([["content/fr/alpha.md", 2, "has no kicker: line; the English has one (the heading shown above the title)"]]);
    const french = join(root, "content/fr/alpha.md");
    writeFileSync(french, readFileSync(french, "utf8").replace("title: L'engagement\n", "title: L'engagement\nkicker: Why do we pledge?\n"));
    const kept = checkLocales(root, { diffs: false }).problems.filter((p) => p.kind === "untranslated");
    expect(kept.map((p) => [p.file, p.line, p.message])).toEqual([["content/fr/alpha.md", 3, "the kicker is still the English text: “Why do we pledge?”"]]);
  } finally {
    remove();
  }
});

test("the build's refusal counts what it shows: its errors, and the other problems it leaves out as npm run check's", () => {
  const result = check("missing");
  const logged: string[] = [];
  expect(() => refuseFailingTranslations(result, (text) => logged.push(text))).toThrow(/in a locale marked complete \(fr\)/);
  const others = result.problems.length - 1;
  expect(others).toBeGreaterThan(1);
  expect(logged.join("\n").split("\n").at(-1)).toBe(`✗ 1 error (and ${others} other problems left out here: npm run check shows them): fix the errors above (see TRANSLATING.md for what each message means)`);
});
