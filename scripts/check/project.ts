// Reads a project for the check: campaign.yml, content/sections.yml, and every locale's
// locale.json, ui.json and section files, each file read and parsed once. A file that fails
// becomes a problem and the rest are still read: one broken file never hides the others.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { ContentError } from "../content/errors.ts";
import type { ParsedSectionFile } from "../content/frontMatter.ts";
import { readText } from "../content/readText.ts";
import { loadSectionIds, SECTION_ID } from "../content/sections.ts";
import { readJson } from "../locales/json.ts";
import { isPlainObject, isValidLocaleCode, META_FILE, STRINGS_FILE } from "../locales/locales.ts";
import { CAMPAIGN_DEFAULTS, loadCampaign, type Campaign } from "../site/campaign.ts";
import { jsonKeyLines } from "./jsonLines.ts";
import { problemFromError } from "./problem.ts";
import { parseSectionText } from "../content/sectionFile.ts";
import { readBlocks, type SectionBlocks } from "../project/blocks.ts";
import { defaultExpansion, parseExpansion, type Expansion } from "../project/expansion.ts";
import type { Problem } from "./types.ts";

export interface SectionDoc extends ParsedSectionFile {
  id: string;
  file: string;
  /** Blocks and markup problems of the body (scripts/project/blocks.ts). */
  structure: SectionBlocks;
}

export interface UiStrings {
  file: string;
  /** Flattened: "home.pageCount_one" → value (strings, or anything else a translator wrote). */
  values: Map<string, unknown>;
  /** Paths that hold a group of strings ({ … }) rather than a string. */
  groups: Set<string>;
  lines: Map<string, number>;
}

export interface LocaleFiles {
  code: string;
  name: string;
  dir: "ltr" | "rtl";
  complete: boolean;
  /** Usual length of a translated paragraph over the English one: "expansion" in locale.json, or the language's default. */
  expansion: Expansion;
  metaFile: string;
  /** undefined when ui.json is absent or does not parse. */
  strings: UiStrings | undefined;
  stringsFile: string;
  stringsBroken: boolean;
  sections: Map<string, SectionDoc>;
  /** Section ids whose file exists but does not parse. */
  brokenSections: Set<string>;
  problems: Problem[];
}

export interface Project {
  root: string;
  campaign: Campaign;
  sectionIds: string[];
  /** Problems that belong to no single locale's files (campaign.yml, sections.yml, folder names). */
  problems: Problem[];
  /** Every locale with a folder under locales/ or content/, source first, then by code. */
  codes: string[];
}

/** Files content/ may hold besides one folder per locale. */
const CONTENT_FILES = new Set(["README.md", "sections.yml", "documents.yml"]);

export function readProject(root: string): Project {
  const problems: Problem[] = [];
  let campaign = CAMPAIGN_DEFAULTS;
  try {
    campaign = loadCampaign(root);
  } catch (error) {
    problems.push(problemFromError(error, root, CAMPAIGN_DEFAULTS.sourceLocale));
  }
  const source = campaign.sourceLocale;
  let sectionIds: string[] = [];
  try {
    sectionIds = loadSectionIds(join(root, "content"));
  } catch (error) {
    // loadSectionIds names files relative to the working directory.
    problems.push(problemFromError(error, root, source, process.cwd()));
  }

  const codes = new Set<string>();
  for (const folder of ["locales", "content"]) {
    const dir = join(root, folder);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith(".")) continue;
      if (!statSync(join(dir, name)).isDirectory()) {
        if (folder === "content" && !CONTENT_FILES.has(name)) {
          problems.push({
            locale: source,
            file: `content/${name}`,
            severity: "error",
            kind: "parse",
            message: "a file in the wrong folder: section files belong in content/<locale>/",
            hint: `move it to content/<locale>/${name} (for example content/${source}/${name})`,
          });
        }
        continue;
      }
      if (isValidLocaleCode(name)) {
        codes.add(name);
        continue;
      }
      let suggestion = "";
      try {
        suggestion = ` (did you mean "${Intl.getCanonicalLocales(name)[0]}"?)`;
      } catch {}
      problems.push({
        locale: name,
        file: `${folder}/${name}`,
        severity: "error",
        kind: "parse",
        message: `"${name}" is not a valid language tag${suggestion}`,
        hint: "name the folder with a BCP 47 language tag such as fr, ar, pt-BR or zh-Hant (the same in locales/ and content/)",
      });
    }
  }
  const sorted = [...codes].sort((a, b) => Number(b === source) - Number(a === source) || a.localeCompare(b));
  return { root, campaign, sectionIds, problems, codes: sorted };
}

export function readLocaleFiles(root: string, code: string): LocaleFiles {
  const problems: Problem[] = [];
  const metaFile = `locales/${code}/${META_FILE}`;
  const stringsFile = `locales/${code}/${STRINGS_FILE}`;
  const locale: LocaleFiles = {
    code,
    name: code,
    dir: "ltr",
    complete: false,
    expansion: defaultExpansion(code),
    metaFile,
    strings: undefined,
    stringsFile,
    stringsBroken: false,
    sections: new Map(),
    brokenSections: new Set(),
    problems,
  };
  const fail = (error: unknown) => problems.push(problemFromError(error, root, code));

  if (existsSync(join(root, metaFile))) {
    try {
      Object.assign(locale, readLocaleMeta(root, metaFile));
    } catch (error) {
      fail(error);
    }
  } else {
    const hasFolder = existsSync(join(root, "locales", code));
    problems.push({
      locale: code,
      file: hasFolder ? metaFile : `content/${code}`,
      severity: "error",
      kind: "locale",
      message: hasFolder ? "the locale has no locale.json" : `content for a locale "${code}" that has no folder locales/${code}/`,
      hint: `add the missing files with: npm run locale:new -- ${code}  (it never overwrites a file), or rename the folder to an existing locale code`,
    });
  }

  if (existsSync(join(root, stringsFile))) {
    try {
      locale.strings = readUiStrings(root, stringsFile);
    } catch (error) {
      locale.stringsBroken = true;
      fail(error);
    }
  }

  const dir = join(root, "content", code);
  if (existsSync(dir)) {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const name = entry.name;
      if (name.startsWith(".")) continue;
      const file = `content/${code}/${name}`;
      const id = name.replace(/\.md$/, "");
      try {
        if (entry.isDirectory()) {
          throw new ContentError({ file }, "a folder inside a locale's content folder", `section files sit directly in content/${code}/; move the files up and remove the folder`);
        }
        if (!name.endsWith(".md") || !SECTION_ID.test(id)) {
          throw new ContentError(
            { file },
            `"${name}" is not a section file name`,
            "name section files <section-id>.md with lower-case letters a-z, digits and hyphens, as listed in content/sections.yml",
          );
        }
        const parsed = parseSectionText(readText(join(root, file), root), file);
        locale.sections.set(id, { ...parsed, id, file, structure: readBlocks(parsed.body, parsed.bodyLine) });
      } catch (error) {
        if (SECTION_ID.test(id)) locale.brokenSections.add(id);
        fail(error);
      }
    }
  }
  return locale;
}

/** JSON as text, parsed once; readJson re-reads a broken file only to word its error. */
function readJsonFile(root: string, file: string): { text: string; value: unknown } {
  const path = join(root, file);
  const text = readText(path, root);
  try {
    return { text, value: JSON.parse(text) };
  } catch {
    readJson(path, file);
    throw new ContentError({ file }, "not valid JSON", "fix the JSON syntax");
  }
}

const META_KEYS = ["name", "dir", "numberingSystem", "complete", "expansion"];

/** The fields of locale.json the check needs, with the build's own rules for them. */
function readLocaleMeta(root: string, file: string): Partial<Pick<LocaleFiles, "name" | "dir" | "complete" | "expansion">> {
  const { text, value } = readJsonFile(root, file);
  const lines = jsonKeyLines(text).lines;
  const fail = (key: string | undefined, problem: string, hint: string): never => {
    throw new ContentError({ file, line: key ? lines.get(key) : 1 }, problem, hint);
  };
  if (!isPlainObject(value)) return fail(undefined, "the locale metadata must be a JSON object", 'write it as { "name": …, "dir": …, "numberingSystem": …, "complete": … }');
  for (const key of Object.keys(value)) {
    if (!META_KEYS.includes(key)) fail(key, `unknown key "${key}"`, `remove it; the metadata keys are: ${META_KEYS.join(", ")}`);
  }
  const { name, dir, numberingSystem, complete, expansion } = value;
  if (typeof name !== "string" || !name.trim()) fail("name", '"name" is missing', 'give the language\'s name in the language itself, e.g. "العربية" or "Français"');
  if (dir !== "ltr" && dir !== "rtl") fail("dir", '"dir" must be "ltr" or "rtl"', "use rtl for Arabic, Hebrew, Persian, Urdu…; ltr otherwise");
  if (typeof numberingSystem !== "string" || !isNumberingSystem(numberingSystem)) {
    fail("numberingSystem", `"numberingSystem" is not a numbering system: ${JSON.stringify(numberingSystem)}`, 'use "latn" for 0-9, or e.g. "arab" for ٠-٩');
  }
  if (typeof complete !== "boolean") fail("complete", '"complete" must be true or false', "set it to true only when every section and string is translated");
  const range = expansion === undefined ? undefined : parseExpansion(expansion);
  if (range && "problem" in range) fail("expansion", range.problem, range.hint);
  return { name: (name as string).trim(), dir: dir as "ltr" | "rtl", complete: complete as boolean, ...(range ? { expansion: range as Expansion } : {}) };
}

function isNumberingSystem(value: string): boolean {
  try {
    return new Intl.NumberFormat("en", { numberingSystem: value }).resolvedOptions().numberingSystem === value;
  } catch {
    return false;
  }
}

function readUiStrings(root: string, file: string): UiStrings {
  const { text, value } = readJsonFile(root, file);
  if (!isPlainObject(value)) {
    throw new ContentError({ file, line: 1 }, 'UI strings must be a JSON object of "key": "text" pairs', "start the file with { and end it with }");
  }
  const { lines, duplicates } = jsonKeyLines(text);
  const duplicate = duplicates[0];
  if (duplicate) {
    throw new ContentError({ file, line: duplicate.line }, `the key "${duplicate.path}" appears twice (only the last one would be used)`, "keep one of them and delete the other");
  }
  const values = new Map<string, unknown>();
  const groups = new Set<string>();
  const walk = (object: Record<string, unknown>, prefix: string) => {
    for (const [key, child] of Object.entries(object)) {
      const path = prefix + key;
      if (isPlainObject(child)) {
        groups.add(path);
        walk(child, `${path}.`);
      } else {
        values.set(path, child);
      }
    }
  };
  walk(value, "");
  return { file, values, groups, lines };
}
