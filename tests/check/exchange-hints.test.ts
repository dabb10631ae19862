// "exchange" in locale.json: a locale translated through exported PO or XLIFF files gets hints
// about the file (export, fuzzy and empty entries, import), not about editing the markdown.
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, expect, test } from "vitest";
import { checkLocales } from "../../scripts/check/checkLocales.ts";
import type { Problem } from "../../scripts/check/types.ts";
import { runScript } from "../helpers/cli.ts";
import { copyProject, type ProjectCopy } from "../helpers/project.ts";

let copies: ProjectCopy[] = [];
afterEach(() => {
  for (const c of copies) c.remove();
  copies = [];
});

/** A copy of the project whose Arabic locale.json has `exchange` (left out when undefined). */
function project(exchange: unknown): ProjectCopy {
  const copy = copyProject();
  copies.push(copy);
  const meta = join(copy.root, "locales/ar/locale.json");
  const value = JSON.parse(readFileSync(meta, "utf8"));
  writeFileSync(meta, JSON.stringify(exchange === undefined ? value : { ...value, exchange }, null, 2));
  return copy;
}

/** The English pledge changed (stale Arabic), the Arabic references still the English (untranslated), a paragraph dropped from the Arabic demands (structure). */
function breakArabic(root: string) {
  const en = join(root, "content/en/pledge.md");
  writeFileSync(en, readFileSync(en, "utf8").replace("Knowing all we do", "Knowing everything we do"));
  copyFileSync(join(root, "content/en/references.md"), join(root, "content/ar/references.md"));
  const ar = join(root, "content/ar/immoral.md");
  const lines = readFileSync(ar, "utf8").split("\n");
  const at = lines.findIndex((l, i) => i > 6 && l.trim() !== "" && !l.startsWith(":") && !l.startsWith("-") && !l.startsWith("#"));
  lines.splice(at, 2);
  writeFileSync(ar, lines.join("\n"));
}

const hints = (root: string) => {
  const { problems } = checkLocales(root, { diffs: false, locales: ["ar"] });
  const of = (kind: Problem["kind"]) => problems.filter((p) => p.locale === "ar" && p.kind === kind).map((p) => p.hint);
  return { stale: of("stale"), untranslated: of("untranslated"), structure: of("structure") };
};

test('"exchange": "po": stale, untranslated and structure hints speak of the PO file', () => {
  const { root } = project("po");
  breakArabic(root);
  const { stale, untranslated, structure } = hints(root);
  expect(stale).toEqual([expect.stringMatching(/^export again \(npm run locale:export -- ar\): the entries whose English changed are marked fuzzy.*then npm run locale:import -- ar\.po$/)]);
  expect(untranslated).toEqual([expect.stringMatching(/^export again \(npm run locale:export -- ar\): its entries are empty or repeat the English/)]);
  expect(structure.length).toBeGreaterThan(0);
  for (const hint of structure) expect(hint).toMatch(/^the import writes the blocks, ::: lines and markdown signs from the English: export again \(npm run locale:export -- ar\)/);
});

test('"exchange": "xliff": the export and import commands name the XLIFF file', () => {
  const { root } = project("xliff");
  breakArabic(root);
  expect(hints(root).stale).toEqual([expect.stringContaining("npm run locale:export -- ar --format xliff")]);
  expect(hints(root).stale[0]).toContain("npm run locale:import -- ar.xlf");
});

test("without it the hints speak to markdown editors, as before", () => {
  const { root } = project(undefined);
  breakArabic(root);
  const { stale, untranslated } = hints(root);
  expect(stale[0]).toMatch(/^bring the translation in line with content\/en\/pledge\.md, then run npm run locale:mark -- ar pledge/);
  expect(untranslated[0]).toMatch(/^translate it/);
});

test("any other value is refused, naming locale.json and its line", () => {
  const { root } = project("gettext");
  const result = runScript("check.ts", ["--root", root, "--no-diff"]);
  expect(result.status).toBe(1);
  expect(result.stdout).toMatch(/locales\/ar\/locale\.json:6: error: "exchange" must be "po" or "xliff", not "gettext"/);
  expect(result.stdout).toContain('write "po" or "xliff" for a language translated through exported files');
});
