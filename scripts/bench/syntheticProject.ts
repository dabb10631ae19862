// A synthetic campaign at scale, laid out like the project (content/, locales/, campaign.yml;
// code, templates and node_modules linked), made from the real sections in content/en and
// content/ar. Two kinds:
//   "realistic" (the default): distinct sections, each modelled on a real one (its length and its
//     mix of headings, paragraphs, lists, quotations, details and excerpts), with every word drawn
//     afresh from the real English words by a seeded generator; Arabic and the other RTL locales map
//     each English word to a real Arabic word, so every translation has the English structure.
//   "repeated": the 8 real sections repeated (numbered titles, shifted digits), the consistency
//     rule's worst case: every quote, details block, list and citation marker recurs each round.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readBlocks } from "../project/blocks.ts";
import { parseSectionFile } from "../project/sectionFile.ts";
import { readSectionList } from "../project/sectionList.ts";
import { sectionVersion } from "../project/sectionVersion.ts";
import { linkCode } from "./projectFiles.ts";

interface SyntheticLocale {
  code: string;
  name: string;
  dir: "ltr" | "rtl";
}

/** English first (the source), Arabic second; the rest stand in for other translations. */
const SYNTHETIC_LOCALES: readonly SyntheticLocale[] = [
  { code: "en", name: "English", dir: "ltr" },
  { code: "ar", name: "العربية", dir: "rtl" },
  { code: "fr", name: "Français", dir: "ltr" },
  { code: "es", name: "Español", dir: "ltr" },
  { code: "de", name: "Deutsch", dir: "ltr" },
  { code: "fa", name: "فارسی", dir: "rtl" },
  { code: "pt", name: "Português", dir: "ltr" },
  { code: "tr", name: "Türkçe", dir: "ltr" },
  { code: "ur", name: "اردو", dir: "rtl" },
  { code: "it", name: "Italiano", dir: "ltr" },
];

export type SyntheticKind = "realistic" | "repeated";

/** The generator's seed: the same campaign on every run and machine. */
const SEED = 27;

export interface SyntheticProject {
  root: string;
  kind: SyntheticKind;
  sectionIds: string[];
  locales: string[];
  /** Every section file written, relative to the root (content/<locale>/<id>.md). */
  sectionFiles: string[];
  /** A content/glossary.yml of 100 terms from the real English with a rendering per locale; not written (the check bench compares with and without). */
  glossary: string;
  remove(): void;
}

interface Template {
  title: string;
  kicker: string | undefined;
  body: string;
}

export function createSyntheticProject(projectRoot: string, { sections, locales, kind = "realistic" }: { sections: number; locales: number; kind?: SyntheticKind }): SyntheticProject {
  if (locales < 1 || locales > SYNTHETIC_LOCALES.length) throw new Error(`locales must be 1 to ${SYNTHETIC_LOCALES.length}`);
  if (sections < 1) throw new Error("sections must be at least 1");
  const root = mkdtempSync(join(tmpdir(), "pledge-bench-"));
  // Code and templates are the project's own; only what a campaign writes is generated.
  linkCode(projectRoot, root);
  copyFileSync(join(projectRoot, "campaign.yml"), join(root, "campaign.yml"));

  const templateIds = readSectionList(projectRoot);
  const english = templateIds.map((id) => readTemplate(join(projectRoot, "content", "en", `${id}.md`)));
  const arabic = templateIds.map((id, i) => readTemplate(join(projectRoot, "content", "ar", `${id}.md`), english[i]!));
  const englishStrings = readJsonObject(join(projectRoot, "locales", "en", "ui.json"));
  const arabicStrings = readJsonObject(join(projectRoot, "locales", "ar", "ui.json"));

  // The first round keeps the real ids, so content/documents.yml-style references still resolve.
  const sectionIds = Array.from({ length: sections }, (_, i) => {
    const round = Math.floor(i / templateIds.length) + 1;
    const id = templateIds[i % templateIds.length]!;
    return round === 1 ? id : `${id}-${round}`;
  });
  const chosen = SYNTHETIC_LOCALES.slice(0, locales);
  const realistic = kind === "realistic" ? realisticSections(english, sections, SEED) : undefined;
  const { translate: toArabic, word: arabicWord } = arabicTranslator(arabic);
  const sectionFiles: string[] = [];
  mkdirSync(join(root, "content"));
  writeFileSync(join(root, "content", "sections.yml"), sectionIds.map((id) => `- ${id}\n`).join(""));
  writeFileSync(join(root, "content", "documents.yml"), documentsYaml(sectionIds));

  const englishVersions: string[] = [];
  for (const locale of chosen) {
    mkdirSync(join(root, "content", locale.code));
    mkdirSync(join(root, "locales", locale.code), { recursive: true });
    writeFileSync(join(root, "locales", locale.code, "locale.json"), `${JSON.stringify({ name: locale.name, dir: locale.dir, numberingSystem: "latn", complete: true }, null, 2)}\n`);
    const translate = locale.code === "en" || locale.dir === "rtl" ? (text: string) => text : pseudoTranslate;
    const strings = locale.dir === "rtl" ? arabicStrings : englishStrings;
    writeFileSync(join(root, "locales", locale.code, "ui.json"), `${JSON.stringify(uiStrings(strings, locale.code, translate), null, 2)}\n`);

    sectionIds.forEach((id, i) => {
      const round = Math.floor(i / templateIds.length) + 1;
      const from = (locale.dir === "rtl" ? arabic : english)[i % templateIds.length]!;
      const generated = realistic?.[i];
      const text = !generated ? vary(from, round, translate) : locale.dir === "rtl" ? toArabic(generated) : withBody(generated, translate);
      const frontMatter = [`title: ${yamlString(text.title)}`];
      if (text.kicker) frontMatter.push(`kicker: ${yamlString(text.kicker)}`);
      if (locale.code === "en") englishVersions[i] = sectionVersion(text);
      else frontMatter.push(`source: ${yamlString(englishVersions[i]!)}`, "status: reviewed");
      const file = join("content", locale.code, `${id}.md`);
      writeFileSync(join(root, file), `---\n${frontMatter.join("\n")}\n---\n\n${text.body}`);
      sectionFiles.push(file);
    });
  }
  return {
    root,
    kind,
    sectionIds,
    locales: chosen.map((l) => l.code),
    sectionFiles,
    // From the campaign's own text, so the renderings are those its translations use (40 sections: enough terms, quick to make).
    glossary: realistic ? syntheticGlossary(realistic.slice(0, 40), realistic.slice(0, 40).map(toArabic), chosen.slice(1), arabicWord) : syntheticGlossary(english, arabic, chosen.slice(1)),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/**
 * A glossary like a campaign's: English words of six letters or more, from those found in the most
 * blocks to those found in a few,
 * each with a rendering per locale that the translations mostly use: the pseudo-translation for
 * Latin-script locales; for the Arabic-script ones, up to four Arabic words particular to the
 * blocks whose English has the term and together found in nearly all of them (paired by position where a section has as many blocks).
 * Where the Arabic stand-in writes each English word one way (`arabicWord`, the realistic campaign), that
 * word is the rendering: the translations follow the glossary, as the real Arabic does.
 * Every fourth entry forbids a word, every fifth exempts quotations.
 */
function syntheticGlossary(english: readonly Template[], arabic: readonly Template[], locales: readonly SyntheticLocale[], arabicWord?: (english: string) => string, size = 100): string {
  const pairs: [string, string][] = [];
  english.forEach((en, i) => {
    const e = readBlocks(en.body, 1).blocks;
    const a = readBlocks(arabic[i]!.body, 1).blocks;
    e.forEach((block, k) => {
      pairs.push([block.text.toLowerCase(), e.length === a.length ? a[k]!.text : ""]);
    });
  });
  const englishWords = pairs.map(([en]) => new Set(en.match(/[a-z]{6,}/g) ?? []));
  const arabicWords = pairs.map(([, ar]) => new Set(ar.match(/[\u0621-\u064a]{4,}/g) ?? []));
  const inBlocks = new Map<string, number>();
  for (const words of englishWords) for (const w of words) inBlocks.set(w, (inBlocks.get(w) ?? 0) + 1);
  const arabicCount = new Map<string, number>();
  for (const words of arabicWords) for (const w of words) arabicCount.set(w, (arabicCount.get(w) ?? 0) + 1);
  // Key terms recur, but a glossary is not the commonest words ("through", "including"): every
  // third of the most frequent, down to words found in a few blocks.
  const terms = [...inBlocks]
    .toSorted((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .filter((_, i) => i % 3 === 1)
    .slice(0, size)
    .map(([w]) => w);
  const reverse = (w: string) => [...w].toReversed().join("");
  return terms
    .map((term, i) => {
      const chosen = arabicWord ? [arabicWord(term)] : particularWords(term);
      const best = chosen[0];
      const lines = [`- term: ${term}`, `  forms: [${term}]`];
      if (i % 5 === 4) lines.push("  quotations: exempt");
      for (const locale of locales) {
        const rtl = locale.dir === "rtl";
        const rendering = rtl ? (best ? `accepted: [${chosen.join(", ")}]` : "keep: latin") : `accepted: [${reverse(term)}]`;
        const forbidden = i % 4 === 3 ? `, forbidden: [${rtl ? `زز${best ?? "ازور"}` : `${reverse(term)}zz`}]` : "";
        lines.push(`  ${locale.code}: { ${rendering}${forbidden} }`);
      }
      return lines.join("\n");
    })
    .join("\n")
    .concat("\n");

  function particularWords(term: string): string[] {
    const together = new Map<string, number>();
    englishWords.forEach((words, k) => {
      if (words.has(term)) for (const w of arabicWords[k]!) together.set(w, (together.get(w) ?? 0) + 1);
    });
    // The words most particular to the term's blocks, taken while they cover blocks the others do not
    // (up to four, as a glossary lists a word with and without the article, singular and plural).
    const ranked = [...together]
      .toSorted((a, b) => b[1] / (arabicCount.get(b[0])! + 2) - a[1] / (arabicCount.get(a[0])! + 2) || (a[0] < b[0] ? -1 : 1))
      .map(([w]) => w)
      .slice(0, 30);
    const blocks = englishWords.map((words, k) => (words.has(term) && arabicWords[k]!.size > 0 ? k : -1)).filter((k) => k >= 0);
    const uncovered = new Set(blocks);
    const chosen: string[] = [];
    while (chosen.length < 4 && uncovered.size > blocks.length * 0.05) {
      const next = ranked
        .filter((w) => !chosen.includes(w))
        .map((w) => ({ w, n: [...uncovered].filter((k) => arabicWords[k]!.has(w)).length }))
        .toSorted((a, b) => b.n - a.n)[0];
      if (!next || next.n === 0) break;
      chosen.push(next.w);
      for (const k of uncovered) if (arabicWords[k]!.has(next.w)) uncovered.delete(k);
    }
    return chosen;
  }
}

function readJsonObject(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
}

function readTemplate(path: string, fallback?: Template): Template {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if (fallback) return fallback;
    throw error;
  }
  const parsed = parseSectionFile(text, path);
  return { title: parsed.frontMatter.title, kicker: parsed.frontMatter.kicker, body: parsed.body.trim() };
}

/** Copy `round` of a template: a numbered title and shifted digits, every block kept. */
function vary(template: Template, round: number, translate: (text: string) => string): { title: string; kicker: string | undefined; body: string } {
  const shift = (text: string) => (round === 1 ? text : text.replace(/\d/g, (d) => String((Number(d) + round) % 10)));
  return {
    title: translate(round === 1 ? template.title : `${template.title} ${round}`),
    kicker: template.kicker === undefined ? undefined : translate(template.kicker),
    body: `${translate(shift(template.body))}\n`,
  };
}

/**
 * Stands in for a translation into another Latin-script language: words of four letters or
 * more are reversed (a capital stays first). Placeholders ({{count}}), web addresses, the keywords of ::: lines and
 * all-capital citation markers (A-HRC-59-23-AEV, S/RES/2720) are left as they are.
 */
function pseudoTranslate(text: string): string {
  return text.replace(/(\{\{[^}]*\}\}|https?:\/\/[^\s)]+|:{3,} *[a-z]+)|\b[A-Za-z][a-z]{3,}\b/g, (match, kept: string | undefined) =>
    kept ? match : capitalLike(match, [...match].toReversed().join("")),
  );
}

/** A reversed word keeps its capital first, as a translation would write it ("Workers" → "Srekrow"). */
function capitalLike(original: string, word: string): string {
  return original[0] === original[0]!.toUpperCase() ? word[0]!.toUpperCase() + word.slice(1).toLowerCase() : word;
}

/**
 * A locale's UI strings from the English or Arabic ones: translated (pseudo, for Latin-script
 * locales) and with exactly the plural forms the locale's language has.
 */
function uiStrings(from: Record<string, unknown>, code: string, translate: (text: string) => string): Record<string, unknown> {
  const forms = new Intl.PluralRules(code).resolvedOptions().pluralCategories;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(from)) {
    if (typeof value === "object" && value !== null) out[key] = uiStrings(value as Record<string, unknown>, code, translate);
    else if (typeof value !== "string") out[key] = value;
    else {
      const plural = /^(.*)_(zero|one|two|few|many|other)$/.exec(key);
      if (!plural) out[key] = translate(value);
      else if (plural[2] === "other") {
        for (const form of forms) out[`${plural[1]}_${form}`] = translate(String(from[`${plural[1]}_${form}`] ?? value));
      }
    }
  }
  return out;
}

function yamlString(value: string): string {
  return JSON.stringify(value);
}

/** Both printed documents, made of the first sections (whole), so the plan stays valid at any size; today's five PDFs per locale. */
function documentsYaml(ids: string[]): string {
  const part = (id: string) => `      - section: ${id}\n        take: all\n`;
  const papers = "papers:\n  - { name: A5, width: 148, height: 210 }\n  - { name: A4, width: 210, height: 297 }\n  - { name: Letter, width: 215.9, height: 279.4 }\n";
  const leaflet = `  - id: leaflet\n    layout: leaflet\n    pages: 2\n    parts:\n${part(ids[0]!)}    sizes:\n      A5: [home, press]\n`;
  const factSheet = `  - id: fact-sheet\n    layout: fact-sheet\n    pages: 2-4\n    parts:\n${ids.slice(0, 3).map(part).join("")}    sizes:\n      A4: [home, press]\n      Letter: [home]\n`;
  return `${papers}documents:\n${leaflet}${factSheet}`;
}

/** A template's title, kicker and body through `translate`, the body ending in a newline as a file does. */
function withBody(template: Template, translate: (text: string) => string): Template {
  return { title: translate(template.title), kicker: template.kicker === undefined ? undefined : translate(template.kicker), body: `${translate(template.body)}\n` };
}

/** A small fast seeded generator (mulberry32): the same numbers for the same seed everywhere. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Words the generator replaces: a letter and at least one small letter after it. Left as written:
 * placeholders, link targets and addresses, the keyword of a ::: line, citation markers ("Sub\* 3"),
 * and all-capital words (ICMs, A-HRC-59-23-AEV), which recur in a real campaign too.
 */
const WORD = /(\{\{[^}]*\}\}|\]\([^)]*\)|https?:\/\/[^\s)]+|:{3,} *[a-z]+|\bSub\\?\*)|\b[A-Za-z][a-z]+\b/g;

/** A body's top-level pieces: a heading, a paragraph, a whole list or a whole ::: container (blank lines inside it included). */
function topLevelUnits(body: string): string[] {
  const units: string[] = [];
  let lines: string[] = [];
  let depth = 0;
  for (const line of body.split("\n")) {
    const fence = /^\s*(:{3,})\s*(\S*)/.exec(line);
    if (fence) depth += fence[2] ? 1 : -1;
    if (line.trim() === "" && depth <= 0) {
      if (lines.length > 0) units.push(lines.join("\n"));
      lines = [];
      depth = 0;
    } else lines.push(line);
  }
  if (lines.length > 0) units.push(lines.join("\n"));
  return units;
}

const wordCount = (text: string) => text.match(/\S+/g)?.length ?? 0;

/**
 * `count` distinct English sections. Section i takes a real section as its model (in turn, so each
 * real length and mix recurs equally), aims at its word count ±25 %, and strings together that
 * section's top-level pieces in a random order until it gets there; every word is then replaced by
 * one drawn from the real English words by their frequency. Section i is the same whatever `count` is.
 */
function realisticSections(english: readonly Template[], count: number, seed: number): Template[] {
  const models = english.map((t) => ({ title: t.title, kicker: t.kicker, units: topLevelUnits(t.body), words: wordCount(t.body) }));
  const vocabulary = english.flatMap((t) => `${t.title} ${t.body}`.match(/\b[A-Za-z][a-z]+\b/g) ?? []).map((w) => w.toLowerCase());
  return Array.from({ length: count }, (_, i) => {
    const random = seeded(seed * 1_000_003 + i);
    const reword = (text: string) => text.replace(WORD, (match, kept: string | undefined) => (kept ? match : capitalLike(match, vocabulary[Math.floor(random() * vocabulary.length)]!)));
    const model = models[i % models.length]!;
    const target = model.words * (0.75 + random() * 0.5);
    const units: string[] = [];
    let words = 0;
    while (units.length === 0 || words < target) {
      const unit = model.units[Math.floor(random() * model.units.length)]!;
      const added = wordCount(unit);
      // The unit that would overshoot the target by more than it falls short is left out: always
      // taking it made the sections 14 % longer than the real ones on average.
      if (units.length > 0 && words + added - target > target - words) break;
      units.push(unit);
      words += added;
    }
    return { title: reword(model.title), kicker: model.kicker === undefined ? undefined : reword(model.kicker), body: reword(units.join("\n\n")) };
  });
}

/**
 * Generated sections in Arabic: each English word replaced by a word of the real Arabic sections,
 * always the same one for the same English word (as a translation memory would), markup and markers kept.
 */
/** The Arabic stand-in: each English word always becomes the same real Arabic word (`word`), so structure and terms carry over. */
function arabicTranslator(arabic: readonly Template[]): { translate: (template: Template) => Template; word: (english: string) => string } {
  // oxlint-disable-next-line no-misleading-character-class -- a range of letters and marks, not a combined character
  const vocabulary = [...new Set(arabic.flatMap((t) => `${t.title} ${t.body}`.match(/[\u0621-\u064a\u064b-\u0652]{2,}/g) ?? []))];
  const words = new Map<string, string>();
  const word = (english: string) => {
    const lower = english.toLowerCase();
    let rendering = words.get(lower);
    if (rendering === undefined) {
      let hash = 0;
      for (const c of lower) hash = (Math.imul(hash, 31) + c.charCodeAt(0)) >>> 0;
      rendering = vocabulary[hash % vocabulary.length]!;
      words.set(lower, rendering);
    }
    return rendering;
  };
  const map = (text: string) => text.replace(WORD, (match, kept: string | undefined) => (kept ? match : word(match)));
  return { translate: (template) => withBody(template, map), word };
}
