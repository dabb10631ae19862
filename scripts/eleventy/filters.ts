// Template filters: UI strings, numbers in the locale's digits, absolute URLs.
import type { SiteModel, TextLanguage } from "../site/model.ts";

interface FilterHost {
  addFilter(name: string, fn: (...args: never[]) => unknown): void;
}

export function registerFilters(config: FilterHost, model: () => SiteModel) {
  // {{ "home.cta" | t(locale.code) }}, {{ "section.position" | t(code, { index: 1, total: 8 }) }}
  // A string without options is the same on every page: looked up once per build.
  const strings = new WeakMap<SiteModel, Map<string, string>>();
  config.addFilter("t", (key: string, locale: string, options?: Record<string, unknown>) => {
    const site = model();
    if (options) return site.t(locale, key, options);
    let known = strings.get(site);
    if (!known) strings.set(site, (known = new Map()));
    const id = `${locale}\n${key}`;
    let text = known.get(id);
    if (text === undefined) known.set(id, (text = site.t(locale, key)));
    return text;
  });

  // {{ 1234 | number(locale) }}: formatted with the locale's numbering system.
  const formats = new Map<string, Intl.NumberFormat>();
  config.addFilter("number", (value: number, locale: { code: string; numberingSystem: string }) => {
    const key = `${locale.code}/${locale.numberingSystem}`;
    let format = formats.get(key);
    if (!format) formats.set(key, (format = new Intl.NumberFormat(locale.code, { numberingSystem: locale.numberingSystem })));
    return format.format(value);
  });

  // {{ link.textLang | langAttributes | safe }}: lang and dir where the model says the text is in
  // another language than the page (an English fallback); nothing otherwise.
  config.addFilter("langAttributes", (text: TextLanguage | undefined) => (text ? ` lang="${text.lang}" dir="${text.dir}"` : ""));

  // {{ page.url | absoluteUrl }}: the published address, for canonical links and the sitemap.
  // The site may live under a path (https://owner.github.io/repo): kept in front of every page's path.
  const addresses = new WeakMap<SiteModel, Map<string, string>>();
  config.addFilter("absoluteUrl", (path: string) => {
    const site = model();
    let known = addresses.get(site);
    if (!known) addresses.set(site, (known = new Map()));
    let href = known.get(path);
    if (href === undefined) known.set(path, (href = new URL(path.replace(/^\//, ""), `${site.campaign.siteUrl}/`).href));
    return href;
  });
}
