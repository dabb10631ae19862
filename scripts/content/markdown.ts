// The one markdown renderer for the site and the printed documents.
// Raw HTML is escaped; only the blocks of the content model (quote, details, excerpt)
// produce structure; images are off (they could load a remote resource); links are
// limited to safe schemes; citation markers and document symbols are isolated
// left-to-right so they read correctly inside right-to-left text.
import MarkdownIt, { type MarkdownIt as MarkdownInstance } from "markdown-it";
import container from "markdown-it-container";
import type { StateCore, Token } from "markdown-it";

type TokenConstructor = StateCore["Token"];

/** `[78 A, B]`, `[A-HRC-59-23-AEV*]`, `A-HRC-59-23-AEV*`, `A/75/212`, `S/RES/2720 (2023)`, `Sub* 2.24`. */
export const CITATION_PATTERN =
  /\[(?:\d[^\]\n]*|A-HRC[^\]\n]*)\]|A-HRC-\d+-\d+-[A-Z]+\*?|\bS\/RES\/\d+(?: \(\d{4}\))?|\bA\/\d+\/\d+|\bSub\* \d+(?:\.\d+)?/g;

const SAFE_LINK = /^(?:https?:|mailto:|#|\/|\.{0,2}\/|[a-z0-9-]+\/?(?:#.*)?$)/i;

function createMarkdown(): MarkdownInstance {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  md.disable(["image"]);
  md.validateLink = (url) => SAFE_LINK.test(url.trim()) && !/^(?:javascript|vbscript|data|file):/i.test(url.trim());

  md.use(container, "quote", {
    render(tokens: Token[], idx: number) {
      const token = tokens[idx]!;
      if (token.nesting === 1) {
        const source = token.info.trim().slice("quote".length).trim();
        token.meta = { source };
        return '<figure class="quote"><blockquote>\n';
      }
      const open = findOpening(tokens, idx);
      const source = (open?.meta as { source?: string } | undefined)?.source ?? "";
      const caption = source ? `<figcaption>${md.renderInline(source)}</figcaption>` : "";
      return `</blockquote>${caption}</figure>\n`;
    },
  });
  md.use(container, "details", {
    render(tokens: Token[], idx: number) {
      const token = tokens[idx]!;
      if (token.nesting === 1) {
        const label = token.info.trim().slice("details".length).trim();
        return `<details class="collapsed"><summary>${md.renderInline(label)}</summary>\n<div class="details-body">\n`;
      }
      return "</div></details>\n";
    },
  });
  md.use(container, "excerpt", {
    render(tokens: Token[], idx: number) {
      return tokens[idx]!.nesting === 1 ? '<div class="excerpt">\n' : "</div>\n";
    },
  });

  md.core.ruler.push("isolate_citations", (state) => {
    for (const block of state.tokens) {
      if (block.type !== "inline" || !block.children) continue;
      block.children = block.children.flatMap((child) => isolateCitations(child, state.Token));
    }
  });
  md.core.ruler.push("stable_heading_ids", (state) => {
    let n = 0;
    for (const token of state.tokens) {
      if (token.type === "heading_open") token.attrSet("id", `part-${++n}`);
    }
  });
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

function isolateCitations(token: Token, TokenClass: TokenConstructor): Token[] {
  if (token.type !== "text") return [token];
  const text = token.content;
  const out: Token[] = [];
  let last = 0;
  for (const match of text.matchAll(CITATION_PATTERN)) {
    const start = match.index;
    if (start > last) out.push(textToken(text.slice(last, start), TokenClass));
    const open = new TokenClass("html_inline", "", 0);
    open.content = '<span class="ref" dir="ltr">';
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

const markdown = createMarkdown();

export function renderMarkdown(body: string): string {
  return markdown.render(body);
}

/** Block-level parse, for tools that compare the structure of two sections. */
export function parseMarkdown(body: string): Token[] {
  return markdown.parse(body, {});
}
