export const id = 590;
export const ids = [590];
export const modules = {

/***/ 590:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  pagesSurface: () => (/* binding */ pagesSurface)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./.build/js/core/pages.js
var core_pages = __webpack_require__(4366);
// EXTERNAL MODULE: ./.build/js/core/surface.js
var surface = __webpack_require__(6061);
// EXTERNAL MODULE: ./.build/js/core/errors.js
var errors = __webpack_require__(1723);
// EXTERNAL MODULE: ./.build/js/vendors/http.js
var http = __webpack_require__(2770);
;// CONCATENATED MODULE: ./.build/js/vendors/cloudflare.js


/** Cloudflare API v4 (CLOUDFLARE_API_URL). Every answer is the `{success, errors, messages, result, result_info}` envelope. */
const DEFAULT_CLOUDFLARE_API_URL = "https://api.cloudflare.com/client/v4";
/** Cloudflare said no: `codes` are Cloudflare's error codes (10000 authentication, 8000007 project not found, ...). */
class CloudflareError extends errors/* VendorError */.Hi {
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
        this.http = new HttpClient({
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

;// CONCATENATED MODULE: ./.build/js/vendors/cloudflare-pages.js


class CloudflarePagesClient {
    http;
    accountId;
    uploadTimeoutMs;
    constructor(opts) {
        if (!opts.apiToken)
            throw new CloudflareError("Cloudflare API token is empty", []);
        if (!opts.accountId)
            throw new CloudflareError("Cloudflare account ID is empty", []);
        this.accountId = opts.accountId;
        this.uploadTimeoutMs = opts.uploadTimeoutMs ?? 120_000;
        this.http = new http/* HttpClient */.Qq({
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
            onRetry: opts.onRetry
                ? ({ attempt, waitMs, reason, req }) => opts.onRetry?.(`Cloudflare ${req.method} ${shortPath(req.path)} answered ${reason}; retry ${attempt} in ${waitMs} ms`)
                : undefined,
        });
    }
    get baseUrl() {
        return this.http.baseUrl;
    }
    projectPath(project, rest = "") {
        return `/accounts/${encodeURIComponent(this.accountId)}/pages/projects/${encodeURIComponent(project)}${rest}`;
    }
    async call(method, path, what, extra = {}) {
        const res = await this.http.send({
            method,
            path,
            ...extra,
        });
        return unwrap(res, method, what);
    }
    /** GET /accounts/{id}/pages/projects/{project}. */
    async project(project) {
        return (await this.call("GET", this.projectPath(project), `project ${project}`)).result;
    }
    /** GET .../upload-token: the JWT the asset endpoints take (it says how many files a deployment may hold). */
    async uploadToken(project) {
        const r = await this.call("GET", this.projectPath(project, "/upload-token"), `upload token of ${project}`);
        if (!r.result || typeof r.result.jwt !== "string" || !r.result.jwt)
            throw new CloudflareError("Cloudflare answered the upload-token request without a token", []);
        return r.result.jwt;
    }
    /** POST /pages/assets/check-missing: which of these hashes the asset store does not hold. */
    async checkMissing(jwt, hashes) {
        const r = await this.call("POST", "/pages/assets/check-missing", "check-missing", {
            body: { hashes },
            headers: { authorization: `Bearer ${jwt}` },
        });
        return Array.isArray(r.result) ? r.result : [];
    }
    /** POST /pages/assets/upload: one bucket of files. Content-addressed, so a retry is harmless. */
    async uploadAssets(jwt, files) {
        await this.call("POST", "/pages/assets/upload", "upload", {
            body: files,
            headers: { authorization: `Bearer ${jwt}` },
            timeoutMs: this.uploadTimeoutMs,
        });
    }
    /** POST /pages/assets/upsert-hashes: marks the hashes as recently used, so later deploys skip them. */
    async upsertHashes(jwt, hashes) {
        await this.call("POST", "/pages/assets/upsert-hashes", "upsert-hashes", {
            body: { hashes },
            headers: { authorization: `Bearer ${jwt}` },
        });
    }
    /**
     * POST .../deployments as multipart/form-data (manifest, branch, commit_hash, ...). Never retried here: the
     * caller checks whether a lost answer made a deployment before trying again.
     */
    async createDeployment(project, form) {
        const data = new FormData();
        data.append("manifest", JSON.stringify(form.manifest));
        data.append("branch", form.branch);
        if (form.commitHash)
            data.append("commit_hash", form.commitHash);
        if (form.commitMessage)
            data.append("commit_message", form.commitMessage);
        if (form.commitDirty !== undefined)
            data.append("commit_dirty", String(form.commitDirty));
        if (form.headers !== undefined)
            data.append("_headers", new File([form.headers], "_headers"));
        if (form.redirects !== undefined)
            data.append("_redirects", new File([form.redirects], "_redirects"));
        const encoded = new Response(data);
        const body = Buffer.from(await encoded.arrayBuffer());
        const r = await this.call("POST", this.projectPath(project, "/deployments"), `create deployment of ${project}`, {
            body,
            headers: { "content-type": encoded.headers.get("content-type") ?? "multipart/form-data" },
            retry: false,
            timeoutMs: this.uploadTimeoutMs,
        });
        return r.result;
    }
    /** One page (from 1) of deployments, newest first, 25 per page (Cloudflare's maximum). */
    async deployments(project, opts = {}) {
        const r = await this.call("GET", this.projectPath(project, "/deployments"), `deployments of ${project}`, {
            query: {
                env: opts.env,
                page: Math.max(1, opts.page ?? 1),
                per_page: Math.min(PAGES_DEPLOYMENTS_MAX_PER_PAGE, Math.max(1, opts.perPage ?? PAGES_DEPLOYMENTS_MAX_PER_PAGE)),
            },
        });
        const list = [...(r.result ?? [])].sort(byNewest);
        const info = r.result_info;
        const totalPages = info?.total_pages ??
            (info?.total_count !== undefined && info.per_page
                ? Math.ceil(info.total_count / info.per_page)
                : undefined);
        return { deployments: list, totalPages };
    }
    /** Deployments, newest first, page after page until `max` are read or the list ends. */
    async recentDeployments(project, opts = {}) {
        const max = opts.max ?? 100;
        const out = [];
        for (let page = 1; out.length < max; page++) {
            const { deployments, totalPages } = await this.deployments(project, { env: opts.env, page });
            out.push(...deployments);
            if (deployments.length < PAGES_DEPLOYMENTS_MAX_PER_PAGE ||
                (totalPages !== undefined && page >= totalPages))
                break;
        }
        return out.slice(0, max);
    }
    /** GET .../deployments/{id}: one deployment with its stages. */
    async deployment(project, id) {
        return (await this.call("GET", this.projectPath(project, `/deployments/${encodeURIComponent(id)}`), `deployment ${id} of ${project}`)).result;
    }
    /** POST .../deployments/{id}/rollback: production serves that deployment again (no build). */
    async rollback(project, id) {
        return (await this.call("POST", this.projectPath(project, `/deployments/${encodeURIComponent(id)}/rollback`), `rollback of ${project} to ${id}`, { retry: false })).result;
    }
}
function byNewest(a, b) {
    return a.created_on < b.created_on ? 1 : a.created_on > b.created_on ? -1 : 0;
}
function shortPath(path) {
    return path.split("?")[0].replace(/^\/accounts\/[^/]+/, "/accounts/…");
}

// EXTERNAL MODULE: ./.build/js/core/ports.js
var core_ports = __webpack_require__(6482);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./node_modules/blake3-wasm/dist/index.js
var dist = __webpack_require__(6810);
// EXTERNAL MODULE: ./node_modules/mime-types/index.js
var mime_types = __webpack_require__(4096);
;// CONCATENATED MODULE: ./.build/js/vendors/pages-files.js






/**
 * Wrangler's asset hash (src/pages/hash.ts): BLAKE3 of the file's base64 text followed by its extension
 * without the dot, the first 32 hex digits.
 */
function hashAsset(content, fileName) {
    const extension = (0,external_node_path_.extname)(fileName).substring(1);
    return dist.hash(content.toString("base64") + extension)
        .toString("hex")
        .slice(0, 32);
}
function contentTypeOf(name) {
    return (0,mime_types.lookup)(name) || "application/octet-stream";
}
/** Refuses a build directory that is missing or not a directory, before anything is sent anywhere. */
async function checkBuildDirectory(directory, label = directory) {
    let st;
    try {
        st = await (0,promises_.stat)((0,external_node_path_.resolve)(directory));
    }
    catch {
        throw new core_pages/* PagesLimitError */.SS(`${label} does not exist: build the site first, or fix 'directory'`);
    }
    if (!st.isDirectory())
        throw new core_pages/* PagesLimitError */.SS(`${label} is not a directory`);
}
/** Reads a build directory: its assets (name order), refusing a file over 25 MiB or more than `maxFiles` files. */
async function readBuildDirectory(directory, opts = {}) {
    const root = (0,external_node_path_.resolve)(directory);
    const label = opts.label ?? directory;
    const maxFiles = opts.maxFiles ?? core_pages/* PAGES_MAX_FILES */.cI;
    await checkBuildDirectory(root, label);
    const found = [];
    const walk = async (dir) => {
        const entries = await (0,promises_.readdir)(dir);
        for (const entry of entries.sort()) {
            const path = (0,external_node_path_.join)(dir, entry);
            const name = (0,external_node_path_.relative)(root, path).split(external_node_path_.sep).join("/");
            if ((0,core_pages/* pagesIgnored */.fo)(name))
                continue;
            const st = await (0,promises_.stat)(path); // follows symbolic links, as wrangler does
            if (st.isDirectory())
                await walk(path);
            else if (st.isFile()) {
                if (st.size > core_pages/* PAGES_MAX_FILE_BYTES */.J2)
                    throw (0,core_pages/* fileTooLarge */.ME)(name, st.size);
                found.push({ name, path, size: st.size });
            }
        }
    };
    await walk(root);
    if (found.length > maxFiles)
        throw (0,core_pages/* tooManyFiles */.Z)(found.length, maxFiles, label);
    const assets = [];
    for (const f of found)
        assets.push({
            name: f.name,
            path: f.path,
            sizeInBytes: f.size,
            contentType: contentTypeOf(f.name),
            hash: hashAsset(await (0,promises_.readFile)(f.path), f.name),
        });
    return assets.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
/** Reads an asset's bytes as base64 for the upload request. */
async function assetBase64(asset) {
    return (await (0,promises_.readFile)(asset.path)).toString("base64");
}
/** Whether the directory holds `_worker.js` (Pages Functions in advanced mode, which must be bundled first). */
function hasWorkerScript(directory) {
    return (0,external_node_fs_.existsSync)((0,external_node_path_.join)(directory, "_worker.js"));
}
/** The directory's `_headers` and `_redirects`, which a deployment takes as files beside the manifest. */
function readConfigFiles(directory) {
    const read = (name) => {
        const path = (0,external_node_path_.join)(directory, name);
        return (0,external_node_fs_.existsSync)(path) ? (0,external_node_fs_.readFileSync)(path, "utf8") : undefined;
    };
    const headers = read("_headers");
    const redirects = read("_redirects");
    return {
        ...(headers !== undefined ? { headers } : {}),
        ...(redirects !== undefined ? { redirects } : {}),
    };
}

;// CONCATENATED MODULE: ./.build/js/pipelines/pool.js

async function runPool(items, options, worker) {
    const results = items.map(() => ({ status: "deadline" }));
    const controller = new AbortController();
    const finished = new AbortController();
    const concurrency = Math.max(1, Math.min(options.concurrency, items.length));
    const clock = options.clock ?? core_ports/* systemClock */.m;
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

;// CONCATENATED MODULE: ./.build/js/pipelines/pages-release.js





/**
 * The live version: the deployment serving production (Cloudflare's canonical deployment, which is the newest
 * successful production deployment unless production was rolled back) and the commit it was made from.
 */
async function pagesLiveVersion(pages, project) {
    const p = await pages.project(project);
    const deployment = p.canonical_deployment ?? undefined;
    return { deployment, commit: commitOf(deployment) };
}
async function releaseToPages(settings, ports) {
    const clock = ports.clock ?? core_ports/* systemClock */.m;
    const started = clock.now().getTime();
    const { pages, reporter } = ports;
    const { project, directory } = settings;
    await checkBuildDirectory(directory);
    if (hasWorkerScript(directory))
        throw new errors/* ProdgateError */.fc(`${directory} holds _worker.js (Pages Functions in advanced mode): it must be bundled, which prodgate does not do. Deploy it with wrangler, or remove it.`);
    const proj = await pages.project(project);
    const branch = settings.branch || proj.production_branch;
    const production = branch === proj.production_branch;
    const previous = proj.canonical_deployment ?? undefined;
    let jwt = await pages.uploadToken(project);
    reporter.secret(jwt);
    const { maxFileCount } = (0,core_pages/* uploadTokenClaims */.KM)(jwt);
    const refresh = async () => {
        jwt = await pages.uploadToken(project);
        reporter.secret(jwt);
    };
    const assets = await readBuildDirectory(directory, { maxFiles: maxFileCount, label: directory });
    const bytes = assets.reduce((n, a) => n + a.sizeInBytes, 0);
    reporter.info(`${directory}: ${assets.length} files, ${formatBytes(bytes)}`);
    /**
     * Runs an asset-store call with a live upload token: a new one is fetched when it expires within a minute,
     * and once more when Cloudflare refuses it (401).
     */
    const withToken = async (call) => {
        const expires = (0,core_pages/* uploadTokenClaims */.KM)(jwt).expiresAt;
        if (expires && expires.getTime() - clock.now().getTime() < 60_000)
            await refresh();
        try {
            return await call(jwt);
        }
        catch (err) {
            if (!(err instanceof errors/* VendorError */.Hi) || err.status !== 401)
                throw err;
            reporter.info("Cloudflare refused the upload token; fetching a new one");
            await refresh();
            return call(jwt);
        }
    };
    const hashes = [...new Set(assets.map((a) => a.hash))];
    const missing = new Set(await withToken((t) => pages.checkMissing(t, hashes)));
    const toUpload = uniqueByHash(assets.filter((a) => missing.has(a.hash)));
    const buckets = (0,core_pages/* uploadBuckets */.Tc)(toUpload);
    const uploaded = { files: 0, bytes: 0, requests: 0 };
    if (toUpload.length)
        reporter.info(`Uploading ${toUpload.length} new files (${formatBytes(toUpload.reduce((n, a) => n + a.sizeInBytes, 0))}) in ${buckets.length} request${buckets.length === 1 ? "" : "s"}; ${assets.length - toUpload.length} already on Cloudflare`);
    else
        reporter.info(`All ${assets.length} files are already on Cloudflare; nothing to upload`);
    const outcomes = await runPool(buckets, { concurrency: settings.concurrency ?? core_pages/* PAGES_UPLOAD_CONCURRENCY */.dE }, async (bucket) => {
        const payload = await Promise.all(bucket.map(async (a) => ({
            key: a.hash,
            value: await assetBase64(a),
            metadata: { contentType: a.contentType },
            base64: true,
        })));
        await withToken((t) => pages.uploadAssets(t, payload));
        uploaded.requests++;
        uploaded.files += bucket.length;
        uploaded.bytes += bucket.reduce((n, a) => n + a.sizeInBytes, 0);
    });
    const failed = outcomes.find((o) => o.status === "rejected");
    if (failed && failed.status === "rejected")
        throw new errors/* ProdgateError */.fc(`Uploading files to Cloudflare Pages failed: ${failed.reason?.message ?? String(failed.reason)}`);
    try {
        await withToken((t) => pages.upsertHashes(t, hashes));
    }
    catch (err) {
        reporter.warning(`Cloudflare did not record the file hashes (${err.message}); the deploy goes on, the next one may upload files again`);
    }
    const manifest = (0,core_pages/* pagesManifest */.MC)(assets);
    const form = {
        manifest,
        branch,
        ...(settings.commitHash ? { commitHash: settings.commitHash } : {}),
        ...(settings.commitMessage ? { commitMessage: settings.commitMessage } : {}),
        ...readConfigFiles(directory),
    };
    let deployment = await createOnce(pages, project, form, proj, reporter, clock);
    reporter.info(`Created deployment ${deployment.id} (${deployment.environment}): ${deployment.url}`);
    deployment = await waitForStages(pages, project, deployment, reporter, clock, settings.stageTimeoutMs ?? 300_000);
    if ((0,core_pages/* deploymentState */.DY)(deployment) === "failure")
        throw new errors/* ProdgateError */.fc(`Cloudflare Pages deployment ${deployment.id} of ${project} failed at ${(0,core_pages/* failedStage */.g4)(deployment)}; production still serves ${previous ? previous.id : "nothing"}.`);
    if (production) {
        const now = await pages.project(project);
        const serving = now.canonical_deployment;
        if (serving?.id !== deployment.id)
            throw new errors/* ProdgateError */.fc(`Cloudflare Pages deployment ${deployment.id} of ${project} succeeded, but production serves ${serving?.id ?? "nothing"}: it did not become the production deployment.`);
    }
    return {
        project,
        deployment,
        previous,
        production,
        branch,
        domain: (0,core_pages/* productionDomain */.S9)(proj),
        files: assets.length,
        uploaded,
        manifest,
        durationMs: clock.now().getTime() - started,
    };
}
function uniqueByHash(assets) {
    const seen = new Set();
    return assets.filter((a) => {
        if (seen.has(a.hash))
            return false;
        seen.add(a.hash);
        return true;
    });
}
/**
 * Creates the deployment. A create is not repeated blindly: after an answer that may have been lost, the
 * newest deployments are read first, and one made from this commit on this branch since the attempt began
 * is taken as the result.
 */
async function createOnce(pages, project, form, proj, reporter, clock) {
    const known = new Set([proj.latest_deployment?.id].filter(Boolean));
    const attempts = 4;
    for (let attempt = 1;; attempt++) {
        try {
            return await pages.createDeployment(project, form);
        }
        catch (err) {
            const ambiguous = err instanceof errors/* VendorError */.Hi && (err.retryable || err.status === 429);
            if (!ambiguous || attempt >= attempts)
                throw err;
            const waitMs = err.status === 429 ? 2_000 * attempt : 1_000 * attempt;
            reporter.warning(`Creating the deployment got no clear answer (${err.message}); checking again in ${waitMs} ms`);
            await clock.sleep(waitMs);
            const recent = await pages
                .deployments(project, { page: 1, perPage: 5 })
                .then((r) => r.deployments)
                .catch(() => []);
            const made = recent.find((d) => !known.has(d.id) &&
                d.deployment_trigger?.metadata?.branch === form.branch &&
                (form.commitHash ? d.deployment_trigger?.metadata?.commit_hash === form.commitHash : true));
            if (made) {
                reporter.info(`The deployment was created after all: ${made.id}`);
                return made;
            }
        }
    }
}
/** Reads the deployment until its stages finish: 0.5 s, 1 s, 2 s, ... apart (10 s at most), up to `timeoutMs`. */
async function waitForStages(pages, project, deployment, reporter, clock, timeoutMs) {
    let current = deployment;
    const deadline = clock.now().getTime() + timeoutMs;
    for (let i = 0; (0,core_pages/* deploymentState */.DY)(current) === "pending"; i++) {
        if (clock.now().getTime() > deadline)
            throw new errors/* ProdgateError */.fc(`Cloudflare Pages deployment ${current.id} of ${project} is still at ${current.latest_stage.name} (${current.latest_stage.status}) after ${Math.round(timeoutMs / 1000)} s`);
        if (i > 0)
            reporter.info(`Deployment ${current.id}: ${current.latest_stage.name} (${current.latest_stage.status})`);
        await clock.sleep(Math.min(10_000, 500 * 2 ** Math.min(i, 5)));
        current = await pages.deployment(project, current.id);
    }
    return current;
}
function formatBytes(n) {
    if (n < 1024)
        return `${n} B`;
    if (n < 1024 * 1024)
        return `${(n / 1024).toFixed(1)} KiB`;
    return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

;// CONCATENATED MODULE: ./.build/js/pipelines/pages-rollback.js



async function rollbackPages(settings, ports) {
    const clock = ports.clock ?? core_ports/* systemClock */.m;
    const started = clock.now().getTime();
    const { pages, reporter } = ports;
    const { project } = settings;
    const proj = await pages.project(project);
    const before = proj.canonical_deployment;
    if (!before)
        throw new errors/* ProdgateError */.fc(`Nothing to roll back: ${project} has no production deployment serving yet.`);
    let target;
    if (settings.deployment) {
        target = await findDeployment(pages, project, settings.deployment);
        const refusal = (0,core_pages/* rollbackRefusal */.hT)(target);
        if (refusal)
            throw new errors/* ProdgateError */.fc(`Cannot roll ${project} back to ${target.id}: ${refusal}.`);
    }
    else {
        const list = await pages.recentDeployments(project, { env: "production", max: settings.lookBack ?? 100 });
        target = (0,core_pages/* previousProductionDeployment */.Uj)(list, before);
        if (!target)
            throw new errors/* ProdgateError */.fc(`Nothing to roll back to: ${project} has no successful production deployment before ${before.id} (looked at ${list.length}).`);
    }
    if (target.id === before.id) {
        reporter.info(`${project}: ${target.id} already serves production; nothing to do.`);
        return { project, before, target, noop: true, durationMs: clock.now().getTime() - started };
    }
    reporter.info(`Rolling back ${project} production from ${before.id} to ${target.id} (${describe(target)})`);
    await rollbackOnce(pages, project, target, reporter, clock);
    const now = await pages.project(project);
    if (now.canonical_deployment?.id !== target.id)
        throw new errors/* ProdgateError */.fc(`Cloudflare accepted the rollback of ${project} to ${target.id}, but production serves ${now.canonical_deployment?.id ?? "nothing"}.`);
    reporter.info(`${project} production now serves ${target.id}`);
    return { project, before, target, noop: false, durationMs: clock.now().getTime() - started };
}
async function findDeployment(pages, project, ref) {
    if (/^[0-9a-f]{8}$/.test(ref)) {
        // A short id: found in the listing (the deployment endpoint is addressed by full id).
        const found = (await pages.recentDeployments(project, { max: 250 })).find((d) => d.short_id === ref);
        if (!found)
            throw new errors/* ProdgateError */.fc(`${project} has no deployment ${ref} among its last 250.`);
        return found;
    }
    try {
        return await pages.deployment(project, ref);
    }
    catch (err) {
        if (err instanceof errors/* VendorError */.Hi && err.status === 404 && !/8000007/.test(err.message))
            throw new errors/* ProdgateError */.fc(`${project} has no deployment ${ref}.`);
        throw err;
    }
}
/** POSTs the rollback; after an answer that may have been lost, checks whether production moved before retrying. */
async function rollbackOnce(pages, project, target, reporter, clock) {
    const attempts = 4;
    for (let attempt = 1;; attempt++) {
        try {
            await pages.rollback(project, target.id);
            return;
        }
        catch (err) {
            const ambiguous = err instanceof errors/* VendorError */.Hi && (err.retryable || err.status === 429);
            if (!ambiguous || attempt >= attempts)
                throw err;
            const waitMs = err.status === 429 ? 2_000 * attempt : 1_000 * attempt;
            reporter.warning(`Rollback of ${project} got no clear answer (${err.message}); checking again in ${waitMs} ms`);
            await clock.sleep(waitMs);
            const serving = await pages
                .project(project)
                .then((p) => p.canonical_deployment?.id)
                .catch(() => undefined);
            if (serving === target.id) {
                reporter.info("The rollback went through after all");
                return;
            }
        }
    }
}
function describe(d) {
    const sha = d.deployment_trigger?.metadata?.commit_hash;
    return [sha ? sha.slice(0, 7) : undefined, d.created_on].filter(Boolean).join(", ");
}

;// CONCATENATED MODULE: ./.build/js/pipelines/surface-pages.js






function pagesSurface(project, settings, deps) {
    const { reporter, clock } = deps;
    const pages = deps.pages ??
        new CloudflarePagesClient({
            apiToken: settings.apiToken,
            accountId: settings.accountId,
            baseUrl: settings.baseUrl,
            clock,
            onRetry: (m) => reporter.warning(m),
        });
    const directory = (0,external_node_path_.resolve)(deps.cwd, settings.directory);
    return {
        kind: "cloudflare-pages",
        target: project,
        method: "direct-upload",
        auditContext: { surface: "cloudflare-pages", method: "direct-upload" },
        requiresHealthUrl: false,
        async inspect() {
            const proj = await pages.project(project);
            const live = proj.canonical_deployment ?? undefined;
            return {
                sha: (0,core_pages/* commitOf */.D3)(live),
                label: live?.short_id,
                url: `https://${(0,core_pages/* productionDomain */.S9)(proj)}`,
                healthUrl: new URL((0,core_pages/* pagesHealthUrl */.oq)(proj)),
            };
        },
        async liveSha() {
            return (0,core_pages/* commitOf */.D3)((await pages.project(project)).canonical_deployment);
        },
        async ship(sha) {
            const r = await releaseToPages({ project, directory, commitHash: sha }, { pages, reporter, clock });
            return {
                release: r.deployment.short_id,
                releaseId: r.deployment.id,
                previousRelease: r.previous?.short_id,
                previousReleaseId: r.previous?.id,
                fromSha: (0,core_pages/* commitOf */.D3)(r.previous),
                url: `https://${r.domain}`,
                alreadyLive: false,
                noRollback: r.previous
                    ? undefined
                    : `${project} had no production deployment before this one: nothing to roll back to`,
                context: {
                    deployment_id: r.deployment.id,
                    deployment_url: r.deployment.url,
                    previous_deployment_id: r.previous?.id,
                    files: r.files,
                    uploaded_files: r.uploaded.files,
                    uploaded_bytes: r.uploaded.bytes,
                },
            };
        },
        async rollBack(shipped) {
            const rb = await rollbackPages({ project, deployment: shipped.previousReleaseId }, { pages, reporter, clock });
            return {
                to: rb.target.short_id,
                toSha: (0,core_pages/* commitOf */.D3)(rb.target),
                context: { deployment_id: rb.target.id, rolled_back_from: rb.before.id },
            };
        },
        rollbackHint: () => (0,surface/* rollbackHint */.If)("cloudflare-pages", project),
    };
}


/***/ })

};
