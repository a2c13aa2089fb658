import { describeError } from "../core/errors.js";
import type { Clock, Reporter } from "../core/ports.js";
import {
  readState,
  revokeDecision,
  revokedSlack,
  revokeWarningSlack,
  serializeState,
  webhookBody,
} from "../core/rotation-executor.js";
import type { Inventory } from "../core/secret-inventory.js";
import { type AuditFacts, type ExecutorPorts, revokeOld } from "./rotation-executor.js";

/**
 * The time-based half of the rotation executor (seed 004's trigger), run by every rotation sweep: the old
 * credential of a rotated secret is revoked by the first sweep after its grace period ended, and the sweep
 * that runs in the last hour before warns Slack once.
 */

export interface RevokeRecord {
  secret: string;
  job_id: string;
  outcome: "revoked" | "warned" | "failed";
  revoke_at: string;
  detail?: string;
}

export async function revokeDue(
  inventory: Inventory,
  facts: AuditFacts,
  ports: ExecutorPorts,
  clock: Clock,
  reporter: Reporter,
  notes: string[],
): Promise<RevokeRecord[]> {
  const out: RevokeRecord[] = [];
  const now = clock.now();
  for (const job of await ports.jobs.pendingRevokes()) {
    const state = readState(job.steps);
    const secret = inventory.secrets.find((s) => s.name === job.secretName);
    if (!state || !job.revokeAt) continue;
    const base = { secret: job.secretName, job_id: job.id, revoke_at: job.revokeAt.toISOString() };
    if (!secret?.rotate) {
      notes.push(
        `${job.secretName}: job ${job.id} has an old credential to revoke, but the inventory no longer rotates it`,
      );
      continue;
    }
    const decision = revokeDecision(job.revokeAt, state, now);
    if (decision === "wait") continue;
    if (decision === "warn") {
      state.revoke_warned_at = now.toISOString();
      await ports.jobs.progress(job.id, { steps: serializeState(state) });
      if (ports.notify)
        await ports.notify
          .post(revokeWarningSlack(job.secretName, job.id, job.revokeAt))
          .catch((err) => notes.push(`Slack was not warned about ${job.secretName}: ${describeError(err)}`));
      reporter.info(`${job.secretName}: the old credential of job ${job.id} is revoked at ${base.revoke_at}`);
      out.push({ ...base, outcome: "warned" });
      continue;
    }
    const lock = await ports.lock.tryLock(job.secretName);
    if (!lock) continue; // a rotation of it is running: the next sweep revokes
    try {
      const ok = await revokeOld(
        job,
        state,
        "the grace period ended",
        facts,
        { ...ports, clock },
        ports.generator(secret),
        reporter,
        notes,
      );
      out.push({ ...base, outcome: ok ? "revoked" : "failed" });
      if (!ok) continue;
      if (ports.notify) await ports.notify.post(revokedSlack(job.secretName, job.id)).catch(() => {});
      if (ports.webhooks)
        for (const url of secret.rotate.notify)
          await ports.webhooks
            .send(
              url,
              webhookBody({
                event: "secret.revoked",
                secret: job.secretName,
                jobId: job.id,
                revokeAt: base.revoke_at,
                compromised: state.compromised,
                at: clock.now(),
              }),
            )
            .catch((err) => notes.push(`webhook ${new URL(url).host} was not told: ${describeError(err)}`));
    } finally {
      await lock.release();
    }
  }
  return out;
}
