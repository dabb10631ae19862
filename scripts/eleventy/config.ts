// Eleventy configuration: wires the site model, filters and templates together.
// Content and locale files are read by the site model (scripts/site/model.ts), never
// by Eleventy, so no content file can change how or where a page is built.
import { buildSiteModel, type SiteModel } from "../site/model.ts";
import { registerFilters } from "./filters.ts";

interface EleventyConfig {
  addWatchTarget(target: string, options?: Record<string, unknown>): void;
  addGlobalData(name: string, data: unknown): void;
  addPassthroughCopy(copy: Record<string, string>): void;
  addFilter(name: string, fn: (...args: never[]) => unknown): void;
  setServerOptions(options: Record<string, unknown>): void;
  setQuietMode(quiet: boolean): void;
}

export default function configure(eleventyConfig: EleventyConfig) {
  const root = process.cwd();
  let model: SiteModel | undefined;
  const current = () => (model ??= buildSiteModel(root));

  // Rebuild on edits to what the model reads; a fresh model per build picks them up.
  eleventyConfig.addWatchTarget("./content/");
  eleventyConfig.addWatchTarget("./locales/");
  eleventyConfig.addWatchTarget("./campaign.yml");
  eleventyConfig.addGlobalData("site", () => {
    model = buildSiteModel(root);
    return model;
  });

  registerFilters(eleventyConfig, current);

  // Static files: templates/assets/ ends up in _site/assets/.
  eleventyConfig.addPassthroughCopy({ "templates/assets": "assets" });

  // The dev server answers on this machine only.
  eleventyConfig.setServerOptions({ domDiff: false, showVersion: false, host: "localhost" });
  eleventyConfig.setQuietMode(true);

  return {
    dir: { input: "templates", includes: "_includes", layouts: "_includes/layouts" },
    templateFormats: ["njk"],
    htmlTemplateEngine: "njk",
  };
}
