// The status sweep at scale: 500 HTTP surfaces on loopback, each answering in 100 ms, 2% hanging past the
// 1 s timeout. Wall time of the bounded pool against the floor max(timeout, ceil(N/concurrency) × 100 ms) and
// against one-at-a-time (concurrency 1) in the same run; peak memory. Then 500 poll rows written in one
// batched statement against 500 single-row INSERTs, on a sandbox PostgreSQL.
import { parseHealthInputs } from "../src/core/health-inputs.js";
import { parseRegistry } from "../src/core/registry.js";
import { DEFAULT_SWEEP_SETTINGS, runStatusSweep } from "../src/pipelines/status-sweep.js";
import { FakeServer } from "../src/sandbox/fake-server.js";
import { startPostgres } from "../src/sandbox/postgres.js";
import { connect } from "../src/store/db.js";
import { migrateUp } from "../src/store/migrate.js";
import { insertPollRows, type PollRow } from "../src/store/poll-log.js";
import { fmt, median, ratio, table } from "./lib.js";

const N = 500;
const ANSWER_MS = 100;
const TIMEOUT_MS = 1000;
const HANGING = Math.round(N * 0.02);

async function sweepOnce(url: string, concurrency: number) {
  const lines = ["surfaces:"];
  for (let i = 0; i < N; i++) {
    // Every 50th surface hangs: 2%.
    const path = i % (N / HANGING) === 0 ? `hang/${i}` : `ok/${i}`;
    lines.push(
      `  - { id: s${i}, hostname: s${i}.example.com, provider: http, health: { url: "${url}/${path}" } }`,
    );
  }
  const registry = parseRegistry(lines.join("\n"), {
    file: "bench.yml",
    parseHealth: (get) => parseHealthInputs(get),
    healthDefaults: { attempts: "1", timeout: `${TIMEOUT_MS}ms` },
  });
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const result = await runStatusSweep(
    registry,
    { ...DEFAULT_SWEEP_SETTINGS, concurrency, timeoutMs: TIMEOUT_MS, deadlineMs: 600_000 },
    {},
  );
  const wall = performance.now() - started;
  clearInterval(sampler);
  const states = result.doc.sites.reduce<Record<string, number>>((m, s) => {
    m[s.status] = (m[s.status] ?? 0) + 1;
    return m;
  }, {});
  return { wall, peak, heap: process.memoryUsage().heapUsed - heapBefore, states };
}

export default async function statusSweepBench(): Promise<void> {
  const server = new FakeServer("bench-sites");
  server
    .route(
      "GET",
      "/ok/:n",
      () => new Promise((r) => setTimeout(() => r({ body: { status: "ok" } }), ANSWER_MS)),
    )
    .route("GET", "/hang/:n", () => new Promise(() => {}));
  await server.start();
  const rows: Record<string, string | number>[] = [];
  try {
    const rssStart = process.memoryUsage().rss;
    const runs: [number, Awaited<ReturnType<typeof sweepOnce>>][] = [];
    for (const c of [16, 64, 1]) runs.push([c, await sweepOnce(server.url, c)]);
    const baseline = runs.find(([c]) => c === 1)![1].wall;
    for (const [c, r] of runs) {
      const floor = Math.max(TIMEOUT_MS, Math.ceil(N / c) * ANSWER_MS);
      rows.push({
        concurrency: c,
        wall: fmt(r.wall),
        floor: fmt(floor),
        "vs floor": ratio(r.wall, floor),
        "faster than one at a time": c === 1 ? "1.00×" : ratio(baseline, r.wall),
        "peak RSS": `${(r.peak / 1048576).toFixed(0)} MiB (+${((r.peak - rssStart) / 1048576).toFixed(0)})`,
        states: Object.entries(r.states)
          .map(([s, n]) => `${n} ${s}`)
          .join(", "),
      });
    }
  } finally {
    await server.stop();
  }
  console.log(`${N} surfaces, ${ANSWER_MS} ms each, ${HANGING} hanging past a ${TIMEOUT_MS} ms timeout`);
  table(rows);

  const pg = await startPostgres({ database: "bench" });
  try {
    const client = await connect(pg.url);
    await migrateUp(client);
    const at = new Date();
    const batch: PollRow[] = Array.from({ length: N }, (_, i) => ({
      surface_id: `s${i}`,
      probe_ok: i % 50 !== 0,
      latency_ms: 100 + (i % 7),
      status_code: i % 50 ? 200 : null,
      vendor_call: "http_health",
      error_msg: i % 50 ? null : "timed out after 1.00s",
      polled_at: at,
    }));
    const batched: number[] = [];
    const single: number[] = [];
    for (let round = 0; round < 7; round++) {
      let t = performance.now();
      await insertPollRows(client, batch);
      batched.push(performance.now() - t);
      t = performance.now();
      for (const r of batch)
        await client.query(
          `INSERT INTO console_poll_log (surface_id, probe_ok, latency_ms, status_code, vendor_call, error_msg, polled_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7::timestamptz AT TIME ZONE 'UTC')`,
          [
            r.surface_id,
            r.probe_ok,
            r.latency_ms,
            r.status_code,
            r.vendor_call,
            r.error_msg,
            r.polled_at.toISOString(),
          ],
        );
      single.push(performance.now() - t);
    }
    const count = await client.query<{ n: string }>("SELECT count(*) AS n FROM console_poll_log");
    await client.end();
    console.log(`${N} poll rows, median of 7 (${count.rows[0]?.n} rows written in all)`);
    table([
      {
        write: "one batched INSERT ... SELECT FROM unnest",
        time: fmt(median(batched)),
        "vs single": "1.00×",
      },
      {
        write: `${N} single-row INSERTs`,
        time: fmt(median(single)),
        "vs single": ratio(median(single), median(batched)),
      },
    ]);
  } finally {
    await pg.stop();
  }
}
