import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APPROVAL_LABEL, approvalMarker } from "../../src/core/approval.js";
import { fakeEnvironment, reviewRun } from "../../src/sandbox/github-api.js";
import {
  deleteComment,
  editComment,
  putRepoFile,
  repoFiles,
  rerun,
} from "../../src/sandbox/github-gate-fake.js";
import { expectNoCanary } from "../support/canary.js";
import { type DeployWorld, startDeployWorld } from "../support/deploy-world.js";
import { type ActionResult, runAction } from "../support/run-action.js";

/**
 * The gate, tried as an attacker with write access to the surface repository would (SECURITY.md): every attack
 * goes through a public face (the root action's and environment-gate's bundles under Node 24) against the
 * loopback GitHub, Heroku, Slack and a real Postgres, and each test checks that nothing was pushed, that no
 * `success` row names someone who never approved, and that no secret left the process.
 */
describe("security: nobody reaches production without a real approval", () => {
  let w: DeployWorld;
  const runs: ActionResult[] = [];
  let nextRun = 31_000;
  const apps: string[] = [];

  const deploy = async (
    app: string,
    sha: string,
    opts: {
      inputs?: Record<string, string>;
      env?: Record<string, string>;
      eventName?: string;
      runId?: number;
      cwd?: string;
    } = {},
  ) => {
    const runId = opts.runId ?? ++nextRun;
    if (!w.repo.runs.some((r) => r.id === runId))
      w.repo.run({
        id: runId,
        workflow: "deploy.yml",
        headSha: sha,
        event: "workflow_dispatch",
        status: "in_progress",
      });
    const run = w.repo.runs.find((r) => r.id === runId)!;
    const r = await runAction("root", {
      inputs: {
        app,
        "heroku-api-key": w.herokuKey,
        "database-url": w.databaseUrl,
        ref: sha,
        "github-token": w.githubToken,
        "health-attempts": "1",
        "health-timeout": "2s",
        ...opts.inputs,
      },
      env: {
        ...w.env,
        GITHUB_RUN_ID: String(runId),
        GITHUB_RUN_ATTEMPT: String(run.attempt ?? 1),
        GITHUB_TRIGGERING_ACTOR: run.triggeringActor ?? "octocat",
        ...opts.env,
      },
      eventName: opts.eventName,
      cwd: opts.cwd ?? w.checkout(sha),
      timeoutMs: 120_000,
    });
    runs.push(r);
    return { r, runId };
  };

  const gate = async (inputs: Record<string, string>, runId: number, env: Record<string, string> = {}) => {
    const r = await runAction("environment-gate", {
      inputs: { "github-token": w.githubToken, "poll-interval": "100ms", timeout: "3s", ...inputs },
      env: { ...w.env, GITHUB_RUN_ID: String(runId), GITHUB_REPOSITORY: "acme/shop", ...env },
      eventName: "workflow_dispatch",
      timeoutMs: 60_000,
    });
    runs.push(r);
    return r;
  };

  const app = async (name: string, sha = w.shas[4]) => {
    apps.push(name);
    await w.app(name, sha);
  };

  const pushed = (name: string) => w.hk.api.liveCommitOf(name);

  /** No row of the app claims success, and none names `who` as its approver. */
  const expectNoSuccess = async (name: string, who?: string) => {
    const rows = await w.auditRows(name);
    expect(rows.some((x) => x.outcome === "success")).toBe(false);
    if (who) expect(rows.some((x) => x.context.approved_by === who)).toBe(false);
    return rows;
  };

  beforeAll(async () => {
    w = await startDeployWorld();
  });

  afterAll(async () => {
    const rows = [];
    for (const a of apps) rows.push(...(await w.auditRows(a)));
    expectNoCanary(w.secrets(), {
      ...Object.fromEntries(runs.map((r, i) => [`run${i}`, r])),
      rows,
      comments: [...w.repo.issueComments, ...w.repo.commitComments].map((c) => c.body),
      issues: w.repo.issues.map((i) => i.body),
    });
    await w.stop();
  });

  it("1. an approver's name given as an input approves nothing: the step asks GitHub, and nobody approved", async () => {
    await app("sec-approved-by");
    const { r } = await deploy("sec-approved-by", w.shas[9]!, {
      inputs: { "approved-by": "alice", "gate-decision": "approved" },
    });
    expect(r.code).toBe(1);
    expect(r.errors.join("\n")).toContain("no reviewer approved attempt 1 of run");
    expect(pushed("sec-approved-by")).toBe(w.shas[4]);
    const rows = await expectNoSuccess("sec-approved-by", "alice");
    expect(rows.map((x) => x.outcome)).toEqual(["rejected"]);
  });

  it("1. issue mode: the verdict is read back from the issue; one the gate did not open and close as approved is refused", async () => {
    await app("sec-forged-issue");
    const runId = ++nextRun;
    w.repo.run({
      id: runId,
      workflow: "deploy.yml",
      headSha: w.shas[9]!,
      event: "workflow_dispatch",
      status: "in_progress",
    });
    const marker = approvalMarker({
      repository: "acme/shop",
      app: "sec-forged-issue",
      environment: "production",
      runId: String(runId),
    });
    // mallory (write access) opens an issue that looks like the gate's, and an approver's word lands on it.
    const forged = w.repo.issue({
      title: "Approve deploy of sec-forged-issue to production",
      body: `${marker}\nship`,
      labels: [APPROVAL_LABEL],
      user: "mallory",
    });
    w.repo.comment(forged.number, "alice", "approve");
    w.repo.closeIssue(forged.number, "mallory", "completed");
    const issueInputs = {
      approval: "issue",
      "approval-issue": String(forged.number),
      approvers: "alice, bob",
    };
    const { r } = await deploy("sec-forged-issue", w.shas[9]!, {
      runId,
      inputs: { ...issueInputs, "approved-by": "alice" },
    });
    expect(r.code).toBe(1);
    expect(r.errors.join("\n")).toContain(
      `approval issue #${forged.number} does not approve this deploy: it was opened by @mallory, not by the gate`,
    );
    expect(pushed("sec-forged-issue")).toBe(w.shas[4]);
    await expectNoSuccess("sec-forged-issue", "alice");
  });

  it("2. production starts only from workflow_dispatch: every other event is refused, quoting it", async () => {
    await app("sec-events");
    for (const event of [
      "issue_comment",
      "repository_dispatch",
      "release",
      "deployment",
      "pull_request_review",
      "pull_request_review_comment",
      "merge_group",
      "check_run",
      "workflow_run",
    ]) {
      const runId = ++nextRun;
      w.approve(runId);
      const { r } = await deploy("sec-events", w.shas[9]!, { runId, eventName: event });
      expect(r.code, event).toBe(1);
      expect(r.errors.join("\n")).toContain(`the run was triggered by '${event}'`);
    }
    expect(pushed("sec-events")).toBe(w.shas[4]);
    await expectNoSuccess("sec-events");
  });

  it("2 and 4. a policy on the default branch may allow one deliberate event, never push", async () => {
    await app("sec-dispatch");
    putRepoFile(
      w.repo,
      ".github/prodgate.yml",
      "environments:\n  production:\n    events: [repository_dispatch]\n",
    );
    try {
      const push = ++nextRun;
      w.approve(push);
      const refused = await deploy("sec-dispatch", w.shas[9]!, { runId: push, eventName: "push" });
      expect(refused.r.errors.join("\n")).toContain("'push' can never deploy to production");
      expect(pushed("sec-dispatch")).toBe(w.shas[4]);
      const allowed = ++nextRun;
      w.approve(allowed);
      const ok = await deploy("sec-dispatch", w.shas[9]!, {
        runId: allowed,
        eventName: "repository_dispatch",
      });
      expect(ok.r.errors).toEqual([]);
      expect(pushed("sec-dispatch")).toBe(w.shas[9]);
    } finally {
      repoFiles(w.repo).delete(".github/prodgate.yml");
    }
  });

  it("3. an approval someone edited into a comment never counts, and the decision says so", async () => {
    const runId = ++nextRun;
    w.repo.run({
      id: runId,
      workflow: "deploy.yml",
      headSha: w.shas[9]!,
      event: "workflow_dispatch",
      status: "in_progress",
    });
    // bob writes a comment; mallory (write access) edits it into an approval while the gate waits.
    const watcher = setInterval(() => {
      const issue = w.repo.issues.find((i) => i.body.includes(`#${runId}:sec-edited@`) && i.state === "open");
      if (!issue || w.repo.issueComments.some((c) => c.issue === issue.number && c.user === "bob")) return;
      const c = w.repo.comment(issue.number, "bob", "looks risky, let me check");
      editComment(w.repo, c.id, "approve");
    }, 50);
    let r: ActionResult;
    try {
      r = await gate(
        {
          mode: "issue",
          environment: "production",
          approvers: "alice, bob",
          app: "sec-edited",
          "from-sha": w.shas[4]!,
          ref: w.shas[9]!,
        },
        runId,
      );
    } finally {
      clearInterval(watcher);
    }
    expect(r.code).toBe(1);
    expect(r.outputs.decision).toBe("rejected");
    expect(r.errors.join("\n")).toContain("rejected by timeout");
    const issue = w.repo.issues.find((i) => i.body.includes(`#${runId}:sec-edited@`))!;
    const decision = w.repo.issueComments.filter((c) => c.issue === issue.number).at(-1)!;
    expect(decision.body).toContain("the approval by @bob");
    expect(decision.body).toContain("edited after it was posted");
  });

  it("3. a deny deleted after the gate saw it still stands: the deploy step reads the gate's record and refuses", async () => {
    await app("sec-deny-deleted");
    const runId = ++nextRun;
    w.repo.run({
      id: runId,
      workflow: "deploy.yml",
      headSha: w.shas[9]!,
      event: "workflow_dispatch",
      status: "in_progress",
    });
    let denyId = 0;
    const watcher = setInterval(() => {
      const issue = w.repo.issues.find(
        (i) => i.body.includes(`#${runId}:sec-deny-deleted@`) && i.state === "open",
      );
      if (!issue || denyId) return;
      denyId = w.repo.comment(issue.number, "bob", "deny: not during the sale").id;
    }, 50);
    let g: ActionResult;
    try {
      g = await gate(
        {
          mode: "issue",
          environment: "production",
          approvers: "alice, bob",
          app: "sec-deny-deleted",
          "from-sha": w.shas[4]!,
          ref: w.shas[9]!,
        },
        runId,
      );
    } finally {
      clearInterval(watcher);
    }
    expect(g.outputs.decision).toBe("rejected");
    const number = Number(g.outputs["issue-number"]);
    // mallory deletes the deny, then alice is asked to approve on the closed issue.
    deleteComment(w.repo, denyId);
    w.repo.comment(number, "alice", "approve");
    const { r } = await deploy("sec-deny-deleted", w.shas[9]!, {
      runId,
      inputs: { approval: "issue", "approval-issue": String(number), approvers: "alice, bob" },
    });
    expect(r.code).toBe(1);
    expect(r.errors.join("\n")).toMatch(
      /does not approve this deploy: (the gate has not closed it as approved|the gate recorded a rejection)/,
    );
    expect(pushed("sec-deny-deleted")).toBe(w.shas[4]);
    await expectNoSuccess("sec-deny-deleted");
  });

  it("4. approvers come from .github/prodgate.yml on the default branch, never from the gated workflow or its checkout", async () => {
    await app("sec-policy");
    putRepoFile(w.repo, ".github/prodgate.yml", "environments:\n  production:\n    approvers: [carol]\n");
    try {
      const runId = ++nextRun;
      w.approve(runId); // alice, a required reviewer of the environment, approves
      const sha = w.shas[9]!;
      // The branch being deployed carries its own, looser policy: it is never read.
      const cwd = w.checkout(sha);
      mkdirSync(join(cwd, ".github"), { recursive: true });
      writeFileSync(
        join(cwd, ".github/prodgate.yml"),
        "environments:\n  production:\n    approvers: [alice]\n",
      );
      const { r } = await deploy("sec-policy", sha, { runId, cwd });
      expect(r.code).toBe(1);
      expect(r.errors.join("\n")).toContain("alice approved run");
      expect(r.errors.join("\n")).toContain(".github/prodgate.yml@main");
      expect(pushed("sec-policy")).toBe(w.shas[4]);

      // Issue mode: the workflow names its own author as the only approver; the policy's list wins.
      const issueRun = ++nextRun;
      w.repo.run({
        id: issueRun,
        workflow: "deploy.yml",
        headSha: sha,
        event: "workflow_dispatch",
        status: "in_progress",
      });
      const g = await gate(
        { mode: "issue", environment: "production", approvers: "mallory", app: "sec-policy" },
        issueRun,
        { GITHUB_ACTOR: "mallory" },
      );
      expect(g.code).toBe(1);
      expect(g.errors.join("\n")).toContain("only 0 approvers could approve");
      expect(g.warnings.join("\n")).toContain("@mallory is not an approver in .github/prodgate.yml@main");
      expect(w.repo.issues.some((i) => i.body.includes(`#${issueRun}:`))).toBe(false);
      await expectNoSuccess("sec-policy", "alice");
    } finally {
      repoFiles(w.repo).delete(".github/prodgate.yml");
    }
  });

  it("6. a production environment any branch may enter is refused, saying how to limit it", async () => {
    await app("sec-any-branch");
    fakeEnvironment(w.repo, "prod-open", { reviewers: ["alice"] });
    const runId = ++nextRun;
    reviewRun(w.repo, runId, "prod-open", "alice");
    const { r } = await deploy("sec-any-branch", w.shas[9]!, {
      runId,
      inputs: { environment: "prod-open", "production-environments": "production,prod-open" },
    });
    expect(r.code).toBe(1);
    expect(r.errors.join("\n")).toContain("environment 'prod-open' of acme/shop lets any branch deploy");
    expect(r.errors.join("\n")).toContain(
      "prodgate env setup --repo acme/shop --environment prod-open --branch main",
    );
    expect(pushed("sec-any-branch")).toBe(w.shas[4]);
    await expectNoSuccess("sec-any-branch");
  });

  it("7. a rejection in attempt 1 does not block an approved attempt 2", async () => {
    await app("sec-attempts");
    const runId = ++nextRun;
    reviewRun(w.repo, runId, "production", "alice", {
      state: "rejected",
      comment: "not yet",
      headSha: w.shas[9],
    });
    rerun(w.repo, runId, "octocat");
    reviewRun(w.repo, runId, "production", "alice", { comment: "now", headSha: w.shas[9] });
    const { r } = await deploy("sec-attempts", w.shas[9]!, { runId });
    expect(r.errors).toEqual([]);
    expect(r.outputs["approved-by"]).toBe("alice");
    expect(pushed("sec-attempts")).toBe(w.shas[9]);
  });

  it("7. an approval from attempt 1 is not this attempt's approver when nobody approved again", async () => {
    await app("sec-reuse");
    const runId = ++nextRun;
    w.approve(runId);
    const first = await deploy("sec-reuse", w.shas[8]!, { runId });
    expect(first.r.errors).toEqual([]);
    expect(pushed("sec-reuse")).toBe(w.shas[8]);
    rerun(w.repo, runId, "bob"); // bob re-runs; an admin bypass lets the job through with no new review
    const { r } = await deploy("sec-reuse", w.shas[9]!, { runId });
    expect(r.code).toBe(1);
    expect(r.errors.join("\n")).toContain("no reviewer approved attempt 2 of run");
    expect(r.errors.join("\n")).toContain("belong to earlier attempts");
    expect(pushed("sec-reuse")).toBe(w.shas[8]);
    const rows = await w.auditRows("sec-reuse");
    expect(rows.filter((x) => x.outcome === "success")).toHaveLength(1);
  });

  it("a re-run records who triggered this attempt and who started the run, and binds both by self-approval", async () => {
    await app("sec-rerun");
    putRepoFile(
      w.repo,
      ".github/prodgate.yml",
      "environments:\n  production:\n    allow-self-approval: false\n",
    );
    try {
      const runId = ++nextRun;
      w.repo.run({
        id: runId,
        workflow: "deploy.yml",
        headSha: w.shas[9]!,
        event: "workflow_dispatch",
        status: "in_progress",
        actor: "octocat",
      });
      rerun(w.repo, runId, "bob");
      reviewRun(w.repo, runId, "production", "bob", { headSha: w.shas[9] }); // bob approves his own re-run
      const self = await deploy("sec-rerun", w.shas[9]!, { runId });
      expect(self.r.errors.join("\n")).toContain("bob approved their own deploy");
      expect(pushed("sec-rerun")).toBe(w.shas[4]);
      rerun(w.repo, runId, "bob");
      reviewRun(w.repo, runId, "production", "alice", { headSha: w.shas[9] });
      const ok = await deploy("sec-rerun", w.shas[9]!, { runId });
      expect(ok.r.errors).toEqual([]);
      const rows = await w.auditRows("sec-rerun");
      expect(rows.at(-1)).toMatchObject({ outcome: "success", actor: "bob" });
      expect(rows.at(-1)!.context).toMatchObject({ actor: "bob", approved_by: "alice" });
      expect(rows.at(-1)!.context.details).toMatchObject({ run_started_by: "octocat" });
    } finally {
      repoFiles(w.repo).delete(".github/prodgate.yml");
    }
  });

  it("8. a comment carrying prodgate's marker written by someone else is never edited nor deleted", async () => {
    const sha = w.shas[9]!;
    const bait = w.repo.addComment(
      { commit: sha },
      "mallory",
      "<!-- prodgate:sticky sec-sticky@production -->\nLooks fine, approve!",
    );
    const before = bait.body;
    const r = await runAction("diff-preview", {
      inputs: {
        app: "sec-sticky",
        "from-sha": w.shas[4]!,
        ref: sha,
        "github-token": w.githubToken,
        comment: "commit",
      },
      env: { ...w.env, GITHUB_REPOSITORY: "acme/shop" },
    });
    runs.push(r);
    expect(r.errors).toEqual([]);
    const mine = w.repo.commitComments.filter((c) => c.commit === sha);
    expect(mine.find((c) => c.id === bait.id)?.body).toBe(before);
    expect(mine.some((c) => c.user === "github-actions[bot]" && c.body.includes("TARGET: PRODUCTION"))).toBe(
      true,
    );
  });

  it("10. production is what production-environments says, on every banner", async () => {
    const base = {
      app: "sec-banner",
      "from-sha": w.shas[4]!,
      ref: w.shas[9]!,
      "github-token": w.githubToken,
      comment: "none",
    };
    const live = await runAction("diff-preview", {
      inputs: { ...base, environment: "live", "production-environments": "live" },
      env: { ...w.env, GITHUB_REPOSITORY: "acme/shop" },
    });
    const named = await runAction("diff-preview", {
      inputs: { ...base, environment: "prod-eu", "production-environments": "production" },
      env: { ...w.env, GITHUB_REPOSITORY: "acme/shop" },
    });
    runs.push(live, named);
    expect(live.summary).toContain("## 🔴 TARGET: LIVE");
    expect(named.summary).toContain("## 🟡 TARGET: PROD-EU");
  });

  it("11. a lock lost before the push stops the deploy: nothing pushed, the row says why, the next deploy takes the lock", async () => {
    await app("sec-lock");
    // Slack holds the start notice for a while; meanwhile the lock's connection is terminated.
    w.slack.server.fault("POST", "/api/chat.postMessage", { kind: "delay", ms: 1500 }, 1);
    const admin = new pg.Client({ connectionString: w.databaseUrl });
    await admin.connect();
    const kill = (async () => {
      for (let i = 0; i < 100; i++) {
        // Once the lock is held and the started row written (Slack then holds the deploy for a while).
        const res = await admin.query(
          `SELECT pg_terminate_backend(a.pid) AS ok FROM pg_stat_activity a JOIN pg_locks l ON l.pid = a.pid
            WHERE a.application_name = 'prodgate lock sec-lock' AND l.locktype = 'advisory' AND l.granted
              AND EXISTS (SELECT 1 FROM console_audit_log WHERE target = 'sec-lock' AND context->>'phase' = 'started')`,
        );
        if (res.rowCount) return;
        await new Promise((ok) => setTimeout(ok, 50));
      }
    })();
    const runId = ++nextRun;
    w.approve(runId);
    const { r } = await deploy("sec-lock", w.shas[9]!, {
      runId,
      inputs: { "slack-token": w.slack.token, "slack-channel": "C0DEPLOYS" },
    });
    await kill;
    await admin.end();
    expect(r.code).toBe(1);
    expect(r.errors.join("\n")).toContain("the lock of sec-lock was lost");
    expect(pushed("sec-lock")).toBe(w.shas[4]);
    const rows = await w.auditRows("sec-lock");
    expect(rows.at(-1)).toMatchObject({ outcome: "deploy_failed" });
    expect(rows.at(-1)!.context.details).toMatchObject({ lock_lost: true, pushed: false });
    const next = ++nextRun;
    w.approve(next);
    const again = await deploy("sec-lock", w.shas[9]!, { runId: next });
    expect(again.r.errors).toEqual([]);
    expect(pushed("sec-lock")).toBe(w.shas[9]);
  });
});
