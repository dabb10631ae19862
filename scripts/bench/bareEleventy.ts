// The yardsticks: the same markdown files built by Eleventy alone. "bare": nothing of the project's
// (no site model, no i18n, no markdown plugins), through a trivial Nunjucks layout. "i18n": the
// peer a multilingual campaign would otherwise use, Eleventy with its own I18nPlugin: each page's
// lang and dir, hreflang alternates and a language switcher from locale_links, a localized link from
// locale_url and the locale's UI strings from directory data.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export type EleventyKind = "bare" | "i18n";

export interface BareInput {
  dir: string;
  remove(): void;
}

const BARE_LAYOUT = `<!doctype html>
<html lang="{{ lang or 'en' }}">
<head><meta charset="utf-8"><title>{{ title }}</title><link rel="stylesheet" href="/site.css"></head>
<body><main>{{ content | safe }}</main></body>
</html>
`;

// Markdown is not run through a template language first: the project never does that either,
// and it is the cheaper (stricter) yardstick.
const BARE_CONFIG = `export default function () {
  return { dir: { includes: "_includes" }, templateFormats: ["md"], markdownTemplateEngine: false };
}
`;

// What a site built on I18nPlugin writes on every page: the header of the project's own base layout, by the plugin's means.
const I18N_LAYOUT = `{%- set alternates = page.url | locale_links -%}
<!doctype html>
<html lang="{{ page.lang }}" dir="{{ dir }}">
<head><meta charset="utf-8"><title>{{ title }} · {{ campaign }}</title>
<link rel="canonical" href="{{ page.url }}">
{%- for alt in alternates %}
<link rel="alternate" hreflang="{{ alt.lang }}" href="{{ alt.url }}">
{%- endfor %}
<link rel="stylesheet" href="/site.css"></head>
<body><a class="skip-link" href="#main">{{ ui.site.skipToContent }}</a>
<header><a href="{{ firstSection | locale_url }}">{{ campaign }}</a>
<nav aria-label="{{ ui.site.language }}"><ul>
<li><a href="{{ page.url }}" lang="{{ page.lang }}" aria-current="page">{{ page.lang }}</a></li>
{%- for alt in alternates %}
<li><a href="{{ alt.url }}" lang="{{ alt.lang }}" hreflang="{{ alt.lang }}">{{ alt.label }}</a></li>
{%- endfor %}
</ul></nav></header>
<main id="main">{{ content | safe }}</main></body>
</html>
`;

// The plugin reads a page's language from the first segment of its URL, so each locale is a top-level folder.
const I18N_CONFIG = `import { I18nPlugin } from "@11ty/eleventy";
export default function (eleventyConfig) {
  eleventyConfig.addPlugin(I18nPlugin, { defaultLanguage: "en" });
  return { dir: { includes: "_includes" }, templateFormats: ["md"], markdownTemplateEngine: false };
}
`;

/**
 * A temp input folder holding a project's content/<locale>/*.md files, a layout and the data
 * files; "i18n" also links the project's node_modules, for its config to import the plugin.
 */
export function prepareBareInput(projectRoot: string, locales: string[], kind: EleventyKind = "bare"): BareInput {
  const dir = mkdtempSync(join(tmpdir(), `pledge-${kind}-`));
  mkdirSync(join(dir, "_includes"));
  if (kind === "bare") {
    for (const code of locales) cpSync(join(projectRoot, "content", code), join(dir, "content", code), { recursive: true });
    writeFileSync(join(dir, "content", "content.json"), JSON.stringify({ layout: "bare.njk" }));
    writeFileSync(join(dir, "_includes", "bare.njk"), BARE_LAYOUT);
    writeFileSync(join(dir, "eleventy.config.mjs"), BARE_CONFIG);
  } else {
    symlinkSync(join(projectRoot, "node_modules"), join(dir, "node_modules"));
    const firstId = /^- *(\S+)/m.exec(readFileSync(join(projectRoot, "content", "sections.yml"), "utf8"))?.[1];
    const campaign = /^name: *(.+)$/m.exec(readFileSync(join(projectRoot, "campaign.yml"), "utf8"))?.[1] ?? "";
    for (const code of locales) {
      cpSync(join(projectRoot, "content", code), join(dir, code), { recursive: true });
      const locale = JSON.parse(readFileSync(join(projectRoot, "locales", code, "locale.json"), "utf8")) as { dir: string };
      const ui = JSON.parse(readFileSync(join(projectRoot, "locales", code, "ui.json"), "utf8")) as unknown;
      writeFileSync(join(dir, code, `${code}.json`), JSON.stringify({ layout: "i18n.njk", dir: locale.dir, ui, campaign, firstSection: `/en/${firstId}/` }));
    }
    writeFileSync(join(dir, "_includes", "i18n.njk"), I18N_LAYOUT);
    writeFileSync(join(dir, "eleventy.config.mjs"), I18N_CONFIG);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
