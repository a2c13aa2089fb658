export const id = 441;
export const ids = [441,366];
export const modules = {

/***/ 2441:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   registerRotate: () => (/* binding */ registerRotate)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1723);
/* harmony import */ var _core_rotation_executor_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3442);
/* harmony import */ var _pipelines_inventory_file_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2635);
/* harmony import */ var _pipelines_rotation_executor_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(175);
/* harmony import */ var _pipelines_rotation_wiring_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1985);
/* harmony import */ var _store_db_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6522);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6773);
/* harmony import */ var _prompt_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4307);








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
        const databaseUrl = (0,_context_js__WEBPACK_IMPORTED_MODULE_6__/* .envSecret */ .eo)(ctx, "DATABASE_URL", true);
        for (const s of (0,_store_db_js__WEBPACK_IMPORTED_MODULE_5__/* .databaseUrlSecrets */ .I6)(databaseUrl))
            ctx.reporter.secret(s);
        if (!opts.inventory)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz("--inventory", "is required");
        const inventory = (0,_pipelines_inventory_file_js__WEBPACK_IMPORTED_MODULE_2__/* .readInventory */ .z)(opts.inventory);
        const secret = (0,_pipelines_rotation_wiring_js__WEBPACK_IMPORTED_MODULE_4__/* .findSecret */ .m)(inventory, name, "NAME");
        const currentValue = (0,_context_js__WEBPACK_IMPORTED_MODULE_6__/* .envSecret */ .eo)(ctx, "ROTATE_CURRENT_VALUE", false) ?? (0,_context_js__WEBPACK_IMPORTED_MODULE_6__/* .envSecret */ .eo)(ctx, secret.name, false);
        const cloudflareTokens = new Map();
        for (const s of inventory.secrets) {
            if (s.source !== "cloudflare-token")
                continue;
            const token = (0,_context_js__WEBPACK_IMPORTED_MODULE_6__/* .envSecret */ .eo)(ctx, s.name, false);
            if (token)
                cloudflareTokens.set(s.name, token);
        }
        const creds = {
            herokuApiKey: (0,_context_js__WEBPACK_IMPORTED_MODULE_6__/* .envSecret */ .eo)(ctx, "HEROKU_API_KEY", false),
            cloudflareApiToken: (0,_context_js__WEBPACK_IMPORTED_MODULE_6__/* .envSecret */ .eo)(ctx, "CLOUDFLARE_API_TOKEN", false),
            cloudflareTokens,
            githubSecretsToken: (0,_context_js__WEBPACK_IMPORTED_MODULE_6__/* .envSecret */ .eo)(ctx, "GITHUB_SECRETS_TOKEN", false) ?? (0,_context_js__WEBPACK_IMPORTED_MODULE_6__/* .envSecret */ .eo)(ctx, "GITHUB_TOKEN", false),
            infisicalToken: (0,_context_js__WEBPACK_IMPORTED_MODULE_6__/* .envSecret */ .eo)(ctx, "INFISICAL_TOKEN", false),
            webhookSecret: (0,_context_js__WEBPACK_IMPORTED_MODULE_6__/* .envSecret */ .eo)(ctx, "ROTATION_WEBHOOK_SECRET", false),
            slackToken: (0,_context_js__WEBPACK_IMPORTED_MODULE_6__/* .envSecret */ .eo)(ctx, "SLACK_BOT_TOKEN", false),
            slackChannel: ctx.env.SLACK_CHANNEL?.trim() || undefined,
            slackWebhookUrl: (0,_context_js__WEBPACK_IMPORTED_MODULE_6__/* .envSecret */ .eo)(ctx, "SLACK_WEBHOOK_URL", false),
        };
        const registry = opts.registry ? (0,_pipelines_rotation_wiring_js__WEBPACK_IMPORTED_MODULE_4__.readRegistryFile)(opts.registry) : undefined;
        (0,_pipelines_rotation_wiring_js__WEBPACK_IMPORTED_MODULE_4__/* .checkCredentials */ .v)(secret, creds, { registry, names: _context_js__WEBPACK_IMPORTED_MODULE_6__/* .ROTATION_ENV_NAMES */ .Om, currentValue });
        const phrase = `rotate ${secret.name}`;
        let typed = opts.confirm;
        if (typed === undefined) {
            const prompter = (0,_prompt_js__WEBPACK_IMPORTED_MODULE_7__/* .terminalPrompter */ .kZ)();
            if (!prompter.interactive)
                throw new _context_js__WEBPACK_IMPORTED_MODULE_6__/* .ExitError */ .RS(`no terminal to confirm on: pass --confirm "${phrase}"`, _context_js__WEBPACK_IMPORTED_MODULE_6__/* .EXIT */ .dc.refused);
            typed = await prompter.ask(`Type "${phrase}" to rotate it${opts.compromised ? " and revoke the old credential at once" : ""}: `);
        }
        if (typed?.trim() !== phrase)
            throw new _context_js__WEBPACK_IMPORTED_MODULE_6__/* .ExitError */ .RS(`confirmation refused: expected "${phrase}"; nothing was rotated`, _context_js__WEBPACK_IMPORTED_MODULE_6__/* .EXIT */ .dc.refused);
        const opened = await (0,_pipelines_rotation_wiring_js__WEBPACK_IMPORTED_MODULE_4__.openExecutor)(creds, {
            databaseUrl,
            migrate: opts.migrate,
            registry,
            env: ctx.env,
            reporter: ctx.reporter,
            currentValue,
            names: _context_js__WEBPACK_IMPORTED_MODULE_6__/* .ROTATION_ENV_NAMES */ .Om,
        });
        try {
            const outcome = await (0,_pipelines_rotation_executor_js__WEBPACK_IMPORTED_MODULE_3__.runRotation)(secret, {
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
                throw new _context_js__WEBPACK_IMPORTED_MODULE_6__/* .ExitError */ .RS(`rotation of ${secret.name} failed: ${outcome.error ?? "see the job"}`, _context_js__WEBPACK_IMPORTED_MODULE_6__/* .EXIT */ .dc.failed);
        }
        finally {
            await opened.close();
        }
    });
}


/***/ }),

/***/ 4307:
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
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6773);
/* harmony import */ var _terminal_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6481);





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

/***/ 1985:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ACTION_CREDENTIAL_NAMES: () => (/* binding */ ACTION_CREDENTIAL_NAMES),
  v: () => (/* binding */ checkCredentials),
  m: () => (/* binding */ findSecret),
  openExecutor: () => (/* binding */ openExecutor),
  readRegistryFile: () => (/* binding */ readRegistryFile)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./.build/js/core/errors.js
var errors = __webpack_require__(1723);
// EXTERNAL MODULE: ./.build/js/core/health-inputs.js
var health_inputs = __webpack_require__(5490);
// EXTERNAL MODULE: ./.build/js/core/inputs.js
var inputs = __webpack_require__(1621);
// EXTERNAL MODULE: ./.build/js/core/registry.js + 1 modules
var core_registry = __webpack_require__(3529);
// EXTERNAL MODULE: ./.build/js/store/audit.js + 3 modules
var store_audit = __webpack_require__(7091);
// EXTERNAL MODULE: ./.build/js/store/rotation-jobs.js
var rotation_jobs = __webpack_require__(2499);
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
// EXTERNAL MODULE: ./.build/js/vendors/heroku.js
var vendors_heroku = __webpack_require__(6561);
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

// EXTERNAL MODULE: ./.build/js/pipelines/alerts.js
var alerts = __webpack_require__(8709);
// EXTERNAL MODULE: ./.build/js/pipelines/health-check.js
var health_check = __webpack_require__(9213);
;// CONCATENATED MODULE: ./.build/js/pipelines/rotation-wiring.js















const TIMEOUT_MS = 15_000;
/** Reads the surface registry the smoke test probes, with the status sweep's health defaults. */
function readRegistryFile(path) {
    if (!(0,external_node_fs_.existsSync)(path))
        throw new errors/* InputError */.dz("registry", `names a file that does not exist: ${path}`);
    return (0,core_registry/* parseRegistry */.l5)((0,external_node_fs_.readFileSync)(path, "utf8"), {
        file: path,
        parseHealth: (get) => (0,health_inputs/* parseHealthInputs */.Z)(get),
        healthDefaults: { attempts: "3", interval: "5s", timeout: "10s" },
    });
}
/** The secret of the inventory named `name`, or an error naming the input. */
function findSecret(inventory, name, input = "secret") {
    const wanted = (0,inputs/* requireValue */.vd)(input, name);
    const secret = inventory.secrets.find((s) => s.name === wanted);
    if (!secret)
        throw new errors/* InputError */.dz(input, `names no secret of ${inventory.file}: '${wanted}' (it has ${inventory.secrets.map((s) => s.name).join(", ")})`);
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
                    writer ??= Promise.all(/* import() */[__webpack_require__.e(108), __webpack_require__.e(95)]).then(__webpack_require__.bind(__webpack_require__, 7095)).then((m) => new m.GitHubSecretsWriter({ token: creds.githubSecretsToken, baseUrl: env.GITHUB_API_URL }));
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
            const { headers, secrets } = (0,core_registry/* resolveHeaders */.DQ)(surface, env, registry.secretEnv);
            for (const s of secrets)
                reporter.secret(s);
            const report = await (0,health_check/* runHealthCheck */.W)({ ...surface.health, headers }, { reporter: { ...reporter, info: () => { } } });
            return {
                healthy: report.healthy,
                detail: `${report.lastStatus ?? "no answer"} after ${report.attempts.length} attempt(s): ${report.lastReason}`,
            };
        },
    };
}


/***/ })

};
