export const id = 408;
export const ids = [408];
export const modules = {

/***/ 4408:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   registerHealth: () => (/* binding */ registerHealth)
/* harmony export */ });
/* harmony import */ var _core_health_inputs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5490);
/* harmony import */ var _pipelines_health_check_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9213);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6773);
/* harmony import */ var _terminal_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6481);




function registerHealth(program, ctx) {
    program
        .command("health")
        .description("Probe a health URL with retries, like the health-check action")
        .argument("<url>", "the URL to probe")
        .option("--attempts <n>", "attempts before giving up", "5")
        .option("--interval <duration>", "wait between attempts", "10s")
        .option("--timeout <duration>", "time limit of each attempt", "5s")
        .option("--expect-status <codes>", "healthy statuses (200, 200,204, 2xx)", "200")
        .option("--expect-body <text>", "a substring the body must contain")
        .option("--expect-json <path=value>", "a JSON expectation")
        .option("--method <method>", "GET or HEAD", "GET")
        .option("--json", "print the report as JSON on stdout")
        .action(async (url, opts) => {
        const get = (name) => {
            if (name === "url")
                return url;
            const v = opts[name.replace(/-([a-z])/g, (_m, c) => c.toUpperCase())];
            return typeof v === "string" ? v : "";
        };
        const settings = (0,_core_health_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .parseHealthInputs */ .Z)(get);
        const report = await (0,_pipelines_health_check_js__WEBPACK_IMPORTED_MODULE_1__/* .runHealthCheck */ .W)(settings, { reporter: ctx.reporter });
        if (opts.json)
            ctx.json(report);
        else if (report.healthy)
            ctx.reporter.info((0,_terminal_js__WEBPACK_IMPORTED_MODULE_3__/* .paint */ .nI)(`healthy: ${report.url}`, "green"));
        if (!report.healthy)
            throw new _context_js__WEBPACK_IMPORTED_MODULE_2__/* .ExitError */ .RS(`${report.url} is unhealthy: ${report.lastReason}`, _context_js__WEBPACK_IMPORTED_MODULE_2__/* .EXIT */ .dc.failed);
    });
}


/***/ }),

/***/ 8760:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   JJ: () => (/* binding */ parseDurationSpec),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   iI: () => (/* binding */ ageCutoffOf),
/* harmony export */   pc: () => (/* binding */ durationMs)
/* harmony export */ });
/* unused harmony exports parseAge, ageCutoff */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1723);

const FIXED_MS = {
    ms: 1,
    s: 1000,
    m: 60_000,
    h: 3_600_000,
    d: 86_400_000,
    w: 604_800_000,
};
const GRAMMAR = /^(\d+(?:\.\d+)?)\s*(ms|mo|s|m|h|d|w|y)?$/i;
const isCalendar = (unit) => unit === "mo" || unit === "y";
/**
 * Reads `raw` by the grammar above. `bare` is the unit a number without one is taken in (none: refused);
 * `expected` is the phrase the error message uses for what a valid value looks like.
 */
function parseDurationSpec(input, raw, opts) {
    const m = GRAMMAR.exec(raw.trim());
    const unit = (m?.[2]?.toLowerCase() ?? opts.bare);
    if (!m || !unit)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `must be ${opts.expected}; got '${raw}'`);
    const amount = Number(m[1]);
    if (!Number.isFinite(amount))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `is too large; got '${raw}'`);
    if (isCalendar(unit) && !Number.isInteger(amount))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `must count whole months or years; got '${raw}'`);
    return { amount, unit };
}
/** A fixed length in milliseconds (`mo` and `y` have none). */
function durationMs(input, spec, raw) {
    if (isCalendar(spec.unit))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `cannot be in months or years, which have no fixed length: write days or weeks (e.g. 30d); got '${raw}'`);
    const ms = Math.round(spec.amount * FIXED_MS[spec.unit]);
    if (!Number.isSafeInteger(ms))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `is too large; got '${raw}'`);
    return ms;
}
/**
 * A timeout or an interval: `500ms`, `10s`, `2m`, `1h`, `7d`, `2w`, or a bare number of seconds (`10`,
 * `0.5`), in milliseconds. `input` names the input in the error message.
 */
function parseDuration(input, raw) {
    const spec = parseDurationSpec(input, raw, {
        bare: "s",
        expected: "a duration like 500ms, 10s, 2m, 1h, 7d or a number of seconds",
    });
    return durationMs(input, spec, raw);
}
/** An age (a retention): a unit is required and the amount is at least 1 of it (`2y`, `18mo`, `90d`, `36h`). */
function parseAge(input, raw) {
    const spec = parseDurationSpec(input, raw, { expected: "an age like 2y, 18mo, 90d, 12w or 36h" });
    if (spec.amount < 1)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `must be at least 1 of its unit; got '${raw}'`);
    if (!isCalendar(spec.unit))
        durationMs(input, spec, raw);
    return spec;
}
/**
 * The instant `age` before `now`. Fixed units subtract their length. Months and years move back on the UTC
 * calendar keeping the time of day; when the target month is shorter than the day of the month, the result is
 * that month's last day (31 March − 1mo = 28 or 29 February; 29 February 2024 − 1y = 28 February 2023).
 * `12mo` and `1y` are the same age.
 */
function ageCutoff(age, now) {
    if (!isCalendar(age.unit))
        return new Date(now.getTime() - age.amount * FIXED_MS[age.unit]);
    const months = age.unit === "y" ? age.amount * 12 : age.amount;
    const total = now.getUTCFullYear() * 12 + now.getUTCMonth() - months;
    const year = Math.floor(total / 12);
    const month = total - year * 12;
    const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    const cutoff = new Date(now.getTime());
    cutoff.setUTCFullYear(year, month, Math.min(now.getUTCDate(), lastDay));
    return cutoff;
}
/** Parses an age and returns its cutoff before `now`, with an error naming the input if it is out of range. */
function ageCutoffOf(input, raw, now) {
    const cutoff = ageCutoff(parseAge(input, raw), now);
    if (Number.isNaN(cutoff.getTime()))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `reaches too far back; got '${raw}'`);
    return cutoff;
}
/** Renders milliseconds for humans: `850ms`, `12.3s`, `2m 5s`. */
function formatDuration(ms) {
    if (ms < 1000)
        return `${Math.round(ms)}ms`;
    if (ms < 60_000)
        return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)}s`;
    const minutes = Math.floor(ms / 60_000);
    const seconds = Math.round((ms % 60_000) / 1000);
    if (minutes < 60)
        return `${minutes}m ${seconds}s`;
    return `${Math.floor(minutes / 60)}h ${minutes % 60}m`;
}


/***/ }),

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

/***/ 1621:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BO: () => (/* binding */ redactUrl),
/* harmony export */   E1: () => (/* binding */ parseList),
/* harmony export */   HU: () => (/* binding */ parseChoice),
/* harmony export */   QG: () => (/* binding */ parseHeaders),
/* harmony export */   cG: () => (/* binding */ parseInteger),
/* harmony export */   f$: () => (/* binding */ parseHttpUrl),
/* harmony export */   j0: () => (/* binding */ parseHerokuApp),
/* harmony export */   qL: () => (/* binding */ parseSha),
/* harmony export */   vd: () => (/* binding */ requireValue),
/* harmony export */   yG: () => (/* binding */ parseBoolean)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1723);

/** Pure validators shared by every action's input helper and the CLI's flag parsing. */
function requireValue(input, raw) {
    const v = (raw ?? "").trim();
    if (!v)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, "is required");
    return v;
}
function parseInteger(input, raw, min, max) {
    const text = raw.trim();
    if (!/^-?\d+$/.test(text))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `must be a whole number from ${min} to ${max}; got '${raw}'`);
    const n = Number(text);
    if (n < min || n > max)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `must be from ${min} to ${max}; got ${n}`);
    return n;
}
function parseBoolean(input, raw, fallback) {
    const text = raw.trim().toLowerCase();
    if (text === "")
        return fallback;
    if (["true", "yes", "1", "on"].includes(text))
        return true;
    if (["false", "no", "0", "off"].includes(text))
        return false;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `must be true or false; got '${raw}'`);
}
function parseChoice(input, raw, choices, fallback) {
    const text = raw.trim();
    if (text === "" && fallback !== undefined)
        return fallback;
    if (choices.includes(text))
        return text;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `must be one of ${choices.join(", ")}; got '${raw}'`);
}
/** An http(s) URL. The error never echoes userinfo (it may hold a password). */
function parseHttpUrl(input, raw) {
    const text = raw.trim();
    let url;
    try {
        url = new URL(text);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `must be an http:// or https:// URL; got '${redactUrl(text)}'`);
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `must be an http:// or https:// URL; got scheme '${url.protocol.replace(/:$/, "")}'`);
    }
    return url;
}
/** A URL safe to print: userinfo removed, query string values removed. */
function redactUrl(raw) {
    try {
        const url = new URL(String(raw));
        url.username = "";
        url.password = "";
        for (const key of [...url.searchParams.keys()])
            url.searchParams.set(key, "***");
        return url.toString();
    }
    catch {
        return String(raw).replace(/\/\/[^/@\s]*@/, "//");
    }
}
/** Comma- or newline-separated list, trimmed, empties dropped. */
function parseList(raw) {
    return raw
        .split(/[,\n]/)
        .map((s) => s.trim())
        .filter(Boolean);
}
/** Multi-line `Name: value` headers. */
function parseHeaders(input, raw) {
    const headers = {};
    const lines = raw.split(/\r?\n/);
    lines.forEach((line, i) => {
        if (!line.trim())
            return;
        const idx = line.indexOf(":");
        if (idx <= 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `line ${i + 1} must look like 'Name: value' (no colon found)`);
        const name = line.slice(0, idx).trim();
        if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `line ${i + 1} has an invalid header name`);
        }
        headers[name] = line.slice(idx + 1).trim();
    });
    return headers;
}
/** Heroku app names: lowercase letters, digits and dashes, 3–30 characters, starting with a letter. */
function parseHerokuApp(input, raw) {
    const app = requireValue(input, raw);
    if (!/^[a-z][a-z0-9-]{2,29}$/.test(app)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `must be a Heroku app name (3-30 lowercase letters, digits and dashes, starting with a letter); got '${app}'`);
    }
    return app;
}
/** A full or abbreviated git SHA. */
function parseSha(input, raw) {
    const sha = raw.trim();
    if (!/^[0-9a-f]{7,40}$/i.test(sha))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `must be a git commit SHA; got '${raw}'`);
    return sha.toLowerCase();
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


/***/ })

};
