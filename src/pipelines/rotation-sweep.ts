import type { AuditRecord, AuditTrigger } from "../core/audit.js";
import { describeError, InputError } from "../core/errors.js";
import { type Clock, type Reporter, silentReporter, systemClock } from "../core/ports.js";
import {
  ACTIVE_JOB_STATUSES,
  countStatuses,
  type DispatchRecord,
  decideDispatch,
  decideSecretTransitions,
  evaluateSecret,
  formatSecretLine,
  type JobStatus,
  type RotationJob,
  type RotationReport,
  type RunState,
  renderRotationSummary,
  renderSecretSlack,
  rotatedByFromJobs,
  type SecretChange,
  type SecretMemory,
  type SecretMeta,
  type SecretMetadata,
  secretIssueBody,
  secretIssueComment,
  secretIssueMarker,
  secretIssueTitle,
} from "../core/rotation.js";
import { readState } from "../core/rotation-executor.js";
import type { Inventory, InventorySecret } from "../core/secret-inventory.js";
import { type IncidentPort, issueOpener, type NotifyPort, postChanges } from "./alerts.js";
import { runPool } from "./pool.js";
import { dispatch, reconcile } from "./rotation-dispatch.js";
import type { ExecutorPorts } from "./rotation-executor.js";
import { revokeDueOld, rotateInProcess } from "./rotation-in-process.js";
import type { RevokeRecord } from "./rotation-revoke.js";

/**
 * The rotation-expiry sweep (seeds 000 §4.3/§4.5, 004 §6): read every inventory secret's metadata from its
 * source, move known rotation jobs on, classify each secret, dispatch the rotation workflow of those inside
 * their rotate-before window (one job at a time per secret, audited before the dispatch), and alert on
 * change with the status sweep's ports: one issue per secret that needs action, Slack on change.
 */

export interface MetadataPort {
  read(secret: InventorySecret): Promise<SecretMetadata>;
}

export interface DispatchResult {
  runId?: number;
  runUrl?: string;
  htmlUrl?: string;
}

/** The workflows of one repository. */
export interface WorkflowPort {
  /** POST .../actions/workflows/{file}/dispatches on `ref` (the default branch when undefined). */
  dispatchWorkflow(
    workflow: string,
    ref: string | undefined,
    inputs: Record<string, string>,
  ): Promise<DispatchResult>;
  getWorkflowRun(runId: number): Promise<RunState>;
}

export interface JobsPort {
  create(job: {
    secretName: string;
    triggeredBy: string;
    triggeredAt: Date;
    steps?: Record<string, unknown>;
  }): Promise<RotationJob | undefined>;
  update(
    id: string,
    change: { status: JobStatus; errorMsg?: string; steps?: Record<string, unknown>; at: Date },
  ): Promise<RotationJob | undefined>;
  history(secretName: string, limit?: number): Promise<RotationJob[]>;
  withMemory<T>(
    fn: (memory: {
      load(names: string[]): Promise<Map<string, SecretMemory>>;
      save(rows: SecretMemory[]): Promise<void>;
    }) => Promise<T>,
  ): Promise<T>;
}

export interface AuditPort {
  write(record: AuditRecord): Promise<{ id: string; duplicate: boolean }>;
}

export interface RotationSweepSettings {
  /** Dispatch rotation workflows of secrets inside their window (needs jobs, audit and workflows). */
  dispatch: boolean;
  /** A queued or running job with no result after this long is failed. Default 24 h. */
  jobTimeoutMs: number;
  /** Source reads in flight at once. */
  concurrency: number;
  issueLabel: string;
  /** Who triggers jobs (triggered_by) and audit rows (actor). */
  actor: string;
  runId: string;
  runAttempt: number;
  runUrl?: string;
  trigger: AuditTrigger;
  /** The repository the sweep runs in (owner/name): rotation workflows live here unless a secret names one. */
  repository?: string;
  /** Ref dispatched on; default: each repository's default branch. */
  ref?: string;
}

export const DEFAULT_ROTATION_SETTINGS: Pick<
  RotationSweepSettings,
  "dispatch" | "jobTimeoutMs" | "concurrency" | "issueLabel" | "trigger" | "runAttempt"
> = {
  dispatch: false,
  jobTimeoutMs: 24 * 3_600_000,
  concurrency: 8,
  issueLabel: "prodgate:secret",
  trigger: "ci",
  runAttempt: 1,
};

export interface RotationSweepPorts {
  reporter?: Reporter;
  clock?: Clock;
  metadata: MetadataPort;
  /** Postgres (console_rotation_jobs and the secrets' memory); without it no job, no dispatch, no alert. */
  jobs?: JobsPort;
  audit?: AuditPort;
  workflows?: (repository: string) => WorkflowPort;
  incidents?: IncidentPort;
  notify?: NotifyPort;
  /** Where the operator console reads the secrets from (metadata only): saved after every sweep. */
  console?: { saveSecrets(report: RotationReport): Promise<void> };
  /**
   * The rotation executor: with dispatch, secrets with a rotate: block are rotated in this process when due
   * (an interrupted job is resumed), and old credentials whose grace period ended are revoked.
   */
  executor?: ExecutorPorts;
  /** Where the kill switch (ROTATION_PIPELINE_DISABLED) is read. */
  env?: Record<string, string | undefined>;
}

export interface IssueAction {
  secret: string;
  issue: number;
  url?: string;
  action: "opened" | "commented" | "closed";
}

export interface RotationSweepResult {
  report: RotationReport;
  summary: string;
  changes: SecretChange[];
  issues: IssueAction[];
  /** Things that went wrong around the sweep (memory, issues, Slack, dispatch), already warned about. */
  notes: string[];
  /** Old credentials revoked (or warned about) by this sweep. */
  revokes: RevokeRecord[];
}

export async function runRotationSweep(
  inventory: Inventory,
  settings: RotationSweepSettings,
  ports: RotationSweepPorts,
): Promise<RotationSweepResult> {
  const clock = ports.clock ?? systemClock;
  const reporter = ports.reporter ?? silentReporter;
  const notes: string[] = [];
  if (settings.dispatch) {
    if (!ports.jobs || !ports.audit)
      throw new InputError(
        "database-url",
        "is required with dispatch: true (rotation jobs and audit rows live there)",
      );
    if (!ports.workflows) throw new InputError("github-token", "is required with dispatch: true");
  }

  const now = clock.now();
  const outcomes = await runPool(inventory.secrets, { concurrency: settings.concurrency }, (s) =>
    ports.metadata.read(s),
  );
  const metadata = outcomes.map((o) =>
    o.status === "fulfilled"
      ? o.value
      : { error: o.status === "rejected" ? describeError(o.reason) : "not read" },
  );

  const secrets: SecretMeta[] = [];
  const dispatches: DispatchRecord[] = [];
  for (const [i, secret] of inventory.secrets.entries()) {
    const meta = metadata[i] ?? {};
    try {
      const { evaluated, record } = await handleSecret(secret, meta, now, settings, ports, reporter);
      secrets.push(evaluated);
      if (record) dispatches.push(record);
    } catch (err) {
      const message = describeError(err);
      notes.push(`${secret.name}: rotation jobs unavailable: ${message}`);
      secrets.push(evaluateSecret(secret, meta, now));
    }
  }
  for (const s of secrets) reporter.info(formatSecretLine(s));
  const revokes =
    settings.dispatch && ports.executor
      ? await revokeDueOld(
          inventory,
          settings,
          { ...ports, executor: ports.executor },
          clock,
          reporter,
          notes,
        )
      : [];

  let changes: SecretChange[] = [];
  const issues: IssueAction[] = [];
  if (ports.jobs) {
    try {
      await ports.jobs.withMemory(async (memory) => {
        const previous = await memory.load(secrets.map((s) => s.name));
        const t = decideSecretTransitions(secrets, previous, now);
        changes = t.changes;
        const next = new Map(t.next.map((m) => [m.name, m]));
        await handleIssues(t, next, settings, ports, now, issues, notes, reporter);
        await postChanges(ports.notify, renderSecretSlack(changes, settings.runUrl), changes.length, notes);
        await memory.save([...next.values()]);
      });
    } catch (err) {
      notes.push(`Postgres memory unavailable: ${describeError(err)}; no issue or Slack alert was sent`);
    }
  } else {
    notes.push("No database: rotation jobs, dispatch and alerts on change are off");
  }
  for (const n of notes) reporter.warning(n);

  const report: RotationReport = {
    fetched_at: now.toISOString(),
    counts: countStatuses(secrets),
    secrets,
    dispatches,
  };
  if (ports.console)
    try {
      await ports.console.saveSecrets(report);
    } catch (err) {
      const note = `The console's copy of the secrets' metadata was not saved: ${describeError(err)}`;
      notes.push(note);
      reporter.warning(note);
    }
  let summary = renderRotationSummary(report);
  if (revokes.length)
    summary += `\n### Old credentials\n\n| Secret | Job | Outcome | Revoke at |\n|---|---|---|---|\n${revokes
      .map((r) => `| \`${r.secret}\` | \`${r.job_id}\` | ${r.outcome} | ${r.revoke_at} |`)
      .join("\n")}\n`;
  return { report, summary, changes, issues, notes, revokes };
}

async function handleSecret(
  secret: InventorySecret,
  metadata: SecretMetadata,
  now: Date,
  settings: RotationSweepSettings,
  ports: RotationSweepPorts,
  reporter: Reporter,
): Promise<{ evaluated: SecretMeta; record?: DispatchRecord }> {
  const jobs = ports.jobs;
  if (!jobs) return { evaluated: evaluateSecret(secret, metadata, now) };
  let history = await jobs.history(secret.name);
  const active = history.find((j) => ACTIVE_JOB_STATUSES.includes(j.status));
  if (secret.rotate && settings.dispatch && ports.executor)
    return rotateInProcess(
      secret,
      metadata,
      history,
      now,
      settings,
      { ...ports, executor: ports.executor },
      reporter,
    );
  if (active && !readState(active.steps)) {
    const moved = await reconcile(active, secret, metadata, now, settings, ports, reporter);
    if (moved) history = history.map((j) => (j.id === moved.id ? moved : j));
  }
  const current = history.find((j) => ACTIVE_JOB_STATUSES.includes(j.status));
  const opts = {
    activeJob: current,
    rotatedBy: rotatedByFromJobs(metadata.lastRotatedAt, history),
  };
  const evaluated = evaluateSecret(secret, metadata, now, opts);
  if (!settings.dispatch || current) return { evaluated };
  // Decide on what the secret would be without a job: rotation is due when it is expiring or expired.
  const decision = decideDispatch(evaluated, secret.policy, history, now);
  const base = { secret: secret.name, workflow: secret.policy.rotationWorkflow };
  switch (decision.kind) {
    case "skip":
      return { evaluated };
    case "wait":
      return {
        evaluated,
        record: {
          ...base,
          outcome: "waiting",
          attempt: decision.attempt,
          detail: `retry after ${decision.until.toISOString()}`,
        },
      };
    case "give-up":
      return { evaluated, record: { ...base, outcome: "gave-up", detail: decision.reason } };
    case "dispatch": {
      const record = await dispatch(secret, decision.attempt, now, settings, ports, reporter);
      const after = await jobs.history(secret.name);
      const job = after.find((j) => ACTIVE_JOB_STATUSES.includes(j.status));
      return { evaluated: evaluateSecret(secret, metadata, now, { ...opts, activeJob: job }), record };
    }
  }
}

async function handleIssues(
  t: ReturnType<typeof decideSecretTransitions>,
  next: Map<string, SecretMemory>,
  settings: RotationSweepSettings,
  ports: RotationSweepPorts,
  now: Date,
  issues: IssueAction[],
  notes: string[],
  reporter: Reporter,
): Promise<void> {
  const port = ports.incidents;
  if (!port || (t.open.length === 0 && t.close.length === 0 && t.update.length === 0)) return;
  const openIssue = issueOpener(port, settings.issueLabel);
  for (const meta of t.open) {
    try {
      const { issue, adopted } = await openIssue(
        secretIssueMarker(meta.name),
        secretIssueTitle(meta),
        secretIssueBody(meta, now, settings.runUrl),
      );
      const m = next.get(meta.name);
      if (m) m.issue = issue.number;
      if (!adopted)
        issues.push({ secret: meta.name, issue: issue.number, url: issue.html_url, action: "opened" });
      reporter.info(`${adopted ? "Adopted" : "Opened"} issue #${issue.number} for ${meta.name}`);
    } catch (err) {
      notes.push(`Could not open the issue for ${meta.name}: ${describeError(err)}`);
    }
  }
  for (const u of t.update) {
    try {
      await port.comment(u.issue, secretIssueComment(u.meta, u.from, now, settings.runUrl));
      issues.push({ secret: u.meta.name, issue: u.issue, action: "commented" });
    } catch (err) {
      notes.push(`Could not comment on issue #${u.issue} for ${u.meta.name}: ${describeError(err)}`);
    }
  }
  for (const c of t.close) {
    try {
      await port.comment(c.issue, secretIssueComment(c.meta, null, now, settings.runUrl));
      await port.close(c.issue);
      issues.push({ secret: c.meta.name, issue: c.issue, action: "closed" });
      reporter.info(`Closed issue #${c.issue} for ${c.meta.name}`);
    } catch (err) {
      const m = next.get(c.meta.name);
      if (m) m.issue = c.issue;
      notes.push(`Could not close issue #${c.issue} for ${c.meta.name}: ${describeError(err)}`);
    }
  }
}
