// What changed in the English since a translation was made, word by word, as short
// "was / now" pairs with a few words of context and the line of the English file each is on:
// enough to find the place in the English and in the translation.
import { createRequire } from "node:module";
import type * as Diff from "diff";
import type { Section } from "./readProject.ts";
import type { SectionText } from "./sourceHistory.ts";

interface WordChange {
  /** The English around and including the change, as it was when the translation was made. */
  was: string;
  /** The same stretch of English as it is now. */
  now: string;
  /** The line of the current English file the change is on (for words only taken out: where they were). */
  line: number;
}

export interface StaleDiff {
  /** Where the old English text came from. */
  from: "snapshot" | "git";
  /** The current English file, whose lines the changes give. */
  file: string;
  changes: WordChange[];
  /** Hunks left out of `changes` to keep reports short. */
  more: number;
}

// Loaded on the first diff: every build runs the check, and only a stale translation is diffed.
let diffWords: typeof Diff.diffWords | undefined;
const loadDiffWords = () => (diffWords ??= (createRequire(import.meta.url)("diff") as typeof Diff).diffWords);

const CONTEXT_WORDS = 6;
const MAX_CHANGES = 8;

/** The current English section: its text and where that text is in its file. */
type EnglishNow = Pick<Section, "file" | "title" | "kicker" | "body" | "bodyLine" | "keyLines">;

function sectionAsText({ title, kicker, body }: SectionText): string {
  return [kicker, title, body.trim()].filter(Boolean).join("\n\n");
}

export function wordDiff(before: SectionText, after: EnglishNow, from: StaleDiff["from"]): StaleDiff {
  const oldText = sectionAsText(before);
  const newText = sectionAsText(after);
  const parts = loadDiffWords()(oldText, newText);
  const was = stretches(oldText, parts, "added");
  const now = stretches(newText, parts, "removed");
  // Group consecutive changes (and the small unchanged gaps between them) into hunks.
  const hunks: WordChange[] = [];
  let i = 0;
  let at = 0; // where parts[i] starts in the new text
  while (i < parts.length) {
    if (!parts[i]!.added && !parts[i]!.removed) {
      at += now[i]!.length;
      i++;
      continue;
    }
    const adds = parts[i]!.added || parts[i + 1]?.added === true; // diffWords puts what it takes out first
    const line = fileLine(after, newText, changeAt(newText, at, adds));
    let wasHunk = tailWords(was[i - 1] ?? "", now[i - 1] ?? "");
    let nowHunk = tailWords(now[i - 1] ?? "", now[i - 1] ?? "");
    while (i < parts.length) {
      const part = parts[i]!;
      const unchanged = !part.added && !part.removed;
      if (unchanged && (wordCount(part.value) > CONTEXT_WORDS || i + 1 === parts.length)) break;
      wasHunk += was[i]!;
      nowHunk += now[i]!;
      at += now[i]!.length;
      i++;
    }
    wasHunk += headWords(was[i] ?? "", now[i] ?? "");
    nowHunk += headWords(now[i] ?? "", now[i] ?? "");
    hunks.push({ was: tidy(wasHunk), now: tidy(nowHunk), line });
  }
  return { from, file: after.file, changes: hunks.slice(0, MAX_CHANGES), more: Math.max(0, hunks.length - MAX_CHANGES) };
}

/**
 * Where in the new text a change that starts at `at` is: at the first character it adds. Words only
 * taken out were where `at` is, on the line it ends, unless that line has nothing before `at` (a whole
 * line or its first words taken out): then on the next line with text, now in their place.
 */
function changeAt(text: string, at: number, adds: boolean): number {
  const next = text.slice(at).search(/\S/);
  if (next === -1) return at; // taken off the end: the last line
  const lineStart = text.lastIndexOf("\n", at - 1) + 1;
  return adds || !/\S/.test(text.slice(lineStart, at)) ? at + next : at;
}

/** The line of the English file that an offset in `text`, sectionAsText(section), is on. */
function fileLine(section: EnglishNow, text: string, offset: number): number {
  const body = section.body.trim();
  const bodyStart = text.length - body.length;
  if (body && offset >= bodyStart) {
    // sectionAsText trimmed the body: count the blank lines before it too.
    const skipped = section.body.length - section.body.trimStart().length;
    return section.bodyLine + newlines(section.body.slice(0, skipped + offset - bodyStart));
  }
  const onKicker = section.kicker && offset <= section.kicker.length;
  // A parsed section has a line for each key; 2 is the front matter's first.
  return (onKicker ? section.keyLines.kicker : section.keyLines.title) ?? 2;
}

const newlines = (text: string) => text.split("\n").length - 1;

/**
 * Each part of the diff as it stands in `text` ("" for a part `text` lacks), cut from the text itself.
 * diffWords gives an unchanged part the new text's spacing, so where the new text adds words right
 * after a kept one (the colon of "https:" kept as the first of ":::"), the old text's line break
 * there is in no part: joined, "…:::" and "## Why" from two lines would read ":::## Why".
 */
function stretches(text: string, parts: readonly Diff.Change[], absent: "added" | "removed"): string[] {
  let at = 0;
  return parts.map((part) => {
    if (part[absent]) return "";
    const start = at;
    // The part's words are the text's, but the spacing between them may be the other text's.
    for (const char of part.value) {
      if (isSpace(char)) continue;
      while (isSpace(text[at])) at++;
      at += char.length;
    }
    // The space after it goes with it as far as diffWords gave it; the rest goes with the next part.
    for (let space = part.value.length - part.value.trimEnd().length; space > 0 && isSpace(text[at]); space--) at++;
    return text.slice(start, at);
  });
}

const isSpace = (char: string | undefined) => char !== undefined && /\s/.test(char);

const words = (text: string) => text.split(/\s+/).filter(Boolean);
const wordCount = (text: string) => words(text).length;

// The context of a change: up to CONTEXT_WORDS + 1 words of the unchanged text next to it, a space
// at the cut (where diffWords put one) taking the place of a word. They are counted in the new text,
// so both sides show as many, and taken from each side's own text, so that the old side's words
// stay as the old text had them.

/** The last few words of the unchanged text before a change, as `side` has it (`newSide`: the new text's). */
function tailWords(side: string, newSide: string): string {
  const counted = newSide.split(/\s+/);
  if (counted.length <= CONTEXT_WORDS + 1) return side;
  const count = counted.slice(-CONTEXT_WORDS - 1).filter(Boolean).length;
  return `… ${words(side).slice(-count).join(" ")}${/\s$/.test(side) ? " " : ""}`;
}

/** The first few words of the unchanged text after a change, as `side` has it (`newSide`: the new text's). */
function headWords(side: string, newSide: string): string {
  const counted = newSide.split(/\s+/);
  if (counted.length <= CONTEXT_WORDS + 1) return side;
  const count = counted.slice(0, CONTEXT_WORDS + 1).filter(Boolean).length;
  return `${/^\s/.test(side) ? " " : ""}${words(side).slice(0, count).join(" ")} …`;
}

const tidy = (text: string) => text.replace(/\s+/g, " ").trim() || "(nothing)";

// A change this small (a typo, punctuation) may need no new translation: the check then offers
// locale:mark --minor, and --minor accepts no larger one without --force.
/** At most this many places changed, each of at most this many words: small enough to be a typo fix. */
const SMALL_CHANGES = 3;
const SMALL_WORDS = 2;

export function isSmallChange(diff: StaleDiff): boolean {
  if (diff.more > 0 || diff.changes.length > SMALL_CHANGES) return false;
  return diff.changes.every(({ was, now }) => changedWords(was, now) <= SMALL_WORDS);
}

/** Words of `was` and `now` outside their common start and end. */
function changedWords(was: string, now: string): number {
  const a = was.split(/\s+/);
  const b = now.split(/\s+/);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  return Math.max(a.length - start - end, b.length - start - end);
}
