import type { Surface } from "../registry.js";

/**
 * The status sweep's shapes (seed 000 §4.2, §4.4): what a vendor call saw, the SiteStatus / DeployInfo /
 * BuildInfo documents, and which calls a surface needs.
 */

export const SURFACE_STATES = ["healthy", "degraded", "down", "stale", "unknown"] as const;
export type SurfaceState = (typeof SURFACE_STATES)[number];
/** The states that carry information; stale and unknown hold the last of these. */
export type KnownState = "healthy" | "degraded" | "down";

export const VENDOR_CALLS = [
  "heroku_dyno",
  "heroku_release",
  "cf_pages",
  "github_actions",
  "http_health",
] as const;
export type VendorCall = (typeof VENDOR_CALLS)[number];

export const VENDORS = ["heroku", "cloudflare", "github"] as const;
export type Vendor = (typeof VENDORS)[number];
export const VENDOR_NAMES: Record<Vendor, string> = {
  heroku: "Heroku",
  cloudflare: "Cloudflare",
  github: "GitHub",
};
export const VENDOR_WHAT: Record<Vendor, string> = {
  heroku: "dyno status unavailable",
  cloudflare: "deploy status unavailable",
  github: "build status unavailable",
};

/** The vendor API behind a call; undefined for the surface's own health endpoint. */
export function vendorOf(call: VendorCall): Vendor | undefined {
  if (call === "heroku_dyno" || call === "heroku_release") return "heroku";
  if (call === "cf_pages") return "cloudflare";
  if (call === "github_actions") return "github";
  return undefined;
}

// ---- seed 000 §4.2 shapes ----

export interface LivenessResult {
  ok: boolean;
  latency_ms: number;
  status_code: number | null;
  checked_at: string;
}

export interface DeployInfo {
  deploy_id: string;
  deployed_at: string;
  author: string;
  status: "succeeded" | "failed" | "building";
  age_days: number;
}

export type BuildConclusion = "success" | "failure" | "cancelled" | "in_progress" | "unknown";

export interface BuildInfo {
  run_id: string;
  conclusion: BuildConclusion;
  run_url: string;
  trigger: string;
  author: string;
  started_at: string;
}

export interface SiteStatus {
  id: string;
  hostname: string;
  provider: string;
  liveness: LivenessResult;
  last_deploy: DeployInfo | null;
  build_status: BuildInfo | null;
  sentry_errors_24h: number | null;
  checked_at: string;
  error: string | null;
  /** The overall state: healthy, degraded, down, stale or unknown. */
  status: SurfaceState;
}

/** GET /api/status/sites (seed 000 §5), written as status.json. */
export interface StatusDocument {
  sites: SiteStatus[];
  cache_age_seconds: number;
  degraded_vendors: Vendor[];
  generated_at: string;
}

// ---- what the probing phase hands to classification (JSON-serialisable: shards exchange it) ----

export interface CallResult {
  call: VendorCall;
  /** The vendor (or health endpoint) gave a usable answer: not unreachable, 5xx, 401/403 or rate-limited. */
  answered: boolean;
  rateLimited: boolean;
  /** The probe passed: health OK, a dyno up, newest deploy succeeded, runs listed. */
  ok: boolean;
  latencyMs: number;
  statusCode: number | null;
  /** Why the call or the probe failed; user-safe, secret-free. */
  error: string | null;
  at: string;
  /**
   * Not called this sweep (no poll row): the vendor rate-limited an earlier call, or the answer came from the
   * sweep's memory (a paced Heroku read; `at` is then when it was read).
   */
  skipped?: boolean;
}

export interface DynoSummary {
  total: number;
  up: number;
  /** state → count: up, crashed, idle, starting, down. */
  states: Record<string, number>;
}

export interface RawDeploy {
  deploy_id: string;
  deployed_at: string;
  author: string;
  status: DeployInfo["status"];
  /** Extra words for a failed deploy (the failing stage). */
  detail?: string;
}

export interface SurfaceProbe {
  id: string;
  calls: CallResult[];
  dynos?: DynoSummary;
  /** undefined: not fetched; null: the vendor has none. */
  deploy?: RawDeploy | null;
  build?: BuildInfo | null;
}

/** The calls a surface needs each sweep. */
export function expectedCalls(surface: Surface): VendorCall[] {
  const calls: VendorCall[] = [];
  if (surface.health) calls.push("http_health");
  if (surface.provider === "heroku" && surface.heroku) calls.push("heroku_dyno", "heroku_release");
  if (surface.provider === "cloudflare_pages" && surface.cloudflarePages) calls.push("cf_pages");
  if (surface.builds) calls.push("github_actions");
  return calls;
}

/** Which call's result the sparkline and liveness show. */
export function livenessCall(surface: Surface): VendorCall | undefined {
  if (surface.health) return "http_health";
  if (surface.provider === "heroku" && surface.heroku) return "heroku_dyno";
  if (surface.provider === "cloudflare_pages" && surface.cloudflarePages) return "cf_pages";
  return undefined;
}

// ---- the 24-hour sparkline and the static page ----

export interface SparkBucket {
  ok: number;
  failed: number;
  /** Mean latency of the bucket's calls. */
  latencyMs: number;
}

export const SPARK_BUCKETS = 288; // 24 h at 5-minute granularity
export const SPARK_BUCKET_MS = 300_000;

/** Index of the 5-minute bucket of `at` in the 24 hours ending at `now` (or undefined outside it). */
export function sparkIndex(at: Date, now: Date): number | undefined {
  const end = Math.floor(now.getTime() / SPARK_BUCKET_MS);
  const i = SPARK_BUCKETS - 1 - (end - Math.floor(at.getTime() / SPARK_BUCKET_MS));
  return i >= 0 && i < SPARK_BUCKETS ? i : undefined;
}
