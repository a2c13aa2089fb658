import { isMap, isScalar, isSeq, type Node, type YAMLMap } from "yaml";
import { parseApprovers } from "./approval.js";
import { isNeverAllowedEvent } from "./gate.js";
import { type EnvironmentPolicy, POLICY_PATH, type Policy } from "./policy.js";
import { bool, checkKeys, int, parseYamlFields, YamlFileError } from "./yaml-fields.js";

/**
 * Parses `.github/prodgate.yml` (the shape is in `core/policy.ts`). Pure: the caller reads the file and hands in
 * its text. Kept apart so that a deploy without a policy file never loads the YAML parser.
 */

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
