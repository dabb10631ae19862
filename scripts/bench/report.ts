// What every benchmark hands back: tables to print, targets met or missed, and the raw
// figures that go into .bench/<name>.json.

export interface Table {
  title: string;
  head: string[];
  rows: string[][];
}

export interface Target {
  what: string;
  /** The target as a person reads it, e.g. "≤ 1.15× bare Eleventy". */
  limit: string;
  measured: string;
  /** null: not measured by this run (what it needs does not exist yet; `measured` says what). */
  met: boolean | null;
}

/** A target the bench names but cannot measure yet, so the table still lists it. */
export function notMeasured(what: string, limit: string, why: string): Target {
  return { what, limit, measured: `not measured: ${why}`, met: null };
}

export interface BenchReport<Figures = unknown> {
  name: string;
  title: string;
  tables: Table[];
  targets: Target[];
  /** Figures worth a line in the README's summary that have no target. */
  facts: { what: string; measured: string }[];
  /** Things a reader of the figures should know (what was measured, what was skipped and why). */
  notes: string[];
  figures: Figures;
}

export interface BenchOptions {
  /** The project whose code, templates and real content are measured. */
  root: string;
  /** Fewer runs and smaller sizes. */
  quick: boolean;
  /** The smallest run that goes through every step: for tests, its figures mean nothing. */
  smoke: boolean;
  /** Rounds of each side-by-side comparison, instead of the benchmark's own number (--pairs=N). */
  pairs?: number;
  log(line: string): void;
}

function formatTable(table: Table): string {
  const widths = table.head.map((h, i) => Math.max(h.length, ...table.rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [table.title, line(table.head), widths.map((w) => "-".repeat(w)).join("  "), ...table.rows.map(line)].join("\n");
}

function formatTargets(targets: Target[]): string {
  return targets.map((t) => `${t.met === null ? "·" : t.met ? "✓" : "✗"} ${t.what}: ${t.measured} (target ${t.limit})`).join("\n");
}

export function formatReport(report: BenchReport): string {
  const parts = [`== ${report.title} ==`, ...report.tables.map(formatTable)];
  if (report.targets.length > 0) parts.push(formatTargets(report.targets));
  if (report.notes.length > 0) parts.push(report.notes.map((n) => `  · ${n}`).join("\n"));
  return parts.join("\n\n");
}
