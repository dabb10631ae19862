// The content-hash cache changes nothing: after each edit of a seeded random sequence (English and
// translated sections, a UI string, a locale setting, campaign.yml, a template, a section and a
// locale each added and later removed), npm run build:site with the cache (.cache/site,
// .cache/check, .cache/pages) writes the same _site/ as a build without it, byte for byte; a cache
// filled with garbage is rebuilt.
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, expect, test } from "vitest";
import { runScriptAsync } from "../helpers/cli.ts";
import { copyProject, type ProjectCopy } from "../helpers/project.ts";
import { treeFingerprint } from "../helpers/tree.ts";
import { useCacheInThisFile } from "../helpers/cache.ts";

// The other tests run without the cache (vitest.config.ts): these are about it.
useCacheInThisFile();

let copies: ProjectCopy[] = [];
afterEach(() => {
  for (const c of copies) c.remove();
  copies = [];
});

/** npm run build:site in its own process, as a person runs it (in one process, Eleventy keeps compiled templates from build to build). */
async function build(copy: ProjectCopy, output: string, cache: boolean): Promise<Map<string, string>> {
  const run = await runScriptAsync("build.ts", ["--site-only"], { cwd: copy.root, env: { PLEDGE_NO_CACHE: cache ? "" : "1", SITE_DIR: output } });
  expect(run.status, run.stderr).toBe(0);
  return treeFingerprint(join(copy.root, output));
}

/** A warm build and a cold one of the copy as it is now (`cold`: of the same files, built before): the same files with the same bytes. */
async function expectWarmEqualsCold(copy: ProjectCopy, what: string, known?: Map<string, string>): Promise<Map<string, string>> {
  // Side by side: the cold build reads and writes no cache, and each writes its own folder.
  const [warm, cold] = await Promise.all([build(copy, "_site", true), known ?? build(copy, "_cold", false)]);
  expect([...warm.keys()].toSorted(), what).toEqual([...cold.keys()].toSorted());
  const differing = [...cold].filter(([file, hash]) => warm.get(file) !== hash).map(([file]) => file);
  expect(differing, `${what}: files that differ from a build without the cache`).toEqual([]);
  return cold;
}

/** A small seeded generator (mulberry32): the same sequence on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Edit = (copy: ProjectCopy, pick: <T>(items: readonly T[]) => T, n: number) => string;

const read = (copy: ProjectCopy, path: string) => readFileSync(join(copy.root, path), "utf8");
const sectionIds = (copy: ProjectCopy) => readdirSync(join(copy.root, "content", "ar")).filter((f) => f.endsWith(".md")).map((f) => f.slice(0, -3));

/** Appends words to the section's last paragraph (a line of plain text). */
function editSection(copy: ProjectCopy, path: string, words: string): void {
  const lines = read(copy, path).split("\n");
  const at = lines.findLastIndex((line) => /^[\p{L}]/u.test(line));
  lines[at] = `${lines[at]} ${words}`;
  copy.write(path, lines.join("\n"));
}

const EDITS: Record<string, Edit> = {
  english: (copy, pick, n) => {
    const id = pick(sectionIds(copy));
    editSection(copy, `content/en/${id}.md`, `Edited ${n} times.`);
    return `English section ${id}`;
  },
  translation: (copy, pick, n) => {
    const id = pick(sectionIds(copy));
    editSection(copy, `content/ar/${id}.md`, `تعديل ${n}`);
    return `Arabic section ${id}`;
  },
  uiString: (copy, pick, n) => {
    // Strings every section page shows, through the templates' filters rather than the page's view.
    const [group, key] = pick([["site", "skipToContent"], ["site", "language"], ["footer", "source"], ["section", "next"]] as const);
    const strings = JSON.parse(read(copy, "locales/ar/ui.json")) as Record<string, Record<string, string>>;
    strings[group]![key] = `${strings[group]![key]} ${n}`;
    copy.write("locales/ar/ui.json", `${JSON.stringify(strings, null, 2)}\n`);
    return `UI string ${group}.${key}`;
  },
  localeSetting: (copy) => {
    const meta = JSON.parse(read(copy, "locales/ar/locale.json")) as { numberingSystem?: string };
    meta.numberingSystem = meta.numberingSystem === "arab" ? "latn" : "arab";
    copy.write("locales/ar/locale.json", `${JSON.stringify(meta, null, 2)}\n`);
    return `locales/ar/locale.json numberingSystem ${meta.numberingSystem}`;
  },
  campaign: (copy, _pick, n) => {
    copy.write("campaign.yml", read(copy, "campaign.yml").replace(/^name: (.*)$/m, (_, name: string) => `name: ${name.replace(/ \d+$/, "")} ${n}`));
    return "campaign.yml name";
  },
  template: (copy, _pick, n) => {
    const file = "templates/_includes/layouts/base.njk";
    copy.write(file, read(copy, file).replace(/<footer class="site-footer">(?:<!-- \d+ -->)?/, `<footer class="site-footer"><!-- ${n} -->`));
    return "templates/_includes/layouts/base.njk";
  },
  addOrRemoveSection: (copy, _pick, n) => {
    const list = read(copy, "content/sections.yml");
    if (list.includes("- added\n")) {
      copy.write("content/sections.yml", list.replace("- added\n", ""));
      rmSync(join(copy.root, "content", "en", "added.md"));
      return "section removed";
    }
    copy.write("content/en/added.md", `---\ntitle: Added ${n}\n---\n\nAn added section, edit ${n}.\n`);
    copy.write("content/sections.yml", `${list}- added\n`);
    return "section added";
  },
  addOrRemoveLocale: (copy) => {
    // A copy of the Arabic under another code: every page gains it in its language switcher, hreflang and sitemap, and loses it again.
    const folders = ["locales", "content"].map((folder) => join(copy.root, folder, "fa"));
    if (existsSync(folders[0]!)) {
      for (const folder of folders) rmSync(folder, { recursive: true });
      return "locale fa removed";
    }
    for (const folder of ["locales", "content"]) cpSync(join(copy.root, folder, "ar"), join(copy.root, folder, "fa"), { recursive: true });
    const meta = JSON.parse(read(copy, "locales/fa/locale.json")) as { name: string };
    meta.name = "فارسی";
    copy.write("locales/fa/locale.json", `${JSON.stringify(meta, null, 2)}\n`);
    return "locale fa added";
  },
};
/** Applied twice in every sequence: the second time undoes the first. */
const TOGGLES = ["addOrRemoveSection", "addOrRemoveLocale"];

test.each([1, 2])("after each edit of seeded sequence %i, a warm build:site equals a cold one byte for byte", async (seed) => {
  const copy = copyProject({ copyTemplates: true });
  copies.push(copy);
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const cold = await expectWarmEqualsCold(copy, "first build");
  // Nothing changed: every section page comes from the cache (a link to the kept file).
  await expectWarmEqualsCold(copy, "nothing changed", cold);
  expect(statSync(join(copy.root, "_site", "en", "pledge", "index.html")).nlink).toBeGreaterThan(1);
  const kinds = [...Object.keys(EDITS), ...TOGGLES];
  // Every kind of edit once per sequence (adding twice: added, then removed), in the seed's order.
  const order = kinds.map((kind) => [next(), kind] as const).toSorted((a, b) => a[0] - b[0]);
  for (const [n, [, kind]] of order.entries()) {
    const what = EDITS[kind]!(copy, pick, n + 1);
    await expectWarmEqualsCold(copy, `after ${what}`);
  }
}, 300_000);

test("a cache filled with garbage is ignored and rebuilt", async () => {
  const copy = copyProject();
  copies.push(copy);
  await expectWarmEqualsCold(copy, "first build");
  const cache = join(copy.root, ".cache");
  const files = (readdirSync(cache, { recursive: true }) as string[]).map((f) => join(cache, f)).filter((f) => statSync(f).isFile());
  expect(files.some((f) => f.endsWith(".html"))).toBe(true);
  files.forEach((file, i) => {
    // Truncated JSON, foreign JSON, a page's bytes replaced in place (the output's link too).
    if (file.endsWith(".html")) writeFileSync(file, "<p>garbage</p>");
    else writeFileSync(file, i % 2 ? '{"format":1,"entries":{"x":{"used":1,"value":"y"}}' : '{"format":1,"entries":[1,2]}');
  });
  editSection(copy, "content/en/pledge.md", "Edited.");
  await expectWarmEqualsCold(copy, "with a garbage cache");
  await expectWarmEqualsCold(copy, "the cache rebuilt");
}, 300_000);
