// The block reader: a section body as the typed blocks translators must keep, in reading order,
// with the lines they start on, and the markup problems that would break the page.
//
// API (stable: the check, the aligner, print excerpts and the PO/XLIFF export build on it):
//
//   readBlocks(body, bodyLine): SectionBlocks
//     body      the markdown after the front matter; bodyLine: its first line in the file.
//     .blocks   Block[] in reading order. Containers come before what they hold:
//               kind      "heading" | "paragraph" | "item" | "quote" | "details" | "excerpt"
//               line      first line in the file; endLine: last line (a container's closing :::)
//               level     heading level 1-6 (## is 2); 0 for every other kind
//               depth     list nesting: 1 for a top-level list item, 2 for an item inside it…;
//                         for other blocks the depth of the list item they sit in (0: none)
//               parent    index in .blocks of the innermost quote/details/excerpt around it, or -1
//               form      quotations only: ":::" (::: quote <source>) or ">" (> lines)
//               markdown  the inline markdown as written (list marker, > and indentation removed,
//                         lines joined with "\n"); for ::: quote / ::: details the attribution or
//                         label after the keyword; "" for > quotations and ::: excerpt
//               text      plain text of `markdown`: link text kept, markup removed, one space
//                         between words (for containers: the plain attribution or label)
//               links     { address, text } of each link the page renders, in order: the
//                         address as markdown-it writes it into href (percent-encoded)
//               citations citation markers in `text`, in order (CITATION_PATTERN)
//     .layout   BlockLayout[], one per block: what the page's HTML needs beyond the block (list
//               markers, empty lines before it, hard breaks): scripts/project/blockTokens.ts
//               turns blocks and layout into the tokens markdown-it's renderer renders.
//     .problems MarkupProblem[]: { line, kind, message, hint } for markup that breaks the page:
//               "unknown-container" (a ::: line whose keyword is not quote/details/excerpt),
//               "unclosed-container", "stray-close" (a ::: that closes nothing),
//               "unbalanced-quote" (a closing line that closes a quotation with a different
//               number of colons than it was opened with, leaving the block around it open);
//               `hint` tells a translator to follow the English, `sourceHint` what to do in the English.
//   isTextBlock(block): whether the block holds translatable text of its own (heading,
//                       paragraph, list item), as opposed to a container.
//   KIND_NAMES: the words messages use for each kind ("paragraph", "list item", "quotation"…).
//
// It reads line by line rather than through markdown-it: it runs on every section of every locale
// in the check, and the content model's block syntax is small. `readBlocksByParser` is the same
// reading through markdown-it; a test holds the two equal on every real section.
import type { Token } from "markdown-it";
import { CITATION_PATTERN, MAY_HOLD_CITATION, parseInlineMarkdown, parseMarkdown } from "../shared/markdown.ts";
import { singleSpaced } from "../shared/whitespace.ts";

export type BlockKind = "heading" | "paragraph" | "item" | "quote" | "details" | "excerpt";
type ContainerKind = "quote" | "details" | "excerpt";

interface BlockLink {
  address: string;
  text: string;
}

export interface Block {
  kind: BlockKind;
  line: number;
  endLine: number;
  level: number;
  depth: number;
  parent: number;
  form?: ":::" | ">";
  markdown: string;
  text: string;
  links: BlockLink[];
  citations: string[];
}

type MarkupProblemKind = "unknown-container" | "unclosed-container" | "stray-close" | "unbalanced-quote";

interface MarkupProblem {
  line: number;
  kind: MarkupProblemKind;
  message: string;
  hint: string;
  /** What to do where the file is the English itself (`hint` tells a translator to follow the English). */
  sourceHint: string;
}

/** What the page needs of a block besides what the check reads, kept beside it (same index). */
export interface BlockLayout {
  /** An empty line (or an empty > line) right before it: a list with one between its items or their blocks is loose (<p> in <li>). */
  gap: boolean;
  /** List items: the marker as written ("-", "*", "12)"): the list's kind, its start and where a new list begins. */
  marker?: string;
  /** The inline markdown as markdown-it reads it where it differs from `markdown` (trailing spaces: hard breaks). */
  inline?: string;
  /** The inline parse the reader made for the links (scripts/shared/markdown.ts), kept so the page does not parse it again. */
  children?: Token[];
}

export interface SectionBlocks {
  blocks: Block[];
  layout: BlockLayout[];
  problems: MarkupProblem[];
}

export const KIND_NAMES: Record<BlockKind, string> = {
  heading: "heading",
  paragraph: "paragraph",
  item: "list item",
  quote: "quotation",
  details: "collapsed block",
  excerpt: "excerpt",
};

export function isTextBlock(block: Block): boolean {
  return block.kind === "heading" || block.kind === "paragraph" || block.kind === "item";
}

const FENCE = /^( *)(:{3,})[ \t]*(.*?)[ \t]*$/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const LIST_ITEM = /^( *)([-*+]|\d{1,9}[.)])(?:([ \t]+)(.*)|[ \t]*$)/;

interface OpenContainer {
  index: number;
  colons: number;
  kind: ContainerKind;
}

/** `body` is the markdown after the front matter; `bodyLine` its first line in the file. */
export function readBlocks(body: string, bodyLine: number): SectionBlocks {
  const blocks: Block[] = [];
  const layout: BlockLayout[] = [];
  const problems: MarkupProblem[] = [];
  const containers: OpenContainer[] = [];
  /** Content indent of each open list item, innermost last; `markers`: the indent of its marker. */
  const items: number[] = [];
  // Stryker disable next-line ArrayDeclaration: equivalent: an extra first entry is read only with no item open, and the NaN it gives fails >= 4 as no list does
  const markers: number[] = [];
  /** The block's lines as markdown-it keeps them (trailing spaces); trimmed, they are its markdown. */
  let open: { block: Block; lines: string[] } | undefined;
  let quote: Block | undefined; // the open > quotation
  // Stryker disable next-line UnaryOperator: equivalent: read only while a > quotation is open, and set when one opens
  let quoteIndex = -1;
  // Stryker disable next-line BooleanLiteral: equivalent: a blank line before the first line would leave list items, and none is open yet
  let blankBefore = false;
  /** An empty line, or an empty > line, right before this one. */
  let gapBefore = false;
  let gap = false;
  /** The layout of the block read last. */
  let note: BlockLayout = { gap, marker: undefined, inline: undefined, children: undefined };

  const parentIndex = () => (quote ? quoteIndex : containers.length ? containers[containers.length - 1]!.index : -1);
  const flush = () => {
    if (!open) return;
    const { block, lines } = open;
    // Markdown-it trims only spaces and tabs (a no-break space is text), and over several lines,
    // spaces before a line break are a hard break; most blocks' lines have nothing to trim, and
    // their inline text is their markdown (one string, made once).
    let markdown = lines[0]!.trim();
    let trimmed = markdown.length !== lines[0]!.length;
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i]!.trim();
      if (line.length !== lines[i]!.length) trimmed = true;
      markdown += "\n" + line;
    }
    block.markdown = markdown;
    const inline = asciiTrim(!trimmed ? markdown : lines.length === 1 ? lines[0]! : lines.join("\n"));
    // The open block is the last one read.
    if (inline !== markdown) note.inline = inline;
    fillText(block, inline, note, markdown);
    open = undefined;
  };
  const push = (kind: BlockKind, line: number, level = 0, depth = items.length): Block => {
    const block: Block = { kind, line, endLine: line, level, depth, parent: parentIndex(), markdown: "", text: "", links: [], citations: [] };
    blocks.push(block);
    // Every key set from the start: one shape for every layout the code below writes to.
    note = { gap, marker: undefined, inline: undefined, children: undefined };
    layout.push(note);
    return block;
  };
  const closeQuote = () => {
    flush();
    quote = undefined;
  };
  /** A line at `indent` ends the list items it is not indented into (after a blank line). */
  const leaveItems = (indent: number) => {
    while (items.length && indent < items[items.length - 1]!) {
      items.pop();
      markers.pop();
    }
  };
  /** Whether a list item line ends the paragraph open above it, as markdown-it decides; else it continues it. */
  const endsParagraph = (item: RegExpExecArray): boolean => {
    const indent = item[1]!.length;
    const text = items.length ? items[items.length - 1]! : 0;
    // Four spaces past its list's marker but short of the item's text: a continuation line.
    if (markers.length && indent - markers[markers.length - 1]! >= 4 && indent < text) return false;
    if (indent < text) return true;
    // A list starting inside the paragraph's block starts at 1 and has text.
    const marker = item[2]!;
    return (item[4] ?? "").trim() !== "" && (marker.length === 1 || Number.parseInt(marker, 10) === 1);
  };
  const heading = (text: string, number: number, before?: () => void): boolean => {
    const match = HEADING.exec(text);
    if (!match) return false;
    before?.();
    flush();
    // "## #": the # after the space is a closing sequence, and the heading is empty.
    const words = match[2] ?? "";
    const content = /^#+$/.test(words) ? "" : words;
    const block = push("heading", number, match[1]!.length);
    block.markdown = content;
    fillText(block, content, note);
    return true;
  };

  const lines = body.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const number = bodyLine + i;
    // Each pattern is tried only on lines whose first character can start it: this runs on every line.
    const indent = firstText(raw, 0);
    if (indent === raw.length) {
      flush();
      quote = undefined;
      blankBefore = true;
      gapBefore = true;
      continue;
    }
    const wasBlank = blankBefore;
    blankBefore = false;
    gap = gapBefore;
    gapBefore = false;
    const first = raw.charCodeAt(indent);
    // Stryker disable next-line all: speed only: the pattern tried next matches nothing else
    if (first === 58 /* : */) {
      const fence = FENCE.exec(raw);
      if (fence) {
        closeQuote();
        leaveItems(fence[1]!.length);
        const colons = fence[2]!.length;
        const info = fence[3]!;
        if (info === "") closeContainer(colons, number);
        else openContainer(info, colons, number);
        continue;
      }
    }
    // Stryker disable all: speed only: the pattern tried next matches nothing else
    if (
      first === 35 /* # */ &&
      indent <= 3 &&
      // Stryker restore all
      heading(raw, number, () => {
        closeQuote();
        return wasBlank && leaveItems(indent);
      })
    )
      continue;
    let rest = raw;
    let restFirst = first;
    const quoted = first === 62 /* > */ && indent <= 3;
    if (quoted) {
      if (!quote) {
        flush();
        if (wasBlank) leaveItems(indent);
        quote = push("quote", number);
        quote.form = ">";
        quoteIndex = blocks.length - 1;
      }
      quote.endLine = number;
      rest = raw.slice(raw.charCodeAt(indent + 1) === 32 ? indent + 2 : indent + 1);
      const at = firstText(rest, 0);
      if (at === rest.length) {
        flush();
        gapBefore = true;
        continue;
      }
      restFirst = rest.charCodeAt(at);
      // Stryker disable next-line ConditionalExpression,LogicalOperator: speed only: HEADING itself matches only # lines indented up to 3 spaces
      if (restFirst === 35 && at <= 3 && heading(rest, number)) continue;
    } else if (quote && !open) {
      quote = undefined;
    }
    // Stryker disable next-line all: speed only: the pattern tried next matches nothing else
    let item = restFirst === 45 /* - */ || restFirst === 42 /* * */ || restFirst === 43 /* + */ || (restFirst >= 48 && restFirst <= 57) ? LIST_ITEM.exec(rest) : null;
    // Any list item ends a > quotation (it is no lazy continuation of it); a paragraph, only some.
    const endsQuote = quote !== undefined && !quoted;
    if (item && open && !endsQuote && !endsParagraph(item)) item = null;
    if (item) {
      if (endsQuote) closeQuote();
      else flush();
      const itemIndent = item[1]!.length;
      leaveItems(itemIndent);
      // Deeper than the item before it only when indented to its text.
      const block = push("item", number, 0, items.length + 1);
      items.push(itemIndent + item[2]!.length + Math.min(item[3]?.length ?? 1, 4));
      markers.push(itemIndent);
      note.marker = item[2]!;
      open = { block, lines: [item[4] ?? ""] };
      continue;
    }
    if (open) {
      open.lines.push(rest);
      open.block.endLine = number;
      continue;
    }
    if (wasBlank && !quoted) leaveItems(indent);
    open = { block: push("paragraph", number), lines: [rest] };
  }
  flush();
  for (const container of containers) {
    const block = blocks[container.index]!;
    problems.push({
      line: block.line,
      kind: "unclosed-container",
      message: `the ${KIND_NAMES[container.kind]} opened here (${":".repeat(container.colons)} ${container.kind}) is never closed, so everything after it is swallowed into it`,
      hint: `add a line with only ${":".repeat(container.colons)} where the ${KIND_NAMES[container.kind]} ends, as the English has it`,
      sourceHint: `add a line with only ${":".repeat(container.colons)} where the ${KIND_NAMES[container.kind]} ends`,
    });
    block.endLine = bodyLine + lines.length - 1;
  }
  return { blocks, layout, problems };

  function openContainer(info: string, colons: number, line: number) {
    // Stryker disable next-line Regex: equivalent: FENCE trims the info, so it starts with its keyword
    const keyword = /^\S+/.exec(info)![0];
    if (keyword !== "quote" && keyword !== "details" && keyword !== "excerpt") {
      problems.push({
        line,
        kind: "unknown-container",
        message: `"${":".repeat(colons)} ${keyword}" is not a block the site knows, so the page would show this line as text`,
        hint: `keep the English keyword after the colons: ::: quote, ::: details or ::: excerpt (only the words after the keyword are translated)`,
        sourceHint: "use a keyword the site knows after the colons: ::: quote, ::: details or ::: excerpt",
      });
      return;
    }
    const attribution = keyword === "excerpt" ? "" : info.slice(keyword.length).trim();
    const block = push(keyword, line);
    if (keyword === "quote") block.form = ":::";
    fillText(block, attribution, note);
    block.markdown = attribution;
    containers.push({ index: blocks.length - 1, colons, kind: keyword });
  }

  function closeContainer(colons: number, line: number) {
    const innermost = containers[containers.length - 1];
    if (!innermost || colons < innermost.colons) {
      problems.push({
        line,
        kind: "stray-close",
        message: innermost
          ? `this ${":".repeat(colons)} closes nothing: the ${KIND_NAMES[innermost.kind]} around it was opened with ${innermost.colons} colons (line ${blocks[innermost.index]!.line}), so the page would show it as text`
          : `this ${":".repeat(colons)} closes nothing (no ::: quote, ::: details or ::: excerpt is open here), so the page would show it as text`,
        hint: "delete the line, or add the ::: line that opens the block where the English has it",
        sourceHint: "delete the line, or add the ::: line that opens the block where it begins",
      });
      return;
    }
    containers.pop();
    blocks[innermost.index]!.endLine = line;
    const meant = colons > innermost.colons ? containers.findIndex((c) => c.colons === colons) : -1;
    if (meant >= 0) {
      // `::::` after an inner `::: quote` closes the quotation, not the block it was meant for.
      const outer = containers.splice(meant)[0]!;
      blocks[outer.index]!.endLine = line;
      problems.push({
        line,
        kind: "unbalanced-quote",
        message: `this ${":".repeat(colons)} closes the ${KIND_NAMES[innermost.kind]} opened at line ${blocks[innermost.index]!.line} with ${innermost.colons} colons, so the ${KIND_NAMES[outer.kind]} opened at line ${blocks[outer.index]!.line} stays open and swallows what follows`,
        hint: `close the ${KIND_NAMES[innermost.kind]} with its own ${":".repeat(innermost.colons)} line first, then the ${KIND_NAMES[outer.kind]} with ${":".repeat(outer.colons)}, as the English has them`,
        sourceHint: `close the ${KIND_NAMES[innermost.kind]} with its own ${":".repeat(innermost.colons)} line first, then the ${KIND_NAMES[outer.kind]} with ${":".repeat(outer.colons)}`,
      });
    }
  }
}

const trimmable = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/** The text without the spaces, tabs and line breaks around it, as markdown-it trims a block's text. */
function asciiTrim(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && trimmable(text.charCodeAt(start))) start++;
  while (end > start && trimmable(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** Index of the first character at or after `from` that is not a space or tab (the length when none). */
function firstText(line: string, from: number): number {
  let at = from;
  // Stryker disable next-line EqualityOperator: equivalent: charCodeAt past the end is NaN, which ends the loop as well
  while (at < line.length) {
    const c = line.charCodeAt(at);
    if (c !== 32 && c !== 9 && c !== 13) break;
    at++;
  }
  return at;
}

/** Sets `text`, `links` and `citations` of a block from its inline markdown (its parse, where made, kept in `layout`); `trimmed`: the same with its lines trimmed. */
function fillText(block: Block, markdown: string, layout: BlockLayout, trimmed = markdown) {
  // Most blocks are one line of prose that nothing below would change: one test says so (it
  // finds every "](" too, as "]" is one of the characters it looks for).
  // Stryker disable next-line ConditionalExpression,BlockStatement: speed only: the steps below give such a block the same text
  if (!NOT_PLAIN.test(trimmed)) {
    block.text = trimmed;
    return;
  }
  // The renderer's only link form is [text](address), in every variant (title, <address>,
  // spaces): those blocks are read by markdown-it itself, so every link that renders is seen.
  // This runs once per block of every file, and few blocks hold a link.
  if (markdown.includes("](")) {
    layout.children = parseInlineMarkdown(markdown);
    fillFromInline(block, layout.children);
    return;
  }
  // Stryker disable next-line all: speed only: without the test the replacement finds nothing to change
  // Its lines trimmed: the same text, with fewer spaces for singleSpaced to collapse.
  let text = trimmed.includes("\n") ? trimmed.replace(/\n/g, " ") : trimmed;
  text = plain(text);
  block.text = text;
  // Stryker disable next-line all: speed only: without the test the replacement finds nothing to change
  if (MAY_HOLD_CITATION.test(text)) for (const match of text.matchAll(CITATION_PATTERN)) block.citations.push(match[0]);
}

/**
 * What fillText's steps would change or find in a block's trimmed markdown, or more: whitespace other
 * than single spaces between words (singleSpaced() and trim()), a line break, the characters of links,
 * escapes and emphasis, and of citation markers (MAY_HOLD_CITATION: "[", "/", "Sub*", "A-HRC").
 */
// Stryker disable next-line Regex: speed only where it finds more (the steps below then run); tests/project/blocks.test.ts holds each thing it must find
const NOT_PLAIN = /[\t\n\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff[\]/\\*_]|  |-H|^ | $/;

function plain(text: string): string {
  // Stryker disable next-line all: speed only: without the test the replacement finds nothing to change
  if (text.includes("\\")) text = text.replace(/\\([!-/:-@[-`{-~])/g, "$1");
  // Stryker disable next-line all: speed only: without the test the replacement finds nothing to change
  if (text.includes("**") || text.includes("__")) text = text.replace(/\*\*|__/g, "");
  return singleSpaced(text).trim();
}

/**
 * The same reading through markdown-it: slower, the reference the line reader is tested against.
 * It sees what renders (no markup problems, no `markdown`, no `endLine` beyond the first line).
 */
export function readBlocksByParser(body: string, bodyLine: number): Block[] {
  const blocks: Block[] = [];
  const parents: number[] = [];
  let depth = 0;
  let pendingItem: Block | undefined;
  let heading = 0;
  const lineOf = (token: Token) => (token.map ? token.map[0] + bodyLine : bodyLine);
  const push = (kind: BlockKind, token: Token, extra: Partial<Block> = {}) => {
    const block: Block = {
      kind,
      line: lineOf(token),
      endLine: lineOf(token),
      level: 0,
      depth,
      parent: parents.length ? parents[parents.length - 1]! : -1,
      markdown: "",
      text: "",
      links: [],
      citations: [],
      ...extra,
    };
    blocks.push(block);
    return block;
  };
  for (const token of parseMarkdown(body)) {
    switch (token.type) {
      case "bullet_list_open":
      case "ordered_list_open":
        depth++;
        break;
      case "bullet_list_close":
      case "ordered_list_close":
        depth--;
        break;
      case "list_item_open":
        pendingItem = push("item", token);
        break;
      case "heading_open":
        heading = Number(token.tag.slice(1));
        break;
      case "blockquote_open":
        pendingItem = undefined;
        push("quote", token, { form: ">" });
        parents.push(blocks.length - 1);
        break;
      case "container_quote_open":
      case "container_details_open":
      case "container_excerpt_open": {
        pendingItem = undefined;
        const kind = token.type.split("_")[1] as ContainerKind;
        // Stryker disable next-line MethodExpression: equivalent: a leading space is parsed as text and the block's text is trimmed
        const attribution = kind === "excerpt" ? "" : token.info.trim().slice(kind.length).trim();
        const block = push(kind, token, kind === "quote" ? { form: ":::" } : {});
        // The page renders an attribution or label inline (scripts/shared/markdown.ts).
        // Stryker disable next-line ArrayDeclaration: equivalent: fillFromInline reads tokens by type, and a string has none
        fillFromInline(block, attribution ? parseInlineMarkdown(attribution) : []);
        parents.push(blocks.length - 1);
        break;
      }
      case "blockquote_close":
      case "container_quote_close":
      case "container_details_close":
      case "container_excerpt_close":
        parents.pop();
        break;
      case "inline": {
        const block = heading ? push("heading", token, { level: heading }) : (pendingItem ?? push("paragraph", token));
        heading = 0;
        pendingItem = undefined;
        // Stryker disable next-line ArrayDeclaration: equivalent: markdown-it gives every inline token its children
        fillFromInline(block, token.children ?? []);
        break;
      }
    }
  }
  return blocks;
}

function fillFromInline(block: Block, children: Token[]) {
  const parts: string[] = [];
  let link: { address: string; parts: string[] } | undefined;
  for (const child of children) {
    if (child.type === "text" || child.type === "code_inline") {
      parts.push(child.content);
      link?.parts.push(child.content);
    } else if (child.type === "softbreak" || child.type === "hardbreak") {
      parts.push(" ");
      link?.parts.push(" ");
    } else if (child.type === "link_open") {
      // Stryker disable next-line StringLiteral: equivalent: markdown-it gives every link_open an href, so the fallback is never used
      link = { address: child.attrGet("href") ?? "", parts: [] };
    } else if (child.type === "link_close" && link) {
      block.links.push({ address: link.address, text: singleSpaced(link.parts.join("")).trim() });
      link = undefined;
    }
  }
  block.text = singleSpaced(parts.join("")).trim();
  for (const match of block.text.matchAll(CITATION_PATTERN)) block.citations.push(match[0]);
}
