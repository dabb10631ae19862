// What locale:export writes for a translator: a new locale's English copies as empty entries
// (only a real English change is fuzzy), the PO headers tools expect, and never over a file
// that holds work not yet imported.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { po } from "gettext-parser";
import { describe, expect, test } from "vitest";
import { scaffoldLocale } from "../../scripts/translators/newLocale.ts";
import { exportLocale } from "../../scripts/translators/exchange/entries.ts";
import { writePo } from "../../scripts/translators/exchange/po.ts";
import { runScript } from "../helpers/cli.ts";
import { useProjectCopy } from "./projectCopy.ts";

const setUp = useProjectCopy();

const messages = (text: string) =>
  Object.entries(po.parse(text).translations)
    .filter(([context]) => context !== "")
    .flatMap(([, m]) => Object.values(m));

describe("a new locale", () => {
  test("every section entry is empty and none is fuzzy, though locale:new copied the English", () => {
    const { root } = setUp();
    scaffoldLocale(root, "fr");
    const sections = messages(writePo(exportLocale(root, "fr"))).filter((m) => !m.msgctxt!.startsWith("ui/"));
    expect(sections.length).toBeGreaterThan(200);
    expect(sections.filter((m) => m.msgstr.some((s) => s !== "")).map((m) => m.msgctxt)).toEqual([]);
    expect(sections.filter((m) => m.comments?.flag?.includes("fuzzy")).map((m) => m.msgctxt)).toEqual([]);
  });

  test("the one block whose English changed since a marked translation stands out as the only fuzzy entry", () => {
    const { root, read, write } = setUp();
    scaffoldLocale(root, "fr");
    // The pledge translated (its title) and marked against the English as it is now, as the Arabic is.
    const marked = /source: (\w+)/.exec(read("content/ar/pledge.md"))![1]!;
    write("content/fr/pledge.md", read("content/fr/pledge.md").replace("title: The pledge", "title: L’engagement").replace(/^source: .*$/m, `source: ${marked}`));
    write("content/fr/pledge.md", read("content/fr/pledge.md").replace("the brutality that the Israel enacts", "la brutalité qu’Israël commet"));
    write("content/en/pledge.md", read("content/en/pledge.md").replace("the brutality that the Israel enacts", "the brutality that Israel enacts"));
    const entries = exportLocale(root, "fr").entries;
    expect(entries.filter((e) => e.fuzzy).map((e) => e.context)).toEqual(["pledge/block-2"]);
    expect(entries.find((e) => e.context === "pledge/title")).toMatchObject({ translation: ["L’engagement"], fuzzy: false });
  });

  test("npm run locale:new, then locale:export: the summary counts no entry to review", () => {
    const { root } = setUp();
    expect(runScript("locale-new.ts", ["fr"], { cwd: root }).status).toBe(0);
    const exported = runScript("locale-export.ts", ["fr"], { cwd: root });
    expect(exported.stderr).toBe("");
    // Every block of every section and every UI string: as many entries as the exchange model has.
    expect(exported.stdout).toMatch(new RegExp(`✓ fr\\.po: ${exportLocale(root, "fr").entries.length} entries for fr \\(\\d+ untranslated, 0 to review because the English changed\\)`));
  });
});

test("the summary tells entries to review because the English changed from those whose English is unknown (no source: line)", () => {
  const { root, read, write } = setUp();
  expect(runScript("locale-new.ts", ["fr"], { cwd: root }).status).toBe(0);
  write("content/fr/pledge.md", read("content/fr/pledge.md").replace("title: The pledge", "title: L’engagement").replace(/^source: .*\n/m, ""));
  const exported = runScript("locale-export.ts", ["fr"], { cwd: root });
  expect(exported.stderr).toBe("");
  expect(exported.stdout).toContain("0 to review because the English changed, 1 to review because the English they were made from is unknown (no source: line, or a version kept nowhere))");
});

describe("PO headers", () => {
  test("the dates, translator and team tools expect, the same for two exports of the same files", () => {
    const { root } = setUp();
    const text = writePo(exportLocale(root, "ar"));
    const headers = po.parse(text).headers;
    expect(headers["POT-Creation-Date"]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d\+0000$/);
    expect(headers["PO-Revision-Date"]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d\+0000$/);
    expect(headers["Language-Team"]).toBe("Arabic (ar)");
    expect(text).toContain('"Last-Translator: \\n"');
    expect(writePo(exportLocale(root, "ar"))).toBe(text);
    // The template has its creation date and no team.
    const template = po.parse(writePo(exportLocale(root, "", { template: true }))).headers;
    expect(template["POT-Creation-Date"]).toBe(headers["POT-Creation-Date"]);
    expect(template["Language-Team"]).toBe("");
  });
});

describe("locale:export over an existing file", () => {
  const exportAr = (root: string, ...args: string[]) => runScript("locale-export.ts", ["ar", ...args], { cwd: root });

  test("refuses, naming the file and the entries, when it holds translations not yet imported; --force replaces it", () => {
    const { root } = setUp();
    expect(exportAr(root).status).toBe(0);
    const file = join(root, "ar.po");
    const parsed = po.parse(readFileSync(file, "utf8"));
    Object.values(parsed.translations["demands/title"]!)[0]!.msgstr = ["مطالبنا من جديد"];
    const work = po.compile(parsed, { foldLength: 79 }).toString("utf8");
    writeFileSync(file, work);
    const refused = exportAr(root);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("✗ ar.po already exists and holds a translation not yet imported into the project (demands/title)");
    expect(refused.stderr).toContain("npm run locale:import -- ar.po");
    expect(refused.stderr).toContain("--force");
    expect(readFileSync(file, "utf8")).toBe(work);
    expect(exportAr(root, "--force").status).toBe(0);
    expect(readFileSync(file, "utf8")).not.toBe(work);
  });

  test("overwrites a file whose translations are all in the project (saved by a tool, or exported earlier)", () => {
    const { root } = setUp();
    expect(exportAr(root).status).toBe(0);
    const file = join(root, "ar.po");
    const exported = readFileSync(file, "utf8");
    const parsed = po.parse(exported);
    parsed.headers["Last-Translator"] = "Volunteer <volunteer@example.org>";
    writeFileSync(file, po.compile(parsed, { foldLength: 60 }).toString("utf8"));
    const again = exportAr(root);
    expect(again.stderr).toBe("");
    expect(readFileSync(file, "utf8")).toBe(exported);
  });

  test("an XLIFF file exported before is replaced; one with a target typed since is kept", () => {
    const { root } = setUp();
    expect(exportAr(root, "--format", "xliff2").status).toBe(0);
    const file = join(root, "ar.xliff2.xlf");
    const exported = readFileSync(file, "utf8");
    expect(exportAr(root, "--format", "xliff2").stderr).toBe("");
    const typed = exported.replace(/(<unit id="demands\/title">[\s\S]*?<target>)[^<]*/, "$1مطالبنا من جديد");
    expect(typed).not.toBe(exported);
    writeFileSync(file, typed);
    const refused = exportAr(root, "--format", "xliff2");
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("✗ ar.xliff2.xlf already exists and holds a translation not yet imported into the project (demands/title)");
  });

  test("refuses a file it cannot read as an exchange file", () => {
    const { root } = setUp();
    writeFileSync(join(root, "ar.po"), "notes, not a PO file\n");
    const refused = exportAr(root);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("✗ ar.po already exists and is not a PO or XLIFF file this export can compare with");
    expect(existsSync(join(root, "ar.po"))).toBe(true);
  });
});
