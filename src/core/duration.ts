import { InputError } from "./errors.js";

/**
 * The one duration grammar of every input, flag and policy field: a number and a unit, with no space needed
 * between them (`500ms`, `10s`, `2m`, `1h`, `7d`, `2w`, `18mo`, `2y`; units are case-insensitive).
 *
 * - `ms`, `s`, `m`, `h`, `d`, `w` have a fixed length (a day is 24 hours, a week 7 days) and take a fraction
 *   (`0.5s`, `1.5d`).
 * - `mo` and `y` are calendar units: whole numbers only, counted back on the UTC calendar (see `ageCutoff`).
 *   They have no fixed length, so a timeout or an interval cannot be written in them.
 * - Where a timeout or an interval is asked for, a bare number is seconds (`10` is `10s`). Where an age is
 *   asked for (retention), a bare number is refused, so that `2` never silently means two seconds.
 */
export type DurationUnit = "ms" | "s" | "m" | "h" | "d" | "w" | "mo" | "y";

export interface DurationSpec {
  amount: number;
  unit: DurationUnit;
}

const FIXED_MS: Record<Exclude<DurationUnit, "mo" | "y">, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

const GRAMMAR = /^(\d+(?:\.\d+)?)\s*(ms|mo|s|m|h|d|w|y)?$/i;

const isCalendar = (unit: DurationUnit): unit is "mo" | "y" => unit === "mo" || unit === "y";

/**
 * Reads `raw` by the grammar above. `bare` is the unit a number without one is taken in (none: refused);
 * `expected` is the phrase the error message uses for what a valid value looks like.
 */
export function parseDurationSpec(
  input: string,
  raw: string,
  opts: { bare?: DurationUnit; expected: string },
): DurationSpec {
  const m = GRAMMAR.exec(raw.trim());
  const unit = (m?.[2]?.toLowerCase() ?? opts.bare) as DurationUnit | undefined;
  if (!m || !unit) throw new InputError(input, `must be ${opts.expected}; got '${raw}'`);
  const amount = Number(m[1]);
  if (!Number.isFinite(amount)) throw new InputError(input, `is too large; got '${raw}'`);
  if (isCalendar(unit) && !Number.isInteger(amount))
    throw new InputError(input, `must count whole months or years; got '${raw}'`);
  return { amount, unit };
}

/** A fixed length in milliseconds (`mo` and `y` have none). */
export function durationMs(input: string, spec: DurationSpec, raw: string): number {
  if (isCalendar(spec.unit))
    throw new InputError(
      input,
      `cannot be in months or years, which have no fixed length: write days or weeks (e.g. 30d); got '${raw}'`,
    );
  const ms = Math.round(spec.amount * FIXED_MS[spec.unit]);
  if (!Number.isSafeInteger(ms)) throw new InputError(input, `is too large; got '${raw}'`);
  return ms;
}

/**
 * A timeout or an interval: `500ms`, `10s`, `2m`, `1h`, `7d`, `2w`, or a bare number of seconds (`10`,
 * `0.5`), in milliseconds. `input` names the input in the error message.
 */
export function parseDuration(input: string, raw: string): number {
  const spec = parseDurationSpec(input, raw, {
    bare: "s",
    expected: "a duration like 500ms, 10s, 2m, 1h, 7d or a number of seconds",
  });
  return durationMs(input, spec, raw);
}

/** An age (a retention): a unit is required and the amount is at least 1 of it (`2y`, `18mo`, `90d`, `36h`). */
export function parseAge(input: string, raw: string): DurationSpec {
  const spec = parseDurationSpec(input, raw, { expected: "an age like 2y, 18mo, 90d, 12w or 36h" });
  if (spec.amount < 1) throw new InputError(input, `must be at least 1 of its unit; got '${raw}'`);
  if (!isCalendar(spec.unit)) durationMs(input, spec, raw);
  return spec;
}

/**
 * The instant `age` before `now`. Fixed units subtract their length. Months and years move back on the UTC
 * calendar keeping the time of day; when the target month is shorter than the day of the month, the result is
 * that month's last day (31 March − 1mo = 28 or 29 February; 29 February 2024 − 1y = 28 February 2023).
 * `12mo` and `1y` are the same age.
 */
export function ageCutoff(age: DurationSpec, now: Date): Date {
  if (!isCalendar(age.unit)) return new Date(now.getTime() - age.amount * FIXED_MS[age.unit]);
  const months = age.unit === "y" ? age.amount * 12 : age.amount;
  const total = now.getUTCFullYear() * 12 + now.getUTCMonth() - months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const cutoff = new Date(now.getTime());
  cutoff.setUTCFullYear(year, month, Math.min(now.getUTCDate(), lastDay));
  return cutoff;
}

/** Parses an age and returns its cutoff before `now`, with an error naming the input if it is out of range. */
export function ageCutoffOf(input: string, raw: string, now: Date): Date {
  const cutoff = ageCutoff(parseAge(input, raw), now);
  if (Number.isNaN(cutoff.getTime())) throw new InputError(input, `reaches too far back; got '${raw}'`);
  return cutoff;
}

/** Renders milliseconds for humans: `850ms`, `12.3s`, `2m 5s`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)}s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  if (minutes < 60) return `${minutes}m ${seconds}s`;
  return `${Math.floor(minutes / 60)}h ${minutes % 60}m`;
}
