// Text from a content or translation file, as a terminal or a pull-request comment may show it:
// control characters (a terminal's escape sequences, C1 codes such as CSI) become visible \u codes.
// Line breaks stay: a report is made of lines.

// oxlint-disable-next-line no-control-regex -- the control characters are what is made visible
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;

/** A code unit as a \u escape (as JavaScript, JSON and a regex source write it): \u001b. */
export function unicodeEscape(code: number): string {
  return `\\u${code.toString(16).padStart(4, "0")}`;
}

export function printable(text: string): string {
  return text.replace(CONTROL, (c) => unicodeEscape(c.charCodeAt(0)));
}
