// Builds the HTML site with Eleventy into a given folder.
import Eleventy from "@11ty/eleventy";
import { join } from "node:path";
import { withBuildInput, type BuildInput } from "../eleventy/buildInput.ts";

export interface BuildSiteOptions {
  /** Eleventy's own logging (a stack trace for every template error) stays off unless set. */
  debug?: boolean;
  /** The project already read (npm run build): the build reads no content or locale file. */
  input?: BuildInput;
}

export async function buildSite(root: string, outputDir: string, { debug = false, input }: BuildSiteOptions = {}): Promise<void> {
  const eleventy = new Eleventy(join(root, "templates"), outputDir, {
    quietMode: true,
    configPath: join(root, ".eleventy.js"),
  });
  if (!debug) eleventy.disableLogger();
  await withBuildInput(input, () => eleventy.write());
}
