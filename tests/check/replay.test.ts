// npm run check with nothing changed since its last run prints that run's report and exit status
// from its record (.cache/replay/), without running the check; any change to what the check reads
// (a section, a file added or removed, ui.json, campaign.yml, sections.yml, the glossary, a
// snapshot, a git commit of the English when diffs come from git), other arguments, other code or
// a damaged record make a real run, whose report is the one a run without any cache gives.
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync, existsSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, test } from "vitest";
import { ROOT } from "../helpers/site.ts";
import { copyFixture } from "./fixtures.ts";

let removals: (() => void)[] = [];
afterEach(() => {
  for (const remove of removals) remove();
  removals = [];
});

/** A copy of the code (its own bundle, and code a test may edit), packages linked. */
function codeCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), "replay-code-"));
  removals.push(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(join(ROOT, "scripts"), join(dir, "scripts"), { recursive: true });
  for (const file of ["tsconfig.json", "package.json"]) copyFileSync(join(ROOT, file), join(dir, file));
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
  return dir;
}

function fixtureCopy(name: string): string {
  const { root, remove } = copyFixture(name);
  removals.push(remove);
  return root;
}

interface Run {
  status: number | null;
  stdout: string;
  replayed: boolean;
}

/**
 * The command as a translator runs it (through the launcher, the cache on) with --debug, which
 * says when a run was replayed; as though 10 s had passed, so the files a test just wrote are not
 * too recent to record.
 */
function check(code: string, root: string, args: string[] = [], env: Record<string, string> = {}): Run {
  const shift = "data:text/javascript,const now=Date.now;Date.now=()=>now()+10000;";
  const { PLEDGE_NO_CACHE: _, ...inherited } = process.env;
  const result = spawnSync(process.execPath, ["--import", shift, join(code, "scripts", "run.mjs"), "check", "--root", root, "--debug", ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...inherited, FORCE_COLOR: "0", ...env },
  });
  const replayed = result.stderr.startsWith(`(replayed from ${join(root, ".cache", "replay")}`);
  if (!replayed) expect(result.stderr).toBe("");
  return { status: result.status, stdout: result.stdout, replayed };
}

/** What the check says without any cache: the report a real run must give. */
const truth = (code: string, root: string, args: string[] = [], env: Record<string, string> = {}) => {
  const { status, stdout, replayed } = check(code, root, [...args, "--no-cache"], env);
  expect(replayed).toBe(false);
  return { status, stdout };
};

const edit = (root: string, file: string, change: (text: string) => string) => writeFileSync(join(root, file), change(readFileSync(join(root, file), "utf8")));

test("the second run replays the first; each change to what the check reads makes a real run with the new report, recorded in turn", () => {
  const code = codeCopy();
  const root = fixtureCopy("stale");
  const first = check(code, root);
  expect(first).toMatchObject({ ...truth(code, root), replayed: false });
  expect(check(code, root)).toEqual({ ...first, replayed: true });

  const edits: [string, () => void][] = [
    [
      "a section edited to the same size, its modification time put back",
      () => {
        const file = join(root, "content", "fr", "alpha.md");
        const { atime, mtime, size } = statSync(file);
        edit(root, "content/fr/alpha.md", (t) => t.replace("[78 A, B]", "[79 A, B]"));
        utimesSync(file, atime, mtime);
        expect(statSync(file).size).toBe(size);
      },
    ],
    ["a file added in content/fr/", () => writeFileSync(join(root, "content", "fr", "gamma.md"), "---\ntitle: Gamma\nstatus: draft\n---\n\nUn paragraphe.\n")],
    ["a file removed", () => rmSync(join(root, "content", "fr", "beta.md"))],
    ["ui.json", () => edit(root, "locales/fr/ui.json", (t) => t.replace('"cta": "Prenez l\'engagement",', ""))],
    ["campaign.yml", () => edit(root, "campaign.yml", (t) => `${t}colour: blue\n`)],
    ["sections.yml", () => edit(root, "content/sections.yml", (t) => t.replace("- beta\n", ""))],
    ["glossary.yml", () => copyFileSync(join(ROOT, "tests", "fixtures", "glossary", "glossary.yml"), join(root, "content", "glossary.yml"))],
    ["a snapshot in content/.versions/", () => rmSync(join(root, "content", ".versions", "alpha", "8ecfccdc6143.md"))],
  ];
  let before = first.stdout;
  for (const [what, change] of edits) {
    change();
    const after = check(code, root);
    expect(after.replayed, what).toBe(false);
    expect(after.stdout, what).not.toBe(before);
    expect({ status: after.status, stdout: after.stdout }, what).toEqual(truth(code, root));
    expect(check(code, root), what).toEqual({ ...after, replayed: true });
    before = after.stdout;
  }
});

test("a commit of the English makes a real run where the old English comes from git, and only there", () => {
  const code = codeCopy();
  const root = fixtureCopy("stale");
  const git = (args: string[], input?: string) => execFileSync("git", ["-c", "user.name=test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false", ...args], { cwd: root, encoding: "utf8", input });
  const oldEnglish = readFileSync(join(root, "content", ".versions", "alpha", "8ecfccdc6143.md"), "utf8");
  rmSync(join(root, "content", ".versions"), { recursive: true });
  git(["init", "-q"]);
  git(["add", "content"]);
  git(["commit", "-qm", "English as it is now"]);
  const withDiffs = check(code, root);
  const withoutDiffs = check(code, root, ["--no-diff"]);
  expect(withDiffs.stdout).toContain("neither content/.versions/alpha/8ecfccdc6143.md nor the git history of content/en/alpha.md has English version 8ecfccdc6143");
  expect(check(code, root).replayed).toBe(true);

  // The old English committed without touching the working tree: only git's state changed.
  const blob = git(["hash-object", "-w", "--stdin", "--path", "content/en/alpha.md"], oldEnglish).trim();
  git(["update-index", "--cacheinfo", `100644,${blob},content/en/alpha.md`]);
  git(["commit", "-qm", "the English the translation was made from"]);
  const after = check(code, root);
  expect(after.replayed).toBe(false);
  expect(after.stdout).toContain("What changed in the English since (from the git history):");
  expect({ status: after.status, stdout: after.stdout }).toEqual(truth(code, root));
  expect(check(code, root)).toEqual({ ...after, replayed: true });
  // Without diffs the English's history is not read: the commit changes nothing there.
  expect(check(code, root, ["--no-diff"])).toEqual({ ...withoutDiffs, replayed: true });
});

test("other arguments or environment are other runs, each replayed in turn; the exit status is replayed", () => {
  const code = codeCopy();
  const root = fixtureCopy("missing");
  const text = check(code, root);
  expect(text.status).toBe(1);
  for (const args of [["--locale", "fr"], ["--json"], ["--format", "markdown"], ["--no-diff"]]) {
    const first = check(code, root, args);
    expect(first.replayed, args.join(" ")).toBe(false);
    expect({ status: first.status, stdout: first.stdout }, args.join(" ")).toEqual(truth(code, root, args));
    expect(check(code, root, args), args.join(" ")).toEqual({ ...first, replayed: true });
  }
  // The campaign's address from the environment (a mistake in it is reported).
  const env = { SITE_URL: "ftp://example.org" };
  const elsewhere = check(code, root, [], env);
  expect(elsewhere.replayed).toBe(false);
  expect(elsewhere.stdout).toContain('"siteUrl" is not an http(s) URL: ftp://example.org');
  expect({ status: elsewhere.status, stdout: elsewhere.stdout }).toEqual(truth(code, root, [], env));
  expect(check(code, root, [], env).replayed).toBe(true);
  expect(check(code, root)).toEqual({ ...text, replayed: true, status: 1 });
});

test("other code, a damaged record, --no-cache and PLEDGE_NO_CACHE: a real run; the last two neither read nor write the record", () => {
  const code = codeCopy();
  const root = fixtureCopy("stale");
  const records = join(root, ".cache", "replay");
  const first = check(code, root);
  expect(check(code, root).replayed).toBe(true);

  // An edit of the report's code: the bundle is made again, and the run is real.
  edit(code, "scripts/check/report/text.ts", (t) => t.replace("(Sections: translated and up to date / all.", "(Sections: up to date / all."));
  const edited = check(code, root);
  expect(edited.replayed).toBe(false);
  expect(edited.stdout).toBe(first.stdout.replace("(Sections: translated and up to date / all.", "(Sections: up to date / all."));
  expect(check(code, root).replayed).toBe(true);

  // Garbage in the record: ignored, and written over by the real run.
  const [record] = readdirSync(records).filter((name) => name.endsWith(".json"));
  writeFileSync(join(records, record!), "\u0000 not a record {");
  expect(check(code, root)).toEqual({ ...edited, replayed: false });
  expect(JSON.parse(readFileSync(join(records, record!), "utf8")).value.stdout).toBe(edited.stdout);
  expect(check(code, root).replayed).toBe(true);

  // The cache off: the record is not read, and none is written.
  expect(check(code, root, ["--no-cache"])).toEqual({ ...edited, replayed: false });
  expect(check(code, root, [], { PLEDGE_NO_CACHE: "1" })).toEqual({ ...edited, replayed: false });
  rmSync(records, { recursive: true });
  check(code, root, ["--no-cache"]);
  check(code, root, [], { PLEDGE_NO_CACHE: "1" });
  expect(existsSync(records)).toBe(false);
});
