export const id = 429;
export const ids = [429];
export const modules = {

/***/ 7429:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  registerSweep: () => (/* binding */ registerSweep),
  sweepCommand: () => (/* binding */ sweepCommand)
});

// EXTERNAL MODULE: ./.build/js/core/errors.js
var errors = __webpack_require__(1723);
// EXTERNAL MODULE: ./.build/js/core/registry.js
var core_registry = __webpack_require__(8335);
// EXTERNAL MODULE: ./.build/js/core/status.js + 7 modules
var core_status = __webpack_require__(5192);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./.build/js/core/console/maintenance.js
var maintenance = __webpack_require__(515);
// EXTERNAL MODULE: ./.build/js/core/ports.js
var core_ports = __webpack_require__(6482);
// EXTERNAL MODULE: ./.build/js/store/db.js
var store_db = __webpack_require__(6522);
// EXTERNAL MODULE: ./.build/js/store/poll-log.js
var poll_log = __webpack_require__(6742);
// EXTERNAL MODULE: ./.build/js/store/rollups.js
var rollups = __webpack_require__(5557);
// EXTERNAL MODULE: ./.build/js/vendors/http-probe.js
var http_probe = __webpack_require__(7505);
// EXTERNAL MODULE: ./.build/js/vendors/slack.js
var slack = __webpack_require__(368);
;// CONCATENATED MODULE: ./.build/js/pipelines/alerts.js


/**
 * Opens issues under `label`, one per marker: an open issue whose body carries the marker (left by a sweep
 * that died before it saved its memory) is adopted, not duplicated. The open issues are listed once, on the
 * first call.
 */
function issueOpener(port, label) {
    let open;
    return async (marker, title, body) => {
        open ??= await port.listOpen(label);
        const existing = open.find((i) => (i.body ?? "").includes(marker));
        if (existing)
            return { issue: existing, adopted: true };
        return { issue: await port.create(title, body, label), adopted: false };
    };
}
/** Tells Slack about the changes when there is something to say; a failure becomes a note, never an error. */
async function postChanges(notify, text, changes, notes) {
    if (!text || !notify)
        return;
    try {
        await notify.post(text);
    }
    catch (err) {
        notes.push(`Slack was not told about ${changes} change(s): ${(0,errors/* describeError */.Uc)(err)}`);
    }
}
/** Issues in one repository. */
function githubIncidentPort(client) {
    return {
        listOpen: async (label) => client.listIssues({ labels: [label], state: "open" }),
        create: (title, body, label) => client.createIssue({ title, body, labels: [label] }),
        comment: async (issue, body) => {
            await client.createIssueComment(issue, body);
        },
        close: async (issue) => {
            await client.updateIssue(issue, { state: "closed", state_reason: "completed" });
        },
    };
}
/** Slack through a bot token and channel, or an incoming webhook. */
function slackNotifyPort(target, reporter) {
    const client = new slack/* SlackClient */.QT({
        token: target.token,
        baseUrl: target.baseUrl,
        retries: 2,
        maxRetryAfterMs: 5_000,
        onRetry: ({ attempt, waitMs, reason, method }) => reporter.info(`Slack ${method}: ${reason}; retry ${attempt} in ${Math.round(waitMs)}ms`),
    });
    return {
        post: async (text) => {
            const message = {
                text: text.slice(0, 3000),
                blocks: [{ type: "section", text: { type: "mrkdwn", text: text.slice(0, 3000) } }],
            };
            if (target.token && target.channel)
                await client.postMessage(target.channel, message);
            else if (target.webhookUrl)
                await client.postWebhook(target.webhookUrl, message);
        },
    };
}

// EXTERNAL MODULE: ./.build/js/pipelines/health-check.js
var health_check = __webpack_require__(9213);
// EXTERNAL MODULE: ./.build/js/pipelines/pool.js
var pool = __webpack_require__(4708);
;// CONCATENATED MODULE: ./.build/js/pipelines/status-sweep.js














const DEFAULT_SWEEP_SETTINGS = {
    concurrency: 16,
    timeoutMs: 5_000,
    deadlineMs: 120_000,
    incidentLabel: "prodgate:incident",
};
/** Fails early when the registry needs a credential the sweep was not given. */
function checkPorts(surfaces, ports) {
    const need = (what, ids, port, how) => {
        if (ids.length && !port)
            throw new errors/* InputError */.dz(how, `is required: the registry has ${what} surfaces (${ids.slice(0, 5).join(", ")}${ids.length > 5 ? ", ..." : ""})`);
    };
    const ids = (call) => surfaces.filter((s) => (0,core_status/* expectedCalls */.UG)(s).includes(call)).map((s) => s.id);
    need("Heroku", ids("heroku_dyno"), ports.heroku, "heroku-api-key");
    need("Cloudflare Pages", ids("cf_pages"), ports.cloudflare, "cloudflare-api-token");
    need("builds (GitHub Actions)", ids("github_actions"), ports.builds, "github-token");
}
/** Probes the surfaces of one shard (all of them by default). Never throws for a vendor's failure. */
async function probeSurfaces(registry, settings, ports) {
    const clock = ports.clock ?? core_ports/* systemClock */.m;
    const reporter = ports.reporter ?? core_ports/* silentReporter */.P;
    const shard = settings.shard ?? { index: 0, total: 1 };
    const surfaces = (0,core_status/* shardOf */.IS)((0,core_registry/* activeSurfaces */.VJ)(registry), shard.index, shard.total);
    checkPorts(surfaces, ports);
    const scrub = scrubber(ports.secrets ?? []);
    const resolved = new Map();
    for (const s of surfaces) {
        if (!s.health)
            continue;
        const { headers, secrets } = (0,core_registry/* resolveHeaders */.DQ)(s, ports.env ?? {}, registry.secretEnv);
        for (const v of secrets) {
            reporter.secret(v);
            scrub.add(v);
        }
        resolved.set(s.id, headers);
    }
    const startedAt = clock.now();
    const tasks = surfaces.flatMap((surface) => (0,core_status/* expectedCalls */.UG)(surface).map((call) => ({ surface, call })));
    const probe = ports.probe ?? new http_probe/* HttpProbe */.PF();
    const limited = new Map(); // vendor → why (rate-limited earlier in this sweep)
    const runsMemo = new Map();
    const filesMemo = new Map();
    const ctx = {
        settings,
        ports,
        clock,
        probe,
        resolved,
        limited,
        runsMemo,
        filesMemo,
        scrub: (t) => scrub.apply(t),
    };
    const outcomes = await (0,pool/* runPool */.k)(tasks, {
        concurrency: settings.concurrency,
        deadlineMs: settings.deadlineMs,
        onSettled: ports.onProgress,
        clock,
    }, (task) => runCall(task, ctx));
    const missed = outcomes.filter((o) => o.status === "deadline").length;
    if (!ports.probe) {
        // After a deadline, calls still hanging end at their own timeouts; the sweep does not wait for them.
        const closing = probe.close().catch(() => { });
        if (!missed)
            await closing;
    }
    const bySurface = new Map(surfaces.map((s) => [s.id, { id: s.id, calls: [] }]));
    outcomes.forEach((o, i) => {
        const task = tasks[i];
        const p = bySurface.get(task.surface.id);
        if (o.status === "deadline")
            return;
        const r = o.status === "fulfilled"
            ? o.value
            : {
                result: {
                    call: task.call,
                    answered: false,
                    rateLimited: false,
                    ok: false,
                    latencyMs: 0,
                    statusCode: null,
                    error: scrub.apply((0,errors/* describeError */.Uc)(o.reason)),
                    at: startedAt.toISOString(),
                },
            };
        p.calls.push(r.result);
        if (r.dynos)
            p.dynos = r.dynos;
        if (r.deploy !== undefined)
            p.deploy = r.deploy;
        if (r.build !== undefined)
            p.build = r.build;
    });
    if (missed)
        reporter.warning(`${missed} vendor call(s) did not finish before the sweep deadline`);
    return {
        version: 1,
        registry: registry.file,
        shard,
        startedAt: startedAt.toISOString(),
        finishedAt: clock.now().toISOString(),
        surfaces: surfaces.map((s) => s.id),
        probes: [...bySurface.values()],
    };
}
async function runCall(task, ctx) {
    const { surface, call } = task;
    const at = ctx.clock.now().toISOString();
    const vendor = (0,core_status/* vendorOf */.AK)(call);
    const base = { call, at, statusCode: null };
    if (vendor && ctx.limited.has(vendor)) {
        return {
            result: {
                ...base,
                answered: false,
                rateLimited: true,
                ok: false,
                latencyMs: 0,
                error: `rate limited: not called (${ctx.limited.get(vendor)})`,
                skipped: true,
            },
        };
    }
    const started = performance.now();
    const elapsed = () => performance.now() - started;
    try {
        switch (call) {
            case "http_health": {
                const health = surface.health;
                const report = await (0,health_check/* runHealthCheck */.W)({ ...health, headers: ctx.resolved.get(surface.id) ?? {} }, { reporter: core_ports/* silentReporter */.P, clock: ctx.clock, probe: ctx.probe });
                return {
                    result: {
                        ...base,
                        answered: report.lastStatus !== undefined,
                        rateLimited: false,
                        ok: report.healthy,
                        latencyMs: report.lastLatencyMs ?? elapsed(),
                        statusCode: report.lastStatus ?? null,
                        error: report.healthy ? null : ctx.scrub(report.lastReason),
                    },
                };
            }
            case "heroku_dyno": {
                const dynos = await withRetry(() => ctx.ports.heroku.dynos(surface.heroku.app));
                const summary = summarizeDynos(dynos);
                const others = Object.entries(summary.states)
                    .filter(([s]) => s !== "up")
                    .map(([s, n]) => `${n} ${s}`)
                    .join(", ");
                return {
                    dynos: summary,
                    result: {
                        ...base,
                        answered: true,
                        rateLimited: false,
                        ok: summary.up > 0,
                        latencyMs: elapsed(),
                        statusCode: 200,
                        error: summary.up > 0 ? null : summary.total ? `no dyno up (${others})` : "no dynos running",
                    },
                };
            }
            case "heroku_release": {
                const [newest] = await withRetry(() => ctx.ports.heroku.releases(surface.heroku.app, { max: 1 }));
                const deploy = newest
                    ? {
                        deploy_id: `v${newest.version}`,
                        deployed_at: newest.created_at,
                        author: newest.user?.email ?? "unknown",
                        status: newest.status === "succeeded"
                            ? "succeeded"
                            : newest.status === "pending"
                                ? "building"
                                : "failed",
                        detail: newest.status === "expired" ? "expired" : undefined,
                    }
                    : null;
                return {
                    deploy,
                    result: {
                        ...base,
                        answered: true,
                        rateLimited: false,
                        ok: deploy?.status !== "failed",
                        latencyMs: elapsed(),
                        statusCode: 200,
                        error: deploy?.status === "failed" ? `latest release ${deploy.deploy_id} failed` : null,
                    },
                };
            }
            case "cf_pages": {
                const target = surface.cloudflarePages;
                const { deployment, rateLimitRemaining } = await withRetry(() => ctx.ports.cloudflare.latestPagesDeployment(target.accountId, target.project, target.environment, ctx.settings.timeoutMs));
                if (rateLimitRemaining === 0)
                    ctx.limited.set("cloudflare", "Cloudflare reported 0 requests left");
                const deploy = deployment ? rawPagesDeploy(deployment) : null;
                return {
                    deploy,
                    result: {
                        ...base,
                        answered: true,
                        rateLimited: false,
                        ok: deploy !== null && deploy.status !== "failed",
                        latencyMs: elapsed(),
                        statusCode: 200,
                        error: !deploy
                            ? `no ${target.environment} deployment`
                            : deploy.status === "failed"
                                ? `latest deployment ${deploy.deploy_id} failed (${deploy.detail})`
                                : null,
                    },
                };
            }
            case "github_actions": {
                const build = await findBuild(surface, ctx);
                return {
                    build,
                    result: {
                        ...base,
                        answered: true,
                        rateLimited: false,
                        ok: true,
                        latencyMs: elapsed(),
                        statusCode: 200,
                        error: null,
                    },
                };
            }
        }
    }
    catch (err) {
        const status = err instanceof errors/* VendorError */.Hi ? (err.status ?? null) : null;
        const message = ctx.scrub((0,errors/* describeError */.Uc)(err));
        const rateLimited = status === 429 || /rate.?limit/i.test(message);
        if (rateLimited && vendor)
            ctx.limited.set(vendor, message.slice(0, 120));
        return {
            result: {
                ...base,
                answered: !rateLimited && status !== null && status < 500 && status !== 401 && status !== 403,
                rateLimited,
                ok: false,
                latencyMs: elapsed(),
                statusCode: status,
                error: rateLimited && !message.startsWith("rate limited") ? `rate limited: ${message}` : message,
            },
        };
    }
}
/** One more try on a network error or a 5xx (not on a rate limit: that waits for the next sweep). */
async function withRetry(fn) {
    try {
        return await fn();
    }
    catch (err) {
        if (err instanceof errors/* VendorError */.Hi &&
            err.retryable &&
            err.status !== 429 &&
            !/rate.?limit/i.test(err.message))
            return fn();
        throw err;
    }
}
function summarizeDynos(dynos) {
    const web = dynos.filter((d) => d.type === "web");
    const counted = web.length ? web : dynos;
    const states = {};
    for (const d of counted)
        states[d.state] = (states[d.state] ?? 0) + 1;
    return { total: counted.length, up: states.up ?? 0, states };
}
function rawPagesDeploy(d) {
    const stage = d.latest_stage;
    const status = stage.status === "failure" || stage.status === "canceled"
        ? "failed"
        : stage.status === "success" && stage.name === "deploy"
            ? "succeeded"
            : "building";
    const commit = d.deployment_trigger?.metadata?.commit_hash;
    return {
        deploy_id: d.short_id || d.id,
        deployed_at: d.created_on,
        author: `${d.deployment_trigger?.type ?? "unknown"}${commit ? ` ${commit.slice(0, 7)}` : ""}`,
        status,
        detail: status === "failed" ? `${stage.name} ${stage.status}` : undefined,
    };
}
/**
 * The newest run on the branch that belongs to the surface: its workflow file, and/or a commit touching its
 * paths. One repository-wide list serves every surface of a repository per sweep (fewer calls, no rate
 * limits); a workflow missing from it is looked up by its own endpoint.
 */
async function findBuild(surface, ctx) {
    const b = surface.builds;
    const repo = b.repo ?? ctx.settings.defaultRepo;
    if (!repo)
        throw new errors/* InputError */.dz("repository", `is needed for the builds of ${surface.id} (or set builds.repo)`);
    const port = ctx.ports.builds(repo);
    const memo = (map, key, fn) => {
        let p = map.get(key);
        if (!p) {
            p = withRetry(fn);
            map.set(key, p);
        }
        return p;
    };
    const all = await memo(ctx.runsMemo, `${repo}@${b.branch}`, () => port.listRuns({ branch: b.branch, perPage: 100 }));
    let candidates = b.workflow ? all.filter((r) => (0,core_status/* runMatchesWorkflow */.CF)(r, b.workflow)) : all;
    if (b.workflow && candidates.length === 0)
        candidates = await memo(ctx.runsMemo, `${repo}@${b.branch}#${b.workflow}`, () => port.listRuns({
            branch: b.branch,
            workflow: b.workflow.replace(/^\.github\/workflows\//, ""),
            perPage: 10,
        }));
    if (b.paths.length === 0)
        return candidates[0] ? (0,core_status/* buildInfoFromRun */.ey)(candidates[0]) : null;
    for (const run of candidates.slice(0, 10)) {
        const files = await memo(ctx.filesMemo, `${repo}@${run.head_sha}`, () => port.commitFiles(run.head_sha));
        if (files.some((f) => b.paths.some((g) => (0,core_status/* pathMatches */.rg)(f, g))))
            return (0,core_status/* buildInfoFromRun */.ey)(run);
    }
    return null;
}
class Scrubber {
    values = new Set();
    constructor(values) {
        for (const v of values)
            this.add(v);
    }
    add(v) {
        if (v && v.length >= 4)
            this.values.add(v);
    }
    apply(text) {
        let t = text;
        for (const v of this.values)
            t = t.split(v).join("***");
        return t;
    }
}
function scrubber(values) {
    return new Scrubber(values);
}
/** The poll rows of a sweep: one per call made (calls skipped after a rate limit are not calls). */
function pollRowsOf(probes, sweepAt) {
    return probes.flatMap((p) => p.calls
        .filter((c) => !c.skipped)
        .map((c) => ({
        surface_id: p.id,
        probe_ok: c.ok,
        latency_ms: Math.round(c.latencyMs),
        status_code: c.statusCode,
        vendor_call: c.call,
        error_msg: c.ok ? null : c.error,
        polled_at: sweepAt,
    })));
}
/** Classifies, remembers, alerts and renders: the finish of a sweep, from one batch or from every shard's. */
async function finishSweep(registry, batches, settings, ports) {
    const clock = ports.clock ?? core_ports/* systemClock */.m;
    const reporter = ports.reporter ?? core_ports/* silentReporter */.P;
    const surfaces = (0,core_registry/* activeSurfaces */.VJ)(registry);
    const probes = new Map();
    for (const b of batches)
        for (const p of b.probes)
            probes.set(p.id, p);
    const shards = batches[0]?.shard.total ?? 1;
    const seen = new Set(batches.map((b) => b.shard.index));
    const notes = [];
    const lost = new Set();
    for (let i = 0; i < shards; i++)
        if (!seen.has(i)) {
            lost.add(i);
            notes.push(`shard ${i + 1}/${shards} produced no results: its surfaces are unknown`);
        }
    const shardIndex = new Map(surfaces.map((s, i) => [s.id, i % shards]));
    const startedAt = new Date(Math.min(...batches.map((b) => Date.parse(b.startedAt)).filter((n) => !Number.isNaN(n)), clock.now().getTime()));
    const finishedAt = Math.max(...batches.map((b) => Date.parse(b.finishedAt)).filter((n) => !Number.isNaN(n)), 0);
    const rows = pollRowsOf([...probes.values()], startedAt);
    const calls = [...probes.values()].reduce((n, p) => n + p.calls.length, 0);
    const now = clock.now();
    let verdicts = [];
    let changes = [];
    const incidents = [];
    let gap;
    let degraded = [];
    let sparks = new Map();
    let remembered = false;
    const classifyAll = (memory) => surfaces.map((s) => (0,core_status/* classify */.L8)(s, probes.get(s.id), memory.get(s.id)?.site ?? undefined, now, lost.has(shardIndex.get(s.id) ?? 0) ? "its shard produced no results" : undefined));
    if (ports.db) {
        try {
            await (0,poll_log/* insertPollRows */.mc)(ports.db, rows);
            degraded = (0,core_status/* degradedVendors */.E_)(await (0,poll_log/* vendorHistory */.VK)(ports.db));
            await (0,poll_log/* withSweepLock */.uI)(ports.db, async (client) => {
                gap = (0,core_status/* sweepGap */.Hf)(await (0,poll_log/* previousSweepAt */.T7)(client), startedAt, settings.expectedIntervalMs);
                await (0,poll_log/* recordSweep */.io)(client, { startedAt, surfaces: surfaces.length, calls, shards });
                const memory = await (0,poll_log/* loadSurfaceMemory */.rC)(client, surfaces.map((s) => s.id));
                verdicts = classifyAll(memory);
                const t = (0,core_status/* decideTransitions */.hH)(verdicts, memory, now);
                // A surface inside a maintenance window opens no incident.
                t.open = t.open.filter((v) => !(0,maintenance/* activeMaintenance */.a7)(registry.maintenance ?? [], v.site.id, now.getTime()));
                changes = t.changes;
                const next = new Map(t.next.map((m) => [m.surfaceId, m]));
                await handleIncidents(t, next, settings, ports, now, incidents, notes, reporter);
                await postChanges(ports.notify, (0,core_status/* renderSlackChanges */.sz)(changes, gap, settings.runUrl), changes.length, notes);
                await (0,poll_log/* saveSurfaceMemory */.aw)(client, [...next.values()]);
            });
            // The console's records beside the poll log; a database without them (not migrated) only loses those.
            try {
                await (0,rollups/* recordIssues */.ee)(ports.db, incidents, now);
                await (0,rollups/* recordSeen */.BP)(ports.db, verdicts.map((v) => v.site), now);
            }
            catch (err) {
                notes.push(`Console history not recorded: ${(0,store_db/* safeDbMessage */.Zm)(err)}`);
            }
            sparks = await (0,poll_log/* sparklines */.B8)(ports.db, surfaces.flatMap((s) => {
                const call = (0,core_status/* livenessCall */.Cw)(s);
                return call ? [{ surfaceId: s.id, call }] : [];
            }), now);
            remembered = true;
        }
        catch (err) {
            notes.push(`Postgres memory unavailable: ${(0,store_db/* safeDbMessage */.Zm)(err)}; nothing was logged and no alert was sent`);
        }
    }
    else if (ports.memoryError) {
        notes.push(`Postgres memory unavailable: ${ports.memoryError}; nothing was logged and no alert was sent`);
    }
    else {
        notes.push("No database: the poll log, change alerts and sparklines are off");
    }
    if (!remembered)
        verdicts = classifyAll(new Map());
    for (const n of notes)
        reporter.warning(n);
    const sites = verdicts.map((v) => v.site);
    const doc = (0,core_status/* buildStatusDocument */.I3)(sites, degraded.map((d) => d.vendor), now);
    const alerts = (0,core_status/* buildAlerts */.Qh)({ verdicts, degraded, gap, now });
    const durationMs = Math.max(0, (finishedAt || now.getTime()) - startedAt.getTime());
    const summary = (0,core_status/* renderSweepSummary */.Xf)({ doc, alerts, changes, incidents, now, durationMs, calls, notes });
    const page = (0,core_status/* renderStatusPage */.EP)({ doc, alerts, sparklines: sparks, now, title: settings.pageTitle });
    return {
        doc,
        verdicts,
        alerts,
        changes,
        incidents,
        gap,
        degradedVendors: doc.degraded_vendors,
        rows: remembered ? rows.length : 0,
        calls,
        durationMs,
        summary,
        page,
        notes,
        remembered,
    };
}
async function handleIncidents(t, next, settings, ports, now, incidents, notes, reporter) {
    const port = ports.incidents;
    if (!port || (t.open.length === 0 && t.close.length === 0))
        return;
    const openIssue = issueOpener(port, settings.incidentLabel);
    for (const v of t.open) {
        const id = v.site.id;
        try {
            const { issue, adopted } = await openIssue((0,core_status/* incidentMarker */.X9)(id), (0,core_status/* incidentTitle */.Bl)(v.site), (0,core_status/* incidentBody */.Ty)(v, now, settings.runUrl));
            const m = next.get(id);
            if (m) {
                m.incidentIssue = issue.number;
                m.incidentSince = now.toISOString();
            }
            if (!adopted)
                incidents.push({ id, issue: issue.number, url: issue.html_url, action: "opened" });
            reporter.info(`${adopted ? "Adopted" : "Opened"} incident #${issue.number} for ${id}`);
        }
        catch (err) {
            notes.push(`Could not open the incident issue for ${id}: ${(0,errors/* describeError */.Uc)(err)}`);
        }
    }
    for (const c of t.close) {
        try {
            await port.comment(c.issue, (0,core_status/* recoveryComment */.n_)(c.id, c.durationMs, now, settings.runUrl));
            await port.close(c.issue);
            incidents.push({ id: c.id, issue: c.issue, action: "closed" });
            reporter.info(`Closed incident #${c.issue} for ${c.id}`);
        }
        catch (err) {
            const m = next.get(c.id);
            if (m) {
                m.incidentIssue = c.issue;
                m.incidentSince = c.since;
            }
            notes.push(`Could not close incident #${c.issue} for ${c.id}: ${(0,errors/* describeError */.Uc)(err)}`);
        }
    }
}
/** A whole sweep in one process: probe every surface, then finish. */
async function runStatusSweep(registry, settings, ports) {
    const batch = await probeSurfaces(registry, { ...settings, shard: undefined }, ports);
    const result = await finishSweep(registry, [batch], settings, ports);
    return { ...result, batch };
}
/** Writes status.json and the page (index.html in `pageDir`); returns the paths written. */
function writeSweepFiles(result, where) {
    const out = {};
    if (where.statusJson) {
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(where.statusJson), { recursive: true });
        (0,external_node_fs_.writeFileSync)(where.statusJson, `${JSON.stringify(result.doc, null, 2)}\n`);
        out.statusJson = where.statusJson;
    }
    if (where.pageDir) {
        (0,external_node_fs_.mkdirSync)(where.pageDir, { recursive: true });
        out.page = (0,external_node_path_.join)(where.pageDir, "index.html");
        (0,external_node_fs_.writeFileSync)(out.page, result.page);
    }
    return out;
}
// ---- adapters from the vendor clients to the sweep's ports ----
/** Builds from GitHub Actions: one client per repository. */
function githubBuildsPort(client) {
    const clients = new Map();
    return (repo) => {
        let port = clients.get(repo);
        if (!port) {
            const c = client(repo);
            port = {
                listRuns: (q) => c.listWorkflowRuns(q),
                commitFiles: async (sha) => ((await c.findCommit(sha))?.files ?? []).map((f) => f.filename),
            };
            clients.set(repo, port);
        }
        return port;
    };
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./.build/js/core/duration.js
var duration = __webpack_require__(8760);
// EXTERNAL MODULE: ./.build/js/core/health-inputs.js
var health_inputs = __webpack_require__(5490);
// EXTERNAL MODULE: ./.build/js/core/inputs.js
var core_inputs = __webpack_require__(1621);
// EXTERNAL MODULE: ./.build/js/store/migrate.js
var store_migrate = __webpack_require__(1243);
// EXTERNAL MODULE: ./.build/js/vendors/cloudflare.js
var cloudflare = __webpack_require__(2869);
// EXTERNAL MODULE: ./.build/js/vendors/github.js + 10 modules
var vendors_github = __webpack_require__(6678);
// EXTERNAL MODULE: ./.build/js/vendors/heroku.js
var heroku = __webpack_require__(6561);
// EXTERNAL MODULE: ./.build/js/pipelines/console.js + 9 modules
var console = __webpack_require__(7318);
;// CONCATENATED MODULE: ./.build/js/pipelines/sweep-context.js


/**
 * What both sweeps read alike: the optional `database-url` (checked, the error naming the input), the
 * repository they work in (`repository` input, else the runner's) and the URL of this run.
 */
function sweepContext(get, env) {
    const databaseUrl = get("database-url").trim() || undefined;
    if (databaseUrl)
        (0,store_db/* parseDatabaseUrl */.mx)("database-url", databaseUrl);
    const server = env.GITHUB_SERVER_URL ?? "https://github.com";
    const repository = get("repository").trim() || env.GITHUB_REPOSITORY || undefined;
    const runUrl = env.GITHUB_RUN_ID && env.GITHUB_REPOSITORY
        ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
        : undefined;
    return { databaseUrl, repository, runUrl };
}
/** Slack for alerts on change, when a bot token and channel or a webhook URL is given. */
function slackPortFor(creds, env, reporter) {
    if (!((creds.slackToken && creds.slackChannel) || creds.slackWebhookUrl))
        return undefined;
    return slackNotifyPort({
        token: creds.slackToken,
        channel: creds.slackChannel,
        webhookUrl: creds.slackWebhookUrl,
        baseUrl: env.SLACK_API_URL,
    }, reporter);
}

;// CONCATENATED MODULE: ./.build/js/pipelines/status-sweep-setup.js

















/**
 * The status sweep's setup, shared by the status-sweep action and `prodgate sweep status`: inputs parsed from
 * a name -> value getter, the registry read, the vendor clients built, the sweep's memory opened, shard
 * results read back, the console written, and the fail-on rule.
 */
/** Reads and validates the registry file; every problem names the file, line and field. */
function readRegistry(path, timeout) {
    const file = (0,core_inputs/* requireValue */.vd)("registry", path);
    if (!(0,external_node_fs_.existsSync)(file))
        throw new errors/* InputError */.dz("registry", `names a file that does not exist: ${file}`);
    return (0,core_registry/* parseRegistry */.l5)((0,external_node_fs_.readFileSync)(file, "utf8"), {
        file,
        parseHealth: (get) => (0,health_inputs/* parseHealthInputs */.Z)(get),
        healthDefaults: { attempts: "1", interval: "1s", timeout },
    });
}
/** Parses `1/4` (1-based shard of N). */
function parseShard(inputName, raw) {
    const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(raw);
    const n = m ? Number(m[1]) : Number.NaN;
    const total = m ? Number(m[2]) : Number.NaN;
    if (!m || total < 1 || total > 256 || n < 1 || n > total)
        throw new errors/* InputError */.dz(inputName, `must look like 1/4 (this shard's number, 1-based, of the total); got '${raw}'`);
    return { index: n - 1, total };
}
function parseSweepInputs(get, env) {
    const timeout = get("timeout").trim() || "5s";
    const shard = get("shard").trim();
    const mergeFrom = get("merge-from").trim();
    if (shard && mergeFrom)
        throw new errors/* InputError */.dz("merge-from", "cannot be combined with 'shard'");
    const mode = shard
        ? { kind: "shard", ...parseShard("shard", shard) }
        : mergeFrom
            ? { kind: "merge", dir: mergeFrom }
            : { kind: "single" };
    const interval = get("expected-interval").trim();
    const { databaseUrl, repository, runUrl } = sweepContext(get, env);
    const settings = {
        ...DEFAULT_SWEEP_SETTINGS,
        concurrency: (0,core_inputs/* parseInteger */.cG)("concurrency", get("concurrency") || "16", 1, 256),
        timeoutMs: (0,duration/* parseDuration */.E9)("timeout", timeout),
        deadlineMs: (0,duration/* parseDuration */.E9)("deadline", get("deadline") || "2m"),
        expectedIntervalMs: interval ? (0,duration/* parseDuration */.E9)("expected-interval", interval) : undefined,
        incidentLabel: get("incident-label").trim() || DEFAULT_SWEEP_SETTINGS.incidentLabel,
        defaultRepo: repository,
        runUrl,
        pageTitle: get("page-title").trim() || undefined,
    };
    if (settings.timeoutMs < 1)
        throw new errors/* InputError */.dz("timeout", "must be at least 1ms");
    return {
        registry: (0,core_inputs/* requireValue */.vd)("registry", get("registry")),
        settings,
        mode,
        timeout,
        databaseUrl,
        migrate: (0,core_inputs/* parseBoolean */.yG)("migrate", get("migrate"), true),
        issues: (0,core_inputs/* parseBoolean */.yG)("issues", get("issues"), true),
        statusJson: get("status-json").trim() || "status.json",
        statusPageDir: get("status-page-dir").trim() || undefined,
        shardOutput: get("shard-output").trim() || (0,external_node_path_.join)(env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), "prodgate-sweep"),
        failOn: (0,core_inputs/* parseChoice */.HU)("fail-on", get("fail-on"), ["never", "down", "unhealthy"], "never"),
        consoleDir: get("console-dir").trim() || undefined,
        consoleSecrets: (0,core_inputs/* parseBoolean */.yG)("console-secrets", get("console-secrets"), false),
    };
}
/** The vendor clients, built for a sweep: short timeouts, no waiting out rate limits (that is stale data). */
function sweepPorts(creds, settings, opts) {
    const timeoutMs = settings.timeoutMs;
    const env = opts.env;
    const ports = {
        reporter: opts.reporter,
        env,
        db: opts.db,
        secrets: Object.values(creds).filter((v) => typeof v === "string" && v.length >= 4),
    };
    if (creds.herokuApiKey)
        ports.heroku = new heroku/* HerokuClient */.K({
            apiKey: creds.herokuApiKey,
            baseUrl: env.HEROKU_API_URL,
            timeoutMs,
            retries: 0,
        });
    if (creds.cloudflareApiToken)
        ports.cloudflare = new cloudflare/* CloudflareClient */.$7({
            apiToken: creds.cloudflareApiToken,
            baseUrl: env.CLOUDFLARE_API_URL,
            timeoutMs,
            retries: 0,
        });
    if (creds.githubToken) {
        const token = creds.githubToken;
        const client = (repository) => new vendors_github/* GitHubClient */.jh({
            token,
            repository,
            baseUrl: env.GITHUB_API_URL,
            timeoutMs,
            retries: 0,
            rateLimitRetries: 0,
            maxRetryAfterMs: 1_000,
            ...(opts.etags ? { etags: opts.etags } : {}),
        });
        ports.builds = githubBuildsPort(client);
        if (opts.issues && settings.defaultRepo) {
            const issuesClient = new vendors_github/* GitHubClient */.jh({
                token,
                repository: settings.defaultRepo,
                baseUrl: env.GITHUB_API_URL,
            });
            ports.incidents = githubIncidentPort(issuesClient);
        }
    }
    const notify = slackPortFor(creds, env, opts.reporter);
    if (notify)
        ports.notify = notify;
    return ports;
}
/** Opens the sweep's memory: applies pending migrations, then a small pool. */
async function openMemory(databaseUrl, migrate) {
    if (migrate) {
        let client;
        try {
            client = await (0,store_db/* connect */.Ng)(databaseUrl);
            await (0,store_migrate/* migrateUp */.Pi)(client);
        }
        catch (err) {
            throw new errors/* ProdgateError */.fc(`cannot migrate the sweep database: ${(0,store_db/* safeDbMessage */.Zm)(err, databaseUrl)}`);
        }
        finally {
            await client?.end().catch(() => { });
        }
    }
    return (0,store_db/* newPool */.h9)(databaseUrl, { max: 4 });
}
/** Reads every shard's batch (*.json, searched recursively) from `dir`. */
function readBatches(dir) {
    if (!existsSync(dir))
        throw new InputError("merge-from", `names a directory that does not exist: ${dir}`);
    const files = [];
    const walk = (d) => {
        for (const e of readdirSync(d, { withFileTypes: true })) {
            const full = join(d, e.name);
            if (e.isDirectory())
                walk(full);
            else if (e.name.endsWith(".json"))
                files.push(full);
        }
    };
    walk(dir);
    const batches = files.map((f) => {
        const b = JSON.parse(readFileSync(f, "utf8"));
        if (b?.version !== 1 || !Array.isArray(b.probes) || !b.shard)
            throw new InputError("merge-from", `holds ${f}, which is not a status-sweep shard result`);
        return b;
    });
    if (batches.length === 0)
        throw new InputError("merge-from", `holds no shard results (*.json): ${dir}`);
    const totals = new Set(batches.map((b) => b.shard.total));
    if (totals.size > 1)
        throw new InputError("merge-from", "holds results of sweeps with different shard counts");
    return batches;
}
/**
 * The operator console, built after the sweep from the same database (rollups from the last rolled day on).
 * A console that cannot be built is a warning: the sweep's own results stand.
 */
async function writeSweepConsole(registry, inputs, db, result, reporter) {
    if (!inputs.consoleDir)
        return undefined;
    if (!db || !result.remembered) {
        reporter.warning("console-dir is set, but the console needs the sweep's database: not built");
        return undefined;
    }
    try {
        const built = await buildConsole(registry, {
            ...DEFAULT_CONSOLE_SETTINGS,
            title: inputs.settings.pageTitle ?? DEFAULT_CONSOLE_SETTINGS.title,
            intervalMs: inputs.settings.expectedIntervalMs ?? DEFAULT_CONSOLE_SETTINGS.intervalMs,
            secrets: inputs.consoleSecrets,
        }, { db, reporter });
        const dir = resolve(inputs.consoleDir);
        const written = writeConsole(dir, built.files);
        reporter.info(`console: ${written.files} files (${Math.round(written.bytes / 1024)} KB) in ${dir}`);
        return dir;
    }
    catch (err) {
        reporter.warning(`The console was not built: ${safeDbMessage(err)}`);
        return undefined;
    }
}
function shouldFail(result, failOn) {
    const down = result.doc.sites.filter((s) => s.status === "down").map((s) => s.id);
    const bad = result.doc.sites.filter((s) => s.status === "down" || s.status === "degraded").map((s) => s.id);
    if (failOn === "down" && down.length)
        return `down: ${down.join(", ")}`;
    if (failOn === "unhealthy" && bad.length)
        return `unhealthy: ${bad.join(", ")}`;
    return undefined;
}

// EXTERNAL MODULE: ./.build/js/cli/context.js
var context = __webpack_require__(6773);
// EXTERNAL MODULE: ./.build/js/cli/terminal.js
var terminal = __webpack_require__(6481);
// EXTERNAL MODULE: ./.build/js/core/audit.js
var core_audit = __webpack_require__(113);
;// CONCATENATED MODULE: ./.build/js/core/rotation.js
/**
 * Rotation evaluation: what state a secret is in (seed 000 §4.3 SecretMeta), whether its rotation workflow
 * should be dispatched now, and what a running job has become. Pure: metadata, policy and `now` go in, data
 * comes out. No secret value ever passes through here; only names, dates and statuses.
 */
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const SECRET_STATUSES = [
    "healthy",
    "stale",
    "expiring_soon",
    "expired",
    "rotating",
    "unknown",
];
const ACTIVE_JOB_STATUSES = ["queued", "running"];
/**
 * SecretMeta from (metadata, policy, now). In order: a queued/running job → rotating; no date at all →
 * unknown; expiry at or before now (or the vendor says disabled/expired) → expired; expiry within
 * rotate-before → expiring_soon; whole days since rotation over the cadence → stale; else healthy.
 */
function evaluateSecret(subject, metadata, now, opts = {}) {
    const { policy } = subject;
    const nowMs = now.getTime();
    const last = metadata.lastRotatedAt;
    let expires = metadata.expiresAt;
    let basis = expires ? "known" : null;
    if (!expires && last && policy.ttlMs !== undefined) {
        expires = new Date(last.getTime() + policy.ttlMs);
        basis = "ttl";
    }
    const daysSince = last ? Math.max(0, Math.floor((nowMs - last.getTime()) / DAY_MS)) : null;
    const untilMs = expires ? expires.getTime() - nowMs : null;
    const overCadence = daysSince !== null && daysSince > policy.cadenceDays;
    const notes = [...(metadata.notes ?? [])];
    let status;
    if (opts.activeJob)
        status = "rotating";
    else if (metadata.vendorState === "disabled" || metadata.vendorState === "expired") {
        status = "expired";
        notes.push(`the vendor reports the credential ${metadata.vendorState}`);
    }
    else if (metadata.error || (!last && !expires))
        status = "unknown";
    else if (untilMs !== null && untilMs <= 0)
        status = "expired";
    else if (untilMs !== null && untilMs <= policy.rotateBeforeMs)
        status = "expiring_soon";
    else if (overCadence)
        status = "stale";
    else
        status = "healthy";
    return {
        name: subject.name,
        vendor: subject.vendor,
        source: subject.source,
        affected_sites: [...subject.affectedSites],
        last_rotated_at: last ? last.toISOString() : null,
        rotated_by: opts.rotatedBy ?? null,
        expires_at: expires ? expires.toISOString() : null,
        expires_at_basis: basis,
        suggested_cadence_days: policy.cadenceDays,
        status,
        days_since_rotation: daysSince,
        days_until_expiry: untilMs === null ? null : Math.floor(untilMs / DAY_MS),
        rotate_before_days: round2(policy.rotateBeforeMs / DAY_MS),
        over_cadence: overCadence,
        job: opts.activeJob
            ? {
                id: opts.activeJob.id,
                status: opts.activeJob.status,
                triggered_at: opts.activeJob.triggeredAt.toISOString(),
            }
            : null,
        notes,
        error: metadata.error ?? null,
    };
}
/** Inside the rotate-before window or past expiry: rotation is due. */
function rotationDue(status) {
    return status === "expiring_soon" || status === "expired";
}
/** Statuses someone (or something) has to act on: these get an issue. */
function needsAction(status) {
    return status === "stale" || status === "expiring_soon" || status === "expired";
}
/**
 * Whether to dispatch the rotation workflow of a secret now. `history` is the secret's jobs, any order.
 * Failures count from the later of the last completed job and the last rotation; with `retry` a failed
 * rotation is dispatched again after retry-backoff × 2^(failures-1), up to max-attempts; with `alert` a
 * failure is only reported.
 */
function decideDispatch(meta, policy, history, now) {
    if (!policy.rotationWorkflow)
        return { kind: "skip", reason: "no rotation-workflow in its policy" };
    const active = history.find((j) => ACTIVE_JOB_STATUSES.includes(j.status));
    if (active)
        return { kind: "skip", reason: `rotation job ${active.id} is ${active.status}` };
    if (!rotationDue(meta.status))
        return { kind: "skip", reason: `status is ${meta.status}` };
    const lastRotated = meta.last_rotated_at ? Date.parse(meta.last_rotated_at) : Number.NEGATIVE_INFINITY;
    const lastCompleted = Math.max(Number.NEGATIVE_INFINITY, ...history.filter((j) => j.status === "completed").map((j) => j.triggeredAt.getTime()));
    const since = Math.max(lastRotated, lastCompleted);
    const failures = history
        .filter((j) => j.status === "failed" && j.triggeredAt.getTime() > since)
        .sort((a, b) => b.triggeredAt.getTime() - a.triggeredAt.getTime());
    const latest = failures[0];
    if (!latest)
        return { kind: "dispatch", attempt: 1 };
    if (policy.failureStrategy === "alert") {
        return { kind: "give-up", reason: `rotation job ${latest.id} failed and failure-strategy is alert` };
    }
    if (failures.length >= policy.maxAttempts) {
        return {
            kind: "give-up",
            reason: `rotation failed ${failures.length} time(s), max-attempts is ${policy.maxAttempts}`,
        };
    }
    const failedAt = (latest.completedAt ?? latest.triggeredAt).getTime();
    const until = failedAt + policy.retryBackoffMs * 2 ** (failures.length - 1);
    if (now.getTime() < until)
        return { kind: "wait", until: new Date(until), attempt: failures.length + 1 };
    return { kind: "dispatch", attempt: failures.length + 1 };
}
/**
 * What an active job has become: completed once the secret shows a rotation after the job was triggered or
 * its workflow run succeeded; failed when the run concluded otherwise or nothing happened within
 * `timeoutMs`; running while its run is in progress. Undefined when nothing changed.
 */
function reconcileJob(job, facts, now, timeoutMs) {
    if (!ACTIVE_JOB_STATUSES.includes(job.status))
        return undefined;
    if (facts.lastRotatedAt && facts.lastRotatedAt.getTime() > job.triggeredAt.getTime())
        return { status: "completed" };
    const run = facts.run;
    if (run?.status === "completed") {
        if (run.conclusion === "success")
            return { status: "completed" };
        return {
            status: "failed",
            errorMsg: `rotation workflow run concluded ${run.conclusion ?? "without result"}`,
        };
    }
    if (now.getTime() - job.triggeredAt.getTime() > timeoutMs) {
        return {
            status: "failed",
            errorMsg: `no rotation seen within ${round2(timeoutMs / HOUR_MS)}h of the dispatch`,
        };
    }
    if (run?.status === "in_progress" && job.status === "queued")
        return { status: "running" };
    return undefined;
}
/** Who rotated a secret last, as far as the job table knows: the trigger of the last completed job. */
function rotatedByFromJobs(lastRotatedAt, history) {
    if (!lastRotatedAt)
        return undefined;
    const completed = history
        .filter((j) => j.status === "completed" && j.triggeredAt.getTime() <= lastRotatedAt.getTime())
        .sort((a, b) => b.triggeredAt.getTime() - a.triggeredAt.getTime())[0];
    return completed ? "automated" : undefined;
}
function countStatuses(secrets) {
    const counts = Object.fromEntries(SECRET_STATUSES.map((s) => [s, 0]));
    for (const s of secrets)
        counts[s.status]++;
    return counts;
}
const MARKERS = {
    healthy: "🟢 healthy",
    stale: "🟠 stale",
    expiring_soon: "🟡 expiring soon",
    expired: "🔴 expired",
    rotating: "🔄 rotating",
    unknown: "⚪ unknown",
};
function statusMarker(status) {
    return MARKERS[status];
}
function cell(text) {
    return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}
function day(iso) {
    return iso ? iso.slice(0, 10) : "—";
}
/** The job summary: one row per secret, then what was dispatched and what could not be read. */
function renderRotationSummary(report) {
    const c = report.counts;
    const lines = [
        "## Secret rotation sweep",
        "",
        `${report.secrets.length} secret(s) at ${report.fetched_at}: ${SECRET_STATUSES.filter((s) => c[s] > 0)
            .map((s) => `${c[s]} ${s.replace("_", " ")}`)
            .join(", ")}`,
        "",
        "| Vendor | Secret | Status | Last rotated | Days since rotation | Expires at | Cadence | Affected sites |",
        "|---|---|---|---|---|---|---|---|",
    ];
    for (const s of report.secrets) {
        const days = s.days_since_rotation === null
            ? "—"
            : s.over_cadence
                ? `**${s.days_since_rotation}** 🔺`
                : `${s.days_since_rotation}`;
        const expires = s.expires_at
            ? `${day(s.expires_at)}${s.expires_at_basis === "ttl" ? " (ttl)" : ""}`
            : "never / unknown";
        lines.push(`| ${cell(s.vendor)} | \`${cell(s.name)}\` | ${statusMarker(s.status)} | ${day(s.last_rotated_at)} | ${days} | ${expires} | ${s.suggested_cadence_days}d | ${cell(s.affected_sites.join(", ")) || "—"} |`);
    }
    if (report.dispatches.length > 0) {
        lines.push("", "### Rotation dispatches", "", "| Secret | Outcome | Job | Detail |", "|---|---|---|---|");
        for (const d of report.dispatches) {
            const job = d.job_id ? `\`${d.job_id}\`${d.attempt ? ` (attempt ${d.attempt})` : ""}` : "—";
            const detail = d.run_url ? `[run](${d.run_url})${d.detail ? ` ${d.detail}` : ""}` : (d.detail ?? "");
            lines.push(`| \`${cell(d.secret)}\` | ${d.outcome} | ${job} | ${cell(detail) || "—"} |`);
        }
    }
    const problems = report.secrets.filter((s) => s.error || s.notes.length > 0);
    if (problems.length > 0) {
        lines.push("", "### Notes", "");
        for (const s of problems) {
            for (const text of [...(s.error ? [s.error] : []), ...s.notes])
                lines.push(`- \`${cell(s.name)}\`: ${cell(text)}`);
        }
    }
    return `${lines.join("\n")}\n`;
}
/** The one line the log shows per secret. */
function formatSecretLine(s) {
    const parts = [`${s.name} (${s.vendor}): ${s.status}`];
    if (s.days_since_rotation !== null)
        parts.push(`rotated ${s.days_since_rotation}d ago${s.over_cadence ? ` (cadence ${s.suggested_cadence_days}d)` : ""}`);
    if (s.expires_at)
        parts.push(`expires ${s.expires_at}`);
    if (s.error)
        parts.push(s.error);
    return parts.join(", ");
}
function round2(n) {
    return Math.round(n * 100) / 100;
}
/**
 * What changed since the previous sweep. `unknown` holds the last status seen (missing metadata is not a
 * change); a secret seen for the first time counts as a change unless it is healthy. An issue opens for a
 * secret that needs action and has none; it gets a comment on each further change and closes once healthy.
 */
function decideSecretTransitions(metas, previous, now) {
    const out = { changes: [], open: [], update: [], close: [], next: [] };
    for (const meta of metas) {
        const prev = previous.get(meta.name);
        const to = meta.status === "unknown" && prev ? prev.status : meta.status;
        const from = prev?.status ?? null;
        const changed = from === null ? to !== "healthy" : from !== to;
        if (changed)
            out.changes.push({ name: meta.name, from, to, meta });
        let issue = prev?.issue ?? null;
        if (issue === null && needsAction(to))
            out.open.push(meta);
        else if (issue !== null && to === "healthy") {
            out.close.push({ meta, issue, since: prev?.since ?? now.toISOString() });
            issue = null;
        }
        else if (issue !== null && changed)
            out.update.push({ meta, issue, from });
        out.next.push({
            name: meta.name,
            status: to,
            since: changed || !prev ? now.toISOString() : prev.since,
            issue,
        });
    }
    return out;
}
/** The hidden marker that ties an issue to its secret. */
function secretIssueMarker(name) {
    return `<!-- prodgate:secret name=${name.replace(/[^A-Za-z0-9_]/g, "_")} -->`;
}
const STATUS_WORDS = {
    healthy: "healthy",
    stale: "overdue for rotation",
    expiring_soon: "expiring soon",
    expired: "expired",
    rotating: "rotating",
    unknown: "of unknown state",
};
function secretIssueTitle(meta) {
    return `Secret ${meta.name} (${meta.vendor}) is ${STATUS_WORDS[meta.status]}`;
}
function facts(meta) {
    const lines = [
        `- Status: ${statusMarker(meta.status)}`,
        `- Last rotated: ${meta.last_rotated_at ?? "unknown"}${meta.days_since_rotation !== null ? ` (${meta.days_since_rotation} days ago; cadence ${meta.suggested_cadence_days} days)` : ""}`,
        `- Expires: ${meta.expires_at ? `${meta.expires_at}${meta.expires_at_basis === "ttl" ? " (from its ttl)" : ""}` : "no expiry known"}`,
        `- Affects: ${meta.affected_sites.length ? meta.affected_sites.map(cell).join(", ") : "no surface listed"}`,
    ];
    if (meta.job)
        lines.push(`- Rotation job: \`${meta.job.id}\` (${meta.job.status})`);
    for (const n of [...(meta.error ? [meta.error] : []), ...meta.notes])
        lines.push(`- Note: ${cell(n)}`);
    return lines;
}
function secretIssueBody(meta, now, runUrl) {
    return [
        secretIssueMarker(meta.name),
        `\`${cell(meta.name)}\` (${cell(meta.vendor)}, source ${meta.source}) is **${STATUS_WORDS[meta.status]}** as of ${now.toISOString()}.`,
        "",
        ...facts(meta),
        "",
        runUrl ? `Found by [this rotation sweep](${runUrl}).` : "",
        "prodgate comments here when its status changes and closes this issue once it is healthy again.",
    ].join("\n");
}
function secretIssueComment(meta, from, now, runUrl) {
    const head = meta.status === "healthy"
        ? `✅ \`${cell(meta.name)}\` is healthy again at ${now.toISOString()}.`
        : `\`${cell(meta.name)}\` is now **${STATUS_WORDS[meta.status]}**${from ? ` (was ${STATUS_WORDS[from]})` : ""} at ${now.toISOString()}.`;
    return [head, "", ...facts(meta), runUrl ? `\n([rotation sweep](${runUrl}))` : ""].join("\n").trimEnd();
}
function slackEscape(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
const SLACK_MARKERS = {
    healthy: ":large_green_circle:",
    stale: ":large_orange_circle:",
    expiring_soon: ":large_yellow_circle:",
    expired: ":red_circle:",
    rotating: ":arrows_counterclockwise:",
    unknown: ":white_circle:",
};
/** One Slack line per change; undefined when nothing changed. */
function renderSecretSlack(changes, runUrl) {
    if (changes.length === 0)
        return undefined;
    const lines = changes.map((c) => {
        const m = c.meta;
        const detail = c.to === "healthy"
            ? ""
            : `: ${m.expires_at ? `expires ${m.expires_at.slice(0, 10)}` : m.days_since_rotation !== null ? `rotated ${m.days_since_rotation}d ago` : "no metadata"}${m.affected_sites.length ? `; affects ${m.affected_sites.join(", ")}` : ""}`;
        return `${SLACK_MARKERS[c.to]} *${slackEscape(m.name)}* (${slackEscape(m.vendor)}) ${c.from ?? "new"} → *${c.to}*${slackEscape(detail)}`;
    });
    if (runUrl)
        lines.push(`<${runUrl}|rotation sweep run>`);
    return lines.join("\n");
}

;// CONCATENATED MODULE: ./.build/js/pipelines/rotation-sweep.js






const DEFAULT_ROTATION_SETTINGS = {
    dispatch: false,
    jobTimeoutMs: 24 * 3_600_000,
    concurrency: 8,
    issueLabel: "prodgate:secret",
    trigger: "ci",
    runAttempt: 1,
};
async function runRotationSweep(inventory, settings, ports) {
    const clock = ports.clock ?? core_ports/* systemClock */.m;
    const reporter = ports.reporter ?? core_ports/* silentReporter */.P;
    const notes = [];
    if (settings.dispatch) {
        if (!ports.jobs || !ports.audit)
            throw new errors/* InputError */.dz("database-url", "is required with dispatch: true (rotation jobs and audit rows live there)");
        if (!ports.workflows)
            throw new errors/* InputError */.dz("github-token", "is required with dispatch: true");
    }
    const now = clock.now();
    const outcomes = await (0,pool/* runPool */.k)(inventory.secrets, { concurrency: settings.concurrency }, (s) => ports.metadata.read(s));
    const metadata = outcomes.map((o) => o.status === "fulfilled"
        ? o.value
        : { error: o.status === "rejected" ? (0,errors/* describeError */.Uc)(o.reason) : "not read" });
    const secrets = [];
    const dispatches = [];
    for (const [i, secret] of inventory.secrets.entries()) {
        const meta = metadata[i] ?? {};
        try {
            const { evaluated, record } = await handleSecret(secret, meta, now, settings, ports, reporter);
            secrets.push(evaluated);
            if (record)
                dispatches.push(record);
        }
        catch (err) {
            const message = (0,errors/* describeError */.Uc)(err);
            notes.push(`${secret.name}: rotation jobs unavailable: ${message}`);
            secrets.push(evaluateSecret(secret, meta, now));
        }
    }
    for (const s of secrets)
        reporter.info(formatSecretLine(s));
    let changes = [];
    const issues = [];
    if (ports.jobs) {
        try {
            await ports.jobs.withMemory(async (memory) => {
                const previous = await memory.load(secrets.map((s) => s.name));
                const t = decideSecretTransitions(secrets, previous, now);
                changes = t.changes;
                const next = new Map(t.next.map((m) => [m.name, m]));
                await handleIssues(t, next, settings, ports, now, issues, notes, reporter);
                await postChanges(ports.notify, renderSecretSlack(changes, settings.runUrl), changes.length, notes);
                await memory.save([...next.values()]);
            });
        }
        catch (err) {
            notes.push(`Postgres memory unavailable: ${(0,errors/* describeError */.Uc)(err)}; no issue or Slack alert was sent`);
        }
    }
    else {
        notes.push("No database: rotation jobs, dispatch and alerts on change are off");
    }
    for (const n of notes)
        reporter.warning(n);
    const report = {
        fetched_at: now.toISOString(),
        counts: countStatuses(secrets),
        secrets,
        dispatches,
    };
    if (ports.console)
        try {
            await ports.console.saveSecrets(report);
        }
        catch (err) {
            const note = `The console's copy of the secrets' metadata was not saved: ${(0,errors/* describeError */.Uc)(err)}`;
            notes.push(note);
            reporter.warning(note);
        }
    return { report, summary: renderRotationSummary(report), changes, issues, notes };
}
async function handleSecret(secret, metadata, now, settings, ports, reporter) {
    const jobs = ports.jobs;
    if (!jobs)
        return { evaluated: evaluateSecret(secret, metadata, now) };
    let history = await jobs.history(secret.name);
    const active = history.find((j) => ACTIVE_JOB_STATUSES.includes(j.status));
    if (active) {
        const moved = await reconcile(active, secret, metadata, now, settings, ports, reporter);
        if (moved)
            history = history.map((j) => (j.id === moved.id ? moved : j));
    }
    const current = history.find((j) => ACTIVE_JOB_STATUSES.includes(j.status));
    const opts = {
        activeJob: current,
        rotatedBy: rotatedByFromJobs(metadata.lastRotatedAt, history),
    };
    const evaluated = evaluateSecret(secret, metadata, now, opts);
    if (!settings.dispatch || current)
        return { evaluated };
    // Decide on what the secret would be without a job: rotation is due when it is expiring or expired.
    const decision = decideDispatch(evaluated, secret.policy, history, now);
    const base = { secret: secret.name, workflow: secret.policy.rotationWorkflow };
    switch (decision.kind) {
        case "skip":
            return { evaluated };
        case "wait":
            return {
                evaluated,
                record: {
                    ...base,
                    outcome: "waiting",
                    attempt: decision.attempt,
                    detail: `retry after ${decision.until.toISOString()}`,
                },
            };
        case "give-up":
            return { evaluated, record: { ...base, outcome: "gave-up", detail: decision.reason } };
        case "dispatch": {
            const record = await dispatch(secret, decision.attempt, now, settings, ports, reporter);
            const after = await jobs.history(secret.name);
            const job = after.find((j) => ACTIVE_JOB_STATUSES.includes(j.status));
            return { evaluated: evaluateSecret(secret, metadata, now, { ...opts, activeJob: job }), record };
        }
    }
}
/** Moves an active job on from what the secret and its workflow run show. Returns the job if it changed. */
async function reconcile(job, secret, metadata, now, settings, ports, reporter) {
    const steps = job.steps ?? {};
    const runId = typeof steps.run_id === "number" ? steps.run_id : undefined;
    const repository = typeof steps.repository === "string" ? steps.repository : undefined;
    let run;
    if (runId !== undefined && repository && ports.workflows) {
        try {
            run = await ports.workflows(repository).getWorkflowRun(runId);
        }
        catch (err) {
            reporter.warning(`${secret.name}: could not read rotation run ${runId}: ${(0,errors/* describeError */.Uc)(err)}`);
        }
    }
    const update = reconcileJob(job, { lastRotatedAt: metadata.lastRotatedAt, run }, now, settings.jobTimeoutMs);
    if (!update)
        return undefined;
    const moved = await ports.jobs.update(job.id, {
        status: update.status,
        errorMsg: update.errorMsg,
        at: now,
        ...(run ? { steps: { run_status: run.status, run_conclusion: run.conclusion } } : {}),
    });
    if (!moved)
        return undefined;
    reporter.info(`${secret.name}: rotation job ${job.id} is ${moved.status}${update.errorMsg ? ` (${update.errorMsg})` : ""}`);
    if (moved.status === "completed" && ports.audit) {
        await writeAudit(ports.audit, "secret.rotate.completed", moved, settings, now, "completed").catch((err) => reporter.warning(`${secret.name}: the secret.rotate.completed audit row was not written: ${(0,errors/* describeError */.Uc)(err)}`));
    }
    return moved;
}
/**
 * Creates the job (the database refuses a second active one), writes `secret.rotate.triggered` before the
 * dispatch (no row, no dispatch), then dispatches the workflow with `secret_name` and `job_id`.
 */
async function dispatch(secret, attempt, now, settings, ports, reporter) {
    const workflow = secret.policy.rotationWorkflow;
    const repository = secret.repository ?? settings.repository;
    const base = { secret: secret.name, outcome: "dispatched", workflow, attempt, repository };
    if (!repository)
        return {
            ...base,
            outcome: "failed",
            detail: "no repository to dispatch in: set GITHUB_REPOSITORY or the secret's repository",
        };
    const job = await ports.jobs.create({
        secretName: secret.name,
        triggeredBy: settings.actor,
        triggeredAt: now,
        steps: { workflow, repository, attempt, ...(settings.runUrl ? { sweep_run_url: settings.runUrl } : {}) },
    });
    if (!job)
        return { ...base, outcome: "already-rotating", detail: "another sweep created the job first" };
    const fail = async (why) => {
        await ports.jobs.update(job.id, { status: "failed", errorMsg: why, at: now });
        reporter.warning(`${secret.name}: rotation job ${job.id} failed: ${why}`);
        return { ...base, outcome: "failed", job_id: job.id, detail: why };
    };
    try {
        await writeAudit(ports.audit, "secret.rotate.triggered", job, settings, now, "started");
    }
    catch (err) {
        return fail(`the secret.rotate.triggered audit row could not be written, so nothing was dispatched: ${(0,errors/* describeError */.Uc)(err)}`);
    }
    let result;
    try {
        result = await ports.workflows(repository).dispatchWorkflow(workflow, settings.ref, {
            secret_name: secret.name,
            job_id: job.id,
        });
    }
    catch (err) {
        return fail(`dispatch of ${workflow} in ${repository} failed: ${(0,errors/* describeError */.Uc)(err)}`);
    }
    await ports.jobs.update(job.id, {
        status: "queued",
        at: now,
        steps: {
            ...(result.runId !== undefined ? { run_id: result.runId } : {}),
            ...(result.htmlUrl ? { run_url: result.htmlUrl } : {}),
        },
    });
    reporter.info(`${secret.name}: dispatched ${workflow} in ${repository} as job ${job.id} (attempt ${attempt})`);
    return { ...base, job_id: job.id, ...(result.htmlUrl ? { run_url: result.htmlUrl } : {}) };
}
function writeAudit(audit, action, job, settings, now, phase) {
    const record = (0,core_audit/* buildAuditRecord */.Ti)({
        action,
        phase,
        ...(phase === "completed" ? { outcome: "success" } : {}),
        actor: settings.actor,
        target: job.secretName,
        trigger: settings.trigger,
        runUrl: settings.runUrl,
        runId: settings.runId,
        runAttempt: settings.runAttempt,
        context: { secret_name: job.secretName, job_id: job.id },
        createdAt: now,
    });
    // One row per job and phase, whichever run writes it.
    return audit.write({ ...record, idempotencyKey: `secret.rotate:${job.id}:${phase}` });
}
async function handleIssues(t, next, settings, ports, now, issues, notes, reporter) {
    const port = ports.incidents;
    if (!port || (t.open.length === 0 && t.close.length === 0 && t.update.length === 0))
        return;
    const openIssue = issueOpener(port, settings.issueLabel);
    for (const meta of t.open) {
        try {
            const { issue, adopted } = await openIssue(secretIssueMarker(meta.name), secretIssueTitle(meta), secretIssueBody(meta, now, settings.runUrl));
            const m = next.get(meta.name);
            if (m)
                m.issue = issue.number;
            if (!adopted)
                issues.push({ secret: meta.name, issue: issue.number, url: issue.html_url, action: "opened" });
            reporter.info(`${adopted ? "Adopted" : "Opened"} issue #${issue.number} for ${meta.name}`);
        }
        catch (err) {
            notes.push(`Could not open the issue for ${meta.name}: ${(0,errors/* describeError */.Uc)(err)}`);
        }
    }
    for (const u of t.update) {
        try {
            await port.comment(u.issue, secretIssueComment(u.meta, u.from, now, settings.runUrl));
            issues.push({ secret: u.meta.name, issue: u.issue, action: "commented" });
        }
        catch (err) {
            notes.push(`Could not comment on issue #${u.issue} for ${u.meta.name}: ${(0,errors/* describeError */.Uc)(err)}`);
        }
    }
    for (const c of t.close) {
        try {
            await port.comment(c.issue, secretIssueComment(c.meta, null, now, settings.runUrl));
            await port.close(c.issue);
            issues.push({ secret: c.meta.name, issue: c.issue, action: "closed" });
            reporter.info(`Closed issue #${c.issue} for ${c.meta.name}`);
        }
        catch (err) {
            const m = next.get(c.meta.name);
            if (m)
                m.issue = c.issue;
            notes.push(`Could not close issue #${c.issue} for ${c.meta.name}: ${(0,errors/* describeError */.Uc)(err)}`);
        }
    }
}
/**
 * The other end of a dispatch: the rotation workflow reports its job's outcome (the rotation-sweep action
 * with `job-id`, or `prodgate sweep secrets --job`). A completed job gets its `secret.rotate.completed` row.
 */
async function recordJobOutcome(jobId, outcome, settings, ports) {
    if (!/^rot_[a-z0-9]+$/.test(jobId))
        throw new errors/* InputError */.dz("job-id", `must be a rotation job id like rot_1a2b3c4d5e6f; got '${jobId}'`);
    const now = (ports.clock ?? core_ports/* systemClock */.m).now();
    const job = await ports.jobs.update(jobId, {
        status: outcome.status,
        errorMsg: outcome.error,
        at: now,
        ...(settings.runUrl ? { steps: { rotation_run_url: settings.runUrl } } : {}),
    });
    if (job?.status === "completed" && ports.audit)
        await writeAudit(ports.audit, "secret.rotate.completed", job, settings, now, "completed");
    return job;
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./.build/js/core/yaml-fields.js
var yaml_fields = __webpack_require__(8665);
;// CONCATENATED MODULE: ./.build/js/core/secret-inventory.js




/**
 * The secret inventory (examples/secrets.yml): a top-level `secrets:` list and an optional `policies:` map of
 * per-vendor policy defaults, kebab-case field names. A secret's policy is the built-in defaults, then its
 * vendor's `policies:` entry, then its own `policy:` block. Parsing is pure (the caller reads the file); every
 * problem names the file, line, column and field. The inventory holds names and dates, never values.
 */
const SOURCES = [
    "static",
    "github-actions",
    "github-environment",
    "infisical",
    "cloudflare-token",
    "heroku-authorization",
];
/** An inventory that does not validate. The message lists every problem as `file:line:col: field: problem`. */
class InventoryError extends yaml_fields/* YamlFileError */.gM {
    name = "InventoryError";
    constructor(file, problems) {
        super("inventory", "Inventory", file, problems);
    }
}
const POLICY_DEFAULTS = {
    rotateBeforeMs: 14 * DAY_MS,
    cadenceDays: 90,
    revokeOld: true,
    maxOverlapMs: 24 * HOUR_MS,
    failureStrategy: "retry",
    retryBackoffMs: HOUR_MS,
    maxAttempts: 3,
};
/** Cloudflare tokens get a 30-day cadence (seed 000 §4.3: the May 2026 expiry incident). */
const CLOUDFLARE_CADENCE_DAYS = 30;
const TOP_KEYS = ["secrets", "policies"];
const SECRET_KEYS = [
    "name",
    "vendor",
    "affected-sites",
    "source",
    "policy",
    "key",
    "last-rotated-at",
    "expires-at",
    "repository",
    "environment",
    "project",
    "path",
    "authorization",
    "account-id",
    "description",
];
const POLICY_KEYS = [
    "ttl",
    "rotate-before",
    "cadence-days",
    "revoke-old",
    "max-overlap",
    "failure-strategy",
    "rotation-workflow",
    "retry-backoff",
    "max-attempts",
];
/** Fields that only mean something for some sources. */
const SOURCE_FIELDS = {
    repository: ["github-actions", "github-environment"],
    environment: ["github-environment", "infisical"],
    project: ["infisical"],
    path: ["infisical"],
    authorization: ["heroku-authorization"],
    "account-id": ["cloudflare-token"],
    key: ["github-actions", "github-environment", "infisical"],
};
function parseInventory(text, file) {
    const { doc, problems, report, at } = (0,yaml_fields/* parseYamlFields */.wi)(text);
    if (problems.length)
        throw new InventoryError(file, problems);
    const root = doc.contents;
    if (!(0,dist/* isMap */.jh)(root)) {
        report(root, "(top level)", "must be a mapping with a `secrets:` list");
        throw new InventoryError(file, problems);
    }
    (0,yaml_fields/* checkKeys */.L)(root, TOP_KEYS, "", report);
    const vendorPolicies = new Map();
    const policiesNode = root.get("policies", true);
    if (policiesNode !== undefined) {
        if (!(0,dist/* isMap */.jh)(policiesNode))
            report(policiesNode, "policies", "must map vendor names to policies");
        else {
            for (const pair of policiesNode.items) {
                const vendor = (0,dist/* isScalar */.jn)(pair.key) ? String(pair.key.value) : "";
                if (!/^[a-z][a-z0-9_-]{0,39}$/.test(vendor)) {
                    report(pair.key, `policies.${vendor || "?"}`, "must be a vendor name (lowercase letters, digits, -)");
                    continue;
                }
                const patch = parsePolicy(pair.value, `policies.${vendor}`, report);
                if (patch)
                    vendorPolicies.set(vendor, patch);
            }
        }
    }
    const list = root.get("secrets", true);
    if (!(0,dist/* isSeq */.oP)(list)) {
        report(list ?? root, "secrets", list ? "must be a list of secrets" : "is required (a list of secrets)");
        throw new InventoryError(file, problems);
    }
    if (list.items.length === 0)
        report(list, "secrets", "is empty: list at least one secret");
    const secrets = [];
    const seen = new Map();
    list.items.forEach((item, i) => {
        const path = `secrets[${i}]`;
        if (!(0,dist/* isMap */.jh)(item)) {
            report(item, path, "must be a mapping (name, vendor, source, ...)");
            return;
        }
        const before = problems.length;
        const secret = parseSecret(item, path, vendorPolicies, report, at(item).line);
        if (!secret || problems.length > before)
            return;
        const first = seen.get(secret.name);
        if (first !== undefined)
            report(item.get("name", true), `${path}.name`, `duplicates '${secret.name}' (first on line ${first})`);
        else
            seen.set(secret.name, secret.line);
        secrets.push(secret);
    });
    if (problems.length)
        throw new InventoryError(file, problems);
    return { file, secrets };
}
function parseSecret(map, path, vendorPolicies, report, line) {
    (0,yaml_fields/* checkKeys */.L)(map, SECRET_KEYS, path, report);
    const name = (0,yaml_fields/* str */.gx)(map, "name", path, report, true);
    if (name !== undefined && !/^[A-Za-z_][A-Za-z0-9_]{0,199}$/.test(name))
        report(map.get("name", true), `${path}.name`, `must be a secret name (letters, digits, _); got '${name}'`);
    const where = name ? `${path} (${name})` : path;
    const vendor = (0,yaml_fields/* str */.gx)(map, "vendor", where, report, true);
    if (vendor !== undefined && !/^[a-z][a-z0-9_-]{0,39}$/.test(vendor))
        report(map.get("vendor", true), `${where}.vendor`, `must be a lowercase vendor name; got '${vendor}'`);
    const sourceRaw = (0,yaml_fields/* str */.gx)(map, "source", where, report, true);
    let source;
    if (sourceRaw !== undefined) {
        if (SOURCES.includes(sourceRaw))
            source = sourceRaw;
        else
            report(map.get("source", true), `${where}.source`, `must be one of ${SOURCES.join(", ")}; got '${sourceRaw}'${(0,yaml_fields/* suggest */.ZA)(sourceRaw, SOURCES)}`);
    }
    const affectedSites = strList(map, "affected-sites", where, report);
    const key = (0,yaml_fields/* str */.gx)(map, "key", where, report);
    const lastRotatedAt = instant(map, "last-rotated-at", where, report);
    const expiresAt = instant(map, "expires-at", where, report);
    const repository = (0,yaml_fields/* str */.gx)(map, "repository", where, report);
    if (repository !== undefined && !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository))
        report(map.get("repository", true), `${where}.repository`, `must be owner/name; got '${repository}'`);
    const environment = (0,yaml_fields/* str */.gx)(map, "environment", where, report);
    const project = (0,yaml_fields/* str */.gx)(map, "project", where, report);
    const secretPath = (0,yaml_fields/* str */.gx)(map, "path", where, report);
    if (secretPath !== undefined && !secretPath.startsWith("/"))
        report(map.get("path", true), `${where}.path`, `must be a folder path starting with /; got '${secretPath}'`);
    const authorization = (0,yaml_fields/* str */.gx)(map, "authorization", where, report);
    const accountId = (0,yaml_fields/* str */.gx)(map, "account-id", where, report);
    if (accountId !== undefined && !/^[0-9a-f]{32}$/.test(accountId))
        report(map.get("account-id", true), `${where}.account-id`, `must be a Cloudflare account ID (32 hex digits); got '${accountId}'`);
    const own = map.has("policy")
        ? parsePolicy(map.get("policy", true), `${where}.policy`, report)
        : {};
    if (source) {
        for (const [field, sources] of Object.entries(SOURCE_FIELDS)) {
            if (map.has(field) && !sources.includes(source))
                report((0,yaml_fields/* keyNode */.qe)(map, field), `${where}.${field}`, `does not apply to source ${source} (only ${sources.join(", ")})`);
        }
        if (source === "github-environment" && environment === undefined && !map.has("environment"))
            report(map, `${where}.environment`, "is required for source github-environment (the GitHub environment name)");
        if (source === "infisical" && project === undefined && !map.has("project"))
            report(map, `${where}.project`, "is required for source infisical (the Infisical project ID)");
    }
    if (!name || !vendor || !source || !own)
        return undefined;
    const cadenceDefault = vendor === "cloudflare" || source === "cloudflare-token"
        ? CLOUDFLARE_CADENCE_DAYS
        : POLICY_DEFAULTS.cadenceDays;
    const policy = {
        ...POLICY_DEFAULTS,
        cadenceDays: cadenceDefault,
        ...vendorPolicies.get(vendor),
        ...own,
    };
    if (policy.maxOverlapMs > policy.rotateBeforeMs &&
        policy.rotateBeforeMs > 0 &&
        own.maxOverlapMs !== undefined)
        report(map.get("policy", true), `${where}.policy.max-overlap`, "is longer than rotate-before: the old credential would outlive its own expiry window");
    return {
        name,
        vendor,
        affectedSites,
        source,
        policy,
        key: key ?? name,
        ...(lastRotatedAt ? { lastRotatedAt } : {}),
        ...(expiresAt ? { expiresAt } : {}),
        ...(repository ? { repository } : {}),
        ...(environment ? { environment } : source === "infisical" ? { environment: "prod" } : {}),
        ...(project ? { project } : {}),
        ...(source === "infisical" ? { path: secretPath ?? "/" } : {}),
        ...(source === "heroku-authorization" ? { authorization: authorization ?? name } : {}),
        ...(accountId ? { accountId } : {}),
        line,
    };
}
/** A policy block; undefined when it is not a mapping. Unknown or malformed fields are reported. */
function parsePolicy(node, path, report) {
    if (!(0,dist/* isMap */.jh)(node)) {
        report(node, path, `must be a mapping (${POLICY_KEYS.join(", ")})`);
        return undefined;
    }
    (0,yaml_fields/* checkKeys */.L)(node, POLICY_KEYS, path, report);
    const patch = {};
    const ttl = secret_inventory_duration(node, "ttl", path, report);
    if (ttl !== undefined)
        patch.ttlMs = ttl;
    const rotateBefore = secret_inventory_duration(node, "rotate-before", path, report);
    if (rotateBefore !== undefined)
        patch.rotateBeforeMs = rotateBefore;
    const cadence = (0,yaml_fields/* int */.Wh)(node, "cadence-days", path, report, 1, 3650);
    if (cadence !== undefined)
        patch.cadenceDays = cadence;
    const revokeOld = (0,yaml_fields/* bool */.lc)(node, "revoke-old", path, report);
    if (revokeOld !== undefined)
        patch.revokeOld = revokeOld;
    const overlap = secret_inventory_duration(node, "max-overlap", path, report);
    if (overlap !== undefined)
        patch.maxOverlapMs = overlap;
    const strategy = (0,yaml_fields/* str */.gx)(node, "failure-strategy", path, report);
    if (strategy !== undefined) {
        if (strategy === "retry" || strategy === "alert")
            patch.failureStrategy = strategy;
        else
            report(node.get("failure-strategy", true), `${path}.failure-strategy`, `must be retry or alert; got '${strategy}'`);
    }
    const workflow = (0,yaml_fields/* str */.gx)(node, "rotation-workflow", path, report);
    if (workflow !== undefined) {
        const file = workflow.replace(/^\.github\/workflows\//, "");
        if (/^[A-Za-z0-9._-]+\.ya?ml$/.test(file))
            patch.rotationWorkflow = file;
        else
            report(node.get("rotation-workflow", true), `${path}.rotation-workflow`, `must be a workflow file name like rotate-heroku.yml; got '${workflow}'`);
    }
    const backoff = secret_inventory_duration(node, "retry-backoff", path, report);
    if (backoff !== undefined)
        patch.retryBackoffMs = backoff;
    const attempts = (0,yaml_fields/* int */.Wh)(node, "max-attempts", path, report, 1, 20);
    if (attempts !== undefined)
        patch.maxAttempts = attempts;
    if (ttl !== undefined && rotateBefore !== undefined && rotateBefore >= ttl)
        report(node.get("rotate-before", true), `${path}.rotate-before`, "must be shorter than ttl");
    return patch;
}
/**
 * An instant from ISO 8601: a date (`2026-05-01`, midnight UTC) or a date-time with a zone (`Z`, `+02:00`).
 * A date-time without a zone is refused: it would mean a different instant on every runner.
 */
function parseInstant(text) {
    const t = text.trim();
    const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
    if (dateOnly) {
        const [y, m, d] = [Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3])];
        const date = new Date(Date.UTC(y, m - 1, d));
        if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
            return { ok: false, problem: `is not a calendar date: '${t}'` };
        return { ok: true, date };
    }
    const full = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|z|[+-]\d{2}:?\d{2})?$/.exec(t);
    if (!full)
        return {
            ok: false,
            problem: `must be an ISO 8601 date or date-time (2026-05-01, 2026-05-01T12:00:00Z); got '${t}'`,
        };
    if (!full[8])
        return { ok: false, problem: `has no time zone: add Z (UTC) or an offset like +02:00; got '${t}'` };
    const zone = full[8].toUpperCase() === "Z" ? "Z" : full[8].replace(/^([+-]\d{2}):?(\d{2})$/, "$1:$2");
    const [y, mo, d, h, mi] = [1, 2, 3, 4, 5].map((i) => Number(full[i]));
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || Number(full[6] ?? 0) > 59)
        return { ok: false, problem: `is not a valid date-time: '${t}'` };
    const ms = Date.parse(`${full[1]}-${full[2]}-${full[3]}T${full[4]}:${full[5]}:${full[6] ?? "00"}${(full[7] ?? "").slice(0, 4)}${zone}`);
    const probe = new Date(Date.UTC(y, mo - 1, d));
    if (Number.isNaN(ms) || probe.getUTCDate() !== d)
        return { ok: false, problem: `is not a valid date-time: '${t}'` };
    return { ok: true, date: new Date(ms) };
}
/**
 * A policy duration in the one duration grammar (core/duration.ts), where a bare number is days: `14d`, `36h`,
 * `90m`, `2w`, `30`. Months and years are refused (they have no fixed length). Undefined when it is not one.
 */
function parsePolicyDuration(text) {
    try {
        return (0,duration/* durationMs */.pc)("policy", (0,duration/* parseDurationSpec */.JJ)("policy", text, { bare: "d", expected: "a duration" }), text);
    }
    catch {
        return undefined;
    }
}
function strList(map, key, path, report) {
    const node = map.get(key, true);
    if (node === undefined)
        return [];
    const items = (0,dist/* isSeq */.oP)(node) ? node.items : [node];
    const out = [];
    for (const item of items) {
        if ((0,dist/* isScalar */.jn)(item) &&
            (typeof item.value === "string" || typeof item.value === "number") &&
            String(item.value).trim())
            out.push(String(item.value).trim());
        else
            report(item, `${path}.${key}`, "must be a list of surface ids");
    }
    return out;
}
function instant(map, key, path, report) {
    const text = (0,yaml_fields/* scalarText */.ws)(map, key, path, report);
    if (text === undefined)
        return undefined;
    const r = parseInstant(text);
    if (r.ok)
        return r.date;
    report(map.get(key, true), `${path}.${key}`, r.problem);
    return undefined;
}
function secret_inventory_duration(map, key, path, report) {
    const text = (0,yaml_fields/* scalarText */.ws)(map, key, path, report);
    if (text === undefined)
        return undefined;
    const ms = parsePolicyDuration(text);
    if (ms === undefined) {
        report(map.get(key, true), `${path}.${key}`, `must be a duration like 14d, 36h or 90m (a bare number is days); got '${text}'`);
        return undefined;
    }
    return ms;
}

// EXTERNAL MODULE: ./.build/js/store/audit.js + 3 modules
var store_audit = __webpack_require__(7091);
// EXTERNAL MODULE: ./.build/js/store/console-sources.js
var console_sources = __webpack_require__(4772);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./.build/js/store/table-store.js
var table_store = __webpack_require__(5766);
;// CONCATENATED MODULE: ./.build/js/store/rotation-jobs.js





const COLUMNS = "id, secret_name, triggered_by, triggered_at, status, steps_json, completed_at, error_msg";
function fromRaw(r) {
    return {
        id: r.id,
        secretName: r.secret_name,
        triggeredBy: r.triggered_by,
        triggeredAt: r.triggered_at,
        status: r.status,
        steps: r.steps_json,
        completedAt: r.completed_at,
        errorMsg: r.error_msg,
    };
}
/** `rot_` + 12 hex characters (seed 000 §4.5: 'rot_<uuid_short>'). */
function newJobId() {
    return `rot_${(0,external_node_crypto_.randomBytes)(6).toString("hex")}`;
}
/**
 * console_rotation_jobs. `create` is the only way a job comes to be, and a partial unique index lets at most
 * one queued or running job exist per secret: of two sweeps racing, one creates the job and the other gets
 * undefined. Step details pass through the audit redaction (keys naming secrets are dropped) before storage.
 */
class RotationJobStore extends table_store/* TableStore */.s {
    /** The secrets' memory table, named after the jobs table as the migration names it. */
    stateTable;
    constructor(parts) {
        super(parts);
        this.stateTable = `"${parts.table.split(".").pop()}_secret_state"`;
    }
    static async open(databaseUrl, opts = {}) {
        return new RotationJobStore(await (0,table_store/* openTable */.R)(databaseUrl, opts, "rotation", "rotation-table", "cannot migrate the rotation jobs table"));
    }
    /**
     * Creates a queued job, or returns undefined when the secret already has a queued or running one (created
     * by this sweep or a concurrent one).
     */
    async create(job) {
        const id = newJobId();
        const steps = job.steps ? JSON.stringify((0,core_audit/* redactContext */.ZD)(job.steps, [])) : null;
        return this.attempt("cannot create the rotation job", async () => {
            const res = await this.pool.query(`INSERT INTO ${this.quoted} (id, secret_name, triggered_by, triggered_at, status, steps_json)
           VALUES ($1, $2, $3, $4, 'queued', $5::jsonb)
           ON CONFLICT (secret_name) WHERE status IN ('queued', 'running') DO NOTHING
           RETURNING ${COLUMNS}`, [id, job.secretName, job.triggeredBy, job.triggeredAt, steps]);
            return res.rows[0] ? fromRaw(res.rows[0]) : undefined;
        }, this.retry);
    }
    /**
     * Moves a queued or running job on. Completed and failed jobs are final: updating one changes nothing and
     * returns undefined. `steps` are merged into the stored ones.
     */
    async update(id, change) {
        const final = !ACTIVE_JOB_STATUSES.includes(change.status);
        const steps = change.steps ? JSON.stringify((0,core_audit/* redactContext */.ZD)(change.steps, [])) : null;
        return this.attempt("cannot update the rotation job", async () => {
            const res = await this.pool.query(`UPDATE ${this.quoted}
              SET status = $2,
                  error_msg = COALESCE($3, error_msg),
                  steps_json = CASE WHEN $4::jsonb IS NULL THEN steps_json
                                    ELSE COALESCE(steps_json, '{}'::jsonb) || $4::jsonb END,
                  completed_at = CASE WHEN $5 THEN $6::timestamptz ELSE completed_at END
            WHERE id = $1 AND status IN ('queued', 'running')
            RETURNING ${COLUMNS}`, [id, change.status, change.errorMsg?.slice(0, 1000) ?? null, steps, final, change.at]);
            return res.rows[0] ? fromRaw(res.rows[0]) : undefined;
        }, this.retry);
    }
    async get(id) {
        return this.select(`WHERE id = $1`, [id], "cannot read the rotation job").then((rows) => rows[0]);
    }
    /** A secret's jobs, newest first. */
    async history(secretName, limit = 20) {
        return this.select(`WHERE secret_name = $1 ORDER BY triggered_at DESC, id DESC LIMIT $2`, [secretName, Math.max(1, Math.min(limit, 1000))], "cannot read the rotation jobs");
    }
    /** Every queued or running job. */
    async active() {
        return this.select(`WHERE status IN ('queued', 'running') ORDER BY triggered_at`, [], "cannot read the rotation jobs");
    }
    async select(where, params, doing) {
        const res = await this.attempt(doing, () => this.pool.query(`SELECT ${COLUMNS} FROM ${this.quoted} ${where}`, params), this.retry);
        return res.rows.map(fromRaw);
    }
    /**
     * Runs `fn` in a transaction holding the sweeps' advisory lock (the status sweep's), so that of two
     * concurrent sweeps the second sees the memory the first saved and never opens a second issue.
     */
    async withMemory(fn) {
        return this.attempt("cannot use the secrets' memory", () => (0,poll_log/* withSweepLock */.uI)(this.pool, (client) => fn({
            load: (names) => this.loadMemory(client, names),
            save: (rows) => this.saveMemory(client, rows),
        })));
    }
    async loadMemory(db, names) {
        const res = await db.query(`SELECT secret_name, status, since, issue_number FROM ${this.stateTable} WHERE secret_name = ANY($1)`, [names]);
        return new Map(res.rows.map((r) => [
            r.secret_name,
            {
                name: r.secret_name,
                status: r.status,
                since: r.since.toISOString(),
                issue: r.issue_number,
            },
        ]));
    }
    async saveMemory(db, rows) {
        if (rows.length === 0)
            return;
        await db.query(`INSERT INTO ${this.stateTable} AS s (secret_name, status, since, issue_number, updated_at)
       SELECT x.secret_name, x.status, x.since, x.issue_number, now()
         FROM jsonb_to_recordset($1::jsonb) AS x(secret_name text, status text, since timestamptz, issue_number integer)
       ON CONFLICT (secret_name) DO UPDATE SET status = EXCLUDED.status, since = EXCLUDED.since,
         issue_number = EXCLUDED.issue_number, updated_at = now()`, [
            JSON.stringify(rows.map((r) => ({ secret_name: r.name, status: r.status, since: r.since, issue_number: r.issue }))),
        ]);
    }
}

// EXTERNAL MODULE: ./.build/js/vendors/http.js
var http = __webpack_require__(2770);
;// CONCATENATED MODULE: ./.build/js/vendors/infisical.js


const DEFAULT_INFISICAL_API_URL = "https://app.infisical.com";
/** The only secret whose value this client reads: the companion holding another secret's expiry. */
const EXPIRES_AT_SUFFIX = "__EXPIRES_AT";
/**
 * Infisical secret metadata (seed 000 §4.3). Lists secrets with `viewSecretValue=false`, keeps key, createdAt,
 * updatedAt and version, and drops whatever value field an answer may still carry. The one value it reads is a
 * `<NAME>__EXPIRES_AT` companion, and only through `readExpiryCompanion`.
 *
 * It speaks the v4 secrets API (`/api/v4/secrets`, `projectId`). A server without it (an older self-hosted
 * Infisical answers Fastify's "Route ... not found" 404) is spoken to through the deprecated v3 raw-secrets API
 * (`/api/v3/secrets/raw`, `workspaceId`) from then on: the client remembers which one answered.
 */
class InfisicalClient {
    http;
    api;
    /** The first v4 call, while it is not yet known whether the server has v4: concurrent calls wait for it. */
    probe;
    constructor(opts) {
        this.http = new http/* HttpClient */.Qq({
            vendor: "Infisical",
            baseUrl: opts.baseUrl ?? DEFAULT_INFISICAL_API_URL,
            headers: { authorization: `Bearer ${opts.token}`, accept: "application/json" },
            timeoutMs: opts.timeoutMs,
            retries: opts.retries,
            backoffMs: opts.backoffMs,
            clock: opts.clock,
            describe: describeInfisical,
        });
    }
    /** The secrets API this server answered with, once a call has been made. */
    get apiVersion() {
        return this.api;
    }
    async listSecretMetadata(at) {
        const { res, path, query } = await this.get(at, undefined, { viewSecretValue: "false", include_imports: "true", expandSecretReferences: "false" });
        if (res.status === 404)
            throw describeInfisical(res, { method: "GET", path, query });
        const body = res.json;
        if (!body || !Array.isArray(body.secrets))
            throw new errors/* VendorError */.Hi("Infisical", `Infisical answered without a secrets list for GET ${path}`);
        const out = [];
        const seen = new Set();
        const imported = (body.imports ?? []).flatMap((i) => (Array.isArray(i?.secrets) ? i.secrets : []));
        // Secrets of the folder itself come first and win over imported ones of the same key. Infisical answers
        // imported secrets without their dates.
        for (const raw of [...body.secrets, ...imported]) {
            if (typeof raw?.secretKey !== "string" || seen.has(raw.secretKey))
                continue;
            seen.add(raw.secretKey);
            out.push({
                key: raw.secretKey,
                ...(typeof raw.createdAt === "string" ? { createdAt: raw.createdAt } : {}),
                ...(typeof raw.updatedAt === "string" ? { updatedAt: raw.updatedAt } : {}),
                ...(typeof raw.version === "number" ? { version: raw.version } : {}),
            });
        }
        return out;
    }
    /**
     * The value of `<name>__EXPIRES_AT` (an ISO 8601 date by convention), or undefined when there is no such
     * secret. Refuses any other name: no other value is ever read. A companion that reaches the folder through a
     * secret import is found there too, as the list shows it.
     */
    async readExpiryCompanion(at, name) {
        const companion = name.endsWith(EXPIRES_AT_SUFFIX) ? name : `${name}${EXPIRES_AT_SUFFIX}`;
        const { res } = await this.get(at, companion, {
            viewSecretValue: "true",
            include_imports: "true",
            expandSecretReferences: "false",
        });
        if (res.status === 404)
            return undefined;
        const value = res.json?.secret?.secretValue;
        return typeof value === "string" ? value : undefined;
    }
    /**
     * GET a secrets list (`name` undefined) or one secret, through v4 unless this server has shown it lacks v4.
     * 404 answers come back to the caller (a route the server lacks is never one of them).
     */
    async get(at, name, extra) {
        const where = { environment: at.environment, secretPath: at.secretPath ?? "/", ...extra };
        if (this.api === undefined && this.probe)
            await this.probe;
        if (this.api !== "v3") {
            const path = name === undefined ? "/api/v4/secrets" : `/api/v4/secrets/${encodeURIComponent(name)}`;
            const query = { projectId: at.projectId, ...where };
            const attempt = this.http.send({ method: "GET", path, query, accept: [404] });
            if (this.api === undefined && !this.probe)
                this.probe = attempt.then((res) => {
                    this.api = lacksRoute(res) ? "v3" : "v4";
                }, () => {
                    this.probe = undefined; // unreachable or refused: the next call tries v4 again
                });
            const res = await attempt;
            if (!lacksRoute(res)) {
                this.api = "v4";
                return { res, path, query };
            }
            this.api = "v3";
        }
        const path = name === undefined ? "/api/v3/secrets/raw" : `/api/v3/secrets/raw/${encodeURIComponent(name)}`;
        const query = { workspaceId: at.projectId, ...where };
        const res = await this.http.send({ method: "GET", path, query, accept: [404] });
        if (lacksRoute(res))
            throw new errors/* VendorError */.Hi("Infisical", `Infisical at ${this.http.baseUrl} has neither the v4 nor the v3 secrets API (${res.status} for GET ${path}): check INFISICAL_API_URL points at the Infisical server, without /api`, res.status);
        return { res, path, query };
    }
}
/**
 * Whether an answer says the server has no such route (so no v4 API): Fastify's own 404 ("Route GET:... not
 * found", error "Not Found"), a 404 that is not JSON (a proxy's page), or a page that is not JSON at all.
 * Infisical's own 404s (a project, environment or secret it does not have) are JSON with another `error`.
 */
function lacksRoute(res) {
    const body = res.json;
    if (!body || typeof body !== "object")
        return res.status === 404 || res.status < 300;
    if (res.status !== 404)
        return false;
    return (body.error === "Not Found" || (typeof body.message === "string" && /^Route [A-Z]+:/.test(body.message)));
}
function describeInfisical(res, req) {
    const path = req.path.split("?")[0];
    const detail = detailOf(res.json);
    const where = describeLocation(req);
    const code = res.json?.error;
    const tokenProblem = code === "TokenError" || (detail !== undefined && /\btoken\b/i.test(detail));
    let message;
    if (res.status === 401 || ((res.status === 403 || res.status === 404) && tokenProblem))
        message = `Infisical refused the token (${res.status}${detail ? `: ${detail}` : ""}): pass a valid service token or machine identity access token in 'infisical-token'`;
    else if (res.status === 403)
        message = `Infisical token may not read secrets of ${where} (403): give the token read access to that project and environment`;
    else if (res.status === 404)
        message = `Infisical has no ${where} (404): check the secret's project, environment and path`;
    else
        message = `Infisical answered ${res.status} for ${req.method} ${path}${detail ? `: ${detail}` : ""}`;
    return new errors/* VendorError */.Hi("Infisical", message, res.status, res.status === 429 || res.status >= 500);
}
/** Infisical's `message`, or for a 422 its validation issues as `param: problem`. */
function detailOf(json) {
    const issues = json?.message;
    if (Array.isArray(issues))
        return issues
            .map((i) => `${(i?.path ?? []).join(".")}: ${String(i?.message ?? "invalid")}`.slice(0, 200))
            .join("; ")
            .slice(0, 300);
    return (0,http/* messageOf */.bD)(json);
}
function describeLocation(req) {
    const q = req.query ?? {};
    return `project ${String(q.projectId ?? q.workspaceId ?? "?")} environment ${String(q.environment ?? "?")} path ${String(q.secretPath ?? "/")}`;
}

;// CONCATENATED MODULE: ./.build/js/pipelines/secret-sources.js


const MISSING = {
    "github-actions": "no GitHub token to read secrets metadata: pass a token with secrets read permission in 'github-secrets-token'",
    "github-environment": "no GitHub token to read secrets metadata: pass a token with secrets read permission in 'github-secrets-token'",
    infisical: "no Infisical token: pass a token that may read the project in 'infisical-token'",
    "cloudflare-token": "no Cloudflare token to verify: pass it in 'cloudflare-tokens' as NAME=token",
    "heroku-authorization": "no Heroku API key: pass one in 'heroku-api-key' to read /oauth/authorizations",
};
/**
 * Reads each secret's metadata from its source, one list call per repository, environment, Infisical folder
 * or Heroku account however many secrets share it. Failures become `error` on that secret only.
 */
class SecretMetadataReader {
    ports;
    cache = new Map();
    constructor(ports) {
        this.ports = ports;
    }
    async read(secret) {
        const fallback = {
            ...(secret.lastRotatedAt ? { lastRotatedAt: secret.lastRotatedAt } : {}),
            ...(secret.expiresAt ? { expiresAt: secret.expiresAt } : {}),
        };
        try {
            const found = await this.fromSource(secret);
            return {
                ...fallback,
                ...found,
                lastRotatedAt: found.lastRotatedAt ?? fallback.lastRotatedAt,
                expiresAt: found.expiresAt ?? fallback.expiresAt,
            };
        }
        catch (err) {
            return { ...fallback, error: (0,errors/* describeError */.Uc)(err) };
        }
    }
    once(key, load) {
        let p = this.cache.get(key);
        if (!p) {
            p = load();
            this.cache.set(key, p);
        }
        return p;
    }
    missing(secret) {
        throw new Error(MISSING[secret.source] ?? `no client for source ${secret.source}`);
    }
    async fromSource(secret) {
        switch (secret.source) {
            case "static":
                return {};
            case "github-actions":
            case "github-environment":
                return this.github(secret);
            case "infisical":
                return this.infisical(secret);
            case "cloudflare-token":
                return this.cloudflare(secret);
            case "heroku-authorization":
                return this.heroku(secret);
        }
    }
    async github(secret) {
        const repository = secret.repository ?? this.ports.repository;
        if (!repository)
            throw new Error("no repository: name one in the secret's `repository` field");
        if (!this.ports.github)
            this.missing(secret);
        const client = this.ports.github(repository);
        const env = secret.source === "github-environment" ? secret.environment : undefined;
        const list = await this.once(`github:${repository}:${env ?? ""}`, () => env ? client.listEnvironmentSecrets(env) : client.listRepoSecrets());
        const found = list.find((s) => s.name.toUpperCase() === secret.key.toUpperCase());
        if (!found) {
            const where = env ? `environment ${env} of ${repository}` : repository;
            throw new Error(`GitHub has no secret ${secret.key} in ${where} (404)`);
        }
        return { ...date(found.updated_at, "updated_at") };
    }
    async infisical(secret) {
        const client = this.ports.infisical;
        if (!client)
            this.missing(secret);
        const at = {
            projectId: secret.project ?? "",
            environment: secret.environment ?? "prod",
            secretPath: secret.path ?? "/",
        };
        const list = await this.once(`infisical:${at.projectId}:${at.environment}:${at.secretPath}`, () => client.listSecretMetadata(at));
        const found = list.find((s) => s.key === secret.key);
        if (!found)
            throw new Error(`Infisical has no secret ${secret.key} in project ${at.projectId} environment ${at.environment} path ${at.secretPath} (404)`);
        const meta = { ...date(found.updatedAt, "updatedAt") };
        const companion = `${secret.key}__EXPIRES_AT`;
        if (!list.some((s) => s.key === companion)) {
            meta.notes = [`no companion ${companion} in Infisical: expiry unknown`];
            return meta;
        }
        const raw = await client.readExpiryCompanion(at, secret.key);
        const parsed = raw === undefined ? undefined : parseInstant(raw);
        if (parsed?.ok)
            meta.expiresAt = parsed.date;
        else
            meta.notes = [`${companion} is not an ISO 8601 date with a time zone: expiry unknown`];
        return meta;
    }
    async cloudflare(secret) {
        const verifier = this.ports.cloudflare?.(secret);
        if (!verifier)
            this.missing(secret);
        let v;
        try {
            v = await verifier.verifyToken(secret.accountId);
        }
        catch (err) {
            // Cloudflare answers a revoked, expired or mistyped token 401 "Invalid API Token": it no longer works.
            // An account-owned token is only known under its account: without account-id the user endpoint says 401.
            if (err.status === 401)
                return {
                    vendorState: "expired",
                    notes: [
                        "Cloudflare rejects the token as invalid (401): it was revoked, has expired or is mistyped",
                        ...(secret.accountId
                            ? []
                            : ["an account-owned token verifies only under its account: set account-id on the secret"]),
                    ],
                };
            throw err;
        }
        const meta = {};
        const expires = toDate(v.expires_on ?? undefined, "expires_on");
        if (expires)
            meta.expiresAt = expires;
        if (v.status === "disabled" || v.status === "expired")
            meta.vendorState = v.status;
        else if (v.status === "active")
            meta.vendorState = "active";
        else
            meta.notes = [`Cloudflare reports the token status '${v.status}'`];
        if (!v.expires_on)
            meta.notes = [...(meta.notes ?? []), "the token has no expiry date in Cloudflare"];
        return meta;
    }
    async heroku(secret) {
        const client = this.ports.heroku;
        if (!client)
            this.missing(secret);
        const readAt = this.ports.now();
        const list = await this.once("heroku:authorizations", () => client.authorizations());
        const wanted = secret.authorization ?? secret.name;
        const found = list.find((a) => a.id === wanted) ?? list.find((a) => a.description === wanted);
        if (!found)
            throw new Error(`Heroku has no OAuth authorization with id or description '${wanted}' for this API key (404)`);
        const meta = { ...date(found.updated_at, "updated_at") };
        if (found.expires_in !== null && Number.isFinite(found.expires_in))
            meta.expiresAt = new Date(readAt.getTime() + found.expires_in * 1000);
        return meta;
    }
}
/** A vendor timestamp; a vendor sending something unreadable is an error of that secret. */
function toDate(raw, field) {
    if (raw === undefined)
        return undefined;
    const ms = Date.parse(raw);
    if (Number.isNaN(ms))
        throw new Error(`the vendor sent an unreadable ${field}`);
    return new Date(ms);
}
function date(raw, field) {
    const at = toDate(raw, field);
    return at ? { lastRotatedAt: at } : {};
}

;// CONCATENATED MODULE: ./.build/js/pipelines/rotation-sweep-setup.js


















/**
 * The rotation sweep's setup, shared by the rotation-sweep action and `prodgate sweep secrets`: inputs parsed
 * from a name -> value getter, the inventory read, the metadata sources, vendor clients and stores opened,
 * the report written, and the fail-on rule.
 */
/** Reads and validates the inventory file; every problem names the file, line and field. */
function readInventory(path) {
    const file = (0,core_inputs/* requireValue */.vd)("inventory", path);
    if (!(0,external_node_fs_.existsSync)(file))
        throw new errors/* InputError */.dz("inventory", `names a file that does not exist: ${file}`);
    return parseInventory((0,external_node_fs_.readFileSync)(file, "utf8"), file);
}
/** Turns raw inputs (action inputs or CLI flags) into settings; every problem names its input. */
function parseRotationInputs(get, env, trigger = "ci") {
    const { databaseUrl, repository, runUrl } = sweepContext(get, env);
    const jobId = get("job-id").trim();
    const settings = {
        ...DEFAULT_ROTATION_SETTINGS,
        dispatch: (0,core_inputs/* parseBoolean */.yG)("dispatch", get("dispatch"), false),
        jobTimeoutMs: (0,duration/* parseDuration */.E9)("job-timeout", get("job-timeout") || "24h"),
        concurrency: (0,core_inputs/* parseInteger */.cG)("concurrency", get("concurrency") || "8", 1, 64),
        issueLabel: get("issue-label").trim() || DEFAULT_ROTATION_SETTINGS.issueLabel,
        actor: env.GITHUB_TRIGGERING_ACTOR || env.GITHUB_ACTOR || env.USER || "rotation-sweep",
        runId: env.GITHUB_RUN_ID || `local-${Date.now()}`,
        runAttempt: Number(env.GITHUB_RUN_ATTEMPT) || 1,
        runUrl,
        trigger,
        repository,
        ref: get("dispatch-ref").trim() || env.GITHUB_REF_NAME || undefined,
    };
    if (settings.jobTimeoutMs < 60_000)
        throw new errors/* InputError */.dz("job-timeout", "must be at least 1m");
    const inputs = {
        inventory: jobId ? get("inventory").trim() : (0,core_inputs/* requireValue */.vd)("inventory", get("inventory")),
        settings,
        databaseUrl,
        migrate: (0,core_inputs/* parseBoolean */.yG)("migrate", get("migrate"), true),
        rotationTable: get("rotation-table").trim() || undefined,
        auditTable: get("audit-table").trim() || undefined,
        issues: (0,core_inputs/* parseBoolean */.yG)("issues", get("issues"), true),
        reportPath: get("report-json").trim() || "rotation-report.json",
        failOn: (0,core_inputs/* parseChoice */.HU)("fail-on", get("fail-on"), ["never", "expired", "expiring"], "never"),
    };
    if (jobId) {
        const status = (0,core_inputs/* parseChoice */.HU)("job-status", get("job-status"), ["running", "completed", "failed"]);
        if (!databaseUrl)
            throw new errors/* InputError */.dz("database-url", "is required with job-id (the job lives there)");
        inputs.job = {
            id: jobId,
            status,
            ...(get("job-error").trim() ? { error: get("job-error").trim() } : {}),
        };
    }
    return inputs;
}
/** `NAME=token` lines: the Cloudflare token each cloudflare-token secret verifies. Errors never quote a token. */
function parseCloudflareTokens(inputName, raw) {
    const out = new Map();
    raw.split(/\r?\n/).forEach((line, i) => {
        if (!line.trim())
            return;
        const idx = line.indexOf("=");
        const name = idx > 0 ? line.slice(0, idx).trim() : "";
        const token = idx > 0 ? line.slice(idx + 1).trim() : "";
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || !token)
            throw new InputError(inputName, `line ${i + 1} must look like SECRET_NAME=token`);
        out.set(name, token);
    });
    return out;
}
/** The sources of secret metadata, from the credentials given; base URLs from the environment. */
function metadataReader(creds, repository, env) {
    const timeoutMs = 10_000;
    const secretsToken = creds.githubSecretsToken ?? creds.githubToken;
    const github = (token, repository) => new vendors_github/* GitHubClient */.jh({ token, repository, baseUrl: env.GITHUB_API_URL, timeoutMs, retries: 2 });
    return new SecretMetadataReader({
        repository,
        now: () => new Date(),
        ...(secretsToken ? { github: (repository) => github(secretsToken, repository) } : {}),
        ...(creds.infisicalToken
            ? {
                infisical: new InfisicalClient({
                    token: creds.infisicalToken,
                    baseUrl: env.INFISICAL_API_URL,
                    timeoutMs,
                    retries: 2,
                }),
            }
            : {}),
        cloudflare: (secret) => {
            const token = creds.cloudflareTokens.get(secret.name) ?? creds.cloudflareApiToken;
            return token
                ? new cloudflare/* CloudflareClient */.$7({ apiToken: token, baseUrl: env.CLOUDFLARE_API_URL, timeoutMs, retries: 2 })
                : undefined;
        },
        ...(creds.herokuApiKey
            ? {
                heroku: new heroku/* HerokuClient */.K({
                    apiKey: creds.herokuApiKey,
                    baseUrl: env.HEROKU_API_URL,
                    timeoutMs,
                    retries: 2,
                }),
            }
            : {}),
    });
}
/** The vendor clients and stores of a sweep. Stores are opened (and migrated) only with a database URL. */
async function openRotationPorts(creds, inputs, opts) {
    const env = opts.env;
    const reader = metadataReader(creds, inputs.settings.repository, env);
    const github = (token, repository) => new vendors_github/* GitHubClient */.jh({ token, repository, baseUrl: env.GITHUB_API_URL, timeoutMs: 10_000, retries: 2 });
    const ports = { reporter: opts.reporter, metadata: reader };
    const token = creds.githubToken;
    if (token) {
        ports.workflows = (repository) => workflowPort(github(token, repository));
        if (inputs.issues && inputs.settings.repository)
            ports.incidents = githubIncidentPort(new vendors_github/* GitHubClient */.jh({ token, repository: inputs.settings.repository, baseUrl: env.GITHUB_API_URL }));
    }
    const notify = slackPortFor(creds, env, opts.reporter);
    if (notify)
        ports.notify = notify;
    let jobs;
    let audit;
    let consolePool;
    if (inputs.databaseUrl) {
        jobs = await RotationJobStore.open(inputs.databaseUrl, {
            table: inputs.rotationTable,
            migrate: inputs.migrate,
        });
        try {
            audit = await store_audit/* AuditStore */.f.open(inputs.databaseUrl, {
                table: inputs.auditTable,
                migrate: inputs.migrate,
            });
        }
        catch (err) {
            await jobs.close();
            throw err;
        }
        ports.jobs = jobs;
        ports.audit = audit;
        // The console's copy of the secrets' metadata: one small pool, opened when first used.
        const url = inputs.databaseUrl;
        ports.console = {
            saveSecrets: async (report) => {
                consolePool ??= (0,store_db/* newPool */.h9)(url, { max: 1 });
                await (0,console_sources/* saveSecretSnapshot */.I1)(consolePool, report);
            },
        };
    }
    return {
        ports,
        jobs,
        audit,
        close: async () => {
            await jobs?.close();
            await audit?.close();
            await consolePool?.end().catch(() => { });
        },
    };
}
/** A repository's workflows through the GitHub client: dispatch, and the state of a dispatched run. */
function workflowPort(client) {
    return {
        dispatchWorkflow: (workflow, ref, inputs) => client.dispatchWorkflow(workflow, ref ?? "main", inputs),
        getWorkflowRun: async (runId) => {
            const run = await client.getWorkflowRun(runId);
            return { status: run.status ?? "unknown", conclusion: run.conclusion, htmlUrl: run.html_url };
        },
    };
}
function rotation_sweep_setup_shouldFail(report, failOn) {
    const named = (statuses) => report.secrets.filter((s) => statuses.includes(s.status)).map((s) => s.name);
    const expired = named(["expired"]);
    const due = named(["expired", "expiring_soon"]);
    if (failOn === "expired" && expired.length)
        return `expired: ${expired.join(", ")}`;
    if (failOn === "expiring" && due.length)
        return `expired or expiring soon: ${due.join(", ")}`;
    return undefined;
}
function writeReport(path, report) {
    const file = (0,external_node_path_.resolve)(path);
    (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(file), { recursive: true });
    (0,external_node_fs_.writeFileSync)(file, `${JSON.stringify(report, null, 2)}\n`);
    return file;
}
function rotationOutputs(result, reportFile) {
    const c = result.report.counts;
    return {
        expiring: c.expiring_soon,
        expired: c.expired,
        stale: c.stale,
        rotating: c.rotating,
        unknown: c.unknown,
        healthy: c.healthy,
        dispatched: result.report.dispatches.filter((d) => d.outcome === "dispatched").length,
        "needs-action": result.report.secrets
            .filter((s) => s.status === "stale" || s.status === "expiring_soon" || s.status === "expired")
            .map((s) => s.name)
            .join(","),
        changes: result.changes.length,
        "report-json": reportFile,
    };
}

;// CONCATENATED MODULE: ./.build/js/cli/commands/secrets-sweep.js








const COLOURS = {
    healthy: "green",
    stale: "yellow",
    expiring_soon: "yellow",
    expired: "red",
    rotating: "cyan",
    unknown: "gray",
};
/** `prodgate sweep secrets`: the rotation-sweep action from a terminal, credentials from the environment. */
function registerSecretsSweep(sweep, ctx) {
    sweep
        .command("secrets")
        .description("Read every inventory secret's metadata (never values), classify it, alert on change and, with --dispatch, dispatch rotation workflows, like the rotation-sweep action")
        .option("--inventory <file>", "the secret inventory (YAML)")
        .option("--dispatch", "dispatch rotation workflows of secrets inside their rotate-before window")
        .option("--dispatch-ref <ref>", "ref the rotation workflows are dispatched on", "main")
        .option("--repo <owner/name>", "repository of issues, github-* sources and rotation workflows (GITHUB_REPOSITORY)")
        .option("--issues", "keep one issue per secret that needs action (needs GITHUB_TOKEN and --repo)")
        .option("--slack-channel <channel>", "tell this channel about changes (SLACK_BOT_TOKEN); or set SLACK_WEBHOOK_URL")
        .option("--no-migrate", "do not apply pending database migrations")
        .option("--job-timeout <duration>", "fail a rotation job with no result after this long", "24h")
        .option("--fail-on <when>", "exit 1 when secrets are expired, expiring (or expired), or never", "never")
        .option("--report <file>", "write the report (SecretMeta per secret) there")
        .option("--json", "print the report on stdout")
        .option("--job <id>", "record the outcome of a rotation job instead of sweeping (with --job-status)")
        .option("--job-status <status>", "running, completed or failed")
        .option("--job-error <text>", "why the rotation failed")
        .addHelpText("after", "\nCredentials come from the environment: DATABASE_URL, GITHUB_TOKEN, GITHUB_SECRETS_TOKEN (secrets read),\nINFISICAL_TOKEN, HEROKU_API_KEY, CLOUDFLARE_API_TOKEN (or an environment variable named like each\ncloudflare-token secret), SLACK_BOT_TOKEN or SLACK_WEBHOOK_URL. Without DATABASE_URL nothing is dispatched\nand nothing alerts.")
        .action(async (opts) => {
        const databaseUrl = (0,context/* envSecret */.eo)(ctx, "DATABASE_URL", false);
        for (const s of (0,store_db/* databaseUrlSecrets */.I6)(databaseUrl ?? ""))
            ctx.reporter.secret(s);
        const flags = {
            inventory: opts.inventory,
            "database-url": databaseUrl,
            dispatch: opts.dispatch ? "true" : "false",
            "dispatch-ref": opts.dispatchRef,
            repository: opts.repo,
            issues: opts.issues ? "true" : "false",
            migrate: opts.migrate ? "true" : "false",
            "job-timeout": opts.jobTimeout,
            "fail-on": opts.failOn,
            "report-json": opts.report,
            "job-id": opts.job,
            "job-status": opts.jobStatus,
            "job-error": opts.jobError,
        };
        const inputs = parseRotationInputs((name) => flags[name] ?? "", { ...ctx.env, GITHUB_RUN_ID: undefined }, "local-script");
        if (inputs.job) {
            const jobs = await RotationJobStore.open(databaseUrl, { migrate: opts.migrate });
            const audit = await store_audit/* AuditStore */.f.open(databaseUrl, { migrate: opts.migrate });
            try {
                const job = await recordJobOutcome(inputs.job.id, inputs.job, inputs.settings, { jobs, audit });
                if (!job)
                    throw new context/* ExitError */.RS(`rotation job ${inputs.job.id} is not queued or running: nothing recorded`, context/* EXIT */.dc.failed);
                ctx.reporter.info(`rotation job ${job.id} of ${job.secretName} is ${job.status}`);
            }
            finally {
                await jobs.close();
                await audit.close();
            }
            return;
        }
        if (!opts.inventory)
            throw new errors/* InputError */.dz("--inventory", "is required");
        const inventory = readInventory(inputs.inventory);
        const cloudflareTokens = new Map();
        for (const s of inventory.secrets) {
            if (s.source !== "cloudflare-token")
                continue;
            const token = (0,context/* envSecret */.eo)(ctx, s.name, false);
            if (token)
                cloudflareTokens.set(s.name, token);
        }
        const creds = {
            githubToken: (0,context/* envSecret */.eo)(ctx, "GITHUB_TOKEN", false),
            githubSecretsToken: (0,context/* envSecret */.eo)(ctx, "GITHUB_SECRETS_TOKEN", false),
            infisicalToken: (0,context/* envSecret */.eo)(ctx, "INFISICAL_TOKEN", false),
            cloudflareApiToken: (0,context/* envSecret */.eo)(ctx, "CLOUDFLARE_API_TOKEN", false),
            cloudflareTokens,
            herokuApiKey: (0,context/* envSecret */.eo)(ctx, "HEROKU_API_KEY", false),
            slackToken: (0,context/* envSecret */.eo)(ctx, "SLACK_BOT_TOKEN", false),
            slackWebhookUrl: (0,context/* envSecret */.eo)(ctx, "SLACK_WEBHOOK_URL", false),
            slackChannel: opts.slackChannel,
        };
        if (opts.dispatch && !databaseUrl)
            throw new context/* ExitError */.RS("--dispatch needs DATABASE_URL (rotation jobs and audit rows live there)", context/* EXIT */.dc.usage);
        if (opts.dispatch && !creds.githubToken)
            throw new context/* ExitError */.RS("--dispatch needs GITHUB_TOKEN", context/* EXIT */.dc.usage);
        if (opts.issues && !(creds.githubToken && inputs.settings.repository))
            throw new context/* ExitError */.RS("--issues needs GITHUB_TOKEN and a repository (--repo or GITHUB_REPOSITORY)", context/* EXIT */.dc.usage);
        const opened = await openRotationPorts(creds, inputs, { reporter: ctx.reporter, env: ctx.env });
        try {
            ctx.reporter.info(`sweeping ${inventory.secrets.length} secret(s) of ${inventory.file}${databaseUrl ? "" : " (no DATABASE_URL: nothing is dispatched, nothing alerts)"}`);
            const result = await runRotationSweep(inventory, inputs.settings, opened.ports);
            if (opts.report)
                ctx.reporter.info(`wrote ${writeReport(opts.report, result.report)}`);
            if (opts.json)
                ctx.json(result.report);
            else
                printCounts(ctx, result.report.secrets);
            const failure = rotation_sweep_setup_shouldFail(result.report, inputs.failOn);
            if (failure)
                throw new context/* ExitError */.RS(`rotation sweep: ${failure}`, context/* EXIT */.dc.failed);
        }
        finally {
            await opened.close();
        }
    })
        .exitOverride();
}
function printCounts(ctx, secrets) {
    const counts = new Map();
    for (const s of secrets)
        counts.set(s.status, (counts.get(s.status) ?? 0) + 1);
    const parts = [...counts].map(([status, n]) => (0,terminal/* paint */.nI)(`${n} ${status.replace("_", " ")}`, COLOURS[status] ?? "gray"));
    ctx.reporter.info(`${secrets.length} secret(s): ${parts.join(", ")}`);
}

;// CONCATENATED MODULE: ./.build/js/cli/commands/sweep.js









/** The `sweep` command group, shared by `sweep status` and `sweep secrets`. */
function sweepCommand(program) {
    return (program.commands.find((c) => c.name() === "sweep") ??
        program.command("sweep").description("Scheduled sweeps, run once from a terminal"));
}
const ENV_OF = {
    "heroku-api-key": "HEROKU_API_KEY",
    "cloudflare-api-token": "CLOUDFLARE_API_TOKEN",
    "github-token": "GITHUB_TOKEN",
};
function registerSweep(program, ctx) {
    sweepCommand(program)
        .command("status")
        .description("Probe every surface of a registry like the status-sweep action: log to Postgres (DATABASE_URL), alert on change, write status.json and a page")
        .requiredOption("--registry <file>", "the surface registry (YAML)")
        .option("--concurrency <n>", "vendor calls in flight at once", "16")
        .option("--timeout <duration>", "time limit of each vendor call", "5s")
        .option("--deadline <duration>", "time limit of the whole probe phase", "2m")
        .option("--expected-interval <duration>", "how often the sweep runs; a gap over 3x is reported")
        .option("--status-json <file>", "write status.json there")
        .option("--page-dir <dir>", "write the status page (index.html) there")
        .option("--page-title <title>", "title of the status page")
        .option("--repo <owner/name>", "repository of builds without a repo, and of incident issues (GITHUB_REPOSITORY)")
        .option("--issues", "open and close incident issues (needs GITHUB_TOKEN and --repo)")
        .option("--slack-channel <channel>", "tell this channel about changes (SLACK_BOT_TOKEN); or set SLACK_WEBHOOK_URL")
        .option("--no-migrate", "do not apply pending database migrations")
        .option("--fail-on <when>", "exit 1 when surfaces are down, unhealthy (down or degraded), or never", "never")
        .option("--json", "print status.json on stdout")
        .option("--no-progress", "no progress bar")
        .addHelpText("after", "\nCredentials come from the environment: HEROKU_API_KEY, CLOUDFLARE_API_TOKEN, GITHUB_TOKEN, DATABASE_URL,\nSLACK_BOT_TOKEN or SLACK_WEBHOOK_URL. Without DATABASE_URL nothing is logged and nothing alerts.")
        .action(async (opts) => {
        const databaseUrl = (0,context/* envSecret */.eo)(ctx, "DATABASE_URL", false);
        for (const s of (0,store_db/* databaseUrlSecrets */.I6)(databaseUrl ?? ""))
            ctx.reporter.secret(s);
        const creds = {
            herokuApiKey: (0,context/* envSecret */.eo)(ctx, "HEROKU_API_KEY", false),
            cloudflareApiToken: (0,context/* envSecret */.eo)(ctx, "CLOUDFLARE_API_TOKEN", false),
            githubToken: (0,context/* envSecret */.eo)(ctx, "GITHUB_TOKEN", false),
            slackToken: (0,context/* envSecret */.eo)(ctx, "SLACK_BOT_TOKEN", false),
            slackWebhookUrl: (0,context/* envSecret */.eo)(ctx, "SLACK_WEBHOOK_URL", false),
            slackChannel: opts.slackChannel,
        };
        const flags = {
            registry: opts.registry,
            concurrency: opts.concurrency,
            timeout: opts.timeout,
            deadline: opts.deadline,
            "expected-interval": opts.expectedInterval,
            "status-json": opts.statusJson ?? "",
            "status-page-dir": opts.pageDir,
            "page-title": opts.pageTitle,
            repository: opts.repo,
            "database-url": databaseUrl,
            "fail-on": opts.failOn,
        };
        const inputs = parseSweepInputs((name) => flags[name] ?? "", {
            ...ctx.env,
            GITHUB_RUN_ID: undefined,
        });
        const registry = readRegistry(inputs.registry, inputs.timeout);
        const surfaces = (0,core_registry/* activeSurfaces */.VJ)(registry);
        const db = databaseUrl ? await openMemory(databaseUrl, opts.migrate) : undefined;
        try {
            const ports = sweepPorts(creds, inputs.settings, {
                reporter: ctx.reporter,
                env: ctx.env,
                issues: Boolean(opts.issues),
                db,
            });
            try {
                checkPorts(surfaces, ports);
            }
            catch (err) {
                if (err instanceof errors/* InputError */.dz && ENV_OF[err.input])
                    throw new context/* ExitError */.RS(`${ENV_OF[err.input]} is not set: ${err.message.replace(/^Input '[^']*' is required: /, "")}`, context/* EXIT */.dc.usage);
                throw err;
            }
            if (opts.issues && !ports.incidents)
                throw new context/* ExitError */.RS("--issues needs GITHUB_TOKEN and a repository (--repo or GITHUB_REPOSITORY)", context/* EXIT */.dc.usage);
            const bar = progressBar(Boolean(opts.progress) && Boolean(process.stderr.isTTY));
            ports.onProgress = bar.update;
            ctx.reporter.info(`sweeping ${surfaces.length} surface(s) of ${registry.file}${db ? "" : " (no DATABASE_URL: nothing is logged, nothing alerts)"}`);
            const result = await runStatusSweep(registry, inputs.settings, ports);
            bar.done();
            const files = writeSweepFiles(result, { statusJson: opts.statusJson, pageDir: opts.pageDir });
            if (opts.json)
                ctx.json(result.doc);
            else
                printGrid(ctx, result.doc.sites);
            for (const a of result.alerts)
                ctx.reporter.warning(a.text);
            for (const f of Object.values(files))
                if (f)
                    ctx.reporter.info(`wrote ${f}`);
            if (db && !result.remembered)
                throw new context/* ExitError */.RS("the sweep ran, but Postgres failed: nothing was logged and no alert was sent", context/* EXIT */.dc.failed);
            const failure = shouldFail(result, inputs.failOn);
            if (failure)
                throw new context/* ExitError */.RS(`status sweep: ${failure}`, context/* EXIT */.dc.failed);
        }
        finally {
            await db?.end().catch(() => { });
        }
    })
        .exitOverride();
    registerSecretsSweep(sweepCommand(program), ctx);
}
const sweep_COLOURS = {
    healthy: "green",
    degraded: "yellow",
    down: "red",
    stale: "gray",
    unknown: "gray",
};
function printGrid(ctx, sites) {
    const width = Math.max(8, ...sites.map((s) => s.id.length));
    for (const s of sites) {
        const marker = core_status/* STATE_MARKERS */.Wp[s.status] ?? "";
        ctx.reporter.info(`${marker} ${s.id.padEnd(width)}  ${(0,terminal/* paint */.nI)(s.status.padEnd(8), sweep_COLOURS[s.status] ?? "gray")} ${String(s.liveness.latency_ms).padStart(5)} ms${s.error ? `  ${s.error}` : ""}`);
    }
}
/** A one-line progress bar on stderr, redrawn at most every 50 ms. */
function progressBar(enabled) {
    let last = 0;
    let drawn = false;
    return {
        update: (done, total) => {
            if (!enabled)
                return;
            const now = Date.now();
            if (done < total && now - last < 50)
                return;
            last = now;
            const width = 30;
            const filled = Math.round((done / Math.max(1, total)) * width);
            process.stderr.write(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} calls`);
            drawn = true;
        },
        done: () => {
            if (drawn)
                process.stderr.write("\r\u001b[2K");
        },
    };
}


/***/ }),

/***/ 9213:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ runHealthCheck)
/* harmony export */ });
/* harmony import */ var _core_health_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(778);
/* harmony import */ var _core_ports_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6482);
/* harmony import */ var _vendors_http_probe_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7505);



/**
 * Probes the URL up to `attempts` times, `interval` apart, each cut at `timeout`; stops at the first healthy
 * answer. Used by the health-check action, the deploy pipeline, the status sweep and `prodgate health`.
 */
async function runHealthCheck(settings, ports) {
    const clock = ports.clock ?? _core_ports_js__WEBPACK_IMPORTED_MODULE_1__/* .systemClock */ .m;
    const probe = ports.probe ?? new _vendors_http_probe_js__WEBPACK_IMPORTED_MODULE_2__/* .HttpProbe */ .PF();
    const attempts = [];
    try {
        for (let n = 1; n <= settings.attempts; n++) {
            ports.signal?.throwIfAborted();
            const result = await probe.probe(settings.url, {
                method: settings.method,
                headers: settings.headers,
                timeoutMs: settings.timeoutMs,
                followRedirects: settings.followRedirects,
            });
            const attempt = (0,_core_health_js__WEBPACK_IMPORTED_MODULE_0__/* .judgeProbe */ .ih)(settings, n, result);
            attempts.push(attempt);
            ports.reporter.info((0,_core_health_js__WEBPACK_IMPORTED_MODULE_0__/* .formatAttemptLine */ .t_)(attempt, settings.attempts));
            ports.onAttempt?.(attempt, settings.attempts);
            if (attempt.healthy)
                break;
            if (n < settings.attempts)
                await clock.sleep(settings.intervalMs, ports.signal);
        }
    }
    finally {
        if (!ports.probe)
            await probe.close();
    }
    return (0,_core_health_js__WEBPACK_IMPORTED_MODULE_0__/* .buildReport */ .FK)(settings, attempts);
}


/***/ }),

/***/ 4708:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ runPool)
/* harmony export */ });
/* harmony import */ var _core_ports_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6482);

async function runPool(items, options, worker) {
    const results = items.map(() => ({ status: "deadline" }));
    const controller = new AbortController();
    const finished = new AbortController();
    const concurrency = Math.max(1, Math.min(options.concurrency, items.length));
    const clock = options.clock ?? _core_ports_js__WEBPACK_IMPORTED_MODULE_0__/* .systemClock */ .m;
    let next = 0;
    let done = 0;
    const deadline = new Promise((resolve) => {
        if (options.deadlineMs === undefined)
            return;
        clock.sleep(options.deadlineMs, finished.signal).then(() => {
            controller.abort(new Error("sweep deadline reached"));
            resolve("deadline");
        }, () => { });
    });
    const lane = async () => {
        while (!controller.signal.aborted) {
            const i = next++;
            if (i >= items.length)
                return;
            const task = (async () => worker(items[i], i, controller.signal))().then((value) => ({ status: "fulfilled", value }), (reason) => ({ status: "rejected", reason }));
            const settled = await Promise.race([task, deadline]);
            if (settled === "deadline" || controller.signal.aborted)
                return;
            results[i] = settled;
            options.onSettled?.(++done, items.length);
        }
    };
    try {
        await Promise.race([Promise.all(Array.from({ length: concurrency }, lane)), deadline]);
    }
    finally {
        finished.abort();
    }
    return results;
}


/***/ }),

/***/ 2869:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $7: () => (/* binding */ CloudflareClient),
/* harmony export */   Oi: () => (/* binding */ CloudflareError),
/* harmony export */   X1: () => (/* binding */ PAGES_DEPLOYMENTS_MAX_PER_PAGE),
/* harmony export */   ZD: () => (/* binding */ describeCloudflare),
/* harmony export */   oA: () => (/* binding */ unwrap),
/* harmony export */   pu: () => (/* binding */ DEFAULT_CLOUDFLARE_API_URL)
/* harmony export */ });
/* unused harmony export remaining */
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1723);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2770);


/** Cloudflare API v4 (CLOUDFLARE_API_URL). Every answer is the `{success, errors, messages, result, result_info}` envelope. */
const DEFAULT_CLOUDFLARE_API_URL = "https://api.cloudflare.com/client/v4";
/** Cloudflare said no: `codes` are Cloudflare's error codes (10000 authentication, 8000007 project not found, ...). */
class CloudflareError extends _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .VendorError */ .Hi {
    codes;
    name = "CloudflareError";
    constructor(message, codes, status, retryable = false) {
        super("Cloudflare", message, status, retryable);
        this.codes = codes;
    }
}
const HINTS = {
    10000: "the API token is not valid or lacks the Pages permission for this account (Read to watch, Edit to deploy or roll back)",
    8000024: "Pages deployment lists take a page from 1 and at most 25 per page",
    8000013: "the Pages upload token is not valid or has expired",
    9109: "the API token is not valid",
    6003: "the Authorization header is malformed: pass an API token, not a Global API key",
    8000007: "no Pages project has that name in this account",
    1000: "the API token is not valid: it was revoked, has expired or is mistyped",
};
/** The most deployments one page of a Pages deployment list may hold. */
const PAGES_DEPLOYMENTS_MAX_PER_PAGE = 25;
class CloudflareClient {
    http;
    constructor(opts) {
        if (!opts.apiToken)
            throw new CloudflareError("Cloudflare API token is empty", [], undefined);
        this.http = new _http_js__WEBPACK_IMPORTED_MODULE_1__/* .HttpClient */ .Qq({
            vendor: "Cloudflare",
            baseUrl: opts.baseUrl || DEFAULT_CLOUDFLARE_API_URL,
            headers: {
                authorization: `Bearer ${opts.apiToken}`,
                accept: "application/json",
                "user-agent": "prodgate",
            },
            timeoutMs: opts.timeoutMs,
            retries: opts.retries,
            backoffMs: opts.backoffMs,
            maxRetryAfterMs: opts.maxRetryAfterMs,
            clock: opts.clock,
            describe: describeCloudflare,
        });
    }
    get baseUrl() {
        return this.http.baseUrl;
    }
    /**
     * One page of a Pages project's deployments, newest first (GET /accounts/{id}/pages/projects/{name}/deployments).
     * Cloudflare gives at most 25 per page and refuses a larger `per_page` (400, code 8000024), so larger asks
     * are cut to 25; `page` counts from 1.
     */
    async pagesDeployments(accountId, project, opts = {}) {
        const res = await this.http.send({
            method: "GET",
            path: `/accounts/${encodeURIComponent(accountId)}/pages/projects/${encodeURIComponent(project)}/deployments`,
            query: {
                env: opts.env,
                page: opts.page === undefined ? undefined : Math.max(1, Math.floor(opts.page)),
                per_page: opts.perPage === undefined
                    ? undefined
                    : Math.min(PAGES_DEPLOYMENTS_MAX_PER_PAGE, Math.max(1, Math.floor(opts.perPage))),
            },
            timeoutMs: opts.timeoutMs,
        });
        const body = unwrap(res, "GET", "deployments");
        const deployments = [...(body.result ?? [])].sort((a, b) => a.created_on < b.created_on ? 1 : a.created_on > b.created_on ? -1 : 0);
        return {
            deployments,
            total: body.result_info?.total_count,
            rateLimitRemaining: remaining(res.headers),
        };
    }
    /** The newest deployment of the environment (production by default), or undefined when there is none. */
    async latestPagesDeployment(accountId, project, env = "production", timeoutMs) {
        const page = await this.pagesDeployments(accountId, project, { env, perPage: 5, timeoutMs });
        return {
            deployment: page.deployments.find((d) => d.environment === env),
            rateLimitRemaining: page.rateLimitRemaining,
        };
    }
    // ---- API token verification (rotation sweep) ----
    /**
     * The state of the client's own token (active, disabled, expired) and its expiry: GET /user/tokens/verify for
     * a user token, GET /accounts/{accountId}/tokens/verify for a token the account owns (Cloudflare only
     * verifies an account-owned token there). The answer carries the token's id and dates, never its value.
     */
    async verifyToken(accountId) {
        const path = accountId
            ? `/accounts/${encodeURIComponent(accountId)}/tokens/verify`
            : "/user/tokens/verify";
        const what = accountId ? "/accounts/…/tokens/verify" : path;
        const res = await this.http.send({ method: "GET", path });
        const r = unwrap(res, "GET", what).result;
        if (!r || typeof r.status !== "string")
            throw new CloudflareError(`Cloudflare answered GET ${what} without a token status`, [], res.status);
        return {
            id: String(r.id ?? ""),
            status: r.status,
            ...(typeof r.expires_on === "string" ? { expires_on: r.expires_on } : {}),
            ...(typeof r.not_before === "string" ? { not_before: r.not_before } : {}),
        };
    }
}
function unwrap(res, method, what) {
    const body = res.json;
    if (!body || typeof body !== "object" || !("success" in body))
        throw new CloudflareError(`Cloudflare answered ${res.status} for ${method} ${what} without a JSON envelope`, [], res.status);
    if (!body.success)
        throw envelopeError(body, res.status, `${method} ${what}`);
    return body;
}
function envelopeError(body, status, what) {
    const errors = Array.isArray(body.errors) ? body.errors : [];
    const codes = errors.map((e) => e.code);
    const first = errors[0];
    const hint = first ? HINTS[first.code] : undefined;
    const detail = first ? `${first.message.slice(0, 200)} (code ${first.code})` : "no error detail";
    const rateLimited = status === 429 || codes.includes(971) || codes.includes(10429);
    return new CloudflareError(`${rateLimited ? "rate limited: " : ""}Cloudflare answered ${status} for ${what}: ${detail}${hint ? `: ${hint}` : ""}`, codes, status, status === 429 || status >= 500);
}
function describeCloudflare(res, req) {
    const what = `${req.method} ${req.path.split("?")[0]?.replace(/^\/accounts\/[^/]+/, "/accounts/…")}`;
    return envelopeError((res.json ?? {}), res.status, what);
}
function remaining(headers) {
    const raw = headers["x-ratelimit-remaining"] ?? headers["ratelimit-remaining"];
    if (raw !== undefined && /^\d+$/.test(raw.trim()))
        return Number(raw.trim());
    // IETF draft form: `ratelimit: "default";r=0;t=30` (or limit=..., remaining=..., reset=...)
    const m = /(?:^|[;,\s])(?:r|remaining)=(\d+)/.exec(headers.ratelimit ?? "");
    return m ? Number(m[1]) : undefined;
}


/***/ }),

/***/ 368:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $r: () => (/* binding */ isChannelId),
/* harmony export */   DC: () => (/* binding */ SlackError),
/* harmony export */   QT: () => (/* binding */ SlackClient),
/* harmony export */   rb: () => (/* reexport safe */ _http_js__WEBPACK_IMPORTED_MODULE_1__.rb)
/* harmony export */ });
/* unused harmony exports DEFAULT_SLACK_API_URL, slackHint */
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1723);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2770);



const DEFAULT_SLACK_API_URL = "https://slack.com/api";
/** What to do about each Slack error a notification can meet. Unknown codes get a generic hint. */
const HINTS = {
    not_authed: "no token reached Slack: pass a bot token (xoxb-...) in 'token'",
    invalid_auth: "the token is not valid: check 'token' is a current bot token (xoxb-...) of this workspace",
    account_inactive: "the token belongs to a deactivated user or a deleted app: issue a new bot token",
    token_revoked: "the token was revoked: reinstall the Slack app and update the secret",
    token_expired: "the token expired: refresh or reissue it and update the secret",
    no_permission: "the token lacks a permission: give the Slack app the chat:write scope and reinstall it",
    missing_scope: "the Slack app lacks the chat:write scope: add it and reinstall the app",
    not_allowed_token_type: "use a bot token (xoxb-...), not a user or app-level token",
    channel_not_found: "the channel does not exist or the app cannot see it: use the channel ID (C...) and invite the app to the channel",
    not_in_channel: "the app is not a member of the channel: /invite the app there, or give it chat:write.public",
    is_archived: "the channel is archived: unarchive it or pick another 'channel'",
    restricted_action: "a workspace setting stops the app posting in this channel: ask a Slack admin",
    msg_too_long: "the message is too long for Slack",
    no_text: "the message had no text",
    invalid_blocks: "Slack refused the message blocks",
    message_not_found: "no message has that 'update-ts' in this channel: pass the ts output of the step that posted it",
    cant_update_message: "the app can only update messages it posted itself: pass the ts output of its own post",
    edit_window_closed: "the message is too old to edit",
    ratelimited: "Slack rate-limited the app: the retries ran out; post less often or try again later",
    rate_limited: "Slack rate-limited the app: the retries ran out; post less often or try again later",
    team_access_not_granted: "the app is not installed in the workspace that owns the channel",
    fatal_error: "Slack had an internal error: try again later",
    internal_error: "Slack had an internal error: try again later",
    service_unavailable: "Slack is unavailable: try again later",
    // incoming webhooks answer with plain strings
    invalid_payload: "Slack refused the message payload",
    no_service: "the webhook URL is disabled or revoked: create a new incoming webhook and update the secret",
    no_team: "the webhook's workspace is gone: create a new incoming webhook",
    team_disabled: "the webhook's workspace is disabled",
    invalid_token: "the webhook URL is not valid: copy it again from the Slack app's Incoming Webhooks page",
    action_prohibited: "a workspace admin restricted this webhook: ask a Slack admin",
    channel_is_archived: "the webhook's channel is archived: unarchive it or create a webhook for another channel",
    posting_to_general_channel_denied: "only admins may post to this channel: pick another channel for the webhook",
    user_not_found: "the webhook's user is gone: create a new incoming webhook",
};
/** The hint for a Slack error code. */
function slackHint(code) {
    return HINTS[code] ?? "see https://api.slack.com/methods for what this error means";
}
/** Slack said no: `code` is Slack's error string (channel_not_found, invalid_auth, ...). */
class SlackError extends _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .VendorError */ .Hi {
    method;
    code;
    name = "SlackError";
    constructor(method, code, status, retryable = false) {
        super("Slack", `Slack ${method} failed: ${code} (${slackHint(code)})`, status, retryable);
        this.method = method;
        this.code = code;
    }
}
/** Channel IDs: public (C), private (G), direct (D). Names (#deploys) cannot be read back without another scope. */
const isChannelId = (channel) => /^[CGD][A-Z0-9]{2,}$/.test(channel.trim());
/**
 * Slack through the Web API (bot token) or an incoming webhook. Retries 429 (honouring Retry-After, capped),
 * 5xx and network failures a bounded number of times; every other failure is a SlackError naming Slack's
 * error code and what to do about it. Neither the token nor the webhook URL appears in any message.
 *
 * A post (chat.postMessage, a webhook) is sent again only when it cannot have arrived: a refused connection,
 * a failed DNS lookup, or a 429/5xx answer. A post that went out and got no answer (a timeout, a dropped
 * connection) throws a DeliveryUnknownError; `findPosted` looks for it in the channel by its metadata.
 * chat.update and reads are idempotent and retried on every transient failure.
 */
class SlackClient {
    opts;
    constructor(opts = {}) {
        this.opts = opts;
    }
    /** chat.postMessage: `channel` may be an ID (C...) or a name (#deploys). */
    async postMessage(channel, message, metadata) {
        return this.call("chat.postMessage", { channel, text: message.text, blocks: message.blocks, metadata }, "if-unsent");
    }
    /**
     * The newest message of `channel` (an ID) posted since `since` whose metadata has `metadata`'s type and
     * payload: a post whose answer was lost. Needs the channels:history (groups:history for a private channel)
     * scope; without it a SlackError with code missing_scope.
     */
    async findPosted(channel, since, metadata) {
        let cursor = "";
        for (let page = 0; page < 5; page++) {
            const answer = await this.read("conversations.history", {
                channel,
                oldest: (Math.floor(since.getTime() / 1000) - 1).toFixed(6),
                limit: "200",
                include_all_metadata: "true",
                ...(cursor ? { cursor } : {}),
            });
            for (const m of answer.messages ?? []) {
                const meta = m.metadata;
                if (!m.ts || meta?.event_type !== metadata.event_type)
                    continue;
                const payload = meta.event_payload ?? {};
                if (Object.entries(metadata.event_payload).every(([k, v]) => payload[k] === v))
                    return { channel, ts: m.ts };
            }
            cursor = answer.has_more ? (answer.response_metadata?.next_cursor ?? "") : "";
            if (!cursor)
                break;
        }
        return undefined;
    }
    /** chat.update of a message this app posted: `channel` must be the ID that postMessage returned. */
    async update(channel, ts, message, metadata) {
        return this.call("chat.update", { channel, ts, text: message.text, blocks: message.blocks, metadata });
    }
    /** Posts to an incoming webhook. Webhooks answer no ts: their messages cannot be updated. */
    async postWebhook(webhookUrl, message) {
        const url = new URL(webhookUrl);
        const secretPath = url.pathname + url.search;
        const client = this.http(url.origin, {}, (res) => {
            const code = res.text.trim().slice(0, 100) || `HTTP ${res.status}`;
            return new SlackError("incoming webhook", /^[a-z_]+$/.test(code) ? code : `HTTP ${res.status}`, res.status);
        });
        try {
            await client.send({
                method: "POST",
                path: secretPath,
                body: { text: message.text, blocks: message.blocks },
                retry: "if-unsent",
            });
        }
        catch (err) {
            throw hidePath(err, secretPath);
        }
    }
    async call(method, body, retry = true) {
        if (!this.opts.token)
            throw new SlackError(method, "not_authed");
        const client = this.webApi(method, "application/json; charset=utf-8");
        const res = await client.send({ method: "POST", path: `/${method}`, body, retry });
        const answer = res.json;
        if (!answer || typeof answer !== "object")
            throw new SlackError(method, `HTTP ${res.status} without JSON`);
        if (answer.ok !== true)
            throw new SlackError(method, answer.error ?? "unknown_error", res.status);
        if (!answer.channel || !answer.ts)
            throw new SlackError(method, "answer without channel and ts");
        return { channel: answer.channel, ts: answer.ts };
    }
    /** A read method, sent form-encoded as Slack's read methods take their arguments. */
    async read(method, args) {
        if (!this.opts.token)
            throw new SlackError(method, "not_authed");
        const client = this.webApi(method, "application/x-www-form-urlencoded");
        const res = await client.send({
            method: "POST",
            path: `/${method}`,
            body: new URLSearchParams(args).toString(),
        });
        const answer = res.json;
        if (!answer || typeof answer !== "object")
            throw new SlackError(method, `HTTP ${res.status} without JSON`);
        if (answer.ok !== true) {
            const code = answer.error ?? "unknown_error";
            throw new SlackError(method, answer.needed ? `${code} (${answer.needed})` : code, res.status);
        }
        return answer;
    }
    webApi(method, contentType) {
        return this.http(this.opts.baseUrl ?? DEFAULT_SLACK_API_URL, { authorization: `Bearer ${this.opts.token}`, "content-type": contentType }, (res) => {
            const answer = res.json;
            const code = answer?.error ?? `HTTP ${res.status}`;
            return new SlackError(method, code, res.status, res.status === 429 || res.status >= 500);
        });
    }
    http(baseUrl, headers, describe) {
        return new _http_js__WEBPACK_IMPORTED_MODULE_1__/* .HttpClient */ .Qq({
            vendor: "Slack",
            baseUrl,
            headers: { "user-agent": "prodgate", ...headers },
            timeoutMs: this.opts.timeoutMs ?? 10_000,
            retries: this.opts.retries ?? 3,
            backoffMs: this.opts.backoffMs ?? 1_000,
            maxRetryAfterMs: this.opts.maxRetryAfterMs ?? 30_000,
            clock: this.opts.clock,
            describe,
            onRetry: this.opts.onRetry
                ? ({ attempt, waitMs, reason, req }) => this.opts.onRetry?.({
                    attempt,
                    waitMs,
                    reason,
                    method: req.path.startsWith("/chat.") || req.path.startsWith("/conversations.")
                        ? req.path.slice(1)
                        : "incoming webhook",
                })
                : undefined,
        });
    }
}
/** The webhook's path is its secret: no error message may carry it. */
function hidePath(err, secretPath) {
    if (!(err instanceof Error) || !secretPath || secretPath === "/")
        return err;
    if (!err.message.includes(secretPath))
        return err;
    const message = err.message
        .split(secretPath)
        .join("<webhook>")
        .replace(/Slack API (unreachable|did not answer)/, "Slack incoming webhook $1");
    if (err instanceof _http_js__WEBPACK_IMPORTED_MODULE_1__/* .DeliveryUnknownError */ .rb)
        return new _http_js__WEBPACK_IMPORTED_MODULE_1__/* .DeliveryUnknownError */ .rb("Slack", message);
    if (err instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .VendorError */ .Hi)
        return new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .VendorError */ .Hi("Slack", message, err.status, err.retryable);
    return new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .VendorError */ .Hi("Slack", message);
}


/***/ })

};
