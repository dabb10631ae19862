// content/sections.yml: the section ids in reading order.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { isMap, isScalar, isSeq, type Node } from "yaml";
import { ContentError } from "../shared/contentError.ts";
import { readText } from "../shared/readText.ts";
import { parseYaml } from "../shared/yaml.ts";

export const SECTIONS_FILE = "content/sections.yml";

/** Lower-case letters a-z, digits and single hyphens: safe as a file name and in a URL. */
export const SECTION_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const LIST_HINT = "write one `- section-id` line per section";

/** The ids in reading order, and the line each is listed on (for messages about the list). */
export interface SectionList {
  ids: string[];
  lines: number[];
}

export function readSectionList(root: string): string[] {
  return readSectionListWithLines(root).ids;
}

export function readSectionListWithLines(root: string): SectionList {
  const path = join(root, SECTIONS_FILE);
  const file = SECTIONS_FILE;
  if (!existsSync(path)) {
    throw new ContentError({ file }, "the list of sections is missing", "create it: one `- section-id` line per section, in reading order");
  }
  const text = readText(path, root);
  const list = plainList(text) ?? yamlList(text);
  if (!list) throw new ContentError({ file }, "must be a list of section ids", LIST_HINT);
  const firstLine = new Map<string, number>();
  list.forEach(({ id, node, written, line }) => {
    if (typeof id !== "string" || !SECTION_ID.test(id)) {
      throw new ContentError({ file, line }, `"${written}" is not a valid section id`, idHint(node));
    }
    const first = firstLine.get(id);
    if (first !== undefined) {
      throw new ContentError({ file, line }, `the section "${id}" is listed twice (first at line ${first})`, "list each section once: remove one of the two lines");
    }
    firstLine.set(id, line);
  });
  return { ids: list.map((item) => item.id as string), lines: list.map((item) => item.line) };
}

/** One item of the list: its value as YAML reads it, its node (read by yaml), as shown in a message, and its line. */
interface ListItem {
  id: unknown;
  node?: unknown;
  written: string;
  line: number;
}

/** Only `- id` lines, each id a word YAML reads as text: a letter first (no number, no nested list), not true, false or null. */
const PLAIN_LIST = /^(?:- (?!(?:true|false|null)\n)[a-z][a-z0-9-]*\n)+$/;

/** The ids of a list written the usual way, read without yaml (about 35 ms at 500 sections, most of reading the list), else undefined. */
function plainList(text: string): ListItem[] | undefined {
  const lines = text.endsWith("\n") ? text : `${text}\n`;
  // Only `- id` lines: the n-th id is on line n.
  return PLAIN_LIST.test(lines) ? lines.slice(2, -1).split("\n- ").map((id, i) => ({ id, written: id, line: i + 1 })) : undefined;
}

/** The items of a list read by yaml, else undefined (not a list, or an empty one). */
function yamlList(text: string): ListItem[] | undefined {
  const { doc, lineOf } = parseYaml(text, SECTIONS_FILE, LIST_HINT);
  if (!isSeq(doc.contents) || doc.contents.items.length === 0) return undefined;
  return (doc.contents.items as (Node | null)[]).map((node) => {
    const id: unknown = node?.toJSON();
    // A scalar is shown as YAML reads it (0x1f as 31: what the site would take it for); anything
    // else (`- dual-use:` is a key with no value) as it is written, not as "[object Object]".
    const source = isScalar(node) || !node?.range ? String(id) : text.slice(node.range[0], node.range[1]).trim();
    const written = source.includes("\n") ? `${source.split(/\r?\n/)[0]} …` : source;
    return { id, node, written, line: lineOf(node) ?? 1 };
  });
}

function idHint(node: unknown): string {
  if (isMap(node) && node.items.length === 1) {
    const [pair] = node.items;
    const key = isScalar(pair?.key) ? String(pair.key.value) : undefined;
    if (key !== undefined && SECTION_ID.test(key)) {
      return isScalar(pair?.value) && pair.value.value !== null
        ? `a section id is one word with no colon: write the line as  - ${key}`
        : `remove the colon: write the line as  - ${key}`;
    }
  }
  return "use only lower-case letters a-z, digits and single hyphens, e.g. dual-use";
}
