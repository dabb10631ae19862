// YAML files written by people (campaign.yml, content/sections.yml, content/documents.yml and
// the front matter of section files): one parser setting and one wording for syntax errors.
import { LineCounter, parseDocument, type Document, type Node } from "yaml";
import { ContentError } from "./contentError.ts";

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
    const pos = lineCounter.linePos(error.pos[0]);
    throw new ContentError({ file, line: pos.line + firstLine - 1, column: pos.col }, `${what}: ${plainYamlReason(error.code, error.message)}`, hint);
  }
  const lineOf = (node: unknown) => {
    const range = (node as Node | null | undefined)?.range;
    return range ? lineAt(range[0]) : undefined;
  };
  return { doc, lineAt, lineOf };
}

function plainYamlReason(code: string, message: string): string {
  const reasons: Record<string, string> = {
    DUPLICATE_KEY: "a key appears twice",
    BAD_INDENT: "the indentation is wrong",
    MISSING_CHAR: "a closing quote or bracket is missing",
    MULTILINE_IMPLICIT_KEY: "a key runs over several lines (is a value missing its quotes?)",
    BLOCK_AS_IMPLICIT_KEY: "a key runs over several lines (is a value missing its quotes?)",
    UNEXPECTED_TOKEN: "something unexpected is on this line",
  };
  return reasons[code] ?? message.split("\n")[0] ?? code;
}
