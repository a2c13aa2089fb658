import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type pg from "pg";

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

function applyNames(sql: string, names: TableNames): string {
  let out = sql;
  if (names.audit) out = out.replaceAll("console_audit_log", names.audit);
  if (names.poll) out = out.replaceAll("console_poll_log", names.poll);
  if (names.rotation) out = out.replaceAll("console_rotation_jobs", names.rotation);
  return out;
}

/**
 * Applies every pending migration, each in its own transaction, recorded in `prodgate_migrations`. An
 * advisory lock makes concurrent runners wait for each other; the second finds nothing left to do.
 * Returns the names applied.
 */
export async function migrateUp(
  client: pg.Client,
  names: TableNames = {},
  migrations = loadMigrations(),
): Promise<string[]> {
  const applied: string[] = [];
  await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
  try {
    await client.query(
      `CREATE TABLE IF NOT EXISTS prodgate_migrations (
         version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const done = new Set(
      (await client.query<{ version: number }>("SELECT version FROM prodgate_migrations")).rows.map(
        (r) => r.version,
      ),
    );
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      await client.query("BEGIN");
      try {
        await client.query(applyNames(m.up, names));
        await client.query("INSERT INTO prodgate_migrations (version, name) VALUES ($1, $2)", [
          m.version,
          m.name,
        ]);
        await client.query("COMMIT");
        applied.push(m.name);
      } catch (err) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${m.name} failed: ${(err as Error).message}`);
      }
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]);
  }
  return applied;
}

/** Reverts migrations newer than `target` (0 = all), newest first. Returns the names reverted. */
export async function migrateDown(
  client: pg.Client,
  target = 0,
  names: TableNames = {},
  migrations = loadMigrations(),
): Promise<string[]> {
  const reverted: string[] = [];
  await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
  try {
    await client.query(
      `CREATE TABLE IF NOT EXISTS prodgate_migrations (
         version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const done = new Set(
      (await client.query<{ version: number }>("SELECT version FROM prodgate_migrations")).rows.map(
        (r) => r.version,
      ),
    );
    for (const m of [...migrations].reverse()) {
      if (m.version <= target || !done.has(m.version)) continue;
      await client.query("BEGIN");
      try {
        await client.query(applyNames(m.down, names));
        await client.query("DELETE FROM prodgate_migrations WHERE version = $1", [m.version]);
        await client.query("COMMIT");
        reverted.push(m.name);
      } catch (err) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${m.name} (down) failed: ${(err as Error).message}`);
      }
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]);
  }
  return reverted;
}
