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

export function renderMetrics(data: ConsoleData): string {
  const d = data.delivery;
  const overall = table(
    `All apps, ${d.environment}`,
    HEAD,
    d.overall.map((w) => [`${w.days} days`, ...metricCells(w)]),
    "No deploy recorded.",
    "overall",
  );
  const apps = d.apps
    .map((a) =>
      table(
        a.app,
        HEAD,
        a.windows.map((w) => [`${w.days} days`, ...metricCells(w)]),
        "No deploy.",
        "app",
      ),
    )
    .join("\n");
  const defs = Object.entries(d.definitions)
    .map(([k, v]) => `<dt>${esc(k.replace(/_/g, " "))}</dt><dd>${esc(v)}</dd>`)
    .join("");
  const body = `<h1>Delivery metrics</h1>
<p class="meta">From the audit log (${esc(d.environment)} deploys and rollbacks), windows ending ${when(d.generated_at)} UTC.</p>
<section aria-labelledby="all-h"><h2 id="all-h">Overall</h2>${overall}</section>
<section aria-labelledby="apps-h"><h2 id="apps-h">Per app</h2>${apps || '<p class="empty">No app has a deploy yet.</p>'}</section>
<section aria-labelledby="def-h"><h2 id="def-h">Definitions</h2><dl>${defs}</dl></section>`;
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
