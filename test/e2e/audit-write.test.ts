import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../src/sandbox/postgres.js";
import { connect } from "../../src/store/db.js";
import { canary, expectNoCanary } from "../support/canary.js";
import { freshDatabase } from "../support/db.js";
import { node24 } from "../support/node24.js";
import { repoRoot, runAction } from "../support/run-action.js";

function cli(args: string[], env: Record<string, string>) {
  const r = spawnSync(node24(), [join(repoRoot, "dist/cli/index.js"), ...args], {
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", NO_COLOR: "1", ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("audit-write action (dist bundle under Node 24)", () => {
  let db: { url: string; drop(): Promise<void> };
  let client: pg.Client;
  let downUrl: string;
  const temp = mkdtempSync(join(tmpdir(), "prodgate-audit-e2e-"));
  const started = {
    action: "deploy.production",
    phase: "started",
    actor: "octocat",
    "approved-by": "reviewer",
    target: "shop-prod",
    "from-sha": "abc1234",
    "to-sha": "def5678",
    environment: "production",
  };

  beforeAll(async () => {
    db = await freshDatabase("e2e_audit");
    client = await connect(db.url);
    const u = new URL(db.url);
    u.port = String(await freePort());
    downUrl = u.toString();
  });
  afterAll(async () => {
    await client.end();
    await db.drop();
    rmSync(temp, { recursive: true, force: true });
  });

  const rows = async (table = "console_audit_log") =>
    (
      await client.query<{
        id: string;
        outcome: string | null;
        context: Record<string, unknown>;
        key: string;
      }>(
        // The chain's own rows (its genesis row) are not what these tests write.
        `SELECT id::text AS id, outcome, context, idempotency_key AS key FROM ${table} WHERE action NOT LIKE 'audit.%' ORDER BY id`,
      )
    ).rows;

  it("writes started, then completed, as separate rows carrying the run", async () => {
    const env = { GITHUB_RUN_ID: "5001" };
    const a = await runAction("audit-write", { inputs: { "database-url": db.url, ...started }, env });
    expect(a.errors).toEqual([]);
    expect(a.code).toBe(0);
    expect(a.outputs).toMatchObject({ spooled: "false", duplicate: "false" });
    const b = await runAction("audit-write", {
      inputs: { "database-url": db.url, ...started, phase: "completed", outcome: "success" },
      env,
    });
    expect(b.code).toBe(0);
    expect(Number(b.outputs["audit-id"])).toBeGreaterThan(Number(a.outputs["audit-id"]));
    expect(b.summary).toContain(`## Audit row #${b.outputs["audit-id"]} written`);
    const [first, second] = await rows();
    expect(first?.outcome).toBeNull();
    expect(first?.context).toMatchObject({
      phase: "started",
      actor: "octocat",
      approved_by: "reviewer",
      from_sha: "abc1234",
      to_sha: "def5678",
      target_app: "shop-prod",
      trigger: "ci",
      environment: "production",
      run_id: "5001",
      run_attempt: 1,
      run_url: "https://github.com/acme/shop/actions/runs/5001/attempts/1",
    });
    expect(second).toMatchObject({
      outcome: "success",
      key: "run:5001:1:deploy.production:shop-prod:completed",
    });
    expect(a.masks).toContain(db.url);
  });

  it("writes one row for the same step run twice, and returns the same id", async () => {
    const env = { GITHUB_RUN_ID: "5002" };
    const before = (await rows()).length;
    const one = await runAction("audit-write", { inputs: { "database-url": db.url, ...started }, env });
    const two = await runAction("audit-write", { inputs: { "database-url": db.url, ...started }, env });
    expect([one.code, two.code]).toEqual([0, 0]);
    expect(two.outputs["audit-id"]).toBe(one.outputs["audit-id"]);
    expect(two.outputs.duplicate).toBe("true");
    expect(two.log).toContain("was already written: no second row");
    expect((await rows()).length).toBe(before + 1);
    const next = await runAction("audit-write", {
      inputs: { "database-url": db.url, ...started },
      env: { GITHUB_RUN_ID: "5002", GITHUB_RUN_ATTEMPT: "2" },
    });
    expect(next.outputs["audit-id"]).not.toBe(one.outputs["audit-id"]);
  });

  it("refuses the deploy when the started row cannot be written", async () => {
    const spool = join(temp, "refused");
    const before = (await rows()).length;
    const r = await runAction("audit-write", {
      inputs: { "database-url": downUrl, ...started, "spool-dir": spool },
      env: { GITHUB_RUN_ID: "5003" },
    });
    expect(r.code).toBe(1);
    expect(r.errors).toEqual([
      "audit database unreachable: deploy refused (cannot migrate the audit database: cannot connect to the database: connection refused)",
    ]);
    expect(r.outputs["audit-id"]).toBeUndefined();
    expect(existsSync(spool)).toBe(false);
    expect((await rows()).length).toBe(before);
  });

  it("spools a completed row the database did not take, shows it, and replay writes it exactly once", async () => {
    const spool = join(temp, "spool");
    const r = await runAction("audit-write", {
      inputs: {
        "database-url": downUrl,
        ...started,
        phase: "completed",
        outcome: "health_check_failed",
        "spool-dir": spool,
      },
      env: { GITHUB_RUN_ID: "5004" },
    });
    expect(r.code).toBe(1);
    expect(r.outputs.spooled).toBe("true");
    const file = r.outputs["spool-file"] ?? "";
    expect(file.startsWith(spool)).toBe(true);
    const json = readFileSync(file, "utf8");
    expect(r.summary).toContain("Audit record spooled, not in the database");
    expect(r.summary).toContain(json.trimEnd());
    expect(r.summary).toContain("prodgate audit replay --spool DIR");
    expect(r.errors[0]).toMatch(
      /^the completed audit row could not be written \(cannot migrate the audit database: .*connection refused\); the record was spooled to /,
    );
    const key = "run:5004:1:deploy.production:shop-prod:completed";
    expect(JSON.parse(json).record.idempotencyKey).toBe(key);

    const count = async () => (await rows()).filter((row) => row.key === key).length;
    expect(await count()).toBe(0);
    const first = cli(["audit", "replay", "--spool", spool], { DATABASE_URL: db.url });
    expect(first.stderr).toContain("1 written, 0 already there");
    expect(first.code).toBe(0);
    expect(await count()).toBe(1);
    const second = cli(["audit", "replay", "--spool", spool, "--json"], { DATABASE_URL: db.url });
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toEqual({ written: 0, duplicates: 0, invalid: [] });
    // The same file replayed again (copied back by hand) finds its row: still one.
    const replayed = join(spool, "replayed", readdirSync(join(spool, "replayed"))[0]!);
    copyFileSync(replayed, join(spool, "again.json"));
    const third = cli(["audit", "replay", "--spool", spool, "--json"], { DATABASE_URL: db.url });
    expect(JSON.parse(third.stdout)).toEqual({ written: 0, duplicates: 1, invalid: [] });
    expect(await count()).toBe(1);
    const row = (await rows()).find((x) => x.key === key);
    expect(row?.outcome).toBe("health_check_failed");
  });

  it("stores no secret: secret-named keys dropped, masked values replaced", async () => {
    const role = `canary_role_${Date.now().toString(36)}`;
    const password = canary("dbpass");
    await client.query(`CREATE ROLE ${role} LOGIN SUPERUSER PASSWORD '${password}'`);
    try {
      const u = new URL(db.url);
      u.username = role;
      u.password = password;
      const token = canary("token");
      const r = await runAction("audit-write", {
        inputs: {
          "database-url": u.toString(),
          ...started,
          context: JSON.stringify({
            heroku_api_key: token,
            slackToken: token,
            headers: { Authorization: `Bearer ${token}`, Cookie: token },
            leaked: password,
            note: `password was ${password}`,
            release: "v42",
          }),
        },
        env: { GITHUB_RUN_ID: "5005" },
      });
      expect(r.errors).toEqual([]);
      expect(r.masks).toEqual(expect.arrayContaining([u.toString(), password]));
      const row = (await rows()).find((x) => x.key === "run:5005:1:deploy.production:shop-prod:started");
      expect(row?.context.details).toEqual({
        headers: {},
        leaked: "***",
        note: "password was ***",
        release: "v42",
      });
      expectNoCanary([token, password], { run: r, row: JSON.stringify(row) });
    } finally {
      await client.query(`DROP ROLE ${role}`);
    }
  });

  it("never prints a canary in the database URL (user, password, host part or database name)", async () => {
    const user = canary("user").replace(/-/g, "_");
    const password = canary("pass");
    const dbName = canary("db").replace(/-/g, "_");
    const live = new URL(db.url);
    live.username = user;
    live.password = password;
    live.pathname = `/${dbName}`;
    const down = new URL(downUrl);
    down.username = user;
    down.password = password;
    for (const [url, why] of [
      [live.toString(), "password authentication failed"],
      [down.toString(), "connection refused"],
    ] as const) {
      const r = await runAction("audit-write", {
        inputs: {
          "database-url": url,
          ...started,
          phase: "completed",
          outcome: "success",
          "spool-dir": join(temp, "canary"),
        },
        env: { GITHUB_RUN_ID: "5006" },
      });
      expect(r.code).toBe(1);
      expect(r.errors.join()).toContain(why);
      expectNoCanary([user, password, dbName, url], { run: r });
    }
  });

  it.each([
    [
      { "database-url": "postgres://u:p@host:notaport/db" },
      "Input 'database-url' is not a valid postgres:// URL",
    ],
    [
      { "database-url": "mysql://u:p@host/db" },
      "Input 'database-url' must be a postgres:// URL; got scheme 'mysql'",
    ],
    [{ phase: "halfway" }, "Input 'phase' must be one of started, completed; got 'halfway'"],
    [
      { phase: "completed", outcome: "meh" },
      "Input 'outcome' must be one of success, deploy_failed, health_check_failed, rolled_back, rejected, rotation_failed; got 'meh'",
    ],
    [{ actor: "" }, "Input 'actor' is required"],
    [{ context: "[1,2]" }, "Input 'context' must be a JSON object; got an array"],
    [{ context: "{oops" }, "Input 'context' must be a JSON object; it is not valid JSON (at character 1)"],
    [{ table: "audit; drop table x" }, "Input 'table' must be a table name"],
  ])("refuses bad input %j with a clear error and writes nothing", async (change, message) => {
    const before = (await rows()).length;
    const r = await runAction("audit-write", {
      inputs: { "database-url": db.url, ...started, ...change },
      env: { GITHUB_RUN_ID: "5007" },
    });
    expect(r.code).toBe(1);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toContain(message);
    expect(r.outputs).toEqual({});
    expect((await rows()).length).toBe(before);
  });

  it("creates and writes a custom table when asked to migrate", async () => {
    const r = await runAction("audit-write", {
      inputs: { "database-url": db.url, ...started, table: "deploy_audit" },
      env: { GITHUB_RUN_ID: "5008" },
    });
    expect(r.errors).toEqual([]);
    expect(await rows("deploy_audit")).toHaveLength(1);
    const noMigrate = await runAction("audit-write", {
      inputs: { "database-url": db.url, ...started, table: "not_migrated", migrate: false },
      env: { GITHUB_RUN_ID: "5008" },
    });
    expect(noMigrate.code).toBe(1);
    expect(noMigrate.errors[0]).toContain('relation "not_migrated" does not exist');
  });

  it("db prune deletes audit rows past --older-than and poll rows past --poll-older-than", async () => {
    await client.query(
      `INSERT INTO deploy_audit (action, actor, target, context, idempotency_key, created_at)
       VALUES ('deploy.production', 'octocat', 'shop', '{}', 'prune:old', now() - interval '3 years'),
              ('deploy.production', 'octocat', 'shop', '{}', 'prune:young', now() - interval '1 year');
       INSERT INTO console_poll_log (surface_id, probe_ok, latency_ms, vendor_call, polled_at)
       VALUES ('shop', true, 5, 'http_health', (now() AT TIME ZONE 'UTC') - interval '40 days'),
              ('shop', true, 5, 'http_health', (now() AT TIME ZONE 'UTC') - interval '10 days'),
              ('shop', true, 5, 'http_health', (now() AT TIME ZONE 'UTC') - interval '1 day')`,
    );
    const env = { DATABASE_URL: db.url };
    const polls = async () =>
      Number(
        (await client.query<{ n: string }>("SELECT count(*)::text AS n FROM console_poll_log")).rows[0]?.n,
      );
    const audits = async () =>
      (await rows("deploy_audit")).filter((r) => r.key.startsWith("prune:")).map((r) => r.key);

    const dry = cli(["db", "prune", "--table", "deploy_audit", "--dry-run", "--json"], env);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({
      table: "deploy_audit",
      dryRun: true,
      count: 1,
      poll: { table: "console_poll_log", exists: true, count: 1 },
    });
    expect(await polls()).toBe(3);
    expect(await audits()).toEqual(["prune:old", "prune:young"]);

    const pruned = cli(["db", "prune", "--table", "deploy_audit", "--poll-older-than", "7d"], env);
    expect(pruned.code).toBe(0);
    expect(pruned.stderr).toMatch(/deleted 1 audit row\(s\) of deploy_audit created before /);
    expect(pruned.stderr).toMatch(/deleted 2 poll row\(s\) of console_poll_log polled before /);
    expect(await polls()).toBe(1);
    expect(await audits()).toEqual(["prune:young"]);

    const bad = cli(["db", "prune", "--poll-older-than", "soon"], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--poll-older-than");
  });
});
