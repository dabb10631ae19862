// Fonts for the printed documents only (the web site uses the reader's system fonts).
// IBM Plex Sans for Latin text and Amiri for Arabic. Amiri is chosen for text extraction:
// in its PDFs pdftotext finds Arabic words as written, while with IBM Plex Sans Arabic and
// Cairo ligatures come out reversed ("يف" for "في", "اإلبادة" for "الإبادة"), and Noto
// Naskh/Sans Arabic split words (tested with pdftotext 22.12 on Chromium's PDFs).
// Every weight the print CSS uses is shipped here: a weight left out would be faked by
// Chromium and embedded as a Type 3 font.
import { createRequire } from "node:module";
import { dirname, join, relative, sep } from "node:path";

export const PRINT_FONT_WEIGHTS = [400, 700] as const;
/** Where the font files are served from, relative to the site root. */
export const PRINT_FONTS_URL = "/assets/print/fonts/";

interface FontPackage {
  family: string;
  npm: string;
  /** Fontsource subsets used, with the Unicode ranges fontsource assigns them. */
  subsets: Record<string, string>;
}

const LATIN = "U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD";
const LATIN_EXT = "U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF";
const ARABIC = "U+0600-06FF,U+0750-077F,U+0870-088E,U+0890-0891,U+0897-08E1,U+08E3-08FF,U+200C-200E,U+2010-2011,U+204F,U+2E41,U+FB50-FDFF,U+FE70-FE74,U+FE76-FEFC";

export const PRINT_FONTS: readonly FontPackage[] = [
  { family: "IBM Plex Sans", npm: "@fontsource/ibm-plex-sans", subsets: { latin: LATIN, "latin-ext": LATIN_EXT } },
  // The "arabic" subset has no Latin letters or digits: the Latin subsets of the same design
  // cover names, digits and punctuation inside Arabic text.
  { family: "Amiri", npm: "@fontsource/amiri", subsets: { arabic: ARABIC, latin: LATIN, "latin-ext": LATIN_EXT } },
];

interface FontFile {
  family: string;
  weight: number;
  range: string;
  /** Absolute path of the file in node_modules. */
  source: string;
  name: string;
}

function packageDir(npm: string, root: string): string {
  const require = createRequire(join(root, "package.json"));
  return dirname(require.resolve(`${npm}/package.json`));
}

export function printFontFiles(root = process.cwd()): FontFile[] {
  return PRINT_FONTS.flatMap((font) => {
    const dir = packageDir(font.npm, root);
    const base = font.npm.replace(/^@fontsource\//, "");
    return Object.entries(font.subsets).flatMap(([subset, range]) =>
      PRINT_FONT_WEIGHTS.map((weight) => {
        const name = `${base}-${subset}-${weight}-normal.woff2`;
        return { family: font.family, weight, range, source: join(dir, "files", name), name };
      }),
    );
  });
}

/** Passthrough copies for Eleventy: node_modules file (relative to the project) → output path. */
export function printFontCopies(root = process.cwd()): Record<string, string> {
  return Object.fromEntries(printFontFiles(root).map((f) => [relative(root, f.source).split(sep).join("/"), `${PRINT_FONTS_URL.slice(1)}${f.name}`]));
}

/** @font-face rules, with URLs relative to a print page at /<locale>/print/<variant>/. */
export function fontFaceCss(root = process.cwd()): string {
  return printFontFiles(root)
    .map(
      (f) =>
        `@font-face { font-family: "${f.family}"; font-style: normal; font-weight: ${f.weight}; font-display: block; ` +
        `src: url("../../..${PRINT_FONTS_URL}${f.name}") format("woff2"); unicode-range: ${f.range}; }`,
    )
    .join("\n");
}
