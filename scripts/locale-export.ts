// npm run locale:export -- <code> [--format po|xliff|xliff2] [--out FILE] [--only sections|strings] [--template]
// Writes one file for a translation tool or platform (Poedit, OmegaT, Weblate, Crowdin…) with every
// block of every section and every UI string of a locale: see TRANSLATING.md, "With a translation
// tool or platform". Nothing in content/ or locales/ changes.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import { reportFailure } from "./cli.ts";
import { exportLocale } from "./translators/exchange/entries.ts";
import { FORMATS, formatOfFile, writeExchange, type ExchangeFormat } from "./translators/exchange/formats.ts";

const USAGE = "usage: npm run locale:export -- <locale> [--format po|xliff|xliff2] [--out FILE] [--only sections|strings]   or   npm run locale:export -- --template --only sections --out translations/sections.pot";

try {
  const { values, positionals } = parseArgs({
    options: { format: { type: "string" }, out: { type: "string" }, only: { type: "string" }, template: { type: "boolean" }, root: { type: "string" }, debug: { type: "boolean" } },
    allowPositionals: true,
  });
  const [code] = positionals;
  const problem =
    (!values.template && !code && "name a locale, e.g. ar") ||
    (positionals.length > 1 && "name one locale") ||
    (values.format && !FORMATS.includes(values.format as ExchangeFormat) && `--format is po, xliff (XLIFF 1.2) or xliff2 (XLIFF 2.0), not "${values.format}"`) ||
    (values.only && values.only !== "sections" && values.only !== "strings" && `--only is sections or strings, not "${values.only}"`) ||
    (values.out && values.format && formatOfFile(values.out) && formatOfFile(values.out) !== values.format.replace("xliff2", "xliff") && `--out ${values.out} does not end like a ${values.format} file`);
  if (problem) {
    console.error(`✗ ${problem}\n  ${USAGE}`);
    process.exit(2);
  }
  const format: ExchangeFormat = (values.format as ExchangeFormat | undefined) ?? (values.out ? formatOfFile(values.out) : undefined) ?? "po";
  const root = values.root ?? process.cwd();
  const exported = exportLocale(root, code ?? "", { only: values.only as "sections" | "strings" | undefined, template: values.template === true });
  const out = values.out ?? `${values.template ? "sections" : code}${format === "xliff2" ? ".xliff2" : ""}.${format === "po" ? (values.template ? "pot" : "po") : "xlf"}`;
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, await writeExchange(format, exported));
  const untranslated = exported.entries.filter((e) => e.translation.every((t) => t === "")).length;
  const fuzzy = exported.entries.filter((e) => e.fuzzy).length;
  console.log(
    values.template
      ? `✓ ${out}: a template with ${exported.entries.length} English entries`
      : `✓ ${out}: ${exported.entries.length} entries for ${code} (${untranslated} untranslated, ${fuzzy} to review because the English changed)\n  Translate it in your tool, then: npm run locale:import -- ${out}`,
  );
} catch (error) {
  if (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) {
    console.error(`✗ ${error.message}\n  ${USAGE}`);
    process.exit(2);
  }
  reportFailure(error, "Exporting the locale");
}
