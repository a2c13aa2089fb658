import { createHash } from "node:crypto";
import type { GitHubApiFake } from "./github-api.js";

/**
 * The GitHub fake's model: tokens and their permissions, and repositories with a commit graph, branches and
 * tags, pull requests, issues and comments, deployments and workflow runs, seeded by tests and the sandbox.
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
