// A translation changes the words of a block, never the page's structure: no line of it may start
// what markdown reads as another block (a ::: line, a heading, a quotation, a list item, a heading
// underline, a rule, a code fence or indented code, a reference definition, a table), and no blank
// line may split it. After splicing, the section is read again and must have the English's blocks.
import type { Block, BlockKind, SectionBlocks } from "../../project/blocks.ts";
import { KIND_NAMES } from "../../project/blocks.ts";

interface LineRule {
  pattern: RegExp;
  what: string;
}

const LINE_RULES: LineRule[] = [
  { pattern: /^:{3,}/, what: "starts with :::, which opens or closes a quotation, testimony or excerpt" },
  { pattern: /^#{1,6}(?:[ \t]|$)/, what: "starts with #, which makes it a heading" },
  { pattern: /^>/, what: "starts with >, which makes it a quotation" },
  { pattern: /^(?:=+|-+)[ \t]*$/, what: "is only = or - signs, which turn the line above into a heading" },
  { pattern: /^(?:(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|(?:-[ \t]*){3,})$/, what: "is only *, - or _ signs, which make a horizontal rule" },
  { pattern: /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/, what: "starts with a list marker (-, *, + or a number with . or )), which makes it a list item" },
  { pattern: /^(?:`{3,}|~{3,})/, what: "starts with ``` or ~~~, which starts a code block" },
  { pattern: /^\[[^\]]*\]:/, what: "starts with [name]:, which defines a link address" },
  { pattern: /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/, what: "is only | and - signs, which make a table" },
];

export interface StructureProblem {
  message: string;
  hint: string;
}

/** Why the translation of a block of this kind would change the page's structure, or undefined. */
export function structureProblem(text: string, kind: BlockKind | "title"): StructureProblem | undefined {
  const lines = text.split("\n");
  const name = kind === "title" ? "title" : KIND_NAMES[kind];
  if (lines.length > 1 && !(kind === "paragraph" || kind === "item")) {
    return { message: "the translation has a line break where the English is one line", hint: `write the ${name} on one line` };
  }
  if (kind === "title") return undefined;
  for (const [i, line] of lines.entries()) {
    const where = lines.length > 1 ? `line ${i + 1} of the translation` : "the translation";
    if (line.trim() === "") {
      if (lines.length > 1) return { message: `${where} is blank, which would split the ${name} in two`, hint: `remove the blank line: one ${name} stays one ${name}` };
      continue;
    }
    if (/^(?: {4}|\t)/.test(line)) return { message: `${where} starts with 4 spaces or a tab, which can make it a code block`, hint: "remove the spaces at the start of the line" };
    const start = line.trimStart();
    // A heading keeps its own text whatever it starts with; only list items and paragraphs can be split.
    if (kind === "heading" || kind === "quote" || kind === "details") {
      if (/^:{3,}/.test(start) && kind !== "heading") return { message: `${where} starts with :::, which the page would read as another block`, hint: "remove the colons" };
      continue;
    }
    const rule = LINE_RULES.find((r) => r.pattern.test(start));
    if (rule) {
      return {
        message: `${where} ${rule.what}: the translation would change the page's structure, not only its words`,
        hint: `keep the ${name} as the English has it; to start a line with this sign as text, put a backslash before it (\\${start[0]}) or reword the line`,
      };
    }
  }
  return undefined;
}

export interface ShapeDifference {
  /** Index of the first English block the reading differs at. */
  index: number;
  message: string;
}

/** Where the blocks read back from a spliced section differ in shape from the English, or undefined. */
export function shapeDifference(english: Block[], read: SectionBlocks): ShapeDifference | undefined {
  if (read.problems.length > 0) return { index: indexAtLine(read.blocks, read.problems[0]!.line), message: read.problems[0]!.message };
  const blocks = read.blocks;
  const count = Math.max(english.length, blocks.length);
  for (let i = 0; i < count; i++) {
    const a = english[i];
    const b = blocks[i];
    if (!a || !b) return { index: Math.min(i, english.length - 1), message: `the section would have ${blocks.length} blocks where the English has ${english.length}` };
    if (a.kind !== b.kind || a.level !== b.level || a.depth !== b.depth || a.parent !== b.parent || (a.form ?? "") !== (b.form ?? "")) {
      return { index: i, message: `the section would have a ${KIND_NAMES[b.kind]} where the English has a ${KIND_NAMES[a.kind]}${a.kind === b.kind ? " of another level, depth or place" : ""}` };
    }
  }
  return undefined;
}

function indexAtLine(blocks: Block[], line: number): number {
  let index = 0;
  blocks.forEach((block, i) => {
    if (block.line <= line) index = i;
  });
  return index;
}
