// One print page to PDF in a slot of the session: Paged.js through pagedjs-cli's Printer, one
// per slot (a Printer is not safe to use concurrently, and it keeps the pages it has seen).
// Guards the traps of that API: outlineTags is always passed, printer.pages is reset per
// document, a print page that asked for files from elsewhere fails the document, and the Printer's
// one unawaited call on a page (its headers) never surfaces as an unhandled rejection.
import { performance } from "node:perf_hooks";
import type { Browser, Page } from "puppeteer";
import type Printer from "pagedjs-cli";
import { RenderError, type RenderSession, type Slot } from "./session.ts";

const OUTLINE_TAGS = ["h1", "h2", "h3"];

/**
 * pagedjs-cli sets a new page's extra headers without awaiting the call: on a page closed under it
 * (a deadline or a crash stops the browser) the call's rejection would be unhandled. The render
 * fails with the closed page all the same, so the call's own failure is let go.
 */
function withHandledHeaders(page: Page): Page {
  const set = page.setExtraHTTPHeaders.bind(page);
  page.setExtraHTTPHeaders = (headers) => {
    const done = set(headers);
    done.catch(() => {});
    return done;
  };
  return page;
}

interface RenderedPdf {
  pdf: Uint8Array;
  /** Every URL the page asked for while rendering. */
  requests: string[];
  layout: PagedLayout;
  /** Time in a slot, from opening the page to the PDF (waiting for a free slot not counted). */
  ms: number;
}

/** What Paged.js laid out: checked against what the print page holds, so nothing goes missing unnoticed. */
export interface PagedLayout {
  pages: number;
  /** data-part values found on the laid-out pages. */
  parts: string[];
  /** Whether the marker at the very end of the document reached a page (pagedjs#25, #308). */
  reachedEnd: boolean;
  /** Pages (1-based) whose content is taller or wider than the page area: it would be cut off. */
  overflowing: number[];
  /** Each QR code laid out: its page, printed width, the least its layout asks for (data-qr-min-mm), and whether it lies wholly on the page. */
  qrCodes: { page: number; widthMm: number; minMm: number; inside: boolean }[];
  /** Boxes a layout marks data-fit (a poster's headline) whose text runs out of them. */
  overflowingText: { page: number; what: string }[];
}

export interface PdfPrinter {
  /** Renders one print page; up to the session's slots run at once, the rest wait their turn. */
  render(url: string, label: string): Promise<RenderedPdf>;
}

export async function pdfPrinter(session: RenderSession): Promise<PdfPrinter> {
  const { default: PrinterClass } = await import("pagedjs-cli");
  const printers = new Map<number, Printer>();
  // Each slot's Printer opens its pages in the shared browser, through that slot's guard.
  const printerOf = (slot: Slot) => {
    let printer = printers.get(slot.index);
    if (!printer) {
      printer = new PrinterClass({ timeout: session.timeoutMs, closeAfter: false });
      printer.browser = { newPage: async () => withHandledHeaders(await slot.newPage()) } as unknown as Browser;
      printers.set(slot.index, printer);
    }
    return printer;
  };
  const refusal = (label: string, slot: Slot) => {
    const blocked = slot.requests.filter((r) => !session.allowed(r));
    if (blocked.length === 0) return undefined;
    return new RenderError(
      `${label}: the print page asked for files from elsewhere:\n${blocked.map((b) => `    ${b}`).join("\n")}\n  → print pages must load nothing from the network: use relative URLs to files under templates/assets/print/`,
    );
  };

  return {
    render: (url, label) =>
      session.run({
        label,
        refusal: (slot) => refusal(label, slot),
        failed: (detail) => `${label}: Chromium or Paged.js failed: ${detail}\n  → run again with --debug; open ${url} in a browser to see the print page`,
        async run(slot) {
          const started = performance.now();
          const printer = printerOf(slot);
          // Printer keeps every page it has seen; without a reset a later PDF gets an earlier one's boxes.
          printer.pages = [];
          const pdf = await printer.pdf(url, { outlineTags: OUTLINE_TAGS });
          const offSite = refusal(label, slot);
          if (offSite) throw offSite;
          const layout = (await slot.page!.evaluate(LAYOUT_PROBE)) as PagedLayout;
          return { pdf, requests: [...slot.requests], layout, ms: performance.now() - started };
        },
      }),
  };
}

/**
 * Runs in the page after Paged.js: what reached the pages. A string, not a function, so the
 * TypeScript loader's helpers never end up in code that runs in the browser.
 */
const LAYOUT_PROBE = `(() => {
  const pages = [...document.querySelectorAll(".pagedjs_pages > .pagedjs_page")];
  const areaOf = (element) => element.closest(".pagedjs_page").querySelector(".pagedjs_page_content");
  const overflowing = pages.flatMap((page, i) => {
    const area = page.querySelector(".pagedjs_page_content");
    return area && (area.scrollHeight > area.clientHeight + 2 || area.scrollWidth > area.clientWidth + 2) ? [i + 1] : [];
  });
  const visible = (element) => {
    const box = areaOf(element).getBoundingClientRect();
    const rect = element.getBoundingClientRect();
    // Inside the page area: not pushed below it, nor into a column beside it (the RTL bug).
    return rect.top >= box.top - 1 && rect.top <= box.bottom + 1 && rect.right > box.left + 1 && rect.left < box.right - 1;
  };
  const end = document.querySelector(".pagedjs_pages [data-document-end]");
  const pageOf = (element) => pages.indexOf(element.closest(".pagedjs_page")) + 1;
  const MM = 96 / 25.4;
  const qrCodes = [...document.querySelectorAll(".pagedjs_pages svg.qr-code")].map((svg) => {
    const rect = svg.getBoundingClientRect();
    const page = svg.closest(".pagedjs_page").querySelector(".pagedjs_pagebox") || svg.closest(".pagedjs_page");
    const box = page.getBoundingClientRect();
    const min = Number(svg.closest("[data-qr-min-mm]")?.getAttribute("data-qr-min-mm") ?? 15);
    const inside = rect.width > 0 && rect.top >= box.top - 1 && rect.bottom <= box.bottom + 1 && rect.left >= box.left - 1 && rect.right <= box.right + 1;
    return { page: pageOf(svg), widthMm: Math.min(rect.width, rect.height) / MM, minMm: min, inside };
  });
  const overflowingText = [...document.querySelectorAll(".pagedjs_pages [data-fit]")]
    .filter((e) => e.scrollHeight > e.clientHeight + 2 || e.scrollWidth > e.clientWidth + 2)
    .map((e) => ({ page: pageOf(e), what: e.getAttribute("data-fit") }));
  return {
    qrCodes,
    overflowingText,
    pages: pages.length,
    parts: [...new Set([...document.querySelectorAll(".pagedjs_pages [data-part]")].filter(visible).map((e) => e.getAttribute("data-part")))],
    reachedEnd: end !== null && visible(end),
    overflowing,
  };
})()`;
