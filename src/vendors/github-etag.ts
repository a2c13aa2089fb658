/**
 * Conditional requests: the ETag of the last answer to a GET, with its body, so that the next identical GET is
 * sent with If-None-Match and a 304 (which GitHub does not count against the rate limit) is answered from here.
 * The client keeps one in memory by default; a caller that polls across runs hands in its own (a sweep keeps
 * its ETags in Postgres), seeded before and persisted after.
 */

export interface ETagEntry {
  etag: string;
  /** The answer's body. */
  data: unknown;
  /** Its Link header, so that pagination goes on from a 304. */
  link?: string;
}

export interface ETagCache {
  get(key: string): ETagEntry | undefined | Promise<ETagEntry | undefined>;
  set(key: string, entry: ETagEntry): void | Promise<void>;
}

/** An in-memory cache of the newest `max` entries (least recently used go first). */
export function memoryETagCache(
  max = 500,
): ETagCache & { readonly size: number; entries(): [string, ETagEntry][] } {
  const map = new Map<string, ETagEntry>();
  return {
    get(key) {
      const hit = map.get(key);
      if (hit) {
        map.delete(key);
        map.set(key, hit);
      }
      return hit;
    },
    set(key, entry) {
      map.delete(key);
      map.set(key, entry);
      while (map.size > max) map.delete(map.keys().next().value as string);
    },
    get size() {
      return map.size;
    },
    entries: () => [...map.entries()],
  };
}
