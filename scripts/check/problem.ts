// The severity rule: what is merely unfinished in a locale in progress is an error once it is complete.
import type { ProblemKind, Severity } from "./types.ts";

/** Kinds that stop a locale marked complete and only warn while it is in progress. */
const BLOCKING_WHEN_COMPLETE: ReadonlySet<ProblemKind> = new Set(["missing-section", "missing-string", "placeholder", "citation"]);
/** Kinds that are always errors: the site cannot be built with them. */
const ALWAYS_ERRORS: ReadonlySet<ProblemKind> = new Set(["parse", "locale", "wrong-shape"]);

export function severityOf(kind: ProblemKind, complete: boolean): Severity {
  if (ALWAYS_ERRORS.has(kind)) return "error";
  return complete && BLOCKING_WHEN_COMPLETE.has(kind) ? "error" : "warning";
}
