// The short form of a section for print: the blocks its file marks with ::: excerpt ... :::,
// taken word for word from the section's own markdown (nothing is summarised or reworded).
import { parseMarkdown } from "../content/markdown.ts";

/** Markdown of each excerpt block of a section body, in order; empty when none is marked. */
export function excerptBlocks(body: string): string[] {
  const lines = body.split("\n");
  const blocks: string[] = [];
  for (const token of parseMarkdown(body)) {
    if (token.type !== "container_excerpt_open" || !token.map) continue;
    const [start, end] = token.map;
    // markdown-it-container's map: [opening marker line, closing marker line].
    const inner = lines.slice(start + 1, end).filter((line, i, all) => i < all.length - 1 || !/^\s*:{3,}\s*$/.test(line));
    blocks.push(dedent(inner).join("\n").trim());
  }
  return blocks.filter((block) => block.length > 0);
}

/** Excerpts inside a list item are indented with it: read them as top-level markdown. */
function dedent(lines: string[]): string[] {
  const indents = lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length);
  const common = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(Math.min(common, /^ */.exec(l)![0].length)));
}
