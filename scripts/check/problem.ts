// Turning a ContentError (thrown by the loaders) into a problem the check reports, and the
// severity rule. `complete` means "fully translated once; hold it to every check": what is broken
// in a present translation (structure, links, placeholders, citation markers) is an error there
// and only a warning in a locale in progress. What is merely behind the English (a section or
// string added or changed since) is work to do in every locale, never an error, so an English-only
// change can always be published. Broken markup breaks the page: an error everywhere.
import { relative, resolve } from "node:path";
import { ContentError } from "../content/errors.ts";
import type { Problem, ProblemKind, Severity } from "./types.ts";

/** Kinds that stop a locale marked complete and only warn while it is in progress. */
const BLOCKING_WHEN_COMPLETE: ReadonlySet<ProblemKind> = new Set(["missing-string", "placeholder", "citation", "structure", "link"]);
/** Kinds that are always errors: the site cannot be built with them. */
const ALWAYS_ERRORS: ReadonlySet<ProblemKind> = new Set(["parse", "locale", "wrong-shape", "markup"]);

export function severityOf(kind: ProblemKind, complete: boolean): Severity {
  if (ALWAYS_ERRORS.has(kind)) return "error";
  return complete && BLOCKING_WHEN_COMPLETE.has(kind) ? "error" : "warning";
}

/** Path as the check shows it: relative to the project root, forward slashes. */
export function shownPath(root: string, file: string): string {
  const rel = relative(root, resolve(root, file)).split("\\").join("/");
  return rel.startsWith("..") ? file : rel;
}

/**
 * A loader's error as a problem. Loaders that take no root name files relative to the working
 * directory (`base`): the path is re-based on the project root.
 */
export function problemFromError(error: unknown, root: string, locale: string, base = root): Problem {
  if (!(error instanceof ContentError)) throw error;
  const file = shownPath(root, resolve(base, error.file));
  return {
    locale,
    file,
    ...(error.line !== undefined ? { line: error.line } : {}),
    ...(error.column !== undefined ? { column: error.column } : {}),
    severity: "error",
    kind: "parse",
    message: error.problem,
    hint: error.hint,
  };
}
