import { describeError } from "../core/errors.js";
import { POLICY_PATH } from "../core/policy.js";
import type { Reporter } from "../core/ports.js";
import type { GitHubClient } from "../vendors/github.js";
import { loadPolicy } from "./policy.js";

/**
 * `prodgate env check`: every weakness of a deploy environment that GitHub lets prodgate see. Each finding
 * says what to change; none means the gate is as strong as this repository's plan allows.
 */

export interface EnvironmentFinding {
  /** A stable key for scripts: no-environment, no-reviewers, self-review, any-branch, key-in-repository, ... */
  id: string;
  message: string;
}

export interface EnvironmentCheck {
  repository: string;
  environment: string;
  findings: EnvironmentFinding[];
}

export async function checkEnvironment(
  environment: string,
  opts: { secret: string },
  ports: { github: GitHubClient; reporter: Reporter },
): Promise<EnvironmentCheck> {
  const { github } = ports;
  const repo = github.fullName;
  const findings: EnvironmentFinding[] = [];
  const add = (id: string, message: string) => findings.push({ id, message });
  const setup = `prodgate env setup --repo ${repo} --environment ${environment}`;

  const env = await github.getEnvironment(environment);
  if (!env)
    add(
      "no-environment",
      `${repo} has no environment '${environment}': create it with ${setup} --reviewers LOGIN --prevent-self-review --branch main`,
    );
  else {
    const rule = env.protection_rules?.find((r) => r.type === "required_reviewers");
    if (!rule?.reviewers?.length)
      add(
        "no-reviewers",
        `'${environment}' has no required reviewers, so nobody approves a deploy (${setup} --reviewers LOGIN)`,
      );
    else if (!rule.prevent_self_review)
      add(
        "self-review",
        `'${environment}' lets whoever started a deploy approve it: turn on Prevent self-review (${setup} --reviewers ... --prevent-self-review)`,
      );
    const policy = env.deployment_branch_policy;
    if (!policy || (!policy.protected_branches && !policy.custom_branch_policies))
      add(
        "any-branch",
        `any branch may deploy to '${environment}', so a workflow on any branch can reach its secrets: ${setup} --reviewers ... --branch main`,
      );
  }

  const [repoSecrets, envSecrets] = await Promise.all([
    github.listRepoSecrets().catch((err: unknown) => {
      add(
        "secrets-unreadable",
        `the repository's secrets could not be listed (${describeError(err)}): the token needs Secrets read`,
      );
      return undefined;
    }),
    env
      ? github.listEnvironmentSecrets(environment).catch((err: unknown) => {
          add(
            "secrets-unreadable",
            `the secrets of '${environment}' could not be listed (${describeError(err)})`,
          );
          return undefined;
        })
      : Promise.resolve(undefined),
  ]);
  if (repoSecrets?.some((s) => s.name === opts.secret))
    add(
      "key-in-repository",
      `${opts.secret} is a repository secret, so any workflow on any branch can read it: keep the deploy key only as a secret of '${environment}' and delete the repository one`,
    );
  if (env && envSecrets && !envSecrets.some((s) => s.name === opts.secret))
    add(
      "key-not-in-environment",
      `${opts.secret} is not a secret of '${environment}': store the deploy key there, where only approved jobs can read it`,
    );

  try {
    const policy = await loadPolicy(github, ports.reporter);
    if (!policy)
      add(
        "no-policy",
        `there is no ${POLICY_PATH} on the default branch: without it the gated workflow's own inputs choose the approvers (add one, owned by CODEOWNERS, under branch protection)`,
      );
    else if (!policy.environments.has(environment.toLowerCase()))
      add("no-policy-rules", `${policy.source} has no rules for '${environment}'`);
  } catch (err) {
    add("bad-policy", describeError(err));
  }
  return { repository: repo, environment, findings };
}
