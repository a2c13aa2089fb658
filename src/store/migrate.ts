import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type pg from "pg";
import { ProdgateError } from "../core/errors.js";
import { quoteIdent, safeDbMessage } from "./db.js";

/** The key of the advisory lock that serialises migration runners (any constant unique to prodgate). */
const MIGRATION_LOCK = 7_246_813_001;

export interface Migration {
  version: number;
  name: string;
  up: string;
  down: string;
}

/**
 * Finds db/migrations: next to the source tree in the repository, or next to a bundle in dist/<name>/
 * (the build copies nothing; bundles resolve ../../db/migrations from the action's checkout).
 */
export function migrationsDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [
    process.env.PRODGATE_MIGRATIONS_DIR,
    resolve(here, "../../db/migrations"),
    resolve(here, "../../../db/migrations"),
    resolve(process.cwd(), "db/migrations"),
  ].filter((p): p is string => Boolean(p));
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`db/migrations not found (looked in ${candidates.join(", ")})`);
  return found;
}

/** `0001_console_audit_log.sql` + `0001_console_audit_log.down.sql`. */
export function loadMigrations(dir = migrationsDir()): Migration[] {
  const files = readdirSync(dir);
  return files
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f) && !f.endsWith(".down.sql"))
    .sort()
    .map((file) => {
      const version = Number(file.slice(0, 4));
      const name = file.replace(/\.sql$/, "");
      const downFile = `${name}.down.sql`;
      if (!files.includes(downFile)) throw new Error(`migration ${file} has no down file ${downFile}`);
      return {
        version,
        name,
        up: readFileSync(join(dir, file), "utf8"),
        down: readFileSync(join(dir, downFile), "utf8"),
      };
    });
}

/** Table names inside migrations are written with their defaults; callers may rename them. */
export interface TableNames {
  audit?: string;
  poll?: string;
  rotation?: string;
}

export const DEFAULT_TABLES: Required<TableNames> = {
  audit: "console_audit_log",
  poll: "console_poll_log",
  rotation: "console_rotation_jobs",
};

function tablePattern(table: string, derived: boolean): RegExp {
  return new RegExp(`\\b${table}${derived ? "(\\w*)" : "\\b"}`, "g");
}

/**
 * Rewrites a migration for configured table names: `console_audit_log` becomes the configured name
 * (quoted, so `schema.table` and mixed case work), and identifiers derived from it, such as
 * `console_audit_log_target_created_at_idx`, take the table part of that name as their prefix.
 */
export function applyNames(sql: string, names: TableNames): string {
  let out = sql;
  for (const key of Object.keys(DEFAULT_TABLES) as (keyof TableNames)[]) {
    const fallback = DEFAULT_TABLES[key];
    const custom = names[key];
    if (!custom || custom === fallback) continue;
    const quoted = quoteIdent("table", custom);
    const bare = custom.split(".").pop() ?? custom;
    out = out.replace(tablePattern(fallback, true), (_m, suffix: string) =>
      suffix ? `"${bare}${suffix}"` : quoted,
    );
  }
  return out;
}

/**
 * The tables a migration creates or changes, under their configured names, joined: the record of a
 * migration in `prodgate_migrations` is per (version, scope), so migrating a second, differently named audit
 * table on a database where the default one is already migrated creates it instead of finding nothing to do.
 */
export function migrationScope(m: Migration, names: TableNames): string {
  return (Object.keys(DEFAULT_TABLES) as (keyof TableNames)[])
    .filter((key) => tablePattern(DEFAULT_TABLES[key], false).test(m.up))
    .map((key) => names[key] || DEFAULT_TABLES[key])
    .sort()
    .join(",");
}

interface Applied {
  has(version: number, scope: string): boolean;
}

/** Creates `prodgate_migrations`, or upgrades one keyed by version alone (every row then had default names). */
async function ensureMigrationsTable(client: pg.Client, migrations: Migration[]): Promise<void> {
  await client.query(
    `CREATE TABLE IF NOT EXISTS prodgate_migrations (
       version integer NOT NULL, scope text NOT NULL DEFAULT '', name text NOT NULL,
       applied_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (version, scope))`,
  );
  const pk = await client.query<{ n: number }>(
    `SELECT array_length(indkey::int2[], 1) AS n FROM pg_index
      WHERE indrelid = 'prodgate_migrations'::regclass AND indisprimary`,
  );
  if (pk.rows[0]?.n === 2) return;
  await inTransaction(client, async () => {
    await client.query("ALTER TABLE prodgate_migrations ADD COLUMN IF NOT EXISTS scope text");
    for (const m of migrations) {
      await client.query("UPDATE prodgate_migrations SET scope = $2 WHERE version = $1 AND scope IS NULL", [
        m.version,
        migrationScope(m, {}),
      ]);
    }
    await client.query(
      `UPDATE prodgate_migrations SET scope = '' WHERE scope IS NULL;
       ALTER TABLE prodgate_migrations ALTER COLUMN scope SET NOT NULL, ALTER COLUMN scope SET DEFAULT '',
         DROP CONSTRAINT IF EXISTS prodgate_migrations_pkey, ADD PRIMARY KEY (version, scope)`,
    );
  });
}

async function inTransaction(client: pg.Client, fn: () => Promise<void>): Promise<void> {
  await client.query("BEGIN");
  try {
    await fn();
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  }
}

/**
 * Runs `step` for each migration `pick` selects, in order, each in its own transaction, while holding the
 * advisory lock that makes concurrent runners wait for each other (the second then finds nothing to do).
 */
async function migrate(
  client: pg.Client,
  migrations: Migration[],
  pick: (m: Migration, applied: Applied) => boolean,
  step: (m: Migration) => Promise<void>,
  direction: "up" | "down",
): Promise<string[]> {
  const ran: string[] = [];
  await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
  try {
    await ensureMigrationsTable(client, migrations);
    const rows = (
      await client.query<{ version: number; scope: string }>("SELECT version, scope FROM prodgate_migrations")
    ).rows;
    const keys = new Set(rows.map((r) => `${r.version}\u0000${r.scope}`));
    const applied: Applied = { has: (version, scope) => keys.has(`${version}\u0000${scope}`) };
    for (const m of migrations) {
      if (!pick(m, applied)) continue;
      try {
        await inTransaction(client, () => step(m));
      } catch (err) {
        const what = direction === "up" ? m.name : `${m.name} (down)`;
        throw new ProdgateError(`migration ${what} failed: ${safeDbMessage(err)}`);
      }
      ran.push(m.name);
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {});
  }
  return ran;
}

/**
 * Applies every pending migration, each in its own transaction, recorded in `prodgate_migrations` under
 * the table names it was applied with. Returns the names applied.
 */
export async function migrateUp(
  client: pg.Client,
  names: TableNames = {},
  migrations = loadMigrations(),
): Promise<string[]> {
  return migrate(
    client,
    migrations,
    (m, applied) => !applied.has(m.version, migrationScope(m, names)),
    async (m) => {
      await client.query(applyNames(m.up, names));
      await client.query("INSERT INTO prodgate_migrations (version, scope, name) VALUES ($1, $2, $3)", [
        m.version,
        migrationScope(m, names),
        m.name,
      ]);
    },
    "up",
  );
}

/**
 * A down file may end with a section that starts with a line `-- prodgate:shared`: statements on tables that
 * TableNames does not rename (prodgate_sweeps, prodgate_surface_state), which every scope of the migration
 * creates with IF NOT EXISTS and so shares. That section runs only when the last scope of the version is
 * reverted; the part before it runs for each scope, under its names. Returns the two parts.
 */
export function splitDown(down: string): { scoped: string; shared: string } {
  const marker = /^-- prodgate:shared\b.*$/m.exec(down);
  if (!marker) return { scoped: down, shared: "" };
  return { scoped: down.slice(0, marker.index), shared: down.slice(marker.index) };
}

/**
 * Reverts migrations newer than `target` (0 = all), newest first, for the scope `names` gives each one.
 * With renamed tables, only the migrations of those tables are reverted: a migration whose tables all keep
 * their default names belongs to the default scope, which other users of the database may share (revert it
 * with default names). Tables every scope shares are dropped only with the last scope (see splitDown).
 * Returns the names reverted.
 */
export async function migrateDown(
  client: pg.Client,
  target = 0,
  names: TableNames = {},
  migrations = loadMigrations(),
): Promise<string[]> {
  return migrate(
    client,
    [...migrations].reverse(),
    (m, applied) => {
      const scope = migrationScope(m, names);
      const renamed = scope !== migrationScope(m, {});
      const defaults = (Object.keys(DEFAULT_TABLES) as (keyof TableNames)[]).every(
        (key) => !names[key] || names[key] === DEFAULT_TABLES[key],
      );
      return m.version > target && applied.has(m.version, scope) && (defaults || renamed);
    },
    async (m) => {
      const { scoped, shared } = splitDown(m.down);
      if (scoped.trim()) await client.query(applyNames(scoped, names));
      await client.query("DELETE FROM prodgate_migrations WHERE version = $1 AND scope = $2", [
        m.version,
        migrationScope(m, names),
      ]);
      if (!shared.trim()) return;
      const others = await client.query("SELECT 1 FROM prodgate_migrations WHERE version = $1 LIMIT 1", [
        m.version,
      ]);
      if (others.rowCount === 0) await client.query(shared);
    },
    "down",
  );
}
