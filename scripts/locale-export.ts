// npm run locale:export -- <code> [--format po|xliff|xliff2] [--out FILE] [--only sections|strings] [--template] [--force]
// Writes one file for a translation tool or platform (Poedit, OmegaT, Weblate, Crowdin…) with every
// block of every section and every UI string of a locale: see TRANSLATING.md, "With a translation
// tool or platform". Nothing in content/ or locales/ changes. An existing file that holds
// translations the project does not have yet is not overwritten without --force.
// --format tbx|csv writes the glossary (content/glossary.yml) for the locale instead, as TBX-Basic
// or CSV for a platform's glossary: glossary/<code>.tbx, a name Weblate reads the language from.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import { reportCommandFailure } from "./cli.ts";
import { exportLocale, unimportedEntries } from "./translators/exchange/entries.ts";
import type { LocaleExport } from "./translators/exchange/types.ts";
import { FORMATS, formatOfFile, readExchange, writeExchange, type ExchangeFormat } from "./translators/exchange/formats.ts";
import { writeTermbase, type TermbaseFormat } from "./translators/exchange/termbase.ts";
import { readProject } from "./project/readProject.ts";
import { ContentError } from "./shared/contentError.ts";
import { isLanguageTag, notALanguageTag } from "./shared/languageTag.ts";

const USAGE =
  "usage: npm run locale:export -- <locale> [--format po|xliff|xliff2] [--out FILE] [--only sections|strings] [--force]   or   npm run locale:export -- <locale> --format tbx|csv [--out FILE]   or   npm run locale:export -- --template --only sections --out translations/sections.pot";
const TERMBASES: readonly string[] = ["tbx", "csv"];

/** The glossary for the locale as TBX or CSV; the glossary must read cleanly and hold terms. */
function exportGlossary(root: string, code: string, format: TermbaseFormat, out = `glossary/${code}.${format}`): void {
  const project = readProject(root);
  const file = project.glossary.file;
  const broken = project.problems.find((p) => p.file === file && p.severity === "error");
  if (broken) throw new ContentError({ file: broken.file, line: broken.line }, broken.message, `${broken.hint}; then export again (nothing was written)`);
  if (code === project.campaign.sourceLocale) {
    throw new ContentError({ file }, `"${code}" is the source locale: the glossary's terms are its words`, "name the locale whose renderings to export, e.g. npm run locale:export -- ar --format tbx");
  }
  const { entries } = project.glossary;
  if (entries.length === 0) {
    throw new ContentError(
      { file },
      "the glossary has no terms, so there is nothing to export",
      'list the campaign\'s key terms in content/glossary.yml (see TRANSLATING.md, "The glossary first"), then export again; nothing was written',
    );
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, writeTermbase(format, { glossary: project.glossary, sourceLocale: project.campaign.sourceLocale, code, project: project.campaign.name }));
  const undecided = entries.filter((e) => e.locales.get(code)?.decided === false).length;
  const missing = entries.filter((e) => !e.locales.has(code)).length;
  console.log(`✓ ${out}: ${entries.length} terms for ${code} (${undecided} not decided yet, ${missing} with no rendering for ${code})
  Load it into the platform's glossary (TRANSLATING.md, "The glossary first"); it changes when content/glossary.yml does.`);
}

/** What in the existing file the export would lose, said for a sentence; undefined when nothing. */
async function unimportedWork(out: string, text: string, exported: LocaleExport): Promise<string | undefined> {
  const before = readFileSync(out, "utf8");
  if (before === text) return undefined;
  const format = formatOfFile(out);
  let lost: string[];
  try {
    if (!format) throw new Error("not an exchange file");
    lost = unimportedEntries(await readExchange(format, before, out), exported);
  } catch {
    return "is not a PO or XLIFF file this export can compare with (it may hold other work)";
  }
  if (lost.length === 0) return undefined;
  const shown = lost.slice(0, 5).join(", ") + (lost.length > 5 ? `, … ${lost.length - 5} more` : "");
  return `holds ${lost.length === 1 ? "a translation" : `${lost.length} translations`} not yet imported into the project (${shown})`;
}

try {
  const { values, positionals } = parseArgs({
    options: {
      format: { type: "string" },
      out: { type: "string" },
      only: { type: "string" },
      template: { type: "boolean" },
      force: { type: "boolean" },
      root: { type: "string" },
      debug: { type: "boolean" },
    },
    allowPositionals: true,
  });
  const [code] = positionals;
  const problem =
    (!values.template && !code && "name a locale, e.g. ar") ||
    (positionals.length > 1 && "name one locale") ||
    (values.format &&
      !FORMATS.includes(values.format as ExchangeFormat) &&
      !TERMBASES.includes(values.format) &&
      `--format is po, xliff (XLIFF 1.2), xliff2 (XLIFF 2.0), or tbx or csv for the glossary, not "${values.format}"`) ||
    (values.format && TERMBASES.includes(values.format) && (values.template || values.only) && `--format ${values.format} writes the glossary for one locale: no --template or --only`) ||
    (values.format && TERMBASES.includes(values.format) && values.out && !values.out.toLowerCase().endsWith(`.${values.format}`) && `--out ${values.out} does not end in .${values.format}`) ||
    (values.only && values.only !== "sections" && values.only !== "strings" && `--only is sections or strings, not "${values.only}"`) ||
    (values.out &&
      values.format &&
      formatOfFile(values.out) &&
      formatOfFile(values.out) !== values.format.replace("xliff2", "xliff") &&
      `--out ${values.out} does not end like a ${values.format} file`);
  if (problem) {
    console.error(`✗ ${problem}\n  ${USAGE}`);
    process.exit(2);
  }
  const root = values.root ?? process.cwd();
  if (values.format === "tbx" || values.format === "csv") {
    if (!isLanguageTag(code!)) {
      console.error(`✗ ${notALanguageTag(code!)}\n  ${USAGE}`);
      process.exit(2);
    }
    exportGlossary(root, code!, values.format, values.out);
    process.exit(0);
  }
  const format: ExchangeFormat = (values.format as ExchangeFormat | undefined) ?? (values.out ? formatOfFile(values.out) : undefined) ?? "po";
  const exported = exportLocale(root, code ?? "", { only: values.only as "sections" | "strings" | undefined, template: values.template === true });
  const out = values.out ?? `${values.template ? "sections" : code}${format === "xliff2" ? ".xliff2" : ""}.${format === "po" ? (values.template ? "pot" : "po") : "xlf"}`;
  const text = await writeExchange(format, exported);
  if (!values.force && existsSync(out)) {
    const lost = await unimportedWork(out, text, exported);
    if (lost !== undefined) {
      console.error(`✗ ${out} already exists and ${lost}: writing the export over it would lose that work. Nothing was written.
  → import it first (npm run locale:import -- ${out}), then export again; or export to another file with --out FILE; or, if that work may go, add --force`);
      process.exit(1);
    }
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, text);
  const untranslated = exported.entries.filter((e) => e.translation.every((t) => t === "")).length;
  const fuzzy = exported.entries.filter((e) => e.fuzzy && !e.unknownEnglish).length;
  // Fuzzy for another reason: the section does not say which English it translates.
  const unplaced = exported.entries.filter((e) => e.unknownEnglish).length;
  console.log(
    values.template
      ? `✓ ${out}: a template with ${exported.entries.length} English entries`
      : `✓ ${out}: ${exported.entries.length} entries for ${code} (${untranslated} untranslated, ${fuzzy} to review because the English changed${unplaced > 0 ? `, ${unplaced} to review because the English they were made from is unknown (no source: line, or a version kept nowhere)` : ""})\n  Translate it in your tool, then: npm run locale:import -- ${out}`,
  );
} catch (error) {
  reportCommandFailure(error, "Exporting the locale", USAGE);
}
