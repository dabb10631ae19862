// XLIFF 1.2 and 2.0 export and import: protected markers as inline elements, segment states,
// and round trips on the real Arabic locale, also through a file laid out the way CAT tools write.
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { exportLocale } from "../../scripts/translators/exchange/entries.ts";
import { importLocale } from "../../scripts/translators/exchange/importLocale.ts";
import { readXliff, writeXliff, type XliffVersion } from "../../scripts/translators/exchange/xliff.ts";
import { runScript } from "../helpers/cli.ts";
import { useProjectCopy } from "./projectCopy.ts";

const setUp = useProjectCopy();
const SECTIONS = ["pledge", "dual-use", "illegal", "immoral", "non-compliant", "precedents", "demands", "references"];

const importXliff = async (root: string, xml: string, force = false) => importLocale(root, await readXliff(xml, "ar.xlf"), { file: "ar.xlf", force });

/** The same file as a CAT tool lays it out: indented elements, a header, extra attributes. */
function asToolSaves(xml: string): string {
  return xml
    .replace(/(<file [^>]*>)\n<body>/, '$1\n  <header><tool tool-id="omegat" tool-name="OmegaT"/></header>\n  <body>')
    .replace(/\n<(trans-unit|unit|group) /g, "\n      <$1 ")
    .replace(/<trans-unit id="([^"]*)"(?=[ >])/g, '<trans-unit id="$1" approved="no"')
    .replace(/<note>/g, "\n        <note>");
}

describe.each(["1.2", "2.0"] as XliffVersion[])("XLIFF %s", (version) => {
  test("exporting and importing unchanged leaves every file byte for byte; so does rebuilding deleted files", async () => {
    const { root, fingerprint } = setUp();
    const before = fingerprint();
    const xml = await writeXliff(exportLocale(root, "ar"), version);
    expect(await importXliff(root, xml)).toMatchObject({ result: "imported", written: [], ignored: [] });
    expect(fingerprint()).toEqual(before);
    for (const id of SECTIONS) rmSync(join(root, `content/ar/${id}.md`));
    writeFileSync(join(root, "locales/ar/ui.json"), "{}\n");
    expect((await importXliff(root, xml, true)).result).toBe("imported");
    expect(fingerprint()).toEqual(before);
  });

  test("citation markers, placeholders, links and emphasis are inline elements", async () => {
    const { root } = setUp();
    const xml = await writeXliff(exportLocale(root, "ar"), version);
    const tag = version === "1.2" ? "x" : "ph";
    const attrs = (text: string, ctype: string) => (version === "1.2" ? `ctype="${ctype}" equiv-text="${text}"` : `equiv="${text}" disp="${text}"`);
    expect(xml).toMatch(new RegExp(`<${tag} id="\\d+" ${attrs("A/75/212", "x-citation")}/>`));
    expect(xml).toContain(`<${tag} id="1" ${attrs("{{index}}", "x-placeholder")}/>`);
    expect(xml).toContain(`<${tag} id="1" ${attrs("**", "bold")}/>`);
    // A marker with its escaped star is one element; a quotation's attribution that is only its marker reads back as itself.
    expect(xml).toContain(`<${tag} id="1" ${attrs("A-HRC-59-23-AEV\\*", "x-citation")}/>`);
    const attributions = [...(await readXliff(xml, "ar.xlf")).entries.values()].filter((e) => e.source === "A-HRC-59-23-AEV\\*");
    expect(attributions.length).toBeGreaterThan(1);
    for (const entry of attributions) expect(entry.translation).toEqual(["A-HRC-59-23-AEV\\*"]);
  });

  test("untranslated and stale entries carry the format's state", async () => {
    const { root, read, write } = setUp();
    write("content/en/pledge.md", read("content/en/pledge.md").replace("the brutality that the Israel enacts", "the brutality that Israel enacts"));
    write("locales/ar/ui.json", read("locales/ar/ui.json").replace('"cta": "وقّع على التعهّد"', '"cta": "Take the pledge"'));
    const xml = await writeXliff(exportLocale(root, "ar"), version);
    const unit = (id: string) => new RegExp(`<(?:trans-unit|unit) id="${id.replace(/[/.]/g, "\\$&")}"[^>]*>.*?</(?:trans-unit|unit)>`).exec(xml)?.[0] ?? "";
    if (version === "1.2") {
      expect(unit("pledge/block-2")).toContain('<target state="needs-review-translation">');
      expect(unit("ui/home.cta")).toContain('<target state="needs-translation"></target>');
      expect(unit("pledge/block-1")).toContain('<target state="translated">');
    } else {
      expect(unit("pledge/block-2")).toContain('<segment state="initial" subState="pledge:stale">');
      expect(unit("ui/home.cta")).toContain('<segment state="initial"><source>Take the pledge</source><target></target>');
      expect(unit("pledge/block-1")).toContain('<segment state="translated">');
    }
    expect(unit("pledge/block-2")).toContain("Translated from an older English text: “Knowing all we do about Microsoft complicity and the extent of the brutality that the Israel enacts");
    const back = await readXliff(xml, "ar.xlf");
    expect(back.entries.get("pledge/block-2")!.fuzzy).toBe(true);
    expect(back.entries.get("pledge/block-1")!.fuzzy).toBe(false);
    expect(back.entries.get("ui/home.pageCount")!.translation).toEqual(["لا صفحات", "صفحة واحدة", "صفحتان", "{{count}} صفحات", "{{count}} صفحة", "{{count}} صفحة"]);
  });

  test("a file laid out by a CAT tool round-trips; a deleted tag is an error naming the unit and its line", async () => {
    const { root, fingerprint } = setUp();
    const before = fingerprint();
    const saved = asToolSaves(await writeXliff(exportLocale(root, "ar"), version));
    expect(await importXliff(root, saved)).toMatchObject({ result: "imported", written: [] });
    expect(fingerprint()).toEqual(before);
    // The translator deletes the placeholder tag from the translation of section.position.
    const broken = saved.replace(/(<(?:trans-unit|unit) id="ui\/section\.position"[\s\S]*?<target[^>]*>(?:[^<]|<[a-z]+ id="1"[^>]*\/>)*)<[a-z]+ id="2"[^>]*\/>/, "$1");
    expect(broken).not.toBe(saved);
    const outcome = await importXliff(root, broken);
    const line = broken.split("\n").findIndex((l) => l.includes('id="ui/section.position"')) + 1;
    expect(outcome).toEqual({ result: "invalid", problems: [{ line, context: "ui/section.position", message: "the translation of section.position lacks {{total}}" }] });
    expect(fingerprint()).toEqual(before);
  });
});

describe("what tools write inside a target comes through whole", () => {
  /** One unit as a CAT tool may save it: a term marked, two tags with a space between them. */
  const file = (version: XliffVersion, target: string) =>
    version === "1.2"
      ? `<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2"><file original="pledge-site" source-language="en" target-language="fr" datatype="plaintext"><body>\n<trans-unit id="pledge/block-1"><source>See <x id="1" ctype="x-citation" equiv-text="[1]"/> <x id="2" ctype="x-citation" equiv-text="[2]"/> now.</source><target state="translated">${target}</target></trans-unit>\n</body></file></xliff>\n`
      : `<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr"><file id="pledge-site">\n<unit id="pledge/block-1"><segment state="translated"><source>See <ph id="1" equiv="[1]" disp="[1]"/> <ph id="2" equiv="[2]" disp="[2]"/> now.</source><target>${target}</target></segment></unit>\n</file></xliff>\n`;
  const tag = (version: XliffVersion, id: number) => (version === "1.2" ? `<x id="${id}" ctype="x-citation" equiv-text="[${id}]"/>` : `<ph id="${id}" equiv="[${id}]" disp="[${id}]"/>`);

  test.each(["1.2", "2.0"] as XliffVersion[])("XLIFF %s: the words inside <mrk> (a term or comment a tool marked), and the spaces between tags", async (version) => {
    const marked = version === "1.2" ? '<mrk mtype="term">maintenant</mrk>' : '<mrk id="m1" type="term">maintenant</mrk>';
    const read = await readXliff(file(version, `Voir ${tag(version, 1)} ${tag(version, 2)} ${marked}, <mrk id="m2" type="comment">ici</mrk>.`), "fr.xlf");
    expect(read.entries.get("pledge/block-1")!.translation).toEqual(["Voir [1] [2] maintenant, ici."]);
    expect(read.entries.get("pledge/block-1")!.source).toBe("See [1] [2] now.");
  });
});

test("npm run locale:export -- ar --format xliff, then locale:import of that file", () => {
  const { root, fingerprint } = setUp();
  const before = fingerprint();
  const exported = runScript("locale-export.ts", ["ar", "--format", "xliff"], { cwd: root });
  expect(exported.stdout).toContain(`✓ ar.xlf: ${exportLocale(root, "ar").entries.length} entries for ar`);
  const imported = runScript("locale-import.ts", ["ar.xlf"], { cwd: root });
  expect(imported.status).toBe(0);
  expect(imported.stdout).toContain("✓ nothing to change: the ar files already say what ar.xlf says");
  expect(fingerprint()).toEqual(before);
});
