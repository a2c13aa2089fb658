import { VendorError } from "../core/errors.js";
import type { Clock } from "../core/ports.js";
import { HttpClient, type HttpRequest, type HttpResponse, messageOf } from "./http.js";

export const DEFAULT_INFISICAL_API_URL = "https://app.infisical.com";

/** The only secret whose value this client reads: the companion holding another secret's expiry. */
export const EXPIRES_AT_SUFFIX = "__EXPIRES_AT";

export interface InfisicalClientOptions {
  /** Service token or machine identity access token. */
  token: string;
  /** INFISICAL_API_URL, default https://app.infisical.com (self-hosted instances: their own URL). */
  baseUrl?: string;
  timeoutMs?: number;
  retries?: number;
  backoffMs?: number;
  clock?: Clock;
}

export interface InfisicalLocation {
  /** Project (workspace) ID. */
  projectId: string;
  /** Environment slug: dev, staging, prod, ... */
  environment: string;
  /** Folder path, default `/`. */
  secretPath?: string;
}

/** What the list call yields per secret: its key and dates. The value is not part of it. */
export interface InfisicalSecretMeta {
  key: string;
  createdAt?: string;
  updatedAt?: string;
  version?: number;
}

interface RawSecret {
  secretKey?: unknown;
  createdAt?: unknown;
  updatedAt?: unknown;
  version?: unknown;
  secretValue?: unknown;
}

/** The secrets API a server answered with: v4 (current), or v3 (deprecated; older self-hosted servers). */
export type InfisicalApiVersion = "v4" | "v3";

/**
 * Infisical secret metadata (seed 000 §4.3). Lists secrets with `viewSecretValue=false`, keeps key, createdAt,
 * updatedAt and version, and drops whatever value field an answer may still carry. The one value it reads is a
 * `<NAME>__EXPIRES_AT` companion, and only through `readExpiryCompanion`.
 *
 * It speaks the v4 secrets API (`/api/v4/secrets`, `projectId`). A server without it (an older self-hosted
 * Infisical answers Fastify's "Route ... not found" 404) is spoken to through the deprecated v3 raw-secrets API
 * (`/api/v3/secrets/raw`, `workspaceId`) from then on: the client remembers which one answered.
 */
export class InfisicalClient {
  private readonly http: HttpClient;
  private api?: InfisicalApiVersion;
  /** The first v4 call, while it is not yet known whether the server has v4: concurrent calls wait for it. */
  private probe?: Promise<void>;

  constructor(opts: InfisicalClientOptions) {
    this.http = new HttpClient({
      vendor: "Infisical",
      baseUrl: opts.baseUrl ?? DEFAULT_INFISICAL_API_URL,
      headers: { authorization: `Bearer ${opts.token}`, accept: "application/json" },
      timeoutMs: opts.timeoutMs,
      retries: opts.retries,
      backoffMs: opts.backoffMs,
      clock: opts.clock,
      describe: describeInfisical,
    });
  }

  /** The secrets API this server answered with, once a call has been made. */
  get apiVersion(): InfisicalApiVersion | undefined {
    return this.api;
  }

  async listSecretMetadata(at: InfisicalLocation): Promise<InfisicalSecretMeta[]> {
    const { res, path, query } = await this.get<{
      secrets?: RawSecret[];
      imports?: { secrets?: RawSecret[] }[];
    }>(at, undefined, { viewSecretValue: "false", include_imports: "true", expandSecretReferences: "false" });
    if (res.status === 404) throw describeInfisical(res, { method: "GET", path, query });
    const body = res.json;
    if (!body || !Array.isArray(body.secrets))
      throw new VendorError("Infisical", `Infisical answered without a secrets list for GET ${path}`);
    const out: InfisicalSecretMeta[] = [];
    const seen = new Set<string>();
    const imported = (body.imports ?? []).flatMap((i) => (Array.isArray(i?.secrets) ? i.secrets : []));
    // Secrets of the folder itself come first and win over imported ones of the same key. Infisical answers
    // imported secrets without their dates.
    for (const raw of [...body.secrets, ...imported]) {
      if (typeof raw?.secretKey !== "string" || seen.has(raw.secretKey)) continue;
      seen.add(raw.secretKey);
      out.push({
        key: raw.secretKey,
        ...(typeof raw.createdAt === "string" ? { createdAt: raw.createdAt } : {}),
        ...(typeof raw.updatedAt === "string" ? { updatedAt: raw.updatedAt } : {}),
        ...(typeof raw.version === "number" ? { version: raw.version } : {}),
      });
    }
    return out;
  }

  /**
   * The value of `<name>__EXPIRES_AT` (an ISO 8601 date by convention), or undefined when there is no such
   * secret. Refuses any other name: no other value is ever read. A companion that reaches the folder through a
   * secret import is found there too, as the list shows it.
   */
  async readExpiryCompanion(at: InfisicalLocation, name: string): Promise<string | undefined> {
    const companion = name.endsWith(EXPIRES_AT_SUFFIX) ? name : `${name}${EXPIRES_AT_SUFFIX}`;
    const { res } = await this.get<{ secret?: RawSecret }>(at, companion, {
      viewSecretValue: "true",
      include_imports: "true",
      expandSecretReferences: "false",
    });
    if (res.status === 404) return undefined;
    const value = res.json?.secret?.secretValue;
    return typeof value === "string" ? value : undefined;
  }

  /**
   * Writes one secret's value (the rotation executor's infisical consumer): PATCH, or POST when the folder has
   * no such secret yet. v4 unless this server has shown it lacks v4. Nothing of the answer is kept.
   */
  async writeSecretValue(at: InfisicalLocation, name: string, value: string): Promise<"updated" | "created"> {
    const where = { environment: at.environment, secretPath: at.secretPath ?? "/", secretValue: value };
    const send = async (version: InfisicalApiVersion, method: "PATCH" | "POST") => {
      const path =
        version === "v4"
          ? `/api/v4/secrets/${encodeURIComponent(name)}`
          : `/api/v3/secrets/raw/${encodeURIComponent(name)}`;
      const body =
        version === "v4" ? { projectId: at.projectId, ...where } : { workspaceId: at.projectId, ...where };
      return this.http.send({ method, path, body, accept: [404], retry: method === "PATCH" });
    };
    let version: InfisicalApiVersion = this.api ?? "v4";
    let res = await send(version, "PATCH");
    if (version === "v4" && lacksRoute(res)) {
      this.api = "v3";
      version = "v3";
      res = await send(version, "PATCH");
    }
    if (res.status !== 404) return "updated";
    if (lacksRoute(res))
      throw new VendorError(
        "Infisical",
        `Infisical at ${this.http.baseUrl} has no secrets API to write to (404)`,
        404,
      );
    const detail = detailOf(res.json) ?? "";
    if (!/secret/i.test(detail)) throw describeInfisical(res, { method: "PATCH", path: "/secrets/{name}" });
    const created = await send(version, "POST");
    if (created.status === 404) throw describeInfisical(created, { method: "POST", path: "/secrets/{name}" });
    return "created";
  }

  /**
   * GET a secrets list (`name` undefined) or one secret, through v4 unless this server has shown it lacks v4.
   * 404 answers come back to the caller (a route the server lacks is never one of them).
   */
  private async get<T>(
    at: InfisicalLocation,
    name: string | undefined,
    extra: Record<string, string>,
  ): Promise<{ res: HttpResponse<T>; path: string; query: Record<string, string> }> {
    const where = { environment: at.environment, secretPath: at.secretPath ?? "/", ...extra };
    if (this.api === undefined && this.probe) await this.probe;
    if (this.api !== "v3") {
      const path = name === undefined ? "/api/v4/secrets" : `/api/v4/secrets/${encodeURIComponent(name)}`;
      const query = { projectId: at.projectId, ...where };
      const attempt = this.http.send<T>({ method: "GET", path, query, accept: [404] });
      if (this.api === undefined && !this.probe)
        this.probe = attempt.then(
          (res) => {
            this.api = lacksRoute(res) ? "v3" : "v4";
          },
          () => {
            this.probe = undefined; // unreachable or refused: the next call tries v4 again
          },
        );
      const res = await attempt;
      if (!lacksRoute(res)) {
        this.api = "v4";
        return { res, path, query };
      }
      this.api = "v3";
    }
    const path =
      name === undefined ? "/api/v3/secrets/raw" : `/api/v3/secrets/raw/${encodeURIComponent(name)}`;
    const query = { workspaceId: at.projectId, ...where };
    const res = await this.http.send<T>({ method: "GET", path, query, accept: [404] });
    if (lacksRoute(res))
      throw new VendorError(
        "Infisical",
        `Infisical at ${this.http.baseUrl} has neither the v4 nor the v3 secrets API (${res.status} for GET ${path}): check INFISICAL_API_URL points at the Infisical server, without /api`,
        res.status,
      );
    return { res, path, query };
  }
}

/**
 * Whether an answer says the server has no such route (so no v4 API): Fastify's own 404 ("Route GET:... not
 * found", error "Not Found"), a 404 that is not JSON (a proxy's page), or a page that is not JSON at all.
 * Infisical's own 404s (a project, environment or secret it does not have) are JSON with another `error`.
 */
function lacksRoute(res: HttpResponse): boolean {
  const body = res.json as { error?: unknown; message?: unknown } | undefined;
  if (!body || typeof body !== "object") return res.status === 404 || res.status < 300;
  if (res.status !== 404) return false;
  return (
    body.error === "Not Found" || (typeof body.message === "string" && /^Route [A-Z]+:/.test(body.message))
  );
}

function describeInfisical(res: HttpResponse, req: HttpRequest): Error {
  const path = req.path.split("?")[0];
  const detail = detailOf(res.json);
  const where = describeLocation(req);
  const code = (res.json as { error?: unknown } | undefined)?.error;
  const tokenProblem = code === "TokenError" || (detail !== undefined && /\btoken\b/i.test(detail));
  let message: string;
  if (res.status === 401 || ((res.status === 403 || res.status === 404) && tokenProblem))
    message = `Infisical refused the token (${res.status}${detail ? `: ${detail}` : ""}): pass a valid service token or machine identity access token in 'infisical-token'`;
  else if (res.status === 403)
    message = `Infisical token may not read secrets of ${where} (403): give the token read access to that project and environment`;
  else if (res.status === 404)
    message = `Infisical has no ${where} (404): check the secret's project, environment and path`;
  else message = `Infisical answered ${res.status} for ${req.method} ${path}${detail ? `: ${detail}` : ""}`;
  return new VendorError("Infisical", message, res.status, res.status === 429 || res.status >= 500);
}

/** Infisical's `message`, or for a 422 its validation issues as `param: problem`. */
function detailOf(json: unknown): string | undefined {
  const issues = (json as { message?: unknown } | undefined)?.message;
  if (Array.isArray(issues))
    return issues
      .map((i: { path?: unknown[]; message?: unknown }) =>
        `${(i?.path ?? []).join(".")}: ${String(i?.message ?? "invalid")}`.slice(0, 200),
      )
      .join("; ")
      .slice(0, 300);
  return messageOf(json);
}

function describeLocation(req: HttpRequest): string {
  const q = req.query ?? {};
  return `project ${String(q.projectId ?? q.workspaceId ?? "?")} environment ${String(q.environment ?? "?")} path ${String(q.secretPath ?? "/")}`;
}
