import { describe, expect, it } from "vitest";
import {
  type ApprovalComment,
  type ApprovalPolicy,
  approvalIssueTitle,
  approvalMarker,
  describeDecision,
  eligibleApprovers,
  parseApprovers,
  parseMinimumApprovals,
  renderApprovalIssueBody,
  renderDecisionComment,
  tallyApprovals,
  verdictOf,
} from "../../src/core/approval.js";
import { InputError } from "../../src/core/errors.js";
import type { Preview } from "../../src/core/preview.js";

const MARKER = approvalMarker({
  repository: "acme/shop",
  app: "shop-api",
  environment: "production",
  runId: "42",
});

function policy(over: Partial<ApprovalPolicy> = {}): ApprovalPolicy {
  return {
    approvers: ["alice", "Bob", "octocat"],
    minimumApprovals: 1,
    dispatcher: "octocat",
    allowSelfApproval: false,
    marker: MARKER,
    ...over,
  };
}

let ids = 0;
function c(user: string, body: string, at?: string): ApprovalComment {
  ids++;
  return { id: ids, user, body, createdAt: at ?? `2026-01-01T00:${String(ids).padStart(2, "0")}:00Z` };
}

describe("parseApprovers", () => {
  it("reads logins and teams, with or without @, across commas, spaces and lines, each once", () => {
    expect(parseApprovers("approvers", "alice, @bob\n@acme/Deployers,ALICE  acme/sre")).toEqual([
      { kind: "user", login: "alice" },
      { kind: "user", login: "bob" },
      { kind: "team", org: "acme", slug: "deployers" },
      { kind: "team", org: "acme", slug: "sre" },
    ]);
  });

  it("refuses an empty list and malformed entries, naming the input", () => {
    for (const [raw, msg] of [
      ["", /is required in issue mode/],
      [" , \n", /is required in issue mode/],
      ["@acme/", /malformed team '@acme\/'/],
      ["@/deployers", /malformed team/],
      ["@acme/a/b", /malformed team/],
      ["@acme/de!ployers", /malformed team/],
      ["-alice", /not a GitHub login/],
      ["al--ice", /not a GitHub login/],
      ["a".repeat(40), /not a GitHub login/],
    ] as const) {
      const err = (() => {
        try {
          parseApprovers("approvers", raw);
        } catch (e) {
          return e;
        }
      })();
      expect(err, raw).toBeInstanceOf(InputError);
      expect((err as InputError).input).toBe("approvers");
      expect((err as Error).message).toMatch(msg);
    }
  });

  it("minimum-approvals is a whole number of at least 1, default 1", () => {
    expect(parseMinimumApprovals("minimum-approvals", "")).toBe(1);
    expect(parseMinimumApprovals("minimum-approvals", " 2 ")).toBe(2);
    expect(() => parseMinimumApprovals("minimum-approvals", "0")).toThrow(
      "Input 'minimum-approvals' must be from 1 to 100; got 0",
    );
    expect(() => parseMinimumApprovals("minimum-approvals", "two")).toThrow(InputError);
  });
});

describe("verdictOf: the first word of the first line that is not a quote", () => {
  it.each([
    ["approve", "approve"],
    ["Approved.", "approve"],
    ["**LGTM**! ship it", "approve"],
    ["  \n\napproved\nthanks", "approve"],
    ["> approve\n\ndeny: the migration is not ready", "deny"],
    ["DENIED", "deny"],
    ["reject", "deny"],
    ["Rejected, see thread", "deny"],
  ])("%j → %s", (body, verdict) => {
    expect(verdictOf(body)).toBe(verdict);
  });

  it.each([
    "I would not approve this yet",
    "not approved",
    "approve-ish",
    "approves",
    "lgtm2",
    "> lgtm",
    ":+1:",
    "",
    "please deny",
  ])("%j says nothing", (body) => {
    expect(verdictOf(body)).toBeUndefined();
  });
});

describe("tallyApprovals", () => {
  it("approves on an approver's word and records who and when", () => {
    const t = tallyApprovals([c("carol", "hi"), c("alice", "LGTM", "2026-01-01T01:00:00Z")], policy());
    expect(t).toMatchObject({ state: "approved", approvedBy: ["alice"], approvedAt: "2026-01-01T01:00:00Z" });
    expect(t.decisiveComment?.user).toBe("alice");
  });

  it("ignores a non-approver's approval and the dispatcher's own, saying why", () => {
    const t = tallyApprovals([c("mallory", "approve"), c("OctoCat", "approve")], policy());
    expect(t.state).toBe("pending");
    expect(t.ignored.map((i) => `${i.user}:${i.why}`)).toEqual([
      "mallory:not an approver",
      "OctoCat:self-approval",
    ]);
    expect(tallyApprovals([c("octocat", "approve")], policy({ allowSelfApproval: true })).state).toBe(
      "approved",
    );
  });

  it("binds whoever re-ran the run by the same rule as the dispatcher", () => {
    const t = tallyApprovals([c("bob", "approve"), c("octocat", "approve")], policy({ rerunBy: "bob" }));
    expect(t.state).toBe("pending");
    expect(t.ignored.map((i) => i.why)).toEqual(["self-approval", "self-approval"]);
    expect(eligibleApprovers(policy({ rerunBy: "bob" }))).toEqual(["alice"]);
  });

  it("counts each approver once towards the minimum, in the order they approved", () => {
    const comments = [c("bob", "approve"), c("bob", "lgtm"), c("alice", "approved")];
    const two = tallyApprovals(comments, policy({ minimumApprovals: 2 }));
    expect(two).toMatchObject({ state: "approved", approvedBy: ["bob", "alice"] });
    expect(two.ignored).toEqual([{ id: comments[1]!.id, user: "bob", why: "already approved" }]);
    expect(tallyApprovals(comments.slice(0, 2), policy({ minimumApprovals: 2 }))).toMatchObject({
      state: "pending",
      approvedBy: ["bob"],
    });
  });

  it("rejects on any approver's denial before the minimum is met, even after approvals", () => {
    const t = tallyApprovals(
      [c("alice", "approve"), c("bob", "deny: wrong SHA"), c("octocat", "lgtm")],
      policy({ minimumApprovals: 2 }),
    );
    expect(t).toMatchObject({ state: "rejected", deniedBy: "bob", approvedBy: ["alice"] });
    expect(tallyApprovals([c("mallory", "deny")], policy()).state).toBe("pending");
    // the dispatcher may stop their own deploy
    expect(tallyApprovals([c("octocat", "reject")], policy()).state).toBe("rejected");
  });

  it("reads comments in the order they were written, not the order given", () => {
    const t = tallyApprovals(
      [c("bob", "deny", "2026-01-01T02:00:00Z"), c("alice", "approve", "2026-01-01T01:00:00Z")],
      policy(),
    );
    expect(t.state).toBe("approved");
  });

  it("skips the gate's own comments", () => {
    expect(tallyApprovals([c("alice", `${MARKER}\napprove`)], policy()).state).toBe("pending");
  });

  it("eligible approvers leave out the dispatcher unless self-approval is allowed", () => {
    expect(eligibleApprovers(policy())).toEqual(["alice", "Bob"]);
    expect(eligibleApprovers(policy({ allowSelfApproval: true }))).toEqual(["alice", "Bob", "octocat"]);
  });
});

describe("texts", () => {
  const preview: Preview = {
    repository: "acme/shop",
    serverUrl: "https://github.com",
    app: "shop-api",
    environment: "production",
    production: true,
    from: { sha: "a".repeat(40), source: "heroku", release: "release v41" },
    to: { sha: "b".repeat(40), ref: "main" },
    status: "behind",
    ahead: 0,
    behind: 3,
    commitCount: 0,
    commits: [],
    removed: [{ sha: "c".repeat(40), author: "alice", message: "Add checkout" }],
    files: [],
    filesDirection: "revert",
    generatedAt: "2026-01-01T00:00:00Z",
    runUrl: "https://github.com/acme/shop/actions/runs/42",
  };

  it("titles the issue with the target and marks it per run, app and environment", () => {
    expect(approvalIssueTitle({ app: "shop-api", environment: "production", repository: "acme/shop" })).toBe(
      "Approve deploy of shop-api to production",
    );
    expect(approvalIssueTitle({ environment: "staging", repository: "acme/shop" })).toBe(
      "Approve deploy of acme/shop to staging",
    );
    expect(MARKER).toBe("<!-- prodgate:approval acme/shop#42:shop-api@production -->");
    expect(approvalMarker({ repository: "a/b", environment: "x-->y", runId: "1" })).not.toContain("-->y");
  });

  it("the body holds the marker, the instructions, the approvers, the deadline and the preview with warnings", () => {
    const body = renderApprovalIssueBody({
      target: { repository: "acme/shop", app: "shop-api", environment: "production", runId: "42" },
      marker: MARKER,
      approvers: parseApprovers("approvers", "alice,@acme/deployers"),
      minimumApprovals: 2,
      dispatcher: "octocat",
      allowSelfApproval: false,
      timeoutMs: 30 * 60_000,
      deadline: "2026-01-01T00:30:00.000Z",
      runUrl: preview.runUrl,
      preview,
    });
    expect(body.startsWith(`${MARKER}\n`)).toBe(true);
    expect(body).toContain(
      "@octocat asked to deploy `bbbbbbb` (live now: `aaaaaaa`) of **shop-api** to **production**",
    );
    expect(body).toContain("**Approvers:** @alice, @acme/deployers · **needed:** 2 approvals.");
    expect(body).toContain("@octocat started this run and cannot approve it.");
    expect(body).toContain("until 2026-01-01T00:30:00Z");
    expect(body).toContain("[!CAUTION]");
    expect(body).toContain("BEHIND");
    expect(body).toContain("Add checkout");
    expect(body).toContain("(https://github.com/acme/shop/actions/runs/42)");
    const huge = renderApprovalIssueBody({
      target: { repository: "acme/shop", environment: "production", runId: "42" },
      marker: MARKER,
      approvers: [{ kind: "user", login: "alice" }],
      minimumApprovals: 1,
      dispatcher: "octocat",
      allowSelfApproval: true,
      timeoutMs: 60_000,
      deadline: "2026-01-01T00:01:00Z",
      preview: {
        ...preview,
        removed: Array.from({ length: 250 }, (_, i) => ({
          sha: String(i).padStart(40, "0"),
          author: "x",
          message: "m".repeat(70),
        })),
      },
      maxBytes: 8_000,
    });
    expect(Buffer.byteLength(huge)).toBeLessThanOrEqual(8_000);
    expect(huge).not.toContain("cannot approve");
  });

  it("without a preview the body names the ref and why", () => {
    const body = renderApprovalIssueBody({
      target: { repository: "acme/shop", environment: "production", runId: "42" },
      marker: MARKER,
      approvers: [{ kind: "user", login: "alice" }],
      minimumApprovals: 1,
      dispatcher: "octocat",
      allowSelfApproval: false,
      timeoutMs: 600_000,
      deadline: "2026-01-01T00:10:00Z",
      ref: "v1.2.0",
      previewNote: "Heroku answered 503",
      runUrl: "https://github.com/acme/shop/actions/runs/42",
    });
    expect(body).toContain("asked to deploy `v1.2.0` of acme/shop to **production**");
    expect(body).toContain("> No diff preview: Heroku answered 503");
    expect(body).toContain("[workflow run](https://github.com/acme/shop/actions/runs/42)");
  });

  it("describes each decision in one sentence and comments it with the marker", () => {
    const approved = describeDecision({
      tally: {
        state: "approved",
        approvedBy: ["bob", "alice"],
        approvedAt: "2026-01-01T00:05:00Z",
        ignored: [],
      },
      minimumApprovals: 2,
    });
    expect(approved).toMatchObject({ decision: "approved", reason: "approved by @bob, @alice" });
    const comment = renderDecisionComment(approved, { marker: MARKER, runUrl: "https://x/run" });
    expect(
      comment.startsWith(`${MARKER}\n<!-- prodgate:decision approved -->\n✅ **Approved by @bob, @alice.**`),
    ).toBe(true);
    expect(comment).toContain("Approved at 2026-01-01T00:05:00Z.");

    const pending = { state: "pending" as const, approvedBy: ["bob"], ignored: [] };
    expect(
      describeDecision({ tally: pending, minimumApprovals: 2, cause: "timeout", timeoutMs: 1_800_000 })
        .reason,
    ).toBe("rejected by timeout: no decision within 30m 0s with 1 of 2 approvals (@bob)");
    const closed = describeDecision({
      tally: pending,
      minimumApprovals: 2,
      cause: "closed",
      by: "carol",
      issueNumber: 7,
    });
    expect(closed).toMatchObject({ decision: "rejected", cause: "closed", by: "carol", approvedBy: ["bob"] });
    expect(closed.reason).toBe("rejected: the approval issue #7 was closed by @carol before it was approved");
    const denied = describeDecision({
      tally: { state: "rejected", approvedBy: [], deniedBy: "bob", ignored: [] },
      minimumApprovals: 1,
    });
    expect(denied.reason).toBe("denied by @bob");
    expect(renderDecisionComment(denied, { marker: MARKER })).toContain(
      "⛔ **Denied by @bob.** Nothing is deployed.",
    );
  });
});
