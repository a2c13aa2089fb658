import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  finishSweep,
  pollRowsOf,
  probeSurfaces,
  runStatusSweep,
  writeSweepFiles,
} from "../../src/pipelines/status-sweep.js";
import { cloudflareRateLimit } from "../../src/sandbox/cloudflare-api.js";
import { newPool } from "../../src/store/db.js";
import { prunePollLog } from "../../src/store/poll-log.js";
import { expectNoCanary } from "../support/canary.js";
import { freshDatabase } from "../support/db.js";
import { StepClock, SweepWorld } from "../support/status-sweep-world.js";

const FIVE_MIN = 300_000;

describe("status sweep against loopback vendors and real Postgres", () => {
  const world = new SweepWorld();
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let pool: pg.Pool;
  const temp = mkdtempSync(join(tmpdir(), "prodgate-sweep-"));

  beforeAll(async () => {
    await world.start();
    db = await freshDatabase("sweep");
    pool = newPool(db.url, { max: 6 });
    const repo = world.github.repo("acme/shop");
    const base = repo.commit({ files: [{ filename: "README.md" }] });
    const backend = repo.commit({ files: [{ filename: "backend/app.py" }] });
    repo.run({ workflow: "deploy.yml", headSha: base, conclusion: "success" });
    repo.run({ workflow: "ci.yml", headSha: backend, conclusion: "failure" });
    repo.run({ workflow: "ci.yml", headSha: base, headBranch: "feature", conclusion: "success" });
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
    await world.stop();
    rmSync(temp, { recursive: true, force: true });
  });

  /** Truncates the sweep's memory so each scenario starts from nothing. */
  async function forget(): Promise<void> {
    await pool.query("TRUNCATE console_poll_log, prodgate_sweeps, prodgate_surface_state");
  }

  it("classifies every state in one sweep, logs every call in one batch, writes status.json and the page", async () => {
    await forget();
    for (const app of ["ok-app", "crash-app", "old-app"]) world.herokuApp(app);
    world.heroku.setDynos("crash-app", ["up", "crashed"]);
    world.cloudflare.addDeployment(world.account, "www", { status: "success" });
    world.cloudflare.addDeployment(world.account, "broken", { status: "failure", stage: "build" });
    const s = world.sites.url;
    const registry = world.registry(`secret-env: [ACCESS_SECRET]
surfaces:
  - { id: api, hostname: api.example.com, provider: heroku, heroku: { app: ok-app },
      health: { url: "${s}/ok", expect-json: status=ok, headers: { X-Access: "\${ACCESS_SECRET}" } },
      builds: { workflow: deploy.yml } }
  - { id: crashy, hostname: crashy.example.com, provider: heroku, heroku: { app: crash-app } }
  - { id: old, hostname: old.example.com, provider: heroku, heroku: { app: old-app, max-deploy-age-days: 0.5 } }
  - { id: down, hostname: down.example.com, provider: http, health: { url: "${s}/down" } }
  - { id: www, hostname: www.example.com, provider: cloudflare_pages,
      cloudflare_pages: { account-id: ${world.account}, project: www }, builds: { paths: [backend/**] } }
  - { id: broken, hostname: broken.example.com, provider: cloudflare_pages,
      cloudflare_pages: { account-id: ${world.account}, project: broken } }
  - { id: hangs, hostname: hangs.example.com, provider: http, health: { url: "${s}/hang", timeout: 5s } }
  - { id: later, hostname: later.example.com, latent: true }
`);
    const clock = new StepClock(Date.now() + 86_400_000); // one day after the releases
    const settings = world.settings({ deadlineMs: 1_500 });
    const result = await runStatusSweep(registry, settings, world.ports(settings, { db: pool, clock }));
    const states = Object.fromEntries(result.doc.sites.map((x) => [x.id, x.status]));
    expect(states).toEqual({
      api: "healthy",
      crashy: "degraded",
      old: "degraded",
      down: "down",
      www: "healthy",
      broken: "degraded",
      hangs: "unknown",
    });
    const byId = new Map(result.doc.sites.map((x) => [x.id, x]));
    expect(byId.get("api")).toMatchObject({
      liveness: { ok: true, status_code: 200 },
      last_deploy: { deploy_id: "v2", status: "succeeded", author: "deployer@example.com" },
      build_status: { conclusion: "success", trigger: "push" },
      error: null,
    });
    expect(byId.get("www")?.build_status).toMatchObject({ conclusion: "failure" });
    expect(byId.get("crashy")?.error).toBe("1 of 2 dynos up (1 crashed)");
    expect(byId.get("old")?.error).toMatch(/^last deploy 1\.0 days ago \(limit 0\.5 days\)$/);
    expect(byId.get("broken")?.error).toMatch(/^latest deploy [0-9a-f]{8} failed \(build failure\)$/);
    expect(byId.get("hangs")?.error).toBe("not probed before the sweep deadline (http_health)");
    expect(result.doc.degraded_vendors).toEqual([]);

    const rows = await pool.query<{ n: string; sweeps: string }>(
      "SELECT count(*) AS n, count(DISTINCT polled_at) AS sweeps FROM console_poll_log",
    );
    expect(Number(rows.rows[0]?.n)).toBe(result.rows);
    expect(result.rows).toBe(result.calls);
    expect(rows.rows[0]?.sweeps).toBe("1");
    const calls = await pool.query<{ vendor_call: string; n: string }>(
      "SELECT vendor_call, count(*) AS n FROM console_poll_log GROUP BY 1 ORDER BY 1",
    );
    expect(Object.fromEntries(calls.rows.map((r) => [r.vendor_call, Number(r.n)]))).toEqual({
      cf_pages: 2,
      github_actions: 2,
      heroku_dyno: 3,
      heroku_release: 3,
      http_health: 2,
    });
    // One list of runs served both builds; one commit read matched the paths.
    expect(world.github.server.requestsTo("GET", "/repos/acme/shop/actions/runs").length).toBe(1);

    const files = writeSweepFiles(result, {
      statusJson: join(temp, "out/status.json"),
      pageDir: join(temp, "page"),
    });
    const json = JSON.parse(readFileSync(files.statusJson!, "utf8"));
    expect(Object.keys(json)).toEqual(["sites", "cache_age_seconds", "degraded_vendors", "generated_at"]);
    const html = readFileSync(files.page!, "utf8");
    for (const id of Object.keys(states)) expect(html).toContain(`data-surface="${id}"`);
    expect(html).not.toContain('data-surface="later"');
    expect(result.summary).toContain("### Surfaces");
    expectNoCanary(Object.values(world.tokens), {
      json,
      html,
      summary: result.summary,
      rows: await pool.query("SELECT * FROM console_poll_log").then((r) => r.rows),
      state: await pool.query("SELECT * FROM prodgate_surface_state").then((r) => r.rows),
    });
  });

  it("one vendor down degrades only its own surfaces", async () => {
    await forget();
    world.herokuApp("ok-app");
    world.cloudflare.addDeployment(world.account, "www", { status: "success" });
    const registry = world.registry(`surfaces:
  - { id: api, hostname: api.example.com, provider: heroku, heroku: { app: ok-app } }
  - { id: www, hostname: www.example.com, provider: cloudflare_pages, cloudflare_pages: { account-id: ${world.account}, project: www } }
  - { id: site, hostname: site.example.com, provider: http, health: { url: "${world.sites.url}/ok" } }
`);
    world.heroku.server.fault("*", "/apps/*", {
      kind: "status",
      status: 503,
      body: { id: "unavailable", message: "down" },
    });
    try {
      const settings = world.settings();
      const r = await runStatusSweep(registry, settings, world.ports(settings, { db: pool }));
      expect(r.doc.sites.map((x) => [x.id, x.status, x.error])).toEqual([
        ["api", "degraded", "Heroku API unreachable"],
        ["www", "healthy", null],
        ["site", "healthy", null],
      ]);
      expect(r.alerts.map((a) => a.text)).toEqual(["Heroku API unreachable — dyno status unavailable."]);
      expect(r.incidents).toEqual([]);
    } finally {
      world.heroku.server.clearFaults();
    }
  });

  it("a rate-limited vendor makes its surfaces stale (last known data) and is not called again that sweep", async () => {
    await forget();
    for (const p of ["one", "two"]) world.cloudflare.addDeployment(world.account, p, { status: "success" });
    const registry = world.registry(`surfaces:
  - { id: one, hostname: one.example.com, provider: cloudflare_pages, cloudflare_pages: { account-id: ${world.account}, project: one } }
  - { id: two, hostname: two.example.com, provider: cloudflare_pages, cloudflare_pages: { account-id: ${world.account}, project: two } }
`);
    const clock = new StepClock();
    const settings = world.settings({ concurrency: 1 });
    const first = await runStatusSweep(registry, settings, world.ports(settings, { db: pool, clock }));
    expect(first.doc.sites.map((x) => x.status)).toEqual(["healthy", "healthy"]);

    clock.advance(FIVE_MIN);
    world.cloudflare.server.fault("GET", "/client/v4/accounts/*", cloudflareRateLimit(30));
    const before = world.cloudflare.server.requests.length;
    const second = await runStatusSweep(registry, settings, world.ports(settings, { db: pool, clock }));
    world.cloudflare.server.clearFaults();
    expect(world.cloudflare.server.requests.length - before).toBe(1);
    expect(second.doc.sites.map((x) => x.status)).toEqual(["stale", "stale"]);
    expect(second.doc.sites[0]?.checked_at).toBe(first.doc.sites[0]?.checked_at);
    expect(second.doc.sites[0]?.last_deploy?.deploy_id).toBe(first.doc.sites[0]?.last_deploy?.deploy_id);
    expect(second.alerts.map((a) => a.text)).toEqual(["Cloudflare status as of 5 min ago (rate-limited)."]);
    expect(second.changes).toEqual([]);
    // The rate-limited call is logged; the call never made is not.
    const logged = await pool.query<{ error_msg: string; status_code: number }>(
      "SELECT error_msg, status_code FROM console_poll_log WHERE NOT probe_ok",
    );
    expect(logged.rows).toEqual([{ status_code: 429, error_msg: expect.stringMatching(/^rate limited: /) }]);

    // x-ratelimit-remaining: 0 on an answer: the data is used, later calls wait for the next sweep.
    clock.advance(FIVE_MIN);
    world.cloudflare.rateLimitRemaining = 0;
    const third = await runStatusSweep(registry, settings, world.ports(settings, { db: pool, clock }));
    world.cloudflare.rateLimitRemaining = undefined;
    expect(third.doc.sites.map((x) => x.status)).toEqual(["healthy", "stale"]);
  });

  it("a vendor failing more than 3 sweeps in a row is degraded (read from the poll log)", async () => {
    await forget();
    world.herokuApp("ok-app");
    const registry = world.registry(`surfaces:
  - { id: api, hostname: api.example.com, provider: heroku, heroku: { app: ok-app } }
`);
    const clock = new StepClock();
    const settings = world.settings();
    const degraded: string[][] = [];
    world.heroku.server.fault("*", "/apps/*", { kind: "reset" });
    try {
      for (let i = 0; i < 4; i++) {
        const r = await runStatusSweep(registry, settings, world.ports(settings, { db: pool, clock }));
        degraded.push(r.doc.degraded_vendors);
        if (i === 3)
          expect(r.alerts.map((a) => a.text)).toContain("Heroku degraded: 4 consecutive failed polls");
        clock.advance(FIVE_MIN);
      }
    } finally {
      world.heroku.server.clearFaults();
    }
    expect(degraded).toEqual([[], [], [], ["heroku"]]);
    const ok = await runStatusSweep(registry, settings, world.ports(settings, { db: pool, clock }));
    expect(ok.doc.degraded_vendors).toEqual([]);
  });

  it("opens one incident issue, comments and closes it on recovery, and tells Slack only on change", async () => {
    await forget();
    const registry = world.registry(`surfaces:
  - { id: shop, hostname: shop.example.com, provider: http, health: { url: "${world.sites.url}/shop" } }
`);
    const clock = new StepClock();
    const settings = world.settings();
    const repo = world.github.repo("acme/shop");
    const issuesBefore = repo.issues.length;
    const slackBefore = world.slack.messages.length;
    const sweep = async (status: number) => {
      world.health.set("shop", status);
      const r = await runStatusSweep(registry, settings, world.ports(settings, { db: pool, clock }));
      clock.advance(FIVE_MIN);
      return r;
    };
    await sweep(200);
    expect(world.slack.messages.length).toBe(slackBefore);
    const down = await sweep(503);
    await sweep(503);
    await sweep(503);
    const issues = repo.issues.slice(issuesBefore);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ state: "open", labels: ["prodgate:incident"] });
    expect(issues[0]?.body).toContain("<!-- prodgate:incident surface=shop -->");
    expect(down.incidents).toEqual([
      { id: "shop", issue: issues[0]!.number, url: expect.stringContaining("/issues/"), action: "opened" },
    ]);
    expect(world.slack.messages.length).toBe(slackBefore + 1);
    expect(world.slack.messages.at(-1)?.text).toContain("*shop* healthy → *down*");

    const up = await sweep(200);
    expect(issues[0]).toMatchObject({ state: "closed", stateReason: "completed" });
    const comment = repo.issueComments.filter((c) => c.issue === issues[0]!.number).at(-1);
    expect(comment?.body).toMatch(/shop\*\* is healthy again at .*, after 15m 0s\./);
    expect(up.incidents).toEqual([{ id: "shop", issue: issues[0]!.number, action: "closed" }]);
    expect(world.slack.messages.length).toBe(slackBefore + 2);
    expect(world.slack.messages.at(-1)?.text).toContain("*shop* down → *healthy*");
    await sweep(200);
    expect(world.slack.messages.length).toBe(slackBefore + 2);
    expect(repo.issues.length).toBe(issuesBefore + 1);
    expectNoCanary(Object.values(world.tokens), {
      slack: world.slack.messages,
      issues: repo.issues,
      comments: repo.issueComments,
    });
  });

  it("two sweeps racing open one issue, not two (advisory lock, then the marker)", async () => {
    await forget();
    const registry = world.registry(`surfaces:
  - { id: race, hostname: race.example.com, provider: http, health: { url: "${world.sites.url}/race" } }
`);
    world.health.set("race", 500);
    const repo = world.github.repo("acme/shop");
    const before = repo.issues.length;
    const settings = world.settings();
    const both = await Promise.all([
      runStatusSweep(registry, settings, world.ports(settings, { db: pool })),
      runStatusSweep(registry, settings, world.ports(settings, { db: pool })),
    ]);
    expect(repo.issues.length - before).toBe(1);
    expect(both.flatMap((r) => r.incidents).filter((i) => i.action === "opened")).toHaveLength(1);

    // A sweep that died after opening the issue but before saving its state: the next adopts the issue.
    await pool.query("UPDATE prodgate_surface_state SET incident_issue = NULL, known_state = 'healthy'");
    const again = await runStatusSweep(registry, settings, world.ports(settings, { db: pool }));
    expect(repo.issues.length - before).toBe(1);
    expect(again.incidents).toEqual([]);
    const state = await pool.query(
      "SELECT incident_issue FROM prodgate_surface_state WHERE surface_id = 'race'",
    );
    expect(state.rows[0]?.incident_issue).toBe(repo.issues.at(-1)?.number);
    world.health.set("race", 200);
    await runStatusSweep(registry, settings, world.ports(settings, { db: pool }));
    expect(repo.issues.at(-1)?.state).toBe("closed");
  });

  it("reports a sweep gap over 3x the expected interval, in the summary and to Slack", async () => {
    await forget();
    const registry = world.registry(`surfaces:
  - { id: site, hostname: site.example.com, provider: http, health: { url: "${world.sites.url}/ok" } }
`);
    const clock = new StepClock();
    const settings = world.settings({ expectedIntervalMs: FIVE_MIN });
    const first = await runStatusSweep(registry, settings, world.ports(settings, { db: pool, clock }));
    expect(first.gap).toBeUndefined();
    clock.advance(10 * 60_000);
    const fine = await runStatusSweep(registry, settings, world.ports(settings, { db: pool, clock }));
    expect(fine.gap).toMatchObject({ gapMs: 600_000, over: false });
    const slackBefore = world.slack.messages.length;
    clock.advance(47 * 60_000);
    const late = await runStatusSweep(registry, settings, world.ports(settings, { db: pool, clock }));
    expect(late.gap).toMatchObject({ gapMs: 47 * 60_000, over: true });
    expect(late.summary).toContain("Sweep gap: 47m 0s since the previous sweep (expected every 5m 0s)");
    expect(world.slack.messages.length).toBe(slackBefore + 1);
    expect(world.slack.messages.at(-1)?.text).toContain("Sweep gap: 47m 0s");
  });

  it("a sharded sweep, merged, equals a single run", async () => {
    for (const app of ["ok-app", "crash-app"]) world.herokuApp(app);
    world.cloudflare.addDeployment(world.account, "www", { status: "success" });
    const s = world.sites.url;
    const registry = world.registry(`surfaces:
  - { id: a, hostname: a.example.com, provider: heroku, heroku: { app: ok-app }, health: { url: "${s}/ok" } }
  - { id: b, hostname: b.example.com, provider: heroku, heroku: { app: crash-app }, builds: { workflow: deploy.yml } }
  - { id: c, hostname: c.example.com, provider: http, health: { url: "${s}/down" } }
  - { id: d, hostname: d.example.com, provider: cloudflare_pages, cloudflare_pages: { account-id: ${world.account}, project: www } }
  - { id: e, hostname: e.example.com, provider: http, health: { url: "${s}/ok" }, builds: { paths: [backend/**] } }
  - { id: f, hostname: f.example.com, provider: http, health: { url: "${s}/ok" }, latent: true }
  - { id: g, hostname: g.example.com, provider: http, health: { url: "${s}/ok" } }
`);
    const now = new Date();
    const clock = new StepClock(now.getTime());
    const settings = world.settings();
    const single = await runStatusSweep(registry, settings, world.ports(settings, { clock }));
    const batches = [];
    for (let i = 0; i < 3; i++)
      batches.push(
        await probeSurfaces(
          registry,
          { ...settings, shard: { index: i, total: 3 } },
          world.ports(settings, { clock }),
        ),
      );
    expect(batches.map((b) => b.surfaces)).toEqual([
      ["a", "d"],
      ["b", "e"],
      ["c", "g"],
    ]);
    const merged = await finishSweep(
      registry,
      JSON.parse(JSON.stringify(batches)),
      settings,
      world.ports(settings, { clock }),
    );
    const norm = (doc: typeof single.doc) =>
      doc.sites.map((x) => ({ ...x, liveness: { ...x.liveness, latency_ms: 0 } }));
    expect(norm(merged.doc)).toEqual(norm(single.doc));
    expect(merged.doc.degraded_vendors).toEqual(single.doc.degraded_vendors);
    expect(
      pollRowsOf(
        batches.flatMap((b) => b.probes),
        now,
      ).length,
    ).toBe(single.calls);

    const missing = await finishSweep(
      registry,
      batches.slice(0, 2),
      settings,
      world.ports(settings, { clock }),
    );
    expect(missing.doc.sites.find((x) => x.id === "c")).toMatchObject({
      status: "unknown",
      error: "its shard produced no results (http_health)",
    });
    expect(missing.notes).toContain("shard 3/3 produced no results: its surfaces are unknown");
  });

  it("prunes poll rows older than 30 days", async () => {
    await forget();
    await pool.query(
      `INSERT INTO console_poll_log (surface_id, probe_ok, latency_ms, vendor_call, polled_at)
       VALUES ('a', true, 1, 'http_health', (now() AT TIME ZONE 'UTC') - interval '31 days'),
              ('a', true, 1, 'http_health', (now() AT TIME ZONE 'UTC') - interval '29 days')`,
    );
    expect(await prunePollLog(pool)).toBe(1);
    expect(await prunePollLog(pool, 28)).toBe(1);
  });
});
