export const id = 117;
export const ids = [117];
export const modules = {

/***/ 3498:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ACTION_CREDENTIAL_NAMES: () => (/* binding */ ACTION_CREDENTIAL_NAMES),
  openExecutor: () => (/* binding */ openExecutor),
  readRegistryFile: () => (/* binding */ readRegistryFile)
});

// UNUSED EXPORTS: checkCredentials, findSecret

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./.build/js/core/errors.js
var errors = __webpack_require__(1723);
// EXTERNAL MODULE: ./.build/js/core/duration.js
var duration = __webpack_require__(8760);
// EXTERNAL MODULE: ./.build/js/core/inputs.js
var inputs = __webpack_require__(1621);
;// CONCATENATED MODULE: ./.build/js/core/health.js




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
            throw new errors/* InputError */.dz(input, `must be status codes or classes like 200, 200,204 or 2xx; got '${part}'`);
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
        throw new errors/* InputError */.dz(input, `must look like path=value (e.g. status=ok); got '${raw}'`);
    const path = text.slice(0, idx).trim().split(".");
    if (path.some((p) => p === ""))
        throw new errors/* InputError */.dz(input, `has an empty path segment in '${raw}'`);
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
        url: (0,inputs/* redactUrl */.BO)(settings.url),
        healthy: last?.healthy ?? false,
        attempts,
        lastStatus: last?.status,
        lastLatencyMs: last?.latencyMs,
        lastReason: last?.reason ?? "not checked",
    };
}
function formatAttemptLine(a, total) {
    const status = a.status === undefined ? "-" : String(a.status);
    return `attempt ${a.n}/${total}: status ${status}, ${(0,duration/* formatDuration */.a3)(a.latencyMs)}, ${a.reason}`;
}
/** The job-summary section for a health check. Pure; the action writes it. */
function renderHealthSummary(report) {
    const head = report.healthy
        ? `### ✅ Healthy: ${escapeMd(report.url)}`
        : `### ❌ Unhealthy: ${escapeMd(report.url)}`;
    const rows = report.attempts.map((a) => `| ${a.n} | ${a.status ?? "-"} | ${formatDuration(a.latencyMs)} | ${a.healthy ? "✅" : "❌"} ${escapeMd(a.reason)} |`);
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

;// CONCATENATED MODULE: ./.build/js/core/health-inputs.js



/** Turns raw inputs into typed settings; every problem names its input. Shared by the health-check action, the deploy, the status sweep and the CLI. */
function parseHealthInputs(get, prefix = "") {
    const name = (n) => `${prefix}${n}`;
    const headers = (0,inputs/* parseHeaders */.QG)(name("headers"), get(name("headers")));
    const url = (0,inputs/* parseHttpUrl */.f$)(name("url"), (0,inputs/* requireValue */.vd)(name("url"), get(name("url"))));
    return {
        url,
        attempts: (0,inputs/* parseInteger */.cG)(name("attempts"), get(name("attempts")) || "5", 1, 100),
        intervalMs: (0,duration/* parseDuration */.E9)(name("interval"), get(name("interval")) || "10s"),
        timeoutMs: (0,duration/* parseDuration */.E9)(name("timeout"), get(name("timeout")) || "5s"),
        expectStatus: parseExpectStatus(name("expect-status"), get(name("expect-status"))),
        expectBody: get(name("expect-body")) || undefined,
        expectJson: parseExpectJson(name("expect-json"), get(name("expect-json"))),
        headers,
        method: (0,inputs/* parseChoice */.HU)(name("method"), get(name("method")).toUpperCase(), ["GET", "HEAD"], "GET"),
        followRedirects: (0,inputs/* parseBoolean */.yG)(name("follow-redirects"), get(name("follow-redirects")), true),
        failOnUnhealthy: (0,inputs/* parseBoolean */.yG)(name("fail-on-unhealthy"), get(name("fail-on-unhealthy")), true),
    };
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./.build/js/core/yaml-fields.js
var yaml_fields = __webpack_require__(8665);
;// CONCATENATED MODULE: ./.build/js/core/console/maintenance.js




const WINDOW_KEYS = ["start", "end", "every", "at", "for", "time-zone", "reason", "surfaces"];
const DAY_NAMES = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const DAY_SETS = {
    day: [0, 1, 2, 3, 4, 5, 6],
    weekday: [1, 2, 3, 4, 5],
    weekend: [0, 6],
};
/** The longest a one-off window may run (a guard against a typo in `end`). */
const MAX_WINDOW_MS = 31 * 86_400_000;
function dayNumber(word) {
    const w = word.toLowerCase();
    const i = DAY_NAMES.findIndex((d) => d === w || d.slice(0, 3) === w);
    return i >= 0 ? i : undefined;
}
/** True when the runtime knows the IANA time zone. */
function validTimeZone(tz) {
    try {
        new Intl.DateTimeFormat("en-US", { timeZone: tz });
        return true;
    }
    catch {
        return false;
    }
}
/** An ISO 8601 instant that names its offset (Z or ±hh:mm); undefined otherwise. */
function instant(text) {
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(text))
        return undefined;
    const t = Date.parse(text);
    return Number.isNaN(t) ? undefined : t;
}
/**
 * A `maintenance:` list. `owner` is the surface whose block it is in (its windows cover it alone); at the top
 * level, `surfaces:` may narrow a window to some surfaces.
 */
function parseMaintenanceList(node, path, report, at, owner) {
    if (node === undefined)
        return [];
    if (!(0,dist/* isSeq */.oP)(node)) {
        report(node, path, "must be a list of windows (start and end, or every, at and for)");
        return [];
    }
    const out = [];
    node.items.forEach((item, i) => {
        const where = `${path}[${i}]`;
        if (!(0,dist/* isMap */.jh)(item)) {
            report(item, where, "must be a mapping (start and end, or every, at and for)");
            return;
        }
        const w = parseWindow(item, where, report, owner);
        if (w)
            out.push({ ...w, line: at(item).line });
    });
    return out;
}
function parseWindow(map, where, report, owner) {
    (0,yaml_fields/* checkKeys */.L)(map, owner ? WINDOW_KEYS.filter((k) => k !== "surfaces") : WINDOW_KEYS, where, report);
    const reason = (0,yaml_fields/* str */.gx)(map, "reason", where, report);
    let surfaces = owner ? [owner] : undefined;
    const sNode = map.get("surfaces", true);
    if (!owner && sNode !== undefined) {
        const items = (0,dist/* isSeq */.oP)(sNode) ? sNode.items : [sNode];
        surfaces = [];
        for (const n of items) {
            if ((0,dist/* isScalar */.jn)(n) && typeof n.value === "string" && n.value.trim())
                surfaces.push(n.value.trim());
            else
                report(n, `${where}.surfaces`, "must be a list of surface ids");
        }
    }
    const startText = (0,yaml_fields/* str */.gx)(map, "start", where, report);
    const endText = (0,yaml_fields/* str */.gx)(map, "end", where, report);
    const every = map.get("every", true);
    if ((startText || endText) && every !== undefined) {
        report(map, where, "has both start/end and every: give a one-off window or a recurrence, not both");
        return undefined;
    }
    const base = { ...(surfaces ? { surfaces } : {}), ...(reason ? { reason } : {}) };
    if (startText !== undefined || endText !== undefined) {
        if (map.get("at", true) !== undefined || map.get("for", true) !== undefined)
            report(map, where, "at and for belong to a recurrence (every); a one-off window has start and end");
        const start = startText === undefined ? undefined : instant(startText);
        const end = endText === undefined ? undefined : instant(endText);
        const bad = "must be an ISO 8601 time with its offset, like 2026-11-01T02:00:00Z or 2026-11-01T03:00+01:00";
        if (startText === undefined)
            report(map, `${where}.start`, "is required with end");
        else if (start === undefined)
            report(map.get("start", true), `${where}.start`, bad);
        if (endText === undefined)
            report(map, `${where}.end`, "is required with start");
        else if (end === undefined)
            report(map.get("end", true), `${where}.end`, bad);
        if (start === undefined || end === undefined)
            return undefined;
        if (end <= start || end - start > MAX_WINDOW_MS) {
            report(map.get("end", true), `${where}.end`, "must be after start, by at most 31 days");
            return undefined;
        }
        return { ...base, once: { start, end } };
    }
    if (every === undefined) {
        report(map, where, "needs start and end (a one-off window) or every, at and for (a recurrence)");
        return undefined;
    }
    const words = (0,dist/* isSeq */.oP)(every)
        ? every.items.map((n) => ((0,dist/* isScalar */.jn)(n) ? String(n.value) : ""))
        : (0,dist/* isScalar */.jn)(every)
            ? [String(every.value)]
            : [""];
    const days = new Set();
    for (const w of words) {
        const set = DAY_SETS[w.trim().toLowerCase()];
        const d = dayNumber(w.trim());
        if (set)
            for (const x of set)
                days.add(x);
        else if (d !== undefined)
            days.add(d);
        else
            report(every, `${where}.every`, `must be day, weekday, weekend, a day name (monday, tue, ...) or a list of day names; got '${w}'`);
    }
    const atText = (0,yaml_fields/* str */.gx)(map, "at", where, report, true);
    const forText = (0,yaml_fields/* str */.gx)(map, "for", where, report, true);
    const tz = (0,yaml_fields/* str */.gx)(map, "time-zone", where, report) ?? "UTC";
    let atMinutes;
    if (atText !== undefined) {
        const m = /^(\d{1,2}):(\d{2})$/.exec(atText);
        if (m && Number(m[1]) < 24 && Number(m[2]) < 60)
            atMinutes = Number(m[1]) * 60 + Number(m[2]);
        else
            report(map.get("at", true), `${where}.at`, `must be a local time like 02:30; got '${atText}'`);
    }
    let durationMs;
    if (forText !== undefined) {
        try {
            durationMs = (0,duration/* parseDuration */.E9)(`${where}.for`, forText);
            if (durationMs < 60_000 || durationMs > 7 * 86_400_000) {
                report(map.get("for", true), `${where}.for`, "must be from 1m to 7d");
                durationMs = undefined;
            }
        }
        catch (err) {
            if (!(err instanceof errors/* InputError */.dz))
                throw err;
            report(map.get("for", true), `${where}.for`, err.message.replace(/^Input '[^']*' /, ""));
        }
    }
    if (!validTimeZone(tz)) {
        report(map.get("time-zone", true), `${where}.time-zone`, `must be an IANA time zone like Europe/Berlin or UTC; got '${tz}'`);
        return undefined;
    }
    if (days.size === 0 || atMinutes === undefined || durationMs === undefined)
        return undefined;
    return { ...base, weekly: { days: [...days].sort(), atMinutes, durationMs, timeZone: tz } };
}
/** Surface ids a window names that the registry does not have. */
function unknownSurfaces(windows, ids) {
    return [...new Set(windows.flatMap((w) => (w.surfaces ?? []).filter((id) => !ids.has(id))))];
}
// ---- time zones ----
const formatters = new Map();
/** The zone's offset from UTC at `t`, in ms (local = UTC + offset). */
function zoneOffsetMs(timeZone, t) {
    let f = formatters.get(timeZone);
    if (!f) {
        f = new Intl.DateTimeFormat("en-US", {
            timeZone,
            hourCycle: "h23",
            year: "numeric",
            month: "numeric",
            day: "numeric",
            hour: "numeric",
            minute: "numeric",
            second: "numeric",
        });
        formatters.set(timeZone, f);
    }
    const p = {};
    for (const part of f.formatToParts(new Date(t)))
        if (part.type !== "literal")
            p[part.type] = Number(part.value);
    const local = Date.UTC(p.year, p.month - 1, p.day, p.hour % 24, p.minute, p.second);
    return local - Math.floor(t / 1000) * 1000;
}
/**
 * The UTC instant of a local wall time in `timeZone`. A time skipped by a DST change moves forward by the
 * change; a time that happens twice is its first occurrence.
 */
function localToUtc(timeZone, y, m, d, minutes) {
    const wall = Date.UTC(y, m, d, 0, minutes);
    const before = wall - zoneOffsetMs(timeZone, wall - 86_400_000);
    const after = wall - zoneOffsetMs(timeZone, wall + 86_400_000);
    const valid = [before, after].filter((c) => c + zoneOffsetMs(timeZone, c) === wall);
    // Skipped (spring forward): the offset before the change lands the time that much later.
    return valid.length ? Math.min(...valid) : before;
}
// ---- occurrences ----
/** The window's occurrences that overlap [from, to). */
function occurrences(w, from, to) {
    const reason = w.reason ? { reason: w.reason } : {};
    if (w.once)
        return w.once.end > from && w.once.start < to ? [{ ...w.once, ...reason }] : [];
    const r = w.weekly;
    if (!r)
        return [];
    const out = [];
    const begin = from - r.durationMs - 2 * 86_400_000;
    const localBegin = new Date(begin + zoneOffsetMs(r.timeZone, begin));
    let y = localBegin.getUTCFullYear();
    let m = localBegin.getUTCMonth();
    let d = localBegin.getUTCDate();
    for (let i = 0; i < 4000; i++) {
        const day = new Date(Date.UTC(y, m, d));
        if (day.getTime() > to + 2 * 86_400_000)
            break;
        if (r.days.includes(day.getUTCDay())) {
            const start = localToUtc(r.timeZone, y, m, d, r.atMinutes);
            const end = start + r.durationMs;
            if (end > from && start < to)
                out.push({ start, end, ...reason });
        }
        const next = new Date(Date.UTC(y, m, d + 1));
        y = next.getUTCFullYear();
        m = next.getUTCMonth();
        d = next.getUTCDate();
    }
    return out;
}
/** The windows that cover a surface. */
function windowsOf(windows, surfaceId) {
    return windows.filter((w) => !w.surfaces || w.surfaces.includes(surfaceId));
}
/** Maintenance of a surface within [from, to): overlapping occurrences merged, sorted by start. */
function maintenanceIntervals(windows, surfaceId, from, to) {
    const all = windowsOf(windows, surfaceId)
        .flatMap((w) => occurrences(w, from, to))
        .sort((a, b) => a.start - b.start);
    const merged = [];
    for (const iv of all) {
        const last = merged.at(-1);
        if (last && iv.start <= last.end) {
            last.end = Math.max(last.end, iv.end);
            if (!last.reason && iv.reason)
                last.reason = iv.reason;
        }
        else
            merged.push({ ...iv });
    }
    return merged;
}
/** The maintenance a surface is in at `t`, if any. */
function activeMaintenance(windows, surfaceId, t) {
    return maintenanceIntervals(windows, surfaceId, t, t + 1).find((iv) => iv.start <= t && t < iv.end);
}
/** Milliseconds of [from, to) that the intervals cover. */
function coveredMs(intervals, from, to) {
    let total = 0;
    for (const iv of intervals)
        total += Math.max(0, Math.min(iv.end, to) - Math.max(iv.start, from));
    return total;
}

;// CONCATENATED MODULE: ./.build/js/core/registry-headers.js


/**
 * Health headers of the surface registry and the only environment they may read: `secret-env:` lists the
 * variables a header value may use as ${NAME}, never prodgate's or the runner's credentials; every reference
 * is checked when the registry is parsed and again when it is expanded, and expanded values are masked.
 */
/**
 * Variables that can never be listed under `secret-env:`: prodgate's own credentials and what the runner puts
 * in the environment (its tokens, the step's inputs). A registry edit must not be able to send them away.
 */
const NEVER_SECRET_ENV = new Set([
    "DATABASE_URL",
    "HEROKU_API_KEY",
    "HEROKU_PREVIEW_TOKEN",
    "CLOUDFLARE_API_TOKEN",
    "GITHUB_TOKEN",
    "GH_TOKEN",
    "GITHUB_SECRETS_TOKEN",
    "SLACK_BOT_TOKEN",
    "SLACK_WEBHOOK_URL",
    "INFISICAL_TOKEN",
]);
const NEVER_SECRET_ENV_PREFIXES = ["GITHUB_", "ACTIONS_", "RUNNER_", "INPUT_", "PRODGATE_"];
const ENV_REF = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
/** `secret-env:` — a list of environment variable names that header values may use as ${NAME}. */
function parseSecretEnv(root, report) {
    const node = root.get("secret-env", true);
    if (node === undefined)
        return [];
    if (!(0,dist/* isSeq */.oP)(node)) {
        report(node, "secret-env", "must be a list of environment variable names (e.g. [CF_ACCESS_CLIENT_SECRET])");
        return [];
    }
    const out = [];
    node.items.forEach((item, i) => {
        const field = `secret-env[${i}]`;
        const name = (0,dist/* isScalar */.jn)(item) && typeof item.value === "string" ? item.value : undefined;
        if (name === undefined || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
            report(item, field, `must be an environment variable name; got '${(0,dist/* isScalar */.jn)(item) ? String(item.value) : "?"}'`);
        else if (NEVER_SECRET_ENV.has(name) || NEVER_SECRET_ENV_PREFIXES.some((p) => name.startsWith(p)))
            report(item, field, `${name} is a credential of prodgate or the runner; it can never be sent in a health header (store the header's value under a name of its own)`);
        else
            out.push(name);
    });
    return out;
}
/** Headers as a mapping (Name: value) or a list of "Name: value" strings. */
function headerLines(node, path, report, secretEnv) {
    const out = [];
    /** Every ${NAME} in a header value must be listed under secret-env. */
    const refsListed = (value, name, text) => {
        const [key] = unlistedRefs(text, secretEnv);
        if (key === undefined)
            return true;
        report(value, `${path}.${name}`, `uses \${${key}}, which is not listed under secret-env (list the variables a header may send there)`);
        return false;
    };
    if ((0,dist/* isMap */.jh)(node)) {
        for (const pair of node.items) {
            const name = (0,dist/* isScalar */.jn)(pair.key) ? String(pair.key.value) : "";
            if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
                report(pair.key, `${path}.${name || "?"}`, "is not a valid header name");
                return undefined;
            }
            const value = pair.value;
            if (!(0,dist/* isScalar */.jn)(value) || value.value === null || typeof value.value === "object") {
                report(value ?? pair.key, `${path}.${name}`, "must be a single value");
                return undefined;
            }
            if (!refsListed(value, name, String(value.value)))
                return undefined;
            out.push(`${name}: ${String(value.value)}`);
        }
        return out;
    }
    if ((0,dist/* isSeq */.oP)(node)) {
        for (const item of node.items) {
            if (!(0,dist/* isScalar */.jn)(item) || typeof item.value !== "string" || !/^[^:\s]+:/.test(item.value)) {
                report(item, path, "items must look like 'Name: value'");
                return undefined;
            }
            const name = item.value.slice(0, item.value.indexOf(":"));
            if (!refsListed(item, name, item.value.slice(name.length + 1)))
                return undefined;
            out.push(item.value);
        }
        return out;
    }
    report(node, path, "must be a mapping of header names to values");
    return undefined;
}
/** The ${NAME} references in `text` that `secretEnv` does not list. */
function unlistedRefs(text, secretEnv) {
    return [...text.matchAll(ENV_REF)].map((m) => m[1]).filter((key) => !secretEnv.includes(key));
}
/**
 * Resolves `${NAME}` in header values from `env`, for names `secretEnv` (the registry's `secret-env:`) lists;
 * any other name is an error naming the field and the variable, and nothing is expanded. Returns the headers
 * and the values that must be masked.
 */
function resolveHeaders(surface, env, secretEnv) {
    const headers = {};
    const secrets = [];
    for (const [name, template] of Object.entries(surface.health?.headers ?? {})) {
        const unlisted = unlistedRefs(template, secretEnv);
        if (unlisted.length)
            throw new errors/* InputError */.dz(`surfaces.${surface.id}.health.headers.${name}`, `uses \${${unlisted[0]}}, which is not listed under secret-env`);
        const value = template.replace(ENV_REF, (_m, key) => {
            const v = env[key];
            if (v === undefined || v === "")
                throw new errors/* InputError */.dz(`surfaces.${surface.id}.health.headers.${name}`, `needs the environment variable ${key}, which is not set`);
            return v;
        });
        headers[name] = value;
        if (value)
            secrets.push(value);
    }
    return { headers, secrets };
}

;// CONCATENATED MODULE: ./.build/js/core/registry.js







/**
 * The surface registry (examples/surfaces.yml): a top-level `surfaces:` list, kebab-case field names, one
 * block per provider named like the provider value. Parsing is pure: the caller reads the file and hands in
 * the health-settings parser (the health-check action's), so `health:` means what the action's inputs mean.
 * Every problem names the file, line, column and field.
 */
const PROVIDERS = ["heroku", "cloudflare_pages", "http"];
/** The surfaces a sweep probes and shows. */
function activeSurfaces(registry) {
    return registry.surfaces.filter((s) => !s.latent);
}
/** A registry that does not validate. The message lists every problem as `file:line:col: field: problem`. */
class RegistryError extends yaml_fields/* YamlFileError */.gM {
    name = "RegistryError";
    constructor(file, problems) {
        super("registry", "Registry", file, problems);
    }
}
const TOP_KEYS = ["surfaces", "secret-env", "maintenance"];
const SURFACE_KEYS = [
    "id",
    "hostname",
    "provider",
    "health",
    "heroku",
    "cloudflare_pages",
    "builds",
    "latent",
    "description",
    "maintenance",
];
const HEALTH_KEYS = [
    "url",
    "expect-status",
    "expect-body",
    "expect-json",
    "headers",
    "method",
    "follow-redirects",
    "timeout",
    "attempts",
    "interval",
];
const HEROKU_KEYS = ["app", "max-deploy-age-days"];
const CLOUDFLARE_KEYS = ["account-id", "project", "environment", "max-deploy-age-days"];
const BUILDS_KEYS = ["workflow", "paths", "branch", "repo"];
const PROVIDER_BLOCKS = { heroku: "heroku", cloudflare_pages: "cloudflare_pages" };
function parseRegistry(text, options) {
    const { doc, problems, report, at } = (0,yaml_fields/* parseYamlFields */.wi)(text);
    if (problems.length)
        throw new RegistryError(options.file, problems);
    const root = doc.contents;
    if (!(0,dist/* isMap */.jh)(root)) {
        report(root, "(top level)", "must be a mapping with a `surfaces:` list");
        throw new RegistryError(options.file, problems);
    }
    (0,yaml_fields/* checkKeys */.L)(root, TOP_KEYS, "", report);
    const list = root.get("surfaces", true);
    if (!(0,dist/* isSeq */.oP)(list)) {
        report(list ?? root, "surfaces", list ? "must be a list of surfaces" : "is required (a list of surfaces)");
        throw new RegistryError(options.file, problems);
    }
    if (list.items.length === 0)
        report(list, "surfaces", "is empty: register at least one surface");
    const secretEnv = parseSecretEnv(root, report);
    const surfaces = [];
    const seen = new Map();
    list.items.forEach((item, i) => {
        const path = `surfaces[${i}]`;
        if (!(0,dist/* isMap */.jh)(item)) {
            report(item, path, "must be a mapping (id, hostname, provider, ...)");
            return;
        }
        const surface = parseSurface(item, path, { ...options, secretEnv }, report, at, () => problems.length);
        if (!surface)
            return;
        const first = seen.get(surface.id);
        if (first !== undefined)
            report(item.get("id", true), `${path}.id`, `duplicates '${surface.id}' (first on line ${first})`);
        else
            seen.set(surface.id, surface.line);
        surfaces.push(surface);
    });
    const maintenanceNode = root.get("maintenance", true);
    const maintenance = [
        ...parseMaintenanceList(maintenanceNode, "maintenance", report, at),
        ...surfaces.flatMap((s) => s.maintenance ?? []),
    ];
    const unknown = unknownSurfaces(maintenance, seen);
    if (unknown.length)
        report(maintenanceNode, "maintenance", `names unknown surfaces: ${unknown.join(", ")}`);
    if (problems.length)
        throw new RegistryError(options.file, problems);
    return { file: options.file, surfaces, secretEnv, maintenance };
}
function parseSurface(map, path, options, report, at, count) {
    const before = count();
    (0,yaml_fields/* checkKeys */.L)(map, SURFACE_KEYS, path, report);
    const latent = (0,yaml_fields/* bool */.lc)(map, "latent", path, report) ?? false;
    const id = (0,yaml_fields/* str */.gx)(map, "id", path, report, true);
    if (id !== undefined && !/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/.test(id))
        report(map.get("id", true), `${path}.id`, `must be 1-63 letters, digits, dots, dashes or underscores; got '${id}'`);
    const where = id ? `${path} (${id})` : path;
    const hostname = (0,yaml_fields/* str */.gx)(map, "hostname", where, report, true);
    if (hostname !== undefined && !/^[A-Za-z0-9.-]+(:\d+)?$/.test(hostname))
        report(map.get("hostname", true), `${where}.hostname`, `must be a host name; got '${hostname}'`);
    const providerRaw = (0,yaml_fields/* str */.gx)(map, "provider", where, report, !latent);
    let provider;
    if (providerRaw !== undefined) {
        if (PROVIDERS.includes(providerRaw))
            provider = providerRaw;
        else
            report(map.get("provider", true), `${where}.provider`, `must be one of ${PROVIDERS.join(", ")}; got '${providerRaw}'${(0,yaml_fields/* suggest */.ZA)(providerRaw, [...PROVIDERS])}`);
    }
    for (const [block, owner] of Object.entries(PROVIDER_BLOCKS)) {
        const node = map.get(block, true);
        if (node && provider && provider !== owner)
            report((0,yaml_fields/* keyNode */.qe)(map, block), `${where}.${block}`, `is given, but provider is '${provider}'`);
    }
    const health = parseHealthBlock(map, where, options, report);
    const heroku = parseHeroku(map, where, report);
    const cloudflarePages = parseCloudflare(map, where, report);
    const builds = parseBuilds(map, where, report);
    const maintenance = id
        ? parseMaintenanceList(map.get("maintenance", true), `${where}.maintenance`, report, at, id)
        : [];
    if (!latent && provider) {
        if (provider === "heroku" && !heroku && !map.has("heroku"))
            report(map, `${where}.heroku`, "is required for provider heroku (app: <heroku app name>)");
        if (provider === "cloudflare_pages" && !cloudflarePages && !map.has("cloudflare_pages"))
            report(map, `${where}.cloudflare_pages`, "is required for provider cloudflare_pages (account-id, project)");
        if (provider === "http" && !health && !map.has("health"))
            report(map, `${where}.health`, "is required for provider http (url: <health URL>)");
    }
    if (count() > before || !id || !hostname)
        return undefined;
    return {
        id,
        hostname,
        provider: provider ?? "http",
        health,
        heroku,
        cloudflarePages,
        builds,
        latent,
        ...(maintenance.length ? { maintenance } : {}),
        line: at(map).line,
    };
}
function parseHealthBlock(map, where, options, report) {
    const node = map.get("health", true);
    if (node === undefined)
        return undefined;
    const path = `${where}.health`;
    if (!(0,dist/* isMap */.jh)(node)) {
        report(node, path, "must be a mapping (url, expect-status, headers, ...)");
        return undefined;
    }
    (0,yaml_fields/* checkKeys */.L)(node, HEALTH_KEYS, path, report);
    const values = {};
    for (const key of HEALTH_KEYS) {
        if (key === "headers")
            continue;
        const v = node.get(key, true);
        if (v === undefined)
            continue;
        if (!(0,dist/* isScalar */.jn)(v) || v.value === null || typeof v.value === "object") {
            report(v, `${path}.${key}`, "must be a single value");
            continue;
        }
        values[key] = String(v.value);
    }
    const headersNode = node.get("headers", true);
    if (headersNode !== undefined) {
        const lines = headerLines(headersNode, `${path}.headers`, report, options.secretEnv);
        if (lines === undefined)
            return undefined;
        values.headers = lines.join("\n");
    }
    try {
        return options.parseHealth((name) => values[name] ?? options.healthDefaults?.[name] ?? "");
    }
    catch (err) {
        if (!(err instanceof errors/* InputError */.dz))
            throw err;
        const field = err.input;
        const target = node.get(field, true) ?? (0,yaml_fields/* keyNode */.qe)(map, "health");
        const problem = err.message.replace(/^Input '[^']*' /, "");
        report(target, `${path}.${field}`, problem);
        return undefined;
    }
}
function parseHeroku(map, where, report) {
    const node = map.get("heroku", true);
    if (node === undefined)
        return undefined;
    const path = `${where}.heroku`;
    if (!(0,dist/* isMap */.jh)(node)) {
        report(node, path, "must be a mapping (app, max-deploy-age-days)");
        return undefined;
    }
    (0,yaml_fields/* checkKeys */.L)(node, HEROKU_KEYS, path, report);
    const appRaw = (0,yaml_fields/* str */.gx)(node, "app", path, report, true);
    let app;
    if (appRaw !== undefined) {
        try {
            app = (0,inputs/* parseHerokuApp */.j0)("app", appRaw);
        }
        catch (err) {
            report(node.get("app", true), `${path}.app`, err.message.replace(/^Input '[^']*' /, ""));
        }
    }
    const maxDeployAgeDays = (0,yaml_fields/* num */.bu)(node, "max-deploy-age-days", path, report, 0.01, 3650) ?? 7;
    return app ? { app, maxDeployAgeDays } : undefined;
}
function parseCloudflare(map, where, report) {
    const node = map.get("cloudflare_pages", true);
    if (node === undefined)
        return undefined;
    const path = `${where}.cloudflare_pages`;
    if (!(0,dist/* isMap */.jh)(node)) {
        report(node, path, "must be a mapping (account-id, project)");
        return undefined;
    }
    (0,yaml_fields/* checkKeys */.L)(node, CLOUDFLARE_KEYS, path, report);
    const accountId = (0,yaml_fields/* str */.gx)(node, "account-id", path, report, true);
    if (accountId !== undefined && !/^[A-Za-z0-9]{1,32}$/.test(accountId))
        report(node.get("account-id", true), `${path}.account-id`, "must be a Cloudflare account ID (up to 32 letters and digits)");
    const project = (0,yaml_fields/* str */.gx)(node, "project", path, report, true);
    if (project !== undefined && !/^[a-z0-9][a-z0-9-]{0,62}$/.test(project))
        report(node.get("project", true), `${path}.project`, `must be a Pages project name (lowercase letters, digits, dashes); got '${project}'`);
    const envRaw = (0,yaml_fields/* str */.gx)(node, "environment", path, report) ?? "production";
    if (envRaw !== "production" && envRaw !== "preview")
        report(node.get("environment", true), `${path}.environment`, `must be production or preview; got '${envRaw}'`);
    const maxDeployAgeDays = (0,yaml_fields/* num */.bu)(node, "max-deploy-age-days", path, report, 0.01, 3650);
    if (!accountId || !project)
        return undefined;
    return {
        accountId,
        project,
        environment: envRaw === "preview" ? "preview" : "production",
        ...(maxDeployAgeDays !== undefined ? { maxDeployAgeDays } : {}),
    };
}
function parseBuilds(map, where, report) {
    const node = map.get("builds", true);
    if (node === undefined)
        return undefined;
    const path = `${where}.builds`;
    if (!(0,dist/* isMap */.jh)(node)) {
        report(node, path, "must be a mapping (workflow, paths, branch, repo)");
        return undefined;
    }
    (0,yaml_fields/* checkKeys */.L)(node, BUILDS_KEYS, path, report);
    const workflow = (0,yaml_fields/* str */.gx)(node, "workflow", path, report);
    if (workflow !== undefined && !/^(\.github\/workflows\/)?[A-Za-z0-9._-]+\.ya?ml$/.test(workflow))
        report(node.get("workflow", true), `${path}.workflow`, `must be a workflow file name like deploy.yml; got '${workflow}'`);
    const paths = [];
    const pathsNode = node.get("paths", true);
    if (pathsNode !== undefined) {
        const items = (0,dist/* isSeq */.oP)(pathsNode) ? pathsNode.items : [pathsNode];
        for (const item of items) {
            if ((0,dist/* isScalar */.jn)(item) && typeof item.value === "string" && item.value.trim())
                paths.push(item.value.trim());
            else
                report(item, `${path}.paths`, "must be a list of path globs like backend/**");
        }
    }
    const branch = (0,yaml_fields/* str */.gx)(node, "branch", path, report) ?? "main";
    const repo = (0,yaml_fields/* str */.gx)(node, "repo", path, report);
    if (repo !== undefined && !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repo))
        report(node.get("repo", true), `${path}.repo`, `must be owner/name; got '${repo}'`);
    if (workflow === undefined && paths.length === 0)
        report(node, path, "needs a workflow, paths, or both");
    return { workflow, paths, branch, ...(repo ? { repo } : {}) };
}

// EXTERNAL MODULE: ./.build/js/store/audit.js + 9 modules
var store_audit = __webpack_require__(2775);
// EXTERNAL MODULE: ./.build/js/store/rotation-jobs.js + 8 modules
var rotation_jobs = __webpack_require__(1609);
// EXTERNAL MODULE: ./.build/js/store/db.js
var db = __webpack_require__(6522);
;// CONCATENATED MODULE: ./.build/js/store/rotation-lock.js

/** The first key of every per-secret rotation lock (the second is hashtext of the secret's name). */
const SECRET_LOCK_SPACE = 72_468_131;
/**
 * Takes the Postgres advisory lock of a secret's rotation without waiting, on a connection of its own: of two
 * rotations of one secret at once, one runs and the other gets undefined. A session lock dies with its
 * session, so a killed rotation never leaves it held.
 */
async function tryLockSecret(databaseUrl, secretName) {
    const client = await (0,db/* connect */.Ng)(databaseUrl, {
        applicationName: `prodgate rotate ${secretName}`.slice(0, 63),
        keepAlive: true,
    });
    try {
        const res = await client.query("SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok", [
            SECRET_LOCK_SPACE,
            `prodgate:rotate:${secretName}`,
        ]);
        if (res.rows[0]?.ok !== true) {
            await client.end().catch(() => { });
            return undefined;
        }
    }
    catch (err) {
        await client.end().catch(() => { });
        throw (0,db/* dbFailure */.LU)(`cannot take the rotation lock of ${secretName}`, err, databaseUrl);
    }
    return {
        release: async () => {
            await client.end().catch(() => { });
        },
    };
}

// EXTERNAL MODULE: ./.build/js/vendors/cloudflare.js
var cloudflare = __webpack_require__(2869);
// EXTERNAL MODULE: ./.build/js/vendors/heroku.js + 1 modules
var vendors_heroku = __webpack_require__(4068);
// EXTERNAL MODULE: ./.build/js/vendors/infisical.js
var infisical = __webpack_require__(9602);
// EXTERNAL MODULE: ./.build/js/vendors/http.js
var http = __webpack_require__(2770);
;// CONCATENATED MODULE: ./.build/js/vendors/webhook.js


/**
 * Signed webhooks (seed 001): a JSON body POSTed with `X-Prodgate-Signature: sha256=<hex HMAC-SHA256 of the
 * body>` under a shared key, so a receiver can tell the sender and that the body is whole. Not retried once
 * the request may have arrived; redirects are not followed.
 */
const SIGNATURE_HEADER = "x-prodgate-signature";
function signBody(key, body) {
    return `sha256=${(0,external_node_crypto_.createHmac)("sha256", key).update(body, "utf8").digest("hex")}`;
}
class WebhookSender {
    key;
    opts;
    constructor(key, opts = {}) {
        this.key = key;
        this.opts = opts;
    }
    async send(url, body) {
        const u = new URL(url);
        const client = new http/* HttpClient */.Qq({
            vendor: `Webhook ${u.host}`,
            baseUrl: u.origin,
            timeoutMs: this.opts.timeoutMs ?? 10_000,
            retries: 2,
            headers: { "user-agent": "prodgate", "content-type": "application/json" },
        });
        await client.send({
            method: "POST",
            path: `${u.pathname}${u.search}`,
            body,
            headers: { [SIGNATURE_HEADER]: signBody(this.key, body) },
            retry: "if-unsent",
        });
    }
}

// EXTERNAL MODULE: ./.build/js/pipelines/alerts.js + 1 modules
var alerts = __webpack_require__(6722);
// EXTERNAL MODULE: ./.build/js/core/ports.js
var core_ports = __webpack_require__(6482);
// EXTERNAL MODULE: ./.build/js/vendors/http-probe.js
var http_probe = __webpack_require__(7505);
;// CONCATENATED MODULE: ./.build/js/pipelines/health-check.js



/**
 * Probes the URL up to `attempts` times, `interval` apart, each cut at `timeout`; stops at the first healthy
 * answer. Used by the health-check action, the deploy pipeline, the status sweep and `prodgate health`.
 */
async function runHealthCheck(settings, ports) {
    const clock = ports.clock ?? core_ports/* systemClock */.m;
    const probe = ports.probe ?? new http_probe/* HttpProbe */.PF();
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
            const attempt = judgeProbe(settings, n, result);
            attempts.push(attempt);
            ports.reporter.info(formatAttemptLine(attempt, settings.attempts));
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
    return buildReport(settings, attempts);
}

;// CONCATENATED MODULE: ./.build/js/pipelines/rotation-wiring.js















const TIMEOUT_MS = 15_000;
/** Reads the surface registry the smoke test probes, with the status sweep's health defaults. */
function readRegistryFile(path) {
    if (!(0,external_node_fs_.existsSync)(path))
        throw new errors/* InputError */.dz("registry", `names a file that does not exist: ${path}`);
    return parseRegistry((0,external_node_fs_.readFileSync)(path, "utf8"), {
        file: path,
        parseHealth: (get) => parseHealthInputs(get),
        healthDefaults: { attempts: "3", interval: "5s", timeout: "10s" },
    });
}
/** The secret of the inventory named `name`, or an error naming the input. */
function findSecret(inventory, name, input = "secret") {
    const wanted = requireValue(input, name);
    const secret = inventory.secrets.find((s) => s.name === wanted);
    if (!secret)
        throw new InputError(input, `names no secret of ${inventory.file}: '${wanted}' (it has ${inventory.secrets.map((s) => s.name).join(", ")})`);
    return secret;
}
/** The rotate-secret action's inputs (the rotation sweep's name them alike, but for cloudflare-tokens). */
const ACTION_CREDENTIAL_NAMES = {
    herokuApiKey: "heroku-api-key",
    githubSecretsToken: "github-secrets-token",
    infisicalToken: "infisical-token",
    cloudflareToken: () => "current-value",
    registry: "registry",
    webhookSecret: "webhook-secret",
};
/**
 * Checks, before any job exists, that every credential the secret's rotation needs was given: its
 * generator's, every consumer's, the smoke test's registry surfaces and the webhooks' key. The error names
 * the missing input as the face calls it.
 */
function checkCredentials(secret, creds, opts = {}) {
    const spec = secret.rotate;
    if (!spec)
        return;
    const names = opts.names ?? ACTION_CREDENTIAL_NAMES;
    const registry = opts.registry;
    if (spec.generate === "heroku-authorization" && !creds.herokuApiKey)
        throw new errors/* InputError */.dz(names.herokuApiKey, `is required to rotate ${secret.name} (it makes a Heroku OAuth authorization)`);
    if (spec.generate === "cloudflare-token" && !(opts.currentValue || creds.cloudflareTokens.get(secret.name)))
        throw new errors/* InputError */.dz(names.cloudflareToken(secret.name), `is required to rotate ${secret.name}: the current Cloudflare token says which token's settings to copy`);
    for (const c of spec.consumers) {
        if ((c.kind === "github-actions" || c.kind === "github-environment") && !creds.githubSecretsToken)
            throw new errors/* InputError */.dz(names.githubSecretsToken, `is required to write ${c.id} (a token that may write Actions secrets; the workflow's GITHUB_TOKEN cannot)`);
        if (c.kind === "heroku-config" && !creds.herokuApiKey)
            throw new errors/* InputError */.dz(names.herokuApiKey, `is required to write ${c.id}`);
        if (c.kind === "infisical" && !creds.infisicalToken)
            throw new errors/* InputError */.dz(names.infisicalToken, `is required to write ${c.id}`);
    }
    if (spec.notify.length && !creds.webhookSecret)
        throw new errors/* InputError */.dz(names.webhookSecret, `is required: ${secret.name} notifies webhooks, signed with it`);
    if (!spec.smoke.length)
        return;
    if (!registry)
        throw new errors/* InputError */.dz(names.registry, `is required: ${secret.name}'s smoke test probes ${spec.smoke.join(", ")}, surfaces of the registry`);
    const known = new Set(registry.surfaces.map((s) => s.id));
    const missing = spec.smoke.filter((id) => !known.has(id));
    if (missing.length)
        throw new errors/* InputError */.dz(names.registry, `has no surface ${missing.join(", ")} (${secret.name}'s smoke test)`);
    const noHealth = spec.smoke.filter((id) => !registry.surfaces.find((s) => s.id === id)?.health);
    if (noHealth.length)
        throw new errors/* InputError */.dz(names.registry, `surface ${noHealth.join(", ")} has no health check to smoke-test with`);
}
async function openExecutor(creds, opts) {
    const env = opts.env;
    const jobs = await rotation_jobs/* RotationJobStore */.P.open(opts.databaseUrl, {
        table: opts.rotationTable,
        migrate: opts.migrate,
    });
    let audit;
    try {
        audit = await store_audit/* AuditStore */.f.open(opts.databaseUrl, { table: opts.auditTable, migrate: opts.migrate });
    }
    catch (err) {
        await jobs.close();
        throw err;
    }
    const heroku = (apiKey) => new vendors_heroku/* HerokuClient */.K({ apiKey, baseUrl: env.HEROKU_API_URL, timeoutMs: TIMEOUT_MS, retries: 2 });
    const generators = new Map();
    const ports = {
        reporter: opts.reporter,
        jobs,
        audit,
        lock: { tryLock: (name) => tryLockSecret(opts.databaseUrl, name) },
        generator: (secret) => {
            let g = generators.get(secret.name);
            if (!g) {
                g = generatorFor(secret, creds, env, heroku, opts.currentValue);
                generators.set(secret.name, g);
            }
            return g;
        },
        consumer: (c) => consumerFor(c, creds, env, heroku),
        ...(opts.registry ? { smoke: smokePort(opts.registry, env, opts.reporter) } : {}),
        ...((creds.slackToken && creds.slackChannel) || creds.slackWebhookUrl
            ? {
                notify: (0,alerts/* slackNotifyPort */.lA)({
                    token: creds.slackToken,
                    channel: creds.slackChannel,
                    webhookUrl: creds.slackWebhookUrl,
                    baseUrl: env.SLACK_API_URL,
                }, opts.reporter),
            }
            : {}),
        ...(creds.webhookSecret ? { webhooks: new WebhookSender(creds.webhookSecret) } : {}),
        preflight: (secret) => checkCredentials(secret, creds, {
            registry: opts.registry,
            names: opts.names,
            currentValue: opts.currentValue,
        }),
    };
    return {
        ports,
        close: async () => {
            await jobs.close();
            await audit.close();
        },
    };
}
function generatorFor(secret, creds, env, heroku, currentValue) {
    const spec = secret.rotate;
    switch (spec.generate) {
        case "random":
            return {
                currentId: async () => undefined,
                create: async () => ({ value: (0,external_node_crypto_.randomBytes)(spec.length).toString("base64url") }),
                verify: async () => { },
                revoke: async () => "gone",
                orphans: async () => [],
            };
        case "heroku-authorization": {
            const client = heroku(creds.herokuApiKey);
            const wanted = secret.authorization ?? secret.name;
            const matching = async () => (await client.authorizations()).filter((a) => a.id === wanted || a.description === wanted);
            return {
                currentId: async (value) => {
                    if (value) {
                        const id = await client.authorizationIdForToken(value);
                        if (id)
                            return id;
                    }
                    const list = (await matching()).sort((a, b) => (a.created_at < b.created_at ? 1 : -1));
                    return list[0]?.id;
                },
                create: async (oldId) => {
                    const old = oldId ? (await client.authorizations()).find((a) => a.id === oldId) : undefined;
                    const made = await client.createAuthorization({
                        scope: old?.scope.length ? old.scope : ["global"],
                        description: old?.description ?? wanted,
                    });
                    return { id: made.id, value: made.token };
                },
                verify: async (value) => {
                    await heroku(value).account();
                },
                revoke: (id) => client.deleteAuthorization(id),
                orphans: async (since, keep) => (await matching())
                    .filter((a) => !keep.includes(a.id) && Date.parse(a.created_at) >= since.getTime())
                    .map((a) => a.id),
            };
        }
        case "cloudflare-token": {
            const accountId = secret.accountId;
            const current = () => currentValue || creds.cloudflareTokens.get(secret.name);
            const cf = (token) => new cloudflare/* CloudflareClient */.$7({
                apiToken: token,
                baseUrl: env.CLOUDFLARE_API_URL,
                timeoutMs: TIMEOUT_MS,
                retries: 2,
            });
            const manager = () => {
                const token = creds.cloudflareApiToken || current();
                if (!token)
                    throw new errors/* InputError */.dz("cloudflare-api-token", `is required to rotate ${secret.name} (a token that may manage API tokens), or pass its current value`);
                return cf(token);
            };
            const rolls = secret.policy.maxOverlapMs <= 0;
            let oldName;
            return {
                killsOld: rolls,
                currentId: async (value) => {
                    const token = value || current();
                    return token ? (await cf(token).verifyToken(accountId)).id || undefined : undefined;
                },
                create: async (oldId) => {
                    if (!oldId)
                        throw new errors/* InputError */.dz("current-value", `is required to rotate ${secret.name}: the current Cloudflare token (or cloudflare-tokens ${secret.name}=...) says which token's settings to copy`);
                    const m = manager();
                    if (rolls)
                        return { id: oldId, value: await m.rollToken(oldId, accountId) };
                    const old = await m.getToken(oldId, accountId);
                    oldName = old.name;
                    const lifetime = old.expires_on && old.issued_on
                        ? Date.parse(old.expires_on) - Date.parse(old.issued_on)
                        : undefined;
                    const made = await m.createToken({
                        name: old.name,
                        policies: old.policies.map((p) => {
                            const { id: _id, ...rest } = p;
                            return rest;
                        }),
                        ...(old.condition ? { condition: old.condition } : {}),
                        ...(lifetime && lifetime > 0
                            ? { expires_on: new Date(Date.now() + lifetime).toISOString().replace(/\.\d{3}Z$/, "Z") }
                            : {}),
                    }, accountId);
                    return made;
                },
                verify: async (value) => {
                    const v = await cf(value).verifyToken(accountId);
                    if (v.status !== "active")
                        throw new Error(`Cloudflare says the new token is ${v.status}`);
                },
                revoke: (id) => manager().deleteToken(id, accountId),
                orphans: async (since, keep) => {
                    const m = manager();
                    const name = oldName ?? (keep[0] ? (await m.getToken(keep[0], accountId)).name : undefined);
                    if (!name)
                        return [];
                    return (await m.listTokens(accountId))
                        .filter((t) => t.name === name && !keep.includes(t.id) && Date.parse(t.issued_on ?? "") >= since.getTime())
                        .map((t) => t.id);
                },
            };
        }
    }
}
function consumerFor(c, creds, env, heroku) {
    switch (c.kind) {
        case "github-actions":
        case "github-environment": {
            // Octokit and libsodium load only for a rotation that writes a GitHub secret.
            let writer;
            const at = {
                repository: c.repository,
                ...(c.kind === "github-environment" ? { environment: c.environment } : {}),
            };
            return {
                write: async (value) => {
                    writer ??= __webpack_require__.e(/* import() */ 95).then(__webpack_require__.bind(__webpack_require__, 7095)).then((m) => new m.GitHubSecretsWriter({ token: creds.githubSecretsToken, baseUrl: env.GITHUB_API_URL }));
                    await (await writer).put(at, c.name, value);
                },
            };
        }
        case "heroku-config": {
            const client = heroku(creds.herokuApiKey);
            return {
                write: (value) => client.setConfigVar(c.app, c.var, value),
                read: () => client.configVar(c.app, c.var),
            };
        }
        case "infisical": {
            const client = new infisical/* InfisicalClient */.WF({
                token: creds.infisicalToken,
                baseUrl: env.INFISICAL_API_URL,
                timeoutMs: TIMEOUT_MS,
                retries: 2,
            });
            return {
                write: async (value) => {
                    await client.writeSecretValue({ projectId: c.project, environment: c.environment, secretPath: c.path }, c.key, value);
                },
            };
        }
    }
}
function smokePort(registry, env, reporter) {
    return {
        check: async (id) => {
            const surface = registry.surfaces.find((s) => s.id === id);
            if (!surface?.health)
                return { healthy: false, detail: `no surface ${id} with a health check in the registry` };
            const { headers, secrets } = resolveHeaders(surface, env, registry.secretEnv);
            for (const s of secrets)
                reporter.secret(s);
            const report = await runHealthCheck({ ...surface.health, headers }, { reporter: { ...reporter, info: () => { } } });
            return {
                healthy: report.healthy,
                detail: `${report.lastStatus ?? "no answer"} after ${report.attempts.length} attempt(s): ${report.lastReason}`,
            };
        },
    };
}


/***/ })

};
