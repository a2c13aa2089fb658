import { GateError, InputError } from "../core/errors.js";
import {
  type Approval,
  approvalWarnings,
  checkTriggerEvent,
  type EnvironmentSpec,
  findApproval,
  findRejection,
  isProduction,
  missingApprovalMessage,
  planEnvironment,
  type ReviewerRef,
  requiredReviewers,
  reviewerLabel,
} from "../core/gate.js";
import type { GitHubClient } from "../vendors/github.js";
import { type Clock, type Reporter, systemClock } from "./ports.js";

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
  /** The triggering event (GITHUB_EVENT_NAME); undefined for a local run (the CLI confirms by phrase). */
  eventName?: string;
  /** Who started the run (github.actor). */
  actor: string;
  /** The workflow run whose approvals are read; undefined outside Actions. */
  runId?: string;
  repository: string;
}

/** The GitHub calls the gate makes (GitHubClient has them). */
export type GateGitHub = Pick<GitHubClient, "getEnvironment" | "listRunApprovals">;

export interface EnvironmentGatePorts {
  github?: GateGitHub;
  reporter: Reporter;
  clock?: Clock;
  /** A second look for the approval after this long when the first finds none (default 2 s). */
  approvalRecheckMs?: number;
}

/**
 * Runs the gate checks of `mode: environment`. Throws a GateError that says what to fix when the deploy must
 * not go on; otherwise returns who approved.
 */
export async function runEnvironmentGate(
  settings: EnvironmentGateSettings,
  ports: EnvironmentGatePorts,
): Promise<GateResult> {
  const { reporter } = ports;
  const clock = ports.clock ?? systemClock;
  const { environment, repository } = settings;
  if (settings.eventName !== undefined)
    checkTriggerEvent(settings.eventName, environment, settings.productionEnvironments);
  const result: GateResult = {
    mode: "environment",
    decision: "not-required",
    approvedBy: [],
    reviewers: [],
    warnings: [],
  };
  const { github } = ports;
  if (!github) {
    if (settings.requireReviewers)
      throw new GateError(
        `cannot check the reviewers of environment '${environment}': no GitHub token was given (github-token)`,
      );
    return result;
  }

  const env = settings.requireReviewers ? await github.getEnvironment(environment) : undefined;
  result.reviewers = requiredReviewers(env, environment, repository, settings.requireReviewers);
  if (settings.requireReviewers)
    reporter.info(`Environment '${environment}' requires a review by ${result.reviewers.join(", ")}`);

  let approval: Approval | undefined;
  if (settings.runId) {
    const look = async () => {
      const approvals = await github.listRunApprovals(settings.runId!);
      const rejection = findRejection(approvals, environment);
      if (rejection)
        throw new GateError(
          `${rejection.approvedBy} rejected run ${settings.runId} for environment '${environment}'${rejection.comment ? `: ${rejection.comment}` : ""}`,
        );
      return findApproval(approvals, environment);
    };
    try {
      approval = await look();
      if (!approval && settings.requireReviewers) {
        await clock.sleep(ports.approvalRecheckMs ?? 2_000);
        approval = await look();
      }
    } catch (err) {
      if (settings.requireReviewers || err instanceof GateError) throw err;
      reporter.debug(`approvals not read (${(err as Error).message}); not required for ${environment}`);
    }
  }
  if (!approval) {
    if (settings.requireReviewers)
      throw new GateError(missingApprovalMessage(environment, repository, settings.runId, result.reviewers));
    return result;
  }
  result.decision = "approved";
  result.approvedBy = [approval.approvedBy];
  result.approvedAt = approval.approvedAt ?? clock.now().toISOString();
  result.approvalComment = approval.comment;
  result.warnings = approvalWarnings(approval, settings.actor, env);
  for (const w of result.warnings) reporter.warning(w);
  reporter.info(
    `Approved by ${approval.approvedBy}${approval.comment ? ` ("${approval.comment}")` : ""} for ${environment}`,
  );
  return result;
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
