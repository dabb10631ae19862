// One comment per pull request carries the translation check's markdown report: created the
// first time, edited on every later push, found again by a hidden marker in its first line.
import type { PullRequest } from "./reportArtifact.ts";

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

/** GitHub refuses a longer comment body. */
export const COMMENT_LIMIT = 65_536;

export async function upsertReportComment(api: CommentsApi, report: string, { fullReport }: { fullReport?: string } = {}): Promise<CommentResult> {
  const body = capComment(`${REPORT_MARKER}\n${report.trim()}\n`, fullReport);
  const existing = await findReportComment(api);
  if (!existing) return { action: "created", id: (await api.create(body)).id };
  if (existing.body === body) return { action: "unchanged", id: existing.id };
  return { action: "updated", id: (await api.update(existing.id, body)).id };
}

/**
 * A body GitHub accepts: a longer one is cut at a line end, a folded warnings list left open by
 * the cut is closed, and a last line says where the whole report is.
 */
export function capComment(body: string, fullReport = 'the job summary of the "Check translations" run', limit = COMMENT_LIMIT): string {
  if (body.length <= limit) return body;
  const note = `\n\n**The report is longer than a comment can hold: it stops here.** The whole report is in ${fullReport}.\n`;
  const room = limit - note.length - "\n</details>".length;
  let kept = body.slice(0, room);
  const lineEnd = kept.lastIndexOf("\n");
  if (lineEnd > 0) kept = kept.slice(0, lineEnd);
  const open = (kept.match(/<details>/g) ?? []).length - (kept.match(/<\/details>/g) ?? []).length;
  return `${kept}${open > 0 ? "\n</details>" : ""}${note}`;
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

interface GitHubRepository {
  repository: string;
  token: string;
  apiUrl?: string;
}

export class GitHubError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

function githubCall({ repository, token, apiUrl = "https://api.github.com" }: GitHubRepository) {
  return async (path: string, method = "GET", body?: unknown) => {
    const response = await fetch(`${apiUrl}/repos/${repository}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, accept: "application/vnd.github+json", "x-github-api-version": "2022-11-28", ...(body ? { "content-type": "application/json" } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (!response.ok) throw new GitHubError(response.status, `GitHub answered ${response.status} to ${method} ${path}: ${(await response.text()).slice(0, 300)}`);
    return response.json();
  };
}

/** A pull request of the repository as GitHub has it now, or undefined when there is none. */
export function githubPullRequests(repo: GitHubRepository): (number: number) => Promise<PullRequest | undefined> {
  const call = githubCall(repo);
  return async (number) => {
    try {
      return (await call(`/pulls/${number}`)) as PullRequest;
    } catch (error) {
      if (error instanceof GitHubError && error.status === 404) return undefined;
      throw error;
    }
  };
}

/** The REST API of a GitHub pull request's conversation (issue comments), with the job's token. */
export function githubCommentsApi({ pullRequest, ...repo }: GitHubRepository & { pullRequest: number }): CommentsApi {
  const call = githubCall(repo);
  return {
    list: (page) => call(`/issues/${pullRequest}/comments?per_page=100&page=${page}`),
    create: (body) => call(`/issues/${pullRequest}/comments`, "POST", { body }),
    update: (id, body) => call(`/issues/comments/${id}`, "PATCH", { body }),
  };
}
