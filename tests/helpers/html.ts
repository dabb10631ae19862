// Minimal HTML reading for assertions: attribute values and visible text, no DOM library needed.
import { decodeHtmlEntities } from "../../scripts/bench/html.ts";

/** The entity decoding the page-weight benchmark uses too. */
export const decodeEntities = decodeHtmlEntities;

export function attributeValues(html: string, tag: string, attribute: string): string[] {
  const values: string[] = [];
  const tagPattern = new RegExp(`<${tag}\\b[^>]*>`, "gi");
  const attrPattern = new RegExp(`\\s${attribute}="([^"]*)"`, "i");
  for (const match of html.matchAll(tagPattern)) {
    const value = attrPattern.exec(match[0])?.[1];
    if (value !== undefined) values.push(decodeEntities(value));
  }
  return values;
}

const BLOCK_TAG = /<\/?(?:p|li|ul|ol|h[1-6]|div|blockquote|figure|figcaption|details|summary|section|article|header|footer|nav|main|aside|br|tr|td|th)\b[^>]*>/gi;

/** The text of an HTML fragment as a reader sees it: block edges become spaces, inline tags vanish. */
export function visibleText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style)[\s\S]*?<\/\1>/gi, " ")
      .replace(BLOCK_TAG, " ")
      .replace(/<[^>]+>/g, ""),
  )
    .replace(/\s+/g, " ")
    .trim();
}

export function mainOf(html: string): string {
  const match = /<main\b[^>]*>([\s\S]*)<\/main>/i.exec(html);
  if (!match) throw new Error("page has no <main>");
  return match[1]!;
}
