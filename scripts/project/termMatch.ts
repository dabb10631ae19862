// Finding a glossary rendering in a translated text the way a reader of that language would:
// case, diacritics, letter variants and attached prefixes do not hide a word.
//
//   foldText(text)                the text as matched: folded letters, lower case, single spaces
//   compileRendering(r, code)     a rendering (one or more words) ready to look for in a locale
//   hasRendering(text, r)         whether a folded text holds it as whole words
//   writtenHas(text, r)           the same for a text as written, where only true is sure (it
//                                 looks for the rendering as the glossary and a sentence start
//                                 write it): most texts never need folding
//   anyOf(renderings)             one pattern over texts as written that finds where any of them
//                                 may be, variants, marks and case included (then fold and look)
//
// What is the same letter: Arabic tashkeel (U+064B–U+065F, U+0670) and tatweel (U+0640) are
// ignored; أ إ آ ٱ are ا; ى and the Persian ی are ي; the Persian ک is ك; ة is ه (it only ends a
// word); Hebrew points and cantillation are ignored; a zero-width non-joiner (Persian
// می‌خواهد) separates words. Latin letters keep their accents (é is not e).
// What may come before a word: in Arabic the clitics و ف ب ك ل and the article ال in their
// combinations (وال، بال، فال، كال، لل، وبال، ولل…); in Hebrew the prefixes ו ה ב ל מ ש כ (up to
// four, as in וכשה, and the ה of a definite word dropped after ב ל כ). Other languages: nothing, whole words.
// Prefixes attach to the first word of a rendering; its other words match as written, one space
// apart (a hyphenated spelling is another spelling).
// Scripts written without spaces (Chinese, Japanese, Thai…) match anywhere.

const MAY_NEED_FOLDING = /[\u0590-\u08ff\ufb1d-\ufefc]|\u200c|\u200d/;
// oxlint-disable-next-line no-misleading-character-class -- each mark is matched on its own (and removed), never as part of the character before it
const MARKS = /[\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06ed\u200d]/g;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
/** Runs of white space other than one space (the texts are joined by line breaks, which stay). */
const SPACES = /[^\S\n]{2,}|[^\S \n]/g;
const UNSPACED = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;

function fold(text: string): string {
  // Fixed replacements, no callback: this runs over every text of every translation.
  if (MAY_NEED_FOLDING.test(text)) {
    text = text
      .replace(MARKS, "")
      .replace(/[أإآٱ]/g, "ا")
      .replace(/[ىی]/g, "ي")
      .replace(/ک/g, "ك")
      .replace(/ة/g, "ه")
      .replace(/\u200c/g, " ");
  }
  return text.normalize("NFC").toLowerCase().replace(SPACES, " ");
}

/** What a folded letter may be written as, and what may stand between letters, in a text as written. */
const VARIANTS: Record<string, string> = { ا: "[اأإآٱ]", ي: "[يىی]", ه: "[هة]", ك: "[كک]", " ": "[\\s\\u200c]+" };
const BETWEEN = "[\\u0591-\\u05c7\\u0610-\\u061a\\u0640\\u064b-\\u065f\\u0670\\u06d6-\\u06ed\\u200d]*";
const FOLDED_SCRIPT = /[\u0590-\u08ff]/;

/** A pattern (source) for a folded text as it may be written: letter variants, marks and tatweel between letters (case: the i flag). */
function looseSource(folded: string): string {
  let source = "";
  for (const c of folded) {
    if (source !== "" && FOLDED_SCRIPT.test(c)) source += BETWEEN;
    source += loosePiece(c);
  }
  return source;
}

/** A folded letter (or space) as the text may write it. */
function loosePiece(c: string): string {
  return VARIANTS[c] ?? c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/** A text as matched: folded letters, lower case, single spaces. */
export function foldText(text: string): string {
  return fold(text);
}

/** Whether a character is part of a word: a letter, digit or mark (the common ranges without a regex: this runs at every match). */
function isWordChar(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (Number.isNaN(c)) return false;
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a);
  if ((c >= 0x0621 && c <= 0x064a) || (c >= 0x05d0 && c <= 0x05ea) || (c >= 0x00e0 && c <= 0x024f && c !== 0x00f7)) return true;
  return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(at) ?? c)) || (c >= 0xdc00 && c <= 0xdfff && WORD_CHAR.test(text.slice(at - 1, at + 1)));
}

type Prefixes = "arabic" | "hebrew" | "none";

export interface CompiledRendering {
  /** As the glossary writes it, for messages. */
  written: string;
  /** What is looked for in a folded text (the whole rendering, less a letter a prefix may absorb). */
  core: string;
  /** The letters before `core` in the text's word must be one of the language's prefixes. */
  prefixOk: (prefix: string) => boolean;
  /** Scripts without spaces between words: any occurrence counts. */
  anywhere: boolean;
  /** A pattern for `core` as a text may write it (anyOf). */
  loose: string;
  /** `core` as the glossary writes it and capitalized: found in a text as written, it is found folded too. */
  asWritten: string[];
}

/** Every Arabic prefix: و or ف, then ب or ك with or without the article, or the article alone, or ل, or لل (ل + ال). */
const ARABIC_PREFIXES: ReadonlySet<string> = new Set(["", "و", "ف"].flatMap((conjunction) => ["", "ب", "ك", "ال", "بال", "كال", "ل", "لل"].map((rest) => conjunction + rest)));
/** What may come before an article that is written: الدعم, بالدعم, وبالدعم. */
const ARABIC_BEFORE_ARTICLE: ReadonlySet<string> = new Set(["", "و", "ف"].flatMap((conjunction) => ["", "ب", "ك"].map((rest) => conjunction + rest)));
const HEBREW_PREFIX = /^[ומשהבלכ]{0,4}$/;
const NO_PREFIX = (prefix: string) => prefix === "";
/** The most letters a prefix has (Hebrew וכשה). */
const LONGEST_PREFIX = 4;

/** The prefixes a language attaches to a word: by the language subtag of the locale code. */
function prefixesOf(code: string): Prefixes {
  const language = code.split("-")[0]!.toLowerCase();
  return language === "ar" ? "arabic" : language === "he" || language === "iw" ? "hebrew" : "none";
}

export function compileRendering(written: string, code: string): CompiledRendering {
  const plain = written.replace(/\s+/g, " ").trim().normalize("NFC");
  const folded = fold(plain);
  const anywhere = UNSPACED.test(folded);
  const prefixes = prefixesOf(code);
  const shape = (skip: number) => {
    const core = folded.slice(skip);
    // Only a text as written that folds to the core may be looked for as written; mark-free forms of a case-less script always do.
    const own = fold(plain.slice(skip)) === core ? [plain.slice(skip)] : [];
    // The glossary's spelling first where it differs by more than case (أ, ة, marks): a text that follows the glossary writes it so, and the folded core would be looked for through the whole text in vain.
    const first = own.length > 0 && own[0]!.toLowerCase() !== core ? [...own, core] : [core, ...own];
    const asWritten = [...new Set(first.flatMap((w) => [w, w.charAt(0).toUpperCase() + w.slice(1)]))].filter((w) => fold(w) === core && w !== "");
    return { written, anywhere, core, loose: looseSource(core), asWritten };
  };
  if (prefixes === "arabic" && folded.startsWith("ال") && folded.length > 3) {
    // الدعم is also written للدعم (ل + ال) and بالدعم: look for لدعم, then check what comes before.
    return { ...shape(1), prefixOk: (p) => (p.endsWith("ا") && ARABIC_BEFORE_ARTICLE.has(p.slice(0, -1))) || p === "ل" || p === "ول" || p === "فل" };
  }
  if (prefixes === "hebrew" && folded.startsWith("ה") && folded.length > 2) {
    // הבית is also written בבית, לבית (the ה dropped after ב ל כ) and והבית.
    return { ...shape(1), prefixOk: (p) => (p.endsWith("ה") && HEBREW_PREFIX.test(p.slice(0, -1))) || (/[בלכ]$/.test(p) && HEBREW_PREFIX.test(p)) };
  }
  const prefixOk = prefixes === "arabic" ? (p: string) => ARABIC_PREFIXES.has(p) : prefixes === "hebrew" ? (p: string) => HEBREW_PREFIX.test(p) : NO_PREFIX;
  return { ...shape(0), prefixOk };
}

/** Whether a folded text (foldText) holds the rendering as whole words, prefixes allowed. */
export function hasRendering(folded: string, rendering: CompiledRendering): boolean {
  return holds(folded, rendering.core, rendering);
}

/** Whether a text as written holds the rendering as the glossary (or a sentence start) writes it: true is sure, false is not. */
export function writtenHas(text: string, rendering: CompiledRendering): boolean {
  for (const needle of rendering.asWritten) if (holds(text, needle, rendering)) return true;
  return false;
}

/** Whether a text as written holds one of the rendering's forms as written (`needle`, one of its asWritten): writtenHas, form by form. */
export function writtenHasForm(text: string, needle: string, rendering: CompiledRendering): boolean {
  return holds(text, needle, rendering);
}

function holds(text: string, needle: string, { anywhere, prefixOk }: CompiledRendering): boolean {
  if (needle === "") return false;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    if (anywhere) return true;
    if (isWordChar(text, at + needle.length)) continue;
    if (prefixOk === NO_PREFIX) {
      if (!isWordChar(text, at - 1)) return true;
      continue;
    }
    let start = at;
    while (start > at - LONGEST_PREFIX - 1 && isWordChar(text, start - 1)) start--;
    if (!isWordChar(text, start - 1) && prefixOk(text.slice(start, at))) return true;
  }
  return false;
}

/**
 * Two letters in a row of each rendering (one where it has no two), the rarest in `sample` (text in
 * the same language), as anyOf's pattern writes them and with its flag: a text this does not match,
 * anyOf does not match either, and a rare pair rules out most texts much sooner than the whole pattern.
 */
export function rareLetters(renderings: readonly CompiledRendering[], sample: string): RegExp | undefined {
  const counts = new Map<string, number>();
  const folded = [...foldText(sample)];
  folded.forEach((c, i) => {
    counts.set(c, (counts.get(c) ?? 0) + 1);
    if (i > 0) counts.set(folded[i - 1]! + c, (counts.get(folded[i - 1]! + c) ?? 0) + 1);
  });
  const count = (text: string) => counts.get(text) ?? 0;
  const pieces = new Set<string>();
  for (const { core } of renderings) {
    const letters = [...core];
    let best: { piece: string; score: number[] } | undefined;
    letters.forEach((c, i) => {
      const next = letters[i + 1];
      if (c === " " || (next === " " && letters.length > 1)) return;
      // Rarest pair first, then the rarer letters; a rendering of one letter (or whose letters stand alone) is looked for by a letter.
      const score = next === undefined ? [Infinity, count(c)] : [count(c + next), count(c) + count(next)];
      const piece = next === undefined ? loosePiece(c) : loosePiece(c) + (FOLDED_SCRIPT.test(next) ? BETWEEN : "") + loosePiece(next);
      // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator: speed only: any letters of the rendering rule out as surely
      if (!best || score[0]! < best.score[0]! || (score[0] === best.score[0] && score[1]! < best.score[1]!)) best = { piece, score };
    });
    if (best) pieces.add(best.piece);
  }
  return pieces.size === 0 ? undefined : new RegExp([...pieces].join("|"), "i");
}

/** One pattern for where any of the renderings may occur in texts as written: a text it does not match holds none of them. */
export function anyOf(renderings: readonly CompiledRendering[]): RegExp | undefined {
  const sources = [...new Set(renderings.filter((r) => r.core !== "").map((r) => r.loose))];
  return sources.length === 0 ? undefined : new RegExp(sources.join("|"), "i");
}
