export const id = 90;
export const ids = [90];
export const modules = {

/***/ 4090:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  o$: () => (/* binding */ DEFAULT_CONSOLE_SETTINGS),
  _w: () => (/* binding */ buildConsole),
  dY: () => (/* binding */ writeConsole)
});

// UNUSED EXPORTS: auditTargets

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./.build/js/core/duration.js
var duration = __webpack_require__(8760);
// EXTERNAL MODULE: ./.build/js/core/status.js + 7 modules
var core_status = __webpack_require__(5192);
;// CONCATENATED MODULE: ./.build/js/core/console/alerts.js


const DAY_MS = 86_400_000;
function consoleAlerts(input) {
    const { now } = input;
    const alerts = [];
    if (!input.lastSweepAt)
        alerts.push({ level: "warning", kind: "gap", text: "No status sweep has been recorded yet." });
    else {
        const gap = now.getTime() - Date.parse(input.lastSweepAt);
        if (gap > 3 * input.intervalMs)
            alerts.push({
                level: "warning",
                kind: "gap",
                text: `Sweep gap: the last sweep was ${(0,duration/* formatDuration */.a3)(gap)} ago (expected every ${(0,duration/* formatDuration */.a3)(input.intervalMs)}); status data may be stale.`,
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
    }
    else {
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
        if (!site)
            continue;
        if (s.state === "maintenance")
            continue;
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
            text: `${core_status/* VENDOR_NAMES */.MX[v]} degraded: more than 3 consecutive failed polls.`,
        });
    return alerts;
}

;// CONCATENATED MODULE: ./.build/js/core/console/delivery.js
/**
 * Delivery metrics from the audit log (seed 002 §8 rows), per app and overall:
 *
 * - a production deploy is one run (run id + attempt) of `deploy.<environment>` for an app whose `completed`
 *   row says it shipped: outcome success, health_check_failed or rolled_back. deploy_failed (nothing went
 *   live) and rejected (refused at the gate) are counted beside it, not as deploys. Its time is its
 *   `completed` row's.
 * - deployment frequency: deploys in the window / days in the window.
 * - lead time for changes: deploy time - commit time of the SHA shipped, where the audit row's context
 *   recorded it (`committed_at`, at the top or under `details`); other deploys count as unknown.
 * - change failure rate: failed deploys / deploys; failed when its outcome is health_check_failed or
 *   rolled_back, or a `rollback.<environment>` of the app completed after it and before the app's next deploy.
 *   Each deploy counts once, however many rows say it failed.
 * - time to restore: from a failed deploy's time to the app's next healthy state: the first later
 *   rollback that completed (success or rolled_back) or deploy that completed with success. Failed deploys
 *   with none count as not restored.
 *
 * Windows are the last N UTC calendar days, today (up to `now`) included. Pure: rows and time are handed in.
 */
const DELIVERY_WINDOWS = [7, 30, 90];
const delivery_DAY_MS = 86_400_000;
const SHIPPED = new Set(["success", "health_check_failed", "rolled_back"]);
const FAILED = new Set(["health_check_failed", "rolled_back"]);
function field(ctx, key) {
    if (ctx[key] !== undefined)
        return ctx[key];
    const details = ctx.details;
    if (details && typeof details === "object" && !Array.isArray(details))
        return details[key];
    return undefined;
}
function delivery_text(ctx, key) {
    const v = field(ctx, key);
    return typeof v === "string" && v ? v : null;
}
function time(ctx, key) {
    const v = delivery_text(ctx, key);
    if (!v)
        return null;
    const t = Date.parse(v);
    return Number.isNaN(t) ? null : new Date(t);
}
function phaseOf(e) {
    return delivery_text(e.context, "phase") ?? (e.outcome ? "completed" : "started");
}
/** The key of a run: run id + attempt (or the row id when the row has no run). */
function runKey(e) {
    const id = field(e.context, "run_id");
    const attempt = field(e.context, "run_attempt") ?? 1;
    return id !== undefined && id !== null
        ? `${e.target}\u0000${String(id)}\u0000${String(attempt)}`
        : `#${e.id}`;
}
/** Every run of `deploy.<environment>`, in time order, with its failure and restore worked out. */
function deploysOf(events, environment) {
    const deployAction = `deploy.${environment}`;
    const rollbackAction = `rollback.${environment}`;
    const runs = new Map();
    for (const e of events) {
        if (e.action !== deployAction)
            continue;
        const key = runKey(e);
        const run = runs.get(key) ?? {};
        if (phaseOf(e) === "completed") {
            if (!run.completed || e.createdAt > run.completed.createdAt)
                run.completed = e;
        }
        else if (!run.started || e.createdAt < run.started.createdAt)
            run.started = e;
        runs.set(key, run);
    }
    const all = [];
    for (const [key, run] of runs) {
        const done = run.completed;
        if (!done)
            continue;
        const ctx = { ...(run.started?.context ?? {}), ...done.context };
        all.push({
            app: done.target,
            runKey: key,
            actor: done.actor,
            fromSha: delivery_text(ctx, "from_sha"),
            toSha: delivery_text(ctx, "to_sha"),
            outcome: done.outcome ?? "unknown",
            startedAt: run.started?.createdAt ?? null,
            completedAt: done.createdAt,
            committedAt: time(done.context, "committed_at") ??
                (run.started ? time(run.started.context, "committed_at") : null),
            failed: FAILED.has(done.outcome ?? ""),
            restoredAt: null,
            runUrl: delivery_text(ctx, "run_url"),
        });
    }
    all.sort((a, b) => a.completedAt.getTime() - b.completedAt.getTime());
    const deploys = all.filter((d) => SHIPPED.has(d.outcome));
    const attempts = all.filter((d) => !SHIPPED.has(d.outcome));
    const rollbacks = events
        .filter((e) => e.action === rollbackAction &&
        phaseOf(e) === "completed" &&
        (e.outcome === "success" || e.outcome === "rolled_back"))
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    const byApp = new Map();
    for (const d of deploys)
        byApp.set(d.app, [...(byApp.get(d.app) ?? []), d]);
    // A rollback fails the app's latest deploy before it (counted once).
    for (const r of rollbacks) {
        const list = byApp.get(r.target) ?? [];
        const before = list.filter((d) => d.completedAt <= r.createdAt).at(-1);
        if (before)
            before.failed = true;
    }
    for (const d of deploys) {
        if (!d.failed)
            continue;
        const t = d.completedAt.getTime();
        const nextRollback = rollbacks.find((r) => r.target === d.app && r.createdAt.getTime() >= t);
        const nextHealthy = (byApp.get(d.app) ?? []).find((x) => x !== d && x.outcome === "success" && x.completedAt.getTime() > t);
        const candidates = [nextRollback?.createdAt, nextHealthy?.completedAt].filter((x) => Boolean(x));
        d.restoredAt = candidates.length ? new Date(Math.min(...candidates.map((c) => c.getTime()))) : null;
    }
    return { deploys, attempts };
}
/** Start of the window of the last `days` UTC days ending with the day of `now`. */
function windowStart(now, days) {
    const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    return new Date(today - (days - 1) * delivery_DAY_MS);
}
function median(values) {
    if (!values.length)
        return null;
    const s = [...values].sort((a, b) => a - b);
    const mid = Math.floor(s.length / 2);
    return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
function mean(values) {
    return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}
function metricsOf(deploys, attempts, rollbackCount, now, days) {
    const from = windowStart(now, days);
    const inWindow = (d) => d.completedAt >= from && d.completedAt <= now;
    const ds = deploys.filter(inWindow);
    const leads = ds
        .filter((d) => d.committedAt)
        .map((d) => (d.completedAt.getTime() - d.committedAt.getTime()) / 1000);
    const failed = ds.filter((d) => d.failed);
    const restores = failed
        .filter((d) => d.restoredAt && d.restoredAt <= now)
        .map((d) => (d.restoredAt.getTime() - d.completedAt.getTime()) / 1000);
    return {
        days,
        from: from.toISOString(),
        to: now.toISOString(),
        deploys: ds.length,
        not_shipped: attempts.filter(inWindow).length,
        rollbacks: rollbackCount(from),
        deployment_frequency_per_day: ds.length / days,
        lead_time: {
            known: leads.length,
            unknown: ds.length - leads.length,
            median_seconds: median(leads),
            mean_seconds: mean(leads),
        },
        change_failure: {
            failed: failed.length,
            deploys: ds.length,
            rate: ds.length ? failed.length / ds.length : null,
        },
        time_to_restore: {
            failures: failed.length,
            restored: restores.length,
            not_restored: failed.length - restores.length,
            median_seconds: median(restores),
            mean_seconds: mean(restores),
        },
    };
}
const DELIVERY_DEFINITIONS = {
    deploy: "one run (run id + attempt) of deploy.<environment> whose completed row says it shipped: success, health_check_failed or rolled_back",
    deployment_frequency: "deploys in the window divided by the days in the window",
    lead_time: "deploy completed minus the commit time of the SHA shipped (committed_at in the audit context); deploys without it are unknown",
    change_failure_rate: "failed deploys / deploys; failed: health_check_failed, rolled_back, or rolled back by a later rollback.<environment> before the next deploy; each deploy once",
    time_to_restore: "a failed deploy's completion to the app's next healthy state: a completed rollback or a successful deploy",
    window: "the last N UTC calendar days, today up to the build time included",
};
function deliveryReport(events, environment, now, windows = DELIVERY_WINDOWS) {
    const { deploys, attempts } = deploysOf(events, environment);
    const rollbackRows = events.filter((e) => e.action === `rollback.${environment}` && phaseOf(e) === "completed" && e.outcome !== "rejected");
    const apps = [
        ...new Set([...deploys, ...attempts].map((d) => d.app).concat(rollbackRows.map((r) => r.target))),
    ].sort();
    const count = (app) => (from) => rollbackRows.filter((r) => (!app || r.target === app) && r.createdAt >= from && r.createdAt <= now)
        .length;
    return {
        environment,
        generated_at: now.toISOString(),
        windows,
        overall: windows.map((w) => metricsOf(deploys, attempts, count(undefined), now, w)),
        apps: apps.map((app) => ({
            app,
            windows: windows.map((w) => metricsOf(deploys.filter((d) => d.app === app), attempts.filter((d) => d.app === app), count(app), now, w)),
        })),
        definitions: DELIVERY_DEFINITIONS,
    };
}
function recentActivity(events, environment, limit = 10) {
    const { deploys, attempts } = deploysOf(events, environment);
    const items = [...deploys, ...attempts].map((d) => ({
        kind: "deploy",
        app: d.app,
        actor: d.actor,
        at: d.completedAt.toISOString(),
        fromSha: d.fromSha,
        toSha: d.toSha,
        outcome: d.outcome,
        runUrl: d.runUrl,
    }));
    for (const e of events) {
        if (e.action !== `rollback.${environment}` || phaseOf(e) !== "completed")
            continue;
        items.push({
            kind: "rollback",
            app: e.target,
            actor: e.actor,
            at: e.createdAt.toISOString(),
            fromSha: delivery_text(e.context, "from_sha"),
            toSha: delivery_text(e.context, "to_sha"),
            outcome: e.outcome ?? "unknown",
            runUrl: delivery_text(e.context, "run_url"),
        });
    }
    return items.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)).slice(0, limit);
}

;// CONCATENATED MODULE: ./.build/js/core/console/layout.js
/**
 * The console's page shell and formatting: one stylesheet for every page (console.css, light and dark, phone
 * width), landmarks (banner, navigation, main, contentinfo), and the number formats every page shares.
 * Everything a page shows is text in its HTML; colour only repeats what the words say.
 */
function esc(text) {
    return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
/** Only http(s) links leave the console; anything else becomes no link. */
function safeHref(url) {
    return url && /^https?:\/\//i.test(url) ? url : undefined;
}
function layout_link(url, label) {
    const href = safeHref(url);
    return href ? `<a href="${esc(href)}">${esc(label)}</a>` : esc(label);
}
/** 99.95% (two decimals, truncated toward the worse so 99.999% never shows as 100.00%). */
function pct(x) {
    if (x === null || x === undefined || Number.isNaN(x))
        return "–";
    const v = Math.floor(x * 10_000) / 100;
    return `${v.toFixed(2)}%`;
}
/** A share as a whole-ish percentage (no-data share): 0%, 0.4%, 12%. */
function share(x) {
    const v = x * 100;
    if (v === 0)
        return "0%";
    if (v < 10)
        return `${v.toFixed(1)}%`;
    return `${Math.round(v)}%`;
}
function utc(iso) {
    if (!iso)
        return "–";
    const t = Date.parse(iso);
    if (Number.isNaN(t))
        return "–";
    return new Date(t).toISOString().slice(0, 16).replace("T", " ");
}
/** 45s, 12 min, 3h 05m, 2.5 days. */
function span(ms) {
    if (ms === null || ms === undefined)
        return "–";
    const s = Math.max(0, Math.round(ms / 1000));
    if (s < 60)
        return `${s}s`;
    const m = Math.round(s / 60);
    if (m < 60)
        return `${m} min`;
    if (m < 48 * 60)
        return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, "0")}m`;
    return `${(m / 1440).toFixed(1)} days`;
}
function sha(s) {
    return s ? s.slice(0, 7) : "–";
}
/** `<time>` with the exact instant for machines and the minute for people. */
function when(iso) {
    if (!iso)
        return "–";
    return `<time datetime="${esc(iso)}">${utc(iso)}</time>`;
}
const STATE_WORDS = {
    healthy: "HEALTHY",
    degraded: "DEGRADED",
    down: "DOWN",
    stale: "STALE",
    unknown: "UNKNOWN",
    maintenance: "MAINTENANCE",
};
function stateBadge(state) {
    return `<span class="st st-${esc(state)}">${esc(STATE_WORDS[state] ?? state.toUpperCase())}</span>`;
}
function page(p) {
    const nav = [
        ["index.html", "Dashboard", "dashboard"],
        ["metrics.html", "Delivery", "metrics"],
        ...(p.secrets ? [["secrets.html", "Secrets", "secrets"]] : []),
        ["feed.xml", "Feed", "feed"],
    ]
        .map(([href, label, key]) => `<a href="${p.root}${href}"${key === p.active ? ' aria-current="page"' : ""}>${label}</a>`)
        .join(" ");
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'">
<title>${esc(p.title)}</title>
<link rel="stylesheet" href="${p.root}console.css">
${p.active === "dashboard" ? `<link rel="alternate" type="application/atom+xml" title="Incidents and maintenance" href="feed.xml">` : ""}
</head>
<body>
<header><p class="brand"><a href="${p.root}index.html">${esc(p.siteTitle)}</a></p><nav aria-label="Console">${nav}</nav></header>
<main>
${p.body}
</main>
<footer><p>Built <time datetime="${esc(p.generatedAt)}">${utc(p.generatedAt)}</time> by prodgate. Times are UTC.</p></footer>
</body>
</html>
`;
}
/**
 * A table with a caption; it scrolls sideways on a narrow screen (display: block). Cells leave out their end
 * tags, as HTML allows, which keeps fifty pages of tables small.
 */
function table(caption, head, rows, empty, cls = "") {
    if (!rows.length)
        return `<p class="empty">${esc(empty)}</p>`;
    return `<table${cls ? ` class="${cls}"` : ""}><caption>${esc(caption)}</caption><thead><tr><th>${head.join("<th>")}<tbody>${rows.map((r) => `<tr><th>${r[0]}<td>${r.slice(1).join("<td>")}`).join("")}</table>`;
}
const CONSOLE_CSS = `:root{color-scheme:light dark;--bg:#f6f8fa;--fg:#1f2328;--mut:#59636e;--card:#fff;--line:#d1d9e0;--ok:#1a7f37;--okb:#dafbe1;--warn:#9a6700;--warnb:#fff8c5;--bad:#cf222e;--badb:#ffebe9;--deg:#bc4c00;--degb:#fff1e5;--grey:#818b98;--greyb:#eaeef2;--mnt:#8250df;--mntb:#fbefff;--a:#0969da;font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;background:var(--bg);color:var(--fg)}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--mut:#9198a1;--card:#151b23;--line:#3d444d;--ok:#3fb950;--okb:#12261e;--warn:#d29922;--warnb:#272115;--bad:#f85149;--badb:#25171c;--deg:#db6d28;--degb:#271b12;--grey:#9198a1;--greyb:#262c36;--mnt:#ab7df8;--mntb:#211a30;--a:#4493f8}}
body{margin:0 auto;max-width:1200px;padding:0 16px 24px}
a{color:var(--a)}
header{display:flex;flex-wrap:wrap;gap:8px 24px;align-items:baseline;justify-content:space-between;padding:14px 0;border-bottom:1px solid var(--line)}
.brand{margin:0;font-weight:600;font-size:18px}.brand a{color:var(--fg);text-decoration:none}
nav a{margin-left:12px}nav a[aria-current]{font-weight:600;color:var(--fg)}
h1{font-size:22px;margin:16px 0 4px}h2{font-size:17px;margin:22px 0 8px}
.meta,.empty,footer{color:var(--mut)}footer{margin-top:28px;font-size:13px;border-top:1px solid var(--line)}
.alerts{background:var(--warnb);border:1px solid var(--warn);border-radius:8px;padding:6px 14px}
.alerts ul{margin:6px 0;padding-left:18px}.alerts .error{color:var(--bad)}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(250px,1fr));gap:10px;padding:0;list-style:none}
.card{background:var(--card);border:1px solid var(--line);border-left:6px solid var(--grey);border-radius:8px;padding:10px 12px}
.card h3{margin:0 0 4px;font-size:15px;display:flex;justify-content:space-between;gap:8px}
.card p{margin:2px 0;font-size:13px}
.c-healthy{border-left-color:var(--ok)}.c-degraded{border-left-color:var(--deg)}.c-down{border-left-color:var(--bad)}.c-maintenance{border-left-color:var(--mnt)}
.st{font-size:11px;font-weight:700;padding:1px 7px;border-radius:9px;background:var(--greyb);color:var(--fg);white-space:nowrap}
.st-healthy{background:var(--okb);color:var(--ok)}.st-degraded{background:var(--degb);color:var(--deg)}.st-down{background:var(--badb);color:var(--bad)}.st-maintenance{background:var(--mntb);color:var(--mnt)}
table{display:block;overflow-x:auto;max-width:100%;border-collapse:collapse;background:var(--card);font-size:13px;margin-bottom:8px}
caption{text-align:left;font-weight:600;padding:4px 0;color:var(--mut)}
th,td{border-bottom:1px solid var(--line);padding:4px 8px;text-align:left;white-space:nowrap}td{font-variant-numeric:tabular-nums}
.cols{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:0 16px}
.spark{display:block;width:100%;height:40px;background:var(--greyb);border-radius:4px}
.spark .p{fill:var(--ok)}.spark .f{fill:var(--bad)}.spark .m{fill:var(--grey)}.spark .n{fill:var(--mnt)}
.legend{font-size:12px;color:var(--mut)}
.mnt{background:var(--mntb);border:1px solid var(--mnt);border-radius:8px;padding:6px 14px}
.bad{color:var(--bad);font-weight:600}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
@media (max-width:600px){body{padding:0 10px 16px}nav a{margin:0 12px 0 0}th,td{padding:4px 5px}}
`;

;// CONCATENATED MODULE: ./.build/js/core/console/dashboard.js

/** index.html: the alert banner, the status grid and recent activity (deploys and rollbacks, builds, rotations). */
function surfaceHref(id, root = "") {
    return `${root}sites/${encodeURIComponent(id)}.html`;
}
function card(s, now) {
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
function renderDashboard(data) {
    const { now } = data;
    const counts = new Map();
    for (const s of data.surfaces)
        counts.set(s.state, (counts.get(s.state) ?? 0) + 1);
    const summary = [...counts].map(([k, n]) => `${n} ${k}`).join(" · ");
    const alerts = data.alerts.length
        ? `<section class="alerts" aria-labelledby="alerts-h"><h2 id="alerts-h">Alerts</h2><ul>${data.alerts
            .map((a) => `<li class="${a.level}">${a.level === "error" ? "✖ Error" : "⚠ Warning"}: ${esc(a.text)}</li>`)
            .join("")}</ul></section>`
        : `<p class="meta">No alerts.</p>`;
    const deploys = table("Deploys and rollbacks (audit log)", ["When", "App", "What", "Who", "SHA", "Outcome"], data.activity.map((a) => [
        utc(a.at),
        esc(a.app),
        a.kind,
        esc(a.actor),
        `${sha(a.fromSha)} → ${sha(a.toSha)}`,
        layout_link(a.runUrl, a.outcome),
    ]), "No deploy or rollback in the audit log yet.");
    const builds = table("Builds (CI runs)", ["Started", "Surface", "Conclusion", "Trigger", "Author"], data.builds.map((b) => [
        utc(b.started_at),
        esc(b.surface),
        layout_link(b.run_url, b.conclusion),
        esc(b.trigger),
        esc(b.author),
    ]), "No CI run recorded yet.");
    const rotations = table("Rotations", ["Triggered", "Secret", "Status", "By", "Completed"], data.rotations.map((r) => [
        utc(r.triggeredAt.toISOString()),
        data.secrets.published ? esc(r.secretName) : "(not published)",
        esc(r.status),
        esc(r.triggeredBy),
        r.completedAt ? utc(r.completedAt.toISOString()) : "–",
    ]), "No rotation job yet.");
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

;// CONCATENATED MODULE: ./.build/js/core/console/graphics.js

/** 288 five-minute buckets; `maintenance[i]` marks buckets inside a maintenance window. */
function sparkline(id, buckets, maintenance = []) {
    const h = 40;
    const counts = { ok: 0, failed: 0, missing: 0, maintenance: 0 };
    // Each bucket is a class: p passing, f failing, m no data (a low grey bar), n maintenance. Neighbours of
    // one class merge into one subpath, so a page stays small however the latency moves (that is in the table).
    const cls = buckets.map((b, i) => {
        if (maintenance[i] && (!b || b.failed))
            return "n";
        if (!b)
            return "m";
        return b.failed > 0 ? "f" : "p";
    });
    const tops = { p: 6, f: 0, m: h - 5, n: h - 12 };
    const paths = { p: [], f: [], m: [], n: [] };
    for (let i = 0; i < cls.length;) {
        const c = cls[i];
        let j = i + 1;
        while (j < cls.length && cls[j] === c)
            j++;
        const top = tops[c];
        paths[c].push(`M${i} ${top}h${j - i}v${h - top}h-${j - i}z`);
        const n = j - i;
        if (c === "p")
            counts.ok += n;
        else if (c === "f")
            counts.failed += n;
        else if (c === "m")
            counts.missing += n;
        else
            counts.maintenance += n;
        i = j;
    }
    const parts = Object.entries(paths)
        .filter(([, d]) => d.length)
        .map(([c, d]) => `<path class="${c}" d="${d.join("")}"/>`);
    const label = `${id}, last 24 hours in 5-minute steps: ${counts.ok} passing, ${counts.failed} failing, ${counts.missing} without data${counts.maintenance ? `, ${counts.maintenance} in maintenance` : ""}`;
    const svg = `<svg class="spark" data-ok="${counts.ok}" data-failed="${counts.failed}" data-missing="${counts.missing}" ${counts.maintenance ? `data-maintenance="${counts.maintenance}" ` : ""}viewBox="0 0 ${buckets.length} ${h}" preserveAspectRatio="none" role="img" aria-label="${esc(label)}">${parts.join("")}</svg>`;
    return { svg, counts };
}
const BADGE_COLOURS = {
    healthy: "#1a7f37",
    degraded: "#bc4c00",
    down: "#cf222e",
    stale: "#6e7781",
    unknown: "#6e7781",
    maintenance: "#8250df",
};
/** Verdana 11px widths, roughly: enough for a badge that does not clip. */
function textWidth(s) {
    let w = 0;
    for (const ch of s)
        w += /[il.,:;|!' ]/.test(ch) ? 4 : /[mwMW%@]/.test(ch) ? 10 : /[A-Z0-9]/.test(ch) ? 8 : 7;
    return w;
}
/** A shields-style badge: the surface id, then its state and 30-day uptime. */
function badge(id, state, uptime30d) {
    const left = id;
    const right = `${(STATE_WORDS[state] ?? state).toLowerCase()}${uptime30d === null ? "" : ` ${pct(uptime30d)}`}`;
    const lw = textWidth(left) + 12;
    const rw = textWidth(right) + 12;
    const label = `${id}: ${state}${uptime30d === null ? "" : `, ${pct(uptime30d)} uptime over 30 days`}`;
    const colour = BADGE_COLOURS[state] ?? "#6e7781";
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${lw + rw}" height="20" role="img" aria-label="${esc(label)}"><title>${esc(label)}</title><rect width="${lw}" height="20" fill="#555"/><rect x="${lw}" width="${rw}" height="20" fill="${colour}"/><g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11"><text x="6" y="14">${esc(left)}</text><text x="${lw + 6}" y="14">${esc(right)}</text></g></svg>
`;
}

;// CONCATENATED MODULE: ./.build/js/core/console/pages.js

/** secrets.html (metadata only, published on request) and metrics.html (delivery metrics). */
function renderSecrets(data) {
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
function freq(w) {
    const per = w.deployment_frequency_per_day;
    return `${per >= 1 ? per.toFixed(2) : (per * 7).toFixed(2)}/${per >= 1 ? "day" : "week"}`;
}
function metricCells(w) {
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
function compactCells(w) {
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
function renderMetrics(data) {
    const d = data.delivery;
    const overall = table(`All apps, ${d.environment}`, HEAD, d.overall.map((w) => [`${w.days} days`, ...metricCells(w)]), "No deploy recorded.", "overall");
    const apps = table("Per app: deploys (+ not shipped), median lead time (known/deploys), change failure rate (failed/deploys), median time to restore (restored/failures)", ["App", "Window", "Deploys", "Frequency", "Lead time", "Failure rate", "Restore", "Rollbacks"], d.apps.flatMap((a) => a.windows.map((w) => [esc(a.app), `${w.days}d`, ...compactCells(w)])), "No app has a deploy yet.", "apps");
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

;// CONCATENATED MODULE: ./.build/js/core/console/surface.js


/**
 * sites/<id>.html, the drill-down of one surface: its 24-hour sparkline, uptime over 24 h, 7, 30 and 90 days,
 * latency p50/p95 per day, recent deploys and CI runs, incident history and the credentials that affect it.
 */
const WINDOW_WORDS = {
    "24h": "24 hours",
    "7d": "7 days",
    "30d": "30 days",
    "90d": "90 days",
};
/** Days of latency shown as a table (the JSON holds all 90). */
const LATENCY_DAYS = 10;
/** Incidents listed on the page (the JSON and the feed hold every one of the 90 days). */
const INCIDENTS_SHOWN = 5;
function renderSurface(data, s) {
    const { now } = data;
    const site = s.site;
    const { svg } = sparkline(s.id, s.spark, s.sparkMaintenance);
    const maint = s.maintenance
        ? `<p class="mnt" role="status">Maintenance until ${when(new Date(s.maintenance.end).toISOString())}${s.maintenance.reason ? `: ${esc(s.maintenance.reason)}` : ""}. A failing check opens no incident now.</p>`
        : "";
    const upcoming = s.upcoming.length
        ? `<p class="meta">Next maintenance: ${s.upcoming
            .slice(0, 3)
            .map((u) => `${when(new Date(u.start).toISOString())} to ${when(new Date(u.end).toISOString())}${u.reason ? ` (${esc(u.reason)})` : ""}`)
            .join("; ")}</p>`
        : "";
    const uptime = table("Uptime by window", ["Window", "Uptime", "Passing", "Failing", "No data", "Maint."], s.uptime.map((u) => [
        WINDOW_WORDS[u.window] ?? u.window,
        pct(u.uptime),
        String(u.ok),
        String(u.failed),
        share(u.no_data_share),
        String(u.maintenance_polls),
    ]), "No polls yet.", "uptime");
    const latency = table(`Latency per day (last ${LATENCY_DAYS} days, ms)`, ["Day (UTC)", "p50", "p95", "Uptime"], [...s.daily]
        .reverse()
        .slice(0, LATENCY_DAYS)
        .map((d) => [
        d.day,
        d.p50 === null ? "–" : String(d.p50),
        d.p95 === null ? "–" : String(d.p95),
        pct(d.ok + d.failed ? d.ok / (d.ok + d.failed) : null),
    ]), "No daily history yet.", "daily");
    // One deploys table: the gated deploys and rollbacks of the audit log when the app has any, else what the
    // provider reported. The JSON carries both.
    const deploys = s.activity.length
        ? table("Deploys and rollbacks (audit log)", ["When", "What", "Who", "SHA", "Outcome"], s.activity.map((a) => [
            utc(a.at),
            a.kind,
            esc(a.actor),
            `${sha(a.fromSha)} → ${sha(a.toSha)}`,
            layout_link(a.runUrl, a.outcome),
        ]), "")
        : table("Deploys (provider)", ["Deployed", "Deploy", "Author", "Status"], s.deploys.map((d) => [utc(d.deployed_at), esc(d.deploy_id), esc(d.author), esc(d.status)]), "No deploy seen yet.");
    const builds = table("CI runs", ["Started", "Run", "Conclusion", "Trigger", "Author"], s.builds.map((b) => [
        utc(b.started_at),
        layout_link(b.run_url, `#${b.run_id}`),
        esc(b.conclusion),
        esc(b.trigger),
        esc(b.author),
    ]), "No CI run seen yet.");
    const shown = s.incidents.slice(0, INCIDENTS_SHOWN);
    const incidents = table(s.incidents.length > shown.length
        ? `Incidents (runs of failing polls): ${shown.length} newest of ${s.incidents.length} in 90 days`
        : `Incidents (runs of failing polls): ${s.incidents.length} in 90 days`, ["Opened", "Closed", "Duration", "Failing polls", "Issue"], shown.map((i) => [
        utc(i.started_at),
        i.open ? '<span class="bad">ongoing</span>' : utc(i.recovered_at ?? i.ended_at),
        span(i.duration_ms),
        String(i.failing_polls),
        i.issue ? layout_link(i.issue.url, `#${i.issue.number}`) : "–",
    ]), "No incident in the last 90 days.", "incidents");
    const creds = data.secrets.published
        ? table("Credentials that affect this surface", ["Name", "Status", "Last rotated", "Expires", "Cadence"], s.secrets.map((c) => [
            esc(c.name),
            esc(c.status),
            c.last_rotated_at
                ? `${utc(c.last_rotated_at)}${c.days_since_rotation !== null ? ` (${c.days_since_rotation}d ago)` : ""}`
                : "unknown",
            c.expires_at ? utc(c.expires_at) : "never / unknown",
            `${c.suggested_cadence_days}d${c.over_cadence ? ' <span class="bad">over cadence</span>' : ""}`,
        ]), "No tracked credential names this surface.")
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

;// CONCATENATED MODULE: ./.build/js/core/console/files.js





/**
 * Every file of the console, by path: the pages, console.css, the Atom feed, one badge per surface and the
 * JSON mirroring seed 000's endpoints (api/status/sites.json, api/status/sites/<id>.json,
 * api/status/builds.json, api/status/secrets.json when published, api/metrics.json). Pure.
 */
/** The seed's SiteStatus of a surface, with the console's maintenance beside it (a placeholder if never swept). */
function siteOf(s, now) {
    const site = s.site ?? {
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
function json(value) {
    return `${JSON.stringify(value)}\n`;
}
function renderFeed(data, baseUrl) {
    const base = baseUrl ? baseUrl.replace(/\/?$/, "/") : "";
    const id = (kind, ...parts) => `urn:prodgate:${encodeURIComponent(data.title)}:${kind}:${parts.map((p) => encodeURIComponent(String(p))).join(":")}`;
    const entries = [];
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
            href: m.surfaces.length === 1 ? `${base}${surfaceHref(m.surfaces[0])}` : `${base}index.html`,
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
        .map((e) => `<entry>
<id>${esc(e.id)}</id>
<title>${esc(e.title)}</title>
<updated>${e.updated}</updated>
<published>${e.published}</published>
<link rel="alternate" type="text/html" href="${esc(e.href)}"/>
<summary>${esc(e.summary)}</summary>
</entry>`)
        .join("\n")}
</feed>
`;
}
/** Every file of the console: path (with / separators) → content. */
function renderConsole(data, opts = {}) {
    const files = new Map();
    const now = data.now;
    const cacheAge = data.lastSweepAt
        ? Math.max(0, Math.round((now.getTime() - Date.parse(data.lastSweepAt)) / 1000))
        : null;
    files.set("console.css", CONSOLE_CSS);
    files.set("index.html", renderDashboard(data));
    files.set("metrics.html", renderMetrics(data));
    if (data.secrets.published)
        files.set("secrets.html", renderSecrets(data));
    files.set("feed.xml", renderFeed(data, opts.baseUrl));
    files.set("api/status/sites.json", json({
        sites: data.surfaces.map((s) => siteOf(s, now)),
        cache_age_seconds: cacheAge,
        degraded_vendors: data.degradedVendors,
        generated_at: now.toISOString(),
    }));
    for (const s of data.surfaces) {
        files.set(`sites/${s.id}.html`, renderSurface(data, s));
        const u30 = s.uptime.find((u) => u.window === "30d")?.uptime ?? null;
        files.set(`badges/${s.id}.svg`, badge(s.id, s.state, u30));
        files.set(`api/status/sites/${s.id}.json`, json({
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
        }));
    }
    const builds = {};
    for (const s of data.surfaces)
        if (s.builds.length)
            builds[s.id] = s.builds;
    files.set("api/status/builds.json", json({ builds, cache_age_seconds: cacheAge, generated_at: now.toISOString() }));
    if (data.secrets.published)
        files.set("api/status/secrets.json", json({
            secrets: data.secrets.secrets,
            vault_reachable: data.secrets.vault_reachable,
            fetched_at: data.secrets.fetched_at,
        }));
    files.set("api/metrics.json", json(data.delivery));
    return files;
}

// EXTERNAL MODULE: ./.build/js/core/console/maintenance.js
var console_maintenance = __webpack_require__(515);
;// CONCATENATED MODULE: ./.build/js/core/console/model.js

/**
 * What the console's pages are rendered from: one value, gathered from Postgres and the registry by the
 * console pipeline. Pure: the renderers read it and return text.
 *
 * Uptime over a window = passing polls / polls with data, leaving out polls inside maintenance windows; the
 * share of the window with no data (missed sweeps, a vendor that did not answer) is shown beside it and
 * counted neither up nor down. Windows: the last 24 hours (rolling), and 7, 30 and 90 days (the last N UTC
 * calendar days, today up to the build included).
 */
const UPTIME_WINDOWS = ["24h", "7d", "30d", "90d"];
/** Adds counts. */
function sumCounts(rows) {
    const out = { ok: 0, failed: 0, noData: 0, maintenance: 0 };
    for (const r of rows) {
        out.ok += r.ok;
        out.failed += r.failed;
        out.noData += r.noData;
        out.maintenance += r.maintenance;
    }
    return out;
}
/** An uptime window from its counts, its span and the maintenance that covers it. */
function uptimeWindow(window, counts, from, to, maintenance, intervalMs) {
    const open = Math.max(0, to - from - (0,console_maintenance/* coveredMs */.nR)(maintenance, from, to));
    const expected = open / intervalMs;
    const withData = counts.ok + counts.failed;
    return {
        window,
        from: new Date(from).toISOString(),
        to: new Date(to).toISOString(),
        ok: counts.ok,
        failed: counts.failed,
        no_data_polls: counts.noData,
        maintenance_polls: counts.maintenance,
        expected_polls: expected,
        uptime: withData ? counts.ok / withData : null,
        no_data_share: expected > 0 ? Math.max(0, 1 - withData / expected) : 0,
    };
}
/** The `days` daily rows from the start of the window ending today. */
function daysFrom(daily, fromDay) {
    return daily.filter((d) => d.day >= fromDay);
}
/** Joins derived incidents with the incident issues opened while they ran (or just after, by one sweep). */
function joinIssues(incidents, issues, slackMs) {
    return incidents.map((inc) => {
        const from = Date.parse(inc.started_at) - 60_000;
        const to = Date.parse(inc.ended_at) + slackMs;
        const match = issues
            .filter((i) => i.surface === inc.surface)
            .find((i) => {
            const t = Date.parse(i.opened_at);
            return t >= from && t <= to;
        });
        return { ...inc, issue: match ? { number: match.issue, url: match.url } : null };
    });
}

// EXTERNAL MODULE: ./.build/js/core/ports.js
var core_ports = __webpack_require__(6482);
// EXTERNAL MODULE: ./.build/js/core/registry.js + 1 modules
var core_registry = __webpack_require__(3529);
// EXTERNAL MODULE: ./.build/js/store/console-sources.js
var console_sources = __webpack_require__(4772);
// EXTERNAL MODULE: ./.build/js/store/poll-log.js
var poll_log = __webpack_require__(6742);
// EXTERNAL MODULE: ./.build/js/store/db.js
var store_db = __webpack_require__(6522);
;// CONCATENATED MODULE: ./.build/js/store/rollups.js


/**
 * The console's history in Postgres. Daily rollups (one row per surface and UTC day) and derived incidents are
 * computed from the raw poll log, which keeps 30 days; they are kept 400 days. Every refresh recomputes the
 * days the raw log still holds whole from it (a sweep: from the last rolled day on; `console build`: all of
 * them). Incidents are runs of failing liveness polls outside maintenance, from the first to the last failing
 * poll. Incident issues and the deploys and CI runs the sweeps saw are in sweep-records.ts.
 */
const ROLLUP_RETENTION_DAYS = 400;
/** Key of the advisory lock that serialises refreshes (two sweeps at once do not interleave). */
const ROLLUP_LOCK = 7_246_813_019;
const rollups_DAY_MS = 86_400_000;
const ts = (t) => new Date(t).toISOString().replace("T", " ").replace("Z", "");
/** A Postgres tsmultirange literal of intervals (timestamps without time zone, in UTC like polled_at). */
function multirange(intervals) {
    return `{${intervals.map((i) => `[${ts(i.start)},${ts(i.end)})`).join(",")}}`;
}
const dayStart = (t) => Math.floor(t / rollups_DAY_MS) * rollups_DAY_MS;
/** The join that picks each surface's liveness rows, with its maintenance, and whether a row has data. */
function targetsCte(param) {
    return `w AS (SELECT * FROM unnest($${param}::text[], $${param + 1}::text[], $${param + 2}::tsmultirange[])
              AS w(surface_id, vendor_call, maint))`;
}
const HAS_DATA = `(p.vendor_call = 'http_health' OR ${(0,poll_log/* answered */.oQ)("p.")})`;
function targetParams(targets) {
    return [
        targets.map((t) => t.id),
        targets.map((t) => t.call),
        targets.map((t) => multirange(t.maintenance)),
    ];
}
/**
 * Recomputes rollups and incidents from the raw log, then prunes what is older than 400 days. `full`:
 * every day the raw log holds; otherwise from the newest rolled day (and the start of any incident that
 * reaches it) on. A day the raw log holds only part of (pruned at its start) keeps the rollup made when it
 * was whole.
 */
async function refreshRollups(pool, targets, opts) {
    const t = (0,store_db/* quoteIdent */.v4)("poll-table", opts.pollTable ?? poll_log/* DEFAULT_POLL_TABLE */.Fk);
    const client = await pool.connect();
    try {
        await client.query("BEGIN");
        await client.query("SELECT pg_advisory_xact_lock($1)", [ROLLUP_LOCK]);
        // The surfaces come in as an array, which the planner cannot count: a merge or nested-loop join of them
        // against the raw log grows with surfaces x rows. Hash joins keep the refresh linear in the rows read.
        await client.query("SET LOCAL enable_mergejoin = off; SET LOCAL enable_nestloop = off");
        const pruned = await prune(client, opts.now);
        const ids = targets.map((x) => x.id);
        const raw = await client.query(`SELECT min(polled_at) AT TIME ZONE 'UTC' AS at FROM ${t}`);
        const rawMinDate = raw.rows[0]?.at;
        if (!rawMinDate || ids.length === 0) {
            await client.query("COMMIT");
            return { from: null, days: 0, incidents: 0, pruned };
        }
        const rawMin = rawMinDate.getTime();
        let base = dayStart(rawMin);
        if (!opts.full) {
            const last = await client.query("SELECT to_char(max(day), 'YYYY-MM-DD') AS day FROM prodgate_console_daily");
            if (last.rows[0]?.day)
                base = Math.max(base, Date.parse(`${last.rows[0].day}T00:00:00Z`));
        }
        const reaching = await client.query(`SELECT min(started_at) AT TIME ZONE 'UTC' AS at FROM prodgate_console_incidents
        WHERE surface_id = ANY($1) AND (open OR ended_at >= $2::timestamp)`, [ids, ts(base)]);
        const reachAt = reaching.rows[0]?.at;
        const since = Math.max(rawMin, Math.min(base, reachAt ? reachAt.getTime() : base));
        const partialDay = rawMin > dayStart(rawMin) ? ts(dayStart(rawMin)).slice(0, 10) : null;
        const days = await client.query(`WITH ${targetsCte(1)},
       p AS (
         SELECT p.surface_id, p.polled_at::date AS day, p.probe_ok, p.latency_ms, ${HAS_DATA} AS has_data,
                (w.maint @> p.polled_at) AS maint
         FROM ${t} p JOIN w ON w.surface_id = p.surface_id AND w.vendor_call = p.vendor_call
         WHERE p.polled_at >= $4::timestamp
       )
       INSERT INTO prodgate_console_daily AS d (surface_id, day, polls_ok, polls_failed, polls_no_data,
         polls_maintenance, latency_p50_ms, latency_p95_ms, computed_at)
       SELECT surface_id, day,
              count(*) FILTER (WHERE NOT maint AND probe_ok),
              count(*) FILTER (WHERE NOT maint AND has_data AND NOT probe_ok),
              count(*) FILTER (WHERE NOT maint AND NOT has_data),
              count(*) FILTER (WHERE maint),
              percentile_disc(0.5) WITHIN GROUP (ORDER BY latency_ms) FILTER (WHERE NOT maint AND probe_ok),
              percentile_disc(0.95) WITHIN GROUP (ORDER BY latency_ms) FILTER (WHERE NOT maint AND probe_ok),
              now()
       FROM p GROUP BY surface_id, day
       ON CONFLICT (surface_id, day) DO UPDATE SET polls_ok = EXCLUDED.polls_ok,
         polls_failed = EXCLUDED.polls_failed, polls_no_data = EXCLUDED.polls_no_data,
         polls_maintenance = EXCLUDED.polls_maintenance, latency_p50_ms = EXCLUDED.latency_p50_ms,
         latency_p95_ms = EXCLUDED.latency_p95_ms, computed_at = now()
       WHERE $5::date IS NULL OR d.day > $5::date`, [...targetParams(targets), ts(dayStart(since)), partialDay]);
        const incidents = await deriveIncidents(client, t, targets, since);
        await client.query("COMMIT");
        return { from: new Date(since).toISOString(), days: days.rowCount ?? 0, incidents, pruned };
    }
    catch (err) {
        await client.query("ROLLBACK").catch(() => { });
        throw err;
    }
    finally {
        client.release();
    }
}
async function deriveIncidents(client, t, targets, since) {
    const ids = targets.map((x) => x.id);
    // Incidents that began before the raw log and still run into it: the derived run continues them.
    const older = await client.query(`SELECT surface_id, started_at AT TIME ZONE 'UTC' AS started_at, ended_at AT TIME ZONE 'UTC' AS ended_at, failing_polls
       FROM prodgate_console_incidents
      WHERE surface_id = ANY($1) AND started_at < $2::timestamp AND (open OR ended_at >= $2::timestamp)`, [ids, ts(since)]);
    await client.query("DELETE FROM prodgate_console_incidents WHERE surface_id = ANY($1) AND started_at >= $2::timestamp", [ids, ts(since)]);
    const runs = await client.query(`WITH ${targetsCte(1)},
     p AS (
       SELECT p.surface_id, p.polled_at, p.probe_ok
       FROM ${t} p JOIN w ON w.surface_id = p.surface_id AND w.vendor_call = p.vendor_call
       WHERE p.polled_at >= $4::timestamp AND ${HAS_DATA} AND NOT (w.maint @> p.polled_at)
     ),
     g AS (
       SELECT surface_id, polled_at, probe_ok,
              count(*) FILTER (WHERE probe_ok) OVER (PARTITION BY surface_id ORDER BY polled_at
                ROWS UNBOUNDED PRECEDING) AS grp
       FROM p
     ),
     runs AS (
       SELECT surface_id, grp, min(polled_at) AS s, max(polled_at) AS e, count(*)::int AS n
       FROM g WHERE NOT probe_ok GROUP BY surface_id, grp
     ),
     rec AS (SELECT surface_id, grp, min(polled_at) AS r FROM g WHERE probe_ok GROUP BY surface_id, grp)
     SELECT runs.surface_id, runs.s AT TIME ZONE 'UTC' AS s, runs.e AT TIME ZONE 'UTC' AS e, runs.n,
            rec.r AT TIME ZONE 'UTC' AS recovered
     FROM runs LEFT JOIN rec ON rec.surface_id = runs.surface_id AND rec.grp = runs.grp + 1
     ORDER BY runs.surface_id, runs.s`, [...targetParams(targets), ts(since)]);
    const rows = runs.rows.map((r) => ({
        surface_id: r.surface_id,
        started_at: r.s.getTime(),
        ended_at: r.e.getTime(),
        failing_polls: r.n,
        open: r.recovered === null,
        recovered_at: r.recovered ? r.recovered.getTime() : null,
    }));
    const firstOf = new Map();
    for (const r of rows)
        if (!firstOf.has(r.surface_id))
            firstOf.set(r.surface_id, r);
    for (const o of older.rows) {
        const target = targets.find((x) => x.id === o.surface_id);
        if (!target)
            continue;
        const firstPoll = await firstDataPoll(client, t, target, since);
        if (firstPoll === undefined)
            continue; // no data since: it stays as it was
        const first = firstOf.get(o.surface_id);
        const oStart = o.started_at.getTime();
        if (first && first.started_at === firstPoll) {
            // The raw log starts failing: the run continues the incident that began before it.
            const overlap = await countFailing(client, t, target, first.started_at, o.ended_at.getTime());
            rows.splice(rows.indexOf(first), 1);
            rows.push({
                ...first,
                started_at: oStart,
                failing_polls: o.failing_polls + first.failing_polls - overlap,
            });
        }
        else
            await client.query(`UPDATE prodgate_console_incidents SET open = false, recovered_at = $3::timestamp
          WHERE surface_id = $1 AND started_at = $2::timestamp`, [o.surface_id, ts(oStart), ts(firstPoll)]);
    }
    if (rows.length === 0)
        return 0;
    await client.query(`INSERT INTO prodgate_console_incidents (surface_id, started_at, ended_at, failing_polls, open, recovered_at)
     SELECT * FROM unnest($1::text[], $2::timestamp[], $3::timestamp[], $4::int[], $5::boolean[], $6::timestamp[])
     ON CONFLICT (surface_id, started_at) DO UPDATE SET ended_at = EXCLUDED.ended_at,
       failing_polls = EXCLUDED.failing_polls, open = EXCLUDED.open, recovered_at = EXCLUDED.recovered_at`, [
        rows.map((r) => r.surface_id),
        rows.map((r) => ts(r.started_at)),
        rows.map((r) => ts(r.ended_at)),
        rows.map((r) => r.failing_polls),
        rows.map((r) => r.open),
        rows.map((r) => (r.recovered_at === null ? null : ts(r.recovered_at))),
    ]);
    return rows.length;
}
/** SQL: the liveness rows of one surface with data, outside its maintenance ($1 surface, $2 call, $3 ranges). */
const ONE_SURFACE = `p.surface_id = $1 AND p.vendor_call = $2 AND ${HAS_DATA} AND NOT ($3::tsmultirange @> p.polled_at)`;
async function countFailing(client, t, target, from, to) {
    if (from > to)
        return 0;
    const res = await client.query(`SELECT count(*)::int AS n FROM ${t} p
      WHERE ${ONE_SURFACE} AND NOT p.probe_ok AND p.polled_at BETWEEN $4::timestamp AND $5::timestamp`, [target.id, target.call, multirange(target.maintenance), ts(from), ts(to)]);
    return res.rows[0]?.n ?? 0;
}
async function firstDataPoll(client, t, target, since) {
    const res = await client.query(`SELECT min(p.polled_at) AT TIME ZONE 'UTC' AS at FROM ${t} p WHERE ${ONE_SURFACE} AND p.polled_at >= $4::timestamp`, [target.id, target.call, multirange(target.maintenance), ts(since)]);
    return res.rows[0]?.at?.getTime();
}
async function prune(db, now) {
    const cutoff = ts(now.getTime() - ROLLUP_RETENTION_DAYS * rollups_DAY_MS);
    let n = 0;
    for (const sql of [
        "DELETE FROM prodgate_console_daily WHERE day < $1::timestamp::date",
        "DELETE FROM prodgate_console_incidents WHERE NOT open AND ended_at < $1::timestamp",
        "DELETE FROM prodgate_console_issues WHERE opened_at < ($1::timestamp AT TIME ZONE 'UTC') AND closed_at IS NOT NULL",
        "DELETE FROM prodgate_console_deploys WHERE deployed_at < ($1::timestamp AT TIME ZONE 'UTC')",
        "DELETE FROM prodgate_console_builds WHERE started_at < ($1::timestamp AT TIME ZONE 'UTC')",
    ])
        n += (await db.query(sql, [cutoff])).rowCount ?? 0;
    return n;
}
// ---- reads ----
async function loadDaily(db, ids, fromDay) {
    const res = await db.query(`SELECT surface_id, to_char(day, 'YYYY-MM-DD') AS day, polls_ok, polls_failed, polls_no_data, polls_maintenance,
            latency_p50_ms, latency_p95_ms
       FROM prodgate_console_daily WHERE surface_id = ANY($1) AND day >= $2::date ORDER BY surface_id, day`, [ids, fromDay]);
    const out = new Map(ids.map((id) => [id, []]));
    for (const r of res.rows)
        out.get(r.surface_id)?.push({
            day: r.day,
            ok: r.polls_ok,
            failed: r.polls_failed,
            noData: r.polls_no_data,
            maintenance: r.polls_maintenance,
            p50: r.latency_p50_ms,
            p95: r.latency_p95_ms,
        });
    return out;
}
/** Poll counts of each surface over (from, to], from the raw log, maintenance left out. */
async function rawCounts(db, targets, from, to, pollTable = poll_log/* DEFAULT_POLL_TABLE */.Fk) {
    const t = (0,store_db/* quoteIdent */.v4)("poll-table", pollTable);
    const res = await db.query(`WITH ${targetsCte(1)},
     p AS (
       SELECT p.surface_id, p.probe_ok, ${HAS_DATA} AS has_data, (w.maint @> p.polled_at) AS maint
       FROM ${t} p JOIN w ON w.surface_id = p.surface_id AND w.vendor_call = p.vendor_call
       WHERE p.polled_at > $4::timestamp AND p.polled_at <= $5::timestamp
     )
     SELECT surface_id, count(*) FILTER (WHERE NOT maint AND probe_ok)::int AS ok,
            count(*) FILTER (WHERE NOT maint AND has_data AND NOT probe_ok)::int AS failed,
            count(*) FILTER (WHERE NOT maint AND NOT has_data)::int AS no_data,
            count(*) FILTER (WHERE maint)::int AS maint
     FROM p GROUP BY surface_id`, [...targetParams(targets), ts(from.getTime()), ts(to.getTime())]);
    const out = new Map();
    for (const r of res.rows)
        out.set(r.surface_id, { ok: r.ok, failed: r.failed, noData: r.no_data, maintenance: r.maint });
    return out;
}
/** The last `limit` liveness rows of each surface up to `now` (seed 000: 288, 24 h at 5 minutes). */
async function recentHistory(db, targets, now, limit = 288, pollTable = poll_log/* DEFAULT_POLL_TABLE */.Fk) {
    const t = (0,store_db/* quoteIdent */.v4)("poll-table", pollTable);
    const res = await db.query(`SELECT w.surface_id, h.polled_at AT TIME ZONE 'UTC' AS polled_at, h.probe_ok, h.latency_ms
       FROM unnest($1::text[], $2::text[]) AS w(surface_id, vendor_call)
       CROSS JOIN LATERAL (
         SELECT polled_at, probe_ok, latency_ms FROM ${t} p
          WHERE p.surface_id = w.surface_id AND p.vendor_call = w.vendor_call AND p.polled_at <= $3::timestamp
          ORDER BY polled_at DESC LIMIT $4) h`, [targets.map((x) => x.id), targets.map((x) => x.call), ts(now.getTime()), limit]);
    const out = new Map(targets.map((x) => [x.id, []]));
    for (const r of res.rows)
        out.get(r.surface_id)?.push({
            polled_at: new Date(r.polled_at.getTime()).toISOString(),
            probe_ok: r.probe_ok,
            latency_ms: r.latency_ms,
        });
    for (const list of out.values())
        list.reverse();
    return out;
}
/** Incidents of the surfaces that ended on or after `from`, or still run. Issues are joined by the caller. */
async function loadIncidents(db, ids, from) {
    const res = await db.query(`SELECT surface_id, started_at AT TIME ZONE 'UTC' AS started_at, ended_at AT TIME ZONE 'UTC' AS ended_at,
            failing_polls, open, recovered_at AT TIME ZONE 'UTC' AS recovered_at FROM prodgate_console_incidents
      WHERE surface_id = ANY($1) AND (open OR ended_at >= $2::timestamp) ORDER BY started_at DESC`, [ids, ts(from.getTime())]);
    return res.rows.map((r) => {
        const s = r.started_at.getTime();
        const e = r.ended_at.getTime();
        return {
            surface: r.surface_id,
            started_at: new Date(s).toISOString(),
            ended_at: new Date(e).toISOString(),
            failing_polls: r.failing_polls,
            open: r.open,
            recovered_at: r.recovered_at ? new Date(r.recovered_at.getTime()).toISOString() : null,
            duration_ms: e - s,
        };
    });
}

// EXTERNAL MODULE: ./.build/js/store/sweep-records.js
var sweep_records = __webpack_require__(5001);
;// CONCATENATED MODULE: ./.build/js/pipelines/console.js














const DEFAULT_CONSOLE_SETTINGS = {
    title: "Status",
    intervalMs: 300_000,
    environment: "production",
    secrets: false,
    fullRefresh: false,
};
const console_DAY_MS = 86_400_000;
const day = (t) => new Date(t).toISOString().slice(0, 10);
/** The audit target of a surface: its Heroku app, its Pages project, or its id. */
function auditTargets(s) {
    return [s.heroku?.app, s.cloudflarePages?.project, s.id].filter((x) => Boolean(x));
}
async function buildConsole(registry, settings, ports) {
    const clock = ports.clock ?? core_ports/* systemClock */.m;
    const reporter = ports.reporter ?? core_ports/* silentReporter */.P;
    const db = ports.db;
    const now = clock.now();
    const t = now.getTime();
    const surfaces = (0,core_registry/* activeSurfaces */.VJ)(registry);
    const windows = registry.maintenance ?? [];
    const ids = surfaces.map((s) => s.id);
    const span = (id) => (0,console_maintenance/* maintenanceIntervals */.kq)(windows, id, t - 100 * console_DAY_MS, t + 1);
    const targets = surfaces.flatMap((s) => {
        const call = (0,core_status/* livenessCall */.Cw)(s);
        return call ? [{ id: s.id, call, maintenance: span(s.id) }] : [];
    });
    const refresh = await refreshRollups(db, targets, { now, full: settings.fullRefresh });
    reporter.debug(`rollups: ${refresh.days} day row(s), ${refresh.incidents} incident(s) from ${refresh.from}`);
    const from90 = windowStart(now, 90);
    const [memory, sparks, daily, counts24, history, incidentRows, issues, seen] = await Promise.all([
        (0,poll_log/* loadSurfaceMemory */.rC)(db, ids),
        (0,poll_log/* sparklines */.B8)(db, targets.map((x) => ({ surfaceId: x.id, call: x.call })), now),
        loadDaily(db, ids, day(from90.getTime())),
        rawCounts(db, targets, new Date(t - console_DAY_MS), now),
        recentHistory(db, targets, now),
        loadIncidents(db, ids, from90),
        (0,sweep_records/* loadIssues */.l6)(db, ids, new Date(from90.getTime() - console_DAY_MS)),
        (0,sweep_records/* recentSeen */.VW)(db, ids, now),
    ]);
    const [events, rotations, snapshot, vendors, lastSweepAt] = await Promise.all([
        (0,console_sources/* loadAuditEvents */.zX)(db, settings.environment, new Date(from90.getTime() - console_DAY_MS), settings.auditTable),
        (0,console_sources/* recentRotations */.h0)(db, 5, settings.rotationTable),
        (0,console_sources/* loadSecretSnapshot */.zH)(db),
        (0,poll_log/* vendorHistory */.VK)(db),
        (0,poll_log/* previousSweepAt */.T7)(db),
    ]);
    const incidents = joinIssues(incidentRows, issues, 2 * settings.intervalMs + 60_000);
    const consoleSurfaces = surfaces.map((s) => {
        const site = memory.get(s.id)?.site ?? null;
        const active = (0,console_maintenance/* activeMaintenance */.a7)(windows, s.id, t) ?? null;
        const rows = daily.get(s.id) ?? [];
        const uptime = UPTIME_WINDOWS.map((w) => {
            if (w === "24h")
                return uptimeWindow(w, counts24.get(s.id) ?? { ok: 0, failed: 0, noData: 0, maintenance: 0 }, t - console_DAY_MS, t, (0,console_maintenance/* maintenanceIntervals */.kq)(windows, s.id, t - console_DAY_MS, t), settings.intervalMs);
            const from = windowStart(now, Number.parseInt(w, 10)).getTime();
            const counts = sumCounts(rows.filter((r) => r.day >= day(from)));
            return uptimeWindow(w, counts, from, t, (0,console_maintenance/* maintenanceIntervals */.kq)(windows, s.id, from, t), settings.intervalMs);
        });
        const sparkMaintenance = new Array(core_status/* SPARK_BUCKETS */.Mm).fill(false);
        for (const iv of (0,console_maintenance/* maintenanceIntervals */.kq)(windows, s.id, t - console_DAY_MS, t))
            for (let b = Math.floor(iv.start / core_status/* SPARK_BUCKET_MS */.ql) * core_status/* SPARK_BUCKET_MS */.ql; b < iv.end; b += core_status/* SPARK_BUCKET_MS */.ql) {
                const i = (0,core_status/* sparkIndex */.gg)(new Date(b), now);
                if (i !== undefined)
                    sparkMaintenance[i] = true;
            }
        const targetsOf = new Set(auditTargets(s));
        return {
            id: s.id,
            hostname: s.hostname,
            provider: s.provider,
            site,
            state: active ? "maintenance" : (site?.status ?? "unknown"),
            maintenance: active,
            upcoming: (0,console_maintenance/* maintenanceIntervals */.kq)(windows, s.id, t, t + 30 * console_DAY_MS).filter((iv) => iv.start > t),
            maxDeployAgeDays: s.heroku?.maxDeployAgeDays ?? s.cloudflarePages?.maxDeployAgeDays,
            spark: sparks.get(s.id) ?? new Array(core_status/* SPARK_BUCKETS */.Mm).fill(null),
            sparkMaintenance,
            history: history.get(s.id) ?? [],
            uptime,
            daily: rows,
            incidents: incidents.filter((i) => i.surface === s.id),
            deploys: seen.deploys.get(s.id) ?? [],
            builds: seen.builds.get(s.id) ?? [],
            activity: recentActivity(events.filter((e) => targetsOf.has(e.target)), settings.environment, 5),
            secrets: snapshot.secrets.filter((m) => m.affected_sites.includes(s.id)),
        };
    });
    const degraded = (0,core_status/* degradedVendors */.E_)(vendors).map((d) => d.vendor);
    const builds = consoleSurfaces
        .flatMap((s) => s.builds.map((b) => ({ ...b, surface: s.id })))
        .sort((a, b) => (a.started_at < b.started_at ? 1 : a.started_at > b.started_at ? -1 : 0))
        .slice(0, 5);
    const data = {
        title: settings.title,
        now,
        intervalMs: settings.intervalMs,
        environment: settings.environment,
        surfaces: consoleSurfaces,
        alerts: consoleAlerts({
            surfaces: consoleSurfaces,
            secrets: snapshot.secrets,
            secretsPublished: settings.secrets,
            degradedVendors: degraded,
            lastSweepAt: lastSweepAt ?? null,
            intervalMs: settings.intervalMs,
            now,
        }),
        degradedVendors: degraded,
        lastSweepAt: lastSweepAt ?? null,
        activity: recentActivity(events, settings.environment, 10),
        builds,
        rotations,
        secrets: {
            published: settings.secrets,
            secrets: settings.secrets ? snapshot.secrets : [],
            fetched_at: snapshot.fetchedAt,
            vault_reachable: snapshot.vaultReachable,
        },
        delivery: deliveryReport(events, settings.environment, now),
        maintenance: feedMaintenance(windows, ids, t),
    };
    const opts = settings.baseUrl ? { baseUrl: settings.baseUrl } : {};
    return { data, files: renderConsole(data, opts), refresh };
}
/** Maintenance occurrences of the last and next 30 days, one per window occurrence, with its surfaces. */
function feedMaintenance(windows, ids, t) {
    const out = [];
    for (const w of windows)
        for (const iv of (0,console_maintenance/* occurrences */.T5)(w, t - 30 * console_DAY_MS, t + 30 * console_DAY_MS))
            out.push({ ...iv, surfaces: (w.surfaces ?? ids).filter((id) => ids.includes(id)) });
    return out.filter((m) => m.surfaces.length > 0);
}
/** Folders the console owns: files in them that this build did not write are removed. */
const OWNED = ["sites", "badges", "api/status/sites"];
/** Files written only when secrets are published: removed when they are not. */
const SECRET_FILES = ["secrets.html", "api/status/secrets.json"];
/** Writes the console into `dir`; returns what it wrote. Stale pages (a removed surface, unpublished secrets) go. */
function writeConsole(dir, files) {
    let bytes = 0;
    let pageBytes = 0;
    for (const [path, content] of files) {
        const full = (0,external_node_path_.join)(dir, ...path.split("/"));
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(full), { recursive: true });
        (0,external_node_fs_.writeFileSync)(full, content);
        const n = Buffer.byteLength(content);
        bytes += n;
        if (path.endsWith(".html"))
            pageBytes += n;
    }
    for (const folder of OWNED) {
        const full = (0,external_node_path_.join)(dir, ...folder.split("/"));
        if (!(0,external_node_fs_.existsSync)(full))
            continue;
        for (const e of (0,external_node_fs_.readdirSync)(full, { withFileTypes: true }))
            if (e.isFile() && !files.has(`${folder}/${e.name}`))
                (0,external_node_fs_.rmSync)((0,external_node_path_.join)(full, e.name));
    }
    for (const f of SECRET_FILES)
        if (!files.has(f))
            (0,external_node_fs_.rmSync)((0,external_node_path_.join)(dir, ...f.split("/")), { force: true });
    return { files: files.size, bytes, pageBytes };
}


/***/ }),

/***/ 4772:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I1: () => (/* binding */ saveSecretSnapshot),
/* harmony export */   h0: () => (/* binding */ recentRotations),
/* harmony export */   zH: () => (/* binding */ loadSecretSnapshot),
/* harmony export */   zX: () => (/* binding */ loadAuditEvents)
/* harmony export */ });
/* harmony import */ var _db_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6522);
/* harmony import */ var _migrate_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1243);


/**
 * What the console reads from the other stores: production deploy and rollback rows of the audit log, the
 * newest rotation jobs, and the secrets' metadata the rotation sweep saved (prodgate_console_secrets). Each
 * read walks an index: the audit log by (target, created_at), the jobs by (secret_name, triggered_at).
 */
/** The last rotation sweep's SecretMeta of every secret (metadata only; the report never holds a value). */
async function saveSecretSnapshot(db, report) {
    const vaultReachable = !report.secrets.some((s) => s.source === "infisical" && s.error);
    await db.query(`WITH s AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(name text, meta jsonb))
     INSERT INTO prodgate_console_secrets (secret_name, meta, fetched_at, vault_reachable)
     SELECT name, meta, $2, $3 FROM s
     ON CONFLICT (secret_name) DO UPDATE SET meta = EXCLUDED.meta, fetched_at = EXCLUDED.fetched_at,
       vault_reachable = EXCLUDED.vault_reachable`, [
        JSON.stringify(report.secrets.map((s) => ({ name: s.name, meta: s }))),
        report.fetched_at,
        vaultReachable,
    ]);
    // Secrets no longer in the inventory leave the console.
    await db.query("DELETE FROM prodgate_console_secrets WHERE NOT (secret_name = ANY($1))", [
        report.secrets.map((s) => s.name),
    ]);
}
async function loadSecretSnapshot(db) {
    const res = await db.query("SELECT meta, fetched_at, vault_reachable FROM prodgate_console_secrets ORDER BY secret_name");
    const newest = res.rows.reduce((m, r) => (!m || r.fetched_at > m ? r.fetched_at : m), null);
    return {
        secrets: res.rows.map((r) => r.meta),
        fetchedAt: newest?.toISOString() ?? null,
        vaultReachable: res.rows.every((r) => r.vault_reachable),
    };
}
/**
 * Audit rows of `deploy.<environment>` and `rollback.<environment>` since `since`: every target found by a
 * loose index scan, then each target's rows by (target, created_at).
 */
async function loadAuditEvents(db, environment, since, table = _migrate_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_TABLES */ .uB.audit) {
    const t = (0,_db_js__WEBPACK_IMPORTED_MODULE_0__/* .quoteIdent */ .v4)("table", table);
    const res = await db.query(`WITH RECURSIVE targets(target) AS (
       (SELECT target FROM ${t} ORDER BY target LIMIT 1)
       UNION ALL
       SELECT (SELECT a.target FROM ${t} a WHERE a.target > targets.target ORDER BY a.target LIMIT 1)
         FROM targets WHERE targets.target IS NOT NULL
     )
     SELECT r.id::text AS id, r.action, r.actor, r.target, r.outcome, r.context, r.created_at
       FROM targets CROSS JOIN LATERAL (
         SELECT * FROM ${t} a WHERE a.target = targets.target AND a.created_at >= $1 AND a.action = ANY($2)
       ) r
      WHERE targets.target IS NOT NULL
      ORDER BY r.created_at, r.id`, [since, [`deploy.${environment}`, `rollback.${environment}`]]);
    return res.rows.map((r) => ({
        id: r.id,
        action: r.action,
        actor: r.actor,
        target: r.target,
        outcome: r.outcome,
        context: r.context ?? {},
        createdAt: r.created_at,
    }));
}
/** The `limit` newest rotation jobs of any secret. */
async function recentRotations(db, limit = 5, table = _migrate_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_TABLES */ .uB.rotation) {
    const t = (0,_db_js__WEBPACK_IMPORTED_MODULE_0__/* .quoteIdent */ .v4)("rotation-table", table);
    const res = await db.query(`WITH RECURSIVE names(n) AS (
       (SELECT secret_name FROM ${t} ORDER BY secret_name LIMIT 1)
       UNION ALL
       SELECT (SELECT j.secret_name FROM ${t} j WHERE j.secret_name > names.n ORDER BY j.secret_name LIMIT 1)
         FROM names WHERE names.n IS NOT NULL
     )
     SELECT r.* FROM names CROSS JOIN LATERAL (
       SELECT * FROM ${t} j WHERE j.secret_name = names.n ORDER BY j.triggered_at DESC LIMIT $1
     ) r WHERE names.n IS NOT NULL
     ORDER BY r.triggered_at DESC LIMIT $1`, [limit]);
    return res.rows.map((r) => ({
        id: r.id,
        secretName: r.secret_name,
        triggeredBy: r.triggered_by,
        triggeredAt: r.triggered_at,
        status: r.status,
        steps: r.steps_json,
        completedAt: r.completed_at,
        errorMsg: r.error_msg,
    }));
}


/***/ }),

/***/ 5001:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BP: () => (/* binding */ recordSeen),
/* harmony export */   VW: () => (/* binding */ recentSeen),
/* harmony export */   ee: () => (/* binding */ recordIssues),
/* harmony export */   l6: () => (/* binding */ loadIssues)
/* harmony export */ });
const DAY_MS = 86_400_000;
/**
 * What the status sweep records beside the poll log for the console: the incident issues it opened and
 * closed, and the deploys and CI runs it saw on each surface.
 */
/** Incident issues the sweep opened or closed. */
async function recordIssues(db, actions, at) {
    for (const a of actions) {
        if (a.action === "opened")
            await db.query(`INSERT INTO prodgate_console_issues (surface_id, issue, url, opened_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (surface_id, issue) DO NOTHING`, [a.id, a.issue, a.url ?? null, at]);
        else
            await db.query(`INSERT INTO prodgate_console_issues (surface_id, issue, opened_at, closed_at) VALUES ($1, $2, $3, $3)
         ON CONFLICT (surface_id, issue) DO UPDATE SET closed_at = EXCLUDED.closed_at`, [a.id, a.issue, at]);
    }
}
async function loadIssues(db, ids, from) {
    const res = await db.query(`SELECT surface_id, issue, url, opened_at, closed_at FROM prodgate_console_issues
      WHERE surface_id = ANY($1) AND (closed_at IS NULL OR closed_at >= $2)`, [ids, from]);
    return res.rows.map((r) => ({
        surface: r.surface_id,
        issue: r.issue,
        url: r.url,
        opened_at: r.opened_at.toISOString(),
        closed_at: r.closed_at?.toISOString() ?? null,
    }));
}
/** The deploy and the CI run each surface showed this sweep (one row each, however often seen). */
async function recordSeen(db, sites, at) {
    const deploys = sites.filter((s) => s.last_deploy).map((s) => ({ id: s.id, d: s.last_deploy }));
    const builds = sites.filter((s) => s.build_status).map((s) => ({ id: s.id, b: s.build_status }));
    if (deploys.length)
        await db.query(`INSERT INTO prodgate_console_deploys (surface_id, deploy_id, deployed_at, author, status, seen_at)
       SELECT *, $6::timestamptz FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::text[])
       ON CONFLICT (surface_id, deploy_id) DO UPDATE SET status = EXCLUDED.status, seen_at = EXCLUDED.seen_at`, [
            deploys.map((x) => x.id),
            deploys.map((x) => x.d.deploy_id),
            deploys.map((x) => x.d.deployed_at),
            deploys.map((x) => x.d.author.slice(0, 200)),
            deploys.map((x) => x.d.status),
            at,
        ]);
    if (builds.length)
        await db.query(`INSERT INTO prodgate_console_builds (surface_id, run_id, conclusion, run_url, trigger, author, started_at, seen_at)
       SELECT *, $8::timestamptz FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
         $7::timestamptz[])
       ON CONFLICT (surface_id, run_id) DO UPDATE SET conclusion = EXCLUDED.conclusion, seen_at = EXCLUDED.seen_at`, [
            builds.map((x) => x.id),
            builds.map((x) => x.b.run_id),
            builds.map((x) => x.b.conclusion),
            builds.map((x) => x.b.run_url),
            builds.map((x) => x.b.trigger),
            builds.map((x) => x.b.author.slice(0, 200)),
            builds.map((x) => x.b.started_at),
            at,
        ]);
}
/** The `limit` newest deploys and CI runs of each surface. */
async function recentSeen(db, ids, now, limit = 5) {
    const d = await db.query(`SELECT i.id AS surface_id, x.* FROM unnest($1::text[]) AS i(id) CROSS JOIN LATERAL (
       SELECT deploy_id, deployed_at, author, status FROM prodgate_console_deploys
        WHERE surface_id = i.id ORDER BY deployed_at DESC LIMIT $2) x`, [ids, limit]);
    const b = await db.query(`SELECT i.id AS surface_id, x.* FROM unnest($1::text[]) AS i(id) CROSS JOIN LATERAL (
       SELECT run_id, conclusion, run_url, trigger, author, started_at FROM prodgate_console_builds
        WHERE surface_id = i.id ORDER BY started_at DESC LIMIT $2) x`, [ids, limit]);
    const deploys = new Map(ids.map((id) => [id, []]));
    const builds = new Map(ids.map((id) => [id, []]));
    for (const r of d.rows)
        deploys.get(r.surface_id)?.push({
            deploy_id: r.deploy_id,
            deployed_at: r.deployed_at.toISOString(),
            author: r.author,
            status: r.status,
            age_days: Math.round(((now.getTime() - r.deployed_at.getTime()) / DAY_MS) * 100) / 100,
        });
    for (const r of b.rows)
        builds.get(r.surface_id)?.push({
            run_id: r.run_id,
            conclusion: r.conclusion,
            run_url: r.run_url,
            trigger: r.trigger,
            author: r.author,
            started_at: r.started_at.toISOString(),
        });
    return { deploys, builds };
}


/***/ })

};
