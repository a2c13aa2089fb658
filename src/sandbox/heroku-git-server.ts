import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Loopback, listenLoopback, readBody } from "./fake-server.js";
import type { HerokuApiFake } from "./heroku-api.js";

/**
 * A loopback stand-in for git.heroku.com: real git (`git http-backend`) behind HTTP Basic auth whose password
 * is the API key, repositories at `<url>/<app>.git`. A push to main runs a pre-receive hook that builds and
 * releases the pushed commit in the same HerokuApiFake (so the Platform API sees it) and prints the build
 * output back as `remote:` lines; a rejected build prints "Push rejected" and refuses the push.
 */

export interface HerokuGitServerOptions {
  apiKey: string;
  api: HerokuApiFake;
  /** Where bare repositories live (default: a temp dir removed on stop). */
  root?: string;
}

export interface GitRequestRecord {
  method: string;
  path: string;
  service?: string;
  status: number;
  authorization?: string;
  at: number;
}

const ZERO = "0000000000000000000000000000000000000000";

const HOOK_SCRIPT = `import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { request } from "node:http";
const updates = readFileSync(0, "utf8").split("\\n").filter(Boolean).map((line) => {
  const [oldSha, newSha, ref] = line.split(" ");
  let subject = "";
  try { subject = execFileSync("git", ["log", "-1", "--format=%s", newSha], { stdio: ["ignore", "pipe", "ignore"] }).toString().trim(); } catch {}
  return { old: oldSha, new: newSha, ref, subject };
});
const req = request(process.env.PRODGATE_HEROKU_HOOK_URL, { method: "POST", headers: { "content-type": "application/json" } }, (res) => {
  let rest = "";
  let code = 1;
  const take = (line) => {
    const m = /^::exit::(\\d+)$/.exec(line);
    if (m) code = Number(m[1]);
    else process.stdout.write(line + "\\n");
  };
  res.setEncoding("utf8");
  res.on("data", (chunk) => {
    rest += chunk;
    const parts = rest.split("\\n");
    rest = parts.pop();
    for (const line of parts) take(line);
  });
  res.on("end", () => {
    if (rest) take(rest);
    process.exit(code);
  });
});
req.on("error", (err) => {
  process.stdout.write(" !     Heroku build service unreachable: " + err.message + "\\n");
  process.exit(1);
});
req.end(JSON.stringify({ app: process.env.PRODGATE_HEROKU_APP, updates }));
`;

export class HerokuGitServer {
  readonly requests: GitRequestRecord[] = [];
  readonly root: string;
  private readonly apiKey: string;
  private readonly api: HerokuApiFake;
  private readonly ownsRoot: boolean;
  private readonly hookToken = randomBytes(16).toString("hex");
  private readonly hooksDir: string;
  private loopback?: Loopback;

  constructor(opts: HerokuGitServerOptions) {
    this.apiKey = opts.apiKey;
    this.api = opts.api;
    this.ownsRoot = !opts.root;
    this.root = opts.root ?? mkdtempSync(join(tmpdir(), "prodgate-heroku-git-"));
    this.hooksDir = join(this.root, ".hooks");
  }

  get url(): string {
    return `http://127.0.0.1:${this.loopback?.port ?? 0}`;
  }

  async start(port = 0): Promise<this> {
    mkdirSync(this.hooksDir, { recursive: true });
    writeFileSync(join(this.hooksDir, "pre-receive.mjs"), HOOK_SCRIPT);
    const hook = join(this.hooksDir, "pre-receive");
    writeFileSync(
      hook,
      `#!/bin/sh\nexec "${process.execPath}" "${join(this.hooksDir, "pre-receive.mjs")}"\n`,
    );
    chmodSync(hook, 0o755);
    this.loopback = await listenLoopback((req, res) => {
      this.handle(req, res).catch((err) => {
        if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
        res.end(`fake heroku git error: ${String(err)}\n`);
      });
    }, port);
    return this;
  }

  async stop(): Promise<void> {
    await this.loopback?.close();
    this.loopback = undefined;
    if (this.ownsRoot) rmSync(this.root, { recursive: true, force: true });
  }

  /** The next push's build fails: "Push rejected", the push refused, no release. */
  rejectNextBuild(lines?: string[]): void {
    this.api.rejectNextBuild(lines);
  }

  /** The bare repository of an app (created on first use). */
  repoPath(app: string): string {
    const dir = join(this.root, `${app}.git`);
    if (!existsSync(dir)) {
      execFileSync("git", ["init", "--quiet", "--bare", dir], { stdio: "ignore" });
      execFileSync("git", ["-C", dir, "symbolic-ref", "HEAD", "refs/heads/main"], { stdio: "ignore" });
      execFileSync("git", ["-C", dir, "config", "core.hooksPath", this.hooksDir], { stdio: "ignore" });
      execFileSync("git", ["-C", dir, "config", "http.receivepack", "true"], { stdio: "ignore" });
    }
    return dir;
  }

  /** The commit on an app's main branch, read straight from the bare repository. */
  headOf(app: string): string | undefined {
    try {
      return execFileSync(
        "git",
        ["-C", this.repoPath(app), "rev-parse", "--verify", "--quiet", "refs/heads/main"],
        {
          stdio: ["ignore", "pipe", "ignore"],
        },
      )
        .toString()
        .trim();
    } catch {
      return undefined;
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (req.method === "POST" && url.pathname === `/__prodgate/hook/${this.hookToken}`)
      return this.hook(req, res);
    const record: GitRequestRecord = {
      method: req.method ?? "GET",
      path: url.pathname,
      service: url.searchParams.get("service") ?? /\/(git-[a-z-]+)$/.exec(url.pathname)?.[1],
      status: 0,
      authorization: req.headers.authorization,
      at: Date.now(),
    };
    this.requests.push(record);
    const reply = (status: number, text: string, headers: Record<string, string> = {}) => {
      record.status = status;
      req.resume();
      res.writeHead(status, { "content-type": "text/plain", ...headers }).end(text);
    };
    if (!this.authorized(req.headers.authorization))
      return reply(401, "Invalid credentials provided.\n", { "www-authenticate": 'Basic realm="Heroku"' });
    const m = /^\/([a-z][a-z0-9-]{2,29})\.git(\/.*)$/.exec(url.pathname);
    if (!m) return reply(404, "Repository not found.\n");
    const app = m[1]!;
    if (!this.api.hasApp(app)) return reply(404, `No such app as ${app}.\n`);
    this.repoPath(app);
    record.status = await this.backend(app, m[2]!, url, req, res);
  }

  private authorized(header: string | undefined): boolean {
    const basic = /^Basic\s+(.+)$/i.exec(header ?? "");
    if (!basic) return false;
    const decoded = Buffer.from(basic[1] ?? "", "base64").toString("utf8");
    return decoded.slice(decoded.indexOf(":") + 1) === this.apiKey;
  }

  /** Runs `git http-backend` as a CGI program for one request and relays its answer. */
  private backend(
    app: string,
    rest: string,
    url: URL,
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<number> {
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      HOME: this.root,
      GIT_PROJECT_ROOT: this.root,
      GIT_HTTP_EXPORT_ALL: "1",
      GIT_CONFIG_NOSYSTEM: "1",
      PATH_INFO: `/${app}.git${rest}`,
      REQUEST_METHOD: req.method ?? "GET",
      QUERY_STRING: url.search.replace(/^\?/, ""),
      REMOTE_USER: "heroku",
      REMOTE_ADDR: "127.0.0.1",
      PRODGATE_HEROKU_APP: app,
      PRODGATE_HEROKU_HOOK_URL: `${this.url}/__prodgate/hook/${this.hookToken}`,
    };
    if (req.headers["content-type"]) env.CONTENT_TYPE = req.headers["content-type"];
    if (req.headers["content-length"]) env.CONTENT_LENGTH = req.headers["content-length"];
    if (req.headers["content-encoding"]) env.HTTP_CONTENT_ENCODING = req.headers["content-encoding"];
    if (req.headers["git-protocol"]) env.GIT_PROTOCOL = String(req.headers["git-protocol"]);
    const child = spawn("git", ["http-backend"], { env, stdio: ["pipe", "pipe", "pipe"] });
    req.pipe(child.stdin);
    child.stdin.on("error", () => {});
    child.stderr.resume();
    return new Promise<number>((resolve) => {
      let head = Buffer.alloc(0);
      let status = 200;
      let started = false;
      child.stdout.on("data", (chunk: Buffer) => {
        if (started) {
          res.write(chunk);
          return;
        }
        head = Buffer.concat([head, chunk]);
        const crlf = head.indexOf("\r\n\r\n");
        const lf = head.indexOf("\n\n");
        const end = crlf >= 0 && (lf < 0 || crlf < lf) ? crlf : lf;
        if (end < 0) return;
        const sep = end === crlf ? 4 : 2;
        const headers: Record<string, string> = {};
        for (const line of head.subarray(0, end).toString("latin1").split(/\r?\n/)) {
          const i = line.indexOf(":");
          if (i <= 0) continue;
          const name = line.slice(0, i).trim();
          const value = line.slice(i + 1).trim();
          if (name.toLowerCase() === "status") status = Number.parseInt(value, 10) || 200;
          else headers[name] = value;
        }
        started = true;
        res.writeHead(status, headers);
        const body = head.subarray(end + sep);
        if (body.length) res.write(body);
      });
      child.on("close", () => {
        if (!started) res.writeHead(502, { "content-type": "text/plain" }).end("git http-backend failed\n");
        else res.end();
        resolve(started ? status : 502);
      });
    });
  }

  /** The receive hook's call: build and release each pushed main commit, streaming Heroku-like output. */
  private async hook(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = JSON.parse((await readBody(req)).toString("utf8")) as {
      app: string;
      updates: { old: string; new: string; ref: string; subject: string }[];
    };
    res.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
    const say = (line: string) => res.write(`${line}\n`);
    let code = 0;
    for (const u of body.updates) {
      if (u.ref !== "refs/heads/main" && u.ref !== "refs/heads/master") {
        say(`Pushed to non-main branch, build skipped (${u.ref}).`);
        continue;
      }
      if (u.new === ZERO) {
        say(" !     Deleting the main branch is not allowed.");
        code = 1;
        continue;
      }
      say("Compressing source files... done.");
      say("Building source:");
      say("");
      const outcome = await this.api.buildCommit(
        body.app,
        { commit: u.new, subject: u.subject, url: null },
        say,
      );
      say("");
      if (!outcome.ok) {
        say(` !     Push rejected to ${body.app}.`);
        say("");
        code = 1;
        continue;
      }
      say("Verifying deploy... done.");
    }
    say(`::exit::${code}`);
    res.end();
  }
}
