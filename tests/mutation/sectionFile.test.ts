// The section file reader where the comparison in tests/project/sectionFile.test.ts cannot see: an
// error both readings give alike (each message, hint and line in full), what a good file reads as
// (trimmed title and kicker, body, body line, key lines), and which files the shortcut takes, so a
// shortcut that declines more than it must (and only costs time) fails a test too.
import { expect, test } from "vitest";
import { parseSectionFile, plainFrontMatter } from "../../scripts/project/sectionFile.ts";
import { parseSectionFileWithYaml } from "../../scripts/project/sectionFileYaml.ts";
import { contentErrorOf } from "../helpers/contentError.ts";

const FILE = "content/fr/alpha.md";
const refused = (text: string) => {
  const error = contentErrorOf(() => parseSectionFile(text, FILE));
  expect(error.file).toBe(FILE);
  return `${error.line}${error.column === undefined ? "" : `:${error.column}`} ${error.problem} | ${error.hint}`;
};

test("a file with no front matter, or one never closed, is refused at line 1 with what to add", () => {
  expect(refused("title: x\n")).toBe("1 the file does not start with front matter (a line with ---) | begin the file with ---, a line `title: …`, and another --- line; see content/README.md");
  expect(refused("")).toBe("1 the file does not start with front matter (a line with ---) | begin the file with ---, a line `title: …`, and another --- line; see content/README.md");
  expect(refused("---\ntitle: x\nBody\n")).toBe("1 the front matter is never closed | add a line with only --- after the front matter");
});

test("broken YAML is named at its line and column in the file (the front matter starts on line 2)", () => {
  expect(refused('---\ntitle: ok\nkicker: "unclosed\n---\n')).toBe(
    '3:9 the front matter is not valid YAML: the " here is never closed | end the value with " (a " inside it is written \\")',
  );
});

test("front matter that is not key: value lines is refused at line 2", () => {
  for (const text of ["---\n- title\n---\n", "---\n\n---\n", "---\njust text\n---\n"]) {
    expect(refused(text)).toBe("2 the front matter must be a list of `key: value` lines | write it as `title: …` on its own line");
  }
});

test("an unknown key is named at its own line, also when it is not plain text, with the keys allowed", () => {
  const allowed = "remove it; a section file may only have: title, kicker, source, status";
  expect(refused("---\ntitle: x\npermalink: /elsewhere/\n---\n")).toBe(`3 unknown front matter key "permalink" | ${allowed}`);
  expect(refused("---\ntitle: x\n[a]: b\n---\n")).toBe(`3 unknown front matter key "["a"]" | ${allowed}`);
  expect(refused("---\ntitle: x\n\n? [a]\n: b\n---\n")).toBe(`4 unknown front matter key "["a"]" | ${allowed}`);
  expect(refused("---\ntitle: x\n: b\n---\n")).toBe(`3 unknown front matter key "null" | ${allowed}`);
});

test("a value that is not a line of text is named with its key's line and what the key is for", () => {
  expect(refused("---\ntitle: x\nkicker: 3\n---\n")).toBe('3 "kicker" must be a line of text (a heading shown just above the title) | write it as  kicker: your text');
  expect(refused("---\ntitle: x\n\nkicker:\n---\n")).toBe('4 "kicker" must be a line of text (a heading shown just above the title) | write it as  kicker: your text');
  expect(refused("---\ntitle: '   '\n---\n")).toBe("2 \"title\" must be a line of text (the section's heading) | write it as  title: your text");
  expect(refused("---\ntitle: x\nsource: [a]\n---\n")).toBe(
    '3 "source" must be a line of text (the English version this translation follows (set by npm run locale:mark)) | write it as  source: your text',
  );
  expect(refused("---\ntitle: x\nstatus: {}\n---\n")).toBe('3 "status" must be a line of text (draft or reviewed) | write it as  status: your text');
});

test("a status or source out of its values is named at its line with what to write instead", () => {
  expect(refused("---\ntitle: x\nstatus: done\n---\n")).toBe('3 status "done" is not one of: draft, reviewed | use `status: draft` until a native speaker has reviewed it, then `status: reviewed`');
  expect(refused("---\ntitle: x\n\nsource: 4158C310B924\n---\n")).toBe(
    '4 source "4158C310B924" is not a section version (12 hexadecimal characters) | do not edit it by hand; run npm run locale:mark -- <locale> <section> after updating the translation',
  );
  expect(refused("---\ntitle: x\nsource: '4158c310b924a'\n---\n")).toMatch(/^3 source "4158c310b924a" is not a section version/);
  expect(refused("---\ntitle: x\nsource: 'x4158c310b924'\n---\n")).toMatch(/^3 source "x4158c310b924" is not a section version/);
});

test("front matter with no title is refused at line 2", () => {
  expect(refused("---\nkicker: Why?\nstatus: draft\n---\n")).toBe("2 the front matter has no title | add a line `title: …` with the section's heading");
});

test("a good file: title and kicker trimmed, status and source as written, the body after the fence and each key's line", () => {
  const text = "---\ntitle: '  The pledge  '\n\nkicker: \" Why? \" # asked often\nstatus: reviewed\nsource: 4158c310b924\n---\n\nFirst line\n---\nLast\n";
  const expected = {
    frontMatter: { title: "The pledge", kicker: "Why?", status: "reviewed", source: "4158c310b924" },
    body: "\nFirst line\n---\nLast\n",
    bodyLine: 8,
    keyLines: { title: 2, kicker: 4, status: 5, source: 6 },
  };
  expect(parseSectionFileWithYaml(text, FILE)).toEqual(expected);
  expect(parseSectionFile(text, FILE)).toEqual(expected);
  expect(parseSectionFile("---\ntitle: x\n---", FILE)).toEqual({ frontMatter: { title: "x" }, body: "", bodyLine: 4, keyLines: { title: 2 } });
});

test("the shortcut reads the same values, lines and body as the full reading", () => {
  const text = "---\ntitle: 'Single quoted'\nkicker: \"  padded  \"\nstatus: draft\nsource: 4158c310b924\n---\nBody\n\nmore";
  const expected = {
    frontMatter: { title: "Single quoted", kicker: "padded", status: "draft", source: "4158c310b924" },
    body: "Body\n\nmore",
    bodyLine: 7,
    keyLines: { title: 2, kicker: 3, status: 4, source: 5 },
  };
  expect(plainFrontMatter(text)).toEqual(expected);
  expect(parseSectionFileWithYaml(text, FILE)).toEqual(expected);
  expect(plainFrontMatter("---   \ntitle: Plain words, and more\n---\t\n")).toEqual({ frontMatter: { title: "Plain words, and more" }, body: "", bodyLine: 4, keyLines: { title: 2 } });
  expect(plainFrontMatter("---\ntitle: x\n---")).toEqual({ frontMatter: { title: "x" }, body: "", bodyLine: 4, keyLines: { title: 2 } });
});

test("the shortcut takes every plain line and declines whatever YAML could read otherwise", () => {
  const taken = [
    "---\ntitle: Plain\n---\nBody",
    "---\nkicker: Why?\ntitle: Two keys\n---\n",
    "---\ntitle: x\nstatus: reviewed\n---\n",
    "---\ntitle: x\nsource: 0123456789ab\n---\n",
    "---\ntitle: A-b c:d 1.5\n---\n",
    "---\ntitle: إلى مايكروسوفت نكرّر مطالبنا\n---\n",
    '---\ntitle: "a: b"\n---\n',
    "---\ntitle: '2024'\n---\n",
    '---\ntitle: "x"  \n---\n',
    "---\ntitle: 'x'\t\n---\n",
  ];
  const declined = [
    "---\n---\n",
    "x\n---\ntitle: x\n---\n",
    "x\ntitle: x\n---\n",
    " ---\ntitle: x\n---\n",
    "---\ntitle: x\n",
    "---\ntitle: x\n---x\n",
    "---\nTitle: x\n---\n",
    "---\ntitle:x\n---\n",
    "---\ntitle: x\nlayout: y\n---\n",
    "---\ntitle: x\ntitle: y\n---\n",
    "---\ntitle: x\u0007\n---\n",
    "---\ntitle: x\u2028y\n---\n",
    "---\ntitle: x\ufeff\n---\n",
    "---\ntitle: x\u0085\n---\n",
    '---\ntitle: "x\u0001"\n---\n',
    '---\ntitle: "  "\n---\n',
    '---\ntitle: ""\n---\n',
    "---\ntitle: ''\n---\n",
    '---\ntitle: x\nkicker: ""\n---\n',
    '---\ntitle: x\nstatus: " draft"\n---\n',
    "---\ntitle: x\nsource: ' 4158c310b924'\n---\n",
    '---\ntitle: "x" y\n---\n',
    "---\ntitle: x \n---\n",
    "---\ntitle: a: b\n---\n",
    "---\ntitle: a:\n---\n",
    "---\ntitle: ~\n---\n",
    "---\ntitle: False\n---\n",
    "---\ntitle: -.INF\n---\n",
    "---\ntitle: +12.5e-3\n---\n",
    "---\ntitle: 0o17\n---\n",
    "---\ntitle: 12\n---\n",
    "---\ntitle: x\nstatus: Draft\n---\n",
    "---\ntitle: x\nstatus: drafts\n---\n",
    "---\ntitle: x\nsource: 0123456789abc\n---\n",
    "---\ntitle: x\nsource: 0123456789aB\n---\n",
    "---\ntitle: x\nsource: z0123456789a\n---\n",
    "---\nkicker: x\n---\n",
    "---\ntitle: x\n\n---\n",
  ];
  expect(taken.filter((text) => plainFrontMatter(text) === undefined)).toEqual([]);
  expect(declined.filter((text) => plainFrontMatter(text) !== undefined)).toEqual([]);
});
