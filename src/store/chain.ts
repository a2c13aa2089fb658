import { randomBytes, randomUUID } from "node:crypto";
import type pg from "pg";
import type { AuditRow } from "../core/audit.js";
import {
  type ChainRow,
  chainTime,
  commitPersonal,
  GENESIS_ACTION,
  type Personal,
  sealRow,
  ZERO_HASH,
} from "../core/audit-chain.js";
import { quoteIdent } from "./db.js";

/**
 * The audit chain in Postgres (docs/audit-chain.md): reading rows as the chain sees them, the chain lock,
 * the genesis row and the chaining of rows written before the chain existed. Appends are in chain-append.ts,
 * erasure in chain-erase.ts. Nothing here trusts the database to keep the chain: `prodgate audit verify`
 * recomputes every hash.
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

export function lockSql(table: string): string {
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

export async function insertSealed(client: pg.ClientBase, quoted: string, row: ChainRow): Promise<void> {
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
export async function startChain(client: pg.ClientBase, table: string, now: Date): Promise<Head> {
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

export async function inTransaction<T>(
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
export function sealAfter(head: Head, id: string, row: AuditRow): ChainRow {
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
export function headSql(quoted: string, key: string): string {
  const seq = `pg_get_serial_sequence('${quoted.replace(/'/g, "''")}', 'id')`;
  return `SELECT d.id AS dup_id, h.position, h.id, h.row_hash, nextval(${seq})::text AS next
    FROM (SELECT 1) AS one
    LEFT JOIN LATERAL (SELECT id FROM ${quoted} WHERE idempotency_key = ${key}) AS d ON true
    LEFT JOIN LATERAL (SELECT position, id, row_hash FROM ${quoted} WHERE position IS NOT NULL
                        ORDER BY position DESC LIMIT 1) AS h ON true`;
}

export interface HeadRow {
  dup_id: string | null;
  position: string | null;
  id: string | null;
  row_hash: string | null;
  next: string;
}

/** Appends a row at the head inside the caller's transaction (which holds the chain lock). */
export async function appendIn(
  client: pg.ClientBase,
  table: string,
  row: AuditRow,
  now: Date,
): Promise<Appended> {
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

/** The error code of a unique index refusing a row (a position or key already taken). */
export const UNIQUE_VIOLATION = "23505";
