import { describe, expect, it } from "vitest";
import { retentionCutoff } from "../../src/core/audit.js";
import { ageCutoff, ageCutoffOf, parseAge, parseDuration } from "../../src/core/duration.js";
import { parsePolicyDuration } from "../../src/core/secret-inventory.js";

const at = (iso: string) => new Date(iso);
const cut = (raw: string, now: string) => ageCutoffOf("older-than", raw, at(now)).toISOString();

describe("one duration grammar: timeouts and intervals", () => {
  it.each([
    ["0ms", 0],
    ["1ms", 1],
    ["0.5s", 500],
    ["10", 10_000],
    ["2m", 120_000],
    ["1h", 3_600_000],
    ["1.5d", 129_600_000],
    ["2w", 1_209_600_000],
    ["10S", 10_000],
    ["5 m", 300_000],
  ])("%j is %i ms", (raw, ms) => {
    expect(parseDuration("timeout", raw)).toBe(ms);
  });

  it("keeps minutes and months apart: m is minutes, mo is months", () => {
    expect(parseDuration("timeout", "1m")).toBe(60_000);
    expect(() => parseDuration("timeout", "1mo")).toThrow(
      "Input 'timeout' cannot be in months or years, which have no fixed length: write days or weeks (e.g. 30d); got '1mo'",
    );
    expect(() => parseDuration("timeout", "1y")).toThrow(/Input 'timeout' cannot be in months or years/);
  });

  it.each(["", "soon", "-1s", "1.s", ".5s", "1e3s", "10 parsecs", "1h30m", "s"])(
    "refuses %j naming the input and the value",
    (raw) => {
      expect(() => parseDuration("poll-interval", raw)).toThrow(
        `Input 'poll-interval' must be a duration like 500ms, 10s, 2m, 1h, 7d or a number of seconds; got '${raw}'`,
      );
    },
  );

  it("refuses a value too large to be a number of milliseconds", () => {
    expect(() => parseDuration("timeout", `${"9".repeat(400)}s`)).toThrow("Input 'timeout' is too large");
    expect(() => parseDuration("timeout", "999999999999999w")).toThrow("Input 'timeout' is too large");
  });
});

describe("one duration grammar: ages (retention)", () => {
  it("needs a unit and at least 1 of it", () => {
    expect(() => parseAge("--older-than", "2")).toThrow(
      "Input '--older-than' must be an age like 2y, 18mo, 90d, 12w or 36h; got '2'",
    );
    expect(() => parseAge("--older-than", "0d")).toThrow(
      "Input '--older-than' must be at least 1 of its unit; got '0d'",
    );
    expect(() => parseAge("--older-than", "0.5d")).toThrow("must be at least 1 of its unit");
    expect(parseAge("--older-than", "1d")).toEqual({ amount: 1, unit: "d" });
  });

  it("counts months and years in whole numbers only", () => {
    expect(() => parseAge("--older-than", "1.5mo")).toThrow(
      "Input '--older-than' must count whole months or years; got '1.5mo'",
    );
    expect(() => parseAge("--older-than", "2.0y")).not.toThrow();
  });

  it("subtracts fixed units exactly", () => {
    expect(cut("36h", "2026-03-01T00:00:00.000Z")).toBe("2026-02-27T12:00:00.000Z");
    expect(cut("1w", "2026-03-01T00:00:00.000Z")).toBe("2026-02-22T00:00:00.000Z");
    expect(cut("1.5d", "2026-03-01T00:00:00.000Z")).toBe("2026-02-27T12:00:00.000Z");
  });

  it("moves months back on the UTC calendar, keeping the time of day", () => {
    expect(cut("1mo", "2026-03-15T10:20:30.400Z")).toBe("2026-02-15T10:20:30.400Z");
    expect(cut("18mo", "2026-03-01T00:00:00.000Z")).toBe("2024-09-01T00:00:00.000Z");
    // across a year boundary
    expect(cut("3mo", "2026-02-10T00:00:00.000Z")).toBe("2025-11-10T00:00:00.000Z");
    expect(cut("14mo", "2026-01-31T23:59:59.999Z")).toBe("2024-11-30T23:59:59.999Z");
  });

  it("clamps to the last day of a shorter month instead of spilling into the next", () => {
    expect(cut("1mo", "2026-03-31T12:00:00.000Z")).toBe("2026-02-28T12:00:00.000Z");
    expect(cut("1mo", "2024-03-31T12:00:00.000Z")).toBe("2024-02-29T12:00:00.000Z");
    expect(cut("1mo", "2026-05-31T00:00:00.000Z")).toBe("2026-04-30T00:00:00.000Z");
    expect(cut("1y", "2024-02-29T08:00:00.000Z")).toBe("2023-02-28T08:00:00.000Z");
    expect(cut("4y", "2024-02-29T08:00:00.000Z")).toBe("2020-02-29T08:00:00.000Z");
  });

  it("takes 12mo and 1y as the same age", () => {
    for (const now of ["2024-02-29T00:00:00.000Z", "2026-12-31T00:00:00.000Z", "2026-07-04T05:06:07.008Z"])
      expect(cut("12mo", now)).toBe(cut("1y", now));
  });

  it("refuses an age reaching before the calendar", () => {
    expect(() => ageCutoffOf("--older-than", "999999y", at("2026-01-01T00:00:00Z"))).toThrow(
      "Input '--older-than' reaches too far back; got '999999y'",
    );
  });

  it("is the grammar `db prune --older-than` reads", () => {
    const now = at("2026-03-31T00:00:00.000Z");
    expect(retentionCutoff("--older-than", "1mo", now)).toEqual(ageCutoff({ amount: 1, unit: "mo" }, now));
    expect(() => retentionCutoff("--poll-older-than", "30", now)).toThrow(
      "Input '--poll-older-than' must be an age like 2y",
    );
  });
});

describe("one duration grammar: rotation policies", () => {
  it("reads the same units, a bare number being days", () => {
    expect(parsePolicyDuration("14")).toBe(14 * 86_400_000);
    expect(parsePolicyDuration("36h")).toBe(36 * 3_600_000);
    expect(parsePolicyDuration("2w")).toBe(14 * 86_400_000);
    expect(parsePolicyDuration("90m")).toBe(90 * 60_000);
    expect(parsePolicyDuration("1y")).toBeUndefined();
    expect(parsePolicyDuration("soon")).toBeUndefined();
  });
});
