import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionsState, GitHubApiFake } from "../../src/sandbox/github-api.js";
import { canary, expectNoCanary } from "../support/canary.js";
import { freshDatabase } from "../support/db.js";
import { repoRoot } from "../support/run-action.js";
import { dataFlowFindings, runWorkflow } from "../support/workflow-runner.js";

const WORKFLOW = join(repoRoot, ".github/workflows/rotation-sweep.yml");

describe("reusable workflow rotation-sweep.yml", () => {
  const token = canary("github-token");
  const secretsRead = canary("secrets-read");
  const github = new GitHubApiFake({ token });
  const caller = mkdtempSync(join(tmpdir(), "prodgate-rotation-caller-"));
  let db: { url: string; drop(): Promise<void> };
  let sha = "";

  beforeAll(async () => {
    await github.start();
    github.addToken(secretsRead, { login: "octo-admin" });
    const repo = github.repo("acme/shop");
    repo.chain(1, { author: "alice" });
    const state = actionsState(repo);
    state.workflows.set("rotate-deploy-key.yml", ["secret_name", "job_id"]);
    const now = Date.now();
    state.secrets.push({
      name: "DEPLOY_KEY",
      createdAt: new Date(now - 400 * 86_400_000).toISOString(),
      updatedAt: new Date(now - 95 * 86_400_000).toISOString(),
    });
    writeFileSync(
      join(caller, "secrets.yml"),
      [
        "secrets:",
        "  - name: DEPLOY_KEY",
        "    vendor: github",
        "    source: github-actions",
        "    policy: { ttl: 100d, rotation-workflow: rotate-deploy-key.yml }",
        "",
      ].join("\n"),
    );
    const git = (...args: string[]) => spawnSync("git", args, { cwd: caller, encoding: "utf8" });
    git("init", "-q", "-b", "main", ".");
    git("add", ".");
    git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "inventory");
    sha = git("rev-parse", "HEAD").stdout.trim();
    db = await freshDatabase("rotwf");
  });
  afterAll(async () => {
    await github.stop();
    await db?.drop();
    rmSync(caller, { recursive: true, force: true });
  });

  it("has a consistent data flow: inputs, secrets and step outputs all exist", () => {
    expect(dataFlowFindings(WORKFLOW)).toEqual([]);
  });

  it("runs the sweep from the caller's checkout, dispatches, and hands the counts to the caller", async () => {
    const run = await runWorkflow(WORKFLOW, {
      inputs: { inventory: "secrets.yml", dispatch: true, "fail-on": "expired" },
      secrets: { GITHUB_TOKEN: token, SECRETS_READ_TOKEN: secretsRead, DATABASE_URL: db.url },
      github: { ref: "refs/heads/main", sha, event_name: "schedule" },
      env: { GITHUB_API_URL: github.url, GITHUB_REF_NAME: "main" },
      checkoutFrom: caller,
    });
    const job = run.jobs.sweep!;
    const step = job.steps.find((s) => s.id === "sweep")!;
    expect(job.result, `${step.stderr ?? ""}${step.result?.log ?? ""}`).toBe("success");
    // Dispatched: the secret is rotating now, so nothing is left expiring or needing action.
    expect(job.outputs).toMatchObject({ expiring: "0", expired: "0", dispatched: "1" });
    expect(job.outputs["needs-action"] ?? "").toBe("");
    expect(actionsState(github.repo("acme/shop")).dispatches).toEqual([
      expect.objectContaining({ workflow: "rotate-deploy-key.yml", ref: "main" }),
    ]);
    expect(step.result?.summary).toContain("`DEPLOY_KEY`");
    expectNoCanary([token, secretsRead], { step: step.result });
  });
});
