import type { Clock } from "../core/ports.js";
import type { FakeReply, FakeServer } from "./fake-server.js";

/**
 * Rate budgets the fakes enforce when asked to (off by default): a fixed window (GitHub's hourly primary limit,
 * Cloudflare's 1,200 per 5 minutes) and a token bucket (Heroku's 4,500 refilled at 75 a minute), each keyed by
 * whatever the fake keys on (a token, a token and a repository), on an injectable Clock so a virtual clock can
 * drive an hour in a moment. Each keeps counts of what it let through, what it let through for free (a 304 on
 * GitHub) and what it refused, for the tests and the api-budget bench.
 */

export interface BudgetState {
  limit: number;
  /** Requests left now (after this one, when it was taken). */
  remaining: number;
  /** Used in the current window (fixed window), or capacity minus what is left (bucket). */
  used: number;
  /** When the window resets (fixed window), or when the bucket is full again (bucket). */
  resetAt: Date;
}

export interface BudgetStats {
  /** Requests let through and counted. */
  counted: number;
  /** Requests let through without counting (GitHub: a 304 to a conditional request). */
  free: number;
  /** Requests refused for want of budget. */
  refused: number;
}

export interface Budget {
  readonly limit: number;
  readonly stats: BudgetStats;
  /** The state of `key`'s budget without spending it. */
  peek(key: string): BudgetState;
  /** Spends one request of `key`'s budget; false (nothing spent) when none is left. */
  take(key: string): boolean;
  /** Gives one request back (an answer that turned out not to count). */
  refund(key: string): void;
}

const newStats = (): BudgetStats => ({ counted: 0, free: 0, refused: 0 });

/** `limit` requests per `windowMs`, the window starting at a key's first request (as GitHub's hour does). */
export class FixedWindow implements Budget {
  readonly stats = newStats();
  private readonly windows = new Map<string, { start: number; used: number }>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly clock: Clock,
  ) {
    if (!(limit > 0) || !(windowMs > 0)) throw new Error("rate budget: limit and window must be positive");
  }

  private window(key: string): { start: number; used: number } {
    const now = this.clock.now().getTime();
    let w = this.windows.get(key);
    if (!w || now >= w.start + this.windowMs) {
      w = { start: now, used: 0 };
      this.windows.set(key, w);
    }
    return w;
  }

  peek(key: string): BudgetState {
    const w = this.window(key);
    return {
      limit: this.limit,
      remaining: Math.max(0, this.limit - w.used),
      used: w.used,
      resetAt: new Date(w.start + this.windowMs),
    };
  }

  take(key: string): boolean {
    const w = this.window(key);
    if (w.used >= this.limit) {
      this.stats.refused++;
      return false;
    }
    w.used++;
    this.stats.counted++;
    return true;
  }

  refund(key: string): void {
    const w = this.window(key);
    if (w.used > 0) w.used--;
    this.stats.counted--;
    this.stats.free++;
  }
}

/** A bucket of `capacity` requests per key, refilled continuously at `refillPerMinute`. */
export class TokenBucket implements Budget {
  readonly stats = newStats();
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    readonly limit: number,
    readonly refillPerMinute: number,
    private readonly clock: Clock,
  ) {
    if (!(limit > 0) || !(refillPerMinute > 0))
      throw new Error("rate budget: capacity and refill must be positive");
  }

  private bucket(key: string): { tokens: number; at: number } {
    const now = this.clock.now().getTime();
    let b = this.buckets.get(key);
    if (!b) {
      b = { tokens: this.limit, at: now };
      this.buckets.set(key, b);
    }
    const refilled = ((now - b.at) / 60_000) * this.refillPerMinute;
    b.tokens = Math.min(this.limit, b.tokens + refilled);
    b.at = now;
    return b;
  }

  peek(key: string): BudgetState {
    const b = this.bucket(key);
    const remaining = Math.floor(b.tokens);
    const msToFull = ((this.limit - b.tokens) / this.refillPerMinute) * 60_000;
    return {
      limit: this.limit,
      remaining,
      used: this.limit - remaining,
      resetAt: new Date(b.at + Math.ceil(msToFull)),
    };
  }

  take(key: string): boolean {
    const b = this.bucket(key);
    if (b.tokens < 1) {
      this.stats.refused++;
      return false;
    }
    b.tokens -= 1;
    this.stats.counted++;
    return true;
  }

  refund(key: string): void {
    const b = this.bucket(key);
    b.tokens = Math.min(this.limit, b.tokens + 1);
    this.stats.counted--;
    this.stats.free++;
  }

  /** Milliseconds until one request is available again for `key` (0 when one is). */
  waitMs(key: string): number {
    const b = this.bucket(key);
    return b.tokens >= 1 ? 0 : Math.ceil(((1 - b.tokens) / this.refillPerMinute) * 60_000);
  }
}

/** The credential of a request: a Bearer/token value, or the password of Basic auth; undefined without one. */
export function credentialOf(authorization: string | string[] | undefined): string | undefined {
  const header = String(authorization ?? "");
  const bearer = /^(?:Bearer|token)\s+(.+)$/i.exec(header);
  if (bearer) return bearer[1]!.trim();
  const basic = /^Basic\s+(.+)$/i.exec(header);
  if (!basic) return undefined;
  const decoded = Buffer.from(basic[1] ?? "", "base64").toString("utf8");
  return decoded.slice(decoded.indexOf(":") + 1) || undefined;
}

// ---- the vendors' limits, as middleware on a fake's server ----

const withHeaders = (reply: FakeReply | undefined, headers: Record<string, string | number>) =>
  reply ? { ...reply, headers: { ...reply.headers, ...headers } } : reply;
const epochSeconds = (d: Date) => Math.ceil(d.getTime() / 1000);

export interface GitHubRateLimitOptions {
  clock: Clock;
  /** Per token and hour (default 5,000, a user's or an app installation's limit). */
  perToken?: number;
  /** Tokens that are a workflow's GITHUB_TOKEN: limited per repository and hour instead. */
  actionsTokens?: string[];
  /** A GITHUB_TOKEN's limit per repository and hour (default 1,000). */
  perRepository?: number;
}

export interface GitHubBudgets {
  /** Per token (5,000/h). */
  core: FixedWindow;
  /** Per GITHUB_TOKEN and repository (1,000/h). */
  repository: FixedWindow;
}

/**
 * GitHub's primary rate limit: every answer carries x-ratelimit-limit/remaining/reset/used/resource; a 304 to
 * a conditional request does not count; when none is left the answer is 403 "API rate limit exceeded" with
 * x-ratelimit-remaining: 0, as GitHub gives it.
 */
export function enforceGitHubRateLimits(server: FakeServer, opts: GitHubRateLimitOptions): GitHubBudgets {
  const hour = 3_600_000;
  const budgets: GitHubBudgets = {
    core: new FixedWindow(opts.perToken ?? 5_000, hour, opts.clock),
    repository: new FixedWindow(opts.perRepository ?? 1_000, hour, opts.clock),
  };
  const actions = new Set(opts.actionsTokens ?? []);
  server.use(async (req, next) => {
    const token = credentialOf(req.headers.authorization);
    if (!token) return next();
    const repo = req.params.owner && req.params.repo ? `${req.params.owner}/${req.params.repo}` : "";
    const isActions = actions.has(token);
    const budget = isActions ? budgets.repository : budgets.core;
    const key = isActions ? `${token} ${repo.toLowerCase()}` : token;
    const headersOf = () => {
      const s = budget.peek(key);
      return {
        "x-ratelimit-limit": s.limit,
        "x-ratelimit-remaining": s.remaining,
        "x-ratelimit-reset": epochSeconds(s.resetAt),
        "x-ratelimit-used": s.used,
        "x-ratelimit-resource": "core",
      };
    };
    if (!budget.take(key))
      return {
        status: 403,
        headers: headersOf(),
        body: {
          message: `API rate limit exceeded for ${isActions ? "installation ID 1" : "user ID 1"}.`,
          documentation_url:
            "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-primary-rate-limits",
          status: "403",
        },
      };
    const reply = await next();
    if (reply?.status === 304) budget.refund(key);
    return withHeaders(reply, headersOf());
  });
  return budgets;
}

/**
 * Heroku's limit: 4,500 requests per token as a bucket refilled at 75 a minute; every answer carries
 * RateLimit-Remaining; an empty bucket answers 429 {id: "rate_limit"}.
 */
export function enforceHerokuRateLimit(
  server: FakeServer,
  opts: { clock: Clock; capacity?: number; perMinute?: number },
): TokenBucket {
  const bucket = new TokenBucket(opts.capacity ?? 4_500, opts.perMinute ?? 75, opts.clock);
  server.use(async (req, next) => {
    const token = credentialOf(req.headers.authorization);
    if (!token) return next();
    if (!bucket.take(token))
      return {
        status: 429,
        headers: { "ratelimit-remaining": 0 },
        body: {
          id: "rate_limit",
          message:
            "Your account reached the API rate limit\nPlease wait a few minutes before making new requests",
        },
      };
    return withHeaders(await next(), { "ratelimit-remaining": bucket.peek(token).remaining });
  });
  return bucket;
}

/**
 * Cloudflare's global limit: 1,200 requests per token in 5 minutes; answers carry the `Ratelimit` and
 * `Ratelimit-Policy` headers; over the limit, 429 in Cloudflare's envelope (code 971) with Retry-After.
 */
export function enforceCloudflareRateLimit(
  server: FakeServer,
  opts: { clock: Clock; limit?: number; windowMs?: number },
): FixedWindow {
  const window = new FixedWindow(opts.limit ?? 1_200, opts.windowMs ?? 300_000, opts.clock);
  server.use(async (req, next) => {
    const token = credentialOf(req.headers.authorization);
    if (!token) return next();
    const headersOf = () => {
      const s = window.peek(token);
      const t = Math.max(0, epochSeconds(s.resetAt) - Math.floor(opts.clock.now().getTime() / 1000));
      return {
        ratelimit: `"default";r=${s.remaining};t=${t}`,
        "ratelimit-policy": `"default";q=${window.limit};w=${Math.round(window.windowMs / 1000)}`,
        t,
      };
    };
    if (!window.take(token)) {
      const { t, ...headers } = headersOf();
      return {
        status: 429,
        headers: { ...headers, "retry-after": t },
        body: {
          success: false,
          errors: [{ code: 971, message: "Please wait and consider throttling your request speed" }],
          messages: [],
          result: null,
        },
      };
    }
    const { t: _t, ...headers } = headersOf();
    return withHeaders(await next(), headers);
  });
  return window;
}
