// The UI string translator: every string of every real locale, with and without values, reads
// exactly as i18next's own t() gives it, whichever way the translator fills it in.
import { describe, expect, it } from "vitest";
import { readProject } from "../../scripts/project/readProject.ts";
import { createUi, createUiI18next } from "../../scripts/site/translate.ts";

const root = new URL("../..", import.meta.url).pathname;

/** i18next's own t(), on the instance the translator is built on. */
function reference(locales: { code: string; strings: Record<string, unknown> }[], sourceLocale: string) {
  const instance = createUiI18next(locales, sourceLocale);
  return (locale: string, key: string, options?: Record<string, unknown>) => String(instance.getFixedT(locale)(key, options ?? {}));
}

describe("createUi: t", () => {
  const project = readProject(root);
  const locales = project.locales.map((l) => ({ code: l.code, strings: l.strings?.tree ?? {} }));
  const source = project.campaign.sourceLocale;
  const keys = [...project.locales[0]!.strings!.values.keys()];

  it("gives what i18next gives for every real string, with each placeholder filled", () => {
    const { t } = createUi(locales, source);
    const expected = reference(locales, source);
    let compared = 0;
    for (const { code } of locales) {
      for (const key of keys) {
        const names = [...String(project.locales[0]!.strings!.values.get(key)).matchAll(/\{\{-?\s*([\w.]+)/g)].map((m) => m[1]!);
        const values = Object.fromEntries(names.map((name, i) => [name, i % 2 ? 1234 : `<${name} & "x">`]));
        expect(t(code, key, values), `${code} ${key}`).toBe(expected(code, key, values));
        expect(t(code, key), `${code} ${key}`).toBe(expected(code, key));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(50);
  });

  it("fills {{name}} itself and leaves plurals, formats, nesting and missing values to i18next", () => {
    const strings = {
      position: "Section {{index}} of {{total}}",
      twice: "{{a}} and {{a}}",
      unescaped: "{{- html}}",
      formatted: "{{n, number}}",
      nested: "$t(position) again",
      pages_one: "{{count}} page",
      pages_other: "{{count}} pages",
      dollar: "costs {{price}}",
    };
    const { t } = createUi(
      [
        { code: "en", strings },
        { code: "fr", strings: { position: "Section {{index}} sur {{total}}" } },
      ],
      "en",
    );
    const expected = reference(
      [
        { code: "en", strings },
        { code: "fr", strings: { position: "Section {{index}} sur {{total}}" } },
      ],
      "en",
    );
    const cases: [string, string, Record<string, unknown> | undefined][] = [
      ["en", "position", { index: 3, total: "500" }],
      ["fr", "position", { index: "٣", total: 500 }],
      ["fr", "twice", { a: "x" }],
      ["en", "unescaped", { html: "<b>" }],
      ["en", "formatted", { n: 1234.5 }],
      ["en", "nested", { index: 1, total: 2 }],
      ["en", "pages", { count: 1 }],
      ["fr", "pages", { count: 2 }],
      ["en", "position", { index: 1 }],
      ["en", "dollar", { price: "$& $1 $$" }],
      ["en", "missing.key", { a: 1 }],
    ];
    for (const [code, key, options] of cases) expect(t(code, key, options), `${code} ${key}`).toBe(expected(code, key, options));
  });
});

describe("createUi: which locale's string shows", () => {
  it("the locale's own where it has one, the source locale's where it has none yet, plural form by plural form", () => {
    const { t, languageOf } = createUi(
      [
        { code: "en", strings: { cta: "Take the pledge", pages_one: "{{count}} page", pages_other: "{{count}} pages" } },
        { code: "ar", strings: { cta: "وقّع التعهّد", pages_one: "صفحة واحدة" } },
      ],
      "en",
    );
    expect([t("ar", "cta"), languageOf("ar", "cta")]).toEqual(["وقّع التعهّد", "ar"]);
    expect([t("ar", "pages", { count: 1 }), languageOf("ar", "pages", { count: 1 })]).toEqual(["صفحة واحدة", "ar"]);
    expect([t("ar", "pages", { count: 5 }), languageOf("ar", "pages", { count: 5 })]).toEqual(["5 pages", "en"]);
    expect(languageOf("en", "cta")).toBe("en");
  });
});
