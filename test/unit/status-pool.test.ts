import { describe, expect, it } from "vitest";
import { runPool } from "../../src/pipelines/pool.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("the sweep's bounded worker pool", () => {
  it("never runs more than `concurrency` tasks at once and keeps every result in input order", async () => {
    let inFlight = 0;
    let peak = 0;
    const seen: number[] = [];
    const out = await runPool(
      Array.from({ length: 40 }, (_, i) => i),
      { concurrency: 5, onSettled: (d) => seen.push(d) },
      async (n) => {
        peak = Math.max(peak, ++inFlight);
        await sleep(5 + (n % 3));
        inFlight--;
        if (n === 7) throw new Error("seven");
        return n * 2;
      },
    );
    expect(peak).toBe(5);
    expect(out[3]).toEqual({ status: "fulfilled", value: 6 });
    expect(out[7]).toMatchObject({ status: "rejected", reason: new Error("seven") });
    expect(out.filter((o) => o.status === "fulfilled")).toHaveLength(39);
    expect(seen.at(-1)).toBe(40);
  });

  it("stops at the deadline: later tasks never start, running ones are abandoned", async () => {
    const started: number[] = [];
    const t = performance.now();
    const out = await runPool(
      [0, 1, 2, 3, 4, 5],
      { concurrency: 2, deadlineMs: 120, releaseStragglers: false },
      async (n, _i, signal) => {
        started.push(n);
        await sleep(n < 2 ? 20 : 10_000);
        return signal.aborted ? -1 : n;
      },
    );
    expect(performance.now() - t).toBeLessThan(1_000);
    expect(out.map((o) => o.status)).toEqual([
      "fulfilled",
      "fulfilled",
      "deadline",
      "deadline",
      "deadline",
      "deadline",
    ]);
    expect(started).toEqual([0, 1, 2, 3]);
  });

  it("lets a straggler go so that a hanging task does not idle its slot, and keeps its result", async () => {
    let inFlight = 0;
    let peak = 0;
    const out = await runPool(
      Array.from({ length: 60 }, (_, i) => i),
      { concurrency: 4, stragglerMinMs: 50 },
      async (n) => {
        peak = Math.max(peak, ++inFlight);
        await sleep(n % 12 === 11 ? 400 : 10);
        inFlight--;
        return n;
      },
    );
    expect(out.every((o, i) => o.status === "fulfilled" && o.value === i)).toBe(true);
    // With slots held by the slow tasks, never more than 4 would run at once: more in flight means the
    // stragglers let their slots go (how much faster that makes a sweep is bench/status-sweep's business).
    expect(peak).toBeGreaterThan(4);
    expect(peak).toBeLessThanOrEqual(8);
  });
});
