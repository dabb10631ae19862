// "Untranslated": text a translation still has exactly as the English. Text that may rightly
// stay the same (only placeholders, citation markers, digits, acronyms, or a proper name such
// as "Francesca Albanese") is never reported.
import { CITATION_PATTERN } from "../shared/markdown.ts";
import { singleSpaced } from "../shared/whitespace.ts";

const IGNORED = [
  /\{\{[^}]*\}\}/g, // {{count}}
  /\$t\([^)]*\)/g, // $t(other.key)
  /https?:\/\/\S+|mailto:\S+|\S+@\S+\.\S+/g,
];

// Module constants: the TypeScript loader (esbuild, for Node) turns a \p{…} literal into a
// new RegExp(…), built again on every call where the literal stands inside a function.
const WORD_SEPARATOR = /[^\p{L}\p{M}'’-]+/u;
const TWO_LETTERS = /\p{L}.*\p{L}/u;
const TWO_CAPITALS = /\p{Lu}.*\p{Lu}/u;
const CAPITALISED = /^\p{Lu}/u;

/** Whether identical text in a translation means the translator has not translated it. */
export function needsTranslation(text: string): boolean {
  let rest = text.replace(CITATION_PATTERN, " ");
  for (const pattern of IGNORED) rest = rest.replace(pattern, " ");
  const words = rest
    .split(WORD_SEPARATOR)
    .map((w) => w.replace(/^['’-]+|['’-]+$/g, ""))
    // Acronyms and product names (ICMs, GitHub, IMOD) are kept as they are in every language.
    .filter((w) => TWO_LETTERS.test(w) && !TWO_CAPITALS.test(w));
  if (words.length === 0) return false;
  // Two or more capitalised words and nothing else: a name.
  if (words.length >= 2 && words.every((w) => CAPITALISED.test(w))) return false;
  return true;
}

export function sameText(a: string, b: string): boolean {
  return singleSpaced(a).trim() === singleSpaced(b).trim();
}
