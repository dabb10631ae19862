// A translator's walk through the exchange with the real commands, on a copy of the project:
// a new locale, its PO file, two rounds of translating and importing the same file, an export
// that will not overwrite work not yet imported, and a colleague's change that import will not
// overwrite either.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { po } from "gettext-parser";
import { expect, test } from "vitest";
import { exportLocale } from "../../scripts/translators/exchange/entries.ts";
import { runScript } from "../helpers/cli.ts";
import { useProjectCopy } from "./projectCopy.ts";

const setUp = useProjectCopy();

/** fr.po as Poedit saves it after the translator typed these entries: msgstr filled, fuzzy cleared, its own headers. */
function translateInTool(file: string, changes: Record<string, string>): void {
  const parsed = po.parse(readFileSync(file, "utf8"));
  for (const [context, msgstr] of Object.entries(changes)) {
    const message = Object.values(parsed.translations[context]!)[0]!;
    message.msgstr = [msgstr];
    if (message.comments?.flag) message.comments.flag = message.comments.flag.replace(/fuzzy,?\s*/, "");
  }
  parsed.headers["Last-Translator"] = "Camille <camille@example.org>";
  parsed.headers["PO-Revision-Date"] = "2026-12-01 10:00+0100";
  parsed.headers["X-Generator"] = "Poedit 3.4.2";
  writeFileSync(file, po.compile(parsed, { foldLength: 79 }).toString("utf8"));
}

const messages = (file: string) =>
  Object.entries(po.parse(readFileSync(file, "utf8")).translations)
    .filter(([c]) => c !== "")
    .flatMap(([, m]) => Object.values(m));

test("new locale → export → translate → import → translate more → import again → export guards the file → a colleague's change guards the files", { timeout: 120_000 }, () => {
  const { root, read, write } = setUp();
  const run = (script: string, ...args: string[]) => runScript(script, args, { cwd: root });
  const file = join(root, "fr.po");

  // 1. A new locale, exported: nothing translated yet, nothing to review.
  expect(run("locale-new.ts", "fr").status).toBe(0);
  const exported = run("locale-export.ts", "fr");
  expect(exported.status, exported.stderr).toBe(0);
  expect(exported.stdout).toMatch(new RegExp(`✓ fr\\.po: ${exportLocale(root, "fr").entries.length} entries for fr \\(\\d+ untranslated, 0 to review because the English changed\\)`));
  const sections = messages(file).filter((m) => !m.msgctxt!.startsWith("ui/"));
  expect(sections.every((m) => m.msgstr.every((s) => s === ""))).toBe(true);
  expect(sections.some((m) => m.comments?.flag?.includes("fuzzy"))).toBe(false);
  expect(po.parse(readFileSync(file, "utf8")).headers["Language-Team"]).toBe("French (fr)");

  // 2. Some entries translated in the tool, then imported.
  translateInTool(file, { "pledge/title": "L’engagement", "demands/title": "À Microsoft : nous répétons nos demandes" });
  const first = run("locale-import.ts", "fr.po");
  expect(first.status, first.stderr).toBe(0);
  expect(first.stdout).toContain("✓ content/fr/pledge.md\n✓ content/fr/demands.md\n✓ wrote 2 files from fr.po");
  expect(first.stdout).toContain("The check for fr (errors only; npm run check -- --locale fr shows the");
  expect(first.stdout).not.toContain(": warning:");
  expect(read("content/fr/pledge.md")).toContain("title: L’engagement");

  // 3. More translated in the same file: it imports again, no --force.
  translateInTool(file, { "illegal/title": "Illégal" });
  const second = run("locale-import.ts", "fr.po");
  expect(second.status, second.stderr).toBe(0);
  expect(second.stdout).toContain("✓ content/fr/illegal.md\n✓ wrote 1 file from fr.po");
  expect(read("content/fr/illegal.md")).toContain("title: Illégal");
  expect(read("content/fr/pledge.md")).toContain("title: L’engagement");

  // 4. Work in fr.po not yet imported: the export does not write over it.
  translateInTool(file, { "immoral/title": "Immoral, aussi" });
  const withWork = readFileSync(file, "utf8");
  const guarded = run("locale-export.ts", "fr");
  expect(guarded.status).toBe(1);
  expect(guarded.stderr).toContain("✗ fr.po already exists and holds a translation not yet imported into the project (immoral/title)");
  expect(readFileSync(file, "utf8")).toBe(withWork);
  // Once imported, the export may replace it: the imported titles are there, none of them fuzzy.
  expect(run("locale-import.ts", "fr.po").status).toBe(0);
  const refreshed = run("locale-export.ts", "fr");
  expect(refreshed.status, refreshed.stderr).toBe(0);
  expect(refreshed.stdout).toContain("0 to review because the English changed");
  const titles = messages(file).filter((m) => ["pledge/title", "illegal/title", "immoral/title"].includes(m.msgctxt!));
  expect(titles.map((m) => [m.msgstr[0], m.comments?.flag ?? ""])).toEqual([
    ["L’engagement", ""],
    ["Illégal", ""],
    ["Immoral, aussi", ""],
  ]);

  // 5. A colleague changes a French file after this export: import refuses, naming it, and changes nothing.
  translateInTool(file, { "references/title": "Références" });
  write("content/fr/demands.md", `${read("content/fr/demands.md")}\nUn paragraphe ajouté par une collègue.\n`);
  const before = read("content/fr/demands.md");
  const refused = run("locale-import.ts", "fr.po");
  expect(refused.status).toBe(1);
  expect(refused.stderr).toContain("✗ fr.po: not imported: the fr files changed since fr.po was exported");
  expect(refused.stderr).toContain("    content/fr/demands.md\n");
  expect(refused.stderr).toContain("--force");
  expect(read("content/fr/demands.md")).toBe(before);
  expect(read("content/fr/references.md")).not.toContain("title: Références");
});
