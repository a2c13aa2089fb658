import type pg from "pg";
import {
  connect,
  type DbOptions,
  dbFailure,
  newPool,
  parseDatabaseUrl,
  quoteIdent,
  type RetryOptions,
  withRetries,
} from "./db.js";
import { DEFAULT_TABLES, migrateUp, type TableNames } from "./migrate.js";

/** What every store over one configurable table takes when it opens. */
export interface TableStoreOptions extends DbOptions {
  /** The table (default: the scope's default name; `schema.table` accepted). */
  table?: string;
  /** Apply pending migrations on open (default true). */
  migrate?: boolean;
  /** Connections kept open (default 4). */
  poolSize?: number;
  /** Retries of the migration and of each retried statement (see withRetries). */
  retry?: RetryOptions;
}

export interface TableStoreParts {
  pool: pg.Pool;
  databaseUrl: string;
  table: string;
  retry: RetryOptions;
}

/**
 * Checks the URL and the table name, applies the scope's pending migrations (retrying transient failures),
 * then opens a pool. `input` names the option in errors about the table name; `doing` words a failed
 * migration ("cannot migrate the audit database").
 */
export async function openTable(
  databaseUrl: string,
  opts: TableStoreOptions,
  scope: keyof TableNames,
  input: string,
  doing: string,
): Promise<TableStoreParts> {
  parseDatabaseUrl("database-url", databaseUrl);
  const table = opts.table?.trim() || DEFAULT_TABLES[scope];
  quoteIdent(input, table);
  const retry = opts.retry ?? {};
  if (opts.migrate ?? true) {
    try {
      await withRetries(async () => {
        const client = await connect(databaseUrl, opts);
        try {
          await migrateUp(client, { [scope]: table });
        } finally {
          await client.end().catch(() => {});
        }
      }, retry);
    } catch (err) {
      throw dbFailure(doing, err, databaseUrl);
    }
  }
  const pool = newPool(databaseUrl, { ...opts, max: opts.poolSize ?? 4 });
  return { pool, databaseUrl, table, retry };
}

/** A store over one table, holding a pool. Failures come out as DatabaseErrors naming what was being done. */
export abstract class TableStore {
  readonly table: string;
  protected readonly pool: pg.Pool;
  protected readonly databaseUrl: string;
  protected readonly retry: RetryOptions;
  /** The table's name, quoted for SQL. */
  protected readonly quoted: string;

  protected constructor(parts: TableStoreParts) {
    this.pool = parts.pool;
    this.databaseUrl = parts.databaseUrl;
    this.table = parts.table;
    this.retry = parts.retry;
    this.quoted = quoteIdent("table", parts.table);
  }

  /** Runs `fn`, retrying transient failures when `retry` is given; wraps a failure as `doing: reason`. */
  protected async attempt<T>(doing: string, fn: () => Promise<T>, retry?: RetryOptions): Promise<T> {
    try {
      return retry ? await withRetries(fn, retry) : await fn();
    } catch (err) {
      throw dbFailure(doing, err, this.databaseUrl);
    }
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => {});
  }
}
