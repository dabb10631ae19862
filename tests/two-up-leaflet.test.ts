// The real two-up leaflets (A5 on A4) in English and Arabic, made by the PDF pipeline from the
// leaflets it renders, read back with poppler and pdf-lib: the sheet, the text twice in reading
// order, the metadata, each side against the single page it shows, the cache, and the home page's
// download with its printing hint. The imposition on a small PDF: tests/two-up.test.ts.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { PNG } from "pngjs";
import { buildPdfs, type PdfBuild } from "../scripts/render/index.ts";
import { buildSite } from "../scripts/build/buildSite.ts";
import { printVariants } from "../scripts/print/index.ts";
import { buildRealSite, ROOT, type BuiltSite } from "./helpers/site.ts";
import { pdfInfo, pdfLanguage, searchable } from "./pdfTools.ts";

const MM = 72 / 25.4;
const LOCALES = ["en", "ar"];
/** The kit's two-up variants (content/documents.yml): the A5 leaflet on A4 and the half-letter one on Letter. */
const TWO_UPS = () => printVariants(site.model.documents).filter((v) => v.output === "two-up");
const TWO_UP = { file: "leaflet-two-up.pdf", labelKey: "downloads.leafletTwoUp", hintKey: "print.twoUpHint" };

let site: BuiltSite;
let cacheDir: string;
let first: PdfBuild;
const logged: string[] = [];
const single = (code: string) => join(site.dir, code, "leaflet.pdf");
const twoUp = (code: string) => join(site.dir, code, TWO_UP.file);
const leafletsOnly = { filter: (job: { locale: string; variant: { id: string } }) => LOCALES.includes(job.locale) && ["leaflet", "leaflet-half-letter"].includes(job.variant.id) };

beforeAll(async () => {
  site = await buildRealSite();
  cacheDir = mkdtempSync(join(tmpdir(), "pledge-two-up-cache-"));
  first = await buildPdfs({ root: ROOT, siteDir: site.dir, cacheDir, log: (line) => logged.push(line), ...leafletsOnly });
  // The second HTML pass of npm run build: the home pages now list the PDFs.
  await buildSite(ROOT, site.dir, { chromiumPages: false });
}, 300_000);
afterAll(() => {
  site?.remove();
  if (cacheDir) rmSync(cacheDir, { recursive: true, force: true });
});

const pageText = (file: string, page: number, ...options: string[]) =>
  execFileSync("pdftotext", ["-enc", "UTF-8", ...options, "-f", String(page), "-l", String(page), file, "-"], { encoding: "utf8" });

/** One side as grey levels, at `dpi`: of a whole page, or of the part of it `x` millimetres from the left, `width` wide. */
function grey(file: string, page: number, dpi: number, crop?: { x: number; width: number }): { width: number; height: number; at(x: number, y: number): number } {
  const dir = mkdtempSync(join(tmpdir(), "pledge-two-up-png-"));
  try {
    const px = (mm: number) => Math.round((mm / 25.4) * dpi);
    const cropArgs = crop ? ["-x", String(px(crop.x)), "-y", "0", "-W", String(px(crop.width)), "-H", String(px(210))] : [];
    execFileSync("pdftoppm", ["-png", "-gray", "-r", String(dpi), "-f", String(page), "-l", String(page), ...cropArgs, "-singlefile", file, join(dir, "side")]);
    const png = PNG.sync.read(readFileSync(join(dir, "side.png")));
    return { width: png.width, height: png.height, at: (x, y) => png.data[(y * png.width + x) * 4]! };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Mean difference of two renderings in blocks of 4 × 4 pixels (0 the same, 255 opposite; blocks even out anti-aliasing), the second optionally turned upside down. */
function difference(a: ReturnType<typeof grey>, b: ReturnType<typeof grey>, turned = false): number {
  const size = 4;
  const width = Math.floor(Math.min(a.width, b.width) / size);
  const height = Math.floor(Math.min(a.height, b.height) / size);
  const block = (image: ReturnType<typeof grey>, bx: number, by: number, flip: boolean) => {
    let sum = 0;
    for (let y = by * size; y < (by + 1) * size; y++) {
      for (let x = bx * size; x < (bx + 1) * size; x++) sum += flip ? image.at(image.width - 1 - x, image.height - 1 - y) : image.at(x, y);
    }
    return sum / (size * size);
  };
  let total = 0;
  for (let by = 0; by < height; by++) for (let bx = 0; bx < width; bx++) total += Math.abs(block(a, bx, by, false) - block(b, bx, by, turned));
  return total / (width * height);
}

describe.each(LOCALES)("the %s leaflet, two-up on A4", (code) => {
  test("made by the pipeline: one A4 landscape side per side of the leaflet", () => {
    expect(first.twoUps.map((t) => `${t.locale}/${t.variant.file}`)).toContain(`${code}/${TWO_UP.file}`);
    const info = pdfInfo(twoUp(code));
    expect(info.pages).toBe(2);
    expect(Math.abs(info.width - 297 * MM)).toBeLessThan(0.5 * MM);
    expect(Math.abs(info.height - 210 * MM)).toBeLessThan(0.5 * MM);
  });

  test("each side's text twice, in order: the first copy, then the second, every paragraph whole", () => {
    for (const page of [1, 2]) {
      const label = `${code} side ${page}`;
      // Content order (-raw, as PDF viewers search and copy): the whole first copy, then the second.
      const once = searchable(pageText(single(code), page, "-raw"));
      expect(once.length, label).toBeGreaterThan(200);
      expect(searchable(pageText(twoUp(code), page, "-raw")), label).toBe(`${once} ${once}`);
      // Layout mode (what reads Arabic right): poppler takes two identical copies side by side for a
      // table and reads it row by row, so each paragraph comes twice in a row; every one is whole,
      // as in the single leaflet.
      const layout = searchable(pageText(single(code), page));
      const twice = pageText(twoUp(code), page);
      const paragraphs = twice
        .split(/\n\s*\n/)
        .map(searchable)
        .filter((p) => p.length > 0);
      expect(paragraphs.length, label).toBeGreaterThan(3);
      for (const paragraph of paragraphs) expect(layout, `${label}: "${paragraph.slice(0, 60)}…"`).toContain(paragraph);
      const words = (text: string) => text.split(" ").toSorted();
      expect(words(searchable(twice)), label).toEqual(words(`${layout} ${layout}`));
    }
  });

  test("title, author, subject and language are the single leaflet's; the single one stays tagged", async () => {
    const one = pdfInfo(single(code));
    const two = pdfInfo(twoUp(code));
    expect(one.title).not.toBe("");
    expect({ title: two.title, author: two.author, subject: two.subject }).toEqual({ title: one.title, author: one.author, subject: one.subject });
    expect(await pdfLanguage(readFileSync(twoUp(code)))).toBe(code);
    expect(one.tagged).toBe(true);
  });

  test("each copy on each side is the single page, upright (backs need no turn for a short-edge flip)", () => {
    const dpi = 50;
    // Where the copies are: the pair centred on the sheet (Chromium's A5 is 420 × 594.96 pt).
    const width = pdfInfo(single(code)).width / MM;
    const left = (pdfInfo(twoUp(code)).width / MM - 2 * width) / 2;
    for (const page of [1, 2]) {
      const alone = grey(single(code), page, dpi);
      for (const [copy, x] of [left, left + width].entries()) {
        const placed = grey(twoUp(code), page, dpi, { x, width });
        const same = difference(placed, alone);
        const upsideDown = difference(placed, alone, true);
        expect(same, `${code} side ${page} copy ${copy + 1}: ${same.toFixed(2)} vs turned ${upsideDown.toFixed(2)}`).toBeLessThan(Math.min(3, upsideDown / 4));
      }
    }
  });

  test("the home page lists it after the leaflet, with how to print it in the locale's language", () => {
    const home = site.read(`/${code}/`);
    const item = new RegExp(`<li><a href="/${code}/${TWO_UP.file}"[^>]*>([^<]+)</a> <span class="meta"[^>]*>(?:[^<]|</?bdi>)+</span> <span class="hint">([^<]+)</span></li>`).exec(home);
    expect(item, home).not.toBeNull();
    expect(item![1]).toBe(site.model.t(code, TWO_UP.labelKey));
    expect(item![2]).toBe(site.model.t(code, TWO_UP.hintKey));
    expect(home.indexOf(`/${code}/leaflet.pdf`)).toBeLessThan(home.indexOf(`/${code}/${TWO_UP.file}`));
  });
});

test("exactly the two-up variants documents.yml declares are made, each from its source's PDF on its sheet", () => {
  expect(TWO_UPS().map((v) => [v.id, v.source, v.sheet?.name])).toEqual([
    ["leaflet-two-up", "leaflet", "A4"],
    ["leaflet-half-letter-two-up", "leaflet-half-letter", "Letter"],
  ]);
  expect(first.twoUps.map((t) => `${t.locale}/${t.variant.file}`).toSorted()).toEqual(LOCALES.flatMap((code) => TWO_UPS().map((v) => `${code}/${v.file}`)).toSorted());
  for (const code of LOCALES) {
    const letter = pdfInfo(join(site.dir, code, "leaflet-half-letter-two-up.pdf"));
    expect(letter.pages).toBe(pdfInfo(join(site.dir, code, "leaflet-half-letter.pdf")).pages);
    expect(Math.abs(letter.width - 279.4 * MM)).toBeLessThan(0.5 * MM);
    expect(Math.abs(letter.height - 215.9 * MM)).toBeLessThan(0.5 * MM);
  }
  // The old name of w-twoup's file is gone.
  expect(existsSync(join(site.dir, "en", "leaflet-a5-two-up-a4.pdf"))).toBe(false);
});

test("the hint names the short-edge flip in both languages", () => {
  expect(site.model.t("en", TWO_UP.hintKey)).toMatch(/short edge/);
  expect(site.model.t("ar", TWO_UP.hintKey)).toMatch(/الحافة القصيرة/);
});

test("the cache: leaflets unchanged → the two-up files are copied, not imposed again, byte for byte", async () => {
  const before = LOCALES.map((code) => readFileSync(twoUp(code)));
  expect(first.twoUps.every((t) => !t.cached)).toBe(true);
  const again = await buildPdfs({ root: ROOT, siteDir: site.dir, cacheDir, log: (line) => logged.push(line), ...leafletsOnly });
  expect(again.rendered).toBe(0);
  expect(again.twoUps.map((t) => t.cached)).toEqual([true, true, true, true]);
  LOCALES.forEach((code, i) => {
    expect(readFileSync(twoUp(code)).equals(before[i]!), code).toBe(true);
  });
  expect(logged.filter((line) => line.includes(` ${TWO_UP.file} `) && line.endsWith("cached"))).toHaveLength(2);
}, 120_000);
