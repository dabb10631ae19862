// The PDF files made of each printed document: one per document, paper and output, derived from
// content/documents.yml (the print kit). Paper sizes, bleed and crop marks; file names follow
// one rule so that today's links stay: the first paper of a document has no paper in its name
// (leaflet.pdf, leaflet-press.pdf, leaflet-two-up.pdf), the others do (leaflet-half-letter.pdf).

import { camelCase, type DocumentPlan, type Output, type PrintDocument, type Sheet } from "../project/documentList.ts";

export interface PrintVariant {
  /** URL segment of the print page and the PDF's file name without .pdf. */
  id: string;
  document: string;
  /** The document's layout: templates/print/<layout>.njk. */
  layout: string;
  output: Output;
  file: string;
  /** Finished (trimmed) size in millimetres. */
  width: number;
  height: number;
  /** The paper's name in content/documents.yml, and the UI string key that may name it (paper.halfLetter). */
  paper: string;
  paperKey: string;
  /** Bleed a print shop gets beyond the trim, in mm (0 for home printing). */
  bleed: number;
  /** Room Paged.js renders around the trim for bleed plus crop marks, in mm. */
  slug: number;
  /** UI string key of the download link's label: its own (downloads.leafletPress), else composed from `labelFallbackKey`. */
  labelKey: string;
  labelFallbackKey: string;
  /** Two-up only: the sheet two copies share, and the home variant whose PDF is imposed on it (no print page of its own). */
  sheet?: Sheet;
  source?: string;
  /** Two-up only: the UI string key that may name the sheet (paper.letter). */
  sheetKey?: string;
}

export const PRESS_BLEED_MM = 3;
/** Crop marks sit outside the bleed: 5 mm long, starting 3 mm from the trim. */
const PRESS_SLUG_MM = 8;

/** "half-letter" → "half-letter", "A3" → "a3": a paper's name in a file name. */
function paperSlug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** The UI string key that may name a paper: paper.halfLetter. */
function paperKey(name: string): string {
  return `paper.${camelCase(paperSlug(name))}`;
}

const OUTPUT_SUFFIX: Record<Output, string> = { home: "", press: "-press", "two-up": "-two-up" };
const FALLBACK_LABEL: Record<Output, string> = { home: "downloads.home", press: "downloads.press", "two-up": "downloads.twoUp" };

/** Every variant of every document the plan declares, in its order: document, paper, output. */
export function printVariants(plan: DocumentPlan): PrintVariant[] {
  return plan.documents.flatMap((document) => documentVariants(document));
}

export function documentVariants(document: PrintDocument): PrintVariant[] {
  return document.sizes.flatMap((size, i) =>
    size.outputs.map((output) => {
      const base = i === 0 ? document.id : `${document.id}-${paperSlug(size.paper.name)}`;
      const id = `${base}${OUTPUT_SUFFIX[output]}`;
      const press = output === "press";
      return {
        id,
        document: document.id,
        layout: document.layout,
        output,
        file: `${id}.pdf`,
        width: size.paper.width,
        height: size.paper.height,
        paper: size.paper.name,
        paperKey: paperKey(size.paper.name),
        bleed: press ? PRESS_BLEED_MM : 0,
        slug: press ? PRESS_SLUG_MM : 0,
        labelKey: `downloads.${camelCase(id)}`,
        labelFallbackKey: FALLBACK_LABEL[output],
        ...(output === "two-up" && size.sheet ? { sheet: size.sheet, source: base, sheetKey: paperKey(size.sheet.name) } : {}),
      };
    }),
  );
}

/** The variants rendered from a print page (two-up ones are imposed from their single PDF instead). */
export function renderedVariants(variants: readonly PrintVariant[]): PrintVariant[] {
  return variants.filter((variant) => variant.output !== "two-up");
}

/** A document of the plan, by id (a variant names its document). */
export function documentOf(plan: DocumentPlan, id: string): PrintDocument {
  const document = plan.documents.find((d) => d.id === id);
  if (!document) throw new Error(`no document "${id}" in content/documents.yml`);
  return document;
}

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
