import type pg from "pg";
import { describeError, InputError, VendorError } from "../core/errors.js";
import { type Clock, type Reporter, silentReporter, systemClock } from "../core/ports.js";
import { activeSurfaces, type Registry, resolveHeaders, type Surface } from "../core/registry.js";
import {
  type CallResult,
  type DynoSummary,
  expectedCalls,
  type RawDeploy,
  type SurfaceProbe,
  shardOf,
  type Vendor,
  type VendorCall,
  vendorOf,
} from "../core/status.js";
import type { PagesDeployment } from "../vendors/cloudflare.js";
import { HttpProbe } from "../vendors/http-probe.js";
import type { IncidentPort, NotifyPort } from "./alerts.js";
import { runHealthCheck } from "./health-check.js";
import { runPool } from "./pool.js";
import { BuildReads, type BuildsPort } from "./status-sweep-builds.js";
import { dynoIntervalMs, type HerokuPort, HerokuReads, type SweepReads } from "./status-sweep-heroku.js";

/**
 * The probe phase of the status sweep: every surface of the registry (or of one shard) probed concurrently, a
 * bounded pool of vendor calls, each cut at its timeout, the whole run at a deadline; Heroku's reads paced to
 * its budget (status-sweep-heroku.ts). Never throws for a vendor's failure: a failed call is a result.
 */

// ---- ports: the narrow slices of the vendor clients the sweep uses ----

export interface CloudflarePort {
  latestPagesDeployment(
    accountId: string,
    project: string,
    env: "production" | "preview",
    timeoutMs?: number,
  ): Promise<{ deployment: PagesDeployment | undefined; rateLimitRemaining: number | undefined }>;
}

export interface SweepSettings {
  /** Vendor calls in flight at once (default 16). */
  concurrency: number;
  /** Per-call timeout, and the health timeout of surfaces that set none (default 5 s). */
  timeoutMs: number;
  /** Budget of the probe phase; calls still running then are abandoned (default 2 min). */
  deadlineMs: number;
  /** How often the sweep is scheduled; a gap over 3× is reported. */
  expectedIntervalMs?: number;
  incidentLabel: string;
  /** Repository of surfaces whose `builds` name none (owner/name). */
  defaultRepo?: string;
  runUrl?: string;
  shard?: { index: number; total: number };
  pageTitle?: string;
  /** How often each Heroku app's dynos are read (ms; 0 = every sweep); `auto` paces them to Heroku's budget. */
  herokuDynoInterval?: number | "auto";
}

export const DEFAULT_SWEEP_SETTINGS: SweepSettings = {
  concurrency: 16,
  timeoutMs: 5_000,
  deadlineMs: 120_000,
  incidentLabel: "prodgate:incident",
};

export interface SweepPorts {
  reporter?: Reporter;
  clock?: Clock;
  /** Where ${NAME} in health headers is looked up. */
  env?: Record<string, string | undefined>;
  heroku?: HerokuPort;
  cloudflare?: CloudflarePort;
  /** A builds source for a repository (owner/name). */
  builds?: (repo: string) => BuildsPort;
  probe?: HttpProbe;
  /** The sweep's memory; without it the sweep still probes and reports, but logs nothing and alerts on nothing. */
  db?: pg.Pool;
  /** Reads remembered between sweeps (beside the ETags): what paces the Heroku reads. */
  reads?: SweepReads;
  /** Why the memory could not be opened, when it could not: reported instead of "no database". */
  memoryError?: string;
  incidents?: IncidentPort;
  notify?: NotifyPort;
  /** Values to scrub from every message (tokens); health header values are added automatically. */
  secrets?: string[];
  onProgress?: (done: number, total: number) => void;
}

/** What the probe phase of one shard (or of a whole sweep) produced; JSON, handed between jobs. */
export interface ProbeBatch {
  version: 1;
  registry: string;
  shard: { index: number; total: number };
  startedAt: string;
  finishedAt: string;
  surfaces: string[];
  probes: SurfaceProbe[];
}

interface Task {
  surface: Surface;
  call: VendorCall;
}

interface TaskResult {
  result: CallResult;
  dynos?: DynoSummary;
  deploy?: RawDeploy | null;
  build?: SurfaceProbe["build"];
}

/** Fails early when the registry needs a credential the sweep was not given. */
export function checkPorts(surfaces: Surface[], ports: SweepPorts): void {
  const need = (what: string, ids: string[], port: unknown, how: string) => {
    if (ids.length && !port)
      throw new InputError(
        how,
        `is required: the registry has ${what} surfaces (${ids.slice(0, 5).join(", ")}${ids.length > 5 ? ", ..." : ""})`,
      );
  };
  const ids = (call: VendorCall) => surfaces.filter((s) => expectedCalls(s).includes(call)).map((s) => s.id);
  need("Heroku", ids("heroku_dyno"), ports.heroku, "heroku-api-key");
  need("Cloudflare Pages", ids("cf_pages"), ports.cloudflare, "cloudflare-api-token");
  need("builds (GitHub Actions)", ids("github_actions"), ports.builds, "github-token");
}

/** Probes the surfaces of one shard (all of them by default). Never throws for a vendor's failure. */
export async function probeSurfaces(
  registry: Registry,
  settings: SweepSettings,
  ports: SweepPorts,
): Promise<ProbeBatch> {
  const clock = ports.clock ?? systemClock;
  const reporter = ports.reporter ?? silentReporter;
  const shard = settings.shard ?? { index: 0, total: 1 };
  const surfaces = shardOf(activeSurfaces(registry), shard.index, shard.total);
  checkPorts(surfaces, ports);
  const scrub = scrubber(ports.secrets ?? []);
  const resolved = new Map<string, Record<string, string>>();
  for (const s of surfaces) {
    if (!s.health) continue;
    const { headers, secrets } = resolveHeaders(s, ports.env ?? {}, registry.secretEnv);
    for (const v of secrets) {
      reporter.secret(v);
      scrub.add(v);
    }
    resolved.set(s.id, headers);
  }

  const startedAt = clock.now();
  const tasks: Task[] = surfaces.flatMap((surface) =>
    expectedCalls(surface).map((call) => ({ surface, call })),
  );
  const probe = ports.probe ?? new HttpProbe();
  const limited = new Map<Vendor, string>(); // vendor → why (rate-limited earlier in this sweep)

  const readsDynos = (s: Surface) => Boolean(s.heroku) && expectedCalls(s).includes("heroku_dyno");
  const herokuApps = surfaces.filter(readsDynos);
  // The budget is the account's: paced by the whole registry's apps, not this shard's.
  const fleet = new Set(
    activeSurfaces(registry)
      .filter(readsDynos)
      .map((s) => s.heroku!.app),
  ).size;
  const heroku = ports.heroku
    ? new HerokuReads(ports.heroku, {
        clock,
        reads: ports.reads,
        retry: withRetry,
        intervalMs: dynoIntervalMs(fleet, settings.herokuDynoInterval ?? "auto", settings.expectedIntervalMs),
      })
    : undefined;
  if (heroku && herokuApps.length)
    await heroku.list().catch((err: unknown) => {
      const message = scrub.apply(describeError(err));
      if (isRateLimit(err)) limited.set("heroku", message.slice(0, 120));
      else reporter.warning(`Heroku's app list could not be read (${message}); every app is read in full`);
    });
  const ctx: CallContext = {
    settings,
    ports,
    clock,
    probe,
    resolved,
    limited,
    builds: ports.builds ? new BuildReads(ports.builds, settings.defaultRepo, withRetry) : undefined,
    heroku,
    scrub: (t) => scrub.apply(t),
  };
  const outcomes = await runPool(
    tasks,
    {
      concurrency: settings.concurrency,
      deadlineMs: settings.deadlineMs,
      onSettled: ports.onProgress,
      clock,
    },
    (task) => runCall(task, ctx),
  );
  const missed = outcomes.filter((o) => o.status === "deadline").length;
  if (!ports.probe) {
    // After a deadline, calls still hanging end at their own timeouts; the sweep does not wait for them.
    const closing = probe.close().catch(() => {});
    if (!missed) await closing;
  }

  const bySurface = new Map<string, SurfaceProbe>(surfaces.map((s) => [s.id, { id: s.id, calls: [] }]));
  outcomes.forEach((o, i) => {
    const task = tasks[i]!;
    const p = bySurface.get(task.surface.id)!;
    if (o.status === "deadline") return;
    const r: TaskResult =
      o.status === "fulfilled"
        ? o.value
        : {
            result: {
              call: task.call,
              answered: false,
              rateLimited: false,
              ok: false,
              latencyMs: 0,
              statusCode: null,
              error: scrub.apply(describeError(o.reason)),
              at: startedAt.toISOString(),
            },
          };
    p.calls.push(r.result);
    if (r.dynos) p.dynos = r.dynos;
    if (r.deploy !== undefined) p.deploy = r.deploy;
    if (r.build !== undefined) p.build = r.build;
  });
  if (missed) reporter.warning(`${missed} vendor call(s) did not finish before the sweep deadline`);
  if (heroku && herokuApps.length) reporter.info(herokuReport(heroku));
  return {
    version: 1,
    registry: registry.file,
    shard,
    startedAt: startedAt.toISOString(),
    finishedAt: clock.now().toISOString(),
    surfaces: surfaces.map((s) => s.id),
    probes: [...bySurface.values()],
  };
}

interface CallContext {
  settings: SweepSettings;
  ports: SweepPorts;
  clock: Clock;
  probe: HttpProbe;
  resolved: Map<string, Record<string, string>>;
  limited: Map<Vendor, string>;
  builds?: BuildReads;
  heroku?: HerokuReads;
  scrub: (text: string) => string;
}

async function runCall(task: Task, ctx: CallContext): Promise<TaskResult> {
  const { surface, call } = task;
  const at = ctx.clock.now().toISOString();
  const vendor = vendorOf(call);
  const base = { call, at, statusCode: null as number | null };
  if (vendor && ctx.limited.has(vendor)) {
    return {
      result: {
        ...base,
        answered: false,
        rateLimited: true,
        ok: false,
        latencyMs: 0,
        error: `rate limited: not called (${ctx.limited.get(vendor)})`,
        skipped: true,
      },
    };
  }
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  try {
    switch (call) {
      case "http_health": {
        const health = surface.health!;
        const report = await runHealthCheck(
          { ...health, headers: ctx.resolved.get(surface.id) ?? {} },
          { reporter: silentReporter, clock: ctx.clock, probe: ctx.probe },
        );
        return {
          result: {
            ...base,
            answered: report.lastStatus !== undefined,
            rateLimited: false,
            ok: report.healthy,
            latencyMs: report.lastLatencyMs ?? elapsed(),
            statusCode: report.lastStatus ?? null,
            error: report.healthy ? null : ctx.scrub(report.lastReason),
          },
        };
      }
      case "heroku_dyno": {
        const { value: summary, rememberedAt } = await ctx.heroku!.dynos(surface.heroku!.app);
        const others = Object.entries(summary.states)
          .filter(([s]) => s !== "up")
          .map(([s, n]) => `${n} ${s}`)
          .join(", ");
        return {
          dynos: summary,
          result: {
            ...base,
            ...remembered(rememberedAt),
            answered: true,
            rateLimited: false,
            ok: summary.up > 0,
            latencyMs: rememberedAt ? 0 : elapsed(),
            statusCode: 200,
            error: summary.up > 0 ? null : summary.total ? `no dyno up (${others})` : "no dynos running",
          },
        };
      }
      case "heroku_release": {
        const { value: deploy, rememberedAt } = await ctx.heroku!.newestRelease(surface.heroku!.app);
        return {
          deploy,
          result: {
            ...base,
            ...remembered(rememberedAt),
            answered: true,
            rateLimited: false,
            ok: deploy?.status !== "failed",
            latencyMs: rememberedAt ? 0 : elapsed(),
            statusCode: 200,
            error: deploy?.status === "failed" ? `latest release ${deploy.deploy_id} failed` : null,
          },
        };
      }
      case "cf_pages": {
        const target = surface.cloudflarePages!;
        const { deployment, rateLimitRemaining } = await withRetry(() =>
          ctx.ports.cloudflare!.latestPagesDeployment(
            target.accountId,
            target.project,
            target.environment,
            ctx.settings.timeoutMs,
          ),
        );
        if (rateLimitRemaining === 0) ctx.limited.set("cloudflare", "Cloudflare reported 0 requests left");
        const deploy = deployment ? rawPagesDeploy(deployment) : null;
        return {
          deploy,
          result: {
            ...base,
            answered: true,
            rateLimited: false,
            ok: deploy !== null && deploy.status !== "failed",
            latencyMs: elapsed(),
            statusCode: 200,
            error: !deploy
              ? `no ${target.environment} deployment`
              : deploy.status === "failed"
                ? `latest deployment ${deploy.deploy_id} failed (${deploy.detail})`
                : null,
          },
        };
      }
      case "github_actions": {
        const build = await ctx.builds!.find(surface);
        return {
          build,
          result: {
            ...base,
            answered: true,
            rateLimited: false,
            ok: true,
            latencyMs: elapsed(),
            statusCode: 200,
            error: null,
          },
        };
      }
    }
  } catch (err) {
    const status = err instanceof VendorError ? (err.status ?? null) : null;
    const message = ctx.scrub(describeError(err));
    const rateLimited = isRateLimit(err) || /rate.?limit/i.test(message);
    if (rateLimited && vendor) ctx.limited.set(vendor, message.slice(0, 120));
    return {
      result: {
        ...base,
        answered: !rateLimited && status !== null && status < 500 && status !== 401 && status !== 403,
        rateLimited,
        ok: false,
        latencyMs: elapsed(),
        statusCode: status,
        error: rateLimited && !message.startsWith("rate limited") ? `rate limited: ${message}` : message,
      },
    };
  }
}

/** One more try on a network error or a 5xx (not on a rate limit: that waits for the next sweep). */
async function withRetry<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (
      err instanceof VendorError &&
      err.retryable &&
      err.status !== 429 &&
      !/rate.?limit/i.test(err.message)
    )
      return fn();
    throw err;
  }
}

const isRateLimit = (err: unknown) =>
  err instanceof VendorError && (err.status === 429 || /rate.?limit/i.test(err.message));

/** A call answered from the memory: not made this sweep (no poll row), dated when it was read. */
const remembered = (at: string | undefined): Partial<CallResult> => (at ? { at, skipped: true } : {});

function herokuReport(heroku: HerokuReads): string {
  const c = heroku.counts;
  const calls = c.listings + c.dynoReads + c.releaseReads;
  const parts = [
    `${c.dynoReads} dyno read(s)${c.dynoNotModified ? ` (${c.dynoNotModified} unchanged, 304)` : ""}`,
  ];
  parts.push(`${c.releaseReads} release read(s)`);
  if (c.listings) parts.push("the app list");
  const kept = c.dynosRemembered + c.releasesRemembered;
  return `Heroku: ${calls} call(s): ${parts.join(", ")}${kept ? `; ${c.dynosRemembered} dyno and ${c.releasesRemembered} release answer(s) from the sweep's memory` : ""}`;
}

function rawPagesDeploy(d: PagesDeployment): RawDeploy {
  const stage = d.latest_stage;
  const status: RawDeploy["status"] =
    stage.status === "failure" || stage.status === "canceled"
      ? "failed"
      : stage.status === "success" && stage.name === "deploy"
        ? "succeeded"
        : "building";
  const commit = d.deployment_trigger?.metadata?.commit_hash;
  return {
    deploy_id: d.short_id || d.id,
    deployed_at: d.created_on,
    author: `${d.deployment_trigger?.type ?? "unknown"}${commit ? ` ${commit.slice(0, 7)}` : ""}`,
    status,
    detail: status === "failed" ? `${stage.name} ${stage.status}` : undefined,
  };
}

class Scrubber {
  private readonly values = new Set<string>();
  constructor(values: string[]) {
    for (const v of values) this.add(v);
  }
  add(v: string): void {
    if (v && v.length >= 4) this.values.add(v);
  }
  apply(text: string): string {
    let t = text;
    for (const v of this.values) t = t.split(v).join("***");
    return t;
  }
}

function scrubber(values: string[]): Scrubber {
  return new Scrubber(values);
}

// ---- the finish phase ----
