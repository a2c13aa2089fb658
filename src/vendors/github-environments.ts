import type { EnvironmentProtection, EnvironmentPutBody, RunApproval } from "../core/gate.js";
import type { GitHubCore, GitHubUser, Schema } from "./github-core.js";

/** Environments, run approvals and environment setup (the gate), and the users and teams they name. */

/** GET /repos/{owner}/{repo}/environments/{name}, the fields prodgate reads (typed by the gate's own model). */
export interface GitHubEnvironment extends EnvironmentProtection {
  id: number;
  html_url: string;
  created_at: string;
  updated_at: string;
}

export type { EnvironmentPutBody, RunApproval };
/** GitHub always answers with `id` and `name`, which its description leaves optional. */
export type DeploymentBranchPolicy = Schema<"deployment-branch-policy"> & { id: number; name: string };
export type GitHubTeam = Schema<"team-full">;

const ENVIRONMENT_ADMIN_HINTS: Partial<Record<number, string>> = {
  403: "Configuring environments needs a token that administers the repository (a fine-grained token with `Administration: write`, or a classic token with the `repo` scope of an admin); a workflow's GITHUB_TOKEN cannot",
  404: "the repository does not exist, or the token cannot administer it",
};
const ACTIONS_READ_HINT = "The token needs `actions: read`: add `permissions: actions: read` to the job";

/** An environment with its protection rules; undefined when the repository has none by that name. */
export async function getEnvironment(gh: GitHubCore, name: string): Promise<GitHubEnvironment | undefined> {
  const res = await gh.call<GitHubEnvironment>(
    "GET /repos/{owner}/{repo}/environments/{environment_name}",
    { ...gh.ownerRepo, environment_name: name },
    {
      accept: [404],
      what: `read environment ${name} of ${gh.fullName}`,
      hints: {
        403: "The token needs read access to the repository's Actions: add `permissions: actions: read` to the job",
      },
    },
  );
  return res.ok ? res.data : undefined;
}

/** The reviews (approvals and rejections) of a workflow run's environments, as GitHub lists them. */
export async function listRunApprovals(gh: GitHubCore, runId: string | number): Promise<RunApproval[]> {
  const list = await gh.data<RunApproval[]>(
    "GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals",
    { ...gh.ownerRepo, run_id: runId },
    {
      what: `read the approvals of run ${runId} of ${gh.fullName}`,
      hints: {
        403: ACTIONS_READ_HINT,
        404: `${gh.fullName} has no workflow run ${runId} (or the token cannot see it)`,
      },
    },
  );
  return Array.isArray(list) ? list : [];
}

/** Creates or updates an environment's protection rules (needs a token that administers the repository). */
export function putEnvironment(
  gh: GitHubCore,
  name: string,
  body: EnvironmentPutBody,
): Promise<GitHubEnvironment> {
  return gh.data<GitHubEnvironment>(
    "PUT /repos/{owner}/{repo}/environments/{environment_name}",
    { ...gh.ownerRepo, environment_name: name, ...body },
    { what: `configure environment ${name} of ${gh.fullName}`, hints: ENVIRONMENT_ADMIN_HINTS },
  );
}

/** The branch and tag patterns allowed to deploy to an environment with custom branch policies. */
export function listBranchPolicies(gh: GitHubCore, environment: string): Promise<DeploymentBranchPolicy[]> {
  return gh.list<DeploymentBranchPolicy>(
    "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies",
    { ...gh.ownerRepo, environment_name: environment },
    { maxItems: 2_000, what: `list the deployment branches of environment ${environment}` },
  );
}

export function createBranchPolicy(
  gh: GitHubCore,
  environment: string,
  name: string,
  type: "branch" | "tag" = "branch",
): Promise<DeploymentBranchPolicy> {
  return gh.data<DeploymentBranchPolicy>(
    "POST /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies",
    { ...gh.ownerRepo, environment_name: environment, name, type },
    {
      retry: false,
      what: `allow ${type} ${name} to deploy to environment ${environment}`,
      hints: ENVIRONMENT_ADMIN_HINTS,
    },
  );
}

export async function deleteBranchPolicy(gh: GitHubCore, environment: string, id: number): Promise<void> {
  await gh.call(
    "DELETE /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies/{branch_policy_id}",
    { ...gh.ownerRepo, environment_name: environment, branch_policy_id: id },
    {
      accept: [404],
      what: `remove deployment branch policy ${id} of ${environment}`,
      hints: ENVIRONMENT_ADMIN_HINTS,
    },
  );
}

/** A user by login; undefined when GitHub has nobody by that name. */
export async function getUser(gh: GitHubCore, login: string): Promise<GitHubUser | undefined> {
  const res = await gh.call<GitHubUser>(
    "GET /users/{username}",
    { username: login },
    {
      accept: [404],
      what: `look up user ${login}`,
    },
  );
  return res.ok ? res.data : undefined;
}

/** A team of an organization by slug; undefined when there is none (or the token cannot see it). */
export async function getTeam(gh: GitHubCore, org: string, slug: string): Promise<GitHubTeam | undefined> {
  const res = await gh.call<GitHubTeam>(
    "GET /orgs/{org}/teams/{team_slug}",
    { org, team_slug: slug },
    {
      accept: [404],
      what: `look up team @${org}/${slug}`,
      hints: { 403: "Reading teams needs a token with `read:org` (classic) or organization Members: read" },
    },
  );
  return res.ok ? res.data : undefined;
}
