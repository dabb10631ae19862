// Rules of the check that mutation testing found unheld (issue 30): each made on a copy of the
// check-clean fixture (French, complete) with an English and a French alpha.md written here, and
// each asserted by its message, its place (file and line) and its severity.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { checkLocales } from "../../scripts/check/checkLocales.ts";
import type { Problem } from "../../scripts/check/types.ts";
import { parseSectionFile } from "../../scripts/project/sectionFile.ts";
import { sectionVersion } from "../../scripts/project/sectionVersion.ts";
import { copyFixture } from "./fixtures.ts";

let copies: { remove(): void }[] = [];
afterEach(() => {
  for (const c of copies) c.remove();
  copies = [];
});

const ENGLISH = "content/en/alpha.md";
const FRENCH = "content/fr/alpha.md";

/** The version `source:` names for an English file's text. */
function versionOf(text: string, file: string): string {
  const parsed = parseSectionFile(text, file);
  return sectionVersion({ title: parsed.frontMatter.title, kicker: parsed.frontMatter.kicker, body: parsed.body });
}

interface Pair {
  /** English body lines: the first is line 5 of content/en/alpha.md. */
  english: string[];
  /** French body lines: the first is line 7 of content/fr/alpha.md. */
  french: string[];
  /** The French `source:` (default: the version of `english`, so the translation is current). */
  source?: string;
  /** Older English versions kept in content/.versions/alpha/, as body lines like `english`. */
  snapshots?: string[][];
}

const englishFile = (body: string[]) => `---\ntitle: The pledge\n---\n\n${body.join("\n")}\n`;

/** The check's problems with the French alpha.md, as [line, severity, kind, message]. */
function checkPair(pair: Pair): [number | undefined, Problem["severity"], Problem["kind"], string][] {
  return problemsOf(pair).map((p) => [p.line, p.severity, p.kind, p.message]);
}

function problemsOf({ english, french, source, snapshots = [] }: Pair): Problem[] {
  const copy = copyFixture("clean");
  copies.push(copy);
  const englishText = englishFile(english);
  writeFileSync(join(copy.root, ENGLISH), englishText);
  for (const body of snapshots) {
    const text = englishFile(body);
    mkdirSync(join(copy.root, "content/.versions/alpha"), { recursive: true });
    writeFileSync(join(copy.root, `content/.versions/alpha/${versionOf(text, ENGLISH)}.md`), text);
  }
  writeFileSync(join(copy.root, FRENCH), `---\ntitle: L'engagement\nstatus: reviewed\nsource: ${source ?? versionOf(englishText, ENGLISH)}\n---\n\n${french.join("\n")}\n`);
  return checkLocales(copy.root, { diffs: false, locales: ["fr"] }).problems.filter((p) => p.file === FRENCH);
}

const LONG_EN = "We refuse to work on tickets that support the war, in any of its forms.";
/** A paragraph a translator added: far longer than any other, so no length makes it look like one of them. */
const ADDED = "Un paragraphe ajouté par le traducteur, qui dit ce que l'anglais ne dit pas et qui ne traduit rien du tout de la source.";
const LONG_FR = "Nous refusons de traiter les tickets qui soutiennent la guerre, sous toutes ses formes.";

describe("links", () => {
  test("a link added where the English block has none, to an address the English has elsewhere: a link error naming the English block", () => {
    expect(
      checkPair({
        english: ["We refuse to work on tickets.", "", "Read the [report](https://example.org/report)."],
        french: ["Nous refusons de traiter les [tickets](https://example.org/report).", "", "Lisez le [rapport](https://example.org/report)."],
      }),
    ).toEqual([[7, "error", "link", "this link to https://example.org/report is not in the English paragraph at content/en/alpha.md:5"]]);
  });

  test("a link added to an address the English lacks: one added-link error, even in a locale in progress (not a link problem as well)", () => {
    expect(
      checkPair({
        english: ["We refuse to work on tickets.", "", "Read the [report](https://example.org/report)."],
        french: ["Nous refusons de traiter les [tickets](https://evil.example/sign).", "", "Lisez le [rapport](https://example.org/report)."],
      }),
    ).toEqual([[7, "error", "added-link", "this link to https://evil.example/sign is not in the English (content/en/alpha.md): the page would send readers there"]]);
  });

  test("a [text](<address>) link is read: the same address in either form passes, another is reported", () => {
    const english = ["We refuse to work on tickets.", "", "Read the [report](<https://example.org/the report>)."];
    expect(checkPair({ english, french: ["Nous refusons de traiter les tickets.", "", "Lisez le [rapport](https://example.org/the%20report)."] })).toEqual([]);
    expect(checkPair({ english, french: ["Nous refusons de traiter les tickets.", "", "Lisez le [rapport](<https://evil.example/the report>)."] })).toEqual([
      [9, "error", "added-link", "this link to https://evil.example/the%20report is not in the English (content/en/alpha.md): the page would send readers there"],
      [9, "error", "link", "this link goes to https://evil.example/the%20report; the English paragraph at content/en/alpha.md:7 links to https://example.org/the%20report"],
    ]);
  });
});

describe("lengths", () => {
  test("a paragraph far longer than the English is a warning naming both lines", () => {
    const english = [LONG_EN, "", "We ask the company to end the contracts."];
    const longer = `${LONG_FR} ${LONG_FR} ${LONG_FR}`;
    const found = checkPair({ english, french: [longer, "", "Nous demandons la fin des contrats."] });
    const percent = Math.round((longer.length / LONG_EN.length) * 100);
    expect(percent).toBeGreaterThan(220);
    expect(found).toEqual([
      [
        7,
        "warning",
        "length",
        `this paragraph is ${percent} % of the length of the English one at content/en/alpha.md:5 (“We refuse to work on tickets that support the war,…”): a sentence may have been added, or two paragraphs joined`,
      ],
    ]);
  });
});

describe("numbers", () => {
  const english = ["Article 147 of the Fourth Geneva Convention, signed in 1949, bans it.", "", "Since December, 2024 more than 2,000 workers signed."];

  test("a number of two digits or more changed or dropped: a warning naming the number and the English block", () => {
    expect(
      checkPair({
        english,
        french: ["L'article 148 de la quatrième Convention de Genève, signée en 1949, l'interdit.", "", "Depuis décembre 2023, plus de deux mille salariés ont signé."],
      }),
    ).toEqual([
      [7, "warning", "number", "this paragraph lacks the number 147 that the English paragraph at content/en/alpha.md:5 has"],
      [9, "warning", "number", "this paragraph lacks the numbers 2024 and 2,000 that the English paragraph at content/en/alpha.md:7 has"],
    ]);
  });

  test("kept as the English writes them: in other digits, grouped otherwise, or one digit written as a word, no problem", () => {
    expect(checkPair({ english, french: ["L'article 147 de la quatrième Convention de Genève, signée en 1949, l'interdit.", "", "Depuis décembre 2024, plus de 2 000 salariés ont signé."] })).toEqual([]);
    expect(checkPair({ english, french: ["المادة ١٤٧ من اتفاقية جنيف الرابعة الموقعة عام ١٩٤٩ تحظر ذلك.", "", "منذ كانون الأول ٢٠٢٤ وقّع أكثر من ٢٬٠٠٠ عامل."] })).toEqual([]);
    expect(checkPair({ english: ["Tier 1: we refuse [78 A, B]."], french: ["Niveau un : nous refusons [78 A, B]."] })).toEqual([]);
  });
});

describe("blocks the English lacks, and blocks of another shape", () => {
  test("an added paragraph: the check does not throw and names it, with the English place near it", () => {
    expect(
      checkPair({
        english: ["We refuse to work on tickets.", "", "We ask the company to end the contracts."],
        french: ["Nous refusons de traiter les tickets.", "", ADDED, "", "Nous demandons la fin des contrats."],
      }),
    ).toEqual([[9, "error", "structure", "this paragraph has no counterpart in the English (compare with content/en/alpha.md:5)"]]);
  });

  test("an added paragraph at the end, after every English block", () => {
    expect(
      checkPair({
        english: ["We refuse to work on tickets.", "", "We ask the company to end the contracts."],
        french: ["Nous refusons de traiter les tickets.", "", "Nous demandons la fin des contrats.", "", ADDED],
      }),
    ).toEqual([[11, "error", "structure", "this paragraph has no counterpart in the English (compare with content/en/alpha.md:7)"]]);
  });

  test("an added heading: an added-structure error that names it", () => {
    expect(
      checkPair({
        english: ["We refuse to work on tickets.", "", "We ask the company to end the contracts."],
        french: ["Nous refusons de traiter les tickets.", "", "## Un titre ajouté", "", "Nous demandons la fin des contrats."],
      }),
    ).toEqual([[9, "error", "added-structure", "this heading is not in the English (compare with content/en/alpha.md:5): “Un titre ajouté”; a translation adds no heading, quotation or block"]]);
  });

  test("a list item nested at another depth", () => {
    expect(
      checkPair({
        english: ["- Workers have a voice.", "- Workers have a vote."],
        french: ["- Les travailleurs ont une voix.", "  - Les travailleurs ont un vote."],
      }),
    ).toEqual([[8, "error", "structure", "this list item is nested 2 deep; the English list item at content/en/alpha.md:6 is nested 1 deep"]]);
  });

  test("a ::: details that lost its label", () => {
    expect(
      checkPair({
        english: ["::: details Read the testimony", "A worker speaks.", ":::"],
        french: ["::: details", "Un travailleur parle.", ":::"],
      }),
    ).toEqual([[7, "error", "structure", "this collapsed block has no label; the English one at content/en/alpha.md:5 has “Read the testimony”"]]);
  });

  test("a quotation that gained an attribution: an added-structure error, even where the English it follows is uncertain", () => {
    const pair = {
      english: ["::: quote", "Tech companies provide dual-use infrastructure.", ":::"],
      french: ["::: quote Un rapport inventé", "Les entreprises fournissent une infrastructure.", ":::"],
    };
    const expected = [7, "error", "added-structure", "this quotation names a source (attribution) the English one at content/en/alpha.md:5 does not have: “Un rapport inventé”"];
    expect(checkPair(pair)).toEqual([expected]);
    expect(checkPair({ ...pair, source: "0123456789ab" })).toContainEqual(expected);
  });
});

describe("the English a translation is held to", () => {
  test("a source: version known nowhere: structure and link differences are warnings, an added address stays an error", () => {
    const found = checkPair({
      english: ["We refuse to work on tickets.", "", "We ask the company to end the contracts.", "", "Read the [report](https://example.org/report)."],
      french: ["Nous refusons de traiter les tickets.", "", "Lisez le [rapport](https://example.org/rapport)."],
      source: "0123456789ab",
    });
    expect(found).toEqual([
      [4, "warning", "unknown-source", "the source: line names version 0123456789ab, which matches no English version of this section the check can find, so it cannot tell what changed since"],
      [9, "error", "added-link", "this link to https://example.org/rapport is not in the English (content/en/alpha.md): the page would send readers there"],
      [9, "warning", "structure", "the English paragraph at content/en/alpha.md:7 has no counterpart here"],
      [9, "warning", "link", "this link goes to https://example.org/rapport; the English paragraph at content/en/alpha.md:9 links to https://example.org/report"],
    ]);
  });

  test("a stale translation's differences name the lines of the old English it was made from, not of the current file", () => {
    const old = ["We refuse to work on tickets.", "", "- Workers have a voice.", "- Read the [report](https://example.org/report)."];
    // The current English gained two paragraphs at the top: its list items are 4 lines further down.
    const current = ["A new opening paragraph.", "", "Another new paragraph.", "", ...old];
    const oldVersion = versionOf(englishFile(old), ENGLISH);
    const found = checkPair({ english: current, snapshots: [old], source: oldVersion, french: ["Nous refusons de traiter les tickets.", "", "- Les travailleurs ont une voix."] });
    expect(found.filter(([, , kind]) => kind !== "stale")).toEqual([[9, "error", "structure", `the English list item at content/.versions/alpha/${oldVersion}.md:8 has no counterpart here`]]);
  });

  test("a citation marker the English has twice, lost at the second place: reported there, pointing at the English second place", () => {
    const found = problemsOf({
      english: ["We refuse [78 A, B].", "", "We ask the company to end the contracts.", "", "As the report says [78 A, B]."],
      french: ["Nous refusons [78 A, B].", "", "Nous demandons la fin des contrats.", "", "Comme le dit le rapport."],
    });
    expect(found.map((p) => [p.line, p.severity, p.kind, p.message, p.hint])).toEqual([
      [
        11,
        "error",
        "citation",
        "lacks the citation marker [78 A, B] (the English has it 2 times, this file 1)",
        "copy it exactly as the English has it (content/en/alpha.md:9), with the same brackets, letters and digits (0-9); write * as \\*",
      ],
    ]);
  });
});
