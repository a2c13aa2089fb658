import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAuditRecord } from "../../src/core/audit.js";
import { AuditStore } from "../../src/store/audit.js";
import { connect } from "../../src/store/db.js";
import { loadMigrations, migrateDown, migrateUp } from "../../src/store/migrate.js";
import { freshDatabase } from "../support/db.js";

async function tables(client: pg.Client): Promise<string[]> {
  const res = await client.query<{ name: string }>(
    `SELECT table_schema || '.' || table_name AS name FROM information_schema.tables
      WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`,
  );
  return res.rows.map((r) => r.name);
}

async function recorded(client: pg.Client): Promise<string[]> {
  const res = await client.query<{ v: string }>(
    "SELECT version || ':' || scope AS v FROM prodgate_migrations ORDER BY version, scope",
  );
  return res.rows.map((r) => r.v);
}

describe("migrations on a real PostgreSQL", () => {
  let db: { url: string; drop(): Promise<void> };
  let client: pg.Client;
  const all = loadMigrations();

  beforeAll(async () => {
    db = await freshDatabase("mig");
    client = await connect(db.url);
  });
  afterAll(async () => {
    await client.end();
    await db.drop();
  });

  it("go up, down and up again, each recorded", async () => {
    expect(await tables(client)).toContain("public.console_audit_log");
    expect(await migrateUp(client)).toEqual([]);

    const reverted = await migrateDown(client);
    expect(reverted).toEqual(all.map((m) => m.name).reverse());
    expect(await tables(client)).toEqual(["public.prodgate_migrations"]);
    expect(await recorded(client)).toEqual([]);

    expect(await migrateUp(client)).toEqual(all.map((m) => m.name));
    expect(await tables(client)).toContain("public.console_audit_log");
    expect(await recorded(client)).toContain("1:console_audit_log");
    const columns = await client.query<{ column_name: string; data_type: string }>(
      `SELECT column_name, data_type FROM information_schema.columns
        WHERE table_name = 'console_audit_log' ORDER BY ordinal_position`,
    );
    expect(columns.rows.map((c) => `${c.column_name} ${c.data_type}`)).toEqual([
      "id bigint",
      "action text",
      "actor text",
      "target text",
      "outcome text",
      "context jsonb",
      "idempotency_key text",
      "created_at timestamp with time zone",
      "position bigint",
      "prev_hash text",
      "row_hash text",
      "personal jsonb",
    ]);
    const indexes = await client.query<{ indexdef: string }>(
      "SELECT indexdef FROM pg_indexes WHERE tablename = 'console_audit_log' ORDER BY indexname",
    );
    const defs = indexes.rows.map((r) => r.indexdef).join("\n");
    expect(defs).toMatch(/UNIQUE INDEX .* \(idempotency_key\)/);
    expect(defs).toMatch(/INDEX console_audit_log_target_created_at_idx .* \(target, created_at\)/);
  });

  it("reverts down to a version and no further", async () => {
    expect(await migrateDown(client, 1)).toEqual(
      all
        .filter((m) => m.version > 1)
        .map((m) => m.name)
        .reverse(),
    );
    expect(await recorded(client)).toEqual(["1:console_audit_log"]);
    await migrateUp(client);
  });

  it("lets runners migrating at once apply each migration exactly once", async () => {
    await migrateDown(client);
    await client.query("DROP TABLE prodgate_migrations");
    const runners = await Promise.all(Array.from({ length: 6 }, () => connect(db.url)));
    try {
      const results = await Promise.all(runners.map((c) => migrateUp(c)));
      const applied = results.flat();
      expect(applied.sort()).toEqual(all.map((m) => m.name).sort());
      expect(results.filter((r) => r.length > 0)).toHaveLength(1);
    } finally {
      await Promise.all(runners.map((c) => c.end()));
    }
    expect(await recorded(client)).toHaveLength(all.length);
  });

  it("creates a custom audit table on a database whose default one is already migrated", async () => {
    expect(await migrateUp(client, { audit: "deploy_audit" })).toEqual([
      "0001_console_audit_log",
      "0004_audit_chain",
    ]);
    expect(await migrateUp(client, { audit: "deploy_audit" })).toEqual([]);
    await client.query("CREATE SCHEMA ops");
    expect(await migrateUp(client, { audit: "ops.Deploy_Audit" })).toEqual([
      "0001_console_audit_log",
      "0004_audit_chain",
    ]);
    const names = await tables(client);
    expect(names).toEqual(
      expect.arrayContaining(["public.console_audit_log", "public.deploy_audit", "ops.Deploy_Audit"]),
    );
    const idx = await client.query("SELECT 1 FROM pg_indexes WHERE schemaname = 'ops' AND indexname = $1", [
      "Deploy_Audit_target_created_at_idx",
    ]);
    expect(idx.rowCount).toBe(1);

    const store = await AuditStore.open(db.url, { table: "ops.Deploy_Audit" });
    try {
      const record = buildAuditRecord({
        action: "deploy.production",
        phase: "started",
        actor: "octocat",
        target: "shop",
        runId: "1",
        createdAt: new Date(),
      });
      expect((await store.write(record)).duplicate).toBe(false);
      expect(await store.read({ action: "deploy.production" })).toHaveLength(1);
      expect((await store.verify()).ok).toBe(true);
    } finally {
      await store.close();
    }
    // Only the renamed table's migration goes down: the default-named tables may serve another user.
    expect(await migrateDown(client, 0, { audit: "deploy_audit" })).toEqual([
      "0004_audit_chain",
      "0001_console_audit_log",
    ]);
    expect(await tables(client)).not.toContain("public.deploy_audit");
    expect(await tables(client)).toEqual(
      expect.arrayContaining([
        "public.console_audit_log",
        "public.console_poll_log",
        "public.prodgate_sweeps",
      ]),
    );
  });

  it("upgrades a migrations table keyed by version alone", async () => {
    await client.query("DROP TABLE prodgate_migrations");
    await client.query(
      `CREATE TABLE prodgate_migrations (version integer PRIMARY KEY, name text NOT NULL,
         applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    for (const m of all)
      await client.query("INSERT INTO prodgate_migrations (version, name) VALUES ($1, $2)", [
        m.version,
        m.name,
      ]);
    expect(await migrateUp(client)).toEqual([]);
    expect(await recorded(client)).toContain("1:console_audit_log");
    expect(await migrateUp(client, { audit: "second_audit" })).toEqual([
      "0001_console_audit_log",
      "0004_audit_chain",
    ]);
  });

  it("rolls a failing migration back whole and records nothing", async () => {
    const bad = {
      version: 9999,
      name: "9999_bad",
      up: "CREATE TABLE half_done (id int); SELECT no_such_function();",
      down: "DROP TABLE IF EXISTS half_done;",
    };
    await expect(migrateUp(client, {}, [...all, bad])).rejects.toThrow(
      /^migration 9999_bad failed: function no_such_function/,
    );
    expect(await tables(client)).not.toContain("public.half_done");
    expect(await recorded(client)).not.toContain("9999:");
    // The lock was released: another runner is not stuck behind it.
    expect(await migrateUp(client)).toEqual([]);
  });

  it("keeps the tables poll-log scopes share until the last scope goes down", async () => {
    const pollLog = all.filter((m) => m.version === 2);
    const rows = async (table: string) =>
      Number((await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${table}`)).rows[0]?.n);
    expect(await migrateUp(client, { poll: "other_poll" })).toEqual(["0002_poll_log"]);
    await client.query(
      "INSERT INTO prodgate_sweeps (started_at, surfaces, calls) VALUES (now(), 1, 1); " +
        "INSERT INTO prodgate_surface_state (surface_id, status, known_state, since) VALUES ('shop', 'down', 'down', now())",
    );

    // Reverting the renamed scope drops its own table and nothing the default scope still uses.
    expect(await migrateDown(client, 0, { poll: "other_poll" }, pollLog)).toEqual(["0002_poll_log"]);
    let names = await tables(client);
    expect(names).not.toContain("public.other_poll");
    expect(names).toEqual(expect.arrayContaining(["public.console_poll_log", "public.prodgate_sweeps"]));
    expect(await rows("prodgate_sweeps")).toBe(1);
    expect(await rows("prodgate_surface_state")).toBe(1);

    // The other way round: the default scope goes first, the renamed one still holds the shared tables.
    expect(await migrateUp(client, { poll: "other_poll" })).toEqual(["0002_poll_log"]);
    expect(await migrateDown(client, 0, {}, pollLog)).toEqual(["0002_poll_log"]);
    names = await tables(client);
    expect(names).not.toContain("public.console_poll_log");
    expect(names).toEqual(expect.arrayContaining(["public.other_poll", "public.prodgate_surface_state"]));
    expect(await rows("prodgate_surface_state")).toBe(1);

    // The last scope takes the shared tables with it.
    expect(await migrateDown(client, 0, { poll: "other_poll" }, pollLog)).toEqual(["0002_poll_log"]);
    names = await tables(client);
    for (const t of ["other_poll", "prodgate_sweeps", "prodgate_surface_state"])
      expect(names).not.toContain(`public.${t}`);
    expect(await migrateUp(client)).toEqual(["0002_poll_log"]);
  });
});
