// Builds the HTML site with Eleventy into a given folder.
import Eleventy from "@11ty/eleventy";
import { join } from "node:path";

export async function buildSite(root: string, outputDir: string): Promise<void> {
  const eleventy = new Eleventy(join(root, "templates"), outputDir, {
    quietMode: true,
    configPath: join(root, ".eleventy.js"),
  });
  await eleventy.write();
}
