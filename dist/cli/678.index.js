export const id = 678;
export const ids = [678];
export const modules = {

/***/ 6678:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  jh: () => (/* binding */ GitHubClient),
  y_: () => (/* reexport */ GitHubError),
  qB: () => (/* reexport */ getIssue),
  LV: () => (/* reexport */ listAllIssueComments),
  vw: () => (/* reexport */ listTeamMembers),
  SU: () => (/* reexport */ parseRepository)
});

// UNUSED EXPORTS: ACTIONS_BOT_LOGIN, COMMENT_LIMIT, GITHUB_API_VERSION, addIssueAssignees, fitComment, linkRel, memoryETagCache, shortSha, stickyMarker

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/@octokit/request-error/dist-src/index.js
var dist_src = __webpack_require__(1015);
// EXTERNAL MODULE: ./.build/js/core/errors.js
var errors = __webpack_require__(1723);
// EXTERNAL MODULE: ./.build/js/core/ports.js
var ports = __webpack_require__(6482);
;// CONCATENATED MODULE: ./.build/js/vendors/github-etag.js
/**
 * Conditional requests: the ETag of the last answer to a GET, with its body, so that the next identical GET is
 * sent with If-None-Match and a 304 (which GitHub does not count against the rate limit) is answered from here.
 * The client keeps one in memory by default; a caller that polls across runs hands in its own (a sweep keeps
 * its ETags in Postgres), seeded before and persisted after.
 */
/** An in-memory cache of the newest `max` entries (least recently used go first). */
function memoryETagCache(max = 500) {
    const map = new Map();
    return {
        get(key) {
            const hit = map.get(key);
            if (hit) {
                map.delete(key);
                map.set(key, hit);
            }
            return hit;
        },
        set(key, entry) {
            map.delete(key);
            map.set(key, entry);
            while (map.size > max)
                map.delete(map.keys().next().value);
        },
        get size() {
            return map.size;
        },
        entries: () => [...map.entries()],
    };
}

// EXTERNAL MODULE: ./node_modules/@octokit/core/dist-src/index.js + 12 modules
var core_dist_src = __webpack_require__(4730);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-paginate-rest/dist-bundle/index.js
var dist_bundle = __webpack_require__(3779);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var plugin_retry_dist_bundle = __webpack_require__(9735);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var plugin_throttling_dist_bundle = __webpack_require__(6856);
// EXTERNAL MODULE: ./node_modules/bottleneck/light.js
var light = __webpack_require__(3251);
;// CONCATENATED MODULE: ./.build/js/core/version.js
/** prodgate's version, as package.json says (a unit test keeps the two equal); user agents carry it. */
const PRODGATE_VERSION = "0.1.0";

// EXTERNAL MODULE: ./.build/js/vendors/http.js
var http = __webpack_require__(2770);
;// CONCATENATED MODULE: ./.build/js/vendors/github-octokit.js








/**
 * The Octokit every GitHubClient wraps: @octokit/core with the official pagination, retry and throttling
 * plugins, plus one small plugin of our own that (a) sends repeated reads as conditional requests (the ETag of
 * the last answer as If-None-Match; a 304 is answered from the cache), (b) keeps every wait on the injected
 * Clock, so a virtual clock drives retries and rate-limit waits in tests, and (c) refuses to send the token to
 * another host than the API's (a pagination link elsewhere).
 *
 * Waits, as GitHub recommends: a primary rate limit waits for x-ratelimit-reset (when it comes within
 * `maxRetryAfterMs`), a secondary one for Retry-After or, without it, at least a minute, doubling on each
 * further one; both a bounded number of times. 5xx and network errors back off exponentially from `backoffMs`.
 */
const GITHUB_API_VERSION = "2022-11-28";
/** Statuses plugin-retry never retries (rate limits, 403/429, belong to the throttling plugin). */
const DO_NOT_RETRY = [400, 401, 403, 404, 409, 410, 422, 429, 451];
function createOctokit(s) {
    const baseUrl = s.baseUrl.replace(/\/+$/, "");
    const attempts = new WeakMap();
    const stateOf = (options) => {
        options.request ??= {};
        let a = attempts.get(options.request);
        if (!a) {
            a = { failures: 0, rateLimits: 0 };
            attempts.set(options.request, a);
        }
        return a;
    };
    const writes = [];
    const what = (o) => `${o.method} ${String(o.url).split("?")[0]}`;
    /** Registered first, so its hook runs innermost: once per attempt, inside the retry and throttling ones. */
    const prodgatePlugin = (octokit) => {
        octokit.hook.wrap("request", async (request, options) => {
            // Hooks see the route template and its parameters; the URL they make is what GitHub sees.
            const url = octokit.request.endpoint.parse(options).url;
            refuseOtherHosts(url, baseUrl);
            if (options.method !== "GET" && options.method !== "HEAD")
                await pace(writes, s);
            const state = stateOf(options);
            const signal = AbortSignal.timeout(s.timeoutMs);
            options.request = { ...options.request, signal };
            attempts.set(options.request, state);
            try {
                return await conditional(request, options, url, s.etags);
            }
            catch (err) {
                if (!(err instanceof dist_src/* RequestError */.G))
                    throw err;
                state.failures++;
                const plan = rateLimitPlan(err, s.clock.now(), state.rateLimits);
                if (plan) {
                    state.plan = plan;
                    throw markSecondary(err, plan);
                }
                const retries = options.request.retries ?? s.retries;
                if (!DO_NOT_RETRY.includes(err.status) && state.failures <= retries) {
                    const waitMs = s.backoffMs * 2 ** (state.failures - 1);
                    const reason = err.status === 500 && !err.response ? err.message : `${err.status}`;
                    s.onRetry?.({ attempt: state.failures, waitMs, reason, what: what(options) });
                    await s.clock.sleep(waitMs);
                }
                throw err;
            }
        });
        return {};
    };
    const onLimit = async (_after, options) => {
        const state = stateOf(options);
        const plan = state.plan;
        state.plan = undefined;
        if (!plan || state.rateLimits >= s.rateLimitRetries || plan.waitMs > s.maxRetryAfterMs)
            return false;
        state.rateLimits++;
        s.onRetry?.({ attempt: state.rateLimits, waitMs: plan.waitMs, reason: plan.reason, what: what(options) });
        await s.clock.sleep(plan.waitMs);
        return true;
    };
    const Client = core_dist_src/* Octokit */.E.plugin(prodgatePlugin, dist_bundle/* paginateRest */.ud, plugin_retry_dist_bundle/* retry */.L, plugin_throttling_dist_bundle/* throttling */.A);
    return new Client({
        auth: s.token,
        baseUrl,
        userAgent: s.userAgent ?? `prodgate/${PRODGATE_VERSION}`,
        headers: { "x-github-api-version": GITHUB_API_VERSION },
        log: { debug() { }, info() { }, warn() { }, error() { } },
        retry: { doNotRetry: DO_NOT_RETRY, retries: s.retries, retryAfterBaseValue: 0 },
        throttle: {
            // The waits happen in onLimit on our Clock; Bottleneck only re-sends (after 0 ms).
            retryAfterBaseValue: 0,
            fallbackSecondaryRateRetryAfter: 60,
            // Writes one at a time (GitHub: serially, not concurrently); pacing by count is `pace`, on the Clock.
            write: new light.Group({ maxConcurrent: 1 }),
            notifications: new light.Group({ maxConcurrent: 1 }),
            onRateLimit: onLimit,
            onSecondaryRateLimit: onLimit,
        },
    });
}
/**
 * The wait a 403/429 asks for, or undefined when it is no rate limit. `earlier` is how many rate-limit waits
 * this request already had: a secondary limit without Retry-After waits 60 s, then 120 s, 240 s...
 */
function rateLimitPlan(err, now, earlier) {
    if (err.status !== 403 && err.status !== 429)
        return undefined;
    const headers = err.response?.headers ?? {};
    const message = apiMessageOf(err.response?.data) ?? "";
    const retryAfter = (0,http/* retryAfterMs */.Vs)(headers["retry-after"], now);
    const reset = Number(headers["x-ratelimit-reset"]);
    if (headers["x-ratelimit-remaining"] === "0" && retryAfter === undefined) {
        const resetAt = Number.isFinite(reset) ? new Date(reset * 1000) : undefined;
        const waitMs = resetAt ? Math.max(0, resetAt.getTime() - now.getTime()) + 1000 : 60_000;
        return { waitMs, reason: `${err.status} rate limited`, primary: { resetAt } };
    }
    const secondary = /secondary rate limit|abuse/i.test(message) || err.status === 429 || retryAfter !== undefined;
    if (!secondary)
        return undefined;
    const waitMs = retryAfter ?? 60_000 * 2 ** earlier;
    return { waitMs, reason: `${err.status} secondary rate limit` };
}
/** plugin-throttling recognises a secondary limit by its message: make sure a 429 or a Retry-After reads as one. */
function markSecondary(err, plan) {
    if (plan.primary || /\bsecondary rate\b/i.test(err.message))
        return err;
    const marked = new dist_src/* RequestError */.G(`${err.message} (secondary rate limit)`, err.status, {
        request: err.request,
        ...(err.response ? { response: err.response } : {}),
    });
    return marked;
}
/** A GET with a cached ETag is sent with If-None-Match; a 304 answers with the cached body. */
async function conditional(request, options, url, etags) {
    if (options.method !== "GET")
        return request(options);
    const key = `GET ${url}`;
    const cached = await etags.get(key);
    if (cached)
        options.headers = { ...options.headers, "if-none-match": cached.etag };
    try {
        const res = await request(options);
        const etag = res.headers.etag;
        if (typeof etag === "string" && etag && res.status === 200)
            await etags.set(key, {
                etag,
                data: structuredClone(res.data),
                ...(typeof res.headers.link === "string" ? { link: res.headers.link } : {}),
            });
        return res;
    }
    catch (err) {
        if (cached && err instanceof dist_src/* RequestError */.G && err.status === 304) {
            const headers = { ...(err.response?.headers ?? {}), ...(cached.link ? { link: cached.link } : {}) };
            return {
                status: 200,
                url: err.response?.url ?? options.url,
                headers,
                data: structuredClone(cached.data),
            };
        }
        throw err;
    }
}
/** GitHub documents at most 80 content-creating requests a minute; past that the client waits its turn. */
async function pace(writes, s) {
    const now = s.clock.now().getTime();
    while (writes.length > 0 && writes[0] <= now - 60_000)
        writes.shift();
    if (writes.length >= s.writesPerMinute) {
        const waitMs = writes[0] + 60_000 - now;
        s.onRetry?.({ attempt: 0, waitMs, reason: "pacing writes", what: "write" });
        await s.clock.sleep(waitMs);
        writes.shift();
    }
    writes.push(s.clock.now().getTime());
}
/** The token goes only to the API's own origin: a pagination link to another host is refused. */
function refuseOtherHosts(url, baseUrl) {
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url))
        return;
    const origin = new URL(url).origin;
    if (origin !== new URL(baseUrl).origin)
        throw new CrossHostLink(`GitHub sent a pagination link to another host (${origin}); not following it`);
}
class CrossHostLink extends Error {
    name = "CrossHostLink";
}
/** GitHub's message of an error answer, with the detail of its `errors` (a 422's "Label color: invalid"). */
function apiMessageOf(data) {
    if (data && typeof data === "object" && typeof data.message === "string") {
        const { message, errors } = data;
        const detail = (Array.isArray(errors) ? errors : [])
            .map((e) => {
            if (typeof e === "string")
                return e;
            const x = (e ?? {});
            if (typeof x.message === "string")
                return x.message;
            const where = [x.resource, x.field].filter((v) => typeof v === "string").join(" ");
            return typeof x.code === "string" ? `${where}${where ? ": " : ""}${x.code}` : where;
        })
            .filter(Boolean)
            .slice(0, 3);
        return detail.length ? `${message} (${detail.join("; ")})` : message;
    }
    return typeof data === "string" && data.length > 0 && data.length < 500 ? data : undefined;
}

;// CONCATENATED MODULE: ./.build/js/vendors/github-core.js






/**
 * The GitHub client's plumbing, on Octokit (see github-octokit.ts): options, the error every call throws
 * (naming the operation and, where one exists, the fix), and `call` / `list` / `request`, which every area
 * (commits, comments, deployments, issues, Actions, environments) builds its methods on.
 */
/** Who a workflow's GITHUB_TOKEN acts as. */
const ACTIONS_BOT_LOGIN = "github-actions[bot]";
/** GitHub rejects comment bodies over 65,536 characters. */
const COMMENT_LIMIT = 65_536;
/** An error answer from GitHub (or GitHub unreachable), with the operation it broke and the fix when known. */
class GitHubError extends errors/* VendorError */.Hi {
    apiMessage;
    name = "GitHubError";
    constructor(message, status, apiMessage, retryable = false) {
        super("GitHub", message, status, retryable);
        this.apiMessage = apiMessage;
    }
}
/** "owner/name" → its parts, or an InputError naming `input`. */
function parseRepository(input, raw) {
    const m = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/.exec(raw.trim());
    if (!m || m[2] === "." || m[2] === "..")
        throw new errors/* InputError */.dz(input, `must be a repository as owner/name; got '${raw}'`);
    return { owner: m[1], repo: m[2] };
}
function shortSha(sha) {
    return sha.slice(0, 7);
}
/** `rel="next"` (or another rel) of a Link header. */
function linkRel(link, rel) {
    if (!link)
        return undefined;
    for (const part of link.split(",")) {
        const m = /<([^>]+)>\s*;\s*rel="([^"]+)"/.exec(part.trim());
        if (m?.[2]?.split(/\s+/).includes(rel))
            return m[1];
    }
    return undefined;
}
function pageOf(url) {
    if (!url)
        return undefined;
    try {
        const page = Number(new URL(url).searchParams.get("page"));
        return Number.isInteger(page) && page > 0 ? page : undefined;
    }
    catch {
        return undefined;
    }
}
class GitHubCore {
    owner;
    repo;
    octokit;
    baseUrl;
    clock;
    constructor(opts) {
        if (!opts.token)
            throw new errors/* InputError */.dz("github-token", "is required");
        const { owner, repo } = parseRepository("repository", opts.repository);
        this.owner = owner;
        this.repo = repo;
        this.clock = opts.clock ?? ports/* systemClock */.m;
        this.baseUrl = (opts.baseUrl || process.env.GITHUB_API_URL || "https://api.github.com").replace(/\/+$/, "");
        this.octokit = createOctokit({
            token: opts.token,
            baseUrl: this.baseUrl,
            clock: this.clock,
            timeoutMs: opts.timeoutMs ?? 15_000,
            retries: opts.retries ?? 3,
            backoffMs: opts.backoffMs ?? 500,
            maxRetryAfterMs: opts.maxRetryAfterMs ?? 300_000,
            rateLimitRetries: opts.rateLimitRetries ?? 3,
            writesPerMinute: opts.writesPerMinute ?? 80,
            etags: opts.etags ? scoped(opts.etags, opts.token) : memoryETagCache(),
            userAgent: opts.userAgent,
            onRetry: opts.onRetry,
        });
    }
    get fullName() {
        return `${this.owner}/${this.repo}`;
    }
    /** `{ owner, repo }` for a route's parameters. */
    get ownerRepo() {
        return { owner: this.owner, repo: this.repo };
    }
    /** `/repos/{owner}/{repo}` + rest, for `request` and `json`. */
    repoPath(rest = "") {
        return `/repos/${encodeURIComponent(this.owner)}/${encodeURIComponent(this.repo)}${rest}`;
    }
    login;
    /**
     * The login the token acts as (its comments carry it): GET /user for a user token; an installation token
     * (the job's GITHUB_TOKEN) cannot read /user and acts as github-actions[bot]. Asked once per client.
     */
    identity() {
        this.login ??= this.call("GET /user", {}, { accept: [401, 403], what: "read the token's user" }).then((res) => (res.ok && res.data?.login ? res.data.login : ACTIONS_BOT_LOGIN));
        this.login.catch(() => {
            this.login = undefined;
        });
        return this.login;
    }
    /** One call of a route ("GET /repos/{owner}/{repo}/commits/{ref}"), errors explained. */
    async call(route, params, opts = {}) {
        try {
            const res = await this.octokit.request(route, {
                ...params,
                ...(opts.retry === false ? { request: { retries: 0 } } : {}),
            });
            return { ok: true, status: res.status, headers: res.headers, data: res.data };
        }
        catch (err) {
            if (err instanceof dist_src/* RequestError */.G && opts.accept?.includes(err.status))
                return {
                    ok: false,
                    status: err.status,
                    headers: err.response?.headers ?? {},
                    data: err.response?.data,
                };
            throw this.explain(err, route, opts);
        }
    }
    /** The body of one call that must succeed. */
    async data(route, params, opts = {}) {
        const res = await this.call(route, params, opts);
        return res.data;
    }
    /** Every item of a list route (100 a page, following Link rel="next"), up to `maxItems`. */
    async list(route, params, opts = {}) {
        const max = opts.maxItems ?? Number.POSITIVE_INFINITY;
        const items = [];
        try {
            for await (const page of this.octokit.paginate.iterator(route, { per_page: 100, ...params })) {
                items.push(...page.data);
                if (items.length >= max)
                    break;
            }
        }
        catch (err) {
            throw this.explain(err, route, opts);
        }
        return items.slice(0, max);
    }
    /** A call by literal path and method (`query` as parameters, `body` as the JSON body), as before Octokit. */
    async request(method, path, opts = {}) {
        const params = { ...opts.query };
        if (opts.body !== undefined)
            params.data = opts.body;
        const res = await this.call(`${method} ${path}`, params, opts);
        return {
            status: res.status,
            headers: res.headers,
            json: res.data,
        };
    }
    async json(method, path, opts = {}) {
        return (await this.request(method, path, opts)).json;
    }
    /** A failed call as a GitHubError that names the operation, GitHub's message and the fix. */
    explain(err, route, opts) {
        const what = opts.what ?? route.replace(/\?.*$/, "");
        if (err instanceof GitHubError)
            return err;
        if (err instanceof CrossHostLink)
            return new GitHubError(`Could not ${what}: ${err.message}`);
        if (!(err instanceof dist_src/* RequestError */.G))
            return err;
        const apiMessage = apiMessageOf(err.response?.data);
        if (!err.response) {
            const reason = err.message.replace(/ - https:\/\/docs\.github\.com\S*/, "");
            return new GitHubError(`Could not ${what}: GitHub API unreachable: ${reason}`, undefined, undefined, true);
        }
        const status = err.status;
        if (status === 401)
            return new GitHubError(`Could not ${what}: GitHub answered 401 (${apiMessage ?? "Bad credentials"}): the token is invalid or expired; check github-token`, 401, apiMessage);
        const plan = rateLimitPlan(err, this.clock.now(), 0);
        if (plan) {
            const resetAt = plan.primary?.resetAt;
            const until = resetAt ? ` until ${resetAt.toISOString()}` : "";
            return new GitHubError(`Could not ${what}: GitHub rate limit reached${until} (${status}${apiMessage ? `: ${apiMessage}` : ""})`, status, apiMessage, true);
        }
        const hint = opts.hints?.[status];
        return new GitHubError(`Could not ${what}: GitHub answered ${status}${apiMessage ? `: ${apiMessage}` : ""}${hint ? `. ${hint}` : ""}`, status, apiMessage, status >= 500);
    }
}
/** A caller's cache, its keys scoped to the token, so that two tokens never share an answer. */
function scoped(cache, token) {
    const scope = (0,external_node_crypto_.createHash)("sha256").update(token).digest("hex").slice(0, 16);
    return {
        get: (key) => cache.get(`${scope} ${key}`),
        set: (key, entry) => cache.set(`${scope} ${key}`, entry),
    };
}

;// CONCATENATED MODULE: ./.build/js/vendors/github-actions-runs.js

const ACTIONS_READ_HINT = "The token needs `actions: read`: add `permissions: actions: read` to the job";
const SECRETS_READ_HINTS = {
    403: "Reading secrets metadata needs a token with secrets read permission (a fine-grained token or GitHub App with `Secrets: read`, or a classic token with the `repo` scope); the default GITHUB_TOKEN cannot have it: pass such a token in 'github-secrets-token'",
};
/** Workflow runs, newest first: of the repository, or of one workflow file (`deploy.yml`) when given. */
async function listWorkflowRuns(gh, opts = {}) {
    const query = { branch: opts.branch, event: opts.event, per_page: Math.min(100, opts.perPage ?? 30) };
    const what = `list workflow runs${opts.workflow ? ` of ${opts.workflow}` : ""}`;
    const res = opts.workflow
        ? await gh.call("GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs", { ...gh.ownerRepo, workflow_id: opts.workflow, ...query }, { what, hints: { 403: ACTIONS_READ_HINT } })
        : await gh.call("GET /repos/{owner}/{repo}/actions/runs", { ...gh.ownerRepo, ...query }, { what, hints: { 403: ACTIONS_READ_HINT } });
    return res.data?.workflow_runs ?? [];
}
/** One workflow run (status, conclusion, link). */
function getWorkflowRun(gh, runId) {
    return gh.data("GET /repos/{owner}/{repo}/actions/runs/{run_id}", { ...gh.ownerRepo, run_id: runId }, { what: `read workflow run ${runId} of ${gh.fullName}`, hints: { 403: ACTIONS_READ_HINT } });
}
/**
 * Dispatches a workflow (file name, e.g. rotate-heroku.yml) on `ref` with `inputs`, asking GitHub for the
 * run's id (`return_run_details`). A server without that parameter (GitHub Enterprise Server) either refuses
 * it (422, and nothing ran: sent once more without it) or answers 204 without details; then the run is found
 * in the workflow's runs: the newest workflow_dispatch run on `ref` created since the dispatch. Never retried
 * otherwise: a second dispatch would start a second run.
 */
async function dispatchWorkflow(gh, clock, workflow, ref, inputs) {
    const send = (details) => gh.call("POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches", {
        ...gh.ownerRepo,
        workflow_id: workflow,
        ref,
        inputs,
        ...(details ? { return_run_details: true } : {}),
    }, {
        retry: false,
        what: `dispatch ${workflow} in ${gh.fullName}`,
        hints: {
            403: "The token needs `actions: write` to dispatch workflows: add `permissions: actions: write` to the job (or pass a token that has it)",
            404: `${gh.fullName} has no workflow ${workflow} (or the token cannot see it)`,
            422: `the workflow needs an \`on: workflow_dispatch\` trigger declaring the inputs ${Object.keys(inputs).join(" and ")}, and the ref '${ref}' must exist`,
        },
    });
    let res;
    try {
        res = await send(true);
    }
    catch (err) {
        if (!(err instanceof GitHubError && err.status === 422 && /return_run_details/.test(err.apiMessage ?? "")))
            throw err;
        res = await send(false);
    }
    const body = res.status === 200 ? res.data : undefined;
    if (typeof body?.workflow_run_id === "number")
        return {
            runId: body.workflow_run_id,
            ...(typeof body.run_url === "string" ? { runUrl: body.run_url } : {}),
            ...(typeof body.html_url === "string" ? { htmlUrl: body.html_url } : {}),
        };
    const date = Date.parse(String(res.headers.date ?? ""));
    const since = (Number.isFinite(date) ? date : clock.now().getTime()) - 2_000;
    return findDispatchedRun(gh, clock, workflow, ref, since);
}
/** The run a dispatch without run details started: looked for a few times, as GitHub creates it shortly after. */
async function findDispatchedRun(gh, clock, workflow, ref, since) {
    const branch = ref.replace(/^refs\/heads\//, "");
    for (let attempt = 0; attempt < 5; attempt++) {
        if (attempt > 0)
            await clock.sleep(2_000 * attempt);
        const runs = await listWorkflowRuns(gh, { workflow, event: "workflow_dispatch", perPage: 20 });
        const run = runs
            .filter((r) => Date.parse(r.created_at) >= since && (r.head_branch === branch || /^[0-9a-f]{40}$/.test(ref)))
            .sort((a, b) => b.id - a.id)[0];
        if (run)
            return { runId: run.id, runUrl: run.url, htmlUrl: run.html_url };
    }
    return {};
}
/** Names and dates of the repository's Actions secrets; GitHub never returns their values. */
function listRepoSecrets(gh) {
    return listSecrets(gh, "GET /repos/{owner}/{repo}/actions/secrets", {}, `list the Actions secrets of ${gh.fullName}`, {
        404: `${gh.fullName} does not exist or the token cannot see it`,
    });
}
/** Names and dates of an environment's secrets. */
function listEnvironmentSecrets(gh, environment) {
    return listSecrets(gh, "GET /repos/{owner}/{repo}/environments/{environment_name}/secrets", { environment_name: environment }, `list the secrets of environment ${environment} of ${gh.fullName}`, { 404: `${gh.fullName} has no environment '${environment}' (or the token cannot see the repository)` });
}
async function listSecrets(gh, route, params, what, hints) {
    const secrets = await gh.list(route, { ...gh.ownerRepo, ...params }, { maxItems: 5_000, what, hints: { ...SECRETS_READ_HINTS, ...hints } });
    return secrets
        .filter((s) => typeof s?.name === "string")
        .map((s) => ({
        name: s.name,
        created_at: String(s.created_at ?? ""),
        updated_at: String(s.updated_at ?? ""),
    }));
}

;// CONCATENATED MODULE: ./.build/js/vendors/github-comments.js

/** The hidden line that marks a sticky comment; keys are sanitised so a key cannot end the HTML comment. */
function stickyMarker(key) {
    const safe = key
        .replace(/[^A-Za-z0-9._:/@+-]/g, "_")
        .replace(/-{2,}/g, "-")
        .slice(0, 200);
    return `<!-- prodgate:sticky ${safe} -->`;
}
/** A comment body within GitHub's limit: cut at a line break with a note when it is too long. */
function fitComment(body) {
    if (body.length <= COMMENT_LIMIT)
        return body;
    const note = "\n\n_…cut to fit GitHub's comment size limit._";
    const room = COMMENT_LIMIT - note.length;
    const at = body.lastIndexOf("\n", room);
    return `${body.slice(0, at > room / 2 ? at : room)}${note}`;
}
function prCommentHints(issue, repo) {
    return {
        403: "The token needs `pull-requests: write` to comment on pull requests: add `permissions: pull-requests: write` to the job (or pass a token that has it)",
        404: issue === undefined ? `the comment is gone from ${repo}` : `#${issue} is not a pull request of ${repo}`,
    };
}
const COMMIT_COMMENT_HINTS = {
    403: "The token needs `contents: write` to comment on commits: add `permissions: contents: write` to the job (or pass a token that has it)",
};
function listIssueComments(gh, issue) {
    return gh.list("GET /repos/{owner}/{repo}/issues/{issue_number}/comments", { ...gh.ownerRepo, issue_number: issue }, {
        what: `list the comments of #${issue}`,
        hints: { 404: `#${issue} is not an issue or pull request of ${gh.fullName}` },
    });
}
/** Every comment of an issue, oldest first, following every Link rel="next" page. */
function listAllIssueComments(gh, number, opts = {}) {
    return gh.list("GET /repos/{owner}/{repo}/issues/{issue_number}/comments", { ...gh.ownerRepo, issue_number: number, per_page: Math.min(100, Math.max(1, opts.perPage ?? 100)) }, {
        maxItems: opts.maxItems ?? 10_000,
        what: `list the comments of #${number}`,
        hints: { 404: `#${number} is not an issue of ${gh.fullName}` },
    });
}
function createIssueComment(gh, issue, body) {
    return gh.data("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", { ...gh.ownerRepo, issue_number: issue, body }, { retry: false, what: `comment on #${issue}`, hints: prCommentHints(issue, gh.fullName) });
}
function updateIssueComment(gh, id, body) {
    return gh.data("PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}", { ...gh.ownerRepo, comment_id: id, body }, { what: `update comment ${id}`, hints: prCommentHints(undefined, gh.fullName) });
}
async function deleteIssueComment(gh, id) {
    await gh.call("DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}", { ...gh.ownerRepo, comment_id: id }, { accept: [404], what: `delete comment ${id}`, hints: prCommentHints(undefined, gh.fullName) });
}
function listCommitComments(gh, sha) {
    return gh.list("GET /repos/{owner}/{repo}/commits/{commit_sha}/comments", { ...gh.ownerRepo, commit_sha: sha }, { what: `list the comments of commit ${shortSha(sha)}` });
}
function createCommitComment(gh, sha, body) {
    return gh.data("POST /repos/{owner}/{repo}/commits/{commit_sha}/comments", { ...gh.ownerRepo, commit_sha: sha, body }, { retry: false, what: `comment on commit ${shortSha(sha)}`, hints: COMMIT_COMMENT_HINTS });
}
function updateCommitComment(gh, id, body) {
    return gh.data("PATCH /repos/{owner}/{repo}/comments/{comment_id}", { ...gh.ownerRepo, comment_id: id, body }, { what: `update commit comment ${id}`, hints: COMMIT_COMMENT_HINTS });
}
async function deleteCommitComment(gh, id) {
    await gh.call("DELETE /repos/{owner}/{repo}/comments/{comment_id}", { ...gh.ownerRepo, comment_id: id }, { accept: [404], what: `delete commit comment ${id}`, hints: COMMIT_COMMENT_HINTS });
}
function commentOps(gh, target) {
    if ("pr" in target) {
        return {
            list: () => listIssueComments(gh, target.pr),
            create: (body) => createIssueComment(gh, target.pr, body),
            update: (id, body) => updateIssueComment(gh, id, body),
            remove: (id) => deleteIssueComment(gh, id),
        };
    }
    return {
        list: () => listCommitComments(gh, target.commit),
        create: (body) => createCommitComment(gh, target.commit, body),
        update: (id, body) => updateCommitComment(gh, id, body),
        remove: (id) => deleteCommitComment(gh, id),
    };
}
/**
 * One comment per `key` on a pull request or a commit: found by a hidden marker, updated in place, created
 * only when none exists. Duplicates left by two runs racing are folded into the oldest one.
 */
async function upsertStickyComment(gh, opts) {
    const marker = stickyMarker(opts.key);
    const full = fitComment(`${marker}\n${opts.body}`);
    const ops = commentOps(gh, opts.target);
    // Only comments this token wrote: anyone can post a comment that carries the marker, and it must never be
    // edited (its author could rewrite it under the approvers' eyes) nor anyone else's removed.
    const self = (await gh.identity()).toLowerCase();
    const mine = (list) => list
        .filter((c) => (c.user?.login ?? "").toLowerCase() === self)
        .filter((c) => c.body?.startsWith(marker) || c.body?.includes(`\n${marker}`))
        .sort((a, b) => a.id - b.id);
    const existing = mine(await ops.list());
    if (existing.length > 0) {
        const [keep, ...extra] = existing;
        for (const c of extra)
            await ops.remove(c.id);
        if (keep.body === full)
            return { action: "unchanged", comment: keep, removed: extra.length };
        return { action: "updated", comment: await ops.update(keep.id, full), removed: extra.length };
    }
    const created = await ops.create(full);
    // Another run may have created its own at the same moment: keep the oldest, remove the rest.
    const after = mine(await ops.list());
    const oldest = after[0];
    if (!oldest || oldest.id === created.id) {
        for (const c of after.slice(1))
            await ops.remove(c.id);
        return { action: "created", comment: created, removed: Math.max(0, after.length - 1) };
    }
    for (const c of after.slice(1))
        await ops.remove(c.id);
    return { action: "updated", comment: await ops.update(oldest.id, full), removed: after.length - 1 };
}

;// CONCATENATED MODULE: ./.build/js/vendors/github-commits.js

/** Like getCommit, but undefined when the repository has no such commit (404 or 422). */
async function findCommit(gh, ref) {
    const res = await gh.call("GET /repos/{owner}/{repo}/commits/{ref}", { ...gh.ownerRepo, ref }, { accept: [404, 422], what: `read commit ${ref}` });
    return res.ok ? res.data : undefined;
}
/** The commit a branch, tag or SHA names. Throws a 404 GitHubError when the repository has none. */
async function getCommit(gh, ref) {
    const commit = await findCommit(gh, ref);
    if (!commit)
        throw new GitHubError(`'${ref}' names no branch, tag or commit in ${gh.fullName}: push it, or check the name`, 404);
    return commit;
}
/** A git ref such as `heads/main` or `tags/v1.2.0`; undefined when it does not exist. */
async function getRef(gh, ref) {
    const clean = ref.replace(/^refs\//, "");
    const res = await gh.call("GET /repos/{owner}/{repo}/git/ref/{+ref}", { ...gh.ownerRepo, ref: clean.split("/").map(encodeURIComponent).join("/") }, { accept: [404], what: `read ref ${clean}` });
    return res.ok ? res.data : undefined;
}
/** The newest commits reachable from `sha`, newest first. */
async function listCommits(gh, sha, max) {
    if (max <= 0)
        return [];
    return gh.list("GET /repos/{owner}/{repo}/commits", { ...gh.ownerRepo, sha, per_page: Math.min(100, max) }, { maxItems: max, what: `list the commits of ${shortSha(sha)}` });
}
/** How many commits are reachable from `sha` (one request: per_page=1 and the Link rel="last" page). */
async function countCommits(gh, sha) {
    const res = await gh.call("GET /repos/{owner}/{repo}/commits", { ...gh.ownerRepo, sha, per_page: 1 }, { what: `count the commits of ${shortSha(sha)}` });
    const link = typeof res.headers.link === "string" ? res.headers.link : undefined;
    return pageOf(linkRel(link, "last")) ?? (Array.isArray(res.data) ? res.data.length : 0);
}
/**
 * Compares base...head. The counts come from GitHub (right for any size); the commits are the newest
 * `newest` of the range, newest first, read from the last pages only, so a range of thousands of commits
 * costs a few requests. A 404 (a SHA not in the repository, or no common ancestor) throws a GitHubError
 * with status 404.
 */
async function compare(gh, base, head, opts = {}) {
    const newest = Math.max(0, opts.newest ?? 50);
    const perPage = Math.min(100, Math.max(1, opts.pageSize ?? 100));
    const call = (page) => gh.data("GET /repos/{owner}/{repo}/compare/{basehead}", { ...gh.ownerRepo, basehead: `${base}...${head}`, per_page: perPage, page }, {
        what: `compare ${shortSha(base)}...${shortSha(head)}`,
        hints: {
            404: `a SHA is not in ${gh.fullName} (or the two share no history): push the commit, or check from-sha and ref`,
        },
    });
    const first = await call(1);
    const total = first.total_commits;
    const lastPage = Math.max(1, Math.ceil(total / perPage));
    const pages = new Map([[1, first.commits]]);
    let fetched = 1;
    // Walk back from the last page until `newest` commits are in hand.
    const walked = [];
    let have = 0;
    for (let page = lastPage; page >= 1 && have < newest; page--) {
        let commits = pages.get(page);
        if (!commits) {
            commits = (await call(page)).commits;
            pages.set(page, commits);
            fetched++;
        }
        walked.unshift(page);
        have += commits.length;
    }
    const chronological = walked.flatMap((page) => pages.get(page) ?? []);
    return {
        status: first.status,
        aheadBy: first.ahead_by,
        behindBy: first.behind_by,
        totalCommits: total,
        htmlUrl: first.html_url,
        baseCommit: first.base_commit,
        mergeBaseCommit: first.merge_base_commit,
        commits: chronological.slice(Math.max(0, chronological.length - newest)).reverse(),
        files: first.files ?? [],
        pagesFetched: fetched,
    };
}
/** Pull requests GitHub associates with a commit (its head, or the merge that produced it). */
function pullsForCommit(gh, sha) {
    return gh.list("GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls", { ...gh.ownerRepo, commit_sha: sha }, { maxItems: 100, what: `list the pull requests of ${shortSha(sha)}` });
}

;// CONCATENATED MODULE: ./.build/js/vendors/github-deployments.js

const HINTS = {
    403: "The token needs `deployments: write`: add `permissions: deployments: write` to the job (or pass a token that has it)",
    422: "GitHub refused the deployment request; check the SHA and the environment name",
};
function cut(text, max) {
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
/** Deployments, newest first, filtered as GitHub filters them. */
async function listDeployments(gh, filter = {}, maxItems = 100) {
    const list = await gh.list("GET /repos/{owner}/{repo}/deployments", { ...gh.ownerRepo, ...filter }, { maxItems, what: "list deployments" });
    return list.sort((a, b) => b.id - a.id);
}
async function createDeployment(gh, req) {
    const res = await gh.call("POST /repos/{owner}/{repo}/deployments", {
        ...gh.ownerRepo,
        ref: req.ref ?? req.sha,
        task: req.task ?? "deploy",
        auto_merge: false,
        required_contexts: [],
        environment: req.environment,
        description: req.description?.slice(0, 140),
        payload: req.payload ?? {},
        production_environment: req.production_environment,
        transient_environment: req.transient_environment,
    }, { retry: false, what: `create a deployment of ${shortSha(req.sha)} to ${req.environment}`, hints: HINTS });
    const body = res.data;
    if (res.status !== 201 || typeof body?.id !== "number")
        throw new GitHubError(`GitHub did not create a deployment of ${shortSha(req.sha)} to ${req.environment} (${res.status}${body?.message ? `: ${body.message}` : ""})`, res.status);
    return body;
}
/**
 * The deployment of `sha` to `environment`: the one a job that names the environment already has (newest
 * first), else a new one. Never creates a second one for the same SHA and environment.
 */
async function findOrCreateDeployment(gh, req) {
    // Listed by SHA only: environment names are case-insensitive on GitHub, the filter may not be.
    const env = req.environment.toLowerCase();
    const found = await listDeployments(gh, { sha: req.sha }, 100);
    const match = found.find((d) => d.sha === req.sha && d.environment.toLowerCase() === env);
    if (match)
        return { deployment: match, created: false };
    return { deployment: await createDeployment(gh, req), created: true };
}
function setDeploymentStatus(gh, id, status) {
    const body = { state: status.state };
    if (status.environment_url)
        body.environment_url = status.environment_url;
    if (status.log_url)
        body.log_url = status.log_url;
    if (status.description !== undefined)
        body.description = cut(status.description, 140);
    if (status.environment)
        body.environment = status.environment;
    if (status.auto_inactive !== undefined)
        body.auto_inactive = status.auto_inactive;
    return gh.data("POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses", { ...gh.ownerRepo, deployment_id: id, ...body }, { what: `set deployment ${id} to ${status.state}`, hints: HINTS });
}
function listDeploymentStatuses(gh, id) {
    return gh.list("GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses", { ...gh.ownerRepo, deployment_id: id }, { what: `list the statuses of deployment ${id}` });
}

;// CONCATENATED MODULE: ./.build/js/vendors/github-environments.js
const ENVIRONMENT_ADMIN_HINTS = {
    403: "Configuring environments needs a token that administers the repository (a fine-grained token with `Administration: write`, or a classic token with the `repo` scope of an admin); a workflow's GITHUB_TOKEN cannot",
    404: "the repository does not exist, or the token cannot administer it",
};
const github_environments_ACTIONS_READ_HINT = "The token needs `actions: read`: add `permissions: actions: read` to the job";
/** An environment with its protection rules; undefined when the repository has none by that name. */
async function getEnvironment(gh, name) {
    const res = await gh.call("GET /repos/{owner}/{repo}/environments/{environment_name}", { ...gh.ownerRepo, environment_name: name }, {
        accept: [404],
        what: `read environment ${name} of ${gh.fullName}`,
        hints: {
            403: "The token needs read access to the repository's Actions: add `permissions: actions: read` to the job",
        },
    });
    return res.ok ? res.data : undefined;
}
/** The reviews (approvals and rejections) of a workflow run's environments, as GitHub lists them. */
async function listRunApprovals(gh, runId) {
    const list = await gh.data("GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals", { ...gh.ownerRepo, run_id: runId }, {
        what: `read the approvals of run ${runId} of ${gh.fullName}`,
        hints: {
            403: github_environments_ACTIONS_READ_HINT,
            404: `${gh.fullName} has no workflow run ${runId} (or the token cannot see it)`,
        },
    });
    return Array.isArray(list) ? list : [];
}
/** Creates or updates an environment's protection rules (needs a token that administers the repository). */
function putEnvironment(gh, name, body) {
    return gh.data("PUT /repos/{owner}/{repo}/environments/{environment_name}", { ...gh.ownerRepo, environment_name: name, ...body }, { what: `configure environment ${name} of ${gh.fullName}`, hints: ENVIRONMENT_ADMIN_HINTS });
}
/** The branch and tag patterns allowed to deploy to an environment with custom branch policies. */
function listBranchPolicies(gh, environment) {
    return gh.list("GET /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies", { ...gh.ownerRepo, environment_name: environment }, { maxItems: 2_000, what: `list the deployment branches of environment ${environment}` });
}
function createBranchPolicy(gh, environment, name, type = "branch") {
    return gh.data("POST /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies", { ...gh.ownerRepo, environment_name: environment, name, type }, {
        retry: false,
        what: `allow ${type} ${name} to deploy to environment ${environment}`,
        hints: ENVIRONMENT_ADMIN_HINTS,
    });
}
async function deleteBranchPolicy(gh, environment, id) {
    await gh.call("DELETE /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies/{branch_policy_id}", { ...gh.ownerRepo, environment_name: environment, branch_policy_id: id }, {
        accept: [404],
        what: `remove deployment branch policy ${id} of ${environment}`,
        hints: ENVIRONMENT_ADMIN_HINTS,
    });
}
/** A user by login; undefined when GitHub has nobody by that name. */
async function getUser(gh, login) {
    const res = await gh.call("GET /users/{username}", { username: login }, {
        accept: [404],
        what: `look up user ${login}`,
    });
    return res.ok ? res.data : undefined;
}
/** A team of an organization by slug; undefined when there is none (or the token cannot see it). */
async function getTeam(gh, org, slug) {
    const res = await gh.call("GET /orgs/{org}/teams/{team_slug}", { org, team_slug: slug }, {
        accept: [404],
        what: `look up team @${org}/${slug}`,
        hints: { 403: "Reading teams needs a token with `read:org` (classic) or organization Members: read" },
    });
    return res.ok ? res.data : undefined;
}

;// CONCATENATED MODULE: ./.build/js/vendors/github-issues.js

const ISSUES_WRITE_HINT = "The token needs `issues: write`: add `permissions: issues: write` to the job";
/** Issues (not pull requests) with every one of `labels`, open by default. */
async function listIssues(gh, opts = {}) {
    const items = await gh.list("GET /repos/{owner}/{repo}/issues", { ...gh.ownerRepo, labels: opts.labels?.join(","), state: opts.state ?? "open" }, { maxItems: opts.maxItems ?? 500, what: "list issues" });
    return items.filter((i) => !i.pull_request);
}
function createIssue(gh, issue) {
    return gh.data("POST /repos/{owner}/{repo}/issues", { ...gh.ownerRepo, title: issue.title, body: fitComment(issue.body), labels: issue.labels }, { retry: false, what: "open an issue", hints: { 403: ISSUES_WRITE_HINT } });
}
function updateIssue(gh, number, patch) {
    return gh.data("PATCH /repos/{owner}/{repo}/issues/{issue_number}", { ...gh.ownerRepo, issue_number: number, ...patch }, { what: `update issue #${number}`, hints: { 403: ISSUES_WRITE_HINT } });
}
/** One issue; undefined when it is gone (404, or 410 for a deleted issue). */
async function getIssue(gh, number) {
    const res = await gh.call("GET /repos/{owner}/{repo}/issues/{issue_number}", { ...gh.ownerRepo, issue_number: number }, { accept: [404, 410], what: `read issue #${number}` });
    return res.ok ? res.data : undefined;
}
/**
 * Assigns users to an issue (GitHub keeps at most 10 and silently skips users who cannot be assigned, such
 * as people without access to the repository).
 */
function addIssueAssignees(gh, number, logins) {
    return gh.data("POST /repos/{owner}/{repo}/issues/{issue_number}/assignees", { ...gh.ownerRepo, issue_number: number, assignees: logins.slice(0, 10) }, { what: `assign #${number}`, hints: { 403: ISSUES_WRITE_HINT } });
}
/** Logins of a team's members (child teams included, as GitHub lists them), every page. */
async function listTeamMembers(gh, org, slug) {
    const users = await gh.list("GET /orgs/{org}/teams/{team_slug}/members", { org, team_slug: slug }, {
        what: `list the members of team @${org}/${slug}`,
        hints: {
            403: "Reading team members needs a token with organization members read permission (a GitHub App token with `Members: read`, or a token with the `read:org` scope); the job's GITHUB_TOKEN cannot have it: pass such a token in 'github-token', or list the approvers by login",
            404: `@${org}/${slug} is not a team of ${org}, or the token cannot see it (a GitHub App token needs \`Members: read\`, a classic token \`read:org\`)`,
        },
    });
    return users.map((u) => u.login).filter((l) => typeof l === "string" && l !== "");
}

;// CONCATENATED MODULE: ./.build/js/vendors/github.js







/**
 * The GitHub REST client of the whole project, on Octokit with its pagination, retry and throttling plugins
 * (github-octokit.ts); answers typed from GitHub's OpenAPI description (@octokit/openapi-types). Each area
 * lives in its own module (commits, comments, deployments, issues, Actions runs and secrets, environments);
 * this class is their one face. Errors name the operation and, where one exists, the fix.
 */
class GitHubClient extends GitHubCore {
    // ---- commits, refs, pull requests ----
    getCommit = (ref) => getCommit(this, ref);
    findCommit = (ref) => findCommit(this, ref);
    getRef = (ref) => getRef(this, ref);
    listCommits = (sha, max) => listCommits(this, sha, max);
    countCommits = (sha) => countCommits(this, sha);
    compare = (base, head, opts) => compare(this, base, head, opts);
    pullsForCommit = (sha) => pullsForCommit(this, sha);
    // ---- comments ----
    listIssueComments = (issue) => listIssueComments(this, issue);
    createIssueComment = (issue, body) => createIssueComment(this, issue, body);
    updateIssueComment = (id, body) => updateIssueComment(this, id, body);
    deleteIssueComment = (id) => deleteIssueComment(this, id);
    listCommitComments = (sha) => listCommitComments(this, sha);
    createCommitComment = (sha, body) => createCommitComment(this, sha, body);
    updateCommitComment = (id, body) => updateCommitComment(this, id, body);
    deleteCommitComment = (id) => deleteCommitComment(this, id);
    upsertStickyComment = (opts) => upsertStickyComment(this, opts);
    // ---- deployments ----
    listDeployments = (filter, max) => listDeployments(this, filter, max);
    createDeployment = (req) => createDeployment(this, req);
    findOrCreateDeployment = (req) => findOrCreateDeployment(this, req);
    setDeploymentStatus = (id, status) => setDeploymentStatus(this, id, status);
    listDeploymentStatuses = (id) => listDeploymentStatuses(this, id);
    // ---- workflow runs and issues (status sweep) ----
    listWorkflowRuns = (opts) => listWorkflowRuns(this, opts);
    listIssues = (opts) => listIssues(this, opts);
    createIssue = (issue) => createIssue(this, issue);
    updateIssue = (number, patch) => updateIssue(this, number, patch);
    // ---- Actions secrets metadata and workflow dispatch (rotation sweep) ----
    listRepoSecrets = () => listRepoSecrets(this);
    listEnvironmentSecrets = (environment) => listEnvironmentSecrets(this, environment);
    dispatchWorkflow = (workflow, ref, inputs) => dispatchWorkflow(this, this.clock, workflow, ref, inputs);
    getWorkflowRun = (runId) => getWorkflowRun(this, runId);
    // ---- environments, run approvals and environment setup (the gate) ----
    getEnvironment = (name) => getEnvironment(this, name);
    listRunApprovals = (runId) => listRunApprovals(this, runId);
    putEnvironment = (name, body) => putEnvironment(this, name, body);
    listBranchPolicies = (environment) => listBranchPolicies(this, environment);
    createBranchPolicy = (environment, name, type) => createBranchPolicy(this, environment, name, type);
    deleteBranchPolicy = (environment, id) => deleteBranchPolicy(this, environment, id);
    getUser = (login) => getUser(this, login);
    getTeam = (org, slug) => getTeam(this, org, slug);
}







/***/ })

};
