// "Untranslated": text a translation still has exactly as the English. Text that may rightly
// stay the same (only placeholders, citation markers, digits, acronyms, or a proper name such
// as "Francesca Albanese") is never reported.
import { CITATION_PATTERN } from "../content/markdown.ts";
import { singleSpaced } from "../shared/whitespace.ts";

const IGNORED = [
  /\{\{[^}]*\}\}/g, // {{count}}
  /\$t\([^)]*\)/g, // $t(other.key)
  /https?:\/\/\S+|mailto:\S+|\S+@\S+\.\S+/g,
];

/** Whether identical text in a translation means the translator has not translated it. */
export function needsTranslation(text: string): boolean {
  let rest = text.replace(CITATION_PATTERN, " ");
  for (const pattern of IGNORED) rest = rest.replace(pattern, " ");
  const words = rest
    .split(/[^\p{L}\p{M}'’-]+/u)
    .map((w) => w.replace(/^['’-]+|['’-]+$/g, ""))
    // Acronyms and product names (ICMs, GitHub, IMOD) are kept as they are in every language.
    .filter((w) => /\p{L}.*\p{L}/u.test(w) && !/\p{Lu}.*\p{Lu}/u.test(w));
  if (words.length === 0) return false;
  // Two or more capitalised words and nothing else: a name.
  if (words.length >= 2 && words.every((w) => /^\p{Lu}/u.test(w))) return false;
  return true;
}

export function sameText(a: string, b: string): boolean {
  return singleSpaced(a).trim() === singleSpaced(b).trim();
}
