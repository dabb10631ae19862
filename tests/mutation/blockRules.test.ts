// The check's block rules on one section in memory, each problem with its kind, line, severity and
// message: a link the English block lacks, a changed or dropped link, a paragraph far longer than
// the English, a label or attribution the English lacks, an added heading, addresses written out.
import { expect, test } from "vitest";
import { checkSection } from "../../scripts/check/sectionCheck.ts";
import { sectionFromText, type Section } from "../../scripts/project/readProject.ts";
import type { SourceHistory } from "../../scripts/project/sourceHistory.ts";
import { sectionState } from "../../scripts/project/translationState.ts";
import { countBlockProblems, writtenAddresses } from "../../scripts/check/blockRules.ts";
import type { Problem } from "../../scripts/check/types.ts";

function section(locale: string, text: string): Section {
  return sectionFromText(locale, "alpha", `content/${locale}/alpha.md`, text);
}

/** The problems of a translation (body from line 7) of an English section (body from line 5), one line each. */
function problems(englishBody: string, frenchBody: string, frenchHead = "title: L'engagement\n", englishHead = "title: The pledge\n", history?: SourceHistory): string[] {
  const english = section("en", `---\n${englishHead}---\n\n${englishBody}`);
  const source = history ? "0123456789ab" : english.version;
  const french = section("fr", `---\n${frenchHead}source: ${source}\nstatus: reviewed\n---\n\n${frenchBody}`);
  const result = checkSection(english, french, sectionState(english, french, history), { code: "fr", complete: true });
  return result.problems.map((p) => `${p.severity} ${p.kind} :${p.line} ${p.message} | ${p.hint}`);
}

const LONG = "We refuse to work on tickets that support the war, as the union decided in its last meeting.\n";

test("a link to an address the English section does not have: one added-link error at the paragraph's line, not a link error as well", () => {
  expect(problems(LONG, "Nous refusons de traiter les tickets qui soutiennent la guerre, voir [le site](https://example.org/x).\n")).toEqual([
    "error added-link :7 this link to https://example.org/x is not in the English (content/en/alpha.md): the page would send readers there | remove the link and keep only what the English says (its words may stay, as plain text): a translation links only where the English does, to the same address",
  ]);
});

test("a link sent elsewhere and a link dropped: each named with the English address", () => {
  expect(problems("We refuse to work on [tickets](https://a.org/t) that support [the war](https://a.org/w).\n", "Nous refusons de traiter les [tickets](https://a.org/w) qui soutiennent la guerre.\n")).toEqual([
    "error link :7 the link to https://a.org/t in the English paragraph at content/en/alpha.md:5 is missing here | keep it a link: [the translated link text](https://a.org/t)",
  ]);
  expect(problems("We refuse to work on [tickets](https://a.org/t) that support [the war](https://a.org/w).\n", "Nous refusons de traiter les [tickets](https://b.org/t) qui soutiennent [la guerre](https://a.org/w).\n")).toEqual([
    "error added-link :7 this link to https://b.org/t is not in the English (content/en/alpha.md): the page would send readers there | remove the link and keep only what the English says (its words may stay, as plain text): a translation links only where the English does, to the same address",
    "error link :7 this link goes to https://b.org/t; the English paragraph at content/en/alpha.md:5 links to https://a.org/t | write the English address exactly: [tickets](https://a.org/t); only the link text is translated",
  ]);
});

test("a paragraph far longer or shorter than the English: a length warning with the percentage and the range", () => {
  const range = 'compare it with the English sentence by sentence; if it is complete, leave it (this is only a warning; "expansion" in locale.json sets the usual range, now 50–200 %)';
  expect(problems(LONG, `${"Nous refusons. ".repeat(30)}\n`)).toEqual([
    `warning length :7 this paragraph is 488 % of the length of the English one at content/en/alpha.md:5 (“We refuse to work on tickets that support the war,…”): a sentence may have been added, or two paragraphs joined | ${range}`,
  ]);
  expect(problems(LONG, "Nous refusons.\n")).toEqual([
    `warning length :7 this paragraph is 15 % of the length of the English one at content/en/alpha.md:5 (“We refuse to work on tickets that support the war,…”): a sentence may have been dropped | ${range}`,
  ]);
  // At the bounds, and under 60 characters of English: nothing to say.
  expect(problems(LONG, `${"x".repeat(LONG.length * 2 - 2)}\n`)).toEqual([]);
  expect(problems("We refuse to work on tickets.\n", `${"Nous refusons. ".repeat(30)}\n`)).toEqual([]);
});

test("a ::: details with a label, a quotation with an attribution, the English having neither: added structure at its line", () => {
  expect(problems("::: details\n\nWe refuse to work on tickets.\n\n:::\n", "::: details Lire\n\nNous refusons de traiter les tickets.\n\n:::\n")).toEqual([
    "error added-structure :7 this collapsed block names a label the English one at content/en/alpha.md:5 does not have: “Lire” | write ::: details alone on its line, as the English does; a translation adds no source",
  ]);
  expect(problems("> We refuse to work on tickets.\n", "::: quote Albanese\n\nNous refusons de traiter les tickets.\n\n:::\n")).toEqual([
    "error added-structure :7 this quotation names a source (attribution) the English one at content/en/alpha.md:5 does not have: “Albanese” | write ::: quote alone on its line, as the English does; a translation adds no source",
  ]);
});

test("a heading the English lacks: added structure at its line, compared with the English block before it", () => {
  expect(problems("We refuse to work on tickets.\n\nWe ask for more.\n", "Nous refusons de traiter les tickets.\n\n## Pourquoi\n\nNous demandons plus.\n")).toEqual([
    "error added-structure :9 this heading is not in the English (compare with content/en/alpha.md:5): “Pourquoi”; a translation adds no heading, quotation or block | remove the # line (or the line under it), keeping only what the English says: headings, quotations and blocks come from content/en/alpha.md",
  ]);
});

test("addresses written out as text: each named as the reader would copy it, without the sentence's punctuation", () => {
  expect(problems("We refuse to work on tickets.\n", "Nous refusons, voir www.example.org/page. et javascript:alert(1)).\n")).toEqual([
    "error added-link :7 this text writes out the address www.example.org/page, which the English (content/en/alpha.md) does not have: the page would show it to readers | remove it and keep only what the English says: a translation adds no address",
    "error added-link :7 this text writes out the address javascript:alert(1), which the English (content/en/alpha.md) does not have: the page would show it to readers | remove it and keep only what the English says: a translation adds no address",
  ]);
});

const RANGE = 'compare it with the English sentence by sentence; if it is complete, leave it (this is only a warning; "expansion" in locale.json sets the usual range, now 50–200 %)';

test("lengths are compared from 60 characters of English, and half the English is still in range", () => {
  expect(problems(`${"x".repeat(60)}\n`, `${"y".repeat(15)}\n`)).toEqual([
    `warning length :7 this paragraph is 25 % of the length of the English one at content/en/alpha.md:5 (“${"x".repeat(50)}…”): a sentence may have been dropped | ${RANGE}`,
  ]);
  expect(problems(`${"x".repeat(59)}\n`, `${"y".repeat(15)}\n`)).toEqual([]);
  expect(problems(`${"x".repeat(100)}\n`, `${"y".repeat(50)}\n`)).toEqual([]);
});

test("broken markup is reported alone: the blocks after it are not compared", () => {
  expect(problems("We refuse to work on tickets.\n\nWe ask for more.\n", "::: details\n\nNous refusons de traiter les tickets.\n\nNous demandons plus.\n")).toEqual([
    "error markup :7 the collapsed block opened here (::: details) is never closed, so everything after it is swallowed into it | add a line with only ::: where the collapsed block ends, as the English has it",
  ]);
});

test("two added links in one paragraph, one of them with a space: each named once, never again as a written address or a link error", () => {
  const added = (a: string) => `error added-link :7 this link to ${a} is not in the English (content/en/alpha.md): the page would send readers there | remove the link and keep only what the English says (its words may stay, as plain text): a translation links only where the English does, to the same address`;
  expect(problems("We refuse to work on tickets.\n", "Nous refusons [a](https://evil.org/one) [b](<https://evil.org/two words>).\n")).toEqual([added("https://evil.org/one"), added("https://evil.org/two%20words")]);
  // One the English has elsewhere in the section beside one it has nowhere: only the first is a link error.
  expect(problems("We refuse to work on tickets.\n\nSee [the report](https://a.org/r).\n", "Nous refusons [a](https://evil.org/one) [b](https://a.org/r).\n\nVoir [le rapport](https://a.org/r).\n")).toEqual([
    added("https://evil.org/one"),
    "error link :7 this link to https://a.org/r is not in the English paragraph at content/en/alpha.md:5 | remove the link (keep its text), or give it the address the English links to here",
  ]);
});

test("an address the English writes out as text may be a link in the translation: only the link rule speaks", () => {
  expect(problems("We refuse to work on tickets, see https://a.org/x.\n", "Nous refusons, voir [le site](https://a.org/x).\n")).toEqual([
    "error link :7 this link to https://a.org/x is not in the English paragraph at content/en/alpha.md:5 | remove the link (keep its text), or give it the address the English links to here",
  ]);
});

test("addresses in the title and kicker: named at their lines, unless the English title or kicker has them", () => {
  const written = (line: number, a: string) => `error added-link :${line} this text writes out the address ${a}, which the English (content/en/alpha.md) does not have: the page would show it to readers | remove it and keep only what the English says: a translation adds no address`;
  expect(problems("We refuse to work on tickets.\n", "Nous refusons de traiter les tickets.\n", "title: L'engagement www.t.org\nkicker: Voir www.k.org et www.e.org\n", "title: The pledge\nkicker: See www.e.org\n")).toEqual([
    written(2, "www.t.org"),
    written(3, "www.k.org"),
  ]);
});

test("stale: a link the current English has is no added link, but the block is still held to the English it was made from", () => {
  const old = { find: () => ({ text: { title: "The pledge", body: "We refuse to work on tickets.\n", bodyLine: 5 }, from: "snapshot" }) } as unknown as SourceHistory;
  expect(problems("We refuse to work on [tickets](https://a.org/t).\n", "Nous refusons de traiter les [tickets](https://a.org/t).\n", undefined, undefined, old).filter((p) => !p.includes(" stale "))).toEqual([
    "error link :7 this link to https://a.org/t is not in the English paragraph at content/.versions/alpha/0123456789ab.md:5 | remove the link (keep its text), or give it the address the English links to here",
  ]);
});

test("the status page's counts: each block problem kind, nothing else", () => {
  const p = (kind: string) => ({ kind }) as Problem;
  expect(countBlockProblems([p("markup"), p("link"), p("link"), p("added-link"), p("stale"), p("length")])).toEqual({ markup: 1, structure: 0, link: 2, length: 1, "added-link": 1, "added-structure": 0 });
});

test("the addresses a UI string writes out, as a reader would copy them: no closing bracket or sentence punctuation", () => {
  expect(writtenAddresses("Nothing to see here.")).toEqual([]);
  expect(writtenAddresses("(voir https://a.org/x).")).toEqual(["https://a.org/x"]);
  expect(writtenAddresses("Voir javascript:alert(1)). Et data:text/html,x.")).toEqual(["javascript:alert(1)", "data:text/html,x"]);
  expect(writtenAddresses("javascript:f(a(b))))!")).toEqual(["javascript:f(a(b))"]);
  expect(writtenAddresses("javascript:a)b javascript:c) javascript:d.)")).toEqual(["javascript:a)b", "javascript:c", "javascript:d"]);
  // Each form alone: with no colon, "//" or "www." is all there is to find.
  expect(writtenAddresses("Voir www.a.org/x.")).toEqual(["www.a.org/x"]);
  expect(writtenAddresses("Voir WWW.Example.org.")).toEqual(["WWW.Example.org"]);
  expect(writtenAddresses("Voir //a.org/x.")).toEqual(["//a.org/x"]);
  expect(writtenAddresses("Écrire à mailto:x@a.org.")).toEqual(["mailto:x@a.org"]);
});

const ADDED = (line: number, what: string, compare: string, shown: string, hint: string) =>
  `error added-structure :${line} this ${what} is not in the English (compare with content/en/alpha.md:${compare})${shown}; a translation adds no heading, quotation or block | ${hint}`;
const HEADING_HINT = "remove the # line (or the line under it), keeping only what the English says: headings, quotations and blocks come from content/en/alpha.md";

test("added headings and quotations are compared with the English block before them, else after; a paragraph added is a structure problem", () => {
  const two = "We refuse to work on tickets.\n\nWe ask for more.\n";
  expect(problems(two, "## Pourquoi\n\nNous refusons de traiter les tickets.\n\nNous demandons plus.\n")).toEqual([ADDED(7, "heading", "5", ": “Pourquoi”", HEADING_HINT)]);
  expect(problems(two, "Nous refusons de traiter les tickets.\n\n## Un\n\n## Deux\n\nNous demandons plus.\n")).toEqual([
    ADDED(9, "heading", "5", ": “Un”", HEADING_HINT),
    ADDED(11, "heading", "5", ": “Deux”", HEADING_HINT),
  ]);
  expect(problems(two, "Nous refusons de traiter les tickets.\n\n> Cité.\n\nNous demandons plus.\n")).toEqual([
    ADDED(9, "quotation", "5", "", "remove its ::: lines (or > signs) and anything it holds that the English does not say: headings, quotations and blocks come from content/en/alpha.md"),
  ]);
  expect(problems("We refuse to work on tickets.\n", "Nous refusons de traiter les tickets.\n\nEt plus encore.\n")).toEqual([
    "error structure :9 this paragraph has no counterpart in the English (compare with content/en/alpha.md:5) | if it continues the paragraph before it, join the two (no blank line between); if it is not in the English, remove it",
  ]);
});

test("a translated label is no added label; a list item where the English has a long paragraph is a structure problem, not a length one", () => {
  expect(problems("::: details Read more\n\nWe refuse to work on tickets.\n\n:::\n", "::: details Lire la suite\n\nNous refusons de traiter les tickets.\n\n:::\n")).toEqual([]);
  expect(problems(LONG, "- Nous refusons.\n")).toEqual(["error structure :7 this is a list item; the English has a paragraph here (content/en/alpha.md:5) | write it as a paragraph, with a blank line before and after it"]);
});

test("links: every English link missing from a block without links; the right link text where the wrong address is second", () => {
  const missing = (a: string) => `error link :7 the link to ${a} in the English paragraph at content/en/alpha.md:5 is missing here | keep it a link: [the translated link text](${a})`;
  expect(problems("We refuse to work on [tickets](https://a.org/t) that support [the war](https://a.org/w).\n", "Nous refusons de traiter les tickets qui soutiennent la guerre.\n")).toEqual([missing("https://a.org/t"), missing("https://a.org/w")]);
  expect(problems("We refuse to work on [tickets](https://a.org/t) that support [the war](https://a.org/w).\n", "Nous refusons [la guerre](https://a.org/w) et les [billets](https://b.org/t).\n")).toContain(
    "error link :7 this link goes to https://b.org/t; the English paragraph at content/en/alpha.md:5 links to https://a.org/t | write the English address exactly: [billets](https://a.org/t); only the link text is translated",
  );
});

test("an address is never pieced together from the end of one English text and the start of the next", () => {
  expect(problems("We refuse to work on tickets.\n", "Nous refusons, voir www.a.org/x.\n", "title: L'engagement\nkicker: /x de plus\n", "title: Visit www.a.org\nkicker: /x more\n")).toEqual([
    "error added-link :8 this text writes out the address www.a.org/x, which the English (content/en/alpha.md) does not have: the page would show it to readers | remove it and keep only what the English says: a translation adds no address",
  ]);
});

test("stale: an address the old English kicker or the current one writes out is no added address", () => {
  const old = { find: () => ({ text: { title: "The pledge", kicker: "See www.old.org", body: "We refuse to work on tickets.\n", bodyLine: 6 }, from: "snapshot" }) } as unknown as SourceHistory;
  const found = problems("We refuse to work on tickets.\n", "Nous refusons de traiter les tickets.\n", "title: L'engagement\nkicker: Voir www.old.org et www.new.org\n", "title: The pledge\nkicker: See www.new.org\n", old);
  expect(found.filter((p) => p.includes("added-link"))).toEqual([]);
});

const NUMBER_HINT = (pronoun: string) =>
  `keep numbers, years and article numbers as the English writes them (in your language's digits if it uses others); if your language rightly writes ${pronoun} in words here, leave it (this is only a warning)`;

test("numbers: one of two digits or more missing or changed is a warning naming it; the number itself, not a longer one that holds it", () => {
  const english = "Article 147 of the Convention, signed in 1949, bans the transfer of civilians.\n";
  expect(problems(english, "L'article 147 de la Convention, signée en 1949, interdit le transfert de civils.\n")).toEqual([]);
  expect(problems(english, "L'article 148 de la Convention, signée en 1949, interdit le transfert de civils.\n")).toEqual([
    `warning number :7 this paragraph lacks the number 147 that the English paragraph at content/en/alpha.md:5 has | ${NUMBER_HINT("it")}`,
  ]);
  // Held in a longer number on either side, it is not there.
  for (const held of ["1470", "2147", "11470"]) {
    expect(problems(english, `L'article ${held} de la Convention, signée en 1949, interdit le transfert de civils.\n`), held).toEqual([
      `warning number :7 this paragraph lacks the number 147 that the English paragraph at content/en/alpha.md:5 has | ${NUMBER_HINT("it")}`,
    ]);
  }
  // Found further on, after a longer number holding it.
  expect(problems(english, "L'article 1470, non : l'article 147 de la Convention, signée en 1949, interdit le transfert.\n")).toEqual([]);
  expect(problems(english, "L'article de la Convention interdit le transfert de civils, en des termes très clairs.\n")).toEqual([
    `warning number :7 this paragraph lacks the numbers 147 and 1949 that the English paragraph at content/en/alpha.md:5 has | ${NUMBER_HINT("one")}`,
  ]);
  expect(problems("In 2023, 2024 and 2025 the workers of the company signed the pledge again and again.\n", "Les salariés ont signé l'engagement encore et encore, chaque année depuis longtemps.\n")).toEqual([
    `warning number :7 this paragraph lacks the numbers 2023, 2024 and 2025 that the English paragraph at content/en/alpha.md:5 has | ${NUMBER_HINT("one")}`,
  ]);
});

test("numbers: two digits are a number to keep; one is not", () => {
  expect(problems("In the last 10 years and in 2 more, the workers of the company refused such tickets.\n", "Depuis des années, et deux de plus, les salariés de l'entreprise refusent ces tickets.\n")).toEqual([
    `warning number :7 this paragraph lacks the number 10 that the English paragraph at content/en/alpha.md:5 has | ${NUMBER_HINT("it")}`,
  ]);
});

test("numbers: other digits, other grouping, one digit, citation markers and a number the English repeats", () => {
  const english = "More than 2,000 workers signed in 2024, tier 1 included, as [78 A, B] and S/RES/2720 say.\n";
  const french = (numbers: string) => `Plus de ${numbers} salariés ont signé, le niveau un compris, comme le disent [78 A, B] et S/RES/2720.\n`;
  expect(problems(english, french("2 000 … en 2024"))).toEqual([]);
  expect(problems(english, french("2.000 … en 2024"))).toEqual([]);
  expect(problems(english, french("2000 … en 2024"))).toEqual([]);
  expect(problems(english, french("٢٬٠٠٠ … عام ٢٠٢٤"))).toEqual([]);
  expect(problems(english, french("۲۰۰۰ … ۲۰۲۴"))).toEqual([]);
  expect(problems(english, french("2 000 … en 2023"))).toEqual([
    `warning number :7 this paragraph lacks the number 2024 that the English paragraph at content/en/alpha.md:5 has | ${NUMBER_HINT("it")}`,
  ]);
  expect(problems(english, french("2 001 … en 2024"))).toEqual([
    `warning number :7 this paragraph lacks the number 2,000 that the English paragraph at content/en/alpha.md:5 has | ${NUMBER_HINT("it")}`,
  ]);
  // Named once, however often the English writes it.
  expect(problems("In 1948 and again in 1948 the people were driven out of their homes and their land.\n", "Les habitants furent chassés de leurs maisons et de leurs terres, encore et encore.\n")).toEqual([
    `warning number :7 this paragraph lacks the number 1948 that the English paragraph at content/en/alpha.md:5 has | ${NUMBER_HINT("it")}`,
  ]);
});

const HTML_HINT = "remove it (markdown writes emphasis as **bold**): a translation adds no markup the English does not have";

test("HTML tags the English does not have: an error naming each tag once, in a block, the title or the kicker", () => {
  expect(problems(LONG, "Nous refusons <script>alert(1)</script> de traiter les <b onclick=x>tickets</b> <b onclick=x>ici</b> <!-- x -->.\n")).toEqual([
    `error added-html :7 this text holds the HTML tags <script>, </script>, <b onclick=x>, </b> and <!--, which the English (content/en/alpha.md) does not have: the page would show them as text | ${HTML_HINT}`,
  ]);
  expect(problems(LONG, "Nous refusons de traiter les tickets qui soutiennent la guerre.<br/>\n")).toEqual([
    `error added-html :7 this text holds the HTML tag <br/>, which the English (content/en/alpha.md) does not have: the page would show it as text | ${HTML_HINT}`,
  ]);
  expect(problems(LONG, "Nous refusons de traiter les tickets.\n", "title: L'<i>engagement</i>\nkicker: Nous <u>refusons</u>\n").filter((p) => !p.includes(" length "))).toEqual([
    `error added-html :2 the title holds the HTML tags <i> and </i>, which the English (content/en/alpha.md) does not have: the page would show them as text | ${HTML_HINT}`,
    `error added-html :3 the kicker holds the HTML tags <u> and </u>, which the English (content/en/alpha.md) does not have: the page would show them as text | ${HTML_HINT}`,
  ]);
});

test("HTML: a tag the English section has anywhere, a < that opens no tag and an autolink are no added tag", () => {
  expect(problems("We refuse to work on <b>tickets</b> that support the war, as decided in the meeting.\n\nMore.\n", "Nous refusons de traiter les tickets.\n\nEt <b>plus</b>.\n").filter((p) => !p.includes(" length "))).toEqual([]);
  expect(problems(LONG, "Nous refusons si 3 < 4 et 5 > 2, ou a<b ou <3 ou < b >.\n").filter((p) => p.includes("added-html"))).toEqual([]);
  expect(problems("We refuse, see <https://a.org/x>.\n", "Nous refusons, voir <https://a.org/x>.\n")).toEqual([]);
});
