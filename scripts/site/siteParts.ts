// The site model's pieces that are pure functions of one text: a section body's HTML and meta
// description, a page's QR code. Kept in .cache/site/parts.json under a key of that text and the
// code that computes it (the site's, the project's and the shared modules, markdown-it, qrcode),
// so a warm build renders and scans only the sections that changed.
import { join, resolve } from "node:path";
import { sectionTokens } from "../project/blockTokens.ts";
import type { Section } from "../project/readProject.ts";
import { cacheBypassed, codeIdentity, JsonPack } from "../shared/contentCache.ts";
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

/** Each piece from the cache where its text is unchanged, or worked out (and kept by save()). */
export class SiteParts {
  private readonly pack: JsonPack<string> | undefined;

  constructor(root: string, enabled: boolean) {
    this.pack = enabled && !cacheBypassed() ? new JsonPack(join(root, ".cache", "site", "parts.json"), siteIdentity()) : undefined;
  }

  /**
   * A section body as HTML: its one reading (`structure`) through the one renderer, site options.
   * Keyed by the file's hash, which the reader has without reading an unchanged file (the body is
   * a slice of that text): a warm build neither reads nor hashes the bodies it does not render.
   */
  html(section: Section): string {
    return this.cached(["html", section.hash], () => renderMarkdown(sectionTokens(section)));
  }

  /** `compute` reads the section's blocks; what it returns depends on the file's text alone. */
  description(section: Section, compute: () => string): string {
    return this.cached(["description", section.hash], compute);
  }

  qrSvg(text: string, label: string, options: QrOptions): string {
    return this.cached(["qr", text, label, JSON.stringify(options)], () => qrCodeSvg(text, label, options));
  }

  /** Writes what this build added (or used on a new day). */
  save(): void {
    this.pack?.save();
  }

  private cached(parts: string[], compute: () => string): string {
    if (!this.pack) return compute();
    const key = this.pack.key(parts);
    const known = this.pack.get(key);
    if (typeof known === "string") return known;
    const value = compute();
    this.pack.put(key, value);
    return value;
  }
}
