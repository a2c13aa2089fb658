export const id = 528;
export const ids = [528,124];
export const modules = {

/***/ 2124:
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
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9038);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6265);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3415);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(835);




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

/***/ 6839:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ checkKeys),
/* harmony export */   Wh: () => (/* binding */ int),
/* harmony export */   ZA: () => (/* binding */ suggest),
/* harmony export */   bu: () => (/* binding */ num),
/* harmony export */   gM: () => (/* binding */ YamlFileError),
/* harmony export */   gx: () => (/* binding */ str),
/* harmony export */   lc: () => (/* binding */ bool),
/* harmony export */   qe: () => (/* binding */ keyNode),
/* harmony export */   wi: () => (/* binding */ parseYamlFields),
/* harmony export */   ws: () => (/* binding */ scalarText)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3439);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6265);


/** A YAML file that does not validate. The message lists every problem as `file:line:col: field: problem`. */
class YamlFileError extends _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz {
    file;
    problems;
    name = "YamlFileError";
    constructor(input, label, file, problems) {
        super(input, "is invalid");
        this.file = file;
        this.problems = problems;
        const lines = problems.map((p) => `${file}:${p.line}:${p.column}: ${p.field}: ${p.message}`);
        this.message =
            lines.length === 1
                ? `${label} ${lines[0]}`
                : `${label} ${file} has ${lines.length} problems:\n${lines.map((l) => `  ${l}`).join("\n")}`;
    }
}
const MAX_PROBLEMS = 25;
/** Parses `text` (duplicate keys refused) and sets up problem collection with positions. */
function parseYamlFields(text) {
    const lc = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, { lineCounter: lc, uniqueKeys: true });
    const problems = [];
    const at = (node) => {
        const offset = node?.range?.[0];
        if (offset === undefined)
            return { line: 1, column: 1 };
        const pos = lc.linePos(offset);
        return { line: pos.line, column: pos.col };
    };
    const report = (node, field, message) => {
        if (problems.length < MAX_PROBLEMS)
            problems.push({ ...at(node), field, message });
    };
    for (const err of doc.errors) {
        const pos = err.linePos?.[0];
        problems.push({
            line: pos?.line ?? 1,
            column: pos?.col ?? 1,
            field: "(yaml)",
            message: (err.message.split("\n")[0] ?? "invalid YAML").replace(/ at line \d+, column \d+:?$/, ""),
        });
    }
    return { doc, problems, report, at };
}
/** The key node of `key` in `map` (to point at the key itself rather than its value). */
function keyNode(map, key) {
    const pair = map.items.find((p) => (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(p.key) && p.key.value === key);
    return pair?.key ?? undefined;
}
/** Reports every key of `map` not in `known`, with a did-you-mean for near misses. */
function checkKeys(map, known, path, report) {
    for (const pair of map.items) {
        const key = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key) ? String(pair.key.value) : undefined;
        if (key === undefined) {
            report(pair.key, path || "(top level)", "keys must be plain names");
            continue;
        }
        if (!known.includes(key))
            report(pair.key, path ? `${path}.${key}` : key, `is not a known field${suggest(key, known)} (known: ${known.join(", ")})`);
    }
}
/** A present scalar as trimmed text; reports a non-scalar or an empty value. Undefined when absent. */
function scalarText(map, key, path, report) {
    const node = map.get(key, true);
    if (node === undefined)
        return undefined;
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node) || node.value === null || typeof node.value === "object") {
        report(node, `${path}.${key}`, "must be a single value");
        return undefined;
    }
    const text = String(node.value).trim();
    if (!text) {
        report(node, `${path}.${key}`, "must not be empty");
        return undefined;
    }
    return text;
}
/** Like scalarText, and reports a missing value when `required`. */
function str(map, key, path, report, required = false) {
    if (map.get(key, true) === undefined) {
        if (required)
            report(map, `${path}.${key}`, "is required");
        return undefined;
    }
    return scalarText(map, key, path, report);
}
/** A number from `min` to `max` (fractions allowed; a numeric string counts). */
const num = (map, key, path, report, min, max) => ranged(map, key, path, report, `must be a number from ${min} to ${max}`, (node) => {
    const value = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node) ? Number(node.value) : Number.NaN;
    const ok = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node) && typeof node.value !== "boolean" && Number.isFinite(value);
    return ok && value >= min && value <= max ? value : undefined;
});
/** A whole number from `min` to `max`, written as a YAML number. */
const int = (map, key, path, report, min, max) => ranged(map, key, path, report, `must be a whole number from ${min} to ${max}`, (node) => {
    const value = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node) ? node.value : undefined;
    return typeof value === "number" && Number.isInteger(value) && value >= min && value <= max
        ? value
        : undefined;
});
/** The number `accept` makes of a present value; reports `problem` when it makes none. */
function ranged(map, key, path, report, problem, accept) {
    const node = map.get(key, true);
    if (node === undefined)
        return undefined;
    const value = accept(node);
    if (value === undefined)
        report(node, `${path}.${key}`, problem);
    return value;
}
function bool(map, key, path, report) {
    const node = map.get(key, true);
    if (node === undefined)
        return undefined;
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node) || typeof node.value !== "boolean") {
        report(node, `${path}.${key}`, "must be true or false");
        return undefined;
    }
    return node.value;
}
/** "; did you mean 'x'?" for a near miss (snake/kebab swaps, small typos), else "". */
function suggest(word, known) {
    const norm = (s) => s.toLowerCase().replace(/[-_]/g, "");
    const exact = known.find((k) => norm(k) === norm(word));
    if (exact)
        return `; did you mean '${exact}'?`;
    let best;
    let bestDistance = 3;
    for (const k of known) {
        const d = distance(norm(word), norm(k));
        if (d < bestDistance) {
            best = k;
            bestDistance = d;
        }
    }
    return best ? `; did you mean '${best}'?` : "";
}
/** Levenshtein distance. */
function distance(a, b) {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        let prev = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const tmp = row[j];
            row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
            prev = tmp;
        }
    }
    return row[b.length];
}


/***/ }),

/***/ 9231:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LV: () => (/* binding */ listAllIssueComments),
/* harmony export */   SU: () => (/* binding */ parseRepository),
/* harmony export */   jh: () => (/* binding */ GitHubClient),
/* harmony export */   qB: () => (/* binding */ getIssue),
/* harmony export */   vw: () => (/* binding */ listTeamMembers),
/* harmony export */   y_: () => (/* binding */ GitHubError)
/* harmony export */ });
/* unused harmony exports GITHUB_API_VERSION, ACTIONS_BOT_LOGIN, COMMENT_LIMIT, stickyMarker, linkRel, shortSha, fitComment, addIssueAssignees */
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6265);
/* harmony import */ var _pipelines_ports_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9458);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9944);



/**
 * The GitHub REST client of the whole project, built on the shared HttpClient (one HTTP stack, small bundles):
 * commits, refs and comparisons, pull requests, issue and commit comments (with sticky upsert), deployments
 * and their statuses. Retries network errors, 5xx and 429 (Retry-After), and GitHub's 403 rate limits
 * (Retry-After or x-ratelimit-reset), each bounded. Errors name the operation and, where one exists, the fix.
 *
 * Later areas (environments, approvals, issues, workflow runs, secrets, dispatch) add methods on top of
 * `request` and `paginate`, passing `what` and `hints` so their errors read as well.
 */
const GITHUB_API_VERSION = "2022-11-28";
/** Who a workflow's GITHUB_TOKEN acts as. */
const ACTIONS_BOT_LOGIN = "github-actions[bot]";
/** GitHub rejects comment bodies over 65,536 characters. */
const COMMENT_LIMIT = 65_536;
/** An error answer from GitHub (or GitHub unreachable), with the operation it broke and the fix when known. */
class GitHubError extends _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .VendorError */ .Hi {
    apiMessage;
    name = "GitHubError";
    constructor(message, status, apiMessage, retryable = false) {
        super("GitHub", message, status, retryable);
        this.apiMessage = apiMessage;
    }
}
class GitHubRateLimited extends GitHubError {
    waitMs;
    constructor(message, status, waitMs) {
        super(message, status, message, true);
        this.waitMs = waitMs;
    }
}
const SECRETS_READ_HINTS = {
    403: "Reading secrets metadata needs a token with secrets read permission (a fine-grained token or GitHub App with `Secrets: read`, or a classic token with the `repo` scope); the default GITHUB_TOKEN cannot have it: pass such a token in 'github-secrets-token'",
};
const ENVIRONMENT_ADMIN_HINTS = {
    403: "Configuring environments needs a token that administers the repository (a fine-grained token with `Administration: write`, or a classic token with the `repo` scope of an admin); a workflow's GITHUB_TOKEN cannot",
    404: "the repository does not exist, or the token cannot administer it",
};
// ---- helpers ----
/** "owner/name" → its parts, or an InputError naming `input`. */
function parseRepository(input, raw) {
    const m = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/.exec(raw.trim());
    if (!m || m[2] === "." || m[2] === "..")
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `must be a repository as owner/name; got '${raw}'`);
    return { owner: m[1], repo: m[2] };
}
/** The hidden line that marks a sticky comment; keys are sanitised so a key cannot end the HTML comment. */
function stickyMarker(key) {
    const safe = key
        .replace(/[^A-Za-z0-9._:/@+-]/g, "_")
        .replace(/-{2,}/g, "-")
        .slice(0, 200);
    return `<!-- prodgate:sticky ${safe} -->`;
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
const seg = encodeURIComponent;
function shortSha(sha) {
    return sha.slice(0, 7);
}
// ---- the client ----
class GitHubClient {
    owner;
    repo;
    http;
    clock;
    opts;
    constructor(opts) {
        if (!opts.token)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz("github-token", "is required");
        const { owner, repo } = parseRepository("repository", opts.repository);
        this.owner = owner;
        this.repo = repo;
        this.opts = opts;
        this.clock = opts.clock ?? _pipelines_ports_js__WEBPACK_IMPORTED_MODULE_1__/* .systemClock */ .m;
        this.http = new _http_js__WEBPACK_IMPORTED_MODULE_2__/* .HttpClient */ .Qq({
            vendor: "GitHub",
            baseUrl: opts.baseUrl || process.env.GITHUB_API_URL || "https://api.github.com",
            headers: {
                accept: "application/vnd.github+json",
                authorization: `Bearer ${opts.token}`,
                "x-github-api-version": GITHUB_API_VERSION,
                "user-agent": opts.userAgent ?? "prodgate",
            },
            timeoutMs: opts.timeoutMs ?? 15_000,
            retries: opts.retries ?? 3,
            backoffMs: opts.backoffMs ?? 500,
            maxRetryAfterMs: opts.maxRetryAfterMs ?? 60_000,
            clock: this.clock,
            describe: (res, req) => this.describe(res, req),
            onRetry: ({ attempt, waitMs, reason, req }) => opts.onRetry?.({ attempt, waitMs, reason, what: `${req.method} ${req.path.split("?")[0]}` }),
        });
    }
    get fullName() {
        return `${this.owner}/${this.repo}`;
    }
    login;
    /**
     * The login the token acts as (its comments carry it): GET /user for a user token; an installation token
     * (the job's GITHUB_TOKEN) cannot read /user and acts as github-actions[bot]. Asked once per client.
     */
    identity() {
        this.login ??= this.request("GET", "/user", {
            accept: [401, 403],
            what: "read the token's user",
        }).then((res) => (res.status === 200 && res.json?.login ? res.json.login : ACTIONS_BOT_LOGIN));
        this.login.catch(() => {
            this.login = undefined;
        });
        return this.login;
    }
    get baseUrl() {
        return this.http.baseUrl;
    }
    /** `/repos/{owner}/{repo}` + rest. */
    repoPath(rest = "") {
        return `/repos/${seg(this.owner)}/${seg(this.repo)}${rest}`;
    }
    /** One call, with rate-limit waits and error messages that name the operation and the fix. */
    async request(method, path, opts = {}) {
        const req = {
            method,
            path,
            query: opts.query,
            body: opts.body,
            accept: opts.accept,
            retry: opts.retry,
        };
        const limit = this.opts.rateLimitRetries ?? 3;
        for (let attempt = 0;; attempt++) {
            try {
                return await this.http.send(req);
            }
            catch (err) {
                if (err instanceof GitHubRateLimited && attempt < limit && opts.retry !== false) {
                    const cap = this.opts.maxRetryAfterMs ?? 60_000;
                    if (err.waitMs <= cap) {
                        this.opts.onRetry?.({
                            attempt: attempt + 1,
                            waitMs: err.waitMs,
                            reason: `${err.status} rate limited`,
                            what: `${method} ${path}`,
                        });
                        await this.clock.sleep(err.waitMs);
                        continue;
                    }
                }
                throw this.explain(err, method, path, opts);
            }
        }
    }
    async json(method, path, opts = {}) {
        return (await this.request(method, path, opts)).json;
    }
    /** Every item of a list endpoint (100 a page), following Link rel="next", up to `maxItems`. */
    async paginate(path, opts = {}) {
        const items = [];
        const max = opts.maxItems ?? Number.POSITIVE_INFINITY;
        let next = path;
        let query = { per_page: opts.perPage ?? 100, ...opts.query };
        while (next && items.length < max) {
            const res = await this.request("GET", next, { ...opts, query });
            if (!Array.isArray(res.json))
                break;
            items.push(...res.json);
            next = this.relativeLink(linkRel(res.headers.link, "next"));
            query = undefined; // the next link carries the query
        }
        return items.slice(0, max);
    }
    // ---- commits and refs ----
    /** The commit a branch, tag or SHA names. Throws a 404 GitHubError when the repository has none. */
    async getCommit(ref) {
        const commit = await this.findCommit(ref);
        if (!commit)
            throw new GitHubError(`'${ref}' names no branch, tag or commit in ${this.fullName}: push it, or check the name`, 404);
        return commit;
    }
    /** Like getCommit, but undefined when the repository has no such commit (404 or 422). */
    async findCommit(ref) {
        const res = await this.request("GET", this.repoPath(`/commits/${seg(ref)}`), {
            accept: [404, 422],
            what: `read commit ${ref}`,
        });
        return res.status === 200 ? res.json : undefined;
    }
    /** A git ref such as `heads/main` or `tags/v1.2.0`; undefined when it does not exist. */
    async getRef(ref) {
        const clean = ref.replace(/^refs\//, "");
        const res = await this.request("GET", this.repoPath(`/git/ref/${clean.split("/").map(seg).join("/")}`), {
            accept: [404],
            what: `read ref ${clean}`,
        });
        return res.status === 200 ? res.json : undefined;
    }
    /** The newest commits reachable from `sha`, newest first. */
    async listCommits(sha, max) {
        if (max <= 0)
            return [];
        return this.paginate(this.repoPath("/commits"), {
            query: { sha },
            perPage: Math.min(100, max),
            maxItems: max,
            what: `list the commits of ${shortSha(sha)}`,
        });
    }
    /** How many commits are reachable from `sha` (one request: per_page=1 and the Link rel="last" page). */
    async countCommits(sha) {
        const res = await this.request("GET", this.repoPath("/commits"), {
            query: { sha, per_page: 1 },
            what: `count the commits of ${shortSha(sha)}`,
        });
        return pageOf(linkRel(res.headers.link, "last")) ?? (Array.isArray(res.json) ? res.json.length : 0);
    }
    /**
     * Compares base...head. The counts come from GitHub (right for any size); the commits are the newest
     * `newest` of the range, newest first, read from the last pages only, so a range of thousands of commits
     * costs a few requests. A 404 (a SHA not in the repository, or no common ancestor) throws a GitHubError
     * with status 404.
     */
    async compare(base, head, opts = {}) {
        const newest = Math.max(0, opts.newest ?? 50);
        const perPage = Math.min(100, Math.max(1, opts.pageSize ?? 100));
        const path = this.repoPath(`/compare/${seg(base)}...${seg(head)}`);
        const call = (page) => this.json("GET", path, {
            query: { per_page: perPage, page },
            what: `compare ${shortSha(base)}...${shortSha(head)}`,
            hints: {
                404: `a SHA is not in ${this.fullName} (or the two share no history): push the commit, or check from-sha and ref`,
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
    // ---- pull requests ----
    /** Pull requests GitHub associates with a commit (its head, or the merge that produced it). */
    async pullsForCommit(sha) {
        return this.paginate(this.repoPath(`/commits/${seg(sha)}/pulls`), {
            maxItems: 100,
            what: `list the pull requests of ${shortSha(sha)}`,
        });
    }
    // ---- comments ----
    listIssueComments(issue) {
        return this.paginate(this.repoPath(`/issues/${issue}/comments`), {
            what: `list the comments of #${issue}`,
            hints: { 404: `#${issue} is not an issue or pull request of ${this.fullName}` },
        });
    }
    createIssueComment(issue, body) {
        return this.json("POST", this.repoPath(`/issues/${issue}/comments`), {
            body: { body },
            retry: false,
            what: `comment on #${issue}`,
            hints: prCommentHints(issue, this.fullName),
        });
    }
    updateIssueComment(id, body) {
        return this.json("PATCH", this.repoPath(`/issues/comments/${id}`), {
            body: { body },
            what: `update comment ${id}`,
            hints: prCommentHints(undefined, this.fullName),
        });
    }
    async deleteIssueComment(id) {
        await this.request("DELETE", this.repoPath(`/issues/comments/${id}`), {
            accept: [404],
            what: `delete comment ${id}`,
            hints: prCommentHints(undefined, this.fullName),
        });
    }
    listCommitComments(sha) {
        return this.paginate(this.repoPath(`/commits/${seg(sha)}/comments`), {
            what: `list the comments of commit ${shortSha(sha)}`,
        });
    }
    createCommitComment(sha, body) {
        return this.json("POST", this.repoPath(`/commits/${seg(sha)}/comments`), {
            body: { body },
            retry: false,
            what: `comment on commit ${shortSha(sha)}`,
            hints: commitCommentHints(),
        });
    }
    updateCommitComment(id, body) {
        return this.json("PATCH", this.repoPath(`/comments/${id}`), {
            body: { body },
            what: `update commit comment ${id}`,
            hints: commitCommentHints(),
        });
    }
    async deleteCommitComment(id) {
        await this.request("DELETE", this.repoPath(`/comments/${id}`), {
            accept: [404],
            what: `delete commit comment ${id}`,
            hints: commitCommentHints(),
        });
    }
    /**
     * One comment per `key` on a pull request or a commit: found by a hidden marker, updated in place, created
     * only when none exists. Duplicates left by two runs racing are folded into the oldest one.
     */
    async upsertStickyComment(opts) {
        const marker = stickyMarker(opts.key);
        const full = fitComment(`${marker}\n${opts.body}`);
        const ops = this.commentOps(opts.target);
        // Only comments this token wrote: anyone can post a comment that carries the marker, and it must never be
        // edited (its author could rewrite it under the approvers' eyes) nor anyone else's removed.
        const self = (await this.identity()).toLowerCase();
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
    commentOps(target) {
        if ("pr" in target) {
            return {
                list: () => this.listIssueComments(target.pr),
                create: (body) => this.createIssueComment(target.pr, body),
                update: (id, body) => this.updateIssueComment(id, body),
                remove: (id) => this.deleteIssueComment(id),
            };
        }
        return {
            list: () => this.listCommitComments(target.commit),
            create: (body) => this.createCommitComment(target.commit, body),
            update: (id, body) => this.updateCommitComment(id, body),
            remove: (id) => this.deleteCommitComment(id),
        };
    }
    // ---- deployments ----
    /** Deployments, newest first, filtered as GitHub filters them. */
    async listDeployments(filter = {}, maxItems = 100) {
        const list = await this.paginate(this.repoPath("/deployments"), {
            query: filter,
            maxItems,
            what: "list deployments",
        });
        return list.sort((a, b) => b.id - a.id);
    }
    async createDeployment(req) {
        const res = await this.request("POST", this.repoPath("/deployments"), {
            body: {
                ref: req.ref ?? req.sha,
                task: req.task ?? "deploy",
                auto_merge: false,
                required_contexts: [],
                environment: req.environment,
                description: req.description?.slice(0, 140),
                payload: req.payload ?? {},
                production_environment: req.production_environment,
                transient_environment: req.transient_environment,
            },
            retry: false,
            what: `create a deployment of ${shortSha(req.sha)} to ${req.environment}`,
            hints: deploymentHints(),
        });
        if (res.status !== 201 || typeof res.json?.id !== "number")
            throw new GitHubError(`GitHub did not create a deployment of ${shortSha(req.sha)} to ${req.environment} (${res.status}${res.json?.message ? `: ${res.json.message}` : ""})`, res.status);
        return res.json;
    }
    /**
     * The deployment of `sha` to `environment`: the one a job that names the environment already has (newest
     * first), else a new one. Never creates a second one for the same SHA and environment.
     */
    async findOrCreateDeployment(req) {
        // Listed by SHA only: environment names are case-insensitive on GitHub, the filter may not be.
        const env = req.environment.toLowerCase();
        const found = await this.listDeployments({ sha: req.sha }, 100);
        const match = found.find((d) => d.sha === req.sha && d.environment.toLowerCase() === env);
        if (match)
            return { deployment: match, created: false };
        return { deployment: await this.createDeployment(req), created: true };
    }
    setDeploymentStatus(id, status) {
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
        return this.json("POST", this.repoPath(`/deployments/${id}/statuses`), {
            body,
            what: `set deployment ${id} to ${status.state}`,
            hints: deploymentHints(),
        });
    }
    listDeploymentStatuses(id) {
        return this.paginate(this.repoPath(`/deployments/${id}/statuses`), {
            what: `list the statuses of deployment ${id}`,
        });
    }
    // ---- workflow runs and issues (status sweep) ----
    /** Workflow runs, newest first: of the repository, or of one workflow file (`deploy.yml`) when given. */
    async listWorkflowRuns(opts = {}) {
        const path = opts.workflow
            ? this.repoPath(`/actions/workflows/${seg(opts.workflow)}/runs`)
            : this.repoPath("/actions/runs");
        const res = await this.request("GET", path, {
            query: { branch: opts.branch, event: opts.event, per_page: Math.min(100, opts.perPage ?? 30) },
            what: `list workflow runs${opts.workflow ? ` of ${opts.workflow}` : ""}`,
            hints: { 403: "The token needs `actions: read`: add `permissions: actions: read` to the job" },
        });
        return res.json?.workflow_runs ?? [];
    }
    /** Issues (not pull requests) with every one of `labels`, open by default. */
    async listIssues(opts = {}) {
        const items = await this.paginate(this.repoPath("/issues"), {
            query: { labels: opts.labels?.join(","), state: opts.state ?? "open" },
            maxItems: opts.maxItems ?? 500,
            what: "list issues",
        });
        return items.filter((i) => !i.pull_request);
    }
    createIssue(issue) {
        return this.json("POST", this.repoPath("/issues"), {
            body: { title: issue.title, body: fitComment(issue.body), labels: issue.labels },
            retry: false,
            what: "open an issue",
            hints: { 403: "The token needs `issues: write`: add `permissions: issues: write` to the job" },
        });
    }
    updateIssue(number, patch) {
        return this.json("PATCH", this.repoPath(`/issues/${number}`), {
            body: patch,
            what: `update issue #${number}`,
            hints: { 403: "The token needs `issues: write`: add `permissions: issues: write` to the job" },
        });
    }
    // ---- Actions secrets metadata and workflow dispatch (rotation sweep) ----
    /** Names and dates of the repository's Actions secrets; GitHub never returns their values. */
    listRepoSecrets() {
        return this.listSecrets(this.repoPath("/actions/secrets"), `list the Actions secrets of ${this.fullName}`, {
            404: `${this.fullName} does not exist or the token cannot see it`,
        });
    }
    /** Names and dates of an environment's secrets. */
    listEnvironmentSecrets(environment) {
        return this.listSecrets(this.repoPath(`/environments/${seg(environment)}/secrets`), `list the secrets of environment ${environment} of ${this.fullName}`, {
            404: `${this.fullName} has no environment '${environment}' (or the token cannot see the repository)`,
        });
    }
    async listSecrets(path, what, hints) {
        const out = [];
        for (let page = 1; page <= 50; page++) {
            const body = await this.json("GET", path, {
                query: { per_page: 100, page },
                what,
                hints: { ...SECRETS_READ_HINTS, ...hints },
            });
            const secrets = Array.isArray(body?.secrets) ? body.secrets : [];
            for (const s of secrets)
                if (typeof s?.name === "string")
                    out.push({
                        name: s.name,
                        created_at: String(s.created_at ?? ""),
                        updated_at: String(s.updated_at ?? ""),
                    });
            if (secrets.length < 100 || out.length >= (body?.total_count ?? 0))
                break;
        }
        return out;
    }
    /**
     * Dispatches a workflow (file name, e.g. rotate-heroku.yml) on `ref` with `inputs`, asking GitHub for the
     * run's id (`return_run_details`); a server that answers 204 without it yields no run id. Never retried:
     * a second dispatch would start a second run.
     */
    async dispatchWorkflow(workflow, ref, inputs) {
        const res = await this.request("POST", this.repoPath(`/actions/workflows/${seg(workflow)}/dispatches`), {
            body: { ref, inputs, return_run_details: true },
            retry: false,
            what: `dispatch ${workflow} in ${this.fullName}`,
            hints: {
                403: "The token needs `actions: write` to dispatch workflows: add `permissions: actions: write` to the job (or pass a token that has it)",
                404: `${this.fullName} has no workflow ${workflow} (or the token cannot see it)`,
                422: `the workflow needs an \`on: workflow_dispatch\` trigger declaring the inputs ${Object.keys(inputs).join(" and ")}, and the ref '${ref}' must exist`,
            },
        });
        const body = res.status === 200 ? res.json : undefined;
        return {
            ...(typeof body?.workflow_run_id === "number" ? { runId: body.workflow_run_id } : {}),
            ...(typeof body?.run_url === "string" ? { runUrl: body.run_url } : {}),
            ...(typeof body?.html_url === "string" ? { htmlUrl: body.html_url } : {}),
        };
    }
    /** One workflow run (status, conclusion, link). */
    getWorkflowRun(runId) {
        return this.json("GET", this.repoPath(`/actions/runs/${runId}`), {
            what: `read workflow run ${runId} of ${this.fullName}`,
            hints: { 403: "The token needs `actions: read`: add `permissions: actions: read` to the job" },
        });
    }
    // ---- environments, run approvals and environment setup (the gate) ----
    /** An environment with its protection rules; undefined when the repository has none by that name. */
    async getEnvironment(name) {
        const res = await this.request("GET", this.repoPath(`/environments/${seg(name)}`), {
            accept: [404],
            what: `read environment ${name} of ${this.fullName}`,
            hints: {
                403: "The token needs read access to the repository's Actions: add `permissions: actions: read` to the job",
            },
        });
        return res.status === 200 ? res.json : undefined;
    }
    /** The reviews (approvals and rejections) of a workflow run's environments, as GitHub lists them. */
    async listRunApprovals(runId) {
        const list = await this.json("GET", this.repoPath(`/actions/runs/${seg(String(runId))}/approvals`), {
            what: `read the approvals of run ${runId} of ${this.fullName}`,
            hints: {
                403: "The token needs `actions: read`: add `permissions: actions: read` to the job",
                404: `${this.fullName} has no workflow run ${runId} (or the token cannot see it)`,
            },
        });
        return Array.isArray(list) ? list : [];
    }
    /** Creates or updates an environment's protection rules (needs a token that administers the repository). */
    putEnvironment(name, body) {
        return this.json("PUT", this.repoPath(`/environments/${seg(name)}`), {
            body,
            what: `configure environment ${name} of ${this.fullName}`,
            hints: ENVIRONMENT_ADMIN_HINTS,
        });
    }
    /** The branch and tag patterns allowed to deploy to an environment with custom branch policies. */
    async listBranchPolicies(environment) {
        const out = [];
        for (let page = 1; page <= 20; page++) {
            const body = await this.json("GET", this.repoPath(`/environments/${seg(environment)}/deployment-branch-policies`), {
                query: { per_page: 100, page },
                what: `list the deployment branches of environment ${environment}`,
            });
            const items = Array.isArray(body?.branch_policies) ? body.branch_policies : [];
            out.push(...items);
            if (items.length < 100 || out.length >= (body?.total_count ?? 0))
                break;
        }
        return out;
    }
    createBranchPolicy(environment, name, type = "branch") {
        return this.json("POST", this.repoPath(`/environments/${seg(environment)}/deployment-branch-policies`), {
            body: { name, type },
            retry: false,
            what: `allow ${type} ${name} to deploy to environment ${environment}`,
            hints: ENVIRONMENT_ADMIN_HINTS,
        });
    }
    async deleteBranchPolicy(environment, id) {
        await this.request("DELETE", this.repoPath(`/environments/${seg(environment)}/deployment-branch-policies/${id}`), {
            accept: [404],
            what: `remove deployment branch policy ${id} of ${environment}`,
            hints: ENVIRONMENT_ADMIN_HINTS,
        });
    }
    /** A user by login; undefined when GitHub has nobody by that name. */
    async getUser(login) {
        const res = await this.request("GET", `/users/${seg(login)}`, {
            accept: [404],
            what: `look up user ${login}`,
        });
        return res.status === 200 ? res.json : undefined;
    }
    /** A team of an organization by slug; undefined when there is none (or the token cannot see it). */
    async getTeam(org, slug) {
        const res = await this.request("GET", `/orgs/${seg(org)}/teams/${seg(slug)}`, {
            accept: [404],
            what: `look up team @${org}/${slug}`,
            hints: { 403: "Reading teams needs a token with `read:org` (classic) or organization Members: read" },
        });
        return res.status === 200 ? res.json : undefined;
    }
    // ---- internals ----
    /** A Link URL as a path on our base URL; refuses one on another host (the token must not travel there). */
    relativeLink(link) {
        if (!link)
            return undefined;
        const base = new URL(this.http.baseUrl);
        const url = new URL(link, base);
        if (url.origin !== base.origin)
            throw new GitHubError(`GitHub sent a pagination link to another host (${url.origin}); not following it`);
        const basePath = base.pathname.replace(/\/+$/, "");
        const path = url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) : url.pathname;
        return `${path}${url.search}`;
    }
    describe(res, req) {
        const apiMessage = (0,_http_js__WEBPACK_IMPORTED_MODULE_2__/* .messageOf */ .bD)(res.json);
        const path = req.path.split("?")[0];
        if (res.status === 403 || res.status === 429) {
            const now = this.clock.now();
            const after = (0,_http_js__WEBPACK_IMPORTED_MODULE_2__/* .retryAfterMs */ .Vs)(res.headers["retry-after"], now);
            const reset = Number(res.headers["x-ratelimit-reset"]);
            const exhausted = res.headers["x-ratelimit-remaining"] === "0";
            if (res.status === 403 && (after !== undefined || exhausted)) {
                const waitMs = after ?? (Number.isFinite(reset) ? Math.max(0, reset * 1000 - now.getTime()) + 1000 : 60_000);
                const until = Number.isFinite(reset) && exhausted ? ` until ${new Date(reset * 1000).toISOString()}` : "";
                return new GitHubRateLimited(`GitHub rate limit reached${until} (${res.status}${apiMessage ? `: ${apiMessage}` : ""})`, res.status, waitMs);
            }
        }
        return new GitHubError(`GitHub answered ${res.status} for ${req.method} ${path}${apiMessage ? `: ${apiMessage}` : ""}`, res.status, apiMessage, res.status === 429 || res.status >= 500);
    }
    explain(err, method, path, opts) {
        if (!(err instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .VendorError */ .Hi))
            return err;
        const what = opts.what ?? `${method} ${path.split("?")[0]}`;
        if (err.status === 401)
            return new GitHubError(`Could not ${what}: GitHub answered 401 (${err.apiMessage ?? "Bad credentials"}): the token is invalid or expired; check github-token`, 401, err.apiMessage);
        if (err instanceof GitHubRateLimited)
            return new GitHubError(`Could not ${what}: ${err.message}`, err.status, err.apiMessage, true);
        const hint = err.status !== undefined ? opts.hints?.[err.status] : undefined;
        if (err instanceof GitHubError && err.status !== undefined) {
            const detail = err.apiMessage ? `: ${err.apiMessage}` : "";
            return new GitHubError(`Could not ${what}: GitHub answered ${err.status}${detail}${hint ? `. ${hint}` : ""}`, err.status, err.apiMessage, err.retryable);
        }
        return new GitHubError(`Could not ${what}: ${err.message}`, err.status, undefined, err.retryable);
    }
}
function prCommentHints(issue, repo) {
    return {
        403: "The token needs `pull-requests: write` to comment on pull requests: add `permissions: pull-requests: write` to the job (or pass a token that has it)",
        404: issue === undefined ? `the comment is gone from ${repo}` : `#${issue} is not a pull request of ${repo}`,
    };
}
function commitCommentHints() {
    return {
        403: "The token needs `contents: write` to comment on commits: add `permissions: contents: write` to the job (or pass a token that has it)",
    };
}
function deploymentHints() {
    return {
        403: "The token needs `deployments: write`: add `permissions: deployments: write` to the job (or pass a token that has it)",
        422: "GitHub refused the deployment request; check the SHA and the environment name",
    };
}
function cut(text, max) {
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
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
const ISSUES_WRITE_HINT = "The token needs `issues: write`: add `permissions: issues: write` to the job";
/** One issue; undefined when it is gone (404, or 410 for a deleted issue). */
async function getIssue(gh, number) {
    const res = await gh.request("GET", gh.repoPath(`/issues/${number}`), {
        accept: [404, 410],
        what: `read issue #${number}`,
    });
    return res.status === 200 ? res.json : undefined;
}
/**
 * Assigns users to an issue (GitHub keeps at most 10 and silently skips users who cannot be assigned, such
 * as people without access to the repository).
 */
function addIssueAssignees(gh, number, logins) {
    return gh.json("POST", gh.repoPath(`/issues/${number}/assignees`), {
        body: { assignees: logins.slice(0, 10) },
        what: `assign #${number}`,
        hints: { 403: ISSUES_WRITE_HINT },
    });
}
/** Logins of a team's members (child teams included, as GitHub lists them), every page. */
async function listTeamMembers(gh, org, slug) {
    const users = await gh.paginate(`/orgs/${seg(org)}/teams/${seg(slug)}/members`, {
        what: `list the members of team @${org}/${slug}`,
        hints: {
            403: "Reading team members needs a token with organization members read permission (a GitHub App token with `Members: read`, or a token with the `read:org` scope); the job's GITHUB_TOKEN cannot have it: pass such a token in 'github-token', or list the approvers by login",
            404: `@${org}/${slug} is not a team of ${org}, or the token cannot see it (a GitHub App token needs \`Members: read\`, a classic token \`read:org\`)`,
        },
    });
    return users.map((u) => u.login).filter((l) => typeof l === "string" && l !== "");
}
/** Every comment of an issue, oldest first, following every Link rel="next" page. */
function listAllIssueComments(gh, number, opts = {}) {
    return gh.paginate(gh.repoPath(`/issues/${number}/comments`), {
        perPage: Math.min(100, Math.max(1, opts.perPage ?? 100)),
        maxItems: opts.maxItems ?? 10_000,
        what: `list the comments of #${number}`,
        hints: { 404: `#${number} is not an issue of ${gh.fullName}` },
    });
}


/***/ })

};
