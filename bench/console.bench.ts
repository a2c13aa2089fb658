// The operator console at scale: 500 surfaces with 90 days of history. A real 5-minute cadence would keep
// about 13 million raw rows for 90 days (4.3 million within the raw log's 30 days); this machine holds a
// week of raw log (1 million rows) and shows how the build grows with it: 1, 3 and 7 days of raw log, the
// days before them as daily rollups, 90 days in all. Per size: the full build (`console build`, every raw day
// recomputed) and the sweep's incremental one, as ratios against the smallest size in the same run; then
// every read query the build ran, under EXPLAIN, and whether the plan walks an index.
import type pg from "pg";
import { parseHealthInputs } from "../src/core/health-inputs.js";
import { parseRegistry } from "../src/core/registry.js";
import { buildConsole, DEFAULT_CONSOLE_SETTINGS } from "../src/pipelines/console.js";
import { startPostgres } from "../src/sandbox/postgres.js";
import { connect, newPool } from "../src/store/db.js";
import { migrateUp } from "../src/store/migrate.js";
import { fmt, ratio, table } from "./lib.js";

const N = 500;
const DAYS = 90;
const RAW_DAYS = [1, 3, 7];
const NOW = Date.parse("2026-11-30T12:00:00Z");

/** Every query a build sends (each new connection of the pool is wrapped), so that each can be explained. */
function recording(pool: pg.Pool): { queries: { text: string; values: unknown[] }[] } {
  const rec = { queries: [] as { text: string; values: unknown[] }[] };
  pool.on("connect", (client) => {
    const original = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      if (typeof args[0] === "string")
        rec.queries.push({ text: args[0], values: (args[1] as unknown[]) ?? [] });
      return original(...args);
    };
  });
  return rec;
}

async function seed(client: pg.Client, rawDays: number): Promise<number> {
  await client.query(
    `TRUNCATE console_poll_log, prodgate_console_daily, prodgate_console_incidents, prodgate_surface_state, prodgate_sweeps,
       prodgate_console_deploys, prodgate_console_builds, console_audit_log, console_rotation_jobs`,
  );
  const ids = Array.from({ length: N }, (_, i) => `s${String(i).padStart(3, "0")}`);
  // The raw log: every 5 minutes for `rawDays`, a failure every ~9 hours per surface.
  await client.query(
    `INSERT INTO console_poll_log (surface_id, probe_ok, latency_ms, status_code, vendor_call, error_msg, polled_at)
     SELECT s, (k + i) % 107 <> 0, 40 + (k * 37 + i * 11) % 400, 200, 'http_health', NULL,
            ($2::timestamptz AT TIME ZONE 'UTC') - make_interval(mins => k * 5)
       FROM unnest($1::text[]) WITH ORDINALITY AS u(s, i), generate_series(0, $3::int * 288 - 1) AS k`,
    [ids, new Date(NOW).toISOString(), rawDays],
  );
  // The days before it, as the rollups earlier sweeps left.
  await client.query(
    `INSERT INTO prodgate_console_daily (surface_id, day, polls_ok, polls_failed, polls_no_data, polls_maintenance,
       latency_p50_ms, latency_p95_ms)
     SELECT s, ($2::date - d), 285, 3, 0, 0, 120, 380
       FROM unnest($1::text[]) AS s, generate_series($3::int + 1, $4::int - 1) AS d`,
    [ids, new Date(NOW).toISOString().slice(0, 10), rawDays, DAYS],
  );
  // The rest of the history: deploys and CI runs seen (20 each per surface), 100 audit rows per app, jobs.
  await client.query(
    `INSERT INTO prodgate_console_deploys (surface_id, deploy_id, deployed_at, author, status, seen_at)
     SELECT s, 'v' || d, $2::timestamptz - make_interval(hours => d * 30), 'bot@example.com', 'succeeded', $2::timestamptz
       FROM unnest($1::text[]) AS s, generate_series(1, 20) AS d ON CONFLICT DO NOTHING`,
    [ids, new Date(NOW).toISOString()],
  );
  await client.query(
    `INSERT INTO prodgate_console_builds (surface_id, run_id, conclusion, run_url, trigger, author, started_at, seen_at)
     SELECT s, s || '-' || d, 'success', 'https://github.com/acme/x/actions/runs/' || d, 'push', 'bot',
            $2::timestamptz - make_interval(hours => d * 30), $2::timestamptz
       FROM unnest($1::text[]) AS s, generate_series(1, 20) AS d ON CONFLICT DO NOTHING`,
    [ids, new Date(NOW).toISOString()],
  );
  await client.query(
    `INSERT INTO console_audit_log (action, actor, target, outcome, context, idempotency_key, created_at)
     SELECT 'deploy.production', 'bot', 'app-' || s, CASE WHEN d % 2 = 0 THEN 'success' END,
            jsonb_build_object('phase', CASE WHEN d % 2 = 0 THEN 'completed' ELSE 'started' END, 'run_id', s || (d / 2)),
            'k-' || s || '-' || d || '-' || $3::int, $2::timestamptz - make_interval(hours => d * 20)
       FROM unnest($1::text[]) AS s, generate_series(1, 100) AS d`,
    [ids, new Date(NOW).toISOString(), rawDays],
  );
  await client.query(
    `INSERT INTO console_rotation_jobs (id, secret_name, triggered_by, triggered_at, status, completed_at)
     SELECT 'rot_' || lpad(to_hex(n * 1000 + $2::int), 8, '0'), 'SECRET_' || (n % 40), 'automated',
            $1::timestamptz - make_interval(days => n), 'completed', $1::timestamptz - make_interval(days => n)
       FROM generate_series(1, 400) AS n`,
    [new Date(NOW).toISOString(), rawDays],
  );
  await client.query("ANALYZE");
  const n = await client.query<{ n: string }>("SELECT count(*)::text AS n FROM console_poll_log");
  return Number(n.rows[0]?.n ?? 0);
}

export default async function run(): Promise<void> {
  const text = `surfaces:\n${Array.from({ length: N }, (_, i) => `  - { id: s${String(i).padStart(3, "0")}, hostname: s${i}.example.com, provider: heroku, heroku: { app: app-s${String(i).padStart(3, "0")} }, health: { url: "http://127.0.0.1:9/" } }`).join("\n")}\n`;
  const registry = parseRegistry(text, { file: "bench.yml", parseHealth: (get) => parseHealthInputs(get) });
  const pgServer = await startPostgres({ database: "console_bench" });
  const rows: Record<string, string | number>[] = [];
  let explained: Record<string, string | number>[] = [];
  try {
    const client = await connect(pgServer.url);
    await migrateUp(client);
    const pool = newPool(pgServer.url, { max: 8, statementTimeoutMs: 0 });
    const rec = recording(pool);
    const clock = { now: () => new Date(NOW), sleep: async () => {} };
    let base: { full: number; inc: number; raw: number } | undefined;
    for (const rawDays of RAW_DAYS) {
      const raw = await seed(client, rawDays);
      rec.queries.length = 0;
      let t = performance.now();
      const full = await buildConsole(
        registry,
        { ...DEFAULT_CONSOLE_SETTINGS, fullRefresh: true },
        { db: pool, clock },
      );
      const fullMs = performance.now() - t;
      t = performance.now();
      await buildConsole(registry, { ...DEFAULT_CONSOLE_SETTINGS, fullRefresh: false }, { db: pool, clock });
      const incMs = performance.now() - t;
      base ??= { full: fullMs, inc: incMs, raw };
      const pages = [...full.files]
        .filter(([p]) => p.endsWith(".html"))
        .reduce((n, [, c]) => n + c.length, 0);
      rows.push({
        "raw log": `${rawDays} d, ${(raw / 1e6).toFixed(2)} M rows`,
        "rows vs 1 d": ratio(raw, base.raw),
        "full build": fmt(fullMs),
        "full vs 1 d": ratio(fullMs, base.full),
        "sweep (incremental)": fmt(incMs),
        "sweep vs 1 d": ratio(incMs, base.inc),
        "sweep vs full": ratio(incMs, fullMs),
        files: full.files.size,
        "pages KB": Math.round(pages / 1024),
      });
      if (rawDays === RAW_DAYS.at(-1)) {
        const seen = new Set<string>();
        explained = [];
        for (const q of rec.queries) {
          const sql = q.text.trim();
          if (!/^(SELECT|WITH)/i.test(sql) || /pg_advisory|to_regclass/.test(sql) || seen.has(sql)) continue;
          seen.add(sql);
          const plan = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN ${sql}`, q.values);
          const lines = plan.rows.map((r) => r["QUERY PLAN"]);
          const indexes = [
            ...new Set(
              lines.flatMap((l) =>
                [
                  ...l.matchAll(
                    /(?:Index Only Scan|Index Scan|Bitmap Index Scan)(?: Backward)? (?:using|on) (\w+)/g,
                  ),
                ].map((m) => m[1]!),
              ),
            ),
          ];
          const seq = [
            ...new Set(lines.flatMap((l) => [...l.matchAll(/Seq Scan on (\w+)/g)].map((m) => m[1]!))),
          ];
          explained.push({
            query: sql.replace(/\s+/g, " ").slice(0, 70),
            "index used": indexes.join(", ") || "none",
            "seq scans": seq.join(", ") || "none",
          });
        }
      }
    }
    await pool.end();
    await client.end();
  } finally {
    await pgServer.stop();
  }
  console.log(
    `${N} surfaces, ${DAYS} days of history (raw log + daily rollups); one run per size (each build takes seconds)`,
  );
  table(rows);
  console.log("Read queries of the build (7-day raw log), planned by EXPLAIN:");
  table(explained);
}
