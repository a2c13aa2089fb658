import type { FakeRequest } from "./fake-server.js";
import {
  created,
  type FakeIssue,
  type FakeRepo,
  type FakeRun,
  fail,
  type GitHubApiFake,
  idOf,
  nodeId,
  treeSha,
} from "./github-api.js";

/**
 * The GitHub fake's routes for workflow runs and issues (the status sweep), registered by GitHubApiFake's
 * constructor.
 */

export function workflowRunJson(
  fake: GitHubApiFake,
  repo: FakeRepo,
  r: FakeRun,
  attempt: number = r.attempt ?? 1,
): Record<string, unknown> {
  const startedAt = r.attemptStarts?.[attempt - 1] ?? r.createdAt;
  const api = fake.apiUrl(`/repos/${repo.fullName}/actions/runs/${r.id}`);
  const c = repo.commits.get(r.headSha);
  const workflowId = idOf(`${repo.fullName}:${r.path}`);
  const minimal = fake.repository(repo);
  return {
    id: r.id,
    name: r.name,
    node_id: nodeId("WFR", r.id),
    check_suite_id: r.id + 1,
    check_suite_node_id: nodeId("CS", r.id + 1),
    head_branch: r.headBranch,
    head_sha: r.headSha,
    path: r.path,
    display_title: c?.message.split("\n")[0] ?? r.name,
    run_number: r.runNumber,
    event: r.event,
    status: r.status,
    conclusion: r.conclusion,
    workflow_id: workflowId,
    url: api,
    html_url: `${fake.serverUrl}/${repo.fullName}/actions/runs/${r.id}`,
    pull_requests: [],
    created_at: r.createdAt,
    updated_at: r.createdAt,
    actor: fake.user(r.actor),
    triggering_actor: fake.user(attempt === (r.attempt ?? 1) ? (r.triggeringActor ?? r.actor) : r.actor),
    run_attempt: attempt,
    run_started_at: startedAt,
    jobs_url: `${api}/jobs`,
    logs_url: `${api}/logs`,
    check_suite_url: fake.apiUrl(`/repos/${repo.fullName}/check-suites/${r.id + 1}`),
    artifacts_url: `${api}/artifacts`,
    cancel_url: `${api}/cancel`,
    rerun_url: `${api}/rerun`,
    previous_attempt_url: attempt > 1 ? `${api}/attempts/${attempt - 1}` : null,
    workflow_url: fake.apiUrl(`/repos/${repo.fullName}/actions/workflows/${workflowId}`),
    head_commit: c
      ? {
          id: c.sha,
          tree_id: treeSha(c.sha),
          message: c.message,
          timestamp: c.author.date,
          author: { name: c.author.name, email: c.author.email },
          committer: { name: c.author.name, email: c.author.email },
        }
      : null,
    repository: minimal,
    head_repository: minimal,
  };
}

export function registerWorkflowRunRoutes(fake: GitHubApiFake): void {
  const list = (req: FakeRequest, repo: FakeRepo, path?: string) => {
    const q = req.query;
    const runs = repo.runs
      .filter(
        (r) =>
          (!path || r.path === path) &&
          (!q.get("branch") || r.headBranch === q.get("branch")) &&
          (!q.get("event") || r.event === q.get("event")) &&
          (!q.get("head_sha") || r.headSha === q.get("head_sha")) &&
          (!q.get("status") || r.status === q.get("status") || r.conclusion === q.get("status")),
      )
      .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.id - a.id));
    const page = fake.page(req, runs);
    return {
      ...page,
      body: {
        total_count: runs.length,
        workflow_runs: page.items.map((r) => workflowRunJson(fake, repo, r)),
      },
    };
  };
  fake.on("GET", "/repos/:owner/:repo/actions/runs", (req, { repo }) => list(req, repo));
  fake.on("GET", "/repos/:owner/:repo/actions/workflows/:workflow/runs", (req, { repo }) => {
    const w = req.params.workflow ?? "";
    const path = /^\d+$/.test(w)
      ? repo.runs.find((r) => String(idOf(`${repo.fullName}:${r.path}`)) === w)?.path
      : `.github/workflows/${w}`;
    if (!path || !repo.runs.some((r) => r.path === path))
      fail(404, "Not Found", "actions/workflow-runs#list-workflow-runs-for-a-workflow");
    return list(req, repo, path);
  });
}

export function issueJson(fake: GitHubApiFake, repo: FakeRepo, i: FakeIssue): Record<string, unknown> {
  const api = fake.apiUrl(`/repos/${repo.fullName}/issues/${i.number}`);
  const id = idOf(`${repo.fullName}!${i.number}`);
  return {
    id,
    node_id: nodeId("I", id),
    url: api,
    repository_url: fake.apiUrl(`/repos/${repo.fullName}`),
    labels_url: `${api}/labels{/name}`,
    comments_url: `${api}/comments`,
    events_url: `${api}/events`,
    html_url: `${fake.serverUrl}/${repo.fullName}/issues/${i.number}`,
    number: i.number,
    state: i.state,
    state_reason: i.stateReason,
    title: i.title,
    body: i.body,
    user: fake.user(i.user),
    labels: i.labels.map((name) => ({
      id: idOf(`label:${name}`),
      node_id: nodeId("LA", idOf(`label:${name}`)),
      url: fake.apiUrl(`/repos/${repo.fullName}/labels/${encodeURIComponent(name)}`),
      name,
      description: null,
      color: "d73a4a",
      default: false,
    })),
    assignee: fake.user(i.assignees?.[0]),
    assignees: (i.assignees ?? []).map((a) => fake.user(a)),
    milestone: null,
    locked: false,
    active_lock_reason: null,
    comments: repo.issueComments.filter((c) => c.issue === i.number).length,
    created_at: i.createdAt,
    updated_at: i.updatedAt,
    closed_at: i.closedAt,
    closed_by: fake.user(i.closedBy),
    author_association: "NONE",
    reactions: fake.reactions(`/repos/${repo.fullName}/issues/${i.number}/reactions`),
  };
}

export function registerIssueRoutes(fake: GitHubApiFake): void {
  const doc = "issues/issues";
  fake.on("GET", "/repos/:owner/:repo/issues", (req, { repo }) => {
    const q = req.query;
    const state = q.get("state") ?? "open";
    const labels = (q.get("labels") ?? "")
      .split(",")
      .map((l) => l.trim())
      .filter(Boolean);
    const list = repo.issues
      .filter((i) => (state === "all" || i.state === state) && labels.every((l) => i.labels.includes(l)))
      .sort((a, b) => b.number - a.number);
    const page = fake.page(req, list);
    return { ...page, body: page.items.map((i) => issueJson(fake, repo, i)) };
  });

  fake.on("POST", "/repos/:owner/:repo/issues", (req, ctx) => {
    const d = `${doc}#create-an-issue`;
    fake.requireWrite(ctx, ["issues"], d);
    const body = req.json<{ title?: unknown; body?: unknown; labels?: unknown }>();
    if (typeof body.title !== "string" || !body.title.trim())
      fail(422, "Validation Failed: title is missing", d);
    if (body.body !== undefined && typeof body.body !== "string") fail(422, "Validation Failed: body", d);
    if (((body.body as string | undefined)?.length ?? 0) > 65_536)
      fail(422, "Validation Failed: body is too long (maximum is 65536 characters)", d);
    const labels = Array.isArray(body.labels) ? body.labels.map((l) => String(l)) : [];
    const issue = ctx.repo.issue({
      title: body.title,
      body: (body.body as string) ?? "",
      labels,
      user: ctx.token.login,
    });
    return created(
      issueJson(fake, ctx.repo, issue),
      fake.apiUrl(`/repos/${ctx.repo.fullName}/issues/${issue.number}`),
    );
  });

  fake.on("PATCH", "/repos/:owner/:repo/issues/:number", (req, ctx) => {
    const d = `${doc}#update-an-issue`;
    const issue = ctx.repo.issues.find((i) => String(i.number) === req.params.number);
    if (!issue) fail(404, "Not Found", d);
    fake.requireWrite(ctx, ["issues"], d);
    const body = req.json<{ state?: unknown; state_reason?: unknown; body?: unknown; title?: unknown }>();
    if (body.state !== undefined && body.state !== "open" && body.state !== "closed")
      fail(422, "Validation Failed: state", d);
    const now = fake.timestamp();
    if (body.state === "closed" && issue.state === "open") {
      issue.state = "closed";
      issue.closedAt = now;
      issue.stateReason = body.state_reason === "not_planned" ? "not_planned" : "completed";
      issue.closedBy = ctx.token.login;
    } else if (body.state === "open" && issue.state === "closed") {
      issue.state = "open";
      issue.closedAt = null;
      issue.closedBy = null;
      issue.stateReason = "reopened";
    }
    if (typeof body.body === "string") issue.body = body.body;
    if (typeof body.title === "string") issue.title = body.title;
    issue.updatedAt = now;
    return { body: issueJson(fake, ctx.repo, issue) };
  });
}
