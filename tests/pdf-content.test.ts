// What the printed documents take from the content: content/documents.yml, the marked
// excerpts (word for word, the same blocks in every locale), and the print pages' model.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { loadDocumentPlan } from "../scripts/project/documentList.ts";
import { excerptBlocks, printedExcerpts as printedExcerptsOf } from "../scripts/print/excerpt.ts";
import { markdownRenderer, parseMarkdown, renderMarkdown } from "../scripts/shared/markdown.ts";
import { buildPrintModel, checkPrintedDocuments } from "../scripts/print/printModel.ts";
import { buildSiteModel } from "../scripts/site/model.ts";
import { runScript } from "./helpers/cli.ts";
import { copyProject } from "./helpers/project.ts";
import { ROOT } from "./helpers/site.ts";
import { searchable } from "./pdfTools.ts";

describe("excerpts", () => {
  test("a section's ::: excerpt blocks, in order, top-level or inside a list item", () => {
    const body = "Intro.\n\n::: excerpt\nOne.\n\n- a\n- b\n:::\n\nSkipped.\n\n1. Item\n\n   ::: excerpt\n   Nested.\n   :::\n";
    expect(excerptBlocks(body).map((e) => e.markdown)).toEqual(["One.\n\n- a\n- b", "Nested."]);
    expect(excerptBlocks("No markers.\n")).toEqual([]);
  });

  test("a translation's excerpts are the ones aligned with the English excerpts; the English one where it has no counterpart", () => {
    const printedExcerpts = (source: string, translation: string) => printedExcerptsOf(source, translation).map(({ markdown, english }) => ({ markdown, english }));
    const english = "Intro.\n\n::: excerpt\nOne.\n:::\n\nMiddle.\n\n::: excerpt\nTwo.\n:::\n";
    expect(printedExcerpts(english, "Intro fr.\n\n::: excerpt\nUn.\n:::\n\nMilieu.\n\n::: excerpt\nDeux.\n:::\n")).toEqual([
      { markdown: "Un.", english: false },
      { markdown: "Deux.", english: false },
    ]);
    // The second excerpt's ::: lines were dropped: the English one is printed in its place.
    expect(printedExcerpts(english, "Intro fr.\n\n::: excerpt\nUn.\n:::\n\nMilieu.\n\nDeux.\n")).toEqual([
      { markdown: "Un.", english: false },
      { markdown: "Two.", english: true },
    ]);
  });

  test("every section a document prints in part marks excerpts, and each locale marks as many as English", () => {
    const site = buildSiteModel(ROOT);
    const plan = loadDocumentPlan(join(ROOT, "content"), site.sectionIds);
    const excerpted = new Set(plan.documents.flatMap((d) => d.parts.filter((p) => p.take !== "all").map((p) => p.section)));
    expect(excerpted.size).toBeGreaterThan(0);
    const source = site.sections.get("en")!;
    for (const id of excerpted) {
      const count = excerptBlocks(source.get(id)!.body).length;
      expect(count, id).toBeGreaterThan(0);
      for (const [code, sections] of site.sections) {
        const section = sections.get(id);
        if (section) expect(excerptBlocks(section.body).length, `content/${code}/${id}.md`).toBe(count);
      }
    }
  });

  test("printed parts add no words: every word printed is in the section file", () => {
    const site = buildSiteModel(ROOT);
    for (const page of buildPrintModel(site).pages) {
      for (const part of page.parts) {
        const body = site.sections.get(part.language.lang)!.get(part.id)!.body;
        const source = new Set(searchable(body).split(" "));
        const printed = searchable(part.html.replace(/<[^>]+>/g, " ")).split(" ");
        expect(
          printed.filter((w) => !source.has(w)),
          `${page.url} ${part.id}`,
        ).toEqual([]);
      }
    }
  });
});

describe("content/documents.yml", () => {
  // The reader's mistakes and the variants: tests/print-kit.test.ts.
  test("an excerpt of a section that marks none is an error naming the section file", () => {
    const site = buildSiteModel(ROOT);
    const en = site.sections.get("en")!;
    en.set("demands", { ...en.get("demands")!, body: "No markers here." });
    expect(() => buildPrintModel(site)).not.toThrow();
    expect(() => checkPrintedDocuments(site)).not.toThrow();
    en.set("pledge", { ...en.get("pledge")!, body: "No markers here either." });
    const error = /content\/en\/pledge\.md: content\/documents\.yml \(line \d+\) prints an excerpt of "pledge", but this file marks none/;
    expect(() => buildPrintModel(site)).toThrow(error);
    // What a build without print pages (npm run build:site) checks instead of making them: the same first mistake.
    expect(() => checkPrintedDocuments(site)).toThrow(error);
  });

  test("npm run build:site, which writes no print pages, stops on it too: the file, the line, what to do", () => {
    const copy = copyProject();
    try {
      // The English alone: the translation is checked against the English it was made from, so the publish gate lets it through.
      const file = join(copy.root, "content", "en", "pledge.md");
      writeFileSync(file, readFileSync(file, "utf8").replace(/^::: excerpt\n|^:::\n/gm, ""));
      const build = runScript("build.ts", ["--site-only"], { cwd: copy.root, env: { SITE_DIR: join(copy.root, "_site") } });
      expect(build.status).toBe(1);
      expect(build.stderr).toMatch(/content\/en\/pledge\.md: content\/documents\.yml \(line \d+\) prints an excerpt of "pledge", but this file marks none\n {2}→ wrap the paragraphs/);
    } finally {
      copy.remove();
    }
  });
});

describe("print model", () => {
  test("the leaflet's pledge is the marked excerpt: the statement and both tiers, not the rest", () => {
    const site = buildSiteModel(ROOT);
    const leaflet = buildPrintModel(site).pages.find((p) => p.url === "/en/print/leaflet/")!;
    const pledge = leaflet.parts.find((p) => p.id === "pledge")!;
    expect(pledge.excerpt).toBe(true);
    expect(pledge.html).toContain("we take a pledge not to own, work on, assist with");
    expect(pledge.html).toContain("Tier 1: We refuse to support");
    expect(pledge.html).toContain("Tier 2: We refuse to support");
    expect(pledge.html).not.toContain("Knowing all we do about Microsoft complicity");
    expect(leaflet.qrSvg).toMatch(/^<svg class="qr-code"/);
  });

  test("the model gives each printed link its address and the text printed for it, without the scheme", () => {
    const site = buildSiteModel(ROOT);
    const { siteUrl, signupUrl } = site.campaign;
    const leaflet = buildPrintModel(site).pages.find((p) => p.url === "/ar/print/leaflet/")!;
    expect(leaflet.home).toEqual({ href: `${siteUrl}/ar/`, text: `${siteUrl}/ar/`.replace(/^https:\/\//, "") });
    expect(leaflet.signup).toEqual({ href: signupUrl, text: signupUrl.replace(/^https:\/\//, "") });
    const excerpt = leaflet.parts.find((p) => p.excerpt)!;
    expect(excerpt.full.href).toBe(`${siteUrl}/ar/${excerpt.id}/`);
    expect(excerpt.full.text).not.toMatch(/^https?:/);
  });

  test("a translation missing a section prints the English one, marked as English", () => {
    const project = copyProject();
    try {
      rmSync(join(project.root, "content/ar/pledge.md"));
      project.write("locales/ar/locale.json", JSON.stringify({ name: "العربية", dir: "rtl", numberingSystem: "latn", complete: false }));
      const site = buildSiteModel(project.root);
      const part = buildPrintModel(site)
        .pages.find((p) => p.url === "/ar/print/leaflet/")!
        .parts.find((p) => p.id === "pledge")!;
      expect(part.language).toEqual({ fallback: true, lang: "en", dir: "ltr" });
      expect(part.html).toContain("Tier 1:");
    } finally {
      project.remove();
    }
  });

  test("a translation in progress lacking one of the excerpts prints the English one in its place, marked as English, never nothing", () => {
    const project = copyProject();
    try {
      // The Arabic pledge without its second excerpt (the protection against retaliation and both tiers).
      const file = join(project.root, "content/ar/pledge.md");
      const lines = readFileSync(file, "utf8").split("\n");
      const opens = lines.flatMap((line, i) => (line === "::: excerpt" ? [i] : []));
      expect(opens).toHaveLength(2);
      const close = lines.findIndex((line, i) => i > opens[1]! && line === ":::");
      project.write("content/ar/pledge.md", [...lines.slice(0, opens[1]), ...lines.slice(close + 1)].join("\n"));
      project.write("locales/ar/locale.json", JSON.stringify({ name: "العربية", dir: "rtl", numberingSystem: "latn", complete: false }));
      const site = buildSiteModel(project.root);
      const part = buildPrintModel(site)
        .pages.find((p) => p.url === "/ar/print/leaflet/")!
        .parts.find((p) => p.id === "pledge")!;
      expect(part.language).toEqual({ fallback: false, lang: "ar", dir: "rtl" });
      const [arabic, english] = part.html.split("</div>\n");
      expect(arabic).toMatch(/^<div class="excerpt">\n<p>نحن العاملين في مايكروسوفت/);
      expect(english).toMatch(/^<div class="excerpt" lang="en" dir="ltr">\n/);
      expect(english).toContain("Tier 1: We refuse to support");
      expect(english).toContain("Tier 2: We refuse to support");
    } finally {
      project.remove();
    }
  });

  test("on paper headings move one level down, ids stay unique, collapsed blocks open, site links get the site's address", () => {
    const render = markdownRenderer({ headingOffset: 1, idPrefix: "illegal", openDetails: true, siteUrl: "https://pledge.example.org" });
    const out = render("## A\n") + render("## B\n\n::: details More\nx [y](/en/pledge/) [z](//elsewhere.example/) [w](#part-1)\n:::\n");
    expect(out).toContain('<h3 id="illegal-1">A</h3>');
    expect(out).toContain('<h3 id="illegal-2">B</h3>');
    expect(out).toContain('<div class="details"><p class="details-label">More</p>');
    expect(out).not.toContain("<details");
    expect(out).toContain('href="https://pledge.example.org/en/pledge/"');
    // A protocol-relative address is no link at all (the renderer refuses //host), so it is never given the site's address.
    expect(out).not.toContain('href="//elsewhere.example/"');
    expect(out).not.toContain("pledge.example.org//");
    expect(out).toContain('href="#part-1"');
    // The site's own pages keep their headings, ids, collapsed blocks and relative links.
    expect(renderMarkdown("## B\n\n::: details More\n[y](/en/pledge/)\n:::\n")).toBe(
      '<h2 id="part-1">B</h2>\n<details class="collapsed"><summary>More</summary>\n<div class="details-body">\n<p><a href="/en/pledge/">y</a></p>\n</div></details>\n',
    );
  });

  test("one parse of a body renders for its page and for paper, in any order, as a parse of each would", () => {
    const body = "## A\n\nText [y](/en/pledge/).\n\n::: details More\n### B\n:::\n";
    const parsed = parseMarkdown(body);
    const paper = { headingOffset: 1, idPrefix: "pledge", openDetails: true, siteUrl: "https://pledge.example.org" };
    const page = renderMarkdown(body);
    const printed = markdownRenderer(paper)(body);
    expect(printed).toContain('<h4 id="pledge-2">B</h4>');
    expect(renderMarkdown(parsed)).toBe(page);
    expect(markdownRenderer(paper)(parsed)).toBe(printed);
    expect(renderMarkdown(parsed)).toBe(page);
    // Two parts of one document from the same parse: ids go on counting.
    const twice = markdownRenderer(paper);
    expect(twice(parsed) + twice(parsed)).toBe(printed + printed.replace('"pledge-1"', '"pledge-3"').replace('"pledge-2"', '"pledge-4"'));
  });
});
