import type { AuditOutcome } from "../core/audit.js";
import { describeError } from "../core/errors.js";
import { type Clock, type Reporter, systemClock } from "../core/ports.js";
import type { RotationJob } from "../core/rotation.js";
import {
  type ExecutorState,
  type RotationOutcome,
  rotationSlack,
  serializeState,
  webhookBody,
} from "../core/rotation-executor.js";
import type { InventorySecret } from "../core/secret-inventory.js";
import { type ExecutorPorts, type ExecutorSettings, type GeneratorPort, jobAudit } from "./rotation-ports.js";

/**
 * One run of the rotation executor over one secret: what it holds (the job, its state, the values that exist
 * only in this process's memory) and how it records them (job progress, audit rows, the outcome). The steps
 * (rotation-executor.ts) and the resume of an interrupted job (rotation-resume.ts) both work on it.
 */
export class RotationRun {
  readonly clock: Clock;
  readonly spec: NonNullable<InventorySecret["rotate"]>;
  readonly gen: GeneratorPort;
  /** Every value this run saw: an audit row that would hold one is refused. */
  readonly values: string[] = [];
  readonly notes: string[] = [];
  job!: RotationJob;
  state!: ExecutorState;
  oldValue: string | undefined;
  newValue: string | undefined;

  constructor(
    readonly secret: InventorySecret,
    readonly settings: ExecutorSettings,
    readonly ports: ExecutorPorts,
    readonly reporter: Reporter,
  ) {
    this.clock = ports.clock ?? systemClock;
    this.spec = secret.rotate!;
    this.gen = ports.generator(secret);
    this.oldValue = settings.currentValue || undefined;
    if (this.oldValue) this.values.push(this.oldValue);
  }

  now(): Date {
    return this.clock.now();
  }

  get compromised(): boolean {
    return this.state.compromised;
  }

  async save(
    change: { status?: RotationJob["status"]; errorMsg?: string; revokeAt?: Date | null } = {},
  ): Promise<void> {
    const moved = await this.ports.jobs.progress(this.job.id, {
      steps: serializeState(this.state),
      at: this.now(),
      ...change,
    });
    if (moved) this.job = moved;
  }

  audit(action: string, key: string, outcome: AuditOutcome | undefined, context: Record<string, unknown>) {
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

  /**
   * The job's `secret.rotate.completed` row, from what the completed job recorded; the state remembers that it
   * was written, so a run that died between completing the job and writing it has the next run write it (the
   * row's key makes it one per job whichever run writes it). A failure is a note: the next run tries again.
   */
  async auditCompleted(): Promise<void> {
    const c = this.state.completion;
    if (!c || c.audited) return;
    try {
      await this.audit("secret.rotate.completed", "secret.rotate:completed", "success", {
        rotated_at: this.state.rotated_at,
        revoke_at: c.revoke_at,
        revoke: c.revoke,
        ...(c.revoke_reason ? { revoke_reason: c.revoke_reason } : {}),
      });
      c.audited = true;
      await this.save();
    } catch (err) {
      this.notes.push(`the secret.rotate.completed audit row was not written: ${describeError(err)}`);
    }
  }

  /**
   * Tells Slack the outcome and, for a rotation, every notify webhook (signed); a completed job remembers it
   * was told, so that a run finishing it after a crash tells once.
   */
  async tell(outcome: RotationOutcome, event: "secret.rotated" | undefined): Promise<void> {
    if (this.ports.notify)
      await this.ports.notify
        .post(rotationSlack(outcome, this.settings.runUrl))
        .catch((err) => this.notes.push(`Slack was not told: ${describeError(err)}`));
    if (event && this.ports.webhooks) {
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
          .catch((err) =>
            this.notes.push(`webhook ${new URL(url).host} was not told: ${describeError(err)}`),
          );
    }
    if (event && this.state.completion && !this.state.completion.told) {
      this.state.completion.told = true;
      await this.save().catch(() => {});
    }
  }

  outcome(
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

  /** A refusal before any job of this run exists. */
  refuse(why: string): { ok: false; outcome: RotationOutcome } {
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
