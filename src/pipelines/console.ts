import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type pg from "pg";
import { consoleAlerts } from "../core/console/alerts.js";
import { type AuditEvent, deliveryReport, recentActivity, windowStart } from "../core/console/delivery.js";
import { type ConsoleOptions, renderConsole } from "../core/console/files.js";
import {
  activeMaintenance,
  type Interval,
  type MaintenanceWindow,
  maintenanceIntervals,
  occurrences,
} from "../core/console/maintenance.js";
import {
  type ConsoleData,
  type ConsoleSurface,
  joinIssues,
  sumCounts,
  UPTIME_WINDOWS,
  type UptimeWindow,
  uptimeWindow,
} from "../core/console/model.js";
import { type Clock, type Reporter, silentReporter, systemClock } from "../core/ports.js";
import { activeSurfaces, type Registry, type Surface } from "../core/registry.js";
import { degradedVendors, livenessCall, SPARK_BUCKET_MS, SPARK_BUCKETS, sparkIndex } from "../core/status.js";
import { loadAuditEvents, loadSecretSnapshot, recentRotations } from "../store/console-sources.js";
import { loadSurfaceMemory, previousSweepAt, sparklines, vendorHistory } from "../store/poll-log.js";
import {
  loadDaily,
  loadIncidents,
  type RefreshResult,
  type RollupTarget,
  rawCounts,
  recentHistory,
  refreshRollups,
} from "../store/rollups.js";
import { loadIssues, recentSeen } from "../store/sweep-records.js";

/**
 * The operator console: refresh the daily rollups and incidents from the raw poll log, read the sweep's
 * memory, the audit log, the rotation jobs and the secrets' snapshot, and render every page, feed, badge and
 * JSON file. Surfaces and maintenance windows come from the registry; all history from Postgres.
 */

export interface ConsoleSettings {
  title: string;
  /** How often the sweep runs: the no-data share counts polls against it. */
  intervalMs: number;
  /** The environment whose deploy.<environment> rows the metrics read. */
  environment: string;
  /** Publish secret names and dates (secrets.html, secrets.json, the drill-down's credentials). */
  secrets: boolean;
  /** Recompute every day the raw log holds (console build) instead of from the last rolled day (a sweep). */
  fullRefresh: boolean;
  baseUrl?: string;
  auditTable?: string;
  rotationTable?: string;
}

export const DEFAULT_CONSOLE_SETTINGS: ConsoleSettings = {
  title: "Status",
  intervalMs: 300_000,
  environment: "production",
  secrets: false,
  fullRefresh: false,
};

export interface ConsolePorts {
  db: pg.Pool;
  clock?: Clock;
  reporter?: Reporter;
}

export interface ConsoleBuild {
  data: ConsoleData;
  files: Map<string, string>;
  refresh: RefreshResult;
}

const DAY_MS = 86_400_000;
const day = (t: number) => new Date(t).toISOString().slice(0, 10);

/** The audit target of a surface: its Heroku app, its Pages project, or its id. */
export function auditTargets(s: Surface): string[] {
  return [s.heroku?.app, s.cloudflarePages?.project, s.id].filter((x): x is string => Boolean(x));
}

export async function buildConsole(
  registry: Registry,
  settings: ConsoleSettings,
  ports: ConsolePorts,
): Promise<ConsoleBuild> {
  const clock = ports.clock ?? systemClock;
  const reporter = ports.reporter ?? silentReporter;
  const db = ports.db;
  const now = clock.now();
  const t = now.getTime();
  const surfaces = activeSurfaces(registry);
  const windows: MaintenanceWindow[] = registry.maintenance ?? [];
  const ids = surfaces.map((s) => s.id);
  const span = (id: string) => maintenanceIntervals(windows, id, t - 100 * DAY_MS, t + 1);
  const targets: RollupTarget[] = surfaces.flatMap((s) => {
    const call = livenessCall(s);
    return call ? [{ id: s.id, call, maintenance: span(s.id) }] : [];
  });

  const refresh = await refreshRollups(db, targets, { now, full: settings.fullRefresh });
  reporter.debug(
    `rollups: ${refresh.days} day row(s), ${refresh.incidents} incident(s) from ${refresh.from}`,
  );
  const from90 = windowStart(now, 90);
  const [memory, sparks, daily, counts24, history, incidentRows, issues, seen] = await Promise.all([
    loadSurfaceMemory(db, ids),
    sparklines(
      db,
      targets.map((x) => ({ surfaceId: x.id, call: x.call })),
      now,
    ),
    loadDaily(db, ids, day(from90.getTime())),
    rawCounts(db, targets, new Date(t - DAY_MS), now),
    recentHistory(db, targets, now),
    loadIncidents(db, ids, from90),
    loadIssues(db, ids, new Date(from90.getTime() - DAY_MS)),
    recentSeen(db, ids, now),
  ]);
  const [events, rotations, snapshot, vendors, lastSweepAt] = await Promise.all([
    loadAuditEvents(db, settings.environment, new Date(from90.getTime() - DAY_MS), settings.auditTable),
    recentRotations(db, 5, settings.rotationTable),
    loadSecretSnapshot(db),
    vendorHistory(db),
    previousSweepAt(db),
  ]);
  const incidents = joinIssues(incidentRows, issues, 2 * settings.intervalMs + 60_000);

  const consoleSurfaces: ConsoleSurface[] = surfaces.map((s) => {
    const site = memory.get(s.id)?.site ?? null;
    const active = activeMaintenance(windows, s.id, t) ?? null;
    const rows = daily.get(s.id) ?? [];
    const uptime: UptimeWindow[] = UPTIME_WINDOWS.map((w) => {
      if (w === "24h")
        return uptimeWindow(
          w,
          counts24.get(s.id) ?? { ok: 0, failed: 0, noData: 0, maintenance: 0 },
          t - DAY_MS,
          t,
          maintenanceIntervals(windows, s.id, t - DAY_MS, t),
          settings.intervalMs,
        );
      const from = windowStart(now, Number.parseInt(w, 10)).getTime();
      const counts = sumCounts(rows.filter((r) => r.day >= day(from)));
      return uptimeWindow(
        w,
        counts,
        from,
        t,
        maintenanceIntervals(windows, s.id, from, t),
        settings.intervalMs,
      );
    });
    const sparkMaintenance = new Array<boolean>(SPARK_BUCKETS).fill(false);
    for (const iv of maintenanceIntervals(windows, s.id, t - DAY_MS, t))
      for (
        let b = Math.floor(iv.start / SPARK_BUCKET_MS) * SPARK_BUCKET_MS;
        b < iv.end;
        b += SPARK_BUCKET_MS
      ) {
        const i = sparkIndex(new Date(b), now);
        if (i !== undefined) sparkMaintenance[i] = true;
      }
    const targetsOf = new Set(auditTargets(s));
    return {
      id: s.id,
      hostname: s.hostname,
      provider: s.provider,
      site,
      state: active ? "maintenance" : (site?.status ?? "unknown"),
      maintenance: active,
      upcoming: maintenanceIntervals(windows, s.id, t, t + 30 * DAY_MS).filter((iv) => iv.start > t),
      maxDeployAgeDays: s.heroku?.maxDeployAgeDays ?? s.cloudflarePages?.maxDeployAgeDays,
      spark: sparks.get(s.id) ?? new Array(SPARK_BUCKETS).fill(null),
      sparkMaintenance,
      history: history.get(s.id) ?? [],
      uptime,
      daily: rows,
      incidents: incidents.filter((i) => i.surface === s.id),
      deploys: seen.deploys.get(s.id) ?? [],
      builds: seen.builds.get(s.id) ?? [],
      activity: recentActivity(
        events.filter((e: AuditEvent) => targetsOf.has(e.target)),
        settings.environment,
        5,
      ),
      secrets: snapshot.secrets.filter((m) => m.affected_sites.includes(s.id)),
    };
  });

  const degraded = degradedVendors(vendors).map((d) => d.vendor);
  const builds = consoleSurfaces
    .flatMap((s) => s.builds.map((b) => ({ ...b, surface: s.id })))
    .sort((a, b) => (a.started_at < b.started_at ? 1 : a.started_at > b.started_at ? -1 : 0))
    .slice(0, 5);
  const data: ConsoleData = {
    title: settings.title,
    now,
    intervalMs: settings.intervalMs,
    environment: settings.environment,
    surfaces: consoleSurfaces,
    alerts: consoleAlerts({
      surfaces: consoleSurfaces,
      secrets: snapshot.secrets,
      secretsPublished: settings.secrets,
      degradedVendors: degraded,
      lastSweepAt: lastSweepAt ?? null,
      intervalMs: settings.intervalMs,
      now,
    }),
    degradedVendors: degraded,
    lastSweepAt: lastSweepAt ?? null,
    activity: recentActivity(events, settings.environment, 10),
    builds,
    rotations,
    secrets: {
      published: settings.secrets,
      secrets: settings.secrets ? snapshot.secrets : [],
      fetched_at: snapshot.fetchedAt,
      vault_reachable: snapshot.vaultReachable,
    },
    delivery: deliveryReport(events, settings.environment, now),
    maintenance: feedMaintenance(windows, ids, t),
  };
  const opts: ConsoleOptions = settings.baseUrl ? { baseUrl: settings.baseUrl } : {};
  return { data, files: renderConsole(data, opts), refresh };
}

/** Maintenance occurrences of the last and next 30 days, one per window occurrence, with its surfaces. */
function feedMaintenance(windows: MaintenanceWindow[], ids: string[], t: number) {
  const out: (Interval & { surfaces: string[] })[] = [];
  for (const w of windows)
    for (const iv of occurrences(w, t - 30 * DAY_MS, t + 30 * DAY_MS))
      out.push({ ...iv, surfaces: (w.surfaces ?? ids).filter((id) => ids.includes(id)) });
  return out.filter((m) => m.surfaces.length > 0);
}

/** Folders the console owns: files in them that this build did not write are removed. */
const OWNED = ["sites", "badges", "api/status/sites"];
/** Files written only when secrets are published: removed when they are not. */
const SECRET_FILES = ["secrets.html", "api/status/secrets.json"];

/** Writes the console into `dir`; returns what it wrote. Stale pages (a removed surface, unpublished secrets) go. */
export function writeConsole(
  dir: string,
  files: Map<string, string>,
): { files: number; bytes: number; pageBytes: number } {
  let bytes = 0;
  let pageBytes = 0;
  for (const [path, content] of files) {
    const full = join(dir, ...path.split("/"));
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
    const n = Buffer.byteLength(content);
    bytes += n;
    if (path.endsWith(".html")) pageBytes += n;
  }
  for (const folder of OWNED) {
    const full = join(dir, ...folder.split("/"));
    if (!existsSync(full)) continue;
    for (const e of readdirSync(full, { withFileTypes: true }))
      if (e.isFile() && !files.has(`${folder}/${e.name}`)) rmSync(join(full, e.name));
  }
  for (const f of SECRET_FILES) if (!files.has(f)) rmSync(join(dir, ...f.split("/")), { force: true });
  return { files: files.size, bytes, pageBytes };
}
