// Rendering in Chromium, for the build and the commands: the PDFs (with the share cards, or any
// other task, in the same browser session) and the share cards, each cached by content.
export { buildPdfs, checkLayout, pdfJobs, type PdfBuild, type PdfJob, type PdfResult } from "./pdfTask.ts";
export { imposeTwoUp } from "./twoUp.ts";
export { prepareShareCards, type ShareCardResult } from "./shareCards.ts";
export { embeddedFonts } from "./embeddedFonts.ts";
export type { RenderSession } from "./session.ts";
export { buildContentKeys } from "./cache.ts";
