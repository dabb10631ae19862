// A text cut for a message: at a word boundary near `max` characters, with an ellipsis.

/** The text as is when it fits; else cut at the last space before `max` (or at `max` when that space comes too early). */
export function shorten(text: string, max = 70): string {
  if (text.length <= max) return text;
  const space = text.lastIndexOf(" ", max);
  return `${text.slice(0, space > 20 ? space : max)}…`;
}
