// The reader's shortcut for plain front matter gives exactly what the full YAML reading gives,
// and leaves everything unusual to it.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { parseSectionFile, plainFrontMatter } from "../../scripts/project/sectionFile.ts";
import { parseSectionFileWithYaml } from "../../scripts/project/sectionFileYaml.ts";
import { decodeText } from "../../scripts/shared/readText.ts";
import { ROOT } from "../helpers/site.ts";

function outcome(parse: (text: string, file: string) => unknown, text: string): unknown {
  try {
    return parse(text, "x.md");
  } catch (error) {
    return { error: (error as Error).message };
  }
}

const realFiles = ["en", "ar"].flatMap((code) => readdirSync(join(ROOT, "content", code)).map((name) => decodeText(readFileSync(join(ROOT, "content", code, name)), name)));

const tricky = [
  "---\ntitle: Plain\n---\nBody",
  "---\ntitle: Plain\nstatus: draft\nsource: 4158c310b924\n---\n\nBody\n",
  "---\nkicker: Why?\ntitle: Two keys\n---\n",
  "---\ntitle: 2024\n---\n",
  "---\ntitle: true\n---\n",
  "---\ntitle: null\n---\n",
  "---\ntitle: 1e5\n---\n",
  "---\ntitle: .5\n---\n",
  "---\ntitle: 0x1F\n---\n",
  "---\ntitle: A title # with a comment\n---\n",
  '---\ntitle: "Quoted: with colon"\n---\n',
  "---\ntitle: key: value\n---\n",
  "---\ntitle: ends with colon:\n---\n",
  "---\ntitle: trailing space \n---\n",
  "---\ntitle: Twice\ntitle: Again\n---\n",
  "---\ntitle: x\npermalink: /elsewhere/\n---\n",
  "---\ntitle: x\nstatus: done\n---\n",
  "---\ntitle: x\nsource: 123456789012\n---\n",
  "---\ntitle: x\nsource: ABC\n---\n",
  "---\nstatus: draft\n---\n",
  "---\ntitle: - a dash\n---\n",
  "---\ntitle: *alias\n---\n",
  "---\ntitle: [list]\n---\n",
  "---\n  title: indented\n---\n",
  "---\ntitle: tab\there\n---\n",
  "---\ntitle: line\u2028separator\n---\n",
  "---\n\ntitle: blank line first\n---\n",
  "---\ntitle: never closed\n",
  "no front matter\n",
  "---\ntitle: إلى مايكروسوفت نكرّر مطالبنا\n---\n",
  "---   \ntitle: fence with spaces\n---\t\nBody",
  '---\ntitle: "Quoted"\nsource: "4158c310b924"\nstatus: "draft"\n---\n',
  "---\ntitle: 'Single quoted'\nkicker: '  padded  '\n---\n",
  '---\ntitle: "  padded  "\n---\n',
  '---\ntitle: ""\n---\n',
  '---\ntitle: "x"\nsource: "123456789012"\n---\n',
  '---\ntitle: "escaped \\" quote"\n---\n',
  "---\ntitle: 'it''s'\n---\n",
  '---\ntitle: "x" # comment\n---\n',
  '---\ntitle: "x"  \n---\n',
  '---\ntitle: "a: b"\n---\n',
  '---\ntitle: "2024"\n---\n',
];

test("the same result (or the same error) as the full YAML reading, for real files and tricky ones", () => {
  for (const text of [...realFiles, ...tricky]) {
    expect(outcome(parseSectionFile, text), text).toEqual(outcome(parseSectionFileWithYaml, text));
  }
});

test("the shortcut is taken for plain front matter, so the comparison above means something", () => {
  expect(plainFrontMatter(tricky[1]!)).toBeDefined();
  expect(plainFrontMatter('---\ntitle: "Quoted: with colon"\nsource: "4158c310b924"\n---\n')).toBeDefined();
  expect(realFiles.filter((text) => plainFrontMatter(text) !== undefined).length).toBeGreaterThan(realFiles.length / 2);
  expect(plainFrontMatter("---\ntitle: 2024\n---\n")).toBeUndefined();
});
