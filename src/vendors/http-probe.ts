import { Agent, type Dispatcher, request } from "undici";
import { formatDuration } from "../core/duration.js";
import type { ProbeResult } from "../core/health.js";

const MAX_BODY = 1024 * 1024;

export interface ProbeOptions {
  method: "GET" | "HEAD";
  headers: Record<string, string>;
  timeoutMs: number;
  followRedirects: boolean;
}

const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * One HTTP request against a health URL, following redirects when asked. Never throws: failures become
 * `error`.
 *
 * Redirects are followed here rather than by undici's redirect interceptor because that one forwards every
 * custom header to wherever `Location` points (it drops only Authorization and Cookie on a cross-origin hop).
 * With custom headers (a Cloudflare Access service token, a bearer token) a redirect is followed only within
 * the origin the headers were given for, or to that origin's https upgrade; a redirect anywhere else (another
 * host or port, https down to http) is refused, and the result names the origin it pointed to. It is not
 * followed without the headers either: behind an access proxy that page is a login form answering 200, which
 * would pass for healthy.
 */
export class HttpProbe {
  private readonly agent: Dispatcher;

  constructor() {
    this.agent = new Agent({ connect: { timeout: 10_000 }, keepAliveTimeout: 1_000 });
  }

  async probe(url: URL, opts: ProbeOptions): Promise<ProbeResult> {
    const started = performance.now();
    const signal = AbortSignal.timeout(opts.timeoutMs);
    const custom = Object.keys(opts.headers).length > 0;
    const headers = { "user-agent": "prodgate-health-check", ...opts.headers };
    let method = opts.method;
    let current = url;
    try {
      for (let hop = 0; ; hop++) {
        const res = await request(current, {
          method,
          headers,
          dispatcher: this.agent,
          signal,
          headersTimeout: opts.timeoutMs,
          bodyTimeout: opts.timeoutMs,
        });
        const location = headerValue(res.headers.location);
        if (opts.followRedirects && REDIRECT_STATUSES.has(res.statusCode) && location) {
          await res.body.dump();
          const next = resolveLocation(location, current);
          const latencyMs = performance.now() - started;
          if (!next) return { status: res.statusCode, latencyMs, error: "redirect to an invalid Location" };
          if (custom && !headersMayGo(url, next)) {
            return {
              status: res.statusCode,
              latencyMs,
              error: `redirect to ${next.origin} not followed with custom headers (they go only to ${url.origin}; point the url at the final address)`,
            };
          }
          if (hop >= MAX_REDIRECTS) return { status: res.statusCode, latencyMs, error: "too many redirects" };
          if (res.statusCode === 303 && method !== "HEAD") method = "GET";
          current = next;
          continue;
        }
        const body = method === "HEAD" ? "" : await readBounded(res.body);
        if (method === "HEAD") res.body.resume();
        return { status: res.statusCode, body, latencyMs: performance.now() - started };
      }
    } catch (err) {
      return { latencyMs: performance.now() - started, error: networkReason(err, opts.timeoutMs, signal) };
    }
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}

/**
 * Whether headers given for `first` may be sent to `next`: the same origin, or the https upgrade of an http
 * origin on the same host (default ports). Anything else — another host, another port, https to http — not.
 */
export function headersMayGo(first: URL, next: URL): boolean {
  if (next.origin === first.origin) return true;
  return (
    first.protocol === "http:" &&
    next.protocol === "https:" &&
    first.hostname === next.hostname &&
    first.port === "" &&
    next.port === ""
  );
}

function resolveLocation(location: string, base: URL): URL | undefined {
  try {
    const next = new URL(location, base);
    return next.protocol === "http:" || next.protocol === "https:" ? next : undefined;
  } catch {
    return undefined;
  }
}

function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

async function readBounded(body: AsyncIterable<Buffer> & { destroy(): void }): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= MAX_BODY) {
      body.destroy();
      break;
    }
  }
  return Buffer.concat(chunks).subarray(0, MAX_BODY).toString("utf8");
}

/** A short, secret-free reason for a failed request. */
export function networkReason(err: unknown, timeoutMs: number, signal?: AbortSignal): string {
  const e = err as { code?: string; name?: string; cause?: { code?: string } };
  const code = e?.code ?? e?.cause?.code ?? "";
  if (
    signal?.aborted ||
    e?.name === "TimeoutError" ||
    code === "UND_ERR_HEADERS_TIMEOUT" ||
    code === "UND_ERR_BODY_TIMEOUT"
  ) {
    return `timed out after ${formatDuration(timeoutMs)}`;
  }
  if (code === "UND_ERR_CONNECT_TIMEOUT") return "connect timed out";
  if (code === "ECONNREFUSED") return "connection refused";
  if (code === "ECONNRESET" || code === "UND_ERR_SOCKET" || code === "EPIPE") return "connection reset";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "DNS lookup failed";
  if (code === "UND_ERR_REQ_RETRY" || code === "UND_ERR_MAX_REDIRECTIONS") return "too many redirects";
  if (code) return `request failed (${code})`;
  return "request failed";
}
