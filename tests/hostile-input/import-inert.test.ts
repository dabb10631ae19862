// Hostile translations that were already harmless before the import boundary, held here through
// the real commands on a copy of the project: template code in a translation imports but reaches
// every built page as text; HTML is refused at import and by the build, and written by hand it
// still reaches a page only as text; unsafe link addresses and XML entities are refused, and what
// import accepts in a complete locale the site build accepts and shows.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { po } from "gettext-parser";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { exportLocale } from "../../scripts/translators/exchange/entries.ts";
import { writePo } from "../../scripts/translators/exchange/po.ts";
import { runScript } from "../helpers/cli.ts";
import { copyProject, type ProjectCopy } from "../helpers/project.ts";
import { buildRealSite, ROOT, type BuiltSite } from "../helpers/site.ts";
import { treeFingerprint } from "../helpers/tree.ts";

const BUILD_TIMEOUT = 300_000;
let exported: string;
const copies: ProjectCopy[] = [];
/** One copy for the refusals, which must write nothing. */
let refusing: ProjectCopy;
let refusingBefore: string[];

const fingerprint = (root: string) => [...treeFingerprint(join(root, "content")), ...treeFingerprint(join(root, "locales"))].map(([f, h]) => `${f} ${h}`).toSorted();
const build = (root: string) => runScript("build.ts", ["--site-only"], { cwd: root, env: { SITE_DIR: "_site" }, timeoutMs: BUILD_TIMEOUT });

beforeAll(() => {
  exported = writePo(exportLocale(ROOT, "ar"));
  refusing = freshCopy();
  refusingBefore = fingerprint(refusing.root);
});
afterAll(() => {
  for (const copy of copies) copy.remove();
});

function freshCopy(): ProjectCopy {
  const copy = copyProject();
  copies.push(copy);
  return copy;
}

/** The exported PO with some translations replaced. */
function poWith(translations: Record<string, string>): string {
  const parsed = po.parse(exported);
  for (const [context, text] of Object.entries(translations)) Object.values(parsed.translations[context]!)[0]!.msgstr = [text];
  return po.compile(parsed, { foldLength: 0 }).toString("utf8");
}
const translationOf = (context: string) => Object.values(po.parse(exported).translations[context]!)[0]!.msgstr[0]!;

function runImport(root: string, name: string, content: string) {
  writeFileSync(join(root, name), content);
  return runScript("locale-import.ts", [name], { cwd: root });
}

/** Every built page, path and text. */
function pages(site: string): [string, string][] {
  const found: [string, string][] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".html")) found.push([path, readFileSync(path, "utf8")]);
    }
  };
  walk(site);
  return found;
}

/** Elements, event attributes and addresses a translation might turn into running code (the site's own data: icon is a <link>). */
function executableIn(site: string): string[] {
  const found: string[] = [];
  for (const [path, html] of pages(site)) {
    for (const m of html.matchAll(
      /<script\b[^>]*>[^<]*alert|<iframe\b|<[a-z]+\b[^>]*\son[a-z]+\s*=|<(?:a|area|img|script|form)\b[^>]*\s(?:href|src|action)\s*=\s*"?\s*(?:javascript|data|vbscript):/gi,
    ))
      found.push(`${path}: ${m[0]}`);
  }
  return found;
}

describe("HTML, template code and unsafe links in a translation never run on a built page", () => {
  let site: BuiltSite;
  let pledge: string;
  let home: string;
  let imported: ReturnType<typeof runImport>;
  let gated: ReturnType<typeof build>;

  beforeAll(async () => {
    const copy = freshCopy();
    imported = runImport(
      copy.root,
      "template.po",
      poWith({
        "pledge/title": "التعهّد {% raw %}",
        // oxlint-disable-next-line no-template-curly-in-string -- hostile input: a template literal's code, which must stay text
        "pledge/block-4": "نص {% raw %} ${process.env.HOME} {%- endraw %} نص",
        // oxlint-disable-next-line no-template-curly-in-string -- hostile input: a template literal's code, which must stay text
        "ui/home.cta": "وقّع ${process.env.HOME}",
      }),
    );
    // What import and the check refuse (HTML, {{ }} code) a hand edit can still write: the renderer keeps it text all the same.
    const file = join(copy.root, "content/ar/pledge.md");
    let text = readFileSync(file, "utf8");
    for (const [context, replacement] of [
      ["pledge/block-1", "نص <script>alert(1)</script> نص"],
      ["pledge/block-2", "نص <img src=x onerror=alert(1)> <iframe src=x></iframe> نص"],
      ["pledge/block-5", "يدوي {{ 7*7 }} {{ site }} يدوي"],
    ] as const) {
      expect(text).toContain(translationOf(context));
      text = text.replace(translationOf(context), replacement);
    }
    writeFileSync(file, text.replace(/^title: .*$/m, 'title: "التعهّد <script>alert(1)</script> {% raw %}"'));
    const strings = join(copy.root, "locales/ar/ui.json");
    // oxlint-disable-next-line no-template-curly-in-string -- hostile input: a template literal's code, which must stay text
    writeFileSync(strings, readFileSync(strings, "utf8").replace('"cta": "وقّع ${process.env.HOME}"', '"cta": "<img src=x onerror=alert(1)> ${process.env.HOME}"'));
    gated = build(copy.root);
    site = await buildRealSite(copy.root);
    pledge = site.read("/ar/pledge/");
    home = site.read("/ar/");
  }, BUILD_TIMEOUT);
  afterAll(() => site?.remove());

  test("template code in a title, a paragraph and a UI string is imported as words", () => {
    expect(imported.status, imported.stderr + imported.stdout).toBe(0);
    expect(imported.stdout).toContain("✓ content/ar/pledge.md");
    expect(imported.stdout).toContain("✓ locales/ar/ui.json");
  });

  test("HTML in a title, paragraphs and a UI string is refused at import, at each entry; the build refuses it written by hand", () => {
    const result = runImport(
      refusing.root,
      "markup.po",
      poWith({
        "pledge/title": "التعهّد <script>alert(1)</script>",
        "pledge/block-1": `${translationOf("pledge/block-1")} <script>alert(1)</script>`,
        "ui/home.cta": "<img src=x onerror=alert(1)> وقّع",
      }),
    );
    expect(result.status, result.stdout).toBe(1);
    expect(result.stderr).toMatch(/markup\.po:\d+: error: entry pledge\/title: the title holds the HTML tags <script> and <\/script>/);
    expect(result.stderr).toMatch(/markup\.po:\d+: error: entry pledge\/block-1: this text holds the HTML tags <script> and <\/script>/);
    expect(result.stderr).toContain('"home.cta" holds the HTML tag <img src=x onerror=alert(1)>');
    expect(result.stderr).toContain("Nothing was changed");
    expect(fingerprint(refusing.root)).toEqual(refusingBefore);
    expect(gated.status).toBe(1);
    expect(gated.stderr).toContain("holds the HTML tags <script> and </script>");
  });

  test("no script, onerror, iframe or unsafe href reaches any built page", () => {
    expect(executableIn(site.dir)).toEqual([]);
  });

  test("the pages show the markup escaped, as it was written", () => {
    expect(pledge).toContain('<h1 id="title">التعهّد &lt;script&gt;alert(1)&lt;/script&gt; {% raw %}</h1>');
    expect(pledge).toContain("<p>نص &lt;script&gt;alert(1)&lt;/script&gt; نص</p>");
    expect(pledge).toContain("<p>نص &lt;img src=x onerror=alert(1)&gt; &lt;iframe src=x&gt;&lt;/iframe&gt; نص</p>");
    expect(pledge).toContain("<title>التعهّد &lt;script&gt;alert(1)&lt;/script&gt; {% raw %} · ");
    expect(home).toMatch(/<a class="button" href="[^"]+">&lt;img src=x onerror=alert\(1\)&gt; \$\{process\.env\.HOME\}<\/a>/);
  });

  test("template code stays literal: never 49, the site's data or the environment", () => {
    // oxlint-disable-next-line no-template-curly-in-string -- hostile input: a template literal's code, which must stay text
    expect(pledge).toContain("<p>نص {% raw %} ${process.env.HOME} {%- endraw %} نص</p>");
    const handWritten = pledge.match(/<p>يدوي .*? يدوي<\/p>/)?.[0];
    expect(handWritten).toBe("<p>يدوي {{ 7*7 }} {{ site }} يدوي</p>");
    expect(pledge).not.toMatch(/يدوي 49|\[object Object\]/);
    if (process.env.HOME && process.env.HOME.length > 4) for (const [, html] of pages(site.dir)) expect(html).not.toContain(process.env.HOME);
  });

  test.each([
    ["{{ 7*7 }}", "نص {{ 7*7 }} نص", /the translation has \{\{ 7\*7 \}\} which the English does not have/],
    ["{{ site }}", "نص {{ site }} نص", /the translation has \{\{ site \}\} which the English does not have/],
  ])("%s in a translation is refused at import, naming the entry", (_, translation, said) => {
    const result = runImport(refusing.root, "template.po", poWith({ "pledge/block-1": translation }));
    expect(result.status, result.stdout).toBe(1);
    expect(result.stderr).toMatch(/template\.po:\d+: error: entry pledge\/block-1: /);
    expect(result.stderr).toMatch(said);
    expect(result.stderr).toContain("Nothing was changed");
    expect(fingerprint(refusing.root)).toEqual(refusingBefore);
  });
});

describe("a javascript:, data: or vbscript: link written into a section file by hand", () => {
  test(
    "is an added-address error for each, so the build refuses the locale and no page shows it",
    () => {
      const copy = freshCopy();
      const file = join(copy.root, "content/ar/pledge.md");
      const paragraph = translationOf("pledge/block-5");
      writeFileSync(file, readFileSync(file, "utf8").replace(paragraph, "يدوي [و](javascript:alert(1)) <javascript:alert(2)> [د](data:text/html,x) [ف](vbscript:msgbox) يدوي"));
      const line =
        readFileSync(file, "utf8")
          .split("\n")
          .findIndex((l) => l.startsWith("يدوي")) + 1;
      const checked = runScript("check.ts", ["--root", copy.root, "--no-diff"]);
      expect(checked.status).toBe(1);
      for (const address of ["javascript:alert(1)", "javascript:alert(2)", "data:text/html,x", "vbscript:msgbox"]) {
        expect(checked.stdout).toContain(`content/ar/pledge.md:${line}: error: this text writes out the address ${address}, which the English`);
      }
      const built = build(copy.root);
      expect(built.status).toBe(1);
      expect(built.stderr).toContain(`content/ar/pledge.md:${line}: the translation check found 4 addresses`);
    },
    BUILD_TIMEOUT,
  );
});

describe("a javascript:, data: or vbscript: link in a translation is refused at import", () => {
  // The English content has no link of its own, so only a block without one can be tried.
  test("the English has no link to keep", () => {
    for (const name of readdirSync(join(ROOT, "content/en"))) expect(readFileSync(join(ROOT, "content/en", name), "utf8")).not.toMatch(/\]\(|<https?:/);
  });

  test.each([
    ["javascript:", "[وقّع](javascript:alert(1))", "javascript:alert(1)"],
    ["data:", "[وقّع](data:text/html,<script>alert(1)</script>)", "data:text/html,<script>alert(1)</script>"],
    ["vbscript:", "[وقّع](vbscript:msgbox)", "vbscript:msgbox"],
  ])("a %s address in a paragraph whose English has no link", (_, link, address) => {
    const result = runImport(refusing.root, "link.po", poWith({ "pledge/block-1": `نص ${link} نص` }));
    expect(result.status, result.stdout).toBe(1);
    expect(result.stderr).toMatch(/link\.po:\d+: error: entry pledge\/block-1: /);
    expect(result.stderr).toContain(`the translation has the link address ${address}`);
    expect(result.stderr).toContain("Nothing was changed");
    expect(fingerprint(refusing.root)).toEqual(refusingBefore);
  });
});

describe("XML entities in an XLIFF file are refused, nothing read from disk", () => {
  const DOCTYPES = {
    "an external entity (XXE)": ['<!DOCTYPE xliff [<!ENTITY e SYSTEM "file:///etc/passwd">]>', "&e;"],
    "a billion laughs": [
      `<!DOCTYPE xliff [<!ENTITY a "lollollollollollollollollollol">${"bcdfghij"
        .split("")
        .map((name, i) => `<!ENTITY ${name} "${`&${"abcdfghij"[i]};`.repeat(10)}">`)
        .join("")}]>`,
      "&j;",
    ],
  } as const;

  test.each([
    ["xliff", "XLIFF 1.2", "an external entity (XXE)"],
    ["xliff", "XLIFF 1.2", "a billion laughs"],
    ["xliff2", "XLIFF 2.0", "an external entity (XXE)"],
    ["xliff2", "XLIFF 2.0", "a billion laughs"],
  ] as const)("--format %s (%s) with %s in a <target>", (format, version, kind) => {
    const name = `entity-${format}.xlf`;
    const exportedXliff = runScript("locale-export.ts", ["ar", "--format", format, "--out", name, "--force"], { cwd: refusing.root });
    expect(exportedXliff.status, exportedXliff.stderr).toBe(0);
    const [doctype, reference] = DOCTYPES[kind];
    const xml = readFileSync(join(refusing.root, name), "utf8")
      .replace(/^(<\?xml[^>]*\?>\n)/, `$1${doctype}\n`)
      .replace(/(<(?:trans-)?unit id="pledge\/block-1"[\s\S]*?<target[^>]*>)/, `$1${reference}`);
    expect(xml).toContain(doctype);
    expect(xml).toContain(`>${reference}`);
    writeFileSync(join(refusing.root, name), xml);
    const result = runScript("locale-import.ts", [name], { cwd: refusing.root });
    expect(result.status, result.stdout).toBe(1);
    expect(result.stderr).toContain(`${name}:2: the file declares a document type or entities (<!DOCTYPE …> / <!ENTITY …>)`);
    expect(result.stderr).not.toMatch(new RegExp(`${version}|Line: \\d+ Column`));
    expect(result.stderr).toContain("nothing was changed");
    expect(result.stdout + result.stderr).not.toMatch(/root:|lollollol/);
    expect(fingerprint(refusing.root)).toEqual(refusingBefore);
    for (const [file] of treeFingerprint(join(refusing.root, "content"))) expect(readFileSync(join(refusing.root, "content", file), "utf8")).not.toContain("root:");
  });
});

describe("what import accepts in a complete locale, the site build accepts", () => {
  test(
    "new words around kept emphasis and a kept citation marker: import exits 0, build:site exits 0, the page shows them",
    () => {
      const copy = freshCopy();
      expect(JSON.parse(readFileSync(join(copy.root, "locales/ar/locale.json"), "utf8")).complete).toBe(true);
      const emphasis = translationOf("precedents/block-13");
      const cited = translationOf("illegal/block-46");
      expect(emphasis).toMatch(/^\*\*تفاصيل القضية:\*\* /);
      expect(cited).toContain("ارتباطًا مباشرًا.[24]");
      const result = runImport(
        copy.root,
        "reworded.po",
        poWith({
          "precedents/block-13": emphasis.replace("**تفاصيل القضية:** ", "**تفاصيل القضية:** عبارة مراجَعة للاختبار، "),
          "illegal/block-46": cited.replace("ارتباطًا مباشرًا.[24]", "ارتباطًا مباشرًا وواضحًا.[24]"),
        }),
      );
      expect(result.status, result.stderr + result.stdout).toBe(0);
      expect(result.stdout).toContain("✓ content/ar/precedents.md");
      expect(result.stdout).toContain("✓ content/ar/illegal.md");
      const built = build(copy.root);
      expect(built.status, built.stderr + built.stdout).toBe(0);
      const precedents = readFileSync(join(copy.root, "_site/ar/precedents/index.html"), "utf8");
      expect(precedents).toContain("<strong>تفاصيل القضية:</strong> عبارة مراجَعة للاختبار، ");
      const illegal = readFileSync(join(copy.root, "_site/ar/illegal/index.html"), "utf8");
      expect(illegal).toContain('ارتباطًا مباشرًا وواضحًا.<span class="ref" dir="ltr">[24]</span>');
    },
    BUILD_TIMEOUT,
  );
});
