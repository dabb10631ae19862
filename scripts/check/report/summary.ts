// The summary table's rows, shared by the text and markdown reports (like Lingui's extract statistics).
import type { CheckResult, LocaleSummary, Problem } from "../types.ts";

export const SUMMARY_COLUMNS = ["Locale", "Sections", "missing", "untranslated", "stale", "unmarked", "draft", "Strings", "missing", "Errors", "Warnings"] as const;

export function summaryRow(s: LocaleSummary): string[] {
  const label = s.isSource ? `${s.code} (source)` : `${s.code}${s.complete ? " (complete)" : ""}`;
  if (s.isSource) {
    return [label, `${s.sections.upToDate}/${s.sections.total}`, "", "", "", "", "", `${s.strings.translated}/${s.strings.total}`, "", String(s.errors), String(s.warnings)];
  }
  const n = (value: number) => (value === 0 ? "-" : String(value));
  return [
    label,
    `${s.sections.upToDate}/${s.sections.total}`,
    n(s.sections.missing),
    n(s.sections.untranslated),
    n(s.sections.stale),
    n(s.sections.unmarked),
    n(s.sections.draft),
    `${s.strings.translated}/${s.strings.total}`,
    n(s.strings.missing),
    String(s.errors),
    String(s.warnings),
  ];
}

/** Problems grouped by locale (in summary order), then by file (in problem order). */
export function groupProblems(result: CheckResult): { locale: LocaleSummary | undefined; code: string; files: Map<string, Problem[]> }[] {
  const groups = new Map<string, Map<string, Problem[]>>();
  for (const problem of result.problems) {
    let files = groups.get(problem.locale);
    if (!files) {
      files = new Map();
      groups.set(problem.locale, files);
    }
    let list = files.get(problem.file);
    if (!list) {
      list = [];
      files.set(problem.file, list);
    }
    list.push(problem);
  }
  return [...groups].map(([code, files]) => ({ code, locale: result.locales.find((l) => l.code === code), files }));
}

export function place(problem: Problem): string {
  return `${problem.file}${problem.line !== undefined ? `:${problem.line}` : ""}${problem.column !== undefined && problem.line !== undefined ? `:${problem.column}` : ""}`;
}

export function totals(result: CheckResult): { errors: number; warnings: number } {
  const errors = result.problems.filter((p) => p.severity === "error").length;
  return { errors, warnings: result.problems.length - errors };
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Headline for a locale's problems. */
export function localeTitle(code: string, locale: LocaleSummary | undefined): string {
  if (!locale) return code;
  const role = locale.isSource ? "source" : locale.complete ? "complete: errors block publishing" : "in progress: gaps are warnings";
  return `${code} · ${locale.name} (${role})`;
}
