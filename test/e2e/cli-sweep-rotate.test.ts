import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeServer } from "../../src/sandbox/fake-server.js";
import { GitHubApiFake } from "../../src/sandbox/github-api.js";
import { HerokuApiFake } from "../../src/sandbox/heroku-api.js";
import { InfisicalApiFake } from "../../src/sandbox/infisical-api.js";
import { connect } from "../../src/store/db.js";
import { signBody } from "../../src/vendors/webhook.js";
import { canary, expectNoCanary } from "../support/canary.js";
import { freshDatabase } from "../support/db.js";
import { runCli } from "../support/run-action.js";

/**
 * `prodgate sweep secrets --dispatch` rotating in-process: every secret due is checked for the credentials its
 * rotation needs before any job exists; smoke surfaces come from --registry, webhooks are signed with
 * ROTATION_WEBHOOK_SECRET.
 */
describe("prodgate sweep secrets --dispatch rotates in-process (dist/cli bundle)", () => {
  const herokuKey = canary("heroku-key");
  const githubToken = canary("gh-token");
  const webhookKey = canary("webhook-key");
  const current = canary("session-current");
  const github = new GitHubApiFake({ token: githubToken });
  const heroku = new HerokuApiFake({ apiKey: herokuKey });
  const infisical = new InfisicalApiFake(canary("infisical"));
  const sites = new FakeServer("sites");
  const hooks = new FakeServer("hooks");
  const dir = mkdtempSync(join(tmpdir(), "prodgate-cli-sweep-rotate-"));
  const inventory = join(dir, "secrets.yml");
  const registry = join(dir, "surfaces.yml");
  let db: { url: string; drop(): Promise<void> };

  beforeAll(async () => {
    sites.route("GET", "/api/health", () => ({ body: { ok: true } }));
    hooks.route("POST", "/rotated", () => ({ status: 204 }));
    await Promise.all([github.start(), heroku.start(), infisical.start(), sites.start(), hooks.start()]);
    db = await freshDatabase("cliswrot");
    github.repo("acme/api").chain(1, { author: "alice" });
    heroku.createApp("api-prod");
    heroku.configVars("api-prod").SESSION_SECRET = current;
    writeFileSync(
      registry,
      `surfaces:\n  - { id: api-prod, hostname: api.example.com, provider: http, health: { url: "${sites.url}/api/health", attempts: 1, timeout: 2s } }\n`,
    );
    // Each expires in three days: inside the 14-day rotate-before window, all three are due.
    const expires = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    writeFileSync(
      inventory,
      [
        "secrets:",
        "  - name: SESSION_SECRET",
        "    vendor: app",
        "    source: static",
        "    last-rotated-at: 2026-01-01",
        `    expires-at: ${expires}`,
        "    rotate:",
        "      generate: random",
        "      consumers: [{ heroku-config: { app: api-prod } }]",
        "      smoke: [api-prod]",
        `      notify: [${hooks.url}/rotated]`,
        "  - name: DEPLOY_SIGNING_KEY",
        "    vendor: app",
        "    source: static",
        "    last-rotated-at: 2026-01-01",
        `    expires-at: ${expires}`,
        "    rotate: { generate: random, consumers: [{ github-actions: { repository: acme/api } }] }",
        "  - name: VAULT_KEY",
        "    vendor: app",
        "    source: static",
        "    last-rotated-at: 2026-01-01",
        `    expires-at: ${expires}`,
        "    rotate: { generate: random, consumers: [{ infisical: { project: proj1, environment: prod } }] }",
        "",
      ].join("\n"),
    );
  });
  afterAll(async () => {
    await db?.drop();
    await Promise.all([github.stop(), heroku.stop(), infisical.stop(), sites.stop(), hooks.stop()]);
    rmSync(dir, { recursive: true, force: true });
  });

  // No GITHUB_SECRETS_TOKEN and no INFISICAL_TOKEN: two of the three rotations lack a credential.
  const env = (extra: Record<string, string> = {}) => ({
    PATH: process.env.PATH,
    HOME: dir,
    DATABASE_URL: db.url,
    GITHUB_TOKEN: githubToken,
    HEROKU_API_KEY: herokuKey,
    HEROKU_API_URL: heroku.url,
    GITHUB_API_URL: github.url,
    INFISICAL_API_URL: infisical.url,
    GITHUB_REPOSITORY: "acme/api",
    ...extra,
  });

  async function rows() {
    const c = await connect(db.url);
    try {
      return {
        jobs: (await c.query("SELECT * FROM console_rotation_jobs ORDER BY triggered_at")).rows,
        audit: (
          await c.query(
            "SELECT action, target, context FROM console_audit_log WHERE action LIKE 'secret.%' ORDER BY id",
          )
        ).rows,
      };
    } finally {
      await c.end();
    }
  }

  const sweep = (extraArgs: string[], extraEnv: Record<string, string> = {}) =>
    runCli(["sweep", "secrets", "--inventory", inventory, "--dispatch", "--json", ...extraArgs], {
      cwd: dir,
      env: env(extraEnv),
    });

  it("names each missing credential up front, creates no job or row for it, and still rotates the others", async () => {
    // Without ROTATION_WEBHOOK_SECRET and --registry, not even SESSION_SECRET can be rotated.
    const bare = await sweep([]);
    expect(bare.status, bare.stderr).toBe(0);
    const bareReport = JSON.parse(bare.stdout);
    type Dispatch = { secret: string; outcome: string; job_id?: string; detail?: string };
    const detail = (report: { dispatches: Dispatch[] }, name: string) =>
      report.dispatches.find((d) => d.secret === name);
    expect(detail(bareReport, "SESSION_SECRET")).toMatchObject({
      outcome: "failed",
      detail: expect.stringContaining(
        "not rotated, no job created: Input 'ROTATION_WEBHOOK_SECRET' is required: SESSION_SECRET notifies webhooks",
      ),
    });
    expect(bare.stderr).toContain(
      "DEPLOY_SIGNING_KEY: not rotated, no job created: Input 'GITHUB_SECRETS_TOKEN' is required to write github-actions:acme/api:DEPLOY_SIGNING_KEY",
    );
    expect(bare.stderr).toContain(
      "VAULT_KEY: not rotated, no job created: Input 'INFISICAL_TOKEN' is required to write infisical:proj1:prod:/:VAULT_KEY",
    );
    const webhookOnly = await sweep([], { ROTATION_WEBHOOK_SECRET: webhookKey });
    expect(detail(JSON.parse(webhookOnly.stdout), "SESSION_SECRET")?.detail).toContain(
      "Input '--registry' is required: SESSION_SECRET's smoke test probes api-prod, surfaces of the registry",
    );
    expect(await rows()).toEqual({ jobs: [], audit: [] });
    expect(heroku.configVars("api-prod").SESSION_SECRET).toBe(current);
    expect(sites.requests).toHaveLength(0);

    const r = await sweep(["--registry", registry], { ROTATION_WEBHOOK_SECRET: webhookKey });
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(detail(report, "SESSION_SECRET")).toMatchObject({
      outcome: "dispatched",
      job_id: expect.stringMatching(/^rot_/),
      detail: expect.stringContaining("rotated in-process"),
    });
    expect(detail(report, "DEPLOY_SIGNING_KEY")).toMatchObject({
      outcome: "failed",
      detail: expect.stringContaining("Input 'GITHUB_SECRETS_TOKEN' is required"),
    });
    expect(detail(report, "VAULT_KEY")).toMatchObject({
      outcome: "failed",
      detail: expect.stringContaining("Input 'INFISICAL_TOKEN' is required"),
    });
    const fresh = heroku.configVars("api-prod").SESSION_SECRET!;
    expect(fresh).not.toBe(current);

    // The smoke test probed the surface the registry names, with its health settings.
    expect(sites.requestsTo("GET", "/api/health")).toHaveLength(1);
    // One webhook, signed with ROTATION_WEBHOOK_SECRET, naming the job.
    expect(hooks.requests).toHaveLength(1);
    const hook = hooks.requests[0]!;
    expect(hook.headers["x-prodgate-signature"]).toBe(signBody(webhookKey, hook.body));
    expect(JSON.parse(hook.body)).toMatchObject({
      event: "secret.rotated",
      secret_name: "SESSION_SECRET",
      job_id: detail(report, "SESSION_SECRET")?.job_id,
    });

    const { jobs, audit } = await rows();
    expect(jobs.map((j) => [j.secret_name, j.status])).toEqual([["SESSION_SECRET", "completed"]]);
    expect(audit.map((a) => [a.action, a.target])).toEqual([
      ["secret.rotate.triggered", "SESSION_SECRET"],
      ["secret.rotate.completed", "SESSION_SECRET"],
    ]);
    expectNoCanary([fresh, current, herokuKey, githubToken, webhookKey], {
      runs: [bare, webhookOnly, r],
      jobs,
      audit,
      webhook: hook.body,
    });
  });
});
