import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CloudflareApiFake } from "../../src/sandbox/cloudflare-api.js";
import { canary, expectNoCanary } from "../support/canary.js";
import { type DeployWorld, startDeployWorld } from "../support/deploy-world.js";
import { repoRoot } from "../support/run-action.js";
import { runWorkflow, type WorkflowRun } from "../support/workflow-runner.js";

/** rollback-cloudflare-pages.yml in the data-flow runner: the kill switch of a Pages project, audited. */
const WORKFLOW = join(repoRoot, ".github/workflows/rollback-cloudflare-pages.yml");
const ACCOUNT = "0123456789abcdef0123456789abcdef";

describe("rollback-cloudflare-pages.yml, end to end", () => {
  let w: DeployWorld;
  const token = canary("cf-rb-token");
  const api = new CloudflareApiFake({ apiToken: token });
  const runs: WorkflowRun[] = [];

  beforeAll(async () => {
    w = await startDeployWorld();
    await api.start();
    api.addProject(ACCOUNT, "site", { productionBranch: "main" });
    api.addDeployment(ACCOUNT, "site", { createdOn: "2026-11-01T10:00:00Z", commitHash: w.shas[2]! });
    api.addDeployment(ACCOUNT, "site", { createdOn: "2026-11-02T10:00:00Z", commitHash: w.shas[3]! });
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

  it("rolls production back to the previous deployment with the key-environment's token, audited", async () => {
    const serving = () => api.canonicalOf(api.projects.get(`${ACCOUNT}/site`)!)!;
    const before = serving();
    const run = await runWorkflow(WORKFLOW, {
      inputs: { project: "site", "account-id": ACCOUNT, reason: "bad css" },
      repositorySecrets: { DATABASE_URL: w.databaseUrl },
      secrets: { GITHUB_TOKEN: w.githubToken },
      environmentSecrets: { "production-rollback": { CLOUDFLARE_API_TOKEN: token } },
      github: { run_id: "9901", sha: w.shas.at(-1)!, event_name: "workflow_dispatch", api_url: w.github.url },
      env: { ...w.env, CLOUDFLARE_API_URL: api.url },
      checkoutFrom: w.src,
    });
    runs.push(run);
    expect(run.order.map((j) => [j.id, j.result])).toEqual([["rollback", "success"]]);
    expect(run.jobs.rollback!.environment?.name).toBe("production-rollback");
    expect(serving().id).not.toBe(before.id);
    expect(serving().deployment_trigger.metadata.commit_hash).toBe(w.shas[2]);
    expect(run.jobs.rollback!.outputs).toMatchObject({
      "rolled-back-to": serving().id,
      "previous-deployment-id": before.id,
    });
    const rows = await w.auditRows("site");
    expect(rows.map((r) => [r.action, r.outcome, r.context.to_sha])).toEqual([
      ["rollback.production", "rolled_back", w.shas[2]],
    ]);
    expect(rows[0]!.context.details).toMatchObject({ surface: "cloudflare-pages", reason: "bad css" });
  });
});
