import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canary, expectNoCanary } from "../support/canary.js";
import { type DeployWorld, startDeployWorld } from "../support/deploy-world.js";
import { repoRoot } from "../support/run-action.js";
import { runCaller } from "../support/workflow-caller.js";
import type { WorkflowRun } from "../support/workflow-runner.js";

/**
 * examples/workflows/deploy-terraform.yml (seed 002 §4.3) run as GitHub would run the caller, with stand-ins
 * for `terraform` and `aws` on PATH (test/fixtures/standins: they behave like the real CLIs in exit codes,
 * -detailed-exitcode and refusing a stale saved plan; they are not the real tools).
 */
const EXAMPLE = join(repoRoot, "examples/workflows/deploy-terraform.yml");
const STANDINS = join(repoRoot, "test/fixtures/standins");

describe("examples/workflows/deploy-terraform.yml with a stand-in terraform", () => {
  let w: DeployWorld;
  const awsKey = canary("aws-secret");
  const dir = mkdtempSync(join(tmpdir(), "prodgate-terraform-"));
  const stateFile = join(dir, "terraform.tfstate");
  const awsLog = join(dir, "aws.log");
  const runs: WorkflowRun[] = [];
  let nextRun = 9800;
  const tf = (args: string[], cwd = dir) =>
    spawnSync(join(STANDINS, "terraform"), args, {
      cwd,
      encoding: "utf8",
      env: { ...process.env, TF_STANDIN_STATE: stateFile },
    });
  const state = () => readFileSync(stateFile, "utf8").trim().split("\n");

  const dispatch = (beforeDeploy?: () => void) => {
    const runId = ++nextRun;
    return runCaller(EXAMPLE, {
      inputs: { "health-url": `${w.health.url}/billing-host/health` },
      repositorySecrets: { DATABASE_URL: w.databaseUrl },
      environmentSecrets: {
        production: { DEPLOY_ENV: `AWS_SECRET_ACCESS_KEY=${awsKey}\nAWS_REGION=eu-west-1` },
      },
      githubToken: w.githubToken,
      github: {
        run_id: String(runId),
        sha: w.shas.at(-1)!,
        event_name: "workflow_dispatch",
        api_url: w.github.url,
        triggering_actor: "octocat",
      },
      env: {
        ...w.env,
        PATH: `${STANDINS}:${process.env.PATH}`,
        // This machine's shell start-up file would put its own tools before the stand-ins.
        BASH_ENV: "",
        HOME: dir,
        TF_STANDIN_STATE: stateFile,
        AWS_STANDIN_LOG: awsLog,
      },
      checkoutFrom: w.src,
      beforeJob: ({ environment }) => {
        if (!environment) return;
        w.approve(runId, environment.name);
        beforeDeploy?.();
      },
    }).then((run) => {
      runs.push(run);
      return run;
    });
  };

  beforeAll(async () => {
    w = await startDeployWorld();
  });
  afterAll(async () => {
    const results = runs.flatMap((r) => r.order.flatMap((j) => j.steps.map((s) => s.result).filter(Boolean)));
    expectNoCanary([...w.secrets(), awsKey], {
      ...Object.fromEntries(results.map((r, i) => [`step${i}`, r])),
      rows: await w.auditRows("billing-host"),
    });
    await w.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("the stand-in behaves like terraform: -detailed-exitcode 0/2, a stale saved plan refused", () => {
    expect(tf(["init", "-input=false"]).status).toBe(0);
    expect(tf(["plan", "-input=false", "-detailed-exitcode", "-var", "release=a1", "-out=p1"]).status).toBe(
      2,
    );
    expect(tf(["plan", "-var", "release=a1", "-out=p2"]).status).toBe(0);
    expect(tf(["apply", "-input=false", "p1"]).status).toBe(0);
    const stale = tf(["apply", "-input=false", "p2"]);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain("Saved plan is stale");
    expect(tf(["plan", "-detailed-exitcode", "-var", "release=a1"]).status).toBe(0);
    expect(tf(["apply"]).status).toBe(1);
    expect(tf(["nonsense"]).status).toBe(1);
    expect(tf(["output", "-raw", "release"]).stdout).toBe("a1");
  });

  it("plan → approval → Lightsail snapshot (UTC time, operator) → apply of the saved plan → /health", async () => {
    writeFileSync(stateFile, `4\nold\n${w.shas[3]}\n`);
    const run = await dispatch();
    expect(run.order.map((j) => [j.id, j.result])).toEqual([
      ["plan", "success"],
      ["deploy", "success"],
    ]);
    const sha = w.shas.at(-1)!;
    const summary = run.jobs.plan!.steps.map((s) => s.summary ?? "").join("\n");
    expect(summary).toContain("Plan: 0 to add, 1 to change, 0 to destroy.");
    expect(summary).toContain(run.jobs.plan!.outputs.sha256!);
    expect(state()).toEqual(["5", expect.any(String), sha]);
    expect(readFileSync(awsLog, "utf8")).toMatch(
      /^lightsail create-instance-snapshot --instance-name billing-host --instance-snapshot-name billing-host-\d{8}T\d{6}Z-octocat\n$/,
    );
    const rows = await w.auditRows("billing-host");
    expect(rows.map((r) => [r.context.phase, r.outcome, r.context.from_sha, r.context.to_sha])).toEqual([
      ["started", null, w.shas[3], sha],
      ["completed", "success", w.shas[3], sha],
    ]);
  });

  it("the state changed between the plan and the apply: terraform refuses the stale plan, deploy_failed", async () => {
    const before = state();
    writeFileSync(stateFile, `${before[0]}\n${before[1]}\n${w.shas[2]}\n`);
    const run = await dispatch(() => {
      // Someone applies another change while the approvers read the plan.
      writeFileSync(stateFile, `${Number(before[0]) + 1}\nother\n${w.shas[2]}\n`);
    });
    expect(run.jobs.deploy!.result).toBe("failure");
    const deploy = run.jobs.deploy!.steps.find((s) => s.id === "deploy")!;
    expect(deploy.result?.outputs.outcome).toBe("deploy_failed");
    expect(deploy.result?.log ?? "").toContain("Saved plan is stale");
    expect(existsSync(stateFile) && state()[1]).toBe("other");
  });
});
