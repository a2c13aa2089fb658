export const id = 109;
export const ids = [109];
export const modules = {

/***/ 4109:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEPLOY_DEFAULTS: () => (/* binding */ DEPLOY_DEFAULTS),
  deployCommand: () => (/* binding */ deployCommand),
  registerDeploy: () => (/* binding */ registerDeploy)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./.build/js/core/audit-checkpoint.js
var audit_checkpoint = __webpack_require__(9856);
// EXTERNAL MODULE: ./.build/js/core/deploy.js
var deploy = __webpack_require__(7307);
// EXTERNAL MODULE: ./.build/js/core/errors.js
var errors = __webpack_require__(1723);
// EXTERNAL MODULE: ./.build/js/core/gate.js
var gate = __webpack_require__(5263);
// EXTERNAL MODULE: ./.build/js/core/inputs.js
var inputs = __webpack_require__(1621);
// EXTERNAL MODULE: ./.build/js/core/preview.js
var core_preview = __webpack_require__(2634);
// EXTERNAL MODULE: ./.build/js/core/surface.js
var core_surface = __webpack_require__(6061);
// EXTERNAL MODULE: ./.build/js/core/audit.js
var audit = __webpack_require__(113);
// EXTERNAL MODULE: ./.build/js/core/health.js
var core_health = __webpack_require__(778);
// EXTERNAL MODULE: ./.build/js/core/heroku.js
var core_heroku = __webpack_require__(1844);
// EXTERNAL MODULE: ./.build/js/core/ports.js
var core_ports = __webpack_require__(6482);
// EXTERNAL MODULE: ./.build/js/core/duration.js
var duration = __webpack_require__(8760);
// EXTERNAL MODULE: ./.build/js/store/audit.js + 3 modules
var store_audit = __webpack_require__(7091);
// EXTERNAL MODULE: ./.build/js/store/db.js
var db = __webpack_require__(6522);
// EXTERNAL MODULE: ./.build/js/store/migrate.js
var migrate = __webpack_require__(1243);
;// CONCATENATED MODULE: ./.build/js/store/lock.js





/** The first key of every per-app lock (the second is hashtext of the app): prodgate's own key space. */
const APP_LOCK_SPACE = 72_468_130;
const HEARTBEAT_MS = 15_000;
/** Another deploy of the app held its lock for longer than the wait. */
class LockTimeoutError extends errors/* ProdgateError */.fc {
    app;
    holder;
    name = "LockTimeoutError";
    constructor(message, app, holder) {
        super(message);
        this.app = app;
        this.holder = holder;
    }
}
function describeHolder(row) {
    if (!row)
        return undefined;
    const runUrl = typeof row.context.run_url === "string" ? `, ${row.context.run_url}` : "";
    return `${row.actor} (${row.action} started ${row.createdAt.toISOString()}${runUrl})`;
}
/**
 * Runs `fn` holding the Postgres advisory lock of `app`, so one deploy per app runs at a time. The lock
 * lives on a connection of its own, opened here and held for the whole of `fn`; it is released on every way
 * out (return, throw) and, since a session lock dies with its session, when the process is killed. A second
 * caller waits up to `waitMs`, then fails naming the holder from the newest `started` audit row of the app.
 * `fn` gets a signal that aborts if the lock's connection is lost while it runs.
 *
 * Session locks need a direct connection: a transaction-pooling bouncer (PgBouncer) would not keep them.
 */
async function withAppLock(databaseUrl, app, fn, opts = {}) {
    (0,db/* parseDatabaseUrl */.mx)("database-url", databaseUrl);
    const table = opts.table?.trim() || migrate/* DEFAULT_TABLES */.uB.audit;
    (0,db/* quoteIdent */.v4)("table", table);
    const waitMs = Math.max(0, Math.round(opts.waitMs ?? 600_000));
    const key = `prodgate:deploy:${app}`;
    const client = await (0,db/* connect */.Ng)(databaseUrl, {
        applicationName: `prodgate lock ${app}`.slice(0, 63),
        keepAlive: true,
        statementTimeoutMs: 0,
    });
    const lost = new AbortController();
    const onLost = () => {
        if (!lost.signal.aborted)
            lost.abort(new errors/* ProdgateError */.fc(`the lock of ${app} was lost: its database connection closed`));
    };
    let acquired = false;
    try {
        try {
            await client.query("SELECT set_config('statement_timeout', '0', false)");
            if (waitMs === 0) {
                const res = await client.query("SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok", [APP_LOCK_SPACE, key]);
                acquired = res.rows[0]?.ok === true;
            }
            else {
                await client.query("SELECT set_config('lock_timeout', $1, false)", [`${waitMs}ms`]);
                try {
                    await client.query("SELECT pg_advisory_lock($1, hashtext($2))", [APP_LOCK_SPACE, key]);
                    acquired = true;
                }
                catch (err) {
                    if (err.code !== "55P03")
                        throw err;
                }
                await client.query("SELECT set_config('lock_timeout', '0', false)");
            }
        }
        catch (err) {
            throw (0,db/* dbFailure */.LU)(`cannot take the deploy lock of ${app}`, err, databaseUrl);
        }
        if (!acquired) {
            let holder;
            try {
                holder = describeHolder(await (0,store_audit/* latestStartedRow */.j)(client, table, app));
            }
            catch {
                holder = undefined;
            }
            const waited = waitMs ? ` after waiting ${(0,duration/* formatDuration */.a3)(waitMs)}` : "";
            throw new LockTimeoutError(`another deploy of ${app} holds its lock${waited}: ${holder ? `held by ${holder}` : "holder unknown (no started audit row)"}`, app, holder);
        }
        client.on("error", onLost);
        client.on("end", onLost);
        const heartbeat = setInterval(() => {
            client.query("SELECT 1").catch(onLost);
        }, HEARTBEAT_MS);
        heartbeat.unref();
        try {
            return await fn(lost.signal);
        }
        finally {
            clearInterval(heartbeat);
        }
    }
    finally {
        client.off("end", onLost);
        if (acquired)
            await client
                .query("SELECT pg_advisory_unlock($1, hashtext($2))", [APP_LOCK_SPACE, key])
                .catch(() => { });
        // A connection the server already dropped may never confirm its end: do not wait on it forever.
        await Promise.race([client.end().catch(() => { }), new Promise((r) => setTimeout(r, 2000).unref())]);
    }
}

// EXTERNAL MODULE: ./.build/js/store/spool.js
var spool = __webpack_require__(7997);
// EXTERNAL MODULE: ./.build/js/vendors/github.js + 10 modules
var vendors_github = __webpack_require__(6678);
// EXTERNAL MODULE: ./node_modules/@actions/exec/lib/exec.js + 3 modules
var exec = __webpack_require__(1260);
;// CONCATENATED MODULE: ./.build/js/vendors/heroku-git.js




async function git(args, opts) {
    let stdout = "";
    let stderr = "";
    let pending = "";
    const code = await (0,exec/* exec */.m)("git", args, {
        cwd: opts.cwd,
        env: opts.env ?? process.env,
        silent: true,
        ignoreReturnCode: true,
        listeners: {
            stdout: (d) => {
                stdout += d.toString("utf8");
            },
            stderr: (d) => {
                const text = d.toString("utf8");
                stderr += text;
                if (!opts.onStderrLine)
                    return;
                pending += text;
                const parts = pending.split(/\r\n|\r|\n/);
                pending = parts.pop() ?? "";
                for (const line of parts)
                    opts.onStderrLine(line);
            },
        },
    });
    if (pending && opts.onStderrLine)
        opts.onStderrLine(pending);
    return { code, stdout, stderr };
}
function lines(text) {
    return text.split(/\r\n|\r|\n/).filter((l) => l.trim() !== "");
}
/** A failed push, with what kind of failure it was and the last lines of the remote build. */
class HerokuPushError extends errors/* VendorError */.Hi {
    kind;
    tail;
    constructor(message, kind, tail) {
        super("Heroku", message, undefined, kind === "unreachable");
        this.kind = kind;
        this.tail = tail;
    }
}
class HerokuGit {
    gitUrl;
    cwd;
    apiKey;
    baseEnv;
    onOutput;
    constructor(opts) {
        const raw = (opts.gitUrl || process.env.HEROKU_GIT_URL || "https://git.heroku.com").trim();
        const url = (0,inputs/* parseHttpUrl */.f$)("HEROKU_GIT_URL", raw);
        if (url.username || url.password)
            throw new errors/* InputError */.dz("HEROKU_GIT_URL", `must not carry credentials; got '${(0,inputs/* redactUrl */.BO)(url)}'`);
        this.gitUrl = url.toString().replace(/\/+$/, "");
        this.apiKey = opts.apiKey;
        this.cwd = opts.cwd ?? process.cwd();
        this.baseEnv = opts.env ?? process.env;
        this.onOutput = opts.onOutput;
    }
    remoteUrl(app) {
        return `${this.gitUrl}/${app}.git`;
    }
    /**
     * The environment of a git process that talks to Heroku: the key as a Basic Authorization header scoped to
     * Heroku's git URL, no credential helpers (nothing stored, nothing prompted), no terminal prompts.
     */
    authEnv() {
        const env = {};
        for (const [k, v] of Object.entries(this.baseEnv))
            if (v !== undefined)
                env[k] = v;
        delete env.GIT_ASKPASS;
        delete env.SSH_ASKPASS;
        let n = Number(env.GIT_CONFIG_COUNT ?? "0");
        if (!Number.isInteger(n) || n < 0)
            n = 0;
        const add = (key, value) => {
            env[`GIT_CONFIG_KEY_${n}`] = key;
            env[`GIT_CONFIG_VALUE_${n}`] = value;
            n++;
        };
        const basic = Buffer.from(`heroku:${this.apiKey}`).toString("base64");
        add(`http.${this.gitUrl}/.extraHeader`, `Authorization: Basic ${basic}`);
        add("credential.helper", "");
        env.GIT_CONFIG_COUNT = String(n);
        env.GIT_TERMINAL_PROMPT = "0";
        return env;
    }
    /** The commit on Heroku's main branch, or undefined when the app's repo is empty. */
    async remoteHead(app) {
        const r = await git(["ls-remote", this.remoteUrl(app), "refs/heads/main", "refs/heads/master"], {
            cwd: this.cwd,
            env: this.authEnv(),
        });
        if (r.code !== 0)
            throw this.failure(app, "reach", lines(r.stderr));
        const refs = Object.fromEntries(lines(r.stdout).map((l) => {
            const [sha, ref] = l.split(/\s+/);
            return [ref ?? "", sha ?? ""];
        }));
        return refs["refs/heads/main"] || refs["refs/heads/master"] || undefined;
    }
    /**
     * Pushes `sha` to the app's main branch, streaming the remote build's output. Never forces unless asked; a
     * non-fast-forward push fails, changing nothing, with a message that names `force: true`.
     */
    async push(app, sha, opts = {}) {
        const all = [];
        const onLine = (raw) => {
            const line = raw.replace(/\s+$/, "");
            all.push(line);
            if (line.trim() && !line.startsWith("hint:"))
                this.onOutput?.(line);
        };
        const refspec = `${opts.force ? "+" : ""}${sha}:refs/heads/main`;
        const r = await git(["push", "--porcelain", "--no-verify", this.remoteUrl(app), refspec], {
            cwd: this.cwd,
            env: this.authEnv(),
            onStderrLine: onLine,
        });
        const out = lines(r.stdout);
        for (const line of out) {
            const status = /^.\t([^:\s]+):refs\/heads\/main\t(.*)$/.exec(line);
            if (status)
                onLine(`git push: ${(0,core_heroku/* shortSha */.Fu)(status[1])} -> main ${status[2]}`);
            else if (!/^(To |Done$)/.test(line))
                onLine(line);
        }
        const everything = [...all, ...out];
        const status = out.find((l) => l.includes(":refs/heads/main\t"));
        const rejected = status?.startsWith("!") || everything.some((l) => /Push rejected/.test(l));
        if (r.code === 0 && !rejected)
            return { upToDate: status?.startsWith("=") ?? false, forced: !!opts.force, lines: everything };
        throw this.failure(app, "push", everything, sha);
    }
    failure(app, what, output, sha) {
        const kind = (0,core_heroku/* classifyPushFailure */.hN)(output);
        const tail = (0,core_heroku/* buildLines */.A)(output);
        const target = this.remoteUrl(app);
        switch (kind) {
            case "non-fast-forward":
                return new HerokuPushError(`Heroku's git repo for '${app}' has commits that ${(0,core_heroku/* shortSha */.Fu)(sha)} does not contain, so the push was refused (not a fast-forward). Nothing was changed. To replace what Heroku has with this commit, run again with force: true.`, kind, tail);
            case "rejected-build":
                return new HerokuPushError(`Heroku rejected the build of ${(0,core_heroku/* shortSha */.Fu)(sha)} for '${app}' (Push rejected); nothing was released.${tail.length ? ` Last build lines:\n${tail.join("\n")}` : ""}`, kind, tail);
            case "auth":
                return new HerokuPushError(`Heroku git rejected the API key (401 Unauthorized) for ${target}: check that heroku-api-key / HEROKU_API_KEY holds a valid key with access to '${app}'`, kind, tail);
            case "not-found":
                return new HerokuPushError(`Heroku git has no app '${app}' at ${target}`, kind, tail);
            case "shallow":
                return new HerokuPushError(`Heroku refused the push from a shallow clone (shallow update not allowed); check out with fetch-depth: 0`, kind, tail);
            default: {
                const last = output
                    .filter((l) => l.trim())
                    .slice(-8)
                    .join("\n");
                return new HerokuPushError(`git ${what === "push" ? "push to" : "could not reach"} ${target} failed${last ? `:\n${last}` : ""}`, kind, tail);
            }
        }
    }
}
/** The local checkout a deploy pushes from. */
class LocalRepo {
    cwd;
    onInfo;
    constructor(cwd, onInfo = () => { }) {
        this.cwd = cwd;
        this.onInfo = onInfo;
    }
    run(args, onStderrLine) {
        return git(args, { cwd: this.cwd, onStderrLine });
    }
    /** The full SHA `ref` names in this checkout. */
    async resolveCommit(input, ref) {
        const inside = await this.run(["rev-parse", "--is-inside-work-tree"]);
        if (inside.code !== 0 || inside.stdout.trim() !== "true")
            throw new errors/* InputError */.dz(input, `needs a git checkout, but ${this.cwd} is not one: add actions/checkout before this step`);
        const r = await this.run(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
        const sha = r.stdout.trim();
        if (r.code !== 0 || !/^[0-9a-f]{40}$/.test(sha))
            throw new errors/* InputError */.dz(input, `names '${ref}', which is not a commit in the checkout at ${this.cwd}: check it out (actions/checkout with ref: and fetch-depth: 0) or pass a commit SHA that is there`);
        return sha;
    }
    /** When `sha` was committed (ISO 8601), or undefined when the checkout cannot tell (e.g. a shallow graft). */
    async commitTime(sha) {
        const r = await this.run(["show", "-s", "--format=%cI", sha]);
        const at = r.stdout.trim();
        return r.code === 0 && !Number.isNaN(Date.parse(at)) ? new Date(at).toISOString() : undefined;
    }
    async isShallow() {
        const r = await this.run(["rev-parse", "--is-shallow-repository"]);
        return r.stdout.trim() === "true";
    }
    async hasCommit(sha) {
        return (await this.run(["cat-file", "-e", `${sha}^{commit}`])).code === 0;
    }
    async isAncestor(ancestor, of) {
        return (await this.run(["merge-base", "--is-ancestor", ancestor, of])).code === 0;
    }
    async subject(sha) {
        return (await this.run(["log", "-1", "--format=%s", sha])).stdout.trim();
    }
    /** The remote a shallow clone is deepened from: origin, else the only remote. */
    async deepenRemote() {
        const remotes = lines((await this.run(["remote"])).stdout);
        if (remotes.includes("origin"))
            return "origin";
        if (remotes.length === 1)
            return remotes[0];
        throw new errors/* VendorError */.Hi("git", `The checkout at ${this.cwd} is a shallow clone with no origin remote to deepen it from: check out with fetch-depth: 0`);
    }
    /**
     * Makes the history Heroku needs available. Heroku refuses a push whose history stops at a shallow boundary
     * it cannot connect to what it has, so a shallow clone is deepened until `sha` reaches `remoteHead` (the
     * commit Heroku has), or made whole when Heroku has nothing yet or the histories do not meet.
     */
    async ensureHistory(sha, remoteHead) {
        if (!(await this.isShallow()))
            return "complete";
        const remote = await this.deepenRemote();
        const connected = async () => remoteHead !== undefined &&
            (await this.hasCommit(remoteHead)) &&
            (await this.isAncestor(remoteHead, sha));
        if (await connected())
            return "deepened";
        if (remoteHead) {
            for (const depth of [50, 500]) {
                this.onInfo(`Shallow clone: fetching ${depth} more commits of history from ${remote}`);
                const r = await this.run(["fetch", "--no-tags", "--quiet", `--deepen=${depth}`, remote, sha]);
                if (r.code !== 0)
                    break;
                if (!(await this.isShallow()))
                    return "unshallowed";
                if (await connected())
                    return "deepened";
            }
        }
        this.onInfo(`Shallow clone: fetching the whole history from ${remote}`);
        let r = await this.run(["fetch", "--no-tags", "--quiet", "--unshallow", remote, sha]);
        if (r.code !== 0 && (await this.isShallow()))
            r = await this.run(["fetch", "--quiet", "--unshallow", remote]);
        if (r.code !== 0 && (await this.isShallow()))
            throw new errors/* VendorError */.Hi("git", `Could not deepen the shallow clone at ${this.cwd} from ${remote}: ${lines(r.stderr).slice(-3).join(" ")}. Check out with fetch-depth: 0.`);
        return "unshallowed";
    }
    /** Writes a gzipped tarball of the tree at `sha` (what `git archive` exports) to `file`. */
    async archive(sha, file) {
        const r = await this.run(["archive", "--format=tar.gz", "-o", file, sha]);
        if (r.code !== 0)
            throw new errors/* VendorError */.Hi("git", `git archive of ${(0,core_heroku/* shortSha */.Fu)(sha)} failed: ${lines(r.stderr).slice(-3).join(" ")}`);
    }
}

;// CONCATENATED MODULE: ./.build/js/store/approval-ledger.js


/**
 * Which of a run's environment approvals earlier attempts already used. GitHub's review history of a run
 * (GET .../runs/{id}/approvals) spans every attempt and carries no time, so each deploy records in its audit
 * rows how many review entries of its environment it had seen (`details.approval_entries`); attempt N then
 * counts only the entries after the most any earlier attempt of the same run recorded. An approval given to
 * attempt 1 is therefore never taken as attempt 2's.
 */
async function approvalEntriesUsed(databaseUrl, opts) {
    const table = (0,db/* quoteIdent */.v4)("audit-table", opts.table?.trim() || migrate/* DEFAULT_TABLES */.uB.audit);
    const client = await (0,db/* connect */.Ng)(databaseUrl, { applicationName: "prodgate approval ledger" });
    try {
        const res = await client.query(`SELECT max((context->'details'->>'approval_entries')::int) AS used FROM ${table}
        WHERE action = $1 AND context->>'run_id' = $2 AND (context->>'run_attempt')::int < $3
          AND context->'details' ? 'approval_entries'`, [opts.action, opts.runId, opts.runAttempt]);
        return res.rows[0]?.used ?? 0;
    }
    catch (err) {
        // No audit table yet (the first deploy migrates it): no attempt has used anything.
        if (err.code === "42P01")
            return 0;
        throw err;
    }
    finally {
        await client.end().catch(() => { });
    }
}

// EXTERNAL MODULE: ./.build/js/pipelines/approval-check.js + 1 modules
var approval_check = __webpack_require__(1247);
;// CONCATENATED MODULE: ./.build/js/pipelines/deploy-types.js
/** `deploy.production`, `rollback.prod-eu`: the audit action of an environment. */
function auditAction(kind, environment) {
    const env = environment
        .trim()
        .toLowerCase()
        .replace(/[^a-z0-9._:-]+/g, "-")
        .replace(/^-+|-+$/g, "") || "unknown";
    return `${kind}.${env}`;
}

;// CONCATENATED MODULE: ./.build/js/pipelines/deploy-approval.js







/**
 * The approval of a `ci` deploy, verified here from GitHub every time (never taken from an input). Production
 * without GitHub to ask is refused. Environment mode counts only review entries after those that earlier
 * attempts of the run used (recorded in their audit rows), so the database must answer first: fail closed.
 */
async function verifyCiApproval(ctx) {
    const { settings, github, ports } = ctx;
    const mode = settings.approval?.mode ?? "environment";
    const needed = ctx.production || settings.requireReviewers || mode === "issue";
    if (!github || !settings.runId) {
        if (ctx.production && !settings.eventName)
            throw new errors/* GateError */.ue(`refusing to deploy to ${settings.environment}: the triggering event is unknown, and production deploys start only from a deliberate dispatch`);
        if (settings.eventName)
            (0,gate/* checkTriggerEvent */.F$)(settings.eventName, settings.environment, settings.productionEnvironments);
        if (needed)
            throw new errors/* GateError */.ue(`cannot verify the approval of this deploy to ${settings.environment}: ${!github ? "no github-token was given" : "GITHUB_RUN_ID is not set"}, and the step that deploys checks the approval itself, from GitHub`);
        return undefined;
    }
    let entriesUsed = 0;
    if (mode === "environment" && needed) {
        try {
            entriesUsed = await approvalEntriesUsed(settings.audit.databaseUrl, {
                table: settings.audit.table,
                action: auditAction("deploy", settings.environment),
                runId: settings.runId,
                runAttempt: ctx.runAttempt,
            });
        }
        catch (err) {
            throw new errors/* AuditError */.M_(`${audit/* AUDIT_REFUSED */.Z5} (${(0,errors/* describeError */.Uc)(err)})`);
        }
    }
    const teams = settings.github?.teamsToken
        ? new vendors_github/* GitHubClient */.jh({
            token: settings.github.teamsToken,
            repository: settings.github.repository,
            baseUrl: settings.github.baseUrl,
            clock: ctx.clock,
        })
        : undefined;
    const approval = settings.approval;
    return (0,approval_check/* verifyDeployApproval */.C)({
        mode,
        environment: settings.environment,
        productionEnvironments: settings.productionEnvironments,
        repository: github.fullName,
        eventName: settings.eventName,
        actor: settings.actor,
        runActor: settings.runActor,
        runId: settings.runId,
        runAttempt: ctx.runAttempt,
        requireReviewers: settings.requireReviewers,
        issue: approval?.mode === "issue"
            ? {
                number: approval.issue,
                app: settings.app,
                approvers: approval.approvers,
                minimumApprovals: approval.minimumApprovals,
                allowSelfApproval: approval.allowSelfApproval,
            }
            : undefined,
        entriesUsed,
    }, { github, teams, reporter: ports.reporter });
}

// EXTERNAL MODULE: ./.build/js/store/checkpoints.js
var checkpoints = __webpack_require__(5221);
;// CONCATENATED MODULE: ./.build/js/pipelines/deploy-audit.js







/** The deploy's audit rows: what they hold, writing them (spooled when the database cannot take them), checkpoints. */
/** Values a surface's settings hold that must never be shown. */
function surfaceSecrets(surface) {
    switch (surface.kind) {
        case "heroku":
            return [surface.apiKey, Buffer.from(`heroku:${surface.apiKey}`).toString("base64")];
        case "cloudflare-pages":
            return [surface.apiToken];
        case "command":
            return [];
    }
}
/** Every credential of the run, registered with the reporter before anything is logged. */
function registerSecrets(settings, reporter) {
    const secrets = [
        ...surfaceSecrets(settings.surface),
        ...(0,db/* databaseUrlSecrets */.I6)(settings.audit.databaseUrl),
        settings.github?.token ?? "",
        settings.slack?.token ?? "",
        settings.slack?.webhookUrl ?? "",
        ...(settings.audit.signingKey ?? "").split(/\r?\n/).map((l) => l.trim()),
        settings.audit.signingKey ?? "",
    ].filter((s) => s.length >= 4);
    for (const s of secrets)
        reporter.secret(s);
    return secrets;
}
function record(ctx, kind, phase, outcome, extra = {}) {
    const { settings, state } = ctx;
    return (0,audit/* buildAuditRecord */.Ti)({
        action: auditAction(kind, settings.environment),
        phase,
        outcome,
        actor: settings.actor,
        approvedBy: state.result.approvedBy,
        target: settings.app,
        fromSha: extra.fromSha ?? state.result.fromSha,
        toSha: extra.toSha ?? state.result.toSha,
        trigger: settings.trigger,
        environment: settings.environment,
        runUrl: settings.runUrl,
        runId: ctx.runId,
        runAttempt: ctx.runAttempt,
        context: {
            ...ctx.surface.auditContext,
            ...(settings.approval ? { approval_mode: settings.approval.mode } : {}),
            ...(settings.approval?.mode === "issue" && settings.approval.issue
                ? { approval_issue: settings.approval.issue }
                : {}),
            ...(kind === "deploy" && ctx.committedAt ? { committed_at: ctx.committedAt } : {}),
            ...(state.approvalEntries !== undefined ? { approval_entries: state.approvalEntries } : {}),
            ...(settings.runActor && settings.runActor !== settings.actor
                ? { run_started_by: settings.runActor }
                : {}),
            ...extra.context,
        },
        createdAt: ctx.clock.now(),
        secrets: ctx.secrets,
    });
}
/** Writes an outcome row; a record that cannot be written is spooled and shown (the caller fails the step). */
async function writeOutcome(ctx, store, rec) {
    const { reporter } = ctx.ports;
    const written = await (0,spool/* recordAudit */.h3)(store, rec, { spoolDir: ctx.settings.audit.spoolDir });
    if (!written.spooled) {
        reporter.info(`Audit row #${written.id}${written.duplicate ? " (already written)" : ""}: ${rec.action} ${rec.phase} ${rec.outcome ?? ""}`);
        if (rec.phase === "completed")
            await checkpointAfter(ctx, await store, rec);
        return written.id;
    }
    ctx.state.result.auditSpooled = true;
    ctx.state.result.spoolFile ??= written.file;
    ctx.state.spoolSummaries.push((0,audit/* renderSpoolSummary */.In)(rec, written.file, written.reason));
    reporter.warning(`The ${rec.action} ${rec.phase} row could not be written (${written.reason}); ${written.file ? `spooled to ${written.file}` : "it is in the summary"}: write it later with 'prodgate audit replay --spool DIR'`);
    return undefined;
}
/** After an outcome row: a signed checkpoint into the table, the summary and the log (or "not signed"). */
async function checkpointAfter(ctx, store, rec) {
    try {
        const written = await (0,checkpoints/* writeCheckpoint */.Kp)(store, ctx.settings.audit.signingKey, {
            reason: rec.action.startsWith("rollback") ? "rollback" : "deploy",
            now: ctx.clock.now(),
        });
        ctx.ports.reporter.info(written.logLine);
        if (!ctx.state.spoolSummaries.includes(written.summary))
            ctx.state.spoolSummaries.push(written.summary);
    }
    catch (err) {
        ctx.ports.reporter.warning(`the audit checkpoint could not be written: ${(0,errors/* describeError */.Uc)(err)}`);
    }
}
function openStore(settings) {
    const opening = store_audit/* AuditStore */.f.open(settings.audit.databaseUrl, {
        table: settings.audit.table,
        migrate: settings.audit.migrate ?? true,
    });
    opening.catch(() => { });
    return opening;
}
async function closeStore(store) {
    await store.then((s) => s.close()).catch(() => { });
}
/** A deploy refused before anything changed: a `rejected` row when the database can take it, a notice. */

// EXTERNAL MODULE: ./.build/js/pipelines/notify.js + 1 modules
var notify = __webpack_require__(3445);
// EXTERNAL MODULE: ./.build/js/vendors/github-gate.js
var github_gate = __webpack_require__(2793);
;// CONCATENATED MODULE: ./.build/js/pipelines/preview.js







/**
 * What a deploy of `ref` to `app` would ship. Used by the diff-preview action, the deploy pipeline, the
 * issue-comment approval gate and `prodgate preview`.
 */
async function computePreview(req, ports) {
    const { github, reporter } = ports;
    const clock = ports.clock ?? core_ports/* systemClock */.m;
    const serverUrl = (req.serverUrl ?? "https://github.com").replace(/\/+$/, "");
    const max = Math.max(0, req.maxCommits);
    const target = await github.findCommit(req.ref);
    if (!target)
        throw new errors/* InputError */.dz("ref", `'${req.ref}' names no branch, tag or commit in ${github.fullName}: push it, or check the name`);
    const toSha = target.sha;
    let from;
    let liveKnown;
    if (req.fromSha)
        from = { sha: req.fromSha, source: "input" };
    else if (!ports.heroku && req.liveFromDeployments) {
        const d = await (0,github_gate/* newestSuccessfulDeployment */.uB)(github, req.environment);
        if (d)
            from = { sha: d.sha, source: "deployment" };
        else
            liveKnown = false;
        reporter.info(d
            ? `Live SHA from GitHub's newest successful deployment to ${req.environment} (#${d.deploymentId}): ${d.sha.slice(0, 7)}; the deploy reads the live SHA again with the deploy key`
            : `No successful deployment to ${req.environment} on GitHub: previewing as a first deploy`);
    }
    else {
        if (!req.app || !ports.heroku)
            throw new errors/* InputError */.dz("from-sha", "is required when no Heroku app and API key are given to read the live release");
        const live = await ports.heroku.liveCommit(req.app);
        if (live.sha)
            from = {
                sha: live.sha,
                source: "heroku",
                release: live.release?.version !== undefined ? `release v${live.release.version}` : undefined,
            };
    }
    const base = {
        repository: github.fullName,
        serverUrl,
        app: req.app,
        environment: req.environment,
        production: (0,gate/* isProduction */.KV)(req.environment, req.productionEnvironments ?? ["production"]),
        ...(liveKnown === false ? { liveKnown } : {}),
        to: { sha: toSha, url: target.html_url, ref: req.ref },
        generatedAt: clock.now().toISOString(),
        runUrl: req.runUrl,
    };
    if (!from) {
        const [count, history] = await Promise.all([github.countCommits(toSha), github.listCommits(toSha, max)]);
        const preview = {
            ...base,
            status: "first-deploy",
            ahead: count,
            behind: 0,
            commitCount: count,
            commits: history.map(toPreviewCommit),
            removed: [],
            files: [],
            filesDirection: "ship",
        };
        log(reporter, preview);
        return preview;
    }
    const fromSha = from.sha;
    if ((0,core_preview/* classifyPreview */.L5)(fromSha, toSha, undefined) === "identical") {
        const preview = {
            ...base,
            from: { ...from, sha: toSha.startsWith(fromSha.toLowerCase()) ? toSha : fromSha, url: target.html_url },
            status: "identical",
            ahead: 0,
            behind: 0,
            commitCount: 0,
            commits: [],
            removed: [],
            files: [],
            filesDirection: "ship",
        };
        log(reporter, preview);
        return preview;
    }
    let forward;
    try {
        forward = await github.compare(fromSha, toSha, { newest: max });
    }
    catch (err) {
        if (!(err instanceof vendors_github/* GitHubError */.y_ && err.status === 404))
            throw err;
        const preview = {
            ...base,
            from,
            status: "unknown",
            ahead: 0,
            behind: 0,
            commitCount: 0,
            commits: [],
            removed: [],
            files: [],
            filesDirection: "ship",
            note: err.apiMessage && err.apiMessage !== "Not Found" ? err.apiMessage : "GitHub: Not Found",
        };
        log(reporter, preview);
        return preview;
    }
    const status = (0,core_preview/* classifyPreview */.L5)(fromSha, toSha, forward.status);
    let removed = [];
    let files = forward.files.map(toPreviewFile);
    let filesDirection = "ship";
    if (forward.behindBy > 0) {
        // What is live but not in the target: the commits this deploy takes away.
        const reverse = await github.compare(toSha, fromSha, { newest: max });
        removed = reverse.commits.map(toPreviewCommit);
        if (status === "behind") {
            files = reverse.files.map(toPreviewFile);
            filesDirection = "revert";
        }
    }
    const preview = {
        ...base,
        from: { ...from, sha: forward.baseCommit.sha, url: forward.baseCommit.html_url },
        status,
        ahead: forward.aheadBy,
        behind: forward.behindBy,
        commitCount: forward.aheadBy,
        commits: forward.commits.map(toPreviewCommit),
        removed,
        files,
        filesDirection,
        compareUrl: `${serverUrl}/${github.fullName}/compare/${forward.baseCommit.sha}...${toSha}`,
    };
    log(reporter, preview);
    return preview;
}
/**
 * Where reviewers look for `sha`: `auto` → the pull request whose head is the SHA (an open one first), else
 * the commit; `pr` → that pull request only; `commit` → the commit; `none` → nowhere.
 */
async function findCommentTarget(github, sha, mode) {
    if (mode === "none")
        return undefined;
    if (mode === "commit")
        return { commit: sha };
    const pulls = (await github.pullsForCommit(sha)).filter((p) => p.head.sha === sha);
    const pr = pulls.find((p) => p.state === "open") ?? pulls[0];
    if (pr)
        return { pr: pr.number };
    return mode === "auto" ? { commit: sha } : undefined;
}
/** Posts or updates the one sticky preview comment for the app and environment. */
async function publishPreviewComment(preview, opts) {
    const target = await findCommentTarget(opts.github, preview.to.sha, opts.mode);
    if (!target) {
        if (opts.mode === "pr")
            opts.reporter.warning(`No pull request has ${shortSha(preview.to.sha)} as its head: no comment posted (comment: pr)`);
        return undefined;
    }
    const body = opts.body ?? renderPreviewMarkdown(preview, { variant: "comment" });
    const result = await opts.github.upsertStickyComment({
        target,
        key: stickyKey(preview.app, preview.environment),
        body,
    });
    const where = "pr" in target ? `pull request #${target.pr}` : `commit ${shortSha(target.commit)}`;
    opts.reporter.info(`Preview comment ${result.action} on ${where}: ${result.comment.html_url}`);
    return { ...result, target };
}
function log(reporter, preview) {
    for (const line of (0,core_preview/* previewLogLines */.w)(preview))
        reporter.info(line);
}
function toPreviewCommit(c) {
    const user = c.author && "login" in c.author ? c.author : undefined;
    return {
        sha: c.sha,
        url: c.html_url,
        author: user?.login ?? c.commit.author?.name ?? "unknown",
        authorUrl: user?.html_url,
        message: c.commit.message,
        date: c.commit.author?.date ?? c.commit.committer?.date,
    };
}
function toPreviewFile(f) {
    return {
        filename: f.filename,
        status: f.status,
        additions: f.additions,
        deletions: f.deletions,
        changes: f.changes,
    };
}

;// CONCATENATED MODULE: ./.build/js/pipelines/deploy-notify.js







/**
 * What the deploy tells: Slack (one message, updated), the GitHub deployment's status, the sticky comment on
 * the PR or commit, and the job summary. Notifications never fail the deploy.
 */
// ---- notifications: Slack, the GitHub deployment, the sticky comment; never fatal ----
/** Retries of each Slack call: a Slack outage costs the deploy seconds, not minutes. */
const SLACK_RETRIES = 1;
async function notifyStarted(ctx) {
    const { settings, ports, state, github } = ctx;
    await Promise.all([
        settings.slack
            ? (0,notify/* notifySlack */.g)(settings.slack, notice(ctx, "started"), {
                reporter: ports.reporter,
                clock: ctx.clock,
                deployKey: slackDeployKey(ctx),
            }).then((r) => {
                if (r.ok)
                    state.result.slack = { ts: r.ts, channel: r.channel };
                else if (r.unknown)
                    state.result.slack = { unknown: true };
            })
            : undefined,
        github
            ? (async () => {
                const { deployment } = await github.findOrCreateDeployment({
                    sha: state.result.toSha,
                    ref: state.result.toSha,
                    environment: settings.environment,
                    description: `prodgate: ${settings.app}`,
                    payload: { app: settings.app },
                    production_environment: ctx.production,
                });
                state.result.deploymentId = deployment.id;
                await github.setDeploymentStatus(deployment.id, {
                    state: "in_progress",
                    log_url: settings.runUrl,
                    description: `Deploying ${(0,core_heroku/* shortSha */.Fu)(state.result.toSha)} to ${settings.app}`,
                });
            })().catch((err) => ports.reporter.warning(`GitHub deployment not marked in progress: ${(0,errors/* describeError */.Uc)(err)} (the deploy goes on)`))
            : undefined,
    ]);
}
/** What finds this deploy's Slack message again when a post's answer was lost. */
function slackDeployKey(ctx) {
    return `${ctx.runId}.${ctx.runAttempt}.${ctx.settings.app}.${ctx.settings.environment}`;
}
function notice(ctx, status, detail) {
    const { settings, state } = ctx;
    return {
        status,
        app: settings.app,
        surface: ctx.surface.kind,
        environment: settings.environment,
        production: ctx.production,
        fromSha: state.result.fromSha,
        toSha: state.result.toSha,
        actor: settings.actor,
        approvedBy: state.result.approvedBy,
        runUrl: settings.runUrl,
        repository: settings.github?.repository ?? settings.repository,
        serverUrl: settings.serverUrl,
        detail,
    };
}
async function notifyOutcome(ctx, status, detail) {
    const { settings, ports, state, github } = ctx;
    const { reporter } = ports;
    const tasks = [];
    if (settings.slack) {
        const slackTarget = state.result.slack?.channel
            ? { ...settings.slack, channel: state.result.slack.channel }
            : settings.slack;
        tasks.push((0,notify/* notifySlack */.g)(slackTarget, notice(ctx, status, detail), {
            reporter,
            clock: ctx.clock,
            updateTs: state.result.slack?.ts,
            retries: SLACK_RETRIES,
            deployKey: slackDeployKey(ctx),
            startUnknownSince: state.result.slack?.unknown ? new Date(ctx.startedAt) : undefined,
        }).then((r) => {
            if (r.ok)
                state.result.slack = {
                    ts: r.ts ?? state.result.slack?.ts,
                    channel: r.channel ?? state.result.slack?.channel,
                };
        }));
    }
    if (github) {
        tasks.push((async () => {
            let id = state.result.deploymentId;
            if (id === undefined) {
                const { deployment } = await github.findOrCreateDeployment({
                    sha: state.result.toSha,
                    ref: state.result.toSha,
                    environment: settings.environment,
                    description: `prodgate: ${settings.app}`,
                    payload: { app: settings.app },
                    production_environment: ctx.production,
                });
                id = deployment.id;
                state.result.deploymentId = id;
            }
            await github.setDeploymentStatus(id, {
                state: status === "success" ? "success" : status === "rejected" ? "error" : "failure",
                environment_url: status === "success" ? state.result.appUrl : undefined,
                log_url: settings.runUrl,
                description: detail,
            });
        })().catch((err) => reporter.warning(`GitHub deployment status not set: ${(0,errors/* describeError */.Uc)(err)} (the deploy goes on)`)), publishOutcomeComment(ctx, status, detail).catch((err) => reporter.warning(`Deploy comment not posted: ${(0,errors/* describeError */.Uc)(err)} (the deploy goes on)`)));
    }
    await Promise.all(tasks);
}
async function publishOutcomeComment(ctx, status, detail) {
    const { settings, state, github, ports } = ctx;
    if (!github || (settings.commentMode ?? "auto") === "none")
        return;
    const target = await findCommentTarget(github, state.result.toSha, settings.commentMode ?? "auto");
    if (!target)
        return;
    const outcome = renderOutcomeSection(ctx, status, detail);
    let body = outcome;
    if (state.result.fromSha) {
        try {
            const preview = await computePreview({
                app: settings.app,
                environment: settings.environment,
                productionEnvironments: settings.productionEnvironments,
                ref: state.result.toSha,
                fromSha: state.result.fromSha,
                maxCommits: 50,
                serverUrl: settings.serverUrl,
                runUrl: settings.runUrl,
            }, { github, reporter: quiet(ports.reporter), clock: ctx.clock });
            body = (0,core_preview/* renderPreviewMarkdown */.mV)(preview, { variant: "comment", before: outcome });
        }
        catch (err) {
            ports.reporter.debug(`preview for the comment not computed: ${(0,errors/* describeError */.Uc)(err)}`);
        }
    }
    const res = await github.upsertStickyComment({
        target,
        key: (0,core_preview/* stickyKey */.NI)(settings.app, settings.environment),
        body,
    });
    state.result.commentUrl = res.comment.html_url;
    ports.reporter.info(`Deploy comment ${res.action}: ${res.comment.html_url}`);
}
function quiet(reporter) {
    return { ...reporter, info: (m) => reporter.debug(m) };
}
// ---- the outcome as markdown ----
function renderOutcomeSection(ctx, status, detail) {
    const { settings, state } = ctx;
    const r = state.result;
    const [first, second] = ctx.surface.rollbackHint().commands;
    const lines = [
        `### ${deploy/* DEPLOY_HEADLINES */.ye[r.outcome]}: \`${(0,core_health/* escapeMd */.Xk)(settings.app)}\` (${(0,core_health/* escapeMd */.Xk)(settings.environment)}) · \`${(0,core_heroku/* shortSha */.Fu)(r.toSha)}\`${r.release ? ` · ${r.release}` : ""}`,
        "",
        (0,core_health/* escapeMd */.Xk)(detail),
    ];
    if (status !== "rejected")
        lines.push("", `Roll back: \`${first}\`${second ? ` (or \`${second}\`)` : ""}`);
    if (settings.runUrl)
        lines.push("", `[The workflow run](${settings.runUrl})`);
    return `${lines.join("\n")}\n`;
}
function finish(ctx) {
    const { settings, state } = ctx;
    const result = state.result;
    result.durationMs = ctx.clock.now().getTime() - ctx.startedAt;
    const path = [...state.path.states];
    const summarySettings = { ...settings, method: ctx.surface.method, surface: ctx.surface.kind };
    return { ...result, path, summary: (0,deploy/* renderGatedDeploySummary */.BV)(summarySettings, { ...result, path }, state) };
}

;// CONCATENATED MODULE: ./.build/js/pipelines/deployment-record.js

/**
 * Tells GitHub what runs on an environment now, as a deployment of `sha` with a `success` status, after a
 * rollback: the next preview that holds no Heroku credential diffs from GitHub's newest successful deployment,
 * so it must not still be the release that was rolled back. Never fails the caller (a warning instead).
 */
async function recordLiveDeployment(github, req, reporter) {
    try {
        const { deployment } = await github.findOrCreateDeployment({
            sha: req.sha,
            ref: req.sha,
            environment: req.environment,
            description: `prodgate: ${req.app}`,
            payload: { app: req.app },
            production_environment: req.production,
        });
        await github.setDeploymentStatus(deployment.id, {
            state: "success",
            log_url: req.logUrl,
            description: req.description,
        });
        return deployment.id;
    }
    catch (err) {
        reporter.warning(`GitHub was not told that ${req.sha.slice(0, 7)} is live on ${req.environment}: ${(0,errors/* describeError */.Uc)(err)} (the next preview without a Heroku token diffs from the last deployment GitHub knows)`);
        return undefined;
    }
}

// EXTERNAL MODULE: ./.build/js/pipelines/health-check.js
var health_check = __webpack_require__(9213);
// EXTERNAL MODULE: ./.build/js/vendors/heroku.js
var vendors_heroku = __webpack_require__(6561);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./.build/js/pipelines/rollback.js
var rollback = __webpack_require__(2666);
;// CONCATENATED MODULE: ./.build/js/pipelines/heroku-release.js








/**
 * Ships one commit to a Heroku app, by git push or by the Build API, and proves it: the new release's slug
 * commit must be the SHA shipped. The deploy pipeline calls it between its audit rows.
 */
async function releaseToHeroku(settings, ports) {
    const clock = ports.clock ?? core_ports/* systemClock */.m;
    const started = clock.now().getTime();
    const { app, sha } = settings;
    const { heroku, reporter } = ports;
    const timeoutMs = settings.timeoutMs ?? 30 * 60_000;
    const onBuildLine = ports.onBuildLine ?? ((line) => reporter.info(line));
    const [appInfo, releases] = await Promise.all([heroku.app(app), heroku.releases(app, { max: 10 })]);
    const current = (0,core_heroku/* currentRelease */.BX)(releases);
    const newestBefore = (0,core_heroku/* newestFirst */.ll)(releases)[0]?.version ?? 0;
    const beforeCommit = current?.slug ? (await heroku.slug(app, current.slug.id)).commit : null;
    const before = current ? { release: current, commit: beforeCommit } : undefined;
    reporter.info(`Deploying ${(0,core_heroku/* shortSha */.Fu)(sha)} to ${app} by ${settings.method}${settings.force ? " (force)" : ""}; live now: ${current ? `${(0,core_heroku/* label */.Pf)(current)} at ${(0,core_heroku/* shortSha */.Fu)(beforeCommit)}` : "nothing"}`);
    let release;
    let alreadyLive = false;
    if (settings.method === "git") {
        const remoteHead = await ports.git.remoteHead(app);
        const history = await ports.repo.ensureHistory(sha, remoteHead);
        if (history !== "complete")
            reporter.info(`Shallow clone ${history} so that Heroku can take the push`);
        let pushed;
        try {
            pushed = await reporter.group(`git push to Heroku (${app})`, () => ports.git.push(app, sha, { force: settings.force }));
        }
        catch (err) {
            if (!(err instanceof HerokuPushError) || err.kind !== "shallow")
                throw err;
            reporter.info("Heroku needs more history than the shallow clone has; fetching all of it");
            await ports.repo.ensureHistory(sha, undefined);
            pushed = await ports.git.push(app, sha, { force: settings.force });
        }
        const made = (0,core_heroku/* newestFirst */.ll)(await heroku.releases(app, { max: 5 })).find((r) => r.version > newestBefore);
        if (made)
            release = made;
        else if (pushed.upToDate && beforeCommit === sha && current) {
            release = current;
            alreadyLive = true;
            reporter.info(`${app} already runs ${(0,core_heroku/* shortSha */.Fu)(sha)} (${(0,core_heroku/* label */.Pf)(current)}); no new release`);
        }
        else if (pushed.upToDate)
            throw new errors/* ProdgateError */.fc(`Heroku's git repo for ${app} already has ${(0,core_heroku/* shortSha */.Fu)(sha)}, so the push built nothing, but the app runs ${(0,core_heroku/* shortSha */.Fu)(beforeCommit)} (a rollback happened since). Deploy it with method: build, or roll forward with the heroku-rollback action.`);
        else
            throw new errors/* ProdgateError */.fc(`The push of ${(0,core_heroku/* shortSha */.Fu)(sha)} to ${app} succeeded, but Heroku made no new release.`);
    }
    else {
        release = await buildFromSource(settings, ports, clock, timeoutMs, onBuildLine);
    }
    if (!alreadyLive) {
        release = await (0,rollback/* waitForRelease */.U)(heroku, app, release, reporter, clock, timeoutMs);
        if (release.status === "failed")
            throw new errors/* ProdgateError */.fc(`${app} ${(0,core_heroku/* label */.Pf)(release)} failed (its release command failed), so ${(0,core_heroku/* shortSha */.Fu)(sha)} is not live${current ? `; ${(0,core_heroku/* label */.Pf)(current)} stays current` : ""}.`);
    }
    if (!release.slug)
        throw new errors/* ProdgateError */.fc(`${app} ${(0,core_heroku/* label */.Pf)(release)} has no slug, so it runs no commit.`);
    const slug = await heroku.slug(app, release.slug.id);
    if (slug.commit !== sha)
        throw new errors/* ProdgateError */.fc(`${app} ${(0,core_heroku/* label */.Pf)(release)} runs commit ${(0,core_heroku/* shortSha */.Fu)(slug.commit)}, not the ${(0,core_heroku/* shortSha */.Fu)(sha)} deployed: something else released at the same time.`);
    reporter.info(`Verified: ${app} ${(0,core_heroku/* label */.Pf)(release)} runs ${sha}`);
    return {
        app,
        sha,
        method: settings.method,
        before,
        after: { release, commit: slug.commit },
        alreadyLive,
        forced: settings.force,
        webUrl: appInfo.web_url,
        durationMs: clock.now().getTime() - started,
    };
}
/** `git archive` tarball → sources upload URL → POST builds → output streamed → polled to the end. */
async function buildFromSource(settings, ports, clock, timeoutMs, onBuildLine) {
    const { app, sha } = settings;
    const { heroku, reporter } = ports;
    const dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(ports.tempDir || (0,external_node_os_.tmpdir)(), "prodgate-source-"));
    try {
        const file = (0,external_node_path_.join)(dir, "source.tar.gz");
        await ports.repo.archive(sha, file);
        const subject = await ports.repo.subject(sha);
        const source = await heroku.createSource();
        reporter.info(`Uploading source of ${(0,core_heroku/* shortSha */.Fu)(sha)} (${Math.ceil((0,external_node_fs_.statSync)(file).size / 1024)} KiB)`);
        await heroku.upload(source.source_blob.put_url, file);
        let build = await heroku.createBuild(app, {
            url: source.source_blob.get_url,
            version: sha,
            versionDescription: subject || undefined,
        });
        reporter.info(`Build ${build.id} started`);
        const tail = [];
        const onLine = (line) => {
            tail.push(line);
            if (tail.length > 15)
                tail.shift();
            onBuildLine(line);
        };
        if (build.output_stream_url) {
            const streamUrl = build.output_stream_url;
            await reporter
                .group(`Heroku build (${app})`, () => heroku.streamOutput(streamUrl, onLine))
                .catch((err) => reporter.warning(`Build output stream ended early: ${String(err.message)}`));
        }
        const deadline = clock.now().getTime() + timeoutMs;
        while (build.status === "pending") {
            build = await heroku.build(app, build.id);
            if (build.status !== "pending")
                break;
            if (clock.now().getTime() > deadline)
                throw new errors/* ProdgateError */.fc(`Heroku build ${build.id} of ${app} is still running after ${Math.round(timeoutMs / 1000)} s`);
            await clock.sleep(1_000);
        }
        if (build.status === "failed") {
            const lines = tail.filter((l) => l.trim());
            throw new errors/* VendorError */.Hi("Heroku", `Heroku rejected the build of ${(0,core_heroku/* shortSha */.Fu)(sha)} for '${app}' (build failed); nothing was released.${lines.length ? ` Last build lines:\n${lines.join("\n")}` : ""}`);
        }
        if (!build.release)
            throw new errors/* ProdgateError */.fc(`Heroku build ${build.id} of ${app} succeeded but made no release.`);
        return await heroku.release(app, build.release.id);
    }
    finally {
        (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
    }
}

;// CONCATENATED MODULE: ./.build/js/pipelines/surface-heroku.js







/** The app's web URL joined with /health. */
function defaultHealthUrl(webUrl) {
    if (!webUrl)
        throw new errors/* InputError */.dz("health-url", "is required: the app has no web URL to probe /health on");
    return new URL(`${webUrl.replace(/\/+$/, "")}/health`);
}
function herokuSurface(app, settings, deps) {
    const { reporter, clock, cwd } = deps;
    const heroku = deps.heroku ??
        new vendors_heroku/* HerokuClient */.K({
            apiKey: settings.apiKey,
            ...(settings.baseUrl ? { baseUrl: settings.baseUrl } : {}),
            onRetry: (m) => reporter.warning(m),
            clock,
        });
    return {
        kind: "heroku",
        target: app,
        method: settings.method,
        heroku,
        auditContext: { method: settings.method, force: settings.force },
        requiresHealthUrl: false,
        async inspect() {
            const [appInfo, live] = await Promise.all([heroku.app(app), heroku.liveCommit(app)]);
            return {
                sha: live.sha ?? undefined,
                label: live.release ? (0,core_heroku/* label */.Pf)(live.release) : undefined,
                url: appInfo.web_url ?? undefined,
                healthUrl: appInfo.web_url ? defaultHealthUrl(appInfo.web_url) : undefined,
            };
        },
        async liveSha() {
            return (await heroku.liveCommit(app)).sha ?? undefined;
        },
        async ship(sha) {
            const release = await releaseToHeroku({ app, sha, method: settings.method, force: settings.force }, {
                heroku,
                git: new HerokuGit({ apiKey: settings.apiKey, cwd, onOutput: (line) => reporter.info(line) }),
                repo: new LocalRepo(cwd, (m) => reporter.info(m)),
                reporter,
                clock,
                tempDir: process.env.RUNNER_TEMP,
            });
            const before = release.before;
            const shipped = {
                release: (0,core_heroku/* label */.Pf)(release.after.release),
                releaseId: release.after.release.id,
                previousRelease: before ? (0,core_heroku/* label */.Pf)(before.release) : undefined,
                previousReleaseId: before?.release.id,
                fromSha: before?.commit ?? undefined,
                url: release.webUrl ?? undefined,
                alreadyLive: release.alreadyLive,
                noRollback: release.alreadyLive
                    ? `${app} already ran ${(0,core_heroku/* shortSha */.Fu)(sha)} before this deploy: nothing to roll back`
                    : !before?.release.slug
                        ? `${app} had no release with code before: nothing to roll back to`
                        : undefined,
                context: {
                    release: (0,core_heroku/* label */.Pf)(release.after.release),
                    release_id: release.after.release.id,
                    previous_release: before ? (0,core_heroku/* label */.Pf)(before.release) : undefined,
                    already_live: release.alreadyLive,
                },
            };
            return shipped;
        },
        async rollBack(shipped) {
            if (!shipped.previousReleaseId)
                throw new Error("no release to roll back to");
            const rb = await (0,rollback/* runRollback */.e)({ app, release: { kind: "id", id: shipped.previousReleaseId } }, { heroku, reporter, clock });
            return {
                to: (0,core_heroku/* label */.Pf)(rb.target.release),
                toSha: rb.after.commit ?? undefined,
                release: (0,core_heroku/* label */.Pf)(rb.after.release),
                releaseId: rb.after.release.id,
                context: { release: (0,core_heroku/* label */.Pf)(rb.after.release), release_id: rb.after.release.id },
            };
        },
        rollbackHint: () => (0,core_surface/* rollbackHint */.If)("heroku", app),
    };
}

;// CONCATENATED MODULE: ./.build/js/pipelines/deploy.js




















/**
 * The gated deploy of seed 002 §5 and §6, shared by the root action and the break-glass CLI, over any surface
 * (surface.ts): resolve the target → gate checks → the target's lock → audit `started` (fail closed: no row,
 * no push) → Slack `started` and the GitHub deployment `in_progress` → ship → /health → on failure, roll back
 * when configured → audit the outcome → Slack update, deployment status, sticky comment → release the lock →
 * summary. Every way out after the lock releases it and leaves an outcome; notifications never fail the deploy.
 */


/**
 * Opens the surface the settings name (no call is made yet). Pages and command adapters load only when named:
 * a Heroku deploy starts without the Pages uploader.
 */
async function openSurface(settings, deps) {
    const clock = deps.clock ?? core_ports/* systemClock */.m;
    const { reporter } = deps;
    const s = settings.surface;
    switch (s.kind) {
        case "heroku":
            return herokuSurface(settings.app, s, { reporter, clock, cwd: settings.cwd, heroku: deps.heroku });
        case "cloudflare-pages": {
            const { pagesSurface } = await Promise.all(/* import() */[__webpack_require__.e(15), __webpack_require__.e(736)]).then(__webpack_require__.bind(__webpack_require__, 3736));
            return pagesSurface(settings.app, s, { reporter, clock, cwd: settings.cwd });
        }
        case "command": {
            const { commandSurface } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 2897));
            return commandSurface(settings.app, s, {
                reporter,
                cwd: settings.cwd,
                environment: settings.environment,
                secrets: deps.secrets,
            });
        }
    }
}
async function runDeploy(settings, ports) {
    const { reporter } = ports;
    const clock = ports.clock ?? core_ports/* systemClock */.m;
    const startedAt = clock.now().getTime();
    const secrets = registerSecrets(settings, reporter);
    const runId = settings.runId?.trim() || `local-${(0,external_node_crypto_.randomUUID)()}`;
    const runAttempt = settings.runAttempt ?? 1;
    const production = (0,gate/* isProduction */.KV)(settings.environment, settings.productionEnvironments);
    const { app, environment } = settings;
    // No smoke check, no deploy (P5): a surface without a default health URL is refused before it is touched.
    const surface = ports.surface ?? (await openSurface(settings, { reporter, clock, heroku: ports.heroku, secrets }));
    if (!settings.health.url && surface.requiresHealthUrl)
        throw new errors/* InputError */.dz("health-url", `is required for surface ${surface.kind}: no deploy without a smoke check, and it has no URL of its own`);
    const github = settings.github
        ? new vendors_github/* GitHubClient */.jh({
            token: settings.github.token,
            repository: settings.github.repository,
            baseUrl: settings.github.baseUrl,
            clock,
            onRetry: ({ attempt, waitMs, reason, what }) => reporter.info(`GitHub answered ${reason} for ${what}; retry ${attempt} in ${Math.round(waitMs)} ms`),
        })
        : undefined;
    const repo = new LocalRepo(settings.cwd, (m) => reporter.info(m));
    // Resolve the target: what ships, where, what runs there now.
    const toSha = await repo.resolveCommit("ref", settings.ref);
    const committedAt = await repo.commitTime(toSha);
    const live = await surface.inspect();
    const healthUrl = settings.health.url ??
        live.healthUrl ??
        (() => {
            throw new errors/* InputError */.dz("health-url", "is required: the app has no web URL to probe /health on");
        })();
    const health = { ...settings.health, url: healthUrl };
    const state = {
        path: new deploy/* DeployPath */.rv(),
        result: {
            outcome: "rejected",
            surface: surface.kind,
            auditIds: {},
            auditSpooled: false,
            toSha,
            fromSha: live.sha,
            appUrl: live.url,
            interrupted: false,
            durationMs: 0,
        },
        notices: [],
        spoolSummaries: [],
    };
    const go = (s) => {
        state.path.go(s);
        ports.onState?.(s);
    };
    const ctx = {
        settings,
        ports,
        clock,
        startedAt,
        secrets,
        runId,
        runAttempt,
        production,
        ...(committedAt ? { committedAt } : {}),
        github,
        surface,
        state,
        go,
    };
    reporter.info(`Deploy ${(0,core_heroku/* shortSha */.Fu)(toSha)} to ${app} (${environment}${production ? ", PRODUCTION" : ""}); live now: ${live.sha ? (0,core_heroku/* shortSha */.Fu)(live.sha) : "nothing"}`);
    // Gate checks.
    go("gate_checks");
    try {
        if (settings.trigger === "ci") {
            const approval = await verifyCiApproval(ctx);
            if (approval) {
                state.result.approvedBy = approval.approvedBy.join(", ") || undefined;
                state.approvalEntries = approval.approvalEntries;
                state.notices.push(...approval.warnings);
            }
        }
        else
            state.result.approvedBy = settings.confirmedBy;
    }
    catch (err) {
        if (err instanceof errors/* AuditError */.M_)
            return refuse(ctx, err.message, { writeRow: false });
        return refuse(ctx, (0,errors/* describeError */.Uc)(err), { writeRow: true });
    }
    // The app's lock, then everything that changes production.
    try {
        return await withAppLock(settings.audit.databaseUrl, app, async (lockSignal) => {
            ctx.lockSignal = lockSignal;
            lockSignal.addEventListener("abort", () => reporter.warning(`${(0,errors/* describeError */.Uc)(lockSignal.reason)}${state.pushed ? "; the push had begun, so the deploy goes on" : "; nothing will be pushed"}`), { once: true });
            go("locked");
            return await deployLocked(ctx, health);
        }, { waitMs: settings.lockWaitMs, table: settings.audit.table });
    }
    catch (err) {
        if (state.path.current !== "gate_checks")
            throw err;
        if (err instanceof LockTimeoutError)
            return refuse(ctx, err.message, { writeRow: true });
        // The lock lives in the audit database: if it cannot be reached, neither can the audit log.
        return refuse(ctx, `${audit/* AUDIT_REFUSED */.Z5} (${(0,errors/* describeError */.Uc)(err)})`, { writeRow: false });
    }
}
async function refuse(ctx, reason, opts) {
    const { state, ports } = ctx;
    ports.reporter.info(`Deploy refused: ${reason}`);
    state.result.outcome = "rejected";
    state.result.reason = reason;
    ctx.go("refused");
    if (opts.writeRow) {
        const store = openStore(ctx.settings);
        try {
            state.result.auditIds.completed = await writeOutcome(ctx, store, record(ctx, "deploy", "completed", "rejected", { context: { refused: reason } }));
        }
        finally {
            await closeStore(store);
        }
    }
    await notifyOutcome(ctx, "rejected", `Refused: ${reason}`);
    ctx.go("done");
    return finish(ctx);
}
async function deployLocked(ctx, health) {
    const { settings, ports, state, go } = ctx;
    const { reporter } = ports;
    const { result } = state;
    if (settings.previewedFromSha !== undefined) {
        // What ships is what the approvers saw: the live SHA, read again now with the deploy key, under the lock.
        const saw = settings.previewedFromSha;
        const live = await ctx.surface.liveSha();
        const same = saw === "" ? !live : Boolean(live && (0,core_preview/* sameSha */.vo)(live, saw));
        if (!same)
            return refuse(ctx, `${settings.app} runs ${live ? (0,core_heroku/* shortSha */.Fu)(live) : "nothing"} now, but the approvers saw a diff from ${saw ? (0,core_heroku/* shortSha */.Fu)(saw) : "nothing live"}: something shipped in between, so this is not the change they approved. Nothing was pushed; run the deploy again for a fresh preview.`, { writeRow: true });
        state.result.fromSha = live ?? undefined;
        ports.reporter.info(`The live SHA matches what the approvers saw (${live ? (0,core_heroku/* shortSha */.Fu)(live) : "nothing live"})`);
    }
    else if (settings.trigger === "ci")
        ctx.state.notices.push("The live SHA was not compared with the preview's: no previewed-from-sha was given.");
    const store = openStore(settings);
    try {
        // Audit `started`: fail closed.
        try {
            const started = await (0,spool/* recordAudit */.h3)(store, record(ctx, "deploy", "started", undefined), {
                spoolDir: settings.audit.spoolDir,
            });
            if (!started.spooled)
                result.auditIds.started = started.id;
            reporter.info(`Audit row #${result.auditIds.started}: ${auditAction("deploy", settings.environment)} started`);
        }
        catch (err) {
            const reason = err instanceof errors/* AuditError */.M_ ? err.message : `${audit/* AUDIT_REFUSED */.Z5} (${(0,errors/* describeError */.Uc)(err)})`;
            reporter.info(`${reason}: nothing was pushed`);
            go("audit_refused");
            result.outcome = "rejected";
            result.reason = reason;
            await notifyOutcome(ctx, "rejected", `${reason}; nothing was pushed`);
            go("done");
            return finish(ctx);
        }
        go("audit_started");
        await notifyStarted(ctx);
        // Push.
        go("deploying");
        let shipped;
        try {
            ports.signal?.throwIfAborted();
            if (ctx.lockSignal?.aborted)
                throw new LockLostError(`${(0,errors/* describeError */.Uc)(ctx.lockSignal.reason)} before the push: nothing was pushed`);
            state.pushed = true;
            shipped = await ctx.surface.ship(result.toSha, { signal: ports.signal });
        }
        catch (err) {
            const reason = ports.signal?.aborted
                ? "interrupted before the push: nothing was pushed"
                : (0,errors/* describeError */.Uc)(err);
            const lockLost = err instanceof LockLostError;
            result.interrupted = Boolean(ports.signal?.aborted);
            go("deploy_failed");
            result.outcome = "deploy_failed";
            result.reason = reason;
            reporter.info(`Deploy failed: ${reason}`);
            result.auditIds.completed = await writeOutcome(ctx, store, record(ctx, "deploy", "completed", "deploy_failed", {
                context: { error: reason, ...(lockLost ? { lock_lost: true, pushed: false } : {}) },
            }));
            go("audited");
            await notifyOutcome(ctx, "failure", reason);
            go("done");
            return finish(ctx);
        }
        result.release = shipped.release;
        result.releaseId = shipped.releaseId;
        result.previousRelease = shipped.previousRelease;
        result.previousReleaseId = shipped.previousReleaseId;
        result.fromSha = shipped.fromSha ?? result.fromSha;
        if (shipped.url)
            result.appUrl = shipped.url;
        // Health.
        go("health_check");
        const attempts = [];
        let report;
        try {
            report = await (0,health_check/* runHealthCheck */.W)(health, {
                reporter,
                clock: ctx.clock,
                signal: ports.signal,
                onAttempt: (a, total) => {
                    attempts.push(a);
                    ports.onHealthAttempt?.(a, total);
                },
            });
        }
        catch (err) {
            if (!ports.signal?.aborted)
                throw err;
            result.interrupted = true;
            report = (0,core_health/* buildReport */.FK)(health, attempts);
            report.healthy = false;
            report.lastReason = `interrupted after ${attempts.length} attempt(s)`;
        }
        result.health = report;
        const releaseContext = {
            ...shipped.context,
            health: {
                url: report.url,
                healthy: report.healthy,
                attempts: report.attempts.length,
                last_status: report.lastStatus,
                last_reason: report.lastReason,
            },
        };
        if (report.healthy) {
            go("healthy");
            result.outcome = "success";
            result.auditIds.completed = await writeOutcome(ctx, store, record(ctx, "deploy", "completed", "success", { context: releaseContext }));
            go("audited");
            await notifyOutcome(ctx, "success", `${result.release ?? (0,core_heroku/* shortSha */.Fu)(result.toSha)} is live and healthy`);
            go("done");
            return finish(ctx);
        }
        go("health_failed");
        result.outcome = "health_check_failed";
        result.reason = `${report.url} is unhealthy after ${report.attempts.length} attempt(s): ${report.lastReason}`;
        reporter.info(result.reason);
        result.auditIds.completed = await writeOutcome(ctx, store, record(ctx, "deploy", "completed", "health_check_failed", {
            context: { ...releaseContext, rollback_on_failure: settings.rollbackOnFailure },
        }));
        const canRollBack = settings.rollbackOnFailure && !result.interrupted && !shipped.noRollback;
        if (!canRollBack) {
            if (settings.rollbackOnFailure && !result.interrupted && shipped.noRollback)
                reporter.warning(shipped.noRollback);
            go("audited");
            await notifyOutcome(ctx, "failure", result.reason);
            go("done");
            return finish(ctx);
        }
        go("rolling_back");
        try {
            const rb = await ctx.surface.rollBack(shipped, { sha: result.toSha, reason: result.reason });
            go("rolled_back");
            result.outcome = "rolled_back";
            result.rolledBackTo = rb.to;
            if (ctx.github && rb.toSha)
                await recordLiveDeployment(ctx.github, {
                    sha: rb.toSha,
                    environment: settings.environment,
                    app: settings.app,
                    production: ctx.production,
                    logUrl: settings.runUrl,
                    description: `Rolled back to ${result.rolledBackTo}`,
                }, reporter);
            result.auditIds.rollback = await writeOutcome(ctx, store, record(ctx, "rollback", "completed", "rolled_back", {
                fromSha: result.toSha,
                toSha: rb.toSha ?? result.fromSha,
                context: {
                    reason: result.reason,
                    rolled_back_to: result.rolledBackTo,
                    ...rb.context,
                    automatic: true,
                },
            }));
            go("audited");
            await notifyOutcome(ctx, "rolled_back", `${result.reason}; rolled back to ${result.rolledBackTo}${rb.release ? ` (${rb.release})` : ""}`);
        }
        catch (err) {
            const why = (0,errors/* describeError */.Uc)(err);
            go("rollback_failed");
            reporter.error(`The automatic rollback failed: ${why}`);
            state.notices.push(`The automatic rollback failed: ${why}. Roll back by hand (below).`);
            go("audited");
            await notifyOutcome(ctx, "failure", `${result.reason}; the automatic rollback failed: ${why}`);
        }
        go("done");
        return finish(ctx);
    }
    catch (err) {
        // Something unforeseen after the started row: the outcome is still written, the lock still released.
        const reason = (0,errors/* describeError */.Uc)(err);
        result.outcome = "deploy_failed";
        result.reason = reason;
        reporter.info(`Deploy failed: ${reason}`);
        if (result.auditIds.started && !result.auditIds.completed)
            result.auditIds.completed = await writeOutcome(ctx, store, record(ctx, "deploy", "completed", "deploy_failed", { context: { error: reason } })).catch(() => undefined);
        state.notices.push(`Stopped at '${(0,deploy/* describePath */.NH)([state.path.current])}': ${reason}`);
        await notifyOutcome(ctx, "failure", reason).catch(() => { });
        return finish(ctx);
    }
    finally {
        await closeStore(store);
    }
}
/** The app lock's connection dropped before the push began. */
class LockLostError extends errors/* ProdgateError */.fc {
    name = "LockLostError";
}

// EXTERNAL MODULE: ./.build/js/core/health-inputs.js
var health_inputs = __webpack_require__(5490);
// EXTERNAL MODULE: ./.build/js/core/pages.js
var pages = __webpack_require__(4366);
;// CONCATENATED MODULE: ./.build/js/pipelines/deploy-settings.js








/** Stands in for an empty health-url while the other health inputs are parsed. */
const NO_URL = "http://health-url.invalid/";
function parseDeployTarget(src) {
    const surface = (0,core_surface/* parseSurface */.j6)(src.label("surface"), src.get("surface"));
    const rawApp = src.get("app");
    const app = surface === "heroku"
        ? (0,inputs/* parseHerokuApp */.j0)(src.label("app"), rawApp)
        : surface === "cloudflare-pages"
            ? (0,pages/* parsePagesProject */.Xt)(src.label("app"), rawApp)
            : (0,core_surface/* parseCommandTarget */.mA)(src.label("app"), rawApp);
    const environment = src.get("environment").trim() || "production";
    if (environment.length > 255 || /[\u0000-\u001f]/.test(environment))
        throw new errors/* InputError */.dz(src.label("environment"), "must be an environment name of at most 255 characters");
    const productionEnvironments = (0,inputs/* parseList */.E1)(src.get("production-environments") || "production");
    return {
        surface,
        app,
        environment,
        productionEnvironments,
        production: (0,gate/* isProduction */.KV)(environment, productionEnvironments),
    };
}
/** The surface's own settings and credentials (`heroku-api-key`, `cloudflare-api-token`, the commands). */
function parseSurfaceSettings(src, surface) {
    const opt = (name) => src.get(name).trim();
    switch (surface) {
        case "heroku":
            return {
                kind: "heroku",
                apiKey: (0,inputs/* requireValue */.vd)(src.label("heroku-api-key"), src.get("heroku-api-key")),
                method: (0,inputs/* parseChoice */.HU)(src.label("method"), src.get("method"), ["git", "build"], "git"),
                force: (0,inputs/* parseBoolean */.yG)(src.label("force"), src.get("force"), false),
                ...(opt("heroku-api-url") ? { baseUrl: opt("heroku-api-url") } : {}),
            };
        case "cloudflare-pages":
            return {
                kind: "cloudflare-pages",
                apiToken: (0,inputs/* requireValue */.vd)(src.label("cloudflare-api-token"), src.get("cloudflare-api-token")),
                accountId: (0,pages/* parseAccountId */.cK)(src.label("cloudflare-account-id"), src.get("cloudflare-account-id")),
                directory: (0,inputs/* requireValue */.vd)(src.label("directory"), src.get("directory")),
                ...(opt("cloudflare-api-url") ? { baseUrl: opt("cloudflare-api-url") } : {}),
            };
        case "command": {
            // P5: no deploy without a smoke check. Refused here, before any of the commands runs.
            if (!opt("health-url"))
                throw new errors/* InputError */.dz(src.label("health-url"), "is required with surface command: no deploy without a smoke check, and a command has no URL of its own");
            return {
                kind: "command",
                deployCommand: (0,inputs/* requireValue */.vd)(src.label("deploy-command"), src.get("deploy-command")),
                ...(opt("rollback-command") ? { rollbackCommand: src.get("rollback-command") } : {}),
                ...(opt("live-version-command") ? { liveVersionCommand: src.get("live-version-command") } : {}),
            };
        }
    }
}
/** The health inputs (`health-url` may be left out where the surface has a URL of its own). */
function parseDeployHealth(src) {
    const prefix = src.label("health-");
    const get = (n) => {
        const key = `health-${n.slice(prefix.length)}`;
        return key === "health-url" ? src.get(key).trim() || NO_URL : src.get(key);
    };
    const { failOnUnhealthy: _ignored, url, ...health } = (0,health_inputs/* parseHealthInputs */.Z)(get, prefix);
    return { ...health, url: url.toString() === NO_URL ? undefined : url };
}
/**
 * The deploy settings: the target and its surface from `src`, then the face's settings (`face` sees the
 * target), then the ref (default `defaultRef`), /health, rollback-on-failure (default: production only) and
 * how long to wait for the lock (`lock-timeout`, default `defaultLockWait`).
 */
function buildDeploySettings(src, face, defaults) {
    const target = parseDeployTarget(src);
    const surface = parseSurfaceSettings(src, target.surface);
    const faceSettings = face(target);
    const rawRef = src.get("ref").trim() || defaults.ref?.trim() || "";
    if (!rawRef)
        throw new errors/* InputError */.dz(src.label("ref"), "is required (there is no GITHUB_SHA to default to)");
    const ref = (0,core_heroku/* parseGitRef */.TL)(src.label("ref"), rawRef);
    const health = parseDeployHealth(src);
    return {
        ...faceSettings,
        app: target.app,
        environment: target.environment,
        productionEnvironments: target.productionEnvironments,
        ref,
        surface,
        health,
        rollbackOnFailure: (0,inputs/* parseBoolean */.yG)(src.label("rollback-on-failure"), src.get("rollback-on-failure"), target.production),
        lockWaitMs: (0,duration/* parseDuration */.E9)(src.label("lock-timeout"), src.get("lock-timeout") || defaults.lockWait),
    };
}

// EXTERNAL MODULE: ./.build/js/cli/context.js
var context = __webpack_require__(6773);
// EXTERNAL MODULE: ./.build/js/cli/terminal.js
var terminal = __webpack_require__(6481);
;// CONCATENATED MODULE: ./.build/js/cli/progress.js


/**
 * The live part of a deploy in a terminal: one status line under the log (the health check's attempts as a
 * bar, and a countdown to the next attempt) that is cleared before any log line is written and drawn again
 * after it. Without a terminal it draws nothing: the log lines say it all.
 */
class LiveProgress {
    out;
    line = "";
    timer;
    enabled;
    constructor(out = process.stderr) {
        this.out = out;
        this.enabled = Boolean(out.isTTY);
    }
    /** A reporter that writes through `base` without tearing the live line. */
    wrap(base) {
        const around = (fn) => (...args) => {
            this.clear();
            fn(...args);
            this.draw();
        };
        return {
            info: around((m) => base.info(m)),
            warning: around((m) => base.warning(m)),
            error: around((m) => base.error(m)),
            debug: around((m) => base.debug(m)),
            secret: (v) => base.secret(v),
            group: (title, fn) => {
                this.clear();
                return base.group(title, fn).finally(() => this.draw());
            },
        };
    }
    /** After each health attempt: the bar, and a countdown to the next attempt when there is one. */
    healthAttempt(attempt, total, intervalMs) {
        this.stopTimer();
        if (!this.enabled)
            return;
        const bar = Array.from({ length: total }, (_, i) => {
            if (i < attempt.n - 1)
                return (0,terminal/* paint */.nI)("●", "red");
            if (i === attempt.n - 1)
                return (0,terminal/* paint */.nI)("●", attempt.healthy ? "green" : "red");
            return (0,terminal/* paint */.nI)("○", "gray");
        }).join("");
        const head = `  /health ${bar} ${attempt.n}/${total}`;
        if (attempt.healthy || attempt.n >= total) {
            this.set("");
            return;
        }
        const until = Date.now() + intervalMs;
        const tick = () => {
            const left = Math.max(0, until - Date.now());
            this.set(`${head} · ${attempt.reason} · next attempt in ${(0,duration/* formatDuration */.a3)(Math.ceil(left / 100) * 100)}`);
        };
        tick();
        this.timer = setInterval(tick, 200);
        this.timer.unref();
    }
    /**
     * A wait that may be long (another deploy holds the app's lock): after `afterMs` with nothing else said,
     * a line with the time waited so far.
     */
    waiting(text, afterMs = 1_500) {
        this.stopTimer();
        if (!this.enabled)
            return;
        const since = Date.now();
        const tick = () => {
            const waited = Date.now() - since;
            if (waited >= afterMs)
                this.set(`  ${text} · ${(0,duration/* formatDuration */.a3)(Math.floor(waited / 1000) * 1000)}`);
        };
        this.timer = setInterval(tick, 250);
        this.timer.unref();
    }
    /** Clears the live line for good. */
    done() {
        this.stopTimer();
        this.set("");
    }
    set(line) {
        this.clear();
        this.line = line;
        this.draw();
    }
    stopTimer() {
        if (this.timer)
            clearInterval(this.timer);
        this.timer = undefined;
    }
    drawn = false;
    clear() {
        if (this.enabled && this.drawn) {
            this.out.write("\r\u001b[2K");
            this.drawn = false;
        }
    }
    draw() {
        if (!this.enabled || !this.line || this.drawn)
            return;
        const width = Math.max(20, (this.out.columns || 100) - 1);
        this.out.write(truncateVisible(this.line, width));
        this.drawn = true;
    }
}
/** Cuts a line with colour codes to `width` visible characters. */
function truncateVisible(text, width) {
    let visible = 0;
    let out = "";
    for (let i = 0; i < text.length; i++) {
        const m = /^\u001b\[[0-9;]*m/.exec(text.slice(i));
        if (m) {
            out += m[0];
            i += m[0].length - 1;
            continue;
        }
        if (visible >= width)
            break;
        out += text[i];
        visible++;
    }
    return `${out}\u001b[0m`;
}
/**
 * Ctrl-C while work that must finish its bookkeeping runs: the first SIGINT (or SIGTERM) aborts `controller`
 * so the work winds down (the deploy still writes its outcome row and releases its lock); a second one exits
 * at once with 130. Returns the function that removes the handlers.
 */
function onInterrupt(controller, say, what = "finishing: writing the audit outcome and releasing the lock") {
    let count = 0;
    const handler = (signal) => {
        count++;
        if (count === 1) {
            say(`${(0,terminal/* paint */.nI)(`${signal === "SIGINT" ? "Ctrl-C" : signal}:`, "yellow", "bold")} stopping; ${what} (press Ctrl-C again to quit now)`);
            controller.abort(new Error(`interrupted by ${signal}`));
            return;
        }
        say((0,terminal/* paint */.nI)("quitting now", "red", "bold"));
        process.exit(130);
    };
    process.on("SIGINT", handler);
    process.on("SIGTERM", handler);
    return () => {
        process.off("SIGINT", handler);
        process.off("SIGTERM", handler);
    };
}

// EXTERNAL MODULE: ./.build/js/cli/prompt.js
var cli_prompt = __webpack_require__(4307);
// EXTERNAL MODULE: ./.build/js/cli/commands/preview.js
var commands_preview = __webpack_require__(80);
// EXTERNAL MODULE: ./.build/js/cli/commands/rollback.js + 1 modules
var commands_rollback = __webpack_require__(8746);
;// CONCATENATED MODULE: ./.build/js/cli/commands/deploy.js
















const DEPLOY_DEFAULTS = {
    ref: "HEAD",
    environment: "production",
    productionEnvironments: "production",
    method: "git",
    healthAttempts: "5",
    healthInterval: "10s",
    healthTimeout: "5s",
    healthExpectStatus: "200",
    auditTable: "console_audit_log",
    lockWait: "5m",
    maxCommits: "20",
};
/**
 * The break-glass deploy (seed 002 §4.1, §7): refusals first (no actor, nothing to confirm on), then the
 * banner and what will ship (local git against the SHA live on the app), the typed phrase, and the same
 * deploy pipeline as the CI path with trigger local-script. Before the phrase is typed nothing is written
 * anywhere: no audit row, no push.
 */
async function deployCommand(ctx, opts, io = {}) {
    const { reporter } = ctx;
    const cwd = io.cwd ?? process.cwd();
    const prompter = io.prompter ?? (0,cli_prompt/* terminalPrompter */.kZ)();
    const surfaceKind = (0,core_surface/* parseSurface */.j6)("--surface", opts.surface);
    // Credentials come from the environment only; the surface decides which are needed.
    const credentials = {
        "heroku-api-key": (0,context/* envSecret */.eo)(ctx, "HEROKU_API_KEY", surfaceKind === "heroku"),
        "cloudflare-api-token": (0,context/* envSecret */.eo)(ctx, "CLOUDFLARE_API_TOKEN", surfaceKind === "cloudflare-pages"),
    };
    const databaseUrl = (0,commands_rollback.databaseUrlOf)(ctx, true) ?? "";
    const settings = buildDeploySettings(cliOptionSource(ctx, opts, credentials), () => ({
        trigger: "local-script",
        actor: "",
        audit: { databaseUrl, table: opts.auditTable, spoolDir: (0,commands_rollback.spoolDirOf)(ctx, opts.spoolDir) },
        cwd,
    }), { lockWait: DEPLOY_DEFAULTS.lockWait });
    const { app, environment, productionEnvironments } = settings;
    const maxCommits = (0,inputs/* parseInteger */.cG)("--max-commits", opts.maxCommits, 0, 250);
    const slack = (0,commands_rollback.slackTargetOf)(ctx, opts.slackChannel);
    const githubToken = (0,context/* envSecret */.eo)(ctx, "GITHUB_TOKEN", false);
    const github = githubToken && opts.githubRepo
        ? { token: githubToken, repository: opts.githubRepo, baseUrl: ctx.env.GITHUB_API_URL || undefined }
        : undefined;
    const signingKey = (0,context/* envSecret */.eo)(ctx, "PRODGATE_AUDIT_SIGNING_KEY", false);
    if (signingKey)
        (0,audit_checkpoint/* parseSigningKey */.UG)("PRODGATE_AUDIT_SIGNING_KEY", signingKey);
    const phrase = (0,deploy/* confirmationPhrase */.XV)(app, environment);
    const actor = await (0,cli_prompt/* resolveActor */.iy)(opts.actor, ctx.env, cwd);
    (0,cli_prompt/* precheckConfirmation */.pb)(phrase, opts.confirm, prompter);
    const toSha = await (0,commands_preview.resolveLocalRef)(cwd, opts.ref);
    const surface = await openSurface(settings, { reporter });
    const production = (0,gate/* isProduction */.KV)(environment, productionEnvironments);
    const preview = await (0,commands_preview.localPreview)({ app, environment, production, ref: opts.ref, cwd, maxCommits }, {
        heroku: "heroku" in surface
            ? surface.heroku
            : { liveCommit: async () => ({ sha: await surface.liveSha() }) },
    });
    reporter.info("");
    reporter.info((0,cli_prompt/* targetBanner */.MQ)(app, environment, production));
    const how = settings.surface.kind === "heroku"
        ? `method: ${settings.surface.method}${settings.surface.force ? " (force)" : ""}`
        : `surface: ${settings.surface.kind}`;
    reporter.info(`Operator: ${actor.email} (${actor.source}) · ${how}`);
    for (const line of (0,commands_preview.previewTerminalLines)(preview))
        reporter.info(line);
    reporter.info("");
    await (0,cli_prompt/* confirmPhrase */.gG)(phrase, opts.confirm, prompter, (l) => reporter.info(l));
    if (io.signal?.aborted)
        throw new context/* ExitError */.RS("interrupted before the deploy started: nothing was done", context/* EXIT */.dc.interrupted);
    const controller = new AbortController();
    const forward = () => controller.abort(io.signal?.reason);
    io.signal?.addEventListener("abort", forward, { once: true });
    const live = new LiveProgress();
    const removeHandlers = io.handleInterrupts === false ? () => { } : onInterrupt(controller, (l) => live.wrap(reporter).warning(l));
    const progress = live.wrap(reporter);
    let result;
    try {
        result = await runDeploy({
            ...settings,
            ref: toSha,
            actor: actor.email,
            confirmedBy: actor.email,
            runId: `local-${(0,external_node_crypto_.randomUUID)()}`,
            runAttempt: 1,
            audit: { ...settings.audit, signingKey },
            slack,
            github,
        }, {
            reporter: progress,
            signal: controller.signal,
            onHealthAttempt: (attempt, total) => live.healthAttempt(attempt, total, settings.health.intervalMs),
            onState: (state) => {
                live.done();
                reporter.info((0,terminal/* paint */.nI)(`● ${(0,deploy/* describePath */.NH)([state])}`, "cyan"));
                if (state === "gate_checks")
                    live.waiting(`waiting for the deploy lock of ${app} (another deploy holds it; up to ${opts.lockWait})`);
            },
        });
    }
    finally {
        live.done();
        removeHandlers();
        io.signal?.removeEventListener("abort", forward);
    }
    const interrupted = result.interrupted || controller.signal.aborted;
    const commands = (0,core_surface/* rollbackHint */.If)(settings.surface.kind, app).commands;
    const { summary: _summary, ...rest } = result;
    const out = {
        app,
        environment,
        actor: actor.email,
        trigger: "local-script",
        interrupted,
        rollbackCommand: commands[0] ?? "",
        exit: exitOf(app, result, interrupted),
        result: rest,
    };
    if (opts.json)
        ctx.json(out);
    reporter.info("");
    reporter.info(outcomeLine(app, environment, result, preview.from?.sha, interrupted));
    reporter.info(`Path: ${(0,deploy/* describePath */.NH)(result.path)}`);
    reporter.info(`Audit: ${auditLine(result)}`);
    reporter.info(`${(0,terminal/* paint */.nI)("Rollback:", "bold")} ${(0,terminal/* paint */.nI)(commands[0] ?? "", "cyan")}${commands[1] ? `   (or: ${commands[1]})` : ""}`);
    return out;
}
/** Flags and environment variables that differ from `--<input name>`. */
const CLI_NAMES = {
    "lock-timeout": "--lock-wait",
    directory: "--dir",
    "heroku-api-key": "HEROKU_API_KEY",
    "cloudflare-api-token": "CLOUDFLARE_API_TOKEN",
    "cloudflare-account-id": "--account-id (or CLOUDFLARE_ACCOUNT_ID)",
};
/** The command's flags (and credentials from the environment) under the root action's input names. */
function cliOptionSource(ctx, opts, credentials) {
    const flag = (v) => (typeof v === "boolean" ? String(v) : (v ?? ""));
    const values = {
        surface: opts.surface,
        app: opts.app,
        ref: opts.ref,
        environment: opts.environment,
        "production-environments": opts.productionEnvironments,
        method: opts.method,
        force: opts.force,
        "health-url": opts.healthUrl,
        "health-attempts": opts.healthAttempts,
        "health-interval": opts.healthInterval,
        "health-timeout": opts.healthTimeout,
        "health-expect-status": opts.healthExpectStatus,
        "rollback-on-failure": opts.rollbackOnFailure,
        "lock-timeout": opts.lockWait,
        directory: opts.dir,
        "cloudflare-account-id": opts.accountId || ctx.env.CLOUDFLARE_ACCOUNT_ID,
        "heroku-api-url": ctx.env.HEROKU_API_URL,
        "cloudflare-api-url": ctx.env.CLOUDFLARE_API_URL,
        "deploy-command": opts.deployCommand,
        "rollback-command": opts.rollbackCommand,
        "live-version-command": opts.liveVersionCommand,
        ...credentials,
    };
    return { get: (name) => flag(values[name]), label: (name) => CLI_NAMES[name] ?? `--${name}` };
}
/** The exit code of a finished deploy, and why when it is not 0. */
function exitOf(app, result, interrupted) {
    if (interrupted)
        return {
            code: context/* EXIT */.dc.interrupted,
            message: `interrupted: the deploy of ${app} stopped (outcome ${result.outcome})`,
        };
    if (result.outcome === "rejected")
        return { code: context/* EXIT */.dc.refused, message: `the deploy of ${app} was refused: ${result.reason ?? ""}` };
    if (result.outcome !== "success")
        return { code: context/* EXIT */.dc.failed, message: `the deploy of ${app} did not succeed: ${result.outcome}` };
    if (result.auditSpooled)
        return {
            code: context/* EXIT */.dc.failed,
            message: `the outcome audit row could not be written${result.spoolFile ? ` (spooled to ${result.spoolFile})` : ""}: replay it with prodgate audit replay`,
        };
    return { code: context/* EXIT */.dc.ok };
}
function outcomeLine(app, environment, r, from, interrupted) {
    const release = r.release ? ` as ${r.release}` : "";
    switch (r.outcome) {
        case "success":
            return (0,terminal/* paint */.nI)(`✔ Deployed ${app} to ${environment}: ${from ? `${(0,core_preview/* short */.h0)(from)} → ` : ""}${(0,core_preview/* short */.h0)(r.toSha)} is live${release} and healthy`, "green", "bold");
        case "rolled_back":
            return (0,terminal/* paint */.nI)(`↩ /health failed after the deploy of ${(0,core_preview/* short */.h0)(r.toSha)}${r.release ? ` (${r.release})` : ""}: ${app} was rolled back${r.rolledBackTo ? ` to ${r.rolledBackTo}${from ? ` (${(0,core_preview/* short */.h0)(from)})` : ""}` : ""}`, "yellow", "bold");
        default:
            return (0,terminal/* paint */.nI)(`✖ Deploy of ${app} to ${environment}: ${r.outcome}${interrupted ? " (interrupted)" : ""}${r.reason ? `: ${r.reason}` : ""}`, "red", "bold");
    }
}
function auditLine(r) {
    const parts = [];
    if (r.auditIds.started)
        parts.push(`started #${r.auditIds.started}`);
    if (r.auditIds.completed)
        parts.push(`completed #${r.auditIds.completed}`);
    if (r.auditIds.rollback)
        parts.push(`rollback #${r.auditIds.rollback}`);
    if (r.spoolFile)
        parts.push((0,terminal/* paint */.nI)(`outcome spooled to ${r.spoolFile}`, "yellow"));
    return parts.join(", ") || "no row written";
}
function registerDeploy(program, ctx) {
    const d = DEPLOY_DEFAULTS;
    program
        .command("deploy")
        .description("Break-glass deploy from this checkout: banner, diff, typed confirmation, push, /health, audit")
        .option("--surface <kind>", "heroku, cloudflare-pages or command", "heroku")
        .requiredOption("--app <name>", "the Heroku app, the Pages project, or a name for a command surface")
        .option("--ref <ref>", "branch, tag or SHA in this checkout (the commit shipped)", d.ref)
        .option("--dir <dir>", "cloudflare-pages: the built directory to upload")
        .option("--account-id <id>", "cloudflare-pages: the Cloudflare account (default CLOUDFLARE_ACCOUNT_ID)")
        .option("--deploy-command <script>", "command: what deploys (bash, in this checkout)")
        .option("--rollback-command <script>", "command: what rolls back after a failed /health")
        .option("--live-version-command <script>", "command: prints what is live, ideally a SHA")
        .option("--environment <name>", "the environment the app serves", d.environment)
        .option("--production-environments <list>", "environments that count as production", d.productionEnvironments)
        .option("--method <git|build>", "git push, or the Build API from a source tarball", d.method)
        .option("--force", "force-push (replace what Heroku's git has)")
        .option("--health-url <url>", "the health URL (default: the app's web URL or the Pages domain + /health; required for command)")
        .option("--health-attempts <n>", "health attempts before giving up", d.healthAttempts)
        .option("--health-interval <duration>", "wait between health attempts", d.healthInterval)
        .option("--health-timeout <duration>", "time limit of each health attempt", d.healthTimeout)
        .option("--health-expect-status <codes>", "healthy statuses (200, 200,204, 2xx)", d.healthExpectStatus)
        .option("--rollback-on-failure", "roll back automatically when /health fails (default for production)")
        .option("--no-rollback-on-failure", "leave a release whose /health fails in place")
        .option("--confirm <phrase>", "the confirmation phrase, for running without a terminal")
        .option("--actor <email>", "who deploys (default PRODGATE_ACTOR, then git config user.email)")
        .option("--slack-channel <channel>", "announce the deploy in this channel (with SLACK_BOT_TOKEN)")
        .option("--github-repo <owner/name>", "also record a GitHub deployment (with GITHUB_TOKEN)")
        .option("--spool-dir <dir>", "where the outcome record goes if the database cannot be written")
        .option("--audit-table <name>", "the audit table", d.auditTable)
        .option("--lock-wait <duration>", "how long to wait for another deploy of the app", d.lockWait)
        .option("--max-commits <n>", "commits listed in the preview", d.maxCommits)
        .option("--json", "print the result as JSON on stdout")
        .addHelpText("after", `
The prompt is: Type 'deploy APP to ENVIRONMENT' to continue:
Anything else aborts with nothing done (no audit row, no push). Without a terminal, --confirm "deploy APP to
ENVIRONMENT" is required. The actor is an email: --actor, PRODGATE_ACTOR or git config user.email.

The commands of --surface command run with bash in this checkout, with PRODGATE_APP, PRODGATE_ENVIRONMENT,
PRODGATE_FROM_SHA and PRODGATE_TO_SHA set.

Environment: HEROKU_API_KEY and DATABASE_URL (required), or for --surface cloudflare-pages
CLOUDFLARE_API_TOKEN and CLOUDFLARE_ACCOUNT_ID (--account-id overrides it) with DATABASE_URL; CLOUDFLARE_API_URL, SLACK_BOT_TOKEN or SLACK_WEBHOOK_URL, GITHUB_TOKEN,
PRODGATE_ACTOR, PRODGATE_SLACK_CHANNEL, PRODGATE_SPOOL_DIR, HEROKU_API_URL, HEROKU_GIT_URL, SLACK_API_URL.
Exit codes: 0 deployed and healthy, 1 failed or rolled back, 2 bad usage, 3 refused (phrase, actor, no
terminal, lock), 130 interrupted (the outcome row is still written and the lock released).`)
        .action(async (opts) => {
        let out;
        try {
            out = await deployCommand(ctx, opts);
        }
        catch (err) {
            // Stopped before the pipeline ran (refused, bad input, Heroku unreachable): --json still answers.
            if (opts.json) {
                const code = err instanceof context/* ExitError */.RS ? err.code : err instanceof errors/* InputError */.dz ? context/* EXIT */.dc.usage : context/* EXIT */.dc.failed;
                ctx.json({
                    app: opts.app,
                    refused: code === context/* EXIT */.dc.refused,
                    exit: { code, message: (0,errors/* describeError */.Uc)(err) },
                });
            }
            throw err;
        }
        if (out.exit.code !== context/* EXIT */.dc.ok)
            throw new context/* ExitError */.RS(out.exit.message ?? "the deploy failed", out.exit.code);
    });
}


/***/ }),

/***/ 80:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   localPreview: () => (/* binding */ localPreview),
/* harmony export */   previewTerminalLines: () => (/* binding */ previewTerminalLines),
/* harmony export */   registerPreview: () => (/* binding */ registerPreview),
/* harmony export */   resolveLocalRef: () => (/* binding */ resolveLocalRef)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7975);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1723);
/* harmony import */ var _core_gate_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5263);
/* harmony import */ var _core_inputs_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1621);
/* harmony import */ var _core_ports_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6482);
/* harmony import */ var _core_preview_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2634);
/* harmony import */ var _vendors_heroku_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(6561);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(6773);
/* harmony import */ var _prompt_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(4307);
/* harmony import */ var _terminal_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(6481);











const execFileAsync = (0,node_util__WEBPACK_IMPORTED_MODULE_1__.promisify)(node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile);
async function git(cwd, args) {
    try {
        const { stdout } = await execFileAsync("git", args, { cwd, maxBuffer: 64 * 1024 * 1024 });
        return { code: 0, stdout };
    }
    catch (err) {
        const e = err;
        return { code: typeof e.code === "number" ? e.code : 1, stdout: e.stdout ?? "" };
    }
}
/** The full SHA `ref` names in the checkout at `cwd`; the error says what to do. */
async function resolveLocalRef(cwd, ref) {
    const inside = await git(cwd, ["rev-parse", "--is-inside-work-tree"]);
    if (inside.code !== 0 || inside.stdout.trim() !== "true")
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz("--ref", `needs a git checkout, but ${cwd} is not one: run prodgate from your app's repository`);
    const r = await git(cwd, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
    const sha = r.stdout.trim();
    if (r.code !== 0 || !/^[0-9a-f]{40}$/.test(sha))
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz("--ref", `'${ref}' is not a commit in the checkout at ${cwd}: fetch it, or check the name`);
    return sha;
}
async function hasCommit(cwd, sha) {
    return (await git(cwd, ["cat-file", "-e", `${sha}^{commit}`])).code === 0;
}
async function count(cwd, range) {
    return Number((await git(cwd, ["rev-list", "--count", range])).stdout.trim()) || 0;
}
async function commitsIn(cwd, range, max) {
    if (max <= 0)
        return [];
    const r = await git(cwd, ["log", `--max-count=${max}`, "--format=%H%x1f%an%x1f%aI%x1f%B%x1e", range]);
    return r.stdout
        .split("\x1e")
        .map((rec) => rec.replace(/^\n/, ""))
        .filter((rec) => rec.includes("\x1f"))
        .map((rec) => {
        const [sha = "", author = "", date = "", message = ""] = rec.split("\x1f");
        return { sha, author, date: toUtc(date), message: message.trim() };
    });
}
function toUtc(iso) {
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? undefined : d.toISOString().replace(/\.\d+Z$/, "Z");
}
const STATUS = { A: "added", D: "removed", M: "modified", T: "changed" };
/** The files that change from `base` to `head` (three-dot: from their merge base), as GitHub lists them. */
async function filesBetween(cwd, base, head) {
    const [numstat, names] = await Promise.all([
        git(cwd, ["diff", "--numstat", "--no-renames", `${base}...${head}`]),
        git(cwd, ["diff", "--name-status", "--no-renames", `${base}...${head}`]),
    ]);
    const status = new Map();
    for (const line of names.stdout.split("\n")) {
        const [code = "", name] = line.split("\t");
        if (name)
            status.set(name, STATUS[code[0] ?? ""] ?? "modified");
    }
    const files = [];
    for (const line of numstat.stdout.split("\n")) {
        const [add = "", del = "", name] = line.split("\t");
        if (!name)
            continue;
        const additions = Number(add) || 0;
        const deletions = Number(del) || 0;
        files.push({
            filename: name,
            status: status.get(name) ?? "modified",
            additions,
            deletions,
            changes: additions + deletions,
        });
    }
    return files;
}
async function localPreview(req, ports) {
    const clock = ports.clock ?? _core_ports_js__WEBPACK_IMPORTED_MODULE_5__/* .systemClock */ .m;
    const { cwd } = req;
    const max = Math.max(0, Math.min(req.maxCommits, _core_preview_js__WEBPACK_IMPORTED_MODULE_6__/* .MAX_PREVIEW_COMMITS */ .dT));
    const toSha = await resolveLocalRef(cwd, req.ref);
    const top = (await git(cwd, ["rev-parse", "--show-toplevel"])).stdout.trim() || cwd;
    const live = await ports.heroku.liveCommit(req.app);
    const base = {
        repository: top,
        serverUrl: "",
        app: req.app,
        environment: req.environment,
        production: req.production,
        to: { sha: toSha, ref: req.ref },
        generatedAt: clock.now().toISOString(),
    };
    const empty = {
        ahead: 0,
        behind: 0,
        commitCount: 0,
        commits: [],
        removed: [],
        files: [],
        filesDirection: "ship",
    };
    if (!live.sha) {
        const total = await count(cwd, toSha);
        return {
            ...base,
            ...empty,
            status: "first-deploy",
            ahead: total,
            commitCount: total,
            commits: await commitsIn(cwd, toSha, max),
        };
    }
    const from = {
        sha: live.sha,
        source: "heroku",
        release: live.release?.version !== undefined ? `release v${live.release.version}` : undefined,
    };
    if ((0,_core_preview_js__WEBPACK_IMPORTED_MODULE_6__/* .classifyPreview */ .L5)(live.sha, toSha, undefined) === "identical")
        return { ...base, ...empty, from, status: "identical" };
    if (!(await hasCommit(cwd, live.sha)))
        return {
            ...base,
            ...empty,
            from,
            status: "unknown",
            note: "not in the local checkout: git fetch, then look again",
        };
    const [ahead, behind] = await Promise.all([
        count(cwd, `${live.sha}..${toSha}`),
        count(cwd, `${toSha}..${live.sha}`),
    ]);
    const relation = ahead > 0 && behind > 0 ? "diverged" : behind > 0 ? "behind" : ahead > 0 ? "ahead" : "identical";
    const status = (0,_core_preview_js__WEBPACK_IMPORTED_MODULE_6__/* .classifyPreview */ .L5)(live.sha, toSha, relation);
    const [commits, removed] = await Promise.all([
        commitsIn(cwd, `${live.sha}..${toSha}`, max),
        behind > 0 ? commitsIn(cwd, `${toSha}..${live.sha}`, max) : Promise.resolve([]),
    ]);
    const revert = status === "behind";
    const files = revert ? await filesBetween(cwd, toSha, live.sha) : await filesBetween(cwd, live.sha, toSha);
    return {
        ...base,
        from,
        status,
        ahead,
        behind,
        commitCount: ahead,
        commits,
        removed,
        files,
        filesDirection: revert ? "revert" : "ship",
    };
}
/** The preview for a terminal: from → to, the status sentence (loud when it removes commits), commits, files. */
function previewTerminalLines(p) {
    const [, fromTo = "", sentence = "", ...commits] = (0,_core_preview_js__WEBPACK_IMPORTED_MODULE_6__/* .previewLogLines */ .w)(p);
    const loud = p.status === "behind" || p.status === "diverged" || p.status === "unknown";
    const lines = [
        (0,_terminal_js__WEBPACK_IMPORTED_MODULE_10__/* .paint */ .nI)(fromTo, "bold"),
        loud ? (0,_terminal_js__WEBPACK_IMPORTED_MODULE_10__/* .paint */ .nI)(sentence, "yellow", "bold") : p.status === "identical" ? (0,_terminal_js__WEBPACK_IMPORTED_MODULE_10__/* .paint */ .nI)(sentence, "gray") : sentence,
    ];
    for (const c of commits)
        lines.push(c.replace(/^( {2})([0-9a-f]{7})/, (_m, sp, sha) => `${sp}${(0,_terminal_js__WEBPACK_IMPORTED_MODULE_10__/* .paint */ .nI)(sha, "yellow")}`));
    if (p.removed.length) {
        lines.push((0,_terminal_js__WEBPACK_IMPORTED_MODULE_10__/* .paint */ .nI)(`Live commits this deploy removes (${p.behind}):`, "yellow", "bold"));
        for (const c of p.removed.slice(0, 10))
            lines.push(`  ${(0,_terminal_js__WEBPACK_IMPORTED_MODULE_10__/* .paint */ .nI)(c.sha.slice(0, 7), "yellow")} ${c.message.split("\n")[0] ?? ""} (${c.author})`);
    }
    if (p.files.length) {
        const t = (0,_core_preview_js__WEBPACK_IMPORTED_MODULE_6__/* .fileTotals */ .Ed)(p.files);
        const verb = p.filesDirection === "revert" ? "Files changed back" : "Files";
        lines.push(`${verb}: ${t.files} changed, ${(0,_terminal_js__WEBPACK_IMPORTED_MODULE_10__/* .paint */ .nI)(`+${t.additions}`, "green")} ${(0,_terminal_js__WEBPACK_IMPORTED_MODULE_10__/* .paint */ .nI)(`−${t.deletions}`, "red")}`);
        for (const f of (0,_core_preview_js__WEBPACK_IMPORTED_MODULE_6__/* .largestFiles */ .Sd)(p.files, 10))
            lines.push(`  ${f.filename} (${f.status}, +${f.additions} −${f.deletions})`);
        if (p.files.length > 10)
            lines.push(`  … and ${p.files.length - 10} more`);
    }
    return lines;
}
function registerPreview(program, ctx) {
    program
        .command("preview")
        .description("Show what a deploy of a local ref would ship: the SHA live on the app → the ref, from local git")
        .requiredOption("--app <name>", "the Heroku app")
        .option("--ref <ref>", "branch, tag or SHA in this checkout", "HEAD")
        .option("--environment <name>", "the environment the app serves", "production")
        .option("--production-environments <list>", "environments that count as production", "production")
        .option("--max-commits <n>", "list at most this many commits (counts stay exact)", "20")
        .option("--markdown", "print the preview as markdown on stdout (as the diff-preview action renders it)")
        .option("--json", "print the preview as JSON on stdout")
        .addHelpText("after", `
Read-only: it writes nothing and needs no GitHub (the commits come from this checkout).
Environment: HEROKU_API_KEY (required), HEROKU_API_URL (optional base URL).
Exit codes: 0 shown, 1 Heroku or git failed, 2 bad usage (unknown ref, no checkout, no HEROKU_API_KEY).`)
        .action(async (opts) => {
        const app = (0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .parseHerokuApp */ .j0)("--app", opts.app);
        const maxCommits = (0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .parseInteger */ .cG)("--max-commits", opts.maxCommits, 0, _core_preview_js__WEBPACK_IMPORTED_MODULE_6__/* .MAX_PREVIEW_COMMITS */ .dT);
        const apiKey = (0,_context_js__WEBPACK_IMPORTED_MODULE_8__/* .envSecret */ .eo)(ctx, "HEROKU_API_KEY", true) ?? "";
        const heroku = new _vendors_heroku_js__WEBPACK_IMPORTED_MODULE_7__/* .HerokuClient */ .K({
            apiKey,
            baseUrl: ctx.env.HEROKU_API_URL,
            onRetry: (m) => ctx.reporter.warning(m),
        });
        const production = (0,_core_gate_js__WEBPACK_IMPORTED_MODULE_3__/* .isProduction */ .KV)(opts.environment, (0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .parseList */ .E1)(opts.productionEnvironments));
        const preview = await localPreview({ app, environment: opts.environment, production, ref: opts.ref, cwd: process.cwd(), maxCommits }, { heroku });
        ctx.reporter.info((0,_prompt_js__WEBPACK_IMPORTED_MODULE_9__/* .targetBanner */ .MQ)(app, opts.environment, production));
        for (const line of previewTerminalLines(preview))
            ctx.reporter.info(line);
        if (opts.json)
            ctx.json(preview);
        else if (opts.markdown)
            process.stdout.write((0,_core_preview_js__WEBPACK_IMPORTED_MODULE_6__/* .renderPreviewMarkdown */ .mV)(preview));
    });
}


/***/ })

};
