// Placeholders in UI strings: i18next interpolations ({{name}}, {{- name}}, {{value, number}})
// and nestings ($t(other.key)). A translation must keep exactly the English ones.
const INTERPOLATION = /\{\{-?\s*([^},\s]+)[^}]*\}\}/g;
const NESTING = /\$t\(\s*([^,)\s]+)[^)]*\)/g;

/** The placeholders of a string, written the canonical way: {{name}} and $t(key). */
function placeholdersOf(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(INTERPOLATION)) found.push(`{{${match[1]}}}`);
  for (const match of text.matchAll(NESTING)) found.push(`$t(${match[1]})`);
  return found;
}

export interface PlaceholderDifference {
  missing: string[];
  extra: string[];
}

/** What the translation lacks and what it has that the English does not; `optional` may be left out. */
export function comparePlaceholders(source: string, translation: string, optional: ReadonlySet<string> = new Set()): PlaceholderDifference {
  const wanted = new Set(placeholdersOf(source));
  const have = new Set(placeholdersOf(translation));
  return {
    missing: [...wanted].filter((p) => !have.has(p) && !optional.has(p)),
    extra: [...have].filter((p) => !wanted.has(p)),
  };
}
