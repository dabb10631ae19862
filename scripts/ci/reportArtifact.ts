// The artifact "Check translations" uploads (the markdown report and the pull request's number)
// is written by the pull request's own code, so the commenting workflow reads it as hostile
// input: bounded reads, a strict number, and that number checked against what GitHub says.
import { closeSync, lstatSync, openSync, readSync, type Stats } from "node:fs";
import { join } from "node:path";

/** The names both workflows agree on: the artifact and the two files in it. */
export const REPORT_ARTIFACT = "translation-check";
export const REPORT_FILE = "report.md";
export const PULL_REQUEST_FILE = "pr-number.txt";

/** Far above any real report (the comment holds 65,536 characters); more is never read. */
export const MAX_REPORT_BYTES = 1024 * 1024;
const MAX_NUMBER_BYTES = 64;

export class ArtifactError extends Error {}

/** A positive whole number in decimal, nothing around it but one final newline. */
export function parsePullRequestNumber(text: string): number | undefined {
  const match = /^([1-9][0-9]{0,9})\r?\n?$/.exec(text);
  if (!match) return undefined;
  const number = Number(match[1]);
  return number <= 2 ** 31 - 1 ? number : undefined;
}

export interface ReportArtifact {
  pullRequest: number;
  report: string;
  /** The report file was longer than MAX_REPORT_BYTES and only its beginning was read. */
  cut: boolean;
}

export function readReportArtifact(folder: string): ReportArtifact {
  const numberFile = join(folder, PULL_REQUEST_FILE);
  const { text: numberText, cut: numberCut } = readBounded(numberFile, MAX_NUMBER_BYTES);
  const pullRequest = numberCut ? undefined : parsePullRequestNumber(numberText);
  if (pullRequest === undefined) {
    throw new ArtifactError(
      `${numberFile}: ${describe(numberText, numberCut)} is not a pull request number (a positive whole number): nothing was posted. The "Check translations" run that uploaded it writes it; look at that run's log.`,
    );
  }
  const { text: report, cut } = readBounded(join(folder, REPORT_FILE), MAX_REPORT_BYTES);
  return { pullRequest, report, cut };
}

/** At most maxBytes of a regular file (never a link), as UTF-8. */
function readBounded(file: string, maxBytes: number): { text: string; cut: boolean } {
  let stat: Stats;
  try {
    stat = lstatSync(file);
  } catch {
    throw new ArtifactError(`${file} is missing from the "${REPORT_ARTIFACT}" artifact: nothing was posted. Did the "Check translations" run reach its upload step? Look at that run's log.`);
  }
  if (!stat.isFile()) throw new ArtifactError(`${file} is not a plain file: nothing was posted. The "${REPORT_ARTIFACT}" artifact holds only ${PULL_REQUEST_FILE} and ${REPORT_FILE}.`);
  const buffer = Buffer.alloc(Math.min(stat.size, maxBytes));
  const fd = openSync(file, "r");
  try {
    let read = 0;
    while (read < buffer.length) {
      const n = readSync(fd, buffer, read, buffer.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return { text: buffer.subarray(0, read).toString("utf8"), cut: stat.size > maxBytes };
  } finally {
    closeSync(fd);
  }
}

function describe(text: string, cut: boolean): string {
  if (cut) return "a text of more than 64 bytes";
  if (text === "") return "an empty file";
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

/** What GitHub's workflow_run event says about the run that uploaded the artifact. */
export interface WorkflowRun {
  event: string;
  head_sha: string;
  head_branch: string | null;
  head_repository: { full_name: string } | null;
  /** Empty for a pull request from a fork: GitHub lists only the base repository's branches. */
  pull_requests: { number: number }[];
}

/** What GitHub says about the pull request the artifact names. */
export interface PullRequest {
  number: number;
  head: { sha: string; ref: string; repo: { full_name: string } | null };
}

export type Verdict = { post: true } | { post: false; stale: boolean; reason: string };

/**
 * The named pull request is the one the run checked: GitHub's own list when it has one, and in
 * every case the pull request's head is the run's commit from the run's repository. A pull
 * request that has moved on since (a later push) is stale, not hostile: its later run comments.
 */
export async function verifyPullRequest(claimed: number, run: WorkflowRun, getPull: (number: number) => Promise<PullRequest | undefined>): Promise<Verdict> {
  const refuse = (reason: string): Verdict => ({ post: false, stale: false, reason });
  if (run.event !== "pull_request") return refuse(`the run was started by "${run.event}", not by a pull request`);
  const listed = run.pull_requests.map((p) => p.number);
  if (listed.length > 0 && !listed.includes(claimed)) return refuse(`the run checked pull request ${listed.map((n) => `#${n}`).join(", ")}, not #${claimed}`);
  const pull = await getPull(claimed);
  if (!pull) return refuse(`pull request #${claimed} does not exist in this repository`);
  const runRepo = run.head_repository?.full_name;
  const pullRepo = pull.head.repo?.full_name;
  if (!runRepo || runRepo !== pullRepo) return refuse(`pull request #${claimed} comes from ${pullRepo ?? "a deleted repository"}, the run from ${runRepo ?? "an unknown repository"}`);
  if (pull.head.sha !== run.head_sha) {
    const stale = pull.head.ref === run.head_branch;
    return {
      post: false,
      stale,
      reason: stale
        ? `pull request #${claimed} has moved on to ${pull.head.sha.slice(0, 7)} since the run checked ${run.head_sha.slice(0, 7)}: the later run comments`
        : `pull request #${claimed} is at ${pull.head.sha.slice(0, 7)} on "${pull.head.ref}", the run checked ${run.head_sha.slice(0, 7)} on "${run.head_branch}"`,
    };
  }
  return { post: true };
}
