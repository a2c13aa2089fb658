import { randomUUID } from "node:crypto";
import { AUDIT_REFUSED } from "../core/audit.js";
import { DeployPath, type DeployState, describePath } from "../core/deploy.js";
import { AuditError, describeError, InputError, ProdgateError } from "../core/errors.js";
import { isProduction } from "../core/gate.js";
import { buildReport, type HealthAttempt, type HealthReport, type HealthSettings } from "../core/health.js";
import { shortSha } from "../core/heroku.js";
import { systemClock } from "../core/ports.js";
import { sameSha } from "../core/preview.js";
import { LockTimeoutError, withAppLock } from "../store/lock.js";
import { recordAudit } from "../store/spool.js";
import { GitHubClient } from "../vendors/github.js";
import { LocalRepo } from "../vendors/heroku-git.js";
import { verifyCiApproval } from "./deploy-approval.js";
import { closeStore, openStore, record, registerSecrets, writeOutcome } from "./deploy-audit.js";
import { finish, notifyOutcome, notifyStarted } from "./deploy-notify.js";
import {
  auditAction,
  type Ctx,
  type DeployPorts,
  type DeployResult,
  type DeploySettings,
  type RunState,
} from "./deploy-types.js";
import { recordLiveDeployment } from "./deployment-record.js";
import { runHealthCheck } from "./health-check.js";
import type { DeploySurface, SurfaceShipped } from "./surface.js";
import { herokuSurface } from "./surface-heroku.js";

/**
 * The gated deploy of seed 002 §5 and §6, shared by the root action and the break-glass CLI, over any surface
 * (surface.ts): resolve the target → gate checks → the target's lock → audit `started` (fail closed: no row,
 * no push) → Slack `started` and the GitHub deployment `in_progress` → ship → /health → on failure, roll back
 * when configured → audit the outcome → Slack update, deployment status, sticky comment → release the lock →
 * summary. Every way out after the lock releases it and leaves an outcome; notifications never fail the deploy.
 */

export * from "./deploy-types.js";
export { defaultHealthUrl } from "./surface-heroku.js";

/**
 * Opens the surface the settings name (no call is made yet). Pages and command adapters load only when named:
 * a Heroku deploy starts without the Pages uploader.
 */
export async function openSurface(
  settings: DeploySettings,
  deps: Pick<DeployPorts, "reporter" | "clock" | "heroku"> & { secrets?: readonly string[] },
): Promise<DeploySurface> {
  const clock = deps.clock ?? systemClock;
  const { reporter } = deps;
  const s = settings.surface;
  switch (s.kind) {
    case "heroku":
      return herokuSurface(settings.app, s, { reporter, clock, cwd: settings.cwd, heroku: deps.heroku });
    case "cloudflare-pages": {
      const { pagesSurface } = await import("./surface-pages.js");
      return pagesSurface(settings.app, s, { reporter, clock, cwd: settings.cwd });
    }
    case "command": {
      const { commandSurface } = await import("./surface-command.js");
      return commandSurface(settings.app, s, {
        reporter,
        cwd: settings.cwd,
        environment: settings.environment,
        secrets: deps.secrets,
      });
    }
  }
}

export async function runDeploy(settings: DeploySettings, ports: DeployPorts): Promise<DeployResult> {
  const { reporter } = ports;
  const clock = ports.clock ?? systemClock;
  const startedAt = clock.now().getTime();
  const secrets = registerSecrets(settings, reporter);
  const runId = settings.runId?.trim() || `local-${randomUUID()}`;
  const runAttempt = settings.runAttempt ?? 1;
  const production = isProduction(settings.environment, settings.productionEnvironments);
  const { app, environment } = settings;

  // No smoke check, no deploy (P5): a surface without a default health URL is refused before it is touched.
  const surface =
    ports.surface ?? (await openSurface(settings, { reporter, clock, heroku: ports.heroku, secrets }));
  if (!settings.health.url && surface.requiresHealthUrl)
    throw new InputError(
      "health-url",
      `is required for surface ${surface.kind}: no deploy without a smoke check, and it has no URL of its own`,
    );
  const github = settings.github
    ? new GitHubClient({
        token: settings.github.token,
        repository: settings.github.repository,
        baseUrl: settings.github.baseUrl,
        clock,
        onRetry: ({ attempt, waitMs, reason, what }) =>
          reporter.info(
            `GitHub answered ${reason} for ${what}; retry ${attempt} in ${Math.round(waitMs)} ms`,
          ),
      })
    : undefined;
  const repo = new LocalRepo(settings.cwd, (m) => reporter.info(m));

  // Resolve the target: what ships, where, what runs there now.
  const toSha = await repo.resolveCommit("ref", settings.ref);
  const committedAt = await repo.commitTime(toSha);
  const live = await surface.inspect();
  const healthUrl =
    settings.health.url ??
    live.healthUrl ??
    (() => {
      throw new InputError("health-url", "is required: the app has no web URL to probe /health on");
    })();
  const health: HealthSettings = { ...settings.health, url: healthUrl };

  const state: RunState = {
    path: new DeployPath(),
    result: {
      outcome: "rejected",
      surface: surface.kind,
      auditIds: {},
      auditSpooled: false,
      toSha,
      fromSha: live.sha,
      appUrl: live.url,
      interrupted: false,
      durationMs: 0,
    },
    notices: [],
    spoolSummaries: [],
  };
  const go = (s: DeployState) => {
    state.path.go(s);
    ports.onState?.(s);
  };
  const ctx: Ctx = {
    settings,
    ports,
    clock,
    startedAt,
    secrets,
    runId,
    runAttempt,
    production,
    ...(committedAt ? { committedAt } : {}),
    github,
    surface,
    state,
    go,
  };
  reporter.info(
    `Deploy ${shortSha(toSha)} to ${app} (${environment}${production ? ", PRODUCTION" : ""}); live now: ${live.sha ? shortSha(live.sha) : "nothing"}`,
  );

  // Gate checks.
  go("gate_checks");
  try {
    if (settings.trigger === "ci") {
      const approval = await verifyCiApproval(ctx);
      if (approval) {
        state.result.approvedBy = approval.approvedBy.join(", ") || undefined;
        state.approvalEntries = approval.approvalEntries;
        state.notices.push(...approval.warnings);
      }
    } else state.result.approvedBy = settings.confirmedBy;
  } catch (err) {
    if (err instanceof AuditError) return refuse(ctx, err.message, { writeRow: false });
    return refuse(ctx, describeError(err), { writeRow: true });
  }

  // The app's lock, then everything that changes production.
  try {
    return await withAppLock(
      settings.audit.databaseUrl,
      app,
      async (lockSignal) => {
        ctx.lockSignal = lockSignal;
        lockSignal.addEventListener(
          "abort",
          () =>
            reporter.warning(
              `${describeError(lockSignal.reason)}${state.pushed ? "; the push had begun, so the deploy goes on" : "; nothing will be pushed"}`,
            ),
          { once: true },
        );
        go("locked");
        return await deployLocked(ctx, health);
      },
      { waitMs: settings.lockWaitMs, table: settings.audit.table },
    );
  } catch (err) {
    if (state.path.current !== "gate_checks") throw err;
    if (err instanceof LockTimeoutError) return refuse(ctx, err.message, { writeRow: true });
    // The lock lives in the audit database: if it cannot be reached, neither can the audit log.
    return refuse(ctx, `${AUDIT_REFUSED} (${describeError(err)})`, { writeRow: false });
  }
}

async function refuse(ctx: Ctx, reason: string, opts: { writeRow: boolean }): Promise<DeployResult> {
  const { state, ports } = ctx;
  ports.reporter.info(`Deploy refused: ${reason}`);
  state.result.outcome = "rejected";
  state.result.reason = reason;
  ctx.go("refused");
  if (opts.writeRow) {
    const store = openStore(ctx.settings);
    try {
      state.result.auditIds.completed = await writeOutcome(
        ctx,
        store,
        record(ctx, "deploy", "completed", "rejected", { context: { refused: reason } }),
      );
    } finally {
      await closeStore(store);
    }
  }
  await notifyOutcome(ctx, "rejected", `Refused: ${reason}`);
  ctx.go("done");
  return finish(ctx);
}

async function deployLocked(ctx: Ctx, health: HealthSettings): Promise<DeployResult> {
  const { settings, ports, state, go } = ctx;
  const { reporter } = ports;
  const { result } = state;
  if (settings.previewedFromSha !== undefined) {
    // What ships is what the approvers saw: the live SHA, read again now with the deploy key, under the lock.
    const saw = settings.previewedFromSha;
    const live = await ctx.surface.liveSha();
    const same = saw === "" ? !live : Boolean(live && sameSha(live, saw));
    if (!same)
      return refuse(
        ctx,
        `${settings.app} runs ${live ? shortSha(live) : "nothing"} now, but the approvers saw a diff from ${saw ? shortSha(saw) : "nothing live"}: something shipped in between, so this is not the change they approved. Nothing was pushed; run the deploy again for a fresh preview.`,
        { writeRow: true },
      );
    state.result.fromSha = live ?? undefined;
    ports.reporter.info(
      `The live SHA matches what the approvers saw (${live ? shortSha(live) : "nothing live"})`,
    );
  } else if (settings.trigger === "ci")
    ctx.state.notices.push(
      "The live SHA was not compared with the preview's: no previewed-from-sha was given.",
    );
  const store = openStore(settings);
  try {
    // Audit `started`: fail closed.
    try {
      const started = await recordAudit(store, record(ctx, "deploy", "started", undefined), {
        spoolDir: settings.audit.spoolDir,
      });
      if (!started.spooled) result.auditIds.started = started.id;
      reporter.info(
        `Audit row #${result.auditIds.started}: ${auditAction("deploy", settings.environment)} started`,
      );
    } catch (err) {
      const reason = err instanceof AuditError ? err.message : `${AUDIT_REFUSED} (${describeError(err)})`;
      reporter.info(`${reason}: nothing was pushed`);
      go("audit_refused");
      result.outcome = "rejected";
      result.reason = reason;
      await notifyOutcome(ctx, "rejected", `${reason}; nothing was pushed`);
      go("done");
      return finish(ctx);
    }
    go("audit_started");
    await notifyStarted(ctx);

    // Push.
    go("deploying");
    let shipped: SurfaceShipped;
    try {
      ports.signal?.throwIfAborted();
      if (ctx.lockSignal?.aborted)
        throw new LockLostError(
          `${describeError(ctx.lockSignal.reason)} before the push: nothing was pushed`,
        );
      state.pushed = true;
      shipped = await ctx.surface.ship(result.toSha, { signal: ports.signal });
    } catch (err) {
      const reason = ports.signal?.aborted
        ? "interrupted before the push: nothing was pushed"
        : describeError(err);
      const lockLost = err instanceof LockLostError;
      result.interrupted = Boolean(ports.signal?.aborted);
      go("deploy_failed");
      result.outcome = "deploy_failed";
      result.reason = reason;
      reporter.info(`Deploy failed: ${reason}`);
      result.auditIds.completed = await writeOutcome(
        ctx,
        store,
        record(ctx, "deploy", "completed", "deploy_failed", {
          context: { error: reason, ...(lockLost ? { lock_lost: true, pushed: false } : {}) },
        }),
      );
      go("audited");
      await notifyOutcome(ctx, "failure", reason);
      go("done");
      return finish(ctx);
    }
    result.release = shipped.release;
    result.releaseId = shipped.releaseId;
    result.previousRelease = shipped.previousRelease;
    result.previousReleaseId = shipped.previousReleaseId;
    result.fromSha = shipped.fromSha ?? result.fromSha;
    if (shipped.url) result.appUrl = shipped.url;

    // Health.
    go("health_check");
    const attempts: HealthAttempt[] = [];
    let report: HealthReport;
    try {
      report = await runHealthCheck(health, {
        reporter,
        clock: ctx.clock,
        signal: ports.signal,
        onAttempt: (a, total) => {
          attempts.push(a);
          ports.onHealthAttempt?.(a, total);
        },
      });
    } catch (err) {
      if (!ports.signal?.aborted) throw err;
      result.interrupted = true;
      report = buildReport(health, attempts);
      report.healthy = false;
      report.lastReason = `interrupted after ${attempts.length} attempt(s)`;
    }
    result.health = report;
    const releaseContext = {
      ...shipped.context,
      health: {
        url: report.url,
        healthy: report.healthy,
        attempts: report.attempts.length,
        last_status: report.lastStatus,
        last_reason: report.lastReason,
      },
    };

    if (report.healthy) {
      go("healthy");
      result.outcome = "success";
      result.auditIds.completed = await writeOutcome(
        ctx,
        store,
        record(ctx, "deploy", "completed", "success", { context: releaseContext }),
      );
      go("audited");
      await notifyOutcome(ctx, "success", `${result.release ?? shortSha(result.toSha)} is live and healthy`);
      go("done");
      return finish(ctx);
    }

    go("health_failed");
    result.outcome = "health_check_failed";
    result.reason = `${report.url} is unhealthy after ${report.attempts.length} attempt(s): ${report.lastReason}`;
    reporter.info(result.reason);
    result.auditIds.completed = await writeOutcome(
      ctx,
      store,
      record(ctx, "deploy", "completed", "health_check_failed", {
        context: { ...releaseContext, rollback_on_failure: settings.rollbackOnFailure },
      }),
    );
    const canRollBack = settings.rollbackOnFailure && !result.interrupted && !shipped.noRollback;
    if (!canRollBack) {
      if (settings.rollbackOnFailure && !result.interrupted && shipped.noRollback)
        reporter.warning(shipped.noRollback);
      go("audited");
      await notifyOutcome(ctx, "failure", result.reason);
      go("done");
      return finish(ctx);
    }

    go("rolling_back");
    try {
      const rb = await ctx.surface.rollBack(shipped, { sha: result.toSha, reason: result.reason });
      go("rolled_back");
      result.outcome = "rolled_back";
      result.rolledBackTo = rb.to;
      if (ctx.github && rb.toSha)
        await recordLiveDeployment(
          ctx.github,
          {
            sha: rb.toSha,
            environment: settings.environment,
            app: settings.app,
            production: ctx.production,
            logUrl: settings.runUrl,
            description: `Rolled back to ${result.rolledBackTo}`,
          },
          reporter,
        );
      result.auditIds.rollback = await writeOutcome(
        ctx,
        store,
        record(ctx, "rollback", "completed", "rolled_back", {
          fromSha: result.toSha,
          toSha: rb.toSha ?? result.fromSha,
          context: {
            reason: result.reason,
            rolled_back_to: result.rolledBackTo,
            ...rb.context,
            automatic: true,
          },
        }),
      );
      go("audited");
      await notifyOutcome(
        ctx,
        "rolled_back",
        `${result.reason}; rolled back to ${result.rolledBackTo}${rb.release ? ` (${rb.release})` : ""}`,
      );
    } catch (err) {
      const why = describeError(err);
      go("rollback_failed");
      reporter.error(`The automatic rollback failed: ${why}`);
      state.notices.push(`The automatic rollback failed: ${why}. Roll back by hand (below).`);
      go("audited");
      await notifyOutcome(ctx, "failure", `${result.reason}; the automatic rollback failed: ${why}`);
    }
    go("done");
    return finish(ctx);
  } catch (err) {
    // Something unforeseen after the started row: the outcome is still written, the lock still released.
    const reason = describeError(err);
    result.outcome = "deploy_failed";
    result.reason = reason;
    reporter.info(`Deploy failed: ${reason}`);
    if (result.auditIds.started && !result.auditIds.completed)
      result.auditIds.completed = await writeOutcome(
        ctx,
        store,
        record(ctx, "deploy", "completed", "deploy_failed", { context: { error: reason } }),
      ).catch(() => undefined);
    state.notices.push(`Stopped at '${describePath([state.path.current])}': ${reason}`);
    await notifyOutcome(ctx, "failure", reason).catch(() => {});
    return finish(ctx);
  } finally {
    await closeStore(store);
  }
}

/** The app lock's connection dropped before the push began. */
class LockLostError extends ProdgateError {
  override name = "LockLostError";
}
