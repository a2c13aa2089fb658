/**
 * A bounded worker pool: at most `concurrency` tasks run at once, in input order, until `deadlineMs` after the
 * start. When the deadline passes no new task starts, tasks still running are abandoned (their results are
 * dropped; the per-call timeouts end them soon after) and `signal` is aborted so they can stop early.
 *
 * Stragglers: a task still running `stragglerFactor` times longer than the median task so far (and at least
 * `stragglerMinMs`) stops holding its slot, so that one hanging endpoint does not idle a worker until its
 * timeout; it keeps running and its result is kept. At most `concurrency` stragglers are let go at once, so
 * no more than twice `concurrency` tasks are ever in flight.
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
  /** Release stragglers' slots (default true). */
  releaseStragglers?: boolean;
  stragglerFactor?: number;
  stragglerMinMs?: number;
}

/** Tasks that must settle before the median is trusted. */
const STRAGGLER_SAMPLES = 8;

export async function runPool<T, R>(
  items: readonly T[],
  options: PoolOptions,
  worker: (item: T, index: number, signal: AbortSignal) => Promise<R>,
): Promise<PoolOutcome<R>[]> {
  const results: PoolOutcome<R>[] = items.map(() => ({ status: "deadline" }));
  const controller = new AbortController();
  const concurrency = Math.max(1, Math.min(options.concurrency, items.length));
  const release = options.releaseStragglers ?? true;
  const factor = options.stragglerFactor ?? 4;
  const minMs = options.stragglerMinMs ?? 250;
  const durations: number[] = [];
  const stragglers = new Set<Promise<void>>();
  let next = 0;
  let done = 0;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<"deadline">((resolve) => {
    if (options.deadlineMs === undefined) return;
    timer = setTimeout(() => {
      controller.abort(new Error("sweep deadline reached"));
      resolve("deadline");
    }, options.deadlineMs);
  });

  const settle = (i: number, outcome: PoolOutcome<R>) => {
    if (controller.signal.aborted) return;
    results[i] = outcome;
    options.onSettled?.(++done, items.length);
  };

  /** How long a task may run before it counts as a straggler; undefined until the median is known. */
  const patience = (): number | undefined => {
    if (!release || durations.length < STRAGGLER_SAMPLES || stragglers.size >= concurrency) return undefined;
    const sorted = [...durations].sort((a, b) => a - b);
    return Math.max(minMs, factor * sorted[Math.floor(sorted.length / 2)]!);
  };

  const lane = async (): Promise<void> => {
    while (!controller.signal.aborted) {
      const i = next++;
      if (i >= items.length) return;
      const started = performance.now();
      const task = worker(items[i]!, i, controller.signal).then(
        (value): PoolOutcome<R> => {
          durations.push(performance.now() - started);
          return { status: "fulfilled", value };
        },
        (reason): PoolOutcome<R> => ({ status: "rejected", reason }),
      );
      let settled: PoolOutcome<R> | "deadline" | "straggler" | undefined;
      while (settled === undefined) {
        const wait = patience();
        const elapsed = performance.now() - started;
        let wake: NodeJS.Timeout | undefined;
        const contenders: Promise<PoolOutcome<R> | "deadline" | "straggler" | undefined>[] = [task, deadline];
        if (wait !== undefined) {
          contenders.push(
            new Promise((resolve) => {
              wake = setTimeout(() => resolve("straggler"), Math.max(0, wait - elapsed));
            }),
          );
        } else if (release && durations.length < STRAGGLER_SAMPLES) {
          // Look again once more tasks have settled and a median exists.
          contenders.push(
            new Promise((resolve) => {
              wake = setTimeout(() => resolve(undefined), minMs);
            }),
          );
        }
        settled = await Promise.race(contenders);
        if (wake) clearTimeout(wake);
      }
      if (settled === "deadline") return;
      if (settled === "straggler") {
        const background = task.then((outcome) => {
          settle(i, outcome);
          stragglers.delete(background);
        });
        stragglers.add(background);
        continue;
      }
      settle(i, settled);
    }
  };

  try {
    await Promise.race([
      (async () => {
        await Promise.all(Array.from({ length: concurrency }, lane));
        while (stragglers.size) await Promise.all([...stragglers]);
      })(),
      deadline,
    ]);
  } finally {
    if (timer) clearTimeout(timer);
  }
  return results;
}
