import type { Surface } from "../registry.js";
import {
  type BuildInfo,
  type CallResult,
  type DeployInfo,
  expectedCalls,
  type KnownState,
  type LivenessResult,
  type SiteStatus,
  type SurfaceProbe,
  type SurfaceState,
  VENDOR_NAMES,
  VENDORS,
  type Vendor,
  vendorOf,
} from "./shapes.js";

/**
 * Classification of a surface from one sweep's calls, degraded vendors, changes and incidents between sweeps,
 * and the sweep gap. Pure: time is passed in.
 */

// ---- classification ----

export type FindingKind =
  | "liveness"
  | "dynos"
  | "deploy-failed"
  | "deploy-age"
  | "deploy-missing"
  | "not-found"
  | "vendor-unreachable"
  | "rate-limited"
  | "deadline"
  | "build-stale";

export interface Finding {
  kind: FindingKind;
  text: string;
  vendor?: Vendor;
  /** down: the surface is down; degraded: its own signals are bad; info: no effect on the state. */
  weight: "down" | "degraded" | "vendor" | "stale" | "unknown" | "info";
}

export interface Verdict {
  site: SiteStatus;
  findings: Finding[];
  /** Its own signals say it is unhealthy (down, or degraded by something other than a vendor outage). */
  incident: boolean;
}

const DAY_MS = 86_400_000;

export function ageDays(deployedAt: string, now: Date): number {
  const t = Date.parse(deployedAt);
  if (Number.isNaN(t)) return 0;
  return Math.round(((now.getTime() - t) / DAY_MS) * 100) / 100;
}

/**
 * Classifies one surface from this sweep's calls, falling back on the previous status for data a vendor
 * could not give (rate-limited: stale). Order of precedence: down > degraded > unknown > stale > healthy.
 */
export function classify(
  surface: Surface,
  probe: SurfaceProbe | undefined,
  previous: SiteStatus | undefined,
  now: Date,
  missingText = "not probed before the sweep deadline",
): Verdict {
  const findings: Finding[] = [];
  const calls = new Map((probe?.calls ?? []).map((c) => [c.call, c]));
  const expected = expectedCalls(surface);
  const missing = expected.filter((c) => !calls.has(c));
  if (missing.length)
    findings.push({
      kind: "deadline",
      text: `${missingText} (${missing.join(", ")})`,
      weight: "unknown",
    });

  /** Vendor-level trouble of a call; true when the call's data can be used. */
  const usable = (c: CallResult | undefined): c is CallResult => {
    if (!c) return false;
    const vendor = vendorOf(c.call);
    if (!vendor) return true;
    if (c.rateLimited) {
      pushOnce(findings, {
        kind: "rate-limited",
        vendor,
        text: `${VENDOR_NAMES[vendor]} rate-limited; showing the last known data`,
        weight: vendor === "github" ? "info" : "stale",
      });
      return false;
    }
    if (!c.answered) {
      pushOnce(findings, {
        kind: "vendor-unreachable",
        vendor,
        text:
          c.statusCode === 401 || c.statusCode === 403
            ? (c.error ?? "")
            : `${VENDOR_NAMES[vendor]} API unreachable`,
        weight: vendor === "github" ? "info" : "vendor",
      });
      return false;
    }
    return true;
  };

  const health = calls.get("http_health");
  const dyno = calls.get("heroku_dyno");
  const release = calls.get("heroku_release");
  const pages = calls.get("cf_pages");
  const actions = calls.get("github_actions");

  if (health && !health.ok)
    findings.push({
      kind: "liveness",
      text: `liveness failing: ${health.error ?? "unhealthy"}`,
      weight: "down",
    });

  if (usable(dyno)) {
    const d = probe?.dynos;
    if (!dyno.ok && !d)
      findings.push({ kind: "not-found", text: dyno.error ?? "dynos unavailable", weight: "degraded" });
    else if (d) {
      const others = Object.entries(d.states)
        .filter(([s, n]) => s !== "up" && n > 0)
        .map(([s, n]) => `${n} ${s}`)
        .join(", ");
      if (d.total === 0)
        findings.push({ kind: "dynos", text: "no dynos running", weight: health?.ok ? "degraded" : "down" });
      else if (d.up === 0)
        findings.push({
          kind: "dynos",
          text: `no dyno up (${others})`,
          weight: health?.ok ? "degraded" : "down",
        });
      else if (d.up < d.total)
        findings.push({
          kind: "dynos",
          text: `${d.up} of ${d.total} dynos up (${others})`,
          weight: "degraded",
        });
    }
  }

  const deployCall = release ?? pages;
  const deployVendor = release ? "heroku" : pages ? "cloudflare" : undefined;
  let lastDeploy: DeployInfo | null = previous?.last_deploy
    ? { ...previous.last_deploy, age_days: ageDays(previous.last_deploy.deployed_at, now) }
    : null;
  if (usable(deployCall)) {
    const raw = probe?.deploy;
    if (raw) {
      lastDeploy = {
        deploy_id: raw.deploy_id,
        deployed_at: raw.deployed_at,
        author: raw.author,
        status: raw.status,
        age_days: ageDays(raw.deployed_at, now),
      };
      if (raw.status === "failed")
        findings.push({
          kind: "deploy-failed",
          text: `latest deploy ${raw.deploy_id} failed${raw.detail ? ` (${raw.detail})` : ""}`,
          weight: "degraded",
        });
    } else if (!deployCall.ok) {
      lastDeploy = null;
      findings.push({
        kind: "not-found",
        text: deployCall.error ?? "deploys unavailable",
        weight: "degraded",
      });
    } else {
      lastDeploy = null;
      findings.push({
        kind: "deploy-missing",
        text:
          deployVendor === "cloudflare"
            ? `no ${surface.cloudflarePages?.environment ?? "production"} deployment`
            : "no release yet",
        weight: "degraded",
      });
    }
    const limit = surface.heroku?.maxDeployAgeDays ?? surface.cloudflarePages?.maxDeployAgeDays;
    if (lastDeploy && limit !== undefined && lastDeploy.age_days > limit)
      findings.push({
        kind: "deploy-age",
        text: `last deploy ${formatDays(lastDeploy.age_days)} ago (limit ${limit} days)`,
        weight: "degraded",
      });
  }

  let build: BuildInfo | null = previous?.build_status ?? null;
  if (actions) {
    if (usable(actions)) build = probe?.build ?? null;
    else if (build)
      findings.push({ kind: "build-stale", text: "build status from an earlier sweep", weight: "info" });
  }

  // Liveness: the health probe, else the provider's own probe, else what was last known.
  const primary = health ?? dyno ?? pages;
  let liveness: LivenessResult;
  const primaryFresh = primary && (primary === health || (primary.answered && !primary.rateLimited));
  if (primary && primaryFresh) {
    liveness = {
      ok: primary === dyno ? (probe?.dynos?.up ?? 0) > 0 : primary.ok,
      latency_ms: Math.round(primary.latencyMs),
      status_code: primary.statusCode,
      checked_at: primary.at,
    };
  } else if (previous) {
    liveness = previous.liveness;
  } else {
    liveness = {
      ok: false,
      latency_ms: primary ? Math.round(primary.latencyMs) : 0,
      status_code: primary?.statusCode ?? null,
      checked_at: primary?.at ?? now.toISOString(),
    };
  }

  const weights = new Set(findings.map((f) => f.weight));
  const status: SurfaceState = weights.has("down")
    ? "down"
    : weights.has("degraded") || weights.has("vendor")
      ? "degraded"
      : weights.has("unknown")
        ? "unknown"
        : weights.has("stale")
          ? "stale"
          : "healthy";
  const incident = weights.has("down") || weights.has("degraded");

  const fresh = [...calls.values()].filter((c) => c.answered && !c.rateLimited).map((c) => c.at);
  const checkedAt =
    (status === "stale" || status === "unknown") && previous
      ? previous.checked_at
      : (fresh.sort().at(-1) ??
        [...calls.values()]
          .map((c) => c.at)
          .sort()
          .at(-1) ??
        previous?.checked_at ??
        now.toISOString());

  const site: SiteStatus = {
    id: surface.id,
    hostname: surface.hostname,
    provider: surface.provider,
    liveness,
    last_deploy: lastDeploy,
    build_status: build,
    sentry_errors_24h: null,
    checked_at: checkedAt,
    error: findings.length ? [...new Set(findings.map((f) => f.text))].join("; ") : null,
    status,
  };
  return { site, findings, incident };
}

function pushOnce(findings: Finding[], f: Finding): void {
  if (!findings.some((x) => x.kind === f.kind && x.vendor === f.vendor)) findings.push(f);
}

export function formatDays(days: number): string {
  if (days < 1 / 24) return `${Math.max(0, Math.round(days * 1440))}m`;
  if (days < 1) return `${Math.round(days * 24)}h`;
  return `${days < 10 ? days.toFixed(1) : Math.round(days)} days`;
}

// ---- vendors degraded (seed 000 §8: more than 3 consecutive failed polls) ----

/** One sweep's view of one vendor, newest first when passed to degradedVendors. */
export interface VendorSweep {
  vendor: Vendor;
  at: string;
  answered: boolean;
  failed: boolean;
}

export const DEGRADED_AFTER = 3;

/**
 * Vendors whose last polls failed more than `DEGRADED_AFTER` times in a row. A sweep in which the vendor
 * only rate-limited neither breaks nor extends the run.
 */
export function degradedVendors(
  history: VendorSweep[],
  threshold = DEGRADED_AFTER,
): { vendor: Vendor; failures: number }[] {
  const out: { vendor: Vendor; failures: number }[] = [];
  for (const vendor of VENDORS) {
    const sweeps = history
      .filter((h) => h.vendor === vendor)
      .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
    let failures = 0;
    for (const s of sweeps) {
      if (s.answered) break;
      if (s.failed) failures++;
    }
    if (failures > threshold) out.push({ vendor, failures });
  }
  return out;
}

// ---- changes and incidents ----

export interface SurfaceMemory {
  surfaceId: string;
  status: SurfaceState;
  knownState: KnownState;
  since: string;
  site: SiteStatus | null;
  incidentIssue: number | null;
  incidentSince: string | null;
}

export interface Change {
  id: string;
  from: KnownState | null;
  to: KnownState;
  text: string;
}

export interface Transitions {
  changes: Change[];
  /** Surfaces that need an incident issue now. */
  open: Verdict[];
  /** Open incidents whose surface recovered. */
  close: { id: string; issue: number; since: string; durationMs: number }[];
  /** The memory to store (incident numbers filled in by the caller after it opens issues). */
  next: SurfaceMemory[];
}

/**
 * What changed since the previous sweep. stale and unknown hold the last known state (missing data is not a
 * change); a surface seen for the first time counts as having been healthy. An incident opens when a surface's
 * own signals turn unhealthy and none is open, and closes when it is healthy again.
 */
export function decideTransitions(
  verdicts: Verdict[],
  previous: Map<string, SurfaceMemory>,
  now: Date,
): Transitions {
  const changes: Change[] = [];
  const open: Verdict[] = [];
  const close: Transitions["close"] = [];
  const next: SurfaceMemory[] = [];
  for (const v of verdicts) {
    const prev = previous.get(v.site.id);
    const status = v.site.status;
    const known: KnownState =
      status === "healthy" || status === "degraded" || status === "down"
        ? status
        : (prev?.knownState ?? "healthy");
    const before: KnownState = prev?.knownState ?? "healthy";
    const changed = known !== before;
    if (changed)
      changes.push({
        id: v.site.id,
        from: prev ? before : null,
        to: known,
        text: v.site.error ?? (known === "healthy" ? "recovered" : known),
      });
    let incidentIssue = prev?.incidentIssue ?? null;
    let incidentSince = prev?.incidentSince ?? null;
    if (v.incident && incidentIssue === null) open.push(v);
    if (known === "healthy" && incidentIssue !== null) {
      const since = incidentSince ?? prev?.since ?? now.toISOString();
      close.push({
        id: v.site.id,
        issue: incidentIssue,
        since,
        durationMs: Math.max(0, now.getTime() - Date.parse(since)),
      });
      incidentIssue = null;
      incidentSince = null;
    }
    next.push({
      surfaceId: v.site.id,
      status,
      knownState: known,
      since: changed || !prev ? now.toISOString() : prev.since,
      site: v.site,
      incidentIssue,
      incidentSince,
    });
  }
  return { changes, open, close, next };
}

// ---- sweep gap ----

export interface SweepGap {
  previousAt: string;
  gapMs: number;
  expectedMs: number;
  over: boolean;
}

/** GitHub drops scheduled runs under load: a gap over 3× the expected interval is reported. */
export function sweepGap(
  previousAt: string | undefined,
  now: Date,
  expectedMs: number | undefined,
): SweepGap | undefined {
  if (!previousAt || !expectedMs) return undefined;
  const gapMs = Math.max(0, now.getTime() - Date.parse(previousAt));
  return { previousAt, gapMs, expectedMs, over: gapMs > 3 * expectedMs };
}
