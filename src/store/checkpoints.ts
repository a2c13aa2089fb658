import type { KeyObject } from "node:crypto";
import type pg from "pg";
import {
  buildCheckpoint,
  type CheckpointDocument,
  type CheckpointReason,
  parseCheckpoint,
  parseSigningKey,
  renderCheckpointSummary,
} from "../core/audit-checkpoint.js";
import { ProdgateError } from "../core/errors.js";
import { checkpointsTable, readHead } from "./chain.js";

/** Stores a checkpoint document in the table's checkpoints table. */
export async function insertCheckpoint(
  db: pg.ClientBase | pg.Pool,
  table: string,
  doc: CheckpointDocument,
): Promise<void> {
  await db.query(
    `INSERT INTO ${checkpointsTable(table)} (position, head_hash, reason, signed, document)
     VALUES ($1, $2, $3, $4, $5::jsonb)`,
    [doc.position, doc.head_hash, doc.reason, doc.signature !== null, JSON.stringify(doc)],
  );
}

/** Every stored checkpoint, oldest first; a row that is not a checkpoint document is returned as an error. */
export async function listCheckpoints(
  db: pg.ClientBase | pg.Pool,
  table: string,
): Promise<{ id: string; doc?: CheckpointDocument; error?: string }[]> {
  const res = await db.query<{ id: string; document: unknown }>(
    `SELECT id, document FROM ${checkpointsTable(table)} ORDER BY id`,
  );
  return res.rows.map((r) => {
    try {
      return { id: r.id, doc: parseCheckpoint(`checkpoint row ${r.id}`, r.document) };
    } catch (err) {
      return { id: r.id, error: (err as Error).message };
    }
  });
}

/**
 * A checkpoint of the head as it stands: signed with `key` when given, unsigned otherwise (only prune records
 * unsigned ones). Stored in the checkpoints table and returned.
 */
export async function checkpointHead(
  pool: pg.Pool,
  table: string,
  key: KeyObject | undefined,
  reason: CheckpointReason,
  now: Date,
): Promise<CheckpointDocument> {
  const head = await readHead(pool, table);
  if (!head) throw new ProdgateError(`the audit table ${table} has no chain yet: nothing to checkpoint`);
  const doc = buildCheckpoint(
    { table, position: head.position, rowId: head.id, headHash: head.rowHash, time: now, reason },
    key,
  );
  await insertCheckpoint(pool, table, doc);
  return doc;
}

/** What a deploy or rollback shows after its outcome row: the signed document, and the summary block. */
export interface WrittenCheckpoint {
  /** Undefined when no key was configured: the trail is not signed. */
  document: CheckpointDocument | undefined;
  /** Markdown for the job summary: the document, or the notice that the trail is not signed. */
  summary: string;
  /** One line for the log. */
  logLine: string;
}

interface CheckpointTarget {
  readonly table: string;
  checkpoint(key: KeyObject, reason: CheckpointReason, now: Date): Promise<CheckpointDocument>;
}

/**
 * The one call a deploy or rollback makes after its outcome row: with a signing key (the raw
 * `audit-signing-key` / PRODGATE_AUDIT_SIGNING_KEY value, or a parsed key), signs and stores a checkpoint of
 * the head; without one, writes nothing and says the trail is not signed. The caller masks the raw key
 * before calling (it is never part of what comes back) and puts `summary` in the job summary and `logLine`
 * in the log.
 */
export async function writeCheckpoint(
  store: CheckpointTarget,
  signingKey: string | KeyObject | undefined,
  opts: { reason?: CheckpointReason; now?: Date } = {},
): Promise<WrittenCheckpoint> {
  const key =
    typeof signingKey === "string"
      ? signingKey.trim()
        ? parseSigningKey("audit-signing-key", signingKey)
        : undefined
      : signingKey;
  if (!key) {
    return {
      document: undefined,
      summary: renderCheckpointSummary(undefined, store.table),
      logLine: `audit trail of ${store.table} not signed: no audit signing key is configured`,
    };
  }
  const document = await store.checkpoint(key, opts.reason ?? "manual", opts.now ?? new Date());
  return {
    document,
    summary: renderCheckpointSummary(document, store.table),
    logLine: `audit checkpoint ${JSON.stringify(document)}`,
  };
}
