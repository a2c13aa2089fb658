import type pg from "pg";
import { dbFailure, quoteIdent } from "./db.js";
import { DEFAULT_TABLES } from "./migrate.js";

export interface PruneOptions {
  /** Rows created before this time are deleted. */
  before: Date;
  /** The audit table (default console_audit_log). */
  table?: string;
  /** Rows deleted per statement (default 5,000), so that no statement holds its locks for long. */
  batchSize?: number;
  /** Count what would be deleted, delete nothing. */
  dryRun?: boolean;
}

/** Deletes audit rows older than the retention (seed 000: two years). Returns how many rows (would) go. */
export async function pruneAuditLog(client: pg.Client | pg.Pool, opts: PruneOptions): Promise<number> {
  const table = quoteIdent("table", opts.table?.trim() || DEFAULT_TABLES.audit);
  const batch = Math.max(1, Math.min(opts.batchSize ?? 5000, 100_000));
  try {
    if (opts.dryRun) {
      const res = await client.query<{ n: string }>(
        `SELECT count(*)::text AS n FROM ${table} WHERE created_at < $1`,
        [opts.before],
      );
      return Number(res.rows[0]?.n ?? 0);
    }
    let total = 0;
    for (;;) {
      const res = await client.query(
        `DELETE FROM ${table} WHERE id IN (
           SELECT id FROM ${table} WHERE created_at < $1 ORDER BY created_at LIMIT $2)`,
        [opts.before, batch],
      );
      total += res.rowCount ?? 0;
      if ((res.rowCount ?? 0) < batch) return total;
    }
  } catch (err) {
    throw dbFailure("cannot prune the audit log", err);
  }
}
