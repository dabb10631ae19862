// What a page loads on first view, read from its HTML and CSS without a browser:
// stylesheets (and their @import), fonts named by @font-face, images, icons, scripts.
import { decodeHtmlEntities } from "./html.ts";

export type ResourceKind = "css" | "font" | "image" | "script";

export interface Resource {
  kind: ResourceKind;
  /** Resolved against the page (or stylesheet) URL. */
  url: URL;
}

const TAG = /<(link|img|script|video|input)\b([^>]*)>/gi;

function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([^\s=/"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    out.set(m[1]!.toLowerCase(), decodeHtmlEntities(m[2] ?? m[3] ?? m[4] ?? ""));
  }
  return out;
}

const PRELOAD_KINDS: Record<string, ResourceKind> = { style: "css", font: "font", image: "image", script: "script" };

/** Resources an HTML page asks for as soon as it is parsed. Inline scripts are counted by `inlineScripts`. */
export function htmlResources(html: string, pageUrl: URL): Resource[] {
  const found: Resource[] = [];
  const withoutComments = html.replace(/<!--[\s\S]*?-->/g, "");
  const add = (kind: ResourceKind, href: string | undefined) => {
    if (href && !href.startsWith("data:")) found.push({ kind, url: new URL(href, pageUrl) });
  };
  for (const m of withoutComments.matchAll(TAG)) {
    const tag = m[1]!.toLowerCase();
    const attrs = attributes(m[2]!);
    if (tag === "link") {
      const rel = (attrs.get("rel") ?? "").toLowerCase().split(/\s+/);
      if (rel.includes("stylesheet") && !attrs.has("disabled")) add("css", attrs.get("href"));
      else if (rel.includes("icon") || rel.includes("apple-touch-icon")) add("image", attrs.get("href"));
      else if (rel.includes("preload") || rel.includes("modulepreload")) add(rel.includes("modulepreload") ? "script" : (PRELOAD_KINDS[attrs.get("as") ?? ""] ?? "image"), attrs.get("href"));
    } else if (tag === "script") add("script", attrs.get("src"));
    else if (tag === "img" || (tag === "input" && attrs.get("type") === "image")) add("image", attrs.get("src"));
    else if (tag === "video") add("image", attrs.get("poster"));
  }
  // Inline <style> blocks: their @font-face fonts and images load like a stylesheet's.
  for (const m of withoutComments.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) found.push(...cssResources(m[1]!, pageUrl));
  return found;
}

/** Bytes of JavaScript written into the page itself (script elements without src, on* attributes). */
export function inlineScripts(html: string): number {
  let bytes = 0;
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(m[1]!)?.[1]?.toLowerCase();
    // JSON-LD and other data blocks are not scripts a browser runs.
    if (type && !/javascript|module|ecmascript/.test(type)) continue;
    if (!/\bsrc\s*=/.test(m[1]!)) bytes += Buffer.byteLength(m[2]!);
  }
  for (const m of html.matchAll(/<[a-z][^>]*\s(on[a-z]+\s*=\s*(?:"[^"]*"|'[^']*'))/gi)) bytes += Buffer.byteLength(m[1]!);
  return bytes;
}

/**
 * Resources a stylesheet pulls in: @import, the first source of each @font-face (a browser
 * takes the first format it supports; woff2 comes first), and url() images.
 */
export function cssResources(css: string, cssUrl: URL): Resource[] {
  const found: Resource[] = [];
  const text = css.replace(/\/\*[\s\S]*?\*\//g, "");
  const urlIn = (s: string) => /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/i.exec(s);
  const add = (kind: ResourceKind, href: string | undefined) => {
    if (href && !href.startsWith("data:") && !href.startsWith("#")) found.push({ kind, url: new URL(href, cssUrl) });
  };
  for (const m of text.matchAll(/@import\s+(?:url\(\s*)?["']?([^"')\s;]+)/gi)) add("css", m[1]);
  const fontFaces = [...text.matchAll(/@font-face\s*\{([^}]*)\}/gi)];
  for (const face of fontFaces) {
    const src = /(?:^|;)\s*src\s*:([^;]*)/i.exec(face[1]!)?.[1] ?? "";
    const first = urlIn(src);
    if (first) add("font", first[1] ?? first[2] ?? first[3]);
  }
  const rest = fontFaces.reduce((s, face) => s.replace(face[0], ""), text).replace(/@import[^;]*;/gi, "");
  for (const m of rest.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/gi)) add("image", m[1] ?? m[2] ?? m[3]);
  return found;
}
