export const id = 970;
export const ids = [970,124];
export const modules = {

/***/ 2051:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {


// libsodium-wrappers' ES module build imports a file its package does not ship (0.7.16): it is loaded, and
// bundled, through its CommonJS build from this CommonJS module. Its emscripten start-up reads __dirname,
// which an ES module bundle does not define: it gets the working directory (nothing is read from it).
const g = globalThis;
g.__dirname ??= process.cwd();
const sodium = __webpack_require__(8607);
module.exports = sodium;


/***/ }),

/***/ 3357:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  registerRotate: () => (/* binding */ registerRotate)
});

// EXTERNAL MODULE: ./.build/js/core/errors.js
var errors = __webpack_require__(6265);
;// CONCATENATED MODULE: ./.build/js/core/rotation-executor.js

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
class RotationDisabledError extends errors/* ProdgateError */.fc {
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

// EXTERNAL MODULE: ./.build/js/core/audit.js
var core_audit = __webpack_require__(7391);
// EXTERNAL MODULE: ./.build/js/pipelines/ports.js
var pipelines_ports = __webpack_require__(9458);
;// CONCATENATED MODULE: ./.build/js/pipelines/rotation-executor.js




/** Writes one audit row of a job; `key` makes it once per job whichever run writes it. */
function jobAudit(audit, facts, job, row, secrets) {
    const record = (0,core_audit/* buildAuditRecord */.Ti)({
        action: row.action,
        phase: row.outcome ? "completed" : "started",
        ...(row.outcome ? { outcome: row.outcome } : {}),
        actor: facts.actor,
        target: job.secretName,
        trigger: facts.auditTrigger,
        runUrl: facts.runUrl,
        runId: facts.runId,
        runAttempt: facts.runAttempt,
        context: { secret_name: job.secretName, job_id: job.id, ...row.context },
        secrets,
        createdAt: row.at,
    });
    return audit.write({ ...record, idempotencyKey: `${row.key}:${job.id}` });
}
/** Checks what can be checked before anything is created: the kill switch, the block, the smoke surfaces. */
function checkRotatable(secret, settings, ports) {
    assertRotationEnabled(settings.env);
    if (!secret.rotate)
        throw new errors/* InputError */.dz("secret", `${secret.name} has no rotate: block in the inventory: nothing says how to rotate it`);
    if (secret.rotate.smoke.length > 0 && !ports.smoke)
        throw new errors/* InputError */.dz("registry", `is required: ${secret.name}'s smoke test probes ${secret.rotate.smoke.join(", ")}, surfaces of the registry`);
    if (secret.rotate.notify.length > 0 && !ports.webhooks)
        throw new errors/* InputError */.dz("webhook-secret", `is required: ${secret.name} notifies webhooks, signed with it`);
}
/** Rotates one secret, or resumes its unfinished job. Never throws once a job exists: the outcome says. */
async function runRotation(secret, settings, ports) {
    checkRotatable(secret, settings, ports);
    const reporter = ports.reporter ?? pipelines_ports/* silentReporter */.P;
    if (settings.currentValue)
        reporter.secret(settings.currentValue);
    const lock = await ports.lock.tryLock(secret.name);
    if (!lock) {
        const active = (await ports.jobs.history(secret.name, 5)).find((j) => j.status === "running");
        reporter.warning(`${secret.name} is being rotated by another run${active ? ` (job ${active.id})` : ""}: nothing done`);
        return busy(secret, settings, active);
    }
    try {
        return await new Rotation(secret, settings, ports, reporter).run();
    }
    finally {
        await lock.release();
    }
}
function busy(secret, settings, job) {
    const state = readState(job?.steps);
    return {
        secret: secret.name,
        jobId: job?.id,
        status: "busy",
        revokedNow: false,
        trigger: settings.trigger,
        consumers: state?.consumer_holds ?? {},
        steps: state?.steps ?? [],
        notes: [],
    };
}
class Rotation {
    secret;
    settings;
    ports;
    reporter;
    clock;
    spec;
    gen;
    values = [];
    notes = [];
    job;
    state;
    oldValue;
    newValue;
    constructor(secret, settings, ports, reporter) {
        this.secret = secret;
        this.settings = settings;
        this.ports = ports;
        this.reporter = reporter;
        this.clock = ports.clock ?? pipelines_ports/* systemClock */.m;
        this.spec = secret.rotate;
        this.gen = ports.generator(secret);
        this.oldValue = settings.currentValue || undefined;
        if (this.oldValue)
            this.values.push(this.oldValue);
    }
    now() {
        return this.clock.now();
    }
    get compromised() {
        return this.state.compromised;
    }
    async run() {
        const started = await this.open();
        if (!started.ok)
            return started.outcome;
        try {
            await this.generate();
            await this.writeConsumers();
            const smoke = await this.smokeTest();
            if (smoke)
                return await this.fail(`smoke test failed: ${smoke}`, "smoke_test");
            return await this.rotated();
        }
        catch (err) {
            return await this.fail((0,errors/* describeError */.Uc)(err), this.runningStep());
        }
    }
    runningStep() {
        return this.state.steps.find((s) => s.status === "running")?.name;
    }
    /** Resumes the secret's running job, or creates one and writes secret.rotate.triggered before anything. */
    async open() {
        const now = this.now();
        const history = await this.ports.jobs.history(this.secret.name, 20);
        const active = history.find((j) => j.status === "running" || j.status === "queued");
        const compromised = this.settings.compromised || this.spec.compromised;
        if (active && !readState(active.steps))
            return this.refuse(`rotation job ${active.id} (a dispatched rotation workflow) is ${active.status}`);
        if (active) {
            this.job = active;
            this.state = readState(active.steps);
            this.state.attempt += 1;
            if (compromised && !this.state.compromised) {
                this.state.compromised = true;
                this.state.trigger = "compromise";
            }
            this.reporter.info(`${this.secret.name}: resuming rotation job ${active.id} (attempt ${this.state.attempt})`);
            await this.recoverOrphans(now);
            await this.save();
            return { ok: true };
        }
        if (!compromised) {
            const pending = history.find((j) => j.status === "completed" && j.revokeAt);
            if (pending)
                return this.refuse(`the old credential of rotation job ${pending.id} is revoked at ${pending.revokeAt.toISOString()}: a new rotation before then would leave three live credentials (rotate with compromised: true to revoke both at once)`);
        }
        const state = {
            executor: 1,
            trigger: compromised ? "compromise" : this.settings.trigger,
            compromised,
            generator: this.spec.generate,
            consumers: this.spec.consumers.map((c) => c.id),
            attempt: 1,
            steps: freshSteps(),
            consumer_holds: Object.fromEntries(this.spec.consumers.map((c) => [c.id, "old"])),
        };
        const job = await this.ports.jobs.createRunning({
            secretName: this.secret.name,
            triggeredBy: this.settings.actor,
            triggeredAt: now,
            steps: serializeState(state),
        });
        if (!job)
            return this.refuse("another run created a rotation job for it first");
        this.job = job;
        this.state = state;
        try {
            await this.audit("secret.rotate.triggered", "secret.rotate:started", undefined, {});
        }
        catch (err) {
            const why = `the secret.rotate.triggered audit row could not be written, so nothing was rotated: ${(0,errors/* describeError */.Uc)(err)}`;
            await this.ports.jobs.progress(job.id, { steps: {}, status: "failed", errorMsg: why, at: now });
            return { ok: false, outcome: this.outcome("failed", why) };
        }
        this.reporter.info(`${this.secret.name}: rotation job ${job.id} started (${state.trigger})`);
        return { ok: true };
    }
    refuse(why) {
        this.reporter.error(`${this.secret.name}: not rotated: ${why}`);
        return {
            ok: false,
            outcome: {
                secret: this.secret.name,
                status: "failed",
                revokedNow: false,
                trigger: this.settings.trigger,
                consumers: {},
                steps: [],
                error: why,
                notes: [],
            },
        };
    }
    /**
     * A value made by an earlier attempt died with its process: its credential is revoked before a new one is
     * made, so that never two new credentials live. One whose id was not recorded (the process died inside the
     * vendor call) is found among the credentials made since that attempt's generate step started.
     */
    async recoverOrphans(now) {
        const gen = this.state.steps.find((s) => s.name === "generate");
        const revoked = new Set(this.state.orphans_revoked ?? []);
        const ids = new Set();
        if (this.state.new_credential_id && !this.gen.killsOld)
            ids.add(this.state.new_credential_id);
        if (gen?.status === "running" && gen.started_at) {
            const keep = [this.state.old_credential_id, this.state.new_credential_id].filter((x) => !!x);
            for (const id of await this.gen.orphans(new Date(Date.parse(gen.started_at) - 1000), keep))
                ids.add(id);
        }
        for (const id of ids) {
            if (revoked.has(id))
                continue;
            const result = await this.gen.revoke(id);
            revoked.add(id);
            this.reporter.info(`${this.secret.name}: revoked ${id}, the new credential of an interrupted attempt (${result})`);
            await this.audit("secret.revoked", `secret.revoked:${id}`, "success", {
                credential_id: id,
                reason: "orphan of an interrupted attempt: its value was lost",
            });
        }
        this.state.orphans_revoked = [...revoked];
        delete this.state.new_credential_id;
        for (const name of ["generate", "store", "sync_consumers", "smoke_test"]) {
            const s = this.state.steps.find((x) => x.name === name);
            if (s && s.status !== "pending")
                setStep(this.state, name, "pending", now, `reset by attempt ${this.state.attempt}`);
        }
    }
    async save(change = {}) {
        const moved = await this.ports.jobs.progress(this.job.id, {
            steps: serializeState(this.state),
            at: this.now(),
            ...change,
        });
        if (moved)
            this.job = moved;
    }
    async generate() {
        setStep(this.state, "generate", "running", this.now());
        if (this.state.old_credential_id === undefined) {
            const id = await this.gen.currentId(this.oldValue);
            if (id)
                this.state.old_credential_id = id;
        }
        await this.save();
        const created = await this.gen.create(this.state.old_credential_id);
        this.reporter.secret(created.value);
        this.newValue = created.value;
        this.values.push(created.value);
        if (created.id)
            this.state.new_credential_id = created.id;
        if (this.gen.killsOld)
            this.oldValue = undefined;
        setStep(this.state, "generate", "completed", this.now(), created.id ? `new credential ${created.id}` : "new value");
        await this.save();
    }
    async writeConsumers() {
        const vault = this.spec.consumers.filter((c) => c.kind === "infisical");
        const rest = this.spec.consumers.filter((c) => c.kind !== "infisical");
        for (const [name, list] of [
            ["store", vault],
            ["sync_consumers", rest],
        ]) {
            setStep(this.state, name, "running", this.now());
            await this.save();
            for (const c of list)
                await this.writeOne(c);
            setStep(this.state, name, "completed", this.now(), list.length
                ? `${list.length} written: ${list.map((c) => c.id).join(", ")}`
                : "no consumer of this kind");
            await this.save();
        }
    }
    async writeOne(c) {
        const port = this.ports.consumer(c, this.secret);
        // The old value, from a consumer that can hand it back and still holds it (no attempt wrote it yet).
        if (this.oldValue === undefined && port.read && this.state.consumer_holds[c.id] === "old") {
            try {
                const old = await port.read();
                if (old) {
                    this.reporter.secret(old);
                    this.oldValue = old;
                    this.values.push(old);
                }
            }
            catch (err) {
                this.notes.push(`could not read the old value from ${c.id}: ${(0,errors/* describeError */.Uc)(err)}`);
            }
        }
        this.state.consumer_holds[c.id] = "unknown";
        await this.save();
        await port.write(this.newValue);
        this.state.consumer_holds[c.id] = "new";
        this.reporter.info(`${this.secret.name}: wrote the new value to ${c.id}`);
        await this.save();
    }
    /** undefined when it passed; otherwise what failed. */
    async smokeTest() {
        setStep(this.state, "smoke_test", "running", this.now());
        await this.save();
        const problems = [];
        try {
            await this.gen.verify(this.newValue);
        }
        catch (err) {
            problems.push(`the new credential does not verify at its vendor: ${(0,errors/* describeError */.Uc)(err)}`);
        }
        for (const id of this.spec.smoke) {
            const r = await this.ports
                .smoke.check(id)
                .catch((err) => ({ healthy: false, detail: (0,errors/* describeError */.Uc)(err) }));
            this.reporter.info(`${this.secret.name}: smoke ${id}: ${r.healthy ? "healthy" : "unhealthy"} (${r.detail})`);
            if (!r.healthy)
                problems.push(`${id} is unhealthy: ${r.detail}`);
        }
        if (problems.length)
            return problems.join("; ");
        setStep(this.state, "smoke_test", "completed", this.now(), `${this.spec.smoke.length ? `${this.spec.smoke.join(", ")} healthy` : "no surface to probe"}; new credential verified`);
        await this.save();
        return undefined;
    }
    async rotated() {
        const now = this.now();
        this.state.rotated_at = now.toISOString();
        const plan = this.gen.killsOld
            ? {
                kind: "none",
                reason: "rolled: the old value stopped working when the new one was issued",
            }
            : planRevoke(this.spec.generate, {
                compromised: this.compromised,
                maxOverlapMs: this.secret.policy.maxOverlapMs,
                revokeOld: this.secret.policy.revokeOld,
                hasOldId: !!this.state.old_credential_id,
            }, now);
        let revokeAt = null;
        if (plan.kind === "scheduled") {
            revokeAt = plan.at;
            const s = setStep(this.state, "revoke_old", "scheduled", now, `at the end of the grace period`);
            s.due_at = plan.at.toISOString();
        }
        else if (plan.kind === "none")
            setStep(this.state, "revoke_old", "completed", now, `nothing revoked: ${plan.reason}`);
        await this.save({ status: "completed", revokeAt });
        await this.audit("secret.rotate.completed", "secret.rotate:completed", "success", {
            rotated_at: this.state.rotated_at,
            revoke_at: revokeAt?.toISOString() ?? null,
            revoke: plan.kind,
            ...(plan.kind !== "scheduled" ? { revoke_reason: plan.reason } : {}),
        }).catch((err) => this.notes.push(`the secret.rotate.completed audit row was not written: ${(0,errors/* describeError */.Uc)(err)}`));
        let revokedNow = false;
        if (plan.kind === "now") {
            revokedNow = await revokeOld(this.job, this.state, plan.reason, this.settings, this.ports, this.gen, this.reporter, this.notes);
            if (this.compromised)
                await this.revokeEarlierPending();
        }
        const outcome = this.outcome("rotated", undefined, revokeAt ?? undefined, revokedNow);
        await this.tell(outcome, "secret.rotated");
        return outcome;
    }
    /** On compromise, old credentials of earlier rotations still in their grace period go too. */
    async revokeEarlierPending() {
        for (const job of await this.ports.jobs.pendingRevokes()) {
            if (job.secretName !== this.secret.name || job.id === this.job.id)
                continue;
            const state = readState(job.steps);
            if (state)
                await revokeOld(job, state, "compromised: an earlier grace period ended early", this.settings, this.ports, this.gen, this.reporter, this.notes);
        }
    }
    /**
     * Puts every consumer that holds the new value back on the old one when it is known and revokes the new
     * credential; when the old value is not known, revokes nothing and says who holds what.
     */
    async fail(why, at) {
        const now = this.now();
        let error = why;
        try {
            if (at)
                setStep(this.state, at, "failed", now, why);
            const touched = Object.entries(this.state.consumer_holds).filter(([, h]) => h !== "old");
            if (touched.length === 0 || (this.oldValue !== undefined && !this.gen.killsOld)) {
                for (const [id] of touched) {
                    const c = this.spec.consumers.find((x) => x.id === id);
                    try {
                        await this.ports.consumer(c, this.secret).write(this.oldValue);
                        this.state.consumer_holds[id] = "old";
                    }
                    catch (err) {
                        this.notes.push(`could not put ${id} back on the old value: ${(0,errors/* describeError */.Uc)(err)}`);
                    }
                }
                const back = Object.values(this.state.consumer_holds).every((h) => h === "old");
                if (this.state.new_credential_id && back) {
                    const result = await this.gen.revoke(this.state.new_credential_id);
                    this.reporter.info(`${this.secret.name}: revoked the new credential ${this.state.new_credential_id} (${result})`);
                    await this.audit("secret.revoked", `secret.revoked:${this.state.new_credential_id}`, "success", {
                        credential_id: this.state.new_credential_id,
                        reason: "the rotation failed: the new credential was withdrawn",
                    }).catch(() => { });
                    delete this.state.new_credential_id;
                }
                else if (!back)
                    error = `${why}; not every consumer could be put back, so nothing was revoked: ${describeHolds(this.state.consumer_holds)}`;
                if (touched.length && back)
                    error = `${why}; every consumer is back on the old value and the new credential was revoked`;
            }
            else {
                error = `${why}; the old value is not known (pass current-value), so nothing was put back or revoked: ${describeHolds(this.state.consumer_holds)}`;
            }
            setStep(this.state, "revoke_old", "failed", now, "the old credential stays: the rotation failed");
            await this.save({ status: "failed", errorMsg: error });
        }
        catch (err) {
            error = `${error}; then: ${(0,errors/* describeError */.Uc)(err)}`;
            this.notes.push(`the job's failure could not be recorded whole: ${(0,errors/* describeError */.Uc)(err)}`);
        }
        await this.audit("secret.rotate.failed", "secret.rotate:failed", "rotation_failed", { error }).catch((err) => this.notes.push(`the secret.rotate.failed audit row was not written: ${(0,errors/* describeError */.Uc)(err)}`));
        this.reporter.error(`${this.secret.name}: rotation job ${this.job.id} failed: ${error}`);
        const outcome = this.outcome("failed", error);
        await this.tell(outcome, undefined);
        return outcome;
    }
    async tell(outcome, event) {
        if (this.ports.notify)
            await this.ports.notify
                .post(rotationSlack(outcome, this.settings.runUrl))
                .catch((err) => this.notes.push(`Slack was not told: ${(0,errors/* describeError */.Uc)(err)}`));
        if (!event || !this.ports.webhooks)
            return;
        const body = webhookBody({
            event,
            secret: this.secret.name,
            jobId: this.job.id,
            revokeAt: outcome.revokeAt,
            compromised: this.compromised,
            at: this.now(),
        });
        for (const url of this.spec.notify)
            await this.ports.webhooks
                .send(url, body)
                .catch((err) => this.notes.push(`webhook ${new URL(url).host} was not told: ${(0,errors/* describeError */.Uc)(err)}`));
    }
    audit(action, key, outcome, context) {
        return jobAudit(this.ports.audit, this.settings, this.job, {
            action,
            key,
            outcome,
            at: this.now(),
            context: {
                trigger: this.state.trigger,
                compromised: this.state.compromised,
                generator: this.state.generator,
                consumers: this.state.consumers,
                attempt: this.state.attempt,
                ...context,
            },
        }, this.values);
    }
    outcome(status, error, revokeAt, revokedNow = false) {
        return {
            secret: this.secret.name,
            jobId: this.job?.id,
            status,
            revokeAt: revokeAt?.toISOString(),
            revokedNow,
            trigger: this.state?.trigger ?? this.settings.trigger,
            consumers: { ...(this.state?.consumer_holds ?? {}) },
            steps: this.state?.steps.map((s) => ({ ...s })) ?? [],
            ...(error ? { error } : {}),
            notes: this.notes,
        };
    }
}
/**
 * Revokes the old credential of a rotated job and records it (step revoke_old completed, revoke_at cleared,
 * audit secret.revoked). True when it is gone. A failure leaves the job scheduled for the next sweep.
 */
async function revokeOld(job, state, reason, facts, ports, port, reporter, notes) {
    const clock = ports.clock ?? pipelines_ports/* systemClock */.m;
    const id = state.old_credential_id;
    if (!id)
        return false;
    setStep(state, "revoke_old", "running", clock.now());
    await ports.jobs.progress(job.id, { steps: serializeState(state) });
    try {
        const result = await port.revoke(id);
        setStep(state, "revoke_old", "completed", clock.now(), `${id} ${result === "gone" ? "was already gone" : "revoked"}: ${reason}`);
        await ports.jobs.progress(job.id, { steps: serializeState(state), revokeAt: null });
        await jobAudit(ports.audit, facts, job, {
            action: "secret.revoked",
            key: `secret.revoked:${id}`,
            outcome: "success",
            at: clock.now(),
            context: {
                credential_id: id,
                reason,
                trigger: state.trigger,
                compromised: state.compromised,
                consumers: state.consumers,
            },
        }, []).catch((err) => notes.push(`the secret.revoked audit row was not written: ${(0,errors/* describeError */.Uc)(err)}`));
        reporter.info(`${job.secretName}: old credential ${id} of job ${job.id} revoked (${reason})`);
        return true;
    }
    catch (err) {
        const s = setStep(state, "revoke_old", "scheduled", clock.now(), `revoke failed, retried by the next sweep: ${(0,errors/* describeError */.Uc)(err)}`);
        s.due_at = clock.now().toISOString();
        await ports.jobs
            .progress(job.id, { steps: serializeState(state), revokeAt: clock.now() })
            .catch(() => { });
        notes.push(`${job.secretName}: the old credential ${id} was not revoked: ${(0,errors/* describeError */.Uc)(err)}`);
        reporter.warning(`${job.secretName}: the old credential ${id} was not revoked: ${(0,errors/* describeError */.Uc)(err)}`);
        return false;
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./.build/js/core/health-inputs.js
var health_inputs = __webpack_require__(9336);
// EXTERNAL MODULE: ./.build/js/core/inputs.js
var inputs = __webpack_require__(3415);
// EXTERNAL MODULE: ./.build/js/core/registry.js
var core_registry = __webpack_require__(6697);
// EXTERNAL MODULE: ./.build/js/core/secret-inventory.js + 1 modules
var secret_inventory = __webpack_require__(7575);
// EXTERNAL MODULE: ./.build/js/store/audit.js + 3 modules
var store_audit = __webpack_require__(6448);
// EXTERNAL MODULE: ./.build/js/store/rotation-jobs.js
var rotation_jobs = __webpack_require__(2093);
// EXTERNAL MODULE: ./.build/js/store/db.js
var db = __webpack_require__(1996);
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
var cloudflare = __webpack_require__(7579);
// EXTERNAL MODULE: ../main/node_modules/@octokit/core/dist-src/index.js + 12 modules
var dist_src = __webpack_require__(6141);
// EXTERNAL MODULE: ../main/node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(2743);
// EXTERNAL MODULE: ../main/node_modules/@octokit/request-error/dist-src/index.js
var request_error_dist_src = __webpack_require__(5575);
// EXTERNAL MODULE: ./.build/js/vendors/sodium-loader.cjs
var sodium_loader = __webpack_require__(2051);
;// CONCATENATED MODULE: ./.build/js/vendors/sodium.js

let ready;
/** libsodium, initialised once. */
function sodium() {
    ready ??= sodium_loader.ready.then(() => sodium_loader);
    return ready;
}

;// CONCATENATED MODULE: ./.build/js/vendors/github-secrets.js





const RetryingOctokit = dist_src/* Octokit */.E.plugin(dist_bundle/* retry */.L);
class GitHubSecretsWriter {
    octokit;
    constructor(opts) {
        this.octokit = new RetryingOctokit({
            auth: opts.token,
            baseUrl: (opts.baseUrl || "https://api.github.com").replace(/\/+$/, ""),
            userAgent: "prodgate",
            retry: { retries: opts.retries ?? 2 },
            log: { debug() { }, info() { }, warn() { }, error() { } },
        });
    }
    /** The public key secrets of `at` are sealed with: GET .../actions/secrets/public-key or the environment's. */
    async publicKey(at) {
        const { owner, repo } = split(at.repository);
        try {
            const res = at.environment
                ? await this.octokit.request("GET /repos/{owner}/{repo}/environments/{environment_name}/secrets/public-key", { owner, repo, environment_name: at.environment })
                : await this.octokit.request("GET /repos/{owner}/{repo}/actions/secrets/public-key", { owner, repo });
            return { keyId: res.data.key_id, key: res.data.key };
        }
        catch (err) {
            throw describe(err, `read the secrets public key of ${where(at)}`);
        }
    }
    /** Seals `value` with the key of `at` and writes it as secret `name` (created or updated). */
    async put(at, name, value) {
        const { keyId, key } = await this.publicKey(at);
        const encrypted = await seal(value, key);
        const { owner, repo } = split(at.repository);
        try {
            const res = at.environment
                ? await this.octokit.request("PUT /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}", {
                    owner,
                    repo,
                    environment_name: at.environment,
                    secret_name: name,
                    encrypted_value: encrypted,
                    key_id: keyId,
                })
                : await this.octokit.request("PUT /repos/{owner}/{repo}/actions/secrets/{secret_name}", {
                    owner,
                    repo,
                    secret_name: name,
                    encrypted_value: encrypted,
                    key_id: keyId,
                });
            return res.status === 201 ? "created" : "updated";
        }
        catch (err) {
            throw describe(err, `write secret ${name} of ${where(at)}`);
        }
    }
}
/** base64 of crypto_box_seal(value, base64-decoded public key), as GitHub asks. */
async function seal(value, publicKeyBase64) {
    const s = await sodium();
    let key;
    try {
        key = s.from_base64(publicKeyBase64, s.base64_variants.ORIGINAL);
    }
    catch {
        throw new errors/* VendorError */.Hi("GitHub", "GitHub's secrets public key is not base64");
    }
    if (key.length !== s.crypto_box_PUBLICKEYBYTES)
        throw new errors/* VendorError */.Hi("GitHub", `GitHub's secrets public key is ${key.length} bytes, not ${s.crypto_box_PUBLICKEYBYTES}`);
    return s.to_base64(s.crypto_box_seal(s.from_string(value), key), s.base64_variants.ORIGINAL);
}
function split(repository) {
    const [owner, repo] = repository.split("/");
    if (!owner || !repo)
        throw new errors/* VendorError */.Hi("GitHub", `'${repository}' is not owner/name`);
    return { owner, repo };
}
function where(at) {
    return at.environment ? `environment ${at.environment} of ${at.repository}` : at.repository;
}
function describe(err, doing) {
    if (!(err instanceof request_error_dist_src/* RequestError */.G))
        return new errors/* VendorError */.Hi("GitHub", `could not ${doing}: ${err?.message ?? err}`);
    const message = err.response?.data?.message;
    const detail = typeof message === "string" ? `: ${message.slice(0, 200).replace(/\s+/g, " ")}` : "";
    const hint = err.status === 401
        ? " (the token is not valid)"
        : err.status === 403
            ? " (the token may not write secrets: use github-secrets-token with Secrets read and write; the workflow's GITHUB_TOKEN never can)"
            : err.status === 404
                ? " (no such repository or environment, or the token cannot see it)"
                : "";
    return new errors/* VendorError */.Hi("GitHub", `GitHub answered ${err.status} when asked to ${doing}${detail}${hint}`, err.status, err.status >= 500 || err.status === 429);
}

// EXTERNAL MODULE: ./.build/js/vendors/heroku.js
var vendors_heroku = __webpack_require__(8408);
// EXTERNAL MODULE: ./.build/js/vendors/infisical.js
var infisical = __webpack_require__(1220);
// EXTERNAL MODULE: ./.build/js/vendors/http.js
var http = __webpack_require__(9944);
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
var alerts = __webpack_require__(5783);
// EXTERNAL MODULE: ./.build/js/pipelines/health-check.js
var health_check = __webpack_require__(7315);
;// CONCATENATED MODULE: ./.build/js/pipelines/rotation-wiring.js

















const TIMEOUT_MS = 15_000;
/** Reads the inventory; every problem names the file, line and field. */
function readInventoryFile(path) {
    const file = (0,inputs/* requireValue */.vd)("inventory", path);
    if (!(0,external_node_fs_.existsSync)(file))
        throw new errors/* InputError */.dz("inventory", `names a file that does not exist: ${file}`);
    return (0,secret_inventory/* parseInventory */.au)((0,external_node_fs_.readFileSync)(file, "utf8"), file);
}
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
/** Checks before anything opens that every credential the secret's rotation needs was given. */
function checkCredentials(secret, creds, registry) {
    const spec = secret.rotate;
    if (!spec)
        return;
    if (spec.generate === "heroku-authorization" && !creds.herokuApiKey)
        throw new errors/* InputError */.dz("heroku-api-key", `is required to rotate ${secret.name} (it makes a Heroku OAuth authorization)`);
    for (const c of spec.consumers) {
        if ((c.kind === "github-actions" || c.kind === "github-environment") && !creds.githubSecretsToken)
            throw new errors/* InputError */.dz("github-secrets-token", `is required to write ${c.id} (a token that may write Actions secrets; the workflow's GITHUB_TOKEN cannot)`);
        if (c.kind === "heroku-config" && !creds.herokuApiKey)
            throw new errors/* InputError */.dz("heroku-api-key", `is required to write ${c.id}`);
        if (c.kind === "infisical" && !creds.infisicalToken)
            throw new errors/* InputError */.dz("infisical-token", `is required to write ${c.id}`);
    }
    if (spec.smoke.length && registry) {
        const known = new Set(registry.surfaces.map((s) => s.id));
        const missing = spec.smoke.filter((id) => !known.has(id));
        if (missing.length)
            throw new errors/* InputError */.dz("registry", `has no surface ${missing.join(", ")} (${secret.name}'s smoke test)`);
        const noHealth = spec.smoke.filter((id) => !registry.surfaces.find((s) => s.id === id)?.health);
        if (noHealth.length)
            throw new errors/* InputError */.dz("registry", `surface ${noHealth.join(", ")} has no health check to smoke-test with`);
    }
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
            const writer = new GitHubSecretsWriter({
                token: creds.githubSecretsToken,
                baseUrl: env.GITHUB_API_URL,
            });
            const at = {
                repository: c.repository,
                ...(c.kind === "github-environment" ? { environment: c.environment } : {}),
            };
            return {
                write: async (value) => {
                    await writer.put(at, c.name, value);
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

// EXTERNAL MODULE: ./.build/js/cli/context.js
var context = __webpack_require__(2056);
// EXTERNAL MODULE: ./.build/js/cli/prompt.js
var cli_prompt = __webpack_require__(8185);
;// CONCATENATED MODULE: ./.build/js/cli/commands/rotate.js







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
        assertRotationEnabled(ctx.env);
        const databaseUrl = (0,context/* envSecret */.eo)(ctx, "DATABASE_URL", true);
        for (const s of (0,db/* databaseUrlSecrets */.I6)(databaseUrl))
            ctx.reporter.secret(s);
        if (!opts.inventory)
            throw new errors/* InputError */.dz("--inventory", "is required");
        const inventory = readInventoryFile(opts.inventory);
        const secret = findSecret(inventory, name, "NAME");
        const currentValue = (0,context/* envSecret */.eo)(ctx, "ROTATE_CURRENT_VALUE", false) ?? (0,context/* envSecret */.eo)(ctx, secret.name, false);
        const cloudflareTokens = new Map();
        for (const s of inventory.secrets) {
            if (s.source !== "cloudflare-token")
                continue;
            const token = (0,context/* envSecret */.eo)(ctx, s.name, false);
            if (token)
                cloudflareTokens.set(s.name, token);
        }
        const creds = {
            herokuApiKey: (0,context/* envSecret */.eo)(ctx, "HEROKU_API_KEY", false),
            cloudflareApiToken: (0,context/* envSecret */.eo)(ctx, "CLOUDFLARE_API_TOKEN", false),
            cloudflareTokens,
            githubSecretsToken: (0,context/* envSecret */.eo)(ctx, "GITHUB_SECRETS_TOKEN", false) ?? (0,context/* envSecret */.eo)(ctx, "GITHUB_TOKEN", false),
            infisicalToken: (0,context/* envSecret */.eo)(ctx, "INFISICAL_TOKEN", false),
            webhookSecret: (0,context/* envSecret */.eo)(ctx, "ROTATION_WEBHOOK_SECRET", false),
            slackToken: (0,context/* envSecret */.eo)(ctx, "SLACK_BOT_TOKEN", false),
            slackChannel: ctx.env.SLACK_CHANNEL?.trim() || undefined,
            slackWebhookUrl: (0,context/* envSecret */.eo)(ctx, "SLACK_WEBHOOK_URL", false),
        };
        const registry = opts.registry ? readRegistryFile(opts.registry) : undefined;
        checkCredentials(secret, creds, registry);
        const phrase = `rotate ${secret.name}`;
        let typed = opts.confirm;
        if (typed === undefined) {
            const prompter = (0,cli_prompt/* terminalPrompter */.kZ)();
            if (!prompter.interactive)
                throw new context/* ExitError */.RS(`no terminal to confirm on: pass --confirm "${phrase}"`, context/* EXIT */.dc.refused);
            typed = await prompter.ask(`Type "${phrase}" to rotate it${opts.compromised ? " and revoke the old credential at once" : ""}: `);
        }
        if (typed?.trim() !== phrase)
            throw new context/* ExitError */.RS(`confirmation refused: expected "${phrase}"; nothing was rotated`, context/* EXIT */.dc.refused);
        const opened = await openExecutor(creds, {
            databaseUrl,
            migrate: opts.migrate,
            registry,
            env: ctx.env,
            reporter: ctx.reporter,
            currentValue,
        });
        try {
            const outcome = await runRotation(secret, {
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
                ctx.reporter.info(renderRotationOutcome(outcome).trimEnd());
            if (outcome.status === "failed")
                throw new context/* ExitError */.RS(`rotation of ${secret.name} failed: ${outcome.error ?? "see the job"}`, context/* EXIT */.dc.failed);
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
