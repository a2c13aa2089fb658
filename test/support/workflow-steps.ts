import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseCommandFile } from "./run-action.js";
import type { YamlStep } from "./workflow-dataflow.js";
import type { StepRun } from "./workflow-runner.js";

/** The data-flow runner's own steps: actions/checkout as a git clone of a local repository, and `run:` in bash. */

export function checkout(
  id: string,
  step: YamlStep,
  withInputs: Record<string, string>,
  workspace: string,
  from: string | undefined,
  github: Record<string, string>,
): StepRun {
  if (!from) throw new Error(`step ${id}: actions/checkout needs opts.checkoutFrom (a local repository)`);
  const depth = withInputs["fetch-depth"] ?? "1";
  const ref = withInputs.ref || github.sha || "HEAD";
  const git = (...args: string[]) => spawnSync("git", args, { cwd: workspace, encoding: "utf8" });
  git("init", "-q", ".");
  git("remote", "add", "origin", `file://${from}`);
  const fetchArgs = ["fetch", "-q", "origin", ref];
  if (depth !== "0") fetchArgs.splice(2, 0, `--depth=${depth}`);
  let r = git(...fetchArgs);
  if (r.status !== 0)
    r = git("fetch", "-q", ...(depth !== "0" ? [`--depth=${depth}`] : []), "origin", `refs/heads/${ref}`);
  const co = git("checkout", "-q", "FETCH_HEAD");
  const ok = r.status === 0 && co.status === 0;
  return {
    id,
    name: step.name,
    uses: step.uses,
    inputs: withInputs,
    outcome: ok ? "success" : "failure",
    outputs: {},
    stderr: `${r.stderr}${co.stderr}`,
  };
}

export function runScript(
  id: string,
  step: YamlStep,
  env: Record<string, string>,
  workspace: string,
  runnerTemp: string,
  machineEnv: Record<string, string | undefined> = {},
): StepRun {
  const dir = mkdtempSync(join(tmpdir(), "prodgate-wf-run-"));
  const output = join(dir, "output");
  const summary = join(dir, "summary.md");
  writeFileSync(output, "");
  writeFileSync(summary, "");
  const r = spawnSync("bash", ["-e", "-c", step.run ?? ""], {
    cwd: workspace,
    env: {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      HOME: process.env.HOME ?? dir,
      ...(Object.fromEntries(Object.entries(machineEnv).filter(([, v]) => v !== undefined)) as Record<
        string,
        string
      >),
      GITHUB_OUTPUT: output,
      GITHUB_STEP_SUMMARY: summary,
      RUNNER_TEMP: runnerTemp,
      ...env,
    },
    encoding: "utf8",
  });
  const outputs = parseCommandFile(readFileSync(output, "utf8"));
  const written = readFileSync(summary, "utf8");
  rmSync(dir, { recursive: true, force: true });
  return {
    id,
    name: step.name,
    run: step.run,
    outcome: r.status === 0 ? "success" : "failure",
    outputs,
    stdout: r.stdout,
    stderr: r.stderr,
    summary: written,
  };
}
