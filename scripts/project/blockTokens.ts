// A section body's blocks as the token stream markdown-it's block parser would make of the body,
// for its renderer: the page shows what the block reader read, and the body is read once (the
// check, the site and print share that reading). Each block's inline markdown is parsed by
// markdown-it's inline parser, once: where the reader already parsed it for its links, that parse
// is used; the others are parsed together, with the renderer's core rules after the inline parse
// (citations isolated left to right), as markdown-it parses a body.
//
// What markdown-it's HTML depends on beyond the blocks comes from their layout (blocks.ts): the
// list markers (bullet or number, which character, the first number), the empty lines that make a
// list loose (its paragraphs then render in <p>), and the inline text with its trailing spaces.
// tests/project/blockTokens.test.ts holds the HTML equal to markdown-it's own on every real
// section and on the generated samples where the two readings agree.
import type { Token } from "markdown-it";
import { blockToken, parseInlineTokens, parseMarkdown } from "../shared/markdown.ts";
import type { Block, BlockLayout, SectionBlocks } from "./blocks.ts";

type Frame =
  | { kind: "container"; index: number; close: Token }
  | { kind: "list"; depth: number; container: number; marker: string; close: Token; loose: boolean; paragraphs: Token[] }
  | { kind: "item"; depth: number; container: number };

/** Markdown-it's token for each > quotation and ::: block, opening and closing. */
const CONTAINER: Record<string, [string, string, string]> = {
  ">": ["blockquote", "blockquote", ">"],
  quote: ["container_quote", "div", ":::"],
  details: ["container_details", "div", ":::"],
  excerpt: ["container_excerpt", "div", ":::"],
};

/** Lists continue while their items keep the marker's kind: the bullet character, or the number's delimiter. */
const markerKind = (marker: string) => marker.at(-1)!;

/**
 * A section's tokens for the renderer, from its one reading (`structure`, kept with the section).
 * Made for each render and not kept: kept for every section, they cost more in memory and garbage
 * collection than making them again (a site renders a section once, print a few again). A body
 * with broken ::: markup (which the check names, and which never publishes) is rendered as
 * markdown-it reads it, so the preview shows the stray lines as text rather than leaving them out.
 */
export function sectionTokens({ body, structure }: { body: string; structure: SectionBlocks }): Token[] {
  return structure.problems.length > 0 ? parseMarkdown(body) : blockTokens(structure);
}

/**
 * What the ::: excerpt block at `index` holds, as tokens for the renderer (print renders each
 * excerpt on its own); its `markdown` read by markdown-it where the body has broken ::: markup.
 */
export function excerptTokens({ structure }: { structure: SectionBlocks }, index: number, markdown: string): Token[] {
  return structure.problems.length > 0 ? parseMarkdown(markdown) : blockTokens(structure, index);
}

/**
 * The tokens for `md.renderer.render` (scripts/shared/markdown.ts renderMarkdown) of a body read
 * without markup problems; with `within`, of what the container block at that index holds.
 */
export function blockTokens({ blocks, layout }: SectionBlocks, within = -1): Token[] {
  const out: Token[] = [];
  const stack: Frame[] = [];

  const containerOf = () => {
    for (let i = stack.length - 1; i >= 0; i--) {
      const frame = stack[i]!;
      if (frame.kind === "container") return frame.index;
    }
    return within;
  };
  const close = () => {
    const frame = stack.pop()!;
    if (frame.kind === "item") out.push(blockToken("list_item_close", "li", -1, markerKind((stack.at(-1) as { marker: string }).marker)));
    else out.push(frame.close);
    // A tight list's paragraphs render without <p> (markdown-it marks them hidden).
    if (frame.kind === "list" && !frame.loose) for (const token of frame.paragraphs) token.hidden = true;
  };
  /** Whether `block` sits inside the container block at `index` (-1: the body). */
  const inside = (block: Block, index: number) => {
    for (let p = block.parent; p !== -1; p = blocks[p]!.parent) if (p === index) return true;
    return index === -1;
  };
  /** Whether the innermost open frame is still open at `block`. */
  const stays = (frame: Frame, block: Block, note: BlockLayout): boolean => {
    if (frame.kind === "container") return inside(block, frame.index);
    if (!inside(block, frame.container)) return false;
    if (frame.kind === "item") return block.kind === "item" ? block.depth > frame.depth : block.depth >= frame.depth;
    return block.kind === "item" && block.depth === frame.depth && block.parent === frame.container && markerKind(note.marker!) === markerKind(frame.marker);
  };
  /** Inline tokens the reader did not parse: parsed together at the end, as markdown-it parses a body. */
  const unparsed: Token[] = [];
  const inline = (content: string, children: Token[] | undefined) => {
    const token = blockToken("inline", "", 0);
    token.content = content;
    token.children = children ?? [];
    if (!children && content !== "") unparsed.push(token);
    return token;
  };

  /** A paragraph's tokens, added; its opening and closing ones returned (a tight list hides them). */
  const paragraph = (content: string, children: Token[] | undefined): [Token, Token] => {
    const open = blockToken("paragraph_open", "p", 1);
    const end = blockToken("paragraph_close", "p", -1);
    out.push(open, inline(content, children), end);
    return [open, end];
  };

  const place = (block: Block, index: number) => {
    const note = layout[index]!;
    while (stack.length > 0 && !stays(stack.at(-1)!, block, note)) close();
    const top = stack.at(-1);
    // An empty line between two items of a list, or between two blocks of an item, loosens the list.
    if (note.gap && top?.kind === "list") top.loose = true;
    if (note.gap && top?.kind === "item") (stack.at(-2) as { loose: boolean }).loose = true;
    const content = note.inline ?? block.markdown;

    switch (block.kind) {
      case "heading": {
        const markup = "#".repeat(block.level);
        out.push(blockToken("heading_open", `h${block.level}`, 1, markup), inline(content, note.children), blockToken("heading_close", `h${block.level}`, -1, markup));
        return;
      }
      case "paragraph": {
        const tags = paragraph(content, note.children);
        if (top?.kind === "item") (stack.at(-2) as { paragraphs: Token[] }).paragraphs.push(...tags);
        return;
      }
      case "item": {
        const marker = note.marker!;
        const kind = markerKind(marker);
        let list = top?.kind === "list" ? top : undefined;
        if (!list) {
          const ordered = kind === "." || kind === ")";
          const open = blockToken(ordered ? "ordered_list_open" : "bullet_list_open", ordered ? "ol" : "ul", 1, kind);
          const start = ordered ? Number(marker.slice(0, -1)) : 1;
          if (start !== 1) open.attrs = [["start", String(start)]];
          out.push(open);
          const end = blockToken(ordered ? "ordered_list_close" : "bullet_list_close", ordered ? "ol" : "ul", -1, kind);
          list = { kind: "list", depth: block.depth, container: containerOf(), marker, close: end, loose: false, paragraphs: [] };
          stack.push(list);
        }
        out.push(blockToken("list_item_open", "li", 1, kind));
        stack.push({ kind: "item", depth: block.depth, container: list.container });
        if (content !== "") list.paragraphs.push(...paragraph(content, note.children));
        return;
      }
      default: {
        const [type, tag, markup] = CONTAINER[block.form === ">" ? ">" : block.kind]!;
        const open = blockToken(`${type}_open`, tag, 1, markup);
        if (block.form !== ">") {
          open.info = block.kind === "excerpt" ? block.kind : `${block.kind} ${block.markdown}`;
          if (note.children) open.children = note.children;
        }
        out.push(open);
        stack.push({ kind: "container", index, close: blockToken(`${type}_close`, tag, -1, markup) });
      }
    }
  };
  // What a container holds follows it, up to the first block outside it.
  for (let index = within + 1; index < blocks.length && inside(blocks[index]!, within); index++) place(blocks[index]!, index);
  while (stack.length > 0) close();
  parseInlineTokens(unparsed);
  return out;
}
