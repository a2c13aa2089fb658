import { createHmac, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import type { ServerResponse } from "node:http";
import { PAGES_MAX_FILE_BYTES, PAGES_MAX_FILES } from "../core/pages.js";
import type { PagesDeployment, PagesStageStatus } from "../vendors/cloudflare.js";
import {
  CLOUDFLARE_BASE_PATH,
  type CloudflareApiFake,
  type FakePagesProject,
  fail,
  ok,
  projectNotFound,
} from "./cloudflare-api.js";
import type { FakeReply, FakeRequest } from "./fake-server.js";

/**
 * The Pages Direct Upload half of the Cloudflare fake: upload tokens (real JWTs, signed, expiring, carrying
 * `max_file_count_allowed` as Cloudflare's do), the content-addressed asset store (check-missing, upload,
 * upsert-hashes), deployments created from a multipart form with a manifest, their stages, the logs
 * wrangler reads after a failure, and rollback. It refuses what Pages refuses: a file over 25 MiB, a manifest
 * over the file limit or naming files never uploaded, an expired or forged upload token, a rollback to a
 * preview or failed deployment.
 */

export interface StoredAsset {
  contentType: string;
  bytes: Buffer;
}

export interface CreatedDeployment {
  manifest: Record<string, string>;
  headers?: string;
  redirects?: string;
  form: Record<string, string>;
}

const HASH = /^[0-9a-f]{32}$/;
const STAGES = ["queued", "initialize", "clone_repo", "build", "deploy"];

export class PagesDirectUploadFake {
  /** Every asset uploaded, by hash. */
  readonly assets = new Map<string, StoredAsset>();
  /** What each created deployment was made from, by deployment id. */
  readonly created = new Map<string, CreatedDeployment>();
  /** Counters of the asset endpoints. */
  readonly stats = { uploadRequests: 0, uploadedFiles: 0, uploadedBytes: 0, checkMissing: 0, upserts: 0 };
  /** Files an upload token allows (its `max_file_count_allowed` claim). */
  maxFileCount = PAGES_MAX_FILES;
  /** Seconds an upload token lives. */
  tokenLifetimeSeconds = 15 * 60;
  /** Reads of a new deployment before its stages finish (0: finished at once). */
  pendingReads = 0;
  /**
   * Answers to lose after the work is done (the connection is cut once the deployment is created or production
   * rolled back): the caller cannot tell whether it happened, as after a timeout.
   */
  readonly dropAnswers = { create: 0, rollback: 0 };
  /** The stage the next created deployments fail at (undefined: they succeed). */
  failNextAt: string | undefined;
  private readonly key = randomBytes(32);
  private readonly pending = new Map<string, number>();

  constructor(private readonly fake: CloudflareApiFake) {
    this.routes();
  }

  private dropAnswer(
    kind: "create" | "rollback",
    reply: FakeReply,
    res: ServerResponse,
  ): FakeReply | undefined {
    if (this.dropAnswers[kind] <= 0 || (reply.status ?? 200) >= 400) return reply;
    this.dropAnswers[kind]--;
    res.socket?.destroy();
    return undefined;
  }

  /** A token signed by this fake for a project; `expiresIn` in seconds (negative: already expired). */
  issueToken(project: FakePagesProject, expiresIn = this.tokenLifetimeSeconds): string {
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
    const now = Math.floor(Date.now() / 1000);
    const body = `${b64({ alg: "HS256", typ: "JWT" })}.${b64({
      jti: randomUUID(),
      sub: project.id,
      account_id: project.accountId,
      project_name: project.name,
      iat: now,
      exp: now + expiresIn,
      max_file_count_allowed: this.maxFileCount,
    })}`;
    return `${body}.${createHmac("sha256", this.key).update(body).digest("base64url")}`;
  }

  private tokenValid(req: FakeRequest): boolean {
    const auth = String(req.headers.authorization ?? "");
    if (!auth.startsWith("Bearer ")) return false;
    const [h, p, sig] = auth.slice(7).split(".");
    if (!h || !p || !sig) return false;
    const want = createHmac("sha256", this.key).update(`${h}.${p}`).digest();
    const got = Buffer.from(sig, "base64url");
    if (got.length !== want.length || !timingSafeEqual(got, want)) return false;
    const claims = JSON.parse(Buffer.from(p, "base64url").toString("utf8")) as { exp: number };
    return claims.exp > Date.now() / 1000;
  }

  private jwtAuthed(req: FakeRequest, fn: () => FakeReply): FakeReply {
    if (!this.tokenValid(req))
      return fail(401, 8000013, "Authorization failed: the upload token is not valid");
    return fn();
  }

  private routes(): void {
    const base = CLOUDFLARE_BASE_PATH;
    const project = `${base}/accounts/:account/pages/projects/:project`;
    this.fake.server
      .route("GET", `${project}/upload-token`, (req) =>
        this.fake.authed(req, () => {
          const p = this.fake.project(req);
          return p ? ok({ jwt: this.issueToken(p) }) : projectNotFound();
        }),
      )
      .route("POST", `${base}/pages/assets/check-missing`, (req) =>
        this.jwtAuthed(req, () => {
          this.stats.checkMissing++;
          const hashes = hashList(req);
          if (!hashes) return fail(400, 8000000, "hashes must be a list of 32-character hex file hashes");
          return ok(hashes.filter((h) => !this.assets.has(h)));
        }),
      )
      .route("POST", `${base}/pages/assets/upload`, (req) => this.jwtAuthed(req, () => this.upload(req)))
      .route("POST", `${base}/pages/assets/upsert-hashes`, (req) =>
        this.jwtAuthed(req, () => {
          this.stats.upserts++;
          const hashes = hashList(req);
          if (!hashes) return fail(400, 8000000, "hashes must be a list of 32-character hex file hashes");
          return { body: { success: true, errors: [], messages: [], result: null } };
        }),
      )
      .route("POST", `${project}/deployments`, async (req, res) =>
        this.dropAnswer("create", await this.fake.authed(req, () => this.create(req)), res),
      )
      .route("POST", `${project}/deployments/:id/rollback`, async (req, res) =>
        this.dropAnswer("rollback", await this.fake.authed(req, () => this.rollback(req)), res),
      )
      .route("GET", `${project}/deployments/:id/history/logs`, (req) =>
        this.fake.authed(req, () => {
          const p = this.fake.project(req);
          const d = p?.deployments.find((x) => x.id === req.params.id);
          if (!d) return fail(404, 8000009, "Deployment not found.");
          const failed = d.stages.find((s) => s.status === "failure");
          const lines = [
            "Initializing build environment...",
            failed ? `Error: the ${failed.name} stage failed` : "Success: Your site was deployed!",
          ];
          return ok({
            total: lines.length,
            includes_container_logs: false,
            data: lines.map((line) => ({ ts: d.created_on, line })),
          });
        }),
      );
  }

  /** Advances a deployment read through GET (called by the fake's deployment route). */
  read(d: PagesDeployment, p: FakePagesProject): void {
    const left = this.pending.get(d.id);
    if (left === undefined) return;
    if (left > 1) {
      this.pending.set(d.id, left - 1);
      return;
    }
    this.pending.delete(d.id);
    this.finish(d, p);
  }

  private upload(req: FakeRequest): FakeReply {
    let files: unknown;
    try {
      files = req.json();
    } catch {
      return fail(400, 8000000, "The request body is not JSON");
    }
    if (!Array.isArray(files)) return fail(400, 8000000, "The body must be a list of files");
    const accepted: [string, StoredAsset][] = [];
    for (const f of files as {
      key?: unknown;
      value?: unknown;
      metadata?: { contentType?: unknown };
      base64?: unknown;
    }[]) {
      if (typeof f?.key !== "string" || !HASH.test(f.key))
        return fail(400, 8000000, "Each file needs a key: its 32-character hex hash");
      if (typeof f.value !== "string" || f.base64 !== true)
        return fail(400, 8000000, `File ${f.key}: value must be base64 text with base64: true`);
      const bytes = Buffer.from(f.value, "base64");
      if (bytes.length > PAGES_MAX_FILE_BYTES)
        return fail(413, 8000001, `File ${f.key} is over the 25 MiB limit of Pages`);
      const contentType = typeof f.metadata?.contentType === "string" ? f.metadata.contentType : "";
      if (!contentType) return fail(400, 8000000, `File ${f.key}: metadata.contentType is required`);
      accepted.push([f.key, { contentType, bytes }]);
    }
    this.stats.uploadRequests++;
    for (const [key, asset] of accepted) {
      this.assets.set(key, asset);
      this.stats.uploadedFiles++;
      this.stats.uploadedBytes += asset.bytes.length;
    }
    return { body: { success: true, errors: [], messages: [], result: null } };
  }

  private async create(req: FakeRequest): Promise<FakeReply> {
    const p = this.fake.project(req);
    if (!p) return projectNotFound();
    const type = String(req.headers["content-type"] ?? "");
    if (!type.startsWith("multipart/form-data"))
      return fail(400, 8000000, "Create deployment takes multipart/form-data");
    let form: FormData;
    try {
      form = await new Request("http://fake/", {
        method: "POST",
        headers: { "content-type": type },
        body: new Uint8Array(req.raw),
      }).formData();
    } catch {
      return fail(400, 8000000, "The multipart body could not be read");
    }
    const text = (name: string) => {
      const v = form.get(name);
      return typeof v === "string" ? v : undefined;
    };
    const file = async (name: string) => {
      const v = form.get(name);
      return v && typeof v !== "string" ? await v.text() : undefined;
    };
    const rawManifest = text("manifest");
    if (rawManifest === undefined) return fail(400, 8000000, "A Direct Upload deployment needs a manifest");
    let manifest: Record<string, string>;
    try {
      manifest = JSON.parse(rawManifest) as Record<string, string>;
    } catch {
      return fail(400, 8000000, "The manifest is not JSON");
    }
    if (!manifest || typeof manifest !== "object" || Array.isArray(manifest))
      return fail(400, 8000000, "The manifest must map file paths to hashes");
    const entries = Object.entries(manifest);
    if (entries.length > this.maxFileCount)
      return fail(
        400,
        8000096,
        `A deployment may hold up to ${this.maxFileCount} files; this manifest names ${entries.length}`,
      );
    for (const [path, hash] of entries) {
      if (!path.startsWith("/") || typeof hash !== "string" || !HASH.test(hash))
        return fail(400, 8000000, `Manifest entry ${path.slice(0, 100)} is not "/path": "<32 hex>"`);
      if (!this.assets.has(hash))
        return fail(400, 8000097, `The manifest names ${path.slice(0, 100)}, whose file was never uploaded`);
    }
    const branch = text("branch") || p.productionBranch;
    const environment = branch === p.productionBranch ? "production" : "preview";
    const id = randomUUID();
    const short = id.slice(0, 8);
    const now = new Date().toISOString();
    const d: PagesDeployment = {
      id,
      short_id: short,
      project_id: p.id,
      project_name: p.name,
      environment,
      url: `https://${short}.${p.subdomain}`,
      created_on: now,
      modified_on: now,
      aliases:
        environment === "production"
          ? [`https://${p.subdomain}`]
          : [`https://${branch.replace(/[^a-z0-9-]/gi, "-").toLowerCase()}.${p.subdomain}`],
      deployment_trigger: {
        type: "ad_hoc",
        metadata: {
          branch,
          commit_hash: text("commit_hash") ?? "",
          commit_message: text("commit_message") ?? "",
          commit_dirty: text("commit_dirty") === "true",
        },
      },
      latest_stage: { name: "queued", status: "active", started_on: now, ended_on: null },
      stages: STAGES.map((name, i) => ({
        name,
        status: (i === 0 ? "active" : "idle") as PagesStageStatus,
        started_on: i === 0 ? now : null,
        ended_on: null,
      })),
      is_skipped: false,
    };
    const headers = await file("_headers");
    const redirects = await file("_redirects");
    const fields: Record<string, string> = {};
    for (const [k, v] of form.entries()) if (typeof v === "string" && k !== "manifest") fields[k] = v;
    this.created.set(id, {
      manifest,
      form: fields,
      ...(headers !== undefined ? { headers } : {}),
      ...(redirects !== undefined ? { redirects } : {}),
    });
    p.deployments.unshift(d);
    const answer = structuredClone(d);
    if (this.pendingReads > 0) this.pending.set(id, this.pendingReads);
    else this.finish(d, p);
    return ok({ ...answer, production_branch: p.productionBranch });
  }

  private finish(d: PagesDeployment, p: FakePagesProject): void {
    const failAt = this.failNextAt;
    const at = failAt ? Math.max(0, STAGES.indexOf(failAt)) : STAGES.length - 1;
    const now = new Date().toISOString();
    d.stages = STAGES.map((name, i) => ({
      name,
      status: (i < at ? "success" : i === at ? (failAt ? "failure" : "success") : "idle") as PagesStageStatus,
      started_on: i <= at ? d.created_on : null,
      ended_on: i <= at ? now : null,
    }));
    d.latest_stage = d.stages[at]!;
    d.modified_on = now;
    if (!failAt && d.environment === "production") p.canonicalId = d.id;
  }

  private rollback(req: FakeRequest): FakeReply {
    const p = this.fake.project(req);
    if (!p) return projectNotFound();
    const d = p.deployments.find((x) => x.id === req.params.id || x.short_id === req.params.id);
    if (!d) return fail(404, 8000009, "Deployment not found.");
    if (d.environment !== "production")
      return fail(400, 8000034, "You can only rollback to a production deployment.");
    if (d.latest_stage.name !== "deploy" || d.latest_stage.status !== "success")
      return fail(400, 8000035, "You can only rollback to a successful deployment.");
    p.canonicalId = d.id;
    return ok(d, this.fake.headers());
  }
}

function hashList(req: FakeRequest): string[] | undefined {
  let body: { hashes?: unknown };
  try {
    body = req.json();
  } catch {
    return undefined;
  }
  const hashes = body?.hashes;
  if (!Array.isArray(hashes) || !hashes.every((h) => typeof h === "string" && HASH.test(h))) return undefined;
  return hashes as string[];
}
