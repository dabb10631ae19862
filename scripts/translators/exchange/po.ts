// Exchange entries as a gettext PO file and back, through gettext-parser. Conventions:
// msgctxt is the entry's stable id, msgid the English as written (markdown included), `#.` says
// what the entry is and which markers to keep, `#:` the English file and line, `#, fuzzy` with
// `#| msgid` the English a stale translation was made from; plural UI strings are real plural
// entries with the locale's Plural-Forms. Weblate's flags md-text and i18next-interpolation make
// it check links, emphasis and {{placeholders}} too.
import { po, type GetTextTranslation, type GetTextTranslations } from "gettext-parser";
import type { ImportedEntry, ImportedFile, LocaleExport } from "./types.ts";
import { pluralForms } from "./pluralForms.ts";
import { ContentError } from "../../shared/contentError.ts";
import { glossaryLine } from "./termbase.ts";

/** The locale's files and their hashes at export: import refuses when they changed since. */
const HASH_HEADER = "X-Locale-Files";
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
        // One `#.` line per glossary term, after what the entry is (Weblate and Poedit show them all).
        extracted: [entry.note, ...(entry.glossary ?? []).map(glossaryLine)].join("\n"),
        reference: entry.reference,
        ...(flags.length > 0 ? { flag: flags.join(", ") } : {}),
        ...(entry.previousSource !== undefined && !template ? { previous: `msgctxt ${poString(entry.context)}\nmsgid ${poString(entry.previousSource)}` } : {}),
      },
    };
    let messages = translations[entry.context];
    if (!messages) {
      messages = {};
      translations[entry.context] = messages;
    }
    messages[entry.source] = message;
  }
  return `${po.compile({ charset: "utf-8", headers, translations }, { foldLength: 79 }).toString("utf8")}\n`;
}

/** Lines where each msgctxt starts (obsolete #~ entries excluded), every occurrence, in order. */
function contextLines(lines: readonly string[]): Map<string, number[]> {
  const found = new Map<string, number[]>();
  for (let i = 0; i < lines.length; i++) {
    const match = /^msgctxt\s+(".*")\s*$/.exec(lines[i]!);
    if (!match) continue;
    let value = poLiteral(match[1]!);
    for (let j = i + 1; j < lines.length && /^\s*"/.test(lines[j]!); j++) value += poLiteral(lines[j]!.trim());
    const at = found.get(value);
    if (at) at.push(i + 1);
    else found.set(value, [i + 1]);
  }
  return found;
}

/** A PO string literal's text (gettext's escapes are C's, close enough to JSON's for a context). */
function poLiteral(literal: string): string {
  try {
    return JSON.parse(literal) as string;
  } catch {
    return literal.slice(1, -1);
  }
}

const CUT_OFF_HINT = "download or save the file again (a download or save that stopped midway leaves a file like this), or open it in Poedit to see where it breaks; nothing was changed";

/** A keyword line or a continuation line, its text closed by a quote (escapes included). */
const WHOLE_STRING_LINE = /^\s*(?:msg(?:ctxt|id|id_plural|str(?:\[\d+\])?)\s+)?"(?:[^"\\]|\\.)*"\s*$/;

/**
 * What msgfmt refuses and gettext-parser lets through, which is how a file cut off midway looks: a
 * text not closed by its quote, an entry without its msgstr. Only keyword and text lines are looked
 * at (comments, and lines gettext-parser refuses itself, are not).
 */
function cutOff(lines: readonly string[], file: string): void {
  /** The msgid (and its msgctxt's line) still waiting for its msgstr. */
  let waiting: { line: number; context: string } | undefined;
  let context = "";
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trimStart();
    // Anything but a text line is gettext-parser's to judge.
    if (!/^(?:msg\w*(?:\[\d+\])?\s+)?"/.test(line)) continue;
    if (!WHOLE_STRING_LINE.test(line)) {
      throw new ContentError({ file, line: i + 1 }, "this line's text has no closing quote: the file ends or breaks off here", CUT_OFF_HINT);
    }
    if (line.startsWith("msgctxt")) context = poLiteral(line.slice(7).trim());
    else if (line.startsWith("msgid ")) {
      if (waiting) break;
      waiting = { line: i + 1, context };
    } else if (line.startsWith("msgstr")) {
      waiting = undefined;
      context = "";
    }
  }
  if (waiting) {
    const which = waiting.context ? `the entry ${waiting.context}` : `the entry at line ${waiting.line}`;
    const line = waiting.context ? (contextLines(lines).get(waiting.context)?.[0] ?? waiting.line) : waiting.line;
    throw new ContentError({ file, line }, `${which} has no msgstr: the file ends or breaks off before its translation`, CUT_OFF_HINT);
  }
}

export function readPo(text: string, file: string): ImportedFile {
  if (text.trim() === "") throw new ContentError({ file }, "the file is empty", "export the locale again with npm run locale:export, translate that file and import it; nothing was changed");
  const textLines = text.split(/\r?\n/);
  cutOff(textLines, file);
  const lines = contextLines(textLines);
  for (const [context, at] of lines) {
    if (at.length > 1) {
      throw new ContentError(
        { file, line: at[1]! },
        `msgctxt "${context}" appears twice (lines ${at.join(" and ")}): gettext refuses a file with a repeated entry, and only one translation can be kept`,
        "delete one of the two entries (keep the translation you mean), then import again; nothing was changed",
      );
    }
  }
  let parsed: GetTextTranslations;
  try {
    parsed = po.parse(text);
  } catch (error) {
    const line = /line (\d+)/i.exec((error as Error).message)?.[1];
    throw new ContentError(
      { file, ...(line ? { line: Number(line) } : {}) },
      `this is not a PO file gettext can read (${(error as Error).message
        .replace(/^Error parsing PO data:\s*/, "")
        .replace(/\s+/g, " ")
        .trim()})`,
      "open it in a PO editor (Poedit) and save it again, or export the locale again with npm run locale:export; nothing was changed",
    );
  }
  if (!parsed || typeof parsed.translations !== "object" || parsed.translations === null) {
    throw new ContentError({ file }, "this is not a PO file: it holds no msgid/msgstr entries", "import the .po file that npm run locale:export wrote (or a PO editor saved); nothing was changed");
  }
  const entries = new Map<string, ImportedEntry>();
  for (const [context, messages] of Object.entries(parsed.translations)) {
    if (context === "") continue;
    for (const message of Object.values(messages)) {
      const flags = (message.comments?.flag ?? "").split(/,\s*/);
      entries.set(context, {
        context,
        source: message.msgid,
        translation: message.msgstr ?? [],
        fuzzy: flags.includes("fuzzy"),
        line: lines.get(context)?.[0] ?? 0,
        ...(message.msgid_plural !== undefined ? { plural: true } : {}),
      });
    }
  }
  const headers: Record<string, string> = parsed.headers ?? {};
  const header = (name: string) => Object.entries(headers).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
  if (entries.size === 0 && Object.keys(headers).length === 0) {
    throw new ContentError(
      { file },
      "this is not a PO file: it holds no msgctxt/msgid/msgstr entries and no header",
      "import the .po file that npm run locale:export wrote (or a PO editor saved); nothing was changed",
    );
  }
  return { format: "po", code: (header("Language") ?? "").trim(), filesHash: header(HASH_HEADER) || undefined, entries, pluralForms: header("Plural-Forms") };
}
