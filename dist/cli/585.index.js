export const id = 585;
export const ids = [585];
export const modules = {

/***/ 5585:
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
// EXTERNAL MODULE: ./.build/js/core/registry.js + 1 modules
var core_registry = __webpack_require__(3529);
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
// EXTERNAL MODULE: ./.build/js/store/sweep-records.js
var sweep_records = __webpack_require__(5001);
// EXTERNAL MODULE: ./.build/js/pipelines/alerts.js
var pipelines_alerts = __webpack_require__(8709);
// EXTERNAL MODULE: ./.build/js/vendors/http-probe.js
var http_probe = __webpack_require__(7505);
// EXTERNAL MODULE: ./.build/js/pipelines/health-check.js
var health_check = __webpack_require__(9213);
// EXTERNAL MODULE: ./.build/js/pipelines/pool.js
var pool = __webpack_require__(4708);
;// CONCATENATED MODULE: ./.build/js/pipelines/status-sweep-builds.js


class BuildReads {
    port;
    defaultRepo;
    retry;
    runs = new Map();
    files = new Map();
    constructor(port, defaultRepo, retry) {
        this.port = port;
        this.defaultRepo = defaultRepo;
        this.retry = retry;
    }
    async find(surface) {
        const b = surface.builds;
        const repo = b.repo ?? this.defaultRepo;
        if (!repo)
            throw new errors/* InputError */.dz("repository", `is needed for the builds of ${surface.id} (or set builds.repo)`);
        const port = this.port(repo);
        const all = await this.once(this.runs, `${repo}@${b.branch}`, () => port.listRuns({ branch: b.branch, perPage: 100 }));
        let candidates = b.workflow ? all.filter((r) => (0,core_status/* runMatchesWorkflow */.CF)(r, b.workflow)) : all;
        if (b.workflow && candidates.length === 0)
            candidates = await this.once(this.runs, `${repo}@${b.branch}#${b.workflow}`, () => port.listRuns({
                branch: b.branch,
                workflow: b.workflow.replace(/^\.github\/workflows\//, ""),
                perPage: 10,
            }));
        if (b.paths.length === 0)
            return candidates[0] ? (0,core_status/* buildInfoFromRun */.ey)(candidates[0]) : null;
        for (const run of candidates.slice(0, 10)) {
            const files = await this.once(this.files, `${repo}@${run.head_sha}`, () => port.commitFiles(run.head_sha));
            if (files.some((f) => b.paths.some((g) => (0,core_status/* pathMatches */.rg)(f, g))))
                return (0,core_status/* buildInfoFromRun */.ey)(run);
        }
        return null;
    }
    once(map, key, fn) {
        let p = map.get(key);
        if (!p) {
            p = this.retry(fn);
            map.set(key, p);
        }
        return p;
    }
}
/** Builds ports over GitHub clients, one client per repository. */
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

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./.build/js/pipelines/status-sweep-heroku.js

const HEROKU_HOURLY_LIMIT = 4_500;
/** The share of Heroku's hourly budget `auto` pacing gives the sweep's dyno reads. */
const HEROKU_DYNO_SHARE = 1 / 3;
/** GitHub's shortest schedule: what `auto` assumes when the sweep's interval is not given. */
const DEFAULT_SWEEP_EVERY_MS = 5 * 60_000;
/** How often each app's dynos are read: `auto` paces a fleet of `apps` into its share of the hourly budget. */
function dynoIntervalMs(apps, setting, sweepEveryMs) {
    if (setting !== "auto")
        return Math.max(0, setting);
    const every = sweepEveryMs && sweepEveryMs > 0 ? sweepEveryMs : DEFAULT_SWEEP_EVERY_MS;
    const listingsPerHour = Math.ceil(3_600_000 / every);
    const readsPerHour = Math.max(1, HEROKU_HOURLY_LIMIT * HEROKU_DYNO_SHARE - listingsPerHour);
    const paced = Math.ceil((apps * 3_600_000) / readsPerHour);
    return paced <= every ? 0 : paced;
}
function summarizeDynos(dynos) {
    const web = dynos.filter((d) => d.type === "web");
    const counted = web.length ? web : dynos;
    const states = {};
    for (const d of counted)
        states[d.state] = (states[d.state] ?? 0) + 1;
    return { total: counted.length, up: states.up ?? 0, states };
}
function herokuDeploy(release) {
    return {
        deploy_id: `v${release.version}`,
        deployed_at: release.created_at,
        author: release.user?.email ?? "unknown",
        status: release.status === "succeeded" ? "succeeded" : release.status === "pending" ? "building" : "failed",
        detail: release.status === "expired" ? "expired" : undefined,
    };
}
class HerokuReads {
    port;
    opts;
    listed;
    counts = {
        listings: 0,
        dynoReads: 0,
        dynoNotModified: 0,
        dynosRemembered: 0,
        releaseReads: 0,
        releasesRemembered: 0,
    };
    constructor(port, opts) {
        this.port = port;
        this.opts = opts;
    }
    /** The sweep's one listing of the account's apps; only with a memory to compare it with. Throws as the API does. */
    async list() {
        if (!this.opts.reads)
            return;
        this.counts.listings++;
        const apps = await this.opts.retry(() => this.port.apps());
        this.listed = new Map(apps.map((a) => [a.name, a]));
    }
    async dynos(app) {
        const key = this.key("dynos", app);
        const stored = this.opts.reads?.recall(key);
        const mem = stored?.data;
        const listed = this.listed?.get(app);
        const releasedAt = listed?.released_at ?? null;
        const now = this.opts.clock.now();
        if (mem?.summary && listed && !this.due(app, mem, releasedAt, now)) {
            this.counts.dynosRemembered++;
            return { value: mem.summary, rememberedAt: mem.readAt };
        }
        const etag = mem?.summary && stored?.etag ? stored.etag : undefined;
        this.counts.dynoReads++;
        const answer = await this.opts.retry(() => this.port.dynosIfChanged(app, etag));
        if (answer.notModified)
            this.counts.dynoNotModified++;
        // A 304 can only answer the ETag of a remembered summary (no other is sent).
        const [summary, nextEtag] = answer.notModified
            ? [mem.summary, etag]
            : [summarizeDynos(answer.data), answer.etag];
        const next = { readAt: now.toISOString(), releasedAt, summary };
        this.opts.reads?.remember(key, { etag: nextEtag ?? "", data: next });
        return { value: summary };
    }
    async newestRelease(app) {
        const key = this.key("release", app);
        const mem = this.opts.reads?.recall(key)?.data;
        const releasedAt = this.listed?.get(app)?.released_at;
        if (mem && releasedAt && mem.releasedAt === releasedAt) {
            this.counts.releasesRemembered++;
            return { value: mem.deploy, rememberedAt: mem.readAt };
        }
        this.counts.releaseReads++;
        const [newest] = await this.opts.retry(() => this.port.releases(app, { max: 1 }));
        const deploy = newest ? herokuDeploy(newest) : null;
        // A pending release is read again next sweep: its outcome does not move released_at.
        if (releasedAt && deploy?.status !== "building") {
            const next = { readAt: this.opts.clock.now().toISOString(), releasedAt, deploy };
            this.opts.reads?.remember(key, { etag: "", data: next });
        }
        return { value: deploy };
    }
    /** Whether an app's dynos are read this sweep. */
    due(app, mem, releasedAt, now) {
        const interval = this.opts.intervalMs;
        if (interval <= 0)
            return true;
        if (mem.summary.total === 0 || mem.summary.up < mem.summary.total)
            return true;
        if (mem.releasedAt !== releasedAt)
            return true;
        const readAt = Date.parse(mem.readAt);
        const t = now.getTime();
        if (!Number.isFinite(readAt) || t < readAt || t - readAt >= interval)
            return true;
        // Each app has its own phase in the interval, so a fleet's reads spread evenly over the sweeps.
        const phase = Number.parseInt((0,external_node_crypto_.createHash)("sha256").update(app).digest("hex").slice(0, 8), 16) % interval;
        return Math.floor((t + phase) / interval) !== Math.floor((readAt + phase) / interval);
    }
    key(kind, app) {
        return `heroku ${this.port.baseUrl} ${kind} ${app}`;
    }
}

;// CONCATENATED MODULE: ./.build/js/pipelines/status-sweep-probe.js









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
    const readsDynos = (s) => Boolean(s.heroku) && (0,core_status/* expectedCalls */.UG)(s).includes("heroku_dyno");
    const herokuApps = surfaces.filter(readsDynos);
    // The budget is the account's: paced by the whole registry's apps, not this shard's.
    const fleet = new Set((0,core_registry/* activeSurfaces */.VJ)(registry)
        .filter(readsDynos)
        .map((s) => s.heroku.app)).size;
    const heroku = ports.heroku
        ? new HerokuReads(ports.heroku, {
            clock,
            reads: ports.reads,
            retry: withRetry,
            intervalMs: dynoIntervalMs(fleet, settings.herokuDynoInterval ?? "auto", settings.expectedIntervalMs),
        })
        : undefined;
    if (heroku && herokuApps.length)
        await heroku.list().catch((err) => {
            const message = scrub.apply((0,errors/* describeError */.Uc)(err));
            if (isRateLimit(err))
                limited.set("heroku", message.slice(0, 120));
            else
                reporter.warning(`Heroku's app list could not be read (${message}); every app is read in full`);
        });
    const ctx = {
        settings,
        ports,
        clock,
        probe,
        resolved,
        limited,
        builds: ports.builds ? new BuildReads(ports.builds, settings.defaultRepo, withRetry) : undefined,
        heroku,
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
    if (heroku && herokuApps.length)
        reporter.info(herokuReport(heroku));
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
                const { value: summary, rememberedAt } = await ctx.heroku.dynos(surface.heroku.app);
                const others = Object.entries(summary.states)
                    .filter(([s]) => s !== "up")
                    .map(([s, n]) => `${n} ${s}`)
                    .join(", ");
                return {
                    dynos: summary,
                    result: {
                        ...base,
                        ...remembered(rememberedAt),
                        answered: true,
                        rateLimited: false,
                        ok: summary.up > 0,
                        latencyMs: rememberedAt ? 0 : elapsed(),
                        statusCode: 200,
                        error: summary.up > 0 ? null : summary.total ? `no dyno up (${others})` : "no dynos running",
                    },
                };
            }
            case "heroku_release": {
                const { value: deploy, rememberedAt } = await ctx.heroku.newestRelease(surface.heroku.app);
                return {
                    deploy,
                    result: {
                        ...base,
                        ...remembered(rememberedAt),
                        answered: true,
                        rateLimited: false,
                        ok: deploy?.status !== "failed",
                        latencyMs: rememberedAt ? 0 : elapsed(),
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
                const build = await ctx.builds.find(surface);
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
        const rateLimited = isRateLimit(err) || /rate.?limit/i.test(message);
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
const isRateLimit = (err) => err instanceof errors/* VendorError */.Hi && (err.status === 429 || /rate.?limit/i.test(err.message));
/** A call answered from the memory: not made this sweep (no poll row), dated when it was read. */
const remembered = (at) => (at ? { at, skipped: true } : {});
function herokuReport(heroku) {
    const c = heroku.counts;
    const calls = c.listings + c.dynoReads + c.releaseReads;
    const parts = [
        `${c.dynoReads} dyno read(s)${c.dynoNotModified ? ` (${c.dynoNotModified} unchanged, 304)` : ""}`,
    ];
    parts.push(`${c.releaseReads} release read(s)`);
    if (c.listings)
        parts.push("the app list");
    const kept = c.dynosRemembered + c.releasesRemembered;
    return `Heroku: ${calls} call(s): ${parts.join(", ")}${kept ? `; ${c.dynosRemembered} dyno and ${c.releasesRemembered} release answer(s) from the sweep's memory` : ""}`;
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
// ---- the finish phase ----

;// CONCATENATED MODULE: ./.build/js/pipelines/status-sweep.js












/**
 * The status sweep: probe every surface of the registry concurrently (a bounded pool of vendor calls, each
 * cut at its timeout, the whole run at a deadline), log every call to console_poll_log in one statement,
 * classify each surface against its previous state, alert on change only (one incident issue per surface,
 * Slack), and render the summary, status.json and the status page. The probe phase and the finish phase
 * are separate so that shards (matrix jobs) can probe and one job can finish.
 */

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
                await (0,pipelines_alerts/* postChanges */.sf)(ports.notify, (0,core_status/* renderSlackChanges */.sz)(changes, gap, settings.runUrl), changes.length, notes);
                await (0,poll_log/* saveSurfaceMemory */.aw)(client, [...next.values()]);
            });
            // The console's records beside the poll log; a database without them (not migrated) only loses those.
            try {
                await (0,sweep_records/* recordIssues */.ee)(ports.db, incidents, now);
                await (0,sweep_records/* recordSeen */.BP)(ports.db, verdicts.map((v) => v.site), now);
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
    const openIssue = (0,pipelines_alerts/* issueOpener */.j_)(port, settings.incidentLabel);
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
// EXTERNAL MODULE: ./.build/js/pipelines/console.js + 10 modules
var console = __webpack_require__(4090);
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
    return (0,pipelines_alerts/* slackNotifyPort */.lA)({
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
    const dynoInterval = get("heroku-dyno-interval").trim() || "auto";
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
        herokuDynoInterval: dynoInterval === "auto" ? "auto" : (0,duration/* parseDuration */.E9)("heroku-dyno-interval", dynoInterval),
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
        ...(opts.etags ? { reads: opts.etags } : {}),
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
            ports.incidents = (0,pipelines_alerts/* githubIncidentPort */.Jh)(issuesClient);
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

;// CONCATENATED MODULE: ./.build/js/store/etags.js
/** Every stored ETag whose key starts with `prefix`, newer than `maxAgeDays`. */
async function loadETags(db, prefix, maxAgeDays = 7) {
    const res = await db.query(`SELECT cache_key, etag, body, link FROM prodgate_http_etags
      WHERE starts_with(cache_key, $1) AND stored_at > now() - make_interval(days => $2)`, [prefix, maxAgeDays]);
    return new Map(res.rows.map((r) => [r.cache_key, { etag: r.etag, data: r.body, ...(r.link ? { link: r.link } : {}) }]));
}
/** Stores (or refreshes) `entries` in one statement, and drops rows older than `maxAgeDays`. */
async function saveETags(db, entries, maxAgeDays = 7) {
    if (entries.length > 0)
        await db.query(`INSERT INTO prodgate_http_etags (cache_key, etag, body, link, stored_at)
       SELECT k, e, b, l, now() FROM unnest($1::text[], $2::text[], $3::jsonb[], $4::text[]) AS t(k, e, b, l)
       ON CONFLICT (cache_key) DO UPDATE
         SET etag = EXCLUDED.etag, body = EXCLUDED.body, link = EXCLUDED.link, stored_at = EXCLUDED.stored_at`, [
            entries.map(([k]) => k),
            entries.map(([, v]) => v.etag),
            entries.map(([, v]) => JSON.stringify(v.data)),
            entries.map(([, v]) => v.link ?? null),
        ]);
    await db.query("DELETE FROM prodgate_http_etags WHERE stored_at < now() - make_interval(days => $1)", [
        maxAgeDays,
    ]);
}

;// CONCATENATED MODULE: ./.build/js/pipelines/sweep-etags.js


const RUNS = /^GET \S+\/repos\/[^/]+\/[^/]+\/actions\/(?:workflows\/[^/]+\/)?runs\?/;
const COMMIT = /^GET \S+\/repos\/[^/]+\/[^/]+\/commits\/[0-9a-f]{40}$/;
const RUN_FIELDS = [
    "id",
    "status",
    "conclusion",
    "html_url",
    "event",
    "path",
    "head_sha",
    "head_branch",
    "run_started_at",
    "created_at",
];
/** The part of an answer the sweep reads, or undefined for reads it does not keep. */
function trimForSweep(key, data) {
    const request = key.replace(/^[0-9a-f]+ /, "");
    if (RUNS.test(request)) {
        const body = data;
        return {
            total_count: body?.total_count ?? 0,
            workflow_runs: (body?.workflow_runs ?? []).map((r) => ({
                ...Object.fromEntries(RUN_FIELDS.filter((f) => f in r).map((f) => [f, r[f]])),
                actor: r.actor ? { login: r.actor.login } : null,
                triggering_actor: r.triggering_actor ? { login: r.triggering_actor.login } : null,
            })),
        };
    }
    if (COMMIT.test(request)) {
        const body = data;
        return { sha: body?.sha, files: (body?.files ?? []).map((f) => ({ filename: f.filename })) };
    }
    return undefined;
}
function sweepETagCache(seed = new Map()) {
    const changed = new Map();
    return {
        get: (key) => changed.get(key) ?? seed.get(key),
        set(key, entry) {
            const data = trimForSweep(key, entry.data);
            if (data === undefined)
                return;
            changed.set(key, { ...entry, data });
        },
        recall: (key) => changed.get(key) ?? seed.get(key),
        remember(key, entry) {
            changed.set(key, entry);
        },
        changed: () => [...changed.entries()],
    };
}
/** The ETags of earlier sweeps (none when there is no memory, or it cannot be read). */
async function openSweepETags(db, reporter) {
    if (!db)
        return sweepETagCache();
    try {
        return sweepETagCache(await loadETags(db, ""));
    }
    catch (err) {
        reporter.warning(`the sweep's stored ETags could not be read (${(0,errors/* describeError */.Uc)(err)}); every read is a full one`);
        return sweepETagCache();
    }
}
async function saveSweepETags(db, etags, reporter) {
    if (!db)
        return;
    try {
        await saveETags(db, etags.changed());
    }
    catch (err) {
        reporter.warning(`the sweep's ETags could not be stored (${(0,errors/* describeError */.Uc)(err)}); the next sweep reads in full`);
    }
}

// EXTERNAL MODULE: ./.build/js/cli/context.js
var context = __webpack_require__(6773);
// EXTERNAL MODULE: ./.build/js/cli/terminal.js
var terminal = __webpack_require__(6481);
// EXTERNAL MODULE: ./.build/js/pipelines/inventory-file.js
var inventory_file = __webpack_require__(2635);
// EXTERNAL MODULE: ./.build/js/core/audit.js
var core_audit = __webpack_require__(113);
// EXTERNAL MODULE: ./.build/js/core/rotation.js
var rotation = __webpack_require__(6162);
;// CONCATENATED MODULE: ./.build/js/pipelines/rotation-dispatch.js




/**
 * The rotation sweep's workflow half (seed 000 §4.5): a secret with a `rotation-workflow` gets its job created,
 * `secret.rotate.triggered` written and the workflow dispatched; a dispatched job is moved on from what its
 * run and the secret show; the workflow reports its outcome back (recordJobOutcome).
 */
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
    const update = (0,rotation/* reconcileJob */.Us)(job, { lastRotatedAt: metadata.lastRotatedAt, run }, now, settings.jobTimeoutMs);
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

// EXTERNAL MODULE: ./.build/js/core/rotation-executor.js
var rotation_executor = __webpack_require__(3442);
;// CONCATENATED MODULE: ./.build/js/pipelines/rotation-in-process.js



/**
 * The rotation sweep's in-process half (issue 18): with dispatch, a secret that has a rotate: block is rotated
 * in this process when it is inside its window (its interrupted job resumed or finished first), after a check
 * that every credential the rotation needs was given; and old credentials whose grace period ended are
 * revoked. The executor loads only when a secret is rotated.
 */
async function rotateInProcess(secret, metadata, history, now, settings, ports, reporter) {
    const active = history.find((j) => rotation/* ACTIVE_JOB_STATUSES */.gs.includes(j.status));
    const evaluated = (0,rotation/* evaluateSecret */.W1)(secret, metadata, now, { activeJob: active });
    // An interrupted job goes on whatever the secret's status: resumed, or finished when it had completed.
    const resume = !!active && !!(0,rotation_executor/* readState */.un)(active.steps);
    const owed = !active && history[0] ? !!(0,rotation_executor/* unfinishedWork */.HF)(history[0]) : false;
    if (!resume && !owed && !(0,rotation/* rotationDue */.df)(evaluated.status))
        return { evaluated };
    const pending = history.find((j) => j.status === "completed" && j.revokeAt);
    if (!resume && !owed && pending)
        return {
            evaluated,
            record: {
                secret: secret.name,
                outcome: "waiting",
                job_id: pending.id,
                detail: `rotated; its old credential is revoked at ${pending.revokeAt.toISOString()}`,
            },
        };
    const env = ports.env ?? {};
    if ((0,rotation_executor/* killSwitchOn */.SE)(env))
        return {
            evaluated,
            record: { secret: secret.name, outcome: "skipped", detail: `${rotation_executor/* KILL_SWITCH */.Gn}=1: rotation is disabled` },
        };
    const run = {
        trigger: "scheduled",
        compromised: false,
        actor: settings.actor,
        runId: settings.runId,
        runAttempt: settings.runAttempt,
        runUrl: settings.runUrl,
        auditTrigger: settings.trigger,
        env,
    };
    const { checkRotatable, runRotation } = await __webpack_require__.e(/* import() */ 175).then(__webpack_require__.bind(__webpack_require__, 175));
    try {
        checkRotatable(secret, run, ports.executor);
    }
    catch (err) {
        if (!(err instanceof errors/* InputError */.dz))
            throw err;
        const why = `not rotated, no job created: ${(0,errors/* describeError */.Uc)(err)}`;
        reporter.warning(`${secret.name}: ${why}`);
        return { evaluated, record: { secret: secret.name, outcome: "failed", detail: why } };
    }
    return { evaluated, record: executorRecord(await runRotation(secret, run, ports.executor)) };
}
function executorRecord(o) {
    const job = o.jobId ? { job_id: o.jobId } : {};
    if (o.finished)
        return {
            secret: o.secret,
            outcome: o.revokeAt ? "waiting" : "skipped",
            ...job,
            detail: `finished job ${o.jobId}, completed by an interrupted run${o.revokedNow ? "; its old credential was revoked" : o.revokeAt ? `; its old credential is revoked at ${o.revokeAt}` : ""}`,
        };
    return {
        secret: o.secret,
        outcome: o.status === "rotated" ? "dispatched" : o.status === "busy" ? "already-rotating" : "failed",
        ...job,
        detail: o.status === "rotated"
            ? `rotated in-process${o.revokeAt ? `; old credential revoked at ${o.revokeAt}` : ""}`
            : (o.error ?? "another run is rotating it"),
    };
}
/** The old credentials whose grace period ended, revoked (and those due within the hour warned about). */
async function revokeDueOld(inventory, settings, ports, clock, reporter, notes) {
    if ((0,rotation_executor/* killSwitchOn */.SE)(ports.env ?? {})) {
        notes.push(`${rotation_executor/* KILL_SWITCH */.Gn}=1: no old credential was revoked`);
        return [];
    }
    try {
        const { revokeDue } = await Promise.all(/* import() */[__webpack_require__.e(175), __webpack_require__.e(311)]).then(__webpack_require__.bind(__webpack_require__, 311));
        return await revokeDue(inventory, { ...settings, auditTrigger: settings.trigger }, ports.executor, clock, reporter, notes);
    }
    catch (err) {
        notes.push(`old credentials due for revocation were not revoked: ${(0,errors/* describeError */.Uc)(err)}`);
        return [];
    }
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
            secrets.push((0,rotation/* evaluateSecret */.W1)(secret, meta, now));
        }
    }
    for (const s of secrets)
        reporter.info((0,rotation/* formatSecretLine */.Y1)(s));
    const revokes = settings.dispatch && ports.executor
        ? await revokeDueOld(inventory, settings, { ...ports, executor: ports.executor }, clock, reporter, notes)
        : [];
    let changes = [];
    const issues = [];
    if (ports.jobs) {
        try {
            await ports.jobs.withMemory(async (memory) => {
                const previous = await memory.load(secrets.map((s) => s.name));
                const t = (0,rotation/* decideSecretTransitions */.Vx)(secrets, previous, now);
                changes = t.changes;
                const next = new Map(t.next.map((m) => [m.name, m]));
                await handleIssues(t, next, settings, ports, now, issues, notes, reporter);
                await (0,pipelines_alerts/* postChanges */.sf)(ports.notify, (0,rotation/* renderSecretSlack */.x$)(changes, settings.runUrl), changes.length, notes);
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
        counts: (0,rotation/* countStatuses */.ip)(secrets),
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
    let summary = (0,rotation/* renderRotationSummary */.VU)(report);
    if (revokes.length)
        summary += `\n### Old credentials\n\n| Secret | Job | Outcome | Revoke at |\n|---|---|---|---|\n${revokes
            .map((r) => `| \`${r.secret}\` | \`${r.job_id}\` | ${r.outcome} | ${r.revoke_at} |`)
            .join("\n")}\n`;
    return { report, summary, changes, issues, notes, revokes };
}
async function handleSecret(secret, metadata, now, settings, ports, reporter) {
    const jobs = ports.jobs;
    if (!jobs)
        return { evaluated: (0,rotation/* evaluateSecret */.W1)(secret, metadata, now) };
    let history = await jobs.history(secret.name);
    const active = history.find((j) => rotation/* ACTIVE_JOB_STATUSES */.gs.includes(j.status));
    if (secret.rotate && settings.dispatch && ports.executor)
        return rotateInProcess(secret, metadata, history, now, settings, { ...ports, executor: ports.executor }, reporter);
    if (active && !(0,rotation_executor/* readState */.un)(active.steps)) {
        const moved = await reconcile(active, secret, metadata, now, settings, ports, reporter);
        if (moved)
            history = history.map((j) => (j.id === moved.id ? moved : j));
    }
    const current = history.find((j) => rotation/* ACTIVE_JOB_STATUSES */.gs.includes(j.status));
    const opts = {
        activeJob: current,
        rotatedBy: (0,rotation/* rotatedByFromJobs */.l7)(metadata.lastRotatedAt, history),
    };
    const evaluated = (0,rotation/* evaluateSecret */.W1)(secret, metadata, now, opts);
    if (!settings.dispatch || current)
        return { evaluated };
    // Decide on what the secret would be without a job: rotation is due when it is expiring or expired.
    const decision = (0,rotation/* decideDispatch */.l3)(evaluated, secret.policy, history, now);
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
            const job = after.find((j) => rotation/* ACTIVE_JOB_STATUSES */.gs.includes(j.status));
            return { evaluated: (0,rotation/* evaluateSecret */.W1)(secret, metadata, now, { ...opts, activeJob: job }), record };
        }
    }
}
async function handleIssues(t, next, settings, ports, now, issues, notes, reporter) {
    const port = ports.incidents;
    if (!port || (t.open.length === 0 && t.close.length === 0 && t.update.length === 0))
        return;
    const openIssue = (0,pipelines_alerts/* issueOpener */.j_)(port, settings.issueLabel);
    for (const meta of t.open) {
        try {
            const { issue, adopted } = await openIssue((0,rotation/* secretIssueMarker */.G$)(meta.name), (0,rotation/* secretIssueTitle */.c_)(meta), (0,rotation/* secretIssueBody */.sf)(meta, now, settings.runUrl));
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
            await port.comment(u.issue, (0,rotation/* secretIssueComment */.F2)(u.meta, u.from, now, settings.runUrl));
            issues.push({ secret: u.meta.name, issue: u.issue, action: "commented" });
        }
        catch (err) {
            notes.push(`Could not comment on issue #${u.issue} for ${u.meta.name}: ${(0,errors/* describeError */.Uc)(err)}`);
        }
    }
    for (const c of t.close) {
        try {
            await port.comment(c.issue, (0,rotation/* secretIssueComment */.F2)(c.meta, null, now, settings.runUrl));
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

// EXTERNAL MODULE: ./.build/js/store/audit.js + 3 modules
var store_audit = __webpack_require__(7091);
// EXTERNAL MODULE: ./.build/js/store/console-sources.js
var console_sources = __webpack_require__(4772);
// EXTERNAL MODULE: ./.build/js/store/rotation-jobs.js
var rotation_jobs = __webpack_require__(2499);
// EXTERNAL MODULE: ./.build/js/vendors/infisical.js
var infisical = __webpack_require__(9602);
// EXTERNAL MODULE: ./.build/js/core/secret-inventory.js + 1 modules
var secret_inventory = __webpack_require__(1);
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
        const parsed = raw === undefined ? undefined : (0,secret_inventory/* parseInstant */.nV)(raw);
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
        registry: get("registry").trim() || undefined,
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
                infisical: new infisical/* InfisicalClient */.WF({
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
            ports.incidents = (0,pipelines_alerts/* githubIncidentPort */.Jh)(new vendors_github/* GitHubClient */.jh({ token, repository: inputs.settings.repository, baseUrl: env.GITHUB_API_URL }));
    }
    const notify = slackPortFor(creds, env, opts.reporter);
    if (notify)
        ports.notify = notify;
    let jobs;
    let audit;
    let consolePool;
    let executor;
    if (inputs.databaseUrl) {
        jobs = await rotation_jobs/* RotationJobStore */.P.open(inputs.databaseUrl, {
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
        if (inputs.settings.dispatch) {
            // The executor (vendor writers, libsodium) loads only for a sweep that may rotate in-process.
            const { ACTION_CREDENTIAL_NAMES, openExecutor, readRegistryFile } = await __webpack_require__.e(/* import() */ 366).then(__webpack_require__.bind(__webpack_require__, 1985));
            const opened = await openExecutor({
                herokuApiKey: creds.herokuApiKey,
                cloudflareApiToken: creds.cloudflareApiToken,
                cloudflareTokens: creds.cloudflareTokens,
                githubSecretsToken: creds.githubSecretsToken,
                infisicalToken: creds.infisicalToken,
                slackToken: creds.slackToken,
                slackChannel: creds.slackChannel,
                slackWebhookUrl: creds.slackWebhookUrl,
                webhookSecret: creds.webhookSecret,
            }, {
                databaseUrl: inputs.databaseUrl,
                migrate: false,
                rotationTable: inputs.rotationTable,
                auditTable: inputs.auditTable,
                registry: inputs.registry ? readRegistryFile(inputs.registry) : undefined,
                env,
                reporter: opts.reporter,
                // The sweep reads the current Cloudflare tokens from cloudflare-tokens, never from current-value.
                names: opts.names ?? { ...ACTION_CREDENTIAL_NAMES, cloudflareToken: () => "cloudflare-tokens" },
            });
            executor = opened;
            ports.executor = opened.ports;
            ports.env = env;
        }
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
            await executor?.close();
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
        .description("Read every inventory secret's metadata (never values), classify it, alert on change and, with --dispatch, rotate what is due (in-process, or by its rotation workflow), like the rotation-sweep action")
        .option("--inventory <file>", "the secret inventory (YAML)")
        .option("--dispatch", "act on secrets inside their rotate-before window: rotate those with a rotate: block in-process (and revoke old credentials whose grace period ended), dispatch the rotation workflow of the others")
        .option("--registry <file>", "the surface registry whose surfaces the smoke tests of in-process rotations probe")
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
        .addHelpText("after", "\nCredentials come from the environment: DATABASE_URL, GITHUB_TOKEN, GITHUB_SECRETS_TOKEN (secrets read; with\n--dispatch it also writes the GitHub secrets of in-process rotations), INFISICAL_TOKEN, HEROKU_API_KEY,\nCLOUDFLARE_API_TOKEN (or an environment variable named like each cloudflare-token secret), SLACK_BOT_TOKEN or\nSLACK_WEBHOOK_URL, ROTATION_WEBHOOK_SECRET (the HMAC key that signs the webhooks of in-process rotations).\nA secret whose rotation lacks a credential is reported and not rotated; the others still are.\nWithout DATABASE_URL nothing is dispatched, rotated or alerted. ROTATION_PIPELINE_DISABLED=1 stops every rotation.")
        .action(async (opts) => {
        const databaseUrl = (0,context/* envSecret */.eo)(ctx, "DATABASE_URL", false);
        for (const s of (0,store_db/* databaseUrlSecrets */.I6)(databaseUrl ?? ""))
            ctx.reporter.secret(s);
        const flags = {
            inventory: opts.inventory,
            registry: opts.registry,
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
            const jobs = await rotation_jobs/* RotationJobStore */.P.open(databaseUrl, { migrate: opts.migrate });
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
        const inventory = (0,inventory_file/* readInventory */.z)(inputs.inventory);
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
            webhookSecret: (0,context/* envSecret */.eo)(ctx, "ROTATION_WEBHOOK_SECRET", false),
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
        const opened = await openRotationPorts(creds, inputs, {
            reporter: ctx.reporter,
            env: ctx.env,
            names: context/* ROTATION_ENV_NAMES */.Om,
        });
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
        .option("--heroku-dyno-interval <duration>", "how often each Heroku app's dynos are read (0 = every sweep; auto paces a large fleet to Heroku's budget)", "auto")
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
            "heroku-dyno-interval": opts.herokuDynoInterval,
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
            const etags = await openSweepETags(db, ctx.reporter);
            const ports = sweepPorts(creds, inputs.settings, {
                reporter: ctx.reporter,
                env: ctx.env,
                issues: Boolean(opts.issues),
                db,
                etags,
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
            await saveSweepETags(db, etags, ctx.reporter);
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


/***/ })

};
