// The bench's inputs, at a small scale: the realistic synthetic campaign (distinct sections, the
// real sections' lengths, translations the check accepts), the repeated one kept as the worst case,
// and the two Eleventy yardsticks building real pages (layout applied, I18nPlugin's links) from them.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { prepareBareInput } from "../scripts/bench/bareEleventy.ts";
import { runChild } from "../scripts/bench/childProcess.ts";
import { createSyntheticProject, type SyntheticProject } from "../scripts/bench/syntheticProject.ts";
import { checkLocales } from "../scripts/check/index.ts";
import { ROOT } from "./helpers/site.ts";

const SECTIONS = 24;
const bodyOf = (text: string) => text.slice(text.indexOf("\n---\n", 4) + 5);
const words = (text: string) => text.match(/\S+/g)?.length ?? 0;
const read = (project: SyntheticProject, locale: string, id: string) => readFileSync(join(project.root, "content", locale, `${id}.md`), "utf8");

let realistic: SyntheticProject;
let repeated: SyntheticProject;
const outputs: string[] = [];
beforeAll(() => {
  realistic = createSyntheticProject(ROOT, { sections: SECTIONS, locales: 3 });
  repeated = createSyntheticProject(ROOT, { sections: SECTIONS, locales: 3, kind: "repeated" });
});
afterAll(() => {
  realistic.remove();
  repeated.remove();
  for (const dir of outputs) rmSync(dir, { recursive: true, force: true });
});

describe("the realistic synthetic campaign", () => {
  test("every section body is distinct, in every locale; the repeated campaign repeats its 8", () => {
    expect(realistic.kind).toBe("realistic");
    for (const locale of realistic.locales) {
      expect(new Set(realistic.sectionIds.map((id) => bodyOf(read(realistic, locale, id)))).size).toBe(SECTIONS);
    }
    expect(new Set(repeated.sectionIds.map((id) => bodyOf(read(repeated, "en", id)).replace(/\d/g, ""))).size).toBe(8);
  });

  test("the sections have the real sections' lengths: short and long ones, about the real total per 8 sections", () => {
    const real = readdirSync(join(ROOT, "content", "en")).map((f) => words(bodyOf(readFileSync(join(ROOT, "content", "en", f), "utf8"))));
    const lengths = realistic.sectionIds.map((id) => words(bodyOf(read(realistic, "en", id))));
    expect(Math.min(...lengths)).toBeLessThan(Math.max(...real));
    expect(Math.max(...lengths)).toBeGreaterThan(Math.min(...real) * 0.75);
    const total = lengths.reduce((a, b) => a + b, 0);
    const realTotal = real.reduce((a, b) => a + b, 0) * (SECTIONS / real.length);
    // Within 10 %: taking every unit up to the target and one past it had made them 14 % longer.
    expect(total / realTotal).toBeGreaterThan(0.9);
    expect(total / realTotal).toBeLessThan(1.1);
  });

  test("the same seed makes the same campaign", () => {
    const again = createSyntheticProject(ROOT, { sections: 3, locales: 2 });
    try {
      for (const id of again.sectionIds) for (const locale of again.locales) expect(read(again, locale, id)).toBe(read(realistic, locale, id));
    } finally {
      again.remove();
    }
  });

  test("the translations pass the check: no errors, every block where the English has it", () => {
    const result = checkLocales(realistic.root);
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(result.problems.filter((p) => p.kind === "structure" || p.kind === "markup" || p.kind === "link")).toEqual([]);
    expect(read(realistic, "ar", realistic.sectionIds[9]!)).toMatch(/[\u0621-\u064a]{3,}/);
  });
});

describe("the Eleventy yardsticks", () => {
  const build = async (kind: "bare" | "i18n") => {
    const input = prepareBareInput(realistic.root, realistic.locales, kind);
    const output = mkdtempSync(join(tmpdir(), "pledge-bench-test-"));
    outputs.push(output);
    try {
      const run = await runChild(join(ROOT, "scripts", "bench", "children", "buildBare.ts"), [input.dir, output], { cwd: input.dir });
      expect(run.maxRssKb).toBeGreaterThan(10_000);
      const prefix = kind === "bare" ? join(output, "content") : output;
      return (locale: string, id: string) => readFileSync(join(prefix, locale, id, "index.html"), "utf8");
    } finally {
      input.remove();
    }
  };

  test("bare Eleventy writes every page through its layout", async () => {
    const page = await build("bare");
    expect(page("ar", realistic.sectionIds[0]!)).toMatch(/^<!doctype html>[\s\S]*<main><[\s\S]*<\/main>/);
  }, 60_000);

  test("Eleventy + I18nPlugin writes lang, dir, the alternates and the locale's UI strings", async () => {
    const page = await build("i18n");
    const id = realistic.sectionIds[1]!;
    const arabic = page("ar", id);
    expect(arabic).toContain('<html lang="ar" dir="rtl">');
    expect(arabic).toContain(`<link rel="alternate" hreflang="en" href="/en/${id}/">`);
    expect(arabic).toContain(`<link rel="alternate" hreflang="fr" href="/fr/${id}/">`);
    expect(arabic).toContain(`<a href="/ar/${realistic.sectionIds[0]}/">`);
    expect(arabic).toContain(JSON.parse(readFileSync(join(ROOT, "locales", "ar", "ui.json"), "utf8")).site.skipToContent);
  }, 60_000);
});
