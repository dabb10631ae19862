// The pull request's report comment: created once, then edited, found by its hidden marker among
// other people's comments; and the workflow uses it only where the token can write.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { parse } from "yaml";
import { REPORT_MARKER, upsertReportComment, type CommentsApi, type IssueComment } from "../../scripts/ci/reportComment.ts";

/** A pull request's comments as GitHub keeps them, 100 to a page. */
function fakeGitHub(initial: IssueComment[] = []) {
  const comments = [...initial];
  const calls: string[] = [];
  let next = 1000;
  const api: CommentsApi = {
    async list(page) {
      calls.push(`list ${page}`);
      return comments.slice((page - 1) * 100, page * 100).map((c) => ({ ...c }));
    },
    async create(body) {
      calls.push("create");
      const c = { id: next++, body };
      comments.push(c);
      return c;
    },
    async update(id, body) {
      calls.push(`update ${id}`);
      const c = comments.find((x) => x.id === id)!;
      c.body = body;
      return c;
    },
  };
  return { api, comments, calls };
}

test("the first run creates the comment, later runs edit the same one", async () => {
  const github = fakeGitHub([{ id: 1, body: "Looks good to me" }]);
  expect(await upsertReportComment(github.api, "## Translation check\n\n❌ 1 error")).toEqual({ action: "created", id: 1000 });
  expect(await upsertReportComment(github.api, "## Translation check\n\n✅ No errors.")).toEqual({ action: "updated", id: 1000 });
  expect(await upsertReportComment(github.api, "## Translation check\n\n✅ No errors.")).toEqual({ action: "unchanged", id: 1000 });
  expect(github.comments).toHaveLength(2);
  expect(github.comments[1]!.body).toBe(`${REPORT_MARKER}\n## Translation check\n\n✅ No errors.\n`);
  expect(github.calls.filter((c) => c === "create")).toHaveLength(1);
});

test("the comment is found on a later page of a long conversation, and a quote of it is not mistaken for it", async () => {
  const others = Array.from({ length: 150 }, (_, i) => ({ id: i + 1, body: i === 3 ? `> ${REPORT_MARKER}\n> quoted` : `comment ${i}` }));
  const github = fakeGitHub([...others, { id: 500, body: `${REPORT_MARKER}\nold report\n` }]);
  expect(await upsertReportComment(github.api, "new report")).toEqual({ action: "updated", id: 500 });
  expect(github.calls).toEqual(["list 1", "list 2", "update 500"]);
});

test("the workflow comments only where the token can write, and fails after reporting", () => {
  const workflow = parse(readFileSync(join(import.meta.dirname, "..", "..", ".github/workflows/check-translations.yml"), "utf8"));
  expect(workflow.permissions).toEqual({ contents: "read", "pull-requests": "write" });
  const steps: { name?: string; if?: string; run?: string; "continue-on-error"?: boolean }[] = workflow.jobs.check.steps;
  const check = steps.find((s) => s.name === "npm run check")!;
  expect(check["continue-on-error"]).toBe(true);
  const summary = steps.find((s) => s.run?.includes("GITHUB_STEP_SUMMARY"))!;
  const comment = steps.find((s) => s.run?.includes("scripts/pr-comment.ts"))!;
  expect(summary.if).toBe("github.event.pull_request.head.repo.full_name != github.repository");
  expect(comment.if).toBe("github.event.pull_request.head.repo.full_name == github.repository");
  expect(steps.at(-1)!.if).toBe("steps.check.outcome == 'failure'");
});
