// What a record of a run stamps of git (scripts/project/projectInputs.ts): in a worktree of
// another clone, a commit on its branch changes the stamps; git's own housekeeping (git status
// writing the index), a commit on another branch, or any commit when diffs are off do not.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, test } from "vitest";
import { projectInputs } from "../../scripts/project/projectInputs.ts";
import { takeStamps } from "../../scripts/shared/runRecord.ts";

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

test("in a worktree: a commit on its branch changes the stamps; git status, another branch's commit or diffs off do not", () => {
  const dir = mkdtempSync(join(tmpdir(), "project-inputs-"));
  dirs.push(dir);
  const clone = join(dir, "clone");
  const worktree = join(dir, "worktree");
  mkdirSync(join(clone, "content", "en"), { recursive: true });
  writeFileSync(join(clone, "content", "en", "a.md"), "---\ntitle: A\n---\n\nText.\n");
  const git = (cwd: string, ...args: string[]) => execFileSync("git", ["-c", "user.name=test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false", ...args], { cwd, stdio: "pipe" });
  git(clone, "init", "-q", "-b", "main");
  git(clone, "add", ".");
  git(clone, "commit", "-qm", "first");
  git(clone, "worktree", "add", "-q", worktree, "-b", "side");
  const commit = (cwd: string, name: string) => {
    writeFileSync(join(cwd, name), name);
    git(cwd, "add", name);
    git(cwd, "commit", "-qm", name);
  };
  const stamps = (gitHistory = true) => takeStamps(projectInputs(worktree, { gitHistory })).digest;

  const before = stamps();
  const withoutGit = stamps(false);
  git(worktree, "status");
  commit(clone, "on-main.txt");
  expect(stamps()).toEqual(before);
  commit(worktree, "on-side.txt");
  expect(stamps()).not.toEqual(before);
  expect(stamps(false)).toEqual(withoutGit);
});
