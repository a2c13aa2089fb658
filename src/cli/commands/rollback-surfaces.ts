import type { AuditOutcome, AuditRecord } from "../../core/audit.js";
import { describeError } from "../../core/errors.js";
import type { HealthSettings } from "../../core/health.js";
import { shortSha } from "../../core/heroku.js";
import { commitOf } from "../../core/pages.js";
import { commandRollbackShas, type SurfaceKind } from "../../core/surface.js";
import { runHealthCheck } from "../../pipelines/health-check.js";
import { notifySlack, type SlackTarget } from "../../pipelines/notify.js";
import { rollbackPages } from "../../pipelines/pages-rollback.js";
import { commandSurface } from "../../pipelines/surface-command.js";
import type { AuditStore } from "../../store/audit.js";
import { CloudflarePagesClient } from "../../vendors/cloudflare-pages.js";
import { type CliContext, EXIT, ExitError } from "../context.js";
import { paint } from "../terminal.js";
import type { RollbackCommandOptions, RollbackCommandResult } from "./rollback.js";

/**
 * `prodgate rollback` on the Pages and command surfaces (rollback.ts holds the command, its audit and the
 * Heroku path): each writes the completed row, tells Slack, and prints what changed.
 */

/** What rollbackCommand hands a surface's rollback: the target, the result to fill, the audit writers. */
export interface RollbackRun {
  app: string;
  result: RollbackCommandResult;
  audit: (record: AuditRecord) => Promise<string | undefined>;
  record: (
    phase: "started" | "completed",
    extra: {
      outcome?: AuditOutcome;
      fromSha?: string | null;
      toSha?: string | null;
      context?: Record<string, unknown>;
    },
  ) => AuditRecord;
  slack: SlackTarget | undefined;
  who: string;
  production: boolean;
}

/** A rollback that failed: the `deploy_failed` outcome row, Slack, exit 1. */
export async function rollbackFailed(
  opts: RollbackCommandOptions,
  run: RollbackRun,
  surface: SurfaceKind,
  error: string,
  ctx: CliContext,
  outcome: AuditOutcome = "deploy_failed",
  context: Record<string, unknown> = {},
): Promise<never> {
  const { app, result } = run;
  result.error = error;
  result.audit.completed = await run.audit(
    run.record("completed", { outcome, context: { error, ...context } }),
  );
  if (run.slack)
    await notifySlack(
      run.slack,
      {
        status: "failure",
        app,
        surface,
        environment: opts.environment,
        production: run.production,
        actor: run.who,
        detail: `Rollback failed: ${error}`,
      },
      { reporter: ctx.reporter },
    );
  throw new ExitError(`rollback of ${app} failed: ${error}`, EXIT.failed);
}

/** `prodgate rollback --surface cloudflare-pages`: production back to the previous (or named) deployment. */
export async function rollbackPagesCommand(
  ctx: CliContext,
  opts: RollbackCommandOptions,
  run: RollbackRun & { apiKey: string; accountId: string; deployment: string | undefined },
): Promise<RollbackCommandResult> {
  const { reporter } = ctx;
  const { app, result, audit, record, slack, who, production } = run;
  const client = new CloudflarePagesClient({
    apiToken: run.apiKey,
    accountId: run.accountId,
    baseUrl: ctx.env.CLOUDFLARE_API_URL || undefined,
    onRetry: (m) => reporter.warning(m),
  });
  let rolled: Awaited<ReturnType<typeof rollbackPages>>;
  try {
    rolled = await rollbackPages({ project: app, deployment: run.deployment }, { pages: client, reporter });
  } catch (err) {
    return await rollbackFailed(opts, run, "cloudflare-pages", describeError(err), ctx);
  }
  const line = (d: typeof rolled.before) => ({ version: d.short_id, commit: commitOf(d) ?? null });
  Object.assign(result, {
    ok: true,
    noop: rolled.noop,
    before: line(rolled.before),
    target: line(rolled.target),
    after: line(rolled.target),
    durationMs: rolled.durationMs,
    undo: rolled.noop
      ? undefined
      : `prodgate rollback --surface cloudflare-pages --app ${app} --deployment ${rolled.before.id}`,
  });
  result.audit.completed = await audit(
    record("completed", {
      outcome: "success",
      fromSha: commitOf(rolled.before),
      toSha: commitOf(rolled.target),
      context: {
        noop: rolled.noop,
        before_deployment: rolled.before.id,
        target_deployment: rolled.target.id,
      },
    }),
  );
  if (slack && !rolled.noop)
    await notifySlack(
      slack,
      {
        status: "rolled_back",
        app,
        surface: "cloudflare-pages",
        environment: opts.environment,
        production,
        actor: who,
        fromSha: commitOf(rolled.before),
        toSha: commitOf(rolled.target),
        detail: `prodgate rollback: production ${rolled.before.short_id} → ${rolled.target.short_id}`,
      },
      { reporter },
    );
  reporter.info(
    paint(
      rolled.noop
        ? `${app}: ${rolled.target.short_id} already serves production: nothing changed`
        : `↩ ${app} rolled back: production ${rolled.before.short_id} (${shortSha(commitOf(rolled.before) ?? null)}) → ${rolled.target.short_id} (${shortSha(commitOf(rolled.target) ?? null)}) in ${(rolled.durationMs / 1000).toFixed(1)} s`,
      "green",
      "bold",
    ),
  );
  reporter.info(`Audit: ${auditLine(result.audit)}`);
  if (result.undo) reporter.info(`To undo: ${result.undo}`);
  if (opts.json) ctx.json(result);
  return result;
}

/**
 * `prodgate rollback --surface command`: runs --rollback-command in this checkout as the deploy runs it after a
 * failed /health, with PRODGATE_FROM_SHA the SHA the newest successful deploy shipped (or what
 * --live-version-command prints) and PRODGATE_TO_SHA the one live before it (from the audit log), then probes
 * --health-url when given.
 */
export async function rollbackCommandSurface(
  ctx: CliContext,
  opts: RollbackCommandOptions,
  run: RollbackRun & {
    rollbackCommand: string;
    store: Promise<AuditStore> | undefined;
    health: HealthSettings | undefined;
    secrets: readonly string[];
  },
): Promise<RollbackCommandResult> {
  const { reporter } = ctx;
  const { app, result, audit, record, slack, who, production } = run;
  const startedAt = Date.now();
  const surface = commandSurface(
    app,
    {
      kind: "command",
      deployCommand: "",
      rollbackCommand: run.rollbackCommand,
      liveVersionCommand: opts.liveVersionCommand,
    },
    { reporter, cwd: process.cwd(), environment: opts.environment, env: ctx.env, secrets: run.secrets },
  );
  let shas: { from?: string; to?: string };
  let rolled: Awaited<ReturnType<typeof surface.rollBack>>;
  try {
    const live = opts.liveVersionCommand ? (await surface.inspect()).sha : undefined;
    const rows = run.store
      ? await (await run.store)
          .read({ target: app, action: `deploy.${opts.environment}`, phase: "completed" })
          .catch((err) => {
            reporter.warning(`cannot read the deploys of ${app} from the audit log: ${describeError(err)}`);
            return [];
          })
      : [];
    shas = commandRollbackShas(rows, live);
    if (!shas.to)
      reporter.warning(
        `no successful deploy of ${app} to ${opts.environment}${live ? ` that shipped ${shortSha(live)}` : ""} in the audit log: PRODGATE_TO_SHA is empty`,
      );
    rolled = await surface.rollBack(
      { alreadyLive: false, fromSha: shas.to, context: {} },
      { sha: shas.from ?? "", reason: "prodgate rollback" },
    );
  } catch (err) {
    return await rollbackFailed(opts, run, "command", describeError(err), ctx);
  }
  const version = (sha: string | undefined, label?: string) => ({
    version: label ?? (sha ? shortSha(sha) : "unknown"),
    commit: sha ?? null,
  });
  const health = run.health ? await runHealthCheck(run.health, { reporter }) : undefined;
  const facts = {
    rolled_back_to: rolled.to,
    ...rolled.context,
    ...(health ? { health_url: health.url, healthy: health.healthy } : {}),
  };
  if (health && !health.healthy)
    return await rollbackFailed(
      opts,
      run,
      "command",
      `rollback-command ran, but ${health.url} is unhealthy: ${health.lastReason}`,
      ctx,
      "health_check_failed",
      facts,
    );
  Object.assign(result, {
    ok: true,
    before: version(shas.from),
    target: version(shas.to),
    after: version(rolled.toSha, rolled.toSha ? undefined : rolled.to),
    durationMs: Date.now() - startedAt,
  });
  result.audit.completed = await audit(
    record("completed", { outcome: "success", fromSha: shas.from, toSha: rolled.toSha, context: facts }),
  );
  if (slack)
    await notifySlack(
      slack,
      {
        status: "rolled_back",
        app,
        surface: "command",
        environment: opts.environment,
        production,
        actor: who,
        fromSha: shas.from,
        toSha: rolled.toSha,
        detail: `prodgate rollback: rollback-command, ${shortSha(shas.from ?? null)} → ${rolled.to}`,
      },
      { reporter },
    );
  reporter.info(
    paint(
      `↩ ${app} rolled back by rollback-command: ${shortSha(shas.from ?? null)} → ${rolled.to}${health ? ", healthy" : ""} in ${((result.durationMs ?? 0) / 1000).toFixed(1)} s`,
      "green",
      "bold",
    ),
  );
  reporter.info(`Audit: ${auditLine(result.audit)}`);
  if (opts.json) ctx.json(result);
  return result;
}

export function auditLine(audit: RollbackCommandResult["audit"]): string {
  const parts = [];
  if (audit.started) parts.push(`started #${audit.started}`);
  if (audit.completed) parts.push(`completed #${audit.completed}`);
  if (audit.spooled.length) parts.push(`${audit.spooled.length} record(s) spooled`);
  return parts.join(", ") || "not written";
}
