import type { KeyObject } from "node:crypto";
import type pg from "pg";
import { buildCheckpoint, type CheckpointDocument } from "../core/audit-checkpoint.js";
import { ProdgateError } from "../core/errors.js";
import { readHead } from "./chain.js";
import { insertCheckpoint } from "./checkpoints.js";
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
  /** Signs the checkpoint of the pruned prefix; without it the checkpoint is recorded unsigned. */
  signingKey?: KeyObject;
  /** The checkpoint's time (default now). */
  now?: Date;
}

export interface PruneResult {
  /** Rows deleted (or that would be). */
  count: number;
  /** The checkpoint of the pruned prefix (its last position and hash), stored before anything was deleted. */
  checkpoint?: CheckpointDocument;
}

/**
 * Deletes the audit rows older than the retention (seed 000: two years) while keeping the chain verifiable:
 * only a prefix of the chain goes (the rows up to the last position before the first row that is still
 * inside the retention, and never the head), so a row written late with an old time (a spool replay) waits
 * for the rows before it (the genesis row's own time does not hold anything back). Before deleting, a checkpoint of the pruned prefix (its last position and
 * row_hash) is stored, signed when a key is given, so that the remaining chain verifies from there. Rows
 * outside the chain (no position) go by their time alone.
 */
export async function pruneAuditTrail(client: pg.ClientBase, opts: PruneOptions): Promise<PruneResult> {
  const name = opts.table?.trim() || DEFAULT_TABLES.audit;
  const table = quoteIdent("table", name);
  const batch = Math.max(1, Math.min(opts.batchSize ?? 5000, 100_000));
  try {
    const head = await readHead(client, name);
    let last = -1;
    if (head) {
      const kept = await client.query<{ p: string | null }>(
        `SELECT min(position)::text AS p FROM ${table} WHERE position > 0 AND created_at >= $1`,
        [opts.before],
      );
      const firstKept = kept.rows[0]?.p;
      last = Math.min(
        head.position - 1,
        firstKept === null || firstKept === undefined ? Infinity : Number(firstKept) - 1,
      );
      // The genesis row goes only with older rows after it, never alone.
      if (last === 0) last = -1;
    }
    const prefix = await client.query<{ n: string; first: string | null }>(
      `SELECT count(*)::text AS n, min(position)::text AS first FROM ${table} WHERE position <= $1`,
      [last],
    );
    const chained = Number(prefix.rows[0]?.n ?? 0);
    const unchainedWhere = `position IS NULL AND created_at < $1`;
    const loose = await client.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM ${table} WHERE ${unchainedWhere}`,
      [opts.before],
    );
    const looseCount = Number(loose.rows[0]?.n ?? 0);
    if (opts.dryRun) return { count: chained + looseCount };
    let checkpoint: CheckpointDocument | undefined;
    if (chained > 0) {
      const first = Number(prefix.rows[0]?.first);
      if (chained !== last - first + 1) {
        throw new ProdgateError(
          `the audit chain of ${name} has a gap before position ${last}: nothing was pruned (run 'prodgate audit verify')`,
        );
      }
      const pinned = await client.query<{ id: string; row_hash: string }>(
        `SELECT id::text AS id, row_hash FROM ${table} WHERE position = $1`,
        [last],
      );
      const row = pinned.rows[0]!;
      checkpoint = buildCheckpoint(
        {
          table: name,
          position: last,
          rowId: row.id,
          headHash: row.row_hash,
          time: opts.now ?? new Date(),
          reason: "prune",
          prunedRows: chained,
        },
        opts.signingKey,
      );
      await insertCheckpoint(client, name, checkpoint);
    }
    let total = 0;
    for (const [where, param] of [
      [`position <= $1`, last],
      [unchainedWhere, opts.before],
    ] as const) {
      for (;;) {
        const res = await client.query(
          `DELETE FROM ${table} WHERE id IN (SELECT id FROM ${table} WHERE ${where} ORDER BY id LIMIT $2)`,
          [param, batch],
        );
        total += res.rowCount ?? 0;
        if ((res.rowCount ?? 0) < batch) break;
      }
    }
    return { count: total, ...(checkpoint ? { checkpoint } : {}) };
  } catch (err) {
    if (err instanceof ProdgateError) throw err;
    throw dbFailure("cannot prune the audit log", err);
  }
}

/** pruneAuditTrail, returning how many rows (would) go. */
export async function pruneAuditLog(client: pg.ClientBase, opts: PruneOptions): Promise<number> {
  return (await pruneAuditTrail(client, opts)).count;
}
