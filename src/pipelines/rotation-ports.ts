import { type AuditOutcome, type AuditTrigger, buildAuditRecord } from "../core/audit.js";
import { describeError } from "../core/errors.js";
import { type Clock, type Reporter, systemClock } from "../core/ports.js";
import type { Consumer } from "../core/rotate-spec.js";
import type { RotationJob } from "../core/rotation.js";
import {
  type ExecutorState,
  type RotationTrigger,
  serializeState,
  setStep,
} from "../core/rotation-executor.js";
import type { InventorySecret } from "../core/secret-inventory.js";
import type { NotifyPort } from "./alerts.js";

/**
 * The ports of the rotation executor (vendors, stores, lock, smoke, notifications), its audit rows, and the
 * revocation of a rotated job's old credential, which the executor (on compromise) and the rotation sweep
 * (after the grace period) share.
 */
export interface NewCredential {
  value: string;
  /** The credential's id at its vendor (an OAuth authorization, an API token). */
  id?: string;
}

/** Makes and unmakes one kind of credential. Vendor clients fill it; a random generator has no vendor. */
export interface GeneratorPort {
  /** The vendor id of the credential in use now (from its value when known). Undefined when there is none. */
  currentId(currentValue: string | undefined): Promise<string | undefined>;
  create(oldId: string | undefined): Promise<NewCredential>;
  /** True when `create` killed the old value at once (Cloudflare's roll): nothing can be put back. */
  readonly killsOld?: boolean;
  /** Throws unless the value is accepted by its vendor. */
  verify(value: string): Promise<void>;
  revoke(id: string): Promise<"revoked" | "gone">;
  /** Ids of credentials this generator made at or after `since`, other than `keep`: orphans of a crash. */
  orphans(since: Date, keep: string[]): Promise<string[]>;
}

/** One place a value is written. `read` exists where the consumer can hand back what it holds. */
export interface ConsumerPort {
  write(value: string): Promise<void>;
  read?(): Promise<string | undefined>;
}

export interface SmokePort {
  /** Probes the surface with its own health settings. */
  check(surfaceId: string): Promise<{ healthy: boolean; detail: string }>;
}

export interface WebhookPort {
  /** POSTs the body, signed (X-Prodgate-Signature: sha256=HMAC of the body). */
  send(url: string, body: string): Promise<void>;
}

export interface ExecutorJobsPort {
  createRunning(job: {
    secretName: string;
    triggeredBy: string;
    triggeredAt: Date;
    steps: Record<string, unknown>;
  }): Promise<RotationJob | undefined>;
  progress(
    id: string,
    change: {
      steps: Record<string, unknown>;
      status?: RotationJob["status"];
      errorMsg?: string;
      at?: Date;
      revokeAt?: Date | null;
    },
  ): Promise<RotationJob | undefined>;
  history(secretName: string, limit?: number): Promise<RotationJob[]>;
  pendingRevokes(): Promise<RotationJob[]>;
}

export interface AuditWriter {
  write(record: ReturnType<typeof buildAuditRecord>): Promise<{ id: string; duplicate: boolean }>;
}

export interface LockPort {
  tryLock(secretName: string): Promise<{ release(): Promise<void> } | undefined>;
}

export interface ExecutorPorts {
  reporter?: Reporter;
  clock?: Clock;
  jobs: ExecutorJobsPort;
  audit: AuditWriter;
  lock: LockPort;
  /** The generator of a secret (vendor clients built from the credentials given). */
  generator(secret: InventorySecret): GeneratorPort;
  consumer(consumer: Consumer, secret: InventorySecret): ConsumerPort;
  smoke?: SmokePort;
  notify?: NotifyPort;
  webhooks?: WebhookPort;
  /**
   * Throws an InputError naming the input (or environment variable) of a credential the secret's generator,
   * consumers or smoke test need and were not given. Every face checks with it before any job exists.
   */
  preflight(secret: InventorySecret): void;
}

export interface ExecutorSettings {
  trigger: RotationTrigger;
  compromised: boolean;
  /** The value in use now (e.g. `${{ secrets.NAME }}`): the consumers go back to it if the smoke test fails. */
  currentValue?: string;
  actor: string;
  runId: string;
  runAttempt: number;
  runUrl?: string;
  auditTrigger: AuditTrigger;
  /** The environment the kill switch is read from. */
  env: Record<string, string | undefined>;
}

export type AuditFacts = Pick<ExecutorSettings, "actor" | "runId" | "runAttempt" | "runUrl" | "auditTrigger">;

/** Writes one audit row of a job; `key` makes it once per job whichever run writes it. */
export function jobAudit(
  audit: AuditWriter,
  facts: AuditFacts,
  job: { id: string; secretName: string },
  row: { action: string; key: string; outcome?: AuditOutcome; context: Record<string, unknown>; at: Date },
  secrets: string[],
) {
  const record = buildAuditRecord({
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
export async function revokeOld(
  job: RotationJob,
  state: ExecutorState,
  reason: string,
  facts: AuditFacts,
  ports: Pick<ExecutorPorts, "jobs" | "audit" | "clock">,
  port: GeneratorPort,
  reporter: Reporter,
  notes: string[],
): Promise<boolean> {
  const clock = ports.clock ?? systemClock;
  const id = state.old_credential_id;
  if (!id) return false;
  setStep(state, "revoke_old", "running", clock.now());
  // A revoke_at is kept while it runs: a process that dies here leaves the job to the next sweep's revokes.
  await ports.jobs.progress(job.id, { steps: serializeState(state), revokeAt: job.revokeAt ?? clock.now() });
  try {
    const result = await port.revoke(id);
    setStep(
      state,
      "revoke_old",
      "completed",
      clock.now(),
      `${id} ${result === "gone" ? "was already gone" : "revoked"}: ${reason}`,
    );
    await ports.jobs.progress(job.id, { steps: serializeState(state), revokeAt: null });
    await jobAudit(
      ports.audit,
      facts,
      job,
      {
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
      },
      [],
    ).catch((err) => notes.push(`the secret.revoked audit row was not written: ${describeError(err)}`));
    reporter.info(`${job.secretName}: old credential ${id} of job ${job.id} revoked (${reason})`);
    return true;
  } catch (err) {
    const s = setStep(
      state,
      "revoke_old",
      "scheduled",
      clock.now(),
      `revoke failed, retried by the next sweep: ${describeError(err)}`,
    );
    s.due_at = clock.now().toISOString();
    await ports.jobs
      .progress(job.id, { steps: serializeState(state), revokeAt: clock.now() })
      .catch(() => {});
    notes.push(`${job.secretName}: the old credential ${id} was not revoked: ${describeError(err)}`);
    reporter.warning(`${job.secretName}: the old credential ${id} was not revoked: ${describeError(err)}`);
    return false;
  }
}
