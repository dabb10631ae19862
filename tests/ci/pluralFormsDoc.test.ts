// TRANSLATING.md's table of plural forms says what the export writes: for every language code in
// it, the forms in msgstr order and the Plural-Forms header are the ones pluralForms() gives.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { pluralForms } from "../../scripts/translators/exchange/pluralForms.ts";
import { ROOT } from "../helpers/site.ts";

test("every row of the plural forms table matches the export's Plural-Forms for each of its languages", () => {
  const doc = readFileSync(join(ROOT, "TRANSLATING.md"), "utf8");
  const section = doc.slice(doc.indexOf("### Plural forms"), doc.indexOf("### On a platform"));
  // Cells split on a pipe not escaped as \| (GitHub's rule inside tables).
  const rows = section
    .split("\n")
    .filter((l) => l.startsWith("| ") && !l.startsWith("| language"))
    .map((l) =>
      l
        .split(/(?<!\\)\|/)
        .slice(1, -1)
        .map((c) => c.trim()),
    );
  expect(rows.length).toBeGreaterThanOrEqual(10);
  const codes = new Set<string>();
  for (const [languages, forms, header] of rows) {
    const rowCodes = [.../\(([^)]*)\)$/.exec(languages!)![1]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
    expect(rowCodes.length, languages).toBeGreaterThan(0);
    const categories = forms!.split(/\),? /).map((f) => f.trim().split(" ")[0]!);
    for (const code of rowCodes) {
      codes.add(code);
      const expected = pluralForms(code);
      expect(categories, code).toEqual(expected.categories);
      expect(header!.replace(/^`|`$/g, "").replace(/\\\|/g, "|"), code).toBe(expected.header);
    }
  }
  for (const code of ["en", "fr", "de", "ar", "ru", "uk", "ja", "zh", "ko"]) expect(codes).toContain(code);
});
