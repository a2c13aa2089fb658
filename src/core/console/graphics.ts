import type { SparkBucket } from "../status.js";
import { esc, pct, STATE_WORDS } from "./layout.js";

/**
 * The console's pictures: the 24-hour sparkline (inline SVG, runs of equal bars merged so that a page stays
 * small) and the SVG badge of a surface. Both carry their meaning as text: a title and an accessible name.
 */

export interface SparkCounts {
  ok: number;
  failed: number;
  missing: number;
  maintenance: number;
}

/** 288 five-minute buckets; `maintenance[i]` marks buckets inside a maintenance window. */
export function sparkline(
  id: string,
  buckets: (SparkBucket | null)[],
  maintenance: boolean[] = [],
): { svg: string; counts: SparkCounts } {
  const h = 40;
  const counts: SparkCounts = { ok: 0, failed: 0, missing: 0, maintenance: 0 };
  // Each bucket is a class: p passing, f failing, m no data (a low grey bar), n maintenance. Neighbours of
  // one class merge into one subpath, so a page stays small however the latency moves (that is in the table).
  const cls = buckets.map((b, i) => {
    if (maintenance[i] && (!b || b.failed)) return "n";
    if (!b) return "m";
    return b.failed > 0 ? "f" : "p";
  });
  const tops: Record<string, number> = { p: 6, f: 0, m: h - 5, n: h - 12 };
  const paths: Record<string, string[]> = { p: [], f: [], m: [], n: [] };
  for (let i = 0; i < cls.length; ) {
    const c = cls[i]!;
    let j = i + 1;
    while (j < cls.length && cls[j] === c) j++;
    const top = tops[c]!;
    paths[c]!.push(`M${i} ${top}h${j - i}v${h - top}h-${j - i}z`);
    const n = j - i;
    if (c === "p") counts.ok += n;
    else if (c === "f") counts.failed += n;
    else if (c === "m") counts.missing += n;
    else counts.maintenance += n;
    i = j;
  }
  const parts = Object.entries(paths)
    .filter(([, d]) => d.length)
    .map(([c, d]) => `<path class="${c}" d="${d.join("")}"/>`);
  const label = `${id}, last 24 hours in 5-minute steps: ${counts.ok} passing, ${counts.failed} failing, ${counts.missing} without data${counts.maintenance ? `, ${counts.maintenance} in maintenance` : ""}`;
  const svg = `<svg class="spark" data-ok="${counts.ok}" data-failed="${counts.failed}" data-missing="${counts.missing}" ${counts.maintenance ? `data-maintenance="${counts.maintenance}" ` : ""}viewBox="0 0 ${buckets.length} ${h}" preserveAspectRatio="none" role="img" aria-label="${esc(label)}">${parts.join("")}</svg>`;
  return { svg, counts };
}

const BADGE_COLOURS: Record<string, string> = {
  healthy: "#1a7f37",
  degraded: "#bc4c00",
  down: "#cf222e",
  stale: "#6e7781",
  unknown: "#6e7781",
  maintenance: "#8250df",
};

/** Verdana 11px widths, roughly: enough for a badge that does not clip. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[il.,:;|!' ]/.test(ch) ? 4 : /[mwMW%@]/.test(ch) ? 10 : /[A-Z0-9]/.test(ch) ? 8 : 7;
  return w;
}

/** A shields-style badge: the surface id, then its state and 30-day uptime. */
export function badge(id: string, state: string, uptime30d: number | null): string {
  const left = id;
  const right = `${(STATE_WORDS[state] ?? state).toLowerCase()}${uptime30d === null ? "" : ` ${pct(uptime30d)}`}`;
  const lw = textWidth(left) + 12;
  const rw = textWidth(right) + 12;
  const label = `${id}: ${state}${uptime30d === null ? "" : `, ${pct(uptime30d)} uptime over 30 days`}`;
  const colour = BADGE_COLOURS[state] ?? "#6e7781";
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${lw + rw}" height="20" role="img" aria-label="${esc(label)}"><title>${esc(label)}</title><rect width="${lw}" height="20" fill="#555"/><rect x="${lw}" width="${rw}" height="20" fill="${colour}"/><g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11"><text x="6" y="14">${esc(left)}</text><text x="${lw + 6}" y="14">${esc(right)}</text></g></svg>
`;
}
