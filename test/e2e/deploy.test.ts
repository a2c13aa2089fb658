import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { environmentState, fakeEnvironment } from "../../src/sandbox/github-api.js";
import { expectNoCanary } from "../support/canary.js";
import { type DeployWorld, startDeployWorld } from "../support/deploy-world.js";
import { type ActionResult, runAction } from "../support/run-action.js";

/**
 * The root action (dist/deploy) as the runner runs it, against the loopback Heroku, GitHub, Slack, health
 * endpoints and a real Postgres: the whole gated deploy of seed 002 §5 in one step.
 */
describe("root action: the gated deploy (dist bundle under Node 24)", () => {
  let w: DeployWorld;
  const runs: ActionResult[] = [];
  let nextRun = 7000;

  const deploy = async (
    app: string,
    sha: string,
    opts: {
      inputs?: Record<string, string>;
      env?: Record<string, string>;
      eventName?: string;
      approve?: boolean;
      runId?: number;
    } = {},
  ) => {
    const runId = opts.runId ?? ++nextRun;
    if (opts.approve !== false) w.approve(runId);
    const r = await runAction("root", {
      inputs: {
        app,
        "heroku-api-key": w.herokuKey,
        "database-url": w.databaseUrl,
        ref: sha,
        "github-token": w.githubToken,
        "slack-token": w.slack.token,
        "slack-channel": "C0DEPLOYS",
        "health-attempts": "2",
        "health-interval": "200ms",
        "health-timeout": "2s",
        ...opts.inputs,
      },
      env: { ...w.env, GITHUB_RUN_ID: String(runId), ...opts.env },
      eventName: opts.eventName,
      cwd: w.checkout(sha),
      timeoutMs: 120_000,
    });
    runs.push(r);
    return r;
  };

  /** A failed step says why exactly once. */
  const oneError = (r: ActionResult) => {
    expect(r.errors).toHaveLength(1);
    return r.errors[0]!;
  };

  const statusesOf = (sha: string) =>
    w.repo.deployments.filter((d) => d.sha === sha).flatMap((d) => d.statuses.map((s) => s.state));

  beforeAll(async () => {
    w = await startDeployWorld();
  });
  afterAll(async () => {
    const rows = [
      ...(await w.auditRows("shop-happy")),
      ...(await w.auditRows("shop-sick")),
      ...(await w.auditRows("shop-nodb")),
      ...(await w.auditRows("shop-busy")),
    ];
    const comments = [...w.repo.issueComments, ...w.repo.commitComments].map((c) => c.body);
    const statuses = w.repo.deployments.flatMap((d) => d.statuses);
    expectNoCanary(w.secrets(), {
      ...Object.fromEntries(runs.map((r, i) => [`run${i}`, r])),
      rows,
      comments,
      statuses,
      slack: w.slack.messages,
    });
    for (const r of runs) expect(r.masks).toEqual(expect.arrayContaining([w.herokuKey, w.githubToken]));
    await w.stop();
  });

  it("happy path: approved, audited before the push, pushed, healthy, audited, announced, commented", async () => {
    await w.app("shop-happy", w.shas[5]);
    const r = await deploy("shop-happy", w.shas[9]!);
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({
      outcome: "success",
      "from-sha": w.shas[5],
      "to-sha": w.shas[9],
      "release-version": "3",
      healthy: "true",
      "approved-by": "alice",
      "app-url": `${w.health.url}/shop-happy/`,
    });
    expect(w.hk.api.liveCommitOf("shop-happy")).toBe(w.shas[9]);

    const rows = await w.auditRows("shop-happy");
    expect(rows.map((x) => [x.action, x.context.phase, x.outcome])).toEqual([
      ["deploy.production", "started", null],
      ["deploy.production", "completed", "success"],
    ]);
    expect(rows[0]!.context).toMatchObject({
      actor: "octocat",
      approved_by: "alice",
      from_sha: w.shas[5],
      to_sha: w.shas[9],
      target_app: "shop-happy",
      trigger: "ci",
      environment: "production",
      run_url: `https://github.com/acme/shop/actions/runs/${nextRun}/attempts/1`,
    });
    expect(r.outputs["audit-started-id"]).toBe(rows[0]!.id);
    expect(r.outputs["audit-id"]).toBe(rows[1]!.id);
    expect(rows[1]!.context.details).toMatchObject({ release: "v3", health: { healthy: true, attempts: 1 } });

    const slack = w.slack.messagesIn("C0DEPLOYS").filter((m) => m.text.includes("shop-happy"));
    expect(slack).toHaveLength(1);
    expect(slack[0]!.history.map((h) => h.text)).toEqual([
      expect.stringMatching(/Deploying shop-happy/),
      expect.stringMatching(/Deployed shop-happy/),
    ]);
    expect(r.outputs["slack-ts"]).toBe(slack[0]!.ts);

    expect(statusesOf(w.shas[9]!)).toEqual(["in_progress", "success"]);
    const success = w.repo.deployments.find((d) => d.sha === w.shas[9])!.statuses.at(-1)!;
    expect(success.environmentUrl).toBe(`${w.health.url}/shop-happy/`);

    const comments = w.repo.commitComments.filter((c) => c.commit === w.shas[9]);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toMatch(
      /^<!-- prodgate:sticky shop-happy@production -->\n### ✅ Deployed: `shop-happy`/,
    );
    expect(comments[0]!.body).toContain("### Commits that ship (4)");

    expect(r.summary).toContain("## ✅ Deployed: shop-happy (production)");
    expect(r.summary).toContain("```mermaid\nstateDiagram-v2");
    expect(r.summary).toContain("healthy --> audited: taken");
    expect(r.summary).toContain("prodgate rollback --app shop-happy");
    expect(r.summary).toContain("heroku releases:rollback --app shop-happy");
    expect(r.summary).toContain(`started #${rows[0]!.id}, outcome #${rows[1]!.id}`);
  });

  it("health failure: rolled back automatically to the previous release, both rows written, step failed", async () => {
    await w.app("shop-sick", w.shas[6]);
    w.healthStatus.set("shop-sick", 503);
    const r = await deploy("shop-sick", w.shas[10]!);
    expect(r.code).toBe(1);
    expect(oneError(r)).toMatch(
      /^rolled_back: http:\/\/127\.0\.0\.1:\d+\/shop-sick\/health is unhealthy after 2 attempt\(s\): status 503, expected 200; shop-sick was rolled back to v2$/,
    );
    expect(r.outputs).toMatchObject({ outcome: "rolled_back", "rolled-back-to": "2", healthy: "false" });
    expect(w.hk.api.liveCommitOf("shop-sick")).toBe(w.shas[6]);
    expect(w.hk.api.currentOf("shop-sick")!.description).toMatch(/^Rollback to v2/);

    const rows = await w.auditRows("shop-sick");
    expect(rows.map((x) => [x.action, x.context.phase, x.outcome])).toEqual([
      ["deploy.production", "started", null],
      ["deploy.production", "completed", "health_check_failed"],
      ["rollback.production", "completed", "rolled_back"],
    ]);
    expect(rows[2]!.context).toMatchObject({ from_sha: w.shas[10], to_sha: w.shas[6] });
    expect(rows[2]!.context.details).toMatchObject({ rolled_back_to: "v2", automatic: true });

    const msg = w.slack.messagesIn("C0DEPLOYS").find((m) => m.text.includes("shop-sick"))!;
    expect(msg.history.map((h) => h.text)).toEqual([
      expect.stringMatching(/Deploying shop-sick/),
      expect.stringMatching(/Rolled back shop-sick/),
    ]);
    expect(statusesOf(w.shas[10]!)).toEqual(["in_progress", "failure"]);
    expect(r.summary).toContain("health_failed --> rolling_back: taken");
    expect(r.summary).toContain("| Rolled back to | v2 |");
    w.healthStatus.delete("shop-sick");
  });

  it("database down before the push: refused, nothing pushed, nothing written", async () => {
    await w.app("shop-nodb", w.shas[4]);
    const releases = w.hk.api.releasesOf("shop-nodb").length;
    const pushes = w.hk.gitServer.requests.length;
    const down = new URL(w.databaseUrl);
    down.port = "9";
    const r = await deploy("shop-nodb", w.shas[9]!, { inputs: { "database-url": down.toString() } });
    expect(r.code).toBe(1);
    expect(oneError(r)).toMatch(/^rejected: audit database unreachable: deploy refused \(.*connect/);
    expect(r.outputs).toMatchObject({ outcome: "rejected", "audit-id": "", "audit-started-id": "" });
    expect(w.hk.api.releasesOf("shop-nodb")).toHaveLength(releases);
    expect(w.hk.gitServer.requests.slice(pushes).filter((q) => q.method === "POST")).toEqual([]);
    expect(w.hk.api.liveCommitOf("shop-nodb")).toBe(w.shas[4]);
    expect(await w.auditRows("shop-nodb")).toEqual([]);
    expect(r.summary).toContain("gate_checks --> refused: taken");
    const msg = w.slack.messagesIn("C0DEPLOYS").find((m) => m.text.includes("shop-nodb"))!;
    expect(msg.text).toMatch(/rejected/);
  });

  it("production from a push event: refused naming the event, nothing pushed, a rejected row", async () => {
    await w.app("shop-push", w.shas[4]);
    const r = await deploy("shop-push", w.shas[9]!, { eventName: "push" });
    expect(r.code).toBe(1);
    expect(oneError(r)).toContain("the run was triggered by 'push'");
    expect(w.hk.api.liveCommitOf("shop-push")).toBe(w.shas[4]);
    expect(w.hk.api.releasesOf("shop-push")).toHaveLength(2);
    const rows = await w.auditRows("shop-push");
    expect(rows.map((x) => [x.context.phase, x.outcome])).toEqual([["completed", "rejected"]]);
    expect(rows[0]!.context.details).toMatchObject({ refused: expect.stringContaining("'push'") });
  });

  it("an environment without required reviewers: refused naming what is missing, nothing pushed", async () => {
    await w.app("shop-open", w.shas[4]);
    fakeEnvironment(w.repo, "prod-eu", { branches: ["main"] });
    const r = await deploy("shop-open", w.shas[9]!, {
      inputs: { environment: "prod-eu", "production-environments": "production,prod-eu" },
      approve: false,
    });
    expect(r.code).toBe(1);
    expect(oneError(r)).toContain(
      "environment 'prod-eu' of acme/shop has no required reviewers, so nobody would approve this deploy. Add required reviewers",
    );
    expect(oneError(r)).toContain(
      "prodgate env setup --repo acme/shop --environment prod-eu --reviewers LOGIN",
    );
    expect(w.hk.api.liveCommitOf("shop-open")).toBe(w.shas[4]);
    expect((await w.auditRows("shop-open")).map((x) => x.outcome)).toEqual(["rejected"]);
  });

  it("reviewers set but nobody approved this run (a bypass): refused, nothing pushed", async () => {
    await w.app("shop-bypass", w.shas[4]);
    w.repo.run({ id: 7999, workflow: "deploy.yml", headSha: w.shas[9]! });
    const r = await deploy("shop-bypass", w.shas[9]!, { approve: false, runId: 7999 });
    expect(r.code).toBe(1);
    expect(oneError(r)).toContain(
      "no reviewer approved attempt 1 of run 7999 of acme/shop for environment 'production'",
    );
    expect(w.hk.api.liveCommitOf("shop-bypass")).toBe(w.shas[4]);
    expect(environmentState(w.repo).approvals.some((a) => a.runId === 7999)).toBe(false);
  });

  it("two dispatches for one app at once: the second waits for the first's lock", async () => {
    await w.app("shop-busy", w.shas[4]);
    w.health.fault("GET", "/shop-busy/health", { kind: "delay", ms: 1500 }, 1);
    const [a, b] = await Promise.all([deploy("shop-busy", w.shas[8]!), deploy("shop-busy", w.shas[8]!)]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const rows = await w.auditRows("shop-busy");
    expect(rows.map((x) => x.context.phase)).toEqual(["started", "completed", "started", "completed"]);
    // Never interleaved: the second started row comes after the first outcome row, same run for each pair.
    expect(rows[0]!.context.run_id).toBe(rows[1]!.context.run_id);
    expect(rows[2]!.context.run_id).toBe(rows[3]!.context.run_id);
    expect(rows[0]!.context.run_id).not.toBe(rows[2]!.context.run_id);
    expect(rows[2]!.createdAt.getTime()).toBeGreaterThanOrEqual(rows[1]!.createdAt.getTime());
    expect([a.outputs.outcome, b.outputs.outcome]).toEqual(["success", "success"]);
    expect(w.hk.api.releasesOf("shop-busy")).toHaveLength(3);
  });

  it("Slack down: the deploy still succeeds, with a warning", async () => {
    await w.app("shop-quiet", w.shas[4]);
    w.slack.server.fault("POST", "/api/*", { kind: "status", status: 503, body: "down" });
    try {
      const r = await deploy("shop-quiet", w.shas[9]!);
      expect(r.code).toBe(0);
      expect(r.outputs).toMatchObject({ outcome: "success", "slack-ts": "" });
      expect(r.warnings.some((x) => /Slack/.test(x) && /the deploy goes on/.test(x))).toBe(true);
      expect((await w.auditRows("shop-quiet")).map((x) => x.outcome)).toEqual([null, "success"]);
    } finally {
      w.slack.reset();
    }
  });
});
