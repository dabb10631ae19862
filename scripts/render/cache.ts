// The content-hash cache of what Chromium renders (.cache/pdf/, .cache/cards/): an output whose
// page, the files it loads, its fonts, its settings, the browser and the renderer are unchanged
// is copied, not rendered again. Stored by the project's one cache (an entry vouches for its
// output's bytes, so a damaged one is rendered again); entries unused for two weeks are dropped.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative, sep } from "node:path";
import { findChromium } from "../shared/chromium.ts";
import { packageVersion } from "../shared/contentCache.ts";

/** The libraries whose versions shape what is rendered, besides this folder's code. */
const RENDERER_PACKAGES = ["pagedjs-cli", "pagedjs", "pdf-lib", "puppeteer"];

/** The renderer's code (every module of this folder) and its libraries' versions: a change to either renders everything again. */
function rendererIdentity(root: string): string {
  const versions = RENDERER_PACKAGES.map((name) => `${name}@${packageVersion(root, name)}`);
  const sources = readdirSync(import.meta.dirname)
    .filter((name) => name.endsWith(".ts"))
    .toSorted()
    .map((name) => readFileSync(join(import.meta.dirname, name), "utf8"));
  return createHash("sha256").update(versions.join("\n")).update(sources.join("\n")).digest("hex");
}

/** Identifies the browser that renders (path, size and date of the executable); "none" when there is none. */
function browserIdentity(findBrowser: () => string = findChromium): string {
  try {
    const executable = findBrowser();
    const stat = statSync(executable);
    return `${executable}:${stat.size}:${stat.mtimeMs}`;
  } catch {
    // No browser: nothing is cached under "none", so rendering reports the missing browser.
    return "none";
  }
}

/** The cache keys of one build: its renderer and browser looked up once, each file hashed once for every task. */
export function buildContentKeys(root: string, findBrowser?: () => string): ContentKeys {
  return new ContentKeys(rendererIdentity(root), browserIdentity(findBrowser));
}

/** What one output is rendered from. */
interface RenderInputs {
  /** The task's settings for this output ("variant {…}"). */
  settings: string;
  /** The page's HTML. */
  html: Uint8Array;
  /** Folders of the site the page loads (its CSS), every file of them. */
  folders: readonly string[];
  /** Font files the page declares (in node_modules, not in the site). */
  fonts: readonly string[];
}

/** Cache keys of one build: each file is read and hashed once, however many pages load it. */
export class ContentKeys {
  private readonly hashes = new Map<string, string>();
  private readonly listings = new Map<string, string[]>();

  constructor(
    private readonly renderer: string,
    private readonly browser: string,
  ) {}

  key(inputs: RenderInputs): string {
    const hash = createHash("sha256");
    hash.update(`renderer ${this.renderer}\nbrowser ${this.browser}\n${inputs.settings}\n`);
    hash.update(inputs.html);
    for (const folder of inputs.folders) {
      for (const file of this.filesIn(folder)) hash.update(`\nfile ${relative(folder, file).split(sep).join("/")}\n${this.hashOf(file)}`);
    }
    for (const file of inputs.fonts) hash.update(`\nfont ${basename(file)}\n${this.hashOf(file)}`);
    return hash.digest("hex").slice(0, 32);
  }

  private hashOf(file: string): string {
    let known = this.hashes.get(file);
    if (known === undefined) {
      known = createHash("sha256").update(readFileSync(file)).digest("hex");
      this.hashes.set(file, known);
    }
    return known;
  }

  private filesIn(dir: string): string[] {
    let known = this.listings.get(dir);
    if (known === undefined) {
      known = existsSync(dir)
        ? readdirSync(dir, { recursive: true, withFileTypes: true })
            .filter((e) => e.isFile())
            .map((e) => join(e.parentPath, e.name))
            .toSorted()
        : [];
      this.listings.set(dir, known);
    }
    return known;
  }
}

/** One folder of rendered outputs by key: `<key>.<extension>`, and `<key>.json` vouching for it (its hash, its facts). */
export { OutputCache as RenderCache } from "../shared/contentCache.ts";
