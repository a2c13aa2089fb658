import { hash } from "node:crypto";
import { canonicalJson } from "./canonical-json.js";

/**
 * The hash chain of the audit log (docs/audit-chain.md is its specification; keep the two in step). Every
 * row carries its place in one gapless sequence (`position`), the hash of the row before it (`prev_hash`)
 * and its own hash (`row_hash`): SHA-256 over the RFC 8785 canonical JSON of its fields. Personal data (the
 * actor, the approver) enters the hash only through salted commitments kept in the row's `personal` column,
 * so that erasing a person (seed 002 §10) replaces the values and drops the salts while every hash holds.
 * Pure: salts, times and rows are handed in.
 */

export const CHAIN_VERSION = 1;
/** The `prev_hash` of the genesis row (position 0). */
export const ZERO_HASH = "0".repeat(64);
/** What an erased personal value becomes. */
export const TOMBSTONE = "[erased]";
/** The action of the first row of every chain. */
export const GENESIS_ACTION = "audit.genesis";
/** The action of the row an erasure writes (who erased how many rows, never whose). */
export const ERASED_ACTION = "audit.erased";

/**
 * Where personal data lives in a row: the `actor` column, and the `actor` and `approved_by` members of the
 * context. Each present value has an entry of its own in `personal` (its own salt); the hashed context
 * leaves these members out.
 */
export const PERSONAL_FIELDS = ["actor", "context.actor", "context.approved_by"] as const;
export type PersonalField = (typeof PERSONAL_FIELDS)[number];
const CONTEXT_PERSONAL_KEYS = ["actor", "approved_by"];

export interface PersonalEntry {
  /** hex SHA-256 of the canonical JSON of {"salt": salt, "value": value}. */
  commitment: string;
  /** 32 hex digits; absent once erased. */
  salt?: string;
  /** Once erased: the position of the audit.erased row that erased it. */
  erased_by?: number;
}
export type Personal = Partial<Record<PersonalField, PersonalEntry>>;

/** A row as the chain sees it. `createdAt` is the stored time as chainTime writes it (microseconds, UTC). */
export interface ChainRow {
  id: string;
  position: number;
  prevHash: string;
  rowHash: string;
  action: string;
  actor: string;
  target: string;
  outcome: string | null;
  context: Record<string, unknown>;
  idempotencyKey: string;
  createdAt: string;
  personal: Personal;
}

export type UnhashedRow = Omit<ChainRow, "rowHash">;

export function sha256Hex(text: string): string {
  // crypto.hash: the one-shot form of createHash (UTF-8 input, hex output), several times faster per row.
  return hash("sha256", text, "hex");
}

/** The time as the chain hashes it: RFC 3339 in UTC with exactly six fractional digits. */
export function chainTime(date: Date): string {
  const iso = date.toISOString(); // 2026-04-29T14:33:00.123Z
  return `${iso.slice(0, 23)}000Z`;
}

export function commitment(salt: string, value: unknown): string {
  return sha256Hex(canonicalJson({ salt, value }));
}

export function personalValue(row: Pick<ChainRow, "actor" | "context">, field: PersonalField): unknown {
  if (field === "actor") return row.actor;
  return row.context[field.slice("context.".length)];
}

/** Salted commitments for every personal value of a row; `salt()` gives 32 hex digits (random in the store). */
export function commitPersonal(row: Pick<ChainRow, "actor" | "context">, salt: () => string): Personal {
  const out: Personal = {};
  for (const field of PERSONAL_FIELDS) {
    const value = personalValue(row, field);
    if (value === undefined) continue;
    const s = salt();
    out[field] = { commitment: commitment(s, value), salt: s };
  }
  return out;
}

/** The object a row's hash is taken over (docs/audit-chain.md, "Row hash"). */
export function hashDocument(row: UnhashedRow, position = row.position): Record<string, unknown> {
  const context: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row.context)) if (!CONTEXT_PERSONAL_KEYS.includes(k)) context[k] = v;
  const personal: Record<string, string> = {};
  for (const [field, entry] of Object.entries(row.personal)) if (entry) personal[field] = entry.commitment;
  return {
    v: CHAIN_VERSION,
    position,
    id: row.id,
    prev_hash: row.prevHash,
    action: row.action,
    target: row.target,
    outcome: row.outcome,
    context,
    idempotency_key: row.idempotencyKey,
    created_at: row.createdAt,
    personal,
  };
}

export function rowHash(row: UnhashedRow, position = row.position): string {
  return sha256Hex(canonicalJson(hashDocument(row, position)));
}

/** Seals a row: its row_hash computed from its fields. */
export function sealRow(row: UnhashedRow): ChainRow {
  return { ...row, rowHash: rowHash(row) };
}

/** A person's values match `subject` when equal ignoring case and surrounding spaces. */
export function matchesSubject(value: unknown, subject: string): boolean {
  return typeof value === "string" && value.trim().toLowerCase() === subject.trim().toLowerCase();
}

/**
 * The erasure of `subject` from one row: every personal value equal to it becomes the tombstone, its salt
 * goes, and its entry names the audit.erased row at `erasedBy`. Returns undefined when nothing matches.
 */
export function eraseSubject(
  row: Pick<ChainRow, "actor" | "context" | "personal">,
  subject: string,
  erasedBy: number,
): { actor: string; context: Record<string, unknown>; personal: Personal } | undefined {
  let changed = false;
  let actor = row.actor;
  const context = { ...row.context };
  const personal: Personal = { ...row.personal };
  for (const field of PERSONAL_FIELDS) {
    const entry = personal[field];
    if (!entry?.salt || !matchesSubject(personalValue(row, field), subject)) continue;
    changed = true;
    personal[field] = { commitment: entry.commitment, erased_by: erasedBy };
    if (field === "actor") actor = TOMBSTONE;
    else context[field.slice("context.".length)] = TOMBSTONE;
  }
  return changed ? { actor, context, personal } : undefined;
}
