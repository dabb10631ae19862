// The yardstick: the same markdown files built by Eleventy with nothing of the project's
// (no site model, no i18n, no markdown plugins), through a trivial Nunjucks layout.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface BareInput {
  dir: string;
  remove(): void;
}

const LAYOUT = `<!doctype html>
<html lang="{{ lang or 'en' }}">
<head><meta charset="utf-8"><title>{{ title }}</title><link rel="stylesheet" href="/site.css"></head>
<body><main>{{ content | safe }}</main></body>
</html>
`;

// Markdown is not run through a template language first: the project never does that either,
// and it is the cheaper (stricter) yardstick.
const CONFIG = `export default function () {
  return { dir: { includes: "_includes" }, templateFormats: ["md"], markdownTemplateEngine: false };
}
`;

/** A temp input folder holding the project's content/<locale>/*.md files, a layout and a directory data file. */
export function prepareBareInput(projectRoot: string, locales: string[]): BareInput {
  const dir = mkdtempSync(join(tmpdir(), "pledge-bare-"));
  for (const code of locales) cpSync(join(projectRoot, "content", code), join(dir, "content", code), { recursive: true });
  writeFileSync(join(dir, "content", "content.json"), JSON.stringify({ layout: "bare.njk" }));
  mkdirSync(join(dir, "_includes"));
  writeFileSync(join(dir, "_includes", "bare.njk"), LAYOUT);
  writeFileSync(join(dir, "eleventy.config.mjs"), CONFIG);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
