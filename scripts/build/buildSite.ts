// Builds the HTML site with Eleventy into a given folder.
import Eleventy from "@11ty/eleventy";
import { join } from "node:path";
import { withBuildPass, type BuildInput } from "./eleventy/buildInput.ts";

export interface BuildSiteOptions {
  /** Eleventy's own logging (a stack trace for every template error) stays off unless set. */
  debug?: boolean;
  /** The project already read (npm run build): the build reads no content or locale file. */
  input?: BuildInput;
  /** Write the share card pages Chromium photographs (default: yes; see BuildPass). */
  shareCardPages?: boolean;
}

export async function buildSite(root: string, outputDir: string, { debug = false, input, shareCardPages = true }: BuildSiteOptions = {}): Promise<void> {
  const eleventy = new Eleventy(join(root, "templates"), outputDir, {
    quietMode: true,
    configPath: join(root, ".eleventy.js"),
  });
  if (!debug) eleventy.disableLogger();
  await withBuildPass({ ...(input ? { input } : {}), shareCardPages }, () => eleventy.write());
}
