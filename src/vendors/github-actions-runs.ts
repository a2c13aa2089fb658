import type { Clock } from "../core/ports.js";
import type { GitHubCore, Schema } from "./github-core.js";
import { GitHubError } from "./github-core.js";

/** Workflow runs (status sweep, gate), workflow dispatch and Actions secrets metadata (rotation sweep). */

export type WorkflowRun = Schema<"workflow-run">;

/** An Actions (repository or environment) secret as GitHub lists it: a name and dates, never a value. */
export interface ActionsSecretInfo {
  name: string;
  created_at: string;
  updated_at: string;
}

export interface DispatchResult {
  runId?: number;
  runUrl?: string;
  htmlUrl?: string;
}

const ACTIONS_READ_HINT = "The token needs `actions: read`: add `permissions: actions: read` to the job";
const SECRETS_READ_HINTS: Partial<Record<number, string>> = {
  403: "Reading secrets metadata needs a token with secrets read permission (a fine-grained token or GitHub App with `Secrets: read`, or a classic token with the `repo` scope); the default GITHUB_TOKEN cannot have it: pass such a token in 'github-secrets-token'",
};

/** Workflow runs, newest first: of the repository, or of one workflow file (`deploy.yml`) when given. */
export async function listWorkflowRuns(
  gh: GitHubCore,
  opts: { branch?: string; workflow?: string; perPage?: number; event?: string } = {},
): Promise<WorkflowRun[]> {
  const query = { branch: opts.branch, event: opts.event, per_page: Math.min(100, opts.perPage ?? 30) };
  const what = `list workflow runs${opts.workflow ? ` of ${opts.workflow}` : ""}`;
  const res = opts.workflow
    ? await gh.call<{ workflow_runs: WorkflowRun[] }>(
        "GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs",
        { ...gh.ownerRepo, workflow_id: opts.workflow, ...query },
        { what, hints: { 403: ACTIONS_READ_HINT } },
      )
    : await gh.call<{ workflow_runs: WorkflowRun[] }>(
        "GET /repos/{owner}/{repo}/actions/runs",
        { ...gh.ownerRepo, ...query },
        { what, hints: { 403: ACTIONS_READ_HINT } },
      );
  return (res.data as { workflow_runs?: WorkflowRun[] })?.workflow_runs ?? [];
}

/** One workflow run (status, conclusion, link). */
export function getWorkflowRun(gh: GitHubCore, runId: number): Promise<WorkflowRun> {
  return gh.data<WorkflowRun>(
    "GET /repos/{owner}/{repo}/actions/runs/{run_id}",
    { ...gh.ownerRepo, run_id: runId },
    { what: `read workflow run ${runId} of ${gh.fullName}`, hints: { 403: ACTIONS_READ_HINT } },
  );
}

/**
 * Dispatches a workflow (file name, e.g. rotate-heroku.yml) on `ref` with `inputs`, asking GitHub for the
 * run's id (`return_run_details`). A server without that parameter (GitHub Enterprise Server) either refuses
 * it (422, and nothing ran: sent once more without it) or answers 204 without details; then the run is found
 * in the workflow's runs: the newest workflow_dispatch run on `ref` created since the dispatch. Never retried
 * otherwise: a second dispatch would start a second run.
 */
export async function dispatchWorkflow(
  gh: GitHubCore,
  clock: Clock,
  workflow: string,
  ref: string,
  inputs: Record<string, string>,
): Promise<DispatchResult> {
  const send = (details: boolean) =>
    gh.call<{ workflow_run_id?: number; run_url?: string; html_url?: string }>(
      "POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches",
      {
        ...gh.ownerRepo,
        workflow_id: workflow,
        ref,
        inputs,
        ...(details ? { return_run_details: true } : {}),
      },
      {
        retry: false,
        what: `dispatch ${workflow} in ${gh.fullName}`,
        hints: {
          403: "The token needs `actions: write` to dispatch workflows: add `permissions: actions: write` to the job (or pass a token that has it)",
          404: `${gh.fullName} has no workflow ${workflow} (or the token cannot see it)`,
          422: `the workflow needs an \`on: workflow_dispatch\` trigger declaring the inputs ${Object.keys(inputs).join(" and ")}, and the ref '${ref}' must exist`,
        },
      },
    );
  let res: Awaited<ReturnType<typeof send>>;
  try {
    res = await send(true);
  } catch (err) {
    if (
      !(err instanceof GitHubError && err.status === 422 && /return_run_details/.test(err.apiMessage ?? ""))
    )
      throw err;
    res = await send(false);
  }
  const body = res.status === 200 ? (res.data as Record<string, unknown> | undefined) : undefined;
  if (typeof body?.workflow_run_id === "number")
    return {
      runId: body.workflow_run_id,
      ...(typeof body.run_url === "string" ? { runUrl: body.run_url } : {}),
      ...(typeof body.html_url === "string" ? { htmlUrl: body.html_url } : {}),
    };
  const date = Date.parse(String(res.headers.date ?? ""));
  const since = (Number.isFinite(date) ? date : clock.now().getTime()) - 2_000;
  return findDispatchedRun(gh, clock, workflow, ref, since);
}

/** The run a dispatch without run details started: looked for a few times, as GitHub creates it shortly after. */
async function findDispatchedRun(
  gh: GitHubCore,
  clock: Clock,
  workflow: string,
  ref: string,
  since: number,
): Promise<DispatchResult> {
  const branch = ref.replace(/^refs\/heads\//, "");
  for (let attempt = 0; attempt < 5; attempt++) {
    if (attempt > 0) await clock.sleep(2_000 * attempt);
    const runs = await listWorkflowRuns(gh, { workflow, event: "workflow_dispatch", perPage: 20 });
    const run = runs
      .filter(
        (r) => Date.parse(r.created_at) >= since && (r.head_branch === branch || /^[0-9a-f]{40}$/.test(ref)),
      )
      .sort((a, b) => b.id - a.id)[0];
    if (run) return { runId: run.id, runUrl: run.url, htmlUrl: run.html_url };
  }
  return {};
}

/** Names and dates of the repository's Actions secrets; GitHub never returns their values. */
export function listRepoSecrets(gh: GitHubCore): Promise<ActionsSecretInfo[]> {
  return listSecrets(
    gh,
    "GET /repos/{owner}/{repo}/actions/secrets",
    {},
    `list the Actions secrets of ${gh.fullName}`,
    {
      404: `${gh.fullName} does not exist or the token cannot see it`,
    },
  );
}

/** Names and dates of an environment's secrets. */
export function listEnvironmentSecrets(gh: GitHubCore, environment: string): Promise<ActionsSecretInfo[]> {
  return listSecrets(
    gh,
    "GET /repos/{owner}/{repo}/environments/{environment_name}/secrets",
    { environment_name: environment },
    `list the secrets of environment ${environment} of ${gh.fullName}`,
    { 404: `${gh.fullName} has no environment '${environment}' (or the token cannot see the repository)` },
  );
}

async function listSecrets(
  gh: GitHubCore,
  route: string,
  params: Record<string, unknown>,
  what: string,
  hints: Partial<Record<number, string>>,
): Promise<ActionsSecretInfo[]> {
  const secrets = await gh.list<Partial<ActionsSecretInfo>>(
    route,
    { ...gh.ownerRepo, ...params },
    { maxItems: 5_000, what, hints: { ...SECRETS_READ_HINTS, ...hints } },
  );
  return secrets
    .filter((s) => typeof s?.name === "string")
    .map((s) => ({
      name: s.name!,
      created_at: String(s.created_at ?? ""),
      updated_at: String(s.updated_at ?? ""),
    }));
}
