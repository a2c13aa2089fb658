import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APPROVAL_LABEL } from "../../src/core/approval.js";
import type { FakeIssue } from "../../src/sandbox/github-api.js";
import { expectNoCanary } from "../support/canary.js";
import { type DeployWorld, startDeployWorld } from "../support/deploy-world.js";
import { repoRoot } from "../support/run-action.js";
import { runWorkflow, type WorkflowRun } from "../support/workflow-runner.js";

/**
 * deploy-heroku.yml with `approval: issue`, job by job through GitHub's parser and expression engine: the
 * preview's SHAs reach the approval issue, the approvers' comments decide, and the gate's `approved-by` reaches
 * the deploy and its audit rows. No environment review is recorded: the issue alone approves.
 */

const DEPLOY = join(repoRoot, ".github/workflows/deploy-heroku.yml");

describe("deploy-heroku.yml with approval: issue", () => {
  let w: DeployWorld;
  let nextRun = 9600;
  const runs: WorkflowRun[] = [];

  /** Dispatches the workflow; `answer` speaks on the approval issue once it is open. */
  const dispatch = async (app: string, answer: (issue: FakeIssue) => void) => {
    const runId = ++nextRun;
    // The run GitHub started: the deploy step reads when this attempt began.
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
      const run = await runWorkflow(DEPLOY, {
        inputs: {
          app,
          approval: "issue",
          approvers: "alice, bob",
          "approval-poll-interval": "200ms",
          "approval-timeout": "1m",
          "slack-channel": "C0DEPLOYS",
          "health-attempts": 2,
          "health-interval": "200ms",
        },
        secrets: {
          HEROKU_API_KEY: w.herokuKey,
          HEROKU_PREVIEW_TOKEN: w.herokuPreviewToken,
          DATABASE_URL: w.databaseUrl,
          SLACK_BOT_TOKEN: w.slack.token,
          GITHUB_TOKEN: w.githubToken,
        },
        github: {
          run_id: String(runId),
          sha: w.shas.at(-1)!,
          event_name: "workflow_dispatch",
          api_url: w.github.url,
        },
        env: w.env,
        checkoutFrom: w.src,
      });
      runs.push(run);
      return run;
    } finally {
      clearInterval(timer);
    }
  };

  const step = (run: WorkflowRun, job: string, id: string) => run.jobs[job]!.steps.find((s) => s.id === id)!;

  beforeAll(async () => {
    w = await startDeployWorld();
  });
  afterAll(async () => {
    const rows = [...(await w.auditRows("wf-issue-ok")), ...(await w.auditRows("wf-issue-no"))];
    const results = runs.flatMap((r) => r.order.flatMap((j) => j.steps.map((s) => s.result).filter(Boolean)));
    expectNoCanary(w.secrets(), {
      ...Object.fromEntries(results.map((r, i) => [`step${i}`, r])),
      rows,
      issues: w.repo.issues,
      comments: w.repo.issueComments.map((c) => c.body),
    });
    await w.stop();
  });

  it("an approver's comment on the issue lets the previewed SHA ship, audited with who approved", async () => {
    await w.app("wf-issue-ok", w.shas[6]);
    const run = await dispatch("wf-issue-ok", (issue) => w.repo.comment(issue.number, "bob", "lgtm"));
    expect(run.order.map((j) => [j.id, j.result])).toEqual([
      ["preview", "success"],
      ["deploy", "success"],
    ]);
    const gate = step(run, "deploy", "gate");
    expect(gate.inputs).toMatchObject({
      mode: "issue",
      approvers: "alice, bob",
      "minimum-approvals": "1",
      "allow-self-approval": "false",
      timeout: "1m",
      app: "wf-issue-ok",
      ref: w.shas.at(-1),
      "from-sha": w.shas[6],
    });
    expect(gate.outputs).toMatchObject({
      decision: "approved",
      "approved-by": "bob",
      reason: "approved by @bob",
    });
    // Only where to look comes from the gate step: the deploy step reads the issue back and decides again.
    expect(step(run, "deploy", "deploy").inputs).toMatchObject({
      approval: "issue",
      "approval-issue": gate.outputs["issue-number"],
      approvers: "alice, bob",
      ref: w.shas.at(-1),
    });
    expect(step(run, "deploy", "deploy").result?.log).toContain("read back: approved by @bob");
    expect(run.jobs.deploy!.outputs).toMatchObject({ outcome: "success", "approved-by": "bob" });
    expect(w.hk.api.liveCommitOf("wf-issue-ok")).toBe(w.shas.at(-1));

    const issue = w.repo.issues.find((i) => i.title === "Approve deploy of wf-issue-ok to production")!;
    expect(issue).toMatchObject({ state: "closed", stateReason: "completed", assignees: ["alice", "bob"] });
    expect(issue.body).toContain("5 commits will ship to wf-issue-ok (production).");
    expect(
      (await w.auditRows("wf-issue-ok")).map((r) => [r.context.phase, r.outcome, r.context.approved_by]),
    ).toEqual([
      ["started", null, "bob"],
      ["completed", "success", "bob"],
    ]);
  });

  it("an approver's deny fails the gate: a rejected audit row, nothing pushed, and the issue says why", async () => {
    await w.app("wf-issue-no", w.shas[5]);
    const run = await dispatch("wf-issue-no", (issue) => w.repo.comment(issue.number, "alice", "deny"));
    expect(run.jobs.deploy!.result).toBe("failure");
    const gate = step(run, "deploy", "gate");
    expect(gate.outcome).toBe("failure");
    expect(gate.outputs).toMatchObject({ decision: "rejected", reason: "denied by @alice" });
    expect(gate.result!.errors).toEqual([expect.stringMatching(/^Deploy to production denied by @alice \(/)]);
    // The root action still runs after a rejection: it writes the `rejected` row and notifies, pushing nothing.
    const deploy = step(run, "deploy", "deploy");
    expect(deploy.inputs).toMatchObject({
      approval: "issue",
      "approval-issue": gate.outputs["issue-number"],
    });
    expect(deploy.outcome).toBe("failure");
    expect(deploy.outputs.outcome).toBe("rejected");
    const rows = await w.auditRows("wf-issue-no");
    expect(rows.map((r) => [r.context.phase, r.outcome])).toEqual([["completed", "rejected"]]);
    expect(JSON.stringify(rows[0]?.context)).toContain("denied by @alice");
    expect(w.hk.api.liveCommitOf("wf-issue-no")).toBe(w.shas[5]);
    const notice = w.slack.messages.filter((m) => m.text.includes("wf-issue-no")).at(-1);
    expect(notice?.text).toMatch(/refused|rejected/i);
    const issue = w.repo.issues.find((i) => i.title === "Approve deploy of wf-issue-no to production")!;
    expect(issue).toMatchObject({ state: "closed", stateReason: "not_planned" });
    expect(w.repo.issueComments.filter((c) => c.issue === issue.number).at(-1)?.body).toContain(
      "⛔ **Denied by @alice.** Nothing is deployed.",
    );
  });
});
