// npm run locale:new: scaffolds a locale so a translator starts from files that already work:
// locale.json from Intl (name, direction, digits), every UI string and every section copied
// from the source locale (marked draft, with no `source:` line, so the check reports them as
// untranslated until they are). An existing file is never overwritten.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { LocaleMeta } from "../project/localeMeta.ts";
import { readProject, stopOnProblemIn } from "../project/readProject.ts";
import { SECTIONS_FILE } from "../project/sectionList.ts";
import { ContentError } from "../shared/contentError.ts";
import { isPlainObject } from "../shared/json.ts";
import { isLanguageTag, notALanguageTag } from "../shared/languageTag.ts";
import { parsePluralKey, pluralCategories, pluralGroups, pluralKey } from "../project/pluralKeys.ts";
import { decodeExact, removeFrontMatterLine, setFrontMatterLine } from "./frontMatterEdit.ts";

export interface ScaffoldOutcome {
  file: string;
  result: "created" | "skipped";
}

/** What Intl knows about a language: its own name, writing direction and usual digits. */
export function localeMetaFromIntl(code: string): LocaleMeta {
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
  if (!isLanguageTag(code)) {
    throw new ContentError({ file: `locales/${code}/` }, notALanguageTag(code), "use a BCP 47 language tag such as fr, ar, pt-BR or zh-Hant");
  }
  const project = readProject(root);
  stopOnProblemIn(project, "campaign.yml", SECTIONS_FILE);
  const source = project.campaign.sourceLocale;
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
  const sourceLocale = project.locales[0]!;
  if (existsSync(join(root, sourceLocale.stringsFile))) {
    create(`locales/${code}/ui.json`, () => {
      if (!sourceLocale.strings) stopOnProblemIn(project, sourceLocale.stringsFile);
      return `${JSON.stringify(scaffoldStrings(sourceLocale.strings!.tree, code), null, 2)}\n`;
    });
  }
  for (const id of project.sectionIds) {
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
