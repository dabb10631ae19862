// The slips a campaign editor makes most, in a copy of the real project, through the real reader
// and check: each is reported once, at the file and line where it was made, in words that say
// what is wrong and what to write instead; nothing else in the report misleads about it.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { checkLocales } from "../../scripts/check/checkLocales.ts";
import type { Problem } from "../../scripts/check/types.ts";
import { markSections } from "../../scripts/translators/mark.ts";
import { copyProject, type ProjectCopy } from "../helpers/project.ts";

let project: ProjectCopy;
/** The files a test changed, with their text before, put back after it. */
const changed = new Map<string, string>();

beforeAll(() => {
  project = copyProject();
});
afterEach(() => {
  for (const [path, text] of changed) writeFileSync(join(project.root, path), text);
  changed.clear();
});
afterAll(() => project?.remove());

/** Changes one file of the copy for the current test. */
function edit(path: string, change: (text: string) => string): void {
  const full = join(project.root, path);
  const before = readFileSync(full, "utf8");
  if (!changed.has(path)) changed.set(path, before);
  const after = change(before);
  expect(after).not.toBe(before);
  writeFileSync(full, after);
}

/** The check's errors, each as file:line:column, message and hint. */
function errors(): string[] {
  return checkLocales(project.root, { diffs: false })
    .problems.filter((p) => p.severity === "error")
    .map(shown);
}

const shown = (p: Problem) => `${p.file}${p.line === undefined ? "" : `:${p.line}`}${p.column === undefined ? "" : `:${p.column}`} ${p.message} | ${p.hint}`;

const DUAL_USE = "content/en/dual-use.md";
const TITLE = "title: Microsoft Dual-Use Technology Powers Digital Arms";

test("the real project has no errors to begin with", () => {
  expect(errors()).toEqual([]);
});

test("a front matter line with no key: named with what was written, whether it is the last line or not", () => {
  const noKey = (line: number) =>
    `${DUAL_USE}:${line}:1 the front matter is not valid YAML: the line "this line is not yaml" is not "key: value" (it has no key and colon) | write it as  key: value, or remove it (a value that goes on from the line above belongs on that line)`;
  edit(DUAL_USE, (text) => text.replace(`${TITLE}\n`, `${TITLE}\nthis line is not yaml\n`));
  expect(errors()).toEqual([noKey(3)]);
  edit(DUAL_USE, (text) => text.replace("this line is not yaml\n", "this line is not yaml\nkicker: Why\n"));
  expect(errors()).toEqual([noKey(3)]);
  edit(DUAL_USE, (text) => text.replace(`${TITLE}\nthis line is not yaml\n`, `this line is not yaml\n${TITLE}\n`));
  expect(errors()).toEqual([noKey(2)]);
});

test("a key with no space after its colon is told to have one", () => {
  edit(DUAL_USE, (text) => text.replace(`${TITLE}\n`, `${TITLE}\nkicker:Why\n`));
  expect(errors()).toEqual([`${DUAL_USE}:3:1 the front matter is not valid YAML: "kicker:Why" has no space after the colon | write a space after the key's colon:  kicker: Why`]);
});

test("a [ that is never closed: named where it opens, not as an indentation slip", () => {
  edit(DUAL_USE, (text) => text.replace("title: Microsoft", "title: [Microsoft"));
  const unclosed = `${DUAL_USE}:2:8 the front matter is not valid YAML: the "[" here is never closed with "]" (a value that starts with [ is read as a list) | put the whole value in "quotes" if the [ is part of the text, or close the list with ]`;
  expect(errors()).toEqual([unclosed]);
  edit(DUAL_USE, (text) => text.replace(`${TITLE.replace("title: ", "title: [")}\n`, `${TITLE.replace("title: ", "title: [")}\nkicker: Why\n`));
  expect(errors()).toEqual([unclosed]);
});

test('a " that is never closed: named where it opens', () => {
  edit(DUAL_USE, (text) => text.replace(`${TITLE}\n`, `${TITLE}\nkicker: "Why\n`));
  expect(errors()).toEqual([`${DUAL_USE}:3:9 the front matter is not valid YAML: the " here is never closed | end the value with " (a " inside it is written \\")`]);
});

test("a colon inside an unquoted value: the value is named and the fix written out", () => {
  edit(DUAL_USE, (text) => text.replace("Dual-Use Technology", "Dual-Use: Technology"));
  expect(errors()).toEqual([
    `${DUAL_USE}:2:8 the front matter is not valid YAML: the value "Microsoft Dual-Use: Technology Powers Digital Arms" has a colon and a space in it, which YAML reads as the start of another key | put the whole value in quotes:  title: "Microsoft Dual-Use: Technology Powers Digital Arms"`,
  ]);
});

/** Every problem of the check (warnings too), shown as errors() shows them. */
function problems(): string[] {
  return checkLocales(project.root, { diffs: false }).problems.map(shown);
}

const SECTIONS = "content/sections.yml";

test("an id with a colon in content/sections.yml: its line, what was written, and the colon to remove", () => {
  edit(SECTIONS, (text) => text.replace("- dual-use\n", "- dual-use:\n"));
  expect(errors()).toEqual([`${SECTIONS}:3 "dual-use:" is not a valid section id | remove the colon: write the line as  - dual-use`]);
});

test("a section listed twice in content/sections.yml: the line of the second listing, and of the first", () => {
  edit(SECTIONS, (text) => text.replace("- immoral\n", "- immoral\n- pledge\n"));
  expect(errors()).toEqual([`${SECTIONS}:8 the section "pledge" is listed twice (first at line 2) | list each section once: remove one of the two lines`]);
});

test("a misspelt id in content/sections.yml: reported at its line, with the file it lacks and the unlisted file it may mean", () => {
  edit(SECTIONS, (text) => text.replace("- illegal\n", "- typo-section\n"));
  const documents = readFileSync(join(project.root, "content/documents.yml"), "utf8").split("\n").findIndex((l) => l.includes("section: illegal")) + 1;
  expect(errors()).toEqual([
    // The printed documents take the section under its old id: the build would stop there too.
    `content/documents.yml:${documents} "illegal" is not a section | use a section id from content/sections.yml: pledge, dual-use, typo-section, precedents, non-compliant, immoral, demands, references`,
    `${SECTIONS}:4 the section "typo-section" is listed here, but content/en/typo-section.md does not exist | fix the id if it is misspelt (content/en/ has illegal.md, which is not listed), or create content/en/typo-section.md`,
  ]);
  // The translations are not told to copy an English file that does not exist.
  expect(problems().filter((p) => p.includes("typo-section") && !p.startsWith(SECTIONS) && !p.startsWith("content/documents.yml"))).toEqual([]);
  // The translators' commands carry on: the one asked for that section refuses it alone.
  expect(markSections(project.root, "ar", ["typo-section"])).toMatchObject([{ result: "refused", reason: "the English section content/en/typo-section.md does not exist" }]);
});

const GLOSSARY = "content/glossary.yml";
const glossaryProblems = () => problems().filter((p) => p.startsWith(`${GLOSSARY}:`));

test("a content/sections.yml that cannot be read is the one problem: no glossary term is called unused for it", () => {
  edit(SECTIONS, (text) => text.replace("- dual-use\n", "- dual-use:\n"));
  expect(problems()).toEqual([`${SECTIONS}:3 "dual-use:" is not a valid section id | remove the colon: write the line as  - dual-use`]);
  edit(SECTIONS, (text) => text.replace("- dual-use:\n", "- dual-use\n").replace("- immoral\n", "- immoral\n- pledge\n"));
  expect(problems()).toEqual([`${SECTIONS}:8 the section "pledge" is listed twice (first at line 2) | list each section once: remove one of the two lines`]);
});

test("English that cannot be read (a listed section with no file, a section or ui.json that does not parse): no glossary term is called unused", () => {
  // "International Criminal Court" occurs in content/en/illegal.md alone; "trackers" in locales/en/ui.json alone.
  edit(GLOSSARY, (text) => `${text}\n- term: trackers\n  note: what the footer says the site has none of.\n`);
  expect(glossaryProblems()).toEqual([]);
  edit(SECTIONS, (text) => text.replace("- illegal\n", "- typo-section\n"));
  expect(glossaryProblems()).toEqual([]);
  edit(SECTIONS, (text) => text.replace("- typo-section\n", "- illegal\n"));
  edit("content/en/illegal.md", (text) => text.replace("title: Supporting genocide is illegal.", "title: [Supporting genocide is illegal."));
  expect(glossaryProblems()).toEqual([]);
  edit("content/en/illegal.md", (text) => text.replace("title: [Supporting", "title: Supporting"));
  edit("locales/en/ui.json", (text) => text.replace('"site": {', '"site": {,'));
  expect(glossaryProblems()).toEqual([]);
});

test("a term the English really never uses is still reported, without made-up word forms", () => {
  edit(GLOSSARY, (text) => `${text}\n- term: atrocity zeppelins\n  note: a term the English does not use.\n`);
  expect(glossaryProblems()).toEqual([
    `${GLOSSARY}:186 the term "atrocity zeppelins" (“atrocity zeppelins”) occurs nowhere in the English (content/en/, locales/en/ui.json), so nothing holds a translation to it | list under forms: the words the English actually writes for it, each inflection in full (forms match whole words), or remove the entry`,
  ]);
});
