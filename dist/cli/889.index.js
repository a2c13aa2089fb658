export const id = 889;
export const ids = [889];
export const modules = {

/***/ 3442:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $y: () => (/* binding */ revokedSlack),
/* harmony export */   Cd: () => (/* binding */ webhookBody),
/* harmony export */   Gn: () => (/* binding */ KILL_SWITCH),
/* harmony export */   HF: () => (/* binding */ unfinishedWork),
/* harmony export */   Mm: () => (/* binding */ freshSteps),
/* harmony export */   SE: () => (/* binding */ killSwitchOn),
/* harmony export */   fG: () => (/* binding */ revokeWarningSlack),
/* harmony export */   gO: () => (/* binding */ describeHolds),
/* harmony export */   h_: () => (/* binding */ revokeDecision),
/* harmony export */   oI: () => (/* binding */ assertRotationEnabled),
/* harmony export */   sU: () => (/* binding */ serializeState),
/* harmony export */   un: () => (/* binding */ readState),
/* harmony export */   wh: () => (/* binding */ planRevoke),
/* harmony export */   z7: () => (/* binding */ rotationSlack),
/* harmony export */   zL: () => (/* binding */ renderRotationOutcome),
/* harmony export */   zp: () => (/* binding */ setStep)
/* harmony export */ });
/* unused harmony exports STEP_NAMES, isExecutorState, step, revocable, REVOKE_WARNING_MS, RotationDisabledError */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1723);

/**
 * The rotation executor's state machine, pure (issue 18, seed 000 §4.5): the steps of a job as seed 000 names
 * them, what a job row's steps_json holds, when the old credential goes, and the words of its summary, Slack
 * and webhook messages. Nothing here ever holds a secret value.
 */
const STEP_NAMES = ["generate", "store", "sync_consumers", "smoke_test", "revoke_old"];
function freshSteps() {
    return STEP_NAMES.map((name) => ({ name, status: "pending" }));
}
function isExecutorState(steps) {
    return !!steps && steps.executor === 1 && Array.isArray(steps.steps);
}
/**
 * The state as a job row holds it. Consumer ids name secrets (`...:HEROKU_API_KEY`), and the store drops keys
 * that look like secrets, so which consumer holds what is kept as a list, not a map.
 */
function serializeState(state) {
    const { consumer_holds, ...rest } = state;
    return {
        ...rest,
        holdings: Object.entries(consumer_holds).map(([consumer, holds]) => ({ consumer, holds })),
    };
}
function readState(steps) {
    if (!isExecutorState(steps))
        return undefined;
    const { holdings, ...rest } = steps;
    const list = Array.isArray(holdings) ? holdings : [];
    return {
        ...rest,
        consumer_holds: Object.fromEntries(list.map((h) => [h.consumer, h.holds])),
    };
}
function step(state, name) {
    const found = state.steps.find((s) => s.name === name);
    if (found)
        return found;
    const added = { name, status: "pending" };
    state.steps.push(added);
    return added;
}
function setStep(state, name, status, now, detail) {
    const s = step(state, name);
    s.status = status;
    if (status === "running") {
        s.started_at = now.toISOString();
        delete s.completed_at;
    }
    if (status === "completed" || status === "failed")
        s.completed_at = now.toISOString();
    if (detail !== undefined)
        s.detail = detail.slice(0, 500);
    else if (status === "running")
        delete s.detail;
    return s;
}
/** Generators whose old credential lives at a vendor and can be revoked; a random value has none. */
function revocable(generator) {
    return generator !== "random";
}
/**
 * When the old credential goes once the new one passed its smoke test: at once on compromise or with no grace
 * period (`max-overlap: 0`), else at the end of the grace period; never for a value no vendor issued.
 */
function planRevoke(generator, opts, now) {
    if (!revocable(generator))
        return { kind: "none", reason: "a random value has no credential to revoke" };
    if (!opts.hasOldId)
        return { kind: "none", reason: "the old credential is not known at its vendor" };
    if (opts.compromised)
        return { kind: "now", reason: "compromised: revoked as soon as the smoke test passed" };
    if (!opts.revokeOld)
        return { kind: "none", reason: "the policy says revoke-old: false" };
    if (opts.maxOverlapMs <= 0)
        return { kind: "now", reason: "max-overlap is 0: no grace period" };
    return { kind: "scheduled", at: new Date(now.getTime() + opts.maxOverlapMs) };
}
/**
 * What a completed job still owes when the run that completed it died: its secret.rotate.completed row, the
 * revocation of its old credential it had started, the message that it rotated. Undefined when it owes nothing.
 */
function unfinishedWork(job) {
    const state = job.status === "completed" ? readState(job.steps) : undefined;
    if (!state?.completion)
        return undefined;
    const audit = !state.completion.audited;
    const revoke = state.steps.some((s) => s.name === "revoke_old" && s.status === "running");
    const tell = !state.completion.told;
    return audit || revoke || tell ? { audit, revoke, tell } : undefined;
}
/** A revoke due within this long of a sweep gets a Slack warning from it (once). */
const REVOKE_WARNING_MS = 3_600_000;
function revokeDecision(revokeAt, state, now) {
    const left = revokeAt.getTime() - now.getTime();
    if (left <= 0)
        return "revoke";
    if (left <= REVOKE_WARNING_MS && !state.revoke_warned_at)
        return "warn";
    return "wait";
}
const KILL_SWITCH = "ROTATION_PIPELINE_DISABLED";
/** Rotation is switched off by an operator (seed 000): every entry point refuses and creates nothing. */
class RotationDisabledError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProdgateError */ .fc {
    name = "RotationDisabledError";
    constructor() {
        super(`rotation is disabled: ${KILL_SWITCH}=1 is set, so nothing was generated, written or revoked and no job was created (unset ${KILL_SWITCH} to rotate)`);
    }
}
function killSwitchOn(env) {
    const v = env[KILL_SWITCH]?.trim().toLowerCase();
    return !!v && v !== "0" && v !== "false" && v !== "no";
}
function assertRotationEnabled(env) {
    if (killSwitchOn(env))
        throw new RotationDisabledError();
}
function cell(text) {
    return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}
const ICONS = {
    pending: "⏳ pending",
    running: "🔄 running",
    completed: "✅ completed",
    failed: "❌ failed",
    scheduled: "🕒 scheduled",
};
function renderRotationOutcome(o) {
    const head = o.status === "rotated"
        ? `✅ \`${cell(o.secret)}\` rotated (job \`${o.jobId}\`, ${o.trigger})`
        : o.status === "busy"
            ? `🔄 \`${cell(o.secret)}\` is being rotated by another run${o.jobId ? ` (job \`${o.jobId}\`)` : ""}`
            : `❌ rotation of \`${cell(o.secret)}\` failed${o.jobId ? ` (job \`${o.jobId}\`)` : ""}`;
    const lines = [`## Secret rotation`, "", head, ""];
    if (o.steps.length) {
        lines.push("| Step | Status | Detail |", "|---|---|---|");
        for (const s of o.steps)
            lines.push(`| ${s.name} | ${ICONS[s.status]} | ${cell(s.detail ?? (s.due_at ? `due ${s.due_at}` : "")) || "—"} |`);
        lines.push("");
    }
    const consumers = Object.entries(o.consumers);
    if (consumers.length) {
        lines.push("| Consumer | Holds |", "|---|---|");
        for (const [id, holds] of consumers)
            lines.push(`| \`${cell(id)}\` | ${holds} credential |`);
        lines.push("");
    }
    if (o.revokeAt)
        lines.push(`The old credential is revoked at ${o.revokeAt} by the rotation sweep.`, "");
    if (o.revokedNow)
        lines.push("The old credential was revoked at once.", "");
    if (o.error)
        lines.push(`**Error:** ${cell(o.error)}`, "");
    for (const n of o.notes)
        lines.push(`- ${cell(n)}`);
    return `${lines.join("\n").trimEnd()}\n`;
}
/** Which consumer holds which credential, in words (a failure that could not put things back lists it). */
function describeHolds(holds) {
    return Object.entries(holds)
        .map(([id, h]) => `${id} holds the ${h === "unknown" ? "old (not written)" : h} credential`)
        .join("; ");
}
function slackEscape(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
function rotationSlack(o, runUrl) {
    const tail = runUrl ? ` <${runUrl}|run>` : "";
    if (o.status === "rotated")
        return `:arrows_counterclockwise: *${slackEscape(o.secret)}* rotated (job ${o.jobId}, ${o.trigger})${o.revokeAt ? `; old credential revoked at ${o.revokeAt}` : o.revokedNow ? "; old credential revoked" : ""}${tail}`;
    return `:rotating_light: rotation of *${slackEscape(o.secret)}* failed (job ${o.jobId ?? "none"}): ${slackEscape(o.error ?? "unknown error")}${tail}`;
}
function revokeWarningSlack(secret, jobId, revokeAt) {
    return `:hourglass_flowing_sand: the old credential of *${slackEscape(secret)}* (job ${jobId}) is revoked at ${revokeAt.toISOString()}: anything still using it stops working then`;
}
function revokedSlack(secret, jobId) {
    return `:wastebasket: the old credential of *${slackEscape(secret)}* (job ${jobId}) was revoked`;
}
/** A webhook's body: names, ids and times only. */
function webhookBody(o) {
    return JSON.stringify({
        event: o.event,
        secret_name: o.secret,
        job_id: o.jobId,
        revoke_at: o.revokeAt ?? null,
        compromised: o.compromised,
        sent_at: o.at.toISOString(),
    });
}


/***/ }),

/***/ 6162:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F2: () => (/* binding */ secretIssueComment),
/* harmony export */   G$: () => (/* binding */ secretIssueMarker),
/* harmony export */   Us: () => (/* binding */ reconcileJob),
/* harmony export */   VU: () => (/* binding */ renderRotationSummary),
/* harmony export */   Vx: () => (/* binding */ decideSecretTransitions),
/* harmony export */   W1: () => (/* binding */ evaluateSecret),
/* harmony export */   Y1: () => (/* binding */ formatSecretLine),
/* harmony export */   c_: () => (/* binding */ secretIssueTitle),
/* harmony export */   df: () => (/* binding */ rotationDue),
/* harmony export */   gs: () => (/* binding */ ACTIVE_JOB_STATUSES),
/* harmony export */   iQ: () => (/* binding */ HOUR_MS),
/* harmony export */   ip: () => (/* binding */ countStatuses),
/* harmony export */   l3: () => (/* binding */ decideDispatch),
/* harmony export */   l7: () => (/* binding */ rotatedByFromJobs),
/* harmony export */   sO: () => (/* binding */ DAY_MS),
/* harmony export */   sf: () => (/* binding */ secretIssueBody),
/* harmony export */   x$: () => (/* binding */ renderSecretSlack)
/* harmony export */ });
/* unused harmony exports SECRET_STATUSES, needsAction, statusMarker */
/**
 * Rotation evaluation: what state a secret is in (seed 000 §4.3 SecretMeta), whether its rotation workflow
 * should be dispatched now, and what a running job has become. Pure: metadata, policy and `now` go in, data
 * comes out. No secret value ever passes through here; only names, dates and statuses.
 */
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const SECRET_STATUSES = [
    "healthy",
    "stale",
    "expiring_soon",
    "expired",
    "rotating",
    "unknown",
];
const ACTIVE_JOB_STATUSES = ["queued", "running"];
/**
 * SecretMeta from (metadata, policy, now). In order: a queued/running job → rotating; no date at all →
 * unknown; expiry at or before now (or the vendor says disabled/expired) → expired; expiry within
 * rotate-before → expiring_soon; whole days since rotation over the cadence → stale; else healthy.
 */
function evaluateSecret(subject, metadata, now, opts = {}) {
    const { policy } = subject;
    const nowMs = now.getTime();
    const last = metadata.lastRotatedAt;
    let expires = metadata.expiresAt;
    let basis = expires ? "known" : null;
    if (!expires && last && policy.ttlMs !== undefined) {
        expires = new Date(last.getTime() + policy.ttlMs);
        basis = "ttl";
    }
    const daysSince = last ? Math.max(0, Math.floor((nowMs - last.getTime()) / DAY_MS)) : null;
    const untilMs = expires ? expires.getTime() - nowMs : null;
    const overCadence = daysSince !== null && daysSince > policy.cadenceDays;
    const notes = [...(metadata.notes ?? [])];
    let status;
    if (opts.activeJob)
        status = "rotating";
    else if (metadata.vendorState === "disabled" || metadata.vendorState === "expired") {
        status = "expired";
        notes.push(`the vendor reports the credential ${metadata.vendorState}`);
    }
    else if (metadata.error || (!last && !expires))
        status = "unknown";
    else if (untilMs !== null && untilMs <= 0)
        status = "expired";
    else if (untilMs !== null && untilMs <= policy.rotateBeforeMs)
        status = "expiring_soon";
    else if (overCadence)
        status = "stale";
    else
        status = "healthy";
    return {
        name: subject.name,
        vendor: subject.vendor,
        source: subject.source,
        affected_sites: [...subject.affectedSites],
        last_rotated_at: last ? last.toISOString() : null,
        rotated_by: opts.rotatedBy ?? null,
        expires_at: expires ? expires.toISOString() : null,
        expires_at_basis: basis,
        suggested_cadence_days: policy.cadenceDays,
        status,
        days_since_rotation: daysSince,
        days_until_expiry: untilMs === null ? null : Math.floor(untilMs / DAY_MS),
        rotate_before_days: round2(policy.rotateBeforeMs / DAY_MS),
        over_cadence: overCadence,
        job: opts.activeJob
            ? {
                id: opts.activeJob.id,
                status: opts.activeJob.status,
                triggered_at: opts.activeJob.triggeredAt.toISOString(),
            }
            : null,
        notes,
        error: metadata.error ?? null,
    };
}
/** Inside the rotate-before window or past expiry: rotation is due. */
function rotationDue(status) {
    return status === "expiring_soon" || status === "expired";
}
/** Statuses someone (or something) has to act on: these get an issue. */
function needsAction(status) {
    return status === "stale" || status === "expiring_soon" || status === "expired";
}
/**
 * Whether to dispatch the rotation workflow of a secret now. `history` is the secret's jobs, any order.
 * Failures count from the later of the last completed job and the last rotation; with `retry` a failed
 * rotation is dispatched again after retry-backoff × 2^(failures-1), up to max-attempts; with `alert` a
 * failure is only reported.
 */
function decideDispatch(meta, policy, history, now) {
    if (!policy.rotationWorkflow)
        return { kind: "skip", reason: "no rotation-workflow in its policy" };
    const active = history.find((j) => ACTIVE_JOB_STATUSES.includes(j.status));
    if (active)
        return { kind: "skip", reason: `rotation job ${active.id} is ${active.status}` };
    if (!rotationDue(meta.status))
        return { kind: "skip", reason: `status is ${meta.status}` };
    const lastRotated = meta.last_rotated_at ? Date.parse(meta.last_rotated_at) : Number.NEGATIVE_INFINITY;
    const lastCompleted = Math.max(Number.NEGATIVE_INFINITY, ...history.filter((j) => j.status === "completed").map((j) => j.triggeredAt.getTime()));
    const since = Math.max(lastRotated, lastCompleted);
    const failures = history
        .filter((j) => j.status === "failed" && j.triggeredAt.getTime() > since)
        .sort((a, b) => b.triggeredAt.getTime() - a.triggeredAt.getTime());
    const latest = failures[0];
    if (!latest)
        return { kind: "dispatch", attempt: 1 };
    if (policy.failureStrategy === "alert") {
        return { kind: "give-up", reason: `rotation job ${latest.id} failed and failure-strategy is alert` };
    }
    if (failures.length >= policy.maxAttempts) {
        return {
            kind: "give-up",
            reason: `rotation failed ${failures.length} time(s), max-attempts is ${policy.maxAttempts}`,
        };
    }
    const failedAt = (latest.completedAt ?? latest.triggeredAt).getTime();
    const until = failedAt + policy.retryBackoffMs * 2 ** (failures.length - 1);
    if (now.getTime() < until)
        return { kind: "wait", until: new Date(until), attempt: failures.length + 1 };
    return { kind: "dispatch", attempt: failures.length + 1 };
}
/**
 * What an active job has become: completed once the secret shows a rotation after the job was triggered or
 * its workflow run succeeded; failed when the run concluded otherwise or nothing happened within
 * `timeoutMs`; running while its run is in progress. Undefined when nothing changed.
 */
function reconcileJob(job, facts, now, timeoutMs) {
    if (!ACTIVE_JOB_STATUSES.includes(job.status))
        return undefined;
    if (facts.lastRotatedAt && facts.lastRotatedAt.getTime() > job.triggeredAt.getTime())
        return { status: "completed" };
    const run = facts.run;
    if (run?.status === "completed") {
        if (run.conclusion === "success")
            return { status: "completed" };
        return {
            status: "failed",
            errorMsg: `rotation workflow run concluded ${run.conclusion ?? "without result"}`,
        };
    }
    if (now.getTime() - job.triggeredAt.getTime() > timeoutMs) {
        return {
            status: "failed",
            errorMsg: `no rotation seen within ${round2(timeoutMs / HOUR_MS)}h of the dispatch`,
        };
    }
    if (run?.status === "in_progress" && job.status === "queued")
        return { status: "running" };
    return undefined;
}
/** Who rotated a secret last, as far as the job table knows: the trigger of the last completed job. */
function rotatedByFromJobs(lastRotatedAt, history) {
    if (!lastRotatedAt)
        return undefined;
    const completed = history
        .filter((j) => j.status === "completed" && j.triggeredAt.getTime() <= lastRotatedAt.getTime())
        .sort((a, b) => b.triggeredAt.getTime() - a.triggeredAt.getTime())[0];
    return completed ? "automated" : undefined;
}
function countStatuses(secrets) {
    const counts = Object.fromEntries(SECRET_STATUSES.map((s) => [s, 0]));
    for (const s of secrets)
        counts[s.status]++;
    return counts;
}
const MARKERS = {
    healthy: "🟢 healthy",
    stale: "🟠 stale",
    expiring_soon: "🟡 expiring soon",
    expired: "🔴 expired",
    rotating: "🔄 rotating",
    unknown: "⚪ unknown",
};
function statusMarker(status) {
    return MARKERS[status];
}
function cell(text) {
    return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}
function day(iso) {
    return iso ? iso.slice(0, 10) : "—";
}
/** The job summary: one row per secret, then what was dispatched and what could not be read. */
function renderRotationSummary(report) {
    const c = report.counts;
    const lines = [
        "## Secret rotation sweep",
        "",
        `${report.secrets.length} secret(s) at ${report.fetched_at}: ${SECRET_STATUSES.filter((s) => c[s] > 0)
            .map((s) => `${c[s]} ${s.replace("_", " ")}`)
            .join(", ")}`,
        "",
        "| Vendor | Secret | Status | Last rotated | Days since rotation | Expires at | Cadence | Affected sites |",
        "|---|---|---|---|---|---|---|---|",
    ];
    for (const s of report.secrets) {
        const days = s.days_since_rotation === null
            ? "—"
            : s.over_cadence
                ? `**${s.days_since_rotation}** 🔺`
                : `${s.days_since_rotation}`;
        const expires = s.expires_at
            ? `${day(s.expires_at)}${s.expires_at_basis === "ttl" ? " (ttl)" : ""}`
            : "never / unknown";
        lines.push(`| ${cell(s.vendor)} | \`${cell(s.name)}\` | ${statusMarker(s.status)} | ${day(s.last_rotated_at)} | ${days} | ${expires} | ${s.suggested_cadence_days}d | ${cell(s.affected_sites.join(", ")) || "—"} |`);
    }
    if (report.dispatches.length > 0) {
        lines.push("", "### Rotation dispatches", "", "| Secret | Outcome | Job | Detail |", "|---|---|---|---|");
        for (const d of report.dispatches) {
            const job = d.job_id ? `\`${d.job_id}\`${d.attempt ? ` (attempt ${d.attempt})` : ""}` : "—";
            const detail = d.run_url ? `[run](${d.run_url})${d.detail ? ` ${d.detail}` : ""}` : (d.detail ?? "");
            lines.push(`| \`${cell(d.secret)}\` | ${d.outcome} | ${job} | ${cell(detail) || "—"} |`);
        }
    }
    const problems = report.secrets.filter((s) => s.error || s.notes.length > 0);
    if (problems.length > 0) {
        lines.push("", "### Notes", "");
        for (const s of problems) {
            for (const text of [...(s.error ? [s.error] : []), ...s.notes])
                lines.push(`- \`${cell(s.name)}\`: ${cell(text)}`);
        }
    }
    return `${lines.join("\n")}\n`;
}
/** The one line the log shows per secret. */
function formatSecretLine(s) {
    const parts = [`${s.name} (${s.vendor}): ${s.status}`];
    if (s.days_since_rotation !== null)
        parts.push(`rotated ${s.days_since_rotation}d ago${s.over_cadence ? ` (cadence ${s.suggested_cadence_days}d)` : ""}`);
    if (s.expires_at)
        parts.push(`expires ${s.expires_at}`);
    if (s.error)
        parts.push(s.error);
    return parts.join(", ");
}
function round2(n) {
    return Math.round(n * 100) / 100;
}
/**
 * What changed since the previous sweep. `unknown` holds the last status seen (missing metadata is not a
 * change); a secret seen for the first time counts as a change unless it is healthy. An issue opens for a
 * secret that needs action and has none; it gets a comment on each further change and closes once healthy.
 */
function decideSecretTransitions(metas, previous, now) {
    const out = { changes: [], open: [], update: [], close: [], next: [] };
    for (const meta of metas) {
        const prev = previous.get(meta.name);
        const to = meta.status === "unknown" && prev ? prev.status : meta.status;
        const from = prev?.status ?? null;
        const changed = from === null ? to !== "healthy" : from !== to;
        if (changed)
            out.changes.push({ name: meta.name, from, to, meta });
        let issue = prev?.issue ?? null;
        if (issue === null && needsAction(to))
            out.open.push(meta);
        else if (issue !== null && to === "healthy") {
            out.close.push({ meta, issue, since: prev?.since ?? now.toISOString() });
            issue = null;
        }
        else if (issue !== null && changed)
            out.update.push({ meta, issue, from });
        out.next.push({
            name: meta.name,
            status: to,
            since: changed || !prev ? now.toISOString() : prev.since,
            issue,
        });
    }
    return out;
}
/** The hidden marker that ties an issue to its secret. */
function secretIssueMarker(name) {
    return `<!-- prodgate:secret name=${name.replace(/[^A-Za-z0-9_]/g, "_")} -->`;
}
const STATUS_WORDS = {
    healthy: "healthy",
    stale: "overdue for rotation",
    expiring_soon: "expiring soon",
    expired: "expired",
    rotating: "rotating",
    unknown: "of unknown state",
};
function secretIssueTitle(meta) {
    return `Secret ${meta.name} (${meta.vendor}) is ${STATUS_WORDS[meta.status]}`;
}
function facts(meta) {
    const lines = [
        `- Status: ${statusMarker(meta.status)}`,
        `- Last rotated: ${meta.last_rotated_at ?? "unknown"}${meta.days_since_rotation !== null ? ` (${meta.days_since_rotation} days ago; cadence ${meta.suggested_cadence_days} days)` : ""}`,
        `- Expires: ${meta.expires_at ? `${meta.expires_at}${meta.expires_at_basis === "ttl" ? " (from its ttl)" : ""}` : "no expiry known"}`,
        `- Affects: ${meta.affected_sites.length ? meta.affected_sites.map(cell).join(", ") : "no surface listed"}`,
    ];
    if (meta.job)
        lines.push(`- Rotation job: \`${meta.job.id}\` (${meta.job.status})`);
    for (const n of [...(meta.error ? [meta.error] : []), ...meta.notes])
        lines.push(`- Note: ${cell(n)}`);
    return lines;
}
function secretIssueBody(meta, now, runUrl) {
    return [
        secretIssueMarker(meta.name),
        `\`${cell(meta.name)}\` (${cell(meta.vendor)}, source ${meta.source}) is **${STATUS_WORDS[meta.status]}** as of ${now.toISOString()}.`,
        "",
        ...facts(meta),
        "",
        runUrl ? `Found by [this rotation sweep](${runUrl}).` : "",
        "prodgate comments here when its status changes and closes this issue once it is healthy again.",
    ].join("\n");
}
function secretIssueComment(meta, from, now, runUrl) {
    const head = meta.status === "healthy"
        ? `✅ \`${cell(meta.name)}\` is healthy again at ${now.toISOString()}.`
        : `\`${cell(meta.name)}\` is now **${STATUS_WORDS[meta.status]}**${from ? ` (was ${STATUS_WORDS[from]})` : ""} at ${now.toISOString()}.`;
    return [head, "", ...facts(meta), runUrl ? `\n([rotation sweep](${runUrl}))` : ""].join("\n").trimEnd();
}
function slackEscape(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
const SLACK_MARKERS = {
    healthy: ":large_green_circle:",
    stale: ":large_orange_circle:",
    expiring_soon: ":large_yellow_circle:",
    expired: ":red_circle:",
    rotating: ":arrows_counterclockwise:",
    unknown: ":white_circle:",
};
/** One Slack line per change; undefined when nothing changed. */
function renderSecretSlack(changes, runUrl) {
    if (changes.length === 0)
        return undefined;
    const lines = changes.map((c) => {
        const m = c.meta;
        const detail = c.to === "healthy"
            ? ""
            : `: ${m.expires_at ? `expires ${m.expires_at.slice(0, 10)}` : m.days_since_rotation !== null ? `rotated ${m.days_since_rotation}d ago` : "no metadata"}${m.affected_sites.length ? `; affects ${m.affected_sites.join(", ")}` : ""}`;
        return `${SLACK_MARKERS[c.to]} *${slackEscape(m.name)}* (${slackEscape(m.vendor)}) ${c.from ?? "new"} → *${c.to}*${slackEscape(detail)}`;
    });
    if (runUrl)
        lines.push(`<${runUrl}|rotation sweep run>`);
    return lines.join("\n");
}


/***/ }),

/***/ 1:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  nV: () => (/* binding */ parseInstant),
  au: () => (/* binding */ parseInventory)
});

// UNUSED EXPORTS: CLOUDFLARE_CADENCE_DAYS, InventoryError, POLICY_DEFAULTS, SOURCES, parsePolicyDuration

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./.build/js/core/duration.js
var duration = __webpack_require__(8760);
// EXTERNAL MODULE: ./.build/js/core/yaml-fields.js
var yaml_fields = __webpack_require__(8665);
;// CONCATENATED MODULE: ./.build/js/core/rotate-spec.js


/**
 * The `rotate:` block of an inventory secret (issue 18): how a new value is made, every place it is written,
 * which surfaces must stay healthy afterwards and who is told. Pure: the inventory parser hands in the node.
 */
const GENERATORS = ["random", "heroku-authorization", "cloudflare-token"];
const CONSUMER_KINDS = ["github-actions", "github-environment", "heroku-config", "infisical"];
const DEFAULT_RANDOM_BYTES = 32;
const ROTATE_KEYS = ["generate", "length", "consumers", "smoke", "notify", "compromised"];
const CONSUMER_KEYS = {
    "github-actions": ["repository", "name"],
    "github-environment": ["repository", "environment", "name"],
    "heroku-config": ["app", "var"],
    infisical: ["project", "environment", "path", "key"],
};
/** The source a vendor generator needs: it reads the current credential's id and settings there. */
const GENERATOR_SOURCE = {
    "heroku-authorization": "heroku-authorization",
    "cloudflare-token": "cloudflare-token",
};
function parseRotateBlock(node, path, secret, report) {
    if (!(0,dist/* isMap */.jh)(node)) {
        report(node, path, `must be a mapping (${ROTATE_KEYS.join(", ")})`);
        return undefined;
    }
    (0,yaml_fields/* checkKeys */.L)(node, ROTATE_KEYS, path, report);
    const raw = (0,yaml_fields/* str */.gx)(node, "generate", path, report, true);
    let generate;
    if (raw !== undefined) {
        if (GENERATORS.includes(raw))
            generate = raw;
        else
            report(node.get("generate", true), `${path}.generate`, `must be one of ${GENERATORS.join(", ")}; got '${raw}'${(0,yaml_fields/* suggest */.ZA)(raw, GENERATORS)}`);
    }
    const needs = generate ? GENERATOR_SOURCE[generate] : undefined;
    if (needs && secret.source !== undefined && secret.source !== needs)
        report(node.get("generate", true), `${path}.generate`, `${generate} needs the secret's source to be ${needs} (it reads the current credential there); source is ${secret.source}`);
    const length = (0,yaml_fields/* int */.Wh)(node, "length", path, report, 16, 512);
    if (length !== undefined && generate && generate !== "random")
        report((0,yaml_fields/* keyNode */.qe)(node, "length"), `${path}.length`, `applies to generate: random only (not ${generate})`);
    const consumers = parseConsumers(node, path, secret.name, report);
    const smoke = node.has("smoke") ? idList(node, "smoke", path, report) : [...secret.affectedSites];
    const notify = node.has("notify") ? urlList(node, "notify", path, report) : [];
    const compromised = (0,yaml_fields/* bool */.lc)(node, "compromised", path, report) ?? false;
    if (!generate || !consumers)
        return undefined;
    return { generate, length: length ?? DEFAULT_RANDOM_BYTES, consumers, smoke, notify, compromised };
}
function parseConsumers(map, path, secretName, report) {
    const node = map.get("consumers", true);
    const where = `${path}.consumers`;
    if (!(0,dist/* isSeq */.oP)(node) || node.items.length === 0) {
        report(node ?? map, where, "is required: a list of places the new value is written (at least one)");
        return undefined;
    }
    const out = [];
    const seen = new Set();
    node.items.forEach((item, i) => {
        const at = `${where}[${i}]`;
        if (!(0,dist/* isMap */.jh)(item) || item.items.length !== 1) {
            report(item, at, `must be one of ${CONSUMER_KINDS.join(", ")} with its settings, e.g. github-actions: { repository: acme/api }`);
            return;
        }
        const pair = item.items[0];
        const kindRaw = (0,dist/* isScalar */.jn)(pair.key) ? String(pair.key.value) : "";
        if (!CONSUMER_KINDS.includes(kindRaw)) {
            report(pair.key, at, `'${kindRaw}' is not a consumer: use one of ${CONSUMER_KINDS.join(", ")}${(0,yaml_fields/* suggest */.ZA)(kindRaw, CONSUMER_KINDS)}`);
            return;
        }
        const kind = kindRaw;
        const settings = pair.value;
        const inner = `${at}.${kind}`;
        if (!(0,dist/* isMap */.jh)(settings)) {
            report(settings ?? pair.key, inner, `must be a mapping (${CONSUMER_KEYS[kind].join(", ")})`);
            return;
        }
        (0,yaml_fields/* checkKeys */.L)(settings, CONSUMER_KEYS[kind], inner, report);
        const consumer = parseConsumer(kind, settings, inner, secretName, report);
        if (!consumer)
            return;
        if (seen.has(consumer.id))
            report(item, at, `duplicates consumer ${consumer.id}`);
        seen.add(consumer.id);
        out.push(consumer);
    });
    return out;
}
const REPO = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
const SECRET_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,199}$/;
/** GitHub refuses secret names starting with GITHUB_. */
const GITHUB_RESERVED = /^GITHUB_/i;
function parseConsumer(kind, m, at, secretName, report) {
    const field = (key, required, pattern, what) => {
        const v = (0,yaml_fields/* str */.gx)(m, key, at, report, required);
        if (v !== undefined && pattern && !pattern.test(v)) {
            report(m.get(key, true), `${at}.${key}`, `must be ${what}; got '${v}'`);
            return undefined;
        }
        return v;
    };
    switch (kind) {
        case "github-actions":
        case "github-environment": {
            const repository = field("repository", true, REPO, "owner/name");
            const environment = kind === "github-environment" ? field("environment", true) : undefined;
            const name = field("name", false, SECRET_NAME, "a secret name (letters, digits, _)") ?? secretName;
            if (GITHUB_RESERVED.test(name))
                report(m, `${at}.name`, `GitHub refuses secret names starting with GITHUB_ (${name}): set name:`);
            if (!repository || (kind === "github-environment" && !environment))
                return undefined;
            return kind === "github-actions"
                ? { kind, id: `github-actions:${repository}:${name}`, repository, name }
                : {
                    kind,
                    id: `github-environment:${repository}:${environment}:${name}`,
                    repository,
                    environment: environment,
                    name,
                };
        }
        case "heroku-config": {
            const app = field("app", true, /^[a-z][a-z0-9-]{1,29}$/, "a Heroku app name");
            const v = field("var", false, /^[A-Za-z_][A-Za-z0-9_]*$/, "a config var name") ?? secretName;
            if (!app)
                return undefined;
            return { kind, id: `heroku-config:${app}:${v}`, app, var: v };
        }
        case "infisical": {
            const project = field("project", true);
            const environment = field("environment", false) ?? "prod";
            const path = field("path", false, /^\//, "a folder path starting with /") ?? "/";
            const key = field("key", false, SECRET_NAME, "a secret key") ?? secretName;
            if (!project)
                return undefined;
            return {
                kind,
                id: `infisical:${project}:${environment}:${path}:${key}`,
                project,
                environment,
                path,
                key,
            };
        }
    }
}
function idList(map, key, path, report) {
    const node = map.get(key, true);
    if (!(0,dist/* isSeq */.oP)(node)) {
        report(node, `${path}.${key}`, "must be a list of surface ids");
        return [];
    }
    const out = [];
    for (const item of node.items) {
        if ((0,dist/* isScalar */.jn)(item) && typeof item.value === "string" && item.value.trim())
            out.push(item.value.trim());
        else
            report(item, `${path}.${key}`, "must be a list of surface ids");
    }
    return out;
}
function urlList(map, key, path, report) {
    const node = map.get(key, true);
    if (!(0,dist/* isSeq */.oP)(node)) {
        report(node, `${path}.${key}`, "must be a list of webhook URLs");
        return [];
    }
    const out = [];
    for (const item of node.items) {
        const text = (0,dist/* isScalar */.jn)(item) && typeof item.value === "string" ? item.value.trim() : "";
        const problem = webhookUrlProblem(text);
        if (problem)
            report(item, `${path}.${key}`, problem);
        else
            out.push(text);
    }
    return out;
}
/** Webhooks go over https; plain http only to this machine (a local receiver). */
function webhookUrlProblem(text) {
    let url;
    try {
        url = new URL(text);
    }
    catch {
        return `must be a webhook URL (https://...); got '${text.slice(0, 80)}'`;
    }
    if (url.username || url.password)
        return "must not carry credentials in the URL (the body is signed instead)";
    const loopback = ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
    if (url.protocol === "https:" || (url.protocol === "http:" && loopback))
        return undefined;
    return `must be an https:// URL (http only to localhost); got '${url.protocol}//${url.host}'`;
}

// EXTERNAL MODULE: ./.build/js/core/rotation.js
var rotation = __webpack_require__(6162);
;// CONCATENATED MODULE: ./.build/js/core/secret-inventory.js





/**
 * The secret inventory (examples/secrets.yml): a top-level `secrets:` list and an optional `policies:` map of
 * per-vendor policy defaults, kebab-case field names. A secret's policy is the built-in defaults, then its
 * vendor's `policies:` entry, then its own `policy:` block. Parsing is pure (the caller reads the file); every
 * problem names the file, line, column and field. The inventory holds names and dates, never values.
 */
const SOURCES = [
    "static",
    "github-actions",
    "github-environment",
    "infisical",
    "cloudflare-token",
    "heroku-authorization",
];
/** An inventory that does not validate. The message lists every problem as `file:line:col: field: problem`. */
class InventoryError extends yaml_fields/* YamlFileError */.gM {
    name = "InventoryError";
    constructor(file, problems) {
        super("inventory", "Inventory", file, problems);
    }
}
const POLICY_DEFAULTS = {
    rotateBeforeMs: 14 * rotation/* DAY_MS */.sO,
    cadenceDays: 90,
    revokeOld: true,
    maxOverlapMs: 24 * rotation/* HOUR_MS */.iQ,
    failureStrategy: "retry",
    retryBackoffMs: rotation/* HOUR_MS */.iQ,
    maxAttempts: 3,
};
/** Cloudflare tokens get a 30-day cadence (seed 000 §4.3: the May 2026 expiry incident). */
const CLOUDFLARE_CADENCE_DAYS = 30;
const TOP_KEYS = ["secrets", "policies"];
const SECRET_KEYS = [
    "name",
    "vendor",
    "affected-sites",
    "source",
    "policy",
    "key",
    "last-rotated-at",
    "expires-at",
    "repository",
    "environment",
    "project",
    "path",
    "authorization",
    "account-id",
    "description",
    "rotate",
];
const POLICY_KEYS = [
    "ttl",
    "rotate-before",
    "cadence-days",
    "revoke-old",
    "max-overlap",
    "failure-strategy",
    "rotation-workflow",
    "retry-backoff",
    "max-attempts",
];
/** Fields that only mean something for some sources. */
const SOURCE_FIELDS = {
    repository: ["github-actions", "github-environment"],
    environment: ["github-environment", "infisical"],
    project: ["infisical"],
    path: ["infisical"],
    authorization: ["heroku-authorization"],
    "account-id": ["cloudflare-token"],
    key: ["github-actions", "github-environment", "infisical"],
};
function parseInventory(text, file) {
    const { doc, problems, report, at } = (0,yaml_fields/* parseYamlFields */.wi)(text);
    if (problems.length)
        throw new InventoryError(file, problems);
    const root = doc.contents;
    if (!(0,dist/* isMap */.jh)(root)) {
        report(root, "(top level)", "must be a mapping with a `secrets:` list");
        throw new InventoryError(file, problems);
    }
    (0,yaml_fields/* checkKeys */.L)(root, TOP_KEYS, "", report);
    const vendorPolicies = new Map();
    const policiesNode = root.get("policies", true);
    if (policiesNode !== undefined) {
        if (!(0,dist/* isMap */.jh)(policiesNode))
            report(policiesNode, "policies", "must map vendor names to policies");
        else {
            for (const pair of policiesNode.items) {
                const vendor = (0,dist/* isScalar */.jn)(pair.key) ? String(pair.key.value) : "";
                if (!/^[a-z][a-z0-9_-]{0,39}$/.test(vendor)) {
                    report(pair.key, `policies.${vendor || "?"}`, "must be a vendor name (lowercase letters, digits, -)");
                    continue;
                }
                const patch = parsePolicy(pair.value, `policies.${vendor}`, report);
                if (patch)
                    vendorPolicies.set(vendor, patch);
            }
        }
    }
    const list = root.get("secrets", true);
    if (!(0,dist/* isSeq */.oP)(list)) {
        report(list ?? root, "secrets", list ? "must be a list of secrets" : "is required (a list of secrets)");
        throw new InventoryError(file, problems);
    }
    if (list.items.length === 0)
        report(list, "secrets", "is empty: list at least one secret");
    const secrets = [];
    const seen = new Map();
    list.items.forEach((item, i) => {
        const path = `secrets[${i}]`;
        if (!(0,dist/* isMap */.jh)(item)) {
            report(item, path, "must be a mapping (name, vendor, source, ...)");
            return;
        }
        const before = problems.length;
        const secret = parseSecret(item, path, vendorPolicies, report, at(item).line);
        if (!secret || problems.length > before)
            return;
        const first = seen.get(secret.name);
        if (first !== undefined)
            report(item.get("name", true), `${path}.name`, `duplicates '${secret.name}' (first on line ${first})`);
        else
            seen.set(secret.name, secret.line);
        secrets.push(secret);
    });
    if (problems.length)
        throw new InventoryError(file, problems);
    return { file, secrets };
}
function parseSecret(map, path, vendorPolicies, report, line) {
    (0,yaml_fields/* checkKeys */.L)(map, SECRET_KEYS, path, report);
    const name = (0,yaml_fields/* str */.gx)(map, "name", path, report, true);
    if (name !== undefined && !/^[A-Za-z_][A-Za-z0-9_]{0,199}$/.test(name))
        report(map.get("name", true), `${path}.name`, `must be a secret name (letters, digits, _); got '${name}'`);
    const where = name ? `${path} (${name})` : path;
    const vendor = (0,yaml_fields/* str */.gx)(map, "vendor", where, report, true);
    if (vendor !== undefined && !/^[a-z][a-z0-9_-]{0,39}$/.test(vendor))
        report(map.get("vendor", true), `${where}.vendor`, `must be a lowercase vendor name; got '${vendor}'`);
    const sourceRaw = (0,yaml_fields/* str */.gx)(map, "source", where, report, true);
    let source;
    if (sourceRaw !== undefined) {
        if (SOURCES.includes(sourceRaw))
            source = sourceRaw;
        else
            report(map.get("source", true), `${where}.source`, `must be one of ${SOURCES.join(", ")}; got '${sourceRaw}'${(0,yaml_fields/* suggest */.ZA)(sourceRaw, SOURCES)}`);
    }
    const affectedSites = strList(map, "affected-sites", where, report);
    const key = (0,yaml_fields/* str */.gx)(map, "key", where, report);
    const lastRotatedAt = instant(map, "last-rotated-at", where, report);
    const expiresAt = instant(map, "expires-at", where, report);
    const repository = (0,yaml_fields/* str */.gx)(map, "repository", where, report);
    if (repository !== undefined && !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository))
        report(map.get("repository", true), `${where}.repository`, `must be owner/name; got '${repository}'`);
    const environment = (0,yaml_fields/* str */.gx)(map, "environment", where, report);
    const project = (0,yaml_fields/* str */.gx)(map, "project", where, report);
    const secretPath = (0,yaml_fields/* str */.gx)(map, "path", where, report);
    if (secretPath !== undefined && !secretPath.startsWith("/"))
        report(map.get("path", true), `${where}.path`, `must be a folder path starting with /; got '${secretPath}'`);
    const authorization = (0,yaml_fields/* str */.gx)(map, "authorization", where, report);
    const accountId = (0,yaml_fields/* str */.gx)(map, "account-id", where, report);
    if (accountId !== undefined && !/^[0-9a-f]{32}$/.test(accountId))
        report(map.get("account-id", true), `${where}.account-id`, `must be a Cloudflare account ID (32 hex digits); got '${accountId}'`);
    const rotate = map.has("rotate")
        ? parseRotateBlock(map.get("rotate", true), `${where}.rotate`, { name: name ?? "", source: source ?? sourceRaw, affectedSites }, report)
        : undefined;
    const own = map.has("policy")
        ? parsePolicy(map.get("policy", true), `${where}.policy`, report)
        : {};
    if (source) {
        for (const [field, sources] of Object.entries(SOURCE_FIELDS)) {
            if (map.has(field) && !sources.includes(source))
                report((0,yaml_fields/* keyNode */.qe)(map, field), `${where}.${field}`, `does not apply to source ${source} (only ${sources.join(", ")})`);
        }
        if (source === "github-environment" && environment === undefined && !map.has("environment"))
            report(map, `${where}.environment`, "is required for source github-environment (the GitHub environment name)");
        if (source === "infisical" && project === undefined && !map.has("project"))
            report(map, `${where}.project`, "is required for source infisical (the Infisical project ID)");
    }
    if (!name || !vendor || !source || !own)
        return undefined;
    const cadenceDefault = vendor === "cloudflare" || source === "cloudflare-token"
        ? CLOUDFLARE_CADENCE_DAYS
        : POLICY_DEFAULTS.cadenceDays;
    const policy = {
        ...POLICY_DEFAULTS,
        cadenceDays: cadenceDefault,
        ...vendorPolicies.get(vendor),
        ...own,
    };
    if (policy.maxOverlapMs > policy.rotateBeforeMs &&
        policy.rotateBeforeMs > 0 &&
        own.maxOverlapMs !== undefined)
        report(map.get("policy", true), `${where}.policy.max-overlap`, "is longer than rotate-before: the old credential would outlive its own expiry window");
    return {
        name,
        vendor,
        affectedSites,
        source,
        policy,
        key: key ?? name,
        ...(lastRotatedAt ? { lastRotatedAt } : {}),
        ...(expiresAt ? { expiresAt } : {}),
        ...(repository ? { repository } : {}),
        ...(environment ? { environment } : source === "infisical" ? { environment: "prod" } : {}),
        ...(project ? { project } : {}),
        ...(source === "infisical" ? { path: secretPath ?? "/" } : {}),
        ...(source === "heroku-authorization" ? { authorization: authorization ?? name } : {}),
        ...(accountId ? { accountId } : {}),
        ...(rotate ? { rotate } : {}),
        line,
    };
}
/** A policy block; undefined when it is not a mapping. Unknown or malformed fields are reported. */
function parsePolicy(node, path, report) {
    if (!(0,dist/* isMap */.jh)(node)) {
        report(node, path, `must be a mapping (${POLICY_KEYS.join(", ")})`);
        return undefined;
    }
    (0,yaml_fields/* checkKeys */.L)(node, POLICY_KEYS, path, report);
    const patch = {};
    const ttl = secret_inventory_duration(node, "ttl", path, report);
    if (ttl !== undefined)
        patch.ttlMs = ttl;
    const rotateBefore = secret_inventory_duration(node, "rotate-before", path, report);
    if (rotateBefore !== undefined)
        patch.rotateBeforeMs = rotateBefore;
    const cadence = (0,yaml_fields/* int */.Wh)(node, "cadence-days", path, report, 1, 3650);
    if (cadence !== undefined)
        patch.cadenceDays = cadence;
    const revokeOld = (0,yaml_fields/* bool */.lc)(node, "revoke-old", path, report);
    if (revokeOld !== undefined)
        patch.revokeOld = revokeOld;
    const overlap = secret_inventory_duration(node, "max-overlap", path, report);
    if (overlap !== undefined)
        patch.maxOverlapMs = overlap;
    const strategy = (0,yaml_fields/* str */.gx)(node, "failure-strategy", path, report);
    if (strategy !== undefined) {
        if (strategy === "retry" || strategy === "alert")
            patch.failureStrategy = strategy;
        else
            report(node.get("failure-strategy", true), `${path}.failure-strategy`, `must be retry or alert; got '${strategy}'`);
    }
    const workflow = (0,yaml_fields/* str */.gx)(node, "rotation-workflow", path, report);
    if (workflow !== undefined) {
        const file = workflow.replace(/^\.github\/workflows\//, "");
        if (/^[A-Za-z0-9._-]+\.ya?ml$/.test(file))
            patch.rotationWorkflow = file;
        else
            report(node.get("rotation-workflow", true), `${path}.rotation-workflow`, `must be a workflow file name like rotate-heroku.yml; got '${workflow}'`);
    }
    const backoff = secret_inventory_duration(node, "retry-backoff", path, report);
    if (backoff !== undefined)
        patch.retryBackoffMs = backoff;
    const attempts = (0,yaml_fields/* int */.Wh)(node, "max-attempts", path, report, 1, 20);
    if (attempts !== undefined)
        patch.maxAttempts = attempts;
    if (ttl !== undefined && rotateBefore !== undefined && rotateBefore >= ttl)
        report(node.get("rotate-before", true), `${path}.rotate-before`, "must be shorter than ttl");
    return patch;
}
/**
 * An instant from ISO 8601: a date (`2026-05-01`, midnight UTC) or a date-time with a zone (`Z`, `+02:00`).
 * A date-time without a zone is refused: it would mean a different instant on every runner.
 */
function parseInstant(text) {
    const t = text.trim();
    const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
    if (dateOnly) {
        const [y, m, d] = [Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3])];
        const date = new Date(Date.UTC(y, m - 1, d));
        if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
            return { ok: false, problem: `is not a calendar date: '${t}'` };
        return { ok: true, date };
    }
    const full = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|z|[+-]\d{2}:?\d{2})?$/.exec(t);
    if (!full)
        return {
            ok: false,
            problem: `must be an ISO 8601 date or date-time (2026-05-01, 2026-05-01T12:00:00Z); got '${t}'`,
        };
    if (!full[8])
        return { ok: false, problem: `has no time zone: add Z (UTC) or an offset like +02:00; got '${t}'` };
    const zone = full[8].toUpperCase() === "Z" ? "Z" : full[8].replace(/^([+-]\d{2}):?(\d{2})$/, "$1:$2");
    const [y, mo, d, h, mi] = [1, 2, 3, 4, 5].map((i) => Number(full[i]));
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || Number(full[6] ?? 0) > 59)
        return { ok: false, problem: `is not a valid date-time: '${t}'` };
    const ms = Date.parse(`${full[1]}-${full[2]}-${full[3]}T${full[4]}:${full[5]}:${full[6] ?? "00"}${(full[7] ?? "").slice(0, 4)}${zone}`);
    const probe = new Date(Date.UTC(y, mo - 1, d));
    if (Number.isNaN(ms) || probe.getUTCDate() !== d)
        return { ok: false, problem: `is not a valid date-time: '${t}'` };
    return { ok: true, date: new Date(ms) };
}
/**
 * A policy duration in the one duration grammar (core/duration.ts), where a bare number is days: `14d`, `36h`,
 * `90m`, `2w`, `30`. Months and years are refused (they have no fixed length). Undefined when it is not one.
 */
function parsePolicyDuration(text) {
    try {
        return (0,duration/* durationMs */.pc)("policy", (0,duration/* parseDurationSpec */.JJ)("policy", text, { bare: "d", expected: "a duration" }), text);
    }
    catch {
        return undefined;
    }
}
function strList(map, key, path, report) {
    const node = map.get(key, true);
    if (node === undefined)
        return [];
    const items = (0,dist/* isSeq */.oP)(node) ? node.items : [node];
    const out = [];
    for (const item of items) {
        if ((0,dist/* isScalar */.jn)(item) &&
            (typeof item.value === "string" || typeof item.value === "number") &&
            String(item.value).trim())
            out.push(String(item.value).trim());
        else
            report(item, `${path}.${key}`, "must be a list of surface ids");
    }
    return out;
}
function instant(map, key, path, report) {
    const text = (0,yaml_fields/* scalarText */.ws)(map, key, path, report);
    if (text === undefined)
        return undefined;
    const r = parseInstant(text);
    if (r.ok)
        return r.date;
    report(map.get(key, true), `${path}.${key}`, r.problem);
    return undefined;
}
function secret_inventory_duration(map, key, path, report) {
    const text = (0,yaml_fields/* scalarText */.ws)(map, key, path, report);
    if (text === undefined)
        return undefined;
    const ms = parsePolicyDuration(text);
    if (ms === undefined) {
        report(map.get(key, true), `${path}.${key}`, `must be a duration like 14d, 36h or 90m (a bare number is days); got '${text}'`);
        return undefined;
    }
    return ms;
}


/***/ }),

/***/ 8709:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jh: () => (/* binding */ githubIncidentPort),
/* harmony export */   j_: () => (/* binding */ issueOpener),
/* harmony export */   lA: () => (/* binding */ slackNotifyPort),
/* harmony export */   sf: () => (/* binding */ postChanges)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1723);
/* harmony import */ var _vendors_slack_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(368);


/**
 * Opens issues under `label`, one per marker: an open issue whose body carries the marker (left by a sweep
 * that died before it saved its memory) is adopted, not duplicated. The open issues are listed once, on the
 * first call.
 */
function issueOpener(port, label) {
    let open;
    return async (marker, title, body) => {
        open ??= await port.listOpen(label);
        const existing = open.find((i) => (i.body ?? "").includes(marker));
        if (existing)
            return { issue: existing, adopted: true };
        return { issue: await port.create(title, body, label), adopted: false };
    };
}
/** Tells Slack about the changes when there is something to say; a failure becomes a note, never an error. */
async function postChanges(notify, text, changes, notes) {
    if (!text || !notify)
        return;
    try {
        await notify.post(text);
    }
    catch (err) {
        notes.push(`Slack was not told about ${changes} change(s): ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(err)}`);
    }
}
/** Issues in one repository. */
function githubIncidentPort(client) {
    return {
        listOpen: async (label) => client.listIssues({ labels: [label], state: "open" }),
        create: (title, body, label) => client.createIssue({ title, body, labels: [label] }),
        comment: async (issue, body) => {
            await client.createIssueComment(issue, body);
        },
        close: async (issue) => {
            await client.updateIssue(issue, { state: "closed", state_reason: "completed" });
        },
    };
}
/** Slack through a bot token and channel, or an incoming webhook. */
function slackNotifyPort(target, reporter) {
    const client = new _vendors_slack_js__WEBPACK_IMPORTED_MODULE_1__/* .SlackClient */ .QT({
        token: target.token,
        baseUrl: target.baseUrl,
        retries: 2,
        maxRetryAfterMs: 5_000,
        onRetry: ({ attempt, waitMs, reason, method }) => reporter.info(`Slack ${method}: ${reason}; retry ${attempt} in ${Math.round(waitMs)}ms`),
    });
    return {
        post: async (text) => {
            const message = {
                text: text.slice(0, 3000),
                blocks: [{ type: "section", text: { type: "mrkdwn", text: text.slice(0, 3000) } }],
            };
            if (target.token && target.channel)
                await client.postMessage(target.channel, message);
            else if (target.webhookUrl)
                await client.postWebhook(target.webhookUrl, message);
        },
    };
}


/***/ }),

/***/ 2635:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ readInventory)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1723);
/* harmony import */ var _core_inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1621);
/* harmony import */ var _core_secret_inventory_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1);




/**
 * Reads and validates the secret inventory file (the rotation sweep, rotate-secret and their CLI commands);
 * every problem names the file, line and field.
 */
function readInventory(path) {
    const file = (0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .requireValue */ .vd)("inventory", path);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file))
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz("inventory", `names a file that does not exist: ${file}`);
    return (0,_core_secret_inventory_js__WEBPACK_IMPORTED_MODULE_3__/* .parseInventory */ .au)((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, "utf8"), file);
}


/***/ }),

/***/ 2499:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ RotationJobStore)
/* harmony export */ });
/* unused harmony export newJobId */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var _core_audit_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(113);
/* harmony import */ var _core_rotation_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6162);
/* harmony import */ var _poll_log_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6742);
/* harmony import */ var _table_store_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5766);





const COLUMNS = "id, secret_name, triggered_by, triggered_at, status, steps_json, completed_at, error_msg, revoke_at";
function fromRaw(r) {
    return {
        id: r.id,
        secretName: r.secret_name,
        triggeredBy: r.triggered_by,
        triggeredAt: r.triggered_at,
        status: r.status,
        steps: r.steps_json,
        completedAt: r.completed_at,
        errorMsg: r.error_msg,
        revokeAt: r.revoke_at,
    };
}
/** `rot_` + 12 hex characters (seed 000 §4.5: 'rot_<uuid_short>'). */
function newJobId() {
    return `rot_${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString("hex")}`;
}
/**
 * console_rotation_jobs. `create` is the only way a job comes to be, and a partial unique index lets at most
 * one queued or running job exist per secret: of two sweeps racing, one creates the job and the other gets
 * undefined. Step details pass through the audit redaction (keys naming secrets are dropped) before storage.
 */
class RotationJobStore extends _table_store_js__WEBPACK_IMPORTED_MODULE_4__/* .TableStore */ .s {
    /** The secrets' memory table, named after the jobs table as the migration names it. */
    stateTable;
    constructor(parts) {
        super(parts);
        this.stateTable = `"${parts.table.split(".").pop()}_secret_state"`;
    }
    static async open(databaseUrl, opts = {}) {
        return new RotationJobStore(await (0,_table_store_js__WEBPACK_IMPORTED_MODULE_4__/* .openTable */ .R)(databaseUrl, opts, "rotation", "rotation-table", "cannot migrate the rotation jobs table"));
    }
    /**
     * Creates a queued job, or returns undefined when the secret already has a queued or running one (created
     * by this sweep or a concurrent one).
     */
    async create(job) {
        return this.insert(job, "queued");
    }
    /**
     * Moves a queued or running job on. Completed and failed jobs are final: updating one changes nothing and
     * returns undefined. `steps` are merged into the stored ones.
     */
    async update(id, change) {
        const final = !_core_rotation_js__WEBPACK_IMPORTED_MODULE_2__/* .ACTIVE_JOB_STATUSES */ .gs.includes(change.status);
        const steps = change.steps ? JSON.stringify((0,_core_audit_js__WEBPACK_IMPORTED_MODULE_1__/* .redactContext */ .ZD)(change.steps, [])) : null;
        return this.attempt("cannot update the rotation job", async () => {
            const res = await this.pool.query(`UPDATE ${this.quoted}
              SET status = $2,
                  error_msg = COALESCE($3, error_msg),
                  steps_json = CASE WHEN $4::jsonb IS NULL THEN steps_json
                                    ELSE COALESCE(steps_json, '{}'::jsonb) || $4::jsonb END,
                  completed_at = CASE WHEN $5 THEN $6::timestamptz ELSE completed_at END
            WHERE id = $1 AND status IN ('queued', 'running')
            RETURNING ${COLUMNS}`, [id, change.status, change.errorMsg?.slice(0, 1000) ?? null, steps, final, change.at]);
            return res.rows[0] ? fromRaw(res.rows[0]) : undefined;
        }, this.retry);
    }
    /**
     * Creates a running job of the rotation executor, or returns undefined when the secret already has a queued
     * or running job (the unique index decides between two runs racing).
     */
    async createRunning(job) {
        return this.insert(job, "running");
    }
    insert(job, status) {
        const id = newJobId();
        const steps = job.steps ? JSON.stringify((0,_core_audit_js__WEBPACK_IMPORTED_MODULE_1__/* .redactContext */ .ZD)(job.steps, [])) : null;
        return this.attempt("cannot create the rotation job", async () => {
            const res = await this.pool.query(`INSERT INTO ${this.quoted} (id, secret_name, triggered_by, triggered_at, status, steps_json)
           VALUES ($1, $2, $3, $4, $5, $6::jsonb)
           ON CONFLICT (secret_name) WHERE status IN ('queued', 'running') DO NOTHING
           RETURNING ${COLUMNS}`, [id, job.secretName, job.triggeredBy, job.triggeredAt, status, steps]);
            return res.rows[0] ? fromRaw(res.rows[0]) : undefined;
        }, this.retry);
    }
    /**
     * Writes an executor job's progress: `steps` merged into the stored ones, and optionally its status, error,
     * completion time and revoke time. Unlike `update` it also moves a completed job on (its old credential's
     * revocation happens after the job completed); a failed job stays as it is. Undefined when nothing matched.
     */
    async progress(id, change) {
        const steps = JSON.stringify((0,_core_audit_js__WEBPACK_IMPORTED_MODULE_1__/* .redactContext */ .ZD)(change.steps, []));
        const final = change.status !== undefined && !_core_rotation_js__WEBPACK_IMPORTED_MODULE_2__/* .ACTIVE_JOB_STATUSES */ .gs.includes(change.status);
        return this.attempt("cannot record the rotation job's progress", async () => {
            const res = await this.pool.query(`UPDATE ${this.quoted}
              SET status = COALESCE($2, status),
                  error_msg = COALESCE($3, error_msg),
                  steps_json = COALESCE(steps_json, '{}'::jsonb) || $4::jsonb,
                  completed_at = CASE WHEN $5 AND completed_at IS NULL THEN $6::timestamptz ELSE completed_at END,
                  revoke_at = CASE WHEN $7 THEN $8::timestamptz ELSE revoke_at END
            WHERE id = $1 AND status <> 'failed'
            RETURNING ${COLUMNS}`, [
                id,
                change.status ?? null,
                change.errorMsg?.slice(0, 1000) ?? null,
                steps,
                final,
                change.at ?? new Date(),
                change.revokeAt !== undefined,
                change.revokeAt ?? null,
            ]);
            return res.rows[0] ? fromRaw(res.rows[0]) : undefined;
        }, this.retry);
    }
    /** Completed jobs whose old credential is still to be revoked (revoke_at set), soonest first. */
    async pendingRevokes() {
        return this.select(`WHERE revoke_at IS NOT NULL AND status = 'completed' ORDER BY revoke_at`, [], "cannot read the rotation jobs");
    }
    /** The database URL, for the per-secret lock of the rotation executor (a connection of its own). */
    get connectionUrl() {
        return this.databaseUrl;
    }
    async get(id) {
        return this.select(`WHERE id = $1`, [id], "cannot read the rotation job").then((rows) => rows[0]);
    }
    /** A secret's jobs, newest first. */
    async history(secretName, limit = 20) {
        return this.select(`WHERE secret_name = $1 ORDER BY triggered_at DESC, id DESC LIMIT $2`, [secretName, Math.max(1, Math.min(limit, 1000))], "cannot read the rotation jobs");
    }
    /** Every queued or running job. */
    async active() {
        return this.select(`WHERE status IN ('queued', 'running') ORDER BY triggered_at`, [], "cannot read the rotation jobs");
    }
    async select(where, params, doing) {
        const res = await this.attempt(doing, () => this.pool.query(`SELECT ${COLUMNS} FROM ${this.quoted} ${where}`, params), this.retry);
        return res.rows.map(fromRaw);
    }
    /**
     * Runs `fn` in a transaction holding the sweeps' advisory lock (the status sweep's), so that of two
     * concurrent sweeps the second sees the memory the first saved and never opens a second issue.
     */
    async withMemory(fn) {
        return this.attempt("cannot use the secrets' memory", () => (0,_poll_log_js__WEBPACK_IMPORTED_MODULE_3__/* .withSweepLock */ .uI)(this.pool, (client) => fn({
            load: (names) => this.loadMemory(client, names),
            save: (rows) => this.saveMemory(client, rows),
        })));
    }
    async loadMemory(db, names) {
        const res = await db.query(`SELECT secret_name, status, since, issue_number FROM ${this.stateTable} WHERE secret_name = ANY($1)`, [names]);
        return new Map(res.rows.map((r) => [
            r.secret_name,
            {
                name: r.secret_name,
                status: r.status,
                since: r.since.toISOString(),
                issue: r.issue_number,
            },
        ]));
    }
    async saveMemory(db, rows) {
        if (rows.length === 0)
            return;
        await db.query(`INSERT INTO ${this.stateTable} AS s (secret_name, status, since, issue_number, updated_at)
       SELECT x.secret_name, x.status, x.since, x.issue_number, now()
         FROM jsonb_to_recordset($1::jsonb) AS x(secret_name text, status text, since timestamptz, issue_number integer)
       ON CONFLICT (secret_name) DO UPDATE SET status = EXCLUDED.status, since = EXCLUDED.since,
         issue_number = EXCLUDED.issue_number, updated_at = now()`, [
            JSON.stringify(rows.map((r) => ({ secret_name: r.name, status: r.status, since: r.since, issue_number: r.issue }))),
        ]);
    }
}


/***/ }),

/***/ 9602:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   WF: () => (/* binding */ InfisicalClient)
/* harmony export */ });
/* unused harmony exports DEFAULT_INFISICAL_API_URL, EXPIRES_AT_SUFFIX */
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1723);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2770);


const DEFAULT_INFISICAL_API_URL = "https://app.infisical.com";
/** The only secret whose value this client reads: the companion holding another secret's expiry. */
const EXPIRES_AT_SUFFIX = "__EXPIRES_AT";
/**
 * Infisical secret metadata (seed 000 §4.3). Lists secrets with `viewSecretValue=false`, keeps key, createdAt,
 * updatedAt and version, and drops whatever value field an answer may still carry. The one value it reads is a
 * `<NAME>__EXPIRES_AT` companion, and only through `readExpiryCompanion`.
 *
 * It speaks the v4 secrets API (`/api/v4/secrets`, `projectId`). A server without it (an older self-hosted
 * Infisical answers Fastify's "Route ... not found" 404) is spoken to through the deprecated v3 raw-secrets API
 * (`/api/v3/secrets/raw`, `workspaceId`) from then on: the client remembers which one answered.
 */
class InfisicalClient {
    http;
    api;
    /** The first v4 call, while it is not yet known whether the server has v4: concurrent calls wait for it. */
    probe;
    constructor(opts) {
        this.http = new _http_js__WEBPACK_IMPORTED_MODULE_1__/* .HttpClient */ .Qq({
            vendor: "Infisical",
            baseUrl: opts.baseUrl ?? DEFAULT_INFISICAL_API_URL,
            headers: { authorization: `Bearer ${opts.token}`, accept: "application/json" },
            timeoutMs: opts.timeoutMs,
            retries: opts.retries,
            backoffMs: opts.backoffMs,
            clock: opts.clock,
            describe: describeInfisical,
        });
    }
    /** The secrets API this server answered with, once a call has been made. */
    get apiVersion() {
        return this.api;
    }
    async listSecretMetadata(at) {
        const { res, path, query } = await this.get(at, undefined, { viewSecretValue: "false", include_imports: "true", expandSecretReferences: "false" });
        if (res.status === 404)
            throw describeInfisical(res, { method: "GET", path, query });
        const body = res.json;
        if (!body || !Array.isArray(body.secrets))
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .VendorError */ .Hi("Infisical", `Infisical answered without a secrets list for GET ${path}`);
        const out = [];
        const seen = new Set();
        const imported = (body.imports ?? []).flatMap((i) => (Array.isArray(i?.secrets) ? i.secrets : []));
        // Secrets of the folder itself come first and win over imported ones of the same key. Infisical answers
        // imported secrets without their dates.
        for (const raw of [...body.secrets, ...imported]) {
            if (typeof raw?.secretKey !== "string" || seen.has(raw.secretKey))
                continue;
            seen.add(raw.secretKey);
            out.push({
                key: raw.secretKey,
                ...(typeof raw.createdAt === "string" ? { createdAt: raw.createdAt } : {}),
                ...(typeof raw.updatedAt === "string" ? { updatedAt: raw.updatedAt } : {}),
                ...(typeof raw.version === "number" ? { version: raw.version } : {}),
            });
        }
        return out;
    }
    /**
     * The value of `<name>__EXPIRES_AT` (an ISO 8601 date by convention), or undefined when there is no such
     * secret. Refuses any other name: no other value is ever read. A companion that reaches the folder through a
     * secret import is found there too, as the list shows it.
     */
    async readExpiryCompanion(at, name) {
        const companion = name.endsWith(EXPIRES_AT_SUFFIX) ? name : `${name}${EXPIRES_AT_SUFFIX}`;
        const { res } = await this.get(at, companion, {
            viewSecretValue: "true",
            include_imports: "true",
            expandSecretReferences: "false",
        });
        if (res.status === 404)
            return undefined;
        const value = res.json?.secret?.secretValue;
        return typeof value === "string" ? value : undefined;
    }
    /**
     * Writes one secret's value (the rotation executor's infisical consumer): PATCH, or POST when the folder has
     * no such secret yet. v4 unless this server has shown it lacks v4. Nothing of the answer is kept.
     */
    async writeSecretValue(at, name, value) {
        const where = { environment: at.environment, secretPath: at.secretPath ?? "/", secretValue: value };
        const send = async (version, method) => {
            const path = version === "v4"
                ? `/api/v4/secrets/${encodeURIComponent(name)}`
                : `/api/v3/secrets/raw/${encodeURIComponent(name)}`;
            const body = version === "v4" ? { projectId: at.projectId, ...where } : { workspaceId: at.projectId, ...where };
            return this.http.send({ method, path, body, accept: [404], retry: method === "PATCH" });
        };
        let version = this.api ?? "v4";
        let res = await send(version, "PATCH");
        if (version === "v4" && lacksRoute(res)) {
            this.api = "v3";
            version = "v3";
            res = await send(version, "PATCH");
        }
        if (res.status !== 404)
            return "updated";
        if (lacksRoute(res))
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .VendorError */ .Hi("Infisical", `Infisical at ${this.http.baseUrl} has no secrets API to write to (404)`, 404);
        const detail = detailOf(res.json) ?? "";
        if (!/secret/i.test(detail))
            throw describeInfisical(res, { method: "PATCH", path: "/secrets/{name}" });
        const created = await send(version, "POST");
        if (created.status === 404)
            throw describeInfisical(created, { method: "POST", path: "/secrets/{name}" });
        return "created";
    }
    /**
     * GET a secrets list (`name` undefined) or one secret, through v4 unless this server has shown it lacks v4.
     * 404 answers come back to the caller (a route the server lacks is never one of them).
     */
    async get(at, name, extra) {
        const where = { environment: at.environment, secretPath: at.secretPath ?? "/", ...extra };
        if (this.api === undefined && this.probe)
            await this.probe;
        if (this.api !== "v3") {
            const path = name === undefined ? "/api/v4/secrets" : `/api/v4/secrets/${encodeURIComponent(name)}`;
            const query = { projectId: at.projectId, ...where };
            const attempt = this.http.send({ method: "GET", path, query, accept: [404] });
            if (this.api === undefined && !this.probe)
                this.probe = attempt.then((res) => {
                    this.api = lacksRoute(res) ? "v3" : "v4";
                }, () => {
                    this.probe = undefined; // unreachable or refused: the next call tries v4 again
                });
            const res = await attempt;
            if (!lacksRoute(res)) {
                this.api = "v4";
                return { res, path, query };
            }
            this.api = "v3";
        }
        const path = name === undefined ? "/api/v3/secrets/raw" : `/api/v3/secrets/raw/${encodeURIComponent(name)}`;
        const query = { workspaceId: at.projectId, ...where };
        const res = await this.http.send({ method: "GET", path, query, accept: [404] });
        if (lacksRoute(res))
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .VendorError */ .Hi("Infisical", `Infisical at ${this.http.baseUrl} has neither the v4 nor the v3 secrets API (${res.status} for GET ${path}): check INFISICAL_API_URL points at the Infisical server, without /api`, res.status);
        return { res, path, query };
    }
}
/**
 * Whether an answer says the server has no such route (so no v4 API): Fastify's own 404 ("Route GET:... not
 * found", error "Not Found"), a 404 that is not JSON (a proxy's page), or a page that is not JSON at all.
 * Infisical's own 404s (a project, environment or secret it does not have) are JSON with another `error`.
 */
function lacksRoute(res) {
    const body = res.json;
    if (!body || typeof body !== "object")
        return res.status === 404 || res.status < 300;
    if (res.status !== 404)
        return false;
    return (body.error === "Not Found" || (typeof body.message === "string" && /^Route [A-Z]+:/.test(body.message)));
}
function describeInfisical(res, req) {
    const path = req.path.split("?")[0];
    const detail = detailOf(res.json);
    const where = describeLocation(req);
    const code = res.json?.error;
    const tokenProblem = code === "TokenError" || (detail !== undefined && /\btoken\b/i.test(detail));
    let message;
    if (res.status === 401 || ((res.status === 403 || res.status === 404) && tokenProblem))
        message = `Infisical refused the token (${res.status}${detail ? `: ${detail}` : ""}): pass a valid service token or machine identity access token in 'infisical-token'`;
    else if (res.status === 403)
        message = `Infisical token may not read secrets of ${where} (403): give the token read access to that project and environment`;
    else if (res.status === 404)
        message = `Infisical has no ${where} (404): check the secret's project, environment and path`;
    else
        message = `Infisical answered ${res.status} for ${req.method} ${path}${detail ? `: ${detail}` : ""}`;
    return new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .VendorError */ .Hi("Infisical", message, res.status, res.status === 429 || res.status >= 500);
}
/** Infisical's `message`, or for a 422 its validation issues as `param: problem`. */
function detailOf(json) {
    const issues = json?.message;
    if (Array.isArray(issues))
        return issues
            .map((i) => `${(i?.path ?? []).join(".")}: ${String(i?.message ?? "invalid")}`.slice(0, 200))
            .join("; ")
            .slice(0, 300);
    return (0,_http_js__WEBPACK_IMPORTED_MODULE_1__/* .messageOf */ .bD)(json);
}
function describeLocation(req) {
    const q = req.query ?? {};
    return `project ${String(q.projectId ?? q.workspaceId ?? "?")} environment ${String(q.environment ?? "?")} path ${String(q.secretPath ?? "/")}`;
}


/***/ })

};
