import type { Queryable } from "./poll-log.js";

/**
 * ETags of earlier HTTP reads (prodgate_http_etags), so that a sweep's conditional requests survive between
 * runs. Rows older than `maxAgeDays` are neither loaded nor kept.
 */

export interface StoredETag {
  etag: string;
  data: unknown;
  link?: string;
}

/** Every stored ETag whose key starts with `prefix`, newer than `maxAgeDays`. */
export async function loadETags(
  db: Queryable,
  prefix: string,
  maxAgeDays = 7,
): Promise<Map<string, StoredETag>> {
  const res = await db.query<{ cache_key: string; etag: string; body: unknown; link: string | null }>(
    `SELECT cache_key, etag, body, link FROM prodgate_http_etags
      WHERE starts_with(cache_key, $1) AND stored_at > now() - make_interval(days => $2)`,
    [prefix, maxAgeDays],
  );
  return new Map(
    res.rows.map((r) => [r.cache_key, { etag: r.etag, data: r.body, ...(r.link ? { link: r.link } : {}) }]),
  );
}

/** Stores (or refreshes) `entries` in one statement, and drops rows older than `maxAgeDays`. */
export async function saveETags(
  db: Queryable,
  entries: [string, StoredETag][],
  maxAgeDays = 7,
): Promise<void> {
  if (entries.length > 0)
    await db.query(
      `INSERT INTO prodgate_http_etags (cache_key, etag, body, link, stored_at)
       SELECT k, e, b, l, now() FROM unnest($1::text[], $2::text[], $3::jsonb[], $4::text[]) AS t(k, e, b, l)
       ON CONFLICT (cache_key) DO UPDATE
         SET etag = EXCLUDED.etag, body = EXCLUDED.body, link = EXCLUDED.link, stored_at = EXCLUDED.stored_at`,
      [
        entries.map(([k]) => k),
        entries.map(([, v]) => v.etag),
        entries.map(([, v]) => JSON.stringify(v.data)),
        entries.map(([, v]) => v.link ?? null),
      ],
    );
  await db.query("DELETE FROM prodgate_http_etags WHERE stored_at < now() - make_interval(days => $1)", [
    maxAgeDays,
  ]);
}
