// What the check compares between a section and its translation: the structure (headings,
// quotations, collapsed blocks, list items), links, citation markers and the text of each
// paragraph, heading and list item, with their lines in the file.
//
// `sectionShape` reads the markdown line by line instead of through markdown-it: it is the
// check's hot path (a full parse cost two thirds of the check's time at 10 locales x 500
// sections), and the content model's block syntax is small. `sectionShapeByParser` is the
// markdown-it reading; a test holds the two equal on every real section.
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

const CONTAINER_OPEN = /^ *:{3,} *(quote|details|excerpt)\b ?(.*)$/;
const CONTAINER_CLOSE = /^ *:{3,} *$/;
const HEADING = /^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const QUOTE_LINE = /^ {0,3}> ?(.*)$/;
const LIST_ITEM = /^ *(?:[-*+]|\d{1,9}[.)])(?:[ \t]+(.*)|[ \t]*$)/;
const INLINE_LINK = /(?<!\\)\[((?:[^\[\]\\]|\\.)*)\]\((?:[^()\s]|\([^()\s]*\))*\)/g;

/** `body` is the markdown after the front matter; `bodyLine` its first line in the file. */
export function sectionShape(body: string, bodyLine: number): SectionShape {
  const shape: SectionShape = { structure: [], links: [], citations: [], blocks: [] };
  let open: { lines: string[]; line: number } | undefined;
  let inQuote = false;
  const flush = () => {
    if (!open) return;
    let text = open.lines.length === 1 ? open.lines[0]! : open.lines.join(" ");
    // Each step only where its markup is present: this runs once per block of every file.
    if (text.includes("](")) {
      text = text.replace(INLINE_LINK, (_, label: string) => {
        shape.links.push(open!.line);
        return label;
      });
    }
    if (text.includes("\\")) text = unescapeMarkdown(text);
    if (text.includes("**") || text.includes("__")) text = text.replace(/\*\*|__/g, "");
    if (/\s\s|[\t\r]/.test(text)) text = text.replace(/\s+/g, " ");
    text = text.trim();
    if (text) {
      addCitations(shape, text, open.line, shape.blocks.length);
      shape.blocks.push({ text, line: open.line });
    }
    open = undefined;
  };
  const start = (text: string, line: number) => {
    flush();
    open = { lines: [text], line };
  };
  const lines = body.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const number = bodyLine + i;
    if (line.trim() === "") {
      flush();
      inQuote = false;
      continue;
    }
    const container = CONTAINER_OPEN.exec(line);
    if (container) {
      flush();
      inQuote = false;
      if (container[1] === "quote" || container[1] === "details") {
        shape.structure.push({ kind: container[1] === "quote" ? "quote" : "details", line: number });
        addCitations(shape, unescapeMarkdown(container[2]!.trim()), number, shape.blocks.length);
      }
      continue;
    }
    if (CONTAINER_CLOSE.test(line)) {
      flush();
      inQuote = false;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      shape.structure.push({ kind: "heading", line: number });
      start(heading[1] ?? "", number);
      flush();
      continue;
    }
    let rest = line;
    const quote = QUOTE_LINE.exec(rest);
    if (quote) {
      if (!inQuote) {
        flush();
        shape.structure.push({ kind: "quote", line: number });
        inQuote = true;
      }
      rest = quote[1]!;
      if (rest.trim() === "") {
        flush();
        continue;
      }
    }
    const item = LIST_ITEM.exec(rest);
    if (item) {
      shape.structure.push({ kind: "item", line: number });
      start(item[1] ?? "", number);
      continue;
    }
    if (open) open.lines.push(rest.trim());
    else start(rest.trim(), number);
  }
  flush();
  return shape;
}

/** The same reading through markdown-it: slower, kept as the reference the scanner is tested against. */
export function sectionShapeByParser(body: string, bodyLine: number): SectionShape {
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
