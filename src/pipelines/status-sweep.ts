import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { activeMaintenance } from "../core/console/maintenance.js";
import { describeError } from "../core/errors.js";
import { type Reporter, silentReporter, systemClock } from "../core/ports.js";
import { activeSurfaces, type Registry } from "../core/registry.js";
import {
  type Alert,
  buildAlerts,
  buildStatusDocument,
  type Change,
  classify,
  decideTransitions,
  degradedVendors,
  incidentBody,
  incidentMarker,
  incidentTitle,
  livenessCall,
  recoveryComment,
  renderSlackChanges,
  renderStatusPage,
  renderSweepSummary,
  type SparkBucket,
  type StatusDocument,
  type SurfaceMemory,
  type SurfaceProbe,
  type SweepGap,
  sweepGap,
  type Vendor,
  type Verdict,
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
import { recordIssues, recordSeen } from "../store/sweep-records.js";
import { issueOpener, postChanges } from "./alerts.js";
import { type ProbeBatch, probeSurfaces, type SweepPorts, type SweepSettings } from "./status-sweep-probe.js";

/**
 * The status sweep: probe every surface of the registry concurrently (a bounded pool of vendor calls, each
 * cut at its timeout, the whole run at a deadline), log every call to console_poll_log in one statement,
 * classify each surface against its previous state, alert on change only (one incident issue per surface,
 * Slack), and render the summary, status.json and the status page. The probe phase and the finish phase
 * are separate so that shards (matrix jobs) can probe and one job can finish.
 */

export {
  checkPorts,
  DEFAULT_SWEEP_SETTINGS,
  type ProbeBatch,
  probeSurfaces,
  type SweepPorts,
  type SweepSettings,
} from "./status-sweep-probe.js";

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
