// The check reads section structure with a line scanner (fast); markdown-it is the reference.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { sectionShape, sectionShapeByParser } from "../../scripts/check/sectionShape.ts";
import { parseSectionFile } from "../../scripts/project/sectionFile.ts";
import { ROOT } from "../helpers/site.ts";

const files = ["en", "ar"].flatMap((locale) =>
  readdirSync(join(ROOT, "content", locale)).map((name) => `content/${locale}/${name}`),
);

test.each(files)("%s: the scanner reads the same structure, links, citations and text as markdown-it", (file) => {
  const parsed = parseSectionFile(readFileSync(join(ROOT, file), "utf8"), file);
  expect(sectionShape(parsed.body, parsed.bodyLine)).toEqual(sectionShapeByParser(parsed.body, parsed.bodyLine));
});

test("the scanner agrees on the constructs the content model allows", () => {
  const body = [
    "# Heading with [a link](https://example.org/) and \\*escapes",
    "",
    "A paragraph",
    "over two lines [78 A, B].",
    "",
    "> a plain quotation",
    "> on two lines",
    "",
    "- item one",
    "  - nested **bold** item",
    "1. ordered",
    "",
    "::: quote Source, A-HRC-59-23-AEV\\*",
    "Quoted text.",
    ":::",
    "",
    ":::: details Open me",
    "::: quote Inner",
    "Inner text [1](#part-1).",
    ":::",
    "::::",
  ].join("\n");
  const scanned = sectionShape(body, 5);
  expect(scanned).toEqual(sectionShapeByParser(body, 5));
  expect(scanned.structure.map((s) => s.kind)).toEqual(["heading", "quote", "item", "item", "item", "quote", "details", "quote"]);
  expect(scanned.links).toHaveLength(2);
});
