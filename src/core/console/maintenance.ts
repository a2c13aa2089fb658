import { isMap, isScalar, isSeq, type Node, type YAMLMap } from "yaml";
import { parseDuration } from "../duration.js";
import { InputError } from "../errors.js";
import { type At, checkKeys, type Report, str } from "../yaml-fields.js";

/**
 * Maintenance windows, as the registry declares them (`maintenance:` at the top level for every surface or
 * those it lists, or inside a surface): a one-off window (`start` and `end`, ISO 8601 with an offset) or a
 * weekly recurrence (`every` day or days, `at` a local time, `for` a duration, in `time-zone`). During one, a
 * failing surface opens no incident, its polls leave uptime out, and the pages say "maintenance". Pure: time
 * zones come from the runtime's Intl data.
 */

export interface MaintenanceWindow {
  /** Surfaces it covers; undefined: every surface. */
  surfaces?: string[];
  reason?: string;
  once?: { start: number; end: number };
  weekly?: { days: number[]; atMinutes: number; durationMs: number; timeZone: string };
  /** Line in the registry (1-based). */
  line: number;
}

export interface Interval {
  start: number;
  end: number;
  reason?: string;
}

const WINDOW_KEYS = ["start", "end", "every", "at", "for", "time-zone", "reason", "surfaces"];
const DAY_NAMES = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const DAY_SETS: Record<string, number[]> = {
  day: [0, 1, 2, 3, 4, 5, 6],
  weekday: [1, 2, 3, 4, 5],
  weekend: [0, 6],
};
/** The longest a one-off window may run (a guard against a typo in `end`). */
const MAX_WINDOW_MS = 31 * 86_400_000;

function dayNumber(word: string): number | undefined {
  const w = word.toLowerCase();
  const i = DAY_NAMES.findIndex((d) => d === w || d.slice(0, 3) === w);
  return i >= 0 ? i : undefined;
}

/** True when the runtime knows the IANA time zone. */
export function validTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** An ISO 8601 instant that names its offset (Z or ±hh:mm); undefined otherwise. */
function instant(text: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(text)) return undefined;
  const t = Date.parse(text);
  return Number.isNaN(t) ? undefined : t;
}

/**
 * A `maintenance:` list. `owner` is the surface whose block it is in (its windows cover it alone); at the top
 * level, `surfaces:` may narrow a window to some surfaces.
 */
export function parseMaintenanceList(
  node: Node | undefined,
  path: string,
  report: Report,
  at: At,
  owner?: string,
): MaintenanceWindow[] {
  if (node === undefined) return [];
  if (!isSeq(node)) {
    report(node, path, "must be a list of windows (start and end, or every, at and for)");
    return [];
  }
  const out: MaintenanceWindow[] = [];
  node.items.forEach((item, i) => {
    const where = `${path}[${i}]`;
    if (!isMap(item)) {
      report(item as Node, where, "must be a mapping (start and end, or every, at and for)");
      return;
    }
    const w = parseWindow(item, where, report, owner);
    if (w) out.push({ ...w, line: at(item).line });
  });
  return out;
}

function parseWindow(
  map: YAMLMap,
  where: string,
  report: Report,
  owner: string | undefined,
): Omit<MaintenanceWindow, "line"> | undefined {
  checkKeys(map, owner ? WINDOW_KEYS.filter((k) => k !== "surfaces") : WINDOW_KEYS, where, report);
  const reason = str(map, "reason", where, report);
  let surfaces: string[] | undefined = owner ? [owner] : undefined;
  const sNode = map.get("surfaces", true) as Node | undefined;
  if (!owner && sNode !== undefined) {
    const items = isSeq(sNode) ? (sNode.items as Node[]) : [sNode];
    surfaces = [];
    for (const n of items) {
      if (isScalar(n) && typeof n.value === "string" && n.value.trim()) surfaces.push(n.value.trim());
      else report(n, `${where}.surfaces`, "must be a list of surface ids");
    }
  }
  const startText = str(map, "start", where, report);
  const endText = str(map, "end", where, report);
  const every = map.get("every", true) as Node | undefined;
  if ((startText || endText) && every !== undefined) {
    report(map, where, "has both start/end and every: give a one-off window or a recurrence, not both");
    return undefined;
  }
  const base = { ...(surfaces ? { surfaces } : {}), ...(reason ? { reason } : {}) };
  if (startText !== undefined || endText !== undefined) {
    if (map.get("at", true) !== undefined || map.get("for", true) !== undefined)
      report(map, where, "at and for belong to a recurrence (every); a one-off window has start and end");
    const start = startText === undefined ? undefined : instant(startText);
    const end = endText === undefined ? undefined : instant(endText);
    const bad =
      "must be an ISO 8601 time with its offset, like 2026-11-01T02:00:00Z or 2026-11-01T03:00+01:00";
    if (startText === undefined) report(map, `${where}.start`, "is required with end");
    else if (start === undefined) report(map.get("start", true) as Node, `${where}.start`, bad);
    if (endText === undefined) report(map, `${where}.end`, "is required with start");
    else if (end === undefined) report(map.get("end", true) as Node, `${where}.end`, bad);
    if (start === undefined || end === undefined) return undefined;
    if (end <= start || end - start > MAX_WINDOW_MS) {
      report(map.get("end", true) as Node, `${where}.end`, "must be after start, by at most 31 days");
      return undefined;
    }
    return { ...base, once: { start, end } };
  }
  if (every === undefined) {
    report(map, where, "needs start and end (a one-off window) or every, at and for (a recurrence)");
    return undefined;
  }
  const words = isSeq(every)
    ? (every.items as Node[]).map((n) => (isScalar(n) ? String(n.value) : ""))
    : isScalar(every)
      ? [String(every.value)]
      : [""];
  const days = new Set<number>();
  for (const w of words) {
    const set = DAY_SETS[w.trim().toLowerCase()];
    const d = dayNumber(w.trim());
    if (set) for (const x of set) days.add(x);
    else if (d !== undefined) days.add(d);
    else
      report(
        every,
        `${where}.every`,
        `must be day, weekday, weekend, a day name (monday, tue, ...) or a list of day names; got '${w}'`,
      );
  }
  const atText = str(map, "at", where, report, true);
  const forText = str(map, "for", where, report, true);
  const tz = str(map, "time-zone", where, report) ?? "UTC";
  let atMinutes: number | undefined;
  if (atText !== undefined) {
    const m = /^(\d{1,2}):(\d{2})$/.exec(atText);
    if (m && Number(m[1]) < 24 && Number(m[2]) < 60) atMinutes = Number(m[1]) * 60 + Number(m[2]);
    else
      report(map.get("at", true) as Node, `${where}.at`, `must be a local time like 02:30; got '${atText}'`);
  }
  let durationMs: number | undefined;
  if (forText !== undefined) {
    try {
      durationMs = parseDuration(`${where}.for`, forText);
      if (durationMs < 60_000 || durationMs > 7 * 86_400_000) {
        report(map.get("for", true) as Node, `${where}.for`, "must be from 1m to 7d");
        durationMs = undefined;
      }
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      report(map.get("for", true) as Node, `${where}.for`, err.message.replace(/^Input '[^']*' /, ""));
    }
  }
  if (!validTimeZone(tz)) {
    report(
      map.get("time-zone", true) as Node,
      `${where}.time-zone`,
      `must be an IANA time zone like Europe/Berlin or UTC; got '${tz}'`,
    );
    return undefined;
  }
  if (days.size === 0 || atMinutes === undefined || durationMs === undefined) return undefined;
  return { ...base, weekly: { days: [...days].sort(), atMinutes, durationMs, timeZone: tz } };
}

/** Surface ids a window names that the registry does not have. */
export function unknownSurfaces(windows: MaintenanceWindow[], ids: { has(id: string): boolean }): string[] {
  return [...new Set(windows.flatMap((w) => (w.surfaces ?? []).filter((id) => !ids.has(id))))];
}

// ---- time zones ----

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at `t`, in ms (local = UTC + offset). */
export function zoneOffsetMs(timeZone: string, t: number): number {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(new Date(t)))
    if (part.type !== "literal") p[part.type] = Number(part.value);
  const local = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour! % 24, p.minute!, p.second!);
  return local - Math.floor(t / 1000) * 1000;
}

/**
 * The UTC instant of a local wall time in `timeZone`. A time skipped by a DST change moves forward by the
 * change; a time that happens twice is its first occurrence.
 */
export function localToUtc(timeZone: string, y: number, m: number, d: number, minutes: number): number {
  const wall = Date.UTC(y, m, d, 0, minutes);
  const before = wall - zoneOffsetMs(timeZone, wall - 86_400_000);
  const after = wall - zoneOffsetMs(timeZone, wall + 86_400_000);
  const valid = [before, after].filter((c) => c + zoneOffsetMs(timeZone, c) === wall);
  // Skipped (spring forward): the offset before the change lands the time that much later.
  return valid.length ? Math.min(...valid) : before;
}

// ---- occurrences ----

/** The window's occurrences that overlap [from, to). */
export function occurrences(w: MaintenanceWindow, from: number, to: number): Interval[] {
  const reason = w.reason ? { reason: w.reason } : {};
  if (w.once) return w.once.end > from && w.once.start < to ? [{ ...w.once, ...reason }] : [];
  const r = w.weekly;
  if (!r) return [];
  const out: Interval[] = [];
  const begin = from - r.durationMs - 2 * 86_400_000;
  const localBegin = new Date(begin + zoneOffsetMs(r.timeZone, begin));
  let y = localBegin.getUTCFullYear();
  let m = localBegin.getUTCMonth();
  let d = localBegin.getUTCDate();
  for (let i = 0; i < 4000; i++) {
    const day = new Date(Date.UTC(y, m, d));
    if (day.getTime() > to + 2 * 86_400_000) break;
    if (r.days.includes(day.getUTCDay())) {
      const start = localToUtc(r.timeZone, y, m, d, r.atMinutes);
      const end = start + r.durationMs;
      if (end > from && start < to) out.push({ start, end, ...reason });
    }
    const next = new Date(Date.UTC(y, m, d + 1));
    y = next.getUTCFullYear();
    m = next.getUTCMonth();
    d = next.getUTCDate();
  }
  return out;
}

/** The windows that cover a surface. */
export function windowsOf(windows: MaintenanceWindow[], surfaceId: string): MaintenanceWindow[] {
  return windows.filter((w) => !w.surfaces || w.surfaces.includes(surfaceId));
}

/** Maintenance of a surface within [from, to): overlapping occurrences merged, sorted by start. */
export function maintenanceIntervals(
  windows: MaintenanceWindow[],
  surfaceId: string,
  from: number,
  to: number,
): Interval[] {
  const all = windowsOf(windows, surfaceId)
    .flatMap((w) => occurrences(w, from, to))
    .sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const iv of all) {
    const last = merged.at(-1);
    if (last && iv.start <= last.end) {
      last.end = Math.max(last.end, iv.end);
      if (!last.reason && iv.reason) last.reason = iv.reason;
    } else merged.push({ ...iv });
  }
  return merged;
}

/** The maintenance a surface is in at `t`, if any. */
export function activeMaintenance(
  windows: MaintenanceWindow[],
  surfaceId: string,
  t: number,
): Interval | undefined {
  return maintenanceIntervals(windows, surfaceId, t, t + 1).find((iv) => iv.start <= t && t < iv.end);
}

/** Milliseconds of [from, to) that the intervals cover. */
export function coveredMs(intervals: Interval[], from: number, to: number): number {
  let total = 0;
  for (const iv of intervals) total += Math.max(0, Math.min(iv.end, to) - Math.max(iv.start, from));
  return total;
}
