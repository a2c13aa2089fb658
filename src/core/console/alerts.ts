import { formatDuration } from "../duration.js";
import type { SecretMeta } from "../rotation.js";
import { VENDOR_NAMES, type Vendor } from "../status.js";
import type { ConsoleAlert, ConsoleSurface } from "./model.js";

/**
 * The dashboard's alert banner (seed 000 §7): secrets expiring or expired, a surface whose last deploy is older
 * than its limit, liveness failing, a gap in the sweeps, degraded vendors. Unpublished secrets are counted,
 * never named.
 */

export interface ConsoleAlertInput {
  surfaces: ConsoleSurface[];
  secrets: SecretMeta[];
  secretsPublished: boolean;
  degradedVendors: Vendor[];
  lastSweepAt: string | null;
  intervalMs: number;
  now: Date;
}

const DAY_MS = 86_400_000;

export function consoleAlerts(input: ConsoleAlertInput): ConsoleAlert[] {
  const { now } = input;
  const alerts: ConsoleAlert[] = [];
  if (!input.lastSweepAt)
    alerts.push({ level: "warning", kind: "gap", text: "No status sweep has been recorded yet." });
  else {
    const gap = now.getTime() - Date.parse(input.lastSweepAt);
    if (gap > 3 * input.intervalMs)
      alerts.push({
        level: "warning",
        kind: "gap",
        text: `Sweep gap: the last sweep was ${formatDuration(gap)} ago (expected every ${formatDuration(input.intervalMs)}); status data may be stale.`,
      });
  }
  const expired = input.secrets.filter((s) => s.status === "expired");
  const expiring = input.secrets.filter((s) => s.status === "expiring_soon");
  if (input.secretsPublished) {
    for (const s of expired)
      alerts.push({
        level: "error",
        kind: "secret",
        text: `${s.name} has expired${s.expires_at ? ` (${s.expires_at.slice(0, 10)})` : ""}.`,
      });
    for (const s of expiring)
      alerts.push({
        level: "warning",
        kind: "secret",
        text: `${s.name} expires ${s.days_until_expiry === null ? "soon" : s.days_until_expiry <= 0 ? "within a day" : `in ${s.days_until_expiry}d`}.`,
      });
  } else {
    if (expired.length)
      alerts.push({
        level: "error",
        kind: "secret",
        text: `${expired.length} credential(s) expired (names are not published).`,
      });
    if (expiring.length)
      alerts.push({
        level: "warning",
        kind: "secret",
        text: `${expiring.length} credential(s) expire soon (names are not published).`,
      });
  }
  for (const s of input.surfaces) {
    const site = s.site;
    if (!site) continue;
    if (s.state === "maintenance") continue;
    if (!site.liveness.ok && (site.status === "down" || site.status === "degraded"))
      alerts.push({
        level: "error",
        kind: "liveness",
        surface: s.id,
        text: `${s.id}: liveness failing${site.error ? ` (${site.error})` : ""}.`,
      });
    const d = site.last_deploy;
    if (d && s.maxDeployAgeDays !== undefined) {
      const age = (now.getTime() - Date.parse(d.deployed_at)) / DAY_MS;
      if (age > s.maxDeployAgeDays)
        alerts.push({
          level: "warning",
          kind: "deploy-age",
          surface: s.id,
          text: `${s.id}: last deploy ${Math.floor(age)} days ago (limit ${s.maxDeployAgeDays} days).`,
        });
    }
  }
  if (input.degradedVendors.length > 1)
    alerts.push({
      level: "error",
      kind: "vendor",
      text: "Status data may be stale: multiple vendors are degraded.",
    });
  for (const v of input.degradedVendors)
    alerts.push({
      level: "error",
      kind: "vendor",
      text: `${VENDOR_NAMES[v]} degraded: more than 3 consecutive failed polls.`,
    });
  return alerts;
}
