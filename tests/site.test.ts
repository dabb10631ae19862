// The built site: every section in every locale, lang/dir, switcher, hreflang, fallbacks (on a copy that
// lacks an Arabic section), no off-site loads.
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { attributeValues, mainOf, visibleText } from "./helpers/html.ts";
import { copyProject, type ProjectCopy } from "./helpers/project.ts";
import { buildRealSite, type BuiltSite } from "./helpers/site.ts";

let site: BuiltSite;
beforeAll(async () => {
  site = await buildRealSite();
});
afterAll(() => site?.remove());

const pageUrls = () => [...site.model.homes.map((h) => h.url), ...site.model.sectionPages.map((p) => p.url)];

describe("pages", () => {
  test("every section has a page in every locale, plus home pages, the root chooser, 404 and sitemap", () => {
    const { locales, sectionIds } = site.model;
    expect(locales.map((l) => l.code)).toEqual(expect.arrayContaining(["en", "ar"]));
    for (const locale of locales) {
      expect(existsSync(join(site.dir, locale.code, "index.html"))).toBe(true);
      for (const id of sectionIds) expect(existsSync(join(site.dir, locale.code, id, "index.html")), `${locale.code}/${id}`).toBe(true);
    }
    for (const file of ["index.html", "404.html", "sitemap.xml", "_headers", "robots.txt", "assets/site.css"]) {
      expect(existsSync(join(site.dir, file)), file).toBe(true);
    }
  });

  test("each page carries its locale's lang and dir", () => {
    for (const url of pageUrls()) {
      const code = url.split("/")[1]!;
      const locale = site.model.locales.find((l) => l.code === code)!;
      expect(site.read(url), url).toContain(`<html lang="${code}" dir="${locale.dir}">`);
    }
    expect(site.read("/ar/")).toContain('<html lang="ar" dir="rtl">');
  });

  test("a section page shows its title, its text and previous/next links", () => {
    const html = site.read("/en/illegal/");
    expect(html).toContain('<h1 id="title">Supporting genocide is illegal.</h1>');
    expect(html).toContain('rel="prev" href="/en/dual-use/"');
    expect(html).toContain('rel="next" href="/en/precedents/"');
    const first = site.read(`/en/${site.model.sectionIds[0]}/`);
    expect(first).not.toContain('rel="prev"');
  });

  test("the home page has the pledge with both tiers, a call to action, the contents and a downloads area", () => {
    for (const home of site.model.homes) {
      const main = mainOf(site.read(home.url));
      expect(main).toContain(`href="${site.model.campaign.signupUrl}"`);
      expect(main).toContain('id="contents"');
      expect(main).toContain('id="downloads"');
      for (const id of site.model.sectionIds) expect(main).toContain(`href="/${home.locale.code}/${id}/"`);
    }
    const en = visibleText(mainOf(site.read("/en/")));
    expect(en).toContain("Tier 1: We refuse to support Israeli government");
    expect(en).toContain("Tier 2: We refuse to support Israeli government");
  });

  test("the root page lets a reader pick a language with plain links, no script", () => {
    const html = site.read("/index.html");
    for (const locale of site.model.locales) {
      expect(html).toContain(`href="/${locale.code}/"`);
      expect(html).toContain(locale.name);
    }
    expect(html).not.toMatch(/<script/i);
  });
});

describe("languages", () => {
  test("the switcher and hreflang alternates point at pages that exist", () => {
    for (const url of pageUrls()) {
      const html = site.read(url);
      const switcher = /<nav class="language-switcher"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? "";
      const targets = attributeValues(switcher, "a", "href");
      expect(targets.length, url).toBe(site.model.locales.length);
      for (const href of targets) expect(existsSync(join(site.dir, href, "index.html")), `${url} → ${href}`).toBe(true);
      const alternates = [...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/g)];
      expect(
        alternates.some((m) => m[1] === "x-default"),
        url,
      ).toBe(true);
      for (const [, , href] of alternates) {
        const path = new URL(href!).pathname;
        expect(existsSync(join(site.dir, path, "index.html")), `${url} hreflang → ${path}`).toBe(true);
      }
      expect(html).toMatch(/<link rel="canonical" href="https?:\/\/[^"]+">/);
      expect(html).toContain(`<meta property="og:locale" content="${site.model.locales.find((l) => l.code === url.split("/")[1])!.ogLocale}">`);
    }
  });

  test("the magazine +972 inside Arabic text is isolated left to right, on the page and on the fact sheet's print page", () => {
    const isolated = '<span dir="ltr">+972</span>';
    const page = mainOf(site.read("/ar/dual-use/"));
    // The quotation's attribution and the sentence that names it.
    expect(page).toContain(`مجلة ${isolated}</figcaption>`);
    expect(page).toContain(`كشفت مجلة ${isolated} وموقع`);
    expect(page).not.toMatch(/(?<!<span dir="ltr">)\+972/);
    const print = site.read("/ar/print/fact-sheet/");
    expect(print).toContain(`كشفت مجلة ${isolated} وموقع`);
    expect(print).not.toMatch(/(?<!<span dir="ltr">)\+972/);
  });

  test("x-default is one address for the home pages and the root language chooser: the chooser, as in the sitemap", () => {
    const root = `${site.model.campaign.siteUrl}/`;
    const xDefault = (html: string) => /<link rel="alternate" hreflang="x-default" href="([^"]+)">/.exec(html)?.[1];
    for (const url of ["/index.html", ...site.model.homes.map((h) => h.url)]) expect(xDefault(site.read(url)), url).toBe(root);
    // The chooser is in the sitemap, with the home pages as its alternates; every entry's x-default is its page's.
    const entries = new Map(
      [...site.read("/sitemap.xml").matchAll(/<url>([\s\S]*?)<\/url>/g)].map(([, entry]) => [
        /<loc>([^<]+)<\/loc>/.exec(entry!)![1]!,
        { xDefault: /hreflang="x-default" href="([^"]+)"/.exec(entry!)?.[1], alternates: [...entry!.matchAll(/hreflang="([a-z-]+)" href="([^"]+)"/gi)].map((m) => `${m[1]} ${m[2]}`) },
      ]),
    );
    expect(entries.get(root), "the root page in the sitemap").toEqual({
      xDefault: root,
      alternates: [...site.model.homes.map((h) => `${h.locale.code} ${site.model.campaign.siteUrl}${h.url}`), `x-default ${root}`],
    });
    for (const url of [...pageUrls(), "/index.html"]) {
      const loc = `${site.model.campaign.siteUrl}${url.replace(/index\.html$/, "")}`;
      expect(entries.get(loc)?.xDefault, loc).toBe(xDefault(site.read(url)));
    }
  });

  test("with every section translated, no page shows the fallback notice", () => {
    for (const page of site.model.sectionPages) expect(site.read(page.url), page.url).not.toContain('class="fallback-notice"');
  });
});

describe("a missing translation", () => {
  let copy: ProjectCopy;
  let partial: BuiltSite;
  beforeAll(async () => {
    copy = copyProject();
    rmSync(join(copy.root, "content/ar/dual-use.md"));
    partial = await buildRealSite(copy.root);
  });
  afterAll(() => {
    partial?.remove();
    copy?.remove();
  });

  test("the fallback notice appears exactly where a translation is missing, with the English text, and hreflang never claims it", () => {
    const page = partial.read("/ar/dual-use/");
    const main = mainOf(page);
    expect(visibleText(main)).toContain("لم يُترجَم هذا القسم إلى العربية بعد، لذا يُعرَض أدناه بالإنجليزية.");
    expect(main).toContain('<div class="section-body" lang="en" dir="ltr">');
    const body = visibleText(main.slice(main.indexOf('<div class="section-body"')));
    expect(body).toMatch(/^The United Nations Human Rights Council \(UNHCR\) fifty-ninth session report/);
    expect(body).toContain("Microsoft has been integrating its systems and civilian tech across the Israeli military");
    // The Arabic page is no translation: no locale's page claims it as one.
    for (const url of ["/ar/dual-use/", "/en/dual-use/"]) expect(partial.read(url), url).not.toContain('hreflang="ar" href');
    expect(partial.read("/en/pledge/")).toContain('hreflang="ar" href="https://');
    // Every other page, in both locales, is in its own language and has no notice.
    const others = partial.model.sectionPages.filter((p) => p.url !== "/ar/dual-use/");
    expect(others).toHaveLength(partial.model.sectionPages.length - 1);
    for (const other of others) {
      const html = partial.read(other.url);
      expect(html, other.url).not.toContain('class="fallback-notice"');
      expect(html, other.url).toContain('<div class="section-body">');
    }
  });
});

describe("privacy and safety", () => {
  test("nothing on any page is loaded from off-site, and no page has a script", () => {
    for (const url of [...pageUrls(), "/index.html", "/404.html"]) {
      const html = site.read(url);
      const loaded = [
        ...attributeValues(html, "script", "src"),
        ...attributeValues(html, "img", "src"),
        ...attributeValues(html, "iframe", "src"),
        ...[...html.matchAll(/<link\b[^>]*>/g)]
          .map((m) => m[0])
          .filter((tag) => !/rel="(canonical|alternate)"/.test(tag))
          .map((tag) => /href="([^"]*)"/.exec(tag)?.[1] ?? ""),
      ];
      for (const src of loaded) expect(src, `${url} loads ${src}`).toMatch(/^\/(?!\/)/);
      expect(html, url).not.toMatch(/<script|<iframe|\son[a-z]+=/i);
    }
    const css = site.read("/assets/site.css");
    expect(css).not.toMatch(/url\(|@import/);
  });

  test("_headers sets a strict CSP without inline script, and no-referrer", () => {
    const headers = site.read("/_headers");
    expect(headers).toMatch(/Content-Security-Policy: default-src 'none';/);
    expect(headers).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(headers).toContain("Referrer-Policy: no-referrer");
  });

  test("the stylesheet uses logical properties only, so direction alone mirrors the layout", () => {
    const css = site.read("/assets/site.css");
    expect(css).not.toMatch(/(?:margin|padding|border)-(?:left|right)\b|(?<![-\w])(?:left|right)\s*:|float\s*:|text-align\s*:\s*(?:left|right)/);
  });

  test("the sitemap lists every page with its alternates", () => {
    const sitemap = site.read("/sitemap.xml");
    for (const url of pageUrls()) expect(sitemap).toContain(`<loc>${site.model.campaign.siteUrl}${url}</loc>`);
    expect(sitemap).toContain('hreflang="x-default"');
  });
});
