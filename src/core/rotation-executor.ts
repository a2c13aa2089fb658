import { ProdgateError } from "./errors.js";
import type { Generator } from "./rotate-spec.js";

/**
 * The rotation executor's state machine, pure (issue 18, seed 000 §4.5): the steps of a job as seed 000 names
 * them, what a job row's steps_json holds, when the old credential goes, and the words of its summary, Slack
 * and webhook messages. Nothing here ever holds a secret value.
 */

export const STEP_NAMES = ["generate", "store", "sync_consumers", "smoke_test", "revoke_old"] as const;
export type StepName = (typeof STEP_NAMES)[number];
export type StepStatus = "pending" | "running" | "completed" | "failed" | "scheduled";

export interface StepState {
  name: StepName;
  status: StepStatus;
  started_at?: string;
  completed_at?: string;
  /** When a scheduled step is due. */
  due_at?: string;
  detail?: string;
}

/** scheduled: a sweep inside the window; manual: a person (action, CLI); compromise: revoke at once. */
export type RotationTrigger = "scheduled" | "manual" | "compromise";

/** Where each consumer stands: which credential it holds. */
export type ConsumerHolds = "old" | "new" | "unknown";

/** What an executor job keeps in steps_json (merged at the top level by the store). */
export interface ExecutorState {
  executor: 1;
  trigger: RotationTrigger;
  compromised: boolean;
  generator: Generator;
  consumers: string[];
  attempt: number;
  steps: StepState[];
  /** The vendor id of the credential being replaced (an authorization or token id), when it has one. */
  old_credential_id?: string;
  /** The vendor id of the new credential, recorded the moment it exists. */
  new_credential_id?: string;
  /** Credentials of earlier attempts whose value was lost with their process, revoked on resume. */
  orphans_revoked?: string[];
  consumer_holds: Record<string, ConsumerHolds>;
  revoke_warned_at?: string;
  rotated_at?: string;
  /** Written with the job's completion: what its secret.rotate.completed row says, and whether it is written. */
  completion?: {
    revoke_at: string | null;
    revoke: RevokePlan["kind"];
    revoke_reason?: string;
    audited?: boolean;
    /** Slack and the notify webhooks were told that it rotated. */
    told?: boolean;
  };
}

export function freshSteps(): StepState[] {
  return STEP_NAMES.map((name) => ({ name, status: "pending" as const }));
}

export function isExecutorState(steps: Record<string, unknown> | null | undefined): boolean {
  return !!steps && steps.executor === 1 && Array.isArray(steps.steps);
}

/**
 * The state as a job row holds it. Consumer ids name secrets (`...:HEROKU_API_KEY`), and the store drops keys
 * that look like secrets, so which consumer holds what is kept as a list, not a map.
 */
export function serializeState(state: ExecutorState): Record<string, unknown> {
  const { consumer_holds, ...rest } = state;
  return {
    ...rest,
    holdings: Object.entries(consumer_holds).map(([consumer, holds]) => ({ consumer, holds })),
  };
}

export function readState(steps: Record<string, unknown> | null | undefined): ExecutorState | undefined {
  if (!isExecutorState(steps)) return undefined;
  const { holdings, ...rest } = steps as Record<string, unknown>;
  const list = Array.isArray(holdings) ? (holdings as { consumer: string; holds: ConsumerHolds }[]) : [];
  return {
    ...(rest as unknown as ExecutorState),
    consumer_holds: Object.fromEntries(list.map((h) => [h.consumer, h.holds])),
  };
}

export function step(state: ExecutorState, name: StepName): StepState {
  const found = state.steps.find((s) => s.name === name);
  if (found) return found;
  const added: StepState = { name, status: "pending" };
  state.steps.push(added);
  return added;
}

export function setStep(
  state: ExecutorState,
  name: StepName,
  status: StepStatus,
  now: Date,
  detail?: string,
): StepState {
  const s = step(state, name);
  s.status = status;
  if (status === "running") {
    s.started_at = now.toISOString();
    delete s.completed_at;
  }
  if (status === "completed" || status === "failed") s.completed_at = now.toISOString();
  if (detail !== undefined) s.detail = detail.slice(0, 500);
  else if (status === "running") delete s.detail;
  return s;
}

/** Generators whose old credential lives at a vendor and can be revoked; a random value has none. */
export function revocable(generator: Generator): boolean {
  return generator !== "random";
}

export type RevokePlan =
  | { kind: "now"; reason: string }
  | { kind: "scheduled"; at: Date }
  | { kind: "none"; reason: string };

/**
 * When the old credential goes once the new one passed its smoke test: at once on compromise or with no grace
 * period (`max-overlap: 0`), else at the end of the grace period; never for a value no vendor issued.
 */
export function planRevoke(
  generator: Generator,
  opts: { compromised: boolean; maxOverlapMs: number; revokeOld: boolean; hasOldId: boolean },
  now: Date,
): RevokePlan {
  if (!revocable(generator)) return { kind: "none", reason: "a random value has no credential to revoke" };
  if (!opts.hasOldId) return { kind: "none", reason: "the old credential is not known at its vendor" };
  if (opts.compromised)
    return { kind: "now", reason: "compromised: revoked as soon as the smoke test passed" };
  if (!opts.revokeOld) return { kind: "none", reason: "the policy says revoke-old: false" };
  if (opts.maxOverlapMs <= 0) return { kind: "now", reason: "max-overlap is 0: no grace period" };
  return { kind: "scheduled", at: new Date(now.getTime() + opts.maxOverlapMs) };
}

/**
 * What a completed job still owes when the run that completed it died: its secret.rotate.completed row, the
 * revocation of its old credential it had started, the message that it rotated. Undefined when it owes nothing.
 */
export function unfinishedWork(job: {
  status: string;
  steps: Record<string, unknown> | null;
}): { audit: boolean; revoke: boolean; tell: boolean } | undefined {
  const state = job.status === "completed" ? readState(job.steps) : undefined;
  if (!state?.completion) return undefined;
  const audit = !state.completion.audited;
  const revoke = state.steps.some((s) => s.name === "revoke_old" && s.status === "running");
  const tell = !state.completion.told;
  return audit || revoke || tell ? { audit, revoke, tell } : undefined;
}

/** A revoke due within this long of a sweep gets a Slack warning from it (once). */
export const REVOKE_WARNING_MS = 3_600_000;

export type RevokeDecision = "revoke" | "warn" | "wait";

export function revokeDecision(revokeAt: Date, state: ExecutorState, now: Date): RevokeDecision {
  const left = revokeAt.getTime() - now.getTime();
  if (left <= 0) return "revoke";
  if (left <= REVOKE_WARNING_MS && !state.revoke_warned_at) return "warn";
  return "wait";
}

export const KILL_SWITCH = "ROTATION_PIPELINE_DISABLED";

/** Rotation is switched off by an operator (seed 000): every entry point refuses and creates nothing. */
export class RotationDisabledError extends ProdgateError {
  override name = "RotationDisabledError";
  constructor() {
    super(
      `rotation is disabled: ${KILL_SWITCH}=1 is set, so nothing was generated, written or revoked and no job was created (unset ${KILL_SWITCH} to rotate)`,
    );
  }
}

export function killSwitchOn(env: Record<string, string | undefined>): boolean {
  const v = env[KILL_SWITCH]?.trim().toLowerCase();
  return !!v && v !== "0" && v !== "false" && v !== "no";
}

export function assertRotationEnabled(env: Record<string, string | undefined>): void {
  if (killSwitchOn(env)) throw new RotationDisabledError();
}

/** The outcome of one rotation run, as the faces show it. */
export interface RotationOutcome {
  secret: string;
  jobId?: string;
  /** rotated: the new value is in place and passed; failed; busy: another run holds this secret. */
  status: "rotated" | "failed" | "busy";
  revokeAt?: string;
  revokedNow: boolean;
  trigger: RotationTrigger;
  consumers: Record<string, ConsumerHolds>;
  steps: StepState[];
  error?: string;
  notes: string[];
  /** This run rotated nothing: it finished a job an interrupted run had completed. */
  finished?: boolean;
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

const ICONS: Record<StepStatus, string> = {
  pending: "⏳ pending",
  running: "🔄 running",
  completed: "✅ completed",
  failed: "❌ failed",
  scheduled: "🕒 scheduled",
};

export function renderRotationOutcome(o: RotationOutcome): string {
  const head =
    o.status === "rotated"
      ? `✅ \`${cell(o.secret)}\` rotated (job \`${o.jobId}\`, ${o.trigger})`
      : o.status === "busy"
        ? `🔄 \`${cell(o.secret)}\` is being rotated by another run${o.jobId ? ` (job \`${o.jobId}\`)` : ""}`
        : `❌ rotation of \`${cell(o.secret)}\` failed${o.jobId ? ` (job \`${o.jobId}\`)` : ""}`;
  const lines = [`## Secret rotation`, "", head, ""];
  if (o.steps.length) {
    lines.push("| Step | Status | Detail |", "|---|---|---|");
    for (const s of o.steps)
      lines.push(
        `| ${s.name} | ${ICONS[s.status]} | ${cell(s.detail ?? (s.due_at ? `due ${s.due_at}` : "")) || "—"} |`,
      );
    lines.push("");
  }
  const consumers = Object.entries(o.consumers);
  if (consumers.length) {
    lines.push("| Consumer | Holds |", "|---|---|");
    for (const [id, holds] of consumers) lines.push(`| \`${cell(id)}\` | ${holds} credential |`);
    lines.push("");
  }
  if (o.revokeAt) lines.push(`The old credential is revoked at ${o.revokeAt} by the rotation sweep.`, "");
  if (o.revokedNow) lines.push("The old credential was revoked at once.", "");
  if (o.error) lines.push(`**Error:** ${cell(o.error)}`, "");
  for (const n of o.notes) lines.push(`- ${cell(n)}`);
  return `${lines.join("\n").trimEnd()}\n`;
}

/** Which consumer holds which credential, in words (a failure that could not put things back lists it). */
export function describeHolds(holds: Record<string, ConsumerHolds>): string {
  return Object.entries(holds)
    .map(([id, h]) => `${id} holds the ${h === "unknown" ? "old (not written)" : h} credential`)
    .join("; ");
}

function slackEscape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function rotationSlack(o: RotationOutcome, runUrl?: string): string {
  const tail = runUrl ? ` <${runUrl}|run>` : "";
  if (o.status === "rotated")
    return `:arrows_counterclockwise: *${slackEscape(o.secret)}* rotated (job ${o.jobId}, ${o.trigger})${o.revokeAt ? `; old credential revoked at ${o.revokeAt}` : o.revokedNow ? "; old credential revoked" : ""}${tail}`;
  return `:rotating_light: rotation of *${slackEscape(o.secret)}* failed (job ${o.jobId ?? "none"}): ${slackEscape(o.error ?? "unknown error")}${tail}`;
}

export function revokeWarningSlack(secret: string, jobId: string, revokeAt: Date): string {
  return `:hourglass_flowing_sand: the old credential of *${slackEscape(secret)}* (job ${jobId}) is revoked at ${revokeAt.toISOString()}: anything still using it stops working then`;
}

export function revokedSlack(secret: string, jobId: string): string {
  return `:wastebasket: the old credential of *${slackEscape(secret)}* (job ${jobId}) was revoked`;
}

/** A webhook's body: names, ids and times only. */
export function webhookBody(o: {
  event: "secret.rotated" | "secret.rotate.failed" | "secret.revoked";
  secret: string;
  jobId: string;
  revokeAt?: string;
  compromised: boolean;
  at: Date;
}): string {
  return JSON.stringify({
    event: o.event,
    secret_name: o.secret,
    job_id: o.jobId,
    revoke_at: o.revokeAt ?? null,
    compromised: o.compromised,
    sent_at: o.at.toISOString(),
  });
}
