import { createHash } from "node:crypto";
import type { components } from "@octokit/openapi-types";
import { RequestError } from "@octokit/request-error";
import { InputError, VendorError } from "../core/errors.js";
import { type Clock, systemClock } from "../core/ports.js";
import type { ETagCache } from "./github-etag.js";
import { memoryETagCache } from "./github-etag.js";
import {
  apiMessageOf,
  CrossHostLink,
  createOctokit,
  type GitHubOctokit,
  type RetryInfo,
  rateLimitPlan,
} from "./github-octokit.js";

/**
 * The GitHub client's plumbing, on Octokit (see github-octokit.ts): options, the error every call throws
 * (naming the operation and, where one exists, the fix), and `call` / `list` / `request`, which every area
 * (commits, comments, deployments, issues, Actions, environments) builds its methods on.
 */

/** Who a workflow's GITHUB_TOKEN acts as. */
export const ACTIONS_BOT_LOGIN = "github-actions[bot]";
/** GitHub rejects comment bodies over 65,536 characters. */
export const COMMENT_LIMIT = 65_536;

/**
 * A schema of GitHub's OpenAPI description. The generated types allow `bigint` for every integer (Octokit
 * parses integers past 2^53 as BigInt); GitHub's ids and counts stay far below that, so they read as numbers.
 */
export type Schema<K extends keyof components["schemas"]> = NoBigInt<components["schemas"][K]>;
type NoBigInt<T> = T extends bigint
  ? never
  : T extends (infer U)[]
    ? NoBigInt<U>[]
    : T extends object
      ? { [K in keyof T]: NoBigInt<T[K]> }
      : T;
export type GitHubUser = Schema<"simple-user">;

export interface GitHubClientOptions {
  token: string;
  /** "owner/name", e.g. the GITHUB_REPOSITORY of a run. */
  repository: string;
  /** Default: GITHUB_API_URL from the environment, else https://api.github.com. */
  baseUrl?: string;
  timeoutMs?: number;
  /** Extra attempts after a 5xx or a network error. Default 3. */
  retries?: number;
  /** First backoff after a 5xx or network error, doubled each retry. Default 500 ms. */
  backoffMs?: number;
  /** Cap on a wait GitHub asks for (Retry-After, rate-limit reset); a longer wait fails at once. Default 5 min. */
  maxRetryAfterMs?: number;
  /** Extra attempts after a rate limit (primary or secondary). Default 3. */
  rateLimitRetries?: number;
  /** Content-creating requests a minute before the client paces itself. Default 80 (GitHub's limit). */
  writesPerMinute?: number;
  /** Where ETags of earlier reads live (default: in memory, per client). */
  etags?: ETagCache;
  clock?: Clock;
  onRetry?: (info: RetryInfo) => void;
  /** Prepended to Octokit's own user agent. Default prodgate/<version>. */
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

export interface CallOptions {
  /** Statuses returned to the caller (`ok: false`) instead of thrown. */
  accept?: number[];
  /** false: never re-sent after a 5xx or network error (a second POST could do the thing twice). */
  retry?: boolean;
  /** What the call does, for messages: "create a PR comment". */
  what?: string;
  /** The fix to add to an error of a given status. */
  hints?: Partial<Record<number, string>>;
}

export type Answer<T> =
  | { ok: true; status: number; headers: Record<string, string | number | undefined>; data: T }
  | { ok: false; status: number; headers: Record<string, string | number | undefined>; data: unknown };

/** The shape of the older `request`: status, headers and the parsed body. */
export interface GitHubResponse<T> {
  status: number;
  headers: Record<string, string | undefined>;
  json: T;
}

type Params = Record<string, unknown>;

/** "owner/name" → its parts, or an InputError naming `input`. */
export function parseRepository(input: string, raw: string): { owner: string; repo: string } {
  const m = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/.exec(raw.trim());
  if (!m || m[2] === "." || m[2] === "..")
    throw new InputError(input, `must be a repository as owner/name; got '${raw}'`);
  return { owner: m[1]!, repo: m[2]! };
}

export function shortSha(sha: string): string {
  return sha.slice(0, 7);
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

export function pageOf(url: string | undefined): number | undefined {
  if (!url) return undefined;
  try {
    const page = Number(new URL(url).searchParams.get("page"));
    return Number.isInteger(page) && page > 0 ? page : undefined;
  } catch {
    return undefined;
  }
}

export class GitHubCore {
  readonly owner: string;
  readonly repo: string;
  readonly octokit: GitHubOctokit;
  readonly baseUrl: string;
  protected readonly clock: Clock;

  constructor(opts: GitHubClientOptions) {
    if (!opts.token) throw new InputError("github-token", "is required");
    const { owner, repo } = parseRepository("repository", opts.repository);
    this.owner = owner;
    this.repo = repo;
    this.clock = opts.clock ?? systemClock;
    this.baseUrl = (opts.baseUrl || process.env.GITHUB_API_URL || "https://api.github.com").replace(
      /\/+$/,
      "",
    );
    this.octokit = createOctokit({
      token: opts.token,
      baseUrl: this.baseUrl,
      clock: this.clock,
      timeoutMs: opts.timeoutMs ?? 15_000,
      retries: opts.retries ?? 3,
      backoffMs: opts.backoffMs ?? 500,
      maxRetryAfterMs: opts.maxRetryAfterMs ?? 300_000,
      rateLimitRetries: opts.rateLimitRetries ?? 3,
      writesPerMinute: opts.writesPerMinute ?? 80,
      etags: opts.etags ? scoped(opts.etags, opts.token) : memoryETagCache(),
      userAgent: opts.userAgent,
      onRetry: opts.onRetry,
    });
  }

  get fullName(): string {
    return `${this.owner}/${this.repo}`;
  }

  /** `{ owner, repo }` for a route's parameters. */
  get ownerRepo(): { owner: string; repo: string } {
    return { owner: this.owner, repo: this.repo };
  }

  /** `/repos/{owner}/{repo}` + rest, for `request` and `json`. */
  repoPath(rest = ""): string {
    return `/repos/${encodeURIComponent(this.owner)}/${encodeURIComponent(this.repo)}${rest}`;
  }

  private login?: Promise<string>;

  /**
   * The login the token acts as (its comments carry it): GET /user for a user token; an installation token
   * (the job's GITHUB_TOKEN) cannot read /user and acts as github-actions[bot]. Asked once per client.
   */
  identity(): Promise<string> {
    this.login ??= this.call<GitHubUser>(
      "GET /user",
      {},
      { accept: [401, 403], what: "read the token's user" },
    ).then((res) => (res.ok && res.data?.login ? res.data.login : ACTIONS_BOT_LOGIN));
    this.login.catch(() => {
      this.login = undefined;
    });
    return this.login;
  }

  /** One call of a route ("GET /repos/{owner}/{repo}/commits/{ref}"), errors explained. */
  async call<T>(route: string, params: Params, opts: CallOptions = {}): Promise<Answer<T>> {
    try {
      const res = await this.octokit.request(route, {
        ...params,
        ...(opts.retry === false ? { request: { retries: 0 } } : {}),
      });
      return { ok: true, status: res.status, headers: res.headers, data: res.data as T };
    } catch (err) {
      if (err instanceof RequestError && opts.accept?.includes(err.status))
        return {
          ok: false,
          status: err.status,
          headers: err.response?.headers ?? {},
          data: err.response?.data,
        };
      throw this.explain(err, route, opts);
    }
  }

  /** The body of one call that must succeed. */
  async data<T>(route: string, params: Params, opts: CallOptions = {}): Promise<T> {
    const res = await this.call<T>(route, params, opts);
    return res.data as T;
  }

  /** Every item of a list route (100 a page, following Link rel="next"), up to `maxItems`. */
  async list<T>(route: string, params: Params, opts: CallOptions & { maxItems?: number } = {}): Promise<T[]> {
    const max = opts.maxItems ?? Number.POSITIVE_INFINITY;
    const items: T[] = [];
    try {
      for await (const page of this.octokit.paginate.iterator(route, { per_page: 100, ...params })) {
        items.push(...(page.data as T[]));
        if (items.length >= max) break;
      }
    } catch (err) {
      throw this.explain(err, route, opts);
    }
    return items.slice(0, max);
  }

  /** A call by literal path and method (`query` as parameters, `body` as the JSON body), as before Octokit. */
  async request<T>(
    method: string,
    path: string,
    opts: CallOptions & { query?: Params; body?: unknown } = {},
  ): Promise<GitHubResponse<T>> {
    const params: Params = { ...opts.query };
    if (opts.body !== undefined) params.data = opts.body;
    const res = await this.call<T>(`${method} ${path}`, params, opts);
    return {
      status: res.status,
      headers: res.headers as Record<string, string | undefined>,
      json: res.data as T,
    };
  }

  async json<T>(
    method: string,
    path: string,
    opts: CallOptions & { query?: Params; body?: unknown } = {},
  ): Promise<T> {
    return (await this.request<T>(method, path, opts)).json;
  }

  /** A failed call as a GitHubError that names the operation, GitHub's message and the fix. */
  protected explain(err: unknown, route: string, opts: CallOptions): unknown {
    const what = opts.what ?? route.replace(/\?.*$/, "");
    if (err instanceof GitHubError) return err;
    if (err instanceof CrossHostLink) return new GitHubError(`Could not ${what}: ${err.message}`);
    if (!(err instanceof RequestError)) return err;
    const apiMessage = apiMessageOf(err.response?.data);
    if (!err.response) {
      const reason = err.message.replace(/ - https:\/\/docs\.github\.com\S*/, "");
      return new GitHubError(
        `Could not ${what}: GitHub API unreachable: ${reason}`,
        undefined,
        undefined,
        true,
      );
    }
    const status = err.status;
    if (status === 401)
      return new GitHubError(
        `Could not ${what}: GitHub answered 401 (${apiMessage ?? "Bad credentials"}): the token is invalid or expired; check github-token`,
        401,
        apiMessage,
      );
    const plan = rateLimitPlan(err, this.clock.now(), 0);
    if (plan) {
      const resetAt = plan.primary?.resetAt;
      const until = resetAt ? ` until ${resetAt.toISOString()}` : "";
      return new GitHubError(
        `Could not ${what}: GitHub rate limit reached${until} (${status}${apiMessage ? `: ${apiMessage}` : ""})`,
        status,
        apiMessage,
        true,
      );
    }
    const hint = opts.hints?.[status];
    return new GitHubError(
      `Could not ${what}: GitHub answered ${status}${apiMessage ? `: ${apiMessage}` : ""}${hint ? `. ${hint}` : ""}`,
      status,
      apiMessage,
      status >= 500,
    );
  }
}

/** A caller's cache, its keys scoped to the token, so that two tokens never share an answer. */
function scoped(cache: ETagCache, token: string): ETagCache {
  const scope = createHash("sha256").update(token).digest("hex").slice(0, 16);
  return {
    get: (key) => cache.get(`${scope} ${key}`),
    set: (key, entry) => cache.set(`${scope} ${key}`, entry),
  };
}
