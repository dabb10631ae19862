// Replaces the text of one block in a section file's lines and nothing else: the list marker,
// the > signs, the indentation, the ::: keyword and the line ends stay as they were.
import type { Block } from "../../project/blocks.ts";

const eolOf = (line: string) => /\r?\n$/.exec(line)?.[0] ?? "";

/** What comes before the block's text on a line whose (trimmed) text is `text`. */
function prefixOf(raw: string, text: string, kind: Block["kind"]): string {
  const content = raw.replace(/\r?\n$/, "").trimEnd();
  if (text !== "" && content.endsWith(text)) return content.slice(0, content.length - text.length);
  // A heading written with closing hashes (## Title ##), or an empty line of text.
  if (kind === "heading") return /^\s*#+[ \t]*/.exec(content)?.[0] ?? "## ";
  return content.slice(0, content.length - content.trimStart().length);
}

/** `lines` (0-based, line ends kept) with the block's text replaced by `text` (lines joined with \n). */
export function replaceBlockText(lines: string[], block: Block, text: string): void {
  const first = block.line - 1;
  const count = block.endLine - block.line + 1;
  const old = block.markdown.split("\n");
  // Containers (quote, details) end at their closing :::, but their text is the fence line's.
  const span = block.kind === "quote" || block.kind === "details" ? 1 : Math.min(count, old.length);
  const prefixes = old.slice(0, span).map((line, k) => prefixOf(lines[first + k]!, line, block.kind));
  const continuation = prefixes[1] ?? prefixes[0]!.replace(/[^\s>]/g, " ");
  const eol = eolOf(lines[first + span - 1]!) || eolOf(lines[first]!);
  const replaced = text.split("\n").map((line, k) => `${k === 0 ? prefixes[0] : (prefixes[k] ?? continuation)}${line}`.trimEnd() + eol);
  lines.splice(first, span, ...replaced);
}
