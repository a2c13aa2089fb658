import { createHash } from "node:crypto";
import {
  ACTIONS_BOT,
  type FakeComment,
  type FakeRepo,
  fail,
  type GitHubApiFake,
  workflowRunJson,
} from "./github-api.js";

/**
 * What the GitHub fake serves for the gate's own checks, as GitHub does: the token's identity (GET /user; the
 * Actions GITHUB_TOKEN, an installation token, is refused there), a repository with its default branch,
 * files through the contents API (the deploy policy is read from the default branch), and run attempts.
 * Plus the acts of people with write access that the attack tests play: editing someone else's comment.
 */

const filesOf = new WeakMap<FakeRepo, Map<string, Map<string, string>>>();

/** The files of `repo` on `branch` (path → text); created empty. */
export function repoFiles(repo: FakeRepo, branch: string = repo.defaultBranch): Map<string, string> {
  let byBranch = filesOf.get(repo);
  if (!byBranch) {
    byBranch = new Map();
    filesOf.set(repo, byBranch);
  }
  let files = byBranch.get(branch);
  if (!files) {
    files = new Map();
    byBranch.set(branch, files);
  }
  return files;
}

/** Commits `text` at `path` on `branch` (the default branch unless given), as a push would. */
export function putRepoFile(repo: FakeRepo, path: string, text: string, branch?: string): void {
  repoFiles(repo, branch).set(path.replace(/^\/+/, ""), text);
}

/** Someone with write access edits a comment (theirs or anyone's): GitHub moves its updated_at. */
export function editComment(repo: FakeRepo, id: number, body: string): FakeComment {
  const c = [...repo.issueComments, ...repo.commitComments].find((x) => x.id === id);
  if (!c) throw new Error(`fake github: ${repo.fullName} has no comment ${id}`);
  c.body = body;
  c.updatedAt = repo.fake.timestamp();
  return c;
}

/** Someone with write access deletes a comment. */
export function deleteComment(repo: FakeRepo, id: number): void {
  const i = repo.issueComments.findIndex((x) => x.id === id);
  if (i >= 0) repo.issueComments.splice(i, 1);
}

/** Re-runs workflow run `runId` as `by` (Re-run jobs): a new attempt starts now. Returns its number. */
export function rerun(repo: FakeRepo, runId: number, by: string): number {
  const run = repo.runs.find((r) => r.id === runId);
  if (!run) throw new Error(`fake github: ${repo.fullName} has no run ${runId}`);
  run.attemptStarts ??= [run.createdAt];
  run.attempt = (run.attempt ?? 1) + 1;
  run.attemptStarts.push(repo.fake.timestamp());
  run.triggeringActor = by;
  run.status = "in_progress";
  return run.attempt;
}

function blobSha(text: string): string {
  return createHash("sha1")
    .update(`blob ${Buffer.byteLength(text)}\0${text}`)
    .digest("hex");
}

export function registerGateRoutes(fake: GitHubApiFake): void {
  fake.on("GET", "/user", (_req, ctx) => {
    // An installation token (GITHUB_TOKEN) has no user: GitHub answers 403 here.
    if (ctx.token.login === ACTIONS_BOT)
      fail(403, "Resource not accessible by integration", "users/users#get-the-authenticated-user");
    return {
      body: { ...fake.user(ctx.token.login), name: null, email: null, created_at: "2020-01-01T00:00:00Z" },
    };
  });

  fake.on("GET", "/repos/:owner/:repo", (_req, { repo }) => ({ body: fake.repository(repo) }));

  fake.on("GET", "/repos/:owner/:repo/contents/*", (req, { repo }) => {
    const doc = "repos/contents#get-repository-content";
    const path = (req.params.rest ?? "").replace(/^\/+/, "");
    const ref = req.query.get("ref") || repo.defaultBranch;
    const branch = repo.branches.has(ref)
      ? ref
      : [...repo.branches.entries()].find(([, sha]) => sha === ref)?.[0];
    if (!branch) fail(404, `No commit found for the ref ${ref}`, doc);
    const text = repoFiles(repo, branch).get(path);
    if (text === undefined) fail(404, "Not Found", doc);
    const sha = blobSha(text);
    const api = fake.apiUrl(`/repos/${repo.fullName}/contents/${path}?ref=${encodeURIComponent(branch)}`);
    const html = `${fake.serverUrl}/${repo.fullName}/blob/${branch}/${path}`;
    const git = fake.apiUrl(`/repos/${repo.fullName}/git/blobs/${sha}`);
    return {
      body: {
        type: "file",
        encoding: "base64",
        size: Buffer.byteLength(text),
        name: path.split("/").pop(),
        path,
        content: Buffer.from(text)
          .toString("base64")
          .replace(/(.{60})/g, "$1\n"),
        sha,
        url: api,
        git_url: git,
        html_url: html,
        download_url: `${fake.serverUrl}/${repo.fullName}/raw/${branch}/${path}`,
        _links: { self: api, git, html },
      },
    };
  });

  fake.on("GET", "/repos/:owner/:repo/actions/runs/:run_id/attempts/:attempt", (req, { repo }) => {
    const run = repo.runs.find((r) => String(r.id) === req.params.run_id);
    const attempt = Number(req.params.attempt);
    if (!run || !Number.isInteger(attempt) || attempt < 1 || attempt > (run.attempt ?? 1))
      fail(404, "Not Found", "actions/workflow-runs#get-a-workflow-run-attempt");
    return { body: workflowRunJson(fake, repo, run, attempt) };
  });
}
