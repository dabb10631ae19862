// Reads content/glossary.yml: the campaign's key terms, what each means for a translator, and per
// locale the renderings that are accepted, kept in Latin, or forbidden (words known to mislead).
// The file is optional (no file: no terms). Every mistake names the file and line.
//
//   - term: abet                       # the English term as the glossary lists it
//     forms: [abet, abets, abetted]    # how it occurs in the English (default: the term)
//     note: help or encourage a crime  # for translators: what it means, what to avoid
//     quotations: exempt               # fixed wording inside ::: quote blocks is not held to it
//     ar:
//       accepted: [التواطؤ, المساعدة والتحريض]
//       forbidden: [الدعم]
//   - term: Azure
//     ar: { keep: latin, forbidden: [أزور] }
//   - term: dual-use
//     fr: { accepted: [] }             # not decided yet (what npm run locale:new writes)
import { existsSync } from "node:fs";
import { join } from "node:path";
import { isMap, isScalar, isSeq, type YAMLMap } from "yaml";
import { cacheBypassed, JsonCache } from "../shared/contentCache.ts";
import { readerIdentity } from "./readerIdentity.ts";
import { ContentError } from "../shared/contentError.ts";
import { displayPath, readText } from "../shared/readText.ts";
import { parseYaml } from "../shared/yaml.ts";
import type { Glossary, GlossaryEntry, GlossaryRendering } from "./glossaryEntry.ts";
import { quickGlossary } from "./glossaryLines.ts";

export type { Glossary, GlossaryEntry, GlossaryRendering } from "./glossaryEntry.ts";

export const GLOSSARY_FILE = "glossary.yml";

const ENTRY_KEYS = new Set(["term", "forms", "note", "quotations"]);
const RENDERING_KEYS = new Set(["accepted", "forbidden", "keep"]);
const HINT = 'each entry is "- term: <English term>" with optional forms:, note:, quotations: exempt, and per locale code accepted:, keep: latin and forbidden:';

/**
 * `projectRoot`: shown paths are relative to it, and the parsed glossary is kept in its
 * .cache/project/ under the file's text and this reader's code (parsing YAML is the slow part of
 * a warm check); `cache: false` neither reads nor writes it. A missing file is an empty glossary.
 */
export function loadGlossary(contentDir: string, projectRoot?: string, { cache = true }: { cache?: boolean } = {}): Glossary {
  const path = join(contentDir, GLOSSARY_FILE);
  const file = displayPath(path, projectRoot);
  if (!existsSync(path)) return { file, entries: [] };
  const text = readText(path, projectRoot);
  const kept = cache && projectRoot !== undefined && !cacheBypassed() ? new JsonCache<StoredEntry[]>(join(projectRoot, ".cache", "project"), readerIdentity()) : undefined;
  const key = kept?.key(["glossary", file, text]);
  const stored = key === undefined ? undefined : kept?.get(key);
  // A damaged entry of the right key is parsed again, never trusted.
  if (stored !== undefined && storedShape(stored)) return { file, entries: stored.map(({ locales, ...entry }) => ({ ...entry, locales: new Map(locales) })) };
  const glossary = parseGlossary(text, file);
  if (kept && key !== undefined) {
    kept.put(
      key,
      glossary.entries.map((entry) => ({ ...entry, locales: [...entry.locales] })),
    );
    kept.prune();
  }
  return glossary;
}

/** An entry as kept in the cache: its renderings as pairs. */
type StoredEntry = Omit<GlossaryEntry, "locales"> & { locales: [string, GlossaryRendering][] };

function storedShape(value: unknown): value is StoredEntry[] {
  const texts = (items: unknown) => Array.isArray(items) && items.every((t) => typeof t === "string");
  const storedRendering = (r: unknown) => {
    const { accepted, keep, forbidden, decided, line } = (r ?? {}) as Partial<GlossaryRendering>;
    return texts(accepted) && typeof keep === "boolean" && texts(forbidden) && typeof decided === "boolean" && typeof line === "number";
  };
  return (
    Array.isArray(value) &&
    value.every((e: Partial<StoredEntry> | null) => {
      if (e === null || typeof e !== "object") return false;
      const { term, forms, note, exemptInQuotations, line, locales } = e;
      return (
        typeof term === "string" &&
        texts(forms) &&
        typeof note === "string" &&
        typeof exemptInQuotations === "boolean" &&
        typeof line === "number" &&
        Array.isArray(locales) &&
        locales.every((pair) => Array.isArray(pair) && pair.length === 2 && typeof pair[0] === "string" && storedRendering(pair[1]))
      );
    })
  );
}

function parseGlossary(text: string, file: string): Glossary {
  // The common shape line by line (glossaryLines.ts); anything else, and every mistake, by the YAML reader.
  const quick = quickGlossary(text);
  return quick ? { file, entries: quick } : readGlossaryYaml(text, file);
}

/** The glossary as the YAML reader reads it, whatever its shape: the reference the quick reader is held to. */
export function readGlossaryYaml(text: string, file: string): Glossary {
  const { doc, lineOf: nodeLine } = parseYaml(text, file, 'indent each entry\'s keys by two spaces under its "- term:" line');
  const lineOf = (node: unknown, fallback = 1) => nodeLine(node) ?? fallback;
  const root = doc.contents;
  if (root === null) return { file, entries: [] };
  if (!isSeq(root)) throw new ContentError({ file, line: lineOf(root) }, "must be a list of terms", HINT);

  const entries: GlossaryEntry[] = [];
  const seen = new Map<string, number>();
  for (const item of root.items) {
    const line = lineOf(item);
    if (!isMap(item)) throw new ContentError({ file, line }, "a glossary entry must be a term with its keys", HINT);
    const keyLine = (key: string) => lineOf(item.get(key, true), line);
    const term = textAt(item, "term", file, keyLine);
    if (term === undefined) throw new ContentError({ file, line }, "this entry has no term:", HINT);
    const lower = term.toLowerCase();
    if (seen.has(lower)) throw new ContentError({ file, line }, `the term "${term}" is listed twice (first at line ${seen.get(lower)})`, "keep one entry per term and merge their renderings");
    seen.set(lower, line);
    const forms = list(item, "forms", file, keyLine) ?? [term];
    const quotations = textAt(item, "quotations", file, keyLine);
    if (quotations !== undefined && quotations !== "exempt") {
      throw new ContentError(
        { file, line: keyLine("quotations") },
        `quotations: is "exempt" or absent, not "${quotations}"`,
        "write  quotations: exempt  when official wording inside ::: quote blocks may differ",
      );
    }
    const locales = new Map<string, GlossaryRendering>();
    for (const pair of item.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : "";
      if (ENTRY_KEYS.has(key)) continue;
      const at = lineOf(pair.key);
      if (!/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(key)) {
        throw new ContentError({ file, line: at }, `unknown key "${key}" in the entry for "${term}"`, HINT);
      }
      if (!isMap(pair.value)) throw new ContentError({ file, line: at }, `"${key}" must hold accepted:, keep: or forbidden: for "${term}"`, HINT);
      locales.set(
        key,
        rendering(pair.value, key, term, file, at, (k) => lineOf((pair.value as YAMLMap).get(k, true), at)),
      );
    }
    entries.push({ term, forms, note: textAt(item, "note", file, keyLine) ?? "", exemptInQuotations: quotations === "exempt", line, locales });
  }
  return { file, entries };
}

function rendering(map: YAMLMap, code: string, term: string, file: string, line: number, keyLine: (key: string) => number): GlossaryRendering {
  for (const pair of map.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : "";
    if (!RENDERING_KEYS.has(key))
      throw new ContentError({ file, line: keyLine(key) }, `unknown key "${key}" under ${code} for "${term}"`, "a locale has accepted: (a list), keep: latin and forbidden: (a list)");
  }
  const keep = textAt(map, "keep", file, keyLine);
  if (keep !== undefined && keep !== "latin") {
    throw new ContentError({ file, line: keyLine("keep") }, `keep: is "latin" or absent, not "${keep}"`, `write  keep: latin  when ${code} writes "${term}" as the English does`);
  }
  // An empty accepted: [] is written on purpose (locale:new writes it): a decision still to make.
  const acceptedNode: unknown = map.get("accepted", true);
  const empty = isSeq(acceptedNode) && acceptedNode.items.length === 0;
  const accepted = empty ? [] : (list(map, "accepted", file, keyLine) ?? []);
  if (accepted.length === 0 && keep === undefined && !empty) {
    throw new ContentError({ file, line }, `${code} has no accepted rendering of "${term}"`, "list at least one under accepted:, write  keep: latin, or  accepted: []  while it is not decided yet");
  }
  return { accepted, keep: keep === "latin", forbidden: list(map, "forbidden", file, keyLine) ?? [], decided: accepted.length > 0 || keep === "latin", line };
}

function textAt(map: YAMLMap, key: string, file: string, keyLine: (key: string) => number): string | undefined {
  const value = map.get(key);
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string" || value.trim() === "") throw new ContentError({ file, line: keyLine(key) }, `${key}: must be a text`, HINT);
  return value.trim();
}

function list(map: YAMLMap, key: string, file: string, keyLine: (key: string) => number): string[] | undefined {
  const node = map.get(key, true);
  if (node === undefined || node === null) return undefined;
  const items = isSeq(node) ? node.items.map((i) => (isScalar(i) ? i.value : i)) : [isScalar(node) ? node.value : node];
  if (items.length === 0 || items.some((i) => typeof i !== "string" || i.trim() === "")) {
    throw new ContentError({ file, line: keyLine(key) }, `${key}: must be a list of texts, e.g. [first, second]`, HINT);
  }
  return (items as string[]).map((i) => i.trim());
}

const LATIN_WORD = /[\p{L}\p{N}]/u;
const WORD = /[\p{L}\p{N}]+/gu;
const NO_TERMS: readonly GlossaryEntry[] = [];

interface IndexedForm {
  /** The entry's place in the glossary: what a text holds is listed in the glossary's order. */
  index: number;
  /** In lower case. */
  form: string;
  /** One word: found among the text's words; more than one: looked for in the text. */
  oneWord: boolean;
}

/** The glossary's English forms by their first word: a text's terms are found by looking up its words, not by trying every form. */
class TermIndex {
  private readonly byFirstWord = new Map<string, IndexedForm[]>();
  /**
   * Every form's first word, as one pattern (bounded by ASCII letters and digits; a letter beyond
   * ASCII next to a match is looked at after): the regex engine finds a text's candidate words in
   * half the time of a walk through its characters.
   */
  private readonly firstWords: RegExp | undefined;
  /** Forms with no letter or digit, looked for in every text. */
  private readonly wordless: IndexedForm[] = [];

  constructor(private readonly entries: readonly GlossaryEntry[]) {
    entries.forEach((entry, index) => {
      for (const written of entry.forms) {
        const form = written.toLowerCase();
        const words = form.match(WORD) ?? [];
        const indexed = { index, form, oneWord: words.length === 1 && words[0] === form };
        if (words.length === 0) this.wordless.push(indexed);
        else this.byFirstWord.set(words[0]!, [...(this.byFirstWord.get(words[0]!) ?? []), indexed]);
      }
    });
    // Words are letters and digits only: nothing in them needs escaping.
    const firsts = [...this.byFirstWord.keys()];
    this.firstWords = firsts.length === 0 ? undefined : new RegExp(`(?<![a-z0-9])(?:${firsts.join("|")})(?![a-z0-9])`, "g");
  }

  find(text: string): readonly GlossaryEntry[] {
    const lower = text.toLowerCase();
    let found: Set<number> | undefined;
    const tryForm = ({ index, form, oneWord }: IndexedForm, word?: string) => {
      if (found?.has(index)) return;
      if (oneWord ? word === form : hasWord(lower, form)) (found ??= new Set()).add(index);
    };
    for (const form of this.wordless) tryForm(form);
    const pattern = this.firstWords;
    if (pattern) {
      pattern.lastIndex = 0;
      for (let match = pattern.exec(lower); match; match = pattern.exec(lower)) {
        const word = match[0];
        // A whole word only: no letter or digit beyond ASCII right before or after it either.
        if (endsWord(lower, match.index) || wordCharWidth(lower, match.index + word.length) > 0) continue;
        for (const form of this.byFirstWord.get(word)!) tryForm(form, word);
      }
    }
    if (!found) return NO_TERMS;
    return [...found].toSorted((a, b) => a - b).map((i) => this.entries[i]!);
  }
}

/** Whether a letter or digit ends right before `at` (one code unit, or a surrogate pair). */
function endsWord(text: string, at: number): boolean {
  if (at === 0) return false;
  if (wordCharWidth(text, at - 1) > 0) return true;
  const c = text.charCodeAt(at - 1);
  return c >= 0xdc00 && c <= 0xdfff && at >= 2 && wordCharWidth(text, at - 2) === 2;
}

/** Whether each code unit outside ASCII is a letter or digit on its own (1) or not (2), learnt on first sight. */
const WORD_UNITS = new Uint8Array(0x10000);

/** How many code units the letter or digit at `at` takes (0 for anything else): ASCII and the BMP without a regex once seen. */
function wordCharWidth(text: string, at: number): number {
  const c = text.charCodeAt(at);
  if (Number.isNaN(c)) return 0;
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) ? 1 : 0;
  if (c < 0xd800 || c > 0xdfff) {
    let known = WORD_UNITS[c]!;
    // Stryker disable next-line ConditionalExpression: memo: testing the character again gives the same answer
    if (known === 0) WORD_UNITS[c] = known = LATIN_WORD.test(String.fromCharCode(c)) ? 1 : 2;
    return known === 1 ? 1 : 0;
  }
  const char = String.fromCodePoint(text.codePointAt(at)!);
  return LATIN_WORD.test(char) ? char.length : 0;
}

const indexes = new WeakMap<Glossary, TermIndex>();

/**
 * The glossary entries whose English forms occur in a text, as whole words without case
 * ("abetted" matches the form "abetted", not "abet"; "Azure" matches "azure"), in the glossary's order.
 */
export function termsIn(text: string, glossary: Glossary): readonly GlossaryEntry[] {
  if (glossary.entries.length === 0) return NO_TERMS;
  let index = indexes.get(glossary);
  if (!index) indexes.set(glossary, (index = new TermIndex(glossary.entries)));
  return index.find(text);
}

/** Whether `word` occurs in `text` with no letter or digit right before or after it. */
export function hasWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const before = at > 0 ? text[at - 1]! : " ";
    const after = at + word.length < text.length ? text[at + word.length]! : " ";
    if (!LATIN_WORD.test(before) && !LATIN_WORD.test(after)) return true;
  }
  return false;
}
