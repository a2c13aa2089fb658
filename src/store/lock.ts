import { formatDuration } from "../core/duration.js";
import { ProdgateError } from "../core/errors.js";
import { latestStartedRow } from "./audit.js";
import { connect, dbFailure, parseDatabaseUrl, quoteIdent } from "./db.js";
import { DEFAULT_TABLES } from "./migrate.js";

/** The first key of every per-app lock (the second is hashtext of the app): prodgate's own key space. */
const APP_LOCK_SPACE = 72_468_130;
const HEARTBEAT_MS = 15_000;

export interface AppLockOptions {
  /** How long to wait for another holder (default 10 minutes; 0 = do not wait). */
  waitMs?: number;
  /** The audit table read to name the holder (default console_audit_log). */
  table?: string;
}

/** Another deploy of the app held its lock for longer than the wait. */
export class LockTimeoutError extends ProdgateError {
  override name = "LockTimeoutError";
  constructor(
    message: string,
    readonly app: string,
    readonly holder: string | undefined,
  ) {
    super(message);
  }
}

function describeHolder(row: Awaited<ReturnType<typeof latestStartedRow>>): string | undefined {
  if (!row) return undefined;
  const runUrl = typeof row.context.run_url === "string" ? `, ${row.context.run_url}` : "";
  return `${row.actor} (${row.action} started ${row.createdAt.toISOString()}${runUrl})`;
}

/**
 * Runs `fn` holding the Postgres advisory lock of `app`, so one deploy per app runs at a time. The lock
 * lives on a connection of its own, opened here and held for the whole of `fn`; it is released on every way
 * out (return, throw) and, since a session lock dies with its session, when the process is killed. A second
 * caller waits up to `waitMs`, then fails naming the holder from the newest `started` audit row of the app.
 * `fn` gets a signal that aborts if the lock's connection is lost while it runs.
 *
 * Session locks need a direct connection: a transaction-pooling bouncer (PgBouncer) would not keep them.
 */
export async function withAppLock<T>(
  databaseUrl: string,
  app: string,
  fn: (signal: AbortSignal) => Promise<T>,
  opts: AppLockOptions = {},
): Promise<T> {
  parseDatabaseUrl("database-url", databaseUrl);
  const table = opts.table?.trim() || DEFAULT_TABLES.audit;
  quoteIdent("table", table);
  const waitMs = Math.max(0, Math.round(opts.waitMs ?? 600_000));
  const key = `prodgate:deploy:${app}`;
  const client = await connect(databaseUrl, {
    applicationName: `prodgate lock ${app}`.slice(0, 63),
    keepAlive: true,
    statementTimeoutMs: 0,
  });
  const lost = new AbortController();
  const onLost = () => {
    if (!lost.signal.aborted)
      lost.abort(new ProdgateError(`the lock of ${app} was lost: its database connection closed`));
  };
  let acquired = false;
  try {
    try {
      await client.query("SELECT set_config('statement_timeout', '0', false)");
      if (waitMs === 0) {
        const res = await client.query<{ ok: boolean }>(
          "SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok",
          [APP_LOCK_SPACE, key],
        );
        acquired = res.rows[0]?.ok === true;
      } else {
        await client.query("SELECT set_config('lock_timeout', $1, false)", [`${waitMs}ms`]);
        try {
          await client.query("SELECT pg_advisory_lock($1, hashtext($2))", [APP_LOCK_SPACE, key]);
          acquired = true;
        } catch (err) {
          if ((err as { code?: string }).code !== "55P03") throw err;
        }
        await client.query("SELECT set_config('lock_timeout', '0', false)");
      }
    } catch (err) {
      throw dbFailure(`cannot take the deploy lock of ${app}`, err, databaseUrl);
    }
    if (!acquired) {
      let holder: string | undefined;
      try {
        holder = describeHolder(await latestStartedRow(client, table, app));
      } catch {
        holder = undefined;
      }
      const waited = waitMs ? ` after waiting ${formatDuration(waitMs)}` : "";
      throw new LockTimeoutError(
        `another deploy of ${app} holds its lock${waited}: ${holder ? `held by ${holder}` : "holder unknown (no started audit row)"}`,
        app,
        holder,
      );
    }
    client.on("error", onLost);
    client.on("end", onLost);
    const heartbeat = setInterval(() => {
      client.query("SELECT 1").catch(onLost);
    }, HEARTBEAT_MS);
    heartbeat.unref();
    try {
      return await fn(lost.signal);
    } finally {
      clearInterval(heartbeat);
    }
  } finally {
    client.off("end", onLost);
    if (acquired)
      await client
        .query("SELECT pg_advisory_unlock($1, hashtext($2))", [APP_LOCK_SPACE, key])
        .catch(() => {});
    // A connection the server already dropped may never confirm its end: do not wait on it forever.
    await Promise.race([client.end().catch(() => {}), new Promise((r) => setTimeout(r, 2000).unref())]);
  }
}
