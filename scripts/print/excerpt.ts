// The short form of a section for print: the blocks its file marks with ::: excerpt ... :::,
// taken word for word from the section's own markdown (nothing is summarised or reworded).
// Blocks come from the project's block reader, and a translation's excerpts are the ones the
// aligner pairs with the English excerpts: the same pairing the translators' check reports on.
// A section of the project brings its blocks (read once, `structure`); a bare body is read here.
import { alignBlocks } from "../project/align.ts";
import { readBlocks, type Block, type SectionBlocks } from "../project/blocks.ts";

/** A section of the project (its blocks already read), or a bare section body. */
export type SectionText = string | { body: string; bodyLine: number; structure: SectionBlocks };

interface ReadBody {
  blocks: Block[];
  lines: string[];
  /** Block lines are file lines: the body's first line is `offset + 1`. */
  offset: number;
}

function read(text: SectionText): ReadBody {
  if (typeof text === "string") return { blocks: readBlocks(text, 1).blocks, lines: text.split("\n"), offset: 0 };
  return { blocks: text.structure.blocks, lines: text.body.split("\n"), offset: text.bodyLine - 1 };
}

/** Each excerpt block of a section body that is not empty, in order: its index in the blocks and its markdown; empty when none is marked. */
export function excerptBlocks(text: SectionText): { index: number; markdown: string }[] {
  const body = read(text);
  return body.blocks
    .map((block, index) => ({ index, markdown: block.kind === "excerpt" ? excerptMarkdown(block, body) : "" }))
    .filter((block) => block.markdown.length > 0);
}

/** One excerpt as printed: its markdown, whether it is the English one standing in for a translation's, and the index of its block (in the English's blocks where `english`, else in the translation's). */
interface PrintedExcerpt {
  markdown: string;
  english: boolean;
  index: number;
}

/**
 * The excerpts a translation prints, one for each English excerpt: the translation's block the
 * aligner pairs with it, or, where the translation has no counterpart yet, the English excerpt.
 * Empty excerpts are left out.
 */
export function printedExcerpts(englishText: SectionText, translationText: SectionText): PrintedExcerpt[] {
  const english = read(englishText);
  const translation = read(translationText);
  const { counterpart } = alignBlocks(english.blocks, translation.blocks);
  const printed: PrintedExcerpt[] = [];
  english.blocks.forEach((block, i) => {
    if (block.kind !== "excerpt") return;
    const at = counterpart[i]!;
    const own = translation.blocks[at];
    printed.push(
      own?.kind === "excerpt" ? { markdown: excerptMarkdown(own, translation), english: false, index: at } : { markdown: excerptMarkdown(block, english), english: true, index: i },
    );
  });
  return printed.filter((excerpt) => excerpt.markdown.length > 0);
}

function excerptMarkdown(block: Block, { lines, offset }: ReadBody): string {
  // Lines are numbered from 1: the opening ::: line is block.line, the closing one block.endLine.
  const inner = lines.slice(block.line - offset, block.endLine - offset).filter((line, i, all) => i < all.length - 1 || !/^\s*:{3,}\s*$/.test(line));
  return dedent(inner).join("\n").trim();
}

/** Excerpts inside a list item are indented with it: read them as top-level markdown. */
function dedent(lines: string[]): string[] {
  const indents = lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length);
  const common = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(Math.min(common, /^ */.exec(l)![0].length)));
}
