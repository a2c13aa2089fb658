export const id = 864;
export const ids = [864];
export const modules = {

/***/ 864:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  parsePolicy: () => (/* binding */ parsePolicy)
});

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./.build/js/core/approval.js
var approval = __webpack_require__(9003);
// EXTERNAL MODULE: ./.build/js/core/gate.js
var gate = __webpack_require__(5263);
// EXTERNAL MODULE: ./.build/js/core/policy.js
var policy = __webpack_require__(1786);
// EXTERNAL MODULE: ./.build/js/core/errors.js
var errors = __webpack_require__(1723);
;// CONCATENATED MODULE: ./.build/js/core/yaml-fields.js


/** A YAML file that does not validate. The message lists every problem as `file:line:col: field: problem`. */
class YamlFileError extends errors/* InputError */.dz {
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
    const lc = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter: lc, uniqueKeys: true });
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
    const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
    return pair?.key ?? undefined;
}
/** Reports every key of `map` not in `known`, with a did-you-mean for near misses. */
function checkKeys(map, known, path, report) {
    for (const pair of map.items) {
        const key = (0,dist/* isScalar */.jn)(pair.key) ? String(pair.key.value) : undefined;
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
    if (!isScalar(node) || node.value === null || typeof node.value === "object") {
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
    const value = isScalar(node) ? Number(node.value) : Number.NaN;
    const ok = isScalar(node) && typeof node.value !== "boolean" && Number.isFinite(value);
    return ok && value >= min && value <= max ? value : undefined;
});
/** A whole number from `min` to `max`, written as a YAML number. */
const yaml_fields_int = (map, key, path, report, min, max) => ranged(map, key, path, report, `must be a whole number from ${min} to ${max}`, (node) => {
    const value = (0,dist/* isScalar */.jn)(node) ? node.value : undefined;
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
    if (!(0,dist/* isScalar */.jn)(node) || typeof node.value !== "boolean") {
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

;// CONCATENATED MODULE: ./.build/js/core/policy-file.js





/**
 * Parses `.github/prodgate.yml` (the shape is in `core/policy.ts`). Pure: the caller reads the file and hands in
 * its text. Kept apart so that a deploy without a policy file never loads the YAML parser.
 */
const ENV_KEYS = ["approvers", "minimum-approvals", "allow-self-approval", "events", "reviewers-required"];
const EVENT_NAME = /^[a-z][a-z0-9_]{0,63}$/;
/** Parses the policy file; every problem is reported with its line and field, and nothing half-parsed is used. */
function parsePolicy(text, source = policy/* POLICY_PATH */.l) {
    const { doc, problems, report } = parseYamlFields(text);
    const environments = new Map();
    const root = doc.contents;
    if (problems.length === 0) {
        if (!(0,dist/* isMap */.jh)(root))
            report(root, "(top level)", "must be a mapping with an `environments:` key");
        else {
            checkKeys(root, ["environments"], "", report);
            const envs = root.get("environments", true);
            if (!(0,dist/* isMap */.jh)(envs))
                report(envs ?? root, "environments", "must map environment names to their rules");
            else
                for (const pair of envs.items) {
                    const name = (0,dist/* isScalar */.jn)(pair.key) ? String(pair.key.value).trim() : "";
                    const path = `environments.${name || "?"}`;
                    if (!name) {
                        report(pair.key, "environments", "environment names must be plain names");
                        continue;
                    }
                    if (!(0,dist/* isMap */.jh)(pair.value)) {
                        report(pair.value, path, "must be a mapping of rules");
                        continue;
                    }
                    environments.set(name.toLowerCase(), parseEnvironment(pair.value, path, report));
                }
        }
    }
    if (problems.length > 0)
        throw new YamlFileError("policy", "the deploy policy", source, problems);
    return { source, environments };
}
function parseEnvironment(map, path, report) {
    checkKeys(map, ENV_KEYS, path, report);
    const out = { events: [] };
    const approversNode = map.get("approvers", true);
    if (approversNode !== undefined) {
        const list = stringList(approversNode, `${path}.approvers`, report);
        if (list)
            try {
                out.approvers = (0,approval/* parseApprovers */.CR)(`${path}.approvers`, list.join(","));
            }
            catch (err) {
                report(approversNode, `${path}.approvers`, err.message.replace(/^[^ ]+ /, ""));
            }
    }
    out.minimumApprovals = yaml_fields_int(map, "minimum-approvals", path, report, 1, 100);
    out.allowSelfApproval = bool(map, "allow-self-approval", path, report);
    out.reviewersRequired = bool(map, "reviewers-required", path, report);
    const eventsNode = map.get("events", true);
    if (eventsNode !== undefined)
        for (const e of stringList(eventsNode, `${path}.events`, report) ?? []) {
            if (!EVENT_NAME.test(e))
                report(eventsNode, `${path}.events`, `'${e}' is not a GitHub event name`);
            else if ((0,gate/* isNeverAllowedEvent */.Bk)(e))
                report(eventsNode, `${path}.events`, `'${e}' can never start a production deploy (push, pull_request*, schedule and workflow_run are refused always)`);
            else if (e !== "workflow_dispatch")
                out.events.push(e);
        }
    return out;
}
function stringList(node, field, report) {
    if (!(0,dist/* isSeq */.oP)(node)) {
        report(node, field, 'must be a list, e.g. [alice, "@acme/deployers"]');
        return undefined;
    }
    const out = [];
    for (const item of node.items) {
        if (!(0,dist/* isScalar */.jn)(item) || typeof item.value !== "string" || !item.value.trim()) {
            report(item, field, "must list plain names");
            return undefined;
        }
        out.push(item.value.trim());
    }
    return out;
}


/***/ })

};
