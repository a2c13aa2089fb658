import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { APPROVAL_LABEL, parseApprovers } from "../../src/core/approval.js";
import { GateError } from "../../src/core/errors.js";
import type { Clock, Reporter } from "../../src/core/ports.js";
import { type IssueGateSettings, runIssueGate } from "../../src/pipelines/issue-gate.js";
import { ACTIONS_BOT, type FakeIssue, type FakeRepo, GitHubApiFake } from "../../src/sandbox/github-api.js";
import { GitHubClient } from "../../src/vendors/github.js";
import { canary, expectNoCanary } from "../support/canary.js";

/** Virtual time: a sleep moves the clock at once, then runs what the test scheduled after that sleep. */
function scriptedClock(start = Date.parse("2026-03-01T12:00:00Z")) {
  let now = start;
  let sleeps = 0;
  const script = new Map<number, () => void>();
  const clock: Clock & {
    after(n: number, fn: () => void): void;
    readonly sleeps: number;
    elapsed(): number;
  } = {
    now: () => new Date(now),
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw signal.reason;
      now += ms;
      sleeps++;
      script.get(sleeps)?.();
      if (signal?.aborted) throw signal.reason;
    },
    after: (n, fn) => void script.set(n, fn),
    get sleeps() {
      return sleeps;
    },
    elapsed: () => now - start,
  };
  return clock;
}

function recorder(): Reporter & { lines: string[] } {
  const lines: string[] = [];
  const rec = (level: string) => (m: string) => void lines.push(`${level}: ${m}`);
  return {
    lines,
    info: rec("info"),
    warning: rec("warning"),
    error: rec("error"),
    debug: () => {},
    secret: () => {},
    group: (_t, fn) => fn(),
  };
}

describe("the issue-comment approval gate against the GitHub REST fake", () => {
  const token = canary("gh-token");
  const orgToken = canary("org-token");
  const fake = new GitHubApiFake({ token });
  let n = 0;

  beforeAll(async () => {
    fake.addToken(orgToken, { login: "deploy-bot" });
    fake.team("acme", "deployers", ["dave", "erin"]);
    await fake.start();
  });
  afterAll(() => fake.stop());
  beforeEach(() => {
    fake.server.clearFaults();
  });

  function world(opts: { token?: string } = {}) {
    const repo = fake.repo(`acme/shop-${++n}`);
    const shas = repo.chain(4, { author: "alice" });
    const github = new GitHubClient({
      token: opts.token ?? token,
      repository: repo.fullName,
      baseUrl: fake.url,
      backoffMs: 1,
    });
    const reporter = recorder();
    const clock = scriptedClock();
    const settings: IssueGateSettings = {
      app: "shop-api",
      environment: "production",
      approvers: parseApprovers("approvers", "alice, bob, octocat"),
      minimumApprovals: 1,
      allowSelfApproval: false,
      dispatcher: "octocat",
      pollIntervalMs: 10_000,
      timeoutMs: 30 * 60_000,
      runId: "4242",
      runUrl: `https://github.com/${repo.fullName}/actions/runs/4242`,
      eventName: "workflow_dispatch",
      ref: shas.at(-1),
    };
    const issue = (): FakeIssue => {
      const found = repo.issues.filter((i) => i.labels.includes(APPROVAL_LABEL)).at(-1);
      if (!found) throw new Error("no approval issue yet");
      return found;
    };
    const say = (user: string, body: string) => repo.comment(issue().number, user, body);
    const comments = () => repo.issueComments.filter((c) => c.issue === issue().number);
    return { repo, shas, github, reporter, clock, settings, issue, say, comments };
  }

  const gateComments = (repo: FakeRepo, number: number) =>
    repo.issueComments.filter((c) => c.issue === number && c.user === ACTIONS_BOT);

  it("opens the issue with the preview, and an allowed user's approval lets the deploy go", async () => {
    const w = world();
    w.clock.after(1, () => w.say("alice", "Approved, ship it"));
    const result = await runIssueGate({ ...w.settings, fromSha: w.shas[0] }, { ...w, clock: w.clock });

    const issue = w.issue();
    expect(result).toMatchObject({
      decision: "approved",
      approvedBy: ["alice"],
      reason: "approved by @alice",
      issueNumber: issue.number,
      reused: false,
      polls: 2,
      decisiveComment: "Approved, ship it",
    });
    expect(result.approvedAt).toBe(w.comments().find((c) => c.user === "alice")?.createdAt);
    expect(issue.title).toBe("Approve deploy of shop-api to production");
    expect(issue.labels).toEqual([APPROVAL_LABEL]);
    expect(issue.assignees).toEqual(["alice", "bob"]);
    expect(issue.body).toContain("<!-- prodgate:approval ");
    expect(issue.body).toContain("3 commits will ship to shop-api (production).");
    expect(issue.body).toContain(`(${w.settings.runUrl})`);
    expect(issue).toMatchObject({ state: "closed", stateReason: "completed", closedBy: ACTIONS_BOT });
    const [decision] = gateComments(w.repo, issue.number);
    expect(decision?.body).toContain("✅ **Approved by @alice.** The deploy goes ahead.");
    expect(w.clock.elapsed()).toBe(10_000);
    expectNoCanary([token], {
      lines: w.reporter.lines,
      issues: w.repo.issues,
      comments: w.repo.issueComments,
      served: fake.served,
    });
  });

  it("a preview that cannot be made is a warning in the issue, not a stop", async () => {
    const w = world();
    w.clock.after(1, () => w.say("alice", "approve"));
    const result = await runIssueGate(
      { ...w.settings, ref: "no-such-branch", fromSha: w.shas[0] },
      { ...w, clock: w.clock },
    );
    expect(result.decision).toBe("approved");
    expect(w.issue().body).toContain("> No diff preview: Input 'ref' 'no-such-branch' names no branch");
    expect(
      w.reporter.lines.some((l) => l.startsWith("warning: No diff preview for the approval issue")),
    ).toBe(true);
  });

  it("resolves a team through the API and lets its member approve", async () => {
    const w = world({ token: orgToken });
    w.clock.after(1, () => w.say("erin", "lgtm"));
    const result = await runIssueGate(
      { ...w.settings, approvers: parseApprovers("approvers", "@acme/deployers") },
      { ...w, clock: w.clock },
    );
    expect(result).toMatchObject({ decision: "approved", approvedBy: ["erin"] });
    expect(w.reporter.lines).toContain("info: Team @acme/deployers: @dave, @erin");
    expect(w.issue().body).toContain("@acme/deployers");
  });

  it("says which token a team needs when the job's GITHUB_TOKEN cannot read it, before opening anything", async () => {
    const w = world();
    const err = await runIssueGate(
      { ...w.settings, approvers: parseApprovers("approvers", "@acme/deployers") },
      { ...w, clock: w.clock },
    ).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/list the members of team @acme\/deployers: GitHub answered 403/);
    expect((err as Error).message).toMatch(/GITHUB_TOKEN cannot have it/);
    expect(w.repo.issues).toEqual([]);
  });

  it("ignores a non-approver's approve", async () => {
    const w = world();
    w.clock.after(1, () => w.say("mallory", "approve"));
    w.clock.after(2, () => w.say("bob", "LGTM!"));
    const result = await runIssueGate(w.settings, { ...w, clock: w.clock });
    expect(result).toMatchObject({ decision: "approved", approvedBy: ["bob"], polls: 3 });
    expect(w.reporter.lines.filter((l) => l.includes("@mallory"))).toEqual([
      "info: Ignored a comment by @mallory: not an approver",
    ]);
  });

  it("ignores the dispatcher's own approval by default, and counts it when allow-self-approval is true", async () => {
    const w = world();
    w.clock.after(1, () => w.say("octocat", "approve"));
    w.clock.after(3, () => w.say("alice", "approve"));
    const result = await runIssueGate(w.settings, { ...w, clock: w.clock });
    expect(result).toMatchObject({ decision: "approved", approvedBy: ["alice"], polls: 4 });
    expect(w.reporter.lines).toContain("info: Ignored a comment by @octocat: self-approval");

    const self = world();
    self.clock.after(1, () => self.say("octocat", "approve"));
    const own = await runIssueGate(
      { ...self.settings, allowSelfApproval: true },
      { ...self, clock: self.clock },
    );
    expect(own).toMatchObject({ decision: "approved", approvedBy: ["octocat"] });
  });

  it("needs two different approvers when minimum-approvals is 2, and reports them in order", async () => {
    const w = world();
    w.clock.after(1, () => w.say("bob", "approve"));
    w.clock.after(2, () => w.say("bob", "approved (again)"));
    w.clock.after(3, () => w.say("alice", "lgtm"));
    const result = await runIssueGate({ ...w.settings, minimumApprovals: 2 }, { ...w, clock: w.clock });
    expect(result).toMatchObject({ decision: "approved", approvedBy: ["bob", "alice"], polls: 4 });
    expect(result.approvedAt).toBe(w.comments().find((c) => c.user === "alice")?.createdAt);
    expect(w.reporter.lines).toContain("info: Approvals: 1 of 2 (@bob)");
  });

  it("lets one approver's deny win over an approval, closing the issue as not planned", async () => {
    const w = world();
    w.clock.after(1, () => w.say("alice", "approve"));
    w.clock.after(2, () => w.say("bob", "deny: the migration is not ready"));
    const result = await runIssueGate({ ...w.settings, minimumApprovals: 2 }, { ...w, clock: w.clock });
    expect(result).toMatchObject({
      decision: "rejected",
      cause: "denied",
      approvedBy: [],
      reason: "denied by @bob",
      decisiveComment: "deny: the migration is not ready",
    });
    expect(w.issue()).toMatchObject({ state: "closed", stateReason: "not_planned" });
    expect(gateComments(w.repo, w.issue().number).at(-1)?.body).toContain(
      "⛔ **Denied by @bob.** Nothing is deployed.",
    );
    expect(w.reporter.lines).toContain(`info: Deploy rejected on #${w.issue().number}: denied by @bob`);
  });

  it("rejects by timeout, polling every interval until the deadline", async () => {
    const w = world();
    w.clock.after(1, () => w.say("alice", "I will look after lunch"));
    const result = await runIssueGate(
      { ...w.settings, pollIntervalMs: 10_000, timeoutMs: 35_000 },
      { ...w, clock: w.clock },
    );
    expect(result).toMatchObject({ decision: "rejected", cause: "timeout", polls: 5 });
    expect(result.reason).toBe("rejected by timeout: no decision within 35.0s with 0 of 1 approvals");
    expect(w.clock.elapsed()).toBe(35_000);
    expect(w.issue()).toMatchObject({ state: "closed", stateReason: "not_planned" });
    expect(gateComments(w.repo, w.issue().number).at(-1)?.body).toContain("Rejected by timeout");
  });

  it("polls with conditional requests: an unchanged issue or comment list is a 304 with no body", async () => {
    const w = world();
    w.clock.after(2, () => w.say("alice", "I will look after lunch"));
    const result = await runIssueGate(
      { ...w.settings, pollIntervalMs: 10_000, timeoutMs: 45_000 },
      { ...w, clock: w.clock },
    );
    expect(result).toMatchObject({ decision: "rejected", cause: "timeout", polls: 6 });
    const statuses = (suffix: string) =>
      fake.served
        .filter(
          (r) =>
            r.method === "GET" && r.path === `/repos/${w.repo.fullName}/issues/${w.issue().number}${suffix}`,
        )
        .map((r) => r.status);
    // Nothing changes while the gate waits but alice's comment, between polls 2 and 3 (the issue carries its
    // comment count, so it changes too).
    expect(statuses("")).toEqual([200, 304, 200, 304, 304, 304]);
    expect(statuses("/comments")).toEqual([200, 304, 200, 304, 304, 304]);
    expect(fake.served.filter((r) => r.status === 304).every((r) => r.body === undefined)).toBe(true);
  });

  it("reads every page: the decisive comment is on the third page of 150", async () => {
    const w = world();
    w.clock.after(1, () => {
      for (let i = 0; i < 125; i++) w.say(i % 2 ? "carol" : "mallory", i % 2 ? `thought ${i}` : "approve");
      w.say("alice", "lgtm");
      for (let i = 0; i < 24; i++) w.say("carol", `more ${i}`);
    });
    const pages = () =>
      fake.server.requests
        .filter(
          (r) =>
            r.method === "GET" && r.path === `/repos/${w.repo.fullName}/issues/${w.issue().number}/comments`,
        )
        .map((r) => new URL(r.url, fake.url).searchParams.get("page") ?? "1");
    const result = await runIssueGate({ ...w.settings, commentsPerPage: 50 }, { ...w, clock: w.clock });
    expect(w.comments().filter((c) => c.user !== ACTIONS_BOT).length).toBe(150);
    expect(w.comments().findIndex((c) => c.user === "alice")).toBe(125);
    expect(result).toMatchObject({ decision: "approved", approvedBy: ["alice"], polls: 2 });
    expect(pages()).toEqual(["1", "1", "2", "3"]);
  });

  it("rejects when someone closes the issue, without closing it again", async () => {
    const w = world();
    w.clock.after(2, () => w.repo.closeIssue(w.issue().number, "carol"));
    const result = await runIssueGate(w.settings, { ...w, clock: w.clock });
    expect(result).toMatchObject({ decision: "rejected", cause: "closed", polls: 3 });
    expect(result.reason).toBe(
      `rejected: the approval issue #${w.issue().number} was closed by @carol before it was approved`,
    );
    expect(w.issue()).toMatchObject({ state: "closed", closedBy: "carol" });
    expect(fake.server.requestsTo("PATCH", `/repos/${w.repo.fullName}/issues/${w.issue().number}`)).toEqual(
      [],
    );
  });

  it("an approval written before the issue was closed still counts", async () => {
    const w = world();
    w.clock.after(1, () => {
      w.say("alice", "approve");
      w.repo.closeIssue(w.issue().number, "alice", "completed");
    });
    const result = await runIssueGate(w.settings, { ...w, clock: w.clock });
    expect(result).toMatchObject({ decision: "approved", approvedBy: ["alice"] });
  });

  it("retries through GitHub 5xx answers while polling instead of rejecting", async () => {
    const w = world();
    // 4 attempts a call (the client retries 3 times): 8 faults fail two whole polls.
    w.clock.after(1, () => {
      fake.server.fault(
        "GET",
        `/repos/${w.repo.fullName}/issues/:number/comments`,
        { kind: "status", status: 502 },
        8,
      );
      w.say("alice", "approve");
    });
    const result = await runIssueGate(w.settings, { ...w, clock: w.clock });
    expect(result).toMatchObject({ decision: "approved", approvedBy: ["alice"], polls: 4 });
    const warnings = w.reporter.lines.filter((l) => l.startsWith("warning:"));
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/^warning: Poll 2 of #\d+ failed, trying again at the next one: .*502/);
  });

  it("a re-run of the same run reuses its open issue and the approvals on it", async () => {
    const w = world();
    const abort = new AbortController();
    w.clock.after(1, () => {
      w.say("alice", "approve");
      abort.abort(new Error("cancelled"));
    });
    await expect(
      runIssueGate({ ...w.settings, minimumApprovals: 2 }, { ...w, clock: w.clock, signal: abort.signal }),
    ).rejects.toThrow("cancelled");
    const first = w.issue();
    expect(first.state).toBe("open");

    const clock = scriptedClock();
    clock.after(1, () => w.say("bob", "approve"));
    const again = await runIssueGate({ ...w.settings, minimumApprovals: 2 }, { ...w, clock });
    expect(again).toMatchObject({
      decision: "approved",
      approvedBy: ["alice", "bob"],
      issueNumber: first.number,
      reused: true,
    });
    expect(w.repo.issues.filter((i) => i.labels.includes(APPROVAL_LABEL))).toHaveLength(1);
  });

  it("keeps the structural guard: production from a push is refused before any issue is opened", async () => {
    const w = world();
    await expect(
      runIssueGate({ ...w.settings, eventName: "push" }, { ...w, clock: w.clock }),
    ).rejects.toThrow(GateError);
    expect(w.repo.issues).toEqual([]);
  });

  it("refuses a minimum no approver set can meet, naming the dispatcher rule", async () => {
    const w = world();
    const err = await runIssueGate(
      { ...w.settings, approvers: parseApprovers("approvers", "octocat, alice"), minimumApprovals: 2 },
      { ...w, clock: w.clock },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GateError);
    expect((err as Error).message).toBe(
      "minimum-approvals is 2 but only 1 approver could approve (@alice; @octocat started this run and cannot approve it unless allow-self-approval is true): add approvers or lower minimum-approvals",
    );
    expect(w.repo.issues).toEqual([]);
  });
});
