import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Clock, silentReporter } from "../../src/core/ports.js";
import { DAY_MS, HOUR_MS } from "../../src/core/rotation.js";
import { type Inventory, parseInventory } from "../../src/core/secret-inventory.js";
import { recordJobOutcome } from "../../src/pipelines/rotation-dispatch.js";
import { runRotationSweep } from "../../src/pipelines/rotation-sweep.js";
import {
  type OpenedPorts,
  openRotationPorts,
  parseRotationInputs,
  type RotationInputs,
} from "../../src/pipelines/rotation-sweep-setup.js";
import { actionsState, type FakeRepo, GitHubApiFake } from "../../src/sandbox/github-api.js";
import { SlackFake } from "../../src/sandbox/slack-api.js";
import { connect } from "../../src/store/db.js";
import { canary, expectNoCanary } from "../support/canary.js";
import { freshDatabase } from "../support/db.js";

const T0 = new Date("2026-05-10T06:00:00Z");
const iso = (ms: number) => new Date(T0.getTime() + ms).toISOString();

/** A clock the test moves; sleeps return at once. */
function testClock(start: Date): Clock & { set(d: Date): void } {
  let now = start;
  return { now: () => now, sleep: async () => {}, set: (d) => (now = d) };
}

function inventory(secrets: string): Inventory {
  return parseInventory(`secrets:\n${secrets}`, "secrets.yml");
}

describe("rotation sweep: dispatch, jobs, audit and alerts against real Postgres and loopback fakes", () => {
  const githubToken = canary("github-token");
  const github = new GitHubApiFake({ token: githubToken });
  const slack = new SlackFake();
  let db: { url: string; drop(): Promise<void> };
  let repo: FakeRepo;
  const opened: OpenedPorts[] = [];

  beforeAll(async () => {
    await Promise.all([github.start(), slack.start()]);
    db = await freshDatabase("rotsweep");
    repo = github.repo("acme/shop");
    repo.chain(1, { author: "alice" });
    actionsState(repo).workflows.set("rotate.yml", ["secret_name", "job_id"]);
  });
  afterAll(async () => {
    for (const o of opened) await o.close();
    await db?.drop();
    await Promise.all([github.stop(), slack.stop()]);
  });

  const env: NodeJS.ProcessEnv = {
    GITHUB_REPOSITORY: "acme/shop",
    GITHUB_RUN_ID: "777",
    GITHUB_RUN_ATTEMPT: "1",
    GITHUB_ACTOR: "octocat",
    GITHUB_REF_NAME: "main",
  };

  async function sweeper(clock: Clock, extra: Record<string, string> = {}) {
    const values: Record<string, string> = {
      inventory: "secrets.yml",
      "database-url": db.url,
      dispatch: "true",
      ...extra,
    };
    const inputs: RotationInputs = parseRotationInputs((n) => values[n] ?? "", {
      ...env,
      GITHUB_API_URL: github.url,
    });
    const o = await openRotationPorts(
      {
        githubToken,
        cloudflareTokens: new Map(),
        slackToken: slack.token,
        slackChannel: "C0DEPLOYS",
      },
      inputs,
      { reporter: silentReporter, env: { GITHUB_API_URL: github.url, SLACK_API_URL: slack.apiUrl } },
    );
    opened.push(o);
    o.ports.clock = clock;
    return { ports: o.ports, settings: inputs.settings, jobs: o.jobs!, audit: o.audit! };
  }

  async function rows(sql: string, params: unknown[] = []) {
    const c = await connect(db.url);
    try {
      return (await c.query(sql, params)).rows;
    } finally {
      await c.end();
    }
  }

  const dispatchesOf = (name: string) =>
    actionsState(repo).dispatches.filter((d) => d.inputs.secret_name === name);
  const triggered = (name: string) =>
    rows("SELECT * FROM console_audit_log WHERE action = 'secret.rotate.triggered' AND target = $1", [name]);

  it("dispatches a secret inside its window once: one job, one dispatch, one audit row, then rotating", async () => {
    const inv = inventory(
      [
        `  - { name: DUE, vendor: heroku, source: static, last-rotated-at: "${iso(-80 * DAY_MS)}", expires-at: "${iso(5 * DAY_MS)}", policy: { rotation-workflow: rotate.yml } }`,
        `  - { name: FINE, vendor: heroku, source: static, last-rotated-at: "${iso(-DAY_MS)}", expires-at: "${iso(100 * DAY_MS)}", policy: { rotation-workflow: rotate.yml } }`,
        `  - { name: NO_WORKFLOW, vendor: smtp, source: static, expires-at: "${iso(3 * DAY_MS)}" }`,
      ].join("\n"),
    );
    const clock = testClock(T0);
    const s = await sweeper(clock);
    const first = await runRotationSweep(inv, s.settings, s.ports);
    const due = first.report.secrets.find((x) => x.name === "DUE")!;
    expect(due.status).toBe("rotating");
    expect(first.report.secrets.find((x) => x.name === "FINE")?.status).toBe("healthy");
    expect(first.report.secrets.find((x) => x.name === "NO_WORKFLOW")?.status).toBe("expiring_soon");
    expect(first.report.dispatches).toEqual([
      expect.objectContaining({
        secret: "DUE",
        outcome: "dispatched",
        attempt: 1,
        workflow: "rotate.yml",
        repository: "acme/shop",
      }),
    ]);
    const jobId = first.report.dispatches[0]!.job_id!;
    expect(dispatchesOf("DUE")).toEqual([
      expect.objectContaining({
        workflow: "rotate.yml",
        ref: "main",
        inputs: { secret_name: "DUE", job_id: jobId },
      }),
    ]);
    const jobs = await rows("SELECT * FROM console_rotation_jobs WHERE secret_name = 'DUE'");
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ id: jobId, status: "queued", triggered_by: "octocat" });
    expect(jobs[0].steps_json).toMatchObject({
      workflow: "rotate.yml",
      repository: "acme/shop",
      run_id: expect.any(Number),
    });
    const audit = await triggered("DUE");
    expect(audit).toHaveLength(1);
    expect(audit[0].context).toMatchObject({ details: { secret_name: "DUE", job_id: jobId } });
    expect(first.summary).toContain("| `DUE` | dispatched |");

    clock.set(new Date(T0.getTime() + HOUR_MS));
    const second = await runRotationSweep(inv, s.settings, s.ports);
    expect(second.report.secrets.find((x) => x.name === "DUE")).toMatchObject({
      status: "rotating",
      job: { id: jobId },
    });
    expect(second.report.dispatches).toEqual([]);
    expect(dispatchesOf("DUE")).toHaveLength(1);
    expect(await triggered("DUE")).toHaveLength(1);
  });

  it("two concurrent sweeps still make one job, one dispatch, one audit row and one issue", async () => {
    const inv = inventory(
      [
        `  - { name: RACE, vendor: heroku, source: static, expires-at: "${iso(2 * DAY_MS)}", policy: { rotation-workflow: rotate.yml } }`,
        `  - { name: RACE_ALERT, vendor: smtp, source: static, expires-at: "${iso(2 * DAY_MS)}" }`,
      ].join("\n"),
    );
    const a = await sweeper(testClock(T0));
    const b = await sweeper(testClock(T0));
    const results = await Promise.all([
      runRotationSweep(inv, { ...a.settings, runId: "801" }, a.ports),
      runRotationSweep(inv, { ...b.settings, runId: "802" }, b.ports),
    ]);
    const outcomes = results.flatMap((r) => r.report.dispatches.map((d) => d.outcome)).sort();
    expect(outcomes.filter((o) => o === "dispatched")).toHaveLength(1);
    expect(dispatchesOf("RACE")).toHaveLength(1);
    expect(await rows("SELECT id FROM console_rotation_jobs WHERE secret_name = 'RACE'")).toHaveLength(1);
    expect(await triggered("RACE")).toHaveLength(1);
    for (const r of results) expect(r.report.secrets.find((x) => x.name === "RACE")?.status).toBe("rotating");
    const issues = repo.issues.filter((i) => i.body.includes("name=RACE_ALERT "));
    expect(issues).toHaveLength(1);
  });

  it("a failed job with failure-strategy retry is dispatched again once, after its backoff", async () => {
    const inv = inventory(
      `  - { name: FLAKY, vendor: heroku, source: static, expires-at: "${iso(4 * DAY_MS)}", policy: { rotation-workflow: rotate.yml, retry-backoff: 2h } }`,
    );
    const clock = testClock(T0);
    const s = await sweeper(clock);
    const first = await runRotationSweep(inv, s.settings, s.ports);
    expect(first.report.dispatches[0]?.outcome).toBe("dispatched");
    const run = repo.runs.find((r) => r.id === dispatchesOf("FLAKY")[0]?.runId)!;
    run.status = "completed";
    run.conclusion = "failure";

    clock.set(new Date(T0.getTime() + HOUR_MS));
    const failed = await runRotationSweep(inv, s.settings, s.ports);
    expect(failed.report.secrets[0]?.status).toBe("expiring_soon");
    expect(failed.report.dispatches).toEqual([
      expect.objectContaining({
        secret: "FLAKY",
        outcome: "waiting",
        attempt: 2,
        detail: `retry after ${iso(3 * HOUR_MS)}`,
      }),
    ]);
    const job = (await rows("SELECT * FROM console_rotation_jobs WHERE secret_name = 'FLAKY'"))[0];
    expect(job).toMatchObject({ status: "failed", error_msg: "rotation workflow run concluded failure" });

    clock.set(new Date(T0.getTime() + 2 * HOUR_MS));
    expect((await runRotationSweep(inv, s.settings, s.ports)).report.dispatches[0]?.outcome).toBe("waiting");
    expect(dispatchesOf("FLAKY")).toHaveLength(1);

    clock.set(new Date(T0.getTime() + 3 * HOUR_MS));
    const retried = await runRotationSweep(inv, s.settings, s.ports);
    expect(retried.report.dispatches).toEqual([
      expect.objectContaining({ outcome: "dispatched", attempt: 2 }),
    ]);
    expect(dispatchesOf("FLAKY")).toHaveLength(2);
    expect(await triggered("FLAKY")).toHaveLength(2);

    clock.set(new Date(T0.getTime() + 4 * HOUR_MS));
    await runRotationSweep(inv, s.settings, s.ports);
    expect(dispatchesOf("FLAKY")).toHaveLength(2);
  });

  it("with failure-strategy alert a failed rotation is reported, never dispatched again", async () => {
    const inv = inventory(
      `  - { name: ALERT_ONLY, vendor: heroku, source: static, expires-at: "${iso(4 * DAY_MS)}", policy: { rotation-workflow: rotate.yml, failure-strategy: alert } }`,
    );
    const clock = testClock(T0);
    const s = await sweeper(clock);
    const first = await runRotationSweep(inv, s.settings, s.ports);
    await recordJobOutcome(
      first.report.dispatches[0]!.job_id!,
      { status: "failed", error: "vendor said no" },
      s.settings,
      {
        jobs: s.jobs,
        audit: s.audit,
        clock,
      },
    );
    clock.set(new Date(T0.getTime() + 2 * DAY_MS));
    const later = await runRotationSweep(inv, s.settings, s.ports);
    expect(later.report.dispatches).toEqual([expect.objectContaining({ outcome: "gave-up" })]);
    expect(later.report.dispatches[0]?.detail).toMatch(/failed and failure-strategy is alert/);
    expect(dispatchesOf("ALERT_ONLY")).toHaveLength(1);
  });

  it("completes a job when its run succeeds or the secret shows a rotation, with a completed audit row", async () => {
    const inv = (rotated: string) =>
      inventory(
        `  - { name: DONE, vendor: heroku, source: static, last-rotated-at: "${rotated}", expires-at: "${iso(3 * DAY_MS)}", policy: { rotation-workflow: rotate.yml } }`,
      );
    const clock = testClock(T0);
    const s = await sweeper(clock);
    const first = await runRotationSweep(inv(iso(-88 * DAY_MS)), s.settings, s.ports);
    const jobId = first.report.dispatches[0]!.job_id!;
    const run = repo.runs.find((r) => r.id === dispatchesOf("DONE")[0]?.runId)!;
    run.status = "in_progress";
    clock.set(new Date(T0.getTime() + 10 * 60_000));
    await runRotationSweep(inv(iso(-88 * DAY_MS)), s.settings, s.ports);
    expect((await rows("SELECT status FROM console_rotation_jobs WHERE id = $1", [jobId]))[0].status).toBe(
      "running",
    );

    // The rotation wrote a new expiry (here: the inventory's dates move on) after the dispatch.
    const rotated = inventory(
      `  - { name: DONE, vendor: heroku, source: static, last-rotated-at: "${iso(20 * 60_000)}", expires-at: "${iso(90 * DAY_MS)}", policy: { rotation-workflow: rotate.yml } }`,
    );
    clock.set(new Date(T0.getTime() + HOUR_MS));
    const after = await runRotationSweep(rotated, s.settings, s.ports);
    expect(after.report.secrets[0]).toMatchObject({ status: "healthy", rotated_by: "automated", job: null });
    expect(
      (await rows("SELECT status, completed_at FROM console_rotation_jobs WHERE id = $1", [jobId]))[0],
    ).toMatchObject({
      status: "completed",
      completed_at: new Date(T0.getTime() + HOUR_MS),
    });
    const completed = await rows(
      "SELECT * FROM console_audit_log WHERE action = 'secret.rotate.completed' AND target = 'DONE'",
    );
    expect(completed).toHaveLength(1);
    expect(completed[0]).toMatchObject({
      outcome: "success",
      idempotency_key: `secret.rotate:${jobId}:completed`,
    });
  });

  it("keeps one issue per secret that needs action: opened once, commented on change, closed when healthy; Slack on change", async () => {
    const inv = (expires: string) =>
      inventory(
        `  - { name: WATCHED, vendor: smtp, source: static, last-rotated-at: "${iso(-10 * DAY_MS)}", expires-at: "${expires}" }`,
      );
    const clock = testClock(T0);
    const s = await sweeper(clock, { dispatch: "false" });
    const slackBefore = slack.messages.length;
    const issuesOf = () => repo.issues.filter((i) => i.body.includes("name=WATCHED "));

    const opened1 = await runRotationSweep(inv(iso(6 * DAY_MS)), s.settings, s.ports);
    expect(opened1.issues).toEqual([expect.objectContaining({ secret: "WATCHED", action: "opened" })]);
    expect(issuesOf()).toHaveLength(1);
    const issue = issuesOf()[0]!;
    expect(issue).toMatchObject({
      state: "open",
      labels: ["prodgate:secret"],
      title: "Secret WATCHED (smtp) is expiring soon",
    });
    expect(slack.messages.slice(slackBefore).map((m) => m.text)).toEqual([
      expect.stringMatching(
        /^:large_yellow_circle: \*WATCHED\* \(smtp\) new → \*expiring_soon\*: expires 2026-05-16/,
      ),
    ]);

    clock.set(new Date(T0.getTime() + DAY_MS));
    const same = await runRotationSweep(inv(iso(6 * DAY_MS)), s.settings, s.ports);
    expect(same.changes).toEqual([]);
    expect(same.issues).toEqual([]);
    expect(slack.messages.length - slackBefore).toBe(1);

    clock.set(new Date(T0.getTime() + 7 * DAY_MS));
    const expired = await runRotationSweep(inv(iso(6 * DAY_MS)), s.settings, s.ports);
    expect(expired.issues).toEqual([expect.objectContaining({ issue: issue.number, action: "commented" })]);
    expect(issuesOf()).toHaveLength(1);
    expect(repo.issueComments.filter((c) => c.issue === issue.number).at(-1)?.body).toMatch(
      /^`WATCHED` is now \*\*expired\*\* \(was expiring soon\)/,
    );

    clock.set(new Date(T0.getTime() + 8 * DAY_MS));
    const healthy = await runRotationSweep(inv(iso(200 * DAY_MS)), s.settings, s.ports);
    expect(healthy.issues).toEqual([expect.objectContaining({ issue: issue.number, action: "closed" })]);
    expect(issuesOf()[0]?.state).toBe("closed");
    expect(slack.messages.slice(slackBefore).map((m) => m.text.split(":")[1])).toEqual([
      "large_yellow_circle",
      "red_circle",
      "large_green_circle",
    ]);
  });

  it("stores no token anywhere: jobs, audit rows and memory hold names, dates and statuses only", async () => {
    const dump = await rows(
      `SELECT (SELECT json_agg(j) FROM console_rotation_jobs j) AS jobs,
              (SELECT json_agg(a) FROM console_audit_log a) AS audit,
              (SELECT json_agg(m) FROM console_rotation_jobs_secret_state m) AS memory`,
    );
    expect(JSON.stringify(dump).length).toBeGreaterThan(500);
    expectNoCanary([githubToken, slack.token], {
      db: dump,
      issues: repo.issues,
      comments: repo.issueComments,
      slack: slack.messages,
    });
  });
});
