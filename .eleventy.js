// Thin entry: hand over to the typed configuration. npm run build runs under tsx already;
// `eleventy --serve` (npm start) does not, so Node is taught TypeScript here, only then (a
// second registration would put every later import through tsx twice).
// The query string makes `eleventy --serve` re-read the config after a config reset; the retry
// needs its own, as Node remembers a failed import.

export default async function (eleventyConfig) {
  const config = (attempt) => import(`./scripts/build/eleventy/config.ts?v=${Date.now()}-${attempt}`);
  const { default: configure } = await config(1).catch(async (error) => {
    if (error?.code !== "ERR_UNKNOWN_FILE_EXTENSION") throw error;
    const { register } = await import("tsx/esm/api");
    register();
    return config(2);
  });
  return configure(eleventyConfig);
}
