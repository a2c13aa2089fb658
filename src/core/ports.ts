/**
 * The ports every layer shares. Time is a port: what reads the time or waits takes a Clock, so tests drive it
 * on a virtual clock; `systemClock` is the real one. Actions hand in @actions/core-backed Reporters, the CLI a
 * terminal reporter, tests recorders. Pipelines never import @actions/* themselves.
 */
export interface Reporter {
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
  debug(message: string): void;
  /** Registers a value that must never be shown (core.setSecret in actions). Call before any logging. */
  secret(value: string): void;
  group<T>(title: string, fn: () => Promise<T>): Promise<T>;
}

export interface Clock {
  now(): Date;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => new Date(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const t = setTimeout(() => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(t);
        reject(signal?.reason);
      };
      signal?.addEventListener("abort", onAbort, { once: true });
    }),
};

/** A reporter that says nothing; for library callers who only want results. */
export const silentReporter: Reporter = {
  info() {},
  warning() {},
  error() {},
  debug() {},
  secret() {},
  group: (_t, fn) => fn(),
};
