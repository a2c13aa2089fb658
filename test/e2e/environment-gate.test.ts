import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeRepo, fakeEnvironment, GitHubApiFake, reviewRun } from "../../src/sandbox/github-api.js";
import { canary, expectNoCanary } from "../support/canary.js";
import { type ActionResult, runAction } from "../support/run-action.js";

describe("environment-gate action, mode environment (dist bundle under Node 24)", () => {
  const token = canary("github-token");
  const github = new GitHubApiFake({ token });
  const runs: ActionResult[] = [];
  let repo: FakeRepo;
  let head: string;
  let nextRun = 500;

  const gate = async (
    inputs: Record<string, string>,
    opts: { runId?: number; eventName?: string; actor?: string; token?: string } = {},
  ) => {
    const r = await runAction("environment-gate", {
      inputs: { "github-token": opts.token ?? token, ...inputs },
      env: {
        GITHUB_API_URL: github.url,
        GITHUB_RUN_ID: String(opts.runId ?? ++nextRun),
        GITHUB_ACTOR: opts.actor ?? "octocat",
      },
      eventName: opts.eventName,
    });
    runs.push(r);
    return r;
  };

  beforeAll(async () => {
    await github.start();
    repo = github.repo("acme/shop");
    head = repo.chain(3).at(-1)!;
    github.team("acme", "ops", ["carol"]);
    fakeEnvironment(repo, "production", { reviewers: ["alice", "@acme/ops"], branches: ["main"] });
    fakeEnvironment(repo, "Prod-EU", { reviewers: ["alice"], preventSelfReview: true, branches: ["main"] });
    fakeEnvironment(repo, "open-prod", { branches: ["main"] });
    fakeEnvironment(repo, "staging");
  });
  afterAll(async () => {
    expectNoCanary([token], Object.fromEntries(runs.map((r, i) => [`run${i}`, r])));
    await github.stop();
  });

  it("approved by a required reviewer: who, when, with what comment", async () => {
    reviewRun(repo, 601, "production", "alice", { comment: "ship it", headSha: head });
    const r = await gate({ environment: "production" }, { runId: 601 });
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.masks).toContain(token);
    expect(r.outputs).toMatchObject({
      decision: "approved",
      "approved-by": "alice",
      "approval-comment": "ship it",
      reviewers: "alice,@ops",
    });
    expect(Number.isNaN(Date.parse(r.outputs["approved-at"]!))).toBe(false);
    expect(r.summary).toContain("Approved by **alice**: “ship it”");
    expect(r.log).toContain("Environment 'production' requires a review by alice, @ops");
  });

  it("the dispatcher approving their own deploy is let through by GitHub, but warned about", async () => {
    reviewRun(repo, 602, "production", "octocat", { headSha: head });
    const r = await gate({ environment: "production" }, { runId: 602, actor: "octocat" });
    expect(r.code).toBe(0);
    expect(r.warnings).toEqual([expect.stringContaining("octocat approved their own deploy")]);
  });

  it("refuses production from a push, a schedule or a workflow_run, naming the event", async () => {
    for (const event of ["push", "schedule", "workflow_run"]) {
      reviewRun(repo, 610 + event.length, "production", "alice", { headSha: head });
      const r = await gate({ environment: "production" }, { runId: 610 + event.length, eventName: event });
      expect(r.code).toBe(1);
      expect(r.errors).toEqual([expect.stringContaining(`the run was triggered by '${event}'`)]);
      expect(r.outputs.decision).toBe("rejected");
    }
  });

  it("refuses an environment without reviewers, or one that does not exist, saying how to fix it", async () => {
    const open = await gate({ environment: "open-prod", "production-environments": "production,open-prod" });
    expect(open.errors).toEqual([
      expect.stringMatching(
        /^environment 'open-prod' of acme\/shop has no required reviewers, so nobody would approve this deploy\. Add required reviewers \(Settings → Environments → open-prod → Required reviewers, or `prodgate env setup --repo acme\/shop --environment open-prod --reviewers LOGIN`\)/,
      ),
    ]);
    const none = await gate({ environment: "production-us", "production-environments": "production-us" });
    expect(none.errors[0]).toContain("environment 'production-us' does not exist in acme/shop");
  });

  it("refuses when nobody approved this run (the job did not name the environment, or an admin bypassed)", async () => {
    repo.run({ id: 620, workflow: "deploy.yml", headSha: head });
    const r = await gate({ environment: "production" }, { runId: 620 });
    expect(r.code).toBe(1);
    expect(r.errors[0]).toMatch(
      /^no reviewer approved attempt 1 of run 620 of acme\/shop for environment 'production' \(required reviewers: alice, @ops\)\. The deploy job must name the environment/,
    );
  });

  it("refuses a run a reviewer rejected, naming the reviewer", async () => {
    reviewRun(repo, 630, "Prod-EU", "alice", { state: "rejected", comment: "not today", headSha: head });
    const r = await gate({ environment: "prod-eu", "production-environments": "prod-eu" }, { runId: 630 });
    expect(r.errors).toEqual(["alice rejected attempt 1 of run 630 for environment 'prod-eu': not today"]);
  });

  it("a non-production environment needs no reviewers, even from a push", async () => {
    const r = await gate({ environment: "staging" }, { eventName: "push" });
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ decision: "not-required", "approved-by": "", reviewers: "" });
    const strict = await gate({ environment: "staging", "require-reviewers": "true" });
    expect(strict.errors[0]).toContain("environment 'staging' of acme/shop has no required reviewers");
  });

  it("input and token problems name what to fix", async () => {
    const bad = await gate({ environment: "production" }, { token: canary("wrong") });
    expect(bad.errors[0]).toMatch(
      /GitHub answered 401 .*the token is invalid or expired; check github-token/,
    );
    const mode = await gate({ environment: "production", mode: "vote" });
    expect(mode.errors).toEqual(["Input 'mode' must be one of environment, issue; got 'vote'"]);
    const flag = await gate({ environment: "production", "require-reviewers": "maybe" });
    expect(flag.errors).toEqual(["Input 'require-reviewers' must be true or false; got 'maybe'"]);
  });
});
