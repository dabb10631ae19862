// What the other views may ask of print: whether the print fonts cover a text, and in which
// writing system a character is (the check warns before a PDF build would stop on it).
export { allCovered, uncoveredCharacters } from "./fonts.ts";
export { addFontHint, byScript } from "./scripts.ts";
