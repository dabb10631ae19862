// What the reader found wrong with a file, in the same shape as the check's problems: which
// locale, which file and line, what is wrong and what to do. The reader collects them all;
// each command then decides which of them stop it.
import { ContentError } from "../shared/contentError.ts";

export interface FileProblem {
  /** The locale the file belongs to (the source locale for project-wide files). */
  locale: string;
  /** Path relative to the project root, with forward slashes. */
  file: string;
  line?: number;
  column?: number;
  severity: "error";
  kind: "parse" | "locale" | "missing-section";
  message: string;
  /** What to do about it. */
  hint: string;
  /** The site can still be built from the file: only the check holds it against the locale. */
  siteBuilds?: true;
}

/** A reader's ContentError as a problem; anything else (a bug, a disk error) is thrown on. */
export function problemFromError(error: unknown, locale: string): FileProblem {
  if (!(error instanceof ContentError)) throw error;
  return {
    locale,
    file: error.file.split("\\").join("/"),
    ...(error.line !== undefined ? { line: error.line } : {}),
    ...(error.column !== undefined ? { column: error.column } : {}),
    severity: "error",
    kind: "parse",
    message: error.problem,
    hint: error.hint,
  };
}

/** The problem as the error a command stops with: the same message a reader would have thrown. */
export function problemAsError(problem: Pick<FileProblem, "file" | "line" | "column" | "message" | "hint">): ContentError {
  return new ContentError({ file: problem.file, line: problem.line, column: problem.column }, problem.message, problem.hint);
}
