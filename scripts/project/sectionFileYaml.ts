// The section file schema and its full reading: splits a section file into front matter and
// body, and checks the front matter against the schema with a YAML parser. Only the schema's
// keys are allowed: a translator's file cannot change where a page is written or how it is
// rendered. Section files are read through sectionFile.ts, which tries a shortcut first.
import { isMap, isScalar } from "yaml";
import { ContentError } from "../shared/contentError.ts";
import { parseYaml } from "../shared/yaml.ts";

export const SECTION_STATUSES = ["draft", "reviewed"] as const;
export type SectionStatus = (typeof SECTION_STATUSES)[number];

export interface SectionFrontMatter {
  title: string;
  kicker?: string;
  /** Version (hash) of the English section this translation was made from. */
  source?: string;
  status?: SectionStatus;
}

export interface ParsedSectionFile {
  frontMatter: SectionFrontMatter;
  body: string;
  /** 1-based line in the file where the body starts. */
  bodyLine: number;
  /** 1-based line of each front matter key, for messages. */
  keyLines: Partial<Record<keyof SectionFrontMatter, number>>;
}

const KEYS: Record<keyof SectionFrontMatter, string> = {
  title: "the section's heading",
  kicker: "a heading shown just above the title",
  source: "the English version this translation follows (set by npm run locale:mark)",
  status: "draft or reviewed",
};

const FENCE = /^---[ \t]*$/;

export function parseSectionFileWithYaml(text: string, file: string): ParsedSectionFile {
  const lines = text.split("\n");
  if (!FENCE.test(lines[0]!)) {
    throw new ContentError({ file, line: 1 }, "the file does not start with front matter (a line with ---)", "begin the file with ---, a line `title: …`, and another --- line; see content/README.md");
  }
  const end = lines.findIndex((line, i) => i > 0 && FENCE.test(line));
  if (end === -1) {
    throw new ContentError({ file, line: 1 }, "the front matter is never closed", "add a line with only --- after the front matter");
  }
  const yamlText = lines.slice(1, end).join("\n");
  const { doc, lineOf } = parseYaml(yamlText, file, 'check the quoting and indentation on that line; a value with a colon needs "quotes"', {
    what: "the front matter is not valid YAML",
    firstLine: 2,
  });
  if (!isMap(doc.contents)) {
    throw new ContentError({ file, line: 2 }, "the front matter must be a list of `key: value` lines", "write it as `title: …` on its own line");
  }
  const frontMatter: Partial<SectionFrontMatter> = {};
  const keyLines: ParsedSectionFile["keyLines"] = {};
  for (const pair of doc.contents.items) {
    const keyNode = pair.key;
    const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
    // Stryker disable next-line LogicalOperator: every key the parser gives (an empty one too) has a place; 2 only satisfies the type
    const line = lineOf(keyNode) ?? 2;
    if (!(key in KEYS)) {
      throw new ContentError({ file, line }, `unknown front matter key "${key}"`, `remove it; a section file may only have: ${Object.keys(KEYS).join(", ")}`);
    }
    const value = isScalar(pair.value) ? pair.value.value : undefined;
    if (typeof value !== "string" || value.trim() === "") {
      throw new ContentError({ file, line }, `"${key}" must be a line of text (${KEYS[key as keyof SectionFrontMatter]})`, `write it as  ${key}: your text`);
    }
    keyLines[key as keyof SectionFrontMatter] = line;
    if (key === "status") {
      if (!(SECTION_STATUSES as readonly string[]).includes(value)) {
        throw new ContentError(
          { file, line },
          `status "${value}" is not one of: ${SECTION_STATUSES.join(", ")}`,
          "use `status: draft` until a native speaker has reviewed it, then `status: reviewed`",
        );
      }
      frontMatter.status = value as SectionStatus;
    } else if (key === "source") {
      if (!/^[0-9a-f]{12}$/.test(value)) {
        throw new ContentError(
          { file, line },
          `source "${value}" is not a section version (12 hexadecimal characters)`,
          "do not edit it by hand; run npm run locale:mark -- <locale> <section> after updating the translation",
        );
      }
      frontMatter.source = value;
    } else {
      frontMatter[key as "title" | "kicker"] = value.trim();
    }
  }
  if (!frontMatter.title) {
    throw new ContentError({ file, line: 2 }, "the front matter has no title", "add a line `title: …` with the section's heading");
  }
  return {
    frontMatter: frontMatter as SectionFrontMatter,
    body: lines.slice(end + 1).join("\n"),
    bodyLine: end + 2,
    keyLines,
  };
}
