// The check's block rules: a translated section aligned block by block with the English version it
// translates (its state, scripts/project/translationState.ts), then its markup, structure, links
// and lengths reported. A stale translation is held to the English as it was when it was
// translated, so an English edit never turns a faithful translation into a broken one; when that
// version is known nowhere, the current English is only a guide (warnings).
import { describeDivergence, type Alignment, type Pair } from "../project/align.ts";
import { CITATION_PATTERN, MAY_HOLD_CITATION, normalizeAddress } from "../shared/markdown.ts";
import { isTextBlock, KIND_NAMES, type Block, type SectionBlocks } from "../project/blocks.ts";
import type { Expansion } from "../project/expansion.ts";
import type { Section as SectionDoc } from "../project/readProject.ts";
import type { EnglishReference } from "../project/translationState.ts";
import type { Problem, ProblemKind } from "./types.ts";
import { asciiDigits } from "../shared/digits.ts";
import { shorten } from "../shared/shorten.ts";

/** The block-by-block problems the status page counts, per kind. */
export type BlockProblemKind = "markup" | "structure" | "link" | "length" | "added-link" | "added-structure";
export const BLOCK_PROBLEM_KINDS: readonly BlockProblemKind[] = ["added-link", "added-structure", "markup", "structure", "link", "length"];

export function countBlockProblems(problems: Problem[]): Record<BlockProblemKind, number> {
  const counts: Record<BlockProblemKind, number> = { markup: 0, structure: 0, link: 0, length: 0, "added-link": 0, "added-structure": 0 };
  for (const p of problems) if (p.kind in counts) counts[p.kind as BlockProblemKind]++;
  return counts;
}

export type AddProblem = (kind: ProblemKind, line: number | undefined, message: string, hint: string) => void;

/**
 * Reports what the alignment finds; returns it so the other rules (citations) can place their
 * messages on the translated counterpart of an English block.
 */
/** `addedLinks`: the link addresses checkAddedAddresses reported (an error): a block's extra link to one of them is not reported again. */
export function checkBlocks(reference: EnglishReference, alignment: Alignment, doc: SectionDoc, expansion: Expansion, add: AddProblem, addedLinks: ReadonlySet<string> = new Set()): Alignment {
  const translation = doc.structure;
  reportMarkup(translation, add);
  // Broken markup shifts every block after it: fix that first, then the structure is compared.
  if (translation.problems.length > 0) return alignment;
  const places = { english: reference.file, translation: doc.file, translationLine: doc.bodyLine };
  for (const divergence of alignment.divergences) {
    const added = divergence.pairs.filter((pair) => addsStructure(pair, reference.blocks, translation.blocks));
    for (const pair of added) reportAddedStructure(pair, reference, translation.blocks, alignment, add);
    // The added block is named above; what else differs shows once it is removed.
    if (added[0] === divergence.first) continue;
    const report = describeDivergence(divergence, reference.blocks, translation.blocks, places, alignment);
    add("structure", report.line, report.message, report.hint);
  }
  const numbers = englishNumbers(reference.blocks);
  for (const pair of alignment.pairs) {
    if (pair.english < 0 || pair.translation < 0) continue;
    const e = reference.blocks[pair.english]!;
    const t = translation.blocks[pair.translation]!;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: speed only: checkLinks finds nothing where neither block has a link
    if (e.links.length > 0 || t.links.length > 0) checkLinks(e, t, `${reference.file}:${e.line}`, add, addedLinks);
    if (pair.kind === "same") {
      checkLength(e, t, `${reference.file}:${e.line}`, expansion, add);
      checkNumbers(e, (numbers[pair.english] ??= numbersToKeep(e)), t, `${reference.file}:${e.line}`, add);
    }
  }
  return alignment;
}

/** An address written out as text: the page shows it, and a reader can copy it, even when it is no link. */
/** Script and data addresses too: the renderer refuses them as links, but a reader would still see them as text. */
const WRITTEN_ADDRESS = /(?:[a-z][a-z0-9+.-]*:\/\/|(?<![\w:/])\/\/(?=[^\s/]+\.)|www\.|mailto:)[^\s<>"'`()[\]{}]*|\b(?:javascript|vbscript|data|file):[^\s<>"'`[\]{}]+/gi;
/** A quick test first: most blocks hold no address. */
const MAY_HOLD_ADDRESS = /\/\/|www\.|mailto:|(?:javascript|vbscript|data|file):\S/i;
// Stryker disable next-line Regex: speed only where it finds more (MAY_HOLD_ADDRESS decides); tests/mutation/blockRules.test.ts holds a www. address with no colon or "//"
const WWW = /w{3}\./i;

/** MAY_HOLD_ADDRESS, after searches for what each of its forms holds ("//", "www.", ":"), which are quicker than the pattern over the many texts with none. */
function mayHoldAddress(text: string): boolean {
  // Stryker disable next-line ConditionalExpression,StringLiteral: speed only: MAY_HOLD_ADDRESS decides where the searches find something (a search for "" finds anything)
  return (text.includes(":") || text.includes("//") || WWW.test(text)) && MAY_HOLD_ADDRESS.test(text);
}
const TRAILING_PUNCTUATION = /[.,;:!?…»”’'"]+$/;

/** An address as a reader would copy it: without the sentence's punctuation or a ")" that closes around it. */
function trimAddress(address: string): string {
  let trimmed = address.replace(TRAILING_PUNCTUATION, "");
  while (trimmed.endsWith(")") && (trimmed.match(/\)/g)?.length ?? 0) > (trimmed.match(/\(/g)?.length ?? 0)) trimmed = trimmed.slice(0, -1).replace(TRAILING_PUNCTUATION, "");
  return trimmed;
}

/** The addresses a text writes out (links' addresses included), as a reader would copy them. */
export function writtenAddresses(text: string): string[] {
  if (!mayHoldAddress(text)) return [];
  return [...text.matchAll(WRITTEN_ADDRESS)].map((match) => trimAddress(match[0])).filter((address) => address !== "");
}

interface AddressHolder {
  line: number | undefined;
  markdown: string;
  links: readonly { address: string }[];
  /** How messages name it: "the title", "the kicker"; a block is "this text". */
  what?: string;
}

/** An HTML tag as markdown-it would read one (an autolink such as <https://…> is none): the site escapes it, so the page shows it as text. */
const HTML_TAG = /<[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>|<!--/g;

/** The HTML tags a text has that the English text does not (a text without "<" is looked at no further). */
export function addedTags(english: string, text: string): string[] {
  // Stryker disable next-line ConditionalExpression,StringLiteral: speed only: HTML_TAG finds no tag in a text without "<"
  if (!text.includes("<")) return [];
  return [...new Set(Array.from(text.matchAll(HTML_TAG), ([tag]) => tag))].filter((tag) => !english.includes(tag));
}

/** "a", "a and b", "a, b and c": things named in a message. */
function andList(items: readonly string[]): string {
  return items.length === 1 ? items[0]! : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** "the HTML tag <b>" or "the HTML tags <b> and </b>", and the pronoun that goes with it. */
export function tagList(tags: readonly string[]): { tags: string; them: string } {
  return { tags: `the HTML ${tags.length === 1 ? "tag" : "tags"} ${andList(tags)}`, them: tags.length === 1 ? "it" : "them" };
}

const HTML_HINT = "remove it (markdown writes emphasis as **bold**): a translation adds no markup the English does not have";

/**
 * A translation publishes no address the English section does not have: every link, and every
 * address written out as text, of the title, the kicker and each block must be one the English
 * (the version translated, or the current one) has somewhere in the section.
 */
export function checkAddedAddresses(reference: EnglishReference, english: SectionDoc, doc: SectionDoc, add: AddProblem): ReadonlySet<string> {
  /** The link addresses reported: returned, so the block rules do not report those links again. */
  const reported = new Set<string>();
  let known: { links: Set<string>; text: string } | undefined;
  const englishHas = (address: string) => {
    known ??= englishAddresses(reference, english);
    return known.links.has(address) || known.text.includes(address);
  };
  const holders: AddressHolder[] = [{ line: doc.keyLines.title, markdown: doc.title, links: [], what: "the title" }];
  if (doc.kicker) holders.push({ line: doc.keyLines.kicker, markdown: doc.kicker, links: [], what: "the kicker" });
  for (const holder of [...holders, ...doc.structure.blocks]) {
    // Stryker disable next-line ConditionalExpression,StringLiteral: speed only: a text without "<" holds no tag
    if (holder.markdown.includes("<")) {
      known ??= englishAddresses(reference, english);
      const tags = addedTags(known.text, holder.markdown);
      if (tags.length > 0) {
        const { tags: named, them } = tagList(tags);
        add("added-html", holder.line, `${"what" in holder && holder.what ? holder.what : "this text"} holds ${named}, which the English (${reference.file}) does not have: the page would show ${them} as text`, HTML_HINT);
      }
    }
    for (const { address } of holder.links) {
      if (englishHas(address)) continue;
      reported.add(address);
      add(
        "added-link",
        holder.line,
        `this link to ${address} is not in the English (${reference.file}): the page would send readers there`,
        "remove the link and keep only what the English says (its words may stay, as plain text): a translation links only where the English does, to the same address",
      );
    }
    // Stryker disable next-line ConditionalExpression: speed only: every written address holds what MAY_HOLD_ADDRESS looks for
    if (!mayHoldAddress(holder.markdown)) continue;
    for (const match of holder.markdown.matchAll(WRITTEN_ADDRESS)) {
      const address = trimAddress(match[0]);
      // The address of a link is reported above (its written form may stop at a space the link encodes).
      const normalized = normalizeAddress(address);
      if (holder.links.some((link) => link.address.startsWith(normalized)) || englishHas(address)) continue;
      add(
        "added-link",
        holder.line,
        `this text writes out the address ${address}, which the English (${reference.file}) does not have: the page would show it to readers`,
        "remove it and keep only what the English says: a translation adds no address",
      );
    }
  }
  return reported;
}

function englishAddresses(reference: EnglishReference, english: SectionDoc): { links: Set<string>; text: string } {
  const links = new Set<string>();
  // Stryker disable next-line StringLiteral: a missing kicker's stand-in holds no address, whatever its text
  const text: string[] = [english.title, english.kicker ?? "", reference.kicker ?? ""];
  // Stryker disable next-line ConditionalExpression: the current English's blocks twice give the same addresses
  for (const block of reference.blocks === reference.current ? reference.blocks : [...reference.blocks, ...reference.current]) {
    text.push(block.markdown);
    for (const link of block.links) links.add(link.address);
  }
  return { links, text: text.join("\n") };
}

/** Blocks that make a page say something the English does not: a heading, a quotation, a source, a block. */
const STRUCTURAL: ReadonlySet<Block["kind"]> = new Set(["heading", "quote", "details", "excerpt"]);

function addsStructure(pair: Pair, english: Block[], translation: Block[]): boolean {
  if (pair.translation < 0) return false;
  const t = translation[pair.translation]!;
  if (!STRUCTURAL.has(t.kind)) return false;
  if (pair.kind === "extra") return true;
  if (pair.kind !== "changed") return false;
  const e = english[pair.english]!;
  return e.kind !== t.kind || (e.markdown === "" && t.markdown !== "");
}

function reportAddedStructure(pair: Pair, reference: EnglishReference, translation: Block[], alignment: Alignment, add: AddProblem) {
  const t = translation[pair.translation]!;
  // Stryker disable next-line ConditionalExpression: blocks[-1] is undefined too
  const e = pair.english >= 0 ? reference.blocks[pair.english] : undefined;
  const near = e ?? nearestEnglish(alignment, pair, reference.blocks);
  const enPlace = `${reference.file}${near ? `:${near.line}` : ""}`;
  const name = KIND_NAMES[t.kind];
  if (e && e.kind === t.kind) {
    const what = t.kind === "quote" ? "a source (attribution)" : "a label";
    add(
      "added-structure",
      t.line,
      `this ${name} names ${what} the English one at ${enPlace} does not have: “${shorten(t.text, 60)}”`,
      `write ::: ${t.kind} alone on its line, as the English does; a translation adds no source`,
    );
    return;
  }
  const was = e ? ` where the English has a ${KIND_NAMES[e.kind]} (${enPlace})` : ` (compare with ${enPlace})`;
  const shown = t.text ? `: “${shorten(t.text, 60)}”` : "";
  add(
    "added-structure",
    t.line,
    `this ${name} is not in the English${was}${shown}; a translation adds no heading, quotation or block`,
    t.kind === "heading"
      ? `remove the # line (or the line under it), keeping only what the English says: headings, quotations and blocks come from ${reference.file}`
      : `remove its ::: lines (or > signs) and anything it holds that the English does not say: headings, quotations and blocks come from ${reference.file}`,
  );
}

/** The English block just before an added one (else just after): where the translation should match it. */
function nearestEnglish({ pairs }: Alignment, pair: Pair, english: Block[]): Block | undefined {
  const at = pairs.indexOf(pair);
  for (let k = at - 1; k >= 0; k--) if (pairs[k]!.english >= 0) return english[pairs[k]!.english];
  for (let k = at + 1; k < pairs.length; k++) if (pairs[k]!.english >= 0) return english[pairs[k]!.english];
  return undefined;
}

/** `source`: the blocks are the English's own, and the hints say what to do there. */
export function reportMarkup(blocks: SectionBlocks, add: AddProblem, source = false) {
  for (const problem of blocks.problems) add("markup", problem.line, problem.message, source ? problem.sourceHint : problem.hint);
}

function checkLinks(e: Block, t: Block, enPlace: string, add: AddProblem, added: ReadonlySet<string>) {
  const unmatched = t.links.map((l) => l.address);
  const missing: string[] = [];
  for (const { address } of e.links) {
    const at = unmatched.indexOf(address);
    if (at >= 0) unmatched.splice(at, 1);
    else missing.push(address);
  }
  for (const address of missing) {
    const instead = unmatched.shift();
    if (instead !== undefined) {
      const text = t.links.find((l) => l.address === instead)!.text;
      add(
        "link",
        t.line,
        `this link goes to ${instead}; the English ${KIND_NAMES[e.kind]} at ${enPlace} links to ${address}`,
        `write the English address exactly: [${text}](${address}); only the link text is translated`,
      );
    } else {
      add("link", t.line, `the link to ${address} in the English ${KIND_NAMES[e.kind]} at ${enPlace} is missing here`, `keep it a link: [the translated link text](${address})`);
    }
  }
  for (const address of unmatched) {
    // An address the English has nowhere is an added-link error already.
    if (added.has(address)) continue;
    add("link", t.line, `this link to ${address} is not in the English ${KIND_NAMES[e.kind]} at ${enPlace}`, "remove the link (keep its text), or give it the address the English links to here");
  }
}

/** A number of the English as written, and as its digits alone. */
interface WrittenNumber {
  written: string;
  digits: string;
}

/** A number as a text may write it: digits, or groups of three set apart (2,000; 2 000; 2.000; ٢٬٠٠٠). */
const NUMBER = /\d{1,3}(?:[,.\u00a0\u202f \u066c'’]\d{3})+(?!\d)|\d+/g;
/** The numbers of a text, each as written and as its digits alone, citation markers left out (the citation rule holds those). */
function numbersOf(text: string, { otherDigits = true } = {}): WrittenNumber[] {
  const plain = MAY_HOLD_CITATION.test(text) ? text.replace(CITATION_PATTERN, " ") : text;
  return Array.from((otherDigits ? asciiDigits(plain) : plain).matchAll(NUMBER), ([written]) => ({ written, digits: written.replace(/\D/g, "") }));
}

/**
 * Whether `text` writes `number` as it is, with no digit right before or after it. Speed only where
 * it says no: checkNumbers then looks among all the text's numbers (a "yes" too many would hide a
 * changed number, and the tests hold that).
 */
// Stryker disable all: speed only: a mutant here can only say "not as written" more often (the full search below then decides), or is killed
function hasNumber(text: string, number: string): boolean {
  const isDigit = (at: number) => {
    const c = text.charCodeAt(at);
    return c >= 48 && c <= 57;
  };
  for (let at = text.indexOf(number); at >= 0; at = text.indexOf(number, at + 1)) if (!isDigit(at - 1) && !isDigit(at + number.length)) return true;
  return false;
}
// Stryker restore all

/** Each English block list's numbers to keep, by block, worked out once for every locale (one lookup per section, not per block). */
const numbersByBlocks = new WeakMap<readonly Block[], (WrittenNumber[] | undefined)[]>();

function englishNumbers(blocks: readonly Block[]): (WrittenNumber[] | undefined)[] {
  let found = numbersByBlocks.get(blocks);
  // Stryker disable next-line ConditionalExpression: memo: working the numbers out again gives the same numbers
  if (!found) numbersByBlocks.set(blocks, (found = []));
  return found;
}

/** An English block's numbers of two digits or more: years, articles, resolutions, counts (in ASCII digits: the English writes no others). */
function numbersToKeep(e: Block): WrittenNumber[] {
  return /\d\d/.test(e.text) ? numbersOf(e.text, { otherDigits: false }).filter((n) => n.digits.length >= 2) : [];
}

/**
 * Numbers are kept as the English writes them (in the locale's own digits if it has others): a
 * year, an article or a count changed or dropped is a warning. One digit is left out: "Tier 1"
 * is rightly "the first tier" in many languages.
 */
function checkNumbers(e: Block, wanted: readonly WrittenNumber[], t: Block, enPlace: string, add: AddProblem) {
  if (wanted.length === 0) return;
  // Most translations write each number as the English does: found so, nothing else is read.
  let asWritten = 0;
  // Stryker disable next-line all: speed only: the search among all the text's numbers below finds what this finds
  while (asWritten < wanted.length && hasNumber(t.text, wanted[asWritten]!.written)) asWritten++;
  // Stryker disable next-line all: speed only: the search among all the text's numbers below finds what this finds
  if (asWritten === wanted.length) return;
  const found = new Set(numbersOf(t.text).map((n) => n.digits));
  const lacking = [...new Set(wanted.filter((n) => !found.has(n.digits)).map((n) => n.written))];
  if (lacking.length === 0) return;
  const list = `the ${lacking.length === 1 ? "number" : "numbers"} ${andList(lacking)}`;
  add(
    "number",
    t.line,
    `this ${KIND_NAMES[t.kind]} lacks ${list} that the English ${KIND_NAMES[e.kind]} at ${enPlace} has`,
    `keep numbers, years and article numbers as the English writes them (in your language's digits if it uses others); if your language rightly writes ${lacking.length === 1 ? "it" : "one"} in words here, leave it (this is only a warning)`,
  );
}

/** Shorter English texts vary too much in translation to say anything. */
const LENGTH_FROM = 60;

function checkLength(e: Block, t: Block, enPlace: string, [min, max]: Expansion, add: AddProblem) {
  if (!isTextBlock(e) || e.text.length < LENGTH_FROM) return;
  const ratio = t.text.length / e.text.length;
  if (ratio >= min && ratio <= max) return;
  const percent = Math.round(ratio * 100);
  add(
    "length",
    t.line,
    // Stryker disable next-line EqualityOperator: a ratio equal to min returned above
    ratio < min
      ? `this ${KIND_NAMES[t.kind]} is ${percent} % of the length of the English one at ${enPlace} (“${shorten(e.text, 50)}”): a sentence may have been dropped`
      : `this ${KIND_NAMES[t.kind]} is ${percent} % of the length of the English one at ${enPlace} (“${shorten(e.text, 50)}”): a sentence may have been added, or two paragraphs joined`,
    `compare it with the English sentence by sentence; if it is complete, leave it (this is only a warning; "expansion" in locale.json sets the usual range, now ${Math.round(min * 100)}–${Math.round(max * 100)} %)`,
  );
}
