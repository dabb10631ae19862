// JSON files written by translators: parse errors become file:line:column messages in plain words.
import { ContentError } from "./contentError.ts";

/** `file` is the path as shown to people. */
export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const token = /^Unexpected token '(.)'/.exec(message)?.[1];
    const position = Number(/at position (\d+)/.exec(message)?.[1] ?? (token === undefined ? NaN : offsetOutsideStrings(text, token)));
    const place = Number.isNaN(position) ? { file } : { file, ...lineColumn(text, position) };
    throw new ContentError(place, `not valid JSON: ${plainJsonReason(message)}`, jsonHint(message));
  }
}

/** Where a character first appears outside a "string": V8 gives no position for some tokens. */
function offsetOutsideStrings(text: string, char: string): number {
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === char) return i;
    else if (c === '"') inString = true;
  }
  return NaN;
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

function plainJsonReason(message: string): string {
  if (/Unexpected end of JSON input/i.test(message)) return 'the file ends too early (a closing } or " is missing)';
  if (/Expected double-quoted property name|Expected property name/i.test(message)) return "a key is not in double quotes, or there is a comma before a closing }";
  if (/Expected ',' or '}'|Expected ',' or ']'/i.test(message)) return "a comma is missing between two entries";
  if (/Expected ':' after property name/i.test(message)) return "a colon is missing after a key";
  if (/Unterminated string/i.test(message)) return 'a string is never closed (a " is missing)';
  if (/Bad control character/i.test(message)) return "a line break or tab inside a string (write \\n instead)";
  if (/Unexpected non-whitespace character/i.test(message)) return "there is text after the end of the JSON";
  const unexpected = /^Unexpected token '(.)'/.exec(message);
  if (unexpected) return `an unexpected ${JSON.stringify(unexpected[1])} (JSON text needs "double quotes")`;
  // V8 may quote a piece of the file after the reason: keep the reason, on one line.
  return message
    .split("\n")[0]!
    .replace(/^SyntaxError: /, "")
    .replace(/, ".*$/, "")
    .replace(/ in JSON at position \d+.*$/, "");
}

function jsonHint(message: string): string {
  if (/Expected double-quoted property name|Expected property name/i.test(message)) {
    return 'put keys in "double quotes" and remove any comma before a closing }';
  }
  return 'fix the line shown; every key and text needs "double quotes" and entries are separated by commas';
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
