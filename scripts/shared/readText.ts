// Reads a file that a person wrote (possibly a stranger's pull request) as text,
// refusing what cannot be content: binary, non-UTF-8, empty or huge files.
import { isAscii, isUtf8, transcode } from "node:buffer";
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { relative } from "node:path";
import { ContentError } from "./contentError.ts";

export const MAX_FILE_BYTES = 1024 * 1024;

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** The path as shown to people: relative to the project when inside it. */
export function displayPath(file: string, root = process.cwd()): string {
  const rel = relative(root, file);
  return rel.startsWith("..") ? file : rel;
}

/**
 * Where every file is read, one byte more than a file may hold (the text is copied out of it): the
 * reader reads thousands of files per command, and a buffer each was as many allocations.
 */
let shared: Buffer | undefined;

/** Opening refuses a symbolic link (where the system can tell: not on Windows). */
const READ_NO_LINK = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0);

export function readText(file: string, root?: string): string {
  // One open, and reads until the end (or past the largest size allowed); the size is asked for only when it is too large.
  shared ??= Buffer.allocUnsafe(MAX_FILE_BYTES + 1);
  const fd = openNoLink(file, root);
  let length = 0;
  try {
    for (let read = -1; read !== 0 && length < shared.length; length += read) read = readSync(fd, shared, length, shared.length - length, null);
    if (length > MAX_FILE_BYTES) {
      const size = fstatSync(fd).size;
      throw new ContentError(
        { file: displayPath(file, root) },
        `the file is ${(size / 1024 / 1024).toFixed(1)} MB; content and locale files are at most 1 MB`,
        "check that the right file was added; split a very long section into several sections",
      );
    }
  } finally {
    closeSync(fd);
  }
  return decoded(shared.subarray(0, length), () => displayPath(file, root));
}

/**
 * A file a translator sends may be a link to a file anywhere on the machine that builds the site
 * (a pull request can add one): the reader reads only files the project holds.
 */
function openNoLink(file: string, root?: string): number {
  try {
    return openSync(file, READ_NO_LINK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ELOOP") throw error;
    throw new ContentError({ file: displayPath(file, root) }, SYMBOLIC_LINK, SYMBOLIC_LINK_HINT);
  }
}

export const SYMBOLIC_LINK = "this is a symbolic link, not a file: the project reads only what it holds itself, never what a link points to";
export const SYMBOLIC_LINK_HINT = "replace the link with the file (or folder) itself, committed in the project";

/** Decodes UTF-8 (a byte-order mark is accepted and dropped); CRLF becomes LF. */
export function decodeText(bytes: Uint8Array, shown: string): string {
  return decoded(bytes, () => shown);
}

/** decodeText, with the path as shown worked out only for a message. */
function decoded(bytes: Uint8Array, shownAs: () => string): string {
  const shown = (): { file: string } => ({ file: shownAs() });
  if (bytes.length === 0) {
    throw new ContentError(shown(), "the file is empty", "add the content, or delete the file");
  }
  if (bytes.includes(0)) {
    throw new ContentError(shown(), "this is a binary file, not text", "content and locale files must be plain text (UTF-8); save it as text from your editor");
  }
  if (!isUtf8(bytes)) {
    const { line, column } = firstBadByte(bytes);
    throw new ContentError({ ...shown(), line, column }, "the file is not valid UTF-8 text", "save the file with the UTF-8 encoding (in most editors: Save As… → Encoding → UTF-8)");
  }
  let text = utf8Text(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
}

/** Whether Node has ICU, and with it buffer.transcode() (official and Debian builds do). */
const HAS_ICU = typeof process.versions.icu === "string";

/**
 * Valid UTF-8 as a string, as buffer.toString("utf8") gives it. Node 20's UTF-8 decoder (V8's,
 * behind toString() and TextDecoder) is about 5× slower than transcoding the bytes to UTF-16 and
 * taking those as the string's code units; ASCII (checked at once) is taken byte for byte.
 */
function utf8Text(bytes: Buffer): string {
  if (isAscii(bytes)) return bytes.toString("latin1");
  return HAS_ICU ? transcode(bytes, "utf8", "ucs2").toString("ucs2") : bytes.toString("utf8");
}

function firstBadByte(bytes: Uint8Array): { line: number; column: number } {
  const lenient = new TextDecoder("utf-8");
  let start = 0;
  for (let line = 1; start <= bytes.length; line++) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    const lineBytes = bytes.subarray(start, end);
    try {
      utf8.decode(lineBytes);
    } catch {
      return { line, column: lenient.decode(lineBytes).indexOf("\uFFFD") + 1 || 1 };
    }
    start = end + 1;
  }
  return { line: 1, column: 1 };
}
