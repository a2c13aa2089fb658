import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Running `prodgate` as a person would: the bin script (which runs the dist/cli bundle) through pipes, or in a
 * real terminal (a tmux session) that the test types into and reads from.
 */

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const BIN = join(repoRoot, "bin", "prodgate.js");

/** An environment with nothing of the caller's git identity or credentials in it; HOME is `home`. */
export function cleanEnv(home: string, extra: Record<string, string | undefined>): Record<string, string> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: home,
    TMPDIR: process.env.TMPDIR ?? tmpdir(),
    LANG: "C.UTF-8",
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_TERMINAL_PROMPT: "0",
  };
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) env[k] = v;
  return env;
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  durationMs: number;
}

/** Runs `prodgate ...args` with pipes for stdin, stdout and stderr (no terminal). */
export function runCli(
  args: string[],
  opts: { env: Record<string, string>; cwd: string; input?: string; timeoutMs?: number },
): Promise<CliRun> {
  const started = Date.now();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: opts.cwd,
      env: opts.env,
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString("utf8");
    });
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString("utf8");
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), opts.timeoutMs ?? 60_000);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code, signal, stdout, stderr, durationMs: Date.now() - started });
    });
    child.stdin.end(opts.input ?? "");
  });
}

/** A command running in a terminal of its own: a detached tmux session on a private socket. */
export class Terminal {
  private constructor(
    private readonly socket: string,
    private readonly dir: string,
    private readonly statusFile: string,
  ) {}

  static start(
    argv: string[],
    opts: { env: Record<string, string>; cwd: string; width?: number; height?: number },
  ): Terminal {
    const dir = mkdtempSync(join(tmpdir(), "prodgate-tty-"));
    const conf = join(dir, "tmux.conf");
    writeFileSync(conf, "set -g remain-on-exit on\nset -g history-limit 20000\nset -g status off\n");
    const socket = `prodgate-${randomBytes(6).toString("hex")}`;
    execFileSync(
      "tmux",
      [
        "-L",
        socket,
        "-f",
        conf,
        "new-session",
        "-d",
        "-s",
        "main",
        "-x",
        String(opts.width ?? 200),
        "-y",
        String(opts.height ?? 50),
        "-c",
        opts.cwd,
        // The exit status goes to a file: tmux may learn it late. The shell's trap (a handler, which the
        // command does not inherit) keeps the shell alive through Ctrl-C so that it can write it.
        "sh",
        "-c",
        'trap "true" INT; "$@"; echo $? > "$0"',
        join(dir, "status"),
        ...argv,
      ],
      { env: { ...opts.env, TERM: "xterm-256color" } },
    );
    return new Terminal(socket, dir, join(dir, "status"));
  }

  private tmux(...args: string[]): string {
    return execFileSync("tmux", ["-L", this.socket, ...args], {
      stdio: ["ignore", "pipe", "pipe"],
    }).toString();
  }

  /** Everything the terminal shows, scrollback included, colours stripped. */
  screen(): string {
    return this.tmux("capture-pane", "-p", "-J", "-t", "main", "-S", "-", "-E", "-")
      .split("\n")
      .map((l) => l.trimEnd())
      .join("\n")
      .trimEnd();
  }

  async waitFor(what: string | RegExp, timeoutMs = 30_000): Promise<string> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const text = this.screen();
      if (typeof what === "string" ? text.includes(what) : what.test(text)) return text;
      if (this.exitCode() !== undefined)
        throw new Error(`the command ended before showing ${String(what)}:\n${text}`);
      if (Date.now() > until) throw new Error(`timed out waiting for ${String(what)}:\n${text}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Types `text` and presses Enter. */
  typeLine(text: string): void {
    this.tmux("send-keys", "-t", "main", "-l", text);
    this.tmux("send-keys", "-t", "main", "Enter");
  }

  ctrlC(): void {
    this.tmux("send-keys", "-t", "main", "C-c");
  }

  /** The command's exit status once it has ended. */
  exitCode(): number | undefined {
    if (!existsSync(this.statusFile)) return undefined;
    const text = readFileSync(this.statusFile, "utf8").trim();
    return text ? Number(text) : undefined;
  }

  async waitForExit(timeoutMs = 60_000): Promise<number> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const code = this.exitCode();
      if (code !== undefined) return code;
      if (Date.now() > until) throw new Error(`timed out waiting for the command to end:\n${this.screen()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  close(): void {
    try {
      this.tmux("kill-server");
    } catch {}
    rmSync(this.dir, { recursive: true, force: true });
  }
}
