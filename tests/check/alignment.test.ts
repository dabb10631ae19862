// The everyday translator mistakes, made on a copy of the real project with the Arabic locale
// (marked complete): each is found block by block against the English, with both places, and
// `npm run check` and `npm run build` treat it by the publish rule. Then the editor's path:
// adding, renaming and removing an English section never blocks publishing.
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { checkLocales } from "../../scripts/check/checkLocales.ts";
import type { Problem } from "../../scripts/check/types.ts";
import { parseSectionFile } from "../../scripts/project/sectionFile.ts";
import { readBlocks, type Block } from "../../scripts/project/blocks.ts";
import { runScript } from "../helpers/cli.ts";
import { copyProject, type ProjectCopy } from "../helpers/project.ts";
import { copyFixture } from "./fixtures.ts";

let copies: { remove(): void }[] = [];
afterEach(() => {
  for (const c of copies) c.remove();
  copies = [];
});

function project(): ProjectCopy {
  const copy = copyProject();
  copies.push(copy);
  return copy;
}

const read = (root: string, file: string) => readFileSync(join(root, file), "utf8");

/** The blocks of a file in the copy, with their lines in the file. */
function blocksOf(root: string, file: string): Block[] {
  const parsed = parseSectionFile(read(root, file), file);
  return readBlocks(parsed.body, parsed.bodyLine).blocks;
}

/** Replaces lines `from`..`to` (1-based, inclusive) of a file with `replacement`. */
function editLines(root: string, file: string, from: number, to: number, replacement: string[] = []) {
  const lines = read(root, file).split("\n");
  lines.splice(from - 1, to - from + 1, ...replacement);
  writeFileSync(join(root, file), lines.join("\n"));
}

const setComplete = (root: string, complete: boolean) => {
  const file = join(root, "locales/ar/locale.json");
  writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, "utf8")), complete }, null, 2));
};

const arabic = (root: string) => checkLocales(root, { diffs: false, locales: ["ar"] });
const ofKind = (problems: Problem[], kind: Problem["kind"]) => problems.filter((p) => p.kind === kind);
/** A site build on a busy machine can take minutes. */
const BUILD_TIMEOUT = 300_000;
const build = (root: string) => runScript("build.ts", ["--site-only"], { cwd: root, env: { SITE_DIR: "_site" } });

test("the real Arabic edition passes: no markup, structure, link or length problem", () => {
  const result = checkLocales(project().root, { diffs: false });
  expect(result.problems.filter((p) => ["markup", "structure", "link", "length", "unknown-source"].includes(p.kind))).toEqual([]);
  expect(result.ok).toBe(true);
});

describe("the everyday mistakes, in the complete Arabic locale", () => {
  test(
    "a deleted paragraph: an error naming the English paragraph, and the build refuses",
    () => {
      const { root } = project();
      const file = "content/ar/pledge.md";
      const paragraph = blocksOf(root, file).find((b) => b.kind === "paragraph" && b.parent === -1)!;
      const english = blocksOf(root, "content/en/pledge.md").find((b) => b.kind === "paragraph" && b.parent === -1)!;
      editLines(root, file, paragraph.line, paragraph.endLine + 1);
      const result = arabic(root);
      expect(result.ok).toBe(false);
      const [problem, ...rest] = ofKind(result.problems, "structure");
      expect(rest).toEqual([]);
      expect(problem).toMatchObject({ file, line: paragraph.line, severity: "error", message: `the English paragraph at content/en/pledge.md:${english.line} has no counterpart here` });
      expect(problem!.hint).toMatch(/^translate it \(“Knowing all we do/);
      const refused = build(root);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain(`${file}:${paragraph.line}: error: the English paragraph at content/en/pledge.md:${english.line} has no counterpart here`);
      expect(refused.stderr).toMatch(/in a locale marked complete \(ar\)/);
    },
    BUILD_TIMEOUT,
  );

  test(
    "a deleted demand (list item): an error, and the build refuses",
    () => {
      const { root } = project();
      const file = "content/ar/demands.md";
      const items = blocksOf(root, file).filter((b) => b.kind === "item");
      const englishItems = blocksOf(root, "content/en/demands.md").filter((b) => b.kind === "item");
      editLines(root, file, items[1]!.line, items[1]!.endLine);
      const result = arabic(root);
      expect(result.ok).toBe(false);
      expect(ofKind(result.problems, "structure")).toMatchObject([
        { file, line: items[1]!.line, severity: "error", message: `the English list item at content/en/demands.md:${englishItems[1]!.line} has no counterpart here` },
      ]);
      expect(build(root).status).toBe(1);
    },
    BUILD_TIMEOUT,
  );

  test(
    "a translated ::: quote keyword: broken markup, an error even in a locale in progress, and the build refuses",
    () => {
      const { root } = project();
      setComplete(root, false);
      const file = "content/ar/dual-use.md";
      const quote = blocksOf(root, file).find((b) => b.kind === "quote" && b.form === ":::")!;
      const line = read(root, file).split("\n")[quote.line - 1]!;
      editLines(root, file, quote.line, quote.line, [line.replace("quote", "اقتباس")]);
      const result = arabic(root);
      expect(result.ok).toBe(false);
      const markup = ofKind(result.problems, "markup");
      expect(markup[0]).toMatchObject({ file, line: quote.line, severity: "error", message: '"::: اقتباس" is not a block the site knows, so the page would show this line as text' });
      // Markup problems come first: the structure is compared once the markup is fixed.
      expect(ofKind(result.problems, "structure")).toEqual([]);
      const refused = build(root);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain(`${file}:${quote.line}: error: "::: اقتباس" is not a block the site knows`);
      expect(refused.stderr).toContain("the markup of ar, which would break its pages");
    },
    BUILD_TIMEOUT,
  );

  test(
    "a deleted closing ::: of a quotation: the unclosed block is an error, and the build refuses",
    () => {
      const { root } = project();
      const file = "content/ar/dual-use.md";
      const quote = blocksOf(root, file).find((b) => b.kind === "quote" && b.form === ":::")!;
      editLines(root, file, quote.endLine, quote.endLine);
      const result = arabic(root);
      expect(result.ok).toBe(false);
      expect(ofKind(result.problems, "markup")).toMatchObject([{ file, line: quote.line, severity: "error" }]);
      expect(ofKind(result.problems, "markup")[0]!.message).toMatch(/^the quotation opened here \(::: quote\) is never closed, so everything after it is swallowed into it$/);
      expect(build(root).status).toBe(1);
    },
    BUILD_TIMEOUT,
  );

  test(
    "a heading's level changed (## to ###): an error naming both levels, and the build refuses",
    () => {
      const { root } = project();
      const file = "content/ar/illegal.md";
      const heading = blocksOf(root, file).find((b) => b.kind === "heading" && b.level === 2)!;
      const english = blocksOf(root, "content/en/illegal.md").find((b) => b.kind === "heading" && b.level === 2)!;
      const line = read(root, file).split("\n")[heading.line - 1]!;
      editLines(root, file, heading.line, heading.line, [line.replace(/^##/, "###")]);
      const result = arabic(root);
      expect(result.ok).toBe(false);
      expect(ofKind(result.problems, "structure")).toMatchObject([
        { file, line: heading.line, severity: "error", message: `this heading is level 3 (###); the English heading at content/en/illegal.md:${english.line} is level 2 (##)` },
      ]);
      expect(build(root).status).toBe(1);
    },
    BUILD_TIMEOUT,
  );

  test("the same structural mistake in a locale in progress is a warning: the check passes", () => {
    const { root } = project();
    setComplete(root, false);
    const file = "content/ar/demands.md";
    const item = blocksOf(root, file).filter((b) => b.kind === "item")[1]!;
    editLines(root, file, item.line, item.endLine);
    const result = arabic(root);
    expect(ofKind(result.problems, "structure")).toMatchObject([{ file, severity: "warning" }]);
    expect(result.ok).toBe(true);
  });
});

describe("links and lengths (the check-clean fixture, French complete)", () => {
  const fixture = () => {
    const copy = copyFixture("clean");
    copies.push(copy);
    return copy.root;
  };
  const french = "content/fr/alpha.md";

  test("a changed link address is an error; only the link text is translated", () => {
    const root = fixture();
    writeFileSync(join(root, french), read(root, french).replace("(https://example.org/report)", "(https://example.org/rapport)"));
    const result = checkLocales(root, { diffs: false });
    expect(result.ok).toBe(false);
    expect(ofKind(result.problems, "link").map((p) => [p.line, p.severity, p.message, p.hint])).toEqual([
      [
        12,
        "error",
        "this link goes to https://example.org/rapport; the English list item at content/en/alpha.md:10 links to https://example.org/report",
        "write the English address exactly: [rapport](https://example.org/report); only the link text is translated",
      ],
    ]);
  });

  test("a link dropped from its block is an error", () => {
    const root = fixture();
    writeFileSync(join(root, french), read(root, french).replace("[rapport](https://example.org/report)", "rapport"));
    expect(ofKind(checkLocales(root, { diffs: false }).problems, "link").map((p) => p.message)).toEqual([
      "the link to https://example.org/report in the English list item at content/en/alpha.md:10 is missing here",
    ]);
  });

  test("a paragraph far shorter than the English is a warning naming both lines; expansion in locale.json sets the range", () => {
    const root = fixture();
    const english = "content/en/alpha.md";
    writeFileSync(join(root, english), read(root, english).replace("the war [78 A, B].", "the war [78 A, B]. It is a pledge taken by workers of every role, from support to engineering."));
    writeFileSync(join(root, french), read(root, french).replace(/source: .*\n/, ""));
    const length = ofKind(checkLocales(root, { diffs: false }).problems, "length");
    expect(length.map((p) => [p.file, p.line, p.severity])).toEqual([[french, 6, "warning"]]);
    expect(length[0]!.message).toMatch(
      /^this paragraph is 5\d % of the length of the English one at content\/en\/alpha\.md:5 \(“We refuse to work on tickets that support the war…”\): a sentence may have been dropped$/,
    );
    const meta = join(root, "locales/fr/locale.json");
    writeFileSync(meta, JSON.stringify({ ...JSON.parse(read(root, "locales/fr/locale.json")), expansion: [0.5, 2] }));
    expect(ofKind(checkLocales(root, { diffs: false }).problems, "length")).toEqual([]);
    writeFileSync(meta, JSON.stringify({ ...JSON.parse(read(root, "locales/fr/locale.json")), expansion: [2, 1] }));
    expect(checkLocales(root, { diffs: false }).problems.find((p) => p.file === "locales/fr/locale.json")?.message).toMatch(/^"expansion" must be two numbers/);
  });
});

describe("a stale translation is held to the English version it translates", () => {
  test("an English paragraph added since is a stale warning, not a structure error: the check passes", () => {
    const { root } = project();
    const english = "content/en/pledge.md";
    writeFileSync(join(root, english), `${read(root, english).trimEnd()}\n\nA new closing paragraph the translation does not have yet.\n`);
    const result = arabic(root);
    expect(ofKind(result.problems, "structure")).toEqual([]);
    expect(ofKind(result.problems, "stale").map((p) => p.file)).toEqual(["content/ar/pledge.md"]);
    expect(result.ok).toBe(true);
  });

  test("a paragraph deleted from a stale translation is reported against the snapshot of the English it translates", () => {
    const { root } = project();
    const english = "content/en/pledge.md";
    writeFileSync(join(root, english), `${read(root, english).trimEnd()}\n\nA new closing paragraph the translation does not have yet.\n`);
    const file = "content/ar/pledge.md";
    const paragraph = blocksOf(root, file).find((b) => b.kind === "paragraph" && b.parent === -1)!;
    editLines(root, file, paragraph.line, paragraph.endLine + 1);
    const source = /^source: (\w+)$/m.exec(read(root, file))![1]!;
    const snapshot = `content/.versions/pledge/${source}.md`;
    const snapshotParagraph = blocksOf(root, snapshot).find((b) => b.kind === "paragraph" && b.parent === -1)!;
    const [problem, ...rest] = ofKind(arabic(root).problems, "structure");
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ file, line: paragraph.line, severity: "error", message: `the English paragraph at ${snapshot}:${snapshotParagraph.line} has no counterpart here` });
  });
});

describe("the editor's path: English-only changes never block publishing", () => {
  const addSection = (root: string, id: string, after: string) => {
    const list = join(root, "content/sections.yml");
    writeFileSync(list, read(root, "content/sections.yml").replace(`- ${after}\n`, `- ${after}\n- ${id}\n`));
    writeFileSync(join(root, `content/en/${id}.md`), "---\ntitle: A new section\n---\n\nA paragraph the editor added to the English.\n");
  };

  test(
    "adding a section: the check reports work to do and passes, the build publishes it in English for Arabic readers",
    () => {
      const { root } = project();
      addSection(root, "new-part", "pledge");
      const result = arabic(root);
      expect(result.ok).toBe(true);
      expect(ofKind(result.problems, "missing-section")).toMatchObject([{ file: "content/ar/new-part.md", severity: "warning" }]);
      const check = runScript("check.ts", ["--no-diff"], { cwd: root });
      expect(check.status).toBe(0);
      const built = build(root);
      expect(built.stderr).toBe("");
      expect(built.status).toBe(0);
      const page = read(root, "_site/ar/new-part/index.html");
      expect(page).toContain("A paragraph the editor added to the English.");
      expect(page).toMatch(/lang="en"/);
    },
    BUILD_TIMEOUT,
  );

  test(
    "renaming a section: the old Arabic file is an orphan and the new id work to do; both pass and publish",
    () => {
      const { root } = project();
      // (A section the printed documents take is renamed in content/documents.yml too; the build says so.)
      writeFileSync(join(root, "content/sections.yml"), read(root, "content/sections.yml").replace("- immoral\n", "- testimonies\n"));
      renameSync(join(root, "content/en/immoral.md"), join(root, "content/en/testimonies.md"));
      const result = arabic(root);
      expect(result.ok).toBe(true);
      expect(result.problems.filter((p) => p.file.endsWith("immoral.md") || p.file.endsWith("testimonies.md")).map((p) => [p.file, p.kind, p.severity])).toEqual([
        ["content/ar/immoral.md", "orphan-section", "warning"],
        ["content/ar/testimonies.md", "missing-section", "warning"],
      ]);
      expect(build(root).status).toBe(0);
      expect(read(root, "_site/ar/testimonies/index.html")).toMatch(/lang="en"/);
    },
    BUILD_TIMEOUT,
  );

  test("renaming a section the printed documents take: the check reports content/documents.yml at its line, as the build would", () => {
    const { root } = project();
    writeFileSync(join(root, "content/sections.yml"), read(root, "content/sections.yml").replace("- demands\n", "- our-demands\n"));
    renameSync(join(root, "content/en/demands.md"), join(root, "content/en/our-demands.md"));
    const result = arabic(root);
    expect(result.ok).toBe(false);
    const line = read(root, "content/documents.yml").split("\n").findIndex((l) => l.includes("section: demands")) + 1;
    expect(result.problems.filter((p) => p.file === "content/documents.yml").map((p) => [p.line, p.severity, p.message])).toEqual([[line, "error", '"demands" is not a section']]);
  });

  test("unlisting a section whose English file stays: the translation is kept, not to be deleted", () => {
    const { root } = project();
    writeFileSync(join(root, "content/sections.yml"), read(root, "content/sections.yml").replace("- precedents\n", ""));
    const result = arabic(root);
    expect(result.problems.filter((p) => p.kind === "orphan-section").map((p) => [p.file, p.severity, p.message, p.hint])).toEqual([
      ["content/en/precedents.md", "warning", "this section is not listed in content/sections.yml, so the site does not show it", 'add "- precedents" to content/sections.yml where it belongs in the reading order, or delete the file'],
      [
        "content/ar/precedents.md",
        "warning",
        "the English section is not listed in content/sections.yml, so the site does not show it",
        "keep the file: the translation is shown again once the English section is listed again (delete it only if the section is dropped for good)",
      ],
    ]);
  });

  test(
    "removing a section: the Arabic file left behind is an orphan warning; check and build pass",
    () => {
      const { root } = project();
      writeFileSync(join(root, "content/sections.yml"), read(root, "content/sections.yml").replace("- precedents\n", ""));
      rmSync(join(root, "content/en/precedents.md"));
      const result = arabic(root);
      expect(result.ok).toBe(true);
      expect(ofKind(result.problems, "orphan-section")).toMatchObject([{ file: "content/ar/precedents.md", severity: "warning" }]);
      expect(build(root).status).toBe(0);
    },
    BUILD_TIMEOUT,
  );
});
