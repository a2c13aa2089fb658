export const id = 781;
export const ids = [781];
export const modules = {

/***/ 5580:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  envCheckCommand: () => (/* binding */ envCheckCommand),
  envSetupCommand: () => (/* binding */ envSetupCommand),
  registerEnv: () => (/* binding */ registerEnv)
});

// EXTERNAL MODULE: ./.build/js/core/gate.js
var gate = __webpack_require__(5263);
// EXTERNAL MODULE: ./.build/js/core/inputs.js
var inputs = __webpack_require__(1621);
// EXTERNAL MODULE: ./.build/js/core/errors.js
var errors = __webpack_require__(1723);
// EXTERNAL MODULE: ./.build/js/core/policy.js
var core_policy = __webpack_require__(1786);
// EXTERNAL MODULE: ./.build/js/pipelines/policy.js
var pipelines_policy = __webpack_require__(6120);
;// CONCATENATED MODULE: ./.build/js/pipelines/env-check.js



async function checkEnvironment(environment, opts, ports) {
    const { github } = ports;
    const repo = github.fullName;
    const findings = [];
    const add = (id, message) => findings.push({ id, message });
    const setup = `prodgate env setup --repo ${repo} --environment ${environment}`;
    const env = await github.getEnvironment(environment);
    if (!env)
        add("no-environment", `${repo} has no environment '${environment}': create it with ${setup} --reviewers LOGIN --prevent-self-review --branch main`);
    else {
        const rule = env.protection_rules?.find((r) => r.type === "required_reviewers");
        if (!rule?.reviewers?.length)
            add("no-reviewers", `'${environment}' has no required reviewers, so nobody approves a deploy (${setup} --reviewers LOGIN)`);
        else if (!rule.prevent_self_review)
            add("self-review", `'${environment}' lets whoever started a deploy approve it: turn on Prevent self-review (${setup} --reviewers ... --prevent-self-review)`);
        const policy = env.deployment_branch_policy;
        if (!policy || (!policy.protected_branches && !policy.custom_branch_policies))
            add("any-branch", `any branch may deploy to '${environment}', so a workflow on any branch can reach its secrets: ${setup} --reviewers ... --branch main`);
    }
    const [repoSecrets, envSecrets] = await Promise.all([
        github.listRepoSecrets().catch((err) => {
            add("secrets-unreadable", `the repository's secrets could not be listed (${(0,errors/* describeError */.Uc)(err)}): the token needs Secrets read`);
            return undefined;
        }),
        env
            ? github.listEnvironmentSecrets(environment).catch((err) => {
                add("secrets-unreadable", `the secrets of '${environment}' could not be listed (${(0,errors/* describeError */.Uc)(err)})`);
                return undefined;
            })
            : Promise.resolve(undefined),
    ]);
    if (repoSecrets?.some((s) => s.name === opts.secret))
        add("key-in-repository", `${opts.secret} is a repository secret, so any workflow on any branch can read it: keep the deploy key only as a secret of '${environment}' and delete the repository one`);
    if (env && envSecrets && !envSecrets.some((s) => s.name === opts.secret))
        add("key-not-in-environment", `${opts.secret} is not a secret of '${environment}': store the deploy key there, where only approved jobs can read it`);
    try {
        const policy = await (0,pipelines_policy/* loadPolicy */.t)(github, ports.reporter);
        if (!policy)
            add("no-policy", `there is no ${core_policy/* POLICY_PATH */.l} on the default branch: without it the gated workflow's own inputs choose the approvers (add one, owned by CODEOWNERS, under branch protection)`);
        else if (!policy.environments.has(environment.toLowerCase()))
            add("no-policy-rules", `${policy.source} has no rules for '${environment}'`);
    }
    catch (err) {
        add("bad-policy", (0,errors/* describeError */.Uc)(err));
    }
    return { repository: repo, environment, findings };
}

// EXTERNAL MODULE: ./.build/js/pipelines/approval-check.js + 1 modules
var approval_check = __webpack_require__(1247);
;// CONCATENATED MODULE: ./.build/js/pipelines/gate.js



/**
 * The environment gate (environment-gate `mode: environment`, and the gate checks of the deploy pipeline):
 * the structural guard against automated events, proof that the environment really has required reviewers,
 * and who approved this run. Also `prodgate env setup`, which configures those rules (environment as code).
 */
/** How the gate decides: GitHub's required reviewers (`environment`), or an approval issue (`issue`). */
const GATE_MODES = (/* unused pure expression or super */ null && (["environment", "issue"]));
/**
 * Runs the gate checks of `mode: environment` (verifyDeployApproval). Throws a GateError that says what to fix
 * when the deploy must not go on; otherwise returns who approved this attempt.
 */
async function runEnvironmentGate(settings, ports) {
    const { environment } = settings;
    const result = {
        mode: "environment",
        decision: "not-required",
        approvedBy: [],
        reviewers: [],
        warnings: [],
    };
    const { github } = ports;
    if (!github) {
        if (settings.eventName !== undefined)
            checkTriggerEvent(settings.eventName, environment, settings.productionEnvironments);
        if (settings.requireReviewers)
            throw new GateError(`cannot check the reviewers of environment '${environment}': no GitHub token was given (github-token)`);
        return result;
    }
    if (!settings.runId)
        throw new GateError("the approval can only be checked inside a workflow run (GITHUB_RUN_ID)");
    const checked = await verifyDeployApproval({
        mode: "environment",
        environment,
        productionEnvironments: settings.productionEnvironments,
        repository: settings.repository,
        eventName: settings.eventName,
        actor: settings.actor,
        runActor: settings.runActor,
        runId: settings.runId,
        runAttempt: settings.runAttempt ?? 1,
        requireReviewers: settings.requireReviewers,
        entriesUsed: settings.entriesUsed,
    }, { github, teams: ports.teams, reporter: ports.reporter, policy: ports.policy });
    if (checked.decision === "not-required")
        return result;
    return {
        ...result,
        decision: "approved",
        approvedBy: checked.approvedBy,
        approvedAt: checked.approvedAt,
        approvalComment: checked.approvalComment,
        reviewers: checked.reviewers,
        warnings: checked.warnings,
        approvalEntries: checked.approvalEntries,
    };
}
/** require-reviewers when not given: true for production environments. */
function defaultRequireReviewers(environment, productionEnvironments) {
    return isProduction(environment, productionEnvironments);
}
/** The job-summary section of a gate decision. */
function renderGateSummary(settings, result) {
    const lines = [`### 🔐 Gate: ${settings.environment}`, ""];
    if (result.decision === "approved")
        lines.push(`Approved by **${result.approvedBy.join(", ")}**${result.approvalComment ? `: “${result.approvalComment.replace(/[\r\n]+/g, " ")}”` : ""}${result.approvedAt ? ` (${result.approvedAt})` : ""}.`);
    else if (result.decision === "rejected")
        lines.push("Rejected.");
    else
        lines.push("No review required for this environment.");
    if (result.reviewers.length)
        lines.push("", `Required reviewers: ${result.reviewers.join(", ")}`);
    for (const w of result.warnings)
        lines.push("", `> [!WARNING]\n> ${w}`);
    return `${lines.join("\n")}\n`;
}
/**
 * Makes environment `name` match `spec`: required reviewers, self-review, wait timer and (with `branches`)
 * the branches allowed to deploy. Idempotent: a second run finds nothing to change and changes nothing.
 */
async function setupEnvironment(name, spec, ports) {
    const { github, reporter } = ports;
    const ids = new Map();
    for (const r of spec.reviewers)
        ids.set((0,gate/* reviewerLabel */.kz)(r), await reviewerId(github, r));
    const current = await github.getEnvironment(name);
    const policy = current?.deployment_branch_policy;
    const custom = Boolean(policy?.custom_branch_policies);
    const policies = current && custom && spec.branches ? await github.listBranchPolicies(name) : [];
    const plan = (0,gate/* planEnvironment */.RJ)(current, policies.map((p) => p.name), spec, ids);
    const result = {
        environment: name,
        repository: github.fullName,
        changes: plan.changes,
        reviewers: spec.reviewers.map(gate/* reviewerLabel */.kz),
        htmlUrl: current?.html_url,
    };
    if (plan.changes.length === 0) {
        reporter.info(`Environment '${name}' of ${github.fullName} already matches: nothing to change`);
        return result;
    }
    for (const c of plan.changes)
        reporter.info(`${ports.dryRun ? "would " : ""}${c}`);
    if (ports.dryRun)
        return result;
    if (plan.put) {
        const saved = await github.putEnvironment(name, plan.put);
        result.htmlUrl = saved.html_url;
    }
    for (const b of plan.branchesToAdd)
        await github.createBranchPolicy(name, b, "branch");
    for (const b of plan.branchesToRemove) {
        const p = policies.find((x) => x.name === b);
        if (p)
            await github.deleteBranchPolicy(name, p.id);
    }
    reporter.info(`Environment '${name}' of ${github.fullName} configured (${plan.changes.length} change(s))`);
    return result;
}
async function reviewerId(github, r) {
    if (r.type === "User") {
        const user = await github.getUser(r.login);
        if (!user)
            throw new errors/* InputError */.dz("--reviewers", `names ${r.login}, but GitHub has no user by that login`);
        return user.id;
    }
    const team = await github.getTeam(r.org, r.slug);
    if (!team)
        throw new errors/* InputError */.dz("--reviewers", `names @${r.org}/${r.slug}, but the organization has no such team (or the token cannot see it)`);
    return team.id;
}

// EXTERNAL MODULE: ./.build/js/vendors/github.js + 10 modules
var vendors_github = __webpack_require__(6678);
// EXTERNAL MODULE: ./.build/js/cli/context.js
var context = __webpack_require__(6773);
// EXTERNAL MODULE: ./.build/js/cli/terminal.js
var terminal = __webpack_require__(6481);
;// CONCATENATED MODULE: ./.build/js/cli/commands/env.js







/** `prodgate env setup`: the environment's protection rules as code; running it again changes nothing. */
async function envSetupCommand(ctx, opts) {
    const { owner, repo } = (0,vendors_github/* parseRepository */.SU)("--repo", opts.repo);
    const spec = {
        reviewers: (0,gate/* parseReviewers */._y)("--reviewers", opts.reviewers),
        preventSelfReview: Boolean(opts.preventSelfReview),
        waitTimer: opts.waitTimer === undefined ? undefined : (0,inputs/* parseInteger */.cG)("--wait-timer", opts.waitTimer, 0, 43_200),
        branches: opts.branch === undefined ? undefined : (0,gate/* parseBranches */.G)("--branch", opts.branch),
    };
    const github = githubFor(ctx, `${owner}/${repo}`);
    const result = await setupEnvironment(opts.environment, spec, {
        github,
        reporter: ctx.reporter,
        dryRun: opts.dryRun,
    });
    if (opts.json)
        ctx.json({ ...result, changed: result.changes.length > 0 && !opts.dryRun, dryRun: Boolean(opts.dryRun) });
    else if (result.changes.length === 0)
        ctx.reporter.info((0,terminal/* paint */.nI)(`${opts.environment}: already as configured`, "green"));
    else if (!opts.dryRun)
        ctx.reporter.info((0,terminal/* paint */.nI)(`${opts.environment}: required reviewers ${result.reviewers.join(", ")}`, "green"));
    return result;
}
function githubFor(ctx, repository) {
    const token = (0,context/* envSecret */.eo)(ctx, "GITHUB_TOKEN", true) ?? "";
    return new vendors_github/* GitHubClient */.jh({
        token,
        repository,
        baseUrl: ctx.env.GITHUB_API_URL,
        onRetry: ({ attempt, waitMs, reason, what }) => ctx.reporter.info(`GitHub answered ${reason} for ${what}; retry ${attempt} in ${Math.round(waitMs)} ms`),
    });
}
/** `prodgate env check`: every weakness of the environment it can see; exit 1 on any. */
async function envCheckCommand(ctx, opts) {
    const { owner, repo } = (0,vendors_github/* parseRepository */.SU)("--repo", opts.repo);
    const github = githubFor(ctx, `${owner}/${repo}`);
    const result = await checkEnvironment(opts.environment, { secret: opts.secret }, { github, reporter: ctx.reporter });
    if (opts.json)
        ctx.json(result);
    for (const f of result.findings)
        ctx.reporter.warning(f.message);
    if (result.findings.length === 0) {
        ctx.reporter.info((0,terminal/* paint */.nI)(`${opts.environment} of ${result.repository}: no weakness found`, "green"));
        return result;
    }
    throw new context/* ExitError */.RS(`${opts.environment} of ${result.repository}: ${result.findings.length} weakness${result.findings.length === 1 ? "" : "es"} (${result.findings.map((f) => f.id).join(", ")})`, context/* EXIT */.dc.failed);
}
function registerEnv(program, ctx) {
    const env = program.command("env").description("GitHub environments that gate deploys (GITHUB_TOKEN)");
    env
        .command("setup")
        .description("Give an environment required reviewers (and branch rules), idempotently: environment as code")
        .requiredOption("--repo <owner/name>", "the repository")
        .requiredOption("--environment <name>", "the environment (created when missing)")
        .requiredOption("--reviewers <list>", "required reviewers: logins and @org/team slugs, comma-separated (at most 6)")
        .option("--prevent-self-review", "the person who started a deploy cannot approve it")
        .option("--branch <list>", "only these branches (patterns like release/*) may deploy; '' for any branch")
        .option("--wait-timer <minutes>", "minutes to wait after approval before the job runs")
        .option("--dry-run", "say what would change, change nothing")
        .option("--json", "print the result as JSON on stdout")
        .addHelpText("after", "\nGITHUB_TOKEN must administer the repository (fine-grained: Administration write; classic: repo);\na workflow's GITHUB_TOKEN cannot. Required reviewers on private repositories need GitHub Enterprise\n(or use environment-gate's mode: issue).")
        .action(async (opts) => {
        await envSetupCommand(ctx, opts);
    });
    env
        .command("check")
        .description("Report every weakness of a deploy environment: no reviewers, self-review, any branch, the deploy key as a repository secret, no policy file")
        .requiredOption("--repo <owner/name>", "the repository")
        .requiredOption("--environment <name>", "the environment")
        .option("--secret <name>", "the deploy key's secret name", "HEROKU_API_KEY")
        .option("--json", "print the findings as JSON on stdout")
        .addHelpText("after", "\nReads only. GITHUB_TOKEN needs to read the environment, the repository's secrets (names only) and contents.\nExit codes: 0 no weakness, 1 weaknesses found (each printed), 2 bad usage.")
        .action(async (opts) => {
        await envCheckCommand(ctx, opts);
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


/***/ }),

/***/ 2770:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qq: () => (/* binding */ HttpClient),
/* harmony export */   Vs: () => (/* binding */ retryAfterMs),
/* harmony export */   bD: () => (/* binding */ messageOf),
/* harmony export */   rb: () => (/* binding */ DeliveryUnknownError)
/* harmony export */ });
/* unused harmony export cannotHaveArrived */
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6752);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1723);
/* harmony import */ var _core_ports_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6482);
/* harmony import */ var _http_probe_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7505);




/** The request went out and no answer came back: the server may have acted on it. Not retried. */
class DeliveryUnknownError extends _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .VendorError */ .Hi {
    name = "DeliveryUnknownError";
}
const UNSENT_CODES = new Set([
    "ECONNREFUSED",
    "ENOTFOUND",
    "EAI_AGAIN",
    "EHOSTUNREACH",
    "ENETUNREACH",
    "EADDRNOTAVAIL",
    "UND_ERR_CONNECT_TIMEOUT",
]);
/** Whether a request that failed with `err` cannot have reached the server (no connection was made). */
function cannotHaveArrived(err) {
    const e = err;
    return UNSENT_CODES.has(e?.code ?? "") || UNSENT_CODES.has(e?.cause?.code ?? "");
}
const shared = new undici__WEBPACK_IMPORTED_MODULE_0__/* .Agent */ .g6({ keepAliveTimeout: 2_000, connect: { timeout: 10_000 } });
class HttpClient {
    vendor;
    opts;
    clock;
    constructor(opts) {
        this.opts = opts;
        this.vendor = opts.vendor;
        this.clock = opts.clock ?? _core_ports_js__WEBPACK_IMPORTED_MODULE_2__/* .systemClock */ .m;
    }
    get baseUrl() {
        return this.opts.baseUrl;
    }
    async send(req) {
        const url = this.url(req);
        const retries = req.retry === false ? 0 : (this.opts.retries ?? 3);
        const timeoutMs = req.timeoutMs ?? this.opts.timeoutMs ?? 10_000;
        let body;
        const headers = { ...this.opts.headers, ...req.headers };
        if (req.body !== undefined) {
            if (typeof req.body === "string" || Buffer.isBuffer(req.body))
                body = req.body;
            else {
                body = JSON.stringify(req.body);
                if (!Object.keys(headers).some((h) => h.toLowerCase() === "content-type"))
                    headers["content-type"] = "application/json";
            }
        }
        for (let attempt = 0;; attempt++) {
            let res;
            let reason;
            let waitMs = (this.opts.backoffMs ?? 500) * 2 ** attempt;
            try {
                const r = await (0,undici__WEBPACK_IMPORTED_MODULE_0__/* .request */ .Em)(url, {
                    method: req.method,
                    headers,
                    body,
                    dispatcher: this.opts.dispatcher ?? shared,
                    headersTimeout: timeoutMs,
                    bodyTimeout: timeoutMs,
                    signal: AbortSignal.timeout(timeoutMs),
                });
                const text = await r.body.text();
                res = { status: r.statusCode, headers: flatten(r.headers), text, json: parseJson(text) };
                if (res.status < 400 || req.accept?.includes(res.status))
                    return res;
                if (res.status !== 429 && res.status < 500)
                    throw this.describe(res, req);
                reason = `${res.status}`;
                const retryAfter = retryAfterMs(res.headers["retry-after"], this.clock.now());
                if (retryAfter !== undefined)
                    waitMs = Math.min(retryAfter, this.opts.maxRetryAfterMs ?? 30_000);
            }
            catch (err) {
                if (res)
                    throw err; // a described 4xx
                reason = (0,_http_probe_js__WEBPACK_IMPORTED_MODULE_3__/* .networkReason */ .d8)(err, timeoutMs);
                if (req.retry === "if-unsent" && !cannotHaveArrived(err)) {
                    throw new DeliveryUnknownError(this.vendor, `${this.vendor} API did not answer ${req.method} ${pathOnly(req.path)} (${reason}): it may have arrived, so it is not sent again`, undefined, false);
                }
                if (attempt >= retries) {
                    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .VendorError */ .Hi(this.vendor, `${this.vendor} API unreachable (${req.method} ${pathOnly(req.path)}): ${reason}`, undefined, true);
                }
            }
            if (attempt >= retries) {
                if (res)
                    throw this.describe(res, req);
            }
            this.opts.onRetry?.({ attempt: attempt + 1, waitMs, reason, req });
            await this.clock.sleep(waitMs);
        }
    }
    async json(method, path, body, extra = {}) {
        return (await this.send({ method, path, body, ...extra })).json;
    }
    url(req) {
        const base = this.opts.baseUrl.replace(/\/+$/, "");
        const u = new URL(base + (req.path.startsWith("/") ? req.path : `/${req.path}`));
        for (const [k, v] of Object.entries(req.query ?? {}))
            if (v !== undefined)
                u.searchParams.set(k, String(v));
        return u.toString();
    }
    describe(res, req) {
        if (this.opts.describe)
            return this.opts.describe(res, req);
        const message = messageOf(res.json);
        return new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .VendorError */ .Hi(this.vendor, `${this.vendor} answered ${res.status} for ${req.method} ${pathOnly(req.path)}${message ? `: ${message}` : ""}`, res.status, res.status === 429 || res.status >= 500);
    }
}
/** Retry-After as seconds or an HTTP date, in ms. */
function retryAfterMs(value, now) {
    if (!value)
        return undefined;
    if (/^\d+(\.\d+)?$/.test(value.trim()))
        return Math.round(Number(value) * 1000);
    const at = Date.parse(value);
    return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}
/** The `message` (or `error`) field vendors put in error bodies, bounded. */
function messageOf(json) {
    if (!json || typeof json !== "object")
        return undefined;
    const o = json;
    const m = o.message ??
        o.error ??
        (Array.isArray(o.errors) ? o.errors[0]?.message : undefined);
    return typeof m === "string" ? m.slice(0, 300) : undefined;
}
function parseJson(text) {
    if (!text)
        return undefined;
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
function flatten(h) {
    const out = {};
    for (const [k, v] of Object.entries(h))
        if (v !== undefined)
            out[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : v;
    return out;
}
function pathOnly(path) {
    return path.split("?")[0] ?? path;
}


/***/ })

};
