// Builds the HTML site with Eleventy into a given folder.
import { Eleventy } from "@11ty/eleventy";
import { rmSync } from "node:fs";
import { join, relative } from "node:path";
import { builtShareCards } from "../print/shareCardPages.ts";
import { readProject } from "../project/readProject.ts";
import { sitePathPrefix } from "../site/pathPrefix.ts";
import { buildViews, type BuildViews } from "./eleventy/buildViews.ts";
import configure from "./eleventy/config.ts";
import { PageCache, cachedPageFile } from "./pageCache.ts";

export interface BuildSiteOptions {
  /** Eleventy's own logging (a stack trace for every template error) stays off unless set. */
  debug?: boolean;
  /** The project already read (npm run build): the build reads no content or locale file. */
  input?: BuildViews;
  /** Write the print and share card pages Chromium renders (default: yes; see BuildPass). */
  chromiumPages?: boolean;
}

export async function buildSite(root: string, outputDir: string, { debug = false, input, chromiumPages = true }: BuildSiteOptions = {}): Promise<void> {
  const project = input?.project ?? readProject(root);
  const views = input ?? buildViews(project);
  // Section pages rendered before from the same inputs are placed from the cache; Eleventy renders the others.
  const cache = PageCache.open(root);
  const plan = cache?.plan(project, views.site, builtShareCards(views.cards(), outputDir), outputDir);
  const render = plan ? [...plan.render, ...plan.placeKnown()] : views.site.sectionPages;
  // A page of an earlier pass (npm run build writes the folder twice) may be a cached file's link: never written through.
  if (plan) for (const page of render) rmSync(cachedPageFile(outputDir, page), { force: true });
  // Relative to the working directory, as a configuration file's dir.input is: messages then name
  // templates/… as the person sees it, not a temporary folder's absolute path.
  const eleventy = new Eleventy(relative(process.cwd(), join(root, "templates")) || ".", outputDir, {
    quietMode: true,
    // The configuration is this call, handed what the build renders (.eleventy.js is the dev
    // server's); so the path prefix, which only a configuration file could return, is given here.
    configPath: false,
    pathPrefix: sitePathPrefix(project.campaign.siteUrl),
    config: (eleventyConfig: Parameters<typeof configure>[0]) => configure(eleventyConfig, { root, project, input: views, chromiumPages, sectionPagesToRender: render }),
  });
  if (!debug) eleventy.disableLogger();
  const [, written] = (await eleventy.write()) as [unknown, unknown[]];
  plan?.keep(new Map((written.flat(3) as { url?: string; content?: string }[]).filter((r) => r.url && typeof r.content === "string").map((r) => [r.url!, r.content!])));
}
