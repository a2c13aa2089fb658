import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeServer } from "../../src/sandbox/fake-server.js";
import { headersMayGo } from "../../src/vendors/http-probe.js";
import { canary, expectNoCanary } from "../support/canary.js";
import { runAction } from "../support/run-action.js";
import { type SelfSigned, selfSigned } from "../support/self-signed.js";

/**
 * Attack: the health check carries a secret header (a Cloudflare Access service token) and the health
 * endpoint — or anyone who can make it answer a redirect — points it at another origin or from https down to
 * http. The secret must never reach that origin, and must never be printed.
 */
describe("security: secret health-check headers never follow a redirect off their origin", () => {
  const secret = canary("cf-access-secret");
  const headers = `CF-Access-Client-Id: client.access\nCF-Access-Client-Secret: ${secret}`;
  const site = new FakeServer("site");
  /** Another origin (another port on loopback): records what it is sent. */
  const elsewhere = new FakeServer("elsewhere");
  let tls: SelfSigned;
  let https: Server;
  let httpsUrl = "";
  const httpsSeen: Record<string, string | string[] | undefined>[] = [];

  beforeAll(async () => {
    await elsewhere.route("GET", "/*", () => ({ body: "ok" })).start();
    site
      .route("GET", "/protected", (req) =>
        req.headers["cf-access-client-secret"] === secret
          ? { body: "ok" }
          : { status: 403, body: "forbidden" },
      )
      .route("GET", "/same-origin", () => ({ status: 302, headers: { location: "/protected" } }))
      .route("GET", "/cross-origin", () => ({
        status: 302,
        headers: { location: `${elsewhere.url}/collect?from=site` },
      }))
      .route("GET", "/loop/:n", (req) => ({
        status: 302,
        headers: { location: `/loop/${Number(req.params.n) + 1}` },
      }))
      .route("GET", "/protocol-relative", () => ({
        status: 301,
        headers: { location: `//127.0.0.1:${new URL(elsewhere.url).port}/collect` },
      }));
    await site.start();

    tls = selfSigned();
    https = createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
      httpsSeen.push(req.headers);
      if (req.url === "/downgrade") {
        res.writeHead(307, { location: `${elsewhere.url.replace("127.0.0.1", "localhost")}/collect` });
        res.end();
      } else if (req.url === "/same-origin") {
        res.writeHead(302, { location: "/protected" });
        res.end();
      } else if (req.url === "/protected" && req.headers["cf-access-client-secret"] === secret) {
        res.writeHead(200).end("ok");
      } else {
        res.writeHead(403).end("forbidden");
      }
    });
    await new Promise<void>((resolve) => https.listen(0, "127.0.0.1", resolve));
    httpsUrl = `https://localhost:${(https.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await site.stop();
    await elsewhere.stop();
    https.closeAllConnections();
    await new Promise<void>((resolve) => https.close(() => resolve()));
    tls.remove();
  });

  /** Every request the other origin received; none may carry the secret (in any header). */
  const leaked = () =>
    elsewhere.requests.filter((r) => Object.values(r.headers).some((v) => String(v).includes(secret)));

  const check = (url: string, env: Record<string, string> = {}) =>
    runAction("health-check", { inputs: { url, attempts: 1, headers }, env });

  it("refuses a redirect to another origin, says so, and sends the secret nowhere but its origin", async () => {
    const before = elsewhere.requests.length;
    const r = await check(`${site.url}/cross-origin`);
    const other = new URL(elsewhere.url).origin;
    expect(leaked()).toEqual([]);
    expect(elsewhere.requests.length).toBe(before); // not followed at all: a login page could look healthy
    expect(r.code).toBe(1);
    expect(r.outputs).toMatchObject({ healthy: "false", attempts: "1", "status-code": "302" });
    expect(r.log).toContain(`redirect to ${other} not followed with custom headers`);
    expect(r.summary).toContain(`redirect to ${other} not followed with custom headers`);
    expect(r.log).not.toContain("from=site"); // only the origin is named, never the target's path or query
    expectNoCanary([secret], { run: r });
  });

  it("treats a protocol-relative Location as the other origin it is", async () => {
    const r = await check(`${site.url}/protocol-relative`);
    expect(leaked()).toEqual([]);
    expect(r.outputs).toMatchObject({ healthy: "false", "status-code": "301" });
    expect(r.log).toContain("not followed with custom headers");
    expectNoCanary([secret], { run: r });
  });

  it("still follows a same-origin redirect with the headers", async () => {
    const r = await check(`${site.url}/same-origin`);
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ healthy: "true", "status-code": "200" });
    expect(site.requestsTo("GET", "/protected").at(-1)?.headers["cf-access-client-secret"]).toBe(secret);
    expectNoCanary([secret], { run: r });
  });

  it("refuses an https -> http redirect, and follows an https same-origin one (real TLS)", async () => {
    const env = { NODE_EXTRA_CA_CERTS: tls.certFile };
    const same = await check(`${httpsUrl}/same-origin`, env);
    expect(same.outputs).toMatchObject({ healthy: "true", "status-code": "200" });
    expect(httpsSeen.at(-1)?.["cf-access-client-secret"]).toBe(secret);

    const before = elsewhere.requests.length;
    const down = await check(`${httpsUrl}/downgrade`, env);
    const target = new URL(elsewhere.url.replace("127.0.0.1", "localhost")).origin;
    expect(leaked()).toEqual([]);
    expect(elsewhere.requests.length).toBe(before);
    expect(down.outputs).toMatchObject({ healthy: "false", "status-code": "307" });
    expect(down.log).toContain(`redirect to ${target} not followed with custom headers`);
    expectNoCanary([secret], { same, down });
  });

  it("without custom headers, a redirect to another origin is followed as before", async () => {
    const before = elsewhere.requests.length;
    const r = await runAction("health-check", { inputs: { url: `${site.url}/cross-origin`, attempts: 1 } });
    expect(r.outputs).toMatchObject({ healthy: "true", "status-code": "200" });
    expect(elsewhere.requests.length).toBe(before + 1);
  });

  it("stops a same-origin redirect loop after 5 hops", async () => {
    const r = await check(`${site.url}/loop/0`);
    expect(r.outputs).toMatchObject({ healthy: "false", "status-code": "302" });
    expect(r.log).toContain("too many redirects");
    expect(site.requestsTo("GET", "/loop/:n").map((q) => q.path)).toEqual(
      [0, 1, 2, 3, 4, 5].map((n) => `/loop/${n}`),
    );
  });

  it("lets headers go to their own origin and its https upgrade, nowhere else", () => {
    const u = (s: string) => new URL(s);
    expect(headersMayGo(u("https://a.example/x"), u("https://a.example:443/y?z"))).toBe(true);
    expect(headersMayGo(u("http://a.example/x"), u("https://a.example/x"))).toBe(true);
    expect(headersMayGo(u("https://a.example/x"), u("http://a.example/x"))).toBe(false);
    expect(headersMayGo(u("http://a.example:8080/"), u("https://a.example/"))).toBe(false);
    expect(headersMayGo(u("https://a.example/"), u("https://b.example/"))).toBe(false);
    expect(headersMayGo(u("https://a.example/"), u("https://a.example:8443/"))).toBe(false);
    expect(headersMayGo(u("https://a.example/"), u("https://sub.a.example/"))).toBe(false);
  });
});
