// npm run locale:import -- <file.po|file.xlf> [--force]
// Writes a translated exchange file back into content/<code>/*.md and locales/<code>/ui.json
// (structure from the English, text from the file), then prints what it wrote and the check's
// errors for that locale.
// It refuses, changing nothing, when the file is not for one of the project's translations, is
// too large or not in its encoding, when the locale's files changed since the export (unless
// --force), when an entry breaks a citation marker, placeholder, link, emphasis or the page's
// structure, or when the check would find errors the locale does not have now. It exits 1 when
// the check has errors for the locale after the import.
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { checkLocales } from "./check/checkLocales.ts";
import { plural, totals } from "./check/report/summary.ts";
import { textReport } from "./check/report/text.ts";
import { reportCommandFailure } from "./cli.ts";
import { readSectionList } from "./project/sectionList.ts";
import { formatOfFile, maxExchangeBytes, readExchangeFile } from "./translators/exchange/formats.ts";
import { formatWords, importLocale } from "./translators/exchange/importLocale.ts";
import { printable } from "./shared/printable.ts";

const USAGE = "usage: npm run locale:import -- <file.po|file.xlf> [--force]";

/** Problems listed one by one; beyond this, a count (a hostile file may hold a million). */
const SHOWN_PROBLEMS = 50;


try {
  const { values, positionals } = parseArgs({ options: { force: { type: "boolean" }, root: { type: "string" }, debug: { type: "boolean" } }, allowPositionals: true });
  const [file] = positionals;
  const format = file ? formatOfFile(file) : undefined;
  if (!file || positionals.length > 1 || !format) {
    console.error(`✗ ${!file ? "name the file to import" : positionals.length > 1 ? "import one file at a time" : `${file} is neither a PO file (.po) nor an XLIFF file (.xlf, .xliff)`}\n  ${USAGE}`);
    process.exit(2);
  }
  const root = resolve(values.root ?? process.cwd());
  const imported = await readExchangeFile(resolve(file), format, file, maxExchangeBytes(readSectionList(root).length));
  const words = formatWords(imported.format);
  const outcome = importLocale(root, imported, { file, force: values.force === true });
  if (outcome.result === "refused") {
    console.error(
      printable(
        `✗ ${file}: not imported: ${outcome.reason}${outcome.files
          .slice(0, 20)
          .map((f) => `\n    ${f}`)
          .join("")}${outcome.files.length > 20 ? `\n    … and ${outcome.files.length - 20} more` : ""}\n  → ${outcome.hint}\n  Nothing was changed.`,
      ),
    );
    process.exit(1);
  }
  if (outcome.result === "invalid") {
    for (const p of outcome.problems.slice(0, SHOWN_PROBLEMS))
      console.error(
        printable(
          `${file}:${p.line}: error: ${words.entry} ${p.context}: ${p.message}\n  → ${p.hint ?? `copy it exactly as the English (${words.source}) has it; only the words around it are translated`}`,
        ),
      );
    if (outcome.problems.length > SHOWN_PROBLEMS) console.error(`… and ${outcome.problems.length - SHOWN_PROBLEMS} more`);
    console.error(
      `\n✗ ${file}: not imported: ${outcome.problems.length} ${words.entry === "unit" ? (outcome.problems.length === 1 ? "problem in a unit" : "problems in units") : outcome.problems.length === 1 ? "problem in an entry" : "problems in entries"} (listed above). Nothing was changed.`,
    );
    process.exit(1);
  }
  if (outcome.result === "breaks-check") {
    for (const p of outcome.errors.slice(0, SHOWN_PROBLEMS)) {
      const where = `${p.file}${p.line !== undefined ? `:${p.line}` : ""}`;
      // At the entry where the translator can change it, with the section's line as it would be written.
      console.error(printable(p.entry ? `${file}:${p.entry.line}: error: ${words.entry} ${p.entry.context}: ${p.message}\n  (${where} as it would be written)\n  → ${p.hint}` : `${where}: error: ${p.message}\n  → ${p.hint}`));
    }
    if (outcome.errors.length > SHOWN_PROBLEMS) console.error(`… and ${outcome.errors.length - SHOWN_PROBLEMS} more`);
    console.error(
      `\n✗ ${file}: not imported: with its translations the check would find ${outcome.errors.length} error${outcome.errors.length === 1 ? "" : "s"} in ${outcome.code} that it does not find now (listed above, in the files as they would be).\n  → correct those translations in ${file} and import again; where the English changed since the export (a block the file has no entry for), export again, translate the new entries, then import. Nothing was changed.`,
    );
    process.exit(1);
  }
  const code = outcome.code;
  for (const written of outcome.written) console.log(`✓ ${written}${outcome.marked.includes(written) ? " (every entry translated: source: set to the current English version)" : ""}`);
  console.log(
    outcome.written.length === 0
      ? `✓ nothing to change: the ${code} files already say what ${file} says`
      : `✓ wrote ${plural(outcome.written.length, "file")} from ${file}${outcome.unchanged > 0 ? `; ${plural(outcome.unchanged, "file")} already said what it says` : ""}`,
  );
  // A few skipped entries are named; a file full of unknown ones gets a count, not a line each.
  const SHOWN = 10;
  for (const context of outcome.ignored.slice(0, SHOWN))
    console.log(
      printable(`• ${file}: ${words.entry} ${context.length > 120 ? `${context.slice(0, 120)}…` : context} matches no current block or string (the English changed since the export); it was skipped`),
    );
  if (outcome.ignored.length > SHOWN)
    console.log(`• … and ${outcome.ignored.length - SHOWN} more ${words.entry === "unit" ? "units" : "entries"} that match no current block or string (${outcome.ignored.length} in all), skipped`);
  const result = checkLocales(root, { locales: [code] });
  const mine = { ...result, problems: result.problems.filter((p) => p.locale === code) };
  const { warnings } = totals(mine);
  // Errors only: the warnings of a locale in progress (untranslated, draft) would bury them.
  console.log(`\nThe check for ${code}${warnings > 0 ? ` (errors only; npm run check -- --locale ${code} shows the ${plural(warnings, "warning")} too)` : ""}:\n`);
  console.log(textReport(mine, { errorsOnly: true }));
  const errors = mine.problems.filter((p) => p.severity === "error").length;
  if (errors > 0) {
    console.error(
      `✗ the check finds ${errors} error${errors === 1 ? "" : "s"} in ${code} (listed above); ${file} added none of them, they were there before it.\n  → fix them in the files named, then run npm run check -- --locale ${code}`,
    );
    process.exit(1);
  }
} catch (error) {
  reportCommandFailure(error, "Importing the translation", USAGE);
}
