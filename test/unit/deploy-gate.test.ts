import { describe, expect, it } from "vitest";
import { confirmationPhrase, DeployPath, describePath, renderStateDiagram } from "../../src/core/deploy.js";
import { checkTriggerEvent, requiredReviewers } from "../../src/core/gate.js";

describe("deploy state machine", () => {
  it("walks the happy path and renders it marked", () => {
    const p = new DeployPath();
    for (const s of [
      "gate_checks",
      "locked",
      "audit_started",
      "deploying",
      "health_check",
      "healthy",
      "audited",
      "done",
    ] as const)
      p.go(s);
    expect(describePath(p.states)).toBe(
      "Triggered → Gate checks → Deploy lock held → Audit: started → Deploying → Health check → Healthy → Audit: outcome → Done",
    );
    const diagram = renderStateDiagram(p.states);
    expect(diagram).toContain("stateDiagram-v2");
    expect(diagram).toContain("deploying --> health_check: taken");
    expect(diagram).toContain("health_check --> health_failed\n");
    expect(diagram).toMatch(
      /class triggered,gate_checks,locked,audit_started,deploying,health_check,healthy,audited,done taken/,
    );
  });

  it("refuses a transition the machine does not have (no push before the audit row)", () => {
    const p = new DeployPath();
    p.go("gate_checks");
    p.go("locked");
    expect(() => p.go("deploying")).toThrow("no transition locked → deploying");
  });

  it("marks failure states apart", () => {
    const p = new DeployPath();
    for (const s of [
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
    ] as const)
      p.go(s);
    expect(renderStateDiagram(p.states)).toContain("class health_failed failed");
  });

  it("builds the confirmation phrase from the target", () => {
    expect(confirmationPhrase("shop-prod", "production")).toBe("deploy shop-prod to production");
  });
});

describe("gate checks", () => {
  it.each(["push", "pull_request", "pull_request_target", "schedule", "workflow_run"])(
    "refuses production from %s, naming it",
    (event) => {
      expect(() => checkTriggerEvent(event, "production", ["production"])).toThrow(`triggered by '${event}'`);
    },
  );

  it("allows a dispatch, and non-production environments from any event", () => {
    expect(() => checkTriggerEvent("workflow_dispatch", "production", ["production"])).not.toThrow();
    expect(() => checkTriggerEvent("push", "staging", ["production"])).not.toThrow();
    expect(() => checkTriggerEvent("push", "Prod-EU", ["production", "prod-eu"])).toThrow();
  });

  it("requires reviewers and says how to add them", () => {
    expect(() =>
      requiredReviewers({ name: "production", protection_rules: [] }, "production", "acme/shop", true),
    ).toThrow(/has no required reviewers.*prodgate env setup --repo acme\/shop --environment production/);
    expect(() => requiredReviewers(undefined, "production", "acme/shop", true)).toThrow(/does not exist/);
    expect(requiredReviewers(undefined, "production", "acme/shop", false)).toEqual([]);
    expect(
      requiredReviewers(
        {
          name: "production",
          protection_rules: [
            { type: "wait_timer" },
            {
              type: "required_reviewers",
              reviewers: [
                { type: "User", reviewer: { login: "alice" } },
                { type: "Team", reviewer: { slug: "ops" } },
              ],
            },
          ],
        },
        "production",
        "acme/shop",
        true,
      ),
    ).toEqual(["alice", "@ops"]);
  });
});
