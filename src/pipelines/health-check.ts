import {
  buildReport,
  formatAttemptLine,
  type HealthAttempt,
  type HealthReport,
  type HealthSettings,
  judgeProbe,
} from "../core/health.js";
import { type Clock, type Reporter, systemClock } from "../core/ports.js";
import { HttpProbe } from "../vendors/http-probe.js";

export interface HealthCheckPorts {
  reporter: Reporter;
  clock?: Clock;
  probe?: HttpProbe;
  /** Called after each attempt (the CLI draws progress with it). */
  onAttempt?: (attempt: HealthAttempt, total: number) => void;
  signal?: AbortSignal;
}

/**
 * Probes the URL up to `attempts` times, `interval` apart, each cut at `timeout`; stops at the first healthy
 * answer. Used by the health-check action, the deploy pipeline, the status sweep and `prodgate health`.
 */
export async function runHealthCheck(
  settings: HealthSettings,
  ports: HealthCheckPorts,
): Promise<HealthReport> {
  const clock = ports.clock ?? systemClock;
  const probe = ports.probe ?? new HttpProbe();
  const attempts: HealthAttempt[] = [];
  try {
    for (let n = 1; n <= settings.attempts; n++) {
      ports.signal?.throwIfAborted();
      const result = await probe.probe(settings.url, {
        method: settings.method,
        headers: settings.headers,
        timeoutMs: settings.timeoutMs,
        followRedirects: settings.followRedirects,
      });
      const attempt = judgeProbe(settings, n, result);
      attempts.push(attempt);
      ports.reporter.info(formatAttemptLine(attempt, settings.attempts));
      ports.onAttempt?.(attempt, settings.attempts);
      if (attempt.healthy) break;
      if (n < settings.attempts) await clock.sleep(settings.intervalMs, ports.signal);
    }
  } finally {
    if (!ports.probe) await probe.close();
  }
  return buildReport(settings, attempts);
}
