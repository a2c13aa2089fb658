export const id = 826;
export const ids = [826];
export const modules = {

/***/ 1844:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ buildLines),
/* harmony export */   BX: () => (/* binding */ currentRelease),
/* harmony export */   Fi: () => (/* binding */ previousRelease),
/* harmony export */   Fu: () => (/* binding */ shortSha),
/* harmony export */   GJ: () => (/* binding */ parseReleaseRef),
/* harmony export */   KD: () => (/* binding */ nothingToRollBackTo),
/* harmony export */   Pf: () => (/* binding */ label),
/* harmony export */   TL: () => (/* binding */ parseGitRef),
/* harmony export */   US: () => (/* binding */ describeReleaseRef),
/* harmony export */   hN: () => (/* binding */ classifyPushFailure),
/* harmony export */   hT: () => (/* binding */ rollbackRefusal),
/* harmony export */   iq: () => (/* binding */ codeVersion),
/* harmony export */   ll: () => (/* binding */ newestFirst)
/* harmony export */ });
/* unused harmony exports renderRollbackSummary, renderDeploySummary */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1723);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** `v41`, `41`, a release id (UUID), or empty for the release before the current one. */
function parseReleaseRef(input, raw) {
    const text = raw.trim();
    if (!text || text.toLowerCase() === "previous")
        return { kind: "previous" };
    const version = /^v?(\d{1,9})$/i.exec(text);
    if (version) {
        const n = Number(version[1]);
        if (n < 1)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `must be a release version of 1 or more; got '${raw}'`);
        return { kind: "version", version: n };
    }
    if (UUID.test(text))
        return { kind: "id", id: text.toLowerCase() };
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `must be a release version like v41 or 41, a release id (UUID), or empty for the previous release; got '${raw}'`);
}
/** A git revision as a user writes it (SHA, branch, tag); never something git would read as an option. */
function parseGitRef(input, raw) {
    const ref = raw.trim();
    if (!/^[A-Za-z0-9._/@{}^~-]+$/.test(ref) || ref.startsWith("-") || ref.includes(".."))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `must be a commit SHA, branch or tag name; got '${raw}'`);
    return ref;
}
function describeReleaseRef(ref) {
    if (ref.kind === "version")
        return `v${ref.version}`;
    if (ref.kind === "id")
        return `release ${ref.id}`;
    return "the previous release";
}
const label = (r) => `v${r.version}`;
const shortSha = (sha) => (sha ? sha.slice(0, 7) : "-");
/** Newest first, whatever order they came in. */
function newestFirst(releases) {
    return [...releases].sort((a, b) => b.version - a.version);
}
/** The live release: the one Heroku marks current, else the newest that succeeded. */
function currentRelease(releases) {
    const sorted = newestFirst(releases);
    return sorted.find((r) => r.current) ?? sorted.find((r) => r.status === "succeeded");
}
/** Whether Heroku would roll back to this release, and if not, why. */
function rollbackRefusal(r) {
    if (r.status === "failed")
        return `${label(r)} failed, so there is nothing of it to go back to`;
    if (r.status === "pending")
        return `${label(r)} is still pending`;
    if (r.status === "expired" || r.eligible_for_rollback === false)
        return `${label(r)} is no longer eligible for rollback (expired)`;
    return undefined;
}
/**
 * The release a plain rollback goes back to: the newest release older than the current one that succeeded,
 * is still eligible, and carries code (a slug). Releases made before the first deploy carry none. When the
 * current release is itself "Rollback to vN", the count starts from vN, so a second rollback goes one step
 * further back instead of bringing back the release just rolled away from.
 */
function previousRelease(releases, current) {
    return newestFirst(releases).find((r) => r.version < codeVersion(releases, current) && r.slug !== null && rollbackRefusal(r) === undefined);
}
/** The version whose code a release runs: a "Rollback to vN" release runs vN's (followed through chains). */
function codeVersion(releases, release) {
    let version = release.version;
    let description = release.description;
    for (let hops = 0; hops < 20; hops++) {
        const m = /^Rollback to v(\d+)\b/.exec(description);
        const to = m ? Number(m[1]) : undefined;
        if (to === undefined || to >= version)
            break;
        version = to;
        const next = releases.find((r) => r.version === to);
        if (!next)
            break;
        description = next.description;
    }
    return version;
}
/** The message when nothing older can be rolled back to. */
function nothingToRollBackTo(app, current, count) {
    const only = count <= 1
        ? `${app} has a single release (${label(current)})`
        : `${app} has no release before ${label(current)} with code that can be rolled back to`;
    return `Nothing to roll back to: ${only}. Deploy a fixed commit instead, or name a release with the 'release' input.`;
}
/** Classifies the lines a failed `git push` to Heroku wrote. */
function classifyPushFailure(lines) {
    const text = lines.join("\n");
    if (/\[rejected\].*\((non-fast-forward|fetch first)\)/.test(text))
        return "non-fast-forward";
    if (/shallow update not allowed/.test(text))
        return "shallow";
    if (/Push rejected|pre-receive hook declined|\[remote rejected\]/.test(text))
        return "rejected-build";
    if (/Authentication failed|could not read (Username|Password)|\b401\b|Invalid credentials|terminal prompts disabled/.test(text))
        return "auth";
    if (/not found|No such app|does not appear to be a git repository|\b404\b/i.test(text))
        return "not-found";
    if (/Could not resolve host|Failed to connect|Connection refused|timed out|Couldn't connect/i.test(text))
        return "unreachable";
    return "other";
}
/** The build's own lines out of a push's output: `remote:` prefixes removed, git's chatter and blanks dropped. */
function buildLines(lines, max = 15) {
    const out = [];
    for (const line of lines) {
        const m = /^remote:\s?(.*)$/.exec(line);
        if (!m)
            continue;
        const text = (m[1] ?? "").replace(/\s+$/, "");
        if (text.trim())
            out.push(text);
    }
    return out.slice(-max);
}
function seconds(ms) {
    return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}
function cell(r) {
    const desc = r.release.description.replace(/\|/g, "\\|");
    return `**${label(r.release)}** · \`${shortSha(r.commit)}\` · ${desc}`;
}
function renderRollbackSummary(s) {
    const head = s.noop
        ? `### ↩️ Heroku rollback: ${s.app} already runs ${label(s.target.release)}\n\nNothing was changed.\n`
        : `### ↩️ Heroku rollback: ${s.app} rolled back to ${label(s.target.release)}\n`;
    const rows = [
        "| | Release |",
        "|---|---|",
        `| Was current | ${cell(s.before)} |`,
        `| Rolled back to | ${cell(s.target)} |`,
        `| Now current | ${cell(s.after)} |`,
    ];
    const took = s.durationMs !== undefined ? `\nDone in ${seconds(s.durationMs)}.\n` : "";
    const undo = s.noop
        ? ""
        : `\nTo undo, roll back to ${label(s.before.release)} (input \`release: ${label(s.before.release)}\`).\n`;
    return `${head}\n${rows.join("\n")}\n${took}${undo}`;
}
function renderDeploySummary(s) {
    const head = s.alreadyLive
        ? `### 🚀 Heroku deploy: ${s.app} already runs \`${shortSha(s.sha)}\`\n\nNo new release was made.\n`
        : `### 🚀 Heroku deploy: ${s.app} now runs \`${shortSha(s.sha)}\` (${label(s.after.release)})\n`;
    const rows = ["| | Release |", "|---|---|"];
    rows.push(`| Before | ${s.before ? cell(s.before) : "_no release with code_"} |`);
    rows.push(`| Now | ${cell(s.after)} |`);
    const facts = [
        `- Method: \`${s.method}\`${s.forced ? " (forced)" : ""}`,
        `- Commit: \`${s.sha}\` (verified against the release's slug)`,
    ];
    if (s.webUrl)
        facts.push(`- App: ${s.webUrl}`);
    if (s.durationMs !== undefined)
        facts.push(`- Took: ${seconds(s.durationMs)}`);
    if (s.before && !s.alreadyLive)
        facts.push(`- Roll back with the heroku-rollback action (\`release: ${label(s.before.release)}\`).`);
    return `${head}\n${rows.join("\n")}\n\n${facts.join("\n")}\n`;
}


/***/ }),

/***/ 333:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ escapeMd)
/* harmony export */ });
/** Markdown helpers for the renderers (job summaries, comments, issues). Pure. */
/** Escapes text for one line of GitHub Markdown (a table cell, a heading): markup characters, newlines. */
function escapeMd(text) {
    return text.replace(/[|\\`*_[\]<>]/g, (c) => `\\${c}`).replace(/\r?\n/g, " ");
}


/***/ }),

/***/ 6482:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ silentReporter),
/* harmony export */   m: () => (/* binding */ systemClock)
/* harmony export */ });
const systemClock = {
    now: () => new Date(),
    sleep: (ms, signal) => new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(signal.reason);
        const t = setTimeout(() => {
            signal?.removeEventListener("abort", onAbort);
            resolve();
        }, ms);
        const onAbort = () => {
            clearTimeout(t);
            reject(signal?.reason);
        };
        signal?.addEventListener("abort", onAbort, { once: true });
    }),
};
/** A reporter that says nothing; for library callers who only want results. */
const silentReporter = {
    info() { },
    warning() { },
    error() { },
    debug() { },
    secret() { },
    group: (_t, fn) => fn(),
};


/***/ }),

/***/ 6561:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ HerokuClient)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6752);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1723);
/* harmony import */ var _core_heroku_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1844);
/* harmony import */ var _core_ports_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6482);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2770);
/* harmony import */ var _http_probe_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7505);







const ACCEPT = "application/vnd.heroku+json; version=3";
/**
 * The Heroku Platform API v3: apps, releases, slugs, dynos, builds and their output, sources, rollback.
 * Retries 429/5xx with backoff honouring Retry-After; every error reads clearly and never holds the key.
 */
class HerokuClient {
    http;
    apiKey;
    clock;
    constructor(opts) {
        this.apiKey = opts.apiKey;
        this.clock = opts.clock ?? _core_ports_js__WEBPACK_IMPORTED_MODULE_4__/* .systemClock */ .m;
        this.http = new _http_js__WEBPACK_IMPORTED_MODULE_5__/* .HttpClient */ .Qq({
            vendor: "Heroku",
            baseUrl: opts.baseUrl || process.env.HEROKU_API_URL || "https://api.heroku.com",
            headers: {
                accept: ACCEPT,
                authorization: `Bearer ${opts.apiKey}`,
                "user-agent": "prodgate",
            },
            timeoutMs: opts.timeoutMs ?? 15_000,
            retries: opts.retries ?? 3,
            backoffMs: opts.backoffMs,
            clock: this.clock,
            describe: (res, req) => this.describe(res, req),
            onRetry: opts.onRetry
                ? ({ attempt, waitMs, reason, req }) => opts.onRetry?.(`Heroku answered ${reason} for ${req.method} ${pathOnly(req.path)}; retry ${attempt} in ${Math.round(waitMs)} ms`)
                : undefined,
        });
    }
    get baseUrl() {
        return this.http.baseUrl;
    }
    app(app) {
        return this.http.json("GET", `/apps/${enc(app)}`);
    }
    /** Newest first, at most `max` (default 25; Heroku serves up to 1000), through the Range header. */
    async releases(app, opts = {}) {
        const max = Math.max(1, Math.min(opts.max ?? 25, 1000));
        const res = await this.http.send({
            method: "GET",
            path: `/apps/${enc(app)}/releases`,
            headers: { range: `version ..; order=desc, max=${max}` },
        });
        return (0,_core_heroku_js__WEBPACK_IMPORTED_MODULE_3__/* .newestFirst */ .ll)(Array.isArray(res.json) ? res.json : []).slice(0, max);
    }
    release(app, idOrVersion) {
        const ref = typeof idOrVersion === "number" ? String(idOrVersion) : idOrVersion.replace(/^v(?=\d+$)/i, "");
        return this.http.json("GET", `/apps/${enc(app)}/releases/${enc(ref)}`);
    }
    slug(app, slugId) {
        return this.http.json("GET", `/apps/${enc(app)}/slugs/${enc(slugId)}`);
    }
    dynos(app) {
        return this.http.json("GET", `/apps/${enc(app)}/dynos`);
    }
    /** The app's dynos as a conditional request: `notModified` when they are still what `etag` names. */
    async dynosIfChanged(app, etag) {
        const res = await this.http.send({
            method: "GET",
            path: `/apps/${enc(app)}/dynos`,
            headers: etag ? { "if-none-match": etag } : {},
        });
        if (res.status === 304)
            return { notModified: true };
        return { data: Array.isArray(res.json) ? res.json : [], etag: res.headers.etag };
    }
    /** Every app the account sees, through the Range header: 1,000 a page (Heroku's most), Next-Range for more. */
    async apps() {
        const all = [];
        let range = "name ..; max=1000";
        for (let page = 0; page < 1000; page++) {
            const res = await this.http.send({ method: "GET", path: "/apps", headers: { range } });
            if (Array.isArray(res.json))
                all.push(...res.json);
            const next = res.headers["next-range"];
            if (res.status !== 206 || !next || next === range)
                break;
            range = next;
        }
        return all;
    }
    /**
     * Rolls the app back to `releaseId`: a new release with that release's slug and config. Not retried here,
     * since a retry after the request arrived would make two releases; the rollback pipeline checks and retries.
     */
    rollback(app, releaseId) {
        return this.http.json("POST", `/apps/${enc(app)}/releases`, { release: releaseId }, { retry: false });
    }
    /** The commit live on the app: newest release's slug commit; { sha: undefined } when the app has no release with a slug. */
    async liveCommit(app) {
        const releases = await this.releases(app, { max: 10 });
        const release = (0,_core_heroku_js__WEBPACK_IMPORTED_MODULE_3__/* .currentRelease */ .BX)(releases);
        if (!release?.slug)
            return { release };
        const slug = await this.slug(app, release.slug.id);
        return { sha: slug.commit ?? undefined, release };
    }
    /** Upload URLs for a source tarball (PUT it to put_url, build from get_url). */
    createSource() {
        return this.http.json("POST", "/sources");
    }
    createBuild(app, source) {
        return this.http.json("POST", `/apps/${enc(app)}/builds`, {
            source_blob: {
                url: source.url,
                version: source.version,
                version_description: source.versionDescription,
                checksum: source.checksum,
            },
        }, { retry: false });
    }
    build(app, buildId) {
        return this.http.json("GET", `/apps/${enc(app)}/builds/${enc(buildId)}`);
    }
    builds(app, opts = {}) {
        const max = Math.max(1, Math.min(opts.max ?? 10, 1000));
        return this.http.json("GET", `/apps/${enc(app)}/builds`, undefined, {
            headers: { range: `created_at ..; order=desc, max=${max}` },
        });
    }
    /**
     * PUTs a file to a source upload URL. The URL is pre-signed, so no Heroku credential goes with it.
     * Retried on network errors and 5xx: a PUT of the same bytes is idempotent.
     */
    async upload(putUrl, file, opts = {}) {
        const size = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(file).size;
        const retries = opts.retries ?? 3;
        for (let attempt = 0;; attempt++) {
            let reason;
            try {
                const res = await (0,undici__WEBPACK_IMPORTED_MODULE_1__/* .request */ .Em)(putUrl, {
                    method: "PUT",
                    headers: { "content-length": String(size) },
                    body: (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createReadStream)(file),
                    signal: AbortSignal.timeout(opts.timeoutMs ?? 300_000),
                });
                await res.body.text();
                if (res.statusCode < 300)
                    return;
                if (res.statusCode < 500)
                    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .VendorError */ .Hi("Heroku", `Heroku refused the source upload (${res.statusCode})`, res.statusCode);
                reason = String(res.statusCode);
            }
            catch (err) {
                if (err instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .VendorError */ .Hi)
                    throw err;
                reason = (0,_http_probe_js__WEBPACK_IMPORTED_MODULE_6__/* .networkReason */ .d8)(err, opts.timeoutMs ?? 300_000);
            }
            if (attempt >= retries)
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .VendorError */ .Hi("Heroku", `Source upload failed after ${attempt + 1} attempt(s): ${reason}`, undefined, true);
            await this.clock.sleep(500 * 2 ** attempt);
        }
    }
    /**
     * Follows a build's (or release's) output stream, calling `onLine` for each line, until the stream ends. The
     * stream URL needs no credential. It may not exist for a moment after the build starts; that is waited out.
     */
    async streamOutput(url, onLine, opts = {}) {
        const retries = opts.notReadyRetries ?? 10;
        for (let attempt = 0;; attempt++) {
            const res = await (0,undici__WEBPACK_IMPORTED_MODULE_1__/* .request */ .Em)(url, {
                method: "GET",
                headersTimeout: 30_000,
                bodyTimeout: opts.idleTimeoutMs ?? 300_000,
                signal: opts.signal,
            });
            if (res.statusCode === 404 || res.statusCode >= 500) {
                await res.body.text();
                if (attempt >= retries)
                    return;
                await this.clock.sleep(Math.min(500 * (attempt + 1), 3_000), opts.signal);
                continue;
            }
            if (res.statusCode >= 400) {
                await res.body.text();
                return;
            }
            let rest = "";
            for await (const chunk of res.body) {
                rest += chunk.toString("utf8");
                const parts = rest.split(/\r?\n/);
                rest = parts.pop() ?? "";
                for (const line of parts)
                    onLine(line);
            }
            if (rest)
                onLine(rest);
            return;
        }
    }
    describe(res, req) {
        const body = (res.json ?? {});
        const raw = (0,_http_js__WEBPACK_IMPORTED_MODULE_5__/* .messageOf */ .bD)(res.json);
        const detail = raw ? `: ${this.redact(raw)}` : "";
        const where = `${req.method} ${pathOnly(req.path)}`;
        const app = /^\/apps\/([^/?]+)/.exec(req.path)?.[1];
        const appName = app ? decodeURIComponent(app) : undefined;
        let message;
        switch (res.status) {
            case 401:
                message =
                    "Heroku rejected the API key (401 Unauthorized): check that heroku-api-key / HEROKU_API_KEY holds a valid, unexpired key";
                break;
            case 403:
                message = `Heroku refused access (403 Forbidden) to ${where}${appName ? `: the key's account may not have access to app '${appName}'` : ""}${detail}`;
                break;
            case 404:
                if (appName &&
                    (body.resource === "app" || (!body.resource && /^\/apps\/[^/]+$/.test(pathOnly(req.path)))))
                    message = `Heroku app '${appName}' not found (or the key's account cannot see it)`;
                else
                    message = `Heroku ${body.resource ?? "resource"} not found${appName ? ` on app '${appName}'` : ""} (${where})${detail}`;
                break;
            case 429:
                message = `Heroku rate limit reached (429) for ${where}${detail}`;
                break;
            default:
                message = `Heroku answered ${res.status} for ${where}${detail}`;
        }
        return new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .VendorError */ .Hi("Heroku", message, res.status, res.status === 429 || res.status >= 500);
    }
    redact(text) {
        return this.apiKey ? text.split(this.apiKey).join("***") : text;
    }
    // ---- OAuth authorizations (rotation sweep) ----
    /**
     * GET /oauth/authorizations: the key's account's authorizations, as metadata only. Heroku's answer holds
     * the access and refresh tokens themselves; they are dropped here, before anything else sees the list.
     */
    async authorizations() {
        const raw = await this.http.json("GET", "/oauth/authorizations");
        if (!Array.isArray(raw))
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .VendorError */ .Hi("Heroku", "Heroku answered GET /oauth/authorizations without a list");
        return raw.flatMap((item) => {
            const a = item;
            if (!a || typeof a.id !== "string")
                return [];
            const token = a.access_token;
            return [
                {
                    id: a.id,
                    description: typeof a.description === "string" ? a.description : null,
                    created_at: String(a.created_at ?? ""),
                    updated_at: String(a.updated_at ?? ""),
                    expires_in: typeof token?.expires_in === "number" ? token.expires_in : null,
                    scope: Array.isArray(a.scope) ? a.scope.filter((x) => typeof x === "string") : [],
                },
            ];
        });
    }
    /**
     * POST /oauth/authorizations: a new authorization with the scope and description given. The answer's
     * access token is the one value handed back; the refresh token is dropped.
     */
    async createAuthorization(opts) {
        const raw = await this.http.json("POST", "/oauth/authorizations", {
            scope: opts.scope,
            ...(opts.description ? { description: opts.description } : {}),
            ...(typeof opts.expiresIn === "number" ? { expires_in: opts.expiresIn } : {}),
        }, { retry: "if-unsent" });
        const token = raw?.access_token?.token;
        if (typeof raw?.id !== "string" || typeof token !== "string")
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .VendorError */ .Hi("Heroku", "Heroku answered POST /oauth/authorizations without an id and access token");
        return { id: raw.id, token };
    }
    /** DELETE /oauth/authorizations/{id}: "gone" when Heroku no longer has it (404). */
    async deleteAuthorization(id) {
        const res = await this.http.send({
            method: "DELETE",
            path: `/oauth/authorizations/${enc(id)}`,
            accept: [404],
        });
        return res.status === 404 ? "gone" : "revoked";
    }
    /**
     * The id of the authorization whose access token is `token`, compared here so that the list's tokens never
     * leave this client. Undefined when none of the account's authorizations has it (a plain API key).
     */
    async authorizationIdForToken(token) {
        const raw = await this.http.json("GET", "/oauth/authorizations");
        if (!Array.isArray(raw))
            return undefined;
        const found = raw.find((a) => a?.access_token?.token === token);
        return typeof found?.id === "string" ? found.id : undefined;
    }
    /** GET /account with this client's key: throws unless Heroku accepts it. */
    async account() {
        return this.http.json("GET", "/account");
    }
    /** One config var's value (GET /apps/{app}/config-vars), undefined when the app has no such var. */
    async configVar(app, name) {
        const vars = await this.http.json("GET", `/apps/${enc(app)}/config-vars`);
        const v = vars?.[name];
        return typeof v === "string" ? v : undefined;
    }
    /**
     * PATCH /apps/{app}/config-vars with one var: Heroku makes a release and restarts the dynos. The answer
     * (every var's value) is read for nothing but success.
     */
    async setConfigVar(app, name, value) {
        await this.http.send({ method: "PATCH", path: `/apps/${enc(app)}/config-vars`, body: { [name]: value } });
    }
}
function enc(segment) {
    return encodeURIComponent(segment);
}
function pathOnly(path) {
    return path.split("?")[0] ?? path;
}


/***/ }),

/***/ 7505:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PF: () => (/* binding */ HttpProbe),
/* harmony export */   d8: () => (/* binding */ networkReason)
/* harmony export */ });
/* unused harmony export headersMayGo */
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6752);
/* harmony import */ var _core_duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8760);


const MAX_BODY = 1024 * 1024;
const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/**
 * One HTTP request against a health URL, following redirects when asked. Never throws: failures become
 * `error`.
 *
 * Redirects are followed here rather than by undici's redirect interceptor because that one forwards every
 * custom header to wherever `Location` points (it drops only Authorization and Cookie on a cross-origin hop).
 * With custom headers (a Cloudflare Access service token, a bearer token) a redirect is followed only within
 * the origin the headers were given for, or to that origin's https upgrade; a redirect anywhere else (another
 * host or port, https down to http) is refused, and the result names the origin it pointed to. It is not
 * followed without the headers either: behind an access proxy that page is a login form answering 200, which
 * would pass for healthy.
 */
class HttpProbe {
    agent;
    constructor() {
        this.agent = new undici__WEBPACK_IMPORTED_MODULE_0__/* .Agent */ .g6({ connect: { timeout: 10_000 }, keepAliveTimeout: 1_000 });
    }
    async probe(url, opts) {
        const started = performance.now();
        const signal = AbortSignal.timeout(opts.timeoutMs);
        const custom = Object.keys(opts.headers).length > 0;
        const headers = { "user-agent": "prodgate-health-check", ...opts.headers };
        let method = opts.method;
        let current = url;
        try {
            for (let hop = 0;; hop++) {
                const res = await (0,undici__WEBPACK_IMPORTED_MODULE_0__/* .request */ .Em)(current, {
                    method,
                    headers,
                    dispatcher: this.agent,
                    signal,
                    headersTimeout: opts.timeoutMs,
                    bodyTimeout: opts.timeoutMs,
                });
                const location = headerValue(res.headers.location);
                if (opts.followRedirects && REDIRECT_STATUSES.has(res.statusCode) && location) {
                    await res.body.dump();
                    const next = resolveLocation(location, current);
                    const latencyMs = performance.now() - started;
                    if (!next)
                        return { status: res.statusCode, latencyMs, error: "redirect to an invalid Location" };
                    if (custom && !headersMayGo(url, next)) {
                        return {
                            status: res.statusCode,
                            latencyMs,
                            error: `redirect to ${next.origin} not followed with custom headers (they go only to ${url.origin}; point the url at the final address)`,
                        };
                    }
                    if (hop >= MAX_REDIRECTS)
                        return { status: res.statusCode, latencyMs, error: "too many redirects" };
                    if (res.statusCode === 303 && method !== "HEAD")
                        method = "GET";
                    current = next;
                    continue;
                }
                const body = method === "HEAD" ? "" : await readBounded(res.body);
                if (method === "HEAD")
                    res.body.resume();
                return { status: res.statusCode, body, latencyMs: performance.now() - started };
            }
        }
        catch (err) {
            return { latencyMs: performance.now() - started, error: networkReason(err, opts.timeoutMs, signal) };
        }
    }
    async close() {
        await this.agent.close();
    }
}
/**
 * Whether headers given for `first` may be sent to `next`: the same origin, or the https upgrade of an http
 * origin on the same host (default ports). Anything else — another host, another port, https to http — not.
 */
function headersMayGo(first, next) {
    if (next.origin === first.origin)
        return true;
    return (first.protocol === "http:" &&
        next.protocol === "https:" &&
        first.hostname === next.hostname &&
        first.port === "" &&
        next.port === "");
}
function resolveLocation(location, base) {
    try {
        const next = new URL(location, base);
        return next.protocol === "http:" || next.protocol === "https:" ? next : undefined;
    }
    catch {
        return undefined;
    }
}
function headerValue(v) {
    return Array.isArray(v) ? v[0] : v;
}
async function readBounded(body) {
    const chunks = [];
    let size = 0;
    for await (const chunk of body) {
        chunks.push(chunk);
        size += chunk.length;
        if (size >= MAX_BODY) {
            body.destroy();
            break;
        }
    }
    return Buffer.concat(chunks).subarray(0, MAX_BODY).toString("utf8");
}
/** A short, secret-free reason for a failed request. */
function networkReason(err, timeoutMs, signal) {
    const e = err;
    const code = e?.code ?? e?.cause?.code ?? "";
    if (signal?.aborted ||
        e?.name === "TimeoutError" ||
        code === "UND_ERR_HEADERS_TIMEOUT" ||
        code === "UND_ERR_BODY_TIMEOUT") {
        return `timed out after ${(0,_core_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(timeoutMs)}`;
    }
    if (code === "UND_ERR_CONNECT_TIMEOUT")
        return "connect timed out";
    if (code === "ECONNREFUSED")
        return "connection refused";
    if (code === "ECONNRESET" || code === "UND_ERR_SOCKET" || code === "EPIPE")
        return "connection reset";
    if (code === "ENOTFOUND" || code === "EAI_AGAIN")
        return "DNS lookup failed";
    if (code === "UND_ERR_REQ_RETRY" || code === "UND_ERR_MAX_REDIRECTIONS")
        return "too many redirects";
    if (code)
        return `request failed (${code})`;
    return "request failed";
}


/***/ }),

/***/ 2770:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qq: () => (/* binding */ HttpClient),
/* harmony export */   Vs: () => (/* binding */ retryAfterMs),
/* harmony export */   bD: () => (/* binding */ messageOf),
/* harmony export */   rb: () => (/* binding */ DeliveryUnknownError)
/* harmony export */ });
/* unused harmony export cannotHaveArrived */
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6752);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1723);
/* harmony import */ var _core_ports_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6482);
/* harmony import */ var _http_probe_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7505);




/** The request went out and no answer came back: the server may have acted on it. Not retried. */
class DeliveryUnknownError extends _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .VendorError */ .Hi {
    name = "DeliveryUnknownError";
}
const UNSENT_CODES = new Set([
    "ECONNREFUSED",
    "ENOTFOUND",
    "EAI_AGAIN",
    "EHOSTUNREACH",
    "ENETUNREACH",
    "EADDRNOTAVAIL",
    "UND_ERR_CONNECT_TIMEOUT",
]);
/** Whether a request that failed with `err` cannot have reached the server (no connection was made). */
function cannotHaveArrived(err) {
    const e = err;
    return UNSENT_CODES.has(e?.code ?? "") || UNSENT_CODES.has(e?.cause?.code ?? "");
}
const shared = new undici__WEBPACK_IMPORTED_MODULE_0__/* .Agent */ .g6({ keepAliveTimeout: 2_000, connect: { timeout: 10_000 } });
class HttpClient {
    vendor;
    opts;
    clock;
    constructor(opts) {
        this.opts = opts;
        this.vendor = opts.vendor;
        this.clock = opts.clock ?? _core_ports_js__WEBPACK_IMPORTED_MODULE_2__/* .systemClock */ .m;
    }
    get baseUrl() {
        return this.opts.baseUrl;
    }
    async send(req) {
        const url = this.url(req);
        const retries = req.retry === false ? 0 : (this.opts.retries ?? 3);
        const timeoutMs = req.timeoutMs ?? this.opts.timeoutMs ?? 10_000;
        let body;
        const headers = { ...this.opts.headers, ...req.headers };
        if (req.body !== undefined) {
            if (typeof req.body === "string" || Buffer.isBuffer(req.body))
                body = req.body;
            else {
                body = JSON.stringify(req.body);
                if (!Object.keys(headers).some((h) => h.toLowerCase() === "content-type"))
                    headers["content-type"] = "application/json";
            }
        }
        for (let attempt = 0;; attempt++) {
            let res;
            let reason;
            let waitMs = (this.opts.backoffMs ?? 500) * 2 ** attempt;
            try {
                const r = await (0,undici__WEBPACK_IMPORTED_MODULE_0__/* .request */ .Em)(url, {
                    method: req.method,
                    headers,
                    body,
                    dispatcher: this.opts.dispatcher ?? shared,
                    headersTimeout: timeoutMs,
                    bodyTimeout: timeoutMs,
                    signal: AbortSignal.timeout(timeoutMs),
                });
                const text = await r.body.text();
                res = { status: r.statusCode, headers: flatten(r.headers), text, json: parseJson(text) };
                if (res.status < 400 || req.accept?.includes(res.status))
                    return res;
                if (res.status !== 429 && res.status < 500)
                    throw this.describe(res, req);
                reason = `${res.status}`;
                const retryAfter = retryAfterMs(res.headers["retry-after"], this.clock.now());
                if (retryAfter !== undefined)
                    waitMs = Math.min(retryAfter, this.opts.maxRetryAfterMs ?? 30_000);
            }
            catch (err) {
                if (res)
                    throw err; // a described 4xx
                reason = (0,_http_probe_js__WEBPACK_IMPORTED_MODULE_3__/* .networkReason */ .d8)(err, timeoutMs);
                if (req.retry === "if-unsent" && !cannotHaveArrived(err)) {
                    throw new DeliveryUnknownError(this.vendor, `${this.vendor} API did not answer ${req.method} ${pathOnly(req.path)} (${reason}): it may have arrived, so it is not sent again`, undefined, false);
                }
                if (attempt >= retries) {
                    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .VendorError */ .Hi(this.vendor, `${this.vendor} API unreachable (${req.method} ${pathOnly(req.path)}): ${reason}`, undefined, true);
                }
            }
            if (attempt >= retries) {
                if (res)
                    throw this.describe(res, req);
            }
            this.opts.onRetry?.({ attempt: attempt + 1, waitMs, reason, req });
            await this.clock.sleep(waitMs);
        }
    }
    async json(method, path, body, extra = {}) {
        return (await this.send({ method, path, body, ...extra })).json;
    }
    url(req) {
        const base = this.opts.baseUrl.replace(/\/+$/, "");
        const u = new URL(base + (req.path.startsWith("/") ? req.path : `/${req.path}`));
        for (const [k, v] of Object.entries(req.query ?? {}))
            if (v !== undefined)
                u.searchParams.set(k, String(v));
        return u.toString();
    }
    describe(res, req) {
        if (this.opts.describe)
            return this.opts.describe(res, req);
        const message = messageOf(res.json);
        return new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .VendorError */ .Hi(this.vendor, `${this.vendor} answered ${res.status} for ${req.method} ${pathOnly(req.path)}${message ? `: ${message}` : ""}`, res.status, res.status === 429 || res.status >= 500);
    }
}
/** Retry-After as seconds or an HTTP date, in ms. */
function retryAfterMs(value, now) {
    if (!value)
        return undefined;
    if (/^\d+(\.\d+)?$/.test(value.trim()))
        return Math.round(Number(value) * 1000);
    const at = Date.parse(value);
    return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}
/** The `message` (or `error`) field vendors put in error bodies, bounded. */
function messageOf(json) {
    if (!json || typeof json !== "object")
        return undefined;
    const o = json;
    const m = o.message ??
        o.error ??
        (Array.isArray(o.errors) ? o.errors[0]?.message : undefined);
    return typeof m === "string" ? m.slice(0, 300) : undefined;
}
function parseJson(text) {
    if (!text)
        return undefined;
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
function flatten(h) {
    const out = {};
    for (const [k, v] of Object.entries(h))
        if (v !== undefined)
            out[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : v;
    return out;
}
function pathOnly(path) {
    return path.split("?")[0] ?? path;
}


/***/ })

};
