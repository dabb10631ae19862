// The printed documents and the PDF files made of each: paper size, bleed and crop marks.
// Which sections a document takes is content (content/documents.yml); its paper and its
// print-shop settings are fixed here, because file names and page counts depend on them.

import type { DocumentId } from "../project/documentList.ts";

export interface DocumentRules {
  /** UI string key (locales/<code>/ui.json) of the document's name, e.g. "print.leaflet". */
  nameKey: string;
  subjectKey: string;
  /** Page counts a finished document may have; anything else fails the build. */
  minPages: number;
  maxPages: number;
}

export const DOCUMENT_RULES: Record<DocumentId, DocumentRules> = {
  leaflet: { nameKey: "print.leaflet", subjectKey: "print.leafletSubject", minPages: 2, maxPages: 2 },
  "fact-sheet": { nameKey: "print.factSheet", subjectKey: "print.factSheetSubject", minPages: 2, maxPages: 4 },
};

export interface PrintVariant {
  /** URL segment of the print page and the PDF's file name without .pdf. */
  id: string;
  document: DocumentId;
  file: string;
  /** Finished (trimmed) size in millimetres. */
  width: number;
  height: number;
  paper: string;
  /** Bleed a print shop gets beyond the trim, in mm (0 for home printing). */
  bleed: number;
  /** Room Paged.js renders around the trim for bleed plus crop marks, in mm. */
  slug: number;
  /** UI string key of the download link's label. */
  labelKey: string;
}

export const PRESS_BLEED_MM = 3;
/** Crop marks sit outside the bleed: 5 mm long, starting 3 mm from the trim. */
const PRESS_SLUG_MM = 8;

export const PRINT_VARIANTS: readonly PrintVariant[] = [
  { id: "leaflet", document: "leaflet", file: "leaflet.pdf", width: 148, height: 210, paper: "A5", bleed: 0, slug: 0, labelKey: "downloads.leaflet" },
  { id: "leaflet-press", document: "leaflet", file: "leaflet-press.pdf", width: 148, height: 210, paper: "A5", bleed: PRESS_BLEED_MM, slug: PRESS_SLUG_MM, labelKey: "downloads.leafletPress" },
  { id: "fact-sheet", document: "fact-sheet", file: "fact-sheet.pdf", width: 210, height: 297, paper: "A4", bleed: 0, slug: 0, labelKey: "downloads.factSheet" },
  { id: "fact-sheet-letter", document: "fact-sheet", file: "fact-sheet-letter.pdf", width: 215.9, height: 279.4, paper: "US Letter", bleed: 0, slug: 0, labelKey: "downloads.factSheetLetter" },
  {
    id: "fact-sheet-press",
    document: "fact-sheet",
    file: "fact-sheet-press.pdf",
    width: 210,
    height: 297,
    paper: "A4",
    bleed: PRESS_BLEED_MM,
    slug: PRESS_SLUG_MM,
    labelKey: "downloads.factSheetPress",
  },
];

export const MM_TO_PT = 72 / 25.4;

/** The @page rule of a variant: size, and for print shops the bleed area with crop marks. */
export function pageSizeCss(variant: PrintVariant): string {
  const size = `@page { size: ${variant.width}mm ${variant.height}mm; }`;
  if (!variant.slug) return size;
  // Paged.js draws crop marks inside its bleed area: give it room for marks beyond the real
  // bleed, and start the marks where the bleed ends (the PDF's BleedBox says 3 mm).
  return [`@page { size: ${variant.width}mm ${variant.height}mm; bleed: ${variant.slug}mm; marks: crop; }`, `:root { --pagedjs-crop-offset: ${variant.bleed}mm !important; }`].join("\n");
}

/** Where a locale's print page for a variant is built, relative to the site root. */
export function printPagePath(locale: string, variant: PrintVariant): string {
  return `/${locale}/print/${variant.id}/`;
}

export function pdfPath(locale: string, variant: PrintVariant): string {
  return `/${locale}/${variant.file}`;
}
