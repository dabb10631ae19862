// The short form of a section for print: the blocks its file marks with ::: excerpt ... :::,
// taken word for word from the section's own markdown (nothing is summarised or reworded).
// Blocks come from the project's block reader, and a translation's excerpts are the ones the
// aligner pairs with the English excerpts: the same pairing the translators' check reports on.
import { alignBlocks } from "../project/align.ts";
import { readBlocks, type Block } from "../project/blocks.ts";

/** Markdown of each excerpt block of a section body, in order; empty when none is marked. */
export function excerptBlocks(body: string): string[] {
  const lines = body.split("\n");
  return readBlocks(body, 1)
    .blocks.filter((b) => b.kind === "excerpt")
    .map((block) => excerptMarkdown(block, lines))
    .filter((block) => block.length > 0);
}

/**
 * A translation's excerpts, one for each English excerpt, found through the alignment; undefined
 * when an English excerpt has no counterpart (the translation then prints the English excerpts).
 */
export function translatedExcerpts(englishBody: string, translationBody: string): string[] | undefined {
  const english = readBlocks(englishBody, 1).blocks;
  const translation = readBlocks(translationBody, 1).blocks;
  const { counterpart } = alignBlocks(english, translation);
  const lines = translationBody.split("\n");
  const blocks: string[] = [];
  for (let i = 0; i < english.length; i++) {
    if (english[i]!.kind !== "excerpt") continue;
    const own = translation[counterpart[i]!];
    if (own?.kind !== "excerpt") return undefined;
    blocks.push(excerptMarkdown(own, lines));
  }
  return blocks.filter((block) => block.length > 0);
}

function excerptMarkdown(block: Block, lines: string[]): string {
  // Lines are numbered from 1: the opening ::: line is block.line, the closing one block.endLine.
  const inner = lines.slice(block.line, block.endLine).filter((line, i, all) => i < all.length - 1 || !/^\s*:{3,}\s*$/.test(line));
  return dedent(inner).join("\n").trim();
}

/** Excerpts inside a list item are indented with it: read them as top-level markdown. */
function dedent(lines: string[]): string[] {
  const indents = lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length);
  const common = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(Math.min(common, /^ */.exec(l)![0].length)));
}
