import * as runs from "./github-actions-runs.js";
import * as comments from "./github-comments.js";
import * as commits from "./github-commits.js";
import { GitHubCore } from "./github-core.js";
import * as deployments from "./github-deployments.js";
import * as envs from "./github-environments.js";
import * as issues from "./github-issues.js";

/**
 * The GitHub REST client of the whole project, on Octokit with its pagination, retry and throttling plugins
 * (github-octokit.ts); answers typed from GitHub's OpenAPI description (@octokit/openapi-types). Each area
 * lives in its own module (commits, comments, deployments, issues, Actions runs and secrets, environments);
 * this class is their one face. Errors name the operation and, where one exists, the fix.
 */
export class GitHubClient extends GitHubCore {
  // ---- commits, refs, pull requests ----
  getCommit = (ref: string) => commits.getCommit(this, ref);
  findCommit = (ref: string) => commits.findCommit(this, ref);
  getRef = (ref: string) => commits.getRef(this, ref);
  listCommits = (sha: string, max: number) => commits.listCommits(this, sha, max);
  countCommits = (sha: string) => commits.countCommits(this, sha);
  compare = (base: string, head: string, opts?: { newest?: number; pageSize?: number }) =>
    commits.compare(this, base, head, opts);
  pullsForCommit = (sha: string) => commits.pullsForCommit(this, sha);

  // ---- comments ----
  listIssueComments = (issue: number) => comments.listIssueComments(this, issue);
  createIssueComment = (issue: number, body: string) => comments.createIssueComment(this, issue, body);
  updateIssueComment = (id: number, body: string) => comments.updateIssueComment(this, id, body);
  deleteIssueComment = (id: number) => comments.deleteIssueComment(this, id);
  listCommitComments = (sha: string) => comments.listCommitComments(this, sha);
  createCommitComment = (sha: string, body: string) => comments.createCommitComment(this, sha, body);
  updateCommitComment = (id: number, body: string) => comments.updateCommitComment(this, id, body);
  deleteCommitComment = (id: number) => comments.deleteCommitComment(this, id);
  upsertStickyComment = (opts: { target: comments.CommentTarget; key: string; body: string }) =>
    comments.upsertStickyComment(this, opts);

  // ---- deployments ----
  listDeployments = (
    filter?: { sha?: string; ref?: string; environment?: string; task?: string },
    max?: number,
  ) => deployments.listDeployments(this, filter, max);
  createDeployment = (req: deployments.DeploymentRequest) => deployments.createDeployment(this, req);
  findOrCreateDeployment = (req: deployments.DeploymentRequest) =>
    deployments.findOrCreateDeployment(this, req);
  setDeploymentStatus = (id: number, status: deployments.DeploymentStatusRequest) =>
    deployments.setDeploymentStatus(this, id, status);
  listDeploymentStatuses = (id: number) => deployments.listDeploymentStatuses(this, id);

  // ---- workflow runs and issues (status sweep) ----
  listWorkflowRuns = (opts?: { branch?: string; workflow?: string; perPage?: number; event?: string }) =>
    runs.listWorkflowRuns(this, opts);
  listIssues = (opts?: { labels?: string[]; state?: "open" | "closed" | "all"; maxItems?: number }) =>
    issues.listIssues(this, opts);
  createIssue = (issue: { title: string; body: string; labels?: string[] }) =>
    issues.createIssue(this, issue);
  updateIssue = (number: number, patch: Parameters<typeof issues.updateIssue>[2]) =>
    issues.updateIssue(this, number, patch);

  // ---- Actions secrets metadata and workflow dispatch (rotation sweep) ----
  listRepoSecrets = () => runs.listRepoSecrets(this);
  listEnvironmentSecrets = (environment: string) => runs.listEnvironmentSecrets(this, environment);
  dispatchWorkflow = (workflow: string, ref: string, inputs: Record<string, string>) =>
    runs.dispatchWorkflow(this, this.clock, workflow, ref, inputs);
  getWorkflowRun = (runId: number) => runs.getWorkflowRun(this, runId);

  // ---- environments, run approvals and environment setup (the gate) ----
  getEnvironment = (name: string) => envs.getEnvironment(this, name);
  listRunApprovals = (runId: string | number) => envs.listRunApprovals(this, runId);
  putEnvironment = (name: string, body: envs.EnvironmentPutBody) => envs.putEnvironment(this, name, body);
  listBranchPolicies = (environment: string) => envs.listBranchPolicies(this, environment);
  createBranchPolicy = (environment: string, name: string, type?: "branch" | "tag") =>
    envs.createBranchPolicy(this, environment, name, type);
  deleteBranchPolicy = (environment: string, id: number) => envs.deleteBranchPolicy(this, environment, id);
  getUser = (login: string) => envs.getUser(this, login);
  getTeam = (org: string, slug: string) => envs.getTeam(this, org, slug);
}

export type { ActionsSecretInfo, DispatchResult, WorkflowRun } from "./github-actions-runs.js";
export {
  type Comment,
  type CommentTarget,
  type CommitComment,
  fitComment,
  type IssueComment,
  listAllIssueComments,
  type StickyResult,
  stickyMarker,
} from "./github-comments.js";
export type {
  CompareStatus,
  Comparison,
  DiffEntry,
  GitHubCommit,
  GitRef,
  PullRequest,
} from "./github-commits.js";
export {
  ACTIONS_BOT_LOGIN,
  type Answer,
  type CallOptions,
  COMMENT_LIMIT,
  type GitHubClientOptions,
  GitHubError,
  type GitHubResponse,
  type GitHubUser,
  linkRel,
  parseRepository,
  shortSha,
} from "./github-core.js";
export type {
  Deployment,
  DeploymentRequest,
  DeploymentState,
  DeploymentStatus,
  DeploymentStatusRequest,
} from "./github-deployments.js";
export type {
  DeploymentBranchPolicy,
  EnvironmentPutBody,
  GitHubEnvironment,
  GitHubTeam,
  RunApproval,
} from "./github-environments.js";
export { type ETagCache, type ETagEntry, memoryETagCache } from "./github-etag.js";
export {
  addIssueAssignees,
  getIssue,
  type Issue,
  type IssueDetails,
  listTeamMembers,
} from "./github-issues.js";
export { GITHUB_API_VERSION } from "./github-octokit.js";
