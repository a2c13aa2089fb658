import { execFile, execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { describeError, ProdgateError } from "../core/errors.js";
import { FakeServer } from "./fake-server.js";
import { HerokuApiFake } from "./heroku-api.js";
import { HerokuGitServer } from "./heroku-git-server.js";
import { type SandboxPostgres, startPostgres } from "./postgres.js";
import { SlackFake } from "./slack-api.js";

const execFileAsync = promisify(execFile);

/**
 * The sandbox world of `prodgate demo`, shared with the CLI's end-to-end tests: an embedded PostgreSQL (or a
 * database handed in), the loopback Heroku Platform API and git endpoint, the app's web server with a /health
 * route whose answer follows the code it runs, a Slack fake, and a sample app repository with a few commits,
 * one of them already live. Everything listens on 127.0.0.1 and lives under one temp dir removed by stop().
 */

export type HealthMode = "auto" | "ok" | "fail";

export interface SandboxOptions {
  /** Use this database instead of starting an embedded PostgreSQL (tests share one server). */
  databaseUrl?: string;
  /** The Heroku app (default "shop"). */
  app?: string;
  /** The operator's `git config user.email` in the sample repo; null leaves it unset. */
  gitEmail?: string | null;
  /** Where the sandbox's temp dir is made (default: the OS temp dir). */
  tempRoot?: string;
  /** Told the temp dir as soon as it exists (to remove it if this process must quit at once). */
  onRoot?: (root: string) => void;
}

export interface SampleCommit {
  sha: string;
  subject: string;
}

export interface Sandbox {
  readonly app: string;
  /** The sandbox's temp dir (sample repo, spool, Heroku's bare repos). */
  readonly root: string;
  /** The sample app's checkout: the working directory of a deploy. */
  readonly repoDir: string;
  /** Where audit records that could not be written go. */
  readonly spoolDir: string;
  readonly apiKey: string;
  readonly databaseUrl: string;
  readonly api: HerokuApiFake;
  readonly git: HerokuGitServer;
  readonly slack: SlackFake;
  /** The app's web server (the health endpoint). */
  readonly web: FakeServer;
  readonly postgres?: SandboxPostgres;
  /** The Slack channel deploys are announced in. */
  readonly slackChannel: string;
  /** The sample repo's commits, oldest first; the first is live when the sandbox starts. */
  readonly commits: SampleCommit[];
  /** The environment a `prodgate` process needs to work in this sandbox (credentials and base URLs). */
  readonly env: Record<string, string>;
  /** How /health answers: "auto" (by the code live now), always "ok", or always "fail". */
  setHealth(mode: HealthMode): void;
  /** Commits a change to the sample repo's main branch; `breaksHealth` makes /health fail while it is live. */
  commit(subject: string, files: Record<string, string>, opts?: { breaksHealth?: boolean }): SampleCommit;
  stop(): Promise<void>;
}

const AUTHOR = {
  GIT_AUTHOR_NAME: "Sam Rivera",
  GIT_AUTHOR_EMAIL: "sam@example.com",
  GIT_COMMITTER_NAME: "Sam Rivera",
  GIT_COMMITTER_EMAIL: "sam@example.com",
};

const SAMPLE_FILES: { subject: string; files: Record<string, string> }[] = [
  {
    subject: "Shop: first version",
    files: {
      "package.json": `${JSON.stringify({ name: "shop", private: true, scripts: { start: "node server.js" } }, null, 2)}\n`,
      Procfile: "web: npm start\n",
      "server.js":
        'import { createServer } from "node:http";\ncreateServer((req, res) => {\n  if (req.url === "/health") return res.end(JSON.stringify({ status: "ok" }));\n  res.end("shop");\n}).listen(process.env.PORT);\n',
      "README.md": "# shop\n\nThe sample app of the prodgate sandbox.\n",
    },
  },
  {
    subject: "Add product search",
    files: { "search.js": "export const search = (items, q) => items.filter((i) => i.name.includes(q));\n" },
  },
  {
    subject: "Cache the catalogue for 60 s",
    files: { "cache.js": "export const TTL_SECONDS = 60;\n" },
  },
  {
    subject: "Show prices in the visitor's currency",
    files: {
      "prices.js": "export const format = (cents, currency) => `${(cents / 100).toFixed(2)} ${currency}`;\n",
    },
  },
];

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const app = options.app ?? "shop";
  const tempRoot = options.tempRoot ?? tmpdir();
  let root: string;
  try {
    root = mkdtempSync(join(tempRoot, "prodgate-demo-"));
  } catch (err) {
    throw new ProdgateError(
      `cannot make the sandbox's directory in ${tempRoot} (${describeError(err)}): set TMPDIR to a writable directory`,
    );
  }
  options.onRoot?.(root);
  const stops: (() => Promise<void> | void)[] = [() => rmSync(root, { recursive: true, force: true })];
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) {
      // Each part gets 15 s: a server that will not stop must not keep the rest from being cleaned up.
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          stop(),
          new Promise((resolve) => {
            timer = setTimeout(resolve, 15_000);
          }),
        ]);
      } catch {
      } finally {
        clearTimeout(timer);
      }
    }
  };
  try {
    const apiKey = `sandbox-heroku-key-${randomBytes(12).toString("hex")}`;
    const repoDir = join(root, "shop");
    const spoolDir = join(root, "spool");
    const broken = new Set<string>();
    let healthMode: HealthMode = "auto";

    let postgres: SandboxPostgres | undefined;
    let databaseUrl = options.databaseUrl;
    if (!databaseUrl) {
      postgres = await startPostgres({ database: "prodgate" });
      stops.push(() => postgres?.stop());
      databaseUrl = postgres.url;
    }

    const api = new HerokuApiFake({ apiKey, lineDelayMs: 1 });
    await api.start();
    stops.push(() => api.stop());
    const gitRoot = join(root, "heroku-git");
    mkdirSync(gitRoot);
    const git = new HerokuGitServer({ apiKey, api, root: gitRoot });
    await git.start();
    stops.push(() => git.stop());
    const slack = new SlackFake();
    await slack.start();
    stops.push(() => slack.stop());

    const web = new FakeServer(`${app}-web`);
    web
      .route("GET", "/health", () => {
        const live = api.liveCommitOf(app);
        const down =
          healthMode === "fail" || (healthMode === "auto" && live !== undefined && broken.has(live));
        return down
          ? { status: 503, body: { status: "down", error: "session store unreachable" } }
          : { body: { status: "ok", commit: live ?? null } };
      })
      .route("GET", "/", () => ({ headers: { "content-type": "text/plain" }, body: `${app} is running\n` }));
    await web.start();
    stops.push(() => web.stop());
    api.createApp(app, { webUrl: `${web.url}/` });

    const run = (...args: string[]) =>
      execFileSync("git", args, {
        cwd: repoDir,
        env: { ...process.env, ...AUTHOR, GIT_CONFIG_NOSYSTEM: "1", GIT_TERMINAL_PROMPT: "0" },
        stdio: ["ignore", "pipe", "pipe"],
      })
        .toString()
        .trim();
    mkdirSync(repoDir);
    run("init", "--quiet", "--initial-branch=main");
    if (options.gitEmail !== null) run("config", "user.email", options.gitEmail ?? "you@example.com");
    run("config", "user.name", "Sandbox Operator");
    run("config", "commit.gpgsign", "false");

    const commits: SampleCommit[] = [];
    const commit = (
      subject: string,
      files: Record<string, string>,
      opts: { breaksHealth?: boolean } = {},
    ): SampleCommit => {
      for (const [name, text] of Object.entries(files)) {
        mkdirSync(dirname(join(repoDir, name)), { recursive: true });
        writeFileSync(join(repoDir, name), text);
      }
      run("add", "--all");
      run("commit", "--quiet", "--no-verify", "-m", subject);
      const made = { sha: run("rev-parse", "HEAD"), subject };
      if (opts.breaksHealth) broken.add(made.sha);
      commits.push(made);
      return made;
    };
    for (const c of SAMPLE_FILES) commit(c.subject, c.files);

    // What production runs when the sandbox starts: the first commit, pushed as any earlier deploy was.
    const basic = Buffer.from(`heroku:${apiKey}`).toString("base64");
    await execFileAsync(
      "git",
      ["push", "--quiet", `${git.url}/${app}.git`, `${commits[0]!.sha}:refs/heads/main`],
      {
        cwd: repoDir,
        env: {
          ...process.env,
          GIT_CONFIG_NOSYSTEM: "1",
          GIT_TERMINAL_PROMPT: "0",
          GIT_CONFIG_COUNT: "1",
          GIT_CONFIG_KEY_0: "http.extraHeader",
          GIT_CONFIG_VALUE_0: `Authorization: Basic ${basic}`,
        },
      },
    );

    const slackChannel = "deploys";
    const env: Record<string, string> = {
      HEROKU_API_KEY: apiKey,
      HEROKU_API_URL: api.url,
      HEROKU_GIT_URL: git.url,
      DATABASE_URL: databaseUrl,
      SLACK_BOT_TOKEN: slack.token,
      SLACK_API_URL: slack.apiUrl,
      PRODGATE_SLACK_CHANNEL: slackChannel,
      PRODGATE_SPOOL_DIR: spoolDir,
    };

    return {
      app,
      root,
      repoDir,
      spoolDir,
      apiKey,
      databaseUrl,
      api,
      git,
      slack,
      web,
      postgres,
      slackChannel,
      commits,
      env,
      setHealth(mode) {
        healthMode = mode;
      },
      commit,
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
