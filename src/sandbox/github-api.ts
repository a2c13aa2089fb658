import { createHash } from "node:crypto";
import { conditional, type FakeReply, type FakeRequest, FakeServer } from "./fake-server.js";
import { registerGateRoutes } from "./github-gate-fake.js";
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

export type Permission = "none" | "read" | "write";
export type Scope =
  | "contents"
  | "pull-requests"
  | "issues"
  | "deployments"
  | "actions"
  | "environments"
  | "secrets";

export interface FakeToken {
  login: string;
  permissions: Partial<Record<Scope, Permission>>;
}

export interface FakeFile {
  filename: string;
  status?: "added" | "removed" | "modified" | "renamed";
  additions?: number;
  deletions?: number;
}

export interface FakeCommit {
  sha: string;
  parents: string[];
  message: string;
  author: { name: string; email: string; date: string; login?: string };
  files: FakeFile[];
  /** Creation order: parents always come first, so sorting by it is chronological and topological. */
  order: number;
}

export interface FakePull {
  number: number;
  title: string;
  state: "open" | "closed";
  headRef: string;
  headSha: string;
  baseRef: string;
  mergeCommitSha: string | null;
  mergedAt: string | null;
  user: string;
  createdAt: string;
}

export interface FakeComment {
  id: number;
  body: string;
  user: string;
  createdAt: string;
  updatedAt: string;
  issue?: number; // issue comments
  commit?: string; // commit comments
}

export interface FakeDeployment {
  id: number;
  sha: string;
  ref: string;
  task: string;
  environment: string;
  description: string | null;
  payload: Record<string, unknown> | string;
  creator: string;
  createdAt: string;
  productionEnvironment: boolean;
  transientEnvironment: boolean;
  statuses: FakeDeploymentStatus[];
}

export interface FakeDeploymentStatus {
  id: number;
  state: string;
  description: string;
  environment: string;
  environmentUrl: string;
  logUrl: string;
  creator: string;
  createdAt: string;
}

export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  state: "open" | "closed";
  stateReason: "completed" | "not_planned" | "reopened" | null;
  labels: string[];
  user: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  /** Logins assigned (issue-comment approval gate). */
  assignees?: string[];
  /** Who closed it, when known. */
  closedBy?: string | null;
}

export interface FakeRun {
  id: number;
  name: string;
  /** .github/workflows/<file> */
  path: string;
  runNumber: number;
  event: string;
  status: "queued" | "in_progress" | "completed";
  conclusion: "success" | "failure" | "cancelled" | "skipped" | "timed_out" | null;
  headBranch: string;
  headSha: string;
  actor: string;
  createdAt: string;
  /** The newest attempt (1 unless re-run) and when each attempt started, oldest first. */
  attempt?: number;
  attemptStarts?: string[];
  /** Who started the newest attempt (a re-run), when not `actor`. */
  triggeringActor?: string;
}

export interface ServedResponse {
  method: string;
  path: string;
  query: string;
  status: number;
  body: unknown;
  /** The request's JSON body (undefined when it had none), for the request half of the OpenAPI check. */
  requestBody?: unknown;
}

/** The user a GITHUB_TOKEN acts as. */
export const ACTIONS_BOT = "github-actions[bot]";
const EPOCH = Date.parse("2026-01-01T00:00:00Z");

export interface SeedCommit {
  parents?: string[];
  message?: string;
  author?: string; // login; name and email derive from it
  date?: string;
  files?: FakeFile[];
}

export class FakeRepo {
  readonly id: number;
  readonly commits = new Map<string, FakeCommit>();
  readonly branches = new Map<string, string>();
  readonly tags = new Map<string, string>();
  readonly pulls: FakePull[] = [];
  readonly issueComments: FakeComment[] = [];
  readonly commitComments: FakeComment[] = [];
  readonly deployments: FakeDeployment[] = [];
  readonly issues: FakeIssue[] = [];
  readonly runs: FakeRun[] = [];
  defaultBranch = "main";
  /** Bumped on every change of the graph; compare results are cached per version. */
  version = 0;
  private counter = 0;
  private readonly ancestry = new Map<string, Set<string>>();

  constructor(
    readonly owner: string,
    readonly name: string,
    readonly fake: GitHubApiFake,
  ) {
    this.id = fake.nextId();
  }

  get fullName(): string {
    return `${this.owner}/${this.name}`;
  }

  /** Adds a commit (default parent: the tip of `branch`, which then moves to it). Returns its SHA. */
  commit(seed: SeedCommit = {}, branch: string | undefined = this.defaultBranch): string {
    const n = ++this.counter;
    const tip = branch ? this.branches.get(branch) : undefined;
    const parents = seed.parents ?? (tip ? [tip] : []);
    for (const p of parents) if (!this.commits.has(p)) throw new Error(`fake github: unknown parent ${p}`);
    const login = seed.author ?? "alice";
    const message = seed.message ?? `Change ${n}`;
    const sha = createHash("sha1")
      .update(`${this.fullName}\0${n}\0${parents.join(",")}\0${message}`)
      .digest("hex");
    this.commits.set(sha, {
      sha,
      parents,
      message,
      author: {
        name: login.replace(/\[bot\]$/, ""),
        email: `${login}@users.noreply.github.com`,
        date: seed.date ?? new Date(EPOCH + n * 60_000).toISOString().replace(/\.000Z$/, "Z"),
        login,
      },
      files: seed.files ?? [{ filename: `src/file-${n % 17}.ts`, additions: n % 9, deletions: n % 4 }],
      order: n,
    });
    if (branch) this.branches.set(branch, sha);
    this.version++;
    return sha;
  }

  /** `count` commits in a line on `branch` (from `from`, else the branch tip). Returns their SHAs, oldest first. */
  chain(
    count: number,
    opts: { branch?: string; from?: string; message?: (i: number) => string; author?: string } = {},
  ): string[] {
    const branch = opts.branch ?? this.defaultBranch;
    if (opts.from) this.branches.set(branch, opts.from);
    const shas: string[] = [];
    for (let i = 0; i < count; i++)
      shas.push(
        this.commit(
          { message: opts.message?.(i) ?? `Change ${this.counter + 1}`, author: opts.author },
          branch,
        ),
      );
    return shas;
  }

  branch(name: string, sha: string): this {
    this.branches.set(name, sha);
    this.version++;
    return this;
  }

  tag(name: string, sha: string): this {
    this.tags.set(name, sha);
    this.version++;
    return this;
  }

  pull(p: Partial<FakePull> & { headSha: string; headRef: string }): FakePull {
    const pull: FakePull = {
      number: p.number ?? this.fake.nextNumber(this),
      title: p.title ?? `Pull request for ${p.headRef}`,
      state: p.state ?? "open",
      headRef: p.headRef,
      headSha: p.headSha,
      baseRef: p.baseRef ?? this.defaultBranch,
      mergeCommitSha: p.mergeCommitSha ?? null,
      mergedAt: p.mergedAt ?? null,
      user: p.user ?? "alice",
      createdAt: p.createdAt ?? this.fake.timestamp(),
    };
    this.pulls.push(pull);
    return pull;
  }

  /** A deployment as a job that names an environment gets one. */
  deployment(d: Partial<FakeDeployment> & { sha: string; environment: string }): FakeDeployment {
    const dep: FakeDeployment = {
      ...d,
      id: d.id ?? this.fake.nextId(),
      ref: d.ref ?? d.sha,
      task: d.task ?? "deploy",
      description: d.description ?? null,
      payload: d.payload ?? {},
      creator: d.creator ?? ACTIONS_BOT,
      createdAt: d.createdAt ?? this.fake.timestamp(),
      productionEnvironment: d.productionEnvironment ?? false,
      transientEnvironment: d.transientEnvironment ?? false,
      statuses: d.statuses ?? [],
    };
    this.deployments.push(dep);
    return dep;
  }

  /** An issue (numbered with the pull requests, as GitHub does). */
  issue(i: Partial<FakeIssue> & { title: string }): FakeIssue {
    const now = this.fake.timestamp();
    const issue: FakeIssue = {
      number: i.number ?? this.fake.nextNumber(this),
      body: i.body ?? "",
      state: i.state ?? "open",
      stateReason: i.stateReason ?? null,
      labels: i.labels ?? [],
      user: i.user ?? ACTIONS_BOT,
      createdAt: i.createdAt ?? now,
      updatedAt: i.updatedAt ?? now,
      closedAt: i.closedAt ?? null,
      title: i.title,
    };
    this.issues.push(issue);
    return issue;
  }

  /** A comment on issue or pull request `number` posted as `user`, as a person commenting in the web UI. */
  comment(number: number, user: string, body: string): FakeComment {
    if (!this.issues.some((i) => i.number === number) && !this.pulls.some((p) => p.number === number))
      throw new Error(`fake github: ${this.fullName} has no issue #${number}`);
    return this.addComment({ issue: number }, user, body);
  }

  /** Stores a new issue/PR or commit comment by `user` and returns it. */
  addComment(on: { issue: number } | { commit: string }, user: string, body: string): FakeComment {
    const now = this.fake.timestamp();
    const c: FakeComment = { id: this.fake.nextId(), body, user, createdAt: now, updatedAt: now, ...on };
    if ("issue" in on) this.issueComments.push(c);
    else this.commitComments.push(c);
    return c;
  }

  /** Closes issue `number` as `user` would in the web UI. */
  closeIssue(number: number, user: string, reason: "completed" | "not_planned" = "not_planned"): FakeIssue {
    const issue = this.issues.find((i) => i.number === number);
    if (!issue) throw new Error(`fake github: ${this.fullName} has no issue #${number}`);
    const now = this.fake.timestamp();
    Object.assign(issue, {
      state: "closed",
      stateReason: reason,
      closedAt: now,
      closedBy: user,
      updatedAt: now,
    });
    return issue;
  }

  /** A workflow run of `workflow` (a file name under .github/workflows) on a commit, completed by default. */
  run(r: Partial<FakeRun> & { workflow: string; headSha: string }): FakeRun {
    const { workflow, ...rest } = r;
    const path = `.github/workflows/${workflow}`;
    const run: FakeRun = {
      id: rest.id ?? this.fake.nextId(),
      name: rest.name ?? workflow.replace(/\.ya?ml$/, ""),
      path,
      runNumber: rest.runNumber ?? this.runs.filter((x) => x.path === path).length + 1,
      event: rest.event ?? "push",
      status: rest.status ?? "completed",
      conclusion:
        rest.conclusion === undefined
          ? rest.status && rest.status !== "completed"
            ? null
            : "success"
          : rest.conclusion,
      headBranch: rest.headBranch ?? this.defaultBranch,
      headSha: rest.headSha,
      actor: rest.actor ?? "alice",
      createdAt: rest.createdAt ?? this.fake.timestamp(),
    };
    this.runs.push(run);
    return run;
  }

  /** A branch, tag, refs/..., full SHA or unique abbreviation → the commit; undefined when none. */
  resolve(ref: string): FakeCommit | undefined {
    const r = ref.replace(/^refs\//, "");
    const named =
      (r.startsWith("heads/") ? this.branches.get(r.slice(6)) : undefined) ??
      (r.startsWith("tags/") ? this.tags.get(r.slice(5)) : undefined) ??
      this.branches.get(r) ??
      this.tags.get(r);
    if (named) return this.commits.get(named);
    if (/^[0-9a-f]{40}$/i.test(r)) return this.commits.get(r.toLowerCase());
    if (/^[0-9a-f]{4,39}$/i.test(r)) {
      const hits = [...this.commits.keys()].filter((s) => s.startsWith(r.toLowerCase()));
      return hits.length === 1 ? this.commits.get(hits[0]!) : undefined;
    }
    return undefined;
  }

  /** Every commit reachable from `sha`, itself included. */
  ancestors(sha: string): Set<string> {
    const key = `${sha}@${this.version}`;
    const cached = this.ancestry.get(key);
    if (cached) return cached;
    const seen = new Set<string>();
    const stack = [sha];
    while (stack.length) {
      const s = stack.pop()!;
      if (seen.has(s)) continue;
      seen.add(s);
      for (const p of this.commits.get(s)?.parents ?? []) stack.push(p);
    }
    if (this.ancestry.size > 64) this.ancestry.clear();
    this.ancestry.set(key, seen);
    return seen;
  }

  /** What `git log base..head` and `head..base` hold, chronological, with the merge base. */
  compare(
    base: FakeCommit,
    head: FakeCommit,
  ): { ahead: FakeCommit[]; behind: FakeCommit[]; mergeBase?: FakeCommit } {
    const a = this.ancestors(head.sha);
    const b = this.ancestors(base.sha);
    const byOrder = (x: FakeCommit, y: FakeCommit) => x.order - y.order;
    const ahead: FakeCommit[] = [];
    const behind: FakeCommit[] = [];
    let mergeBase: FakeCommit | undefined;
    for (const s of a) {
      const c = this.commits.get(s)!;
      if (!b.has(s)) ahead.push(c);
      else if (!mergeBase || c.order > mergeBase.order) mergeBase = c;
    }
    for (const s of b) if (!a.has(s)) behind.push(this.commits.get(s)!);
    return { ahead: ahead.sort(byOrder), behind: behind.sort(byOrder), mergeBase };
  }
}

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

  private reactions(path: string): Record<string, unknown> {
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

function parseOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function idOf(text: string): number {
  return Number.parseInt(createHash("sha1").update(text).digest("hex").slice(0, 8), 16) % 100_000_000;
}

function nodeId(kind: string, id: number): string {
  return Buffer.from(`0${kind}:${id}`).toString("base64");
}

function treeSha(sha: string): string {
  return createHash("sha1").update(`tree:${sha}`).digest("hex");
}

function created(body: unknown, location: string): FakeReply {
  return { status: 201, body, headers: { location } };
}

// ---- routes ----

function registerCommitRoutes(fake: GitHubApiFake): void {
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

function registerCommentRoutes(fake: GitHubApiFake): void {
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

function registerDeploymentRoutes(fake: GitHubApiFake): void {
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

// ---- workflow runs and issues (status sweep) ----

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

function registerWorkflowRunRoutes(fake: GitHubApiFake): void {
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

function issueJson(fake: GitHubApiFake, repo: FakeRepo, i: FakeIssue): Record<string, unknown> {
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
    reactions: {
      url: fake.apiUrl(`/repos/${repo.fullName}/issues/${i.number}/reactions`),
      total_count: 0,
      "+1": 0,
      "-1": 0,
      laugh: 0,
      confused: 0,
      heart: 0,
      hooray: 0,
      eyes: 0,
      rocket: 0,
    },
  };
}

function registerIssueRoutes(fake: GitHubApiFake): void {
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

// ---- Actions secrets metadata and workflow dispatch (rotation sweep) ----

/** A repository or environment secret: GitHub lists names and dates only (it cannot return a value). */
export interface FakeActionsSecret {
  name: string;
  createdAt: string;
  updatedAt: string;
}

export interface FakeDispatch {
  workflow: string;
  ref: string;
  inputs: Record<string, unknown>;
  runId: number;
}

export interface FakeActionsState {
  secrets: FakeActionsSecret[];
  /** Environment name → its secrets. */
  environments: Map<string, FakeActionsSecret[]>;
  /** Workflow file → the inputs its `workflow_dispatch` trigger declares. */
  workflows: Map<string, string[]>;
  dispatches: FakeDispatch[];
  /** Answer a dispatch 204 without run details, as a server without `return_run_details` does. */
  noRunDetails: boolean;
  /** Refuse `return_run_details` as an unknown parameter (422), as an older GitHub Enterprise Server does. */
  rejectRunDetails: boolean;
}

const actionsStates = new WeakMap<FakeRepo, FakeActionsState>();

/** The Actions secrets, dispatchable workflows and dispatches of a fake repository. */
export function actionsState(repo: FakeRepo): FakeActionsState {
  let state = actionsStates.get(repo);
  if (!state) {
    state = {
      secrets: [],
      environments: new Map(),
      workflows: new Map(),
      dispatches: [],
      noRunDetails: false,
      rejectRunDetails: false,
    };
    actionsStates.set(repo, state);
  }
  return state;
}

function registerActionsSecretRoutes(fake: GitHubApiFake): void {
  const secretJson = (s: FakeActionsSecret) => ({
    name: s.name,
    created_at: s.createdAt,
    updated_at: s.updatedAt,
  });
  // The GITHUB_TOKEN of a run can never read secrets: GitHub answers it 403.
  const requireSecretsRead = (ctx: RouteContext, doc: string) => {
    if (ctx.token.login === ACTIONS_BOT) fail(403, "Resource not accessible by integration", doc);
  };
  const list = (req: FakeRequest, secrets: FakeActionsSecret[]) => {
    const sorted = [...secrets].sort((a, b) => a.name.localeCompare(b.name));
    const page = fake.page(req, sorted);
    return { ...page, body: { total_count: sorted.length, secrets: page.items.map(secretJson) } };
  };

  fake.on("GET", "/repos/:owner/:repo/actions/secrets", (req, ctx) => {
    requireSecretsRead(ctx, "actions/secrets#list-repository-secrets");
    return list(req, actionsState(ctx.repo).secrets);
  });

  fake.on("GET", "/repos/:owner/:repo/environments/:env/secrets", (req, ctx) => {
    const doc = "actions/secrets#list-environment-secrets";
    requireSecretsRead(ctx, doc);
    const name = req.params.env ?? "";
    const secrets = actionsState(ctx.repo).environments.get(name);
    // An environment that exists but holds no secret lists none; only a missing environment is 404.
    if (!secrets && !environmentState(ctx.repo).environments.has(name.toLowerCase()))
      fail(404, "Not Found", doc);
    return list(req, secrets ?? []);
  });

  fake.on("POST", "/repos/:owner/:repo/actions/workflows/:workflow/dispatches", (req, ctx) => {
    const doc = "actions/workflows#create-a-workflow-dispatch-event";
    const state = actionsState(ctx.repo);
    const workflow = req.params.workflow ?? "";
    const declared = state.workflows.get(workflow);
    if (!declared) fail(404, "Not Found", doc);
    fake.requireWrite(ctx, ["actions"], doc);
    const body = req.json<{ ref?: unknown; inputs?: unknown; return_run_details?: unknown }>();
    if (state.rejectRunDetails && "return_run_details" in body)
      fail(422, "Invalid request.\n\nreturn_run_details is not a permitted key.", doc);
    if (typeof body.ref !== "string" || !body.ref)
      fail(422, 'Invalid request.\n\n"ref" wasn\'t supplied.', doc);
    const commit = ctx.repo.resolve(body.ref);
    if (!commit) fail(422, `No ref found for: ${body.ref}`, doc);
    const inputs = (body.inputs ?? {}) as Record<string, unknown>;
    const unexpected = Object.keys(inputs).filter((k) => !declared.includes(k));
    if (unexpected.length) fail(422, `Unexpected inputs provided: ${JSON.stringify(unexpected)}`, doc);
    const run = ctx.repo.run({
      workflow,
      headSha: commit.sha,
      headBranch: body.ref,
      event: "workflow_dispatch",
      status: "queued",
      actor: ctx.token.login,
    });
    state.dispatches.push({ workflow, ref: body.ref, inputs, runId: run.id });
    if (body.return_run_details !== true || state.noRunDetails) return { status: 204 };
    return {
      status: 200,
      body: {
        workflow_run_id: run.id,
        run_url: fake.apiUrl(`/repos/${ctx.repo.fullName}/actions/runs/${run.id}`),
        html_url: `${fake.serverUrl}/${ctx.repo.fullName}/actions/runs/${run.id}`,
      },
    };
  });

  fake.on("GET", "/repos/:owner/:repo/actions/runs/:run_id", (req, { repo }) => {
    const run = repo.runs.find((r) => String(r.id) === req.params.run_id);
    if (!run) fail(404, "Not Found", "actions/workflow-runs#get-a-workflow-run");
    return { body: workflowRunJson(fake, repo, run) };
  });
}

// ---- issue-comment approval gate: teams and members, one issue, assignees ----

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

function registerApprovalGateRoutes(fake: GitHubApiFake): void {
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

function registerEnvironmentRoutes(fake: GitHubApiFake): void {
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
