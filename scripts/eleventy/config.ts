// Eleventy configuration: wires the site model, filters and templates together.
// Content and locale files are read by the site model (scripts/site/model.ts), never
// by Eleventy, so no content file can change how or where a page is built.
import { HtmlBasePlugin } from "@11ty/eleventy";
import { resolve } from "node:path";
import { translationStatusPageInBackground } from "../check/statusPageInBackground.ts";
import type { TranslationStatusPage } from "../check/statusPage.ts";
import { listDownloads } from "../print/downloads.ts";
import { printFontRoutes } from "../print/fonts.ts";
import { buildPrintModel } from "../print/printModel.ts";
import { builtShareCards, shareCardPages } from "../print/shareCardPages.ts";
import { loadCampaign } from "../site/campaign.ts";
import { buildSiteModel, type SiteModel } from "../site/model.ts";
import { sitePathPrefix } from "../site/pathPrefix.ts";
import { CONTENT_SECURITY_POLICY } from "../site/securityPolicy.ts";
import { registerFilters } from "./filters.ts";
import { printFontMiddleware } from "./printFonts.ts";

interface EleventyConfig {
  addWatchTarget(target: string, options?: Record<string, unknown>): void;
  on(event: string, callback: () => void): void;
  addGlobalData(name: string, data: unknown): void;
  addPassthroughCopy(copy: Record<string, string>): void;
  addFilter(name: string, fn: (...args: never[]) => unknown): void;
  addPlugin(plugin: (config: never) => void): void;
  setServerOptions(options: Record<string, unknown>): void;
  setQuietMode(quiet: boolean): void;
  directories?: { output?: string };
}

export default function configure(eleventyConfig: EleventyConfig) {
  const root = process.cwd();
  let model: SiteModel | undefined;
  const current = () => (model ??= buildSiteModel(root));

  // Rebuild on edits to what the model reads; a fresh model per build picks them up.
  eleventyConfig.addWatchTarget("./content/");
  eleventyConfig.addWatchTarget("./locales/");
  eleventyConfig.addWatchTarget("./campaign.yml");
  eleventyConfig.addGlobalData("site", async () => {
    model = buildSiteModel(root);
    // site.print: the print pages (scripts/print/); site.downloads: the PDFs already in the
    // output folder (npm run build renders them, then runs this HTML pass a second time).
    const output = resolve(root, eleventyConfig.directories?.output ?? "_site");
    // site.shareCards: the card pages, and the card images already rendered (npm run build).
    const shareCards = { pages: shareCardPages(model), built: builtShareCards(model, output) };
    return { ...model, print: buildPrintModel(model, root), downloads: await listDownloads(model, output), shareCards, csp: CONTENT_SECURITY_POLICY };
  });

  // The translation status page: the translators' check, read afresh each build; never fails it.
  // It starts before the build in a worker thread, so it runs beside the site model and templates.
  let translationStatus: Promise<TranslationStatusPage> | undefined;
  eleventyConfig.on("eleventy.before", () => {
    translationStatus = translationStatusPageInBackground(root);
    translationStatus.catch(() => {});
  });
  eleventyConfig.addGlobalData("translationStatus", () => translationStatus ?? translationStatusPageInBackground(root));

  registerFilters(eleventyConfig, current);

  // Static files: templates/assets/ ends up in _site/assets/.
  eleventyConfig.addPassthroughCopy({ "templates/assets": "assets" });
  // Print fonts stay in node_modules, out of _site/: the dev server (npm start) serves them to
  // the print pages, as the PDF build's own server does.
  eleventyConfig.setServerOptions({ middleware: [printFontMiddleware(printFontRoutes())] });

  // The dev server answers on this machine only.
  eleventyConfig.setServerOptions({ domDiff: false, showVersion: false, host: "localhost" });
  eleventyConfig.setQuietMode(true);

  // A site published under a path (a GitHub Pages project site, https://owner.github.io/repo):
  // every root-relative URL in the HTML gets that path in front. A broken campaign.yml is
  // reported by the site model, with its line.
  let pathPrefix = "/";
  try {
    pathPrefix = sitePathPrefix(loadCampaign(root).siteUrl);
  } catch {}
  if (pathPrefix !== "/") eleventyConfig.addPlugin(HtmlBasePlugin);

  return {
    pathPrefix,
    dir: { input: "templates", includes: "_includes", layouts: "_includes/layouts" },
    templateFormats: ["njk"],
    htmlTemplateEngine: "njk",
  };
}
