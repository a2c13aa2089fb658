import type { SiteStatus } from "../status.js";
import { renderDashboard, surfaceHref } from "./dashboard.js";
import { badge } from "./graphics.js";
import { CONSOLE_CSS, esc, span, utc } from "./layout.js";
import type { ConsoleData, ConsoleSurface } from "./model.js";
import { renderMetrics, renderSecrets } from "./pages.js";
import { renderSurface } from "./surface.js";

/**
 * Every file of the console, by path: the pages, console.css, the Atom feed, one badge per surface and the
 * JSON mirroring seed 000's endpoints (api/status/sites.json, api/status/sites/<id>.json,
 * api/status/builds.json, api/status/secrets.json when published, api/metrics.json). Pure.
 */

/** The seed's SiteStatus of a surface, with the console's maintenance beside it (a placeholder if never swept). */
function siteOf(s: ConsoleSurface, now: Date): SiteStatus & { maintenance: unknown } {
  const site: SiteStatus = s.site ?? {
    id: s.id,
    hostname: s.hostname,
    provider: s.provider,
    liveness: { ok: false, latency_ms: 0, status_code: null, checked_at: now.toISOString() },
    last_deploy: null,
    build_status: null,
    sentry_errors_24h: null,
    checked_at: now.toISOString(),
    error: "never swept",
    status: "unknown",
  };
  const m = s.maintenance;
  return {
    ...site,
    maintenance: m
      ? {
          start: new Date(m.start).toISOString(),
          end: new Date(m.end).toISOString(),
          reason: m.reason ?? null,
        }
      : null,
  };
}

/** Compact JSON, as an API serves it (the files are many and the history long). */
function json(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}

export function renderFeed(data: ConsoleData, baseUrl?: string): string {
  const base = baseUrl ? baseUrl.replace(/\/?$/, "/") : "";
  const id = (kind: string, ...parts: (string | number)[]) =>
    `urn:prodgate:${encodeURIComponent(data.title)}:${kind}:${parts.map((p) => encodeURIComponent(String(p))).join(":")}`;
  type Entry = {
    id: string;
    title: string;
    updated: string;
    published: string;
    href: string;
    summary: string;
  };
  const entries: Entry[] = [];
  for (const s of data.surfaces)
    for (const i of s.incidents) {
      const end = i.open ? data.now.toISOString() : (i.recovered_at ?? i.ended_at);
      entries.push({
        id: id("incident", s.id, Date.parse(i.started_at)),
        title: `${s.id}: ${i.open ? "incident ongoing" : `incident resolved after ${span(i.duration_ms)}`}`,
        updated: end,
        published: i.started_at,
        href: `${base}${surfaceHref(s.id)}`,
        summary: `${s.id} (${s.hostname}) failed ${i.failing_polls} poll(s) from ${utc(i.started_at)} to ${utc(i.ended_at)} UTC${i.open ? ", still failing" : `, passing again at ${utc(i.recovered_at)} UTC`}${i.issue ? `; issue #${i.issue.number}` : ""}.`,
      });
    }
  for (const m of data.maintenance) {
    const start = new Date(m.start).toISOString();
    const end = new Date(m.end).toISOString();
    const names = m.surfaces.join(", ");
    entries.push({
      id: id("maintenance", m.surfaces.join(","), m.start),
      title: `Maintenance: ${names}${m.reason ? ` (${m.reason})` : ""}`,
      updated: start,
      published: start,
      href: m.surfaces.length === 1 ? `${base}${surfaceHref(m.surfaces[0]!)}` : `${base}index.html`,
      summary: `Maintenance of ${names} from ${utc(start)} to ${utc(end)} UTC${m.reason ? `: ${m.reason}` : ""}.`,
    });
  }
  entries.sort((a, b) => (a.updated < b.updated ? 1 : a.updated > b.updated ? -1 : 0));
  const updated = entries[0]?.updated ?? data.now.toISOString();
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>${esc(data.title)}: incidents and maintenance</title>
<id>${esc(id("feed"))}</id>
<updated>${updated}</updated>
<link rel="self" type="application/atom+xml" href="${esc(base)}feed.xml"/>
<link rel="alternate" type="text/html" href="${esc(base)}index.html"/>
<author><name>prodgate</name></author>
<generator>prodgate</generator>
${entries
  .map(
    (e) => `<entry>
<id>${esc(e.id)}</id>
<title>${esc(e.title)}</title>
<updated>${e.updated}</updated>
<published>${e.published}</published>
<link rel="alternate" type="text/html" href="${esc(e.href)}"/>
<summary>${esc(e.summary)}</summary>
</entry>`,
  )
  .join("\n")}
</feed>
`;
}

export interface ConsoleOptions {
  /** Where the console is published (absolute links in the feed). */
  baseUrl?: string;
}

/** Every file of the console: path (with / separators) → content. */
export function renderConsole(data: ConsoleData, opts: ConsoleOptions = {}): Map<string, string> {
  const files = new Map<string, string>();
  const now = data.now;
  const cacheAge = data.lastSweepAt
    ? Math.max(0, Math.round((now.getTime() - Date.parse(data.lastSweepAt)) / 1000))
    : null;
  files.set("console.css", CONSOLE_CSS);
  files.set("index.html", renderDashboard(data));
  files.set("metrics.html", renderMetrics(data));
  if (data.secrets.published) files.set("secrets.html", renderSecrets(data));
  files.set("feed.xml", renderFeed(data, opts.baseUrl));
  files.set(
    "api/status/sites.json",
    json({
      sites: data.surfaces.map((s) => siteOf(s, now)),
      cache_age_seconds: cacheAge,
      degraded_vendors: data.degradedVendors,
      generated_at: now.toISOString(),
    }),
  );
  for (const s of data.surfaces) {
    files.set(`sites/${s.id}.html`, renderSurface(data, s));
    const u30 = s.uptime.find((u) => u.window === "30d")?.uptime ?? null;
    files.set(`badges/${s.id}.svg`, badge(s.id, s.state, u30));
    files.set(
      `api/status/sites/${s.id}.json`,
      json({
        site: siteOf(s, now),
        history: s.history,
        recent_deploys: s.deploys,
        recent_builds: s.builds,
        secrets: data.secrets.published ? s.secrets : [],
        secrets_published: data.secrets.published,
        uptime: s.uptime,
        daily: s.daily,
        incidents: s.incidents,
        maintenance: {
          active: s.maintenance
            ? {
                start: new Date(s.maintenance.start).toISOString(),
                end: new Date(s.maintenance.end).toISOString(),
                reason: s.maintenance.reason ?? null,
              }
            : null,
          upcoming: s.upcoming.map((u) => ({
            start: new Date(u.start).toISOString(),
            end: new Date(u.end).toISOString(),
            reason: u.reason ?? null,
          })),
        },
        deploys_and_rollbacks: s.activity,
        generated_at: now.toISOString(),
      }),
    );
  }
  const builds: Record<string, unknown[]> = {};
  for (const s of data.surfaces) if (s.builds.length) builds[s.id] = s.builds;
  files.set(
    "api/status/builds.json",
    json({ builds, cache_age_seconds: cacheAge, generated_at: now.toISOString() }),
  );
  if (data.secrets.published)
    files.set(
      "api/status/secrets.json",
      json({
        secrets: data.secrets.secrets,
        vault_reachable: data.secrets.vault_reachable,
        fetched_at: data.secrets.fetched_at,
      }),
    );
  files.set("api/metrics.json", json(data.delivery));
  return files;
}
