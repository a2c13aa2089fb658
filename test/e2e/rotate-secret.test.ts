import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Clock } from "../../src/core/ports.js";
import { silentReporter } from "../../src/core/ports.js";
import { readInventory } from "../../src/pipelines/inventory-file.js";
import { runRotationSweep } from "../../src/pipelines/rotation-sweep.js";
import { openRotationPorts, parseRotationInputs } from "../../src/pipelines/rotation-sweep-setup.js";
import { ACCOUNT_TOKENS_WRITE, CloudflareApiFake, TOKENS_WRITE } from "../../src/sandbox/cloudflare-api.js";
import { FakeServer } from "../../src/sandbox/fake-server.js";
import { fakeEnvironment, GitHubApiFake } from "../../src/sandbox/github-api.js";
import { openSecret } from "../../src/sandbox/github-secrets-fake.js";
import { HerokuApiFake } from "../../src/sandbox/heroku-api.js";
import { InfisicalApiFake } from "../../src/sandbox/infisical-api.js";
import { SlackFake } from "../../src/sandbox/slack-api.js";
import { connect } from "../../src/store/db.js";
import { signBody } from "../../src/vendors/webhook.js";
import { canary, expectNoCanary } from "../support/canary.js";
import { freshDatabase } from "../support/db.js";
import { runAction } from "../support/run-action.js";

const HOUR = 3_600_000;
const ACCOUNT = "0123456789abcdef0123456789abcdef";

describe("rotate-secret action (dist bundle under Node 24)", () => {
  const tokens = {
    secretsWriter: canary("gh-secrets-writer"),
    herokuAdmin: canary("heroku-admin"),
    infisical: canary("infisical-token"),
    cfManager: canary("cf-manager"),
    slack: "",
    webhookKey: canary("webhook-key"),
  };
  let current: { heroku: string; cf: string; session: string };
  const ghToken = canary("gh-actions");
  const github = new GitHubApiFake({ token: ghToken });
  const heroku = new HerokuApiFake({ apiKey: tokens.herokuAdmin });
  const infisical = new InfisicalApiFake(tokens.infisical);
  const cloudflare = new CloudflareApiFake({ apiToken: canary("pages") });
  const slack = new SlackFake();
  const sites = new FakeServer("sites");
  const hooks = new FakeServer("hooks");
  let healthy = true;
  const dir = mkdtempSync(join(tmpdir(), "prodgate-rotate-e2e-"));
  const inventory = join(dir, "secrets.yml");
  const registry = join(dir, "surfaces.yml");
  let db: { url: string; drop(): Promise<void> };
  const repo = () => github.repo("acme/api");
  /** Every value this suite planted or the vendors generated: searched for everywhere. */
  const values: string[] = [];

  beforeAll(async () => {
    sites.route("GET", "/health", () => (healthy ? { body: { ok: true } } : { status: 503, body: "down" }));
    hooks.route("POST", "/hook", () => ({ status: 204 }));
    await Promise.all([
      github.start(),
      heroku.start(),
      infisical.start(),
      cloudflare.start(),
      slack.start(),
      sites.start(),
      hooks.start(),
    ]);
    tokens.slack = slack.token;
    github.addToken(tokens.secretsWriter, { login: "octo-admin" });
    repo().chain(1, { author: "alice" });
    fakeEnvironment(repo(), "production");
    heroku.createApp("api-prod");
    cloudflare.addVerifiableToken(tokens.cfManager, {
      name: "token manager",
      policies: [{ effect: "allow", resources: {}, permission_groups: [{ id: "a", name: TOKENS_WRITE }] }],
    });
    writeFileSync(
      registry,
      `surfaces:\n  - { id: api-prod, hostname: api.example.com, provider: http, health: { url: "${sites.url}/health", attempts: 1, timeout: 2s } }\n`,
    );
    writeFileSync(
      inventory,
      [
        "secrets:",
        "  - name: HEROKU_API_KEY",
        "    vendor: heroku",
        "    affected-sites: [api-prod]",
        "    source: heroku-authorization",
        "    authorization: prodgate deploys",
        "    policy: { max-overlap: 24h }",
        "    rotate:",
        "      generate: heroku-authorization",
        "      consumers:",
        "        - github-actions: { repository: acme/api }",
        "        - github-environment: { repository: acme/api, environment: production }",
        "        - heroku-config: { app: api-prod }",
        "        - infisical: { project: proj1, environment: prod, path: / }",
        `      notify: [${hooks.url}/hook]`,
        "  - name: SESSION_SECRET",
        "    vendor: app",
        "    affected-sites: [api-prod]",
        "    source: static",
        "    last-rotated-at: 2026-01-01",
        "    rotate: { generate: random, length: 48, consumers: [{ github-actions: { repository: acme/api } }] }",
        "  - name: CF_TOKEN",
        "    vendor: cloudflare",
        "    source: cloudflare-token",
        "    rotate: { generate: cloudflare-token, consumers: [{ github-actions: { repository: acme/api } }], smoke: [] }",
        "  - name: CF_ACCOUNT_TOKEN",
        "    vendor: cloudflare",
        "    source: cloudflare-token",
        `    account-id: ${ACCOUNT}`,
        "    policy: { max-overlap: 0 }",
        "    rotate: { generate: cloudflare-token, consumers: [{ github-actions: { repository: acme/api } }], smoke: [] }",
        "  - name: CF_ACCOUNT_GRACE",
        "    vendor: cloudflare",
        "    source: cloudflare-token",
        `    account-id: ${ACCOUNT}`,
        "    rotate: { generate: cloudflare-token, consumers: [{ github-actions: { repository: acme/api } }], smoke: [] }",
        "",
      ].join("\n"),
    );
  });
  afterAll(async () => {
    await Promise.all([
      github.stop(),
      heroku.stop(),
      infisical.stop(),
      cloudflare.stop(),
      slack.stop(),
      sites.stop(),
      hooks.stop(),
    ]);
    rmSync(dir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    await db?.drop();
    db = await freshDatabase("rotate");
    healthy = true;
    for (const s of [github.server, heroku.server, cloudflare.server, sites, hooks]) s.clearFaults();
    hooks.requests.length = 0;
    heroku.authorizations.length = 0;
    current = {
      heroku: canary("heroku-current"),
      cf: canary("cf-current"),
      session: canary("session-current"),
    };
    values.push(...Object.values(current));
    heroku.addAuthorization({
      description: "prodgate deploys",
      token: current.heroku,
      createdAt: "2026-01-01T00:00:00Z",
    });
    heroku.configVars("api-prod").HEROKU_API_KEY = current.heroku;
    infisical.secrets.length = 0;
    infisical.add({
      projectId: "proj1",
      environment: "prod",
      key: "HEROKU_API_KEY",
      value: current.heroku,
      createdAt: "2026-01-01T00:00:00Z",
      updatedAt: "2026-01-01T00:00:00Z",
    });
    cloudflare.addVerifiableToken(current.cf, {
      name: "pages deploy",
      issued_on: new Date(Date.now() - 10 * 24 * HOUR).toISOString(),
      expires_on: new Date(Date.now() + 20 * 24 * HOUR).toISOString(),
      policies: [
        {
          effect: "allow",
          resources: { "com.cloudflare.api.account.x": "*" },
          permission_groups: [{ id: "p", name: "Pages Write" }],
        },
      ],
    });
  });

  const env = (extra: Record<string, string> = {}) => ({
    GITHUB_API_URL: github.url,
    HEROKU_API_URL: heroku.url,
    INFISICAL_API_URL: infisical.url,
    CLOUDFLARE_API_URL: cloudflare.url,
    SLACK_API_URL: slack.apiUrl,
    GITHUB_REPOSITORY: "acme/api",
    ...extra,
  });

  const inputs = (secret: string, extra: Record<string, string | boolean> = {}) => ({
    inventory,
    registry,
    secret,
    "database-url": db.url,
    "github-secrets-token": tokens.secretsWriter,
    "heroku-api-key": current.heroku,
    "infisical-token": tokens.infisical,
    "cloudflare-api-token": tokens.cfManager,
    "cloudflare-tokens": `CF_TOKEN=${current.cf}`,
    "webhook-secret": tokens.webhookKey,
    "slack-bot-token": slack.token,
    "slack-channel": "C0DEPLOYS",
    ...extra,
  });

  async function dump() {
    const c = await connect(db.url);
    try {
      const jobs = (await c.query("SELECT * FROM console_rotation_jobs ORDER BY triggered_at")).rows;
      const audit = (
        await c.query(
          "SELECT action, outcome, context FROM console_audit_log WHERE action LIKE 'secret.%' ORDER BY id",
        )
      ).rows;
      return { jobs, audit };
    } finally {
      await c.end();
    }
  }

  function liveHerokuTokens(): string[] {
    return heroku.authorizations.filter((a) => a.description === "prodgate deploys").map((a) => a.token);
  }

  async function scan(results: unknown[]) {
    const rows = await dump();
    expectNoCanary(values, {
      ...Object.fromEntries(results.map((r, i) => [`run${i}`, r])),
      rows,
      slack: slack.messages,
      webhooks: hooks.requests.map((r) => r.body + JSON.stringify(r.headers)),
    });
  }

  it("rotates a Heroku authorization into every consumer, schedules the revoke, signs the webhook, leaks nothing", async () => {
    const r = await runAction("rotate-secret", {
      inputs: inputs("HEROKU_API_KEY", { "current-value": current.heroku }),
      env: env(),
    });
    expect(r.code, r.stderr + r.log).toBe(0);
    expect(r.outputs.status).toBe("rotated");
    expect(r.outputs["job-id"]).toMatch(/^rot_[0-9a-f]{12}$/);
    const revokeAt = Date.parse(r.outputs["revoke-at"] ?? "");
    expect(Math.abs(revokeAt - (Date.now() + 24 * HOUR))).toBeLessThan(5 * 60_000);

    const live = liveHerokuTokens();
    expect(live).toHaveLength(2);
    const fresh = live.find((t) => t !== current.heroku)!;
    values.push(fresh);
    expect(r.masks).toContain(fresh);
    expect(await openSecret(repo(), "HEROKU_API_KEY")).toBe(fresh);
    expect(await openSecret(repo(), "HEROKU_API_KEY", "production")).toBe(fresh);
    expect(heroku.configVars("api-prod").HEROKU_API_KEY).toBe(fresh);
    expect(infisical.secrets.find((s) => s.key === "HEROKU_API_KEY")?.value).toBe(fresh);

    const { jobs, audit } = await dump();
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ id: r.outputs["job-id"], status: "completed" });
    const steps = jobs[0].steps_json.steps.map(
      (s: { name: string; status: string }) => `${s.name}:${s.status}`,
    );
    expect(jobs[0].steps_json.holdings).toHaveLength(4);
    expect(jobs[0].steps_json.holdings.every((h: { holds: string }) => h.holds === "new")).toBe(true);
    expect(steps).toEqual([
      "generate:completed",
      "store:completed",
      "sync_consumers:completed",
      "smoke_test:completed",
      "revoke_old:scheduled",
    ]);
    expect(audit.map((a) => a.action)).toEqual(["secret.rotate.triggered", "secret.rotate.completed"]);
    expect(audit[0].context.details).toMatchObject({
      secret_name: "HEROKU_API_KEY",
      job_id: r.outputs["job-id"],
      trigger: "manual",
      consumers: expect.arrayContaining(["heroku-config:api-prod:HEROKU_API_KEY"]),
    });

    expect(hooks.requests).toHaveLength(1);
    const hook = hooks.requests[0]!;
    expect(hook.headers["x-prodgate-signature"]).toBe(signBody(tokens.webhookKey, hook.body));
    expect(JSON.parse(hook.body)).toMatchObject({
      event: "secret.rotated",
      secret_name: "HEROKU_API_KEY",
      job_id: r.outputs["job-id"],
      revoke_at: r.outputs["revoke-at"],
    });
    expect(slack.messages.length).toBeGreaterThan(0);
    expect(r.summary).toContain("revoke_old");
    await scan([r]);
  });

  it("rotates a random value and a Cloudflare token with its name, policies and lifetime", async () => {
    const a = await runAction("rotate-secret", { inputs: inputs("SESSION_SECRET"), env: env() });
    expect(a.code, a.stderr + a.log).toBe(0);
    expect(a.outputs).toMatchObject({ status: "rotated", "revoke-at": "" });
    const session = (await openSecret(repo(), "SESSION_SECRET"))!;
    values.push(session);
    expect(Buffer.from(session, "base64url")).toHaveLength(48);

    const before = cloudflare.tokensCreated;
    const b = await runAction("rotate-secret", { inputs: inputs("CF_TOKEN"), env: env() });
    expect(b.code, b.stderr + b.log).toBe(0);
    expect(b.outputs.status).toBe("rotated");
    expect(cloudflare.tokensCreated).toBe(before + 1);
    const cfNew = (await openSecret(repo(), "CF_TOKEN"))!;
    values.push(cfNew);
    const info = cloudflare.verifiableTokens.get(cfNew)!;
    const old = cloudflare.verifiableTokens.get(current.cf)!;
    expect(info.name).toBe("pages deploy");
    expect(info.policies?.[0]?.permission_groups[0]?.name).toBe("Pages Write");
    const lifetime = Date.parse(info.expires_on!) - Date.now();
    expect(Math.abs(lifetime - 30 * 24 * HOUR)).toBeLessThan(10 * 60_000);
    expect(old.status).toBe("active"); // the old token lives through its grace period
    await scan([a, b]);
  });

  it("smoke test fails: consumers go back to current-value, the new credential is revoked, Slack is told", async () => {
    healthy = false;
    const r = await runAction("rotate-secret", {
      inputs: inputs("HEROKU_API_KEY", { "current-value": current.heroku }),
      env: env(),
    });
    expect(r.code).not.toBe(0);
    expect(r.outputs.status).toBe("failed");
    expect(r.errors.join("\n")).toMatch(
      /smoke test failed: api-prod is unhealthy.*every consumer is back on the old value and the new credential was revoked/,
    );
    expect(liveHerokuTokens()).toEqual([current.heroku]);
    expect(await openSecret(repo(), "HEROKU_API_KEY")).toBe(current.heroku);
    expect(heroku.configVars("api-prod").HEROKU_API_KEY).toBe(current.heroku);
    expect(infisical.secrets.find((s) => s.key === "HEROKU_API_KEY")?.value).toBe(current.heroku);
    const { jobs, audit } = await dump();
    expect(jobs[0]).toMatchObject({ status: "failed" });
    expect(audit.map((a) => a.action)).toEqual([
      "secret.rotate.triggered",
      "secret.revoked",
      "secret.rotate.failed",
    ]);
    expect(slack.messages.at(-1)?.text).toMatch(/rotation of \*HEROKU_API_KEY\* failed/);
    await scan([r]);
  });

  it("smoke test fails with no knowable old value: revokes nothing and says which consumer holds what", async () => {
    healthy = false;
    const r = await runAction("rotate-secret", { inputs: inputs("SESSION_SECRET"), env: env() });
    expect(r.code).not.toBe(0);
    expect(r.errors.join("\n")).toContain(
      "the old value is not known (pass current-value), so nothing was put back or revoked: github-actions:acme/api:SESSION_SECRET holds the new credential",
    );
    values.push((await openSecret(repo(), "SESSION_SECRET"))!);
    await scan([r]);
  });

  it("compromise: the old credential is revoked as soon as the smoke test passes, and the rows say so", async () => {
    const r = await runAction("rotate-secret", {
      inputs: inputs("HEROKU_API_KEY", { "current-value": current.heroku, compromised: true }),
      env: env(),
    });
    expect(r.code, r.stderr + r.log).toBe(0);
    expect(r.outputs).toMatchObject({ status: "rotated", "revoke-at": "" });
    const live = liveHerokuTokens();
    expect(live).toHaveLength(1);
    expect(live[0]).not.toBe(current.heroku);
    values.push(live[0]!);
    const { jobs, audit } = await dump();
    expect(jobs[0].steps_json.steps.at(-1)).toMatchObject({ name: "revoke_old", status: "completed" });
    expect(audit.map((a) => a.action)).toEqual([
      "secret.rotate.triggered",
      "secret.rotate.completed",
      "secret.revoked",
    ]);
    expect(audit[2].context.details).toMatchObject({ compromised: true, trigger: "compromise" });
    await scan([r]);
  });

  it("kill switch: refuses naming ROTATION_PIPELINE_DISABLED and creates nothing", async () => {
    const before = heroku.server.requests.length + github.server.requests.length;
    const r = await runAction("rotate-secret", {
      inputs: inputs("HEROKU_API_KEY", { "current-value": current.heroku }),
      env: env({ ROTATION_PIPELINE_DISABLED: "1" }),
    });
    expect(r.code).not.toBe(0);
    expect(r.errors.join("\n")).toContain("ROTATION_PIPELINE_DISABLED=1");
    expect(heroku.server.requests.length + github.server.requests.length).toBe(before);
    const c = await connect(db.url);
    try {
      const n = await c.query("SELECT count(*)::int AS n FROM console_rotation_jobs");
      expect(n.rows[0].n).toBe(0);
    } finally {
      await c.end();
    }
  });

  it("two runs at once make one job: the second finds the secret busy", async () => {
    heroku.server.fault("POST", "/oauth/authorizations", { kind: "delay", ms: 2500 }, 1);
    const [a, b] = await Promise.all([
      runAction("rotate-secret", {
        inputs: inputs("HEROKU_API_KEY", { "current-value": current.heroku }),
        env: env(),
      }),
      new Promise((r) => setTimeout(r, 1200)).then(() =>
        runAction("rotate-secret", {
          inputs: inputs("HEROKU_API_KEY", { "current-value": current.heroku }),
          env: env(),
        }),
      ),
    ]);
    expect([a.outputs.status, b.outputs.status].sort()).toEqual(["busy", "rotated"]);
    expect(b.outputs["job-id"]).toBe(a.outputs["job-id"]);
    const { jobs } = await dump();
    expect(jobs).toHaveLength(1);
    expect(liveHerokuTokens()).toHaveLength(2);
    values.push(...liveHerokuTokens());
    await scan([a, b]);
  });

  it("a run killed mid-step is resumed by the next: same job, the orphan revoked, one new credential", async () => {
    github.server.fault("PUT", "/repos/:owner/:repo/environments/:env/secrets/:name", { kind: "hang" });
    let killed = false;
    const envPuts = () =>
      github.server.requestsTo("PUT", "/repos/:owner/:repo/environments/:env/secrets/:name").length;
    const seen = envPuts();
    const first = runAction("rotate-secret", {
      inputs: inputs("HEROKU_API_KEY", { "current-value": current.heroku }),
      env: env(),
      onSpawn: (child) => {
        const t = setInterval(() => {
          if (envPuts() > seen) {
            clearInterval(t);
            killed = child.kill("SIGKILL");
          }
        }, 50);
      },
    });
    const r1 = await first;
    expect(killed).toBe(true);
    expect(r1.signal).toBe("SIGKILL");
    const orphan = liveHerokuTokens().find((t) => t !== current.heroku)!;
    values.push(orphan);
    github.server.clearFaults();

    const r2 = await runAction("rotate-secret", {
      inputs: inputs("HEROKU_API_KEY", { "current-value": current.heroku }),
      env: env(),
    });
    expect(r2.code, r2.stderr + r2.log).toBe(0);
    expect(r2.outputs.status).toBe("rotated");
    const live = liveHerokuTokens();
    expect(live).toHaveLength(2);
    expect(live).not.toContain(orphan);
    const fresh = live.find((t) => t !== current.heroku)!;
    values.push(fresh);
    expect(await openSecret(repo(), "HEROKU_API_KEY", "production")).toBe(fresh);
    expect(heroku.configVars("api-prod").HEROKU_API_KEY).toBe(fresh);
    const { jobs, audit } = await dump();
    expect(jobs).toHaveLength(1);
    expect(jobs[0].steps_json.attempt).toBe(2);
    expect(audit.map((a) => a.action)).toEqual([
      "secret.rotate.triggered",
      "secret.revoked",
      "secret.rotate.completed",
    ]);
    expect(audit[1].context.details.reason).toMatch(/orphan/);
    await scan([r1, r2]);
  });

  it.each([
    [
      "generate (inside the vendor call: the new id was never recorded)",
      "heroku",
      "POST",
      "/oauth/authorizations",
      "drop-reply",
    ],
    ["store", "infisical", "PATCH", "/api/v4/secrets/:name", "hang"],
    ["smoke_test", "sites", "GET", "/health", "hang"],
  ] as const)(
    "killed in %s, a re-run finishes the same job with one new credential",
    async (_step, where, method, path, kind) => {
      const server = { heroku: heroku.server, infisical: infisical.server, sites }[where];
      server.fault(method, path, kind === "drop-reply" ? { kind: "drop-reply" } : { kind: "hang" });
      const count = () => server.requestsTo(method, path).length;
      const seen = count();
      const r1 = await runAction("rotate-secret", {
        inputs: inputs("HEROKU_API_KEY", { "current-value": current.heroku }),
        env: env(),
        onSpawn: (child) => {
          const t = setInterval(() => {
            if (count() > seen) {
              clearInterval(t);
              setTimeout(() => child.kill("SIGKILL"), 100);
            }
          }, 20);
        },
      });
      expect(r1.signal).toBe("SIGKILL");
      values.push(...liveHerokuTokens());
      server.clearFaults();
      const r2 = await runAction("rotate-secret", {
        inputs: inputs("HEROKU_API_KEY", { "current-value": current.heroku }),
        env: env(),
      });
      expect(r2.code, r2.stderr + r2.log).toBe(0);
      const live = liveHerokuTokens();
      expect(live).toHaveLength(2);
      const fresh = live.find((t) => t !== current.heroku)!;
      values.push(fresh);
      expect(await openSecret(repo(), "HEROKU_API_KEY")).toBe(fresh);
      expect(heroku.configVars("api-prod").HEROKU_API_KEY).toBe(fresh);
      expect(infisical.secrets.find((s) => s.key === "HEROKU_API_KEY")?.value).toBe(fresh);
      const { jobs, audit } = await dump();
      expect(jobs).toHaveLength(1);
      expect(jobs[0]).toMatchObject({ status: "completed" });
      expect(jobs[0].steps_json.attempt).toBe(2);
      expect(audit.filter((a) => a.action === "secret.revoked")).toHaveLength(1);
      await scan([r1, r2]);
    },
  );

  it("an account-owned Cloudflare token with max-overlap 0 is rolled: the old value dies at once, nothing is left to revoke", async () => {
    const old = canary("cf-account-current");
    values.push(old);
    cloudflare.addVerifiableToken(old, {
      name: "account deployer",
      accountId: ACCOUNT,
      policies: [
        { effect: "allow", resources: {}, permission_groups: [{ id: "w", name: ACCOUNT_TOKENS_WRITE }] },
      ],
    });
    const r = await runAction("rotate-secret", {
      inputs: inputs("CF_ACCOUNT_TOKEN", { "current-value": old, "cloudflare-api-token": "" }),
      env: env(),
    });
    expect(r.code, r.stderr + r.log).toBe(0);
    expect(r.outputs).toMatchObject({ status: "rotated", "revoke-at": "" });
    const fresh = (await openSecret(repo(), "CF_ACCOUNT_TOKEN"))!;
    values.push(fresh);
    expect(cloudflare.verifiableTokens.has(old)).toBe(false);
    expect(cloudflare.verifiableTokens.get(fresh)).toMatchObject({
      name: "account deployer",
      accountId: ACCOUNT,
    });
    const { jobs } = await dump();
    expect(jobs[0].steps_json.steps.at(-1)).toMatchObject({ name: "revoke_old", status: "completed" });
    expect(jobs[0].steps_json.steps.at(-1).detail).toContain("rolled");
    await scan([r]);
  });

  /** The rotation sweep (dispatch: true) as its faces open it, on a virtual clock. */
  async function sweepAt(clock: Clock, cloudflareTokens: Map<string, string>) {
    const values: Record<string, string> = {
      inventory,
      registry,
      "database-url": db.url,
      dispatch: "true",
      issues: "false",
    };
    const parsed = parseRotationInputs((n) => values[n] ?? "", {});
    const o = await openRotationPorts(
      {
        githubToken: ghToken,
        githubSecretsToken: tokens.secretsWriter,
        cloudflareTokens,
        webhookSecret: tokens.webhookKey,
      },
      parsed,
      { reporter: silentReporter, env: env() },
    );
    o.ports.clock = clock;
    try {
      return await runRotationSweep(readInventory(inventory), parsed.settings, o.ports);
    } finally {
      await o.close();
    }
  }

  it("an account-owned Cloudflare token with a grace period: a new one like it under the account, the old deleted by the sweep after the grace", async () => {
    const old = canary("cf-account-grace-current");
    values.push(old);
    const condition = { request_ip: { in: ["192.0.2.0/24"], not_in: [] } };
    const oldInfo = cloudflare.addVerifiableToken(old, {
      name: "account deployer (grace)",
      accountId: ACCOUNT,
      issued_on: new Date(Date.now() - 5 * 24 * HOUR).toISOString(),
      expires_on: new Date(Date.now() + 55 * 24 * HOUR).toISOString(),
      condition,
      policies: [
        {
          effect: "allow",
          resources: { [`com.cloudflare.api.account.${ACCOUNT}`]: "*" },
          permission_groups: [{ id: "w", name: ACCOUNT_TOKENS_WRITE }],
        },
      ],
    });
    const creates = () => cloudflare.server.requestsTo("POST", `/client/v4/accounts/${ACCOUNT}/tokens`);
    const rolls = () => cloudflare.server.requestsTo("PUT", /\/tokens\/[^/]+\/value$/).length;
    const [createdBefore, rolledBefore] = [creates().length, rolls()];
    const r = await runAction("rotate-secret", {
      inputs: inputs("CF_ACCOUNT_GRACE", { "current-value": old, "cloudflare-api-token": "" }),
      env: env(),
    });
    expect(r.code, r.stderr + r.log).toBe(0);
    expect(r.outputs.status).toBe("rotated");
    const revokeAt = Date.parse(r.outputs["revoke-at"] ?? "");
    expect(Math.abs(revokeAt - (Date.now() + 24 * HOUR))).toBeLessThan(5 * 60_000);
    expect(creates()).toHaveLength(createdBefore + 1);
    expect(rolls()).toBe(rolledBefore); // not rolled
    const fresh = (await openSecret(repo(), "CF_ACCOUNT_GRACE"))!;
    values.push(fresh);
    const info = cloudflare.verifiableTokens.get(fresh)!;
    expect(info).toMatchObject({
      name: "account deployer (grace)",
      accountId: ACCOUNT,
      condition,
      policies: [
        {
          effect: "allow",
          resources: { [`com.cloudflare.api.account.${ACCOUNT}`]: "*" },
          permission_groups: [{ id: "w", name: ACCOUNT_TOKENS_WRITE }],
        },
      ],
    });
    expect(info.id).not.toBe(oldInfo.id);
    const lifetime = Date.parse(info.expires_on!) - Date.now();
    expect(Math.abs(lifetime - 60 * 24 * HOUR)).toBeLessThan(10 * 60_000);
    expect(cloudflare.verifiableTokens.get(old)?.status).toBe("active"); // alive through the grace period

    const tokens = new Map([["CF_ACCOUNT_GRACE", fresh]]);
    let now = new Date(revokeAt - 2 * HOUR);
    const clock: Clock = { now: () => now, sleep: async () => {} };
    const early = await sweepAt(clock, tokens);
    expect(early.revokes).toEqual([]);
    expect(cloudflare.verifiableTokens.has(old)).toBe(true);

    now = new Date(revokeAt + 60_000);
    const after = await sweepAt(clock, tokens);
    expect(after.revokes).toEqual([
      expect.objectContaining({
        secret: "CF_ACCOUNT_GRACE",
        job_id: r.outputs["job-id"],
        outcome: "revoked",
      }),
    ]);
    expect(
      cloudflare.server.requestsTo("DELETE", `/client/v4/accounts/${ACCOUNT}/tokens/${oldInfo.id}`),
    ).toHaveLength(1);
    expect(cloudflare.verifiableTokens.has(old)).toBe(false);
    expect(cloudflare.verifiableTokens.get(fresh)?.status).toBe("active");
    const { jobs, audit } = await dump();
    expect(jobs).toHaveLength(1);
    expect(jobs[0].revoke_at).toBeNull();
    expect(audit.map((a) => a.action)).toEqual([
      "secret.rotate.triggered",
      "secret.rotate.completed",
      "secret.revoked",
    ]);
    expect(audit[2].context.details).toMatchObject({ credential_id: oldInfo.id });
    await scan([r, early.summary, after.summary]);
  });

  it("killed while it revokes the old credential (compromise): the re-run finishes the revocation once, the same job completes", async () => {
    const del = "/oauth/authorizations/:id";
    // The vendor deletes the old authorization, then the answer is lost and the process dies.
    heroku.server.fault("DELETE", del, { kind: "drop-reply" });
    const seen = heroku.server.requestsTo("DELETE", del).length;
    const oldId = heroku.authorizations.find((a) => a.token === current.heroku)!.id;
    const r1 = await runAction("rotate-secret", {
      inputs: inputs("HEROKU_API_KEY", { "current-value": current.heroku, compromised: true }),
      env: env(),
      onSpawn: (child) => {
        const t = setInterval(() => {
          if (heroku.server.requestsTo("DELETE", del).length > seen) {
            clearInterval(t);
            setTimeout(() => child.kill("SIGKILL"), 100);
          }
        }, 20);
      },
    });
    expect(r1.signal).toBe("SIGKILL");
    heroku.server.clearFaults();
    const fresh = (await openSecret(repo(), "HEROKU_API_KEY"))!;
    values.push(fresh);
    expect(liveHerokuTokens()).toEqual([fresh]);
    const killed = await dump();
    expect(killed.jobs[0]).toMatchObject({ status: "completed" });
    expect(killed.jobs[0].steps_json.steps.at(-1)).toMatchObject({ name: "revoke_old", status: "running" });
    expect(killed.jobs[0].revoke_at).not.toBeNull(); // the next sweep would finish it too
    expect(killed.audit.map((a) => a.action)).toEqual(["secret.rotate.triggered", "secret.rotate.completed"]);

    // A re-run of the workflow reads the secrets as they are now: HEROKU_API_KEY holds the new value.
    const r2 = await runAction("rotate-secret", {
      inputs: inputs("HEROKU_API_KEY", {
        "current-value": fresh,
        "heroku-api-key": fresh,
        compromised: true,
      }),
      env: env(),
    });
    expect(r2.code, r2.stderr + r2.log).toBe(0);
    expect(r2.outputs.status).toBe("rotated");
    expect(liveHerokuTokens()).toEqual([fresh]);
    expect(await openSecret(repo(), "HEROKU_API_KEY")).toBe(fresh); // nothing rotated again
    const { jobs, audit } = await dump();
    expect(jobs).toHaveLength(1);
    expect(r2.outputs["job-id"]).toBe(jobs[0].id);
    expect(jobs[0]).toMatchObject({ status: "completed", revoke_at: null });
    expect(jobs[0].steps_json.steps.at(-1)).toMatchObject({ name: "revoke_old", status: "completed" });
    expect(jobs[0].steps_json.steps.at(-1).detail).toContain(`${oldId} was already gone`);
    expect(audit.map((a) => a.action)).toEqual([
      "secret.rotate.triggered",
      "secret.rotate.completed",
      "secret.revoked",
    ]);
    expect(audit[2].context.details).toMatchObject({ credential_id: oldId, compromised: true });
    // The first run died before it told anyone; the re-run tells once.
    expect(hooks.requests.map((h) => JSON.parse(h.body).event)).toEqual(["secret.rotated"]);
    await scan([r1, r2]);
  });

  it("killed between completing the job and writing its completed row: the re-run writes the row once and rotates nothing", async () => {
    // The consumer write is slowed so that the audit table can be locked after the triggered row, and the
    // completed row then waits on the lock while the job is already completed: the process dies there.
    const put = "/repos/:owner/:repo/actions/secrets/:name";
    github.server.fault("PUT", put, { kind: "delay", ms: 1500 }, 1);
    const seen = github.server.requestsTo("PUT", put).length;
    const locker = await connect(db.url);
    let locked = false;
    const jobStatus = async () =>
      (await locker.query("SELECT status FROM console_rotation_jobs")).rows[0]?.status as string | undefined;
    const watch = (child: { kill(signal: NodeJS.Signals): boolean }) => {
      void (async () => {
        while (github.server.requestsTo("PUT", put).length === seen)
          await new Promise((r) => setTimeout(r, 10));
        await locker.query("BEGIN; LOCK TABLE console_audit_log IN EXCLUSIVE MODE");
        locked = true;
        while ((await jobStatus()) !== "completed") await new Promise((r) => setTimeout(r, 10));
        // The completed row's INSERT is waiting on the lock: the process dies with it.
        await waitForLockWaiter();
        child.kill("SIGKILL");
      })();
    };
    const waitForLockWaiter = async () => {
      for (;;) {
        const n = await locker.query(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()",
        );
        if (n.rows[0].n > 0) return;
        await new Promise((r) => setTimeout(r, 10));
      }
    };
    let r1: Awaited<ReturnType<typeof runAction>>;
    try {
      r1 = await runAction("rotate-secret", {
        inputs: inputs("SESSION_SECRET"),
        env: env(),
        onSpawn: (child) => watch(child),
      });
      expect(r1.signal).toBe("SIGKILL");
      expect(locked).toBe(true);
      // The dead process's connection goes with it (its statement never ran), then the lock is let go.
      await locker.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database() AND pid <> pg_backend_pid()",
      );
    } finally {
      await locker.query("ROLLBACK").catch(() => {});
      await locker.end();
    }
    const fresh = (await openSecret(repo(), "SESSION_SECRET"))!;
    values.push(fresh);
    const killed = await dump();
    expect(killed.jobs.map((j) => j.status)).toEqual(["completed"]);
    expect(killed.audit.map((a) => a.action)).toEqual(["secret.rotate.triggered"]);
    const puts = github.server.requestsTo("PUT", put).length;

    const r2 = await runAction("rotate-secret", { inputs: inputs("SESSION_SECRET"), env: env() });
    expect(r2.code, r2.stderr + r2.log).toBe(0);
    expect(r2.outputs).toMatchObject({ status: "rotated", "job-id": killed.jobs[0].id });
    expect(github.server.requestsTo("PUT", put)).toHaveLength(puts); // no second rotation
    expect(await openSecret(repo(), "SESSION_SECRET")).toBe(fresh);
    const { jobs, audit } = await dump();
    expect(jobs).toHaveLength(1);
    expect(audit.map((a) => a.action)).toEqual(["secret.rotate.triggered", "secret.rotate.completed"]);
    expect(audit[1].context.details).toMatchObject({ job_id: jobs[0].id, revoke: "none" });

    // Another run (or the next sweep) owes nothing more: a run inside the window rotates anew, one row each.
    const r3 = await runAction("rotate-secret", { inputs: inputs("SESSION_SECRET"), env: env() });
    expect(r3.code, r3.stderr + r3.log).toBe(0);
    values.push((await openSecret(repo(), "SESSION_SECRET"))!);
    const last = await dump();
    expect(last.jobs).toHaveLength(2);
    expect(last.audit.filter((a) => a.action === "secret.rotate.completed")).toHaveLength(2);
    expect(last.audit.filter((a) => a.context.details.job_id === jobs[0].id)).toHaveLength(2);
    await scan([r1, r2, r3]);
  });
});
