// YAML files written by people (campaign.yml, content/sections.yml, content/documents.yml and
// the front matter of section files): one parser setting and one wording for syntax errors.
import { isCollection, isScalar, LineCounter, parseDocument, visit, type Document, type Node, type YAMLError } from "yaml";
import { ContentError } from "./contentError.ts";
import { shorten } from "./shorten.ts";

export interface YamlText {
  doc: Document;
  /** The line in the file of an offset in the text. */
  lineAt(offset: number): number;
  /** The line a node of the document starts on; undefined for anything that is not a node with a place (a missing key). */
  lineOf(node: unknown): number | undefined;
}

export interface YamlOptions {
  /** How the error starts ("not valid YAML", "the front matter is not valid YAML"). */
  what?: string;
  /** The line of the file where the text starts (front matter starts on line 2). */
  firstLine?: number;
}

/** Parses YAML; a syntax error becomes a ContentError at its line and column, in plain words. */
export function parseYaml(text: string, file: string, hint: string, { what = "not valid YAML", firstLine = 1 }: YamlOptions = {}): YamlText {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  const error = doc.errors[0];
  if (error) {
    const plain = plainYamlError(error, text, doc);
    const pos = lineCounter.linePos(plain.offset);
    throw new ContentError({ file, line: pos.line + firstLine - 1, column: pos.col }, `${what}: ${plain.reason}`, plain.hint ?? hint);
  }
  const lineOf = (node: unknown) => {
    const range = (node as Node | null | undefined)?.range;
    return range ? lineAt(range[0]) : undefined;
  };
  return { doc, lineAt, lineOf };
}

/** A syntax error in plain words: where to point (an offset in the text), what is wrong, and what to do when the caller's hint would not fit. */
interface PlainError {
  offset: number;
  reason: string;
  hint?: string;
}

/**
 * The parser's error codes each cover several slips (MISSING_CHAR is a missing quote and also a
 * line with no key; BAD_INDENT an unclosed [ as well as indentation), and it often points past the
 * slip (to the end of the text for a quote never closed). So the wording is chosen by the parser's
 * message and the line itself, and a quote or bracket is pointed to where it opens.
 */
function plainYamlError(error: YAMLError, text: string, doc: Document): PlainError {
  const { code, message } = error;
  const offset = error.pos[0];
  const line = lineText(text, offset);
  const written = line.text.trim();

  const quote = /^Missing closing (["'])quote/.exec(message)?.[1];
  if (code === "MISSING_CHAR" && quote) {
    const opened = openedAt(doc, offset, (node) => isScalar(node) && node.type === (quote === '"' ? "QUOTE_DOUBLE" : "QUOTE_SINGLE"));
    const escaped = quote === '"' ? '\\"' : "''";
    return { offset: opened ?? offset, reason: `the ${quote} here is never closed`, hint: `end the value with ${quote} (a ${quote} inside it is written ${escaped})` };
  }

  const closer = /^Flow (?:sequence|map)\b.* end with an? ([\]}])$/.exec(message)?.[1];
  if (closer) {
    const opener = closer === "]" ? "[" : "{";
    // The parser gives this one message also for a list that is closed but whose next lines are not indented under its key.
    if (line.text.includes(closer)) return { offset, reason: `the lines of the ${opener} … ${closer} above must be indented further than its key` };
    const opened = openedAt(doc, offset, (node) => isCollection(node) && node.flow === true);
    return {
      offset: opened ?? offset,
      reason: `the "${opener}" here is never closed with "${closer}" (a value that starts with ${opener} is read as a ${opener === "[" ? "list" : "set of keys"})`,
      hint: `put the whole value in "quotes" if the ${opener} is part of the text, or close the ${opener === "[" ? "list" : "set"} with ${closer}`,
    };
  }

  if (code === "BLOCK_AS_IMPLICIT_KEY" && message.startsWith("Nested mappings")) {
    // The parser points to the start of the value: the line from there is the value as written.
    const value = line.text.slice(offset - line.start).trim();
    if (/:(?:\s|$)/.test(value)) {
      const key = line.text.slice(0, offset - line.start).trim();
      return {
        offset,
        reason: `the value "${value}" has a colon and a space in it, which YAML reads as the start of another key`,
        hint: `put the whole value in quotes:  ${key} ${JSON.stringify(value)}`,
      };
    }
  }

  const noValue = code === "MISSING_CHAR" && message.startsWith("Implicit map keys need to be followed by map values");
  if ((noValue || code === "MULTILINE_IMPLICIT_KEY") && !/:(?:\s|$)/.test(written)) {
    const key = /^([^\s:#]+):(\S.*)$/.exec(written);
    if (key) return { offset, reason: `"${written}" has no space after the colon`, hint: `write a space after the key's colon:  ${key[1]}: ${key[2]}` };
    return {
      offset,
      reason: `the line "${shorten(written, 60)}" is not "key: value" (it has no key and colon)`,
      hint: "write it as  key: value, or remove it (a value that goes on from the line above belongs on that line)",
    };
  }

  const reasons: Record<string, string> = {
    DUPLICATE_KEY: "a key appears twice",
    BAD_INDENT: "the indentation is wrong",
    MULTILINE_IMPLICIT_KEY: "a key runs over several lines (is a value missing its quotes?)",
    BLOCK_AS_IMPLICIT_KEY: "a key runs over several lines (is a value missing its quotes?)",
    UNEXPECTED_TOKEN: "something unexpected is on this line",
  };
  return { offset, reason: reasons[code] ?? message.split("\n")[0] ?? code };
}

/** The line an offset is on: its text and where it starts. */
function lineText(text: string, offset: number): { text: string; start: number } {
  const start = text.lastIndexOf("\n", offset - 1) + 1;
  const end = text.indexOf("\n", offset);
  return { text: text.slice(start, end === -1 ? undefined : end).replace(/\r$/, ""), start };
}

/** Where the innermost node that runs on to `offset` (a quote or bracket never closed) opens. */
function openedAt(doc: Document, offset: number, wanted: (node: Node) => boolean): number | undefined {
  let opened: number | undefined;
  visit(doc, {
    Node(_key, node) {
      const range = node.range;
      if (range && range[0] < offset && range[1] >= offset && wanted(node)) opened = range[0];
    },
  });
  return opened;
}
