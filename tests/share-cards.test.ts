// Share cards: rendered in the PDFs' browser session from a copy of the project with one very long
// English and one very long Arabic title, read back as PNGs, and announced by every reader page.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { buildPdfs, prepareShareCards, type ShareCardResult } from "../scripts/render/index.ts";
import { CARD_HEIGHT, CARD_MAX_BYTES, CARD_WIDTH, shareCards } from "../scripts/print/shareCardPages.ts";
import { buildAll } from "../scripts/build/buildAll.ts";
import { buildSite } from "../scripts/build/buildSite.ts";
import { ogLocaleOf } from "../scripts/site/ogLocale.ts";
import { attributeValues } from "./helpers/html.ts";
import { copyProject, type ProjectCopy } from "./helpers/project.ts";
import { buildRealSite, type BuiltSite } from "./helpers/site.ts";
import { withNoCacheVariable } from "./helpers/cache.ts";

const LONG_EN = "Why every worker who keeps the cloud running, from tier one support to the engineers on call at night, has the right and the duty to refuse this work";
const LONG_AR = "لماذا يحق لكل عامل يُبقي السحابة تعمل، من الدعم الفني في المستوى الأول إلى المهندسين المناوبين ليلًا، بل ويجب عليه، أن يرفض هذا العمل";

let project: ProjectCopy;
let site: BuiltSite;
let cacheDir: string;
let results: ShareCardResult[];
let again: ShareCardResult[];
let pendingAgain: boolean;
/** Pages after the first HTML pass, before any card existed (what npm run build:site makes). */
const beforeCards = new Map<string, string>();
const logged: string[] = [];

const readerPages = () => [...site.model.homes.map((h) => h.url), ...site.model.sectionPages.map((p) => p.url)];
const metaContent = (html: string, property: string) => [...html.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)">/g)].filter((m) => m[1] === property).map((m) => m[2]!);

beforeAll(async () => {
  project = copyProject();
  const setTitle = (file: string, title: string) => {
    const text = readFileSync(join(project.root, file), "utf8");
    project.write(file, text.replace(/^title: .*$/m, `title: "${title}"`));
  };
  setTitle("content/en/precedents.md", LONG_EN);
  setTitle("content/ar/demands.md", LONG_AR);
  site = await buildRealSite(project.root);
  for (const url of [...readerPages(), "/404.html", "/index.html"]) beforeCards.set(url, site.read(url));
  cacheDir = mkdtempSync(join(tmpdir(), "pledge-card-cache-"));
  const previous = process.cwd();
  process.chdir(project.root);
  try {
    const cards = prepareShareCards({ root: project.root, siteDir: site.dir, cacheDir, log: (line) => logged.push(line) });
    await buildPdfs({ root: project.root, siteDir: site.dir, cacheDir: false, filter: () => false, log: () => {}, alsoRender: [cards] });
    results = cards.results;
    // The second HTML pass of npm run build: the pages now find their cards.
    await buildSite(project.root, site.dir);
    const cachedRun = prepareShareCards({ root: project.root, siteDir: site.dir, cacheDir, log: () => {} });
    pendingAgain = cachedRun.pending;
    again = cachedRun.results;
  } finally {
    process.chdir(previous);
  }
}, 300_000);
afterAll(() => {
  site?.remove();
  project?.remove();
  if (cacheDir) rmSync(cacheDir, { recursive: true, force: true });
});

describe("the images", () => {
  test("one PNG per reader page per locale, 1200×630, at most 300 KB", () => {
    expect(results.length).toBe(readerPages().length);
    for (const url of readerPages()) {
      const file = join(site.dir, url, "card.png");
      expect(existsSync(file), file).toBe(true);
      const bytes = readFileSync(file);
      expect(bytes.length, url).toBeLessThanOrEqual(CARD_MAX_BYTES);
      const png = PNG.sync.read(bytes);
      expect([png.width, png.height], url).toEqual([CARD_WIDTH, CARD_HEIGHT]);
    }
    expect(logged.join("\n")).toContain(`${readerPages().length} share cards, 1200×630`);
  });

  test("long titles shrink to fit, in English and Arabic; short ones stay large", () => {
    const size = (locale: string, title: string) => results.find((r) => r.card.locale === locale && r.card.title === title)!.titlePx;
    const startPx = size("en", site.model.homes[0]!.title);
    expect(startPx).toBeGreaterThanOrEqual(70);
    expect(size("en", LONG_EN)).toBeLessThan(startPx);
    expect(size("ar", LONG_AR)).toBeLessThan(startPx);
    expect(size("en", LONG_EN)).toBeGreaterThanOrEqual(36);
  });

  test("the Arabic card runs right to left: its accent bar is on the right, the English one's on the left", () => {
    const bar = (url: string) => {
      const png = PNG.sync.read(readFileSync(join(site.dir, url, "card.png")));
      const green = (x: number) => png.data[(315 * png.width + x) * 4 + 1]!;
      return { left: green(5), right: green(png.width - 5) };
    };
    const en = bar("/en/");
    const ar = bar("/ar/");
    expect(en.left).toBeGreaterThan(en.right + 60);
    expect(ar.right).toBeGreaterThan(ar.left + 60);
  });

  test("an unchanged card comes from the cache, byte for byte", () => {
    expect(pendingAgain).toBe(false);
    expect(again.length).toBe(results.length);
    expect(again.every((r) => r.cached)).toBe(true);
  });

  test("PLEDGE_NO_CACHE=1 leaves .cache/cards/ unread: every card is rendered again", () => {
    cpSync(cacheDir, join(project.root, ".cache", "cards"), { recursive: true });
    const withCache = (value: string) => withNoCacheVariable(value, () => prepareShareCards({ root: project.root, siteDir: site.dir, log: () => {} }));
    // The same folder is read without the variable: the cards are known there.
    expect(withCache("").pending).toBe(false);
    const bypassed = withCache("1");
    expect(bypassed.pending).toBe(true);
    expect(bypassed.results).toEqual([]);
  });
});

describe("the meta tags", () => {
  test("every reader page announces its card with absolute URLs from siteUrl", () => {
    const siteUrl = site.model.campaign.siteUrl;
    for (const url of readerPages()) {
      const html = site.read(url);
      expect(metaContent(html, "og:image"), url).toEqual([`${siteUrl}${url}card.png`]);
      expect(metaContent(html, "og:image:type"), url).toEqual(["image/png"]);
      expect(metaContent(html, "og:image:width"), url).toEqual(["1200"]);
      expect(metaContent(html, "og:image:height"), url).toEqual(["630"]);
      expect(metaContent(html, "og:image:alt")[0], url).toContain(site.model.campaign.name);
      expect(metaContent(html, "twitter:card"), url).toEqual(["summary_large_image"]);
      expect(metaContent(html, "og:url"), url).toEqual([`${siteUrl}${url}`]);
    }
  });

  test("og:locale in ll_CC form, and each translated alternate", () => {
    for (const url of readerPages()) {
      const html = site.read(url);
      const code = url.split("/")[1]!;
      expect(metaContent(html, "og:locale"), url).toEqual([ogLocaleOf(code)]);
      for (const alternate of metaContent(html, "og:locale:alternate")) expect(alternate, url).toMatch(/^[a-z]{2,3}_[A-Z]{2}$/);
    }
    expect(metaContent(site.read("/ar/"), "og:locale")).toEqual(["ar_AR"]);
    expect(metaContent(site.read("/en/"), "og:locale:alternate")).toEqual(["ar_AR"]);
  });

  test("the status page, the language chooser and 404 carry no card", () => {
    for (const url of ["/404.html", "/index.html", "/translation-status/"]) {
      expect(metaContent(site.read(url), "og:image"), url).toEqual([]);
    }
  });

  test("before the cards exist (npm run build:site), no page claims one", () => {
    for (const [url, html] of beforeCards) expect(metaContent(html, "og:image"), url).toEqual([]);
    expect(attributeValues(beforeCards.get("/en/")!, "meta", "name")).not.toContain("twitter:card");
  });
});

test("og:locale: likely territories, and Facebook's own codes where they differ", () => {
  expect(["en", "ar", "fr", "pt", "pt-BR", "zh-TW", "fa", "es-419", "de"].map(ogLocaleOf)).toEqual(["en_US", "ar_AR", "fr_FR", "pt_BR", "pt_BR", "zh_TW", "fa_IR", "es_LA", "de_DE"]);
});

test("npm run build:site writes no print or share card pages: only a build that renders the PDFs and cards needs them", async () => {
  const output = mkdtempSync(join(tmpdir(), "pledge-site-only-"));
  const previous = process.cwd();
  process.chdir(project.root);
  try {
    await buildAll(project.root, output, { siteOnly: true });
    expect(existsSync(join(output, "en/pledge/index.html"))).toBe(true);
    expect(existsSync(join(output, "en/print"))).toBe(false);
    // The build that renders them (buildRealSite: one HTML pass as npm run build's first) wrote one per reader page.
    expect(readdirSync(join(site.dir, "en/print")).filter((name) => name.startsWith("card")).length).toBe(site.model.sectionPages.filter((p) => p.locale.code === "en").length + 1);
  } finally {
    process.chdir(previous);
    rmSync(output, { recursive: true, force: true });
  }
}, 120_000);

test("every card names the content file its title comes from", () => {
  const cards = shareCards(site.model);
  expect(cards.find((c) => c.title === LONG_AR)?.file).toBe("content/ar/demands.md");
  expect(new Set(cards.map((c) => c.image)).size).toBe(cards.length);
});
