import { describe, expect, it } from "vitest";
import { parseApprovers } from "../../src/core/approval.js";
import { renderGatedDeploySummary as renderDeploySummary } from "../../src/core/deploy.js";
import {
  checkTriggerEvent,
  isNeverAllowedEvent,
  parseBranches,
  parseReviewers,
  planEnvironment,
} from "../../src/core/gate.js";
import { gateRules } from "../../src/core/policy.js";
import { parsePolicy } from "../../src/core/policy-file.js";
import { auditAction, type DeployResult, defaultHealthUrl } from "../../src/pipelines/deploy.js";

describe("the trigger guard is an allow-list", () => {
  const prod = ["production"];
  it("lets workflow_dispatch deploy to production, and any event outside production", () => {
    expect(() => checkTriggerEvent("workflow_dispatch", "production", prod)).not.toThrow();
    expect(() => checkTriggerEvent("push", "staging", prod)).not.toThrow();
  });

  it.each([
    "issue_comment",
    "repository_dispatch",
    "release",
    "deployment",
    "pull_request_review",
    "pull_request_review_comment",
    "merge_group",
    "check_run",
    "workflow_run",
    "push",
    "pull_request_target",
    "schedule",
  ])("refuses %s for production, quoting it as GitHub spells it", (event) => {
    expect(() => checkTriggerEvent(event, "production", prod)).toThrow(`triggered by '${event}'`);
  });

  it("lets a policy add a deliberate event, but never push, pull_request*, schedule or workflow_run", () => {
    expect(() =>
      checkTriggerEvent("repository_dispatch", "production", prod, ["repository_dispatch"]),
    ).not.toThrow();
    for (const never of ["push", "pull_request", "pull_request_target", "schedule", "workflow_run"]) {
      expect(isNeverAllowedEvent(never)).toBe(true);
      expect(() => checkTriggerEvent(never, "production", prod, [never])).toThrow("can never deploy");
    }
  });
});

describe("the deploy policy (.github/prodgate.yml)", () => {
  const text = `environments:
  production:
    approvers: [alice, "@acme/deployers"]
    minimum-approvals: 2
    allow-self-approval: false
    events: [repository_dispatch]
    reviewers-required: true
`;

  it("parses the documented shape", () => {
    const policy = parsePolicy(text, "p.yml");
    expect(policy.environments.get("production")).toEqual({
      approvers: [
        { kind: "user", login: "alice" },
        { kind: "team", org: "acme", slug: "deployers" },
      ],
      minimumApprovals: 2,
      allowSelfApproval: false,
      events: ["repository_dispatch"],
      reviewersRequired: true,
    });
  });

  it("refuses unknown fields, wrong types and events that can never deploy, with line and field", () => {
    expect(() => parsePolicy("environments:\n  production:\n    aprovers: [a]\n", "p.yml")).toThrow(
      /p\.yml:3:5: environments\.production\.aprovers: is not a known field; did you mean 'approvers'\?/,
    );
    expect(() => parsePolicy("environments:\n  production:\n    minimum-approvals: many\n")).toThrow(
      "minimum-approvals: must be a whole number from 1 to 100",
    );
    expect(() => parsePolicy("environments:\n  production:\n    events: [push]\n")).toThrow(
      "'push' can never start a production deploy",
    );
    expect(() => parsePolicy("environments: [production]\n")).toThrow("must map environment names");
  });

  it("wins over the inputs: they can make the gate stricter, never looser", () => {
    const policy = parsePolicy(text, "p.yml");
    const loose = gateRules(policy, "Production", {
      approvers: parseApprovers("approvers", "mallory"),
      minimumApprovals: 1,
      allowSelfApproval: true,
      requireReviewers: false,
    });
    expect(loose).toMatchObject({
      minimumApprovals: 2,
      allowSelfApproval: false,
      reviewersRequired: true,
      events: ["repository_dispatch"],
      fromPolicy: true,
    });
    expect(loose.approvers.map((a) => (a.kind === "user" ? a.login : a.slug))).toEqual([
      "alice",
      "deployers",
    ]);
    expect(loose.narrowTo).toEqual([{ kind: "user", login: "mallory" }]);
    expect(loose.notes.join("\n")).toContain("@mallory is not an approver in p.yml");
    const strict = gateRules(
      parsePolicy("environments:\n  production:\n    minimum-approvals: 1\n"),
      "production",
      {
        minimumApprovals: 3,
      },
    );
    expect(strict.minimumApprovals).toBe(3);
  });

  it("without a policy (or without rules for the environment) the inputs stand", () => {
    expect(
      gateRules(undefined, "production", { minimumApprovals: 2, allowSelfApproval: true }),
    ).toMatchObject({
      minimumApprovals: 2,
      allowSelfApproval: true,
      events: [],
      fromPolicy: false,
    });
    expect(gateRules(parsePolicy(text), "staging", {}).source).toContain("has no rules for 'staging'");
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
