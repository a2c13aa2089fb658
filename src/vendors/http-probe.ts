import { Agent, type Dispatcher, interceptors, request } from "undici";
import { formatDuration } from "../core/duration.js";
import type { ProbeResult } from "../core/health.js";

const MAX_BODY = 1024 * 1024;

export interface ProbeOptions {
  method: "GET" | "HEAD";
  headers: Record<string, string>;
  timeoutMs: number;
  followRedirects: boolean;
}

/** One HTTP request against a health URL. Never throws: failures become `error`. */
export class HttpProbe {
  private readonly plain: Dispatcher;
  private readonly redirecting: Dispatcher;

  constructor() {
    const agent = new Agent({ connect: { timeout: 10_000 }, keepAliveTimeout: 1_000 });
    this.plain = agent;
    this.redirecting = agent.compose(interceptors.redirect({ maxRedirections: 5 }));
  }

  async probe(url: URL, opts: ProbeOptions): Promise<ProbeResult> {
    const started = performance.now();
    const signal = AbortSignal.timeout(opts.timeoutMs);
    try {
      const res = await request(url, {
        method: opts.method,
        headers: { "user-agent": "prodgate-health-check", ...opts.headers },
        dispatcher: opts.followRedirects ? this.redirecting : this.plain,
        signal,
        headersTimeout: opts.timeoutMs,
        bodyTimeout: opts.timeoutMs,
      });
      const body = opts.method === "HEAD" ? "" : await readBounded(res.body);
      if (opts.method === "HEAD") res.body.resume();
      return { status: res.statusCode, body, latencyMs: performance.now() - started };
    } catch (err) {
      return { latencyMs: performance.now() - started, error: networkReason(err, opts.timeoutMs, signal) };
    }
  }

  async close(): Promise<void> {
    await this.plain.close();
  }
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
