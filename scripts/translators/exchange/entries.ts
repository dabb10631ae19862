// A locale as exchange entries, the one model the PO and XLIFF writers and readers share: every
// text block of every section (from the block reader, paired with the translation by the
// aligner) and every UI string, each with its English, its translation, a stable context and a
// note pointing at the English file and line. Untranslated entries have no translation; an entry
// whose English changed since it was translated is `fuzzy`, with the English it was made from.
import { statSync } from "node:fs";
import { join } from "node:path";
import type { Section as SectionDoc } from "../../project/readProject.ts";
import { readProject, type ProjectLocale } from "../../project/readProject.ts";
import type { UiStrings } from "../../project/uiStrings.ts";
import { sectionState, translationState, type SectionState } from "../../project/translationState.ts";
import { parsePluralKey, PLURAL_CATEGORIES, pluralCategories, pluralGroups, pluralKey } from "../../project/pluralKeys.ts";
import { needsTranslation } from "../../project/untranslated.ts";
import { ContentError } from "../../shared/contentError.ts";
import { alignBlocks } from "../../project/align.ts";
import { KIND_NAMES, type Block } from "../../project/blocks.ts";
import { confirmedTranslations } from "./importRecord.ts";
import { localeFiles, localeFilesHash } from "./localeFiles.ts";
import type { ExchangeEntry, ImportedFile, LocaleExport } from "./types.ts";
import { protectedTokens } from "./protect.ts";
import { glossaryHints } from "./termbase.ts";

export interface ExportOptions {
  /** Only the sections or only the UI strings (platforms translate ui.json natively). */
  only?: "sections" | "strings" | undefined;
  /** English only, no translations: a template (.pot) for platforms. */
  template?: boolean;
}

/** Blocks whose text is translated: headings, paragraphs, list items, and a quotation's or testimony's attribution/label. */
export function hasText(block: Block): boolean {
  return block.kind === "heading" || block.kind === "paragraph" || block.kind === "item" || ((block.kind === "quote" || block.kind === "details") && block.markdown !== "");
}

export const sectionContext = (id: string, what: "title" | "kicker" | number) => `${id}/${typeof what === "number" ? `block-${what}` : what}`;
export const stringContext = (key: string) => `ui/${key}`;

/** What a section is for the note: "paragraph", "list item in a testimony", "quotation attribution"… */
function describeBlock(blocks: Block[], block: Block): string {
  const what = block.kind === "quote" ? "quotation attribution" : block.kind === "details" ? "testimony label (shown before it is opened)" : KIND_NAMES[block.kind];
  const inside = block.parent >= 0 ? blocks[block.parent]! : undefined;
  const where = inside ? ` in ${inside.kind === "details" ? "a testimony" : inside.kind === "excerpt" ? "an excerpt (also printed on the leaflet)" : "a quotation"}` : "";
  return `${what}${where}`;
}

function keepNote(text: string): string {
  const tokens = protectedTokens(text);
  if (tokens.length === 0) return "";
  const shown = [...new Set(tokens.map((t) => (t.kind === "link" && t.text === "[" ? "" : t.text)).filter(Boolean))];
  return ` Keep exactly: ${shown.join("  ")}`;
}

export function exportLocale(root: string, code: string, options: ExportOptions = {}): LocaleExport {
  const project = readProject(root);
  const sourceLocale = project.campaign.sourceLocale;
  const english = project.locales[0]!;
  const failed = english.problems.find((p) => p.severity === "error");
  if (failed) throw new ContentError({ file: failed.file, line: failed.line }, failed.message, `${failed.hint}; the English must read cleanly before it can be exported`);
  const template = options.template === true;
  const locale: ProjectLocale | undefined = template ? undefined : project.locales.find((l) => l.code === code);
  const broken = locale?.problems.find((p) => p.kind === "parse");
  if (broken) throw new ContentError({ file: broken.file, line: broken.line }, broken.message, `${broken.hint}; then export again (nothing was written)`);
  const entries: ExchangeEntry[] = [];
  if (options.only !== "strings") {
    const states = translationState(project);
    const confirmed = template ? () => false : confirmedTranslations(root, code);
    for (const id of project.sectionIds) {
      const en = english.sections.get(id);
      if (!en) continue;
      // A template holds no translation: every section is missing from it.
      const state = locale ? states.section(code, id)! : sectionState(en, undefined, states.history);
      entries.push(...sectionEntries(id, en, locale?.sections.get(id), state, confirmed));
    }
  }
  if (options.only !== "sections" && english.strings) {
    entries.push(...stringEntries(english.strings, locale?.strings, template ? sourceLocale : code));
  }
  // The glossary terms each English holds, for the tools' comments and notes; none: no change at all.
  if (project.glossary.entries.length > 0) {
    for (const entry of entries) {
      const hints = glossaryHints(`${entry.source}\n${entry.sourcePlural ?? ""}`, project.glossary, template ? "" : code);
      if (hints.length > 0) entry.glossary = hints;
    }
  }
  // File dates, not the clock: exporting twice from the same files gives the same bytes.
  const sourceDate = newestChange(root, [...localeFiles(root, sourceLocale)]);
  const revisionDate = template ? sourceDate : (newestChange(root, localeFiles(root, code)) ?? sourceDate);
  return {
    code: template ? "" : code,
    sourceLocale,
    project: project.campaign.name,
    filesHash: template ? "" : localeFilesHash(root, code),
    sourceDate: sourceDate ?? new Date(0),
    revisionDate: revisionDate ?? new Date(0),
    entries,
  };
}

function newestChange(root: string, files: string[]): Date | undefined {
  const times = files.map((file) => statSync(join(root, file)).mtimeMs);
  return times.length > 0 ? new Date(Math.max(...times)) : undefined;
}

function sectionEntries(id: string, en: SectionDoc, tr: SectionDoc | undefined, state: SectionState, confirmed: (context: string, source: string, translation: string) => boolean): ExchangeEntry[] {
  const enBlocks = en.structure.blocks;
  const trBlocks = tr ? tr.structure.blocks : [];
  const counterpart = tr ? alignBlocks(enBlocks, trBlocks).counterpart : undefined;
  const { title, kicker } = en;

  // Staleness, block by block: what the English said when the translation was made.
  let stale: (englishIndex: number | "title" | "kicker", now: string) => { fuzzy: boolean; previous?: string; unknownEnglish?: boolean } = () => ({ fuzzy: false });
  if (state.kind !== "missing" && state.mark !== "current") {
    const old = state.madeFromText();
    if (old && "text" in old) {
      // The English blocks of the version it was made from: the English it is held to.
      const oldBlocks = state.reference.blocks;
      const oldOf = alignBlocks(enBlocks, oldBlocks).counterpart;
      stale = (which, now) => {
        const was = which === "title" ? old.text.title : which === "kicker" ? (old.text.kicker ?? "") : oldOf[which]! >= 0 ? oldBlocks[oldOf[which]!]!.markdown : undefined;
        if (was === now) return { fuzzy: false };
        return was === undefined || was === "" ? { fuzzy: true } : { fuzzy: true, previous: was };
      };
    } else {
      // No source: line, or an English version kept nowhere: every translated entry needs a look.
      stale = () => ({ fuzzy: true, unknownEnglish: true });
    }
  }
  const file = en.file;
  const copied = state.stillEnglish;
  const entry = (context: string, source: string, translated: string | undefined, line: number, note: string, which: number | "title" | "kicker", markdown: boolean): ExchangeEntry => {
    // Text still as the English is untranslated, unless it rightly stays the same (a name, a
    // citation) in a section someone marked or an entry a translator confirmed: in a section with
    // no source: line, or one still the English text throughout (as npm run locale:new makes them, of
    // the current English or of the version it names), it is the English copied, not a translation.
    const copy =
      translated === source
        ? needsTranslation(source) || ((!tr?.source || copied) && !confirmed(context, source, source))
        : copied && translated !== undefined && !confirmed(context, source, translated);
    const text = translated !== undefined && !copy ? translated : "";
    // A translation confirmed in an imported file against the current English needs no review.
    const { fuzzy, previous, unknownEnglish } = text === "" || confirmed(context, source, text) ? { fuzzy: false } : stale(which, source);
    return {
      context,
      source,
      translation: [text],
      fuzzy,
      ...(unknownEnglish ? { unknownEnglish } : {}),
      ...(previous !== undefined ? { previousSource: previous } : {}),
      reference: `${file}:${line}`,
      note: `${note}.${keepNote(source)}`,
      markdown,
      section: id,
    };
  };
  const out: ExchangeEntry[] = [entry(sectionContext(id, "title"), title, tr?.title, en.keyLines.title ?? 2, "Section title", "title", false)];
  if (kicker !== undefined) {
    out.push(entry(sectionContext(id, "kicker"), kicker, tr?.kicker, en.keyLines.kicker ?? 2, "Kicker: the short heading shown above the section title", "kicker", false));
  }
  enBlocks.forEach((block, index) => {
    if (!hasText(block)) return;
    const j = counterpart?.[index] ?? -1;
    const translated = j >= 0 && trBlocks[j]!.kind === block.kind ? trBlocks[j]!.markdown : undefined;
    out.push(entry(sectionContext(id, index), block.markdown, translated, block.line, describeBlock(enBlocks, block)[0]!.toUpperCase() + describeBlock(enBlocks, block).slice(1), index, true));
  });
  return out;
}

function stringEntries(english: UiStrings, locale: UiStrings | undefined, code: string): ExchangeEntry[] {
  const out: ExchangeEntry[] = [];
  const groups = pluralGroups(english.values.keys());
  const done = new Set<string>();
  const translationOf = (key: string, source: string | undefined) => {
    const value = locale?.values.get(key);
    if (typeof value !== "string") return "";
    return value !== source || (source !== undefined && !needsTranslation(source)) ? value : "";
  };
  for (const [key, value] of english.values) {
    if (typeof value !== "string" || done.has(key)) continue;
    const line = english.lines.get(key) ?? 1;
    const parsed = parsePluralKey(key);
    if (parsed && !parsed.ordinal && groups.has(parsed.base)) {
      const base = parsed.base;
      const englishCategories = PLURAL_CATEGORIES.filter((c) => english.values.has(pluralKey(base, false, c)));
      for (const c of PLURAL_CATEGORIES) done.add(pluralKey(base, false, c));
      const categories = pluralCategories(code);
      const one = english.values.get(pluralKey(base, false, englishCategories[0] ?? "one"));
      const other = english.values.get(pluralKey(base, false, "other"));
      out.push({
        context: stringContext(base),
        source: String(one),
        sourcePlural: String(other),
        categories,
        translation: categories.map((c) => translationOf(pluralKey(base, false, c), c === "one" ? String(one) : String(other))),
        fuzzy: false,
        reference: `${english.file}:${line}`,
        note: `Interface text with plural forms (${base}_${categories.join(", _")}).${keepNote(String(other))}`,
        markdown: false,
      });
      continue;
    }
    done.add(key);
    out.push({
      context: stringContext(key),
      source: value,
      translation: [translationOf(key, value)],
      fuzzy: false,
      reference: `${english.file}:${line}`,
      note: `Interface text (${key}).${keepNote(value)}`,
      markdown: false,
    });
  }
  return out;
}

/**
 * The entries of an exchange file whose translation (or cleared fuzzy mark) an export would not
 * carry: work in that file not yet imported, which writing the export over it would lose.
 */
export function unimportedEntries(existing: ImportedFile, exported: LocaleExport): string[] {
  const now = new Map(exported.entries.map((e) => [e.context, e]));
  const lost: string[] = [];
  for (const entry of existing.entries.values()) {
    if (entry.translation.every((t) => t === "")) continue;
    const current = existing.code === exported.code ? now.get(entry.context) : undefined;
    const kept = current !== undefined && entry.translation.every((t, i) => t === "" || t === current.translation[i]) && (entry.fuzzy || !current.fuzzy || entry.source !== current.source);
    if (!kept) lost.push(entry.context);
  }
  return lost;
}
