// Aligns a translated section's blocks with its English blocks, so every consumer (the check,
// print excerpts, the PO/XLIFF export) pairs the same paragraph with the same paragraph.
//
// API:
//   alignBlocks(english, translation, { ratio }): Alignment
//     english, translation  Block[] from readBlocks (scripts/project/blocks.ts)
//     ratio                 the usual length of the translation over the English (1: same length);
//                           among blocks of the same shape, the one nearest this ratio is paired
//     .pairs        every block of both sides once, in reading order:
//                   { kind, english, translation } with indices into the two arrays (-1: none);
//                   kind "same" (same shape), "changed" (paired, but the shape differs: a heading
//                   level, a list item's nesting, the block it sits in, a quotation's attribution,
//                   or a paragraph where the English has a list item), "missing" (an English block
//                   with no counterpart), "extra" (a translated block the English lacks)
//     .divergences  one per run of pairs that are not "same": the first pair of the run and the
//                   whole run, in order; after each run the alignment resumes
//     .counterpart  English index → translation index (-1 when missing)
//   describeDivergence(divergence, english, translation, places): { line, englishLine, message, hint }
//     the words the check uses for a divergence, naming both places.
//
// Alignment is a small edit distance over the block sequences (sections have tens of blocks);
// identical shapes, the common case, are paired in one pass without it.
import { KIND_NAMES, type Block, type BlockKind } from "./blocks.ts";
import { shorten } from "../shared/shorten.ts";

type PairKind = "same" | "changed" | "missing" | "extra";

export interface Pair {
  kind: PairKind;
  english: number;
  translation: number;
}

export interface Divergence {
  first: Pair;
  pairs: Pair[];
}

export interface Alignment {
  pairs: Pair[];
  divergences: Divergence[];
  counterpart: Int32Array;
}

export interface AlignOptions {
  ratio?: number;
}

/** What must match for two blocks to be the same shape. */
function blockShape(blocks: Block[]): string[] {
  const paths: string[] = [];
  return blocks.map((b, i) => {
    const attributed = (b.kind === "quote" || b.kind === "details") && b.markdown !== "" ? "+" : "";
    paths[i] = (b.parent >= 0 ? `${paths[b.parent]}/` : "") + b.kind;
    return `${paths[i]}${attributed}:${b.level}:${b.depth}`;
  });
}

/** The English blocks' shapes, worked out once: the check aligns every locale's translation with the same English blocks. */
const englishShapes = new WeakMap<Block[], string[]>();

function englishShape(blocks: Block[]): string[] {
  let known = englishShapes.get(blocks);
  // Stryker disable next-line ConditionalExpression: memo: working the shapes out again gives the same shapes
  if (!known) englishShapes.set(blocks, (known = blockShape(blocks)));
  return known;
}

const TEXT_KINDS: ReadonlySet<BlockKind> = new Set(["heading", "paragraph", "item"]);

export function alignBlocks(english: Block[], translation: Block[], options: AlignOptions = {}): Alignment {
  const ratio = options.ratio ?? 1;
  const a = englishShape(english);
  const b = blockShape(translation);
  const n = a.length;
  const m = b.length;
  const pairs: Pair[] = [];
  // Stryker disable next-line all: speed only, the edit distance pairs identical shapes the same (tests/mutation/align.test.ts holds a longer translation)
  if (n === m && a.every((shape, i) => shape === b[i])) {
    for (let i = 0; i < n; i++) pairs.push({ kind: "same", english: i, translation: i });
    return finish(pairs, n);
  }

  // cost[i][j]: aligning english[i..] with translation[j..]; filled from the end so the path is
  // read forwards, which places an ambiguous gap as late as the content allows.
  const width = m + 1;
  const cost = new Float64Array((n + 1) * width);
  const GAP = 1;
  for (let i = n; i >= 0; i--) {
    for (let j = m; j >= 0; j--) {
      if (i === n && j === m) continue;
      let best = Infinity;
      if (i < n && j < m) best = pairCost(i, j) + cost[(i + 1) * width + j + 1]!;
      if (i < n) best = Math.min(best, GAP + cost[(i + 1) * width + j]!);
      if (j < m) best = Math.min(best, GAP + cost[i * width + j + 1]!);
      cost[i * width + j] = best;
    }
  }
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    const step = walkStep(i, j, n, m, () => [pairCost(i, j) + cost[(i + 1) * width + j + 1]!, GAP + cost[(i + 1) * width + j]!, GAP + cost[i * width + j + 1]!]);
    if (step === "missing") pairs.push({ kind: "missing", english: i++, translation: -1 });
    else if (step === "extra") pairs.push({ kind: "extra", english: -1, translation: j++ });
    else pairs.push({ kind: a[i] === b[j] ? "same" : "changed", english: i++, translation: j++ });
  }
  return finish(pairs, n);

  function pairCost(at: number, against: number): number {
    const e = english[at]!;
    const t = translation[against]!;
    if (a[at] === b[against]) return likeness(e, t, ratio);
    if (e.kind === t.kind) return 1 + likeness(e, t, ratio) / 2;
    if (TEXT_KINDS.has(e.kind) && TEXT_KINDS.has(t.kind)) return 1.5 + likeness(e, t, ratio) / 4;
    return Infinity;
  }
}

type Step = "pair" | "missing" | "extra";

/**
 * The walk's next step from english[i], translation[j] (not both at their end): the cheapest of
 * pairing, an English block missing and a translated block extra, in that order on a tie. Whatever
 * the costs (NaN included), the step advances a side that has blocks left, so the walk ends after
 * at most n + m steps. costs: [via pairing, via missing, via extra], asked only when both sides
 * have blocks left.
 */
export function walkStep(i: number, j: number, n: number, m: number, costs: () => [number, number, number]): Step {
  if (i >= n) return "extra";
  if (j >= m) return "missing";
  const [viaPair, viaMissing, viaExtra] = costs();
  if (viaPair <= viaMissing && viaPair <= viaExtra) return "pair";
  return viaMissing <= viaExtra ? "missing" : "extra";
}

/** 0 for blocks that look like each other's translation, up to 0.95 for blocks that do not. */
function likeness(e: Block, t: Block, ratio: number): number {
  let penalty = 0;
  const el = e.text.length;
  const tl = t.text.length;
  if (el >= 20 || tl >= 20) {
    const off = Math.abs(Math.log((tl + 1) / ((el + 1) * ratio)));
    penalty += Math.min(0.6, (off / Math.log(8)) * 0.6);
  }
  if (e.citations.join("\n") !== t.citations.join("\n")) penalty += 0.2;
  if (e.links.map((l) => l.address).join("\n") !== t.links.map((l) => l.address).join("\n")) penalty += 0.15;
  return Math.min(penalty, 0.95);
}

function finish(pairs: Pair[], englishCount: number): Alignment {
  const divergences: Divergence[] = [];
  const counterpart = new Int32Array(englishCount).fill(-1);
  let run: Divergence | undefined;
  for (const pair of pairs) {
    if (pair.english >= 0) counterpart[pair.english] = pair.translation;
    if (pair.kind === "same") {
      run = undefined;
      continue;
    }
    if (!run) {
      run = { first: pair, pairs: [] };
      divergences.push(run);
    }
    run.pairs.push(pair);
  }
  return { pairs, divergences, counterpart };
}

export interface Places {
  /** The files the blocks come from, as messages show them. */
  english: string;
  translation: string;
  /** Where to point when the translation has no block near the divergence (its first body line). */
  translationLine: number;
}

export interface DivergenceReport {
  /** Line in the translation. */
  line: number;
  /** Line in the English file. */
  englishLine: number;
  message: string;
  hint: string;
}

const MARKUP: Record<BlockKind, string> = {
  heading: "the same number of # signs",
  paragraph: "a blank line before and after it",
  item: "- (or 1.) at the same indentation",
  quote: "::: quote <source> … :::",
  details: "::: details <label> … :::",
  excerpt: "::: excerpt … :::",
};

export function describeDivergence(divergence: Divergence, english: Block[], translation: Block[], places: Places, alignment: Alignment): DivergenceReport {
  const { first, pairs } = divergence;
  const e = first.english >= 0 ? english[first.english]! : undefined;
  const t = first.translation >= 0 ? translation[first.translation]! : undefined;
  const at = alignment.pairs.indexOf(first);
  const line = t ? t.line : nearestTranslationLine(alignment.pairs, at, translation, places.translationLine);
  const englishBlock = e ?? nearestEnglish(alignment.pairs, at, english);
  const englishLine = englishBlock?.line ?? 1;
  const enPlace = `${places.english}:${englishLine}`;
  const more = pairs.length > 1 ? ` (${pairs.length - 1} more block${pairs.length === 2 ? "" : "s"} after it differ${pairs.length === 2 ? "s" : ""} too)` : "";
  if (e && !t) {
    return {
      line,
      englishLine,
      message: `the English ${KIND_NAMES[e.kind]} at ${enPlace} has no counterpart here${more}`,
      hint: `translate it${e.text ? ` (“${shorten(e.text, 60)}”)` : ""} and put it here with ${MARKUP[e.kind]}, as the English has it`,
    };
  }
  if (t && !e) {
    return {
      line,
      englishLine,
      message: `this ${KIND_NAMES[t.kind]} has no counterpart in the English (compare with ${enPlace})${more}`,
      hint:
        t.kind === "paragraph"
          ? "if it continues the paragraph before it, join the two (no blank line between); if it is not in the English, remove it"
          : `if it is not in the English, remove it; keep every block of ${places.english} and no other`,
    };
  }
  const { message, hint } = describeChange(e!, t!, enPlace, english, translation);
  return { line, englishLine, message: message + more, hint };
}

function describeChange(e: Block, t: Block, enPlace: string, english: Block[], translation: Block[]): { message: string; hint: string } {
  if (e.kind !== t.kind) {
    return { message: `this is a ${KIND_NAMES[t.kind]}; the English has a ${KIND_NAMES[e.kind]} here (${enPlace})`, hint: `write it as a ${KIND_NAMES[e.kind]}, with ${MARKUP[e.kind]}` };
  }
  if (e.level !== t.level) {
    const hashes = (n: number) => "#".repeat(n);
    return {
      message: `this heading is level ${t.level} (${hashes(t.level)}); the English heading at ${enPlace} is level ${e.level} (${hashes(e.level)})`,
      hint: `start the line with ${hashes(e.level)} as the English does: the level sets the heading's place in the page's outline`,
    };
  }
  if ((e.kind === "quote" || e.kind === "details") && (e.markdown === "") !== (t.markdown === "")) {
    const what = e.kind === "quote" ? "attribution (its source)" : "label";
    return e.markdown
      ? {
          message: `this ${KIND_NAMES[e.kind]} has no ${what}; the English one at ${enPlace} has “${shorten(e.text, 60)}”`,
          hint: `write it after ::: ${e.kind}, on the same line, as the English does`,
        }
      : { message: `this ${KIND_NAMES[e.kind]} has an ${what} the English one at ${enPlace} lacks`, hint: `write ::: ${e.kind} alone on its line, as the English does` };
  }
  const whereE = where(e, english);
  const whereT = where(t, translation);
  if (whereE !== whereT) {
    return {
      message: `this ${KIND_NAMES[t.kind]} is ${whereT}; the English ${KIND_NAMES[e.kind]} at ${enPlace} is ${whereE}`,
      hint: "check the ::: lines (and the indentation) around it: open and close each block where the English does",
    };
  }
  return {
    message: `this list item is nested ${t.depth} deep; the English list item at ${enPlace} is nested ${e.depth} deep`,
    hint: "indent it as the English does (a nested item starts under the text of the item above it)",
  };
}

function where(block: Block, blocks: Block[]): string {
  const around: string[] = [];
  for (let p = block.parent; p >= 0; p = blocks[p]!.parent) around.push(`a ${KIND_NAMES[blocks[p]!.kind]}`);
  const list = block.kind !== "item" && block.depth > 0 ? [`a list item`] : [];
  const all = [...list, ...around];
  return all.length ? `inside ${all.join(" inside ")}` : "not inside any quotation, collapsed block, excerpt or list item";
}

function nearestTranslationLine(pairs: Pair[], at: number, translation: Block[], fallback: number): number {
  for (let k = at + 1; k < pairs.length; k++) if (pairs[k]!.translation >= 0) return translation[pairs[k]!.translation]!.line;
  for (let k = at - 1; k >= 0; k--) if (pairs[k]!.translation >= 0) return translation[pairs[k]!.translation]!.endLine;
  return fallback;
}

function nearestEnglish(pairs: Pair[], at: number, english: Block[]): Block | undefined {
  for (let k = at - 1; k >= 0; k--) if (pairs[k]!.english >= 0) return english[pairs[k]!.english];
  for (let k = at + 1; k < pairs.length; k++) if (pairs[k]!.english >= 0) return english[pairs[k]!.english];
  return undefined;
}
