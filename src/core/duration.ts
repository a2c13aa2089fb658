import { InputError } from "./errors.js";

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * Parses `500ms`, `10s`, `2m`, `1h`, `7d`, or a bare number of seconds (`10`, `0.5`) into milliseconds.
 * `input` names the input in the error message.
 */
export function parseDuration(input: string, raw: string): number {
  const text = raw.trim();
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?$/i.exec(text);
  if (!m) {
    throw new InputError(
      input,
      `must be a duration like 500ms, 10s, 2m or a number of seconds; got '${raw}'`,
    );
  }
  const value = Number(m[1]);
  const unit = (m[2] ?? "s").toLowerCase();
  return Math.round(value * (UNITS[unit] ?? 1000));
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
