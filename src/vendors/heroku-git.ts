import { exec } from "@actions/exec";
import { InputError, VendorError } from "../core/errors.js";
import { buildLines, classifyPushFailure, type PushFailureKind, shortSha } from "../core/heroku.js";
import { parseHttpUrl, redactUrl } from "../core/inputs.js";

/**
 * git, for a Heroku deploy: the push of `<sha>:refs/heads/main` to Heroku's git endpoint, and the local
 * checkout it comes from (resolving the ref, deepening a shallow clone, making a source tarball).
 *
 * The API key reaches git only through the environment of the git process (GIT_CONFIG_COUNT/KEY/VALUE with an
 * `http.<url>.extraHeader` scoped to Heroku's git URL), never a URL, an argument or a log line.
 */

export interface GitRun {
  code: number;
  stdout: string;
  stderr: string;
}

interface RunOptions {
  cwd: string;
  env?: Record<string, string>;
  /** Each stderr line as it arrives (git writes progress and remote output there). */
  onStderrLine?: (line: string) => void;
}

async function git(args: string[], opts: RunOptions): Promise<GitRun> {
  let stdout = "";
  let stderr = "";
  let pending = "";
  const code = await exec("git", args, {
    cwd: opts.cwd,
    env: opts.env ?? (process.env as Record<string, string>),
    silent: true,
    ignoreReturnCode: true,
    listeners: {
      stdout: (d) => {
        stdout += d.toString("utf8");
      },
      stderr: (d) => {
        const text = d.toString("utf8");
        stderr += text;
        if (!opts.onStderrLine) return;
        pending += text;
        const parts = pending.split(/\r\n|\r|\n/);
        pending = parts.pop() ?? "";
        for (const line of parts) opts.onStderrLine(line);
      },
    },
  });
  if (pending && opts.onStderrLine) opts.onStderrLine(pending);
  return { code, stdout, stderr };
}

function lines(text: string): string[] {
  return text.split(/\r\n|\r|\n/).filter((l) => l.trim() !== "");
}

/** A failed push, with what kind of failure it was and the last lines of the remote build. */
export class HerokuPushError extends VendorError {
  constructor(
    message: string,
    readonly kind: PushFailureKind,
    readonly tail: string[],
  ) {
    super("Heroku", message, undefined, kind === "unreachable");
  }
}

export interface PushResult {
  /** Heroku already had this commit on main: no build, no new release. */
  upToDate: boolean;
  forced: boolean;
  /** Every line git wrote (the remote build's output among them). */
  lines: string[];
}

export interface HerokuGitOptions {
  apiKey: string;
  /** Default: HEROKU_GIT_URL, else https://git.heroku.com. */
  gitUrl?: string;
  /** The checkout pushed from. Default: the working directory. */
  cwd?: string;
  /** Base environment of git processes. Default: process.env. */
  env?: NodeJS.ProcessEnv;
  /** Each line git writes during a push, the remote build's output among them. */
  onOutput?: (line: string) => void;
}

export class HerokuGit {
  readonly gitUrl: string;
  readonly cwd: string;
  private readonly apiKey: string;
  private readonly baseEnv: NodeJS.ProcessEnv;
  private readonly onOutput?: (line: string) => void;

  constructor(opts: HerokuGitOptions) {
    const raw = (opts.gitUrl || process.env.HEROKU_GIT_URL || "https://git.heroku.com").trim();
    const url = parseHttpUrl("HEROKU_GIT_URL", raw);
    if (url.username || url.password)
      throw new InputError("HEROKU_GIT_URL", `must not carry credentials; got '${redactUrl(url)}'`);
    this.gitUrl = url.toString().replace(/\/+$/, "");
    this.apiKey = opts.apiKey;
    this.cwd = opts.cwd ?? process.cwd();
    this.baseEnv = opts.env ?? process.env;
    this.onOutput = opts.onOutput;
  }

  remoteUrl(app: string): string {
    return `${this.gitUrl}/${app}.git`;
  }

  /**
   * The environment of a git process that talks to Heroku: the key as a Basic Authorization header scoped to
   * Heroku's git URL, no credential helpers (nothing stored, nothing prompted), no terminal prompts.
   */
  authEnv(): Record<string, string> {
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(this.baseEnv)) if (v !== undefined) env[k] = v;
    delete env.GIT_ASKPASS;
    delete env.SSH_ASKPASS;
    let n = Number(env.GIT_CONFIG_COUNT ?? "0");
    if (!Number.isInteger(n) || n < 0) n = 0;
    const add = (key: string, value: string) => {
      env[`GIT_CONFIG_KEY_${n}`] = key;
      env[`GIT_CONFIG_VALUE_${n}`] = value;
      n++;
    };
    const basic = Buffer.from(`heroku:${this.apiKey}`).toString("base64");
    add(`http.${this.gitUrl}/.extraHeader`, `Authorization: Basic ${basic}`);
    add("credential.helper", "");
    env.GIT_CONFIG_COUNT = String(n);
    env.GIT_TERMINAL_PROMPT = "0";
    return env;
  }

  /** The commit on Heroku's main branch, or undefined when the app's repo is empty. */
  async remoteHead(app: string): Promise<string | undefined> {
    const r = await git(["ls-remote", this.remoteUrl(app), "refs/heads/main", "refs/heads/master"], {
      cwd: this.cwd,
      env: this.authEnv(),
    });
    if (r.code !== 0) throw this.failure(app, "reach", lines(r.stderr));
    const refs = Object.fromEntries(
      lines(r.stdout).map((l) => {
        const [sha, ref] = l.split(/\s+/);
        return [ref ?? "", sha ?? ""];
      }),
    );
    return refs["refs/heads/main"] || refs["refs/heads/master"] || undefined;
  }

  /**
   * Pushes `sha` to the app's main branch, streaming the remote build's output. Never forces unless asked; a
   * non-fast-forward push fails, changing nothing, with a message that names `force: true`.
   */
  async push(app: string, sha: string, opts: { force?: boolean } = {}): Promise<PushResult> {
    const all: string[] = [];
    const onLine = (raw: string) => {
      const line = raw.replace(/\s+$/, "");
      all.push(line);
      if (line.trim() && !line.startsWith("hint:")) this.onOutput?.(line);
    };
    const refspec = `${opts.force ? "+" : ""}${sha}:refs/heads/main`;
    const r = await git(["push", "--porcelain", "--no-verify", this.remoteUrl(app), refspec], {
      cwd: this.cwd,
      env: this.authEnv(),
      onStderrLine: onLine,
    });
    const out = lines(r.stdout);
    for (const line of out) {
      const status = /^.\t([^:\s]+):refs\/heads\/main\t(.*)$/.exec(line);
      if (status) onLine(`git push: ${shortSha(status[1])} -> main ${status[2]}`);
      else if (!/^(To |Done$)/.test(line)) onLine(line);
    }
    const everything = [...all, ...out];
    const status = out.find((l) => l.includes(":refs/heads/main\t"));
    const rejected = status?.startsWith("!") || everything.some((l) => /Push rejected/.test(l));
    if (r.code === 0 && !rejected)
      return { upToDate: status?.startsWith("=") ?? false, forced: !!opts.force, lines: everything };
    throw this.failure(app, "push", everything, sha);
  }

  private failure(app: string, what: "push" | "reach", output: string[], sha?: string): HerokuPushError {
    const kind = classifyPushFailure(output);
    const tail = buildLines(output);
    const target = this.remoteUrl(app);
    switch (kind) {
      case "non-fast-forward":
        return new HerokuPushError(
          `Heroku's git repo for '${app}' has commits that ${shortSha(sha)} does not contain, so the push was refused (not a fast-forward). Nothing was changed. To replace what Heroku has with this commit, run again with force: true.`,
          kind,
          tail,
        );
      case "rejected-build":
        return new HerokuPushError(
          `Heroku rejected the build of ${shortSha(sha)} for '${app}' (Push rejected); nothing was released.${tail.length ? ` Last build lines:\n${tail.join("\n")}` : ""}`,
          kind,
          tail,
        );
      case "auth":
        return new HerokuPushError(
          `Heroku git rejected the API key (401 Unauthorized) for ${target}: check that heroku-api-key / HEROKU_API_KEY holds a valid key with access to '${app}'`,
          kind,
          tail,
        );
      case "not-found":
        return new HerokuPushError(`Heroku git has no app '${app}' at ${target}`, kind, tail);
      case "shallow":
        return new HerokuPushError(
          `Heroku refused the push from a shallow clone (shallow update not allowed); check out with fetch-depth: 0`,
          kind,
          tail,
        );
      default: {
        const last = output
          .filter((l) => l.trim())
          .slice(-8)
          .join("\n");
        return new HerokuPushError(
          `git ${what === "push" ? "push to" : "could not reach"} ${target} failed${last ? `:\n${last}` : ""}`,
          kind,
          tail,
        );
      }
    }
  }
}

/** The local checkout a deploy pushes from. */
export class LocalRepo {
  constructor(
    readonly cwd: string,
    private readonly onInfo: (message: string) => void = () => {},
  ) {}

  private run(args: string[], onStderrLine?: (line: string) => void): Promise<GitRun> {
    return git(args, { cwd: this.cwd, onStderrLine });
  }

  /** The full SHA `ref` names in this checkout. */
  async resolveCommit(input: string, ref: string): Promise<string> {
    const inside = await this.run(["rev-parse", "--is-inside-work-tree"]);
    if (inside.code !== 0 || inside.stdout.trim() !== "true")
      throw new InputError(
        input,
        `needs a git checkout, but ${this.cwd} is not one: add actions/checkout before this step`,
      );
    const r = await this.run(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
    const sha = r.stdout.trim();
    if (r.code !== 0 || !/^[0-9a-f]{40}$/.test(sha))
      throw new InputError(
        input,
        `names '${ref}', which is not a commit in the checkout at ${this.cwd}: check it out (actions/checkout with ref: and fetch-depth: 0) or pass a commit SHA that is there`,
      );
    return sha;
  }

  /** When `sha` was committed (ISO 8601), or undefined when the checkout cannot tell (e.g. a shallow graft). */
  async commitTime(sha: string): Promise<string | undefined> {
    const r = await this.run(["show", "-s", "--format=%cI", sha]);
    const at = r.stdout.trim();
    return r.code === 0 && !Number.isNaN(Date.parse(at)) ? new Date(at).toISOString() : undefined;
  }

  async isShallow(): Promise<boolean> {
    const r = await this.run(["rev-parse", "--is-shallow-repository"]);
    return r.stdout.trim() === "true";
  }

  async hasCommit(sha: string): Promise<boolean> {
    return (await this.run(["cat-file", "-e", `${sha}^{commit}`])).code === 0;
  }

  async isAncestor(ancestor: string, of: string): Promise<boolean> {
    return (await this.run(["merge-base", "--is-ancestor", ancestor, of])).code === 0;
  }

  async subject(sha: string): Promise<string> {
    return (await this.run(["log", "-1", "--format=%s", sha])).stdout.trim();
  }

  /** The remote a shallow clone is deepened from: origin, else the only remote. */
  async deepenRemote(): Promise<string> {
    const remotes = lines((await this.run(["remote"])).stdout);
    if (remotes.includes("origin")) return "origin";
    if (remotes.length === 1) return remotes[0]!;
    throw new VendorError(
      "git",
      `The checkout at ${this.cwd} is a shallow clone with no origin remote to deepen it from: check out with fetch-depth: 0`,
    );
  }

  /**
   * Makes the history Heroku needs available. Heroku refuses a push whose history stops at a shallow boundary
   * it cannot connect to what it has, so a shallow clone is deepened until `sha` reaches `remoteHead` (the
   * commit Heroku has), or made whole when Heroku has nothing yet or the histories do not meet.
   */
  async ensureHistory(
    sha: string,
    remoteHead: string | undefined,
  ): Promise<"complete" | "deepened" | "unshallowed"> {
    if (!(await this.isShallow())) return "complete";
    const remote = await this.deepenRemote();
    const connected = async () =>
      remoteHead !== undefined &&
      (await this.hasCommit(remoteHead)) &&
      (await this.isAncestor(remoteHead, sha));
    if (await connected()) return "deepened";
    if (remoteHead) {
      for (const depth of [50, 500]) {
        this.onInfo(`Shallow clone: fetching ${depth} more commits of history from ${remote}`);
        const r = await this.run(["fetch", "--no-tags", "--quiet", `--deepen=${depth}`, remote, sha]);
        if (r.code !== 0) break;
        if (!(await this.isShallow())) return "unshallowed";
        if (await connected()) return "deepened";
      }
    }
    this.onInfo(`Shallow clone: fetching the whole history from ${remote}`);
    let r = await this.run(["fetch", "--no-tags", "--quiet", "--unshallow", remote, sha]);
    if (r.code !== 0 && (await this.isShallow()))
      r = await this.run(["fetch", "--quiet", "--unshallow", remote]);
    if (r.code !== 0 && (await this.isShallow()))
      throw new VendorError(
        "git",
        `Could not deepen the shallow clone at ${this.cwd} from ${remote}: ${lines(r.stderr).slice(-3).join(" ")}. Check out with fetch-depth: 0.`,
      );
    return "unshallowed";
  }

  /** Writes a gzipped tarball of the tree at `sha` (what `git archive` exports) to `file`. */
  async archive(sha: string, file: string): Promise<void> {
    const r = await this.run(["archive", "--format=tar.gz", "-o", file, sha]);
    if (r.code !== 0)
      throw new VendorError(
        "git",
        `git archive of ${shortSha(sha)} failed: ${lines(r.stderr).slice(-3).join(" ")}`,
      );
  }
}
