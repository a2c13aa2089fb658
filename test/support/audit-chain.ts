import { execFileSync } from "node:child_process";
import { createPublicKey, type KeyObject } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type pg from "pg";
import { type ChainRow, rowHash } from "../../src/core/audit-chain.js";
import { type CheckpointDocument, serialiseCheckpoint } from "../../src/core/audit-checkpoint.js";
import type { AuditStore } from "../../src/store/audit.js";
import { CHAIN_COLUMNS, type RawChainRow, toChainRow } from "../../src/store/chain.js";
import { repoRoot } from "./run-action.js";

/** The verifier written from docs/audit-chain.md alone, in Python (standard library + openssl). */
export const PYTHON_VERIFIER = join(repoRoot, "test/support/verify_audit.py");

export interface PythonVerdict {
  ok: boolean;
  kind?: string;
  id?: string | null;
  position?: number | null;
  rows?: number;
}

/** Runs the Python verifier over an export file. */
export function pythonVerify(
  exportFile: string,
  opts: { publicKey?: KeyObject; checkpoints?: string[] } = {},
): PythonVerdict {
  const args = [PYTHON_VERIFIER, exportFile, "--json"];
  if (opts.publicKey) {
    args.push(
      "--public-key",
      createPublicKey(opts.publicKey).export({ format: "der", type: "spki" }).toString("base64"),
    );
  }
  for (const c of opts.checkpoints ?? []) args.push("--checkpoint", c);
  try {
    return JSON.parse(execFileSync("python3", args, { encoding: "utf8" }));
  } catch (err) {
    const e = err as { status?: number; stdout?: string; stderr?: string };
    if (e.status === 1 && e.stdout) return JSON.parse(e.stdout);
    throw new Error(`the Python verifier failed (${e.status}): ${e.stderr}`);
  }
}

/** Exports a store's trail to a temp file and returns its path (and a cleanup). */
export async function exportToFile(store: AuditStore): Promise<{ file: string; dir: string; done(): void }> {
  const dir = mkdtempSync(join(tmpdir(), "prodgate-export-"));
  const file = join(dir, "audit.jsonl");
  const lines: string[] = [];
  await store.export((line) => {
    lines.push(line);
  }, new Date());
  writeFileSync(file, `${lines.join("\n")}\n`);
  return { file, dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}

export function writeCheckpointFile(dir: string, doc: CheckpointDocument, name = "checkpoint.json"): string {
  const file = join(dir, name);
  writeFileSync(file, serialiseCheckpoint(doc));
  return file;
}

/** Every chained row, in position order, as the chain sees it. */
export async function chainRows(db: pg.ClientBase, table = "console_audit_log"): Promise<ChainRow[]> {
  const res = await db.query<RawChainRow>(
    `SELECT ${CHAIN_COLUMNS} FROM ${table} WHERE position IS NOT NULL ORDER BY position`,
  );
  return res.rows.map(toChainRow);
}

/**
 * What an attacker with write access and the public algorithm can do: recompute prev_hash and row_hash of
 * every row from `fromPosition` on, so that the chain is consistent again.
 */
export async function rehashFrom(
  db: pg.ClientBase,
  fromPosition: number,
  table = "console_audit_log",
): Promise<void> {
  const rows = await chainRows(db, table);
  let prev = rows.find((r) => r.position === fromPosition - 1)?.rowHash ?? "0".repeat(64);
  for (const r of rows.filter((x) => x.position >= fromPosition)) {
    const hash = rowHash({ ...r, prevHash: prev });
    await db.query(`UPDATE ${table} SET prev_hash = $1, row_hash = $2 WHERE id = $3`, [prev, hash, r.id]);
    prev = hash;
  }
}
