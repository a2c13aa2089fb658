import { type Approver, formatApprover, parseApprovers, parseMinimumApprovals } from "../core/approval.js";
import { parseDuration } from "../core/duration.js";
import { GateError, InputError } from "../core/errors.js";
import { parseGitRef } from "../core/heroku.js";
import { parseBoolean, parseHerokuApp, parseInteger, parseSha } from "../core/inputs.js";
import { gateRules, type Policy } from "../core/policy.js";
import type { Reporter } from "../core/ports.js";
import { MAX_PREVIEW_COMMITS } from "../core/preview.js";
import type { GateResult } from "../pipelines/gate.js";
import { type IssueGateResult, runIssueGate } from "../pipelines/issue-gate.js";
import type { GitHubClient } from "../vendors/github.js";
import { setOutputs } from "./runtime.js";

/** environment-gate `mode: issue`: its inputs, and the run of the issue-comment gate behind the action. */

export interface IssueModeInputs {
  approvers: Approver[];
  minimumApprovals: number;
  allowSelfApproval: boolean;
  pollIntervalMs: number;
  timeoutMs: number;
  app?: string;
  ref?: string;
  fromSha?: string;
  maxCommits: number;
}

/** The inputs only issue mode reads; every problem names its input. */
export function parseIssueModeInputs(
  get: (name: string) => string,
  env: NodeJS.ProcessEnv = process.env,
): IssueModeInputs {
  const pollIntervalMs = parseDuration("poll-interval", get("poll-interval") || "10s");
  if (pollIntervalMs < 100) throw new InputError("poll-interval", "must be at least 100ms");
  const timeoutMs = parseDuration("timeout", get("timeout") || "30m");
  if (timeoutMs < 1) throw new InputError("timeout", "must be longer than 0");
  if (timeoutMs > 6 * 3_600_000)
    throw new InputError("timeout", "must be at most 6h (a GitHub-hosted job runs at most 6 hours)");
  const rawApp = get("app").trim();
  const rawFrom = get("from-sha").trim();
  const rawRef = get("ref").trim() || env.GITHUB_SHA?.trim() || "";
  return {
    approvers: parseApprovers("approvers", get("approvers")),
    minimumApprovals: parseMinimumApprovals("minimum-approvals", get("minimum-approvals")),
    allowSelfApproval: parseBoolean("allow-self-approval", get("allow-self-approval"), false),
    pollIntervalMs,
    timeoutMs,
    app: rawApp ? parseHerokuApp("app", rawApp) : undefined,
    ref: rawRef ? parseGitRef("ref", rawRef) : undefined,
    fromSha: rawFrom ? parseSha("from-sha", rawFrom) : undefined,
    maxCommits: parseInteger("max-commits", get("max-commits") || "50", 0, MAX_PREVIEW_COMMITS),
  };
}

export interface IssueModeContext {
  environment: string;
  productionEnvironments: readonly string[];
  eventName: string;
  /** github.actor: who started the run. */
  actor: string;
  /** github.triggering_actor: who started this attempt (a re-run). */
  triggeringActor?: string;
  runId?: string;
  runUrl?: string;
  serverUrl: string;
}

/**
 * Runs the issue-comment gate and answers as every gate mode does. Sets the issue's own outputs (issue-number,
 * issue-url, reason) first; a rejection throws a GateError with the reason, which fails the step.
 */
export async function runIssueModeGate(
  inputs: IssueModeInputs,
  ctx: IssueModeContext,
  ports: { github: GitHubClient; teams?: GitHubClient; reporter: Reporter; policy?: Policy },
): Promise<GateResult> {
  if (!ctx.runId)
    throw new InputError("GITHUB_RUN_ID", "is not set: the issue-comment gate runs inside GitHub Actions");
  // The policy file on the default branch wins; these inputs can only tighten it.
  const rules = gateRules(ports.policy, ctx.environment, {
    approvers: inputs.approvers,
    minimumApprovals: inputs.minimumApprovals,
    allowSelfApproval: inputs.allowSelfApproval,
  });
  for (const n of rules.notes) ports.reporter.warning(n);
  if (rules.reviewersRequired)
    throw new GateError(
      `${rules.source} requires GitHub's required reviewers for ${ctx.environment} (reviewers-required: true): the issue-comment gate is refused`,
    );
  const result: IssueGateResult = await runIssueGate(
    {
      app: inputs.app,
      environment: ctx.environment,
      approvers: rules.approvers,
      narrowTo: rules.narrowTo,
      allowedEvents: rules.events,
      minimumApprovals: rules.minimumApprovals,
      allowSelfApproval: rules.allowSelfApproval,
      dispatcher: ctx.actor,
      rerunBy: ctx.triggeringActor,
      pollIntervalMs: inputs.pollIntervalMs,
      timeoutMs: inputs.timeoutMs,
      runId: ctx.runId,
      runUrl: ctx.runUrl,
      eventName: ctx.eventName,
      productionEnvironments: ctx.productionEnvironments,
      ref: inputs.ref,
      fromSha: inputs.fromSha,
      maxCommits: inputs.maxCommits,
      serverUrl: ctx.serverUrl,
    },
    ports,
  );
  setOutputs({ "issue-number": result.issueNumber, "issue-url": result.issueUrl, reason: result.reason });
  if (result.decision === "rejected")
    throw new GateError(`Deploy to ${ctx.environment} ${result.reason} (${result.issueUrl})`);
  return {
    mode: "issue",
    decision: "approved",
    approvedBy: result.approvedBy,
    approvedAt: result.approvedAt,
    approvalComment: result.decisiveComment,
    reviewers: rules.approvers.map(formatApprover),
    warnings: [],
  };
}
