import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";

const { escapeLiteral } = pg;

import type { AuditRow } from "../core/audit.js";
import {
  type ChainRow,
  chainTime,
  commitPersonal,
  ERASED_ACTION,
  eraseSubject,
  GENESIS_ACTION,
  type Personal,
  sealRow,
  ZERO_HASH,
} from "../core/audit-chain.js";
import { quoteIdent } from "./db.js";

/**
 * The audit chain in Postgres (docs/audit-chain.md). Appends are serialised by a transaction-scoped
 * advisory lock per table, so any number of concurrent writers make one gapless chain; the idempotency key is
 * checked under that lock, so a retried write returns the row already written. Nothing here trusts the
 * database to keep the chain: `prodgate audit verify` recomputes every hash.
 */

/** The first key of the chain lock of a table (the second is hashtext of the table's name). */
const CHAIN_LOCK_SPACE = 72_468_131;

export function newSalt(): string {
  return randomBytes(16).toString("hex");
}

/** The checkpoints table of an audit table, named as the migration names it (see migrate.ts applyNames). */
export function checkpointsTable(table: string): string {
  const bare = table.split(".").pop() ?? table;
  return quoteIdent("table", `${bare}_checkpoints`);
}

function lockSql(table: string): string {
  quoteIdent("table", table);
  // The name passed quoteIdent's check (letters, digits, underscores, one dot): safe as a literal.
  return `SELECT pg_advisory_xact_lock(${CHAIN_LOCK_SPACE}, hashtext('${table}'))`;
}

/** The time column as the chain hashes it (microseconds, UTC). Bigint columns come back as strings (pg's default), uncast, so that ORDER BY sorts them as numbers. */
const CREATED_AT_TEXT = `to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at_text`;

export const CHAIN_COLUMNS = `id, position, prev_hash, row_hash, action, actor, target,
  outcome, context, idempotency_key, ${CREATED_AT_TEXT}, personal`;

export interface RawChainRow {
  id: string;
  position: string | null;
  prev_hash: string | null;
  row_hash: string | null;
  action: string;
  actor: string;
  target: string;
  outcome: string | null;
  context: Record<string, unknown>;
  idempotency_key: string;
  created_at_text: string;
  personal: Personal | null;
}

export function toChainRow(r: RawChainRow): ChainRow {
  return {
    id: r.id,
    position: r.position === null ? -1 : Number(r.position),
    prevHash: r.prev_hash ?? "",
    rowHash: r.row_hash ?? "",
    action: r.action,
    actor: r.actor,
    target: r.target,
    outcome: r.outcome,
    context: r.context ?? {},
    idempotencyKey: r.idempotency_key,
    createdAt: r.created_at_text,
    personal: r.personal ?? {},
  };
}

export interface Head {
  position: number;
  id: string;
  rowHash: string;
}

export async function readHead(db: pg.ClientBase | pg.Pool, table: string): Promise<Head | undefined> {
  const res = await db.query<{ position: string; id: string; row_hash: string }>(
    `SELECT position, id, row_hash FROM ${quoteIdent("table", table)}
      WHERE position IS NOT NULL ORDER BY position DESC LIMIT 1`,
  );
  const r = res.rows[0];
  return r ? { position: Number(r.position), id: r.id, rowHash: r.row_hash } : undefined;
}

async function insertSealed(client: pg.ClientBase, quoted: string, row: ChainRow): Promise<void> {
  await client.query(
    `INSERT INTO ${quoted} (id, action, actor, target, outcome, context, idempotency_key, created_at,
       position, prev_hash, row_hash, personal)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8::timestamptz, $9, $10, $11, $12::jsonb)`,
    [
      row.id,
      row.action,
      row.actor,
      row.target,
      row.outcome,
      JSON.stringify(row.context),
      row.idempotencyKey,
      row.createdAt,
      row.position,
      row.prevHash,
      row.rowHash,
      JSON.stringify(row.personal),
    ],
  );
}

/**
 * Starts the chain of a table that has none, inside the caller's transaction (which holds the chain lock):
 * the genesis row at position 0, then every row written before the chain existed, in id order.
 */
async function startChain(client: pg.ClientBase, table: string, now: Date): Promise<Head> {
  const quoted = quoteIdent("table", table);
  const existing = await client.query<{ n: string; oldest: Date | null }>(
    `SELECT count(*)::text AS n, min(created_at) AS oldest FROM ${quoted} WHERE position IS NULL`,
  );
  // The genesis row takes the time of the oldest row it precedes, so that retention can prune it with them.
  const genesisTime = existing.rows[0]?.oldest ?? now;
  const genesisContext = { chain: "prodgate-audit-v1", chained_rows: Number(existing.rows[0]?.n ?? 0) };
  const genesisFields = { actor: "prodgate", context: genesisContext };
  let prev = sealRow({
    // Id 0, which the id sequence never hands out: the genesis row precedes every row, the ones written
    // before the chain existed included, in id order as in position order.
    id: "0",
    position: 0,
    prevHash: ZERO_HASH,
    action: GENESIS_ACTION,
    actor: "prodgate",
    target: table,
    outcome: null,
    context: genesisContext,
    idempotencyKey: `audit:genesis:${randomUUID()}`,
    createdAt: chainTime(genesisTime),
    personal: commitPersonal(genesisFields, newSalt),
  });
  await insertSealed(client, quoted, prev);
  let lastId = "0";
  for (;;) {
    const page = await client.query<RawChainRow>(
      `SELECT ${CHAIN_COLUMNS} FROM ${quoted} WHERE position IS NULL AND id > $1 ORDER BY id LIMIT 1000`,
      [lastId],
    );
    if (!page.rows.length) break;
    const sealed: ChainRow[] = [];
    for (const raw of page.rows) {
      const r = toChainRow(raw);
      const row = sealRow({
        ...r,
        position: prev.position + 1,
        prevHash: prev.rowHash,
        personal: commitPersonal(r, newSalt),
      });
      sealed.push(row);
      prev = row;
      lastId = r.id;
    }
    await client.query(
      `UPDATE ${quoted} AS t SET position = u.position, prev_hash = u.prev_hash, row_hash = u.row_hash,
              personal = u.personal
         FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::jsonb[])
              AS u(id, position, prev_hash, row_hash, personal)
        WHERE t.id = u.id`,
      [
        sealed.map((r) => r.id),
        sealed.map((r) => r.position),
        sealed.map((r) => r.prevHash),
        sealed.map((r) => r.rowHash),
        sealed.map((r) => JSON.stringify(r.personal)),
      ],
    );
  }
  return { position: prev.position, id: prev.id, rowHash: prev.rowHash };
}

async function inTransaction<T>(
  pool: pg.Pool,
  table: string,
  fn: (c: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query(`BEGIN; ${lockSql(table)}`);
    try {
      const out = await fn(client);
      await client.query("COMMIT");
      return out;
    } catch (err) {
      await client.query("ROLLBACK").catch(() => {});
      throw err;
    }
  } finally {
    client.release();
  }
}

/**
 * Makes sure the table has a chain: a table with no chained row gets its genesis row, and the rows written
 * before the chain existed are chained after it. Cheap when the chain exists (one indexed read).
 */
export async function ensureChain(pool: pg.Pool, table: string, now = new Date()): Promise<void> {
  if (await readHead(pool, table)) return;
  await inTransaction(pool, table, async (client) => {
    if (!(await readHead(client, table))) await startChain(client, table, now);
  });
}

export interface Appended {
  id: string;
  duplicate: boolean;
  position: number;
  rowHash: string;
}

/** The sealed row that `row` becomes when appended after `head` with the id `id`. */
function sealAfter(head: Head, id: string, row: AuditRow): ChainRow {
  return sealRow({
    id,
    position: head.position + 1,
    prevHash: head.rowHash,
    action: row.action,
    actor: row.actor,
    target: row.target,
    outcome: row.outcome,
    context: row.context,
    idempotencyKey: row.idempotencyKey,
    createdAt: chainTime(row.createdAt),
    personal: commitPersonal(row, newSalt),
  });
}

/**
 * One statement, run after the chain lock is held (a new statement: its snapshot sees every append committed
 * before the lock was granted): the row already stored under the key, if any; the head; and a new id.
 */
function headSql(quoted: string, key: string): string {
  const seq = `pg_get_serial_sequence('${quoted.replace(/'/g, "''")}', 'id')`;
  return `SELECT d.id AS dup_id, h.position, h.id, h.row_hash, nextval(${seq})::text AS next
    FROM (SELECT 1) AS one
    LEFT JOIN LATERAL (SELECT id FROM ${quoted} WHERE idempotency_key = ${key}) AS d ON true
    LEFT JOIN LATERAL (SELECT position, id, row_hash FROM ${quoted} WHERE position IS NOT NULL
                        ORDER BY position DESC LIMIT 1) AS h ON true`;
}

interface HeadRow {
  dup_id: string | null;
  position: string | null;
  id: string | null;
  row_hash: string | null;
  next: string;
}

/** Appends a row at the head inside the caller's transaction (which holds the chain lock). */
async function appendIn(client: pg.ClientBase, table: string, row: AuditRow, now: Date): Promise<Appended> {
  const quoted = quoteIdent("table", table);
  const found = (await client.query<HeadRow>(headSql(quoted, "$1"), [row.idempotencyKey])).rows[0]!;
  if (found.dup_id) return { id: found.dup_id, duplicate: true, position: -1, rowHash: "" };
  const head =
    found.position !== null
      ? { position: Number(found.position), id: found.id ?? "", rowHash: found.row_hash ?? "" }
      : await startChain(client, table, now);
  const sealed = sealAfter(head, found.next, row);
  await insertSealed(client, quoted, sealed);
  return { id: sealed.id, duplicate: false, position: sealed.position, rowHash: sealed.rowHash };
}

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
const UNIQUE_VIOLATION = "23505";

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

/**
 * Erases a person (seed 002 §10): in one transaction holding the chain lock, appends the `audit.erased` row
 * (who erased, how many rows; never whose) and replaces every personal value equal to `subject` (ignoring
 * case) with the tombstone, dropping its salt, so that every hash still verifies. Rows outside the chain
 * (no position) are scrubbed too. Returns the rows changed and the erasure row.
 */
export async function eraseActor(
  pool: pg.Pool,
  table: string,
  subject: string,
  erasedBy: string,
  now: Date,
): Promise<{ rows: number; erasure: Appended }> {
  const quoted = quoteIdent("table", table);
  // A writer that appends without the lock (ChainAppender's one-statement path) may take the position the
  // erasure row wanted: the whole erasure is then done again after the new head.
  for (let attempt = 0; ; attempt++) {
    try {
      return await eraseOnce(pool, table, quoted, subject, erasedBy, now);
    } catch (err) {
      if ((err as { code?: string }).code !== UNIQUE_VIOLATION || attempt >= 20) throw err;
    }
  }
}

async function eraseOnce(
  pool: pg.Pool,
  table: string,
  quoted: string,
  subject: string,
  erasedBy: string,
  now: Date,
): Promise<{ rows: number; erasure: Appended }> {
  return inTransaction(pool, table, async (client) => {
    const match = `(lower(btrim(actor)) = lower(btrim($1)) OR lower(btrim(context->>'actor')) = lower(btrim($1))
                    OR lower(btrim(context->>'approved_by')) = lower(btrim($1)))`;
    const unchained = await client.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM ${quoted} WHERE position IS NULL AND ${match}`,
      [subject],
    );
    // The candidates are counted first so that the erasure row can say how many rows it erased; it is
    // appended before the rows change so that each erased entry can name its position.
    const head = (await readHead(client, table)) ?? (await startChain(client, table, now));
    const rows: { id: string; actor: string; context: Record<string, unknown>; personal: Personal }[] = [];
    const erasurePosition = head.position + 1;
    let lastId = "0";
    for (;;) {
      const page = await client.query<RawChainRow>(
        `SELECT ${CHAIN_COLUMNS} FROM ${quoted} WHERE position IS NOT NULL AND ${match} AND id > $2 ORDER BY id LIMIT 1000`,
        [subject, lastId],
      );
      if (!page.rows.length) break;
      for (const raw of page.rows) {
        lastId = raw.id;
        const r = toChainRow(raw);
        const erased = eraseSubject(r, subject, erasurePosition);
        if (erased) rows.push({ id: r.id, ...erased });
      }
    }
    const count = rows.length;
    const fields = rows.reduce(
      (n, r) => n + Object.values(r.personal).filter((e) => e?.erased_by === erasurePosition).length,
      0,
    );
    const scrubbed = Number(unchained.rows[0]?.n ?? 0);
    const erasure = await appendIn(
      client,
      table,
      {
        action: ERASED_ACTION,
        actor: erasedBy,
        target: table,
        outcome: null,
        context: { rows: count, fields, unchained_rows: scrubbed },
        idempotencyKey: `audit:erased:${randomUUID()}`,
        createdAt: now,
      },
      now,
    );
    if (erasure.position !== erasurePosition) throw new Error("the chain moved during the erasure");
    for (let i = 0; i < rows.length; i += 1000) {
      const batch = rows.slice(i, i + 1000);
      await client.query(
        `UPDATE ${quoted} AS t SET actor = u.actor, context = u.context, personal = u.personal
           FROM unnest($1::bigint[], $2::text[], $3::jsonb[], $4::jsonb[]) AS u(id, actor, context, personal)
          WHERE t.id = u.id`,
        [
          batch.map((r) => r.id),
          batch.map((r) => r.actor),
          batch.map((r) => JSON.stringify(r.context)),
          batch.map((r) => JSON.stringify(r.personal)),
        ],
      );
    }
    if (scrubbed) {
      await client.query(
        `UPDATE ${quoted} SET
           actor = CASE WHEN lower(btrim(actor)) = lower(btrim($1)) THEN $2 ELSE actor END,
           context = context
             || CASE WHEN lower(btrim(context->>'actor')) = lower(btrim($1)) THEN jsonb_build_object('actor', $2::text) ELSE '{}'::jsonb END
             || CASE WHEN lower(btrim(context->>'approved_by')) = lower(btrim($1)) THEN jsonb_build_object('approved_by', $2::text) ELSE '{}'::jsonb END
         WHERE position IS NULL AND ${match}`,
        [subject, "[erased]"],
      );
    }
    return { rows: count + scrubbed, erasure };
  });
}
