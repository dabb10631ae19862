// The check's artifact is written by the pull request's own code: the commenting workflow reads a
// strict number, a bounded report, and posts only when GitHub's account of the run agrees.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import {
  ArtifactError,
  MAX_REPORT_BYTES,
  parsePullRequestNumber,
  PULL_REQUEST_FILE,
  readReportArtifact,
  REPORT_FILE,
  verifyPullRequest,
  type PullRequest,
  type WorkflowRun,
} from "../../scripts/ci/reportArtifact.ts";

describe("the pull request number", () => {
  test("a positive whole number, as the check workflow writes it", () => {
    expect(parsePullRequestNumber("12\n")).toBe(12);
    expect(parsePullRequestNumber("12")).toBe(12);
    expect(parsePullRequestNumber("2147483647\n")).toBe(2147483647);
  });

  test.each([
    ["12; rm -rf /"],
    ["12\n; rm -rf /"],
    ["$(curl evil.example)"],
    ["-1"],
    ["0"],
    [""],
    ["\n"],
    [" 12"],
    ["12 "],
    ["012"],
    ["+12"],
    ["1e3"],
    ["0x10"],
    ["12.0"],
    ["12\n13\n"],
    ["１２"],
    ["2147483648"],
    ["99999999999999999999"],
    ["9".repeat(100_000)],
  ])("%j is refused", (text) => {
    expect(parsePullRequestNumber(text)).toBeUndefined();
  });
});

describe("reading the artifact", () => {
  let dir = "";
  const artifact = (files: Record<string, string>) => {
    dir = mkdtempSync(join(tmpdir(), "pledge-artifact-"));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return dir;
  };
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test("the number and the report", () => {
    expect(readReportArtifact(artifact({ [PULL_REQUEST_FILE]: "7\n", [REPORT_FILE]: "## Translation check\n" }))).toEqual({ pullRequest: 7, report: "## Translation check\n", cut: false });
  });

  test.each([
    ["12; rm -rf /\n", '"12; rm -rf /\\n"'],
    ["-1", '"-1"'],
    ["", "an empty file"],
    ["1".repeat(5000), "a text of more than 64 bytes"],
  ])("a hostile number %j is refused, naming the file and what it held", (text, shown) => {
    const folder = artifact({ [PULL_REQUEST_FILE]: text, [REPORT_FILE]: "report" });
    expect(() => readReportArtifact(folder)).toThrow(ArtifactError);
    expect(() => readReportArtifact(folder)).toThrow(`${join(folder, PULL_REQUEST_FILE)}: ${shown} is not a pull request number (a positive whole number): nothing was posted.`);
  });

  test("a missing file is named", () => {
    const folder = artifact({ [PULL_REQUEST_FILE]: "7\n" });
    expect(() => readReportArtifact(folder)).toThrow(`${join(folder, REPORT_FILE)} is missing from the "translation-check" artifact: nothing was posted.`);
  });

  test("a link or a folder in the place of a file is refused, never followed", () => {
    const folder = artifact({ [REPORT_FILE]: "report" });
    symlinkSync("/etc/hostname", join(folder, PULL_REQUEST_FILE));
    expect(() => readReportArtifact(folder)).toThrow(`${join(folder, PULL_REQUEST_FILE)} is not a plain file`);
    rmSync(join(folder, PULL_REQUEST_FILE));
    mkdirSync(join(folder, PULL_REQUEST_FILE));
    expect(() => readReportArtifact(folder)).toThrow(`${join(folder, PULL_REQUEST_FILE)} is not a plain file`);
  });

  test("of a huge report only the first megabyte is read", () => {
    const folder = artifact({ [PULL_REQUEST_FILE]: "7\n", [REPORT_FILE]: "line\n".repeat(MAX_REPORT_BYTES) });
    const read = readReportArtifact(folder);
    expect(read.cut).toBe(true);
    expect(read.report.length).toBe(MAX_REPORT_BYTES);
  });
});

describe("the number names the pull request the run checked", () => {
  const sha = "a".repeat(40);
  const forkRun: WorkflowRun = { event: "pull_request", head_sha: sha, head_branch: "translate-fr", head_repository: { full_name: "translator/pledge-site" }, pull_requests: [] };
  const pulls: Record<number, PullRequest> = {
    7: { number: 7, head: { sha, ref: "translate-fr", repo: { full_name: "translator/pledge-site" } } },
    8: { number: 8, head: { sha, ref: "translate-fr", repo: { full_name: "someone-else/pledge-site" } } },
    9: { number: 9, head: { sha: "b".repeat(40), ref: "translate-fr", repo: { full_name: "translator/pledge-site" } } },
    10: { number: 10, head: { sha: "c".repeat(40), ref: "main", repo: { full_name: "translator/pledge-site" } } },
    11: { number: 11, head: { sha, ref: "translate-fr", repo: null } },
  };
  const getPull = async (n: number) => pulls[n];

  test("a fork's pull request (GitHub lists none for the run): its head is the run's commit from the run's repository", async () => {
    expect(await verifyPullRequest(7, forkRun, getPull)).toEqual({ post: true });
  });

  test("a same-repository run lists its pull requests: the number must be one of them", async () => {
    const run = { ...forkRun, head_repository: { full_name: "owner/pledge-site" }, pull_requests: [{ number: 3 }] };
    expect(await verifyPullRequest(7, run, getPull)).toEqual({ post: false, stale: false, reason: "the run checked pull request #3, not #7" });
  });

  test.each([
    [8, "pull request #8 comes from someone-else/pledge-site, the run from translator/pledge-site"],
    [11, "pull request #11 comes from a deleted repository, the run from translator/pledge-site"],
    [10, `pull request #10 is at ccccccc on "main", the run checked aaaaaaa on "translate-fr"`],
    [404, "pull request #404 does not exist in this repository"],
  ])("another pull request (#%i) is refused", async (number, reason) => {
    expect(await verifyPullRequest(number, forkRun, getPull)).toEqual({ post: false, stale: false, reason });
  });

  test("a pull request pushed to again since is stale, not refused: its later run comments", async () => {
    expect(await verifyPullRequest(9, forkRun, getPull)).toEqual({ post: false, stale: true, reason: "pull request #9 has moved on to bbbbbbb since the run checked aaaaaaa: the later run comments" });
  });

  test("a run not started by a pull request never comments", async () => {
    expect(await verifyPullRequest(7, { ...forkRun, event: "push" }, getPull)).toMatchObject({ post: false, stale: false });
  });
});
