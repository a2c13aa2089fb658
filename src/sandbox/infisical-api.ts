import { randomBytes } from "node:crypto";
import { type FakeReply, type FakeRequest, FakeServer } from "./fake-server.js";

/**
 * A loopback Infisical answering in Infisical's shapes and refusing what Infisical refuses:
 *
 * - `GET /api/v4/secrets` and `GET /api/v4/secrets/:name` (query `projectId`), the current secrets API;
 * - `GET /api/v3/secrets/raw` and `GET /api/v3/secrets/raw/:name` (query `workspaceId`), the deprecated one
 *   that older self-hosted servers (and `@infisical/sdk` 5) still use;
 * - `POST /api/v1/auth/universal-auth/login`, which trades a machine identity's client ID and secret for an
 *   access token.
 *
 * `versions` says which secrets APIs the server has: without "v4" it answers those routes as an older
 * Infisical does, with Fastify's "Route GET:... not found" 404. Booleans in the query must be `true` or
 * `false` (422 ValidationFailure otherwise), as Infisical's schemas demand; unknown query parameters are
 * ignored, as there. Like the real API it returns secret values unless asked not to (`viewSecretValue=false`),
 * so a test can plant canary values and prove they never travel further than the HTTP answer.
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
  comment?: string;
  /** Infisical's per-secret metadata (key/value pairs, not the value). */
  metadata?: { key: string; value: string; isEncrypted?: boolean }[];
}

/** A secret import: the folder at `path` also shows the secrets of `from`. */
export interface FakeInfisicalImport {
  projectId: string;
  environment: string;
  path?: string;
  from: { environment: string; path: string };
}

export type InfisicalApiVersion = "v3" | "v4";

export const HIDDEN_VALUE = "<hidden-by-infisical>";

const MALFORMED_TOKEN =
  "The provided access token is malformed. Please use a valid token or generate a new one and try again.";
const BOOLEAN_PARAMS = ["viewSecretValue", "expandSecretReferences", "recursive", "include_imports"];

interface Where {
  projectId: string;
  environment: string;
  path: string;
}

export class InfisicalApiFake {
  readonly server = new FakeServer("infisical");
  readonly secrets: FakeInfisicalSecret[] = [];
  readonly imports: FakeInfisicalImport[] = [];
  /** Tokens accepted (service tokens `st.…`, machine identity access tokens). */
  readonly tokens = new Set<string>();
  /** Tokens that may read secrets but not change them (403 PermissionDenied on a write). */
  readonly readOnlyTokens = new Set<string>();
  /** Tokens that are valid but may not read secrets (403 PermissionDenied). */
  readonly forbiddenTokens = new Set<string>();
  /** The secrets APIs this server has; drop "v4" to play an older self-hosted Infisical. */
  readonly versions = new Set<InfisicalApiVersion>(["v3", "v4"]);
  /** Answer with values even when asked to hide them, as an older or misconfigured server might. */
  ignoreViewSecretValue = false;
  private readonly identities = new Map<string, string>();
  private readonly ids = new Map<FakeInfisicalSecret, string>();

  constructor(token?: string) {
    if (token) this.tokens.add(token);
    this.server
      .route("POST", "/api/v1/auth/universal-auth/login", (req) => this.login(req))
      .route("GET", "/api/v4/secrets", (req) => this.versioned("v4", req, () => this.list(req, "v4")))
      .route("GET", "/api/v4/secrets/:name", (req) => this.versioned("v4", req, () => this.read(req, "v4")))
      .route("GET", "/api/v3/secrets/raw", (req) => this.versioned("v3", req, () => this.list(req, "v3")))
      .route("GET", "/api/v3/secrets/raw/:name", (req) =>
        this.versioned("v3", req, () => this.read(req, "v3")),
      )
      .route("PATCH", "/api/v4/secrets/:name", (req) =>
        this.versioned("v4", req, () => this.write(req, "v4", "update")),
      )
      .route("POST", "/api/v4/secrets/:name", (req) =>
        this.versioned("v4", req, () => this.write(req, "v4", "create")),
      )
      .route("PATCH", "/api/v3/secrets/raw/:name", (req) =>
        this.versioned("v3", req, () => this.write(req, "v3", "update")),
      )
      .route("POST", "/api/v3/secrets/raw/:name", (req) =>
        this.versioned("v3", req, () => this.write(req, "v3", "create")),
      )
      .route("*", "/*", (req) => routeNotFound(req));
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

  addImport(entry: FakeInfisicalImport): this {
    this.imports.push(entry);
    return this;
  }

  /** A machine identity with universal auth: its client ID and client secret log in for an access token. */
  addIdentity(clientId: string, clientSecret: string): this {
    this.identities.set(clientId, clientSecret);
    return this;
  }

  private versioned(version: InfisicalApiVersion, req: FakeRequest, answer: () => FakeReply): FakeReply {
    return this.versions.has(version) ? answer() : routeNotFound(req);
  }

  private login(req: FakeRequest): FakeReply {
    let body: Record<string, unknown>;
    try {
      body = req.json<Record<string, unknown>>();
    } catch {
      return error(400, "Bad Request", "Body is not valid JSON");
    }
    const issues = ["clientId", "clientSecret"]
      .filter((k) => typeof body[k] !== "string")
      .map((k) => ({ code: "invalid_type", expected: "string", received: typeof body[k], path: [k] }));
    if (issues.length) return validation(issues.map((i) => ({ ...i, message: "Required" })));
    const clientId = String(body.clientId).trim();
    if (this.identities.get(clientId) !== String(body.clientSecret).trim())
      return error(401, "UnauthorizedError", "Invalid credentials");
    const accessToken = `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.${randomBytes(24).toString("base64url")}.${randomBytes(16).toString("base64url")}`;
    this.tokens.add(accessToken);
    return { body: { accessToken, expiresIn: 7200, accessTokenMaxTTL: 7200, tokenType: "Bearer" } };
  }

  /** Infisical's order: no token 401; a token it cannot parse 403 TokenError; a bad service token 401. */
  private auth(req: FakeRequest): FakeReply | undefined {
    const header = String(req.headers.authorization ?? "");
    if (!header) return error(401, "UnauthorizedError", "Token missing");
    const token = header.slice(7); // after "Bearer ", as Infisical reads it
    if (this.forbiddenTokens.has(token))
      return error(403, "PermissionDenied", "You are not allowed to readValue on secrets");
    if (this.tokens.has(token)) return undefined;
    if (token.startsWith("st.")) return error(401, "UnauthorizedError", "Invalid service token");
    return error(403, "TokenError", MALFORMED_TOKEN);
  }

  /** The query as Infisical's schema parses it, or the refusal. */
  private parse(req: FakeRequest, version: InfisicalApiVersion, single: boolean): Where | FakeReply {
    const issues: Record<string, unknown>[] = [];
    for (const name of BOOLEAN_PARAMS) {
      const v = req.query.get(name);
      if (v !== null && v !== "true" && v !== "false")
        issues.push({
          received: v,
          code: "invalid_enum_value",
          options: ["true", "false"],
          path: [name],
          message: `Invalid enum value. Expected 'true' | 'false', received '${v}'`,
        });
    }
    const type = req.query.get("type");
    if (single && type !== null && type !== "shared" && type !== "personal")
      issues.push({
        received: type,
        code: "invalid_enum_value",
        options: ["shared", "personal"],
        path: ["type"],
        message: `Invalid enum value. Expected 'shared' | 'personal', received '${type}'`,
      });
    const projectParam = version === "v4" ? "projectId" : "workspaceId";
    const projectId = req.query.get(projectParam)?.trim() ?? "";
    // v4's get-by-name declares projectId required; the other routes check it in the handler.
    if (single && version === "v4" && req.query.get("projectId") === null)
      issues.push({
        code: "invalid_type",
        expected: "string",
        received: "undefined",
        path: ["projectId"],
        message: "Required",
      });
    if (issues.length) return validation(issues);
    const environment = req.query.get("environment")?.trim() ?? "";
    if (single) {
      if (!environment) return error(400, "BadRequest", "Missing environment");
      if (!projectId) return error(400, "BadRequest", "You must provide  workspaceId");
    } else if (!projectId || !environment)
      return error(400, "BadRequest", "Missing project id or environment");
    if (!this.secrets.some((s) => s.projectId === projectId))
      return error(404, "NotFound", `Project with ID '${projectId}' not found`);
    if (!this.secrets.some((s) => s.projectId === projectId && s.environment === environment))
      return error(404, "NotFound", `Environment with slug '${environment}' not found`);
    return { projectId, environment, path: normalisePath(req.query.get("secretPath")) };
  }

  private shape(s: FakeInfisicalSecret, hidden: boolean, dated = true) {
    let id = this.ids.get(s);
    if (!id) {
      id = randomBytes(12).toString("hex");
      this.ids.set(s, id);
    }
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
      secretComment: s.comment ?? "",
      secretReminderNote: null,
      secretReminderRepeatDays: null,
      skipMultilineEncoding: false,
      secretPath: normalisePath(s.path),
      ...(dated ? { createdAt: s.createdAt, updatedAt: s.updatedAt } : {}),
      actor: null,
      isRotatedSecret: false,
      rotationId: null,
      tags: [],
      secretMetadata: (s.metadata ?? []).map((m) => ({
        key: m.key,
        value: m.value,
        isEncrypted: m.isEncrypted ?? false,
      })),
    };
  }

  private hides(req: FakeRequest): boolean {
    return req.query.get("viewSecretValue") === "false" && !this.ignoreViewSecretValue;
  }

  private inFolder(at: Where): FakeInfisicalSecret[] {
    return this.secrets.filter(
      (s) =>
        s.projectId === at.projectId && s.environment === at.environment && normalisePath(s.path) === at.path,
    );
  }

  private importsOf(at: Where): { from: Where; secrets: FakeInfisicalSecret[] }[] {
    return this.imports
      .filter(
        (i) =>
          i.projectId === at.projectId &&
          i.environment === at.environment &&
          normalisePath(i.path) === at.path,
      )
      .map((i) => {
        const from = { projectId: at.projectId, ...i.from, path: normalisePath(i.from.path) };
        return { from, secrets: this.inFolder(from) };
      });
  }

  private list(req: FakeRequest, version: InfisicalApiVersion): FakeReply {
    const denied = this.auth(req);
    if (denied) return denied;
    const at = this.parse(req, version, false);
    if (!isWhere(at)) return at;
    const hidden = this.hides(req);
    const secrets = this.inFolder(at).map((s) => this.shape(s, hidden));
    // Imported secrets come without their dates, as Infisical's schema answers them.
    const imports =
      req.query.get("include_imports") === "true"
        ? this.importsOf(at).map(({ from, secrets }) => ({
            secretPath: from.path,
            environment: from.environment,
            folderId: `folder-${from.environment}-${from.path}`,
            secrets: secrets.map((s) => this.shape(s, hidden, false)),
          }))
        : undefined;
    return { body: { secrets, ...(imports ? { imports } : {}) } };
  }

  private read(req: FakeRequest, version: InfisicalApiVersion): FakeReply {
    const denied = this.auth(req);
    if (denied) return denied;
    const at = this.parse(req, version, true);
    if (!isWhere(at)) return at;
    const name = req.params.name ?? "";
    let found = this.inFolder(at).find((s) => s.key === name);
    if (!found && req.query.get("include_imports") === "true")
      for (const { secrets } of this.importsOf(at)) {
        found = secrets.find((s) => s.key === name);
        if (found) break;
      }
    if (!found) return error(404, "NotFound", `Secret with name '${name}' not found`);
    return { body: { secret: this.shape(found, this.hides(req)) } };
  }

  /**
   * PATCH (update) or POST (create) one secret's value; the where is in the JSON body (projectId on v4,
   * workspaceId on v3). Updating a secret that does not exist is 404, creating one that does is 400.
   */
  private write(req: FakeRequest, version: InfisicalApiVersion, op: "update" | "create"): FakeReply {
    const denied = this.auth(req);
    if (denied) return denied;
    if (this.readOnlyTokens.has(String(req.headers.authorization ?? "").slice(7)))
      return error(403, "PermissionDenied", "You are not allowed to edit on secrets");
    let body: Record<string, unknown>;
    try {
      body = req.json<Record<string, unknown>>();
    } catch {
      return error(400, "Bad Request", "Body is not valid JSON");
    }
    const projectParam = version === "v4" ? "projectId" : "workspaceId";
    const issues = [projectParam, "environment", "secretValue"]
      .filter((k) => typeof body[k] !== "string")
      .map((k) => ({
        code: "invalid_type",
        expected: "string",
        received: typeof body[k],
        path: [k],
        message: "Required",
      }));
    if (issues.length) return validation(issues);
    const projectId = String(body[projectParam]).trim();
    const environment = String(body.environment).trim();
    if (!this.secrets.some((s) => s.projectId === projectId))
      return error(404, "NotFound", `Project with ID '${projectId}' not found`);
    if (!this.secrets.some((s) => s.projectId === projectId && s.environment === environment))
      return error(404, "NotFound", `Environment with slug '${environment}' not found`);
    const at: Where = { projectId, environment, path: normalisePath(body.secretPath as string | undefined) };
    const name = req.params.name ?? "";
    const found = this.inFolder(at).find((s) => s.key === name);
    const now = new Date().toISOString();
    if (op === "update") {
      if (!found) return error(404, "NotFound", `Secret with name '${name}' not found`);
      found.value = String(body.secretValue);
      found.version = (found.version ?? 1) + 1;
      found.updatedAt = now;
      return { body: { secret: this.shape(found, true) } };
    }
    if (found) return error(400, "BadRequest", "Secret already exist");
    const created: FakeInfisicalSecret = {
      projectId,
      environment,
      path: at.path,
      key: name,
      value: String(body.secretValue),
      createdAt: now,
      updatedAt: now,
    };
    this.secrets.push(created);
    return { body: { secret: this.shape(created, true) } };
  }
}

/** What Fastify (and so Infisical) answers for a route the server does not have. */
function routeNotFound(req: FakeRequest): FakeReply {
  const search = req.query.toString();
  return {
    status: 404,
    body: {
      message: `Route ${req.method}:${req.path}${search ? `?${search}` : ""} not found`,
      error: "Not Found",
      statusCode: 404,
    },
  };
}

function isWhere(v: Where | FakeReply): v is Where {
  return typeof (v as Where).projectId === "string";
}

/** Infisical trims the path and drops a trailing slash (the root stays `/`). */
function normalisePath(path: string | null | undefined): string {
  const p = (path ?? "/").trim() || "/";
  return p.length > 1 ? p.replace(/\/+$/, "") || "/" : p;
}

function error(status: number, name: string, message: string): FakeReply {
  return {
    status,
    body: { reqId: `req-${randomBytes(6).toString("hex")}`, statusCode: status, message, error: name },
  };
}

function validation(issues: Record<string, unknown>[]): FakeReply {
  return {
    status: 422,
    body: {
      reqId: `req-${randomBytes(6).toString("hex")}`,
      statusCode: 422,
      error: "ValidationFailure",
      message: issues,
    },
  };
}
