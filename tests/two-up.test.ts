// Two-up imposition (scripts/render/twoUp.ts) on a small PDF made here: the sheet, where the two
// copies go, the cut line, the backs' orientation for a short-edge flip, the text read back twice
// in order, and the metadata. The real leaflets through the PDF pipeline: tests/two-up-leaflet.test.ts.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { PDFDocument, PDFName, PDFString, rgb, StandardFonts } from "pdf-lib";
import { PNG } from "pngjs";
import { imposeTwoUp, twoUpKey, twoUpLayout, TwoUpError } from "../scripts/render/twoUp.ts";
import { HOME_SHEETS } from "../scripts/project/documentList.ts";
import { ROOT } from "./helpers/site.ts";
import { pdfInfo, pdfLanguage, pdfText } from "./pdfTools.ts";

const MM = 72 / 25.4;
const TWO_UP_SHEETS = { A4: HOME_SHEETS.find((s) => s.name === "A4")!, letter: HOME_SHEETS.find((s) => s.name === "Letter")! };
const A5 = { width: 148 * MM, height: 210 * MM };
const HALF_LETTER = { width: 5.5 * 72, height: 8.5 * 72 };
const near = (actual: number, expected: number, what: string) => expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThan(0.5 * MM);

let dir: string;
let single: Uint8Array;
let twoUp: Uint8Array;
const file = (name: string) => join(dir, name);

/** A two-sided A5 document: a black square in each page's top-start corner shows which way is up. */
async function sampleLeaflet(): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const words of [
    ["Front", "alpha", "bravo"],
    ["Back", "charlie", "delta"],
  ]) {
    const page = doc.addPage([A5.width, A5.height]);
    page.drawRectangle({ x: 15 * MM, y: A5.height - 35 * MM, width: 20 * MM, height: 20 * MM, color: rgb(0, 0, 0) });
    // One paragraph: lines 16 pt apart, as a text block (pdftotext reads a block, then the next).
    words.forEach((word, line) => {
      page.drawText(word, { x: 20 * MM, y: A5.height - 60 * MM - 16 * line, size: 12, font });
    });
  }
  doc.setTitle("The sample leaflet");
  doc.setAuthor("The campaign");
  doc.setSubject("What the sample says");
  doc.setKeywords(["pledge", "sample"]);
  doc.setCreator("Paged.js");
  doc.setProducer("Chromium");
  doc.setCreationDate(new Date("2026-01-02T03:04:05Z"));
  doc.setModificationDate(new Date("2026-01-02T03:04:05Z"));
  doc.catalog.set(PDFName.of("Lang"), PDFString.of("en"));
  return doc.save();
}

/** One side of a sheet as grey levels (0 black … 255 white), at `dpi`. */
function render(pdf: string, page: number, dpi: number): { width: number; height: number; grey(x: number, y: number): number } {
  const base = join(dir, `render-${page}-${dpi}`);
  execFileSync("pdftoppm", ["-png", "-r", String(dpi), "-f", String(page), "-l", String(page), "-singlefile", pdf, base]);
  const png = PNG.sync.read(readFileSync(`${base}.png`));
  return { width: png.width, height: png.height, grey: (x, y) => png.data[(y * png.width + x) * 4]! };
}

/** The dark squares' centres on a rendered side, in millimetres from its top left, left to right. */
function squares(side: ReturnType<typeof render>, dpi: number): { x: number; y: number }[] {
  // A square's pixels: dark, with dark pixels 5 mm further across and down (text strokes are thinner).
  const reach = Math.round((5 / 25.4) * dpi);
  const dark = (x: number, y: number) => side.grey(x, y) < 60;
  const points: { x: number; y: number }[] = [];
  for (let y = 0; y + reach < side.height; y++) {
    for (let x = 0; x + reach < side.width; x++) if (dark(x, y) && dark(x + reach, y) && dark(x, y + reach)) points.push({ x, y });
  }
  // Grouped by column: a gap of more than 5 mm starts another square.
  const groups: { x: number; y: number }[][] = [];
  for (const point of points.toSorted((a, b) => a.x - b.x)) {
    const last = groups.at(-1);
    if (last && point.x - last.at(-1)!.x <= reach) last.push(point);
    else groups.push([point]);
  }
  const mm = (px: number) => (px / dpi) * 25.4;
  // The points are the square less its last 5 mm across and down: the centre is 2.5 mm further.
  const centre = (values: number[]) => mm((Math.min(...values) + Math.max(...values) + reach) / 2);
  return groups.map((group) => ({ x: centre(group.map((p) => p.x)), y: centre(group.map((p) => p.y)) }));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "pledge-two-up-"));
  single = await sampleLeaflet();
  twoUp = await imposeTwoUp(single, TWO_UP_SHEETS.A4);
  writeFileSync(file("single.pdf"), single);
  writeFileSync(file("two-up.pdf"), twoUp);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("geometry", () => {
  test("A5 on A4: the sheet is A4 landscape, with one side per page of the single file", () => {
    const info = pdfInfo(file("two-up.pdf"));
    expect(info.pages).toBe(2);
    near(info.width, 297 * MM, "sheet width");
    near(info.height, 210 * MM, "sheet height");
  });

  test("two copies per side, touching at the cut line, the pair centred on the sheet", () => {
    const a4 = twoUpLayout(A5, TWO_UP_SHEETS.A4);
    near(a4.copies[0].x, 0.5 * MM, "first copy x");
    near(a4.copies[1].x, 148.5 * MM, "second copy x");
    near(a4.copies[0].y, 0, "copies' y");
    near(a4.cutX, 148.5 * MM, "cut line");
    const letter = twoUpLayout(HALF_LETTER, TWO_UP_SHEETS.letter);
    near(letter.sheet.width, 11 * 72, "Letter landscape width");
    near(letter.sheet.height, 8.5 * 72, "Letter landscape height");
    expect(letter.copies.map((c) => c.x)).toEqual([0, 5.5 * 72]);
    near(letter.cutX, 5.5 * 72, "half-letter cut line");
  });

  test("a page larger than half the sheet is refused, saying which sizes", () => {
    expect(() => twoUpLayout({ width: 210 * MM, height: 297 * MM }, TWO_UP_SHEETS.A4)).toThrow(TwoUpError);
    expect(() => twoUpLayout({ width: 210 * MM, height: 297 * MM }, TWO_UP_SHEETS.A4)).toThrow(/210\.0 × 297\.0 mm .* 297\.0 × 210\.0 mm sheet/);
  });

  test("rendered: each side shows the page twice, at the two copies' places, upright", () => {
    const dpi = 50;
    for (const page of [1, 2]) {
      const found = squares(render(file("two-up.pdf"), page, dpi), dpi);
      // Each page's square is 15 mm in and 15 mm down from its top left corner, 20 mm wide.
      expect(found, `side ${page}`).toHaveLength(2);
      expect(Math.abs(found[0]!.x - (0.5 + 25)), `side ${page}, first copy`).toBeLessThan(1);
      expect(Math.abs(found[1]!.x - (148.5 + 25)), `side ${page}, second copy`).toBeLessThan(1);
      for (const square of found) expect(Math.abs(square.y - 25), `side ${page}: upright, the square at the top`).toBeLessThan(1);
    }
  });

  test("the front has a cut line down the middle, from edge to edge; the back has none", () => {
    const dpi = 100;
    const cutColumn = Math.round((148.5 / 25.4) * dpi);
    const darkRows = (side: ReturnType<typeof render>) => {
      let dark = 0;
      for (let y = 0; y < side.height; y++) if ([-1, 0, 1].some((dx) => side.grey(cutColumn + dx, y) < 200)) dark++;
      return dark / side.height;
    };
    const front = render(file("two-up.pdf"), 1, dpi);
    // Dashed: about three fifths of the line is ink.
    expect(darkRows(front)).toBeGreaterThan(0.5);
    // The solid marks at the top and bottom edges.
    for (const y of [2, front.height - 3]) expect(Math.min(...[-1, 0, 1].map((dx) => front.grey(cutColumn + dx, y))), `mark at y=${y}`).toBeLessThan(150);
    expect(darkRows(render(file("two-up.pdf"), 2, dpi))).toBe(0);
  });

  test("duplex, flipped on the short edge: each back copy lies behind a front copy, the same way up", () => {
    const dpi = 50;
    const sheetWidth = 297;
    const front = squares(render(file("two-up.pdf"), 1, dpi), dpi);
    const back = squares(render(file("two-up.pdf"), 2, dpi), dpi);
    // Turned over around its vertical axis, a point at x on the back lies behind sheetWidth − x on the front.
    // The copies' left edges: a copy [x, x + 148] on the back lies behind [297 − x − 148, 297 − x].
    const backCopies = back.map((s) => s.x - 25).map((left) => sheetWidth - left - 148);
    const frontCopies = front.map((s) => s.x - 25);
    backCopies.sort((a, b) => a - b);
    expect(backCopies).toHaveLength(2);
    backCopies.forEach((x, i) => {
      expect(Math.abs(x - frontCopies[i]!), `back copy ${i + 1} behind front copy ${2 - i}`).toBeLessThan(1);
    });
    // Upright: the back's squares are at the top as the reader sees the back after turning it.
    for (const square of back) expect(square.y).toBeLessThan(105);
    expect(twoUpLayout(A5, TWO_UP_SHEETS.A4).backRotation).toBe(0);
  });
});

describe("what it keeps of the single file", () => {
  test("text: each side's words twice, in order", () => {
    const side = (page: number) => execFileSync("pdftotext", ["-enc", "UTF-8", "-f", String(page), "-l", String(page), file("two-up.pdf"), "-"], { encoding: "utf8" });
    const words = (text: string) => text.split(/\s+/).filter(Boolean);
    expect(words(side(1))).toEqual(["Front", "alpha", "bravo", "Front", "alpha", "bravo"]);
    expect(words(side(2))).toEqual(["Back", "charlie", "delta", "Back", "charlie", "delta"]);
    expect(words(pdfText(file("two-up.pdf")))).toHaveLength(12);
  });

  test("title, author, subject, keywords, creator, producer, dates and language", async () => {
    const info = pdfInfo(file("two-up.pdf"));
    expect(info).toMatchObject({ title: "The sample leaflet", author: "The campaign", subject: "What the sample says" });
    const doc = await PDFDocument.load(twoUp, { updateMetadata: false });
    expect(doc.getKeywords()).toBe("pledge sample");
    expect(doc.getCreator()).toBe("Paged.js");
    expect(doc.getProducer()).toBe("Chromium");
    expect(doc.getCreationDate()?.toISOString()).toBe("2026-01-02T03:04:05.000Z");
    expect(await pdfLanguage(twoUp)).toBe("en");
  });

  test("the print dialog is preset to both sides, short edge, actual size", async () => {
    const doc = await PDFDocument.load(twoUp, { updateMetadata: false });
    const preferences = doc.catalog.getViewerPreferences()!;
    expect(preferences.getDuplex()).toBe("DuplexFlipShortEdge");
    expect(preferences.getPrintScaling()).toBe("None");
    expect(preferences.getDisplayDocTitle()).toBe(true);
  });

  test("the pages are embedded once and drawn twice: the file is hardly larger than the single one", () => {
    expect(twoUp.length).toBeLessThan(single.length * 1.5 + 2000);
  });
});

test("cache key: the same single file and sheet give the same key; another byte or sheet another", () => {
  const key = twoUpKey(single, TWO_UP_SHEETS.A4, ROOT);
  expect(twoUpKey(single, TWO_UP_SHEETS.A4, ROOT)).toBe(key);
  expect(twoUpKey(new Uint8Array([...single, 0x0a]), TWO_UP_SHEETS.A4, ROOT)).not.toBe(key);
  expect(twoUpKey(single, TWO_UP_SHEETS.letter, ROOT)).not.toBe(key);
});
