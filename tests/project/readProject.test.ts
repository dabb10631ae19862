// The one reader: every content, locale and campaign file into one typed project, each broken
// file a problem (the others still read), and the site stopping on the first of them.
import { afterEach, expect, test } from "vitest";
import { readingProblems, readProject } from "../../scripts/project/readProject.ts";
import { buildSiteModel } from "../../scripts/site/model.ts";
import { copyProject, type ProjectCopy } from "../helpers/project.ts";
import { ROOT } from "../helpers/site.ts";

let project: ProjectCopy | undefined;
afterEach(() => project?.remove());

test("the real project: source locale first, every section of every locale, no problems", () => {
  const read = readProject(ROOT);
  expect(readingProblems(read)).toEqual([]);
  expect(read.locales.map((l) => l.code)).toEqual(["en", "ar"]);
  expect(read.locales[1]).toMatchObject({ name: "العربية", dir: "rtl", numberingSystem: "latn" });
  for (const locale of read.locales) expect([...locale.sections.keys()].toSorted()).toEqual([...read.sectionIds].toSorted());
  const pledge = read.locales[1]!.sections.get("pledge")!;
  expect(pledge).toMatchObject({ id: "pledge", locale: "ar", file: "content/ar/pledge.md" });
  expect(pledge.body.split("\n").length).toBeGreaterThan(3);
  expect(pledge.version).toMatch(/^[0-9a-f]{12}$/);
  expect(read.documents.plan?.documents.find((d) => d.id === "leaflet")?.parts.length).toBeGreaterThan(0);
});

test("several broken files: each is a problem with its file and line, the rest is still read", () => {
  project = copyProject();
  project.write("locales/ar/locale.json", '{ "name": "العربية", "dir": "sideways", "numberingSystem": "arab", "complete": false }\n');
  project.write("content/ar/demands.md", "---\ntitle: [unclosed\n---\ntext\n");
  project.write("content/en_GB/pledge.md", "---\ntitle: x\n---\n");
  project.write("locales/ar/ui.json", '{ "site": { "home": "x" }, "site": { "home": "y" } }\n');
  const read = readProject(project.root);
  expect(readingProblems(read).map((p) => [p.file, p.line, p.message])).toEqual([
    ["content/en_GB", undefined, '"en_GB" is not a valid language tag'],
    ["locales/ar/locale.json", 1, '"dir" must be "ltr" or "rtl"'],
    ["locales/ar/ui.json", 1, 'the key "site" appears twice (only the last one would be used)'],
    ["content/ar/demands.md", 2, 'the front matter is not valid YAML: the "[" here is never closed with "]" (a value that starts with [ is read as a list)'],
  ]);
  const ar = read.locales.find((l) => l.code === "ar")!;
  expect(ar.brokenSections).toEqual(new Set(["demands"]));
  expect(ar.sections.has("pledge")).toBe(true);
  // The site stops on the first problem it cannot build with, in the reader's words.
  expect(() => buildSiteModel(read)).toThrow(/^content\/en_GB: "en_GB" is not a valid language tag\n {2}→ /);
});

test("what only the check holds against a locale does not stop the site: a UI key written twice", () => {
  project = copyProject();
  project.write("locales/ar/ui.json", '{ "site": { "home": "x" }, "site": { "home": "y" } }\n');
  expect(() => buildSiteModel(readProject(project!.root))).not.toThrow();
});
