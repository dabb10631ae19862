// A stale translation whose English changed only a little (a typo, punctuation) may need no new
// translation: the check then says how an editor records that, instead of only "bring it in line".
import type { StaleDiff } from "./types.ts";

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

export function minorHint(id: string): string {
  return `; if the English change is only a typo or punctuation fix that needs no new translation, an editor records that instead with npm run locale:mark -- --minor ${id} (every translation made from the previous English moves to the current one)`;
}
