// PO export and import: every block and UI string of a locale as gettext entries (context, note,
// fuzzy with the previous English, real plural entries), and back into the section and string
// files with only the translated text changed. Round trips on the real Arabic locale.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { po } from "gettext-parser";
import { describe, expect, test } from "vitest";
import { exportLocale } from "../../scripts/translators/exchange/entries.ts";
import { importLocale } from "../../scripts/translators/exchange/importLocale.ts";
import { readPo, writePo } from "../../scripts/translators/exchange/po.ts";
import { runScript } from "../helpers/cli.ts";
import { useProjectCopy } from "./projectCopy.ts";

const setUp = useProjectCopy();

const exportPo = (root: string, code = "ar") => writePo(exportLocale(root, code));
const importPo = (root: string, text: string, force = false) => importLocale(root, readPo(text, "ar.po"), { file: "ar.po", force });

/** The PO file as a CAT tool saves it: other line wrapping, headers in another order, tool headers, obsolete entries. */
function asToolSaves(text: string, { fold, dropHash = false }: { fold: number; dropHash?: boolean }): string {
  const parsed = po.parse(text);
  const { Language, ...rest } = parsed.headers;
  parsed.headers = {
    "Last-Translator": "Volunteer <volunteer@example.org>",
    "Language-Team": "Arabic",
    "PO-Revision-Date": "2026-12-01 10:00+0000",
    ...Object.fromEntries(Object.entries(rest).filter(([k]) => !(dropHash && k === "X-Locale-Files"))),
    Language: Language!,
    "X-Generator": fold === 79 ? "Poedit 3.4.2" : "Weblate 5.9",
  };
  parsed.obsolete = { "pledge/block-99": { "An English paragraph removed long ago.": { msgctxt: "pledge/block-99", msgid: "An English paragraph removed long ago.", msgstr: ["فقرة قديمة."] } } };
  return po.compile(parsed, { foldLength: fold }).toString("utf8");
}

describe("round trip on the real Arabic locale", () => {
  test("exporting and importing the file unchanged leaves every file byte for byte as it was", () => {
    const { root, fingerprint } = setUp();
    const before = fingerprint();
    const outcome = importPo(root, exportPo(root));
    expect(outcome).toMatchObject({ result: "imported", written: [], ignored: [] });
    expect(fingerprint()).toEqual(before);
  });

  test("with the Arabic files deleted, import rebuilds them from the English structure, byte for byte", () => {
    const { root, fingerprint } = setUp();
    const before = fingerprint();
    const file = exportPo(root);
    for (const id of ["pledge", "dual-use", "illegal", "immoral", "non-compliant", "precedents", "demands", "references"]) rmSync(join(root, `content/ar/${id}.md`));
    writeFileSync(join(root, "locales/ar/ui.json"), "{}\n");
    const outcome = importPo(root, file, true);
    expect(outcome.result).toBe("imported");
    expect(fingerprint()).toEqual(before);
  });

  test.each([
    ["Poedit", 79],
    ["a platform", 77],
  ])("a file saved by %s (rewrapped, headers reordered, obsolete entries) round-trips too", (_, fold) => {
    const { root, fingerprint } = setUp();
    const before = fingerprint();
    const saved = asToolSaves(exportPo(root), { fold });
    expect(saved).not.toBe(exportPo(root));
    expect(saved).toContain("#~ msgctxt");
    expect(importPo(root, saved)).toMatchObject({ result: "imported", written: [] });
    expect(fingerprint()).toEqual(before);
  });
});

const gettextTools = spawnSync("msgcat", ["--version"]).status === 0;

test.skipIf(!gettextTools)("GNU gettext accepts the file (msgfmt -c), and a file msgcat rewrapped round-trips", () => {
  const { root, fingerprint } = setUp();
  const before = fingerprint();
  const dir = mkdtempSync(join(tmpdir(), "pledge-po-"));
  try {
    writeFileSync(join(dir, "ar.po"), exportPo(root));
    const checked = spawnSync("msgfmt", ["-c", "-o", "/dev/null", join(dir, "ar.po")], { encoding: "utf8" });
    expect(checked.status, checked.stderr).toBe(0);
    expect(spawnSync("msgcat", ["--width=50", join(dir, "ar.po"), "-o", join(dir, "wrapped.po")]).status).toBe(0);
    const wrapped = readFileSync(join(dir, "wrapped.po"), "utf8");
    expect(importPo(root, wrapped)).toMatchObject({ result: "imported", written: [] });
    expect(fingerprint()).toEqual(before);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

describe("export", () => {
  test("each block has its context, the English file and line, what it is and what to keep", () => {
    const { root } = setUp();
    const text = exportPo(root);
    expect(text).toContain('"Language: ar\\n"');
    expect(text).toContain('"Plural-Forms: nplurals=6; plural=(n == 0 ? 0 : n == 1 ? 1 : n == 2 ? 2 : n % "');
    const parsed = po.parse(text);
    const title = parsed.translations["pledge/title"]!["The pledge"]!;
    expect(title.msgstr).toEqual(["التعهّد"]);
    expect(title.comments).toMatchObject({ reference: "content/en/pledge.md:2", extracted: "Section title." });
    const cited = Object.values(parsed.translations)
      .flatMap((m) => Object.values(m))
      .find((m) => m.msgid.includes("A/75/212"))!;
    expect(cited.msgctxt).toMatch(/^illegal\/block-\d+$/);
    expect(cited.comments?.extracted).toContain("Keep exactly: A/75/212");
    expect(cited.comments?.flag).toBe("md-text");
    const attribution = parsed.translations["dual-use/block-1"]!["A-HRC-59-23-AEV\\*"]!;
    expect(attribution.comments?.extracted).toMatch(/^Quotation attribution\./);
    // Every kind of block is there: headings, list items, testimony labels.
    const notes = Object.values(parsed.translations)
      .flatMap((m) => Object.values(m))
      .map((m) => m.comments?.extracted ?? "");
    for (const kind of ["Heading", "List item", "Testimony label", "Quotation attribution in a testimony", "Paragraph in a quotation", "Paragraph in an excerpt"])
      expect(
        notes.some((n) => n.startsWith(kind)),
        kind,
      ).toBe(true);
  });

  test("a plural UI string is a plural entry with the locale's CLDR forms", () => {
    const { root } = setUp();
    const entry = po.parse(exportPo(root)).translations["ui/home.pageCount"]!["{{count}} page"]!;
    expect(entry.msgid_plural).toBe("{{count}} pages");
    expect(entry.msgstr).toEqual(["لا صفحات", "صفحة واحدة", "صفحتان", "{{count}} صفحات", "{{count}} صفحة", "{{count}} صفحة"]);
    expect(entry.comments?.flag).toBe("i18next-interpolation");
  });

  test("a block whose English changed is fuzzy with the previous English; untranslated text has an empty msgstr", () => {
    const { root, read, write } = setUp();
    write("content/en/pledge.md", read("content/en/pledge.md").replace("the brutality that the Israel enacts", "the brutality that Israel enacts"));
    write("locales/ar/ui.json", read("locales/ar/ui.json").replace('"cta": "وقّع على التعهّد"', '"cta": "Take the pledge"'));
    const text = exportPo(root);
    expect(text).toContain('#, fuzzy, md-text\n#| msgctxt "pledge/block-2"\n#| msgid "Knowing all we do about Microsoft complicity and the extent of the brutality that the Israel enacts against');
    const parsed = po.parse(text);
    const fuzzy = Object.values(parsed.translations)
      .flatMap((m) => Object.values(m))
      .filter((m) => m.comments?.flag?.includes("fuzzy"));
    expect(fuzzy.map((m) => m.msgctxt)).toEqual(["pledge/block-2"]);
    expect(parsed.translations["ui/home.cta"]!["Take the pledge"]!.msgstr).toEqual([""]);
  });
});

describe("import", () => {
  test("a translated entry changes only its own text; clearing fuzzy on every stale entry sets source:", () => {
    const { root, read, write } = setUp();
    const english = read("content/en/pledge.md");
    write("content/en/pledge.md", english.replace("the brutality that the Israel enacts", "the brutality that Israel enacts"));
    const arabic = read("content/ar/pledge.md");
    const parsed = po.parse(exportPo(root));
    const entry = parsed.translations["pledge/block-2"]!;
    const message = Object.values(entry)[0]!;
    message.msgstr = [`${message.msgstr[0]!} (مراجَع)`];
    message.comments!.flag = "md-text";
    delete message.comments!.previous;
    const outcome = importPo(root, po.compile(parsed).toString("utf8"));
    expect(outcome).toMatchObject({ result: "imported", written: ["content/ar/pledge.md"], marked: ["content/ar/pledge.md"] });
    const version = /→|source: ([0-9a-f]{12})/.exec(read("content/ar/pledge.md"))![1]!;
    expect(version).not.toBe("b638d5e4d571");
    const lines = arabic.split("\n");
    const at = lines.findIndex((l) => l.startsWith("وبالنظر إلى كل ما نعرفه"));
    lines[at] = `${lines[at]} (مراجَع)`;
    expect(read("content/ar/pledge.md")).toBe(lines.join("\n").replace("source: b638d5e4d571", `source: ${version}`));
  });

  test("a paragraph the English gained since the export: every translation still lands on its own block", () => {
    const { root, read, write, fingerprint } = setUp();
    const file = exportPo(root);
    const arabic = read("content/ar/dual-use.md");
    const added = "A paragraph the English gained after the export.";
    write("content/en/dual-use.md", read("content/en/dual-use.md").replace("---\n\n", `---\n\n${added}\n\n`));
    // In a locale marked complete the untranslated paragraph would be a check error that stops the
    // build (the section is compared with the English it was translated from): refused, nothing written.
    const before = fingerprint();
    expect(importPo(root, file)).toMatchObject({ result: "breaks-check", code: "ar", errors: [{ file: "content/ar/dual-use.md", kind: "structure" }] });
    expect(fingerprint()).toEqual(before);
    write("locales/ar/locale.json", read("locales/ar/locale.json").replace('"complete": true', '"complete": false'));
    const outcome = importPo(root, file);
    expect(outcome).toMatchObject({ result: "imported", written: ["content/ar/dual-use.md"], marked: [] });
    // The Arabic as it was, with the new English paragraph (untranslated) where the English has it.
    expect(read("content/ar/dual-use.md")).toBe(arabic.replace("---\n\n", `---\n\n${added}\n\n`));
  });

  test("an entry that breaks a citation marker or a placeholder is an error naming the entry and its line; nothing is written", () => {
    const { root, fingerprint } = setUp();
    const before = fingerprint();
    const text = exportPo(root)
      .replace(/A\/75\/212(?=[^\n]*\n(?:"[^\n]*\n)*\n)/, "A/75/21")
      .replace('msgstr "القسم {{index}} من {{total}}"', 'msgstr "القسم {{index}} من {{totl}}"');
    const outcome = importPo(root, text);
    expect(outcome.result).toBe("invalid");
    if (outcome.result !== "invalid") return;
    const lineOf = (context: string) => text.split("\n").indexOf(`msgctxt "${context}"`) + 1;
    const cited = outcome.problems.find((p) => p.context.startsWith("illegal/"))!;
    expect(cited.context).toMatch(/^illegal\/block-\d+$/);
    expect(outcome.problems).toEqual([
      { line: lineOf(cited.context), context: cited.context, message: "the translation lacks A/75/212" },
      { line: lineOf(cited.context), context: cited.context, message: "the translation has A/75/21 which the English does not have", hint: "remove it from the msgstr, or correct it where it misspells one the English (msgid) has: a translation adds no marker, link or address" },
      { line: lineOf("ui/section.position"), context: "ui/section.position", message: "the translation of section.position lacks {{total}}" },
      { line: lineOf("ui/section.position"), context: "ui/section.position", message: "the translation of section.position has {{totl}} which the English does not have", hint: "remove it from the msgstr, or correct it where it misspells one the English (msgid) has: a translation adds no marker, link or address" },
    ]);
    expect(fingerprint()).toEqual(before);
  });

  test("refuses, naming the files, when the locale's files changed since the export; --force imports anyway", () => {
    const { root, read, write } = setUp();
    const text = exportPo(root);
    write("content/ar/demands.md", `${read("content/ar/demands.md")}\nفقرة أضافها مترجم بعد التصدير.\n`);
    expect(importPo(root, text)).toMatchObject({ result: "refused", files: ["content/ar/demands.md"] });
    expect(importPo(root, text, true).result).toBe("imported");
  });

  test("a platform's file without the export record is refused without --force", () => {
    const { root } = setUp();
    const saved = asToolSaves(exportPo(root), { fold: 77, dropHash: true });
    const outcome = importPo(root, saved);
    expect(outcome).toMatchObject({ result: "refused" });
    expect(outcome.result === "refused" && outcome.hint).toContain("--force");
    expect(importPo(root, saved, true)).toMatchObject({ result: "imported", written: [] });
  });

  test("npm run locale:export and locale:import: the commands, then the check for the locale", () => {
    const { root, fingerprint } = setUp();
    const before = fingerprint();
    const exported = runScript("locale-export.ts", ["ar", "--out", "ar.po"], { cwd: root });
    expect(exported.stderr).toBe("");
    expect(exported.stdout).toContain(`✓ ar.po: ${exportLocale(root, "ar").entries.length} entries for ar (0 untranslated, 0 to review because the English changed)`);
    const imported = runScript("locale-import.ts", ["ar.po"], { cwd: root });
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain("✓ nothing to change: the ar files already say what ar.po says");
    // The check's errors and its counts; the warnings themselves are one command away.
    expect(imported.stdout).toContain("The check for ar (errors only; npm run check -- --locale ar shows the 8 warnings too):");
    expect(imported.stdout).toContain("ar (complete)");
    expect(imported.stdout).toContain("✓ no errors (8 warnings: unfinished work, not a failure)");
    expect(imported.stdout).not.toContain(": warning:");
    expect(fingerprint()).toEqual(before);
  });
});
