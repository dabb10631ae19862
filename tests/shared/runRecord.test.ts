// The record of a whole run (scripts/shared/runRecord.ts): replayed while the code, the key and
// every stamped path are as recorded; any edit, added or removed file, other code, a damaged
// record or a file changed just before the run means no replay.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, test } from "vitest";
import { RunRecords, takeStamps, type RunInput } from "../../scripts/shared/runRecord.ts";

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

/** A project of a few files, all an hour old (none racy), and the inputs a run of it reads. */
function project(): { root: string; inputs: RunInput[]; records: (code?: string, parts?: string[]) => RunRecords } {
  const root = mkdtempSync(join(tmpdir(), "run-record-"));
  dirs.push(root);
  mkdirSync(join(root, "content", "fr"), { recursive: true });
  mkdirSync(join(root, "repo"));
  writeFileSync(join(root, "content", "fr", "a.md"), "alpha\n");
  writeFileSync(join(root, "campaign.yml"), "name: x\n");
  writeFileSync(join(root, "repo", "HEAD"), "ref: refs/heads/main\n");
  const hourAgo = new Date(Date.now() - 3_600_000);
  for (const path of ["content/fr/a.md", "content/fr", "content", "campaign.yml", "repo/HEAD", "repo"]) utimesSync(join(root, path), hourAgo, hourAgo);
  const inputs: RunInput[] = [{ path: join(root, "campaign.yml") }, { path: join(root, "content"), tree: true }, { path: join(root, "absent.yml") }, { path: join(root, "repo"), kindOnly: true }];
  return { root, inputs, records: (code = "code-1", parts = ["check", "text"]) => new RunRecords(join(root, ".cache", "replay"), code, parts) };
}

/** Ten seconds from now: the files written by a test are no longer racy. */
const later = () => Date.now() + 10_000;

test("a run is replayed, output and exit status, while every stamp holds; its key and code choose the record", () => {
  const { inputs, records } = project();
  expect(records().replay(takeStamps(inputs))).toBeUndefined();
  records().record(takeStamps(inputs), "report\n", 1, later());
  expect(records().replay(takeStamps(inputs))).toEqual({ stdout: "report\n", status: 1 });
  expect(records("code-2").replay(takeStamps(inputs))).toBeUndefined();
  expect(records("code-1", ["check", "json"]).replay(takeStamps(inputs))).toBeUndefined();
  expect(records("code-1", ["check", "json"]).file).not.toBe(records().file);
});

test.each([
  ["an edit of the same size with its modification time put back", (root: string) => {
    const file = join(root, "content", "fr", "a.md");
    const { atime, mtime } = statSync(file);
    writeFileSync(file, "alpha!\n".slice(1));
    utimesSync(file, atime, mtime);
  }],
  ["a file added in a folder of the tree", (root: string) => writeFileSync(join(root, "content", "fr", "b.md"), "beta\n")],
  ["a file removed", (root: string) => rmSync(join(root, "content", "fr", "a.md"))],
  ["a folder added", (root: string) => mkdirSync(join(root, "content", "de"))],
  ["a single file edited", (root: string) => writeFileSync(join(root, "campaign.yml"), "name: y\n")],
  ["an absent file that appears", (root: string) => writeFileSync(join(root, "absent.yml"), "")],
  ["a path known only by its kind that changes kind", (root: string) => {
    rmSync(join(root, "repo"), { recursive: true });
    writeFileSync(join(root, "repo"), "gitdir: elsewhere\n");
  }],
])("%s: no replay; a run after it is recorded again", (_, change) => {
  const { root, inputs, records } = project();
  records().record(takeStamps(inputs), "before\n", 0, later());
  expect(records().replay(takeStamps(inputs))).toEqual({ stdout: "before\n", status: 0 });
  change(root);
  expect(records().replay(takeStamps(inputs))).toBeUndefined();
  records().record(takeStamps(inputs), "after\n", 0, later());
  expect(records().replay(takeStamps(inputs))).toEqual({ stdout: "after\n", status: 0 });
});

test("a path known only by its kind keeps its record through changes inside it", () => {
  const { root, inputs, records } = project();
  records().record(takeStamps(inputs), "report\n", 0, later());
  writeFileSync(join(root, "repo", "index.lock"), "");
  writeFileSync(join(root, "repo", "HEAD"), "ref: refs/heads/other\n");
  expect(records().replay(takeStamps(inputs))).toEqual({ stdout: "report\n", status: 0 });
});

test("a run that read a file changed less than 2 s before is not recorded", () => {
  const { root, inputs, records } = project();
  writeFileSync(join(root, "content", "fr", "a.md"), "edited just now\n");
  records().record(takeStamps(inputs), "report\n", 0);
  expect(records().replay(takeStamps(inputs))).toBeUndefined();
  records().record(takeStamps(inputs), "report\n", 0, later());
  expect(records().replay(takeStamps(inputs))).toEqual({ stdout: "report\n", status: 0 });
});

test.each([
  ["garbage", "\u0000 not json"],
  ["a record of another shape", JSON.stringify({ format: 1, key: "x", value: { stdout: 1 } })],
])("%s in the record is ignored and written over", (_, garbage) => {
  const { inputs, records } = project();
  records().record(takeStamps(inputs), "report\n", 0, later());
  writeFileSync(records().file, garbage);
  expect(records().replay(takeStamps(inputs))).toBeUndefined();
  records().record(takeStamps(inputs), "report\n", 0, later());
  expect(JSON.parse(readFileSync(records().file, "utf8")).value.stdout).toBe("report\n");
  expect(records().replay(takeStamps(inputs))).toEqual({ stdout: "report\n", status: 0 });
});
