// npm run bench: performance figures and targets, printed as tables and written as JSON to .bench/.
//   npm run bench                  every benchmark
//   npm run bench -- build pdf     only those (names: see BENCHMARKS)
//   --quick                        fewer runs, smaller sizes (figures in .bench/quick/)
//   --smoke                        the smallest run that exercises every step (tests; .bench/smoke/)
//   --out=<folder>                 write the figures there instead
//   --profile                      CPU-profile a project build even when its target is met
//   --pairs=N                      N rounds of each side-by-side comparison (build, check) instead of their default
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { BENCHMARKS } from "./bench/benchmarks.ts";
import { formatReport, type BenchReport } from "./bench/report.ts";
import { summaryMarkdown } from "./bench/summary.ts";
import { reportFailure } from "./cli.ts";

const args = process.argv.slice(2);
const smoke = args.includes("--smoke");
const quick = args.includes("--quick") && !smoke;
const profile = args.includes("--profile");
const out = args.find((a) => a.startsWith("--out="))?.slice("--out=".length);
const pairsArg = args.find((a) => a.startsWith("--pairs="))?.slice("--pairs=".length);
const pairs = pairsArg === undefined ? undefined : Number(pairsArg);
if (pairs !== undefined && !(Number.isInteger(pairs) && pairs >= 1)) {
  console.error(`✗ --pairs=${pairsArg}: give a whole number of rounds, 1 or more (e.g. --pairs=9)`);
  process.exit(2);
}
const names = args.filter((a) => !a.startsWith("--"));
const unknown = names.filter((n) => !BENCHMARKS.some((b) => b.name === n));
if (unknown.length > 0) {
  console.error(`✗ unknown benchmark ${unknown.map((n) => `"${n}"`).join(", ")}: the benchmarks are ${BENCHMARKS.map((b) => b.name).join(", ")}`);
  process.exit(2);
}
const chosen = names.length > 0 ? BENCHMARKS.filter((b) => names.includes(b.name)) : BENCHMARKS;

const root = process.cwd();
// A smaller run keeps its figures apart, so it never overwrites those of a full run.
const outDir = out ? resolve(root, out) : join(root, ".bench", ...(smoke ? ["smoke"] : quick ? ["quick"] : []));
mkdirSync(outDir, { recursive: true });
const command = `npm run bench${args.length ? ` -- ${args.join(" ")}` : ""}`;
const reports: BenchReport[] = [];
try {
  for (const benchmark of chosen) {
    console.log(`→ ${benchmark.name}: ${benchmark.what}${smoke ? " (smoke)" : quick ? " (quick)" : ""}`);
    const report = await benchmark.run({ root, quick, smoke, profile, ...(pairs ? { pairs } : {}), log: (line) => console.log(`  ${line}`) });
    reports.push(report);
    const file = join(outDir, `${report.name}.json`);
    writeFileSync(file, `${JSON.stringify({ command, quick, smoke, date: new Date().toISOString(), ...report }, null, 2)}\n`);
    console.log(`\n${formatReport(report)}\n\n  figures: ${file}\n`);
  }
  writeFileSync(join(outDir, "summary.md"), summaryMarkdown(reports, command));
  const missed = reports.flatMap((r) => r.targets.filter((t) => t.met === false));
  const unmeasured = reports.flatMap((r) => r.targets.filter((t) => t.met === null));
  console.log(missed.length === 0 ? "✓ every target measured was met" : `✗ ${missed.length} target(s) missed: ${missed.map((t) => t.what).join("; ")}`);
  if (unmeasured.length > 0) console.log(`· ${unmeasured.length} target(s) not measured yet: ${unmeasured.map((t) => t.what).join("; ")}`);
  console.log(`  summary for the README: ${join(outDir, "summary.md")}`);
} catch (error) {
  reportFailure(error, "The benchmark");
}
