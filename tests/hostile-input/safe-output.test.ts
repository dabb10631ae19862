// Content is untrusted: nothing in a section file can add script, remote loads or frames.
import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { renderMarkdown } from "../../scripts/shared/markdown.ts";
import { parseSectionFile } from "../../scripts/project/sectionFile.ts";
import { ContentError } from "../../scripts/shared/contentError.ts";
import { mainOf } from "../helpers/html.ts";
import { copyProject, type ProjectCopy } from "../helpers/project.ts";
import { buildRealSite, type BuiltSite } from "../helpers/site.ts";
import { treeFingerprint } from "../helpers/tree.ts";

const HOSTILE_BODY = `
<script>alert(1)</script>

<img src="https://tracker.example/pixel.gif" onerror="alert(1)">

<iframe src="https://evil.example/"></iframe>

<style>@import url(https://evil.example/x.css); body { background: url(https://evil.example/bg.png) }</style>

<a href="https://evil.example" onclick="alert(1)">raw link</a>

[js](javascript:alert(1)) [JS](JAVASCRIPT:alert(1)) [vb](vbscript:msgbox(1)) [data](data:text/html;base64,PHNjcmlwdD4=)
[spaced]( javascript:alert(1)) [encoded](jav&#x61;script:alert(1)) [ref][1]

<javascript:alert(1)> <data:text/html,hi>

![pixel](https://tracker.example/pixel.gif)

::: quote <script>alert(1)</script> <img src=x onerror=alert(1)>
quoted
:::

::: details <iframe src="https://evil.example/"></iframe>
hidden
:::

[1]: javascript:alert(1)
`;

const DANGEROUS_TAG = /^<(?:script|iframe|img|style|object|embed|link|meta|base|form)\b|\son[a-z]+=|\sstyle=|\ssrc=|href="\s*(?:javascript|vbscript|data|file):/i;

/** The tags of an HTML fragment that could run script, load something or frame a page. */
const dangerousTags = (html: string) => [...html.matchAll(/<[a-z][^>]*>/gi)].map((m) => m[0]).filter((tag) => DANGEROUS_TAG.test(tag));

describe("the markdown renderer", () => {
  const html = renderMarkdown(HOSTILE_BODY);

  test("escapes raw HTML and renders no dangerous element, attribute or link", () => {
    expect(dangerousTags(html)).toEqual([]);
    expect(html).not.toMatch(/<a [^>]*>(?:js|JS|vb|data|spaced|encoded|ref)<\/a>/);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  test("keeps the content model's own structure", () => {
    expect(html).toContain('<figure class="quote"><blockquote>');
    expect(html).toContain('<details class="collapsed"><summary>');
    expect(html).toMatch(/<figcaption>&lt;script&gt;/);
  });

  test("still renders ordinary links", () => {
    expect(renderMarkdown("[site](https://example.org/) [part](#part-1)")).toContain('<a href="https://example.org/">site</a>');
  });
});

describe("front matter", () => {
  test.each(["permalink: /../../etc/passwd", "layout: evil.njk", "eleventyComputed:\n  permalink: x", "eleventyExcludeFromCollections: true", "pagination: {}", "tags: [x]"])(
    "%s is refused, naming the file and line",
    (line) => {
      const text = `---\ntitle: Hello\n${line}\n---\nBody\n`;
      expect(() => parseSectionFile(text, "content/fr/pledge.md")).toThrow(ContentError);
      try {
        parseSectionFile(text, "content/fr/pledge.md");
      } catch (error) {
        expect((error as ContentError).message).toMatch(/^content\/fr\/pledge\.md:3: unknown front matter key/);
      }
    },
  );
});

/** What the build writes besides the pages: the root files and the stylesheets of templates/assets/. */
const ROOT_FILES = ["404.html", "_headers", "_redirects", "index.html", "robots.txt", "sitemap.xml", "translation-status/index.html"];
const ASSETS = ["assets/cards/card.css", "assets/favicon.svg", "assets/print/fact-sheet.css", "assets/print/leaflet.css", "assets/print/print.css", "assets/site.css"];

/** A project copy's top-level names and the bytes of its campaign files (the code is linked, never written). */
function projectState(root: string) {
  return { names: readdirSync(root).toSorted(), content: treeFingerprint(join(root, "content")), locales: treeFingerprint(join(root, "locales")) };
}

describe("a built page with hostile content", () => {
  let project: ProjectCopy;
  let site: BuiltSite;
  let before: ReturnType<typeof projectState>;
  beforeAll(async () => {
    project = copyProject();
    project.write("content/ar/pledge.md", `---\ntitle: "<script>alert(1)</script>"\nkicker: "<img src=x onerror=alert(1)>"\nstatus: draft\n---\n${HOSTILE_BODY}`);
    before = projectState(project.root);
    site = await buildRealSite(project.root);
  });
  afterAll(() => {
    site?.remove();
    project?.remove();
  });

  test("carries no script, handler, frame or remote load, in the page or the home page", () => {
    for (const url of ["/ar/pledge/", "/ar/"]) {
      const main = mainOf(site.read(url));
      expect(dangerousTags(main), url).toEqual([]);
      expect(main, url).toContain("&lt;script&gt;");
    }
  });

  test("stays where it belongs: the output holds only the expected pages, and nothing is written outside it", () => {
    const written = readdirSync(site.dir, { recursive: true, withFileTypes: true })
      .filter((entry) => !entry.isDirectory())
      .map((entry) => relative(site.dir, join(entry.parentPath, entry.name)).split(sep).join("/"))
      .toSorted();
    const codes = site.model.locales.map((l) => l.code);
    // A home page and a page per section in each locale, at paths made from the ids of content/sections.yml.
    const pages = codes.flatMap((code) => [`${code}/index.html`, ...site.model.sectionIds.map((id) => `${code}/${id}/index.html`)]);
    expect(pages).toContain("ar/pledge/index.html");
    expect(written).toEqual(expect.arrayContaining(pages));
    const print = (code: string) => written.filter((file) => file.startsWith(`${code}/print/`)).map((file) => file.slice(code.length));
    const others = written.filter((file) => !pages.includes(file) && !codes.some((code) => file.startsWith(`${code}/print/`)));
    expect(others).toEqual([...ROOT_FILES, ...ASSETS].toSorted());
    // The print pages: one folder each, the same in every locale.
    for (const code of codes) {
      expect(print(code).length, code).toBeGreaterThan(0);
      for (const file of print(code)) expect(file, code).toMatch(/^\/print\/[a-z0-9-]+\/index\.html$/);
      expect(print(code), code).toEqual(print("en"));
    }
    // Outside the output: the project copy holds what it held before the build, unchanged.
    expect(projectState(project.root)).toEqual(before);
  });
});
