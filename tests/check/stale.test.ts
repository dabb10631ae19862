// Stale translations: the English changed since the translation was made, shown word by word
// from the snapshot locale:mark keeps, else from git history, else said plainly why not.
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { checkLocales } from "../../scripts/check/checkLocales.ts";
import { runScript } from "../helpers/cli.ts";
import { copyFixture, fixture } from "./fixtures.ts";

let copies: { remove(): void }[] = [];
afterEach(() => {
  for (const c of copies) c.remove();
  copies = [];
});

const staleOf = (root: string, file: string) => checkLocales(root).problems.find((p) => p.kind === "stale" && p.file === file)!;

describe("from the snapshot store", () => {
  test("the word diff shows what changed in the English since the translation was made", () => {
    const problem = staleOf(fixture("stale"), "content/fr/alpha.md");
    expect(problem).toMatchObject({ line: 4, severity: "warning" });
    expect(problem.message).toBe("the English section changed since this translation was made (translated from version 8ecfccdc6143, the English is now 18cf28e3f823)");
    expect(problem.diff).toEqual({
      from: "snapshot",
      changes: [
        { was: "The pledge We will not take tickets that support the war [78 …", now: "The pledge We refuse to work on tickets that support the war [78 …" },
        {
          was: "… we pledge - Workers have a say. - Read the [report](https://example.org/report). ::: quote …",
          now: "… we pledge - Workers have a voice. - Read the [report](https://example.org/report). ::: quote …",
        },
      ],
      more: 0,
    });
  });

  test("the report prints it under the problem", () => {
    const { stdout } = runScript("check.ts", ["--root", fixture("stale")]);
    expect(stdout).toContain(
      [
        "content/fr/alpha.md:4: warning: the English section changed since this translation was made (translated from version 8ecfccdc6143, the English is now 18cf28e3f823)",
        "  → bring the translation in line with content/en/alpha.md, then run npm run locale:mark -- fr alpha",
        "  What changed in the English since (from the stored snapshot):",
        "    was: The pledge We will not take tickets that support the war [78 …",
        "    now: The pledge We refuse to work on tickets that support the war [78 …",
      ].join("\n"),
    );
  });

  test("a version kept nowhere is reported as such, with the reason there is no diff", () => {
    const problem = checkLocales(fixture("stale")).problems.find((p) => p.file === "content/fr/beta.md")!;
    expect(problem.kind).toBe("unknown-source");
    expect(problem.diff).toBeUndefined();
    expect(problem.diffUnavailable).toMatch(
      /^(content\/\.versions\/beta\/0123456789ab\.md is absent and .*|neither content\/\.versions\/beta\/0123456789ab\.md nor the git history .* has English version 0123456789ab.*)$/,
    );
  });
});

describe("from git history, when the snapshot is gone", () => {
  test("each version of the English file in git is hashed to find the one translated", () => {
    const { root, remove } = copyFixture("stale");
    copies.push({ remove });
    const git = (...args: string[]) => execFileSync("git", ["-c", "user.name=test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false", ...args], { cwd: root, stdio: "pipe" });
    const snapshot = "content/.versions/alpha/8ecfccdc6143.md";
    const oldEnglish = readFileSync(join(root, snapshot), "utf8");
    const newEnglish = readFileSync(join(root, "content/en/alpha.md"), "utf8");
    rmSync(join(root, "content/.versions"), { recursive: true });
    git("init", "-q");
    writeFileSync(join(root, "content/en/alpha.md"), oldEnglish);
    git("add", "content");
    git("commit", "-qm", "old English");
    writeFileSync(join(root, "content/en/alpha.md"), newEnglish);
    git("commit", "-qam", "new English");

    const problem = staleOf(root, "content/fr/alpha.md");
    expect(problem.diff?.from).toBe("git");
    expect(problem.diff?.changes[0]).toEqual({ was: "The pledge We will not take tickets that support the war [78 …", now: "The pledge We refuse to work on tickets that support the war [78 …" });
    // Nothing of this version in git: said so.
    expect(checkLocales(root).problems.find((p) => p.kind === "unknown-source" && p.file === "content/fr/beta.md")!.diffUnavailable).toBe(
      "neither content/.versions/beta/0123456789ab.md nor the git history of content/en/beta.md has English version 0123456789ab (a shallow clone lacks history; a hand-edited source: line matches no version)",
    );
  });
});
