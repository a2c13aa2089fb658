import { formatDuration } from "../duration.js";
import type { SweepGap, Verdict } from "./classify.js";
import { type SiteStatus, type StatusDocument, VENDOR_NAMES, VENDOR_WHAT, type Vendor } from "./shapes.js";

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
