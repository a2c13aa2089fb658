import { existsSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type pg from "pg";
import { parseDuration } from "../core/duration.js";
import { InputError, ProdgateError } from "../core/errors.js";
import { parseHealthInputs } from "../core/health-inputs.js";
import { parseBoolean, parseChoice, parseInteger, requireValue } from "../core/inputs.js";
import type { Reporter } from "../core/ports.js";
import { parseRegistry, type Registry } from "../core/registry.js";
import { connect, newPool, safeDbMessage } from "../store/db.js";
import { migrateUp } from "../store/migrate.js";
import { CloudflareClient } from "../vendors/cloudflare.js";
import { GitHubClient } from "../vendors/github.js";
import { HerokuClient } from "../vendors/heroku.js";
import { githubIncidentPort } from "./alerts.js";
import { buildConsole, DEFAULT_CONSOLE_SETTINGS, writeConsole } from "./console.js";
import {
  DEFAULT_SWEEP_SETTINGS,
  type ProbeBatch,
  type SweepPorts,
  type SweepResult,
  type SweepSettings,
} from "./status-sweep.js";
import { githubBuildsPort } from "./status-sweep-builds.js";
import { type SlackCredentials, slackPortFor, sweepContext } from "./sweep-context.js";
import type { SweepETags } from "./sweep-etags.js";

/**
 * The status sweep's setup, shared by the status-sweep action and `prodgate sweep status`: inputs parsed from
 * a name -> value getter, the registry read, the vendor clients built, the sweep's memory opened, shard
 * results read back, the console written, and the fail-on rule.
 */

/** Reads and validates the registry file; every problem names the file, line and field. */
export function readRegistry(path: string, timeout: string): Registry {
  const file = requireValue("registry", path);
  if (!existsSync(file)) throw new InputError("registry", `names a file that does not exist: ${file}`);
  return parseRegistry(readFileSync(file, "utf8"), {
    file,
    parseHealth: (get) => parseHealthInputs(get),
    healthDefaults: { attempts: "1", interval: "1s", timeout },
  });
}

export type SweepMode =
  | { kind: "single" }
  | { kind: "shard"; index: number; total: number }
  | { kind: "merge"; dir: string };

export interface SweepInputs {
  registry: string;
  settings: SweepSettings;
  mode: SweepMode;
  timeout: string;
  databaseUrl?: string;
  migrate: boolean;
  issues: boolean;
  statusJson: string;
  statusPageDir?: string;
  shardOutput: string;
  failOn: "never" | "down" | "unhealthy";
  /** Build the operator console there after the sweep (needs the database). */
  consoleDir?: string;
  consoleSecrets: boolean;
}

/** Parses `1/4` (1-based shard of N). */
export function parseShard(inputName: string, raw: string): { index: number; total: number } {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(raw);
  const n = m ? Number(m[1]) : Number.NaN;
  const total = m ? Number(m[2]) : Number.NaN;
  if (!m || total < 1 || total > 256 || n < 1 || n > total)
    throw new InputError(
      inputName,
      `must look like 1/4 (this shard's number, 1-based, of the total); got '${raw}'`,
    );
  return { index: n - 1, total };
}

export function parseSweepInputs(get: (name: string) => string, env: NodeJS.ProcessEnv): SweepInputs {
  const timeout = get("timeout").trim() || "5s";
  const shard = get("shard").trim();
  const mergeFrom = get("merge-from").trim();
  if (shard && mergeFrom) throw new InputError("merge-from", "cannot be combined with 'shard'");
  const mode: SweepMode = shard
    ? { kind: "shard", ...parseShard("shard", shard) }
    : mergeFrom
      ? { kind: "merge", dir: mergeFrom }
      : { kind: "single" };
  const interval = get("expected-interval").trim();
  const dynoInterval = get("heroku-dyno-interval").trim() || "auto";
  const { databaseUrl, repository, runUrl } = sweepContext(get, env);
  const settings: SweepSettings = {
    ...DEFAULT_SWEEP_SETTINGS,
    concurrency: parseInteger("concurrency", get("concurrency") || "16", 1, 256),
    timeoutMs: parseDuration("timeout", timeout),
    deadlineMs: parseDuration("deadline", get("deadline") || "2m"),
    expectedIntervalMs: interval ? parseDuration("expected-interval", interval) : undefined,
    incidentLabel: get("incident-label").trim() || DEFAULT_SWEEP_SETTINGS.incidentLabel,
    defaultRepo: repository,
    runUrl,
    pageTitle: get("page-title").trim() || undefined,
    herokuDynoInterval:
      dynoInterval === "auto" ? "auto" : parseDuration("heroku-dyno-interval", dynoInterval),
  };
  if (settings.timeoutMs < 1) throw new InputError("timeout", "must be at least 1ms");
  return {
    registry: requireValue("registry", get("registry")),
    settings,
    mode,
    timeout,
    databaseUrl,
    migrate: parseBoolean("migrate", get("migrate"), true),
    issues: parseBoolean("issues", get("issues"), true),
    statusJson: get("status-json").trim() || "status.json",
    statusPageDir: get("status-page-dir").trim() || undefined,
    shardOutput: get("shard-output").trim() || join(env.RUNNER_TEMP || tmpdir(), "prodgate-sweep"),
    failOn: parseChoice("fail-on", get("fail-on"), ["never", "down", "unhealthy"] as const, "never"),
    consoleDir: get("console-dir").trim() || undefined,
    consoleSecrets: parseBoolean("console-secrets", get("console-secrets"), false),
  };
}

export interface Credentials extends SlackCredentials {
  herokuApiKey?: string;
  cloudflareApiToken?: string;
  githubToken?: string;
}

/** The vendor clients, built for a sweep: short timeouts, no waiting out rate limits (that is stale data). */
export function sweepPorts(
  creds: Credentials,
  settings: SweepSettings,
  opts: { reporter: Reporter; env: NodeJS.ProcessEnv; issues: boolean; db?: pg.Pool; etags?: SweepETags },
): SweepPorts {
  const timeoutMs = settings.timeoutMs;
  const env = opts.env;
  const ports: SweepPorts = {
    reporter: opts.reporter,
    env,
    db: opts.db,
    ...(opts.etags ? { reads: opts.etags } : {}),
    secrets: Object.values(creds).filter((v): v is string => typeof v === "string" && v.length >= 4),
  };
  if (creds.herokuApiKey)
    ports.heroku = new HerokuClient({
      apiKey: creds.herokuApiKey,
      baseUrl: env.HEROKU_API_URL,
      timeoutMs,
      retries: 0,
    });
  if (creds.cloudflareApiToken)
    ports.cloudflare = new CloudflareClient({
      apiToken: creds.cloudflareApiToken,
      baseUrl: env.CLOUDFLARE_API_URL,
      timeoutMs,
      retries: 0,
    });
  if (creds.githubToken) {
    const token = creds.githubToken;
    const client = (repository: string) =>
      new GitHubClient({
        token,
        repository,
        baseUrl: env.GITHUB_API_URL,
        timeoutMs,
        retries: 0,
        rateLimitRetries: 0,
        maxRetryAfterMs: 1_000,
        ...(opts.etags ? { etags: opts.etags } : {}),
      });
    ports.builds = githubBuildsPort(client);
    if (opts.issues && settings.defaultRepo) {
      const issuesClient = new GitHubClient({
        token,
        repository: settings.defaultRepo,
        baseUrl: env.GITHUB_API_URL,
      });
      ports.incidents = githubIncidentPort(issuesClient);
    }
  }
  const notify = slackPortFor(creds, env, opts.reporter);
  if (notify) ports.notify = notify;
  return ports;
}

/** Opens the sweep's memory: applies pending migrations, then a small pool. */
export async function openMemory(databaseUrl: string, migrate: boolean): Promise<pg.Pool> {
  if (migrate) {
    let client: pg.Client | undefined;
    try {
      client = await connect(databaseUrl);
      await migrateUp(client);
    } catch (err) {
      throw new ProdgateError(`cannot migrate the sweep database: ${safeDbMessage(err, databaseUrl)}`);
    } finally {
      await client?.end().catch(() => {});
    }
  }
  return newPool(databaseUrl, { max: 4 });
}

/** Reads every shard's batch (*.json, searched recursively) from `dir`. */
export function readBatches(dir: string): ProbeBatch[] {
  if (!existsSync(dir)) throw new InputError("merge-from", `names a directory that does not exist: ${dir}`);
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith(".json")) files.push(full);
    }
  };
  walk(dir);
  const batches = files.map((f) => {
    const b = JSON.parse(readFileSync(f, "utf8")) as ProbeBatch;
    if (b?.version !== 1 || !Array.isArray(b.probes) || !b.shard)
      throw new InputError("merge-from", `holds ${f}, which is not a status-sweep shard result`);
    return b;
  });
  if (batches.length === 0) throw new InputError("merge-from", `holds no shard results (*.json): ${dir}`);
  const totals = new Set(batches.map((b) => b.shard.total));
  if (totals.size > 1)
    throw new InputError("merge-from", "holds results of sweeps with different shard counts");
  return batches;
}

/**
 * The operator console, built after the sweep from the same database (rollups from the last rolled day on).
 * A console that cannot be built is a warning: the sweep's own results stand.
 */
export async function writeSweepConsole(
  registry: Registry,
  inputs: SweepInputs,
  db: pg.Pool | undefined,
  result: SweepResult,
  reporter: Reporter,
): Promise<string | undefined> {
  if (!inputs.consoleDir) return undefined;
  if (!db || !result.remembered) {
    reporter.warning("console-dir is set, but the console needs the sweep's database: not built");
    return undefined;
  }
  try {
    const built = await buildConsole(
      registry,
      {
        ...DEFAULT_CONSOLE_SETTINGS,
        title: inputs.settings.pageTitle ?? DEFAULT_CONSOLE_SETTINGS.title,
        intervalMs: inputs.settings.expectedIntervalMs ?? DEFAULT_CONSOLE_SETTINGS.intervalMs,
        secrets: inputs.consoleSecrets,
      },
      { db, reporter },
    );
    const dir = resolve(inputs.consoleDir);
    const written = writeConsole(dir, built.files);
    reporter.info(`console: ${written.files} files (${Math.round(written.bytes / 1024)} KB) in ${dir}`);
    return dir;
  } catch (err) {
    reporter.warning(`The console was not built: ${safeDbMessage(err)}`);
    return undefined;
  }
}

export function shouldFail(result: SweepResult, failOn: SweepInputs["failOn"]): string | undefined {
  const down = result.doc.sites.filter((s) => s.status === "down").map((s) => s.id);
  const bad = result.doc.sites.filter((s) => s.status === "down" || s.status === "degraded").map((s) => s.id);
  if (failOn === "down" && down.length) return `down: ${down.join(", ")}`;
  if (failOn === "unhealthy" && bad.length) return `unhealthy: ${bad.join(", ")}`;
  return undefined;
}
