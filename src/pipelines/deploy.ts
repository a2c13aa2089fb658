import { randomUUID } from "node:crypto";
import type { Approver } from "../core/approval.js";
import {
  AUDIT_REFUSED,
  type AuditOutcome,
  type AuditRecord,
  type AuditTrigger,
  buildAuditRecord,
  renderSpoolSummary,
} from "../core/audit.js";
import {
  DEPLOY_HEADLINES,
  type DeployOutcome,
  DeployPath,
  type DeployState,
  describePath,
  renderGatedDeploySummary,
  rollbackCommands,
} from "../core/deploy.js";
import { AuditError, describeError, GateError, InputError, ProdgateError } from "../core/errors.js";
import { checkTriggerEvent, isProduction } from "../core/gate.js";
import {
  buildReport,
  escapeMd,
  type HealthAttempt,
  type HealthReport,
  type HealthSettings,
} from "../core/health.js";
import { label, shortSha } from "../core/heroku.js";
import { type Clock, type Reporter, systemClock } from "../core/ports.js";
import { renderPreviewMarkdown, sameSha, stickyKey } from "../core/preview.js";
import type { DeployStatus } from "../core/slack-message.js";
import { approvalEntriesUsed } from "../store/approval-ledger.js";
import { AuditStore } from "../store/audit.js";
import { writeCheckpoint } from "../store/checkpoints.js";
import { databaseUrlSecrets } from "../store/db.js";
import { LockTimeoutError, withAppLock } from "../store/lock.js";
import { recordAudit } from "../store/spool.js";
import { GitHubClient } from "../vendors/github.js";
import { HerokuClient } from "../vendors/heroku.js";
import { HerokuGit, LocalRepo } from "../vendors/heroku-git.js";
import { type ApprovalCheckResult, verifyDeployApproval } from "./approval-check.js";
import { recordLiveDeployment } from "./deployment-record.js";
import { runHealthCheck } from "./health-check.js";
import { type DeployMethod, type HerokuReleaseResult, releaseToHeroku } from "./heroku-release.js";
import { notifySlack, type SlackTarget } from "./notify.js";
import { type CommentMode, computePreview, findCommentTarget } from "./preview.js";
import { runRollback } from "./rollback.js";

/**
 * The gated deploy of seed 002 §5 and §6, shared by the root action and the break-glass CLI: resolve the
 * target → gate checks → the app's lock → audit `started` (fail closed: no row, no push) → Slack `started` and
 * the GitHub deployment `in_progress` → push → /health → on failure, roll back when configured → audit the
 * outcome → Slack update, deployment status, sticky comment → release the lock → summary. Every way out after
 * the lock releases it and leaves an outcome; notifications never fail the deploy.
 */

export type { DeployMethod };

export type DeployApproval =
  | { mode: "environment" }
  | {
      mode: "issue";
      /** The approval issue's number (environment-gate's issue-number output): only where to look. */
      issue?: number;
      approvers?: Approver[];
      minimumApprovals?: number;
      allowSelfApproval?: boolean;
    };

/** Health settings whose URL may be left out: the app's web URL joined with /health is probed then. */
export type DeployHealthSettings = Omit<HealthSettings, "url" | "expectBody" | "expectJson"> & {
  url?: URL;
  expectBody?: string;
  expectJson?: HealthSettings["expectJson"];
};

export interface DeployAuditSettings {
  databaseUrl: string;
  /** Default console_audit_log. */
  table?: string;
  /** Where an outcome record goes when it cannot be written. */
  spoolDir: string;
  /** Apply pending migrations first (default true). */
  migrate?: boolean;
  /** The Ed25519 key (`audit-signing-key`) that signs a checkpoint after each outcome row; unset: not signed. */
  signingKey?: string;
}

export interface DeploySettings {
  app: string;
  environment: string;
  productionEnvironments: readonly string[];
  /** A SHA, branch or tag resolvable in the local checkout `cwd`. */
  ref: string;
  method: DeployMethod;
  force: boolean;
  trigger: AuditTrigger;
  /** Who triggered this attempt (github.triggering_actor, else github.actor; the operator's email in the CLI). */
  actor: string;
  /** Who started the run, when someone else re-ran it (github.actor): recorded, and bound by self-approval. */
  runActor?: string;
  /**
   * How a `ci` deploy's approval is verified, by this pipeline, from GitHub: the environment's required
   * reviewers (default), or the approval issue read back and decided again. Never an approver's name.
   */
  approval?: DeployApproval;
  /** The CLI only (trigger `local`): the operator who typed the confirmation phrase. */
  confirmedBy?: string;
  /**
   * The SHA the preview showed as live (what the approvers saw a diff from). Under the lock, before anything
   * is written, the live SHA is read again with the deploy key; when it differs, nothing is pushed.
   */
  previewedFromSha?: string;
  /** The event that started the run (GITHUB_EVENT_NAME). A `ci` deploy to production with none is refused. */
  eventName?: string;
  /** Ask for required reviewers even outside production (it can only add to the policy and the default). */
  requireReviewers?: boolean;
  repository?: string;
  serverUrl?: string;
  /** Keys the audit rows (run id + attempt + phase); default a fresh `local-<uuid>`. */
  runId?: string;
  runAttempt?: number;
  runUrl?: string;
  health: DeployHealthSettings;
  rollbackOnFailure: boolean;
  audit: DeployAuditSettings;
  /** How long to wait for another deploy of the app to release its lock. */
  lockWaitMs: number;
  slack?: SlackTarget;
  /** Deployment status and the sticky comment; optional (the CLI runs without GitHub). */
  github?: { token: string; repository: string; baseUrl?: string; teamsToken?: string };
  /** Where the outcome comment goes (default auto: the PR whose head is the SHA, else the commit). */
  commentMode?: CommentMode;
  cwd: string;
  herokuApiKey: string;
}

export interface DeployPorts {
  reporter: Reporter;
  clock?: Clock;
  /** Aborts the health wait (Ctrl-C): the outcome row is still written and the lock released. */
  signal?: AbortSignal;
  onHealthAttempt?: (attempt: HealthAttempt, total: number) => void;
  /** Each state of the path as it is entered. */
  onState?: (state: DeployState) => void;
  /** Stand-ins for tests and the benchmark. */
  heroku?: HerokuClient;
}

export interface DeployResult {
  outcome: DeployOutcome;
  path: DeployState[];
  auditIds: { started?: string; completed?: string; rollback?: string };
  /** The outcome record, saved here because the database could not take it (the step must fail). */
  spoolFile?: string;
  /** True when an outcome record could not be written to the database (spooled, or lost to the summary). */
  auditSpooled: boolean;
  fromSha?: string;
  toSha: string;
  /** The release made (`v42`), and its id. */
  release?: string;
  releaseId?: string;
  /** What was current before (`v41`). */
  previousRelease?: string;
  previousReleaseId?: string;
  /** The release rolled back to after a failed health check (`v41`). */
  rolledBackTo?: string;
  health?: HealthReport;
  approvedBy?: string;
  appUrl?: string;
  /** Why the deploy did not succeed: the refusal, the push error, the health check's last reason. */
  reason?: string;
  /** The signal aborted the health wait. */
  interrupted: boolean;
  /** From the start of the pipeline to its end, waits included. */
  durationMs: number;
  /** The Slack message; `unknown`: the started post got no answer and was not found (it was not re-posted). */
  slack?: { ts?: string; channel?: string; unknown?: boolean };
  deploymentId?: number;
  commentUrl?: string;
  /** Job-summary markdown: outcome, path (Mermaid), audit, health, and always the rollback command. */
  summary: string;
}

/** `deploy.production`, `rollback.prod-eu`: the audit action of an environment. */
export function auditAction(kind: "deploy" | "rollback", environment: string): string {
  const env =
    environment
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9._:-]+/g, "-")
      .replace(/^-+|-+$/g, "") || "unknown";
  return `${kind}.${env}`;
}

/** The app's web URL joined with /health. */
export function defaultHealthUrl(webUrl: string | null | undefined): URL {
  if (!webUrl) throw new InputError("health-url", "is required: the app has no web URL to probe /health on");
  return new URL(`${webUrl.replace(/\/+$/, "")}/health`);
}

interface RunState {
  /** The push (or build) has begun: from here a lost lock no longer stops the deploy. */
  pushed?: boolean;
  /** Review entries of the environment this attempt saw (recorded so a re-run cannot reuse an approval). */
  approvalEntries?: number;
  path: DeployPath;
  result: Omit<DeployResult, "summary" | "path">;
  notices: string[];
  spoolSummaries: string[];
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

  const heroku =
    ports.heroku ??
    new HerokuClient({ apiKey: settings.herokuApiKey, onRetry: (m) => reporter.warning(m), clock });
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
  const [appInfo, live] = await Promise.all([heroku.app(app), heroku.liveCommit(app)]);
  const healthUrl = settings.health.url ?? defaultHealthUrl(appInfo.web_url);
  const health: HealthSettings = { ...settings.health, url: healthUrl };

  const state: RunState = {
    path: new DeployPath(),
    result: {
      outcome: "rejected",
      auditIds: {},
      auditSpooled: false,
      toSha,
      fromSha: live.sha,
      appUrl: appInfo.web_url ?? undefined,
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
    github,
    heroku,
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

/** The app lock's connection dropped before the push began. */
class LockLostError extends ProdgateError {
  override name = "LockLostError";
}

/**
 * The approval of a `ci` deploy, verified here from GitHub every time (never taken from an input). Production
 * without GitHub to ask is refused. Environment mode counts only review entries after those that earlier
 * attempts of the run used (recorded in their audit rows), so the database must answer first: fail closed.
 */
async function verifyCiApproval(ctx: Ctx): Promise<ApprovalCheckResult | undefined> {
  const { settings, github, ports } = ctx;
  const mode = settings.approval?.mode ?? "environment";
  const needed = ctx.production || settings.requireReviewers || mode === "issue";
  if (!github || !settings.runId) {
    if (ctx.production && !settings.eventName)
      throw new GateError(
        `refusing to deploy to ${settings.environment}: the triggering event is unknown, and production deploys start only from a deliberate dispatch`,
      );
    if (settings.eventName)
      checkTriggerEvent(settings.eventName, settings.environment, settings.productionEnvironments);
    if (needed)
      throw new GateError(
        `cannot verify the approval of this deploy to ${settings.environment}: ${!github ? "no github-token was given" : "GITHUB_RUN_ID is not set"}, and the step that deploys checks the approval itself, from GitHub`,
      );
    return undefined;
  }
  let entriesUsed = 0;
  if (mode === "environment" && needed) {
    try {
      entriesUsed = await approvalEntriesUsed(settings.audit.databaseUrl, {
        table: settings.audit.table,
        action: auditAction("deploy", settings.environment),
        runId: settings.runId,
        runAttempt: ctx.runAttempt,
      });
    } catch (err) {
      throw new AuditError(`${AUDIT_REFUSED} (${describeError(err)})`);
    }
  }
  const teams = settings.github?.teamsToken
    ? new GitHubClient({
        token: settings.github.teamsToken,
        repository: settings.github.repository,
        baseUrl: settings.github.baseUrl,
        clock: ctx.clock,
      })
    : undefined;
  const approval = settings.approval;
  return verifyDeployApproval(
    {
      mode,
      environment: settings.environment,
      productionEnvironments: settings.productionEnvironments,
      repository: github.fullName,
      eventName: settings.eventName,
      actor: settings.actor,
      runActor: settings.runActor,
      runId: settings.runId,
      runAttempt: ctx.runAttempt,
      requireReviewers: settings.requireReviewers,
      issue:
        approval?.mode === "issue"
          ? {
              number: approval.issue,
              app: settings.app,
              approvers: approval.approvers,
              minimumApprovals: approval.minimumApprovals,
              allowSelfApproval: approval.allowSelfApproval,
            }
          : undefined,
      entriesUsed,
    },
    { github, teams, reporter: ports.reporter },
  );
}

interface Ctx {
  /** Aborts when the app lock's connection is lost. */
  lockSignal?: AbortSignal;
  settings: DeploySettings;
  ports: DeployPorts;
  clock: Clock;
  startedAt: number;
  secrets: string[];
  runId: string;
  runAttempt: number;
  production: boolean;
  github?: GitHubClient;
  heroku: HerokuClient;
  state: RunState;
  go: (s: DeployState) => void;
}

function registerSecrets(settings: DeploySettings, reporter: Reporter): string[] {
  const secrets = [
    settings.herokuApiKey,
    Buffer.from(`heroku:${settings.herokuApiKey}`).toString("base64"),
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

function record(
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
      method: settings.method,
      force: settings.force,
      ...(settings.approval ? { approval_mode: settings.approval.mode } : {}),
      ...(settings.approval?.mode === "issue" && settings.approval.issue
        ? { approval_issue: settings.approval.issue }
        : {}),
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
async function writeOutcome(
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
async function checkpointAfter(ctx: Ctx, store: AuditStore, rec: AuditRecord): Promise<void> {
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

function openStore(settings: DeploySettings): Promise<AuditStore> {
  const opening = AuditStore.open(settings.audit.databaseUrl, {
    table: settings.audit.table,
    migrate: settings.audit.migrate ?? true,
  });
  opening.catch(() => {});
  return opening;
}

async function closeStore(store: Promise<AuditStore>): Promise<void> {
  await store.then((s) => s.close()).catch(() => {});
}

/** A deploy refused before anything changed: a `rejected` row when the database can take it, a notice. */
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
    const live = (await ctx.heroku.liveCommit(settings.app)).sha;
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
    let release: HerokuReleaseResult | undefined;
    try {
      ports.signal?.throwIfAborted();
      if (ctx.lockSignal?.aborted)
        throw new LockLostError(
          `${describeError(ctx.lockSignal.reason)} before the push: nothing was pushed`,
        );
      state.pushed = true;
      release = await releaseToHeroku(
        { app: settings.app, sha: result.toSha, method: settings.method, force: settings.force },
        {
          heroku: ctx.heroku,
          git: new HerokuGit({
            apiKey: settings.herokuApiKey,
            cwd: settings.cwd,
            onOutput: (line) => reporter.info(line),
          }),
          repo: new LocalRepo(settings.cwd, (m) => reporter.info(m)),
          reporter,
          clock: ctx.clock,
          tempDir: process.env.RUNNER_TEMP,
        },
      );
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
    result.release = label(release.after.release);
    result.releaseId = release.after.release.id;
    if (release.before) {
      result.previousRelease = label(release.before.release);
      result.previousReleaseId = release.before.release.id;
      result.fromSha = release.before.commit ?? result.fromSha;
    }
    if (release.webUrl) result.appUrl = release.webUrl;

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
      release: result.release,
      release_id: result.releaseId,
      previous_release: result.previousRelease,
      already_live: release.alreadyLive,
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
      await notifyOutcome(ctx, "success", `${result.release} is live and healthy`);
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
    const before = release.before;
    const canRollBack =
      settings.rollbackOnFailure && !result.interrupted && before?.release.slug && !release.alreadyLive;
    if (!canRollBack) {
      if (settings.rollbackOnFailure && !result.interrupted)
        reporter.warning(
          release.alreadyLive
            ? `${settings.app} already ran ${shortSha(result.toSha)} before this deploy: nothing to roll back`
            : `${settings.app} had no release with code before: nothing to roll back to`,
        );
      go("audited");
      await notifyOutcome(ctx, "failure", result.reason);
      go("done");
      return finish(ctx);
    }

    go("rolling_back");
    try {
      const rb = await runRollback(
        { app: settings.app, release: { kind: "id", id: before.release.id } },
        { heroku: ctx.heroku, reporter, clock: ctx.clock },
      );
      go("rolled_back");
      result.outcome = "rolled_back";
      result.rolledBackTo = label(rb.target.release);
      if (ctx.github && rb.after.commit)
        await recordLiveDeployment(
          ctx.github,
          {
            sha: rb.after.commit,
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
          toSha: rb.target.commit ?? result.fromSha,
          context: {
            reason: result.reason,
            rolled_back_to: result.rolledBackTo,
            release: label(rb.after.release),
            release_id: rb.after.release.id,
            automatic: true,
          },
        }),
      );
      go("audited");
      await notifyOutcome(
        ctx,
        "rolled_back",
        `${result.reason}; rolled back to ${result.rolledBackTo} (${label(rb.after.release)})`,
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

// ---- notifications: Slack, the GitHub deployment, the sticky comment; never fatal ----

/** Retries of each Slack call: a Slack outage costs the deploy seconds, not minutes. */
const SLACK_RETRIES = 1;

async function notifyStarted(ctx: Ctx): Promise<void> {
  const { settings, ports, state, github } = ctx;
  await Promise.all([
    settings.slack
      ? notifySlack(settings.slack, notice(ctx, "started"), {
          reporter: ports.reporter,
          clock: ctx.clock,
          deployKey: slackDeployKey(ctx),
        }).then((r) => {
          if (r.ok) state.result.slack = { ts: r.ts, channel: r.channel };
          else if (r.unknown) state.result.slack = { unknown: true };
        })
      : undefined,
    github
      ? (async () => {
          const { deployment } = await github.findOrCreateDeployment({
            sha: state.result.toSha,
            ref: state.result.toSha,
            environment: settings.environment,
            description: `prodgate: ${settings.app}`,
            payload: { app: settings.app },
            production_environment: ctx.production,
          });
          state.result.deploymentId = deployment.id;
          await github.setDeploymentStatus(deployment.id, {
            state: "in_progress",
            log_url: settings.runUrl,
            description: `Deploying ${shortSha(state.result.toSha)} to ${settings.app}`,
          });
        })().catch((err) =>
          ports.reporter.warning(
            `GitHub deployment not marked in progress: ${describeError(err)} (the deploy goes on)`,
          ),
        )
      : undefined,
  ]);
}

/** What finds this deploy's Slack message again when a post's answer was lost. */
function slackDeployKey(ctx: Ctx): string {
  return `${ctx.runId}.${ctx.runAttempt}.${ctx.settings.app}.${ctx.settings.environment}`;
}

function notice(ctx: Ctx, status: DeployStatus, detail?: string) {
  const { settings, state } = ctx;
  return {
    status,
    app: settings.app,
    environment: settings.environment,
    production: ctx.production,
    fromSha: state.result.fromSha,
    toSha: state.result.toSha,
    actor: settings.actor,
    approvedBy: state.result.approvedBy,
    runUrl: settings.runUrl,
    repository: settings.github?.repository ?? settings.repository,
    serverUrl: settings.serverUrl,
    detail,
  };
}

async function notifyOutcome(ctx: Ctx, status: DeployStatus, detail: string): Promise<void> {
  const { settings, ports, state, github } = ctx;
  const { reporter } = ports;
  const tasks: Promise<unknown>[] = [];
  if (settings.slack) {
    const slackTarget = state.result.slack?.channel
      ? { ...settings.slack, channel: state.result.slack.channel }
      : settings.slack;
    tasks.push(
      notifySlack(slackTarget, notice(ctx, status, detail), {
        reporter,
        clock: ctx.clock,
        updateTs: state.result.slack?.ts,
        retries: SLACK_RETRIES,
        deployKey: slackDeployKey(ctx),
        startUnknownSince: state.result.slack?.unknown ? new Date(ctx.startedAt) : undefined,
      }).then((r) => {
        if (r.ok)
          state.result.slack = {
            ts: r.ts ?? state.result.slack?.ts,
            channel: r.channel ?? state.result.slack?.channel,
          };
      }),
    );
  }
  if (github) {
    tasks.push(
      (async () => {
        let id = state.result.deploymentId;
        if (id === undefined) {
          const { deployment } = await github.findOrCreateDeployment({
            sha: state.result.toSha,
            ref: state.result.toSha,
            environment: settings.environment,
            description: `prodgate: ${settings.app}`,
            payload: { app: settings.app },
            production_environment: ctx.production,
          });
          id = deployment.id;
          state.result.deploymentId = id;
        }
        await github.setDeploymentStatus(id, {
          state: status === "success" ? "success" : status === "rejected" ? "error" : "failure",
          environment_url: status === "success" ? state.result.appUrl : undefined,
          log_url: settings.runUrl,
          description: detail,
        });
      })().catch((err) =>
        reporter.warning(`GitHub deployment status not set: ${describeError(err)} (the deploy goes on)`),
      ),
      publishOutcomeComment(ctx, status, detail).catch((err) =>
        reporter.warning(`Deploy comment not posted: ${describeError(err)} (the deploy goes on)`),
      ),
    );
  }
  await Promise.all(tasks);
}

async function publishOutcomeComment(ctx: Ctx, status: DeployStatus, detail: string): Promise<void> {
  const { settings, state, github, ports } = ctx;
  if (!github || (settings.commentMode ?? "auto") === "none") return;
  const target = await findCommentTarget(github, state.result.toSha, settings.commentMode ?? "auto");
  if (!target) return;
  const outcome = renderOutcomeSection(ctx, status, detail);
  let body = outcome;
  if (state.result.fromSha) {
    try {
      const preview = await computePreview(
        {
          app: settings.app,
          environment: settings.environment,
          productionEnvironments: settings.productionEnvironments,
          ref: state.result.toSha,
          fromSha: state.result.fromSha,
          maxCommits: 50,
          serverUrl: settings.serverUrl,
          runUrl: settings.runUrl,
        },
        { github, reporter: quiet(ports.reporter), clock: ctx.clock },
      );
      body = renderPreviewMarkdown(preview, { variant: "comment", before: outcome });
    } catch (err) {
      ports.reporter.debug(`preview for the comment not computed: ${describeError(err)}`);
    }
  }
  const res = await github.upsertStickyComment({
    target,
    key: stickyKey(settings.app, settings.environment),
    body,
  });
  state.result.commentUrl = res.comment.html_url;
  ports.reporter.info(`Deploy comment ${res.action}: ${res.comment.html_url}`);
}

function quiet(reporter: Reporter): Reporter {
  return { ...reporter, info: (m) => reporter.debug(m) };
}

// ---- the outcome as markdown ----

function renderOutcomeSection(ctx: Ctx, status: DeployStatus, detail: string): string {
  const { settings, state } = ctx;
  const r = state.result;
  const cmds = rollbackCommands(settings.app);
  const lines = [
    `### ${DEPLOY_HEADLINES[r.outcome]}: \`${escapeMd(settings.app)}\` (${escapeMd(settings.environment)}) · \`${shortSha(r.toSha)}\`${r.release ? ` · ${r.release}` : ""}`,
    "",
    escapeMd(detail),
  ];
  if (status !== "rejected") lines.push("", `Roll back: \`${cmds.prodgate}\` (or \`${cmds.heroku}\`)`);
  if (settings.runUrl) lines.push("", `[The workflow run](${settings.runUrl})`);
  return `${lines.join("\n")}\n`;
}

function finish(ctx: Ctx): DeployResult {
  const { settings, state } = ctx;
  const result = state.result;
  result.durationMs = ctx.clock.now().getTime() - ctx.startedAt;
  const path = [...state.path.states];
  return { ...result, path, summary: renderGatedDeploySummary(settings, { ...result, path }, state) };
}
