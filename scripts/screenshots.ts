// npm run screenshots [-- /en/ /ar/dual-use/]: full-page PNGs of every built page (or the
// ones named) at 360 and 1280 px wide, into screenshots/ (git-ignored), for reviewers.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { findChromium, HEADLESS_ARGS } from "./shared/chromium.ts";
import { builtPages } from "./build/builtPages.ts";
import { ensureBuiltSite } from "./build/ensureBuilt.ts";
import { serveFolder } from "./shared/staticServer.ts";

const WIDTHS = [360, 1280];
const siteDir = process.env.SITE_DIR ?? "_site";
const outDir = process.env.SCREENSHOTS_DIR ?? "screenshots";
const wanted = process.argv.slice(2);
ensureBuiltSite(siteDir);
const pages = wanted.length > 0 ? wanted : builtPages(siteDir);

mkdirSync(outDir, { recursive: true });
const server = await serveFolder(siteDir);
const browser = await chromium.launch({ executablePath: findChromium(), args: HEADLESS_ARGS });
try {
  for (const width of WIDTHS) {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    for (const path of pages) {
      await page.goto(server.url + path);
      const name = `${path.replace(/^\/|\/$/g, "").replace(/[/.]/g, "_") || "root"}-${width}.png`;
      await page.screenshot({ path: join(outDir, name), fullPage: true });
      console.log(join(outDir, name));
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
