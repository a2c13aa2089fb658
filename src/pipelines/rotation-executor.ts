import { describeError, InputError } from "../core/errors.js";
import { silentReporter } from "../core/ports.js";
import type { Consumer } from "../core/rotate-spec.js";
import type { RotationJob } from "../core/rotation.js";
import {
  assertRotationEnabled,
  describeHolds,
  planRevoke,
  type RotationOutcome,
  readState,
  setStep,
} from "../core/rotation-executor.js";
import type { InventorySecret } from "../core/secret-inventory.js";
import { RotationRun } from "./rotation-job.js";
import { type ExecutorPorts, type ExecutorSettings, revokeOld } from "./rotation-ports.js";
import { openJob } from "./rotation-resume.js";

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
 * finds the secret locked and makes no job. Where a run starts (resume, finish, new job) is rotation-resume.ts.
 */

/**
 * Checks what can be checked before anything is created: the kill switch, the block, and (the ports'
 * preflight) every credential its generator, consumers, smoke test and webhooks need.
 */
export function checkRotatable(secret: InventorySecret, settings: ExecutorSettings, ports: ExecutorPorts) {
  assertRotationEnabled(settings.env);
  if (!secret.rotate)
    throw new InputError(
      "secret",
      `${secret.name} has no rotate: block in the inventory: nothing says how to rotate it`,
    );
  ports.preflight(secret);
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

/** The steps of one run: generate -> store -> sync_consumers -> smoke_test -> rotated (or failed, put back). */
class Rotation extends RotationRun {
  async run(): Promise<RotationOutcome> {
    const done = await openJob(this);
    if (done) return done;
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
    this.state.completion = {
      revoke_at: revokeAt?.toISOString() ?? null,
      revoke: plan.kind,
      ...(plan.kind !== "scheduled" ? { revoke_reason: plan.reason } : {}),
    };
    await this.save({ status: "completed", revokeAt });
    await this.auditCompleted();
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
}
