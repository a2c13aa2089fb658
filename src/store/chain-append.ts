import pg from "pg";
import type { AuditRow } from "../core/audit.js";
import type { ChainRow } from "../core/audit-chain.js";
import {
  type Appended,
  type Head,
  type HeadRow,
  headSql,
  lockSql,
  sealAfter,
  startChain,
  UNIQUE_VIOLATION,
} from "./chain.js";
import { quoteIdent } from "./db.js";

const { escapeLiteral } = pg;

const lit = (v: string | null) => (v === null ? "NULL" : escapeLiteral(v));

/** `count` new ids from the table's sequence, in increasing order, as text[] (column `next`). */
function nextIdsSql(quoted: string, count: number): string {
  const seq = `pg_get_serial_sequence('${quoted.replace(/'/g, "''")}', 'id')`;
  const n = Math.max(1, Math.floor(count));
  if (n === 1) return `SELECT ARRAY[nextval(${seq})::text] AS next`;
  return `SELECT array_agg(n::text ORDER BY n) AS next
    FROM (SELECT nextval(${seq}) AS n FROM generate_series(1, ${n})) AS ids`;
}

/** The row as literals for a multi-statement query (which takes no parameters), escaped by pg. */
function valuesSql(r: ChainRow): string {
  return `(${lit(r.id)}::bigint, ${lit(r.action)}, ${lit(r.actor)}, ${lit(r.target)}, ${lit(r.outcome)}::text,
    ${lit(JSON.stringify(r.context))}::jsonb, ${lit(r.idempotencyKey)}, ${lit(r.createdAt)}::timestamptz,
    ${r.position}::bigint, ${lit(r.prevHash)}, ${lit(r.rowHash)}, ${lit(JSON.stringify(r.personal))}::jsonb)`;
}

/** The row's values, in INSERT_COLUMNS order, and the casts they take in a VALUES list. */
function rowParams(r: ChainRow): unknown[] {
  return [
    r.id,
    r.action,
    r.actor,
    r.target,
    r.outcome,
    JSON.stringify(r.context),
    r.idempotencyKey,
    r.createdAt,
    r.position,
    r.prevHash,
    r.rowHash,
    JSON.stringify(r.personal),
  ];
}
const ROW_CASTS = [
  "bigint",
  "text",
  "text",
  "text",
  "text",
  "jsonb",
  "text",
  "timestamptz",
  "bigint",
  "text",
  "text",
  "jsonb",
];

const INSERT_COLUMNS = `(id, action, actor, target, outcome, context, idempotency_key, created_at,
  position, prev_hash, row_hash, personal)`;

/** What a writer knows of the chain after its last append: the head it wrote, and ids reserved for the next. */
interface Known {
  head: Head;
  ids: string[];
}

interface Pending {
  row: AuditRow;
  now: Date;
  resolve(a: Appended): void;
  reject(err: unknown): void;
}

/** Most rows one statement appends. */
const MAX_BATCH = 100;
/** Ids reserved at once for the appends to come. */
const ID_BLOCK = 16;

/**
 * The appends of one store to one table. They are queued, so that each knows the head the one before wrote;
 * the rows waiting when a statement starts go in it together (group commit). With a known head an append is
 * one statement: an insert at head + 1 guarded by "the head is still the one I know", which the unique
 * indexes on position and key make safe without a lock. When that fails (another process appended, or a key
 * was already written) each row is appended under the table's chain lock after the head read there (two
 * round trips), and a key already written returns its row. Either way no two rows share a position and every
 * row follows the head it was hashed after: one gapless chain.
 */
export class ChainAppender {
  private readonly queue: Pending[] = [];
  private running = false;
  private known: Known | undefined;

  constructor(
    private readonly pool: pg.Pool,
    readonly table: string,
  ) {}

  append(row: AuditRow, now = new Date()): Promise<Appended> {
    return new Promise<Appended>((resolve, reject) => {
      this.queue.push({ row, now, resolve, reject });
      void this.pump();
    });
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.queue.length) await this.run(this.queue.splice(0, MAX_BATCH));
    } finally {
      this.running = false;
    }
  }

  private async run(batch: Pending[]): Promise<void> {
    // A key twice in one batch (a write racing its own retry): the first writes, the others get its row.
    const leaders = new Map<string, Pending>();
    const followers: [Pending, Pending][] = [];
    for (const p of batch) {
      const leader = leaders.get(p.row.idempotencyKey);
      if (leader) followers.push([p, leader]);
      else leaders.set(p.row.idempotencyKey, p);
    }
    const results = new Map<Pending, Appended | { error: unknown }>();
    let client: pg.PoolClient | undefined;
    try {
      client = await this.pool.connect();
      const unique = [...leaders.values()];
      const known = this.known;
      this.known = undefined;
      let rest = unique;
      if (known?.ids.length) {
        const fast = unique.slice(0, known.ids.length);
        const done = await this.guarded(client, fast, known);
        if (done) {
          for (const [i, p] of fast.entries()) results.set(p, done[i]!);
          rest = unique.slice(fast.length);
          // Rows beyond the ids reserved go back to the front of the queue, for the next transaction.
          if (rest.length)
            this.queue.unshift(...rest, ...followers.filter(([, l]) => rest.includes(l)).map(([f]) => f));
          rest = [];
        }
      }
      for (const p of rest) {
        try {
          results.set(p, await this.locked(client, p.row, p.now));
        } catch (err) {
          results.set(p, { error: err });
        }
      }
    } catch (err) {
      for (const p of leaders.values()) if (!results.has(p)) results.set(p, { error: err });
    } finally {
      client?.release();
    }
    const settle = (p: Pending, r: Appended | { error: unknown } | undefined) => {
      if (!r) return;
      if ("error" in r) p.reject(r.error);
      else p.resolve(r);
    };
    for (const p of leaders.values()) settle(p, results.get(p));
    for (const [f, leader] of followers) {
      const r = results.get(leader);
      if (!r) continue;
      settle(f, "error" in r ? r : { ...r, duplicate: true });
    }
  }

  /**
   * The one-statement append (no explicit transaction, no lock): safe because the unique index on position
   * lets only one row take head + 1, and the guard refuses to write unless the head is the one known. A row
   * that loses a race to another writer fails on that index, a key already written on the key's: then
   * undefined, and the caller takes the locked path (which returns the row of a key already written).
   */
  private async guarded(
    client: pg.PoolClient,
    batch: Pending[],
    known: Known,
  ): Promise<Appended[] | undefined> {
    const quoted = quoteIdent("table", this.table);
    let head = known.head;
    const rows = batch.map((p, i) => {
      const r = sealAfter(head, known.ids[i]!, p.row);
      head = { position: r.position, id: r.id, rowHash: r.rowHash };
      return r;
    });
    // A key already written fails on its unique index, as a lost race fails on the position's.
    const params: unknown[] = [known.head.rowHash];
    // Ids are reserved a block at a time (the sequence skips numbers anyway), so most appends take none.
    const left = known.ids.slice(rows.length);
    const reserve = left.length >= this.queue.length + 1 ? 0 : Math.max(ID_BLOCK, this.queue.length + 1);
    const tuples = rows.map((r) => {
      const at = params.length;
      params.push(...rowParams(r));
      return `(${ROW_CASTS.map((cast, k) => `$${at + k + 1}::${cast}`).join(", ")})`;
    });
    try {
      const res = await client.query<{ inserted: number; next: string[] }>(
        `WITH ins AS (
           INSERT INTO ${quoted} ${INSERT_COLUMNS}
           SELECT * FROM (VALUES ${tuples.join(", ")}) AS v
            WHERE (SELECT row_hash FROM ${quoted} WHERE position IS NOT NULL ORDER BY position DESC LIMIT 1) = $1
           RETURNING id)
         SELECT (SELECT count(*) FROM ins)::int AS inserted, ${reserve ? `(${nextIdsSql(quoted, reserve)})` : "NULL::text[]"} AS next`,
        params,
      );
      const out = res.rows[0]!;
      if (out.inserted !== rows.length) return undefined;
      this.known = { head, ids: reserve ? out.next : left };
      return rows.map((r) => ({ id: r.id, duplicate: false, position: r.position, rowHash: r.rowHash }));
    } catch (err) {
      if ((err as { code?: string }).code === UNIQUE_VIOLATION) return undefined;
      throw err;
    }
  }

  /** Appends under the chain lock, reading the head first; a position taken meanwhile is tried again. */
  private async locked(client: pg.PoolClient, row: AuditRow, now: Date): Promise<Appended> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.lockedOnce(client, row, now);
      } catch (err) {
        if ((err as { code?: string }).code !== UNIQUE_VIOLATION || attempt >= 20) throw err;
      }
    }
  }

  private async lockedOnce(client: pg.PoolClient, row: AuditRow, now: Date): Promise<Appended> {
    const quoted = quoteIdent("table", this.table);
    try {
      const results = (await client.query(
        `BEGIN; ${lockSql(this.table)}; ${headSql(quoted, lit(row.idempotencyKey))}`,
      )) as unknown as pg.QueryResult<HeadRow>[];
      const found = results[2]!.rows[0]!;
      if (found.dup_id) {
        await client.query("COMMIT");
        if (found.position !== null) {
          const head = {
            position: Number(found.position),
            id: found.id ?? "",
            rowHash: found.row_hash ?? "",
          };
          this.known = { head, ids: [found.next] };
        }
        return { id: found.dup_id, duplicate: true, position: -1, rowHash: "" };
      }
      const head =
        found.position !== null
          ? { position: Number(found.position), id: found.id ?? "", rowHash: found.row_hash ?? "" }
          : await startChain(client, this.table, now);
      const r = sealAfter(head, found.next, row);
      const done = (await client.query(
        `INSERT INTO ${quoted} ${INSERT_COLUMNS} VALUES ${valuesSql(r)}; ${nextIdsSql(quoted, Math.max(ID_BLOCK, this.queue.length + 1))}; COMMIT`,
      )) as unknown as pg.QueryResult<{ next: string[] }>[];
      this.known = {
        head: { position: r.position, id: r.id, rowHash: r.rowHash },
        ids: done[1]!.rows[0]!.next,
      };
      return { id: r.id, duplicate: false, position: r.position, rowHash: r.rowHash };
    } catch (err) {
      await client.query("ROLLBACK").catch(() => {});
      throw err;
    }
  }
}
