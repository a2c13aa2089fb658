import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import { node24 } from "./node24.js";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

export interface RunActionOptions {
  inputs?: Record<string, string | number | boolean | undefined>;
  env?: Record<string, string | undefined>;
  /** The webhook payload written to GITHUB_EVENT_PATH. */
  event?: unknown;
  eventName?: string;
  cwd?: string;
  timeoutMs?: number;
  /** Bundle to run: dist/<bundle>/index.js (default: the action's name). */
  bundle?: string;
  /** action.yml whose input defaults apply (default actions/<name>/action.yml; "root" for ./action.yml). */
  onSpawn?: (child: ChildProcess) => void;
}

export interface ActionResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  outputs: Record<string, string>;
  summary: string;
  stdout: string;
  stderr: string;
  /** Values registered with ::add-mask:: (the runner would hide them). */
  masks: string[];
  /** Messages of ::error:: commands (core.setFailed / core.error). */
  errors: string[];
  warnings: string[];
  env: string;
  state: string;
  /** stdout without the ::add-mask:: lines: what a person reading the log could see. */
  log: string;
  durationMs: number;
}

/** The runner's rule: INPUT_ + name upper-cased with spaces replaced by underscores (hyphens kept). */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, "_").toUpperCase()}`;
}

function actionYmlPath(name: string): string {
  return name === "root" ? join(repoRoot, "action.yml") : join(repoRoot, "actions", name, "action.yml");
}

export function readActionDefinition(name: string): {
  inputs: Record<string, { default?: string; required?: boolean }>;
  outputs: Record<string, unknown>;
  runs: { using: string; main: string };
} {
  const doc = parseYaml(readFileSync(actionYmlPath(name), "utf8"));
  return { inputs: doc.inputs ?? {}, outputs: doc.outputs ?? {}, runs: doc.runs };
}

/** Parses the GITHUB_OUTPUT / GITHUB_ENV file format (name=value and name<<DELIM ... DELIM). */
export function parseCommandFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (!line) continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, key, delim] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delim; i++) value.push(lines[i] ?? "");
      out[key!] = value.join("\n");
    } else {
      const idx = line.indexOf("=");
      if (idx > 0) out[line.slice(0, idx)] = line.slice(idx + 1);
    }
  }
  return out;
}

function unescapeCommand(value: string): string {
  return value.replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%25/g, "%");
}

/**
 * Runs an action's bundle the way the GitHub Actions runner does: `node dist/<name>/index.js` under Node 24,
 * with INPUT_* (defaults from action.yml applied), the GITHUB_* files and variables, and an event payload.
 */
export async function runAction(name: string, opts: RunActionOptions = {}): Promise<ActionResult> {
  const def = readActionDefinition(name);
  const main = resolve(dirname(actionYmlPath(name)), def.runs.main);
  if (def.runs.using !== "node24")
    throw new Error(`${name}: runs.using is ${def.runs.using}, expected node24`);
  if (!existsSync(main)) throw new Error(`${name}: ${main} does not exist: run npm run build`);

  const temp = mkdtempSync(join(tmpdir(), `prodgate-run-${name}-`));
  const runnerTemp = join(temp, "runner-temp");
  const workspace = opts.cwd ?? join(temp, "workspace");
  mkdirSync(runnerTemp, { recursive: true });
  mkdirSync(workspace, { recursive: true });
  const files = {
    GITHUB_OUTPUT: join(temp, "output"),
    GITHUB_STEP_SUMMARY: join(temp, "summary.md"),
    GITHUB_ENV: join(temp, "env"),
    GITHUB_STATE: join(temp, "state"),
    GITHUB_PATH: join(temp, "path"),
    GITHUB_EVENT_PATH: join(temp, "event.json"),
  };
  for (const f of Object.values(files)) writeFileSync(f, "");
  writeFileSync(files.GITHUB_EVENT_PATH, JSON.stringify(opts.event ?? {}));

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: process.env.HOME ?? temp,
    LANG: "C.UTF-8",
    CI: "true",
    GITHUB_ACTIONS: "true",
    GITHUB_WORKSPACE: workspace,
    GITHUB_REPOSITORY: "acme/shop",
    GITHUB_REPOSITORY_OWNER: "acme",
    GITHUB_RUN_ID: "4242",
    GITHUB_RUN_NUMBER: "7",
    GITHUB_RUN_ATTEMPT: "1",
    GITHUB_JOB: "deploy",
    GITHUB_ACTOR: "octocat",
    GITHUB_TRIGGERING_ACTOR: "octocat",
    GITHUB_EVENT_NAME: opts.eventName ?? "workflow_dispatch",
    GITHUB_SHA: "0000000000000000000000000000000000000000",
    GITHUB_REF: "refs/heads/main",
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_API_URL: "http://127.0.0.1:9/unset-github-api",
    GITHUB_WORKFLOW: "deploy",
    RUNNER_TEMP: runnerTemp,
    RUNNER_OS: "Linux",
    RUNNER_ARCH: "X64",
    ...files,
  };
  for (const [input, spec] of Object.entries(def.inputs)) {
    if (spec?.default !== undefined) env[inputEnvName(input)] = String(spec.default);
  }
  for (const [input, value] of Object.entries(opts.inputs ?? {})) {
    if (value !== undefined) env[inputEnvName(input)] = String(value);
  }
  for (const [k, v] of Object.entries(opts.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }

  const started = performance.now();
  const child = spawn(node24(), [main], { cwd: workspace, env, stdio: ["ignore", "pipe", "pipe"] });
  opts.onSpawn?.(child);
  const { code, signal, stdout, stderr } = await collect(child, opts.timeoutMs ?? 60_000);
  const durationMs = performance.now() - started;

  const masks: string[] = [];
  const errors: string[] = [];
  const warnings: string[] = [];
  const logLines: string[] = [];
  for (const line of stdout.split("\n")) {
    const mask = /^::add-mask::(.*)$/.exec(line);
    if (mask) {
      masks.push(unescapeCommand(mask[1] ?? ""));
      continue;
    }
    const err = /^::error(?: [^:]*)?::(.*)$/.exec(line);
    if (err) errors.push(unescapeCommand(err[1] ?? ""));
    const warn = /^::warning(?: [^:]*)?::(.*)$/.exec(line);
    if (warn) warnings.push(unescapeCommand(warn[1] ?? ""));
    logLines.push(line);
  }
  const result: ActionResult = {
    code,
    signal,
    outputs: parseCommandFile(readFileSync(files.GITHUB_OUTPUT, "utf8")),
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, "utf8"),
    stdout,
    stderr,
    masks,
    errors,
    warnings,
    env: readFileSync(files.GITHUB_ENV, "utf8"),
    state: readFileSync(files.GITHUB_STATE, "utf8"),
    log: logLines.join("\n"),
    durationMs,
  };
  rmSync(temp, { recursive: true, force: true });
  return result;
}

/** Waits for a child spawned with piped stdout and stderr to end (killing it after `timeoutMs`); its output. */
export async function collect(
  child: ChildProcess,
  timeoutMs: number,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d) => {
    stdout += d;
  });
  child.stderr?.on("data", (d) => {
    stderr += d;
  });
  const timeout = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((res) =>
    child.on("close", (c, s) => res([c, s])),
  );
  clearTimeout(timeout);
  return { code, signal, stdout, stderr };
}

/** Runs the CLI bundle (dist/cli/index.js) under Node 24 without blocking this process (the fakes answer from it). */
export async function runCli(
  args: string[],
  opts: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(node24(), [join(repoRoot, "dist/cli/index.js"), ...args], {
    cwd: opts.cwd,
    env: opts.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const { code, stdout, stderr } = await collect(child, opts.timeoutMs ?? 30_000);
  return { status: code, stdout, stderr };
}
