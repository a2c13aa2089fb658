import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Clock, silentReporter } from "../../src/core/ports.js";
import { parseInventory } from "../../src/core/secret-inventory.js";
import { runRotationSweep } from "../../src/pipelines/rotation-sweep.js";
import { openRotationPorts, parseRotationInputs } from "../../src/pipelines/rotation-sweep-setup.js";
import { GitHubApiFake } from "../../src/sandbox/github-api.js";
import { openSecret } from "../../src/sandbox/github-secrets-fake.js";
import { HerokuApiFake } from "../../src/sandbox/heroku-api.js";
import { SlackFake } from "../../src/sandbox/slack-api.js";
import { connect } from "../../src/store/db.js";
import { canary, expectNoCanary } from "../support/canary.js";
import { freshDatabase } from "../support/db.js";

const HOUR = 3_600_000;

function testClock(start: Date): Clock & { set(d: Date): void } {
  let now = start;
  return { now: () => now, sleep: async () => {}, set: (d) => (now = d) };
}

describe("rotation sweep with dispatch: rotate in-process, warn in the last hour, revoke after the grace period", () => {
  const writer = canary("secrets-writer");
  const current = canary("heroku-current");
  const github = new GitHubApiFake({ token: canary("gh") });
  const heroku = new HerokuApiFake({ apiKey: canary("heroku-admin") });
  const slack = new SlackFake();
  let db: { url: string; drop(): Promise<void> };
  const inventory = parseInventory(
    [
      "secrets:",
      "  - name: HEROKU_API_KEY",
      "    vendor: heroku",
      "    source: heroku-authorization",
      "    authorization: prodgate deploys",
      "    policy: { max-overlap: 24h }",
      "    rotate: { generate: heroku-authorization, consumers: [{ github-actions: { repository: acme/api } }] }",
      "",
    ].join("\n"),
    "secrets.yml",
  );

  beforeAll(async () => {
    await Promise.all([github.start(), heroku.start(), slack.start()]);
    db = await freshDatabase("grace");
    github.addToken(writer, { login: "octo-admin" });
    github.repo("acme/api").chain(1, { author: "alice" });
    // Three days left on the current authorization: inside the 14-day rotate-before window.
    heroku.addAuthorization({ description: "prodgate deploys", token: current, expiresIn: 3 * 24 * 3600 });
  });
  afterAll(async () => {
    await db?.drop();
    await Promise.all([github.stop(), heroku.stop(), slack.stop()]);
  });

  async function sweep(clock: Clock, key: string, extraEnv: Record<string, string> = {}) {
    const values: Record<string, string> = {
      inventory: "secrets.yml",
      "database-url": db.url,
      dispatch: "true",
      issues: "false",
    };
    const inputs = parseRotationInputs((n) => values[n] ?? "", {});
    const env = {
      HEROKU_API_URL: heroku.url,
      GITHUB_API_URL: github.url,
      SLACK_API_URL: slack.apiUrl,
      ...extraEnv,
    };
    const o = await openRotationPorts(
      {
        githubToken: writer,
        githubSecretsToken: writer,
        herokuApiKey: key,
        cloudflareTokens: new Map(),
        slackToken: slack.token,
        slackChannel: "C0DEPLOYS",
      },
      inputs,
      { reporter: silentReporter, env },
    );
    o.ports.clock = clock;
    try {
      return await runRotationSweep(inventory, inputs.settings, o.ports);
    } finally {
      await o.close();
    }
  }

  async function secretRows() {
    const c = await connect(db.url);
    try {
      return {
        jobs: (await c.query("SELECT * FROM console_rotation_jobs")).rows,
        audit: (
          await c.query(
            "SELECT action, context FROM console_audit_log WHERE action LIKE 'secret.%' ORDER BY id",
          )
        ).rows,
      };
    } finally {
      await c.end();
    }
  }

  it("takes three sweeps: rotated, warned once in the last hour, revoked after it; nothing leaks", async () => {
    const t0 = new Date();
    const clock = testClock(t0);
    const first = await sweep(clock, current);
    expect(first.report.dispatches).toEqual([
      expect.objectContaining({
        secret: "HEROKU_API_KEY",
        outcome: "dispatched",
        detail: expect.stringContaining("rotated in-process"),
      }),
    ]);
    const fresh = (await openSecret(github.repo("acme/api"), "HEROKU_API_KEY"))!;
    expect(heroku.authorizations.map((a) => a.token).sort()).toEqual([current, fresh].sort());

    clock.set(new Date(t0.getTime() + 12 * HOUR));
    const quiet = await sweep(clock, fresh);
    expect(quiet.revokes).toEqual([]);
    expect(quiet.report.dispatches[0]).toMatchObject({ outcome: "waiting" });

    clock.set(new Date(t0.getTime() + 23.5 * HOUR));
    const warned = await sweep(clock, fresh);
    expect(warned.revokes).toEqual([expect.objectContaining({ outcome: "warned" })]);
    expect(slack.messages.at(-1)?.text).toMatch(/old credential of \*HEROKU_API_KEY\*.*is revoked at/);
    const again = await sweep(clock, fresh);
    expect(again.revokes).toEqual([]); // warned once
    expect(heroku.authorizations).toHaveLength(2);

    clock.set(new Date(t0.getTime() + 24.5 * HOUR));
    const revoked = await sweep(clock, fresh);
    expect(revoked.revokes).toEqual([expect.objectContaining({ outcome: "revoked" })]);
    expect(revoked.summary).toContain("### Old credentials");
    expect(heroku.authorizations.map((a) => a.token)).toEqual([fresh]);
    const { jobs, audit } = await secretRows();
    expect(jobs).toHaveLength(1);
    expect(jobs[0].revoke_at).toBeNull();
    expect(jobs[0].steps_json.steps.at(-1)).toMatchObject({ name: "revoke_old", status: "completed" });
    expect(audit.map((a) => a.action)).toEqual([
      "secret.rotate.triggered",
      "secret.rotate.completed",
      "secret.revoked",
    ]);
    expect(audit[0].context.details.trigger).toBe("scheduled");
    expectNoCanary([current, fresh], {
      audit,
      jobs,
      slack: slack.messages,
      summaries: [first.summary, revoked.summary],
    });
  });

  it("the kill switch stops the sweep's rotations, naming it", async () => {
    const before = heroku.authorizations.map((a) => a.id);
    heroku.authorizations[0]!.expiresIn = 3600;
    const r = await sweep(testClock(new Date(Date.now() + 100 * HOUR)), heroku.authorizations[0]!.token, {
      ROTATION_PIPELINE_DISABLED: "1",
    });
    expect(r.report.dispatches).toEqual([
      expect.objectContaining({
        outcome: "skipped",
        detail: "ROTATION_PIPELINE_DISABLED=1: rotation is disabled",
      }),
    ]);
    expect(r.notes.join("\n")).toContain("ROTATION_PIPELINE_DISABLED=1: no old credential was revoked");
    expect(heroku.authorizations.map((a) => a.id)).toEqual(before);
    expect((await secretRows()).jobs).toHaveLength(1);
  });
});
