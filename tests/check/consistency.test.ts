// The same English translated the same way: repeated blocks and sentences across sections.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { checkLocales } from "../../scripts/check/checkLocales.ts";
import { normalised, sentencesOf } from "../../scripts/check/consistency.ts";
import { ROOT } from "../helpers/site.ts";
import { brief, check, copyFixture } from "./fixtures.ts";

const inconsistent = (result: ReturnType<typeof check>) => result.problems.filter((p) => p.kind === "inconsistent");

test("a repeated paragraph and a repeated sentence translated two ways: one warning each, naming both places", () => {
  const result = check("consistency");
  expect(result.problems.map(brief)).toEqual([
    { locale: "fr", file: "content/fr/beta.md", line: 7, severity: "warning", kind: "inconsistent" },
    { locale: "fr", file: "content/fr/beta.md", line: 10, severity: "warning", kind: "inconsistent" },
  ]);
  const [paragraph, sentence] = result.problems;
  // The English copies differ in their citation markers ([78 A, B] and none): still the same text.
  expect(paragraph!.message).toBe(
    "the English here (content/en/beta.md:5) repeats content/en/alpha.md:5 word for word, but this translation differs from the one at content/fr/alpha.md:7: “We refuse to work on tickets that support the war.”",
  );
  // The second copy of the quotation runs longer; its first sentence matches, its second does not.
  expect(sentence!.message).toBe(
    "the English sentence “Giants fuel the surveillance of a people.” is here (content/en/beta.md:8) and at content/en/alpha.md:8, but its translation here differs from the one at content/fr/alpha.md:10",
  );
  expect(sentence!.hint).toContain("use the wording of content/fr/alpha.md:10 here");
  // A warning even in a locale marked complete: it never blocks publishing.
  expect(result.ok).toBe(true);
  expect(result.locales.find((l) => l.code === "fr")).toMatchObject({ complete: true, errors: 0, warnings: 2 });
});

test("once the second copy is worded like the first, the warnings go", () => {
  const copy = copyFixture("consistency");
  try {
    const file = join(copy.root, "content", "fr", "beta.md");
    writeFileSync(
      file,
      [
        "---",
        "title: Nos revendications",
        "status: reviewed",
        "source: 85a70b3603c1",
        "---",
        "",
        "Nous refusons de traiter les tickets qui soutiennent la guerre.",
        "",
        "::: quote A-HRC-59-23-AEV\\*",
        "Les entreprises technologiques fournissent une infrastructure à double usage. Les géants alimentent la surveillance d'un peuple.[80, A, B] … Ils achètent aussi des jeunes pousses.",
        ":::",
        "",
        "- Détails de l'affaire :",
        "",
      ].join("\n"),
    );
    expect(checkLocales(copy.root, { diffs: false }).problems).toEqual([]);
  } finally {
    copy.remove();
  }
});

test("blocks are paired by the aligner: with a paragraph more, the translation paired with the repeated English is still compared", () => {
  const copy = copyFixture("consistency");
  try {
    const file = join(copy.root, "content", "fr", "beta.md");
    writeFileSync(file, `---\ntitle: Nos revendications\nstatus: reviewed\n---\n\nUn paragraphe ajouté.\n\nNous refusons de travailler sur les tickets.\n`);
    const found = inconsistent(checkLocales(copy.root, { diffs: false }));
    expect(found.map((p) => `${p.file}:${p.line}`)).toEqual(["content/fr/beta.md:6"]);
    expect(found[0]!.message).toContain("content/fr/alpha.md:7");
  } finally {
    copy.remove();
  }
});

test("texts are compared without citation markers and with single spaces", () => {
  expect(normalised("dual-use[78 A, B] infrastructure")).toBe("dual-use infrastructure");
  expect(normalised("in Israel,[80, A, B, C, D, Sub* 2.24] claims")).toBe("in Israel, claims");
  expect(normalised("the war [78 A, B].")).toBe("the war.");
  expect(normalised("cited  in\tA/75/212 and A-HRC-59-23-AEV*")).toBe("cited in and");
  // A block's text has single spaces: only where a marker is removed are there more to collapse.
  expect(normalised("dual-use [78 A, B] infrastructure [1]", true)).toBe("dual-use infrastructure");
});

test("sentences end at . ! ? ؟ … with any closing quotes, in English and Arabic", () => {
  expect(sentencesOf("One. “Two?” Three… four")).toEqual(["One.", "“Two?”", "Three…", "four"]);
  expect(sentencesOf("personnel. … Microsoft has")).toEqual(["personnel.", "Microsoft has"]);
  expect(sentencesOf("أولى. ثانية؟ «ثالثة.» رابعة")).toEqual(["أولى.", "ثانية؟", "«ثالثة.»", "رابعة"]);
  expect(sentencesOf("version 2.24 stays whole")).toEqual(["version 2.24 stays whole"]);
});

test("the Arabic edition renders every repeated English passage the same way", () => {
  const result = checkLocales(ROOT, { locales: ["ar"], diffs: false });
  expect(inconsistent(result)).toEqual([]);
});
