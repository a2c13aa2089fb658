import type { GitHubCore, Schema } from "./github-core.js";
import { COMMENT_LIMIT, shortSha } from "./github-core.js";

/** Issue and pull-request comments, commit comments, and the sticky comment kept up to date on either. */

export type IssueComment = Schema<"issue-comment">;
export type CommitComment = Schema<"commit-comment">;
/** What prodgate reads of either kind of comment. */
export type Comment = Pick<IssueComment, "id" | "html_url" | "user" | "created_at" | "updated_at"> & {
  body?: string;
};

export type CommentTarget = { pr: number } | { commit: string };

export interface StickyResult {
  action: "created" | "updated" | "unchanged";
  comment: Comment;
  /** Older duplicates (same marker) that were deleted. */
  removed: number;
}

/** The hidden line that marks a sticky comment; keys are sanitised so a key cannot end the HTML comment. */
export function stickyMarker(key: string): string {
  const safe = key
    .replace(/[^A-Za-z0-9._:/@+-]/g, "_")
    .replace(/-{2,}/g, "-")
    .slice(0, 200);
  return `<!-- prodgate:sticky ${safe} -->`;
}

/** A comment body within GitHub's limit: cut at a line break with a note when it is too long. */
export function fitComment(body: string): string {
  if (body.length <= COMMENT_LIMIT) return body;
  const note = "\n\n_…cut to fit GitHub's comment size limit._";
  const room = COMMENT_LIMIT - note.length;
  const at = body.lastIndexOf("\n", room);
  return `${body.slice(0, at > room / 2 ? at : room)}${note}`;
}

function prCommentHints(issue: number | undefined, repo: string): Partial<Record<number, string>> {
  return {
    403: "The token needs `pull-requests: write` to comment on pull requests: add `permissions: pull-requests: write` to the job (or pass a token that has it)",
    404:
      issue === undefined ? `the comment is gone from ${repo}` : `#${issue} is not a pull request of ${repo}`,
  };
}

const COMMIT_COMMENT_HINTS: Partial<Record<number, string>> = {
  403: "The token needs `contents: write` to comment on commits: add `permissions: contents: write` to the job (or pass a token that has it)",
};

export function listIssueComments(gh: GitHubCore, issue: number): Promise<IssueComment[]> {
  return gh.list<IssueComment>(
    "GET /repos/{owner}/{repo}/issues/{issue_number}/comments",
    { ...gh.ownerRepo, issue_number: issue },
    {
      what: `list the comments of #${issue}`,
      hints: { 404: `#${issue} is not an issue or pull request of ${gh.fullName}` },
    },
  );
}

/** Every comment of an issue, oldest first, following every Link rel="next" page. */
export function listAllIssueComments(
  gh: GitHubCore,
  number: number,
  opts: { perPage?: number; maxItems?: number } = {},
): Promise<IssueComment[]> {
  return gh.list<IssueComment>(
    "GET /repos/{owner}/{repo}/issues/{issue_number}/comments",
    { ...gh.ownerRepo, issue_number: number, per_page: Math.min(100, Math.max(1, opts.perPage ?? 100)) },
    {
      maxItems: opts.maxItems ?? 10_000,
      what: `list the comments of #${number}`,
      hints: { 404: `#${number} is not an issue of ${gh.fullName}` },
    },
  );
}

export function createIssueComment(gh: GitHubCore, issue: number, body: string): Promise<IssueComment> {
  return gh.data<IssueComment>(
    "POST /repos/{owner}/{repo}/issues/{issue_number}/comments",
    { ...gh.ownerRepo, issue_number: issue, body },
    { retry: false, what: `comment on #${issue}`, hints: prCommentHints(issue, gh.fullName) },
  );
}

export function updateIssueComment(gh: GitHubCore, id: number, body: string): Promise<IssueComment> {
  return gh.data<IssueComment>(
    "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}",
    { ...gh.ownerRepo, comment_id: id, body },
    { what: `update comment ${id}`, hints: prCommentHints(undefined, gh.fullName) },
  );
}

export async function deleteIssueComment(gh: GitHubCore, id: number): Promise<void> {
  await gh.call(
    "DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}",
    { ...gh.ownerRepo, comment_id: id },
    { accept: [404], what: `delete comment ${id}`, hints: prCommentHints(undefined, gh.fullName) },
  );
}

export function listCommitComments(gh: GitHubCore, sha: string): Promise<CommitComment[]> {
  return gh.list<CommitComment>(
    "GET /repos/{owner}/{repo}/commits/{commit_sha}/comments",
    { ...gh.ownerRepo, commit_sha: sha },
    { what: `list the comments of commit ${shortSha(sha)}` },
  );
}

export function createCommitComment(gh: GitHubCore, sha: string, body: string): Promise<CommitComment> {
  return gh.data<CommitComment>(
    "POST /repos/{owner}/{repo}/commits/{commit_sha}/comments",
    { ...gh.ownerRepo, commit_sha: sha, body },
    { retry: false, what: `comment on commit ${shortSha(sha)}`, hints: COMMIT_COMMENT_HINTS },
  );
}

export function updateCommitComment(gh: GitHubCore, id: number, body: string): Promise<CommitComment> {
  return gh.data<CommitComment>(
    "PATCH /repos/{owner}/{repo}/comments/{comment_id}",
    { ...gh.ownerRepo, comment_id: id, body },
    { what: `update commit comment ${id}`, hints: COMMIT_COMMENT_HINTS },
  );
}

export async function deleteCommitComment(gh: GitHubCore, id: number): Promise<void> {
  await gh.call(
    "DELETE /repos/{owner}/{repo}/comments/{comment_id}",
    { ...gh.ownerRepo, comment_id: id },
    { accept: [404], what: `delete commit comment ${id}`, hints: COMMIT_COMMENT_HINTS },
  );
}

function commentOps(gh: GitHubCore, target: CommentTarget) {
  if ("pr" in target) {
    return {
      list: (): Promise<Comment[]> => listIssueComments(gh, target.pr),
      create: (body: string): Promise<Comment> => createIssueComment(gh, target.pr, body),
      update: (id: number, body: string): Promise<Comment> => updateIssueComment(gh, id, body),
      remove: (id: number) => deleteIssueComment(gh, id),
    };
  }
  return {
    list: (): Promise<Comment[]> => listCommitComments(gh, target.commit),
    create: (body: string): Promise<Comment> => createCommitComment(gh, target.commit, body),
    update: (id: number, body: string): Promise<Comment> => updateCommitComment(gh, id, body),
    remove: (id: number) => deleteCommitComment(gh, id),
  };
}

/**
 * One comment per `key` on a pull request or a commit: found by a hidden marker, updated in place, created
 * only when none exists. Duplicates left by two runs racing are folded into the oldest one.
 */
export async function upsertStickyComment(
  gh: GitHubCore,
  opts: { target: CommentTarget; key: string; body: string },
): Promise<StickyResult> {
  const marker = stickyMarker(opts.key);
  const full = fitComment(`${marker}\n${opts.body}`);
  const ops = commentOps(gh, opts.target);
  // Only comments this token wrote: anyone can post a comment that carries the marker, and it must never be
  // edited (its author could rewrite it under the approvers' eyes) nor anyone else's removed.
  const self = (await gh.identity()).toLowerCase();
  const mine = (list: Comment[]) =>
    list
      .filter((c) => (c.user?.login ?? "").toLowerCase() === self)
      .filter((c) => c.body?.startsWith(marker) || c.body?.includes(`\n${marker}`))
      .sort((a, b) => a.id - b.id);

  const existing = mine(await ops.list());
  if (existing.length > 0) {
    const [keep, ...extra] = existing as [Comment, ...Comment[]];
    for (const c of extra) await ops.remove(c.id);
    if (keep.body === full) return { action: "unchanged", comment: keep, removed: extra.length };
    return { action: "updated", comment: await ops.update(keep.id, full), removed: extra.length };
  }
  const created = await ops.create(full);
  // Another run may have created its own at the same moment: keep the oldest, remove the rest.
  const after = mine(await ops.list());
  const oldest = after[0];
  if (!oldest || oldest.id === created.id) {
    for (const c of after.slice(1)) await ops.remove(c.id);
    return { action: "created", comment: created, removed: Math.max(0, after.length - 1) };
  }
  for (const c of after.slice(1)) await ops.remove(c.id);
  return { action: "updated", comment: await ops.update(oldest.id, full), removed: after.length - 1 };
}
