import type { FakeRequest } from "./fake-server.js";
import {
  created,
  type FakeDeploymentStatus,
  type FakeRepo,
  fail,
  type GitHubApiFake,
  idOf,
  nodeId,
} from "./github-api.js";

/**
 * The GitHub fake's routes for commits, compare, trees and pull requests, issue and commit comments, deployments
 * and their statuses, registered by GitHubApiFake's constructor.
 */

export function registerCommitRoutes(fake: GitHubApiFake): void {
  const commitDoc = "commits/commits#get-a-commit";
  fake.on("GET", "/repos/:owner/:repo/commits/:ref", (req, { repo }) => {
    const c = repo.resolve(req.params.ref ?? "");
    if (!c) fail(422, `No commit found for SHA: ${req.params.ref}`, commitDoc);
    return { body: fake.commitJson(repo, c, true) };
  });

  fake.on("GET", "/repos/:owner/:repo/commits", (req, { repo }) => {
    const from = req.query.get("sha") ?? repo.defaultBranch;
    const head = repo.resolve(from);
    if (!head) fail(404, "Not Found", "commits/commits#list-commits");
    const list = [...repo.ancestors(head.sha)]
      .map((s) => repo.commits.get(s)!)
      .sort((a, b) => b.order - a.order);
    const page = fake.page(req, list, { perPage: 30 });
    return { ...page, body: page.items.map((c) => fake.commitJson(repo, c)) };
  });

  fake.on("GET", "/repos/:owner/:repo/git/ref/*", (req, { repo }) => {
    const ref = req.params.rest ?? "";
    const sha = ref.startsWith("heads/")
      ? repo.branches.get(ref.slice(6))
      : ref.startsWith("tags/")
        ? repo.tags.get(ref.slice(5))
        : undefined;
    if (!sha) fail(404, "Not Found", "git/refs#get-a-reference");
    return {
      body: {
        ref: `refs/${ref}`,
        node_id: nodeId("REF", idOf(ref)),
        url: fake.apiUrl(`/repos/${repo.fullName}/git/refs/${ref}`),
        object: { type: "commit", sha, url: fake.apiUrl(`/repos/${repo.fullName}/git/commits/${sha}`) },
      },
    };
  });

  const compareCache = new Map<string, ReturnType<FakeRepo["compare"]>>();
  fake.on("GET", "/repos/:owner/:repo/compare/:basehead", (req, { repo }) => {
    const doc = "commits/commits#compare-two-commits";
    const basehead = req.params.basehead ?? "";
    const idx = basehead.indexOf("...");
    if (idx <= 0) fail(404, "Not Found", doc);
    const baseRef = basehead.slice(0, idx);
    const headRef = basehead.slice(idx + 3);
    const base = repo.resolve(baseRef);
    const head = repo.resolve(headRef);
    if (!base || !head) fail(404, "Not Found", doc);
    const key = `${repo.fullName}:${base.sha}...${head.sha}@${repo.version}`;
    let cmp = compareCache.get(key);
    if (!cmp) {
      cmp = repo.compare(base, head);
      if (compareCache.size > 32) compareCache.clear();
      compareCache.set(key, cmp);
    }
    if (!cmp.mergeBase) fail(404, `No common ancestor between ${baseRef} and ${headRef}.`, doc);
    const { ahead, behind, mergeBase } = cmp;
    const status =
      base.sha === head.sha
        ? "identical"
        : ahead.length && behind.length
          ? "diverged"
          : ahead.length
            ? "ahead"
            : behind.length
              ? "behind"
              : "identical";
    const paged = req.query.has("page") || req.query.has("per_page");
    const perPage = paged ? Math.min(100, Math.max(1, Number(req.query.get("per_page") ?? 30) || 30)) : 250;
    const pageNo = paged ? Math.max(1, Number(req.query.get("page") ?? 1) || 1) : 1;
    const commits = ahead.slice((pageNo - 1) * perPage, pageNo * perPage);
    const last = Math.max(1, Math.ceil(ahead.length / perPage));
    const links: string[] = [];
    const link = (p: number, rel: string) =>
      `<${fake.apiUrl(req.path)}?per_page=${perPage}&page=${p}>; rel="${rel}"`;
    if (paged && pageNo < last) links.push(link(pageNo + 1, "next"), link(last, "last"));
    if (paged && pageNo > 1) links.push(link(1, "first"), link(pageNo - 1, "prev"));
    const html = `${fake.serverUrl}/${repo.fullName}/compare/${baseRef}...${headRef}`;
    const body: Record<string, unknown> = {
      url: fake.apiUrl(`/repos/${repo.fullName}/compare/${baseRef}...${headRef}`),
      html_url: html,
      permalink_url: `${fake.serverUrl}/${repo.fullName}/compare/${repo.owner}:${base.sha}...${repo.owner}:${head.sha}`,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      base_commit: fake.commitJson(repo, base),
      merge_base_commit: fake.commitJson(repo, mergeBase),
      status,
      ahead_by: ahead.length,
      behind_by: behind.length,
      total_commits: ahead.length,
      commits: commits.map((c) => fake.commitJson(repo, c)),
    };
    if (pageNo === 1) body.files = fake.diffEntries(repo, head.sha, ahead);
    const headers: Record<string, string> = links.length ? { link: links.join(", ") } : {};
    return { body, headers };
  });

  fake.on("GET", "/repos/:owner/:repo/commits/:sha/pulls", (req, { repo }) => {
    const c = repo.resolve(req.params.sha ?? "");
    if (!c)
      fail(
        422,
        `No commit found for SHA: ${req.params.sha}`,
        "commits/commits#list-pull-requests-associated-with-a-commit",
      );
    const pulls = repo.pulls
      .filter((p) => p.headSha === c.sha || p.mergeCommitSha === c.sha)
      .sort((a, b) => b.number - a.number);
    const page = fake.page(req, pulls);
    return { ...page, body: page.items.map((p) => fake.pullJson(repo, p)) };
  });
}

export function registerCommentRoutes(fake: GitHubApiFake): void {
  const issueDoc = "issues/comments";
  const findIssue = (repo: FakeRepo, n: string | undefined, doc: string) => {
    const pull =
      repo.pulls.find((p) => String(p.number) === n) ?? repo.issues.find((i) => String(i.number) === n);
    if (!pull) fail(404, "Not Found", doc);
    return pull;
  };

  fake.on("GET", "/repos/:owner/:repo/issues/:number/comments", (req, { repo }) => {
    const pull = findIssue(repo, req.params.number, `${issueDoc}#list-issue-comments`);
    const list = repo.issueComments.filter((c) => c.issue === pull.number).sort((a, b) => a.id - b.id);
    const page = fake.page(req, list);
    return { ...page, body: page.items.map((c) => fake.issueCommentJson(repo, c)) };
  });

  fake.on("POST", "/repos/:owner/:repo/issues/:number/comments", (req, ctx) => {
    const doc = `${issueDoc}#create-an-issue-comment`;
    const pull = findIssue(ctx.repo, req.params.number, doc);
    fake.requireWrite(ctx, ["pull-requests", "issues"], doc);
    const body = commentBody(req, doc);
    const c = ctx.repo.addComment({ issue: pull.number }, ctx.token.login, body);
    return created(
      fake.issueCommentJson(ctx.repo, c),
      fake.apiUrl(`/repos/${ctx.repo.fullName}/issues/comments/${c.id}`),
    );
  });

  fake.on("PATCH", "/repos/:owner/:repo/issues/comments/:id", (req, ctx) => {
    const doc = `${issueDoc}#update-an-issue-comment`;
    const c = ctx.repo.issueComments.find((x) => String(x.id) === req.params.id);
    if (!c) fail(404, "Not Found", doc);
    fake.requireWrite(ctx, ["pull-requests", "issues"], doc);
    c.body = commentBody(req, doc);
    c.updatedAt = fake.timestamp();
    return { body: fake.issueCommentJson(ctx.repo, c) };
  });

  fake.on("DELETE", "/repos/:owner/:repo/issues/comments/:id", (req, ctx) => {
    const doc = `${issueDoc}#delete-an-issue-comment`;
    const i = ctx.repo.issueComments.findIndex((x) => String(x.id) === req.params.id);
    if (i < 0) fail(404, "Not Found", doc);
    fake.requireWrite(ctx, ["pull-requests", "issues"], doc);
    ctx.repo.issueComments.splice(i, 1);
    return { status: 204 };
  });

  const commitDoc = "commits/comments";
  fake.on("GET", "/repos/:owner/:repo/commits/:sha/comments", (req, { repo }) => {
    const c = repo.resolve(req.params.sha ?? "");
    const list = c ? repo.commitComments.filter((x) => x.commit === c.sha).sort((a, b) => a.id - b.id) : [];
    const page = fake.page(req, list);
    return { ...page, body: page.items.map((x) => fake.commitCommentJson(repo, x)) };
  });

  fake.on("POST", "/repos/:owner/:repo/commits/:sha/comments", (req, ctx) => {
    const doc = `${commitDoc}#create-a-commit-comment`;
    const commit = ctx.repo.resolve(req.params.sha ?? "");
    if (!commit) fail(422, `No commit found for SHA: ${req.params.sha}`, doc);
    fake.requireWrite(ctx, ["contents"], doc);
    const body = commentBody(req, doc);
    const c = ctx.repo.addComment({ commit: commit.sha }, ctx.token.login, body);
    return created(
      fake.commitCommentJson(ctx.repo, c),
      fake.apiUrl(`/repos/${ctx.repo.fullName}/comments/${c.id}`),
    );
  });

  fake.on("PATCH", "/repos/:owner/:repo/comments/:id", (req, ctx) => {
    const doc = `${commitDoc}#update-a-commit-comment`;
    const c = ctx.repo.commitComments.find((x) => String(x.id) === req.params.id);
    if (!c) fail(404, "Not Found", doc);
    fake.requireWrite(ctx, ["contents"], doc);
    c.body = commentBody(req, doc);
    c.updatedAt = fake.timestamp();
    return { body: fake.commitCommentJson(ctx.repo, c) };
  });

  fake.on("DELETE", "/repos/:owner/:repo/comments/:id", (req, ctx) => {
    const doc = `${commitDoc}#delete-a-commit-comment`;
    const i = ctx.repo.commitComments.findIndex((x) => String(x.id) === req.params.id);
    if (i < 0) fail(404, "Not Found", doc);
    fake.requireWrite(ctx, ["contents"], doc);
    ctx.repo.commitComments.splice(i, 1);
    return { status: 204 };
  });
}

function commentBody(req: FakeRequest, doc: string): string {
  const body = req.json<{ body?: unknown }>().body;
  if (typeof body !== "string" || !body) fail(422, "Validation Failed: body is missing", doc);
  if (body.length > 65_536)
    fail(422, "Validation Failed: body is too long (maximum is 65536 characters)", doc);
  return body;
}

const STATES = ["error", "failure", "inactive", "in_progress", "queued", "pending", "success"];

export function registerDeploymentRoutes(fake: GitHubApiFake): void {
  const doc = "deployments/deployments";
  const statusDoc = "deployments/statuses";
  const find = (repo: FakeRepo, id: string | undefined, d: string) => {
    const dep = repo.deployments.find((x) => String(x.id) === id);
    if (!dep) fail(404, "Not Found", d);
    return dep;
  };

  fake.on("GET", "/repos/:owner/:repo/deployments", (req, { repo }) => {
    const q = req.query;
    const list = repo.deployments
      .filter(
        (d) =>
          (!q.get("sha") || d.sha === q.get("sha")) &&
          (!q.get("ref") || d.ref === q.get("ref")) &&
          (!q.get("task") || d.task === q.get("task")) &&
          (!q.get("environment") || d.environment === q.get("environment")),
      )
      .sort((a, b) => b.id - a.id);
    const page = fake.page(req, list);
    return { ...page, body: page.items.map((d) => fake.deploymentJson(repo, d)) };
  });

  fake.on("GET", "/repos/:owner/:repo/deployments/:id", (req, { repo }) => ({
    body: fake.deploymentJson(repo, find(repo, req.params.id, `${doc}#get-a-deployment`)),
  }));

  fake.on("POST", "/repos/:owner/:repo/deployments", (req, ctx) => {
    const d = `${doc}#create-a-deployment`;
    fake.requireWrite(ctx, ["deployments"], d);
    const body = req.json<Record<string, unknown>>();
    const ref = typeof body.ref === "string" ? body.ref : "";
    const commit = ctx.repo.resolve(ref);
    if (!commit) fail(422, `No ref found for: ${ref}`, d);
    const dep = ctx.repo.deployment({
      sha: commit.sha,
      ref,
      environment: typeof body.environment === "string" ? body.environment : "production",
      task: typeof body.task === "string" ? body.task : "deploy",
      description: typeof body.description === "string" ? body.description : null,
      payload: (body.payload as Record<string, unknown> | string | undefined) ?? {},
      creator: ctx.token.login,
      productionEnvironment: body.production_environment === true,
      transientEnvironment: body.transient_environment === true,
    });
    return created(
      fake.deploymentJson(ctx.repo, dep),
      fake.apiUrl(`/repos/${ctx.repo.fullName}/deployments/${dep.id}`),
    );
  });

  fake.on("GET", "/repos/:owner/:repo/deployments/:id/statuses", (req, { repo }) => {
    const dep = find(repo, req.params.id, `${statusDoc}#list-deployment-statuses`);
    const list = [...dep.statuses].sort((a, b) => b.id - a.id);
    const page = fake.page(req, list);
    return { ...page, body: page.items.map((s) => fake.deploymentStatusJson(repo, dep, s)) };
  });

  fake.on("POST", "/repos/:owner/:repo/deployments/:id/statuses", (req, ctx) => {
    const d = `${statusDoc}#create-a-deployment-status`;
    const dep = find(ctx.repo, req.params.id, d);
    fake.requireWrite(ctx, ["deployments"], d);
    const body = req.json<Record<string, unknown>>();
    const state = String(body.state ?? "");
    if (!STATES.includes(state)) fail(422, `Validation Failed: state '${state}' is not valid`, d);
    const description = typeof body.description === "string" ? body.description : "";
    if (description.length > 140)
      fail(422, "Validation Failed: description is too long (maximum is 140 characters)", d);
    const now = fake.timestamp();
    const status: FakeDeploymentStatus = {
      id: fake.nextId(),
      state,
      description,
      environment: typeof body.environment === "string" ? body.environment : dep.environment,
      environmentUrl: typeof body.environment_url === "string" ? body.environment_url : "",
      logUrl:
        typeof body.log_url === "string"
          ? body.log_url
          : typeof body.target_url === "string"
            ? body.target_url
            : "",
      creator: ctx.token.login,
      createdAt: now,
    };
    dep.statuses.push(status);
    // GitHub marks earlier non-transient deployments of the environment inactive after a success.
    if (state === "success" && body.auto_inactive !== false) {
      for (const other of ctx.repo.deployments) {
        if (other === dep || other.environment !== dep.environment || other.transientEnvironment) continue;
        if (other.statuses.at(-1)?.state === "success")
          other.statuses.push({ ...status, id: fake.nextId(), state: "inactive", description: "" });
      }
    }
    return created(
      fake.deploymentStatusJson(ctx.repo, dep, status),
      fake.apiUrl(`/repos/${ctx.repo.fullName}/deployments/${dep.id}/statuses/${status.id}`),
    );
  });
}
