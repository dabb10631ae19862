// The reader's stat fast path (.cache/reader/sections.json): a section file whose stat (size,
// modification and change times, inode) is the one recorded is not read until its text is wanted;
// any edit (one that keeps the size, one whose modification time is set back, a replaced file) is
// read again, and so is a file changed just before the run that recorded it (racy).
import { existsSync, readFileSync, renameSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, expect, test, vi } from "vitest";
import { readProject } from "../../scripts/project/readProject.ts";
import { copyProject, type ProjectCopy } from "../helpers/project.ts";
import { useCacheInThisFile } from "../helpers/cache.ts";

// The other tests run without the cache (vitest.config.ts): this one is about it.
useCacheInThisFile();

let copy: ProjectCopy | undefined;
afterEach(() => {
  vi.useRealTimers();
  copy?.remove();
  copy = undefined;
});

const recordsFile = (root: string) => join(root, ".cache", "reader", "sections.json");
type Records = { entries: Record<string, { value: { stamp: string; hash: string } }> };
const records = (root: string) => JSON.parse(readFileSync(recordsFile(root), "utf8")) as Records;

/** Every record's hash marked: a section whose hash comes back marked was served from its record, its file not read. */
function markRecords(root: string): void {
  const all = records(root);
  for (const entry of Object.values(all.entries)) entry.value.hash = `recorded:${entry.value.hash}`;
  writeFileSync(recordsFile(root), JSON.stringify(all));
}

/** The text with its body's first Arabic letter changed to another (as many bytes): the `n`th of three. */
function sameSize(text: string, n: number): string {
  const body = text.indexOf("\n---", 3) + 4;
  const at = text.slice(body).search(/[\u0628-\u064a]/u) + body;
  const letters = ["\u0628", "\u062a", "\u062b", "\u062c"].filter((l) => l !== text[at]);
  return text.slice(0, at) + letters[n]! + text.slice(at + 1);
}

/** A run `seconds` after now (the files written before it are not racy then). */
function later(seconds: number): void {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.now() + seconds * 1000);
}

test("an unchanged file is served from its record, its text read only when asked for; every kind of edit is read again", () => {
  copy = copyProject();
  const { root } = copy;
  const arabic = (id: string) => readProject(root).locales.find((l) => l.code === "ar")!.sections.get(id)!;
  const arabicCold = (id: string) => readProject(root, { cache: false }).locales.find((l) => l.code === "ar")!.sections.get(id)!;
  const id = [...readProject(root, { cache: false }).locales.find((l) => l.code === "ar")!.sections.keys()][0]!;
  const file = join(root, "content", "ar", `${id}.md`);
  const original = readFileSync(file, "utf8");
  const cold = arabicCold(id);

  // Just copied: every file is racy, so none is recorded.
  readProject(root);
  expect(existsSync(recordsFile(root))).toBe(false);

  const second = new Date(Math.floor(Date.now() / 1000) * 1000 - 3_600_000);
  utimesSync(file, second, second);
  later(10);
  readProject(root);
  const recorded = Object.keys(records(root).entries).length;
  // Every section file of every locale.
  expect(recorded).toBe(readProject(root, { cache: false }).locales.reduce((n, l) => n + l.sections.size, 0));
  markRecords(root);
  const served = arabic(id);
  expect(served.hash).toBe(`recorded:${cold.hash}`);
  // The head from the record, the body read from the file when asked for: the section the file holds.
  expect([served.title, served.kicker, served.source, served.status, served.keyLines, served.bodyLine, served.body, served.version]).toEqual([cold.title, cold.kicker, cold.source, cold.status, cold.keyLines, cold.bodyLine, cold.body, cold.version]);

  // Each edit keeps the size; the first two set the modification time back to the one recorded
  // (a whole second: utimes takes no nanoseconds), so only the change time or the inode tells.
  const recordedTime = second;
  const edits: [string, () => void][] = [
    ["an edit that keeps the size, its modification time set back (its change time is not)", () => {
      writeFileSync(file, sameSize(original, 2));
      utimesSync(file, recordedTime, recordedTime);
    }],
    ["a replaced file (another inode) of the same size, its modification time set back", () => {
      writeFileSync(`${file}.new`, sameSize(original, 3));
      utimesSync(`${file}.new`, recordedTime, recordedTime);
      renameSync(`${file}.new`, file);
    }],
    ["an edit that keeps the size", () => writeFileSync(file, sameSize(original, 1))],
  ];
  for (const [what, edit] of edits) {
    const before = statSync(file);
    edit();
    expect(statSync(file).size, what).toBe(before.size);
    later(10);
    const read = arabic(id);
    expect(read.hash, what).not.toMatch(/^recorded:/);
    expect(read.body, what).toBe(arabicCold(id).body);
    expect(read.body, what).not.toBe(cold.body);
    // The others still come from their records.
    expect(Object.values(records(root).entries).filter((e) => e.value.hash.startsWith("recorded:")).length, what).toBe(recorded - 1);
    markRecords(root);
    vi.useRealTimers();
  }

  // Racy: a file changed just before the run is read and not recorded (its record dropped), so
  // an edit in the same clock tick, which could keep every part of its stat, is read too.
  writeFileSync(file, original);
  utimesSync(file, second, second);
  markRecords(root);
  expect(arabic(id).body).toBe(cold.body);
  expect(Object.keys(records(root).entries).length).toBe(recorded - 1);
  expect(Object.values(records(root).entries).filter((e) => !e.value.hash.startsWith("recorded:"))).toEqual([]);
  writeFileSync(file, sameSize(original, 1));
  utimesSync(file, second, second);
  expect(arabic(id).body).toBe(arabicCold(id).body);
  expect(arabic(id).body).not.toBe(cold.body);

  // --no-cache: neither read nor written.
  writeFileSync(recordsFile(root), "garbage");
  readProject(root, { cache: false });
  expect(readFileSync(recordsFile(root), "utf8")).toBe("garbage");
});

test("a damaged records file, or a record of the wrong shape, is not trusted", () => {
  copy = copyProject();
  const { root } = copy;
  later(10);
  const expected = readProject(root, { cache: false });
  readProject(root);
  const intact = readFileSync(recordsFile(root), "utf8");
  const shapes = (text: string) => text.replaceAll('"title":', '"title":1,"x":');
  const damaged: [string, string][] = [
    ["garbage", "\u0000"],
    ["truncated", intact.slice(0, intact.length / 2)],
    ["titles that are not text", shapes(intact)],
  ];
  for (const [what, text] of damaged) {
    writeFileSync(recordsFile(root), text);
    const read = readProject(root);
    for (const [i, locale] of read.locales.entries()) {
      for (const [id, section] of locale.sections) {
        const cold = expected.locales[i]!.sections.get(id)!;
        expect([section.title, section.hash, section.body], `${what}: ${section.file}`).toEqual([cold.title, cold.hash, cold.body]);
      }
    }
  }
});
