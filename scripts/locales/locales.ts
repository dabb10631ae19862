// Discovers the locales (one folder each under locales/) and reads their metadata and
// UI strings. Adding a locale is adding a folder: no code changes.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { ContentError } from "../content/errors.ts";
import { displayPath } from "../content/readText.ts";
import { readJson } from "./json.ts";
import { parseExpansion } from "../project/expansion.ts";

export type Direction = "ltr" | "rtl";

export interface LocaleMeta {
  code: string;
  /** The locale's name in its own language. */
  name: string;
  dir: Direction;
  /** Digits for numbers the site formats (Intl numbering system, e.g. latn, arab). */
  numberingSystem: string;
  /** A complete locale is held to every check; until then missing sections fall back to English. */
  complete: boolean;
}

export interface Locale extends LocaleMeta {
  /** UI strings (i18next JSON v4), from locales/<code>/ui.json. */
  strings: Record<string, unknown>;
  metaFile: string;
  stringsFile: string;
}

export const META_FILE = "locale.json";
export const STRINGS_FILE = "ui.json";

export function isValidLocaleCode(code: string): boolean {
  try {
    const [canonical] = Intl.getCanonicalLocales(code);
    return canonical === code && /^[A-Za-z0-9-]+$/.test(code);
  } catch {
    return false;
  }
}

export function discoverLocaleCodes(localesDir: string): string[] {
  if (!existsSync(localesDir)) {
    throw new ContentError({ file: displayPath(localesDir) }, "the locales folder is missing", "restore locales/ with at least the source locale (en)");
  }
  const codes: string[] = [];
  for (const name of readdirSync(localesDir).sort()) {
    const path = join(localesDir, name);
    if (name.startsWith(".") || !statSync(path).isDirectory()) continue;
    if (!isValidLocaleCode(name)) {
      let suggestion = "";
      try {
        suggestion = ` (did you mean "${Intl.getCanonicalLocales(name)[0]}"?)`;
      } catch {}
      throw new ContentError(
        { file: displayPath(path) },
        `"${name}" is not a valid language tag${suggestion}`,
        "name the folder with a BCP 47 language tag such as fr, ar, pt-BR or zh-Hant",
      );
    }
    codes.push(name);
  }
  return codes;
}

export function loadLocale(localesDir: string, code: string): Locale {
  const metaPath = join(localesDir, code, META_FILE);
  const stringsPath = join(localesDir, code, STRINGS_FILE);
  const metaFile = displayPath(metaPath);
  const stringsFile = displayPath(stringsPath);
  if (!existsSync(metaPath)) {
    throw new ContentError({ file: metaFile }, "the locale has no metadata file", `create it, or scaffold the locale with: npm run locale:new -- ${code}`);
  }
  const meta = parseMeta(readJson(metaPath, metaFile), code, metaFile);
  let strings: Record<string, unknown> = {};
  if (existsSync(stringsPath)) {
    const parsed = readJson(stringsPath, stringsFile);
    if (!isPlainObject(parsed)) {
      throw new ContentError({ file: stringsFile, line: 1 }, "UI strings must be a JSON object of \"key\": \"text\" pairs", "start the file with { and end it with }");
    }
    strings = parsed;
  }
  return { ...meta, strings, metaFile, stringsFile };
}

function parseMeta(value: unknown, code: string, file: string): LocaleMeta {
  const fail = (problem: string, hint: string): never => {
    throw new ContentError({ file }, problem, hint);
  };
  if (!isPlainObject(value)) return fail("the locale metadata must be a JSON object", 'write it as { "name": …, "dir": …, "numberingSystem": …, "complete": … }');
  const allowed = ["name", "dir", "numberingSystem", "complete", "expansion"];
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) fail(`unknown key "${key}"`, `remove it; the metadata keys are: ${allowed.join(", ")}`);
  }
  const { name, dir, numberingSystem, complete } = value;
  if (typeof name !== "string" || !name.trim()) fail('"name" is missing', "give the language's name in the language itself, e.g. \"العربية\" or \"Français\"");
  if (dir !== "ltr" && dir !== "rtl") fail('"dir" must be "ltr" or "rtl"', "use rtl for Arabic, Hebrew, Persian, Urdu…; ltr otherwise");
  if (typeof numberingSystem !== "string" || !isNumberingSystem(numberingSystem)) {
    fail(`"numberingSystem" is not a numbering system: ${JSON.stringify(numberingSystem)}`, 'use "latn" for 0-9, or e.g. "arab" for ٠-٩');
  }
  if (typeof complete !== "boolean") fail('"complete" must be true or false', "set it to true only when every section and string is translated");
  // Read by the translators' check (how long a translated paragraph usually is); validated here too.
  const expansion = value.expansion === undefined ? undefined : parseExpansion(value.expansion);
  if (expansion && "problem" in expansion) fail(expansion.problem, expansion.hint);
  return { code, name: (name as string).trim(), dir: dir as Direction, numberingSystem: numberingSystem as string, complete: complete as boolean };
}

function isNumberingSystem(value: string): boolean {
  try {
    return new Intl.NumberFormat("en", { numberingSystem: value }).resolvedOptions().numberingSystem === value;
  } catch {
    return false;
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
