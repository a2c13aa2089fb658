import { buildAuditRecord } from "../core/audit.js";
import { describeError, InputError } from "../core/errors.js";
import { type Clock, type Reporter, systemClock } from "../core/ports.js";
import {
  type DispatchRecord,
  type JobStatus,
  type RotationJob,
  type RunState,
  reconcileJob,
  type SecretMetadata,
} from "../core/rotation.js";
import type { InventorySecret } from "../core/secret-inventory.js";
import type {
  AuditPort,
  DispatchResult,
  JobsPort,
  RotationSweepPorts,
  RotationSweepSettings,
} from "./rotation-sweep.js";

/**
 * The rotation sweep's workflow half (seed 000 §4.5): a secret with a `rotation-workflow` gets its job created,
 * `secret.rotate.triggered` written and the workflow dispatched; a dispatched job is moved on from what its
 * run and the secret show; the workflow reports its outcome back (recordJobOutcome).
 */

/** Moves an active job on from what the secret and its workflow run show. Returns the job if it changed. */
export async function reconcile(
  job: RotationJob,
  secret: InventorySecret,
  metadata: SecretMetadata,
  now: Date,
  settings: RotationSweepSettings,
  ports: RotationSweepPorts,
  reporter: Reporter,
): Promise<RotationJob | undefined> {
  const steps = job.steps ?? {};
  const runId = typeof steps.run_id === "number" ? steps.run_id : undefined;
  const repository = typeof steps.repository === "string" ? steps.repository : undefined;
  let run: RunState | undefined;
  if (runId !== undefined && repository && ports.workflows) {
    try {
      run = await ports.workflows(repository).getWorkflowRun(runId);
    } catch (err) {
      reporter.warning(`${secret.name}: could not read rotation run ${runId}: ${describeError(err)}`);
    }
  }
  const update = reconcileJob(
    job,
    { lastRotatedAt: metadata.lastRotatedAt, run },
    now,
    settings.jobTimeoutMs,
  );
  if (!update) return undefined;
  const moved = await ports.jobs!.update(job.id, {
    status: update.status,
    errorMsg: update.errorMsg,
    at: now,
    ...(run ? { steps: { run_status: run.status, run_conclusion: run.conclusion } } : {}),
  });
  if (!moved) return undefined;
  reporter.info(
    `${secret.name}: rotation job ${job.id} is ${moved.status}${update.errorMsg ? ` (${update.errorMsg})` : ""}`,
  );
  if (moved.status === "completed" && ports.audit) {
    await writeAudit(ports.audit, "secret.rotate.completed", moved, settings, now, "completed").catch((err) =>
      reporter.warning(
        `${secret.name}: the secret.rotate.completed audit row was not written: ${describeError(err)}`,
      ),
    );
  }
  return moved;
}

/**
 * Creates the job (the database refuses a second active one), writes `secret.rotate.triggered` before the
 * dispatch (no row, no dispatch), then dispatches the workflow with `secret_name` and `job_id`.
 */
export async function dispatch(
  secret: InventorySecret,
  attempt: number,
  now: Date,
  settings: RotationSweepSettings,
  ports: RotationSweepPorts,
  reporter: Reporter,
): Promise<DispatchRecord> {
  const workflow = secret.policy.rotationWorkflow!;
  const repository = secret.repository ?? settings.repository;
  const base: DispatchRecord = { secret: secret.name, outcome: "dispatched", workflow, attempt, repository };
  if (!repository)
    return {
      ...base,
      outcome: "failed",
      detail: "no repository to dispatch in: set GITHUB_REPOSITORY or the secret's repository",
    };
  const job = await ports.jobs!.create({
    secretName: secret.name,
    triggeredBy: settings.actor,
    triggeredAt: now,
    steps: { workflow, repository, attempt, ...(settings.runUrl ? { sweep_run_url: settings.runUrl } : {}) },
  });
  if (!job) return { ...base, outcome: "already-rotating", detail: "another sweep created the job first" };
  const fail = async (why: string): Promise<DispatchRecord> => {
    await ports.jobs!.update(job.id, { status: "failed", errorMsg: why, at: now });
    reporter.warning(`${secret.name}: rotation job ${job.id} failed: ${why}`);
    return { ...base, outcome: "failed", job_id: job.id, detail: why };
  };
  try {
    await writeAudit(ports.audit!, "secret.rotate.triggered", job, settings, now, "started");
  } catch (err) {
    return fail(
      `the secret.rotate.triggered audit row could not be written, so nothing was dispatched: ${describeError(err)}`,
    );
  }
  let result: DispatchResult;
  try {
    result = await ports.workflows!(repository).dispatchWorkflow(workflow, settings.ref, {
      secret_name: secret.name,
      job_id: job.id,
    });
  } catch (err) {
    return fail(`dispatch of ${workflow} in ${repository} failed: ${describeError(err)}`);
  }
  await ports.jobs!.update(job.id, {
    status: "queued",
    at: now,
    steps: {
      ...(result.runId !== undefined ? { run_id: result.runId } : {}),
      ...(result.htmlUrl ? { run_url: result.htmlUrl } : {}),
    },
  });
  reporter.info(
    `${secret.name}: dispatched ${workflow} in ${repository} as job ${job.id} (attempt ${attempt})`,
  );
  return { ...base, job_id: job.id, ...(result.htmlUrl ? { run_url: result.htmlUrl } : {}) };
}

type AuditSettings = Pick<RotationSweepSettings, "actor" | "runId" | "runAttempt" | "runUrl" | "trigger">;

function writeAudit(
  audit: AuditPort,
  action: string,
  job: RotationJob,
  settings: AuditSettings,
  now: Date,
  phase: "started" | "completed",
) {
  const record = buildAuditRecord({
    action,
    phase,
    ...(phase === "completed" ? { outcome: "success" as const } : {}),
    actor: settings.actor,
    target: job.secretName,
    trigger: settings.trigger,
    runUrl: settings.runUrl,
    runId: settings.runId,
    runAttempt: settings.runAttempt,
    context: { secret_name: job.secretName, job_id: job.id },
    createdAt: now,
  });
  // One row per job and phase, whichever run writes it.
  return audit.write({ ...record, idempotencyKey: `secret.rotate:${job.id}:${phase}` });
}

/**
 * The other end of a dispatch: the rotation workflow reports its job's outcome (the rotation-sweep action
 * with `job-id`, or `prodgate sweep secrets --job`). A completed job gets its `secret.rotate.completed` row.
 */
export async function recordJobOutcome(
  jobId: string,
  outcome: { status: JobStatus; error?: string },
  settings: AuditSettings,
  ports: { jobs: Pick<JobsPort, "update">; audit?: AuditPort; clock?: Clock },
): Promise<RotationJob | undefined> {
  if (!/^rot_[a-z0-9]+$/.test(jobId))
    throw new InputError("job-id", `must be a rotation job id like rot_1a2b3c4d5e6f; got '${jobId}'`);
  const now = (ports.clock ?? systemClock).now();
  const job = await ports.jobs.update(jobId, {
    status: outcome.status,
    errorMsg: outcome.error,
    at: now,
    ...(settings.runUrl ? { steps: { rotation_run_url: settings.runUrl } } : {}),
  });
  if (job?.status === "completed" && ports.audit)
    await writeAudit(ports.audit, "secret.rotate.completed", job, settings, now, "completed");
  return job;
}
