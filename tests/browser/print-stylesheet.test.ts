// Ctrl+P on any page prints clean: the text only (no header, switcher, navigation or call to
// action), the collapsed testimonies printed open, and a real PDF of it keeps the Arabic text.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { usePageOnSite } from "../helpers/browser.ts";

const session = usePageOnSite();
const work = mkdtempSync(join(tmpdir(), "pledge-print-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const hidden = (selector: string) => session.page.$$eval(selector, (nodes) => nodes.length > 0 && nodes.every((n) => getComputedStyle(n).display === "none"));

test.each(["/en/immoral/", "/ar/immoral/", "/ar/"])("%s in print: the text only", async (path) => {
  await session.page.goto(session.web.url(path));
  await session.page.emulateMedia({ media: "print" });
  for (const selector of [".site-header", ".site-footer", ".skip-link"]) expect(await hidden(selector), selector).toBe(true);
  if (path.endsWith("immoral/")) {
    expect(await hidden(".prev-next")).toBe(true);
    // Closed on screen, yet its testimonies print: summary hidden, body shown.
    expect(await hidden("details.collapsed > summary")).toBe(true);
    const bodyShown = await session.page.$eval("details.collapsed .details-body", (n) => getComputedStyle(n).display !== "none");
    expect(bodyShown).toBe(true);
  } else {
    expect(await hidden(".call-to-action")).toBe(true);
  }
  await session.page.emulateMedia({ media: "screen" });
});

test("printing an Arabic page gives a PDF whose text is Arabic and complete", async () => {
  await session.page.goto(session.web.url("/ar/pledge/"));
  await session.page.emulateMedia({ media: "print" });
  const pdf = await session.page.pdf({ format: "A4" });
  const file = join(work, "pledge.pdf");
  writeFileSync(file, pdf);
  const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  expect(text).toMatch(/[\u0600-\u06FF]{4,}/);
  expect(text).not.toContain("انتقل إلى المحتوى"); // the skip link
  expect(text).not.toContain("English"); // the language switcher
});
