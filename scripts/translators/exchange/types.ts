// The exchange's two shapes: a locale as entries for a PO or XLIFF file (what the export writes),
// and a file as read back (what the import takes, untrusted until importLocale has checked it).
import type { PluralCategory } from "../../project/pluralKeys.ts";
import type { GlossaryRendering } from "../../project/glossary.ts";

/** A glossary term the entry's English holds, with the locale's renderings (none in a template). */
export interface GlossaryHint {
  term: string;
  note: string;
  rendering?: GlossaryRendering | undefined;
}

export interface ExchangeEntry {
  /** Stable id: "<section>/title", "<section>/kicker", "<section>/block-<n>" (n: the English block's index), "ui/<key>". */
  context: string;
  /** The English as written (inline markdown; several lines joined with \n). */
  source: string;
  /** UI plural groups: the English `_other` form (`source` is the `_one` form). */
  sourcePlural?: string;
  /** Plural groups: the locale's categories, in the order of `translation`. */
  categories?: PluralCategory[];
  /** The translation, one string (or one per category); "" where untranslated. */
  translation: string[];
  /** Translated from an older English text than the current one (or from an unknown one). */
  fuzzy: boolean;
  /** Fuzzy because the section does not say which English it translates (no `source:`, or one kept nowhere), not because the English changed. */
  unknownEnglish?: boolean;
  /** The English the translation was made from, where it is known and differs. */
  previousSource?: string;
  /** English file and line: "content/en/pledge.md:12". */
  reference: string;
  /** For the translator: what the entry is and what to keep. */
  note: string;
  /** Holds markdown (links, emphasis) rather than plain UI text. */
  markdown: boolean;
  section?: string;
  /** The glossary terms in the English (absent when there are none, so no glossary changes no byte). */
  glossary?: GlossaryHint[];
}

export interface LocaleExport {
  code: string;
  sourceLocale: string;
  /** The project's name for file headers. */
  project: string;
  /** The files import writes, with a hash of each as they were at export (see localeFilesHash). */
  filesHash: string;
  /** When the English files last changed (newest modification time): the template's date. */
  sourceDate: Date;
  /** When the locale's files last changed: the translation's revision date (the template's: sourceDate). */
  revisionDate: Date;
  entries: ExchangeEntry[];
}

export interface ImportedEntry {
  context: string;
  source: string;
  translation: string[];
  fuzzy: boolean;
  /** Line of the entry's msgctxt (PO) or unit (XLIFF) in the imported file. */
  line: number;
  /** A plural entry (PO msgid_plural, XLIFF plural group). */
  plural?: boolean;
  /** XLIFF: plural forms the file has that the file's language does not (e.g. "few" for ar-less locales). */
  unknownForms?: string[];
}

export interface ImportedFile {
  /** How the file names the entries, headers and texts in messages. */
  format: "po" | "xliff";
  /** The target language as the file writes it: untrusted, never a path before importLocale checks it. */
  code: string;
  filesHash: string | undefined;
  entries: Map<string, ImportedEntry>;
  /** PO only: the Plural-Forms header as written, if any. */
  pluralForms?: string | undefined;
}
