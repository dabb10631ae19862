// The one markdown renderer for the site and the printed documents.
// Raw HTML is escaped; only the blocks of the content model (quote, details, excerpt)
// produce structure; images are off (they could load a remote resource); links are
// limited to safe schemes and to [text](address), the one form the block reader and the
// check see; citation markers and document symbols, and a "+" with digits standing as a word
// (the magazine +972), are isolated left-to-right so they read correctly inside right-to-left
// text. The printed documents
// call the same renderer with options (headings, ids, details, links set for paper).
import { createRequire } from "node:module";
import type MarkdownIt from "markdown-it";
import type { MarkdownIt as MarkdownInstance, StateCore, Token } from "markdown-it";
import type container from "markdown-it-container";

type TokenConstructor = StateCore["Token"];

/** `[78 A, B]`, `[A-HRC-59-23-AEV*]`, `A-HRC-59-23-AEV*`, `A/75/212`, `S/RES/2720 (2023)`, `Sub* 2.24`. */
export const CITATION_PATTERN = /\[(?:\d[^\]\n]*|A-HRC[^\]\n]*)\]|A-HRC-\d+-\d+-[A-Z]+\*?|\bS\/RES\/\d+(?: \(\d{4}\))?|\bA\/\d+\/\d+|\bSub\* \d+(?:\.\d+)?/g;
/**
 * The same markers as a section's markdown writes them, where a star is escaped (`A-HRC-59-23-AEV\*`,
 * `Sub\* 2.24`): an unescaped star after a marker is markup (`**A-HRC-59-23-AEV**` is a marker in bold).
 */
export const WRITTEN_CITATION_PATTERN = /\[(?:\d[^\]\n]*|A-HRC[^\]\n]*)\]|A-HRC-\d+-\d+-[A-Z]+(?:\\\*)?|\bS\/RES\/\d+(?: \(\d{4}\))?|\bA\/\d+\/\d+|\bSub\\\* \d+(?:\.\d+)?/g;
/** True for every text CITATION_PATTERN can match (each form holds one of these): a quick test first, for the many texts without any. */
export const MAY_HOLD_CITATION = /[[/]|A-HRC|Sub\*/;
/**
 * A "+" and digits standing as a word of their own (the magazine +972, a dialling code): no
 * citation (the check does not compare them), but isolated left to right as citations are, or a
 * right-to-left sentence shows "972+".
 */
const SIGNED_NUMBER_PATTERN = /(?<![\p{L}\p{N}+])\+\d+(?![\p{L}\p{N}])/u;
/** What the renderer isolates left to right: a citation (group 1) or a signed number. */
const LEFT_TO_RIGHT_PATTERN = new RegExp(`(${CITATION_PATTERN.source})|${SIGNED_NUMBER_PATTERN.source}`, "gu");
/** True for every text LEFT_TO_RIGHT_PATTERN can match: a quick test first, for the many texts without any. */
const MAY_HOLD_LEFT_TO_RIGHT = new RegExp(`${MAY_HOLD_CITATION.source}|\\+\\d`);
/** What an inline text's source holds where any of its text tokens may hold one: MAY_HOLD_LEFT_TO_RIGHT's characters, or an escape or entity that makes one (`Sub\*`, `&#91;`, `&#43;`). */
const SOURCE_MAY_HOLD_LEFT_TO_RIGHT = /[[/&\\+]|A-HRC|Sub/;

/** How a section is rendered for paper rather than for its page on the site. */
export interface RenderOptions {
  /** Added to every heading level, up to h6 (1: a section's h1 prints as h2 under the document's title). */
  headingOffset?: number;
  /** Heading ids become <prefix>-1, <prefix>-2 … instead of part-1 …: unique when several sections share a page. */
  idPrefix?: string;
  /** ::: details printed open, its label as a paragraph: paper has nothing to click. */
  openDetails?: boolean;
  /** Site-relative links (/en/pledge/) made absolute on this address ("https://example.org"). */
  siteUrl?: string;
}

/** What one render carries: its options, and the heading count (shared by the calls of one renderer). */
interface RenderEnv {
  options: RenderOptions;
  headings: number;
}

const optionsOf = (env: unknown): RenderOptions => (env as RenderEnv | undefined)?.options ?? {};

const SAFE_LINK = /^(?:https?:|mailto:|#|\/|\.{0,2}\/|[a-z0-9-]+\/?(?:#.*)?$)/i;
/** `//host` (or `/\host`) is an address on another site, whatever it looks like. */
const OTHER_SITE = /^[/\\]{2}|^\/%5c/i;

/**
 * Block and inline rules outside the content model, off so that what renders is what the block
 * reader reads: no autolinks or reference links (links the check would not see), no setext
 * headings, rules, code blocks or tables (structure it would not see). The content uses none.
 */
const OUTSIDE_THE_MODEL = ["image", "autolink", "reference", "lheading", "hr", "fence", "code", "table"];

/** Whether the renderer makes a link of this address (a web address, mailto:, or a page of the site); otherwise the page shows the link as text. */
export function isSafeLink(url: string): boolean {
  const trimmed = url.trim();
  return SAFE_LINK.test(trimmed) && !OTHER_SITE.test(trimmed) && !/^(?:javascript|vbscript|data|file):/i.test(trimmed);
}

function createMarkdown(): MarkdownInstance {
  const require = createRequire(import.meta.url);
  const MarkdownItClass = require("markdown-it") as typeof MarkdownIt;
  const plugin = require("markdown-it-container") as typeof container;
  const md = new MarkdownItClass({ html: false, linkify: false, typographer: false });
  md.disable(OUTSIDE_THE_MODEL);
  md.validateLink = isSafeLink;

  md.use(plugin, "quote", {
    render(tokens: Token[], idx: number, _options: unknown, env: RenderEnv) {
      const token = tokens[idx]!;
      if (token.nesting === 1) return '<figure class="quote"><blockquote>\n';
      const open = findOpening(tokens, idx);
      const source = open ? open.info.trim().slice("quote".length).trim() : "";
      const caption = source ? `<figcaption>${inlineHtml(open!, source, env)}</figcaption>` : "";
      return `</blockquote>${caption}</figure>\n`;
    },
  });
  md.use(plugin, "details", {
    render(tokens: Token[], idx: number, _options: unknown, env: RenderEnv) {
      const token = tokens[idx]!;
      const open = optionsOf(env).openDetails === true;
      if (token.nesting === 1) {
        const label = inlineHtml(token, token.info.trim().slice("details".length).trim(), env);
        const start = open ? `<div class="details"><p class="details-label">${label}</p>` : `<details class="collapsed"><summary>${label}</summary>`;
        return `${start}\n<div class="details-body">\n`;
      }
      return open ? "</div></div>\n" : "</div></details>\n";
    },
  });
  md.use(plugin, "excerpt", {
    render(tokens: Token[], idx: number) {
      return tokens[idx]!.nesting === 1 ? '<div class="excerpt">\n' : "</div>\n";
    },
  });

  /** A container's attribution or label: its inline parse where the block reader made it (`children`), else parsed here. */
  const inlineHtml = (token: Token, text: string, env: RenderEnv) =>
    token.children ? md.renderer.renderInline(token.children, md.options, env) : md.renderInline(text, env);

  md.core.ruler.push("isolate_citations", (state) => {
    for (const block of state.tokens) {
      // Most lines hold no citation: their tokens are left as they are, not copied; most are ruled out by their source text, without a look at each token.
      if (block.type !== "inline" || (block.content !== "" && !SOURCE_MAY_HOLD_LEFT_TO_RIGHT.test(block.content)) || !block.children?.some(mayHoldLeftToRight)) continue;
      block.children = block.children.flatMap((child) => isolateLeftToRight(child, state.Token));
    }
  });
  // Levels and ids are the render's, not the parse's: one parse renders for the page and for paper.
  const renderHeading: NonNullable<typeof md.renderer.rules.heading_open> = (tokens, idx, options, env: Partial<RenderEnv>, self) => {
    const token = tokens[idx]!;
    const { idPrefix = "part", headingOffset = 0 } = env.options ?? {};
    token.tag = `h${Math.min(6, token.markup.length + headingOffset)}`;
    if (token.nesting === 1) {
      // Numbered through every call of one renderer with options; from 1 in each body without.
      const n = (env.headings ?? 0) + 1;
      env.headings = n;
      token.attrSet("id", `${idPrefix}-${n}`);
    }
    return self.renderToken(tokens, idx, options);
  };
  md.renderer.rules.heading_open = renderHeading;
  md.renderer.rules.heading_close = renderHeading;
  const renderLink = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const { siteUrl } = optionsOf(env);
    const token = tokens[idx]!;
    const href = token.attrGet("href");
    if (!siteUrl || !href || !/^\/(?!\/)/.test(href)) return renderLink(tokens, idx, options, env, self);
    // Set for this render only: the same parse renders for the page too.
    token.attrSet("href", `${siteUrl}${href}`);
    const html = renderLink(tokens, idx, options, env, self);
    token.attrSet("href", href);
    return html;
  };
  return md;
}

function findOpening(tokens: Token[], closeIdx: number): Token | undefined {
  let depth = 0;
  for (let i = closeIdx; i >= 0; i--) {
    const t = tokens[i]!;
    if (t.type === "container_quote_close") depth++;
    if (t.type === "container_quote_open" && --depth === 0) return t;
  }
  return undefined;
}

const mayHoldLeftToRight = (token: Token) => token.type === "text" && MAY_HOLD_LEFT_TO_RIGHT.test(token.content);

/** A text token with its citations (`<span class="ref" dir="ltr">`) and signed numbers (`<span dir="ltr">`) isolated. */
function isolateLeftToRight(token: Token, TokenClass: TokenConstructor): Token[] {
  if (!mayHoldLeftToRight(token)) return [token];
  const text = token.content;
  const out: Token[] = [];
  let last = 0;
  for (const match of text.matchAll(LEFT_TO_RIGHT_PATTERN)) {
    const start = match.index;
    if (start > last) out.push(textToken(text.slice(last, start), TokenClass));
    const open = new TokenClass("html_inline", "", 0);
    open.content = match[1] === undefined ? '<span dir="ltr">' : '<span class="ref" dir="ltr">';
    const close = new TokenClass("html_inline", "", 0);
    close.content = "</span>";
    out.push(open, textToken(match[0], TokenClass), close);
    last = start + match[0].length;
  }
  if (last === 0) return [token];
  if (last < text.length) out.push(textToken(text.slice(last), TokenClass));
  return out;
}

function textToken(content: string, TokenClass: TokenConstructor): Token {
  const t = new TokenClass("text", "", 0);
  t.content = content;
  return t;
}

// Made on first use: a warm check, its results all in the cache, parses no markdown and loads no parser.
let instance: MarkdownInstance | undefined;
const markdown = () => (instance ??= createMarkdown());

/** A body as its page shows it; or a body already parsed (parseMarkdown), which any number of renders share. */
export function renderMarkdown(body: string | Token[]): string {
  return render(body, { headings: 0 });
}

function render(body: string | Token[], env: Partial<RenderEnv>): string {
  const md = markdown();
  return typeof body === "string" ? md.render(body, env) : md.renderer.render(body, md.options, env);
}

/**
 * A renderer with options, for several bodies that end up on one page (a section's excerpt
 * blocks): heading ids are numbered through all its calls, so they stay unique.
 */
export function markdownRenderer(options: RenderOptions): (body: string | Token[]) => string {
  const env: RenderEnv = { options, headings: 0 };
  return (body) => render(body, env);
}

/** Inline parse of one block's markdown: the tokens the page renders (links as link_open with their href). */
export function parseInlineMarkdown(text: string): Token[] {
  return markdown().parseInline(text, {})[0]?.children ?? [];
}

/** An address as the renderer writes it into href (percent-encoded), to compare a written-out address with a link's. */
export function normalizeAddress(address: string): string {
  return markdown().normalizeLink(address);
}

/**
 * A block token as markdown-it's block parser makes it, for a parse made by the block reader
 * (scripts/project/blockTokens.ts): the renderer renders it as it renders the parser's.
 */
export function blockToken(type: string, tag: string, nesting: 1 | 0 | -1, markup = ""): Token {
  const token = new (markdown().core.State.prototype.Token)(type, tag, nesting);
  token.block = true;
  token.markup = markup;
  return token;
}

/**
 * Parses the inline tokens of a parse made elsewhere (their `content` into `children`) with the
 * rest of markdown-it's core run after the block parse, in one run as markdown-it parses a body:
 * the inline parser, then the core rules (text runs joined, citations isolated).
 */
export function parseInlineTokens(inlines: Token[]): void {
  if (inlines.length === 0) return;
  // An empty source: the block parse before the inline rule finds nothing to add.
  const md = markdown();
  const state = new md.core.State("", md, {});
  state.tokens = inlines;
  md.core.process(state);
}

/** The parse of a body: the same for every render, whatever its options (levels and ids are set as it renders). */
export function parseMarkdown(body: string): Token[] {
  return markdown().parse(body, {});
}
