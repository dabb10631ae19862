// npm run build refuses to publish a locale marked complete (or the source locale) that fails
// the translators' check: the same report as npm run check, errors only, then one failure
// naming what to do. A locale still in progress never stops the build: readers see English
// wherever it falls short, and the status page shows its errors.
import { ContentError } from "../shared/contentError.ts";
import { textReport } from "./report/text.ts";
import type { CheckResult } from "./types.ts";

/** `result`: the check of the project being built, without word diffs. */
export function refuseFailingTranslations(result: CheckResult, log: (text: string) => void = console.error): void {
  const held = new Set(result.locales.filter((l) => l.isSource || l.complete).map((l) => l.code));
  const errors = result.problems.filter((p) => p.severity === "error" && held.has(p.locale));
  if (errors.length === 0) return;
  const shown: CheckResult = { ...result, ok: false, problems: errors };
  log(textReport(shown, { errorsOnly: true }));
  const complete = [...new Set(errors.map((p) => p.locale))].filter((code) => code !== result.sourceLocale);
  const first = errors[0]!;
  throw new ContentError(
    { file: first.file, ...(first.line !== undefined ? { line: first.line } : {}) },
    `the translation check found ${errors.length} error${errors.length === 1 ? "" : "s"} (listed above) in ${complete.length > 0 ? `a locale marked complete (${complete.join(", ")})` : "the source locale"}`,
    complete.length > 0
      ? `fix them, or set "complete": false in ${complete.map((c) => `locales/${c}/locale.json`).join(", ")} until the translation is finished; npm run check shows every problem`
      : "fix them; npm run check shows every problem and TRANSLATING.md explains each message",
  );
}
