/**
 * Rotation evaluation: what state a secret is in (seed 000 §4.3 SecretMeta), whether its rotation workflow
 * should be dispatched now, and what a running job has become. Pure: metadata, policy and `now` go in, data
 * comes out. No secret value ever passes through here; only names, dates and statuses.
 */

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;

export type SecretStatus = "healthy" | "stale" | "expiring_soon" | "expired" | "rotating" | "unknown";
export const SECRET_STATUSES: readonly SecretStatus[] = [
  "healthy",
  "stale",
  "expiring_soon",
  "expired",
  "rotating",
  "unknown",
];

export type FailureStrategy = "retry" | "alert";

/** A rotation policy as data (seed 004 §6.3), durations in milliseconds. */
export interface RotationPolicy {
  /** Maximum lifetime: when no expiry is known, last rotation + ttl is the expiry. */
  ttlMs?: number;
  /** Safety window before expiry in which rotation is due. */
  rotateBeforeMs: number;
  cadenceDays: number;
  revokeOld: boolean;
  /** Allowed validity overlap of old and new credential (the grace period before the old one is revoked). */
  maxOverlapMs: number;
  failureStrategy: FailureStrategy;
  /** Workflow file dispatched to rotate the secret. */
  rotationWorkflow?: string;
  /** First wait before a failed rotation is dispatched again; doubled for each further failure. */
  retryBackoffMs: number;
  /** Rotation attempts (first dispatch included) before the sweep stops retrying and only alerts. */
  maxAttempts: number;
}

/** What a source found out about a secret. Dates only: a source never hands back a value. */
export interface SecretMetadata {
  lastRotatedAt?: Date;
  expiresAt?: Date;
  /** A vendor's own verdict on the credential (Cloudflare token verify). */
  vendorState?: "active" | "disabled" | "expired";
  /** Facts worth showing (e.g. "no companion X__EXPIRES_AT: expiry unknown"). */
  notes?: string[];
  /** The source could not be read; the secret is `unknown`. */
  error?: string;
}

export type JobStatus = "queued" | "running" | "completed" | "failed";
export const ACTIVE_JOB_STATUSES: readonly JobStatus[] = ["queued", "running"];

export interface RotationJob {
  id: string;
  secretName: string;
  triggeredBy: string;
  triggeredAt: Date;
  status: JobStatus;
  steps: Record<string, unknown> | null;
  completedAt: Date | null;
  errorMsg: string | null;
  /** Executor jobs: when the old credential is due to be revoked (null once revoked or when none is). */
  revokeAt?: Date | null;
}

/** The subject of an evaluation: an inventory entry's identity and policy. */
export interface SecretSubject {
  name: string;
  vendor: string;
  affectedSites: string[];
  source: string;
  policy: RotationPolicy;
}

/** Seed 000 §4.3, in the snake_case the report carries, plus what the sweep adds. */
export interface SecretMeta {
  name: string;
  vendor: string;
  source: string;
  affected_sites: string[];
  last_rotated_at: string | null;
  rotated_by: string | null;
  expires_at: string | null;
  /** Where expires_at came from: the vendor/inventory, or last rotation + ttl. */
  expires_at_basis: "known" | "ttl" | null;
  suggested_cadence_days: number;
  status: SecretStatus;
  days_since_rotation: number | null;
  /** Whole days until expiry (0 = within the next 24 hours; negative once expired). */
  days_until_expiry: number | null;
  rotate_before_days: number;
  over_cadence: boolean;
  job: { id: string; status: JobStatus; triggered_at: string } | null;
  notes: string[];
  error: string | null;
}

export interface EvaluateOptions {
  /** A queued or running rotation job of this secret. */
  activeJob?: RotationJob;
  /** 'automated' or an actor, when the last rotation is known to come from a job. */
  rotatedBy?: string;
}

/**
 * SecretMeta from (metadata, policy, now). In order: a queued/running job → rotating; no date at all →
 * unknown; expiry at or before now (or the vendor says disabled/expired) → expired; expiry within
 * rotate-before → expiring_soon; whole days since rotation over the cadence → stale; else healthy.
 */
export function evaluateSecret(
  subject: SecretSubject,
  metadata: SecretMetadata,
  now: Date,
  opts: EvaluateOptions = {},
): SecretMeta {
  const { policy } = subject;
  const nowMs = now.getTime();
  const last = metadata.lastRotatedAt;
  let expires = metadata.expiresAt;
  let basis: SecretMeta["expires_at_basis"] = expires ? "known" : null;
  if (!expires && last && policy.ttlMs !== undefined) {
    expires = new Date(last.getTime() + policy.ttlMs);
    basis = "ttl";
  }
  const daysSince = last ? Math.max(0, Math.floor((nowMs - last.getTime()) / DAY_MS)) : null;
  const untilMs = expires ? expires.getTime() - nowMs : null;
  const overCadence = daysSince !== null && daysSince > policy.cadenceDays;
  const notes = [...(metadata.notes ?? [])];

  let status: SecretStatus;
  if (opts.activeJob) status = "rotating";
  else if (metadata.vendorState === "disabled" || metadata.vendorState === "expired") {
    status = "expired";
    notes.push(`the vendor reports the credential ${metadata.vendorState}`);
  } else if (metadata.error || (!last && !expires)) status = "unknown";
  else if (untilMs !== null && untilMs <= 0) status = "expired";
  else if (untilMs !== null && untilMs <= policy.rotateBeforeMs) status = "expiring_soon";
  else if (overCadence) status = "stale";
  else status = "healthy";

  return {
    name: subject.name,
    vendor: subject.vendor,
    source: subject.source,
    affected_sites: [...subject.affectedSites],
    last_rotated_at: last ? last.toISOString() : null,
    rotated_by: opts.rotatedBy ?? null,
    expires_at: expires ? expires.toISOString() : null,
    expires_at_basis: basis,
    suggested_cadence_days: policy.cadenceDays,
    status,
    days_since_rotation: daysSince,
    days_until_expiry: untilMs === null ? null : Math.floor(untilMs / DAY_MS),
    rotate_before_days: round2(policy.rotateBeforeMs / DAY_MS),
    over_cadence: overCadence,
    job: opts.activeJob
      ? {
          id: opts.activeJob.id,
          status: opts.activeJob.status,
          triggered_at: opts.activeJob.triggeredAt.toISOString(),
        }
      : null,
    notes,
    error: metadata.error ?? null,
  };
}

/** Inside the rotate-before window or past expiry: rotation is due. */
export function rotationDue(status: SecretStatus): boolean {
  return status === "expiring_soon" || status === "expired";
}

/** Statuses someone (or something) has to act on: these get an issue. */
export function needsAction(status: SecretStatus): boolean {
  return status === "stale" || status === "expiring_soon" || status === "expired";
}

export type DispatchDecision =
  | { kind: "dispatch"; attempt: number }
  | { kind: "skip"; reason: string }
  | { kind: "wait"; until: Date; attempt: number }
  | { kind: "give-up"; reason: string };

/**
 * Whether to dispatch the rotation workflow of a secret now. `history` is the secret's jobs, any order.
 * Failures count from the later of the last completed job and the last rotation; with `retry` a failed
 * rotation is dispatched again after retry-backoff × 2^(failures-1), up to max-attempts; with `alert` a
 * failure is only reported.
 */
export function decideDispatch(
  meta: Pick<SecretMeta, "status" | "last_rotated_at">,
  policy: RotationPolicy,
  history: readonly RotationJob[],
  now: Date,
): DispatchDecision {
  if (!policy.rotationWorkflow) return { kind: "skip", reason: "no rotation-workflow in its policy" };
  const active = history.find((j) => ACTIVE_JOB_STATUSES.includes(j.status));
  if (active) return { kind: "skip", reason: `rotation job ${active.id} is ${active.status}` };
  if (!rotationDue(meta.status)) return { kind: "skip", reason: `status is ${meta.status}` };

  const lastRotated = meta.last_rotated_at ? Date.parse(meta.last_rotated_at) : Number.NEGATIVE_INFINITY;
  const lastCompleted = Math.max(
    Number.NEGATIVE_INFINITY,
    ...history.filter((j) => j.status === "completed").map((j) => j.triggeredAt.getTime()),
  );
  const since = Math.max(lastRotated, lastCompleted);
  const failures = history
    .filter((j) => j.status === "failed" && j.triggeredAt.getTime() > since)
    .sort((a, b) => b.triggeredAt.getTime() - a.triggeredAt.getTime());
  const latest = failures[0];
  if (!latest) return { kind: "dispatch", attempt: 1 };
  if (policy.failureStrategy === "alert") {
    return { kind: "give-up", reason: `rotation job ${latest.id} failed and failure-strategy is alert` };
  }
  if (failures.length >= policy.maxAttempts) {
    return {
      kind: "give-up",
      reason: `rotation failed ${failures.length} time(s), max-attempts is ${policy.maxAttempts}`,
    };
  }
  const failedAt = (latest.completedAt ?? latest.triggeredAt).getTime();
  const until = failedAt + policy.retryBackoffMs * 2 ** (failures.length - 1);
  if (now.getTime() < until) return { kind: "wait", until: new Date(until), attempt: failures.length + 1 };
  return { kind: "dispatch", attempt: failures.length + 1 };
}

/** What a dispatched workflow run looks like from the GitHub API. */
export interface RunState {
  status: string; // queued | in_progress | completed | waiting | requested | pending
  conclusion: string | null; // success | failure | cancelled | timed_out | ...
  htmlUrl?: string;
}

export interface JobUpdate {
  status: JobStatus;
  errorMsg?: string;
}

/**
 * What an active job has become: completed once the secret shows a rotation after the job was triggered or
 * its workflow run succeeded; failed when the run concluded otherwise or nothing happened within
 * `timeoutMs`; running while its run is in progress. Undefined when nothing changed.
 */
export function reconcileJob(
  job: RotationJob,
  facts: { lastRotatedAt?: Date; run?: RunState },
  now: Date,
  timeoutMs: number,
): JobUpdate | undefined {
  if (!ACTIVE_JOB_STATUSES.includes(job.status)) return undefined;
  if (facts.lastRotatedAt && facts.lastRotatedAt.getTime() > job.triggeredAt.getTime())
    return { status: "completed" };
  const run = facts.run;
  if (run?.status === "completed") {
    if (run.conclusion === "success") return { status: "completed" };
    return {
      status: "failed",
      errorMsg: `rotation workflow run concluded ${run.conclusion ?? "without result"}`,
    };
  }
  if (now.getTime() - job.triggeredAt.getTime() > timeoutMs) {
    return {
      status: "failed",
      errorMsg: `no rotation seen within ${round2(timeoutMs / HOUR_MS)}h of the dispatch`,
    };
  }
  if (run?.status === "in_progress" && job.status === "queued") return { status: "running" };
  return undefined;
}

/** Who rotated a secret last, as far as the job table knows: the trigger of the last completed job. */
export function rotatedByFromJobs(lastRotatedAt: Date | undefined, history: readonly RotationJob[]) {
  if (!lastRotatedAt) return undefined;
  const completed = history
    .filter((j) => j.status === "completed" && j.triggeredAt.getTime() <= lastRotatedAt.getTime())
    .sort((a, b) => b.triggeredAt.getTime() - a.triggeredAt.getTime())[0];
  return completed ? "automated" : undefined;
}

export interface RotationReport {
  fetched_at: string;
  counts: Record<SecretStatus, number>;
  secrets: SecretMeta[];
  dispatches: DispatchRecord[];
}

export interface DispatchRecord {
  secret: string;
  outcome: "dispatched" | "already-rotating" | "waiting" | "gave-up" | "failed" | "skipped";
  job_id?: string;
  attempt?: number;
  workflow?: string;
  repository?: string;
  run_url?: string;
  detail?: string;
}

export function countStatuses(secrets: readonly SecretMeta[]): Record<SecretStatus, number> {
  const counts = Object.fromEntries(SECRET_STATUSES.map((s) => [s, 0])) as Record<SecretStatus, number>;
  for (const s of secrets) counts[s.status]++;
  return counts;
}

const MARKERS: Record<SecretStatus, string> = {
  healthy: "🟢 healthy",
  stale: "🟠 stale",
  expiring_soon: "🟡 expiring soon",
  expired: "🔴 expired",
  rotating: "🔄 rotating",
  unknown: "⚪ unknown",
};

export function statusMarker(status: SecretStatus): string {
  return MARKERS[status];
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

function day(iso: string | null): string {
  return iso ? iso.slice(0, 10) : "—";
}

/** The job summary: one row per secret, then what was dispatched and what could not be read. */
export function renderRotationSummary(report: RotationReport): string {
  const c = report.counts;
  const lines = [
    "## Secret rotation sweep",
    "",
    `${report.secrets.length} secret(s) at ${report.fetched_at}: ${SECRET_STATUSES.filter((s) => c[s] > 0)
      .map((s) => `${c[s]} ${s.replace("_", " ")}`)
      .join(", ")}`,
    "",
    "| Vendor | Secret | Status | Last rotated | Days since rotation | Expires at | Cadence | Affected sites |",
    "|---|---|---|---|---|---|---|---|",
  ];
  for (const s of report.secrets) {
    const days =
      s.days_since_rotation === null
        ? "—"
        : s.over_cadence
          ? `**${s.days_since_rotation}** 🔺`
          : `${s.days_since_rotation}`;
    const expires = s.expires_at
      ? `${day(s.expires_at)}${s.expires_at_basis === "ttl" ? " (ttl)" : ""}`
      : "never / unknown";
    lines.push(
      `| ${cell(s.vendor)} | \`${cell(s.name)}\` | ${statusMarker(s.status)} | ${day(s.last_rotated_at)} | ${days} | ${expires} | ${s.suggested_cadence_days}d | ${cell(s.affected_sites.join(", ")) || "—"} |`,
    );
  }
  if (report.dispatches.length > 0) {
    lines.push("", "### Rotation dispatches", "", "| Secret | Outcome | Job | Detail |", "|---|---|---|---|");
    for (const d of report.dispatches) {
      const job = d.job_id ? `\`${d.job_id}\`${d.attempt ? ` (attempt ${d.attempt})` : ""}` : "—";
      const detail = d.run_url ? `[run](${d.run_url})${d.detail ? ` ${d.detail}` : ""}` : (d.detail ?? "");
      lines.push(`| \`${cell(d.secret)}\` | ${d.outcome} | ${job} | ${cell(detail) || "—"} |`);
    }
  }
  const problems = report.secrets.filter((s) => s.error || s.notes.length > 0);
  if (problems.length > 0) {
    lines.push("", "### Notes", "");
    for (const s of problems) {
      for (const text of [...(s.error ? [s.error] : []), ...s.notes])
        lines.push(`- \`${cell(s.name)}\`: ${cell(text)}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

/** The one line the log shows per secret. */
export function formatSecretLine(s: SecretMeta): string {
  const parts = [`${s.name} (${s.vendor}): ${s.status}`];
  if (s.days_since_rotation !== null)
    parts.push(
      `rotated ${s.days_since_rotation}d ago${s.over_cadence ? ` (cadence ${s.suggested_cadence_days}d)` : ""}`,
    );
  if (s.expires_at) parts.push(`expires ${s.expires_at}`);
  if (s.error) parts.push(s.error);
  return parts.join(", ");
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

// ---- alerts on change: one issue per secret that needs action, Slack on change ----

/** What the sweep remembers of a secret between runs. */
export interface SecretMemory {
  name: string;
  status: SecretStatus;
  since: string;
  issue: number | null;
}

export interface SecretChange {
  name: string;
  from: SecretStatus | null;
  to: SecretStatus;
  meta: SecretMeta;
}

export interface SecretTransitions {
  changes: SecretChange[];
  /** Secrets that need an issue now. */
  open: SecretMeta[];
  /** Open issues whose secret changed status (still not healthy): a comment each. */
  update: { meta: SecretMeta; issue: number; from: SecretStatus | null }[];
  /** Open issues whose secret is healthy again. */
  close: { meta: SecretMeta; issue: number; since: string }[];
  /** The memory to store (issue numbers filled in by the caller after it opens issues). */
  next: SecretMemory[];
}

/**
 * What changed since the previous sweep. `unknown` holds the last status seen (missing metadata is not a
 * change); a secret seen for the first time counts as a change unless it is healthy. An issue opens for a
 * secret that needs action and has none; it gets a comment on each further change and closes once healthy.
 */
export function decideSecretTransitions(
  metas: readonly SecretMeta[],
  previous: ReadonlyMap<string, SecretMemory>,
  now: Date,
): SecretTransitions {
  const out: SecretTransitions = { changes: [], open: [], update: [], close: [], next: [] };
  for (const meta of metas) {
    const prev = previous.get(meta.name);
    const to: SecretStatus = meta.status === "unknown" && prev ? prev.status : meta.status;
    const from = prev?.status ?? null;
    const changed = from === null ? to !== "healthy" : from !== to;
    if (changed) out.changes.push({ name: meta.name, from, to, meta });
    let issue = prev?.issue ?? null;
    if (issue === null && needsAction(to)) out.open.push(meta);
    else if (issue !== null && to === "healthy") {
      out.close.push({ meta, issue, since: prev?.since ?? now.toISOString() });
      issue = null;
    } else if (issue !== null && changed) out.update.push({ meta, issue, from });
    out.next.push({
      name: meta.name,
      status: to,
      since: changed || !prev ? now.toISOString() : prev.since,
      issue,
    });
  }
  return out;
}

/** The hidden marker that ties an issue to its secret. */
export function secretIssueMarker(name: string): string {
  return `<!-- prodgate:secret name=${name.replace(/[^A-Za-z0-9_]/g, "_")} -->`;
}

const STATUS_WORDS: Record<SecretStatus, string> = {
  healthy: "healthy",
  stale: "overdue for rotation",
  expiring_soon: "expiring soon",
  expired: "expired",
  rotating: "rotating",
  unknown: "of unknown state",
};

export function secretIssueTitle(meta: SecretMeta): string {
  return `Secret ${meta.name} (${meta.vendor}) is ${STATUS_WORDS[meta.status]}`;
}

function facts(meta: SecretMeta): string[] {
  const lines = [
    `- Status: ${statusMarker(meta.status)}`,
    `- Last rotated: ${meta.last_rotated_at ?? "unknown"}${meta.days_since_rotation !== null ? ` (${meta.days_since_rotation} days ago; cadence ${meta.suggested_cadence_days} days)` : ""}`,
    `- Expires: ${meta.expires_at ? `${meta.expires_at}${meta.expires_at_basis === "ttl" ? " (from its ttl)" : ""}` : "no expiry known"}`,
    `- Affects: ${meta.affected_sites.length ? meta.affected_sites.map(cell).join(", ") : "no surface listed"}`,
  ];
  if (meta.job) lines.push(`- Rotation job: \`${meta.job.id}\` (${meta.job.status})`);
  for (const n of [...(meta.error ? [meta.error] : []), ...meta.notes]) lines.push(`- Note: ${cell(n)}`);
  return lines;
}

export function secretIssueBody(meta: SecretMeta, now: Date, runUrl?: string): string {
  return [
    secretIssueMarker(meta.name),
    `\`${cell(meta.name)}\` (${cell(meta.vendor)}, source ${meta.source}) is **${STATUS_WORDS[meta.status]}** as of ${now.toISOString()}.`,
    "",
    ...facts(meta),
    "",
    runUrl ? `Found by [this rotation sweep](${runUrl}).` : "",
    "prodgate comments here when its status changes and closes this issue once it is healthy again.",
  ].join("\n");
}

export function secretIssueComment(
  meta: SecretMeta,
  from: SecretStatus | null,
  now: Date,
  runUrl?: string,
): string {
  const head =
    meta.status === "healthy"
      ? `✅ \`${cell(meta.name)}\` is healthy again at ${now.toISOString()}.`
      : `\`${cell(meta.name)}\` is now **${STATUS_WORDS[meta.status]}**${from ? ` (was ${STATUS_WORDS[from]})` : ""} at ${now.toISOString()}.`;
  return [head, "", ...facts(meta), runUrl ? `\n([rotation sweep](${runUrl}))` : ""].join("\n").trimEnd();
}

function slackEscape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

const SLACK_MARKERS: Record<SecretStatus, string> = {
  healthy: ":large_green_circle:",
  stale: ":large_orange_circle:",
  expiring_soon: ":large_yellow_circle:",
  expired: ":red_circle:",
  rotating: ":arrows_counterclockwise:",
  unknown: ":white_circle:",
};

/** One Slack line per change; undefined when nothing changed. */
export function renderSecretSlack(changes: readonly SecretChange[], runUrl?: string): string | undefined {
  if (changes.length === 0) return undefined;
  const lines = changes.map((c) => {
    const m = c.meta;
    const detail =
      c.to === "healthy"
        ? ""
        : `: ${m.expires_at ? `expires ${m.expires_at.slice(0, 10)}` : m.days_since_rotation !== null ? `rotated ${m.days_since_rotation}d ago` : "no metadata"}${m.affected_sites.length ? `; affects ${m.affected_sites.join(", ")}` : ""}`;
    return `${SLACK_MARKERS[c.to]} *${slackEscape(m.name)}* (${slackEscape(m.vendor)}) ${c.from ?? "new"} → *${c.to}*${slackEscape(detail)}`;
  });
  if (runUrl) lines.push(`<${runUrl}|rotation sweep run>`);
  return lines.join("\n");
}
