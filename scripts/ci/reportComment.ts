// One comment per pull request carries the translation check's markdown report: created the
// first time, edited on every later push, found again by a hidden marker in its first line. A
// pull request from a fork gets a read-only token: there the report stays in the job summary.

/** Invisible in the rendered comment; how the next run finds it among everyone's comments. */
export const REPORT_MARKER = "<!-- translation-check-report -->";

export interface IssueComment {
  id: number;
  body?: string | null;
}

/** The three GitHub REST calls this needs, so tests can stand in for GitHub. */
export interface CommentsApi {
  list(page: number): Promise<IssueComment[]>;
  create(body: string): Promise<IssueComment>;
  update(id: number, body: string): Promise<IssueComment>;
}

export type CommentResult = { action: "created" | "updated"; id: number } | { action: "unchanged"; id: number };

export async function upsertReportComment(api: CommentsApi, report: string): Promise<CommentResult> {
  const body = `${REPORT_MARKER}\n${report.trim()}\n`;
  const existing = await findReportComment(api);
  if (!existing) return { action: "created", id: (await api.create(body)).id };
  if (existing.body === body) return { action: "unchanged", id: existing.id };
  return { action: "updated", id: (await api.update(existing.id, body)).id };
}

async function findReportComment(api: CommentsApi): Promise<IssueComment | undefined> {
  for (let page = 1; page <= 50; page++) {
    const comments = await api.list(page);
    const found = comments.find((c) => c.body?.startsWith(REPORT_MARKER));
    if (found) return found;
    if (comments.length < 100) return undefined;
  }
  return undefined;
}

/** The REST API of a GitHub pull request's conversation (issue comments), with the job's token. */
export function githubCommentsApi({ repository, pullRequest, token, apiUrl = "https://api.github.com" }: { repository: string; pullRequest: number; token: string; apiUrl?: string }): CommentsApi {
  const call = async (path: string, method = "GET", body?: unknown) => {
    const response = await fetch(`${apiUrl}/repos/${repository}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, accept: "application/vnd.github+json", "x-github-api-version": "2022-11-28", ...(body ? { "content-type": "application/json" } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (!response.ok) throw new Error(`GitHub answered ${response.status} to ${method} ${path}: ${(await response.text()).slice(0, 300)}`);
    return response.json();
  };
  return {
    list: (page) => call(`/issues/${pullRequest}/comments?per_page=100&page=${page}`),
    create: (body) => call(`/issues/${pullRequest}/comments`, "POST", { body }),
    update: (id, body) => call(`/issues/comments/${id}`, "PATCH", { body }),
  };
}
