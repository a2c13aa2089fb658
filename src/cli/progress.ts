import { formatDuration } from "../core/duration.js";
import type { HealthAttempt } from "../core/health.js";
import type { Reporter } from "../core/ports.js";
import { paint } from "./terminal.js";

/**
 * The live part of a deploy in a terminal: one status line under the log (the health check's attempts as a
 * bar, and a countdown to the next attempt) that is cleared before any log line is written and drawn again
 * after it. Without a terminal it draws nothing: the log lines say it all.
 */
export class LiveProgress {
  private line = "";
  private timer?: NodeJS.Timeout;
  private readonly enabled: boolean;

  constructor(private readonly out: NodeJS.WriteStream = process.stderr) {
    this.enabled = Boolean(out.isTTY);
  }

  /** A reporter that writes through `base` without tearing the live line. */
  wrap(base: Reporter): Reporter {
    const around =
      <A extends unknown[]>(fn: (...args: A) => void) =>
      (...args: A) => {
        this.clear();
        fn(...args);
        this.draw();
      };
    return {
      info: around((m: string) => base.info(m)),
      warning: around((m: string) => base.warning(m)),
      error: around((m: string) => base.error(m)),
      debug: around((m: string) => base.debug(m)),
      secret: (v) => base.secret(v),
      group: (title, fn) => {
        this.clear();
        return base.group(title, fn).finally(() => this.draw());
      },
    };
  }

  /** After each health attempt: the bar, and a countdown to the next attempt when there is one. */
  healthAttempt(attempt: HealthAttempt, total: number, intervalMs: number): void {
    this.stopTimer();
    if (!this.enabled) return;
    const bar = Array.from({ length: total }, (_, i) => {
      if (i < attempt.n - 1) return paint("●", "red");
      if (i === attempt.n - 1) return paint("●", attempt.healthy ? "green" : "red");
      return paint("○", "gray");
    }).join("");
    const head = `  /health ${bar} ${attempt.n}/${total}`;
    if (attempt.healthy || attempt.n >= total) {
      this.set("");
      return;
    }
    const until = Date.now() + intervalMs;
    const tick = () => {
      const left = Math.max(0, until - Date.now());
      this.set(
        `${head} · ${attempt.reason} · next attempt in ${formatDuration(Math.ceil(left / 100) * 100)}`,
      );
    };
    tick();
    this.timer = setInterval(tick, 200);
    this.timer.unref();
  }

  /**
   * A wait that may be long (another deploy holds the app's lock): after `afterMs` with nothing else said,
   * a line with the time waited so far.
   */
  waiting(text: string, afterMs = 1_500): void {
    this.stopTimer();
    if (!this.enabled) return;
    const since = Date.now();
    const tick = () => {
      const waited = Date.now() - since;
      if (waited >= afterMs) this.set(`  ${text} · ${formatDuration(Math.floor(waited / 1000) * 1000)}`);
    };
    this.timer = setInterval(tick, 250);
    this.timer.unref();
  }

  /** Clears the live line for good. */
  done(): void {
    this.stopTimer();
    this.set("");
  }

  private set(line: string): void {
    this.clear();
    this.line = line;
    this.draw();
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private drawn = false;

  private clear(): void {
    if (this.enabled && this.drawn) {
      this.out.write("\r\u001b[2K");
      this.drawn = false;
    }
  }

  private draw(): void {
    if (!this.enabled || !this.line || this.drawn) return;
    const width = Math.max(20, (this.out.columns || 100) - 1);
    this.out.write(truncateVisible(this.line, width));
    this.drawn = true;
  }
}

/** Cuts a line with colour codes to `width` visible characters. */
function truncateVisible(text: string, width: number): string {
  let visible = 0;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const m = /^\u001b\[[0-9;]*m/.exec(text.slice(i));
    if (m) {
      out += m[0];
      i += m[0].length - 1;
      continue;
    }
    if (visible >= width) break;
    out += text[i];
    visible++;
  }
  return `${out}\u001b[0m`;
}

/**
 * Ctrl-C while work that must finish its bookkeeping runs: the first SIGINT (or SIGTERM) aborts `controller`
 * so the work winds down (the deploy still writes its outcome row and releases its lock); a second one exits
 * at once with 130. Returns the function that removes the handlers.
 */
export function onInterrupt(
  controller: AbortController,
  say: (line: string) => void,
  what = "finishing: writing the audit outcome and releasing the lock",
): () => void {
  let count = 0;
  const handler = (signal: NodeJS.Signals) => {
    count++;
    if (count === 1) {
      say(
        `${paint(`${signal === "SIGINT" ? "Ctrl-C" : signal}:`, "yellow", "bold")} stopping; ${what} (press Ctrl-C again to quit now)`,
      );
      controller.abort(new Error(`interrupted by ${signal}`));
      return;
    }
    say(paint("quitting now", "red", "bold"));
    process.exit(130);
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
  return () => {
    process.off("SIGINT", handler);
    process.off("SIGTERM", handler);
  };
}
