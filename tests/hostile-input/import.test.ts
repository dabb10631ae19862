// locale:import on hostile or broken translation files, through the real command on a copy of
// the project: a locale code used as a path, the English overwritten, markdown structure smuggled
// into a translation, a huge file, wrong encodings and headers, a repeated entry, an empty file,
// a failure midway. Each is refused with exit 1, a message naming the file and what to do, and
// not one byte changed inside the project or outside it. Cases that must write get their own copy.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { po } from "gettext-parser";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { exportLocale } from "../../scripts/translators/exchange/entries.ts";
import { importLocale } from "../../scripts/translators/exchange/importLocale.ts";
import { readPo, writePo } from "../../scripts/translators/exchange/po.ts";
import { writeAllOrNothing } from "../../scripts/translators/exchange/writeAll.ts";
import { writeXliff } from "../../scripts/translators/exchange/xliff.ts";
import { runScript } from "../helpers/cli.ts";
import { copyProject, type ProjectCopy } from "../helpers/project.ts";
import { ROOT } from "../helpers/site.ts";
import { treeFingerprint } from "../helpers/tree.ts";

/** The real Arabic export, as locale:export writes it. */
let exported: string;
/** One copy for every case that must write nothing. */
let shared: ProjectCopy;
let sharedBefore: string[];
/** A folder beside the project, where a `../../` locale code would lead. */
let outside: string;
const copies: ProjectCopy[] = [];

const fingerprint = (root: string) => [...treeFingerprint(join(root, "content")), ...treeFingerprint(join(root, "locales"))].map(([f, h]) => `${f} ${h}`).toSorted();

beforeAll(() => {
  exported = writePo(exportLocale(ROOT, "ar"));
  shared = copyProject();
  sharedBefore = fingerprint(shared.root);
  outside = mkdtempSync(join(tmpdir(), "pledge-outside-"));
});
afterAll(() => {
  shared?.remove();
  for (const copy of copies) copy.remove();
  if (outside) rmSync(outside, { recursive: true, force: true });
});

function freshCopy(): ProjectCopy {
  const copy = copyProject();
  copies.push(copy);
  return copy;
}

/** The exported PO with some headers and translations replaced (undefined removes a header). */
function poWith({ headers = {}, translations = {} }: { headers?: Record<string, string | undefined>; translations?: Record<string, string> }): string {
  const parsed = po.parse(exported);
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) delete parsed.headers[name];
    else parsed.headers[name] = value;
  }
  for (const [context, text] of Object.entries(translations)) {
    const message = Object.values(parsed.translations[context]!)[0]!;
    message.msgstr = [text];
  }
  return po.compile(parsed, { foldLength: 0 }).toString("utf8");
}

const lineOf = (text: string, context: string) => text.split("\n").indexOf(`msgctxt "${context}"`) + 1;

/** Runs npm run locale:import -- <name> in the project, the file written beside it. */
function runImport(root: string, name: string, content: string | Uint8Array, ...args: string[]) {
  writeFileSync(join(root, name), content);
  return runScript("locale-import.ts", [name, ...args], { cwd: root });
}

function expectRefused(result: ReturnType<typeof runImport>, name: string | RegExp, ...said: (string | RegExp)[]) {
  expect(result.status, result.stderr + result.stdout).toBe(1);
  expect(result.stderr).toMatch(name);
  expect(result.stderr).toMatch(/→ /);
  for (const text of said) expect(result.stderr).toMatch(text);
  expect(result.stderr).not.toMatch(/at .*\.ts:\d+|TypeError|Cannot convert/);
  expect(fingerprint(shared.root)).toEqual(sharedBefore);
  expect(readdirSync(outside)).toEqual([]);
}

describe("the locale code is checked before it becomes a path", () => {
  test.each([
    ["a PO Language: ../../ path", "po"],
    ["an XLIFF 2.0 trgLang ../../ path", "xliff"],
  ])("%s is refused, with the project's translations, and nothing is written outside", async (_, format) => {
    const code = `../../${basename(outside)}`;
    const file = format === "po" ? poWith({ headers: { Language: code } }) : (await writeXliff(exportLocale(ROOT, "ar"), "2.0")).replace('trgLang="ar"', `trgLang="${code}"`);
    expect(file).toContain(code);
    const name = format === "po" ? "evil.po" : "evil.xlf";
    const result = runImport(shared.root, name, file, "--force");
    expectRefused(result, name, "is not a language tag", "the project's translations: ar", format === "po" ? "Language: header" : "trgLang");
  });

  test("with an X-Locale-Files header that matches an empty folder, and no --force, still refused", () => {
    const result = runImport(shared.root, "evil.po", poWith({ headers: { Language: `../../${basename(outside)}`, "X-Locale-Files": "," } }));
    expectRefused(result, "evil.po", "is not a language tag");
  });

  test.each([
    ["./en", "is not a language tag"],
    ["EN", "the source locale: the English is never imported"],
    ["en", "the source locale: the English is never imported"],
    ["fr", "is not a locale of this project"],
    ["ar_EG", 'is for "ar_EG", gettext\'s spelling of ar-EG, which is not a locale of this project'],
    ["", "names no locale"],
  ])("Language: %j is refused", (code, reason) => {
    const result = runImport(shared.root, "other.po", poWith({ headers: { Language: code } }), "--force");
    expectRefused(result, "other.po", reason, "the project's translations: ar", "Nothing was changed");
  });

  test("Language: ar_EG (as Poedit writes a region) says which header to set: the project's ar", () => {
    const result = runImport(shared.root, "region.po", poWith({ headers: { Language: "ar_EG" } }), "--force");
    expectRefused(result, "region.po", "→ set the Language: header to ar");
  });

  test("Language: AR is the project's ar (matched without case, the path from the project's own code)", () => {
    const result = runImport(shared.root, "upper.po", poWith({ headers: { Language: "AR" } }));
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("✓ nothing to change: the ar files already say what upper.po says");
    expect(fingerprint(shared.root)).toEqual(sharedBefore);
  });
});

describe("a translation changes words, never structure", () => {
  const paragraph = "pledge/block-1";
  test.each([
    ["a ::: line", "نص.\n:::\n::: quote Fabricated source\nنص مزيف.", /starts with :::, which opens or closes/],
    ["a # heading line", "نص.\n# عنوان مزيف", /starts with #, which makes it a heading/],
    ["a --- setext underline", "نص.\n---", /is only = or - signs/],
    ["a reference definition", "انقر [هنا][r].\n[r]: https://evil.example/sign", /starts with \[name\]:, which defines a link address/],
    ["a blank line", "نص.\n\nفقرة ثانية.", /is blank, which would split the paragraph in two/],
    ["a list marker", "نص.\n- بند مزيف", /list marker/],
    ["a code fence", "نص.\n```", /code block/],
    ["4 spaces of indentation", "نص.\n    code", /4 spaces or a tab/],
  ])("%s inside a translated paragraph is refused, naming the entry and its line", (_, translation, reason) => {
    const file = poWith({ translations: { [paragraph]: translation } });
    const result = runImport(shared.root, "structure.po", file);
    expectRefused(result, `structure.po:${lineOf(file, paragraph)}: error: entry ${paragraph}: `, reason, "then import again");
  });

  test("a line break in a title's translation is refused", () => {
    const file = poWith({ translations: { "pledge/title": "التعهّد\n## عنوان" } });
    const result = runImport(shared.root, "title.po", file);
    expectRefused(result, `title.po:${lineOf(file, "pledge/title")}: error: entry pledge/title: `, "line break where the English is one line");
  });

  test("XLIFF errors speak XLIFF: the unit and its <target>", async () => {
    const xml = (await writeXliff(exportLocale(ROOT, "ar"), "2.0")).replace(/(<unit id="pledge\/block-1"[^>]*>.*?<target>)/, "$1:::\n");
    expect(xml).toContain("<target>:::\n");
    const result = runImport(shared.root, "structure.xlf", xml);
    expectRefused(result, "structure.xlf:", "error: unit pledge/block-1: ", "<target> of this unit");
    expect(result.stderr).not.toMatch(/msgid|msgctxt|entry/);
  });
});

describe("the file itself", () => {
  test("a 50 MB translation is refused before it is read, nothing written", () => {
    const head = poWith({});
    const huge = Buffer.concat([Buffer.from(head), Buffer.from('\nmsgctxt "pledge/block-1"\nmsgid "x"\nmsgstr "'), Buffer.alloc(50 * 1024 * 1024, "a"), Buffer.from('"\n')]);
    const result = runImport(shared.root, "huge.po", huge);
    expectRefused(result, "huge.po", /the file is 50\.\d MB; a translation of this project is at most \d+ MB/);
  });

  test("one entry larger than a whole section file is refused, naming it", () => {
    const file = poWith({ translations: { "pledge/block-1": "ك".repeat(600 * 1024) } });
    const result = runImport(shared.root, "big-entry.po", file);
    expectRefused(result, `big-entry.po:${lineOf(file, "pledge/block-1")}: error: entry pledge/block-1: the translation is 1.2 MB; a whole section file is at most 1 MB`);
  });

  test("a Latin-1 file with its charset header: the accented letters come through right", () => {
    const copy = freshCopy();
    const text = 'msgid ""\nmsgstr ""\n"Language: ar\\n"\n"Content-Type: text/plain; charset=ISO-8859-1\\n"\n\nmsgctxt "ui/home.cta"\nmsgid "Take the pledge"\nmsgstr "Signez l\'engagement, café"\n';
    const result = runImport(copy.root, "latin1.po", Buffer.from(text, "latin1"), "--force");
    expect(result.status, result.stderr + result.stdout).toBe(0);
    expect(result.stdout).toContain("✓ locales/ar/ui.json");
    expect(JSON.parse(readFileSync(join(copy.root, "locales/ar/ui.json"), "utf8")).home.cta).toBe("Signez l'engagement, café");
  });

  test("invalid UTF-8 without a charset header is refused, naming the line", () => {
    const text = Buffer.concat([Buffer.from(poWith({ headers: { "Content-Type": undefined } }).replace('msgstr "التعهّد"', 'msgstr "caf')), Buffer.from([0xe9]), Buffer.from('"\n')]);
    const result = runImport(shared.root, "bad-bytes.po", text);
    expectRefused(result, /bad-bytes\.po:\d+: the file is not valid UTF-8 text and declares no other character set/, "save the file as UTF-8");
  });

  test("an unknown charset is refused clearly", () => {
    const result = runImport(shared.root, "klingon.po", poWith({ headers: { "Content-Type": "text/plain; charset=x-klingon" } }));
    expectRefused(result, "klingon.po", 'declares the character set "x-klingon"');
  });

  test("a Plural-Forms header with the wrong number of forms is refused, naming the header and the expected value", () => {
    const result = runImport(shared.root, "plural.po", poWith({ headers: { "Plural-Forms": "nplurals=2; plural=(n != 1);" } }));
    expectRefused(result, "plural.po", '"Plural-Forms: nplurals=2; plural=(n != 1);" says 2 plural forms, but ar has 6', "nplurals=6; plural=");
  });

  test("without a Plural-Forms header, a plural entry with the wrong number of forms is refused, naming it", () => {
    const parsed = po.parse(poWith({ headers: { "Plural-Forms": undefined } }));
    Object.values(parsed.translations["ui/home.pageCount"]!)[0]!.msgstr = ["صفحة", "صفحات"];
    const file = po.compile(parsed, { foldLength: 0 }).toString("utf8");
    const result = runImport(shared.root, "two-forms.po", file);
    expectRefused(
      result,
      `two-forms.po:${lineOf(file, "ui/home.pageCount")}: error: entry ui/home.pageCount: the entry has 2 plural forms (msgstr[0] to msgstr[1]) where ar has 6`,
      "msgstr[0] to msgstr[5]",
    );
  });

  test("a repeated msgctxt is refused as msgfmt does, naming both lines", () => {
    const file = `${exported}\nmsgctxt "pledge/title"\nmsgid "The pledge"\nmsgstr "تعهّد آخر"\n`;
    const first = lineOf(file, "pledge/title");
    const second = file.split("\n").lastIndexOf('msgctxt "pledge/title"') + 1;
    const result = runImport(shared.root, "twice.po", file);
    expectRefused(result, `twice.po:${second}: msgctxt "pledge/title" appears twice (lines ${first} and ${second})`, "delete one of the two entries");
  });

  test.each([
    ["empty.po", "", "the file is empty"],
    ["blank.xlf", "\n\n", "the file is empty"],
    ["headers-only.po", 'msgid ""\nmsgstr ""\n"Language: ar\\n"\n', "holds no entry to import"],
    ["not-po.po", "hello world\n", "this is not a PO file gettext can read"],
    ["not-xliff.xlf", "<html><body>hi</body></html>", "this is not an XLIFF file"],
    ["binary.po", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]), "this is a binary file"],
  ])("%s: a clear message naming the file", (name, content, said) => {
    const result = runImport(shared.root, name, content);
    expectRefused(result, name, said);
  });

  describe("a file cut off midway (an interrupted download, a full disk) is refused, not imported as far as it goes", () => {
    /** The text up to the middle of the translation that follows `marker` (block-1 of the pledge): the rest of the file is lost. */
    const cut = (text: string, marker: string, translation: string) => text.slice(0, text.indexOf(translation, text.indexOf(marker)) + translation.length + 40);

    test("PO, cut inside a translation's quoted text", () => {
      const file = cut(exported, 'msgctxt "pledge/block-1"', 'msgstr ""\n"');
      const result = runImport(shared.root, "cut-text.po", file);
      expectRefused(result, `cut-text.po:${file.split("\n").length}: `, "this line's text has no closing quote", "download or save the file again");
    });

    test("PO, cut between lines: an entry without its msgstr", () => {
      const file = exported.slice(0, exported.indexOf("msgstr", exported.indexOf('msgctxt "pledge/block-1"')));
      const result = runImport(shared.root, "cut-entry.po", file);
      expectRefused(result, `cut-entry.po:${lineOf(file, "pledge/block-1")}: `, "the entry pledge/block-1 has no msgstr", "download or save the file again");
    });

    test.each(["1.2", "2.0"] as const)("XLIFF %s, cut inside a target", async (version) => {
      const xml = await writeXliff(exportLocale(ROOT, "ar"), version);
      const file = cut(xml, version === "1.2" ? '<trans-unit id="pledge/block-1"' : '<unit id="pledge/block-1"', "<target");
      const result = runImport(shared.root, `cut-${version}.xlf`, file);
      expectRefused(result, `cut-${version}.xlf:${file.split("\n").length}: `, "the file ends before </xliff>", "download or save the file again");
    });
  });

  test("a file with thousands of unknown entries prints a count, not a line each", () => {
    const copy = freshCopy();
    const unknown = Array.from({ length: 5000 }, (_, i) => `msgctxt "gone/block-${i}"\nmsgid "Old text ${i}"\nmsgstr "نص ${i}"\n`).join("\n");
    const result = runImport(copy.root, "many.po", `${exported}\n${unknown}`);
    expect(result.status, result.stderr).toBe(0);
    const skipped = result.stdout.split("\n").filter((l) => l.startsWith("• many.po"));
    expect(skipped).toHaveLength(10);
    expect(result.stdout).toContain("• … and 4990 more entries that match no current block or string (5000 in all), skipped");
  });
});

describe("nothing half-done", () => {
  test("a failure midway (a folder where a later file goes) leaves every file as it was, and says so", () => {
    const copy = freshCopy();
    const file = writePo(exportLocale(copy.root, "ar"));
    const parsed = po.parse(file);
    for (const context of ["pledge/block-1", "demands/title", "ui/home.cta"]) {
      const message = Object.values(parsed.translations[context]!)[0]!;
      message.msgstr = [`${message.msgstr[0]} (مراجَع)`];
    }
    // references.md is written after pledge.md and demands.md: a folder there makes its rename fail.
    rmSync(join(copy.root, "content/ar/references.md"));
    mkdirSync(join(copy.root, "content/ar/references.md/inside"), { recursive: true });
    const before = fingerprint(copy.root);
    const result = runImport(copy.root, "midway.po", po.compile(parsed).toString("utf8"), "--force");
    expect(result.status, result.stdout).toBe(1);
    expect(result.stderr).toContain("content/ar/references.md: could not be written (a folder stands where the file goes), so nothing was imported: every file is as it was");
    expect(fingerprint(copy.root)).toEqual(before);
    expect(readdirSync(join(copy.root, "content/ar")).filter((n) => n.startsWith("."))).toEqual([]);
  });

  test("an injected failure on the third rename: the two files already replaced get their bytes back, the new one is removed", () => {
    const dir = mkdtempSync(join(tmpdir(), "pledge-write-"));
    try {
      writeFileSync(join(dir, "a.md"), "a before");
      writeFileSync(join(dir, "b.md"), "b before");
      let renames = 0;
      const ops = {
        writeFile: (path: string, text: string | Buffer) => writeFileSync(path, text),
        rename: (from: string, to: string) => {
          if (++renames === 4) throw Object.assign(new Error("simulated"), { code: "EIO" });
          renameSync(from, to);
        },
      };
      const writes = [
        { path: join(dir, "a.md"), text: "a after" },
        { path: join(dir, "new/c.md"), text: "c" },
        { path: join(dir, "b.md"), text: "b after" },
        { path: join(dir, "d.md"), text: "d" },
      ];
      expect(() => writeAllOrNothing(writes, ops)).toThrow(/d\.md: simulated/);
      expect(readdirSync(dir).toSorted()).toEqual(["a.md", "b.md"]);
      expect(readFileSync(join(dir, "a.md"), "utf8")).toBe("a before");
      expect(readFileSync(join(dir, "b.md"), "utf8")).toBe("b before");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("importLocale with a write that fails midway changes nothing, version snapshots included", () => {
    const copy = freshCopy();
    const file = writePo(exportLocale(copy.root, "ar"));
    write(copy, "content/en/pledge.md", (t) => t.replace("the brutality that the Israel enacts", "the brutality that Israel enacts"));
    const parsed = po.parse(file);
    const message = Object.values(parsed.translations["pledge/block-2"]!)[0]!;
    message.msgstr = [`${message.msgstr[0]} (مراجَع)`];
    message.msgid = message.msgid.replace("the brutality that the Israel enacts", "the brutality that Israel enacts");
    const before = fingerprint(copy.root);
    let writes = 0;
    const ops = {
      writeFile: (path: string, text: string | Buffer) => {
        if (++writes === 2) throw Object.assign(new Error("disk full"), { code: "ENOSPC" });
        writeFileSync(path, text);
      },
      rename: () => {},
    };
    expect(() => importLocale(copy.root, readPo(po.compile(parsed).toString("utf8"), "ar.po"), { file: "ar.po", force: true, writeOps: ops })).toThrow(/could not be written \(the disk is full\)/);
    expect(fingerprint(copy.root)).toEqual(before);
    expect(existsSync(join(copy.root, "content/.versions/pledge"))).toBe(existsSync(join(ROOT, "content/.versions/pledge")));
  });
});

describe("what import accepts, the check and the build accept", () => {
  test("the command exits 1 when the check has errors for the locale", () => {
    const copy = freshCopy();
    // A citation the Arabic lost, by hand: a check error in a complete locale, there before the import.
    write(copy, "content/ar/illegal.md", (t) => t.replace("A/75/212", "A/75/21"));
    const result = runImport(copy.root, "same.po", writePo(exportLocale(copy.root, "ar")));
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("✓ nothing to change");
    expect(result.stdout).toContain("A/75/212");
    expect(result.stderr).toMatch(/✗ the check finds \d+ errors? in ar \(listed above\); same\.po added none of them/);
  });

  test("an import that would leave the check an error it does not have now is refused, nothing written", () => {
    const copy = freshCopy();
    const file = writePo(exportLocale(copy.root, "ar"));
    write(copy, "content/en/dual-use.md", (t) => t.replace("---\n\n", "---\n\nA paragraph the English gained after the export.\n\n"));
    const before = fingerprint(copy.root);
    const result = runImport(copy.root, "stale.po", file);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("content/ar/dual-use.md:");
    expect(result.stderr).toMatch(/✗ stale\.po: not imported: with its translations the check would find 1 error in ar that it does not find now/);
    expect(fingerprint(copy.root)).toEqual(before);
  });

  test("an address written into an entry is refused at the entry and its line in the file, with the section's line as it would be", () => {
    const added = poWith({ translations: { "pledge/block-1": `${Object.values(po.parse(exported).translations["pledge/block-1"]!)[0]!.msgstr[0]} www.evil.example.com` } });
    const result = runImport(shared.root, "added-address.po", added);
    expectRefused(result, `added-address.po:${lineOf(added, "pledge/block-1")}: error: entry pledge/block-1: this text writes out the address www.evil.example.com`, /\(content\/ar\/pledge\.md:\d+ as it would be written\)/);
  });

  test("a link the English entry does not have is refused with what to do: remove it (there is nothing to copy)", () => {
    const added = poWith({ translations: { "pledge/block-1": `${Object.values(po.parse(exported).translations["pledge/block-1"]!)[0]!.msgstr[0]} [هنا](https://evil.example/sign)` } });
    const result = runImport(shared.root, "added-link.po", added);
    expectRefused(result, `added-link.po:${lineOf(added, "pledge/block-1")}: error: entry pledge/block-1: the translation has the link address https://evil.example/sign`, "→ remove it from the msgstr");
    expect(result.stderr).not.toContain("copy it exactly");
  });
});

function write(copy: ProjectCopy, file: string, change: (text: string) => string) {
  const path = join(copy.root, file);
  const text = readFileSync(path, "utf8");
  const changed = change(text);
  expect(changed).not.toBe(text);
  writeFileSync(path, changed);
}
