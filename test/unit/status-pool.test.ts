import { afterEach, describe, expect, it, vi } from "vitest";
import type { Clock } from "../../src/core/ports.js";
import { runPool } from "../../src/pipelines/pool.js";

/** Tasks the test ends by hand, in the order it picks, counting how many run at once. */
function controlledTasks() {
  const running = new Map<number, { resolve: (v: number) => void; reject: (e: Error) => void }>();
  const started: number[] = [];
  let peak = 0;
  const worker = (n: number, _i: number, signal: AbortSignal) =>
    new Promise<number>((resolve, reject) => {
      started.push(n);
      running.set(n, { resolve, reject });
      peak = Math.max(peak, running.size);
      signal.addEventListener("abort", () => running.delete(n), { once: true });
    }).finally(() => running.delete(n));
  /** Lets the pool react to what just settled (a few turns of the microtask queue). */
  const turn = async () => {
    for (let k = 0; k < 10; k++) await Promise.resolve();
  };
  return {
    worker,
    started,
    running,
    peak: () => peak,
    async end(n: number, error?: Error) {
      const task = running.get(n);
      if (!task) throw new Error(`task ${n} is not running (running: ${[...running.keys()].join(", ")})`);
      if (error) task.reject(error);
      else task.resolve(n * 2);
      await turn();
    },
    turn,
  };
}

/** A virtual clock: sleeps end when the test fires them, never on their own. */
function manualClock(): Clock & { sleeps: number[]; fire(): void } {
  const pending: (() => void)[] = [];
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => new Date("2026-01-01T00:00:00Z"),
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        sleeps.push(ms);
        pending.push(resolve);
        signal?.addEventListener("abort", () => reject(signal.reason), { once: true });
      }),
    fire: () => {
      for (const wake of pending.splice(0)) wake();
    },
  };
}

describe("the sweep's bounded worker pool", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("never has more than `concurrency` calls in flight, even while some hang, and keeps results in input order", async () => {
    const t = controlledTasks();
    const seen: number[] = [];
    const items = Array.from({ length: 40 }, (_, i) => i);
    const run = runPool(items, { concurrency: 5, onSettled: (d) => seen.push(d) }, t.worker);
    await t.turn();
    expect(t.started).toEqual([0, 1, 2, 3, 4]);
    // Tasks 0 and 1 hang; the others end in a scrambled order, one at a time.
    let guard = 0;
    while (t.started.length < items.length || t.running.size > 2) {
      expect(t.running.size).toBeLessThanOrEqual(5);
      const ending = [...t.running.keys()].filter((n) => n > 1);
      const n = ending[(guard * 7) % ending.length]!;
      await t.end(n, n === 7 ? new Error("seven") : undefined);
      if (++guard > 200) throw new Error("the pool stopped starting tasks");
    }
    // With two calls hanging, three slots carried the other 38: the hanging ones held theirs.
    expect(t.started).toEqual(items);
    expect([...t.running.keys()].sort()).toEqual([0, 1]);
    await t.end(1);
    await t.end(0);
    const out = await run;
    expect(t.peak()).toBe(5);
    expect(out[3]).toEqual({ status: "fulfilled", value: 6 });
    expect(out[7]).toMatchObject({ status: "rejected", reason: new Error("seven") });
    expect(out.filter((o) => o.status === "fulfilled")).toHaveLength(39);
    expect(out.map((o) => (o.status === "fulfilled" ? o.value : -1))).toEqual(
      items.map((i) => (i === 7 ? -1 : i * 2)),
    );
    expect(seen).toEqual(items.map((i) => i + 1));
  });

  it.each([1, 4, 16])("runs %i at a time when every call hangs: the limit is hard", async (concurrency) => {
    const t = controlledTasks();
    const items = Array.from({ length: 50 }, (_, i) => i);
    const run = runPool(items, { concurrency }, t.worker);
    await t.turn();
    expect(t.running.size).toBe(concurrency);
    for (let k = 0; k < 3; k++) await t.turn();
    expect(t.started).toHaveLength(concurrency);
    for (const n of items) await t.end(n);
    await run;
    expect(t.peak()).toBe(concurrency);
  });

  it("a call that hangs long after the others keeps its slot: no extra call starts beside it", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });
    const t = controlledTasks();
    const items = Array.from({ length: 20 }, (_, i) => i);
    const run = runPool(items, { concurrency: 2 }, t.worker);
    await t.turn();
    for (let n = 0; n < 10; n++) await t.end(n); // quick calls: a median exists
    expect(t.started).toEqual(items.slice(0, 12));
    await vi.advanceTimersByTimeAsync(60_000); // 10 and 11 hang for a minute
    expect(t.started).toEqual(items.slice(0, 12));
    expect(t.running.size).toBe(2);
    for (const n of items.slice(10)) await t.end(n);
    await run;
    expect(t.peak()).toBe(2);
  });

  it("stops at the deadline: later tasks never start, running ones are abandoned and told", async () => {
    const t = controlledTasks();
    const clock = manualClock();
    const run = runPool([0, 1, 2, 3, 4, 5], { concurrency: 2, deadlineMs: 120_000, clock }, t.worker);
    await t.turn();
    await t.end(0);
    await t.end(1);
    expect(t.started).toEqual([0, 1, 2, 3]);
    expect(clock.sleeps).toEqual([120_000]);
    clock.fire();
    const out = await run;
    expect(out.map((o) => o.status)).toEqual([
      "fulfilled",
      "fulfilled",
      "deadline",
      "deadline",
      "deadline",
      "deadline",
    ]);
    expect(t.started).toEqual([0, 1, 2, 3]);
    expect(t.running.size).toBe(0); // the two still running saw the abort
  });

  it("a run that ends before its deadline cancels the deadline's wait", async () => {
    const t = controlledTasks();
    let cancelled = false;
    const clock: Clock = {
      now: () => new Date(),
      sleep: (_ms, signal) =>
        new Promise<void>((_resolve, reject) => {
          signal?.addEventListener(
            "abort",
            () => {
              cancelled = true;
              reject(signal.reason);
            },
            { once: true },
          );
        }),
    };
    const run = runPool([0, 1], { concurrency: 2, deadlineMs: 60_000, clock }, t.worker);
    await t.turn();
    await t.end(0);
    await t.end(1);
    expect((await run).map((o) => o.status)).toEqual(["fulfilled", "fulfilled"]);
    expect(cancelled).toBe(true);
  });
});
