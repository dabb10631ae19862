// The section pages of earlier builds, by what each is rendered from: the page's view of the site
// model, the share card it announces, what every section page shows alike (the campaign, the
// locales, every locale's UI strings) and the code (templates, the site, build and shared
// modules, Eleventy, Nunjucks). A page whose key is known is placed from .cache/pages/ instead of
// rendered; Eleventy renders the rest. Key → the page's hash in a JsonPack, the pages themselves
// in ContentFiles, so a damaged or replaced page is rendered again.
import { rmSync } from "node:fs";
import { join, resolve } from "node:path";
import type { SectionPage, SiteModel } from "../site/index.ts";
import type { Project } from "../project/readProject.ts";
import { cacheBypassed, codeIdentity, ContentFiles, JsonPack, sha256 } from "../shared/contentCache.ts";

/** The packages whose code shapes a page besides the project's own modules and templates. */
const PACKAGES = ["@11ty/eleventy", "nunjucks", "i18next", "markdown-it", "markdown-it-container", "qrcode", "yaml"];
const CODE_ROOT = resolve(import.meta.dirname, "..", "..");
let codeHash: string | undefined;

/** The code that renders a page: the modules and packages hashed once per process, the templates (the project's own: a copy may change them) on each build. */
function pageIdentity(root: string): string {
  const folders = ["build", "build/eleventy", "site", "print", "project", "shared"].map((f) => join(CODE_ROOT, "scripts", f));
  codeHash ??= codeIdentity({ root: CODE_ROOT, folders, packages: PACKAGES });
  return `${codeHash} ${codeIdentity({ root, folders: [], packages: [], trees: [join(root, "templates")] })}`;
}

/** Where Eleventy writes a page the cache keeps (a section or share card page): its permalink is the page's URL. */
export function cachedPageFile(outputDir: string, page: { url: string }): string {
  return join(outputDir, page.url, "index.html");
}

/** What every section page shows alike, hashed once: every page's key holds it, and the UI strings of every locale are most of it. */
function sharedInputs(project: Project, site: SiteModel): string {
  return sha256(JSON.stringify([site.campaign, site.sourceLocale, site.locales, project.locales.map((l) => [l.code, l.strings?.tree ?? {}])]));
}

/**
 * What each section page is rendered from, besides the code: the same inputs give the same page.
 * A page's JSON holds its fields, not its HTML and QR code (getters, worked out on first read): the
 * section file's hash (`htmlFrom`), the address and the locale stand for them, so a known page's
 * body is never rendered or looked up.
 */
function pageInputs(project: Project, site: SiteModel, cards: Readonly<Record<string, unknown>>): [SectionPage, string[]][] {
  const shared = sharedInputs(project, site);
  return site.sectionPages.map((page) => [page, [shared, JSON.stringify(page), JSON.stringify(cards[page.url] ?? null)]]);
}

/**
 * Whether two values would be the same JSON, compared in place (no text made, no hash): an unchanged
 * section's page holds the very strings of the last build, so most of it compares by reference.
 * A value that makes its own JSON (toJSON) counts as changed: at worst a page is rendered again.
 */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => sameJson(item, b[i]));
  }
  // As JSON.stringify sees an object: its own enumerable fields (a section page's class adds only
  // its HTML getter, which `htmlFrom` stands for).
  if (typeof (a as { toJSON?: unknown }).toJSON === "function" || typeof (b as { toJSON?: unknown }).toJSON === "function") return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/**
 * The dev server's pages (npm start): it writes into its own output folder (.cache/live/site/)
 * build after build, so a section or share card page whose inputs did not change since this
 * server's last build is there already. The first build renders every page (the folder may hold
 * an earlier server's), and every page to render is removed first: a page placed from
 * .cache/pages/ is a hard link, never to be written through.
 */
export class LivePages {
  /** Page URL → what it was rendered from (the code, what all pages share, its own data), as of the last build that finished. */
  private written = new Map<string, unknown[]>();
  private pending = new Map<string, unknown[]>();
  private identity = "";
  private outputDir = "";

  /** The section pages this build renders into `outputDir`, their old files removed. Call first in a build. */
  sectionPages(project: Project, site: SiteModel, cards: Readonly<Record<string, unknown>>, outputDir: string): SectionPage[] {
    this.identity = pageIdentity(project.root);
    this.outputDir = outputDir;
    this.pending = new Map();
    const shared = sharedInputs(project, site);
    // The page's data itself, kept until the next build: compared in place (sameJson), never serialised.
    return this.changed(site.sectionPages.map((page) => [page, [shared, page, cards[page.url] ?? null]]));
  }

  /** The share cards whose page this build renders: a card page is made of its card alone (its font CSS follows from the card). */
  cardPages<Card extends { url: string }>(cards: readonly Card[]): Card[] {
    return this.changed(cards.map((card) => [card, [card]]));
  }

  /** The build finished: its pages are in the output folder. A build that failed leaves them to the next. */
  finished(): void {
    this.written = this.pending;
  }

  private changed<Page extends { url: string }>(pages: readonly [Page, unknown[]][]): Page[] {
    const render: Page[] = [];
    for (const [page, data] of pages) {
      const inputs = [this.identity, ...data];
      this.pending.set(page.url, inputs);
      if (sameJson(this.written.get(page.url), inputs)) continue;
      rmSync(cachedPageFile(this.outputDir, page), { force: true });
      render.push(page);
    }
    return render;
  }
}

export interface PagePlan {
  /** The pages Eleventy renders. */
  render: SectionPage[];
  /** Places the known pages in the output folder: those found damaged are returned, to be rendered too. */
  placeKnown(): SectionPage[];
  /** Keeps the pages Eleventy rendered (their output, by URL), and writes the index. */
  keep(rendered: ReadonlyMap<string, string>): void;
}

export class PageCache {
  private readonly pack: JsonPack<string>;
  private readonly files: ContentFiles;

  private constructor(root: string) {
    const dir = join(root, ".cache", "pages");
    this.pack = new JsonPack(join(dir, "index.json"), pageIdentity(root));
    this.files = new ContentFiles(dir, "html");
  }

  /** The cache of the project at `root`; none when PLEDGE_NO_CACHE is set. */
  static open(root: string): PageCache | undefined {
    return cacheBypassed() ? undefined : new PageCache(root);
  }

  /**
   * Which section pages are known. `cards`: the share card each page announces (the base layout
   * reads it by URL). The templates of a section page read from the site global nothing else
   * than what `shared` holds (tests/site/warm-build.test.ts holds them to it).
   */
  plan(project: Project, site: SiteModel, cards: Readonly<Record<string, unknown>>, outputDir: string): PagePlan {
    const render: SectionPage[] = [];
    const known: [SectionPage, string][] = [];
    const keys = new Map<SectionPage, string>();
    for (const [page, inputs] of pageInputs(project, site, cards)) {
      const key = this.pack.key(inputs);
      keys.set(page, key);
      const hash = this.pack.get(key);
      if (typeof hash === "string") known.push([page, hash]);
      else render.push(page);
    }
    return {
      render,
      placeKnown: () => known.filter(([page, hash]) => !this.files.place(hash, cachedPageFile(outputDir, page))).map(([page]) => page),
      keep: (rendered) => {
        for (const [page, key] of keys) {
          const content = rendered.get(page.url);
          if (content === undefined) continue;
          const hash = sha256(content);
          this.files.keep(cachedPageFile(outputDir, page), hash);
          this.pack.put(key, hash);
        }
        this.pack.save();
        this.files.prune();
      },
    };
  }
}
