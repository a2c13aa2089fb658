import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CloudflareApiFake } from "../../src/sandbox/cloudflare-api.js";
import { canary, expectNoCanary } from "../support/canary.js";
import { type DeployWorld, startDeployWorld } from "../support/deploy-world.js";
import { repoRoot } from "../support/run-action.js";
import { type RunArtifacts, runWorkflow, type WorkflowRun } from "../support/workflow-runner.js";

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

  /** Dispatches the workflow for `project`; `beforeDeploy` runs just before the deploy job, after approval. */
  const dispatch = async (project = "site", beforeDeploy?: (artifacts: RunArtifacts) => void) => {
    const runId = ++nextRun;
    const run = await runWorkflow(WORKFLOW, {
      inputs: {
        project,
        "account-id": ACCOUNT,
        "build-command":
          'mkdir -p out && echo "<h1>$PRODGATE_TO_SHA</h1>" > out/index.html && echo "token:${CLOUDFLARE_API_TOKEN:-none}"',
        directory: "out",
        "health-url": `${w.health.url}/${project}/health`,
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
      beforeJob: ({ id, environment, artifacts }) => {
        if (!environment) return;
        w.approve(runId, environment.name);
        if (id === "deploy") beforeDeploy?.(artifacts);
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
    api.addProject(ACCOUNT, "swapped", { productionBranch: "main" });
  });
  afterAll(async () => {
    const results = runs.flatMap((r) => r.order.flatMap((j) => j.steps.map((s) => s.result).filter(Boolean)));
    expectNoCanary([...w.secrets(), token], {
      ...Object.fromEntries(results.map((r, i) => [`step${i}`, r])),
      rows: [...(await w.auditRows("site")), ...(await w.auditRows("swapped"))],
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

  it("a build artifact swapped between the build and deploy jobs is refused: nothing is deployed, the summary says why", async () => {
    const before = api.projects.get(`${ACCOUNT}/swapped`)!.deployments.length;
    let swapped = "";
    const run = await dispatch("swapped", (artifacts) => {
      const artifact = artifacts.list.find((a) => a.name.startsWith("prodgate-pages-swapped-"))!;
      // Someone with write access to the run's artifacts replaces one built file, keeping the tar's shape.
      artifacts.replace(artifact.name, (dir) => {
        const site = mkdtempSync(join(tmpdir(), "prodgate-swap-"));
        const tar = (...args: string[]) => expect(spawnSync("tar", args).status).toBe(0);
        tar("-xf", join(dir, "site.tar"), "-C", site);
        writeFileSync(join(site, "index.html"), "<script>steal()</script>\n");
        tar(
          "--sort=name",
          "--mtime=@0",
          "--owner=0",
          "--group=0",
          "--numeric-owner",
          "-cf",
          join(dir, "site.tar"),
          "-C",
          site,
          ".",
        );
        rmSync(site, { recursive: true, force: true });
      });
      swapped = artifact.files["site.tar"]!;
    });
    expect(swapped).toContain("steal()");
    expect(run.order.map((j) => [j.id, j.result])).toEqual([
      ["preview", "success"],
      ["build", "success"],
      ["deploy", "failure"],
    ]);
    const sum = run.jobs.build!.outputs.sha256!;
    const check = run.jobs.deploy!.steps.find((s) => s.name === "Check its sha256 and unpack it")!;
    expect(check.outcome).toBe("failure");
    expect(check.stdout).toMatch(
      new RegExp(
        `^::error::The build artifact's sha256 is [0-9a-f]{64}, not the ${sum} the approvers saw: nothing is deployed$`,
        "m",
      ),
    );
    expect(check.summary).toContain("### Deploy refused");
    expect(check.summary).toContain(`not the ${sum} the approvers saw`);
    // The deploy step never ran: no Pages deployment, no upload, the token never used.
    expect(step(run, "deploy", "deploy").outcome).toBe("skipped");
    expect(api.projects.get(`${ACCOUNT}/swapped`)!.deployments.length).toBe(before);
    // The refusal itself is audited: one `rejected` row naming both sums, and nothing else.
    const refused = await w.auditRows("swapped");
    expect(refused.map((r) => [r.action, r.context.phase, r.outcome])).toEqual([
      ["deploy.production", "completed", "rejected"],
    ]);
    expect(refused[0]!.context.details).toMatchObject({
      reason: "build artifact sha256 mismatch",
      expected_sha256: run.jobs.build!.outputs.sha256,
      actual_sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });
});
