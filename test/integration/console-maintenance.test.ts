import { describe, expect, it } from "vitest";
import { activeMaintenance, maintenanceIntervals } from "../../src/core/console/maintenance.js";
import { registry } from "./console-seed.js";

/** Maintenance windows as the registry declares them: validation with file positions, and their boundaries. */

const base = `surfaces:
  - { id: api, hostname: api.acme.test, provider: http, health: { url: "http://127.0.0.1:9/" } }
`;
const at = (iso: string) => Date.parse(iso);

describe("maintenance windows in the registry", () => {
  it("refuses bad windows, naming the file, line and field of each", () => {
    const text = `maintenance:
  - { start: 2026-11-01T02:00:00, end: 2026-11-01T04:00:00Z }
  - { start: 2026-11-01T04:00:00Z, end: 2026-11-01T02:00:00Z }
  - { every: someday, at: "25:00", for: 2 hours, time-zone: Mars/Olympus }
  - { every: sunday, at: "02:00", for: 2h, start: 2026-11-01T02:00:00Z }
  - { every: sunday, at: "02:00", for: 2h, surfaces: [nope] }
  - { reason: nothing else }
${base}`;
    let message = "";
    try {
      registry(text);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain("surfaces.yml:2:");
    expect(message).toContain("maintenance[0].start: must be an ISO 8601 time with its offset");
    expect(message).toContain("maintenance[1].end: must be after start, by at most 31 days");
    expect(message).toContain("maintenance[2].every: must be day, weekday, weekend, a day name");
    expect(message).toContain("maintenance[2].at: must be a local time like 02:30; got '25:00'");
    expect(message).toContain("maintenance[2].for: must be a duration");
    expect(message).toContain(
      "maintenance[2].time-zone: must be an IANA time zone like Europe/Berlin or UTC; got 'Mars/Olympus'",
    );
    expect(message).toContain("maintenance[3]: has both start/end and every");
    expect(message).toContain("maintenance: names unknown surfaces: nope");
    expect(message).toContain(
      "maintenance[5]: needs start and end (a one-off window) or every, at and for (a recurrence)",
    );
    expect(() =>
      registry(
        `surfaces:\n  - { id: api, hostname: a.test, provider: http, health: { url: "http://127.0.0.1:9/" }, maintenance: [{ every: day, at: "01:00", for: 1h, surfaces: [api] }] }\n`,
      ),
    ).toThrow(/maintenance\[0\]\.surfaces: is not a known field/);
  });

  it("starts at the start and ends before the end, in the window's time zone across a DST change", () => {
    const reg = registry(`maintenance:
  - { every: [sat, sun], at: "02:30", for: 90m, time-zone: America/New_York, reason: patching }
  - { start: 2026-11-03T10:00:00+01:00, end: 2026-11-03T11:00:00+01:00 }
${base}`);
    const w = reg.maintenance ?? [];
    // New York leaves summer time on 1 November 2026: 02:30 EDT is 06:30 UTC the day before, 07:30 UTC after.
    expect(maintenanceIntervals(w, "api", at("2026-10-30T00:00:00Z"), at("2026-11-09T00:00:00Z"))).toEqual([
      { start: at("2026-10-31T06:30:00Z"), end: at("2026-10-31T08:00:00Z"), reason: "patching" },
      { start: at("2026-11-01T07:30:00Z"), end: at("2026-11-01T09:00:00Z"), reason: "patching" },
      { start: at("2026-11-03T09:00:00Z"), end: at("2026-11-03T10:00:00Z") },
      { start: at("2026-11-07T07:30:00Z"), end: at("2026-11-07T09:00:00Z"), reason: "patching" },
      { start: at("2026-11-08T07:30:00Z"), end: at("2026-11-08T09:00:00Z"), reason: "patching" },
    ]);
    expect(activeMaintenance(w, "api", at("2026-11-03T08:59:59Z"))).toBeUndefined();
    expect(activeMaintenance(w, "api", at("2026-11-03T09:00:00Z"))?.start).toBe(at("2026-11-03T09:00:00Z"));
    expect(activeMaintenance(w, "api", at("2026-11-03T09:59:59Z"))).toBeDefined();
    expect(activeMaintenance(w, "api", at("2026-11-03T10:00:00Z"))).toBeUndefined();
    // 02:30 does not exist in New York on 8 March 2026 (clocks jump 02:00 -> 03:00): the window starts at 03:30 EDT.
    const spring = registry(`maintenance:
  - { every: sunday, at: "02:30", for: 1h, time-zone: America/New_York }
${base}`).maintenance!;
    expect(
      maintenanceIntervals(spring, "api", at("2026-03-08T00:00:00Z"), at("2026-03-09T00:00:00Z")),
    ).toEqual([{ start: at("2026-03-08T07:30:00Z"), end: at("2026-03-08T08:30:00Z") }]);
  });
});
