import { generateKeyPairSync, type KeyObject } from "node:crypto";
import type pg from "pg";
import { describe, expect, it } from "vitest";
import { type AuditRecordFields, buildAuditRecord } from "../../src/core/audit.js";
import { TOMBSTONE } from "../../src/core/audit-chain.js";
import { buildCheckpoint } from "../../src/core/audit-checkpoint.js";
import { AuditStore } from "../../src/store/audit.js";
import { insertCheckpoint, writeCheckpoint } from "../../src/store/checkpoints.js";
import { connect } from "../../src/store/db.js";
import { loadMigrations, migrateUp } from "../../src/store/migrate.js";
import { pruneAuditTrail } from "../../src/store/prune.js";
import {
  chainRows,
  exportToFile,
  pythonVerify,
  rehashFrom,
  writeCheckpointFile,
} from "../support/audit-chain.js";
import { freshDatabase } from "../support/db.js";

const key: KeyObject = generateKeyPairSync("ed25519").privateKey;

const fields = (i: number, over: Partial<AuditRecordFields> = {}): AuditRecordFields => ({
  action: "deploy.production",
  phase: i % 2 ? "completed" : "started",
  outcome: i % 2 ? "success" : undefined,
  actor: i % 3 === 0 ? "ada@example.com" : "octocat@example.com",
  approvedBy: i % 4 === 1 ? "ada@example.com" : "reviewer@example.com",
  target: "shop",
  fromSha: "abc1234",
  toSha: "def5678",
  runId: `run-${i}`,
  context: { release: `v${i}`, ratio: i / 3 },
  createdAt: new Date(Date.UTC(2026, 3, 1, 12, 0, i)),
  ...over,
});

interface World {
  url: string;
  store: AuditStore;
  client: pg.Client;
  drop(): Promise<void>;
}

async function world(rows = 8): Promise<World> {
  const db = await freshDatabase("chain");
  const store = await AuditStore.open(db.url);
  for (let i = 0; i < rows; i++) await store.write(buildAuditRecord(fields(i)));
  const client = await connect(db.url);
  return {
    url: db.url,
    store,
    client,
    async drop() {
      await client.end();
      await store.close();
      await db.drop();
    },
  };
}

/** Node's verify and the Python verifier over an export, with the same key and checkpoint files. */
async function bothVerdicts(
  w: World,
  opts: { publicKey?: KeyObject; files?: string[]; docs?: Parameters<typeof writeCheckpointFile>[1][] } = {},
) {
  const exported = await exportToFile(w.store);
  try {
    const files = (opts.docs ?? []).map((d, i) => writeCheckpointFile(exported.dir, d, `cp-${i}.json`));
    const node = await w.store.verify({
      publicKey: opts.publicKey,
      checkpoints: (opts.docs ?? []).map((doc, i) => ({ source: files[i]!, doc })),
    });
    const python = pythonVerify(exported.file, { publicKey: opts.publicKey, checkpoints: files });
    return { node, python };
  } finally {
    exported.done();
  }
}

describe("the audit chain on a real PostgreSQL", () => {
  it("a clean chain verifies in Node and in the independent Python verifier", async () => {
    const w = await world();
    try {
      const rows = await chainRows(w.client);
      expect(rows.map((r) => r.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
      expect(rows[0]!.action).toBe("audit.genesis");
      const stored = await writeCheckpoint(w.store, key, { reason: "manual" });
      const { node, python } = await bothVerdicts(w, { publicKey: key, docs: [stored.document!] });
      expect(node).toMatchObject({ ok: true, rows: 9, head: { position: 8 } });
      expect(node.checkpoints).toMatchObject({ total: 2, valid: 2 });
      expect(python).toMatchObject({ ok: true, rows: 9, head: 8 });
    } finally {
      await w.drop();
    }
  });

  it("200 concurrent writers make one gapless chain; a retried key still returns the row already written", async () => {
    const db = await freshDatabase("chain200");
    const stores = await Promise.all(
      Array.from({ length: 4 }, () => AuditStore.open(db.url, { poolSize: 10 })),
    );
    try {
      const records = Array.from({ length: 200 }, (_, i) => buildAuditRecord(fields(i, { runId: `c-${i}` })));
      const results = await Promise.all(
        [...records, ...records.slice(0, 50)].map((r, i) => stores[i % 4]!.write(r)),
      );
      const firsts = results.slice(0, 200);
      const retries = results.slice(200);
      expect(firsts.filter((r) => r.duplicate).length + retries.filter((r) => r.duplicate).length).toBe(50);
      const byKey = new Map<string, string>();
      results.forEach((r, i) => {
        const k = records[i % 200]!.idempotencyKey;
        if (byKey.has(k)) expect(r.id).toBe(byKey.get(k));
        else byKey.set(k, r.id);
      });
      const c = await connect(db.url);
      try {
        const rows = await chainRows(c);
        expect(rows).toHaveLength(201);
        expect(rows.map((r) => r.position)).toEqual(Array.from({ length: 201 }, (_, i) => i));
      } finally {
        await c.end();
      }
      const report = await stores[0]!.verify();
      expect(report).toMatchObject({ ok: true, rows: 201 });
    } finally {
      await Promise.all(stores.map((s) => s.close()));
      await db.drop();
    }
  });

  it("a database written before the chain: its rows are chained from a genesis row, in id order", async () => {
    const db = await freshDatabase("legacy");
    const c = await connect(db.url);
    try {
      // Back to the schema before the chain, then rows written the old way (plain SQL, microsecond times).
      await c.query(`DROP TABLE console_audit_log CASCADE; DROP TABLE IF EXISTS console_audit_log_checkpoints;
        DELETE FROM prodgate_migrations WHERE version IN (1, 4)`);
      const before = loadMigrations().filter((m) => m.version < 4);
      await migrateUp(c, {}, before);
      await c.query(
        `INSERT INTO console_audit_log (action, actor, target, outcome, context, idempotency_key, created_at)
         SELECT 'deploy.production', 'ada@example.com', 'shop', NULL,
                jsonb_build_object('phase', 'started', 'actor', 'ada@example.com', 'approved_by', 'bob@example.com', 'n', i),
                'legacy-' || i, now() - (i || ' minutes')::interval
           FROM generate_series(1, 25) AS i`,
      );
      const store = await AuditStore.open(db.url);
      try {
        const rows = await chainRows(c);
        expect(rows).toHaveLength(26);
        expect(rows[0]).toMatchObject({ action: "audit.genesis", id: "0", context: { chained_rows: 25 } });
        expect(rows.slice(1).map((r) => Number(r.id))).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
        expect(rows[1]!.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
        await store.write(buildAuditRecord(fields(1)));
        const exported = await exportToFile(store);
        try {
          expect(await store.verify()).toMatchObject({ ok: true, rows: 27 });
          expect(pythonVerify(exported.file)).toMatchObject({ ok: true, rows: 27 });
        } finally {
          exported.done();
        }
      } finally {
        await store.close();
      }
    } finally {
      await c.end();
      await db.drop();
    }
  });

  const rowAt = async (w: World, position: number) =>
    (
      await w.client.query<{ id: string }>(
        "SELECT id::text AS id FROM console_audit_log WHERE position = $1",
        [position],
      )
    ).rows[0]!.id;

  const tampering: {
    name: string;
    kind: string;
    /** Does the damage; returns the id the break must name. */
    attack(
      w: World,
      signed: () => Promise<Parameters<typeof writeCheckpointFile>[1]>,
    ): Promise<{ id: string | null; docs?: Parameters<typeof writeCheckpointFile>[1][] }>;
  }[] = [
    {
      name: "an UPDATE of a context field",
      kind: "modified",
      async attack(w) {
        const id = await rowAt(w, 4);
        await w.client.query(
          `UPDATE console_audit_log SET context = jsonb_set(context, '{to_sha}', '"bad0000"') WHERE id = $1`,
          [id],
        );
        return { id };
      },
    },
    {
      name: "an UPDATE of the actor (outside the hash, behind its commitment)",
      kind: "modified",
      async attack(w) {
        const id = await rowAt(w, 3);
        await w.client.query(
          `UPDATE console_audit_log SET actor = 'mallory@example.com', context = context || '{"actor":"mallory@example.com"}' WHERE id = $1`,
          [id],
        );
        return { id };
      },
    },
    {
      name: "a DELETE in the middle",
      kind: "deleted",
      async attack(w) {
        await w.client.query("DELETE FROM console_audit_log WHERE position = 5");
        return { id: await rowAt(w, 6) };
      },
    },
    {
      name: "a DELETE of the last rows after a checkpoint",
      kind: "truncated",
      async attack(w, signed) {
        const doc = await signed();
        await w.client.query("DELETE FROM console_audit_log WHERE position >= 6");
        await w.client.query("DELETE FROM console_audit_log_checkpoints");
        return { id: await rowAt(w, 5), docs: [doc] };
      },
    },
    {
      name: "a plain INSERT",
      kind: "inserted",
      async attack(w) {
        const res = await w.client.query<{ id: string }>(
          `INSERT INTO console_audit_log (action, actor, target, context, idempotency_key)
           VALUES ('deploy.production', 'mallory@example.com', 'shop', '{"phase":"completed"}', 'forged') RETURNING id::text AS id`,
        );
        return { id: res.rows[0]!.id };
      },
    },
    {
      name: "two rows' positions swapped",
      kind: "out_of_order",
      async attack(w) {
        const a = await rowAt(w, 3);
        const b = await rowAt(w, 4);
        await w.client.query(`UPDATE console_audit_log SET position = -1 WHERE id = $1;`, [a]);
        await w.client.query(`UPDATE console_audit_log SET position = 3 WHERE id = $1;`, [b]);
        await w.client.query(`UPDATE console_audit_log SET position = 4 WHERE id = $1;`, [a]);
        return { id: b };
      },
    },
    {
      name: "an edit followed by recomputing every later hash (caught by the checkpoint signed before it)",
      kind: "rewritten",
      async attack(w, signed) {
        const doc = await signed();
        const id = await rowAt(w, 2);
        await w.client.query(
          `UPDATE console_audit_log SET context = jsonb_set(context, '{to_sha}', '"bad0000"') WHERE id = $1`,
          [id],
        );
        await rehashFrom(w.client, 2);
        await w.client.query("DELETE FROM console_audit_log_checkpoints");
        return { id: await rowAt(w, doc.position), docs: [doc] };
      },
    },
    {
      name: "an INSERT in the middle, later rows renumbered (ids too) and rehashed (caught by the checkpoint)",
      kind: "rewritten",
      async attack(w, signed) {
        const doc = await signed();
        await w.client.query(
          `UPDATE console_audit_log SET position = position + 1000, id = id + 1000 WHERE position >= 3`,
        );
        await w.client.query(
          `UPDATE console_audit_log SET position = position - 999, id = id - 999 WHERE position >= 1000`,
        );
        const at = await w.client.query<{ id: string }>(
          "SELECT (id - 1)::text AS id FROM console_audit_log WHERE position = 4",
        );
        await w.client.query(
          `INSERT INTO console_audit_log (id, action, actor, target, context, idempotency_key, created_at, position, personal)
           SELECT $1, action, actor, target, context || '{"to_sha":"bad0000"}', 'forged', created_at, 3, personal
             FROM console_audit_log WHERE position = 2`,
          [at.rows[0]!.id],
        );
        await rehashFrom(w.client, 3);
        await w.client.query("DELETE FROM console_audit_log_checkpoints");
        return { id: await rowAt(w, doc.position), docs: [doc] };
      },
    },
    {
      name: "a checkpoint forged in the table with another key",
      kind: "bad_checkpoint",
      async attack(w) {
        const other = generateKeyPairSync("ed25519").privateKey;
        const head = (await chainRows(w.client)).at(-1)!;
        const doc = buildCheckpoint(
          {
            table: "console_audit_log",
            position: head.position,
            rowId: head.id,
            headHash: head.rowHash,
            time: new Date(),
            reason: "manual",
          },
          other,
        );
        await insertCheckpoint(w.client, "console_audit_log", doc);
        return { id: null };
      },
    },
  ];

  for (const t of tampering) {
    it(`finds ${t.name} and names it (${t.kind}), as the Python verifier does`, async () => {
      const w = await world();
      try {
        const signed = async () => (await writeCheckpoint(w.store, key, { reason: "deploy" })).document!;
        const { id, docs } = await t.attack(w, signed);
        const { node, python } = await bothVerdicts(w, { publicKey: key, docs });
        expect(node.ok).toBe(false);
        expect(node.break).toMatchObject({ kind: t.kind, id });
        expect(python).toMatchObject({ ok: false, kind: t.kind, id });
      } finally {
        await w.drop();
      }
    });
  }

  it("erasure tombstones the person as actor and as approver, drops the salts, and the chain still verifies", async () => {
    const w = await world(12);
    try {
      const result = await w.store.erase("ADA@example.com", "dpo@example.com", new Date());
      const dump = JSON.stringify((await w.client.query("SELECT * FROM console_audit_log")).rows);
      expect(dump.toLowerCase()).not.toContain("ada@example.com");
      const rows = await chainRows(w.client);
      const erased = rows.filter((r) => r.actor === TOMBSTONE || r.context.approved_by === TOMBSTONE);
      expect(result.rows).toBe(erased.length);
      expect(erased.length).toBeGreaterThan(3);
      const record = rows.at(-1)!;
      expect(record).toMatchObject({
        action: "audit.erased",
        actor: "dpo@example.com",
        context: { rows: erased.length },
      });
      expect(JSON.stringify(record.context)).not.toContain("ada");
      for (const r of erased) {
        for (const entry of Object.values(r.personal))
          if (entry && !entry.salt) expect(entry.erased_by).toBe(record.position);
      }
      const { node, python } = await bothVerdicts(w, { publicKey: key });
      expect(node).toMatchObject({ ok: true });
      expect(python).toMatchObject({ ok: true });
      // A tombstone forged on a row nobody erased is a modification.
      const victim = rows.find((r) => r.actor === "octocat@example.com")!;
      await w.client.query(
        `UPDATE console_audit_log SET actor = $1, personal = jsonb_set(personal, '{actor}', jsonb_build_object('commitment', personal->'actor'->'commitment', 'erased_by', $2::int)) WHERE id = $3`,
        [TOMBSTONE, record.position, victim.id],
      );
      const forged = await bothVerdicts(w, { publicKey: key });
      const firstRef = rows.find((r) => erased.includes(r) || r.id === victim.id)!.id;
      expect(forged.node.break).toMatchObject({ kind: "modified", id: firstRef });
      expect(forged.python).toMatchObject({ ok: false, kind: "modified", id: forged.node.break?.id });
    } finally {
      await w.drop();
    }
  });

  it("a row erased twice (its approver, later its actor) names both erasures and still verifies", async () => {
    const w = await world(8);
    try {
      const first = await w.store.erase("ada@example.com", "dpo@example.com", new Date());
      const second = await w.store.erase("octocat@example.com", "dpo@example.com", new Date());
      const id2 = await rowAt(w, 2);
      const row = (await chainRows(w.client)).find((r) => r.id === id2)!;
      expect(row.personal["context.approved_by"]?.erased_by).toBe(first.erasure.position);
      expect(row.personal.actor?.erased_by).toBe(second.erasure.position);
      const { node, python } = await bothVerdicts(w, { publicKey: key });
      expect(node).toMatchObject({ ok: true });
      expect(python).toMatchObject({ ok: true });
      // Changing the count an erasure row claims (and rehashing everything after) is still caught.
      await w.client.query(
        `UPDATE console_audit_log SET context = jsonb_set(context, '{rows}', '1') WHERE position = $1`,
        [second.erasure.position],
      );
      await rehashFrom(w.client, second.erasure.position);
      const after = await bothVerdicts(w, { publicKey: key });
      expect(after.node.break?.kind).toBe("modified");
      expect(after.python).toMatchObject({ ok: false, kind: "modified", id: after.node.break?.id });
    } finally {
      await w.drop();
    }
  });

  it("prune records a signed checkpoint of the pruned prefix first; the rest verifies from there", async () => {
    const db = await freshDatabase("prune");
    const store = await AuditStore.open(db.url);
    const c = await connect(db.url);
    try {
      for (let i = 0; i < 6; i++)
        await store.write(buildAuditRecord(fields(i, { createdAt: new Date(Date.UTC(2020, 0, 1 + i)) })));
      for (let i = 6; i < 10; i++) await store.write(buildAuditRecord(fields(i)));
      // A row replayed late with an old time waits for the rows before it.
      await store.write(buildAuditRecord(fields(10, { createdAt: new Date(Date.UTC(2020, 5, 1)) })));
      const before = new Date(Date.UTC(2024, 0, 1));
      expect(await pruneAuditTrail(c, { before, dryRun: true })).toEqual({ count: 7 });
      const pruned = await pruneAuditTrail(c, { before, signingKey: key, batchSize: 2, now: new Date() });
      expect(pruned.count).toBe(7);
      expect(pruned.checkpoint).toMatchObject({ reason: "prune", position: 6, pruned_rows: 7 });
      expect(pruned.checkpoint?.signature).toBeTruthy();
      const rows = await chainRows(c);
      expect(rows.map((r) => r.position)).toEqual([7, 8, 9, 10, 11]);
      const { node, python } = await bothVerdicts(
        { url: db.url, store, client: c, drop: async () => {} },
        { publicKey: key },
      );
      expect(node).toMatchObject({ ok: true, start: 7, rows: 5 });
      expect(python).toMatchObject({ ok: true, rows: 5 });
      // Deleting the prune checkpoint leaves a prefix nobody accounts for.
      await c.query("DELETE FROM console_audit_log_checkpoints");
      const gone = await bothVerdicts(
        { url: db.url, store, client: c, drop: async () => {} },
        { publicKey: key },
      );
      expect(gone.node.break).toMatchObject({ kind: "deleted", id: rows[0]!.id });
      expect(gone.python).toMatchObject({ kind: "deleted", id: rows[0]!.id });
    } finally {
      await c.end();
      await store.close();
      await db.drop();
    }
  });

  it("prune without a key records the checkpoint unsigned: it verifies without a public key, not with one", async () => {
    const db = await freshDatabase("prune_unsigned");
    const store = await AuditStore.open(db.url);
    const c = await connect(db.url);
    try {
      for (let i = 0; i < 4; i++)
        await store.write(buildAuditRecord(fields(i, { createdAt: new Date(Date.UTC(2020, 0, 1 + i)) })));
      await store.write(buildAuditRecord(fields(4)));
      const pruned = await pruneAuditTrail(c, { before: new Date(Date.UTC(2024, 0, 1)) });
      expect(pruned.checkpoint).toMatchObject({ signature: null, key_id: null, position: 4 });
      expect(await store.verify()).toMatchObject({ ok: true, start: 5 });
      expect((await store.verify({ publicKey: key })).break).toMatchObject({ kind: "deleted" });
    } finally {
      await c.end();
      await store.close();
      await db.drop();
    }
  });
});
