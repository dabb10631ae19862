// Which exchange format a file is, by its name, and the reader and writer for it.
import type { LocaleExport } from "./entries.ts";
import { readPo, writePo, type ImportedFile } from "./po.ts";

export type ExchangeFormat = "po" | "xliff";

export function formatOfFile(file: string): ExchangeFormat | undefined {
  if (/\.pot?$/i.test(file)) return "po";
  if (/\.(xlf|xliff)$/i.test(file)) return "xliff";
  return undefined;
}

export function writeExchange(format: ExchangeFormat, exported: LocaleExport): string {
  if (format === "po") return writePo(exported);
  throw new Error("XLIFF is not written yet: use --format po");
}

export function readExchange(format: ExchangeFormat, text: string, file: string): ImportedFile {
  if (format === "po") return readPo(text, file);
  throw new Error("XLIFF is not read yet: import a PO file");
}
