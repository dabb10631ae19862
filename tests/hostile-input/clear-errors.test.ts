// Broken input gets one clear message naming the file (and line), a non-zero exit, no stack
// trace, and the previous _site/ left exactly as it was.
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runScript, type CliResult } from "../helpers/cli.ts";
import { mainOf, visibleText } from "../helpers/html.ts";
import { copyProject, type ProjectCopy } from "../helpers/project.ts";
import { treeFingerprint } from "../helpers/tree.ts";

let project: ProjectCopy;
let siteBefore: Map<string, string>;
const contentBefore = () => treeFingerprint(join(project.root, "content"));
let contentFingerprint: Map<string, string>;

const build = (...args: string[]) => runScript("build.ts", ["--site-only", ...args], { cwd: project.root, env: { SITE_DIR: "_site" } });

/** What the build itself says: Eleventy's "[11ty] Benchmark" lines come and go with the machine's load. */
const ownOutput = (stderr: string) => stderr.replace(/^\[11ty\] Benchmark .*\n?/gm, "");

beforeAll(() => {
  project = copyProject({ copyTemplates: true });
  const first = build();
  expect(ownOutput(first.stderr)).toBe("");
  expect(first.status).toBe(0);
  siteBefore = treeFingerprint(join(project.root, "_site"));
  expect(siteBefore.size).toBeGreaterThan(10);
  contentFingerprint = contentBefore();
});
afterAll(() => project?.remove());

interface BrokenCase {
  name: string;
  /** Breaks the project; returns a function that mends it. */
  breakIt(): () => void;
  /** What the message must name: file, and line where there is one. */
  expected: RegExp;
}

/** Replaces a file for the duration of one case. */
function replaceFile(path: string, content: string | Uint8Array) {
  const full = join(project.root, path);
  let original: Buffer | undefined;
  try {
    original = readFileSync(full);
  } catch {}
  writeFileSync(full, content);
  return () => (original ? writeFileSync(full, original) : rmSync(full));
}

/** Adds a file (and any folders it needs) for one case; mending removes all it created. */
function addFile(path: string, content: string | Uint8Array) {
  const parts = path.split("/");
  let created = path;
  for (let i = 1; i <= parts.length; i++) {
    const prefix = parts.slice(0, i).join("/");
    if (!existsSync(join(project.root, prefix))) {
      created = prefix;
      break;
    }
  }
  project.write(path, content);
  return () => rmSync(join(project.root, created), { recursive: true, force: true });
}

function moveFile(from: string, to: string) {
  renameSync(join(project.root, from), join(project.root, to));
  return () => renameSync(join(project.root, to), join(project.root, from));
}

const cases: BrokenCase[] = [
  { name: "invalid JSON", breakIt: () => replaceFile("locales/ar/ui.json", '{\n  "site": {\n    "home": "x",\n  }\n}\n'), expected: /locales\/ar\/ui\.json:4:\d+: not valid JSON/ },
  {
    name: "invalid YAML",
    breakIt: () => replaceFile("content/ar/pledge.md", "---\ntitle: التعهّد\nstatus: [draft\n---\nنص\n"),
    expected: /content\/ar\/pledge\.md:\d+(:\d+)?: the front matter is not valid YAML/,
  },
  {
    name: "bytes that are not UTF-8",
    breakIt: () => replaceFile("content/ar/pledge.md", Buffer.concat([Buffer.from("---\ntitle: x\n---\nline\nbad "), Buffer.from([0xff, 0xfe, 0x41]), Buffer.from("\n")])),
    expected: /content\/ar\/pledge\.md:5:5: the file is not valid UTF-8/,
  },
  { name: "a binary file", breakIt: () => replaceFile("content/ar/demands.md", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a])), expected: /content\/ar\/demands\.md: this is a binary file/ },
  { name: "an empty file", breakIt: () => replaceFile("locales/ar/ui.json", ""), expected: /locales\/ar\/ui\.json: the file is empty/ },
  {
    name: "a 10 MB file",
    breakIt: () => replaceFile("content/ar/references.md", `---\ntitle: x\n---\n${"a".repeat(10 * 1024 * 1024)}`),
    expected: /content\/ar\/references\.md: the file is 10\.0 MB/,
  },
  {
    name: "a file name outside [a-z0-9-]",
    breakIt: () => addFile("content/ar/Pledge copy.md", "---\ntitle: x\n---\n"),
    expected: /content\/ar\/Pledge copy\.md: "Pledge copy\.md" is not a section file name/,
  },
  {
    name: "a section id with ../",
    breakIt: () => replaceFile("content/sections.yml", "- pledge\n- ../../etc/passwd\n"),
    expected: /content\/sections\.yml:2: "\.\.\/\.\.\/etc\/passwd" is not a valid section id/,
  },
  { name: "a locale folder that is not a BCP 47 tag", breakIt: () => addFile("locales/en_GB/locale.json", "{}"), expected: /locales\/en_GB: "en_GB" is not a valid language tag/ },
  { name: "two sections with one id", breakIt: () => replaceFile("content/sections.yml", "- pledge\n- demands\n- pledge\n"), expected: /content\/sections\.yml:3: the section "pledge" is listed twice \(first at line 1\)/ },
  {
    name: "a listed section with no English file",
    breakIt: () => replaceFile("content/sections.yml", "- pledge\n- typo-section\n"),
    expected: /content\/sections\.yml:2: the section "typo-section" is listed here, but content\/en\/typo-section\.md does not exist/,
  },
  { name: "a section file in the content folder itself", breakIt: () => addFile("content/pledge.md", "---\ntitle: x\n---\n"), expected: /content\/pledge\.md: a file in the wrong folder/ },
  { name: "a section file in a sub-folder", breakIt: () => addFile("content/ar/old/pledge.md", "---\ntitle: x\n---\n"), expected: /content\/ar\/old: a folder inside a locale's content folder/ },
  {
    name: "content for a locale that does not exist",
    breakIt: () => addFile("content/fr/pledge.md", "---\ntitle: x\n---\n"),
    expected: /content\/fr: content for a locale "fr" that has no folder locales\/fr\//,
  },
  {
    name: "a schema key outside the schema",
    breakIt: () => replaceFile("content/ar/pledge.md", "---\ntitle: x\npermalink: /../../outside/\n---\n"),
    expected: /content\/ar\/pledge\.md:3: unknown front matter key "permalink"/,
  },
  { name: "a missing layout", breakIt: () => moveFile("templates/_includes/layouts/base.njk", "base.njk.away"), expected: /layout that does not exist: templates\/_includes\/layouts\/base\.njk/ },
  {
    name: "a missing template include",
    breakIt: () => moveFile("templates/_includes/components/translation-status-bar.njk", "translation-status-bar.njk.away"),
    expected: /translation-status-bar\.njk/,
  },
];

describe.each(cases)("$name", ({ breakIt, expected }) => {
  test("fails with a message naming the file, no stack trace, and _site untouched", () => {
    const mend = breakIt();
    let result: CliResult;
    try {
      result = build();
    } finally {
      mend();
    }
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(expected);
    expect(result.stderr).toMatch(/→ /);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(treeFingerprint(join(project.root, "_site"))).toEqual(siteBefore);
  });
});

test("--debug adds the stack trace", () => {
  const mend = replaceFile("locales/ar/ui.json", "{");
  try {
    const result = build("--debug");
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^\s+at /m);
  } finally {
    mend();
  }
});

test("a byte-order mark and CRLF line ends are accepted: the page reads as from the plain file", () => {
  const file = "content/ar/illegal.md";
  const original = readFileSync(join(project.root, file), "utf8");
  const mend = replaceFile(file, `\uFEFF${original.replace(/\n/g, "\r\n")}`);
  let result: CliResult;
  try {
    // Into a folder of its own: a failed build leaves _site/ as it was, and its page would pass.
    result = runScript("build.ts", ["--site-only"], { cwd: project.root, env: { SITE_DIR: "_site-bom" } });
  } finally {
    mend();
  }
  expect(ownOutput(result.stderr)).toBe("");
  expect(result.status).toBe(0);
  const page = readFileSync(join(project.root, "_site-bom/ar/illegal/index.html"), "utf8");
  expect(page).not.toMatch(/\uFEFF|\r/);
  // The front matter is read (a BOM before --- would make it text), the title and kicker are its values.
  expect(page).toContain('<h1 id="title">دعم الإبادة الجماعية غير قانوني.</h1>');
  expect(visibleText(mainOf(page))).toContain("لماذا نتعهّد من أجل فلسطين؟");
  expect(visibleText(mainOf(page))).not.toMatch(/title:|status: draft|source:/);
  // Each heading is a heading with its own words, no CR at its end.
  const headings = [...page.matchAll(/<h2\b[^>]*>([\s\S]*?)<\/h2>/g)].map((m) => visibleText(m[1]!));
  expect(headings).toContain("اتفاقية جنيف بشأن حماية الأشخاص المدنيين في وقت الحرب (اتفاقية جنيف الرابعة)");
  expect(headings).toContain("قرار مجلس الأمن التابع للأمم المتحدة S/RES/2720 (2023)");
  // And it is the very page the plain file builds.
  expect(treeFingerprint(join(project.root, "_site-bom")).get(join("ar", "illegal", "index.html"))).toBe(siteBefore.get(join("ar", "illegal", "index.html")));
});

test("no failed build changed a content or locale file", () => {
  expect(contentBefore()).toEqual(contentFingerprint);
});
