// The one reader: campaign.yml, content/sections.yml, content/documents.yml, and every locale's
// locale.json, ui.json and section files, each file read and parsed once into one typed
// `Project`. A file that fails becomes a problem and the rest are still read: one broken file
// never hides the others. The site model, the check and the translators' tools are views of
// this value; none of them reads these files again.
import { createHash } from "node:crypto";
import { existsSync, lstatSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { cacheBypassed, FileRecords, pathStamp, racyFrom, stampSettled } from "../shared/contentCache.ts";
import { ContentError } from "../shared/contentError.ts";
import { isLanguageTag, notALanguageTag } from "../shared/languageTag.ts";
import { readText, SYMBOLIC_LINK, SYMBOLIC_LINK_HINT } from "../shared/readText.ts";
import { readBlocks, type SectionBlocks } from "./blocks.ts";
import { CAMPAIGN_DEFAULTS, loadCampaign, type Campaign } from "./campaign.ts";
import { DOCUMENTS_FILE, loadDocumentPlan, type DocumentPlan } from "./documentList.ts";
import { GLOSSARY_FILE, loadGlossary, type Glossary } from "./glossary.ts";
import { defaultExpansion, type Expansion } from "./expansion.ts";
import { defaultPaperFamily, type PaperFamily } from "./paperFamily.ts";
import { META_FILE, parseLocaleMeta, type Direction, type Exchange } from "./localeMeta.ts";
import { problemAsError, problemFromError, type FileProblem } from "./problems.ts";
import { readerIdentity } from "./readerIdentity.ts";
import { parseSectionFile, type SectionFrontMatter, type SectionStatus } from "./sectionFile.ts";
import { readSectionListWithLines, SECTION_ID, SECTIONS_FILE } from "./sectionList.ts";
import { sectionVersion } from "./sectionVersion.ts";
import { duplicateKeyError, parseUiStrings, STRINGS_FILE, type UiStrings } from "./uiStrings.ts";

export interface Section {
  id: string;
  locale: string;
  /** Path relative to the project root, as shown to people. */
  file: string;
  title: string;
  kicker: string | undefined;
  /** Version (hash) of the English section this translation was made from. */
  source: string | undefined;
  status: SectionStatus | undefined;
  /** 1-based line of each front matter key, for messages. */
  keyLines: Partial<Record<keyof SectionFrontMatter, number>>;
  /** The markdown after the front matter (read from the file on first use where the file is unchanged since a run recorded it). */
  readonly body: string;
  /** 1-based line in the file where the body starts. */
  bodyLine: number;
  /** A hash of the file's whole text: what a cache keys the section by. */
  readonly hash: string;
  /** Short hash of title, kicker and body (computed on first use: the site never needs it). */
  readonly version: string;
  /** The body's blocks and markup problems (scripts/project/blocks.ts), worked out on first use. */
  readonly structure: SectionBlocks;
}

export interface ProjectLocale {
  code: string;
  /** From locale.json; where it is missing or broken: the code, ltr, latn, not complete. */
  name: string;
  dir: Direction;
  numberingSystem: string;
  complete: boolean;
  /** Usual length of a translated paragraph over the English one: "expansion" in locale.json, or the language's default. */
  expansion: Expansion;
  /** "exchange" in locale.json: translated through PO or XLIFF files rather than the markdown. */
  exchange?: Exchange;
  /** "glossary" in locale.json: a block without the glossary's rendering is an error, or a warning (the default). */
  glossary?: "error" | "warning";
  /** The paper family its readers most likely have: "paper" in locale.json, or its region's (paperFamily.ts). */
  paper: PaperFamily;
  metaFile: string;
  stringsFile: string;
  /** undefined when ui.json is absent or does not parse. */
  strings: UiStrings | undefined;
  stringsBroken: boolean;
  /** Every section file that parses, listed in sections.yml or not, by id. */
  sections: Map<string, Section>;
  /** Section ids whose file exists but does not parse. */
  brokenSections: Set<string>;
  /** Problems with this locale's own files. */
  problems: FileProblem[];
}

export interface Project {
  root: string;
  campaign: Campaign;
  /** content/sections.yml: the sections in reading order (empty when it does not parse). */
  sectionIds: string[];
  /**
   * content/documents.yml: what each printed document takes (the site and print use it; the check
   * reports its problem, unless the project has no such file at all, which is the build's to refuse).
   */
  documents: { plan: DocumentPlan; problem?: undefined; absent?: undefined } | { plan?: undefined; problem: FileProblem | undefined; absent?: boolean };
  /** content/glossary.yml: the key terms and their renderings (empty when absent or broken; only the check and the exchange use it). */
  glossary: Glossary;
  /** Every locale with a folder under locales/ or content/: the source locale first, then by code. */
  locales: ProjectLocale[];
  /** Problems that belong to no single locale's files (campaign.yml, sections.yml, folder names). */
  problems: FileProblem[];
}

/** Files content/ may hold besides one folder per locale. */
const CONTENT_FILES = new Set(["README.md", "sections.yml", DOCUMENTS_FILE, GLOSSARY_FILE]);

/**
 * The sections an earlier reading in this process made, by file and stamp (npm start): a file
 * whose stamp is unchanged (and settled) gives the same Section again, with what it already worked
 * out (its text, blocks and version). The section records stay in memory between readings too.
 */
export class LiveSections {
  /** This reading's sections, and the last reading's (a file gone since is forgotten with it). */
  private known = new Map<string, { stamp: string; section: Section }>();
  private previous = new Map<string, { stamp: string; section: Section }>();
  private records: SectionRecords | undefined;
  private racyFrom = racyFrom();

  /** A reading starts now: a file changed since 2 s before is read, and not kept. */
  start(): void {
    this.racyFrom = racyFrom();
    this.records?.restart();
    this.previous = this.known;
    this.known = new Map();
  }

  /** The section records of `root`, read once. */
  recordsOf(root: string): SectionRecords {
    this.records ??= sectionRecords(root, undefined);
    return this.records;
  }

  get(path: string, stamp: string): Section | undefined {
    const known = this.previous.get(path);
    if (known?.stamp !== stamp) return undefined;
    this.known.set(path, known);
    return known.section;
  }

  set(path: string, stamp: string, section: Section): void {
    if (stampSettled(stamp, this.racyFrom)) this.known.set(path, { stamp, section });
    else this.known.delete(path);
  }
}

/**
 * `cache: false`: the parsed glossary and the section files' records are neither read from nor
 * kept in .cache/ (npm run check --no-cache). `stamps`: the section files' stamps by path, taken
 * earlier in the run before any was read (a run record's), so they are not statted again.
 * `live`: the sections of this process's earlier readings, reused where their file is unchanged (npm start).
 */
export function readProject(root: string, { cache = true, stamps, live }: { cache?: boolean; stamps?: ReadonlyMap<string, string>; live?: LiveSections } = {}): Project {
  live?.start();
  const records = cache && !cacheBypassed() ? (live?.recordsOf(root) ?? sectionRecords(root, stamps)) : undefined;
  const problems: FileProblem[] = [];
  let campaign = CAMPAIGN_DEFAULTS;
  try {
    campaign = loadCampaign(root);
  } catch (error) {
    problems.push(problemFromError(error, CAMPAIGN_DEFAULTS.sourceLocale));
  }
  const source = campaign.sourceLocale;
  let sectionIds: string[] = [];
  let sectionLines: number[] = [];
  try {
    ({ ids: sectionIds, lines: sectionLines } = readSectionListWithLines(root));
  } catch (error) {
    problems.push(problemFromError(error, source));
  }
  let documents: Project["documents"] = { problem: undefined };
  if (sectionIds.length > 0) {
    try {
      documents = { plan: loadDocumentPlan(join(root, "content"), sectionIds, root) };
    } catch (error) {
      documents = { problem: problemFromError(error, source), absent: !existsSync(join(root, "content", DOCUMENTS_FILE)) };
    }
  }
  let glossary: Glossary = { file: `content/${GLOSSARY_FILE}`, entries: [] };
  try {
    glossary = loadGlossary(join(root, "content"), root, { cache });
  } catch (error) {
    // The site does not use the glossary: the check holds a broken one against the project.
    problems.push({ ...problemFromError(error, source), siteBuilds: true });
  }

  const codes = new Set<string>();
  /** Locale folders that are symbolic links (reported below): nothing is read through them. */
  const linked = new Set<string>();
  if (!existsSync(join(root, "locales"))) {
    problems.push(folderProblem(source, "locales", "the locales folder is missing", `restore locales/ with at least the source locale (${source})`));
  } else if (!existsSync(join(root, "locales", source))) {
    problems.push(folderProblem(source, "locales/", `the source locale "${source}" has no folder`, `add locales/${source}/, or set sourceLocale in campaign.yml`));
  }
  for (const folder of ["locales", "content"]) {
    const dir = join(root, folder);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).toSorted()) {
      if (name.startsWith(".")) continue;
      if (lstatSync(join(dir, name)).isSymbolicLink()) {
        // Nothing is read through a link. A file the reader reads (content/sections.yml…) is refused where it is read (readText); any other link here, to a folder, a file or nothing, is refused now.
        linked.add(`${folder}/${name}`);
        if (folder === "content" && CONTENT_FILES.has(name)) continue;
        const target = statSync(join(dir, name), { throwIfNoEntry: false })?.isDirectory() ? "not a folder" : "not a file";
        problems.push({ locale: isLanguageTag(name) ? name : source, file: `${folder}/${name}`, severity: "error", kind: "parse", message: SYMBOLIC_LINK.replace("not a file", target), hint: SYMBOLIC_LINK_HINT });
        continue;
      }
      if (!statSync(join(dir, name)).isDirectory()) {
        if (folder === "content" && !CONTENT_FILES.has(name)) {
          problems.push({
            locale: source,
            file: `content/${name}`,
            severity: "error",
            kind: "parse",
            message: "a file in the wrong folder: section files belong in content/<locale>/",
            hint: `move it to content/<locale>/${name} (for example content/${source}/${name})`,
          });
        }
        continue;
      }
      if (isLanguageTag(name)) {
        codes.add(name);
        continue;
      }
      problems.push({
        locale: name,
        file: `${folder}/${name}`,
        severity: "error",
        kind: "parse",
        message: notALanguageTag(name),
        hint: "name the folder with a BCP 47 language tag such as fr, ar, pt-BR or zh-Hant (the same in locales/ and content/)",
      });
    }
  }
  codes.delete(source);
  const ordered = [source, ...[...codes].toSorted((a, b) => a.localeCompare(b))];
  const locales = ordered.map((code) => readLocale(root, code, code === source, records, live, linked));
  records?.save();
  const sourceLocale = locales[0]!;
  const hasFile = (id: string) => sourceLocale.sections.has(id) || sourceLocale.brokenSections.has(id);
  // A listed id with no English file is most often a typo in the list: reported at its line there,
  // with the English files the list leaves out (the one meant is likely among them).
  const listed = new Set(sectionIds);
  const unlisted = [...sourceLocale.sections.keys(), ...sourceLocale.brokenSections].filter((id) => !listed.has(id)).toSorted();
  const among = unlisted.length === 0 ? "" : ` (content/${source}/ has ${unlisted.map((id) => `${id}.md`).join(", ")}, which ${unlisted.length === 1 ? "is" : "are"} not listed)`;
  sectionIds.forEach((id, i) => {
    if (hasFile(id)) return;
    sourceLocale.problems.push({
      locale: source,
      file: SECTIONS_FILE,
      line: sectionLines[i],
      severity: "error",
      kind: "missing-section",
      message: `the section "${id}" is listed here, but content/${source}/${id}.md does not exist`,
      hint: `fix the id if it is misspelt${among}, or create content/${source}/${id}.md`,
    });
  });
  return { root, campaign, sectionIds, documents, glossary, locales, problems };
}

/** Every problem the reader found: the project's, then each locale's (source first). */
export function readingProblems(project: Project): FileProblem[] {
  return [...project.problems, ...project.locales.flatMap((l) => l.problems)];
}

/**
 * Throws the reader's problem with one of these files, worded as the reader words it. A listed
 * section with no English file (reported at its line of content/sections.yml) stops nothing: the
 * commands skip that section, or refuse it when it is the one asked for.
 */
export function stopOnProblemIn(project: Project, ...files: string[]): void {
  const problem = readingProblems(project).find((p) => files.includes(p.file) && p.kind !== "missing-section");
  if (problem) throw problemAsError(problem);
}

function folderProblem(locale: string, file: string, message: string, hint: string): FileProblem {
  return { locale, file, severity: "error", kind: "locale", message, hint };
}

function readLocale(root: string, code: string, isSource: boolean, records: SectionRecords | undefined, live: LiveSections | undefined, linked: ReadonlySet<string>): ProjectLocale {
  const problems: FileProblem[] = [];
  const metaFile = `locales/${code}/${META_FILE}`;
  const stringsFile = `locales/${code}/${STRINGS_FILE}`;
  const locale: ProjectLocale = {
    code,
    name: code,
    dir: "ltr",
    numberingSystem: "latn",
    complete: false,
    expansion: defaultExpansion(code),
    paper: defaultPaperFamily(code),
    metaFile,
    stringsFile,
    strings: undefined,
    stringsBroken: false,
    sections: new Map(),
    brokenSections: new Set(),
    problems,
  };
  const fail = (error: unknown) => problems.push(problemFromError(error, code));

  const hasFolder = existsSync(join(root, "locales", code));
  // A locale folder that is a link is reported by readProject; nothing is read through it.
  const localeFolderRead = !linked.has(`locales/${code}`);
  const contentFolderRead = !linked.has(`content/${code}`);
  if (localeFolderRead && existsSync(join(root, metaFile))) {
    try {
      Object.assign(locale, parseLocaleMeta(readText(join(root, metaFile), root), metaFile));
    } catch (error) {
      fail(error);
    }
  } else if (hasFolder || !isSource) {
    // (A source locale with no folder at all is reported once, for the whole project.)
    problems.push({
      locale: code,
      file: hasFolder ? metaFile : `content/${code}`,
      severity: "error",
      kind: "locale",
      message: hasFolder ? "the locale has no locale.json" : `content for a locale "${code}" that has no folder locales/${code}/`,
      hint: `add the missing files with: npm run locale:new -- ${code}  (it never overwrites a file), or rename the folder to an existing locale code`,
    });
  }

  if (localeFolderRead && existsSync(join(root, stringsFile))) {
    try {
      locale.strings = parseUiStrings(readText(join(root, stringsFile), root), stringsFile);
      const duplicate = duplicateKeyError(locale.strings);
      // JSON keeps the last of two equal keys, so the site still builds; the check reports it.
      if (duplicate) problems.push({ ...problemFromError(duplicate, code), siteBuilds: true });
    } catch (error) {
      locale.stringsBroken = true;
      fail(error);
    }
  }

  const dir = join(root, "content", code);
  if (contentFolderRead && existsSync(dir)) {
    for (const entry of readdirSync(dir, { withFileTypes: true }).toSorted((a, b) => (a.name < b.name ? -1 : 1))) {
      const name = entry.name;
      if (name.startsWith(".")) continue;
      const file = `content/${code}/${name}`;
      const id = name.replace(/\.md$/, "");
      try {
        if (entry.isDirectory()) {
          throw new ContentError({ file }, "a folder inside a locale's content folder", `section files sit directly in content/${code}/; move the files up and remove the folder`);
        }
        if (!name.endsWith(".md") || !SECTION_ID.test(id)) {
          throw new ContentError(
            { file },
            `"${name}" is not a section file name`,
            "name section files <section-id>.md with lower-case letters a-z, digits and hyphens, as listed in content/sections.yml",
          );
        }
        locale.sections.set(id, readSection(root, code, id, file, records, live));
      } catch (error) {
        if (SECTION_ID.test(id)) locale.brokenSections.add(id);
        fail(error);
      }
    }
  }
  return locale;
}

function readSection(root: string, code: string, id: string, file: string, records?: SectionRecords, live?: LiveSections): Section {
  const path = join(root, file);
  // Stamped before the file is read, so that an edit while it is read shows next time.
  const stamp = live || records ? (records?.stampOf(path) ?? pathStamp(path)) : undefined;
  const known = live?.get(path, stamp!);
  if (known) return known;
  let section: Section;
  const record = records?.look(path, stamp!);
  if (record) {
    section = recordedSection(code, id, file, record.hash, record.value, () => readSection(root, code, id, file));
  } else {
    section = sectionFromText(code, id, file, readText(path, root));
    const { title, kicker, source, status, keyLines, bodyLine } = section;
    records?.keep(path, stamp!, section.hash, { title, kicker, source, status, keyLines, bodyLine });
  }
  live?.set(path, stamp!, section);
  return section;
}

/** A section file's text read as the reader reads it (import checks a file this way before writing it). */
export function sectionFromText(code: string, id: string, file: string, text: string): Section {
  const { frontMatter, body, bodyLine, keyLines } = parseSectionFile(text, file);
  const { title, kicker, source, status } = frontMatter;
  let version: string | undefined;
  let structure: SectionBlocks | undefined;
  let hash: string | undefined;
  return {
    id,
    locale: code,
    file,
    title,
    kicker,
    source,
    status,
    keyLines,
    body,
    bodyLine,
    get hash() {
      hash ??= textHash(text);
      return hash;
    },
    get version() {
      version ??= sectionVersion({ title, kicker, body });
      return version;
    },
    get structure() {
      structure ??= readBlocks(body, bodyLine);
      return structure;
    },
  };
}

/** What a section file's record keeps: its front matter and where the body starts. */
type SectionHead = Pick<Section, "title" | "kicker" | "source" | "status" | "keyLines" | "bodyLine">;
type SectionRecords = FileRecords<SectionHead>;

/** Each section file's head and hash by its stat (.cache/reader/sections.json): an unchanged file is not read unless its text is wanted. */
function sectionRecords(root: string, stamps: ReadonlyMap<string, string> | undefined): SectionRecords {
  const wellFormed = (value: unknown): value is SectionHead => {
    const head = value as Partial<SectionHead> | null;
    const text = (v: unknown) => v === undefined || typeof v === "string";
    return head !== null && typeof head === "object" && typeof head.title === "string" && text(head.kicker) && text(head.source) && text(head.status) && typeof head.bodyLine === "number" && typeof head.keyLines === "object" && head.keyLines !== null;
  };
  return new FileRecords(join(root, ".cache", "reader", "sections.json"), readerIdentity(), wellFormed, Date.now(), stamps);
}

/** A section as recorded: its head now, its text read (by the one reader, once) when the body, version or blocks are first asked for. */
function recordedSection(code: string, id: string, file: string, hash: string, head: SectionHead, read: () => Section): Section {
  let whole: Section | undefined;
  const text = () => (whole ??= read());
  const { title, kicker, source, status, keyLines, bodyLine } = head;
  return {
    id,
    locale: code,
    file,
    title,
    kicker,
    source,
    status,
    keyLines,
    bodyLine,
    hash,
    get body() {
      return text().body;
    },
    get version() {
      return text().version;
    },
    get structure() {
      return text().structure;
    },
  };
}

/** A text's hash as its code units (UTF-16LE): the bytes the string already is, with nothing to encode. */
function textHash(text: string): string {
  return createHash("sha256").update(text, "utf16le").digest("hex");
}
