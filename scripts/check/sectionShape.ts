// What the check compares between a section and its translation, from one markdown parse:
// the structure (headings, quotations, collapsed blocks, list items), links, citation markers
// and the text of each paragraph, heading and list item, with their lines in the file.
import { CITATION_PATTERN, parseMarkdown } from "../content/markdown.ts";

export type StructureKind = "heading" | "quote" | "details" | "item";

export interface Block {
  /** Plain text (markup removed, line breaks as spaces). */
  text: string;
  line: number;
}

export interface SectionShape {
  structure: { kind: StructureKind; line: number }[];
  links: number[]; // line of each link
  citations: { marker: string; line: number; block: number }[];
  blocks: Block[];
}

const OPENERS: Record<string, StructureKind> = {
  heading_open: "heading",
  blockquote_open: "quote",
  container_quote_open: "quote",
  container_details_open: "details",
  list_item_open: "item",
};

/** `body` is the markdown after the front matter; `bodyLine` its first line in the file. */
export function sectionShape(body: string, bodyLine: number): SectionShape {
  const shape: SectionShape = { structure: [], links: [], citations: [], blocks: [] };
  const lineOf = (map: [number, number] | null | undefined) => (map ? map[0] + bodyLine : bodyLine);
  for (const token of parseMarkdown(body)) {
    const kind = OPENERS[token.type];
    if (kind) shape.structure.push({ kind, line: lineOf(token.map) });
    if (token.type === "container_quote_open" || token.type === "container_details_open") {
      // The attribution (`::: quote A-HRC-59-23-AEV\*`) carries citations too.
      addCitations(shape, unescapeMarkdown(token.info), lineOf(token.map), shape.blocks.length);
    }
    if (token.type !== "inline") continue;
    const line = lineOf(token.map);
    const parts: string[] = [];
    for (const child of token.children ?? []) {
      if (child.type === "text" || child.type === "code_inline") parts.push(child.content);
      else if (child.type === "softbreak" || child.type === "hardbreak") parts.push(" ");
      else if (child.type === "link_open") shape.links.push(line);
    }
    // markdown-it trims each block already; only line breaks inside need joining.
    const text = parts.join("").trim();
    if (!text) continue;
    addCitations(shape, text, line, shape.blocks.length);
    shape.blocks.push({ text, line });
  }
  return shape;
}

function addCitations(shape: SectionShape, text: string, line: number, block: number) {
  for (const match of text.matchAll(CITATION_PATTERN)) shape.citations.push({ marker: match[0], line, block });
}

function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, "$1");
}

/** Counts per kind, e.g. { heading: 6, quote: 2, details: 0, item: 14 }. */
export function structureCounts(shape: SectionShape): Record<StructureKind, number> {
  const counts: Record<StructureKind, number> = { heading: 0, quote: 0, details: 0, item: 0 };
  for (const { kind } of shape.structure) counts[kind]++;
  return counts;
}
