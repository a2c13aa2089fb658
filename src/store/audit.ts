import type { KeyObject } from "node:crypto";
import type pg from "pg";
import { type AuditOutcome, type AuditRecord, type AuditRow, toAuditRow } from "../core/audit.js";
import type { CheckpointDocument, CheckpointReason } from "../core/audit-checkpoint.js";
import type { VerifyReport } from "../core/audit-verify.js";
import { ensureChain } from "./chain.js";
import { ChainAppender } from "./chain-append.js";
import { eraseActor } from "./chain-erase.js";
import { exportChain, type VerifyOptions, verifyChain } from "./chain-verify.js";
import { checkpointHead } from "./checkpoints.js";
import { quoteIdent } from "./db.js";
import { openTable, TableStore, type TableStoreOptions, type TableStoreParts } from "./table-store.js";

/** `table` defaults to console_audit_log; `retry` applies to each write and to the migration. */
export interface AuditStoreOptions extends TableStoreOptions {}

export interface StoredAuditRow extends AuditRow {
  id: string;
}

export interface AuditQuery {
  target?: string;
  action?: string;
  phase?: "started" | "completed";
  /** Newest first; default 100. */
  limit?: number;
}

interface RawRow {
  id: string;
  action: string;
  actor: string;
  target: string;
  outcome: string | null;
  context: Record<string, unknown>;
  idempotency_key: string;
  created_at: Date;
}

function fromRaw(r: RawRow): StoredAuditRow {
  return {
    id: r.id,
    action: r.action,
    actor: r.actor,
    target: r.target,
    outcome: r.outcome as AuditOutcome | null,
    context: r.context,
    idempotencyKey: r.idempotency_key,
    createdAt: r.created_at,
  };
}

const COLUMNS = "id, action, actor, target, outcome, context, idempotency_key, created_at";

/** The newest `started` row for a target: who is (or last was) deploying it. */
export async function latestStartedRow(
  db: pg.Client | pg.Pool,
  table: string,
  target: string,
): Promise<StoredAuditRow | undefined> {
  const res = await db.query<RawRow>(
    `SELECT ${COLUMNS} FROM ${quoteIdent("table", table)}
      WHERE target = $1 AND context->>'phase' = 'started' ORDER BY created_at DESC, id DESC LIMIT 1`,
    [target],
  );
  return res.rows[0] ? fromRaw(res.rows[0]) : undefined;
}

/**
 * The audit log in Postgres. Writes are idempotent on the record's key: writing a record whose key is
 * already stored returns the stored row's id with `duplicate: true`, however many writers race. Transient
 * failures (connection refused, reset, server restarting) are retried with backoff. Error messages never
 * carry the URL or its parts.
 */
export class AuditStore extends TableStore {
  private appender: ChainAppender | undefined;

  private constructor(parts: TableStoreParts) {
    super(parts);
  }

  static async open(databaseUrl: string, opts: AuditStoreOptions = {}): Promise<AuditStore> {
    const store = new AuditStore(
      await openTable(databaseUrl, opts, "audit", "table", "cannot migrate the audit database"),
    );
    if (opts.migrate ?? true) {
      try {
        await store.ensureChain();
      } catch (err) {
        await store.close();
        throw err;
      }
    }
    return store;
  }

  /** Starts the chain when the table has none: a genesis row, then the rows written before it (in id order). */
  async ensureChain(): Promise<void> {
    await this.attempt("cannot start the audit chain", () => ensureChain(this.pool, this.table), this.retry);
  }

  /** Writes one row (or finds the row already written under the record's key). */
  async write(
    record: AuditRecord,
    opts: { retries?: number } = {},
  ): Promise<{ id: string; duplicate: boolean }> {
    const row = toAuditRow(record);
    const retry = { ...this.retry, ...(opts.retries !== undefined ? { retries: opts.retries } : {}) };
    return this.attempt("cannot write the audit row", () => this.insert(row), retry);
  }

  /**
   * Appends the row to the chain (docs/audit-chain.md; see ChainAppender), or returns the row already stored
   * under its idempotency key: a key written meanwhile by another writer fails on its unique index, and the
   * row is then looked up under the table's chain lock, where every committed row is seen.
   */
  private async insert(row: AuditRow): Promise<{ id: string; duplicate: boolean }> {
    this.appender ??= new ChainAppender(this.pool, this.table);
    const appended = await this.appender.append(row);
    return { id: appended.id, duplicate: appended.duplicate };
  }

  /** Signs and stores a checkpoint of the head (see writeCheckpoint in checkpoints.ts). */
  async checkpoint(key: KeyObject, reason: CheckpointReason, now: Date): Promise<CheckpointDocument> {
    return this.attempt("cannot write the audit checkpoint", () =>
      checkpointHead(this.pool, this.table, key, reason, now),
    );
  }

  /** Verifies the chain and the checkpoints (stored and given). */
  async verify(opts: VerifyOptions = {}): Promise<VerifyReport> {
    return this.attempt("cannot verify the audit log", () => verifyChain(this.pool, this.table, opts));
  }

  /** Writes the rows and checkpoints as JSON lines. */
  async export(write: (line: string) => void | Promise<void>, now: Date) {
    return this.attempt("cannot export the audit log", () => exportChain(this.pool, this.table, write, now));
  }

  /** Erases a person from every row (see eraseActor in chain.ts). */
  async erase(subject: string, erasedBy: string, now: Date) {
    return this.attempt("cannot erase from the audit log", () =>
      eraseActor(this.pool, this.table, subject, erasedBy, now),
    );
  }

  /** Rows, newest first. */
  async read(query: AuditQuery = {}): Promise<StoredAuditRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace("?", `$${params.length}`));
    };
    if (query.target) add("target = ?", query.target);
    if (query.action) add("action = ?", query.action);
    if (query.phase) add("context->>'phase' = ?", query.phase);
    params.push(Math.max(1, Math.min(query.limit ?? 100, 10_000)));
    const res = await this.attempt("cannot read the audit log", () =>
      this.pool.query<RawRow>(
        `SELECT ${COLUMNS} FROM ${this.quoted} ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
          ORDER BY created_at DESC, id DESC LIMIT $${params.length}`,
        params,
      ),
    );
    return res.rows.map(fromRaw);
  }

  /** The row stored under an idempotency key, if any. */
  async findByKey(idempotencyKey: string): Promise<StoredAuditRow | undefined> {
    const res = await this.attempt("cannot read the audit log", () =>
      this.pool.query<RawRow>(`SELECT ${COLUMNS} FROM ${this.quoted} WHERE idempotency_key = $1`, [
        idempotencyKey,
      ]),
    );
    return res.rows[0] ? fromRaw(res.rows[0]) : undefined;
  }
}
