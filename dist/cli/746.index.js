export const id = 746;
export const ids = [746];
export const modules = {

/***/ 8746:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  databaseUrlOf: () => (/* binding */ databaseUrlOf),
  registerRollback: () => (/* binding */ registerRollback),
  rollbackCommand: () => (/* binding */ rollbackCommand),
  slackTargetOf: () => (/* binding */ slackTargetOf),
  spoolDirOf: () => (/* binding */ spoolDirOf)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./.build/js/core/audit.js
var core_audit = __webpack_require__(113);
// EXTERNAL MODULE: ./.build/js/core/audit-checkpoint.js
var audit_checkpoint = __webpack_require__(9856);
// EXTERNAL MODULE: ./.build/js/core/deploy.js
var deploy = __webpack_require__(7307);
// EXTERNAL MODULE: ./.build/js/core/errors.js
var errors = __webpack_require__(1723);
// EXTERNAL MODULE: ./.build/js/core/gate.js
var gate = __webpack_require__(5263);
// EXTERNAL MODULE: ./.build/js/core/health-inputs.js
var health_inputs = __webpack_require__(5490);
// EXTERNAL MODULE: ./.build/js/core/heroku.js
var core_heroku = __webpack_require__(1844);
// EXTERNAL MODULE: ./.build/js/core/inputs.js
var inputs = __webpack_require__(1621);
// EXTERNAL MODULE: ./.build/js/core/pages.js
var core_pages = __webpack_require__(4366);
// EXTERNAL MODULE: ./.build/js/core/surface.js
var core_surface = __webpack_require__(6061);
// EXTERNAL MODULE: ./.build/js/pipelines/notify.js + 1 modules
var notify = __webpack_require__(3445);
// EXTERNAL MODULE: ./.build/js/pipelines/rollback.js
var rollback = __webpack_require__(2666);
// EXTERNAL MODULE: ./.build/js/store/audit.js + 3 modules
var store_audit = __webpack_require__(7091);
// EXTERNAL MODULE: ./.build/js/store/checkpoints.js
var checkpoints = __webpack_require__(5221);
// EXTERNAL MODULE: ./.build/js/store/db.js
var db = __webpack_require__(6522);
// EXTERNAL MODULE: ./.build/js/store/spool.js
var spool = __webpack_require__(7997);
// EXTERNAL MODULE: ./.build/js/vendors/heroku.js
var vendors_heroku = __webpack_require__(6561);
// EXTERNAL MODULE: ./.build/js/cli/context.js
var cli_context = __webpack_require__(6773);
// EXTERNAL MODULE: ./.build/js/cli/prompt.js
var cli_prompt = __webpack_require__(4307);
// EXTERNAL MODULE: ./.build/js/cli/terminal.js
var terminal = __webpack_require__(6481);
// EXTERNAL MODULE: ./.build/js/pipelines/health-check.js
var health_check = __webpack_require__(9213);
// EXTERNAL MODULE: ./.build/js/pipelines/pages-rollback.js
var pages_rollback = __webpack_require__(5437);
// EXTERNAL MODULE: ./.build/js/pipelines/surface-command.js + 1 modules
var surface_command = __webpack_require__(2897);
// EXTERNAL MODULE: ./.build/js/vendors/cloudflare-pages.js
var cloudflare_pages = __webpack_require__(7868);
;// CONCATENATED MODULE: ./.build/js/cli/commands/rollback-surfaces.js











/** A rollback that failed: the `deploy_failed` outcome row, Slack, exit 1. */
async function rollbackFailed(opts, run, surface, error, ctx, outcome = "deploy_failed", context = {}) {
    const { app, result } = run;
    result.error = error;
    result.audit.completed = await run.audit(run.record("completed", { outcome, context: { error, ...context } }));
    if (run.slack)
        await (0,notify/* notifySlack */.g)(run.slack, {
            status: "failure",
            app,
            surface,
            environment: opts.environment,
            production: run.production,
            actor: run.who,
            detail: `Rollback failed: ${error}`,
        }, { reporter: ctx.reporter });
    throw new cli_context/* ExitError */.RS(`rollback of ${app} failed: ${error}`, cli_context/* EXIT */.dc.failed);
}
/** `prodgate rollback --surface cloudflare-pages`: production back to the previous (or named) deployment. */
async function rollbackPagesCommand(ctx, opts, run) {
    const { reporter } = ctx;
    const { app, result, audit, record, slack, who, production } = run;
    const client = new cloudflare_pages/* CloudflarePagesClient */.n({
        apiToken: run.apiKey,
        accountId: run.accountId,
        baseUrl: ctx.env.CLOUDFLARE_API_URL || undefined,
        onRetry: (m) => reporter.warning(m),
    });
    let rolled;
    try {
        rolled = await (0,pages_rollback/* rollbackPages */.F)({ project: app, deployment: run.deployment }, { pages: client, reporter });
    }
    catch (err) {
        return await rollbackFailed(opts, run, "cloudflare-pages", (0,errors/* describeError */.Uc)(err), ctx);
    }
    const line = (d) => ({ version: d.short_id, commit: (0,core_pages/* commitOf */.D3)(d) ?? null });
    Object.assign(result, {
        ok: true,
        noop: rolled.noop,
        before: line(rolled.before),
        target: line(rolled.target),
        after: line(rolled.target),
        durationMs: rolled.durationMs,
        undo: rolled.noop
            ? undefined
            : `prodgate rollback --surface cloudflare-pages --app ${app} --deployment ${rolled.before.id}`,
    });
    result.audit.completed = await audit(record("completed", {
        outcome: "success",
        fromSha: (0,core_pages/* commitOf */.D3)(rolled.before),
        toSha: (0,core_pages/* commitOf */.D3)(rolled.target),
        context: {
            noop: rolled.noop,
            before_deployment: rolled.before.id,
            target_deployment: rolled.target.id,
        },
    }));
    if (slack && !rolled.noop)
        await (0,notify/* notifySlack */.g)(slack, {
            status: "rolled_back",
            app,
            surface: "cloudflare-pages",
            environment: opts.environment,
            production,
            actor: who,
            fromSha: (0,core_pages/* commitOf */.D3)(rolled.before),
            toSha: (0,core_pages/* commitOf */.D3)(rolled.target),
            detail: `prodgate rollback: production ${rolled.before.short_id} → ${rolled.target.short_id}`,
        }, { reporter });
    reporter.info((0,terminal/* paint */.nI)(rolled.noop
        ? `${app}: ${rolled.target.short_id} already serves production: nothing changed`
        : `↩ ${app} rolled back: production ${rolled.before.short_id} (${(0,core_heroku/* shortSha */.Fu)((0,core_pages/* commitOf */.D3)(rolled.before) ?? null)}) → ${rolled.target.short_id} (${(0,core_heroku/* shortSha */.Fu)((0,core_pages/* commitOf */.D3)(rolled.target) ?? null)}) in ${(rolled.durationMs / 1000).toFixed(1)} s`, "green", "bold"));
    reporter.info(`Audit: ${auditLine(result.audit)}`);
    if (result.undo)
        reporter.info(`To undo: ${result.undo}`);
    if (opts.json)
        ctx.json(result);
    return result;
}
/**
 * `prodgate rollback --surface command`: runs --rollback-command in this checkout as the deploy runs it after a
 * failed /health, with PRODGATE_FROM_SHA the SHA the newest successful deploy shipped (or what
 * --live-version-command prints) and PRODGATE_TO_SHA the one live before it (from the audit log), then probes
 * --health-url when given.
 */
async function rollbackCommandSurface(ctx, opts, run) {
    const { reporter } = ctx;
    const { app, result, audit, record, slack, who, production } = run;
    const startedAt = Date.now();
    const surface = (0,surface_command.commandSurface)(app, {
        kind: "command",
        deployCommand: "",
        rollbackCommand: run.rollbackCommand,
        liveVersionCommand: opts.liveVersionCommand,
    }, { reporter, cwd: process.cwd(), environment: opts.environment, env: ctx.env, secrets: run.secrets });
    let shas;
    let rolled;
    try {
        const live = opts.liveVersionCommand ? (await surface.inspect()).sha : undefined;
        const rows = run.store
            ? await (await run.store)
                .read({ target: app, action: `deploy.${opts.environment}`, phase: "completed" })
                .catch((err) => {
                reporter.warning(`cannot read the deploys of ${app} from the audit log: ${(0,errors/* describeError */.Uc)(err)}`);
                return [];
            })
            : [];
        shas = (0,core_surface/* commandRollbackShas */.hY)(rows, live);
        if (!shas.to)
            reporter.warning(`no successful deploy of ${app} to ${opts.environment}${live ? ` that shipped ${(0,core_heroku/* shortSha */.Fu)(live)}` : ""} in the audit log: PRODGATE_TO_SHA is empty`);
        rolled = await surface.rollBack({ alreadyLive: false, fromSha: shas.to, context: {} }, { sha: shas.from ?? "", reason: "prodgate rollback" });
    }
    catch (err) {
        return await rollbackFailed(opts, run, "command", (0,errors/* describeError */.Uc)(err), ctx);
    }
    const version = (sha, label) => ({
        version: label ?? (sha ? (0,core_heroku/* shortSha */.Fu)(sha) : "unknown"),
        commit: sha ?? null,
    });
    const health = run.health ? await (0,health_check/* runHealthCheck */.W)(run.health, { reporter }) : undefined;
    const facts = {
        rolled_back_to: rolled.to,
        ...rolled.context,
        ...(health ? { health_url: health.url, healthy: health.healthy } : {}),
    };
    if (health && !health.healthy)
        return await rollbackFailed(opts, run, "command", `rollback-command ran, but ${health.url} is unhealthy: ${health.lastReason}`, ctx, "health_check_failed", facts);
    Object.assign(result, {
        ok: true,
        before: version(shas.from),
        target: version(shas.to),
        after: version(rolled.toSha, rolled.toSha ? undefined : rolled.to),
        durationMs: Date.now() - startedAt,
    });
    result.audit.completed = await audit(record("completed", { outcome: "success", fromSha: shas.from, toSha: rolled.toSha, context: facts }));
    if (slack)
        await (0,notify/* notifySlack */.g)(slack, {
            status: "rolled_back",
            app,
            surface: "command",
            environment: opts.environment,
            production,
            actor: who,
            fromSha: shas.from,
            toSha: rolled.toSha,
            detail: `prodgate rollback: rollback-command, ${(0,core_heroku/* shortSha */.Fu)(shas.from ?? null)} → ${rolled.to}`,
        }, { reporter });
    reporter.info((0,terminal/* paint */.nI)(`↩ ${app} rolled back by rollback-command: ${(0,core_heroku/* shortSha */.Fu)(shas.from ?? null)} → ${rolled.to}${health ? ", healthy" : ""} in ${((result.durationMs ?? 0) / 1000).toFixed(1)} s`, "green", "bold"));
    reporter.info(`Audit: ${auditLine(result.audit)}`);
    if (opts.json)
        ctx.json(result);
    return result;
}
function auditLine(audit) {
    const parts = [];
    if (audit.started)
        parts.push(`started #${audit.started}`);
    if (audit.completed)
        parts.push(`completed #${audit.completed}`);
    if (audit.spooled.length)
        parts.push(`${audit.spooled.length} record(s) spooled`);
    return parts.join(", ") || "not written";
}

;// CONCATENATED MODULE: ./.build/js/cli/commands/rollback.js
























/** Where audit records that cannot be written are kept: --spool-dir, PRODGATE_SPOOL_DIR, ~/.prodgate/spool. */
function spoolDirOf(ctx, flag) {
    return flag || ctx.env.PRODGATE_SPOOL_DIR || (0,external_node_path_.join)((0,external_node_os_.homedir)(), ".prodgate", "spool");
}
/** DATABASE_URL (and its password) registered as secrets; undefined when unset. */
function databaseUrlOf(ctx, required) {
    const url = (0,cli_context/* envSecret */.eo)(ctx, "DATABASE_URL", required);
    if (url)
        for (const s of (0,db/* databaseUrlSecrets */.I6)(url))
            ctx.reporter.secret(s);
    return url;
}
/**
 * Slack from the environment: SLACK_BOT_TOKEN with --slack-channel (or PRODGATE_SLACK_CHANNEL), or
 * SLACK_WEBHOOK_URL; SLACK_API_URL overrides the Web API base. Undefined when none is set.
 */
function slackTargetOf(ctx, channelFlag) {
    const token = (0,cli_context/* envSecret */.eo)(ctx, "SLACK_BOT_TOKEN", false);
    const webhookUrl = (0,cli_context/* envSecret */.eo)(ctx, "SLACK_WEBHOOK_URL", false);
    const channel = channelFlag || ctx.env.PRODGATE_SLACK_CHANNEL || undefined;
    if (!token && !webhookUrl)
        return undefined;
    if (token && !channel && !webhookUrl) {
        ctx.reporter.warning("SLACK_BOT_TOKEN is set but no channel: pass --slack-channel (or PRODGATE_SLACK_CHANNEL); Slack is skipped");
        return undefined;
    }
    return { token, channel, webhookUrl, baseUrl: ctx.env.SLACK_API_URL || undefined };
}
/**
 * The kill switch: rolls the app back through the Platform API (runRollback), audited. It is never gated: no
 * prompt, no lock, and an audit database that cannot be reached does not stop it (the records are spooled
 * for `prodgate audit replay` instead, and the command says so).
 */
async function rollbackCommand(ctx, opts) {
    const { reporter } = ctx;
    const surface = (0,core_surface/* parseSurface */.j6)("--surface", opts.surface);
    const pages = surface === "cloudflare-pages";
    const command = surface === "command";
    const app = pages
        ? (0,core_pages/* parsePagesProject */.Xt)("--app", opts.app)
        : command
            ? (0,core_surface/* parseCommandTarget */.mA)("--app", opts.app)
            : (0,inputs/* parseHerokuApp */.j0)("--app", opts.app);
    const rollbackScript = command ? parseRollbackScript(opts.rollbackCommand) : "";
    const health = command && opts.healthUrl ? parseRollbackHealth(opts) : undefined;
    const release = pages || command ? { kind: "previous" } : (0,core_heroku/* parseReleaseRef */.GJ)("--release", opts.release ?? "");
    const deployment = pages ? (0,core_pages/* parseDeploymentRef */.cZ)("--deployment", opts.deployment ?? "") : undefined;
    const apiKey = command
        ? ""
        : ((0,cli_context/* envSecret */.eo)(ctx, pages ? "CLOUDFLARE_API_TOKEN" : "HEROKU_API_KEY", true) ?? "");
    const accountId = pages
        ? (0,core_pages/* parseAccountId */.cK)("--account-id (or CLOUDFLARE_ACCOUNT_ID)", opts.accountId || ctx.env.CLOUDFLARE_ACCOUNT_ID || "")
        : "";
    const databaseUrl = databaseUrlOf(ctx, false);
    const slack = slackTargetOf(ctx, opts.slackChannel);
    const spoolDir = spoolDirOf(ctx, opts.spoolDir);
    // A key that does not parse never stops a rollback: the checkpoint is skipped, with a warning.
    let signingKey = (0,cli_context/* envSecret */.eo)(ctx, "PRODGATE_AUDIT_SIGNING_KEY", false);
    try {
        if (signingKey)
            (0,audit_checkpoint/* parseSigningKey */.UG)("PRODGATE_AUDIT_SIGNING_KEY", signingKey);
    }
    catch (err) {
        reporter.warning(`${(0,errors/* describeError */.Uc)(err)}: the audit checkpoint will not be signed`);
        signingKey = undefined;
    }
    let actor;
    try {
        actor = await (0,cli_prompt/* resolveActor */.iy)(opts.actor, ctx.env, process.cwd());
    }
    catch (err) {
        reporter.warning(`${(0,errors/* describeError */.Uc)(err).replace(/^refused: /, "")}; the rollback goes on (it is never gated)`);
    }
    const who = actor?.email ?? "unknown";
    const runId = `local-${(0,external_node_crypto_.randomUUID)()}`;
    const secrets = [apiKey, ...(databaseUrl ? (0,db/* databaseUrlSecrets */.I6)(databaseUrl) : [])].filter(Boolean);
    const action = `rollback.${opts.environment}`;
    const production = (0,gate/* isProduction */.KV)(opts.environment, (0,inputs/* parseList */.E1)(opts.productionEnvironments ?? "production"));
    const result = {
        app,
        surface,
        environment: opts.environment,
        ok: false,
        actor: who,
        audit: { spooled: [] },
    };
    const store = databaseUrl
        ? store_audit/* AuditStore */.f.open(databaseUrl, { table: opts.auditTable, retry: { retries: 2 } })
        : undefined;
    store?.catch(() => { });
    if (!databaseUrl)
        reporter.warning(`DATABASE_URL is not set: the audit records go to ${spoolDir}; write them later with prodgate audit replay`);
    const audit = async (record) => {
        if (store) {
            try {
                const written = await (await store).write(record);
                if (record.phase === "completed") {
                    const checkpoint = await (0,checkpoints/* writeCheckpoint */.Kp)(await store, signingKey, { reason: "rollback" }).catch((err) => {
                        reporter.warning(`the audit checkpoint could not be written: ${(0,errors/* describeError */.Uc)(err)}`);
                        return undefined;
                    });
                    if (checkpoint)
                        reporter.info(checkpoint.logLine);
                }
                return written.id;
            }
            catch (err) {
                reporter.warning(`cannot write the ${record.phase} audit row: ${(0,errors/* describeError */.Uc)(err)}`);
            }
        }
        try {
            const file = await (0,spool/* spoolRecord */.he)(spoolDir, record);
            result.audit.spooled.push(file);
            reporter.warning(`audit record spooled to ${file}: write it with DATABASE_URL=... prodgate audit replay --spool ${spoolDir}`);
        }
        catch (err) {
            reporter.error(`cannot spool the audit record either (${(0,errors/* describeError */.Uc)(err)}); the record: ${JSON.stringify(record)}`);
        }
        return undefined;
    };
    const record = (phase, extra) => (0,core_audit/* buildAuditRecord */.Ti)({
        action,
        phase,
        outcome: extra.outcome,
        actor: who,
        target: app,
        fromSha: extra.fromSha ?? undefined,
        toSha: extra.toSha ?? undefined,
        trigger: "local-script",
        environment: opts.environment,
        runId,
        context: {
            command: "prodgate rollback",
            ...(pages
                ? { surface, deployment: deployment ?? "previous" }
                : command
                    ? { surface }
                    : { release: opts.release || "previous" }),
            actor_source: actor?.source ?? "none",
            ...extra.context,
        },
        createdAt: new Date(),
        secrets,
    });
    try {
        result.audit.started = await audit(record("started", {}));
        const run = { app, result, audit, record, slack, who, production };
        if (pages)
            return await rollbackPagesCommand(ctx, opts, { ...run, apiKey, accountId, deployment });
        if (command)
            return await rollbackCommandSurface(ctx, opts, {
                ...run,
                rollbackCommand: rollbackScript,
                store,
                health,
                secrets,
            });
        const heroku = new vendors_heroku/* HerokuClient */.K({
            apiKey,
            baseUrl: ctx.env.HEROKU_API_URL,
            onRetry: (m) => reporter.warning(m),
        });
        let rolled;
        try {
            rolled = await (0,rollback/* runRollback */.e)({ app, release }, { heroku, reporter });
        }
        catch (err) {
            return await rollbackFailed(opts, run, "heroku", (0,errors/* describeError */.Uc)(err), ctx);
        }
        const line = (l) => ({ version: l.release.version, commit: l.commit ?? null });
        Object.assign(result, {
            ok: true,
            noop: rolled.noop,
            before: line(rolled.before),
            target: line(rolled.target),
            after: line(rolled.after),
            durationMs: rolled.durationMs,
            undo: rolled.noop
                ? undefined
                : `prodgate rollback --app ${app} --release ${(0,core_heroku/* label */.Pf)(rolled.before.release)}`,
        });
        result.audit.completed = await audit(record("completed", {
            outcome: "success",
            fromSha: rolled.before.commit,
            toSha: rolled.after.commit,
            context: {
                noop: rolled.noop,
                before_release: (0,core_heroku/* label */.Pf)(rolled.before.release),
                target_release: (0,core_heroku/* label */.Pf)(rolled.target.release),
                after_release: (0,core_heroku/* label */.Pf)(rolled.after.release),
            },
        }));
        if (slack && !rolled.noop)
            await (0,notify/* notifySlack */.g)(slack, {
                status: "rolled_back",
                app,
                environment: opts.environment,
                production,
                actor: who,
                fromSha: rolled.before.commit ?? undefined,
                toSha: rolled.after.commit ?? undefined,
                detail: `prodgate rollback: ${(0,core_heroku/* label */.Pf)(rolled.before.release)} → ${(0,core_heroku/* label */.Pf)(rolled.after.release)} (Rollback to ${(0,core_heroku/* label */.Pf)(rolled.target.release)})`,
            }, { reporter });
        reporter.info((0,terminal/* paint */.nI)(rolled.noop
            ? `${app} already runs ${(0,core_heroku/* label */.Pf)(rolled.target.release)}: nothing changed`
            : `↩ ${app} rolled back: ${(0,core_heroku/* label */.Pf)(rolled.before.release)} (${(0,core_heroku/* shortSha */.Fu)(rolled.before.commit)}) → ${(0,core_heroku/* label */.Pf)(rolled.after.release)} running ${(0,core_heroku/* label */.Pf)(rolled.target.release)}'s code (${(0,core_heroku/* shortSha */.Fu)(rolled.after.commit)}) in ${(rolled.durationMs / 1000).toFixed(1)} s`, "green", "bold"));
        reporter.info(`Audit: ${auditLine(result.audit)}`);
        if (result.undo)
            reporter.info(`To undo: ${result.undo}`);
        if (opts.json)
            ctx.json(result);
        return result;
    }
    catch (err) {
        if (opts.json && !result.ok) {
            result.error ??= (0,errors/* describeError */.Uc)(err);
            ctx.json(result);
        }
        throw err;
    }
    finally {
        if (store)
            await (await store.catch(() => undefined))?.close();
    }
}
/** --rollback-command: required with --surface command, checked before anything runs. */
function parseRollbackScript(raw) {
    const script = raw?.trim() ?? "";
    if (!script)
        throw new errors/* InputError */.dz("--rollback-command", "is required with --surface command: what rolls the target back (bash, run in this checkout with PRODGATE_APP, PRODGATE_ENVIRONMENT, PRODGATE_FROM_SHA and PRODGATE_TO_SHA set)");
    return script;
}
/** --health-url and its --health-* flags, named as the deploy names them. */
function parseRollbackHealth(opts) {
    const flags = {
        url: opts.healthUrl,
        attempts: opts.healthAttempts,
        interval: opts.healthInterval,
        timeout: opts.healthTimeout,
        "expect-status": opts.healthExpectStatus,
    };
    const { failOnUnhealthy: _unused, ...health } = (0,health_inputs/* parseHealthInputs */.Z)((name) => {
        const flag = name.replace(/^--health-/, "");
        return flags[flag] ?? "";
    }, "--health-");
    return health;
}
function registerRollback(program, ctx) {
    program
        .command("rollback")
        .description("The kill switch: roll a Heroku app back to its previous release (or --release vN), a Pages project to its previous production deployment, or a command surface with its rollback command, audited")
        .option("--surface <kind>", "heroku, cloudflare-pages or command", "heroku")
        .requiredOption("--app <name>", "the Heroku app, the Pages project, or the name of a command surface")
        .option("--deployment <id>", "cloudflare-pages: the deployment to roll back to (default: the previous one)")
        .option("--account-id <id>", "cloudflare-pages: the Cloudflare account (default CLOUDFLARE_ACCOUNT_ID)")
        .option("--rollback-command <script>", "command: what rolls back (bash, in this checkout; required)")
        .option("--live-version-command <script>", "command: prints what is live, ideally a SHA")
        .option("--health-url <url>", "command: probed after the rollback command")
        .option("--health-attempts <n>", "command: health attempts before giving up", "5")
        .option("--health-interval <duration>", "command: wait between health attempts", "10s")
        .option("--health-timeout <duration>", "command: time limit of each health attempt", "5s")
        .option("--health-expect-status <codes>", "command: healthy statuses (200, 200,204, 2xx)", "200")
        .option("--release <vN>", "the release to roll back to: v41, 41 or a release id (default: the previous one)")
        .option("--environment <name>", "the environment the app serves (names the audit action)", "production")
        .option("--production-environments <list>", "environments that count as production", "production")
        .option("--actor <email>", "who rolls back (default PRODGATE_ACTOR, then git config user.email)")
        .option("--slack-channel <channel>", "announce it in this channel (with SLACK_BOT_TOKEN)")
        .option("--spool-dir <dir>", "where audit records go when the database cannot be written")
        .option("--audit-table <name>", "the audit table", "console_audit_log")
        .option("--json", "print the result as JSON on stdout")
        .addHelpText("after", `
Never gated: no prompt and no lock, so it works while a deploy is stuck. Audited: rows 'rollback.<environment>'
started and completed in DATABASE_URL; when the database cannot be written, the records are spooled (replay them
with 'prodgate audit replay').

--surface command runs --rollback-command with bash in this checkout, with PRODGATE_APP, PRODGATE_ENVIRONMENT,
PRODGATE_FROM_SHA (what the newest successful deploy shipped, or what --live-version-command prints) and
PRODGATE_TO_SHA (what was live before that deploy, from the audit log) set, then probes --health-url if given.

Environment: HEROKU_API_KEY (required; CLOUDFLARE_API_TOKEN and CLOUDFLARE_ACCOUNT_ID for --surface
cloudflare-pages, CLOUDFLARE_API_URL; none for --surface command), DATABASE_URL, SLACK_BOT_TOKEN or SLACK_WEBHOOK_URL, PRODGATE_ACTOR,
PRODGATE_SLACK_CHANNEL, PRODGATE_SPOOL_DIR, HEROKU_API_URL.
Exit codes: 0 rolled back (or nothing to do), 1 the rollback failed, 2 bad usage.
Same as: ${(0,deploy/* rollbackCommands */.P0)("APP").heroku}`)
        .action(async (opts) => {
        await rollbackCommand(ctx, opts);
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

/***/ 7307:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BV: () => (/* binding */ renderGatedDeploySummary),
/* harmony export */   NH: () => (/* binding */ describePath),
/* harmony export */   P0: () => (/* binding */ rollbackCommands),
/* harmony export */   XV: () => (/* binding */ confirmationPhrase),
/* harmony export */   rv: () => (/* binding */ DeployPath),
/* harmony export */   ye: () => (/* binding */ DEPLOY_HEADLINES)
/* harmony export */ });
/* unused harmony export renderStateDiagram */
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8760);
/* harmony import */ var _health_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(778);
/* harmony import */ var _heroku_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1844);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1621);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(333);
/* harmony import */ var _surface_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6061);
/**
 * The deploy state machine of seed 002 §5, as data: the states a gated deploy passes through, the transitions
 * allowed between them, and renderers for the path a deploy took. Pure: the pipeline drives it.
 */






const TRANSITIONS = {
    triggered: ["gate_checks"],
    gate_checks: ["locked", "refused"],
    refused: ["done"],
    // Under the lock, the live SHA is read again: one that moved since the preview refuses the deploy.
    locked: ["audit_started", "audit_refused", "refused"],
    audit_refused: ["done"],
    audit_started: ["deploying"],
    deploying: ["health_check", "deploy_failed"],
    deploy_failed: ["audited"],
    health_check: ["healthy", "health_failed"],
    healthy: ["audited"],
    health_failed: ["rolling_back", "audited"],
    rolling_back: ["rolled_back", "rollback_failed"],
    rolled_back: ["audited"],
    rollback_failed: ["audited"],
    audited: ["done"],
    done: [],
};
const LABELS = {
    triggered: "Triggered",
    gate_checks: "Gate checks",
    refused: "Refused",
    locked: "Deploy lock held",
    audit_started: "Audit: started",
    audit_refused: "Audit unreachable: refused",
    deploying: "Deploying",
    deploy_failed: "Deploy failed",
    health_check: "Health check",
    healthy: "Healthy",
    health_failed: "Health check failed",
    rolling_back: "Rolling back",
    rolled_back: "Rolled back",
    rollback_failed: "Rollback failed",
    audited: "Audit: outcome",
    done: "Done",
};
/** The path a deploy takes; refuses transitions the state machine does not have. */
class DeployPath {
    states = ["triggered"];
    get current() {
        return this.states[this.states.length - 1];
    }
    go(next) {
        if (!TRANSITIONS[this.current].includes(next)) {
            throw new Error(`deploy state machine: no transition ${this.current} → ${next}`);
        }
        this.states.push(next);
    }
    has(state) {
        return this.states.includes(state);
    }
}
/** A Mermaid state diagram of the whole machine with the path taken marked (GitHub renders it in summaries). */
function renderStateDiagram(path) {
    const lines = ["```mermaid", "stateDiagram-v2", "  direction LR"];
    for (const [state, label] of Object.entries(LABELS))
        lines.push(`  ${state}: ${label}`);
    lines.push("  [*] --> triggered");
    const taken = new Set();
    for (let i = 1; i < path.length; i++)
        taken.add(`${path[i - 1]}>${path[i]}`);
    for (const [from, tos] of Object.entries(TRANSITIONS)) {
        for (const to of tos)
            lines.push(`  ${from} --> ${to}${taken.has(`${from}>${to}`) ? ": taken" : ""}`);
    }
    lines.push("  done --> [*]");
    lines.push("  classDef taken fill:#1f883d,color:#ffffff,stroke:#1a7f37");
    lines.push("  classDef failed fill:#cf222e,color:#ffffff,stroke:#a40e26");
    const failedStates = new Set([
        "refused",
        "audit_refused",
        "deploy_failed",
        "health_failed",
        "rollback_failed",
    ]);
    const okTaken = [...new Set(path)].filter((s) => !failedStates.has(s));
    const badTaken = [...new Set(path)].filter((s) => failedStates.has(s));
    if (okTaken.length)
        lines.push(`  class ${okTaken.join(",")} taken`);
    if (badTaken.length)
        lines.push(`  class ${badTaken.join(",")} failed`);
    lines.push("```");
    return lines.join("\n");
}
function describePath(path) {
    return path.map((s) => LABELS[s]).join(" → ");
}
/** The command that rolls the app back; always shown after a deploy. */
function rollbackCommands(app) {
    return { prodgate: `prodgate rollback --app ${app}`, heroku: `heroku releases:rollback --app ${app}` };
}
/** The phrase a person types at the break-glass prompt: it names the target, never a generic "yes". */
function confirmationPhrase(app, environment) {
    return `deploy ${app} to ${environment}`;
}
const DEPLOY_HEADLINES = {
    success: "✅ Deployed",
    deploy_failed: "❌ Deploy failed",
    health_check_failed: "❌ Health check failed",
    rolled_back: "↩️ Health check failed: rolled back",
    rejected: "⛔ Deploy refused",
};
/** The job summary of a deploy. Pure. */
function renderGatedDeploySummary(settings, result, extra = {
    notices: [],
    spoolSummaries: [],
}) {
    const hint = (0,_surface_js__WEBPACK_IMPORTED_MODULE_4__/* .rollbackHint */ .If)(settings.surface ?? "heroku", settings.app);
    const cell = _markdown_js__WEBPACK_IMPORTED_MODULE_5__/* .escapeMd */ .X;
    const rows = [
        ["Outcome", `\`${result.outcome}\``],
        ["App", cell(settings.app)],
        ["Environment", cell(settings.environment)],
        [
            "From → to",
            `${result.fromSha ? `\`${(0,_heroku_js__WEBPACK_IMPORTED_MODULE_2__/* .shortSha */ .Fu)(result.fromSha)}\`` : "_nothing live_"} → \`${(0,_heroku_js__WEBPACK_IMPORTED_MODULE_2__/* .shortSha */ .Fu)(result.toSha)}\``,
        ],
        [
            "Release",
            result.release
                ? `${result.release}${result.previousRelease ? ` (was ${result.previousRelease})` : ""}`
                : undefined,
        ],
        ["Rolled back to", result.rolledBackTo],
        ["Method", `\`${settings.method}\``],
        ["Actor", cell(settings.actor)],
        ["Approved by", result.approvedBy ? cell(result.approvedBy) : undefined],
        ["Trigger", settings.trigger],
        [
            "Audit",
            [
                result.auditIds.started ? `started #${result.auditIds.started}` : "",
                result.auditIds.completed ? `outcome #${result.auditIds.completed}` : "",
                result.auditIds.rollback ? `rollback #${result.auditIds.rollback}` : "",
                result.auditSpooled ? "⚠️ outcome spooled (below)" : "",
            ]
                .filter(Boolean)
                .join(", ") || "no row written",
        ],
        ["App URL", result.appUrl ? cell((0,_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .redactUrl */ .BO)(result.appUrl)) : undefined],
    ];
    const lines = [
        `## ${DEPLOY_HEADLINES[result.outcome]}: ${cell(settings.app)} (${cell(settings.environment)})`,
        "",
    ];
    if (result.reason)
        lines.push(`> [!${result.outcome === "success" ? "NOTE" : "CAUTION"}]`, `> ${cell(result.reason)}`, "");
    if (result.interrupted)
        lines.push("> [!WARNING]", "> Interrupted: the outcome was recorded and the lock released.", "");
    lines.push("| | |", "| --- | --- |", ...rows.filter(([, v]) => v).map(([k, v]) => `| ${k} | ${v} |`), "");
    for (const n of extra.notices)
        lines.push("> [!WARNING]", `> ${cell(n)}`, "");
    lines.push("### Path", "", describePath(result.path), "", renderStateDiagram(result.path), "");
    if (result.health)
        lines.push((0,_health_js__WEBPACK_IMPORTED_MODULE_1__/* .renderHealthSummary */ .nb)(result.health));
    lines.push("### Roll back", "", hint.how, "", "```sh", ...hint.commands, "```", "");
    if (hint.workflow)
        lines.push(`Or run the \`${hint.workflow}\` workflow.`, "");
    for (const s of extra.spoolSummaries)
        lines.push(s);
    const took = `Took ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(result.durationMs)}.`;
    lines.push(settings.runUrl ? `${took} [The workflow run](${settings.runUrl})` : took, "");
    return `${lines.join("\n")}\n`;
}


/***/ }),

/***/ 5263:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bk: () => (/* binding */ isNeverAllowedEvent),
/* harmony export */   F$: () => (/* binding */ checkTriggerEvent),
/* harmony export */   G: () => (/* binding */ parseBranches),
/* harmony export */   KV: () => (/* binding */ isProduction),
/* harmony export */   RJ: () => (/* binding */ planEnvironment),
/* harmony export */   _y: () => (/* binding */ parseReviewers),
/* harmony export */   kz: () => (/* binding */ reviewerLabel),
/* harmony export */   yS: () => (/* binding */ requiredReviewers)
/* harmony export */ });
/* unused harmony exports PRODUCTION_EVENT, MAX_REVIEWERS */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1723);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1621);


/** The one event that starts a production deploy without a policy naming another (plus the CLI's typed phrase). */
const PRODUCTION_EVENT = "workflow_dispatch";
/**
 * Events that can never start a production deploy, not even when a policy names them: a push or a pull
 * request (any `pull_request*` event), a schedule, or another workflow's completion deploy by accident.
 */
function isNeverAllowedEvent(eventName) {
    const e = eventName.trim().toLowerCase();
    return e === "push" || e.startsWith("pull_request") || e === "schedule" || e === "workflow_run";
}
/** The one meaning of production: the environment is one of `production-environments` (case-insensitive). */
function isProduction(environment, productionEnvironments) {
    const env = environment.trim().toLowerCase();
    return productionEnvironments.some((p) => p.trim().toLowerCase() === env);
}
/**
 * The structural guard, an allow-list: production starts only from `workflow_dispatch`, or from an event the
 * policy file names deliberately (`events:`), and never from push, pull_request*, schedule or workflow_run.
 * The refusal quotes the event as GitHub spells it.
 */
function checkTriggerEvent(eventName, environment, productionEnvironments, allowedEvents = []) {
    if (!isProduction(environment, productionEnvironments))
        return;
    const event = eventName.trim();
    if (event === PRODUCTION_EVENT)
        return;
    if (!isNeverAllowedEvent(event) && allowedEvents.some((e) => e.trim() === event))
        return;
    const extra = allowedEvents.filter((e) => !isNeverAllowedEvent(e));
    const allowed = [PRODUCTION_EVENT, ...extra].join(", ");
    const hint = isNeverAllowedEvent(event)
        ? ` '${event}' can never deploy to production.`
        : ` To deploy from '${event}' deliberately, name it under environments.${environment}.events in .github/prodgate.yml on the default branch.`;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue(`refusing to deploy to ${environment}: the run was triggered by '${event}'. Production deploys start only from ${allowed} or the break-glass CLI.${hint}`);
}
/** Reviewers of the environment's required_reviewers rule; refuses when there are none and they are required. */
function requiredReviewers(env, environment, repository, require) {
    const rule = env?.protection_rules?.find((r) => r.type === "required_reviewers");
    const reviewers = (rule?.reviewers ?? []).map((r) => r.type === "Team" ? `@${r.reviewer.slug ?? r.reviewer.name ?? "team"}` : (r.reviewer.login ?? "unknown"));
    if (require && reviewers.length === 0) {
        const why = env ? "has no required reviewers" : "does not exist";
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue(`environment '${environment}' of ${repository} ${why}, so nobody would approve this deploy. Add required reviewers (Settings → Environments → ${environment} → Required reviewers, or \`prodgate env setup --repo ${repository} --environment ${environment} --reviewers LOGIN\`), or use the issue-comment gate (mode: issue) where required reviewers are not available.`);
    }
    return reviewers;
}
/** GitHub allows up to six reviewers (users or teams) on an environment. */
const MAX_REVIEWERS = 6;
function reviewerLabel(r) {
    return r.type === "User" ? r.login : `@${r.org}/${r.slug}`;
}
/** `alice,bob,@acme/ops`: users by login, teams as @org/slug; at most six, no duplicates. */
function parseReviewers(input, raw) {
    const out = [];
    for (const part of (0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .parseList */ .E1)(raw)) {
        const team = /^@([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9_.-]{1,100})$/.exec(part);
        if (team)
            out.push({ type: "Team", org: team[1], slug: team[2].toLowerCase() });
        else if (/^@?[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/.test(part))
            out.push({ type: "User", login: part.replace(/^@/, "") });
        else
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `has '${part}', which is neither a GitHub login nor a team as @org/team-slug`);
    }
    if (out.length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, "must name at least one reviewer (login or @org/team)");
    const labels = out.map((r) => reviewerLabel(r).toLowerCase());
    const dup = labels.find((l, i) => labels.indexOf(l) !== i);
    if (dup)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `names ${dup} twice`);
    if (out.length > MAX_REVIEWERS)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `names ${out.length} reviewers; GitHub allows at most ${MAX_REVIEWERS}`);
    return out;
}
/** Deployment branch names for `--branch`: `main`, `release/*`; fnmatch patterns GitHub takes. */
function parseBranches(input, raw) {
    const out = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .parseList */ .E1)(raw);
    for (const b of out)
        if (b.length > 255 || /[\s~^:?\\\u0000-\u001f\u007f]/.test(b) || b.startsWith("-") || b.includes(".."))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `has '${b}', which is not a branch name or pattern`);
    return [...new Set(out)];
}
/**
 * What `prodgate env setup` must change so that the environment matches `spec` (environment as code):
 * nothing when it already does, so running it again changes nothing. `ids` maps each reviewer's label to
 * the id GitHub knows it by; `currentBranches` are the names of the environment's branch policies.
 */
function planEnvironment(current, currentBranches, spec, ids) {
    const changes = [];
    const rule = current?.protection_rules?.find((r) => r.type === "required_reviewers");
    const have = new Set((rule?.reviewers ?? []).map((r) => r.type === "Team"
        ? `team:${r.reviewer.id ?? r.reviewer.slug}`
        : `user:${r.reviewer.id ?? r.reviewer.login}`));
    const want = new Set(spec.reviewers.map((r) => `${r.type === "Team" ? "team" : "user"}:${ids.get(reviewerLabel(r))}`));
    if (!current)
        changes.push("create the environment");
    if (have.size !== want.size || [...want].some((w) => !have.has(w)))
        changes.push(`required reviewers → ${spec.reviewers.map(reviewerLabel).join(", ")}`);
    if (Boolean(rule?.prevent_self_review) !== spec.preventSelfReview)
        changes.push(`prevent self-review → ${spec.preventSelfReview}`);
    const timerRule = current?.protection_rules?.find((r) => r.type === "wait_timer");
    if (spec.waitTimer !== undefined && (timerRule?.wait_timer ?? 0) !== spec.waitTimer)
        changes.push(`wait timer → ${spec.waitTimer} min`);
    const policy = current?.deployment_branch_policy ?? null;
    let branchPolicy;
    if (spec.branches !== undefined) {
        branchPolicy = spec.branches.length ? { protected_branches: false, custom_branch_policies: true } : null;
        const same = branchPolicy === null
            ? policy === null
            : Boolean(policy?.custom_branch_policies && !policy.protected_branches);
        if (!same)
            changes.push(branchPolicy ? "deployment branches → selected branches only" : "deployment branches → any branch");
    }
    const put = changes.length > 0
        ? {
            ...(spec.waitTimer !== undefined
                ? { wait_timer: spec.waitTimer }
                : timerRule?.wait_timer
                    ? { wait_timer: timerRule.wait_timer }
                    : {}),
            prevent_self_review: spec.preventSelfReview,
            reviewers: spec.reviewers.map((r) => ({ type: r.type, id: ids.get(reviewerLabel(r)) })),
            deployment_branch_policy: branchPolicy === undefined ? policy : branchPolicy,
        }
        : undefined;
    const wanted = spec.branches ?? [];
    const branchesToAdd = spec.branches ? wanted.filter((b) => !currentBranches.includes(b)) : [];
    const branchesToRemove = spec.branches ? currentBranches.filter((b) => !wanted.includes(b)) : [];
    for (const b of branchesToAdd)
        changes.push(`allow deploys from branch ${b}`);
    for (const b of branchesToRemove)
        changes.push(`no longer allow deploys from branch ${b}`);
    return { changes, put, branchesToAdd, branchesToRemove };
}


/***/ }),

/***/ 4366:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D3: () => (/* binding */ commitOf),
/* harmony export */   DY: () => (/* binding */ deploymentState),
/* harmony export */   J2: () => (/* binding */ PAGES_MAX_FILE_BYTES),
/* harmony export */   KM: () => (/* binding */ uploadTokenClaims),
/* harmony export */   MC: () => (/* binding */ pagesManifest),
/* harmony export */   ME: () => (/* binding */ fileTooLarge),
/* harmony export */   S9: () => (/* binding */ productionDomain),
/* harmony export */   SS: () => (/* binding */ PagesLimitError),
/* harmony export */   Tc: () => (/* binding */ uploadBuckets),
/* harmony export */   Uj: () => (/* binding */ previousProductionDeployment),
/* harmony export */   Xt: () => (/* binding */ parsePagesProject),
/* harmony export */   Z: () => (/* binding */ tooManyFiles),
/* harmony export */   cI: () => (/* binding */ PAGES_MAX_FILES),
/* harmony export */   cK: () => (/* binding */ parseAccountId),
/* harmony export */   cZ: () => (/* binding */ parseDeploymentRef),
/* harmony export */   dE: () => (/* binding */ PAGES_UPLOAD_CONCURRENCY),
/* harmony export */   fo: () => (/* binding */ pagesIgnored),
/* harmony export */   g4: () => (/* binding */ failedStage),
/* harmony export */   hT: () => (/* binding */ rollbackRefusal),
/* harmony export */   oq: () => (/* binding */ pagesHealthUrl)
/* harmony export */ });
/* unused harmony exports PAGES_BUCKET_BYTES, PAGES_BUCKET_FILES, pagesRollbackHint */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1723);

/**
 * Cloudflare Pages Direct Upload, the pure parts: which files of a build directory are assets (wrangler's
 * ignore list), the limits Pages enforces, the manifest a deployment is created with, how missing files are
 * packed into upload requests (wrangler's buckets), the upload token's claims, and reading deployments
 * (stages, production, rollback targets). Hashing and the directory walk live in vendors/pages-files.ts.
 */
/** Pages serves no file larger than this (wrangler's MAX_ASSET_SIZE). */
const PAGES_MAX_FILE_BYTES = 25 * 1024 * 1024;
/** Files one deployment may hold when the upload token does not say otherwise (MAX_ASSET_COUNT_DEFAULT). */
const PAGES_MAX_FILES = 20_000;
/** One upload request carries at most this many bytes of files (before base64) and this many files. */
const PAGES_BUCKET_BYTES = 40 * 1024 * 1024;
const PAGES_BUCKET_FILES = 2_000;
/** Upload requests in flight at once (wrangler's BULK_UPLOAD_CONCURRENCY). */
const PAGES_UPLOAD_CONCURRENCY = 3;
/** Top-level names wrangler never uploads as assets: configuration files, Functions, its own state. */
const TOP_LEVEL_IGNORED = new Set([
    "_worker.js",
    "_redirects",
    "_headers",
    "_routes.json",
    "functions",
    ".wrangler",
]);
/** Names ignored at any depth (wrangler's `**\/name` patterns). */
const ANY_DEPTH_IGNORED = new Set([".DS_Store", "node_modules", ".git"]);
/**
 * Whether wrangler leaves this entry (a path relative to the build directory, `/`-separated, a file or a
 * folder) out of a deployment. Wrangler matches minimatch patterns without `dot`, so a `**` never crosses a
 * folder whose name starts with a dot: `.well-known/.git` is uploaded, `docs/.git` is not.
 */
function pagesIgnored(relPath) {
    const parts = relPath.split("/");
    if (parts.length === 1 && TOP_LEVEL_IGNORED.has(relPath))
        return true;
    const last = parts[parts.length - 1] ?? "";
    if (!ANY_DEPTH_IGNORED.has(last))
        return false;
    return parts.slice(0, -1).every((p) => !p.startsWith("."));
}
/** A file is over Pages' size limit, or a directory over its file-count limit. */
class PagesLimitError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProdgateError */ .fc {
    name = "PagesLimitError";
}
function fileTooLarge(name, size) {
    return new PagesLimitError(`${name} is ${size.toLocaleString("en-US")} bytes: Cloudflare Pages serves files up to 25 MiB ` +
        `(${PAGES_MAX_FILE_BYTES.toLocaleString("en-US")} bytes). Split it, compress it, or serve it from R2.`);
}
function tooManyFiles(count, limit, directory) {
    return new PagesLimitError(`${directory} holds ${count.toLocaleString("en-US")} files: Cloudflare Pages takes up to ` +
        `${limit.toLocaleString("en-US")} in one deployment on this plan. Check that 'directory' is the build output.`);
}
/** The deployment manifest: `/name` → hash for every asset, in name order (what wrangler sends). */
function pagesManifest(assets) {
    const sorted = [...assets].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return Object.fromEntries(sorted.map((a) => [`/${a.name}`, a.hash]));
}
/**
 * Packs the files to upload into requests the way wrangler does: largest first, spread round-robin over
 * `PAGES_UPLOAD_CONCURRENCY` buckets of at most `PAGES_BUCKET_BYTES` and `PAGES_BUCKET_FILES`, a new bucket
 * when none has room. Empty buckets are dropped.
 */
function uploadBuckets(files) {
    const sorted = [...files].sort((a, b) => b.sizeInBytes - a.sizeInBytes);
    const buckets = Array.from({ length: PAGES_UPLOAD_CONCURRENCY }, () => ({
        files: [],
        room: PAGES_BUCKET_BYTES,
    }));
    let offset = 0;
    for (const file of sorted) {
        let placed = false;
        for (let i = 0; i < buckets.length; i++) {
            const bucket = buckets[(i + offset) % buckets.length];
            if (bucket.room >= file.sizeInBytes && bucket.files.length < PAGES_BUCKET_FILES) {
                bucket.files.push(file);
                bucket.room -= file.sizeInBytes;
                placed = true;
                break;
            }
        }
        if (!placed)
            buckets.push({ files: [file], room: PAGES_BUCKET_BYTES - file.sizeInBytes });
        offset++;
    }
    return buckets.filter((b) => b.files.length > 0).map((b) => b.files);
}
function uploadTokenClaims(jwt) {
    const part = jwt.split(".")[1];
    let claims = {};
    try {
        if (part) {
            const binary = atob(part.replace(/-/g, "+").replace(/_/g, "/"));
            const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
            claims = JSON.parse(new TextDecoder().decode(bytes));
        }
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProdgateError */ .fc("Cloudflare sent an upload token that is not a JWT");
    }
    const max = claims.max_file_count_allowed;
    return {
        ...(typeof claims.exp === "number" ? { expiresAt: new Date(claims.exp * 1000) } : {}),
        maxFileCount: typeof max === "number" && max > 0 ? max : PAGES_MAX_FILES,
    };
}
/** Done (deploy stage succeeded), failed (a stage failed or was canceled), or still going. */
function deploymentState(d) {
    const stages = d.stages?.length ? d.stages : [d.latest_stage];
    if (stages.some((s) => s.status === "failure" || s.status === "canceled"))
        return "failure";
    if (d.latest_stage.name === "deploy" && d.latest_stage.status === "success")
        return "success";
    return "pending";
}
/** The stage that failed, for messages: `build (failure)`. */
function failedStage(d) {
    const stages = d.stages?.length ? d.stages : [d.latest_stage];
    const bad = stages.find((s) => s.status === "failure" || s.status === "canceled") ?? d.latest_stage;
    return `${bad.name} (${bad.status})`;
}
function commitOf(d) {
    const sha = d?.deployment_trigger?.metadata?.commit_hash;
    return sha ? sha : undefined;
}
const newestFirst = (list) => [...list].sort((a, b) => (a.created_on < b.created_on ? 1 : a.created_on > b.created_on ? -1 : 0));
/**
 * The rollback target: the newest successful production deployment older than the one serving production
 * (`live`). Undefined when there is none in `list`.
 */
function previousProductionDeployment(list, live) {
    return newestFirst(list).find((d) => d.id !== live.id &&
        d.environment === "production" &&
        d.created_on <= live.created_on &&
        deploymentState(d) === "success");
}
/** Why a deployment cannot be rolled back to, or undefined when it can (Pages' own rules). */
function rollbackRefusal(d) {
    if (d.environment !== "production")
        return "it is a preview deployment (only production deployments can be rolled back to)";
    if (deploymentState(d) !== "success")
        return `it did not finish successfully (${failedStage(d)})`;
    return undefined;
}
/** The domain production answers on: the first custom domain, else `<project>.pages.dev`. */
function productionDomain(project) {
    return project.domains?.find((d) => !d.endsWith(".pages.dev")) ?? project.subdomain;
}
/** The default health URL of a Pages project: `/health` on its production domain. */
function pagesHealthUrl(project) {
    return `https://${productionDomain(project)}/health`;
}
/** How to undo a Pages deploy: what to roll back to, for the summary, Slack and the deploy comment. */
function pagesRollbackHint(project, previous) {
    if (!previous)
        return `${project} had no production deployment before this one: there is nothing to roll back to.`;
    const sha = commitOf(previous);
    return `Roll ${project} back to ${previous.id}${sha ? ` (${sha.slice(0, 7)})` : ""}: cloudflare-pages-rollback with \`deployment: ${previous.id}\`, or \`prodgate rollback --surface cloudflare-pages --app ${project}\`.`;
}
/** A deployment named by the user: its full id (a UUID) or the 8-character short id. */
function parseDeploymentRef(input, raw) {
    const text = raw.trim();
    if (!text)
        return undefined;
    if (/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i.test(text) || /^[0-9a-f]{8}$/i.test(text))
        return text.toLowerCase();
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `must be a Pages deployment id (a UUID or its first 8 characters); got '${text.slice(0, 60)}'`);
}
/** A Pages project name: lowercase letters, digits and dashes, 1-58 characters, not starting or ending with a dash. */
function parsePagesProject(input, raw) {
    const text = raw.trim();
    if (!text)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, "is required (the Pages project name)");
    if (!/^[a-z0-9]([a-z0-9-]{0,56}[a-z0-9])?$/.test(text))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `must be a Pages project name (lowercase letters, digits and dashes); got '${text.slice(0, 60)}'`);
    return text;
}
/** A Cloudflare account ID: 32 hex digits. */
function parseAccountId(input, raw) {
    const text = raw.trim();
    if (!text)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, "is required (the Cloudflare account ID)");
    if (!/^[0-9a-f]{32}$/i.test(text))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `must be a Cloudflare account ID (32 hex digits); got '${text.slice(0, 40)}'`);
    return text.toLowerCase();
}


/***/ }),

/***/ 2634:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ed: () => (/* binding */ fileTotals),
/* harmony export */   L5: () => (/* binding */ classifyPreview),
/* harmony export */   NI: () => (/* binding */ stickyKey),
/* harmony export */   Sd: () => (/* binding */ largestFiles),
/* harmony export */   dT: () => (/* binding */ MAX_PREVIEW_COMMITS),
/* harmony export */   h0: () => (/* binding */ short),
/* harmony export */   mV: () => (/* binding */ renderPreviewMarkdown),
/* harmony export */   vo: () => (/* binding */ sameSha),
/* harmony export */   w: () => (/* binding */ previewLogLines)
/* harmony export */ });
/* unused harmony exports DEFAULT_MAX_BYTES, isRollback, previewOutputs, targetBanner, firstLine, statusSentence */
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(333);

const MAX_PREVIEW_COMMITS = 250;
/** GitHub's comment limit is 65,536 characters; a summary stays well inside 64 KiB as well. */
const DEFAULT_MAX_BYTES = 60_000;
/**
 * The relation of the live SHA to the target. `compare` is GitHub's status of base=live...head=target, or
 * "unknown" when GitHub does not know the live SHA (or they share no history).
 */
function classifyPreview(fromSha, toSha, compare) {
    if (!fromSha)
        return "first-deploy";
    if (sameSha(fromSha, toSha))
        return "identical";
    return compare ?? "unknown";
}
/** Equal SHAs, one possibly abbreviated (at least 7 characters). */
function sameSha(a, b) {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    if (x.length < 7 || y.length < 7)
        return x === y;
    return x.startsWith(y) || y.startsWith(x);
}
const isRollback = (p) => p.status === "behind";
/** The action's outputs. */
function previewOutputs(p) {
    return {
        "from-sha": p.from?.sha ?? "",
        // What the deploy compares the live SHA with: the SHA, `none` (nothing was live), or '' (not known).
        "previewed-from": p.from?.sha ?? (p.liveKnown === false ? "" : "none"),
        "to-sha": p.to.sha,
        status: p.status,
        "commit-count": p.commitCount,
        ahead: p.ahead,
        behind: p.behind,
        "is-rollback": isRollback(p),
        "first-deploy": p.status === "first-deploy",
    };
}
/** The key of the one sticky comment per app and environment (shared with the deploy's outcome comment). */
function stickyKey(app, environment) {
    return `${app ?? "-"}@${environment}`;
}
/** "TARGET: PRODUCTION · my-app" */
function targetBanner(environment, app) {
    return `TARGET: ${environment.toUpperCase()}${app ? ` · ${app}` : ""}`;
}
function firstLine(message, max = 72) {
    const line = (message.split(/\r?\n/, 1)[0] ?? "").trim();
    return cut(line, max);
}
/** One plain sentence per status, for the log and the banner. */
function statusSentence(p) {
    const target = p.app ? `${p.app} (${p.environment})` : p.environment;
    const n = (count, word) => `${count.toLocaleString("en-US")} ${word}${count === 1 ? "" : "s"}`;
    switch (p.status) {
        case "ahead":
            return `${n(p.ahead, "commit")} will ship to ${target}.`;
        case "identical":
            return `Nothing to ship: ${target} already runs ${short(p.to.sha)}.`;
        case "behind":
            return `ROLLBACK: the target is ${n(p.behind, "commit")} BEHIND what ${target} runs now; deploying it removes them.`;
        case "diverged":
            return `DIVERGED: what ${target} runs is not an ancestor of the target (deployed from another branch?): ${n(p.ahead, "commit")} ship and ${n(p.behind, "live commit")} disappear.`;
        case "unknown":
            return `UNKNOWN: the SHA live on ${target} (${short(p.from?.sha ?? "")}) is not in ${p.repository}${p.note ? ` (${p.note})` : ""}; what changes cannot be listed.`;
        case "first-deploy":
            return `First deploy: nothing is live on ${target} yet; ${n(p.commitCount, "commit")} of history up to ${short(p.to.sha)} ship.`;
    }
}
/** Log lines (no markdown). */
function previewLogLines(p) {
    const from = p.from
        ? `${short(p.from.sha)}${p.from.release ? ` (live, ${p.from.release})` : ""}`
        : "(nothing live)";
    const ref = p.to.ref && !sameSha(p.to.ref, p.to.sha) ? ` (${p.to.ref})` : "";
    const lines = [targetBanner(p.environment, p.app), `${from} → ${short(p.to.sha)}${ref}`, statusSentence(p)];
    for (const c of p.commits.slice(0, 20))
        lines.push(`  ${short(c.sha)} ${firstLine(c.message)} (${c.author})`);
    if (p.commitCount > Math.min(20, p.commits.length))
        lines.push(`  … and ${(p.commitCount - Math.min(20, p.commits.length)).toLocaleString("en-US")} more`);
    return lines;
}
/**
 * The preview as markdown: banner, from → to with links, the status (a loud warning for a rollback or a
 * divergence), the commit table, the files table and a footer. Never over `maxBytes`: the tables shrink
 * until it fits, with "and N more" lines that keep the counts right.
 */
function renderPreviewMarkdown(p, opts = {}) {
    const max = opts.maxBytes ?? DEFAULT_MAX_BYTES;
    let commitRows = p.commits.length;
    let removedRows = p.removed.length;
    let fileRows = Math.min(10, p.files.length);
    for (let guard = 0; guard < 64; guard++) {
        const text = render(p, opts, commitRows, removedRows, fileRows);
        if (bytes(text) <= max)
            return text;
        if (commitRows === 0 && removedRows === 0 && fileRows === 0)
            return cutBytes(text, max);
        // Shrink the biggest table first, by half.
        if (commitRows >= removedRows && commitRows > 0)
            commitRows = Math.floor(commitRows / 2);
        else if (removedRows > 0)
            removedRows = Math.floor(removedRows / 2);
        else
            fileRows = Math.floor(fileRows / 2);
    }
    return cutBytes(render(p, opts, 0, 0, 0), max);
}
function render(p, opts, commitRows, removedRows, fileRows) {
    const out = [];
    if (opts.before)
        out.push(opts.before, "");
    const prod = p.production;
    const icon = prod ? "🔴" : "🟡";
    out.push(`## ${icon} ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMd */ .X)(targetBanner(p.environment, p.app))}`, "");
    const toLink = link(`\`${short(p.to.sha)}\``, p.to.url);
    const ref = p.to.ref && !sameSha(p.to.ref, p.to.sha) ? ` (${code(p.to.ref)})` : "";
    const fromText = p.from
        ? `${link(`\`${short(p.from.sha)}\``, p.from.url)} (live${p.from.release ? `, ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMd */ .X)(p.from.release)}` : ""})`
        : "_nothing live yet_";
    out.push(`**From** ${fromText} → **to** ${toLink}${ref}`, "");
    const sentence = (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMd */ .X)(statusSentence(p));
    const compare = p.compareUrl ? ` · [full comparison](${p.compareUrl})` : "";
    switch (p.status) {
        case "behind":
            out.push("> [!CAUTION]", `> **${sentence}**`, "");
            break;
        case "diverged":
        case "unknown":
            out.push("> [!WARNING]", `> **${sentence}**`, "");
            break;
        case "identical":
            out.push("> [!NOTE]", `> ${sentence}`, "");
            break;
        default:
            out.push(`**Status: ${p.status}** · ${sentence}`, "");
    }
    out.push(`| Status | Ships | Removed | Compare |`, `| --- | ---: | ---: | --- |`, `| ${p.status} | ${fmt(p.commitCount)} | ${fmt(p.behind)} | ${p.compareUrl ? `[${short(p.from?.sha ?? "")}...${short(p.to.sha)}](${p.compareUrl})` : "-"} |`, "");
    if (p.commits.length > 0) {
        const title = p.status === "first-deploy" ? "Commits that ship (newest first)" : "Commits that ship";
        out.push(...commitTable(title, p.commits.slice(0, commitRows), p.commitCount, compare, opts.variant));
    }
    if (p.removed.length > 0) {
        out.push(...commitTable("Commits live now that this deploy removes", p.removed.slice(0, removedRows), p.behind, compare, opts.variant));
    }
    if (p.files.length > 0)
        out.push(...fileSection(p, fileRows));
    const footer = [`prodgate diff-preview`, `generated ${p.generatedAt.replace(/\.\d+Z$/, "Z")}`];
    if (p.runUrl)
        footer.push(`[workflow run](${p.runUrl})`);
    out.push(`<sub>${footer.join(" · ")}</sub>`);
    if (opts.after)
        out.push("", opts.after);
    return `${out.join("\n")}\n`;
}
function commitTable(title, commits, total, compare, variant) {
    const rows = commits.map((c) => {
        const author = c.authorUrl
            ? `[${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMd */ .X)(cut(c.author, 39))}](${c.authorUrl})`
            : (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMd */ .X)(cut(c.author, 39));
        return `| ${link(`\`${short(c.sha)}\``, c.url)} | ${author} | ${safeText(firstLine(c.message))} | ${date(c.date)} |`;
    });
    const out = [`### ${title} (${fmt(total)})`, ""];
    if (rows.length > 0)
        out.push("| Commit | Author | Message | Date (UTC) |", "| --- | --- | --- | --- |", ...rows);
    const more = total - commits.length;
    if (more > 0)
        out.push("", `_…and ${fmt(more)} more commit${more === 1 ? "" : "s"}${compare}._`);
    out.push("");
    return variant === "comment" && rows.length > 15
        ? [
            `<details><summary>${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMd */ .X)(title)} (${fmt(total)})</summary>`,
            "",
            ...out.slice(2),
            "</details>",
            "",
        ]
        : out;
}
function fileSection(p, rows) {
    const totals = fileTotals(p.files);
    const capped = p.files.length >= 300 ? " (GitHub lists at most 300 files)" : "";
    const verb = p.filesDirection === "revert" ? "Files the rollback changes back" : "Changed files";
    const head = `${verb}: ${fmt(totals.files)}${capped}, +${fmt(totals.additions)} −${fmt(totals.deletions)}`;
    const out = [`### ${head}`, ""];
    const largest = largestFiles(p.files, rows);
    if (largest.length > 0) {
        out.push("| File | Status | + | − |", "| --- | --- | ---: | ---: |");
        for (const f of largest)
            out.push(`| ${safeText(cut(f.filename, 120))} | ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMd */ .X)(f.status)} | ${fmt(f.additions)} | ${fmt(f.deletions)} |`);
        if (p.files.length > largest.length)
            out.push("", `_Largest ${largest.length} of ${fmt(p.files.length)} shown._`);
        out.push("");
    }
    return out;
}
function fileTotals(files) {
    let additions = 0;
    let deletions = 0;
    for (const f of files) {
        additions += f.additions;
        deletions += f.deletions;
    }
    return { files: files.length, additions, deletions };
}
/** The `n` files with the most changed lines, largest first (ties by name). */
function largestFiles(files, n) {
    return [...files]
        .sort((a, b) => b.changes - a.changes || a.filename.localeCompare(b.filename))
        .slice(0, Math.max(0, n));
}
// ---- small helpers ----
function short(sha) {
    return sha.slice(0, 7);
}
/** Text from a commit: markdown-escaped, and @mentions / #refs defused so a comment pings nobody. */
function safeText(text) {
    return (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMd */ .X)(text)
        .replace(/@(?=[A-Za-z0-9])/g, "@\u2060")
        .replace(/#(?=\d)/g, "#\u2060");
}
function code(text) {
    return `\`${cut(text, 100).replace(/`/g, "'")}\``;
}
function link(text, url) {
    return url ? `[${text}](${url})` : text;
}
function date(iso) {
    if (!iso)
        return "-";
    const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
    if (!m)
        return (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMd */ .X)(cut(iso, 25));
    // Dates with an offset are shown as given (UTC when they end in Z).
    return iso.endsWith("Z")
        ? `${m[1]} ${m[2]}`
        : `${m[1]} ${m[2]} ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMd */ .X)(iso.slice(19).replace(/^\.\d+/, ""))}`;
}
function fmt(n) {
    return n.toLocaleString("en-US");
}
function cut(text, max) {
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
const encoder = new TextEncoder();
function bytes(text) {
    return encoder.encode(text).length;
}
function cutBytes(text, max) {
    const note = "\n\n_…cut to fit._\n";
    let out = text;
    while (bytes(out) + bytes(note) > max)
        out = out.slice(0, Math.floor(out.length * 0.9));
    return out + note;
}


/***/ }),

/***/ 6061:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   If: () => (/* binding */ rollbackHint),
/* harmony export */   hY: () => (/* binding */ commandRollbackShas),
/* harmony export */   j6: () => (/* binding */ parseSurface),
/* harmony export */   mA: () => (/* binding */ parseCommandTarget)
/* harmony export */ });
/* unused harmony exports SURFACES, TARGET_NOUN */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1723);
/* harmony import */ var _preview_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2634);


/**
 * The prod surfaces one gate serves (seed 002 is a universal pattern): a Heroku app, a Cloudflare Pages
 * project (Direct Upload), or any deploy command you give (`command`). Pure: names, how each is rolled back,
 * and the words the summary, Slack and the terminal use for it.
 */
const SURFACES = ["heroku", "cloudflare-pages", "command"];
function parseSurface(input, raw) {
    const text = (raw ?? "").trim().toLowerCase() || "heroku";
    if (SURFACES.includes(text))
        return text;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `must be one of ${SURFACES.join(", ")}; got '${text.slice(0, 60)}'`);
}
/** What `app` names on each surface: the Heroku app, the Pages project, or the name given to a command surface. */
const TARGET_NOUN = {
    heroku: "Heroku app",
    "cloudflare-pages": "Cloudflare Pages project",
    command: "deploy target",
};
/**
 * A name for a command surface: what the audit target, the lock key, the banner and the typed phrase use.
 * Letters, digits, dots, dashes, underscores and slashes, 1-100 characters.
 */
function parseCommandTarget(input, raw) {
    const text = raw.trim();
    if (!text)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, "is required (a name for what the deploy command ships to)");
    if (!/^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$/.test(text))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `must be a name of letters, digits, dots, dashes, underscores and slashes (at most 100); got '${text.slice(0, 60)}'`);
    return text;
}
function rollbackHint(surface, app) {
    switch (surface) {
        case "heroku":
            return {
                commands: [`prodgate rollback --app ${app}`, `heroku releases:rollback --app ${app}`],
                how: "No CI, no rebuild: the Platform API's release rollback, in seconds.",
                workflow: "rollback-heroku.yml",
            };
        case "cloudflare-pages":
            return {
                commands: [`prodgate rollback --surface cloudflare-pages --app ${app}`],
                how: "No build: Pages points production back at the previous successful production deployment, in seconds.",
                workflow: "rollback-cloudflare-pages.yml",
            };
        case "command":
            return {
                commands: [
                    `prodgate rollback --surface command --app ${app} --rollback-command '<your rollback-command>' --health-url <url>`,
                ],
                how: "Your rollback-command, from the checkout, with PRODGATE_APP, PRODGATE_ENVIRONMENT, PRODGATE_FROM_SHA (what the newest successful deploy shipped) and PRODGATE_TO_SHA (what was live before it) set, as the deploy runs it after a failed /health; audited as rollback.<environment>.",
            };
    }
}
/**
 * What `prodgate rollback --surface command` goes from and to, from the target's `deploy.<environment>` outcome
 * rows (newest first): it undoes the newest successful deploy (the one that shipped `live`, when what is live
 * is known), from the SHA that deploy shipped back to the one live before it. Nothing found: only `live`.
 */
function commandRollbackShas(rows, live) {
    const text = (v) => (typeof v === "string" && v ? v : undefined);
    const deploy = rows.find((r) => {
        const shipped = text(r.context.to_sha);
        return r.outcome === "success" && shipped && (!live || (0,_preview_js__WEBPACK_IMPORTED_MODULE_1__/* .sameSha */ .vo)(shipped, live));
    });
    return { from: live ?? text(deploy?.context.to_sha), to: text(deploy?.context.from_sha) };
}


/***/ }),

/***/ 3445:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  g: () => (/* binding */ notifySlack)
});

// UNUSED EXPORTS: START_NOTICE_UNKNOWN

// EXTERNAL MODULE: ./.build/js/core/errors.js
var errors = __webpack_require__(1723);
// EXTERNAL MODULE: ./.build/js/core/deploy.js
var deploy = __webpack_require__(7307);
// EXTERNAL MODULE: ./.build/js/core/surface.js
var surface = __webpack_require__(6061);
;// CONCATENATED MODULE: ./.build/js/core/slack-message.js
/**
 * The Slack message for a deploy: one Block Kit message per deploy, posted when it starts and updated in place
 * with the outcome. Pure: the caller supplies every fact, nothing here reads a clock or the environment.
 */



const DEPLOY_STATUSES = (/* unused pure expression or super */ null && (["started", "success", "failure", "rolled_back", "rejected"]));
/** Slack's documented limits, applied so that a long value never makes Slack refuse the whole message. */
const SLACK_LIMITS = {
    headerText: 150,
    sectionText: 3000,
    fieldText: 2000,
    fields: 10,
    contextElements: 10,
    blocks: 50,
    /** Slack accepts 40,000; a notification needs far less. */
    text: 3000,
};
const LOOKS = {
    started: { marker: "🚀", outcome: "Deploying", headline: (a, e) => `Deploying ${a} to ${e}` },
    success: { marker: "✅", outcome: "Deployed", headline: (a, e) => `Deployed ${a} to ${e}` },
    failure: { marker: "❌", outcome: "Deploy failed", headline: (a, e) => `Deploy of ${a} to ${e} failed` },
    rolled_back: { marker: "↩️", outcome: "Rolled back", headline: (a, e) => `Rolled back ${a} on ${e}` },
    rejected: { marker: "⛔", outcome: "Rejected", headline: (a, e) => `Deploy of ${a} to ${e} rejected` },
};
/** The marker and word for a status: `✅ Deployed`. */
function statusLabel(status) {
    const look = LOOKS[status];
    return `${look.marker} ${look.outcome}`;
}
/** The environment as every message shows it: upper case, with a siren when it is production. */
function environmentBadge(environment, production) {
    const name = environment.trim().toUpperCase() || "UNKNOWN ENVIRONMENT";
    return production ? `🚨 ${name}` : name;
}
/** Builds the message. */
function buildDeployMessage(notice) {
    const look = LOOKS[notice.status];
    const prod = notice.production;
    const badge = environmentBadge(notice.environment, prod);
    const app = notice.app.trim();
    const links = commitLinks(notice);
    const runUrl = safeUrl(notice.runUrl);
    const header = truncate(`${look.marker} ${look.headline(app, badge)}`, SLACK_LIMITS.headerText);
    const blocks = [{ type: "header", text: { type: "plain_text", text: header, emoji: true } }];
    const who = notice.status === "rejected" ? "Rejected by" : "Approved by";
    const fields = [
        mrkdwn(`*Environment*\n${prod ? `*${escapeText(badge)}*` : escapeText(badge)}`),
        mrkdwn(`*App*\n\`${escapeText(app)}\``),
        mrkdwn(`*Change*\n${links.mrkdwn}`),
        mrkdwn(`*Outcome*\n${statusLabel(notice.status)}`),
        mrkdwn(`*Triggered by*\n${person(notice.actor)}`),
        mrkdwn(`*${who}*\n${person(notice.approvedBy)}`),
    ];
    blocks.push({
        type: "section",
        fields: fields.map((f) => ({ ...f, text: truncate(f.text, SLACK_LIMITS.fieldText) })),
    });
    if (notice.detail?.trim()) {
        blocks.push({
            type: "section",
            text: mrkdwn(truncate(escapeText(notice.detail.trim()), SLACK_LIMITS.sectionText)),
        });
    }
    if (notice.status === "failure") {
        const cmd = (0,deploy/* rollbackCommands */.P0)(app);
        const hint = (0,surface/* rollbackHint */.If)(notice.surface ?? "heroku", app);
        const text = (notice.surface ?? "heroku") === "heroku"
            ? `*Roll back now* (no CI, no rebuild):\n\`\`\`${escapeText(cmd.prodgate)}\`\`\`\n` +
                `or the \`rollback-heroku\` workflow, or \`${escapeText(cmd.heroku)}\` ` +
                "(the Platform API's release rollback)."
            : `*Roll back now*:\n\`\`\`${escapeText(hint.commands[0] ?? "")}\`\`\`\n${escapeText(hint.how)}` +
                (hint.workflow ? ` Or the \`${escapeText(hint.workflow.replace(/\.yml$/, ""))}\` workflow.` : "");
        blocks.push({ type: "section", text: mrkdwn(truncate(text, SLACK_LIMITS.sectionText)) });
    }
    const context = [];
    if (runUrl)
        context.push(mrkdwn(`<${runUrl}|View the workflow run>`));
    if (links.compare)
        context.push(mrkdwn(`<${links.compare}|Compare the commits>`));
    context.push(mrkdwn(prod ? "prodgate · *target: PRODUCTION*" : "prodgate"));
    blocks.push({ type: "context", elements: context.slice(0, SLACK_LIMITS.contextElements) });
    return { text: fallbackText(notice, badge, links.plain, runUrl), blocks };
}
function fallbackText(notice, badge, change, runUrl) {
    const look = LOOKS[notice.status];
    const app = notice.app.trim();
    const parts = [`${look.marker} ${look.headline(app, badge)}: ${change}`];
    if (notice.actor?.trim())
        parts.push(`by ${notice.actor.trim()}`);
    if (notice.approvedBy?.trim())
        parts.push(`${notice.status === "rejected" ? "rejected" : "approved"} by ${notice.approvedBy.trim()}`);
    const sentences = [parts.join(", ")];
    if (notice.detail?.trim())
        sentences.push(notice.detail.trim().replace(/\s+/g, " "));
    if (notice.status === "failure")
        sentences.push(`Roll back: ${(0,surface/* rollbackHint */.If)(notice.surface ?? "heroku", app).commands[0]}`);
    if (runUrl)
        sentences.push(`Run: ${runUrl}`);
    const text = sentences.join(" · ");
    return truncate(escapeText(text), SLACK_LIMITS.text);
}
function commitLinks(notice) {
    const base = repoBase(notice);
    const one = (sha) => {
        const value = sha?.trim() ?? "";
        if (!value)
            return { md: "_none live_", plain: "none live" };
        const hex = /^[0-9a-f]{7,40}$/i.test(value);
        const short = hex ? value.slice(0, 7).toLowerCase() : value;
        if (hex && base)
            return { md: `<${base}/commit/${value.toLowerCase()}|\`${short}\`>`, plain: short };
        return { md: `\`${escapeText(short)}\``, plain: short };
    };
    const from = one(notice.fromSha);
    const to = one(notice.toSha);
    if (!notice.toSha?.trim() && !notice.fromSha?.trim())
        return { mrkdwn: "—", plain: "no commits given" };
    const hex = (s) => /^[0-9a-f]{7,40}$/i.test(s?.trim() ?? "");
    const compare = base && hex(notice.fromSha) && hex(notice.toSha) && notice.fromSha?.trim() !== notice.toSha?.trim()
        ? `${base}/compare/${notice.fromSha.trim().toLowerCase()}...${notice.toSha.trim().toLowerCase()}`
        : undefined;
    return { mrkdwn: `${from.md} → ${to.md}`, plain: `${from.plain} → ${to.plain}`, compare };
}
function repoBase(notice) {
    const repo = notice.repository?.trim() ?? "";
    if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repo))
        return undefined;
    const server = safeUrl(notice.serverUrl?.trim() || "https://github.com");
    return server ? `${server.replace(/\/+$/, "")}/${repo}` : undefined;
}
/** An http(s) URL without userinfo, safe inside `<url|label>`; undefined for anything else. */
function safeUrl(raw) {
    if (!raw?.trim())
        return undefined;
    let url;
    try {
        url = new URL(raw.trim());
    }
    catch {
        return undefined;
    }
    if (url.protocol !== "https:" && url.protocol !== "http:")
        return undefined;
    url.username = "";
    url.password = "";
    return url.toString().replace(/\|/g, "%7C").replace(/>/g, "%3E").replace(/</g, "%3C");
}
/** Escapes the three characters Slack's mrkdwn gives meaning to (links, mentions, `<!channel>`). */
function escapeText(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
function person(name) {
    const v = name?.trim();
    return v ? escapeText(v) : "—";
}
function mrkdwn(text) {
    return { type: "mrkdwn", text };
}
/** Cuts to at most `max` UTF-16 units (what Slack counts) without splitting a character. */
function truncate(text, max) {
    if (text.length <= max)
        return text;
    let out = "";
    for (const ch of text) {
        if (out.length + ch.length > max - 1)
            break;
        out += ch;
    }
    return `${out}…`;
}

// EXTERNAL MODULE: ./.build/js/vendors/slack.js
var slack = __webpack_require__(368);
;// CONCATENATED MODULE: ./.build/js/pipelines/notify.js



/** How much earlier than our clock a Slack message found again may be stamped (clock skew). */
const LOOKUP_SKEW_MS = 5 * 60_000;
/** Said in an outcome whose start notice got no answer and could not be found. */
const START_NOTICE_UNKNOWN = "Slack did not answer when this deploy's start notice was posted: it may be missing, or shown above as still deploying.";
/** Update failures after which a fresh post still gets the outcome to the channel. */
const REPOST_ON = new Set([
    "message_not_found",
    "cant_update_message",
    "channel_not_found",
    "edit_window_closed",
]);
/**
 * Tells Slack about a deploy. Never throws unless `failOnError`: a failure becomes a warning that names
 * Slack's error and what to do, and `{ ok: false, error }`.
 */
async function notifySlack(target, notice, opts) {
    const { reporter } = opts;
    if (target.token)
        reporter.secret(target.token);
    if (target.webhookUrl)
        reporter.secret(target.webhookUrl);
    const what = `${statusLabel(notice.status)} notice for ${notice.app} (${environmentBadge(notice.environment, notice.production)})`;
    const client = new slack/* SlackClient */.QT({
        token: target.token,
        baseUrl: target.baseUrl,
        timeoutMs: opts.timeoutMs ?? target.timeoutMs,
        retries: opts.retries,
        clock: opts.clock,
        onRetry: ({ attempt, waitMs, reason, method }) => reporter.info(`Slack ${method}: ${reason}; retry ${attempt} in ${Math.round(waitMs)}ms`),
    });
    const now = () => opts.clock?.now() ?? new Date();
    /** The deploy and the status a message shows, in its metadata. */
    const metadataOf = (status) => opts.deployKey
        ? { event_type: "prodgate_deploy", event_payload: { deploy: opts.deployKey, status } }
        : undefined;
    const metadata = metadataOf(notice.status);
    /** A post whose answer was lost, found again in the channel; undefined if it is not there or cannot be read. */
    const findPosted = async (channel, since, status) => {
        const wanted = metadataOf(status);
        if (!wanted)
            return undefined;
        if (!(0,slack/* isChannelId */.$r)(channel)) {
            reporter.info(`Slack: cannot look for the message in ${channel}: give the channel by its ID (C...) to let prodgate find it`);
            return undefined;
        }
        try {
            return await client.findPosted(channel, new Date(since.getTime() - LOOKUP_SKEW_MS), wanted);
        }
        catch (err) {
            reporter.warning(`Slack: could not look for the message in ${channel} (${(0,errors/* describeError */.Uc)(err)}): give the Slack app the channels:history scope (groups:history for a private channel)`);
            return undefined;
        }
    };
    let updateTs = opts.updateTs;
    let startUnknown = false;
    let channel = target.channel?.trim() ?? "";
    if (!updateTs && opts.startUnknownSince && notice.status !== "started") {
        const found = target.token && channel ? await findPosted(channel, opts.startUnknownSince, "started") : undefined;
        if (found) {
            reporter.info(`Slack: found the start notice that got no answer (ts ${found.ts}); updating it`);
            updateTs = found.ts;
            channel = found.channel;
        }
        else
            startUnknown = true;
    }
    const message = buildDeployMessage(startUnknown
        ? { ...notice, detail: [notice.detail?.trim(), START_NOTICE_UNKNOWN].filter(Boolean).join(" ") }
        : notice);
    try {
        if (target.token && channel) {
            if (updateTs) {
                try {
                    const updated = await client.update(channel, updateTs, message, metadata);
                    reporter.info(`Slack: updated ${what} in ${updated.channel} (ts ${updated.ts})`);
                    return { ok: true, ...updated };
                }
                catch (err) {
                    if (!(err instanceof slack/* SlackError */.DC) || !REPOST_ON.has(err.code))
                        throw err;
                    reporter.warning(`${err.message}; posting the outcome as a new message instead`);
                }
            }
            const sentAt = now();
            let posted;
            try {
                posted = await client.postMessage(channel, message, metadata);
            }
            catch (err) {
                if (!(err instanceof slack/* DeliveryUnknownError */.rb))
                    throw err;
                const found = await findPosted(channel, sentAt, notice.status);
                if (!found)
                    return unknown(err);
                reporter.info(`Slack: ${err.message}; it did arrive (ts ${found.ts})`);
                posted = found;
            }
            reporter.info(`Slack: posted ${what} to ${posted.channel} (ts ${posted.ts})`);
            return { ok: true, ...posted };
        }
        if (target.webhookUrl) {
            if (opts.updateTs)
                reporter.info("Slack: an incoming webhook cannot update a message; posting the outcome as a new one");
            try {
                await client.postWebhook(target.webhookUrl, message);
            }
            catch (err) {
                if (err instanceof slack/* DeliveryUnknownError */.rb)
                    return unknown(err);
                throw err;
            }
            reporter.info(`Slack: posted ${what} through the incoming webhook`);
            return { ok: true };
        }
        throw new errors/* ProdgateError */.fc(target.token
            ? "Slack notice not sent: a bot token needs a channel"
            : "Slack notice not sent: give a bot token and a channel, or an incoming webhook URL");
    }
    catch (err) {
        const reason = (0,errors/* describeError */.Uc)(err);
        if (opts.failOnError)
            throw err instanceof errors/* ProdgateError */.fc ? err : new errors/* ProdgateError */.fc(reason);
        reporter.warning(`${reason} (the deploy goes on; set fail-on-error to make this fail the step)`);
        return { ok: false, error: reason };
    }
    /** A post that may have arrived: never sent again, so never shown twice. */
    function unknown(err) {
        const reason = `${what}: ${err.message}`;
        if (opts.failOnError)
            throw err;
        reporter.warning(`${reason} (the deploy goes on)`);
        return { ok: false, unknown: true, error: reason };
    }
}


/***/ }),

/***/ 5437:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ rollbackPages)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1723);
/* harmony import */ var _core_pages_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4366);
/* harmony import */ var _core_ports_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6482);



async function rollbackPages(settings, ports) {
    const clock = ports.clock ?? _core_ports_js__WEBPACK_IMPORTED_MODULE_2__/* .systemClock */ .m;
    const started = clock.now().getTime();
    const { pages, reporter } = ports;
    const { project } = settings;
    const proj = await pages.project(project);
    const before = proj.canonical_deployment;
    if (!before)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProdgateError */ .fc(`Nothing to roll back: ${project} has no production deployment serving yet.`);
    let target;
    if (settings.deployment) {
        target = await findDeployment(pages, project, settings.deployment);
        const refusal = (0,_core_pages_js__WEBPACK_IMPORTED_MODULE_1__/* .rollbackRefusal */ .hT)(target);
        if (refusal)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProdgateError */ .fc(`Cannot roll ${project} back to ${target.id}: ${refusal}.`);
    }
    else {
        const list = await pages.recentDeployments(project, { env: "production", max: settings.lookBack ?? 100 });
        target = (0,_core_pages_js__WEBPACK_IMPORTED_MODULE_1__/* .previousProductionDeployment */ .Uj)(list, before);
        if (!target)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProdgateError */ .fc(`Nothing to roll back to: ${project} has no successful production deployment before ${before.id} (looked at ${list.length}).`);
    }
    if (target.id === before.id) {
        reporter.info(`${project}: ${target.id} already serves production; nothing to do.`);
        return { project, before, target, noop: true, durationMs: clock.now().getTime() - started };
    }
    reporter.info(`Rolling back ${project} production from ${before.id} to ${target.id} (${describe(target)})`);
    await rollbackOnce(pages, project, target, reporter, clock);
    const now = await pages.project(project);
    if (now.canonical_deployment?.id !== target.id)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProdgateError */ .fc(`Cloudflare accepted the rollback of ${project} to ${target.id}, but production serves ${now.canonical_deployment?.id ?? "nothing"}.`);
    reporter.info(`${project} production now serves ${target.id}`);
    return { project, before, target, noop: false, durationMs: clock.now().getTime() - started };
}
async function findDeployment(pages, project, ref) {
    if (/^[0-9a-f]{8}$/.test(ref)) {
        // A short id: found in the listing (the deployment endpoint is addressed by full id).
        const found = (await pages.recentDeployments(project, { max: 250 })).find((d) => d.short_id === ref);
        if (!found)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProdgateError */ .fc(`${project} has no deployment ${ref} among its last 250.`);
        return found;
    }
    try {
        return await pages.deployment(project, ref);
    }
    catch (err) {
        if (err instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .VendorError */ .Hi && err.status === 404 && !/8000007/.test(err.message))
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProdgateError */ .fc(`${project} has no deployment ${ref}.`);
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
            const ambiguous = err instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .VendorError */ .Hi && (err.retryable || err.status === 429);
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


/***/ }),

/***/ 2666:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ waitForRelease),
/* harmony export */   e: () => (/* binding */ runRollback)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1723);
/* harmony import */ var _core_heroku_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1844);
/* harmony import */ var _core_ports_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6482);



/**
 * Rolls a Heroku app back to an earlier release through the Platform API: no checkout, no build. The default
 * target is the release before the current one. The POST is checked before it is retried, so a retry after a
 * lost answer never makes two releases.
 */
async function runRollback(settings, ports) {
    const clock = ports.clock ?? _core_ports_js__WEBPACK_IMPORTED_MODULE_2__/* .systemClock */ .m;
    const started = clock.now().getTime();
    const { app } = settings;
    const { heroku, reporter } = ports;
    const releases = await heroku.releases(app, { max: 50 });
    const before = (0,_core_heroku_js__WEBPACK_IMPORTED_MODULE_1__/* .currentRelease */ .BX)(releases);
    if (!before)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProdgateError */ .fc(`Nothing to roll back to: ${app} has no release yet (or none that succeeded).`);
    let target;
    if (settings.release.kind === "previous") {
        target = (0,_core_heroku_js__WEBPACK_IMPORTED_MODULE_1__/* .previousRelease */ .Fi)(releases, before);
        if (!target)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProdgateError */ .fc((0,_core_heroku_js__WEBPACK_IMPORTED_MODULE_1__/* .nothingToRollBackTo */ .KD)(app, before, releases.length));
    }
    else {
        const ref = settings.release;
        target =
            releases.find((r) => (ref.kind === "version" ? r.version === ref.version : r.id === ref.id)) ??
                (await findRelease(heroku, app, ref));
        const refusal = (0,_core_heroku_js__WEBPACK_IMPORTED_MODULE_1__/* .rollbackRefusal */ .hT)(target);
        if (refusal)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProdgateError */ .fc(`Cannot roll ${app} back to ${(0,_core_heroku_js__WEBPACK_IMPORTED_MODULE_1__/* .label */ .Pf)(target)}: ${refusal}.`);
    }
    const commits = new Map();
    const commitOf = (r) => {
        if (!r.slug)
            return Promise.resolve(null);
        const id = r.slug.id;
        if (!commits.has(id))
            commits.set(id, heroku.slug(app, id).then((s) => s.commit, () => null));
        return commits.get(id);
    };
    if (target.id === before.id || (0,_core_heroku_js__WEBPACK_IMPORTED_MODULE_1__/* .codeVersion */ .iq)(releases, before) === target.version) {
        reporter.info(target.id === before.id
            ? `${app}: ${(0,_core_heroku_js__WEBPACK_IMPORTED_MODULE_1__/* .label */ .Pf)(target)} is already the current release; nothing to do.`
            : `${app}: the current release ${(0,_core_heroku_js__WEBPACK_IMPORTED_MODULE_1__/* .label */ .Pf)(before)} (${before.description}) already runs ${(0,_core_heroku_js__WEBPACK_IMPORTED_MODULE_1__/* .label */ .Pf)(target)}; nothing to do.`);
        const line = { release: before, commit: await commitOf(before) };
        return {
            app,
            before: line,
            target: { release: target, commit: await commitOf(target) },
            after: line,
            noop: true,
            durationMs: clock.now().getTime() - started,
        };
    }
    const targetCommit = commitOf(target);
    const beforeCommit = commitOf(before);
    reporter.info(`Rolling back ${app} from ${(0,_core_heroku_js__WEBPACK_IMPORTED_MODULE_1__/* .label */ .Pf)(before)} to ${(0,_core_heroku_js__WEBPACK_IMPORTED_MODULE_1__/* .label */ .Pf)(target)} (${target.description})`);
    let after = await rollbackOnce(heroku, app, before, target, reporter, clock);
    after = await waitForRelease(heroku, app, after, reporter, clock, settings.releaseTimeoutMs ?? 600_000);
    if (after.status === "failed")
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProdgateError */ .fc(`Rollback release ${(0,_core_heroku_js__WEBPACK_IMPORTED_MODULE_1__/* .label */ .Pf)(after)} of ${app} failed (its release command failed); ${(0,_core_heroku_js__WEBPACK_IMPORTED_MODULE_1__/* .label */ .Pf)(before)} stays current.`);
    reporter.info(`${app} now runs ${(0,_core_heroku_js__WEBPACK_IMPORTED_MODULE_1__/* .label */ .Pf)(after)} (Rollback to ${(0,_core_heroku_js__WEBPACK_IMPORTED_MODULE_1__/* .label */ .Pf)(target)})`);
    const [bc, tc] = await Promise.all([beforeCommit, targetCommit]);
    return {
        app,
        before: { release: before, commit: bc },
        target: { release: target, commit: tc },
        after: { release: after, commit: tc },
        noop: false,
        durationMs: clock.now().getTime() - started,
    };
}
async function findRelease(heroku, app, ref) {
    try {
        return await heroku.release(app, ref.kind === "version" ? ref.version : ref.id);
    }
    catch (err) {
        if (err instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .VendorError */ .Hi && err.status === 404 && !/app '.*' not found/.test(err.message))
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProdgateError */ .fc(`${app} has no release ${(0,_core_heroku_js__WEBPACK_IMPORTED_MODULE_1__/* .describeReleaseRef */ .US)(ref)}.`);
        throw err;
    }
}
/** POSTs the rollback; on an ambiguous failure, looks for the release it may have made before trying again. */
async function rollbackOnce(heroku, app, before, target, reporter, clock) {
    const attempts = 4;
    for (let attempt = 1;; attempt++) {
        try {
            return await heroku.rollback(app, target.id);
        }
        catch (err) {
            const retryable = err instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .VendorError */ .Hi && (err.retryable || err.status === 429);
            if (!retryable || attempt >= attempts)
                throw err;
            const waitMs = err.status === 429 ? 2_000 * attempt : 1_000 * attempt;
            reporter.warning(`Rollback of ${app} got no clear answer (${err.message}); checking again in ${waitMs} ms`);
            await clock.sleep(waitMs);
            const made = await madeSince(heroku, app, before, target).catch(() => undefined);
            if (made) {
                reporter.info(`The rollback went through after all: ${(0,_core_heroku_js__WEBPACK_IMPORTED_MODULE_1__/* .label */ .Pf)(made)}`);
                return made;
            }
        }
    }
}
async function madeSince(heroku, app, before, target) {
    const latest = (0,_core_heroku_js__WEBPACK_IMPORTED_MODULE_1__/* .newestFirst */ .ll)(await heroku.releases(app, { max: 5 }));
    return latest.find((r) => r.version > before.version && r.description.startsWith(`Rollback to ${(0,_core_heroku_js__WEBPACK_IMPORTED_MODULE_1__/* .label */ .Pf)(target)}`));
}
/** Waits while a release's release phase runs. */
async function waitForRelease(heroku, app, release, reporter, clock, timeoutMs) {
    let current = release;
    const deadline = clock.now().getTime() + timeoutMs;
    let said = false;
    while (current.status === "pending") {
        if (clock.now().getTime() > deadline)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProdgateError */ .fc(`${app} ${(0,_core_heroku_js__WEBPACK_IMPORTED_MODULE_1__/* .label */ .Pf)(current)} is still running its release command after ${Math.round(timeoutMs / 1000)} s`);
        if (!said)
            reporter.info(`${(0,_core_heroku_js__WEBPACK_IMPORTED_MODULE_1__/* .label */ .Pf)(current)}: waiting for the release command to finish`);
        said = true;
        await clock.sleep(1_000);
        current = await heroku.release(app, current.id);
    }
    return current;
}


/***/ }),

/***/ 2897:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  commandSurface: () => (/* binding */ commandSurface)
});

// EXTERNAL MODULE: ./.build/js/core/errors.js
var errors = __webpack_require__(1723);
// EXTERNAL MODULE: ./.build/js/core/heroku.js
var heroku = __webpack_require__(1844);
// EXTERNAL MODULE: ./.build/js/core/preview.js
var preview = __webpack_require__(2634);
// EXTERNAL MODULE: ./.build/js/core/surface.js
var surface = __webpack_require__(6061);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:readline"
var external_node_readline_ = __webpack_require__(481);
;// CONCATENATED MODULE: ./.build/js/vendors/shell.js


const MAX_CAPTURE = 1024 * 1024;
/** The environment a command runs with: the base without the action's inputs, plus `extra`. */
function commandEnvironment(base, extra) {
    const env = {};
    for (const [k, v] of Object.entries(base))
        if (v !== undefined && !k.toUpperCase().startsWith("INPUT_"))
            env[k] = v;
    return { ...env, ...extra };
}
function runBash(script, opts) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", script], {
            cwd: opts.cwd,
            env: commandEnvironment(opts.baseEnv ?? process.env, opts.env),
            stdio: ["ignore", "pipe", "pipe"],
            signal: opts.signal,
        });
        let stdout = "";
        const lines = (stream, name) => new Promise((done) => {
            const rl = (0,external_node_readline_.createInterface)({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
            rl.on("line", (line) => {
                if (name === "stdout" && opts.captureStdout && stdout.length < MAX_CAPTURE)
                    stdout += `${line}\n`;
                opts.onLine(line, name);
            });
            rl.on("close", done);
        });
        const read = Promise.all([lines(child.stdout, "stdout"), lines(child.stderr, "stderr")]);
        child.on("error", reject);
        child.on("close", (code, signal) => {
            void read.then(() => resolve({ code: code ?? 1, ...(signal ? { signal } : {}), stdout }));
        });
    });
}

;// CONCATENATED MODULE: ./.build/js/pipelines/surface-command.js





const SHA = /^[0-9a-f]{7,64}$/i;
function commandSurface(target, settings, deps) {
    const { reporter, cwd } = deps;
    const secrets = (deps.secrets ?? []).filter((x) => x.length >= 4).sort((a, b) => b.length - a.length);
    const redact = (line) => secrets.reduce((l, x) => l.split(x).join("***"), line);
    const run = async (name, script, vars, opts = {}) => {
        const action = name.replace(/-command$/, "");
        const r = await runBash(script, {
            cwd,
            baseEnv: deps.env,
            env: {
                PRODGATE_APP: target,
                PRODGATE_ENVIRONMENT: deps.environment,
                PRODGATE_FROM_SHA: vars.from ?? "",
                PRODGATE_TO_SHA: vars.to ?? "",
                PRODGATE_ACTION: action,
            },
            captureStdout: opts.capture,
            signal: opts.signal,
            // The live version is read quietly (its stdout is the answer); everything else is logged.
            onLine: (line, stream) => opts.capture && stream === "stdout"
                ? reporter.debug(redact(line))
                : reporter.info(`[${action}] ${redact(line)}`),
        });
        if (r.code !== 0)
            throw new errors/* ProdgateError */.fc(`${name} ${r.signal ? `was stopped by ${r.signal}` : `exited with status ${r.code}`}`);
        return r.stdout;
    };
    /** What live-version-command prints: its last non-empty line; a SHA when it looks like one. */
    const live = async () => {
        if (!settings.liveVersionCommand)
            return {};
        const out = await run("live-version-command", settings.liveVersionCommand, {}, { capture: true });
        const text = out
            .split("\n")
            .map((l) => l.trim())
            .filter(Boolean)
            .at(-1)
            ?.slice(0, 200);
        if (!text)
            return {};
        return SHA.test(text) ? { sha: text.toLowerCase(), label: text.toLowerCase() } : { label: text };
    };
    let before;
    return {
        kind: "command",
        target,
        method: "command",
        auditContext: { surface: "command", method: "command" },
        requiresHealthUrl: true,
        async inspect() {
            before = await live();
            return { ...before };
        },
        async liveSha() {
            before = await live();
            return before.sha;
        },
        async ship(sha, io) {
            const from = before?.sha;
            await run("deploy-command", settings.deployCommand, { from, to: sha }, { signal: io.signal });
            let now = {};
            if (settings.liveVersionCommand) {
                now = await live();
                if (now.sha && !(0,preview/* sameSha */.vo)(now.sha, sha))
                    throw new errors/* ProdgateError */.fc(`deploy-command succeeded, but live-version-command prints ${(0,heroku/* shortSha */.Fu)(now.sha)}, not ${(0,heroku/* shortSha */.Fu)(sha)}: the deploy did not take`);
            }
            const alreadyLive = Boolean(from && (0,preview/* sameSha */.vo)(from, sha));
            return {
                release: now.label && !now.sha ? now.label : undefined,
                previousRelease: before?.label && !before.sha ? before.label : undefined,
                fromSha: from,
                alreadyLive,
                noRollback: !settings.rollbackCommand
                    ? "no rollback-command was given: nothing to roll back with"
                    : alreadyLive
                        ? `${target} already ran ${(0,heroku/* shortSha */.Fu)(sha)} before this deploy: nothing to roll back`
                        : undefined,
                context: { live_version_before: before?.label, live_version_after: now.label },
            };
        },
        async rollBack(shipped, io) {
            if (!settings.rollbackCommand)
                throw new errors/* ProdgateError */.fc("no rollback-command was given");
            await run("rollback-command", settings.rollbackCommand, { from: io.sha, to: shipped.fromSha });
            const now = settings.liveVersionCommand ? await live() : {};
            const toSha = now.sha ?? shipped.fromSha;
            return {
                to: toSha ? (0,heroku/* shortSha */.Fu)(toSha) : (now.label ?? shipped.previousRelease ?? "the previous version"),
                toSha,
                context: { live_version_after: now.label },
            };
        },
        rollbackHint: () => (0,surface/* rollbackHint */.If)("command", target),
    };
}


/***/ }),

/***/ 7997:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B8: () => (/* binding */ replaySpool),
/* harmony export */   h3: () => (/* binding */ recordAudit),
/* harmony export */   he: () => (/* binding */ spoolRecord)
/* harmony export */ });
/* unused harmony export REPLAYED_DIR */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var _core_audit_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(113);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1723);





/** Where replayed spool files are moved, inside the spool directory. */
const REPLAYED_DIR = "replayed";
function spoolFileName(record) {
    const slug = `${record.target}-${record.phase}`.replace(/[^A-Za-z0-9_-]+/g, "-").slice(0, 60);
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)("sha256").update(record.idempotencyKey).digest("hex").slice(0, 16);
    return `audit-${slug}-${hash}.json`;
}
/**
 * Saves a record that could not be written as JSON in `dir` (created 0700; the file 0600, written whole
 * then renamed into place). The name derives from the idempotency key: spooling the same record again
 * replaces its file. Returns the file's path.
 */
async function spoolRecord(dir, record) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(dir, { recursive: true, mode: 0o700 });
    const file = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, spoolFileName(record));
    const temp = `${file}.${process.pid}.tmp`;
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(temp, (0,_core_audit_js__WEBPACK_IMPORTED_MODULE_3__/* .serializeAuditRecord */ .d)(record), { mode: 0o600 });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(temp, file);
    return file;
}
/**
 * Writes every spooled record in `dir` (not its subdirectories) to the store, oldest first, and moves each
 * file written into `dir/replayed/`. Idempotent: a record already stored counts as a duplicate. A database
 * failure stops the replay with the files not yet written left in place.
 */
async function replaySpool(dir, store, opts = {}) {
    const entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(dir, { withFileTypes: true });
    const result = { written: 0, duplicates: 0, invalid: [] };
    const records = [];
    for (const entry of entries) {
        if (!entry.isFile() || !entry.name.endsWith(".json"))
            continue;
        try {
            records.push({
                name: entry.name,
                record: (0,_core_audit_js__WEBPACK_IMPORTED_MODULE_3__/* .parseAuditRecordJson */ .GI)(entry.name, await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, entry.name), "utf8")),
            });
        }
        catch (err) {
            result.invalid.push((0,_core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .describeError */ .Uc)(err));
        }
    }
    records.sort((a, b) => a.record.createdAt.getTime() - b.record.createdAt.getTime() || a.name.localeCompare(b.name));
    if (records.length)
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, REPLAYED_DIR), { recursive: true, mode: 0o700 });
    for (const { name, record } of records) {
        const written = await store.write(record);
        if (written.duplicate)
            result.duplicates++;
        else
            result.written++;
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, name), (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, REPLAYED_DIR, name));
        opts.onRecord?.(name, written);
    }
    return result;
}
/**
 * Writes a record the way a deploy needs it written. `started`: the row, or an AuditError
 * "audit database unreachable: deploy refused (...)" so that nothing is pushed. `completed`: the row, or
 * when it cannot be written after the store's retries, the record spooled to `spoolDir` (the caller shows
 * it and fails the step). `store` may be a pending open, so that a failure to open counts as unreachable.
 */
async function recordAudit(store, record, opts) {
    try {
        const written = await (await store).write(record, { retries: opts.retries });
        return { spooled: false, ...written };
    }
    catch (err) {
        const reason = (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .describeError */ .Uc)(err);
        if (record.phase === "started")
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .AuditError */ .M_(`${_core_audit_js__WEBPACK_IMPORTED_MODULE_3__/* .AUDIT_REFUSED */ .Z5} (${reason})`);
        let file;
        try {
            file = await spoolRecord(opts.spoolDir, record);
        }
        catch {
            file = undefined;
        }
        return { spooled: true, file, reason };
    }
}


/***/ }),

/***/ 7868:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ CloudflarePagesClient)
/* harmony export */ });
/* harmony import */ var _cloudflare_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2869);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2770);


class CloudflarePagesClient {
    http;
    accountId;
    uploadTimeoutMs;
    constructor(opts) {
        if (!opts.apiToken)
            throw new _cloudflare_js__WEBPACK_IMPORTED_MODULE_0__/* .CloudflareError */ .Oi("Cloudflare API token is empty", []);
        if (!opts.accountId)
            throw new _cloudflare_js__WEBPACK_IMPORTED_MODULE_0__/* .CloudflareError */ .Oi("Cloudflare account ID is empty", []);
        this.accountId = opts.accountId;
        this.uploadTimeoutMs = opts.uploadTimeoutMs ?? 120_000;
        this.http = new _http_js__WEBPACK_IMPORTED_MODULE_1__/* .HttpClient */ .Qq({
            vendor: "Cloudflare",
            baseUrl: opts.baseUrl || _cloudflare_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_CLOUDFLARE_API_URL */ .pu,
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
            describe: _cloudflare_js__WEBPACK_IMPORTED_MODULE_0__/* .describeCloudflare */ .ZD,
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
        return (0,_cloudflare_js__WEBPACK_IMPORTED_MODULE_0__/* .unwrap */ .oA)(res, method, what);
    }
    /** GET /accounts/{id}/pages/projects/{project}. */
    async project(project) {
        return (await this.call("GET", this.projectPath(project), `project ${project}`)).result;
    }
    /** GET .../upload-token: the JWT the asset endpoints take (it says how many files a deployment may hold). */
    async uploadToken(project) {
        const r = await this.call("GET", this.projectPath(project, "/upload-token"), `upload token of ${project}`);
        if (!r.result || typeof r.result.jwt !== "string" || !r.result.jwt)
            throw new _cloudflare_js__WEBPACK_IMPORTED_MODULE_0__/* .CloudflareError */ .Oi("Cloudflare answered the upload-token request without a token", []);
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
                per_page: Math.min(_cloudflare_js__WEBPACK_IMPORTED_MODULE_0__/* .PAGES_DEPLOYMENTS_MAX_PER_PAGE */ .X1, Math.max(1, opts.perPage ?? _cloudflare_js__WEBPACK_IMPORTED_MODULE_0__/* .PAGES_DEPLOYMENTS_MAX_PER_PAGE */ .X1)),
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
            if (deployments.length < _cloudflare_js__WEBPACK_IMPORTED_MODULE_0__/* .PAGES_DEPLOYMENTS_MAX_PER_PAGE */ .X1 ||
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


/***/ })

};
