import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect } from "../../src/store/db.js";
import { migrateDown } from "../../src/store/migrate.js";
import { RotationJobStore } from "../../src/store/rotation-jobs.js";
import { freshDatabase } from "../support/db.js";

describe("console_rotation_jobs", () => {
  let db: { url: string; drop(): Promise<void> };
  let store: RotationJobStore;
  const t0 = new Date("2026-05-10T12:00:00Z");

  beforeAll(async () => {
    db = await freshDatabase("rot");
    store = await RotationJobStore.open(db.url);
  });
  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  it("creates a queued job with a rot_ id, and no second one while it is queued or running", async () => {
    const job = await store.create({
      secretName: "A",
      triggeredBy: "rotation-sweep",
      triggeredAt: t0,
      steps: { workflow: "rotate.yml" },
    });
    expect(job).toMatchObject({
      secretName: "A",
      status: "queued",
      triggeredAt: t0,
      steps: { workflow: "rotate.yml" },
    });
    expect(job?.id).toMatch(/^rot_[0-9a-f]{12}$/);
    expect(await store.create({ secretName: "A", triggeredBy: "other", triggeredAt: t0 })).toBeUndefined();
    await store.update(job!.id, { status: "running", at: t0 });
    expect(await store.create({ secretName: "A", triggeredBy: "other", triggeredAt: t0 })).toBeUndefined();
    const done = await store.update(job!.id, {
      status: "completed",
      steps: { run_id: 7 },
      at: new Date(t0.getTime() + 1000),
    });
    expect(done).toMatchObject({
      status: "completed",
      completedAt: new Date(t0.getTime() + 1000),
      steps: { workflow: "rotate.yml", run_id: 7 },
    });
    expect(await store.update(job!.id, { status: "failed", errorMsg: "late", at: t0 })).toBeUndefined();
    expect((await store.get(job!.id))?.status).toBe("completed");
    const next = await store.create({
      secretName: "A",
      triggeredBy: "rotation-sweep",
      triggeredAt: new Date(t0.getTime() + 5000),
    });
    expect(next?.status).toBe("queued");
    expect((await store.history("A")).map((j) => j.id)).toEqual([next?.id, job?.id]);
    expect((await store.active()).map((j) => j.id)).toEqual([next?.id]);
  });

  it("lets exactly one of many concurrent creators win, across separate connections", async () => {
    const others = await Promise.all([1, 2, 3].map(() => RotationJobStore.open(db.url, { migrate: false })));
    try {
      const results = await Promise.all(
        [store, ...others, store, ...others].map((s, i) =>
          s.create({ secretName: "RACE", triggeredBy: `sweep-${i}`, triggeredAt: t0 }),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await store.history("RACE")).toHaveLength(1);
    } finally {
      await Promise.all(others.map((o) => o.close()));
    }
  });

  it("drops keys that name secrets from the steps it stores", async () => {
    const job = await store.create({
      secretName: "B",
      triggeredBy: "x",
      triggeredAt: t0,
      steps: { workflow: "w.yml", token: "value" },
    });
    expect(job?.steps).toEqual({ workflow: "w.yml" });
  });

  it("works under a configured table name, and the down migration removes the table", async () => {
    const custom = await RotationJobStore.open(db.url, { table: "ops_rotation_jobs" });
    try {
      const job = await custom.create({ secretName: "C", triggeredBy: "x", triggeredAt: t0 });
      expect(await custom.create({ secretName: "C", triggeredBy: "y", triggeredAt: t0 })).toBeUndefined();
      expect(job?.status).toBe("queued");
    } finally {
      await custom.close();
    }
    const client = await connect(db.url);
    try {
      const indexes = await client.query<{ indexname: string }>(
        "SELECT indexname FROM pg_indexes WHERE tablename = 'ops_rotation_jobs' ORDER BY indexname",
      );
      expect(indexes.rows.map((r) => r.indexname)).toEqual([
        "ops_rotation_jobs_one_active_idx",
        "ops_rotation_jobs_pkey",
        "ops_rotation_jobs_revoke_at_idx",
        "ops_rotation_jobs_secret_triggered_idx",
      ]);
      await expect(
        client.query(
          "INSERT INTO console_rotation_jobs (id, secret_name, triggered_by, triggered_at, status) VALUES ('rot_x', 'D', 'x', now(), 'exploded')",
        ),
      ).rejects.toThrow(/check constraint/);
      await migrateDown(client, 2);
      const left = await client.query("SELECT to_regclass('console_rotation_jobs') AS t");
      expect(left.rows[0].t).toBeNull();
    } finally {
      await client.end();
    }
  });
});
