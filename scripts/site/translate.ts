// UI strings through i18next: one instance for all locales, built once per build.
// Missing strings fall back to the source locale, so a locale in progress still renders.
import { createInstance, type i18n as I18n, type TFunction } from "i18next";

export type Translate = (locale: string, key: string, options?: Record<string, unknown>) => string;
/** The locale whose string `t` gives: the locale's own, or the source locale's where it has none yet. */
export type UiLanguage = (locale: string, key: string, options?: Record<string, unknown>) => string;

/** The project's i18next: `strings` are each locale's ui.json as written. */
export function createUiI18next(locales: { code: string; strings: Record<string, unknown> }[], sourceLocale: string): I18n {
  const instance = createInstance();
  void instance.init({
    resources: Object.fromEntries(locales.map((l) => [l.code, { ui: l.strings }])),
    ns: ["ui"],
    defaultNS: "ui",
    fallbackLng: sourceLocale,
    initAsync: false,
    // Nunjucks escapes output; escaping here too would double it.
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  } as Parameters<typeof instance.init>[0]);
  return instance;
}

/** `t` for the site, the print model and the templates, and which locale's string it gives; built once per site model. */
export function createUi(locales: { code: string; strings: Record<string, unknown> }[], sourceLocale: string): { t: Translate; languageOf: UiLanguage } {
  const instance = createUiI18next(locales, sourceLocale);
  const fixed = new Map<string, TFunction>(locales.map((l) => [l.code, instance.getFixedT(l.code)]));
  const tOf = (locale: string) => fixed.get(locale) ?? instance.getFixedT(sourceLocale);
  // i18next's t() takes 50-100 µs a call: every section page calls it for its position
  // ("Section 3 of 8"), 2,000 calls at 2,000 pages. A string whose only markup is {{name}}
  // placeholders is filled in here, from the string i18next chose (with its fallback); plurals,
  // formats, nesting, {{- name}} and missing values still go through i18next.
  const plain = new Map<string, { parts: string[]; names: string[] } | null>();
  const plainString = (id: string, locale: string, key: string) => {
    let found = plain.get(id);
    if (found === undefined) {
      const raw = tOf(locale)(key, { skipInterpolation: true });
      found = typeof raw === "string" && !raw.includes("$t(") && SIMPLE_ONLY.test(raw) ? splitPlaceholders(raw) : null;
      plain.set(id, found);
    }
    return found;
  };
  // A string without values is the same on every page: looked up once per build, not once per page.
  const known = new Map<string, string>();
  const languages = new Map<string, string>();
  const usedLanguage = (locale: string, key: string, options: Record<string, unknown>) => (tOf(locale)(key, { ...options, returnDetails: true }) as unknown as { usedLng?: string }).usedLng ?? locale;
  const languageOf: UiLanguage = (locale, key, options) => {
    // Values that only fill placeholders do not change which string is chosen: asked once per key.
    if (options && !Object.keys(options).every(isPlainValueName)) return usedLanguage(locale, key, options);
    const id = `${locale}\n${key}`;
    let language = languages.get(id);
    if (language === undefined) {
      language = usedLanguage(locale, key, {});
      languages.set(id, language);
    }
    return language;
  };
  const t: Translate = (locale, key, options) => {
    const id = `${locale}\n${key}`;
    if (!options) {
      let value = known.get(id);
      if (value === undefined) {
        value = String(tOf(locale)(key, {}));
        known.set(id, value);
      }
      return value;
    }
    if (Object.keys(options).every(isPlainValueName)) {
      const string = plainString(id, locale, key);
      if (string?.names.every((name) => isFillable(options[name]))) {
        let text = string.parts[0]!;
        for (let i = 0; i < string.names.length; i++) text += String(options[string.names[i]!]) + string.parts[i + 1]!;
        return text;
      }
    }
    return String(tOf(locale)(key, options));
  };
  return { t, languageOf };
}

/** Every {{ … }} in the string is a plain {{name}}. */
const SIMPLE_ONLY = /^(?:[^{]|\{(?!\{)|\{\{\s*[A-Za-z_][\w]*\s*\}\})*$/;
const PLACEHOLDER = /\{\{\s*([A-Za-z_][\w]*)\s*\}\}/g;

function splitPlaceholders(raw: string): { parts: string[]; names: string[] } {
  const parts: string[] = [];
  const names: string[] = [];
  let at = 0;
  for (const match of raw.matchAll(PLACEHOLDER)) {
    parts.push(raw.slice(at, match.index));
    names.push(match[1]!);
    at = match.index + match[0].length;
  }
  parts.push(raw.slice(at));
  return { parts, names };
}

/** Options that change what i18next looks up or how, rather than fill a placeholder. */
const LOOKUP_OPTIONS = new Set([
  "count",
  "context",
  "ordinal",
  "defaultValue",
  "lng",
  "lngs",
  "ns",
  "replace",
  "returnObjects",
  "returnDetails",
  "joinArrays",
  "postProcess",
  "interpolation",
  "skipInterpolation",
  "keySeparator",
  "nsSeparator",
  "fallbackLng",
]);

function isPlainValueName(name: string): boolean {
  return !LOOKUP_OPTIONS.has(name) && !name.startsWith("defaultValue");
}

function isFillable(value: unknown): value is string | number {
  return typeof value === "string" || typeof value === "number";
}
