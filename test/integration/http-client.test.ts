import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeServer } from "../../src/sandbox/fake-server.js";
import { HttpClient, retryAfterMs } from "../../src/vendors/http.js";

describe("HttpClient against the loopback fault helper", () => {
  const server = new FakeServer("http");
  const waits: number[] = [];
  const client = () =>
    new HttpClient({
      vendor: "Example",
      baseUrl: server.url,
      timeoutMs: 300,
      retries: 3,
      backoffMs: 10,
      maxRetryAfterMs: 50,
      onRetry: ({ waitMs }) => waits.push(waitMs),
    });

  beforeAll(async () => {
    server
      .route("GET", "/ok", () => ({ body: { ok: true } }))
      .route("POST", "/echo", (req) => ({ body: req.json() }));
    await server.start();
  });
  afterAll(() => server.stop());

  it("honours Retry-After (capped) on 429, then succeeds", async () => {
    waits.length = 0;
    server.clearFaults().fault("GET", "/ok", { kind: "rate-limit", retryAfter: 1 }, 1);
    expect(await client().json("GET", "/ok")).toEqual({ ok: true });
    expect(waits).toEqual([50]);
  });

  it("backs off on 5xx and connection resets, then succeeds", async () => {
    waits.length = 0;
    server
      .clearFaults()
      .flap("GET", "/ok", 1, { kind: "status", status: 502 })
      .fault("GET", "/ok", { kind: "reset" }, 1);
    const before = server.requestsTo("GET", "/ok").length;
    expect(await client().json("GET", "/ok")).toEqual({ ok: true });
    expect(server.requestsTo("GET", "/ok").length - before).toBe(3);
    expect(waits).toEqual([10, 20]);
  });

  it("gives up after its retries with a clear message", async () => {
    server.clearFaults().fault("GET", "/ok", { kind: "hang" });
    await expect(client().json("GET", "/ok")).rejects.toThrow(
      "Example API unreachable (GET /ok): timed out after 300ms",
    );
    server.clearFaults().fault("GET", "/ok", { kind: "status", status: 503 });
    await expect(client().json("GET", "/ok")).rejects.toThrow("Example answered 503 for GET /ok");
    server.clearFaults();
  });

  it("does not retry a 4xx and accepts statuses the caller handles", async () => {
    const before = server.requests.length;
    await expect(client().json("GET", "/missing")).rejects.toThrow(
      /Example answered 404 for GET \/missing: no route/,
    );
    expect(server.requests.length - before).toBe(1);
    const res = await client().send({ method: "GET", path: "/missing", accept: [404] });
    expect(res.status).toBe(404);
  });

  it("sends JSON bodies and query strings", async () => {
    expect(await client().json("POST", "/echo", { a: 1 })).toEqual({ a: 1 });
    await client().send({ method: "GET", path: "/ok", query: { page: 2, skip: undefined } });
    expect(server.requests.at(-1)?.url).toBe("/ok?page=2");
  });

  it("reads Retry-After as seconds or a date", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    expect(retryAfterMs("3", now)).toBe(3000);
    expect(retryAfterMs("Thu, 01 Jan 2026 00:00:05 GMT", now)).toBe(5000);
    expect(retryAfterMs("soon", now)).toBeUndefined();
  });
});
