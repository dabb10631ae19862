// content/sections.yml: the ids as YAML reads them, whether the list is read by yaml or, written
// the usual way, without it; YAML's numbers, booleans and nulls are reported as they always were.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { readSectionList } from "../../scripts/project/sectionList.ts";

const root = mkdtempSync(join(tmpdir(), "section-list-"));
mkdirSync(join(root, "content"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** What reading the list gives: its ids, or the message it fails with. */
function read(text: string): string[] | string {
  writeFileSync(join(root, "content", "sections.yml"), text);
  try {
    return readSectionList(root);
  } catch (error) {
    return (error as Error).message.split("\n")[0]!;
  }
}

const invalid = (shown: string, line = 1) => `content/sections.yml:${line}: "${shown}" is not a valid section id`;

test.each([
  ["- pledge\n- demands\n", ["pledge", "demands"]],
  ["- pledge\n- demands", ["pledge", "demands"]],
  ["- pledge\r\n- demands\r\n", ["pledge", "demands"]],
  ["- pledge # a note\n\n-  demands\n\n", ["pledge", "demands"]],
  ["- yes\n- no\n- nan\n- a--b\n", invalid("a--b", 4)],
  ["- yes\n- no\n- nan\n", ["yes", "no", "nan"]],
  ["- pledge\n- 123\n", invalid("123", 2)],
  ["- 1-2\n", ["1-2"]],
  ["- 0x1f\n", invalid("31")],
  ["- 0o17\n", invalid("15")],
  ["- 1e3\n", invalid("1000")],
  ["- true\n", invalid("true")],
  ["- null\n", invalid("null")],
  ["- -\n", invalid("-")],
  ["- -a\n", invalid("-a")],
  ["- Pledge\n", invalid("Pledge")],
  ["- pledge\n- pledge\n", 'content/sections.yml:2: the section "pledge" is listed twice (first at line 1)'],
  ["# order\n- pledge\n\n- demands\n- pledge # again\n", 'content/sections.yml:5: the section "pledge" is listed twice (first at line 2)'],
  ["- pledge\n- dual-use:\n", invalid("dual-use:", 2)],
  ["- pledge\n# a note\n- [a, b]\n", invalid("[a, b]", 3)],
  ["-pledge\n", "content/sections.yml: must be a list of section ids"],
])("%j reads as YAML reads it", (text, expected) => {
  expect(read(text)).toEqual(expected);
});

/** The whole error: place, message and hint. */
function refusal(text: string): string {
  writeFileSync(join(root, "content", "sections.yml"), text);
  try {
    readSectionList(root);
  } catch (error) {
    return (error as Error).message;
  }
  return "no error";
}

test("an id with a colon after it: named at its line as written, with the colon to remove", () => {
  expect(refusal("- pledge\n- dual-use:\n- illegal\n")).toBe('content/sections.yml:2: "dual-use:" is not a valid section id\n  → remove the colon: write the line as  - dual-use');
  expect(refusal("- pledge\n- dual-use: x\n")).toBe('content/sections.yml:2: "dual-use: x" is not a valid section id\n  → a section id is one word with no colon: write the line as  - dual-use');
});

test("a section listed twice: named at its second line, with its first", () => {
  expect(refusal("- pledge\n- demands\n- pledge\n")).toBe('content/sections.yml:3: the section "pledge" is listed twice (first at line 1)\n  → list each section once: remove one of the two lines');
});
