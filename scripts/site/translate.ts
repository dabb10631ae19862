// UI strings through i18next: one instance for all locales, built once per build.
// Missing strings fall back to the source locale, so a locale in progress still renders.
import i18next, { type TFunction } from "i18next";

export type Translate = (locale: string, key: string, options?: Record<string, unknown>) => string;

/** `strings`: each locale's ui.json as written. */
export function createTranslator(locales: { code: string; strings: Record<string, unknown> }[], sourceLocale: string): Translate {
  const instance = i18next.createInstance();
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
  const fixed = new Map<string, TFunction>(locales.map((l) => [l.code, instance.getFixedT(l.code)]));
  return (locale, key, options) => {
    const t = fixed.get(locale) ?? instance.getFixedT(sourceLocale);
    return String(t(key, options ?? {}));
  };
}
