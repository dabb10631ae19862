// "Untranslated": text a translation still has exactly as the English. Text that may rightly
// stay the same (only placeholders, citation markers, digits, acronyms, or a proper name such
// as "Francesca Albanese") is never reported.
import { CITATION_PATTERN, MAY_HOLD_CITATION } from "../shared/markdown.ts";
import { singleSpaced } from "../shared/whitespace.ts";

/** What may rightly stay as it is, each with what a text must hold for the pattern to find anything (a quick search first: most texts hold none). */
const IGNORED: [pattern: RegExp, mayHold: (text: string) => boolean][] = [
  [CITATION_PATTERN, (text) => MAY_HOLD_CITATION.test(text)],
  [/\{\{[^}]*\}\}/g, (text) => text.includes("{{")], // {{count}}
  [/\$t\([^)]*\)/g, (text) => text.includes("$t(")], // $t(other.key)
  [/https?:\/\/\S+|mailto:\S+|\S+@\S+\.\S+/g, (text) => text.includes("://") || text.includes("mailto:") || text.includes("@")],
];

// Module constants: the TypeScript loader (esbuild, for Node) turns a \p{…} literal into a
// new RegExp(…), built again on every call where the literal stands inside a function.
const WORD_SEPARATOR = /[^\p{L}\p{M}'’-]+/u;
const WORD_EDGES = /^['’-]+|['’-]+$/g;
const TWO_LETTERS = /\p{L}.*\p{L}/u;
const TWO_CAPITALS = /\p{Lu}.*\p{Lu}/u;
const CAPITALISED = /^\p{Lu}/u;

/** Whether identical text in a translation means the translator has not translated it. */
export function needsTranslation(text: string): boolean {
  let rest = text;
  for (const [pattern, mayHold] of IGNORED) if (mayHold(rest)) rest = rest.replace(pattern, " ");
  // The words that count: two letters or more, and not two capitals (acronyms and product names
  // such as ICMs, GitHub, IMOD are kept as they are in every language). One of them not
  // capitalised says so at once; two or more capitalised words and nothing else are a name.
  let capitalised = 0;
  for (const part of rest.split(WORD_SEPARATOR)) {
    const word = part.replace(WORD_EDGES, "");
    if (!TWO_LETTERS.test(word) || TWO_CAPITALS.test(word)) continue;
    if (!CAPITALISED.test(word)) return true;
    capitalised++;
  }
  return capitalised === 1;
}

export function sameText(a: string, b: string): boolean {
  return singleSpaced(a).trim() === singleSpaced(b).trim();
}
