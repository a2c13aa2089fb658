import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoCanary } from "../support/canary.js";
import { type DeployWorld, startDeployWorld } from "../support/deploy-world.js";
import { repoRoot } from "../support/run-action.js";
import { runWorkflow, type WorkflowRun, type WorkflowRunOptions } from "../support/workflow-runner.js";
import { projectRuleFindings } from "../support/workflows.js";

/**
 * The data flow of the reusable workflows: deploy-heroku.yml and rollback-heroku.yml run job by job with
 * GitHub's own parser and expression engine, every prodgate step through its dist bundle, against the loopback
 * Heroku, GitHub, Slack and a real Postgres. A wrong output name or a missing input in the YAML fails here.
 */

const DEPLOY = join(repoRoot, ".github/workflows/deploy-heroku.yml");
const ROLLBACK = join(repoRoot, ".github/workflows/rollback-heroku.yml");

describe("deploy-heroku.yml and rollback-heroku.yml, end to end", () => {
  let w: DeployWorld;
  let nextRun = 9100;
  const runs: WorkflowRun[] = [];

  const dispatch = async (
    app: string,
    opts: {
      inputs?: WorkflowRunOptions["inputs"];
      secrets?: Record<string, string>;
      github?: Record<string, string>;
      file?: string;
      approve?: boolean;
    } = {},
  ) => {
    const runId = ++nextRun;
    const run = await runWorkflow(opts.file ?? DEPLOY, {
      inputs: {
        app,
        "slack-channel": "C0DEPLOYS",
        "health-attempts": 2,
        "health-interval": "200ms",
        ...opts.inputs,
      },
      secrets: {
        HEROKU_API_KEY: w.herokuKey,
        HEROKU_PREVIEW_TOKEN: w.herokuPreviewToken,
        DATABASE_URL: w.databaseUrl,
        SLACK_BOT_TOKEN: w.slack.token,
        GITHUB_TOKEN: w.githubToken,
        ...opts.secrets,
      },
      github: {
        run_id: String(runId),
        sha: w.shas.at(-1)!,
        event_name: "workflow_dispatch",
        api_url: w.github.url,
        ...opts.github,
      },
      env: w.env,
      checkoutFrom: w.src,
      // GitHub pauses a job that names a protected environment until a reviewer approves it.
      beforeJob: ({ environment }) => {
        if (environment && opts.approve !== false) w.approve(runId, environment.name);
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
    for (const app of ["wf-happy", "wf-sick", "wf-push", "wf-busy", "wf-kill"])
      rows.push(...(await w.auditRows(app)));
    const results = runs.flatMap((r) => r.order.flatMap((j) => j.steps.map((s) => s.result).filter(Boolean)));
    expectNoCanary(w.secrets(), {
      ...Object.fromEntries(results.map((r, i) => [`step${i}`, r])),
      rows,
      comments: [...w.repo.issueComments, ...w.repo.commitComments].map((c) => c.body),
      slack: w.slack.messages,
    });
    await w.stop();
  });

  it("preview → approval → deploy: the previewed SHA ships, audited, announced, one sticky comment", async () => {
    await w.app("wf-happy", w.shas[6]);
    const run = await dispatch("wf-happy");
    expect(run.order.map((j) => [j.id, j.result])).toEqual([
      ["preview", "success"],
      ["deploy", "success"],
    ]);
    const deploy = run.jobs.deploy!;
    expect(deploy.environment).toEqual({ name: "production", url: "" });
    expect(deploy.concurrency).toBe("prodgate-deploy-wf-happy");
    expect(step(run, "preview", "preview").outputs).toMatchObject({
      "from-sha": w.shas[6],
      "to-sha": w.shas.at(-1),
      "commit-count": "5",
    });
    expect(step(run, "deploy", "gate").outcome).toBe("skipped");
    expect(step(run, "deploy", "deploy").inputs).toMatchObject({
      ref: w.shas.at(-1),
      approval: "environment",
      "previewed-from-sha": w.shas[6],
      "health-attempts": "2",
      "slack-channel": "C0DEPLOYS",
    });
    expect(deploy.outputs).toMatchObject({
      outcome: "success",
      "release-version": "3",
      "approved-by": "alice",
    });
    expect(w.hk.api.liveCommitOf("wf-happy")).toBe(w.shas.at(-1));

    const rows = await w.auditRows("wf-happy");
    expect(rows.map((r) => [r.context.phase, r.outcome, r.actor, r.context.approved_by])).toEqual([
      ["started", null, "octocat", "alice"],
      ["completed", "success", "octocat", "alice"],
    ]);
    expect(deploy.outputs["audit-id"]).toBe(rows[1]!.id);

    const comments = w.repo.commitComments.filter((c) =>
      c.body.includes("prodgate:sticky wf-happy@production"),
    );
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain("### ✅ Deployed: `wf-happy`");
    expect(comments[0]!.body).toContain("TARGET: PRODUCTION");
    const msg = w.slack.messagesIn("C0DEPLOYS").filter((m) => m.text.includes("wf-happy"));
    expect(msg).toHaveLength(1);
    expect(msg[0]!.history.map((h) => h.text)).toEqual([
      expect.stringMatching(/Deploying wf-happy/),
      expect.stringMatching(/Deployed wf-happy/),
    ]);
    expect(
      w.repo.deployments
        .filter((d) => d.sha === w.shas.at(-1))
        .flatMap((d) => d.statuses.map((s) => s.state)),
    ).toEqual(["in_progress", "success"]);
  });

  it("health failure: rolled back automatically, the job fails, the rows say health_check_failed then rolled_back", async () => {
    await w.app("wf-sick", w.shas[7]);
    w.healthStatus.set("wf-sick", 503);
    const run = await dispatch("wf-sick", { inputs: { ref: w.shas[10]! } });
    expect(run.jobs.deploy!.result).toBe("failure");
    expect(run.jobs.deploy!.outputs.outcome).toBe("rolled_back");
    expect(w.hk.api.liveCommitOf("wf-sick")).toBe(w.shas[7]);
    expect((await w.auditRows("wf-sick")).map((r) => [r.action, r.outcome])).toEqual([
      ["deploy.production", null],
      ["deploy.production", "health_check_failed"],
      ["rollback.production", "rolled_back"],
    ]);
    w.healthStatus.delete("wf-sick");
  });

  it("production from a push event: refused naming the event, nothing pushed", async () => {
    await w.app("wf-push", w.shas[4]);
    const run = await dispatch("wf-push", { github: { event_name: "push" } });
    const deploy = step(run, "deploy", "deploy");
    expect(deploy.outcome).toBe("failure");
    expect(deploy.result!.errors).toEqual([
      expect.stringContaining("refusing to deploy to production: the run was triggered by 'push'"),
    ]);
    expect(w.hk.api.liveCommitOf("wf-push")).toBe(w.shas[4]);
    expect((await w.auditRows("wf-push")).map((r) => r.outcome)).toEqual(["rejected"]);
  });

  it("two dispatches for one app at once: one deploy at a time, the second after the first", async () => {
    await w.app("wf-busy", w.shas[4]);
    w.health.fault("GET", "/wf-busy/health", { kind: "delay", ms: 1500 }, 1);
    const [a, b] = await Promise.all([dispatch("wf-busy"), dispatch("wf-busy")]);
    expect(a.jobs.deploy!.concurrency).toBe(b.jobs.deploy!.concurrency);
    // One deploy at a time: the rows of one run are never interleaved with the other's. A dispatch whose preview
    // saw the app before the other one shipped is refused (what its approvers saw is no longer what would ship).
    const rows = await w.auditRows("wf-busy");
    const runsInOrder = rows.map((r) => r.context.run_id);
    expect(runsInOrder).toEqual(
      [...runsInOrder].sort((x, y) => runsInOrder.indexOf(x) - runsInOrder.indexOf(y)),
    );
    const results = [a, b].map((r) => r.jobs.deploy!.result);
    expect(results).toContain("success");
    for (const r of [a, b].filter((x) => x.jobs.deploy!.result === "failure"))
      expect(step(r, "deploy", "deploy").result?.errors.join("\n")).toContain(
        "the approvers saw a diff from",
      );
    expect(w.hk.api.liveCommitOf("wf-busy")).toBe(w.shas.at(-1));
  });

  it("rollback-heroku.yml: the kill switch rolls back, audits and tells Slack", async () => {
    await w.app("wf-kill", w.shas[3]);
    await dispatch("wf-kill", { inputs: { ref: w.shas[9]! } });
    expect(w.hk.api.liveCommitOf("wf-kill")).toBe(w.shas[9]);
    const run = await dispatch("wf-kill", { file: ROLLBACK, inputs: { reason: 'bad "release"' } });
    expect(run.jobs.rollback!.result).toBe("success");
    expect(run.jobs.rollback!.outputs).toEqual({ "rolled-back-to": "2", "release-version": "4" });
    expect(w.hk.api.liveCommitOf("wf-kill")).toBe(w.shas[3]);
    const rows = await w.auditRows("wf-kill");
    expect(rows.at(-1)).toMatchObject({
      action: "rollback.production",
      outcome: "rolled_back",
      actor: "octocat",
    });
    expect(rows.at(-1)!.context).toMatchObject({
      from_sha: w.shas[9],
      to_sha: w.shas[3],
      details: { reason: 'bad "release"', rolled_back_to: "2", release: "4" },
    });
    const msg = w.slack.messagesIn("C0DEPLOYS").filter((m) => m.text.includes("wf-kill"));
    expect(msg.at(-1)!.text).toMatch(/Rolled back wf-kill/);
  });

  it("a wrong output name or a missing input in the YAML fails", async () => {
    const yaml = readFileSync(DEPLOY, "utf8");
    const variant = (name: string, from: string, to: string) => {
      expect(yaml).toContain(from);
      const file = join(w.dir, name);
      writeFileSync(file, yaml.replace(from, to));
      return file;
    };
    await expect(
      dispatch("wf-happy", {
        file: variant("bad-step.yml", "steps.deploy.outputs.app-url", "steps.deploy.outputs.app_url"),
      }),
    ).rejects.toThrow(/data flow: .*step deploy has no output 'app_url'/);
    await expect(
      dispatch("wf-happy", {
        file: variant(
          "bad-needs.yml",
          "ref: ${{ needs.preview.outputs.to-sha }}\n          fetch",
          "ref: ${{ needs.preview.outputs.sha }}\n          fetch",
        ),
      }),
    ).rejects.toThrow(/data flow: .*job preview has no output 'sha'/);
    const missing = variant(
      "no-app.yml",
      "          app: ${{ inputs.app }}\n          heroku-api-key: ${{ secrets.HEROKU_API_KEY }}\n          database-url",
      "          heroku-api-key: ${{ secrets.HEROKU_API_KEY }}\n          database-url",
    );
    expect(projectRuleFindings(missing)).toEqual([
      "jobs.deploy.steps[2]: required input 'app' of root is not passed",
    ]);
    const run = await dispatch("wf-happy", { file: missing });
    expect(step(run, "deploy", "deploy").result!.errors).toEqual(["Input 'app' is required"]);
    expect(run.jobs.deploy!.result).toBe("failure");
  });
});
