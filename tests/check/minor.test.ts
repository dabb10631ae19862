// npm run locale:mark -- --minor: an English typo fix moves the translations made from the
// previous English version to the current one (after printing the word diff it accepts);
// translations already stale stay stale; the check's stale hint offers it for small changes.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, expect, test } from "vitest";
import { checkLocales } from "../../scripts/check/checkLocales.ts";
import { parseSectionFile } from "../../scripts/project/sectionFile.ts";
import { sectionVersion } from "../../scripts/project/sectionVersion.ts";
import { runScript } from "../helpers/cli.ts";
import { copyProject, type ProjectCopy } from "../helpers/project.ts";

let project: ProjectCopy | undefined;
afterEach(() => project?.remove());

const TYPO = "the brutality that the Israel enacts";
const FIXED = "the brutality that Israel enacts";

/** A project copy in git whose English pledge had an older version the French was made from, then the one the Arabic follows. */
function setUp(): { root: string; git: (...args: string[]) => void; read: (file: string) => string; english: string } {
  project = copyProject();
  const root = project.root;
  const git = (...args: string[]) => void execFileSync("git", ["-c", "user.name=test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false", ...args], { cwd: root, stdio: "pipe" });
  const read = (file: string) => readFileSync(join(root, file), "utf8");
  const english = read("content/en/pledge.md");
  const older = english.replace("Knowing all we do", "Knowing what we do");
  const parsed = parseSectionFile(older, "content/en/pledge.md");
  const olderVersion = sectionVersion({ title: parsed.frontMatter.title, kicker: parsed.frontMatter.kicker, body: parsed.body });
  project.write("content/en/pledge.md", older);
  project.write("locales/fr/locale.json", JSON.stringify({ name: "Français", dir: "ltr", numberingSystem: "latn", complete: false }));
  project.write("locales/fr/ui.json", "{}\n");
  project.write("content/fr/pledge.md", read("content/ar/pledge.md").replace(/source: \w+/, `source: ${olderVersion}`));
  git("init", "-q");
  git("add", "content", "locales", "campaign.yml");
  git("commit", "-qm", "the French translation");
  project.write("content/en/pledge.md", english);
  git("commit", "-qam", "English edited, the Arabic follows it");
  expect(english).toContain(TYPO);
  project.write("content/en/pledge.md", english.replace(TYPO, FIXED));
  return { root, git, read, english };
}

const stale = (root: string) =>
  checkLocales(root)
    .problems.filter((p) => p.kind === "stale")
    .map((p) => p.file);

test("the check's stale hint offers --minor when the English change is small", () => {
  const { root } = setUp();
  const problem = checkLocales(root).problems.find((p) => p.kind === "stale" && p.file === "content/ar/pledge.md")!;
  expect(problem.hint).toContain(
    "npm run locale:mark -- ar pledge; if the English change is only a typo or punctuation fix that needs no new translation, an editor records that instead with npm run locale:mark -- --minor pledge",
  );
});

test("moves the translations made from the previous English, after printing the word diff; older ones stay stale", () => {
  const { root, read } = setUp();
  const arabicBefore = read("content/ar/pledge.md");
  expect(stale(root)).toEqual(["content/ar/pledge.md", "content/fr/pledge.md"]);

  const result = runScript("locale-mark.ts", ["--minor", "pledge"], { cwd: root });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  const lines = result.stdout.split("\n");
  expect(lines[0]).toMatch(/^content\/en\/pledge\.md: accepting this English change \(version b638d5e4d571 → [0-9a-f]{12}\) as minor, needing no new translation:$/);
  expect(lines[1]).toBe("  was: … the extent of the brutality that the Israel enacts against Palestinians, it is immoral, …");
  expect(lines[2]).toBe("  now: … the extent of the brutality that Israel enacts against Palestinians, it is immoral, …");
  const current = /→ ([0-9a-f]{12})/.exec(lines[0]!)![1]!;
  // The diff comes before any file is reported changed.
  expect(lines.findIndex((l) => l.includes("content/ar/pledge.md"))).toBeGreaterThan(2);
  expect(result.stdout).toContain(`✓ content/ar/pledge.md: source: ${current} (was b638d5e4d571)`);
  expect(result.stdout).toMatch(/• content\/fr\/pledge\.md: left stale: made from [0-9a-f]{12}, older than b638d5e4d571/);

  // Only the Arabic source: line changed; the French still says what it was made from.
  expect(read("content/ar/pledge.md")).toBe(arabicBefore.replace("source: b638d5e4d571", `source: ${current}`));
  const french = read("content/fr/pledge.md");
  expect(french).not.toContain(`source: ${current}`);
  expect(french).not.toContain("source: b638d5e4d571");
  expect(read(`content/.versions/pledge/${current}.md`)).toContain(FIXED);
  expect(stale(root)).toEqual(["content/fr/pledge.md"]);
});

test("after the fix is committed, the previous version is the one before that commit", () => {
  const { root, git } = setUp();
  git("commit", "-qam", "typo fix");
  const result = runScript("locale-mark.ts", ["--minor", "pledge"], { cwd: root });
  expect(result.status).toBe(0);
  expect(result.stdout).toContain("(version b638d5e4d571 → ");
  expect(stale(root)).toEqual(["content/fr/pledge.md"]);
});

test("without git history, it asks for --from, and --from names the previous version", () => {
  project = copyProject();
  const root = project.root;
  const english = readFileSync(join(root, "content/en/pledge.md"), "utf8");
  project.write("content/en/pledge.md", english.replace(TYPO, FIXED));
  const refused = runScript("locale-mark.ts", ["--minor", "pledge"], { cwd: root });
  expect(refused.status).not.toBe(0);
  expect(refused.stderr).toContain("content/en/pledge.md");
  expect(refused.stderr).toContain("npm run locale:mark -- --minor pledge --from <version>");
  // The snapshot locale:mark kept of the version the Arabic was made from is enough.
  const done = runScript("locale-mark.ts", ["--minor", "pledge", "--from", "b638d5e4d571"], { cwd: root });
  expect(done.stderr).toBe("");
  expect(done.stdout).toContain("✓ content/ar/pledge.md: source: ");
  expect(stale(root)).toEqual([]);
});

test("a change that is more than a typo fix is refused after its diff is shown, and nothing is written; --force accepts wording, never structure", () => {
  const { root, read, english } = setUp();
  const arabicBefore = read("content/ar/pledge.md");
  // A rewritten sentence: several words in one place.
  const reworded = english.replace("Knowing all we do about Microsoft complicity", "Given everything now documented about the company's direct complicity");
  project!.write("content/en/pledge.md", reworded);
  const refused = runScript("locale-mark.ts", ["--minor", "pledge"], { cwd: root });
  expect(refused.status).toBe(1);
  expect(refused.stdout).toContain("  now: ");
  expect(refused.stderr).toContain("✗ content/en/pledge.md: this change is not minor: ");
  expect(refused.stderr).toContain("--force");
  expect(read("content/ar/pledge.md")).toBe(arabicBefore);
  const forced = runScript("locale-mark.ts", ["--minor", "pledge", "--force"], { cwd: root });
  expect(forced.status).toBe(0);
  expect(forced.stdout).toContain("✓ content/ar/pledge.md: source: ");

  // A heading and a paragraph added: the translations lack them, whatever the editor says.
  project!.write("content/en/pledge.md", `${english.replace(TYPO, FIXED)}\n## A new heading\n\nA new paragraph the translations do not have.\n`);
  const arabicNow = read("content/ar/pledge.md");
  for (const args of [["--minor", "pledge"], ["--minor", "pledge", "--force"]]) {
    const result = runScript("locale-mark.ts", args, { cwd: root });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("this change is not minor: it adds or removes blocks (a heading, paragraph, list item or quotation): every translation must follow it");
    expect(result.stderr).not.toContain("--force");
  }
  expect(read("content/ar/pledge.md")).toBe(arabicNow);
});

test("a typo fix accepted says which files to commit with the English change", () => {
  const { root } = setUp();
  const result = runScript("locale-mark.ts", ["--minor", "pledge"], { cwd: root });
  expect(result.status).toBe(0);
  const current = /→ ([0-9a-f]{12})/.exec(result.stdout)![1]!;
  expect(result.stdout).toContain(`Commit these with the English change: content/en/pledge.md, content/.versions/pledge/${current}.md, content/ar/pledge.md`);
});
