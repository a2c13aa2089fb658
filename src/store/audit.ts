import type pg from "pg";
import { type AuditOutcome, type AuditRecord, type AuditRow, toAuditRow } from "../core/audit.js";
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

const COLUMNS = "id::text AS id, action, actor, target, outcome, context, idempotency_key, created_at";

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
  private constructor(parts: TableStoreParts) {
    super(parts);
  }

  static async open(databaseUrl: string, opts: AuditStoreOptions = {}): Promise<AuditStore> {
    return new AuditStore(
      await openTable(databaseUrl, opts, "audit", "table", "cannot migrate the audit database"),
    );
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

  private async insert(row: AuditRow): Promise<{ id: string; duplicate: boolean }> {
    const values = [
      row.action,
      row.actor,
      row.target,
      row.outcome,
      JSON.stringify(row.context),
      row.idempotencyKey,
      row.createdAt,
    ];
    // The second branch sees rows committed before this statement began. A row committed by a concurrent
    // writer while this one waited on the key is invisible to it: then nothing comes back, and a new
    // statement (a new snapshot) finds it.
    const res = await this.pool.query<{ id: string; duplicate: boolean }>(
      `WITH ins AS (
         INSERT INTO ${this.quoted} (action, actor, target, outcome, context, idempotency_key, created_at)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7)
         ON CONFLICT (idempotency_key) DO NOTHING
         RETURNING id
       )
       SELECT id::text AS id, false AS duplicate FROM ins
       UNION ALL
       SELECT id::text AS id, true AS duplicate FROM ${this.quoted} WHERE idempotency_key = $6
       LIMIT 1`,
      values,
    );
    const found = res.rows[0];
    if (found) return found;
    const again = await this.pool.query<{ id: string }>(
      `SELECT id::text AS id FROM ${this.quoted} WHERE idempotency_key = $1`,
      [row.idempotencyKey],
    );
    const existing = again.rows[0];
    if (!existing) throw new Error("the audit row was neither inserted nor found");
    return { id: existing.id, duplicate: true };
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
