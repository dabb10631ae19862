// Eleventy configuration: wires the site model, filters and templates together.
// Content and locale files are read by the project reader (scripts/project/), never by
// Eleventy, so no content file can change how or where a page is built. buildSite calls it with
// what the build renders (BuildPass); .eleventy.js (the dev server) calls it without.
import { HtmlBasePlugin } from "@11ty/eleventy";
import { join, resolve } from "node:path";
import { listDownloads, type DownloadGroup } from "../../site/downloads.ts";
import { printFontRoutes } from "../../print/fonts.ts";
import { checkPrintedDocuments, type PrintModel } from "../../print/printModel.ts";
import { builtShareCards, shareCardPages } from "../../print/shareCardPages.ts";
import { readProject, type Project } from "../../project/readProject.ts";
import { ContentError } from "../../shared/contentError.ts";
import { sitePathPrefix } from "../../site/pathPrefix.ts";
import { CONTENT_SECURITY_POLICY, DEV_SERVER_POLICY } from "../../site/securityPolicy.ts";
import { buildViews, type BuildViews, type BuildPass } from "./buildViews.ts";
import { DEV_SITE, liveBuild, REMOVAL_SIGNAL } from "../liveBuild.ts";
import { registerFilters } from "./filters.ts";
import { listenOnLoopback, stopUnlessLoopback } from "./loopback.ts";
import { fileRoutesMiddleware } from "./fileRoutes.ts";

interface EleventyConfig {
  addWatchTarget(target: string, options?: Record<string, unknown>): void;
  on(event: string, callback: (...args: never[]) => void): void;
  addGlobalData(name: string, data: unknown): void;
  addPassthroughCopy(copy: Record<string, string>): void;
  addFilter(name: string, fn: (...args: never[]) => unknown): void;
  addPlugin(plugin: (config: never) => void): void;
  setTemplateFormats(formats: string): void;
  setIncludesDirectory(dir: string): void;
  setLayoutsDirectory(dir: string): void;
  setServerOptions(options: Record<string, unknown>): void;
  setChokidarConfig(options: Record<string, unknown>): void;
  setQuietMode(quiet: boolean): void;
  setOutputDirectory(dir: string): void;
  setUseGitIgnore(enabled: boolean): void;
  directories?: { output?: string };
  benchmarks?: { config?: { setIsVerbose?(verbose: boolean): void } };
}

export default function configure(eleventyConfig: EleventyConfig, pass?: BuildPass) {
  const root = pass?.root ?? process.cwd();
  // npm start: its pages may run the dev server's reload script. Any other run writes the published policy.
  const servedLive = pass === undefined && process.env.ELEVENTY_RUN_MODE === "serve";
  // npm start keeps what a rebuild can reuse in memory: the caches' packs, each unchanged file's
  // section (with its blocks and HTML), the pages it wrote (scripts/build/liveBuild.ts).
  const live = servedLive ? liveBuild(root) : undefined;
  const read = () => readProject(root, live ? { live: live.sections } : {});
  // One project per build: buildSite hands over what it read (and npm run build every view of
  // it); the dev server reads it here, then again on each rebuild, so edits are picked up.
  // The project read here also gives the path prefix below.
  let project: Project | undefined = pass?.project ?? read();
  const configuredProject = project;
  let input: BuildViews | undefined;
  const current = (): BuildViews => {
    input ??= pass?.input;
    if (input === undefined) {
      project ??= read();
      // npm start: a section with broken ::: markup still renders (npm run build refuses it); the terminal says so.
      const markup = live?.markup.take(project) ?? [];
      if (markup.length > 0) console.error(markup.join("\n"));
      input = buildViews(project, live ? { parts: live.parts } : {});
    }
    return input;
  };
  // npm start builds into its own folder, never into _site/: that is what npm run build publishes,
  // and a dev page (its policy lets the reload script run, its print pages are sources) must never
  // be found there. Its pages list the PDFs and share cards npm run build left in _site/, and the
  // server answers them from there (below): it reads _site/, and never writes it.
  if (live) eleventyConfig.setOutputDirectory(DEV_SITE);
  const published = live ? resolve(root, process.env.SITE_DIR ?? "_site") : undefined;
  let publishedFiles: ReadonlyMap<string, string> = new Map();
  // npm start renders again only the section pages whose inputs changed since its last build.
  const livePages = live?.pages;
  if (live) {
    eleventyConfig.on("eleventy.after", () => live.finished());
    eleventyConfig.on("eleventy.beforeWatch", (queue: string[]) => live.markup.changed(queue));
  }
  let builds = 0;
  eleventyConfig.on("eleventy.before", () => {
    live?.started();
    if (builds++ === 0) return;
    input = undefined;
    project = undefined;
  });

  // Rebuild on edits to what the project reader reads.
  eleventyConfig.addWatchTarget("./content/");
  eleventyConfig.addWatchTarget("./locales/");
  eleventyConfig.addWatchTarget("./campaign.yml");
  if (live) {
    // A removed file is built through this signal (liveBuild.ts); .gitignore (which lists .cache/)
    // would hide it from the watcher, and it only ignores what Eleventy never reads: the templates are in templates/.
    eleventyConfig.setUseGitIgnore(false);
    eleventyConfig.addWatchTarget(`./${REMOVAL_SIGNAL}`);
  }
  // An edit is built once the file has been still for 50 ms (Eleventy waits 150 ms): an editor
  // saves a section in one write, and a file caught half-written is built again when complete.
  eleventyConfig.setChokidarConfig({ awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 10 } });
  eleventyConfig.addGlobalData("site", reported(servedLive, async () => {
    const views = current();
    const { site, print, cards } = views;
    // site.print: the print pages (scripts/print/) when this pass writes them; site.downloads: the
    // PDFs already in the output folder (npm run build renders them, then runs this HTML pass a
    // second time), or in _site/ for npm start.
    const output = resolve(root, eleventyConfig.directories?.output ?? "_site");
    const rendered = published ?? output;
    const withChromiumPages = pass?.chromiumPages ?? true;
    // site.shareCards: the card pages when this pass writes them, and the card images already
    // rendered (npm run build renders them between its two passes).
    const built = builtShareCards(cards(), rendered);
    // site.sectionPagesToRender: the section template's pagination; site.sectionPages stays every page (the sitemap).
    const sectionPagesToRender = pass?.sectionPagesToRender ?? livePages?.sectionPages(views.project, site, built, output) ?? site.sectionPages;
    // npm start: only the changed cards get their font CSS (a function of the card's text, and of the fonts this process found installed).
    const cardPages = withChromiumPages ? shareCardPages(livePages?.cardPages(cards()) ?? cards()) : [];
    const shareCards = { pages: cardPages, built };
    // A pass that writes no print pages makes none (their parts rendered for paper), yet stops on a documents.yml mistake as npm run build does.
    if (!withChromiumPages) checkPrintedDocuments(site);
    const printPages: PrintModel = withChromiumPages ? print() : { pages: [] };
    const downloads = await listDownloads(site, rendered);
    if (published) publishedFiles = renderedFiles(published, downloads, built);
    return { ...site, sectionPagesToRender, print: printPages, downloads, shareCards, csp: servedLive ? DEV_SERVER_POLICY : CONTENT_SECURITY_POLICY };
  }));
  // The translation status page: the same check result as the publish gate; it never fails the build.
  eleventyConfig.addGlobalData("translationStatus", reported(servedLive, async () => current().translationStatus()));

  registerFilters(eleventyConfig, () => current().site);

  // Static files: templates/assets/ ends up in _site/assets/.
  eleventyConfig.addPassthroughCopy({ "templates/assets": "assets" });

  // The dev server answers on this machine only (loopback.ts: its own options cannot say so).
  if (servedLive) listenOnLoopback();
  eleventyConfig.setServerOptions({ domDiff: false, showVersion: false, ready: stopUnlessLoopback });
  eleventyConfig.setQuietMode(true);
  // Eleventy times every filter and warns on stderr when one takes over a tenth of a build; those
  // timings ignore quiet mode. npm run bench measures; a build says only what a person must act on.
  eleventyConfig.benchmarks?.config?.setIsVerbose?.(false);

  // A site published under a path (a GitHub Pages project site, https://owner.github.io/repo):
  // every root-relative URL in the HTML gets that path in front. A broken campaign.yml is
  // reported by the site model, with its line.
  const pathPrefix = sitePathPrefix(configuredProject.campaign.siteUrl);
  if (pathPrefix !== "/") eleventyConfig.addPlugin(HtmlBasePlugin);
  // Print fonts stay in node_modules, out of _site/: the dev server (npm start) serves them to
  // the print pages, as the PDF build's own server does; and the PDFs and cards of _site/ its pages list.
  eleventyConfig.setServerOptions({ middleware: [fileRoutesMiddleware(printFontRoutes, pathPrefix), fileRoutesMiddleware(() => publishedFiles, pathPrefix)] });

  // Set through the API: Eleventy ignores what a configuration called by buildSite returns.
  eleventyConfig.setTemplateFormats("njk");
  eleventyConfig.setIncludesDirectory("_includes");
  eleventyConfig.setLayoutsDirectory("_includes/layouts");
  // The rest only a configuration file can return (buildSite gives Eleventy the input folder and
  // the path prefix itself). No template is HTML: section.njk's override turns preprocessing off.
  return { pathPrefix, dir: { input: "templates" }, htmlTemplateEngine: "njk" };
}

/**
 * npm start: a mistake in a content or locale file is printed by Eleventy as its message alone
 * (file:line, what is wrong, what to do), without the stack trace, which is the program's and
 * tells the person fixing the file nothing (skipOriginalStack: Eleventy's own mark for such
 * errors; DEBUG=Eleventy* npm start still shows it). A build's commands print their errors
 * themselves (scripts/cli.ts), the trace with --debug.
 */
function reported<T>(servedLive: boolean, data: () => Promise<T>): () => Promise<T> {
  if (!servedLive) return data;
  return async () => {
    try {
      return await data();
    } catch (error) {
      // (By name too, as scripts/cli.ts: a module loaded again after a config reset has a class of its own.)
      if (error instanceof ContentError || (error instanceof Error && error.name === "ContentError")) Object.assign(error, { skipOriginalStack: true });
      throw error;
    }
  };
}

/** The URL path of each PDF and share card image a page lists, and its file in `folder`. */
function renderedFiles(folder: string, downloads: Record<string, DownloadGroup[]>, cards: Record<string, { url: string }>): Map<string, string> {
  const urls = [...Object.values(downloads).flatMap((groups) => groups.flatMap((group) => group.lists.flatMap((list) => list.items.map((item) => item.url)))), ...Object.values(cards).map((card) => card.url)];
  return new Map(urls.map((url) => [url, join(folder, url)]));
}
