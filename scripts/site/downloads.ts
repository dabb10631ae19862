// The downloads list of each home page: the PDFs that are actually in the output folder,
// with size and page count read from the files themselves. No manifest: nothing can go
// stale, and a build without PDFs (npm run build:site) simply lists none.
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { documentOf, pdfPath, printVariants } from "../print/index.ts";
import type { SiteModel, TextLanguage } from "./model.ts";

export interface Download {
  url: string;
  label: string;
  meta: string;
  /** The language of `label` and of `meta`'s words where they are still the source locale's. */
  labelLang: TextLanguage | undefined;
  metaLang: TextLanguage | undefined;
  /** How to print it (two-up files: which flip, where to cut), and its language; undefined for the others. */
  hint: string | undefined;
  hintLang: TextLanguage | undefined;
  pages: number;
  bytes: number;
}

const TWO_UP_HINT = "print.twoUpHint";

export async function listDownloads(site: SiteModel, outputDir: string): Promise<Record<string, Download[]>> {
  const downloads: Record<string, Download[]> = {};
  for (const locale of site.locales) {
    const list: Download[] = [];
    const t = (key: string, options?: Record<string, unknown>) => site.t(locale.code, key, options);
    const add = async (url: string, labelKey: string, labelOptions: Record<string, unknown> | undefined, hintKey?: string) => {
      const file = join(outputDir, url);
      if (!existsSync(file)) return;
      const bytes = statSync(file).size;
      // Loaded only when there are PDFs to count: pdf-lib is the heaviest module of a site build.
      const { PDFDocument } = await import("pdf-lib");
      const pages = (await PDFDocument.load(readFileSync(file), { updateMetadata: false })).getPageCount();
      list.push({
        url,
        label: t(labelKey, labelOptions),
        meta: t("downloads.meta", { pages: t("home.pageCount", { count: pages }), size: formatSize(bytes, locale.code, locale.numberingSystem) }),
        labelLang: site.uiTextLang(locale.code, labelKey, labelOptions),
        metaLang: site.uiTextLang(locale.code, "home.pageCount", { count: pages }),
        hint: hintKey ? t(hintKey) : undefined,
        hintLang: hintKey ? site.uiTextLang(locale.code, hintKey) : undefined,
        pages,
        bytes,
      });
    };
    for (const variant of printVariants(site.documents)) {
      // A variant's own label where ui.json has one (downloads.leafletPress), else one composed of the document's and paper's names.
      const own = site.t(site.sourceLocale.code, variant.labelKey) !== variant.labelKey;
      // A paper's own name where ui.json has one (paper.halfLetter), else its name in documents.yml (A5).
      const named = (key: string | undefined, name: string) => (key && site.t(site.sourceLocale.code, key) !== key ? t(key) : name);
      const composed = { document: t(documentOf(site.documents, variant.document).nameKey), paper: named(variant.paperKey, variant.paper), sheet: named(variant.sheetKey, variant.sheet?.name ?? "") };
      // A two-up file says how to print it: which flip, where to cut.
      await add(pdfPath(locale.code, variant), own ? variant.labelKey : variant.labelFallbackKey, own ? undefined : composed, variant.output === "two-up" ? TWO_UP_HINT : undefined);
    }
    downloads[locale.code] = list;
  }
  return downloads;
}

/** "180 kB", "1.2 MB", in the locale's words and digits. */
export function formatSize(bytes: number, locale: string, numberingSystem: string): string {
  const mega = bytes >= 1_000_000;
  return new Intl.NumberFormat(locale, {
    style: "unit",
    unit: mega ? "megabyte" : "kilobyte",
    unitDisplay: "short",
    numberingSystem,
    maximumFractionDigits: mega ? 1 : 0,
  }).format(mega ? bytes / 1_000_000 : Math.max(1, Math.round(bytes / 1000)));
}
