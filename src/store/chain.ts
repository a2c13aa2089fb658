import { randomBytes, randomUUID } from "node:crypto";
import type pg from "pg";
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

/** Appends a row at the head, or returns the row already stored under its idempotency key. */
async function appendIn(client: pg.ClientBase, table: string, row: AuditRow, now: Date): Promise<Appended> {
  const quoted = quoteIdent("table", table);
  const found = await client.query<{
    id: string;
    position: string | null;
    row_hash: string | null;
    next: string | null;
  }>(
    `SELECT e.id::text AS id, e.position::text AS position, e.row_hash, NULL AS next
       FROM ${quoted} e WHERE e.idempotency_key = $1
     UNION ALL
     SELECT h.id::text, h.position::text, h.row_hash,
            nextval(pg_get_serial_sequence('${quoted.replace(/'/g, "''")}', 'id'))::text
       FROM (SELECT id, position, row_hash FROM ${quoted} WHERE position IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM ${quoted} WHERE idempotency_key = $1)
              ORDER BY position DESC LIMIT 1) h`,
    [row.idempotencyKey],
  );
  const dup = found.rows.find((r) => r.next === null);
  if (dup)
    return { id: dup.id, duplicate: true, position: Number(dup.position ?? -1), rowHash: dup.row_hash ?? "" };
  let head: Head;
  let id: string;
  const h = found.rows[0];
  if (h?.next) {
    head = { position: Number(h.position), id: h.id, rowHash: h.row_hash ?? "" };
    id = h.next;
  } else {
    head = await startChain(client, table, now);
    const ids = await client.query<{ id: string }>(
      `SELECT nextval(pg_get_serial_sequence('${quoted.replace(/'/g, "''")}', 'id'))::text AS id`,
    );
    id = ids.rows[0]!.id;
  }
  const sealed = sealRow({
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
  await insertSealed(client, quoted, sealed);
  return { id, duplicate: false, position: sealed.position, rowHash: sealed.rowHash };
}

/** Appends one row to the chain (one transaction holding the table's chain lock). */
export function appendRow(pool: pg.Pool, table: string, row: AuditRow, now = new Date()): Promise<Appended> {
  return inTransaction(pool, table, (client) => appendIn(client, table, row, now));
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
