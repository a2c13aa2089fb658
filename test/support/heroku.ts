import { execFile, execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { HerokuApiFake } from "../../src/sandbox/heroku-api.js";
import { HerokuGitServer } from "../../src/sandbox/heroku-git-server.js";

const execFileAsync = promisify(execFile);

/** Git, the Heroku fakes and throwaway repositories for the heroku-* tests and the benchmark. */

export const gitEnv: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_AUTHOR_NAME: "Dev",
  GIT_AUTHOR_EMAIL: "dev@example.com",
  GIT_COMMITTER_NAME: "Dev",
  GIT_COMMITTER_EMAIL: "dev@example.com",
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_TERMINAL_PROMPT: "0",
};

export function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd, env: gitEnv, stdio: ["ignore", "pipe", "pipe"] })
    .toString()
    .trim();
}

export function tempDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `prodgate-${label}-`));
}

/**
 * A repository with `count` linear commits on main (made with git fast-import, so 1,000 take milliseconds).
 * Each commit changes app.txt; the first also adds package.json and a Procfile. Returns the SHAs, oldest first.
 */
export function makeRepo(
  dir: string,
  count: number,
  opts: { branch?: string; label?: string } = {},
): string[] {
  mkdirSync(dir, { recursive: true });
  execFileSync("git", ["init", "--quiet", "--initial-branch=main", dir], { env: gitEnv });
  appendCommits(dir, count, { ...opts, first: true });
  git(dir, "checkout", "--quiet", "-f", opts.branch ?? "main");
  return git(dir, "rev-list", "--reverse", opts.branch ?? "main").split("\n");
}

/** Appends `count` commits to `branch` (default main) with fast-import, on top of its tip (or `from`). */
export function appendCommits(
  dir: string,
  count: number,
  opts: { branch?: string; from?: string; label?: string; first?: boolean } = {},
): string[] {
  const branch = opts.branch ?? "main";
  const label = opts.label ?? "change";
  const parts: string[] = [];
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  const from = opts.from ?? (opts.first ? undefined : git(dir, "rev-parse", branch));
  const t0 = 1_700_000_000;
  for (let i = 1; i <= count; i++) {
    parts.push(`commit refs/heads/${branch}`, `mark :${i}`);
    parts.push(`committer Dev <dev@example.com> ${t0 + i} +0000`);
    parts.push(data(`${label} ${i}`).trimEnd());
    if (i === 1 && from) parts.push(`from ${from}`);
    else if (i > 1) parts.push(`from :${i - 1}`);
    if (i === 1 && opts.first) {
      parts.push(
        "M 644 inline package.json",
        data('{ "name": "shop", "scripts": { "start": "node app.js" } }').trimEnd(),
      );
      parts.push("M 644 inline Procfile", data("web: npm start").trimEnd());
    }
    parts.push("M 644 inline app.txt", data(`${label} ${i}`).trimEnd(), "");
  }
  execFileSync("git", ["fast-import", "--quiet"], { cwd: dir, env: gitEnv, input: `${parts.join("\n")}\n` });
  if (!opts.first && git(dir, "rev-parse", "--abbrev-ref", "HEAD") === branch)
    git(dir, "reset", "--quiet", "--hard", branch);
  return git(dir, "rev-list", "--reverse", `${from ? `${from}..` : ""}${branch}`).split("\n");
}

/** A shallow clone (depth 1 by default) of `origin`, checked out at `sha` as actions/checkout does. */
export function shallowClone(origin: string, dest: string, sha: string, depth = 1): void {
  mkdirSync(dest, { recursive: true });
  git(dest, "init", "--quiet");
  git(dest, "remote", "add", "origin", `file://${origin}`);
  git(
    dest,
    "fetch",
    "--quiet",
    "--no-tags",
    `--depth=${depth}`,
    "origin",
    `+${sha}:refs/remotes/origin/main`,
  );
  git(dest, "checkout", "--quiet", "--detach", sha);
}

/**
 * Pushes `sha` straight to the fake's repo of `app` (test setup: what Heroku had before). Asynchronous: the
 * fakes answer from this same process.
 */
export async function seedHeroku(
  server: HerokuGitServer,
  apiKey: string,
  repo: string,
  app: string,
  sha: string,
  force = false,
): Promise<void> {
  const header = `Authorization: Basic ${Buffer.from(`heroku:${apiKey}`).toString("base64")}`;
  await execFileAsync(
    "git",
    ["push", "--quiet", `${server.url}/${app}.git`, `${force ? "+" : ""}${sha}:refs/heads/main`],
    {
      cwd: repo,
      env: {
        ...gitEnv,
        GIT_CONFIG_COUNT: "1",
        GIT_CONFIG_KEY_0: "http.extraHeader",
        GIT_CONFIG_VALUE_0: header,
      },
    },
  );
}

export interface HerokuSandbox {
  api: HerokuApiFake;
  gitServer: HerokuGitServer;
  env: Record<string, string>;
  stop(): Promise<void>;
}

export async function startHeroku(apiKey: string): Promise<HerokuSandbox> {
  const api = await new HerokuApiFake({ apiKey }).start();
  const gitServer = await new HerokuGitServer({ apiKey, api }).start();
  return {
    api,
    gitServer,
    env: { HEROKU_API_URL: api.url, HEROKU_GIT_URL: gitServer.url },
    stop: async () => {
      await gitServer.stop();
      await api.stop();
    },
  };
}

/**
 * A directory holding a `git` that logs its arguments and environment keys, then runs the real git: put it
 * first in PATH to see every git command line a bundle runs.
 */
export function gitSpy(dir: string): { bin: string; log: string } {
  const real = execFileSync("sh", ["-c", "command -v git"]).toString().trim();
  const bin = join(dir, "spy-bin");
  const log = join(dir, "git-argv.log");
  mkdirSync(bin, { recursive: true });
  writeFileSync(log, "");
  writeFileSync(join(bin, "git"), `#!/bin/sh\nprintf '%s\\n' "git $*" >> "${log}"\nexec "${real}" "$@"\n`);
  chmodSync(join(bin, "git"), 0o755);
  return { bin, log };
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
