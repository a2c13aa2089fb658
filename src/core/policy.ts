import { type Approver, approverKey, formatApprover } from "./approval.js";

/**
 * The deploy policy, `.github/prodgate.yml`, read through the API from the default branch's HEAD (never from
 * the checkout, which the workflow being gated controls). Per environment: who may approve, how many must,
 * whether whoever started the run may approve it, which events besides workflow_dispatch may start a deploy,
 * and whether GitHub's required reviewers must decide. When the file exists it wins: the workflow's inputs can
 * make the gate stricter, never looser. Pure; the
 * file is parsed by `core/policy-file.ts` (loaded only when a policy file exists).
 *
 *   environments:
 *     production:
 *       approvers: [alice, "@acme/deployers"]
 *       minimum-approvals: 2
 *       allow-self-approval: false
 *       events: [repository_dispatch]
 *       reviewers-required: true
 */

export const POLICY_PATH = ".github/prodgate.yml";

export interface EnvironmentPolicy {
  approvers?: Approver[];
  minimumApprovals?: number;
  allowSelfApproval?: boolean;
  /** Events besides workflow_dispatch that may start a deploy (never push, pull_request*, schedule, workflow_run). */
  events: string[];
  /** GitHub's required reviewers must approve (the issue-comment gate is refused). */
  reviewersRequired?: boolean;
}

export interface Policy {
  /** Where it was read: `.github/prodgate.yml@main (1a2b3c4)`. */
  source: string;
  /** Lower-cased environment name → its rules. */
  environments: Map<string, EnvironmentPolicy>;
}

/** The inputs a workflow gives the gate (they can only tighten a policy). */
export interface GateInputs {
  approvers?: readonly Approver[];
  minimumApprovals?: number;
  allowSelfApproval?: boolean;
  /** The workflow asked for GitHub's required reviewers (`require-reviewers: true`). */
  requireReviewers?: boolean;
}

/** The rules the gate applies: the policy's, tightened by the inputs; or the inputs alone without a policy. */
export interface GateRules {
  /** Who may approve in issue mode (teams resolved later). */
  approvers: Approver[];
  /**
   * With a policy: the workflow's own approver list, which can only narrow the policy's (an approver must be
   * on both). Undefined when there is nothing to narrow by.
   */
  narrowTo?: Approver[];
  minimumApprovals: number;
  allowSelfApproval: boolean;
  /** Events besides workflow_dispatch that may start a production deploy. */
  events: string[];
  reviewersRequired: boolean;
  /** `.github/prodgate.yml@main (1a2b3c4)`, or `workflow inputs` when no policy covers the environment. */
  source: string;
  /** True when the policy file has rules for the environment. */
  fromPolicy: boolean;
  /** Lines that say where an input was overruled (for logs and the summary). */
  notes: string[];
}

/** Merges the policy of `environment` (when the file has one) with the inputs; stricter always wins. */
export function gateRules(policy: Policy | undefined, environment: string, inputs: GateInputs): GateRules {
  const env = policy?.environments.get(environment.trim().toLowerCase());
  const inputApprovers = inputs.approvers?.length ? [...inputs.approvers] : undefined;
  if (!env)
    return {
      approvers: inputApprovers ?? [],
      minimumApprovals: inputs.minimumApprovals ?? 1,
      allowSelfApproval: inputs.allowSelfApproval ?? false,
      events: [],
      reviewersRequired: inputs.requireReviewers ?? false,
      source: policy
        ? `workflow inputs (${policy.source} has no rules for '${environment}')`
        : "workflow inputs",
      fromPolicy: false,
      notes: [],
    };
  const notes: string[] = [];
  const minimum = Math.max(env.minimumApprovals ?? 1, inputs.minimumApprovals ?? 1);
  if ((inputs.minimumApprovals ?? 1) < minimum)
    notes.push(`minimum-approvals ${inputs.minimumApprovals ?? 1} raised to ${minimum} by ${policy!.source}`);
  const policyAllows = env.allowSelfApproval ?? false;
  if (inputs.allowSelfApproval && !policyAllows)
    notes.push(`allow-self-approval: true overruled by ${policy!.source}`);
  const approvers = env.approvers ?? inputApprovers ?? [];
  const narrowTo = env.approvers && inputApprovers ? inputApprovers : undefined;
  if (narrowTo) {
    const allowed = new Set(env.approvers!.map(approverKey));
    const outside = narrowTo.filter((a) => a.kind === "user" && !allowed.has(approverKey(a)));
    if (outside.length)
      notes.push(
        `${outside.map(formatApprover).join(", ")} ${outside.length === 1 ? "is" : "are"} not an approver in ${policy!.source} and cannot approve`,
      );
  }
  return {
    approvers,
    narrowTo,
    minimumApprovals: minimum,
    allowSelfApproval: policyAllows && (inputs.allowSelfApproval ?? true),
    events: [...env.events],
    reviewersRequired: (env.reviewersRequired ?? false) || (inputs.requireReviewers ?? false),
    source: policy!.source,
    fromPolicy: true,
    notes,
  };
}
