import { randomBytes } from "node:crypto";
import { type FakeReply, type FakeRequest, FakeServer } from "./fake-server.js";

/**
 * A loopback Infisical answering GET /api/v3/secrets/raw and GET /api/v3/secrets/raw/:name in Infisical's
 * shapes. Like the real API, it returns secret values unless asked not to (`viewSecretValue=false`), so a test
 * can plant canary values and prove they never travel further than the HTTP answer.
 */

export interface FakeInfisicalSecret {
  projectId: string;
  environment: string;
  path?: string;
  key: string;
  value: string;
  createdAt: string;
  updatedAt: string;
  version?: number;
}

export const HIDDEN_VALUE = "<hidden-by-infisical>";

export class InfisicalApiFake {
  readonly server = new FakeServer("infisical");
  readonly secrets: FakeInfisicalSecret[] = [];
  /** Tokens accepted; a request with another gets 401. */
  readonly tokens = new Set<string>();
  /** Tokens that are valid but may not read (403). */
  readonly forbiddenTokens = new Set<string>();
  /** Answer with values even when asked to hide them, as an older or misconfigured server might. */
  ignoreViewSecretValue = false;

  constructor(token?: string) {
    if (token) this.tokens.add(token);
    this.server
      .route("GET", "/api/v3/secrets/raw", (req) => this.list(req))
      .route("GET", "/api/v3/secrets/raw/:name", (req) => this.read(req));
  }

  get url(): string {
    return this.server.url;
  }

  async start(): Promise<this> {
    await this.server.start();
    return this;
  }

  stop(): Promise<void> {
    return this.server.stop();
  }

  add(secret: FakeInfisicalSecret): this {
    this.secrets.push(secret);
    return this;
  }

  private auth(req: FakeRequest): FakeReply | undefined {
    const header = String(req.headers.authorization ?? "");
    const token = header.replace(/^Bearer\s+/i, "");
    if (!token || (!this.tokens.has(token) && !this.forbiddenTokens.has(token)))
      return {
        status: 401,
        body: { statusCode: 401, message: "Token missing or invalid", error: "UnauthorizedError" },
      };
    if (this.forbiddenTokens.has(token))
      return {
        status: 403,
        body: { statusCode: 403, message: "You are not allowed to read secrets", error: "PermissionDenied" },
      };
    return undefined;
  }

  private where(
    req: FakeRequest,
  ): { ok: { projectId: string; environment: string; path: string } } | FakeReply {
    const projectId = req.query.get("workspaceId") ?? req.query.get("projectId") ?? "";
    const environment = req.query.get("environment") ?? "";
    const path = req.query.get("secretPath") ?? "/";
    if (!projectId || !environment)
      return {
        status: 400,
        body: { statusCode: 400, message: "workspaceId and environment are required", error: "BadRequest" },
      };
    if (!this.secrets.some((s) => s.projectId === projectId))
      return {
        status: 404,
        body: { statusCode: 404, message: `Project with ID '${projectId}' not found`, error: "NotFound" },
      };
    if (!this.secrets.some((s) => s.projectId === projectId && s.environment === environment))
      return {
        status: 404,
        body: {
          statusCode: 404,
          message: `Environment with slug '${environment}' not found`,
          error: "NotFound",
        },
      };
    return { ok: { projectId, environment, path } };
  }

  private shape(s: FakeInfisicalSecret, hidden: boolean) {
    const id = randomBytes(12).toString("hex");
    return {
      id,
      _id: id,
      workspace: s.projectId,
      environment: s.environment,
      version: s.version ?? 1,
      type: "shared",
      secretKey: s.key,
      secretValue: hidden ? HIDDEN_VALUE : s.value,
      secretValueHidden: hidden,
      secretComment: "",
      secretPath: s.path ?? "/",
      createdAt: s.createdAt,
      updatedAt: s.updatedAt,
      tags: [],
      secretMetadata: [],
      isRotatedSecret: false,
    };
  }

  private list(req: FakeRequest): FakeReply {
    const denied = this.auth(req);
    if (denied) return denied;
    const where = this.where(req);
    if (!("ok" in where)) return where;
    const at = where.ok;
    const hidden = req.query.get("viewSecretValue") === "false" && !this.ignoreViewSecretValue;
    const secrets = this.secrets
      .filter(
        (s) =>
          s.projectId === at.projectId && s.environment === at.environment && (s.path ?? "/") === at.path,
      )
      .map((s) => this.shape(s, hidden));
    return { body: { secrets, imports: [] } };
  }

  private read(req: FakeRequest): FakeReply {
    const denied = this.auth(req);
    if (denied) return denied;
    const where = this.where(req);
    if (!("ok" in where)) return where;
    const at = where.ok;
    const found = this.secrets.find(
      (s) =>
        s.projectId === at.projectId &&
        s.environment === at.environment &&
        (s.path ?? "/") === at.path &&
        s.key === req.params.name,
    );
    if (!found)
      return {
        status: 404,
        body: {
          statusCode: 404,
          message: `Secret with name '${req.params.name}' not found`,
          error: "NotFound",
        },
      };
    return { body: { secret: this.shape(found, req.query.get("viewSecretValue") === "false") } };
  }
}
