// locales/<code>/locale.json: the locale's name in its own language, direction, digits, and
// whether it is complete. Adding a locale is adding a folder: no code changes.
import { ContentError } from "../shared/contentError.ts";
import { isPlainObject, parseJson } from "../shared/json.ts";
import { parseExpansion, type Expansion } from "./expansion.ts";
import { jsonKeyLines } from "./jsonKeyLines.ts";
import { PAPER_FAMILIES, type PaperFamily } from "./paperFamily.ts";

export type Direction = "ltr" | "rtl";
/** How a locale's translators work when not in the markdown files: PO or XLIFF files (npm run locale:export/import). */
export type Exchange = "po" | "xliff";

export interface LocaleMeta {
  /** The locale's name in its own language. */
  name: string;
  dir: Direction;
  /** Digits for numbers the site formats (Intl numbering system, e.g. latn, arab). */
  numberingSystem: string;
  /** A complete locale is held to every check; until then missing sections fall back to English. */
  complete: boolean;
  /** "expansion" in locale.json when given: the usual length of a translated paragraph over the English one. */
  expansion?: Expansion;
  /** "exchange" in locale.json when given: the check's hints then speak of the exported file, not the markdown. */
  exchange?: Exchange;
  /** "glossary" in locale.json: how the check reports a block without the glossary's rendering of a term (default "warning"). */
  glossary?: "error" | "warning";
  /** "paper" in locale.json when given: the paper family its readers have (a4 or letter); by default from its region (paperFamily.ts). */
  paper?: PaperFamily;
}

export const META_FILE = "locale.json";

const META_KEYS = ["name", "dir", "numberingSystem", "complete", "expansion", "exchange", "glossary", "paper"];

/** `file` is the path as shown to people. */
export function parseLocaleMeta(text: string, file: string): LocaleMeta {
  const value = parseJson(text, file);
  const lines = jsonKeyLines(text).lines;
  const fail = (key: string | undefined, problem: string, hint: string): never => {
    throw new ContentError({ file, line: key ? lines.get(key) : 1 }, problem, hint);
  };
  if (!isPlainObject(value)) return fail(undefined, "the locale metadata must be a JSON object", 'write it as { "name": …, "dir": …, "numberingSystem": …, "complete": … }');
  for (const key of Object.keys(value)) {
    if (!META_KEYS.includes(key)) fail(key, `unknown key "${key}"`, `remove it; the metadata keys are: ${META_KEYS.join(", ")}`);
  }
  const { name, dir, numberingSystem, complete, expansion, exchange, glossary, paper } = value;
  if (typeof name !== "string" || !name.trim()) fail("name", '"name" is missing', 'give the language\'s name in the language itself, e.g. "العربية" or "Français"');
  if (dir !== "ltr" && dir !== "rtl") fail("dir", '"dir" must be "ltr" or "rtl"', "use rtl for Arabic, Hebrew, Persian, Urdu…; ltr otherwise");
  if (typeof numberingSystem !== "string" || !isNumberingSystem(numberingSystem)) {
    fail("numberingSystem", `"numberingSystem" is not a numbering system: ${JSON.stringify(numberingSystem)}`, 'use "latn" for 0-9, or e.g. "arab" for ٠-٩');
  }
  if (typeof complete !== "boolean") fail("complete", '"complete" must be true or false', "set it to true only when every section and string is translated");
  const range = expansion === undefined ? undefined : parseExpansion(expansion);
  if (range && "problem" in range) fail("expansion", range.problem, range.hint);
  if (exchange !== undefined && exchange !== "po" && exchange !== "xliff") {
    fail(
      "exchange",
      `"exchange" must be "po" or "xliff", not ${JSON.stringify(exchange)}`,
      'write "po" or "xliff" for a language translated through exported files (npm run locale:export), or remove the key for one edited in the markdown',
    );
  }
  if (glossary !== undefined && glossary !== "error" && glossary !== "warning") {
    fail(
      "glossary",
      `"glossary" must be "error" or "warning", not ${JSON.stringify(glossary)}`,
      'write "error" to hold every block to the glossary\'s renderings (content/glossary.yml), or remove the key for warnings',
    );
  }
  if (paper !== undefined && !PAPER_FAMILIES.includes(paper as PaperFamily)) {
    fail(
      "paper",
      `"paper" must be ${PAPER_FAMILIES.map((f) => `"${f}"`).join(" or ")}, not ${JSON.stringify(paper)}`,
      'write "letter" where readers buy US Letter paper (United States, Canada, Mexico, the Philippines…), "a4" where they buy A4, or remove the key to go by the locale\'s region',
    );
  }
  return {
    name: (name as string).trim(),
    dir: dir as Direction,
    numberingSystem: numberingSystem as string,
    complete: complete as boolean,
    ...(range ? { expansion: range as Expansion } : {}),
    ...(exchange !== undefined ? { exchange: exchange as Exchange } : {}),
    ...(glossary !== undefined ? { glossary: glossary as "error" | "warning" } : {}),
    ...(paper !== undefined ? { paper: paper as PaperFamily } : {}),
  };
}

function isNumberingSystem(value: string): boolean {
  try {
    return new Intl.NumberFormat("en", { numberingSystem: value }).resolvedOptions().numberingSystem === value;
  } catch {
    return false;
  }
}
