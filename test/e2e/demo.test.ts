import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BIN, cleanEnv, repoRoot, runCli, Terminal } from "./cli-harness.js";

/** Processes whose command line mentions `dir` (the sandbox's PostgreSQL, its watchdog, the demo itself). */
function processesUnder(dir: string): string[] {
  return execFileSync("ps", ["-eo", "pid,args"])
    .toString()
    .split("\n")
    .filter((line) => line.includes(dir));
}

async function expectNothingLeft(dir: string): Promise<void> {
  const until = Date.now() + 5_000;
  while ((processesUnder(dir).length > 0 || readdirSync(dir).length > 0) && Date.now() < until)
    await new Promise((r) => setTimeout(r, 100));
  expect(processesUnder(dir)).toEqual([]);
  expect(readdirSync(dir)).toEqual([]);
}

describe("prodgate demo (npm start): the whole story in a sandbox that leaves nothing behind", () => {
  const dirs: string[] = [];
  let terminal: Terminal | undefined;
  afterEach(() => {
    terminal?.close();
    terminal = undefined;
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  /** A private TMPDIR (sticky and world-writable like /tmp: the embedded server runs as another user). */
  const privateTmp = () => {
    const dir = mkdtempSync(join(tmpdir(), "prodgate-demotest-"));
    chmodSync(dir, 0o1777);
    dirs.push(dir);
    return dir;
  };

  it("deploys, fails /health and rolls back, prints the audit rows and the rollback command", async () => {
    const tmp = privateTmp();
    const home = privateTmp();
    const r = await runCli(["demo", "--json"], {
      cwd: repoRoot,
      env: cleanEnv(home, { TMPDIR: tmp }),
      timeoutMs: 60_000,
    });
    const out = r.stderr;
    expect(r.code, out).toBe(0);

    expect(out).toContain("TARGET: PRODUCTION (shop)");
    expect(out).toContain("3 commits will ship to shop (production).");
    expect(out).toContain(
      "Type 'deploy shop to production' to continue: deploy shop to production   (typed by the demo)",
    );
    expect(out).toMatch(/✔ Deployed shop to production: [0-9a-f]{7} → [0-9a-f]{7} is live as v3 and healthy/);
    expect(out).toMatch(/attempt 3\/3: status 503/);
    expect(out).toMatch(
      /↩ \/health failed after the deploy of [0-9a-f]{7} \(v4\): shop was rolled back to v3/,
    );
    expect(out).toContain("What Slack shows in #deploys:");
    expect(out).toContain("✅ Deployed shop to 🚨 PRODUCTION");
    expect(out).toContain("↩️ Rolled back shop on 🚨 PRODUCTION");
    expect(out).toContain("The audit log: console_audit_log in PostgreSQL");
    expect(out).toMatch(
      /#\d+\s+rollback\.production\s+completed\s+rolled_back\s+you@example\.com\s+[0-9a-f]{7} → [0-9a-f]{7}\s+local-script/,
    );
    expect(out).toContain("Any time, no CI needed: prodgate rollback --app shop");
    expect(out).toMatch(/Done in \d+\.\d s; nothing left behind\./);
    // Credentials of the sandbox (its Heroku key, the database password, the Slack token) are never shown.
    expect(out + r.stdout).not.toMatch(/sandbox-heroku-key-|sandbox-[a-z0-9]{6,}@|xoxb-fake-/);

    const json = JSON.parse(r.stdout);
    expect(json.deploys.map((d: { outcome: string }) => d.outcome)).toEqual(["success", "rolled_back"]);
    expect(
      json.audit.map(
        (row: { action: string; outcome: string | null; context: { phase: string; trigger: string } }) => [
          row.action,
          row.context.phase,
          row.outcome,
          row.context.trigger,
        ],
      ),
    ).toEqual([
      ["deploy.production", "started", null, "local-script"],
      ["deploy.production", "completed", "success", "local-script"],
      ["deploy.production", "started", null, "local-script"],
      ["deploy.production", "completed", "health_check_failed", "local-script"],
      ["rollback.production", "completed", "rolled_back", "local-script"],
    ]);
    await expectNothingLeft(tmp);
  });

  it("Ctrl-C in the terminal in the middle of a deploy: exit 130, the sandbox stopped, no process or temp dir left", async () => {
    const tmp = privateTmp();
    const home = privateTmp();
    terminal = Terminal.start([process.execPath, BIN, "demo"], {
      env: cleanEnv(home, { TMPDIR: tmp }),
      cwd: repoRoot,
    });
    await terminal.waitFor("▸ git push to Heroku (shop)", 30_000);
    expect(processesUnder(tmp).some((p) => p.includes("postgres"))).toBe(true);
    terminal.ctrlC();
    expect(await terminal.waitForExit(30_000)).toBe(130);
    const screen = terminal.screen();
    expect(screen).toContain("SIGINT: stopping the demo and cleaning up");
    expect(screen).toContain("Cleaning up: stopping PostgreSQL and the fakes, removing the temp dir");
    await expectNothingLeft(tmp);
  });
});
