import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { InputError } from "../core/errors.js";
import { parseHealthInputs } from "../core/health-inputs.js";
import { requireValue } from "../core/inputs.js";
import type { Reporter } from "../core/ports.js";
import { parseRegistry, type Registry, resolveHeaders } from "../core/registry.js";
import type { Consumer } from "../core/rotate-spec.js";
import type { Inventory, InventorySecret } from "../core/secret-inventory.js";
import { AuditStore } from "../store/audit.js";
import { RotationJobStore } from "../store/rotation-jobs.js";
import { tryLockSecret } from "../store/rotation-lock.js";
import { CloudflareClient } from "../vendors/cloudflare.js";
import type { GitHubSecretsWriter } from "../vendors/github-secrets.js";
import { HerokuClient } from "../vendors/heroku.js";
import { InfisicalClient } from "../vendors/infisical.js";
import { WebhookSender } from "../vendors/webhook.js";
import { slackNotifyPort } from "./alerts.js";
import { runHealthCheck } from "./health-check.js";
import type { ConsumerPort, ExecutorPorts, GeneratorPort, SmokePort } from "./rotation-executor.js";

/**
 * The rotation executor's ports from credentials, shared by the rotate-secret action, the rotation sweep and
 * `prodgate rotate`: vendor clients (base URLs from the environment), the jobs and audit stores, the
 * per-secret lock, the smoke surfaces of the registry, Slack and signed webhooks.
 */

export interface RotateCredentials {
  herokuApiKey?: string;
  /** A Cloudflare token that may manage API tokens; default the token being rotated. */
  cloudflareApiToken?: string;
  /** The current value of each cloudflare-token secret, as the rotation sweep names them. */
  cloudflareTokens: Map<string, string>;
  /** Writes GitHub Actions secrets; the workflow's GITHUB_TOKEN never can. */
  githubSecretsToken?: string;
  infisicalToken?: string;
  slackToken?: string;
  slackChannel?: string;
  slackWebhookUrl?: string;
  /** The HMAC key of signed webhooks. */
  webhookSecret?: string;
}

export interface ExecutorOpenOptions {
  databaseUrl: string;
  migrate: boolean;
  rotationTable?: string;
  auditTable?: string;
  registry?: Registry;
  env: NodeJS.ProcessEnv;
  reporter: Reporter;
  /** The value in use now, for a generator that finds its credential by value. */
  currentValue?: string;
  /** How the preflight names a missing credential (default: the action's inputs). */
  names?: CredentialNames;
}

const TIMEOUT_MS = 15_000;

/** Reads the surface registry the smoke test probes, with the status sweep's health defaults. */
export function readRegistryFile(path: string): Registry {
  if (!existsSync(path)) throw new InputError("registry", `names a file that does not exist: ${path}`);
  return parseRegistry(readFileSync(path, "utf8"), {
    file: path,
    parseHealth: (get) => parseHealthInputs(get),
    healthDefaults: { attempts: "3", interval: "5s", timeout: "10s" },
  });
}

/** The secret of the inventory named `name`, or an error naming the input. */
export function findSecret(inventory: Inventory, name: string, input = "secret"): InventorySecret {
  const wanted = requireValue(input, name);
  const secret = inventory.secrets.find((s) => s.name === wanted);
  if (!secret)
    throw new InputError(
      input,
      `names no secret of ${inventory.file}: '${wanted}' (it has ${inventory.secrets.map((s) => s.name).join(", ")})`,
    );
  return secret;
}

/** What a face calls each credential a rotation may need: its action inputs, or the CLI's variables. */
export interface CredentialNames {
  herokuApiKey: string;
  githubSecretsToken: string;
  infisicalToken: string;
  /** Where the current value of a cloudflare-token secret comes from (it says which token to copy). */
  cloudflareToken(secretName: string): string;
  registry: string;
  webhookSecret: string;
}

/** The rotate-secret action's inputs (the rotation sweep's name them alike, but for cloudflare-tokens). */
export const ACTION_CREDENTIAL_NAMES: CredentialNames = {
  herokuApiKey: "heroku-api-key",
  githubSecretsToken: "github-secrets-token",
  infisicalToken: "infisical-token",
  cloudflareToken: () => "current-value",
  registry: "registry",
  webhookSecret: "webhook-secret",
};

/**
 * Checks, before any job exists, that every credential the secret's rotation needs was given: its
 * generator's, every consumer's, the smoke test's registry surfaces and the webhooks' key. The error names
 * the missing input as the face calls it.
 */
export function checkCredentials(
  secret: InventorySecret,
  creds: RotateCredentials,
  opts: { registry?: Registry; names?: CredentialNames; currentValue?: string } = {},
): void {
  const spec = secret.rotate;
  if (!spec) return;
  const names = opts.names ?? ACTION_CREDENTIAL_NAMES;
  const registry = opts.registry;
  if (spec.generate === "heroku-authorization" && !creds.herokuApiKey)
    throw new InputError(
      names.herokuApiKey,
      `is required to rotate ${secret.name} (it makes a Heroku OAuth authorization)`,
    );
  if (spec.generate === "cloudflare-token" && !(opts.currentValue || creds.cloudflareTokens.get(secret.name)))
    throw new InputError(
      names.cloudflareToken(secret.name),
      `is required to rotate ${secret.name}: the current Cloudflare token says which token's settings to copy`,
    );
  for (const c of spec.consumers) {
    if ((c.kind === "github-actions" || c.kind === "github-environment") && !creds.githubSecretsToken)
      throw new InputError(
        names.githubSecretsToken,
        `is required to write ${c.id} (a token that may write Actions secrets; the workflow's GITHUB_TOKEN cannot)`,
      );
    if (c.kind === "heroku-config" && !creds.herokuApiKey)
      throw new InputError(names.herokuApiKey, `is required to write ${c.id}`);
    if (c.kind === "infisical" && !creds.infisicalToken)
      throw new InputError(names.infisicalToken, `is required to write ${c.id}`);
  }
  if (spec.notify.length && !creds.webhookSecret)
    throw new InputError(
      names.webhookSecret,
      `is required: ${secret.name} notifies webhooks, signed with it`,
    );
  if (!spec.smoke.length) return;
  if (!registry)
    throw new InputError(
      names.registry,
      `is required: ${secret.name}'s smoke test probes ${spec.smoke.join(", ")}, surfaces of the registry`,
    );
  const known = new Set(registry.surfaces.map((s) => s.id));
  const missing = spec.smoke.filter((id) => !known.has(id));
  if (missing.length)
    throw new InputError(
      names.registry,
      `has no surface ${missing.join(", ")} (${secret.name}'s smoke test)`,
    );
  const noHealth = spec.smoke.filter((id) => !registry.surfaces.find((s) => s.id === id)?.health);
  if (noHealth.length)
    throw new InputError(
      names.registry,
      `surface ${noHealth.join(", ")} has no health check to smoke-test with`,
    );
}

export interface OpenedExecutor {
  ports: ExecutorPorts;
  close(): Promise<void>;
}

export async function openExecutor(
  creds: RotateCredentials,
  opts: ExecutorOpenOptions,
): Promise<OpenedExecutor> {
  const env = opts.env;
  const jobs = await RotationJobStore.open(opts.databaseUrl, {
    table: opts.rotationTable,
    migrate: opts.migrate,
  });
  let audit: AuditStore;
  try {
    audit = await AuditStore.open(opts.databaseUrl, { table: opts.auditTable, migrate: opts.migrate });
  } catch (err) {
    await jobs.close();
    throw err;
  }
  const heroku = (apiKey: string) =>
    new HerokuClient({ apiKey, baseUrl: env.HEROKU_API_URL, timeoutMs: TIMEOUT_MS, retries: 2 });
  const generators = new Map<string, GeneratorPort>();
  const ports: ExecutorPorts = {
    reporter: opts.reporter,
    jobs,
    audit,
    lock: { tryLock: (name) => tryLockSecret(opts.databaseUrl, name) },
    generator: (secret) => {
      let g = generators.get(secret.name);
      if (!g) {
        g = generatorFor(secret, creds, env, heroku, opts.currentValue);
        generators.set(secret.name, g);
      }
      return g;
    },
    consumer: (c) => consumerFor(c, creds, env, heroku),
    ...(opts.registry ? { smoke: smokePort(opts.registry, env, opts.reporter) } : {}),
    ...((creds.slackToken && creds.slackChannel) || creds.slackWebhookUrl
      ? {
          notify: slackNotifyPort(
            {
              token: creds.slackToken,
              channel: creds.slackChannel,
              webhookUrl: creds.slackWebhookUrl,
              baseUrl: env.SLACK_API_URL,
            },
            opts.reporter,
          ),
        }
      : {}),
    ...(creds.webhookSecret ? { webhooks: new WebhookSender(creds.webhookSecret) } : {}),
    preflight: (secret) =>
      checkCredentials(secret, creds, {
        registry: opts.registry,
        names: opts.names,
        currentValue: opts.currentValue,
      }),
  };
  return {
    ports,
    close: async () => {
      await jobs.close();
      await audit.close();
    },
  };
}

function generatorFor(
  secret: InventorySecret,
  creds: RotateCredentials,
  env: NodeJS.ProcessEnv,
  heroku: (key: string) => HerokuClient,
  currentValue: string | undefined,
): GeneratorPort {
  const spec = secret.rotate!;
  switch (spec.generate) {
    case "random":
      return {
        currentId: async () => undefined,
        create: async () => ({ value: randomBytes(spec.length).toString("base64url") }),
        verify: async () => {},
        revoke: async () => "gone",
        orphans: async () => [],
      };
    case "heroku-authorization": {
      const client = heroku(creds.herokuApiKey!);
      const wanted = secret.authorization ?? secret.name;
      const matching = async () =>
        (await client.authorizations()).filter((a) => a.id === wanted || a.description === wanted);
      return {
        currentId: async (value) => {
          if (value) {
            const id = await client.authorizationIdForToken(value);
            if (id) return id;
          }
          const list = (await matching()).sort((a, b) => (a.created_at < b.created_at ? 1 : -1));
          return list[0]?.id;
        },
        create: async (oldId) => {
          const old = oldId ? (await client.authorizations()).find((a) => a.id === oldId) : undefined;
          const made = await client.createAuthorization({
            scope: old?.scope.length ? old.scope : ["global"],
            description: old?.description ?? wanted,
          });
          return { id: made.id, value: made.token };
        },
        verify: async (value) => {
          await heroku(value).account();
        },
        revoke: (id) => client.deleteAuthorization(id),
        orphans: async (since, keep) =>
          (await matching())
            .filter((a) => !keep.includes(a.id) && Date.parse(a.created_at) >= since.getTime())
            .map((a) => a.id),
      };
    }
    case "cloudflare-token": {
      const accountId = secret.accountId;
      const current = () => currentValue || creds.cloudflareTokens.get(secret.name);
      const cf = (token: string) =>
        new CloudflareClient({
          apiToken: token,
          baseUrl: env.CLOUDFLARE_API_URL,
          timeoutMs: TIMEOUT_MS,
          retries: 2,
        });
      const manager = () => {
        const token = creds.cloudflareApiToken || current();
        if (!token)
          throw new InputError(
            "cloudflare-api-token",
            `is required to rotate ${secret.name} (a token that may manage API tokens), or pass its current value`,
          );
        return cf(token);
      };
      const rolls = secret.policy.maxOverlapMs <= 0;
      let oldName: string | undefined;
      return {
        killsOld: rolls,
        currentId: async (value) => {
          const token = value || current();
          return token ? (await cf(token).verifyToken(accountId)).id || undefined : undefined;
        },
        create: async (oldId) => {
          if (!oldId)
            throw new InputError(
              "current-value",
              `is required to rotate ${secret.name}: the current Cloudflare token (or cloudflare-tokens ${secret.name}=...) says which token's settings to copy`,
            );
          const m = manager();
          if (rolls) return { id: oldId, value: await m.rollToken(oldId, accountId) };
          const old = await m.getToken(oldId, accountId);
          oldName = old.name;
          const lifetime =
            old.expires_on && old.issued_on
              ? Date.parse(old.expires_on) - Date.parse(old.issued_on)
              : undefined;
          const made = await m.createToken(
            {
              name: old.name,
              policies: old.policies.map((p) => {
                const { id: _id, ...rest } = p as Record<string, unknown>;
                return rest;
              }),
              ...(old.condition ? { condition: old.condition } : {}),
              ...(lifetime && lifetime > 0
                ? { expires_on: new Date(Date.now() + lifetime).toISOString().replace(/\.\d{3}Z$/, "Z") }
                : {}),
            },
            accountId,
          );
          return made;
        },
        verify: async (value) => {
          const v = await cf(value).verifyToken(accountId);
          if (v.status !== "active") throw new Error(`Cloudflare says the new token is ${v.status}`);
        },
        revoke: (id) => manager().deleteToken(id, accountId),
        orphans: async (since, keep) => {
          const m = manager();
          const name = oldName ?? (keep[0] ? (await m.getToken(keep[0], accountId)).name : undefined);
          if (!name) return [];
          return (await m.listTokens(accountId))
            .filter(
              (t) =>
                t.name === name && !keep.includes(t.id) && Date.parse(t.issued_on ?? "") >= since.getTime(),
            )
            .map((t) => t.id);
        },
      };
    }
  }
}

function consumerFor(
  c: Consumer,
  creds: RotateCredentials,
  env: NodeJS.ProcessEnv,
  heroku: (key: string) => HerokuClient,
): ConsumerPort {
  switch (c.kind) {
    case "github-actions":
    case "github-environment": {
      // Octokit and libsodium load only for a rotation that writes a GitHub secret.
      let writer: Promise<GitHubSecretsWriter> | undefined;
      const at = {
        repository: c.repository,
        ...(c.kind === "github-environment" ? { environment: c.environment } : {}),
      };
      return {
        write: async (value) => {
          writer ??= import("../vendors/github-secrets.js").then(
            (m) =>
              new m.GitHubSecretsWriter({ token: creds.githubSecretsToken!, baseUrl: env.GITHUB_API_URL }),
          );
          await (await writer).put(at, c.name, value);
        },
      };
    }
    case "heroku-config": {
      const client = heroku(creds.herokuApiKey!);
      return {
        write: (value) => client.setConfigVar(c.app, c.var, value),
        read: () => client.configVar(c.app, c.var),
      };
    }
    case "infisical": {
      const client = new InfisicalClient({
        token: creds.infisicalToken!,
        baseUrl: env.INFISICAL_API_URL,
        timeoutMs: TIMEOUT_MS,
        retries: 2,
      });
      return {
        write: async (value) => {
          await client.writeSecretValue(
            { projectId: c.project, environment: c.environment, secretPath: c.path },
            c.key,
            value,
          );
        },
      };
    }
  }
}

function smokePort(registry: Registry, env: NodeJS.ProcessEnv, reporter: Reporter): SmokePort {
  return {
    check: async (id) => {
      const surface = registry.surfaces.find((s) => s.id === id);
      if (!surface?.health)
        return { healthy: false, detail: `no surface ${id} with a health check in the registry` };
      const { headers, secrets } = resolveHeaders(surface, env, registry.secretEnv);
      for (const s of secrets) reporter.secret(s);
      const report = await runHealthCheck(
        { ...surface.health, headers },
        { reporter: { ...reporter, info: () => {} } },
      );
      return {
        healthy: report.healthy,
        detail: `${report.lastStatus ?? "no answer"} after ${report.attempts.length} attempt(s): ${report.lastReason}`,
      };
    },
  };
}
