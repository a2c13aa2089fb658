import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Clock } from "../../src/core/ports.js";
import { CloudflareApiFake } from "../../src/sandbox/cloudflare-api.js";
import { GitHubApiFake } from "../../src/sandbox/github-api.js";
import { HerokuApiFake } from "../../src/sandbox/heroku-api.js";
import { CloudflareClient } from "../../src/vendors/cloudflare.js";
import { type ETagCache, GitHubClient, getIssue } from "../../src/vendors/github.js";
import { HerokuClient } from "../../src/vendors/heroku.js";

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
      // The client's own conditional reads: one 200, then 304s, 500 times over, for one request of budget.
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
