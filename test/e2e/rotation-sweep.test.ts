import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CloudflareApiFake } from "../../src/sandbox/cloudflare-api.js";
import { actionsState, GitHubApiFake } from "../../src/sandbox/github-api.js";
import { HerokuApiFake } from "../../src/sandbox/heroku-api.js";
import { InfisicalApiFake } from "../../src/sandbox/infisical-api.js";
import { SlackFake } from "../../src/sandbox/slack-api.js";
import { connect } from "../../src/store/db.js";
import { canary, expectNoCanary } from "../support/canary.js";
import { freshDatabase } from "../support/db.js";
import { runAction, runCli } from "../support/run-action.js";

const DAY = 86_400_000;

describe("rotation-sweep action (dist bundle under Node 24)", () => {
  const tokens = {
    github: canary("github-token"),
    secretsRead: canary("secrets-read"),
    infisical: canary("infisical-token"),
    cloudflare: canary("cf-token"),
    heroku: canary("heroku-key"),
  };
  // Values the fakes hold and would hand out: none may leave the HTTP answer.
  const values = {
    smtp: canary("smtp-password"),
    herokuAccess: canary("heroku-access"),
    herokuRefresh: canary("heroku-refresh"),
  };
  const github = new GitHubApiFake({ token: tokens.github });
  const infisical = new InfisicalApiFake(tokens.infisical);
  const cloudflare = new CloudflareApiFake({ apiToken: canary("pages") });
  const heroku = new HerokuApiFake({ apiKey: tokens.heroku });
  const slack = new SlackFake();
  const dir = mkdtempSync(join(tmpdir(), "prodgate-rotation-e2e-"));
  const inventory = join(dir, "secrets.yml");
  let db: { url: string; drop(): Promise<void> };

  const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString();

  beforeAll(async () => {
    await Promise.all([github.start(), infisical.start(), cloudflare.start(), heroku.start(), slack.start()]);
    db = await freshDatabase("rote2e");
    github.addToken(tokens.secretsRead, { login: "octo-admin" });
    const repo = github.repo("acme/shop");
    repo.chain(1, { author: "alice" });
    const state = actionsState(repo);
    state.workflows.set("rotate-cloudflare.yml", ["secret_name", "job_id"]);
    state.secrets.push({ name: "SLACK_BOT_TOKEN", createdAt: day(-400), updatedAt: day(-200) });
    const at = { projectId: "proj", environment: "prod", createdAt: day(-300), updatedAt: day(-20) };
    infisical
      .add({ ...at, key: "SMTP_PASSWORD", value: values.smtp })
      .add({ ...at, key: "SMTP_PASSWORD__EXPIRES_AT", value: day(60) });
    cloudflare.addVerifiableToken(tokens.cloudflare, { status: "active", expires_on: day(3) });
    heroku.addAuthorization({
      description: "prodgate deploys",
      token: values.herokuAccess,
      refreshToken: values.herokuRefresh,
      updatedAt: day(-30),
      expiresIn: null,
    });
    writeFileSync(
      inventory,
      [
        "policies:",
        "  cloudflare: { rotation-workflow: rotate-cloudflare.yml }",
        "secrets:",
        "  - { name: CLOUDFLARE_API_TOKEN, vendor: cloudflare, affected-sites: [getraxx], source: cloudflare-token }",
        "  - { name: SLACK_BOT_TOKEN, vendor: slack, source: github-actions }",
        "  - { name: SMTP_PASSWORD, vendor: smtp, source: infisical, project: proj }",
        "  - { name: HEROKU_API_KEY, vendor: heroku, source: heroku-authorization, authorization: prodgate deploys }",
        "",
      ].join("\n"),
    );
  });
  afterAll(async () => {
    await db?.drop();
    await Promise.all([github.stop(), infisical.stop(), cloudflare.stop(), heroku.stop(), slack.stop()]);
    rmSync(dir, { recursive: true, force: true });
  });

  const env = () => ({
    GITHUB_API_URL: github.url,
    INFISICAL_API_URL: infisical.url,
    CLOUDFLARE_API_URL: cloudflare.url,
    HEROKU_API_URL: heroku.url,
    SLACK_API_URL: slack.apiUrl,
  });

  async function dbDump() {
    const c = await connect(db.url);
    try {
      return (
        await c.query(
          `SELECT (SELECT json_agg(j) FROM console_rotation_jobs j) AS jobs,
                  (SELECT json_agg(a) FROM console_audit_log a) AS audit,
                  (SELECT json_agg(m) FROM console_rotation_jobs_secret_state m) AS memory`,
        )
      ).rows[0];
    } finally {
      await c.end();
    }
  }

  it("sweeps every source, dispatches the expiring token once, alerts, and no value or token leaks", async () => {
    const report = join(dir, "report.json");
    const r = await runAction("rotation-sweep", {
      inputs: {
        inventory,
        "database-url": db.url,
        "github-token": tokens.github,
        "github-secrets-token": tokens.secretsRead,
        "infisical-token": tokens.infisical,
        "cloudflare-tokens": `CLOUDFLARE_API_TOKEN=${tokens.cloudflare}`,
        "heroku-api-key": tokens.heroku,
        "slack-bot-token": slack.token,
        "slack-channel": "C0DEPLOYS",
        dispatch: true,
        "report-json": report,
      },
      env: env(),
      eventName: "schedule",
    });
    expect(r.code, r.stderr + r.log).toBe(0);
    expect(r.outputs).toMatchObject({
      expiring: "0",
      expired: "0",
      stale: "1",
      rotating: "1",
      healthy: "2",
      dispatched: "1",
      "needs-action": "SLACK_BOT_TOKEN",
      "report-json": report,
    });
    for (const t of [...Object.values(tokens), slack.token]) expect(r.masks).toContain(t);

    const doc = JSON.parse(readFileSync(report, "utf8"));
    const by = Object.fromEntries(doc.secrets.map((s: { name: string }) => [s.name, s]));
    expect(by.CLOUDFLARE_API_TOKEN).toMatchObject({
      status: "rotating",
      vendor: "cloudflare",
      affected_sites: ["getraxx"],
      suggested_cadence_days: 30,
      days_until_expiry: 2,
      job: { status: "queued" },
    });
    expect(by.SLACK_BOT_TOKEN).toMatchObject({
      status: "stale",
      days_since_rotation: 200,
      over_cadence: true,
    });
    expect(by.SMTP_PASSWORD).toMatchObject({
      status: "healthy",
      days_since_rotation: 20,
      expires_at_basis: "known",
    });
    expect(by.HEROKU_API_KEY).toMatchObject({ status: "healthy", days_since_rotation: 30, expires_at: null });
    expect(doc.dispatches).toEqual([
      expect.objectContaining({ secret: "CLOUDFLARE_API_TOKEN", outcome: "dispatched" }),
    ]);

    expect(r.summary).toContain("| Vendor | Secret | Status | Last rotated | Days since rotation |");
    expect(r.summary).toContain("| slack | `SLACK_BOT_TOKEN` | 🟠 stale |");
    expect(r.summary).toContain("**200** 🔺");
    const repo = github.repo("acme/shop");
    expect(repo.issues.map((i) => i.title)).toEqual([
      "Secret SLACK_BOT_TOKEN (slack) is overdue for rotation",
    ]);
    expect(actionsState(repo).dispatches).toEqual([
      expect.objectContaining({
        workflow: "rotate-cloudflare.yml",
        inputs: expect.objectContaining({ secret_name: "CLOUDFLARE_API_TOKEN" }),
      }),
    ]);
    expect(slack.messages.map((m) => m.text).join("\n")).toMatch(
      /SLACK_BOT_TOKEN\* \(slack\) new → \*stale\*/,
    );

    const dump = await dbDump();
    expect(dump.jobs).toHaveLength(1);
    expect(dump.audit.filter((a: { action: string }) => a.action === "secret.rotate.triggered")).toHaveLength(
      1,
    );
    expectNoCanary([...Object.values(tokens), ...Object.values(values), slack.token], {
      action: r,
      report: readFileSync(report, "utf8"),
      issues: repo.issues,
      slack: slack.messages,
      db: dump,
    });
  });

  it("records a rotation workflow's outcome (job-id mode): completed job, completed audit row", async () => {
    const jobId = (await dbDump()).jobs[0].id as string;
    const r = await runAction("rotation-sweep", {
      inputs: { "database-url": db.url, "job-id": jobId, "job-status": "completed" },
      env: env(),
    });
    expect(r.code, r.log).toBe(0);
    expect(r.outputs["job-status"]).toBe("completed");
    const dump = await dbDump();
    expect(dump.jobs[0]).toMatchObject({ id: jobId, status: "completed" });
    expect(dump.audit.filter((a: { action: string }) => a.action === "secret.rotate.completed")).toHaveLength(
      1,
    );
    const again = await runAction("rotation-sweep", {
      inputs: { "database-url": db.url, "job-id": jobId, "job-status": "failed" },
      env: env(),
    });
    expect(again.code).toBe(1);
    expect(again.errors.join("\n")).toContain(
      `rotation job ${jobId} is not queued or running: nothing recorded`,
    );
  });

  it("fails on an invalid inventory with file, line and field, and on bad inputs naming the input", async () => {
    const bad = join(dir, "bad.yml");
    writeFileSync(
      bad,
      "secrets:\n  - name: X\n    vendor: x\n    source: static\n    policy: { cadence-days: soon }\n",
    );
    const r = await runAction("rotation-sweep", { inputs: { inventory: bad } });
    expect(r.code).toBe(1);
    expect(r.errors.join("\n")).toBe(
      `Inventory ${bad}:5:29: secrets[0] (X).policy.cadence-days: must be a whole number from 1 to 3650`,
    );
    const input = await runAction("rotation-sweep", {
      inputs: { inventory, "cloudflare-tokens": `no equals sign ${tokens.cloudflare}` },
    });
    expect(input.code).toBe(1);
    expect(input.errors.join("\n")).toBe("Input 'cloudflare-tokens' line 1 must look like SECRET_NAME=token");
    expectNoCanary([tokens.cloudflare], { input });
    const dispatch = await runAction("rotation-sweep", { inputs: { inventory, dispatch: true } });
    expect(dispatch.errors.join("\n")).toContain("Input 'database-url' is required with dispatch: true");
  });

  it("prodgate sweep secrets runs the same pipeline from a terminal", async () => {
    const run = await runCli(
      ["sweep", "secrets", "--inventory", inventory, "--json", "--fail-on", "expiring"],
      {
        cwd: dir,
        env: {
          PATH: process.env.PATH,
          ...env(),
          GITHUB_REPOSITORY: "acme/shop",
          GITHUB_SECRETS_TOKEN: tokens.secretsRead,
          INFISICAL_TOKEN: tokens.infisical,
          CLOUDFLARE_API_TOKEN: tokens.cloudflare,
          HEROKU_API_KEY: tokens.heroku,
        },
      },
    );
    expect(run.status, run.stderr).toBe(1);
    const doc = JSON.parse(run.stdout);
    expect(doc.secrets.map((s: { status: string }) => s.status)).toEqual([
      "expiring_soon",
      "stale",
      "healthy",
      "healthy",
    ]);
    expect(run.stderr).toContain("no DATABASE_URL: nothing is dispatched, nothing alerts");
    expect(run.stderr).toContain("rotation sweep: expired or expiring soon: CLOUDFLARE_API_TOKEN");
    expectNoCanary([...Object.values(tokens), ...Object.values(values)], {
      stdout: run.stdout,
      stderr: run.stderr,
    });

    const usage = await runCli(["sweep", "secrets", "--inventory", inventory, "--dispatch"], {
      cwd: dir,
      env: { PATH: process.env.PATH, ...env() },
    });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("--dispatch needs DATABASE_URL");
  });

  it("with dispatch, a secret whose rotation lacks a credential is named and left alone; the others rotate in-process", async () => {
    const own = await freshDatabase("rotpre");
    const expires = day(3).slice(0, 10);
    const rotInventory = join(dir, "rotate.yml");
    const current = canary("shop-session");
    heroku.createApp("shop-prod");
    heroku.configVars("shop-prod").SHOP_SESSION = current;
    writeFileSync(
      rotInventory,
      [
        "secrets:",
        `  - name: SHOP_SESSION`,
        "    vendor: app",
        "    source: static",
        `    expires-at: ${expires}`,
        "    rotate: { generate: random, consumers: [{ heroku-config: { app: shop-prod } }] }",
        `  - name: SHOP_DEPLOY_KEY`,
        "    vendor: app",
        "    source: static",
        `    expires-at: ${expires}`,
        "    rotate: { generate: random, consumers: [{ github-environment: { repository: acme/shop, environment: production } }] }",
        // Its metadata is read with cloudflare-api-token, but nothing says which token is its current value.
        "  - name: SHOP_CF_TOKEN",
        "    vendor: cloudflare",
        "    source: cloudflare-token",
        "    rotate: { generate: cloudflare-token, consumers: [{ heroku-config: { app: shop-prod } }] }",
        "",
      ].join("\n"),
    );
    try {
      const r = await runAction("rotation-sweep", {
        inputs: {
          inventory: rotInventory,
          "database-url": own.url,
          dispatch: true,
          issues: false,
          "github-token": tokens.github,
          "heroku-api-key": tokens.heroku,
          "cloudflare-api-token": tokens.cloudflare,
        },
        env: { ...env(), GITHUB_REPOSITORY: "acme/shop" },
      });
      expect(r.code, r.stderr + r.log).toBe(0);
      expect(r.outputs.dispatched).toBe("1");
      const fresh = heroku.configVars("shop-prod").SHOP_SESSION!;
      expect(fresh).not.toBe(current);
      expect(r.summary).toContain(
        "not rotated, no job created: Input 'github-secrets-token' is required to write github-environment:acme/shop:production:SHOP_DEPLOY_KEY",
      );
      expect(r.summary).toContain(
        "not rotated, no job created: Input 'cloudflare-tokens' is required to rotate SHOP_CF_TOKEN",
      );
      const c = await connect(own.url);
      try {
        const jobs = (await c.query("SELECT secret_name, status FROM console_rotation_jobs")).rows;
        const audit = (
          await c.query("SELECT action, target FROM console_audit_log WHERE action LIKE 'secret.%'")
        ).rows;
        expect(jobs).toEqual([{ secret_name: "SHOP_SESSION", status: "completed" }]);
        expect(audit.map((a) => a.target)).toEqual(["SHOP_SESSION", "SHOP_SESSION"]);
      } finally {
        await c.end();
      }
      expectNoCanary([current, fresh, ...Object.values(tokens)], { r });
    } finally {
      await own.drop();
    }
  });
});
