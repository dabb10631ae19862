// Builds the HTML site with Eleventy into a given folder.
import { Eleventy } from "@11ty/eleventy";
import { join, relative } from "node:path";
import { readProject } from "../project/readProject.ts";
import { sitePathPrefix } from "../site/pathPrefix.ts";
import type { BuildViews } from "./eleventy/buildViews.ts";
import configure from "./eleventy/config.ts";

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
  // Relative to the working directory, as a configuration file's dir.input is: messages then name
  // templates/… as the person sees it, not a temporary folder's absolute path.
  const eleventy = new Eleventy(relative(process.cwd(), join(root, "templates")) || ".", outputDir, {
    quietMode: true,
    // The configuration is this call, handed what the build renders (.eleventy.js is the dev
    // server's); so the path prefix, which only a configuration file could return, is given here.
    configPath: false,
    pathPrefix: sitePathPrefix(project.campaign.siteUrl),
    config: (eleventyConfig: Parameters<typeof configure>[0]) => configure(eleventyConfig, { root, project, ...(input ? { input } : {}), chromiumPages }),
  });
  if (!debug) eleventy.disableLogger();
  await eleventy.write();
}
