import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CloudflareApiFake } from "../../src/sandbox/cloudflare-api.js";
import { canary, expectNoCanary } from "../support/canary.js";
import { type DeployWorld, startDeployWorld } from "../support/deploy-world.js";
import { type ActionResult, runAction } from "../support/run-action.js";

/**
 * The root action (dist/deploy) with `surface: cloudflare-pages` and `surface: command`: the same gate as for
 * Heroku (approval from GitHub, the target's lock, audit rows before and after, /health, the automatic
 * rollback, Slack, the GitHub deployment) against the loopback Pages API, GitHub, Slack, health endpoints and
 * a real Postgres.
 */
const ACCOUNT = "0123456789abcdef0123456789abcdef";

describe("root action over every surface (dist bundle under Node 24)", () => {
  let w: DeployWorld;
  const cfToken = canary("cf-token");
  const api = new CloudflareApiFake({ apiToken: cfToken });
  const runs: ActionResult[] = [];
  let nextRun = 8100;
  const state = mkdtempSync(join(tmpdir(), "prodgate-surfaces-"));

  const deploy = async (
    app: string,
    sha: string,
    inputs: Record<string, string>,
    opts: { env?: Record<string, string>; cwd?: string } = {},
  ) => {
    const runId = ++nextRun;
    w.approve(runId);
    const r = await runAction("root", {
      inputs: {
        app,
        "database-url": w.databaseUrl,
        ref: sha,
        "github-token": w.githubToken,
        "slack-token": w.slack.token,
        "slack-channel": "C0DEPLOYS",
        "health-url": `${w.health.url}/${app}/health`,
        "health-attempts": "2",
        "health-interval": "200ms",
        "health-timeout": "2s",
        ...inputs,
      },
      env: { ...w.env, CLOUDFLARE_API_URL: api.url, GITHUB_RUN_ID: String(runId), ...opts.env },
      cwd: opts.cwd ?? w.checkout(sha),
      timeoutMs: 120_000,
    });
    runs.push(r);
    return r;
  };
  const rowsOf = async (target: string) =>
    (await w.auditRows(target)).map((x) => [x.action, x.context.phase, x.outcome]);

  beforeAll(async () => {
    w = await startDeployWorld();
    await api.start();
  });
  afterAll(async () => {
    const rows = [
      ...(await w.auditRows("docs")),
      ...(await w.auditRows("infra")),
      ...(await w.auditRows("infra-sick")),
    ];
    expectNoCanary([...w.secrets(), cfToken], {
      ...Object.fromEntries(runs.map((r, i) => [`run${i}`, r])),
      rows,
      slack: w.slack.messages,
      statuses: w.repo.deployments.flatMap((d) => d.statuses),
    });
    await api.stop();
    await w.stop();
    rmSync(state, { recursive: true, force: true });
  });

  describe("surface: cloudflare-pages", () => {
    const site = (sha: string, body: string) => {
      const work = w.checkout(sha);
      mkdirSync(join(work, "public"), { recursive: true });
      writeFileSync(join(work, "public", "index.html"), body);
      writeFileSync(join(work, "public", "app.js"), "console.log('docs')");
      return work;
    };
    const pagesInputs = {
      surface: "cloudflare-pages",
      "cloudflare-api-token": cfToken,
      "cloudflare-account-id": ACCOUNT,
      directory: "public",
    };
    const serving = () => api.canonicalOf(api.projects.get(`${ACCOUNT}/docs`)!);
    let first: string;

    beforeAll(() => {
      api.addProject(ACCOUNT, "docs", { productionBranch: "main" });
      first = api.addDeployment(ACCOUNT, "docs", { commitHash: w.shas[2]!, triggerType: "ad_hoc" }).id;
    });

    it("deploys the directory as the approved SHA, audited before and after, announced", async () => {
      const r = await deploy("docs", w.shas[5]!, pagesInputs, { cwd: site(w.shas[5]!, "<h1>v5</h1>") });
      expect(r.errors).toEqual([]);
      expect(r.code).toBe(0);
      expect(r.masks).toContain(cfToken);
      const now = serving()!;
      expect(now.deployment_trigger.metadata.commit_hash).toBe(w.shas[5]);
      expect(r.outputs).toMatchObject({
        outcome: "success",
        surface: "cloudflare-pages",
        "from-sha": w.shas[2],
        "to-sha": w.shas[5],
        "release-id": now.id,
        release: now.short_id,
        "previous-release-id": first,
        "release-version": "",
        healthy: "true",
        "approved-by": "alice",
        "app-url": "https://docs.pages.dev",
      });
      expect(await rowsOf("docs")).toEqual([
        ["deploy.production", "started", null],
        ["deploy.production", "completed", "success"],
      ]);
      const rows = await w.auditRows("docs");
      expect(rows[0]!.context).toMatchObject({ target_app: "docs", from_sha: w.shas[2], to_sha: w.shas[5] });
      expect(rows[1]!.context.details).toMatchObject({
        surface: "cloudflare-pages",
        deployment_id: now.id,
        uploaded_files: 2,
      });
      expect(r.summary).toContain("## ✅ Deployed: docs (production)");
      expect(r.summary).toContain("prodgate rollback --surface cloudflare-pages --app docs");
      expect(r.summary).toContain("rollback-cloudflare-pages.yml");
      expect(r.summary).not.toContain("heroku releases:rollback");
      const slack = w.slack.messagesIn("C0DEPLOYS").filter((m) => m.text.includes("docs"));
      expect(slack.at(-1)!.history.map((h) => h.text)).toEqual([
        expect.stringMatching(/Deploying docs/),
        expect.stringMatching(/Deployed docs/),
      ]);
    });

    it("re-deploys the same SHA and directory: nothing uploaded, a new deployment, success", async () => {
      const uploads = api.pages.stats.uploadRequests;
      const before = serving()!.id;
      const r = await deploy("docs", w.shas[5]!, pagesInputs, { cwd: site(w.shas[5]!, "<h1>v5</h1>") });
      expect(r.outputs.outcome).toBe("success");
      expect(api.pages.stats.uploadRequests).toBe(uploads);
      expect(r.outputs["previous-release-id"]).toBe(before);
      expect(r.log).toContain("nothing to upload");
    });

    it("a deployment whose stage fails: deploy_failed, production unchanged, outcome row", async () => {
      const before = serving()!.id;
      api.pages.failNextAt = "deploy";
      const r = await deploy("docs", w.shas[6]!, pagesInputs, { cwd: site(w.shas[6]!, "<h1>v6</h1>") });
      api.pages.failNextAt = undefined;
      expect(r.code).toBe(1);
      expect(r.outputs.outcome).toBe("deploy_failed");
      expect(serving()!.id).toBe(before);
      expect((await rowsOf("docs")).at(-1)).toEqual(["deploy.production", "completed", "deploy_failed"]);
    });

    it("a failed /health rolls production back to the previous deployment, both rows written", async () => {
      const before = serving()!;
      w.healthStatus.set("docs", 503);
      const r = await deploy("docs", w.shas[7]!, pagesInputs, { cwd: site(w.shas[7]!, "<h1>v7</h1>") });
      w.healthStatus.delete("docs");
      expect(r.code).toBe(1);
      expect(r.outputs.outcome).toBe("rolled_back");
      expect(r.outputs["rolled-back-to"]).toBe(before.short_id);
      expect(serving()!.id).toBe(before.id);
      expect((await rowsOf("docs")).slice(-3)).toEqual([
        ["deploy.production", "started", null],
        ["deploy.production", "completed", "health_check_failed"],
        ["rollback.production", "completed", "rolled_back"],
      ]);
      const rb = (await w.auditRows("docs")).at(-1)!;
      expect(rb.context).toMatchObject({ from_sha: w.shas[7], to_sha: w.shas[5] });
      expect(rb.context.details).toMatchObject({ automatic: true, deployment_id: before.id });
    });

    it("without the account ID: refused naming the input, nothing contacted", async () => {
      const requests = api.server.requests.length;
      const r = await deploy("docs", w.shas[7]!, { ...pagesInputs, "cloudflare-account-id": "" });
      expect(r.code).toBe(1);
      expect(r.errors[0]).toContain("cloudflare-account-id");
      expect(api.server.requests.length).toBe(requests);
    });
  });

  describe("surface: command", () => {
    const live = join(state, "live");
    const log = join(state, "calls");
    const commands = {
      surface: "command",
      "deploy-command":
        'echo "deploy $PRODGATE_APP $PRODGATE_ENVIRONMENT $PRODGATE_FROM_SHA>$PRODGATE_TO_SHA inputs=$(env | grep -c ^INPUT_ || true)" >> "$CALLS"; ' +
        'echo "token is $LEAK"; [ -z "$FAIL_DEPLOY" ] || exit 3; echo "$PRODGATE_TO_SHA" > "$LIVE"',
      "rollback-command":
        'echo "rollback $PRODGATE_FROM_SHA>$PRODGATE_TO_SHA" >> "$CALLS"; echo "$PRODGATE_TO_SHA" > "$LIVE"',
      "live-version-command": 'cat "$LIVE" 2>/dev/null || true',
    };
    const env = (extra: Record<string, string> = {}) => ({
      env: { LIVE: live, CALLS: log, LEAK: "", ...extra },
    });
    const calls = () => (existsSync(log) ? readFileSync(log, "utf8").trim().split("\n") : []);

    it("no health-url: refused before any command runs, the live-version one included", async () => {
      const r = await deploy("infra", w.shas[3]!, { ...commands, "health-url": "" }, env());
      expect(r.code).toBe(1);
      expect(r.errors[0]).toContain("health-url");
      expect(r.errors[0]).toContain("smoke check");
      expect(calls()).toEqual([]);
      expect(await rowsOf("infra")).toEqual([]);
    });

    it("runs deploy-command in the checkout with PRODGATE_*, verifies by live-version-command, masks output", async () => {
      writeFileSync(live, `${w.shas[3]}\n`);
      const r = await deploy("infra", w.shas[8]!, commands, env({ LEAK: w.githubToken }));
      expect(r.errors).toEqual([]);
      expect(r.outputs).toMatchObject({
        outcome: "success",
        surface: "command",
        "from-sha": w.shas[3],
        "to-sha": w.shas[8],
      });
      expect(calls()).toEqual([`deploy infra production ${w.shas[3]}>${w.shas[8]} inputs=0`]);
      expect(readFileSync(live, "utf8").trim()).toBe(w.shas[8]);
      expect(r.log).toContain("[deploy] token is ***");
      expect(await rowsOf("infra")).toEqual([
        ["deploy.production", "started", null],
        ["deploy.production", "completed", "success"],
      ]);
      expect((await w.auditRows("infra"))[1]!.context.details).toMatchObject({ surface: "command" });
    });

    it("an idempotent re-deploy of the live SHA runs the command again and succeeds", async () => {
      const r = await deploy("infra", w.shas[8]!, commands, env());
      expect(r.outputs.outcome).toBe("success");
      expect(calls().at(-1)).toBe(`deploy infra production ${w.shas[8]}>${w.shas[8]} inputs=0`);
    });

    it("a non-zero deploy-command is deploy_failed; nothing rolled back", async () => {
      const r = await deploy("infra", w.shas[9]!, commands, env({ FAIL_DEPLOY: "1" }));
      expect(r.code).toBe(1);
      expect(r.outputs.outcome).toBe("deploy_failed");
      expect(r.errors[0]).toContain("deploy-command exited with status 3");
      expect(readFileSync(live, "utf8").trim()).toBe(w.shas[8]);
      expect(calls().some((c) => c.startsWith("rollback"))).toBe(false);
      expect((await rowsOf("infra")).at(-1)).toEqual(["deploy.production", "completed", "deploy_failed"]);
    });

    it("a failed /health runs rollback-command (automatic for production) with the SHAs swapped", async () => {
      writeFileSync(live, `${w.shas[4]}\n`);
      w.healthStatus.set("infra-sick", 503);
      const r = await deploy("infra-sick", w.shas[10]!, commands, env());
      expect(r.outputs.outcome).toBe("rolled_back");
      expect(r.outputs["rolled-back-to"]).toBe(w.shas[4]!.slice(0, 7));
      expect(calls().slice(-2)).toEqual([
        `deploy infra-sick production ${w.shas[4]}>${w.shas[10]} inputs=0`,
        `rollback ${w.shas[10]}>${w.shas[4]}`,
      ]);
      expect(readFileSync(live, "utf8").trim()).toBe(w.shas[4]);
      expect(await rowsOf("infra-sick")).toEqual([
        ["deploy.production", "started", null],
        ["deploy.production", "completed", "health_check_failed"],
        ["rollback.production", "completed", "rolled_back"],
      ]);
    });
  });
});
