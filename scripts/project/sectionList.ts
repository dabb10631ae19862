// content/sections.yml: the section ids in reading order.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { ContentError } from "../shared/contentError.ts";
import { readText } from "../shared/readText.ts";
import { parseYaml } from "../shared/yaml.ts";

export const SECTIONS_FILE = "content/sections.yml";

/** Lower-case letters a-z, digits and single hyphens: safe as a file name and in a URL. */
export const SECTION_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function readSectionList(root: string): string[] {
  const path = join(root, SECTIONS_FILE);
  const file = SECTIONS_FILE;
  if (!existsSync(path)) {
    throw new ContentError({ file }, "the list of sections is missing", "create it: one `- section-id` line per section, in reading order");
  }
  const text = readText(path, root);
  const ids: unknown = plainList(text) ?? parseYaml(text, file, "write one `- section-id` line per section").doc.toJS();
  if (!Array.isArray(ids) || ids.length === 0) {
    throw new ContentError({ file }, "must be a list of section ids", "write one `- section-id` line per section");
  }
  const seen = new Set<string>();
  for (const id of ids) {
    if (typeof id !== "string" || !SECTION_ID.test(id)) {
      throw new ContentError({ file }, `"${String(id)}" is not a valid section id`, "use only lower-case letters a-z, digits and single hyphens, e.g. dual-use");
    }
    if (seen.has(id)) {
      throw new ContentError({ file }, `the section "${id}" is listed twice`, "list each section once");
    }
    seen.add(id);
  }
  return ids as string[];
}

/** Only `- id` lines, each id a word YAML reads as text: a letter first (no number, no nested list), not true, false or null. */
const PLAIN_LIST = /^(?:- (?!(?:true|false|null)\n)[a-z][a-z0-9-]*\n)+$/;

/** The ids of a list written the usual way, read without yaml (about 35 ms at 500 sections, most of reading the list), else undefined. */
function plainList(text: string): string[] | undefined {
  const lines = text.endsWith("\n") ? text : `${text}\n`;
  return PLAIN_LIST.test(lines) ? lines.slice(2, -1).split("\n- ") : undefined;
}
