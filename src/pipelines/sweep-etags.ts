import { describeError } from "../core/errors.js";
import type { Reporter } from "../core/ports.js";
import { loadETags, type StoredETag, saveETags } from "../store/etags.js";
import type { Queryable } from "../store/poll-log.js";
import type { ETagCache } from "../vendors/github.js";
import type { SweepReads } from "./status-sweep-heroku.js";

/**
 * The status sweep's ETags, kept in its Postgres memory between sweeps: the workflow-run listings and the
 * commits it reads are sent as conditional requests, so a sweep that finds nothing changed since the last one
 * is answered with 304s (which GitHub does not count against the rate limit). Only those reads are kept, each
 * cut to the fields the sweep reads, beside what the paced Heroku reads remember (status-sweep-heroku.ts). A
 * memory that cannot be read or written costs the saving, never the sweep.
 */

export interface SweepETags extends ETagCache, SweepReads {
  /** The entries this sweep stored (new or refreshed), to write back. */
  changed(): [string, StoredETag][];
}

const RUNS = /^GET \S+\/repos\/[^/]+\/[^/]+\/actions\/(?:workflows\/[^/]+\/)?runs\?/;
const COMMIT = /^GET \S+\/repos\/[^/]+\/[^/]+\/commits\/[0-9a-f]{40}$/;

type Run = Record<string, unknown> & {
  actor?: { login?: string } | null;
  triggering_actor?: { login?: string } | null;
};
const RUN_FIELDS = [
  "id",
  "status",
  "conclusion",
  "html_url",
  "event",
  "path",
  "head_sha",
  "head_branch",
  "run_started_at",
  "created_at",
];

/** The part of an answer the sweep reads, or undefined for reads it does not keep. */
export function trimForSweep(key: string, data: unknown): unknown {
  const request = key.replace(/^[0-9a-f]+ /, "");
  if (RUNS.test(request)) {
    const body = data as { total_count?: number; workflow_runs?: Run[] };
    return {
      total_count: body?.total_count ?? 0,
      workflow_runs: (body?.workflow_runs ?? []).map((r) => ({
        ...Object.fromEntries(RUN_FIELDS.filter((f) => f in r).map((f) => [f, r[f]])),
        actor: r.actor ? { login: r.actor.login } : null,
        triggering_actor: r.triggering_actor ? { login: r.triggering_actor.login } : null,
      })),
    };
  }
  if (COMMIT.test(request)) {
    const body = data as { sha?: string; files?: { filename?: string }[] };
    return { sha: body?.sha, files: (body?.files ?? []).map((f) => ({ filename: f.filename })) };
  }
  return undefined;
}

export function sweepETagCache(seed = new Map<string, StoredETag>()): SweepETags {
  const changed = new Map<string, StoredETag>();
  return {
    get: (key) => changed.get(key) ?? seed.get(key),
    set(key, entry) {
      const data = trimForSweep(key, entry.data);
      if (data === undefined) return;
      changed.set(key, { ...entry, data });
    },
    recall: (key) => changed.get(key) ?? seed.get(key),
    remember(key, entry) {
      changed.set(key, entry);
    },
    changed: () => [...changed.entries()],
  };
}

/** The ETags of earlier sweeps (none when there is no memory, or it cannot be read). */
export async function openSweepETags(db: Queryable | undefined, reporter: Reporter): Promise<SweepETags> {
  if (!db) return sweepETagCache();
  try {
    return sweepETagCache(await loadETags(db, ""));
  } catch (err) {
    reporter.warning(
      `the sweep's stored ETags could not be read (${describeError(err)}); every read is a full one`,
    );
    return sweepETagCache();
  }
}

export async function saveSweepETags(
  db: Queryable | undefined,
  etags: SweepETags,
  reporter: Reporter,
): Promise<void> {
  if (!db) return;
  try {
    await saveETags(db, etags.changed());
  } catch (err) {
    reporter.warning(
      `the sweep's ETags could not be stored (${describeError(err)}); the next sweep reads in full`,
    );
  }
}
