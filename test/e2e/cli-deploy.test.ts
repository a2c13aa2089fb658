import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Sandbox, startSandbox } from "../../src/sandbox/demo.js";
import { AuditStore } from "../../src/store/audit.js";
import { withAppLock } from "../../src/store/lock.js";
import { freshDatabase } from "../support/db.js";
import { BIN, cleanEnv, runCli, Terminal } from "./cli-harness.js";

describe("prodgate deploy: the break-glass path, driven as a person would (bundle, terminal and pipes)", () => {
  let db: { url: string; drop(): Promise<void> };
  let home: string;
  let world: Sandbox | undefined;
  let terminal: Terminal | undefined;
  const outputs: string[] = [];

  beforeAll(async () => {
    db = await freshDatabase("cli_deploy");
    home = mkdtempSync(join(tmpdir(), "prodgate-home-"));
  });
  afterEach(async () => {
    if (terminal) outputs.push(terminal.screen());
    terminal?.close();
    terminal = undefined;
    if (world) {
      for (const secret of [world.apiKey, world.slack.token, new URL(world.databaseUrl).password])
        for (const out of outputs) expect(out).not.toContain(secret);
      await world.stop();
    }
    world = undefined;
    outputs.length = 0;
  });
  afterAll(async () => {
    await db.drop();
    rmSync(home, { recursive: true, force: true });
  });

  /** Requests to Heroku's git endpoint before the test: the sandbox's own push of what is live. */
  let gitBaseline = 0;
  const sandbox = async (app: string, opts: { gitEmail?: string | null } = {}) => {
    world = await startSandbox({ databaseUrl: db.url, app, ...opts });
    gitBaseline = world.git.requests.length;
    return world;
  };
  const envOf = (w: Sandbox, extra: Record<string, string | undefined> = {}) =>
    cleanEnv(home, { ...w.env, ...extra });
  const inTerminal = (w: Sandbox, args: string[]) => {
    terminal = Terminal.start([process.execPath, BIN, "deploy", "--app", w.app, ...args], {
      env: envOf(w),
      cwd: w.repoDir,
    });
    return terminal;
  };
  const piped = async (w: Sandbox, args: string[], extra: Record<string, string | undefined> = {}) => {
    const r = await runCli(["deploy", "--app", w.app, ...args], { env: envOf(w, extra), cwd: w.repoDir });
    outputs.push(r.stdout, r.stderr);
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
  const pushes = (w: Sandbox) =>
    w.git.requests.slice(gitBaseline).filter((r) => r.service === "git-receive-pack");
  /** Nothing happened: no push, no new release, no audit row. */
  const expectNothingDone = async (w: Sandbox) => {
    expect(pushes(w)).toEqual([]);
    expect(w.api.releasesOf(w.app)).toHaveLength(2);
    expect(w.api.liveCommitOf(w.app)).toBe(w.commits[0]!.sha);
    expect(await rowsOf(w.app)).toEqual([]);
  };

  it("shows the banner and the diff, then a wrong phrase aborts with exit 3: no push, no audit row", async () => {
    const w = await sandbox("shop-wrong");
    const t = inTerminal(w, ["--health-interval", "200ms"]);
    const screen = await t.waitFor("Type 'deploy shop-wrong to production' to continue:");
    expect(screen).toContain("TARGET: PRODUCTION (shop-wrong)");
    expect(screen).toContain(
      `${w.commits[0]!.sha.slice(0, 7)} (live, release v2) → ${w.commits[3]!.sha.slice(0, 7)} (HEAD)`,
    );
    expect(screen).toContain("3 commits will ship to shop-wrong (production).");
    expect(screen).toContain(
      `${w.commits[3]!.sha.slice(0, 7)} Show prices in the visitor's currency (Sam Rivera)`,
    );
    expect(screen).toContain("Operator: you@example.com (git config user.email)");
    t.typeLine("deploy shop-wrong to prod");
    expect(await t.waitForExit()).toBe(3);
    expect(t.screen()).toContain(
      "aborted: 'deploy shop-wrong to prod' is not 'deploy shop-wrong to production'. Nothing was deployed: no audit row, no push.",
    );
    await expectNothingDone(w);
  });

  it("Ctrl-C at the prompt: exit 130, nothing done", async () => {
    const w = await sandbox("shop-ctrlc-prompt");
    const t = inTerminal(w, []);
    await t.waitFor("to continue:");
    t.ctrlC();
    expect(await t.waitForExit()).toBe(130);
    expect(t.screen()).toContain("interrupted at the confirmation prompt: nothing was done");
    await expectNothingDone(w);
  });

  it("while another deploy holds the app's lock, the terminal says so and the deploy goes on once it is free", async () => {
    const w = await sandbox("shop-locked");
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => {
      locked = resolve;
    });
    const holder = withAppLock(db.url, w.app, async () => {
      locked();
      await held;
    });
    await lockTaken;
    const t = inTerminal(w, ["--health-interval", "200ms", "--lock-wait", "1m"]);
    await t.waitFor("to continue:");
    t.typeLine("deploy shop-locked to production");
    await t.waitFor(
      /waiting for the deploy lock of shop-locked \(another deploy holds it; up to 1m\) · \d+(\.\d+)?s/,
    );
    expect(pushes(w)).toEqual([]);
    release();
    await holder;
    expect(await t.waitForExit()).toBe(0);
    expect(w.api.liveCommitOf(w.app)).toBe(w.commits[3]!.sha);
  });

  it("the exact phrase deploys: live health progress, audit rows with trigger local-script, Slack, and the rollback command", async () => {
    const w = await sandbox("shop-right");
    w.web.flap("GET", "/health", 1, { kind: "status", status: 503 });
    const t = inTerminal(w, ["--health-attempts", "3", "--health-interval", "2s"]);
    await t.waitFor("to continue:");
    t.typeLine("deploy shop-right to production");
    const live = await t.waitFor(/\/health ●○○ 1\/3 · status 503, expected 200 · next attempt in \d/);
    expect(live).toContain("attempt 1/3: status 503");
    const code = await t.waitForExit();
    const screen = t.screen();
    expect(code, screen).toBe(0);
    expect(screen).toContain("attempt 2/3: status 200");
    expect(screen).toContain(
      `✔ Deployed shop-right to production: ${w.commits[0]!.sha.slice(0, 7)} → ${w.commits[3]!.sha.slice(0, 7)} is live as v3 and healthy`,
    );
    expect(screen).toContain(
      "Rollback: prodgate rollback --app shop-right   (or: heroku releases:rollback --app shop-right)",
    );
    expect(screen).not.toContain("next attempt in");

    expect(w.api.liveCommitOf(w.app)).toBe(w.commits[3]!.sha);
    expect(pushes(w).length).toBeGreaterThan(0);
    const rows = await rowsOf(w.app);
    expect(rows.map((r) => [r.action, r.context.phase, r.outcome, r.actor, r.context.trigger])).toEqual([
      ["deploy.production", "started", null, "you@example.com", "local-script"],
      ["deploy.production", "completed", "success", "you@example.com", "local-script"],
    ]);
    expect(rows[1]!.context).toMatchObject({
      from_sha: w.commits[0]!.sha,
      to_sha: w.commits[3]!.sha,
      target_app: w.app,
    });
    expect(screen).toContain(`Audit: started #${rows[0]!.id}, completed #${rows[1]!.id}`);
    expect(w.slack.transcript({ urls: false })).toContain("✅ Deployed shop-right to 🚨 PRODUCTION");
  });

  it("a deploy's lead time reaches the console: prodgate deploy, then prodgate console build", async () => {
    const w = await sandbox("shop-lead");
    const r = await piped(w, ["--confirm", "deploy shop-lead to production"]);
    expect(r.code, r.stderr).toBe(0);
    const [, completed] = await rowsOf(w.app);
    const committedAt = execFileSync("git", ["show", "-s", "--format=%cI", w.commits[3]!.sha], {
      cwd: w.repoDir,
      encoding: "utf8",
    }).trim();
    const details = completed!.context.details as { committed_at?: string };
    expect(Date.parse(details.committed_at ?? "")).toBe(Date.parse(committedAt));

    const out = join(home, "console-lead");
    const registry = join(home, "lead-surfaces.yml");
    writeFileSync(
      registry,
      "surfaces:\n  - { id: shop-lead, hostname: shop-lead.example.com, provider: heroku, heroku: { app: shop-lead } }\n",
    );
    const built = await runCli(["console", "build", "--registry", registry, "--out", out], {
      env: cleanEnv(home, { DATABASE_URL: db.url }),
      cwd: home,
    });
    outputs.push(built.stdout, built.stderr);
    expect(built.code, built.stderr).toBe(0);
    const metrics = JSON.parse(readFileSync(join(out, "api/metrics.json"), "utf8"));
    const week = metrics.apps
      .find((a: { app: string }) => a.app === "shop-lead")
      .windows.find((x: { days: number }) => x.days === 7);
    const expected = (new Date(completed!.createdAt).getTime() - Date.parse(committedAt)) / 1000;
    expect(week.lead_time).toMatchObject({ known: 1, unknown: 0 });
    expect(Math.abs(week.lead_time.median_seconds - expected)).toBeLessThan(2);
  });

  it("refuses without an actor email (exit 3), before reading Heroku or writing anything", async () => {
    const w = await sandbox("shop-noactor", { gitEmail: null });
    const none = await piped(w, ["--confirm", "deploy shop-noactor to production"]);
    expect(none.code).toBe(3);
    expect(none.stderr).toContain("refused: who is deploying?");
    expect(none.stderr).toContain(
      "--actor you@example.com, export PRODGATE_ACTOR, or set git config user.email",
    );
    const notEmail = await piped(w, ["--confirm", "deploy shop-noactor to production"], {
      PRODGATE_ACTOR: "bob",
    });
    expect(notEmail.code).toBe(3);
    expect(notEmail.stderr).toContain("the actor from PRODGATE_ACTOR must be an email address; got 'bob'");
    expect(w.api.server.requests).toEqual([]);
    await expectNothingDone(w);
  });

  it("refuses without a terminal unless --confirm names the target exactly (exit 3, nothing done)", async () => {
    const w = await sandbox("shop-notty");
    const noTty = await piped(w, ["--json"], {});
    expect(noTty.code).toBe(3);
    expect(noTty.stderr).toContain('pass --confirm "deploy shop-notty to production" to confirm without one');
    expect(JSON.parse(noTty.stdout)).toMatchObject({ refused: true });
    const wrong = await piped(w, ["--confirm", "yes"]);
    expect(wrong.code).toBe(3);
    expect(wrong.stderr).toContain("--confirm must be exactly 'deploy shop-notty to production'; got 'yes'");
    const wrongTarget = await piped(w, ["--confirm", "deploy shop-notty to staging"]);
    expect(wrongTarget.code).toBe(3);
    expect(w.api.server.requests).toEqual([]);
    await expectNothingDone(w);
  });

  it("--confirm through pipes with --json: stdout is one JSON document; a failed health check rolls back and exits 1", async () => {
    const w = await sandbox("shop-json");
    const args = [
      "--confirm",
      "deploy shop-json to production",
      "--health-attempts",
      "2",
      "--health-interval",
      "100ms",
      "--json",
    ];
    const ok = await piped(w, args, { PRODGATE_ACTOR: "ops@example.com" });
    expect(ok.code).toBe(0);
    const good = JSON.parse(ok.stdout);
    expect(good).toMatchObject({
      app: "shop-json",
      environment: "production",
      actor: "ops@example.com",
      trigger: "local-script",
      interrupted: false,
      rollbackCommand: "prodgate rollback --app shop-json",
      result: { outcome: "success", toSha: w.commits[3]!.sha, fromSha: w.commits[0]!.sha, release: "v3" },
    });
    expect(good.result.summary).toBeUndefined();
    expect(ok.stderr).toContain('Confirmed with --confirm "deploy shop-json to production"');

    const bad = w.commit("Break it", { "broken.js": "throw new Error();\n" }, { breaksHealth: true });
    const failed = await piped(w, args, { PRODGATE_ACTOR: "ops@example.com" });
    expect(failed.code).toBe(1);
    expect(JSON.parse(failed.stdout)).toMatchObject({
      result: { outcome: "rolled_back", toSha: bad.sha, release: "v4", rolledBackTo: "v3" },
    });
    expect(w.api.liveCommitOf(w.app)).toBe(w.commits[3]!.sha);
    expect((await rowsOf(w.app)).map((r) => [r.action, r.outcome])).toEqual([
      ["deploy.production", null],
      ["deploy.production", "success"],
      ["deploy.production", null],
      ["deploy.production", "health_check_failed"],
      ["rollback.production", "rolled_back"],
    ]);
  });

  it("Ctrl-C during the health wait: exit 130, the outcome row is still written and the app's lock released", async () => {
    const w = await sandbox("shop-ctrlc");
    w.setHealth("fail");
    const t = inTerminal(w, ["--health-attempts", "5", "--health-interval", "10m"]);
    await t.waitFor("to continue:");
    t.typeLine("deploy shop-ctrlc to production");
    await t.waitFor("next attempt in");
    t.ctrlC();
    // The 10-minute interval does not run out first: Ctrl-C cuts the wait.
    expect(await t.waitForExit(20_000)).toBe(130);
    const screen = t.screen();
    expect(screen).toContain("Ctrl-C: stopping; finishing: writing the audit outcome and releasing the lock");
    expect(screen).toContain("interrupted: the deploy of shop-ctrlc stopped (outcome health_check_failed)");
    const rows = await rowsOf(w.app);
    expect(rows.map((r) => [r.context.phase, r.outcome])).toEqual([
      ["started", null],
      ["completed", "health_check_failed"],
    ]);
    expect(rows[1]!.context.details).toMatchObject({
      health: { healthy: false, last_reason: "interrupted after 1 attempt(s)" },
    });
    expect(await withAppLock(db.url, w.app, async () => "free", { waitMs: 0 })).toBe("free");
  });

  it("--help of each command documents its flags, the environment it reads and its exit codes", async () => {
    const w = await sandbox("shop-help");
    for (const command of ["deploy", "rollback", "preview", "demo"]) {
      const r = await runCli([command, "--help"], { env: envOf(w), cwd: w.repoDir });
      outputs.push(r.stdout, r.stderr);
      expect(r.code, command).toBe(0);
      expect(r.stdout, command).toContain(`Usage: prodgate ${command} [options]`);
      expect(r.stdout, command).toMatch(/Exit codes: 0 /);
      expect(r.stdout, command).not.toMatch(/--(api-key|token|password|database-url)\b/);
    }
    const deploy = await runCli(["deploy", "--help"], { env: envOf(w), cwd: w.repoDir });
    for (const flag of [
      "--ref",
      "--environment",
      "--health-url",
      "--health-attempts",
      "--health-interval",
      "--health-timeout",
      "--confirm",
      "--actor",
      "--json",
      "--no-rollback-on-failure",
    ])
      expect(deploy.stdout).toContain(flag);
    expect(deploy.stdout).toContain("Environment: HEROKU_API_KEY and DATABASE_URL (required)");
  });
});
