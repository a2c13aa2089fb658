import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { readActionDefinition } from "./run-action.js";
import { prodgateActionOf } from "./workflows.js";

/** The YAML shapes the data-flow runner reads, and its static check of a workflow's references. */

export type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

export interface YamlStep {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, Json>;
  env?: Record<string, Json>;
  if?: string | boolean;
  "continue-on-error"?: boolean | string;
  shell?: string;
}

export interface YamlJob {
  needs?: string | string[];
  if?: string | boolean;
  environment?: string | { name: string; url?: string };
  concurrency?: string | { group: string; "cancel-in-progress"?: boolean | string };
  outputs?: Record<string, string>;
  env?: Record<string, Json>;
  steps?: YamlStep[];
  strategy?: { matrix?: Record<string, Json> | string; "fail-fast"?: boolean };
  permissions?: unknown;
}

/** Every `${{ }}` expression in the document, with where it sits. */
function expressionsIn(node: unknown, where: string, out: { where: string; expr: string }[]): void {
  if (typeof node === "string") {
    for (const m of node.matchAll(/\$\{\{([\s\S]*?)\}\}/g)) out.push({ where, expr: m[1]!.trim() });
    if (/^(if)$/.test(where.split(".").at(-1) ?? "")) out.push({ where, expr: node });
  } else if (Array.isArray(node)) {
    for (const [i, n] of node.entries()) expressionsIn(n, `${where}[${i}]`, out);
  } else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) expressionsIn(v, `${where}.${k}`, out);
  }
}

/** Static data-flow check: references to outputs, inputs and secrets that nothing declares. */
export function dataFlowFindings(file: string): string[] {
  const doc = parseYaml(readFileSync(file, "utf8")) as { on?: unknown; jobs: Record<string, YamlJob> };
  const on = (doc.on ?? (doc as Record<string, unknown>).true) as
    | Record<string, { inputs?: Record<string, unknown>; secrets?: Record<string, unknown> }>
    | undefined;
  const call = on && typeof on === "object" ? on.workflow_call : undefined;
  const dispatch = on && typeof on === "object" ? on.workflow_dispatch : undefined;
  const declaredInputs = new Set([
    ...Object.keys(call?.inputs ?? {}),
    ...Object.keys(dispatch?.inputs ?? {}),
  ]);
  const declaredSecrets = new Set([...Object.keys(call?.secrets ?? {}), "GITHUB_TOKEN"]);
  const findings: string[] = [];
  for (const [jobId, job] of Object.entries(doc.jobs)) {
    const stepOutputs = new Map<string, Set<string> | undefined>();
    for (const step of job.steps ?? []) {
      if (!step.id) continue;
      const action = step.uses ? prodgateActionOf(step.uses) : undefined;
      stepOutputs.set(
        step.id,
        action ? new Set(Object.keys(readActionDefinition(action).outputs)) : undefined,
      );
    }
    const exprs: { where: string; expr: string }[] = [];
    expressionsIn(job, `jobs.${jobId}`, exprs);
    const needs = new Set(typeof job.needs === "string" ? [job.needs] : (job.needs ?? []));
    for (const { where, expr } of exprs) {
      for (const m of expr.matchAll(/\bsteps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
        const [, step, output] = m;
        if (!stepOutputs.has(step!))
          findings.push(`${where}: steps.${step} is not a step with an id in job ${jobId}`);
        else {
          const outs = stepOutputs.get(step!);
          if (outs && !outs.has(output!)) findings.push(`${where}: step ${step} has no output '${output}'`);
        }
      }
      for (const m of expr.matchAll(/\bneeds\.([\w-]+)\.(outputs\.([\w-]+)|result)/g)) {
        const [, need, , output] = m;
        if (!needs.has(need!)) findings.push(`${where}: job ${jobId} does not need ${need}`);
        else if (output && !(output in (doc.jobs[need!]?.outputs ?? {})))
          findings.push(`${where}: job ${need} has no output '${output}'`);
      }
      for (const m of expr.matchAll(/\binputs\.([\w-]+)/g)) {
        if (!declaredInputs.has(m[1]!)) findings.push(`${where}: inputs.${m[1]} is not a declared input`);
      }
      for (const m of expr.matchAll(/\bsecrets\.([\w-]+)/g)) {
        if (!declaredSecrets.has(m[1]!)) findings.push(`${where}: secrets.${m[1]} is not a declared secret`);
      }
    }
    for (const [name, value] of Object.entries(job.outputs ?? {})) {
      for (const m of String(value).matchAll(/\bsteps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
        if (!stepOutputs.has(m[1]!)) findings.push(`jobs.${jobId}.outputs.${name}: no step ${m[1]}`);
      }
    }
  }
  return findings;
}
