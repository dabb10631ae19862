// Writes an exchange file's translations back into content/<code>/*.md and locales/<code>/ui.json.
// Front matter keys, markdown structure and ::: lines come from the English (or from the
// translation where it already has the English structure: then only the text of a block changes
// and every other byte stays); only translated text comes from the file. A section whose every
// entry is translated and not fuzzy gets `source:` set to the English version it now follows.
// The file is untrusted: its locale code must name one of the project's translations, a
// translation may change words but never structure, and the files are written all or nothing,
// only when the check finds no error in them that was not there before.
import { existsSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import type { Section as SectionDoc } from "../../project/readProject.ts";
import { checkLocales, type Problem } from "../../check/index.ts";
import { readProject, sectionFromText, type Project } from "../../project/readProject.ts";
import { snapshotFile } from "../../project/sourceHistory.ts";
import { parseUiStrings } from "../../project/uiStrings.ts";
import { problemFromError } from "../../project/problems.ts";
import { ContentError } from "../../shared/contentError.ts";
import { MAX_FILE_BYTES } from "../../shared/readText.ts";
import { parsePluralKey, pluralCategories, pluralKey } from "../../project/pluralKeys.ts";
import { sectionVersion } from "../../project/sectionVersion.ts";
import { isPlainObject } from "../../shared/json.ts";
import { alignBlocks } from "../../project/align.ts";
import { readBlocks, type Block } from "../../project/blocks.ts";
import { parseSectionFile } from "../../project/sectionFile.ts";
import { decodeExact, linesOf, setFrontMatterLine, yamlScalar } from "../frontMatterEdit.ts";
import { replaceBlockText } from "./blockText.ts";
import { hasText, sectionContext, stringContext } from "./entries.ts";
import { changedSinceExport, recordImport } from "./importRecord.ts";
import type { ImportedFile, ImportedEntry } from "./types.ts";
import { pluralForms } from "./pluralForms.ts";
import { brokenTokens } from "./protect.ts";
import { shapeDifference, structureProblem } from "./structure.ts";
import { WriteFailure, writeAllOrNothing, type WriteOps } from "./writeAll.ts";

interface ImportProblem {
  /** Line in the imported file. */
  line: number;
  context: string;
  message: string;
  /** What to do, where it is not "copy the marker as the English has it". */
  hint?: string;
}

export type ImportOutcome =
  | { result: "refused"; reason: string; hint: string; files: string[] }
  | { result: "invalid"; problems: ImportProblem[] }
  /** The files would read, but the check would find errors in them that it does not find now. */
  | { result: "breaks-check"; code: string; errors: (Problem & { entry?: { context: string; line: number } })[] }
  | { result: "imported"; code: string; written: string[]; unchanged: number; marked: string[]; ignored: string[] };

export interface ImportOptions {
  force?: boolean;
  /** The file as the person named it, for messages. */
  file: string;
  /** For tests: file operations that fail midway. */
  writeOps?: WriteOps;
}

/** What a format calls its parts, so messages speak the translator's tool's words. */
export function formatWords(format: ImportedFile["format"]) {
  return format === "xliff"
    ? { entry: "unit", source: "<source>", target: "<target>", language: "target language (trgLang in XLIFF 2.0, target-language in 1.2)" }
    : { entry: "entry", source: "msgid", target: "msgstr", language: "Language: header" };
}

/** A tag Intl can read, in letters, digits and hyphens only: never a path. */
function readableTag(code: string): boolean {
  if (!/^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/.test(code)) return false;
  try {
    return Intl.getCanonicalLocales(code).length === 1;
  } catch {
    return false;
  }
}

/** The project's code for the file's locale: only a translation with a locales/<code>/ folder, matched without case. */
function targetLocale(project: Project, root: string, imported: ImportedFile, file: string): { code: string } | Extract<ImportOutcome, { result: "refused" }> {
  const source = project.campaign.sourceLocale;
  const words = formatWords(imported.format);
  const translations = project.locales
    .slice(1)
    .map((l) => l.code)
    .filter((code) => {
      try {
        return statSync(join(root, "locales", code)).isDirectory();
      } catch {
        return false;
      }
    });
  const list = translations.length > 0 ? `the project's translations: ${translations.join(", ")}` : "the project has no translation yet";
  const refuse = (reason: string, hint: string) => ({ result: "refused" as const, reason, hint, files: [] });
  const code = imported.code;
  const setIt = `set the ${words.language} to one of the project's translations, exactly as locale:export writes it`;
  if (!code) return refuse(`${file} names no locale (its ${words.language} is empty); ${list}`, `${setIt}, then import again`);
  const shown = JSON.stringify(code.length > 40 ? `${code.slice(0, 40)}…` : code);
  // gettext and Poedit write a region as fr_FR: the project's fr-FR if it has one, else say which header to set.
  const posix = /^([A-Za-z]{2,3})_([A-Za-z]{2}|\d{3})$/.exec(code);
  if (posix) {
    const tag = `${posix[1]}-${posix[2]}`;
    const same = translations.find((c) => c.toLowerCase() === tag.toLowerCase());
    if (same) return { code: same };
    const language = translations.find((c) => c.toLowerCase() === posix[1]!.toLowerCase());
    return refuse(
      `${file} is for ${shown}, gettext's spelling of ${tag}, which is not a locale of this project; ${list}`,
      language ? `set the ${words.language} to ${language}${imported.format === "po" ? " (in Poedit: Translation → Properties → Language)" : ""}, then import again` : `${setIt}, then import again`,
    );
  }
  if (!readableTag(code)) return refuse(`${file} is for ${shown}, which is not a language tag; ${list}`, `${setIt}, then import again`);
  if (code.toLowerCase() === source.toLowerCase()) return refuse(`${file} is for ${shown}, the source locale: the English is never imported; ${list}`, `${setIt}, then import again`);
  const match = translations.find((c) => c.toLowerCase() === code.toLowerCase());
  if (!match)
    return refuse(`${file} is for ${shown}, which is not a locale of this project; ${list}`, `to start a new translation: npm run locale:new -- <code>, then import again; otherwise ${setIt}`);
  return { code: match };
}

interface PendingWrite {
  file: string;
  text: string;
}

export function importLocale(root: string, imported: ImportedFile, options: ImportOptions): ImportOutcome {
  const project = readProject(root);
  const target = targetLocale(project, root, imported, options.file);
  if ("result" in target) return target;
  const code = target.code;
  const words = formatWords(imported.format);
  if (imported.entries.size === 0) {
    return {
      result: "refused",
      reason: `${options.file} holds no ${words.entry} to import`,
      hint: `export the locale with npm run locale:export -- ${code}${imported.format === "xliff" ? " --format xliff" : ""}, translate that file and import it`,
      files: [],
    };
  }
  const forms = pluralMismatch(imported, code);
  if (forms) return forms;
  if (!options.force) {
    if (imported.filesHash === undefined) {
      return {
        result: "refused",
        reason: `${options.file} does not say which state of the ${code} files it was exported from (no ${imported.format === "xliff" ? "x-locale-files unit" : "X-Locale-Files header"}: a platform's download, or a file exported by another tool)`,
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
  for (const entry of imported.entries.values()) {
    const bytes = entry.translation.reduce((n, t) => n + Buffer.byteLength(t), 0);
    if (bytes > MAX_FILE_BYTES) {
      problems.push({
        line: entry.line,
        context: entry.context,
        message: `the translation is ${(bytes / 1024 / 1024).toFixed(1)} MB; a whole section file is at most ${MAX_FILE_BYTES / 1024 / 1024} MB`,
        hint: `check that the ${words.target} of this ${words.entry} holds only the translation of its English (${words.source})`,
      });
    }
  }
  const categories = pluralCategories(code);
  for (const entry of imported.entries.values()) {
    if (!entry.plural) continue;
    const given = entry.translation.length;
    if (imported.format === "po" && entry.translation.some((t) => t !== "") && given !== categories.length) {
      problems.push({
        line: entry.line,
        context: entry.context,
        message: `the entry has ${given} plural forms (msgstr[0] to msgstr[${given - 1}]) where ${code} has ${categories.length} (${categories.join(", ")})`,
        hint: `give it exactly msgstr[0] to msgstr[${categories.length - 1}], one per form in that order (the header Plural-Forms: nplurals=${categories.length}; …), as locale:export writes it`,
      });
    }
    if (entry.unknownForms?.length) {
      problems.push({
        line: entry.line,
        context: entry.context,
        message: `the group has a translated unit for the plural form${entry.unknownForms.length === 1 ? "" : "s"} ${entry.unknownForms.join(", ")}, which ${code} does not use (${categories.join(", ")})`,
        hint: `translate the units ${categories.map((c) => `${entry.context}[${c}]`).join(", ")} as locale:export writes them`,
      });
    }
  }
  if (problems.length > 0) return { result: "invalid", problems };
  const writes: PendingWrite[] = [];
  const marked: string[] = [];
  const used = new Set<string>();
  let unchanged = 0;

  for (const id of project.sectionIds) {
    const en = english.sections.get(id);
    if (!en) continue;
    const outcome = importSection(root, id, en, locale?.sections.get(id), `content/${code}/${id}.md`, imported.entries, used, problems, words);
    if (!outcome) continue;
    if (outcome.text === undefined) unchanged++;
    else writes.push({ file: outcome.file, text: outcome.text });
    if (outcome.marked) marked.push(outcome.file);
  }
  const strings = importStrings(root, code, english.strings?.values, locale?.strings?.tree, imported.entries, used, problems, words);
  if (strings === undefined) unchanged++;
  else if (strings !== null) writes.push(strings);

  const ignored = [...imported.entries.keys()].filter((context) => !used.has(context));
  if (problems.length > 0) return { result: "invalid", problems: problems.toSorted((a, b) => a.line - b.line) };
  for (const write of writes) {
    const bytes = Buffer.byteLength(write.text);
    if (bytes > MAX_FILE_BYTES) {
      const entry = [...imported.entries.values()].filter((e) => used.has(e.context)).toSorted((a, b) => byteSize(b) - byteSize(a))[0];
      problems.push({
        line: entry?.line ?? 0,
        context: entry?.context ?? write.file,
        message: `with this translation ${write.file} would be ${(bytes / 1024 / 1024).toFixed(1)} MB; the project reads section files and ui.json of at most ${MAX_FILE_BYTES / 1024 / 1024} MB`,
        hint: "check that the translations are the right texts; split a very long section in the English first",
      });
    }
  }
  if (problems.length > 0) return { result: "invalid", problems };
  // The English versions the marked sections now follow, kept for later word diffs.
  for (const file of marked) {
    const id = file.replace(/^.*\/|\.md$/g, "");
    const en = english.sections.get(id)!;
    const snapshot = snapshotFile(id, sectionVersion({ title: en.title, kicker: en.kicker, body: en.body }));
    if (!existsSync(join(root, snapshot))) writes.push({ file: snapshot, text: decodeExact(readFileSync(join(root, en.file))) });
  }
  // Every path comes from the project's own code and section ids; held to their folders all the same.
  const allowed = [join("content", code), join("locales", code), join("content", ".versions")].map((dir) => resolve(root, dir) + sep);
  for (const write of writes) {
    const path = resolve(root, write.file);
    if (!allowed.some((dir) => path.startsWith(dir))) throw new Error(`import would write ${path}, outside content/${code}/ and locales/${code}/`);
  }

  const fileWrites = writes.filter((w) => !w.file.startsWith("content/.versions/"));
  if (fileWrites.length > 0) {
    const errors = newCheckErrors(project, code, fileWrites);
    if (errors.length > 0) {
      const writtenLines = new Map(fileWrites.map((w) => [w.file, w.text.split("\n")]));
      return { result: "breaks-check", code, errors: errors.map((error) => ({ ...error, ...entryOf(error, writtenLines, imported.entries) })) };
    }
  }
  try {
    writeAllOrNothing(
      writes.map((w) => ({ path: resolve(root, w.file), text: w.text })),
      options.writeOps,
    );
  } catch (error) {
    if (!(error instanceof WriteFailure)) throw error;
    throw new ContentError(
      { file: relative(root, error.path).split(sep).join("/") },
      `could not be written (${error.reason}), so nothing was imported: every file is as it was`,
      "make the place writable (or move what stands there aside), then import again",
    );
  }
  recordImport(root, code, imported.filesHash, imported.entries.values());
  return { result: "imported", code, written: fileWrites.map((w) => w.file), unchanged, marked, ignored };
}

const byteSize = (entry: ImportedEntry) => entry.translation.reduce((n, t) => n + Buffer.byteLength(t), 0);

/** A Plural-Forms header whose number of forms is not the locale's: the forms would land on the wrong categories. */
function pluralMismatch(imported: ImportedFile, code: string): Extract<ImportOutcome, { result: "refused" }> | undefined {
  if (imported.format !== "po" || imported.pluralForms === undefined) return undefined;
  let expected: string;
  try {
    expected = pluralForms(code).header;
  } catch {
    return undefined;
  }
  const count = (header: string) => /nplurals\s*=\s*(\d+)/.exec(header)?.[1];
  const given = count(imported.pluralForms);
  if (given === count(expected)) return undefined;
  return {
    result: "refused",
    reason: `the file's header "Plural-Forms: ${imported.pluralForms.trim()}" says ${given === undefined ? "no number of" : given} plural forms, but ${code} has ${count(expected)} (${pluralForms(code).categories.join(", ")}): the forms would land on the wrong numbers`,
    hint: `set the header to "Plural-Forms: ${expected}" (as locale:export writes it) and check each plural form's translation in your PO editor, then import again`,
    files: [],
  };
}

/** What to do about a token a translation lacks (copy it, the default) or adds: remove it, there is nothing to copy. */
function tokenHint(broken: string, words: ReturnType<typeof formatWords>): { hint?: string } {
  return broken.startsWith("has ") && broken.endsWith("which the English does not have")
    ? { hint: `remove it from the ${words.target}, or correct it where it misspells one the English (${words.source}) has: a translation adds no marker, link or address` }
    : {};
}

/**
 * The entry whose translation a check error points at, in the file as it would be written: the
 * one whose text stands on that line (a translator finds an entry, not a line of a file they never
 * saw). Undefined where no entry's text is on it (a block the English gained since the export).
 */
function entryOf(error: Problem, writtenLines: ReadonlyMap<string, readonly string[]>, entries: ReadonlyMap<string, ImportedEntry>): { entry?: { context: string; line: number } } {
  const line = error.line === undefined ? undefined : writtenLines.get(error.file)?.[error.line - 1];
  if (!line) return {};
  for (const entry of entries.values()) {
    const first = (entry.translation[0] ?? "").split("\n")[0]!.trim();
    if (first.length >= 8 && line.includes(first)) return { entry: { context: entry.context, line: entry.line } };
  }
  return {};
}

/** Check errors in the locale with the writes applied that the check does not report now (read in memory, nothing written). */
function newCheckErrors(project: Project, code: string, writes: PendingWrite[]): Problem[] {
  const key = (p: Problem) => `${p.file}\u0000${p.kind}\u0000${p.message}`;
  const errorsOf = (p: Project) => checkLocales(p, { locales: [code], diffs: false }).problems.filter((x) => x.locale === code && x.severity === "error");
  const before = new Map<string, number>();
  for (const problem of errorsOf(project)) before.set(key(problem), (before.get(key(problem)) ?? 0) + 1);
  const after = readProject(project.root);
  const locale = after.locales.find((l) => l.code === code)!;
  for (const write of writes) {
    locale.problems = locale.problems.filter((p) => p.file !== write.file);
    try {
      if (write.file === locale.stringsFile) {
        locale.strings = parseUiStrings(write.text, write.file);
        locale.stringsBroken = false;
      } else {
        const id = write.file.replace(/^.*\/|\.md$/g, "");
        locale.sections.set(id, sectionFromText(code, id, write.file, write.text));
        locale.brokenSections.delete(id);
      }
    } catch (error) {
      locale.problems.push(problemFromError(error, code));
    }
  }
  return errorsOf(after).filter((problem) => {
    const n = before.get(key(problem)) ?? 0;
    if (n > 0) before.set(key(problem), n - 1);
    return n === 0;
  });
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
  words: ReturnType<typeof formatWords>,
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
    const match =
      own?.source === english
        ? own
        : sectionEntries.find(
            (e) => e.source === english && !taken.has(e) && entries.get(e.context) === e && e.context !== context && !wantedTexts.some((w) => w.context === e.context && w.english === e.source),
          );
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
  const wanted = (entry: ImportedEntry | undefined, english: string, current: string, kind: Block["kind"] | "title"): string | undefined => {
    const text = entry?.translation[0] ?? "";
    if (!entry || text === "") {
      complete = false;
      return undefined;
    }
    anyTranslated = true;
    if (entry.fuzzy || entry.source !== english) complete = false;
    if (text === current) return undefined;
    for (const broken of brokenTokens(english, text)) problems.push({ line: entry.line, context: entry.context, message: `the translation ${broken}`, ...tokenHint(broken, words) });
    const shape = structureProblem(text, kind);
    if (shape) problems.push({ line: entry.line, context: entry.context, message: shape.message, hint: `${shape.hint} (in the ${words.target} of this ${words.entry}), then import again` });
    return shape ? undefined : text;
  };

  const lines = linesOf(raw);
  const replacements: { block: Block; index: number; text: string }[] = [];
  enBlocks.forEach((block, index) => {
    if (!hasText(block)) return;
    const text = wanted(blockEntries[index], block.markdown, base.blocks[index]!.markdown, block.kind);
    if (text !== undefined) replacements.push({ block: base.blocks[index]!, index, text });
  });
  for (const { block, text } of [...replacements].toSorted((a, b) => b.block.line - a.block.line)) replaceBlockText(lines, block, text);
  let text = lines.join("");
  const title = wanted(titleEntry, en.title, base.title, "title");
  if (title !== undefined) text = setFrontMatterLine(text, "title", yamlScalar(title), file);
  if (en.kicker !== undefined) {
    const kicker = wanted(kickerEntry, en.kicker, base.kicker ?? "", "title");
    if (kicker !== undefined) text = setFrontMatterLine(text, "kicker", yamlScalar(kicker), file);
  }
  // The spliced section read again as the project reads it: it must have the English's blocks.
  if (replacements.length > 0) {
    const blame = (index: number) => [...replacements].toReversed().find((r) => r.index <= index) ?? replacements[0]!;
    try {
      const { body, bodyLine } = parseSectionFile(text, file);
      const difference = shapeDifference(enBlocks, readBlocks(body, bodyLine));
      if (difference) {
        const entry = blockEntries[blame(difference.index).index]!;
        problems.push({
          line: entry.line,
          context: entry.context,
          message: `with this translation, ${difference.message}`,
          hint: `translate the words only and keep the ${words.entry}'s lines as the English (${words.source}) has them, then import again`,
        });
      }
    } catch (error) {
      const entry = blockEntries[replacements[0]!.index]!;
      problems.push({
        line: entry.line,
        context: entry.context,
        message: `with this translation, ${file} would not read: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`,
        hint: `translate the words only, then import again`,
      });
    }
  }
  if (!tr && !anyTranslated) return undefined; // nothing to create
  if (!sameShape) {
    text = setFrontMatterLine(text, "status", tr?.status ?? "draft", file);
    if (tr?.source) text = setFrontMatterLine(text, "source", yamlScalar(tr.source), file);
  }
  const version = sectionVersion({ title: en.title, kicker: en.kicker, body: en.body });
  const marked = complete && tr?.source !== version;
  if (complete) text = setFrontMatterLine(text, "source", yamlScalar(version), file);
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
  words: ReturnType<typeof formatWords>,
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
    const keyPath = key.split(".");
    let node: Record<string, unknown> = strings;
    for (const part of keyPath.slice(0, -1)) {
      if (!isPlainObject(node[part])) node[part] = {};
      node = node[part] as Record<string, unknown>;
    }
    const last = keyPath[keyPath.length - 1]!;
    if (node[last] === text) return;
    for (const broken of brokenTokens(englishText, text, missingAllowed)) problems.push({ line: entry.line, context: entry.context, message: `the translation of ${key} ${broken}`, ...tokenHint(broken, words) });
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
