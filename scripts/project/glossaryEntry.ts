// What content/glossary.yml holds once read: the shape both of its readers (glossary.ts, glossaryLines.ts) return.

export interface GlossaryRendering {
  /** Renderings a translation may use; with `keep`, the English forms are accepted as written. */
  accepted: string[];
  /** The term stays in Latin letters as the English writes it (Azure, IMOD, ICM). */
  keep: boolean;
  /** Renderings known to mislead in this language: an error wherever they appear. */
  forbidden: string[];
  /** False for an explicitly empty `accepted: []` without keep: the rendering is not decided yet. */
  decided: boolean;
  line: number;
}

export interface GlossaryEntry {
  term: string;
  /** The ways the English writes it, matched as whole words without case. */
  forms: string[];
  note: string;
  /** Fixed wording inside ::: quote blocks (treaties, resolutions) is not held to the glossary. */
  exemptInQuotations: boolean;
  line: number;
  locales: Map<string, GlossaryRendering>;
}

export interface Glossary {
  /** content/glossary.yml as messages name it. */
  file: string;
  entries: GlossaryEntry[];
}
