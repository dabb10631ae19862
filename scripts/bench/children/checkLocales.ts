// Child process: the translators' check (scripts/check/) over a project, text report included.
//   node --import tsx checkLocales.ts <project root> [--cache]
// --cache: with the check's cache (.cache/check/ in the project), as npm run check runs it.
import { performance } from "node:perf_hooks";
import { reportFromChild } from "../childProcess.ts";

const [root, flag] = process.argv.slice(2);
if (!root) throw new Error("usage: checkLocales.ts <project root> [--cache]");
const started = performance.now();
const { checkLocales, textReport } = await import("../../check/index.ts");
const { readProject } = await import("../../project/readProject.ts");
const loaded = performance.now();
const project = readProject(root);
const read = performance.now();
const result = checkLocales(project, { cache: flag === "--cache" });
const checked = performance.now();
const report = textReport(result);
const ms = performance.now() - started;
reportFromChild({
  ms,
  readMs: read - loaded,
  checkMs: checked - read,
  problems: result.problems.length,
  errors: result.problems.filter((p) => p.severity === "error").length,
  reportChars: report.length,
});
