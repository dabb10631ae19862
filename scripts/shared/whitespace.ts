// Whitespace as the reader, the check and section versions compare text: every run of spaces,
// tabs, line breaks and other Unicode spaces becomes one space.

// A run that starts with whitespace other than a plain space, or a plain space and more
// whitespace: the single spaces between words (most of any text) are left alone rather than
// rewritten one by one. The class is \s without the space (tests/shared/whitespace.test.ts).
const COLLAPSIBLE = /[\t\n\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]\s*| \s+/g;

/** The same as text.replace(/\s+/g, " "), several times faster on prose. */
export function singleSpaced(text: string): string {
  return text.replace(COLLAPSIBLE, " ");
}
