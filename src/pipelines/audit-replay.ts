import { spawn } from "node:child_process";
import { mkdtemp, open, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { isAbsolute, join } from "node:path";
import { InputError, ProdgateError } from "../core/errors.js";
import type { AuditStore } from "../store/audit.js";
import { type ReplayResult, replaySpool } from "../store/spool.js";

/**
 * `prodgate audit replay --spool PATH`: PATH is a spool directory, or an artifact the reusable workflows
 * uploaded (`prodgate-audit-spool-<app>-<run>-<attempt>`) as downloaded: the directory `gh run download`
 * makes, or the zip the run page serves. A zip is unpacked by Info-ZIP `unzip` into a private temporary
 * directory that is removed afterwards; the zip itself is left as it is (replaying it again writes nothing
 * twice: every record has its idempotency key).
 */

/** Entries an artifact zip may hold; a spool holds a handful of records. */
const MAX_ENTRIES = 10_000;

export interface SpoolReplayResult extends ReplayResult {
  /** true when PATH was a zip (nothing is moved: the zip is left as it is). */
  archive: boolean;
}

async function isZip(path: string): Promise<boolean> {
  const handle = await open(path, "r");
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    // A local file header, or the end-of-central-directory record of an empty archive.
    return bytesRead === 4 && head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5);
  } finally {
    await handle.close();
  }
}

function unzip(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("unzip", args, { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("error", (err: NodeJS.ErrnoException) =>
      reject(
        err.code === "ENOENT"
          ? new ProdgateError(
              "reading a zip needs the unzip program (Debian/Ubuntu: apt-get install unzip); or unzip the artifact yourself and pass its directory to --spool",
            )
          : err,
      ),
    );
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Unpacks `zip` into `into`, refusing entries that would land outside it. */
async function extract(zip: string, into: string): Promise<void> {
  const listing = await unzip(["-Z1", zip]);
  // An empty archive lists nothing (and unzip says so with status 1).
  if (listing.code !== 0 && !/Empty zipfile/i.test(`${listing.stdout}${listing.stderr}`))
    throw new InputError(
      "spool",
      `is not a readable zip file (${listing.stderr.trim() || `unzip exited ${listing.code}`})`,
    );
  const entries = listing.stdout.split("\n").filter(Boolean);
  if (entries.length > MAX_ENTRIES)
    throw new InputError(
      "spool",
      `holds ${entries.length} entries; a spool artifact holds at most ${MAX_ENTRIES}`,
    );
  for (const entry of entries) {
    if (isAbsolute(entry) || /^[A-Za-z]:/.test(entry) || entry.split(/[\\/]/).includes(".."))
      throw new InputError("spool", `holds the entry '${entry}', which points outside the archive: refused`);
  }
  if (entries.length === 0) return;
  const r = await unzip(["-q", "-n", zip, "-d", into]);
  if (r.code !== 0)
    throw new InputError("spool", `could not be unpacked (${r.stderr.trim() || `unzip exited ${r.code}`})`);
}

/** The directory of an unpacked archive that holds the records: its root, or its only folder (a zipped spool folder). */
async function recordsDir(root: string): Promise<string> {
  const entries = await readdir(root, { withFileTypes: true });
  if (entries.some((e) => e.isFile() && e.name.endsWith(".json"))) return root;
  const dirs = entries.filter((e) => e.isDirectory());
  return dirs.length === 1 && entries.length === 1 ? join(root, dirs[0]!.name) : root;
}

/** Replays the spool at `path` (a directory or a zip of one) into `store`. */
export async function replaySpoolFrom(
  path: string,
  store: AuditStore,
  opts: Parameters<typeof replaySpool>[2] = {},
): Promise<SpoolReplayResult> {
  const info = await stat(path).catch((err: NodeJS.ErrnoException) => {
    throw new InputError("spool", `'${path}' cannot be read (${err.code ?? err.message})`);
  });
  if (info.isDirectory()) return { ...(await replaySpool(path, store, opts)), archive: false };
  if (!info.isFile() || !(await isZip(path)))
    throw new InputError("spool", `'${path}' is neither a spool directory nor a zip of one`);
  const temp = await mkdtemp(join(tmpdir(), "prodgate-replay-"));
  try {
    await extract(path, temp);
    const dir = await recordsDir(temp);
    return { ...(await replaySpool(dir, store, opts)), archive: true };
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}
