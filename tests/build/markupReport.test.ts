// npm start's report of broken ::: markup (scripts/build/markupReport.ts), on a copy of the real
// project read by the real reader: every section at the first build, then the sections each
// rebuild's edits touched, once per build. The dev server test prints it from the real server.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { MarkupReport } from "../../scripts/build/markupReport.ts";
import { readProject } from "../../scripts/project/readProject.ts";
import { copyProject } from "../helpers/project.ts";

const project = copyProject();
afterAll(() => project.remove());

const breakFile = (path: string, change: (text: string) => string) => {
  const file = join(project.root, path);
  const text = readFileSync(file, "utf8");
  writeFileSync(file, change(text));
  expect(readFileSync(file, "utf8")).not.toBe(text);
};

test("the first build reports every broken section, of any locale; a rebuild only the sections whose files changed, once", () => {
  // A quotation left open in the English, a stray ::: in the Arabic.
  breakFile("content/en/dual-use.md", (text) => text.replace("across the Israeli military\n:::\n", "across the Israeli military\n"));
  breakFile("content/ar/pledge.md", (text) => text.replace(/\n\n(?=[^\n]+\n*$)/, "\n\n:::\n\n"));
  const report = new MarkupReport();
  const first = report.take(readProject(project.root, { cache: false }));
  expect(first[0]).toBe("content/en/dual-use.md:7: error: the quotation opened here (::: quote) is never closed, so everything after it is swallowed into it");
  // The English's hint says what to do there; the Arabic's, to follow the English.
  expect(first[1]).toBe("  → add a line with only ::: where the quotation ends");
  expect(first.filter((line) => line.startsWith("content/ar/pledge.md:"))).toHaveLength(1);
  expect(first).toContain("  → delete the line, or add the ::: line that opens the block where the English has it");
  expect(first.filter((line) => line.startsWith("  → "))).toHaveLength(first.length / 2);
  // Asked again in the same build (a site model that failed is made again): nothing more.
  expect(report.take(readProject(project.root, { cache: false }))).toEqual([]);

  // A rebuild for a UI string: the broken sections were reported, and are not again.
  report.changed(["./locales/en/ui.json"]);
  expect(report.take(readProject(project.root, { cache: false }))).toEqual([]);
  // A rebuild for the Arabic file, saved again still broken: it alone.
  report.changed(["./content/ar/pledge.md"]);
  const second = report.take(readProject(project.root, { cache: false }));
  expect(second).toHaveLength(2);
  expect(second[0]).toMatch(/^content\/ar\/pledge\.md:\d+: error: /);
});
