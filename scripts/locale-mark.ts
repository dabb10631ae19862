// npm run locale:mark -- <code> <section-id>…   or   npm run locale:mark -- <code> --all
// Run it after updating a translation to match the current English section: it records the
// English version in the translation's `source:` line (nothing else in the file changes) and
// keeps a copy of that English text in content/.versions/ for later word diffs.
// npm run locale:mark -- --minor <section-id> [--from <version>] [--force]: an editor records that
// the current English change needs no new translation (see scripts/translators/minor.ts). A change
// larger than a typo fix is refused (--force accepts a wording change, never added or removed blocks).
import { parseArgs } from "node:util";
import { reportCommandFailure } from "./cli.ts";
import { markSections } from "./translators/mark.ts";
import { planMinorChange } from "./translators/minor.ts";

const USAGE = "usage: npm run locale:mark -- <locale> <section-id>…   or   npm run locale:mark -- <locale> --all   or   npm run locale:mark -- --minor <section-id>… [--from <version>] [--force]";

try {
  const { values, positionals } = parseArgs({
    options: { all: { type: "boolean" }, minor: { type: "boolean" }, from: { type: "string" }, force: { type: "boolean" }, root: { type: "string" }, debug: { type: "boolean" } },
    allowPositionals: true,
  });
  const root = values.root ?? process.cwd();
  if (values.minor) {
    if (positionals.length === 0 || values.all || (values.from && positionals.length > 1)) {
      console.error(
        `✗ ${positionals.length === 0 ? "name the English section whose change is minor" : values.all ? "--minor takes section ids, not --all" : "--from names one section's version: give one section"}\n  ${USAGE}`,
      );
      process.exit(2);
    }
    let refused = 0;
    for (const id of positionals) if (!markMinor(root, id, values.from, values.force === true)) refused++;
    process.exitCode = refused > 0 ? 1 : 0;
  } else {
    const [code, ...ids] = positionals;
    if (!code || (values.all ? ids.length > 0 : ids.length === 0) || values.from || values.force) {
      console.error(`✗ ${values.from || values.force ? `${values.from ? "--from" : "--force"} goes with --minor` : code ? "name the sections to mark, or --all (not both)" : "name a locale"}\n  ${USAGE}`);
      process.exit(2);
    }
    const outcomes = markSections(root, code, values.all ? "all" : ids);
    let refused = 0;
    for (const outcome of outcomes) {
      if (outcome.result === "refused") {
        refused++;
        console.error(`✗ ${outcome.file}: not marked: ${outcome.reason}\n  → ${outcome.hint}`);
      } else {
        console.log(
          outcome.result === "marked"
            ? `✓ ${outcome.file}: source: ${outcome.version} (the English text is kept in ${outcome.snapshot})`
            : `✓ ${outcome.file}: already follows the current English (source: ${outcome.version})`,
        );
        const n = outcome.differences;
        if (n > 0) console.log(`  note: its blocks differ from the English in ${n} place${n === 1 ? "" : "s"}: npm run check -- --locale ${code} names ${n === 1 ? "it" : "them"}`);
      }
    }
    if (outcomes.length === 0) console.log(`Nothing to mark: content/${code}/ has no section files yet.`);
    process.exitCode = refused > 0 ? 1 : 0;
  }
} catch (error) {
  reportCommandFailure(error, "Marking the translation", USAGE);
}

/** Shows the word diff being accepted, then moves the translations made from the previous English version; false when the change is refused as more than minor. */
function markMinor(root: string, id: string, from: string | undefined, force: boolean): boolean {
  const plan = planMinorChange(root, id, { from });
  console.log(`${plan.englishFile}: accepting this English change (version ${plan.previous} → ${plan.current}) as minor, needing no new translation:`);
  for (const change of plan.diff.changes) console.log(`  was: ${change.was}\n  now: ${change.now}`);
  if (plan.diff.more > 0) console.log(`  … and ${plan.diff.more} more change${plan.diff.more === 1 ? "" : "s"}`);
  const { notMinor } = plan;
  if (notMinor && (notMinor.structure || !force)) {
    console.error(
      `✗ ${plan.englishFile}: this change is not minor: ${notMinor.reason}; nothing was changed\n  → leave the translations stale: npm run check shows each translator what changed${notMinor.structure ? "" : `; if you are sure no translation needs to change, run again with --force`}`,
    );
    return false;
  }
  plan.apply();
  for (const t of plan.translations) {
    if (t.result === "moved") console.log(`✓ ${t.file}: source: ${plan.current} (was ${plan.previous})`);
    else if (t.result === "current") console.log(`✓ ${t.file}: already follows the current English`);
    else if (t.result === "stale") console.log(`• ${t.file}: left stale: made from ${t.source}, older than ${plan.previous}; its translator still has to catch up (npm run check shows what changed)`);
    else console.log(`• ${t.file}: left alone: it has no source: line`);
  }
  if (plan.translations.length === 0) console.log(`Nothing to move: no locale has a translation of ${id} yet.`);
  const moved = plan.translations.filter((t) => t.result === "moved").map((t) => t.file);
  if (moved.length > 0) console.log(`Commit these with the English change: ${[plan.englishFile, `content/.versions/${id}/${plan.current}.md`, ...moved].join(", ")}`);
  return true;
}
