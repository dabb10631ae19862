// Reading real PDFs for the tests: poppler's pdfinfo/pdffonts/pdftotext/pdftoppm, pdf-lib for
// the catalog (language, bookmarks), jsQR for the QR code.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import jsqrModule, { type QRCode } from "jsqr";
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from "pdf-lib";
import { PNG } from "pngjs";

// jsqr is CommonJS: its default export is the module object or the function, depending on the loader.
const jsQR = ((jsqrModule as unknown as { default?: unknown }).default ?? jsqrModule) as (data: Uint8ClampedArray, width: number, height: number) => QRCode | null;

const run = (command: string, args: string[]) => execFileSync(command, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });

export interface PdfInfo {
  pages: number;
  width: number;
  height: number;
  title: string;
  author: string;
  subject: string;
  tagged: boolean;
}

export function pdfInfo(file: string): PdfInfo {
  const out = run("pdfinfo", ["-enc", "UTF-8", file]);
  const field = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, "m").exec(out)?.[1]?.trim() ?? "";
  const size = /^Page size:\s*([\d.]+) x ([\d.]+) pts/m.exec(out);
  return {
    pages: Number(field("Pages")),
    width: Number(size?.[1]),
    height: Number(size?.[2]),
    title: field("Title"),
    author: field("Author"),
    subject: field("Subject"),
    tagged: field("Tagged") === "yes",
  };
}

export interface Rect {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** MediaBox, TrimBox and BleedBox of every page, in points. */
export function pdfPageBoxes(file: string): { media: Rect; trim: Rect; bleed: Rect }[] {
  const out = run("pdfinfo", ["-box", "-f", "1", "-l", "999", file]);
  const pages = new Map<number, Record<string, Rect>>();
  for (const m of out.matchAll(/^Page\s+(\d+) (\w+)Box:\s+([\d.-]+)\s+([\d.-]+)\s+([\d.-]+)\s+([\d.-]+)/gm)) {
    const boxes = pages.get(Number(m[1])) ?? {};
    boxes[m[2]!] = { x1: Number(m[3]), y1: Number(m[4]), x2: Number(m[5]), y2: Number(m[6]) };
    pages.set(Number(m[1]), boxes);
  }
  return [...pages.values()].map((b) => ({ media: b.Media!, trim: b.Trim!, bleed: b.Bleed! }));
}

export function pdfFonts(file: string): { name: string; type: string; embedded: boolean }[] {
  const lines = run("pdffonts", [file])
    .split("\n")
    .slice(2)
    .filter((l) => l.trim());
  return lines.map((line) => {
    // name, type (may contain spaces), encoding, emb, sub, uni, object, id
    const m = /^(\S+)\s+(.+?)\s{2,}(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$/.exec(line.trim());
    if (!m) throw new Error(`unexpected pdffonts line: ${line}`);
    return { name: m[1]!, type: m[2]!, embedded: m[4] === "yes" };
  });
}

export function pdfText(file: string): string {
  return run("pdftotext", ["-enc", "UTF-8", file, "-"]);
}

/**
 * Text as a search box compares it: compatibility forms folded (Arabic presentation forms),
 * vowel marks and tatweel dropped, punctuation and bidi controls gone, spaces collapsed.
 */
export function searchable(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/\p{M}|\u0640/gu, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .toLowerCase();
}

export function pdfLanguage(bytes: Uint8Array): Promise<string | undefined> {
  return PDFDocument.load(bytes, { updateMetadata: false }).then((doc) => {
    const lang = doc.catalog.lookup(PDFName.of("Lang"));
    return lang instanceof PDFString || lang instanceof PDFHexString ? lang.decodeText() : undefined;
  });
}

export interface Bookmark {
  title: string;
  children: Bookmark[];
}

export async function pdfBookmarks(bytes: Uint8Array): Promise<Bookmark[]> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const outlines = doc.catalog.lookupMaybe(PDFName.of("Outlines"), PDFDict);
  const walk = (first: PDFDict | undefined): Bookmark[] => {
    const items: Bookmark[] = [];
    for (let node = first; node; node = node.lookupMaybe(PDFName.of("Next"), PDFDict)) {
      const title = node.lookup(PDFName.of("Title"));
      items.push({
        title: title instanceof PDFString || title instanceof PDFHexString ? title.decodeText() : "",
        children: walk(node.lookupMaybe(PDFName.of("First"), PDFDict)),
      });
    }
    return items;
  };
  return outlines ? walk(outlines.lookupMaybe(PDFName.of("First"), PDFDict)) : [];
}

export function flattenBookmarks(items: Bookmark[], depth = 0): { title: string; depth: number }[] {
  return items.flatMap((b) => [{ title: b.title, depth }, ...flattenBookmarks(b.children, depth + 1)]);
}

/** Rasterises one page and decodes the QR code on it; location in millimetres from the page's top left. */
export function decodeQrCode(file: string, page: number, dpi = 150): { data: string; left: number; top: number; right: number; bottom: number; pageWidth: number; pageHeight: number } | undefined {
  const dir = mkdtempSync(join(tmpdir(), "pledge-qr-"));
  try {
    const base = join(dir, "page");
    execFileSync("pdftoppm", ["-png", "-r", String(dpi), "-f", String(page), "-l", String(page), "-singlefile", file, base]);
    const png = PNG.sync.read(readFileSync(`${base}.png`));
    const code = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
    if (!code) return undefined;
    const mm = (px: number) => (px / dpi) * 25.4;
    const { topLeftCorner: tl, topRightCorner: tr, bottomLeftCorner: bl, bottomRightCorner: br } = code.location;
    return {
      data: code.data,
      left: mm(Math.min(tl.x, bl.x)),
      right: mm(Math.max(tr.x, br.x)),
      top: mm(Math.min(tl.y, tr.y)),
      bottom: mm(Math.max(bl.y, br.y)),
      pageWidth: mm(png.width),
      pageHeight: mm(png.height),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
