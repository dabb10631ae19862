// Finding a glossary rendering in a translated text the way a reader of that language would:
// case, diacritics, letter variants and attached prefixes do not hide a word.
//
//   matchText(text)               the text as matched: lower case, words split by one space,
//                                 padded with a space at both ends; worked out once per text
//   compileRendering(r, code)     a rendering (one or more words) ready to look for in a locale
//   hasRendering(matched, r)      whether the matched text holds it as whole words
//
// What is the same letter: Arabic tashkeel (U+064B–U+065F, U+0670) and tatweel (U+0640) are
// ignored; أ إ آ ٱ are ا; ى and the Persian ی are ي; the Persian ک is ك; ة is ه (it only ends a
// word); Hebrew points and cantillation are ignored; a zero-width non-joiner (Persian
// می‌خواهد) separates words. Latin letters keep their accents (é is not e).
// What may come before a word: in Arabic the clitics و ف ب ك ل and the article ال in their
// combinations (وال، بال، فال، كال، لل، وبال، ولل…); in Hebrew the prefixes ו ה ב ל מ ש כ (up to
// four, as in וכשה, and the ה of a definite word dropped after ב ל כ). Other languages: nothing, whole words.
// Prefixes attach to the first word of a rendering; its other words match as written.
// Scripts written without spaces (Chinese, Japanese, Thai…) match anywhere.

const MAY_NEED_FOLDING = /[\u0590-\u08ff\u200c\u200d\ufb1d-\ufefc]/;
const MARKS = /[\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06ed\u200d]/g;
const LETTERS = /[أإآٱىیکة\u200c]/g;
const LETTER_OF: Record<string, string> = { "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ک": "ك", "ة": "ه", "\u200c": " " };
const NON_WORD = /[^\p{L}\p{N}\p{M}]+/gu;
const UNSPACED = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;

/** A text as matched: folded letters, lower case, one space between words and at both ends. */
export function matchText(text: string): string {
  if (MAY_NEED_FOLDING.test(text)) text = text.replace(MARKS, "").replace(LETTERS, (c) => LETTER_OF[c]!);
  return ` ${text.normalize("NFC").toLowerCase().replace(NON_WORD, " ").trim()} `;
}

type Prefixes = "arabic" | "hebrew" | "none";

export interface CompiledRendering {
  /** As the glossary writes it, for messages. */
  written: string;
  /** What is looked for in a matched text (the whole rendering, less a letter a prefix may absorb). */
  core: string;
  /** The words before `core` in the text's word must be one of the language's prefixes. */
  prefixOk: (prefix: string) => boolean;
  /** Scripts without spaces between words: any occurrence counts. */
  anywhere: boolean;
}

const ARABIC_PREFIX = /^[وف]?(?:[بك]?(?:ال)?|لل?)$/;
const ARABIC_BEFORE_ARTICLE = /^[وف]?[بك]?$/;
const HEBREW_PREFIX = /^[ומשהבלכ]{0,4}$/;
const NO_PREFIX = (prefix: string) => prefix === "";

/** The prefixes a language attaches to a word: by the language subtag of the locale code. */
function prefixesOf(code: string): Prefixes {
  const language = code.split("-")[0]!.toLowerCase();
  return language === "ar" ? "arabic" : language === "he" || language === "iw" ? "hebrew" : "none";
}

export function compileRendering(written: string, code: string): CompiledRendering {
  const matched = matchText(written).trim();
  const anywhere = UNSPACED.test(matched);
  const prefixes = prefixesOf(code);
  if (prefixes === "arabic" && matched.startsWith("ال") && matched.length > 3) {
    // الدعم is also written للدعم (ل + ال) and بالدعم: look for لدعم, then check what comes before.
    return { written, core: matched.slice(1), anywhere, prefixOk: (p) => (p.endsWith("ا") && ARABIC_BEFORE_ARTICLE.test(p.slice(0, -1))) || p === "ل" || p === "ول" || p === "فل" };
  }
  if (prefixes === "hebrew" && matched.startsWith("ה") && matched.length > 2) {
    // הבית is also written בבית, לבית (the ה dropped after ב ל כ) and והבית.
    return { written, core: matched.slice(1), anywhere, prefixOk: (p) => (p.endsWith("ה") && HEBREW_PREFIX.test(p.slice(0, -1))) || (/[בלכ]$/.test(p) && HEBREW_PREFIX.test(p)) };
  }
  const prefixOk = prefixes === "arabic" ? (p: string) => ARABIC_PREFIX.test(p) : prefixes === "hebrew" ? (p: string) => HEBREW_PREFIX.test(p) : NO_PREFIX;
  return { written, core: matched, anywhere, prefixOk };
}

/** Whether `matched` (from matchText) holds the rendering as whole words, prefixes allowed. */
export function hasRendering(matched: string, rendering: CompiledRendering): boolean {
  const { core } = rendering;
  if (core === "") return false;
  for (let at = matched.indexOf(core); at >= 0; at = matched.indexOf(core, at + 1)) {
    if (rendering.anywhere) return true;
    if (matched.charCodeAt(at + core.length) !== 32) continue;
    const start = matched.lastIndexOf(" ", at - 1) + 1;
    if (rendering.prefixOk(matched.slice(start, at))) return true;
  }
  return false;
}
