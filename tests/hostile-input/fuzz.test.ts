// Random bytes and random mutations of the real section and locale files: every outcome is
// a reported ContentError or a clean parse, never a crash; the block reader and the aligner
// keep their promises (lines in range, every block aligned once and in order) on any input.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { ContentError } from "../../scripts/shared/contentError.ts";
import { renderMarkdown } from "../../scripts/shared/markdown.ts";
import { parseLocaleMeta } from "../../scripts/project/localeMeta.ts";
import { parseSectionFile } from "../../scripts/project/sectionFile.ts";
import { parseUiStrings } from "../../scripts/project/uiStrings.ts";
import { readText } from "../../scripts/shared/readText.ts";
import { checkLocales } from "../../scripts/check/index.ts";
import { alignBlocks, describeDivergence } from "../../scripts/project/align.ts";
import { readBlocks } from "../../scripts/project/blocks.ts";
import { copyProject } from "../helpers/project.ts";
import { ROOT } from "../helpers/site.ts";

const ITERATIONS = 150;
const work = mkdtempSync(join(tmpdir(), "pledge-fuzz-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A small seeded generator (mulberry32): a failure names its seed and can be replayed. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NASTY = [
  "---",
  "\n---\n",
  ":",
  ": ",
  '"',
  "'",
  "{",
  "}",
  "[",
  "]",
  ",",
  "\\",
  "\0",
  "\uFEFF",
  "\r\n",
  "\n",
  ":::",
  "::: quote",
  "::: details",
  "\t",
  "- ",
  "# ",
  "&#0;",
  "<script>",
  "permalink: x\n",
  "title:",
  "\u202E",
  "𝒳",
  "{{x}}",
];

function mutate(original: Uint8Array, next: () => number): Uint8Array {
  let bytes = Buffer.from(original);
  const edits = 1 + Math.floor(next() * 6);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(next() * (bytes.length + 1));
    const kind = Math.floor(next() * 5);
    if (kind === 0 && bytes.length > 0) bytes[Math.min(at, bytes.length - 1)] = Math.floor(next() * 256);
    else if (kind === 1) bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(NASTY[Math.floor(next() * NASTY.length)]!), bytes.subarray(at)]);
    else if (kind === 2) bytes = bytes.subarray(0, at);
    else if (kind === 3) bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(Math.min(bytes.length, at + Math.floor(next() * 40)))]);
    else bytes = Buffer.concat([bytes, bytes.subarray(0, at)]);
  }
  return bytes;
}

function randomBytes(next: () => number): Uint8Array {
  return Uint8Array.from({ length: Math.floor(next() * 400) }, () => Math.floor(next() * 256));
}

/** Runs `parse`; anything but success or a ContentError fails the test with the seed. */
function expectReportedOrClean(seed: number, parse: () => void) {
  try {
    parse();
  } catch (error) {
    if (error instanceof ContentError) {
      expect(error.message).toMatch(/^\S.*: .+\n {2}→ .+/);
      return;
    }
    throw new Error(`seed ${seed}: crashed with ${(error as Error)?.stack ?? error}`, { cause: error });
  }
}

const sectionFiles = ["pledge", "dual-use", "immoral"].flatMap((id) => ["en", "ar"].map((locale) => readFileSync(join(ROOT, "content", locale, `${id}.md`))));
const localeFiles = ["en", "ar"].flatMap((code) => ["locale.json", "ui.json"].map((name) => ({ name, bytes: readFileSync(join(ROOT, "locales", code, name)) })));

test("section files: mutations and random bytes are reported or parsed, and parsed ones render", () => {
  const dir = join(work, "content", "xx");
  for (let seed = 1; seed <= ITERATIONS; seed++) {
    const next = random(seed);
    const bytes = seed % 5 === 0 ? randomBytes(next) : mutate(sectionFiles[seed % sectionFiles.length]!, next);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "pledge.md"), bytes);
    expectReportedOrClean(seed, () => {
      renderMarkdown(parseSectionFile(readText(join(dir, "pledge.md"), work), "content/xx/pledge.md").body);
    });
  }
});

test("the block reader and the aligner: mutated sections read into blocks in range, and align with the English, every block once and in order", () => {
  for (let seed = 1; seed <= ITERATIONS; seed++) {
    const next = random(seed * 104729);
    const index = seed % sectionFiles.length;
    const englishBody = sectionFiles[index - (index % 2)]!.toString("utf8");
    const body = Buffer.from(seed % 5 === 0 ? randomBytes(next) : mutate(sectionFiles[index]!, next)).toString("utf8");
    const bodyLine = 1 + (seed % 4);
    const lastLine = bodyLine + body.split("\n").length - 1;
    let read: ReturnType<typeof readBlocks>;
    try {
      read = readBlocks(body, bodyLine);
    } catch (error) {
      throw new Error(`seed ${seed}: the block reader crashed with ${(error as Error)?.stack ?? error}`, { cause: error });
    }
    read.blocks.forEach((block, i) => {
      expect(block.line, `seed ${seed}`).toBeGreaterThanOrEqual(bodyLine);
      expect(block.endLine, `seed ${seed}`).toBeGreaterThanOrEqual(block.line);
      expect(block.endLine, `seed ${seed}`).toBeLessThanOrEqual(lastLine);
      expect(block.parent, `seed ${seed}`).toBeLessThan(i);
    });
    for (const problem of read.problems) {
      expect(problem.line, `seed ${seed}`).toBeGreaterThanOrEqual(bodyLine);
      expect(problem.line, `seed ${seed}`).toBeLessThanOrEqual(lastLine);
      expect(problem.message, `seed ${seed}`).toMatch(/\S/);
    }
    const english = readBlocks(englishBody, 1).blocks;
    expect(alignBlocks(read.blocks, read.blocks).divergences, `seed ${seed}`).toEqual([]);
    const alignment = alignBlocks(english, read.blocks, { ratio: 0.5 + next() });
    expect(
      alignment.pairs.filter((p) => p.english >= 0).map((p) => p.english),
      `seed ${seed}`,
    ).toEqual(english.map((_, i) => i));
    expect(
      alignment.pairs.filter((p) => p.translation >= 0).map((p) => p.translation),
      `seed ${seed}`,
    ).toEqual(read.blocks.map((_, i) => i));
    for (const pair of alignment.pairs) {
      expect([pair.kind, pair.english >= 0, pair.translation >= 0], `seed ${seed}`).toEqual([pair.kind, pair.kind !== "extra", pair.kind !== "missing"]);
    }
    for (const divergence of alignment.divergences) {
      const report = describeDivergence(divergence, english, read.blocks, { english: "content/en/x.md", translation: "content/xx/x.md", translationLine: bodyLine }, alignment);
      expect(report.message, `seed ${seed}`).toMatch(/\S/);
      expect(report.hint, `seed ${seed}`).toMatch(/\S/);
      expect(report.line, `seed ${seed}`).toBeGreaterThanOrEqual(bodyLine);
      expect(report.line, `seed ${seed}`).toBeLessThanOrEqual(lastLine);
    }
  }
});

test("locale files: mutations and random bytes are reported or parsed", () => {
  for (let seed = 1; seed <= ITERATIONS; seed++) {
    const next = random(seed);
    const dir = join(work, "locales", "xx");
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const { name, bytes } of localeFiles.slice(0, 2)) writeFileSync(join(dir, name), bytes);
    const target = localeFiles[seed % localeFiles.length]!;
    writeFileSync(join(dir, target.name), seed % 5 === 0 ? randomBytes(next) : mutate(target.bytes, next));
    expectReportedOrClean(seed, () => {
      parseLocaleMeta(readText(join(dir, "locale.json"), work), "locales/xx/locale.json");
      parseUiStrings(readText(join(dir, "ui.json"), work), "locales/xx/ui.json");
    });
  }
});

test("the check: mutated and random section and locale files are reported as problems, never a crash", () => {
  const project = copyProject();
  try {
    const targets = [...["pledge", "demands", "references"].map((id) => `content/ar/${id}.md`), "content/en/references.md", "locales/ar/ui.json", "locales/ar/locale.json", "locales/en/ui.json"];
    const originals = new Map(targets.map((path) => [path, readFileSync(join(project.root, path))]));
    for (let seed = 1; seed <= 60; seed++) {
      const next = random(seed * 7919);
      const path = targets[seed % targets.length]!;
      project.write(path, seed % 5 === 0 ? randomBytes(next) : mutate(originals.get(path)!, next));
      try {
        const result = checkLocales(project.root, { diffs: false });
        for (const problem of result.problems) {
          expect(problem.file, `seed ${seed}`).toMatch(/\S/);
          expect(problem.message, `seed ${seed}`).toMatch(/\S/);
        }
      } catch (error) {
        throw new Error(`seed ${seed} (${path}): the check crashed with ${(error as Error)?.stack ?? error}`, { cause: error });
      }
      project.write(path, originals.get(path)!);
    }
  } finally {
    project.remove();
  }
});
