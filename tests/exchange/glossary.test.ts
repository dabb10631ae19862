// The glossary in every exchange file: `#.` lines in PO, notes in XLIFF 1.2, the glossary module in
// XLIFF 2.0, and the whole glossary as TBX-Basic and CSV, read back term by term. Imports ignore
// all of it: export → import unchanged writes nothing. No glossary changes no byte.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { po } from "gettext-parser";
import { describe, expect, test } from "vitest";
import { xml2js, type Element } from "xml-js";
import { loadGlossary } from "../../scripts/project/glossary.ts";
import { exportLocale } from "../../scripts/translators/exchange/entries.ts";
import { importLocale } from "../../scripts/translators/exchange/importLocale.ts";
import { readPo, writePo } from "../../scripts/translators/exchange/po.ts";
import { writeGlossaryCsv, writeTbx } from "../../scripts/translators/exchange/termbase.ts";
import { readXliff, writeXliff, type XliffVersion } from "../../scripts/translators/exchange/xliff.ts";
import { scaffoldGlossary } from "../../scripts/translators/newLocale.ts";
import { runScript } from "../helpers/cli.ts";
import { useProjectCopy } from "./projectCopy.ts";
import { readProject } from "../../scripts/project/readProject.ts";

const copyOfProject = useProjectCopy();

/** A copy of the project without the campaign's glossary: each test writes the one it is about. */
function setUp() {
  const project = copyOfProject();
  rmSync(join(project.root, "content/glossary.yml"), { force: true });
  return project;
}

const GLOSSARY = `# The campaign's key terms (a test's excerpt)
- term: abet
  forms: [abet, abets, abetting, aid and abet]
  note: help or encourage a crime (a legal term, not "support")
  ar:
    accepted: [التواطؤ, المساعدة والتحريض]
    forbidden: [الدعم]
- term: Azure
  ar: { keep: latin, forbidden: [أزور] }
- term: genocide
  note: the crime the 1948 Convention defines
  ar: { accepted: [] }
- term: Human Rights Council
  note: the UN body in Geneva, never UNHCR
  fr: { accepted: [Conseil des droits de l'homme] }
`;

const ABET = 'Glossary: abet → التواطؤ / المساعدة والتحريض (not: الدعم). help or encourage a crime (a legal term, not "support")';
const AZURE = "Glossary: Azure → Azure (kept in Latin letters) (not: أزور).";
const GENOCIDE = "Glossary: genocide → not decided yet (content/glossary.yml). the crime the 1948 Convention defines";
const COUNCIL = "Glossary: Human Rights Council. the UN body in Geneva, never UNHCR";

function withGlossary(text = GLOSSARY) {
  const project = setUp();
  project.write("content/glossary.yml", text);
  return project;
}

/** The elements named `name` anywhere under `node`, in document order. */
function all(node: Element, name: string): Element[] {
  const out: Element[] = [];
  for (const child of node.elements ?? []) {
    if (child.name === name) out.push(child);
    out.push(...all(child, name));
  }
  return out;
}
const textOf = (node: Element): string => (node.elements ?? []).map((c) => (c.type === "text" ? String(c.text) : textOf(c))).join("");
const children = (node: Element, name: string) => (node.elements ?? []).filter((c) => c.name === name);

describe("PO", () => {
  test("each entry has a #. line per glossary term its English holds, with the locale's renderings", () => {
    const { root } = withGlossary();
    const text = writePo(exportLocale(root, "ar"));
    const parsed = po.parse(text);
    const messages = Object.values(parsed.translations).flatMap((m) => Object.values(m));
    const abetting = messages.find((m) => /abetting/.test(m.msgid) && /Azure/.test(m.msgid)) ?? messages.find((m) => /abetting/.test(m.msgid))!;
    const lines = abetting.comments!.extracted!.split("\n");
    expect(lines).toContain(ABET);
    expect(lines[0]).not.toMatch(/^Glossary/); // what the entry is comes first
    const azure = messages.find((m) => /\bAzure\b/.test(m.msgid))!;
    expect(azure.comments!.extracted!.split("\n")).toContain(AZURE);
    const genocide = messages.find((m) => /\bgenocide\b/i.test(m.msgid))!;
    expect(genocide.comments!.extracted!.split("\n")).toContain(GENOCIDE);
    // A term with no Arabic yet is named with its note.
    const council = messages.find((m) => /Human Rights Council/.test(m.msgid))!;
    expect(council.comments!.extracted!.split("\n")).toContain(COUNCIL);
    // As written in the file: one `#.` line each.
    expect(text).toContain(`#. ${ABET}\n`);
    // An entry without a term has no glossary line.
    expect(parsed.translations["pledge/title"]!["The pledge"]!.comments!.extracted).toBe("Section title.");
  });

  test("a template names the terms and their notes, no locale's renderings", () => {
    const { root } = withGlossary();
    const text = writePo(exportLocale(root, "", { template: true, only: "sections" }));
    expect(text).toContain('#. Glossary: abet. help or encourage a crime (a legal term, not "support")\n');
    expect(text).not.toContain("التواطؤ");
  });

  test("export → import unchanged writes nothing", () => {
    const { root, fingerprint } = withGlossary();
    const before = fingerprint();
    expect(importLocale(root, readPo(writePo(exportLocale(root, "ar")), "ar.po"), { file: "ar.po" })).toMatchObject({ result: "imported", written: [], ignored: [] });
    expect(fingerprint()).toEqual(before);
  });

  test.skipIf(spawnSync("msgfmt", ["--version"]).status !== 0)("GNU gettext accepts the file with its glossary lines (msgfmt -c)", () => {
    const { root } = withGlossary();
    const dir = mkdtempSync(join(tmpdir(), "pledge-gpo-"));
    try {
      writeFileSync(join(dir, "ar.po"), writePo(exportLocale(root, "ar")));
      const checked = spawnSync("msgfmt", ["-c", "-o", "/dev/null", join(dir, "ar.po")], { encoding: "utf8" });
      expect(checked.status, checked.stderr).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("no glossary, or one without terms", () => {
  test("changes no byte of any export", async () => {
    const { root, write } = setUp();
    const exports = async () => [writePo(exportLocale(root, "ar")), await writeXliff(exportLocale(root, "ar"), "1.2"), await writeXliff(exportLocale(root, "ar"), "2.0")];
    const absent = await exports();
    expect(absent.join("")).not.toContain("Glossary");
    expect(absent[2]).not.toContain("gls:");
    write("content/glossary.yml", "# terms to come\n");
    expect(await exports()).toEqual(absent);
    // A glossary whose terms the English never holds: no line either.
    write("content/glossary.yml", "- term: zeppelin\n  ar: { accepted: [منطاد] }\n");
    expect(await exports()).toEqual(absent);
  });
});

describe.each(["1.2", "2.0"] as XliffVersion[])("XLIFF %s", (version) => {
  test("a note per term; import ignores notes and the glossary module: the round trip writes nothing", async () => {
    const { root, fingerprint, write } = setUp();
    const plain = await readXliff(await writeXliff(exportLocale(root, "ar"), version), "ar.xlf");
    write("content/glossary.yml", GLOSSARY);
    const before = fingerprint();
    const xml = await writeXliff(exportLocale(root, "ar"), version);
    const doc = xml2js(xml) as Element;
    const unit = all(doc, version === "1.2" ? "trans-unit" : "unit").find((u) => all(u, "source").some((s) => /abetting/.test(textOf(s))))!;
    const notes = all(unit, "note").map(textOf);
    expect(notes.length).toBeGreaterThan(1);
    expect(notes[0]).toMatch(/English: content\/en\/\S+\.md:\d+\./);
    expect(notes).toContain(ABET);
    const imported = await readXliff(xml, "ar.xlf");
    expect(imported.entries).toEqual(plain.entries);
    expect(await importLocale(root, imported, { file: "ar.xlf" })).toMatchObject({ result: "imported", written: [], ignored: [] });
    expect(fingerprint()).toEqual(before);
  });
});

describe("XLIFF 2.0 glossary module", () => {
  test("each unit holds gls:glossary with the term, the accepted translations and the definition", async () => {
    const { root } = withGlossary();
    const xml = await writeXliff(exportLocale(root, "ar"), "2.0");
    const doc = xml2js(xml) as Element;
    const xliff = all(doc, "xliff")[0]!;
    expect(xliff.attributes!["xmlns:gls"]).toBe("urn:oasis:names:tc:xliff:glossary:2.0");
    const units = all(doc, "unit");
    const unit = units.find((u) => all(u, "source").some((s) => /abetting/.test(textOf(s))))!;
    // The module comes first in the unit, before <notes> and <segment>.
    expect(unit.elements![0]!.name).toBe("gls:glossary");
    const entries = all(unit, "gls:glossEntry").map((e) => ({
      term: textOf(children(e, "gls:term")[0]!),
      translations: children(e, "gls:translation").map(textOf),
      definition: children(e, "gls:definition").map(textOf)[0],
      order: e.elements!.map((c) => c.name),
    }));
    const abet = entries.find((e) => e.term === "abet")!;
    expect(abet).toEqual({
      term: "abet",
      translations: ["التواطؤ", "المساعدة والتحريض"],
      definition: 'help or encourage a crime (a legal term, not "support") Do not write: الدعم.',
      order: ["gls:term", "gls:translation", "gls:translation", "gls:definition"],
    });
    const azureUnit = units.find((u) => all(u, "source").some((s) => /\bAzure\b/.test(textOf(s))))!;
    expect(all(azureUnit, "gls:glossEntry").map((e) => children(e, "gls:translation").map(textOf))).toContainEqual(["Azure"]);
    const genocideUnit = units.find((u) => all(u, "source").some((s) => /\bgenocide\b/i.test(textOf(s))))!;
    const genocide = all(genocideUnit, "gls:glossEntry").find((e) => textOf(children(e, "gls:term")[0]!) === "genocide")!;
    expect(children(genocide, "gls:translation")).toEqual([]);
    expect(textOf(children(genocide, "gls:definition")[0]!)).toBe("the crime the 1948 Convention defines The rendering is not decided yet (content/glossary.yml).");
    // Units without a term have no module.
    expect(all(units.find((u) => u.attributes!.id === "pledge/title")!, "gls:glossary")).toEqual([]);
  });
});

function readTbx(text: string) {
  const doc = xml2js(text) as Element;
  const martif = all(doc, "martif")[0]!;
  return {
    martif,
    entries: all(doc, "termEntry").map((entry) => ({
      id: entry.attributes!.id,
      definition: children(entry, "descrip")
        .filter((d) => d.attributes!.type === "definition")
        .map(textOf)[0],
      langSets: children(entry, "langSet").map((set) => ({
        lang: set.attributes!["xml:lang"],
        terms: children(set, "tig").map((tig) => ({
          term: textOf(children(tig, "term")[0]!),
          status: children(tig, "termNote").find((n) => n.attributes!.type === "administrativeStatus") ? textOf(children(tig, "termNote")[0]!) : undefined,
        })),
      })),
    })),
  };
}

describe("the glossary as TBX-Basic", () => {
  const glossary = () => {
    const dir = mkdtempSync(join(tmpdir(), "pledge-tbx-"));
    writeFileSync(join(dir, "glossary.yml"), GLOSSARY);
    try {
      return loadGlossary(dir, dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  test("read back term by term: the English term, its definition, the renderings with their status", () => {
    const text = writeTbx({ glossary: glossary(), sourceLocale: "en", code: "ar", project: "Pledge" });
    const { martif, entries } = readTbx(text);
    expect(martif.attributes).toEqual({ type: "TBX-Basic", "xml:lang": "en" });
    expect(all(martif, "text")).toHaveLength(1);
    expect(all(all(martif, "text")[0]!, "body")).toHaveLength(1);
    const en = (term: string) => ({ lang: "en", terms: [{ term, status: undefined }] });
    expect(entries).toEqual([
      {
        id: "term-abet",
        definition: 'help or encourage a crime (a legal term, not "support")',
        langSets: [
          en("abet"),
          {
            lang: "ar",
            terms: [
              { term: "التواطؤ", status: "preferredTerm-admn-sts" },
              { term: "المساعدة والتحريض", status: "admittedTerm-admn-sts" },
            ],
          },
        ],
      },
      // A forbidden rendering is an entry of its own, so the tools forbid it and only it.
      {
        id: "term-abet-not-1",
        definition: 'Not a rendering of “abet”: help or encourage a crime (a legal term, not "support")',
        langSets: [en("abet"), { lang: "ar", terms: [{ term: "الدعم", status: "deprecatedTerm-admn-sts" }] }],
      },
      { id: "term-azure", definition: undefined, langSets: [en("Azure"), { lang: "ar", terms: [{ term: "Azure", status: "preferredTerm-admn-sts" }] }] },
      { id: "term-azure-not-1", definition: "Not a rendering of “Azure”: it misleads", langSets: [en("Azure"), { lang: "ar", terms: [{ term: "أزور", status: "deprecatedTerm-admn-sts" }] }] },
      // Not decided yet, or not given for this locale: the English alone, shown untranslated.
      { id: "term-genocide", definition: "the crime the 1948 Convention defines", langSets: [en("genocide")] },
      { id: "term-human-rights-council", definition: "the UN body in Geneva, never UNHCR", langSets: [en("Human Rights Council")] },
    ]);
  });

  test("another locale gets its own renderings", () => {
    const { entries } = readTbx(writeTbx({ glossary: glossary(), sourceLocale: "en", code: "fr", project: "Pledge" }));
    expect(entries.find((e) => e.id === "term-human-rights-council")!.langSets[1]).toEqual({ lang: "fr", terms: [{ term: "Conseil des droits de l'homme", status: "preferredTerm-admn-sts" }] });
    expect(entries.filter((e) => e.langSets.length > 1)).toHaveLength(1);
  });

  test("as CSV, read back row by row: one per accepted rendering, forbidden ones only in the comment", () => {
    const rows = readCsv(writeGlossaryCsv({ glossary: glossary(), sourceLocale: "en", code: "ar", project: "Pledge" }));
    expect(rows).toEqual([
      ["source", "target", "context", "developer_comments"],
      ["abet", "التواطؤ", "", 'help or encourage a crime (a legal term, not "support") Not: الدعم.'],
      ["abet", "المساعدة والتحريض", "2", 'help or encourage a crime (a legal term, not "support") Not: الدعم.'],
      ["Azure", "Azure", "", "Not: أزور."],
      ["genocide", "", "", "the crime the 1948 Convention defines Not decided yet."],
      ["Human Rights Council", "", "", "the UN body in Geneva, never UNHCR"],
    ]);
  });
});

/** RFC 4180: fields in double quotes may hold commas, quotes (doubled) and line breaks. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  expect(field).toBe("");
  return rows;
}

describe("npm run locale:export -- <code> --format tbx|csv", () => {
  test("writes glossary/<code>.tbx and .csv, the file names Weblate reads the language from", () => {
    const { root } = withGlossary();
    const tbx = runScript("locale-export.ts", ["ar", "--format", "tbx"], { cwd: root });
    expect(tbx.status, tbx.stderr).toBe(0);
    expect(tbx.stdout).toContain("glossary/ar.tbx: 4 terms for ar (1 not decided yet, 1 with no rendering for ar)");
    expect(readTbx(readFileSync(join(root, "glossary/ar.tbx"), "utf8")).entries).toHaveLength(6);
    const csv = runScript("locale-export.ts", ["ar", "--format", "csv", "--out", "out/terms.csv"], { cwd: root });
    expect(csv.status, csv.stderr).toBe(0);
    expect(readCsv(readFileSync(join(root, "out/terms.csv"), "utf8"))).toHaveLength(6);
  });

  test("with no glossary there is nothing to write: an error that says where the glossary goes", () => {
    const { root } = setUp();
    const result = runScript("locale-export.ts", ["ar", "--format", "tbx"], { cwd: root });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("content/glossary.yml");
    expect(existsSync(join(root, "glossary/ar.tbx"))).toBe(false);
  });

  test("a broken glossary is refused at its line; nothing is written", () => {
    const { root } = withGlossary("- term: abet\n  ar: { keep: no }\n");
    const result = runScript("locale-export.ts", ["ar", "--format", "csv"], { cwd: root });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("content/glossary.yml:2");
    expect(existsSync(join(root, "glossary/ar.csv"))).toBe(false);
  });
});

describe("npm run locale:new adds the new locale to every glossary entry, to be decided first", () => {
  const FILE = `# The campaign's key terms. Fill a new locale's renderings first.
- term: abet
  forms: [abet, abets, abetting, aid and abet]
  note: help or encourage a crime (a legal term, not "support"), which a long note may explain at length over the line width
  ar:
    accepted: [التواطؤ, المساعدة والتحريض]
    forbidden: [الدعم]   # reads as "support"
# Product names stay in Latin letters.
- term: Azure
  ar: { keep: latin, forbidden: [أزور] }
  fr: { keep: latin }
- term: genocide
  note: 'the crime the 1948 Convention defines'
`;

  test("each entry gains  fr: { accepted: [] }; comments, order and existing renderings stay as written", () => {
    const { root, read } = withGlossary(FILE);
    expect(scaffoldGlossary(readProject(root), "fr")).toEqual({ file: "content/glossary.yml", result: "updated", terms: 2 });
    const after = read("content/glossary.yml");
    const lines = FILE.split("\n");
    // The file as it was, with one line added after the abet and the genocide entries; Azure already has fr.
    expect(after).toBe([...lines.slice(0, 7), "  fr: { accepted: [] }", ...lines.slice(7, 13), "  fr: { accepted: [] }", ...lines.slice(13)].join("\n"));
    const glossary = loadGlossary(join(root, "content"), root);
    expect(glossary.entries.map((e) => [e.term, e.locales.get("fr")?.decided])).toEqual([
      ["abet", false],
      ["Azure", true],
      ["genocide", false],
    ]);
    // Twice: nothing left to add, the file is not touched.
    expect(scaffoldGlossary(readProject(root), "fr")).toEqual({ file: "content/glossary.yml", result: "skipped" });
    expect(read("content/glossary.yml")).toBe(after);
  });

  test("through the command, with the other files; no glossary: nothing about it", () => {
    const { root, read } = withGlossary(FILE);
    const result = runScript("locale-new.ts", ["fr"], { cwd: root });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("✓ added fr to 2 terms in content/glossary.yml (accepted: [], to be decided first)");
    expect(read("content/glossary.yml")).toContain("  fr: { accepted: [] }");
    const bare = setUp();
    expect(scaffoldGlossary(readProject(bare.root), "fr")).toBeUndefined();
    expect(existsSync(join(bare.root, "content/glossary.yml"))).toBe(false);
  });

  test("after a block-scalar note, at the end of a file with no last line break, and in flow entries", () => {
    const { root, read, write } = withGlossary("- term: abet\n  note: |\n    help or encourage\n    a crime\n\n# next\n- term: Azure\n  ar: { keep: latin }");
    scaffoldGlossary(readProject(root), "fr");
    expect(read("content/glossary.yml")).toBe(
      "- term: abet\n  note: |\n    help or encourage\n    a crime\n  fr: { accepted: [] }\n\n# next\n- term: Azure\n  ar: { keep: latin }\n  fr: { accepted: [] }\n",
    );
    expect(loadGlossary(join(root, "content"), root).entries[0]!.note).toBe("help or encourage\na crime");
    // An entry written as one flow map: the document is rewritten (the yaml package's spacing), comments kept.
    write("content/glossary.yml", "# terms\n- { term: abet, ar: { accepted: [x] } }  # legal\n");
    scaffoldGlossary(readProject(root), "fr");
    expect(read("content/glossary.yml")).toBe("# terms\n- {term: abet, ar: {accepted: [x]}, fr: {accepted: []}} # legal\n");
  });

  test("a broken glossary is reported at its line and left as it is", () => {
    const { root, read } = withGlossary("- term: abet\n  ar: { keep: no }\n");
    expect(() => scaffoldGlossary(readProject(root), "fr")).toThrow(/keep: is "latin" or absent/);
    expect(read("content/glossary.yml")).toBe("- term: abet\n  ar: { keep: no }\n");
  });
});

test("the source locale has no glossary to export", () => {
  const { root } = withGlossary();
  const result = runScript("locale-export.ts", ["en", "--format", "tbx"], { cwd: root });
  expect(result.status).toBe(1);
  expect(result.stderr).toContain('"en" is the source locale');
});
