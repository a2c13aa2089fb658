import { type Clock, systemClock } from "../core/ports.js";

/**
 * A bounded worker pool: at most `concurrency` tasks run at once, started in input order, until `deadlineMs`
 * after the start. A task that hangs holds its slot until it ends (vendor calls end at their own timeouts), so
 * `concurrency` is a hard limit on the calls in flight. When the deadline passes no new task starts, tasks
 * still running are abandoned (their results are dropped; their timeouts end them soon after) and `signal` is
 * aborted so they can stop early.
 */
export type PoolOutcome<R> =
  | { status: "fulfilled"; value: R }
  | { status: "rejected"; reason: unknown }
  | { status: "deadline" };

export interface PoolOptions {
  concurrency: number;
  /** Time budget for the whole run; undefined for none. */
  deadlineMs?: number;
  /** Called as each task settles (progress bars). */
  onSettled?: (done: number, total: number) => void;
  /** Measures the deadline (default: the system clock). */
  clock?: Clock;
}

export async function runPool<T, R>(
  items: readonly T[],
  options: PoolOptions,
  worker: (item: T, index: number, signal: AbortSignal) => Promise<R>,
): Promise<PoolOutcome<R>[]> {
  const results: PoolOutcome<R>[] = items.map(() => ({ status: "deadline" }));
  const controller = new AbortController();
  const finished = new AbortController();
  const concurrency = Math.max(1, Math.min(options.concurrency, items.length));
  const clock = options.clock ?? systemClock;
  let next = 0;
  let done = 0;
  const deadline = new Promise<"deadline">((resolve) => {
    if (options.deadlineMs === undefined) return;
    clock.sleep(options.deadlineMs, finished.signal).then(
      () => {
        controller.abort(new Error("sweep deadline reached"));
        resolve("deadline");
      },
      () => {}, // the run ended first
    );
  });

  const lane = async (): Promise<void> => {
    while (!controller.signal.aborted) {
      const i = next++;
      if (i >= items.length) return;
      const task = (async () => worker(items[i]!, i, controller.signal))().then(
        (value): PoolOutcome<R> => ({ status: "fulfilled", value }),
        (reason): PoolOutcome<R> => ({ status: "rejected", reason }),
      );
      const settled = await Promise.race([task, deadline]);
      if (settled === "deadline" || controller.signal.aborted) return;
      results[i] = settled;
      options.onSettled?.(++done, items.length);
    }
  };

  try {
    await Promise.race([Promise.all(Array.from({ length: concurrency }, lane)), deadline]);
  } finally {
    finished.abort();
  }
  return results;
}
