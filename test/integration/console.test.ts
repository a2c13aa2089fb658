import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildConsole,
  type ConsoleBuild,
  DEFAULT_CONSOLE_SETTINGS,
  writeConsole,
} from "../../src/pipelines/console.js";
import { newPool } from "../../src/store/db.js";
import { prunePollLog } from "../../src/store/poll-log.js";
import { freshDatabase } from "../support/db.js";
import {
  inMaintenance,
  MAINTENANCE,
  NOW,
  type Poll,
  polls,
  registry,
  STEP,
  seedWorld,
} from "./console-seed.js";

/**
 * The console built from a database seeded with 90 days of history (console-seed.ts), checked against
 * answers computed here from the seed's own lists: uptime per window to 0.01% (and exactly in the JSON),
 * latency percentiles, incidents, and every delivery metric. Built once with the whole raw log, then again
 * after the raw log is pruned to 30 days: the longer windows then come from the daily rollups, unchanged.
 */

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const DAY = 86_400_000;
const HOUR = 3_600_000;
const today = Math.floor(NOW / DAY) * DAY;
const clock = { now: () => new Date(NOW), sleep: async () => {} };
const settings = { ...DEFAULT_CONSOLE_SETTINGS, title: "Acme status", secrets: true, fullRefresh: true };

/** By hand: the counts of a surface's polls over a window, maintenance left out. */
function expected(all: Poll[], id: string, from: number, to: number, openFrom: boolean) {
  const inWin = all.filter((p) => p.surface === id && (openFrom ? p.t > from : p.t >= from) && p.t <= to);
  const maint = inWin.filter((p) => inMaintenance(id, p.t));
  const rest = inWin.filter((p) => !inMaintenance(id, p.t));
  const ok = rest.filter((p) => p.ok).length;
  const failed = rest.filter((p) => p.data && !p.ok).length;
  const covered = MAINTENANCE[id]!.reduce(
    (n, [a, b]) => n + Math.max(0, Math.min(b, to) - Math.max(a, from)),
    0,
  );
  const expectedPolls = (to - from - covered) / STEP;
  return {
    ok,
    failed,
    noData: rest.filter((p) => !p.data).length,
    maintenance: maint.length,
    uptime: ok / (ok + failed),
    noDataShare: Math.max(0, 1 - (ok + failed) / expectedPolls),
  };
}

const WINDOWS: [string, number, boolean][] = [
  ["24h", NOW - DAY, true],
  ["7d", today - 6 * DAY, false],
  ["30d", today - 29 * DAY, false],
  ["90d", today - 89 * DAY, false],
];
const pctText = (x: number) => `${(Math.floor(x * 10_000) / 100).toFixed(2)}%`;

// biome-ignore lint/suspicious/noExplicitAny: parsed JSON, read field by field in assertions
type Json = Record<string, any>;
const readJson = (dir: string, path: string): Json => JSON.parse(readFileSync(join(dir, path), "utf8"));

describe("operator console from 90 days of history", () => {
  const all = polls();
  const dirs = { whole: "", pruned: "" };
  const root = mkdtempSync(join(tmpdir(), "prodgate-console-"));
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let pool: pg.Pool;
  let builds: ConsoleBuild[] = [];

  beforeAll(async () => {
    db = await freshDatabase("console");
    pool = newPool(db.url);
    await seedWorld(pool, db.url);
    const reg = registry();
    const first = await buildConsole(reg, settings, { db: pool, clock });
    dirs.whole = join(root, "whole");
    writeConsole(dirs.whole, first.files);
    // Seed 000's retention: the raw log keeps 30 days; the rollups keep what it loses.
    const pruned = await prunePollLog(pool, new Date(NOW - 30 * DAY));
    expect(pruned).toBeGreaterThan(3 * 59 * 288);
    const second = await buildConsole(reg, settings, { db: pool, clock });
    dirs.pruned = join(root, "pruned");
    writeConsole(dirs.pruned, second.files);
    builds = [first, second];
  }, 120_000);

  afterAll(async () => {
    await pool?.end();
    await db?.drop();
    rmSync(root, { recursive: true, force: true });
  });

  it("computes uptime, its no-data share and maintenance per window, before and after the raw log is pruned", () => {
    for (const dir of [dirs.whole, dirs.pruned])
      for (const id of ["api-prod", "www", "checkout"]) {
        const site = readJson(dir, `api/status/sites/${id}.json`);
        for (const [name, from, open] of WINDOWS) {
          const want = expected(all, id, from, NOW, open);
          const got = site.uptime.find((u: Json) => u.window === name);
          const where = `${dir.endsWith("pruned") ? "pruned" : "whole"} ${id} ${name}`;
          expect(got.ok, where).toBe(want.ok);
          expect(got.failed, where).toBe(want.failed);
          expect(got.no_data_polls, where).toBe(want.noData);
          expect(got.maintenance_polls, where).toBe(want.maintenance);
          expect(got.uptime, where).toBeCloseTo(want.uptime, 12);
          expect(got.no_data_share, where).toBeCloseTo(want.noDataShare, 12);
          const html = readFileSync(join(dir, "sites", `${id}.html`), "utf8");
          const words = { "24h": "24 hours", "7d": "7 days", "30d": "30 days", "90d": "90 days" }[name];
          expect(html, where).toContain(
            `<tr><th>${words}<td>${pctText(want.uptime)}<td>${want.ok}<td>${want.failed}<td>`,
          );
        }
      }
    // The same answers, written out: 285 of 288 polls passed in the last 24 h (incident B's 3 failed).
    const api = readJson(dirs.pruned, "api/status/sites/api-prod.json").uptime;
    expect(api[0]).toMatchObject({ ok: 285, failed: 3, no_data_polls: 0, maintenance_polls: 0 });
    expect(pctText(api[0].uptime)).toBe("98.95%");
    // checkout: 24 missed sweeps (no data, not down) and its 2 failing polls now.
    const checkout = readJson(dirs.pruned, "api/status/sites/checkout.json").uptime[0];
    expect(checkout).toMatchObject({ ok: 262, failed: 2, no_data_polls: 0 });
    expect(pctText(checkout.uptime)).toBe("99.24%");
    expect(checkout.no_data_share).toBeCloseTo(24 / 288, 12);
    // www: failing inside its maintenance window now: 7 polls left out, 100% of the rest, 1 of 282 expected polls missing.
    const www = readJson(dirs.pruned, "api/status/sites/www.json").uptime[0];
    expect(www).toMatchObject({ ok: 281, failed: 0, maintenance_polls: 7 });
    expect(www.no_data_share).toBeCloseTo(1 - 281 / 282, 12);
    // The 90-day window: Sunday maintenance (summer and winter time) and the vendor outage never count as down.
    const api90 = expected(all, "api-prod", today - 89 * DAY, NOW, false);
    expect(api90.maintenance).toBe(13 * 24 + 12);
    expect(api90.failed).toBe(6 + 3 + 1);
  });

  it("rolls each day up with its latency percentiles, keeping whole days the raw log has lost", () => {
    const percentiles = (day: string) => {
      const lat = all
        .filter((p) => p.surface === "api-prod" && new Date(p.t).toISOString().startsWith(day))
        .filter((p) => p.ok && !inMaintenance("api-prod", p.t))
        .map((p) => p.latency)
        .sort((a, b) => a - b);
      return {
        n: lat.length,
        p50: lat[Math.ceil(0.5 * lat.length) - 1],
        p95: lat[Math.ceil(0.95 * lat.length) - 1],
      };
    };
    const nov10 = percentiles("2026-11-10");
    // 29 November: 24 polls in the Sunday window (left out) and the failing poll just after it.
    const nov29 = percentiles("2026-11-29");
    expect([nov10.n, nov29.n]).toEqual([288 - 6, 288 - 24 - 1]);
    for (const dir of [dirs.whole, dirs.pruned]) {
      const daily = readJson(dir, "api/status/sites/api-prod.json").daily as Json[];
      expect(daily.length).toBe(90);
      expect(daily.find((d) => d.day === "2026-11-10")).toMatchObject({
        ok: 282,
        failed: 6,
        p50: nov10.p50,
        p95: nov10.p95,
      });
      expect(daily.find((d) => d.day === "2026-11-29")).toMatchObject({
        ok: 263,
        failed: 1,
        maintenance: 24,
        p50: nov29.p50,
        p95: nov29.p95,
      });
      // 31 October is only partly in the pruned raw log: its rollup stays the whole day's.
      expect(daily.find((d) => d.day === "2026-10-31")).toMatchObject({ ok: 288, failed: 0 });
      expect(readFileSync(join(dir, "sites", "api-prod.html"), "utf8")).toContain(
        `<tr><th>2026-11-29<td>${nov29.p50}<td>${nov29.p95}<td>${pctText(263 / 264)}<tr>`,
      );
    }
  });

  it("derives incidents from runs of failing polls, joined with their issues, never inside maintenance", () => {
    const incidents = (dir: string, id: string) =>
      (readJson(dir, `api/status/sites/${id}.json`).incidents as Json[]).map((i) => ({
        start: i.started_at,
        end: i.ended_at,
        polls: i.failing_polls,
        open: i.open,
        issue: i.issue?.number ?? null,
      }));
    for (const dir of [dirs.whole, dirs.pruned]) {
      expect(incidents(dir, "api-prod")).toEqual([
        {
          start: "2026-11-30T03:00:00.000Z",
          end: "2026-11-30T03:10:00.000Z",
          polls: 3,
          open: false,
          issue: null,
        },
        {
          start: "2026-11-29T03:00:00.000Z",
          end: "2026-11-29T03:00:00.000Z",
          polls: 1,
          open: false,
          issue: null,
        },
        {
          start: "2026-11-10T10:00:00.000Z",
          end: "2026-11-10T10:25:00.000Z",
          polls: 6,
          open: false,
          issue: 41,
        },
      ]);
      expect(incidents(dir, "www")).toEqual([
        {
          start: "2026-11-25T14:00:00.000Z",
          end: "2026-11-25T14:00:00.000Z",
          polls: 1,
          open: false,
          issue: null,
        },
      ]);
      expect(incidents(dir, "checkout")).toEqual([
        {
          start: "2026-11-30T11:55:00.000Z",
          end: "2026-11-30T12:00:00.000Z",
          polls: 2,
          open: true,
          issue: 57,
        },
        {
          start: "2026-11-15T23:30:00.000Z",
          end: "2026-11-16T00:30:00.000Z",
          polls: 13,
          open: false,
          issue: null,
        },
        {
          start: "2026-10-05T12:00:00.000Z",
          end: "2026-10-05T12:55:00.000Z",
          polls: 12,
          open: false,
          issue: null,
        },
      ]);
    }
    const a = readJson(dirs.pruned, "api/status/sites/api-prod.json").incidents[2];
    expect(a).toMatchObject({ recovered_at: "2026-11-10T10:30:00.000Z", duration_ms: 25 * 60_000 });
  });

  it("computes every delivery metric from the audit log, each deploy counted once", () => {
    const m = readJson(dirs.pruned, "api/metrics.json");
    const w = (list: Json[], days: number) => list.find((x) => x.days === days)!;
    const app = (name: string) => m.apps.find((a: Json) => a.app === name).windows as Json[];
    const h = (n: number) => n * 3600;
    // acme-api, 7 days (from 24 Nov): 105 (rolled back by hand an hour later) and 107; 106 did not ship.
    expect(w(app("acme-api"), 7)).toMatchObject({
      deploys: 2,
      not_shipped: 1,
      rollbacks: 1,
      deployment_frequency_per_day: 2 / 7,
      lead_time: { known: 2, unknown: 0, median_seconds: (h(0.5) + h(12)) / 2 },
      change_failure: { failed: 1, deploys: 2, rate: 0.5 },
      time_to_restore: { failures: 1, restored: 1, not_restored: 0, median_seconds: h(1) },
    });
    // 30 days (from 1 Nov): 103 failed its health check and was rolled back automatically (one failure, not two).
    expect(w(app("acme-api"), 30)).toMatchObject({
      deploys: 4,
      rollbacks: 2,
      lead_time: { known: 3, unknown: 1, median_seconds: h(1) },
      change_failure: { failed: 2, deploys: 4, rate: 0.5 },
      time_to_restore: { restored: 2, median_seconds: (120 + h(1)) / 2, mean_seconds: (120 + h(1)) / 2 },
    });
    expect(w(app("acme-api"), 90)).toMatchObject({
      deploys: 6,
      lead_time: { known: 5, unknown: 1, median_seconds: h(2) },
      change_failure: { failed: 2, deploys: 6, rate: 2 / 6 },
    });
    // acme-checkout: 202 failed its health check and stayed failed until 203 shipped 90 minutes later.
    expect(w(app("acme-checkout"), 7)).toMatchObject({
      deploys: 2,
      not_shipped: 1,
      lead_time: { known: 1, unknown: 1, median_seconds: h(0.5) },
      change_failure: { failed: 1, deploys: 2, rate: 0.5 },
      time_to_restore: { restored: 1, median_seconds: h(1.5) },
    });
    expect(w(app("acme-checkout"), 90)).toMatchObject({
      deploys: 3,
      lead_time: { median_seconds: h(12.25) },
    });
    expect(w(m.overall, 7)).toMatchObject({
      deploys: 4,
      lead_time: { known: 3, unknown: 1, median_seconds: h(0.5) },
      change_failure: { failed: 2, rate: 0.5 },
      time_to_restore: { median_seconds: (h(1) + h(1.5)) / 2 },
    });
    expect(w(m.overall, 30)).toMatchObject({
      deploys: 6,
      lead_time: { known: 4, unknown: 2, median_seconds: h(0.75) },
      change_failure: { failed: 3, deploys: 6 },
      time_to_restore: { restored: 3, median_seconds: h(1) },
    });
    expect(w(m.overall, 90)).toMatchObject({
      deploys: 9,
      lead_time: { known: 7, unknown: 2, median_seconds: h(2) },
      change_failure: { failed: 3, deploys: 9, rate: 1 / 3 },
    });
    const html = readFileSync(join(dirs.pruned, "metrics.html"), "utf8");
    expect(html).toContain('<span data-m="cfr">33.33%</span> (3 of 9)');
    expect(html).toContain('<span data-m="lead">2h 00m</span> (7 known, 2 unknown)');
  });

  it("writes JSON in seed 000's shapes", () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const time = { type: "string", format: "date-time" };
    const nullable = (s: object) => ({ anyOf: [s, { type: "null" }] });
    const deploy = {
      type: "object",
      required: ["deploy_id", "deployed_at", "author", "status", "age_days"],
      properties: {
        deploy_id: { type: "string" },
        deployed_at: time,
        author: { type: "string" },
        status: { enum: ["succeeded", "failed", "building"] },
        age_days: { type: "number" },
      },
    };
    const build = {
      type: "object",
      required: ["run_id", "conclusion", "run_url", "trigger", "author", "started_at"],
      properties: {
        run_id: { type: "string" },
        conclusion: { enum: ["success", "failure", "cancelled", "in_progress", "unknown"] },
        run_url: { type: "string" },
        trigger: { type: "string" },
        author: { type: "string" },
        started_at: time,
      },
    };
    const site = {
      type: "object",
      required: [
        "id",
        "hostname",
        "provider",
        "liveness",
        "last_deploy",
        "build_status",
        "sentry_errors_24h",
        "checked_at",
        "error",
      ],
      properties: {
        id: { type: "string" },
        hostname: { type: "string" },
        provider: { type: "string" },
        liveness: {
          type: "object",
          required: ["ok", "latency_ms", "status_code", "checked_at"],
          properties: {
            ok: { type: "boolean" },
            latency_ms: { type: "integer" },
            status_code: nullable({ type: "integer" }),
            checked_at: time,
          },
        },
        last_deploy: nullable(deploy),
        build_status: nullable(build),
        sentry_errors_24h: nullable({ type: "integer" }),
        checked_at: time,
        error: nullable({ type: "string" }),
      },
    };
    const secret = {
      type: "object",
      required: [
        "name",
        "vendor",
        "affected_sites",
        "last_rotated_at",
        "rotated_by",
        "expires_at",
        "suggested_cadence_days",
        "status",
        "days_since_rotation",
      ],
      properties: {
        name: { type: "string" },
        affected_sites: { type: "array", items: { type: "string" } },
        last_rotated_at: nullable(time),
        expires_at: nullable(time),
        suggested_cadence_days: { type: "integer" },
        status: { enum: ["healthy", "stale", "expiring_soon", "expired", "rotating", "unknown"] },
        days_since_rotation: nullable({ type: "integer" }),
      },
    };
    const check = (schema: object, value: unknown, what: string) => {
      const valid = ajv.validate(schema, value);
      expect(valid, `${what}: ${ajv.errorsText()}`).toBe(true);
    };
    const dir = dirs.pruned;
    check(
      {
        type: "object",
        required: ["sites", "cache_age_seconds", "degraded_vendors"],
        properties: {
          sites: { type: "array", items: site, minItems: 3 },
          cache_age_seconds: { type: "integer" },
          degraded_vendors: { type: "array" },
        },
      },
      readJson(dir, "api/status/sites.json"),
      "sites.json",
    );
    for (const id of ["api-prod", "www", "checkout"]) {
      const doc = readJson(dir, `api/status/sites/${id}.json`);
      check(
        {
          type: "object",
          required: ["site", "history", "recent_deploys", "recent_builds", "secrets"],
          properties: {
            site,
            history: {
              type: "array",
              maxItems: 288,
              items: {
                type: "object",
                required: ["polled_at", "probe_ok", "latency_ms"],
                properties: {
                  polled_at: time,
                  probe_ok: { type: "boolean" },
                  latency_ms: { type: "integer" },
                },
              },
            },
            recent_deploys: { type: "array", maxItems: 5, items: deploy },
            recent_builds: { type: "array", maxItems: 5, items: build },
            secrets: { type: "array", items: secret },
          },
        },
        doc,
        `sites/${id}.json`,
      );
      expect(doc.history.length).toBe(id === "checkout" ? 288 : 288);
    }
    const api = readJson(dir, "api/status/sites/api-prod.json");
    expect(api.recent_deploys.map((d: Json) => d.deploy_id)).toEqual([
      "v106",
      "v105",
      "v104",
      "v103",
      "v102",
    ]);
    expect(api.secrets.map((s: Json) => s.name)).toEqual(["HEROKU_API_KEY"]);
    expect(api.history.at(-1)).toEqual({
      polled_at: new Date(NOW).toISOString(),
      probe_ok: true,
      latency_ms: api.history.at(-1).latency_ms,
    });
    check(
      {
        type: "object",
        required: ["builds", "cache_age_seconds"],
        properties: {
          builds: { type: "object", additionalProperties: { type: "array", maxItems: 5, items: build } },
        },
      },
      readJson(dir, "api/status/builds.json"),
      "builds.json",
    );
    const secrets = readJson(dir, "api/status/secrets.json");
    check(
      {
        type: "object",
        required: ["secrets", "vault_reachable", "fetched_at"],
        properties: {
          secrets: { type: "array", items: secret },
          vault_reachable: { type: "boolean" },
          fetched_at: time,
        },
      },
      secrets,
      "secrets.json",
    );
    expect(Object.fromEntries(secrets.secrets.map((s: Json) => [s.name, s.status]))).toEqual({
      CLOUDFLARE_API_TOKEN: "expiring_soon",
      HEROKU_API_KEY: "healthy",
      OLD_DEPLOY_TOKEN: "expired",
    });
  });

  it("shows maintenance, the alert banner and recent activity on the dashboard", () => {
    const data = builds[1]!.data;
    expect(data.surfaces.map((s) => [s.id, s.state])).toEqual([
      ["api-prod", "healthy"],
      ["www", "maintenance"],
      ["checkout", "down"],
    ]);
    expect(data.alerts.map((a) => a.text)).toEqual([
      "OLD_DEPLOY_TOKEN has expired (2026-11-20).",
      "CLOUDFLARE_API_TOKEN expires in 7d.",
      "api-prod: last deploy 10 days ago (limit 7 days).",
      "checkout: liveness failing (liveness failing: status 503, expected 200).",
    ]);
    const html = readFileSync(join(dirs.pruned, "index.html"), "utf8");
    expect(html).toContain("Maintenance until");
    expect(html).toContain("CDN migration");
    expect(data.activity[0]).toMatchObject({ kind: "deploy", app: "acme-checkout", outcome: "rejected" });
    expect(data.rotations.map((r) => [r.secretName, r.status])).toEqual([
      ["CLOUDFLARE_API_TOKEN", "failed"],
      ["HEROKU_API_KEY", "completed"],
    ]);
    expect(data.secrets.secrets).toHaveLength(3);
  });

  it("publishes no secret name unless console-secrets is on, and removes the secrets page when it is turned off", async () => {
    const off = await buildConsole(registry(), { ...settings, secrets: false }, { db: pool, clock });
    writeConsole(dirs.pruned, off.files);
    expect(off.files.has("secrets.html")).toBe(false);
    expect(off.files.has("api/status/secrets.json")).toBe(false);
    const everything = [...off.files.values()].join("\n");
    for (const name of ["HEROKU_API_KEY", "CLOUDFLARE_API_TOKEN", "OLD_DEPLOY_TOKEN"])
      expect(everything).not.toContain(name);
    expect(everything).toContain("1 credential(s) expired (names are not published).");
    expect(() => readFileSync(join(dirs.pruned, "secrets.html"))).toThrow();
    // Put the published build back for the page checks of this file.
    writeConsole(dirs.pruned, builds[1]!.files);
  });

  it("keeps rollups 400 days and the sweep's incremental refresh agrees with the full one", async () => {
    const before = (await pool.query("SELECT count(*)::int AS n FROM prodgate_console_daily")).rows[0].n;
    await pool.query(
      "INSERT INTO prodgate_console_daily (surface_id, day, polls_ok, polls_failed, polls_no_data, polls_maintenance) VALUES ('api-prod', $1, 1, 0, 0, 0), ('api-prod', $2, 1, 0, 0, 0)",
      [
        new Date(NOW - 401 * DAY).toISOString().slice(0, 10),
        new Date(NOW - 399 * DAY).toISOString().slice(0, 10),
      ],
    );
    const inc = await buildConsole(registry(), { ...settings, fullRefresh: false }, { db: pool, clock });
    expect(inc.refresh.pruned).toBeGreaterThanOrEqual(1);
    const after = (await pool.query("SELECT count(*)::int AS n FROM prodgate_console_daily")).rows[0].n;
    expect(after).toBe(before + 1);
    expect(inc.files.get("api/status/sites/api-prod.json")).toBe(
      builds[1]!.files.get("api/status/sites/api-prod.json"),
    );
    expect(inc.files.get("api/metrics.json")).toBe(builds[1]!.files.get("api/metrics.json"));
    // An hour later, with nothing new in the raw log, the open incident is still the same one.
    const later = await buildConsole(
      registry(),
      { ...settings, fullRefresh: false },
      { db: pool, clock: { ...clock, now: () => new Date(NOW + HOUR) } },
    );
    const open = later.data.surfaces.find((s) => s.id === "checkout")!.incidents.filter((i) => i.open);
    expect(open.map((i) => i.started_at)).toEqual(["2026-11-30T11:55:00.000Z"]);
  });
});
