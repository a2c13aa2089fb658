import { Agent, type Dispatcher, request } from "undici";
import { VendorError } from "../core/errors.js";
import { type Clock, systemClock } from "../core/ports.js";
import { networkReason } from "./http-probe.js";

/**
 * The one HTTP client every vendor module builds on: base URL, default headers, a per-request timeout, and
 * bounded retries with exponential backoff on network errors, 429 and 5xx that honour Retry-After (capped).
 * Vendors turn non-2xx answers into their own clear messages through `describe`. The transport is undici's;
 * the retry loop is not undici's RetryAgent because that one waits on real timers, where every wait here goes
 * through the injected Clock (tests and benches move virtual time; a job's cancellation aborts the wait), and
 * because a retry must be refusable per request (`retry: false` for a POST that must not happen twice).
 */
export interface HttpClientOptions {
  vendor: string; // "Heroku", "Slack", ... used in messages
  baseUrl: string;
  headers?: Record<string, string>;
  timeoutMs?: number; // per request, default 10 s
  retries?: number; // extra attempts after the first, default 3
  backoffMs?: number; // first backoff, doubled each retry, default 500 ms
  maxRetryAfterMs?: number; // cap on a server-requested wait, default 30 s
  clock?: Clock;
  dispatcher?: Dispatcher;
  /** Turns a final non-2xx answer into a user-safe error. Default: "<vendor> answered <status> for <path>". */
  describe?: (res: HttpResponse, req: HttpRequest) => Error;
  /** Called before each retry (for logging). */
  onRetry?: (info: { attempt: number; waitMs: number; reason: string; req: HttpRequest }) => void;
}

export interface HttpRequest {
  method: string;
  path: string; // joined to baseUrl; may carry a query string
  query?: Record<string, string | number | boolean | undefined>;
  headers?: Record<string, string>;
  body?: unknown; // objects are sent as JSON, strings and Buffers as they are
  timeoutMs?: number;
  /** Statuses the caller handles itself (no error thrown, no retry), e.g. 404 for "not found is fine". */
  accept?: number[];
  /**
   * true (default): idempotent, retried on network errors, 429 and 5xx. false: never retried.
   * "if-unsent": not idempotent (a post that would show twice): retried only when it cannot have arrived
   * (connection refused, DNS, connect timeout) or the server answered 429 or 5xx. A timeout or a dropped
   * connection after the request went out throws a DeliveryUnknownError instead.
   */
  retry?: boolean | "if-unsent";
}

/** The request went out and no answer came back: the server may have acted on it. Not retried. */
export class DeliveryUnknownError extends VendorError {
  override name = "DeliveryUnknownError";
}

const UNSENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EADDRNOTAVAIL",
  "UND_ERR_CONNECT_TIMEOUT",
]);

/** Whether a request that failed with `err` cannot have reached the server (no connection was made). */
export function cannotHaveArrived(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } } | undefined;
  return UNSENT_CODES.has(e?.code ?? "") || UNSENT_CODES.has(e?.cause?.code ?? "");
}

export interface HttpResponse<T = unknown> {
  status: number;
  headers: Record<string, string>;
  text: string;
  json: T;
}

const shared = new Agent({ keepAliveTimeout: 2_000, connect: { timeout: 10_000 } });

export class HttpClient {
  readonly vendor: string;
  private readonly opts: HttpClientOptions;
  private readonly clock: Clock;

  constructor(opts: HttpClientOptions) {
    this.opts = opts;
    this.vendor = opts.vendor;
    this.clock = opts.clock ?? systemClock;
  }

  get baseUrl(): string {
    return this.opts.baseUrl;
  }

  async send<T = unknown>(req: HttpRequest): Promise<HttpResponse<T>> {
    const url = this.url(req);
    const retries = req.retry === false ? 0 : (this.opts.retries ?? 3);
    const timeoutMs = req.timeoutMs ?? this.opts.timeoutMs ?? 10_000;
    let body: string | Buffer | undefined;
    const headers: Record<string, string> = { ...this.opts.headers, ...req.headers };
    if (req.body !== undefined) {
      if (typeof req.body === "string" || Buffer.isBuffer(req.body)) body = req.body as string | Buffer;
      else {
        body = JSON.stringify(req.body);
        if (!Object.keys(headers).some((h) => h.toLowerCase() === "content-type"))
          headers["content-type"] = "application/json";
      }
    }
    for (let attempt = 0; ; attempt++) {
      let res: HttpResponse<T> | undefined;
      let reason: string;
      let waitMs = (this.opts.backoffMs ?? 500) * 2 ** attempt;
      try {
        const r = await request(url, {
          method: req.method as Dispatcher.HttpMethod,
          headers,
          body,
          dispatcher: this.opts.dispatcher ?? shared,
          headersTimeout: timeoutMs,
          bodyTimeout: timeoutMs,
          signal: AbortSignal.timeout(timeoutMs),
        });
        const text = await r.body.text();
        res = { status: r.statusCode, headers: flatten(r.headers), text, json: parseJson(text) as T };
        if (res.status < 400 || req.accept?.includes(res.status)) return res;
        if (res.status !== 429 && res.status < 500) throw this.describe(res, req);
        reason = `${res.status}`;
        const retryAfter = retryAfterMs(res.headers["retry-after"], this.clock.now());
        if (retryAfter !== undefined) waitMs = Math.min(retryAfter, this.opts.maxRetryAfterMs ?? 30_000);
      } catch (err) {
        if (res) throw err; // a described 4xx
        reason = networkReason(err, timeoutMs);
        if (req.retry === "if-unsent" && !cannotHaveArrived(err)) {
          throw new DeliveryUnknownError(
            this.vendor,
            `${this.vendor} API did not answer ${req.method} ${pathOnly(req.path)} (${reason}): it may have arrived, so it is not sent again`,
            undefined,
            false,
          );
        }
        if (attempt >= retries) {
          throw new VendorError(
            this.vendor,
            `${this.vendor} API unreachable (${req.method} ${pathOnly(req.path)}): ${reason}`,
            undefined,
            true,
          );
        }
      }
      if (attempt >= retries) {
        if (res) throw this.describe(res, req);
      }
      this.opts.onRetry?.({ attempt: attempt + 1, waitMs, reason, req });
      await this.clock.sleep(waitMs);
    }
  }

  async json<T>(method: string, path: string, body?: unknown, extra: Partial<HttpRequest> = {}): Promise<T> {
    return (await this.send<T>({ method, path, body, ...extra })).json;
  }

  private url(req: HttpRequest): string {
    const base = this.opts.baseUrl.replace(/\/+$/, "");
    const u = new URL(base + (req.path.startsWith("/") ? req.path : `/${req.path}`));
    for (const [k, v] of Object.entries(req.query ?? {}))
      if (v !== undefined) u.searchParams.set(k, String(v));
    return u.toString();
  }

  private describe(res: HttpResponse, req: HttpRequest): Error {
    if (this.opts.describe) return this.opts.describe(res, req);
    const message = messageOf(res.json);
    return new VendorError(
      this.vendor,
      `${this.vendor} answered ${res.status} for ${req.method} ${pathOnly(req.path)}${message ? `: ${message}` : ""}`,
      res.status,
      res.status === 429 || res.status >= 500,
    );
  }
}

/** Retry-After as seconds or an HTTP date, in ms. */
export function retryAfterMs(value: string | undefined, now: Date): number | undefined {
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

/** The `message` (or `error`) field vendors put in error bodies, bounded. */
export function messageOf(json: unknown): string | undefined {
  if (!json || typeof json !== "object") return undefined;
  const o = json as Record<string, unknown>;
  const m =
    o.message ??
    o.error ??
    (Array.isArray(o.errors) ? (o.errors[0] as Record<string, unknown>)?.message : undefined);
  return typeof m === "string" ? m.slice(0, 300) : undefined;
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function flatten(h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h))
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : v;
  return out;
}

function pathOnly(path: string): string {
  return path.split("?")[0] ?? path;
}
