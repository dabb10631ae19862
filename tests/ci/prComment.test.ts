// scripts/pr-comment.ts as the commenting workflow runs it: a workflow_run event, the check's
// artifact, and a stand-in for GitHub's REST API on a local port.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { REPORT_MARKER } from "../../scripts/ci/reportComment.ts";
import { ROOT } from "../helpers/site.ts";

const SHA = "d".repeat(40);
const REPO = "owner/pledge-site";
let server: Server;
let apiUrl = "";
/** Every request GitHub received, as "METHOD path". */
let requests: string[] = [];
let comments: { id: number; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      const url = req.url ?? "";
      requests.push(`${req.method} ${url}`);
      const send = (status: number, data: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(data));
      };
      if (url === `/repos/${REPO}/pulls/7`) return send(200, { number: 7, head: { sha: SHA, ref: "translate-fr", repo: { full_name: "translator/pledge-site" } } });
      if (url.startsWith(`/repos/${REPO}/issues/7/comments`) && req.method === "GET") return send(200, comments);
      if (url === `/repos/${REPO}/issues/7/comments` && req.method === "POST") {
        const comment = { id: 1000 + comments.length, body: JSON.parse(body).body as string };
        comments.push(comment);
        return send(201, comment);
      }
      send(404, { message: "Not Found" });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

let dir = "";
afterEach(() => {
  requests = [];
  comments = [];
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The workflow's step: an artifact folder and the event GitHub writes, then the script. */
function runComment(files: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  dir = mkdtempSync(join(tmpdir(), "pledge-pr-comment-"));
  const artifact = join(dir, "translation-check");
  mkdirSync(artifact);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(artifact, name), text);
  const event = join(dir, "event.json");
  const run = {
    event: "pull_request",
    head_sha: SHA,
    head_branch: "translate-fr",
    head_repository: { full_name: "translator/pledge-site" },
    pull_requests: [],
    html_url: "https://github.com/owner/pledge-site/actions/runs/42",
  };
  writeFileSync(event, JSON.stringify({ action: "completed", workflow_run: run }));
  // Asynchronous: the stand-in for GitHub answers in this same process.
  const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "scripts", "pr-comment.ts"), artifact], {
    cwd: ROOT,
    env: { ...process.env, GITHUB_TOKEN: "test-token", GITHUB_REPOSITORY: REPO, GITHUB_EVENT_PATH: event, GITHUB_API_URL: apiUrl, FORCE_COLOR: "0" },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => (stdout += c.toString("utf8")));
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
  return new Promise((resolve) => child.on("close", (status) => resolve({ status, stdout, stderr })));
}

test("a fork's pull request gets the report as its one comment", async () => {
  const result = await runComment({ "pr-number.txt": "7\n", "report.md": "## Translation check\n\n✅ No errors.\n" });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  expect(result.stdout).toContain("✓ the report comment on pull request #7 was created (comment 1000)");
  expect(comments).toEqual([{ id: 1000, body: `${REPORT_MARKER}\n## Translation check\n\n✅ No errors.\n` }]);
  expect(requests).toEqual([`GET /repos/${REPO}/pulls/7`, `GET /repos/${REPO}/issues/7/comments?per_page=100&page=1`, `POST /repos/${REPO}/issues/7/comments`]);
});

test("a hostile number is refused before GitHub is asked anything, naming the file", async () => {
  const result = await runComment({ "pr-number.txt": "7; rm -rf /\n", "report.md": "## Translation check\n" });
  expect(result.status).toBe(1);
  expect(result.stderr).toContain(`translation-check/pr-number.txt: "7; rm -rf /\\n" is not a pull request number (a positive whole number): nothing was posted.`);
  expect(result.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  expect(requests).toEqual([]);
});

test("a number naming another pull request than the run checked posts nothing", async () => {
  const result = await runComment({ "pr-number.txt": "8\n", "report.md": "## Translation check\n" });
  expect(result.status).toBe(1);
  expect(result.stderr).toContain("the artifact names pull request #8, but pull request #8 does not exist in this repository. Nothing was posted");
  expect(requests).toEqual([`GET /repos/${REPO}/pulls/8`]);
  expect(comments).toEqual([]);
});

test("a report longer than a comment is cut, with the link to the run's summary", async () => {
  const report = `## Translation check\n\n${"- **warning** untranslated\n".repeat(5000)}`;
  const result = await runComment({ "pr-number.txt": "7\n", "report.md": report });
  expect(result.status, result.stderr).toBe(0);
  expect(comments[0]!.body.length).toBeLessThanOrEqual(65_536);
  expect(comments[0]!.body).toContain('The whole report is in the job summary of [the "Check translations" run](https://github.com/owner/pledge-site/actions/runs/42).');
});
