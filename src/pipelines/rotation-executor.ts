import type { AuditOutcome } from "../core/audit.js";
import { describeError, InputError } from "../core/errors.js";
import { type Clock, type Reporter, silentReporter, systemClock } from "../core/ports.js";
import type { Consumer } from "../core/rotate-spec.js";
import type { RotationJob } from "../core/rotation.js";
import {
  assertRotationEnabled,
  type ConsumerHolds,
  describeHolds,
  type ExecutorState,
  freshSteps,
  planRevoke,
  type RotationOutcome,
  readState,
  rotationSlack,
  serializeState,
  setStep,
  webhookBody,
} from "../core/rotation-executor.js";
import type { InventorySecret } from "../core/secret-inventory.js";
import {
  type ExecutorPorts,
  type ExecutorSettings,
  type GeneratorPort,
  jobAudit,
  revokeOld,
} from "./rotation-ports.js";

export type {
  AuditFacts,
  AuditWriter,
  ConsumerPort,
  ExecutorJobsPort,
  ExecutorPorts,
  ExecutorSettings,
  GeneratorPort,
  LockPort,
  NewCredential,
  SmokePort,
  WebhookPort,
} from "./rotation-ports.js";
export { jobAudit, revokeOld } from "./rotation-ports.js";

/**
 * The rotation executor (issue 18, seed 000's Mode A): one job per rotation in console_rotation_jobs, steps
 * generate -> store -> sync_consumers -> smoke_test -> revoke_old (scheduled at the end of the grace period,
 * or at once on compromise). Values live only in this process's memory and are masked the moment they exist;
 * the job row and audit rows hold names, ids and times. A re-run resumes the same job; a second run at once
 * finds the secret locked and makes no job.
 */

/** Checks what can be checked before anything is created: the kill switch, the block, the smoke surfaces. */
export function checkRotatable(secret: InventorySecret, settings: ExecutorSettings, ports: ExecutorPorts) {
  assertRotationEnabled(settings.env);
  if (!secret.rotate)
    throw new InputError(
      "secret",
      `${secret.name} has no rotate: block in the inventory: nothing says how to rotate it`,
    );
  if (secret.rotate.smoke.length > 0 && !ports.smoke)
    throw new InputError(
      "registry",
      `is required: ${secret.name}'s smoke test probes ${secret.rotate.smoke.join(", ")}, surfaces of the registry`,
    );
  if (secret.rotate.notify.length > 0 && !ports.webhooks)
    throw new InputError("webhook-secret", `is required: ${secret.name} notifies webhooks, signed with it`);
}

/** Rotates one secret, or resumes its unfinished job. Never throws once a job exists: the outcome says. */
export async function runRotation(
  secret: InventorySecret,
  settings: ExecutorSettings,
  ports: ExecutorPorts,
): Promise<RotationOutcome> {
  checkRotatable(secret, settings, ports);
  const reporter = ports.reporter ?? silentReporter;
  if (settings.currentValue) reporter.secret(settings.currentValue);
  const lock = await ports.lock.tryLock(secret.name);
  if (!lock) {
    const active = (await ports.jobs.history(secret.name, 5)).find((j) => j.status === "running");
    reporter.warning(
      `${secret.name} is being rotated by another run${active ? ` (job ${active.id})` : ""}: nothing done`,
    );
    return busy(secret, settings, active);
  }
  try {
    return await new Rotation(secret, settings, ports, reporter).run();
  } finally {
    await lock.release();
  }
}

function busy(secret: InventorySecret, settings: ExecutorSettings, job?: RotationJob): RotationOutcome {
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
  private readonly clock: Clock;
  private readonly spec: NonNullable<InventorySecret["rotate"]>;
  private readonly gen: GeneratorPort;
  private readonly values: string[] = [];
  private readonly notes: string[] = [];
  private job!: RotationJob;
  private state!: ExecutorState;
  private oldValue: string | undefined;
  private newValue: string | undefined;

  constructor(
    private readonly secret: InventorySecret,
    private readonly settings: ExecutorSettings,
    private readonly ports: ExecutorPorts,
    private readonly reporter: Reporter,
  ) {
    this.clock = ports.clock ?? systemClock;
    this.spec = secret.rotate!;
    this.gen = ports.generator(secret);
    this.oldValue = settings.currentValue || undefined;
    if (this.oldValue) this.values.push(this.oldValue);
  }

  private now(): Date {
    return this.clock.now();
  }

  private get compromised(): boolean {
    return this.state.compromised;
  }

  async run(): Promise<RotationOutcome> {
    const started = await this.open();
    if (!started.ok) return started.outcome;
    try {
      await this.generate();
      await this.writeConsumers();
      const smoke = await this.smokeTest();
      if (smoke) return await this.fail(`smoke test failed: ${smoke}`, "smoke_test");
      return await this.rotated();
    } catch (err) {
      return await this.fail(describeError(err), this.runningStep());
    }
  }

  private runningStep() {
    return this.state.steps.find((s) => s.status === "running")?.name;
  }

  /** Resumes the secret's running job, or creates one and writes secret.rotate.triggered before anything. */
  private async open(): Promise<{ ok: true } | { ok: false; outcome: RotationOutcome }> {
    const now = this.now();
    const history = await this.ports.jobs.history(this.secret.name, 20);
    const active = history.find((j) => j.status === "running" || j.status === "queued");
    const compromised = this.settings.compromised || this.spec.compromised;
    if (active && !readState(active.steps))
      return this.refuse(`rotation job ${active.id} (a dispatched rotation workflow) is ${active.status}`);
    if (active) {
      this.job = active;
      this.state = readState(active.steps)!;
      this.state.attempt += 1;
      if (compromised && !this.state.compromised) {
        this.state.compromised = true;
        this.state.trigger = "compromise";
      }
      this.reporter.info(
        `${this.secret.name}: resuming rotation job ${active.id} (attempt ${this.state.attempt})`,
      );
      await this.recoverOrphans(now);
      await this.save();
      return { ok: true };
    }
    if (!compromised) {
      const pending = history.find((j) => j.status === "completed" && j.revokeAt);
      if (pending)
        return this.refuse(
          `the old credential of rotation job ${pending.id} is revoked at ${pending.revokeAt!.toISOString()}: a new rotation before then would leave three live credentials (rotate with compromised: true to revoke both at once)`,
        );
    }
    const state: ExecutorState = {
      executor: 1,
      trigger: compromised ? "compromise" : this.settings.trigger,
      compromised,
      generator: this.spec.generate,
      consumers: this.spec.consumers.map((c) => c.id),
      attempt: 1,
      steps: freshSteps(),
      consumer_holds: Object.fromEntries(this.spec.consumers.map((c) => [c.id, "old" as ConsumerHolds])),
    };
    const job = await this.ports.jobs.createRunning({
      secretName: this.secret.name,
      triggeredBy: this.settings.actor,
      triggeredAt: now,
      steps: serializeState(state),
    });
    if (!job) return this.refuse("another run created a rotation job for it first");
    this.job = job;
    this.state = state;
    try {
      await this.audit("secret.rotate.triggered", "secret.rotate:started", undefined, {});
    } catch (err) {
      const why = `the secret.rotate.triggered audit row could not be written, so nothing was rotated: ${describeError(err)}`;
      await this.ports.jobs.progress(job.id, { steps: {}, status: "failed", errorMsg: why, at: now });
      return { ok: false, outcome: this.outcome("failed", why) };
    }
    this.reporter.info(`${this.secret.name}: rotation job ${job.id} started (${state.trigger})`);
    return { ok: true };
  }

  private refuse(why: string): { ok: false; outcome: RotationOutcome } {
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
  private async recoverOrphans(now: Date): Promise<void> {
    const gen = this.state.steps.find((s) => s.name === "generate");
    const revoked = new Set(this.state.orphans_revoked ?? []);
    const ids = new Set<string>();
    if (this.state.new_credential_id && !this.gen.killsOld) ids.add(this.state.new_credential_id);
    if (gen?.status === "running" && gen.started_at) {
      const keep = [this.state.old_credential_id, this.state.new_credential_id].filter(
        (x): x is string => !!x,
      );
      for (const id of await this.gen.orphans(new Date(Date.parse(gen.started_at) - 1000), keep)) ids.add(id);
    }
    for (const id of ids) {
      if (revoked.has(id)) continue;
      const result = await this.gen.revoke(id);
      revoked.add(id);
      this.reporter.info(
        `${this.secret.name}: revoked ${id}, the new credential of an interrupted attempt (${result})`,
      );
      await this.audit("secret.revoked", `secret.revoked:${id}`, "success", {
        credential_id: id,
        reason: "orphan of an interrupted attempt: its value was lost",
      });
    }
    this.state.orphans_revoked = [...revoked];
    delete this.state.new_credential_id;
    for (const name of ["generate", "store", "sync_consumers", "smoke_test"] as const) {
      const s = this.state.steps.find((x) => x.name === name);
      if (s && s.status !== "pending")
        setStep(this.state, name, "pending", now, `reset by attempt ${this.state.attempt}`);
    }
  }

  private async save(
    change: { status?: RotationJob["status"]; errorMsg?: string; revokeAt?: Date | null } = {},
  ) {
    const moved = await this.ports.jobs.progress(this.job.id, {
      steps: serializeState(this.state),
      at: this.now(),
      ...change,
    });
    if (moved) this.job = moved;
  }

  private async generate(): Promise<void> {
    setStep(this.state, "generate", "running", this.now());
    if (this.state.old_credential_id === undefined) {
      const id = await this.gen.currentId(this.oldValue);
      if (id) this.state.old_credential_id = id;
    }
    await this.save();
    const created = await this.gen.create(this.state.old_credential_id);
    this.reporter.secret(created.value);
    this.newValue = created.value;
    this.values.push(created.value);
    if (created.id) this.state.new_credential_id = created.id;
    if (this.gen.killsOld) this.oldValue = undefined;
    setStep(
      this.state,
      "generate",
      "completed",
      this.now(),
      created.id ? `new credential ${created.id}` : "new value",
    );
    await this.save();
  }

  private async writeConsumers(): Promise<void> {
    const vault = this.spec.consumers.filter((c) => c.kind === "infisical");
    const rest = this.spec.consumers.filter((c) => c.kind !== "infisical");
    for (const [name, list] of [
      ["store", vault],
      ["sync_consumers", rest],
    ] as const) {
      setStep(this.state, name, "running", this.now());
      await this.save();
      for (const c of list) await this.writeOne(c);
      setStep(
        this.state,
        name,
        "completed",
        this.now(),
        list.length
          ? `${list.length} written: ${list.map((c) => c.id).join(", ")}`
          : "no consumer of this kind",
      );
      await this.save();
    }
  }

  private async writeOne(c: Consumer): Promise<void> {
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
      } catch (err) {
        this.notes.push(`could not read the old value from ${c.id}: ${describeError(err)}`);
      }
    }
    this.state.consumer_holds[c.id] = "unknown";
    await this.save();
    await port.write(this.newValue!);
    this.state.consumer_holds[c.id] = "new";
    this.reporter.info(`${this.secret.name}: wrote the new value to ${c.id}`);
    await this.save();
  }

  /** undefined when it passed; otherwise what failed. */
  private async smokeTest(): Promise<string | undefined> {
    setStep(this.state, "smoke_test", "running", this.now());
    await this.save();
    const problems: string[] = [];
    try {
      await this.gen.verify(this.newValue!);
    } catch (err) {
      problems.push(`the new credential does not verify at its vendor: ${describeError(err)}`);
    }
    for (const id of this.spec.smoke) {
      const r = await this.ports
        .smoke!.check(id)
        .catch((err) => ({ healthy: false, detail: describeError(err) }));
      this.reporter.info(
        `${this.secret.name}: smoke ${id}: ${r.healthy ? "healthy" : "unhealthy"} (${r.detail})`,
      );
      if (!r.healthy) problems.push(`${id} is unhealthy: ${r.detail}`);
    }
    if (problems.length) return problems.join("; ");
    setStep(
      this.state,
      "smoke_test",
      "completed",
      this.now(),
      `${this.spec.smoke.length ? `${this.spec.smoke.join(", ")} healthy` : "no surface to probe"}; new credential verified`,
    );
    await this.save();
    return undefined;
  }

  private async rotated(): Promise<RotationOutcome> {
    const now = this.now();
    this.state.rotated_at = now.toISOString();
    const plan = this.gen.killsOld
      ? ({
          kind: "none",
          reason: "rolled: the old value stopped working when the new one was issued",
        } as const)
      : planRevoke(
          this.spec.generate,
          {
            compromised: this.compromised,
            maxOverlapMs: this.secret.policy.maxOverlapMs,
            revokeOld: this.secret.policy.revokeOld,
            hasOldId: !!this.state.old_credential_id,
          },
          now,
        );
    let revokeAt: Date | null = null;
    if (plan.kind === "scheduled") {
      revokeAt = plan.at;
      const s = setStep(this.state, "revoke_old", "scheduled", now, `at the end of the grace period`);
      s.due_at = plan.at.toISOString();
    } else if (plan.kind === "none")
      setStep(this.state, "revoke_old", "completed", now, `nothing revoked: ${plan.reason}`);
    await this.save({ status: "completed", revokeAt });
    await this.audit("secret.rotate.completed", "secret.rotate:completed", "success", {
      rotated_at: this.state.rotated_at,
      revoke_at: revokeAt?.toISOString() ?? null,
      revoke: plan.kind,
      ...(plan.kind !== "scheduled" ? { revoke_reason: plan.reason } : {}),
    }).catch((err) =>
      this.notes.push(`the secret.rotate.completed audit row was not written: ${describeError(err)}`),
    );
    let revokedNow = false;
    if (plan.kind === "now") {
      revokedNow = await revokeOld(
        this.job,
        this.state,
        plan.reason,
        this.settings,
        this.ports,
        this.gen,
        this.reporter,
        this.notes,
      );
      if (this.compromised) await this.revokeEarlierPending();
    }
    const outcome = this.outcome("rotated", undefined, revokeAt ?? undefined, revokedNow);
    await this.tell(outcome, "secret.rotated");
    return outcome;
  }

  /** On compromise, old credentials of earlier rotations still in their grace period go too. */
  private async revokeEarlierPending(): Promise<void> {
    for (const job of await this.ports.jobs.pendingRevokes()) {
      if (job.secretName !== this.secret.name || job.id === this.job.id) continue;
      const state = readState(job.steps);
      if (state)
        await revokeOld(
          job,
          state,
          "compromised: an earlier grace period ended early",
          this.settings,
          this.ports,
          this.gen,
          this.reporter,
          this.notes,
        );
    }
  }

  /**
   * Puts every consumer that holds the new value back on the old one when it is known and revokes the new
   * credential; when the old value is not known, revokes nothing and says who holds what.
   */
  private async fail(why: string, at: ReturnType<Rotation["runningStep"]>): Promise<RotationOutcome> {
    const now = this.now();
    let error = why;
    try {
      if (at) setStep(this.state, at, "failed", now, why);
      const touched = Object.entries(this.state.consumer_holds).filter(([, h]) => h !== "old");
      if (touched.length === 0 || (this.oldValue !== undefined && !this.gen.killsOld)) {
        for (const [id] of touched) {
          const c = this.spec.consumers.find((x) => x.id === id)!;
          try {
            await this.ports.consumer(c, this.secret).write(this.oldValue!);
            this.state.consumer_holds[id] = "old";
          } catch (err) {
            this.notes.push(`could not put ${id} back on the old value: ${describeError(err)}`);
          }
        }
        const back = Object.values(this.state.consumer_holds).every((h) => h === "old");
        if (this.state.new_credential_id && back) {
          const result = await this.gen.revoke(this.state.new_credential_id);
          this.reporter.info(
            `${this.secret.name}: revoked the new credential ${this.state.new_credential_id} (${result})`,
          );
          await this.audit("secret.revoked", `secret.revoked:${this.state.new_credential_id}`, "success", {
            credential_id: this.state.new_credential_id,
            reason: "the rotation failed: the new credential was withdrawn",
          }).catch(() => {});
          delete this.state.new_credential_id;
        } else if (!back)
          error = `${why}; not every consumer could be put back, so nothing was revoked: ${describeHolds(this.state.consumer_holds)}`;
        if (touched.length && back)
          error = `${why}; every consumer is back on the old value and the new credential was revoked`;
      } else {
        error = `${why}; the old value is not known (pass current-value), so nothing was put back or revoked: ${describeHolds(this.state.consumer_holds)}`;
      }
      setStep(this.state, "revoke_old", "failed", now, "the old credential stays: the rotation failed");
      await this.save({ status: "failed", errorMsg: error });
    } catch (err) {
      error = `${error}; then: ${describeError(err)}`;
      this.notes.push(`the job's failure could not be recorded whole: ${describeError(err)}`);
    }
    await this.audit("secret.rotate.failed", "secret.rotate:failed", "rotation_failed", { error }).catch(
      (err) => this.notes.push(`the secret.rotate.failed audit row was not written: ${describeError(err)}`),
    );
    this.reporter.error(`${this.secret.name}: rotation job ${this.job.id} failed: ${error}`);
    const outcome = this.outcome("failed", error);
    await this.tell(outcome, undefined);
    return outcome;
  }

  private async tell(outcome: RotationOutcome, event: "secret.rotated" | undefined): Promise<void> {
    if (this.ports.notify)
      await this.ports.notify
        .post(rotationSlack(outcome, this.settings.runUrl))
        .catch((err) => this.notes.push(`Slack was not told: ${describeError(err)}`));
    if (!event || !this.ports.webhooks) return;
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
        .catch((err) => this.notes.push(`webhook ${new URL(url).host} was not told: ${describeError(err)}`));
  }

  private audit(
    action: string,
    key: string,
    outcome: AuditOutcome | undefined,
    context: Record<string, unknown>,
  ) {
    return jobAudit(
      this.ports.audit,
      this.settings,
      this.job,
      {
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
      },
      this.values,
    );
  }

  private outcome(
    status: RotationOutcome["status"],
    error?: string,
    revokeAt?: Date,
    revokedNow = false,
  ): RotationOutcome {
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
