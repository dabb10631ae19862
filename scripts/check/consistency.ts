// Repeated English, one translation: when the same English block or sentence appears more than
// once across the sections (a quotation cited twice, "Case Details:"), a locale should render it
// the same way each time, as a translation platform's memory would. Texts are compared after
// normalising whitespace and removing citation markers, which may differ between the copies.
import { CITATION_PATTERN, MAY_HOLD_CITATION } from "../shared/markdown.ts";
import type { SectionDoc } from "./sectionCheck.ts";
import { alignBlocks } from "../project/align.ts";
import { singleSpaced } from "../shared/whitespace.ts";
import type { Problem } from "./types.ts";
import { shorten } from "../shared/shorten.ts";

/** One place of a repeated English text: a whole block, or one sentence of a block. */
interface Place {
  doc: SectionDoc;
  block: number;
  sentence?: number;
  /** Sentences: how many its English block has (kept, so a warm check reads no English block for it). */
  of?: number;
  /** Sentences: the repeated block this one belongs to, if any (that pair is compared as blocks). */
  group?: number;
}

/** Worked out once from the English sections, used for every locale. */
export interface SourceRepeats {
  /** Each list holds the places (two or more) of one repeated English block. */
  blocks: Place[][];
  /** Each list holds the places of one repeated English sentence, from blocks that differ. */
  sentences: Place[][];
  /** Normalised texts, kept for the locales' check in the same run. */
  readings: Readings;
  /** Each section's English block indices that a repeat holds, in order. */
  bySection: Map<string, number[]>;
}

/** A translated block as the rule compares it: its text and line. */
export interface RenderedBlock {
  text: string;
  line: number;
}

/** A translation's blocks that render the English's repeated ones, by English block index (absent: no counterpart). */
export interface Renderings {
  file: string;
  blocks: ReadonlyMap<number, RenderedBlock>;
}

/** The English block indices of a section that some repeat holds, in order (what its renderings depend on). */
export function repeatedIndices(repeats: SourceRepeats, id: string): number[] {
  return repeats.bySection.get(id) ?? [];
}

/** The translated blocks that render a section's repeated English blocks, as the project's aligner pairs them. */
export function renderingsOf(repeats: SourceRepeats, english: SectionDoc, translation: SectionDoc): Map<number, number> {
  const indices = repeatedIndices(repeats, english.id);
  const found = new Map<number, number>();
  if (indices.length === 0) return found;
  const { counterpart } = alignBlocks(english.structure.blocks, translation.structure.blocks);
  for (const index of indices) {
    const at = counterpart[index] ?? -1;
    if (at >= 0) found.set(index, at);
  }
  return found;
}

/**
 * The text as compared: no citation markers, single spaces, no space before punctuation.
 * `spaced`: its spaces are single already (a block's text), so only removed markers can leave more.
 */
export function normalised(text: string, spaced = false): string {
  // Each step only where it can apply: this runs once per block of every file.
  if (MAY_HOLD_CITATION.test(text)) {
    const bare = text.replace(CITATION_PATTERN, " ");
    if (bare !== text) spaced = false;
    text = bare;
  }
  if (!spaced) text = singleSpaced(text);
  if (/ [.,;:!?؟،؛]/.test(text)) text = text.replace(/ (?=[.,;:!?؟،؛])/g, "");
  return text.trim();
}

interface Reading {
  text: string;
  sentences?: string[];
}

/**
 * Each block's reading, across the check runs of this process: npm start checks again on every
 * rebuild, and an unchanged section keeps its blocks (a reading is a function of the text alone).
 */
const readingOfBlock = new WeakMap<{ text: string }, Reading>();

/**
 * A block's normalised text and (when asked for) its sentences, worked out once per distinct
 * text of one check run: the same paragraph in many files is read once. Each block remembers
 * its reading too, so asking again costs no lookup of its whole text.
 */
class Readings {
  private known = new Map<string, Reading>();
  private of(block: { text: string }): Reading {
    let known = readingOfBlock.get(block);
    if (known) return known;
    known = this.known.get(block.text);
    if (!known) {
      known = { text: normalised(block.text, true) };
      this.known.set(block.text, known);
    }
    readingOfBlock.set(block, known);
    return known;
  }
  text(block: { text: string }): string {
    return this.of(block).text;
  }
  sentences(block: { text: string }): string[] {
    return this.both(block).sentences;
  }
  /** Its text and its sentences, found with one lookup. */
  both(block: { text: string }): Required<Reading> {
    const known = this.of(block);
    known.sentences ??= sentencesOf(known.text);
    return known as Required<Reading>;
  }
}

const SENTENCE_END = /[.!?؟…]["'”’»)\]]* +/gu;
// Module constants: the TypeScript loader (esbuild, for Node) turns a \p{…} literal into a
// new RegExp(…), built again on every call where the literal stands inside a function.
const LETTER = /\p{L}/u;
const TWO_LETTERS = /\p{L}{2}/u;

/** Sentences end at . ! ? ؟ or … (with any closing quotes or brackets) before a space. */
export function sentencesOf(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  const keep = (sentence: string) => {
    if (LETTER.test(sentence)) sentences.push(sentence);
  };
  for (const end of text.matchAll(SENTENCE_END)) {
    const stop = end.index + end[0].trimEnd().length;
    keep(text.slice(start, stop));
    start = end.index + end[0].length;
  }
  keep(text.slice(start));
  return sentences;
}

export function findRepeats(english: Iterable<SectionDoc>): SourceRepeats {
  const readings = new Readings();
  const blocks = new Map<string, Place[]>();
  const sentences = new Map<string, Place[]>();
  const add = (map: Map<string, Place[]>, text: string, place: Place) => {
    if (!TWO_LETTERS.test(text)) return;
    const places = map.get(text);
    if (places) places.push(place);
    else map.set(text, [place]);
  };
  for (const doc of english) {
    doc.structure.blocks.forEach((block, index) => {
      if (!block.text) return;
      const { text, sentences: parts } = readings.both(block);
      add(blocks, text, { doc, block: index });
      if (parts.length > 1) {
        parts.forEach((sentence, i) => {
          add(sentences, sentence, { doc, block: index, sentence: i, of: parts.length });
        });
      }
    });
  }
  // A sentence counts once its block is not a repeat as a whole (then the block is compared).
  const blockGroup = new Map<string, number>();
  const repeatedBlocks = [...blocks.values()].filter((places) => places.length > 1);
  repeatedBlocks.forEach((places, group) => {
    for (const p of places) blockGroup.set(key(p), group);
  });
  // Single-sentence blocks are sentences too: a sentence repeated inside a longer block.
  for (const places of blocks.values()) {
    const first = readings.both(places[0]!.doc.structure.blocks[places[0]!.block]!);
    const sentence = sentences.get(first.text);
    if (sentence && first.sentences.length === 1) sentence.push(...places.map((p) => ({ ...p, sentence: 0, of: 1 })));
  }
  const repeatedSentences = [...sentences.values()]
    // Most sentences occur once: no set of their groups to make.
    .filter((places) => places.length > 1 && new Set(places.map((p) => blockGroup.get(key(p)) ?? key(p))).size > 1)
    .map((places) => places.map((p) => ({ ...p, group: blockGroup.get(key(p)) })));
  return indexed(repeatedBlocks, repeatedSentences, readings);
}

function indexed(blocks: Place[][], sentences: Place[][], readings: Readings): SourceRepeats {
  const held = new Map<string, Set<number>>();
  for (const places of [...blocks, ...sentences]) for (const p of places) held.set(p.doc.id, (held.get(p.doc.id) ?? new Set()).add(p.block));
  const bySection = new Map([...held].map(([id, indices]) => [id, [...indices].toSorted((a, b) => a - b)]));
  return { blocks, sentences, readings, bySection };
}

/** The repeats as the cache keeps them: places by section id, block, sentence and group. */
export interface StoredRepeats {
  blocks: [id: string, block: number][][];
  sentences: [id: string, block: number, sentence: number, group: number | null, of: number][][];
}

export function storedRepeats({ blocks, sentences }: SourceRepeats): StoredRepeats {
  return {
    blocks: blocks.map((places) => places.map((p): [string, number] => [p.doc.id, p.block])),
    sentences: sentences.map((places) => places.map((p): [string, number, number, number | null, number] => [p.doc.id, p.block, p.sentence!, p.group ?? null, p.of!])),
  };
}

/** The repeats findRepeats found, from the cache: the same places of the same English sections. */
export function restoredRepeats(stored: StoredRepeats, docs: ReadonlyMap<string, SectionDoc>): SourceRepeats {
  return indexed(
    stored.blocks.map((places) => places.map(([id, block]) => ({ doc: docs.get(id)!, block }))),
    stored.sentences.map((places) => places.map(([id, block, sentence, group, of]) => ({ doc: docs.get(id)!, block, sentence, of, group: group ?? undefined }))),
    new Readings(),
  );
}

/** Warnings for a locale whose translations of one repeated English text differ. */
export function checkConsistency(repeats: SourceRepeats, translated: ReadonlyMap<string, Renderings>, code: string): Problem[] {
  const { readings } = repeats;
  /** The translated block that renders an English place, if any. */
  const rendered = (place: Place): { doc: Renderings; block: RenderedBlock } | undefined => {
    const doc = translated.get(place.doc.id);
    const block = doc?.blocks.get(place.block);
    if (!doc || !block) return undefined;
    // Sentences pair by position only when the translation has as many.
    if (place.sentence !== undefined && readings.sentences(block).length !== (place.of ?? readings.sentences(place.doc.structure.blocks[place.block]!).length)) return undefined;
    return { doc, block };
  };
  /** The text compared: the block's, or the sentence's. */
  const textOf = (place: Place, block: RenderedBlock) => (place.sentence === undefined ? readings.text(block) : readings.sentences(block)[place.sentence]!);
  const reported = new Map<string, Problem & { more: number }>();
  for (const [kind, groups] of [
    ["block", repeats.blocks],
    ["sentence", repeats.sentences],
  ] as const) {
    for (const places of groups) {
      let first: { place: Place; doc: Renderings; block: RenderedBlock; text?: string } | undefined;
      for (const place of places) {
        const mine = rendered(place);
        if (!mine) continue;
        if (!first) {
          first = { place, ...mine };
          continue;
        }
        if (mine.block === first.block) continue;
        if (place.group !== undefined && place.group === first.place.group) continue;
        // Blocks written alike compare alike: most repeats are translated the same way, and
        // comparing them as written spares normalising every copy.
        if (kind === "block" && mine.block.text === first.block.text) continue;
        first.text ??= textOf(first.place, first.block);
        if (textOf(place, mine.block) === first.text) continue;
        const pair = `${mine.doc.file}:${mine.block.line}→${first.doc.file}:${first.block.line}`;
        const earlier = reported.get(pair);
        if (earlier) {
          earlier.more++;
          continue;
        }
        const englishHere = `${place.doc.file}:${line(place)}`;
        const englishThere = `${first.place.doc.file}:${line(first.place)}`;
        const there = `${first.doc.file}:${first.block.line}`;
        const english = place.doc.structure.blocks[place.block]!;
        const quoted = shorten(kind === "block" ? readings.text(english) : readings.sentences(english)[place.sentence!]!);
        reported.set(pair, {
          locale: code,
          file: mine.doc.file,
          line: mine.block.line,
          severity: "warning",
          kind: "inconsistent",
          message:
            kind === "block"
              ? `the English here (${englishHere}) repeats ${englishThere} word for word, but this translation differs from the one at ${there}: “${quoted}”`
              : `the English sentence “${quoted}” is here (${englishHere}) and at ${englishThere}, but its translation here differs from the one at ${there}`,
          hint: `translate the same English the same way: use the wording of ${there} here (or change that one to match this), leaving the citation markers where each copy has them`,
          more: 0,
        });
      }
    }
  }
  return [...reported.values()].map(({ more, ...problem }) =>
    more > 0 ? { ...problem, message: `${problem.message} (and ${more} more ${more === 1 ? "sentence" : "sentences"} of this paragraph)` } : problem,
  );
}

const key = (place: Place) => `${place.doc.file}#${place.block}`;
const line = (place: Place) => place.doc.structure.blocks[place.block]!.line;
