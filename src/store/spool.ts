import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import {
  AUDIT_REFUSED,
  type AuditRecord,
  parseAuditRecordJson,
  serializeAuditRecord,
} from "../core/audit.js";
import { AuditError, describeError } from "../core/errors.js";
import type { AuditStore } from "./audit.js";

/** Where replayed spool files are moved, inside the spool directory. */
export const REPLAYED_DIR = "replayed";

function spoolFileName(record: AuditRecord): string {
  const slug = `${record.target}-${record.phase}`.replace(/[^A-Za-z0-9_-]+/g, "-").slice(0, 60);
  const hash = createHash("sha256").update(record.idempotencyKey).digest("hex").slice(0, 16);
  return `audit-${slug}-${hash}.json`;
}

/**
 * Saves a record that could not be written as JSON in `dir` (created 0700; the file 0600, written whole
 * then renamed into place). The name derives from the idempotency key: spooling the same record again
 * replaces its file. Returns the file's path.
 */
export async function spoolRecord(dir: string, record: AuditRecord): Promise<string> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, spoolFileName(record));
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, serializeAuditRecord(record), { mode: 0o600 });
  await rename(temp, file);
  return file;
}

export interface ReplayResult {
  /** Rows written now. */
  written: number;
  /** Records whose row was already there (an earlier replay, or the original write did land). */
  duplicates: number;
  /** Files that are not audit records, with the reason; left in place. */
  invalid: string[];
}

/**
 * Writes every spooled record in `dir` (not its subdirectories) to the store, oldest first, and moves each
 * file written into `dir/replayed/`. Idempotent: a record already stored counts as a duplicate. A database
 * failure stops the replay with the files not yet written left in place.
 */
export async function replaySpool(
  dir: string,
  store: AuditStore,
  opts: { onRecord?: (file: string, result: { id: string; duplicate: boolean }) => void } = {},
): Promise<ReplayResult> {
  const entries = await readdir(dir, { withFileTypes: true });
  const result: ReplayResult = { written: 0, duplicates: 0, invalid: [] };
  const records: { name: string; record: AuditRecord }[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith(".json")) continue;
    try {
      records.push({
        name: entry.name,
        record: parseAuditRecordJson(entry.name, await readFile(join(dir, entry.name), "utf8")),
      });
    } catch (err) {
      result.invalid.push(describeError(err));
    }
  }
  records.sort(
    (a, b) => a.record.createdAt.getTime() - b.record.createdAt.getTime() || a.name.localeCompare(b.name),
  );
  if (records.length) await mkdir(join(dir, REPLAYED_DIR), { recursive: true, mode: 0o700 });
  for (const { name, record } of records) {
    const written = await store.write(record);
    if (written.duplicate) result.duplicates++;
    else result.written++;
    await rename(join(dir, name), join(dir, REPLAYED_DIR, name));
    opts.onRecord?.(name, written);
  }
  return result;
}

export type RecordAuditResult =
  | { spooled: false; id: string; duplicate: boolean }
  | { spooled: true; file: string | undefined; reason: string };

/**
 * Writes a record the way a deploy needs it written. `started`: the row, or an AuditError
 * "audit database unreachable: deploy refused (...)" so that nothing is pushed. `completed`: the row, or
 * when it cannot be written after the store's retries, the record spooled to `spoolDir` (the caller shows
 * it and fails the step). `store` may be a pending open, so that a failure to open counts as unreachable.
 */
export async function recordAudit(
  store: AuditStore | Promise<AuditStore>,
  record: AuditRecord,
  opts: { spoolDir: string; retries?: number },
): Promise<RecordAuditResult> {
  try {
    const written = await (await store).write(record, { retries: opts.retries });
    return { spooled: false, ...written };
  } catch (err) {
    const reason = describeError(err);
    if (record.phase === "started") throw new AuditError(`${AUDIT_REFUSED} (${reason})`);
    let file: string | undefined;
    try {
      file = await spoolRecord(opts.spoolDir, record);
    } catch {
      file = undefined;
    }
    return { spooled: true, file, reason };
  }
}
