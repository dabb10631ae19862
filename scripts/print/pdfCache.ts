// Content-hash cache of finished PDFs (.cache/pdf/): a document whose print page, print CSS,
// fonts, variant settings and renderer are unchanged is copied, not rendered again.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { basename, join, relative, sep } from "node:path";
import type { PrintVariant } from "./variants.ts";

/** Files whose code shapes the PDFs beyond the print page itself. */
const RENDERER_SOURCES = ["pdfRenderer.ts", "pdfBoxes.ts"];
const KEEP_UNUSED_DAYS = 14;

export interface CacheInputs {
  /** The print page's HTML. */
  html: Uint8Array;
  /** The site's print assets folder (CSS), every file of it. */
  assetsDir: string;
  /** The print font files the page declares (in node_modules, not in the site). */
  fonts: readonly string[];
  variant: PrintVariant;
  /** Identifies the browser that renders (path, size and date of the executable). */
  browser: string;
}

export function rendererIdentity(root: string): string {
  const versions = ["pagedjs-cli", "pagedjs", "pdf-lib"].map((name) => {
    const file = join(root, "node_modules", name, "package.json");
    return `${name}@${existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version : "?"}`;
  });
  const sources = RENDERER_SOURCES.map((f) => readFileSync(join(import.meta.dirname, f), "utf8"));
  return createHash("sha256").update(versions.join("\n")).update(sources.join("\n")).digest("hex");
}

export function browserIdentity(executable: string): string {
  const stat = statSync(executable);
  return `${executable}:${stat.size}:${stat.mtimeMs}`;
}

export function cacheKey(inputs: CacheInputs, renderer: string): string {
  const hash = createHash("sha256");
  hash.update(`renderer ${renderer}\nbrowser ${inputs.browser}\nvariant ${JSON.stringify(inputs.variant)}\n`);
  hash.update(inputs.html);
  for (const file of listFiles(inputs.assetsDir)) {
    hash.update(`\nfile ${relative(inputs.assetsDir, file).split(sep).join("/")}\n`);
    hash.update(readFileSync(file));
  }
  for (const file of inputs.fonts) {
    hash.update(`\nfont ${basename(file)}\n`);
    hash.update(readFileSync(file));
  }
  return hash.digest("hex").slice(0, 32);
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

export interface CachedPdf {
  bytes: Uint8Array;
  pages: number;
}

export class PdfCache {
  constructor(readonly dir: string) {}

  get(key: string): CachedPdf | undefined {
    const pdf = join(this.dir, `${key}.pdf`);
    const meta = join(this.dir, `${key}.json`);
    if (!existsSync(pdf) || !existsSync(meta)) return undefined;
    try {
      const { pages } = JSON.parse(readFileSync(meta, "utf8")) as { pages: number };
      const now = new Date();
      utimesSync(pdf, now, now);
      return { bytes: readFileSync(pdf), pages };
    } catch {
      return undefined;
    }
  }

  put(key: string, entry: CachedPdf): void {
    mkdirSync(this.dir, { recursive: true });
    writeAtomically(join(this.dir, `${key}.pdf`), entry.bytes);
    writeAtomically(join(this.dir, `${key}.json`), JSON.stringify({ pages: entry.pages }));
  }

  /** Drops entries no build has used for two weeks. */
  prune(now = Date.now()): void {
    if (!existsSync(this.dir)) return;
    for (const name of readdirSync(this.dir)) {
      if (!name.endsWith(".pdf")) continue;
      const file = join(this.dir, name);
      if (now - statSync(file).mtimeMs > KEEP_UNUSED_DAYS * 86_400_000) {
        rmSync(file, { force: true });
        rmSync(file.replace(/\.pdf$/, ".json"), { force: true });
      }
    }
  }
}

/** Written under a temporary name and renamed when complete: never a half-written file. */
export function writeAtomically(file: string, data: Uint8Array | string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
