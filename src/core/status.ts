import { formatDuration } from "./duration.js";
import { escapeMd } from "./markdown.js";
import type { Surface } from "./registry.js";

/**
 * The status sweep's domain (seed 000 §4.2, §4.4, §7, §8 and its failure table): what a vendor call saw,
 * how a surface is classified, which changes alert, and the renderers of the job summary, status.json, the
 * status page, Slack text and incident issues. Pure: time is passed in.
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
const VENDOR_WHAT: Record<Vendor, string> = {
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
  /** Not called, because the vendor rate-limited an earlier call of this sweep (no poll row). */
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

// ---- alerts (seed 000 §7 and the failure table) ----

export interface Alert {
  level: "error" | "warning";
  kind: "liveness" | "deploy-age" | "degraded" | "vendor" | "vendor-degraded" | "stale" | "gap" | "deadline";
  text: string;
  surface?: string;
}

export interface AlertInput {
  verdicts: Verdict[];
  degraded: { vendor: Vendor; failures: number }[];
  gap?: SweepGap;
  now: Date;
}

export function buildAlerts({ verdicts, degraded, gap, now }: AlertInput): Alert[] {
  const alerts: Alert[] = [];
  if (gap?.over)
    alerts.push({
      level: "warning",
      kind: "gap",
      text: `Sweep gap: ${formatDuration(gap.gapMs)} since the previous sweep (expected every ${formatDuration(gap.expectedMs)}); scheduled runs were likely dropped`,
    });
  const unreachable = new Set<Vendor>();
  const stale = new Map<Vendor, string>(); // vendor → oldest checked_at
  for (const v of verdicts) {
    const id = v.site.id;
    for (const f of v.findings) {
      if (f.kind === "liveness" || (f.kind === "dynos" && f.weight === "down"))
        alerts.push({ level: "error", kind: "liveness", surface: id, text: `${id} ${f.text}` });
      else if (f.kind === "deploy-age")
        alerts.push({ level: "warning", kind: "deploy-age", surface: id, text: `${id} ${f.text}` });
      else if (f.weight === "degraded")
        alerts.push({ level: "warning", kind: "degraded", surface: id, text: `${id} degraded: ${f.text}` });
      else if (f.kind === "vendor-unreachable" && f.vendor) unreachable.add(f.vendor);
      else if ((f.kind === "rate-limited" || f.kind === "build-stale") && f.vendor) {
        const at =
          f.vendor === "github" ? (v.site.build_status ? v.site.checked_at : undefined) : v.site.checked_at;
        if (at && (!stale.has(f.vendor) || at < stale.get(f.vendor)!)) stale.set(f.vendor, at);
      } else if (f.kind === "deadline")
        alerts.push({ level: "warning", kind: "deadline", surface: id, text: `${id} ${f.text}` });
    }
  }
  if (unreachable.size > 1)
    alerts.push({
      level: "error",
      kind: "vendor",
      text: "Status data may be stale — multiple vendors unreachable.",
    });
  for (const vendor of unreachable)
    alerts.push({
      level: "error",
      kind: "vendor",
      text: `${VENDOR_NAMES[vendor]} API unreachable — ${VENDOR_WHAT[vendor]}.`,
    });
  for (const d of degraded)
    alerts.push({
      level: "error",
      kind: "vendor-degraded",
      text: `${VENDOR_NAMES[d.vendor]} degraded: ${d.failures} consecutive failed polls`,
    });
  for (const [vendor, at] of stale) {
    const what = vendor === "github" ? "build status" : "status";
    alerts.push({
      level: "warning",
      kind: "stale",
      text: `${VENDOR_NAMES[vendor]} ${what} as of ${formatAge(now.getTime() - Date.parse(at))} ago (rate-limited).`,
    });
  }
  const seen = new Set<string>();
  return alerts.filter((a) => !seen.has(a.text) && Boolean(seen.add(a.text)));
}

export function formatAge(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h}h ${m % 60}m`;
  return `${Math.round(h / 24)} days`;
}

// ---- status.json ----

export function buildStatusDocument(sites: SiteStatus[], degraded: Vendor[], now: Date): StatusDocument {
  const oldest = sites.reduce(
    (min, s) => Math.min(min, Date.parse(s.checked_at) || now.getTime()),
    now.getTime(),
  );
  return {
    sites,
    cache_age_seconds: Math.max(0, Math.round((now.getTime() - oldest) / 1000)),
    degraded_vendors: [...degraded].sort(),
    generated_at: now.toISOString(),
  };
}

// ---- the job summary ----

export const STATE_MARKERS: Record<SurfaceState, string> = {
  healthy: "🟢",
  degraded: "🟠",
  down: "🔴",
  stale: "⚪",
  unknown: "❔",
};

export interface SummaryInput {
  doc: StatusDocument;
  alerts: Alert[];
  changes: Change[];
  incidents: { id: string; issue: number; url?: string; action: "opened" | "closed" }[];
  now: Date;
  durationMs: number;
  calls: number;
  notes?: string[];
}

export function renderSweepSummary(input: SummaryInput): string {
  const { doc, alerts, now } = input;
  const bad = doc.sites.filter((s) => s.status !== "healthy").length;
  const lines: string[] = [];
  lines.push(
    bad === 0
      ? `## 🟢 Status sweep: all ${doc.sites.length} surfaces healthy`
      : `## ${doc.sites.some((s) => s.status === "down") ? "🔴" : "🟠"} Status sweep: ${bad} of ${doc.sites.length} surfaces need attention`,
  );
  lines.push("");
  lines.push(
    `Checked ${doc.generated_at.replace("T", " ").replace(/\.\d+Z$/, " UTC")} · ${input.calls} calls in ${formatDuration(input.durationMs)}${doc.degraded_vendors.length ? ` · degraded vendors: ${doc.degraded_vendors.join(", ")}` : ""}`,
  );
  lines.push("");
  if (alerts.length || input.notes?.length) {
    lines.push("### Alerts", "");
    for (const a of alerts) lines.push(`- ${a.level === "error" ? "❌" : "⚠️"} ${escapeMd(a.text)}`);
    for (const n of input.notes ?? []) lines.push(`- ⚠️ ${escapeMd(n)}`);
    lines.push("");
  }
  if (input.changes.length || input.incidents.length) {
    lines.push("### Changes", "");
    for (const c of input.changes)
      lines.push(
        `- ${STATE_MARKERS[c.to]} **${escapeMd(c.id)}**: ${c.from ?? "new"} → ${c.to}${c.to === "healthy" ? "" : ` (${escapeMd(c.text)})`}`,
      );
    for (const i of input.incidents)
      lines.push(
        `- ${i.action === "opened" ? "Opened" : "Closed"} incident ${i.url ? `[#${i.issue}](${i.url})` : `#${i.issue}`} for ${escapeMd(i.id)}`,
      );
    lines.push("");
  }
  lines.push("### Surfaces", "");
  lines.push("| Surface | State | Latency | Last deploy | Last build | Data age |");
  lines.push("| --- | --- | ---: | --- | --- | ---: |");
  for (const s of doc.sites) {
    const state = `${STATE_MARKERS[s.status]} ${s.status}${s.error ? `<br>${escapeMd(truncate(s.error, 140))}` : ""}`;
    lines.push(
      `| **${escapeMd(s.id)}**<br>${escapeMd(s.hostname)} | ${state} | ${latencyCell(s)} | ${deployCell(s)} | ${buildCell(s, now)} | ${formatAge(now.getTime() - Date.parse(s.checked_at))} |`,
    );
  }
  lines.push("");
  return lines.join("\n");
}

function latencyCell(s: SiteStatus): string {
  const l = s.liveness;
  return `${l.ok ? "" : "❌ "}${l.latency_ms} ms${l.status_code !== null ? ` · ${l.status_code}` : ""}`;
}

function deployCell(s: SiteStatus): string {
  const d = s.last_deploy;
  if (!d) return "–";
  const mark = d.status === "succeeded" ? "✓" : d.status === "failed" ? "✗" : "…";
  return `${formatDays(d.age_days)} ago ${mark} ${escapeMd(truncate(d.author, 30))}`;
}

function buildCell(s: SiteStatus, now: Date): string {
  const b = s.build_status;
  if (!b) return "–";
  const mark = { success: "✅", failure: "❌", cancelled: "⊘", in_progress: "⏳", unknown: "❔" }[
    b.conclusion
  ];
  return `${mark} [${b.conclusion}](${b.run_url}) · ${escapeMd(b.trigger)} · ${formatAge(now.getTime() - Date.parse(b.started_at))} ago`;
}

function truncate(text: string, n: number): string {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}

// ---- Slack and incident issues ----

export function renderSlackChanges(
  changes: Change[],
  gap: SweepGap | undefined,
  runUrl?: string,
): string | undefined {
  const lines: string[] = [];
  for (const c of changes) {
    const marker =
      c.to === "healthy"
        ? ":large_green_circle:"
        : c.to === "down"
          ? ":red_circle:"
          : ":large_orange_circle:";
    lines.push(
      `${marker} *${slackEscape(c.id)}* ${c.from ?? "new"} → *${c.to}*${c.to === "healthy" ? "" : `: ${slackEscape(truncate(c.text, 200))}`}`,
    );
  }
  if (gap?.over)
    lines.push(
      `:warning: Sweep gap: ${formatDuration(gap.gapMs)} since the previous sweep (expected every ${formatDuration(gap.expectedMs)})`,
    );
  if (!lines.length) return undefined;
  if (runUrl) lines.push(`<${runUrl}|status sweep run>`);
  return lines.join("\n");
}

function slackEscape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The hidden marker that ties an incident issue to its surface. */
export function incidentMarker(surfaceId: string): string {
  return `<!-- prodgate:incident surface=${surfaceId} -->`;
}

export function incidentTitle(site: SiteStatus): string {
  return `Incident: ${site.id} (${site.hostname}) is ${site.status}`;
}

export function incidentBody(v: Verdict, now: Date, runUrl?: string): string {
  const s = v.site;
  return [
    incidentMarker(s.id),
    `**${escapeMd(s.id)}** (${escapeMd(s.hostname)}, ${s.provider}) turned **${s.status}** at ${now.toISOString()}.`,
    "",
    ...v.findings.filter((f) => f.weight !== "info").map((f) => `- ${escapeMd(f.text)}`),
    "",
    `Liveness: ${s.liveness.ok ? "ok" : "failing"}, ${s.liveness.latency_ms} ms${s.liveness.status_code !== null ? `, status ${s.liveness.status_code}` : ""}.`,
    runUrl ? `Found by [this status sweep](${runUrl}).` : "",
    "",
    "prodgate comments and closes this issue when the surface is healthy again.",
  ].join("\n");
}

export function recoveryComment(id: string, durationMs: number, now: Date, runUrl?: string): string {
  return `✅ **${escapeMd(id)}** is healthy again at ${now.toISOString()}, after ${formatDuration(durationMs)}.${runUrl ? ` ([status sweep](${runUrl}))` : ""}`;
}

// ---- builds ----

export interface WorkflowRunLike {
  id: number;
  status: string | null;
  conclusion: string | null;
  html_url: string;
  event: string;
  path?: string;
  head_sha: string;
  actor?: { login: string } | null;
  triggering_actor?: { login: string } | null;
  run_started_at?: string | null;
  created_at: string;
}

export function buildInfoFromRun(run: WorkflowRunLike): BuildInfo {
  let conclusion: BuildConclusion;
  if (run.status !== "completed") conclusion = "in_progress";
  else if (run.conclusion === "success") conclusion = "success";
  else if (
    run.conclusion === "failure" ||
    run.conclusion === "timed_out" ||
    run.conclusion === "startup_failure"
  )
    conclusion = "failure";
  else if (run.conclusion === "cancelled") conclusion = "cancelled";
  else conclusion = "unknown";
  return {
    run_id: String(run.id),
    conclusion,
    run_url: run.html_url,
    trigger: run.event,
    author: run.triggering_actor?.login ?? run.actor?.login ?? "unknown",
    started_at: run.run_started_at ?? run.created_at,
  };
}

/** A run's workflow file matches `workflow` (a file name or a .github/workflows/ path). */
export function runMatchesWorkflow(run: WorkflowRunLike, workflow: string): boolean {
  const file = workflow.replace(/^\.github\/workflows\//, "");
  const path = (run.path ?? "").replace(/@.*$/, "");
  return path === `.github/workflows/${file}` || path.endsWith(`/${file}`) || path === file;
}

/** Glob match for source paths: `**` any depth, `*` one segment, `?` one character, `dir/` a prefix. */
export function pathMatches(file: string, glob: string): boolean {
  if (glob.endsWith("/")) return file.startsWith(glob);
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === "*" && glob[i + 1] === "*") {
      re += ".*";
      i++;
      if (glob[i + 1] === "/") i++;
    } else if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else re += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`).test(file);
}

// ---- shards ----

/** The surfaces of shard `index` (0-based) of `total`: round-robin in registry order, so shards stay balanced. */
export function shardOf<T>(items: T[], index: number, total: number): T[] {
  return items.filter((_, i) => i % total === index);
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

/**
 * An inline SVG: one bar per 5 minutes, green when every call passed, red when one failed, grey where there is
 * no data (missing data is not a failure). Bar height follows latency.
 */
export function renderSparkline(id: string, buckets: (SparkBucket | null)[]): string {
  const w = SPARK_BUCKETS;
  const h = 28;
  const maxLatency = Math.max(1, ...buckets.map((b) => (b && !b.failed ? b.latencyMs : 0)));
  let ok = 0;
  let failed = 0;
  let missing = 0;
  const parts: string[] = [];
  let run = 0;
  const flushMissing = (end: number) => {
    if (run > 0) parts.push(`<rect class="m" x="${end - run}" y="${h - 4}" width="${run}" height="4"/>`);
    run = 0;
  };
  buckets.forEach((b, i) => {
    if (!b) {
      missing++;
      run++;
      return;
    }
    flushMissing(i);
    if (b.failed > 0) {
      failed++;
      parts.push(`<rect class="f" x="${i}" y="0" width="1" height="${h}"/>`);
    } else {
      ok++;
      const bh = Math.max(6, Math.round((Math.log1p(b.latencyMs) / Math.log1p(maxLatency)) * (h - 2)));
      parts.push(`<rect class="p" x="${i}" y="${h - bh}" width="1" height="${bh}"/>`);
    }
  });
  flushMissing(buckets.length);
  const label = `24-hour history of ${id}: ${ok} passing, ${failed} failing, ${missing} without data (5-minute steps)`;
  return `<svg class="sparkline" data-ok="${ok}" data-failed="${failed}" data-missing="${missing}" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" preserveAspectRatio="none" role="img" aria-label="${html(label)}"><title>${html(label)}</title>${parts.join("")}</svg>`;
}

export interface PageInput {
  doc: StatusDocument;
  alerts: Alert[];
  sparklines: Map<string, (SparkBucket | null)[]>;
  now: Date;
  title?: string;
}

/** One self-contained index.html: inline CSS and SVG, no scripts, no outside assets. */
export function renderStatusPage(input: PageInput): string {
  const { doc, now } = input;
  const title = input.title ?? "Status";
  const cards = doc.sites.map((s) => {
    const spark = renderSparkline(s.id, input.sparklines.get(s.id) ?? new Array(SPARK_BUCKETS).fill(null));
    const deploy = s.last_deploy
      ? `deploy ${html(formatDays(s.last_deploy.age_days))} ago${s.last_deploy.status === "succeeded" ? "" : ` (${s.last_deploy.status})`}`
      : "no deploy data";
    const build = s.build_status
      ? `<a href="${html(safeHref(s.build_status.run_url))}">build ${html(s.build_status.conclusion)}</a>`
      : "";
    return `<article class="card ${s.status}" data-surface="${html(s.id)}" data-status="${s.status}">
<header><h2>${html(s.id)}</h2><span class="badge">${s.status.toUpperCase()}</span></header>
<p class="host">${html(s.hostname)} · ${html(s.provider)}</p>
<p class="live">${s.liveness.ok ? "" : "✗ "}${s.liveness.latency_ms} ms${s.liveness.status_code !== null ? ` · ${s.liveness.status_code}` : ""} · ${deploy}${build ? ` · ${build}` : ""}</p>
${s.error ? `<p class="err">${html(s.error)}</p>` : ""}
${spark}
<p class="age">checked ${html(formatAge(now.getTime() - Date.parse(s.checked_at)))} ago</p>
</article>`;
  });
  const alerts = input.alerts.length
    ? `<section class="alerts" aria-label="Alerts"><h2>Alerts</h2><ul>${input.alerts.map((a) => `<li class="${a.level}">⚠ ${html(a.text)}</li>`).join("")}</ul></section>`
    : "";
  const counts = SURFACE_STATES.map((st) => [st, doc.sites.filter((s) => s.status === st).length] as const)
    .filter(([, n]) => n > 0)
    .map(([st, n]) => `${n} ${st}`)
    .join(" · ");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${html(title)}</title>
<style>
:root{color-scheme:light;font-family:system-ui,-apple-system,"Segoe UI",sans-serif;background:#f6f8fa;color:#1f2328}
body{margin:0 auto;max-width:1280px;padding:24px}
h1{font-size:22px;margin:0 0 4px}
.meta{color:#59636e;margin:0 0 16px}
.alerts{background:#fff8c5;border:1px solid #d4a72c;border-radius:8px;padding:8px 16px;margin-bottom:16px}
.alerts h2{font-size:14px;margin:4px 0}
.alerts ul{margin:4px 0;padding-left:16px}
.alerts li.error{color:#a40e26}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:12px}
.card{background:#fff;border:1px solid #d1d9e0;border-left:6px solid #8c959f;border-radius:8px;padding:12px 14px}
.card.healthy{border-left-color:#1a7f37}.card.degraded{border-left-color:#bc4c00}.card.down{border-left-color:#cf222e}
.card.stale{border-left-color:#8c959f}.card.unknown{border-left-color:#d1d9e0}
.card header{display:flex;justify-content:space-between;align-items:center}
.card h2{font-size:16px;margin:0}
.badge{font-size:11px;font-weight:600;padding:2px 8px;border-radius:10px;background:#eaeef2}
.healthy .badge{background:#dafbe1;color:#1a7f37}.degraded .badge{background:#fff1e5;color:#bc4c00}
.down .badge{background:#ffebe9;color:#cf222e}
.card p{margin:4px 0;font-size:13px}.host,.age{color:#59636e}.err{color:#a40e26}
.sparkline{display:block;width:100%;height:28px;margin-top:8px;background:#f6f8fa}
.sparkline .p{fill:#2da44e}.sparkline .f{fill:#cf222e}.sparkline .m{fill:#afb8c1}
.legend{font-size:12px;color:#59636e;margin-top:16px}
.legend i{display:inline-block;width:10px;height:10px;margin:0 4px 0 12px;vertical-align:middle}
a{color:#0969da}
</style>
</head>
<body>
<h1>${html(title)}</h1>
<p class="meta">${doc.sites.length} surfaces · ${html(counts)} · generated ${html(doc.generated_at.replace("T", " ").replace(/\.\d+Z$/, " UTC"))}${doc.degraded_vendors.length ? ` · degraded vendors: ${html(doc.degraded_vendors.join(", "))}` : ""}</p>
${alerts}
<main class="grid">
${cards.join("\n")}
</main>
<p class="legend">Last 24 hours:<i style="background:#2da44e"></i>passing<i style="background:#cf222e"></i>failing<i style="background:#afb8c1"></i>no data</p>
</body>
</html>
`;
}

function html(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function safeHref(url: string): string {
  return /^https?:\/\//i.test(url) ? url : "#";
}
