import type pg from "pg";
import type { Interval } from "../core/console/maintenance.js";
import type { DailyRollup, HistoryPoint, Incident, PollCounts } from "../core/console/model.js";
import type { VendorCall } from "../core/status.js";
import { quoteIdent } from "./db.js";
import { answered, DEFAULT_POLL_TABLE, type Queryable } from "./poll-log.js";

/**
 * The console's history in Postgres. Daily rollups (one row per surface and UTC day) and derived incidents are
 * computed from the raw poll log, which keeps 30 days; they are kept 400 days. Every refresh recomputes the
 * days the raw log still holds whole from it (a sweep: from the last rolled day on; `console build`: all of
 * them). Incidents are runs of failing liveness polls outside maintenance, from the first to the last failing
 * poll. Incident issues and the deploys and CI runs the sweeps saw are in sweep-records.ts.
 */

export const ROLLUP_RETENTION_DAYS = 400;
/** Key of the advisory lock that serialises refreshes (two sweeps at once do not interleave). */
const ROLLUP_LOCK = 7_246_813_019;
const DAY_MS = 86_400_000;

export interface RollupTarget {
  id: string;
  /** The surface's liveness call (the sparkline's). */
  call: VendorCall;
  /** Its maintenance windows over the refreshed span (and the 24 hours before now). */
  maintenance: Interval[];
}

export interface RefreshResult {
  /** First instant recomputed (null: the raw log is empty). */
  from: string | null;
  days: number;
  incidents: number;
  pruned: number;
}

const ts = (t: number) => new Date(t).toISOString().replace("T", " ").replace("Z", "");

/** A Postgres tsmultirange literal of intervals (timestamps without time zone, in UTC like polled_at). */
export function multirange(intervals: Interval[]): string {
  return `{${intervals.map((i) => `[${ts(i.start)},${ts(i.end)})`).join(",")}}`;
}

const dayStart = (t: number) => Math.floor(t / DAY_MS) * DAY_MS;

/** The join that picks each surface's liveness rows, with its maintenance, and whether a row has data. */
function targetsCte(param: number): string {
  return `w AS (SELECT * FROM unnest($${param}::text[], $${param + 1}::text[], $${param + 2}::tsmultirange[])
              AS w(surface_id, vendor_call, maint))`;
}
const HAS_DATA = `(p.vendor_call = 'http_health' OR ${answered("p.")})`;

function targetParams(targets: RollupTarget[]): unknown[] {
  return [
    targets.map((t) => t.id),
    targets.map((t) => t.call),
    targets.map((t) => multirange(t.maintenance)),
  ];
}

/**
 * Recomputes rollups and incidents from the raw log, then prunes what is older than 400 days. `full`:
 * every day the raw log holds; otherwise from the newest rolled day (and the start of any incident that
 * reaches it) on. A day the raw log holds only part of (pruned at its start) keeps the rollup made when it
 * was whole.
 */
export async function refreshRollups(
  pool: pg.Pool,
  targets: RollupTarget[],
  opts: { now: Date; full?: boolean; pollTable?: string },
): Promise<RefreshResult> {
  const t = quoteIdent("poll-table", opts.pollTable ?? DEFAULT_POLL_TABLE);
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [ROLLUP_LOCK]);
    // The surfaces come in as an array, which the planner cannot count: a merge or nested-loop join of them
    // against the raw log grows with surfaces x rows. Hash joins keep the refresh linear in the rows read.
    await client.query("SET LOCAL enable_mergejoin = off; SET LOCAL enable_nestloop = off");
    const pruned = await prune(client, opts.now);
    const ids = targets.map((x) => x.id);
    const raw = await client.query<{ at: Date | null }>(
      `SELECT min(polled_at) AT TIME ZONE 'UTC' AS at FROM ${t}`,
    );
    const rawMinDate = raw.rows[0]?.at;
    if (!rawMinDate || ids.length === 0) {
      await client.query("COMMIT");
      return { from: null, days: 0, incidents: 0, pruned };
    }
    const rawMin = rawMinDate.getTime();
    let base = dayStart(rawMin);
    if (!opts.full) {
      const last = await client.query<{ day: string | null }>(
        "SELECT to_char(max(day), 'YYYY-MM-DD') AS day FROM prodgate_console_daily",
      );
      if (last.rows[0]?.day) base = Math.max(base, Date.parse(`${last.rows[0].day}T00:00:00Z`));
    }
    const reaching = await client.query<{ at: Date | null }>(
      `SELECT min(started_at) AT TIME ZONE 'UTC' AS at FROM prodgate_console_incidents
        WHERE surface_id = ANY($1) AND (open OR ended_at >= $2::timestamp)`,
      [ids, ts(base)],
    );
    const reachAt = reaching.rows[0]?.at;
    const since = Math.max(rawMin, Math.min(base, reachAt ? reachAt.getTime() : base));
    const partialDay = rawMin > dayStart(rawMin) ? ts(dayStart(rawMin)).slice(0, 10) : null;

    const days = await client.query(
      `WITH ${targetsCte(1)},
       p AS (
         SELECT p.surface_id, p.polled_at::date AS day, p.probe_ok, p.latency_ms, ${HAS_DATA} AS has_data,
                (w.maint @> p.polled_at) AS maint
         FROM ${t} p JOIN w ON w.surface_id = p.surface_id AND w.vendor_call = p.vendor_call
         WHERE p.polled_at >= $4::timestamp
       )
       INSERT INTO prodgate_console_daily AS d (surface_id, day, polls_ok, polls_failed, polls_no_data,
         polls_maintenance, latency_p50_ms, latency_p95_ms, computed_at)
       SELECT surface_id, day,
              count(*) FILTER (WHERE NOT maint AND probe_ok),
              count(*) FILTER (WHERE NOT maint AND has_data AND NOT probe_ok),
              count(*) FILTER (WHERE NOT maint AND NOT has_data),
              count(*) FILTER (WHERE maint),
              percentile_disc(0.5) WITHIN GROUP (ORDER BY latency_ms) FILTER (WHERE NOT maint AND probe_ok),
              percentile_disc(0.95) WITHIN GROUP (ORDER BY latency_ms) FILTER (WHERE NOT maint AND probe_ok),
              now()
       FROM p GROUP BY surface_id, day
       ON CONFLICT (surface_id, day) DO UPDATE SET polls_ok = EXCLUDED.polls_ok,
         polls_failed = EXCLUDED.polls_failed, polls_no_data = EXCLUDED.polls_no_data,
         polls_maintenance = EXCLUDED.polls_maintenance, latency_p50_ms = EXCLUDED.latency_p50_ms,
         latency_p95_ms = EXCLUDED.latency_p95_ms, computed_at = now()
       WHERE $5::date IS NULL OR d.day > $5::date`,
      [...targetParams(targets), ts(dayStart(since)), partialDay],
    );

    const incidents = await deriveIncidents(client, t, targets, since);
    await client.query("COMMIT");
    return { from: new Date(since).toISOString(), days: days.rowCount ?? 0, incidents, pruned };
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

interface Run {
  surface_id: string;
  s: Date;
  e: Date;
  n: number;
  recovered: Date | null;
}

async function deriveIncidents(
  client: pg.PoolClient,
  t: string,
  targets: RollupTarget[],
  since: number,
): Promise<number> {
  const ids = targets.map((x) => x.id);
  // Incidents that began before the raw log and still run into it: the derived run continues them.
  const older = await client.query<{
    surface_id: string;
    started_at: Date;
    ended_at: Date;
    failing_polls: number;
  }>(
    `SELECT surface_id, started_at AT TIME ZONE 'UTC' AS started_at, ended_at AT TIME ZONE 'UTC' AS ended_at, failing_polls
       FROM prodgate_console_incidents
      WHERE surface_id = ANY($1) AND started_at < $2::timestamp AND (open OR ended_at >= $2::timestamp)`,
    [ids, ts(since)],
  );
  await client.query(
    "DELETE FROM prodgate_console_incidents WHERE surface_id = ANY($1) AND started_at >= $2::timestamp",
    [ids, ts(since)],
  );
  const runs = await client.query<Run>(
    `WITH ${targetsCte(1)},
     p AS (
       SELECT p.surface_id, p.polled_at, p.probe_ok
       FROM ${t} p JOIN w ON w.surface_id = p.surface_id AND w.vendor_call = p.vendor_call
       WHERE p.polled_at >= $4::timestamp AND ${HAS_DATA} AND NOT (w.maint @> p.polled_at)
     ),
     g AS (
       SELECT surface_id, polled_at, probe_ok,
              count(*) FILTER (WHERE probe_ok) OVER (PARTITION BY surface_id ORDER BY polled_at
                ROWS UNBOUNDED PRECEDING) AS grp
       FROM p
     ),
     runs AS (
       SELECT surface_id, grp, min(polled_at) AS s, max(polled_at) AS e, count(*)::int AS n
       FROM g WHERE NOT probe_ok GROUP BY surface_id, grp
     ),
     rec AS (SELECT surface_id, grp, min(polled_at) AS r FROM g WHERE probe_ok GROUP BY surface_id, grp)
     SELECT runs.surface_id, runs.s AT TIME ZONE 'UTC' AS s, runs.e AT TIME ZONE 'UTC' AS e, runs.n,
            rec.r AT TIME ZONE 'UTC' AS recovered
     FROM runs LEFT JOIN rec ON rec.surface_id = runs.surface_id AND rec.grp = runs.grp + 1
     ORDER BY runs.surface_id, runs.s`,
    [...targetParams(targets), ts(since)],
  );
  const rows = runs.rows.map((r) => ({
    surface_id: r.surface_id,
    started_at: r.s.getTime(),
    ended_at: r.e.getTime(),
    failing_polls: r.n,
    open: r.recovered === null,
    recovered_at: r.recovered ? r.recovered.getTime() : null,
  }));
  const firstOf = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!firstOf.has(r.surface_id)) firstOf.set(r.surface_id, r);
  for (const o of older.rows) {
    const target = targets.find((x) => x.id === o.surface_id);
    if (!target) continue;
    const firstPoll = await firstDataPoll(client, t, target, since);
    if (firstPoll === undefined) continue; // no data since: it stays as it was
    const first = firstOf.get(o.surface_id);
    const oStart = o.started_at.getTime();
    if (first && first.started_at === firstPoll) {
      // The raw log starts failing: the run continues the incident that began before it.
      const overlap = await countFailing(client, t, target, first.started_at, o.ended_at.getTime());
      rows.splice(rows.indexOf(first), 1);
      rows.push({
        ...first,
        started_at: oStart,
        failing_polls: o.failing_polls + first.failing_polls - overlap,
      });
    } else
      await client.query(
        `UPDATE prodgate_console_incidents SET open = false, recovered_at = $3::timestamp
          WHERE surface_id = $1 AND started_at = $2::timestamp`,
        [o.surface_id, ts(oStart), ts(firstPoll)],
      );
  }
  if (rows.length === 0) return 0;
  await client.query(
    `INSERT INTO prodgate_console_incidents (surface_id, started_at, ended_at, failing_polls, open, recovered_at)
     SELECT * FROM unnest($1::text[], $2::timestamp[], $3::timestamp[], $4::int[], $5::boolean[], $6::timestamp[])
     ON CONFLICT (surface_id, started_at) DO UPDATE SET ended_at = EXCLUDED.ended_at,
       failing_polls = EXCLUDED.failing_polls, open = EXCLUDED.open, recovered_at = EXCLUDED.recovered_at`,
    [
      rows.map((r) => r.surface_id),
      rows.map((r) => ts(r.started_at)),
      rows.map((r) => ts(r.ended_at)),
      rows.map((r) => r.failing_polls),
      rows.map((r) => r.open),
      rows.map((r) => (r.recovered_at === null ? null : ts(r.recovered_at))),
    ],
  );
  return rows.length;
}

/** SQL: the liveness rows of one surface with data, outside its maintenance ($1 surface, $2 call, $3 ranges). */
const ONE_SURFACE = `p.surface_id = $1 AND p.vendor_call = $2 AND ${HAS_DATA} AND NOT ($3::tsmultirange @> p.polled_at)`;

async function countFailing(
  client: pg.PoolClient,
  t: string,
  target: RollupTarget,
  from: number,
  to: number,
): Promise<number> {
  if (from > to) return 0;
  const res = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${t} p
      WHERE ${ONE_SURFACE} AND NOT p.probe_ok AND p.polled_at BETWEEN $4::timestamp AND $5::timestamp`,
    [target.id, target.call, multirange(target.maintenance), ts(from), ts(to)],
  );
  return res.rows[0]?.n ?? 0;
}

async function firstDataPoll(
  client: pg.PoolClient,
  t: string,
  target: RollupTarget,
  since: number,
): Promise<number | undefined> {
  const res = await client.query<{ at: Date | null }>(
    `SELECT min(p.polled_at) AT TIME ZONE 'UTC' AS at FROM ${t} p WHERE ${ONE_SURFACE} AND p.polled_at >= $4::timestamp`,
    [target.id, target.call, multirange(target.maintenance), ts(since)],
  );
  return res.rows[0]?.at?.getTime();
}

async function prune(db: Queryable, now: Date): Promise<number> {
  const cutoff = ts(now.getTime() - ROLLUP_RETENTION_DAYS * DAY_MS);
  let n = 0;
  for (const sql of [
    "DELETE FROM prodgate_console_daily WHERE day < $1::timestamp::date",
    "DELETE FROM prodgate_console_incidents WHERE NOT open AND ended_at < $1::timestamp",
    "DELETE FROM prodgate_console_issues WHERE opened_at < ($1::timestamp AT TIME ZONE 'UTC') AND closed_at IS NOT NULL",
    "DELETE FROM prodgate_console_deploys WHERE deployed_at < ($1::timestamp AT TIME ZONE 'UTC')",
    "DELETE FROM prodgate_console_builds WHERE started_at < ($1::timestamp AT TIME ZONE 'UTC')",
  ])
    n += (await db.query(sql, [cutoff])).rowCount ?? 0;
  return n;
}

// ---- reads ----

export async function loadDaily(
  db: Queryable,
  ids: string[],
  fromDay: string,
): Promise<Map<string, DailyRollup[]>> {
  const res = await db.query<{
    surface_id: string;
    day: string;
    polls_ok: number;
    polls_failed: number;
    polls_no_data: number;
    polls_maintenance: number;
    latency_p50_ms: number | null;
    latency_p95_ms: number | null;
  }>(
    `SELECT surface_id, to_char(day, 'YYYY-MM-DD') AS day, polls_ok, polls_failed, polls_no_data, polls_maintenance,
            latency_p50_ms, latency_p95_ms
       FROM prodgate_console_daily WHERE surface_id = ANY($1) AND day >= $2::date ORDER BY surface_id, day`,
    [ids, fromDay],
  );
  const out = new Map<string, DailyRollup[]>(ids.map((id) => [id, []]));
  for (const r of res.rows)
    out.get(r.surface_id)?.push({
      day: r.day,
      ok: r.polls_ok,
      failed: r.polls_failed,
      noData: r.polls_no_data,
      maintenance: r.polls_maintenance,
      p50: r.latency_p50_ms,
      p95: r.latency_p95_ms,
    });
  return out;
}

/** Poll counts of each surface over (from, to], from the raw log, maintenance left out. */
export async function rawCounts(
  db: Queryable,
  targets: RollupTarget[],
  from: Date,
  to: Date,
  pollTable = DEFAULT_POLL_TABLE,
): Promise<Map<string, PollCounts>> {
  const t = quoteIdent("poll-table", pollTable);
  const res = await db.query<{
    surface_id: string;
    ok: number;
    failed: number;
    no_data: number;
    maint: number;
  }>(
    `WITH ${targetsCte(1)},
     p AS (
       SELECT p.surface_id, p.probe_ok, ${HAS_DATA} AS has_data, (w.maint @> p.polled_at) AS maint
       FROM ${t} p JOIN w ON w.surface_id = p.surface_id AND w.vendor_call = p.vendor_call
       WHERE p.polled_at > $4::timestamp AND p.polled_at <= $5::timestamp
     )
     SELECT surface_id, count(*) FILTER (WHERE NOT maint AND probe_ok)::int AS ok,
            count(*) FILTER (WHERE NOT maint AND has_data AND NOT probe_ok)::int AS failed,
            count(*) FILTER (WHERE NOT maint AND NOT has_data)::int AS no_data,
            count(*) FILTER (WHERE maint)::int AS maint
     FROM p GROUP BY surface_id`,
    [...targetParams(targets), ts(from.getTime()), ts(to.getTime())],
  );
  const out = new Map<string, PollCounts>();
  for (const r of res.rows)
    out.set(r.surface_id, { ok: r.ok, failed: r.failed, noData: r.no_data, maintenance: r.maint });
  return out;
}

/** The last `limit` liveness rows of each surface up to `now` (seed 000: 288, 24 h at 5 minutes). */
export async function recentHistory(
  db: Queryable,
  targets: RollupTarget[],
  now: Date,
  limit = 288,
  pollTable = DEFAULT_POLL_TABLE,
): Promise<Map<string, HistoryPoint[]>> {
  const t = quoteIdent("poll-table", pollTable);
  const res = await db.query<{ surface_id: string; polled_at: Date; probe_ok: boolean; latency_ms: number }>(
    `SELECT w.surface_id, h.polled_at AT TIME ZONE 'UTC' AS polled_at, h.probe_ok, h.latency_ms
       FROM unnest($1::text[], $2::text[]) AS w(surface_id, vendor_call)
       CROSS JOIN LATERAL (
         SELECT polled_at, probe_ok, latency_ms FROM ${t} p
          WHERE p.surface_id = w.surface_id AND p.vendor_call = w.vendor_call AND p.polled_at <= $3::timestamp
          ORDER BY polled_at DESC LIMIT $4) h`,
    [targets.map((x) => x.id), targets.map((x) => x.call), ts(now.getTime()), limit],
  );
  const out = new Map<string, HistoryPoint[]>(targets.map((x) => [x.id, []]));
  for (const r of res.rows)
    out.get(r.surface_id)?.push({
      polled_at: new Date(r.polled_at.getTime()).toISOString(),
      probe_ok: r.probe_ok,
      latency_ms: r.latency_ms,
    });
  for (const list of out.values()) list.reverse();
  return out;
}

/** Incidents of the surfaces that ended on or after `from`, or still run. Issues are joined by the caller. */
export async function loadIncidents(
  db: Queryable,
  ids: string[],
  from: Date,
): Promise<Omit<Incident, "issue">[]> {
  const res = await db.query<{
    surface_id: string;
    started_at: Date;
    ended_at: Date;
    failing_polls: number;
    open: boolean;
    recovered_at: Date | null;
  }>(
    `SELECT surface_id, started_at AT TIME ZONE 'UTC' AS started_at, ended_at AT TIME ZONE 'UTC' AS ended_at,
            failing_polls, open, recovered_at AT TIME ZONE 'UTC' AS recovered_at FROM prodgate_console_incidents
      WHERE surface_id = ANY($1) AND (open OR ended_at >= $2::timestamp) ORDER BY started_at DESC`,
    [ids, ts(from.getTime())],
  );
  return res.rows.map((r) => {
    const s = r.started_at.getTime();
    const e = r.ended_at.getTime();
    return {
      surface: r.surface_id,
      started_at: new Date(s).toISOString(),
      ended_at: new Date(e).toISOString(),
      failing_polls: r.failing_polls,
      open: r.open,
      recovered_at: r.recovered_at ? new Date(r.recovered_at.getTime()).toISOString() : null,
      duration_ms: e - s,
    };
  });
}
