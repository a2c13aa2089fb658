export const id = 529;
export const ids = [529];
export const modules = {

/***/ 515:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T5: () => (/* binding */ occurrences),
/* harmony export */   Tf: () => (/* binding */ unknownSurfaces),
/* harmony export */   a7: () => (/* binding */ activeMaintenance),
/* harmony export */   f6: () => (/* binding */ parseMaintenanceList),
/* harmony export */   kq: () => (/* binding */ maintenanceIntervals),
/* harmony export */   nR: () => (/* binding */ coveredMs)
/* harmony export */ });
/* unused harmony exports validTimeZone, zoneOffsetMs, localToUtc, windowsOf */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1723);
/* harmony import */ var _yaml_fields_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8665);




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
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node)) {
        report(node, path, "must be a list of windows (start and end, or every, at and for)");
        return [];
    }
    const out = [];
    node.items.forEach((item, i) => {
        const where = `${path}[${i}]`;
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(item)) {
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
    (0,_yaml_fields_js__WEBPACK_IMPORTED_MODULE_3__/* .checkKeys */ .L)(map, owner ? WINDOW_KEYS.filter((k) => k !== "surfaces") : WINDOW_KEYS, where, report);
    const reason = (0,_yaml_fields_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(map, "reason", where, report);
    let surfaces = owner ? [owner] : undefined;
    const sNode = map.get("surfaces", true);
    if (!owner && sNode !== undefined) {
        const items = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(sNode) ? sNode.items : [sNode];
        surfaces = [];
        for (const n of items) {
            if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(n) && typeof n.value === "string" && n.value.trim())
                surfaces.push(n.value.trim());
            else
                report(n, `${where}.surfaces`, "must be a list of surface ids");
        }
    }
    const startText = (0,_yaml_fields_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(map, "start", where, report);
    const endText = (0,_yaml_fields_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(map, "end", where, report);
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
    const words = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(every)
        ? every.items.map((n) => ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(n) ? String(n.value) : ""))
        : (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(every)
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
    const atText = (0,_yaml_fields_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(map, "at", where, report, true);
    const forText = (0,_yaml_fields_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(map, "for", where, report, true);
    const tz = (0,_yaml_fields_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(map, "time-zone", where, report) ?? "UTC";
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
            durationMs = (0,_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .parseDuration */ .E9)(`${where}.for`, forText);
            if (durationMs < 60_000 || durationMs > 7 * 86_400_000) {
                report(map.get("for", true), `${where}.for`, "must be from 1m to 7d");
                durationMs = undefined;
            }
        }
        catch (err) {
            if (!(err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz))
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


/***/ }),

/***/ 3529:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  VJ: () => (/* binding */ activeSurfaces),
  l5: () => (/* binding */ parseRegistry),
  DQ: () => (/* reexport */ resolveHeaders)
});

// UNUSED EXPORTS: PROVIDERS, RegistryError

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./.build/js/core/console/maintenance.js
var console_maintenance = __webpack_require__(515);
// EXTERNAL MODULE: ./.build/js/core/errors.js
var errors = __webpack_require__(1723);
// EXTERNAL MODULE: ./.build/js/core/inputs.js
var inputs = __webpack_require__(1621);
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

// EXTERNAL MODULE: ./.build/js/core/yaml-fields.js
var yaml_fields = __webpack_require__(8665);
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
        ...(0,console_maintenance/* parseMaintenanceList */.f6)(maintenanceNode, "maintenance", report, at),
        ...surfaces.flatMap((s) => s.maintenance ?? []),
    ];
    const unknown = (0,console_maintenance/* unknownSurfaces */.Tf)(maintenance, seen);
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
        ? (0,console_maintenance/* parseMaintenanceList */.f6)(map.get("maintenance", true), `${where}.maintenance`, report, at, id)
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


/***/ }),

/***/ 8665:
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
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1723);


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


/***/ })

};
