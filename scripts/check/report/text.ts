// The terminal report: a summary table, then every problem as file:line: severity: message
// with what to do on the next line, grouped by locale and file.
import { printable } from "../../shared/printable.ts";
import type { CheckResult, Problem } from "../types.ts";
import { groupProblems, localeTitle, place, plural, SUMMARY_COLUMNS, summaryRow, totals } from "./summary.ts";

export interface TextReportOptions {
  /** Leave out warnings (the build shows only what stops it). */
  errorsOnly?: boolean;
  /** How many problems of the check the result given leaves out (the build's refusal), said in the last line. */
  leftOut?: number;
}

export function textReport(result: CheckResult, options: TextReportOptions = {}): string {
  const out: string[] = [];
  out.push(table([SUMMARY_COLUMNS as unknown as string[], ...result.locales.map(summaryRow)]));
  out.push("(Sections: translated and up to date / all. Strings: translated / all.)", "");
  for (const { code, locale, files } of groupProblems(result)) {
    const shown = [...files].map(([file, problems]) => [file, problems.filter((p) => !options.errorsOnly || p.severity === "error")] as const).filter(([, p]) => p.length > 0);
    if (shown.length === 0) continue;
    out.push(`── ${localeTitle(code, locale)} ──`, "");
    for (const [, problems] of shown) {
      for (const problem of problems) out.push(...problemLines(problem));
      out.push("");
    }
  }
  const { errors, warnings } = totals(result);
  out.push(
    errors > 0
      ? `✗ ${plural(errors, "error")}${options.leftOut ? ` (and ${plural(options.leftOut, "other problem")} left out here: npm run check shows them)` : `, ${plural(warnings, "warning")}`}: fix the errors above (see TRANSLATING.md for what each message means)`
      : `✓ no errors${warnings > 0 ? ` (${plural(warnings, "warning")}: unfinished work, not a failure)` : ""}`,
  );
  // Messages quote the translations: nothing in them may drive the terminal.
  return printable(out.join("\n"));
}

function problemLines(problem: Problem): string[] {
  const lines = [`${place(problem)}: ${problem.severity}: ${problem.message}`, `  → ${problem.hint}`];
  if (problem.diff) {
    lines.push(`  What changed in the English since (from ${problem.diff.from === "git" ? "the git history" : "the stored snapshot"}):`);
    for (const change of problem.diff.changes) lines.push(`    at ${problem.diff.file}:${change.line}`, `    was: ${change.was}`, `    now: ${change.now}`);
    if (problem.diff.more > 0) lines.push(`    … and ${plural(problem.diff.more, "more change")}`);
  } else if (problem.diffUnavailable) {
    lines.push(`  (no word diff: ${problem.diffUnavailable})`);
  }
  return lines;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? "")].length)));
  return rows
    .map((row, r) => {
      const line = row
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
        .join("  ")
        .trimEnd();
      return r === 0 ? `${line}\n${"-".repeat(line.length)}` : line;
    })
    .join("\n");
}
