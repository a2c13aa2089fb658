import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { confirmationPhrase, rollbackCommands } from "../../core/deploy.js";
import { short } from "../../core/preview.js";
import { type Sandbox, startSandbox } from "../../sandbox/demo.js";
import { AuditStore, type StoredAuditRow } from "../../store/audit.js";
import { type CliContext, EXIT, ExitError } from "../context.js";
import { scriptedPrompter } from "../prompt.js";
import { paint } from "../terminal.js";
import { DEPLOY_DEFAULTS, type DeployCommandResult, deployCommand } from "./deploy.js";

/**
 * `prodgate demo` (and `npm start`): a gated deploy from end to end in a local sandbox, with nothing reaching
 * beyond 127.0.0.1. A deploy that goes well, then one whose /health fails and is rolled back automatically,
 * then the audit rows from Postgres and the rollback command. Everything it starts it stops, Ctrl-C included.
 */

export interface DemoOptions {
  json?: boolean;
  /** Delay between the characters of the auto-typed phrase (ms). */
  typingDelay?: string;
}

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
/** Set in the process that runs the sandbox: the pid of the `prodgate demo` it runs for. */
const CHILD_ENV = "PRODGATE_DEMO_PARENT";

/**
 * The sandbox runs in a process group of its own, so that Ctrl-C in the terminal reaches `prodgate demo`
 * alone and not the PostgreSQL server it started (which would shut down before the demo could write its
 * outcome rows and stop it cleanly). This process relays signals to it and exits with its exit code.
 */
async function runDetached(): Promise<number> {
  const script = process.argv[1];
  if (!script) throw new ExitError("cannot find the prodgate script to run the demo with", EXIT.failed);
  const child = spawn(process.execPath, [...process.execArgv, script, ...process.argv.slice(2)], {
    detached: true,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, [CHILD_ENV]: String(process.pid) },
  });
  const relay = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(child.pid, signal);
    } catch {}
  };
  for (const s of SIGNALS) process.on(s, relay);
  try {
    return await new Promise<number>((resolve, reject) => {
      child.once("error", reject);
      child.once("close", (code, signal) => resolve(code ?? 128 + (signal ? (osSignals[signal] ?? 1) : 1)));
    });
  } finally {
    for (const s of SIGNALS) process.off(s, relay);
  }
}

const osSignals: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

export async function runDemo(ctx: CliContext, opts: DemoOptions = {}): Promise<void> {
  const parent = Number(ctx.env[CHILD_ENV] ?? "");
  if (!parent) {
    process.exitCode = await runDetached();
    return;
  }
  const { reporter } = ctx;
  const say = (line = "") => reporter.info(line);
  const started = Date.now();
  const controller = new AbortController();
  let world: Sandbox | undefined;
  let tempRoot: string | undefined;
  let interrupts = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    interrupts++;
    if (interrupts === 1) {
      reporter.warning(`${signal}: stopping the demo and cleaning up (again to quit at once)`);
      controller.abort(new Error(`interrupted by ${signal}`));
      return;
    }
    // Quitting at once: the temp dir goes now; the database's watchdog stops it when this process is gone.
    if (tempRoot) rmSync(tempRoot, { recursive: true, force: true });
    process.exit(EXIT.interrupted);
  };
  for (const s of SIGNALS) process.on(s, onSignal);
  // If `prodgate demo` is gone (killed), clean up as for Ctrl-C.
  const orphaned = setInterval(() => {
    try {
      process.kill(parent, 0);
    } catch {
      if (interrupts === 0) onSignal("SIGHUP");
    }
  }, 500);
  orphaned.unref();
  const checkpoint = () => {
    if (controller.signal.aborted)
      throw new ExitError("demo interrupted; everything it started is stopped", EXIT.interrupted);
  };

  const deploys: DeployCommandResult[] = [];
  let rows: StoredAuditRow[] = [];
  try {
    say(paint("prodgate demo: a gated production deploy in a local sandbox", "bold"));
    say(
      paint("Everything runs on 127.0.0.1 and is removed at the end; no account or network needed.", "gray"),
    );
    say();
    say(
      "Starting the sandbox: PostgreSQL (embedded), Heroku Platform API and git, the app's /health, Slack …",
    );
    const t0 = Date.now();
    world = await startSandbox({ onRoot: (root) => (tempRoot = root) });
    checkpoint();
    const w = world;
    // The pipelines read vendor base URLs from the environment, as they do against the real services.
    for (const [k, v] of Object.entries(w.env)) process.env[k] = v;
    const env = { ...process.env, ...w.env };
    const demoCtx: CliContext = { ...ctx, env };
    const [first] = w.commits;
    say(`  ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    say(`  PostgreSQL     ${redactedDb(w.databaseUrl)}`);
    say(`  Heroku API     ${w.api.url}   git ${w.git.url}`);
    say(
      `  app "${w.app}"     ${w.web.url}/health   (live now: ${short(first?.sha ?? "")} "${first?.subject ?? ""}")`,
    );
    say(`  Slack          ${w.slack.apiUrl}   channel #${w.slackChannel}`);
    say(`  sample repo    ${w.repoDir} (${w.commits.length} commits on main)`);

    const phrase = confirmationPhrase(w.app, "production");
    const deploy = async (flags: string[]) => {
      say();
      say(paint(`$ prodgate deploy --app ${w.app} ${flags.join(" ")}`, "bold"));
      const slackBefore = w.slack.messages.length;
      let result: DeployCommandResult;
      try {
        result = await deployCommand(
          demoCtx,
          {
            ...DEPLOY_DEFAULTS,
            app: w.app,
            healthAttempts: "3",
            healthInterval: "1s",
            healthTimeout: "2s",
            slackChannel: w.slackChannel,
          },
          {
            prompter: scriptedPrompter(
              phrase,
              process.stderr,
              Number(opts.typingDelay ?? "25"),
              controller.signal,
            ),
            cwd: w.repoDir,
            handleInterrupts: false,
            signal: controller.signal,
          },
        );
      } catch (err) {
        checkpoint();
        throw err;
      }
      checkpoint();
      if (result.exit.code !== EXIT.ok)
        say(paint(`(exit code ${result.exit.code}: ${result.exit.message})`, "gray"));
      const touched = w.slack.messages.slice(slackBefore);
      if (touched.length) {
        say();
        say(paint(`What Slack shows in #${w.slackChannel}:`, "magenta", "bold"));
        for (const m of touched) say(w.slack.render(m, { urls: false }));
      }
      return result;
    };

    say();
    say(paint("━━ 1/2  A gated deploy of main (3 new commits) ━━", "blue", "bold"));
    deploys.push(await deploy(["--health-attempts 3 --health-interval 1s"]));
    checkpoint();

    say();
    say(paint("━━ 2/2  A deploy whose /health fails, rolled back automatically ━━", "blue", "bold"));
    const bad = w.commit(
      "Move sessions to the new store",
      { "sessions.js": "export const store = process.env.SESSION_STORE_URL; // not set in production\n" },
      { breaksHealth: true },
    );
    say(
      `A teammate commits ${paint(short(bad.sha), "yellow")} "${bad.subject}" (it breaks /health in production)`,
    );
    deploys.push(await deploy(["--health-attempts 3 --health-interval 1s"]));
    checkpoint();

    say();
    say(paint("━━ The audit log: console_audit_log in PostgreSQL ━━", "blue", "bold"));
    const store = await AuditStore.open(w.databaseUrl, { migrate: false });
    try {
      rows = (await store.read({ target: w.app, limit: 50 })).reverse();
    } finally {
      await store.close();
    }
    for (const line of auditTable(rows)) say(line);

    say();
    say(paint("━━ The kill switch ━━", "blue", "bold"));
    const cmd = rollbackCommands(w.app);
    say(`Any time, no CI needed: ${paint(cmd.prodgate, "cyan", "bold")}   (or: ${cmd.heroku})`);
    say(
      `Try it for real: ${paint("prodgate deploy --help", "cyan")}, ${paint("prodgate rollback --help", "cyan")}`,
    );
  } finally {
    if (world) {
      say();
      say("Cleaning up: stopping PostgreSQL and the fakes, removing the temp dir …");
      await world.stop();
    }
    clearInterval(orphaned);
    for (const s of SIGNALS) process.off(s, onSignal);
  }
  say(paint(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s; nothing left behind.`, "green"));
  if (opts.json)
    ctx.json({
      deploys: deploys.map((d) => ({
        app: d.app,
        outcome: d.result.outcome,
        toSha: d.result.toSha,
        path: d.result.path,
      })),
      audit: rows.map((r) => ({
        id: r.id,
        action: r.action,
        actor: r.actor,
        target: r.target,
        outcome: r.outcome,
        context: r.context,
      })),
    });
}

function redactedDb(url: string): string {
  const u = new URL(url);
  u.password = "";
  u.username = u.username ? `${u.username}` : "";
  return u.toString().replace(/^postgres:\/\/[^@]*@/, "postgres://");
}

/** The audit rows as a small table: who, what, from → to, outcome, when. */
export function auditTable(rows: StoredAuditRow[]): string[] {
  const str = (v: unknown) => (typeof v === "string" ? v : "");
  const data = rows.map((r) => [
    `#${r.id}`,
    r.action,
    str(r.context.phase),
    r.outcome ?? "-",
    r.actor,
    `${short(str(r.context.from_sha)) || "-"} → ${short(str(r.context.to_sha)) || "-"}`,
    str(r.context.trigger),
    `${r.createdAt.toISOString().slice(11, 19)}Z`,
  ]);
  const head = ["id", "action", "phase", "outcome", "actor", "from → to", "trigger", "at (UTC)"];
  const widths = head.map((h, i) => Math.max(h.length, ...data.map((d) => (d[i] ?? "").length)));
  const fmt = (cells: string[]) => `  ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ")}`.trimEnd();
  return [paint(fmt(head), "bold"), ...data.map(fmt)];
}
