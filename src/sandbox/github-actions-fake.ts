import type { FakeRequest } from "./fake-server.js";
import { ACTIONS_BOT, type FakeRepo, fail, type GitHubApiFake, type RouteContext } from "./github-api.js";
import { environmentState } from "./github-environments-fake.js";
import { workflowRunJson } from "./github-issues-fake.js";

/**
 * The GitHub fake's routes for Actions secrets metadata and workflow dispatch (the rotation sweep), registered by
 * GitHubApiFake's constructor.
 */

/** A repository or environment secret: GitHub lists names and dates only (it cannot return a value). */
export interface FakeActionsSecret {
  name: string;
  createdAt: string;
  updatedAt: string;
}

export interface FakeDispatch {
  workflow: string;
  ref: string;
  inputs: Record<string, unknown>;
  runId: number;
}

export interface FakeActionsState {
  secrets: FakeActionsSecret[];
  /** Environment name → its secrets. */
  environments: Map<string, FakeActionsSecret[]>;
  /** Workflow file → the inputs its `workflow_dispatch` trigger declares. */
  workflows: Map<string, string[]>;
  dispatches: FakeDispatch[];
  /** Answer a dispatch 204 without run details, as a server without `return_run_details` does. */
  noRunDetails: boolean;
  /** Refuse `return_run_details` as an unknown parameter (422), as an older GitHub Enterprise Server does. */
  rejectRunDetails: boolean;
}

const actionsStates = new WeakMap<FakeRepo, FakeActionsState>();

/** The Actions secrets, dispatchable workflows and dispatches of a fake repository. */
export function actionsState(repo: FakeRepo): FakeActionsState {
  let state = actionsStates.get(repo);
  if (!state) {
    state = {
      secrets: [],
      environments: new Map(),
      workflows: new Map(),
      dispatches: [],
      noRunDetails: false,
      rejectRunDetails: false,
    };
    actionsStates.set(repo, state);
  }
  return state;
}

export function registerActionsSecretRoutes(fake: GitHubApiFake): void {
  const secretJson = (s: FakeActionsSecret) => ({
    name: s.name,
    created_at: s.createdAt,
    updated_at: s.updatedAt,
  });
  // The GITHUB_TOKEN of a run can never read secrets: GitHub answers it 403.
  const requireSecretsRead = (ctx: RouteContext, doc: string) => {
    if (ctx.token.login === ACTIONS_BOT) fail(403, "Resource not accessible by integration", doc);
  };
  const list = (req: FakeRequest, secrets: FakeActionsSecret[]) => {
    const sorted = [...secrets].sort((a, b) => a.name.localeCompare(b.name));
    const page = fake.page(req, sorted);
    return { ...page, body: { total_count: sorted.length, secrets: page.items.map(secretJson) } };
  };

  fake.on("GET", "/repos/:owner/:repo/actions/secrets", (req, ctx) => {
    requireSecretsRead(ctx, "actions/secrets#list-repository-secrets");
    return list(req, actionsState(ctx.repo).secrets);
  });

  fake.on("GET", "/repos/:owner/:repo/environments/:env/secrets", (req, ctx) => {
    const doc = "actions/secrets#list-environment-secrets";
    requireSecretsRead(ctx, doc);
    const name = req.params.env ?? "";
    const secrets = actionsState(ctx.repo).environments.get(name);
    // An environment that exists but holds no secret lists none; only a missing environment is 404.
    if (!secrets && !environmentState(ctx.repo).environments.has(name.toLowerCase()))
      fail(404, "Not Found", doc);
    return list(req, secrets ?? []);
  });

  fake.on("POST", "/repos/:owner/:repo/actions/workflows/:workflow/dispatches", (req, ctx) => {
    const doc = "actions/workflows#create-a-workflow-dispatch-event";
    const state = actionsState(ctx.repo);
    const workflow = req.params.workflow ?? "";
    const declared = state.workflows.get(workflow);
    if (!declared) fail(404, "Not Found", doc);
    fake.requireWrite(ctx, ["actions"], doc);
    const body = req.json<{ ref?: unknown; inputs?: unknown; return_run_details?: unknown }>();
    if (state.rejectRunDetails && "return_run_details" in body)
      fail(422, "Invalid request.\n\nreturn_run_details is not a permitted key.", doc);
    if (typeof body.ref !== "string" || !body.ref)
      fail(422, 'Invalid request.\n\n"ref" wasn\'t supplied.', doc);
    const commit = ctx.repo.resolve(body.ref);
    if (!commit) fail(422, `No ref found for: ${body.ref}`, doc);
    const inputs = (body.inputs ?? {}) as Record<string, unknown>;
    const unexpected = Object.keys(inputs).filter((k) => !declared.includes(k));
    if (unexpected.length) fail(422, `Unexpected inputs provided: ${JSON.stringify(unexpected)}`, doc);
    const run = ctx.repo.run({
      workflow,
      headSha: commit.sha,
      headBranch: body.ref,
      event: "workflow_dispatch",
      status: "queued",
      actor: ctx.token.login,
    });
    state.dispatches.push({ workflow, ref: body.ref, inputs, runId: run.id });
    if (body.return_run_details !== true || state.noRunDetails) return { status: 204 };
    return {
      status: 200,
      body: {
        workflow_run_id: run.id,
        run_url: fake.apiUrl(`/repos/${ctx.repo.fullName}/actions/runs/${run.id}`),
        html_url: `${fake.serverUrl}/${ctx.repo.fullName}/actions/runs/${run.id}`,
      },
    };
  });

  fake.on("GET", "/repos/:owner/:repo/actions/runs/:run_id", (req, { repo }) => {
    const run = repo.runs.find((r) => String(r.id) === req.params.run_id);
    if (!run) fail(404, "Not Found", "actions/workflow-runs#get-a-workflow-run");
    return { body: workflowRunJson(fake, repo, run) };
  });
}
