export const id = 541;
export const ids = [541,155];
export const modules = {

/***/ 2155:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  wz: () => (/* reexport */ revokeOld),
  runRotation: () => (/* binding */ runRotation)
});

// UNUSED EXPORTS: checkRotatable, jobAudit

// EXTERNAL MODULE: ./.build/js/core/errors.js
var errors = __webpack_require__(6265);
// EXTERNAL MODULE: ./.build/js/core/ports.js
var core_ports = __webpack_require__(1244);
// EXTERNAL MODULE: ./.build/js/core/rotation-executor.js
var rotation_executor = __webpack_require__(5732);
// EXTERNAL MODULE: ./.build/js/core/audit.js
var core_audit = __webpack_require__(7391);
;// CONCATENATED MODULE: ./.build/js/pipelines/rotation-ports.js




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
/**
 * Revokes the old credential of a rotated job and records it (step revoke_old completed, revoke_at cleared,
 * audit secret.revoked). True when it is gone. A failure leaves the job scheduled for the next sweep.
 */
async function revokeOld(job, state, reason, facts, ports, port, reporter, notes) {
    const clock = ports.clock ?? core_ports/* systemClock */.m;
    const id = state.old_credential_id;
    if (!id)
        return false;
    (0,rotation_executor/* setStep */.zp)(state, "revoke_old", "running", clock.now());
    await ports.jobs.progress(job.id, { steps: (0,rotation_executor/* serializeState */.sU)(state) });
    try {
        const result = await port.revoke(id);
        (0,rotation_executor/* setStep */.zp)(state, "revoke_old", "completed", clock.now(), `${id} ${result === "gone" ? "was already gone" : "revoked"}: ${reason}`);
        await ports.jobs.progress(job.id, { steps: (0,rotation_executor/* serializeState */.sU)(state), revokeAt: null });
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
        const s = (0,rotation_executor/* setStep */.zp)(state, "revoke_old", "scheduled", clock.now(), `revoke failed, retried by the next sweep: ${(0,errors/* describeError */.Uc)(err)}`);
        s.due_at = clock.now().toISOString();
        await ports.jobs
            .progress(job.id, { steps: (0,rotation_executor/* serializeState */.sU)(state), revokeAt: clock.now() })
            .catch(() => { });
        notes.push(`${job.secretName}: the old credential ${id} was not revoked: ${(0,errors/* describeError */.Uc)(err)}`);
        reporter.warning(`${job.secretName}: the old credential ${id} was not revoked: ${(0,errors/* describeError */.Uc)(err)}`);
        return false;
    }
}

;// CONCATENATED MODULE: ./.build/js/pipelines/rotation-executor.js





/**
 * The rotation executor (issue 18, seed 000's Mode A): one job per rotation in console_rotation_jobs, steps
 * generate -> store -> sync_consumers -> smoke_test -> revoke_old (scheduled at the end of the grace period,
 * or at once on compromise). Values live only in this process's memory and are masked the moment they exist;
 * the job row and audit rows hold names, ids and times. A re-run resumes the same job; a second run at once
 * finds the secret locked and makes no job.
 */
/** Checks what can be checked before anything is created: the kill switch, the block, the smoke surfaces. */
function checkRotatable(secret, settings, ports) {
    (0,rotation_executor/* assertRotationEnabled */.oI)(settings.env);
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
    const reporter = ports.reporter ?? core_ports/* silentReporter */.P;
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
    const state = (0,rotation_executor/* readState */.un)(job?.steps);
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
        this.clock = ports.clock ?? core_ports/* systemClock */.m;
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
        if (active && !(0,rotation_executor/* readState */.un)(active.steps))
            return this.refuse(`rotation job ${active.id} (a dispatched rotation workflow) is ${active.status}`);
        if (active) {
            this.job = active;
            this.state = (0,rotation_executor/* readState */.un)(active.steps);
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
            steps: (0,rotation_executor/* freshSteps */.Mm)(),
            consumer_holds: Object.fromEntries(this.spec.consumers.map((c) => [c.id, "old"])),
        };
        const job = await this.ports.jobs.createRunning({
            secretName: this.secret.name,
            triggeredBy: this.settings.actor,
            triggeredAt: now,
            steps: (0,rotation_executor/* serializeState */.sU)(state),
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
                (0,rotation_executor/* setStep */.zp)(this.state, name, "pending", now, `reset by attempt ${this.state.attempt}`);
        }
    }
    async save(change = {}) {
        const moved = await this.ports.jobs.progress(this.job.id, {
            steps: (0,rotation_executor/* serializeState */.sU)(this.state),
            at: this.now(),
            ...change,
        });
        if (moved)
            this.job = moved;
    }
    async generate() {
        (0,rotation_executor/* setStep */.zp)(this.state, "generate", "running", this.now());
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
        (0,rotation_executor/* setStep */.zp)(this.state, "generate", "completed", this.now(), created.id ? `new credential ${created.id}` : "new value");
        await this.save();
    }
    async writeConsumers() {
        const vault = this.spec.consumers.filter((c) => c.kind === "infisical");
        const rest = this.spec.consumers.filter((c) => c.kind !== "infisical");
        for (const [name, list] of [
            ["store", vault],
            ["sync_consumers", rest],
        ]) {
            (0,rotation_executor/* setStep */.zp)(this.state, name, "running", this.now());
            await this.save();
            for (const c of list)
                await this.writeOne(c);
            (0,rotation_executor/* setStep */.zp)(this.state, name, "completed", this.now(), list.length
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
        (0,rotation_executor/* setStep */.zp)(this.state, "smoke_test", "running", this.now());
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
        (0,rotation_executor/* setStep */.zp)(this.state, "smoke_test", "completed", this.now(), `${this.spec.smoke.length ? `${this.spec.smoke.join(", ")} healthy` : "no surface to probe"}; new credential verified`);
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
            : (0,rotation_executor/* planRevoke */.wh)(this.spec.generate, {
                compromised: this.compromised,
                maxOverlapMs: this.secret.policy.maxOverlapMs,
                revokeOld: this.secret.policy.revokeOld,
                hasOldId: !!this.state.old_credential_id,
            }, now);
        let revokeAt = null;
        if (plan.kind === "scheduled") {
            revokeAt = plan.at;
            const s = (0,rotation_executor/* setStep */.zp)(this.state, "revoke_old", "scheduled", now, `at the end of the grace period`);
            s.due_at = plan.at.toISOString();
        }
        else if (plan.kind === "none")
            (0,rotation_executor/* setStep */.zp)(this.state, "revoke_old", "completed", now, `nothing revoked: ${plan.reason}`);
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
            const state = (0,rotation_executor/* readState */.un)(job.steps);
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
                (0,rotation_executor/* setStep */.zp)(this.state, at, "failed", now, why);
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
                    error = `${why}; not every consumer could be put back, so nothing was revoked: ${(0,rotation_executor/* describeHolds */.gO)(this.state.consumer_holds)}`;
                if (touched.length && back)
                    error = `${why}; every consumer is back on the old value and the new credential was revoked`;
            }
            else {
                error = `${why}; the old value is not known (pass current-value), so nothing was put back or revoked: ${(0,rotation_executor/* describeHolds */.gO)(this.state.consumer_holds)}`;
            }
            (0,rotation_executor/* setStep */.zp)(this.state, "revoke_old", "failed", now, "the old credential stays: the rotation failed");
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
                .post((0,rotation_executor/* rotationSlack */.z7)(outcome, this.settings.runUrl))
                .catch((err) => this.notes.push(`Slack was not told: ${(0,errors/* describeError */.Uc)(err)}`));
        if (!event || !this.ports.webhooks)
            return;
        const body = (0,rotation_executor/* webhookBody */.Cd)({
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


/***/ }),

/***/ 1541:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   revokeDue: () => (/* binding */ revokeDue)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6265);
/* harmony import */ var _core_rotation_executor_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5732);
/* harmony import */ var _rotation_executor_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2155);



async function revokeDue(inventory, facts, ports, clock, reporter, notes) {
    const out = [];
    const now = clock.now();
    for (const job of await ports.jobs.pendingRevokes()) {
        const state = (0,_core_rotation_executor_js__WEBPACK_IMPORTED_MODULE_1__/* .readState */ .un)(job.steps);
        const secret = inventory.secrets.find((s) => s.name === job.secretName);
        if (!state || !job.revokeAt)
            continue;
        const base = { secret: job.secretName, job_id: job.id, revoke_at: job.revokeAt.toISOString() };
        if (!secret?.rotate) {
            notes.push(`${job.secretName}: job ${job.id} has an old credential to revoke, but the inventory no longer rotates it`);
            continue;
        }
        const decision = (0,_core_rotation_executor_js__WEBPACK_IMPORTED_MODULE_1__/* .revokeDecision */ .h_)(job.revokeAt, state, now);
        if (decision === "wait")
            continue;
        if (decision === "warn") {
            state.revoke_warned_at = now.toISOString();
            await ports.jobs.progress(job.id, { steps: (0,_core_rotation_executor_js__WEBPACK_IMPORTED_MODULE_1__/* .serializeState */ .sU)(state) });
            if (ports.notify)
                await ports.notify
                    .post((0,_core_rotation_executor_js__WEBPACK_IMPORTED_MODULE_1__/* .revokeWarningSlack */ .fG)(job.secretName, job.id, job.revokeAt))
                    .catch((err) => notes.push(`Slack was not warned about ${job.secretName}: ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(err)}`));
            reporter.info(`${job.secretName}: the old credential of job ${job.id} is revoked at ${base.revoke_at}`);
            out.push({ ...base, outcome: "warned" });
            continue;
        }
        const lock = await ports.lock.tryLock(job.secretName);
        if (!lock)
            continue; // a rotation of it is running: the next sweep revokes
        try {
            const ok = await (0,_rotation_executor_js__WEBPACK_IMPORTED_MODULE_2__/* .revokeOld */ .wz)(job, state, "the grace period ended", facts, { ...ports, clock }, ports.generator(secret), reporter, notes);
            out.push({ ...base, outcome: ok ? "revoked" : "failed" });
            if (!ok)
                continue;
            if (ports.notify)
                await ports.notify.post((0,_core_rotation_executor_js__WEBPACK_IMPORTED_MODULE_1__/* .revokedSlack */ .$y)(job.secretName, job.id)).catch(() => { });
            if (ports.webhooks)
                for (const url of secret.rotate.notify)
                    await ports.webhooks
                        .send(url, (0,_core_rotation_executor_js__WEBPACK_IMPORTED_MODULE_1__/* .webhookBody */ .Cd)({
                        event: "secret.revoked",
                        secret: job.secretName,
                        jobId: job.id,
                        revokeAt: base.revoke_at,
                        compromised: state.compromised,
                        at: clock.now(),
                    }))
                        .catch((err) => notes.push(`webhook ${new URL(url).host} was not told: ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(err)}`));
        }
        finally {
            await lock.release();
        }
    }
    return out;
}


/***/ })

};
