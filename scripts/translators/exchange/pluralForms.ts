// The PO header's Plural-Forms for a locale, with its forms in the order of the locale's CLDR
// plural categories (Intl.PluralRules), as i18next's _zero … _other keys use them. Each
// expression here is the usual gettext one, checked against Intl.PluralRules before it is used.
import { pluralCategories, type PluralCategory } from "../../project/pluralKeys.ts";

export interface PluralForms {
  /** The header value, e.g. "nplurals=2; plural=(n != 1);". */
  header: string;
  /** msgstr[i] holds the form for categories[i]. */
  categories: PluralCategory[];
}

const KNOWN: { categories: PluralCategory[]; expression: string }[] = [
  { categories: ["other"], expression: "0" },
  { categories: ["one", "other"], expression: "(n != 1)" },
  { categories: ["one", "other"], expression: "(n > 1)" },
  { categories: ["one", "many", "other"], expression: "(n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2)" },
  { categories: ["zero", "one", "two", "few", "many", "other"], expression: "(n == 0 ? 0 : n == 1 ? 1 : n == 2 ? 2 : n % 100 >= 3 && n % 100 <= 10 ? 3 : n % 100 >= 11 ? 4 : 5)" },
  { categories: ["one", "few", "many", "other"], expression: "(n % 10 == 1 && n % 100 != 11 ? 0 : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? 1 : 2)" },
  { categories: ["one", "few", "many", "other"], expression: "(n == 1 ? 0 : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? 1 : 2)" },
  { categories: ["one", "few", "many", "other"], expression: "(n == 1 ? 0 : n >= 2 && n <= 4 ? 1 : 3)" },
  { categories: ["one", "two", "other"], expression: "(n == 1 ? 0 : n == 2 ? 1 : 2)" },
  { categories: ["one", "many", "other"], expression: "(n == 0 || n == 1 ? 0 : n % 1000000 == 0 ? 1 : 2)" },
  { categories: ["one", "few", "other"], expression: "(n == 1 ? 0 : n == 0 || n % 100 >= 1 && n % 100 <= 19 ? 1 : 2)" },
];

/** Whether the expression picks the same category as Intl.PluralRules for every whole number up to 1000. */
function agrees(locale: string, categories: PluralCategory[], expression: string): boolean {
  const rules = new Intl.PluralRules(locale);
  const pick = new Function("n", `return Number(${expression});`) as (n: number) => number;
  for (let n = 0; n <= 1000; n++) {
    if (categories[pick(n)] !== rules.select(n)) return false;
  }
  return true;
}

export function pluralForms(locale: string): PluralForms {
  const categories = pluralCategories(locale);
  const known = KNOWN.find((k) => k.categories.join() === categories.join() && agrees(locale, categories, k.expression));
  if (!known) {
    throw new Error(`no gettext Plural-Forms expression known for "${locale}" (plural categories ${categories.join(", ")}): add one to scripts/translators/exchange/pluralForms.ts`);
  }
  return { header: `nplurals=${categories.length}; plural=${known.expression};`, categories };
}
