// Builds the real site once per test file into a temp folder and reads its pages.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildAll } from "../../scripts/build/buildAll.ts";
import { buildSite } from "../../scripts/build/buildSite.ts";
import { buildSiteModel, type SiteModel } from "../../scripts/site/model.ts";

export const ROOT = join(import.meta.dirname, "..", "..");

export interface BuiltSite {
  dir: string;
  model: SiteModel;
  read(urlPath: string): string;
  remove(): void;
}

/**
 * The real site with its print pages (what the PDF build renders; the dev server shows them too),
 * or `published`: as npm run build:site publishes it (npm run build adds the PDFs and share cards).
 */
export async function buildRealSite(root = ROOT, { published = false } = {}): Promise<BuiltSite> {
  const dir = mkdtempSync(join(tmpdir(), "pledge-site-"));
  const previous = process.cwd();
  process.chdir(root);
  try {
    if (published) await buildAll(root, dir, { siteOnly: true });
    else await buildSite(root, dir);
    const model = buildSiteModel(root);
    return {
      dir,
      model,
      read: (urlPath) => readFileSync(join(dir, urlPath.endsWith("/") ? `${urlPath}index.html` : urlPath), "utf8"),
      remove: () => rmSync(dir, { recursive: true, force: true }),
    };
  } finally {
    process.chdir(previous);
  }
}
