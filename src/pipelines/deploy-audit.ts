import { type AuditOutcome, type AuditRecord, buildAuditRecord, renderSpoolSummary } from "../core/audit.js";
import { describeError } from "../core/errors.js";
import type { Reporter } from "../core/ports.js";
import { AuditStore } from "../store/audit.js";
import { writeCheckpoint } from "../store/checkpoints.js";
import { databaseUrlSecrets } from "../store/db.js";
import { recordAudit } from "../store/spool.js";
import { auditAction, type Ctx, type DeploySettings, type SurfaceSettings } from "./deploy-types.js";

/** The deploy's audit rows: what they hold, writing them (spooled when the database cannot take them), checkpoints. */

/** Values a surface's settings hold that must never be shown. */
export function surfaceSecrets(surface: SurfaceSettings): string[] {
  switch (surface.kind) {
    case "heroku":
      return [surface.apiKey, Buffer.from(`heroku:${surface.apiKey}`).toString("base64")];
    case "cloudflare-pages":
      return [surface.apiToken];
    case "command":
      return [];
  }
}

/** Every credential of the run, registered with the reporter before anything is logged. */
export function registerSecrets(settings: DeploySettings, reporter: Reporter): string[] {
  const secrets = [
    ...surfaceSecrets(settings.surface),
    ...databaseUrlSecrets(settings.audit.databaseUrl),
    settings.github?.token ?? "",
    settings.slack?.token ?? "",
    settings.slack?.webhookUrl ?? "",
    ...(settings.audit.signingKey ?? "").split(/\r?\n/).map((l) => l.trim()),
    settings.audit.signingKey ?? "",
  ].filter((s) => s.length >= 4);
  for (const s of secrets) reporter.secret(s);
  return secrets;
}

export function record(
  ctx: Ctx,
  kind: "deploy" | "rollback",
  phase: "started" | "completed",
  outcome: AuditOutcome | undefined,
  extra: { fromSha?: string; toSha?: string; context?: Record<string, unknown> } = {},
): AuditRecord {
  const { settings, state } = ctx;
  return buildAuditRecord({
    action: auditAction(kind, settings.environment),
    phase,
    outcome,
    actor: settings.actor,
    approvedBy: state.result.approvedBy,
    target: settings.app,
    fromSha: extra.fromSha ?? state.result.fromSha,
    toSha: extra.toSha ?? state.result.toSha,
    trigger: settings.trigger,
    environment: settings.environment,
    runUrl: settings.runUrl,
    runId: ctx.runId,
    runAttempt: ctx.runAttempt,
    context: {
      ...ctx.surface.auditContext,
      ...(settings.approval ? { approval_mode: settings.approval.mode } : {}),
      ...(settings.approval?.mode === "issue" && settings.approval.issue
        ? { approval_issue: settings.approval.issue }
        : {}),
      ...(kind === "deploy" && ctx.committedAt ? { committed_at: ctx.committedAt } : {}),
      ...(state.approvalEntries !== undefined ? { approval_entries: state.approvalEntries } : {}),
      ...(settings.runActor && settings.runActor !== settings.actor
        ? { run_started_by: settings.runActor }
        : {}),
      ...extra.context,
    },
    createdAt: ctx.clock.now(),
    secrets: ctx.secrets,
  });
}

/** Writes an outcome row; a record that cannot be written is spooled and shown (the caller fails the step). */
export async function writeOutcome(
  ctx: Ctx,
  store: Promise<AuditStore>,
  rec: AuditRecord,
): Promise<string | undefined> {
  const { reporter } = ctx.ports;
  const written = await recordAudit(store, rec, { spoolDir: ctx.settings.audit.spoolDir });
  if (!written.spooled) {
    reporter.info(
      `Audit row #${written.id}${written.duplicate ? " (already written)" : ""}: ${rec.action} ${rec.phase} ${rec.outcome ?? ""}`,
    );
    if (rec.phase === "completed") await checkpointAfter(ctx, await store, rec);
    return written.id;
  }
  ctx.state.result.auditSpooled = true;
  ctx.state.result.spoolFile ??= written.file;
  ctx.state.spoolSummaries.push(renderSpoolSummary(rec, written.file, written.reason));
  reporter.warning(
    `The ${rec.action} ${rec.phase} row could not be written (${written.reason}); ${written.file ? `spooled to ${written.file}` : "it is in the summary"}: write it later with 'prodgate audit replay --spool DIR'`,
  );
  return undefined;
}

/** After an outcome row: a signed checkpoint into the table, the summary and the log (or "not signed"). */
export async function checkpointAfter(ctx: Ctx, store: AuditStore, rec: AuditRecord): Promise<void> {
  try {
    const written = await writeCheckpoint(store, ctx.settings.audit.signingKey, {
      reason: rec.action.startsWith("rollback") ? "rollback" : "deploy",
      now: ctx.clock.now(),
    });
    ctx.ports.reporter.info(written.logLine);
    if (!ctx.state.spoolSummaries.includes(written.summary)) ctx.state.spoolSummaries.push(written.summary);
  } catch (err) {
    ctx.ports.reporter.warning(`the audit checkpoint could not be written: ${describeError(err)}`);
  }
}

export function openStore(settings: DeploySettings): Promise<AuditStore> {
  const opening = AuditStore.open(settings.audit.databaseUrl, {
    table: settings.audit.table,
    migrate: settings.audit.migrate ?? true,
  });
  opening.catch(() => {});
  return opening;
}

export async function closeStore(store: Promise<AuditStore>): Promise<void> {
  await store.then((s) => s.close()).catch(() => {});
}

/** A deploy refused before anything changed: a `rejected` row when the database can take it, a notice. */
