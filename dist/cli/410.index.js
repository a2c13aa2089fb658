export const id = 410;
export const ids = [410];
export const modules = {

/***/ 9641:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   registerConsole: () => (/* binding */ registerConsole)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var _core_duration_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8760);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1723);
/* harmony import */ var _core_health_inputs_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5490);
/* harmony import */ var _core_registry_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3529);
/* harmony import */ var _pipelines_console_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4090);
/* harmony import */ var _store_db_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(6522);
/* harmony import */ var _store_migrate_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(1243);
/* harmony import */ var _terminal_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(6481);
/* harmony import */ var _audit_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(819);











/** The registry file, validated: every problem names the file, line and field. */
function readRegistry(file) {
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file))
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz("--registry", `names a file that does not exist: ${file}`);
    return (0,_core_registry_js__WEBPACK_IMPORTED_MODULE_5__/* .parseRegistry */ .l5)((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, "utf8"), {
        file,
        parseHealth: (get) => (0,_core_health_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .parseHealthInputs */ .Z)(get),
        healthDefaults: { attempts: "1", interval: "1s", timeout: "5s" },
    });
}
async function migrate(url) {
    const client = await (0,_store_db_js__WEBPACK_IMPORTED_MODULE_7__/* .connect */ .Ng)(url).catch((err) => {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ProdgateError */ .fc(`cannot reach the database: ${(0,_store_db_js__WEBPACK_IMPORTED_MODULE_7__/* .safeDbMessage */ .Zm)(err, url)}`);
    });
    try {
        await (0,_store_migrate_js__WEBPACK_IMPORTED_MODULE_8__/* .migrateUp */ .Pi)(client);
    }
    catch (err) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ProdgateError */ .fc(`cannot migrate the database: ${(0,_store_db_js__WEBPACK_IMPORTED_MODULE_7__/* .safeDbMessage */ .Zm)(err, url)}`);
    }
    finally {
        await client.end().catch(() => { });
    }
}
/** `prodgate console build`: the operator console from Postgres (DATABASE_URL) and the registry. */
function registerConsole(program, ctx) {
    const group = program
        .command("console")
        .description("The operator console: a static site built from Postgres");
    group
        .command("build")
        .description("Write the console (dashboard, a page per surface, delivery metrics, feed, badges, JSON) from the poll log, the audit log and the rotation jobs")
        .requiredOption("--registry <file>", "the surface registry (surfaces and maintenance windows)")
        .requiredOption("--out <dir>", "the directory to write the site to (index.html is the dashboard)")
        .option("--title <title>", "the console's title", _pipelines_console_js__WEBPACK_IMPORTED_MODULE_6__/* .DEFAULT_CONSOLE_SETTINGS */ .o$.title)
        .option("--secrets", "publish secret names and dates (secrets.html, secrets.json); off by default")
        .option("--interval <duration>", "how often the status sweep runs (the no-data share counts against it)", "5m")
        .option("--environment <name>", "the environment whose deploys the delivery metrics count", "production")
        .option("--base-url <url>", "where the console is published (absolute links in the feed)")
        .option("--incremental", "recompute rollups from the last rolled day only (as a sweep does), not every raw day")
        .option("--no-migrate", "do not apply pending database migrations")
        .option("--json", "print what was written as JSON on stdout")
        .action(async (opts) => {
        const url = (0,_audit_js__WEBPACK_IMPORTED_MODULE_10__.databaseUrlFromEnv)(ctx);
        const intervalMs = (0,_core_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .parseDuration */ .E9)("--interval", opts.interval);
        if (intervalMs < 60_000)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz("--interval", "must be at least 1m");
        if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/.test(opts.environment))
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz("--environment", `must be an environment name like production; got '${opts.environment}'`);
        if (opts.baseUrl !== undefined && !/^https?:\/\/[^\s]+$/i.test(opts.baseUrl))
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz("--base-url", "must be an http(s) URL");
        const registry = readRegistry(opts.registry);
        if (opts.migrate)
            await migrate(url);
        const db = (0,_store_db_js__WEBPACK_IMPORTED_MODULE_7__/* .newPool */ .h9)(url, { max: 4 });
        try {
            const built = await (0,_pipelines_console_js__WEBPACK_IMPORTED_MODULE_6__/* .buildConsole */ ._w)(registry, {
                ..._pipelines_console_js__WEBPACK_IMPORTED_MODULE_6__/* .DEFAULT_CONSOLE_SETTINGS */ .o$,
                title: opts.title,
                secrets: Boolean(opts.secrets),
                intervalMs,
                environment: opts.environment,
                fullRefresh: !opts.incremental,
                ...(opts.baseUrl ? { baseUrl: opts.baseUrl } : {}),
            }, { db, reporter: ctx.reporter });
            const out = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(opts.out);
            const written = (0,_pipelines_console_js__WEBPACK_IMPORTED_MODULE_6__/* .writeConsole */ .dY)(out, built.files);
            const summary = {
                dir: out,
                files: written.files,
                bytes: written.bytes,
                page_bytes: written.pageBytes,
                surfaces: built.data.surfaces.length,
                alerts: built.data.alerts.length,
                secrets_published: built.data.secrets.published,
                rollups: built.refresh,
            };
            if (opts.json)
                ctx.json(summary);
            else {
                for (const a of built.data.alerts)
                    ctx.reporter.warning(a.text);
                ctx.reporter.info((0,_terminal_js__WEBPACK_IMPORTED_MODULE_9__/* .paint */ .nI)(`wrote ${written.files} files (${Math.round(written.bytes / 1024)} KB, pages ${Math.round(written.pageBytes / 1024)} KB) for ${built.data.surfaces.length} surface(s) to ${out}`, "green"));
            }
        }
        finally {
            await db.end().catch(() => { });
        }
    });
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


/***/ })

};
