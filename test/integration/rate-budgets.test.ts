import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APPROVAL_LABEL, parseApprovers } from "../../src/core/approval.js";
import { parseHealthInputs } from "../../src/core/health-inputs.js";
import { type Clock, type Reporter, systemClock } from "../../src/core/ports.js";
import { parseRegistry } from "../../src/core/registry.js";
import { runIssueGate } from "../../src/pipelines/issue-gate.js";
import { DEFAULT_SWEEP_SETTINGS, runStatusSweep } from "../../src/pipelines/status-sweep.js";
import { sweepPorts } from "../../src/pipelines/status-sweep-setup.js";
import { CloudflareApiFake } from "../../src/sandbox/cloudflare-api.js";
import { FakeServer } from "../../src/sandbox/fake-server.js";
import { GitHubApiFake } from "../../src/sandbox/github-api.js";
import { HerokuApiFake } from "../../src/sandbox/heroku-api.js";
import { connect, newPool } from "../../src/store/db.js";
import { migrateUp } from "../../src/store/migrate.js";
import { CloudflareClient } from "../../src/vendors/cloudflare.js";
import { type ETagCache, GitHubClient, getIssue } from "../../src/vendors/github.js";
import { HerokuClient } from "../../src/vendors/heroku.js";
import { freshDatabase } from "../support/db.js";

/** A clock the test moves by hand; nothing here waits. */
class HandClock implements Clock {
  t = Date.parse("2026-03-02T09:00:00Z");
  now = () => new Date(this.t);
  sleep = async (ms: number) => {
    this.t += ms;
  };
  advance(ms: number): void {
    this.t += ms;
  }
}

/** Runs `n` calls, `width` at a time; the outcomes in order. */
async function burst<T>(n: number, call: (i: number) => Promise<T>, width = 50) {
  const out: PromiseSettledResult<T>[] = [];
  for (let i = 0; i < n; i += width) {
    const batch = Array.from({ length: Math.min(width, n - i) }, (_, j) => call(i + j));
    out.push(...(await Promise.allSettled(batch)));
  }
  return out;
}
const fulfilled = (r: PromiseSettledResult<unknown>[]) => r.filter((x) => x.status === "fulfilled").length;
const reasons = (r: PromiseSettledResult<unknown>[]) =>
  r.flatMap((x) => (x.status === "rejected" ? [String((x.reason as Error).message)] : []));

describe("rate budgets the fakes enforce, driven over HTTP with the real clients", () => {
  it("Heroku: 4,500 per token as a bucket refilled at 75 a minute; the next is 429 rate_limit", async () => {
    const clock = new HandClock();
    const fake = await new HerokuApiFake({ apiKey: "hk-key-1", rateLimit: { clock } }).start();
    try {
      fake.createApp("shop");
      const client = new HerokuClient({ apiKey: "hk-key-1", baseUrl: fake.url, retries: 0, clock });
      const first = await fetch(`${fake.url}/apps/shop/dynos`, {
        headers: { authorization: "Bearer hk-key-1", accept: "application/vnd.heroku+json; version=3" },
      });
      expect(first.status).toBe(200);
      expect(first.headers.get("ratelimit-remaining")).toBe("4499");
      const rest = await burst(4_499, () => client.dynos("shop"));
      expect(fulfilled(rest)).toBe(4_499);
      const over = await fetch(`${fake.url}/apps/shop/dynos`, {
        headers: { authorization: "Bearer hk-key-1", accept: "application/vnd.heroku+json; version=3" },
      });
      expect(over.status).toBe(429);
      expect(over.headers.get("ratelimit-remaining")).toBe("0");
      expect(await over.json()).toMatchObject({ id: "rate_limit" });
      await expect(client.releases("shop", { max: 1 })).rejects.toThrow(/Heroku rate limit reached \(429\)/);
      // A minute refills 75: exactly 75 more pass.
      clock.advance(60_000);
      const refilled = await burst(76, () => client.dynos("shop"));
      expect(fulfilled(refilled)).toBe(75);
      expect(reasons(refilled)).toEqual([expect.stringMatching(/429/)]);
      expect(fake.budget?.stats).toEqual({ counted: 4_500 + 75, free: 0, refused: 3 });
      // Another token has its own bucket; a request without a key is not counted (it is a 401).
      expect(fake.budget?.peek("other").remaining).toBe(4_500);
    } finally {
      await fake.stop();
    }
  });

  it("Cloudflare: 1,200 per token in 5 minutes; the next is 429 in the envelope (971), then a new window", async () => {
    const clock = new HandClock();
    const fake = await new CloudflareApiFake({ apiToken: "cf-token-1", rateLimit: { clock } }).start();
    try {
      fake.addProject("acct1", "site");
      const client = new CloudflareClient({ apiToken: "cf-token-1", baseUrl: fake.url, retries: 0, clock });
      const calls = await burst(1_200, () => client.latestPagesDeployment("acct1", "site"));
      expect(fulfilled(calls)).toBe(1_200);
      const last = calls.at(-1) as PromiseFulfilledResult<{ rateLimitRemaining: number | undefined }>;
      expect(last.value.rateLimitRemaining).toBe(0);
      const over = await fetch(`${fake.url}/accounts/acct1/pages/projects/site/deployments`, {
        headers: { authorization: "Bearer cf-token-1" },
      });
      expect(over.status).toBe(429);
      expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(over.headers.get("ratelimit-policy")).toBe('"default";q=1200;w=300');
      expect(await over.json()).toMatchObject({ success: false, errors: [{ code: 971 }], result: null });
      await expect(client.latestPagesDeployment("acct1", "site")).rejects.toThrow(
        /^rate limited: Cloudflare answered 429/,
      );
      clock.advance(300_000);
      const next = await client.latestPagesDeployment("acct1", "site");
      expect(next.rateLimitRemaining).toBe(1_199);
      expect(fake.budget?.stats).toEqual({ counted: 1_201, free: 0, refused: 2 });
    } finally {
      await fake.stop();
    }
  });

  describe("GitHub: 5,000/h per token, 1,000/h per repository for GITHUB_TOKEN, 304s free", () => {
    const clock = new HandClock();
    const fake = new GitHubApiFake({
      token: ["ghs_actions_token", "ghp_user_token"],
      rateLimits: { clock, actionsTokens: ["ghs_actions_token"] },
    });
    const noCache: ETagCache = { get: () => undefined, set() {} };
    const client = (token: string, repository: string, etags?: ETagCache) =>
      new GitHubClient({
        token,
        repository,
        baseUrl: fake.url,
        clock,
        retries: 0,
        rateLimitRetries: 0,
        ...(etags ? { etags } : {}),
      });
    beforeAll(async () => {
      await fake.start();
      fake.repo("acme/shop").issue({ title: "Approve the deploy" });
      fake.repo("acme/docs").issue({ title: "Docs" });
    });
    afterAll(() => fake.stop());

    it("a GITHUB_TOKEN gets 1,000 an hour per repository; 304s to conditional reads do not count", async () => {
      const shop = client("ghs_actions_token", "acme/shop");
      const [n] = [...fake.repo("acme/shop").issues.map((i) => i.number)];
      const head = await fetch(`${fake.url}/repos/acme/shop/issues/${n}`, {
        headers: { authorization: "Bearer ghs_actions_token" },
      });
      expect(head.status).toBe(200);
      expect({
        limit: head.headers.get("x-ratelimit-limit"),
        remaining: head.headers.get("x-ratelimit-remaining"),
        used: head.headers.get("x-ratelimit-used"),
        resource: head.headers.get("x-ratelimit-resource"),
      }).toEqual({ limit: "1000", remaining: "999", used: "1", resource: "core" });
      const etag = head.headers.get("etag")!;
      // The same read, conditional: 304, nothing spent.
      const again = await fetch(`${fake.url}/repos/acme/shop/issues/${n}`, {
        headers: { authorization: "Bearer ghs_actions_token", "if-none-match": etag },
      });
      expect(again.status).toBe(304);
      expect(again.headers.get("x-ratelimit-remaining")).toBe("999");
      // The client's own conditional reads: one 200 (a request of budget), then 304s, 500 times over, for none.
      expect((await getIssue(shop, n!))?.title).toBe("Approve the deploy");
      const polls = await burst(500, () => getIssue(shop, n!));
      expect(fulfilled(polls)).toBe(500);
      expect(fake.budgets?.repository.peek("ghs_actions_token acme/shop").remaining).toBe(998);
      // Unconditional reads spend the rest: exactly 998 more pass, the next is 403 with remaining 0.
      const full = client("ghs_actions_token", "acme/shop", noCache);
      const spent = await burst(999, () => getIssue(full, n!));
      expect(fulfilled(spent)).toBe(998);
      expect(reasons(spent)).toEqual([expect.stringMatching(/API rate limit exceeded/)]);
      const over = await fetch(`${fake.url}/repos/acme/shop/issues/${n}`, {
        headers: { authorization: "Bearer ghs_actions_token", "if-none-match": etag },
      });
      expect(over.status).toBe(403);
      expect(over.headers.get("x-ratelimit-remaining")).toBe("0");
      expect(Number(over.headers.get("x-ratelimit-reset"))).toBe(Math.ceil((clock.t + 3_600_000) / 1000));
      expect(await over.json()).toMatchObject({ message: expect.stringMatching(/^API rate limit exceeded/) });
      // Another repository has its own 1,000.
      const docs = client("ghs_actions_token", "acme/docs", noCache);
      const [d] = fake.repo("acme/docs").issues.map((i) => i.number);
      expect((await getIssue(docs, d!))?.title).toBe("Docs");
      // The hour ends: a new window.
      clock.advance(3_600_000);
      expect((await getIssue(full, n!))?.title).toBe("Approve the deploy");
      expect(fake.budgets?.repository.peek("ghs_actions_token acme/shop").remaining).toBe(999);
    });

    it("a user token gets 5,000 an hour across repositories, then 403", async () => {
      const shop = client("ghp_user_token", "acme/shop", noCache);
      const docs = client("ghp_user_token", "acme/docs", noCache);
      const [n] = fake.repo("acme/shop").issues.map((i) => i.number);
      const [d] = fake.repo("acme/docs").issues.map((i) => i.number);
      const calls = await burst(5_001, (i) => (i % 2 ? getIssue(docs, d!) : getIssue(shop, n!)), 100);
      expect(fulfilled(calls)).toBe(5_000);
      expect(reasons(calls)).toEqual([expect.stringMatching(/API rate limit exceeded/)]);
      expect(fake.budgets?.core.peek("ghp_user_token")).toMatchObject({
        limit: 5_000,
        remaining: 0,
        used: 5_000,
      });
    });
  });
});

function recorder(): Reporter & { lines: string[] } {
  const lines: string[] = [];
  const rec = (level: string) => (m: string) => void lines.push(`${level}: ${m}`);
  return {
    lines,
    info: rec("info"),
    warning: rec("warning"),
    error: rec("error"),
    debug: () => {},
    secret: () => {},
    group: (_t, fn) => fn(),
  };
}

describe("when a limit is hit anyway", () => {
  it("the sweep shows the rate-limited vendor's surfaces stale (last known data), never down", async () => {
    // Sweeps happen at instants of a virtual clock; a sleep inside one is real (there are none here).
    const clock = new HandClock();
    clock.sleep = (ms: number) => systemClock.sleep(ms);
    // A bucket of 4 that barely refills: the first sweep (2 apps, 2 calls each) empties it.
    const heroku = await new HerokuApiFake({
      apiKey: "hk-key-2",
      rateLimit: { clock, capacity: 4, perMinute: 0.01 },
    }).start();
    const sites = await new FakeServer("sites").route("GET", "/:n", () => ({ body: "ok" })).start();
    const db = await freshDatabase("budget");
    const setup = await connect(db.url);
    await migrateUp(setup);
    await setup.end();
    const pool = newPool(db.url, { max: 2 });
    try {
      for (const app of ["api", "worker"]) {
        heroku.createApp(app);
        heroku.addRelease(app, { commit: "a".repeat(40) });
      }
      const registry = parseRegistry(
        `surfaces:
  - { id: api, hostname: api.example.com, provider: heroku, heroku: { app: api } }
  - { id: worker, hostname: worker.example.com, provider: heroku, heroku: { app: worker } }
  - { id: www, hostname: www.example.com, provider: http, health: { url: "${sites.url}/www" } }
`,
        {
          file: "surfaces.yml",
          parseHealth: (get) => parseHealthInputs(get),
          healthDefaults: { attempts: "1" },
        },
      );
      const settings = { ...DEFAULT_SWEEP_SETTINGS, concurrency: 1, timeoutMs: 2_000, deadlineMs: 10_000 };
      const sweep = () =>
        runStatusSweep(registry, settings, {
          ...sweepPorts({ herokuApiKey: "hk-key-2" }, settings, {
            reporter: recorder(),
            env: { HEROKU_API_URL: heroku.url },
            issues: false,
            db: pool,
          }),
          clock,
        });
      const first = await sweep();
      expect(first.doc.sites.map((x) => [x.id, x.status])).toEqual([
        ["api", "healthy"],
        ["worker", "healthy"],
        ["www", "healthy"],
      ]);
      expect(heroku.budget?.peek("hk-key-2").remaining).toBe(0);

      clock.advance(300_000);
      const second = await sweep();
      expect(second.doc.sites.map((x) => [x.id, x.status])).toEqual([
        ["api", "stale"],
        ["worker", "stale"],
        ["www", "healthy"],
      ]);
      // One 429, then Heroku is not called again that sweep; the last known deploy is still shown.
      expect(heroku.budget?.stats.refused).toBe(1);
      expect(second.doc.sites[0]?.last_deploy?.deploy_id).toBe(first.doc.sites[0]?.last_deploy?.deploy_id);
      expect(second.changes).toEqual([]);
      expect(second.alerts.map((a) => a.text)).toEqual([expect.stringMatching(/Heroku .*rate-limited/)]);
    } finally {
      await pool.end();
      await db.drop();
      await Promise.all([heroku.stop(), sites.stop()]);
    }
  });

  it("the issue gate keeps waiting through GitHub's primary rate limit, and the approval counts after it", async () => {
    const token = "ghs_gate_actions_token";
    let now = Date.parse("2026-03-02T09:00:00Z");
    let sleeps = 0;
    let onSleep = () => {};
    const clock: Clock = {
      now: () => new Date(now),
      sleep: async (ms) => {
        now += ms;
        sleeps++;
        onSleep();
      },
    };
    const fake = await new GitHubApiFake({ token, rateLimits: { clock, actionsTokens: [token] } }).start();
    try {
      const repo = fake.repo("acme/shop");
      const shas = repo.chain(4, { author: "alice" });
      const key = `${token} acme/shop`;
      let approvedAt = 0;
      onSleep = () => {
        if (sleeps !== 1) return;
        // Something else in the repository spends the hour's budget after the first poll...
        const left = fake.budgets!.repository.peek(key).remaining;
        for (let i = 0; i < left; i++) fake.budgets!.repository.take(key);
        // ...and alice approves while every read is refused.
        const issue = repo.issues.find((i) => i.labels.includes(APPROVAL_LABEL))!;
        repo.comment(issue.number, "alice", "Approved, ship it");
        approvedAt = now;
      };
      const reporter = recorder();
      const result = await runIssueGate(
        {
          app: "shop-api",
          environment: "production",
          approvers: parseApprovers("approvers", "alice, bob"),
          minimumApprovals: 1,
          allowSelfApproval: false,
          dispatcher: "octocat",
          pollIntervalMs: 10_000,
          timeoutMs: 6 * 3_600_000,
          runId: "4242",
          eventName: "workflow_dispatch",
          ref: shas.at(-1),
          fromSha: shas[0],
        },
        {
          github: new GitHubClient({ token, repository: "acme/shop", baseUrl: fake.url, clock }),
          reporter,
          clock,
        },
      );
      expect(result).toMatchObject({ decision: "approved", approvedBy: ["alice"] });
      expect(fake.budgets!.repository.stats.refused).toBeGreaterThan(0);
      // It saw the approval only once the window reset, an hour after it opened.
      expect(now - approvedAt).toBeGreaterThan(3_000_000);
      expect(
        reporter.lines.some((l) => /^warning: Poll \d+ of #\d+ failed, trying again.*rate limit/i.test(l)),
      ).toBe(true);
      expect(reporter.lines.filter((l) => /reject/i.test(l))).toEqual([]);
    } finally {
      await fake.stop();
    }
  });
});
