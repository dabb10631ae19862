// What a translator must copy exactly from the English text of an entry: citation markers
// ([78 A, B], A/75/212), i18next placeholders ({{count}}) and nesting ($t(key)), link addresses
// and emphasis markers. The link text and the words between the markers are translated.
// PO shows them as written (the convention TRANSLATING.md documents, which Weblate's md-text and
// i18next-interpolation checks also enforce); XLIFF turns them into inline elements.
import { WRITTEN_CITATION_PATTERN } from "../../shared/markdown.ts";

export type ProtectedKind = "citation" | "placeholder" | "nesting" | "link" | "emphasis";

export interface ProtectedToken {
  kind: ProtectedKind;
  /** The exact characters to keep. */
  text: string;
  start: number;
  end: number;
}

const PLACEHOLDER = /\{\{[^{}]*\}\}/g;
const NESTING = /\$t\([^()]*\)/g;
/** `[` opening a link, and `](address)` closing it: the text between them is translated. */
const LINK_OPEN = /(?<!\\)\[(?=(?:[^[\]\\]|\\.)*\]\()/g;
const LINK_CLOSE = /\]\((?:[^()\s]|\([^()\s]*\))*\)/g;
const EMPHASIS = /(?<!\\)(?:\*\*|__)/g;

/** Every protected token of a text, in order, not overlapping (citations win over link brackets). */
export function protectedTokens(text: string): ProtectedToken[] {
  const found: ProtectedToken[] = [];
  const add = (kind: ProtectedKind, pattern: RegExp) => {
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (found.some((t) => start < t.end && end > t.start)) continue;
      found.push({ kind, text: match[0], start, end });
    }
  };
  add("citation", WRITTEN_CITATION_PATTERN);
  add("placeholder", PLACEHOLDER);
  add("nesting", NESTING);
  add("link", LINK_CLOSE);
  add("link", LINK_OPEN);
  add("emphasis", EMPHASIS);
  return found.toSorted((a, b) => a.start - b.start);
}

/** The tokens of `source` that `translation` lacks or has in excess, as readable sentences; [] when it keeps them all. */
/** `missingAllowed`: plural forms such as Arabic's zero or one may rightly drop {{count}}. */
export function brokenTokens(source: string, translation: string, missingAllowed = false): string[] {
  const count = (tokens: ProtectedToken[]) => {
    const counts = new Map<string, number>();
    for (const t of tokens) counts.set(t.text, (counts.get(t.text) ?? 0) + 1);
    return counts;
  };
  const wanted = count(protectedTokens(source));
  const have = count(protectedTokens(translation));
  const problems: string[] = [];
  for (const [text, n] of wanted) {
    const m = have.get(text) ?? 0;
    if (m < n && !missingAllowed) problems.push(`lacks ${describe(text)}${n > 1 ? ` (the English has it ${n} times, the translation ${m})` : ""}`);
  }
  for (const [text, m] of have) {
    const n = wanted.get(text) ?? 0;
    if (m > n) problems.push(`has ${describe(text)} ${n === 0 ? "which the English does not have" : `${m} times (the English ${n})`}`);
  }
  return problems;
}

function describe(text: string): string {
  if (text === "**" || text === "__") return `the emphasis marker ${text}`;
  if (text === "[") return "the [ that opens a link";
  if (text.startsWith("](")) return `the link address ${text.slice(2, -1)} (written ${text})`;
  return text;
}
