import { type AuditRecord, type AuditTrigger, buildAuditRecord } from "../core/audit.js";
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
  reconcileJob,
  renderRotationSummary,
  renderSecretSlack,
  rotatedByFromJobs,
  rotationDue,
  type SecretChange,
  type SecretMemory,
  type SecretMeta,
  type SecretMetadata,
  secretIssueBody,
  secretIssueComment,
  secretIssueMarker,
  secretIssueTitle,
} from "../core/rotation.js";
import { KILL_SWITCH, killSwitchOn, type RotationOutcome, readState } from "../core/rotation-executor.js";
import type { Inventory, InventorySecret } from "../core/secret-inventory.js";
import { type IncidentPort, issueOpener, type NotifyPort, postChanges } from "./alerts.js";
import { runPool } from "./pool.js";
import type { ExecutorPorts } from "./rotation-executor.js";
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
  let revokes: RevokeRecord[] = [];
  if (settings.dispatch && ports.executor) {
    if (killSwitchOn(ports.env ?? {})) notes.push(`${KILL_SWITCH}=1: no old credential was revoked`);
    else
      try {
        const { revokeDue } = await import("./rotation-revoke.js");
        revokes = await revokeDue(
          inventory,
          { ...settings, auditTrigger: settings.trigger },
          ports.executor,
          clock,
          reporter,
          notes,
        );
      } catch (err) {
        notes.push(`old credentials due for revocation were not revoked: ${describeError(err)}`);
      }
  }

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
  if (secret.rotate && settings.dispatch && ports.executor) {
    const evaluated = evaluateSecret(secret, metadata, now, { activeJob: active });
    const resume = !!active && !!readState(active.steps);
    if (!resume && !rotationDue(evaluated.status)) return { evaluated };
    const pending = history.find((j) => j.status === "completed" && j.revokeAt);
    if (!resume && pending)
      return {
        evaluated,
        record: {
          secret: secret.name,
          outcome: "waiting",
          job_id: pending.id,
          detail: `rotated; its old credential is revoked at ${pending.revokeAt!.toISOString()}`,
        },
      };
    if (killSwitchOn(ports.env ?? {}))
      return {
        evaluated,
        record: { secret: secret.name, outcome: "skipped", detail: `${KILL_SWITCH}=1: rotation is disabled` },
      };
    // The executor loads only when a secret is rotated in-process.
    const { runRotation } = await import("./rotation-executor.js");
    const outcome = await runRotation(
      secret,
      {
        trigger: "scheduled",
        compromised: false,
        actor: settings.actor,
        runId: settings.runId,
        runAttempt: settings.runAttempt,
        runUrl: settings.runUrl,
        auditTrigger: settings.trigger,
        env: ports.env ?? {},
      },
      ports.executor,
    );
    return { evaluated, record: executorRecord(outcome) };
  }
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

function executorRecord(o: RotationOutcome): DispatchRecord {
  return {
    secret: o.secret,
    outcome: o.status === "rotated" ? "dispatched" : o.status === "busy" ? "already-rotating" : "failed",
    ...(o.jobId ? { job_id: o.jobId } : {}),
    detail:
      o.status === "rotated"
        ? `rotated in-process${o.revokeAt ? `; old credential revoked at ${o.revokeAt}` : ""}`
        : (o.error ?? "another run is rotating it"),
  };
}

/** Moves an active job on from what the secret and its workflow run show. Returns the job if it changed. */
async function reconcile(
  job: RotationJob,
  secret: InventorySecret,
  metadata: SecretMetadata,
  now: Date,
  settings: RotationSweepSettings,
  ports: RotationSweepPorts,
  reporter: Reporter,
): Promise<RotationJob | undefined> {
  const steps = job.steps ?? {};
  const runId = typeof steps.run_id === "number" ? steps.run_id : undefined;
  const repository = typeof steps.repository === "string" ? steps.repository : undefined;
  let run: RunState | undefined;
  if (runId !== undefined && repository && ports.workflows) {
    try {
      run = await ports.workflows(repository).getWorkflowRun(runId);
    } catch (err) {
      reporter.warning(`${secret.name}: could not read rotation run ${runId}: ${describeError(err)}`);
    }
  }
  const update = reconcileJob(
    job,
    { lastRotatedAt: metadata.lastRotatedAt, run },
    now,
    settings.jobTimeoutMs,
  );
  if (!update) return undefined;
  const moved = await ports.jobs!.update(job.id, {
    status: update.status,
    errorMsg: update.errorMsg,
    at: now,
    ...(run ? { steps: { run_status: run.status, run_conclusion: run.conclusion } } : {}),
  });
  if (!moved) return undefined;
  reporter.info(
    `${secret.name}: rotation job ${job.id} is ${moved.status}${update.errorMsg ? ` (${update.errorMsg})` : ""}`,
  );
  if (moved.status === "completed" && ports.audit) {
    await writeAudit(ports.audit, "secret.rotate.completed", moved, settings, now, "completed").catch((err) =>
      reporter.warning(
        `${secret.name}: the secret.rotate.completed audit row was not written: ${describeError(err)}`,
      ),
    );
  }
  return moved;
}

/**
 * Creates the job (the database refuses a second active one), writes `secret.rotate.triggered` before the
 * dispatch (no row, no dispatch), then dispatches the workflow with `secret_name` and `job_id`.
 */
async function dispatch(
  secret: InventorySecret,
  attempt: number,
  now: Date,
  settings: RotationSweepSettings,
  ports: RotationSweepPorts,
  reporter: Reporter,
): Promise<DispatchRecord> {
  const workflow = secret.policy.rotationWorkflow!;
  const repository = secret.repository ?? settings.repository;
  const base: DispatchRecord = { secret: secret.name, outcome: "dispatched", workflow, attempt, repository };
  if (!repository)
    return {
      ...base,
      outcome: "failed",
      detail: "no repository to dispatch in: set GITHUB_REPOSITORY or the secret's repository",
    };
  const job = await ports.jobs!.create({
    secretName: secret.name,
    triggeredBy: settings.actor,
    triggeredAt: now,
    steps: { workflow, repository, attempt, ...(settings.runUrl ? { sweep_run_url: settings.runUrl } : {}) },
  });
  if (!job) return { ...base, outcome: "already-rotating", detail: "another sweep created the job first" };
  const fail = async (why: string): Promise<DispatchRecord> => {
    await ports.jobs!.update(job.id, { status: "failed", errorMsg: why, at: now });
    reporter.warning(`${secret.name}: rotation job ${job.id} failed: ${why}`);
    return { ...base, outcome: "failed", job_id: job.id, detail: why };
  };
  try {
    await writeAudit(ports.audit!, "secret.rotate.triggered", job, settings, now, "started");
  } catch (err) {
    return fail(
      `the secret.rotate.triggered audit row could not be written, so nothing was dispatched: ${describeError(err)}`,
    );
  }
  let result: DispatchResult;
  try {
    result = await ports.workflows!(repository).dispatchWorkflow(workflow, settings.ref, {
      secret_name: secret.name,
      job_id: job.id,
    });
  } catch (err) {
    return fail(`dispatch of ${workflow} in ${repository} failed: ${describeError(err)}`);
  }
  await ports.jobs!.update(job.id, {
    status: "queued",
    at: now,
    steps: {
      ...(result.runId !== undefined ? { run_id: result.runId } : {}),
      ...(result.htmlUrl ? { run_url: result.htmlUrl } : {}),
    },
  });
  reporter.info(
    `${secret.name}: dispatched ${workflow} in ${repository} as job ${job.id} (attempt ${attempt})`,
  );
  return { ...base, job_id: job.id, ...(result.htmlUrl ? { run_url: result.htmlUrl } : {}) };
}

type AuditSettings = Pick<RotationSweepSettings, "actor" | "runId" | "runAttempt" | "runUrl" | "trigger">;

function writeAudit(
  audit: AuditPort,
  action: string,
  job: RotationJob,
  settings: AuditSettings,
  now: Date,
  phase: "started" | "completed",
) {
  const record = buildAuditRecord({
    action,
    phase,
    ...(phase === "completed" ? { outcome: "success" as const } : {}),
    actor: settings.actor,
    target: job.secretName,
    trigger: settings.trigger,
    runUrl: settings.runUrl,
    runId: settings.runId,
    runAttempt: settings.runAttempt,
    context: { secret_name: job.secretName, job_id: job.id },
    createdAt: now,
  });
  // One row per job and phase, whichever run writes it.
  return audit.write({ ...record, idempotencyKey: `secret.rotate:${job.id}:${phase}` });
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

/**
 * The other end of a dispatch: the rotation workflow reports its job's outcome (the rotation-sweep action
 * with `job-id`, or `prodgate sweep secrets --job`). A completed job gets its `secret.rotate.completed` row.
 */
export async function recordJobOutcome(
  jobId: string,
  outcome: { status: JobStatus; error?: string },
  settings: AuditSettings,
  ports: { jobs: Pick<JobsPort, "update">; audit?: AuditPort; clock?: Clock },
): Promise<RotationJob | undefined> {
  if (!/^rot_[a-z0-9]+$/.test(jobId))
    throw new InputError("job-id", `must be a rotation job id like rot_1a2b3c4d5e6f; got '${jobId}'`);
  const now = (ports.clock ?? systemClock).now();
  const job = await ports.jobs.update(jobId, {
    status: outcome.status,
    errorMsg: outcome.error,
    at: now,
    ...(settings.runUrl ? { steps: { rotation_run_url: settings.runUrl } } : {}),
  });
  if (job?.status === "completed" && ports.audit)
    await writeAudit(ports.audit, "secret.rotate.completed", job, settings, now, "completed");
  return job;
}
