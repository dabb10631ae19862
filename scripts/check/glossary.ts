// The glossary rule (content/glossary.yml): where the English a block is held to has a glossary
// term, the translated block uses one of the locale's accepted renderings (a warning, or an error
// where locale.json says "glossary": "error"); a forbidden rendering is an error anywhere in the
// translation (title, kicker, blocks, UI strings). Entries that name no locale of the project or a
// term the English never uses are warnings at their line. Matching: scripts/project/termMatch.ts.
import { createHash } from "node:crypto";
import type { Alignment } from "../project/align.ts";
import { KIND_NAMES, type Block } from "../project/blocks.ts";
import { hasWord, termsIn, type Glossary, type GlossaryEntry, type GlossaryRendering } from "../project/glossary.ts";
import type { Project, ProjectLocale, Section } from "../project/readProject.ts";
import { anyOf, compileRendering, foldText, hasRendering, rareLetters, writtenHasForm, type CompiledRendering } from "../project/termMatch.ts";
import type { EnglishReference } from "../project/translationState.ts";
import type { GlossaryConformance, Problem, Severity } from "./types.ts";

/** A translated section as the block rules aligned it with the English it is held to. */
export interface AlignedSection {
  doc: Section;
  reference: EnglishReference;
  alignment: Alignment;
}

/** Renderings as a text is searched for them: every form as written, each with its rendering, in one flat list to look through. */
interface Renderings {
  compiled: CompiledRendering[];
  forms: string[];
  formOf: CompiledRendering[];
}

function renderings(compiled: CompiledRendering[]): Renderings {
  return { compiled, forms: compiled.flatMap((r) => r.asWritten), formOf: compiled.flatMap((r) => r.asWritten.map(() => r)) };
}

interface LocaleRendering {
  entry: GlossaryEntry;
  rendering: GlossaryRendering;
  accepted: Renderings;
}

/** The glossary's side of the check, worked out once per run and used for every locale. */
export class GlossaryCheck {
  private readonly glossary: Glossary;
  private readonly termsOfText = new Map<string, readonly GlossaryEntry[]>();
  private readonly blockTermsOf = new WeakMap<readonly Block[], readonly (readonly GlossaryEntry[])[]>();
  private places: Map<GlossaryEntry, number> | undefined;

  constructor(glossary: Glossary) {
    this.glossary = glossary;
  }

  get empty(): boolean {
    return this.glossary.entries.length === 0;
  }

  get entries(): readonly GlossaryEntry[] {
    return this.glossary.entries;
  }

  get file(): string {
    return this.glossary.file;
  }

  /** The entries whose English forms a text has (termsIn), once per distinct text: every locale is held to the same English. */
  termsIn(text: string): readonly GlossaryEntry[] {
    let found = this.termsOfText.get(text);
    // Stryker disable next-line ConditionalExpression: memo: working the terms out again gives the same terms
    if (!found) this.termsOfText.set(text, (found = termsIn(text, this.glossary)));
    return found;
  }

  /**
   * The entries of each block's text, once per list of blocks: every locale's sections are held to
   * the same English blocks. Not kept by text: looking a block's text up cost as much as reading it.
   */
  blockTerms(blocks: readonly Block[]): readonly (readonly GlossaryEntry[])[] {
    let found = this.blockTermsOf.get(blocks);
    if (!found) this.blockTermsOf.set(blocks, (found = blocks.map((b) => termsIn(b.text, this.glossary))));
    return found;
  }

  /** Each entry's place in the glossary: cache keys name entries by it. */
  placesOf(entries: Iterable<GlossaryEntry>): number[] {
    this.places ??= new Map(this.glossary.entries.map((entry, i) => [entry, i]));
    return Array.from(entries, (entry) => this.places!.get(entry)!);
  }

  /** The entries any of the blocks has, by their place in the glossary (as a section's cache key names them). */
  placesInBlocks(blocks: readonly Block[]): number[] {
    if (this.empty) return [];
    const found = new Set<GlossaryEntry>();
    for (const terms of this.blockTerms(blocks)) for (const entry of terms) found.add(entry);
    return this.placesOf(found);
  }

  /** The entries any of the texts has. */
  termsOfTexts(texts: Iterable<string>): Set<GlossaryEntry> {
    const found = new Set<GlossaryEntry>();
    // Stryker disable next-line ConditionalExpression: speed only: an empty glossary finds no term in any text
    if (this.empty) return found;
    for (const text of texts) for (const entry of this.termsIn(text)) found.add(entry);
    return found;
  }

  /**
   * Entries naming a locale the project lacks, or a term no English section or string has: warnings
   * at their line. `inSections`: the entries the English sections' titles, kickers and blocks have;
   * undefined where some of the English could not be read (content/sections.yml, a section file,
   * ui.json): a term may be in what was not read, so none is called unused, and the reader's own
   * error is the one thing to fix.
   */
  entryProblems(project: Project, inSections: ReadonlySet<GlossaryEntry> | undefined): Problem[] {
    if (this.empty) return [];
    const source = project.campaign.sourceLocale;
    const file = this.glossary.file;
    const problems: Problem[] = [];
    const codes = new Set(project.locales.map((l) => l.code));
    const used = new Set<GlossaryEntry>(inSections);
    if (inSections) for (const value of project.locales[0]?.strings?.values.values() ?? []) if (typeof value === "string" && value) for (const entry of this.termsIn(value)) used.add(entry);
    for (const entry of this.glossary.entries) {
      if (inSections && !used.has(entry)) {
        problems.push({
          locale: source,
          file,
          line: entry.line,
          severity: "warning",
          kind: "glossary-entry",
          message: `the term "${entry.term}" (${entry.forms.map((f) => `“${f}”`).join(", ")}) occurs nowhere in the English (content/${source}/, locales/${source}/ui.json), so nothing holds a translation to it`,
          // No forms are suggested: the term with an "s" glued on is no plural of "bias", "atrocity crimes" or "autonomous".
          hint: "list under forms: the words the English actually writes for it, each inflection in full (forms match whole words), or remove the entry",
        });
      }
      for (const [code, rendering] of entry.locales) {
        if (codes.has(code) && code !== source) continue;
        problems.push({
          locale: source,
          file,
          line: rendering.line,
          severity: "warning",
          kind: "glossary-entry",
          message:
            code === source
              ? `the entry for "${entry.term}" gives renderings for ${code}, the English the terms come from`
              : `the entry for "${entry.term}" gives renderings for "${code}", a locale this project does not have`,
          hint:
            code === source
              ? `remove "${code}:" from it: the English forms go under forms:`
              : `fix the locale code (the project has ${[...codes].filter((c) => c !== source).join(", ") || "no translation yet"}), or remove "${code}:" until the locale is added (npm run locale:new -- ${code})`,
        });
      }
    }
    return problems;
  }

  /** One locale: its sections as aligned by the block rules, its section files and UI strings. */
  checkLocale(locale: ProjectLocale, aligned: readonly AlignedSection[], translated: Iterable<Section>): { problems: Problem[]; conformance: GlossaryConformance } {
    const terms = this.forLocale(locale);
    const problems: Problem[] = [...terms.opening];
    const conformance: GlossaryConformance = { uses: 0, asGlossary: 0, forbidden: 0, undecided: terms.undecided };
    for (const section of aligned) {
      const found = terms.blocks(section);
      problems.push(...found.problems);
      conformance.uses += found.uses;
      conformance.asGlossary += found.asGlossary;
    }
    for (const found of [...[...translated].map((doc) => terms.forbiddenIn(doc)), terms.strings()]) {
      problems.push(...found.problems);
      conformance.forbidden += found.count;
    }
    return { problems, conformance };
  }

  /** The rule for one locale, in parts: each section's part depends on that section alone (the check caches it). */
  forLocale(locale: ProjectLocale): LocaleTerms {
    return new LocaleTerms(this, locale);
  }
}

/** What one section's blocks owe the glossary: problems, and the uses that follow it. */
export interface SectionTerms {
  problems: Problem[];
  uses: number;
  asGlossary: number;
}

/** Forbidden renderings found in one file: problems, and how many. */
export interface ForbiddenFound {
  problems: Problem[];
  count: number;
}

/** The locale's forbidden renderings compiled, with the patterns that rule texts out. */
interface ForbiddenTerms {
  forbidden: { entry: GlossaryEntry; rendering: GlossaryRendering; compiled: CompiledRendering; searched: Renderings }[];
  pattern: RegExp | undefined;
  /** One letter pair of each forbidden rendering, the rarest in the locale's UI strings: most texts are ruled out by it before the whole pattern. */
  rare: RegExp | undefined;
}

/** The glossary rule for one locale: its renderings compiled once, then applied section by section. */
export class LocaleTerms {
  /** The undecided-terms warning, if any: the locale's first glossary problem. */
  readonly opening: Problem[] = [];
  readonly undecided: number;
  private readonly code: string;
  private readonly file: string;
  private readonly severity: Severity;
  /** The entries with a decided rendering for the locale, and those with forbidden renderings: what a section's cache key needs, nothing compiled. */
  private readonly decided = new Map<GlossaryEntry, GlossaryRendering>();
  private readonly forbids: GlossaryEntry[] = [];
  /** Compiled only where a section is checked (the accepted renderings) or a text is searched (the forbidden ones): not for a run that finds every result in the cache. */
  private ownTerms: Map<GlossaryEntry, LocaleRendering> | undefined;
  private forbiddenTerms: ForbiddenTerms | undefined;
  /** A text is folded (diacritics, letter variants, case) only where it is not found as written, once per text. */
  private readonly folded = new Map<string, string>();
  private readonly described = new Map<GlossaryEntry, string>();
  private forbiddenConcern: string | undefined;
  /** Each entry's description (describe) by its place in the glossary, "" where the locale has no decided rendering. */
  private digests: string[] | undefined;

  constructor(
    private readonly glossary: GlossaryCheck,
    private readonly locale: ProjectLocale,
  ) {
    const { code } = locale;
    this.code = code;
    this.file = glossary.file;
    this.severity = locale.glossary ?? "warning";
    const undecided: { entry: GlossaryEntry; rendering: GlossaryRendering }[] = [];
    for (const entry of glossary.entries) {
      const rendering = entry.locales.get(code);
      if (!rendering) continue;
      if (rendering.forbidden.length > 0) this.forbids.push(entry);
      if (rendering.decided) this.decided.set(entry, rendering);
      else undecided.push({ entry, rendering });
    }
    this.undecided = undecided.length;
    if (undecided.length > 0) {
      this.opening.push({
        locale: code,
        file: this.file,
        line: undecided[0]!.rendering.line,
        severity: "warning",
        kind: "glossary",
        message: `${undecided.length} term${undecided.length === 1 ? " has" : "s have"} no ${code} rendering decided yet, so the check skips ${undecided.length === 1 ? "it" : "them"}: ${undecided.map((u) => `"${u.entry.term}" (line ${u.rendering.line})`).join(", ")}`,
        hint: `for each, write under ${code}: the accepted rendering(s), e.g. accepted: [your word], or keep: latin for a name the language writes as the English does`,
      });
    }
  }

  private get own(): Map<GlossaryEntry, LocaleRendering> {
    // Stryker disable next-line ConditionalExpression: memo: compiling again gives the same renderings
    if (!this.ownTerms) {
      const { code } = this;
      this.ownTerms = new Map();
      for (const [entry, rendering] of this.decided) {
        this.ownTerms.set(entry, { entry, rendering, accepted: renderings([...rendering.accepted, ...(rendering.keep ? entry.forms : [])].map((r) => compileRendering(r, code))) });
      }
    }
    return this.ownTerms;
  }

  private get forbiddenParts(): ForbiddenTerms {
    // Stryker disable next-line ConditionalExpression: memo: compiling again gives the same renderings
    if (!this.forbiddenTerms) {
      const { code } = this;
      const forbidden = this.forbids.flatMap((entry) => {
        const rendering = entry.locales.get(code)!;
        return rendering.forbidden.map((word) => {
          const compiled = compileRendering(word, code);
          return { entry, rendering, compiled, searched: renderings([compiled]) };
        });
      });
      const pattern = anyOf(forbidden.map((f) => f.compiled));
      // The UI strings are the sample of the language only where there is a forbidden rendering to rule texts out for.
      // Stryker disable next-line all: speed only: the sample only ranks the letter pairs, and any pair rules a text out surely
      const sample = pattern ? [...(this.locale.strings?.values.values() ?? [])].filter((v): v is string => typeof v === "string").join("\n") : "";
      // Stryker disable next-line LogicalOperator: speed only: the whole pattern rules out whatever its rarest pairs do
      this.forbiddenTerms = { forbidden, pattern, rare: pattern && rareLetters(forbidden.map((f) => f.compiled), sample) };
    }
    return this.forbiddenTerms;
  }

  /**
   * The entries a section's result depends on, as text for its cache key: those at `places` in the
   * glossary (the entries its English has) with a decided rendering for the locale, and every
   * forbidden rendering.
   */
  concern(places: readonly number[]): string {
    // Every section's key has the forbidden renderings: hashed once per locale, not hashed again in each key.
    // Stryker disable next-line StringLiteral,MethodExpression: key text only: any digest that tells the renderings apart serves
    this.forbiddenConcern ??= this.forbids.length === 0 ? "" : createHash("sha256").update(this.forbids.map((entry) => this.describe(entry)).join("\n")).digest("hex").slice(0, 32);
    let text = "";
    const digests = (this.digests ??= this.glossary.entries.map((entry) => (this.decided.has(entry) ? this.describe(entry) : "")));
    // Stryker disable next-line ConditionalExpression: key text only: an entry without a rendering adds an empty line, the same for every run
    for (const place of places) if (digests[place]) text += `\n${digests[place]}`;
    return text === "" && !this.forbiddenConcern ? "" : `${this.glossary.file}\n${this.forbiddenConcern}${text}`;
  }

  /** An entry with the locale's rendering, as a short hash of its text (96 bits: keys hold many, and the cache hashes each key whole): each worked out once per locale. */
  private describe(entry: GlossaryEntry): string {
    let known = this.described.get(entry);
    // Stryker disable next-line ConditionalExpression: memo: describing the entry again gives the same text
    if (known === undefined) {
      const { locales, ...rest } = entry;
      // Stryker disable next-line StringLiteral,MethodExpression: key text only: any digest that tells the entries apart serves
      known = createHash("sha256").update(JSON.stringify([rest, locales.get(this.code)])).digest("base64url").slice(0, 16);
      this.described.set(entry, known);
    }
    return known;
  }

  private fold(text: string): string {
    let known = this.folded.get(text);
    // Stryker disable next-line ConditionalExpression: memo: folding the text again gives the same text
    if (known === undefined) {
      known = foldText(text);
      this.folded.set(text, known);
    }
    return known;
  }

  /** Whether the text holds one of the renderings: as written first, then folded. */
  private holds(text: string, { compiled, forms, formOf }: Renderings): boolean {
    // Stryker disable next-line all: speed only: the folded text below holds whatever the text as written holds
    for (let i = 0; i < forms.length; i++) if (writtenHasForm(text, forms[i]!, formOf[i]!)) return true;
    const plain = this.fold(text);
    for (const r of compiled) if (hasRendering(plain, r)) return true;
    return false;
  }

  /** A section's blocks against the English they are held to. */
  blocks({ doc, reference, alignment }: AlignedSection): SectionTerms {
    const found: SectionTerms = { problems: [], uses: 0, asGlossary: 0 };
    if (this.decided.size === 0) return found;
    const { code, file, own } = this;
    const blocks = doc.structure.blocks;
    const termsOf = this.glossary.blockTerms(reference.blocks);
    for (const pair of alignment.pairs) {
      if (pair.english < 0 || pair.translation < 0) continue;
      const terms = termsOf[pair.english]!;
      if (terms.length === 0) continue;
      const e = reference.blocks[pair.english]!;
      const t = blocks[pair.translation]!;
      let quoted: boolean | undefined;
      for (const entry of terms) {
        const mine = own.get(entry);
        if (!mine) continue;
        if (entry.exemptInQuotations) {
          quoted ??= inQuotation(reference.blocks, e);
          if (quoted) continue;
        }
        found.uses++;
        if (this.holds(t.text, mine.accepted)) {
          found.asGlossary++;
          continue;
        }
        const lower = e.text.toLowerCase();
        const form = entry.forms.find((f) => hasWord(lower, f.toLowerCase())) ?? entry.term;
        found.problems.push({
          locale: code,
          file: doc.file,
          line: t.line,
          // Held to an English version known nowhere, the block may rightly differ: a warning.
          severity: reference.uncertain ? "warning" : this.severity,
          kind: "glossary",
          message: `this ${KIND_NAMES[t.kind]} translates “${form}” (${reference.file}:${e.line}) without the glossary's rendering of "${entry.term}"${entry.note ? ` (${entry.note})` : ""}`,
          hint: `write ${accepted(mine)}, as ${file}:${mine.rendering.line} has it for ${code}; if the glossary is wrong for this passage, change the entry there`,
        });
      }
    }
    return found;
  }

  /** Whether a forbidden rendering may be in a text as written (false is sure): its rare letter first, then the whole pattern. */
  private mayForbid(text: string): boolean {
    const { rare, pattern } = this.forbiddenParts;
    return rare!.test(text) && pattern!.test(text);
  }

  /** Forbidden renderings in a translated section: title, kicker and blocks. */
  forbiddenIn(doc: Section): ForbiddenFound {
    const found: ForbiddenFound = { problems: [], count: 0 };
    // One look at each text as written first: most sections hold no forbidden word (text by text: joining them made as much garbage as the section's text).
    if (!this.forbiddenParts.pattern) return found;
    const blocks = doc.structure.blocks;
    // Stryker disable next-line ConditionalExpression,LogicalOperator,MethodExpression: speed only: the report below looks at each of these texts again
    if (!this.mayForbid(doc.title) && !(doc.kicker && this.mayForbid(doc.kicker)) && !blocks.some((b) => this.mayForbid(b.text))) return found;
    this.report(found, doc.file, doc.keyLines.title, "the title", doc.title, false);
    if (doc.kicker) this.report(found, doc.file, doc.keyLines.kicker, "the kicker", doc.kicker, false);
    for (const block of blocks) if (block.text) this.report(found, doc.file, block.line, `this ${KIND_NAMES[block.kind]}`, block.text, inQuotation(blocks, block));
    return found;
  }

  /** Forbidden renderings in the locale's UI strings. */
  strings(): ForbiddenFound {
    const found: ForbiddenFound = { problems: [], count: 0 };
    const strings = this.locale.strings;
    if (!this.forbiddenParts.pattern || !strings) return found;
    const keys = [...strings.values].filter((pair): pair is [string, string] => typeof pair[1] === "string");
    // Stryker disable next-line ConditionalExpression,StringLiteral: speed only: the pattern has no word bounds, so it finds in the strings joined whatever it finds in each
    if (!this.mayForbid(keys.map(([, v]) => v).join("\n"))) return found;
    for (const [key, value] of keys) this.report(found, strings.file, strings.lines.get(key), `the string "${key}"`, value, false);
    return found;
  }

  private report(found: ForbiddenFound, where: string, line: number | undefined, what: string, text: string, inQuote: boolean): void {
    const { code, file } = this;
    const { forbidden } = this.forbiddenParts;
    for (const { entry, rendering, compiled, searched } of forbidden) {
      if (inQuote && entry.exemptInQuotations) continue;
      if (!this.holds(text, searched)) continue;
      found.count++;
      const mine = this.decided.get(entry);
      found.problems.push({
        locale: code,
        file: where,
        ...(line !== undefined ? { line } : {}),
        severity: "error",
        kind: "forbidden-term",
        message: `${what} uses «${compiled.written}», which the glossary forbids in ${code} (${file}:${rendering.line}, for "${entry.term}"${entry.note ? `: ${entry.note}` : ""})`,
        hint: `${mine ? `for “${entry.term}” write ${accepted({ entry, rendering: mine })}` : `translate “${entry.term}” another way`}; where the passage means something else, say it without «${compiled.written}»: the glossary forbids it everywhere in ${code}`,
      });
    }
  }
}

/** What a translation may write for a term, for messages. */
function accepted({ entry, rendering }: { entry: GlossaryEntry; rendering: GlossaryRendering }): string {
  const words = rendering.accepted.map((r) => `«${r}»`);
  if (rendering.keep) words.push(`${entry.forms.map((f) => `“${f}”`).join(" or ")} in Latin letters as the English writes it`);
  return words.length === 1 ? words[0]! : `one of ${words.join(", ")}`;
}

/** Whether a block is, or sits inside, a quotation (whose wording an exempt entry does not hold). */
function inQuotation(blocks: readonly Block[], block: Block): boolean {
  for (let b: Block | undefined = block; b; b = b.parent >= 0 ? blocks[b.parent] : undefined) if (b.kind === "quote") return true;
  return false;
}
