// npm run build refuses to publish a locale marked complete (or the source locale) that fails
// the translators' check: the same report as npm run check, errors only, then one failure
// naming what to do. What is only behind the English (a section added or changed since) is never
// an error, so an English-only change always publishes. A locale still in progress stops the build
// only for broken markup, which would reach its pages; otherwise readers see English wherever it
// falls short, and the status page shows its errors.
import { ContentError } from "../shared/contentError.ts";
import { textReport } from "./report/text.ts";
import type { CheckResult } from "./types.ts";

/** `result`: the check of the project being built, without word diffs. */
export function refuseFailingTranslations(result: CheckResult, log: (text: string) => void = console.error): void {
  const held = new Set(result.locales.filter((l) => l.isSource || l.complete).map((l) => l.code));
  const errors = result.problems.filter((p) => p.severity === "error" && (held.has(p.locale) || p.kind === "markup"));
  if (errors.length === 0) return;
  const shown: CheckResult = { ...result, ok: false, problems: errors };
  log(textReport(shown, { errorsOnly: true }));
  const complete = [...new Set(errors.map((p) => p.locale))].filter((code) => code !== result.sourceLocale && held.has(code));
  const inProgress = [...new Set(errors.map((p) => p.locale))].filter((code) => !held.has(code));
  const first = errors[0]!;
  throw new ContentError(
    { file: first.file, ...(first.line !== undefined ? { line: first.line } : {}) },
    `the translation check found ${errors.length} error${errors.length === 1 ? "" : "s"} (listed above) in ${complete.length > 0 ? `a locale marked complete (${complete.join(", ")})` : inProgress.length > 0 ? `the markup of ${inProgress.join(", ")}, which would break its pages` : "the source locale"}`,
    inProgress.length > 0 && complete.length === 0
      ? "fix the ::: lines named above (TRANSLATING.md explains each message), or move the broken file out of content/ until it is fixed: readers then see the English"
      : complete.length > 0
      ? `fix them, or set "complete": false in ${complete.map((c) => `locales/${c}/locale.json`).join(", ")} until the translation is finished; npm run check shows every problem`
      : "fix them; npm run check shows every problem and TRANSLATING.md explains each message",
  );
}
