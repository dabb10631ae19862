// npm run locale:new: scaffolds a locale so a translator starts from files that already work:
// locale.json from Intl (name, direction, digits), every UI string and every section copied
// from the source locale (marked draft, with no `source:` line, so the check reports them as
// untranslated until they are), and the locale in every entry of content/glossary.yml with
// `accepted: []`, the renderings to decide first. An existing file or rendering is never overwritten.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { isMap, isScalar, isSeq, parseDocument, type YAMLMap } from "yaml";
import { GLOSSARY_FILE } from "../project/glossary.ts";
import type { LocaleMeta } from "../project/localeMeta.ts";
import { readProject, stopOnProblemIn, type Project } from "../project/readProject.ts";
import { SECTIONS_FILE } from "../project/sectionList.ts";
import { ContentError } from "../shared/contentError.ts";
import { isPlainObject } from "../shared/json.ts";
import { isLanguageTag, notALanguageTag } from "../shared/languageTag.ts";
import { parsePluralKey, pluralCategories, pluralGroups, pluralKey } from "../project/pluralKeys.ts";
import { decodeExact, removeFrontMatterLine, setFrontMatterLine, yamlScalar } from "./frontMatterEdit.ts";
import { snapshotFile, writeSnapshot } from "../project/sourceHistory.ts";
import { PRINT_FONTS, printFontsForLocale } from "../print/index.ts";

export interface ScaffoldOutcome {
  file: string;
  /** updated: the glossary, given the locale in this many entries. */
  result: "created" | "skipped" | "updated";
  terms?: number;
}

/** What Intl knows about a language: its own name, writing direction and usual digits. */
function localeMetaFromIntl(code: string): LocaleMeta {
  const locale = new Intl.Locale(code);
  // Node 20 has the `textInfo` getter; newer engines have getTextInfo() instead.
  const info = (locale as { textInfo?: { direction?: string }; getTextInfo?: () => { direction?: string } }).textInfo ?? (locale as { getTextInfo?: () => { direction?: string } }).getTextInfo?.();
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
function scaffoldStrings(source: Record<string, unknown>, code: string): Record<string, unknown> {
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
      const bare = removeFrontMatterLine(removeFrontMatterLine(english, "source", englishFile), "status", englishFile);
      // The copy records the English version it is (its text kept, as locale:mark keeps it): the check reports it as untranslated
      // until it is translated, and after an English edit shows what changed instead of taking the old English for a translation.
      const version = sourceLocale.sections.get(id)?.version;
      if (version !== undefined && !existsSync(join(root, snapshotFile(id, version)))) outcomes.push({ file: writeSnapshot(root, id, version, english), result: "created" });
      const marked = version === undefined ? bare : setFrontMatterLine(bare, "source", yamlScalar(version), englishFile);
      return setFrontMatterLine(marked, "status", "draft", englishFile);
    });
  }
  const glossary = scaffoldGlossary(project, code);
  if (glossary) outcomes.push(glossary);
  return outcomes;
}

/**
 * Gives `code` an undecided rendering,  <code>: { accepted: [] },  in every glossary entry that
 * has none, as the entry's last key; undefined when there is no glossary. The line goes into the
 * text as written (the yaml package finds where), so comments, quoting and spacing stay byte for
 * byte; an entry written as one flow map is edited through the document instead.
 */
export function scaffoldGlossary(project: Project, code: string): ScaffoldOutcome | undefined {
  const file = `content/${GLOSSARY_FILE}`;
  const path = join(project.root, file);
  if (!existsSync(path)) return undefined;
  // A broken glossary (the reader's problem) is reported as the check reports it, and not touched.
  stopOnProblemIn(project, file);
  const text = decodeExact(readFileSync(path));
  const doc = parseDocument(text);
  const entries = isSeq(doc.contents) ? (doc.contents.items as unknown[]).filter((item): item is YAMLMap => isMap(item)) : [];
  const missing = entries.filter((entry) => !entry.items.some((pair) => isScalar(pair.key) && String(pair.key.value) === code));
  if (missing.length === 0) return { file, result: "skipped" };
  const line = `${code}: { accepted: [] }`;
  let edited: string = text;
  let inPlace = true;
  // From the last entry back, so the offsets of the earlier ones still hold.
  for (const entry of [...missing].toReversed()) {
    const first = entry.items[0]?.key;
    const last = entry.items.at(-1)?.value ?? entry.items.at(-1)?.key;
    const lastRange = (last as { range?: [number, number, number] } | null)?.range;
    const firstRange = (first as { range?: [number, number, number] } | null)?.range;
    if (entry.flow || !lastRange || !firstRange) {
      inPlace = false;
      break;
    }
    const indent: number = firstRange[0] - (edited.lastIndexOf("\n", firstRange[0] - 1) + 1);
    // After the line the entry's last value ends on (with its comment); a block scalar's range
    // ends past its line break, so the end is the last character that is not space.
    let end = lastRange[1];
    while (end > 0 && /\s/.test(edited[end - 1]!)) end--;
    const lineEnd: number = edited.indexOf("\n", end);
    edited = lineEnd === -1 ? `${edited}\n${" ".repeat(indent)}${line}\n` : `${edited.slice(0, lineEnd)}\n${" ".repeat(indent)}${line}${edited.slice(lineEnd)}`;
  }
  const again = parseDocument(edited);
  const complete = again.errors.length === 0 && isSeq(again.contents) && again.contents.items.every((item) => !isMap(item) || item.has(code));
  if (!inPlace || !complete) {
    for (const entry of missing) entry.set(code, doc.createNode({ accepted: [] }, { flow: true }));
    edited = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  }
  writeFileSync(path, edited);
  return { file, result: "updated", terms: missing.length };
}

/** Installs npm packages (npm install, which adds them to package.json); false when it failed. Injected, so the tests install nothing. */
export type PackageInstaller = (packages: string[]) => boolean;

/**
 * Fonts follow locales: the print font packages the locales need that package.json does not list
 * are installed (npm install: a step the person runs, which says so, never a download during a
 * build), and the packages listed that no locale needs are named. Says each line as it happens
 * (the install's own output comes between); returns them all.
 */
export function addLocaleFonts(root: string, codes: readonly string[], install: PackageInstaller, say: (line: string) => void = () => {}): string[] {
  // A content folder without the project's package.json (a copy of content and locales only) has no packages to add.
  if (!existsSync(join(root, "package.json"))) return [];
  const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
  const listed = new Set(Object.keys({ ...manifest.dependencies, ...manifest.devDependencies }));
  const needed = new Map<string, { family: string; label: string; locales: string[] }>();
  for (const code of codes) {
    for (const font of printFontsForLocale(code)) {
      const entry = needed.get(font.npm) ?? { family: font.family, label: font.label, locales: [] };
      entry.locales.push(code);
      needed.set(font.npm, entry);
    }
  }
  const missing = [...needed].filter(([npm]) => !listed.has(npm));
  const lines: string[] = [];
  const push = (line: string) => {
    lines.push(line);
    say(line);
  };
  if (missing.length > 0) {
    for (const [npm, font] of missing) push(`→ the PDFs in ${font.locales.join(", ")} need the print font ${font.family} (${font.label}): installing it, npm install ${npm}`);
    const packages = missing.map(([npm]) => npm);
    if (install(packages)) push(`✓ installed ${packages.join(", ")} and added ${packages.length === 1 ? "it" : "them"} to package.json (commit package.json and package-lock.json with the locale)`);
    else push(`✗ npm install failed (see above)\n  → run it yourself: npm install ${packages.join(" ")}`);
  } else {
    push(`✓ print fonts for ${codes.join(", ")}: ${[...needed.values()].map((f) => f.family).join(", ")} (package.json lists them)`);
  }
  const unneeded = PRINT_FONTS.filter((font) => listed.has(font.npm) && !needed.has(font.npm)).map((font) => font.npm);
  if (unneeded.length > 0 && codes.length > 1) push(`– package.json lists ${unneeded.join(", ")}, which no locale needs: npm uninstall ${unneeded.join(" ")} makes the install smaller`);
  return lines;
}
