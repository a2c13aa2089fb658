import { isMap, isScalar, isSeq, type Node, type YAMLMap } from "yaml";
import { type Approver, approverKey, formatApprover, parseApprovers } from "./approval.js";
import { isNeverAllowedEvent } from "./gate.js";
import { bool, checkKeys, int, parseYamlFields, YamlFileError } from "./yaml-fields.js";

/**
 * The deploy policy, `.github/prodgate.yml`, read through the API from the default branch's HEAD (never from
 * the checkout, which the workflow being gated controls). Per environment: who may approve, how many must,
 * whether whoever started the run may approve it, which events besides workflow_dispatch may start a deploy,
 * and whether GitHub's required reviewers must decide. When the file exists it wins: the workflow's inputs can
 * make the gate stricter, never looser. Pure: the caller reads the file and hands in its text.
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

const ENV_KEYS = ["approvers", "minimum-approvals", "allow-self-approval", "events", "reviewers-required"];
const EVENT_NAME = /^[a-z][a-z0-9_]{0,63}$/;

/** Parses the policy file; every problem is reported with its line and field, and nothing half-parsed is used. */
export function parsePolicy(text: string, source: string = POLICY_PATH): Policy {
  const { doc, problems, report } = parseYamlFields(text);
  const environments = new Map<string, EnvironmentPolicy>();
  const root = doc.contents as Node | null;
  if (problems.length === 0) {
    if (!isMap(root)) report(root, "(top level)", "must be a mapping with an `environments:` key");
    else {
      checkKeys(root, ["environments"], "", report);
      const envs = root.get("environments", true) as Node | undefined;
      if (!isMap(envs)) report(envs ?? root, "environments", "must map environment names to their rules");
      else
        for (const pair of envs.items) {
          const name = isScalar(pair.key) ? String(pair.key.value).trim() : "";
          const path = `environments.${name || "?"}`;
          if (!name) {
            report(pair.key as Node, "environments", "environment names must be plain names");
            continue;
          }
          if (!isMap(pair.value)) {
            report(pair.value as Node, path, "must be a mapping of rules");
            continue;
          }
          environments.set(name.toLowerCase(), parseEnvironment(pair.value, path, report));
        }
    }
  }
  if (problems.length > 0) throw new YamlFileError("policy", "the deploy policy", source, problems);
  return { source, environments };
}

function parseEnvironment(
  map: YAMLMap,
  path: string,
  report: (node: Node | null | undefined, field: string, message: string) => void,
): EnvironmentPolicy {
  checkKeys(map, ENV_KEYS, path, report);
  const out: EnvironmentPolicy = { events: [] };
  const approversNode = map.get("approvers", true) as Node | undefined;
  if (approversNode !== undefined) {
    const list = stringList(approversNode, `${path}.approvers`, report);
    if (list)
      try {
        out.approvers = parseApprovers(`${path}.approvers`, list.join(","));
      } catch (err) {
        report(approversNode, `${path}.approvers`, (err as Error).message.replace(/^[^ ]+ /, ""));
      }
  }
  out.minimumApprovals = int(map, "minimum-approvals", path, report, 1, 100);
  out.allowSelfApproval = bool(map, "allow-self-approval", path, report);
  out.reviewersRequired = bool(map, "reviewers-required", path, report);
  const eventsNode = map.get("events", true) as Node | undefined;
  if (eventsNode !== undefined)
    for (const e of stringList(eventsNode, `${path}.events`, report) ?? []) {
      if (!EVENT_NAME.test(e)) report(eventsNode, `${path}.events`, `'${e}' is not a GitHub event name`);
      else if (isNeverAllowedEvent(e))
        report(
          eventsNode,
          `${path}.events`,
          `'${e}' can never start a production deploy (push, pull_request*, schedule and workflow_run are refused always)`,
        );
      else if (e !== "workflow_dispatch") out.events.push(e);
    }
  return out;
}

function stringList(
  node: Node,
  field: string,
  report: (node: Node | null | undefined, field: string, message: string) => void,
): string[] | undefined {
  if (!isSeq(node)) {
    report(node, field, 'must be a list, e.g. [alice, "@acme/deployers"]');
    return undefined;
  }
  const out: string[] = [];
  for (const item of node.items as Node[]) {
    if (!isScalar(item) || typeof item.value !== "string" || !item.value.trim()) {
      report(item, field, "must list plain names");
      return undefined;
    }
    out.push(item.value.trim());
  }
  return out;
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
