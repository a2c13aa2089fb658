import { InputError, VendorError } from "../core/errors.js";
import type { EnvironmentProtection, EnvironmentPutBody, RunApproval } from "../core/gate.js";
import { type Clock, systemClock } from "../core/ports.js";
import { HttpClient, type HttpRequest, type HttpResponse, messageOf, retryAfterMs } from "./http.js";

/**
 * The GitHub REST client of the whole project, built on the shared HttpClient (one HTTP stack, small bundles):
 * commits, refs and comparisons, pull requests, issue and commit comments (with sticky upsert), deployments
 * and their statuses. Retries network errors, 5xx and 429 (Retry-After), and GitHub's 403 rate limits
 * (Retry-After or x-ratelimit-reset), each bounded. Errors name the operation and, where one exists, the fix.
 *
 * Later areas (environments, approvals, issues, workflow runs, secrets, dispatch) add methods on top of
 * `request` and `paginate`, passing `what` and `hints` so their errors read as well.
 */

export const GITHUB_API_VERSION = "2022-11-28";
/** Who a workflow's GITHUB_TOKEN acts as. */
export const ACTIONS_BOT_LOGIN = "github-actions[bot]";
/** GitHub rejects comment bodies over 65,536 characters. */
export const COMMENT_LIMIT = 65_536;

export interface GitHubClientOptions {
  token: string;
  /** "owner/name", e.g. the GITHUB_REPOSITORY of a run. */
  repository: string;
  /** Default: GITHUB_API_URL from the environment, else https://api.github.com. */
  baseUrl?: string;
  timeoutMs?: number;
  retries?: number;
  backoffMs?: number;
  /** Cap on a wait GitHub asks for (Retry-After, rate-limit reset); a longer wait fails at once. Default 60 s. */
  maxRetryAfterMs?: number;
  /** Extra attempts after a 403 rate limit. Default 3. */
  rateLimitRetries?: number;
  clock?: Clock;
  onRetry?: (info: { attempt: number; waitMs: number; reason: string; what: string }) => void;
  userAgent?: string;
}

/** An error answer from GitHub (or GitHub unreachable), with the operation it broke and the fix when known. */
export class GitHubError extends VendorError {
  override name = "GitHubError";
  constructor(
    message: string,
    status?: number,
    readonly apiMessage?: string,
    retryable = false,
  ) {
    super("GitHub", message, status, retryable);
  }
}

class GitHubRateLimited extends GitHubError {
  constructor(
    message: string,
    status: number,
    readonly waitMs: number,
  ) {
    super(message, status, message, true);
  }
}

export interface CallOptions {
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** Statuses returned to the caller instead of thrown. */
  accept?: number[];
  retry?: boolean;
  /** What the call does, for messages: "create a PR comment". */
  what?: string;
  /** The fix to add to an error of a given status. */
  hints?: Partial<Record<number, string>>;
}

// ---- response shapes (only the fields prodgate reads) ----

export interface GitHubUser {
  login: string;
  id: number;
  html_url: string;
  type?: string;
}

export interface GitUser {
  name?: string;
  email?: string;
  date?: string;
}

export interface DiffEntry {
  filename: string;
  status: string;
  additions: number;
  deletions: number;
  changes: number;
  previous_filename?: string;
}

export interface GitHubCommit {
  sha: string;
  html_url: string;
  commit: { message: string; author: GitUser | null; committer: GitUser | null };
  author: GitHubUser | Record<string, never> | null;
  committer: GitHubUser | Record<string, never> | null;
  parents: { sha: string }[];
  files?: DiffEntry[];
  stats?: { additions?: number; deletions?: number; total?: number };
}

export type CompareStatus = "ahead" | "behind" | "identical" | "diverged";

export interface Comparison {
  status: CompareStatus;
  aheadBy: number;
  behindBy: number;
  totalCommits: number;
  htmlUrl: string;
  baseCommit: GitHubCommit;
  mergeBaseCommit: GitHubCommit;
  /** The newest commits of the range, newest first, at most `newest` of them. */
  commits: GitHubCommit[];
  /** Changed files, from the first page (GitHub lists at most 300 for a comparison). */
  files: DiffEntry[];
  pagesFetched: number;
}

interface RawComparison {
  status: CompareStatus;
  ahead_by: number;
  behind_by: number;
  total_commits: number;
  html_url: string;
  base_commit: GitHubCommit;
  merge_base_commit: GitHubCommit;
  commits: GitHubCommit[];
  files?: DiffEntry[];
}

export interface GitRef {
  ref: string;
  object: { type: string; sha: string };
}

export interface PullRequest {
  number: number;
  state: string;
  title: string;
  html_url: string;
  head: { ref: string; sha: string };
  base: { ref: string; sha: string };
  merge_commit_sha: string | null;
  merged_at: string | null;
  draft?: boolean;
}

export interface Comment {
  id: number;
  body?: string;
  html_url: string;
  user: GitHubUser | null;
  created_at: string;
  updated_at: string;
}

export type CommentTarget = { pr: number } | { commit: string };

export interface StickyResult {
  action: "created" | "updated" | "unchanged";
  comment: Comment;
  /** Older duplicates (same marker) that were deleted. */
  removed: number;
}

export interface Deployment {
  id: number;
  sha: string;
  ref: string;
  task: string;
  environment: string;
  description: string | null;
  creator: GitHubUser | null;
  created_at: string;
  url: string;
  statuses_url: string;
  production_environment?: boolean;
}

export type DeploymentState =
  | "error"
  | "failure"
  | "inactive"
  | "in_progress"
  | "queued"
  | "pending"
  | "success";

export interface DeploymentStatus {
  id: number;
  state: DeploymentState;
  description: string;
  environment?: string;
  environment_url?: string;
  log_url?: string;
  target_url: string;
  created_at: string;
}

export interface DeploymentRequest {
  sha: string;
  /** What the deployment names as its ref (branch, tag); default the SHA. */
  ref?: string;
  environment: string;
  task?: string;
  description?: string;
  payload?: Record<string, unknown> | string;
  production_environment?: boolean;
  transient_environment?: boolean;
}

export interface DeploymentStatusRequest {
  state: DeploymentState;
  environment_url?: string;
  log_url?: string;
  /** Cut to GitHub's 140 characters. */
  description?: string;
  environment?: string;
  auto_inactive?: boolean;
}

// ---- workflow runs and issues (status sweep) ----

export interface WorkflowRun {
  id: number;
  name?: string | null;
  run_number: number;
  event: string;
  status: string | null;
  conclusion: string | null;
  head_branch: string | null;
  head_sha: string;
  path: string;
  html_url: string;
  created_at: string;
  run_started_at?: string;
  actor?: GitHubUser;
  triggering_actor?: GitHubUser;
}

export interface Issue {
  number: number;
  title: string;
  body?: string | null;
  state: "open" | "closed";
  html_url: string;
  labels: (string | { name?: string })[];
  pull_request?: unknown;
  /** Who opened it. */
  user?: GitHubUser | null;
}

// ---- Actions secrets metadata and workflow dispatch (rotation sweep) ----

/** An Actions (repository or environment) secret as GitHub lists it: a name and dates, never a value. */
export interface ActionsSecretInfo {
  name: string;
  created_at: string;
  updated_at: string;
}

const SECRETS_READ_HINTS: Partial<Record<number, string>> = {
  403: "Reading secrets metadata needs a token with secrets read permission (a fine-grained token or GitHub App with `Secrets: read`, or a classic token with the `repo` scope); the default GITHUB_TOKEN cannot have it: pass such a token in 'github-secrets-token'",
};

// ---- environments and run approvals (the gate) ----

/** GET /repos/{owner}/{repo}/environments/{name}, the fields prodgate reads. */
export interface GitHubEnvironment extends EnvironmentProtection {
  id: number;
  html_url: string;
  created_at: string;
  updated_at: string;
}

export type { EnvironmentPutBody, RunApproval };

export interface DeploymentBranchPolicy {
  id: number;
  name: string;
  type?: "branch" | "tag";
}

export interface GitHubTeam {
  id: number;
  slug: string;
  name: string;
  html_url: string;
}

const ENVIRONMENT_ADMIN_HINTS: Partial<Record<number, string>> = {
  403: "Configuring environments needs a token that administers the repository (a fine-grained token with `Administration: write`, or a classic token with the `repo` scope of an admin); a workflow's GITHUB_TOKEN cannot",
  404: "the repository does not exist, or the token cannot administer it",
};

// ---- helpers ----

/** "owner/name" → its parts, or an InputError naming `input`. */
export function parseRepository(input: string, raw: string): { owner: string; repo: string } {
  const m = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/.exec(raw.trim());
  if (!m || m[2] === "." || m[2] === "..")
    throw new InputError(input, `must be a repository as owner/name; got '${raw}'`);
  return { owner: m[1]!, repo: m[2]! };
}

/** The hidden line that marks a sticky comment; keys are sanitised so a key cannot end the HTML comment. */
export function stickyMarker(key: string): string {
  const safe = key
    .replace(/[^A-Za-z0-9._:/@+-]/g, "_")
    .replace(/-{2,}/g, "-")
    .slice(0, 200);
  return `<!-- prodgate:sticky ${safe} -->`;
}

/** `rel="next"` (or another rel) of a Link header. */
export function linkRel(link: string | undefined, rel: string): string | undefined {
  if (!link) return undefined;
  for (const part of link.split(",")) {
    const m = /<([^>]+)>\s*;\s*rel="([^"]+)"/.exec(part.trim());
    if (m?.[2]?.split(/\s+/).includes(rel)) return m[1];
  }
  return undefined;
}

function pageOf(url: string | undefined): number | undefined {
  if (!url) return undefined;
  try {
    const page = Number(new URL(url).searchParams.get("page"));
    return Number.isInteger(page) && page > 0 ? page : undefined;
  } catch {
    return undefined;
  }
}

const seg = encodeURIComponent;

export function shortSha(sha: string): string {
  return sha.slice(0, 7);
}

// ---- the client ----

export class GitHubClient {
  readonly owner: string;
  readonly repo: string;
  readonly http: HttpClient;
  private readonly clock: Clock;
  private readonly opts: GitHubClientOptions;

  constructor(opts: GitHubClientOptions) {
    if (!opts.token) throw new InputError("github-token", "is required");
    const { owner, repo } = parseRepository("repository", opts.repository);
    this.owner = owner;
    this.repo = repo;
    this.opts = opts;
    this.clock = opts.clock ?? systemClock;
    this.http = new HttpClient({
      vendor: "GitHub",
      baseUrl: opts.baseUrl || process.env.GITHUB_API_URL || "https://api.github.com",
      headers: {
        accept: "application/vnd.github+json",
        authorization: `Bearer ${opts.token}`,
        "x-github-api-version": GITHUB_API_VERSION,
        "user-agent": opts.userAgent ?? "prodgate",
      },
      timeoutMs: opts.timeoutMs ?? 15_000,
      retries: opts.retries ?? 3,
      backoffMs: opts.backoffMs ?? 500,
      maxRetryAfterMs: opts.maxRetryAfterMs ?? 60_000,
      clock: this.clock,
      describe: (res, req) => this.describe(res, req),
      onRetry: ({ attempt, waitMs, reason, req }) =>
        opts.onRetry?.({ attempt, waitMs, reason, what: `${req.method} ${req.path.split("?")[0]}` }),
    });
  }

  get fullName(): string {
    return `${this.owner}/${this.repo}`;
  }

  private login?: Promise<string>;

  /**
   * The login the token acts as (its comments carry it): GET /user for a user token; an installation token
   * (the job's GITHUB_TOKEN) cannot read /user and acts as github-actions[bot]. Asked once per client.
   */
  identity(): Promise<string> {
    this.login ??= this.request<GitHubUser>("GET", "/user", {
      accept: [401, 403],
      what: "read the token's user",
    }).then((res) => (res.status === 200 && res.json?.login ? res.json.login : ACTIONS_BOT_LOGIN));
    this.login.catch(() => {
      this.login = undefined;
    });
    return this.login;
  }

  get baseUrl(): string {
    return this.http.baseUrl;
  }

  /** `/repos/{owner}/{repo}` + rest. */
  repoPath(rest = ""): string {
    return `/repos/${seg(this.owner)}/${seg(this.repo)}${rest}`;
  }

  /** One call, with rate-limit waits and error messages that name the operation and the fix. */
  async request<T>(method: string, path: string, opts: CallOptions = {}): Promise<HttpResponse<T>> {
    const req: HttpRequest = {
      method,
      path,
      query: opts.query,
      body: opts.body,
      accept: opts.accept,
      retry: opts.retry,
    };
    const limit = this.opts.rateLimitRetries ?? 3;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.http.send<T>(req);
      } catch (err) {
        if (err instanceof GitHubRateLimited && attempt < limit && opts.retry !== false) {
          const cap = this.opts.maxRetryAfterMs ?? 60_000;
          if (err.waitMs <= cap) {
            this.opts.onRetry?.({
              attempt: attempt + 1,
              waitMs: err.waitMs,
              reason: `${err.status} rate limited`,
              what: `${method} ${path}`,
            });
            await this.clock.sleep(err.waitMs);
            continue;
          }
        }
        throw this.explain(err, method, path, opts);
      }
    }
  }

  async json<T>(method: string, path: string, opts: CallOptions = {}): Promise<T> {
    return (await this.request<T>(method, path, opts)).json;
  }

  /** Every item of a list endpoint (100 a page), following Link rel="next", up to `maxItems`. */
  async paginate<T>(
    path: string,
    opts: CallOptions & { maxItems?: number; perPage?: number } = {},
  ): Promise<T[]> {
    const items: T[] = [];
    const max = opts.maxItems ?? Number.POSITIVE_INFINITY;
    let next: string | undefined = path;
    let query: CallOptions["query"] = { per_page: opts.perPage ?? 100, ...opts.query };
    while (next && items.length < max) {
      const res: HttpResponse<T[]> = await this.request<T[]>("GET", next, { ...opts, query });
      if (!Array.isArray(res.json)) break;
      items.push(...res.json);
      next = this.relativeLink(linkRel(res.headers.link, "next"));
      query = undefined; // the next link carries the query
    }
    return items.slice(0, max);
  }

  // ---- commits and refs ----

  /** The commit a branch, tag or SHA names. Throws a 404 GitHubError when the repository has none. */
  async getCommit(ref: string): Promise<GitHubCommit> {
    const commit = await this.findCommit(ref);
    if (!commit)
      throw new GitHubError(
        `'${ref}' names no branch, tag or commit in ${this.fullName}: push it, or check the name`,
        404,
      );
    return commit;
  }

  /** Like getCommit, but undefined when the repository has no such commit (404 or 422). */
  async findCommit(ref: string): Promise<GitHubCommit | undefined> {
    const res = await this.request<GitHubCommit>("GET", this.repoPath(`/commits/${seg(ref)}`), {
      accept: [404, 422],
      what: `read commit ${ref}`,
    });
    return res.status === 200 ? res.json : undefined;
  }

  /** A git ref such as `heads/main` or `tags/v1.2.0`; undefined when it does not exist. */
  async getRef(ref: string): Promise<GitRef | undefined> {
    const clean = ref.replace(/^refs\//, "");
    const res = await this.request<GitRef>(
      "GET",
      this.repoPath(`/git/ref/${clean.split("/").map(seg).join("/")}`),
      {
        accept: [404],
        what: `read ref ${clean}`,
      },
    );
    return res.status === 200 ? res.json : undefined;
  }

  /** The newest commits reachable from `sha`, newest first. */
  async listCommits(sha: string, max: number): Promise<GitHubCommit[]> {
    if (max <= 0) return [];
    return this.paginate<GitHubCommit>(this.repoPath("/commits"), {
      query: { sha },
      perPage: Math.min(100, max),
      maxItems: max,
      what: `list the commits of ${shortSha(sha)}`,
    });
  }

  /** How many commits are reachable from `sha` (one request: per_page=1 and the Link rel="last" page). */
  async countCommits(sha: string): Promise<number> {
    const res = await this.request<GitHubCommit[]>("GET", this.repoPath("/commits"), {
      query: { sha, per_page: 1 },
      what: `count the commits of ${shortSha(sha)}`,
    });
    return pageOf(linkRel(res.headers.link, "last")) ?? (Array.isArray(res.json) ? res.json.length : 0);
  }

  /**
   * Compares base...head. The counts come from GitHub (right for any size); the commits are the newest
   * `newest` of the range, newest first, read from the last pages only, so a range of thousands of commits
   * costs a few requests. A 404 (a SHA not in the repository, or no common ancestor) throws a GitHubError
   * with status 404.
   */
  async compare(
    base: string,
    head: string,
    opts: { newest?: number; pageSize?: number } = {},
  ): Promise<Comparison> {
    const newest = Math.max(0, opts.newest ?? 50);
    const perPage = Math.min(100, Math.max(1, opts.pageSize ?? 100));
    const path = this.repoPath(`/compare/${seg(base)}...${seg(head)}`);
    const call = (page: number) =>
      this.json<RawComparison>("GET", path, {
        query: { per_page: perPage, page },
        what: `compare ${shortSha(base)}...${shortSha(head)}`,
        hints: {
          404: `a SHA is not in ${this.fullName} (or the two share no history): push the commit, or check from-sha and ref`,
        },
      });
    const first = await call(1);
    const total = first.total_commits;
    const lastPage = Math.max(1, Math.ceil(total / perPage));
    const pages = new Map<number, GitHubCommit[]>([[1, first.commits]]);
    let fetched = 1;
    // Walk back from the last page until `newest` commits are in hand.
    const walked: number[] = [];
    let have = 0;
    for (let page = lastPage; page >= 1 && have < newest; page--) {
      let commits = pages.get(page);
      if (!commits) {
        commits = (await call(page)).commits;
        pages.set(page, commits);
        fetched++;
      }
      walked.unshift(page);
      have += commits.length;
    }
    const chronological = walked.flatMap((page) => pages.get(page) ?? []);
    return {
      status: first.status,
      aheadBy: first.ahead_by,
      behindBy: first.behind_by,
      totalCommits: total,
      htmlUrl: first.html_url,
      baseCommit: first.base_commit,
      mergeBaseCommit: first.merge_base_commit,
      commits: chronological.slice(Math.max(0, chronological.length - newest)).reverse(),
      files: first.files ?? [],
      pagesFetched: fetched,
    };
  }

  // ---- pull requests ----

  /** Pull requests GitHub associates with a commit (its head, or the merge that produced it). */
  async pullsForCommit(sha: string): Promise<PullRequest[]> {
    return this.paginate<PullRequest>(this.repoPath(`/commits/${seg(sha)}/pulls`), {
      maxItems: 100,
      what: `list the pull requests of ${shortSha(sha)}`,
    });
  }

  // ---- comments ----

  listIssueComments(issue: number): Promise<Comment[]> {
    return this.paginate<Comment>(this.repoPath(`/issues/${issue}/comments`), {
      what: `list the comments of #${issue}`,
      hints: { 404: `#${issue} is not an issue or pull request of ${this.fullName}` },
    });
  }

  createIssueComment(issue: number, body: string): Promise<Comment> {
    return this.json<Comment>("POST", this.repoPath(`/issues/${issue}/comments`), {
      body: { body },
      retry: false,
      what: `comment on #${issue}`,
      hints: prCommentHints(issue, this.fullName),
    });
  }

  updateIssueComment(id: number, body: string): Promise<Comment> {
    return this.json<Comment>("PATCH", this.repoPath(`/issues/comments/${id}`), {
      body: { body },
      what: `update comment ${id}`,
      hints: prCommentHints(undefined, this.fullName),
    });
  }

  async deleteIssueComment(id: number): Promise<void> {
    await this.request("DELETE", this.repoPath(`/issues/comments/${id}`), {
      accept: [404],
      what: `delete comment ${id}`,
      hints: prCommentHints(undefined, this.fullName),
    });
  }

  listCommitComments(sha: string): Promise<Comment[]> {
    return this.paginate<Comment>(this.repoPath(`/commits/${seg(sha)}/comments`), {
      what: `list the comments of commit ${shortSha(sha)}`,
    });
  }

  createCommitComment(sha: string, body: string): Promise<Comment> {
    return this.json<Comment>("POST", this.repoPath(`/commits/${seg(sha)}/comments`), {
      body: { body },
      retry: false,
      what: `comment on commit ${shortSha(sha)}`,
      hints: commitCommentHints(),
    });
  }

  updateCommitComment(id: number, body: string): Promise<Comment> {
    return this.json<Comment>("PATCH", this.repoPath(`/comments/${id}`), {
      body: { body },
      what: `update commit comment ${id}`,
      hints: commitCommentHints(),
    });
  }

  async deleteCommitComment(id: number): Promise<void> {
    await this.request("DELETE", this.repoPath(`/comments/${id}`), {
      accept: [404],
      what: `delete commit comment ${id}`,
      hints: commitCommentHints(),
    });
  }

  /**
   * One comment per `key` on a pull request or a commit: found by a hidden marker, updated in place, created
   * only when none exists. Duplicates left by two runs racing are folded into the oldest one.
   */
  async upsertStickyComment(opts: {
    target: CommentTarget;
    key: string;
    body: string;
  }): Promise<StickyResult> {
    const marker = stickyMarker(opts.key);
    const full = fitComment(`${marker}\n${opts.body}`);
    const ops = this.commentOps(opts.target);
    // Only comments this token wrote: anyone can post a comment that carries the marker, and it must never be
    // edited (its author could rewrite it under the approvers' eyes) nor anyone else's removed.
    const self = (await this.identity()).toLowerCase();
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

  private commentOps(target: CommentTarget) {
    if ("pr" in target) {
      return {
        list: () => this.listIssueComments(target.pr),
        create: (body: string) => this.createIssueComment(target.pr, body),
        update: (id: number, body: string) => this.updateIssueComment(id, body),
        remove: (id: number) => this.deleteIssueComment(id),
      };
    }
    return {
      list: () => this.listCommitComments(target.commit),
      create: (body: string) => this.createCommitComment(target.commit, body),
      update: (id: number, body: string) => this.updateCommitComment(id, body),
      remove: (id: number) => this.deleteCommitComment(id),
    };
  }

  // ---- deployments ----

  /** Deployments, newest first, filtered as GitHub filters them. */
  async listDeployments(
    filter: { sha?: string; ref?: string; environment?: string; task?: string } = {},
    maxItems = 100,
  ): Promise<Deployment[]> {
    const list = await this.paginate<Deployment>(this.repoPath("/deployments"), {
      query: filter,
      maxItems,
      what: "list deployments",
    });
    return list.sort((a, b) => b.id - a.id);
  }

  async createDeployment(req: DeploymentRequest): Promise<Deployment> {
    const res = await this.request<Deployment & { message?: string }>("POST", this.repoPath("/deployments"), {
      body: {
        ref: req.ref ?? req.sha,
        task: req.task ?? "deploy",
        auto_merge: false,
        required_contexts: [],
        environment: req.environment,
        description: req.description?.slice(0, 140),
        payload: req.payload ?? {},
        production_environment: req.production_environment,
        transient_environment: req.transient_environment,
      },
      retry: false,
      what: `create a deployment of ${shortSha(req.sha)} to ${req.environment}`,
      hints: deploymentHints(),
    });
    if (res.status !== 201 || typeof res.json?.id !== "number")
      throw new GitHubError(
        `GitHub did not create a deployment of ${shortSha(req.sha)} to ${req.environment} (${res.status}${res.json?.message ? `: ${res.json.message}` : ""})`,
        res.status,
      );
    return res.json;
  }

  /**
   * The deployment of `sha` to `environment`: the one a job that names the environment already has (newest
   * first), else a new one. Never creates a second one for the same SHA and environment.
   */
  async findOrCreateDeployment(
    req: DeploymentRequest,
  ): Promise<{ deployment: Deployment; created: boolean }> {
    // Listed by SHA only: environment names are case-insensitive on GitHub, the filter may not be.
    const env = req.environment.toLowerCase();
    const found = await this.listDeployments({ sha: req.sha }, 100);
    const match = found.find((d) => d.sha === req.sha && d.environment.toLowerCase() === env);
    if (match) return { deployment: match, created: false };
    return { deployment: await this.createDeployment(req), created: true };
  }

  setDeploymentStatus(id: number, status: DeploymentStatusRequest): Promise<DeploymentStatus> {
    const body: Record<string, unknown> = { state: status.state };
    if (status.environment_url) body.environment_url = status.environment_url;
    if (status.log_url) body.log_url = status.log_url;
    if (status.description !== undefined) body.description = cut(status.description, 140);
    if (status.environment) body.environment = status.environment;
    if (status.auto_inactive !== undefined) body.auto_inactive = status.auto_inactive;
    return this.json<DeploymentStatus>("POST", this.repoPath(`/deployments/${id}/statuses`), {
      body,
      what: `set deployment ${id} to ${status.state}`,
      hints: deploymentHints(),
    });
  }

  listDeploymentStatuses(id: number): Promise<DeploymentStatus[]> {
    return this.paginate<DeploymentStatus>(this.repoPath(`/deployments/${id}/statuses`), {
      what: `list the statuses of deployment ${id}`,
    });
  }

  // ---- workflow runs and issues (status sweep) ----

  /** Workflow runs, newest first: of the repository, or of one workflow file (`deploy.yml`) when given. */
  async listWorkflowRuns(
    opts: { branch?: string; workflow?: string; perPage?: number; event?: string } = {},
  ): Promise<WorkflowRun[]> {
    const path = opts.workflow
      ? this.repoPath(`/actions/workflows/${seg(opts.workflow)}/runs`)
      : this.repoPath("/actions/runs");
    const res = await this.request<{ total_count: number; workflow_runs: WorkflowRun[] }>("GET", path, {
      query: { branch: opts.branch, event: opts.event, per_page: Math.min(100, opts.perPage ?? 30) },
      what: `list workflow runs${opts.workflow ? ` of ${opts.workflow}` : ""}`,
      hints: { 403: "The token needs `actions: read`: add `permissions: actions: read` to the job" },
    });
    return res.json?.workflow_runs ?? [];
  }

  /** Issues (not pull requests) with every one of `labels`, open by default. */
  async listIssues(
    opts: { labels?: string[]; state?: "open" | "closed" | "all"; maxItems?: number } = {},
  ): Promise<Issue[]> {
    const items = await this.paginate<Issue>(this.repoPath("/issues"), {
      query: { labels: opts.labels?.join(","), state: opts.state ?? "open" },
      maxItems: opts.maxItems ?? 500,
      what: "list issues",
    });
    return items.filter((i) => !i.pull_request);
  }

  createIssue(issue: { title: string; body: string; labels?: string[] }): Promise<Issue> {
    return this.json<Issue>("POST", this.repoPath("/issues"), {
      body: { title: issue.title, body: fitComment(issue.body), labels: issue.labels },
      retry: false,
      what: "open an issue",
      hints: { 403: "The token needs `issues: write`: add `permissions: issues: write` to the job" },
    });
  }

  updateIssue(
    number: number,
    patch: {
      state?: "open" | "closed";
      state_reason?: "completed" | "not_planned" | "reopened";
      body?: string;
    },
  ): Promise<Issue> {
    return this.json<Issue>("PATCH", this.repoPath(`/issues/${number}`), {
      body: patch,
      what: `update issue #${number}`,
      hints: { 403: "The token needs `issues: write`: add `permissions: issues: write` to the job" },
    });
  }

  // ---- Actions secrets metadata and workflow dispatch (rotation sweep) ----

  /** Names and dates of the repository's Actions secrets; GitHub never returns their values. */
  listRepoSecrets(): Promise<ActionsSecretInfo[]> {
    return this.listSecrets(
      this.repoPath("/actions/secrets"),
      `list the Actions secrets of ${this.fullName}`,
      {
        404: `${this.fullName} does not exist or the token cannot see it`,
      },
    );
  }

  /** Names and dates of an environment's secrets. */
  listEnvironmentSecrets(environment: string): Promise<ActionsSecretInfo[]> {
    return this.listSecrets(
      this.repoPath(`/environments/${seg(environment)}/secrets`),
      `list the secrets of environment ${environment} of ${this.fullName}`,
      {
        404: `${this.fullName} has no environment '${environment}' (or the token cannot see the repository)`,
      },
    );
  }

  private async listSecrets(
    path: string,
    what: string,
    hints: Partial<Record<number, string>>,
  ): Promise<ActionsSecretInfo[]> {
    const out: ActionsSecretInfo[] = [];
    for (let page = 1; page <= 50; page++) {
      const body = await this.json<{ total_count?: number; secrets?: ActionsSecretInfo[] }>("GET", path, {
        query: { per_page: 100, page },
        what,
        hints: { ...SECRETS_READ_HINTS, ...hints },
      });
      const secrets = Array.isArray(body?.secrets) ? body.secrets : [];
      for (const s of secrets)
        if (typeof s?.name === "string")
          out.push({
            name: s.name,
            created_at: String(s.created_at ?? ""),
            updated_at: String(s.updated_at ?? ""),
          });
      if (secrets.length < 100 || out.length >= (body?.total_count ?? 0)) break;
    }
    return out;
  }

  /**
   * Dispatches a workflow (file name, e.g. rotate-heroku.yml) on `ref` with `inputs`, asking GitHub for the
   * run's id (`return_run_details`); a server that answers 204 without it yields no run id. Never retried:
   * a second dispatch would start a second run.
   */
  async dispatchWorkflow(
    workflow: string,
    ref: string,
    inputs: Record<string, string>,
  ): Promise<{ runId?: number; runUrl?: string; htmlUrl?: string }> {
    const res = await this.request<{ workflow_run_id?: number; run_url?: string; html_url?: string }>(
      "POST",
      this.repoPath(`/actions/workflows/${seg(workflow)}/dispatches`),
      {
        body: { ref, inputs, return_run_details: true },
        retry: false,
        what: `dispatch ${workflow} in ${this.fullName}`,
        hints: {
          403: "The token needs `actions: write` to dispatch workflows: add `permissions: actions: write` to the job (or pass a token that has it)",
          404: `${this.fullName} has no workflow ${workflow} (or the token cannot see it)`,
          422: `the workflow needs an \`on: workflow_dispatch\` trigger declaring the inputs ${Object.keys(inputs).join(" and ")}, and the ref '${ref}' must exist`,
        },
      },
    );
    const body = res.status === 200 ? res.json : undefined;
    return {
      ...(typeof body?.workflow_run_id === "number" ? { runId: body.workflow_run_id } : {}),
      ...(typeof body?.run_url === "string" ? { runUrl: body.run_url } : {}),
      ...(typeof body?.html_url === "string" ? { htmlUrl: body.html_url } : {}),
    };
  }

  /** One workflow run (status, conclusion, link). */
  getWorkflowRun(runId: number): Promise<WorkflowRun> {
    return this.json<WorkflowRun>("GET", this.repoPath(`/actions/runs/${runId}`), {
      what: `read workflow run ${runId} of ${this.fullName}`,
      hints: { 403: "The token needs `actions: read`: add `permissions: actions: read` to the job" },
    });
  }

  // ---- environments, run approvals and environment setup (the gate) ----

  /** An environment with its protection rules; undefined when the repository has none by that name. */
  async getEnvironment(name: string): Promise<GitHubEnvironment | undefined> {
    const res = await this.request<GitHubEnvironment>("GET", this.repoPath(`/environments/${seg(name)}`), {
      accept: [404],
      what: `read environment ${name} of ${this.fullName}`,
      hints: {
        403: "The token needs read access to the repository's Actions: add `permissions: actions: read` to the job",
      },
    });
    return res.status === 200 ? res.json : undefined;
  }

  /** The reviews (approvals and rejections) of a workflow run's environments, as GitHub lists them. */
  async listRunApprovals(runId: string | number): Promise<RunApproval[]> {
    const list = await this.json<RunApproval[]>(
      "GET",
      this.repoPath(`/actions/runs/${seg(String(runId))}/approvals`),
      {
        what: `read the approvals of run ${runId} of ${this.fullName}`,
        hints: {
          403: "The token needs `actions: read`: add `permissions: actions: read` to the job",
          404: `${this.fullName} has no workflow run ${runId} (or the token cannot see it)`,
        },
      },
    );
    return Array.isArray(list) ? list : [];
  }

  /** Creates or updates an environment's protection rules (needs a token that administers the repository). */
  putEnvironment(name: string, body: EnvironmentPutBody): Promise<GitHubEnvironment> {
    return this.json<GitHubEnvironment>("PUT", this.repoPath(`/environments/${seg(name)}`), {
      body,
      what: `configure environment ${name} of ${this.fullName}`,
      hints: ENVIRONMENT_ADMIN_HINTS,
    });
  }

  /** The branch and tag patterns allowed to deploy to an environment with custom branch policies. */
  async listBranchPolicies(environment: string): Promise<DeploymentBranchPolicy[]> {
    const out: DeploymentBranchPolicy[] = [];
    for (let page = 1; page <= 20; page++) {
      const body = await this.json<{ total_count?: number; branch_policies?: DeploymentBranchPolicy[] }>(
        "GET",
        this.repoPath(`/environments/${seg(environment)}/deployment-branch-policies`),
        {
          query: { per_page: 100, page },
          what: `list the deployment branches of environment ${environment}`,
        },
      );
      const items = Array.isArray(body?.branch_policies) ? body.branch_policies : [];
      out.push(...items);
      if (items.length < 100 || out.length >= (body?.total_count ?? 0)) break;
    }
    return out;
  }

  createBranchPolicy(
    environment: string,
    name: string,
    type: "branch" | "tag" = "branch",
  ): Promise<DeploymentBranchPolicy> {
    return this.json<DeploymentBranchPolicy>(
      "POST",
      this.repoPath(`/environments/${seg(environment)}/deployment-branch-policies`),
      {
        body: { name, type },
        retry: false,
        what: `allow ${type} ${name} to deploy to environment ${environment}`,
        hints: ENVIRONMENT_ADMIN_HINTS,
      },
    );
  }

  async deleteBranchPolicy(environment: string, id: number): Promise<void> {
    await this.request(
      "DELETE",
      this.repoPath(`/environments/${seg(environment)}/deployment-branch-policies/${id}`),
      {
        accept: [404],
        what: `remove deployment branch policy ${id} of ${environment}`,
        hints: ENVIRONMENT_ADMIN_HINTS,
      },
    );
  }

  /** A user by login; undefined when GitHub has nobody by that name. */
  async getUser(login: string): Promise<GitHubUser | undefined> {
    const res = await this.request<GitHubUser>("GET", `/users/${seg(login)}`, {
      accept: [404],
      what: `look up user ${login}`,
    });
    return res.status === 200 ? res.json : undefined;
  }

  /** A team of an organization by slug; undefined when there is none (or the token cannot see it). */
  async getTeam(org: string, slug: string): Promise<GitHubTeam | undefined> {
    const res = await this.request<GitHubTeam>("GET", `/orgs/${seg(org)}/teams/${seg(slug)}`, {
      accept: [404],
      what: `look up team @${org}/${slug}`,
      hints: { 403: "Reading teams needs a token with `read:org` (classic) or organization Members: read" },
    });
    return res.status === 200 ? res.json : undefined;
  }

  // ---- internals ----

  /** A Link URL as a path on our base URL; refuses one on another host (the token must not travel there). */
  private relativeLink(link: string | undefined): string | undefined {
    if (!link) return undefined;
    const base = new URL(this.http.baseUrl);
    const url = new URL(link, base);
    if (url.origin !== base.origin)
      throw new GitHubError(
        `GitHub sent a pagination link to another host (${url.origin}); not following it`,
      );
    const basePath = base.pathname.replace(/\/+$/, "");
    const path = url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) : url.pathname;
    return `${path}${url.search}`;
  }

  private describe(res: HttpResponse, req: HttpRequest): Error {
    const apiMessage = messageOf(res.json);
    const path = req.path.split("?")[0];
    if (res.status === 403 || res.status === 429) {
      const now = this.clock.now();
      const after = retryAfterMs(res.headers["retry-after"], now);
      const reset = Number(res.headers["x-ratelimit-reset"]);
      const exhausted = res.headers["x-ratelimit-remaining"] === "0";
      if (res.status === 403 && (after !== undefined || exhausted)) {
        const waitMs =
          after ?? (Number.isFinite(reset) ? Math.max(0, reset * 1000 - now.getTime()) + 1000 : 60_000);
        const until =
          Number.isFinite(reset) && exhausted ? ` until ${new Date(reset * 1000).toISOString()}` : "";
        return new GitHubRateLimited(
          `GitHub rate limit reached${until} (${res.status}${apiMessage ? `: ${apiMessage}` : ""})`,
          res.status,
          waitMs,
        );
      }
    }
    return new GitHubError(
      `GitHub answered ${res.status} for ${req.method} ${path}${apiMessage ? `: ${apiMessage}` : ""}`,
      res.status,
      apiMessage,
      res.status === 429 || res.status >= 500,
    );
  }

  private explain(err: unknown, method: string, path: string, opts: CallOptions): unknown {
    if (!(err instanceof VendorError)) return err;
    const what = opts.what ?? `${method} ${path.split("?")[0]}`;
    if (err.status === 401)
      return new GitHubError(
        `Could not ${what}: GitHub answered 401 (${(err as GitHubError).apiMessage ?? "Bad credentials"}): the token is invalid or expired; check github-token`,
        401,
        (err as GitHubError).apiMessage,
      );
    if (err instanceof GitHubRateLimited)
      return new GitHubError(`Could not ${what}: ${err.message}`, err.status, err.apiMessage, true);
    const hint = err.status !== undefined ? opts.hints?.[err.status] : undefined;
    if (err instanceof GitHubError && err.status !== undefined) {
      const detail = err.apiMessage ? `: ${err.apiMessage}` : "";
      return new GitHubError(
        `Could not ${what}: GitHub answered ${err.status}${detail}${hint ? `. ${hint}` : ""}`,
        err.status,
        err.apiMessage,
        err.retryable,
      );
    }
    return new GitHubError(`Could not ${what}: ${err.message}`, err.status, undefined, err.retryable);
  }
}

function prCommentHints(issue: number | undefined, repo: string): Partial<Record<number, string>> {
  return {
    403: "The token needs `pull-requests: write` to comment on pull requests: add `permissions: pull-requests: write` to the job (or pass a token that has it)",
    404:
      issue === undefined ? `the comment is gone from ${repo}` : `#${issue} is not a pull request of ${repo}`,
  };
}

function commitCommentHints(): Partial<Record<number, string>> {
  return {
    403: "The token needs `contents: write` to comment on commits: add `permissions: contents: write` to the job (or pass a token that has it)",
  };
}

function deploymentHints(): Partial<Record<number, string>> {
  return {
    403: "The token needs `deployments: write`: add `permissions: deployments: write` to the job (or pass a token that has it)",
    422: "GitHub refused the deployment request; check the SHA and the environment name",
  };
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A comment body within GitHub's limit: cut at a line break with a note when it is too long. */
export function fitComment(body: string): string {
  if (body.length <= COMMENT_LIMIT) return body;
  const note = "\n\n_…cut to fit GitHub's comment size limit._";
  const room = COMMENT_LIMIT - note.length;
  const at = body.lastIndexOf("\n", room);
  return `${body.slice(0, at > room / 2 ? at : room)}${note}`;
}

// ---- issue-comment approval gate: issues read back, assignees, team members, every comment page ----

/** An issue as GET /repos/{owner}/{repo}/issues/{number} returns it: with who closed it and when. */
export interface IssueDetails extends Issue {
  state_reason?: "completed" | "not_planned" | "reopened" | "duplicate" | null;
  closed_at?: string | null;
  closed_by?: GitHubUser | null;
  assignees?: GitHubUser[] | null;
  user?: GitHubUser | null;
}

const ISSUES_WRITE_HINT = "The token needs `issues: write`: add `permissions: issues: write` to the job";

/** One issue; undefined when it is gone (404, or 410 for a deleted issue). */
export async function getIssue(gh: GitHubClient, number: number): Promise<IssueDetails | undefined> {
  const res = await gh.request<IssueDetails>("GET", gh.repoPath(`/issues/${number}`), {
    accept: [404, 410],
    what: `read issue #${number}`,
  });
  return res.status === 200 ? res.json : undefined;
}

/**
 * Assigns users to an issue (GitHub keeps at most 10 and silently skips users who cannot be assigned, such
 * as people without access to the repository).
 */
export function addIssueAssignees(gh: GitHubClient, number: number, logins: string[]): Promise<IssueDetails> {
  return gh.json<IssueDetails>("POST", gh.repoPath(`/issues/${number}/assignees`), {
    body: { assignees: logins.slice(0, 10) },
    what: `assign #${number}`,
    hints: { 403: ISSUES_WRITE_HINT },
  });
}

/** Logins of a team's members (child teams included, as GitHub lists them), every page. */
export async function listTeamMembers(gh: GitHubClient, org: string, slug: string): Promise<string[]> {
  const users = await gh.paginate<GitHubUser>(`/orgs/${seg(org)}/teams/${seg(slug)}/members`, {
    what: `list the members of team @${org}/${slug}`,
    hints: {
      403: "Reading team members needs a token with organization members read permission (a GitHub App token with `Members: read`, or a token with the `read:org` scope); the job's GITHUB_TOKEN cannot have it: pass such a token in 'github-token', or list the approvers by login",
      404: `@${org}/${slug} is not a team of ${org}, or the token cannot see it (a GitHub App token needs \`Members: read\`, a classic token \`read:org\`)`,
    },
  });
  return users.map((u) => u.login).filter((l): l is string => typeof l === "string" && l !== "");
}

/** Every comment of an issue, oldest first, following every Link rel="next" page. */
export function listAllIssueComments(
  gh: GitHubClient,
  number: number,
  opts: { perPage?: number; maxItems?: number } = {},
): Promise<Comment[]> {
  return gh.paginate<Comment>(gh.repoPath(`/issues/${number}/comments`), {
    perPage: Math.min(100, Math.max(1, opts.perPage ?? 100)),
    maxItems: opts.maxItems ?? 10_000,
    what: `list the comments of #${number}`,
    hints: { 404: `#${number} is not an issue of ${gh.fullName}` },
  });
}
