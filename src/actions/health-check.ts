import { ProdgateError } from "../core/errors.js";
import { renderHealthSummary } from "../core/health.js";
import { parseHealthInputs } from "../core/health-inputs.js";
import { redactUrl } from "../core/inputs.js";
import { runHealthCheck } from "../pipelines/health-check.js";
import { actionReporter, input, maskSecret, runStep, setOutputs, writeSummary } from "./runtime.js";

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
