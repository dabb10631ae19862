// npm run locale:new: scaffolds a locale so a translator starts from files that already work:
// locale.json from Intl (name, direction, digits), every UI string and every section copied
// from the source locale (marked draft, with no `source:` line, so the check reports them as
// untranslated until they are). An existing file is never overwritten.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { ContentError } from "../content/errors.ts";
import { loadSectionIds } from "../content/sections.ts";
import { readJson } from "../locales/json.ts";
import { isPlainObject, isValidLocaleCode, type LocaleMeta } from "../locales/locales.ts";
import { loadCampaign } from "../site/campaign.ts";
import { parsePluralKey, pluralCategories, pluralGroups, pluralKey } from "../check/plurals.ts";
import { decodeExact, removeFrontMatterLine, setFrontMatterLine } from "./frontMatterEdit.ts";

export interface ScaffoldOutcome {
  file: string;
  result: "created" | "skipped";
}

/** What Intl knows about a language: its own name, writing direction and usual digits. */
export function localeMetaFromIntl(code: string): Omit<LocaleMeta, "code"> {
  const locale = new Intl.Locale(code);
  // Node 20 has the `textInfo` getter; newer engines have getTextInfo() instead.
  const info = (locale as { textInfo?: { direction?: string }; getTextInfo?: () => { direction?: string } }).textInfo ??
    (locale as { getTextInfo?: () => { direction?: string } }).getTextInfo?.();
  const name = new Intl.DisplayNames([code], { type: "language" }).of(code) ?? code;
  return {
    // Language names are lower case inside sentences in many languages; a menu shows them capitalised.
    name: name.charAt(0).toLocaleUpperCase(code) + name.slice(1),
    dir: info?.direction === "rtl" ? "rtl" : "ltr",
    numberingSystem: new Intl.NumberFormat(code).resolvedOptions().numberingSystem,
    complete: false,
  };
}

/** The source UI strings with each plural group rewritten for the new locale's categories. */
export function scaffoldStrings(source: Record<string, unknown>, code: string): Record<string, unknown> {
  const flatKeys: string[] = [];
  const collect = (object: Record<string, unknown>, prefix: string) => {
    for (const [key, value] of Object.entries(object)) {
      if (isPlainObject(value)) collect(value, `${prefix}${key}.`);
      else flatKeys.push(prefix + key);
    }
  };
  collect(source, "");
  const groups = pluralGroups(flatKeys);
  const rewrite = (object: Record<string, unknown>, prefix: string): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    const emitted = new Set<string>();
    for (const [key, value] of Object.entries(object)) {
      if (isPlainObject(value)) {
        out[key] = rewrite(value, `${prefix}${key}.`);
        continue;
      }
      const plural = parsePluralKey(key);
      const group = plural && `${prefix}${plural.base}${plural.ordinal ? "_ordinal" : ""}`;
      if (!plural || !group || !groups.has(group)) {
        out[key] = value;
        continue;
      }
      if (emitted.has(group)) continue;
      emitted.add(group);
      for (const category of pluralCategories(code, plural.ordinal)) {
        out[pluralKey(plural.base, plural.ordinal, category)] = object[pluralKey(plural.base, plural.ordinal, category)] ?? object[pluralKey(plural.base, plural.ordinal, "other")];
      }
    }
    return out;
  };
  return rewrite(source, "");
}

export function scaffoldLocale(root: string, code: string): ScaffoldOutcome[] {
  if (!isValidLocaleCode(code)) {
    let suggestion = "";
    try {
      suggestion = ` (did you mean "${Intl.getCanonicalLocales(code)[0]}"?)`;
    } catch {}
    throw new ContentError({ file: `locales/${code}/` }, `"${code}" is not a valid language tag${suggestion}`, "use a BCP 47 language tag such as fr, ar, pt-BR or zh-Hant");
  }
  const source = loadCampaign(root).sourceLocale;
  if (code === source) {
    throw new ContentError({ file: `locales/${code}/` }, `"${code}" is the source locale`, "give the code of the language you translate into");
  }
  const outcomes: ScaffoldOutcome[] = [];
  const create = (file: string, content: () => string) => {
    const path = join(root, file);
    if (existsSync(path)) {
      outcomes.push({ file, result: "skipped" });
      return;
    }
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content(), { flag: "wx" }); // "wx": fails rather than overwrite
    outcomes.push({ file, result: "created" });
  };

  create(`locales/${code}/locale.json`, () => `${JSON.stringify(localeMetaFromIntl(code), null, 2)}\n`);
  const sourceStrings = join(root, "locales", source, "ui.json");
  if (existsSync(sourceStrings)) {
    create(`locales/${code}/ui.json`, () => {
      const strings = readJson(sourceStrings, `locales/${source}/ui.json`);
      if (!isPlainObject(strings)) throw new ContentError({ file: `locales/${source}/ui.json` }, "the source UI strings are not a JSON object", "fix the source locale's ui.json first");
      return `${JSON.stringify(scaffoldStrings(strings, code), null, 2)}\n`;
    });
  }
  for (const id of loadSectionIds(join(root, "content"))) {
    const englishFile = `content/${source}/${id}.md`;
    if (!existsSync(join(root, englishFile))) continue;
    create(`content/${code}/${id}.md`, () => {
      const english = decodeExact(readFileSync(join(root, englishFile)));
      // A draft with no source: the check reports it as untranslated until it is translated and marked.
      return setFrontMatterLine(removeFrontMatterLine(removeFrontMatterLine(english, "source", englishFile), "status", englishFile), "status", "draft", englishFile);
    });
  }
  return outcomes;
}
