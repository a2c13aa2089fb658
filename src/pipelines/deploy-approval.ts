import { AUDIT_REFUSED } from "../core/audit.js";
import { AuditError, describeError, GateError } from "../core/errors.js";
import { checkTriggerEvent } from "../core/gate.js";
import { approvalEntriesUsed } from "../store/approval-ledger.js";
import { GitHubClient } from "../vendors/github.js";
import { type ApprovalCheckResult, verifyDeployApproval } from "./approval-check.js";
import { auditAction, type Ctx } from "./deploy-types.js";

/**
 * The approval of a `ci` deploy, verified here from GitHub every time (never taken from an input). Production
 * without GitHub to ask is refused. Environment mode counts only review entries after those that earlier
 * attempts of the run used (recorded in their audit rows), so the database must answer first: fail closed.
 */
export async function verifyCiApproval(ctx: Ctx): Promise<ApprovalCheckResult | undefined> {
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
