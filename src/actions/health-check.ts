import { parseDuration } from "../core/duration.js";
import { ProdgateError } from "../core/errors.js";
import {
  type HealthSettings,
  parseExpectJson,
  parseExpectStatus,
  renderHealthSummary,
} from "../core/health.js";
import {
  parseBoolean,
  parseChoice,
  parseHeaders,
  parseHttpUrl,
  parseInteger,
  redactUrl,
  requireValue,
} from "../core/inputs.js";
import { runHealthCheck } from "../pipelines/health-check.js";
import { actionReporter, input, maskSecret, runStep, setOutputs, writeSummary } from "./runtime.js";

export interface HealthCheckInputs extends HealthSettings {
  failOnUnhealthy: boolean;
}

/** Turns raw inputs into typed settings; every problem names its input. Shared with the CLI and the deploy. */
export function parseHealthInputs(get: (name: string) => string, prefix = ""): HealthCheckInputs {
  const name = (n: string) => `${prefix}${n}`;
  const headers = parseHeaders(name("headers"), get(name("headers")));
  const url = parseHttpUrl(name("url"), requireValue(name("url"), get(name("url"))));
  return {
    url,
    attempts: parseInteger(name("attempts"), get(name("attempts")) || "5", 1, 100),
    intervalMs: parseDuration(name("interval"), get(name("interval")) || "10s"),
    timeoutMs: parseDuration(name("timeout"), get(name("timeout")) || "5s"),
    expectStatus: parseExpectStatus(name("expect-status"), get(name("expect-status"))),
    expectBody: get(name("expect-body")) || undefined,
    expectJson: parseExpectJson(name("expect-json"), get(name("expect-json"))),
    headers,
    method: parseChoice(name("method"), get(name("method")).toUpperCase(), ["GET", "HEAD"] as const, "GET"),
    followRedirects: parseBoolean(name("follow-redirects"), get(name("follow-redirects")), true),
    failOnUnhealthy: parseBoolean(name("fail-on-unhealthy"), get(name("fail-on-unhealthy")), true),
  };
}

/** Masks header values (a Cloudflare Access token travels here) before any parsing error can echo them. */
export function maskHeaderValues(raw: string): void {
  for (const line of raw.split(/\r?\n/)) {
    const idx = line.indexOf(":");
    if (idx > 0) maskSecret(line.slice(idx + 1).trim());
  }
}

export async function run(): Promise<void> {
  await runStep(async () => {
    maskHeaderValues(input("headers"));
    const settings = parseHealthInputs(input);
    const report = await runHealthCheck(settings, { reporter: actionReporter });
    const last = report.attempts[report.attempts.length - 1];
    setOutputs({
      healthy: report.healthy,
      attempts: report.attempts.length,
      "status-code": last?.status ?? "",
      "latency-ms": last ? Math.round(last.latencyMs) : "",
    });
    await writeSummary(renderHealthSummary(report));
    if (!report.healthy) {
      const message = `${redactUrl(settings.url)} is unhealthy after ${report.attempts.length} attempt(s): ${report.lastReason}`;
      if (settings.failOnUnhealthy) throw new ProdgateError(message);
      actionReporter.warning(message);
    }
  });
}
