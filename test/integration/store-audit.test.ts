import {
  copyFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createServer, type Server, type Socket, connect as tcpConnect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUDIT_REFUSED, type AuditRecordFields, buildAuditRecord } from "../../src/core/audit.js";
import { AuditError } from "../../src/core/errors.js";
import { freePort } from "../../src/sandbox/postgres.js";
import { AuditStore } from "../../src/store/audit.js";
import { connect, DatabaseError } from "../../src/store/db.js";
import { pruneAuditLog } from "../../src/store/prune.js";
import { REPLAYED_DIR, recordAudit, replaySpool, spoolRecord } from "../../src/store/spool.js";
import { canary } from "../support/canary.js";
import { freshDatabase } from "../support/db.js";

const fields = (over: Partial<AuditRecordFields> = {}): AuditRecordFields => ({
  action: "deploy.production",
  phase: "started",
  actor: "octocat",
  target: "shop",
  runId: "100",
  runAttempt: 1,
  createdAt: new Date(),
  ...over,
});

/** A loopback TCP proxy to the database that can be taken down (connections cut, port closed) and back up. */
class Outage {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  port = 0;
  constructor(private readonly target: URL) {}
  url(): string {
    const u = new URL(this.target);
    u.port = String(this.port);
    return u.toString();
  }
  async up(): Promise<void> {
    if (!this.port) this.port = await freePort();
    this.server = createServer((client) => {
      const upstream = tcpConnect(Number(this.target.port), "127.0.0.1");
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on("close", () => this.sockets.delete(s));
        s.on("error", () => {});
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((r) => this.server?.listen(this.port, "127.0.0.1", r));
  }
  async down(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
    this.server = undefined;
  }
}

describe("AuditStore on a real PostgreSQL", () => {
  let db: { url: string; drop(): Promise<void> };
  let store: AuditStore;
  const spoolRoot = mkdtempSync(join(tmpdir(), "prodgate-spool-"));
  let closedPortUrl: string;

  beforeAll(async () => {
    db = await freshDatabase("audit");
    store = await AuditStore.open(db.url);
    const u = new URL(db.url);
    u.port = String(await freePort());
    closedPortUrl = u.toString();
  });
  afterAll(async () => {
    await store.close();
    await db.drop();
    rmSync(spoolRoot, { recursive: true, force: true });
  });

  const count = async (key?: string) => {
    const c = await connect(db.url);
    try {
      const res = await c.query<{ n: string }>(
        `SELECT count(*)::text AS n FROM console_audit_log ${key ? "WHERE idempotency_key = $1" : ""}`,
        key ? [key] : [],
      );
      return Number(res.rows[0]?.n);
    } finally {
      await c.end();
    }
  };

  it("writes a row and, for the same step again, returns the same id without a second row", async () => {
    const record = buildAuditRecord(
      fields({ runId: "idem-1", approvedBy: "reviewer", fromSha: "abc1234", toSha: "def5678" }),
    );
    const first = await store.write(record);
    const again = await store.write(
      buildAuditRecord(fields({ runId: "idem-1", createdAt: new Date(Date.now() + 5000) })),
    );
    expect(first.duplicate).toBe(false);
    expect(again).toEqual({ id: first.id, duplicate: true });
    expect(await count(record.idempotencyKey)).toBe(1);
    const row = await store.findByKey(record.idempotencyKey);
    expect(row).toMatchObject({
      id: first.id,
      action: "deploy.production",
      actor: "octocat",
      target: "shop",
      outcome: null,
      context: {
        phase: "started",
        approved_by: "reviewer",
        from_sha: "abc1234",
        to_sha: "def5678",
        target_app: "shop",
      },
    });
    expect(row?.createdAt.toISOString()).toBe(record.createdAt.toISOString());
  });

  it("keeps 200 concurrent writers (each racing its own retry) to 200 rows, none lost or doubled", async () => {
    const stores = await Promise.all(
      Array.from({ length: 10 }, () => AuditStore.open(db.url, { migrate: false, poolSize: 10 })),
    );
    try {
      const records = Array.from({ length: 200 }, (_, i) =>
        buildAuditRecord(fields({ runId: `burst-${i}`, phase: "completed", outcome: "success" })),
      );
      const results = await Promise.all(
        records.flatMap((r, i) => [stores[i % 10]!.write(r), stores[(i + 3) % 10]!.write(r)]),
      );
      const c = await connect(db.url);
      try {
        const res = await c.query<{ n: string; keys: string }>(
          "SELECT count(*)::text AS n, count(DISTINCT idempotency_key)::text AS keys FROM console_audit_log WHERE idempotency_key LIKE 'run:burst-%'",
        );
        expect(res.rows[0]).toEqual({ n: "200", keys: "200" });
      } finally {
        await c.end();
      }
      for (let i = 0; i < 200; i++) {
        const [a, b] = [results[2 * i]!, results[2 * i + 1]!];
        expect(a.id).toBe(b.id);
        expect([a.duplicate, b.duplicate].sort()).toEqual([false, true]);
      }
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  it("retries through a short outage with backoff and writes once", async () => {
    const outage = new Outage(new URL(db.url));
    await outage.up();
    // A virtual sleep: the backoff waits are recorded, and the database comes back during the second one.
    const waits: number[] = [];
    let down = false;
    const sleep = async (ms: number) => {
      if (!down) return;
      waits.push(ms);
      if (waits.length === 2) await outage.up();
    };
    const flaky = await AuditStore.open(outage.url(), {
      migrate: false,
      retry: { baseMs: 150, retries: 5, sleep },
    });
    try {
      await flaky.write(buildAuditRecord(fields({ runId: "outage-warm" })));
      await outage.down();
      down = true;
      const record = buildAuditRecord(fields({ runId: "outage-1" }));
      const result = await flaky.write(record);
      // Two failed tries, each followed by a longer wait, then the write that went through.
      expect(waits).toHaveLength(2);
      expect(waits[1]!).toBeGreaterThan(waits[0]!);
      expect(result.duplicate).toBe(false);
      expect(await count(record.idempotencyKey)).toBe(1);
    } finally {
      await flaky.close();
      await outage.down();
    }
  });

  it("refuses a started row when the database is down: the deploy must not go on", async () => {
    const opening = AuditStore.open(closedPortUrl, { retry: { retries: 2, baseMs: 20 } });
    const record = buildAuditRecord(fields({ runId: "down-started" }));
    const error = await recordAudit(opening, record, { spoolDir: join(spoolRoot, "never") }).catch((e) => e);
    expect(error).toBeInstanceOf(AuditError);
    expect(error.message).toBe(
      `${AUDIT_REFUSED} (cannot migrate the audit database: cannot connect to the database: connection refused)`,
    );
    expect(error.message).not.toContain(new URL(closedPortUrl).password);
    expect(() => readdirSync(join(spoolRoot, "never"))).toThrow();
  });

  it("spools a completed row the database did not take; replay writes it once, however often it runs", async () => {
    const spool = join(spoolRoot, "completed");
    const opening = AuditStore.open(closedPortUrl, { migrate: false, retry: { retries: 2, baseMs: 20 } });
    const record = buildAuditRecord(
      fields({
        runId: "down-completed",
        phase: "completed",
        outcome: "deploy_failed",
        context: { release: "v9" },
      }),
    );
    const result = await recordAudit(opening, record, { spoolDir: spool });
    await (await opening).close();
    expect(result).toMatchObject({ spooled: true, reason: "cannot write the audit row: connection refused" });
    const file = (result as { file: string }).file;
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(spool).mode & 0o777).toBe(0o700);
    expect(JSON.parse(readFileSync(file, "utf8")).record.idempotencyKey).toBe(record.idempotencyKey);

    expect(await replaySpool(spool, store)).toEqual({ written: 1, duplicates: 0, invalid: [] });
    expect(await replaySpool(spool, store)).toEqual({ written: 0, duplicates: 0, invalid: [] });
    const replayed = join(spool, REPLAYED_DIR, readdirSync(join(spool, REPLAYED_DIR))[0]!);
    copyFileSync(replayed, join(spool, "again.json"));
    expect(await replaySpool(spool, store)).toEqual({ written: 0, duplicates: 1, invalid: [] });
    expect(await count(record.idempotencyKey)).toBe(1);
    const row = await store.findByKey(record.idempotencyKey);
    expect(row?.outcome).toBe("deploy_failed");
    expect(row?.createdAt.toISOString()).toBe(record.createdAt.toISOString());
    expect(row?.context.details).toEqual({ release: "v9" });
  });

  it("replays oldest first, skips files that are not records and leaves them in place", async () => {
    const spool = join(spoolRoot, "mixed");
    const older = buildAuditRecord(fields({ runId: "order", createdAt: new Date("2026-01-01T00:00:00Z") }));
    const newer = buildAuditRecord(
      fields({
        runId: "order",
        phase: "completed",
        outcome: "success",
        createdAt: new Date("2026-01-01T00:05:00Z"),
      }),
    );
    await spoolRecord(spool, newer);
    await spoolRecord(spool, older);
    writeFileSync(join(spool, "junk.json"), "{not json");
    const order: string[] = [];
    const result = await replaySpool(spool, store, { onRecord: (_f, r) => order.push(r.id) });
    expect(result.written).toBe(2);
    expect(result.invalid).toEqual(["Input 'junk.json' is not valid JSON"]);
    expect(Number(order[0])).toBeLessThan(Number(order[1]));
    expect(readdirSync(spool).sort()).toEqual(["junk.json", REPLAYED_DIR]);
  });

  it("stores a redacted context: no canary reaches the database", async () => {
    const token = canary("token");
    const masked = canary("masked");
    const record = buildAuditRecord(
      fields({
        runId: "redact",
        context: {
          heroku_api_key: token,
          nested: { Authorization: `Bearer ${token}`, note: `was ${masked}` },
        },
        secrets: [masked],
      }),
    );
    await store.write(record);
    const c = await connect(db.url);
    try {
      const res = await c.query<{ t: string }>(
        "SELECT context::text AS t FROM console_audit_log WHERE idempotency_key = $1",
        [record.idempotencyKey],
      );
      const stored = res.rows[0]?.t ?? "";
      expect(stored).toContain('"note": "was ***"');
      expect(stored).not.toContain("canary-");
    } finally {
      await c.end();
    }
  });

  it("reads rows newest first, filtered by target, action and phase", async () => {
    const rows = await store.read({ target: "shop", phase: "completed", limit: 3 });
    expect(rows).toHaveLength(3);
    for (const r of rows) expect(r.context.phase).toBe("completed");
    for (let i = 1; i < rows.length; i++)
      expect(rows[i - 1]!.createdAt.getTime()).toBeGreaterThanOrEqual(rows[i]!.createdAt.getTime());
  });

  it("prunes rows older than the retention, in batches, with a dry run first", async () => {
    const old = (i: number) =>
      buildAuditRecord(
        fields({ runId: `old-${i}`, target: "legacy", createdAt: new Date(Date.UTC(2020, 0, 1 + i)) }),
      );
    // Prune deletes a prefix of the chain (docs/audit-chain.md): the old rows come first, in a table of their own.
    const own = await freshDatabase("prune");
    const store = await AuditStore.open(own.url);
    for (let i = 0; i < 7; i++) await store.write(old(i));
    await store.write(buildAuditRecord(fields({ runId: "young", target: "legacy" })));
    const count = async () => (await store.read({ limit: 10_000 })).length;
    const before = new Date(Date.UTC(2024, 0, 1));
    const c = await connect(own.url);
    try {
      const total = await count();
      // The seven old rows, and the genesis row before them.
      expect(await pruneAuditLog(c, { before, dryRun: true })).toBe(8);
      expect(await count()).toBe(total);
      expect(await pruneAuditLog(c, { before, batchSize: 3 })).toBe(8);
      expect(await count()).toBe(total - 8);
      expect((await store.read({ target: "legacy" })).map((r) => r.idempotencyKey)).toEqual([
        buildAuditRecord(fields({ runId: "young", target: "legacy" })).idempotencyKey,
      ]);
    } finally {
      await c.end();
      await store.close();
      await own.drop();
    }
  });

  it("names what failed without the URL's parts", async () => {
    const user = canary("user").replace(/-/g, "_");
    const password = canary("pass");
    const u = new URL(db.url);
    u.username = user;
    u.password = password;
    const error = await AuditStore.open(u.toString()).catch((e) => e);
    expect(error).toBeInstanceOf(DatabaseError);
    expect(error.message).toBe(
      "cannot migrate the audit database: cannot connect to the database: password authentication failed",
    );
    const missingTable = await AuditStore.open(db.url, { table: "no_such_table", migrate: false });
    try {
      const e = await missingTable.write(buildAuditRecord(fields({ runId: "x" }))).catch((err) => err);
      expect(e.message).toBe('cannot write the audit row: relation "no_such_table" does not exist (42P01)');
      expect(e.retryable).toBe(false);
    } finally {
      await missingTable.close();
    }
  });
});
