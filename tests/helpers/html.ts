// Minimal HTML reading for assertions: attribute values and visible text, no DOM library needed.

/** The few HTML entities that appear in attribute values and text of built pages. */
export function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

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
