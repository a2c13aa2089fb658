export const id = 48;
export const ids = [48,124];
export const modules = {

/***/ 8167:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   registerRotate: () => (/* binding */ registerRotate)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6265);
/* harmony import */ var _core_rotation_executor_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5732);
/* harmony import */ var _pipelines_rotation_executor_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2155);
/* harmony import */ var _pipelines_rotation_wiring_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9415);
/* harmony import */ var _store_db_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1996);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2056);
/* harmony import */ var _prompt_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8185);







/**
 * `prodgate rotate NAME`: the rotate-secret action from a terminal. Credentials come from the environment as the
 * rotation sweep reads them; a typed `rotate NAME` confirms it (`--confirm "rotate NAME"` without a terminal).
 */
function registerRotate(program, ctx) {
    program
        .command("rotate")
        .argument("<name>", "the inventory secret to rotate")
        .description("Rotate a secret that has a rotate: block: generate, write every consumer, smoke-test, schedule the old credential's revocation (at once with --compromised); resumes an interrupted job")
        .option("--inventory <file>", "the secret inventory (YAML)")
        .option("--registry <file>", "the surface registry whose surfaces the smoke test probes")
        .option("--compromised", "revoke the old credential as soon as the smoke test passes")
        .option("--confirm <phrase>", 'the confirmation, typed: "rotate NAME" (needed without a terminal)')
        .option("--no-migrate", "do not apply pending database migrations")
        .option("--json", "print the outcome on stdout")
        .addHelpText("after", "\nCredentials come from the environment: DATABASE_URL, HEROKU_API_KEY, CLOUDFLARE_API_TOKEN (or a variable named\nlike the cloudflare-token secret), GITHUB_SECRETS_TOKEN (else GITHUB_TOKEN), INFISICAL_TOKEN, ROTATION_WEBHOOK_SECRET,\nSLACK_BOT_TOKEN + SLACK_CHANNEL or SLACK_WEBHOOK_URL. The value in use now: ROTATE_CURRENT_VALUE, else the\nvariable named like the secret. ROTATION_PIPELINE_DISABLED=1 refuses every rotation.")
        .action(async (name, opts) => {
        (0,_core_rotation_executor_js__WEBPACK_IMPORTED_MODULE_1__/* .assertRotationEnabled */ .oI)(ctx.env);
        const databaseUrl = (0,_context_js__WEBPACK_IMPORTED_MODULE_5__/* .envSecret */ .eo)(ctx, "DATABASE_URL", true);
        for (const s of (0,_store_db_js__WEBPACK_IMPORTED_MODULE_4__/* .databaseUrlSecrets */ .I6)(databaseUrl))
            ctx.reporter.secret(s);
        if (!opts.inventory)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz("--inventory", "is required");
        const inventory = (0,_pipelines_rotation_wiring_js__WEBPACK_IMPORTED_MODULE_3__/* .readInventoryFile */ .ZG)(opts.inventory);
        const secret = (0,_pipelines_rotation_wiring_js__WEBPACK_IMPORTED_MODULE_3__/* .findSecret */ .mt)(inventory, name, "NAME");
        const currentValue = (0,_context_js__WEBPACK_IMPORTED_MODULE_5__/* .envSecret */ .eo)(ctx, "ROTATE_CURRENT_VALUE", false) ?? (0,_context_js__WEBPACK_IMPORTED_MODULE_5__/* .envSecret */ .eo)(ctx, secret.name, false);
        const cloudflareTokens = new Map();
        for (const s of inventory.secrets) {
            if (s.source !== "cloudflare-token")
                continue;
            const token = (0,_context_js__WEBPACK_IMPORTED_MODULE_5__/* .envSecret */ .eo)(ctx, s.name, false);
            if (token)
                cloudflareTokens.set(s.name, token);
        }
        const creds = {
            herokuApiKey: (0,_context_js__WEBPACK_IMPORTED_MODULE_5__/* .envSecret */ .eo)(ctx, "HEROKU_API_KEY", false),
            cloudflareApiToken: (0,_context_js__WEBPACK_IMPORTED_MODULE_5__/* .envSecret */ .eo)(ctx, "CLOUDFLARE_API_TOKEN", false),
            cloudflareTokens,
            githubSecretsToken: (0,_context_js__WEBPACK_IMPORTED_MODULE_5__/* .envSecret */ .eo)(ctx, "GITHUB_SECRETS_TOKEN", false) ?? (0,_context_js__WEBPACK_IMPORTED_MODULE_5__/* .envSecret */ .eo)(ctx, "GITHUB_TOKEN", false),
            infisicalToken: (0,_context_js__WEBPACK_IMPORTED_MODULE_5__/* .envSecret */ .eo)(ctx, "INFISICAL_TOKEN", false),
            webhookSecret: (0,_context_js__WEBPACK_IMPORTED_MODULE_5__/* .envSecret */ .eo)(ctx, "ROTATION_WEBHOOK_SECRET", false),
            slackToken: (0,_context_js__WEBPACK_IMPORTED_MODULE_5__/* .envSecret */ .eo)(ctx, "SLACK_BOT_TOKEN", false),
            slackChannel: ctx.env.SLACK_CHANNEL?.trim() || undefined,
            slackWebhookUrl: (0,_context_js__WEBPACK_IMPORTED_MODULE_5__/* .envSecret */ .eo)(ctx, "SLACK_WEBHOOK_URL", false),
        };
        const registry = opts.registry ? (0,_pipelines_rotation_wiring_js__WEBPACK_IMPORTED_MODULE_3__/* .readRegistryFile */ .wR)(opts.registry) : undefined;
        (0,_pipelines_rotation_wiring_js__WEBPACK_IMPORTED_MODULE_3__/* .checkCredentials */ .vG)(secret, creds, registry);
        const phrase = `rotate ${secret.name}`;
        let typed = opts.confirm;
        if (typed === undefined) {
            const prompter = (0,_prompt_js__WEBPACK_IMPORTED_MODULE_6__/* .terminalPrompter */ .kZ)();
            if (!prompter.interactive)
                throw new _context_js__WEBPACK_IMPORTED_MODULE_5__/* .ExitError */ .RS(`no terminal to confirm on: pass --confirm "${phrase}"`, _context_js__WEBPACK_IMPORTED_MODULE_5__/* .EXIT */ .dc.refused);
            typed = await prompter.ask(`Type "${phrase}" to rotate it${opts.compromised ? " and revoke the old credential at once" : ""}: `);
        }
        if (typed?.trim() !== phrase)
            throw new _context_js__WEBPACK_IMPORTED_MODULE_5__/* .ExitError */ .RS(`confirmation refused: expected "${phrase}"; nothing was rotated`, _context_js__WEBPACK_IMPORTED_MODULE_5__/* .EXIT */ .dc.refused);
        const opened = await (0,_pipelines_rotation_wiring_js__WEBPACK_IMPORTED_MODULE_3__/* .openExecutor */ .cj)(creds, {
            databaseUrl,
            migrate: opts.migrate,
            registry,
            env: ctx.env,
            reporter: ctx.reporter,
            currentValue,
        });
        try {
            const outcome = await (0,_pipelines_rotation_executor_js__WEBPACK_IMPORTED_MODULE_2__/* .runRotation */ .qm)(secret, {
                trigger: "manual",
                compromised: opts.compromised ?? false,
                currentValue,
                actor: ctx.env.USER || "prodgate-cli",
                runId: `local-${Date.now()}`,
                runAttempt: 1,
                auditTrigger: "local-script",
                env: ctx.env,
            }, opened.ports);
            for (const n of outcome.notes)
                ctx.reporter.warning(n);
            if (opts.json)
                ctx.json({
                    job_id: outcome.jobId ?? null,
                    status: outcome.status,
                    revoke_at: outcome.revokeAt ?? null,
                    steps: outcome.steps,
                });
            else
                ctx.reporter.info((0,_core_rotation_executor_js__WEBPACK_IMPORTED_MODULE_1__/* .renderRotationOutcome */ .zL)(outcome).trimEnd());
            if (outcome.status === "failed")
                throw new _context_js__WEBPACK_IMPORTED_MODULE_5__/* .ExitError */ .RS(`rotation of ${secret.name} failed: ${outcome.error ?? "see the job"}`, _context_js__WEBPACK_IMPORTED_MODULE_5__/* .EXIT */ .dc.failed);
        }
        finally {
            await opened.close();
        }
    });
}


/***/ }),

/***/ 8185:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MQ: () => (/* binding */ targetBanner),
/* harmony export */   SN: () => (/* binding */ scriptedPrompter),
/* harmony export */   gG: () => (/* binding */ confirmPhrase),
/* harmony export */   iy: () => (/* binding */ resolveActor),
/* harmony export */   kZ: () => (/* binding */ terminalPrompter),
/* harmony export */   pb: () => (/* binding */ precheckConfirmation)
/* harmony export */ });
/* unused harmony exports EMAIL, gitUserEmail */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_readline__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(481);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7975);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2056);
/* harmony import */ var _terminal_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3967);





const execFileAsync = (0,node_util__WEBPACK_IMPORTED_MODULE_2__.promisify)(node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile);
/**
 * The break-glass gate of a deploy from a terminal (seed 002 §4.1, P1 and P6): a banner naming the target, a
 * typed confirmation phrase that names it too, and an operator who is identified by an email.
 */
/**
 * The coloured "TARGET: PRODUCTION (app)" banner, red for production (one of --production-environments),
 * yellow for any other environment.
 */
function targetBanner(app, environment, production) {
    const text = `TARGET: ${environment.toUpperCase()} (${app})`;
    const width = text.length + 4;
    const colour = production ? "red" : "yellow";
    const line = (s) => (0,_terminal_js__WEBPACK_IMPORTED_MODULE_4__/* .paint */ .nI)(s, colour, "bold");
    return [
        line(`┏${"━".repeat(width)}┓`),
        `${line("┃")}  ${(0,_terminal_js__WEBPACK_IMPORTED_MODULE_4__/* .paint */ .nI)(text, colour, "bold", "inverse")}  ${line("┃")}`,
        line(`┗${"━".repeat(width)}┛`),
    ].join("\n");
}
/** Asks on the terminal: the question on stderr (stdout stays for --json), the answer from stdin. */
function terminalPrompter(input = process.stdin, output = process.stderr) {
    return {
        interactive: Boolean(input.isTTY),
        ask(question) {
            return new Promise((resolve, reject) => {
                const rl = (0,node_readline__WEBPACK_IMPORTED_MODULE_1__.createInterface)({ input, output, terminal: Boolean(input.isTTY) });
                let settled = false;
                const finish = (fn) => {
                    if (settled)
                        return;
                    settled = true;
                    rl.close();
                    fn();
                };
                rl.on("SIGINT", () => {
                    output.write("\n");
                    finish(() => reject(new _context_js__WEBPACK_IMPORTED_MODULE_3__/* .ExitError */ .RS("interrupted at the confirmation prompt: nothing was done", _context_js__WEBPACK_IMPORTED_MODULE_3__/* .EXIT */ .dc.interrupted)));
                });
                rl.on("close", () => finish(() => resolve(undefined)));
                rl.question(question, (answer) => finish(() => resolve(answer)));
            });
        },
    };
}
/**
 * Answers every question with `answer`, shown as if typed (the sandbox demo): the question, then the answer a
 * character at a time.
 */
function scriptedPrompter(answer, output = process.stderr, typingDelayMs = 25, signal) {
    return {
        interactive: true,
        async ask(question) {
            output.write(question);
            for (const ch of answer) {
                if (signal?.aborted) {
                    output.write("\n");
                    return undefined;
                }
                output.write((0,_terminal_js__WEBPACK_IMPORTED_MODULE_4__/* .paint */ .nI)(ch, "cyan"));
                if (typingDelayMs > 0)
                    await new Promise((r) => setTimeout(r, typingDelayMs));
            }
            output.write(`   ${(0,_terminal_js__WEBPACK_IMPORTED_MODULE_4__/* .paint */ .nI)("(typed by the demo)", "gray")}\n`);
            return answer;
        },
    };
}
const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;
/** The email of `git config user.email` in `cwd`, or undefined. */
async function gitUserEmail(cwd, env) {
    try {
        const { stdout } = await execFileAsync("git", ["config", "user.email"], { cwd, env });
        return stdout.trim() || undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * The operator, by email (seed 002 open question 4, decided): `--actor`, else PRODGATE_ACTOR, else
 * `git config user.email`. The first one given must be an email; with none, the deploy is refused.
 */
async function resolveActor(flag, env, cwd) {
    const candidates = [
        ["--actor", async () => flag?.trim() || undefined],
        ["PRODGATE_ACTOR", async () => env.PRODGATE_ACTOR?.trim() || undefined],
        ["git config user.email", () => gitUserEmail(cwd, env)],
    ];
    for (const [source, read] of candidates) {
        const value = await read();
        if (value === undefined)
            continue;
        if (!EMAIL.test(value))
            throw new _context_js__WEBPACK_IMPORTED_MODULE_3__/* .ExitError */ .RS(`refused: the actor from ${source} must be an email address; got '${value}'`, _context_js__WEBPACK_IMPORTED_MODULE_3__/* .EXIT */ .dc.refused);
        return { email: value, source };
    }
    throw new _context_js__WEBPACK_IMPORTED_MODULE_3__/* .ExitError */ .RS("refused: who is deploying? Every production change is attributed to an email: pass --actor you@example.com, export PRODGATE_ACTOR, or set git config user.email", _context_js__WEBPACK_IMPORTED_MODULE_3__/* .EXIT */ .dc.refused);
}
/**
 * Refuses early what can never be confirmed: no terminal to ask on and no --confirm, or a --confirm that is
 * not the phrase. Runs before anything is read from Heroku or written anywhere.
 */
function precheckConfirmation(phrase, confirm, prompter) {
    if (confirm !== undefined) {
        if (confirm !== phrase)
            throw new _context_js__WEBPACK_IMPORTED_MODULE_3__/* .ExitError */ .RS(`refused: --confirm must be exactly '${phrase}'; got '${confirm}'. Nothing was deployed.`, _context_js__WEBPACK_IMPORTED_MODULE_3__/* .EXIT */ .dc.refused);
        return;
    }
    if (!prompter.interactive)
        throw new _context_js__WEBPACK_IMPORTED_MODULE_3__/* .ExitError */ .RS(`refused: no terminal to confirm on. Run it in a terminal, or pass --confirm "${phrase}" to confirm without one. Nothing was deployed.`, _context_js__WEBPACK_IMPORTED_MODULE_3__/* .EXIT */ .dc.refused);
}
/**
 * The typed confirmation: the answer must be the phrase exactly, else the deploy is aborted having done
 * nothing. A phrase given with --confirm (already checked by precheckConfirmation) stands for the answer.
 */
async function confirmPhrase(phrase, confirm, prompter, say) {
    if (confirm !== undefined) {
        precheckConfirmation(phrase, confirm, prompter);
        say(`Confirmed with --confirm "${phrase}"`);
        return;
    }
    const answer = await prompter.ask(`${(0,_terminal_js__WEBPACK_IMPORTED_MODULE_4__/* .paint */ .nI)(`Type '${phrase}' to continue:`, "bold")} `);
    if (answer === undefined)
        throw new _context_js__WEBPACK_IMPORTED_MODULE_3__/* .ExitError */ .RS("aborted: no answer at the confirmation prompt. Nothing was deployed.", _context_js__WEBPACK_IMPORTED_MODULE_3__/* .EXIT */ .dc.refused);
    if (answer !== phrase)
        throw new _context_js__WEBPACK_IMPORTED_MODULE_3__/* .ExitError */ .RS(`aborted: '${answer}' is not '${phrase}'. Nothing was deployed: no audit row, no push.`, _context_js__WEBPACK_IMPORTED_MODULE_3__/* .EXIT */ .dc.refused);
}


/***/ }),

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


/***/ })

};
