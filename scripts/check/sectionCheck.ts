// One translated section against its English: untranslated text, structure, citation markers,
// staleness (with what changed in the English) and review status.
import type { Section } from "../project/readProject.ts";
import { severityOf } from "./problem.ts";
import { sectionShape, structureCounts, type SectionShape, type StructureKind } from "./sectionShape.ts";
import type { SourceHistory } from "./sourceHistory.ts";
import type { Problem, ProblemKind, SectionState, Severity } from "./types.ts";
import { needsTranslation, sameText } from "./untranslated.ts";
import { wordDiff } from "./wordDiff.ts";

/** A section file with the shape the check compares. */
export type SectionDoc = Section & { shape: SectionShape };

const shapes = new WeakMap<Section, SectionDoc>();

/** The section with its shape, worked out once per section. */
export function withShape(section: Section): SectionDoc {
  let doc = shapes.get(section);
  if (!doc) shapes.set(section, (doc = Object.assign(Object.create(section) as Section, { shape: sectionShape(section.body, section.bodyLine) })));
  return doc;
}

/** What is computed once per English section and reused for every locale. */
export interface SourceSection {
  doc: SectionDoc;
  version: string;
  /** The English paragraphs' texts: a translated paragraph equal to one may be untranslated. */
  blockTexts: Set<string>;
  /** Whether an English text needs translating, worked out when a translation repeats it. */
  needs(text: string): boolean;
  citationCounts: Map<string, number>;
  counts: Record<StructureKind, number>;
}

export function sourceSection(doc: SectionDoc): SourceSection {
  return {
    doc,
    version: doc.version,
    blockTexts: new Set(doc.shape.blocks.map((b) => b.text)),
    needs: memo(needsTranslation),
    citationCounts: countMarkers(doc.shape),
    counts: structureCounts(doc.shape),
  };
}

export interface SectionContext {
  code: string;
  complete: boolean;
  /** undefined: no diffs wanted. */
  history: SourceHistory | undefined;
}

export interface SectionCheck {
  state: SectionState;
  problems: Problem[];
}

export function checkSection(source: SourceSection, doc: SectionDoc, ctx: SectionContext): SectionCheck {
  const problems: Problem[] = [];
  const markCommand = `npm run locale:mark -- ${ctx.code} ${doc.id}`;
  const add = (kind: ProblemKind, line: number | undefined, message: string, hint: string, extra: Partial<Problem> = {}, severity: Severity = severityOf(kind, ctx.complete)) =>
    problems.push({ locale: ctx.code, file: doc.file, ...(line !== undefined ? { line } : {}), severity, kind, message, hint, ...extra });

  // Untranslated: the whole section (a copy of the English), or single paragraphs. Identity is
  // checked first (a set lookup); whether the text needs translating only for what is identical.
  const english = source.doc;
  const untranslated: { text: string; line: number | undefined; what: string }[] = [];
  const titleSame = sameText(doc.title, english.title) && needsTranslation(doc.title);
  if (titleSame) untranslated.push({ text: doc.title, line: doc.keyLines.title, what: "the title" });
  let translatedBlock = !titleSame && needsTranslation(doc.title);
  const kicker = doc.kicker;
  if (kicker && english.kicker && sameText(kicker, english.kicker) && needsTranslation(kicker)) {
    untranslated.push({ text: kicker, line: doc.keyLines.kicker, what: "the kicker" });
  }
  for (const block of doc.shape.blocks) {
    if (source.blockTexts.has(block.text)) {
      if (source.needs(block.text)) untranslated.push({ text: block.text, line: block.line, what: "" });
    } else if (!translatedBlock && needsTranslation(block.text)) {
      translatedBlock = true;
    }
  }
  if (untranslated.length > 0 && !translatedBlock) {
    add(
      "untranslated",
      doc.bodyLine,
      "this section is still the English text: nothing in it is translated yet",
      `translate it (keep the markdown signs, the ::: lines and the citation markers as they are), then run ${markCommand}`,
      {},
      severityOf("missing-section", ctx.complete),
    );
    return { state: "untranslated", problems };
  }
  for (const c of untranslated) {
    const kind = c.what || blockKind(doc.shape, c.line);
    add("untranslated", c.line, `${kind} is still the English text: “${excerpt(c.text)}”`, "translate it; if it rightly stays the same (a quotation kept in the original, a name), leave it: this is only a warning");
  }

  if (english.kicker && !kicker) {
    add("structure", 2, "has no kicker: line; the English has one (the heading shown above the title)", `add  kicker: …  translating "${english.kicker}" between the --- lines`);
  }
  checkStructure(source, doc, add);
  checkCitations(source, doc, add);

  // Staleness and review.
  let state: SectionState;
  const { source: madeFrom, status } = doc;
  if (!madeFrom) {
    state = "unmarked";
    add(
      "unmarked",
      2,
      "has no source: line, so the check cannot tell which English version it translates",
      `if it translates the current English text, run ${markCommand} (it adds the line); never write it by hand`,
    );
  } else if (madeFrom !== source.version) {
    state = "stale";
    const extra: Partial<Problem> = {};
    if (ctx.history) {
      const old = ctx.history.find(doc.id, madeFrom);
      if ("text" in old) extra.diff = wordDiff(old.text, { title: english.title, kicker: english.kicker, body: english.body }, old.from);
      else extra.diffUnavailable = old.reason;
    }
    add(
      "stale",
      doc.keyLines.source,
      `the English section changed since this translation was made (translated from version ${madeFrom}, the English is now ${source.version})`,
      `bring the translation in line with ${english.file}, then run ${markCommand}`,
      extra,
    );
  } else {
    state = status === "reviewed" ? "reviewed" : "draft";
  }
  if (status !== "reviewed") {
    add(
      "draft",
      doc.keyLines.status ?? 2,
      status === "draft" ? "the translation is a draft: not yet reviewed by a second native speaker" : "has no status: line, so it counts as a draft",
      "once a second native speaker has read it against the English, set  status: reviewed",
    );
  }
  return { state, problems };
}

function memo(fn: (text: string) => boolean): (text: string) => boolean {
  const known = new Map<string, boolean>();
  return (text) => {
    let value = known.get(text);
    if (value === undefined) known.set(text, (value = fn(text)));
    return value;
  };
}

type Add = (kind: ProblemKind, line: number | undefined, message: string, hint: string) => void;

const KIND_NAMES: Record<StructureKind, [string, string]> = {
  heading: ["heading", "headings"],
  quote: ["quotation", "quotations"],
  details: ["collapsed block", "collapsed blocks"],
  item: ["list item", "list items"],
};

function checkStructure(source: SourceSection, doc: SectionDoc, add: Add) {
  const mine = structureCounts(doc.shape);
  const differing = (Object.keys(KIND_NAMES) as StructureKind[]).filter((k) => mine[k] !== source.counts[k]);
  const sourceLinks = source.doc.shape.links.length;
  const myLinks = doc.shape.links.length;
  if (differing.length === 0 && sourceLinks === myLinks) return;
  const describe = (counts: Record<StructureKind, number>, links: number) =>
    [
      ...differing.map((k) => `${counts[k]} ${KIND_NAMES[k][counts[k] === 1 ? 0 : 1]}`),
      ...(sourceLinks !== myLinks ? [`${links} ${links === 1 ? "link" : "links"}`] : []),
    ].join(", ");
  // Point at the first place where the two stop matching.
  const theirs = source.doc.shape.structure;
  const ours = doc.shape.structure;
  let at = 0;
  while (at < ours.length && at < theirs.length && ours[at]!.kind === theirs[at]!.kind) at++;
  const line = differing.length > 0 ? (ours[at] ?? ours[ours.length - 1])?.line ?? doc.bodyLine : (doc.shape.links[Math.min(myLinks, sourceLinks)] ?? doc.shape.links[myLinks - 1] ?? doc.bodyLine);
  const englishLine = differing.length > 0 ? theirs[at]?.line : undefined;
  add(
    "structure",
    line,
    `the structure differs from the English: this file has ${describe(mine, myLinks)}; the English has ${describe(source.counts, sourceLinks)}`,
    `compare with ${source.doc.file}${englishLine ? `:${englishLine}` : ""}: keep every heading (##), quotation (::: quote, >), collapsed block (::: details), list item (-, 1.) and link of the English`,
  );
}

function checkCitations(source: SourceSection, doc: SectionDoc, add: Add) {
  const mine = countMarkers(doc.shape);
  const sameBlocks = doc.shape.blocks.length === source.doc.shape.blocks.length;
  for (const [marker, wanted] of source.citationCounts) {
    const have = mine.get(marker) ?? 0;
    if (have >= wanted) continue;
    // Where it should be: the matching paragraph when the paragraphs line up, else where the English has it.
    const first = source.doc.shape.citations.filter((c) => c.marker === marker)[have] ?? source.doc.shape.citations.find((c) => c.marker === marker)!;
    const line = sameBlocks ? (doc.shape.blocks[first.block]?.line ?? doc.bodyLine) : doc.bodyLine;
    add(
      "citation",
      line,
      `lacks the citation marker ${marker}${wanted > 1 ? ` (the English has it ${wanted} times, this file ${have})` : ""}`,
      `copy it exactly as the English has it (${source.doc.file}:${first.line}), with the same brackets, letters and digits (0-9); write * as \\*`,
    );
  }
}

function countMarkers(shape: SectionShape): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { marker } of shape.citations) counts.set(marker, (counts.get(marker) ?? 0) + 1);
  return counts;
}

function blockKind(shape: SectionShape, line: number | undefined): string {
  const opener = shape.structure.find((s) => s.line === line);
  if (opener?.kind === "heading") return "a heading";
  return shape.structure.some((s) => s.kind === "item" && s.line === line) ? "a list item" : "a paragraph";
}

function excerpt(text: string, max = 70): string {
  return text.length <= max ? text : `${text.slice(0, text.lastIndexOf(" ", max) > 20 ? text.lastIndexOf(" ", max) : max)}…`;
}

/** Whether a translation is still a copy of the English text (locale:mark refuses to mark one). */
export function isUntranslatedCopy(english: Section, translation: Section, code: string): boolean {
  return checkSection(sourceSection(withShape(english)), withShape(translation), { code, complete: false, history: undefined }).state === "untranslated";
}
