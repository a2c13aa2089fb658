import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { createServer, type Server, type Socket, connect as tcpConnect } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DeployState } from "../../src/core/deploy.js";
import type { Clock, Reporter } from "../../src/core/ports.js";
import { type DeployResult, type DeploySettings, runDeploy } from "../../src/pipelines/deploy.js";
import { AuditStore } from "../../src/store/audit.js";
import { withAppLock } from "../../src/store/lock.js";
import { replaySpool } from "../../src/store/spool.js";
import { expectNoCanary } from "../support/canary.js";
import { type DeployWorld, startDeployWorld } from "../support/deploy-world.js";
import { appendCommits } from "../support/heroku.js";

/** The deploy pipeline in-process (the CLI's way in): the exits the bundle tests cannot reach easily. */

function recorder(): { reporter: Reporter; lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    reporter: {
      info: (m) => lines.push(m),
      warning: (m) => lines.push(`warning: ${m}`),
      error: (m) => lines.push(`error: ${m}`),
      debug: () => {},
      secret: () => {},
      group: (_t, fn) => fn(),
    },
  };
}

/** A TCP proxy to Postgres that can be cut: the database "goes away" mid-deploy. */
async function dbProxy(databaseUrl: string): Promise<{ url: string; cut(): void; close(): Promise<void> }> {
  const target = new URL(databaseUrl);
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = tcpConnect(Number(target.port), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("error", () => {});
      s.on("close", () => sockets.delete(s));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = new URL(databaseUrl);
  url.port = String((server.address() as { port: number }).port);
  const cut = () => {
    server.close();
    for (const s of sockets) s.destroy();
  };
  return { url: url.toString(), cut, close: async () => cut() };
}

describe("deploy pipeline (in-process)", () => {
  let w: DeployWorld;
  let run = 100;
  const results: DeployResult[] = [];
  const logs: string[][] = [];

  const settings = (app: string, sha: string, over: Partial<DeploySettings> = {}): DeploySettings => ({
    app,
    environment: "production",
    productionEnvironments: ["production"],
    ref: sha,
    surface: { kind: "heroku", apiKey: w.herokuKey, method: "git", force: false },
    trigger: "local-script",
    actor: "ops@example.com",
    runId: `local-test-${++run}`,
    health: {
      attempts: 2,
      intervalMs: 100,
      timeoutMs: 2000,
      expectStatus: { codes: [200], classes: [], text: "200" },
      headers: {},
      method: "GET",
      followRedirects: true,
    },
    rollbackOnFailure: true,
    audit: { databaseUrl: w.databaseUrl, spoolDir: join(w.dir, `spool-${run}`) },
    lockWaitMs: 5_000,
    slack: { token: w.slack.token, channel: "C0DEPLOYS", baseUrl: w.slack.apiUrl },
    cwd: w.checkout(sha),
    ...over,
  });

  const deploy = async (
    s: DeploySettings,
    ports: { signal?: AbortSignal; onState?: (x: DeployState) => void } = {},
  ) => {
    const { reporter, lines } = recorder();
    const r = await runDeploy(s, { reporter, ...ports });
    results.push(r);
    logs.push(lines);
    return { r, lines };
  };

  const lockIsFree = (app: string) => withAppLock(w.databaseUrl, app, async () => true, { waitMs: 0 });

  beforeAll(async () => {
    w = await startDeployWorld();
    process.env.HEROKU_API_URL = w.hk.env.HEROKU_API_URL;
    process.env.HEROKU_GIT_URL = w.hk.env.HEROKU_GIT_URL;
  });
  afterAll(async () => {
    expectNoCanary(w.secrets(), {
      results: results.map(({ summary, ...rest }) => ({ summary, rest })),
      logs,
      slack: w.slack.messages,
    });
    await w.stop();
  });

  it("a local-script deploy without GitHub: no reviewer check, trigger local-script, approver as given", async () => {
    await w.app("cli-ok", w.shas[3]);
    const { r } = await deploy(settings("cli-ok", w.shas[7]!, { confirmedBy: "typed the phrase" }));
    expect(r.outcome).toBe("success");
    expect(r.path).toEqual([
      "triggered",
      "gate_checks",
      "locked",
      "audit_started",
      "deploying",
      "health_check",
      "healthy",
      "audited",
      "done",
    ]);
    const rows = await w.auditRows("cli-ok");
    expect(rows.map((x) => [x.context.trigger, x.actor, x.context.approved_by])).toEqual([
      ["local-script", "ops@example.com", "typed the phrase"],
      ["local-script", "ops@example.com", "typed the phrase"],
    ]);
    // The commit time of the SHA shipped, for the console's lead time for changes.
    const committed = execFileSync("git", ["show", "-s", "--format=%cI", w.shas[7]!], { cwd: w.src });
    const at = new Date(committed.toString().trim()).toISOString();
    expect(rows.map((x) => (x.context.details as Record<string, unknown>)?.committed_at)).toEqual([at, at]);
    expect(r.release).toBe("v3");
    expect(r.previousRelease).toBe("v2");
    expect(await lockIsFree("cli-ok")).toBe(true);
  });

  it("Ctrl-C during the health wait: the outcome row is still written and the lock released", async () => {
    await w.app("cli-int", w.shas[3]);
    w.healthStatus.set("cli-int", 503);
    const controller = new AbortController();
    const s = settings("cli-int", w.shas[8]!, {
      health: { ...settings("x", w.shas[8]!).health, attempts: 50, intervalMs: 10_000 },
    });
    // A virtual clock: short waits (retries) pass at once; a health interval waits until it is cut.
    const sleeps: { ms: number; cut: boolean }[] = [];
    const clock: Clock = {
      now: () => new Date(),
      sleep: (ms, signal) =>
        new Promise<void>((resolve, reject) => {
          const entry = { ms, cut: false };
          sleeps.push(entry);
          if (ms < 10_000) return resolve();
          const cut = () => {
            entry.cut = true;
            reject(signal?.reason);
          };
          if (signal?.aborted) return cut();
          signal?.addEventListener("abort", cut, { once: true });
        }),
    };
    const { reporter, lines } = recorder();
    const r = await runDeploy(s, {
      reporter,
      clock,
      signal: controller.signal,
      onHealthAttempt: () => controller.abort(),
    });
    results.push(r);
    logs.push(lines);
    // No 10 s health interval ran to its end: Ctrl-C cut the wait.
    expect(sleeps.filter((x) => x.ms >= 10_000 && !x.cut)).toEqual([]);
    expect(r).toMatchObject({ outcome: "health_check_failed", interrupted: true });
    expect(r.path.slice(-3)).toEqual(["health_failed", "audited", "done"]);
    const rows = await w.auditRows("cli-int");
    expect(rows.map((x) => x.outcome)).toEqual([null, "health_check_failed"]);
    expect(rows[1]!.context.details).toMatchObject({
      health: { last_reason: "interrupted after 1 attempt(s)" },
    });
    expect(w.hk.api.liveCommitOf("cli-int")).toBe(w.shas[8]); // no automatic rollback when interrupted
    expect(r.summary).toContain("Interrupted: the outcome was recorded and the lock released.");
    expect(await lockIsFree("cli-int")).toBe(true);
    w.healthStatus.delete("cli-int");
  });

  it("the database goes away after the push: the outcome is spooled, shown, and replays exactly once", async () => {
    await w.app("cli-spool", w.shas[3]);
    const proxy = await dbProxy(w.databaseUrl);
    const s = settings("cli-spool", w.shas[9]!, {
      audit: { databaseUrl: proxy.url, spoolDir: join(w.dir, "spool-gone"), migrate: false },
    });
    const { r, lines } = await deploy(s, { onState: (state) => state === "health_check" && proxy.cut() });
    await proxy.close();
    expect(r.outcome).toBe("success");
    expect(r.auditSpooled).toBe(true);
    expect(r.spoolFile).toMatch(/spool-gone\/audit-cli-spool-completed-[0-9a-f]{16}\.json$/);
    expect(r.summary).toContain("## ⚠️ Audit record spooled, not in the database");
    expect(
      lines.some((l) => l.startsWith("warning: The deploy.production completed row could not be written")),
    ).toBe(true);
    expect((await w.auditRows("cli-spool")).map((x) => x.outcome)).toEqual([null]);
    const store = await AuditStore.open(w.databaseUrl, { migrate: false });
    try {
      expect(await replaySpool(join(w.dir, "spool-gone"), store)).toMatchObject({
        written: 1,
        duplicates: 0,
      });
    } finally {
      await store.close();
    }
    expect((await w.auditRows("cli-spool")).map((x) => x.outcome)).toEqual([null, "success"]);
    expect(readdirSync(join(w.dir, "spool-gone")).filter((f) => f.endsWith(".json"))).toEqual([]);
  });

  it("a first deploy whose health fails: nothing to roll back to, said so, outcome health_check_failed", async () => {
    await w.app("cli-first");
    w.healthStatus.set("cli-first", 500);
    const { r, lines } = await deploy(settings("cli-first", w.shas[5]!));
    expect(r.outcome).toBe("health_check_failed");
    expect(r.path).not.toContain("rolling_back");
    expect(lines).toContain("warning: cli-first had no release with code before: nothing to roll back to");
    expect((await w.auditRows("cli-first")).map((x) => x.outcome)).toEqual([null, "health_check_failed"]);
    w.healthStatus.delete("cli-first");
  });

  it("a push Heroku refuses: deploy_failed row, Slack told, nothing live changed", async () => {
    await w.app("cli-nff", w.shas[10]);
    const side = appendCommits(w.src, 1, { branch: "side", from: w.shas[2], label: "side" })[0]!;
    const { r } = await deploy(settings("cli-nff", side));
    expect(r.outcome).toBe("deploy_failed");
    expect(r.reason).toMatch(/not a fast-forward/);
    expect(w.hk.api.liveCommitOf("cli-nff")).toBe(w.shas[10]);
    expect((await w.auditRows("cli-nff")).map((x) => x.outcome)).toEqual([null, "deploy_failed"]);
    const msg = w.slack.messagesIn("C0DEPLOYS").find((m) => m.text.includes("cli-nff"))!;
    expect(msg.history.at(-1)!.text).toMatch(/failed/);
  });

  it("another deploy holds the app's lock past the wait: refused naming the holder, a rejected row", async () => {
    await w.app("cli-held", w.shas[3]);
    const store = await AuditStore.open(w.databaseUrl, { migrate: false });
    let release!: () => void;
    let acquired!: () => void;
    const holding = new Promise<void>((resolve) => {
      acquired = resolve;
    });
    const held = withAppLock(
      w.databaseUrl,
      "cli-held",
      () =>
        new Promise<void>((resolve) => {
          release = resolve;
          acquired();
        }),
    );
    await holding;
    try {
      const { r } = await deploy(settings("cli-held", w.shas[6]!, { lockWaitMs: 300 }));
      expect(r.outcome).toBe("rejected");
      expect(r.reason).toMatch(/^another deploy of cli-held holds its lock after waiting 300ms/);
      expect(r.path).toEqual(["triggered", "gate_checks", "refused", "done"]);
      expect((await w.auditRows("cli-held")).map((x) => x.outcome)).toEqual(["rejected"]);
      expect(w.hk.api.liveCommitOf("cli-held")).toBe(w.shas[3]);
    } finally {
      release();
      await held;
      await store.close();
    }
  });

  it("Slack takes the start notice but its answer is lost: one message in the channel, updated with the outcome", async () => {
    await w.app("cli-slack-lost", w.shas[3]);
    w.slack.loseReply("chat.postMessage", 1, "hang");
    const posts = () => w.slack.server.requestsTo("POST", "/api/chat.postMessage").length;
    const before = posts();
    const base = settings("cli-slack-lost", w.shas[7]!);
    const { r, lines } = await deploy({ ...base, slack: { ...base.slack, timeoutMs: 300 } });
    expect(r.outcome).toBe("success");
    const mine = w.slack.messagesIn("C0DEPLOYS").filter((m) => m.text.includes("cli-slack-lost"));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.history.map((h) => h.text.split(" ")[0])).toEqual(["🚀", "✅"]);
    expect(r.slack?.ts).toBe(mine[0]!.ts);
    expect(posts() - before).toBe(1);
    expect(lines.filter((l) => l.startsWith("warning: ") && l.includes("Slack"))).toEqual([]);
  });

  it("a CI deploy to production with no event named is refused (structural guard)", async () => {
    await w.app("cli-noevent", w.shas[3]);
    const { r } = await deploy(settings("cli-noevent", w.shas[6]!, { trigger: "ci" }));
    expect(r.outcome).toBe("rejected");
    expect(r.reason).toContain("the triggering event is unknown");
  });
});
