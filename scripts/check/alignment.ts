// The check's block rules: a translated section aligned block by block with the English version it
// translates (scripts/project/align.ts), then its markup, structure, links and lengths reported.
// A stale translation is compared with the English as it was when it was translated (the snapshot
// in content/.versions/, else git), so an English edit never turns a faithful translation into a
// broken one; when that version is known nowhere, the current English is only a guide (warnings).
import { alignBlocks, describeDivergence, excerpt, type Alignment } from "../project/align.ts";
import { isTextBlock, KIND_NAMES, readBlocks, type Block, type SectionBlocks } from "../project/blocks.ts";
import { usualRatio, type Expansion } from "../project/expansion.ts";
import type { SectionDoc } from "./sectionCheck.ts";
import { snapshotFile } from "../project/versionSnapshots.ts";
import type { SourceHistory } from "./sourceHistory.ts";
import type { Problem, ProblemKind } from "./types.ts";

/** The English a translation is held to. */
export interface EnglishReference {
  /** The file messages name for English places: the English file, or the snapshot of the old version. */
  file: string;
  blocks: Block[];
  kicker: string | undefined;
  /** The translation's English version is known nowhere: differences may be English edits. */
  uncertain: boolean;
  /** Why the version is known nowhere (for the unknown-source message). */
  unknownBecause?: string;
}

const references = new WeakMap<SourceHistory, Map<string, EnglishReference | string>>();

export function englishReference(english: SectionDoc, currentVersion: string, madeFrom: string | undefined, history: SourceHistory | undefined): EnglishReference {
  const current: EnglishReference = { file: english.file, blocks: english.structure.blocks, kicker: english.kicker, uncertain: false };
  if (!madeFrom || madeFrom === currentVersion || !history) return current;
  let known = references.get(history);
  if (!known) references.set(history, (known = new Map()));
  const key = `${english.id}@${madeFrom}`;
  let found = known.get(key);
  if (found === undefined) {
    const old = history.find(english.id, madeFrom);
    found =
      "text" in old
        ? {
            file: old.from === "snapshot" ? snapshotFile(english.id, madeFrom) : `${english.file}@${madeFrom}`,
            blocks: readBlocks(old.text.body, old.text.bodyLine ?? 1).blocks,
            kicker: old.text.kicker,
            uncertain: false,
          }
        : old.reason;
    known.set(key, found);
  }
  return typeof found === "string" ? { ...current, uncertain: true, unknownBecause: found } : found;
}

/** The block-by-block problems the status page counts, per kind. */
export type BlockProblemKind = "markup" | "structure" | "link" | "length";
export const BLOCK_PROBLEM_KINDS: readonly BlockProblemKind[] = ["markup", "structure", "link", "length"];

export function countBlockProblems(problems: Problem[]): Record<BlockProblemKind, number> {
  const counts: Record<BlockProblemKind, number> = { markup: 0, structure: 0, link: 0, length: 0 };
  for (const p of problems) if (p.kind in counts) counts[p.kind as BlockProblemKind]++;
  return counts;
}

export type AddProblem = (kind: ProblemKind, line: number | undefined, message: string, hint: string) => void;

/**
 * Reports what the alignment finds; returns it so the other rules (citations) can place their
 * messages on the translated counterpart of an English block.
 */
export function checkBlocks(reference: EnglishReference, doc: SectionDoc, expansion: Expansion, add: AddProblem): Alignment {
  const translation = doc.structure;
  reportMarkup(translation, add);
  const alignment = alignBlocks(reference.blocks, translation.blocks, { ratio: usualRatio(expansion) });
  // Broken markup shifts every block after it: fix that first, then the structure is compared.
  if (translation.problems.length > 0) return alignment;
  const places = { english: reference.file, translation: doc.file, translationLine: doc.bodyLine };
  for (const divergence of alignment.divergences) {
    const report = describeDivergence(divergence, reference.blocks, translation.blocks, places, alignment);
    add("structure", report.line, report.message, report.hint);
  }
  for (const pair of alignment.pairs) {
    if (pair.english < 0 || pair.translation < 0) continue;
    const e = reference.blocks[pair.english]!;
    const t = translation.blocks[pair.translation]!;
    if (e.links.length > 0 || t.links.length > 0) checkLinks(e, t, `${reference.file}:${e.line}`, add);
    if (pair.kind === "same") checkLength(e, t, `${reference.file}:${e.line}`, expansion, add);
  }
  return alignment;
}

export function reportMarkup(blocks: SectionBlocks, add: AddProblem) {
  for (const problem of blocks.problems) add("markup", problem.line, problem.message, problem.hint);
}

function checkLinks(e: Block, t: Block, enPlace: string, add: AddProblem) {
  const unmatched = t.links.map((l) => l.address);
  const missing: string[] = [];
  for (const { address } of e.links) {
    const at = unmatched.indexOf(address);
    if (at >= 0) unmatched.splice(at, 1);
    else missing.push(address);
  }
  for (const address of missing) {
    const instead = unmatched.shift();
    if (instead !== undefined) {
      const text = t.links.find((l) => l.address === instead)!.text;
      add("link", t.line, `this link goes to ${instead}; the English ${KIND_NAMES[e.kind]} at ${enPlace} links to ${address}`, `write the English address exactly: [${text}](${address}); only the link text is translated`);
    } else {
      add("link", t.line, `the link to ${address} in the English ${KIND_NAMES[e.kind]} at ${enPlace} is missing here`, `keep it a link: [the translated link text](${address})`);
    }
  }
  for (const address of unmatched) {
    add("link", t.line, `this link to ${address} is not in the English ${KIND_NAMES[e.kind]} at ${enPlace}`, "remove the link (keep its text), or give it the address the English links to here");
  }
}

/** Shorter English texts vary too much in translation to say anything. */
const LENGTH_FROM = 60;

function checkLength(e: Block, t: Block, enPlace: string, [min, max]: Expansion, add: AddProblem) {
  if (!isTextBlock(e) || e.text.length < LENGTH_FROM) return;
  const ratio = t.text.length / e.text.length;
  if (ratio >= min && ratio <= max) return;
  const percent = Math.round(ratio * 100);
  add(
    "length",
    t.line,
    ratio < min
      ? `this ${KIND_NAMES[t.kind]} is ${percent} % of the length of the English one at ${enPlace} (“${excerpt(e.text, 50)}”): a sentence may have been dropped`
      : `this ${KIND_NAMES[t.kind]} is ${percent} % of the length of the English one at ${enPlace} (“${excerpt(e.text, 50)}”): a sentence may have been added, or two paragraphs joined`,
    `compare it with the English sentence by sentence; if it is complete, leave it (this is only a warning; "expansion" in locale.json sets the usual range, now ${Math.round(min * 100)}–${Math.round(max * 100)} %)`,
  );
}
