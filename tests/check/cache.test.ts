// The check's cache (.cache/check/): a warm run gives exactly what a run without the cache gives,
// on the real project and after each kind of edit; an unchanged section is neither read into
// blocks nor aligned again; an entry that cannot be trusted is rebuilt.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { buildViews } from "../../scripts/build/eleventy/buildViews.ts";
import { checkLocales } from "../../scripts/check/checkLocales.ts";
import { setPrintFontLookup } from "../../scripts/print/fonts.ts";
import { readProject, type Project } from "../../scripts/project/readProject.ts";
import { runScript } from "../helpers/cli.ts";
import { copyProject } from "../helpers/project.ts";
import { copyFixture } from "./fixtures.ts";
import { useCacheInThisFile } from "../helpers/cache.ts";

// The other tests run without the cache (vitest.config.ts): these are about it.
useCacheInThisFile();

let copies: { remove(): void }[] = [];
afterEach(() => {
  for (const c of copies) c.remove();
  copies = [];
});

const cold = (root: string) => checkLocales(root, { cache: false });
const cached = (root: string) => checkLocales(root, { cache: true });
const pack = (root: string, code: string) => join(root, ".cache", "check", `${code}.json`);
/** The keys a locale's pack holds. */
const keysIn = (root: string, code: string) => Object.keys((JSON.parse(readFileSync(pack(root, code), "utf8")) as { entries: object }).entries);

/** The project with every section's blocks counted when asked for: the translated sections', and apart the English ones read. */
function countingBlocks(root: string): { project: Project; reads: () => number; files: () => Set<string>; english: () => Set<string> } {
  const project = readProject(root);
  let reads = 0;
  const files = new Set<string>();
  const english = new Set<string>();
  for (const locale of project.locales) {
    for (const section of locale.sections.values()) {
      const read = Object.getOwnPropertyDescriptor(section, "structure")!.get!;
      Object.defineProperty(section, "structure", {
        get() {
          if (locale === project.locales[0]) english.add(section.id);
          else {
            reads++;
            files.add(section.file);
          }
          return read.call(section);
        },
      });
    }
  }
  return { project, reads: () => reads, files: () => files, english: () => english };
}

describe("on a copy of the real project", () => {
  test("cold, filling and warm runs agree, and after each kind of edit the warm run is the cold one", () => {
    const copy = copyProject();
    copies.push(copy);
    const { root } = copy;
    const expected = cold(root);
    expect(expected.problems.length).toBeGreaterThan(0);
    expect(cached(root)).toStrictEqual(expected);
    const sections = readdirSync(join(root, "content", "ar")).length;
    // One pack per locale: an entry per translated section; the English's own part and its glossary terms in its pack.
    expect(readdirSync(join(root, ".cache", "check")).toSorted()).toEqual(["ar.json", "en.json"]);
    // And one for the forbidden renderings in its UI strings.
    expect(keysIn(root, "ar")).toHaveLength(sections + 1);
    expect(keysIn(root, "en")).toHaveLength(2);
    // Warm: the same result, and no section, English or translated, is read into blocks (nor aligned).
    const warm = countingBlocks(root);
    expect(checkLocales(warm.project, { cache: true })).toStrictEqual(expected);
    expect(warm.reads()).toBe(0);
    // Nor the English (for the glossary's terms, or the sentence counts the consistency rule compares).
    expect(warm.english()).toEqual(new Set());

    const id = readdirSync(join(root, "content", "ar"))[0]!.replace(/\.md$/, "");
    const edit = (file: string, change: (text: string) => string) => writeFileSync(join(root, file), change(readFileSync(join(root, file), "utf8")));
    const edits: [string, () => void][] = [
      ["an English edit", () => edit(`content/en/${id}.md`, (t) => t.replace(/\n\n([^\n]+)/, "\n\n$1 An added sentence [9 Z].\n\n[an added link](https://example.org/added)"))],
      ["a translated edit", () => edit(`content/ar/${id}.md`, (t) => `${t}\n\nفقرة مضافة https://example.org/other\n`)],
      ["a locale.json change", () => edit("locales/ar/locale.json", (t) => t.replace('"complete": true', '"complete": false, "glossary": "error", "exchange": "po"'))],
      // The forbidden renderings in the UI strings are kept by the strings' text and lines.
      ["a UI string with a forbidden rendering", () => edit("locales/ar/ui.json", (t) => t.replace('"اختر لغة"', '"اختر لغة نعين على"'))],
      ["a UI string moved to another line", () => edit("locales/ar/ui.json", (t) => t.replace('"language": "اللغة",', '"language": "اللغة",\n'))],
      // The English's terms are kept by the glossary's forms: a term the English no longer writes.
      ["a glossary term's forms", () => edit("content/glossary.yml", (t) => t.replace("forms: [abet, abets, abetting]", "forms: [abetz]"))],
      ["a glossary change", () => edit("content/glossary.yml", (t) => t.replace("accepted: [التحريض, تحريض, نحرض]", "accepted: [تحريض]\n    forbidden: [مايكروسوفت]"))],
    ];
    for (const [what, change] of edits) {
      change();
      const now = cold(root);
      expect(now, what).not.toStrictEqual(expected);
      expect(cached(root), `${what}: filling`).toStrictEqual(now);
      const again = countingBlocks(root);
      expect(checkLocales(again.project, { cache: true }), `${what}: warm`).toStrictEqual(now);
      expect(again.reads(), what).toBe(0);
      expect(again.english(), what).toEqual(new Set());
    }
  });

  test("a pack holding garbage, a truncated pack, or entries under other keys are not trusted, and are rebuilt", () => {
    const copy = copyProject();
    copies.push(copy);
    const { root } = copy;
    const expected = cold(root);
    cached(root);
    const intact = readFileSync(pack(root, "ar"), "utf8");
    const keys = keysIn(root, "ar");
    // Every entry of another key, holding a result that would show if it were served.
    const foreign = { state: "reviewed", problems: [], terms: { problems: [], uses: 0, asGlossary: 0 }, forbidden: { problems: [], count: 0 }, renderings: [], rendered: [] };
    const damaged: [string, string][] = [
      ["garbage", "\u0000not json at all"],
      ["truncated", intact.slice(0, intact.length / 2)],
      ["other keys", JSON.stringify({ format: 1, identity: (JSON.parse(intact) as { identity: string }).identity, entries: Object.fromEntries(keys.map((k) => [`${k.slice(0, -1)}x`, { used: 99_999, value: foreign }])) })],
      ["another format", intact.replace('"format":1', '"format":0')],
    ];
    for (const [what, text] of damaged) {
      writeFileSync(pack(root, "ar"), text);
      expect(cached(root), what).toStrictEqual(expected);
      expect(keysIn(root, "ar").toSorted(), what).toEqual([...keys].toSorted());
    }
    expect(readFileSync(pack(root, "ar"), "utf8")).toBe(intact);
  });
});

test("a print font package removed or installed: the kept coverage is not served under the other fonts", () => {
  const copy = copyProject();
  copies.push(copy);
  const { root } = copy;
  // Without its UI strings, the Arabic letters are in the sections alone (what the coverage kept is about).
  rmSync(join(root, "locales", "ar", "ui.json"));
  const expected = cold(root);
  expect(cached(root)).toStrictEqual(expected);
  expect(expected.problems.filter((p) => p.kind === "print-font")).toEqual([]);
  // Amiri not installed: the Arabic is printed by no font.
  setPrintFontLookup((npm, real) => (npm === "@fontsource/amiri" ? undefined : real(npm)));
  try {
    const without = cold(root);
    expect(without.problems.filter((p) => p.kind === "print-font" && p.locale === "ar").length).toBeGreaterThan(0);
    expect(cached(root)).toStrictEqual(without);
    expect(cached(root)).toStrictEqual(without);
  } finally {
    setPrintFontLookup();
  }
  expect(cached(root)).toStrictEqual(expected);
});

test("npm run build's check (buildViews) keeps its results in the same cache: a second build, and npm run check after it, read no translated section into blocks", () => {
  const copy = copyProject();
  copies.push(copy);
  const { root } = copy;
  // One English section edited: its translation is stale, with a word diff in npm run check.
  const id = readdirSync(join(root, "content", "ar"))[0]!.replace(/\.md$/, "");
  const english = join(root, "content", "en", `${id}.md`);
  writeFileSync(english, readFileSync(english, "utf8").replace(/\n\n([^\n]+)/, "\n\n$1 An added sentence."));
  const expected = checkLocales(root, { diffs: false, cache: false });
  expect(expected.problems.some((p) => p.kind === "stale")).toBe(true);
  expect(buildViews(readProject(root)).check()).toStrictEqual(expected);
  expect(keysIn(root, "ar").length).toBeGreaterThan(0);
  const second = countingBlocks(root);
  const views = buildViews(second.project);
  // (The site model reads sections for itself: only the check's reads are counted.)
  const bySite = second.reads();
  expect(views.check()).toStrictEqual(expected);
  expect(second.reads()).toBe(bySite);
  // The check with word diffs: its own entries for the stale sections only, the same result as without the cache.
  const withDiffs = cold(root);
  expect(withDiffs.problems.some((p) => p.kind === "stale" && p.diff)).toBe(true);
  const check = countingBlocks(root);
  expect(checkLocales(check.project, { cache: true })).toStrictEqual(withDiffs);
  expect(check.files()).toEqual(new Set(withDiffs.problems.filter((p) => p.kind === "stale").map((p) => p.file)));
});

test("stale translations (held to the English they were made from, word diff) are the same warm", () => {
  const copy = copyFixture("stale");
  copies.push(copy);
  const expected = cold(copy.root);
  expect(expected.problems.some((p) => p.kind === "stale" && p.diff)).toBe(true);
  expect(cached(copy.root)).toStrictEqual(expected);
  expect(cached(copy.root)).toStrictEqual(expected);
  // The snapshot gone: the key holds why the old English is unknown, so the result follows.
  const versions = join(copy.root, "content", ".versions");
  for (const id of readdirSync(versions)) for (const file of readdirSync(join(versions, id))) writeFileSync(join(versions, id, file), "");
  expect(cached(copy.root)).toStrictEqual(cold(copy.root));
});

test("repeated English (the consistency rule): warm as cold, and after the English stops repeating a text", () => {
  const copy = copyFixture("consistency");
  copies.push(copy);
  const expected = cold(copy.root);
  expect(expected.problems.some((p) => p.kind === "inconsistent")).toBe(true);
  expect(cached(copy.root)).toStrictEqual(expected);
  expect(cached(copy.root)).toStrictEqual(expected);
  // Each English paragraph made unique: the repeats (kept in the English's entry) change with it.
  const dir = join(copy.root, "content", "en");
  for (const name of readdirSync(dir)) writeFileSync(join(dir, name), readFileSync(join(dir, name), "utf8").replace(/\n\n([A-Z][^\n]*)/g, `\n\n$1 (${name})`));
  const now = cold(copy.root);
  expect(now.problems.filter((p) => p.kind === "inconsistent")).not.toEqual(expected.problems.filter((p) => p.kind === "inconsistent"));
  expect(cached(copy.root)).toStrictEqual(now);
  expect(cached(copy.root)).toStrictEqual(now);
});

test("npm run check keeps the cache; --no-cache and PLEDGE_NO_CACHE=1 neither read nor write it", () => {
  const copy = copyProject();
  copies.push(copy);
  const off = runScript("check.ts", ["--root", copy.root, "--no-cache"]);
  expect(existsSync(join(copy.root, ".cache", "check"))).toBe(false);
  runScript("check.ts", ["--root", copy.root], { env: { PLEDGE_NO_CACHE: "1" } });
  expect(existsSync(join(copy.root, ".cache", "check"))).toBe(false);
  const filling = runScript("check.ts", ["--root", copy.root]);
  expect(keysIn(copy.root, "ar").length).toBeGreaterThan(0);
  const warm = runScript("check.ts", ["--root", copy.root]);
  expect([filling.stdout, warm.stdout]).toEqual([off.stdout, off.stdout]);
  expect([filling.status, warm.status]).toEqual([off.status, off.status]);
});
