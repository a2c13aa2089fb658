import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type pg from "pg";
import { activeMaintenance } from "../core/console/maintenance.js";
import { describeError, InputError, VendorError } from "../core/errors.js";
import type { HerokuDyno, HerokuRelease } from "../core/heroku.js";
import { type Clock, type Reporter, silentReporter, systemClock } from "../core/ports.js";
import { activeSurfaces, type Registry, resolveHeaders, type Surface } from "../core/registry.js";
import {
  type Alert,
  buildAlerts,
  buildInfoFromRun,
  buildStatusDocument,
  type CallResult,
  type Change,
  classify,
  type DynoSummary,
  decideTransitions,
  degradedVendors,
  expectedCalls,
  incidentBody,
  incidentMarker,
  incidentTitle,
  livenessCall,
  pathMatches,
  type RawDeploy,
  recoveryComment,
  renderSlackChanges,
  renderStatusPage,
  renderSweepSummary,
  runMatchesWorkflow,
  type SparkBucket,
  type StatusDocument,
  type SurfaceMemory,
  type SurfaceProbe,
  type SweepGap,
  shardOf,
  sweepGap,
  type Vendor,
  type VendorCall,
  type Verdict,
  vendorOf,
  type WorkflowRunLike,
} from "../core/status.js";
import { safeDbMessage } from "../store/db.js";
import {
  insertPollRows,
  loadSurfaceMemory,
  type PollRow,
  previousSweepAt,
  recordSweep,
  saveSurfaceMemory,
  sparklines,
  vendorHistory,
  withSweepLock,
} from "../store/poll-log.js";
import { recordIssues, recordSeen } from "../store/rollups.js";
import type { PagesDeployment } from "../vendors/cloudflare.js";
import type { GitHubClient } from "../vendors/github.js";
import { HttpProbe } from "../vendors/http-probe.js";
import { type IncidentPort, issueOpener, type NotifyPort, postChanges } from "./alerts.js";
import { runHealthCheck } from "./health-check.js";
import { runPool } from "./pool.js";

/**
 * The status sweep: probe every surface of the registry concurrently (a bounded pool of vendor calls, each
 * cut at its timeout, the whole run at a deadline), log every call to console_poll_log in one statement,
 * classify each surface against its previous state, alert on change only (one incident issue per surface,
 * Slack), and render the summary, status.json and the status page. The probe phase and the finish phase
 * are separate so that shards (matrix jobs) can probe and one job can finish.
 */

// ---- ports: the narrow slices of the vendor clients the sweep uses ----

export interface HerokuPort {
  dynos(app: string): Promise<HerokuDyno[]>;
  releases(app: string, opts: { max?: number }): Promise<HerokuRelease[]>;
}

export interface CloudflarePort {
  latestPagesDeployment(
    accountId: string,
    project: string,
    env: "production" | "preview",
    timeoutMs?: number,
  ): Promise<{ deployment: PagesDeployment | undefined; rateLimitRemaining: number | undefined }>;
}

export interface BuildsPort {
  /** Runs on `branch`, newest first; of one workflow file when `workflow` is given. */
  listRuns(q: { branch: string; workflow?: string; perPage: number }): Promise<WorkflowRunLike[]>;
  /** Files changed by a commit. */
  commitFiles(sha: string): Promise<string[]>;
}

export type { IncidentPort, IssueRef, NotifyPort } from "./alerts.js";

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
  const runsMemo = new Map<string, Promise<WorkflowRunLike[]>>();
  const filesMemo = new Map<string, Promise<string[]>>();

  const ctx: CallContext = {
    settings,
    ports,
    clock,
    probe,
    resolved,
    limited,
    runsMemo,
    filesMemo,
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
  runsMemo: Map<string, Promise<WorkflowRunLike[]>>;
  filesMemo: Map<string, Promise<string[]>>;
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
        const dynos = await withRetry(() => ctx.ports.heroku!.dynos(surface.heroku!.app));
        const summary = summarizeDynos(dynos);
        const others = Object.entries(summary.states)
          .filter(([s]) => s !== "up")
          .map(([s, n]) => `${n} ${s}`)
          .join(", ");
        return {
          dynos: summary,
          result: {
            ...base,
            answered: true,
            rateLimited: false,
            ok: summary.up > 0,
            latencyMs: elapsed(),
            statusCode: 200,
            error: summary.up > 0 ? null : summary.total ? `no dyno up (${others})` : "no dynos running",
          },
        };
      }
      case "heroku_release": {
        const [newest] = await withRetry(() => ctx.ports.heroku!.releases(surface.heroku!.app, { max: 1 }));
        const deploy: RawDeploy | null = newest
          ? {
              deploy_id: `v${newest.version}`,
              deployed_at: newest.created_at,
              author: newest.user?.email ?? "unknown",
              status:
                newest.status === "succeeded"
                  ? "succeeded"
                  : newest.status === "pending"
                    ? "building"
                    : "failed",
              detail: newest.status === "expired" ? "expired" : undefined,
            }
          : null;
        return {
          deploy,
          result: {
            ...base,
            answered: true,
            rateLimited: false,
            ok: deploy?.status !== "failed",
            latencyMs: elapsed(),
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
        const build = await findBuild(surface, ctx);
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
    const rateLimited = status === 429 || /rate.?limit/i.test(message);
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

function summarizeDynos(dynos: HerokuDyno[]): DynoSummary {
  const web = dynos.filter((d) => d.type === "web");
  const counted = web.length ? web : dynos;
  const states: Record<string, number> = {};
  for (const d of counted) states[d.state] = (states[d.state] ?? 0) + 1;
  return { total: counted.length, up: states.up ?? 0, states };
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

/**
 * The newest run on the branch that belongs to the surface: its workflow file, and/or a commit touching its
 * paths. One repository-wide list serves every surface of a repository per sweep (fewer calls, no rate
 * limits); a workflow missing from it is looked up by its own endpoint.
 */
async function findBuild(surface: Surface, ctx: CallContext): Promise<SurfaceProbe["build"]> {
  const b = surface.builds!;
  const repo = b.repo ?? ctx.settings.defaultRepo;
  if (!repo)
    throw new InputError("repository", `is needed for the builds of ${surface.id} (or set builds.repo)`);
  const port = ctx.ports.builds!(repo);
  const memo = <T>(map: Map<string, Promise<T>>, key: string, fn: () => Promise<T>): Promise<T> => {
    let p = map.get(key);
    if (!p) {
      p = withRetry(fn);
      map.set(key, p);
    }
    return p;
  };
  const all = await memo(ctx.runsMemo, `${repo}@${b.branch}`, () =>
    port.listRuns({ branch: b.branch, perPage: 100 }),
  );
  let candidates = b.workflow ? all.filter((r) => runMatchesWorkflow(r, b.workflow!)) : all;
  if (b.workflow && candidates.length === 0)
    candidates = await memo(ctx.runsMemo, `${repo}@${b.branch}#${b.workflow}`, () =>
      port.listRuns({
        branch: b.branch,
        workflow: b.workflow!.replace(/^\.github\/workflows\//, ""),
        perPage: 10,
      }),
    );
  if (b.paths.length === 0) return candidates[0] ? buildInfoFromRun(candidates[0]) : null;
  for (const run of candidates.slice(0, 10)) {
    const files = await memo(ctx.filesMemo, `${repo}@${run.head_sha}`, () => port.commitFiles(run.head_sha));
    if (files.some((f) => b.paths.some((g) => pathMatches(f, g)))) return buildInfoFromRun(run);
  }
  return null;
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

export interface IncidentAction {
  id: string;
  issue: number;
  url?: string;
  action: "opened" | "closed";
}

export interface SweepResult {
  doc: StatusDocument;
  verdicts: Verdict[];
  alerts: Alert[];
  changes: Change[];
  incidents: IncidentAction[];
  gap?: SweepGap;
  degradedVendors: Vendor[];
  rows: number;
  calls: number;
  durationMs: number;
  summary: string;
  page: string;
  /** Things that went wrong around the sweep (memory, issues, Slack), already warned about. */
  notes: string[];
  /** False when the memory (Postgres) could not be used. */
  remembered: boolean;
}

/** The poll rows of a sweep: one per call made (calls skipped after a rate limit are not calls). */
export function pollRowsOf(probes: SurfaceProbe[], sweepAt: Date): PollRow[] {
  return probes.flatMap((p) =>
    p.calls
      .filter((c) => !c.skipped)
      .map((c) => ({
        surface_id: p.id,
        probe_ok: c.ok,
        latency_ms: Math.round(c.latencyMs),
        status_code: c.statusCode,
        vendor_call: c.call,
        error_msg: c.ok ? null : c.error,
        polled_at: sweepAt,
      })),
  );
}

/** Classifies, remembers, alerts and renders: the finish of a sweep, from one batch or from every shard's. */
export async function finishSweep(
  registry: Registry,
  batches: ProbeBatch[],
  settings: SweepSettings,
  ports: SweepPorts,
): Promise<SweepResult> {
  const clock = ports.clock ?? systemClock;
  const reporter = ports.reporter ?? silentReporter;
  const surfaces = activeSurfaces(registry);
  const probes = new Map<string, SurfaceProbe>();
  for (const b of batches) for (const p of b.probes) probes.set(p.id, p);
  const shards = batches[0]?.shard.total ?? 1;
  const seen = new Set(batches.map((b) => b.shard.index));
  const notes: string[] = [];
  const lost = new Set<number>();
  for (let i = 0; i < shards; i++)
    if (!seen.has(i)) {
      lost.add(i);
      notes.push(`shard ${i + 1}/${shards} produced no results: its surfaces are unknown`);
    }
  const shardIndex = new Map(surfaces.map((s, i) => [s.id, i % shards]));
  const startedAt = new Date(
    Math.min(
      ...batches.map((b) => Date.parse(b.startedAt)).filter((n) => !Number.isNaN(n)),
      clock.now().getTime(),
    ),
  );
  const finishedAt = Math.max(
    ...batches.map((b) => Date.parse(b.finishedAt)).filter((n) => !Number.isNaN(n)),
    0,
  );
  const rows = pollRowsOf([...probes.values()], startedAt);
  const calls = [...probes.values()].reduce((n, p) => n + p.calls.length, 0);
  const now = clock.now();

  let verdicts: Verdict[] = [];
  let changes: Change[] = [];
  const incidents: IncidentAction[] = [];
  let gap: SweepGap | undefined;
  let degraded: { vendor: Vendor; failures: number }[] = [];
  let sparks = new Map<string, (SparkBucket | null)[]>();
  let remembered = false;
  const classifyAll = (memory: Map<string, SurfaceMemory>) =>
    surfaces.map((s) =>
      classify(
        s,
        probes.get(s.id),
        memory.get(s.id)?.site ?? undefined,
        now,
        lost.has(shardIndex.get(s.id) ?? 0) ? "its shard produced no results" : undefined,
      ),
    );

  if (ports.db) {
    try {
      await insertPollRows(ports.db, rows);
      degraded = degradedVendors(await vendorHistory(ports.db));
      await withSweepLock(ports.db, async (client) => {
        gap = sweepGap(await previousSweepAt(client), startedAt, settings.expectedIntervalMs);
        await recordSweep(client, { startedAt, surfaces: surfaces.length, calls, shards });
        const memory = await loadSurfaceMemory(
          client,
          surfaces.map((s) => s.id),
        );
        verdicts = classifyAll(memory);
        const t = decideTransitions(verdicts, memory, now);
        // A surface inside a maintenance window opens no incident.
        t.open = t.open.filter(
          (v) => !activeMaintenance(registry.maintenance ?? [], v.site.id, now.getTime()),
        );
        changes = t.changes;
        const next = new Map(t.next.map((m) => [m.surfaceId, m]));
        await handleIncidents(t, next, settings, ports, now, incidents, notes, reporter);
        await postChanges(
          ports.notify,
          renderSlackChanges(changes, gap, settings.runUrl),
          changes.length,
          notes,
        );
        await saveSurfaceMemory(client, [...next.values()]);
      });
      // The console's records beside the poll log; a database without them (not migrated) only loses those.
      try {
        await recordIssues(ports.db, incidents, now);
        await recordSeen(
          ports.db,
          verdicts.map((v) => v.site),
          now,
        );
      } catch (err) {
        notes.push(`Console history not recorded: ${safeDbMessage(err)}`);
      }
      sparks = await sparklines(
        ports.db,
        surfaces.flatMap((s) => {
          const call = livenessCall(s);
          return call ? [{ surfaceId: s.id, call }] : [];
        }),
        now,
      );
      remembered = true;
    } catch (err) {
      notes.push(
        `Postgres memory unavailable: ${safeDbMessage(err)}; nothing was logged and no alert was sent`,
      );
    }
  } else if (ports.memoryError) {
    notes.push(`Postgres memory unavailable: ${ports.memoryError}; nothing was logged and no alert was sent`);
  } else {
    notes.push("No database: the poll log, change alerts and sparklines are off");
  }
  if (!remembered) verdicts = classifyAll(new Map());
  for (const n of notes) reporter.warning(n);

  const sites = verdicts.map((v) => v.site);
  const doc = buildStatusDocument(
    sites,
    degraded.map((d) => d.vendor),
    now,
  );
  const alerts = buildAlerts({ verdicts, degraded, gap, now });
  const durationMs = Math.max(0, (finishedAt || now.getTime()) - startedAt.getTime());
  const summary = renderSweepSummary({ doc, alerts, changes, incidents, now, durationMs, calls, notes });
  const page = renderStatusPage({ doc, alerts, sparklines: sparks, now, title: settings.pageTitle });
  return {
    doc,
    verdicts,
    alerts,
    changes,
    incidents,
    gap,
    degradedVendors: doc.degraded_vendors,
    rows: remembered ? rows.length : 0,
    calls,
    durationMs,
    summary,
    page,
    notes,
    remembered,
  };
}

async function handleIncidents(
  t: ReturnType<typeof decideTransitions>,
  next: Map<string, SurfaceMemory>,
  settings: SweepSettings,
  ports: SweepPorts,
  now: Date,
  incidents: IncidentAction[],
  notes: string[],
  reporter: Reporter,
): Promise<void> {
  const port = ports.incidents;
  if (!port || (t.open.length === 0 && t.close.length === 0)) return;
  const openIssue = issueOpener(port, settings.incidentLabel);
  for (const v of t.open) {
    const id = v.site.id;
    try {
      const { issue, adopted } = await openIssue(
        incidentMarker(id),
        incidentTitle(v.site),
        incidentBody(v, now, settings.runUrl),
      );
      const m = next.get(id);
      if (m) {
        m.incidentIssue = issue.number;
        m.incidentSince = now.toISOString();
      }
      if (!adopted) incidents.push({ id, issue: issue.number, url: issue.html_url, action: "opened" });
      reporter.info(`${adopted ? "Adopted" : "Opened"} incident #${issue.number} for ${id}`);
    } catch (err) {
      notes.push(`Could not open the incident issue for ${id}: ${describeError(err)}`);
    }
  }
  for (const c of t.close) {
    try {
      await port.comment(c.issue, recoveryComment(c.id, c.durationMs, now, settings.runUrl));
      await port.close(c.issue);
      incidents.push({ id: c.id, issue: c.issue, action: "closed" });
      reporter.info(`Closed incident #${c.issue} for ${c.id}`);
    } catch (err) {
      const m = next.get(c.id);
      if (m) {
        m.incidentIssue = c.issue;
        m.incidentSince = c.since;
      }
      notes.push(`Could not close incident #${c.issue} for ${c.id}: ${describeError(err)}`);
    }
  }
}

/** A whole sweep in one process: probe every surface, then finish. */
export async function runStatusSweep(
  registry: Registry,
  settings: SweepSettings,
  ports: SweepPorts,
): Promise<SweepResult & { batch: ProbeBatch }> {
  const batch = await probeSurfaces(registry, { ...settings, shard: undefined }, ports);
  const result = await finishSweep(registry, [batch], settings, ports);
  return { ...result, batch };
}

/** Writes status.json and the page (index.html in `pageDir`); returns the paths written. */
export function writeSweepFiles(
  result: Pick<SweepResult, "doc" | "page">,
  where: { statusJson?: string; pageDir?: string },
): { statusJson?: string; page?: string } {
  const out: { statusJson?: string; page?: string } = {};
  if (where.statusJson) {
    mkdirSync(dirname(where.statusJson), { recursive: true });
    writeFileSync(where.statusJson, `${JSON.stringify(result.doc, null, 2)}\n`);
    out.statusJson = where.statusJson;
  }
  if (where.pageDir) {
    mkdirSync(where.pageDir, { recursive: true });
    out.page = join(where.pageDir, "index.html");
    writeFileSync(out.page, result.page);
  }
  return out;
}

// ---- adapters from the vendor clients to the sweep's ports ----

/** Builds from GitHub Actions: one client per repository. */
export function githubBuildsPort(client: (repository: string) => GitHubClient): (repo: string) => BuildsPort {
  const clients = new Map<string, BuildsPort>();
  return (repo) => {
    let port = clients.get(repo);
    if (!port) {
      const c = client(repo);
      port = {
        listRuns: (q) => c.listWorkflowRuns(q),
        commitFiles: async (sha) => ((await c.findCommit(sha))?.files ?? []).map((f) => f.filename),
      };
      clients.set(repo, port);
    }
    return port;
  };
}
