import {
  ACTIONS_BOT,
  created,
  type FakeRepo,
  fail,
  type GitHubApiFake,
  idOf,
  nodeId,
  type RouteContext,
} from "./github-api.js";
import { issueJson } from "./github-issues-fake.js";

/**
 * The GitHub fake's routes for teams and members, environments, run approvals and users (the gates and `prodgate
 * env setup`), registered by GitHubApiFake's constructor.
 */

const teamStates = new WeakMap<GitHubApiFake, Map<string, string[]>>();

/** "org/slug" (lower case) → member logins. */
export function teamsOf(fake: GitHubApiFake): Map<string, string[]> {
  let teams = teamStates.get(fake);
  if (!teams) {
    teams = new Map();
    teamStates.set(fake, teams);
  }
  return teams;
}

export function registerApprovalGateRoutes(fake: GitHubApiFake): void {
  fake.on("GET", "/orgs/:org/teams/:team_slug/members", (req, ctx) => {
    const doc = "teams/members#list-team-members";
    // The GITHUB_TOKEN of a run has no organization permissions: GitHub answers it 403.
    if (ctx.token.login === ACTIONS_BOT) fail(403, "Resource not accessible by integration", doc);
    const members = teamsOf(fake).get(`${req.params.org}/${req.params.team_slug}`.toLowerCase());
    if (!members) fail(404, "Not Found", doc);
    const page = fake.page(req, members);
    return { ...page, body: page.items.map((login) => fake.user(login)) };
  });

  fake.on("GET", "/repos/:owner/:repo/issues/:number", (req, { repo }) => {
    const issue = repo.issues.find((i) => String(i.number) === req.params.number);
    if (!issue) fail(404, "Not Found", "issues/issues#get-an-issue");
    return { body: issueJson(fake, repo, issue) };
  });

  fake.on("POST", "/repos/:owner/:repo/issues/:number/assignees", (req, ctx) => {
    const doc = "issues/assignees#add-assignees-to-an-issue";
    const issue = ctx.repo.issues.find((i) => String(i.number) === req.params.number);
    if (!issue) fail(404, "Not Found", doc);
    fake.requireWrite(ctx, ["issues"], doc);
    const body = req.json<{ assignees?: unknown }>();
    if (body.assignees !== undefined && !Array.isArray(body.assignees))
      fail(422, "Validation Failed: assignees must be an array", doc);
    const current = issue.assignees ?? [];
    for (const login of (body.assignees as unknown[] | undefined) ?? []) {
      const name = String(login);
      if (current.length < 10 && !current.some((a) => a.toLowerCase() === name.toLowerCase()))
        current.push(name);
    }
    issue.assignees = current;
    issue.updatedAt = fake.timestamp();
    return created(
      issueJson(fake, ctx.repo, issue),
      fake.apiUrl(`/repos/${ctx.repo.fullName}/issues/${issue.number}`),
    );
  });
}

// ---- environments, run approvals, users and teams (the environment gate and `prodgate env setup`) ----

/** A reviewer of an environment: a user by login, or a team (see GitHubApiFake.team) as org/slug. */
export type FakeReviewer = { type: "User"; login: string } | { type: "Team"; org: string; slug: string };

export interface FakeEnvironment {
  id: number;
  name: string;
  createdAt: string;
  updatedAt: string;
  reviewers: FakeReviewer[];
  preventSelfReview: boolean;
  /** Minutes. */
  waitTimer: number;
  branchPolicy: { protected_branches: boolean; custom_branch_policies: boolean } | null;
  branchPolicies: { id: number; name: string; type: "branch" | "tag" }[];
}

/** A review of a run's environments, as a reviewer clicking Approve or Reject in the run's page makes it. */
export interface FakeApproval {
  runId: number;
  environments: string[];
  state: "approved" | "rejected";
  login: string;
  comment: string;
}

export interface FakeEnvironmentState {
  /** Lower-cased name → environment (GitHub's environment names are case-insensitive). */
  environments: Map<string, FakeEnvironment>;
  approvals: FakeApproval[];
}

const environmentStates = new WeakMap<FakeRepo, FakeEnvironmentState>();

/** The environments and run reviews of a fake repository. */
export function environmentState(repo: FakeRepo): FakeEnvironmentState {
  let state = environmentStates.get(repo);
  if (!state) {
    state = { environments: new Map(), approvals: [] };
    environmentStates.set(repo, state);
  }
  return state;
}

const missingUserSets = new WeakMap<GitHubApiFake, Set<string>>();

/** Logins GET /users/{username} answers 404 for (every other login exists). Lower case. */
export function missingUsers(fake: GitHubApiFake): Set<string> {
  let set = missingUserSets.get(fake);
  if (!set) {
    set = new Set();
    missingUserSets.set(fake, set);
  }
  return set;
}

function parseFakeReviewer(text: string): FakeReviewer {
  const team = /^@([^/]+)\/(.+)$/.exec(text);
  return team
    ? { type: "Team", org: team[1]!, slug: team[2]! }
    : { type: "User", login: text.replace(/^@/, "") };
}

/**
 * Creates (or replaces) an environment of `repo`: `reviewers` as logins or `@org/slug` teams, as a person
 * would set them up in Settings → Environments.
 */
export function fakeEnvironment(
  repo: FakeRepo,
  name: string,
  opts: { reviewers?: string[]; preventSelfReview?: boolean; waitTimer?: number; branches?: string[] } = {},
): FakeEnvironment {
  const now = repo.fake.timestamp();
  const env: FakeEnvironment = {
    id: repo.fake.nextId(),
    name,
    createdAt: now,
    updatedAt: now,
    reviewers: (opts.reviewers ?? []).map(parseFakeReviewer),
    preventSelfReview: opts.preventSelfReview ?? false,
    waitTimer: opts.waitTimer ?? 0,
    branchPolicy: opts.branches ? { protected_branches: false, custom_branch_policies: true } : null,
    branchPolicies: (opts.branches ?? []).map((b) => ({ id: repo.fake.nextId(), name: b, type: "branch" })),
  };
  environmentState(repo).environments.set(name.toLowerCase(), env);
  return env;
}

/** Records a reviewer's decision on run `runId` for `environment` (the run is created when missing). */
export function reviewRun(
  repo: FakeRepo,
  runId: number,
  environment: string,
  login: string,
  opts: { state?: "approved" | "rejected"; comment?: string; headSha?: string } = {},
): FakeApproval {
  if (!repo.runs.some((r) => r.id === runId))
    repo.run({
      id: runId,
      workflow: "deploy.yml",
      headSha: opts.headSha ?? repo.branches.get(repo.defaultBranch) ?? "0".repeat(40),
      event: "workflow_dispatch",
      status: "in_progress",
    });
  const approval: FakeApproval = {
    runId,
    environments: [environment],
    state: opts.state ?? "approved",
    login,
    comment: opts.comment ?? "",
  };
  environmentState(repo).approvals.push(approval);
  return approval;
}

/** Mirrors commits of a real git repository (oldest first) into the fake, SHAs kept; `branch` moves to the last. */
export function importCommits(
  repo: FakeRepo,
  commits: { sha: string; parents: string[]; message: string; author?: string; date?: string }[],
  branch: string | undefined = repo.defaultBranch,
): void {
  let order = [...repo.commits.values()].reduce((m, c) => Math.max(m, c.order), 0);
  for (const c of commits) {
    if (repo.commits.has(c.sha)) continue;
    const login = c.author ?? "alice";
    repo.commits.set(c.sha, {
      sha: c.sha,
      parents: c.parents.filter((p) => repo.commits.has(p)),
      message: c.message,
      author: {
        name: login,
        email: `${login}@users.noreply.github.com`,
        date: c.date ?? new Date(Date.parse("2026-01-01T00:00:00Z") + ++order * 60_000).toISOString(),
        login,
      },
      files: [{ filename: "app.txt", additions: 1, deletions: 1 }],
      order: ++order,
    });
  }
  const last = commits.at(-1);
  if (branch && last) repo.branches.set(branch, last.sha);
  repo.version++;
}

function environmentJson(fake: GitHubApiFake, repo: FakeRepo, e: FakeEnvironment): Record<string, unknown> {
  const rules: Record<string, unknown>[] = [];
  const rule = (type: string, extra: Record<string, unknown>) => {
    const id = idOf(`${repo.fullName}:${e.name}:${type}`);
    rules.push({ id, node_id: nodeId("GA", id), type, ...extra });
  };
  if (e.waitTimer > 0) rule("wait_timer", { wait_timer: e.waitTimer });
  if (e.reviewers.length)
    rule("required_reviewers", {
      prevent_self_review: e.preventSelfReview,
      reviewers: e.reviewers.map((r) =>
        r.type === "User"
          ? { type: "User", reviewer: fake.user(r.login) }
          : { type: "Team", reviewer: teamJson(fake, r.org, r.slug) },
      ),
    });
  if (e.branchPolicy) rule("branch_policy", {});
  return {
    id: e.id,
    node_id: nodeId("EN", e.id),
    name: e.name,
    url: fake.apiUrl(`/repos/${repo.fullName}/environments/${encodeURIComponent(e.name)}`),
    html_url: `${fake.serverUrl}/${repo.fullName}/deployments/activity_log?environments_filter=${encodeURIComponent(e.name)}`,
    created_at: e.createdAt,
    updated_at: e.updatedAt,
    protection_rules: rules,
    deployment_branch_policy: e.branchPolicy,
  };
}

function teamId(org: string, slug: string): number {
  return idOf(`team:${org.toLowerCase()}/${slug.toLowerCase()}`);
}

function teamJson(fake: GitHubApiFake, org: string, slug: string): Record<string, unknown> {
  const id = teamId(org, slug);
  const api = fake.apiUrl(`/organizations/${idOf(`org:${org.toLowerCase()}`)}/team/${id}`);
  return {
    id,
    node_id: nodeId("T", id),
    url: api,
    html_url: `${fake.serverUrl}/orgs/${org}/teams/${slug}`,
    name: slug,
    slug,
    description: null,
    privacy: "closed",
    notification_setting: "notifications_enabled",
    permission: "pull",
    members_url: `${api}/members{/member}`,
    repositories_url: `${api}/repos`,
    parent: null,
    type: "organization",
  };
}

export function registerEnvironmentRoutes(fake: GitHubApiFake): void {
  const envDoc = "deployments/environments";
  const policyDoc = "deployments/branch-policies";
  const findEnv = (repo: FakeRepo, name: string | undefined, doc: string) => {
    const env = environmentState(repo).environments.get((name ?? "").toLowerCase());
    if (!env) fail(404, "Not Found", doc);
    return env;
  };
  // Only a repository administrator configures environments: never a run's GITHUB_TOKEN.
  const requireAdmin = (ctx: RouteContext, doc: string) => {
    if (ctx.token.login === ACTIONS_BOT) fail(403, "Resource not accessible by integration", doc);
    fake.requireWrite(ctx, ["environments"], doc);
  };

  fake.on("GET", "/repos/:owner/:repo/environments/:env", (req, { repo }) => ({
    body: environmentJson(fake, repo, findEnv(repo, req.params.env, `${envDoc}#get-an-environment`)),
  }));

  fake.on("PUT", "/repos/:owner/:repo/environments/:env", (req, ctx) => {
    const doc = `${envDoc}#create-or-update-an-environment`;
    requireAdmin(ctx, doc);
    const body = req.body.trim() ? req.json<Record<string, unknown>>() : {};
    const reviewers: FakeReviewer[] = [];
    if (body.reviewers !== undefined && body.reviewers !== null) {
      if (!Array.isArray(body.reviewers)) fail(422, "Validation Failed: reviewers must be an array", doc);
      if (body.reviewers.length > 6) fail(422, "Validation Failed: at most 6 reviewers", doc);
      for (const r of body.reviewers as { type?: unknown; id?: unknown }[]) {
        const id = Number(r?.id);
        const found =
          r?.type === "User"
            ? knownUsers(fake).get(id)
            : r?.type === "Team"
              ? [...teamsOf(fake).keys()].find((k) => teamId(k.split("/")[0]!, k.split("/")[1]!) === id)
              : undefined;
        if (!found) fail(422, `Validation Failed: reviewer ${String(r?.type)} ${id} not found`, doc);
        if (r.type === "User") reviewers.push({ type: "User", login: found });
        else reviewers.push({ type: "Team", org: found.split("/")[0]!, slug: found.split("/")[1]! });
      }
    }
    const timer = body.wait_timer === undefined ? 0 : Number(body.wait_timer);
    if (!Number.isInteger(timer) || timer < 0 || timer > 43_200)
      fail(422, "Validation Failed: wait_timer must be from 0 to 43200", doc);
    const policy = body.deployment_branch_policy as
      | { protected_branches?: unknown; custom_branch_policies?: unknown }
      | null
      | undefined;
    if (policy && (policy.protected_branches === true) === (policy.custom_branch_policies === true))
      fail(
        422,
        "Validation Failed: exactly one of protected_branches and custom_branch_policies must be true",
        doc,
      );
    const state = environmentState(ctx.repo);
    const name = req.params.env ?? "";
    const existing = state.environments.get(name.toLowerCase());
    const now = fake.timestamp();
    const env: FakeEnvironment = existing ?? {
      id: fake.nextId(),
      name,
      createdAt: now,
      updatedAt: now,
      reviewers: [],
      preventSelfReview: false,
      waitTimer: 0,
      branchPolicy: null,
      branchPolicies: [],
    };
    env.reviewers = reviewers;
    env.preventSelfReview = body.prevent_self_review === true;
    env.waitTimer = timer;
    env.branchPolicy = policy
      ? {
          protected_branches: policy.protected_branches === true,
          custom_branch_policies: policy.custom_branch_policies === true,
        }
      : null;
    if (!env.branchPolicy?.custom_branch_policies) env.branchPolicies = [];
    env.updatedAt = now;
    state.environments.set(name.toLowerCase(), env);
    return { body: environmentJson(fake, ctx.repo, env) };
  });

  fake.on("GET", "/repos/:owner/:repo/environments/:env/deployment-branch-policies", (req, { repo }) => {
    const env = findEnv(repo, req.params.env, `${policyDoc}#list-deployment-branch-policies`);
    const page = fake.page(req, env.branchPolicies);
    return {
      ...page,
      body: {
        total_count: env.branchPolicies.length,
        branch_policies: page.items.map((p) => ({ ...p, node_id: nodeId("GBP", p.id) })),
      },
    };
  });

  fake.on("POST", "/repos/:owner/:repo/environments/:env/deployment-branch-policies", (req, ctx) => {
    const doc = `${policyDoc}#create-a-deployment-branch-policy`;
    const env = findEnv(ctx.repo, req.params.env, doc);
    requireAdmin(ctx, doc);
    if (!env.branchPolicy?.custom_branch_policies) fail(404, "Not Found", doc);
    const body = req.json<{ name?: unknown; type?: unknown }>();
    if (typeof body.name !== "string" || !body.name) fail(422, "Validation Failed: name", doc);
    const type = body.type === "tag" ? "tag" : "branch";
    if (env.branchPolicies.some((p) => p.name === body.name && p.type === type)) return { status: 303 };
    const policy = { id: fake.nextId(), name: body.name, type } as const;
    env.branchPolicies.push(policy);
    return { status: 200, body: { ...policy, node_id: nodeId("GBP", policy.id) } };
  });

  fake.on("DELETE", "/repos/:owner/:repo/environments/:env/deployment-branch-policies/:id", (req, ctx) => {
    const doc = `${policyDoc}#delete-a-deployment-branch-policy`;
    const env = findEnv(ctx.repo, req.params.env, doc);
    requireAdmin(ctx, doc);
    const before = env.branchPolicies.length;
    env.branchPolicies = env.branchPolicies.filter((p) => String(p.id) !== req.params.id);
    if (env.branchPolicies.length === before) fail(404, "Not Found", doc);
    return { status: 204 };
  });

  fake.on("GET", "/repos/:owner/:repo/actions/runs/:run_id/approvals", (req, { repo }) => {
    const run = repo.runs.find((r) => String(r.id) === req.params.run_id);
    if (!run) fail(404, "Not Found", "actions/workflow-runs#get-the-review-history-for-a-workflow-run");
    const state = environmentState(repo);
    return {
      body: state.approvals
        .filter((a) => a.runId === run.id)
        .map((a) => ({
          environments: a.environments.map((name) => {
            const e = state.environments.get(name.toLowerCase());
            const id = e?.id ?? idOf(`${repo.fullName}:env:${name}`);
            return {
              id,
              node_id: nodeId("EN", id),
              name: e?.name ?? name,
              url: fake.apiUrl(`/repos/${repo.fullName}/environments/${encodeURIComponent(name)}`),
              html_url: `${fake.serverUrl}/${repo.fullName}/deployments/activity_log?environments_filter=${encodeURIComponent(name)}`,
              created_at: e?.createdAt ?? run.createdAt,
              updated_at: e?.updatedAt ?? run.createdAt,
            };
          }),
          state: a.state,
          user: fake.user(a.login),
          comment: a.comment,
        })),
    };
  });

  fake.on("GET", "/users/:username", (req) => {
    const login = req.params.username ?? "";
    if (missingUsers(fake).has(login.toLowerCase())) fail(404, "Not Found", "users/users#get-a-user");
    const user = fake.user(login)!;
    knownUsers(fake).set(user.id as number, login);
    return {
      body: {
        ...user,
        name: login,
        company: null,
        blog: "",
        location: null,
        email: null,
        hireable: null,
        bio: null,
        twitter_username: null,
        public_repos: 1,
        public_gists: 0,
        followers: 0,
        following: 0,
        created_at: "2020-01-01T00:00:00Z",
        updated_at: "2026-01-01T00:00:00Z",
      },
    };
  });

  fake.on("GET", "/orgs/:org/teams/:team_slug", (req) => {
    const org = req.params.org ?? "";
    const slug = req.params.team_slug ?? "";
    if (!teamsOf(fake).has(`${org}/${slug}`.toLowerCase()))
      fail(404, "Not Found", "teams/teams#get-a-team-by-name");
    const team = teamJson(fake, org, slug);
    const orgId = idOf(`org:${org.toLowerCase()}`);
    const orgApi = fake.apiUrl(`/orgs/${org}`);
    return {
      body: {
        ...team,
        members_count: teamsOf(fake).get(`${org}/${slug}`.toLowerCase())?.length ?? 0,
        repos_count: 1,
        created_at: "2020-01-01T00:00:00Z",
        updated_at: "2026-01-01T00:00:00Z",
        organization: {
          login: org,
          id: orgId,
          node_id: nodeId("O", orgId),
          url: orgApi,
          repos_url: `${orgApi}/repos`,
          events_url: `${orgApi}/events`,
          hooks_url: `${orgApi}/hooks`,
          issues_url: `${orgApi}/issues`,
          members_url: `${orgApi}/members{/member}`,
          public_members_url: `${orgApi}/public_members{/member}`,
          avatar_url: `https://avatars.githubusercontent.com/u/${orgId}?v=4`,
          description: null,
          html_url: `${fake.serverUrl}/${org}`,
          has_organization_projects: true,
          has_repository_projects: true,
          public_repos: 1,
          public_gists: 0,
          followers: 0,
          following: 0,
          type: "Organization",
          created_at: "2020-01-01T00:00:00Z",
          updated_at: "2026-01-01T00:00:00Z",
          archived_at: null,
        },
      },
    };
  });
}

const knownUserMaps = new WeakMap<GitHubApiFake, Map<number, string>>();

/** User id → login of every user looked up so far (a PUT of reviewers names them by id). */
function knownUsers(fake: GitHubApiFake): Map<number, string> {
  let map = knownUserMaps.get(fake);
  if (!map) {
    map = new Map();
    knownUserMaps.set(fake, map);
  }
  return map;
}
