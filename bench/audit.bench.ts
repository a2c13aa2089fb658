// 1,000 audit writes through AuditStore (a pool kept open) against a connect-per-write baseline (open,
// write, close for every row, as a psql one-liner per deploy would), on a sandbox PostgreSQL in the same run.
// Latency p50/p95 of sequential writes, throughput of both, and of the pool with 8 writers at once.
import { buildAuditRecord } from "../src/core/audit.js";
import { startPostgres } from "../src/sandbox/postgres.js";
import { AuditStore } from "../src/store/audit.js";
import { connect } from "../src/store/db.js";
import { migrateUp } from "../src/store/migrate.js";
import { fmt, percentile, ratio, table } from "./lib.js";

const WRITES = 1000;

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

export default async function auditBench(): Promise<void> {
  const server = await startPostgres({ database: "bench" });
  try {
    const client = await connect(server.url);
    await migrateUp(client);
    await client.end();

    const store = await AuditStore.open(server.url, { migrate: false, poolSize: 8 });
    await store.write(record("warm", 0));
    const pooled = await measure((i) => store.write(record("pooled", i)));
    const pooled8 = await measure((i) => store.write(record("pooled8", i)), 8);
    await store.close();

    const perWrite = await measure(async (i) => {
      const s = await AuditStore.open(server.url, { migrate: false, poolSize: 1 });
      try {
        await s.write(record("connect", i));
      } finally {
        await s.close();
      }
    });

    const row = (name: string, r: { p50: number; p95: number; perSecond: number }) => ({
      writer: name,
      p50: fmt(r.p50),
      p95: fmt(r.p95),
      "writes/s": Math.round(r.perSecond),
      "throughput vs baseline": ratio(r.perSecond, perWrite.perSecond),
    });
    console.log(`${WRITES} audit writes each, loopback PostgreSQL (fsync off)`);
    table([
      row("connect per write (baseline)", perWrite),
      row("AuditStore pool, 1 writer", pooled),
      row("AuditStore pool, 8 writers", pooled8),
    ]);
    console.log(`p50 latency: pool ${ratio(perWrite.p50, pooled.p50)} faster than connect-per-write`);
  } finally {
    await server.stop();
  }
}
