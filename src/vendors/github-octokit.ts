import { Octokit } from "@octokit/core";
import { paginateRest } from "@octokit/plugin-paginate-rest";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import { RequestError } from "@octokit/request-error";
import type { EndpointDefaults, OctokitResponse } from "@octokit/types";
import Bottleneck from "bottleneck/light.js";
import type { Clock } from "../core/ports.js";
import { PRODGATE_VERSION } from "../core/version.js";
import type { ETagCache } from "./github-etag.js";
import { retryAfterMs } from "./http.js";

/**
 * The Octokit every GitHubClient wraps: @octokit/core with the official pagination, retry and throttling
 * plugins, plus one small plugin of our own that (a) sends repeated reads as conditional requests (the ETag of
 * the last answer as If-None-Match; a 304 is answered from the cache), (b) keeps every wait on the injected
 * Clock, so a virtual clock drives retries and rate-limit waits in tests, and (c) refuses to send the token to
 * another host than the API's (a pagination link elsewhere).
 *
 * Waits, as GitHub recommends: a primary rate limit waits for x-ratelimit-reset (when it comes within
 * `maxRetryAfterMs`), a secondary one for Retry-After or, without it, at least a minute, doubling on each
 * further one; both a bounded number of times. 5xx and network errors back off exponentially from `backoffMs`.
 */

export const GITHUB_API_VERSION = "2022-11-28";

export interface RetryInfo {
  attempt: number;
  waitMs: number;
  reason: string;
  what: string;
}

export interface OctokitSettings {
  token: string;
  baseUrl: string;
  clock: Clock;
  timeoutMs: number;
  retries: number;
  backoffMs: number;
  /** The longest single wait a rate limit may ask for; a longer one fails at once. */
  maxRetryAfterMs: number;
  /** Extra attempts after a rate limit (primary or secondary). */
  rateLimitRetries: number;
  /** Content-creating requests allowed per minute before the client paces itself (GitHub: 80). */
  writesPerMinute: number;
  etags: ETagCache;
  userAgent?: string;
  onRetry?: (info: RetryInfo) => void;
}

/** What the last failed attempt of a request asked us to wait, read by the throttling handlers. */
interface Attempts {
  failures: number;
  rateLimits: number;
  plan?: { waitMs: number; reason: string };
}

export type GitHubOctokit = ReturnType<typeof createOctokit>;

// biome-ignore lint/suspicious/noExplicitAny: Octokit's own hook signature
type Send = (options: Required<EndpointDefaults>) => OctokitResponse<any> | Promise<OctokitResponse<any>>;

/** Statuses plugin-retry never retries (rate limits, 403/429, belong to the throttling plugin). */
const DO_NOT_RETRY = [400, 401, 403, 404, 409, 410, 422, 429, 451];

export function createOctokit(s: OctokitSettings) {
  const baseUrl = s.baseUrl.replace(/\/+$/, "");
  const attempts = new WeakMap<object, Attempts>();
  const stateOf = (options: { request?: object }): Attempts => {
    options.request ??= {};
    let a = attempts.get(options.request);
    if (!a) {
      a = { failures: 0, rateLimits: 0 };
      attempts.set(options.request, a);
    }
    return a;
  };
  const writes: number[] = [];
  const what = (o: { method?: string; url?: string }) => `${o.method} ${String(o.url).split("?")[0]}`;

  /** Registered first, so its hook runs innermost: once per attempt, inside the retry and throttling ones. */
  const prodgatePlugin = (octokit: Octokit) => {
    octokit.hook.wrap("request", async (request: Send, options: Required<EndpointDefaults>) => {
      // Hooks see the route template and its parameters; the URL they make is what GitHub sees.
      const url = octokit.request.endpoint.parse(options).url;
      refuseOtherHosts(url, baseUrl);
      if (options.method !== "GET" && options.method !== "HEAD") await pace(writes, s);
      const state = stateOf(options);
      const signal = AbortSignal.timeout(s.timeoutMs);
      options.request = { ...options.request, signal };
      attempts.set(options.request, state);
      try {
        return await conditional(request, options, url, s.etags);
      } catch (err) {
        if (!(err instanceof RequestError)) throw err;
        state.failures++;
        const plan = rateLimitPlan(err, s.clock.now(), state.rateLimits);
        if (plan) {
          state.plan = plan;
          throw markSecondary(err, plan);
        }
        const retries = (options.request as { retries?: number }).retries ?? s.retries;
        if (!DO_NOT_RETRY.includes(err.status) && state.failures <= retries) {
          const waitMs = s.backoffMs * 2 ** (state.failures - 1);
          const reason = err.status === 500 && !err.response ? err.message : `${err.status}`;
          s.onRetry?.({ attempt: state.failures, waitMs, reason, what: what(options) });
          await s.clock.sleep(waitMs);
        }
        throw err;
      }
    });
    return {};
  };

  const onLimit = async (_after: number, options: Required<EndpointDefaults>) => {
    const state = stateOf(options);
    const plan = state.plan;
    state.plan = undefined;
    if (!plan || state.rateLimits >= s.rateLimitRetries || plan.waitMs > s.maxRetryAfterMs) return false;
    state.rateLimits++;
    s.onRetry?.({ attempt: state.rateLimits, waitMs: plan.waitMs, reason: plan.reason, what: what(options) });
    await s.clock.sleep(plan.waitMs);
    return true;
  };

  const Client = Octokit.plugin(prodgatePlugin, paginateRest, retry, throttling);
  return new Client({
    auth: s.token,
    baseUrl,
    userAgent: s.userAgent ?? `prodgate/${PRODGATE_VERSION}`,
    headers: { "x-github-api-version": GITHUB_API_VERSION },
    log: { debug() {}, info() {}, warn() {}, error() {} },
    retry: { doNotRetry: DO_NOT_RETRY, retries: s.retries, retryAfterBaseValue: 0 },
    throttle: {
      // The waits happen in onLimit on our Clock; Bottleneck only re-sends (after 0 ms).
      retryAfterBaseValue: 0,
      fallbackSecondaryRateRetryAfter: 60,
      // Writes one at a time (GitHub: serially, not concurrently); pacing by count is `pace`, on the Clock.
      write: new Bottleneck.Group({ maxConcurrent: 1 }),
      notifications: new Bottleneck.Group({ maxConcurrent: 1 }),
      onRateLimit: onLimit,
      onSecondaryRateLimit: onLimit,
    },
  });
}

/**
 * The wait a 403/429 asks for, or undefined when it is no rate limit. `earlier` is how many rate-limit waits
 * this request already had: a secondary limit without Retry-After waits 60 s, then 120 s, 240 s...
 */
export function rateLimitPlan(
  err: RequestError,
  now: Date,
  earlier: number,
): { waitMs: number; reason: string; primary?: { resetAt?: Date } } | undefined {
  if (err.status !== 403 && err.status !== 429) return undefined;
  const headers = err.response?.headers ?? {};
  const message = apiMessageOf(err.response?.data) ?? "";
  const retryAfter = retryAfterMs(headers["retry-after"] as string | undefined, now);
  const reset = Number(headers["x-ratelimit-reset"]);
  if (headers["x-ratelimit-remaining"] === "0" && retryAfter === undefined) {
    const resetAt = Number.isFinite(reset) ? new Date(reset * 1000) : undefined;
    const waitMs = resetAt ? Math.max(0, resetAt.getTime() - now.getTime()) + 1000 : 60_000;
    return { waitMs, reason: `${err.status} rate limited`, primary: { resetAt } };
  }
  const secondary =
    /secondary rate limit|abuse/i.test(message) || err.status === 429 || retryAfter !== undefined;
  if (!secondary) return undefined;
  const waitMs = retryAfter ?? 60_000 * 2 ** earlier;
  return { waitMs, reason: `${err.status} secondary rate limit` };
}

/** plugin-throttling recognises a secondary limit by its message: make sure a 429 or a Retry-After reads as one. */
function markSecondary(err: RequestError, plan: { primary?: unknown }): RequestError {
  if (plan.primary || /\bsecondary rate\b/i.test(err.message)) return err;
  const marked = new RequestError(`${err.message} (secondary rate limit)`, err.status, {
    request: err.request,
    ...(err.response ? { response: err.response } : {}),
  });
  return marked;
}

/** A GET with a cached ETag is sent with If-None-Match; a 304 answers with the cached body. */
async function conditional(
  request: Send,
  options: Required<EndpointDefaults>,
  url: string,
  etags: ETagCache,
): Promise<OctokitResponse<unknown>> {
  if (options.method !== "GET") return request(options);
  const key = `GET ${url}`;
  const cached = await etags.get(key);
  if (cached) options.headers = { ...options.headers, "if-none-match": cached.etag };
  try {
    const res = await request(options);
    const etag = res.headers.etag;
    if (typeof etag === "string" && etag && res.status === 200)
      await etags.set(key, {
        etag,
        data: structuredClone(res.data),
        ...(typeof res.headers.link === "string" ? { link: res.headers.link } : {}),
      });
    return res;
  } catch (err) {
    if (cached && err instanceof RequestError && err.status === 304) {
      const headers = { ...(err.response?.headers ?? {}), ...(cached.link ? { link: cached.link } : {}) };
      return {
        status: 200,
        url: err.response?.url ?? options.url,
        headers,
        data: structuredClone(cached.data),
      };
    }
    throw err;
  }
}

/** GitHub documents at most 80 content-creating requests a minute; past that the client waits its turn. */
async function pace(writes: number[], s: OctokitSettings): Promise<void> {
  const now = s.clock.now().getTime();
  while (writes.length > 0 && writes[0]! <= now - 60_000) writes.shift();
  if (writes.length >= s.writesPerMinute) {
    const waitMs = writes[0]! + 60_000 - now;
    s.onRetry?.({ attempt: 0, waitMs, reason: "pacing writes", what: "write" });
    await s.clock.sleep(waitMs);
    writes.shift();
  }
  writes.push(s.clock.now().getTime());
}

/** The token goes only to the API's own origin: a pagination link to another host is refused. */
function refuseOtherHosts(url: string, baseUrl: string): void {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return;
  const origin = new URL(url).origin;
  if (origin !== new URL(baseUrl).origin)
    throw new CrossHostLink(`GitHub sent a pagination link to another host (${origin}); not following it`);
}

export class CrossHostLink extends Error {
  override name = "CrossHostLink";
}

/** GitHub's message of an error answer, with the detail of its `errors` (a 422's "Label color: invalid"). */
export function apiMessageOf(data: unknown): string | undefined {
  if (data && typeof data === "object" && typeof (data as { message?: unknown }).message === "string") {
    const { message, errors } = data as { message: string; errors?: unknown };
    const detail = (Array.isArray(errors) ? errors : [])
      .map((e: unknown) => {
        if (typeof e === "string") return e;
        const x = (e ?? {}) as Record<string, unknown>;
        if (typeof x.message === "string") return x.message;
        const where = [x.resource, x.field].filter((v) => typeof v === "string").join(" ");
        return typeof x.code === "string" ? `${where}${where ? ": " : ""}${x.code}` : where;
      })
      .filter(Boolean)
      .slice(0, 3);
    return detail.length ? `${message} (${detail.join("; ")})` : message;
  }
  return typeof data === "string" && data.length > 0 && data.length < 500 ? data : undefined;
}
