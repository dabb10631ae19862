// One translated section against its English, as its state says it stands: untranslated text,
// markup, structure, links and lengths block by block (alignment.ts), citation markers,
// staleness (with what changed in the English) and review status.
import type { Section } from "../project/readProject.ts";
import { minorHint } from "./minorHint.ts";
import { isSmallChange } from "../project/wordDiff.ts";
import { isAlwaysError, severityOf } from "./severity.ts";
import type { Alignment } from "../project/align.ts";
import { isTextBlock, KIND_NAMES, type Block } from "../project/blocks.ts";
import { DEFAULT_EXPANSION, type Expansion } from "../project/expansion.ts";
import type { Exchange } from "../project/localeMeta.ts";
import type { EnglishReference, SectionState as TranslationStateOf } from "../project/translationState.ts";
import { checkAddedAddresses, checkBlocks } from "./blockRules.ts";
import type { Problem, ProblemKind, SectionState, Severity } from "./types.ts";
import { shorten } from "../shared/shorten.ts";

/** A section file as the check compares it: the reader's Section, whose `structure` holds its blocks. */
export type SectionDoc = Section;

export interface SectionContext {
  code: string;
  complete: boolean;
  /** Whether to show stale translations what changed in the English, word by word. Default true. */
  diffs?: boolean;
  expansion?: Expansion;
  /** "exchange" in locale.json: the locale is translated through PO or XLIFF files, and hints say so. */
  exchange?: Exchange;
}

export interface SectionCheck {
  state: SectionState;
  problems: Problem[];
  /** The English the blocks were held to and how they pair (absent for a copy of the English): the glossary rule reuses it. */
  aligned?: { reference: EnglishReference; alignment: Alignment };
}

/** The check's judgement of a section's state (scripts/project/translationState.ts): its problems. */
export function checkSection(english: SectionDoc, doc: SectionDoc, translation: TranslationStateOf, ctx: SectionContext): SectionCheck {
  const problems: Problem[] = [];
  const markCommand = `npm run locale:mark -- ${ctx.code} ${doc.id}`;
  const viaFile = ctx.exchange ? exchangeHints(ctx.code, ctx.exchange) : undefined;
  const add = (kind: ProblemKind, line: number | undefined, message: string, hint: string, extra: Partial<Problem> = {}, severity: Severity = severityOf(kind, ctx.complete)) =>
    problems.push({
      locale: ctx.code,
      file: doc.file,
      ...(line !== undefined ? { line } : {}),
      severity,
      kind,
      message,
      hint: (viaFile && kind in viaFile ? viaFile[kind as keyof ExchangeHints] : undefined) ?? hint,
      ...extra,
    });

  // Structure, links and citations are held to the English version this translation was made from.
  const { madeFrom, reference, alignment } = translation;
  const { status } = doc;
  const expansion = ctx.expansion ?? DEFAULT_EXPANSION;
  // When that version is known nowhere, differences may be English edits: warnings only, except
  // what is an error everywhere (broken markup, an address or quotation the English lacks).
  const held: Add = reference.uncertain ? (kind, line, message, hint) => add(kind, line, message, hint, {}, isAlwaysError(kind) ? "error" : "warning") : add;
  // Whatever else the file is (even a copy of the English), it publishes no address the English lacks.
  const added = checkAddedAddresses(reference, english, doc, held);

  if (translation.kind === "untranslated") {
    add(
      "untranslated",
      doc.bodyLine,
      "this section is still the English text: nothing in it is translated yet",
      `translate it (keep the markdown signs, the ::: lines and the citation markers as they are), then run ${markCommand}`,
      {},
      // A copy of the English is not "behind the English": in a complete locale it was never translated.
      ctx.complete ? "error" : "warning",
    );
    // A copy of the English with a heading or quotation added still publishes it.
    checkBlocks(reference, alignment, doc, expansion, (kind, line, message, hint) => kind === "added-structure" && held(kind, line, message, hint), added);
    return { state: "untranslated", problems };
  }
  for (const c of translation.untranslated) {
    const kind = c.what || blockKind(doc.structure.blocks, c.line);
    add(
      "untranslated",
      c.line,
      `${kind} is still the English text: “${shorten(c.text)}”`,
      "translate it; if it rightly stays the same (a quotation kept in the original, a name), leave it: this is only a warning",
    );
  }

  if (reference.kicker && !doc.kicker) {
    held("structure", 2, "has no kicker: line; the English has one (the heading shown above the title)", `add  kicker: …  translating "${reference.kicker}" between the --- lines`);
  }
  checkBlocks(reference, alignment, doc, expansion, held, added);
  checkCitations(reference, doc, alignment, held);

  // Staleness and review.
  let state: SectionState;
  if (translation.kind === "unmarked") {
    state = "unmarked";
    add(
      "unmarked",
      2,
      "has no source: line, so the check cannot tell which English version it translates",
      `if it translates the current English text, run ${markCommand} (it adds the line); never write it by hand`,
    );
  } else if (translation.kind === "unknown-source") {
    state = "stale";
    add(
      "unknown-source",
      doc.keyLines.source,
      `the source: line names version ${madeFrom}, which matches no English version of this section the check can find, so it cannot tell what changed since`,
      `if the translation follows the current English (${english.file}), run ${markCommand}; if the line was edited by hand, restore the value npm run locale:mark wrote (git log -p ${doc.file} shows it)`,
      { diffUnavailable: reference.unknownBecause! },
    );
  } else if (translation.kind === "stale") {
    state = "stale";
    const extra: Partial<Problem> = {};
    const diff = ctx.diffs !== false ? translation.diff() : undefined;
    if (diff && "reason" in diff) extra.diffUnavailable = diff.reason;
    else if (diff) extra.diff = diff;
    add(
      "stale",
      doc.keyLines.source,
      `the English section changed since this translation was made (translated from version ${madeFrom}, the English is now ${translation.englishNow})`,
      `bring the translation in line with ${english.file}, then run ${markCommand}${extra.diff && isSmallChange(extra.diff) ? minorHint(doc.id) : ""}`,
      extra,
    );
  } else {
    state = status === "reviewed" ? "reviewed" : "draft";
  }
  const aligned = { reference, alignment };
  if (status !== "reviewed") {
    add(
      "draft",
      doc.keyLines.status ?? 2,
      status === "draft" ? "the translation is a draft: not yet reviewed by a second native speaker" : "has no status: line, so it counts as a draft",
      "once a second native speaker has read it against the English, set  status: reviewed",
    );
  }
  return { state, problems, aligned };
}

type ExchangeHints = Record<"untranslated" | "stale" | "structure", string>;

/** Hints for a locale translated in exported PO or XLIFF files: its translators never edit the markdown. */
function exchangeHints(code: string, exchange: Exchange): ExchangeHints {
  const exported = exchange === "xliff" ? `npm run locale:export -- ${code} --format xliff` : `npm run locale:export -- ${code}`;
  const imported = `npm run locale:import -- ${code}.${exchange === "xliff" ? "xlf" : "po"}`;
  return {
    untranslated: `export again (${exported}): its entries are empty or repeat the English; translate them in your tool, then ${imported}. If a text rightly stays the same (a name, a quotation kept in the original), leave it`,
    stale: `export again (${exported}): the entries whose English changed are marked fuzzy, with the old English beside the new; bring them in line, clear the fuzzy mark, then ${imported}`,
    structure: `the import writes the blocks, ::: lines and markdown signs from the English: export again (${exported}), translate the entries marked fuzzy or empty, then ${imported} (it replaces a hand-edited file only with --force)`,
  };
}

type Add = (kind: ProblemKind, line: number | undefined, message: string, hint: string) => void;

function checkCitations(reference: EnglishReference, doc: SectionDoc, alignment: Alignment, add: Add) {
  const mine = countMarkers(doc.structure.blocks);
  for (const [marker, wanted] of countMarkers(reference.blocks)) {
    const have = mine.get(marker) ?? 0;
    if (have >= wanted) continue;
    // Where it should be: the translation of the first English block that has it more often
    // than that translation does (or, when the blocks do not pair, the one after those that keep it).
    const holders = reference.blocks.map((b, i) => ({ b, i })).filter(({ b }) => b.citations.includes(marker));
    const counterpartOf = (i: number) => doc.structure.blocks[alignment.counterpart[i] ?? -1];
    const first = holders.find(({ b, i }) => occurrences(b.citations, marker) > occurrences(counterpartOf(i)?.citations ?? [], marker)) ?? holders[Math.min(have, holders.length - 1)]!;
    const counterpart = alignment.counterpart[first.i] ?? -1;
    add(
      "citation",
      counterpart >= 0 ? doc.structure.blocks[counterpart]!.line : doc.bodyLine,
      `lacks the citation marker ${marker}${wanted > 1 ? ` (the English has it ${wanted} times, this file ${have})` : ""}`,
      `copy it exactly as the English has it (${reference.file}:${first.b.line}), with the same brackets, letters and digits (0-9); write * as \\*`,
    );
  }
}

function occurrences(markers: string[], marker: string): number {
  let n = 0;
  for (const m of markers) if (m === marker) n++;
  return n;
}

function countMarkers(blocks: Block[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const block of blocks) for (const marker of block.citations) counts.set(marker, (counts.get(marker) ?? 0) + 1);
  return counts;
}

function blockKind(blocks: Block[], line: number | undefined): string {
  const block = blocks.find((b) => isTextBlock(b) && b.line === line);
  return `a ${KIND_NAMES[block?.kind ?? "paragraph"]}`;
}
