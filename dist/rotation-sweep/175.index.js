export const id = 175;
export const ids = [175];
export const modules = {

/***/ 175:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkRotatable: () => (/* binding */ checkRotatable),
  w: () => (/* reexport */ revokeOld),
  runRotation: () => (/* binding */ runRotation)
});

// UNUSED EXPORTS: jobAudit

// EXTERNAL MODULE: ./.build/js/core/errors.js
var errors = __webpack_require__(1723);
// EXTERNAL MODULE: ./.build/js/core/ports.js
var core_ports = __webpack_require__(6482);
// EXTERNAL MODULE: ./.build/js/core/rotation-executor.js
var rotation_executor = __webpack_require__(3442);
// EXTERNAL MODULE: ./.build/js/core/audit.js
var core_audit = __webpack_require__(113);
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
    // A revoke_at is kept while it runs: a process that dies here leaves the job to the next sweep's revokes.
    await ports.jobs.progress(job.id, { steps: (0,rotation_executor/* serializeState */.sU)(state), revokeAt: job.revokeAt ?? clock.now() });
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

;// CONCATENATED MODULE: ./.build/js/pipelines/rotation-job.js




/**
 * One run of the rotation executor over one secret: what it holds (the job, its state, the values that exist
 * only in this process's memory) and how it records them (job progress, audit rows, the outcome). The steps
 * (rotation-executor.ts) and the resume of an interrupted job (rotation-resume.ts) both work on it.
 */
class RotationRun {
    secret;
    settings;
    ports;
    reporter;
    clock;
    spec;
    gen;
    /** Every value this run saw: an audit row that would hold one is refused. */
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
    async save(change = {}) {
        const moved = await this.ports.jobs.progress(this.job.id, {
            steps: (0,rotation_executor/* serializeState */.sU)(this.state),
            at: this.now(),
            ...change,
        });
        if (moved)
            this.job = moved;
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
    /**
     * The job's `secret.rotate.completed` row, from what the completed job recorded; the state remembers that it
     * was written, so a run that died between completing the job and writing it has the next run write it (the
     * row's key makes it one per job whichever run writes it). A failure is a note: the next run tries again.
     */
    async auditCompleted() {
        const c = this.state.completion;
        if (!c || c.audited)
            return;
        try {
            await this.audit("secret.rotate.completed", "secret.rotate:completed", "success", {
                rotated_at: this.state.rotated_at,
                revoke_at: c.revoke_at,
                revoke: c.revoke,
                ...(c.revoke_reason ? { revoke_reason: c.revoke_reason } : {}),
            });
            c.audited = true;
            await this.save();
        }
        catch (err) {
            this.notes.push(`the secret.rotate.completed audit row was not written: ${(0,errors/* describeError */.Uc)(err)}`);
        }
    }
    /**
     * Tells Slack the outcome and, for a rotation, every notify webhook (signed); a completed job remembers it
     * was told, so that a run finishing it after a crash tells once.
     */
    async tell(outcome, event) {
        if (this.ports.notify)
            await this.ports.notify
                .post((0,rotation_executor/* rotationSlack */.z7)(outcome, this.settings.runUrl))
                .catch((err) => this.notes.push(`Slack was not told: ${(0,errors/* describeError */.Uc)(err)}`));
        if (event && this.ports.webhooks) {
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
        if (event && this.state.completion && !this.state.completion.told) {
            this.state.completion.told = true;
            await this.save().catch(() => { });
        }
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
    /** A refusal before any job of this run exists. */
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
}

;// CONCATENATED MODULE: ./.build/js/pipelines/rotation-resume.js



/**
 * Where a run of the executor starts (seed 004 §6.8): the secret's unfinished job is resumed (the new
 * credential of an attempt that died with its process is revoked first), a completed job whose run died
 * before its last records is finished, or a new job is created and `secret.rotate.triggered` written before
 * anything else. Undefined: go on with the steps; an outcome: this run is done.
 */
async function openJob(run) {
    const now = run.now();
    const name = run.secret.name;
    const history = await run.ports.jobs.history(name, 20);
    const active = history.find((j) => j.status === "running" || j.status === "queued");
    const compromised = run.settings.compromised || run.spec.compromised;
    if (active && !(0,rotation_executor/* readState */.un)(active.steps))
        return run.refuse(`rotation job ${active.id} (a dispatched rotation workflow) is ${active.status}`)
            .outcome;
    if (active) {
        run.job = active;
        run.state = (0,rotation_executor/* readState */.un)(active.steps);
        run.state.attempt += 1;
        if (compromised && !run.state.compromised) {
            run.state.compromised = true;
            run.state.trigger = "compromise";
        }
        run.reporter.info(`${name}: resuming rotation job ${active.id} (attempt ${run.state.attempt})`);
        await recoverOrphans(run, now);
        await run.save();
        return undefined;
    }
    const latest = history[0];
    const owed = latest ? (0,rotation_executor/* unfinishedWork */.HF)(latest) : undefined;
    if (latest && owed) {
        run.job = latest;
        run.state = (0,rotation_executor/* readState */.un)(latest.steps);
        return finishCompleted(run, owed);
    }
    if (!compromised) {
        const pending = history.find((j) => j.status === "completed" && j.revokeAt);
        if (pending)
            return run.refuse(`the old credential of rotation job ${pending.id} is revoked at ${pending.revokeAt.toISOString()}: a new rotation before then would leave three live credentials (rotate with compromised: true to revoke both at once)`).outcome;
    }
    const state = {
        executor: 1,
        trigger: compromised ? "compromise" : run.settings.trigger,
        compromised,
        generator: run.spec.generate,
        consumers: run.spec.consumers.map((c) => c.id),
        attempt: 1,
        steps: (0,rotation_executor/* freshSteps */.Mm)(),
        consumer_holds: Object.fromEntries(run.spec.consumers.map((c) => [c.id, "old"])),
    };
    const job = await run.ports.jobs.createRunning({
        secretName: name,
        triggeredBy: run.settings.actor,
        triggeredAt: now,
        steps: (0,rotation_executor/* serializeState */.sU)(state),
    });
    if (!job)
        return run.refuse("another run created a rotation job for it first").outcome;
    run.job = job;
    run.state = state;
    try {
        await run.audit("secret.rotate.triggered", "secret.rotate:started", undefined, {});
    }
    catch (err) {
        const why = `the secret.rotate.triggered audit row could not be written, so nothing was rotated: ${(0,errors/* describeError */.Uc)(err)}`;
        await run.ports.jobs.progress(job.id, { steps: {}, status: "failed", errorMsg: why, at: now });
        return run.outcome("failed", why);
    }
    run.reporter.info(`${name}: rotation job ${job.id} started (${state.trigger})`);
    return undefined;
}
/**
 * A value made by an earlier attempt died with its process: its credential is revoked before a new one is
 * made, so that never two new credentials live. One whose id was not recorded (the process died inside the
 * vendor call) is found among the credentials made since that attempt's generate step started.
 */
async function recoverOrphans(run, now) {
    const state = run.state;
    const gen = state.steps.find((s) => s.name === "generate");
    const revoked = new Set(state.orphans_revoked ?? []);
    const ids = new Set();
    if (state.new_credential_id && !run.gen.killsOld)
        ids.add(state.new_credential_id);
    if (gen?.status === "running" && gen.started_at) {
        const keep = [state.old_credential_id, state.new_credential_id].filter((x) => !!x);
        for (const id of await run.gen.orphans(new Date(Date.parse(gen.started_at) - 1000), keep))
            ids.add(id);
    }
    for (const id of ids) {
        if (revoked.has(id))
            continue;
        const result = await run.gen.revoke(id);
        revoked.add(id);
        run.reporter.info(`${run.secret.name}: revoked ${id}, the new credential of an interrupted attempt (${result})`);
        await run.audit("secret.revoked", `secret.revoked:${id}`, "success", {
            credential_id: id,
            reason: "orphan of an interrupted attempt: its value was lost",
        });
    }
    state.orphans_revoked = [...revoked];
    delete state.new_credential_id;
    for (const name of ["generate", "store", "sync_consumers", "smoke_test"]) {
        const s = state.steps.find((x) => x.name === name);
        if (s && s.status !== "pending")
            (0,rotation_executor/* setStep */.zp)(state, name, "pending", now, `reset by attempt ${state.attempt}`);
    }
}
/**
 * The job completed (every consumer holds the new value, the smoke test passed) but its run died before it
 * wrote the secret.rotate.completed row, while it revoked the old credential, or before it told Slack and the
 * webhooks: this run writes the row, finishes the revocation (each at most once, by their keys) and tells,
 * and rotates nothing.
 */
async function finishCompleted(run, owed) {
    const job = run.job;
    run.reporter.info(`${run.secret.name}: finishing rotation job ${job.id}, completed by an interrupted run`);
    if (owed.audit)
        await run.auditCompleted();
    let revokedNow = false;
    if (owed.revoke) {
        const c = run.state.completion;
        revokedNow = await revokeOld(run.job, run.state, c?.revoke === "now" && c.revoke_reason ? c.revoke_reason : "the grace period ended", run.settings, run.ports, run.gen, run.reporter, run.notes);
    }
    const revokeAt = revokedNow ? undefined : (run.job.revokeAt ?? undefined);
    const outcome = { ...run.outcome("rotated", undefined, revokeAt, revokedNow), finished: true };
    if (owed.tell)
        await run.tell(outcome, "secret.rotated");
    return outcome;
}

;// CONCATENATED MODULE: ./.build/js/pipelines/rotation-executor.js







/**
 * The rotation executor (issue 18, seed 000's Mode A): one job per rotation in console_rotation_jobs, steps
 * generate -> store -> sync_consumers -> smoke_test -> revoke_old (scheduled at the end of the grace period,
 * or at once on compromise). Values live only in this process's memory and are masked the moment they exist;
 * the job row and audit rows hold names, ids and times. A re-run resumes the same job; a second run at once
 * finds the secret locked and makes no job. Where a run starts (resume, finish, new job) is rotation-resume.ts.
 */
/**
 * Checks what can be checked before anything is created: the kill switch, the block, and (the ports'
 * preflight) every credential its generator, consumers, smoke test and webhooks need.
 */
function checkRotatable(secret, settings, ports) {
    (0,rotation_executor/* assertRotationEnabled */.oI)(settings.env);
    if (!secret.rotate)
        throw new errors/* InputError */.dz("secret", `${secret.name} has no rotate: block in the inventory: nothing says how to rotate it`);
    ports.preflight(secret);
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
/** The steps of one run: generate -> store -> sync_consumers -> smoke_test -> rotated (or failed, put back). */
class Rotation extends RotationRun {
    async run() {
        const done = await openJob(this);
        if (done)
            return done;
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
        this.state.completion = {
            revoke_at: revokeAt?.toISOString() ?? null,
            revoke: plan.kind,
            ...(plan.kind !== "scheduled" ? { revoke_reason: plan.reason } : {}),
        };
        await this.save({ status: "completed", revokeAt });
        await this.auditCompleted();
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
}


/***/ })

};
