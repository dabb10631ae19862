// content/glossary.yml: the reader, its errors (file and line), and the English terms a text holds.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { hasWord, loadGlossary, readGlossaryYaml, termsIn, type Glossary } from "../../scripts/project/glossary.ts";
import { quickGlossary } from "../../scripts/project/glossaryLines.ts";
import { readProject } from "../../scripts/project/readProject.ts";
import { copyProject } from "../helpers/project.ts";
import { contentErrorOf } from "../helpers/contentError.ts";
import { ROOT } from "../helpers/site.ts";
import { withNoCacheVariable } from "../helpers/cache.ts";

const dir = mkdtempSync(join(tmpdir(), "glossary-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function read(yaml: string) {
  writeFileSync(join(dir, "glossary.yml"), yaml);
  return loadGlossary(dir, dir);
}

const errorOf = (yaml: string) => contentErrorOf(() => read(yaml));

describe("the glossary reader", () => {
  test("an entry with forms, a note, the quotation exemption and per-locale renderings", () => {
    const glossary = read(`- term: abet
  forms: [abet, abets, aid and abet]
  note: help or encourage a crime
  quotations: exempt
  ar:
    accepted: [التواطؤ, المساعدة والتحريض]
    forbidden: [الدعم]
- term: Azure
  ar: { keep: latin, forbidden: [أزور] }
`);
    expect(glossary.file).toBe("glossary.yml");
    const [abet, azure] = glossary.entries;
    expect(abet).toMatchObject({ term: "abet", forms: ["abet", "abets", "aid and abet"], note: "help or encourage a crime", exemptInQuotations: true, line: 1 });
    expect(abet!.locales.get("ar")).toEqual({ accepted: ["التواطؤ", "المساعدة والتحريض"], keep: false, forbidden: ["الدعم"], decided: true, line: 5 });
    expect(azure).toMatchObject({ term: "Azure", forms: ["Azure"], exemptInQuotations: false, line: 8 });
    expect(azure!.locales.get("ar")).toEqual({ accepted: [], keep: true, forbidden: ["أزور"], decided: true, line: 9 });
  });

  test("an explicitly empty accepted: [] (what locale:new writes) is a rendering not decided yet", () => {
    const glossary = read("- term: abet\n  ar: { accepted: [] }\n  fr:\n    accepted: []\n    forbidden: [soutenir]\n- term: Azure\n  fr: { accepted: [], keep: latin }\n");
    expect(glossary.entries[0]!.locales.get("ar")).toEqual({ accepted: [], keep: false, forbidden: [], decided: false, line: 2 });
    expect(glossary.entries[0]!.locales.get("fr")).toEqual({ accepted: [], keep: false, forbidden: ["soutenir"], decided: false, line: 3 });
    // keep: latin decides it: the English forms are the rendering.
    expect(glossary.entries[1]!.locales.get("fr")).toMatchObject({ keep: true, decided: true });
  });

  test("no file, or one with only comments, is an empty glossary", () => {
    expect(loadGlossary(join(dir, "absent"), dir).entries).toEqual([]);
    expect(read("# terms to come\n").entries).toEqual([]);
  });

  test.each([
    ["not a list", "term: abet\n", 1, "must be a list of terms"],
    ["an entry without a term", "- note: x\n", 1, "this entry has no term:"],
    ["a term twice", "- term: abet\n  ar: { keep: latin }\n- term: Abet\n  ar: { keep: latin }\n", 3, 'the term "Abet" is listed twice (first at line 1)'],
    ["a locale with nothing accepted", "- term: abet\n  ar:\n    forbidden: [x]\n", 2, 'ar has no accepted rendering of "abet"'],
    ["an empty list other than accepted:", "- term: abet\n  forms: []\n", 2, "forms: must be a list of texts"],
    ["an unknown key in a locale", "- term: abet\n  ar:\n    accept: [x]\n", 3, 'unknown key "accept" under ar for "abet"'],
    ["an unknown key in an entry", "- term: abet\n  notes: x\n", 2, 'unknown key "notes" in the entry for "abet"'],
    ["keep other than latin", "- term: abet\n  ar: { keep: yes }\n", 2, 'keep: is "latin" or absent, not "yes"'],
    ["forms not a list of texts", "- term: abet\n  forms: [abet, 3]\n", 2, "forms: must be a list of texts"],
    ["quotations other than exempt", "- term: abet\n  quotations: free\n", 2, 'quotations: is "exempt" or absent, not "free"'],
    ["broken YAML", "- term: abet\n  ar: [x\n", 2, 'not valid YAML: the "[" here is never closed'],
  ])("%s: an error at its line, with what to do", (_, yaml, line, message) => {
    // The quick reader leaves every mistake to the YAML reader, whose messages these are.
    expect(quickGlossary(yaml)).toBeUndefined();
    const error = errorOf(yaml);
    expect(error.file).toBe("glossary.yml");
    expect(error.line).toBe(line);
    expect(error.problem).toContain(message);
    expect(error.hint).not.toBe("");
  });
});

describe("the quick reader (line by line) reads what it accepts as the YAML reader does", () => {
  const same = (yaml: string) => ({ quick: quickGlossary(yaml), full: readGlossaryYaml(yaml, "glossary.yml").entries });

  test("the campaign's content/glossary.yml", () => {
    const { quick, full } = same(readFileSync(join(ROOT, "content", "glossary.yml"), "utf8"));
    expect(full.length).toBeGreaterThan(20);
    expect(quick).toEqual(full);
  });

  test.each([
    ["the shapes of content/README.md", "- term: abet\n  forms: [abet, abets, abetting]\n  note: to help, encourage or facilitate a crime, not \"support\"\n  ar:\n    accepted: [التحريض, تحريض, نحرض]\n    forbidden: [الإعانة على]\n- term: Azure\n  ar: { keep: latin, forbidden: [أزور] }\n"],
    ["comments, blank lines, a folded note with quotes and colons", "# key terms\n\n- term: dual-use\n  note: >-\n    goods with both uses: \"civilian\" and\n    military (the campaign's word)\n  quotations: exempt\n\n  # per locale\n  ar:\n    accepted: [ذات استخدام مزدوج]\n"],
    ["one word for a list, extra spaces, a flow map on the key's line", "- term: ICJ\n  forms:   ICJ  \n  fr: {accepted: [CIJ ,  Cour internationale],forbidden: [CPI]}\n  es:\n    accepted: CIJ\n    keep: latin\n"],
    ["renderings not decided yet and kept in Latin", "- term: Azure\n  fr: { accepted: [] }\n  de: { accepted: [], keep: latin }\n  pt-BR:\n    keep: latin\n"],
    ["no entries", "# nothing yet\n"],
  ])("%s", (_, yaml) => {
    const { quick, full } = same(yaml);
    expect(quick).toBeDefined();
    expect(quick).toEqual(full);
  });

  test.each([
    ["a quoted text", '- term: abet\n  note: "help: or abet"\n'],
    ["a text over two lines", "- term: abet\n  note: help\n    or abet\n"],
    ["a list of lines", "- term: abet\n  ar:\n    accepted:\n      - التحريض\n"],
    ["a comment after a value", "- term: abet\n  forms: [abet] # and more\n"],
    ["a tab", "- term: abet\n  note:\thelp\n"],
    ["a number or yes-like word where text is read", "- term: abet\n  forms: [abet, 1948]\n"],
    ["a colon inside a list", "- term: abet\n  forms: [a:b]\n"],
    ["a folded note with a blank line", "- term: abet\n  note: >-\n    help\n\n    abet\n"],
    ["a folded note indented unevenly", "- term: abet\n  note: >-\n    help\n      abet\n"],
  ])("%s: left to the YAML reader, which reads or rejects it", (_, yaml) => {
    expect(quickGlossary(yaml)).toBeUndefined();
  });
});

describe("the English terms a text holds", () => {
  const glossary = read("- term: abet\n  forms: [abet, abetted, aid and abet]\n- term: Azure\n- term: ICJ\n- term: naïve\n");
  test.each([
    ["They abetted the crime.", ["abet"]],
    ["To aid and abet is a crime", ["abet"]],
    ["The abettor", []],
    ["azure and AZURE-based, on Azure.", ["Azure"]],
    ["the ICJ's ruling; ICJs", ["ICJ"]],
    ["microsoft", []],
    // Letters beyond ASCII are letters: they end a word or are part of it, astral ones too.
    ["Naïve, not naïveté; Übabet, 𝐀abet, abet𝐀; «abet»", ["abet", "naïve"]],
    ["naïveté, Übabet, 𝐀abet, abet𝐀", []],
  ])("%s", (text, terms) => {
    expect(termsIn(text, glossary).map((e) => e.term)).toEqual(terms);
  });

  test("a form that starts or ends with a letter beyond ASCII is a whole word only between non-letters", () => {
    const accents = read("- term: élan\n- term: café\n");
    expect(termsIn("Élan; xélan, éélan, élanx", accents).map((e) => e.term)).toEqual(["élan"]);
    expect(termsIn("caféx, xcafé, cafés, 𝐀café", accents)).toEqual([]);
    expect(termsIn("(café)", accents).map((e) => e.term)).toEqual(["café"]);
  });

  test("a whole word needs no letter or digit beside it, in any script", () => {
    expect(hasWord("x abet y", "abet")).toBe(true);
    expect(hasWord("abetted", "abet")).toBe(false);
    expect(hasWord("1abet", "abet")).toBe(false);
    expect(hasWord("(abet)", "abet")).toBe(true);
  });
});

describe("in the project", () => {
  test("a broken glossary is a problem of the project that does not stop the site", () => {
    const copy = copyProject();
    try {
      writeFileSync(join(copy.root, "content/glossary.yml"), "- term: abet\n  ar: { keep: no }\n");
      const project = readProject(copy.root);
      expect(project.glossary.entries).toEqual([]);
      expect(project.problems).toEqual([expect.objectContaining({ file: "content/glossary.yml", line: 2, severity: "error", siteBuilds: true })]);
    } finally {
      copy.remove();
    }
  });
});

describe("kept in .cache/project/ (the tests run without the cache: this turns it on)", () => {
  const withCache = <T>(run: () => T): T => withNoCacheVariable(undefined, run);
  const cacheDir = (root: string) => join(root, ".cache", "project");

  test("served while the file is unchanged, parsed again after an edit or when the kept entry is damaged; --no-cache neither reads nor writes it", () => {
    const copy = copyProject();
    try {
      const content = join(copy.root, "content");
      const parsed = () => loadGlossary(content, copy.root, { cache: false });
      const kept = () => withCache(() => loadGlossary(content, copy.root));
      parsed();
      expect(existsSync(cacheDir(copy.root))).toBe(false);
      const expected = parsed();
      expect(expected.entries.length).toBeGreaterThan(10);
      expect(kept()).toStrictEqual(expected);
      const [entry] = readdirSync(cacheDir(copy.root)).filter((name) => name.endsWith(".json"));
      const file = join(cacheDir(copy.root), entry!);
      expect(kept()).toStrictEqual(expected);
      // What is kept is what is served: an entry's term changed in the cache shows.
      const stored = readFileSync(file, "utf8");
      writeFileSync(file, stored.replace('"term":"abet"', '"term":"kept"'));
      expect(kept().entries[0]!.term).toBe("kept");
      // A damaged entry (a rendering without its lists, garbage) is parsed again.
      for (const damaged of [stored.replace(/"accepted":\[[^\]]*\],/, ""), "\u0000garbage"]) {
        writeFileSync(file, damaged);
        expect(kept()).toStrictEqual(expected);
      }
      // An edit: another key, the new text parsed.
      const yml = join(content, "glossary.yml");
      writeFileSync(yml, readFileSync(yml, "utf8").replace("forms: [abet, abets, abetting]", "forms: [abet]"));
      const edited = parsed();
      expect(edited.entries[0]!.forms).toEqual(["abet"]);
      expect(kept()).toStrictEqual(edited);
      expect(kept()).toStrictEqual(edited);
      // A broken glossary is never kept: the same error every time.
      writeFileSync(yml, `${readFileSync(yml, "utf8")}\n- term: abet\n`);
      const error = contentErrorOf(() => loadGlossary(content, copy.root, { cache: false }));
      expect(withCache(() => contentErrorOf(() => loadGlossary(content, copy.root)))).toEqual(error);
      expect(withCache(() => readProject(copy.root)).problems).toEqual(readProject(copy.root, { cache: false }).problems);
    } finally {
      copy.remove();
    }
  });
});

describe("termsIn over the real English", () => {
  test("finds, by the first word of each form, what trying every form on every text finds", () => {
    const project = readProject(ROOT);
    const english = [...project.locales[0]!.sections.values()];
    const texts = english.flatMap((doc) => [doc.title, ...doc.structure.blocks.map((b) => b.text)]);
    const words = [...new Set(texts.flatMap((t) => t.match(/[A-Za-z]{5,}/g) ?? []))];
    const picked = words.filter((_, i) => i % 7 === 0).slice(0, 80);
    const glossary: Glossary = {
      file: "content/glossary.yml",
      entries: [
        ...picked.map((w, i) => ({ term: w, forms: [w, `${w}s`], note: "", exemptInQuotations: false, line: i + 1, locales: new Map() })),
        // Several words, a hyphen, a slash and a form with no letter at all.
        { term: "aid and abet", forms: ["aid and abet", "dual-use", "S/RES/2720", "—"], note: "", exemptInQuotations: false, line: 99, locales: new Map() },
      ],
    };
    const everyForm = (text: string) => glossary.entries.filter((e) => e.forms.some((f) => hasWord(text.toLowerCase(), f.toLowerCase())));
    let found = 0;
    for (const text of texts) {
      const expected = everyForm(text);
      expect(termsIn(text, glossary), text).toEqual(expected);
      found += expected.length;
    }
    expect(found).toBeGreaterThan(50);
    expect(texts.some((t) => termsIn(t, glossary).some((e) => e.term === "aid and abet"))).toBe(true);
  });
});
