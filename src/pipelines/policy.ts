import { describeError, GateError } from "../core/errors.js";
import { POLICY_PATH, type Policy } from "../core/policy.js";
import type { Reporter } from "../core/ports.js";
import type { GitHubClient } from "../vendors/github.js";
import { readRepoFile } from "../vendors/github-gate.js";

/**
 * The deploy policy as the default branch's HEAD has it, read through the API (never from the checkout, which
 * the workflow being gated controls). No file: undefined. A file that cannot be read or parsed refuses the
 * deploy (fail closed), naming the problem.
 */
export async function loadPolicy(github: GitHubClient, reporter: Reporter): Promise<Policy | undefined> {
  let file: Awaited<ReturnType<typeof readRepoFile>>;
  try {
    file = await readRepoFile(github, POLICY_PATH);
  } catch (err) {
    throw new GateError(
      `cannot read the deploy policy ${POLICY_PATH} of ${github.fullName}: ${describeError(err)}`,
    );
  }
  if (!file) {
    reporter.info(
      `No ${POLICY_PATH} on the default branch of ${github.fullName}: the workflow's inputs set the rules`,
    );
    return undefined;
  }
  const source = `${POLICY_PATH}@${file.ref} (${file.sha.slice(0, 7)})`;
  try {
    const { parsePolicy } = await import("../core/policy-file.js");
    const policy = parsePolicy(file.text, source);
    reporter.info(`Deploy policy: ${source}`);
    return policy;
  } catch (err) {
    throw new GateError(
      `the deploy policy is invalid, so nothing deploys until it is fixed: ${describeError(err)}`,
    );
  }
}
