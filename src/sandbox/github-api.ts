import { createHash } from "node:crypto";
import { conditional, type FakeReply, type FakeRequest, FakeServer } from "./fake-server.js";
import { registerActionsSecretRoutes } from "./github-actions-fake.js";
import {
  registerApprovalGateRoutes,
  registerEnvironmentRoutes,
  teamsOf,
} from "./github-environments-fake.js";
import { registerGateRoutes } from "./github-gate-fake.js";
import { registerCommentRoutes, registerCommitRoutes, registerDeploymentRoutes } from "./github-git-fake.js";
import { registerIssueRoutes, registerWorkflowRunRoutes } from "./github-issues-fake.js";
import {
  ACTIONS_BOT,
  type FakeComment,
  type FakeCommit,
  type FakeDeployment,
  type FakeDeploymentStatus,
  type FakePull,
  FakeRepo,
  type FakeToken,
  type Permission,
  type Scope,
  type ServedResponse,
} from "./github-repo-fake.js";
import { registerSecretWriteRoutes } from "./github-secrets-fake.js";
import { enforceGitHubRateLimits, type GitHubBudgets, type GitHubRateLimitOptions } from "./rate-budget.js";

/**
 * A loopback stand-in for the GitHub REST API with a seedable in-memory model: repositories with a commit
 * graph, branches and tags, pull requests, issue and commit comments, deployments and their statuses. It
 * answers in GitHub's shapes (a test checks every answer against GitHub's OpenAPI description), pages with
 * Link headers as GitHub does, checks the bearer token and the token's permissions, and sits on FakeServer
 * so that faults (5xx, resets, hangs, rate limits) can be injected.
 *
 * Later areas add a `register<Area>Routes(fake)` function and model fields; every route goes through `on`,
 * which checks the token and records the answer in `served`.
 */

// The model's helpers that live beside their routes, for tests and the sandbox.
export {
  actionsState,
  type FakeActionsSecret,
  type FakeActionsState,
  type FakeDispatch,
} from "./github-actions-fake.js";
export {
  environmentState,
  type FakeApproval,
  type FakeEnvironment,
  type FakeEnvironmentState,
  type FakeReviewer,
  fakeEnvironment,
  importCommits,
  missingUsers,
  reviewRun,
  teamsOf,
} from "./github-environments-fake.js";
export { workflowRunJson } from "./github-issues-fake.js";

export {
  ACTIONS_BOT,
  type FakeComment,
  type FakeCommit,
  type FakeDeployment,
  type FakeDeploymentStatus,
  type FakeFile,
  type FakeIssue,
  type FakePull,
  FakeRepo,
  type FakeRun,
  type FakeToken,
  type Permission,
  type Scope,
  type SeedCommit,
  type ServedResponse,
} from "./github-repo-fake.js";

export interface GitHubApiFakeOptions {
  /** Tokens accepted (as `Bearer`/`token`); each acts as github-actions[bot] with write access. */
  token?: string | string[];
  /** Where html_url links point. */
  serverUrl?: string;
  /** Enforce GitHub's primary rate limits on this clock (off by default). */
  rateLimits?: GitHubRateLimitOptions;
}

export class GitHubApiFake {
  readonly server = new FakeServer("github");
  readonly repos = new Map<string, FakeRepo>();
  readonly tokens = new Map<string, FakeToken>();
  /** Every answer a route gave (faults aside), for the OpenAPI conformance test. */
  readonly served: ServedResponse[] = [];
  readonly serverUrl: string;
  /** The rate budgets, when `rateLimits` was given. */
  readonly budgets?: GitHubBudgets;
  private ids = 1000;
  private ticks = 0;

  constructor(opts: GitHubApiFakeOptions = {}) {
    this.serverUrl = (opts.serverUrl ?? "https://github.com").replace(/\/+$/, "");
    const tokens = opts.token === undefined ? [] : Array.isArray(opts.token) ? opts.token : [opts.token];
    for (const t of tokens) this.addToken(t);
    if (opts.rateLimits) this.budgets = enforceGitHubRateLimits(this.server, opts.rateLimits);
    registerCommitRoutes(this);
    registerCommentRoutes(this);
    registerDeploymentRoutes(this);
    registerWorkflowRunRoutes(this);
    registerIssueRoutes(this);
    registerActionsSecretRoutes(this);
    registerEnvironmentRoutes(this);
    registerApprovalGateRoutes(this);
    registerGateRoutes(this);
    registerSecretWriteRoutes(this);
  }

  get url(): string {
    return this.server.url;
  }

  async start(port = 0): Promise<this> {
    await this.server.start(port);
    return this;
  }

  stop(): Promise<void> {
    return this.server.stop();
  }

  addToken(token: string, opts: Partial<FakeToken> = {}): this {
    this.tokens.set(token, { login: opts.login ?? ACTIONS_BOT, permissions: { ...opts.permissions } });
    return this;
  }

  /**
   * The next `times` requests to `path` hit GitHub's secondary rate limit, answered as GitHub answers it: 403
   * (or 429) with "You have exceeded a secondary rate limit", and no Retry-After unless `retryAfter` is given.
   */
  secondaryRateLimit(
    method: string,
    path: string,
    times = 1,
    opts: { status?: 403 | 429; retryAfter?: number } = {},
  ): this {
    const status = opts.status ?? 403;
    this.server.fault(
      method,
      path,
      {
        kind: "status",
        status,
        headers: opts.retryAfter === undefined ? {} : { "retry-after": String(opts.retryAfter) },
        body: {
          message:
            "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID 0000:1111:2222:3333:4444.",
          documentation_url:
            "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits",
          status: String(status),
        },
      },
      times,
    );
    return this;
  }

  /** An organization team and its members (GET /orgs/{org}/teams/{slug}/members answers with them). */
  team(org: string, slug: string, members: string[]): this {
    teamsOf(this).set(`${org}/${slug}`.toLowerCase(), [...members]);
    return this;
  }

  /** Sets what a token may do in one scope (default: write everywhere). */
  setPermission(token: string, scope: Scope, level: Permission): this {
    const t = this.tokens.get(token);
    if (!t) throw new Error("fake github: unknown token");
    t.permissions[scope] = level;
    return this;
  }

  repo(fullName = "acme/shop"): FakeRepo {
    let repo = this.repos.get(fullName.toLowerCase());
    if (!repo) {
      const [owner, name] = fullName.split("/");
      if (!owner || !name) throw new Error(`fake github: bad repository ${fullName}`);
      repo = new FakeRepo(owner, name, this);
      this.repos.set(fullName.toLowerCase(), repo);
    }
    return repo;
  }

  nextId(): number {
    return ++this.ids;
  }

  nextNumber(repo: FakeRepo): number {
    const top = (list: { number: number }[]) => list.reduce((m, x) => Math.max(m, x.number), 0);
    return Math.max(top(repo.pulls), top(repo.issues)) + 1;
  }

  /** Monotonic timestamps, one second apart, so ordering by time is stable. */
  timestamp(): string {
    return new Date(Date.now() + this.ticks++ * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
  }

  /**
   * Adds a route that checks the token and records its answer. Handlers return a reply or throw a
   * `GitHubFakeError` (via `fail`) for an error answer in GitHub's shape.
   */
  on(
    method: string,
    path: string,
    handler: (req: FakeRequest, ctx: RouteContext) => FakeReply | Promise<FakeReply>,
  ): this {
    this.server.route(method, path, async (req) => {
      let reply: FakeReply;
      try {
        const token = this.authenticate(req);
        const repo =
          req.params.owner && req.params.repo
            ? this.repos.get(`${req.params.owner}/${req.params.repo}`.toLowerCase())
            : undefined;
        if (req.params.owner && req.params.repo && !repo)
          fail(404, "Not Found", "repos/repos#get-a-repository");
        reply = await handler(req, { token, repo: repo!, fake: this });
      } catch (err) {
        if (!(err instanceof GitHubFakeError)) throw err;
        reply = { status: err.status, body: err.body, headers: err.headers };
      }
      reply = conditional(req, reply);
      this.served.push({
        method: req.method,
        path: req.path,
        query: req.query.toString(),
        status: reply.status ?? 200,
        body: reply.body,
        ...(req.body ? { requestBody: parseOrText(req.body) } : {}),
      });
      return reply;
    });
    return this;
  }

  /** Throws 403 unless the token may write in one of `scopes`. */
  requireWrite(ctx: RouteContext, scopes: Scope[], doc: string): void {
    if (scopes.some((s) => (ctx.token.permissions[s] ?? "write") === "write")) return;
    fail(403, "Resource not accessible by integration", doc);
  }

  private authenticate(req: FakeRequest): FakeToken {
    const header = String(req.headers.authorization ?? "");
    const m = /^(?:Bearer|token)\s+(.+)$/i.exec(header);
    const token = m ? this.tokens.get(m[1]!.trim()) : undefined;
    if (!token) {
      throw new GitHubFakeError(401, {
        message: m ? "Bad credentials" : "Requires authentication",
        documentation_url: "https://docs.github.com/rest",
        status: "401",
      });
    }
    return token;
  }

  // ---- JSON in GitHub's shapes ----

  apiUrl(path: string): string {
    return `${this.url}${path}`;
  }

  user(login: string | undefined | null): Record<string, unknown> | null {
    if (!login) return null;
    const bot = login.endsWith("[bot]");
    const id = bot && login === ACTIONS_BOT ? 41898282 : idOf(login);
    const api = this.apiUrl(`/users/${encodeURIComponent(login)}`);
    return {
      login,
      id,
      node_id: nodeId("U", id),
      avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
      gravatar_id: "",
      url: api,
      html_url: bot
        ? `${this.serverUrl}/apps/${login.replace(/\[bot\]$/, "")}`
        : `${this.serverUrl}/${login}`,
      followers_url: `${api}/followers`,
      following_url: `${api}/following{/other_user}`,
      gists_url: `${api}/gists{/gist_id}`,
      starred_url: `${api}/starred{/owner}{/repo}`,
      subscriptions_url: `${api}/subscriptions`,
      organizations_url: `${api}/orgs`,
      repos_url: `${api}/repos`,
      events_url: `${api}/events{/privacy}`,
      received_events_url: `${api}/received_events`,
      type: bot ? "Bot" : "User",
      user_view_type: "public",
      site_admin: false,
    };
  }

  repository(repo: FakeRepo): Record<string, unknown> {
    const api = this.apiUrl(`/repos/${repo.fullName}`);
    const html = `${this.serverUrl}/${repo.fullName}`;
    const t = (suffix: string) => `${api}${suffix}`;
    return {
      id: repo.id,
      node_id: nodeId("R", repo.id),
      name: repo.name,
      full_name: repo.fullName,
      owner: this.user(repo.owner),
      private: true,
      html_url: html,
      description: null,
      fork: false,
      url: api,
      archive_url: t("/{archive_format}{/ref}"),
      assignees_url: t("/assignees{/user}"),
      blobs_url: t("/git/blobs{/sha}"),
      branches_url: t("/branches{/branch}"),
      collaborators_url: t("/collaborators{/collaborator}"),
      comments_url: t("/comments{/number}"),
      commits_url: t("/commits{/sha}"),
      compare_url: t("/compare/{base}...{head}"),
      contents_url: t("/contents/{+path}"),
      contributors_url: t("/contributors"),
      deployments_url: t("/deployments"),
      downloads_url: t("/downloads"),
      events_url: t("/events"),
      forks_url: t("/forks"),
      git_commits_url: t("/git/commits{/sha}"),
      git_refs_url: t("/git/refs{/sha}"),
      git_tags_url: t("/git/tags{/sha}"),
      git_url: `git://github.com/${repo.fullName}.git`,
      issue_comment_url: t("/issues/comments{/number}"),
      issue_events_url: t("/issues/events{/number}"),
      issues_url: t("/issues{/number}"),
      keys_url: t("/keys{/key_id}"),
      labels_url: t("/labels{/name}"),
      languages_url: t("/languages"),
      merges_url: t("/merges"),
      milestones_url: t("/milestones{/number}"),
      notifications_url: t("/notifications{?since,all,participating}"),
      pulls_url: t("/pulls{/number}"),
      releases_url: t("/releases{/id}"),
      ssh_url: `git@github.com:${repo.fullName}.git`,
      stargazers_url: t("/stargazers"),
      statuses_url: t("/statuses/{sha}"),
      subscribers_url: t("/subscribers"),
      subscription_url: t("/subscription"),
      tags_url: t("/tags"),
      teams_url: t("/teams"),
      trees_url: t("/git/trees{/sha}"),
      clone_url: `${html}.git`,
      mirror_url: null,
      hooks_url: t("/hooks"),
      svn_url: html,
      homepage: null,
      language: "TypeScript",
      forks: 0,
      forks_count: 0,
      stargazers_count: 0,
      watchers_count: 0,
      watchers: 0,
      size: repo.commits.size,
      default_branch: repo.defaultBranch,
      open_issues: 0,
      open_issues_count: 0,
      has_issues: true,
      has_projects: false,
      has_wiki: false,
      has_pages: false,
      has_downloads: true,
      archived: false,
      disabled: false,
      license: null,
      pushed_at: "2026-01-01T00:00:00Z",
      created_at: "2025-01-01T00:00:00Z",
      updated_at: "2026-01-01T00:00:00Z",
    };
  }

  commitJson(repo: FakeRepo, c: FakeCommit, withFiles = false): Record<string, unknown> {
    const api = this.apiUrl(`/repos/${repo.fullName}/commits/${c.sha}`);
    const html = `${this.serverUrl}/${repo.fullName}/commit/${c.sha}`;
    const git = { name: c.author.name, email: c.author.email, date: c.author.date };
    const json: Record<string, unknown> = {
      url: api,
      sha: c.sha,
      node_id: nodeId("C", c.order),
      html_url: html,
      comments_url: `${api}/comments`,
      commit: {
        url: this.apiUrl(`/repos/${repo.fullName}/git/commits/${c.sha}`),
        author: git,
        committer: git,
        message: c.message,
        comment_count: repo.commitComments.filter((x) => x.commit === c.sha).length,
        tree: {
          sha: treeSha(c.sha),
          url: this.apiUrl(`/repos/${repo.fullName}/git/trees/${treeSha(c.sha)}`),
        },
        verification: {
          verified: false,
          reason: "unsigned",
          signature: null,
          payload: null,
          verified_at: null,
        },
      },
      author: this.user(c.author.login),
      committer: this.user(c.author.login),
      parents: c.parents.map((p) => ({
        sha: p,
        url: this.apiUrl(`/repos/${repo.fullName}/commits/${p}`),
        html_url: `${this.serverUrl}/${repo.fullName}/commit/${p}`,
      })),
    };
    if (withFiles) {
      const files = this.diffEntries(repo, c.sha, [c]);
      const additions = files.reduce((n, f) => n + (f.additions as number), 0);
      const deletions = files.reduce((n, f) => n + (f.deletions as number), 0);
      json.stats = { additions, deletions, total: additions + deletions };
      json.files = files;
    }
    return json;
  }

  /** The files changed across `commits`, summed per path, as GitHub's diff entries (at most 300). */
  diffEntries(repo: FakeRepo, headSha: string, commits: FakeCommit[]): Record<string, unknown>[] {
    const byName = new Map<string, { status: string; additions: number; deletions: number }>();
    for (const c of commits) {
      for (const f of c.files) {
        const prev = byName.get(f.filename);
        byName.set(f.filename, {
          status: prev?.status ?? f.status ?? "modified",
          additions: (prev?.additions ?? 0) + (f.additions ?? 0),
          deletions: (prev?.deletions ?? 0) + (f.deletions ?? 0),
        });
      }
    }
    return [...byName.entries()].slice(0, 300).map(([filename, f]) => {
      const path = filename.split("/").map(encodeURIComponent).join("/");
      return {
        sha: createHash("sha1").update(`${headSha}:${filename}`).digest("hex"),
        filename,
        status: f.status,
        additions: f.additions,
        deletions: f.deletions,
        changes: f.additions + f.deletions,
        blob_url: `${this.serverUrl}/${repo.fullName}/blob/${headSha}/${path}`,
        raw_url: `${this.serverUrl}/${repo.fullName}/raw/${headSha}/${path}`,
        contents_url: this.apiUrl(`/repos/${repo.fullName}/contents/${path}?ref=${headSha}`),
      };
    });
  }

  pullJson(repo: FakeRepo, p: FakePull): Record<string, unknown> {
    const api = this.apiUrl(`/repos/${repo.fullName}/pulls/${p.number}`);
    const issue = this.apiUrl(`/repos/${repo.fullName}/issues/${p.number}`);
    const html = `${this.serverUrl}/${repo.fullName}/pull/${p.number}`;
    const statuses = this.apiUrl(`/repos/${repo.fullName}/statuses/${p.headSha}`);
    const end = (ref: string, sha: string) => ({
      label: `${repo.owner}:${ref}`,
      ref,
      sha,
      user: this.user(repo.owner),
      repo: this.repository(repo),
    });
    const link = (href: string) => ({ href });
    return {
      url: api,
      id: idOf(`${repo.fullName}#${p.number}`),
      node_id: nodeId("PR", p.number),
      html_url: html,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      issue_url: issue,
      commits_url: `${api}/commits`,
      review_comments_url: `${api}/comments`,
      review_comment_url: this.apiUrl(`/repos/${repo.fullName}/pulls/comments{/number}`),
      comments_url: `${issue}/comments`,
      statuses_url: statuses,
      number: p.number,
      state: p.state,
      locked: false,
      title: p.title,
      user: this.user(p.user),
      body: null,
      labels: [],
      milestone: null,
      active_lock_reason: null,
      created_at: p.createdAt,
      updated_at: p.createdAt,
      closed_at: p.state === "closed" ? (p.mergedAt ?? p.createdAt) : null,
      merged_at: p.mergedAt,
      merge_commit_sha: p.mergeCommitSha,
      assignee: null,
      assignees: [],
      requested_reviewers: [],
      requested_teams: [],
      head: end(p.headRef, p.headSha),
      base: end(p.baseRef, repo.branches.get(p.baseRef) ?? p.headSha),
      _links: {
        self: link(api),
        html: link(html),
        issue: link(issue),
        comments: link(`${issue}/comments`),
        review_comments: link(`${api}/comments`),
        review_comment: link(this.apiUrl(`/repos/${repo.fullName}/pulls/comments{/number}`)),
        commits: link(`${api}/commits`),
        statuses: link(statuses),
      },
      author_association: "MEMBER",
      auto_merge: null,
      draft: false,
    };
  }

  issueCommentJson(repo: FakeRepo, c: FakeComment): Record<string, unknown> {
    return {
      id: c.id,
      node_id: nodeId("IC", c.id),
      url: this.apiUrl(`/repos/${repo.fullName}/issues/comments/${c.id}`),
      html_url: `${this.serverUrl}/${repo.fullName}/pull/${c.issue}#issuecomment-${c.id}`,
      issue_url: this.apiUrl(`/repos/${repo.fullName}/issues/${c.issue}`),
      body: c.body,
      user: this.user(c.user),
      created_at: c.createdAt,
      updated_at: c.updatedAt,
      author_association: "NONE",
      reactions: this.reactions(`/repos/${repo.fullName}/issues/comments/${c.id}/reactions`),
    };
  }

  commitCommentJson(repo: FakeRepo, c: FakeComment): Record<string, unknown> {
    return {
      id: c.id,
      node_id: nodeId("CC", c.id),
      url: this.apiUrl(`/repos/${repo.fullName}/comments/${c.id}`),
      html_url: `${this.serverUrl}/${repo.fullName}/commit/${c.commit}#commitcomment-${c.id}`,
      body: c.body,
      path: null,
      position: null,
      line: null,
      commit_id: c.commit,
      user: this.user(c.user),
      created_at: c.createdAt,
      updated_at: c.updatedAt,
      author_association: "NONE",
      reactions: this.reactions(`/repos/${repo.fullName}/comments/${c.id}/reactions`),
    };
  }

  deploymentJson(repo: FakeRepo, d: FakeDeployment): Record<string, unknown> {
    const api = this.apiUrl(`/repos/${repo.fullName}/deployments/${d.id}`);
    return {
      url: api,
      id: d.id,
      node_id: nodeId("DE", d.id),
      sha: d.sha,
      ref: d.ref,
      task: d.task,
      payload: d.payload,
      original_environment: d.environment,
      environment: d.environment,
      description: d.description,
      creator: this.user(d.creator),
      created_at: d.createdAt,
      updated_at: d.statuses.at(-1)?.createdAt ?? d.createdAt,
      statuses_url: `${api}/statuses`,
      repository_url: this.apiUrl(`/repos/${repo.fullName}`),
      transient_environment: d.transientEnvironment,
      production_environment: d.productionEnvironment,
    };
  }

  deploymentStatusJson(repo: FakeRepo, d: FakeDeployment, s: FakeDeploymentStatus): Record<string, unknown> {
    const dep = this.apiUrl(`/repos/${repo.fullName}/deployments/${d.id}`);
    const json: Record<string, unknown> = {
      url: `${dep}/statuses/${s.id}`,
      id: s.id,
      node_id: nodeId("DES", s.id),
      state: s.state,
      creator: this.user(s.creator),
      description: s.description,
      environment: s.environment,
      target_url: s.logUrl || s.environmentUrl || `${this.serverUrl}/${repo.fullName}/deployments`,
      created_at: s.createdAt,
      updated_at: s.createdAt,
      deployment_url: dep,
      repository_url: this.apiUrl(`/repos/${repo.fullName}`),
    };
    // GitHub's description types these as URIs: absent rather than empty when unset.
    if (s.environmentUrl) json.environment_url = s.environmentUrl;
    if (s.logUrl) json.log_url = s.logUrl;
    return json;
  }

  reactions(path: string): Record<string, unknown> {
    return {
      url: this.apiUrl(path),
      total_count: 0,
      "+1": 0,
      "-1": 0,
      laugh: 0,
      confused: 0,
      heart: 0,
      hooray: 0,
      eyes: 0,
      rocket: 0,
    };
  }

  /** `items` cut to one page, with GitHub's Link header. */
  page<T>(
    req: FakeRequest,
    items: T[],
    defaults: { perPage?: number; max?: number } = {},
  ): FakeReply & { items: T[] } {
    const max = defaults.max ?? 100;
    const perPage = Math.min(
      max,
      Math.max(1, Number(req.query.get("per_page") ?? defaults.perPage ?? 30) || 30),
    );
    const page = Math.max(1, Number(req.query.get("page") ?? 1) || 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const slice = items.slice((page - 1) * perPage, page * perPage);
    const link = (p: number, rel: string) => {
      const q = new URLSearchParams(req.query);
      q.set("per_page", String(perPage));
      q.set("page", String(p));
      return `<${this.apiUrl(req.path)}?${q.toString()}>; rel="${rel}"`;
    };
    const links: string[] = [];
    if (page < last) links.push(link(page + 1, "next"), link(last, "last"));
    if (page > 1) links.push(link(1, "first"), link(page - 1, "prev"));
    return {
      status: 200,
      body: slice,
      items: slice,
      headers: links.length ? { link: links.join(", ") } : {},
    };
  }
}

export interface RouteContext {
  token: FakeToken;
  repo: FakeRepo;
  fake: GitHubApiFake;
}

export class GitHubFakeError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(`github fake ${status}`);
  }
}

/** Throws an error answer in GitHub's shape; `doc` is the docs path after /rest/. */
export function fail(status: number, message: string, doc: string): never {
  throw new GitHubFakeError(status, {
    message,
    documentation_url: `https://docs.github.com/rest/${doc}`,
    status: String(status),
  });
}

export function parseOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function idOf(text: string): number {
  return Number.parseInt(createHash("sha1").update(text).digest("hex").slice(0, 8), 16) % 100_000_000;
}

export function nodeId(kind: string, id: number): string {
  return Buffer.from(`0${kind}:${id}`).toString("base64");
}

export function treeSha(sha: string): string {
  return createHash("sha1").update(`tree:${sha}`).digest("hex");
}

export function created(body: unknown, location: string): FakeReply {
  return { status: 201, body, headers: { location } };
}
