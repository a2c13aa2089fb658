import { describe, expect, it } from "vitest";
import {
  countStatuses,
  DAY_MS,
  decideDispatch,
  decideSecretTransitions,
  evaluateSecret,
  HOUR_MS,
  type RotationJob,
  type RotationPolicy,
  reconcileJob,
  renderRotationSummary,
  renderSecretSlack,
  rotatedByFromJobs,
  type SecretMemory,
  type SecretMetadata,
  type SecretStatus,
  type SecretSubject,
} from "../../src/core/rotation.js";
import { POLICY_DEFAULTS } from "../../src/core/secret-inventory.js";

const NOW = new Date("2026-05-10T12:00:00Z");
const at = (iso: string) => new Date(iso);
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const ahead = (ms: number) => new Date(NOW.getTime() + ms);

function subject(policy: Partial<RotationPolicy> = {}): SecretSubject {
  return {
    name: "HEROKU_API_KEY",
    vendor: "heroku",
    affectedSites: ["api-prod"],
    source: "static",
    policy: { ...POLICY_DEFAULTS, ...policy },
  };
}

function job(over: Partial<RotationJob> & { id: string }): RotationJob {
  return {
    secretName: "HEROKU_API_KEY",
    triggeredBy: "rotation-sweep",
    triggeredAt: ago(DAY_MS),
    status: "queued",
    steps: null,
    completedAt: null,
    errorMsg: null,
    ...over,
  };
}

describe("evaluateSecret: status at every boundary", () => {
  const cases: [string, SecretMetadata, Partial<RotationPolicy>, SecretStatus, number | null][] = [
    ["no metadata at all", {}, {}, "unknown", null],
    ["exactly at cadence (90 days)", { lastRotatedAt: ago(90 * DAY_MS) }, {}, "healthy", 90],
    [
      "90 days and 23 hours (still 90 whole days)",
      { lastRotatedAt: ago(91 * DAY_MS - 1000) },
      {},
      "healthy",
      90,
    ],
    ["one day over cadence", { lastRotatedAt: ago(91 * DAY_MS) }, {}, "stale", 91],
    ["rotated just now", { lastRotatedAt: NOW }, {}, "healthy", 0],
    ["rotation time in the future (clock skew)", { lastRotatedAt: ahead(HOUR_MS) }, {}, "healthy", 0],
    [
      "expiring later today",
      { lastRotatedAt: ago(DAY_MS), expiresAt: ahead(6 * HOUR_MS) },
      {},
      "expiring_soon",
      1,
    ],
    ["expires exactly now", { lastRotatedAt: ago(DAY_MS), expiresAt: NOW }, {}, "expired", 1],
    ["expired a second ago", { lastRotatedAt: ago(DAY_MS), expiresAt: ago(1000) }, {}, "expired", 1],
    ["expires in a second", { expiresAt: ahead(1000) }, {}, "expiring_soon", null],
    ["expiry exactly rotate-before away", { expiresAt: ahead(14 * DAY_MS) }, {}, "expiring_soon", null],
    ["expiry one second beyond rotate-before", { expiresAt: ahead(14 * DAY_MS + 1000) }, {}, "healthy", null],
    [
      "expiring soon beats stale",
      { lastRotatedAt: ago(200 * DAY_MS), expiresAt: ahead(DAY_MS) },
      {},
      "expiring_soon",
      200,
    ],
    ["no expiry, within cadence", { lastRotatedAt: ago(10 * DAY_MS) }, {}, "healthy", 10],
    [
      "ttl gives the expiry when none is known",
      { lastRotatedAt: ago(25 * DAY_MS) },
      { ttlMs: 30 * DAY_MS },
      "expiring_soon",
      25,
    ],
    ["ttl passed", { lastRotatedAt: ago(31 * DAY_MS) }, { ttlMs: 30 * DAY_MS }, "expired", 31],
    [
      "30-day cadence: day 31 is stale",
      { lastRotatedAt: ago(31 * DAY_MS) },
      { cadenceDays: 30 },
      "stale",
      31,
    ],
    ["vendor says disabled", { lastRotatedAt: ago(DAY_MS), vendorState: "disabled" }, {}, "expired", 1],
    ["source failed", { error: "GitHub answered 403" }, {}, "unknown", null],
  ];
  it.each(cases)("%s", (_name, metadata, policy, status, days) => {
    const meta = evaluateSecret(subject(policy), metadata, NOW);
    expect(meta.status).toBe(status);
    expect(meta.days_since_rotation).toBe(days);
  });

  it("reads instants with time zones as the same instant", () => {
    // 2026-05-10T13:00+02:00 is 11:00Z: one hour before NOW, so expired; +00:00 an hour after: expiring today.
    const east = evaluateSecret(subject(), { expiresAt: at("2026-05-10T13:00:00+02:00") }, NOW);
    const west = evaluateSecret(subject(), { expiresAt: at("2026-05-10T08:00:00-05:00") }, NOW);
    expect(east.status).toBe("expired");
    expect(east.expires_at).toBe("2026-05-10T11:00:00.000Z");
    expect(west.status).toBe("expiring_soon");
    expect(west.expires_at).toBe("2026-05-10T13:00:00.000Z");
    expect(west.days_until_expiry).toBe(0);
  });

  it("a queued or running job makes the secret rotating, whatever else holds", () => {
    const active = job({ id: "rot_aaa", status: "running" });
    const meta = evaluateSecret(subject(), { expiresAt: ago(1000) }, NOW, { activeJob: active });
    expect(meta.status).toBe("rotating");
    expect(meta.job).toEqual({
      id: "rot_aaa",
      status: "running",
      triggered_at: active.triggeredAt.toISOString(),
    });
  });

  it("fills the SecretMeta shape of seed 000 §4.3", () => {
    const meta = evaluateSecret(
      subject({ cadenceDays: 30 }),
      { lastRotatedAt: at("2026-03-01T00:00:00Z"), expiresAt: at("2026-06-01T00:00:00Z") },
      NOW,
      { rotatedBy: "automated" },
    );
    expect(meta).toMatchObject({
      name: "HEROKU_API_KEY",
      vendor: "heroku",
      affected_sites: ["api-prod"],
      last_rotated_at: "2026-03-01T00:00:00.000Z",
      rotated_by: "automated",
      expires_at: "2026-06-01T00:00:00.000Z",
      expires_at_basis: "known",
      suggested_cadence_days: 30,
      status: "stale",
      days_since_rotation: 70,
      days_until_expiry: 21,
      over_cadence: true,
      error: null,
    });
  });
});

describe("decideDispatch", () => {
  const policy = {
    ...POLICY_DEFAULTS,
    rotationWorkflow: "rotate.yml",
    retryBackoffMs: HOUR_MS,
    maxAttempts: 3,
  };
  const due = { status: "expiring_soon" as const, last_rotated_at: ago(80 * DAY_MS).toISOString() };

  it("dispatches a secret inside its window with no job", () => {
    expect(decideDispatch(due, policy, [], NOW)).toEqual({ kind: "dispatch", attempt: 1 });
    expect(decideDispatch({ ...due, status: "expired" }, policy, [], NOW)).toEqual({
      kind: "dispatch",
      attempt: 1,
    });
  });

  it("skips healthy and stale secrets, secrets without a workflow, and secrets already rotating", () => {
    expect(decideDispatch({ ...due, status: "healthy" }, policy, [], NOW).kind).toBe("skip");
    expect(decideDispatch({ ...due, status: "stale" }, policy, [], NOW).kind).toBe("skip");
    expect(decideDispatch(due, { ...policy, rotationWorkflow: undefined }, [], NOW)).toMatchObject({
      kind: "skip",
      reason: "no rotation-workflow in its policy",
    });
    expect(decideDispatch(due, policy, [job({ id: "rot_q", status: "queued" })], NOW)).toMatchObject({
      kind: "skip",
      reason: "rotation job rot_q is queued",
    });
  });

  it("with retry, waits out the backoff after a failure, then dispatches attempt 2", () => {
    const failed = job({
      id: "rot_f1",
      status: "failed",
      triggeredAt: ago(2 * HOUR_MS),
      completedAt: ago(30 * 60_000),
    });
    expect(decideDispatch(due, policy, [failed], NOW)).toEqual({
      kind: "wait",
      until: new Date(NOW.getTime() + 30 * 60_000),
      attempt: 2,
    });
    expect(decideDispatch(due, policy, [failed], new Date(NOW.getTime() + 30 * 60_000))).toEqual({
      kind: "dispatch",
      attempt: 2,
    });
  });

  it("doubles the backoff per failure and gives up at max-attempts", () => {
    const f1 = job({
      id: "rot_f1",
      status: "failed",
      triggeredAt: ago(10 * HOUR_MS),
      completedAt: ago(9 * HOUR_MS),
    });
    const f2 = job({
      id: "rot_f2",
      status: "failed",
      triggeredAt: ago(3 * HOUR_MS),
      completedAt: ago(HOUR_MS + 1),
    });
    expect(decideDispatch(due, policy, [f1, f2], NOW)).toMatchObject({ kind: "wait", attempt: 3 });
    expect(decideDispatch(due, policy, [f1, f2], ahead(HOUR_MS))).toEqual({ kind: "dispatch", attempt: 3 });
    const f3 = job({ id: "rot_f3", status: "failed", triggeredAt: ago(HOUR_MS), completedAt: ago(HOUR_MS) });
    expect(decideDispatch(due, policy, [f1, f2, f3], ahead(DAY_MS))).toMatchObject({ kind: "give-up" });
  });

  it("with alert, a failure is never dispatched again", () => {
    const failed = job({ id: "rot_f1", status: "failed", completedAt: ago(DAY_MS) });
    expect(decideDispatch(due, { ...policy, failureStrategy: "alert" }, [failed], NOW)).toMatchObject({
      kind: "give-up",
      reason: "rotation job rot_f1 failed and failure-strategy is alert",
    });
  });

  it("counts failures only since the last rotation or completed job", () => {
    const old = job({
      id: "rot_old",
      status: "failed",
      triggeredAt: ago(100 * DAY_MS),
      completedAt: ago(100 * DAY_MS),
    });
    expect(decideDispatch(due, { ...policy, failureStrategy: "alert" }, [old], NOW)).toEqual({
      kind: "dispatch",
      attempt: 1,
    });
  });
});

describe("reconcileJob", () => {
  const queued = job({ id: "rot_q", status: "queued", triggeredAt: ago(HOUR_MS) });

  it("completes when the secret shows a rotation after the dispatch, or the run succeeded", () => {
    expect(reconcileJob(queued, { lastRotatedAt: ago(60_000) }, NOW, DAY_MS)).toEqual({
      status: "completed",
    });
    expect(
      reconcileJob(queued, { run: { status: "completed", conclusion: "success" } }, NOW, DAY_MS),
    ).toEqual({
      status: "completed",
    });
  });

  it("fails when the run concluded otherwise or nothing happened in time", () => {
    expect(
      reconcileJob(queued, { run: { status: "completed", conclusion: "failure" } }, NOW, DAY_MS),
    ).toEqual({
      status: "failed",
      errorMsg: "rotation workflow run concluded failure",
    });
    expect(reconcileJob(queued, { lastRotatedAt: ago(DAY_MS) }, NOW, 30 * 60_000)).toEqual({
      status: "failed",
      errorMsg: "no rotation seen within 0.5h of the dispatch",
    });
  });

  it("moves to running while the run is in progress, and leaves final jobs alone", () => {
    expect(reconcileJob(queued, { run: { status: "in_progress", conclusion: null } }, NOW, DAY_MS)).toEqual({
      status: "running",
    });
    expect(reconcileJob(queued, {}, NOW, DAY_MS)).toBeUndefined();
    expect(
      reconcileJob({ ...queued, status: "failed" }, { lastRotatedAt: NOW }, NOW, DAY_MS),
    ).toBeUndefined();
  });
});

describe("summary", () => {
  it("renders a row per secret with markers, the over-cadence mark and the dispatches", () => {
    const secrets = [
      evaluateSecret(subject(), { lastRotatedAt: ago(97 * DAY_MS) }, NOW),
      evaluateSecret({ ...subject(), name: "CF|TOKEN", vendor: "cloudflare" }, { expiresAt: ago(1000) }, NOW),
      evaluateSecret(
        { ...subject(), name: "GH" },
        { error: "GitHub answered 403 for GET /repos/a/b/actions/secrets" },
        NOW,
      ),
    ];
    const md = renderRotationSummary({
      fetched_at: NOW.toISOString(),
      counts: countStatuses(secrets),
      secrets,
      dispatches: [
        {
          secret: "CF|TOKEN",
          outcome: "dispatched",
          job_id: "rot_abc",
          attempt: 1,
          run_url: "https://x/run/1",
        },
      ],
    });
    expect(md).toContain(
      "| heroku | `HEROKU_API_KEY` | 🟠 stale | 2026-02-02 | **97** 🔺 | never / unknown | 90d | api-prod |",
    );
    expect(md).toContain("| cloudflare | `CF\\|TOKEN` | 🔴 expired |");
    expect(md).toContain("| `CF\\|TOKEN` | dispatched | `rot_abc` (attempt 1) | [run](https://x/run/1) |");
    expect(md).toContain("- `GH`: GitHub answered 403");
    expect(md).toContain("3 secret(s) at 2026-05-10T12:00:00.000Z: 1 stale, 1 expired, 1 unknown");
  });

  it("rotated_by is automated only when a completed job precedes the rotation", () => {
    const done = job({ id: "rot_d", status: "completed", triggeredAt: ago(2 * DAY_MS) });
    expect(rotatedByFromJobs(ago(DAY_MS), [done])).toBe("automated");
    expect(rotatedByFromJobs(ago(3 * DAY_MS), [done])).toBeUndefined();
    expect(rotatedByFromJobs(undefined, [done])).toBeUndefined();
  });
});

describe("decideSecretTransitions", () => {
  const meta = (name: string, status: SecretStatus) => ({
    ...evaluateSecret({ ...subject(), name }, { lastRotatedAt: ago(DAY_MS) }, NOW),
    status,
  });
  const mem = (name: string, status: SecretStatus, issue: number | null): [string, SecretMemory] => [
    name,
    { name, status, since: ago(DAY_MS).toISOString(), issue },
  ];

  it("opens an issue for a secret that needs action, comments on a change, closes when healthy", () => {
    const t = decideSecretTransitions(
      [
        meta("NEW_STALE", "stale"),
        meta("WORSE", "expired"),
        meta("BETTER", "healthy"),
        meta("SAME", "expiring_soon"),
      ],
      new Map([
        mem("WORSE", "expiring_soon", 7),
        mem("BETTER", "expired", 8),
        mem("SAME", "expiring_soon", 9),
      ]),
      NOW,
    );
    expect(t.open.map((m) => m.name)).toEqual(["NEW_STALE"]);
    expect(t.update.map((u) => [u.meta.name, u.issue, u.from])).toEqual([["WORSE", 7, "expiring_soon"]]);
    expect(t.close.map((c) => [c.meta.name, c.issue])).toEqual([["BETTER", 8]]);
    expect(t.changes.map((c) => `${c.name}:${c.from}->${c.to}`)).toEqual([
      "NEW_STALE:null->stale",
      "WORSE:expiring_soon->expired",
      "BETTER:expired->healthy",
    ]);
    expect(t.next.find((m) => m.name === "SAME")).toEqual({
      name: "SAME",
      status: "expiring_soon",
      since: ago(DAY_MS).toISOString(),
      issue: 9,
    });
    expect(t.next.find((m) => m.name === "BETTER")?.issue).toBeNull();
  });

  it("holds the last status through unknown, and a healthy first sight is no change", () => {
    const t = decideSecretTransitions(
      [meta("BLIND", "unknown"), meta("FRESH", "healthy"), meta("NEVER_SEEN", "unknown")],
      new Map([mem("BLIND", "stale", 3)]),
      NOW,
    );
    expect(t.changes.map((c) => c.name)).toEqual(["NEVER_SEEN"]);
    expect(t.next.find((m) => m.name === "BLIND")).toMatchObject({ status: "stale", issue: 3 });
    expect(t.open).toEqual([]);
    expect(renderSecretSlack(t.changes, "https://run")).toBe(
      ":white_circle: *NEVER_SEEN* (heroku) new → *unknown*: rotated 1d ago; affects api-prod\n<https://run|rotation sweep run>",
    );
    expect(renderSecretSlack([])).toBeUndefined();
  });
});
