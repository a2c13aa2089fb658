import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APPROVAL_LABEL } from "../../src/core/approval.js";
import { CloudflareApiFake } from "../../src/sandbox/cloudflare-api.js";
import type { FakeIssue } from "../../src/sandbox/github-api.js";
import { canary, expectNoCanary } from "../support/canary.js";
import { type DeployWorld, startDeployWorld } from "../support/deploy-world.js";
import { repoRoot } from "../support/run-action.js";
import { runWorkflow, type WorkflowRun } from "../support/workflow-runner.js";

/**
 * deploy-command.yml and deploy-cloudflare-pages.yml with `approval: issue`, job by job through GitHub's parser
 * and expression engine: the approvers' comments on the approval issue decide, the deploy step reads the issue
 * back, and a denial deploys nothing (no deploy command run, no Pages deployment) and is audited as rejected.
 * No environment review is recorded: the issue alone approves.
 */
const COMMAND = join(repoRoot, ".github/workflows/deploy-command.yml");
const PAGES = join(repoRoot, ".github/workflows/deploy-cloudflare-pages.yml");
const ACCOUNT = "0123456789abcdef0123456789abcdef";
const APPROVAL = {
  approval: "issue",
  approvers: "alice, bob",
  "approval-poll-interval": "200ms",
  "approval-timeout": "1m",
  "health-attempts": 2,
  "health-interval": "200ms",
};

describe("the surface workflows with approval: issue", () => {
  let w: DeployWorld;
  const deployKey = canary("issue-deploy-key");
  const cfToken = canary("issue-cf-token");
  const api = new CloudflareApiFake({ apiToken: cfToken });
  const state = mkdtempSync(join(tmpdir(), "prodgate-wf-surface-issue-"));
  const targets = ["cmd-ok", "cmd-no", "pages-ok", "pages-no"];
  let nextRun = 9800;
  const runs: WorkflowRun[] = [];

  /** Dispatches `file`; `answer` speaks on the approval issue for `app` once it is open. */
  const dispatch = async (
    file: string,
    app: string,
    inputs: Record<string, string | number>,
    answer: (issue: FakeIssue) => void,
  ) => {
    const runId = ++nextRun;
    w.repo.run({
      id: runId,
      workflow: "deploy.yml",
      headSha: w.shas.at(-1)!,
      event: "workflow_dispatch",
      status: "in_progress",
    });
    let answered = false;
    const timer = setInterval(() => {
      const issue = w.repo.issues.find(
        (i) => i.labels.includes(APPROVAL_LABEL) && i.state === "open" && i.title.includes(app),
      );
      if (issue && !answered) {
        answered = true;
        answer(issue);
      }
    }, 100);
    try {
      const run = await runWorkflow(file, {
        inputs: { ...APPROVAL, ...inputs, "health-url": `${w.health.url}/${app}/health` },
        repositorySecrets: { DATABASE_URL: w.databaseUrl },
        secrets: { GITHUB_TOKEN: w.githubToken },
        environmentSecrets: {
          production: { DEPLOY_ENV: `DEPLOY_KEY=${deployKey}`, CLOUDFLARE_API_TOKEN: cfToken },
        },
        github: {
          run_id: String(runId),
          sha: w.shas.at(-1)!,
          event_name: "workflow_dispatch",
          api_url: w.github.url,
        },
        env: { ...w.env, CLOUDFLARE_API_URL: api.url },
        checkoutFrom: w.src,
      });
      runs.push(run);
      return run;
    } finally {
      clearInterval(timer);
    }
  };
  const command = (app: string, log: string, answer: (issue: FakeIssue) => void) =>
    dispatch(
      COMMAND,
      app,
      {
        app,
        "plan-command": 'echo "plan-$PRODGATE_TO_SHA" > the.plan',
        "plan-path": "the.plan",
        "pre-deploy-command": `echo "snapshot $PRODGATE_APP" >> ${log}`,
        "deploy-command": `test "$DEPLOY_KEY" = "${deployKey}" && echo "apply $(cat the.plan)" >> ${log}`,
      },
      answer,
    );
  const pages = (project: string, answer: (issue: FakeIssue) => void) =>
    dispatch(
      PAGES,
      project,
      {
        project,
        "account-id": ACCOUNT,
        "build-command": 'mkdir -p out && echo "<h1>$PRODGATE_TO_SHA</h1>" > out/index.html',
        directory: "out",
      },
      answer,
    );
  const step = (run: WorkflowRun, job: string, id: string) => run.jobs[job]!.steps.find((s) => s.id === id)!;
  const issueOf = (app: string) =>
    w.repo.issues.find((i) => i.title === `Approve deploy of ${app} to production`)!;
  const phases = async (app: string) =>
    (await w.auditRows(app)).map((r) => [r.context.phase, r.outcome, r.context.approved_by ?? null]);

  beforeAll(async () => {
    w = await startDeployWorld();
    await api.start();
    api.addProject(ACCOUNT, "pages-ok", { productionBranch: "main" });
    api.addProject(ACCOUNT, "pages-no", { productionBranch: "main" });
  });
  afterAll(async () => {
    const rows = (await Promise.all(targets.map((t) => w.auditRows(t)))).flat();
    const results = runs.flatMap((r) => r.order.flatMap((j) => j.steps.map((s) => s.result).filter(Boolean)));
    expectNoCanary([...w.secrets(), deployKey, cfToken], {
      ...Object.fromEntries(results.map((r, i) => [`step${i}`, r])),
      rows,
      issues: w.repo.issues,
      comments: w.repo.issueComments.map((c) => c.body),
    });
    await api.stop();
    await w.stop();
    rmSync(state, { recursive: true, force: true });
  });

  it("deploy-command.yml: an approver's comment lets the saved plan ship, audited with who approved", async () => {
    const log = join(state, "ok.log");
    const run = await command("cmd-ok", log, (issue) => w.repo.comment(issue.number, "bob", "lgtm"));
    expect(run.order.map((j) => [j.id, j.result])).toEqual([
      ["plan", "success"],
      ["deploy", "success"],
    ]);
    const gate = step(run, "deploy", "gate");
    expect(gate.inputs).toMatchObject({
      mode: "issue",
      approvers: "alice, bob",
      "minimum-approvals": "1",
      "allow-self-approval": "false",
      timeout: "1m",
      app: "cmd-ok",
      ref: w.shas.at(-1),
    });
    expect(gate.outputs).toMatchObject({ decision: "approved", "approved-by": "bob" });
    expect(step(run, "deploy", "deploy").inputs).toMatchObject({
      surface: "command",
      approval: "issue",
      "approval-issue": gate.outputs["issue-number"],
      approvers: "alice, bob",
    });
    expect(step(run, "deploy", "deploy").result?.log).toContain("read back: approved by @bob");
    expect(run.jobs.deploy!.outputs).toMatchObject({ outcome: "success", "approved-by": "bob" });
    expect(readFileSync(log, "utf8").trim().split("\n")).toEqual([
      "snapshot cmd-ok",
      `apply plan-${w.shas.at(-1)}`,
    ]);
    const issue = issueOf("cmd-ok");
    expect(issue).toMatchObject({ state: "closed", stateReason: "completed" });
    // No live SHA on a command surface before the deploy: the issue sends the approvers to the run's plan.
    expect(issue.body).toContain("the workflow run linked here shows what ships");
    expect(issue.body).toMatch(/\[workflow run \d+\]\(/);
    expect(await phases("cmd-ok")).toEqual([
      ["started", null, "bob"],
      ["completed", "success", "bob"],
    ]);
  });

  it("deploy-command.yml: a deny runs neither the snapshot nor the deploy command, and is audited as rejected", async () => {
    const log = join(state, "no.log");
    const run = await command("cmd-no", log, (issue) => w.repo.comment(issue.number, "alice", "deny"));
    expect(run.jobs.deploy!.result).toBe("failure");
    expect(step(run, "deploy", "gate").outputs).toMatchObject({
      decision: "rejected",
      reason: "denied by @alice",
    });
    const deploy = step(run, "deploy", "deploy");
    expect(deploy.outcome).toBe("failure");
    expect(deploy.outputs.outcome).toBe("rejected");
    expect(run.jobs.deploy!.steps.find((s) => s.name === "Before the deploy")!.outcome).toBe("skipped");
    expect(existsSync(log)).toBe(false);
    const rows = await w.auditRows("cmd-no");
    expect(rows.map((r) => [r.context.phase, r.outcome])).toEqual([["completed", "rejected"]]);
    expect(JSON.stringify(rows[0]?.context)).toContain("denied by @alice");
    expect(issueOf("cmd-no")).toMatchObject({ state: "closed", stateReason: "not_planned" });
  });

  it("deploy-cloudflare-pages.yml: an approver's comment ships the built artifact; a deny deploys nothing", async () => {
    const ok = await pages("pages-ok", (issue) => w.repo.comment(issue.number, "alice", "approve"));
    expect(ok.order.map((j) => [j.id, j.result])).toEqual([
      ["preview", "success"],
      ["build", "success"],
      ["deploy", "success"],
    ]);
    expect(step(ok, "deploy", "gate").outputs).toMatchObject({
      decision: "approved",
      "approved-by": "alice",
    });
    const serving = api.canonicalOf(api.projects.get(`${ACCOUNT}/pages-ok`)!)!;
    expect(serving.deployment_trigger.metadata.commit_hash).toBe(w.shas.at(-1));
    expect(await phases("pages-ok")).toEqual([
      ["started", null, "alice"],
      ["completed", "success", "alice"],
    ]);

    const no = await pages("pages-no", (issue) => w.repo.comment(issue.number, "bob", "reject"));
    expect(no.jobs.deploy!.result).toBe("failure");
    expect(step(no, "deploy", "gate").outputs).toMatchObject({ decision: "rejected" });
    expect(step(no, "deploy", "deploy").outputs.outcome).toBe("rejected");
    expect(api.projects.get(`${ACCOUNT}/pages-no`)!.deployments).toEqual([]);
    const rows = await w.auditRows("pages-no");
    expect(rows.map((r) => [r.context.phase, r.outcome])).toEqual([["completed", "rejected"]]);
    expect(issueOf("pages-no")).toMatchObject({ state: "closed", stateReason: "not_planned" });
  });
});
