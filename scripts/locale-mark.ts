// npm run locale:mark -- <code> <section-id>…   or   npm run locale:mark -- <code> --all
// Run it after updating a translation to match the current English section: it records the
// English version in the translation's `source:` line (nothing else in the file changes) and
// keeps a copy of that English text in content/.versions/ for later word diffs.
import { parseArgs } from "node:util";
import { reportFailure } from "./cli.ts";
import { markSections } from "./translators/mark.ts";

const USAGE = "usage: npm run locale:mark -- <locale> <section-id>…   or   npm run locale:mark -- <locale> --all";

try {
  const { values, positionals } = parseArgs({ options: { all: { type: "boolean" }, root: { type: "string" }, debug: { type: "boolean" } }, allowPositionals: true });
  const [code, ...ids] = positionals;
  if (!code || (values.all ? ids.length > 0 : ids.length === 0)) {
    console.error(`✗ ${code ? "name the sections to mark, or --all (not both)" : "name a locale"}\n  ${USAGE}`);
    process.exit(2);
  }
  const outcomes = markSections(values.root ?? process.cwd(), code, values.all ? "all" : ids);
  let refused = 0;
  for (const outcome of outcomes) {
    if (outcome.result === "refused") {
      refused++;
      console.error(`✗ ${outcome.file}: not marked: ${outcome.reason}\n  → ${outcome.hint}`);
    } else if (outcome.result === "marked") {
      console.log(`✓ ${outcome.file}: source: ${outcome.version} (the English text is kept in ${outcome.snapshot})`);
    } else {
      console.log(`✓ ${outcome.file}: already follows the current English (source: ${outcome.version})`);
    }
  }
  if (outcomes.length === 0) console.log(`Nothing to mark: content/${code}/ has no section files yet.`);
  process.exitCode = refused > 0 ? 1 : 0;
} catch (error) {
  if (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) {
    console.error(`✗ ${error.message}\n  ${USAGE}`);
    process.exit(2);
  }
  reportFailure(error, "Marking the translation");
}
