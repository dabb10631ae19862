// Child process: the translators' check (scripts/check/) over a project, text report included.
//   node --import tsx checkLocales.ts <project root>
import { performance } from "node:perf_hooks";
import { reportFromChild } from "../childProcess.ts";

const [root] = process.argv.slice(2);
if (!root) throw new Error("usage: checkLocales.ts <project root>");
const started = performance.now();
const { checkLocales, textReport } = await import("../../check/index.ts");
const result = checkLocales(root);
const report = textReport(result);
const ms = performance.now() - started;
reportFromChild({ ms, problems: result.problems.length, errors: result.problems.filter((p) => p.severity === "error").length, reportChars: report.length });
