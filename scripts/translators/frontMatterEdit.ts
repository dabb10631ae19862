// Edits one `key: value` line of a section file's front matter and leaves every other byte
// as it was (byte-order mark, CRLF line ends, quoting, the body), so a translator's file
// never changes under them beyond the line the tool owns.
import { parse as parseYaml } from "yaml";

const FENCE = /^---[ \t]*\r?\n?$/;

/** Splits text into lines that keep their own line ends. */
export function linesOf(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function frontMatterBounds(lines: string[], file: string): number {
  if (!FENCE.test(lines[0] ?? "")) throw new Error(`${file} does not start with front matter (---)`);
  const end = lines.findIndex((line, i) => i > 0 && FENCE.test(line));
  if (end === -1) throw new Error(`${file}: the front matter is never closed (---)`);
  return end;
}

/** Sets `key: value` in the front matter: replaces the key's line, or adds it before the closing ---. */
export function setFrontMatterLine(raw: string, key: string, value: string, file = "the file"): string {
  const bom = raw.startsWith("\uFEFF") ? "\uFEFF" : "";
  const lines = linesOf(raw.slice(bom.length));
  const end = frontMatterBounds(lines, file);
  const eol = lines[0]!.endsWith("\r\n") ? "\r\n" : "\n";
  const keyLine = new RegExp(`^${key}[ \\t]*:`);
  const at = lines.findIndex((line, i) => i > 0 && i < end && keyLine.test(line));
  if (at !== -1) {
    const ending = /\r?\n$/.exec(lines[at]!)?.[0] ?? "";
    lines[at] = `${key}: ${value}${ending}`;
  } else {
    lines.splice(end, 0, `${key}: ${value}${eol}`);
  }
  return bom + lines.join("");
}

/** Removes `key: …` from the front matter, if it is there. */
export function removeFrontMatterLine(raw: string, key: string, file = "the file"): string {
  const bom = raw.startsWith("\uFEFF") ? "\uFEFF" : "";
  const lines = linesOf(raw.slice(bom.length));
  const end = frontMatterBounds(lines, file);
  const keyLine = new RegExp(`^${key}[ \\t]*:`);
  return bom + lines.filter((line, i) => !(i > 0 && i < end && keyLine.test(line))).join("");
}

const exact = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** The file's text with nothing normalised (BOM and CRLF kept), for byte-for-byte edits. */
export function decodeExact(bytes: Uint8Array): string {
  return exact.decode(bytes);
}

/** A value as YAML text for a front matter line: bare where YAML reads it back unchanged, else double-quoted. */
export function yamlScalar(text: string): string {
  try {
    if (!/[\n#]|^\s|\s$/.test(text) && parseYaml(`k: ${text}`)?.k === text) return text;
  } catch {}
  return JSON.stringify(text);
}
