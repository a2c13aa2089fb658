import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canary, expectNoCanary } from "../support/canary.js";
import { type DeployWorld, startDeployWorld } from "../support/deploy-world.js";
import { repoRoot } from "../support/run-action.js";
import { type RunArtifacts, runWorkflow, type WorkflowRun } from "../support/workflow-runner.js";

/**
 * deploy-command.yml job by job in the data-flow runner: the plan job's output is the preview, its plan files
 * travel as an artifact whose sha256 the deploy job checks, the pre-deploy command runs after approval, and the
 * deploy credentials (DEPLOY_ENV) reach only the deploy job, masked.
 */
const WORKFLOW = join(repoRoot, ".github/workflows/deploy-command.yml");

describe("deploy-command.yml, end to end", () => {
  let w: DeployWorld;
  const deployKey = canary("deploy-key");
  const state = mkdtempSync(join(tmpdir(), "prodgate-wf-command-"));
  const runs: WorkflowRun[] = [];
  let nextRun = 9700;
  const step = (run: WorkflowRun, job: string, id: string) => run.jobs[job]!.steps.find((s) => s.id === id)!;

  beforeAll(async () => {
    w = await startDeployWorld();
  });
  afterAll(async () => {
    const results = runs.flatMap((r) => r.order.flatMap((j) => j.steps.map((s) => s.result).filter(Boolean)));
    expectNoCanary([...w.secrets(), deployKey], {
      ...Object.fromEntries(results.map((r, i) => [`step${i}`, r])),
      rows: [...(await w.auditRows("host")), ...(await w.auditRows("swapped-host"))],
    });
    await w.stop();
    rmSync(state, { recursive: true, force: true });
  });

  /** Dispatches the workflow for `app`, logging to `log`; `beforeDeploy` runs just before the deploy job. */
  const dispatch = async (app: string, log: string, beforeDeploy?: (artifacts: RunArtifacts) => void) => {
    const runId = ++nextRun;
    const run = await runWorkflow(WORKFLOW, {
      inputs: {
        app,
        "plan-command":
          'echo "plan for $PRODGATE_TO_SHA key:${DEPLOY_KEY:-none}"; echo "plan-$PRODGATE_TO_SHA" > the.plan',
        "plan-path": "the.plan",
        "pre-deploy-command": `echo "snapshot $PRODGATE_APP by $PRODGATE_ACTOR" >> ${log}`,
        "deploy-command": `test "$DEPLOY_KEY" = "${deployKey}" && echo "apply $(cat the.plan)" >> ${log}`,
        "health-url": `${w.health.url}/${app}/health`,
        "health-attempts": 2,
        "health-interval": "200ms",
      },
      repositorySecrets: { DATABASE_URL: w.databaseUrl },
      secrets: { GITHUB_TOKEN: w.githubToken },
      environmentSecrets: { production: { DEPLOY_ENV: `DEPLOY_KEY=${deployKey}` } },
      github: {
        run_id: String(runId),
        sha: w.shas.at(-1)!,
        event_name: "workflow_dispatch",
        api_url: w.github.url,
        triggering_actor: "octocat",
      },
      env: w.env,
      checkoutFrom: w.src,
      beforeJob: ({ id, environment, artifacts }) => {
        if (environment) w.approve(runId, environment.name);
        if (id === "deploy") beforeDeploy?.(artifacts);
      },
    });
    runs.push(run);
    return run;
  };

  it("plan → approval → snapshot → deploy of the saved plan; the deploy credential reaches only the deploy job", async () => {
    const log = join(state, "log");
    const run = await dispatch("host", log);
    expect(run.order.map((j) => [j.id, j.result])).toEqual([
      ["plan", "success"],
      ["deploy", "success"],
    ]);
    const sha = w.shas.at(-1)!;
    const sum = run.jobs.plan!.outputs.sha256!;
    expect(sum).toMatch(/^[0-9a-f]{64}$/);
    const planSummary = run.jobs.plan!.steps.map((s) => s.summary ?? "").join("\n");
    expect(planSummary).toContain(`plan for ${sha} key:none`);
    expect(planSummary).toContain(sum);
    expect(JSON.stringify(run.jobs.plan!.steps.map((s) => [s.inputs, s.env, s.stdout]))).not.toContain(
      deployKey,
    );
    expect(existsSync(log)).toBe(true);
    expect(readFileSync(log, "utf8").trim().split("\n")).toEqual([
      expect.stringMatching(/^snapshot host by /),
      `apply plan-${sha}`,
    ]);
    expect(step(run, "deploy", "deploy").outputs.outcome).toBe("success");
    expect(run.jobs.deploy!.concurrency).toBe("prodgate-deploy-host");
    const rows = await w.auditRows("host");
    expect(rows.map((r) => [r.context.phase, r.outcome, r.context.approved_by])).toEqual([
      ["started", null, "alice"],
      ["completed", "success", "alice"],
    ]);
  });

  it("a plan swapped between the plan and deploy jobs is refused: no snapshot, no deploy command, the summary says why", async () => {
    const log = join(state, "swapped-log");
    const run = await dispatch("swapped-host", log, (artifacts) => {
      const artifact = artifacts.list.find((a) => a.name.startsWith("prodgate-plan-swapped-host-"))!;
      // Someone with write access to the run's artifacts replaces the saved plan with one of their own.
      artifacts.replace(artifact.name, (dir) => {
        const files = mkdtempSync(join(tmpdir(), "prodgate-swap-"));
        writeFileSync(join(files, "the.plan"), "plan-destroy-everything\n");
        const tar = spawnSync("tar", ["-cf", join(dir, "plan.tar"), "-C", files, "the.plan"]);
        expect(tar.status).toBe(0);
        rmSync(files, { recursive: true, force: true });
      });
      expect(artifact.files["plan.tar"]).toContain("plan-destroy-everything");
    });
    expect(run.order.map((j) => [j.id, j.result])).toEqual([
      ["plan", "success"],
      ["deploy", "failure"],
    ]);
    const sum = run.jobs.plan!.outputs.sha256!;
    const check = run.jobs.deploy!.steps.find((s) => s.name === "Check its sha256 and unpack it")!;
    expect(check.outcome).toBe("failure");
    expect(check.stdout).toMatch(
      new RegExp(
        `^::error::The plan artifact's sha256 is [0-9a-f]{64}, not the ${sum} the approvers saw: nothing is deployed$`,
        "m",
      ),
    );
    expect(check.summary).toContain("### Deploy refused");
    expect(check.summary).toContain(`not the ${sum} the approvers saw`);
    // Neither the pre-deploy command nor the deploy step ran: nothing in the log.
    expect(run.jobs.deploy!.steps.find((s) => s.name === "Before the deploy")!.outcome).toBe("skipped");
    expect(step(run, "deploy", "deploy").outcome).toBe("skipped");
    expect(existsSync(log)).toBe(false);
    // The refusal itself is audited: one `rejected` row naming both sums, and nothing else.
    const refused = await w.auditRows("swapped-host");
    expect(refused.map((r) => [r.action, r.context.phase, r.outcome])).toEqual([
      ["deploy.production", "completed", "rejected"],
    ]);
    expect(refused[0]!.context.details).toMatchObject({
      reason: "plan artifact sha256 mismatch",
      expected_sha256: run.jobs.plan!.outputs.sha256,
      actual_sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });
});
