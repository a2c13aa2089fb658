import {
  type ChainRow,
  commitment,
  ERASED_ACTION,
  GENESIS_ACTION,
  PERSONAL_FIELDS,
  personalValue,
  rowHash,
  TOMBSTONE,
  ZERO_HASH,
} from "./audit-chain.js";
import type { CheckpointDocument, SignatureCheck } from "./audit-checkpoint.js";

/**
 * Verification of the audit chain, one row at a time in position order (constant memory: one row of
 * look-ahead, the checkpoints, and a count per erasure). The rules, and the order they are applied in, are
 * docs/audit-chain.md's "Verification"; an independent verifier written from that document must name the
 * same first break. Pure.
 */

export const BREAK_KINDS = [
  "modified",
  "inserted",
  "deleted",
  "out_of_order",
  "truncated",
  "rewritten",
  "bad_checkpoint",
] as const;
export type BreakKind = (typeof BREAK_KINDS)[number];

export interface ChainBreak {
  kind: BreakKind;
  /** The row named (for truncated: the head; for bad_checkpoint: none). */
  id: string | null;
  position: number | null;
  message: string;
}

export interface KnownCheckpoint {
  doc: CheckpointDocument;
  /** Where it came from: a file name, or `table`. */
  source: string;
  signature: SignatureCheck;
}

export interface VerifyReport {
  ok: boolean;
  table: string;
  rows: number;
  head: { position: number; id: string; hash: string } | null;
  /** Where the walk started: 0 (genesis) or the row after a prune checkpoint. */
  start: number;
  checkpoints: { total: number; valid: number; unsigned: number; unchecked: number };
  break?: ChainBreak;
}

const HEX32 = /^[0-9a-f]{32}$/;

function brk(
  kind: BreakKind,
  row: { id: string | null; position: number | null },
  message: string,
): ChainBreak {
  return { kind, id: row.id, position: row.position, message };
}

export class ChainVerifier {
  private prev: { position: number; rowHash: string; prevHash: string | null; id: string | null };
  private pending: ChainRow | undefined;
  private found: ChainBreak | undefined;
  private count = 0;
  private head: ChainRow | undefined;
  private readonly byPosition = new Map<number, KnownCheckpoint[]>();
  /** position of an audit.erased row -> rows naming it, and the first of them. */
  private readonly erasures = new Map<
    number,
    { rows: number; fields: number; firstId: string; firstPosition: number }
  >();
  readonly start: number;

  constructor(
    readonly table: string,
    private readonly checkpoints: KnownCheckpoint[],
    /** The prune checkpoint the chain starts after, when its first row is not the genesis row. */
    anchor?: CheckpointDocument,
  ) {
    for (const cp of checkpoints) {
      const list = this.byPosition.get(cp.doc.position) ?? [];
      list.push(cp);
      this.byPosition.set(cp.doc.position, list);
    }
    this.prev = anchor
      ? { position: anchor.position, rowHash: anchor.head_hash, prevHash: null, id: null }
      : { position: -1, rowHash: ZERO_HASH, prevHash: null, id: null };
    this.start = this.prev.position + 1;
  }

  get broken(): ChainBreak | undefined {
    return this.found;
  }

  /** Feeds the next row in (position, id) order. */
  push(row: ChainRow): void {
    if (this.found) return;
    if (this.pending) this.step(this.pending, row);
    this.pending = row;
  }

  private fail(kind: BreakKind, row: { id: string | null; position: number | null }, message: string): void {
    this.found ??= { kind, id: row.id, position: row.position, message };
  }

  private step(r: ChainRow, next: ChainRow | undefined): void {
    if (this.found) return;
    this.found = this.check(r, next);
    if (this.found) return;
    this.prev = { position: r.position, rowHash: r.rowHash, prevHash: r.prevHash, id: r.id };
    this.head = r;
    this.count++;
  }

  /** The rules of docs/audit-chain.md "Verification", in their order, for the row after `this.prev`. */
  private check(r: ChainRow, next: ChainRow | undefined): ChainBreak | undefined {
    const prev = this.prev;
    const where = `row id ${r.id} at position ${r.position}`;
    if (r.position <= prev.position) {
      return brk("inserted", r, `${where}: a second row at a position already taken`);
    }
    if (r.position > prev.position + 1) {
      const missing =
        r.position - 1 === prev.position + 1
          ? `position ${prev.position + 1} is`
          : `positions ${prev.position + 1} to ${r.position - 1} are`;
      return brk("deleted", r, `${where}: ${missing} missing (rows deleted)`);
    }
    if (rowHash(r) !== r.rowHash) {
      if (rowHash(r, r.position + 1) === r.rowHash) {
        if (next && next.rowHash === r.prevHash) {
          return brk("out_of_order", r, `${where} was written at position ${r.position + 1}: rows swapped`);
        }
        return brk(
          "deleted",
          r,
          `${where} was written at position ${r.position + 1}: a row before it was deleted and the later ones renumbered`,
        );
      }
      if (rowHash(r, r.position - 1) === r.rowHash) {
        if (prev.id !== null && prev.prevHash === r.prevHash) {
          return brk(
            "inserted",
            { id: prev.id, position: prev.position },
            `row id ${prev.id} at position ${prev.position} is not part of the chain: the rows after it were pushed down to make room`,
          );
        }
        return brk("out_of_order", r, `${where} was written at position ${r.position - 1}`);
      }
      return brk("modified", r, `${where}: its fields no longer match its row_hash`);
    }
    if (r.prevHash !== prev.rowHash) {
      if (prev.id === null) {
        return brk(
          "modified",
          r,
          `${where}: its prev_hash is not ${r.position === 0 ? "the genesis value" : "the hash the prune checkpoint signed"}`,
        );
      }
      return brk(
        "modified",
        { id: prev.id, position: prev.position },
        `row id ${prev.id} at position ${prev.position} was changed and its hash recomputed: the next row was chained to a different hash`,
      );
    }
    if (prev.id !== null && BigInt(r.id) <= BigInt(prev.id)) {
      return brk(
        "out_of_order",
        r,
        `${where}: its id is not greater than the id of the row before it (${prev.id})`,
      );
    }
    if (r.position === 0 && r.action !== GENESIS_ACTION) {
      return brk("modified", r, `${where}: the row at position 0 must be the ${GENESIS_ACTION} row`);
    }
    const personal = this.checkPersonal(r);
    if (personal) return brk("modified", r, `${where}: ${personal}`);
    const erasure = this.erasures.get(r.position);
    if (erasure) {
      const claim = (k: "rows" | "fields") => {
        const v = (r.context as Record<string, unknown>)[k];
        return typeof v === "number" ? v : -1;
      };
      // From the genesis row on, the counts are exact; after a prune, some erased rows may be gone.
      const holds = (seen: number, claimed: number) =>
        this.start === 0 ? seen === claimed : seen <= claimed;
      if (
        r.action !== ERASED_ACTION ||
        !holds(erasure.rows, claim("rows")) ||
        !holds(erasure.fields, claim("fields"))
      ) {
        return brk(
          "modified",
          { id: erasure.firstId, position: erasure.firstPosition },
          `row id ${erasure.firstId} at position ${erasure.firstPosition} is marked erased by position ${r.position}, which is not an ${ERASED_ACTION} row that erased ${erasure.rows} row(s) and ${erasure.fields} value(s)`,
        );
      }
      this.erasures.delete(r.position);
    }
    for (const cp of this.byPosition.get(r.position) ?? []) {
      if (cp.doc.head_hash !== r.rowHash) {
        return brk(
          "rewritten",
          r,
          `${where} does not carry the hash checkpoint ${cp.source} (${cp.doc.time}) signed: the chain up to it was rewritten and rehashed`,
        );
      }
    }
    return undefined;
  }

  private checkPersonal(r: ChainRow): string | undefined {
    const erasedBy = new Map<number, number>();
    for (const field of PERSONAL_FIELDS) {
      const value = personalValue(r, field);
      const entry = r.personal[field];
      if (value === undefined && !entry) continue;
      if (!entry) return `${field} has no commitment`;
      if (value === undefined) return `${field} is missing but committed to`;
      if (entry.salt !== undefined) {
        if (typeof entry.salt !== "string" || !HEX32.test(entry.salt))
          return `the salt of ${field} is malformed`;
        if (commitment(entry.salt, value) !== entry.commitment)
          return `${field} no longer matches its commitment`;
        continue;
      }
      if (value !== TOMBSTONE) return `${field} has no salt but is not the tombstone`;
      if (!Number.isSafeInteger(entry.erased_by) || (entry.erased_by as number) <= r.position) {
        return `${field} is erased without naming a later ${ERASED_ACTION} row`;
      }
      const by = entry.erased_by as number;
      erasedBy.set(by, (erasedBy.get(by) ?? 0) + 1);
    }
    for (const [by, fields] of erasedBy) {
      const e = this.erasures.get(by);
      if (e) {
        e.rows++;
        e.fields += fields;
      } else this.erasures.set(by, { rows: 1, fields, firstId: r.id, firstPosition: r.position });
    }
    return undefined;
  }

  /** After the last row: `unchained` is the first row (by id) that has no position, if any. */
  finish(unchained?: { id: string }): VerifyReport {
    if (this.pending) this.step(this.pending, undefined);
    this.pending = undefined;
    if (!this.found && this.count === 0 && this.start === 0 && unchained === undefined) {
      // An empty table before its genesis row: nothing to hold.
    } else if (!this.found && this.count === 0 && this.start === 0) {
      this.fail(
        "deleted",
        { id: null, position: 0 },
        "the genesis row (position 0) is missing: rows were deleted, or the table was never chained (prodgate db migrate chains it)",
      );
    }
    if (!this.found) {
      for (const [position, e] of this.erasures) {
        this.fail(
          "modified",
          { id: e.firstId, position: e.firstPosition },
          `row id ${e.firstId} at position ${e.firstPosition} is marked erased by position ${position}, which is not in the chain`,
        );
        break;
      }
    }
    const headPosition = this.head?.position ?? this.start - 1;
    if (!this.found) {
      const behind = this.checkpoints
        .filter((cp) => cp.doc.position > headPosition)
        .sort((a, b) => b.doc.position - a.doc.position)[0];
      if (behind) {
        this.fail(
          "truncated",
          { id: this.head?.id ?? null, position: this.head?.position ?? null },
          `the chain ends at position ${headPosition}${this.head ? ` (row id ${this.head.id})` : ""}, behind checkpoint ${behind.source} (${behind.doc.time}) at position ${behind.doc.position}: rows were deleted from the end`,
        );
      }
    }
    if (!this.found && unchained) {
      this.fail(
        "inserted",
        { id: unchained.id, position: null },
        `row id ${unchained.id} is not part of the chain (it has no position)`,
      );
    }
    const checkpoints = { total: this.checkpoints.length, valid: 0, unsigned: 0, unchecked: 0 };
    for (const cp of this.checkpoints) {
      if (cp.signature === "valid") checkpoints.valid++;
      else if (cp.signature === "unsigned") checkpoints.unsigned++;
      else if (cp.signature === "unchecked") checkpoints.unchecked++;
    }
    return {
      ok: !this.found,
      table: this.table,
      rows: this.count,
      head: this.head ? { position: this.head.position, id: this.head.id, hash: this.head.rowHash } : null,
      start: this.start,
      checkpoints,
      ...(this.found ? { break: this.found } : {}),
    };
  }
}

/** One line for the terminal or a log. */
export function describeReport(report: VerifyReport): string {
  if (report.break)
    return `audit chain of ${report.table} is broken: ${report.break.kind}: ${report.break.message}`;
  const signed = report.checkpoints.valid
    ? `, ${report.checkpoints.valid} signed checkpoint(s) hold`
    : report.checkpoints.unchecked
      ? `, ${report.checkpoints.unchecked} checkpoint(s) not checked (no public key)`
      : "";
  const from = report.start > 0 ? ` from position ${report.start} (after a prune checkpoint)` : "";
  return `audit chain of ${report.table} holds: ${report.rows} row(s)${from}, head at position ${report.head?.position ?? "-"}${signed}`;
}
