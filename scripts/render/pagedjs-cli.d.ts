// The parts of pagedjs-cli 0.4.3's programmatic API this project uses (it ships no types).
declare module "pagedjs-cli" {
  import type { EventEmitter } from "node:events";
  import type { Browser, Page } from "puppeteer";

  export interface PrinterOptions {
    headless?: boolean;
    allowLocal?: boolean;
    allowRemote?: boolean;
    browserArgs?: string[];
    timeout?: number;
    closeAfter?: boolean;
    emulateMedia?: string;
    enableWarnings?: boolean;
  }

  export interface PagedPage {
    id: string;
    boxes: { media: { width: number; height: number; x: number; y: number }; crop: { width: number; height: number; x: number; y: number } };
  }

  export default class Printer extends EventEmitter {
    constructor(options?: PrinterOptions);
    browser: Browser | undefined;
    pages: PagedPage[];
    setup(): Promise<Browser>;
    render(input: string | { url?: string; html?: string }): Promise<Page>;
    pdf(input: string | { url?: string; html?: string }, options: { outlineTags: string[] }): Promise<Uint8Array>;
    close(): Promise<void>;
  }


}
