import { randomUUID } from "node:crypto";
import { homedir } from "node:os";
import { join } from "node:path";
import type { Command } from "commander";
import { type AuditOutcome, type AuditRecord, buildAuditRecord } from "../../core/audit.js";
import { parseSigningKey } from "../../core/audit-checkpoint.js";
import { rollbackCommands } from "../../core/deploy.js";
import { describeError, InputError } from "../../core/errors.js";
import { isProduction } from "../../core/gate.js";
import type { HealthSettings } from "../../core/health.js";
import { parseHealthInputs } from "../../core/health-inputs.js";
import { label, parseReleaseRef, shortSha } from "../../core/heroku.js";
import { parseHerokuApp, parseList } from "../../core/inputs.js";
import { parseAccountId, parseDeploymentRef, parsePagesProject } from "../../core/pages.js";
import { parseCommandTarget, parseSurface, type SurfaceKind } from "../../core/surface.js";
import { notifySlack, type SlackTarget } from "../../pipelines/notify.js";
import { type RollbackResult, runRollback } from "../../pipelines/rollback.js";
import { AuditStore } from "../../store/audit.js";
import { writeCheckpoint } from "../../store/checkpoints.js";
import { databaseUrlSecrets } from "../../store/db.js";
import { spoolRecord } from "../../store/spool.js";
import { HerokuClient } from "../../vendors/heroku.js";
import { type CliContext, envSecret } from "../context.js";
import { type Actor, resolveActor } from "../prompt.js";
import { paint } from "../terminal.js";
import {
  auditLine,
  rollbackCommandSurface,
  rollbackFailed,
  rollbackPagesCommand,
} from "./rollback-surfaces.js";

/** Where audit records that cannot be written are kept: --spool-dir, PRODGATE_SPOOL_DIR, ~/.prodgate/spool. */
export function spoolDirOf(ctx: CliContext, flag: string | undefined): string {
  return flag || ctx.env.PRODGATE_SPOOL_DIR || join(homedir(), ".prodgate", "spool");
}

/** DATABASE_URL (and its password) registered as secrets; undefined when unset. */
export function databaseUrlOf(ctx: CliContext, required: boolean): string | undefined {
  const url = envSecret(ctx, "DATABASE_URL", required);
  if (url) for (const s of databaseUrlSecrets(url)) ctx.reporter.secret(s);
  return url;
}

/**
 * Slack from the environment: SLACK_BOT_TOKEN with --slack-channel (or PRODGATE_SLACK_CHANNEL), or
 * SLACK_WEBHOOK_URL; SLACK_API_URL overrides the Web API base. Undefined when none is set.
 */
export function slackTargetOf(ctx: CliContext, channelFlag: string | undefined): SlackTarget | undefined {
  const token = envSecret(ctx, "SLACK_BOT_TOKEN", false);
  const webhookUrl = envSecret(ctx, "SLACK_WEBHOOK_URL", false);
  const channel = channelFlag || ctx.env.PRODGATE_SLACK_CHANNEL || undefined;
  if (!token && !webhookUrl) return undefined;
  if (token && !channel && !webhookUrl) {
    ctx.reporter.warning(
      "SLACK_BOT_TOKEN is set but no channel: pass --slack-channel (or PRODGATE_SLACK_CHANNEL); Slack is skipped",
    );
    return undefined;
  }
  return { token, channel, webhookUrl, baseUrl: ctx.env.SLACK_API_URL || undefined };
}

export interface RollbackCommandOptions {
  surface?: string;
  app: string;
  /** cloudflare-pages: the deployment to roll back to (default: the previous production one). */
  deployment?: string;
  /** cloudflare-pages: the account (default CLOUDFLARE_ACCOUNT_ID). */
  accountId?: string;
  /** command: what rolls back (bash, in this checkout); required with --surface command. */
  rollbackCommand?: string;
  /** command: prints what is live, ideally a SHA (PRODGATE_FROM_SHA, and what serves afterwards). */
  liveVersionCommand?: string;
  /** command: probed after the rollback command, when given. */
  healthUrl?: string;
  healthAttempts?: string;
  healthInterval?: string;
  healthTimeout?: string;
  healthExpectStatus?: string;
  release?: string;
  environment: string;
  productionEnvironments?: string;
  actor?: string;
  slackChannel?: string;
  spoolDir?: string;
  auditTable?: string;
  json?: boolean;
}

export interface RollbackCommandResult {
  app: string;
  environment: string;
  ok: boolean;
  actor: string;
  noop?: boolean;
  surface?: SurfaceKind;
  /** A Heroku release version, or a Pages deployment's short id. */
  before?: { version: number | string; commit: string | null };
  target?: { version: number | string; commit: string | null };
  after?: { version: number | string; commit: string | null };
  durationMs?: number;
  error?: string;
  audit: { started?: string; completed?: string; spooled: string[] };
  undo?: string;
}

/**
 * The kill switch: rolls the app back through the Platform API (runRollback), audited. It is never gated: no
 * prompt, no lock, and an audit database that cannot be reached does not stop it (the records are spooled
 * for `prodgate audit replay` instead, and the command says so).
 */
export async function rollbackCommand(
  ctx: CliContext,
  opts: RollbackCommandOptions,
): Promise<RollbackCommandResult> {
  const { reporter } = ctx;
  const surface = parseSurface("--surface", opts.surface);
  const pages = surface === "cloudflare-pages";
  const command = surface === "command";
  const app = pages
    ? parsePagesProject("--app", opts.app)
    : command
      ? parseCommandTarget("--app", opts.app)
      : parseHerokuApp("--app", opts.app);
  const rollbackScript = command ? parseRollbackScript(opts.rollbackCommand) : "";
  const health = command && opts.healthUrl ? parseRollbackHealth(opts) : undefined;
  const release =
    pages || command ? { kind: "previous" as const } : parseReleaseRef("--release", opts.release ?? "");
  const deployment = pages ? parseDeploymentRef("--deployment", opts.deployment ?? "") : undefined;
  const apiKey = command
    ? ""
    : (envSecret(ctx, pages ? "CLOUDFLARE_API_TOKEN" : "HEROKU_API_KEY", true) ?? "");
  const accountId = pages
    ? parseAccountId(
        "--account-id (or CLOUDFLARE_ACCOUNT_ID)",
        opts.accountId || ctx.env.CLOUDFLARE_ACCOUNT_ID || "",
      )
    : "";
  const databaseUrl = databaseUrlOf(ctx, false);
  const slack = slackTargetOf(ctx, opts.slackChannel);
  const spoolDir = spoolDirOf(ctx, opts.spoolDir);
  // A key that does not parse never stops a rollback: the checkpoint is skipped, with a warning.
  let signingKey = envSecret(ctx, "PRODGATE_AUDIT_SIGNING_KEY", false);
  try {
    if (signingKey) parseSigningKey("PRODGATE_AUDIT_SIGNING_KEY", signingKey);
  } catch (err) {
    reporter.warning(`${describeError(err)}: the audit checkpoint will not be signed`);
    signingKey = undefined;
  }
  let actor: Actor | undefined;
  try {
    actor = await resolveActor(opts.actor, ctx.env, process.cwd());
  } catch (err) {
    reporter.warning(
      `${describeError(err).replace(/^refused: /, "")}; the rollback goes on (it is never gated)`,
    );
  }
  const who = actor?.email ?? "unknown";
  const runId = `local-${randomUUID()}`;
  const secrets = [apiKey, ...(databaseUrl ? databaseUrlSecrets(databaseUrl) : [])].filter(Boolean);
  const action = `rollback.${opts.environment}`;
  const production = isProduction(opts.environment, parseList(opts.productionEnvironments ?? "production"));

  const result: RollbackCommandResult = {
    app,
    surface,
    environment: opts.environment,
    ok: false,
    actor: who,
    audit: { spooled: [] },
  };
  const store = databaseUrl
    ? AuditStore.open(databaseUrl, { table: opts.auditTable, retry: { retries: 2 } })
    : undefined;
  store?.catch(() => {});
  if (!databaseUrl)
    reporter.warning(
      `DATABASE_URL is not set: the audit records go to ${spoolDir}; write them later with prodgate audit replay`,
    );

  const audit = async (record: AuditRecord): Promise<string | undefined> => {
    if (store) {
      try {
        const written = await (await store).write(record);
        if (record.phase === "completed") {
          const checkpoint = await writeCheckpoint(await store, signingKey, { reason: "rollback" }).catch(
            (err) => {
              reporter.warning(`the audit checkpoint could not be written: ${describeError(err)}`);
              return undefined;
            },
          );
          if (checkpoint) reporter.info(checkpoint.logLine);
        }
        return written.id;
      } catch (err) {
        reporter.warning(`cannot write the ${record.phase} audit row: ${describeError(err)}`);
      }
    }
    try {
      const file = await spoolRecord(spoolDir, record);
      result.audit.spooled.push(file);
      reporter.warning(
        `audit record spooled to ${file}: write it with DATABASE_URL=... prodgate audit replay --spool ${spoolDir}`,
      );
    } catch (err) {
      reporter.error(
        `cannot spool the audit record either (${describeError(err)}); the record: ${JSON.stringify(record)}`,
      );
    }
    return undefined;
  };
  const record = (
    phase: "started" | "completed",
    extra: {
      outcome?: AuditOutcome;
      fromSha?: string | null;
      toSha?: string | null;
      context?: Record<string, unknown>;
    },
  ) =>
    buildAuditRecord({
      action,
      phase,
      outcome: extra.outcome,
      actor: who,
      target: app,
      fromSha: extra.fromSha ?? undefined,
      toSha: extra.toSha ?? undefined,
      trigger: "local-script",
      environment: opts.environment,
      runId,
      context: {
        command: "prodgate rollback",
        ...(pages
          ? { surface, deployment: deployment ?? "previous" }
          : command
            ? { surface }
            : { release: opts.release || "previous" }),
        actor_source: actor?.source ?? "none",
        ...extra.context,
      },
      createdAt: new Date(),
      secrets,
    });

  try {
    result.audit.started = await audit(record("started", {}));
    const run = { app, result, audit, record, slack, who, production };
    if (pages) return await rollbackPagesCommand(ctx, opts, { ...run, apiKey, accountId, deployment });
    if (command)
      return await rollbackCommandSurface(ctx, opts, {
        ...run,
        rollbackCommand: rollbackScript,
        store,
        health,
        secrets,
      });
    const heroku = new HerokuClient({
      apiKey,
      baseUrl: ctx.env.HEROKU_API_URL,
      onRetry: (m) => reporter.warning(m),
    });
    let rolled: RollbackResult;
    try {
      rolled = await runRollback({ app, release }, { heroku, reporter });
    } catch (err) {
      return await rollbackFailed(opts, run, "heroku", describeError(err), ctx);
    }
    const line = (l: RollbackResult["before"]) => ({ version: l.release.version, commit: l.commit ?? null });
    Object.assign(result, {
      ok: true,
      noop: rolled.noop,
      before: line(rolled.before),
      target: line(rolled.target),
      after: line(rolled.after),
      durationMs: rolled.durationMs,
      undo: rolled.noop
        ? undefined
        : `prodgate rollback --app ${app} --release ${label(rolled.before.release)}`,
    });
    result.audit.completed = await audit(
      record("completed", {
        outcome: "success",
        fromSha: rolled.before.commit,
        toSha: rolled.after.commit,
        context: {
          noop: rolled.noop,
          before_release: label(rolled.before.release),
          target_release: label(rolled.target.release),
          after_release: label(rolled.after.release),
        },
      }),
    );
    if (slack && !rolled.noop)
      await notifySlack(
        slack,
        {
          status: "rolled_back",
          app,
          environment: opts.environment,
          production,
          actor: who,
          fromSha: rolled.before.commit ?? undefined,
          toSha: rolled.after.commit ?? undefined,
          detail: `prodgate rollback: ${label(rolled.before.release)} → ${label(rolled.after.release)} (Rollback to ${label(rolled.target.release)})`,
        },
        { reporter },
      );
    reporter.info(
      paint(
        rolled.noop
          ? `${app} already runs ${label(rolled.target.release)}: nothing changed`
          : `↩ ${app} rolled back: ${label(rolled.before.release)} (${shortSha(rolled.before.commit)}) → ${label(rolled.after.release)} running ${label(rolled.target.release)}'s code (${shortSha(rolled.after.commit)}) in ${(rolled.durationMs / 1000).toFixed(1)} s`,
        "green",
        "bold",
      ),
    );
    reporter.info(`Audit: ${auditLine(result.audit)}`);
    if (result.undo) reporter.info(`To undo: ${result.undo}`);
    if (opts.json) ctx.json(result);
    return result;
  } catch (err) {
    if (opts.json && !result.ok) {
      result.error ??= describeError(err);
      ctx.json(result);
    }
    throw err;
  } finally {
    if (store) await (await store.catch(() => undefined))?.close();
  }
}

/** --rollback-command: required with --surface command, checked before anything runs. */
function parseRollbackScript(raw: string | undefined): string {
  const script = raw?.trim() ?? "";
  if (!script)
    throw new InputError(
      "--rollback-command",
      "is required with --surface command: what rolls the target back (bash, run in this checkout with PRODGATE_APP, PRODGATE_ENVIRONMENT, PRODGATE_FROM_SHA and PRODGATE_TO_SHA set)",
    );
  return script;
}

/** --health-url and its --health-* flags, named as the deploy names them. */
function parseRollbackHealth(opts: RollbackCommandOptions): HealthSettings {
  const flags: Record<string, string | undefined> = {
    url: opts.healthUrl,
    attempts: opts.healthAttempts,
    interval: opts.healthInterval,
    timeout: opts.healthTimeout,
    "expect-status": opts.healthExpectStatus,
  };
  const { failOnUnhealthy: _unused, ...health } = parseHealthInputs((name) => {
    const flag = name.replace(/^--health-/, "");
    return flags[flag] ?? "";
  }, "--health-");
  return health;
}

export function registerRollback(program: Command, ctx: CliContext): void {
  program
    .command("rollback")
    .description(
      "The kill switch: roll a Heroku app back to its previous release (or --release vN), a Pages project to its previous production deployment, or a command surface with its rollback command, audited",
    )
    .option("--surface <kind>", "heroku, cloudflare-pages or command", "heroku")
    .requiredOption("--app <name>", "the Heroku app, the Pages project, or the name of a command surface")
    .option(
      "--deployment <id>",
      "cloudflare-pages: the deployment to roll back to (default: the previous one)",
    )
    .option("--account-id <id>", "cloudflare-pages: the Cloudflare account (default CLOUDFLARE_ACCOUNT_ID)")
    .option("--rollback-command <script>", "command: what rolls back (bash, in this checkout; required)")
    .option("--live-version-command <script>", "command: prints what is live, ideally a SHA")
    .option("--health-url <url>", "command: probed after the rollback command")
    .option("--health-attempts <n>", "command: health attempts before giving up", "5")
    .option("--health-interval <duration>", "command: wait between health attempts", "10s")
    .option("--health-timeout <duration>", "command: time limit of each health attempt", "5s")
    .option("--health-expect-status <codes>", "command: healthy statuses (200, 200,204, 2xx)", "200")
    .option(
      "--release <vN>",
      "the release to roll back to: v41, 41 or a release id (default: the previous one)",
    )
    .option("--environment <name>", "the environment the app serves (names the audit action)", "production")
    .option("--production-environments <list>", "environments that count as production", "production")
    .option("--actor <email>", "who rolls back (default PRODGATE_ACTOR, then git config user.email)")
    .option("--slack-channel <channel>", "announce it in this channel (with SLACK_BOT_TOKEN)")
    .option("--spool-dir <dir>", "where audit records go when the database cannot be written")
    .option("--audit-table <name>", "the audit table", "console_audit_log")
    .option("--json", "print the result as JSON on stdout")
    .addHelpText(
      "after",
      `
Never gated: no prompt and no lock, so it works while a deploy is stuck. Audited: rows 'rollback.<environment>'
started and completed in DATABASE_URL; when the database cannot be written, the records are spooled (replay them
with 'prodgate audit replay').

--surface command runs --rollback-command with bash in this checkout, with PRODGATE_APP, PRODGATE_ENVIRONMENT,
PRODGATE_FROM_SHA (what the newest successful deploy shipped, or what --live-version-command prints) and
PRODGATE_TO_SHA (what was live before that deploy, from the audit log) set, then probes --health-url if given.

Environment: HEROKU_API_KEY (required; CLOUDFLARE_API_TOKEN and CLOUDFLARE_ACCOUNT_ID for --surface
cloudflare-pages, CLOUDFLARE_API_URL; none for --surface command), DATABASE_URL, SLACK_BOT_TOKEN or SLACK_WEBHOOK_URL, PRODGATE_ACTOR,
PRODGATE_SLACK_CHANNEL, PRODGATE_SPOOL_DIR, HEROKU_API_URL.
Exit codes: 0 rolled back (or nothing to do), 1 the rollback failed, 2 bad usage.
Same as: ${rollbackCommands("APP").heroku}`,
    )
    .action(async (opts: RollbackCommandOptions) => {
      await rollbackCommand(ctx, opts);
    });
}
