// npm run build refuses to publish a locale marked complete (or the source locale) that fails
// the translators' check: the same report as npm run check, errors only, then one failure
// naming what to do. What is only behind the English (a section added or changed since) is never
// an error, so an English-only change always publishes. A locale still in progress stops the build
// only for what would reach its pages: broken markup, and an address, heading or quotation the
// English does not have; otherwise readers see English wherever it falls short, and the status
// page shows its errors.
import { ContentError } from "../shared/contentError.ts";
import { ADDED_CONTENT } from "./severity.ts";
import { textReport } from "./report/text.ts";
import type { CheckResult, Problem } from "./types.ts";

/** `result`: the check of the project being built, without word diffs. */
export function refuseFailingTranslations(result: CheckResult, log: (text: string) => void = console.error): void {
  const held = new Set(result.locales.filter((l) => l.isSource || l.complete).map((l) => l.code));
  const refused = (p: Problem) => p.severity === "error" && (held.has(p.locale) || p.kind === "markup" || ADDED_CONTENT.has(p.kind));
  const errors = result.problems.filter(refused);
  if (errors.length === 0) return;
  const shown: CheckResult = { ...result, ok: false, problems: errors };
  log(textReport(shown, { errorsOnly: true, leftOut: result.problems.length - errors.length }));
  const locales = (list: Problem[]) => [...new Set(list.map((p) => p.locale))];
  const complete = locales(errors).filter((code) => code !== result.sourceLocale && held.has(code));
  const added = errors.filter((p) => ADDED_CONTENT.has(p.kind));
  const inProgress = locales(errors).filter((code) => !held.has(code));
  // What a translation adds comes first: it is what must never be published, in any locale.
  const first = added[0] ?? errors[0]!;
  const where = (p: Problem) => `${p.file}${p.line !== undefined ? `:${p.line}` : ""}`;
  if (added.length > 0) {
    throw new ContentError(
      { file: first.file, ...(first.line !== undefined ? { line: first.line } : {}) },
      `the translation check found ${added.length === 1 ? "1 address, heading or quotation" : `${added.length} addresses, headings or quotations`} the English does not have (listed above: ${added.slice(0, 3).map(where).join(", ")}${added.length > 3 ? ", …" : ""}) in ${locales(added).join(", ")}; a translation publishes only what the English says, so the site is not built`,
      "remove each one named above and keep only what the English says (a link's words may stay as plain text); TRANSLATING.md explains each message, and npm run check shows every problem",
    );
  }
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
