import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GitHubApiFake } from "../../src/sandbox/github-api.js";
import { openSecret } from "../../src/sandbox/github-secrets-fake.js";
import { HerokuApiFake } from "../../src/sandbox/heroku-api.js";
import { connect } from "../../src/store/db.js";
import { canary, expectNoCanary } from "../support/canary.js";
import { freshDatabase } from "../support/db.js";
import { runCli } from "../support/run-action.js";

describe("prodgate rotate (dist/cli bundle)", () => {
  const herokuKey = canary("heroku-key");
  const writer = canary("secrets-writer");
  const current = canary("session-current");
  const github = new GitHubApiFake({ token: canary("gh") });
  const heroku = new HerokuApiFake({ apiKey: herokuKey });
  const dir = mkdtempSync(join(tmpdir(), "prodgate-cli-rotate-"));
  const inventory = join(dir, "secrets.yml");
  let db: { url: string; drop(): Promise<void> };

  beforeAll(async () => {
    await Promise.all([github.start(), heroku.start()]);
    db = await freshDatabase("clirot");
    github.addToken(writer, { login: "octo-admin" });
    github.repo("acme/api").chain(1, { author: "alice" });
    heroku.createApp("api-prod");
    heroku.configVars("api-prod").SESSION_SECRET = current;
    writeFileSync(
      inventory,
      [
        "secrets:",
        "  - name: SESSION_SECRET",
        "    vendor: app",
        "    source: static",
        "    rotate:",
        "      generate: random",
        "      consumers: [{ heroku-config: { app: api-prod } }, { github-actions: { repository: acme/api } }]",
        "",
      ].join("\n"),
    );
  });
  afterAll(async () => {
    await db?.drop();
    await Promise.all([github.stop(), heroku.stop()]);
    rmSync(dir, { recursive: true, force: true });
  });

  const env = (extra: Record<string, string> = {}) => ({
    PATH: process.env.PATH,
    HOME: dir,
    DATABASE_URL: db.url,
    HEROKU_API_KEY: herokuKey,
    GITHUB_SECRETS_TOKEN: writer,
    HEROKU_API_URL: heroku.url,
    GITHUB_API_URL: github.url,
    ...extra,
  });

  async function jobCount(): Promise<number> {
    const c = await connect(db.url);
    try {
      return (await c.query("SELECT count(*)::int AS n FROM console_rotation_jobs")).rows[0].n;
    } finally {
      await c.end();
    }
  }

  it("refuses without the typed confirmation, and with the kill switch, creating nothing", async () => {
    const none = await runCli(["rotate", "SESSION_SECRET", "--inventory", inventory], {
      cwd: dir,
      env: env(),
    });
    expect(none.status).toBe(3);
    expect(none.stderr).toContain('pass --confirm "rotate SESSION_SECRET"');
    const wrong = await runCli(
      ["rotate", "SESSION_SECRET", "--inventory", inventory, "--confirm", "rotate OTHER"],
      {
        cwd: dir,
        env: env(),
      },
    );
    expect(wrong.status).toBe(3);
    const off = await runCli(
      ["rotate", "SESSION_SECRET", "--inventory", inventory, "--confirm", "rotate SESSION_SECRET"],
      { cwd: dir, env: env({ ROTATION_PIPELINE_DISABLED: "1" }) },
    );
    expect(off.status).not.toBe(0);
    expect(off.stderr).toContain("ROTATION_PIPELINE_DISABLED=1");
    expect(await jobCount()).toBe(0);
    expect(heroku.configVars("api-prod").SESSION_SECRET).toBe(current);
  });

  it("rotates into every consumer and prints the job, never a value", async () => {
    const r = await runCli(
      ["rotate", "SESSION_SECRET", "--inventory", inventory, "--confirm", "rotate SESSION_SECRET", "--json"],
      { cwd: dir, env: env() },
    );
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ status: "rotated", job_id: expect.stringMatching(/^rot_/) });
    const fresh = heroku.configVars("api-prod").SESSION_SECRET!;
    expect(fresh).not.toBe(current);
    expect(await openSecret(github.repo("acme/api"), "SESSION_SECRET")).toBe(fresh);
    expect(await jobCount()).toBe(1);
    expectNoCanary([fresh, current, herokuKey, writer], { stdout: r.stdout, stderr: r.stderr });
  });
});
