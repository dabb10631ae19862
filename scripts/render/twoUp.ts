// Two-up imposition for home printers: each page of a finished PDF twice on one landscape sheet
// (A5 on A4, half-letter on Letter), side by side, with a cut line between them. Made from the
// rendered PDF itself (its pages embedded as form XObjects, drawn twice), so the text, fonts and
// glyphs are the single file's; the single file stays the tagged, accessible one.
//
// Duplex: printed on both sides with "flip on the short edge" (the usual choice for landscape),
// the sheet turns over around its vertical axis, as the cut leaflets do. A back is then upright
// when it is not rotated, and its copies lie behind the front's because the pair is centred on the
// sheet (x maps to sheetWidth − x − pageWidth). So backs are placed exactly as fronts.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { packageVersion } from "../shared/contentCache.ts";
import { Duplex, grayscale, PDFDocument, PDFHexString, PDFName, PDFString, PrintScaling, type PDFPage } from "pdf-lib";

const MM = 72 / 25.4;
/** Sizes may differ by this much from their nominal value (pagedjs writes A5 as 419.53 pt). */
const TOLERANCE_PT = 0.5 * MM;
/** The cut line: thin, grey, dashed, so a slightly off cut leaves little on the leaflet. */
const CUT_LINE = { thickness: 0.3, color: grayscale(0.55), dashArray: [3, 2] };
/** Solid marks where the cut meets the sheet's edges, long enough to survive a printer's unprintable margin (about 4 mm). */
const EDGE_MARK_PT = 10 * MM;
/** Corner marks at the pair's outer corners, drawn only where the pair leaves at least this margin. */
const CORNER_MARK_MIN_MARGIN_PT = 4 * MM;

/** A sheet of paper, in millimetres, either orientation (it is laid out landscape). */
export interface SheetSize {
  width: number;
  height: number;
}

export interface TwoUpLayout {
  /** The landscape sheet, in points. */
  sheet: { width: number; height: number };
  page: { width: number; height: number };
  /** Bottom-left corners of the two copies, in points, the same on fronts and backs. */
  copies: [{ x: number; y: number }, { x: number; y: number }];
  /** Where the cut line runs (x, in points). */
  cutX: number;
  /** Rotation of the back sides, in degrees (0 for a short-edge flip). */
  backRotation: number;
}

export class TwoUpError extends Error {}

/** Where the two copies of a page go on a sheet: side by side, touching at the cut, the pair centred. */
export function twoUpLayout(page: { width: number; height: number }, sheetMm: SheetSize): TwoUpLayout {
  const width = Math.max(sheetMm.width, sheetMm.height) * MM;
  const height = Math.min(sheetMm.width, sheetMm.height) * MM;
  if (2 * page.width > width + TOLERANCE_PT || page.height > height + TOLERANCE_PT) {
    const mm = (pt: number) => (pt / MM).toFixed(1);
    throw new TwoUpError(
      `two pages of ${mm(page.width)} × ${mm(page.height)} mm do not fit side by side on a ${mm(width)} × ${mm(height)} mm sheet\n  → two-up is for a page half the sheet (A5 on A4, half-letter on Letter)`,
    );
  }
  const x = Math.max(0, (width - 2 * page.width) / 2);
  const y = Math.max(0, (height - page.height) / 2);
  return {
    sheet: { width, height },
    page,
    copies: [
      { x, y },
      { x: x + page.width, y },
    ],
    cutX: x + page.width,
    backRotation: 0,
  };
}

/** The two-up file of a finished PDF: page n of it holds page n of the single file twice. */
export async function imposeTwoUp(single: Uint8Array, sheet: SheetSize): Promise<Uint8Array> {
  const source = await PDFDocument.load(single, { updateMetadata: false });
  // No producer or dates of pdf-lib's own: the metadata is the single file's.
  const out = await PDFDocument.create({ updateMetadata: false });
  const embedded = await out.embedPdf(source, source.getPageIndices());
  embedded.forEach((page, index) => {
    const layout = twoUpLayout({ width: page.width, height: page.height }, sheet);
    const side = out.addPage([layout.sheet.width, layout.sheet.height]);
    for (const at of layout.copies) side.drawPage(page, at);
    // Marks on the fronts only: on a back, duplex misregistration would move them onto the leaflet.
    if (index % 2 === 0) drawCutMarks(side, layout);
  });
  copyMetadata(source, out);
  return out.save();
}

function drawCutMarks(side: PDFPage, { sheet, page, copies, cutX }: TwoUpLayout): void {
  side.drawLine({ start: { x: cutX, y: 0 }, end: { x: cutX, y: sheet.height }, ...CUT_LINE });
  const solid = { thickness: 0.5, color: grayscale(0) };
  side.drawLine({ start: { x: cutX, y: 0 }, end: { x: cutX, y: EDGE_MARK_PT }, ...solid });
  side.drawLine({ start: { x: cutX, y: sheet.height - EDGE_MARK_PT }, end: { x: cutX, y: sheet.height }, ...solid });
  // Where the pair is smaller than the sheet, its outer corners are cut too.
  const left = copies[0].x;
  const right = copies[1].x + page.width;
  const bottom = copies[0].y;
  const top = bottom + page.height;
  if (left >= CORNER_MARK_MIN_MARGIN_PT) {
    const length = Math.min(left - 1 * MM, 6 * MM);
    for (const y of [bottom, top]) {
      side.drawLine({ start: { x: left - length - 1 * MM, y }, end: { x: left - 1 * MM, y }, ...solid });
      side.drawLine({ start: { x: right + 1 * MM, y }, end: { x: right + 1 * MM + length, y }, ...solid });
    }
  }
  if (bottom >= CORNER_MARK_MIN_MARGIN_PT) {
    const length = Math.min(bottom - 1 * MM, 6 * MM);
    for (const x of [left, cutX, right]) {
      side.drawLine({ start: { x, y: bottom - length - 1 * MM }, end: { x, y: bottom - 1 * MM }, ...solid });
      side.drawLine({ start: { x, y: top + 1 * MM }, end: { x, y: top + 1 * MM + length }, ...solid });
    }
  }
}

/** Title, author, subject, keywords, creator, producer, dates and /Lang as the single file has them; the print dialog preset to duplex, short edge, actual size. */
function copyMetadata(source: PDFDocument, out: PDFDocument): void {
  const title = source.getTitle();
  if (title !== undefined) out.setTitle(title, { showInWindowTitleBar: true });
  const author = source.getAuthor();
  if (author !== undefined) out.setAuthor(author);
  const subject = source.getSubject();
  if (subject !== undefined) out.setSubject(subject);
  const keywords = source.getKeywords();
  if (keywords !== undefined) out.setKeywords([keywords]);
  const creator = source.getCreator();
  if (creator !== undefined) out.setCreator(creator);
  const producer = source.getProducer();
  if (producer !== undefined) out.setProducer(producer);
  const created = source.getCreationDate();
  if (created !== undefined) out.setCreationDate(created);
  const modified = source.getModificationDate();
  if (modified !== undefined) out.setModificationDate(modified);
  const lang = source.catalog.lookup(PDFName.of("Lang"));
  if (lang instanceof PDFString || lang instanceof PDFHexString) out.catalog.set(PDFName.of("Lang"), PDFString.of(lang.decodeText()));
  const preferences = out.catalog.getOrCreateViewerPreferences();
  preferences.setDuplex(Duplex.DuplexFlipShortEdge);
  preferences.setPrintScaling(PrintScaling.None);
}

/** The cache key of a two-up file: its single PDF's bytes, the sheet, this module and pdf-lib's version. */
export function twoUpKey(single: Uint8Array, sheet: SheetSize, root: string): string {
  return createHash("sha256")
    .update(`two-up ${sheet.width}x${sheet.height}\npdf-lib@${packageVersion(root, "pdf-lib")}\n`)
    .update(readFileSync(import.meta.filename))
    .update(single)
    .digest("hex")
    .slice(0, 32);
}
