// Where each translated section (and UI string) stands against the English, worked out once per
// locale and section and kept with the project: missing, untranslated (still the English text), current,
// stale (made from an older English, kept in the store of sourceHistory.ts), unmarked (no
// `source:` line) or of an unknown source; with the English it is held to and the pairing of its
// blocks with that English. The check judges it, the site notices it, the exchange marks it
// fuzzy and locale:mark refuses on it: none of them works it out again.
import { alignBlocks, type Alignment } from "./align.ts";
import { isTextBlock, readBlocks, type Block } from "./blocks.ts";
import { DEFAULT_EXPANSION, usualRatio, type Expansion } from "./expansion.ts";
import type { Project, Section } from "./readProject.ts";
import { snapshotFile, SourceHistory, type OldSource } from "./sourceHistory.ts";
import { needsTranslation, sameText } from "./untranslated.ts";
import { wordDiff, type StaleDiff } from "./wordDiff.ts";

/** The English a translation is held to. */
export interface EnglishReference {
  /** The file messages name for English places: the English file, or the snapshot of the old version. */
  file: string;
  title: string;
  blocks: Block[];
  kicker: string | undefined;
  /** The current English blocks (the same as `blocks` unless the translation is stale): an address either has is the English's. */
  current: Block[];
  /** The translation's English version is known nowhere: differences may be English edits. */
  uncertain: boolean;
  /** Why the version is known nowhere (for the unknown-source message). */
  unknownBecause?: string;
}

type SectionStateKind = "missing" | "untranslated" | "current" | "stale" | "unmarked" | "unknown-source";

/** What the `source:` line says: the current English version, an older one, or none at all. */
type SourceMark = "current" | "older" | "none";

/** A text of the translation still exactly as the English has it, where the English needs translating. */
interface UntranslatedText {
  text: string;
  line: number | undefined;
  /** "the title", "the kicker", or "" for a block. */
  what: string;
}

export interface SectionState {
  readonly kind: SectionStateKind;
  /** The English version the translation records (`source:`). */
  readonly madeFrom: string | undefined;
  /** The English version now. */
  readonly englishNow: string;
  readonly mark: SourceMark;
  /** What is still the English text (title, kicker, blocks), in file order. */
  readonly untranslated: readonly UntranslatedText[];
  /**
   * Whether the file is still the English text (kind "untranslated"), as locale:new leaves it:
   * readers are shown the English as such. A translated title says no without reading the blocks.
   */
  readonly stillEnglish: boolean;
  /** The English the translation is held to: the version it was made from where that is known. */
  readonly reference: EnglishReference;
  /** The translation's blocks paired with the reference's, at the locale's usual length ratio. */
  readonly alignment: Alignment;
  /** The same against the current English (what a translation marked now would be held to). */
  readonly currentEnglish: { reference: EnglishReference; alignment: Alignment };
  /** The English text the translation was made from, if it names an older version; or why it is known nowhere. */
  madeFromText(): OldSource | undefined;
  /** What changed in the English since the translation was made, word by word; or why that is unknown. */
  diff(): StaleDiff | { reason: string } | undefined;
}

export interface TranslationState {
  /** A locale's section against the English; undefined where the English has no such section. */
  section(code: string, id: string): SectionState | undefined;
  /** The old English store: snapshots, then git. */
  history: SourceHistory;
}

const projects = new WeakMap<Project, TranslationState>();

/** Whether a UI string is still the English text, where that English needs translating. */
export function untranslatedString(value: string, english: string): boolean {
  return sameText(value, english) && needsTranslation(english);
}

/** Every translated section's state, worked out on first use and kept with the project value. */
export function translationState(project: Project): TranslationState {
  let known = projects.get(project);
  if (known) return known;
  const history = new SourceHistory(project.root, project.campaign.sourceLocale);
  const states = new Map<string, SectionState | undefined>();
  known = {
    history,
    section(code, id) {
      const key = `${code}/${id}`;
      if (states.has(key)) return states.get(key);
      const english = project.locales[0]?.sections.get(id);
      const locale = project.locales.find((l) => l.code === code);
      const state = english && locale ? sectionState(english, locale.sections.get(id), history, locale.expansion) : undefined;
      states.set(key, state);
      return state;
    },
  };
  projects.set(project, known);
  return known;
}

/** One section's state; `history` undefined: compared with the current English only. */
export function sectionState(english: Section, translation: Section | undefined, history: SourceHistory | undefined, expansion: Expansion = DEFAULT_EXPANSION): SectionState {
  return new TranslatedSection(english, translation, history, expansion);
}

/** Worked out once per English section and reused for every locale. */
interface EnglishTexts {
  /**
   * The English text blocks' texts by their length: a translated text equal to one may be
   * untranslated. Looked up by length, then compared (not hashed: hashing a text is a pass over all
   * of it, and comparing two texts that differ usually stops at their first letter).
   */
  byLength: Map<number, string[]>;
  /** Whether an English text needs translating, worked out when a translation repeats it. */
  needs(text: string): boolean;
}

/** Whether the English has this text block (looked up by length, then compared). */
const hasText = (texts: EnglishTexts, text: string) => texts.byLength.get(text.length)?.includes(text) === true;

/**
 * A translation's title against the English titles it may still be (the current one, and the one
 * it was made from): `same` where it is one of them and that needs translating; `translated`
 * where it differs and needs translating itself, which makes the section no untranslated copy.
 */
function titleAgainst(title: string, english: readonly string[]): { same: boolean; translated: boolean } {
  const same = english.some((e) => untranslatedString(title, e));
  return { same, translated: !same && needsTranslation(title) };
}

const englishTexts = new WeakMap<readonly Block[], EnglishTexts>();

/** An English version's text blocks (the current one's, or the one a translation was made from). */
function textsOf(blocks: readonly Block[]): EnglishTexts {
  let texts = englishTexts.get(blocks);
  // Stryker disable next-line ConditionalExpression: memo: working the texts out again gives the same texts
  if (!texts) {
    const byLength = new Map<number, string[]>();
    for (const { text } of textBlocks(blocks)) {
      const same = byLength.get(text.length);
      if (same) same.push(text);
      else byLength.set(text.length, [text]);
    }
    texts = { byLength, needs: memo(needsTranslation) };
    englishTexts.set(blocks, texts);
  }
  return texts;
}

// Old English blocks, read once per store and version however many locales were made from it.
const oldReferences = new WeakMap<SourceHistory, Map<string, EnglishReference | string>>();

/** Each part computed on first use: the site asks only for the mark, the check for everything. */
class TranslatedSection implements SectionState {
  private known: Partial<{
    kind: SectionStateKind;
    scan: { parts: UntranslatedText[]; translatedBlock: boolean };
    reference: EnglishReference;
    alignment: Alignment;
    current: SectionState["currentEnglish"];
  }> = {};

  constructor(
    private readonly english: Section,
    private readonly translation: Section | undefined,
    private readonly history: SourceHistory | undefined,
    private readonly expansion: Expansion,
  ) {}

  get madeFrom(): string | undefined {
    return this.translation?.source;
  }

  get englishNow(): string {
    return this.english.version;
  }

  get mark(): SourceMark {
    const madeFrom = this.madeFrom;
    return madeFrom === undefined ? "none" : madeFrom === this.englishNow ? "current" : "older";
  }

  get kind(): SectionStateKind {
    this.known.kind ??= this.decide();
    return this.known.kind;
  }

  get untranslated(): readonly UntranslatedText[] {
    return this.scan().parts;
  }

  get stillEnglish(): boolean {
    const doc = this.translation;
    if (!doc) return false;
    // The title alone decides as findUntranslated would, where it is held to the current English only.
    if (this.mark !== "older" && titleAgainst(doc.title, [this.english.title]).translated) return false;
    return this.kind === "untranslated";
  }

  get reference(): EnglishReference {
    this.known.reference ??= this.findReference();
    return this.known.reference;
  }

  get alignment(): Alignment {
    const reference = this.reference;
    if (reference.blocks === this.english.structure.blocks) return this.currentEnglish.alignment;
    this.known.alignment ??= this.align(reference.blocks);
    return this.known.alignment;
  }

  get currentEnglish(): SectionState["currentEnglish"] {
    this.known.current ??= { reference: currentReference(this.english), alignment: this.align(this.english.structure.blocks) };
    return this.known.current;
  }

  madeFromText(): OldSource | undefined {
    return this.history && this.mark === "older" ? this.history.find(this.english.id, this.madeFrom!) : undefined;
  }

  diff(): StaleDiff | { reason: string } | undefined {
    const old = this.madeFromText();
    if (!old) return undefined;
    if (!("text" in old)) return { reason: old.reason };
    return wordDiff(old.text, this.english, old.from);
  }

  private align(english: Block[]): Alignment {
    return alignBlocks(english, this.translation?.structure.blocks ?? [], { ratio: usualRatio(this.expansion) });
  }

  private decide(): SectionStateKind {
    if (!this.translation) return "missing";
    const { parts, translatedBlock } = this.scan();
    if (parts.length > 0 && !translatedBlock) return "untranslated";
    if (this.mark === "none") return "unmarked";
    if (this.mark === "older") return this.reference.unknownBecause ? "unknown-source" : "stale";
    return "current";
  }

  /** The untranslated parts, scanned once for both `untranslated` and `kind`. */
  private scan(): { parts: UntranslatedText[]; translatedBlock: boolean } {
    this.known.scan ??= this.findUntranslated();
    return this.known.scan;
  }

  /** Identity is checked first (a set lookup); whether the text needs translating only for what is identical. */
  private findUntranslated(): { parts: UntranslatedText[]; translatedBlock: boolean } {
    const doc = this.translation;
    const english = this.english;
    const parts: UntranslatedText[] = [];
    // Stryker disable next-line BooleanLiteral: kind() says "missing" before it reads translatedBlock
    if (!doc) return { parts, translatedBlock: false };
    const texts = textsOf(english.structure.blocks);
    // A copy of the older English it names is no translation of it either (a scaffold after an English edit).
    const older = this.mark === "older" && !this.reference.uncertain ? this.reference : undefined;
    const olderTexts = older ? textsOf(older.blocks) : undefined;
    const title = titleAgainst(doc.title, older ? [english.title, older.title] : [english.title]);
    if (title.same) parts.push({ text: doc.title, line: doc.keyLines.title, what: "the title" });
    let translatedBlock = title.translated;
    const kicker = doc.kicker;
    if (kicker && english.kicker && untranslatedString(kicker, english.kicker)) {
      parts.push({ text: kicker, line: doc.keyLines.kicker, what: "the kicker" });
    }
    for (const block of textBlocks(doc.structure.blocks)) {
      const same = hasText(texts, block.text) ? texts : olderTexts && hasText(olderTexts, block.text) ? olderTexts : undefined;
      if (same) {
        if (same.needs(block.text)) parts.push({ text: block.text, line: block.line, what: "" });
      } else if (!translatedBlock && needsTranslation(block.text)) {
        translatedBlock = true;
      }
    }
    return { parts, translatedBlock };
  }

  private findReference(): EnglishReference {
    const english = this.english;
    const current = this.currentEnglish.reference;
    const history = this.history;
    if (this.mark !== "older" || !history) return current;
    const madeFrom = this.madeFrom!;
    let known = oldReferences.get(history);
    if (!known) {
      known = new Map();
      oldReferences.set(history, known);
    }
    const key = `${english.id}@${madeFrom}`;
    let found = known.get(key);
    if (found === undefined) {
      const old = history.find(english.id, madeFrom);
      found =
        "text" in old
          ? {
              file: old.from === "snapshot" ? snapshotFile(english.id, madeFrom) : `${english.file}@${madeFrom}`,
              title: old.text.title,
              blocks: readBlocks(old.text.body, old.text.bodyLine ?? 1).blocks,
              kicker: old.text.kicker,
              current: english.structure.blocks,
              uncertain: false,
            }
          : old.reason;
      known.set(key, found);
    }
    return typeof found === "string" ? { ...current, uncertain: true, unknownBecause: found } : found;
  }
}

function currentReference(english: Section): EnglishReference {
  return { file: english.file, title: english.title, blocks: english.structure.blocks, kicker: english.kicker, current: english.structure.blocks, uncertain: false };
}

function textBlocks(blocks: readonly Block[]): Block[] {
  return blocks.filter(isTextBlock);
}

function memo(fn: (text: string) => boolean): (text: string) => boolean {
  const known = new Map<string, boolean>();
  return (text) => {
    let value = known.get(text);
    // Stryker disable next-line ConditionalExpression: memo: working the value out again gives the same value
    if (value === undefined) {
      value = fn(text);
      known.set(text, value);
    }
    return value;
  };
}
