import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Sandbox, startSandbox } from "../../src/sandbox/demo.js";
import { freePort } from "../../src/sandbox/postgres.js";
import { AuditStore } from "../../src/store/audit.js";
import { freshDatabase } from "../support/db.js";
import { type CliRun, cleanEnv, runCli } from "./cli-harness.js";

describe("prodgate rollback and prodgate preview (the bundle, through pipes)", () => {
  let db: { url: string; drop(): Promise<void> };
  let home: string;
  let world: Sandbox | undefined;
  const runs: CliRun[] = [];

  beforeAll(async () => {
    db = await freshDatabase("cli_rollback");
    home = mkdtempSync(join(tmpdir(), "prodgate-home-"));
  });
  afterEach(async () => {
    await world?.stop();
    world = undefined;
  });
  afterAll(async () => {
    await db.drop();
    rmSync(home, { recursive: true, force: true });
  });

  const prodgate = async (w: Sandbox, args: string[], env: Record<string, string | undefined> = {}) => {
    const r = await runCli(args, { cwd: w.repoDir, env: cleanEnv(home, { ...w.env, ...env }) });
    runs.push(r);
    for (const secret of [w.apiKey, w.slack.token, new URL(w.databaseUrl).password]) {
      expect(r.stdout + r.stderr).not.toContain(secret);
    }
    return r;
  };

  const rowsOf = async (app: string) => {
    const store = await AuditStore.open(db.url, { migrate: false });
    try {
      return (await store.read({ target: app })).reverse();
    } finally {
      await store.close();
    }
  };

  it("rolls back to the previous release in one command, audited as local-script, and announced in Slack", async () => {
    world = await startSandbox({ databaseUrl: db.url, app: "shop-rb1" });
    const w = world;
    w.api.addRelease(w.app, { commit: w.commits[3]!.sha });
    const r = await prodgate(w, ["rollback", "--app", w.app, "--json"]);
    expect(r.stderr).toContain("shop-rb1 rolled back: v3");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      app: w.app,
      ok: true,
      actor: "you@example.com",
      before: { version: 3, commit: w.commits[3]!.sha },
      target: { version: 2, commit: w.commits[0]!.sha },
      after: { version: 4, commit: w.commits[0]!.sha },
      undo: `prodgate rollback --app ${w.app} --release v3`,
    });
    expect(w.api.liveCommitOf(w.app)).toBe(w.commits[0]!.sha);
    const rows = await rowsOf(w.app);
    expect(rows.map((x) => [x.action, x.context.phase, x.outcome, x.actor, x.context.trigger])).toEqual([
      ["rollback.production", "started", null, "you@example.com", "local-script"],
      ["rollback.production", "completed", "success", "you@example.com", "local-script"],
    ]);
    expect(rows[1]!.context).toMatchObject({ from_sha: w.commits[3]!.sha, to_sha: w.commits[0]!.sha });
    expect(out.audit).toEqual({ started: rows[0]!.id, completed: rows[1]!.id, spooled: [] });
    expect(w.slack.transcript({ urls: false })).toContain("Rolled back");
  });

  it("rolls back to a named release, and undoes it with the command it printed", async () => {
    world = await startSandbox({ databaseUrl: db.url, app: "shop-rb2" });
    const w = world;
    w.api.addRelease(w.app, { commit: w.commits[2]!.sha });
    w.api.addRelease(w.app, { commit: w.commits[3]!.sha });
    const back = await prodgate(w, [
      "rollback",
      "--app",
      w.app,
      "--release",
      "v2",
      "--actor",
      "ops@example.com",
    ]);
    expect(back.code).toBe(0);
    expect(w.api.liveCommitOf(w.app)).toBe(w.commits[0]!.sha);
    expect(back.stderr).toContain(`To undo: prodgate rollback --app ${w.app} --release v4`);
    const undo = await prodgate(w, ["rollback", "--app", w.app, "--release", "v4"]);
    expect(undo.code).toBe(0);
    expect(w.api.liveCommitOf(w.app)).toBe(w.commits[3]!.sha);
    expect((await rowsOf(w.app)).filter((x) => x.outcome === "success").map((x) => x.actor)).toEqual([
      "ops@example.com",
      "you@example.com",
    ]);
  });

  it("is never gated by the audit database: with Postgres down it still rolls back, spools both records, and replay writes them once", async () => {
    world = await startSandbox({ databaseUrl: db.url, app: "shop-rb3" });
    const w = world;
    w.api.addRelease(w.app, { commit: w.commits[3]!.sha });
    const spool = join(w.root, "spool-down");
    const down = `postgres://postgres:nopass@127.0.0.1:${await freePort()}/prodgate`;
    const r = await prodgate(w, ["rollback", "--app", w.app, "--spool-dir", spool], { DATABASE_URL: down });
    expect(r.code).toBe(0);
    expect(w.api.liveCommitOf(w.app)).toBe(w.commits[0]!.sha);
    expect(r.stderr).toContain("audit record spooled to");
    expect(r.stderr).not.toContain("nopass");
    expect(readdirSync(spool).filter((f) => f.endsWith(".json"))).toHaveLength(2);
    expect(await rowsOf(w.app)).toEqual([]);

    const replay = await prodgate(w, ["audit", "replay", "--spool", spool, "--json"]);
    expect(replay.code).toBe(0);
    expect(JSON.parse(replay.stdout)).toMatchObject({ written: 2, duplicates: 0 });
    const rows = await rowsOf(w.app);
    expect(rows.map((x) => [x.context.phase, x.outcome])).toEqual([
      ["started", null],
      ["completed", "success"],
    ]);
  });

  it("fails with exit 1 and an audited outcome when there is nothing to roll back to; exit 2 without HEROKU_API_KEY", async () => {
    world = await startSandbox({ databaseUrl: db.url, app: "shop-rb4" });
    const w = world;
    const r = await prodgate(w, ["rollback", "--app", w.app]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Nothing to roll back to");
    expect((await rowsOf(w.app)).map((x) => x.outcome)).toEqual([null, "deploy_failed"]);
    const noKey = await prodgate(w, ["rollback", "--app", w.app], { HEROKU_API_KEY: "" });
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toContain("HEROKU_API_KEY is not set");
  });

  it("previews from local git alone: ahead, identical, behind and unknown, with no GitHub anywhere", async () => {
    world = await startSandbox({ databaseUrl: db.url, app: "shop-pv1" });
    const w = world;
    const [c1, c2, c3, c4] = w.commits;
    const preview = async (ref: string) => {
      const r = await prodgate(w, ["preview", "--app", w.app, "--ref", ref, "--json"]);
      expect(r.code).toBe(0);
      expect(r.stderr).toContain(`TARGET: PRODUCTION (${w.app})`);
      return { json: JSON.parse(r.stdout), stderr: r.stderr };
    };
    const ahead = await preview("main");
    expect(ahead.json).toMatchObject({
      status: "ahead",
      ahead: 3,
      behind: 0,
      from: { sha: c1!.sha, release: "release v2" },
      to: { sha: c4!.sha },
    });
    expect(ahead.json.commits.map((c: { message: string }) => c.message)).toEqual([
      c4!.subject,
      c3!.subject,
      c2!.subject,
    ]);
    expect(ahead.json.files.map((f: { filename: string }) => f.filename).sort()).toEqual([
      "cache.js",
      "prices.js",
      "search.js",
    ]);
    expect(ahead.stderr).toContain("3 commits will ship to shop-pv1 (production).");

    expect((await preview(c1!.sha)).json).toMatchObject({ status: "identical", commitCount: 0 });

    w.api.addRelease(w.app, { commit: c4!.sha });
    const behind = await preview("HEAD~2");
    expect(behind.json).toMatchObject({ status: "behind", ahead: 0, behind: 2, filesDirection: "revert" });
    expect(behind.json.removed.map((c: { sha: string }) => c.sha)).toEqual([c4!.sha, c3!.sha]);
    expect(behind.stderr).toContain("ROLLBACK: the target is 2 commits BEHIND");

    w.api.addRelease(w.app, { commit: "f".repeat(40) });
    const unknown = await preview("main");
    expect(unknown.json).toMatchObject({
      status: "unknown",
      note: expect.stringContaining("not in the local checkout"),
    });

    const markdown = await prodgate(w, ["preview", "--app", w.app, "--ref", c2!.sha, "--markdown"]);
    expect(markdown.stdout).toContain("## 🔴 TARGET: PRODUCTION · shop-pv1");
  });
});
