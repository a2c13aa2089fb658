import { createHash, randomBytes, randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import type { ServerResponse } from "node:http";
import { gunzipSync } from "node:zlib";
import type {
  HerokuApp,
  HerokuBuild,
  HerokuDyno,
  HerokuRelease,
  HerokuReleaseStatus,
  HerokuSlug,
} from "../core/heroku.js";
import type { Clock } from "../core/ports.js";
import { conditional, type FakeReply, type FakeRequest, FakeServer } from "./fake-server.js";
import {
  type FakeAuthorization,
  FakeAuthorizations,
  type NewAuthorization,
} from "./heroku-authorizations-fake.js";
import { BlobStore } from "./heroku-blob-store.js";
import { paginate } from "./heroku-range.js";
import { enforceHerokuRateLimit, type TokenBucket } from "./rate-budget.js";

export type { HerokuApp, HerokuBuild, HerokuRelease, HerokuSlug } from "../core/heroku.js";
export type { FakeAuthorization } from "./heroku-authorizations-fake.js";

/**
 * A loopback Heroku Platform API v3 answering in the real API's shapes: apps (one, or the account's list by
 * Range), releases (Range header, newest first with `order=desc`), slugs, dynos, sources with a PUT upload URL,
 * builds with an output stream, and rollback; an ETag on every GET, 304 for a matching If-None-Match. Errors are `{ id, message }` bodies with Heroku's statuses. State lives in memory; the git fake
 * (heroku-git-server.ts) builds and releases into the same state. Faults come from `server` (FakeServer).
 */

interface BuildRun {
  build: HerokuBuild;
  lines: string[];
  done: boolean;
  events: EventEmitter;
}

interface AppState {
  app: HerokuApp;
  releases: HerokuRelease[]; // oldest first
  slugs: Map<string, HerokuSlug>;
  builds: BuildRun[];
  releasePhase?: { ms: number; outcome: "succeeded" | "failed" };
  dynoStates?: string[];
  /** Config vars (values), as PATCH /apps/{app}/config-vars sets them. */
  configVars: Record<string, string>;
}

export interface HerokuApiFakeOptions {
  apiKey: string;
  /** Pause between build output lines (default 2 ms). */
  lineDelayMs?: number;
  user?: { id: string; email: string };
  /** Enforce Heroku's rate limit (4,500 per token, refilled at 75 a minute) on this clock (off by default). */
  rateLimit?: { clock: Clock; capacity?: number; perMinute?: number };
}

export interface BuildOutcome {
  ok: boolean;
  build: HerokuBuild;
  release?: HerokuRelease;
}

const REJECT_LINES = [
  "-----> Building on the Heroku-24 stack",
  "-----> Determining which buildpack to use for this app",
  "-----> Node.js app detected",
  "       npm ERR! code ELIFECYCLE",
  "       npm ERR! Failed at the build script.",
  " !     Push rejected, failed to compile Node.js app.",
  " !     Push failed",
];

export class HerokuApiFake {
  readonly server = new FakeServer("heroku-api");
  readonly user: { id: string; email: string };
  private readonly apiKey: string;
  private readonly lineDelayMs: number;
  private readonly apps = new Map<string, AppState>();
  private readonly blobs = new Map<string, { token: string; data?: Buffer }>();
  /** Where source tarballs go: a separate host, as S3 is for Heroku, so no Heroku credential is sent there. */
  readonly blobStore = new BlobStore(this.blobs);
  private rejectNext?: string[];
  private clock = 0;
  /** The rate budget, when `rateLimit` was given. */
  readonly budget?: TokenBucket;

  constructor(opts: HerokuApiFakeOptions) {
    this.apiKey = opts.apiKey;
    this.lineDelayMs = opts.lineDelayMs ?? 2;
    this.user = opts.user ?? { id: randomUUID(), email: "deployer@example.com" };
    if (opts.rateLimit) this.budget = enforceHerokuRateLimit(this.server, opts.rateLimit);
    // Heroku sends an ETag with every GET and answers a matching If-None-Match with 304; inside the rate limit,
    // since Heroku does not say a 304 is free.
    this.server.use(async (req, next) => {
      const reply = await next();
      return reply ? conditional(req, reply) : reply;
    });
    this.routes();
    this.oauth = new FakeAuthorizations(this.server, {
      user: this.user,
      now: () => this.now(),
      authorized: (req) => this.authorized(req),
    });
    this.configVarRoutes();
  }

  get url(): string {
    return this.server.url;
  }

  async start(port = 0): Promise<this> {
    await this.server.start(port);
    await this.blobStore.start();
    return this;
  }

  async stop(): Promise<void> {
    await this.blobStore.stop();
    await this.server.stop();
  }

  // -------------------------------------------------------------------------------------------------------
  // state, for tests and the sandbox

  /** A new app with its "Initial release" (v1, no slug), as Heroku creates it. */
  createApp(name: string, opts: { webUrl?: string } = {}): HerokuApp {
    const now = this.now();
    const app: HerokuApp = {
      acm: false,
      archived_at: null,
      buildpack_provided_description: null,
      build_stack: { id: randomUUID(), name: "heroku-24" },
      created_at: now,
      git_url: `https://git.heroku.com/${name}.git`,
      id: randomUUID(),
      internal_routing: null,
      maintenance: false,
      name,
      owner: { id: this.user.id, email: this.user.email },
      organization: null,
      team: null,
      region: { id: randomUUID(), name: "us" },
      released_at: now,
      repo_size: null,
      slug_size: null,
      space: null,
      stack: { id: randomUUID(), name: "heroku-24" },
      updated_at: now,
      web_url: opts.webUrl ?? `https://${name}-${randomBytes(6).toString("hex")}.herokuapp.com/`,
    };
    this.apps.set(name, { app, releases: [], slugs: new Map(), builds: [], configVars: {} });
    this.newRelease(this.state(name), { description: "Initial release", slug: null });
    return { ...app };
  }

  /** A deploy of `commit`: a slug and a release that becomes current (version increments). */
  addRelease(
    app: string,
    opts: { commit?: string; description?: string; commitDescription?: string },
  ): HerokuRelease {
    const st = this.state(app);
    const slug = this.newSlug(st, opts.commit ?? null, opts.commitDescription ?? null);
    const description = opts.description ?? (opts.commit ? `Deploy ${opts.commit.slice(0, 8)}` : "Deploy");
    return this.newRelease(st, { description, slug: slug.id, immediate: true });
  }

  /** Every release of the app, oldest first. */
  releasesOf(app: string): HerokuRelease[] {
    return this.state(app).releases.map((r) => structuredClone(r));
  }

  currentOf(app: string): HerokuRelease | undefined {
    const r = this.state(app).releases.find((x) => x.current);
    return r ? structuredClone(r) : undefined;
  }

  slugOf(app: string, slugId: string): HerokuSlug | undefined {
    const s = this.state(app).slugs.get(slugId);
    return s ? structuredClone(s) : undefined;
  }

  /** The commit the app runs now (the current release's slug commit). */
  liveCommitOf(app: string): string | undefined {
    const current = this.currentOf(app);
    return current?.slug ? (this.slugOf(app, current.slug.id)?.commit ?? undefined) : undefined;
  }

  buildsOf(app: string): HerokuBuild[] {
    return this.state(app).builds.map((b) => structuredClone(b.build));
  }

  hasApp(app: string): boolean {
    return this.apps.has(app);
  }

  /** An uploaded source tarball (PUT to a source's put_url). */
  blob(id: string): Buffer | undefined {
    return this.blobs.get(id)?.data;
  }

  /** The next build (git push or API build) fails with these lines (default: a failed Node.js compile). */
  rejectNextBuild(lines: string[] = REJECT_LINES): void {
    this.rejectNext = lines;
  }

  /** New releases of the app run a release phase lasting `ms`, ending as `outcome`. */
  setReleasePhase(app: string, phase?: { ms: number; outcome: "succeeded" | "failed" }): void {
    this.state(app).releasePhase = phase;
  }

  /**
   * Builds `commit` and, when the build passes, releases it. The git fake calls this from its receive hook;
   * `onLine` gets the build output as it is produced.
   */
  async buildCommit(
    app: string,
    source: { commit: string; subject?: string; url?: string | null; files?: number },
    onLine: (line: string) => void = () => {},
  ): Promise<BuildOutcome> {
    const st = this.state(app);
    const run = this.newBuild(st, source.url ?? null, source.commit, source.subject ?? null);
    run.events.on("line", onLine);
    await this.runBuild(st, run, source.files);
    run.events.off("line", onLine);
    const release = run.build.release ? st.releases.find((r) => r.id === run.build.release?.id) : undefined;
    return { ok: run.build.status === "succeeded", build: structuredClone(run.build), release };
  }

  // -------------------------------------------------------------------------------------------------------
  // HTTP

  private routes(): void {
    const s = this.server;
    const authed =
      (
        fn: (req: FakeRequest, res: ServerResponse) => FakeReply | undefined | Promise<FakeReply | undefined>,
      ) =>
      (req: FakeRequest, res: ServerResponse) => {
        const scope = this.scopeOf(req);
        if (!scope) return error(401, "unauthorized", "Invalid credentials provided.");
        // A read-scoped OAuth authorization reads; every write is forbidden, as on Heroku.
        if (scope === "read" && req.method !== "GET" && req.method !== "HEAD")
          return error(
            403,
            "forbidden",
            "This OAuth authorization's scope does not allow this request (read).",
          );
        return fn(req, res);
      };

    s.route(
      "GET",
      "/account",
      authed(() => ({ body: { id: this.user.id, email: this.user.email } })),
    );
    s.route(
      "GET",
      "/apps",
      authed((req) =>
        paginate(
          req,
          [...this.apps.values()].map((st) => st.app),
          ["id", "name"],
          "id",
          (a) => a.name,
        ),
      ),
    );
    s.route(
      "GET",
      "/apps/:app",
      authed((req) => this.withApp(req, (st) => ({ body: st.app }))),
    );
    s.route(
      "GET",
      "/apps/:app/releases",
      authed((req) =>
        this.withApp(req, (st) =>
          paginate(req, st.releases.map(publicRelease), ["version", "id"], "version", (r) => r.version),
        ),
      ),
    );
    s.route(
      "GET",
      "/apps/:app/releases/:ref",
      authed((req) =>
        this.withApp(req, (st) => {
          const r = findRelease(st, req.params.ref ?? "");
          return r ? { body: publicRelease(r) } : notFound("release");
        }),
      ),
    );
    s.route(
      "POST",
      "/apps/:app/releases",
      authed((req) => this.withApp(req, (st) => this.createRelease(st, req))),
    );
    s.route(
      "GET",
      "/apps/:app/slugs/:id",
      authed((req) =>
        this.withApp(req, (st) => {
          const slug = st.slugs.get(req.params.id ?? "");
          return slug ? { body: slug } : notFound("slug");
        }),
      ),
    );
    s.route(
      "GET",
      "/apps/:app/dynos",
      authed((req) => this.withApp(req, (st) => ({ body: this.dynos(st) }))),
    );
    s.route(
      "POST",
      "/sources",
      authed(() => ({ status: 201, body: this.newSource() })),
    );
    s.route(
      "POST",
      "/apps/:app/sources",
      authed((req) => this.withApp(req, () => ({ status: 201, body: this.newSource() }))),
    );
    s.route(
      "POST",
      "/apps/:app/builds",
      authed((req) => this.withApp(req, (st) => this.createBuild(st, req))),
    );
    s.route(
      "GET",
      "/apps/:app/builds",
      authed((req) =>
        this.withApp(req, (st) =>
          paginate(
            req,
            st.builds.map((b) => b.build),
            ["id", "created_at"],
            "created_at",
            (b) => b.created_at ?? "",
          ),
        ),
      ),
    );
    s.route(
      "GET",
      "/apps/:app/builds/:id",
      authed((req) =>
        this.withApp(req, (st) => {
          const run = st.builds.find((b) => b.build.id === req.params.id);
          return run ? { body: run.build } : notFound("build");
        }),
      ),
    );
    s.route("GET", "/streams/:id", (req, res) => {
      const run = [...this.apps.values()].flatMap((a) => a.builds).find((b) => b.build.id === req.params.id);
      if (!run) return { status: 404, body: "stream not found" };
      res.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
      for (const line of run.lines) res.write(`${line}\n`);
      if (run.done) {
        res.end();
        return undefined;
      }
      const onLine = (line: string) => res.write(`${line}\n`);
      const onDone = () => {
        run.events.off("line", onLine);
        res.end();
      };
      run.events.on("line", onLine);
      run.events.once("done", onDone);
      res.on("close", () => {
        run.events.off("line", onLine);
        run.events.off("done", onDone);
      });
      return undefined;
    });
  }

  /** Access tokens of read-scoped OAuth authorizations (`scope: ["read"]`): they can read, never write. */
  readonly readTokens = new Set<string>();

  private authorized(req: FakeRequest): boolean {
    return this.scopeOf(req) === "global";
  }

  private scopeOf(req: FakeRequest): "global" | "read" | undefined {
    const header = String(req.headers.authorization ?? "");
    const bearer = /^Bearer\s+(.+)$/i.exec(header);
    const basic = /^Basic\s+(.+)$/i.exec(header);
    const decoded = basic ? Buffer.from(basic[1] ?? "", "base64").toString("utf8") : "";
    const token = bearer ? bearer[1] : basic ? decoded.slice(decoded.indexOf(":") + 1) : undefined;
    if (!token) return undefined;
    if (token === this.apiKey) return "global";
    if (this.readTokens.has(token)) return "read";
    // The access token of a live OAuth authorization authenticates with that authorization's scope.
    const auth = this.authorizations.find((a) => a.token === token);
    if (!auth) return undefined;
    return auth.scope.includes("global") ? "global" : auth.scope.includes("read") ? "read" : undefined;
  }

  private withApp(
    req: FakeRequest,
    fn: (st: AppState) => FakeReply | Promise<FakeReply>,
  ): FakeReply | Promise<FakeReply> {
    const name = req.params.app ?? "";
    const st = this.apps.get(name) ?? [...this.apps.values()].find((a) => a.app.id === name);
    return st ? fn(st) : notFound("app");
  }

  private createRelease(st: AppState, req: FakeRequest): FakeReply {
    const body = safeJson(req.body) as { release?: string; slug?: string; description?: string };
    if (body.release) {
      const target = findRelease(st, body.release);
      if (!target) return notFound("release");
      if (target.status === "failed")
        return error(422, "invalid_params", `Cannot rollback to v${target.version}: the release failed.`);
      if (target.eligible_for_rollback === false)
        return error(422, "invalid_params", `Cannot rollback to v${target.version}: the release is expired.`);
      const r = this.newRelease(st, {
        description: `Rollback to v${target.version}`,
        slug: target.slug?.id ?? null,
      });
      return { status: 201, body: publicRelease(r) };
    }
    if (body.slug) {
      if (!st.slugs.has(body.slug)) return notFound("slug");
      const r = this.newRelease(st, { description: body.description ?? "Deploy", slug: body.slug });
      return { status: 201, body: publicRelease(r) };
    }
    return error(422, "invalid_params", "Either release or slug is required.");
  }

  private createBuild(st: AppState, req: FakeRequest): FakeReply {
    const body = safeJson(req.body) as {
      source_blob?: { url?: string; version?: string; version_description?: string };
    };
    const url = body.source_blob?.url;
    if (!url) return error(422, "invalid_params", "source_blob.url is required.");
    const run = this.newBuild(
      st,
      url,
      body.source_blob?.version ?? null,
      body.source_blob?.version_description ?? null,
    );
    void this.runBuild(st, run);
    return { status: 201, body: run.build };
  }

  private newSource(): { source_blob: { get_url: string; put_url: string } } {
    const id = randomUUID();
    const token = randomBytes(16).toString("hex");
    this.blobs.set(id, { token });
    const url = `${this.blobStore.url}/blobs/${id}?signature=${token}`;
    return { source_blob: { get_url: url, put_url: url } };
  }

  private newBuild(
    st: AppState,
    url: string | null,
    version: string | null,
    description: string | null,
  ): BuildRun {
    const now = this.now();
    const id = randomUUID();
    const build: HerokuBuild = {
      app: { id: st.app.id },
      buildpacks: [{ url: "heroku/nodejs", name: "heroku/nodejs" }],
      created_at: now,
      id,
      output_stream_url: `${this.url}/streams/${id}`,
      source_blob: { checksum: null, url: url ?? "", version, version_description: description },
      release: null,
      slug: null,
      stack: "heroku-24",
      status: "pending",
      updated_at: now,
      user: { id: this.user.id, email: this.user.email },
    };
    const run: BuildRun = { build, lines: [], done: false, events: new EventEmitter() };
    st.builds.push(run);
    return run;
  }

  private async runBuild(st: AppState, run: BuildRun, files?: number): Promise<void> {
    const emit = async (line: string) => {
      run.lines.push(line);
      run.events.emit("line", line);
      if (this.lineDelayMs > 0) await new Promise((r) => setTimeout(r, this.lineDelayMs));
    };
    const reject = this.rejectNext;
    this.rejectNext = undefined;
    let fileCount = files;
    let sourceProblem: string | undefined;
    if (run.build.source_blob.url) {
      const blobId = /\/blobs\/([^/?]+)/.exec(run.build.source_blob.url)?.[1];
      const data = blobId ? this.blobs.get(blobId)?.data : undefined;
      if (!data) sourceProblem = "Unable to fetch source from the source_blob URL";
      else {
        try {
          fileCount = countTarFiles(gunzipSync(data));
        } catch {
          sourceProblem = "The source is not a gzipped tarball";
        }
      }
    }
    const finish = (status: "succeeded" | "failed") => {
      run.build.status = status;
      run.build.updated_at = this.now();
      run.done = true;
      run.events.emit("done");
    };
    if (sourceProblem) {
      await emit(` !     ${sourceProblem}`);
      return finish("failed");
    }
    if (reject) {
      for (const line of reject) await emit(line);
      return finish("failed");
    }
    const version = run.build.source_blob.version;
    for (const line of [
      "-----> Building on the Heroku-24 stack",
      "-----> Using buildpack: heroku/nodejs",
      "-----> Node.js app detected",
      ...(fileCount !== undefined ? [`       Source: ${fileCount} file(s)`] : []),
      "-----> Installing dependencies",
      "-----> Build succeeded!",
      "-----> Discovering process types",
      "       Procfile declares types -> web",
      "-----> Compressing...",
      "       Done: 42.1M",
      "-----> Launching...",
    ])
      await emit(line);
    const slug = this.newSlug(st, version, run.build.source_blob.version_description ?? null);
    const release = this.newRelease(st, {
      description: version ? `Deploy ${version.slice(0, 8)}` : "Deploy",
      slug: slug.id,
    });
    run.build.slug = { id: slug.id };
    run.build.release = { id: release.id };
    await emit(`       Released v${release.version}`);
    await emit(`       ${st.app.web_url} deployed to Heroku`);
    finish("succeeded");
  }

  private newSlug(st: AppState, commit: string | null, description: string | null): HerokuSlug {
    const now = this.now();
    const slug: HerokuSlug = {
      blob: { method: "get", url: `${this.url}/slugs/${randomUUID()}` },
      buildpack_provided_description: "Node.js",
      checksum: `SHA256:${createHash("sha256")
        .update(commit ?? randomUUID())
        .digest("hex")}`,
      commit,
      commit_description: description,
      created_at: now,
      id: randomUUID(),
      process_types: { web: "npm start" },
      size: 42_100_000,
      stack: { id: randomUUID(), name: "heroku-24" },
      updated_at: now,
    };
    st.slugs.set(slug.id, slug);
    return slug;
  }

  private newRelease(
    st: AppState,
    opts: { description: string; slug: string | null; immediate?: boolean },
  ): HerokuRelease {
    const now = this.now();
    const version = (st.releases.at(-1)?.version ?? 0) + 1;
    const phase = opts.immediate ? undefined : st.releasePhase;
    const release: HerokuRelease = {
      addon_plan_names: [],
      artifacts: opts.slug ? [{ type: "slug", id: opts.slug }] : [],
      app: { id: st.app.id, name: st.app.name },
      created_at: now,
      description: opts.description,
      id: randomUUID(),
      slug: opts.slug ? { id: opts.slug } : null,
      status: phase ? "pending" : "succeeded",
      updated_at: now,
      user: { id: this.user.id, email: this.user.email },
      version,
      current: false,
      output_stream_url: null,
      eligible_for_rollback: true,
    };
    st.releases.push(release);
    st.app.released_at = now;
    if (!phase) this.makeCurrent(st, release);
    else
      setTimeout(() => {
        release.status = phase.outcome as HerokuReleaseStatus;
        release.updated_at = this.now();
        if (phase.outcome === "succeeded") this.makeCurrent(st, release);
      }, phase.ms).unref();
    return release;
  }

  private makeCurrent(st: AppState, release: HerokuRelease): void {
    for (const r of st.releases) r.current = r === release;
  }

  /** The app's dynos, by state (`["up", "crashed"]` → web.1 up, web.2 crashed); undefined restores the default. */
  setDynos(app: string, states: string[] | undefined): void {
    this.state(app).dynoStates = states;
  }

  private dynos(st: AppState): HerokuDyno[] {
    const current = st.releases.find((r) => r.current);
    if (st.dynoStates && current)
      return st.dynoStates.map((state, i) => this.dyno(st, current, `web.${i + 1}`, state));
    if (!current?.slug) return [];
    return [this.dyno(st, current, "web.1", "up")];
  }

  /** A dyno of the current release; the same dyno (id, times) on every read until a release or state change. */
  private dyno(st: AppState, current: HerokuRelease, name: string, state: string): HerokuDyno {
    const h = createHash("sha256").update(`${st.app.id} ${current.id} ${name}`).digest("hex");
    return {
      attach_url: null,
      command: "npm start",
      created_at: current.created_at,
      id: `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`,
      name,
      release: { id: current.id, version: current.version },
      app: { id: st.app.id, name: st.app.name },
      size: "Basic",
      state,
      type: "web",
      updated_at: current.updated_at,
    };
  }

  private state(app: string): AppState {
    const st = this.apps.get(app);
    if (!st) throw new Error(`fake Heroku has no app '${app}'`);
    return st;
  }

  /** Strictly increasing timestamps, so ordering by created_at is stable. */
  private now(): string {
    this.clock = Math.max(Date.now(), this.clock + 1);
    return new Date(this.clock).toISOString();
  }

  // -------------------------------------------------------------------------------------------------------
  // OAuth authorizations (heroku-authorizations-fake.ts) and config vars (the rotation executor's consumers)

  private readonly oauth: FakeAuthorizations;

  /** The account's OAuth authorizations, tokens included, as GET /oauth/authorizations lists them. */
  get authorizations(): FakeAuthorization[] {
    return this.oauth.list;
  }

  /** How many authorizations POST /oauth/authorizations made. */
  get authorizationsCreated(): number {
    return this.oauth.created;
  }

  /** Adds an authorization of the key's account; `token` is its access token (the real API returns it). */
  addAuthorization(a: NewAuthorization): FakeAuthorization {
    return this.oauth.add(a);
  }

  private configVarRoutes(): void {
    this.server.route("GET", "/apps/:app/config-vars", (req) => {
      if (!this.authorized(req)) return error(401, "unauthorized", "Invalid credentials provided.");
      return this.withApp(req, (st) => ({ body: { ...st.configVars } }));
    });
    // Setting config vars makes a release and restarts the dynos, as on Heroku; null removes a var.
    this.server.route("PATCH", "/apps/:app/config-vars", (req) => {
      if (!this.authorized(req)) return error(401, "unauthorized", "Invalid credentials provided.");
      return this.withApp(req, (st) => {
        const body = safeJson(req.body);
        if (!body || typeof body !== "object" || Array.isArray(body))
          return error(422, "invalid_params", "Invalid params: the body must be an object of config vars.");
        const entries = Object.entries(body as Record<string, unknown>);
        if (entries.some(([, v]) => v !== null && typeof v !== "string"))
          return error(422, "invalid_params", "Invalid params: config var values must be strings or null.");
        for (const [k, v] of entries) {
          if (v === null) delete st.configVars[k];
          else st.configVars[k] = v as string;
        }
        const current = st.releases.at(-1);
        this.newRelease(st, {
          description: `Set ${entries.map(([k]) => k).join(", ")} config vars`,
          slug: current?.slug?.id ?? null,
          immediate: true,
        });
        this.configRestarts.set(st.app.name, (this.configRestarts.get(st.app.name) ?? 0) + 1);
        return { body: { ...st.configVars } };
      });
    });
  }

  /** App name → how many times a config var change restarted its dynos. */
  readonly configRestarts = new Map<string, number>();

  /** The config vars of an app (for tests and the sandbox). */
  configVars(app: string): Record<string, string> {
    return this.state(app).configVars;
  }
}

function publicRelease(r: HerokuRelease): HerokuRelease {
  return { ...r };
}

function findRelease(st: AppState, ref: string): HerokuRelease | undefined {
  const text = ref.trim();
  if (/^v?\d+$/i.test(text)) {
    const version = Number(text.replace(/^v/i, ""));
    return st.releases.find((r) => r.version === version);
  }
  return st.releases.find((r) => r.id === text.toLowerCase());
}

export function error(status: number, id: string, message: string): FakeReply {
  return { status, body: { id, message } };
}

export function notFound(resource: string): FakeReply {
  return { status: 404, body: { id: "not_found", message: `Couldn't find that ${resource}.`, resource } };
}

export function safeJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    return {};
  }
}

/** Number of regular files in an uncompressed tar. */
function countTarFiles(tar: Buffer): number {
  let count = 0;
  for (let off = 0; off + 512 <= tar.length; ) {
    const header = tar.subarray(off, off + 512);
    if (header.every((b) => b === 0)) break;
    const size = Number.parseInt(
      header.subarray(124, 136).toString("latin1").replace(/\0.*$/, "").trim() || "0",
      8,
    );
    const type = String.fromCharCode(header[156] ?? 0);
    if (type === "0" || type === "\0") count++;
    off += 512 + Math.ceil(size / 512) * 512;
  }
  return count;
}
