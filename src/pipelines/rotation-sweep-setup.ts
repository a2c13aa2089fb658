import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type pg from "pg";
import type { AuditTrigger } from "../core/audit.js";
import { parseDuration } from "../core/duration.js";
import { InputError } from "../core/errors.js";
import { parseBoolean, parseChoice, parseInteger, requireValue } from "../core/inputs.js";
import type { Reporter } from "../core/ports.js";
import type { JobStatus, RotationReport } from "../core/rotation.js";
import { AuditStore } from "../store/audit.js";
import { saveSecretSnapshot } from "../store/console-sources.js";
import { newPool } from "../store/db.js";
import { RotationJobStore } from "../store/rotation-jobs.js";
import { CloudflareClient } from "../vendors/cloudflare.js";
import { GitHubClient } from "../vendors/github.js";
import { HerokuClient } from "../vendors/heroku.js";
import { InfisicalClient } from "../vendors/infisical.js";
import { githubIncidentPort } from "./alerts.js";
import {
  DEFAULT_ROTATION_SETTINGS,
  type RotationSweepPorts,
  type RotationSweepResult,
  type RotationSweepSettings,
  type WorkflowPort,
} from "./rotation-sweep.js";
import type { CredentialNames } from "./rotation-wiring.js";
import { SecretMetadataReader } from "./secret-sources.js";
import { type SlackCredentials, slackPortFor, sweepContext } from "./sweep-context.js";

/**
 * The rotation sweep's setup, shared by the rotation-sweep action and `prodgate sweep secrets`: inputs parsed
 * from a name -> value getter, the inventory read, the metadata sources, vendor clients and stores opened,
 * the report written, and the fail-on rule.
 */

export interface RotationInputs {
  inventory: string;
  settings: RotationSweepSettings;
  databaseUrl?: string;
  migrate: boolean;
  rotationTable?: string;
  auditTable?: string;
  issues: boolean;
  reportPath: string;
  failOn: "never" | "expired" | "expiring";
  /** The surface registry the smoke tests of in-process rotations probe. */
  registry?: string;
  /** Report mode: the rotation workflow tells the outcome of its job. */
  job?: { id: string; status: JobStatus; error?: string };
}

/** Turns raw inputs (action inputs or CLI flags) into settings; every problem names its input. */
export function parseRotationInputs(
  get: (name: string) => string,
  env: NodeJS.ProcessEnv,
  trigger: AuditTrigger = "ci",
): RotationInputs {
  const { databaseUrl, repository, runUrl } = sweepContext(get, env);
  const jobId = get("job-id").trim();
  const settings: RotationSweepSettings = {
    ...DEFAULT_ROTATION_SETTINGS,
    dispatch: parseBoolean("dispatch", get("dispatch"), false),
    jobTimeoutMs: parseDuration("job-timeout", get("job-timeout") || "24h"),
    concurrency: parseInteger("concurrency", get("concurrency") || "8", 1, 64),
    issueLabel: get("issue-label").trim() || DEFAULT_ROTATION_SETTINGS.issueLabel,
    actor: env.GITHUB_TRIGGERING_ACTOR || env.GITHUB_ACTOR || env.USER || "rotation-sweep",
    runId: env.GITHUB_RUN_ID || `local-${Date.now()}`,
    runAttempt: Number(env.GITHUB_RUN_ATTEMPT) || 1,
    runUrl,
    trigger,
    repository,
    ref: get("dispatch-ref").trim() || env.GITHUB_REF_NAME || undefined,
  };
  if (settings.jobTimeoutMs < 60_000) throw new InputError("job-timeout", "must be at least 1m");
  const inputs: RotationInputs = {
    inventory: jobId ? get("inventory").trim() : requireValue("inventory", get("inventory")),
    settings,
    databaseUrl,
    migrate: parseBoolean("migrate", get("migrate"), true),
    rotationTable: get("rotation-table").trim() || undefined,
    auditTable: get("audit-table").trim() || undefined,
    issues: parseBoolean("issues", get("issues"), true),
    reportPath: get("report-json").trim() || "rotation-report.json",
    failOn: parseChoice("fail-on", get("fail-on"), ["never", "expired", "expiring"] as const, "never"),
    registry: get("registry").trim() || undefined,
  };
  if (jobId) {
    const status = parseChoice("job-status", get("job-status"), ["running", "completed", "failed"] as const);
    if (!databaseUrl) throw new InputError("database-url", "is required with job-id (the job lives there)");
    inputs.job = {
      id: jobId,
      status,
      ...(get("job-error").trim() ? { error: get("job-error").trim() } : {}),
    };
  }
  return inputs;
}

/** `NAME=token` lines: the Cloudflare token each cloudflare-token secret verifies. Errors never quote a token. */
export function parseCloudflareTokens(inputName: string, raw: string): Map<string, string> {
  const out = new Map<string, string>();
  raw.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const idx = line.indexOf("=");
    const name = idx > 0 ? line.slice(0, idx).trim() : "";
    const token = idx > 0 ? line.slice(idx + 1).trim() : "";
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || !token)
      throw new InputError(inputName, `line ${i + 1} must look like SECRET_NAME=token`);
    out.set(name, token);
  });
  return out;
}

export interface RotationCredentials extends SlackCredentials {
  githubToken?: string;
  /** Reads Actions secrets metadata; the default GITHUB_TOKEN cannot. Default: githubToken. */
  githubSecretsToken?: string;
  infisicalToken?: string;
  /** Verified for every cloudflare-token secret not named in cloudflareTokens. */
  cloudflareApiToken?: string;
  cloudflareTokens: Map<string, string>;
  herokuApiKey?: string;
  /** The HMAC key of the signed webhooks of rotations. */
  webhookSecret?: string;
}

export interface OpenedPorts {
  ports: RotationSweepPorts;
  jobs?: RotationJobStore;
  audit?: AuditStore;
  close(): Promise<void>;
}

/** The sources of secret metadata, from the credentials given; base URLs from the environment. */
export function metadataReader(
  creds: RotationCredentials,
  repository: string | undefined,
  env: NodeJS.ProcessEnv,
): SecretMetadataReader {
  const timeoutMs = 10_000;
  const secretsToken = creds.githubSecretsToken ?? creds.githubToken;
  const github = (token: string, repository: string) =>
    new GitHubClient({ token, repository, baseUrl: env.GITHUB_API_URL, timeoutMs, retries: 2 });
  return new SecretMetadataReader({
    repository,
    now: () => new Date(),
    ...(secretsToken ? { github: (repository: string) => github(secretsToken, repository) } : {}),
    ...(creds.infisicalToken
      ? {
          infisical: new InfisicalClient({
            token: creds.infisicalToken,
            baseUrl: env.INFISICAL_API_URL,
            timeoutMs,
            retries: 2,
          }),
        }
      : {}),
    cloudflare: (secret) => {
      const token = creds.cloudflareTokens.get(secret.name) ?? creds.cloudflareApiToken;
      return token
        ? new CloudflareClient({ apiToken: token, baseUrl: env.CLOUDFLARE_API_URL, timeoutMs, retries: 2 })
        : undefined;
    },
    ...(creds.herokuApiKey
      ? {
          heroku: new HerokuClient({
            apiKey: creds.herokuApiKey,
            baseUrl: env.HEROKU_API_URL,
            timeoutMs,
            retries: 2,
          }),
        }
      : {}),
  });
}

/** The vendor clients and stores of a sweep. Stores are opened (and migrated) only with a database URL. */
export async function openRotationPorts(
  creds: RotationCredentials,
  inputs: RotationInputs,
  opts: { reporter: Reporter; env: NodeJS.ProcessEnv; names?: CredentialNames },
): Promise<OpenedPorts> {
  const env = opts.env;
  const reader = metadataReader(creds, inputs.settings.repository, env);
  const github = (token: string, repository: string) =>
    new GitHubClient({ token, repository, baseUrl: env.GITHUB_API_URL, timeoutMs: 10_000, retries: 2 });
  const ports: RotationSweepPorts = { reporter: opts.reporter, metadata: reader };
  const token = creds.githubToken;
  if (token) {
    ports.workflows = (repository) => workflowPort(github(token, repository));
    if (inputs.issues && inputs.settings.repository)
      ports.incidents = githubIncidentPort(
        new GitHubClient({ token, repository: inputs.settings.repository, baseUrl: env.GITHUB_API_URL }),
      );
  }
  const notify = slackPortFor(creds, env, opts.reporter);
  if (notify) ports.notify = notify;
  let jobs: RotationJobStore | undefined;
  let audit: AuditStore | undefined;
  let consolePool: pg.Pool | undefined;
  let executor: { close(): Promise<void> } | undefined;
  if (inputs.databaseUrl) {
    jobs = await RotationJobStore.open(inputs.databaseUrl, {
      table: inputs.rotationTable,
      migrate: inputs.migrate,
    });
    try {
      audit = await AuditStore.open(inputs.databaseUrl, {
        table: inputs.auditTable,
        migrate: inputs.migrate,
      });
    } catch (err) {
      await jobs.close();
      throw err;
    }
    ports.jobs = jobs;
    ports.audit = audit;
    if (inputs.settings.dispatch) {
      // The executor (vendor writers, libsodium) loads only for a sweep that may rotate in-process.
      const { ACTION_CREDENTIAL_NAMES, openExecutor, readRegistryFile } = await import(
        "./rotation-wiring.js"
      );
      const opened = await openExecutor(
        {
          herokuApiKey: creds.herokuApiKey,
          cloudflareApiToken: creds.cloudflareApiToken,
          cloudflareTokens: creds.cloudflareTokens,
          githubSecretsToken: creds.githubSecretsToken,
          infisicalToken: creds.infisicalToken,
          slackToken: creds.slackToken,
          slackChannel: creds.slackChannel,
          slackWebhookUrl: creds.slackWebhookUrl,
          webhookSecret: creds.webhookSecret,
        },
        {
          databaseUrl: inputs.databaseUrl,
          migrate: false,
          rotationTable: inputs.rotationTable,
          auditTable: inputs.auditTable,
          registry: inputs.registry ? readRegistryFile(inputs.registry) : undefined,
          env,
          reporter: opts.reporter,
          // The sweep reads the current Cloudflare tokens from cloudflare-tokens, never from current-value.
          names: opts.names ?? { ...ACTION_CREDENTIAL_NAMES, cloudflareToken: () => "cloudflare-tokens" },
        },
      );
      executor = opened;
      ports.executor = opened.ports;
      ports.env = env;
    }
    // The console's copy of the secrets' metadata: one small pool, opened when first used.
    const url = inputs.databaseUrl;
    ports.console = {
      saveSecrets: async (report) => {
        consolePool ??= newPool(url, { max: 1 });
        await saveSecretSnapshot(consolePool, report);
      },
    };
  }
  return {
    ports,
    jobs,
    audit,
    close: async () => {
      await jobs?.close();
      await audit?.close();
      await executor?.close();
      await consolePool?.end().catch(() => {});
    },
  };
}

/** A repository's workflows through the GitHub client: dispatch, and the state of a dispatched run. */
export function workflowPort(client: GitHubClient): WorkflowPort {
  return {
    dispatchWorkflow: (workflow, ref, inputs) => client.dispatchWorkflow(workflow, ref ?? "main", inputs),
    getWorkflowRun: async (runId) => {
      const run = await client.getWorkflowRun(runId);
      return { status: run.status ?? "unknown", conclusion: run.conclusion, htmlUrl: run.html_url };
    },
  };
}

export function shouldFail(report: RotationReport, failOn: RotationInputs["failOn"]): string | undefined {
  const named = (statuses: string[]) =>
    report.secrets.filter((s) => statuses.includes(s.status)).map((s) => s.name);
  const expired = named(["expired"]);
  const due = named(["expired", "expiring_soon"]);
  if (failOn === "expired" && expired.length) return `expired: ${expired.join(", ")}`;
  if (failOn === "expiring" && due.length) return `expired or expiring soon: ${due.join(", ")}`;
  return undefined;
}

export function writeReport(path: string, report: RotationReport): string {
  const file = resolve(path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}

export function rotationOutputs(result: RotationSweepResult, reportFile: string) {
  const c = result.report.counts;
  return {
    expiring: c.expiring_soon,
    expired: c.expired,
    stale: c.stale,
    rotating: c.rotating,
    unknown: c.unknown,
    healthy: c.healthy,
    dispatched: result.report.dispatches.filter((d) => d.outcome === "dispatched").length,
    "needs-action": result.report.secrets
      .filter((s) => s.status === "stale" || s.status === "expiring_soon" || s.status === "expired")
      .map((s) => s.name)
      .join(","),
    changes: result.changes.length,
    "report-json": reportFile,
  };
}
