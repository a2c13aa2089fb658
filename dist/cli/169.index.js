export const id = 169;
export const ids = [169];
export const modules = {

/***/ 5490:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ parseHealthInputs)
/* harmony export */ });
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8760);
/* harmony import */ var _health_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(778);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1621);



/** Turns raw inputs into typed settings; every problem names its input. Shared by the health-check action, the deploy, the status sweep and the CLI. */
function parseHealthInputs(get, prefix = "") {
    const name = (n) => `${prefix}${n}`;
    const headers = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .parseHeaders */ .QG)(name("headers"), get(name("headers")));
    const url = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .parseHttpUrl */ .f$)(name("url"), (0,_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .requireValue */ .vd)(name("url"), get(name("url"))));
    return {
        url,
        attempts: (0,_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .parseInteger */ .cG)(name("attempts"), get(name("attempts")) || "5", 1, 100),
        intervalMs: (0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDuration */ .E9)(name("interval"), get(name("interval")) || "10s"),
        timeoutMs: (0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDuration */ .E9)(name("timeout"), get(name("timeout")) || "5s"),
        expectStatus: (0,_health_js__WEBPACK_IMPORTED_MODULE_1__/* .parseExpectStatus */ .NL)(name("expect-status"), get(name("expect-status"))),
        expectBody: get(name("expect-body")) || undefined,
        expectJson: (0,_health_js__WEBPACK_IMPORTED_MODULE_1__/* .parseExpectJson */ .$c)(name("expect-json"), get(name("expect-json"))),
        headers,
        method: (0,_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .parseChoice */ .HU)(name("method"), get(name("method")).toUpperCase(), ["GET", "HEAD"], "GET"),
        followRedirects: (0,_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .parseBoolean */ .yG)(name("follow-redirects"), get(name("follow-redirects")), true),
        failOnUnhealthy: (0,_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .parseBoolean */ .yG)(name("fail-on-unhealthy"), get(name("fail-on-unhealthy")), true),
    };
}


/***/ }),

/***/ 778:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $c: () => (/* binding */ parseExpectJson),
/* harmony export */   FK: () => (/* binding */ buildReport),
/* harmony export */   NL: () => (/* binding */ parseExpectStatus),
/* harmony export */   Xk: () => (/* reexport safe */ _markdown_js__WEBPACK_IMPORTED_MODULE_3__.X),
/* harmony export */   ih: () => (/* binding */ judgeProbe),
/* harmony export */   nb: () => (/* binding */ renderHealthSummary),
/* harmony export */   t_: () => (/* binding */ formatAttemptLine)
/* harmony export */ });
/* unused harmony exports statusMatches, checkJson */
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1723);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1621);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(333);




/** Kept for src/core/approval.ts, which still imports it from here; new code imports ./markdown.js. */

function parseExpectStatus(input, raw) {
    const text = raw.trim() || "200";
    const codes = [];
    const classes = [];
    for (const part of text.split(",").map((p) => p.trim())) {
        if (/^[1-5]xx$/i.test(part))
            classes.push(Number(part[0]));
        else if (/^[1-5]\d\d$/.test(part))
            codes.push(Number(part));
        else
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, `must be status codes or classes like 200, 200,204 or 2xx; got '${part}'`);
    }
    return { codes, classes, text };
}
function statusMatches(exp, status) {
    return exp.codes.includes(status) || exp.classes.includes(Math.floor(status / 100));
}
function parseExpectJson(input, raw) {
    const text = raw.trim();
    if (!text)
        return undefined;
    const idx = text.indexOf("=");
    if (idx <= 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, `must look like path=value (e.g. status=ok); got '${raw}'`);
    const path = text.slice(0, idx).trim().split(".");
    if (path.some((p) => p === ""))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, `has an empty path segment in '${raw}'`);
    return { path, value: text.slice(idx + 1).trim(), text };
}
/** Returns undefined when the body meets the expectation, else the reason it does not. */
function checkJson(exp, body) {
    let node;
    try {
        node = JSON.parse(body);
    }
    catch {
        return `body is not JSON (expected ${exp.text})`;
    }
    for (const key of exp.path) {
        if (node === null || typeof node !== "object" || !(key in node)) {
            return `JSON has no ${exp.path.join(".")} (expected ${exp.text})`;
        }
        node = node[key];
    }
    const actual = typeof node === "string" ? node : JSON.stringify(node);
    return actual === exp.value
        ? undefined
        : `JSON ${exp.path.join(".")} is ${truncate(actual, 60)}, expected ${exp.value}`;
}
/** Judges one probe result against the expectations. */
function judgeProbe(settings, n, probe) {
    const base = { n, status: probe.status, latencyMs: probe.latencyMs };
    if (probe.error !== undefined || probe.status === undefined) {
        return { ...base, healthy: false, reason: probe.error ?? "no response" };
    }
    if (!statusMatches(settings.expectStatus, probe.status)) {
        return {
            ...base,
            healthy: false,
            reason: `status ${probe.status}, expected ${settings.expectStatus.text}`,
        };
    }
    const body = probe.body ?? "";
    if (settings.expectBody !== undefined && !body.includes(settings.expectBody)) {
        return { ...base, healthy: false, reason: "body does not contain the expected text" };
    }
    if (settings.expectJson) {
        const why = checkJson(settings.expectJson, body);
        if (why)
            return { ...base, healthy: false, reason: why };
    }
    return { ...base, healthy: true, reason: "healthy" };
}
function buildReport(settings, attempts) {
    const last = attempts[attempts.length - 1];
    return {
        url: (0,_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .redactUrl */ .BO)(settings.url),
        healthy: last?.healthy ?? false,
        attempts,
        lastStatus: last?.status,
        lastLatencyMs: last?.latencyMs,
        lastReason: last?.reason ?? "not checked",
    };
}
function formatAttemptLine(a, total) {
    const status = a.status === undefined ? "-" : String(a.status);
    return `attempt ${a.n}/${total}: status ${status}, ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(a.latencyMs)}, ${a.reason}`;
}
/** The job-summary section for a health check. Pure; the action writes it. */
function renderHealthSummary(report) {
    const head = report.healthy
        ? `### ✅ Healthy: ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMd */ .X)(report.url)}`
        : `### ❌ Unhealthy: ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMd */ .X)(report.url)}`;
    const rows = report.attempts.map((a) => `| ${a.n} | ${a.status ?? "-"} | ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(a.latencyMs)} | ${a.healthy ? "✅" : "❌"} ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMd */ .X)(a.reason)} |`);
    return [
        head,
        "",
        "| Attempt | Status | Latency | Result |",
        "| ---: | ---: | ---: | --- |",
        ...rows,
        "",
    ].join("\n");
}
function truncate(text, n) {
    return text.length > n ? `${text.slice(0, n)}…` : text;
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
    // ---- API token lifecycle (rotation executor) ----
    tokensPath(accountId, rest = "") {
        return `${accountId ? `/accounts/${encodeURIComponent(accountId)}` : "/user"}/tokens${rest}`;
    }
    /** GET .../tokens/{id}: a token's settings (name, policies, condition, dates), never its value. */
    async getToken(id, accountId) {
        const res = await this.http.send({
            method: "GET",
            path: this.tokensPath(accountId, `/${encodeURIComponent(id)}`),
        });
        const r = unwrap(res, "GET", "…/tokens/{id}").result;
        if (!r || typeof r.id !== "string")
            throw new CloudflareError("Cloudflare answered GET …/tokens/{id} without a token", [], res.status);
        return tokenSettings(r);
    }
    /** GET .../tokens: every token's settings (one page of up to 50 at a time), never a value. */
    async listTokens(accountId) {
        const out = [];
        for (let page = 1; page <= 20; page++) {
            const res = await this.http.send({
                method: "GET",
                path: this.tokensPath(accountId),
                query: { page, per_page: 50 },
            });
            const body = unwrap(res, "GET", "…/tokens");
            const list = body.result ?? [];
            out.push(...list.map(tokenSettings));
            const total = body.result_info?.total_pages ?? 1;
            if (list.length === 0 || page >= total)
                break;
        }
        return out;
    }
    /**
     * POST .../tokens: a new token with the settings given. The answer's `value` is the one secret handed back;
     * not retried once it may have arrived (a second call would make a second token).
     */
    async createToken(settings, accountId) {
        const res = await this.http.send({
            method: "POST",
            path: this.tokensPath(accountId),
            body: settings,
            retry: "if-unsent",
        });
        const r = unwrap(res, "POST", "…/tokens").result;
        if (!r || typeof r.id !== "string" || typeof r.value !== "string")
            throw new CloudflareError("Cloudflare answered POST …/tokens without the new token", [], res.status);
        return { id: r.id, value: r.value };
    }
    /** PUT .../tokens/{id}/value: a new value for the token; the old value stops working at once. */
    async rollToken(id, accountId) {
        const res = await this.http.send({
            method: "PUT",
            path: this.tokensPath(accountId, `/${encodeURIComponent(id)}/value`),
            body: {},
            retry: "if-unsent",
        });
        const value = unwrap(res, "PUT", "…/tokens/{id}/value").result;
        if (typeof value !== "string")
            throw new CloudflareError("Cloudflare answered PUT …/tokens/{id}/value without a value", [], res.status);
        return value;
    }
    /** DELETE .../tokens/{id}: "gone" when Cloudflare no longer has it. */
    async deleteToken(id, accountId) {
        const res = await this.http.send({
            method: "DELETE",
            path: this.tokensPath(accountId, `/${encodeURIComponent(id)}`),
            accept: [404],
        });
        if (res.status === 404)
            return "gone";
        unwrap(res, "DELETE", "…/tokens/{id}");
        return "revoked";
    }
}
function tokenSettings(r) {
    return {
        id: String(r.id),
        name: String(r.name ?? ""),
        status: String(r.status ?? ""),
        ...(typeof r.issued_on === "string" ? { issued_on: r.issued_on } : {}),
        ...(typeof r.modified_on === "string" ? { modified_on: r.modified_on } : {}),
        ...(typeof r.not_before === "string" ? { not_before: r.not_before } : {}),
        ...(typeof r.expires_on === "string" ? { expires_on: r.expires_on } : {}),
        policies: Array.isArray(r.policies) ? r.policies : [],
        ...(r.condition && typeof r.condition === "object" ? { condition: r.condition } : {}),
    };
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
