export const id = 742;
export const ids = [742];
export const modules = {

/***/ 5192:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Mm: () => (/* reexport */ SPARK_BUCKETS),
  ql: () => (/* reexport */ SPARK_BUCKET_MS),
  Wp: () => (/* reexport */ STATE_MARKERS),
  cL: () => (/* reexport */ VENDORS),
  MX: () => (/* reexport */ VENDOR_NAMES),
  Qh: () => (/* reexport */ buildAlerts),
  ey: () => (/* reexport */ buildInfoFromRun),
  I3: () => (/* reexport */ buildStatusDocument),
  L8: () => (/* reexport */ classify),
  hH: () => (/* reexport */ decideTransitions),
  E_: () => (/* reexport */ degradedVendors),
  UG: () => (/* reexport */ expectedCalls),
  Ty: () => (/* reexport */ incidentBody),
  X9: () => (/* reexport */ incidentMarker),
  Bl: () => (/* reexport */ incidentTitle),
  Cw: () => (/* reexport */ livenessCall),
  rg: () => (/* reexport */ pathMatches),
  n_: () => (/* reexport */ recoveryComment),
  sz: () => (/* reexport */ renderSlackChanges),
  EP: () => (/* reexport */ renderStatusPage),
  Xf: () => (/* reexport */ renderSweepSummary),
  CF: () => (/* reexport */ runMatchesWorkflow),
  IS: () => (/* reexport */ shardOf),
  gg: () => (/* reexport */ sparkIndex),
  Hf: () => (/* reexport */ sweepGap),
  AK: () => (/* reexport */ vendorOf)
});

// UNUSED EXPORTS: DEGRADED_AFTER, SURFACE_STATES, VENDOR_CALLS, VENDOR_WHAT, ageDays, formatAge, formatDays, renderSparkline, truncate

// EXTERNAL MODULE: ./.build/js/core/duration.js
var duration = __webpack_require__(8760);
;// CONCATENATED MODULE: ./.build/js/core/status/shapes.js
/**
 * The status sweep's shapes (seed 000 §4.2, §4.4): what a vendor call saw, the SiteStatus / DeployInfo /
 * BuildInfo documents, and which calls a surface needs.
 */
const SURFACE_STATES = ["healthy", "degraded", "down", "stale", "unknown"];
const VENDOR_CALLS = (/* unused pure expression or super */ null && ([
    "heroku_dyno",
    "heroku_release",
    "cf_pages",
    "github_actions",
    "http_health",
]));
const VENDORS = ["heroku", "cloudflare", "github"];
const VENDOR_NAMES = {
    heroku: "Heroku",
    cloudflare: "Cloudflare",
    github: "GitHub",
};
const VENDOR_WHAT = {
    heroku: "dyno status unavailable",
    cloudflare: "deploy status unavailable",
    github: "build status unavailable",
};
/** The vendor API behind a call; undefined for the surface's own health endpoint. */
function vendorOf(call) {
    if (call === "heroku_dyno" || call === "heroku_release")
        return "heroku";
    if (call === "cf_pages")
        return "cloudflare";
    if (call === "github_actions")
        return "github";
    return undefined;
}
/** The calls a surface needs each sweep. */
function expectedCalls(surface) {
    const calls = [];
    if (surface.health)
        calls.push("http_health");
    if (surface.provider === "heroku" && surface.heroku)
        calls.push("heroku_dyno", "heroku_release");
    if (surface.provider === "cloudflare_pages" && surface.cloudflarePages)
        calls.push("cf_pages");
    if (surface.builds)
        calls.push("github_actions");
    return calls;
}
/** Which call's result the sparkline and liveness show. */
function livenessCall(surface) {
    if (surface.health)
        return "http_health";
    if (surface.provider === "heroku" && surface.heroku)
        return "heroku_dyno";
    if (surface.provider === "cloudflare_pages" && surface.cloudflarePages)
        return "cf_pages";
    return undefined;
}
const SPARK_BUCKETS = 288; // 24 h at 5-minute granularity
const SPARK_BUCKET_MS = 300_000;
/** Index of the 5-minute bucket of `at` in the 24 hours ending at `now` (or undefined outside it). */
function sparkIndex(at, now) {
    const end = Math.floor(now.getTime() / SPARK_BUCKET_MS);
    const i = SPARK_BUCKETS - 1 - (end - Math.floor(at.getTime() / SPARK_BUCKET_MS));
    return i >= 0 && i < SPARK_BUCKETS ? i : undefined;
}

;// CONCATENATED MODULE: ./.build/js/core/status/alerts.js


function buildAlerts({ verdicts, degraded, gap, now }) {
    const alerts = [];
    if (gap?.over)
        alerts.push({
            level: "warning",
            kind: "gap",
            text: `Sweep gap: ${(0,duration/* formatDuration */.a3)(gap.gapMs)} since the previous sweep (expected every ${(0,duration/* formatDuration */.a3)(gap.expectedMs)}); scheduled runs were likely dropped`,
        });
    const unreachable = new Set();
    const stale = new Map(); // vendor → oldest checked_at
    for (const v of verdicts) {
        const id = v.site.id;
        for (const f of v.findings) {
            if (f.kind === "liveness" || (f.kind === "dynos" && f.weight === "down"))
                alerts.push({ level: "error", kind: "liveness", surface: id, text: `${id} ${f.text}` });
            else if (f.kind === "deploy-age")
                alerts.push({ level: "warning", kind: "deploy-age", surface: id, text: `${id} ${f.text}` });
            else if (f.weight === "degraded")
                alerts.push({ level: "warning", kind: "degraded", surface: id, text: `${id} degraded: ${f.text}` });
            else if (f.kind === "vendor-unreachable" && f.vendor)
                unreachable.add(f.vendor);
            else if ((f.kind === "rate-limited" || f.kind === "build-stale") && f.vendor) {
                const at = f.vendor === "github" ? (v.site.build_status ? v.site.checked_at : undefined) : v.site.checked_at;
                if (at && (!stale.has(f.vendor) || at < stale.get(f.vendor)))
                    stale.set(f.vendor, at);
            }
            else if (f.kind === "deadline")
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
    const seen = new Set();
    return alerts.filter((a) => !seen.has(a.text) && Boolean(seen.add(a.text)));
}
function formatAge(ms) {
    const s = Math.max(0, Math.round(ms / 1000));
    if (s < 60)
        return `${s}s`;
    const m = Math.round(s / 60);
    if (m < 60)
        return `${m} min`;
    const h = Math.floor(m / 60);
    if (h < 48)
        return `${h}h ${m % 60}m`;
    return `${Math.round(h / 24)} days`;
}
// ---- status.json ----
function buildStatusDocument(sites, degraded, now) {
    const oldest = sites.reduce((min, s) => Math.min(min, Date.parse(s.checked_at) || now.getTime()), now.getTime());
    return {
        sites,
        cache_age_seconds: Math.max(0, Math.round((now.getTime() - oldest) / 1000)),
        degraded_vendors: [...degraded].sort(),
        generated_at: now.toISOString(),
    };
}

;// CONCATENATED MODULE: ./.build/js/core/status/builds.js
function buildInfoFromRun(run) {
    let conclusion;
    if (run.status !== "completed")
        conclusion = "in_progress";
    else if (run.conclusion === "success")
        conclusion = "success";
    else if (run.conclusion === "failure" ||
        run.conclusion === "timed_out" ||
        run.conclusion === "startup_failure")
        conclusion = "failure";
    else if (run.conclusion === "cancelled")
        conclusion = "cancelled";
    else
        conclusion = "unknown";
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
function runMatchesWorkflow(run, workflow) {
    const file = workflow.replace(/^\.github\/workflows\//, "");
    const path = (run.path ?? "").replace(/@.*$/, "");
    return path === `.github/workflows/${file}` || path.endsWith(`/${file}`) || path === file;
}
/** Glob match for source paths: `**` any depth, `*` one segment, `?` one character, `dir/` a prefix. */
function pathMatches(file, glob) {
    if (glob.endsWith("/"))
        return file.startsWith(glob);
    let re = "";
    for (let i = 0; i < glob.length; i++) {
        const c = glob[i];
        if (c === "*" && glob[i + 1] === "*") {
            re += ".*";
            i++;
            if (glob[i + 1] === "/")
                i++;
        }
        else if (c === "*")
            re += "[^/]*";
        else if (c === "?")
            re += "[^/]";
        else
            re += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
    }
    return new RegExp(`^${re}$`).test(file);
}
// ---- shards ----
/** The surfaces of shard `index` (0-based) of `total`: round-robin in registry order, so shards stay balanced. */
function shardOf(items, index, total) {
    return items.filter((_, i) => i % total === index);
}

;// CONCATENATED MODULE: ./.build/js/core/status/classify.js

const DAY_MS = 86_400_000;
function ageDays(deployedAt, now) {
    const t = Date.parse(deployedAt);
    if (Number.isNaN(t))
        return 0;
    return Math.round(((now.getTime() - t) / DAY_MS) * 100) / 100;
}
/**
 * Classifies one surface from this sweep's calls, falling back on the previous status for data a vendor
 * could not give (rate-limited: stale). Order of precedence: down > degraded > unknown > stale > healthy.
 */
function classify(surface, probe, previous, now, missingText = "not probed before the sweep deadline") {
    const findings = [];
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
    const usable = (c) => {
        if (!c)
            return false;
        const vendor = vendorOf(c.call);
        if (!vendor)
            return true;
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
                text: c.statusCode === 401 || c.statusCode === 403
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
    let lastDeploy = previous?.last_deploy
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
        }
        else if (!deployCall.ok) {
            lastDeploy = null;
            findings.push({
                kind: "not-found",
                text: deployCall.error ?? "deploys unavailable",
                weight: "degraded",
            });
        }
        else {
            lastDeploy = null;
            findings.push({
                kind: "deploy-missing",
                text: deployVendor === "cloudflare"
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
    let build = previous?.build_status ?? null;
    if (actions) {
        if (usable(actions))
            build = probe?.build ?? null;
        else if (build)
            findings.push({ kind: "build-stale", text: "build status from an earlier sweep", weight: "info" });
    }
    // Liveness: the health probe, else the provider's own probe, else what was last known.
    const primary = health ?? dyno ?? pages;
    let liveness;
    const primaryFresh = primary && (primary === health || (primary.answered && !primary.rateLimited));
    if (primary && primaryFresh) {
        liveness = {
            ok: primary === dyno ? (probe?.dynos?.up ?? 0) > 0 : primary.ok,
            latency_ms: Math.round(primary.latencyMs),
            status_code: primary.statusCode,
            checked_at: primary.at,
        };
    }
    else if (previous) {
        liveness = previous.liveness;
    }
    else {
        liveness = {
            ok: false,
            latency_ms: primary ? Math.round(primary.latencyMs) : 0,
            status_code: primary?.statusCode ?? null,
            checked_at: primary?.at ?? now.toISOString(),
        };
    }
    const weights = new Set(findings.map((f) => f.weight));
    const status = weights.has("down")
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
    const checkedAt = (status === "stale" || status === "unknown") && previous
        ? previous.checked_at
        : (fresh.sort().at(-1) ??
            [...calls.values()]
                .map((c) => c.at)
                .sort()
                .at(-1) ??
            previous?.checked_at ??
            now.toISOString());
    const site = {
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
function pushOnce(findings, f) {
    if (!findings.some((x) => x.kind === f.kind && x.vendor === f.vendor))
        findings.push(f);
}
function formatDays(days) {
    if (days < 1 / 24)
        return `${Math.max(0, Math.round(days * 1440))}m`;
    if (days < 1)
        return `${Math.round(days * 24)}h`;
    return `${days < 10 ? days.toFixed(1) : Math.round(days)} days`;
}
const DEGRADED_AFTER = 3;
/**
 * Vendors whose last polls failed more than `DEGRADED_AFTER` times in a row. A sweep in which the vendor
 * only rate-limited neither breaks nor extends the run.
 */
function degradedVendors(history, threshold = DEGRADED_AFTER) {
    const out = [];
    for (const vendor of VENDORS) {
        const sweeps = history
            .filter((h) => h.vendor === vendor)
            .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
        let failures = 0;
        for (const s of sweeps) {
            if (s.answered)
                break;
            if (s.failed)
                failures++;
        }
        if (failures > threshold)
            out.push({ vendor, failures });
    }
    return out;
}
/**
 * What changed since the previous sweep. stale and unknown hold the last known state (missing data is not a
 * change); a surface seen for the first time counts as having been healthy. An incident opens when a surface's
 * own signals turn unhealthy and none is open, and closes when it is healthy again.
 */
function decideTransitions(verdicts, previous, now) {
    const changes = [];
    const open = [];
    const close = [];
    const next = [];
    for (const v of verdicts) {
        const prev = previous.get(v.site.id);
        const status = v.site.status;
        const known = status === "healthy" || status === "degraded" || status === "down"
            ? status
            : (prev?.knownState ?? "healthy");
        const before = prev?.knownState ?? "healthy";
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
        if (v.incident && incidentIssue === null)
            open.push(v);
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
/** GitHub drops scheduled runs under load: a gap over 3× the expected interval is reported. */
function sweepGap(previousAt, now, expectedMs) {
    if (!previousAt || !expectedMs)
        return undefined;
    const gapMs = Math.max(0, now.getTime() - Date.parse(previousAt));
    return { previousAt, gapMs, expectedMs, over: gapMs > 3 * expectedMs };
}

;// CONCATENATED MODULE: ./.build/js/core/status/html.js



/** The sweep's self-contained status page (index.html) and its 24-hour sparkline. */
/**
 * An inline SVG: one bar per 5 minutes, green when every call passed, red when one failed, grey where there is
 * no data (missing data is not a failure). Bar height follows latency.
 */
function renderSparkline(id, buckets) {
    const w = SPARK_BUCKETS;
    const h = 28;
    const maxLatency = Math.max(1, ...buckets.map((b) => (b && !b.failed ? b.latencyMs : 0)));
    let ok = 0;
    let failed = 0;
    let missing = 0;
    const parts = [];
    let run = 0;
    const flushMissing = (end) => {
        if (run > 0)
            parts.push(`<rect class="m" x="${end - run}" y="${h - 4}" width="${run}" height="4"/>`);
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
        }
        else {
            ok++;
            const bh = Math.max(6, Math.round((Math.log1p(b.latencyMs) / Math.log1p(maxLatency)) * (h - 2)));
            parts.push(`<rect class="p" x="${i}" y="${h - bh}" width="1" height="${bh}"/>`);
        }
    });
    flushMissing(buckets.length);
    const label = `24-hour history of ${id}: ${ok} passing, ${failed} failing, ${missing} without data (5-minute steps)`;
    return `<svg class="sparkline" data-ok="${ok}" data-failed="${failed}" data-missing="${missing}" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" preserveAspectRatio="none" role="img" aria-label="${html(label)}"><title>${html(label)}</title>${parts.join("")}</svg>`;
}
/** One self-contained index.html: inline CSS and SVG, no scripts, no outside assets. */
function renderStatusPage(input) {
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
    const counts = SURFACE_STATES.map((st) => [st, doc.sites.filter((s) => s.status === st).length])
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
function html(text) {
    return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
function safeHref(url) {
    return /^https?:\/\//i.test(url) ? url : "#";
}

// EXTERNAL MODULE: ./.build/js/core/markdown.js
var markdown = __webpack_require__(333);
;// CONCATENATED MODULE: ./.build/js/core/status/markdown.js




/** The Markdown of a sweep: the job summary and the incident issues. */
// ---- the job summary ----
const STATE_MARKERS = {
    healthy: "🟢",
    degraded: "🟠",
    down: "🔴",
    stale: "⚪",
    unknown: "❔",
};
function renderSweepSummary(input) {
    const { doc, alerts, now } = input;
    const bad = doc.sites.filter((s) => s.status !== "healthy").length;
    const lines = [];
    lines.push(bad === 0
        ? `## 🟢 Status sweep: all ${doc.sites.length} surfaces healthy`
        : `## ${doc.sites.some((s) => s.status === "down") ? "🔴" : "🟠"} Status sweep: ${bad} of ${doc.sites.length} surfaces need attention`);
    lines.push("");
    lines.push(`Checked ${doc.generated_at.replace("T", " ").replace(/\.\d+Z$/, " UTC")} · ${input.calls} calls in ${(0,duration/* formatDuration */.a3)(input.durationMs)}${doc.degraded_vendors.length ? ` · degraded vendors: ${doc.degraded_vendors.join(", ")}` : ""}`);
    lines.push("");
    if (alerts.length || input.notes?.length) {
        lines.push("### Alerts", "");
        for (const a of alerts)
            lines.push(`- ${a.level === "error" ? "❌" : "⚠️"} ${(0,markdown/* escapeMd */.X)(a.text)}`);
        for (const n of input.notes ?? [])
            lines.push(`- ⚠️ ${(0,markdown/* escapeMd */.X)(n)}`);
        lines.push("");
    }
    if (input.changes.length || input.incidents.length) {
        lines.push("### Changes", "");
        for (const c of input.changes)
            lines.push(`- ${STATE_MARKERS[c.to]} **${(0,markdown/* escapeMd */.X)(c.id)}**: ${c.from ?? "new"} → ${c.to}${c.to === "healthy" ? "" : ` (${(0,markdown/* escapeMd */.X)(c.text)})`}`);
        for (const i of input.incidents)
            lines.push(`- ${i.action === "opened" ? "Opened" : "Closed"} incident ${i.url ? `[#${i.issue}](${i.url})` : `#${i.issue}`} for ${(0,markdown/* escapeMd */.X)(i.id)}`);
        lines.push("");
    }
    lines.push("### Surfaces", "");
    lines.push("| Surface | State | Latency | Last deploy | Last build | Data age |");
    lines.push("| --- | --- | ---: | --- | --- | ---: |");
    for (const s of doc.sites) {
        const state = `${STATE_MARKERS[s.status]} ${s.status}${s.error ? `<br>${(0,markdown/* escapeMd */.X)(truncate(s.error, 140))}` : ""}`;
        lines.push(`| **${(0,markdown/* escapeMd */.X)(s.id)}**<br>${(0,markdown/* escapeMd */.X)(s.hostname)} | ${state} | ${latencyCell(s)} | ${deployCell(s)} | ${buildCell(s, now)} | ${formatAge(now.getTime() - Date.parse(s.checked_at))} |`);
    }
    lines.push("");
    return lines.join("\n");
}
function latencyCell(s) {
    const l = s.liveness;
    return `${l.ok ? "" : "❌ "}${l.latency_ms} ms${l.status_code !== null ? ` · ${l.status_code}` : ""}`;
}
function deployCell(s) {
    const d = s.last_deploy;
    if (!d)
        return "–";
    const mark = d.status === "succeeded" ? "✓" : d.status === "failed" ? "✗" : "…";
    return `${formatDays(d.age_days)} ago ${mark} ${(0,markdown/* escapeMd */.X)(truncate(d.author, 30))}`;
}
function buildCell(s, now) {
    const b = s.build_status;
    if (!b)
        return "–";
    const mark = { success: "✅", failure: "❌", cancelled: "⊘", in_progress: "⏳", unknown: "❔" }[b.conclusion];
    return `${mark} [${b.conclusion}](${b.run_url}) · ${(0,markdown/* escapeMd */.X)(b.trigger)} · ${formatAge(now.getTime() - Date.parse(b.started_at))} ago`;
}
function truncate(text, n) {
    return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}
function incidentMarker(surfaceId) {
    return `<!-- prodgate:incident surface=${surfaceId} -->`;
}
function incidentTitle(site) {
    return `Incident: ${site.id} (${site.hostname}) is ${site.status}`;
}
function incidentBody(v, now, runUrl) {
    const s = v.site;
    return [
        incidentMarker(s.id),
        `**${(0,markdown/* escapeMd */.X)(s.id)}** (${(0,markdown/* escapeMd */.X)(s.hostname)}, ${s.provider}) turned **${s.status}** at ${now.toISOString()}.`,
        "",
        ...v.findings.filter((f) => f.weight !== "info").map((f) => `- ${(0,markdown/* escapeMd */.X)(f.text)}`),
        "",
        `Liveness: ${s.liveness.ok ? "ok" : "failing"}, ${s.liveness.latency_ms} ms${s.liveness.status_code !== null ? `, status ${s.liveness.status_code}` : ""}.`,
        runUrl ? `Found by [this status sweep](${runUrl}).` : "",
        "",
        "prodgate comments and closes this issue when the surface is healthy again.",
    ].join("\n");
}
function recoveryComment(id, durationMs, now, runUrl) {
    return `✅ **${(0,markdown/* escapeMd */.X)(id)}** is healthy again at ${now.toISOString()}, after ${(0,duration/* formatDuration */.a3)(durationMs)}.${runUrl ? ` ([status sweep](${runUrl}))` : ""}`;
}

;// CONCATENATED MODULE: ./.build/js/core/status/slack.js


/** The Slack text of a sweep's changes (mrkdwn). */
function renderSlackChanges(changes, gap, runUrl) {
    const lines = [];
    for (const c of changes) {
        const marker = c.to === "healthy"
            ? ":large_green_circle:"
            : c.to === "down"
                ? ":red_circle:"
                : ":large_orange_circle:";
        lines.push(`${marker} *${slackEscape(c.id)}* ${c.from ?? "new"} → *${c.to}*${c.to === "healthy" ? "" : `: ${slackEscape(truncate(c.text, 200))}`}`);
    }
    if (gap?.over)
        lines.push(`:warning: Sweep gap: ${(0,duration/* formatDuration */.a3)(gap.gapMs)} since the previous sweep (expected every ${(0,duration/* formatDuration */.a3)(gap.expectedMs)})`);
    if (!lines.length)
        return undefined;
    if (runUrl)
        lines.push(`<${runUrl}|status sweep run>`);
    return lines.join("\n");
}
function slackEscape(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

;// CONCATENATED MODULE: ./.build/js/core/status.js
/**
 * The status sweep's domain (seed 000 §4.2, §4.4, §7, §8 and its failure table), split by concern under
 * core/status/: shapes, classification, alerts, Markdown, Slack, builds and the HTML page. This module keeps
 * the one import path its users have.
 */









/***/ }),

/***/ 6742:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B8: () => (/* binding */ sparklines),
/* harmony export */   Fk: () => (/* binding */ DEFAULT_POLL_TABLE),
/* harmony export */   T7: () => (/* binding */ previousSweepAt),
/* harmony export */   VK: () => (/* binding */ vendorHistory),
/* harmony export */   aw: () => (/* binding */ saveSurfaceMemory),
/* harmony export */   gH: () => (/* binding */ prunePollLog),
/* harmony export */   io: () => (/* binding */ recordSweep),
/* harmony export */   mc: () => (/* binding */ insertPollRows),
/* harmony export */   oQ: () => (/* binding */ answered),
/* harmony export */   rC: () => (/* binding */ loadSurfaceMemory),
/* harmony export */   sE: () => (/* binding */ pollLogExists),
/* harmony export */   uI: () => (/* binding */ withSweepLock)
/* harmony export */ });
/* unused harmony exports SWEEP_LOCK, rateLimited */
/* harmony import */ var _core_status_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5192);
/* harmony import */ var _db_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6522);


const DEFAULT_POLL_TABLE = "console_poll_log";
/** Key of the advisory lock that serialises the alert phase of sweeps. */
const SWEEP_LOCK = 7_246_813_009;
/** SQL: the row is a rate-limited call (429, or the pipeline's "rate limited" message). */
const rateLimited = (p = "") => `(coalesce(${p}status_code = 429, false) OR coalesce(${p}error_msg, '') LIKE 'rate limited%')`;
/** SQL: the vendor gave a usable answer (not unreachable, 5xx, 401/403 or rate-limited). */
const answered = (p = "") => `(${p}probe_ok OR (${p}status_code IS NOT NULL AND ${p}status_code < 500 AND ${p}status_code NOT IN (401, 403, 429) AND NOT ${rateLimited(p)}))`;
/** Writes every row in one INSERT ... SELECT FROM unnest(...) statement. Returns the number written. */
async function insertPollRows(db, rows, table = DEFAULT_POLL_TABLE) {
    if (rows.length === 0)
        return 0;
    const t = (0,_db_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteIdent */ .v4)("poll-table", table);
    const res = await db.query(`INSERT INTO ${t} (surface_id, probe_ok, latency_ms, status_code, vendor_call, error_msg, polled_at)
     SELECT s, o, l, c, v, e, p AT TIME ZONE 'UTC'
     FROM unnest($1::text[], $2::boolean[], $3::integer[], $4::integer[], $5::text[], $6::text[], $7::timestamptz[])
       AS u(s, o, l, c, v, e, p)`, [
        rows.map((r) => r.surface_id),
        rows.map((r) => r.probe_ok),
        rows.map((r) => Math.max(0, Math.round(r.latency_ms))),
        rows.map((r) => r.status_code),
        rows.map((r) => r.vendor_call),
        rows.map((r) => (r.error_msg === null ? null : r.error_msg.slice(0, 1000))),
        rows.map((r) => r.polled_at.toISOString()),
    ]);
    return res.rowCount ?? rows.length;
}
/**
 * Deletes poll rows older than `olderThan`: a number of days before the database's clock (default 30), or an
 * instant. With `dryRun`, counts them and deletes nothing. Returns how many rows (would) go.
 */
async function prunePollLog(db, olderThan = 30, table = DEFAULT_POLL_TABLE, opts = {}) {
    const t = (0,_db_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteIdent */ .v4)("poll-table", table);
    const [cutoff, param] = olderThan instanceof Date
        ? ["($1::timestamptz AT TIME ZONE 'UTC')", olderThan.toISOString()]
        : ["(now() AT TIME ZONE 'UTC') - make_interval(secs => $1::double precision)", olderThan * 86_400];
    if (opts.dryRun) {
        const res = await db.query(`SELECT count(*)::text AS n FROM ${t} WHERE polled_at < ${cutoff}`, [param]);
        return Number(res.rows[0]?.n ?? 0);
    }
    const res = await db.query(`DELETE FROM ${t} WHERE polled_at < ${cutoff}`, [param]);
    return res.rowCount ?? 0;
}
/** Whether the poll table exists (a database migrated before the poll log came has none). */
async function pollLogExists(db, table = DEFAULT_POLL_TABLE) {
    const res = await db.query("SELECT to_regclass($1) IS NOT NULL AS found", [
        (0,_db_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteIdent */ .v4)("poll-table", table),
    ]);
    return res.rows[0]?.found ?? false;
}
/**
 * Per vendor and per sweep (rows share the sweep's polled_at) over the last `sweeps` sweeps: did the vendor
 * answer at least once, did a call fail for a reason other than a rate limit.
 */
async function vendorHistory(db, sweeps = 10, table = DEFAULT_POLL_TABLE) {
    const t = (0,_db_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteIdent */ .v4)("poll-table", table);
    const calls = ["heroku_dyno", "heroku_release", "cf_pages", "github_actions"];
    const res = await db.query(`WITH recent AS (
       SELECT DISTINCT polled_at FROM ${t} WHERE vendor_call = ANY($1) ORDER BY polled_at DESC LIMIT $2
     )
     SELECT CASE WHEN vendor_call IN ('heroku_dyno', 'heroku_release') THEN 'heroku'
                 WHEN vendor_call = 'cf_pages' THEN 'cloudflare' ELSE 'github' END AS vendor,
            polled_at AT TIME ZONE 'UTC' AS at,
            bool_or(${answered()}) AS answered,
            bool_or(NOT ${answered()} AND NOT ${rateLimited()}) AS failed
     FROM ${t}
     WHERE vendor_call = ANY($1) AND polled_at >= (SELECT min(polled_at) FROM recent)
     GROUP BY 1, 2`, [calls, sweeps]);
    return res.rows
        .filter((r) => _core_status_js__WEBPACK_IMPORTED_MODULE_0__/* .VENDORS */ .cL.includes(r.vendor))
        .map((r) => ({
        vendor: r.vendor,
        at: r.at.toISOString(),
        answered: r.answered,
        failed: r.failed,
    }));
}
/**
 * 288 five-minute buckets per surface over the 24 hours ending at `now`, from the calls named for each surface
 * (its liveness call). A vendor that did not answer is no data for the surface (grey), not a failure.
 */
async function sparklines(db, wanted, now, table = DEFAULT_POLL_TABLE) {
    const out = new Map();
    for (const w of wanted)
        out.set(w.surfaceId, new Array(_core_status_js__WEBPACK_IMPORTED_MODULE_0__/* .SPARK_BUCKETS */ .Mm).fill(null));
    if (wanted.length === 0)
        return out;
    const t = (0,_db_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteIdent */ .v4)("poll-table", table);
    const res = await db.query(`SELECT p.surface_id,
            floor(extract(epoch FROM p.polled_at) * 1000 / $4)::bigint AS bucket,
            count(*) FILTER (WHERE p.probe_ok) AS ok,
            count(*) FILTER (WHERE NOT p.probe_ok AND (p.vendor_call = 'http_health' OR ${answered("p.")})) AS failed,
            avg(p.latency_ms)::float8 AS latency
     FROM ${t} p
     JOIN unnest($1::text[], $2::text[]) AS w(surface_id, vendor_call)
       ON w.surface_id = p.surface_id AND w.vendor_call = p.vendor_call
     WHERE p.polled_at > ($3::timestamptz AT TIME ZONE 'UTC') - interval '24 hours'
       AND p.polled_at <= ($3::timestamptz AT TIME ZONE 'UTC')
     GROUP BY 1, 2`, [wanted.map((w) => w.surfaceId), wanted.map((w) => w.call), now.toISOString(), _core_status_js__WEBPACK_IMPORTED_MODULE_0__/* .SPARK_BUCKET_MS */ .ql]);
    for (const r of res.rows) {
        const buckets = out.get(r.surface_id);
        const i = (0,_core_status_js__WEBPACK_IMPORTED_MODULE_0__/* .sparkIndex */ .gg)(new Date(Number(r.bucket) * _core_status_js__WEBPACK_IMPORTED_MODULE_0__/* .SPARK_BUCKET_MS */ .ql), now);
        if (!buckets || i === undefined)
            continue;
        const ok = Number(r.ok);
        const failed = Number(r.failed);
        if (ok + failed === 0)
            continue;
        buckets[i] = { ok, failed, latencyMs: Math.round(r.latency) };
    }
    return out;
}
/** Start time of the newest recorded sweep (ISO), if any. */
async function previousSweepAt(db) {
    const res = await db.query("SELECT max(started_at) AS at FROM prodgate_sweeps");
    return res.rows[0]?.at?.toISOString();
}
async function recordSweep(db, sweep) {
    await db.query("INSERT INTO prodgate_sweeps (started_at, surfaces, calls, shards) VALUES ($1, $2, $3, $4)", [sweep.startedAt.toISOString(), sweep.surfaces, sweep.calls, sweep.shards]);
}
async function loadSurfaceMemory(db, ids) {
    const res = await db.query(`SELECT surface_id, status, known_state, since, site, incident_issue, incident_since
     FROM prodgate_surface_state WHERE surface_id = ANY($1)`, [ids]);
    return new Map(res.rows.map((r) => [
        r.surface_id,
        {
            surfaceId: r.surface_id,
            status: r.status,
            knownState: r.known_state,
            since: r.since.toISOString(),
            site: r.site,
            incidentIssue: r.incident_issue,
            incidentSince: r.incident_since?.toISOString() ?? null,
        },
    ]));
}
/** Upserts every surface's memory in one statement. */
async function saveSurfaceMemory(db, memories) {
    if (memories.length === 0)
        return;
    await db.query(`INSERT INTO prodgate_surface_state AS s
       (surface_id, status, known_state, since, site, incident_issue, incident_since, updated_at)
     SELECT x.surface_id, x.status, x.known_state, x.since, x.site, x.incident_issue, x.incident_since, now()
     FROM jsonb_to_recordset($1::jsonb) AS x(surface_id text, status text, known_state text, since timestamptz,
       site jsonb, incident_issue integer, incident_since timestamptz)
     ON CONFLICT (surface_id) DO UPDATE SET status = EXCLUDED.status, known_state = EXCLUDED.known_state,
       since = EXCLUDED.since, site = EXCLUDED.site, incident_issue = EXCLUDED.incident_issue,
       incident_since = EXCLUDED.incident_since, updated_at = now()`, [
        JSON.stringify(memories.map((m) => ({
            surface_id: m.surfaceId,
            status: m.status,
            known_state: m.knownState,
            since: m.since,
            site: m.site,
            incident_issue: m.incidentIssue,
            incident_since: m.incidentSince,
        }))),
    ]);
}
/**
 * Runs `fn` in a transaction holding the sweep advisory lock: a second sweep waits, then sees the first one's
 * committed state (and so never opens a second issue for the same change).
 */
async function withSweepLock(pool, fn) {
    const client = await pool.connect();
    try {
        await client.query("BEGIN");
        await client.query("SELECT pg_advisory_xact_lock($1)", [SWEEP_LOCK]);
        const result = await fn(client);
        await client.query("COMMIT");
        return result;
    }
    catch (err) {
        await client.query("ROLLBACK").catch(() => { });
        throw err;
    }
    finally {
        client.release();
    }
}


/***/ })

};
