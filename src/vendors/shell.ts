import { spawn } from "node:child_process";
import { createInterface } from "node:readline";

/**
 * Runs a command you give with bash, as a `run:` step with `shell: bash` does (`bash --noprofile --norc -eo
 * pipefail`), in a directory, with an environment: each line of its output is handed on (to be masked and
 * logged), and its stdout kept when asked. The action's own inputs (INPUT_*) never reach the command.
 */

export interface BashOptions {
  cwd: string;
  /** Added to the environment (after INPUT_* variables are removed). */
  env: Record<string, string>;
  /** Each line of stdout and stderr. */
  onLine: (line: string, stream: "stdout" | "stderr") => void;
  /** Keep stdout (up to 1 MiB) in the result. */
  captureStdout?: boolean;
  signal?: AbortSignal;
  /** The environment to start from (default process.env). */
  baseEnv?: NodeJS.ProcessEnv;
}

export interface BashResult {
  code: number;
  /** The signal that ended it, if one did. */
  signal?: string;
  stdout: string;
}

const MAX_CAPTURE = 1024 * 1024;

/** The environment a command runs with: the base without the action's inputs, plus `extra`. */
export function commandEnvironment(
  base: NodeJS.ProcessEnv,
  extra: Record<string, string>,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(base))
    if (v !== undefined && !k.toUpperCase().startsWith("INPUT_")) env[k] = v;
  return { ...env, ...extra };
}

export function runBash(script: string, opts: BashOptions): Promise<BashResult> {
  return new Promise((resolve, reject) => {
    const child = spawn("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", script], {
      cwd: opts.cwd,
      env: commandEnvironment(opts.baseEnv ?? process.env, opts.env),
      stdio: ["ignore", "pipe", "pipe"],
      signal: opts.signal,
    });
    let stdout = "";
    const lines = (stream: NodeJS.ReadableStream, name: "stdout" | "stderr") =>
      new Promise<void>((done) => {
        const rl = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
        rl.on("line", (line) => {
          if (name === "stdout" && opts.captureStdout && stdout.length < MAX_CAPTURE) stdout += `${line}\n`;
          opts.onLine(line, name);
        });
        rl.on("close", done);
      });
    const read = Promise.all([lines(child.stdout, "stdout"), lines(child.stderr, "stderr")]);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      void read.then(() => resolve({ code: code ?? 1, ...(signal ? { signal } : {}), stdout }));
    });
  });
}
