import type { KeyObject } from "node:crypto";
import type pg from "pg";
import { type CheckpointDocument, checkSignature } from "../core/audit-checkpoint.js";
import { ChainVerifier, type KnownCheckpoint, type VerifyReport } from "../core/audit-verify.js";
import { CHAIN_COLUMNS, checkpointsTable, type RawChainRow, toChainRow } from "./chain.js";
import { listCheckpoints } from "./checkpoints.js";
import { quoteIdent } from "./db.js";

/**
 * Reads the chain in position order, a page at a time (keyset pagination over the position index; the next
 * page is fetched while the current one is checked), so that memory stays constant however long the table.
 */
export async function* chainPages(
  pool: pg.Pool,
  table: string,
  pageSize = 5000,
): AsyncGenerator<RawChainRow[]> {
  const quoted = quoteIdent("table", table);
  // `position >= last` and skipping what was seen keeps rows that share a position (possible only when the
  // unique index was dropped) from falling between two pages.
  const fetch = (after: { position: string; id: string } | undefined) =>
    pool
      .query<RawChainRow>(
        after
          ? `SELECT ${CHAIN_COLUMNS} FROM ${quoted} WHERE position >= $1 ORDER BY position, id LIMIT $2`
          : `SELECT ${CHAIN_COLUMNS} FROM ${quoted} WHERE position IS NOT NULL ORDER BY position, id LIMIT $1`,
        after ? [after.position, pageSize + 1] : [pageSize],
      )
      .then((res) =>
        after
          ? res.rows.filter(
              (r) =>
                BigInt(r.position ?? "0") > BigInt(after.position) ||
                (r.position === after.position && BigInt(r.id) > BigInt(after.id)),
            )
          : res.rows,
      );
  let next = fetch(undefined);
  for (;;) {
    const rows = await next;
    if (!rows.length) return;
    const last = rows[rows.length - 1]!;
    next = fetch({ position: last.position ?? "0", id: last.id });
    yield rows;
  }
}

/** Rows outside the chain (no position), by id, a page at a time. */
export async function* unchainedPages(
  pool: pg.Pool,
  table: string,
  pageSize = 5000,
): AsyncGenerator<RawChainRow[]> {
  const quoted = quoteIdent("table", table);
  let lastId = "-1";
  for (;;) {
    const res = await pool.query<RawChainRow>(
      `SELECT ${CHAIN_COLUMNS} FROM ${quoted} WHERE position IS NULL AND id > $1 ORDER BY id LIMIT $2`,
      [lastId, pageSize],
    );
    if (!res.rows.length) return;
    lastId = res.rows[res.rows.length - 1]!.id;
    yield res.rows;
  }
}

export interface GivenCheckpoint {
  source: string;
  doc: CheckpointDocument;
}

export interface VerifyOptions {
  publicKey?: KeyObject;
  /** Checkpoints from outside the database (--checkpoint FILE). */
  checkpoints?: GivenCheckpoint[];
  pageSize?: number;
}

function badCheckpoint(table: string, source: string, message: string): VerifyReport {
  return {
    ok: false,
    table,
    rows: 0,
    head: null,
    start: 0,
    checkpoints: { total: 0, valid: 0, unsigned: 0, unchecked: 0 },
    break: { kind: "bad_checkpoint", id: null, position: null, message: `checkpoint ${source}: ${message}` },
  };
}

/**
 * Verifies the chain of `table` against the checkpoints stored with it and those given (docs/audit-chain.md,
 * "Verification"): the first break, or a report that it holds.
 */
export async function verifyChain(
  pool: pg.Pool,
  table: string,
  opts: VerifyOptions = {},
): Promise<VerifyReport> {
  const known: KnownCheckpoint[] = [];
  const stored = await listCheckpoints(pool, table);
  for (const s of stored) {
    if (!s.doc)
      return badCheckpoint(table, `row ${s.id} of ${checkpointsTable(table)}`, s.error ?? "unreadable");
  }
  const all: GivenCheckpoint[] = [
    ...stored.map((s) => ({ source: `#${s.id} (table)`, doc: s.doc! })),
    ...(opts.checkpoints ?? []),
  ];
  for (const { source, doc } of all) {
    if (doc.table !== table) return badCheckpoint(table, source, `is of table ${doc.table}, not ${table}`);
    const signature = checkSignature(doc, opts.publicKey);
    if (signature === "invalid") {
      return badCheckpoint(table, source, "its signature does not verify with the public key given");
    }
    known.push({ source, doc, signature });
  }
  const first = await pool.query<{ position: string | null }>(
    `SELECT min(position)::text AS position FROM ${quoteIdent("table", table)}`,
  );
  const start =
    first.rows[0]?.position === null || first.rows[0]?.position === undefined
      ? 0
      : Number(first.rows[0].position);
  let anchor: CheckpointDocument | undefined;
  if (start > 0) {
    anchor = known.find(
      (cp) =>
        cp.doc.reason === "prune" &&
        cp.doc.position === start - 1 &&
        (opts.publicKey ? cp.signature === "valid" : true),
    )?.doc;
  }
  const floor = anchor ? anchor.position + 1 : 0;
  const verifier = new ChainVerifier(
    table,
    known.filter((cp) => cp.doc.position >= floor),
    anchor,
  );
  for await (const page of chainPages(pool, table, opts.pageSize)) {
    for (const raw of page) verifier.push(toChainRow(raw));
    if (verifier.broken) break;
  }
  const unchained = await pool.query<{ id: string }>(
    `SELECT id FROM ${quoteIdent("table", table)} WHERE position IS NULL ORDER BY id LIMIT 1`,
  );
  const report = verifier.finish(unchained.rows[0]);
  report.checkpoints.total = known.length;
  return report;
}

/** One line of an export (docs/audit-chain.md, "Export"). */
export function exportRowLine(r: RawChainRow): string {
  return JSON.stringify({
    type: "row",
    id: r.id,
    position: r.position === null ? null : Number(r.position),
    prev_hash: r.prev_hash,
    row_hash: r.row_hash,
    action: r.action,
    actor: r.actor,
    target: r.target,
    outcome: r.outcome,
    context: r.context,
    idempotency_key: r.idempotency_key,
    created_at: r.created_at_text,
    personal: r.personal,
  });
}

/**
 * Writes the whole trail as JSON lines: a header, every stored checkpoint, the chained rows in position
 * order, then the rows outside the chain by id. Streams; `write` may return a promise to apply back-pressure.
 */
export async function exportChain(
  pool: pg.Pool,
  table: string,
  write: (line: string) => void | Promise<void>,
  now: Date,
): Promise<{ rows: number; checkpoints: number }> {
  await write(
    JSON.stringify({ type: "prodgate.audit.export", version: 1, table, exported_at: now.toISOString() }),
  );
  const stored = await listCheckpoints(pool, table);
  for (const s of stored) {
    await write(JSON.stringify({ type: "checkpoint", source: `#${s.id} (table)`, document: s.doc ?? null }));
  }
  let rows = 0;
  for (const pages of [chainPages(pool, table), unchainedPages(pool, table)]) {
    for await (const page of pages) {
      for (const r of page) {
        await write(exportRowLine(r));
        rows++;
      }
    }
  }
  return { rows, checkpoints: stored.length };
}
