import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseApprovers, parseMinimumApprovals } from "../core/approval.js";
import { parseSigningKey } from "../core/audit-checkpoint.js";
import { AuditError, ProdgateError } from "../core/errors.js";
import { parseBoolean, parseChoice, parseInteger, parseSha, requireValue } from "../core/inputs.js";
import { rollbackHint } from "../core/surface.js";
import {
  type DeployApproval,
  type DeployResult,
  type DeploySettings,
  runDeploy,
} from "../pipelines/deploy.js";
import { surfaceSecrets } from "../pipelines/deploy-audit.js";
import { buildDeploySettings } from "../pipelines/deploy-settings.js";
import type { SlackTarget } from "../pipelines/notify.js";
import { databaseUrlSecrets, parseDatabaseUrl, quoteIdent } from "../store/db.js";
import { DEFAULT_TABLES } from "../store/migrate.js";
import { maskHeaderValues } from "./health-check.js";
import {
  actionReporter,
  input,
  maskSecret,
  runStep,
  secretInput,
  setOutputs,
  writeSummary,
} from "./runtime.js";
import { maskSlackSecrets, parseSlackInputs } from "./slack-notify.js";

/**
 * The root action's inputs as the deploy pipeline's settings (through the one builder the CLI shares); every
 * problem names its input and happens before anything is contacted. Secrets must already be masked.
 */
export function parseDeployInputs(
  get: (name: string) => string,
  env: NodeJS.ProcessEnv = process.env,
  warn: (message: string) => void = () => {},
): DeploySettings {
  const src = {
    get: (name: string) => (name === "cloudflare-api-url" ? (env.CLOUDFLARE_API_URL ?? "") : get(name)),
    label: (name: string) => name,
  };
  return buildDeploySettings(
    src,
    (target) => {
      const databaseUrl = requireValue("database-url", get("database-url"));
      parseDatabaseUrl("database-url", databaseUrl);
      const table = get("audit-table").trim() || DEFAULT_TABLES.audit;
      quoteIdent("audit-table", table);
      const repository = env.GITHUB_REPOSITORY?.trim() || undefined;
      const serverUrl = (env.GITHUB_SERVER_URL?.trim() || "https://github.com").replace(/\/+$/, "");
      const runId = env.GITHUB_RUN_ID?.trim() || undefined;
      const attempt = Number(env.GITHUB_RUN_ATTEMPT || "1");
      const runAttempt = Number.isInteger(attempt) && attempt > 0 ? attempt : 1;
      const githubToken = get("github-token").trim();
      const teamsToken = get("approvers-token").trim() || undefined;
      const rawRequire = get("require-reviewers").trim();
      const rawPreviewed = get("previewed-from-sha").trim();
      const triggeringActor = env.GITHUB_TRIGGERING_ACTOR?.trim() || undefined;
      const runActor = env.GITHUB_ACTOR?.trim() || undefined;
      return {
        trigger: "ci",
        actor: triggeringActor ?? runActor ?? "unknown",
        runActor: runActor && runActor !== triggeringActor ? runActor : undefined,
        approval: parseApprovalInputs(get),
        // `none`: the preview saw nothing live (a first deploy), so something live now refuses the deploy.
        previewedFromSha:
          rawPreviewed === "none"
            ? ""
            : rawPreviewed
              ? parseSha("previewed-from-sha", rawPreviewed)
              : undefined,
        eventName: env.GITHUB_EVENT_NAME?.trim() || undefined,
        requireReviewers: rawRequire ? parseBoolean("require-reviewers", rawRequire, true) : undefined,
        repository,
        serverUrl,
        runId,
        runAttempt,
        runUrl:
          runId && repository
            ? `${serverUrl}/${repository}/actions/runs/${runId}/attempts/${runAttempt}`
            : undefined,
        audit: {
          databaseUrl,
          table,
          spoolDir:
            get("audit-spool-dir").trim() || join(env.RUNNER_TEMP || tmpdir(), "prodgate-audit-spool"),
          signingKey: auditSigningKey(get),
        },
        slack: parseSlack(get, env, target.app, target.environment, target.productionEnvironments, warn),
        github: githubToken && repository ? { token: githubToken, repository, teamsToken } : undefined,
        commentMode: parseChoice(
          "comment",
          get("comment"),
          ["auto", "pr", "commit", "none"] as const,
          "auto",
        ),
        cwd: resolve(env.GITHUB_WORKSPACE || process.cwd(), get("working-directory") || "."),
      };
    },
    { ref: env.GITHUB_SHA, lockWait: "10m" },
  );
}

/**
 * How the step verifies the approval itself: `environment` (GitHub's required reviewers) or `issue` (the
 * approval issue `approval-issue`, read back and decided again with `approvers`, `minimum-approvals` and
 * `allow-self-approval`, which the policy file can only tighten). No input names an approver.
 */
function parseApprovalInputs(get: (name: string) => string): DeployApproval {
  const mode = parseChoice("approval", get("approval"), ["environment", "issue"] as const, "environment");
  if (mode === "environment") return { mode };
  const rawIssue = get("approval-issue").trim();
  const rawApprovers = get("approvers").trim();
  return {
    mode,
    issue: rawIssue ? parseInteger("approval-issue", rawIssue, 1, 2_147_483_647) : undefined,
    approvers: rawApprovers ? parseApprovers("approvers", rawApprovers) : undefined,
    minimumApprovals: parseMinimumApprovals("minimum-approvals", get("minimum-approvals")),
    allowSelfApproval: parseBoolean("allow-self-approval", get("allow-self-approval"), false),
  };
}

/** Slack is optional: a channel without a token (or the reverse) is a warning, never a failed deploy. */
function parseSlack(
  get: (name: string) => string,
  env: NodeJS.ProcessEnv,
  app: string,
  environment: string,
  productionEnvironments: readonly string[],
  warn: (message: string) => void,
): SlackTarget | undefined {
  const token = get("slack-token").trim();
  const channel = get("slack-channel").trim();
  const webhook = get("slack-webhook-url").trim();
  if (!webhook && !(token && channel)) {
    if (token || channel)
      warn(
        `Slack will not be told: ${token ? "slack-token needs slack-channel" : "slack-channel needs slack-token"} (or give slack-webhook-url)`,
      );
    return undefined;
  }
  const fixed: Record<string, string> = {
    "slack-status": "started",
    "slack-app": app,
    "slack-environment": environment,
    "slack-production-environments": productionEnvironments.join(","),
  };
  const slackGet = (n: string) => fixed[n] ?? (n === "slack-token" && !channel ? "" : get(n));
  return parseSlackInputs(slackGet, env, "slack-").target;
}

export function deployOutputs(r: DeployResult): Record<string, string | boolean | number | undefined> {
  return {
    outcome: r.outcome,
    surface: r.surface ?? "heroku",
    "from-sha": r.fromSha ?? "",
    "to-sha": r.toSha,
    "release-id": r.releaseId ?? "",
    "release-version": (r.surface ?? "heroku") === "heroku" ? (r.release?.replace(/^v/, "") ?? "") : "",
    release: r.release ?? "",
    "previous-release-id": r.previousReleaseId ?? "",
    "rolled-back-to":
      ((r.surface ?? "heroku") === "heroku" ? r.rolledBackTo?.replace(/^v/, "") : r.rolledBackTo) ?? "",
    healthy: r.health?.healthy ?? false,
    "approved-by": r.approvedBy ?? "",
    "audit-id": r.auditIds.completed ?? "",
    "audit-started-id": r.auditIds.started ?? "",
    "spool-file": r.spoolFile ?? "",
    "app-url": r.appUrl ?? "",
    "slack-ts": r.slack?.ts ?? "",
    "deployment-id": r.deploymentId ?? "",
  };
}

/** The step's one error line: the outcome, why, and what to do. */
export function failureMessage(app: string, r: DeployResult): string {
  const why = r.reason ?? "the deploy did not succeed";
  if (r.outcome === "rolled_back") return `rolled_back: ${why}; ${app} was rolled back to ${r.rolledBackTo}`;
  if (r.outcome === "health_check_failed")
    return `health_check_failed: ${why}; ${r.release ?? "the release"} stays live. Roll back: ${rollbackHint(r.surface ?? "heroku", app).commands[0]}`;
  return `${r.outcome}: ${why}`;
}

/** `audit-signing-key`, checked before anything runs (the error names the input, never the value). */
function auditSigningKey(get: (name: string) => string): string | undefined {
  const raw = get("audit-signing-key").trim();
  if (!raw) return undefined;
  parseSigningKey("audit-signing-key", raw);
  return raw;
}

export async function run(): Promise<void> {
  await runStep(async () => {
    secretInput("heroku-api-key");
    secretInput("cloudflare-api-token");
    secretInput("github-token");
    secretInput("approvers-token");
    secretInput("audit-signing-key");
    for (const s of databaseUrlSecrets(secretInput("database-url"))) maskSecret(s);
    maskSlackSecrets(input, "slack-");
    maskHeaderValues(input("health-headers"));
    const settings = parseDeployInputs(input, process.env, (m) => actionReporter.warning(m));
    for (const s of surfaceSecrets(settings.surface)) actionReporter.secret(s);

    // A cancelled run (SIGINT, then SIGTERM) stops the health wait; the outcome is still written.
    const controller = new AbortController();
    const stop = () => controller.abort(new ProdgateError("the run was cancelled"));
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    let result: DeployResult;
    try {
      result = await runDeploy(settings, { reporter: actionReporter, signal: controller.signal });
    } finally {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
    }
    setOutputs(deployOutputs(result));
    await writeSummary(result.summary);
    if (result.outcome !== "success") throw new ProdgateError(failureMessage(settings.app, result));
    if (result.auditSpooled)
      throw new AuditError(
        `the deploy succeeded but its outcome audit row could not be written: ${result.spoolFile ? `spooled to ${result.spoolFile}` : "it is in the job summary"}; write it later with 'prodgate audit replay --spool DIR'`,
      );
  });
}
