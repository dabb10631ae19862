// Section files (content/<locale>/<section>.md): front matter and markdown body. Front matter
// made only of plain `key: value` lines, which is nearly every file, is read without a YAML
// parse (the slowest part of reading thousands of files). Anything unusual (quotes, comments,
// numbers, unknown keys, bad values) goes to the full reading (sectionFileYaml.ts), so errors
// and results are exactly the same. tests/project/sectionFile.test.ts holds them equal.
import { parseSectionFileWithYaml, SECTION_STATUSES, type ParsedSectionFile, type SectionFrontMatter } from "./sectionFileYaml.ts";

export type { ParsedSectionFile, SectionFrontMatter, SectionStatus } from "./sectionFileYaml.ts";

const FENCE = /^---[ \t]*$/;
const KEYS = new Set(["title", "kicker", "source", "status"]);
/** `key: value` where YAML would surely read the value as the same plain text. */
const PLAIN_LINE = /^([a-z]+): ([^\s\-?:,[\]{}#&*!|>'"%@`][^\t#]*)$/;
/** `key: "value"` or `key: 'value'` with no quote or backslash inside: the text between the quotes. */
const QUOTED_LINE = /^([a-z]+): (?:"([^"\\]*)"|'([^'\\]*)')[ \t]*$/;
/** Plain values YAML 1.2 reads as something other than text (null, booleans, numbers). */
const NOT_TEXT = /^(?:~|null|true|false|[-+]?(?:\.inf|\.nan)|[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?|0x[0-9a-f]+|0o[0-7]+)$/i;

/** Characters YAML treats specially or refuses: control characters, odd line breaks, a BOM. */
// oxlint-disable-next-line no-control-regex -- these are the characters looked for
const ODD_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/;

export function parseSectionFile(text: string, file: string): ParsedSectionFile {
  return plainFrontMatter(text) ?? parseSectionFileWithYaml(text, file);
}

export function plainFrontMatter(text: string): ParsedSectionFile | undefined {
  // Only the front matter is split into lines: the body is a slice of the text, not a copy.
  const lines: string[] = [];
  let at = 0;
  // Stryker disable next-line UnaryOperator: with no closing fence no key is read whatever end starts at below 2, so no title: declined
  let end = -1;
  // Stryker disable next-line EqualityOperator: the empty line after a final line break is never a fence
  while (at <= text.length) {
    let next = text.indexOf("\n", at);
    if (next === -1) next = text.length;
    const line = text.slice(at, next);
    at = next + 1;
    if (lines.length > 0 && FENCE.test(line)) {
      end = lines.length;
      break;
    }
    lines.push(line);
    if (lines.length === 1 && !FENCE.test(line)) return undefined;
  }
  const frontMatter: Partial<SectionFrontMatter> = {};
  const keyLines: ParsedSectionFile["keyLines"] = {};
  for (let i = 1; i < end; i++) {
    const line = lines[i]!;
    const quoted = QUOTED_LINE.exec(line);
    const match = quoted ?? PLAIN_LINE.exec(line);
    if (!match) return undefined;
    const key = match[1] as keyof SectionFrontMatter;
    let value = (match[2] ?? match[3])!;
    if (!KEYS.has(key) || key in frontMatter || ODD_CHARACTER.test(value)) return undefined;
    if (quoted) {
      if (key === "title" || key === "kicker") value = value.trim();
      if (!value) return undefined;
    } else if (NOT_TEXT.test(value) || / $|: |:$/.test(value)) {
      return undefined;
    }
    if (key === "status" && !(SECTION_STATUSES as readonly string[]).includes(value)) return undefined;
    if (key === "source" && !/^[0-9a-f]{12}$/.test(value)) return undefined;
    (frontMatter as Record<string, string>)[key] = value;
    keyLines[key] = i + 1;
  }
  if (!frontMatter.title) return undefined;
  return { frontMatter: frontMatter as SectionFrontMatter, body: text.slice(at), bodyLine: end + 2, keyLines };
}
