// The audit log on a sandbox PostgreSQL, three measures in one run:
//  1. 1,000 audit writes through AuditStore (a pool kept open) against a connect-per-write baseline (open,
//     write, close for every row, as a psql one-liner per deploy would); latency p50/p95, throughput.
//  2. Chained appends (AuditStore.write: the chain lock, the head, the hash) against unchained ones (the single
//     INSERT ... ON CONFLICT a table without a chain takes), 1 and 8 writers. The aim: at least half.
//  3. `verify` streaming the chain at 100,000 and 1,000,000 rows (AUDIT_BENCH_ROWS overrides the larger):
//     rows/s, and the peak heap while verifying, which must not grow with the table.
import { buildAuditRecord, toAuditRow } from "../src/core/audit.js";
import { type ChainRow, chainTime, commitPersonal, sealRow, ZERO_HASH } from "../src/core/audit-chain.js";
import { startPostgres } from "../src/sandbox/postgres.js";
import { AuditStore } from "../src/store/audit.js";
import { ensureChain, newSalt } from "../src/store/chain.js";
import { connect, newPool } from "../src/store/db.js";
import { migrateUp } from "../src/store/migrate.js";
import { fmt, percentile, ratio, table } from "./lib.js";

const WRITES = 1000;
const VERIFY_SIZES = [100_000, Number(process.env.AUDIT_BENCH_ROWS ?? 1_000_000)];

function record(run: string, i: number) {
  return buildAuditRecord({
    action: "deploy.production",
    phase: i % 2 ? "completed" : "started",
    outcome: i % 2 ? "success" : undefined,
    actor: "octocat",
    approvedBy: "reviewer",
    target: `app-${i % 20}`,
    fromSha: "abc1234",
    toSha: "def5678",
    runId: `${run}-${i}`,
    context: { release: `v${i}`, note: "benchmark" },
    createdAt: new Date(),
  });
}

async function measure(
  write: (i: number) => Promise<unknown>,
  concurrency = 1,
): Promise<{ p50: number; p95: number; perSecond: number }> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < WRITES) {
        const i = next++;
        const t = performance.now();
        await write(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), perSecond: WRITES / seconds };
}

const row = (name: string, r: { p50: number; p95: number; perSecond: number }, base: number) => ({
  writer: name,
  p50: fmt(r.p50),
  p95: fmt(r.p95),
  "writes/s": Math.round(r.perSecond),
  "vs baseline": ratio(r.perSecond, base),
});

/** The write a table without a chain takes: one statement, idempotent on the key. */
function unchainedWriter(pool: ReturnType<typeof newPool>) {
  return (i: number, run: string) => {
    const r = toAuditRow(record(run, i));
    return pool.query(
      `INSERT INTO unchained_audit (action, actor, target, outcome, context, idempotency_key, created_at)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
      [r.action, r.actor, r.target, r.outcome, JSON.stringify(r.context), r.idempotencyKey, r.createdAt],
    );
  };
}

/** Appends `count` chained rows after the head, hashed here and inserted in batches over a few connections. */
async function grow(pool: ReturnType<typeof newPool>, table: string, count: number): Promise<void> {
  const head = await pool.query<{ position: string; id: string; row_hash: string }>(
    `SELECT position, id, row_hash FROM ${table} ORDER BY position DESC LIMIT 1`,
  );
  let position = head.rows[0] ? Number(head.rows[0].position) : -1;
  let prevHash = head.rows[0]?.row_hash ?? ZERO_HASH;
  let id = head.rows[0] ? Number(head.rows[0].id) : 0;
  const BATCH = 20_000;
  const inFlight: Promise<unknown>[] = [];
  const t0 = Date.UTC(2026, 0, 1);
  for (let done = 0; done < count; done += BATCH) {
    const rows: ChainRow[] = [];
    for (let k = 0; k < Math.min(BATCH, count - done); k++) {
      position++;
      id++;
      const base = {
        id: String(id),
        position,
        prevHash,
        action: "deploy.production",
        actor: "octocat@example.com",
        target: `app-${position % 20}`,
        outcome: position % 2 ? "success" : null,
        context: { phase: position % 2 ? "completed" : "started", to_sha: "def5678", n: position },
        idempotencyKey: `bench:${position}`,
        createdAt: chainTime(new Date(t0 + position * 1000)),
      };
      const sealed = sealRow({ ...base, personal: commitPersonal(base, newSalt) });
      rows.push(sealed);
      prevHash = sealed.rowHash;
    }
    inFlight.push(
      pool.query(
        `INSERT INTO ${table} (id, position, prev_hash, row_hash, action, actor, target, outcome, context,
           idempotency_key, created_at, personal)
         SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[],
           $7::text[], $8::text[], $9::jsonb[], $10::text[], $11::timestamptz[], $12::jsonb[])`,
        [
          rows.map((r) => r.id),
          rows.map((r) => r.position),
          rows.map((r) => r.prevHash),
          rows.map((r) => r.rowHash),
          rows.map((r) => r.action),
          rows.map((r) => r.actor),
          rows.map((r) => r.target),
          rows.map((r) => r.outcome),
          rows.map((r) => JSON.stringify(r.context)),
          rows.map((r) => r.idempotencyKey),
          rows.map((r) => r.createdAt),
          rows.map((r) => JSON.stringify(r.personal)),
        ],
      ),
    );
    if (inFlight.length >= 3) await inFlight.shift();
  }
  await Promise.all(inFlight);
  await pool.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), $1)`, [id]);
}

export default async function auditBench(): Promise<void> {
  const server = await startPostgres({ database: "bench" });
  try {
    const client = await connect(server.url);
    await migrateUp(client);
    await migrateUp(client, { audit: "verify_audit" });
    await client.query(
      `CREATE TABLE unchained_audit (id bigserial PRIMARY KEY, action text NOT NULL, actor text NOT NULL,
         target text NOT NULL, outcome text, context jsonb NOT NULL, idempotency_key text NOT NULL UNIQUE,
         created_at timestamptz NOT NULL)`,
    );
    await client.end();

    // 1. Pool against connect-per-write.
    const store = await AuditStore.open(server.url, { migrate: false, poolSize: 8 });
    await store.write(record("warm", 0));
    const pooled = await measure((i) => store.write(record("pooled", i)));
    const pooled8 = await measure((i) => store.write(record("pooled8", i)), 8);
    const perWrite = await measure(async (i) => {
      const s = await AuditStore.open(server.url, { migrate: false, poolSize: 1 });
      try {
        await s.write(record("connect", i));
      } finally {
        await s.close();
      }
    });
    console.log(`${WRITES} audit writes each, loopback PostgreSQL (fsync off)`);
    table([
      row("connect per write (baseline)", perWrite, perWrite.perSecond),
      row("AuditStore pool, 1 writer", pooled, perWrite.perSecond),
      row("AuditStore pool, 8 writers", pooled8, perWrite.perSecond),
    ]);

    // 2. Chained against unchained appends, same pool size, same rows.
    const plain = newPool(server.url, { max: 8 });
    const unchained = unchainedWriter(plain);
    await unchained(0, "warm");
    const u1 = await measure((i) => unchained(i, "u1"));
    const c1 = await measure((i) => store.write(record("c1", i)));
    const u8 = await measure((i) => unchained(i, "u8"), 8);
    const c8 = await measure((i) => store.write(record("c8", i)), 8);
    console.log("\nChained appends (chain lock, head, hash) against unchained inserts");
    table([
      row("unchained, 1 writer (baseline)", u1, u1.perSecond),
      row("chained, 1 writer", c1, u1.perSecond),
      row("unchained, 8 writers (baseline)", u8, u8.perSecond),
      row("chained, 8 writers", c8, u8.perSecond),
    ]);
    console.log(
      `chained/unchained appends per second: ${ratio(c1.perSecond, u1.perSecond)} with 1 writer, ${ratio(c8.perSecond, u8.perSecond)} with 8 (aim: at least 0.50×)`,
    );
    await plain.end();
    await store.close();

    // 3. Verification, streaming, at two sizes.
    const pool = newPool(server.url, { max: 4, statementTimeoutMs: 0 });
    const verifyStore = await AuditStore.open(server.url, { migrate: false, table: "verify_audit" });
    await ensureChain(pool, "verify_audit");
    const results: Record<string, string | number>[] = [];
    let have = 1;
    for (const size of VERIFY_SIZES) {
      const t = performance.now();
      await grow(pool, "verify_audit", size - have);
      have = size;
      await pool.query("VACUUM ANALYZE verify_audit");
      const populate = (performance.now() - t) / 1000;
      global.gc?.();
      const heapBefore = process.memoryUsage().heapUsed;
      let peak = heapBefore;
      const sampler = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().heapUsed);
      }, 20);
      const v0 = performance.now();
      const report = await verifyStore.verify();
      const seconds = (performance.now() - v0) / 1000;
      clearInterval(sampler);
      if (!report.ok || report.rows !== size) throw new Error(`verify failed at ${size}: ${JSON.stringify(report.break)}`);
      results.push({
        rows: size,
        "populate s": populate.toFixed(1),
        "verify s": seconds.toFixed(1),
        "rows/s": Math.round(size / seconds),
        "peak heap growth MB": ((peak - heapBefore) / 1e6).toFixed(1),
      });
    }
    await verifyStore.close();
    await pool.end();
    console.log("\nprodgate audit verify (store.verify), streaming the chain");
    table(results);
    const [small, large] = results;
    if (small && large)
      console.log(
        `verify at ${large.rows} rows: ${large["verify s"]} s (limit 60 s); heap growth ${small["peak heap growth MB"]} MB at ${small.rows} rows, ${large["peak heap growth MB"]} MB at ${large.rows}`,
      );
  } finally {
    await server.stop();
  }
}
