// Exchange entries as a gettext PO file and back, through gettext-parser. Conventions:
// msgctxt is the entry's stable id, msgid the English as written (markdown included), `#.` says
// what the entry is and which markers to keep, `#:` the English file and line, `#, fuzzy` with
// `#| msgid` the English a stale translation was made from; plural UI strings are real plural
// entries with the locale's Plural-Forms. Weblate's flags md-text and i18next-interpolation make
// it check links, emphasis and {{placeholders}} too.
import { po, type GetTextTranslation, type GetTextTranslations } from "gettext-parser";
import type { LocaleExport } from "./entries.ts";
import { pluralForms } from "./pluralForms.ts";

/** The locale's files and their hashes at export: import refuses when they changed since. */
export const HASH_HEADER = "X-Locale-Files";
const GENERATOR = "pledge-site locale:export";

function poString(text: string): string {
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n").replace(/\t/g, "\\t")}"`;
}

/** A date as gettext writes it: "2025-03-01 14:05+0000". */
function poDate(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")}+0000`;
}

/** "French (fr)": the language's English name, for maintainers who read many languages' files. */
function languageTeam(code: string): string {
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames(["en"], { type: "language" }).of(code);
  } catch {}
  return name && name !== code ? `${name} (${code})` : code;
}

export function writePo(exported: LocaleExport): string {
  const template = exported.code === "";
  const forms = template ? { header: "nplurals=INTEGER; plural=EXPRESSION;", categories: [] } : pluralForms(exported.code);
  const headers: Record<string, string> = {
    "Project-Id-Version": exported.project,
    // The headers gettext and the tools expect (Poedit fills Last-Translator when it saves).
    "POT-Creation-Date": poDate(exported.sourceDate),
    "PO-Revision-Date": poDate(exported.revisionDate),
    "Last-Translator": "",
    "Language-Team": template ? "" : languageTeam(exported.code),
    Language: exported.code,
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
    // A template of sections alone has no plural entry: no Plural-Forms for msgfmt to reject.
    ...(template && exported.entries.every((e) => e.sourcePlural === undefined) ? {} : { "Plural-Forms": forms.header }),
    "X-Generator": GENERATOR,
    "X-Source-Language": exported.sourceLocale,
    ...(template ? {} : { [HASH_HEADER]: exported.filesHash }),
  };
  const translations: GetTextTranslations["translations"] = { "": { "": { msgid: "", msgstr: [""] } } };
  for (const entry of exported.entries) {
    const flags = [...(entry.fuzzy ? ["fuzzy"] : []), ...(entry.markdown ? ["md-text"] : []), ...(/\{\{/.test(entry.source + (entry.sourcePlural ?? "")) ? ["i18next-interpolation"] : [])];
    const plural = entry.sourcePlural !== undefined;
    const message: GetTextTranslation = {
      msgctxt: entry.context,
      msgid: entry.source,
      ...(plural ? { msgid_plural: entry.sourcePlural! } : {}),
      msgstr: template ? (plural ? ["", ""] : [""]) : entry.translation,
      comments: {
        extracted: entry.note,
        reference: entry.reference,
        ...(flags.length > 0 ? { flag: flags.join(", ") } : {}),
        ...(entry.previousSource !== undefined && !template ? { previous: `msgctxt ${poString(entry.context)}\nmsgid ${poString(entry.previousSource)}` } : {}),
      },
    };
    (translations[entry.context] ??= {})[entry.source] = message;
  }
  return po.compile({ charset: "utf-8", headers, translations }, { foldLength: 79 }).toString("utf8") + "\n";
}

export interface ImportedEntry {
  context: string;
  source: string;
  translation: string[];
  fuzzy: boolean;
  /** Line of the entry's msgctxt in the imported file. */
  line: number;
}

export interface ImportedFile {
  code: string;
  filesHash: string | undefined;
  entries: Map<string, ImportedEntry>;
}

/** Lines where each msgctxt starts (obsolete #~ entries excluded), in order of appearance. */
function contextLines(text: string): Map<string, number> {
  const lines = text.split(/\r?\n/);
  const found = new Map<string, number>();
  for (let i = 0; i < lines.length; i++) {
    const match = /^msgctxt\s+(".*")\s*$/.exec(lines[i]!);
    if (!match) continue;
    let value = JSON.parse(match[1]!) as string;
    for (let j = i + 1; j < lines.length && /^\s*"/.test(lines[j]!); j++) value += JSON.parse(lines[j]!.trim()) as string;
    if (!found.has(value)) found.set(value, i + 1);
  }
  return found;
}

export function readPo(text: string, file: string): ImportedFile {
  let parsed: GetTextTranslations;
  try {
    parsed = po.parse(text);
  } catch (error) {
    throw new Error(`${file} is not a PO file gettext can read: ${(error as Error).message}`);
  }
  const lines = contextLines(text);
  const entries = new Map<string, ImportedEntry>();
  for (const [context, messages] of Object.entries(parsed.translations)) {
    if (context === "") continue;
    for (const message of Object.values(messages)) {
      const flags = (message.comments?.flag ?? "").split(/,\s*/);
      entries.set(context, {
        context,
        source: message.msgid,
        translation: message.msgstr,
        fuzzy: flags.includes("fuzzy"),
        line: lines.get(context) ?? 0,
      });
    }
  }
  const header = (name: string) => Object.entries(parsed.headers).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
  return { code: header("Language") ?? "", filesHash: header(HASH_HEADER) || undefined, entries };
}
