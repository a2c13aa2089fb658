import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeServer } from "../../src/sandbox/fake-server.js";
import { canary, expectNoCanary } from "../support/canary.js";
import { runAction } from "../support/run-action.js";

describe("health-check action (dist bundle under Node 24)", () => {
  const server = new FakeServer("health");
  const token = canary("cf-access");
  let bodyOk = true;

  beforeAll(async () => {
    server
      .route("GET", "/health", () => ({ body: { status: "ok", db: { ok: bodyOk } } }))
      .route("GET", "/always-500", () => ({ status: 500, body: "boom" }))
      .route("GET", "/hang", () => new Promise(() => {}))
      .route("GET", "/protected", (req) =>
        req.headers["cf-access-client-secret"] === token
          ? { body: "ok" }
          : { status: 403, body: "forbidden" },
      )
      .route("GET", "/redirect", () => ({ status: 302, headers: { location: "/health" } }));
    await server.start();
  });
  afterAll(() => server.stop());

  it("retries a flapping endpoint and is healthy on the 4th attempt", async () => {
    server
      .clearFaults()
      .flap("GET", "/health", 2, { kind: "status", status: 503 })
      .fault("GET", "/health", { kind: "reset" }, 1);
    const r = await runAction("health-check", {
      inputs: { url: `${server.url}/health`, attempts: 6, interval: "50ms" },
    });
    server.clearFaults();
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ healthy: "true", attempts: "4", "status-code": "200" });
    expect(Number(r.outputs["latency-ms"])).toBeGreaterThanOrEqual(0);
    expect(r.log).toMatch(/attempt 1\/6: status 503/);
    expect(r.log).toMatch(/attempt 3\/6: status -, .*connection reset/);
    expect(r.log).toMatch(/attempt 4\/6: status 200, .*healthy/);
    expect(r.summary).toContain("| Attempt | Status | Latency | Result |");
    expect(r.summary).toContain("✅ Healthy");
  });

  it("fails after N attempts when the endpoint always answers 500", async () => {
    const r = await runAction("health-check", {
      inputs: { url: `${server.url}/always-500`, attempts: 3, interval: "10ms" },
    });
    expect(r.code).toBe(1);
    expect(r.outputs).toMatchObject({ healthy: "false", attempts: "3", "status-code": "500" });
    expect(r.errors.join("\n")).toContain(
      `${server.url}/always-500 is unhealthy after 3 attempt(s): status 500, expected 200`,
    );
    expect(server.requestsTo("GET", "/always-500").length).toBeGreaterThanOrEqual(3);
  });

  it("warns instead of failing when fail-on-unhealthy is false", async () => {
    const r = await runAction("health-check", {
      inputs: { url: `${server.url}/always-500`, attempts: 1, "fail-on-unhealthy": false },
    });
    expect(r.code).toBe(0);
    expect(r.outputs.healthy).toBe("false");
    expect(r.warnings.join()).toMatch(/unhealthy after 1 attempt/);
  });

  it("cuts each attempt of a hanging endpoint at the timeout", async () => {
    const r = await runAction("health-check", {
      inputs: { url: `${server.url}/hang`, attempts: 3, interval: "10ms", timeout: "300ms" },
    });
    expect(r.code).toBe(1);
    expect(r.log.match(/attempt \d\/3: status -, .*timed out after 300ms/g)?.length).toBe(3);
  });

  it("sends headers, masks their values and never prints them", async () => {
    const r = await runAction("health-check", {
      inputs: {
        url: `${server.url}/protected`,
        attempts: 1,
        headers: `CF-Access-Client-Id: client.access\nCF-Access-Client-Secret: ${token}`,
      },
    });
    expect(r.code).toBe(0);
    expect(r.masks).toContain(token);
    expectNoCanary([token], { run: r });
    const received = server.requestsTo("GET", "/protected").at(-1);
    expect(received?.headers["cf-access-client-secret"]).toBe(token);
  });

  it("checks a JSON expectation, met and not met", async () => {
    const met = await runAction("health-check", {
      inputs: { url: `${server.url}/health`, attempts: 1, "expect-json": "db.ok=true" },
    });
    expect(met.code).toBe(0);
    bodyOk = false;
    const notMet = await runAction("health-check", {
      inputs: { url: `${server.url}/health`, attempts: 2, interval: "10ms", "expect-json": "db.ok=true" },
    });
    bodyOk = true;
    expect(notMet.code).toBe(1);
    expect(notMet.errors.join()).toContain("JSON db.ok is false, expected true");
  });

  it("follows redirects by default and can refuse to", async () => {
    const follow = await runAction("health-check", {
      inputs: { url: `${server.url}/redirect`, attempts: 1 },
    });
    expect(follow.outputs["status-code"]).toBe("200");
    const noFollow = await runAction("health-check", {
      inputs: {
        url: `${server.url}/redirect`,
        attempts: 1,
        "follow-redirects": false,
        "expect-status": "3xx",
      },
    });
    expect(noFollow.outputs).toMatchObject({ healthy: "true", "status-code": "302" });
  });

  it("fails at once on a refused connection after its attempts", async () => {
    const r = await runAction("health-check", {
      inputs: { url: "http://127.0.0.1:9/health", attempts: 2, interval: "10ms" },
    });
    expect(r.code).toBe(1);
    expect(r.log).toMatch(/connection refused/);
  });

  it.each([
    [{ url: "ftp://x" }, "Input 'url' must be an http:// or https:// URL; got scheme 'ftp'"],
    [{ url: "http://127.0.0.1/", attempts: 0 }, "Input 'attempts' must be from 1 to 100; got 0"],
    [
      { url: "http://127.0.0.1/", interval: "soon" },
      "Input 'interval' must be a duration like 500ms, 10s, 2m, 1h, 7d or a number of seconds; got 'soon'",
    ],
    [
      { url: "http://127.0.0.1/", headers: "X-Ok: 1\nno colon here" },
      "Input 'headers' line 2 must look like 'Name: value' (no colon found)",
    ],
    [{ url: "" }, "Input 'url' is required"],
  ])("rejects bad input %j at once", async (inputs, message) => {
    const r = await runAction("health-check", { inputs });
    expect(r.code).toBe(1);
    expect(r.errors).toEqual([message]);
    expect(r.outputs).toEqual({});
  });

  it("keeps userinfo out of the failure message", async () => {
    const pw = canary("userinfo");
    const r = await runAction("health-check", {
      inputs: { url: `http://user:${pw}@127.0.0.1:9/health`, attempts: 1 },
    });
    expect(r.code).toBe(1);
    expect(r.errors.join()).toContain("http://127.0.0.1:9/health is unhealthy");
    expectNoCanary([pw], { run: r });
  });
});
