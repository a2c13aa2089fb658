import { describe, expect, it } from "vitest";
import { renderGatedDeploySummary as renderDeploySummary } from "../../src/core/deploy.js";
import {
  approvalWarnings,
  findApproval,
  findRejection,
  missingApprovalMessage,
  parseBranches,
  parseReviewers,
  planEnvironment,
  type RunApproval,
} from "../../src/core/gate.js";
import { auditAction, type DeployResult, defaultHealthUrl } from "../../src/pipelines/deploy.js";

const approval = (
  login: string,
  state: RunApproval["state"],
  env = "production",
  comment = "",
): RunApproval => ({
  state,
  comment,
  environments: [{ name: env }],
  user: { login },
});

describe("approvals as GitHub lists them (no time on them)", () => {
  it("takes the later approval of the environment when none has a time", () => {
    const list = [
      approval("bob", "approved"),
      approval("alice", "approved", "production", "ok"),
      approval("x", "pending"),
    ];
    expect(findApproval(list, "Production")).toEqual({
      approvedBy: "alice",
      approvedAt: undefined,
      comment: "ok",
    });
  });

  it("finds a rejection for the environment, ignoring other environments", () => {
    const list = [approval("bob", "rejected", "staging"), approval("carol", "rejected", "production", "no")];
    expect(findRejection(list, "production")).toMatchObject({ approvedBy: "carol", comment: "no" });
    expect(findRejection([approval("bob", "approved")], "production")).toBeUndefined();
  });

  it("says why a run with reviewers but no approval is refused", () => {
    expect(missingApprovalMessage("production", "acme/shop", "42", ["alice", "@ops"])).toMatch(
      /^no reviewer approved run 42 of acme\/shop for environment 'production' \(required reviewers: alice, @ops\)\. The deploy job must name the environment \(`environment: production`\)/,
    );
  });

  it("warns about a self-approval unless the environment prevents self-review", () => {
    const a = { approvedBy: "Octocat", comment: "" };
    const env = (prevent: boolean) => ({
      name: "production",
      protection_rules: [{ type: "required_reviewers", prevent_self_review: prevent, reviewers: [] }],
    });
    expect(approvalWarnings(a, "octocat", env(false))[0]).toContain("Octocat approved their own deploy");
    expect(approvalWarnings(a, "octocat", env(true))).toEqual([]);
    expect(approvalWarnings(a, "someone-else", env(false))).toEqual([]);
  });
});

describe("environment as code", () => {
  it("parses reviewers: logins and @org/team, at most six, no duplicates", () => {
    expect(parseReviewers("--reviewers", "alice, @acme/Ops ,bob")).toEqual([
      { type: "User", login: "alice" },
      { type: "Team", org: "acme", slug: "ops" },
      { type: "User", login: "bob" },
    ]);
    expect(() => parseReviewers("--reviewers", "")).toThrow("must name at least one reviewer");
    expect(() => parseReviewers("--reviewers", "alice,Alice")).toThrow("names alice twice");
    expect(() => parseReviewers("--reviewers", "a,b,c,d,e,f,g")).toThrow("GitHub allows at most 6");
    expect(() => parseReviewers("--reviewers", "not a login")).toThrow("neither a GitHub login nor a team");
  });

  it("parses branch patterns and refuses what git would not take", () => {
    expect(parseBranches("--branch", "main,release/*,main")).toEqual(["main", "release/*"]);
    expect(parseBranches("--branch", "")).toEqual([]);
    expect(() => parseBranches("--branch", "a..b")).toThrow("is not a branch name");
  });

  const ids = new Map([
    ["alice", 1],
    ["@acme/ops", 2],
  ]);
  const spec = {
    reviewers: parseReviewers("r", "alice,@acme/ops"),
    preventSelfReview: true,
    branches: ["main"],
  };

  it("plans the whole setup for a missing environment", () => {
    const plan = planEnvironment(undefined, [], spec, ids);
    expect(plan.put).toEqual({
      prevent_self_review: true,
      reviewers: [
        { type: "User", id: 1 },
        { type: "Team", id: 2 },
      ],
      deployment_branch_policy: { protected_branches: false, custom_branch_policies: true },
    });
    expect(plan.branchesToAdd).toEqual(["main"]);
    expect(plan.changes[0]).toBe("create the environment");
  });

  it("plans nothing when the environment already matches (idempotent), whatever the reviewer order", () => {
    const current = {
      name: "production",
      protection_rules: [
        { type: "wait_timer", wait_timer: 5 },
        {
          type: "required_reviewers",
          prevent_self_review: true,
          reviewers: [
            { type: "Team", reviewer: { id: 2, slug: "ops" } },
            { type: "User", reviewer: { id: 1, login: "alice" } },
          ],
        },
      ],
      deployment_branch_policy: { protected_branches: false, custom_branch_policies: true },
    };
    expect(planEnvironment(current, ["main"], spec, ids)).toEqual({
      changes: [],
      put: undefined,
      branchesToAdd: [],
      branchesToRemove: [],
    });
    // A wait timer set by hand is kept when the spec does not name one.
    const changed = planEnvironment(current, ["main", "old"], { ...spec, preventSelfReview: false }, ids);
    expect(changed.put).toMatchObject({ wait_timer: 5, prevent_self_review: false });
    expect(changed.branchesToRemove).toEqual(["old"]);
  });
});

describe("deploy summary (pure)", () => {
  const base: Omit<DeployResult, "summary"> = {
    outcome: "rolled_back",
    path: [
      "triggered",
      "gate_checks",
      "locked",
      "audit_started",
      "deploying",
      "health_check",
      "health_failed",
      "rolling_back",
      "rolled_back",
      "audited",
      "done",
    ],
    auditIds: { started: "11", completed: "12", rollback: "13" },
    auditSpooled: false,
    fromSha: "a".repeat(40),
    toSha: "b".repeat(40),
    release: "v8",
    previousRelease: "v7",
    rolledBackTo: "v7",
    reason: "https://shop.example/health is unhealthy | after 5 attempt(s)",
    interrupted: false,
    durationMs: 61_000,
  };
  const settings = {
    app: "shop-prod",
    environment: "production",
    actor: "octocat",
    trigger: "ci" as const,
    method: "git" as const,
  };

  it("shows the outcome, the path taken, the audit rows and always the rollback command", () => {
    const md = renderDeploySummary(settings, base);
    expect(md).toContain("## ↩️ Health check failed: rolled back: shop-prod (production)");
    expect(md).toContain("> https://shop.example/health is unhealthy \\| after 5 attempt(s)");
    expect(md).toContain("| From → to | `aaaaaaa` → `bbbbbbb` |");
    expect(md).toContain("| Audit | started #11, outcome #12, rollback #13 |");
    expect(md).toContain("rolling_back --> rolled_back: taken");
    expect(md).toContain("prodgate rollback --app shop-prod\nheroku releases:rollback --app shop-prod");
    expect(md).toContain("Took 1m 1s.");
    const refused = renderDeploySummary(settings, {
      ...base,
      outcome: "rejected",
      path: ["triggered", "gate_checks", "refused", "done"],
      auditIds: {},
    });
    expect(refused).toContain("| Audit | no row written |");
    expect(refused).toContain("heroku releases:rollback --app shop-prod");
  });

  it("names audit actions and the default health URL", () => {
    expect(auditAction("deploy", "Production EU")).toBe("deploy.production-eu");
    expect(auditAction("rollback", "prod")).toBe("rollback.prod");
    expect(defaultHealthUrl("https://shop.herokuapp.com/").toString()).toBe(
      "https://shop.herokuapp.com/health",
    );
    expect(() => defaultHealthUrl(null)).toThrow("Input 'health-url' is required");
  });
});
