// CI only (.github/workflows/comment-translations.yml): keeps the pull request's one report
// comment up to date from the artifact a "Check translations" run uploaded. It runs from the
// default branch with a token that can comment, so everything in the artifact is untrusted: the
// number must name the pull request the run checked, and the report is only ever comment text.
// Usage: tsx scripts/pr-comment.ts <artifact folder>, with GITHUB_TOKEN, GITHUB_REPOSITORY and
// GITHUB_EVENT_PATH (a workflow_run event) set.
import { readFileSync } from "node:fs";
import { ArtifactError, readReportArtifact, verifyPullRequest, type WorkflowRun } from "./ci/reportArtifact.ts";
import { GitHubError, githubCommentsApi, githubPullRequests, upsertReportComment } from "./ci/reportComment.ts";

const [folder] = process.argv.slice(2);
const { GITHUB_TOKEN: token, GITHUB_REPOSITORY: repository, GITHUB_EVENT_PATH: eventPath, GITHUB_API_URL: apiUrl } = process.env;
if (!folder || !token || !repository || !eventPath) {
  console.error("✗ usage: tsx scripts/pr-comment.ts <artifact folder>, with GITHUB_TOKEN, GITHUB_REPOSITORY and GITHUB_EVENT_PATH set (the workflow sets them)");
  process.exit(2);
}

const run = readRun(eventPath);
const repo = { repository, token, ...(apiUrl ? { apiUrl } : {}) };
try {
  const artifact = readReportArtifact(folder);
  const verdict = await verifyPullRequest(artifact.pullRequest, run, githubPullRequests(repo));
  if (!verdict.post) {
    if (verdict.stale) {
      console.log(`nothing posted: ${verdict.reason}.`);
      process.exit(0);
    }
    console.error(`✗ ${folder}: the artifact names pull request #${artifact.pullRequest}, but ${verdict.reason}. Nothing was posted; the run's report is in its job summary.`);
    process.exit(1);
  }
  const fullReport = run.html_url ? `the job summary of [the "Check translations" run](${run.html_url})` : undefined;
  // A report cut at MAX_REPORT_BYTES is far longer than a comment, so the comment's own cut applies.
  const result = await upsertReportComment(githubCommentsApi({ ...repo, pullRequest: artifact.pullRequest }), artifact.report, fullReport ? { fullReport } : {});
  console.log(`✓ the report comment on pull request #${artifact.pullRequest} was ${result.action} (comment ${result.id})`);
} catch (error) {
  if (error instanceof ArtifactError) {
    console.error(`✗ ${error.message}`);
    process.exit(1);
  }
  if (error instanceof GitHubError) {
    console.error(`✗ ${error.message}. Nothing more was posted; is the workflow's "pull-requests: write" permission still there? Run the workflow again from the Actions tab when GitHub answers.`);
    process.exit(1);
  }
  throw error;
}

/** The workflow_run event GitHub wrote for this job (trusted: GitHub's own account of the run). */
function readRun(path: string): WorkflowRun & { html_url?: string } {
  let event: { workflow_run?: WorkflowRun & { html_url?: string } };
  try {
    event = JSON.parse(readFileSync(path, "utf8"));
  } catch {
    console.error(`✗ ${path}: not a readable GitHub event (GITHUB_EVENT_PATH). This script runs in the "workflow_run" workflow only.`);
    process.exit(2);
  }
  if (!event.workflow_run) {
    console.error(`✗ ${path}: not a workflow_run event. This script runs in .github/workflows/comment-translations.yml only.`);
    process.exit(2);
  }
  return event.workflow_run;
}
