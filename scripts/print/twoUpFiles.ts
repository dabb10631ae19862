// The two-up files for home printers: a finished PDF whose page is half a common sheet, printed
// twice per sheet (scripts/render/twoUp.ts) to be cut in two. Which exist is fixed here until
// documents declare their outputs (content/documents.yml).
import type { PrintVariant } from "./variants.ts";

export interface TwoUpSheet {
  name: string;
  /** Portrait size in millimetres; the two-up file is laid out landscape. */
  width: number;
  height: number;
}

export const TWO_UP_SHEETS = {
  A4: { name: "A4", width: 210, height: 297 },
  letter: { name: "US Letter", width: 215.9, height: 279.4 },
} as const satisfies Record<string, TwoUpSheet>;

export interface TwoUpFile {
  /** The variant (PrintVariant.id) whose finished PDF is imposed. */
  variant: string;
  sheet: TwoUpSheet;
  file: string;
  /** UI string keys of the download link's label and of the hint that says how to print it. */
  labelKey: string;
  hintKey: string;
}

export const TWO_UP_FILES: readonly TwoUpFile[] = [{ variant: "leaflet", sheet: TWO_UP_SHEETS.A4, file: "leaflet-a5-two-up-a4.pdf", labelKey: "downloads.leafletTwoUp", hintKey: "print.twoUpHint" }];

/** The two-up files made from a variant's PDF. */
export function twoUpFilesOf(variant: PrintVariant): TwoUpFile[] {
  return TWO_UP_FILES.filter((twoUp) => twoUp.variant === variant.id);
}

export function twoUpPath(locale: string, twoUp: TwoUpFile): string {
  return `/${locale}/${twoUp.file}`;
}
