import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APPROVAL_LABEL } from "../../src/core/approval.js";
import { ACTIONS_BOT, type FakeIssue, type FakeRepo, GitHubApiFake } from "../../src/sandbox/github-api.js";
import { canary, expectNoCanary } from "../support/canary.js";
import { runAction } from "../support/run-action.js";

/**
 * environment-gate `mode: issue` as the runner runs it: the dist bundle under Node 24 polls the GitHub fake
 * while the test answers on the approval issue as people would.
 */
describe("environment-gate mode: issue (dist bundle)", () => {
  const token = canary("gh-token");
  const fake = new GitHubApiFake({ token });
  let n = 0;

  beforeAll(async () => {
    await fake.start();
  });
  afterAll(() => fake.stop());

  function world() {
    const repo = fake.repo(`acme/gate-${++n}`);
    const [from, , to] = repo.chain(3, { author: "alice" });
    return { repo, from: from!, to: to! };
  }

  /** Once the approval issue exists, runs each step a poll apart (by the comment count the gate has made). */
  function answer(repo: FakeRepo, steps: ((issue: FakeIssue) => void)[]): () => void {
    let done = 0;
    const timer = setInterval(() => {
      const issue = repo.issues.find((i) => i.labels.includes(APPROVAL_LABEL));
      if (!issue || done >= steps.length) return;
      steps[done++]?.(issue);
    }, 120);
    return () => clearInterval(timer);
  }

  const run = (repo: FakeRepo, inputs: Record<string, string>, eventName = "workflow_dispatch") =>
    runAction("environment-gate", {
      inputs: {
        mode: "issue",
        environment: "production",
        "github-token": token,
        "poll-interval": "100ms",
        ...inputs,
      },
      eventName,
      env: { GITHUB_API_URL: fake.url, GITHUB_REPOSITORY: repo.fullName },
    });

  it("waits for two approvers, then outputs who approved in order and when", async () => {
    const w = world();
    const stop = answer(w.repo, [
      (i) => w.repo.comment(i.number, "mallory", "approve"),
      (i) => w.repo.comment(i.number, "bob", "LGTM"),
      (i) => w.repo.comment(i.number, "alice", "approved"),
    ]);
    const result = await run(w.repo, {
      approvers: "alice, bob",
      "minimum-approvals": "2",
      app: "shop-api",
      ref: w.to,
      "from-sha": w.from,
    }).finally(stop);

    expect(result.errors).toEqual([]);
    expect(result.code).toBe(0);
    const issue = w.repo.issues[0]!;
    const approvals = w.repo.issueComments.filter((c) => c.issue === issue.number && c.user !== ACTIONS_BOT);
    expect(result.outputs).toMatchObject({
      decision: "approved",
      "approved-by": "bob,alice",
      "approved-at": approvals.find((c) => c.user === "alice")?.createdAt,
      "approval-comment": "approved",
      reviewers: "@alice,@bob",
      "issue-number": String(issue.number),
      "issue-url": `https://github.com/${w.repo.fullName}/issues/${issue.number}`,
      reason: "approved by @bob, @alice",
    });
    expect(issue).toMatchObject({
      title: "Approve deploy of shop-api to production",
      state: "closed",
      stateReason: "completed",
      assignees: ["alice", "bob"],
    });
    expect(issue.body).toContain("2 commits will ship to shop-api (production).");
    expect(issue.body).toContain(`actions/runs/4242`);
    expect(result.log).toContain("Ignored a comment by @mallory: not an approver");
    expect(result.summary).toContain("Approved by **bob, alice**");
    expect(result.masks).toContain(token);
    expectNoCanary([token], { result, issues: w.repo.issues, comments: w.repo.issueComments });
  });

  it("fails the step when an approver denies, with the reason and the issue in the outputs", async () => {
    const w = world();
    const stop = answer(w.repo, [(i) => w.repo.comment(i.number, "bob", "deny - wrong build")]);
    const result = await run(w.repo, { approvers: "alice,bob" }).finally(stop);
    expect(result.code).toBe(1);
    const issue = w.repo.issues[0]!;
    expect(result.errors).toEqual([
      `Deploy to production denied by @bob (https://github.com/${w.repo.fullName}/issues/${issue.number})`,
    ]);
    expect(result.outputs).toMatchObject({
      decision: "rejected",
      reason: "denied by @bob",
      "issue-number": String(issue.number),
    });
    expect(result.outputs["approved-by"] ?? "").toBe("");
    expect(issue).toMatchObject({ state: "closed", stateReason: "not_planned" });
    expect(issue.body).toContain("No diff preview: no from-sha (the SHA live now) was given");
  });

  it("fails the step when nobody decides before the timeout", async () => {
    const w = world();
    const result = await run(w.repo, { approvers: "alice", timeout: "400ms" });
    expect(result.code).toBe(1);
    expect(result.outputs.decision).toBe("rejected");
    expect(result.errors[0]).toMatch(/^Deploy to production rejected by timeout: no decision within 400ms/);
  });

  it("refuses bad issue-mode inputs by name, and production from a push, before opening any issue", async () => {
    const w = world();
    const results = await Promise.all([
      run(w.repo, { approvers: "" }),
      run(w.repo, { approvers: "alice", "minimum-approvals": "0" }),
      run(w.repo, { approvers: "alice,@acme/" }),
      run(w.repo, { approvers: "alice", timeout: "soon" }),
      run(w.repo, { approvers: "alice" }, "push"),
    ]);
    expect(results.map((r) => r.code)).toEqual([1, 1, 1, 1, 1]);
    expect(results.map((r) => r.errors[0])).toEqual([
      expect.stringMatching(/^Input 'approvers' is required in issue mode/),
      "Input 'minimum-approvals' must be from 1 to 100; got 0",
      expect.stringMatching(/^Input 'approvers' has a malformed team '@acme\/'/),
      expect.stringMatching(/^Input 'timeout' must be a duration/),
      expect.stringMatching(/triggered by 'push'/),
    ]);
    expect(results[4]?.outputs.decision).toBe("rejected");
    expect(w.repo.issues).toEqual([]);
  });
});
