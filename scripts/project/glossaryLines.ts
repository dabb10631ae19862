// A quick reader for content/glossary.yml as the campaign writes it: line by line, for the shape the
// format describes (- term: entries; forms, note, quotations; per locale a { } map or keys under it;
// [a, b] lists; plain words; a >- note). Parsing 100 terms with the YAML library took longer than
// checking them. Anything else, and every broken entry, is left to the full reader (undefined), so
// what it accepts it reads exactly as that reader does and every message stays the full reader's.
import type { GlossaryEntry, GlossaryRendering } from "./glossaryEntry.ts";

const ENTRY_KEYS = new Set(["term", "forms", "note", "quotations"]);
const RENDERING_KEYS = new Set(["accepted", "forbidden", "keep"]);
const LOCALE_KEY = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
/** What the quick reader leaves to the full one anywhere in the file: white space other than spaces and line ends (YAML trims less than JavaScript), control characters. */
// oxlint-disable-next-line no-control-regex -- control characters are what it looks for
const UNUSUAL = /[^\S \n]|[\u0000-\u0008\u000e-\u001f\u007f\ufeff]/;
/** Plain words that YAML reads as something else than text (null, true, numbers), or that start or hold its syntax (quotes, anchors, tags, block scalars, comments). */
const NOT_PLAIN_TEXT = /^(?:[-?:,[\]{}#&*!|>'"%@`.+~0-9]|(?:null|true|false)$)|: |:$|#/i;
/** What ends a plain word inside [ ] and { }. */
const FLOW_SYNTAX = /[:[\]{},]/;
const KEY_LINE = /^( *)([A-Za-z][A-Za-z0-9-]*):(?: (.*))?$/;

type Value = string | string[] | Map<string, string | string[]>;

/** The entries of a glossary in the common shape, or undefined for anything the full reader must read. */
export function quickGlossary(text: string): GlossaryEntry[] | undefined {
  if (UNUSUAL.test(text)) return undefined;
  const lines = text.split("\n");
  const entries: GlossaryEntry[] = [];
  const seen = new Set<string>();
  let entry: { line: number; keys: Map<string, { value: Value; line: number }> } | undefined;
  const finish = (): boolean => {
    if (!entry) return true;
    const made = toEntry(entry.keys, entry.line);
    if (!made || seen.has(made.term.toLowerCase())) return false;
    seen.add(made.term.toLowerCase());
    entries.push(made);
    return true;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === "" || /^ *#/.test(line)) continue;
    if (line.startsWith("- ")) {
      if (!finish()) return undefined;
      const first = KEY_LINE.exec(line.slice(2));
      if (!first || first[1] !== "" || first[2] !== "term" || first[3] === undefined) return undefined;
      const term = plain(first[3]);
      if (term === undefined) return undefined;
      entry = { line: i + 1, keys: new Map([["term", { value: term, line: i + 1 }]]) };
      continue;
    }
    const key = KEY_LINE.exec(line);
    if (!entry || !key || key[1] !== "  " || entry.keys.has(key[2]!)) return undefined;
    const name = key[2]!;
    const at = i + 1;
    const rest = key[3]?.trim() ?? "";
    let value: Value | undefined;
    if (rest === ">-" && name === "note") {
      // A folded note: its lines, all at one indentation, joined by spaces.
      const folded: string[] = [];
      let indent: number | undefined;
      while (i + 1 < lines.length && /^ {3,}\S/.test(lines[i + 1]!)) {
        const next = lines[++i]!;
        const own = next.length - next.trimStart().length;
        if ((indent ??= own) !== own || /\s$/.test(next)) return undefined;
        folded.push(next.trimStart());
      }
      // A line after it that is neither an entry's key nor blank or a comment: left to the full reader.
      value = folded.length > 0 ? folded.join(" ") : undefined;
    } else if (rest === "") {
      // A locale's keys on the lines under it.
      const map = new Map<string, string | string[]>();
      while (i + 1 < lines.length && lines[i + 1]!.startsWith("   ")) {
        const under = KEY_LINE.exec(lines[++i]!);
        if (!under || under[1] !== "    " || under[3] === undefined || map.has(under[2]!)) return undefined;
        const item = flowOrPlain(under[3].trim());
        if (item === undefined) return undefined;
        map.set(under[2]!, item);
      }
      value = map.size > 0 ? map : undefined;
    } else if (rest.startsWith("{")) {
      value = flowMap(rest);
    } else {
      value = flowOrPlain(rest);
    }
    if (value === undefined) return undefined;
    entry.keys.set(name, { value, line: at });
  }
  return finish() ? entries : undefined;
}

/** An entry from its keys, or undefined where the full reader would find it broken. */
function toEntry(keys: Map<string, { value: Value; line: number }>, line: number): GlossaryEntry | undefined {
  const text = (key: string) => {
    const value = keys.get(key)?.value;
    return typeof value === "string" || value === undefined ? value : null;
  };
  const term = text("term");
  const note = text("note");
  const quotations = text("quotations");
  if (!term || note === null || quotations === null || (quotations !== undefined && quotations !== "exempt")) return undefined;
  const formsValue = keys.get("forms")?.value;
  if (formsValue instanceof Map) return undefined;
  const forms = formsValue === undefined ? [term] : typeof formsValue === "string" ? [formsValue] : formsValue;
  if (forms.length === 0) return undefined;
  const locales = new Map<string, GlossaryRendering>();
  for (const [key, { value, line: at }] of keys) {
    if (ENTRY_KEYS.has(key)) continue;
    if (!LOCALE_KEY.test(key) || !(value instanceof Map)) return undefined;
    const made = toRendering(value, at);
    if (!made) return undefined;
    locales.set(key, made);
  }
  return { term, forms, note: note ?? "", exemptInQuotations: quotations === "exempt", line, locales };
}

function toRendering(map: Map<string, string | string[]>, line: number): GlossaryRendering | undefined {
  for (const key of map.keys()) if (!RENDERING_KEYS.has(key)) return undefined;
  const keep = map.get("keep");
  if (keep !== undefined && keep !== "latin") return undefined;
  const list = (key: string) => {
    const value = map.get(key);
    return typeof value === "string" ? [value] : value;
  };
  const acceptedValue = list("accepted");
  const forbidden = list("forbidden") ?? [];
  // accepted: [] is a decision still to make; an empty forbidden: [] is a mistake the full reader names.
  if (map.has("forbidden") && forbidden.length === 0) return undefined;
  const accepted = acceptedValue ?? [];
  if (accepted.length === 0 && keep === undefined && acceptedValue === undefined) return undefined;
  return { accepted, keep: keep === "latin", forbidden, decided: accepted.length > 0 || keep === "latin", line };
}

/** [a, b] or a plain word (inside { } with `inFlow`); undefined for anything else. */
function flowOrPlain(text: string, inFlow = false): string | string[] | undefined {
  if (!text.startsWith("[")) return plain(text, inFlow);
  if (!text.endsWith("]")) return undefined;
  const inner = text.slice(1, -1).trim();
  if (inner === "") return [];
  const items = inner.split(",").map((item) => plain(item, true));
  return items.every((item) => item !== undefined) ? (items as string[]) : undefined;
}

/** { key: value, key: [a, b] } on one line. */
function flowMap(text: string): Map<string, string | string[]> | undefined {
  if (!text.endsWith("}")) return undefined;
  const map = new Map<string, string | string[]>();
  // Split at the commas outside [ ].
  const parts: string[] = [];
  let depth = 0;
  let from = 1;
  for (let at = 1; at < text.length - 1; at++) {
    if (text[at] === "[") depth++;
    else if (text[at] === "]") depth--;
    else if (text[at] === "," && depth === 0) {
      parts.push(text.slice(from, at));
      from = at + 1;
    }
    if (depth < 0 || depth > 1) return undefined;
  }
  parts.push(text.slice(from, -1));
  for (const part of parts) {
    const pair = /^\s*([A-Za-z][A-Za-z0-9-]*): (.*)$/.exec(part);
    if (!pair || map.has(pair[1]!)) return undefined;
    const value = flowOrPlain(pair[2]!.trim(), true);
    if (value === undefined) return undefined;
    map.set(pair[1]!, value);
  }
  return map.size > 0 ? map : undefined;
}

/** A plain word or phrase as YAML reads it (trimmed), when it can only be text. */
function plain(text: string, inFlow = false): string | undefined {
  const word = text.trim();
  return word === "" || NOT_PLAIN_TEXT.test(word) || (inFlow && FLOW_SYNTAX.test(word)) ? undefined : word;
}
