import type { GitHubClient, WorkflowRun } from "./github.js";

/**
 * The GitHub reads the gate makes to verify a deploy for itself: the repository's default branch and a file on
 * it (the deploy policy, never from the checkout), one attempt of a workflow run, and the newest successful
 * deployment of an environment (what the preview diffs from when it holds no Heroku credential).
 */

export interface RepoFile {
  text: string;
  /** The blob SHA. */
  sha: string;
  /** The branch it was read from. */
  ref: string;
}

/** The repository's default branch (`main`). */
export async function getDefaultBranch(gh: GitHubClient): Promise<string> {
  const repo = await gh.json<{ default_branch?: string }>("GET", gh.repoPath(), {
    what: `read repository ${gh.fullName}`,
    hints: { 404: `${gh.fullName} does not exist or the token cannot see it` },
  });
  if (!repo?.default_branch)
    throw new Error(`GitHub did not say which branch of ${gh.fullName} is the default`);
  return repo.default_branch;
}

/** A file's text on `ref` (default: the default branch's HEAD); undefined when there is no such file. */
export async function readRepoFile(
  gh: GitHubClient,
  path: string,
  ref?: string,
): Promise<RepoFile | undefined> {
  const branch = ref ?? (await getDefaultBranch(gh));
  const res = await gh.request<{ type?: string; encoding?: string; content?: string; sha?: string }>(
    "GET",
    gh.repoPath(`/contents/${path.split("/").map(encodeURIComponent).join("/")}`),
    {
      query: { ref: branch },
      accept: [404],
      what: `read ${path} on ${branch}`,
      hints: { 403: "The token needs `contents: read`: add `permissions: contents: read` to the job" },
    },
  );
  if (res.status === 404) return undefined;
  const body = res.json;
  if (body?.type !== "file" || body.encoding !== "base64" || typeof body.content !== "string")
    throw new Error(`${path} on ${branch} of ${gh.fullName} is not a file GitHub can return`);
  return { text: Buffer.from(body.content, "base64").toString("utf8"), sha: body.sha ?? "", ref: branch };
}

/** One attempt of a workflow run: when it started and who started it. */
export function getRunAttempt(
  gh: GitHubClient,
  runId: string | number,
  attempt: number,
): Promise<WorkflowRun> {
  return gh.json<WorkflowRun>(
    "GET",
    gh.repoPath(`/actions/runs/${encodeURIComponent(String(runId))}/attempts/${attempt}`),
    {
      what: `read attempt ${attempt} of run ${runId}`,
      hints: { 403: "The token needs `actions: read`: add `permissions: actions: read` to the job" },
    },
  );
}

/**
 * The SHA of the newest deployment to `environment` whose latest status is `success`; undefined when none.
 * Anyone with `deployments: write` can record a deployment, so this is what the preview shows, never what the
 * deploy trusts: the deploy reads the live SHA again with the deploy key and refuses when it differs.
 */
export async function newestSuccessfulDeployment(
  gh: GitHubClient,
  environment: string,
  maxDeployments = 30,
): Promise<{ sha: string; deploymentId: number; createdAt: string } | undefined> {
  const list = await gh.listDeployments({ environment }, maxDeployments);
  const env = environment.toLowerCase();
  for (const d of list) {
    if (d.environment.toLowerCase() !== env) continue;
    const statuses = await gh.listDeploymentStatuses(d.id);
    const latest = [...statuses].sort((a, b) => b.id - a.id)[0];
    if (latest?.state === "success") return { sha: d.sha, deploymentId: d.id, createdAt: d.created_at };
  }
  return undefined;
}
