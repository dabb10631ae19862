// Importing the same exchange file again after translating more: the changes an earlier import
// from that file made are not someone else's work, so no --force; any other change to the
// locale's files since the export still refuses, naming the files.
import { po } from "gettext-parser";
import { describe, expect, test } from "vitest";
import { exportLocale } from "../../scripts/translators/exchange/entries.ts";
import { importLocale } from "../../scripts/translators/exchange/importLocale.ts";
import { readPo, writePo } from "../../scripts/translators/exchange/po.ts";
import { useProjectCopy } from "./projectCopy.ts";

const setUp = useProjectCopy();

const importPo = (root: string, text: string, force = false) => importLocale(root, readPo(text, "ar.po"), { file: "ar.po", force });

/** The file with these entries' msgstr set and fuzzy cleared, as a translator's tool saves it. */
function translate(text: string, changes: Record<string, string>): string {
  const parsed = po.parse(text);
  for (const [context, msgstr] of Object.entries(changes)) {
    const message = Object.values(parsed.translations[context]!)[0]!;
    message.msgstr = [msgstr];
    if (message.comments?.flag) message.comments.flag = message.comments.flag.replace(/fuzzy,?\s*/, "");
  }
  return po.compile(parsed, { foldLength: 79 }).toString("utf8");
}

describe("the same file imported again", () => {
  test("after translating more in it: accepted without --force, and each import lands", () => {
    const { root, read } = setUp();
    const exported = writePo(exportLocale(root, "ar"));
    const first = translate(exported, { "pledge/title": "التعهّد الجديد" });
    expect(importPo(root, first)).toMatchObject({ result: "imported", written: ["content/ar/pledge.md"] });
    const second = translate(first, { "demands/title": "مطالبنا من جديد" });
    expect(importPo(root, second)).toMatchObject({ result: "imported", written: ["content/ar/demands.md"] });
    expect(read("content/ar/pledge.md")).toContain("title: التعهّد الجديد");
    expect(read("content/ar/demands.md")).toContain("title: مطالبنا من جديد");
    // And a third time, unchanged: nothing to write, still no --force.
    expect(importPo(root, second)).toMatchObject({ result: "imported", written: [] });
  });

  test("a change by someone else since the export still refuses, naming only that file", () => {
    const { root, read, write } = setUp();
    const exported = writePo(exportLocale(root, "ar"));
    const first = translate(exported, { "pledge/title": "التعهّد الجديد" });
    expect(importPo(root, first).result).toBe("imported");
    write("content/ar/illegal.md", `${read("content/ar/illegal.md")}\nفقرة أضافها مترجم آخر.\n`);
    expect(importPo(root, translate(first, { "demands/title": "مطالبنا من جديد" }))).toMatchObject({ result: "refused", files: ["content/ar/illegal.md"] });
  });

  test("a change by someone else to a file the earlier import wrote refuses too", () => {
    const { root, read, write } = setUp();
    const exported = writePo(exportLocale(root, "ar"));
    const first = translate(exported, { "pledge/title": "التعهّد الجديد" });
    expect(importPo(root, first).result).toBe("imported");
    write("content/ar/pledge.md", read("content/ar/pledge.md").replace("title: التعهّد الجديد", "title: عنوان كتبه شخص آخر"));
    const outcome = importPo(root, first);
    expect(outcome).toMatchObject({ result: "refused", files: ["content/ar/pledge.md"] });
    expect(read("content/ar/pledge.md")).toContain("عنوان كتبه شخص آخر");
  });

  test("a file exported after the import is checked against its own state, as before", () => {
    const { root } = setUp();
    const first = translate(writePo(exportLocale(root, "ar")), { "pledge/title": "التعهّد الجديد" });
    expect(importPo(root, first).result).toBe("imported");
    const again = writePo(exportLocale(root, "ar"));
    expect(importPo(root, translate(again, { "demands/title": "مطالبنا من جديد" }))).toMatchObject({ result: "imported", written: ["content/ar/demands.md"] });
    // The older file was made before that second import: its changes are someone else's to it.
    expect(importPo(root, first)).toMatchObject({ result: "refused", files: ["content/ar/demands.md"] });
  });
});
