// Markdown outside the content model in the English: the renderer leaves it as text (HTML is
// escaped; images, tables, setext headings, rules and reference links are off; a link goes only
// to a web address or a page of the site), so an editor is told where, before readers see it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, expect, test } from "vitest";
import { checkLocales } from "../../scripts/check/checkLocales.ts";
import { copyProject, type ProjectCopy } from "../helpers/project.ts";

let project: ProjectCopy | undefined;
afterEach(() => project?.remove());

/** The English demands section with `added` appended to its body: the shown-as-text problems, as line: message | hint. */
function shownAsText(added: string): string[] {
  project = copyProject();
  const file = "content/en/demands.md";
  const english = readFileSync(join(project.root, file), "utf8");
  project.write(file, `${english.trimEnd()}\n\n${added}\n`);
  const first = english.trimEnd().split("\n").length + 2;
  return checkLocales(project.root, { diffs: false, locales: ["ar"] })
    .problems.filter((p) => p.kind === "shown-as-text")
    .map((p) => `${p.file}:${p.line! - first + 1} ${p.severity}: ${p.message} | ${p.hint}`);
}

test("the real English has none", () => {
  const result = checkLocales(join(import.meta.dirname, "../.."), { diffs: false });
  expect(result.problems.filter((p) => p.kind === "shown-as-text")).toEqual([]);
});

test("HTML, an image, a table, a setext heading, a rule, a reference link: each a warning at its line, saying what readers would see and what to write", () => {
  expect(shownAsText("We <b>refuse</b>.\n\nSee ![the map](https://example.org/map.png).\n\n| a | b |\n|---|---|\n\nA heading\n---------\n\n***\n\nSee [the report][r].\n\n[r]: https://example.org/r")).toEqual([
    "content/en/demands.md:1 warning: the page shows the HTML tags <b> and </b> as text (the site writes no HTML from the content) | write **bold** for emphasis, or leave the tags out",
    "content/en/demands.md:3 warning: the page shows the image as text (“!” and a link): the site shows no images from the content | remove the ! to keep it a link, or remove the image",
    "content/en/demands.md:5 warning: the page shows this table as text, with its | signs: the site has no tables | write the rows as a list (- one item per row)",
    "content/en/demands.md:9 warning: the page shows this line of - signs as text, under the line above: it makes no heading | write the heading as ## A heading, on its own line",
    "content/en/demands.md:11 warning: the page shows *** as text: the site draws no rules between paragraphs | remove the line (a ## heading starts a new part)",
    "content/en/demands.md:13 warning: the page shows the reference link [the report][r] as text | write the address in the link itself: [the report](https://…)",
    "content/en/demands.md:15 warning: the page shows this link definition as text | write the address in the link itself, and remove this line",
  ]);
});

test("a link to a file, and headings of the wrong level: what the page does with them", () => {
  expect(shownAsText("See [the demands](demands.md) now.\n\n# A title\n\n#### A small heading")).toEqual([
    "content/en/demands.md:1 warning: the page shows the link to demands.md as text: a link goes to a web address (https://…, mailto:) or to a page of the site (/en/demands/) | link to the page's address, not to its file",
    "content/en/demands.md:3 warning: this heading has one # sign: the page's title is its only level-1 heading | write ## for a part of the section, ### for a part of that",
    "content/en/demands.md:5 warning: this heading has 4 # signs: the site's sections use ## and ### | write ## for a part of the section, ### for a part of that",
  ]);
});

test("what the site does show is left alone: emphasis, links to pages and addresses, lists, quotations", () => {
  expect(shownAsText("We **refuse** [the work](https://example.org/x), see [the pledge](/en/pledge/) and [below](#why).\n\n- one - two\n\n> A quotation with a | sign and 3 < 4.\n\n### A smaller part")).toEqual([]);
});

test("broken ::: lines in the English itself: the hints say what to do there, not to copy the English", () => {
  project = copyProject();
  const file = "content/en/dual-use.md";
  const english = readFileSync(join(project.root, file), "utf8");
  // The first quotation's closing line removed, a stray one and an unknown keyword added at the end.
  const lines = english.split("\n");
  const close = lines.findIndex((l, i) => i > lines.findIndex((x) => x.startsWith("::: quote")) && l === ":::");
  lines.splice(close, 1);
  project.write(file, `${lines.join("\n").trimEnd()}\n\n::: aside\n`);
  const hints = checkLocales(project.root, { diffs: false, locales: ["ar"] })
    .problems.filter((p) => p.file === file && p.kind === "markup")
    .map((p) => p.hint);
  expect(hints.length).toBeGreaterThan(1);
  for (const hint of hints) expect(hint).not.toMatch(/English/);
  expect(hints).toContain("use a keyword the site knows after the colons: ::: quote, ::: details or ::: excerpt");
  expect(hints.some((h) => /^add a line with only ::: where the quotation ends$/.test(h))).toBe(true);
});
