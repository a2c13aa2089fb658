import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoCanary } from "../support/canary.js";
import { type DeployWorld, startDeployWorld } from "../support/deploy-world.js";
import { seedHeroku } from "../support/heroku.js";
import { repoRoot } from "../support/run-action.js";
import { runWorkflow, type WorkflowRun } from "../support/workflow-runner.js";

/**
 * deploy-heroku.yml, played through GitHub's own parser and expression engine with every prodgate step run from
 * its bundle: the deploy key lives only in the protected environment, so nothing that runs before approval holds
 * it, and what ships is what the approvers saw (a live SHA that moved after the preview refuses the deploy).
 */
const DEPLOY = join(repoRoot, ".github/workflows/deploy-heroku.yml");

describe("security: the deploy key and the preview (deploy-heroku.yml)", () => {
  let w: DeployWorld;
  let nextRun = 32_000;
  const runs: WorkflowRun[] = [];
  const apps = ["wfsec-key", "wfsec-moved", "wfsec-readonly"];

  const dispatch = async (
    app: string,
    opts: { repositorySecrets?: Record<string, string>; beforeDeploy?: () => Promise<void> } = {},
  ) => {
    const runId = ++nextRun;
    w.repo.run({
      id: runId,
      workflow: "deploy.yml",
      headSha: w.shas.at(-1)!,
      event: "workflow_dispatch",
      status: "in_progress",
    });
    const run = await runWorkflow(DEPLOY, {
      inputs: { app, "health-attempts": 1, "health-interval": "200ms" },
      // The repository holds no deploy credential; the protected environment does.
      repositorySecrets: {
        DATABASE_URL: w.databaseUrl,
        ...opts.repositorySecrets,
      },
      secrets: { GITHUB_TOKEN: w.githubToken },
      environmentSecrets: { production: { HEROKU_API_KEY: w.herokuKey } },
      github: {
        run_id: String(runId),
        sha: w.shas.at(-1)!,
        event_name: "workflow_dispatch",
        api_url: w.github.url,
      },
      env: w.env,
      checkoutFrom: w.src,
      beforeJob: async ({ environment }) => {
        if (!environment) return;
        await opts.beforeDeploy?.();
        w.approve(runId, environment.name);
      },
    });
    runs.push(run);
    return run;
  };

  const step = (run: WorkflowRun, job: string, id: string) => run.jobs[job]!.steps.find((s) => s.id === id)!;

  beforeAll(async () => {
    w = await startDeployWorld();
  });
  afterAll(async () => {
    const rows = [];
    for (const a of apps) rows.push(...(await w.auditRows(a)));
    const results = runs.flatMap((r) => r.order.flatMap((j) => j.steps.map((s) => s.result).filter(Boolean)));
    expectNoCanary(w.secrets(), { ...Object.fromEntries(results.map((r, i) => [`step${i}`, r])), rows });
    await w.stop();
  });

  it("5. the preview job holds no deploy credential; only the approved deploy job gets the key", async () => {
    await w.app("wfsec-key", w.shas[6]);
    const run = await dispatch("wfsec-key");
    expect(run.order.map((j) => [j.id, j.result])).toEqual([
      ["preview", "success"],
      ["deploy", "success"],
    ]);
    const preview = step(run, "preview", "preview");
    expect(JSON.stringify(preview.inputs)).not.toContain(w.herokuKey);
    expect(preview.result?.env ?? "").not.toContain(w.herokuKey);
    expect(step(run, "deploy", "deploy").inputs?.["heroku-api-key"]).toBe(w.herokuKey);
    expect(w.hk.api.liveCommitOf("wfsec-key")).toBe(w.shas.at(-1));
  });

  it("5. something shipped between the preview and the deploy: refused, nothing pushed, a rejected row", async () => {
    await w.app("wfsec-moved", w.shas[6]);
    const run = await dispatch("wfsec-moved", {
      repositorySecrets: { HEROKU_PREVIEW_TOKEN: w.herokuPreviewToken },
      // While the approvers read the preview (live: shas[6]), someone ships shas[8] by other means.
      beforeDeploy: () => seedHeroku(w.hk.gitServer, w.herokuKey, w.src, "wfsec-moved", w.shas[8]!),
    });
    expect(step(run, "preview", "preview").outputs["from-sha"]).toBe(w.shas[6]);
    expect(run.jobs.deploy!.result).toBe("failure");
    const deploy = step(run, "deploy", "deploy");
    expect(deploy.result?.errors.join("\n")).toContain(
      `runs ${w.shas[8]!.slice(0, 7)} now, but the approvers saw a diff from ${w.shas[6]!.slice(0, 7)}`,
    );
    expect(w.hk.api.liveCommitOf("wfsec-moved")).toBe(w.shas[8]);
    const rows = await w.auditRows("wfsec-moved");
    expect(rows.map((r) => [r.context.phase, r.outcome])).toEqual([["completed", "rejected"]]);
  });

  it("5. a read-only preview token reads the live SHA and cannot change the app", async () => {
    await w.app("wfsec-readonly", w.shas[6]);
    const res = await fetch(`${w.env.HEROKU_API_URL}/apps/wfsec-readonly/releases`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${w.herokuPreviewToken}`,
        accept: "application/vnd.heroku+json; version=3",
        "content-type": "application/json",
      },
      body: JSON.stringify({ slug: "x" }),
    });
    expect(res.status).toBe(403);
    const run = await dispatch("wfsec-readonly", {
      repositorySecrets: { HEROKU_PREVIEW_TOKEN: w.herokuPreviewToken },
    });
    expect(step(run, "preview", "preview").outputs).toMatchObject({
      "from-sha": w.shas[6],
      "previewed-from": w.shas[6],
    });
    expect(run.jobs.deploy!.result).toBe("success");
  });
});
