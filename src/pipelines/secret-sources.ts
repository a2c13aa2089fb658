import { describeError } from "../core/errors.js";
import type { SecretMetadata } from "../core/rotation.js";
import { type InventorySecret, parseInstant } from "../core/secret-inventory.js";
import type { InfisicalLocation, InfisicalSecretMeta } from "../vendors/infisical.js";

/**
 * Where each inventory source reads a secret's dates, as narrow ports the vendor clients fill (GitHubClient,
 * InfisicalClient, CloudflareClient, HerokuClient). Every port hands back names and dates only; a value a
 * vendor answer may carry (a Heroku access token) is dropped by the client before it gets here.
 */

export interface ActionsSecretInfo {
  name: string;
  created_at: string;
  updated_at: string;
}

export interface GitHubSecretsPort {
  listRepoSecrets(): Promise<ActionsSecretInfo[]>;
  listEnvironmentSecrets(environment: string): Promise<ActionsSecretInfo[]>;
}

export interface InfisicalPort {
  listSecretMetadata(at: InfisicalLocation): Promise<InfisicalSecretMeta[]>;
  readExpiryCompanion(at: InfisicalLocation, name: string): Promise<string | undefined>;
}

export interface TokenVerification {
  id: string;
  status: string; // active | disabled | expired
  expires_on?: string | null;
  not_before?: string | null;
}

export interface CloudflareVerifyPort {
  /** Verifies the port's own token; under the account (`/accounts/{id}/tokens/verify`) when one is given. */
  verifyToken(accountId?: string): Promise<TokenVerification>;
}

export interface AuthorizationInfo {
  id: string;
  description: string | null;
  created_at: string;
  updated_at: string;
  /** Seconds the access token has left when the list was read; null when it does not expire. */
  expires_in: number | null;
}

export interface HerokuAuthorizationsPort {
  authorizations(): Promise<AuthorizationInfo[]>;
}

export interface SourcePorts {
  /** A client for a repository's secrets (owner/name), or a reason there is none. */
  github?: (repository: string) => GitHubSecretsPort;
  infisical?: InfisicalPort;
  /** The verifier of a cloudflare-token secret (its own token), when one was given. */
  cloudflare?: (secret: InventorySecret) => CloudflareVerifyPort | undefined;
  heroku?: HerokuAuthorizationsPort;
  /** The repository the sweep runs in: github-* sources read it unless a secret names `repository`. */
  repository?: string;
  /** Time of the read (Heroku's expires_in counts from it). */
  now: () => Date;
}

const MISSING: Record<string, string> = {
  "github-actions":
    "no GitHub token to read secrets metadata: pass a token with secrets read permission in 'github-secrets-token'",
  "github-environment":
    "no GitHub token to read secrets metadata: pass a token with secrets read permission in 'github-secrets-token'",
  infisical: "no Infisical token: pass a token that may read the project in 'infisical-token'",
  "cloudflare-token": "no Cloudflare token to verify: pass it in 'cloudflare-tokens' as NAME=token",
  "heroku-authorization": "no Heroku API key: pass one in 'heroku-api-key' to read /oauth/authorizations",
};

/**
 * Reads each secret's metadata from its source, one list call per repository, environment, Infisical folder
 * or Heroku account however many secrets share it. Failures become `error` on that secret only.
 */
export class SecretMetadataReader {
  private readonly cache = new Map<string, Promise<unknown>>();

  constructor(private readonly ports: SourcePorts) {}

  async read(secret: InventorySecret): Promise<SecretMetadata> {
    const fallback: SecretMetadata = {
      ...(secret.lastRotatedAt ? { lastRotatedAt: secret.lastRotatedAt } : {}),
      ...(secret.expiresAt ? { expiresAt: secret.expiresAt } : {}),
    };
    try {
      const found = await this.fromSource(secret);
      return {
        ...fallback,
        ...found,
        lastRotatedAt: found.lastRotatedAt ?? fallback.lastRotatedAt,
        expiresAt: found.expiresAt ?? fallback.expiresAt,
      };
    } catch (err) {
      return { ...fallback, error: describeError(err) };
    }
  }

  private once<T>(key: string, load: () => Promise<T>): Promise<T> {
    let p = this.cache.get(key) as Promise<T> | undefined;
    if (!p) {
      p = load();
      this.cache.set(key, p);
    }
    return p;
  }

  private missing(secret: InventorySecret): never {
    throw new Error(MISSING[secret.source] ?? `no client for source ${secret.source}`);
  }

  private async fromSource(secret: InventorySecret): Promise<SecretMetadata> {
    switch (secret.source) {
      case "static":
        return {};
      case "github-actions":
      case "github-environment":
        return this.github(secret);
      case "infisical":
        return this.infisical(secret);
      case "cloudflare-token":
        return this.cloudflare(secret);
      case "heroku-authorization":
        return this.heroku(secret);
    }
  }

  private async github(secret: InventorySecret): Promise<SecretMetadata> {
    const repository = secret.repository ?? this.ports.repository;
    if (!repository) throw new Error("no repository: name one in the secret's `repository` field");
    if (!this.ports.github) this.missing(secret);
    const client = this.ports.github(repository);
    const env = secret.source === "github-environment" ? secret.environment : undefined;
    const list = await this.once(`github:${repository}:${env ?? ""}`, () =>
      env ? client.listEnvironmentSecrets(env) : client.listRepoSecrets(),
    );
    const found = list.find((s) => s.name.toUpperCase() === secret.key.toUpperCase());
    if (!found) {
      const where = env ? `environment ${env} of ${repository}` : repository;
      throw new Error(`GitHub has no secret ${secret.key} in ${where} (404)`);
    }
    return { ...date(found.updated_at, "updated_at") };
  }

  private async infisical(secret: InventorySecret): Promise<SecretMetadata> {
    const client = this.ports.infisical;
    if (!client) this.missing(secret);
    const at: InfisicalLocation = {
      projectId: secret.project ?? "",
      environment: secret.environment ?? "prod",
      secretPath: secret.path ?? "/",
    };
    const list = await this.once(`infisical:${at.projectId}:${at.environment}:${at.secretPath}`, () =>
      client.listSecretMetadata(at),
    );
    const found = list.find((s) => s.key === secret.key);
    if (!found)
      throw new Error(
        `Infisical has no secret ${secret.key} in project ${at.projectId} environment ${at.environment} path ${at.secretPath} (404)`,
      );
    const meta: SecretMetadata = { ...date(found.updatedAt, "updatedAt") };
    const companion = `${secret.key}__EXPIRES_AT`;
    if (!list.some((s) => s.key === companion)) {
      meta.notes = [`no companion ${companion} in Infisical: expiry unknown`];
      return meta;
    }
    const raw = await client.readExpiryCompanion(at, secret.key);
    const parsed = raw === undefined ? undefined : parseInstant(raw);
    if (parsed?.ok) meta.expiresAt = parsed.date;
    else meta.notes = [`${companion} is not an ISO 8601 date with a time zone: expiry unknown`];
    return meta;
  }

  private async cloudflare(secret: InventorySecret): Promise<SecretMetadata> {
    const verifier = this.ports.cloudflare?.(secret);
    if (!verifier) this.missing(secret);
    let v: TokenVerification;
    try {
      v = await verifier.verifyToken(secret.accountId);
    } catch (err) {
      // Cloudflare answers a revoked, expired or mistyped token 401 "Invalid API Token": it no longer works.
      // An account-owned token is only known under its account: without account-id the user endpoint says 401.
      if ((err as { status?: number }).status === 401)
        return {
          vendorState: "expired",
          notes: [
            "Cloudflare rejects the token as invalid (401): it was revoked, has expired or is mistyped",
            ...(secret.accountId
              ? []
              : ["an account-owned token verifies only under its account: set account-id on the secret"]),
          ],
        };
      throw err;
    }
    const meta: SecretMetadata = {};
    const expires = toDate(v.expires_on ?? undefined, "expires_on");
    if (expires) meta.expiresAt = expires;
    if (v.status === "disabled" || v.status === "expired") meta.vendorState = v.status;
    else if (v.status === "active") meta.vendorState = "active";
    else meta.notes = [`Cloudflare reports the token status '${v.status}'`];
    if (!v.expires_on) meta.notes = [...(meta.notes ?? []), "the token has no expiry date in Cloudflare"];
    return meta;
  }

  private async heroku(secret: InventorySecret): Promise<SecretMetadata> {
    const client = this.ports.heroku;
    if (!client) this.missing(secret);
    const readAt = this.ports.now();
    const list = await this.once("heroku:authorizations", () => client.authorizations());
    const wanted = secret.authorization ?? secret.name;
    const found = list.find((a) => a.id === wanted) ?? list.find((a) => a.description === wanted);
    if (!found)
      throw new Error(
        `Heroku has no OAuth authorization with id or description '${wanted}' for this API key (404)`,
      );
    const meta: SecretMetadata = { ...date(found.updated_at, "updated_at") };
    if (found.expires_in !== null && Number.isFinite(found.expires_in))
      meta.expiresAt = new Date(readAt.getTime() + found.expires_in * 1000);
    return meta;
  }
}

/** A vendor timestamp; a vendor sending something unreadable is an error of that secret. */
function toDate(raw: string | undefined, field: string): Date | undefined {
  if (raw === undefined) return undefined;
  const ms = Date.parse(raw);
  if (Number.isNaN(ms)) throw new Error(`the vendor sent an unreadable ${field}`);
  return new Date(ms);
}

function date(raw: string | undefined, field: string): { lastRotatedAt?: Date } {
  const at = toDate(raw, field);
  return at ? { lastRotatedAt: at } : {};
}
