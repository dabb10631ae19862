// How PDF rendering fails: a hang is cut off by the timeout with nothing left behind (no PDF,
// no temporary file, no Chromium); a print page reaching off-site is refused; a missing
// browser says how to install one; and without the right-to-left rules in the print CSS,
// Paged.js drops most of an Arabic document, which the build catches.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { BrowserNotFoundError, findChromium } from "../scripts/shared/chromium.ts";
import { actionableError } from "../scripts/cli.ts";
import { buildPdfs, checkLayout, pdfJobs, type PdfJob, type RenderSession } from "../scripts/render/index.ts";
import type { PagedLayout } from "../scripts/render/pdfPrinter.ts";
import { buildRealSite, ROOT, type BuiltSite } from "./helpers/site.ts";

let site: BuiltSite;
beforeAll(async () => {
  site = await buildRealSite();
});
afterAll(() => site?.remove());

const only = (label: string) => (job: PdfJob) => job.label === label;
const leftovers = (dir: string) => readdirSync(dir).filter((f) => f.endsWith(".pdf") || f.endsWith(".tmp"));

/** True while any process still has this Chromium profile folder on its command line. */
function chromiumUsing(profileDir: string): boolean {
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(profileDir)) return true;
    } catch {
      // The process ended while we looked.
    }
  }
  return false;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("a render that fails", () => {
  test("hanging past the timeout: a clear message, no PDF, no temporary file, no Chromium left", async () => {
    let renderer: RenderSession | undefined;
    const attempt = buildPdfs({ root: ROOT, siteDir: site.dir, cacheDir: false, timeoutMs: 150, filter: only("en/fact-sheet.pdf"), log: () => {}, onRenderer: (r) => (renderer = r) });
    await expect(attempt).rejects.toThrow(/en\/fact-sheet\.pdf: rendering took longer than 0\.15 s/);
    expect(leftovers(join(site.dir, "en"))).toEqual([]);
    expect(renderer?.pid).toBeGreaterThan(0);
    expect(alive(renderer!.pid!)).toBe(false);
    expect(chromiumUsing(renderer!.profileDir)).toBe(false);
    expect(existsSync(renderer!.profileDir)).toBe(false);
  });

  test("Chromium dying mid-render: a clear message, nothing written, nothing left running", async () => {
    let renderer: RenderSession | undefined;
    const attempt = buildPdfs({
      root: ROOT,
      siteDir: site.dir,
      cacheDir: false,
      filter: only("ar/leaflet.pdf"),
      log: () => {},
      onRenderer: (r) => {
        renderer = r;
        process.kill(r.pid!, "SIGKILL");
      },
    });
    await expect(attempt).rejects.toThrow(/ar\/leaflet\.pdf: Chromium quit while rendering this document/);
    expect(leftovers(join(site.dir, "ar"))).toEqual([]);
    expect(chromiumUsing(renderer!.profileDir)).toBe(false);
  });

  test("a print page that asks for an off-site file is refused, named, and writes nothing", async () => {
    const page = join(site.dir, "ar", "print", "leaflet", "index.html");
    const original = readFileSync(page, "utf8");
    writeFileSync(page, original.replace("</head>", '<link rel="stylesheet" href="https://fonts.example.com/tracker.css">\n</head>'));
    let renderer: RenderSession | undefined;
    try {
      const attempt = buildPdfs({ root: ROOT, siteDir: site.dir, cacheDir: false, filter: only("ar/leaflet.pdf"), log: () => {}, onRenderer: (r) => (renderer = r) });
      await expect(attempt).rejects.toThrow(/ar\/leaflet\.pdf: the print page asked for files from elsewhere:\n\s+https:\/\/fonts\.example\.com\/tracker\.css/);
    } finally {
      writeFileSync(page, original);
    }
    expect(leftovers(join(site.dir, "ar"))).toEqual([]);
    expect(chromiumUsing(renderer!.profileDir)).toBe(false);
  });

  test("several documents at once: the one that fails names the failure, the others stop, no Chromium left", async () => {
    const page = join(site.dir, "ar", "print", "leaflet", "index.html");
    const original = readFileSync(page, "utf8");
    writeFileSync(page, original.replace("</head>", '<link rel="stylesheet" href="https://fonts.example.com/tracker.css">\n</head>'));
    let renderer: RenderSession | undefined;
    const several = new Set(["en/leaflet.pdf", "ar/leaflet.pdf", "en/fact-sheet.pdf", "ar/fact-sheet.pdf"]);
    try {
      const attempt = buildPdfs({ root: ROOT, siteDir: site.dir, cacheDir: false, slots: 3, filter: (job) => several.has(job.label), log: () => {}, onRenderer: (r) => (renderer = r) });
      await expect(attempt).rejects.toThrow(/^ar\/leaflet\.pdf: the print page asked for files from elsewhere/);
    } finally {
      writeFileSync(page, original);
    }
    expect(renderer!.slots).toBe(3);
    expect(alive(renderer!.pid!)).toBe(false);
    expect(chromiumUsing(renderer!.profileDir)).toBe(false);
    expect(existsSync(join(site.dir, "ar", "leaflet.pdf"))).toBe(false);
  });

  test("no browser installed: BrowserNotFoundError with the install command, shown as is by the CLI", async () => {
    const noBrowser = () => findChromium({}, () => false);
    const attempt = buildPdfs({ root: ROOT, siteDir: site.dir, cacheDir: false, filter: only("en/leaflet.pdf"), log: () => {}, findBrowser: noBrowser });
    const error = await attempt.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BrowserNotFoundError);
    expect((error as Error).message).toContain("sudo apt-get update && sudo apt-get install -y chromium");
    expect(actionableError(error)).toBe(error);
    expect(leftovers(join(site.dir, "en"))).toEqual([]);
  });

  test("print pages not built: says which command builds them", async () => {
    await expect(buildPdfs({ root: ROOT, siteDir: join(site.dir, "nowhere"), cacheDir: false, log: () => {} })).rejects.toThrow(/print page \/en\/print\/leaflet\/ is missing[\s\S]*npm run build/);
  });
});

describe("right to left", () => {
  test("without the right-to-left rules Paged.js stops the Arabic fact sheet after page 1, and the build says so", async () => {
    const css = join(site.dir, "assets", "print", "print.css");
    const original = readFileSync(css, "utf8");
    const withoutFix = original.replace(/html\[dir="rtl"\][^{]*\{[^}]*\}/g, "");
    expect(withoutFix).not.toContain('html[dir="rtl"]');
    writeFileSync(css, withoutFix);
    try {
      const attempt = buildPdfs({ root: ROOT, siteDir: site.dir, cacheDir: false, filter: only("ar/fact-sheet.pdf"), log: () => {} });
      await expect(attempt).rejects.toThrow(/ar\/fact-sheet\.pdf: Paged\.js stopped after page 1; never laid out: [\s\S]*pagedjs#25/);
    } finally {
      writeFileSync(css, original);
    }
    expect(leftovers(join(site.dir, "ar"))).toEqual([]);
    // With the rules, the same document renders whole.
    const [result] = (await buildPdfs({ root: ROOT, siteDir: site.dir, cacheDir: false, filter: only("ar/fact-sheet.pdf"), log: () => {} })).results;
    expect(result!.pages).toBeGreaterThan(1);
  });
});

describe("layout checks", () => {
  const job = () => pdfJobs(ROOT, site.dir).find(only("en/leaflet.pdf"))!;
  const html = '<section data-part="pledge"></section><section data-part="demands"></section>';
  const layout = {
    pages: 2,
    parts: ["pledge", "demands"],
    reachedEnd: true,
    overflowing: [] as number[],
    qrCodes: [] as PagedLayout["qrCodes"],
    overflowingText: [] as PagedLayout["overflowingText"],
  };

  test("a leaflet must be exactly two pages", () => {
    expect(() => checkLayout(job(), layout, html)).not.toThrow();
    expect(() => checkLayout(job(), { ...layout, pages: 3 }, html)).toThrow(
      /en\/leaflet\.pdf: the leaflet in en on A5 \(148 × 210 mm\) came out 3 pages, 1 too many; a leaflet has exactly 2 .*\n.*content\/documents\.yml/,
    );
    expect(() => checkLayout(job(), { ...layout, pages: 1 }, html)).toThrow(/came out 1 pages, 1 too few/);
  });

  test("a QR code narrower than its layout asks for, or off its page, fails; so does text that runs out of its box", () => {
    const qr = { page: 2, widthMm: 27, minMm: 15, inside: true };
    expect(() => checkLayout(job(), { ...layout, qrCodes: [qr] }, html)).not.toThrow();
    expect(() => checkLayout(job(), { ...layout, qrCodes: [{ ...qr, widthMm: 12 }] }, html)).toThrow(
      /QR code on page 2 is 12\.0 mm wide, under the 15 mm its layout asks for[\s\S]*templates\/print\/leaflet\.njk/,
    );
    expect(() => checkLayout(job(), { ...layout, qrCodes: [{ ...qr, inside: false }] }, html)).toThrow(/QR code on page 2 is not wholly on its page/);
    expect(() => checkLayout(job(), { ...layout, overflowingText: [{ page: 1, what: "the poster's text" }] }, html)).toThrow(
      /on page 1, text runs out of its box \(the poster's text\) in the leaflet on A5/,
    );
  });

  test("content pushed off a page is reported with its page", () => {
    expect(() => checkLayout(job(), { ...layout, overflowing: [2] }, html)).toThrow(/page 2 is cut off/);
  });

  test("a part that never reached a page is named", () => {
    expect(() => checkLayout(job(), { ...layout, parts: ["pledge"], reachedEnd: false }, html)).toThrow(/never laid out: demands/);
  });
});
