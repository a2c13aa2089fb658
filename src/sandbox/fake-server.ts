import { createHash } from "node:crypto";
import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo, Socket } from "node:net";

/**
 * A loopback HTTP server with routes and programmable faults. Every vendor fake (Heroku, GitHub, Slack,
 * Cloudflare, Infisical, health endpoints) is built on it; the tests and the sandbox demo share them.
 */

export interface FakeRequest {
  method: string;
  path: string; // without the query string
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
  /** The body as UTF-8 text. */
  body: string;
  /** The body's bytes (uploads). */
  raw: Buffer;
  params: Record<string, string>;
  json<T = unknown>(): T;
}

export interface FakeReply {
  status?: number;
  headers?: Record<string, string | number>;
  body?: unknown; // strings and Buffers are sent as they are, anything else as JSON
}

export type Handler = (
  req: FakeRequest,
  res: ServerResponse,
) => FakeReply | undefined | Promise<FakeReply | undefined>;

/**
 * Wraps every routed request (after faults): may answer itself (a rate limit) instead of calling `next`, and
 * may change the answer `next` gives (rate-limit headers).
 */
export type Middleware = (
  req: FakeRequest,
  next: () => Promise<FakeReply | undefined>,
) => Promise<FakeReply | undefined>;

/** A fault replaces (or delays) the normal answer of matching requests. */
export type Fault =
  | { kind: "status"; status: number; body?: unknown; headers?: Record<string, string> }
  | { kind: "delay"; ms: number } // then answers normally
  | { kind: "hang" } // never answers (until the client gives up or the server closes)
  | { kind: "reset" } // destroys the connection
  // handles the request as usual, then loses the answer: hangs (or resets) instead of replying
  | { kind: "drop-reply"; then?: "hang" | "reset" }
  | { kind: "rate-limit"; retryAfter: number; body?: unknown; headers?: Record<string, string> };

interface FaultRule {
  method: string;
  pattern: RegExp;
  fault: Fault;
  remaining: number; // Infinity for always
}

interface Route {
  method: string;
  pattern: RegExp;
  keys: string[];
  handler: Handler;
}

export interface RecordedRequest {
  method: string;
  path: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
  raw: Buffer;
  at: number;
}

/** Reads a request's whole body. */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** An HTTP server listening on 127.0.0.1 (port 0: any free one). */
export interface Loopback {
  readonly port: number;
  /** Stops listening; open connections (a hung request, a keep-alive socket) are destroyed first. */
  close(): Promise<void>;
}

export async function listenLoopback(handler: RequestListener, port = 0): Promise<Loopback> {
  const server: Server = createServer(handler);
  const sockets = new Set<Socket>();
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** `/apps/:app/releases/:id` → a regex with named params; `*` matches the rest. */
function compile(path: string): { pattern: RegExp; keys: string[] } {
  const keys: string[] = [];
  const source = path
    .split("/")
    .map((seg) => {
      if (seg.startsWith(":")) {
        keys.push(seg.slice(1));
        return "([^/]+)";
      }
      if (seg === "*") {
        keys.push("rest");
        return "(.*)";
      }
      return seg.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("/");
  return { pattern: new RegExp(`^${source}$`), keys };
}

export class FakeServer {
  readonly requests: RecordedRequest[] = [];
  private readonly routes: Route[] = [];
  private faults: FaultRule[] = [];
  private readonly middleware: Middleware[] = [];
  private loopback?: Loopback;

  constructor(readonly name = "fake") {}

  get url(): string {
    return `http://127.0.0.1:${this.loopback?.port ?? 0}`;
  }

  route(method: string, path: string, handler: Handler): this {
    const { pattern, keys } = compile(path);
    this.routes.push({ method: method.toUpperCase(), pattern, keys, handler });
    return this;
  }

  /** Adds a middleware; the first added is the outermost. */
  use(mw: Middleware): this {
    this.middleware.push(mw);
    return this;
  }

  /** Adds a fault for `times` matching requests (default: every one). `path` uses the route syntax. */
  fault(method: string, path: string, fault: Fault, times = Number.POSITIVE_INFINITY): this {
    const { pattern } = compile(path);
    this.faults.push({ method: method.toUpperCase(), pattern, fault, remaining: times });
    return this;
  }

  /** Fails the first `n` requests with `fault`, then answers normally: a flapping endpoint. */
  flap(method: string, path: string, n: number, fault: Fault = { kind: "status", status: 503 }): this {
    return this.fault(method, path, fault, n);
  }

  clearFaults(): this {
    this.faults = [];
    return this;
  }

  requestsTo(method: string, path: string | RegExp): RecordedRequest[] {
    const pattern = typeof path === "string" ? compile(path).pattern : path;
    return this.requests.filter((r) => r.method === method.toUpperCase() && pattern.test(r.path));
  }

  async start(port = 0): Promise<this> {
    this.loopback = await listenLoopback((req, res) => {
      void this.handle(req, res);
    }, port);
    return this;
  }

  async stop(): Promise<void> {
    await this.loopback?.close();
    this.loopback = undefined;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const body = raw.toString("utf8");
    const full = new URL(req.url ?? "/", "http://127.0.0.1");
    const method = (req.method ?? "GET").toUpperCase();
    this.requests.push({
      method,
      path: full.pathname,
      url: req.url ?? "/",
      headers: req.headers,
      body,
      raw,
      at: Date.now(),
    });

    const rule = this.faults.find(
      (f) => f.remaining > 0 && (f.method === "*" || f.method === method) && f.pattern.test(full.pathname),
    );
    let dropReply: "hang" | "reset" | undefined;
    if (rule) {
      rule.remaining--;
      const fault = rule.fault;
      switch (fault.kind) {
        case "drop-reply":
          dropReply = fault.then ?? "hang";
          break;
        case "hang":
          return; // the socket stays open until the client gives up or stop() destroys it
        case "reset":
          req.socket.destroy();
          return;
        case "delay":
          await new Promise((r) => setTimeout(r, fault.ms));
          break;
        case "status":
          return send(res, {
            status: fault.status,
            body: fault.body ?? { message: `fault ${fault.status}` },
            headers: fault.headers,
          });
        case "rate-limit":
          return send(res, {
            status: 429,
            headers: { "retry-after": fault.retryAfter, ...fault.headers },
            body: fault.body ?? { id: "rate_limit", message: "Your account reached the API rate limit" },
          });
      }
    }

    for (const route of this.routes) {
      if (route.method !== "*" && route.method !== method) continue;
      const m = route.pattern.exec(full.pathname);
      if (!m) continue;
      const params: Record<string, string> = {};
      route.keys.forEach((k, i) => {
        params[k] = decodeURIComponent(m[i + 1] ?? "");
      });
      const fakeReq: FakeRequest = {
        method,
        path: full.pathname,
        query: full.searchParams,
        headers: req.headers,
        body,
        raw,
        params,
        json: <T>() => (body ? JSON.parse(body) : {}) as T,
      };
      try {
        const run = async () => route.handler(fakeReq, res);
        const reply = await this.middleware.reduceRight<() => Promise<FakeReply | undefined>>(
          (next, mw) => () => mw(fakeReq, next),
          run,
        )();
        if (dropReply === "reset") req.socket.destroy();
        if (dropReply) return;
        if (reply && !res.headersSent) send(res, reply);
      } catch (err) {
        if (!res.headersSent)
          send(res, { status: 500, body: { message: `fake ${this.name} error: ${String(err)}` } });
      }
      return;
    }
    send(res, {
      status: 404,
      body: { id: "not_found", message: `no route ${method} ${full.pathname} in fake ${this.name}` },
    });
  }
}

export function send(res: ServerResponse, reply: FakeReply): void {
  const status = reply.status ?? 200;
  const headers: Record<string, string | number> = { ...reply.headers };
  let payload: string | Buffer = "";
  if (reply.body !== undefined) {
    if (typeof reply.body === "string" || Buffer.isBuffer(reply.body)) payload = reply.body;
    else {
      payload = JSON.stringify(reply.body);
      if (!Object.keys(headers).some((h) => h.toLowerCase() === "content-type"))
        headers["content-type"] = "application/json";
    }
  }
  res.writeHead(status, headers);
  res.end(payload);
}

/**
 * ETags as GitHub and Heroku send them: a strong ETag on every successful GET (200, or Heroku's 206 page),
 * derived from the answer and the paging headers; a request whose If-None-Match names it gets 304 Not Modified
 * with no body. Whether a 304 counts against a rate limit is the caller's business (GitHub's does not).
 */
export function conditional(req: FakeRequest, reply: FakeReply): FakeReply {
  const status = reply.status ?? 200;
  if (req.method !== "GET" || (status !== 200 && status !== 206) || reply.body === undefined) return reply;
  const paging = ["link", "content-range", "next-range"]
    .map((h) => String(reply.headers?.[h] ?? ""))
    .join("\n");
  const etag = `"${createHash("sha256").update(JSON.stringify(reply.body)).update(paging).digest("hex").slice(0, 40)}"`;
  const asked = String(req.headers["if-none-match"] ?? "")
    .split(",")
    .map((t) => t.trim().replace(/^W\//, ""));
  if (asked.includes(etag) || asked.includes("*")) return { status: 304, headers: { etag } };
  return { ...reply, headers: { ...reply.headers, etag } };
}
