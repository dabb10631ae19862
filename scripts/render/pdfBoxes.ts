// Last touches on a rendered PDF: correct TrimBox and BleedBox on every page (print shops
// trim by the TrimBox; pagedjs-cli 0.4.3 writes corner coordinates where pdf-lib wants
// width and height, so its TrimBox is wrong whenever there is bleed), /Lang, and for a home
// printer's file the print dialog preset to actual size (the two-up files get theirs, with
// duplex, in twoUp.ts; a print shop sets its own).
import { PDFDocument, PDFName, PDFString, PrintScaling } from "pdf-lib";
import { MM_TO_PT, type PrintVariant } from "../print/index.ts";

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The finished page inside the rendered sheet, and the bleed around it, in points. */
function pressBoxes(media: Box, variant: PrintVariant): { trim: Box; bleed: Box } {
  const slug = variant.slug * MM_TO_PT;
  const bleed = variant.bleed * MM_TO_PT;
  const trim = { x: media.x + slug, y: media.y + slug, width: media.width - 2 * slug, height: media.height - 2 * slug };
  return { trim, bleed: { x: trim.x - bleed, y: trim.y - bleed, width: trim.width + 2 * bleed, height: trim.height + 2 * bleed } };
}

export async function finishPdf(bytes: Uint8Array, variant: PrintVariant, lang: string): Promise<{ bytes: Uint8Array; pages: number }> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  for (const page of doc.getPages()) {
    const { trim, bleed } = pressBoxes(page.getMediaBox(), variant);
    page.setTrimBox(trim.x, trim.y, trim.width, trim.height);
    page.setBleedBox(bleed.x, bleed.y, bleed.width, bleed.height);
  }
  if (!doc.catalog.get(PDFName.of("Lang"))) doc.catalog.set(PDFName.of("Lang"), PDFString.of(lang));
  // Printed at 100 %, not "fit to page": a leaflet's type and a QR code's size stay as laid out.
  if (variant.output === "home") doc.catalog.getOrCreateViewerPreferences().setPrintScaling(PrintScaling.None);
  return { bytes: await doc.save(), pages: doc.getPageCount() };
}
