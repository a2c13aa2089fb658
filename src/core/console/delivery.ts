/**
 * Delivery metrics from the audit log (seed 002 §8 rows), per app and overall:
 *
 * - a production deploy is one run (run id + attempt) of `deploy.<environment>` for an app whose `completed`
 *   row says it shipped: outcome success, health_check_failed or rolled_back. deploy_failed (nothing went
 *   live) and rejected (refused at the gate) are counted beside it, not as deploys. Its time is its
 *   `completed` row's.
 * - deployment frequency: deploys in the window / days in the window.
 * - lead time for changes: deploy time - commit time of the SHA shipped, where the audit row's context
 *   recorded it (`committed_at`, at the top or under `details`); other deploys count as unknown.
 * - change failure rate: failed deploys / deploys; failed when its outcome is health_check_failed or
 *   rolled_back, or a `rollback.<environment>` of the app completed after it and before the app's next deploy.
 *   Each deploy counts once, however many rows say it failed.
 * - time to restore: from a failed deploy's time to the app's next healthy state: the first later
 *   rollback that completed (success or rolled_back) or deploy that completed with success. Failed deploys
 *   with none count as not restored.
 *
 * Windows are the last N UTC calendar days, today (up to `now`) included. Pure: rows and time are handed in.
 */

export interface AuditEvent {
  id: string;
  action: string;
  actor: string;
  target: string;
  outcome: string | null;
  context: Record<string, unknown>;
  createdAt: Date;
}

export interface Deploy {
  app: string;
  runKey: string;
  actor: string;
  fromSha: string | null;
  toSha: string | null;
  outcome: string;
  startedAt: Date | null;
  completedAt: Date;
  committedAt: Date | null;
  failed: boolean;
  /** Set on a failed deploy once the app was healthy again. */
  restoredAt: Date | null;
  runUrl: string | null;
}

export interface WindowMetrics {
  days: number;
  from: string;
  to: string;
  deploys: number;
  /** deploy_failed and rejected runs: attempts that put nothing live. */
  not_shipped: number;
  rollbacks: number;
  deployment_frequency_per_day: number;
  lead_time: { known: number; unknown: number; median_seconds: number | null; mean_seconds: number | null };
  change_failure: { failed: number; deploys: number; rate: number | null };
  time_to_restore: {
    failures: number;
    restored: number;
    not_restored: number;
    median_seconds: number | null;
    mean_seconds: number | null;
  };
}

export interface DeliveryReport {
  environment: string;
  generated_at: string;
  windows: number[];
  overall: WindowMetrics[];
  apps: { app: string; windows: WindowMetrics[] }[];
  /** Definitions, in words, as the README states them. */
  definitions: Record<string, string>;
}

export const DELIVERY_WINDOWS = [7, 30, 90];
const DAY_MS = 86_400_000;
const SHIPPED = new Set(["success", "health_check_failed", "rolled_back"]);
const FAILED = new Set(["health_check_failed", "rolled_back"]);

function field(ctx: Record<string, unknown>, key: string): unknown {
  if (ctx[key] !== undefined) return ctx[key];
  const details = ctx.details;
  if (details && typeof details === "object" && !Array.isArray(details))
    return (details as Record<string, unknown>)[key];
  return undefined;
}

function text(ctx: Record<string, unknown>, key: string): string | null {
  const v = field(ctx, key);
  return typeof v === "string" && v ? v : null;
}

function time(ctx: Record<string, unknown>, key: string): Date | null {
  const v = text(ctx, key);
  if (!v) return null;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : new Date(t);
}

function phaseOf(e: AuditEvent): string {
  return text(e.context, "phase") ?? (e.outcome ? "completed" : "started");
}

/** The key of a run: run id + attempt (or the row id when the row has no run). */
function runKey(e: AuditEvent): string {
  const id = field(e.context, "run_id");
  const attempt = field(e.context, "run_attempt") ?? 1;
  return id !== undefined && id !== null
    ? `${e.target}\u0000${String(id)}\u0000${String(attempt)}`
    : `#${e.id}`;
}

/** Every run of `deploy.<environment>`, in time order, with its failure and restore worked out. */
export function deploysOf(
  events: AuditEvent[],
  environment: string,
): { deploys: Deploy[]; attempts: Deploy[] } {
  const deployAction = `deploy.${environment}`;
  const rollbackAction = `rollback.${environment}`;
  const runs = new Map<string, { started?: AuditEvent; completed?: AuditEvent }>();
  for (const e of events) {
    if (e.action !== deployAction) continue;
    const key = runKey(e);
    const run = runs.get(key) ?? {};
    if (phaseOf(e) === "completed") {
      if (!run.completed || e.createdAt > run.completed.createdAt) run.completed = e;
    } else if (!run.started || e.createdAt < run.started.createdAt) run.started = e;
    runs.set(key, run);
  }
  const all: Deploy[] = [];
  for (const [key, run] of runs) {
    const done = run.completed;
    if (!done) continue;
    const ctx = { ...(run.started?.context ?? {}), ...done.context };
    all.push({
      app: done.target,
      runKey: key,
      actor: done.actor,
      fromSha: text(ctx, "from_sha"),
      toSha: text(ctx, "to_sha"),
      outcome: done.outcome ?? "unknown",
      startedAt: run.started?.createdAt ?? null,
      completedAt: done.createdAt,
      committedAt:
        time(done.context, "committed_at") ??
        (run.started ? time(run.started.context, "committed_at") : null),
      failed: FAILED.has(done.outcome ?? ""),
      restoredAt: null,
      runUrl: text(ctx, "run_url"),
    });
  }
  all.sort((a, b) => a.completedAt.getTime() - b.completedAt.getTime());
  const deploys = all.filter((d) => SHIPPED.has(d.outcome));
  const attempts = all.filter((d) => !SHIPPED.has(d.outcome));
  const rollbacks = events
    .filter(
      (e) =>
        e.action === rollbackAction &&
        phaseOf(e) === "completed" &&
        (e.outcome === "success" || e.outcome === "rolled_back"),
    )
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const byApp = new Map<string, Deploy[]>();
  for (const d of deploys) byApp.set(d.app, [...(byApp.get(d.app) ?? []), d]);
  // A rollback fails the app's latest deploy before it (counted once).
  for (const r of rollbacks) {
    const list = byApp.get(r.target) ?? [];
    const before = list.filter((d) => d.completedAt <= r.createdAt).at(-1);
    if (before) before.failed = true;
  }
  for (const d of deploys) {
    if (!d.failed) continue;
    const t = d.completedAt.getTime();
    const nextRollback = rollbacks.find((r) => r.target === d.app && r.createdAt.getTime() >= t);
    const nextHealthy = (byApp.get(d.app) ?? []).find(
      (x) => x !== d && x.outcome === "success" && x.completedAt.getTime() > t,
    );
    const candidates = [nextRollback?.createdAt, nextHealthy?.completedAt].filter((x): x is Date =>
      Boolean(x),
    );
    d.restoredAt = candidates.length ? new Date(Math.min(...candidates.map((c) => c.getTime()))) : null;
  }
  return { deploys, attempts };
}

/** Start of the window of the last `days` UTC days ending with the day of `now`. */
export function windowStart(now: Date, days: number): Date {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(today - (days - 1) * DAY_MS);
}

function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function mean(values: number[]): number | null {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

function metricsOf(
  deploys: Deploy[],
  attempts: Deploy[],
  rollbackCount: (from: Date) => number,
  now: Date,
  days: number,
): WindowMetrics {
  const from = windowStart(now, days);
  const inWindow = (d: Deploy) => d.completedAt >= from && d.completedAt <= now;
  const ds = deploys.filter(inWindow);
  const leads = ds
    .filter((d) => d.committedAt)
    .map((d) => (d.completedAt.getTime() - d.committedAt!.getTime()) / 1000);
  const failed = ds.filter((d) => d.failed);
  const restores = failed
    .filter((d) => d.restoredAt && d.restoredAt <= now)
    .map((d) => (d.restoredAt!.getTime() - d.completedAt.getTime()) / 1000);
  return {
    days,
    from: from.toISOString(),
    to: now.toISOString(),
    deploys: ds.length,
    not_shipped: attempts.filter(inWindow).length,
    rollbacks: rollbackCount(from),
    deployment_frequency_per_day: ds.length / days,
    lead_time: {
      known: leads.length,
      unknown: ds.length - leads.length,
      median_seconds: median(leads),
      mean_seconds: mean(leads),
    },
    change_failure: {
      failed: failed.length,
      deploys: ds.length,
      rate: ds.length ? failed.length / ds.length : null,
    },
    time_to_restore: {
      failures: failed.length,
      restored: restores.length,
      not_restored: failed.length - restores.length,
      median_seconds: median(restores),
      mean_seconds: mean(restores),
    },
  };
}

export const DELIVERY_DEFINITIONS: Record<string, string> = {
  deploy:
    "one run (run id + attempt) of deploy.<environment> whose completed row says it shipped: success, health_check_failed or rolled_back",
  deployment_frequency: "deploys in the window divided by the days in the window",
  lead_time:
    "deploy completed minus the commit time of the SHA shipped (committed_at in the audit context); deploys without it are unknown",
  change_failure_rate:
    "failed deploys / deploys; failed: health_check_failed, rolled_back, or rolled back by a later rollback.<environment> before the next deploy; each deploy once",
  time_to_restore:
    "a failed deploy's completion to the app's next healthy state: a completed rollback or a successful deploy",
  window: "the last N UTC calendar days, today up to the build time included",
};

export function deliveryReport(
  events: AuditEvent[],
  environment: string,
  now: Date,
  windows = DELIVERY_WINDOWS,
): DeliveryReport {
  const { deploys, attempts } = deploysOf(events, environment);
  const rollbackRows = events.filter(
    (e) => e.action === `rollback.${environment}` && phaseOf(e) === "completed" && e.outcome !== "rejected",
  );
  const apps = [
    ...new Set([...deploys, ...attempts].map((d) => d.app).concat(rollbackRows.map((r) => r.target))),
  ].sort();
  const count = (app: string | undefined) => (from: Date) =>
    rollbackRows.filter((r) => (!app || r.target === app) && r.createdAt >= from && r.createdAt <= now)
      .length;
  return {
    environment,
    generated_at: now.toISOString(),
    windows,
    overall: windows.map((w) => metricsOf(deploys, attempts, count(undefined), now, w)),
    apps: apps.map((app) => ({
      app,
      windows: windows.map((w) =>
        metricsOf(
          deploys.filter((d) => d.app === app),
          attempts.filter((d) => d.app === app),
          count(app),
          now,
          w,
        ),
      ),
    })),
    definitions: DELIVERY_DEFINITIONS,
  };
}

/** One line of recent activity: a deploy or a rollback, newest first. */
export interface ActivityItem {
  kind: "deploy" | "rollback";
  app: string;
  actor: string;
  at: string;
  fromSha: string | null;
  toSha: string | null;
  outcome: string;
  runUrl: string | null;
}

export function recentActivity(events: AuditEvent[], environment: string, limit = 10): ActivityItem[] {
  const { deploys, attempts } = deploysOf(events, environment);
  const items: ActivityItem[] = [...deploys, ...attempts].map((d) => ({
    kind: "deploy",
    app: d.app,
    actor: d.actor,
    at: d.completedAt.toISOString(),
    fromSha: d.fromSha,
    toSha: d.toSha,
    outcome: d.outcome,
    runUrl: d.runUrl,
  }));
  for (const e of events) {
    if (e.action !== `rollback.${environment}` || phaseOf(e) !== "completed") continue;
    items.push({
      kind: "rollback",
      app: e.target,
      actor: e.actor,
      at: e.createdAt.toISOString(),
      fromSha: text(e.context, "from_sha"),
      toSha: text(e.context, "to_sha"),
      outcome: e.outcome ?? "unknown",
      runUrl: text(e.context, "run_url"),
    });
  }
  return items.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)).slice(0, limit);
}
