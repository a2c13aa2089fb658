import { GateError, InputError } from "../core/errors.js";
import {
  checkTriggerEvent,
  type EnvironmentSpec,
  isProduction,
  planEnvironment,
  type ReviewerRef,
  reviewerLabel,
} from "../core/gate.js";
import type { Policy } from "../core/policy.js";
import type { Reporter } from "../core/ports.js";
import type { GitHubClient } from "../vendors/github.js";
import { verifyDeployApproval } from "./approval-check.js";

/**
 * The environment gate (environment-gate `mode: environment`, and the gate checks of the deploy pipeline):
 * the structural guard against automated events, proof that the environment really has required reviewers,
 * and who approved this run. Also `prodgate env setup`, which configures those rules (environment as code).
 */

/** How the gate decides: GitHub's required reviewers (`environment`), or an approval issue (`issue`). */
export const GATE_MODES = ["environment", "issue"] as const;
export type GateMode = (typeof GATE_MODES)[number];

/** What every gate mode answers (environment-gate's outputs). */
export interface GateResult {
  mode: GateMode;
  /** `not-required`: no reviewers needed (not production, require-reviewers false) and none approved. */
  decision: "approved" | "rejected" | "not-required";
  /** Who approved, in order (one reviewer in environment mode). */
  approvedBy: string[];
  /** ISO 8601; in environment mode the time the approval was seen (GitHub's answer carries none). */
  approvedAt?: string;
  approvalComment?: string;
  /** The environment's required reviewers (users, @teams). */
  reviewers: string[];
  warnings: string[];
}

export interface EnvironmentGateSettings {
  environment: string;
  productionEnvironments: readonly string[];
  /** Refuse unless the environment has required reviewers and one approved this run. */
  requireReviewers: boolean;
  /** The triggering event (GITHUB_EVENT_NAME). */
  eventName?: string;
  /** Who triggered this attempt (github.triggering_actor, else github.actor). */
  actor: string;
  /** Who started the run, when not the same person. */
  runActor?: string;
  /** The workflow run whose approvals are read; undefined outside Actions. */
  runId?: string;
  runAttempt?: number;
  repository: string;
  /** Review entries of this environment that earlier attempts of the run used. */
  entriesUsed?: number;
}

export interface EnvironmentGatePorts {
  github?: GitHubClient;
  teams?: GitHubClient;
  reporter: Reporter;
  policy?: Policy | null;
}

/**
 * Runs the gate checks of `mode: environment` (verifyDeployApproval). Throws a GateError that says what to fix
 * when the deploy must not go on; otherwise returns who approved this attempt.
 */
export async function runEnvironmentGate(
  settings: EnvironmentGateSettings,
  ports: EnvironmentGatePorts,
): Promise<GateResult & { approvalEntries?: number }> {
  const { environment } = settings;
  const result: GateResult = {
    mode: "environment",
    decision: "not-required",
    approvedBy: [],
    reviewers: [],
    warnings: [],
  };
  const { github } = ports;
  if (!github) {
    if (settings.eventName !== undefined)
      checkTriggerEvent(settings.eventName, environment, settings.productionEnvironments);
    if (settings.requireReviewers)
      throw new GateError(
        `cannot check the reviewers of environment '${environment}': no GitHub token was given (github-token)`,
      );
    return result;
  }
  if (!settings.runId)
    throw new GateError("the approval can only be checked inside a workflow run (GITHUB_RUN_ID)");
  const checked = await verifyDeployApproval(
    {
      mode: "environment",
      environment,
      productionEnvironments: settings.productionEnvironments,
      repository: settings.repository,
      eventName: settings.eventName,
      actor: settings.actor,
      runActor: settings.runActor,
      runId: settings.runId,
      runAttempt: settings.runAttempt ?? 1,
      requireReviewers: settings.requireReviewers,
      entriesUsed: settings.entriesUsed,
    },
    { github, teams: ports.teams, reporter: ports.reporter, policy: ports.policy },
  );
  if (checked.decision === "not-required") return result;
  return {
    ...result,
    decision: "approved",
    approvedBy: checked.approvedBy,
    approvedAt: checked.approvedAt,
    approvalComment: checked.approvalComment,
    reviewers: checked.reviewers,
    warnings: checked.warnings,
    approvalEntries: checked.approvalEntries,
  };
}

/** require-reviewers when not given: true for production environments. */
export function defaultRequireReviewers(
  environment: string,
  productionEnvironments: readonly string[],
): boolean {
  return isProduction(environment, productionEnvironments);
}

/** The job-summary section of a gate decision. */
export function renderGateSummary(settings: { environment: string }, result: GateResult): string {
  const lines = [`### 🔐 Gate: ${settings.environment}`, ""];
  if (result.decision === "approved")
    lines.push(
      `Approved by **${result.approvedBy.join(", ")}**${result.approvalComment ? `: “${result.approvalComment.replace(/[\r\n]+/g, " ")}”` : ""}${result.approvedAt ? ` (${result.approvedAt})` : ""}.`,
    );
  else if (result.decision === "rejected") lines.push("Rejected.");
  else lines.push("No review required for this environment.");
  if (result.reviewers.length) lines.push("", `Required reviewers: ${result.reviewers.join(", ")}`);
  for (const w of result.warnings) lines.push("", `> [!WARNING]\n> ${w}`);
  return `${lines.join("\n")}\n`;
}

// ---- environment as code: prodgate env setup ----

export interface EnvironmentSetupResult {
  environment: string;
  repository: string;
  /** What was changed (empty when it already matched). */
  changes: string[];
  reviewers: string[];
  htmlUrl?: string;
}

export type EnvironmentSetupGitHub = Pick<
  GitHubClient,
  | "fullName"
  | "getEnvironment"
  | "putEnvironment"
  | "listBranchPolicies"
  | "createBranchPolicy"
  | "deleteBranchPolicy"
  | "getUser"
  | "getTeam"
>;

/**
 * Makes environment `name` match `spec`: required reviewers, self-review, wait timer and (with `branches`)
 * the branches allowed to deploy. Idempotent: a second run finds nothing to change and changes nothing.
 */
export async function setupEnvironment(
  name: string,
  spec: EnvironmentSpec,
  ports: { github: EnvironmentSetupGitHub; reporter: Reporter; dryRun?: boolean },
): Promise<EnvironmentSetupResult> {
  const { github, reporter } = ports;
  const ids = new Map<string, number>();
  for (const r of spec.reviewers) ids.set(reviewerLabel(r), await reviewerId(github, r));
  const current = await github.getEnvironment(name);
  const policy = current?.deployment_branch_policy;
  const custom = Boolean(policy?.custom_branch_policies);
  const policies = current && custom && spec.branches ? await github.listBranchPolicies(name) : [];
  const plan = planEnvironment(
    current,
    policies.map((p) => p.name),
    spec,
    ids,
  );
  const result: EnvironmentSetupResult = {
    environment: name,
    repository: github.fullName,
    changes: plan.changes,
    reviewers: spec.reviewers.map(reviewerLabel),
    htmlUrl: current?.html_url,
  };
  if (plan.changes.length === 0) {
    reporter.info(`Environment '${name}' of ${github.fullName} already matches: nothing to change`);
    return result;
  }
  for (const c of plan.changes) reporter.info(`${ports.dryRun ? "would " : ""}${c}`);
  if (ports.dryRun) return result;
  if (plan.put) {
    const saved = await github.putEnvironment(name, plan.put);
    result.htmlUrl = saved.html_url;
  }
  for (const b of plan.branchesToAdd) await github.createBranchPolicy(name, b, "branch");
  for (const b of plan.branchesToRemove) {
    const p = policies.find((x) => x.name === b);
    if (p) await github.deleteBranchPolicy(name, p.id);
  }
  reporter.info(`Environment '${name}' of ${github.fullName} configured (${plan.changes.length} change(s))`);
  return result;
}

async function reviewerId(github: EnvironmentSetupGitHub, r: ReviewerRef): Promise<number> {
  if (r.type === "User") {
    const user = await github.getUser(r.login);
    if (!user) throw new InputError("--reviewers", `names ${r.login}, but GitHub has no user by that login`);
    return user.id;
  }
  const team = await github.getTeam(r.org, r.slug);
  if (!team)
    throw new InputError(
      "--reviewers",
      `names @${r.org}/${r.slug}, but the organization has no such team (or the token cannot see it)`,
    );
  return team.id;
}
