// The PDF printer's adapter to pagedjs-cli, without Chromium: a page closed under the Printer (a
// deadline or a crash stops the browser) fails the document and nothing else.
import type { Page } from "puppeteer";
import { expect, test } from "vitest";
import { pdfPrinter } from "../../scripts/render/pdfPrinter.ts";
import type { RenderSession, Slot } from "../../scripts/render/session.ts";

test("a page closed under pagedjs-cli's unawaited header call fails the document, never as an unhandled rejection", async () => {
  const unhandled: unknown[] = [];
  const listener = (reason: unknown) => unhandled.push(reason);
  process.on("unhandledRejection", listener);
  try {
    const closed = () => Promise.reject(new Error("Protocol error: Session closed"));
    const page = { setDefaultTimeout: () => {}, setExtraHTTPHeaders: closed, emulateMediaType: closed } as unknown as Page;
    const slot = { index: 0, requests: [], newPage: () => Promise.resolve(page), page } as unknown as Slot;
    const session = { timeoutMs: 1000, allowed: () => true, run: (work: { run: (slot: Slot) => Promise<unknown> }) => work.run(slot) } as unknown as RenderSession;
    const printer = await pdfPrinter(session);
    await expect(printer.render("http://127.0.0.1:1/en/print/leaflet/", "en/leaflet.pdf")).rejects.toThrow("Session closed");
    // An unhandled rejection is reported once the microtasks have run.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(unhandled).toEqual([]);
  } finally {
    process.off("unhandledRejection", listener);
  }
});
