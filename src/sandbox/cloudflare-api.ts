import { randomBytes, randomUUID } from "node:crypto";
import type { Clock } from "../core/ports.js";
import type { PagesDeployment, PagesStageStatus } from "../vendors/cloudflare.js";
import { PagesDirectUploadFake } from "./cloudflare-pages-api.js";
import { type FakeReply, type FakeRequest, FakeServer } from "./fake-server.js";
import { enforceCloudflareRateLimit, type FixedWindow } from "./rate-budget.js";

/**
 * A loopback Cloudflare API v4 (mounted at /client/v4, like api.cloudflare.com) with a seedable model of
 * Pages projects and deployments. Answers in Cloudflare's envelope `{success, errors, messages, result,
 * result_info}`, checks the bearer token, and exposes its FakeServer for faults (outage, rate limit, hang).
 */

export const CLOUDFLARE_BASE_PATH = "/client/v4";

export interface FakePagesProject {
  id: string;
  name: string;
  accountId: string;
  subdomain: string;
  productionBranch: string;
  /** The deployment serving production after a rollback; otherwise the newest successful production one. */
  canonicalId?: string;
  deployments: PagesDeployment[]; // newest first
}

export interface DeploymentSeed {
  environment?: "production" | "preview";
  /** Status of the latest stage; `stage` names it (default deploy for success, build otherwise). */
  status?: PagesStageStatus;
  stage?: string;
  createdOn?: Date | string;
  branch?: string;
  commitHash?: string;
  commitMessage?: string;
  triggerType?: string;
}

export class CloudflareApiFake {
  readonly server = new FakeServer("cloudflare");
  readonly projects = new Map<string, FakePagesProject>(); // `${account}/${name}`
  private apiToken: string;
  /** Sent as x-ratelimit-remaining on every answer when set. */
  rateLimitRemaining: number | undefined;

  /** The rate budget, when `rateLimit` was given. */
  readonly budget?: FixedWindow;

  constructor(opts: {
    apiToken: string;
    /** Enforce Cloudflare's limit (1,200 per token in 5 minutes) on this clock (off by default). */
    rateLimit?: { clock: Clock; limit?: number; windowMs?: number };
  }) {
    this.apiToken = opts.apiToken;
    if (opts.rateLimit) this.budget = enforceCloudflareRateLimit(this.server, opts.rateLimit);
    this.routes();
    this.tokenRoutes();
    this.pages = new PagesDirectUploadFake(this);
  }

  /** Pages Direct Upload: upload tokens, the asset store, deployment creation and rollback. */
  readonly pages: PagesDirectUploadFake;

  /** Base URL to hand to CloudflareClient / CLOUDFLARE_API_URL. */
  get url(): string {
    return `${this.server.url}${CLOUDFLARE_BASE_PATH}`;
  }

  async start(port = 0): Promise<this> {
    await this.server.start(port);
    return this;
  }

  stop(): Promise<void> {
    return this.server.stop();
  }

  setToken(token: string): void {
    this.apiToken = token;
  }

  addProject(accountId: string, name: string, opts: { productionBranch?: string } = {}): FakePagesProject {
    const project: FakePagesProject = {
      id: randomUUID(),
      name,
      accountId,
      subdomain: `${name}.pages.dev`,
      productionBranch: opts.productionBranch ?? "main",
      deployments: [],
    };
    this.projects.set(`${accountId}/${name}`, project);
    return project;
  }

  addDeployment(accountId: string, name: string, seed: DeploymentSeed = {}): PagesDeployment {
    const project = this.projects.get(`${accountId}/${name}`) ?? this.addProject(accountId, name);
    const created = seed.createdOn ? new Date(seed.createdOn) : new Date();
    const status = seed.status ?? "success";
    const stageName = seed.stage ?? (status === "success" ? "deploy" : "build");
    const order = ["queued", "initialize", "clone_repo", "build", "deploy"];
    const reached = Math.max(0, order.indexOf(stageName));
    const iso = created.toISOString();
    const stages = order.map((n, i) => ({
      name: n,
      status: (i < reached ? "success" : i === reached ? status : "idle") as PagesStageStatus,
      started_on: i <= reached ? iso : null,
      ended_on: i < reached || (i === reached && status !== "active" && status !== "idle") ? iso : null,
    }));
    const id = randomUUID();
    const short = id.slice(0, 8);
    const environment = seed.environment ?? "production";
    const deployment: PagesDeployment = {
      id,
      short_id: short,
      project_id: project.id,
      project_name: project.name,
      environment,
      url: `https://${short}.${project.subdomain}`,
      created_on: iso,
      modified_on: iso,
      aliases: environment === "production" ? [`https://${project.subdomain}`] : null,
      deployment_trigger: {
        type: seed.triggerType ?? "github:push",
        metadata: {
          branch: seed.branch ?? (environment === "production" ? project.productionBranch : "feature"),
          commit_hash: seed.commitHash ?? randomBytes(20).toString("hex"),
          commit_message: seed.commitMessage ?? "Update site",
          commit_dirty: false,
        },
      },
      latest_stage: stages[reached]!,
      stages,
      is_skipped: false,
    };
    project.deployments.unshift(deployment);
    project.deployments.sort((a, b) =>
      a.created_on < b.created_on ? 1 : a.created_on > b.created_on ? -1 : 0,
    );
    return deployment;
  }

  private routes(): void {
    const base = CLOUDFLARE_BASE_PATH;
    this.server
      .route("GET", `${base}/accounts/:account/pages/projects`, (req) =>
        this.authed(req, () => {
          const list = [...this.projects.values()].filter((p) => p.accountId === req.params.account);
          return this.page(
            req,
            list.map((p) => this.projectJson(p)),
            10,
          );
        }),
      )
      .route("GET", `${base}/accounts/:account/pages/projects/:project`, (req) =>
        this.authed(req, () => {
          const p = this.project(req);
          return p ? ok(this.projectJson(p), this.headers()) : projectNotFound();
        }),
      )
      .route("GET", `${base}/accounts/:account/pages/projects/:project/deployments`, (req) =>
        this.authed(req, () => {
          const p = this.project(req);
          if (!p) return projectNotFound();
          const env = req.query.get("env");
          if (env && env !== "production" && env !== "preview")
            return fail(400, 8000000, "env must be production or preview");
          const list = env ? p.deployments.filter((d) => d.environment === env) : p.deployments;
          return this.page(req, list, PAGES_DEPLOYMENTS_PER_PAGE, PAGES_DEPLOYMENTS_PER_PAGE);
        }),
      )
      .route("GET", `${base}/accounts/:account/pages/projects/:project/deployments/:id`, (req) =>
        this.authed(req, () => {
          const p = this.project(req);
          if (!p) return projectNotFound();
          const d = p.deployments.find((x) => x.id === req.params.id || x.short_id === req.params.id);
          if (!d) return fail(404, 8000009, "Deployment not found.");
          this.pages.read(d, p);
          return ok(d, this.headers());
        }),
      );
  }

  project(req: FakeRequest): FakePagesProject | undefined {
    return this.projects.get(`${req.params.account}/${req.params.project}`);
  }

  /** The deployment serving production: the one rolled back to, else the newest successful production one. */
  canonicalOf(p: FakePagesProject): PagesDeployment | undefined {
    return (
      p.deployments.find((d) => d.id === p.canonicalId) ??
      p.deployments.find(
        (d) =>
          d.environment === "production" &&
          d.latest_stage.name === "deploy" &&
          d.latest_stage.status === "success",
      )
    );
  }

  projectJson(p: FakePagesProject): Record<string, unknown> {
    const canonical = this.canonicalOf(p) ?? null;
    const config = { compatibility_date: "2024-01-01", compatibility_flags: [], env_vars: {} };
    return {
      id: p.id,
      name: p.name,
      subdomain: p.subdomain,
      domains: [p.subdomain],
      production_branch: p.productionBranch,
      source: null,
      build_config: {},
      deployment_configs: { production: config, preview: config },
      created_on: p.deployments.at(-1)?.created_on ?? new Date(0).toISOString(),
      canonical_deployment: canonical,
      latest_deployment: p.deployments[0] ?? null,
    };
  }

  /**
   * One page of a list. Cloudflare refuses a `page` or `per_page` that is not a whole number from 1, and
   * `per_page` above the list's maximum (25 for Pages deployments), with 400 code 8000024.
   */
  page(req: FakeRequest, items: unknown[], defaultPerPage: number, maxPerPage = 100): FakeReply {
    const rawPerPage = req.query.get("per_page");
    const rawPage = req.query.get("page");
    const whole = (v: string | null) => v === null || /^\d+$/.test(v);
    const perPage = rawPerPage === null ? defaultPerPage : Number(rawPerPage);
    const page = rawPage === null ? 1 : Number(rawPage);
    if (!whole(rawPerPage) || !whole(rawPage) || perPage < 1 || perPage > maxPerPage || page < 1)
      return invalidListOptions();
    const slice = items.slice((page - 1) * perPage, page * perPage);
    return {
      headers: this.headers(),
      body: {
        success: true,
        errors: [],
        messages: [],
        result: slice,
        result_info: {
          page,
          per_page: perPage,
          count: slice.length,
          total_count: items.length,
          total_pages: Math.ceil(items.length / perPage),
        },
      },
    };
  }

  headers(): Record<string, string> {
    return this.rateLimitRemaining === undefined
      ? {}
      : { "x-ratelimit-remaining": String(this.rateLimitRemaining) };
  }

  authed(req: FakeRequest, fn: () => FakeReply | Promise<FakeReply>): FakeReply | Promise<FakeReply> {
    const auth = String(req.headers.authorization ?? "");
    if (!auth.startsWith("Bearer ")) return fail(400, 6003, "Invalid request headers");
    if (auth.slice(7) !== this.apiToken) return fail(403, 10000, "Authentication error");
    return fn();
  }

  // ---- API token verification (rotation sweep) ----

  /**
   * Tokens the verify endpoints know, by value. A user token (no `accountId`) is verified at
   * GET /user/tokens/verify; an account-owned token only at GET /accounts/{its account}/tokens/verify. Any other
   * pairing, or an unknown token, gets Cloudflare's 401 "Invalid API Token" (code 1000).
   */
  readonly verifiableTokens = new Map<string, FakeTokenInfo>();

  /** Registers a token for the verify endpoints; returns its info (id generated when not given). */
  addVerifiableToken(token: string, info: Partial<FakeTokenInfo> = {}): FakeTokenInfo {
    const full: FakeTokenInfo = {
      id: info.id ?? randomBytes(16).toString("hex"),
      status: info.status ?? "active",
      ...info,
    };
    this.verifiableTokens.set(token, full);
    return full;
  }

  private tokenRoutes(): void {
    const verify = (req: FakeRequest, account: string | undefined): FakeReply => {
      const auth = String(req.headers.authorization ?? "");
      if (!auth.startsWith("Bearer ")) return fail(400, 6003, "Invalid request headers");
      const info = this.verifiableTokens.get(auth.slice(7));
      if (!info || info.accountId !== account) return fail(401, 1000, "Invalid API Token");
      return {
        headers: this.headers(),
        body: {
          success: true,
          errors: [],
          messages:
            info.status === "active"
              ? [{ code: 10000, message: "This API Token is valid and active", type: null }]
              : [],
          result: {
            id: info.id,
            status: info.status,
            ...(info.expires_on ? { expires_on: info.expires_on } : {}),
            ...(info.not_before ? { not_before: info.not_before } : {}),
          },
        },
      };
    };
    this.server
      .route("GET", `${CLOUDFLARE_BASE_PATH}/user/tokens/verify`, (req) => verify(req, undefined))
      .route("GET", `${CLOUDFLARE_BASE_PATH}/accounts/:account/tokens/verify`, (req) =>
        verify(req, req.params.account),
      );
    this.tokenLifecycleRoutes();
  }

  /** How many tokens POST .../tokens made. */
  tokensCreated = 0;

  /** The value of a live token by its id (tests: the value only this fake and its holder know). */
  tokenById(id: string): { value: string; info: FakeTokenInfo } | undefined {
    for (const [value, info] of this.verifiableTokens) if (info.id === id) return { value, info };
    return undefined;
  }

  /**
   * Token management as Cloudflare does it: `/user/tokens` for user tokens, `/accounts/{id}/tokens` for tokens
   * the account owns. The caller's own token must be active, of that owner, and hold API Tokens Write (Account
   * API Tokens Write); otherwise 401 (unknown token) or 403 (code 9109). A new token needs a name and at least
   * one policy (400); its value is shown once, in the creation answer.
   */
  private tokenLifecycleRoutes(): void {
    const base = CLOUDFLARE_BASE_PATH;
    const manage = (req: FakeRequest, account: string | undefined, fn: () => FakeReply): FakeReply => {
      const auth = String(req.headers.authorization ?? "");
      if (!auth.startsWith("Bearer ")) return fail(400, 6003, "Invalid request headers");
      const caller = this.verifiableTokens.get(auth.slice(7));
      if (!caller || caller.accountId !== account || caller.status !== "active")
        return fail(401, 1000, "Invalid API Token");
      const needed = account ? ACCOUNT_TOKENS_WRITE : TOKENS_WRITE;
      const may = (caller.policies ?? []).some(
        (p) => p.effect === "allow" && p.permission_groups.some((g) => g.name === needed),
      );
      if (!may) return fail(403, 9109, "Unauthorized to access requested resource");
      return fn();
    };
    const json = (info: FakeTokenInfo) => ({
      id: info.id,
      name: info.name ?? "",
      status: info.status,
      issued_on: info.issued_on ?? new Date(0).toISOString(),
      modified_on: info.issued_on ?? new Date(0).toISOString(),
      ...(info.not_before ? { not_before: info.not_before } : {}),
      ...(info.expires_on ? { expires_on: info.expires_on } : {}),
      policies: info.policies ?? [],
      condition: info.condition ?? {},
    });
    const of = (account: string | undefined, id: string) => {
      const t = this.tokenById(id);
      return t && t.info.accountId === account ? t : undefined;
    };
    const notFound = () => fail(404, 1003, "Token not found");
    for (const scoped of [false, true]) {
      const prefix = scoped ? `${base}/accounts/:account/tokens` : `${base}/user/tokens`;
      const owner = (req: FakeRequest) => (scoped ? req.params.account : undefined);
      this.server
        .route("GET", prefix, (req) =>
          manage(req, owner(req), () => {
            const mine = [...this.verifiableTokens.values()].filter((i) => i.accountId === owner(req));
            return this.page(req, mine.map(json), 20, 50);
          }),
        )
        .route("GET", `${prefix}/:id`, (req) =>
          manage(req, owner(req), () => {
            const t = of(owner(req), req.params.id ?? "");
            return t ? ok(json(t.info), this.headers()) : notFound();
          }),
        )
        .route("POST", prefix, (req) =>
          manage(req, owner(req), () => {
            const body = safeJson(req.body) as {
              name?: unknown;
              policies?: unknown;
              condition?: unknown;
              expires_on?: unknown;
              not_before?: unknown;
            };
            if (typeof body.name !== "string" || !body.name.trim())
              return fail(400, 9106, "Missing or invalid name");
            if (!Array.isArray(body.policies) || body.policies.length === 0)
              return fail(400, 9107, "A token needs at least one policy");
            for (const k of ["expires_on", "not_before"] as const)
              if (
                body[k] !== undefined &&
                (typeof body[k] !== "string" || Number.isNaN(Date.parse(body[k] as string)))
              )
                return fail(400, 9108, `Invalid ${k}`);
            if (typeof body.expires_on === "string" && Date.parse(body.expires_on) <= Date.now())
              return fail(400, 9108, "expires_on must be in the future");
            const value = randomBytes(30).toString("base64url");
            const info = this.addVerifiableToken(value, {
              name: body.name,
              policies: body.policies as FakeTokenPolicy[],
              ...(body.condition ? { condition: body.condition } : {}),
              ...(typeof body.expires_on === "string" ? { expires_on: body.expires_on } : {}),
              ...(typeof body.not_before === "string" ? { not_before: body.not_before } : {}),
              issued_on: new Date().toISOString(),
              ...(owner(req) ? { accountId: owner(req) } : {}),
            });
            this.tokensCreated++;
            return ok({ ...json(info), value }, this.headers());
          }),
        )
        .route("PUT", `${prefix}/:id/value`, (req) =>
          manage(req, owner(req), () => {
            const t = of(owner(req), req.params.id ?? "");
            if (!t) return notFound();
            this.verifiableTokens.delete(t.value);
            const value = randomBytes(30).toString("base64url");
            this.verifiableTokens.set(value, t.info);
            return ok(value, this.headers());
          }),
        )
        .route("DELETE", `${prefix}/:id`, (req) =>
          manage(req, owner(req), () => {
            const t = of(owner(req), req.params.id ?? "");
            if (!t) return notFound();
            this.verifiableTokens.delete(t.value);
            return ok({ id: t.info.id }, this.headers());
          }),
        );
    }
  }
}

function safeJson(text: string): Record<string, unknown> {
  try {
    const v = text ? JSON.parse(text) : {};
    return v && typeof v === "object" ? v : {};
  } catch {
    return {};
  }
}

export interface FakeTokenInfo {
  id: string;
  /** Set for an account-owned token: the account whose verify endpoint knows it. */
  accountId?: string;
  status: "active" | "disabled" | "expired";
  expires_on?: string;
  not_before?: string;
  name?: string;
  issued_on?: string;
  /** Cloudflare's policies: `[{ effect, resources, permission_groups: [{ id, name }] }]`. */
  policies?: FakeTokenPolicy[];
  condition?: unknown;
}

export interface FakeTokenPolicy {
  id?: string;
  effect: "allow" | "deny";
  resources: Record<string, string>;
  permission_groups: { id: string; name: string }[];
}

/** The permission a token needs to manage user tokens (and its account-owned equivalent). */
export const TOKENS_WRITE = "API Tokens Write";
export const ACCOUNT_TOKENS_WRITE = "Account API Tokens Write";

/** Cloudflare's answer to too many requests, for `server.fault(..., cloudflareRateLimit())`. */
export function cloudflareRateLimit(retryAfter = 60) {
  return {
    kind: "rate-limit" as const,
    retryAfter,
    body: {
      success: false,
      errors: [{ code: 971, message: "Please wait and consider throttling your request speed" }],
      messages: [],
      result: null,
    },
  };
}

export function ok(result: unknown, headers: Record<string, string> = {}): FakeReply {
  return { headers, body: { success: true, errors: [], messages: [], result } };
}

export function fail(status: number, code: number, message: string): FakeReply {
  return { status, body: { success: false, errors: [{ code, message }], messages: [], result: null } };
}

/** Pages deployment lists give at most this many per page; more is refused (8000024). */
export const PAGES_DEPLOYMENTS_PER_PAGE = 25;

function invalidListOptions(): FakeReply {
  return fail(400, 8000024, "Invalid list options provided. Review the `page` or `per_page` parameter.");
}

export function projectNotFound(): FakeReply {
  return fail(
    404,
    8000007,
    "Project not found. The specified project name does not match any of your existing projects.",
  );
}
