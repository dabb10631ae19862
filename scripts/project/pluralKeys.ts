// Plural forms the i18next way (JSON v4): `pageCount_one`, `pageCount_other`, and ordinals
// `place_ordinal_two`. Each locale needs the categories its own plural rules have.
export const PLURAL_CATEGORIES = ["zero", "one", "two", "few", "many", "other"] as const;
export type PluralCategory = (typeof PLURAL_CATEGORIES)[number];

const SUFFIX = /^(.*?)(_ordinal)?_(zero|one|two|few|many|other)$/;

export interface PluralKey {
  /** The key without its suffix, e.g. home.pageCount. */
  base: string;
  ordinal: boolean;
  category: PluralCategory;
}

export function parsePluralKey(key: string): PluralKey | undefined {
  const match = SUFFIX.exec(key);
  if (!match) return undefined;
  return { base: match[1]!, ordinal: match[2] !== undefined, category: match[3] as PluralCategory };
}

export function pluralKey(base: string, ordinal: boolean, category: PluralCategory): string {
  return `${base}${ordinal ? "_ordinal" : ""}_${category}`;
}

const cache = new Map<string, PluralCategory[]>();

/** The categories a locale's plural rules use, in the usual order (zero … other). */
export function pluralCategories(locale: string, ordinal = false): PluralCategory[] {
  const cacheKey = `${locale}/${ordinal}`;
  let categories = cache.get(cacheKey);
  if (!categories) {
    const used = new Set(new Intl.PluralRules(locale, { type: ordinal ? "ordinal" : "cardinal" }).resolvedOptions().pluralCategories);
    categories = PLURAL_CATEGORIES.filter((c) => used.has(c));
    cache.set(cacheKey, categories);
  }
  return categories;
}

/**
 * The plural groups of the source strings: a key is a plural form when the source has the
 * group's `_other` form (i18next needs it), so `file_one` alone stays an ordinary key.
 */
export function pluralGroups(sourceKeys: Iterable<string>): Map<string, { base: string; ordinal: boolean }> {
  const keys = new Set(sourceKeys);
  const groups = new Map<string, { base: string; ordinal: boolean }>();
  for (const key of keys) {
    const plural = parsePluralKey(key);
    if (plural && keys.has(pluralKey(plural.base, plural.ordinal, "other"))) {
      groups.set(`${plural.base}${plural.ordinal ? "_ordinal" : ""}`, { base: plural.base, ordinal: plural.ordinal });
    }
  }
  return groups;
}
