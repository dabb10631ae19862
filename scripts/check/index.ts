// The translators' check as a library: checkLocales(root) and its reporters.
export { BLOCK_PROBLEM_KINDS, checkBlocks, type BlockProblemKind } from "./blockRules.ts";
export { checkLocales } from "./checkLocales.ts";
export { jsonReport } from "./report/json.ts";
export { markdownReport } from "./report/markdown.ts";
export { textReport } from "./report/text.ts";
export type * from "./types.ts";
