import { randomUUID } from "node:crypto";
import type pg from "pg";
import { ERASED_ACTION, eraseSubject, type Personal } from "../core/audit-chain.js";
import {
  type Appended,
  appendIn,
  CHAIN_COLUMNS,
  inTransaction,
  type RawChainRow,
  readHead,
  startChain,
  toChainRow,
  UNIQUE_VIOLATION,
} from "./chain.js";
import { quoteIdent } from "./db.js";

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
