// npm run locale:import -- <file.po|file.xlf> [--force]
// Writes a translated exchange file back into content/<code>/*.md and locales/<code>/ui.json
// (structure from the English, text from the file), then prints what it wrote and the check's
// errors for that locale.
// It refuses, changing nothing, when the locale's files changed since the export (unless
// --force) or when an entry breaks a citation marker, placeholder, link or emphasis.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { checkLocales } from "./check/checkLocales.ts";
import { plural, totals } from "./check/report/summary.ts";
import { textReport } from "./check/report/text.ts";
import { reportFailure } from "./cli.ts";
import { formatOfFile, readExchange } from "./translators/exchange/formats.ts";
import { importLocale } from "./translators/exchange/importLocale.ts";

const USAGE = "usage: npm run locale:import -- <file.po|file.xlf> [--force]";

try {
  const { values, positionals } = parseArgs({ options: { force: { type: "boolean" }, root: { type: "string" }, debug: { type: "boolean" } }, allowPositionals: true });
  const [file] = positionals;
  const format = file ? formatOfFile(file) : undefined;
  if (!file || positionals.length > 1 || !format) {
    console.error(`✗ ${!file ? "name the file to import" : positionals.length > 1 ? "import one file at a time" : `${file} is neither a PO file (.po) nor an XLIFF file (.xlf, .xliff)`}\n  ${USAGE}`);
    process.exit(2);
  }
  const root = values.root ?? process.cwd();
  const imported = await readExchange(format, readFileSync(file, "utf8"), file);
  const outcome = importLocale(root, imported, { file, force: values.force === true });
  if (outcome.result === "refused") {
    console.error(`✗ ${file}: not imported: ${outcome.reason}${outcome.files.map((f) => `\n    ${f}`).join("")}\n  → ${outcome.hint}\n  Nothing was changed.`);
    process.exit(1);
  }
  if (outcome.result === "invalid") {
    for (const p of outcome.problems) console.error(`${file}:${p.line}: error: entry ${p.context}: ${p.message}\n  → copy it exactly as the English (msgid) has it; only the words around it are translated`);
    console.error(`\n✗ ${file}: not imported: ${outcome.problems.length} entr${outcome.problems.length === 1 ? "y breaks" : "ies break"} a protected marker (listed above). Nothing was changed.`);
    process.exit(1);
  }
  for (const written of outcome.written) console.log(`✓ ${written}${outcome.marked.includes(written) ? " (every entry translated: source: set to the current English version)" : ""}`);
  console.log(
    outcome.written.length === 0
      ? `✓ nothing to change: the ${imported.code} files already say what ${file} says`
      : `✓ wrote ${plural(outcome.written.length, "file")} from ${file}${outcome.unchanged > 0 ? `; ${plural(outcome.unchanged, "file")} already said what it says` : ""}`,
  );
  // A few skipped entries are named; a file full of unknown ones gets a count, not a line each.
  for (const context of outcome.ignored.slice(0, 10)) console.log(`• ${file}: entry ${context} matches no current block or string (the English changed since the export); it was skipped`);
  if (outcome.ignored.length > 10) console.log(`• ${file}: ${plural(outcome.ignored.length - 10, "more entry", "more entries")} match no current block or string; they were skipped`);
  const result = checkLocales(root, { locales: [imported.code] });
  const mine = { ...result, problems: result.problems.filter((p) => p.locale === imported.code) };
  const { warnings } = totals(mine);
  // Errors only: the warnings of a locale in progress (untranslated, draft) would bury them.
  console.log(`\nThe check for ${imported.code}${warnings > 0 ? ` (errors only; npm run check -- --locale ${imported.code} shows the ${plural(warnings, "warning")} too)` : ""}:\n`);
  console.log(textReport(mine, { errorsOnly: true }));
} catch (error) {
  if (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) {
    console.error(`✗ ${error.message}\n  ${USAGE}`);
    process.exit(2);
  }
  reportFailure(error, "Importing the translation");
}
