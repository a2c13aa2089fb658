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
  const maxLatency = Math.max(1, ...buckets.map((b) => (b && !b.failed ? b.latencyMs : 0)));
  const counts: SparkCounts = { ok: 0, failed: 0, missing: 0, maintenance: 0 };
  // Each bucket becomes a class and a height; equal neighbours merge into one rect.
  const cells = buckets.map((b, i) => {
    if (maintenance[i] && (!b || b.failed)) {
      counts.maintenance++;
      return { c: "n", y: h - 8, hh: 8 };
    }
    if (!b) {
      counts.missing++;
      return { c: "m", y: h - 4, hh: 4 };
    }
    if (b.failed > 0) {
      counts.failed++;
      return { c: "f", y: 0, hh: h };
    }
    counts.ok++;
    const level = Math.max(1, Math.ceil((Math.log1p(b.latencyMs) / Math.log1p(maxLatency)) * 4));
    const hh = 8 + level * 8;
    return { c: "p", y: h - hh, hh };
  });
  const parts: string[] = [];
  for (let i = 0; i < cells.length; ) {
    const cell = cells[i]!;
    let j = i + 1;
    while (j < cells.length && cells[j]!.c === cell.c && cells[j]!.hh === cell.hh) j++;
    parts.push(`<rect class="${cell.c}" x="${i}" y="${cell.y}" width="${j - i}" height="${cell.hh}"/>`);
    i = j;
  }
  const label = `Last 24 hours of ${id} in 5-minute steps: ${counts.ok} passing, ${counts.failed} failing, ${counts.missing} without data${counts.maintenance ? `, ${counts.maintenance} in maintenance` : ""}`;
  const svg = `<svg class="spark" data-ok="${counts.ok}" data-failed="${counts.failed}" data-missing="${counts.missing}" data-maintenance="${counts.maintenance}" viewBox="0 0 ${buckets.length} ${h}" preserveAspectRatio="none" role="img" aria-label="${esc(label)}"><title>${esc(label)}</title>${parts.join("")}</svg>`;
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
