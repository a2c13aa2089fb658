import { VendorError } from "../core/errors.js";
import type { Clock } from "../pipelines/ports.js";
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

/**
 * Infisical secret metadata (seed 000 §4.3). Lists secrets with `viewSecretValue=false`, keeps key, createdAt,
 * updatedAt and version, and drops whatever value field an answer may still carry. The one value it reads is a
 * `<NAME>__EXPIRES_AT` companion, and only through `readExpiryCompanion`.
 */
export class InfisicalClient {
  private readonly http: HttpClient;

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

  async listSecretMetadata(at: InfisicalLocation): Promise<InfisicalSecretMeta[]> {
    const res = await this.http.send<{ secrets?: RawSecret[]; imports?: { secrets?: RawSecret[] }[] }>({
      method: "GET",
      path: "/api/v3/secrets/raw",
      query: {
        workspaceId: at.projectId,
        environment: at.environment,
        secretPath: at.secretPath ?? "/",
        viewSecretValue: "false",
        include_imports: "true",
        expandSecretReferences: "false",
      },
    });
    const body = res.json;
    if (!body || !Array.isArray(body.secrets))
      throw new VendorError(
        "Infisical",
        "Infisical answered without a secrets list for GET /api/v3/secrets/raw",
      );
    const out: InfisicalSecretMeta[] = [];
    const seen = new Set<string>();
    const imported = (body.imports ?? []).flatMap((i) => (Array.isArray(i?.secrets) ? i.secrets : []));
    // Secrets of the folder itself come first and win over imported ones of the same key.
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
   * secret. Refuses any other name: no other value is ever read.
   */
  async readExpiryCompanion(at: InfisicalLocation, name: string): Promise<string | undefined> {
    const companion = name.endsWith(EXPIRES_AT_SUFFIX) ? name : `${name}${EXPIRES_AT_SUFFIX}`;
    const res = await this.http.send<{ secret?: RawSecret }>({
      method: "GET",
      path: `/api/v3/secrets/raw/${encodeURIComponent(companion)}`,
      query: {
        workspaceId: at.projectId,
        environment: at.environment,
        secretPath: at.secretPath ?? "/",
        viewSecretValue: "true",
        expandSecretReferences: "false",
      },
      accept: [404],
    });
    if (res.status === 404) return undefined;
    const value = res.json?.secret?.secretValue;
    return typeof value === "string" ? value : undefined;
  }
}

function describeInfisical(res: HttpResponse, req: HttpRequest): Error {
  const path = req.path.split("?")[0];
  const detail = messageOf(res.json);
  const where = describeLocation(req);
  let message: string;
  switch (res.status) {
    case 401:
      message = `Infisical refused the token (401): pass a valid service token or machine identity access token in 'infisical-token'`;
      break;
    case 403:
      message = `Infisical token may not read secrets of ${where} (403): give the token read access to that project and environment`;
      break;
    case 404:
      message = `Infisical has no ${where} (404): check the secret's project, environment and path`;
      break;
    default:
      message = `Infisical answered ${res.status} for ${req.method} ${path}${detail ? `: ${detail}` : ""}`;
  }
  return new VendorError("Infisical", message, res.status, res.status === 429 || res.status >= 500);
}

function describeLocation(req: HttpRequest): string {
  const q = req.query ?? {};
  return `project ${String(q.workspaceId ?? "?")} environment ${String(q.environment ?? "?")} path ${String(q.secretPath ?? "/")}`;
}
