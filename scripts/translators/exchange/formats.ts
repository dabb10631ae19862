// Which exchange format a file is, by its name, and the reader and writer for it.
import type { LocaleExport } from "./entries.ts";
import { readPo, writePo, type ImportedFile } from "./po.ts";
import { readXliff, writeXliff } from "./xliff.ts";

/** po: gettext; xliff: XLIFF 1.2 (what most desktop tools import); xliff2: XLIFF 2.0. */
export type ExchangeFormat = "po" | "xliff" | "xliff2";
export const FORMATS: readonly ExchangeFormat[] = ["po", "xliff", "xliff2"];

export function formatOfFile(file: string): "po" | "xliff" | undefined {
  if (/\.pot?$/i.test(file)) return "po";
  if (/\.(xlf|xliff)$/i.test(file)) return "xliff";
  return undefined;
}

export async function writeExchange(format: ExchangeFormat, exported: LocaleExport): Promise<string> {
  if (format === "po") return writePo(exported);
  return writeXliff(exported, format === "xliff" ? "1.2" : "2.0");
}

/** The XLIFF version is read from the file itself. */
export async function readExchange(format: "po" | "xliff", text: string, file: string): Promise<ImportedFile> {
  return format === "po" ? readPo(text, file) : readXliff(text, file);
}
