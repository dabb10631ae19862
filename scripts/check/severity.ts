// The severity rule. `complete` means "fully translated once; hold it to every check": what is broken
// in a present translation (structure, links, placeholders, citation markers) is an error there
// and only a warning in a locale in progress. What is merely behind the English (a section or
// string added or changed since) is work to do in every locale, never an error, so an English-only
// change can always be published. Broken markup breaks the page: an error everywhere. So does
// what a translation adds that the English does not have (an address, a quotation, a heading):
// a phishing link or a made-up source is never work in progress.
import type { ProblemKind, Severity } from "./types.ts";

/** Kinds that stop a locale marked complete and only warn while it is in progress. */
const BLOCKING_WHEN_COMPLETE: ReadonlySet<ProblemKind> = new Set(["missing-string", "placeholder", "citation", "structure", "link"]);
/** Kinds that are always errors: the site cannot be built with them. */
const ALWAYS_ERRORS: ReadonlySet<ProblemKind> = new Set(["parse", "locale", "wrong-shape", "markup", "added-link", "added-structure", "added-html", "forbidden-term"]);
/** What a translation adds that the English does not have: the publish gate refuses it in every locale. */
export const ADDED_CONTENT: ReadonlySet<ProblemKind> = new Set(["added-link", "added-structure", "added-html"]);

/** Kinds that stay errors even when the English a translation follows is uncertain. */
export function isAlwaysError(kind: ProblemKind): boolean {
  return ALWAYS_ERRORS.has(kind);
}

export function severityOf(kind: ProblemKind, complete: boolean): Severity {
  if (ALWAYS_ERRORS.has(kind)) return "error";
  return complete && BLOCKING_WHEN_COMPLETE.has(kind) ? "error" : "warning";
}
