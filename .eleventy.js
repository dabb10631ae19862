// Thin entry: let Node load TypeScript, then hand over to the typed configuration.
// The query string makes `eleventy --serve` re-read the config after a config reset.
import { register } from "tsx/esm/api";

register();

export default async function (eleventyConfig) {
  const { default: configure } = await import(`./scripts/eleventy/config.ts?v=${Date.now()}`);
  return configure(eleventyConfig);
}
