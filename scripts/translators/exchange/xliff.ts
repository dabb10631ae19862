// Exchange entries as XLIFF 1.2 (what most desktop tools import) or 2.0, and back, through the
// xliff package. Each entry is a unit whose id is the entry's stable context; citation markers,
// placeholders, $t(…), link brackets and addresses and emphasis markers become inline elements
// (1.2 <x/>, 2.0 <ph/>) that a tool shows as tags; plural UI strings are a group with one unit
// per CLDR form. The package keeps no segment state, so the state attributes (1.2 target state,
// 2.0 segment state) are added to its output and read from the file here.
import { js2xliff, jsToXliff12, xliff12ToJs, xliff2js, type XliffInline, type XliffJs, type XliffUnit, type XliffValue } from "xliff";
import { pluralCategories, type PluralCategory } from "../../project/pluralKeys.ts";
import type { ExchangeEntry, LocaleExport } from "./types.ts";
import type { ImportedEntry, ImportedFile } from "./types.ts";
import { protectedTokens, type ProtectedKind } from "./protect.ts";
import { ContentError } from "../../shared/contentError.ts";
import { GLS_NAMESPACE, glossaryLine, glsGlossary } from "./termbase.ts";

export type XliffVersion = "1.2" | "2.0";

/** A unit the tools do not offer for translation: the locale's files at export, for import's check. */
const FILES_UNIT = "x-locale-files";
const FILE_ID = "pledge-site";
const CTYPE: Record<ProtectedKind, string> = { citation: "x-citation", placeholder: "x-placeholder", nesting: "x-nesting", link: "x-link", emphasis: "bold" };

/** Text with its protected tokens as inline elements, numbered from 1. */
function toInline(text: string, version: XliffVersion): XliffValue {
  const tokens = protectedTokens(text);
  if (tokens.length === 0) return text;
  const out: (string | XliffInline)[] = [];
  let at = 0;
  tokens.forEach((token, i) => {
    if (token.start > at) out.push(text.slice(at, token.start));
    const id = String(i + 1);
    out.push({ Standalone: version === "1.2" ? { id, ctype: CTYPE[token.kind], "equiv-text": token.text } : { id, equiv: token.text, disp: token.text } });
    at = token.end;
  });
  if (at < text.length) out.push(text.slice(at));
  return out;
}

/** Inline elements back into text: an element stands for the source's token with the same id. */
function fromInline(value: XliffValue | undefined, tokens: Map<string, string>, unknown: string[]): string {
  if (value === undefined) return "";
  if (typeof value === "string") return value;
  return inlineParts(value)
    .map((part) => {
      if (typeof part === "string") return part;
      const [, element] = Object.entries(part)[0] ?? [];
      if (!element) return "";
      const id = String(element.id ?? "");
      const text = tokens.get(id) ?? (element["equiv-text"] as string | undefined) ?? (element.equiv as string | undefined);
      if (text === undefined) unknown.push(id);
      if (element.contents !== undefined) return (text ?? "") + fromInline(element.contents as XliffValue, tokens, unknown);
      return text ?? "";
    })
    .join("");
}

/** A text that is one inline element and nothing else (a quotation's attribution that is only its marker) is read as the element alone, not a list. */
const inlineParts = (value: Exclude<XliffValue, string>): (string | XliffInline)[] => (Array.isArray(value) ? value : [value]);

function sourceTokens(value: XliffValue | undefined): Map<string, string> {
  const tokens = new Map<string, string>();
  if (value !== undefined && typeof value !== "string") {
    for (const part of inlineParts(value)) {
      if (typeof part === "string") continue;
      const [, element] = Object.entries(part)[0] ?? [];
      if (element) tokens.set(String(element.id), String(element["equiv-text"] ?? element.equiv ?? ""));
    }
  }
  return tokens;
}

type State = "untranslated" | "stale" | "translated";
const stateOf = (entry: ExchangeEntry, i: number): State => (!entry.translation[i] ? "untranslated" : entry.fuzzy ? "stale" : "translated");

export async function writeXliff(exported: LocaleExport, version: XliffVersion): Promise<string> {
  const template = exported.code === "";
  const units: Record<string, XliffUnit> = {};
  const states: State[] = [];
  /** XLIFF 2.0: each unit's glossary module, added to the package's output by unit id. */
  const glossaries = new Map<string, string>();
  if (!template) {
    units[FILES_UNIT] = { source: exported.filesHash, additionalAttributes: { translate: "no" } };
    // 1.2 writes it without a <target>; 2.0 still gives it a <segment>.
    if (version === "2.0") states.push("translated");
  }
  for (const entry of exported.entries) {
    const main = `${entry.note} English: ${entry.reference}.${entry.previousSource !== undefined ? ` Translated from an older English text: “${entry.previousSource}”` : entry.fuzzy ? " Translated from an older English text." : ""}`;
    // A note per glossary term after the entry's own (1.2 has no glossary module; 2.0 has both).
    const terms = (entry.glossary ?? []).map(glossaryLine);
    const note = (extra = "") => (terms.length > 0 ? [main + extra, ...terms] : main + extra);
    const gls = version === "2.0" && entry.glossary ? glsGlossary(entry.glossary) : undefined;
    if (entry.sourcePlural !== undefined) {
      const categories = entry.categories ?? [];
      const groupUnits: Record<string, XliffUnit> = {};
      categories.forEach((category, i) => {
        const source = category === "one" ? entry.source : entry.sourcePlural!;
        groupUnits[`${entry.context}[${category}]`] = { source: toInline(source, version), target: template ? "" : toInline(entry.translation[i] ?? "", version), note: note(` Form: ${category}.`) };
        if (gls) glossaries.set(`${entry.context}[${category}]`, gls);
        states.push(template ? "untranslated" : stateOf(entry, i));
      });
      units[entry.context] = { groupUnits, additionalAttributes: { restype: "x-gettext-plurals" } };
      continue;
    }
    units[entry.context] = { source: toInline(entry.source, version), target: template ? "" : toInline(entry.translation[0] ?? "", version), note: note() };
    if (gls) glossaries.set(entry.context, gls);
    states.push(template ? "untranslated" : stateOf(entry, 0));
  }
  const js: XliffJs = { sourceLanguage: exported.sourceLocale, ...(template ? {} : { targetLanguage: exported.code }), resources: { [FILE_ID]: units } };
  const compact = version === "1.2" ? await jsToXliff12(js, { indent: "" }) : await js2xliff(js, { indent: "" });
  // States, in unit order (the package writes units in the order given).
  let n = 0;
  const withStates =
    version === "1.2"
      ? compact.replace(/<target(?=[ >/])/g, () => {
          const state = states[n++] ?? "untranslated";
          return `<target state="${state === "untranslated" ? "needs-translation" : state === "stale" ? "needs-review-translation" : "translated"}"`;
        })
      : compact.replace(/<segment>/g, () => {
          const state = states[n++] ?? "untranslated";
          return state === "translated" ? '<segment state="translated">' : state === "stale" ? '<segment state="initial" subState="pledge:stale">' : '<segment state="initial">';
        });
  // The glossary module comes first in a unit (before <notes>), its prefix declared once on <xliff>.
  const withGlossary =
    glossaries.size === 0
      ? withStates
      : withStates.replace(/<xliff /, `<xliff xmlns:gls="${GLS_NAMESPACE}" `).replace(/<unit id="([^"]*)"[^>]*>/g, (tag, id: string) => tag + (glossaries.get(decodeXml(id)) ?? ""));
  // One unit a line: whitespace between elements is insignificant, inside source and target it is not touched.
  return `<?xml version="1.0" encoding="UTF-8"?>\n${withGlossary.replace(/(<\/trans-unit>|<\/unit>|<\/group>|<body>|<file [^>]*>|<xliff [^>]*>|<group [^>]*>)/g, "$1\n")}\n`;
}

/** Each unit's line, target state and whether it is stale, read from the file's text. */
function unitStates(xml: string, file: string): Map<string, { line: number; stale: boolean; state: string | undefined }> {
  const found = new Map<string, { line: number; stale: boolean; state: string | undefined }>();
  const unit = /<(trans-unit|unit)\b[^>]*?\bid="([^"]*)"[^>]*>([\s\S]*?)<\/\1>/g;
  for (const match of xml.matchAll(unit)) {
    const body = match[3]!;
    const line = xml.slice(0, match.index).split("\n").length;
    const state = /<target\b[^>]*?\bstate="([^"]*)"/.exec(body)?.[1] ?? /<segment\b[^>]*?\bstate="([^"]*)"/.exec(body)?.[1];
    const subState = /<segment\b[^>]*?\bsubState="([^"]*)"/.exec(body)?.[1];
    const stale = subState === "pledge:stale" || (state !== undefined && /^needs-review|^needs-adaptation|^needs-l10n/.test(state));
    const id = decodeXml(match[2]!);
    const earlier = found.get(id);
    if (earlier) {
      throw new ContentError(
        { file, line },
        `the unit id "${id}" appears twice (lines ${earlier.line} and ${line}): only one translation can be kept`,
        "delete one of the two units (keep the translation you mean), then import again; nothing was changed",
      );
    }
    found.set(id, { line, stale, state });
  }
  return found;
}

const decodeXml = (text: string) =>
  text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/**
 * The same document, written so the xliff package loses none of a source's or target's text: it
 * drops a text of spaces only between two tags (1.2's option to keep them is not passed on for 2.0)
 * and the words inside an element it has no type for (2.0's <mrk>, with which tools mark terms and
 * comments). Such spaces become CDATA (the same text to XML), and <mrk> annotations are unwrapped,
 * their words kept: they mark text, they are not tags of the translation.
 */
function keepInlineText(xml: string): string {
  return xml.replace(/(<(source|target)\b[^>]*(?<!\/)>)([\s\S]*?)(<\/\2\s*>)/g, (whole, open: string, _tag: string, inner: string, close: string) => {
    if (inner.includes("<![CDATA[") || !inner.includes("<")) return whole;
    const unwrapped = inner.replace(/<mrk\b[^>]*\/>|<\/?mrk\b[^>]*>/g, "");
    // Spaces only, between two tags or between a tag and the element's start or end.
    return open + unwrapped.replace(/(^|>)(\s+)(?=<|$)/g, "$1<![CDATA[$2]]>") + close;
  });
}

export async function readXliff(xml: string, file: string): Promise<ImportedFile> {
  if (xml.trim() === "")
    throw new ContentError({ file }, "the file is empty", "export the locale again with npm run locale:export -- <code> --format xliff, translate that file and import it; nothing was changed");
  if (!/<xliff\b/.test(xml)) {
    throw new ContentError({ file }, "this is not an XLIFF file: it has no <xliff> element", "import the .xlf file that npm run locale:export wrote (or a CAT tool saved); nothing was changed");
  }
  // XLIFF never needs a document type: entities could read local files (XXE) or expand without end.
  const doctype = /<!(?:DOCTYPE|ENTITY)\b/i.exec(xml);
  if (doctype) {
    throw new ContentError(
      { file, line: xml.slice(0, doctype.index).split("\n").length },
      "the file declares a document type or entities (<!DOCTYPE …> / <!ENTITY …>), which XLIFF never needs and import never reads",
      "delete the <!DOCTYPE …> declaration and replace each &name; reference with the text it stands for, or export the locale again with npm run locale:export; nothing was changed",
    );
  }
  // The XML reader ends a document wherever its text ends: a file cut off midway would import as far as it goes.
  if (!/<\/xliff\s*>(?:\s|<!--[\s\S]*?-->|<\?[\s\S]*?\?>)*$/.test(xml)) {
    throw new ContentError(
      { file, line: xml.trimEnd().split("\n").length },
      "the file ends before </xliff>: it breaks off here, so the translations after this point are missing and the last one may be cut short",
      "download or save the file again (a download or save that stopped midway leaves a file like this), then import it; nothing was changed",
    );
  }
  const version: XliffVersion = /\bversion="2\.\d"/.test(/<xliff\b[^>]*>/.exec(xml)?.[0] ?? "") ? "2.0" : "1.2";
  let js: XliffJs;
  try {
    const readable = keepInlineText(xml);
    js = version === "1.2" ? await xliff12ToJs(readable) : await xliff2js(readable);
  } catch (error) {
    throw new ContentError(
      { file },
      `this is not an XLIFF ${version} file that can be read (${(error as Error).message.replace(/\s+/g, " ").trim()})`,
      "open it in your CAT tool and export it again as XLIFF, or export the locale again with npm run locale:export; nothing was changed",
    );
  }
  const code = String(js.targetLanguage ?? "").trim();
  const states = unitStates(xml, file);
  const entries = new Map<string, ImportedEntry>();
  let filesHash: string | undefined;
  const plurals = new Map<string, Map<PluralCategory, { source: string; target: string; fuzzy: boolean; line: number }>>();
  const visit = (units: Record<string, XliffUnit>) => {
    for (const [id, unit] of Object.entries(units)) {
      if (unit.groupUnits) {
        visit(unit.groupUnits);
        continue;
      }
      if (id === FILES_UNIT) {
        filesHash = typeof unit.source === "string" ? unit.source : undefined;
        continue;
      }
      const tokens = sourceTokens(unit.source);
      const unknown: string[] = [];
      const source = fromInline(unit.source, tokens, []);
      const target = fromInline(unit.target, tokens, unknown);
      const { line = 0, stale: marked = false, state } = states.get(id) ?? {};
      // Text a tool left in a target still marked untranslated is a translation nobody confirmed.
      const stale = marked || (target !== "" && (state === "needs-translation" || state === "new" || (version === "2.0" && state === "initial")));
      const plural = /^(.*)\[(zero|one|two|few|many|other)\]$/.exec(id);
      if (plural) {
        const forms = plurals.get(plural[1]!) ?? new Map();
        forms.set(plural[2] as PluralCategory, { source, target, fuzzy: stale, line });
        plurals.set(plural[1]!, forms);
        continue;
      }
      entries.set(id, { context: id, source, translation: [target], fuzzy: stale, line });
    }
  };
  for (const units of Object.values(js.resources)) visit(units);
  for (const [context, forms] of plurals) {
    // Only the locale's own forms are read; a code that is no language names no forms yet (import refuses it).
    let categories: PluralCategory[] = [];
    try {
      categories = pluralCategories(code || "en");
    } catch {}
    const first = [...forms.values()][0]!;
    entries.set(context, {
      context,
      source: forms.get("one")?.source ?? first.source,
      translation: categories.map((c) => forms.get(c)?.target ?? ""),
      fuzzy: [...forms.values()].some((f) => f.fuzzy),
      line: Math.min(...[...forms.values()].map((f) => f.line)),
      plural: true,
      unknownForms: [...forms.keys()].filter((c) => !categories.includes(c) && forms.get(c)!.target !== ""),
    });
  }
  return { format: "xliff", code, filesHash, entries };
}
