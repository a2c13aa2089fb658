import type { RotationJob, SecretMeta } from "../rotation.js";
import type { BuildInfo, DeployInfo, SiteStatus, SparkBucket, SurfaceState, Vendor } from "../status.js";
import type { ActivityItem, DeliveryReport } from "./delivery.js";
import { coveredMs, type Interval } from "./maintenance.js";

/**
 * What the console's pages are rendered from: one value, gathered from Postgres and the registry by the
 * console pipeline. Pure: the renderers read it and return text.
 *
 * Uptime over a window = passing polls / polls with data, leaving out polls inside maintenance windows; the
 * share of the window with no data (missed sweeps, a vendor that did not answer) is shown beside it and
 * counted neither up nor down. Windows: the last 24 hours (rolling), and 7, 30 and 90 days (the last N UTC
 * calendar days, today up to the build included).
 */

export const UPTIME_WINDOWS = ["24h", "7d", "30d", "90d"] as const;
export type UptimeWindowName = (typeof UPTIME_WINDOWS)[number];

/** Poll counts of a surface over some time: what a daily rollup holds. */
export interface PollCounts {
  ok: number;
  failed: number;
  noData: number;
  maintenance: number;
}

export interface DailyRollup extends PollCounts {
  /** YYYY-MM-DD (UTC). */
  day: string;
  p50: number | null;
  p95: number | null;
}

export interface UptimeWindow {
  window: UptimeWindowName;
  from: string;
  to: string;
  ok: number;
  failed: number;
  no_data_polls: number;
  maintenance_polls: number;
  /** Polls a sweep at the expected interval would have made outside maintenance. */
  expected_polls: number;
  /** ok / (ok + failed); null without data. Unrounded. */
  uptime: number | null;
  /** Share of the window (outside maintenance) without a poll with data, 0..1. Unrounded. */
  no_data_share: number;
}

export interface Incident {
  surface: string;
  started_at: string;
  ended_at: string;
  failing_polls: number;
  open: boolean;
  recovered_at: string | null;
  /** First to last failing poll, in ms. */
  duration_ms: number;
  issue: { number: number; url: string | null } | null;
}

export interface IssueRecord {
  surface: string;
  issue: number;
  url: string | null;
  opened_at: string;
  closed_at: string | null;
}

export interface HistoryPoint {
  polled_at: string;
  probe_ok: boolean;
  latency_ms: number;
}

export interface ConsoleSurface {
  id: string;
  hostname: string;
  provider: string;
  /** The sweep's last view of it (null: never swept). */
  site: SiteStatus | null;
  /** What the pages show: the sweep's state, or maintenance while a window is open. */
  state: SurfaceState | "maintenance";
  maintenance: Interval | null;
  upcoming: Interval[];
  maxDeployAgeDays?: number;
  spark: (SparkBucket | null)[];
  /** Which of the 288 sparkline buckets fall in a maintenance window. */
  sparkMaintenance: boolean[];
  history: HistoryPoint[];
  uptime: UptimeWindow[];
  daily: DailyRollup[];
  incidents: Incident[];
  deploys: DeployInfo[];
  builds: BuildInfo[];
  /** Audit rows (deploys and rollbacks) of the app behind it. */
  activity: ActivityItem[];
  /** Secrets whose affected_sites include it. */
  secrets: SecretMeta[];
}

export interface ConsoleAlert {
  level: "error" | "warning";
  kind: "secret" | "deploy-age" | "liveness" | "gap" | "vendor" | "stale";
  text: string;
  surface?: string;
}

export interface SecretsView {
  /** console-secrets: true: names and dates on the pages and in secrets.json. */
  published: boolean;
  secrets: SecretMeta[];
  fetched_at: string | null;
  vault_reachable: boolean;
}

export interface ConsoleData {
  title: string;
  now: Date;
  intervalMs: number;
  environment: string;
  surfaces: ConsoleSurface[];
  alerts: ConsoleAlert[];
  degradedVendors: Vendor[];
  lastSweepAt: string | null;
  activity: ActivityItem[];
  builds: (BuildInfo & { surface: string })[];
  rotations: RotationJob[];
  secrets: SecretsView;
  delivery: DeliveryReport;
  /** Maintenance windows for the feed: the last 30 days and the next 30, per surface. */
  maintenance: (Interval & { surfaces: string[] })[];
}

/** Adds counts. */
export function sumCounts(rows: PollCounts[]): PollCounts {
  const out: PollCounts = { ok: 0, failed: 0, noData: 0, maintenance: 0 };
  for (const r of rows) {
    out.ok += r.ok;
    out.failed += r.failed;
    out.noData += r.noData;
    out.maintenance += r.maintenance;
  }
  return out;
}

/** An uptime window from its counts, its span and the maintenance that covers it. */
export function uptimeWindow(
  window: UptimeWindowName,
  counts: PollCounts,
  from: number,
  to: number,
  maintenance: Interval[],
  intervalMs: number,
): UptimeWindow {
  const open = Math.max(0, to - from - coveredMs(maintenance, from, to));
  const expected = open / intervalMs;
  const withData = counts.ok + counts.failed;
  return {
    window,
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    ok: counts.ok,
    failed: counts.failed,
    no_data_polls: counts.noData,
    maintenance_polls: counts.maintenance,
    expected_polls: expected,
    uptime: withData ? counts.ok / withData : null,
    no_data_share: expected > 0 ? Math.max(0, 1 - withData / expected) : 0,
  };
}

/** The `days` daily rows from the start of the window ending today. */
export function daysFrom(daily: DailyRollup[], fromDay: string): DailyRollup[] {
  return daily.filter((d) => d.day >= fromDay);
}

/** Joins derived incidents with the incident issues opened while they ran (or just after, by one sweep). */
export function joinIssues(
  incidents: Omit<Incident, "issue">[],
  issues: IssueRecord[],
  slackMs: number,
): Incident[] {
  return incidents.map((inc) => {
    const from = Date.parse(inc.started_at) - 60_000;
    const to = Date.parse(inc.ended_at) + slackMs;
    const match = issues
      .filter((i) => i.surface === inc.surface)
      .find((i) => {
        const t = Date.parse(i.opened_at);
        return t >= from && t <= to;
      });
    return { ...inc, issue: match ? { number: match.issue, url: match.url } : null };
  });
}
