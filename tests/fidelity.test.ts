// Content fidelity: every paragraph, list item and quote of the campaign's source text
// appears, word for word, in the built English pages.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { mainOf, visibleText } from "./helpers/html.ts";
import { buildRealSite, ROOT, type BuiltSite } from "./helpers/site.ts";

// The only changes to the campaign's wording: spelling slips in its own sentences
// (never inside quotation marks), and a heading's trailing colon.
const SANCTIONED_EDITS: Array<[string, string]> = [
  ["Most imporantly", "Most importantly"],
  ["Nasser hosiptal", "Nasser hospital"],
  ["use of thir Heron", "use of their Heron"],
  ["partnerships and aquisitions", "partnerships and acquisitions"],
  ["SERBIA AND MONTENEGRO:", "SERBIA AND MONTENEGRO"],
];

/**
 * A source line, cut where the copy-paste ran a source's title into its quote
 * ("+972 MagazineThe revelations", "| The APThe Israeli") or a document symbol into
 * text: the site places the title as the quote's attribution, so each piece is
 * looked for on its own.
 */
function sourcePieces(line: string): string[] {
  let text = line.replace(/^(?:-|\d+\.)\s*/, "");
  for (const [from, to] of SANCTIONED_EDITS) text = text.replace(from, to);
  return text
    .replace(/\[A-HRC-59-23-AEV\*\]|A-HRC-59-23-AEV\*/g, "\n$&\n")
    .replace(/(?<=[a-z.”’)])(?=[“‘]?[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/g, "\n")
    .replace(/ \| /g, "\n| ")
    .split("\n")
    .map((piece) => piece.trim().replace(/^-\s+/, ""))
    .filter((piece) => piece.length > 0 && piece !== "-");
}

const squash = (text: string) => text.normalize("NFC").replace(/\s+/g, "");

let site: BuiltSite;
beforeAll(async () => {
  site = await buildRealSite();
});
afterAll(() => site?.remove());

test("sourcePieces cuts a source title from the quote it ran into", () => {
  expect(sourcePieces("Leaked documents | 972 MagazineTwo sources in Unit 8200")).toEqual(["Leaked documents", "| 972 Magazine", "Two sources in Unit 8200"]);
  expect(sourcePieces("Lavender | +972 Magazine“A human being")).toEqual(["Lavender", "| +972 Magazine", "“A human being"]);
  expect(sourcePieces("concerns arise | The APThe Israeli military")).toEqual(["concerns arise", "| The AP", "The Israeli military"]);
});

test("every line of the source text appears in the built English pages", () => {
  const source = readFileSync(join(ROOT, "tests/fixtures/source/pledge-source.txt"), "utf8");
  const english = site.model.sectionPages.filter((p) => p.locale.code === site.model.sourceLocale.code);
  const built = squash(english.map((p) => visibleText(mainOf(site.read(p.url)))).join(" "));
  const missing: string[] = [];
  source.split("\n").forEach((line, index) => {
    for (const piece of sourcePieces(line)) {
      if (!built.includes(squash(piece))) missing.push(`line ${index + 1}: ${piece.slice(0, 120)}`);
    }
  });
  expect(missing).toEqual([]);
});

test("every source line is in the section the source README maps it to", () => {
  const source = readFileSync(join(ROOT, "tests/fixtures/source/pledge-source.txt"), "utf8").split("\n");
  const map: Array<[string, number, number]> = [
    ["pledge", 1, 7],
    ["dual-use", 8, 19],
    ["illegal", 20, 87],
    ["precedents", 88, 127],
    ["non-compliant", 128, 188],
    ["immoral", 189, 203],
    ["demands", 204, 209],
    ["references", 210, 214],
  ];
  for (const [id, first, last] of map) {
    const built = squash(visibleText(mainOf(site.read(`/en/${id}/`))));
    for (let n = first; n <= last; n++) {
      for (const piece of sourcePieces(source[n - 1]!)) {
        expect(built.includes(squash(piece)), `${id}: line ${n}: ${piece.slice(0, 80)}`).toBe(true);
      }
    }
  }
});
