import { parseDuration } from "./duration.js";
import { type HealthSettings, parseExpectJson, parseExpectStatus } from "./health.js";
import {
  parseBoolean,
  parseChoice,
  parseHeaders,
  parseHttpUrl,
  parseInteger,
  requireValue,
} from "./inputs.js";

export interface HealthCheckInputs extends HealthSettings {
  failOnUnhealthy: boolean;
}

/** Turns raw inputs into typed settings; every problem names its input. Shared by the health-check action, the deploy, the status sweep and the CLI. */
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
