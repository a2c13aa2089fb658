import { describeError, InputError } from "../core/errors.js";
import type { Clock, Reporter } from "../core/ports.js";
import {
  ACTIVE_JOB_STATUSES,
  type DispatchRecord,
  evaluateSecret,
  type RotationJob,
  rotationDue,
  type SecretMeta,
  type SecretMetadata,
} from "../core/rotation.js";
import {
  KILL_SWITCH,
  killSwitchOn,
  type RotationOutcome,
  readState,
  unfinishedWork,
} from "../core/rotation-executor.js";
import type { Inventory, InventorySecret } from "../core/secret-inventory.js";
import type { ExecutorPorts, ExecutorSettings } from "./rotation-executor.js";
import type { RevokeRecord } from "./rotation-revoke.js";
import type { RotationSweepPorts, RotationSweepSettings } from "./rotation-sweep.js";

/**
 * The rotation sweep's in-process half (issue 18): with dispatch, a secret that has a rotate: block is rotated
 * in this process when it is inside its window (its interrupted job resumed or finished first), after a check
 * that every credential the rotation needs was given; and old credentials whose grace period ended are
 * revoked. The executor loads only when a secret is rotated.
 */

export async function rotateInProcess(
  secret: InventorySecret,
  metadata: SecretMetadata,
  history: RotationJob[],
  now: Date,
  settings: RotationSweepSettings,
  ports: RotationSweepPorts & { executor: ExecutorPorts },
  reporter: Reporter,
): Promise<{ evaluated: SecretMeta; record?: DispatchRecord }> {
  const active = history.find((j) => ACTIVE_JOB_STATUSES.includes(j.status));
  const evaluated = evaluateSecret(secret, metadata, now, { activeJob: active });
  // An interrupted job goes on whatever the secret's status: resumed, or finished when it had completed.
  const resume = !!active && !!readState(active.steps);
  const owed = !active && history[0] ? !!unfinishedWork(history[0]) : false;
  if (!resume && !owed && !rotationDue(evaluated.status)) return { evaluated };
  const pending = history.find((j) => j.status === "completed" && j.revokeAt);
  if (!resume && !owed && pending)
    return {
      evaluated,
      record: {
        secret: secret.name,
        outcome: "waiting",
        job_id: pending.id,
        detail: `rotated; its old credential is revoked at ${pending.revokeAt!.toISOString()}`,
      },
    };
  const env = ports.env ?? {};
  if (killSwitchOn(env))
    return {
      evaluated,
      record: { secret: secret.name, outcome: "skipped", detail: `${KILL_SWITCH}=1: rotation is disabled` },
    };
  const run: ExecutorSettings = {
    trigger: "scheduled",
    compromised: false,
    actor: settings.actor,
    runId: settings.runId,
    runAttempt: settings.runAttempt,
    runUrl: settings.runUrl,
    auditTrigger: settings.trigger,
    env,
  };
  const { checkRotatable, runRotation } = await import("./rotation-executor.js");
  try {
    checkRotatable(secret, run, ports.executor);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    const why = `not rotated, no job created: ${describeError(err)}`;
    reporter.warning(`${secret.name}: ${why}`);
    return { evaluated, record: { secret: secret.name, outcome: "failed", detail: why } };
  }
  return { evaluated, record: executorRecord(await runRotation(secret, run, ports.executor)) };
}

function executorRecord(o: RotationOutcome): DispatchRecord {
  const job = o.jobId ? { job_id: o.jobId } : {};
  if (o.finished)
    return {
      secret: o.secret,
      outcome: o.revokeAt ? "waiting" : "skipped",
      ...job,
      detail: `finished job ${o.jobId}, completed by an interrupted run${o.revokedNow ? "; its old credential was revoked" : o.revokeAt ? `; its old credential is revoked at ${o.revokeAt}` : ""}`,
    };
  return {
    secret: o.secret,
    outcome: o.status === "rotated" ? "dispatched" : o.status === "busy" ? "already-rotating" : "failed",
    ...job,
    detail:
      o.status === "rotated"
        ? `rotated in-process${o.revokeAt ? `; old credential revoked at ${o.revokeAt}` : ""}`
        : (o.error ?? "another run is rotating it"),
  };
}

/** The old credentials whose grace period ended, revoked (and those due within the hour warned about). */
export async function revokeDueOld(
  inventory: Inventory,
  settings: RotationSweepSettings,
  ports: RotationSweepPorts & { executor: ExecutorPorts },
  clock: Clock,
  reporter: Reporter,
  notes: string[],
): Promise<RevokeRecord[]> {
  if (killSwitchOn(ports.env ?? {})) {
    notes.push(`${KILL_SWITCH}=1: no old credential was revoked`);
    return [];
  }
  try {
    const { revokeDue } = await import("./rotation-revoke.js");
    return await revokeDue(
      inventory,
      { ...settings, auditTrigger: settings.trigger },
      ports.executor,
      clock,
      reporter,
      notes,
    );
  } catch (err) {
    notes.push(`old credentials due for revocation were not revoked: ${describeError(err)}`);
    return [];
  }
}
