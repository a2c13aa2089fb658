import { type Approver, approvalMarker, recordedDecision, tallyApprovals } from "../core/approval.js";
import { GateError } from "../core/errors.js";
import {
  checkTriggerEvent,
  type EnvironmentProtection,
  isProduction,
  type RunApproval,
  requiredReviewers,
} from "../core/gate.js";
import { type GateRules, gateRules, type Policy } from "../core/policy.js";
import { type Clock, type Reporter, systemClock } from "../core/ports.js";
import { type GitHubClient, getIssue, listAllIssueComments } from "../vendors/github.js";
import { getRunAttempt } from "../vendors/github-gate.js";
import { resolveApproverLogins } from "./approvers.js";
import { loadPolicy } from "./policy.js";

/**
 * The deploy step's own check of the approval, from GitHub, every time: the step that pushes never takes an
 * approver's name, a verdict or the rules from an earlier step. Environment mode: the environment's required
 * reviewers and the review that let THIS attempt through. Issue mode: the approval issue is read back (only its
 * number comes from the gate step) and decided again with the same rules. Both: the policy file on the default
 * branch wins over the workflow's inputs, production starts only from an allowed event, and a production
 * environment must limit which branches may deploy.
 */

export type ApprovalMode = "environment" | "issue";

export interface ApprovalCheckSettings {
  mode: ApprovalMode;
  environment: string;
  productionEnvironments: readonly string[];
  repository: string;
  /** GITHUB_EVENT_NAME; a production deploy with none is refused. */
  eventName?: string;
  /** Who triggered this attempt (github.triggering_actor): bound by the self-approval rule. */
  actor: string;
  /** Who started the run (github.actor), when not the same person: bound by the same rule. */
  runActor?: string;
  runId: string;
  runAttempt: number;
  /** The workflow asked for required reviewers (only ever adds to the policy and the production default). */
  requireReviewers?: boolean;
  /** Issue mode: the approval issue's number and the rules both the gate step and this step apply. */
  issue?: {
    number?: number;
    app?: string;
    approvers?: readonly Approver[];
    minimumApprovals?: number;
    allowSelfApproval?: boolean;
  };
  /** Review entries of this environment that earlier attempts of the run used (see store/approval-ledger). */
  entriesUsed?: number;
}

export interface ApprovalCheckResult {
  decision: "approved" | "not-required";
  mode: ApprovalMode;
  approvedBy: string[];
  /** ISO 8601; in environment mode when the approval was seen (GitHub's answer carries no time). */
  approvedAt?: string;
  /** The reviewer's comment, or the decisive approval comment in issue mode. */
  approvalComment?: string;
  /** The environment's required reviewers (environment mode). */
  reviewers: string[];
  rules: GateRules;
  /** Environment mode: review entries of this environment seen now (recorded so a re-run cannot reuse them). */
  approvalEntries?: number;
  issueNumber?: number;
  warnings: string[];
}

export interface ApprovalCheckPorts {
  github: GitHubClient;
  /** Reads team members (org Members: read); the job's token cannot. Default: `github`. */
  teams?: GitHubClient;
  reporter: Reporter;
  clock?: Clock;
  /** Already read (environment-gate reads it once for both steps of a job); read here otherwise. */
  policy?: Policy | null;
}

export async function verifyDeployApproval(
  settings: ApprovalCheckSettings,
  ports: ApprovalCheckPorts,
): Promise<ApprovalCheckResult> {
  const { github, reporter } = ports;
  const { environment, repository } = settings;
  const production = isProduction(environment, settings.productionEnvironments);
  const policy =
    ports.policy === undefined ? await loadPolicy(github, reporter) : (ports.policy ?? undefined);
  const rules = gateRules(policy, environment, {
    approvers: settings.issue?.approvers,
    minimumApprovals: settings.issue?.minimumApprovals,
    allowSelfApproval: settings.issue?.allowSelfApproval,
    requireReviewers: settings.requireReviewers,
  });
  for (const n of rules.notes) reporter.warning(n);
  if (production && !settings.eventName)
    throw new GateError(
      `refusing to deploy to ${environment}: the triggering event is unknown, and production deploys start only from a deliberate dispatch`,
    );
  if (settings.eventName !== undefined)
    checkTriggerEvent(settings.eventName, environment, settings.productionEnvironments, rules.events);

  const result: ApprovalCheckResult = {
    decision: "not-required",
    mode: settings.mode,
    approvedBy: [],
    reviewers: [],
    rules,
    warnings: [],
  };
  const required = production || rules.reviewersRequired || settings.mode === "issue";
  if (!required) return result;

  const env = await github.getEnvironment(environment);
  if (production) checkBranchPolicy(env, environment, repository);

  if (settings.mode === "issue") {
    if (rules.reviewersRequired)
      throw new GateError(
        `${rules.source} requires GitHub's required reviewers for ${environment} (reviewers-required: true): the issue-comment gate (approval: issue) is refused`,
      );
    return verifyIssueApproval(settings, ports, rules, result);
  }
  return verifyEnvironmentApproval(settings, ports, rules, env, result);
}

/** A production environment that any branch may enter protects nothing: a branch workflow could deploy. */
function checkBranchPolicy(
  env: EnvironmentProtection | undefined,
  environment: string,
  repository: string,
): void {
  if (!env)
    throw new GateError(
      `environment '${environment}' does not exist in ${repository}: create it with required reviewers and a deployment branch policy (prodgate env setup --repo ${repository} --environment ${environment} --reviewers LOGIN --branch main)`,
    );
  const policy = env.deployment_branch_policy;
  if (!policy || (!policy.protected_branches && !policy.custom_branch_policies))
    throw new GateError(
      `environment '${environment}' of ${repository} lets any branch deploy, so a workflow on any branch could enter it: limit it to protected or selected branches (prodgate env setup --repo ${repository} --environment ${environment} --branch main, or Settings → Environments → ${environment} → Deployment branches)`,
    );
}

async function verifyEnvironmentApproval(
  settings: ApprovalCheckSettings,
  ports: ApprovalCheckPorts,
  rules: GateRules,
  env: (EnvironmentProtection & { name?: string }) | undefined,
  result: ApprovalCheckResult,
): Promise<ApprovalCheckResult> {
  const { environment, repository, runId } = settings;
  const reviewers = requiredReviewers(env, environment, repository, true);
  ports.reporter.info(`Environment '${environment}' requires a review by ${reviewers.join(", ")}`);
  if (rules.minimumApprovals > 1)
    throw new GateError(
      `${rules.source} asks for ${rules.minimumApprovals} approvals for ${environment}, but GitHub's required reviewers let one approval through: use the issue-comment gate (approval: issue) for several approvals`,
    );
  const approvals = await ports.github.listRunApprovals(runId);
  const entries = approvals.filter(
    (a) =>
      (a.state === "approved" || a.state === "rejected") &&
      a.environments.some((e) => (e.name ?? "").toLowerCase() === environment.toLowerCase()),
  );
  result.approvalEntries = entries.length;
  const used = Math.min(settings.entriesUsed ?? 0, entries.length);
  // Entries before `used` belong to earlier attempts: a rejection there does not block this attempt (GitHub let
  // it through), and an approval there is not this attempt's approver.
  const mine: RunApproval | undefined = entries.slice(used).at(-1);
  if (mine?.state === "rejected")
    throw new GateError(
      `${mine.user.login} rejected attempt ${settings.runAttempt} of run ${runId} for environment '${environment}'${mine.comment ? `: ${mine.comment}` : ""}`,
    );
  if (mine?.state !== "approved") {
    const earlier = used > 0 ? ` (the ${used} review(s) before belong to earlier attempts of the run)` : "";
    throw new GateError(
      `no reviewer approved attempt ${settings.runAttempt} of run ${runId} of ${repository} for environment '${environment}'${earlier} (required reviewers: ${reviewers.join(", ")}). The deploy job must name the environment (\`environment: ${environment}\`) so that GitHub pauses it until a reviewer approves; a run that bypassed the protection rules is refused.`,
    );
  }
  const approver = mine.user.login;
  const self = [settings.actor, settings.runActor ?? ""].filter(Boolean).map((l) => l.toLowerCase());
  if (self.includes(approver.toLowerCase())) {
    const rule = env?.protection_rules?.find((r) => r.type === "required_reviewers");
    if (!rules.allowSelfApproval && rules.fromPolicy)
      throw new GateError(
        `${approver} approved their own deploy, and ${rules.source} does not allow self-approval for ${environment}: a second person must approve`,
      );
    if (!rule?.prevent_self_review)
      result.warnings.push(
        `${approver} approved their own deploy: turn on "Prevent self-review" for environment '${environment}' (prodgate env setup --prevent-self-review) so that a second person must approve`,
      );
  }
  if (rules.approvers.length > 0) {
    const allowed = await resolveApproverLogins(ports.teams ?? ports.github, rules, ports.reporter);
    if (!allowed.some((l) => l.toLowerCase() === approver.toLowerCase()))
      throw new GateError(
        `${approver} approved run ${runId} for ${environment}, but ${rules.source} does not list them as an approver`,
      );
  }
  for (const w of result.warnings) ports.reporter.warning(w);
  ports.reporter.info(
    `Approved by ${approver}${mine.comment ? ` ("${mine.comment}")` : ""} for ${environment}`,
  );
  return {
    ...result,
    decision: "approved",
    approvedBy: [approver],
    approvedAt: (ports.clock ?? systemClock).now().toISOString(),
    approvalComment: mine.comment,
    reviewers,
  };
}

async function verifyIssueApproval(
  settings: ApprovalCheckSettings,
  ports: ApprovalCheckPorts,
  rules: GateRules,
  result: ApprovalCheckResult,
): Promise<ApprovalCheckResult> {
  const { github, reporter } = ports;
  const { environment, runId } = settings;
  const number = settings.issue?.number;
  if (!number)
    throw new GateError(
      "approval: issue needs the approval issue's number (approval-issue, from the environment-gate step's issue-number output)",
    );
  const refuse = (why: string): never => {
    throw new GateError(`approval issue #${number} does not approve this deploy: ${why}`);
  };
  const self = await github.identity();
  const issue = await getIssue(github, number);
  if (!issue) refuse("it does not exist");
  const marker = approvalMarker({
    repository: github.fullName,
    app: settings.issue?.app,
    environment,
    runId,
  });
  if (!(issue!.body ?? "").includes(marker))
    refuse(`it is not the approval issue of run ${runId} for ${environment}`);
  if ((issue!.user?.login ?? "").toLowerCase() !== self.toLowerCase())
    refuse(`it was opened by @${issue!.user?.login ?? "someone"}, not by the gate (@${self})`);
  const comments = await listAllIssueComments(github, number);
  const decisions = comments.filter(
    (c) => (c.user?.login ?? "").toLowerCase() === self.toLowerCase() && (c.body ?? "").includes(marker),
  );
  for (const c of decisions)
    if (c.updated_at !== c.created_at)
      refuse(`the gate's comment ${c.id} was edited after the gate wrote it`);

  const approvers = await resolveApproverLogins(ports.teams ?? github, rules, reporter);
  const tally = tallyApprovals(
    comments
      .filter((c) => c.user?.login)
      .map((c) => ({
        id: c.id,
        user: c.user!.login,
        body: c.body ?? "",
        createdAt: c.created_at,
        updatedAt: c.updated_at,
      })),
    {
      approvers,
      minimumApprovals: rules.minimumApprovals,
      dispatcher: settings.runActor ?? settings.actor,
      rerunBy: settings.actor,
      allowSelfApproval: rules.allowSelfApproval,
      marker,
    },
  );
  if (tally.state === "rejected") refuse(`denied by @${tally.deniedBy}`);
  const recorded = decisions.map((c) => recordedDecision(c.body ?? "")).filter(Boolean);
  // A deny deleted after the gate saw it still stands: the gate's own record of it says so.
  if (recorded.includes("rejected")) refuse("the gate recorded a rejection on it");
  if (issue!.state !== "closed" || issue!.state_reason !== "completed")
    refuse("the gate has not closed it as approved");
  if ((issue!.closed_by?.login ?? "").toLowerCase() !== self.toLowerCase())
    refuse(`it was closed by @${issue!.closed_by?.login ?? "someone"}, not by the gate`);
  const attempt = await getRunAttempt(github, runId, settings.runAttempt);
  const startedAt = attempt.run_started_at ?? attempt.created_at;
  if (issue!.closed_at && startedAt && issue!.closed_at < startedAt)
    refuse(`it was decided before attempt ${settings.runAttempt} of the run started`);

  if (recorded.at(-1) !== "approved") refuse("the gate recorded no approval on it");
  if (tally.state !== "approved")
    refuse(
      `it has ${tally.approvedBy.length} of ${rules.minimumApprovals} approvals that count under ${rules.source}`,
    );
  reporter.info(
    `Approval issue #${number} read back: approved by ${tally.approvedBy.map((l) => `@${l}`).join(", ")}`,
  );
  return {
    ...result,
    decision: "approved",
    approvedBy: tally.approvedBy,
    approvedAt: tally.approvedAt,
    approvalComment: tally.decisiveComment?.body.slice(0, 1000),
    issueNumber: number,
  };
}
