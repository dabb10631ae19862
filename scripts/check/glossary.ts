// The glossary rule (content/glossary.yml): where the English a block is held to has a glossary
// term, the translated block uses one of the locale's accepted renderings (a warning, or an error
// where locale.json says "glossary": "error"); a forbidden rendering is an error anywhere in the
// translation (title, kicker, blocks, UI strings). Entries that name no locale of the project or a
// term the English never uses are warnings at their line. Matching: scripts/project/termMatch.ts.
import type { Alignment } from "../project/align.ts";
import { KIND_NAMES, type Block } from "../project/blocks.ts";
import { hasWord, termsIn, type Glossary, type GlossaryEntry, type GlossaryRendering } from "../project/glossary.ts";
import type { Project, ProjectLocale, Section } from "../project/readProject.ts";
import { anyOf, compileRendering, foldText, hasRendering, writtenHas, type CompiledRendering } from "../project/termMatch.ts";
import type { EnglishReference } from "../project/translationState.ts";
import type { GlossaryConformance, Problem, Severity } from "./types.ts";

/** A translated section as the block rules aligned it with the English it is held to. */
export interface AlignedSection {
  doc: Section;
  reference: EnglishReference;
  alignment: Alignment;
}

interface LocaleRendering {
  entry: GlossaryEntry;
  rendering: GlossaryRendering;
  accepted: CompiledRendering[];
}

/** The glossary's side of the check, worked out once per run and used for every locale. */
export class GlossaryCheck {
  private readonly glossary: Glossary;
  /** The terms of each English block, found once for all the locales held to it. */
  private readonly termsOfBlock = new WeakMap<Block, readonly GlossaryEntry[]>();

  constructor(glossary: Glossary) {
    this.glossary = glossary;
  }

  get empty(): boolean {
    return this.glossary.entries.length === 0;
  }

  private blockTerms(block: Block): readonly GlossaryEntry[] {
    let terms = this.termsOfBlock.get(block);
    if (!terms) this.termsOfBlock.set(block, (terms = termsIn(block.text, this.glossary)));
    return terms;
  }

  /** Entries naming a locale the project lacks, or a term no English section or string has: warnings at their line. */
  entryProblems(project: Project, english: Iterable<Section>): Problem[] {
    if (this.empty) return [];
    const source = project.campaign.sourceLocale;
    const file = this.glossary.file;
    const problems: Problem[] = [];
    const codes = new Set(project.locales.map((l) => l.code));
    const used = new Set<GlossaryEntry>();
    const note = (text: string | undefined) => {
      if (text) for (const entry of termsIn(text, this.glossary)) used.add(entry);
    };
    for (const doc of english) {
      note(doc.title);
      note(doc.kicker);
      for (const block of doc.structure.blocks) for (const entry of this.blockTerms(block)) used.add(entry);
    }
    for (const value of project.locales[0]?.strings?.values.values() ?? []) if (typeof value === "string") note(value);
    for (const entry of this.glossary.entries) {
      if (!used.has(entry)) {
        problems.push({
          locale: source,
          file,
          line: entry.line,
          severity: "warning",
          kind: "glossary-entry",
          message: `the term "${entry.term}" (${entry.forms.map((f) => `“${f}”`).join(", ")}) occurs nowhere in the English (content/${source}/, locales/${source}/ui.json), so nothing holds a translation to it`,
          hint: `list under forms: the words the English actually writes (each inflection, e.g. forms: [${entry.term}, ${entry.term}s]), or remove the entry`,
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
    const problems: Problem[] = [];
    const conformance: GlossaryConformance = { uses: 0, asGlossary: 0, forbidden: 0, undecided: 0 };
    if (this.empty) return { problems, conformance };
    const { code } = locale;
    const file = this.glossary.file;
    const own = new Map<GlossaryEntry, LocaleRendering>();
    const forbidden: { entry: GlossaryEntry; rendering: GlossaryRendering; compiled: CompiledRendering }[] = [];
    const undecided: LocaleRendering[] = [];
    for (const entry of this.glossary.entries) {
      const rendering = entry.locales.get(code);
      if (!rendering) continue;
      for (const word of rendering.forbidden) forbidden.push({ entry, rendering, compiled: compileRendering(word, code) });
      const mine = { entry, rendering, accepted: [...rendering.accepted, ...(rendering.keep ? entry.forms : [])].map((r) => compileRendering(r, code)) };
      if (rendering.decided) own.set(entry, mine);
      else undecided.push(mine);
    }
    conformance.undecided = undecided.length;
    if (undecided.length > 0) {
      problems.push({
        locale: code,
        file,
        line: undecided[0]!.rendering.line,
        severity: "warning",
        kind: "glossary",
        message: `${undecided.length} term${undecided.length === 1 ? " has" : "s have"} no ${code} rendering decided yet, so the check skips ${undecided.length === 1 ? "it" : "them"}: ${undecided.map((u) => `"${u.entry.term}" (line ${u.rendering.line})`).join(", ")}`,
        hint: `for each, write under ${code}: the accepted rendering(s), e.g. accepted: [your word], or keep: latin for a name the language writes as the English does`,
      });
    }

    const severity: Severity = locale.glossary ?? "warning";
    // A text is folded (diacritics, letter variants, case) only where it is not found as written, once per text.
    const folded = new Map<string, string>();
    const fold = (text: string) => {
      let known = folded.get(text);
      if (known === undefined) {
        known = foldText(text);
        folded.set(text, known);
      }
      return known;
    };
    const holds = (text: string, renderings: readonly CompiledRendering[]) => {
      for (const r of renderings) if (writtenHas(text, r)) return true;
      const plain = fold(text);
      for (const r of renderings) if (hasRendering(plain, r)) return true;
      return false;
    };
    if (own.size > 0) {
      for (const { doc, reference, alignment } of aligned) {
        const blocks = doc.structure.blocks;
        for (const pair of alignment.pairs) {
          if (pair.english < 0 || pair.translation < 0) continue;
          const e = reference.blocks[pair.english]!;
          if (!e.text) continue;
          const terms = this.blockTerms(e);
          if (terms.length === 0) continue;
          const t = blocks[pair.translation]!;
          let quoted: boolean | undefined;
          for (const entry of terms) {
            const mine = own.get(entry);
            if (!mine) continue;
            if (entry.exemptInQuotations) {
              quoted ??= inQuotation(reference.blocks, e);
              if (quoted) continue;
            }
            conformance.uses++;
            if (holds(t.text, mine.accepted)) {
              conformance.asGlossary++;
              continue;
            }
            const lower = e.text.toLowerCase();
            const form = entry.forms.find((f) => hasWord(lower, f.toLowerCase())) ?? entry.term;
            problems.push({
              locale: code,
              file: doc.file,
              line: t.line,
              // Held to an English version known nowhere, the block may rightly differ: a warning.
              severity: reference.uncertain ? "warning" : severity,
              kind: "glossary",
              message: `this ${KIND_NAMES[t.kind]} translates “${form}” (${reference.file}:${e.line}) without the glossary's rendering of "${entry.term}"${entry.note ? ` (${entry.note})` : ""}`,
              hint: `write ${accepted(mine)}, as ${file}:${mine.rendering.line} has it for ${code}; if the glossary is wrong for this passage, change the entry there`,
            });
          }
        }
      }
    }

    const pattern = anyOf(forbidden.map((f) => f.compiled));
    if (pattern) {
      const report = (where: string, line: number | undefined, what: string, text: string, inQuote: boolean) => {
        for (const { entry, rendering, compiled } of forbidden) {
          if (inQuote && entry.exemptInQuotations) continue;
          if (!holds(text, [compiled])) continue;
          conformance.forbidden++;
          const mine = own.get(entry);
          problems.push({
            locale: code,
            file: where,
            ...(line !== undefined ? { line } : {}),
            severity: "error",
            kind: "forbidden-term",
            message: `${what} uses «${compiled.written}», which the glossary forbids in ${code} (${file}:${rendering.line}, for "${entry.term}"${entry.note ? `: ${entry.note}` : ""})`,
            hint: `${mine ? `for “${entry.term}” write ${accepted(mine)}` : `translate “${entry.term}” another way`}; where the passage means something else, say it without «${compiled.written}»: the glossary forbids it everywhere in ${code}`,
          });
        }
      };
      // One look at a whole section (or all the UI strings) as written first: most hold no forbidden word.
      for (const doc of translated) {
        const blocks = doc.structure.blocks;
        if (!pattern.test(`${doc.title}\n${doc.kicker ?? ""}\n${blocks.map((b) => b.text).join("\n")}`)) continue;
        report(doc.file, doc.keyLines.title, "the title", doc.title, false);
        if (doc.kicker) report(doc.file, doc.keyLines.kicker, "the kicker", doc.kicker, false);
        for (const block of blocks) if (block.text) report(doc.file, block.line, `this ${KIND_NAMES[block.kind]}`, block.text, inQuotation(blocks, block));
      }
      const strings = locale.strings;
      if (strings) {
        const keys = [...strings.values].filter((pair): pair is [string, string] => typeof pair[1] === "string");
        if (pattern.test(keys.map(([, v]) => v).join("\n"))) for (const [key, value] of keys) report(strings.file, strings.lines.get(key), `the string "${key}"`, value, false);
      }
    }
    return { problems, conformance };
  }
}

/** What a translation may write for a term, for messages. */
function accepted({ entry, rendering }: LocaleRendering): string {
  const words = rendering.accepted.map((r) => `«${r}»`);
  if (rendering.keep) words.push(`${entry.forms.map((f) => `“${f}”`).join(" or ")} in Latin letters as the English writes it`);
  return words.length === 1 ? words[0]! : `one of ${words.join(", ")}`;
}

/** Whether a block is, or sits inside, a quotation (whose wording an exempt entry does not hold). */
function inQuotation(blocks: readonly Block[], block: Block): boolean {
  for (let b: Block | undefined = block; b; b = b.parent >= 0 ? blocks[b.parent] : undefined) if (b.kind === "quote") return true;
  return false;
}
