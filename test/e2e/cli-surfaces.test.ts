import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CloudflareApiFake } from "../../src/sandbox/cloudflare-api.js";
import { canary, expectNoCanary } from "../support/canary.js";
import { type DeployWorld, startDeployWorld } from "../support/deploy-world.js";
import { type CliRun, cleanEnv, runCli } from "./cli-harness.js";

/**
 * `prodgate deploy --surface cloudflare-pages|command` and `prodgate rollback --surface cloudflare-pages`
 * through the bundle (bin/prodgate.js) and pipes: the typed phrase, the same gate and audit rows as the CI
 * path with trigger local-script, against the loopback Pages API, health endpoints and a real Postgres.
 */
const ACCOUNT = "0123456789abcdef0123456789abcdef";

describe("prodgate deploy and rollback on every surface (the bundle, through pipes)", () => {
  let w: DeployWorld;
  const cfToken = canary("cf-cli-token");
  const api = new CloudflareApiFake({ apiToken: cfToken });
  const home = mkdtempSync(join(tmpdir(), "prodgate-home-"));
  const state = mkdtempSync(join(tmpdir(), "prodgate-cli-surfaces-"));
  const runs: CliRun[] = [];

  const prodgate = async (cwd: string, args: string[], env: Record<string, string> = {}) => {
    const r = await runCli(args, {
      cwd,
      timeoutMs: 90_000,
      env: cleanEnv(home, {
        DATABASE_URL: w.databaseUrl,
        CLOUDFLARE_API_TOKEN: cfToken,
        CLOUDFLARE_ACCOUNT_ID: ACCOUNT,
        CLOUDFLARE_API_URL: api.url,
        PRODGATE_ACTOR: "ops@example.com",
        PRODGATE_SPOOL_DIR: join(state, "spool"),
        ...env,
      }),
    });
    runs.push(r);
    return r;
  };
  const health = ["--health-attempts", "2", "--health-interval", "200ms", "--health-timeout", "2s"];
  const rowsOf = async (target: string) =>
    (await w.auditRows(target)).map((x) => [x.action, x.context.phase, x.outcome, x.context.trigger]);
  const serving = () => api.canonicalOf(api.projects.get(`${ACCOUNT}/site`)!)!;
  const site = (sha: string, body: string) => {
    const work = w.checkout(sha);
    const out = join(state, `build-${sha.slice(0, 7)}-${runs.length}`);
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, "index.html"), body);
    return { work, out };
  };

  beforeAll(async () => {
    w = await startDeployWorld();
    await api.start();
    api.addProject(ACCOUNT, "site", { productionBranch: "main" });
    api.addDeployment(ACCOUNT, "site", { commitHash: w.shas[1]!, triggerType: "ad_hoc" });
  });
  afterAll(async () => {
    expectNoCanary([...w.secrets(), cfToken], {
      runs,
      rows: [...(await w.auditRows("site")), ...(await w.auditRows("box"))],
    });
    await api.stop();
    await w.stop();
    rmSync(home, { recursive: true, force: true });
    rmSync(state, { recursive: true, force: true });
  });

  it("deploys a directory lying anywhere as --ref of this checkout, after the typed phrase", async () => {
    const { work, out } = site(w.shas[4]!, "<h1>four</h1>");
    const r = await prodgate(work, [
      "deploy",
      "--surface",
      "cloudflare-pages",
      "--app",
      "site",
      "--dir",
      out,
      "--ref",
      w.shas[4]!,
      "--confirm",
      "deploy site to production",
      "--health-url",
      `${w.health.url}/site/health`,
      ...health,
      "--json",
    ]);
    expect(r.stderr).toContain("TARGET: PRODUCTION (site)");
    expect(r.code).toBe(0);
    // The lock is the deploy's, whatever the surface: no Heroku wording on a Pages project.
    expect(r.stderr).toContain("Gate checks → Deploy lock held → Audit: started");
    expect(r.stderr).not.toMatch(/app lock/i);
    const json = JSON.parse(r.stdout);
    expect(json.result).toMatchObject({ outcome: "success", surface: "cloudflare-pages", toSha: w.shas[4] });
    expect(json.rollbackCommand).toBe("prodgate rollback --surface cloudflare-pages --app site");
    expect(serving().deployment_trigger.metadata.commit_hash).toBe(w.shas[4]);
    expect(await rowsOf("site")).toEqual([
      ["deploy.production", "started", null, "local-script"],
      ["deploy.production", "completed", "success", "local-script"],
    ]);
  });

  it("a wrong phrase deploys nothing; a missing token is bad usage before anything is read", async () => {
    const { work, out } = site(w.shas[5]!, "<h1>five</h1>");
    const count = api.server.requests.length;
    const args = ["deploy", "--surface", "cloudflare-pages", "--app", "site", "--dir", out];
    const wrong = await prodgate(work, [...args, "--confirm", "deploy site to staging"]);
    expect(wrong.code).toBe(3);
    const noToken = await prodgate(work, [...args, "--confirm", "deploy site to production"], {
      CLOUDFLARE_API_TOKEN: "",
    });
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain("CLOUDFLARE_API_TOKEN is not set");
    expect(api.server.requests.filter((q) => q.method !== "GET").length).toBe(
      api.server.requests.slice(0, count).filter((q) => q.method !== "GET").length,
    );
    expect((await rowsOf("site")).length).toBe(2);
  });

  it("a failed /health rolls production back automatically (exit 1)", async () => {
    const before = serving();
    const { work, out } = site(w.shas[6]!, "<h1>six</h1>");
    w.healthStatus.set("site", 503);
    const r = await prodgate(work, [
      "deploy",
      "--surface",
      "cloudflare-pages",
      "--app",
      "site",
      "--dir",
      out,
      "--ref",
      w.shas[6]!,
      "--confirm",
      "deploy site to production",
      "--health-url",
      `${w.health.url}/site/health`,
      ...health,
    ]);
    w.healthStatus.delete("site");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("was rolled back");
    expect(serving().id).toBe(before.id);
    expect((await rowsOf("site")).slice(-2).map((x) => x[2])).toEqual(["health_check_failed", "rolled_back"]);
  });

  it("prodgate rollback --surface cloudflare-pages: production to the previous deployment, audited", async () => {
    const before = serving();
    const r = await prodgate(w.src, ["rollback", "--surface", "cloudflare-pages", "--app", "site", "--json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      ok: true,
      surface: "cloudflare-pages",
      before: { version: before.short_id },
    });
    expect(serving().id).not.toBe(before.id);
    expect(serving().deployment_trigger.metadata.commit_hash).toBe(w.shas[1]);
    expect((await rowsOf("site")).slice(-2)).toEqual([
      ["rollback.production", "started", null, "local-script"],
      ["rollback.production", "completed", "success", "local-script"],
    ]);
  });

  describe("--surface command", () => {
    const live = join(state, "box-live");
    const calls = join(state, "box-calls");
    const flags = [
      "--surface",
      "command",
      "--app",
      "box",
      "--deploy-command",
      'echo "deploy $PRODGATE_FROM_SHA>$PRODGATE_TO_SHA" >> "$CALLS"; echo "$PRODGATE_TO_SHA" > "$LIVE"',
      "--rollback-command",
      'echo "rollback $PRODGATE_FROM_SHA>$PRODGATE_TO_SHA" >> "$CALLS"; echo "$PRODGATE_TO_SHA" > "$LIVE"',
      "--live-version-command",
      'cat "$LIVE"',
      "--confirm",
      "deploy box to production",
      ...health,
    ];
    const env = { LIVE: live, CALLS: calls };
    const lines = () => (existsSync(calls) ? readFileSync(calls, "utf8").trim().split("\n") : []);

    it("without --health-url: bad usage before any command runs", async () => {
      writeFileSync(live, `${w.shas[2]}\n`);
      const r = await prodgate(w.checkout(w.shas[3]!), ["deploy", ...flags], env);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("--health-url");
      expect(lines()).toEqual([]);
    });

    it("deploys with the commands, then a failed /health runs the rollback command", async () => {
      const ok = await prodgate(
        w.checkout(w.shas[3]!),
        ["deploy", ...flags, "--ref", w.shas[3]!, "--health-url", `${w.health.url}/box/health`],
        env,
      );
      expect(ok.code).toBe(0);
      expect(ok.stderr).toContain(`${w.shas[2]!.slice(0, 7)} → ${w.shas[3]!.slice(0, 7)}`);
      expect(ok.stderr).toContain("Gate checks → Deploy lock held → Audit: started");
      expect(ok.stderr).not.toMatch(/app lock/i);
      expect(ok.stderr).toContain(
        "prodgate rollback --surface command --app box --rollback-command '<your rollback-command>'",
      );
      w.healthStatus.set("box", 500);
      const sick = await prodgate(
        w.checkout(w.shas[7]!),
        ["deploy", ...flags, "--ref", w.shas[7]!, "--health-url", `${w.health.url}/box/health`],
        env,
      );
      w.healthStatus.delete("box");
      expect(sick.code).toBe(1);
      expect(lines()).toEqual([
        `deploy ${w.shas[2]}>${w.shas[3]}`,
        `deploy ${w.shas[3]}>${w.shas[7]}`,
        `rollback ${w.shas[7]}>${w.shas[3]}`,
      ]);
      expect(readFileSync(live, "utf8").trim()).toBe(w.shas[3]);
      expect((await rowsOf("box")).map((x) => x[2])).toEqual([
        null,
        "success",
        null,
        "health_check_failed",
        "rolled_back",
      ]);
    });

    const rollback = [
      "rollback",
      "--surface",
      "command",
      "--app",
      "box",
      "--live-version-command",
      'cat "$LIVE"',
      ...health,
    ];
    const manual =
      'echo "manual $PRODGATE_APP $PRODGATE_ENVIRONMENT $PRODGATE_FROM_SHA>$PRODGATE_TO_SHA" >> "$CALLS"; echo "$PRODGATE_TO_SHA" > "$LIVE"';

    it("prodgate rollback --surface command without --rollback-command: bad usage naming it, nothing run or written", async () => {
      const rows = (await rowsOf("box")).length;
      const calls = lines().length;
      const r = await prodgate(w.checkout(w.shas[3]!), rollback, env);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("Input '--rollback-command' is required with --surface command");
      expect(lines()).toHaveLength(calls);
      expect(await rowsOf("box")).toHaveLength(rows);
    });

    it("prodgate rollback --surface command: the rollback command undoes the newest successful deploy, /health after, audited", async () => {
      // The deploys so far: shas[2] → shas[3] (success), shas[3] → shas[7] (rolled back): shas[3] is live.
      expect(readFileSync(live, "utf8").trim()).toBe(w.shas[3]);
      const r = await prodgate(
        w.checkout(w.shas[3]!),
        [...rollback, "--rollback-command", manual, "--health-url", `${w.health.url}/box/health`, "--json"],
        env,
      );
      expect(r.code).toBe(0);
      expect(lines().at(-1)).toBe(`manual box production ${w.shas[3]}>${w.shas[2]}`);
      expect(readFileSync(live, "utf8").trim()).toBe(w.shas[2]);
      expect(JSON.parse(r.stdout)).toMatchObject({
        ok: true,
        surface: "command",
        before: { commit: w.shas[3] },
        target: { commit: w.shas[2] },
        after: { commit: w.shas[2] },
      });
      expect(r.stderr).toContain(`box rolled back by rollback-command: ${w.shas[3]!.slice(0, 7)} →`);
      expect((await rowsOf("box")).slice(-2)).toEqual([
        ["rollback.production", "started", null, "local-script"],
        ["rollback.production", "completed", "success", "local-script"],
      ]);
      const done = (await w.auditRows("box")).at(-1)!;
      expect(done.context).toMatchObject({ from_sha: w.shas[3], to_sha: w.shas[2] });
      expect(done.context.details).toMatchObject({ surface: "command", healthy: true });
    });

    it("prodgate rollback --surface command: an unhealthy target after the rollback command is exit 1, audited as such", async () => {
      w.healthStatus.set("box", 503);
      const r = await prodgate(
        w.checkout(w.shas[3]!),
        [...rollback, "--rollback-command", manual, "--health-url", `${w.health.url}/box/health`],
        env,
      );
      w.healthStatus.delete("box");
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("rollback-command ran, but");
      expect((await rowsOf("box")).at(-1)).toEqual([
        "rollback.production",
        "completed",
        "health_check_failed",
        "local-script",
      ]);
    });
  });
});
