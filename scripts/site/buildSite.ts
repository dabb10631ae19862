// Builds the HTML site with Eleventy into a given folder.
import Eleventy from "@11ty/eleventy";
import { join } from "node:path";

/** Eleventy's own logging (a stack trace for every template error) stays off unless `debug`. */
export async function buildSite(root: string, outputDir: string, { debug = false } = {}): Promise<void> {
  const eleventy = new Eleventy(join(root, "templates"), outputDir, {
    quietMode: true,
    configPath: join(root, ".eleventy.js"),
  });
  if (!debug) eleventy.disableLogger();
  await eleventy.write();
}
