// The site model's pieces that are pure functions of one text: a section body's HTML and meta
// description, a page's QR code. Kept in .cache/site/ under a key of that text and the
// code that computes it (the site's, the project's and the shared modules, markdown-it, qrcode),
// so a warm build renders and scans only the sections that changed.
import { join, resolve } from "node:path";
import { sectionTokens } from "../project/blockTokens.ts";
import type { Section } from "../project/readProject.ts";
import { cacheBypassed, codeIdentity, JsonCache, JsonPack } from "../shared/contentCache.ts";
import { renderMarkdown } from "../shared/markdown.ts";
import { qrCodeSvg, type QrOptions } from "../shared/qrCode.ts";

/** The packages whose code shapes a piece besides the modules of site/, project/ and shared/. */
const PACKAGES = ["markdown-it", "markdown-it-container", "qrcode", "yaml"];
const CODE_ROOT = resolve(import.meta.dirname, "..", "..");
let identity: string | undefined;

/** The site model's code, hashed once per process. */
function siteIdentity(): string {
  identity ??= codeIdentity({ root: CODE_ROOT, folders: ["site", "project", "shared"].map((f) => join(CODE_ROOT, "scripts", f)), packages: PACKAGES });
  return identity;
}

/**
 * Each piece from the cache where its text is unchanged, or worked out. The descriptions, small
 * and every page's, are one pack (kept by save()); the HTML and QR codes, large and wanted by a
 * warm build only for the pages it renders (site/sectionPages.ts works them out on first read), a
 * file each, written when worked out: a warm build parses none it does not use.
 */
export class SiteParts {
  private readonly descriptions: JsonPack<string> | undefined;
  private readonly outputs: JsonCache<string> | undefined;

  constructor(root: string, enabled: boolean) {
    const on = enabled && !cacheBypassed();
    this.descriptions = on ? new JsonPack(join(root, ".cache", "site", "descriptions.json"), siteIdentity()) : undefined;
    this.outputs = on ? new JsonCache(join(root, ".cache", "site", "parts"), siteIdentity()) : undefined;
  }

  /**
   * A section body as HTML: its one reading (`structure`) through the one renderer, site options.
   * Keyed by the file's hash, which the reader has without reading an unchanged file (the body is
   * a slice of that text): a warm build neither reads nor hashes the bodies it does not render.
   */
  html(section: Section): string {
    return cached(this.outputs, ["html", section.hash], () => renderMarkdown(sectionTokens(section)));
  }

  /** `compute` reads the section's blocks; what it returns depends on the file's text alone. */
  description(section: Section, compute: () => string): string {
    return cached(this.descriptions, ["description", section.hash], compute);
  }

  qrSvg(text: string, label: string, options: QrOptions): string {
    return cached(this.outputs, ["qr", text, label, JSON.stringify(options)], () => qrCodeSvg(text, label, options));
  }

  /** Writes the descriptions this build added (or used on a new day); drops pieces unused for two weeks, at most once a day. */
  save(): void {
    this.descriptions?.save();
    this.outputs?.prune();
  }
}

function cached(store: JsonPack<string> | JsonCache<string> | undefined, parts: string[], compute: () => string): string {
  if (!store) return compute();
  const key = store.key(parts);
  const known = store.get(key);
  if (typeof known === "string") return known;
  const value = compute();
  store.put(key, value);
  return value;
}
