import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { data } from "@actions/expressions";
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from "@actions/workflow-parser";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { repoRoot } from "./run-action.js";
import {
  evaluateExpression,
  evaluateTemplate,
  runWorkflow,
  type WorkflowRun,
  type WorkflowRunOptions,
} from "./workflow-runner.js";

/**
 * Runs a CALLER workflow the way GitHub does: the caller's job that `uses:` one of prodgate's reusable
 * workflows (`prodgate/prodgate/.github/workflows/X.yml@ref`, or `./.github/workflows/X.yml`, both mapped to
 * this repository's file) has its `with:` and `secrets:` evaluated in the caller's contexts, then the called
 * workflow runs with exactly what was passed (runWorkflow with `call`).
 *
 * GitHub's rules, as its "Reuse workflows" guide states them and as the runner answers:
 * - `secrets: inherit` passes every repository and organization secret under its own name (the repository's
 *   wins over the organization's of the same name); an explicit mapping passes only the names it maps, and
 *   each name must be declared under `on.workflow_call.secrets` ("... is not defined in the referenced
 *   workflow").
 * - "Environment secrets cannot be passed from the caller workflow as on.workflow_call does not support the
 *   environment keyword. If you include environment in the reusable workflow at the job level, the environment
 *   secret will be used, and not the secret passed from the caller workflow." The caller job has no
 *   environment, so `${{ secrets.X }}` of an environment-only secret is '' there; the called job that names
 *   the environment reads it, for the names the caller passed.
 * - A `required: true` secret that the called job ends up without fails it: "Secret X is required, but not
 *   provided while calling." A `with:` key the called workflow does not declare, a required input not given
 *   and a value of the wrong type fail the call before anything runs.
 * - The GITHUB_TOKEN of a called job can only keep or lose permissions: a called job (or the called workflow)
 *   asking for more than the calling job grants fails the run ("The nested job 'J' is requesting 'issues:
 *   write', but is only allowed 'issues: none'."). A calling job without `permissions:` grants the caller
 *   workflow's, or without those the repository's default for GITHUB_TOKEN: read-only ("restricted", the
 *   default of new repositories and organizations) unless `defaultPermissions: "permissive"`.
 * A snippet without `on:` (a README excerpt) is read as the job part of a `workflow_dispatch` workflow.
 */

export interface CallerRunOptions
  extends Omit<WorkflowRunOptions, "inputs" | "secrets" | "call" | "repositorySecrets"> {
  /** Inputs of the caller's own trigger (its workflow_dispatch inputs; defaults applied). */
  inputs?: Record<string, string | number | boolean>;
  /** Repository secrets, by the names users store them under. */
  repositorySecrets?: Record<string, string>;
  organizationSecrets?: Record<string, string>;
  /** The run's GITHUB_TOKEN (`secrets.GITHUB_TOKEN`, `github.token`). */
  githubToken?: string;
  /** Repository variables (`vars`). */
  vars?: Record<string, string>;
  /** The caller's job to run (default: its only job that calls a reusable workflow). */
  job?: string;
  /** Where `./.github/workflows/X.yml` and `prodgate/prodgate/.github/workflows/X.yml@ref` are read from. */
  workflowsDir?: string;
  /** The repository's default GITHUB_TOKEN permissions (Settings → Actions): "restricted" unless given. */
  defaultPermissions?: "restricted" | "permissive";
}

export interface CallerRun extends WorkflowRun {
  /** The reusable workflow file that ran. */
  called: string;
  /** The `with:` values as the called workflow received them. */
  with: Record<string, string | number | boolean>;
  inherit: boolean;
  /** Names of the secrets the caller passed. */
  passed: string[];
}

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

interface CallerJob {
  uses?: string;
  with?: Record<string, Json>;
  secrets?: "inherit" | Record<string, Json>;
  if?: string | boolean;
  permissions?: unknown;
}

const SCOPES = [
  "actions",
  "attestations",
  "checks",
  "contents",
  "deployments",
  "discussions",
  "id-token",
  "issues",
  "models",
  "packages",
  "pages",
  "pull-requests",
  "repository-projects",
  "security-events",
  "statuses",
] as const;
const LEVEL = { none: 0, read: 1, write: 2 } as const;
type Level = keyof typeof LEVEL;
type Permissions = Record<string, Level>;

/** A `permissions:` value as scope → level (every scope named; `{}` is none of them). */
function permissionsOf(value: unknown): Permissions {
  if (value === "read-all" || value === "write-all") {
    const level: Level = value === "read-all" ? "read" : "write";
    return Object.fromEntries(SCOPES.map((s) => [s, s === "id-token" && level === "read" ? "none" : level]));
  }
  const given = (value && typeof value === "object" ? value : {}) as Record<string, Level>;
  return Object.fromEntries(SCOPES.map((s) => [s, given[s] ?? "none"]));
}

/** What GitHub says when a called job asks for more than the calling job grants, or undefined. */
export function permissionProblems(
  granted: Permissions,
  jobs: Record<string, unknown>,
  workflowLevel: unknown,
): string[] {
  const problems: string[] = [];
  for (const [job, def] of Object.entries(jobs)) {
    const asked = (def as { permissions?: unknown })?.permissions ?? workflowLevel;
    if (asked === undefined) continue;
    const wants = permissionsOf(asked);
    const over = SCOPES.filter((s) => LEVEL[wants[s] ?? "none"] > LEVEL[granted[s] ?? "none"]);
    if (over.length)
      problems.push(
        `The nested job '${job}' is requesting '${over.map((s) => `${s}: ${wants[s]}`).join(", ")}', but is only allowed '${over.map((s) => `${s}: ${granted[s]}`).join(", ")}'.`,
      );
  }
  return problems;
}

/** The local file a caller's `uses:` names, or undefined when it is not one of this repository's workflows. */
export function reusableWorkflowOf(
  uses: string,
  dir = join(repoRoot, ".github", "workflows"),
): string | undefined {
  const m =
    /^prodgate\/prodgate\/\.github\/workflows\/([\w.-]+\.ya?ml)@.+$/.exec(uses) ??
    /^\.\/\.github\/workflows\/([\w.-]+\.ya?ml)$/.exec(uses);
  return m ? join(dir, m[1]!) : undefined;
}

function toJs(d: data.ExpressionData): string | number | boolean {
  switch (d.kind) {
    case data.Kind.Boolean:
      return (d as data.BooleanData).value;
    case data.Kind.Number:
      return (d as data.NumberData).value;
    case data.Kind.Null:
      return "";
    default:
      return d.coerceString();
  }
}

/** A `with:` value: a scalar that is one expression keeps the expression's type, as GitHub does. */
function evaluateWith(value: Json, contexts: Record<string, unknown>): string | number | boolean {
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value !== "string") return evaluateTemplate(value, contexts);
  const whole = /^\s*\$\{\{([\s\S]*?)\}\}\s*$/.exec(value);
  if (whole && !whole[1]!.includes("}}")) return toJs(evaluateExpression(whole[1]!.trim(), contexts));
  return evaluateTemplate(value, contexts);
}

function parsedDoc(source: string): Record<string, unknown> {
  const doc = (parseYaml(source) ?? {}) as Record<string, unknown>;
  if (!("on" in doc) && !("true" in doc)) doc.on = { workflow_dispatch: {} };
  return doc;
}

async function validate(doc: Record<string, unknown>, name: string): Promise<void> {
  const parsed = parseWorkflow({ name, content: stringifyYaml(doc) }, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors();
  if (errors.length || !parsed.value)
    throw new Error(`${name}: workflow parser: ${errors.map((e) => e.message).join("; ")}`);
  await convertWorkflowTemplate(parsed.context, parsed.value);
  const more = parsed.context.errors.getErrors();
  if (more.length) throw new Error(`${name}: workflow parser: ${more.map((e) => e.message).join("; ")}`);
}

/**
 * Runs `source` (a caller workflow's path, or `{ name, yaml }` for a snippet) as GitHub would: its calling
 * job's `with:` and `secrets:` evaluated, then the called workflow with what was passed.
 */
export async function runCaller(
  source: string | { name: string; yaml: string },
  opts: CallerRunOptions = {},
): Promise<CallerRun> {
  const name = typeof source === "string" ? source : source.name;
  const text = typeof source === "string" ? readFileSync(source, "utf8") : source.yaml;
  const doc = parsedDoc(text);
  await validate(doc, name);
  const jobs = (doc.jobs ?? {}) as Record<string, CallerJob>;
  const calling = Object.entries(jobs).filter(([, j]) => typeof j?.uses === "string");
  const picked = opts.job
    ? calling.find(([id]) => id === opts.job)
    : calling.length === 1
      ? calling[0]
      : undefined;
  if (!picked)
    throw new Error(
      `${name}: ${opts.job ? `no job ${opts.job} calls a reusable workflow` : `${calling.length} jobs call a reusable workflow: pass opts.job`}`,
    );
  const [jobId, job] = picked;
  const called = reusableWorkflowOf(job.uses!, opts.workflowsDir);
  if (!called || !existsSync(called))
    throw new Error(
      `${name}: jobs.${jobId} uses ${job.uses}, which is not a reusable workflow of this repository`,
    );

  const on = (doc.on ?? {}) as Record<string, { inputs?: Record<string, { default?: Json; type?: string }> }>;
  const callerInputs: Record<string, unknown> = { ...opts.inputs };
  for (const [k, def] of Object.entries(on.workflow_dispatch?.inputs ?? {})) {
    if (callerInputs[k] !== undefined) continue;
    callerInputs[k] = def?.default ?? (def?.type === "boolean" ? false : "");
  }
  const repoSecrets = { ...opts.organizationSecrets, ...opts.repositorySecrets };
  const token = opts.githubToken ?? "";
  const github = {
    event_name: "workflow_dispatch",
    actor: "octocat",
    repository: "acme/shop",
    run_id: "4242",
    run_attempt: "1",
    server_url: "https://github.com",
    token,
    ...opts.github,
  };
  const contexts = {
    inputs: callerInputs,
    github: { ...github, event: opts.event ?? {} },
    secrets: { ...repoSecrets, GITHUB_TOKEN: token },
    vars: opts.vars ?? {},
    needs: {},
    matrix: {},
    strategy: {},
    env: {},
  };

  const calledDoc = parseYaml(readFileSync(called, "utf8")) as {
    permissions?: unknown;
    jobs?: Record<string, unknown>;
    on: {
      workflow_call?: {
        inputs?: Record<string, { type?: string; required?: boolean; default?: Json }>;
        secrets?: Record<string, { required?: boolean } | null>;
      };
    };
  };
  const call = calledDoc.on?.workflow_call;
  if (!call) throw new Error(`${called} has no on.workflow_call`);
  const granted = permissionsOf(
    job.permissions ??
      doc.permissions ??
      (opts.defaultPermissions === "permissive" ? "write-all" : { contents: "read", packages: "read" }),
  );
  const problems = permissionProblems(granted, calledDoc.jobs ?? {}, calledDoc.permissions);
  if (problems.length) throw new Error(`${name}: jobs.${jobId}: ${problems.join(" ")}`);
  const withValues: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(job.with ?? {})) {
    const def = call.inputs?.[key];
    if (!def)
      throw new Error(
        `${name}: jobs.${jobId}: Invalid input, ${key} is not defined in the referenced workflow.`,
      );
    const v = evaluateWith(value, contexts);
    const type = def.type ?? "string";
    if (typeof v !== type)
      throw new Error(
        `${name}: jobs.${jobId}: the input ${key} of ${called} is a ${type}, but the caller gives the ${typeof v} ${JSON.stringify(v)}`,
      );
    withValues[key] = v;
  }
  for (const [key, def] of Object.entries(call.inputs ?? {}))
    if (def?.required && withValues[key] === undefined)
      throw new Error(`${name}: jobs.${jobId}: Input ${key} is required, but not provided while calling.`);

  let passed: Record<string, string> = {};
  const inherit = job.secrets === "inherit";
  if (inherit) passed = { ...repoSecrets };
  else
    for (const [key, value] of Object.entries((job.secrets as Record<string, Json> | undefined) ?? {})) {
      if (!(key in (call.secrets ?? {})))
        throw new Error(
          `${name}: jobs.${jobId}: Invalid secret, ${key} is not defined in the referenced workflow.`,
        );
      passed[key] = evaluateTemplate(value, contexts);
    }
  delete passed.GITHUB_TOKEN;

  const {
    repositorySecrets: _r,
    organizationSecrets: _o,
    githubToken: _t,
    vars: _v,
    job: _j,
    ...rest
  } = opts;
  const run = await runWorkflow(called, {
    ...rest,
    inputs: withValues,
    secrets: { ...passed, GITHUB_TOKEN: token },
    github: { ...github },
    call: { caller: name, job: jobId, inherit, names: Object.keys(passed) },
  });
  return { ...run, called, with: withValues, inherit, passed: Object.keys(passed) };
}

/** The YAML blocks of a Markdown file that call one of prodgate's reusable workflows. */
export function callerSnippets(markdownFile: string): { name: string; yaml: string; workflow: string }[] {
  const text = readFileSync(markdownFile, "utf8");
  const out: { name: string; yaml: string; workflow: string }[] = [];
  for (const m of text.matchAll(/```ya?ml\n([\s\S]*?)```/g)) {
    const yaml = m[1]!;
    const uses = /uses:\s*(prodgate\/prodgate\/\.github\/workflows\/([\w.-]+\.ya?ml)@\S+)/.exec(yaml);
    if (!uses) continue;
    const line = text.slice(0, m.index).split("\n").length;
    out.push({ name: `${relative(repoRoot, markdownFile)}:${line}`, yaml, workflow: uses[2]! });
  }
  return out;
}
