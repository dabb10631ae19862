// The pull request's report comment: created once, then edited, found by its hidden marker among
// other people's comments, and never longer than GitHub accepts.
import { expect, test } from "vitest";
import { capComment, COMMENT_LIMIT, REPORT_MARKER, upsertReportComment, type CommentsApi, type IssueComment } from "../../scripts/ci/reportComment.ts";

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

test("a report longer than a comment is cut at a line end, its open warnings list closed, with a note where the whole report is", async () => {
  const warnings = Array.from({ length: 3000 }, (_, i) => `- **warning** \`content/ar/pledge.md:${i}\`: untranslated`);
  const report = ["## Translation check", "", "<details><summary>3000 warnings</summary>", "", ...warnings, "", "</details>"].join("\n");
  expect(report.length).toBeGreaterThan(COMMENT_LIMIT);
  const github = fakeGitHub();
  await upsertReportComment(github.api, report, { fullReport: "the job summary of [the run](https://github.com/o/r/actions/runs/1)" });
  const body = github.comments[0]!.body!;
  expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
  expect(body.startsWith(`${REPORT_MARKER}\n## Translation check`)).toBe(true);
  const lines = body.split("\n");
  // Every kept warning is whole: the cut falls between two lines.
  for (const line of lines.filter((l) => l.startsWith("- **warning**"))) expect(line).toMatch(/:\d+`: untranslated$/);
  expect(body.match(/<details>/g)).toHaveLength(1);
  expect(body.match(/<\/details>/g)).toHaveLength(1);
  expect(body.trimEnd().endsWith("The whole report is in the job summary of [the run](https://github.com/o/r/actions/runs/1).")).toBe(true);
  // A short report is never touched.
  expect(capComment("short\n")).toBe("short\n");
  // One line longer than the limit still gives a body GitHub accepts.
  expect(capComment("x".repeat(200_000)).length).toBeLessThanOrEqual(COMMENT_LIMIT);
});
