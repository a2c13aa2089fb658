import { describeError } from "../core/errors.js";
import {
  type ConsumerHolds,
  type ExecutorState,
  freshSteps,
  type RotationOutcome,
  readState,
  serializeState,
  setStep,
  unfinishedWork,
} from "../core/rotation-executor.js";
import type { RotationRun } from "./rotation-job.js";
import { revokeOld } from "./rotation-ports.js";

/**
 * Where a run of the executor starts (seed 004 §6.8): the secret's unfinished job is resumed (the new
 * credential of an attempt that died with its process is revoked first), a completed job whose run died
 * before its last records is finished, or a new job is created and `secret.rotate.triggered` written before
 * anything else. Undefined: go on with the steps; an outcome: this run is done.
 */
export async function openJob(run: RotationRun): Promise<RotationOutcome | undefined> {
  const now = run.now();
  const name = run.secret.name;
  const history = await run.ports.jobs.history(name, 20);
  const active = history.find((j) => j.status === "running" || j.status === "queued");
  const compromised = run.settings.compromised || run.spec.compromised;
  if (active && !readState(active.steps))
    return run.refuse(`rotation job ${active.id} (a dispatched rotation workflow) is ${active.status}`)
      .outcome;
  if (active) {
    run.job = active;
    run.state = readState(active.steps)!;
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
  const owed = latest ? unfinishedWork(latest) : undefined;
  if (latest && owed) {
    run.job = latest;
    run.state = readState(latest.steps)!;
    return finishCompleted(run, owed);
  }
  if (!compromised) {
    const pending = history.find((j) => j.status === "completed" && j.revokeAt);
    if (pending)
      return run.refuse(
        `the old credential of rotation job ${pending.id} is revoked at ${pending.revokeAt!.toISOString()}: a new rotation before then would leave three live credentials (rotate with compromised: true to revoke both at once)`,
      ).outcome;
  }
  const state: ExecutorState = {
    executor: 1,
    trigger: compromised ? "compromise" : run.settings.trigger,
    compromised,
    generator: run.spec.generate,
    consumers: run.spec.consumers.map((c) => c.id),
    attempt: 1,
    steps: freshSteps(),
    consumer_holds: Object.fromEntries(run.spec.consumers.map((c) => [c.id, "old" as ConsumerHolds])),
  };
  const job = await run.ports.jobs.createRunning({
    secretName: name,
    triggeredBy: run.settings.actor,
    triggeredAt: now,
    steps: serializeState(state),
  });
  if (!job) return run.refuse("another run created a rotation job for it first").outcome;
  run.job = job;
  run.state = state;
  try {
    await run.audit("secret.rotate.triggered", "secret.rotate:started", undefined, {});
  } catch (err) {
    const why = `the secret.rotate.triggered audit row could not be written, so nothing was rotated: ${describeError(err)}`;
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
async function recoverOrphans(run: RotationRun, now: Date): Promise<void> {
  const state = run.state;
  const gen = state.steps.find((s) => s.name === "generate");
  const revoked = new Set(state.orphans_revoked ?? []);
  const ids = new Set<string>();
  if (state.new_credential_id && !run.gen.killsOld) ids.add(state.new_credential_id);
  if (gen?.status === "running" && gen.started_at) {
    const keep = [state.old_credential_id, state.new_credential_id].filter((x): x is string => !!x);
    for (const id of await run.gen.orphans(new Date(Date.parse(gen.started_at) - 1000), keep)) ids.add(id);
  }
  for (const id of ids) {
    if (revoked.has(id)) continue;
    const result = await run.gen.revoke(id);
    revoked.add(id);
    run.reporter.info(
      `${run.secret.name}: revoked ${id}, the new credential of an interrupted attempt (${result})`,
    );
    await run.audit("secret.revoked", `secret.revoked:${id}`, "success", {
      credential_id: id,
      reason: "orphan of an interrupted attempt: its value was lost",
    });
  }
  state.orphans_revoked = [...revoked];
  delete state.new_credential_id;
  for (const name of ["generate", "store", "sync_consumers", "smoke_test"] as const) {
    const s = state.steps.find((x) => x.name === name);
    if (s && s.status !== "pending")
      setStep(state, name, "pending", now, `reset by attempt ${state.attempt}`);
  }
}

/**
 * The job completed (every consumer holds the new value, the smoke test passed) but its run died before it
 * wrote the secret.rotate.completed row, while it revoked the old credential, or before it told Slack and the
 * webhooks: this run writes the row, finishes the revocation (each at most once, by their keys) and tells,
 * and rotates nothing.
 */
async function finishCompleted(
  run: RotationRun,
  owed: { audit: boolean; revoke: boolean; tell: boolean },
): Promise<RotationOutcome> {
  const job = run.job;
  run.reporter.info(`${run.secret.name}: finishing rotation job ${job.id}, completed by an interrupted run`);
  if (owed.audit) await run.auditCompleted();
  let revokedNow = false;
  if (owed.revoke) {
    const c = run.state.completion;
    revokedNow = await revokeOld(
      run.job,
      run.state,
      c?.revoke === "now" && c.revoke_reason ? c.revoke_reason : "the grace period ended",
      run.settings,
      run.ports,
      run.gen,
      run.reporter,
      run.notes,
    );
  }
  const revokeAt = revokedNow ? undefined : (run.job.revokeAt ?? undefined);
  const outcome = { ...run.outcome("rotated", undefined, revokeAt, revokedNow), finished: true };
  if (owed.tell) await run.tell(outcome, "secret.rotated");
  return outcome;
}
