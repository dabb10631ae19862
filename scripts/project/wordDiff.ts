// What changed in the English since a translation was made, word by word, as short
// "was / now" pairs with a few words of context: enough to find the place in the translation.
import { createRequire } from "node:module";
import type * as Diff from "diff";
import type { SectionText } from "./sourceHistory.ts";

interface WordChange {
  /** The English around and including the change, as it was when the translation was made. */
  was: string;
  /** The same stretch of English as it is now. */
  now: string;
}

export interface StaleDiff {
  /** Where the old English text came from. */
  from: "snapshot" | "git";
  changes: WordChange[];
  /** Hunks left out of `changes` to keep reports short. */
  more: number;
}

// Loaded on the first diff: every build runs the check, and only a stale translation is diffed.
let diffWords: typeof Diff.diffWords | undefined;
const loadDiffWords = () => (diffWords ??= (createRequire(import.meta.url)("diff") as typeof Diff).diffWords);

const CONTEXT_WORDS = 6;
const MAX_CHANGES = 8;

function sectionAsText({ title, kicker, body }: SectionText): string {
  return [kicker, title, body.trim()].filter(Boolean).join("\n\n");
}

export function wordDiff(before: SectionText, after: SectionText, from: StaleDiff["from"]): StaleDiff {
  const parts = loadDiffWords()(sectionAsText(before), sectionAsText(after));
  // Group consecutive changes (and the small unchanged gaps between them) into hunks.
  const hunks: WordChange[] = [];
  let i = 0;
  while (i < parts.length) {
    if (!parts[i]!.added && !parts[i]!.removed) {
      i++;
      continue;
    }
    const lead = tailWords(parts[i - 1]?.value ?? "");
    let was = lead;
    let now = lead;
    while (i < parts.length) {
      const part = parts[i]!;
      if (part.added) now += part.value;
      else if (part.removed) was += part.value;
      else if (wordCount(part.value) <= CONTEXT_WORDS && i + 1 < parts.length) {
        was += part.value;
        now += part.value;
      } else break;
      i++;
    }
    const trail = headWords(parts[i]?.value ?? "");
    hunks.push({ was: tidy(was + trail), now: tidy(now + trail) });
  }
  return { from, changes: hunks.slice(0, MAX_CHANGES), more: Math.max(0, hunks.length - MAX_CHANGES) };
}

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** The last few words of the unchanged text before a change. */
function tailWords(text: string): string {
  const words = text.split(/\s+/);
  return words.length > CONTEXT_WORDS + 1 ? `… ${words.slice(-CONTEXT_WORDS - 1).join(" ")}` : text;
}

/** The first few words of the unchanged text after a change. */
function headWords(text: string): string {
  const words = text.split(/\s+/);
  return words.length > CONTEXT_WORDS + 1 ? `${words.slice(0, CONTEXT_WORDS + 1).join(" ")} …` : text;
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
