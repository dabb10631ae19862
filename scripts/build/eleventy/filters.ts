// Template filters: UI strings, numbers in the locale's digits, absolute URLs.
import type { SiteModel, TextLanguage } from "../../site/model.ts";
import { absoluteUrl } from "../../site/share.ts";

interface FilterHost {
  addFilter(name: string, fn: (...args: never[]) => unknown): void;
}

export function registerFilters(config: FilterHost, model: () => SiteModel) {
  // {{ "home.cta" | t(locale.code) }}, {{ "section.position" | t(code, { index: 1, total: 8 }) }}:
  // the UI string as text, for attributes (aria-label).
  config.addFilter("t", (key: string, locale: string, options?: Record<string, unknown>) => model().t(locale, key, options));

  // {{ "home.cta" | ui(code) | safe }}: the same string as HTML for element text. Where the locale
  // has no translation of it yet and the source locale's shows, it carries that language's lang
  // and dir, as a fallback section does: read with the right voice, its punctuation on the right side.
  config.addFilter("ui", (key: string, locale: string, options?: Record<string, unknown>) => {
    const site = model();
    const text = escapeHtml(site.t(locale, key, options));
    const language = langAttributes(site.uiTextLang(locale, key, options));
    return language ? `<span${language}>${text}</span>` : text;
  });

  // {{ 1234 | number(locale) }}: formatted with the locale's numbering system.
  const formats = new Map<string, Intl.NumberFormat>();
  config.addFilter("number", (value: number, locale: { code: string; numberingSystem: string }) => {
    const key = `${locale.code}/${locale.numberingSystem}`;
    let format = formats.get(key);
    if (!format) {
      format = new Intl.NumberFormat(locale.code, { numberingSystem: locale.numberingSystem });
      formats.set(key, format);
    }
    return format.format(value);
  });

  // {{ link.language | langAttributes | safe }}: lang and dir where the model says the text is the
  // source locale's standing in on this locale's page (an English fallback); nothing otherwise.
  config.addFilter("langAttributes", langAttributes);

  // {{ page.url | absoluteUrl }}: the published address, for canonical links and the sitemap.
  // The site may live under a path (https://owner.github.io/repo): kept in front of every page's path.
  config.addFilter(
    "absoluteUrl",
    oncePerBuild(model, (site, path) => absoluteUrl(site.campaign.siteUrl, path)),
  );
}

/** `compute` for each key, once per build (the dev server makes a new site model for each rebuild). */
function oncePerBuild(model: () => SiteModel, compute: (site: SiteModel, key: string) => string): (key: string) => string {
  const known = new WeakMap<SiteModel, Map<string, string>>();
  return (key) => {
    const site = model();
    let values = known.get(site);
    if (!values) {
      values = new Map();
      known.set(site, values);
    }
    let value = values.get(key);
    if (value === undefined) {
      value = compute(site, key);
      values.set(key, value);
    }
    return value;
  };
}

function langAttributes(text: TextLanguage | undefined): string {
  return text?.fallback ? ` lang="${text.lang}" dir="${text.dir}"` : "";
}

/** As Nunjucks escapes what it prints, so a string reads the same whichever filter printed it. */
const ESCAPES: Record<string, string> = { "&": "&amp;", '"': "&quot;", "'": "&#39;", "<": "&lt;", ">": "&gt;", "\\": "&#92;" };

function escapeHtml(text: string): string {
  return text.replace(/[&"'<>\\]/g, (c) => ESCAPES[c]!);
}
