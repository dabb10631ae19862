// Machine-readable results: the CheckResult as it is, with the root shown relative to the working directory.
import { relative } from "node:path";
import type { CheckResult } from "../types.ts";

export function jsonReport(result: CheckResult): string {
  return JSON.stringify({ ...result, root: relative(process.cwd(), result.root) || "." }, null, 2);
}
