import {
  createHash,
  createPrivateKey,
  createPublicKey,
  type KeyObject,
  sign as signBytes,
  verify as verifyBytes,
} from "node:crypto";
import { canonicalJson } from "./canonical-json.js";
import { InputError } from "./errors.js";

/**
 * Signed checkpoints of the audit chain (docs/audit-chain.md, "Checkpoints"): the table, a position, the
 * row_hash at that position and a time, signed with Ed25519 over the RFC 8785 canonical JSON of the
 * document without its `signature`. Published where someone with only database access cannot rewrite them
 * (the job summary and log, a file), they pin the chain: a later rewrite of any row up to the position, or a
 * truncation behind it, no longer agrees with them. Pure.
 */

export const CHECKPOINT_TYPE = "prodgate.audit.checkpoint";
export const CHECKPOINT_REASONS = ["deploy", "rollback", "manual", "prune", "audit-write"] as const;
export type CheckpointReason = (typeof CHECKPOINT_REASONS)[number];

export interface CheckpointDocument {
  type: typeof CHECKPOINT_TYPE;
  version: 1;
  table: string;
  /** The position of the row the checkpoint pins. */
  position: number;
  /** That row's id and row_hash. */
  row_id: string;
  head_hash: string;
  /** When it was signed (UTC, milliseconds). */
  time: string;
  reason: CheckpointReason;
  /** With reason prune: how many rows were deleted, the pinned row being the last of them. */
  pruned_rows?: number;
  /** 16 hex digits of SHA-256 over the raw 32-byte public key; null when unsigned. */
  key_id: string | null;
  /** base64 of the 64-byte Ed25519 signature; null when unsigned (prune without a key). */
  signature: string | null;
}

const SPKI_ED25519_PREFIX = Buffer.from("302a300506032b6570032100", "hex");
const HEX64 = /^[0-9a-f]{64}$/;

function decodeKeyText(raw: string): { pem?: string; der?: Buffer } {
  const text = raw.trim();
  if (text.includes("-----BEGIN")) return { pem: text.replace(/\\n/g, "\n") };
  const compact = text.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(compact)) return {};
  return { der: Buffer.from(compact.replace(/-/g, "+").replace(/_/g, "/"), "base64") };
}

/**
 * The Ed25519 signing key: base64 of its PKCS#8 DER (what `prodgate audit keygen` prints, one line) or a
 * PKCS#8 PEM. The error never quotes the value.
 */
export function parseSigningKey(input: string, raw: string): KeyObject {
  const { pem, der } = decodeKeyText(raw);
  let key: KeyObject;
  try {
    if (pem) key = createPrivateKey({ key: pem, format: "pem" });
    else if (der) key = createPrivateKey({ key: der, format: "der", type: "pkcs8" });
    else throw new Error("not base64");
  } catch {
    throw new InputError(
      input,
      "is not an Ed25519 private key (expected the one-line base64 PKCS#8 key `prodgate audit keygen` prints, or a PKCS#8 PEM)",
    );
  }
  if (key.asymmetricKeyType !== "ed25519") {
    throw new InputError(input, `must be an Ed25519 key; got a ${key.asymmetricKeyType ?? "unknown"} key`);
  }
  return key;
}

/** The public key: base64 of its SubjectPublicKeyInfo DER (what keygen prints), or a PEM. */
export function parsePublicKey(input: string, raw: string): KeyObject {
  const { pem, der } = decodeKeyText(raw);
  let key: KeyObject;
  try {
    if (pem) key = createPublicKey({ key: pem, format: "pem" });
    else if (der?.length === 32)
      key = createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, der]), format: "der", type: "spki" });
    else if (der) key = createPublicKey({ key: der, format: "der", type: "spki" });
    else throw new Error("not base64");
  } catch {
    throw new InputError(
      input,
      "is not an Ed25519 public key (expected the base64 key `prodgate audit keygen` prints, or a PEM)",
    );
  }
  if (key.asymmetricKeyType !== "ed25519") {
    throw new InputError(input, `must be an Ed25519 key; got a ${key.asymmetricKeyType ?? "unknown"} key`);
  }
  return key;
}

/** The raw 32 bytes of an Ed25519 public key. */
export function rawPublicKey(key: KeyObject): Buffer {
  const spki = (key.type === "private" ? createPublicKey(key) : key).export({ format: "der", type: "spki" });
  return spki.subarray(spki.length - 32);
}

export function keyId(key: KeyObject): string {
  return createHash("sha256").update(rawPublicKey(key)).digest("hex").slice(0, 16);
}

/** The printable forms of a key pair: base64 PKCS#8 DER (secret) and base64 SPKI DER (public). */
export function exportKeyPair(privateKey: KeyObject): {
  privateKey: string;
  publicKey: string;
  keyId: string;
} {
  const publicKey = createPublicKey(privateKey);
  return {
    privateKey: privateKey.export({ format: "der", type: "pkcs8" }).toString("base64"),
    publicKey: publicKey.export({ format: "der", type: "spki" }).toString("base64"),
    keyId: keyId(publicKey),
  };
}

/** The bytes a checkpoint's signature covers: the canonical JSON of the document without `signature`. */
export function signingPayload(doc: CheckpointDocument): string {
  const { signature: _ignored, ...rest } = doc;
  return canonicalJson(rest);
}

export interface CheckpointFacts {
  table: string;
  position: number;
  rowId: string;
  headHash: string;
  time: Date;
  reason: CheckpointReason;
  prunedRows?: number;
}

/** A checkpoint document, signed when a key is given (prune without a key records an unsigned one). */
export function buildCheckpoint(facts: CheckpointFacts, key: KeyObject | undefined): CheckpointDocument {
  const doc: CheckpointDocument = {
    type: CHECKPOINT_TYPE,
    version: 1,
    table: facts.table,
    position: facts.position,
    row_id: facts.rowId,
    head_hash: facts.headHash,
    time: facts.time.toISOString(),
    reason: facts.reason,
    ...(facts.prunedRows !== undefined ? { pruned_rows: facts.prunedRows } : {}),
    key_id: key ? keyId(key) : null,
    signature: null,
  };
  if (!key) return doc;
  const signature = signBytes(null, Buffer.from(signingPayload(doc), "utf8"), key).toString("base64");
  return { ...doc, signature };
}

export type SignatureCheck = "valid" | "invalid" | "unsigned" | "unchecked";

/** valid / invalid against `key`; unsigned when the document carries no signature; unchecked without a key. */
export function checkSignature(doc: CheckpointDocument, key: KeyObject | undefined): SignatureCheck {
  if (!doc.signature) return "unsigned";
  if (!key) return "unchecked";
  if (doc.key_id !== keyId(key)) return "invalid";
  try {
    const sig = Buffer.from(doc.signature, "base64");
    return verifyBytes(null, Buffer.from(signingPayload(doc), "utf8"), key, sig) ? "valid" : "invalid";
  } catch {
    return "invalid";
  }
}

/** Reads a checkpoint document (a --checkpoint file, a row of the checkpoints table), checking its shape. */
export function parseCheckpoint(source: string, value: unknown): CheckpointDocument {
  const doc = value as Record<string, unknown> | null;
  const bad = (what: string) => new InputError(source, `is not a prodgate audit checkpoint: ${what}`);
  if (!doc || typeof doc !== "object" || Array.isArray(doc)) throw bad("not a JSON object");
  if (doc.type !== CHECKPOINT_TYPE || doc.version !== 1)
    throw bad(`type must be ${CHECKPOINT_TYPE}, version 1`);
  if (typeof doc.table !== "string" || !doc.table) throw bad("no table");
  if (!Number.isSafeInteger(doc.position) || (doc.position as number) < 0)
    throw bad("position is not a whole number");
  if (typeof doc.row_id !== "string") throw bad("no row_id");
  if (typeof doc.head_hash !== "string" || !HEX64.test(doc.head_hash))
    throw bad("head_hash is not 64 hex digits");
  if (typeof doc.time !== "string" || Number.isNaN(Date.parse(doc.time))) throw bad("time is not a time");
  if (!CHECKPOINT_REASONS.includes(doc.reason as CheckpointReason)) throw bad("unknown reason");
  if (doc.pruned_rows !== undefined && !Number.isSafeInteger(doc.pruned_rows))
    throw bad("pruned_rows is not a number");
  if (doc.key_id !== null && typeof doc.key_id !== "string") throw bad("key_id must be a string or null");
  if (doc.signature !== null && typeof doc.signature !== "string")
    throw bad("signature must be a string or null");
  return doc as unknown as CheckpointDocument;
}

/** Reads a --checkpoint file's text. */
export function parseCheckpointJson(source: string, raw: string): CheckpointDocument {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new InputError(source, "is not valid JSON");
  }
  return parseCheckpoint(source, value);
}

/** The document as a file holds it: pretty JSON with a newline. */
export function serialiseCheckpoint(doc: CheckpointDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/**
 * The job-summary block of a checkpoint, or of its absence: someone with only database access cannot
 * rewrite a run's summary or log, so the document printed here pins the chain as it stood.
 */
export function renderCheckpointSummary(doc: CheckpointDocument | undefined, table: string): string {
  if (!doc?.signature) {
    return [
      "## Audit trail not signed",
      "",
      `The rows of \`${table}\` are hash-chained, but no checkpoint was signed: set \`audit-signing-key\` (the \`AUDIT_SIGNING_KEY\` secret; \`PRODGATE_AUDIT_SIGNING_KEY\` for the CLI) so that a rewrite of the table can be proven. \`prodgate audit keygen\` makes a key pair.`,
      "",
    ].join("\n");
  }
  return [
    `## Audit checkpoint: ${doc.table} at position ${doc.position}`,
    "",
    `Signed with key \`${doc.key_id}\`. Save it and check the trail with \`prodgate audit verify --checkpoint FILE --public-key KEY\`:`,
    "",
    "```json",
    serialiseCheckpoint(doc).trimEnd(),
    "```",
    "",
  ].join("\n");
}
