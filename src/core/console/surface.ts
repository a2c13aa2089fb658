import { sparkline } from "./graphics.js";
import { esc, link, page, pct, sha, share, span, stateBadge, table, utc, when } from "./layout.js";
import type { ConsoleData, ConsoleSurface } from "./model.js";

/**
 * sites/<id>.html, the drill-down of one surface: its 24-hour sparkline, uptime over 24 h, 7, 30 and 90 days,
 * latency p50/p95 per day, recent deploys and CI runs, incident history and the credentials that affect it.
 */

const WINDOW_WORDS: Record<string, string> = {
  "24h": "24 hours",
  "7d": "7 days",
  "30d": "30 days",
  "90d": "90 days",
};
/** Days of latency shown as a table (the JSON holds all 90). */
export const LATENCY_DAYS = 10;
/** Incidents listed on the page (the JSON and the feed hold every one of the 90 days). */
export const INCIDENTS_SHOWN = 5;

export function renderSurface(data: ConsoleData, s: ConsoleSurface): string {
  const { now } = data;
  const site = s.site;
  const { svg } = sparkline(s.id, s.spark, s.sparkMaintenance);
  const maint = s.maintenance
    ? `<p class="mnt" role="status">Maintenance until ${when(new Date(s.maintenance.end).toISOString())}${s.maintenance.reason ? `: ${esc(s.maintenance.reason)}` : ""}. A failing check opens no incident now.</p>`
    : "";
  const upcoming = s.upcoming.length
    ? `<p class="meta">Next maintenance: ${s.upcoming
        .slice(0, 3)
        .map(
          (u) =>
            `${when(new Date(u.start).toISOString())} to ${when(new Date(u.end).toISOString())}${u.reason ? ` (${esc(u.reason)})` : ""}`,
        )
        .join("; ")}</p>`
    : "";
  const uptime = table(
    "Uptime by window",
    ["Window", "Uptime", "Passing", "Failing", "No data", "Maint."],
    s.uptime.map((u) => [
      WINDOW_WORDS[u.window] ?? u.window,
      pct(u.uptime),
      String(u.ok),
      String(u.failed),
      share(u.no_data_share),
      String(u.maintenance_polls),
    ]),
    "No polls yet.",
    "uptime",
  );
  const latency = table(
    `Latency per day (last ${LATENCY_DAYS} days, ms)`,
    ["Day (UTC)", "p50", "p95", "Uptime"],
    [...s.daily]
      .reverse()
      .slice(0, LATENCY_DAYS)
      .map((d) => [
        d.day,
        d.p50 === null ? "–" : String(d.p50),
        d.p95 === null ? "–" : String(d.p95),
        pct(d.ok + d.failed ? d.ok / (d.ok + d.failed) : null),
      ]),
    "No daily history yet.",
    "daily",
  );
  // One deploys table: the gated deploys and rollbacks of the audit log when the app has any, else what the
  // provider reported. The JSON carries both.
  const deploys = s.activity.length
    ? table(
        "Deploys and rollbacks (audit log)",
        ["When", "What", "Who", "SHA", "Outcome"],
        s.activity.map((a) => [
          utc(a.at),
          a.kind,
          esc(a.actor),
          `${sha(a.fromSha)} → ${sha(a.toSha)}`,
          link(a.runUrl, a.outcome),
        ]),
        "",
      )
    : table(
        "Deploys (provider)",
        ["Deployed", "Deploy", "Author", "Status"],
        s.deploys.map((d) => [utc(d.deployed_at), esc(d.deploy_id), esc(d.author), esc(d.status)]),
        "No deploy seen yet.",
      );
  const builds = table(
    "CI runs",
    ["Started", "Run", "Conclusion", "Trigger", "Author"],
    s.builds.map((b) => [
      utc(b.started_at),
      link(b.run_url, `#${b.run_id}`),
      esc(b.conclusion),
      esc(b.trigger),
      esc(b.author),
    ]),
    "No CI run seen yet.",
  );
  const shown = s.incidents.slice(0, INCIDENTS_SHOWN);
  const incidents = table(
    s.incidents.length > shown.length
      ? `Incidents (runs of failing polls): ${shown.length} newest of ${s.incidents.length} in 90 days`
      : `Incidents (runs of failing polls): ${s.incidents.length} in 90 days`,
    ["Opened", "Closed", "Duration", "Failing polls", "Issue"],
    shown.map((i) => [
      utc(i.started_at),
      i.open ? '<span class="bad">ongoing</span>' : utc(i.recovered_at ?? i.ended_at),
      span(i.duration_ms),
      String(i.failing_polls),
      i.issue ? link(i.issue.url, `#${i.issue.number}`) : "–",
    ]),
    "No incident in the last 90 days.",
    "incidents",
  );
  const creds = data.secrets.published
    ? table(
        "Credentials that affect this surface",
        ["Name", "Status", "Last rotated", "Expires", "Cadence"],
        s.secrets.map((c) => [
          esc(c.name),
          esc(c.status),
          c.last_rotated_at
            ? `${utc(c.last_rotated_at)}${c.days_since_rotation !== null ? ` (${c.days_since_rotation}d ago)` : ""}`
            : "unknown",
          c.expires_at ? utc(c.expires_at) : "never / unknown",
          `${c.suggested_cadence_days}d${c.over_cadence ? ' <span class="bad">over cadence</span>' : ""}`,
        ]),
        "No tracked credential names this surface.",
      )
    : `<p class="meta">${s.secrets.length} credential(s) affect this surface; their names are not published (console-secrets is off).</p>`;
  const checked = site
    ? `checked ${utc(site.checked_at)} UTC (${span(now.getTime() - Date.parse(site.checked_at))} ago)`
    : "never swept";
  const live = site
    ? `Liveness ${site.liveness.ok ? "passing" : "failing"}: ${site.liveness.latency_ms} ms${site.liveness.status_code !== null ? `, status ${site.liveness.status_code}` : ""}.${site.error ? ` ${esc(site.error)}` : ""}`
    : "";
  const body = `<p><a href="../index.html">← Dashboard</a></p>
<h1>${esc(s.id)} ${stateBadge(s.state)}</h1>
<p class="meta">${esc(s.hostname)} · ${esc(s.provider)} · ${checked}</p>
<p>${live}</p>
${maint}${upcoming}
<section><h2>Last 24 hours</h2>${svg}
<p class="legend">Green passing · red failing · low grey no data (not a failure) · purple maintenance</p></section>
<section><h2>Uptime</h2><p class="meta">Passing / polls with data, maintenance left out; no data counts neither up nor down.</p>${uptime}</section>
<section><h2>Latency</h2>${latency}</section>
<section><h2>Deploys and CI runs</h2><div class="cols"><div>${deploys}</div><div>${builds}</div></div></section>
<section><h2>Incident history</h2>${incidents}</section>
<section><h2>Credentials</h2>${creds}</section>
<p class="meta">Also: <a href="../api/status/sites/${encodeURIComponent(s.id)}.json">JSON</a> · <a href="../badges/${encodeURIComponent(s.id)}.svg">badge</a></p>`;
  return page({
    title: `${s.id} · ${data.title}`,
    siteTitle: data.title,
    root: "../",
    active: "surface",
    secrets: data.secrets.published,
    generatedAt: now.toISOString(),
    body,
  });
}
