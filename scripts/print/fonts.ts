// Fonts for the printed documents only (the web site uses the reader's system fonts): one
// entry per script, each an npm font package. Fonts follow locales: package.json lists only the
// packages the project's locales need (npm run locale:new adds one), so a font whose package is
// not installed is left out of the pages' CSS, and text only it would print is named as uncovered,
// with the command that installs it (printFontHint). The print pages declare
// them with @font-face and unicode-range, so Chromium loads and a PDF embeds only the faces
// (and glyphs) its text uses. The files are read from node_modules, never copied into _site/:
// the PDF build's loopback server (and `npm start`) serves them under PRINT_FONTS_URL.
//
// Chosen for text extraction, tested with pdftotext on Chromium's PDFs (tests/print-scripts.test.ts):
// Amiri for Arabic, Persian and Urdu, because with the Noto Arabic fonts pdftotext splits words
// (dotted letters drawn as a dotless base and a separate dot), and with IBM Plex Sans Arabic and
// Cairo ligatures come out reversed. Every weight the print CSS uses is shipped: a weight left out
// would be faked by Chromium and embedded as a Type 3 font. Static (not variable) packages, for
// the same reason.
import { createRequire } from "node:module";
import { existsSync, readFileSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { addFontHint, scriptOf } from "./writingSystems.ts";
import { unicodeEscape } from "../shared/printable.ts";

export const PRINT_FONT_WEIGHTS = [400, 700] as const;
/** Where the font files are served from, relative to the site root. */
const PRINT_FONTS_URL = "/assets/print/fonts/";

export interface PrintFont {
  /** What it prints, in the words of the README (and of error messages). */
  label: string;
  /** Unicode scripts (names as in \p{Script=…}) whose letters this font prints. */
  scripts: readonly string[];
  /** Languages (for :lang()) whose text takes this family before the others. */
  languages: readonly string[];
  family: string;
  npm: string;
  /** Fontsource subsets used (from the package's unicode.json); "numbered": its numbered slices (CJK). */
  subsets: readonly string[] | "numbered";
  /** Embedded fonts of this family are named so in a PDF (the PostScript name, after the subset tag). */
  pdfName: string;
  /** More CSS for text in these languages. */
  css?: string;
}

/**
 * The registry: script → font. The order is the fallback order for text whose language has no
 * entry of its own (Han from a Chinese, Japanese or Korean page each take their own family).
 */
export const PRINT_FONTS: readonly PrintFont[] = [
  {
    label: "Latin (with Vietnamese and Latin Extended), Cyrillic, Greek",
    scripts: ["Latin", "Cyrillic", "Greek"],
    languages: [],
    family: "IBM Plex Sans",
    npm: "@fontsource/ibm-plex-sans",
    subsets: ["latin", "latin-ext", "vietnamese", "cyrillic", "cyrillic-ext", "greek"],
    pdfName: "IBMPlexSans",
  },
  {
    label: "Arabic (Arabic, Persian, Urdu)",
    scripts: ["Arabic"],
    languages: ["ar", "fa", "ur", "ps", "ckb", "sd", "ug"],
    family: "Amiri",
    npm: "@fontsource/amiri",
    // The "arabic" subset has no Latin letters or digits: the Latin subsets of the same design
    // cover names, digits and punctuation inside Arabic text.
    subsets: ["arabic", "latin", "latin-ext"],
    pdfName: "Amiri",
    // Amiri's kerning tucks letters (yeh under reh) so tightly that text extraction splits the
    // word there ("العسكر ية"): without it, searching the PDF finds the words.
    css: "font-kerning: none;",
  },
  { label: "Hebrew", scripts: ["Hebrew"], languages: ["he", "yi"], family: "Noto Sans Hebrew", npm: "@fontsource/noto-sans-hebrew", subsets: ["hebrew"], pdfName: "NotoSansHebrew" },
  {
    label: "Devanagari",
    scripts: ["Devanagari"],
    languages: ["hi", "mr", "ne", "sa"],
    family: "Noto Sans Devanagari",
    npm: "@fontsource/noto-sans-devanagari",
    subsets: ["devanagari"],
    pdfName: "NotoSansDevanagari",
  },
  { label: "Bengali", scripts: ["Bengali"], languages: ["bn", "as"], family: "Noto Sans Bengali", npm: "@fontsource/noto-sans-bengali", subsets: ["bengali"], pdfName: "NotoSansBengali" },
  { label: "Thai", scripts: ["Thai"], languages: ["th"], family: "Noto Sans Thai", npm: "@fontsource/noto-sans-thai", subsets: ["thai"], pdfName: "NotoSansThai" },
  {
    label: "Chinese (Simplified)",
    scripts: ["Han"],
    languages: ["zh", "zh-Hans", "zh-CN", "zh-SG"],
    family: "Noto Sans SC",
    npm: "@fontsource/noto-sans-sc",
    subsets: "numbered",
    pdfName: "NotoSansSC",
  },
  {
    label: "Chinese (Traditional)",
    scripts: ["Han"],
    languages: ["zh-Hant", "zh-TW", "zh-HK", "zh-MO"],
    family: "Noto Sans TC",
    npm: "@fontsource/noto-sans-tc",
    subsets: "numbered",
    pdfName: "NotoSansTC",
  },
  { label: "Japanese", scripts: ["Hiragana", "Katakana", "Han"], languages: ["ja"], family: "Noto Sans JP", npm: "@fontsource/noto-sans-jp", subsets: "numbered", pdfName: "NotoSansJP" },
  { label: "Korean", scripts: ["Hangul", "Han"], languages: ["ko"], family: "Noto Sans KR", npm: "@fontsource/noto-sans-kr", subsets: "numbered", pdfName: "NotoSansKR" },
];

export interface FontFile {
  font: PrintFont;
  weight: number;
  /** The face's unicode-range, as CSS writes it. */
  range: string;
  /** Absolute path of the file in node_modules. */
  source: string;
  /** File name, the same under PRINT_FONTS_URL. */
  name: string;
}

export type Interval = readonly [number, number];

export interface Face {
  font: PrintFont;
  subset: string;
  range: string;
  intervals: Interval[];
  files: FontFile[];
}

class PrintFontPackageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PrintFontPackageError";
  }
}

/** "U+0000-00FF,U+0131" → [[0, 255], [305, 305]] */
export function parseUnicodeRange(range: string): Interval[] {
  return range.split(",").map((part) => {
    const [start, end = start] = part.trim().replace(/^U\+/i, "").split("-");
    return [parseInt(start!, 16), parseInt(end!, 16)] as const;
  });
}

// Resolved from the project's code, wherever the content being built lives.
const require = createRequire(import.meta.url);

/**
 * Folders searched before node_modules, each holding @fontsource/<name>/ packages: the
 * PRINT_FONT_PACKAGES environment variable (path-delimited). The tests set it to
 * tests/fixtures/print-fonts/, subsets of the real fonts for the fixture locales' text, so the
 * fixtures in every script run without the CJK packages' 280 MB.
 */
function extraPackageDirs(): string[] {
  return (process.env.PRINT_FONT_PACKAGES ?? "").split(delimiter).filter(Boolean);
}

/** Where a font package is, or undefined when it is not installed. */
function lookUpPackage(npm: string): string | undefined {
  for (const dir of extraPackageDirs()) if (existsSync(join(dir, npm, "unicode.json"))) return join(dir, npm);
  try {
    return dirname(require.resolve(`${npm}/package.json`));
  } catch {
    return undefined;
  }
}

let lookUp = lookUpPackage;
const found = new Map<string, string | undefined>();

function findPackage(npm: string): string | undefined {
  const key = `${npm}\n${process.env.PRINT_FONT_PACKAGES ?? ""}`;
  if (!found.has(key)) found.set(key, lookUp(npm));
  return found.get(key);
}

/**
 * For the tests: which font packages count as installed (a machine without the CJK packages, on
 * one with them); no argument restores the real lookup. What was read and learned is forgotten.
 */
export function setPrintFontLookup(lookup: (npm: string, real: (npm: string) => string | undefined) => string | undefined = (npm, real) => real(npm)): void {
  lookUp = (npm) => lookup(npm, lookUpPackage);
  found.clear();
  facesByFont.clear();
  bmpCoverage.fill(0);
  astralCoverage.clear();
  knownIntervals = [];
  // oxlint-disable-next-line no-control-regex -- control characters need no font: the search skips them
  unknownCharacter = /[^\0-\x1f\s]/g;
  routes = undefined;
}

/** Whether the font's package is installed (fonts follow locales: most are not). */
function printFontInstalled(font: PrintFont): boolean {
  return findPackage(font.npm) !== undefined;
}

function packageDir(npm: string): string {
  const dir = findPackage(npm);
  if (!dir) throw new PrintFontPackageError(`the print font package ${npm} is not installed (scripts/print/fonts.ts names it)\n  → run npm install ${npm}`);
  return dir;
}

/**
 * What to do about letters of `script` that no installed print font covers: install the
 * registered font's package when there is one, else add a font (README: "Adding a script to the PDFs").
 */
export function printFontHint(script: string): string {
  const font = PRINT_FONTS.find((f) => f.scripts.includes(script) && !printFontInstalled(f));
  if (!font) return addFontHint(script);
  return (
    `install the print font for ${font.label}, ${font.family}: npm install ${font.npm} ` +
    `(it adds the package to package.json, and npm run setup installs it from then on; npm run locale:new does this for a new locale)`
  );
}

/**
 * The print fonts a locale's pages need: the Latin font (names, digits, the English a page
 * falls back to) and the locale's own, by language (ja → Noto Sans JP) or else by the script
 * Intl gives it (mai → Devanagari). A script no font covers gives no font: the check says so.
 */
export function printFontsForLocale(code: string): PrintFont[] {
  const latin = PRINT_FONTS[0]!;
  let own = ownFont(code);
  if (!own) {
    let script: string | undefined;
    try {
      script = new Intl.Locale(code).maximize().script;
    } catch {
      script = undefined;
    }
    // Han takes its font by the language's form of it; the others by their Unicode script name.
    const byTag: Record<string, string> = { Hans: "zh-Hans", Hant: "zh-Hant", Jpan: "ja", Kore: "ko" };
    const byScript: Record<string, string> = { Latn: "Latin", Cyrl: "Cyrillic", Grek: "Greek", Arab: "Arabic", Hebr: "Hebrew", Deva: "Devanagari", Beng: "Bengali", Thai: "Thai" };
    const tag = script && byTag[script];
    const name = script && byScript[script];
    if (tag) own = ownFont(tag);
    else if (name) own = PRINT_FONTS.find((f) => f.scripts.includes(name));
  }
  return own && own !== latin ? [latin, own] : [latin];
}

const facesByFont = new Map<PrintFont, Face[]>();

/** Every face of every print font, in registry order, read from the packages' unicode.json. */
function printFontFaces(): Face[] {
  return PRINT_FONTS.flatMap(facesOf);
}

/** One font's faces, read when first needed (the check reads only the packages it needs). */
function facesOf(font: PrintFont): Face[] {
  let faces = facesByFont.get(font);
  if (!faces) {
    // A font not installed has no faces: its letters are uncovered, and printFontHint names its package.
    faces = printFontInstalled(font) ? readFaces(font) : [];
    facesByFont.set(font, faces);
  }
  return faces;
}

function readFaces(font: PrintFont): Face[] {
  const dir = packageDir(font.npm);
  const ranges = JSON.parse(readFileSync(join(dir, "unicode.json"), "utf8")) as Record<string, string>;
  const base = font.npm.replace(/^@fontsource\//, "");
  const subsets = font.subsets === "numbered" ? Object.keys(ranges).filter((s) => /^\[\d+\]$/.test(s)) : font.subsets;
  return subsets.map((subset): Face => {
    const range = ranges[subset];
    if (!range) throw new PrintFontPackageError(`${font.npm} has no subset "${subset}" (scripts/print/fonts.ts asks for it)\n  → pick subsets from node_modules/${font.npm}/unicode.json`);
    const slug = subset.replace(/^\[(\d+)\]$/, "$1");
    const files = PRINT_FONT_WEIGHTS.map((weight) => {
      const name = `${base}-${slug}-${weight}-normal.woff2`;
      return { font, weight, range, source: join(dir, "files", name), name };
    });
    return { font, subset, range, intervals: parseUnicodeRange(range), files };
  });
}

export function printFontFiles(): FontFile[] {
  return printFontFaces().flatMap((face) => face.files);
}

/** URL path (/assets/print/fonts/x.woff2) → the file in node_modules: what the servers map. */
export function printFontRoutes(): ReadonlyMap<string, string> {
  routes ??= new Map(printFontFiles().map((f) => [`${PRINT_FONTS_URL}${f.name}`, f.source]));
  return routes;
}
let routes: Map<string, string> | undefined;

const covers = (intervals: readonly Interval[], code: number) => intervals.some(([a, b]) => code >= a && code <= b);

// Per code point: 0 not yet known, 1 covered, 2 not covered.
const bmpCoverage = new Uint8Array(0x10000);
const astralCoverage = new Map<number, number>();

function coverageOf(code: number): number {
  const known = code < 0x10000 ? bmpCoverage[code]! : (astralCoverage.get(code) ?? 0);
  if (known !== 0) return known;
  const state = coveringInterval(code) ? 1 : 2;
  if (code < 0x10000) bmpCoverage[code] = state;
  else astralCoverage.set(code, state);
  return state;
}

// What allCovered has found covered so far, as a search for the first character outside it.
// Each character found covered adds the whole unicode-range interval that covers it, so after
// the first text of a script the class holds a few ranges, and a text is one regex search (a
// few times faster than a loop over its characters). Basic Multilingual Plane only, without the
// u flag: the rarer characters beyond it are found each time, and looked up in the table.
// Spaces need no font either, but are learned as they are met (the first text's letters bring
// most of them in their font's ranges): \s in the class makes every search a quarter slower.
let knownIntervals: Interval[] = [];
// oxlint-disable-next-line no-control-regex -- control characters need no font: the search skips them
let unknownCharacter = /[^\0-\x1f]/g;

/** Adds the interval that covers `code` (a covered character) to the search. */
function learnCovered(code: number): void {
  const [a, b] = coveringInterval(code)!;
  // Within the Basic Multilingual Plane, and never a surrogate code unit: the halves of a pair
  // are found, and read together.
  const parts = [
    [a, Math.min(b, 0xd7ff)],
    [Math.max(a, 0xe000), Math.min(b, 0xffff)],
  ] as const;
  const merged: [number, number][] = [];
  for (const [x, y] of [...knownIntervals, ...parts.filter(([from, to]) => from <= to)].toSorted((p, q) => p[0] - q[0])) {
    const last = merged.at(-1);
    if (last && x <= last[1] + 1) last[1] = Math.max(last[1], y);
    else merged.push([x, y]);
  }
  knownIntervals = merged;
  const ranges = merged.map(([x, y]) => (x === y ? unicodeEscape(x) : `${unicodeEscape(x)}-${unicodeEscape(y)}`)).join("");
  unknownCharacter = new RegExp(`[^\\0-\\x1f${ranges}]`, "g");
}

/**
 * The interval of the first face that covers `code` (a space or control character stands
 * alone), or none: what coverage means, for the table and the search alike. Font packages are
 * read only until one covers it.
 */
function coveringInterval(code: number): Interval | undefined {
  if (code < 0x20 || /\s/u.test(String.fromCodePoint(code))) return [code, code];
  for (const font of PRINT_FONTS) {
    for (const face of facesOf(font)) {
      const interval = face.intervals.find(([a, b]) => code >= a && code <= b);
      if (interval) return interval;
    }
  }
  return undefined;
}

/**
 * What coverage is computed from, as text: each print font package, installed or not, with its
 * unicode.json (the ranges read). A cached coverage under another identity is not served.
 */
export function printFontIdentity(): string {
  return PRINT_FONTS.map((font) => {
    const dir = findPackage(font.npm);
    return `${font.npm} ${dir === undefined ? "-" : readFileSync(join(dir, "unicode.json"), "utf8")}`;
  }).join("\n");
}

/** Whether some print font covers every character of the texts (controls and spaces aside). */
export function allCovered(texts: Iterable<string>): boolean {
  for (const text of texts) {
    let search = unknownCharacter;
    search.lastIndex = 0;
    for (let hit = search.exec(text); hit; hit = search.exec(text)) {
      const code = text.codePointAt(hit.index)!;
      if (coverageOf(code) === 2) return false;
      const next = hit.index + (code > 0xffff ? 2 : 1);
      if (code <= 0xffff) {
        learnCovered(code);
        search = unknownCharacter;
      }
      search.lastIndex = next;
    }
  }
  return true;
}

/** Characters of `text` that no print font's unicode-range covers (controls and spaces aside). */
export function uncoveredCharacters(text: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!;
    if (code > 0xffff) i++;
    if (coverageOf(code) === 2) out.add(String.fromCodePoint(code));
  }
  return [...out];
}

/**
 * The faces a text in `lang` needs. Each character takes the first face that covers it in the
 * language's font stack (its own font first), and again in the default stack (text marked in
 * another language, the campaign's name) unless it is a letter of the language's own script.
 * So an English page declares no Chinese slice, though those slices hold Latin letters too.
 */
export function facesFor(text: string, lang = ""): Face[] {
  const own = ownFont(lang);
  const first = (stack: readonly PrintFont[], code: number) => {
    for (const font of stack) {
      const face = facesOf(font).find((f) => covers(f.intervals, code));
      if (face) return face;
    }
    return undefined;
  };
  const ownStack = own ? [own, ...PRINT_FONTS.filter((f) => f !== own)] : PRINT_FONTS;
  const needed = new Set<Face | undefined>();
  for (const char of new Set(text)) {
    const code = char.codePointAt(0)!;
    if (code < 0x20) continue;
    needed.add(first(ownStack, code));
    if (own && !own.scripts.includes(scriptOf(char))) needed.add(first(PRINT_FONTS, code));
  }
  // In registry order; only the fonts read above can hold a needed face (the CJK packages'
  // hundreds of slices are read only for text that reaches them).
  return PRINT_FONTS.filter((font) => facesByFont.has(font)).flatMap((font) => facesOf(font).filter((face) => needed.has(face)));
}

/** The font listed for a language ("zh-Hant-TW" → Noto Sans TC), as :lang() would pick it. */
function ownFont(lang: string): PrintFont | undefined {
  const tag = lang.toLowerCase();
  let best: { font: PrintFont; length: number } | undefined;
  for (const font of PRINT_FONTS) {
    for (const l of font.languages.map((x) => x.toLowerCase())) {
      if ((tag === l || tag.startsWith(`${l}-`)) && l.length > (best?.length ?? 0)) best = { font, length: l.length };
    }
  }
  return best?.font;
}

const quoted = (family: string) => `"${family}"`;

/**
 * The print page's font CSS: @font-face rules for the faces its text needs (URLs relative to a
 * print page at /<locale>/print/<variant>/), and the font stacks, by language.
 */
export function printFontCss(text: string, lang = ""): string {
  const faces = facesFor(text, lang).flatMap((face) => face.files);
  const rules = faces.map(
    (f) =>
      `@font-face { font-family: "${f.font.family}"; font-style: normal; font-weight: ${f.weight}; font-display: block; ` +
      `src: url("../../..${PRINT_FONTS_URL}${f.name}") format("woff2"); unicode-range: ${f.range}; }`,
  );
  // Installed fonts only: a family with no @font-face would be looked up among the machine's fonts.
  const installed = PRINT_FONTS.filter(printFontInstalled);
  const families = installed.map((f) => f.family);
  const stack = (first?: string) => [...new Set([...(first ? [first] : []), ...families])].map(quoted).join(", ");
  // No specificity (:where), so the print CSS's own rules (.campaign) win; every element with a
  // lang attribute starts again from the default stack, so English inside Arabic is not Amiri.
  rules.push(`:where(html, [lang]) { font-family: ${stack()}, sans-serif; }`);
  for (const font of installed) {
    if (font.languages.length === 0) continue;
    const selector = font.languages.map((tag) => `:lang(${tag})`).join(", ");
    rules.push(`:where(${selector}) { font-family: ${stack(font.family)}, sans-serif;${font.css ? ` ${font.css}` : ""} }`);
  }
  return rules.join("\n");
}

/** Font files a rendered print page declares (for the PDF cache: a changed file renders again). */
export function fontFilesIn(html: string): string[] {
  const served = printFontRoutes();
  const names = new Set([...html.matchAll(/assets\/print\/fonts\/([\w.-]+\.woff2)/g)].map((m) => `${PRINT_FONTS_URL}${m[1]}`));
  return [...names].toSorted().flatMap((url) => {
    const file = served.get(url);
    return file ? [file] : [];
  });
}

/** The registry entry whose fonts a PDF names so ("ABCDEF+NotoSansHebrew-Bold" → Hebrew), if any. */
export function printFontNamed(pdfFontName: string): PrintFont | undefined {
  const name = pdfFontName.replace(/^[A-Z]{6}\+/, "");
  return PRINT_FONTS.find((f) => name === f.pdfName || name.startsWith(`${f.pdfName}-`) || new RegExp(`^${f.pdfName}(Thin|Light|Medium|Bold|Black|Regular)?-`).test(name));
}
