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
export const LATENCY_DAYS = 30;

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
    "Uptime: passing polls / polls with data, maintenance left out",
    ["Window", "Uptime", "Passing", "Failing", "No data", "Maintenance polls"],
    s.uptime.map((u) => [
      WINDOW_WORDS[u.window] ?? u.window,
      `<span data-window="${u.window}">${pct(u.uptime)}</span>`,
      String(u.ok),
      String(u.failed),
      `${share(u.no_data_share)} of the window`,
      String(u.maintenance_polls),
    ]),
    "No polls yet.",
    "uptime",
  );
  const latency = table(
    `Latency per day (last ${LATENCY_DAYS} days, ms)`,
    ["Day (UTC)", "p50", "p95", "Uptime", "Polls"],
    [...s.daily]
      .reverse()
      .slice(0, LATENCY_DAYS)
      .map((d) => [
        d.day,
        d.p50 === null ? "–" : String(d.p50),
        d.p95 === null ? "–" : String(d.p95),
        pct(d.ok + d.failed ? d.ok / (d.ok + d.failed) : null),
        String(d.ok + d.failed),
      ]),
    "No daily history yet.",
    "daily",
  );
  const deploys = table(
    "Recent deploys (provider)",
    ["Deployed", "Deploy", "Author", "Status"],
    s.deploys.map((d) => [when(d.deployed_at), esc(d.deploy_id), esc(d.author), esc(d.status)]),
    "No deploy seen yet.",
  );
  const gated = s.activity.length
    ? table(
        "Gated deploys and rollbacks (audit log)",
        ["When", "What", "Who", "SHA", "Outcome"],
        s.activity.map((a) => [
          when(a.at),
          a.kind,
          esc(a.actor),
          `${sha(a.fromSha)} → ${sha(a.toSha)}`,
          link(a.runUrl, a.outcome),
        ]),
        "",
      )
    : "";
  const builds = table(
    "Recent CI runs",
    ["Started", "Run", "Conclusion", "Trigger", "Author"],
    s.builds.map((b) => [
      when(b.started_at),
      link(b.run_url, `#${b.run_id}`),
      esc(b.conclusion),
      esc(b.trigger),
      esc(b.author),
    ]),
    "No CI run seen yet.",
  );
  const incidents = table(
    "Incidents (runs of failing polls, last 90 days)",
    ["Opened", "Closed", "Duration", "Failing polls", "Issue"],
    s.incidents.map((i) => [
      when(i.started_at),
      i.open ? '<span class="bad">ongoing</span>' : when(i.recovered_at ?? i.ended_at),
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
<section aria-labelledby="spark-h"><h2 id="spark-h">Last 24 hours</h2>${svg}
<p class="legend">Green: passing (taller is slower). Red: failing. Grey: no data, which is not a failure. Purple: maintenance.</p></section>
<section aria-labelledby="up-h"><h2 id="up-h">Uptime</h2>${uptime}</section>
<section aria-labelledby="lat-h"><h2 id="lat-h">Latency</h2>${latency}</section>
<section aria-labelledby="dep-h"><h2 id="dep-h">Deploys and CI runs</h2><div class="cols"><div>${deploys}${gated}</div><div>${builds}</div></div></section>
<section aria-labelledby="inc-h"><h2 id="inc-h">Incident history</h2>${incidents}</section>
<section aria-labelledby="cred-h"><h2 id="cred-h">Credentials</h2>${creds}</section>
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
