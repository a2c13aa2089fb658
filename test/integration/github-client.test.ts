import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Clock } from "../../src/core/ports.js";
import { FakeServer } from "../../src/sandbox/fake-server.js";
import { type FakeRepo, GitHubApiFake } from "../../src/sandbox/github-api.js";
import { GitHubClient, GitHubError, getIssue } from "../../src/vendors/github.js";
import { canary, expectNoCanary } from "../support/canary.js";

describe("GitHubClient against the GitHub REST fake", () => {
  const token = canary("gh-token");
  const fake = new GitHubApiFake({ token });
  const waits: number[] = [];
  const clock: Clock = {
    now: () => new Date("2026-01-01T00:00:00Z"),
    sleep: async (ms) => {
      waits.push(ms);
    },
  };
  const client = (over: Partial<ConstructorParameters<typeof GitHubClient>[0]> = {}) =>
    new GitHubClient({ token, repository: "acme/shop", baseUrl: fake.url, backoffMs: 1, clock, ...over });
  let repo: FakeRepo;
  let main: string[];

  beforeAll(async () => {
    await fake.start();
    repo = fake.repo("acme/shop");
    main = repo.chain(3_001, { message: (i) => `Change ${i}\n\nBody of ${i}` });
  });
  afterAll(() => fake.stop());
  beforeEach(() => {
    waits.length = 0;
    fake.server.clearFaults();
  });

  describe("compare", () => {
    it("counts a 3,000-commit range right and reads only the pages holding the newest commits", async () => {
      const before = fake.server.requestsTo("GET", "/repos/:owner/:repo/compare/:basehead").length;
      const cmp = await client().compare(main[0]!, main.at(-1)!, { newest: 50 });
      expect(cmp).toMatchObject({ status: "ahead", aheadBy: 3000, behindBy: 0, totalCommits: 3000 });
      expect(cmp.commits.map((c) => c.sha)).toEqual(main.slice(-50).reverse());
      expect(cmp.baseCommit.sha).toBe(main[0]);
      expect(cmp.files.length).toBe(17);
      expect(cmp.pagesFetched).toBe(2);
      expect(fake.server.requestsTo("GET", "/repos/:owner/:repo/compare/:basehead").length - before).toBe(2);
    });

    it("joins pages when the newest commits span more than one", async () => {
      const base = main[2_750]!;
      const cmp = await client().compare(base, main.at(-1)!, { newest: 160 });
      expect(cmp.totalCommits).toBe(250);
      expect(cmp.commits.map((c) => c.sha)).toEqual(main.slice(-160).reverse());
      expect(cmp.pagesFetched).toBe(3);
      const all = await client().compare(base, main.at(-1)!, { newest: 1000 });
      expect(all.commits.map((c) => c.sha)).toEqual(main.slice(-250).reverse());
    });

    it("reads a small range in one request, and none of it when asked for no commits", async () => {
      const small = await client().compare(main[10]!, main[13]!);
      expect(small.commits.map((c) => c.sha)).toEqual([main[13], main[12], main[11]]);
      expect(small.pagesFetched).toBe(1);
      const counts = await client().compare(main[0]!, main.at(-1)!, { newest: 0 });
      expect(counts).toMatchObject({ totalCommits: 3000, commits: [], pagesFetched: 1 });
    });

    it("says which SHA problem a 404 means", async () => {
      const err = await client()
        .compare("f".repeat(40), main[5]!)
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(GitHubError);
      expect((err as GitHubError).status).toBe(404);
      expect((err as Error).message).toBe(
        "Could not compare fffffff...".concat(
          `${main[5]!.slice(0, 7)}: GitHub answered 404: Not Found. a SHA is not in acme/shop (or the two share no history): push the commit, or check from-sha and ref`,
        ),
      );
    });

    it("retries a 5xx and a secondary rate limit (403 with Retry-After), then succeeds", async () => {
      fake.server
        .flap("GET", "/repos/:owner/:repo/compare/:basehead", 1, { kind: "status", status: 502 })
        .fault(
          "GET",
          "/repos/:owner/:repo/compare/:basehead",
          {
            kind: "status",
            status: 403,
            headers: { "retry-after": "2" },
            body: { message: "You have exceeded a secondary rate limit." },
          },
          1,
        );
      const cmp = await client().compare(main[0]!, main[3]!);
      expect(cmp.aheadBy).toBe(3);
      expect(waits).toEqual([1, 2000]);
    });

    it("waits at least a minute on a secondary rate limit without Retry-After, then backs off exponentially", async () => {
      fake.secondaryRateLimit("GET", "/repos/:owner/:repo/compare/:basehead", 2);
      expect((await client().compare(main[0]!, main[3]!)).aheadBy).toBe(3);
      expect(waits).toEqual([60_000, 120_000]);
      waits.length = 0;
      fake.secondaryRateLimit("GET", "/repos/:owner/:repo/commits/:ref", 1, { status: 429 });
      expect((await client().getCommit("main")).sha).toBe(main.at(-1));
      expect(waits).toEqual([60_000]);
    });

    it("gives up after a bounded number of secondary rate limits, saying so", async () => {
      fake.secondaryRateLimit("POST", "/repos/:owner/:repo/issues/:number/comments", 10);
      const err = (await client()
        .createIssueComment(1, "hello")
        .catch((e: unknown) => e)) as GitHubError;
      expect(err).toBeInstanceOf(GitHubError);
      expect(err.message).toMatch(
        /^Could not comment on #1: GitHub rate limit reached \(403: You have exceeded a secondary rate limit/,
      );
      expect(err.retryable).toBe(true);
      expect(waits).toEqual([60_000, 120_000, 240_000]);
      expect(
        fake.server.requestsTo("POST", "/repos/:owner/:repo/issues/:number/comments").length,
      ).toBeGreaterThanOrEqual(4);
    });

    it("paces content-creating requests past the per-minute budget", async () => {
      const c = client({ writesPerMinute: 3 });
      const issue = repo.issue({ title: "Pacing" });
      for (let i = 0; i < 4; i++) await c.createIssueComment(issue.number, `paced ${i}`);
      expect(waits).toEqual([60_000]);
    });

    it("fails at once when the primary rate limit resets too far ahead, naming when", async () => {
      const reset = Date.parse("2026-01-01T01:00:00Z") / 1000;
      fake.server.fault("GET", "/repos/:owner/:repo/commits/:ref", {
        kind: "status",
        status: 403,
        headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(reset) },
        body: { message: "API rate limit exceeded" },
      });
      await expect(client().getCommit("main")).rejects.toThrow(
        "Could not read commit main: GitHub rate limit reached until 2026-01-01T01:00:00.000Z (403: API rate limit exceeded)",
      );
      expect(waits).toEqual([]);
    });
  });

  describe("commits, refs, pull requests", () => {
    it("resolves branches, tags, SHAs and abbreviations, and reports unknown ones", async () => {
      repo.tag("v1.0.0", main[100]!).branch("feature/login", main[200]!);
      const c = client();
      expect((await c.getCommit("main")).sha).toBe(main.at(-1));
      expect((await c.getCommit("v1.0.0")).sha).toBe(main[100]);
      expect((await c.getCommit("feature/login")).sha).toBe(main[200]);
      expect((await c.getCommit(main[300]!.slice(0, 10))).sha).toBe(main[300]);
      expect((await c.getRef("refs/heads/feature/login"))?.object.sha).toBe(main[200]);
      await expect(c.getCommit("nope")).rejects.toThrow("'nope' names no branch, tag or commit in acme/shop");
      expect(await c.countCommits(main[99]!)).toBe(100);
      expect((await c.listCommits(main[99]!, 120)).length).toBe(100);
    });

    it("lists the pull requests of a commit", async () => {
      repo.pull({ number: 7, headRef: "feature/login", headSha: main[200]! });
      const pulls = await client().pullsForCommit(main[200]!);
      expect(pulls.map((p) => [p.number, p.head.sha, p.state])).toEqual([[7, main[200], "open"]]);
    });

    it("names the token fix on 401 and never shows the token", async () => {
      const bad = canary("bad-token");
      const err = (await client({ token: bad })
        .getCommit("main")
        .catch((e: unknown) => e)) as Error;
      expect(err.message).toBe(
        "Could not read commit main: GitHub answered 401 (Bad credentials): the token is invalid or expired; check github-token",
      );
      expectNoCanary([bad, token], { message: err.message });
    });

    it("refuses to follow a pagination link to another host", async () => {
      const rogue = new FakeServer("rogue");
      rogue.route("GET", "/repos/acme/shop/deployments", () => ({
        body: [],
        headers: { link: '<https://evil.example/steal?page=2>; rel="next"' },
      }));
      await rogue.start();
      try {
        await expect(client({ baseUrl: rogue.url }).listDeployments()).rejects.toThrow(
          "GitHub sent a pagination link to another host (https://evil.example); not following it",
        );
      } finally {
        await rogue.stop();
      }
    });
  });

  describe("conditional requests", () => {
    it("sends each resource's own ETag back and answers a 304 from the cache", async () => {
      const a = repo.issue({ title: "A" });
      const b = repo.issue({ title: "B" });
      const c = client();
      const read = async (n: number) => (await getIssue(c, n))?.title;
      expect([
        await read(a.number),
        await read(b.number),
        await read(a.number),
        await read(b.number),
      ]).toEqual(["A", "B", "A", "B"]);
      const statuses = (n: number) =>
        fake.served
          .filter((r) => r.method === "GET" && r.path === `/repos/acme/shop/issues/${n}`)
          .map((r) => r.status);
      expect([statuses(a.number), statuses(b.number)]).toEqual([
        [200, 304],
        [200, 304],
      ]);
      a.title = "A, renamed";
      expect(await read(a.number)).toBe("A, renamed");
      expect(statuses(a.number)).toEqual([200, 304, 200]);
    });
  });

  describe("sticky comments", () => {
    it("creates one comment per key on a PR, then updates it in place", async () => {
      repo.pull({ number: 11, headRef: "f", headSha: main[500]! });
      const c = client();
      const first = await c.upsertStickyComment({ target: { pr: 11 }, key: "shop@production", body: "v1" });
      const second = await c.upsertStickyComment({ target: { pr: 11 }, key: "shop@production", body: "v2" });
      const third = await c.upsertStickyComment({ target: { pr: 11 }, key: "shop@production", body: "v2" });
      const other = await c.upsertStickyComment({ target: { pr: 11 }, key: "shop@staging", body: "s1" });
      expect([first.action, second.action, third.action, other.action]).toEqual([
        "created",
        "updated",
        "unchanged",
        "created",
      ]);
      expect(second.comment.id).toBe(first.comment.id);
      const onPr = repo.issueComments.filter((x) => x.issue === 11);
      expect(onPr.map((x) => x.body)).toEqual([
        "<!-- prodgate:sticky shop@production -->\nv2",
        "<!-- prodgate:sticky shop@staging -->\ns1",
      ]);
    });

    it("folds duplicates into the oldest, and two racing runs leave one comment", async () => {
      repo.pull({ number: 12, headRef: "g", headSha: main[600]! });
      const c = client();
      await Promise.all(
        [1, 2, 3].map((n) => c.upsertStickyComment({ target: { pr: 12 }, key: "race", body: `run ${n}` })),
      );
      const left = repo.issueComments.filter((x) => x.issue === 12);
      expect(left.length).toBe(1);
      expect(left[0]!.body).toMatch(/^<!-- prodgate:sticky race -->\nrun [123]$/);

      await c.createIssueComment(12, "<!-- prodgate:sticky race -->\nstray");
      const folded = await c.upsertStickyComment({ target: { pr: 12 }, key: "race", body: "final" });
      expect(folded).toMatchObject({ action: "updated", removed: 1 });
      expect(repo.issueComments.filter((x) => x.issue === 12).map((x) => x.body)).toEqual([
        "<!-- prodgate:sticky race -->\nfinal",
      ]);
    });

    it("works on a commit too, and leaves other people's comments alone", async () => {
      const sha = main[700]!;
      const c = client();
      await c.createCommitComment(
        sha,
        "LGTM from a human, mentioning <!-- prodgate:sticky k --> in the middle",
      );
      await c.upsertStickyComment({ target: { commit: sha }, key: "k", body: "one" });
      await c.upsertStickyComment({ target: { commit: sha }, key: "k", body: "two" });
      expect(repo.commitComments.filter((x) => x.commit === sha).map((x) => x.body)).toEqual([
        "LGTM from a human, mentioning <!-- prodgate:sticky k --> in the middle",
        "<!-- prodgate:sticky k -->\ntwo",
      ]);
    });

    it("names the permission a 403 needs", async () => {
      const weak = canary("weak");
      fake.addToken(weak).setPermission(weak, "pull-requests", "read").setPermission(weak, "issues", "read");
      fake.setPermission(weak, "contents", "read");
      const c = client({ token: weak });
      await expect(c.upsertStickyComment({ target: { pr: 11 }, key: "x", body: "b" })).rejects.toThrow(
        "Could not comment on #11: GitHub answered 403: Resource not accessible by integration. The token needs `pull-requests: write`",
      );
      await expect(
        c.upsertStickyComment({ target: { commit: main[1]! }, key: "x", body: "b" }),
      ).rejects.toThrow(
        /GitHub answered 403: Resource not accessible by integration\. The token needs `contents: write`/,
      );
    });
  });

  describe("deployments", () => {
    it("reuses the deployment the job already has, setting its statuses", async () => {
      const sha = main[2_000]!;
      const existing = repo.deployment({ sha, ref: "main", environment: "production" });
      repo.deployment({ sha, environment: "staging" });
      repo.deployment({ sha: main[1_999]!, environment: "production" });
      const c = client();
      const posts = () => fake.server.requestsTo("POST", "/repos/:owner/:repo/deployments").length;
      const before = posts();
      const { deployment, created } = await c.findOrCreateDeployment({ sha, environment: "Production" });
      expect(created).toBe(false);
      expect(deployment.id).toBe(existing.id);
      expect(posts()).toBe(before);

      await c.setDeploymentStatus(deployment.id, {
        state: "in_progress",
        log_url: "https://github.com/acme/shop/actions/runs/1",
      });
      const done = await c.setDeploymentStatus(deployment.id, {
        state: "success",
        environment_url: "https://shop.example.com/",
        log_url: "https://github.com/acme/shop/actions/runs/1",
        description: "x".repeat(300),
      });
      expect(done).toMatchObject({ state: "success", environment_url: "https://shop.example.com/" });
      expect(done.description.length).toBe(140);
      expect(existing.statuses.map((s) => s.state)).toEqual(["in_progress", "success"]);
    });

    it("creates one only when none exists, then reuses it", async () => {
      const sha = main[2_100]!;
      const c = client();
      const a = await c.findOrCreateDeployment({
        sha,
        environment: "production",
        description: "prodgate deploy",
      });
      const b = await c.findOrCreateDeployment({ sha, environment: "production" });
      expect(a.created).toBe(true);
      expect(b).toEqual({ deployment: a.deployment, created: false });
      expect(repo.deployments.filter((d) => d.sha === sha)).toHaveLength(1);
      expect(a.deployment).toMatchObject({ sha, ref: sha, environment: "production", task: "deploy" });
      const body = JSON.parse(fake.server.requestsTo("POST", "/repos/:owner/:repo/deployments").at(-1)!.body);
      expect(body).toMatchObject({ auto_merge: false, required_contexts: [] });
    });

    it("names the permission when the token cannot write deployments", async () => {
      const weak = canary("weak-deploy");
      fake.addToken(weak).setPermission(weak, "deployments", "read");
      await expect(
        client({ token: weak }).findOrCreateDeployment({ sha: main[2_200]!, environment: "production" }),
      ).rejects.toThrow(/GitHub answered 403: .*The token needs `deployments: write`/);
    });
  });
});
