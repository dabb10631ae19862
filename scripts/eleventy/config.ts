// Eleventy configuration: wires the site model, filters and templates together.
// Content and locale files are read by the project reader (scripts/project/), never by
// Eleventy, so no content file can change how or where a page is built.
import { resolve } from "node:path";
import { listDownloads } from "../print/downloads.ts";
import { printFontCopies } from "../print/fonts.ts";
import { handedOverBuildInput, readBuildInput, type BuildInput } from "./buildInput.ts";
import { registerFilters } from "./filters.ts";

interface EleventyConfig {
  addWatchTarget(target: string, options?: Record<string, unknown>): void;
  on(event: string, callback: () => void): void;
  addGlobalData(name: string, data: unknown): void;
  addPassthroughCopy(copy: Record<string, string>): void;
  addFilter(name: string, fn: (...args: never[]) => unknown): void;
  setServerOptions(options: Record<string, unknown>): void;
  setQuietMode(quiet: boolean): void;
  directories?: { output?: string };
}

export default function configure(eleventyConfig: EleventyConfig) {
  const root = process.cwd();
  // One project per build: npm run build hands over what it read; otherwise it is read on the
  // build's first use (the dev server: once per rebuild, so edits are picked up).
  let input: BuildInput | undefined;
  const current = () => (input ??= handedOverBuildInput() ?? readBuildInput(root));
  eleventyConfig.on("eleventy.before", () => {
    input = undefined;
  });

  // Rebuild on edits to what the project reader reads.
  eleventyConfig.addWatchTarget("./content/");
  eleventyConfig.addWatchTarget("./locales/");
  eleventyConfig.addWatchTarget("./campaign.yml");
  eleventyConfig.addGlobalData("site", async () => {
    const { site, print } = current();
    // site.print: the print pages (scripts/print/); site.downloads: the PDFs already in the
    // output folder (npm run build renders them, then runs this HTML pass a second time).
    const output = resolve(root, eleventyConfig.directories?.output ?? "_site");
    return { ...site, print: print(), downloads: await listDownloads(site, output) };
  });
  // The translation status page: the same check result as the publish gate; it never fails the build.
  eleventyConfig.addGlobalData("translationStatus", () => current().translationStatus());

  registerFilters(eleventyConfig, () => current().site);

  // Static files: templates/assets/ ends up in _site/assets/.
  eleventyConfig.addPassthroughCopy({ "templates/assets": "assets" });
  // Print fonts, from their npm packages: only the print pages load them.
  eleventyConfig.addPassthroughCopy(printFontCopies(root));

  // The dev server answers on this machine only.
  eleventyConfig.setServerOptions({ domDiff: false, showVersion: false, host: "localhost" });
  eleventyConfig.setQuietMode(true);

  return {
    dir: { input: "templates", includes: "_includes", layouts: "_includes/layouts" },
    templateFormats: ["njk"],
    htmlTemplateEngine: "njk",
  };
}
