// The translator tools: npm run locale:new scaffolds without overwriting; npm run locale:mark
// changes nothing but the source: line (and keeps the English snapshot).
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { checkLocales } from "../../scripts/check/checkLocales.ts";
import { readProject } from "../../scripts/project/readProject.ts";
import { sectionVersion } from "../../scripts/project/sectionVersion.ts";
import { parseSectionFile } from "../../scripts/project/sectionFile.ts";
import { runScript } from "../helpers/cli.ts";
import { treeFingerprint } from "../helpers/tree.ts";
import { copyFixture, projectFiles } from "./fixtures.ts";

let copies: { remove(): void }[] = [];
afterEach(() => {
  for (const c of copies) c.remove();
  copies = [];
});
const copy = (name: string) => {
  const c = copyFixture(name);
  copies.push(c);
  return c.root;
};
const read = (root: string, file: string) => readFileSync(join(root, file), "utf8");

describe("npm run locale:new", () => {
  test("scaffolds a valid locale that the check then reports as untranslated", () => {
    const root = copy("clean");
    const result = runScript("locale-new.ts", ["ar"], { cwd: root });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    for (const file of ["locales/ar/locale.json", "locales/ar/ui.json", "content/ar/alpha.md", "content/ar/beta.md"]) {
      expect(result.stdout).toContain(`✓ created ${file}`);
    }
    expect(JSON.parse(read(root, "locales/ar/locale.json"))).toEqual({ name: "العربية", dir: "rtl", numberingSystem: "latn", complete: false });
    // Every UI key, with Arabic's six plural forms in place of English's two.
    const strings = JSON.parse(read(root, "locales/ar/ui.json"));
    expect(Object.keys(strings.home)).toEqual(["cta", "back", "position", "pageCount_zero", "pageCount_one", "pageCount_two", "pageCount_few", "pageCount_many", "pageCount_other"]);
    expect(strings.home.pageCount_one).toBe("{{count}} sheet");
    expect(strings.home.pageCount_few).toBe("{{count}} sheets");
    // A copy of the English, marked draft, with the English version it is a copy of (source:), whose text is kept.
    const alpha = read(root, "content/ar/alpha.md");
    const version = readProject(root).locales[0]!.sections.get("alpha")!.version;
    expect(alpha).toBe(read(root, "content/en/alpha.md").replace("title: The pledge\n", `title: The pledge\nsource: ${version}\nstatus: draft\n`));
    expect(read(root, `content/.versions/alpha/${version}.md`)).toBe(read(root, "content/en/alpha.md"));
    expect(result.stdout).toContain(`✓ created content/.versions/alpha/${version}.md`);

    const check = checkLocales(root, { diffs: false });
    const ar = check.locales.find((l) => l.code === "ar")!;
    expect(ar).toMatchObject({ complete: false, errors: 0, dir: "rtl" });
    expect(ar.sections).toMatchObject({ total: 2, untranslated: 2, upToDate: 0 });
    expect(ar.strings).toMatchObject({ total: 12, missing: 0, translated: 1 }); // "PDF, {{pages}}" needs no translation
    const problems = check.problems.filter((p) => p.locale === "ar");
    expect(problems.map((p) => [p.file, p.kind])).toEqual([
      ["content/ar/alpha.md", "untranslated"],
      ["content/ar/beta.md", "untranslated"],
      ["locales/ar/ui.json", "untranslated"],
    ]);
    expect(problems[2]!.message).toBe('none of the 11 UI strings that need translating is translated yet (they are the English text; one needs no translation: "PDF, {{pages}}")');
    expect(check.ok).toBe(true);
  });

  test("after an English edit, a copy it made is still untranslated (not a translation of the old English), and locale:mark refuses it", () => {
    const root = copy("clean");
    expect(runScript("locale-new.ts", ["ar"], { cwd: root }).status).toBe(0);
    const english = join(root, "content/en/alpha.md");
    writeFileSync(english, readFileSync(english, "utf8").replace("We refuse to work on tickets", "We refuse to take tickets"));
    const check = checkLocales(root, { diffs: false });
    expect(check.locales.find((l) => l.code === "ar")!.sectionList.find((s) => s.id === "alpha")!.state).toBe("untranslated");
    expect(check.problems.filter((p) => p.file === "content/ar/alpha.md").map((p) => p.kind)).toEqual(["untranslated"]);
    const mark = runScript("locale-mark.ts", ["ar", "alpha"], { cwd: root });
    expect(mark.status).toBe(1);
    expect(mark.stderr + mark.stdout).toContain("content/ar/alpha.md is still the English text");
  });

  test("never overwrites a file: a second run, or a partly existing locale, only adds what is missing", () => {
    const root = copy("clean");
    rmSync(join(root, "content/fr/beta.md"));
    const before = projectFiles(root);
    const result = runScript("locale-new.ts", ["fr"], { cwd: root });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("– skipped locales/fr/locale.json (it already exists; left as it is)");
    expect(result.stdout).toContain("– skipped content/fr/alpha.md (it already exists; left as it is)");
    expect(result.stdout).toContain("✓ created content/fr/beta.md");
    const after = projectFiles(root);
    for (const [file, hash] of before) expect(after.get(file), file).toBe(hash);
    // The new copy, and the English text it records (kept for a later word diff).
    const version = readProject(root).locales[0]!.sections.get("beta")!.version;
    expect([...after.keys()].filter((f) => !before.has(f)).toSorted()).toEqual([`content/.versions/beta/${version}.md`, "content/fr/beta.md"]);

    const again = runScript("locale-new.ts", ["fr"], { cwd: root });
    expect(again.status).toBe(0);
    expect(again.stdout).not.toContain("✓ created");
    expect(projectFiles(root)).toEqual(after);
  });

  test("rejects a code that is not a BCP 47 language tag, and the source locale", () => {
    const root = copy("clean");
    const before = projectFiles(root);
    const bad = runScript("locale-new.ts", ["pt_BR"], { cwd: root });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('"pt_BR" is not a valid language tag');
    const source = runScript("locale-new.ts", ["en"], { cwd: root });
    expect(source.status).toBe(1);
    expect(source.stderr).toContain('"en" is the source locale');
    expect(projectFiles(root)).toEqual(before);
  });
});

describe("npm run locale:mark", () => {
  const versionOf = (text: string) => {
    const p = parseSectionFile(text, "x");
    return sectionVersion({ title: p.frontMatter.title, kicker: p.frontMatter.kicker, body: p.body });
  };

  test("changes only the source: line, stores the English snapshot, and the section is no longer stale", () => {
    const root = copy("stale");
    const before = read(root, "content/fr/alpha.md");
    const current = versionOf(read(root, "content/en/alpha.md"));
    const result = runScript("locale-mark.ts", ["fr", "alpha"], { cwd: root });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`✓ content/fr/alpha.md: source: ${current}`);
    const after = read(root, "content/fr/alpha.md");
    expect(after).toBe(before.replace(/^source: .*$/m, `source: ${current}`));
    expect(after).not.toBe(before);
    expect(read(root, `content/.versions/alpha/${current}.md`)).toBe(read(root, "content/en/alpha.md"));
    const check = checkLocales(root, { diffs: false });
    expect(check.problems.filter((p) => p.file === "content/fr/alpha.md")).toEqual([]);
  });

  test("adds a missing source: line before the closing ---, keeping a byte-order mark and CRLF line ends", () => {
    const root = copy("clean");
    const file = join(root, "content/fr/beta.md");
    const original = readFileSync(file);
    expect(original.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const withoutSource = Buffer.from(original.toString("utf8").replace(/source: [^\r\n]*\r\n/, ""), "utf8");
    writeFileSync(file, withoutSource);
    const result = runScript("locale-mark.ts", ["fr", "beta"], { cwd: root });
    expect(result.status).toBe(0);
    // Byte for byte what the fixture had: BOM, CRLF and the line where the tool puts it.
    expect(readFileSync(file)).toEqual(original);
  });

  test("--all marks every translated section; an untranslated copy is refused and left alone", () => {
    const root = copy("untranslated");
    const beta = read(root, "content/fr/beta.md");
    const result = runScript("locale-mark.ts", ["fr", "--all"], { cwd: root });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("✓ content/fr/alpha.md: already follows the current English");
    expect(result.stderr).toContain("✗ content/fr/beta.md: not marked: content/fr/beta.md is still the English text");
    expect(read(root, "content/fr/beta.md")).toBe(beta);
  });

  test("marks a translation whose blocks differ from the English, and says so, pointing to the check", () => {
    const root = copy("structure");
    const result = runScript("locale-mark.ts", ["fr", "alpha", "beta"], { cwd: root });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/✓ content\/fr\/alpha\.md: .*\n {2}note: its blocks differ from the English in 1 place: npm run check -- --locale fr names it\n/);
    // beta pairs block by block: no note.
    expect(result.stdout).toMatch(/✓ content\/fr\/beta\.md: [^\n]*\n(?! {2}note)/);
    expect(result.stdout.match(/note:/g)).toHaveLength(1);
  });

  test("refuses the source locale, an unknown section and a missing file, with what to do", () => {
    const root = copy("missing");
    const before = treeFingerprint(join(root, "content"));
    const source = runScript("locale-mark.ts", ["en", "alpha"], { cwd: root });
    expect(source.status).toBe(1);
    expect(source.stderr).toContain('"en" is the source locale');
    const unknown = runScript("locale-mark.ts", ["fr", "gamma", "beta"], { cwd: root });
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('✗ content/fr/gamma.md: not marked: "gamma" is not a section of content/sections.yml');
    expect(unknown.stderr).toContain("✗ content/fr/beta.md: not marked: content/fr/beta.md does not exist");
    const usage = runScript("locale-mark.ts", ["fr"], { cwd: root });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("usage: npm run locale:mark");
    expect(treeFingerprint(join(root, "content"))).toEqual(before);
    expect(existsSync(join(root, "content/.versions"))).toBe(false);
  });
});

test("a version YAML would read as a number is written in quotes, and reads back as text", async () => {
  const { yamlScalar } = await import("../../scripts/translators/frontMatterEdit.ts");
  expect(yamlScalar("4158c310b924")).toBe("4158c310b924");
  for (const version of ["123456789012", "1234567e8901"]) {
    expect(yamlScalar(version)).toBe(`"${version}"`);
    const parsed = parseSectionFile(`---\ntitle: x\nsource: ${yamlScalar(version)}\n---\nBody\n`, "x.md");
    expect(parsed.frontMatter.source).toBe(version);
  }
});
