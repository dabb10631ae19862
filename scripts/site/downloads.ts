// The downloads list of each home page: the PDFs that are actually in the output folder,
// with size and page count read from the files themselves. No manifest: nothing can go
// stale, and a build without PDFs (npm run build:site) simply lists none.
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { documentOf, pdfPath, printVariants } from "../print/index.ts";
import { paperFamilyOf, type PaperFamily } from "../project/paperFamily.ts";
import type { SiteModel, TextLanguage } from "./model.ts";

interface Download {
  /** The variant's id (leaflet-half-letter-two-up). */
  id: string;
  url: string;
  label: string;
  /**
   * Its size on paper, page count and file size ("148 × 210 mm, PDF, 2 pages, 180 kB"), as the
   * translator's words and the values put into them: each value is printed in an isolate of its
   * own, so a number or a Latin word beside it keeps its place in right-to-left text.
   */
  metaParts: MetaPart[];
  /** The language of `label` and of `meta`'s words where they are still the source locale's. */
  labelLang: TextLanguage | undefined;
  metaLang: TextLanguage | undefined;
  /** How to print it (two-up files: which flip, where to cut), and its language; undefined for the others. */
  hint: string | undefined;
  hintLang: TextLanguage | undefined;
  /** Where it is printed: at home (home and two-up) or at a print shop (press). */
  use: DownloadUse;
  /** The paper family of the sheet it is printed on; undefined for a custom size. */
  family: PaperFamily | undefined;
  pages: number;
  bytes: number;
}

interface MetaPart {
  text: string;
  value: boolean;
}

/** What a file is for: printing at home (home and two-up outputs) or at a print shop (press). */
type DownloadUse = "home" | "press";

/** One list of a group: first the reader's paper family (no label), then the rest ("Other paper sizes"). */
interface DownloadList {
  label: string | undefined;
  labelLang: TextLanguage | undefined;
  items: Download[];
}

export interface DownloadGroup {
  use: DownloadUse;
  heading: string;
  headingLang: TextLanguage | undefined;
  lists: DownloadList[];
}

const TWO_UP_HINT = "print.twoUpHint";
const USES: readonly { use: DownloadUse; heading: string }[] = [
  { use: "home", heading: "downloads.forHome" },
  { use: "press", heading: "downloads.forPrintShops" },
];
const OTHER_SIZES = "downloads.otherSizes";

/** Each locale's downloads, grouped by use, its readers' paper family first; a group with no file is left out. */
export async function listDownloads(site: SiteModel, outputDir: string): Promise<Record<string, DownloadGroup[]>> {
  const downloads: Record<string, DownloadGroup[]> = {};
  for (const locale of site.locales) {
    const list: Download[] = [];
    const t = (key: string, options?: Record<string, unknown>) => site.t(locale.code, key, options);
    // A paper's own name where ui.json has one (paper.halfLetter), else its name in documents.yml (A5).
    const named = (key: string | undefined, name: string) => (key && site.t(site.sourceLocale.code, key) !== key ? t(key) : name);
    for (const variant of printVariants(site.documents)) {
      const url = pdfPath(locale.code, variant);
      const file = join(outputDir, url);
      if (!existsSync(file)) continue;
      const bytes = statSync(file).size;
      // Loaded only when there are PDFs to count: pdf-lib is the heaviest module of a site build.
      const { PDFDocument } = await import("pdf-lib");
      const pages = (await PDFDocument.load(readFileSync(file), { updateMetadata: false })).getPageCount();
      // A variant's own label where ui.json has one (downloads.leafletPress), else one composed of the document's and paper's names.
      const own = site.t(site.sourceLocale.code, variant.labelKey) !== variant.labelKey;
      const composed = { document: t(documentOf(site.documents, variant.document).nameKey), paper: named(variant.paperKey, variant.paper), sheet: named(variant.sheetKey, variant.sheet?.name ?? "") };
      const [labelKey, labelOptions] = own ? [variant.labelKey, undefined] : [variant.labelFallbackKey, composed];
      // A two-up file is the size of its sheet, laid landscape.
      const onPaper = variant.sheet ? { width: variant.sheet.height, height: variant.sheet.width } : { width: variant.width, height: variant.height };
      const family = paperFamilyOf(onPaper);
      const dimensions = dimensionsOf(onPaper, family, locale.code, locale.numberingSystem);
      const pageCount = { count: pages };
      // A two-up file says how to print it: which flip, where to cut.
      const hintKey = variant.output === "two-up" ? TWO_UP_HINT : undefined;
      list.push({
        id: variant.id,
        url,
        label: t(labelKey, labelOptions),
        metaParts: metaOf((values) => t("downloads.meta", values), {
          dimensions: t(dimensions.key, dimensions.options),
          pages: t("home.pageCount", pageCount),
          size: formatSize(bytes, locale.code, locale.numberingSystem),
        }),
        labelLang: site.uiTextLang(locale.code, labelKey, labelOptions),
        metaLang: site.uiTextLang(locale.code, "home.pageCount", pageCount) ?? site.uiTextLang(locale.code, dimensions.key, dimensions.options),
        hint: hintKey ? t(hintKey) : undefined,
        hintLang: hintKey ? site.uiTextLang(locale.code, hintKey) : undefined,
        use: variant.output === "press" ? "press" : "home",
        family,
        pages,
        bytes,
      });
    }
    downloads[locale.code] = groupDownloads(list, locale.paper, (key) => ({ text: t(key), lang: site.uiTextLang(locale.code, key) }));
  }
  return downloads;
}

/**
 * The downloads by use (print at home, then for print shops), and in each the files on the
 * reader's paper family first, then the others (the other family, then custom sizes), each in
 * the kit's order.
 */
function groupDownloads(downloads: readonly Download[], readerFamily: PaperFamily, text: (key: string) => { text: string; lang: TextLanguage | undefined }): DownloadGroup[] {
  const rank = (d: Download) => (d.family === readerFamily ? 0 : d.family ? 1 : 2);
  return USES.flatMap(({ use, heading }) => {
    const items = downloads.filter((d) => d.use === use);
    if (items.length === 0) return [];
    const own = items.filter((d) => rank(d) === 0);
    const rest = items.filter((d) => rank(d) > 0).toSorted((a, b) => rank(a) - rank(b));
    const other = text(OTHER_SIZES);
    const lists: DownloadList[] = [];
    if (own.length > 0) lists.push({ label: undefined, labelLang: undefined, items: own });
    // "Other paper sizes" only where it follows the reader's own.
    if (rest.length > 0) lists.push({ label: own.length > 0 ? other.text : undefined, labelLang: own.length > 0 ? other.lang : undefined, items: rest });
    const title = text(heading);
    return [{ use, heading: title.text, headingLang: title.lang, lists }];
  });
}

/** A placeholder's value while the translation is filled in: private-use characters, which no translation or value holds. */
const valueMark = (index: number) => `\uE000${index}\uE001`;
const VALUE_MARK = /\uE000(\d+)\uE001/;

/** A translation filled in with `values`, as parts: the translator's words and each value on its own. */
function metaOf(translate: (values: Record<string, string>) => string, values: Record<string, string>): MetaPart[] {
  const texts = Object.values(values);
  const marked = translate(Object.fromEntries(Object.keys(values).map((name, index) => [name, valueMark(index)])));
  // split() with a group: the words between marks at even places, each mark's index at odd ones.
  return marked
    .split(VALUE_MARK)
    .map((piece, i) => (i % 2 === 0 ? { text: piece, value: false } : { text: texts[Number(piece)]!, value: true }))
    .filter((part) => part.text !== "");
}

/** A sheet's size in the reader's family's unit: inches for Letter sizes (8.5 × 11 in), else millimetres (148 × 210 mm). */
function dimensionsOf(paper: { width: number; height: number }, family: PaperFamily | undefined, locale: string, numberingSystem: string): { key: string; options: Record<string, string> } {
  const inches = family === "letter";
  const number = new Intl.NumberFormat(locale, { numberingSystem, maximumFractionDigits: 1, useGrouping: false });
  const unit = (mm: number) => number.format(inches ? mm / 25.4 : mm);
  return { key: inches ? "downloads.sizeInches" : "downloads.sizeMm", options: { width: unit(paper.width), height: unit(paper.height) } };
}

/** "180 kB", "1.2 MB", in the locale's words and digits. */
function formatSize(bytes: number, locale: string, numberingSystem: string): string {
  const mega = bytes >= 1_000_000;
  return new Intl.NumberFormat(locale, {
    style: "unit",
    unit: mega ? "megabyte" : "kilobyte",
    unitDisplay: "short",
    numberingSystem,
    maximumFractionDigits: mega ? 1 : 0,
  }).format(mega ? bytes / 1_000_000 : Math.max(1, Math.round(bytes / 1000)));
}
