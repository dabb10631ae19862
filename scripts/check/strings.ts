// UI strings (locales/<code>/ui.json) against the source locale's: missing and orphaned keys,
// plural forms for the locale's own plural rules, placeholders, and strings left in English.
import type { ProjectLocale } from "../project/readProject.ts";
import type { UiStrings } from "../project/uiStrings.ts";
import { addedTags, tagList, writtenAddresses } from "./blockRules.ts";
import { comparePlaceholders } from "./placeholders.ts";
import { parsePluralKey, pluralCategories, pluralGroups, pluralKey, type PluralCategory } from "../project/pluralKeys.ts";
import { severityOf } from "./severity.ts";
import type { Problem, ProblemKind, StringState } from "./types.ts";
import { untranslatedString } from "../project/translationState.ts";
import { needsTranslation } from "../project/untranslated.ts";

interface RequiredString {
  key: string;
  /** The English text this string translates (for a plural form: the matching English form, else `_other`). */
  english: string;
  category?: PluralCategory;
  ordinal?: boolean;
}

export interface StringsResult {
  problems: Problem[];
  states: Map<string, StringState>;
}

/** The keys a locale needs: the source's, with each plural group expanded to the locale's categories. */
export function requiredStrings(source: UiStrings, code: string): RequiredString[] {
  const groups = pluralGroups(source.values.keys());
  const required: RequiredString[] = [];
  const expanded = new Set<string>();
  for (const [key, value] of source.values) {
    const plural = parsePluralKey(key);
    const groupId = plural ? `${plural.base}${plural.ordinal ? "_ordinal" : ""}` : undefined;
    if (plural && groupId && groups.has(groupId)) {
      if (expanded.has(groupId)) continue;
      expanded.add(groupId);
      for (const category of pluralCategories(code, plural.ordinal)) {
        const own = source.values.get(pluralKey(plural.base, plural.ordinal, category));
        const other = source.values.get(pluralKey(plural.base, plural.ordinal, "other"));
        required.push({ key: pluralKey(plural.base, plural.ordinal, category), english: String(own ?? other ?? ""), category, ordinal: plural.ordinal });
      }
    } else {
      required.push({ key, english: typeof value === "string" ? value : "" });
    }
  }
  return required;
}

export function checkStrings(source: UiStrings, locale: ProjectLocale): StringsResult {
  const { code, complete, stringsFile: file } = locale;
  const problems: Problem[] = [];
  const states = new Map<string, StringState>();
  const required = requiredStrings(source, code);
  const add = (kind: ProblemKind, line: number | undefined, message: string, hint: string, severity = severityOf(kind, complete)) =>
    problems.push({ locale: code, file, ...(line !== undefined ? { line } : {}), severity, kind, message, hint });

  const strings = locale.strings;
  if (!strings) {
    for (const r of required) states.set(r.key, "missing");
    if (!locale.stringsBroken && required.length > 0) {
      add(
        "missing-string",
        undefined,
        `the UI strings file is missing: all ${required.length} strings (buttons, menus, notices) show in English`,
        `create it with: npm run locale:new -- ${code}  (it only adds missing files), then translate each text`,
      );
    }
    return { problems, states };
  }

  const lineOf = (key: string) => strings.lines.get(key) ?? parentLine(strings, key);
  const untranslated: { key: string; line: number | undefined }[] = [];
  // A string the translation has no form of at all was added to the English since: work to do.
  const present = new Set([...strings.values.keys()].map(baseOf));
  for (const r of required) {
    const value = strings.values.get(r.key);
    const line = lineOf(r.key);
    if (value === undefined) {
      states.set(r.key, "missing");
      if (strings.groups.has(r.key)) {
        add("wrong-shape", line, `"${r.key}" is a group of strings here, but a single text in English`, `replace the { … } group with one text: "${lastPart(r.key)}": "…" (English: "${r.english}")`);
        states.set(r.key, "problem");
        continue;
      }
      const what = r.category ? `the plural form "${r.category}"${formExamples(code, r.category, r.ordinal)} of "${baseOf(r.key)}"` : `"${r.key}"`;
      add(
        "missing-string",
        line,
        `missing ${what}`,
        `add "${lastPart(r.key)}": "…"${insideOf(r.key)} translating "${r.english}"`,
        present.has(baseOf(r.key)) ? severityOf("missing-string", complete) : "warning",
      );
      continue;
    }
    if (typeof value !== "string") {
      states.set(r.key, "problem");
      add("wrong-shape", line, `"${r.key}" must be a text in "double quotes", not ${describeJson(value)}`, `write it as "${lastPart(r.key)}": "…" (English: "${r.english}")`);
      continue;
    }
    if (!value.trim()) {
      states.set(r.key, "missing");
      add("missing-string", line, `"${r.key}" is empty`, `translate "${r.english}"`);
      continue;
    }
    // "one page", "two pages": a form for one number may spell it out instead of {{count}}.
    const optional = r.category && ["zero", "one", "two"].includes(r.category) ? new Set(["{{count}}"]) : undefined;
    const diff = comparePlaceholders(r.english, value, optional);
    if (diff.missing.length > 0 || diff.extra.length > 0) {
      states.set(r.key, "problem");
      const parts = [diff.missing.length ? `lacks ${diff.missing.join(", ")}` : "", diff.extra.length ? `has ${diff.extra.join(", ")}, which the English does not` : ""].filter(Boolean);
      add("placeholder", line, `"${r.key}" ${parts.join(" and ")}`, `copy each {{…}} and $t(…) exactly as the English has it ("${r.english}"); translate only the words around them`);
      continue;
    }
    // Nor HTML: the templates escape it, so every page would show the tag as text.
    const tags = addedTags(r.english, value);
    if (tags.length > 0) {
      states.set(r.key, "problem");
      const { tags: named, them } = tagList(tags);
      add("added-html", line, `"${r.key}" holds ${named}, which the English does not have: the page would show ${them} as text`, `remove it: the English is "${r.english}"`);
      continue;
    }
    // A UI string shows on every page: it may not add an address either (a fake "sign here" page).
    const added = writtenAddresses(value).filter((address) => !r.english.includes(address));
    if (added.length > 0) {
      states.set(r.key, "problem");
      add(
        "added-link",
        line,
        `"${r.key}" writes out ${added.length === 1 ? "the address" : "the addresses"} ${added.join(", ")}, which the English ("${r.english}") does not have: every page would show it to readers`,
        "remove it and keep only what the English says: a translation adds no address",
      );
      continue;
    }
    if (untranslatedString(value, r.english)) {
      states.set(r.key, "untranslated");
      untranslated.push({ key: r.key, line });
      continue;
    }
    states.set(r.key, "translated");
  }

  // What the summary counts as done from the start: strings with nothing to translate.
  const nothingToTranslate = required.filter((r) => !needsTranslation(r.english)).map((r) => r.english);
  const translatable = required.length - nothingToTranslate.length;
  if (untranslated.length > 1 && untranslated.length === translatable) {
    add(
      "untranslated",
      1,
      `none of the ${translatable} UI strings that need translating is translated yet (they are the English text${noTranslation(nothingToTranslate)})`,
      "translate the text after each colon; keep the keys before the colons and every {{…}} as they are",
    );
  } else {
    for (const { key, line } of untranslated) {
      add("untranslated", line, `"${key}" is still the English text`, "translate it; if it rightly stays the same in your language, leave it (this is only a warning)");
    }
  }

  // Orphans: keys and groups the English no longer has; a whole orphaned group is reported once.
  const wanted = new Set(required.map((r) => r.key));
  const reported = new Set<string>();
  const isUnder = (key: string) => [...reported].some((g) => key.startsWith(`${g}.`));
  for (const group of strings.groups) {
    if (isUnder(group)) continue;
    if (source.values.has(group)) {
      reported.add(group); // reported above, where the English text is required
    } else if (!source.groups.has(group)) {
      reported.add(group);
      add("orphan-string", lineOf(group), `the group "${group}" is not in the English strings any more`, "delete it (with everything inside it); if it was renamed, move your texts to the new keys");
    }
  }
  for (const key of strings.values.keys()) {
    if (wanted.has(key) || isUnder(key)) continue;
    const plural = parsePluralKey(key);
    const groupKnown = plural && wanted.has(pluralKey(plural.base, plural.ordinal, "other"));
    if (plural && groupKnown) {
      const language = languageName(code);
      add("orphan-string", lineOf(key), `"${key}": ${language} has no plural form "${plural.category}"`, `delete it; ${language} uses: ${pluralCategories(code, plural.ordinal).join(", ")}`);
    } else if (source.groups.has(key)) {
      add("wrong-shape", lineOf(key), `"${key}" is a single text here, but a group of strings in English`, `copy the group "${key}": { … } from ${source.file} and translate each text in it`);
    } else {
      add("orphan-string", lineOf(key), `"${key}" is not in the English strings any more`, "delete it; if it was renamed, move your text to the new key");
    }
  }
  return { problems, states };
}

function parentLine(strings: UiStrings, key: string): number | undefined {
  let path = key;
  while (path.includes(".")) {
    path = path.slice(0, path.lastIndexOf("."));
    const line = strings.lines.get(path);
    if (line !== undefined) return line;
  }
  return 1;
}

const lastPart = (key: string) => key.slice(key.lastIndexOf(".") + 1);
const baseOf = (key: string) => parsePluralKey(key)?.base ?? key;
const insideOf = (key: string) => (key.includes(".") ? ` inside "${key.slice(0, key.lastIndexOf("."))}": { … }` : "");

function describeJson(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list [ … ]";
  return `a ${typeof value} (${JSON.stringify(value)})`;
}

/** " (used for 3, 4, 5…)": numbers that take this plural form in the locale, to guide the translator. */
function formExamples(code: string, category: PluralCategory, ordinal = false): string {
  const rules = new Intl.PluralRules(code, { type: ordinal ? "ordinal" : "cardinal" });
  const samples: number[] = [];
  for (let n = 0; n <= 1000 && samples.length < 3; n++) if (rules.select(n) === category) samples.push(n);
  return samples.length ? ` (used for ${samples.join(", ")}${samples.length === 3 ? "…" : ""})` : "";
}

function languageName(code: string): string {
  try {
    return new Intl.DisplayNames(["en"], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The strings with nothing to translate, as the untranslated message mentions them. */
function noTranslation(english: string[]): string {
  if (english.length === 0) return "";
  return english.length === 1 ? `; one needs no translation: "${english[0]}"` : `; the other ${english.length} need no translation, such as "${english[0]}"`;
}
