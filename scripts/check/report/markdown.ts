// A report for a pull-request comment or a CI job summary (GitHub-flavoured markdown):
// the summary table, errors in full, warnings folded away per locale.
import { printable } from "../../shared/printable.ts";
import type { CheckResult, Problem } from "../types.ts";
import { groupProblems, localeTitle, place, plural, SUMMARY_COLUMNS, summaryRow, totals } from "./summary.ts";

export function markdownReport(result: CheckResult): string {
  const { errors, warnings } = totals(result);
  const out: string[] = ["## Translation check", ""];
  out.push(
    errors > 0
      ? `❌ **${plural(errors, "error")}**, ${plural(warnings, "warning")}. Fix the errors below; TRANSLATING.md in the repository explains each message.`
      : `✅ No errors${warnings > 0 ? ` (${plural(warnings, "warning")}: unfinished work, not a failure)` : ""}.`,
    "",
  );
  out.push(`| ${SUMMARY_COLUMNS.map(escapeMarkdown).join(" | ")} |`, `|${SUMMARY_COLUMNS.map((_, i) => (i === 0 ? " --- " : " ---: ")).join("|")}|`);
  for (const locale of result.locales) out.push(`| ${summaryRow(locale).map(escapeMarkdown).join(" | ")} |`);
  out.push("", "Sections: translated and up to date / all. Strings: translated / all.", "");
  for (const { code, locale, files } of groupProblems(result)) {
    const all = [...files.values()].flat();
    const errorList = all.filter((p) => p.severity === "error");
    const warningList = all.filter((p) => p.severity === "warning");
    out.push(`### ${escapeMarkdown(localeTitle(code, locale))}`, "");
    if (errorList.length > 0) out.push(...errorList.map(item), "");
    if (warningList.length > 0) {
      out.push(`<details><summary>${plural(warningList.length, "warning")}</summary>`, "", ...warningList.map(item), "", "</details>", "");
    }
  }
  // Messages quote the translations: a comment or a CI log shows no control character raw.
  return printable(out.join("\n"));
}

function item(problem: Problem): string {
  const lines = [`- **${problem.severity}** \`${place(problem)}\`: ${escapeMarkdown(problem.message)}<br>→ ${escapeMarkdown(problem.hint)}`];
  if (problem.diff) {
    lines.push(`  <br>What changed in the English since:`);
    for (const change of problem.diff.changes) {
      lines.push(`  - at \`${problem.diff.file}:${change.line}\`<br>was: ${escapeMarkdown(change.was)}<br>now: ${escapeMarkdown(change.now)}`);
    }
    if (problem.diff.more > 0) lines.push(`  - … and ${plural(problem.diff.more, "more change")}`);
  } else if (problem.diffUnavailable) {
    lines.push(`  <br>(no word diff: ${escapeMarkdown(problem.diffUnavailable)})`);
  }
  return lines.join("\n");
}

/** Text from files shown as text: no markdown or HTML in it takes effect. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`).replace(/&/g, "&amp;");
}
