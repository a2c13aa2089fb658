import type pg from "pg";
import { buildAuditRecord } from "../../src/core/audit.js";
import { parseHealthInputs } from "../../src/core/health-inputs.js";
import { parseRegistry, type Registry } from "../../src/core/registry.js";
import { parseInventory } from "../../src/core/secret-inventory.js";
import type { SiteStatus } from "../../src/core/status.js";
import { DEFAULT_ROTATION_SETTINGS, runRotationSweep } from "../../src/pipelines/rotation-sweep.js";
import { SecretMetadataReader } from "../../src/pipelines/secret-sources.js";
import { AuditStore } from "../../src/store/audit.js";
import { saveSecretSnapshot } from "../../src/store/console-sources.js";
import { insertPollRows, type PollRow, recordSweep, saveSurfaceMemory } from "../../src/store/poll-log.js";
import { RotationJobStore } from "../../src/store/rotation-jobs.js";
import { recordIssues, recordSeen } from "../../src/store/sweep-records.js";

/**
 * A console world written by hand: 90 days of 5-minute polls of three surfaces with incidents, maintenance
 * (a weekly window in Europe/Berlin across the end of summer time, a global one-off, an open one now), a
 * vendor outage (no data) and missed sweeps; gated deploys and rollbacks of two apps in the audit log;
 * rotation jobs and a rotation sweep's secrets. Every expected number in the tests is computed from the
 * lists below, not by the code under test.
 */

export const NOW = Date.parse("2026-11-30T12:00:00Z");
export const T0 = Date.parse("2026-09-02T00:00:00Z");
export const STEP = 300_000;
const at = (iso: string) => Date.parse(iso);
const MIN = 60_000;
const H = 3_600_000;

/** Inclusive runs of 5-minute polls: [first, last]. */
type Run = [string, string];
const inRuns = (t: number, runs: Run[]) => runs.some(([a, b]) => t >= at(a) && t <= at(b));

/** Maintenance in UTC, by hand: Berlin 02:00-04:00 Sundays is 00:00-02:00 UTC in summer time (to 25 Oct), 01:00-03:00 after. */
const SUMMER_SUNDAYS = [
  "2026-09-06",
  "2026-09-13",
  "2026-09-20",
  "2026-09-27",
  "2026-10-04",
  "2026-10-11",
  "2026-10-18",
  "2026-10-25",
];
const WINTER_SUNDAYS = ["2026-11-01", "2026-11-08", "2026-11-15", "2026-11-22", "2026-11-29"];
const GLOBAL: [number, number] = [at("2026-11-28T22:00:00Z"), at("2026-11-28T23:00:00Z")];
export const MAINTENANCE: Record<string, [number, number][]> = {
  "api-prod": [
    ...SUMMER_SUNDAYS.map((d): [number, number] => [at(`${d}T00:00:00Z`), at(`${d}T02:00:00Z`)]),
    ...WINTER_SUNDAYS.map((d): [number, number] => [at(`${d}T01:00:00Z`), at(`${d}T03:00:00Z`)]),
    GLOBAL,
  ],
  www: [GLOBAL, [at("2026-11-30T11:30:00Z"), at("2026-11-30T13:00:00Z")]],
  checkout: [GLOBAL, [at("2026-12-02T10:00:00Z"), at("2026-12-02T11:00:00Z")]],
};
export const inMaintenance = (id: string, t: number) => MAINTENANCE[id]!.some(([a, b]) => t >= a && t < b);

export interface Poll {
  surface: string;
  t: number;
  ok: boolean;
  /** The vendor or endpoint answered (a failing poll with data), or the poll passed. */
  data: boolean;
  latency: number;
}

const API_FAIL: Run[] = [
  ["2026-11-10T10:00:00Z", "2026-11-10T10:25:00Z"], // incident A, 6 polls
  ["2026-11-30T03:00:00Z", "2026-11-30T03:10:00Z"], // incident B, 3 polls
  ["2026-11-29T01:00:00Z", "2026-11-29T02:55:00Z"], // inside Sunday maintenance (winter): no incident
  ["2026-11-29T03:00:00Z", "2026-11-29T03:00:00Z"], // the first poll after it: an incident of 1 poll
  ["2026-10-18T00:00:00Z", "2026-10-18T01:55:00Z"], // inside Sunday maintenance (summer time)
];
const WWW_NO_DATA: Run[] = [["2026-11-20T08:00:00Z", "2026-11-20T09:55:00Z"]];
const WWW_FAIL: Run[] = [
  ["2026-11-25T14:00:00Z", "2026-11-25T14:00:00Z"],
  ["2026-11-30T11:30:00Z", "2026-11-30T12:00:00Z"], // in the open maintenance window
];
const CHECKOUT_MISSING: Run[] = [["2026-11-30T06:00:00Z", "2026-11-30T07:55:00Z"]];
const CHECKOUT_FAIL: Run[] = [
  ["2026-11-15T23:30:00Z", "2026-11-16T00:30:00Z"], // across midnight, 13 polls
  ["2026-10-05T12:00:00Z", "2026-10-05T12:55:00Z"], // older than the raw log's 30 days, 12 polls
  ["2026-11-28T22:00:00Z", "2026-11-28T22:55:00Z"], // in the global maintenance
  ["2026-11-30T11:55:00Z", "2026-11-30T12:00:00Z"], // still failing now
];

/** Every poll the world has, by hand. */
export function polls(): Poll[] {
  const out: Poll[] = [];
  for (let t = T0, k = 0; t <= NOW; t += STEP, k++) {
    const apiFail = inRuns(t, API_FAIL);
    out.push({ surface: "api-prod", t, ok: !apiFail, data: true, latency: 100 + ((k * 7) % 10) * 10 });
    const noData = inRuns(t, WWW_NO_DATA);
    const wwwFail = inRuns(t, WWW_FAIL);
    out.push({ surface: "www", t, ok: !noData && !wwwFail, data: !noData, latency: 200 + (k % 5) * 20 });
    if (!inRuns(t, CHECKOUT_MISSING))
      out.push({
        surface: "checkout",
        t,
        ok: !inRuns(t, CHECKOUT_FAIL),
        data: true,
        latency: 80 + (k % 3) * 10,
      });
  }
  return out;
}

const CALL: Record<string, PollRow["vendor_call"]> = {
  "api-prod": "http_health",
  www: "cf_pages",
  checkout: "http_health",
};

export function pollRows(list = polls()): PollRow[] {
  return list.map((p) => ({
    surface_id: p.surface,
    probe_ok: p.ok,
    latency_ms: p.latency,
    // A vendor that did not answer: 503 (no data); a failing answer: 200 with a failed deploy, or 503 health.
    status_code: p.surface === "www" ? (p.data ? 200 : 503) : p.ok ? 200 : 503,
    vendor_call: CALL[p.surface]!,
    error_msg: p.ok ? null : p.data ? "status 503, expected 200" : "Cloudflare API unreachable",
    polled_at: new Date(p.t),
  }));
}

export const REGISTRY = `maintenance:
  - { start: 2026-11-28T22:00:00Z, end: 2026-11-28T23:00:00Z, reason: network upgrade }
  - { start: 2026-12-02T10:00:00Z, end: 2026-12-02T11:00:00Z, reason: database upgrade, surfaces: [checkout] }
surfaces:
  - id: api-prod
    hostname: api.acme.test
    provider: heroku
    heroku: { app: acme-api, max-deploy-age-days: 7 }
    health: { url: "http://127.0.0.1:9/health" }
    maintenance:
      - { every: sunday, at: "02:00", for: 2h, time-zone: Europe/Berlin, reason: weekly patching }
  - id: www
    hostname: www.acme.test
    provider: cloudflare_pages
    cloudflare_pages: { account-id: 0123456789abcdef0123456789abcdef, project: acme-www }
    maintenance:
      - { start: 2026-11-30T11:30:00Z, end: 2026-11-30T13:00:00Z, reason: CDN migration }
  - id: checkout
    hostname: checkout.acme.test
    provider: heroku
    heroku: { app: acme-checkout }
    health: { url: "http://127.0.0.1:9/health" }
`;

export function registry(text = REGISTRY): Registry {
  return parseRegistry(text, {
    file: "surfaces.yml",
    parseHealth: (get) => parseHealthInputs(get),
    healthDefaults: { attempts: "1", interval: "1s", timeout: "5s" },
  });
}

const sha = (n: number) => n.toString(16).padStart(40, "a");

/** Deploys by hand (see the delivery-metric expectations in the test). */
export const DEPLOYS: {
  app: string;
  run: string;
  at: string;
  outcome: "success" | "health_check_failed" | "deploy_failed" | "rejected";
  committed?: string;
  autoRollbackAt?: string;
}[] = [
  {
    app: "acme-api",
    run: "101",
    at: "2026-09-10T10:00:00Z",
    outcome: "success",
    committed: "2026-09-10T08:00:00Z",
  },
  {
    app: "acme-api",
    run: "102",
    at: "2026-10-20T10:00:00Z",
    outcome: "success",
    committed: "2026-10-19T10:00:00Z",
  },
  {
    app: "acme-api",
    run: "103",
    at: "2026-11-05T10:00:00Z",
    outcome: "health_check_failed",
    committed: "2026-11-05T09:00:00Z",
    autoRollbackAt: "2026-11-05T10:02:00Z",
  },
  { app: "acme-api", run: "104", at: "2026-11-06T09:00:00Z", outcome: "success" },
  {
    app: "acme-api",
    run: "105",
    at: "2026-11-25T15:00:00Z",
    outcome: "success",
    committed: "2026-11-25T14:30:00Z",
  },
  { app: "acme-api", run: "106", at: "2026-11-28T11:00:00Z", outcome: "deploy_failed" },
  {
    app: "acme-api",
    run: "107",
    at: "2026-11-29T09:00:00Z",
    outcome: "success",
    committed: "2026-11-28T21:00:00Z",
  },
  {
    app: "acme-checkout",
    run: "201",
    at: "2026-10-01T08:00:00Z",
    outcome: "success",
    committed: "2026-09-30T08:00:00Z",
  },
  { app: "acme-checkout", run: "202", at: "2026-11-27T12:00:00Z", outcome: "health_check_failed" },
  {
    app: "acme-checkout",
    run: "203",
    at: "2026-11-27T13:30:00Z",
    outcome: "success",
    committed: "2026-11-27T13:00:00Z",
  },
  { app: "acme-checkout", run: "204", at: "2026-11-30T08:00:00Z", outcome: "rejected" },
];
/** A rollback from the CLI, an hour after deploy 105. */
export const MANUAL_ROLLBACK = { app: "acme-api", run: "local-rb-1", at: "2026-11-25T16:00:00Z" };

async function seedAudit(url: string): Promise<void> {
  const store = await AuditStore.open(url, { migrate: false });
  try {
    let n = 1;
    for (const d of DEPLOYS) {
      const common = {
        action: "deploy.production",
        actor: "kris",
        target: d.app,
        fromSha: sha(n),
        toSha: sha(n + 1),
        environment: "production",
        runId: d.run,
        runUrl: `https://github.com/acme/ops/actions/runs/${d.run}`,
        context: d.committed ? { committed_at: d.committed } : {},
      };
      n++;
      await store.write(
        buildAuditRecord({ ...common, phase: "started", createdAt: new Date(Date.parse(d.at) - 5 * MIN) }),
      );
      await store.write(
        buildAuditRecord({ ...common, phase: "completed", outcome: d.outcome, createdAt: new Date(d.at) }),
      );
      if (d.autoRollbackAt)
        await store.write(
          buildAuditRecord({
            ...common,
            action: "rollback.production",
            phase: "completed",
            outcome: "rolled_back",
            createdAt: new Date(d.autoRollbackAt),
          }),
        );
    }
    const r = MANUAL_ROLLBACK;
    for (const phase of ["started", "completed"] as const)
      await store.write(
        buildAuditRecord({
          action: "rollback.production",
          phase,
          ...(phase === "completed" ? { outcome: "success" as const } : {}),
          actor: "ops-oncall",
          target: r.app,
          trigger: "local-script",
          environment: "production",
          runId: r.run,
          createdAt: new Date(Date.parse(r.at) - (phase === "started" ? MIN : 0)),
        }),
      );
  } finally {
    await store.close();
  }
}

export const INVENTORY = `secrets:
  - name: HEROKU_API_KEY
    vendor: heroku
    affected-sites: [api-prod, checkout]
    source: static
    last-rotated-at: 2026-10-01
  - name: CLOUDFLARE_API_TOKEN
    vendor: cloudflare
    affected-sites: [www]
    source: static
    last-rotated-at: 2026-11-01
    expires-at: 2026-12-08
  - name: OLD_DEPLOY_TOKEN
    vendor: github
    affected-sites: []
    source: static
    last-rotated-at: 2026-05-01
    expires-at: 2026-11-20
`;

function site(id: string, hostname: string, provider: string, over: Partial<SiteStatus>): SiteStatus {
  return {
    id,
    hostname,
    provider,
    liveness: { ok: true, latency_ms: 120, status_code: 200, checked_at: new Date(NOW).toISOString() },
    last_deploy: null,
    build_status: null,
    sentry_errors_24h: null,
    checked_at: new Date(NOW).toISOString(),
    error: null,
    status: "healthy",
    ...over,
  };
}

/** Everything: polls, sweep memory, seen deploys and builds, issues, audit rows, rotation jobs and secrets. */
export async function seedWorld(pool: pg.Pool, url: string): Promise<void> {
  await insertPollRows(pool, pollRows());
  await recordSweep(pool, { startedAt: new Date(NOW), surfaces: 3, calls: 3, shards: 1 });
  const iso = (t: number) => new Date(t).toISOString();
  const api = (v: number, t: number) =>
    site("api-prod", "api.acme.test", "heroku", {
      last_deploy: {
        deploy_id: `v${v}`,
        deployed_at: iso(t),
        author: "kris@acme.test",
        status: "succeeded",
        age_days: 0,
      },
      build_status: {
        run_id: String(9000 + v),
        conclusion: v % 4 === 0 ? "failure" : "success",
        run_url: `https://github.com/acme/ops/actions/runs/${9000 + v}`,
        trigger: "push",
        author: "kris",
        started_at: iso(t - 10 * MIN),
      },
    });
  // The deploys the sweeps saw over time: v100..v105, then v106 (10 days old: past the 7-day limit).
  for (let v = 100; v <= 105; v++)
    await recordSeen(pool, [api(v, at("2026-11-14T10:00:00Z") + (v - 100) * H)], new Date(NOW));
  const sites = [
    api(106, at("2026-11-20T10:00:00Z")),
    site("www", "www.acme.test", "cloudflare_pages", {
      status: "degraded",
      liveness: { ok: false, latency_ms: 210, status_code: 200, checked_at: iso(NOW) },
      error: "latest deployment d1 failed (deploy failure)",
    }),
    site("checkout", "checkout.acme.test", "heroku", {
      status: "down",
      liveness: { ok: false, latency_ms: 90, status_code: 503, checked_at: iso(NOW) },
      error: "liveness failing: status 503, expected 200",
    }),
  ];
  await recordSeen(pool, sites, new Date(NOW));
  await saveSurfaceMemory(
    pool,
    sites.map((s) => ({
      surfaceId: s.id,
      status: s.status,
      knownState: s.status === "down" || s.status === "degraded" ? s.status : "healthy",
      since: iso(NOW - H),
      site: s,
      incidentIssue: s.id === "checkout" ? 57 : null,
      incidentSince: s.id === "checkout" ? iso(at("2026-11-30T11:55:00Z")) : null,
    })),
  );
  await recordIssues(
    pool,
    [{ id: "api-prod", issue: 41, url: "https://github.com/acme/ops/issues/41", action: "opened" }],
    new Date(at("2026-11-10T10:00:30Z")),
  );
  await recordIssues(
    pool,
    [{ id: "api-prod", issue: 41, action: "closed" }],
    new Date(at("2026-11-10T10:30:30Z")),
  );
  await recordIssues(
    pool,
    [{ id: "checkout", issue: 57, url: "https://github.com/acme/ops/issues/57", action: "opened" }],
    new Date(at("2026-11-30T11:55:30Z")),
  );
  await seedAudit(url);

  const jobs = await RotationJobStore.open(url, { migrate: false });
  try {
    const j1 = await jobs.create({
      secretName: "HEROKU_API_KEY",
      triggeredBy: "automated",
      triggeredAt: new Date(at("2026-10-01T09:00:00Z")),
    });
    await jobs.update(j1!.id, { status: "completed", at: new Date(at("2026-10-01T09:20:00Z")) });
    const j2 = await jobs.create({
      secretName: "CLOUDFLARE_API_TOKEN",
      triggeredBy: "automated",
      triggeredAt: new Date(at("2026-11-29T09:00:00Z")),
    });
    await jobs.update(j2!.id, {
      status: "failed",
      errorMsg: "smoke test failed",
      at: new Date(at("2026-11-29T09:30:00Z")),
    });
    const inventory = parseInventory(INVENTORY, "secrets.yml");
    await runRotationSweep(
      inventory,
      { ...DEFAULT_ROTATION_SETTINGS, actor: "prodgate", runId: "sweep-1" },
      {
        clock: { now: () => new Date(NOW), sleep: async () => {} },
        metadata: new SecretMetadataReader({ now: () => new Date(NOW) }),
        jobs,
        console: { saveSecrets: (report) => saveSecretSnapshot(pool, report) },
      },
    );
  } finally {
    await jobs.close();
  }
}
