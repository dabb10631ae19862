// The print kit as content: content/documents.yml declares the papers and the documents, and the
// PDF variants (document × paper × output) are derived from it. Every broken entry is a
// ContentError with the file and line.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { loadDocumentPlan, twoUpSheet, type DocumentPlan } from "../scripts/project/documentList.ts";
import { printVariants, renderedVariants } from "../scripts/print/variants.ts";
import { readSectionList } from "../scripts/project/sectionList.ts";
import { ROOT } from "./helpers/site.ts";
import { contentErrorOf } from "./helpers/contentError.ts";

const SECTIONS = ["pledge", "demands", "references"];

function plan(yaml: string): DocumentPlan {
  const dir = mkdtempSync(join(tmpdir(), "pledge-documents-"));
  try {
    mkdirSync(join(dir, "content"));
    mkdirSync(join(dir, "templates/print"), { recursive: true });
    for (const layout of ["leaflet", "poster", "card"]) writeFileSync(join(dir, "templates/print", `${layout}.njk`), "");
    writeFileSync(join(dir, "content/documents.yml"), yaml);
    return loadDocumentPlan(join(dir, "content"), SECTIONS, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const problem = (yaml: string) => contentErrorOf(() => plan(yaml));

const PAPERS = "papers:\n  - { name: A5, width: 148, height: 210 }\n  - { name: A3, width: 297, height: 420 }\n  - { name: square-200, width: 200, height: 200 }\n";
// Line 5 is "documents:", the leaflet starts on line 6.
const LEAFLET =
  "  - id: leaflet\n    layout: leaflet\n    pages: 2\n    parts:\n      - section: pledge\n        take: excerpt\n      - section: demands\n    sizes:\n      A5: [home, two-up, press]\n";
const good = `${PAPERS}documents:\n${LEAFLET}`;

describe("content/documents.yml", () => {
  test("papers, and each document's layout, parts, page rule, names and sizes", () => {
    const read = plan(
      `${good}  - id: big-poster\n    layout: poster\n    pages: 1-2\n    name: print.poster\n    parts:\n      - section: pledge\n        take: first-excerpt\n    sizes:\n      A3: [home]\n      square-200: [home, press]\n`,
    );
    expect(read.papers.map((p) => [p.name, p.width, p.height])).toEqual([
      ["A5", 148, 210],
      ["A3", 297, 420],
      ["square-200", 200, 200],
    ]);
    const [leaflet, poster] = read.documents;
    expect(leaflet).toMatchObject({ id: "leaflet", layout: "leaflet", minPages: 2, maxPages: 2, nameKey: "print.leaflet", subjectKey: "print.leafletSubject", line: 6 });
    expect(leaflet!.parts).toEqual([
      { section: "pledge", take: "excerpt", line: 10 },
      { section: "demands", take: "all", line: 12 },
    ]);
    expect(leaflet!.sizes[0]).toMatchObject({ outputs: ["home", "two-up", "press"], sheet: { name: "A4" }, line: 14 });
    expect(poster).toMatchObject({ id: "big-poster", minPages: 1, maxPages: 2, nameKey: "print.poster", subjectKey: "print.bigPosterSubject" });
    expect(poster!.parts[0]!.take).toBe("first-excerpt");
  });

  test("each broken entry names the file, the line and what to do", () => {
    const at = (yaml: string, line: number, message: RegExp) => {
      const error = problem(yaml);
      expect(error.file, error.message).toMatch(/content\/documents\.yml$/);
      expect(error.line, error.message).toBe(line);
      expect(error.message).toMatch(message);
      expect(error.message).toMatch(/\n {2}→ \S/);
    };
    at(good.replace("A5: [home", "A4: [home"), 14, /:14: unknown paper "A4"\n {2}→ use a paper of the papers: list \(A5, A3, square-200\), or add it there/);
    at(good.replace("section: demands", "section: demand"), 12, /:12: "demand" is not a section\n {2}→ use a section id from content\/sections\.yml: pledge, demands, references/);
    at(good.replace("layout: leaflet", "layout: flyer"), 7, /:7: "flyer" is not a layout: there is no templates\/print\/flyer\.njk\n {2}→ use one of: leaflet, poster, or add the template/);
    at(good.replace("layout: leaflet", "layout: card"), 7, /"card" is not a layout/);
    at(good.replace("pages: 2", "pages: 4-2"), 8, /:8: "4-2" is not a page rule: 2 is fewer than 4/);
    at(good.replace("pages: 2", "pages: 0"), 8, /:8: "0" is not a page rule: a document has at least 1 page/);
    at(good.replace("pages: 2", "pages: two"), 8, /:8: "two" is not a page rule/);
    at(good.replace("    pages: 2\n", ""), 6, /the page rule is missing/);
    at(
      good.replace("A5: [home, two-up, press]", "A3: [home, two-up]"),
      14,
      /:14: two-up is only for a paper that is half a common sheet; A3 \(297 × 420 mm\) is not\n {2}→ two-up prints two copies on one A4 .* or Letter .* sheet: remove two-up from A3/,
    );
    at(`${good}${LEAFLET}`, 15, /:15: the document "leaflet" is declared twice/);
    at(good.replace("take: excerpt", "take: some"), 11, /:11: take must be "all", "excerpt" or "first-excerpt"/);
    at(good.replace("[home, two-up, press]", "[home, shop]"), 14, /"shop" is not an output/);
    at(good.replace("  - { name: A3, width: 297, height: 420 }\n", "  - { name: A3, width: 297 }\n"), 3, /:3: the paper "A3" has no usable height/);
    at(good.replace("square-200", "A5"), 4, /:4: the paper "A5" is listed twice/);
    at(good.replace("id: leaflet", "id: Leaflet One"), 6, /"Leaflet One" is not a valid document id/);
    at(good.replace("    layout: leaflet\n", "    layout: leaflet\n    colour: red\n"), 8, /unknown key "colour" in a document/);
    expect(problem("papers: [\n").message).toMatch(/not valid YAML/);
  });

  test("two-up only where the paper is half a common sheet: A5 on A4, half-letter on Letter", () => {
    expect(twoUpSheet({ width: 148, height: 210 })?.name).toBe("A4");
    expect(twoUpSheet({ width: 139.7, height: 215.9 })?.name).toBe("Letter");
    expect(twoUpSheet({ width: 210, height: 297 })).toBeUndefined();
    expect(twoUpSheet({ width: 279.4, height: 431.8 })).toBeUndefined();
  });
});

describe("the variants, derived from the declaration", () => {
  const kit = loadDocumentPlan(join(ROOT, "content"), readSectionList(ROOT), ROOT);
  const variants = printVariants(kit);

  test("today's five keep their ids and file names; the new ones are named by one rule", () => {
    expect(variants.map((v) => v.id)).toEqual([
      "leaflet",
      "leaflet-two-up",
      "leaflet-press",
      "leaflet-half-letter",
      "leaflet-half-letter-two-up",
      "leaflet-half-letter-press",
      "fact-sheet",
      "fact-sheet-press",
      "fact-sheet-letter",
      "fact-sheet-letter-press",
      "poster",
      "poster-press",
      "poster-tabloid",
      "poster-tabloid-press",
    ]);
    const byId = new Map(variants.map((v) => [v.id, v]));
    expect(byId.get("leaflet")).toMatchObject({ file: "leaflet.pdf", width: 148, height: 210, bleed: 0, slug: 0, output: "home", labelKey: "downloads.leaflet" });
    expect(byId.get("leaflet-press")).toMatchObject({ file: "leaflet-press.pdf", bleed: 3, slug: 8, output: "press", labelKey: "downloads.leafletPress" });
    expect(byId.get("fact-sheet-letter")).toMatchObject({ file: "fact-sheet-letter.pdf", width: 215.9, height: 279.4, labelKey: "downloads.factSheetLetter" });
    expect(byId.get("fact-sheet-press")).toMatchObject({ width: 210, height: 297, bleed: 3 });
    expect(byId.get("leaflet-half-letter")).toMatchObject({ width: 139.7, height: 215.9, paper: "half-letter", paperKey: "paper.halfLetter", layout: "leaflet" });
    expect(byId.get("poster-tabloid-press")).toMatchObject({ width: 279.4, height: 431.8, bleed: 3, layout: "poster", document: "poster" });
    // Two-up: imposed from the single home PDF onto the sheet it is half of, never rendered from a page of its own.
    expect(byId.get("leaflet-two-up")).toMatchObject({ output: "two-up", source: "leaflet", sheet: { name: "A4", width: 210, height: 297 } });
    expect(byId.get("leaflet-half-letter-two-up")).toMatchObject({ output: "two-up", source: "leaflet-half-letter", sheet: { name: "Letter" } });
    expect(renderedVariants(variants).some((v) => v.output === "two-up")).toBe(false);
    expect(renderedVariants(variants)).toHaveLength(12);
  });

  test("a document added to the file is a new set of variants, with no code", () => {
    const added = printVariants(plan(`${good}  - id: flyer\n    layout: poster\n    pages: 1\n    parts:\n      - section: demands\n    sizes:\n      square-200: [home, press]\n`));
    expect(added.map((v) => v.file)).toEqual(["leaflet.pdf", "leaflet-two-up.pdf", "leaflet-press.pdf", "flyer.pdf", "flyer-press.pdf"]);
  });
});
