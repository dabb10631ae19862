// What the other views and the renderer may ask of print: whether the print fonts cover a text,
// in which writing system a character is (the check warns before a PDF build would stop on it),
// the documents' variants and where their pages and PDFs live (the home page's downloads), the two-up files, the
// font files a page declares, and the share cards.
export { allCovered, fontFilesIn, PRINT_FONTS, printFontHint, printFontIdentity, printFontNamed, printFontRoutes, printFontsForLocale, uncoveredCharacters } from "./fonts.ts";
export { byScript } from "./writingSystems.ts";
export { documentOf, MM_TO_PT, pdfPath, printPagePath, printVariants, renderedVariants, type PrintVariant } from "./variants.ts";
export { CARD_HEIGHT, CARD_MAX_BYTES, CARD_WIDTH, shareCards, type ShareCard } from "./shareCardPages.ts";
