// Stale translations: the English changed since the translation was made, shown word by word
// from the snapshot locale:mark keeps, else from git history, else said plainly why not.
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { checkLocales } from "../../scripts/check/checkLocales.ts";
import { parseSectionFile } from "../../scripts/project/sectionFile.ts";
import { sectionVersion } from "../../scripts/project/sectionVersion.ts";
import { writeSnapshot } from "../../scripts/project/sourceHistory.ts";
import { runScript } from "../helpers/cli.ts";
import { copyFixture, fixture } from "./fixtures.ts";

let copies: { remove(): void }[] = [];
afterEach(() => {
  for (const c of copies) c.remove();
  copies = [];
});

const staleOf = (root: string, file: string) => checkLocales(root).problems.find((p) => p.kind === "stale" && p.file === file)!;

/** The English alpha's file with this front matter and body. */
const englishFile = (body: string, frontMatter = "title: The pledge") => `---\n${frontMatter}\n---\n\n${body}\n`;

/** A copy of the fixture whose French alpha was made from the English file `was` (kept as a snapshot), the English file now being `now`. */
function editedEnglish(was: string, now: string): string {
  const { root, remove } = copyFixture("stale");
  copies.push({ remove });
  const { frontMatter, body } = parseSectionFile(was, "content/en/alpha.md");
  const version = sectionVersion({ ...frontMatter, body });
  writeSnapshot(root, "alpha", version, was);
  writeFileSync(join(root, "content/en/alpha.md"), now);
  const french = join(root, "content/fr/alpha.md");
  writeFileSync(french, readFileSync(french, "utf8").replace(/^source: .*$/m, `source: ${version}`));
  return root;
}

describe("from the snapshot store", () => {
  test("the word diff shows what changed in the English since the translation was made", () => {
    const problem = staleOf(fixture("stale"), "content/fr/alpha.md");
    expect(problem).toMatchObject({ line: 4, severity: "warning" });
    expect(problem.message).toBe("the English section changed since this translation was made (translated from version 8ecfccdc6143, the English is now 18cf28e3f823)");
    expect(problem.diff).toEqual({
      from: "snapshot",
      file: "content/en/alpha.md",
      changes: [
        { was: "The pledge We will not take tickets that support the war [78 …", now: "The pledge We refuse to work on tickets that support the war [78 …", line: 5 },
        {
          was: "… we pledge - Workers have a say. - Read the [report](https://example.org/report). ::: quote …",
          now: "… we pledge - Workers have a voice. - Read the [report](https://example.org/report). ::: quote …",
          line: 9,
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
        "    at content/en/alpha.md:5",
        "    was: The pledge We will not take tickets that support the war [78 …",
        "    now: The pledge We refuse to work on tickets that support the war [78 …",
        "    at content/en/alpha.md:9",
        "    was: … we pledge - Workers have a say. - Read the [report](https://example.org/report). ::: quote …",
      ].join("\n"),
    );
  });

  test("the markdown report too", () => {
    const { stdout } = runScript("check.ts", ["--root", fixture("stale"), "--format", "markdown"]);
    expect(stdout).toContain(
      [
        "  <br>What changed in the English since:",
        "  - at `content/en/alpha.md:5`<br>was: The pledge We will not take tickets that support the war \\[78 …<br>now: The pledge We refuse to work on tickets that support the war \\[78 …",
        "  - at `content/en/alpha.md:9`<br>was: … we pledge - Workers have a say.",
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

describe("words on different lines", () => {
  const quote = (text: string) => `::: quote A-HRC-59-23-AEV\\*\n${text}\n:::\n\n## Why we pledge\n\n- Workers have a say.`;

  // diffWords gives unchanged text the new text's spacing: where the new English puts added words
  // straight after a kept one (the colon of "https:" kept as the first of ":::"), the old side lost its line break.
  test("stay apart in what the English was, where words were added", () => {
    const root = editedEnglish(englishFile(quote("Tech companies provide dual-use infrastructure.")), englishFile(quote("Tech companies provide dual-use infrastructure.\nSee https://example.org/report.")));
    expect(staleOf(root, "content/fr/alpha.md").diff?.changes).toEqual([
      {
        was: "… A-HRC-59-23-AEV\\* Tech companies provide dual-use infrastructure. ::: ## Why we pledge - Workers have …",
        now: "… A-HRC-59-23-AEV\\* Tech companies provide dual-use infrastructure. See https://example.org/report. ::: ## Why we pledge - Workers have …",
        line: 7,
      },
    ]);
  });

  test("stay apart, and words of one line together, where words were added within a line", () => {
    const root = editedEnglish(englishFile(quote("Tech companies provide dual-use infrastructure.")), englishFile(quote("Tech companies provide dual-use infrastructure ([report](https://example.org/report)).")));
    const [change] = staleOf(root, "content/fr/alpha.md").diff!.changes;
    expect(change!.was).toContain("infrastructure. ::: ## Why");
    expect(change!.now).toContain("infrastructure ([report](https://example.org/report)). ::: ## Why");
  });
});

describe("where each change is in the English file now", () => {
  const frontMatter = "kicker: Tech workers\ntitle: The pledge";
  const body = [
    "We will not take tickets that support the war, whatever the client.", // line 6
    "",
    "## Why we pledge",
    "",
    "- Workers have a say in what they build and who it serves.", // line 10
    "- Read the report before you sign, and share it with your team.", // line 11
  ].join("\n");
  const was = englishFile(body, frontMatter);

  test.each([
    { change: "the kicker: its line", now: englishFile(body, "kicker: Tech workers everywhere\ntitle: The pledge"), line: 2 },
    { change: "the title: its line", now: englishFile(body, "kicker: Tech workers\ntitle: Our pledge"), line: 3 },
    { change: "a word of the body: its line", now: englishFile(body.replace("a say", "a voice"), frontMatter), line: 10 },
    { change: "a word put on a line of its own: that line", now: englishFile(body.replace("war, whatever", "war,\nwhoever"), frontMatter), line: 7 },
    { change: "an added paragraph: the line it starts on", now: englishFile(body.replace("## Why", "Nobody has to sign alone.\n\n## Why"), frontMatter), line: 8 },
    { change: "words taken off the end of a line: that line", now: englishFile(body.replace("## Why we pledge", "## Why"), frontMatter), line: 8 },
    { change: "a line taken out: the line now in its place", now: englishFile(body.replace("- Workers have a say in what they build and who it serves.\n", ""), frontMatter), line: 10 },
    { change: "words taken off the very end: the last line", was: englishFile(`${body}\n\nSigned, the organisers of the pledge.`, frontMatter), now: was, line: 11 },
    { change: "a body after more blank lines: counted from the file's first line", now: englishFile(`\n\n${body.replace("a say", "a voice")}`, frontMatter), line: 12 },
  ])("$change", ({ was: before = was, now, line }) => {
    const diff = staleOf(editedEnglish(before, now), "content/fr/alpha.md").diff!;
    expect(diff.file).toBe("content/en/alpha.md");
    expect(diff.changes.map((change) => change.line)).toEqual([line]);
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
    expect(problem.diff?.changes[0]).toEqual({ was: "The pledge We will not take tickets that support the war [78 …", now: "The pledge We refuse to work on tickets that support the war [78 …", line: 5 });
    // Nothing of this version in git: said so.
    expect(checkLocales(root).problems.find((p) => p.kind === "unknown-source" && p.file === "content/fr/beta.md")!.diffUnavailable).toBe(
      "neither content/.versions/beta/0123456789ab.md nor the git history of content/en/beta.md has English version 0123456789ab (a shallow clone lacks history; a hand-edited source: line matches no version)",
    );
  });
});
