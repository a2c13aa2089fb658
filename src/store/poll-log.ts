import type pg from "pg";
import type {
  KnownState,
  SiteStatus,
  SparkBucket,
  SurfaceMemory,
  SurfaceState,
  VendorCall,
  VendorSweep,
} from "../core/status.js";
import { SPARK_BUCKET_MS, SPARK_BUCKETS, sparkIndex, VENDORS } from "../core/status.js";
import { quoteIdent } from "./db.js";

/**
 * The status sweep's memory in Postgres: console_poll_log (seed 000 §4.4, one row per vendor call, written in
 * one statement per sweep), the time of each sweep, and the last state of each surface. Alert decisions run
 * under an advisory lock so that two concurrent sweeps never both act on the same change.
 */

export type Queryable = Pick<pg.ClientBase, "query">;

export interface PollRow {
  surface_id: string;
  probe_ok: boolean;
  latency_ms: number;
  status_code: number | null;
  vendor_call: VendorCall;
  error_msg: string | null;
  /** The sweep's time (UTC). */
  polled_at: Date;
}

export const DEFAULT_POLL_TABLE = "console_poll_log";
/** Key of the advisory lock that serialises the alert phase of sweeps. */
export const SWEEP_LOCK = 7_246_813_009;

/** SQL: the row is a rate-limited call (429, or the pipeline's "rate limited" message). */
export const rateLimited = (p = "") =>
  `(coalesce(${p}status_code = 429, false) OR coalesce(${p}error_msg, '') LIKE 'rate limited%')`;
/** SQL: the vendor gave a usable answer (not unreachable, 5xx, 401/403 or rate-limited). */
export const answered = (p = "") =>
  `(${p}probe_ok OR (${p}status_code IS NOT NULL AND ${p}status_code < 500 AND ${p}status_code NOT IN (401, 403, 429) AND NOT ${rateLimited(p)}))`;

/** Writes every row in one INSERT ... SELECT FROM unnest(...) statement. Returns the number written. */
export async function insertPollRows(
  db: Queryable,
  rows: PollRow[],
  table = DEFAULT_POLL_TABLE,
): Promise<number> {
  if (rows.length === 0) return 0;
  const t = quoteIdent("poll-table", table);
  const res = await db.query(
    `INSERT INTO ${t} (surface_id, probe_ok, latency_ms, status_code, vendor_call, error_msg, polled_at)
     SELECT s, o, l, c, v, e, p AT TIME ZONE 'UTC'
     FROM unnest($1::text[], $2::boolean[], $3::integer[], $4::integer[], $5::text[], $6::text[], $7::timestamptz[])
       AS u(s, o, l, c, v, e, p)`,
    [
      rows.map((r) => r.surface_id),
      rows.map((r) => r.probe_ok),
      rows.map((r) => Math.max(0, Math.round(r.latency_ms))),
      rows.map((r) => r.status_code),
      rows.map((r) => r.vendor_call),
      rows.map((r) => (r.error_msg === null ? null : r.error_msg.slice(0, 1000))),
      rows.map((r) => r.polled_at.toISOString()),
    ],
  );
  return res.rowCount ?? rows.length;
}

/**
 * Deletes poll rows older than `olderThan`: a number of days before the database's clock (default 30), or an
 * instant. With `dryRun`, counts them and deletes nothing. Returns how many rows (would) go.
 */
export async function prunePollLog(
  db: Queryable,
  olderThan: number | Date = 30,
  table = DEFAULT_POLL_TABLE,
  opts: { dryRun?: boolean } = {},
): Promise<number> {
  const t = quoteIdent("poll-table", table);
  const [cutoff, param] =
    olderThan instanceof Date
      ? ["($1::timestamptz AT TIME ZONE 'UTC')", olderThan.toISOString()]
      : ["(now() AT TIME ZONE 'UTC') - make_interval(secs => $1::double precision)", olderThan * 86_400];
  if (opts.dryRun) {
    const res = await db.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM ${t} WHERE polled_at < ${cutoff}`,
      [param],
    );
    return Number(res.rows[0]?.n ?? 0);
  }
  const res = await db.query(`DELETE FROM ${t} WHERE polled_at < ${cutoff}`, [param]);
  return res.rowCount ?? 0;
}

/** Whether the poll table exists (a database migrated before the poll log came has none). */
export async function pollLogExists(db: Queryable, table = DEFAULT_POLL_TABLE): Promise<boolean> {
  const res = await db.query<{ found: boolean }>("SELECT to_regclass($1) IS NOT NULL AS found", [
    quoteIdent("poll-table", table),
  ]);
  return res.rows[0]?.found ?? false;
}

/**
 * Per vendor and per sweep (rows share the sweep's polled_at) over the last `sweeps` sweeps: did the vendor
 * answer at least once, did a call fail for a reason other than a rate limit.
 */
export async function vendorHistory(
  db: Queryable,
  sweeps = 10,
  table = DEFAULT_POLL_TABLE,
): Promise<VendorSweep[]> {
  const t = quoteIdent("poll-table", table);
  const calls = ["heroku_dyno", "heroku_release", "cf_pages", "github_actions"];
  const res = await db.query<{ vendor: string; at: Date; answered: boolean; failed: boolean }>(
    `WITH recent AS (
       SELECT DISTINCT polled_at FROM ${t} WHERE vendor_call = ANY($1) ORDER BY polled_at DESC LIMIT $2
     )
     SELECT CASE WHEN vendor_call IN ('heroku_dyno', 'heroku_release') THEN 'heroku'
                 WHEN vendor_call = 'cf_pages' THEN 'cloudflare' ELSE 'github' END AS vendor,
            polled_at AT TIME ZONE 'UTC' AS at,
            bool_or(${answered()}) AS answered,
            bool_or(NOT ${answered()} AND NOT ${rateLimited()}) AS failed
     FROM ${t}
     WHERE vendor_call = ANY($1) AND polled_at >= (SELECT min(polled_at) FROM recent)
     GROUP BY 1, 2`,
    [calls, sweeps],
  );
  return res.rows
    .filter((r) => (VENDORS as readonly string[]).includes(r.vendor))
    .map((r) => ({
      vendor: r.vendor as VendorSweep["vendor"],
      at: r.at.toISOString(),
      answered: r.answered,
      failed: r.failed,
    }));
}

/**
 * 288 five-minute buckets per surface over the 24 hours ending at `now`, from the calls named for each surface
 * (its liveness call). A vendor that did not answer is no data for the surface (grey), not a failure.
 */
export async function sparklines(
  db: Queryable,
  wanted: { surfaceId: string; call: VendorCall }[],
  now: Date,
  table = DEFAULT_POLL_TABLE,
): Promise<Map<string, (SparkBucket | null)[]>> {
  const out = new Map<string, (SparkBucket | null)[]>();
  for (const w of wanted) out.set(w.surfaceId, new Array(SPARK_BUCKETS).fill(null));
  if (wanted.length === 0) return out;
  const t = quoteIdent("poll-table", table);
  const res = await db.query<{
    surface_id: string;
    bucket: string;
    ok: string;
    failed: string;
    latency: number;
  }>(
    `SELECT p.surface_id,
            floor(extract(epoch FROM p.polled_at) * 1000 / $4)::bigint AS bucket,
            count(*) FILTER (WHERE p.probe_ok) AS ok,
            count(*) FILTER (WHERE NOT p.probe_ok AND (p.vendor_call = 'http_health' OR ${answered("p.")})) AS failed,
            avg(p.latency_ms)::float8 AS latency
     FROM ${t} p
     JOIN unnest($1::text[], $2::text[]) AS w(surface_id, vendor_call)
       ON w.surface_id = p.surface_id AND w.vendor_call = p.vendor_call
     WHERE p.polled_at > ($3::timestamptz AT TIME ZONE 'UTC') - interval '24 hours'
       AND p.polled_at <= ($3::timestamptz AT TIME ZONE 'UTC')
     GROUP BY 1, 2`,
    [wanted.map((w) => w.surfaceId), wanted.map((w) => w.call), now.toISOString(), SPARK_BUCKET_MS],
  );
  for (const r of res.rows) {
    const buckets = out.get(r.surface_id);
    const i = sparkIndex(new Date(Number(r.bucket) * SPARK_BUCKET_MS), now);
    if (!buckets || i === undefined) continue;
    const ok = Number(r.ok);
    const failed = Number(r.failed);
    if (ok + failed === 0) continue;
    buckets[i] = { ok, failed, latencyMs: Math.round(r.latency) };
  }
  return out;
}

/** Start time of the newest recorded sweep (ISO), if any. */
export async function previousSweepAt(db: Queryable): Promise<string | undefined> {
  const res = await db.query<{ at: Date | null }>("SELECT max(started_at) AS at FROM prodgate_sweeps");
  return res.rows[0]?.at?.toISOString();
}

export async function recordSweep(
  db: Queryable,
  sweep: { startedAt: Date; surfaces: number; calls: number; shards: number },
): Promise<void> {
  await db.query(
    "INSERT INTO prodgate_sweeps (started_at, surfaces, calls, shards) VALUES ($1, $2, $3, $4)",
    [sweep.startedAt.toISOString(), sweep.surfaces, sweep.calls, sweep.shards],
  );
}

export async function loadSurfaceMemory(db: Queryable, ids: string[]): Promise<Map<string, SurfaceMemory>> {
  const res = await db.query<{
    surface_id: string;
    status: string;
    known_state: string;
    since: Date;
    site: SiteStatus | null;
    incident_issue: number | null;
    incident_since: Date | null;
  }>(
    `SELECT surface_id, status, known_state, since, site, incident_issue, incident_since
     FROM prodgate_surface_state WHERE surface_id = ANY($1)`,
    [ids],
  );
  return new Map(
    res.rows.map((r) => [
      r.surface_id,
      {
        surfaceId: r.surface_id,
        status: r.status as SurfaceState,
        knownState: r.known_state as KnownState,
        since: r.since.toISOString(),
        site: r.site,
        incidentIssue: r.incident_issue,
        incidentSince: r.incident_since?.toISOString() ?? null,
      },
    ]),
  );
}

/** Upserts every surface's memory in one statement. */
export async function saveSurfaceMemory(db: Queryable, memories: SurfaceMemory[]): Promise<void> {
  if (memories.length === 0) return;
  await db.query(
    `INSERT INTO prodgate_surface_state AS s
       (surface_id, status, known_state, since, site, incident_issue, incident_since, updated_at)
     SELECT x.surface_id, x.status, x.known_state, x.since, x.site, x.incident_issue, x.incident_since, now()
     FROM jsonb_to_recordset($1::jsonb) AS x(surface_id text, status text, known_state text, since timestamptz,
       site jsonb, incident_issue integer, incident_since timestamptz)
     ON CONFLICT (surface_id) DO UPDATE SET status = EXCLUDED.status, known_state = EXCLUDED.known_state,
       since = EXCLUDED.since, site = EXCLUDED.site, incident_issue = EXCLUDED.incident_issue,
       incident_since = EXCLUDED.incident_since, updated_at = now()`,
    [
      JSON.stringify(
        memories.map((m) => ({
          surface_id: m.surfaceId,
          status: m.status,
          known_state: m.knownState,
          since: m.since,
          site: m.site,
          incident_issue: m.incidentIssue,
          incident_since: m.incidentSince,
        })),
      ),
    ],
  );
}

/**
 * Runs `fn` in a transaction holding the sweep advisory lock: a second sweep waits, then sees the first one's
 * committed state (and so never opens a second issue for the same change).
 */
export async function withSweepLock<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [SWEEP_LOCK]);
    const result = await fn(client);
    await client.query("COMMIT");
    return result;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}
