// The compact table the README's Performance section shows, from this run's reports.
import type { BenchReport } from "./report.ts";

export function summaryMarkdown(reports: BenchReport[], command: string): string {
  const rows = reports.flatMap((r) => [
    ...r.targets.map((t) => `| ${t.what} | ${t.measured} | ${t.limit} | ${t.met === null ? "not measured" : t.met ? "met" : "**missed**"} |`),
    ...r.facts.map((f) => `| ${f.what} | ${f.measured} | | |`),
  ]);
  return [`Measured with \`${command}\` on ${new Date().toISOString().slice(0, 10)}.`, "", "| what | measured (median, min–max) | target | |", "|---|---|---|---|", ...rows, ""].join("\n");
}
