import type { WindowMetrics } from "./delivery.js";
import { esc, page, pct, span, table, utc, when } from "./layout.js";
import type { ConsoleData } from "./model.js";

/** secrets.html (metadata only, published on request) and metrics.html (delivery metrics). */

export function renderSecrets(data: ConsoleData): string {
  const v = data.secrets;
  const rows = v.secrets.map((s) => [
    esc(s.name),
    esc(s.vendor),
    `<span class="st st-${s.status === "healthy" ? "healthy" : s.status === "expired" ? "down" : "degraded"}">${esc(s.status)}</span>`,
    s.last_rotated_at ? utc(s.last_rotated_at) : "unknown",
    s.days_since_rotation === null
      ? "–"
      : `${s.days_since_rotation}${s.over_cadence ? ' <span class="bad">over cadence</span>' : ""}`,
    s.expires_at
      ? `${utc(s.expires_at)}${s.expires_at_basis === "ttl" ? " (from ttl)" : ""}`
      : "never / unknown",
    `${s.suggested_cadence_days}d`,
    esc(s.affected_sites.join(", ") || "–"),
  ]);
  const body = `<h1>Secrets</h1>
<p class="meta">Metadata only: no value is ever read or shown. ${v.fetched_at ? `As of the rotation sweep at ${utc(v.fetched_at)} UTC` : "No rotation sweep has been recorded yet"}${v.vault_reachable ? "" : ' · <span class="bad">the vault was unreachable: last known values</span>'}.</p>
${table("Tracked secrets", ["Secret", "Vendor", "Status", "Last rotated", "Days since rotation", "Expires", "Cadence", "Affects"], rows, "No secret tracked yet.", "secrets")}`;
  return page({
    title: `Secrets · ${data.title}`,
    siteTitle: data.title,
    root: "",
    active: "secrets",
    secrets: true,
    generatedAt: data.now.toISOString(),
    body,
  });
}

function freq(w: WindowMetrics): string {
  const per = w.deployment_frequency_per_day;
  return `${per >= 1 ? per.toFixed(2) : (per * 7).toFixed(2)}/${per >= 1 ? "day" : "week"}`;
}

function metricCells(w: WindowMetrics): string[] {
  const lead = w.lead_time;
  const cf = w.change_failure;
  const ttr = w.time_to_restore;
  return [
    `<span data-m="deploys">${w.deploys}</span>${w.not_shipped ? ` (+${w.not_shipped} not shipped)` : ""}`,
    `<span data-m="frequency">${freq(w)}</span>`,
    `<span data-m="lead">${span(lead.median_seconds === null ? null : lead.median_seconds * 1000)}</span> (${lead.known} known, ${lead.unknown} unknown)`,
    `<span data-m="cfr">${pct(cf.rate)}</span> (${cf.failed} of ${cf.deploys})`,
    `<span data-m="ttr">${span(ttr.median_seconds === null ? null : ttr.median_seconds * 1000)}</span> (${ttr.restored} restored, ${ttr.not_restored} not)`,
    String(w.rollbacks),
  ];
}

const HEAD = [
  "Window",
  "Deploys",
  "Frequency",
  "Lead time (median)",
  "Change failure rate",
  "Time to restore (median)",
  "Rollbacks",
];

/** One line of an app's window, compact: the numbers and the counts behind them. */
function compactCells(w: WindowMetrics): string[] {
  const lead = w.lead_time;
  const cf = w.change_failure;
  const ttr = w.time_to_restore;
  return [
    `${w.deploys}${w.not_shipped ? ` +${w.not_shipped}` : ""}`,
    freq(w),
    `${span(lead.median_seconds === null ? null : lead.median_seconds * 1000)} (${lead.known}/${lead.known + lead.unknown})`,
    `${pct(cf.rate)} (${cf.failed}/${cf.deploys})`,
    `${span(ttr.median_seconds === null ? null : ttr.median_seconds * 1000)} (${ttr.restored}/${ttr.failures})`,
    String(w.rollbacks),
  ];
}

export function renderMetrics(data: ConsoleData): string {
  const d = data.delivery;
  const overall = table(
    `All apps, ${d.environment}`,
    HEAD,
    d.overall.map((w) => [`${w.days} days`, ...metricCells(w)]),
    "No deploy recorded.",
    "overall",
  );
  const apps = table(
    "Per app: deploys (+ not shipped), median lead time (known/deploys), change failure rate (failed/deploys), median time to restore (restored/failures)",
    ["App", "Window", "Deploys", "Frequency", "Lead time", "Failure rate", "Restore", "Rollbacks"],
    d.apps.flatMap((a) => a.windows.map((w) => [esc(a.app), `${w.days}d`, ...compactCells(w)])),
    "No app has a deploy yet.",
    "apps",
  );
  const defs = Object.entries(d.definitions)
    .map(([k, v]) => `<dt>${esc(k.replace(/_/g, " "))}</dt><dd>${esc(v)}</dd>`)
    .join("");
  const body = `<h1>Delivery metrics</h1>
<p class="meta">From the audit log (${esc(d.environment)} deploys and rollbacks), windows ending ${when(d.generated_at)} UTC.</p>
<section><h2>Overall</h2>${overall}</section>
<section><h2>Per app</h2>${apps}</section>
<section><h2>Definitions</h2><dl>${defs}</dl></section>`;
  return page({
    title: `Delivery · ${data.title}`,
    siteTitle: data.title,
    root: "",
    active: "metrics",
    secrets: data.secrets.published,
    generatedAt: data.now.toISOString(),
    body,
  });
}
