import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { data } from "@actions/expressions";
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from "@actions/workflow-parser";
import { parse as parseYaml } from "yaml";
import { type ActionResult, runAction } from "./run-action.js";
import {
  type Artifact,
  type ArtifactStore,
  downloadArtifact,
  type RunArtifacts,
  runArtifacts,
  uploadArtifact,
} from "./workflow-artifacts.js";
import { dataFlowFindings, type Json, type YamlJob } from "./workflow-dataflow.js";
import { evaluateCondition, evaluateExpression, evaluateTemplate } from "./workflow-expressions.js";
import { checkout, runScript } from "./workflow-steps.js";
import { prodgateActionOf } from "./workflows.js";

export type { Artifact, RunArtifacts } from "./workflow-artifacts.js";
export { type CallerRun, type CallerRunOptions, runCaller } from "./workflow-caller.js";
export { dataFlowFindings } from "./workflow-dataflow.js";
export { evaluateExpression, evaluateTemplate } from "./workflow-expressions.js";

/**
 * Runs a reusable workflow's jobs in dependency order, the way the runner would, against loopback fakes:
 * GitHub's own parser reads the workflow, GitHub's own expression engine evaluates every `${{ }}` against
 * `inputs`, `secrets`, `needs`, `steps`, `github`, `matrix`, `env` and `job`; each prodgate step runs its
 * dist bundle (runAction); `actions/checkout` is a git clone of a local repository; `run:` steps run in bash.
 *
 * Before anything runs, every `steps.X.outputs.Y`, `needs.J.outputs.Y`, `inputs.X` and `secrets.X` the
 * workflow refers to is checked against what the actions, jobs and `workflow_call` declare, so a wrong output
 * name fails loudly instead of evaluating to ''.
 *
 * Secrets: `secrets` (or `repositorySecrets`) is what `secrets.X` reads; a job that names `environment: E`
 * also sees `environmentSecrets[E]`, which win over the others of the same name. When a caller workflow calls
 * this one (runCaller), GitHub's rules for reusable workflows apply instead: the secrets context holds only
 * what the caller passed (`secrets: inherit`: every repository and organization secret; a mapping: the names
 * it maps), environment secrets are never passed by the caller, a called job that names `environment: E`
 * reads E's secret for each name the caller passed (the environment's value wins over the passed one), and a
 * `required: true` secret that a job ends up without fails that job before its steps ("Secret X is required,
 * but not provided while calling.").
 *
 * Each job has its own RUNNER_TEMP (`runner.temp`), removed when the job ends, as on a hosted runner.
 * actions/upload-artifact and actions/download-artifact are stood in for (workflow-artifacts.ts): what a job
 * uploads is in `run.artifacts`, with a zip as the run page serves it, under `run.artifactsDir`.
 */

export interface WorkflowRunOptions {
  inputs?: Record<string, string | number | boolean>;
  secrets?: Record<string, string>;
  /** github context values (event_name, actor, sha, ref, repository, run_id, ...). */
  github?: Record<string, string>;
  event?: unknown;
  /** Environment given to every step (vendor URLs of the fakes, ...). */
  env?: Record<string, string>;
  /** Repository cloned by actions/checkout steps. */
  checkoutFrom?: string;
  /**
   * Called before a job starts (e.g. to record an approval for its environment); `artifacts` is what the run
   * uploaded so far, which the call may tamper with as an attacker with write access to them could.
   */
  beforeJob?: (job: {
    id: string;
    environment?: { name: string; url?: string };
    artifacts: RunArtifacts;
  }) => Promise<void> | void;
  /** Runs jobs whose `needs` are met concurrently when true (as GitHub does); default false. */
  parallel?: boolean;
  timeoutMs?: number;
  /** Repository (and organization) secrets by name; `secrets` wins over them. */
  repositorySecrets?: Record<string, string>;
  /** Secrets of each environment: a job naming `environment: E` sees E's, over any other of the same name. */
  environmentSecrets?: Record<string, Record<string, string>>;
  /** Where uploaded artifacts are kept (default: a new temp dir, made on the first upload; the test removes it). */
  artifactsDir?: string;
  /** Set by runCaller: this workflow runs as a reusable workflow called with these secrets. */
  call?: WorkflowCall;
}

/** How a caller job called this workflow. */
export interface WorkflowCall {
  /** The caller (file or snippet name) and its job id. */
  caller: string;
  job: string;
  /** `secrets: inherit`. */
  inherit: boolean;
  /** The names the caller passed: every repository/organization secret with inherit, the mapped keys otherwise. */
  names: string[];
}

export interface StepRun {
  id: string;
  name?: string;
  uses?: string;
  run?: string;
  inputs?: Record<string, string>;
  outcome: "success" | "failure" | "skipped";
  outputs: Record<string, string>;
  result?: ActionResult;
  stdout?: string;
  stderr?: string;
  /** The step's environment as the workflow sets it (job and step `env:`, evaluated). */
  env?: Record<string, string>;
  /** What the step wrote to GITHUB_STEP_SUMMARY. */
  summary?: string;
}

export interface JobRun {
  id: string;
  result: "success" | "failure" | "skipped";
  outputs: Record<string, string>;
  environment?: { name: string; url?: string };
  concurrency?: string;
  steps: StepRun[];
  matrix?: Record<string, unknown>;
  /** Why the job failed before any step ran (a required secret not provided, ...). */
  error?: string;
}

export interface WorkflowRun {
  jobs: Record<string, JobRun>;
  /** Jobs in the order they ran (matrix jobs once per combination). */
  order: JobRun[];
  /** Artifacts uploaded by the run's jobs. */
  artifacts: Artifact[];
  artifactsDir: string;
}

/** A matrix value given as a string: one `${{ }}` expression (e.g. fromJSON(...)) keeps its structure. */
function matrixValue(value: string, contexts: Record<string, unknown>): unknown {
  const whole = /^\s*\$\{\{([\s\S]*?)\}\}\s*$/.exec(value);
  if (whole) return JSON.parse(JSON.stringify(evaluateExpression(whole[1]!.trim(), contexts), data.replacer));
  return JSON.parse(evaluateTemplate(value, contexts));
}

function matrixCombos(job: YamlJob, contexts: Record<string, unknown>): Record<string, unknown>[] {
  const spec = job.strategy?.matrix;
  if (!spec) return [{}];
  const resolved: Record<string, unknown> =
    typeof spec === "string"
      ? (matrixValue(spec, contexts) as Record<string, unknown>)
      : Object.fromEntries(
          Object.entries(spec).map(([k, v]) => [k, typeof v === "string" ? matrixValue(v, contexts) : v]),
        );
  const include = (resolved.include as Record<string, unknown>[] | undefined) ?? [];
  delete resolved.include;
  delete resolved.exclude;
  let combos: Record<string, unknown>[] = [{}];
  for (const [key, values] of Object.entries(resolved)) {
    const list = Array.isArray(values) ? values : [values];
    combos = combos.flatMap((c) => list.map((v) => ({ ...c, [key]: v })));
  }
  if (Object.keys(resolved).length === 0) combos = [];
  return [...combos, ...include];
}

export async function runWorkflow(file: string, opts: WorkflowRunOptions = {}): Promise<WorkflowRun> {
  const parsed = parseWorkflow(
    { name: file, content: readFileSync(file, "utf8") },
    new NoOperationTraceWriter(),
  );
  const errors = parsed.context.errors.getErrors();
  if (errors.length || !parsed.value)
    throw new Error(`workflow parser: ${errors.map((e) => e.message).join("; ")}`);
  const template = await convertWorkflowTemplate(parsed.context, parsed.value);
  const convErrors = parsed.context.errors.getErrors();
  if (convErrors.length) throw new Error(`workflow parser: ${convErrors.map((e) => e.message).join("; ")}`);
  const findings = dataFlowFindings(file);
  if (findings.length) throw new Error(`data flow: ${findings.join("; ")}`);

  const doc = parseYaml(readFileSync(file, "utf8")) as {
    on?: unknown;
    jobs: Record<string, YamlJob>;
    env?: Record<string, Json>;
  };
  const on = (doc.on ?? {}) as Record<
    string,
    {
      inputs?: Record<string, { default?: Json; type?: string }>;
      secrets?: Record<string, { required?: boolean } | null>;
    }
  >;
  const requiredSecrets = Object.entries(on.workflow_call?.secrets ?? {})
    .filter(([, def]) => def?.required === true)
    .map(([name]) => name);
  const inputDefs = { ...(on.workflow_dispatch?.inputs ?? {}), ...(on.workflow_call?.inputs ?? {}) };
  const inputs: Record<string, unknown> = {};
  for (const [k, def] of Object.entries(inputDefs)) {
    const given = opts.inputs?.[k];
    const raw = given ?? def?.default ?? (def?.type === "boolean" ? false : def?.type === "number" ? 0 : "");
    inputs[k] =
      def?.type === "boolean"
        ? raw === true || raw === "true"
        : def?.type === "number"
          ? Number(raw)
          : String(raw);
  }
  const github = {
    event_name: "workflow_dispatch",
    actor: "octocat",
    triggering_actor: "octocat",
    repository: "acme/shop",
    repository_owner: "acme",
    sha: "0000000000000000000000000000000000000000",
    ref: "refs/heads/main",
    run_id: "4242",
    run_attempt: "1",
    server_url: "https://github.com",
    api_url: opts.env?.GITHUB_API_URL ?? "https://api.github.com",
    workflow: "deploy",
    token: opts.secrets?.GITHUB_TOKEN ?? "",
    ...opts.github,
    event: opts.event ?? {},
  };
  const secrets = { GITHUB_TOKEN: "", ...opts.repositorySecrets, ...opts.secrets };
  // Made on the first upload only, so that a run that uploads nothing leaves nothing behind.
  const artifactsDir =
    opts.artifactsDir ?? join(tmpdir(), `prodgate-wf-artifacts-${randomBytes(8).toString("hex")}`);
  const store: ArtifactStore = { dir: artifactsDir, list: [], nextId: 7001 };
  const run: WorkflowRun = { jobs: {}, order: [], artifacts: store.list, artifactsDir };
  const jobOpts = { ...opts, requiredSecrets, store };
  const pending = new Map(template.jobs.map((j) => [j.id.value, j]));

  const runJob = async (jobId: string): Promise<void> => {
    const job = doc.jobs[jobId]!;
    const needs = typeof job.needs === "string" ? [job.needs] : (job.needs ?? []);
    const needsCtx = Object.fromEntries(
      needs.map((n) => [
        n,
        { result: run.jobs[n]?.result ?? "skipped", outputs: run.jobs[n]?.outputs ?? {} },
      ]),
    );
    const needFailed = needs.some((n) => run.jobs[n]?.result !== "success");
    const base = {
      inputs,
      secrets,
      github,
      needs: needsCtx,
      vars: {},
      runner: { os: "Linux", temp: tmpdir() },
    };
    const status = { failed: needFailed };
    if (!evaluateCondition(job.if, { ...base, matrix: {}, steps: {}, env: {} }, status)) {
      const skipped: JobRun = { id: jobId, result: "skipped", outputs: {}, steps: [] };
      run.jobs[jobId] = skipped;
      run.order.push(skipped);
      return;
    }
    const combos = matrixCombos(job, { ...base, matrix: {}, steps: {}, env: {} });
    let last: JobRun | undefined;
    let anyFailed = false;
    for (const matrix of combos) {
      const result = await runJobOnce(jobId, job, { ...base, matrix }, matrix, jobOpts);
      run.order.push(result);
      last = {
        ...result,
        outputs: {
          ...(last?.outputs ?? {}),
          ...Object.fromEntries(Object.entries(result.outputs).filter(([, v]) => v !== "")),
        },
      };
      if (result.result === "failure") anyFailed = true;
    }
    run.jobs[jobId] = { ...(last as JobRun), result: anyFailed ? "failure" : "success" };
  };

  while (pending.size > 0) {
    const ready = [...pending.keys()].filter((id) => {
      const job = doc.jobs[id]!;
      const needs = typeof job.needs === "string" ? [job.needs] : (job.needs ?? []);
      return needs.every((n) => run.jobs[n]);
    });
    if (ready.length === 0) throw new Error(`jobs with unmet needs: ${[...pending.keys()].join(", ")}`);
    for (const id of ready) pending.delete(id);
    if (opts.parallel) await Promise.all(ready.map(runJob));
    else for (const id of ready) await runJob(id);
  }
  return run;
}

/**
 * The secrets context of a job: in a run of its own, every secret plus its environment's; in a called
 * workflow, what the caller passed, with the environment's secret in place of each passed name it also has.
 */
function jobSecrets(
  secrets: Record<string, string>,
  environment: string | undefined,
  opts: WorkflowRunOptions,
): Record<string, string> {
  const own = environment ? (opts.environmentSecrets?.[environment] ?? {}) : {};
  if (!opts.call) return { ...secrets, ...own };
  const passed = new Set(opts.call.names);
  const out = { ...secrets };
  for (const [name, value] of Object.entries(own))
    if (opts.call.inherit || passed.has(name)) out[name] = value;
  return out;
}

async function runJobOnce(
  jobId: string,
  job: YamlJob,
  outer: Record<string, unknown>,
  matrix: Record<string, unknown>,
  opts: WorkflowRunOptions & { requiredSecrets: string[]; store: ArtifactStore },
): Promise<JobRun> {
  const workspace = mkdtempSync(join(tmpdir(), `prodgate-wf-${jobId}-`));
  const runnerTemp = mkdtempSync(join(tmpdir(), `prodgate-wf-temp-${jobId}-`));
  let base: Record<string, unknown> = { ...outer, runner: { os: "Linux", temp: runnerTemp } };
  const ctx = (steps: Record<string, unknown>, env: Record<string, string>) => ({
    ...base,
    steps,
    env,
    job: { status: "success" },
  });
  const jobEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries(job.env ?? {})) jobEnv[k] = evaluateTemplate(v, ctx({}, {}));
  const environment =
    job.environment === undefined
      ? undefined
      : typeof job.environment === "string"
        ? { name: evaluateTemplate(job.environment, ctx({}, jobEnv)) }
        : {
            name: evaluateTemplate(job.environment.name, ctx({}, jobEnv)),
            url: job.environment.url ? evaluateTemplate(job.environment.url, ctx({}, jobEnv)) : undefined,
          };
  const concurrency =
    job.concurrency === undefined
      ? undefined
      : evaluateTemplate(
          typeof job.concurrency === "string" ? job.concurrency : job.concurrency.group,
          ctx({}, jobEnv),
        );
  base = { ...base, secrets: jobSecrets(base.secrets as Record<string, string>, environment?.name, opts) };
  if (opts.call) {
    const missing = opts.requiredSecrets.filter((name) => !(base.secrets as Record<string, string>)[name]);
    if (missing.length) {
      rmSync(workspace, { recursive: true, force: true });
      rmSync(runnerTemp, { recursive: true, force: true });
      return {
        id: jobId,
        result: "failure",
        outputs: {},
        environment,
        concurrency,
        steps: [],
        matrix,
        error: missing.map((name) => `Secret ${name} is required, but not provided while calling.`).join(" "),
      };
    }
  }
  await opts.beforeJob?.({ id: jobId, environment, artifacts: runArtifacts(opts.store) });

  const stepsCtx: Record<string, { outputs: Record<string, string>; outcome: string; conclusion: string }> =
    {};
  const steps: StepRun[] = [];
  const status = { failed: false };
  const github = base.github as Record<string, string>;
  try {
    for (const [i, step] of (job.steps ?? []).entries()) {
      const id = step.id ?? `__step${i}`;
      const env = { ...jobEnv };
      for (const [k, v] of Object.entries(step.env ?? {}))
        env[k] = evaluateTemplate(v, ctx(stepsCtx, jobEnv), status);
      if (!evaluateCondition(step.if, ctx(stepsCtx, env), status)) {
        steps.push({ id, name: step.name, uses: step.uses, outcome: "skipped", outputs: {} });
        stepsCtx[id] = { outputs: {}, outcome: "skipped", conclusion: "skipped" };
        continue;
      }
      const withInputs: Record<string, string> = {};
      for (const [k, v] of Object.entries(step.with ?? {}))
        withInputs[k] = evaluateTemplate(v, ctx(stepsCtx, env), status);
      let record: StepRun;
      if (step.uses && /^actions\/(upload|download)-artifact@/.test(step.uses)) {
        const r = step.uses.startsWith("actions/upload")
          ? uploadArtifact(withInputs, { workspace, job: jobId, store: opts.store, github })
          : downloadArtifact(withInputs, { workspace, store: opts.store });
        record = { id, name: step.name, uses: step.uses, inputs: withInputs, ...r };
      } else if (step.uses) {
        const action = prodgateActionOf(step.uses);
        if (action) {
          const result = await runAction(action, {
            inputs: withInputs,
            env: {
              ...opts.env,
              ...env,
              RUNNER_TEMP: runnerTemp,
              GITHUB_REPOSITORY: github.repository ?? "acme/shop",
              GITHUB_EVENT_NAME: github.event_name ?? "workflow_dispatch",
              GITHUB_ACTOR: github.actor ?? "octocat",
              GITHUB_TRIGGERING_ACTOR: github.triggering_actor ?? github.actor ?? "octocat",
              GITHUB_SHA: github.sha ?? "",
              GITHUB_REF: github.ref ?? "refs/heads/main",
              GITHUB_RUN_ID: github.run_id ?? "4242",
              GITHUB_RUN_ATTEMPT: github.run_attempt ?? "1",
              GITHUB_JOB: jobId,
            },
            event: github.event,
            eventName: github.event_name,
            cwd: workspace,
            timeoutMs: opts.timeoutMs ?? 120_000,
          });
          record = {
            id,
            name: step.name,
            uses: step.uses,
            inputs: withInputs,
            outcome: result.code === 0 ? "success" : "failure",
            outputs: result.outputs,
            result,
            summary: result.summary,
          };
        } else if (/^actions\/checkout@/.test(step.uses)) {
          record = checkout(id, step, withInputs, workspace, opts.checkoutFrom, github);
        } else {
          throw new Error(
            `jobs.${jobId}: step ${id} uses ${step.uses}, which the data-flow runner cannot stand in for`,
          );
        }
      } else {
        // The machine's environment (opts.env: PATH with the tools a test stands in, ...), then the workflow's env.
        record = runScript(id, step, env, workspace, runnerTemp, opts.env);
      }
      record.env = env;
      steps.push(record);
      const continueOnError = step["continue-on-error"] === true || step["continue-on-error"] === "true";
      stepsCtx[id] = {
        outputs: record.outputs,
        outcome: record.outcome,
        conclusion: record.outcome === "failure" && continueOnError ? "success" : record.outcome,
      };
      if (record.outcome === "failure" && !continueOnError) status.failed = true;
    }
    const outputs: Record<string, string> = {};
    for (const [k, v] of Object.entries(job.outputs ?? {}))
      outputs[k] = evaluateTemplate(v, ctx(stepsCtx, jobEnv), status);
    return {
      id: jobId,
      result: status.failed ? "failure" : "success",
      outputs,
      environment,
      concurrency,
      steps,
      matrix,
    };
  } finally {
    rmSync(workspace, { recursive: true, force: true });
    rmSync(runnerTemp, { recursive: true, force: true });
  }
}
