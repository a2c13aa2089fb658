import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CloudflareApiFake } from "../../src/sandbox/cloudflare-api.js";
import { canary, expectNoCanary } from "../support/canary.js";
import { type DeployWorld, startDeployWorld } from "../support/deploy-world.js";
import { repoRoot } from "../support/run-action.js";
import { runWorkflow, type WorkflowRun } from "../support/workflow-runner.js";

/**
 * deploy-cloudflare-pages.yml job by job in the data-flow runner: preview with no secret, build with no deploy
 * secret (its artifact's sha256 in the summary), deploy in the protected environment of exactly that artifact,
 * against the loopback Pages API, GitHub, health endpoints and a real Postgres.
 */
const WORKFLOW = join(repoRoot, ".github/workflows/deploy-cloudflare-pages.yml");
const ACCOUNT = "0123456789abcdef0123456789abcdef";

describe("deploy-cloudflare-pages.yml, end to end", () => {
  let w: DeployWorld;
  const token = canary("cf-wf-token");
  const api = new CloudflareApiFake({ apiToken: token });
  const runs: WorkflowRun[] = [];
  let nextRun = 9600;

  const dispatch = async () => {
    const runId = ++nextRun;
    const run = await runWorkflow(WORKFLOW, {
      inputs: {
        project: "site",
        "account-id": ACCOUNT,
        "build-command":
          'mkdir -p out && echo "<h1>$PRODGATE_TO_SHA</h1>" > out/index.html && echo "token:${CLOUDFLARE_API_TOKEN:-none}"',
        directory: "out",
        "health-url": `${w.health.url}/site/health`,
        "health-attempts": 2,
        "health-interval": "200ms",
      },
      repositorySecrets: { DATABASE_URL: w.databaseUrl },
      secrets: { GITHUB_TOKEN: w.githubToken },
      environmentSecrets: { production: { CLOUDFLARE_API_TOKEN: token } },
      github: {
        run_id: String(runId),
        sha: w.shas.at(-1)!,
        event_name: "workflow_dispatch",
        api_url: w.github.url,
      },
      env: { ...w.env, CLOUDFLARE_API_URL: api.url },
      checkoutFrom: w.src,
      beforeJob: ({ environment }) => {
        if (!environment) return;
        w.approve(runId, environment.name);
      },
    });
    runs.push(run);
    return run;
  };
  const step = (run: WorkflowRun, job: string, id: string) => run.jobs[job]!.steps.find((s) => s.id === id)!;

  beforeAll(async () => {
    w = await startDeployWorld();
    await api.start();
    api.addProject(ACCOUNT, "site", { productionBranch: "main" });
  });
  afterAll(async () => {
    const results = runs.flatMap((r) => r.order.flatMap((j) => j.steps.map((s) => s.result).filter(Boolean)));
    expectNoCanary([...w.secrets(), token], {
      ...Object.fromEntries(results.map((r, i) => [`step${i}`, r])),
      rows: await w.auditRows("site"),
    });
    await api.stop();
    await w.stop();
  });

  it("preview → build → approval → deploy of exactly the built artifact; the token reaches only the deploy job", async () => {
    const run = await dispatch();
    expect(run.order.map((j) => [j.id, j.result])).toEqual([
      ["preview", "success"],
      ["build", "success"],
      ["deploy", "success"],
    ]);
    const sum = run.jobs.build!.outputs.sha256!;
    expect(sum).toMatch(/^[0-9a-f]{64}$/);
    expect(step(run, "build", "pack").summary).toContain(sum);
    // The build ran without the deploy token; only the deploy step was given it.
    const buildSteps = run.jobs.build!.steps;
    expect(buildSteps.map((s) => s.stdout ?? "").join("\n")).toContain("token:none");
    for (const job of ["preview", "build"])
      expect(JSON.stringify(run.jobs[job]!.steps.map((s) => [s.inputs, s.env, s.stdout]))).not.toContain(
        token,
      );
    expect(step(run, "deploy", "deploy").inputs?.["cloudflare-api-token"]).toBe(token);
    expect(run.jobs.deploy!.environment?.name).toBe("production");
    expect(run.jobs.deploy!.concurrency).toBe("prodgate-deploy-site");
    const serving = api.canonicalOf(api.projects.get(`${ACCOUNT}/site`)!)!;
    expect(serving.deployment_trigger.metadata.commit_hash).toBe(w.shas.at(-1));
    const rows = await w.auditRows("site");
    expect(rows.map((r) => [r.context.phase, r.outcome, r.context.approved_by])).toEqual([
      ["started", null, "alice"],
      ["completed", "success", "alice"],
    ]);
  });
});
