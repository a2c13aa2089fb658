import { esc, link, page, pct, sha, span, stateBadge, table, utc, when } from "./layout.js";
import type { ConsoleData, ConsoleSurface } from "./model.js";

/** index.html: the alert banner, the status grid and recent activity (deploys and rollbacks, builds, rotations). */

export function surfaceHref(id: string, root = ""): string {
  return `${root}sites/${encodeURIComponent(id)}.html`;
}

function card(s: ConsoleSurface, now: Date): string {
  const site = s.site;
  const live = site
    ? `${site.liveness.ok ? "" : "✖ failing · "}${site.liveness.latency_ms} ms${site.liveness.status_code !== null ? ` · ${site.liveness.status_code}` : ""}`
    : "never swept";
  const day = s.uptime.find((u) => u.window === "24h");
  const month = s.uptime.find((u) => u.window === "30d");
  const checked = site ? `checked ${span(now.getTime() - Date.parse(site.checked_at))} ago` : "";
  const maint = s.maintenance
    ? `<p>Maintenance until ${when(new Date(s.maintenance.end).toISOString())}${s.maintenance.reason ? `: ${esc(s.maintenance.reason)}` : ""}</p>`
    : "";
  return `<li class="card c-${s.state}" data-surface="${esc(s.id)}" data-state="${s.state}"><h3><a href="${surfaceHref(s.id)}">${esc(s.id)}</a>${stateBadge(s.state)}</h3>
<p>${esc(s.hostname)} · ${esc(s.provider)} · ${live}</p>
<p>Uptime 24 h ${pct(day?.uptime)} · 30 d ${pct(month?.uptime)}</p>${maint}
${site?.error && s.state !== "healthy" ? `<p>${esc(site.error)}</p>` : ""}<p class="meta">${checked}</p></li>`;
}

export function renderDashboard(data: ConsoleData): string {
  const { now } = data;
  const counts = new Map<string, number>();
  for (const s of data.surfaces) counts.set(s.state, (counts.get(s.state) ?? 0) + 1);
  const summary = [...counts].map(([k, n]) => `${n} ${k}`).join(" · ");
  const alerts = data.alerts.length
    ? `<section class="alerts" aria-labelledby="alerts-h"><h2 id="alerts-h">Alerts</h2><ul>${data.alerts
        .map(
          (a) =>
            `<li class="${a.level}">${a.level === "error" ? "✖ Error" : "⚠ Warning"}: ${esc(a.text)}</li>`,
        )
        .join("")}</ul></section>`
    : `<p class="meta">No alerts.</p>`;
  const deploys = table(
    "Deploys and rollbacks (audit log)",
    ["When", "App", "What", "Who", "SHA", "Outcome"],
    data.activity.map((a) => [
      utc(a.at),
      esc(a.app),
      a.kind,
      esc(a.actor),
      `${sha(a.fromSha)} → ${sha(a.toSha)}`,
      link(a.runUrl, a.outcome),
    ]),
    "No deploy or rollback in the audit log yet.",
  );
  const builds = table(
    "Builds (CI runs)",
    ["Started", "Surface", "Conclusion", "Trigger", "Author"],
    data.builds.map((b) => [
      utc(b.started_at),
      esc(b.surface),
      link(b.run_url, b.conclusion),
      esc(b.trigger),
      esc(b.author),
    ]),
    "No CI run recorded yet.",
  );
  const rotations = table(
    "Rotations",
    ["Triggered", "Secret", "Status", "By", "Completed"],
    data.rotations.map((r) => [
      utc(r.triggeredAt.toISOString()),
      data.secrets.published ? esc(r.secretName) : "(not published)",
      esc(r.status),
      esc(r.triggeredBy),
      r.completedAt ? utc(r.completedAt.toISOString()) : "–",
    ]),
    "No rotation job yet.",
  );
  const body = `<h1>${esc(data.title)}</h1>
<p class="meta">${data.surfaces.length} surfaces · ${esc(summary)} · last sweep ${data.lastSweepAt ? `${utc(data.lastSweepAt)} UTC` : "never"}${data.degradedVendors.length ? ` · degraded vendors: ${esc(data.degradedVendors.join(", "))}` : ""}</p>
${alerts}
<section aria-labelledby="grid-h"><h2 id="grid-h">Infrastructure status</h2>
<ul class="grid">
${data.surfaces.map((s) => card(s, now)).join("\n")}
</ul>
<p class="legend">Each surface's page has its 24-hour history, uptime over 24 hours to 90 days, incidents and deploys.</p>
</section>
<section aria-labelledby="act-h"><h2 id="act-h">Recent activity</h2>
<div class="cols"><div>${deploys}</div><div>${builds}</div><div>${rotations}</div></div>
</section>`;
  return page({
    title: data.title,
    siteTitle: data.title,
    root: "",
    active: "dashboard",
    secrets: data.secrets.published,
    generatedAt: now.toISOString(),
    body,
  });
}
