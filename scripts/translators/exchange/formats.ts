// Which exchange format a file is, by its name, and the reader and writer for it. A file to
// import is untrusted: it is read as bytes, held to a size limit and decoded strictly (UTF-8, or
// the charset its header declares) before any parser sees it.
import { closeSync, fstatSync, openSync, readFileSync } from "node:fs";
import { ContentError } from "../../shared/contentError.ts";
import { MAX_FILE_BYTES } from "../../shared/readText.ts";
import type { LocaleExport } from "./types.ts";
import { readPo, writePo } from "./po.ts";
import type { ImportedFile } from "./types.ts";
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

/**
 * The largest exchange file import reads: it carries at most the English and the translation of
 * every file import writes (each section file and ui.json), each held to the reader's limit.
 */
export function maxExchangeBytes(sectionCount: number): number {
  return 2 * MAX_FILE_BYTES * (sectionCount + 1);
}

/** Reads and decodes the file to import, refusing a file too large, binary or not in its declared encoding. */
export async function readExchangeFile(path: string, format: "po" | "xliff", file: string, maxBytes: number): Promise<ImportedFile> {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ContentError(
      { file },
      code === "ENOENT" ? "there is no such file" : `the file cannot be read (${code ?? "unknown error"})`,
      "check the file's name and path, then import again; nothing was changed",
    );
  }
  let bytes: Buffer;
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new ContentError({ file }, "this is a folder, not a file", "name the .po or .xlf file to import; nothing was changed");
    if (stat.size > maxBytes) {
      throw new ContentError(
        { file },
        `the file is ${(stat.size / 1024 / 1024).toFixed(1)} MB; a translation of this project is at most ${(maxBytes / 1024 / 1024).toFixed(0)} MB (every section file and ui.json at most ${MAX_FILE_BYTES / 1024 / 1024} MB each, with the English beside it)`,
        "check that this is the file locale:export wrote for the locale; nothing was changed",
      );
    }
    bytes = readFileSync(fd);
  } finally {
    closeSync(fd);
  }
  return readExchange(format, decodeExchange(bytes, format, file), file);
}

/** The file's text: UTF-8 unless the file declares another charset (PO header, XML declaration). */
function decodeExchange(bytes: Uint8Array, format: "po" | "xliff", file: string): string {
  if (bytes.every((b) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09)) {
    throw new ContentError({ file }, "the file is empty", "export the locale again with npm run locale:export, translate that file and import it; nothing was changed");
  }
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (bytes.includes(0) && !utf16) {
    throw new ContentError(
      { file },
      `this is a binary file, not a ${format === "po" ? "PO" : "XLIFF"} file`,
      "import the text file that locale:export wrote (or your tool saved); nothing was changed",
    );
  }
  const declared = utf16 ? (bytes[0] === 0xff ? "utf-16le" : "utf-16be") : declaredCharset(bytes, format);
  const charset = declared === undefined || /^(utf-?8|charset)$/i.test(declared) ? "utf-8" : declared;
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset, { fatal: true });
  } catch {
    throw new ContentError(
      { file },
      `the file declares the character set "${declared}" (${format === "po" ? "in its Content-Type header" : "in its <?xml encoding=…?> declaration"}), which is not one that can be read`,
      "save the file as UTF-8 from your editor (and say charset=UTF-8), then import again; nothing was changed",
    );
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    const at = firstBadLine(bytes, charset);
    throw new ContentError(
      { file, line: at },
      charset === "utf-8"
        ? `the file is not valid UTF-8 text${declared === undefined ? " and declares no other character set" : ""}`
        : `the file is not valid ${declared} text, the character set it declares`,
      `save the file as UTF-8 from your editor${format === "po" ? " (the header then says charset=UTF-8)" : ""}, then import again; nothing was changed`,
    );
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
}

/** The charset the file declares: the PO header's Content-Type, or the XML declaration's encoding. */
function declaredCharset(bytes: Uint8Array, format: "po" | "xliff"): string | undefined {
  // Both declarations are ASCII and sit at the start; Latin-1 reads any bytes without failing.
  const head = Buffer.from(bytes.subarray(0, 64 * 1024)).toString("latin1");
  if (format === "xliff") return /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/.exec(head)?.[1];
  // The header is the msgstr of the first entry (msgid ""), up to the next msgid or msgctxt.
  const start = head.search(/^msgid\s+""/m);
  if (start < 0) return undefined;
  const rest = head.slice(start + 5);
  const end = rest.search(/^\s*(?:msgid|msgctxt)\b/m);
  const header = end >= 0 ? rest.slice(0, end) : rest;
  return /[; "]charset\s*=\s*([\w.:-]+)/i.exec(header)?.[1];
}

function firstBadLine(bytes: Uint8Array, charset: string): number {
  const strict = new TextDecoder(charset, { fatal: true });
  let start = 0;
  for (let line = 1; start <= bytes.length; line++) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    try {
      strict.decode(bytes.subarray(start, end));
    } catch {
      return line;
    }
    start = end + 1;
  }
  return 1;
}
