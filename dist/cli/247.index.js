export const id = 247;
export const ids = [247];
export const modules = {

/***/ 9003:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BF: () => (/* binding */ tallyApprovals),
/* harmony export */   CR: () => (/* binding */ parseApprovers),
/* harmony export */   Nf: () => (/* binding */ approverKey),
/* harmony export */   qM: () => (/* binding */ approvalMarker),
/* harmony export */   tf: () => (/* binding */ formatApprover),
/* harmony export */   z0: () => (/* binding */ recordedDecision)
/* harmony export */ });
/* unused harmony exports APPROVAL_LABEL, APPROVE_WORDS, DENY_WORDS, parseMinimumApprovals, verdictOf, wasEdited, eligibleApprovers, selfLogins, approvalIssueTitle, renderApprovalIssueBody, describeDecision, decisionMarker, renderDecisionComment */
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1723);
/* harmony import */ var _health_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(778);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1621);
/* harmony import */ var _preview_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2634);





/** The label every approval issue carries. */
const APPROVAL_LABEL = "prodgate:approval";
const APPROVE_WORDS = ["approve", "approved", "lgtm"];
const DENY_WORDS = ["deny", "denied", "reject", "rejected"];
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const ORG = LOGIN;
const TEAM_SLUG = /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,98}[A-Za-z0-9_])?$/;
/**
 * `LOGIN1, @ORG/TEAM` (commas, newlines or spaces between entries; a user may be written `@login`).
 * Duplicates are dropped (logins compare case-insensitively). Empty or malformed → InputError naming `input`.
 */
function parseApprovers(input, raw) {
    const entries = raw
        .split(/[\s,]+/)
        .map((s) => s.trim())
        .filter(Boolean);
    if (entries.length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, "is required in issue mode: list who may approve, as logins and/or teams (e.g. 'alice, @acme/deployers')");
    const out = [];
    const seen = new Set();
    for (const entry of entries) {
        const bare = entry.replace(/^@/, "");
        let approver;
        if (bare.includes("/")) {
            const [org = "", slug = "", ...rest] = bare.split("/");
            if (rest.length > 0 || !ORG.test(org) || !TEAM_SLUG.test(slug))
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, `has a malformed team '${entry.slice(0, 80)}': write a team as @ORG/TEAM-SLUG (e.g. @acme/deployers)`);
            approver = { kind: "team", org, slug: slug.toLowerCase() };
        }
        else {
            if (!LOGIN.test(bare))
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, `has '${entry.slice(0, 80)}', which is not a GitHub login (letters, digits and single hyphens, at most 39) nor a team (@ORG/TEAM)`);
            approver = { kind: "user", login: bare };
        }
        const key = approverKey(approver);
        if (seen.has(key))
            continue;
        seen.add(key);
        out.push(approver);
    }
    return out;
}
/** `minimum-approvals`: a whole number of at least 1 (default 1). */
function parseMinimumApprovals(input, raw) {
    return parseInteger(input, raw.trim() || "1", 1, 100);
}
function approverKey(a) {
    return a.kind === "user" ? a.login.toLowerCase() : `@${a.org.toLowerCase()}/${a.slug.toLowerCase()}`;
}
/** `alice`, `@acme/deployers`: as written in a mention. */
function formatApprover(a) {
    return a.kind === "user" ? `@${a.login}` : `@${a.org}/${a.slug}`;
}
/** What a comment says: an approval, a denial, or nothing (see the module comment for the rule). */
function verdictOf(body) {
    const line = body
        .split(/\r?\n/)
        .map((l) => l.trim())
        .find((l) => l !== "" && !l.startsWith(">"));
    if (!line)
        return undefined;
    const word = (line.split(/\s+/, 1)[0] ?? "")
        .replace(/^[^A-Za-z0-9]+/, "")
        .replace(/[^A-Za-z0-9]+$/, "")
        .toLowerCase();
    if (APPROVE_WORDS.includes(word))
        return "approve";
    if (DENY_WORDS.includes(word))
        return "deny";
    return undefined;
}
/** A comment someone edited after it was posted: an edited approval never counts (its author may not have written it). */
function wasEdited(c) {
    return c.updatedAt !== undefined && c.updatedAt !== c.createdAt;
}
/**
 * Reads a comment thread in the order it was written: each approver's approval counts once; the tally is
 * approved as soon as `minimumApprovals` distinct approvers have approved, and rejected as soon as any
 * approver denies before that. Words from anyone else are ignored, and so is the dispatcher's own approval
 * unless self-approval is allowed.
 */
function tallyApprovals(comments, policy) {
    const allowed = new Set(policy.approvers.map((l) => l.toLowerCase()));
    const self = selfLogins(policy);
    const ordered = [...comments].sort((a, b) => a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id - b.id);
    const approvedBy = [];
    const counted = new Set();
    const ignored = [];
    for (const c of ordered) {
        if (policy.marker && c.body.includes(policy.marker))
            continue;
        const verdict = verdictOf(c.body);
        if (!verdict)
            continue;
        const who = c.user.toLowerCase();
        if (!allowed.has(who)) {
            ignored.push({ id: c.id, user: c.user, why: "not an approver" });
            continue;
        }
        // A deny stands even when edited (whoever edited it cannot un-say it); an edited approval never counts.
        if (verdict === "approve" && wasEdited(c)) {
            ignored.push({ id: c.id, user: c.user, why: "edited after it was posted" });
            continue;
        }
        if (verdict === "deny")
            return {
                state: "rejected",
                approvedBy,
                deniedBy: c.user,
                deniedAt: c.createdAt,
                decisiveComment: c,
                ignored,
            };
        if (self.has(who) && !policy.allowSelfApproval) {
            ignored.push({ id: c.id, user: c.user, why: "self-approval" });
            continue;
        }
        if (counted.has(who)) {
            ignored.push({ id: c.id, user: c.user, why: "already approved" });
            continue;
        }
        counted.add(who);
        approvedBy.push(c.user);
        if (approvedBy.length >= policy.minimumApprovals)
            return { state: "approved", approvedBy, approvedAt: c.createdAt, decisiveComment: c, ignored };
    }
    return { state: "pending", approvedBy, ignored };
}
/** Approvers who could approve at all (who started or re-ran the run left out unless self-approval is allowed). */
function eligibleApprovers(policy) {
    const self = selfLogins(policy);
    return policy.approvers.filter((l) => policy.allowSelfApproval || !self.has(l.toLowerCase()));
}
/** The dispatcher and whoever re-ran the run, lower case. */
function selfLogins(policy) {
    return new Set([policy.dispatcher, policy.rerunBy ?? ""].filter(Boolean).map((l) => l.toLowerCase()));
}
/** The hidden marker of the approval issue of one run, app and environment (re-runs find it again). */
function approvalMarker(t) {
    const key = `${t.repository}#${t.runId}:${t.app ?? "-"}@${t.environment}`
        .replace(/[^A-Za-z0-9._:/@#+-]/g, "_")
        .replace(/-{2,}/g, "-")
        .slice(0, 300);
    return `<!-- prodgate:approval ${key} -->`;
}
/** "Approve deploy of shop-api to production" */
function approvalIssueTitle(t) {
    return `Approve deploy of ${t.app ?? t.repository} to ${t.environment}`.slice(0, 256);
}
/** The issue body: marker, what to do, who may do it, until when, then the diff preview and the run link. */
function renderApprovalIssueBody(b) {
    const target = `${b.target.app ? `**${escapeMd(b.target.app)}**` : escapeMd(b.target.repository)} to **${escapeMd(b.target.environment)}**`;
    const what = b.preview
        ? ` \`${short(b.preview.to.sha)}\`${b.preview.from ? ` (live now: \`${short(b.preview.from.sha)}\`)` : ""}`
        : b.ref
            ? ` \`${escapeMd(b.ref)}\``
            : "";
    const run = b.runUrl ? ` in [workflow run ${escapeMd(b.target.runId)}](${b.runUrl})` : "";
    const need = b.minimumApprovals === 1 ? "one approval" : `${b.minimumApprovals} approvals`;
    const rerun = b.rerunBy && b.rerunBy.toLowerCase() !== b.dispatcher.toLowerCase() ? b.rerunBy : undefined;
    const self = b.allowSelfApproval
        ? ""
        : rerun
            ? ` @${escapeMd(b.dispatcher)} started this run and @${escapeMd(rerun)} re-ran it: neither can approve it.`
            : ` @${escapeMd(b.dispatcher)} started this run and cannot approve it.`;
    const header = [
        b.marker,
        `@${escapeMd(b.dispatcher)} asked to deploy${what} of ${target}${run}.`,
        "",
        `**To approve**, comment \`approve\`, \`approved\` or \`lgtm\` as the first word of a comment. **To stop it**, comment \`deny\`, \`denied\` or \`reject\`. Other comments are conversation; only approvers count.`,
        "",
        `**Approvers:** ${b.approvers.map((a) => escapeMd(formatApprover(a))).join(", ")} · **needed:** ${need}.${self}`,
        "",
        `The gate waits ${formatDuration(b.timeoutMs)}, until ${b.deadline.replace(/\.\d+Z$/, "Z")}; then the deploy is rejected. Closing this issue rejects it too.`,
        "",
        "---",
    ];
    if (b.previewNote)
        header.push("", `> [!WARNING]`, `> No diff preview: ${escapeMd(b.previewNote)}`);
    const before = header.join("\n");
    const maxBytes = b.maxBytes ?? 60_000;
    if (b.preview)
        return renderPreviewMarkdown(b.preview, { variant: "comment", before, maxBytes });
    const footer = b.runUrl ? `\n\n<sub>prodgate environment-gate · [workflow run](${b.runUrl})</sub>\n` : "\n";
    return `${before}${footer}`;
}
/** The decision and its sentence. */
function describeDecision(d) {
    const list = (logins) => logins.map((l) => `@${l}`).join(", ");
    const { tally } = d;
    if (!d.cause && tally.state === "approved")
        return {
            decision: "approved",
            approvedBy: tally.approvedBy,
            approvedAt: tally.approvedAt,
            reason: `approved by ${list(tally.approvedBy)}`,
        };
    const cause = d.cause ?? "denied";
    const partial = tally.approvedBy.length > 0
        ? ` with ${tally.approvedBy.length} of ${d.minimumApprovals} approvals (${list(tally.approvedBy)})`
        : ` with 0 of ${d.minimumApprovals} approvals`;
    const by = d.by ?? tally.deniedBy;
    const issue = d.issueNumber !== undefined ? ` #${d.issueNumber}` : "";
    const reason = cause === "denied"
        ? `denied by @${by ?? "an approver"}`
        : cause === "timeout"
            ? `rejected by timeout: no decision within ${formatDuration(d.timeoutMs ?? 0)}${partial}`
            : cause === "closed"
                ? `rejected: the approval issue${issue} was closed${by ? ` by @${by}` : ""} before it was approved`
                : `rejected: the approval issue${issue} was deleted`;
    return { decision: "rejected", approvedBy: tally.approvedBy, cause, by, reason };
}
/** The hidden line of a decision comment that the deploy step reads back (only from the gate's own, unedited comments). */
function decisionMarker(decision) {
    return `<!-- prodgate:decision ${decision} -->`;
}
/** The decision a comment of the gate records, if it is one. */
function recordedDecision(body) {
    const m = /<!-- prodgate:decision (approved|rejected) -->/.exec(body);
    return m ? m[1] : undefined;
}
/** The comment the gate posts when it decides (it carries the marker, so the gate never reads it). */
function renderDecisionComment(d, opts) {
    const run = opts.runUrl ? ` · [workflow run](${opts.runUrl})` : "";
    const sentence = escapeMd(d.reason.charAt(0).toUpperCase() + d.reason.slice(1));
    const head = d.decision === "approved"
        ? `✅ **${sentence}.** The deploy goes ahead.`
        : `⛔ **${sentence}.** Nothing is deployed.`;
    const when = d.approvedAt ? `\n\nApproved at ${d.approvedAt}.` : "";
    const edited = (opts.ignored ?? []).filter((i) => i.why === "edited after it was posted");
    const editedNote = edited.length
        ? `\n\nNot counted: ${edited.map((i) => `the approval by @${escapeMd(i.user)} (comment ${i.id})`).join(", ")}, edited after it was posted. Anyone with write access can edit a comment, so an edited approval never counts: approve again in a new comment.`
        : "";
    return `${opts.marker}\n${decisionMarker(d.decision)}\n${head}${when}${editedNote}\n\n<sub>prodgate environment-gate${run}</sub>\n`;
}


/***/ }),

/***/ 1786:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ gateRules),
/* harmony export */   l: () => (/* binding */ POLICY_PATH)
/* harmony export */ });
/* harmony import */ var _approval_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9003);

/**
 * The deploy policy, `.github/prodgate.yml`, read through the API from the default branch's HEAD (never from
 * the checkout, which the workflow being gated controls). Per environment: who may approve, how many must,
 * whether whoever started the run may approve it, which events besides workflow_dispatch may start a deploy,
 * and whether GitHub's required reviewers must decide. When the file exists it wins: the workflow's inputs can
 * make the gate stricter, never looser. Pure; the
 * file is parsed by `core/policy-file.ts` (loaded only when a policy file exists).
 *
 *   environments:
 *     production:
 *       approvers: [alice, "@acme/deployers"]
 *       minimum-approvals: 2
 *       allow-self-approval: false
 *       events: [repository_dispatch]
 *       reviewers-required: true
 */
const POLICY_PATH = ".github/prodgate.yml";
/** Merges the policy of `environment` (when the file has one) with the inputs; stricter always wins. */
function gateRules(policy, environment, inputs) {
    const env = policy?.environments.get(environment.trim().toLowerCase());
    const inputApprovers = inputs.approvers?.length ? [...inputs.approvers] : undefined;
    if (!env)
        return {
            approvers: inputApprovers ?? [],
            minimumApprovals: inputs.minimumApprovals ?? 1,
            allowSelfApproval: inputs.allowSelfApproval ?? false,
            events: [],
            reviewersRequired: inputs.requireReviewers ?? false,
            source: policy
                ? `workflow inputs (${policy.source} has no rules for '${environment}')`
                : "workflow inputs",
            fromPolicy: false,
            notes: [],
        };
    const notes = [];
    const minimum = Math.max(env.minimumApprovals ?? 1, inputs.minimumApprovals ?? 1);
    if ((inputs.minimumApprovals ?? 1) < minimum)
        notes.push(`minimum-approvals ${inputs.minimumApprovals ?? 1} raised to ${minimum} by ${policy.source}`);
    const policyAllows = env.allowSelfApproval ?? false;
    if (inputs.allowSelfApproval && !policyAllows)
        notes.push(`allow-self-approval: true overruled by ${policy.source}`);
    const approvers = env.approvers ?? inputApprovers ?? [];
    const narrowTo = env.approvers && inputApprovers ? inputApprovers : undefined;
    if (narrowTo) {
        const allowed = new Set(env.approvers.map(_approval_js__WEBPACK_IMPORTED_MODULE_0__/* .approverKey */ .Nf));
        const outside = narrowTo.filter((a) => a.kind === "user" && !allowed.has((0,_approval_js__WEBPACK_IMPORTED_MODULE_0__/* .approverKey */ .Nf)(a)));
        if (outside.length)
            notes.push(`${outside.map(_approval_js__WEBPACK_IMPORTED_MODULE_0__/* .formatApprover */ .tf).join(", ")} ${outside.length === 1 ? "is" : "are"} not an approver in ${policy.source} and cannot approve`);
    }
    return {
        approvers,
        narrowTo,
        minimumApprovals: minimum,
        allowSelfApproval: policyAllows && (inputs.allowSelfApproval ?? true),
        events: [...env.events],
        reviewersRequired: (env.reviewersRequired ?? false) || (inputs.requireReviewers ?? false),
        source: policy.source,
        fromPolicy: true,
        notes,
    };
}


/***/ }),

/***/ 1247:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  C: () => (/* binding */ verifyDeployApproval)
});

// EXTERNAL MODULE: ./.build/js/core/approval.js
var approval = __webpack_require__(9003);
// EXTERNAL MODULE: ./.build/js/core/errors.js
var errors = __webpack_require__(1723);
// EXTERNAL MODULE: ./.build/js/core/gate.js
var gate = __webpack_require__(5263);
// EXTERNAL MODULE: ./.build/js/core/policy.js
var core_policy = __webpack_require__(1786);
// EXTERNAL MODULE: ./.build/js/core/ports.js
var core_ports = __webpack_require__(6482);
// EXTERNAL MODULE: ./.build/js/vendors/github.js + 10 modules
var vendors_github = __webpack_require__(6678);
// EXTERNAL MODULE: ./.build/js/vendors/github-gate.js
var github_gate = __webpack_require__(2793);
;// CONCATENATED MODULE: ./.build/js/pipelines/approvers.js


/** Approver logins with every team expanded to its members, each once (first spelling kept). */
async function expandApprovers(github, approvers, reporter) {
    const out = [];
    const seen = new Set();
    const add = (login) => {
        if (seen.has(login.toLowerCase()))
            return;
        seen.add(login.toLowerCase());
        out.push(login);
    };
    for (const a of approvers) {
        if (a.kind === "user") {
            add(a.login);
            continue;
        }
        const members = await (0,vendors_github/* listTeamMembers */.vw)(github, a.org, a.slug);
        if (members.length === 0)
            reporter.warning(`Team @${a.org}/${a.slug} has no members: nobody in it can approve`);
        else
            reporter.info(`Team @${a.org}/${a.slug}: ${members.map((m) => `@${m}`).join(", ")}`);
        for (const m of members)
            add(m);
    }
    return out;
}
/**
 * Who may approve under `rules`: the approvers (teams expanded), narrowed to those the workflow's own list also
 * names when a policy file set the approvers (inputs can only take people away, never add them).
 */
async function resolveApproverLogins(github, rules, reporter) {
    const approvers = await expandApprovers(github, rules.approvers, reporter);
    if (!rules.narrowTo)
        return approvers;
    const sameList = rules.narrowTo.length === rules.approvers.length &&
        rules.narrowTo.every((a) => rules.approvers.some((b) => (0,approval/* approverKey */.Nf)(a) === (0,approval/* approverKey */.Nf)(b)));
    if (sameList)
        return approvers;
    const narrow = new Set((await expandApprovers(github, rules.narrowTo, reporter)).map((l) => l.toLowerCase()));
    return approvers.filter((l) => narrow.has(l.toLowerCase()));
}

// EXTERNAL MODULE: ./.build/js/pipelines/policy.js
var pipelines_policy = __webpack_require__(6120);
;// CONCATENATED MODULE: ./.build/js/pipelines/approval-check.js









async function verifyDeployApproval(settings, ports) {
    const { github, reporter } = ports;
    const { environment, repository } = settings;
    const production = (0,gate/* isProduction */.KV)(environment, settings.productionEnvironments);
    const policy = ports.policy === undefined ? await (0,pipelines_policy/* loadPolicy */.t)(github, reporter) : (ports.policy ?? undefined);
    const rules = (0,core_policy/* gateRules */.D)(policy, environment, {
        approvers: settings.issue?.approvers,
        minimumApprovals: settings.issue?.minimumApprovals,
        allowSelfApproval: settings.issue?.allowSelfApproval,
        requireReviewers: settings.requireReviewers,
    });
    for (const n of rules.notes)
        reporter.warning(n);
    if (production && !settings.eventName)
        throw new errors/* GateError */.ue(`refusing to deploy to ${environment}: the triggering event is unknown, and production deploys start only from a deliberate dispatch`);
    if (settings.eventName !== undefined)
        (0,gate/* checkTriggerEvent */.F$)(settings.eventName, environment, settings.productionEnvironments, rules.events);
    const result = {
        decision: "not-required",
        mode: settings.mode,
        approvedBy: [],
        reviewers: [],
        rules,
        warnings: [],
    };
    const required = production || rules.reviewersRequired || settings.mode === "issue";
    if (!required)
        return result;
    const env = await github.getEnvironment(environment);
    if (production)
        checkBranchPolicy(env, environment, repository);
    if (settings.mode === "issue") {
        if (rules.reviewersRequired)
            throw new errors/* GateError */.ue(`${rules.source} requires GitHub's required reviewers for ${environment} (reviewers-required: true): the issue-comment gate (approval: issue) is refused`);
        return verifyIssueApproval(settings, ports, rules, result);
    }
    return verifyEnvironmentApproval(settings, ports, rules, env, result);
}
/** A production environment that any branch may enter protects nothing: a branch workflow could deploy. */
function checkBranchPolicy(env, environment, repository) {
    if (!env)
        throw new errors/* GateError */.ue(`environment '${environment}' does not exist in ${repository}: create it with required reviewers and a deployment branch policy (prodgate env setup --repo ${repository} --environment ${environment} --reviewers LOGIN --branch main)`);
    const policy = env.deployment_branch_policy;
    if (!policy || (!policy.protected_branches && !policy.custom_branch_policies))
        throw new errors/* GateError */.ue(`environment '${environment}' of ${repository} lets any branch deploy, so a workflow on any branch could enter it: limit it to protected or selected branches (prodgate env setup --repo ${repository} --environment ${environment} --branch main, or Settings → Environments → ${environment} → Deployment branches)`);
}
async function verifyEnvironmentApproval(settings, ports, rules, env, result) {
    const { environment, repository, runId } = settings;
    const reviewers = (0,gate/* requiredReviewers */.yS)(env, environment, repository, true);
    ports.reporter.info(`Environment '${environment}' requires a review by ${reviewers.join(", ")}`);
    if (rules.minimumApprovals > 1)
        throw new errors/* GateError */.ue(`${rules.source} asks for ${rules.minimumApprovals} approvals for ${environment}, but GitHub's required reviewers let one approval through: use the issue-comment gate (approval: issue) for several approvals`);
    const approvals = await ports.github.listRunApprovals(runId);
    const entries = approvals.filter((a) => (a.state === "approved" || a.state === "rejected") &&
        a.environments.some((e) => (e.name ?? "").toLowerCase() === environment.toLowerCase()));
    result.approvalEntries = entries.length;
    const used = Math.min(settings.entriesUsed ?? 0, entries.length);
    // Entries before `used` belong to earlier attempts: a rejection there does not block this attempt (GitHub let
    // it through), and an approval there is not this attempt's approver.
    const mine = entries.slice(used).at(-1);
    if (mine?.state === "rejected")
        throw new errors/* GateError */.ue(`${mine.user.login} rejected attempt ${settings.runAttempt} of run ${runId} for environment '${environment}'${mine.comment ? `: ${mine.comment}` : ""}`);
    if (mine?.state !== "approved") {
        const earlier = used > 0 ? ` (the ${used} review(s) before belong to earlier attempts of the run)` : "";
        throw new errors/* GateError */.ue(`no reviewer approved attempt ${settings.runAttempt} of run ${runId} of ${repository} for environment '${environment}'${earlier} (required reviewers: ${reviewers.join(", ")}). The deploy job must name the environment (\`environment: ${environment}\`) so that GitHub pauses it until a reviewer approves; a run that bypassed the protection rules is refused.`);
    }
    const approver = mine.user.login;
    const self = [settings.actor, settings.runActor ?? ""].filter(Boolean).map((l) => l.toLowerCase());
    if (self.includes(approver.toLowerCase())) {
        const rule = env?.protection_rules?.find((r) => r.type === "required_reviewers");
        if (!rules.allowSelfApproval && rules.fromPolicy)
            throw new errors/* GateError */.ue(`${approver} approved their own deploy, and ${rules.source} does not allow self-approval for ${environment}: a second person must approve`);
        if (!rule?.prevent_self_review)
            result.warnings.push(`${approver} approved their own deploy: turn on "Prevent self-review" for environment '${environment}' (prodgate env setup --prevent-self-review) so that a second person must approve`);
    }
    if (rules.approvers.length > 0) {
        const allowed = await resolveApproverLogins(ports.teams ?? ports.github, rules, ports.reporter);
        if (!allowed.some((l) => l.toLowerCase() === approver.toLowerCase()))
            throw new errors/* GateError */.ue(`${approver} approved run ${runId} for ${environment}, but ${rules.source} does not list them as an approver`);
    }
    for (const w of result.warnings)
        ports.reporter.warning(w);
    ports.reporter.info(`Approved by ${approver}${mine.comment ? ` ("${mine.comment}")` : ""} for ${environment}`);
    return {
        ...result,
        decision: "approved",
        approvedBy: [approver],
        approvedAt: (ports.clock ?? core_ports/* systemClock */.m).now().toISOString(),
        approvalComment: mine.comment,
        reviewers,
    };
}
async function verifyIssueApproval(settings, ports, rules, result) {
    const { github, reporter } = ports;
    const { environment, runId } = settings;
    const number = settings.issue?.number;
    if (!number)
        throw new errors/* GateError */.ue("approval: issue needs the approval issue's number (approval-issue, from the environment-gate step's issue-number output)");
    const refuse = (why) => {
        throw new errors/* GateError */.ue(`approval issue #${number} does not approve this deploy: ${why}`);
    };
    const self = await github.identity();
    const issue = await (0,vendors_github/* getIssue */.qB)(github, number);
    if (!issue)
        refuse("it does not exist");
    const marker = (0,approval/* approvalMarker */.qM)({
        repository: github.fullName,
        app: settings.issue?.app,
        environment,
        runId,
    });
    if (!(issue.body ?? "").includes(marker))
        refuse(`it is not the approval issue of run ${runId} for ${environment}`);
    if ((issue.user?.login ?? "").toLowerCase() !== self.toLowerCase())
        refuse(`it was opened by @${issue.user?.login ?? "someone"}, not by the gate (@${self})`);
    const comments = await (0,vendors_github/* listAllIssueComments */.LV)(github, number);
    const decisions = comments.filter((c) => (c.user?.login ?? "").toLowerCase() === self.toLowerCase() && (c.body ?? "").includes(marker));
    for (const c of decisions)
        if (c.updated_at !== c.created_at)
            refuse(`the gate's comment ${c.id} was edited after the gate wrote it`);
    const approvers = await resolveApproverLogins(ports.teams ?? github, rules, reporter);
    const tally = (0,approval/* tallyApprovals */.BF)(comments
        .filter((c) => c.user?.login)
        .map((c) => ({
        id: c.id,
        user: c.user.login,
        body: c.body ?? "",
        createdAt: c.created_at,
        updatedAt: c.updated_at,
    })), {
        approvers,
        minimumApprovals: rules.minimumApprovals,
        dispatcher: settings.runActor ?? settings.actor,
        rerunBy: settings.actor,
        allowSelfApproval: rules.allowSelfApproval,
        marker,
    });
    if (tally.state === "rejected")
        refuse(`denied by @${tally.deniedBy}`);
    const recorded = decisions.map((c) => (0,approval/* recordedDecision */.z0)(c.body ?? "")).filter(Boolean);
    // A deny deleted after the gate saw it still stands: the gate's own record of it says so.
    if (recorded.includes("rejected"))
        refuse("the gate recorded a rejection on it");
    if (issue.state !== "closed" || issue.state_reason !== "completed")
        refuse("the gate has not closed it as approved");
    if ((issue.closed_by?.login ?? "").toLowerCase() !== self.toLowerCase())
        refuse(`it was closed by @${issue.closed_by?.login ?? "someone"}, not by the gate`);
    const attempt = await (0,github_gate/* getRunAttempt */.$r)(github, runId, settings.runAttempt);
    const startedAt = attempt.run_started_at ?? attempt.created_at;
    if (issue.closed_at && startedAt && issue.closed_at < startedAt)
        refuse(`it was decided before attempt ${settings.runAttempt} of the run started`);
    if (recorded.at(-1) !== "approved")
        refuse("the gate recorded no approval on it");
    if (tally.state !== "approved")
        refuse(`it has ${tally.approvedBy.length} of ${rules.minimumApprovals} approvals that count under ${rules.source}`);
    reporter.info(`Approval issue #${number} read back: approved by ${tally.approvedBy.map((l) => `@${l}`).join(", ")}`);
    return {
        ...result,
        decision: "approved",
        approvedBy: tally.approvedBy,
        approvedAt: tally.approvedAt,
        approvalComment: tally.decisiveComment?.body.slice(0, 1000),
        issueNumber: number,
    };
}


/***/ }),

/***/ 6120:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ loadPolicy)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1723);
/* harmony import */ var _core_policy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1786);
/* harmony import */ var _vendors_github_gate_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2793);



/**
 * The deploy policy as the default branch's HEAD has it, read through the API (never from the checkout, which
 * the workflow being gated controls). No file: undefined. A file that cannot be read or parsed refuses the
 * deploy (fail closed), naming the problem.
 */
async function loadPolicy(github, reporter) {
    let file;
    try {
        file = await (0,_vendors_github_gate_js__WEBPACK_IMPORTED_MODULE_2__/* .readRepoFile */ .v6)(github, _core_policy_js__WEBPACK_IMPORTED_MODULE_1__/* .POLICY_PATH */ .l);
    }
    catch (err) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue(`cannot read the deploy policy ${_core_policy_js__WEBPACK_IMPORTED_MODULE_1__/* .POLICY_PATH */ .l} of ${github.fullName}: ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(err)}`);
    }
    if (!file) {
        reporter.info(`No ${_core_policy_js__WEBPACK_IMPORTED_MODULE_1__/* .POLICY_PATH */ .l} on the default branch of ${github.fullName}: the workflow's inputs set the rules`);
        return undefined;
    }
    const source = `${_core_policy_js__WEBPACK_IMPORTED_MODULE_1__/* .POLICY_PATH */ .l}@${file.ref} (${file.sha.slice(0, 7)})`;
    try {
        const { parsePolicy } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(757)]).then(__webpack_require__.bind(__webpack_require__, 7757));
        const policy = parsePolicy(file.text, source);
        reporter.info(`Deploy policy: ${source}`);
        return policy;
    }
    catch (err) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GateError */ .ue(`the deploy policy is invalid, so nothing deploys until it is fixed: ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(err)}`);
    }
}


/***/ }),

/***/ 2793:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $r: () => (/* binding */ getRunAttempt),
/* harmony export */   uB: () => (/* binding */ newestSuccessfulDeployment),
/* harmony export */   v6: () => (/* binding */ readRepoFile)
/* harmony export */ });
/* unused harmony export getDefaultBranch */
/** The repository's default branch (`main`). */
async function getDefaultBranch(gh) {
    const repo = await gh.json("GET", gh.repoPath(), {
        what: `read repository ${gh.fullName}`,
        hints: { 404: `${gh.fullName} does not exist or the token cannot see it` },
    });
    if (!repo?.default_branch)
        throw new Error(`GitHub did not say which branch of ${gh.fullName} is the default`);
    return repo.default_branch;
}
/** A file's text on `ref` (default: the default branch's HEAD); undefined when there is no such file. */
async function readRepoFile(gh, path, ref) {
    const branch = ref ?? (await getDefaultBranch(gh));
    const res = await gh.request("GET", gh.repoPath(`/contents/${path.split("/").map(encodeURIComponent).join("/")}`), {
        query: { ref: branch },
        accept: [404],
        what: `read ${path} on ${branch}`,
        hints: { 403: "The token needs `contents: read`: add `permissions: contents: read` to the job" },
    });
    if (res.status === 404)
        return undefined;
    const body = res.json;
    if (body?.type !== "file" || body.encoding !== "base64" || typeof body.content !== "string")
        throw new Error(`${path} on ${branch} of ${gh.fullName} is not a file GitHub can return`);
    return { text: Buffer.from(body.content, "base64").toString("utf8"), sha: body.sha ?? "", ref: branch };
}
/** One attempt of a workflow run: when it started and who started it. */
function getRunAttempt(gh, runId, attempt) {
    return gh.json("GET", gh.repoPath(`/actions/runs/${encodeURIComponent(String(runId))}/attempts/${attempt}`), {
        what: `read attempt ${attempt} of run ${runId}`,
        hints: { 403: "The token needs `actions: read`: add `permissions: actions: read` to the job" },
    });
}
/**
 * The SHA of the newest deployment to `environment` whose latest status is `success`; undefined when none.
 * Anyone with `deployments: write` can record a deployment, so this is what the preview shows, never what the
 * deploy trusts: the deploy reads the live SHA again with the deploy key and refuses when it differs.
 */
async function newestSuccessfulDeployment(gh, environment, maxDeployments = 30) {
    const list = await gh.listDeployments({ environment }, maxDeployments);
    const env = environment.toLowerCase();
    for (const d of list) {
        if (d.environment.toLowerCase() !== env)
            continue;
        const statuses = await gh.listDeploymentStatuses(d.id);
        const latest = [...statuses].sort((a, b) => b.id - a.id)[0];
        if (latest?.state === "success")
            return { sha: d.sha, deploymentId: d.id, createdAt: d.created_at };
    }
    return undefined;
}


/***/ })

};
