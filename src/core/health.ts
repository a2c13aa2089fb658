import { formatDuration } from "./duration.js";
import { InputError } from "./errors.js";
import { redactUrl } from "./inputs.js";
import { escapeMd } from "./markdown.js";

/** Kept for src/core/approval.ts, which still imports it from here; new code imports ./markdown.js. */
export { escapeMd } from "./markdown.js";

/** Which HTTP statuses count as healthy: exact codes and classes like `2xx`. */
export interface StatusExpectation {
  codes: number[];
  classes: number[]; // 2 for 2xx
  text: string;
}

export function parseExpectStatus(input: string, raw: string): StatusExpectation {
  const text = raw.trim() || "200";
  const codes: number[] = [];
  const classes: number[] = [];
  for (const part of text.split(",").map((p) => p.trim())) {
    if (/^[1-5]xx$/i.test(part)) classes.push(Number(part[0]));
    else if (/^[1-5]\d\d$/.test(part)) codes.push(Number(part));
    else
      throw new InputError(input, `must be status codes or classes like 200, 200,204 or 2xx; got '${part}'`);
  }
  return { codes, classes, text };
}

export function statusMatches(exp: StatusExpectation, status: number): boolean {
  return exp.codes.includes(status) || exp.classes.includes(Math.floor(status / 100));
}

/** `path=value` against a JSON body: `status=ok`, `db.ok=true`, `checks.0.name=db`. */
export interface JsonExpectation {
  path: string[];
  value: string;
  text: string;
}

export function parseExpectJson(input: string, raw: string): JsonExpectation | undefined {
  const text = raw.trim();
  if (!text) return undefined;
  const idx = text.indexOf("=");
  if (idx <= 0) throw new InputError(input, `must look like path=value (e.g. status=ok); got '${raw}'`);
  const path = text.slice(0, idx).trim().split(".");
  if (path.some((p) => p === "")) throw new InputError(input, `has an empty path segment in '${raw}'`);
  return { path, value: text.slice(idx + 1).trim(), text };
}

/** Returns undefined when the body meets the expectation, else the reason it does not. */
export function checkJson(exp: JsonExpectation, body: string): string | undefined {
  let node: unknown;
  try {
    node = JSON.parse(body);
  } catch {
    return `body is not JSON (expected ${exp.text})`;
  }
  for (const key of exp.path) {
    if (node === null || typeof node !== "object" || !(key in (node as Record<string, unknown>))) {
      return `JSON has no ${exp.path.join(".")} (expected ${exp.text})`;
    }
    node = (node as Record<string, unknown>)[key];
  }
  const actual = typeof node === "string" ? node : JSON.stringify(node);
  return actual === exp.value
    ? undefined
    : `JSON ${exp.path.join(".")} is ${truncate(actual, 60)}, expected ${exp.value}`;
}

export interface HealthSettings {
  url: URL;
  attempts: number;
  intervalMs: number;
  timeoutMs: number;
  expectStatus: StatusExpectation;
  expectBody?: string;
  expectJson?: JsonExpectation;
  headers: Record<string, string>;
  method: "GET" | "HEAD";
  followRedirects: boolean;
}

/** What one probe of the URL saw: a status and body, or a network failure. */
export interface ProbeResult {
  status?: number;
  body?: string;
  latencyMs: number;
  error?: string; // "connection refused", "timed out after 5s", ...
}

export interface HealthAttempt {
  n: number;
  status?: number;
  latencyMs: number;
  healthy: boolean;
  reason: string;
}

export interface HealthReport {
  url: string; // redacted
  healthy: boolean;
  attempts: HealthAttempt[];
  lastStatus?: number;
  lastLatencyMs?: number;
  lastReason: string;
}

/** Judges one probe result against the expectations. */
export function judgeProbe(settings: HealthSettings, n: number, probe: ProbeResult): HealthAttempt {
  const base = { n, status: probe.status, latencyMs: probe.latencyMs };
  if (probe.error !== undefined || probe.status === undefined) {
    return { ...base, healthy: false, reason: probe.error ?? "no response" };
  }
  if (!statusMatches(settings.expectStatus, probe.status)) {
    return {
      ...base,
      healthy: false,
      reason: `status ${probe.status}, expected ${settings.expectStatus.text}`,
    };
  }
  const body = probe.body ?? "";
  if (settings.expectBody !== undefined && !body.includes(settings.expectBody)) {
    return { ...base, healthy: false, reason: "body does not contain the expected text" };
  }
  if (settings.expectJson) {
    const why = checkJson(settings.expectJson, body);
    if (why) return { ...base, healthy: false, reason: why };
  }
  return { ...base, healthy: true, reason: "healthy" };
}

export function buildReport(settings: HealthSettings, attempts: HealthAttempt[]): HealthReport {
  const last = attempts[attempts.length - 1];
  return {
    url: redactUrl(settings.url),
    healthy: last?.healthy ?? false,
    attempts,
    lastStatus: last?.status,
    lastLatencyMs: last?.latencyMs,
    lastReason: last?.reason ?? "not checked",
  };
}

export function formatAttemptLine(a: HealthAttempt, total: number): string {
  const status = a.status === undefined ? "-" : String(a.status);
  return `attempt ${a.n}/${total}: status ${status}, ${formatDuration(a.latencyMs)}, ${a.reason}`;
}

/** The job-summary section for a health check. Pure; the action writes it. */
export function renderHealthSummary(report: HealthReport): string {
  const head = report.healthy
    ? `### ✅ Healthy: ${escapeMd(report.url)}`
    : `### ❌ Unhealthy: ${escapeMd(report.url)}`;
  const rows = report.attempts.map(
    (a) =>
      `| ${a.n} | ${a.status ?? "-"} | ${formatDuration(a.latencyMs)} | ${a.healthy ? "✅" : "❌"} ${escapeMd(a.reason)} |`,
  );
  return [
    head,
    "",
    "| Attempt | Status | Latency | Result |",
    "| ---: | ---: | ---: | --- |",
    ...rows,
    "",
  ].join("\n");
}

function truncate(text: string, n: number): string {
  return text.length > n ? `${text.slice(0, n)}…` : text;
}
