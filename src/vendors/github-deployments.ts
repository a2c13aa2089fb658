import type { GitHubCore, Schema } from "./github-core.js";
import { GitHubError, shortSha } from "./github-core.js";

/** Deployments and their statuses. */

export type Deployment = Schema<"deployment">;
export type DeploymentStatus = Schema<"deployment-status">;
export type DeploymentState = DeploymentStatus["state"];

export interface DeploymentRequest {
  sha: string;
  /** What the deployment names as its ref (branch, tag); default the SHA. */
  ref?: string;
  environment: string;
  task?: string;
  description?: string;
  payload?: Record<string, unknown> | string;
  production_environment?: boolean;
  transient_environment?: boolean;
}

export interface DeploymentStatusRequest {
  state: DeploymentState;
  environment_url?: string;
  log_url?: string;
  /** Cut to GitHub's 140 characters. */
  description?: string;
  environment?: string;
  auto_inactive?: boolean;
}

const HINTS: Partial<Record<number, string>> = {
  403: "The token needs `deployments: write`: add `permissions: deployments: write` to the job (or pass a token that has it)",
  422: "GitHub refused the deployment request; check the SHA and the environment name",
};

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Deployments, newest first, filtered as GitHub filters them. */
export async function listDeployments(
  gh: GitHubCore,
  filter: { sha?: string; ref?: string; environment?: string; task?: string } = {},
  maxItems = 100,
): Promise<Deployment[]> {
  const list = await gh.list<Deployment>(
    "GET /repos/{owner}/{repo}/deployments",
    { ...gh.ownerRepo, ...filter },
    { maxItems, what: "list deployments" },
  );
  return list.sort((a, b) => b.id - a.id);
}

export async function createDeployment(gh: GitHubCore, req: DeploymentRequest): Promise<Deployment> {
  const res = await gh.call<Deployment | { message?: string }>(
    "POST /repos/{owner}/{repo}/deployments",
    {
      ...gh.ownerRepo,
      ref: req.ref ?? req.sha,
      task: req.task ?? "deploy",
      auto_merge: false,
      required_contexts: [],
      environment: req.environment,
      description: req.description?.slice(0, 140),
      payload: req.payload ?? {},
      production_environment: req.production_environment,
      transient_environment: req.transient_environment,
    },
    { retry: false, what: `create a deployment of ${shortSha(req.sha)} to ${req.environment}`, hints: HINTS },
  );
  const body = res.data as Partial<Deployment> & { message?: string };
  if (res.status !== 201 || typeof body?.id !== "number")
    throw new GitHubError(
      `GitHub did not create a deployment of ${shortSha(req.sha)} to ${req.environment} (${res.status}${body?.message ? `: ${body.message}` : ""})`,
      res.status,
    );
  return body as Deployment;
}

/**
 * The deployment of `sha` to `environment`: the one a job that names the environment already has (newest
 * first), else a new one. Never creates a second one for the same SHA and environment.
 */
export async function findOrCreateDeployment(
  gh: GitHubCore,
  req: DeploymentRequest,
): Promise<{ deployment: Deployment; created: boolean }> {
  // Listed by SHA only: environment names are case-insensitive on GitHub, the filter may not be.
  const env = req.environment.toLowerCase();
  const found = await listDeployments(gh, { sha: req.sha }, 100);
  const match = found.find((d) => d.sha === req.sha && d.environment.toLowerCase() === env);
  if (match) return { deployment: match, created: false };
  return { deployment: await createDeployment(gh, req), created: true };
}

export function setDeploymentStatus(
  gh: GitHubCore,
  id: number,
  status: DeploymentStatusRequest,
): Promise<DeploymentStatus> {
  const body: Record<string, unknown> = { state: status.state };
  if (status.environment_url) body.environment_url = status.environment_url;
  if (status.log_url) body.log_url = status.log_url;
  if (status.description !== undefined) body.description = cut(status.description, 140);
  if (status.environment) body.environment = status.environment;
  if (status.auto_inactive !== undefined) body.auto_inactive = status.auto_inactive;
  return gh.data<DeploymentStatus>(
    "POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses",
    { ...gh.ownerRepo, deployment_id: id, ...body },
    { what: `set deployment ${id} to ${status.state}`, hints: HINTS },
  );
}

export function listDeploymentStatuses(gh: GitHubCore, id: number): Promise<DeploymentStatus[]> {
  return gh.list<DeploymentStatus>(
    "GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses",
    { ...gh.ownerRepo, deployment_id: id },
    { what: `list the statuses of deployment ${id}` },
  );
}
