// npm start's packs (keepPacksInProcess, a switch for the whole process: its own test file): each
// pack file is read once and shared by every later pack of it, and written only by writePacks().
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { JsonPack, keepPacksInProcess, writePacks } from "../../scripts/shared/contentCache.ts";

const dir = mkdtempSync(join(tmpdir(), "live-packs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("a pack is read once per process, shared by the packs made after it, and written by writePacks() alone", () => {
  keepPacksInProcess();
  const file = join(dir, "parts.json");
  const first = new JsonPack<number>(file, "code-1");
  const key = first.key(["a section's text"]);
  first.put(key, 1);
  first.save();
  expect(existsSync(file)).toBe(false);
  writePacks();
  expect(JSON.parse(readFileSync(file, "utf8")).entries[key].value).toBe(1);

  // What the file says now is not read again: a later pack of the file is the one in memory.
  writeFileSync(file, "garbage");
  const second = new JsonPack<number>(file, "code-1");
  expect(second.get(key)).toBe(1);
  second.put(second.key(["another text"]), 2);
  second.save();
  expect(readFileSync(file, "utf8")).toBe("garbage");
  writePacks();
  expect(Object.values(JSON.parse(readFileSync(file, "utf8")).entries).map((e) => (e as { value: number }).value)).toEqual([1, 2]);
  // Written once: nothing changed since.
  writeFileSync(file, "garbage");
  writePacks();
  expect(readFileSync(file, "utf8")).toBe("garbage");

  // Other code's pack of the same file is its own: read from the file (garbage: empty), never served the entries of the code before.
  expect(new JsonPack<number>(file, "code-2").get(key)).toBeUndefined();
});
