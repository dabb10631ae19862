// CI only (.github/workflows/check-translations.yml): keeps the pull request's one report comment
// up to date. Usage: tsx scripts/pr-comment.ts <report.md>, with GITHUB_TOKEN, GITHUB_REPOSITORY
// and PR_NUMBER set.
import { readFileSync } from "node:fs";
import { githubCommentsApi, upsertReportComment } from "./ci/reportComment.ts";

const [reportFile] = process.argv.slice(2);
const { GITHUB_TOKEN: token, GITHUB_REPOSITORY: repository, PR_NUMBER: pr, GITHUB_API_URL: apiUrl } = process.env;
if (!reportFile || !token || !repository || !pr) {
  console.error("✗ usage: tsx scripts/pr-comment.ts <report.md>, with GITHUB_TOKEN, GITHUB_REPOSITORY and PR_NUMBER set (the workflow sets them)");
  process.exit(2);
}
const result = await upsertReportComment(githubCommentsApi({ repository, pullRequest: Number(pr), token, ...(apiUrl ? { apiUrl } : {}) }), readFileSync(reportFile, "utf8"));
console.log(`✓ the report comment on pull request #${pr} was ${result.action} (comment ${result.id})`);
