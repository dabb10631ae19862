// Reads the section list (content/sections.yml) and one locale's section files into
// typed values. Everything after this works on `Section`, never on raw files.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml, YAMLParseError } from "yaml";
import { ContentError } from "./errors.ts";
import type { SectionStatus } from "./frontMatter.ts";
import { parseSectionText } from "./sectionFile.ts";
import { displayPath, readText } from "./readText.ts";
import { sectionVersion } from "./version.ts";

export const SECTION_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface Section {
  id: string;
  locale: string;
  /** Path as shown to people, relative to the project root. */
  file: string;
  title: string;
  kicker: string | undefined;
  body: string;
  bodyLine: number;
  version: string;
  source: string | undefined;
  status: SectionStatus | undefined;
}

export function loadSectionIds(contentDir: string): string[] {
  const file = join(contentDir, "sections.yml");
  const shown = displayPath(file);
  if (!existsSync(file)) {
    throw new ContentError({ file: shown }, "the list of sections is missing", "create it: one `- section-id` line per section, in reading order");
  }
  let ids: unknown;
  try {
    ids = parseYaml(readText(file), { uniqueKeys: true });
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const pos = error.linePos?.[0];
      throw new ContentError({ file: shown, line: pos?.line, column: pos?.col }, `not valid YAML: ${error.message.split("\n")[0]}`, "write one `- section-id` line per section");
    }
    throw error;
  }
  if (!Array.isArray(ids) || ids.length === 0) {
    throw new ContentError({ file: shown }, "must be a list of section ids", "write one `- section-id` line per section");
  }
  const seen = new Set<string>();
  for (const id of ids) {
    if (typeof id !== "string" || !SECTION_ID.test(id)) {
      throw new ContentError({ file: shown }, `"${String(id)}" is not a valid section id`, "use only lower-case letters a-z, digits and single hyphens, e.g. dual-use");
    }
    if (seen.has(id)) {
      throw new ContentError({ file: shown }, `the section "${id}" is listed twice`, "list each section once");
    }
    seen.add(id);
  }
  return ids as string[];
}

/** Every `.md` file in content/<locale>/, checked and parsed. Unknown ids are kept: the check reports them. */
export function loadLocaleSections(contentDir: string, locale: string): Map<string, Section> {
  const dir = join(contentDir, locale);
  const sections = new Map<string, Section>();
  if (!existsSync(dir)) return sections;
  for (const name of readdirSync(dir).sort()) {
    const file = join(dir, name);
    const shown = displayPath(file);
    if (name.startsWith(".")) continue;
    if (statSync(file).isDirectory()) {
      throw new ContentError({ file: shown }, "a folder inside a locale's content folder", `section files sit directly in content/${locale}/; move the files up and remove the folder`);
    }
    const id = name.replace(/\.md$/, "");
    if (!name.endsWith(".md") || !SECTION_ID.test(id)) {
      throw new ContentError(
        { file: shown },
        `"${name}" is not a section file name`,
        "name section files <section-id>.md with lower-case letters a-z, digits and hyphens, as listed in content/sections.yml",
      );
    }
    const parsed = parseSectionText(readText(file), shown);
    const { title, kicker, source, status } = parsed.frontMatter;
    let version: string | undefined;
    sections.set(id, {
      id,
      locale,
      file: shown,
      title,
      kicker,
      body: parsed.body,
      bodyLine: parsed.bodyLine,
      // Hashed on first use: the site build never needs it, the check and locale:mark do.
      get version() {
        return (version ??= sectionVersion({ title, kicker, body: parsed.body }));
      },
      source,
      status,
    });
  }
  return sections;
}

/** Files the content folder may hold besides one folder per locale. */
const CONTENT_FILES = new Set(["README.md", "sections.yml", "documents.yml"]);

/** Everything in content/ is a locale folder with a matching locales/<code>/, or a known file. */
export function checkContentFolder(contentDir: string, localeCodes: string[]): void {
  for (const name of readdirSync(contentDir).sort()) {
    if (name.startsWith(".") || CONTENT_FILES.has(name)) continue;
    const path = join(contentDir, name);
    const shown = displayPath(path);
    if (!statSync(path).isDirectory()) {
      throw new ContentError(
        { file: shown },
        "a file in the wrong folder: section files belong in content/<locale>/",
        `move it to content/<locale>/${name} (for example content/en/${name})`,
      );
    }
    if (!localeCodes.includes(name)) {
      throw new ContentError(
        { file: shown },
        `content for a locale "${name}" that has no folder locales/${name}/`,
        `add locales/${name}/locale.json (npm run locale:new -- ${name}), or rename the folder to an existing locale code`,
      );
    }
  }
}
