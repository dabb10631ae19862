// Names the Unicode script of a character, for messages ("Georgian", "Han"), with the
// regular-expression script property, so no table of ranges has to be kept here.
const SCRIPTS = [
  "Latin",
  "Greek",
  "Cyrillic",
  "Armenian",
  "Hebrew",
  "Arabic",
  "Syriac",
  "Thaana",
  "Nko",
  "Samaritan",
  "Mandaic",
  "Devanagari",
  "Bengali",
  "Gurmukhi",
  "Gujarati",
  "Oriya",
  "Tamil",
  "Telugu",
  "Kannada",
  "Malayalam",
  "Sinhala",
  "Thai",
  "Lao",
  "Tibetan",
  "Myanmar",
  "Georgian",
  "Hangul",
  "Ethiopic",
  "Cherokee",
  "Canadian_Aboriginal",
  "Ogham",
  "Runic",
  "Khmer",
  "Mongolian",
  "Hiragana",
  "Katakana",
  "Bopomofo",
  "Han",
  "Yi",
  "Tagalog",
  "Javanese",
  "Balinese",
  "Sundanese",
  "Tifinagh",
  "Vai",
  "Adlam",
  "Ol_Chiki",
  "Syloti_Nagri",
  "Tai_Le",
  "New_Tai_Lue",
  "Buginese",
  "Cham",
  "Tai_Viet",
  "Meetei_Mayek",
  "Lisu",
  "Bamum",
  "Hanifi_Rohingya",
  "Braille",
] as const;

const patterns = SCRIPTS.map((name) => [name.replace(/_/g, " "), new RegExp(`^\\p{Script=${name}}$`, "u")] as const);
const cache = new Map<string, string>();

/** "ა" → "Georgian"; punctuation and symbols → "symbols"; combining marks → "combining marks". */
export function scriptOf(char: string): string {
  let name = cache.get(char);
  if (name) return name;
  name =
    patterns.find(([, pattern]) => pattern.test(char))?.[0] ??
    (/^\p{Script=Inherited}$/u.test(char) ? "combining marks" : /^\p{Script=Common}$/u.test(char) ? "symbols" : `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`);
  cache.set(char, name);
  return name;
}

/** Characters grouped by script, in order of first appearance. */
export function byScript(chars: Iterable<string>): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const char of chars) {
    const script = scriptOf(char);
    groups.set(script, [...(groups.get(script) ?? []), char]);
  }
  return groups;
}

/** What a person does when a script has no print font (the same advice in the check and the build). */
export function addFontHint(script: string): string {
  return (
    `add a print font for ${script}: install an npm font package that covers it (Fontsource publishes most Noto fonts, ` +
    `e.g. npm install @fontsource/noto-sans-${script.toLowerCase().replace(/\s+/g, "-")} if it exists; static weights 400 and 700), ` +
    `then add an entry for it to PRINT_FONTS in scripts/print/fonts.ts (README: "Adding a script to the PDFs")`
  );
}
