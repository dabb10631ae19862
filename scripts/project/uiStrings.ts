// locales/<code>/ui.json: the interface strings (i18next JSON v4), as the tree i18next reads
// and flattened with the line of each key, for the check's messages.
import { ContentError } from "../shared/contentError.ts";
import { isPlainObject, parseJson } from "../shared/json.ts";
import { jsonKeyLines } from "./jsonKeyLines.ts";

export const STRINGS_FILE = "ui.json";

export interface UiStrings {
  file: string;
  /** As written: what i18next is given. */
  tree: Record<string, unknown>;
  /** Flattened: "home.pageCount_one" → value (strings, or anything else a translator wrote). */
  values: Map<string, unknown>;
  /** Paths that hold a group of strings ({ … }) rather than a string. */
  groups: Set<string>;
  lines: Map<string, number>;
  /** A key written twice: JSON keeps the last one, the check reports it. */
  duplicate: { path: string; line: number } | undefined;
}

/** `file` is the path as shown to people. */
export function parseUiStrings(text: string, file: string): UiStrings {
  const tree = parseJson(text, file);
  if (!isPlainObject(tree)) {
    throw new ContentError({ file, line: 1 }, 'UI strings must be a JSON object of "key": "text" pairs', "start the file with { and end it with }");
  }
  const { lines, duplicates } = jsonKeyLines(text);
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
  walk(tree, "");
  return { file, tree, values, groups, lines, duplicate: duplicates[0] };
}

export function duplicateKeyError(strings: UiStrings): ContentError | undefined {
  const duplicate = strings.duplicate;
  if (!duplicate) return undefined;
  return new ContentError({ file: strings.file, line: duplicate.line }, `the key "${duplicate.path}" appears twice (only the last one would be used)`, "keep one of them and delete the other");
}
