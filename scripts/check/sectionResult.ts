// One translated section's part of the check, whole: the section rules' state and problems, its
// blocks against the glossary, the forbidden renderings in it and the blocks that render the
// English's repeated ones (for the consistency rule). Kept in .cache/check/<locale>.json under a key
// made of everything it is computed from, so an unchanged section is neither read into blocks nor aligned.
import { join, resolve } from "node:path";
import { readBlocks } from "../project/blocks.ts";
import type { ProjectLocale, Section } from "../project/readProject.ts";
import type { SectionState as TranslationStateOf, TranslationState } from "../project/translationState.ts";
import { cacheBypassed, codeIdentity, JsonPack } from "../shared/contentCache.ts";
import { findRepeats, renderingsOf, repeatedIndices, restoredRepeats, storedRepeats, type RenderedBlock, type Renderings, type SourceRepeats, type StoredRepeats } from "./consistency.ts";
import type { ForbiddenFound, GlossaryCheck, LocaleTerms, SectionTerms } from "./glossary.ts";
import type { GlossaryEntry } from "../project/glossary.ts";
import { checkSection, type SectionContext } from "./sectionCheck.ts";
import { sectionCovered } from "./printFontCoverage.ts";
import { printFontIdentity } from "../print/index.ts";
import type { Problem, SectionState } from "./types.ts";

export interface SectionResult {
  state: SectionState;
  problems: Problem[];
  terms: SectionTerms;
  /** Forbidden renderings in the section; none looked for in a section still the English text. */
  forbidden: ForbiddenFound;
  /** English block index → the translated block that renders it, for the English's repeated blocks. */
  renderings: [english: number, translation: number][];
  /** Those translated blocks: index, line, text. */
  rendered: [index: number, line: number, text: string][];
  /** Whether the print fonts cover its title, kicker and body (the print-font rule). */
  printable: boolean;
}

/** The packages whose code shapes a section's result besides the modules of check/, project/, print/ and shared/. */
const PACKAGES = ["yaml", "markdown-it", "markdown-it-container", "diff"];
const CODE_ROOT = resolve(import.meta.dirname, "..", "..");
let identity: string | undefined;

/** The check's code, hashed once per process. */
function checkIdentity(): string {
  identity ??= codeIdentity({ root: CODE_ROOT, folders: ["check", "project", "print", "shared"].map((f) => join(CODE_ROOT, "scripts", f)), packages: PACKAGES });
  return identity;
}

/** What every section of one check run shares: the English's history, the glossary, the options. */
export interface SectionRun {
  states: TranslationState;
  glossary: GlossaryCheck;
  diffs: boolean;
}

/** The English's own part: each section's markup problems, the texts repeated across sections, and each section's version. */
interface EnglishResult {
  markup: Problem[][];
  repeats: StoredRepeats;
  versions: string[];
}

/** The glossary entries (by their place in the glossary) each English section's blocks have, and those the titles and kickers have. */
interface EnglishTerms {
  blocks: number[][];
  heads: number[];
}

/** What the keys hold of an English section: a hash of its text, its version. */
interface EnglishPart {
  digest: string;
  version?: string | undefined;
}

/** Each section's result from the cache where its inputs are unchanged, or worked out (and kept). */
export class SectionResults {
  /** One pack per locale (the source locale's holds the English's part), or none without the cache. */
  private readonly packs: Map<string, JsonPack<SectionResult | EnglishResult | EnglishTerms | ForbiddenFound>> | undefined;
  private readonly dir: string;
  private repeats: SourceRepeats | undefined;
  /** Per English section and per old English version: a hash of its text, and the glossary entries it has. */
  private readonly englishParts = new WeakMap<Section, EnglishPart>();
  /** The glossary entries (by their place in the glossary) each English section's blocks have: apart from the hash, which a run without the cache never needs. */
  private readonly englishTermsOf = new WeakMap<Section, readonly number[]>();
  private readonly oldTerms = new Map<string, readonly number[]>();
  /** The installed print fonts' coverage as text, part of every key (the print-font rule). */
  private fonts: string | undefined;

  constructor(
    root: string,
    enabled: boolean,
    private readonly run: SectionRun,
  ) {
    this.dir = join(root, ".cache", "check");
    this.packs = enabled && !cacheBypassed() ? new Map() : undefined;
  }

  private pack(code: string): JsonPack<SectionResult | EnglishResult | EnglishTerms | ForbiddenFound> | undefined {
    if (!this.packs) return undefined;
    let pack = this.packs.get(code);
    if (!pack) {
      pack = new JsonPack(join(this.dir, `${code}.json`), checkIdentity());
      this.packs.set(code, pack);
    }
    return pack;
  }

  /** Writes what this run added (or used on a new day). */
  save(): void {
    for (const pack of this.packs?.values() ?? []) pack.save();
  }

  /**
   * The English sections' markup problems (one list per section, in order) and their repeats,
   * from the cache while every English section is unchanged: the English is then not read into blocks.
   */
  english(sections: readonly Section[], markupOf: (doc: Section) => Problem[]): { markup: Problem[][]; repeats: SourceRepeats } {
    const computeEnglish = () => {
      const repeats = findRepeats(sections);
      return { markup: sections.map(markupOf), repeats, stored: { markup: [], repeats: storedRepeats(repeats) } };
    };
    let found: { markup: Problem[][]; repeats: SourceRepeats };
    const cache = this.pack(sections[0]?.locale ?? "source");
    if (!cache) {
      found = computeEnglish();
    } else {
      const key = cache.key(["english", ...sections.flatMap((doc) => [doc.id, this.englishOf(doc).digest])]);
      const cached = cache.get(key) as EnglishResult | undefined;
      if (cached) {
        found = { markup: cached.markup, repeats: restoredRepeats(cached.repeats, new Map(sections.map((doc) => [doc.id, doc]))) };
        // Its version (a hash of the normalised text) kept with the hash of its text: not worked out again.
        if (Array.isArray(cached.versions) && cached.versions.length === sections.length && cached.versions.every((v) => typeof v === "string")) {
          sections.forEach((doc, i) => (this.englishOf(doc).version = cached.versions[i]));
        }
      } else {
        const computed = computeEnglish();
        cache.put(key, { markup: computed.markup, repeats: computed.stored.repeats, versions: sections.map((doc) => doc.version) });
        found = computed;
      }
    }
    this.repeats = found.repeats;
    return found;
  }

  /**
   * The glossary entries any English section's title, kicker or block has (each section's block
   * entries kept for its keys), from the cache while the English and the glossary's forms are
   * unchanged: the English is then not read into blocks for them.
   */
  englishTerms(sections: readonly Section[]): Set<GlossaryEntry> {
    const { glossary } = this.run;
    if (glossary.empty) return new Set();
    const entries = glossary.entries;
    const find = (): EnglishTerms => ({
      blocks: sections.map((doc) => glossary.placesInBlocks(doc.structure.blocks)),
      heads: glossary.placesOf(glossary.termsOfTexts(sections.flatMap((doc) => (doc.kicker ? [doc.title, doc.kicker] : [doc.title])))),
    });
    const cache = this.pack(sections[0]?.locale ?? "source");
    let found: EnglishTerms | undefined;
    let key: string | undefined;
    if (cache) {
      key = cache.key(["english-terms", JSON.stringify(entries.map((entry) => entry.forms)), ...sections.flatMap((doc) => [doc.id, this.englishOf(doc).digest])]);
      found = cache.get(key) as EnglishTerms | undefined;
      // An entry of the right key but the wrong shape is not trusted.
      if (found && !wellFormed(found, sections.length, entries.length)) found = undefined;
    }
    if (!found) {
      found = find();
      if (cache && key) cache.put(key, found);
    }
    const used = new Set<GlossaryEntry>(found.heads.map((i) => entries[i]!));
    sections.forEach((doc, i) => {
      const places = found.blocks[i]!;
      this.englishTermsOf.set(doc, places);
      for (const at of places) used.add(entries[at]!);
    });
    return used;
  }

  /** The forbidden renderings in the locale's UI strings, from the cache while the strings and those renderings are unchanged. */
  forbiddenInStrings(locale: ProjectLocale, terms: LocaleTerms): ForbiddenFound {
    const cache = this.pack(locale.code);
    const strings = locale.strings;
    if (!cache || !strings) return terms.strings();
    const key = cache.key(["strings", locale.code, strings.file, JSON.stringify([[...strings.values], [...strings.lines]]), terms.concern([])]);
    let found = cache.get(key) as ForbiddenFound | undefined;
    // An entry of the right key but the wrong shape is not trusted.
    if (!found || !Array.isArray(found.problems) || !Number.isInteger(found.count)) cache.put(key, (found = terms.strings()));
    return found;
  }

  result(english: Section, doc: Section, ctx: SectionContext, terms: LocaleTerms): SectionResult {
    const { states } = this.run;
    const repeats = this.repeats!;
    const state = () => states.section(ctx.code, doc.id)!;
    const cache = this.pack(ctx.code);
    if (!cache) return compute(english, doc, state(), ctx, terms, repeats);
    const key = cache.key(this.keyParts(english, doc, ctx, terms));
    const cached = cache.get(key) as SectionResult | undefined;
    if (cached) return cached;
    const result = compute(english, doc, state(), ctx, terms, repeats);
    cache.put(key, result);
    return result;
  }

  /** Everything the result is computed from, as text. */
  private keyParts(english: Section, doc: Section, ctx: SectionContext, localeTerms: LocaleTerms): (string | undefined)[] {
    const { states, diffs } = this.run;
    const repeats = this.repeats!;
    const { source } = doc;
    // Held to an older English: that text (snapshot or git) or why it is known nowhere.
    const now = this.englishOf(english);
    now.version ??= english.version;
    const older = source !== undefined && source !== now.version ? states.history.find(english.id, source) : undefined;
    const terms = older && "text" in older ? [...this.termsOf(english), ...this.oldTermsOf(english.id, source!, older.text.body, older.text.bodyLine)] : this.termsOf(english);
    return [
      "section",
      ctx.code,
      doc.id,
      // Word diffs are shown for a stale section alone: the others' entries serve a run with or without them (npm run build's check and npm run check).
      JSON.stringify([ctx.complete, ctx.expansion, ctx.exchange, older === undefined ? null : diffs]),
      now.digest,
      // The file's text (front matter and body) by its hash: an unchanged file is not read for it.
      doc.file,
      doc.hash,
      older === undefined ? undefined : JSON.stringify(older),
      localeTerms.concern(terms),
      repeatedIndices(repeats, english.id).join(","),
      (this.fonts ??= printFontIdentity()),
    ];
  }

  /** The English section's part of every key: its file and its text's hash. */
  private englishOf(english: Section): EnglishPart {
    let known = this.englishParts.get(english);
    if (!known) {
      known = { digest: `${english.file}:${english.hash}` };
      this.englishParts.set(english, known);
    }
    return known;
  }

  /** The glossary entries (by their place) the English section has (its blocks read only where there is a glossary). */
  private termsOf(english: Section): readonly number[] {
    let terms = this.englishTermsOf.get(english);
    const { glossary } = this.run;
    if (!terms) this.englishTermsOf.set(english, (terms = glossary.empty ? [] : glossary.placesInBlocks(english.structure.blocks)));
    return terms;
  }

  private oldTermsOf(id: string, version: string, body: string, bodyLine: number | undefined): readonly number[] {
    const key = `${id}@${version}`;
    let terms = this.oldTerms.get(key);
    if (!terms) {
      const { glossary } = this.run;
      terms = glossary.placesInBlocks(readBlocks(body, bodyLine ?? 1).blocks);
      this.oldTerms.set(key, terms);
    }
    return terms;
  }
}

function compute(english: Section, doc: Section, translation: TranslationStateOf, ctx: SectionContext, terms: LocaleTerms, repeats: SourceRepeats): SectionResult {
  const checked = checkSection(english, doc, translation, ctx);
  const none = { problems: [], uses: 0, asGlossary: 0, count: 0 };
  const translated = checked.state !== "untranslated";
  const pairs = translated ? [...renderingsOf(repeats, english, doc)] : [];
  const blocks = doc.structure.blocks;
  const rendered = [...new Set(pairs.map(([, at]) => at))].toSorted((a, b) => a - b).map((at): [number, number, string] => [at, blocks[at]!.line, blocks[at]!.text]);
  const { problems: termProblems, uses, asGlossary } = checked.aligned ? terms.blocks({ doc, ...checked.aligned }) : none;
  const { problems: forbiddenProblems, count } = translated ? terms.forbiddenIn(doc) : none;
  return {
    state: checked.state,
    problems: checked.problems,
    terms: { problems: termProblems, uses, asGlossary },
    forbidden: { problems: forbiddenProblems, count },
    renderings: pairs,
    rendered,
    printable: sectionCovered(doc),
  };
}

function wellFormed(found: EnglishTerms, sections: number, entries: number): boolean {
  const indices = (list: unknown) => Array.isArray(list) && list.every((i) => Number.isInteger(i) && i >= 0 && i < entries);
  return Array.isArray(found.blocks) && found.blocks.length === sections && found.blocks.every(indices) && indices(found.heads);
}

/** A section's renderings as the consistency rule reads them: one object per translated block. */
export function renderingsFrom(file: string, result: SectionResult): Renderings {
  const byIndex = new Map(result.rendered.map(([at, line, text]): [number, RenderedBlock] => [at, { line, text }]));
  return { file, blocks: new Map(result.renderings.map(([english, at]) => [english, byIndex.get(at)!])) };
}
