import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentReporter } from "../../src/core/ports.js";
import { runStatusSweep } from "../../src/pipelines/status-sweep.js";
import { dynoIntervalMs } from "../../src/pipelines/status-sweep-heroku.js";
import { openSweepETags, saveSweepETags } from "../../src/pipelines/sweep-etags.js";
import { newPool } from "../../src/store/db.js";
import { freshDatabase } from "../support/db.js";
import { StepClock, SweepWorld } from "../support/status-sweep-world.js";

const MIN = 60_000;
const APPS = 30;

/**
 * The sweep's Heroku reads are paced to Heroku's budget: one app listing a sweep, a release read only for an
 * app that released, each app's dynos once per interval (spread over the sweeps), at once after a release or
 * while not all up, as conditional requests; the memory is the sweep's Postgres, as the action keeps it.
 */
describe("status sweep: Heroku reads paced to the budget", () => {
  const world = new SweepWorld();
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let pool: pg.Pool;
  const apps = Array.from({ length: APPS }, (_, i) => `paced-${i}`);

  beforeAll(async () => {
    await world.start();
    db = await freshDatabase("paced");
    pool = newPool(db.url, { max: 4 });
    for (const app of apps) world.herokuApp(app);
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
    await world.stop();
  });

  const registry = () =>
    world.registry(
      `surfaces:\n${apps.map((a) => `  - { id: ${a}, hostname: ${a}.example.com, provider: heroku, heroku: { app: ${a} } }`).join("\n")}\n`,
    );

  /** One sweep as the action runs it: ETags and remembered reads loaded from Postgres, saved after. */
  async function sweep(clock: StepClock, interval: number | "auto" = 15 * MIN) {
    const before = world.heroku.server.requests.length;
    const settings = world.settings({ herokuDynoInterval: interval, expectedIntervalMs: 5 * MIN });
    const etags = await openSweepETags(pool, silentReporter);
    const info: string[] = [];
    const reporter = { ...silentReporter, info: (m: string) => void info.push(m) };
    const ports = { ...world.ports(settings, { db: pool, clock, etags }), reporter };
    const result = await runStatusSweep(registry(), settings, ports);
    await saveSweepETags(pool, etags, silentReporter);
    const sent = world.heroku.server.requests.slice(before);
    const appOf = (path: string, what: string) => new RegExp(`^/apps/([^/]+)/${what}$`).exec(path)?.[1];
    return {
      result,
      listings: sent.filter((r) => r.path === "/apps").length,
      dynos: sent.map((r) => appOf(r.path, "dynos")).filter((a): a is string => Boolean(a)),
      conditional: sent.filter((r) => appOf(r.path, "dynos") && r.headers["if-none-match"]).length,
      releases: sent.map((r) => appOf(r.path, "releases")).filter((a): a is string => Boolean(a)),
      total: sent.length,
      report: info.find((m) => m.startsWith("Heroku: ")),
    };
  }

  it("reads every app once per interval, spread over the sweeps, and releases only when an app released", async () => {
    const clock = new StepClock(Date.parse("2026-12-02T09:00:00Z"));
    const cold = await sweep(clock);
    expect(cold).toMatchObject({ listings: 1 });
    expect(new Set(cold.dynos).size).toBe(APPS);
    expect(new Set(cold.releases).size).toBe(APPS);
    expect(cold.result.doc.sites.every((s) => s.status === "healthy")).toBe(true);

    // Six sweeps, 5 minutes apart: 30 minutes = two intervals, so each app's dynos are read exactly twice.
    const reads = new Map<string, number>();
    const perSweep: number[] = [];
    let conditional = 0;
    for (let i = 0; i < 6; i++) {
      const s = await sweep(clock.advance(5 * MIN));
      expect(s.listings).toBe(1);
      expect(s.releases).toEqual([]);
      expect(s.total).toBe(1 + s.dynos.length);
      for (const a of s.dynos) reads.set(a, (reads.get(a) ?? 0) + 1);
      perSweep.push(s.dynos.length);
      conditional += s.conditional;
      if (s.dynos.length)
        expect(s.report).toContain(`${s.dynos.length} dyno read(s) (${s.dynos.length} unchanged, 304)`);
      expect(s.result.doc.sites.every((x) => x.status === "healthy")).toBe(true);
      // A remembered read writes no poll row: the rows are the calls made.
      const rows = await pool.query<{ n: string }>(
        "SELECT count(*) AS n FROM console_poll_log WHERE vendor_call = 'heroku_dyno' AND polled_at = $1",
        [clock.now()],
      );
      expect(Number(rows.rows[0]!.n)).toBe(s.dynos.length);
    }
    expect([...reads.values()]).toEqual(Array(APPS).fill(2));
    expect(reads.size).toBe(APPS);
    // Spread, not a burst: no sweep reads more than half of the fleet.
    expect(Math.max(...perSweep)).toBeLessThan(APPS / 2);
    // Every re-read is a conditional request, sent with the ETag of the last answer (Heroku answers 304).
    expect(conditional).toBe(APPS * 2);

    // A release: that app's release and dynos are read at the next sweep, and nothing else of it changes.
    world.heroku.addRelease("paced-3", { commit: "b".repeat(40) });
    const released = await sweep(clock.advance(5 * MIN));
    expect(released.releases).toEqual(["paced-3"]);
    expect(released.dynos).toContain("paced-3");
    const site = released.result.doc.sites.find((s) => s.id === "paced-3")!;
    expect(site.last_deploy?.deploy_id).toBe("v3");

    // Dynos that are not all up are read every sweep until they are.
    world.heroku.setDynos("paced-7", ["crashed"]);
    let seen = -1;
    for (let i = 0; i < 4 && seen < 0; i++) {
      const s = await sweep(clock.advance(5 * MIN));
      if (s.result.doc.sites.find((x) => x.id === "paced-7")?.status !== "healthy") seen = i;
    }
    expect(seen).toBeGreaterThanOrEqual(0); // within one interval (three sweeps)
    expect(seen).toBeLessThan(3);
    for (let i = 0; i < 2; i++) {
      const s = await sweep(clock.advance(5 * MIN));
      expect(s.dynos).toContain("paced-7");
      expect(s.result.doc.sites.find((x) => x.id === "paced-7")?.status).toBe("down");
    }
    world.heroku.setDynos("paced-7", undefined);
    const recovered = await sweep(clock.advance(5 * MIN));
    expect(recovered.dynos).toContain("paced-7");
    expect(recovered.result.doc.sites.find((x) => x.id === "paced-7")?.status).toBe("healthy");
  });

  it("Heroku rate-limiting the app list makes its surfaces stale for that sweep: no other Heroku call, no state change", async () => {
    const clock = new StepClock(Date.parse("2026-12-05T09:00:00Z"));
    const warm = await sweep(clock);
    expect(warm.result.doc.sites.every((s) => s.status === "healthy")).toBe(true);
    world.heroku.server.fault(
      "GET",
      "/apps",
      {
        kind: "status",
        status: 429,
        body: { id: "rate_limit", message: "Your account reached the API rate limit" },
      },
      1,
    );
    const limited = await sweep(clock.advance(5 * MIN));
    expect(limited.total).toBe(1); // the refused list, nothing after it
    expect(limited.result.doc.sites.map((s) => s.status)).toEqual(Array(APPS).fill("stale"));
    expect(limited.result.changes).toEqual([]);
    // The last known deploy is kept (its age moves on with the clock).
    const { deploy_id, deployed_at } = warm.result.doc.sites[0]!.last_deploy!;
    expect(limited.result.doc.sites[0]!.last_deploy).toMatchObject({ deploy_id, deployed_at });
    const next = await sweep(clock.advance(5 * MIN));
    expect(next.result.doc.sites.every((s) => s.status === "healthy")).toBe(true);
  });

  it("interval 0 reads every app every sweep; auto does so for a small fleet and paces a large one", async () => {
    const clock = new StepClock(Date.parse("2026-12-03T09:00:00Z"));
    await sweep(clock, 0);
    const every = await sweep(clock.advance(5 * MIN), 0);
    expect(new Set(every.dynos).size).toBe(APPS);
    const auto = await sweep(clock.advance(5 * MIN), "auto");
    expect(new Set(auto.dynos).size).toBe(APPS);
    // auto: dyno reads within a third of 4,500 an hour, whatever the fleet.
    for (const fleet of [30, 400, 2_000]) {
      const interval = dynoIntervalMs(fleet, "auto", 5 * MIN);
      const perHour = interval === 0 ? fleet * 12 : (fleet * 60 * MIN) / interval;
      expect(perHour + 12).toBeLessThanOrEqual(1_500);
    }
    expect(dynoIntervalMs(30, "auto", 5 * MIN)).toBe(0);
    expect(dynoIntervalMs(400, "auto", 5 * MIN)).toBeGreaterThan(15 * MIN);
  });

  it("without a memory every app is read every sweep, as before", async () => {
    const clock = new StepClock(Date.parse("2026-12-04T09:00:00Z"));
    const settings = world.settings({ herokuDynoInterval: 15 * MIN });
    for (let i = 0; i < 2; i++) {
      const before = world.heroku.server.requests.length;
      await runStatusSweep(registry(), settings, world.ports(settings, { clock: clock.advance(5 * MIN) }));
      const sent = world.heroku.server.requests.slice(before);
      expect(sent.filter((r) => r.path === "/apps")).toHaveLength(0);
      expect(sent.filter((r) => r.path.endsWith("/dynos"))).toHaveLength(APPS);
      expect(sent.filter((r) => r.path.endsWith("/releases"))).toHaveLength(APPS);
    }
  });
});
