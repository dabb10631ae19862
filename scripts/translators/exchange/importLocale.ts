// Writes an exchange file's translations back into content/<code>/*.md and locales/<code>/ui.json.
// Front matter keys, markdown structure and ::: lines come from the English (or from the
// translation where it already has the English structure: then only the text of a block changes
// and every other byte stays); only translated text comes from the file. A section whose every
// entry is translated and not fuzzy gets `source:` set to the English version it now follows.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parse as parseYaml } from "yaml";
import type { SectionDoc } from "../../check/sectionCheck.ts";
import { readProject } from "../../project/readProject.ts";
import { writeSnapshot } from "../../project/versionSnapshots.ts";
import { parsePluralKey, pluralKey } from "../../project/pluralKeys.ts";
import { sectionVersion } from "../../project/sectionVersion.ts";
import { isPlainObject } from "../../shared/json.ts";
import { alignBlocks } from "../../project/align.ts";
import { readBlocks, type Block } from "../../project/blocks.ts";
import { decodeExact, setFrontMatterLine } from "../frontMatterEdit.ts";
import { yamlText } from "../mark.ts";
import { linesOf, replaceBlockText } from "./blockText.ts";
import { hasText, sectionContext, stringContext } from "./entries.ts";
import { changedSinceExport, recordImport } from "./importRecord.ts";
import type { ImportedFile, ImportedEntry } from "./po.ts";
import { brokenTokens } from "./protect.ts";

export interface ImportProblem {
  /** Line in the imported file. */
  line: number;
  context: string;
  message: string;
}

export type ImportOutcome =
  | { result: "refused"; reason: string; hint: string; files: string[] }
  | { result: "invalid"; problems: ImportProblem[] }
  | { result: "imported"; written: string[]; unchanged: number; marked: string[]; ignored: string[] };

export interface ImportOptions {
  force?: boolean;
  /** The file as the person named it, for messages. */
  file: string;
}

interface PendingWrite {
  file: string;
  text: string;
}

export function importLocale(root: string, imported: ImportedFile, options: ImportOptions): ImportOutcome {
  const project = readProject(root);
  const sourceLocale = project.campaign.sourceLocale;
  const code = imported.code;
  if (!code || code === sourceLocale || !existsSync(join(root, "locales", code))) {
    return {
      result: "refused",
      reason: code ? (code === sourceLocale ? `the file is for "${code}", the source locale: the English is never imported` : `the file is for "${code}", which has no locales/${code}/ folder`) : "the file names no locale (its Language: header is empty)",
      hint: code && code !== sourceLocale ? `start the locale with npm run locale:new -- ${code}, then import again` : "set the Language: header to the locale's code (e.g. ar), as locale:export writes it",
      files: [],
    };
  }
  if (!options.force) {
    if (imported.filesHash === undefined) {
      return {
        result: "refused",
        reason: `${options.file} does not say which state of the ${code} files it was exported from (no X-Locale-Files header: a platform's download, or a file exported by another tool)`,
        hint: `commit or back up content/${code}/ and locales/${code}/ui.json, then import with --force: what the file translates replaces what the files say`,
        files: [],
      };
    }
    // Changes by an earlier import from this same export are not someone else's work.
    const changed = changedSinceExport(root, code, imported.filesHash);
    if (changed.length > 0) {
      return {
        result: "refused",
        reason: `the ${code} files changed since ${options.file} was exported: importing would overwrite those changes`,
        hint: `export again and carry your work over, or, if the changes may be replaced, import with --force (git diff shows what was lost)`,
        files: changed,
      };
    }
  }

  const english = project.locales[0]!;
  const locale = project.locales.find((l) => l.code === code);
  const problems: ImportProblem[] = [];
  const writes: PendingWrite[] = [];
  const marked: string[] = [];
  const used = new Set<string>();
  let unchanged = 0;

  for (const id of project.sectionIds) {
    const en = english.sections.get(id);
    if (!en) continue;
    const outcome = importSection(root, id, en, locale?.sections.get(id), `content/${code}/${id}.md`, imported.entries, used, problems);
    if (!outcome) continue;
    if (outcome.text === undefined) unchanged++;
    else writes.push({ file: outcome.file, text: outcome.text });
    if (outcome.marked) marked.push(outcome.file);
  }
  const strings = importStrings(root, code, english.strings?.values, locale?.strings?.tree, imported.entries, used, problems);
  if (strings === undefined) unchanged++;
  else if (strings !== null) writes.push(strings);

  const ignored = [...imported.entries.keys()].filter((context) => !used.has(context));
  if (problems.length > 0) return { result: "invalid", problems: problems.sort((a, b) => a.line - b.line) };
  for (const write of writes) {
    mkdirSync(dirname(join(root, write.file)), { recursive: true });
    writeFileSync(join(root, write.file), write.text);
  }
  for (const file of marked) {
    const id = file.replace(/^.*\/|\.md$/g, "");
    const en = english.sections.get(id)!;
    writeSnapshot(root, id, sectionVersion({ title: en.title, kicker: en.kicker, body: en.body }), decodeExact(readFileSync(join(root, en.file))));
  }
  recordImport(root, code, imported.filesHash, imported.entries.values());
  return { result: "imported", written: writes.map((w) => w.file), unchanged, marked, ignored };
}

/** A title or kicker as YAML text: bare where YAML reads it back unchanged, else double-quoted. */
function yamlScalar(text: string): string {
  try {
    if (!/[\n#]|^\s|\s$/.test(text) && parseYaml(`k: ${text}`)?.k === text) return text;
  } catch {}
  return JSON.stringify(text);
}

function importSection(
  root: string,
  id: string,
  en: SectionDoc,
  tr: SectionDoc | undefined,
  file: string,
  entries: Map<string, ImportedEntry>,
  used: Set<string>,
  problems: ImportProblem[],
): { file: string; text: string | undefined; marked: boolean } | undefined {
  const enBlocks = en.structure.blocks;
  // An entry belongs to the block whose English it carries (a paragraph the English gained since
  // the export shifts the block numbers); only an entry no current block claims that way falls
  // back to its own context, as a translation of an older English text.
  const sectionEntries = [...entries.values()].filter((e) => e.context.startsWith(`${id}/`));
  const wantedTexts: { context: string; english: string }[] = [
    { context: sectionContext(id, "title"), english: en.title },
    ...(en.kicker !== undefined ? [{ context: sectionContext(id, "kicker"), english: en.kicker }] : []),
    ...enBlocks.flatMap((block, index) => (hasText(block) ? [{ context: sectionContext(id, index), english: block.markdown }] : [])),
  ];
  const claimed = new Map<string, ImportedEntry>();
  const taken = new Set<ImportedEntry>();
  for (const { context, english } of wantedTexts) {
    const own = entries.get(context);
    const match = own?.source === english ? own : sectionEntries.find((e) => e.source === english && !taken.has(e) && entries.get(e.context) === e && e.context !== context && !wantedTexts.some((w) => w.context === e.context && w.english === e.source));
    if (match && !taken.has(match)) {
      claimed.set(context, match);
      taken.add(match);
    }
  }
  for (const { context } of wantedTexts) {
    const own = entries.get(context);
    if (!claimed.has(context) && own && !taken.has(own)) {
      claimed.set(context, own);
      taken.add(own);
    }
  }
  for (const entry of taken) used.add(entry.context);
  const mine = (context: string) => claimed.get(context);
  const titleEntry = mine(sectionContext(id, "title"));
  const kickerEntry = en.kicker !== undefined ? mine(sectionContext(id, "kicker")) : undefined;
  const blockEntries = enBlocks.map((block, index) => (hasText(block) ? mine(sectionContext(id, index)) : undefined));
  if (!titleEntry && !kickerEntry && blockEntries.every((e) => e === undefined)) return undefined; // not in this file

  // Where the translation has the English structure, edit it in place; otherwise start from the English file.
  const trBlocks = tr ? tr.structure.blocks : [];
  const sameShape = tr !== undefined && trBlocks.length === enBlocks.length && alignBlocks(enBlocks, trBlocks).pairs.every((p) => p.kind === "same");
  const raw = decodeExact(readFileSync(join(root, sameShape ? tr!.file : en.file)));
  const base: { blocks: Block[]; title: string; kicker: string | undefined } = sameShape
    ? { blocks: trBlocks, title: tr!.title, kicker: tr!.kicker }
    : { blocks: enBlocks, title: en.title, kicker: en.kicker };

  let complete = true;
  let anyTranslated = false;
  const wanted = (entry: ImportedEntry | undefined, english: string, current: string, multiline: boolean): string | undefined => {
    const text = entry?.translation[0] ?? "";
    if (!entry || text === "") {
      complete = false;
      return undefined;
    }
    anyTranslated = true;
    if (entry.fuzzy || entry.source !== english) complete = false;
    if (text === current) return undefined;
    for (const broken of brokenTokens(english, text)) problems.push({ line: entry.line, context: entry.context, message: `the translation ${broken}` });
    if (!multiline && text.includes("\n")) problems.push({ line: entry.line, context: entry.context, message: "the translation has a line break where the English is one line" });
    return text;
  };

  const lines = linesOf(raw);
  const replacements: { block: Block; text: string }[] = [];
  enBlocks.forEach((block, index) => {
    if (!hasText(block)) return;
    const text = wanted(blockEntries[index], block.markdown, base.blocks[index]!.markdown, block.kind === "paragraph" || block.kind === "item");
    if (text !== undefined) replacements.push({ block: base.blocks[index]!, text });
  });
  for (const { block, text } of replacements.sort((a, b) => b.block.line - a.block.line)) replaceBlockText(lines, block, text);
  let text = lines.join("");
  const title = wanted(titleEntry, en.title, base.title, false);
  if (title !== undefined) text = setFrontMatterLine(text, "title", yamlScalar(title), file);
  if (en.kicker !== undefined) {
    const kicker = wanted(kickerEntry, en.kicker, base.kicker ?? "", false);
    if (kicker !== undefined) text = setFrontMatterLine(text, "kicker", yamlScalar(kicker), file);
  }
  if (!tr && !anyTranslated) return undefined; // nothing to create
  if (!sameShape) {
    text = setFrontMatterLine(text, "status", tr?.status ?? "draft", file);
    if (tr?.source) text = setFrontMatterLine(text, "source", yamlText(tr.source), file);
  }
  const version = sectionVersion({ title: en.title, kicker: en.kicker, body: en.body });
  const marked = complete && tr?.source !== version;
  if (complete) text = setFrontMatterLine(text, "source", yamlText(version), file);
  const before = tr ? decodeExact(readFileSync(join(root, tr.file))) : undefined;
  return { file, text: text === before ? undefined : text, marked };
}

/** null: nothing of ui.json in the file; undefined: unchanged. */
function importStrings(
  root: string,
  code: string,
  english: Map<string, unknown> | undefined,
  /** ui.json as the project reader parsed it (undefined: absent or broken). */
  current: Record<string, unknown> | undefined,
  entries: Map<string, ImportedEntry>,
  used: Set<string>,
  problems: ImportProblem[],
): PendingWrite | undefined | null {
  if (!english) return null;
  const file = `locales/${code}/ui.json`;
  const path = join(root, file);
  // The exact text only for its indentation: the strings themselves are the project's.
  const before = existsSync(path) ? decodeExact(readFileSync(path)) : undefined;
  const strings: Record<string, unknown> = current ? structuredClone(current) : {};
  let any = false;
  let changed = false;
  const set = (key: string, text: string, englishText: string, entry: ImportedEntry, missingAllowed = false) => {
    const path = key.split(".");
    let node: Record<string, unknown> = strings;
    for (const part of path.slice(0, -1)) {
      if (!isPlainObject(node[part])) node[part] = {};
      node = node[part] as Record<string, unknown>;
    }
    const last = path[path.length - 1]!;
    if (node[last] === text) return;
    for (const broken of brokenTokens(englishText, text, missingAllowed)) problems.push({ line: entry.line, context: entry.context, message: `the translation of ${key} ${broken}` });
    node[last] = text;
    changed = true;
  };
  const done = new Set<string>();
  for (const [key, englishValue] of english) {
    if (typeof englishValue !== "string") continue;
    const plural = parsePluralKey(key);
    const base = plural && !plural.ordinal ? plural.base : undefined;
    const entry = base !== undefined && entries.has(stringContext(base)) ? entries.get(stringContext(base)) : entries.get(stringContext(key));
    if (!entry) continue;
    used.add(entry.context);
    any = true;
    if (entry.context === stringContext(key)) {
      if (entry.translation[0]) set(key, entry.translation[0], englishValue, entry);
    } else if (base !== undefined && !done.has(base)) {
      done.add(base);
      const categories = new Intl.PluralRules(code).resolvedOptions().pluralCategories;
      const ordered = (["zero", "one", "two", "few", "many", "other"] as const).filter((c) => categories.includes(c));
      const englishOther = String(english.get(pluralKey(base, false, "other")) ?? englishValue);
      ordered.forEach((category, i) => {
        const text = entry.translation[i];
        if (text) set(pluralKey(base, false, category), text, englishOther, entry, category !== "other");
      });
    }
  }
  if (!any) return null;
  if (!changed) return undefined;
  const indent = /\n([ \t]+)"/.exec(before ?? "")?.[1] ?? "  ";
  return { file, text: `${JSON.stringify(strings, null, indent)}\n` };
}
