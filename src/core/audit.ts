import { ageCutoffOf } from "./duration.js";
import { InputError } from "./errors.js";
import { parseChoice, parseSha } from "./inputs.js";

/**
 * The audit trail of production changes (seed 002 §2, §8; seed 000): one row when the work starts, written
 * before it starts, and one row with the outcome after, each keyed so that a retried step writes no second
 * row. Pure: time, secrets and identifiers are handed in.
 */

export const AUDIT_PHASES = ["started", "completed"] as const;
export type AuditPhase = (typeof AUDIT_PHASES)[number];

export const AUDIT_OUTCOMES = [
  "success",
  "deploy_failed",
  "health_check_failed",
  "rolled_back",
  "rejected",
  "rotation_failed",
] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export const AUDIT_TRIGGERS = ["ci", "local-script"] as const;
export type AuditTrigger = (typeof AUDIT_TRIGGERS)[number];

/** The message of a deploy refused because its `started` row could not be written (fail closed). */
export const AUDIT_REFUSED = "audit database unreachable: deploy refused";

export interface AuditRecord {
  /** What happened, e.g. `deploy.production`, `rollback.production`, `secret.rotate`. */
  action: string;
  phase: AuditPhase;
  /** Set on `completed` rows only. */
  outcome?: AuditOutcome;
  actor: string;
  approvedBy?: string;
  /** The app or surface acted on (seed 002's target_app). */
  target: string;
  fromSha?: string;
  toSha?: string;
  trigger: AuditTrigger;
  environment?: string;
  runUrl?: string;
  runId?: string;
  runAttempt?: number;
  /** Free-form details, already redacted. */
  context: Record<string, unknown>;
  idempotencyKey: string;
  /** When it happened (UTC); passed in, never read from a clock here. */
  createdAt: Date;
}

/** What a caller gives buildAuditRecord: the record's facts, before validation, redaction and keying. */
export type AuditRecordFields = Omit<AuditRecord, "trigger" | "runId" | "context" | "idempotencyKey"> & {
  trigger?: AuditTrigger;
  /** The workflow run id, or for a local run any id unique to that run (it keys the idempotency). */
  runId: string;
  context?: Record<string, unknown>;
  /** Values to keep out of the context: each is replaced wherever it occurs. */
  secrets?: readonly string[];
};

const MAX_FIELD = 200;
const MAX_CONTEXT_BYTES = 64 * 1024;

function text(input: string, value: string | undefined, required: boolean): string | undefined {
  const v = (value ?? "").trim();
  if (!v) {
    if (required) throw new InputError(input, "is required");
    return undefined;
  }
  if (v.length > MAX_FIELD) throw new InputError(input, `must be at most ${MAX_FIELD} characters`);
  if (/[\u0000-\u001f\u007f]/.test(v)) throw new InputError(input, "must not contain control characters");
  return v;
}

/** Validates the fields, redacts the context and derives the idempotency key. Input names match the action's. */
export function buildAuditRecord(fields: AuditRecordFields): AuditRecord {
  const action = text("action", fields.action, true)!;
  if (!/^[A-Za-z0-9][A-Za-z0-9._:-]*$/.test(action)) {
    throw new InputError("action", `must be letters, digits, '.', '_', ':' or '-' (e.g. deploy.production)`);
  }
  const phase = parseChoice("phase", fields.phase ?? "", AUDIT_PHASES);
  const outcome = fields.outcome ? parseChoice("outcome", fields.outcome, AUDIT_OUTCOMES) : undefined;
  if (phase === "completed" && !outcome) {
    throw new InputError(
      "outcome",
      `is required when phase is completed (one of ${AUDIT_OUTCOMES.join(", ")})`,
    );
  }
  if (phase === "started" && outcome) {
    throw new InputError("outcome", "must be empty when phase is started (the outcome is not known yet)");
  }
  const runId = text("run-id", fields.runId, true)!;
  const runAttempt = fields.runAttempt ?? 1;
  if (!Number.isInteger(runAttempt) || runAttempt < 1)
    throw new InputError("run-attempt", "must be 1 or more");
  if (Number.isNaN(fields.createdAt.getTime())) throw new InputError("created-at", "must be a valid time");
  const target = text("target", fields.target, true)!;
  const context = redactContext(fields.context ?? {}, fields.secrets ?? []);
  if (JSON.stringify(context).length > MAX_CONTEXT_BYTES) {
    throw new InputError("context", `must be at most ${MAX_CONTEXT_BYTES / 1024} KiB of JSON`);
  }
  return {
    action,
    phase,
    outcome,
    actor: text("actor", fields.actor, true)!,
    approvedBy: text("approved-by", fields.approvedBy, false),
    target,
    fromSha: fields.fromSha ? parseSha("from-sha", fields.fromSha) : undefined,
    toSha: fields.toSha ? parseSha("to-sha", fields.toSha) : undefined,
    trigger: parseChoice("trigger", fields.trigger ?? "", AUDIT_TRIGGERS, "ci"),
    environment: text("environment", fields.environment, false),
    runUrl: text("run-url", fields.runUrl, false),
    runId,
    runAttempt,
    context,
    idempotencyKey: idempotencyKey({ runId, runAttempt, action, target, phase }),
    createdAt: new Date(fields.createdAt.getTime()),
  };
}

/**
 * `run:<run id>:<attempt>:<action>:<target>:<phase>`, each part percent-encoded: a step that runs twice in
 * one attempt of a run derives the same key; a re-run of the workflow (next attempt) is a new deploy.
 */
export function idempotencyKey(parts: {
  runId: string;
  runAttempt: number;
  action: string;
  target: string;
  phase: AuditPhase;
}): string {
  return ["run", parts.runId, String(parts.runAttempt), parts.action, parts.target, parts.phase]
    .map((p) => encodeURIComponent(p))
    .join(":");
}

/** Words that make a key name a secret; matched as whole words of the key (api_key, apiKey, API-KEY). */
const SECRET_WORDS = new Set([
  "token",
  "key",
  "password",
  "passwd",
  "pwd",
  "passphrase",
  "secret",
  "authorization",
  "auth",
  "cookie",
  "cookies",
  "credential",
  "credentials",
  "dsn",
  "apikey",
  "privatekey",
]);
/** Parts of run-together key names (accesstoken, dbpassword) that make them secrets. */
const SECRET_SUBSTRINGS = ["token", "password", "passwd", "secret", "authorization", "cookie", "apikey"];
/** A key naming something about a secret rather than the secret itself (secret_name, token_expires_at). */
const METADATA_WORDS = new Set([
  "name",
  "names",
  "id",
  "ids",
  "type",
  "count",
  "at",
  "expires",
  "expiry",
  "age",
]);

function keyWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** True when a key names a secret (token, key, password, secret, authorization, cookie, ...). */
export function isSecretKey(key: string): boolean {
  const words = keyWords(key);
  const last = words[words.length - 1];
  if (words.length > 1 && last && METADATA_WORDS.has(last)) return false;
  return words.some((w) => SECRET_WORDS.has(w) || SECRET_SUBSTRINGS.some((s) => w.includes(s)));
}

export const REDACTED = "***";

/** Credential shapes replaced even when nobody registered them: tokens of GitHub and Slack, URL passwords. */
const SECRET_SHAPES: [RegExp, string][] = [
  [/\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})\b/g, REDACTED],
  [/\bxox[abeprs]-[A-Za-z0-9-]{10,}\b/g, REDACTED],
  [/\b([a-z][a-z0-9+.-]*:\/\/[^/\s:@]*:)[^@\s/]+@/gi, `$1${REDACTED}@`],
];

/**
 * A copy of `context` fit for storage: keys naming secrets dropped at every depth, and every occurrence of
 * a registered secret (4 characters or more) or of a known credential shape replaced by `***`.
 */
export function redactContext(
  context: Record<string, unknown>,
  secrets: readonly string[],
): Record<string, unknown> {
  const known = [...new Set(secrets.filter((s) => s && s.length >= 4))].sort((a, b) => b.length - a.length);
  const scrubText = (value: string): string => {
    let out = value;
    for (const s of known) out = out.split(s).join(REDACTED);
    for (const [re, replacement] of SECRET_SHAPES) out = out.replace(re, replacement);
    return out;
  };
  const walk = (value: unknown): unknown => {
    if (typeof value === "string") return scrubText(value);
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === "object") {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        if (isSecretKey(k)) continue;
        out[scrubText(k)] = walk(v);
      }
      return out;
    }
    return value;
  };
  return walk(context) as Record<string, unknown>;
}

/** The `context` input: a JSON object. The error never quotes the text (it may hold a secret). */
export function parseContextJson(input: string, raw: string): Record<string, unknown> {
  const textValue = raw.trim();
  if (!textValue) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(textValue);
  } catch (err) {
    const at = /position (\d+)/.exec((err as Error).message)?.[1];
    throw new InputError(
      input,
      `must be a JSON object; it is not valid JSON${at ? ` (at character ${at})` : ""}`,
    );
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
    const kind = Array.isArray(parsed) ? "an array" : parsed === null ? "null" : `a ${typeof parsed}`;
    throw new InputError(input, `must be a JSON object; got ${kind}`);
  }
  return parsed as Record<string, unknown>;
}

/** The row as stored: seed 002 §8's payload (plus phase, approver, environment and run) in `context`. */
export interface AuditRow {
  action: string;
  actor: string;
  target: string;
  outcome: AuditOutcome | null;
  context: Record<string, unknown>;
  idempotencyKey: string;
  createdAt: Date;
}

export function toAuditRow(record: AuditRecord): AuditRow {
  const payload: Record<string, unknown> = {
    action: record.action,
    phase: record.phase,
    actor: record.actor,
    approved_by: record.approvedBy,
    from_sha: record.fromSha,
    to_sha: record.toSha,
    target_app: record.target,
    trigger: record.trigger,
    environment: record.environment,
    outcome: record.outcome,
    ts_utc: record.createdAt.toISOString(),
    run_url: record.runUrl,
    run_id: record.runId,
    run_attempt: record.runAttempt,
    details: record.context,
  };
  for (const [k, v] of Object.entries(payload)) if (v === undefined) delete payload[k];
  return {
    action: record.action,
    actor: record.actor,
    target: record.target,
    outcome: record.outcome ?? null,
    context: payload,
    idempotencyKey: record.idempotencyKey,
    createdAt: record.createdAt,
  };
}

/** A record as JSON (the spool file format): dates as ISO strings, a version to read it back. */
export function serializeAuditRecord(record: AuditRecord): string {
  return `${JSON.stringify({ version: 1, record: { ...record, createdAt: record.createdAt.toISOString() } }, null, 2)}\n`;
}

/**
 * Reads a record back from its JSON (a spool file), checking every field as buildAuditRecord would. The
 * idempotency key is kept as written, so a replay finds the row the original write may have made.
 */
export function parseAuditRecordJson(source: string, raw: string): AuditRecord {
  let doc: unknown;
  try {
    doc = JSON.parse(raw);
  } catch {
    throw new InputError(source, "is not valid JSON");
  }
  const r = (doc as { version?: unknown; record?: unknown } | null)?.record as
    | Record<string, unknown>
    | undefined;
  if ((doc as { version?: unknown } | null)?.version !== 1 || !r || typeof r !== "object") {
    throw new InputError(source, "is not a prodgate audit record (expected {version: 1, record: {...}})");
  }
  const str = (k: string) => (typeof r[k] === "string" ? (r[k] as string) : undefined);
  const key = str("idempotencyKey");
  if (!key) throw new InputError(source, "has no idempotencyKey");
  const createdAt = new Date(str("createdAt") ?? "");
  if (Number.isNaN(createdAt.getTime())) throw new InputError(source, "has no valid createdAt");
  const context = r.context;
  if (!context || typeof context !== "object" || Array.isArray(context)) {
    throw new InputError(source, "has a context that is not an object");
  }
  try {
    const record = buildAuditRecord({
      action: str("action") ?? "",
      phase: (str("phase") ?? "") as AuditPhase,
      outcome: str("outcome") as AuditOutcome | undefined,
      actor: str("actor") ?? "",
      approvedBy: str("approvedBy"),
      target: str("target") ?? "",
      fromSha: str("fromSha"),
      toSha: str("toSha"),
      trigger: str("trigger") as AuditTrigger | undefined,
      environment: str("environment"),
      runUrl: str("runUrl"),
      runId: str("runId") ?? key,
      runAttempt: typeof r.runAttempt === "number" ? r.runAttempt : undefined,
      context: context as Record<string, unknown>,
      createdAt,
    });
    return { ...record, runId: str("runId"), idempotencyKey: key };
  } catch (err) {
    if (err instanceof InputError) throw new InputError(source, `has an invalid field: ${err.message}`);
    throw err;
  }
}

/**
 * A retention age in the one duration grammar (core/duration.ts) with a unit required: `2y`, `18mo`, `90d`,
 * `12w`, `36h`; a bare number is refused so that `2` never means two seconds. Returns the cutoff: rows
 * created before it are older than the age. Months and years count back on the UTC calendar.
 */
export function retentionCutoff(input: string, raw: string, now: Date): Date {
  return ageCutoffOf(input, raw, now);
}

/** The job summary of a record that could not be written: the record in full, and how to replay it. */
export function renderSpoolSummary(record: AuditRecord, file: string | undefined, reason: string): string {
  const json = serializeAuditRecord(record).trimEnd();
  const longest = Math.max(2, ...(json.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const lines = [
    "## ⚠️ Audit record spooled, not in the database",
    "",
    `The \`${record.phase}\` row of \`${record.action}\` for \`${record.target}\` could not be written: ${reason}.`,
    file
      ? `It was saved to \`${file}\`.`
      : "It could not be saved to disk either: this summary is its only copy.",
    "",
    "Save the JSON below as a file in a directory and write it later, exactly once:",
    "",
    "```sh",
    "DATABASE_URL=... npx prodgate audit replay --spool DIR",
    "```",
    "",
    `${fence}json`,
    json,
    fence,
    "",
  ];
  return lines.join("\n");
}

function cell(value: string): string {
  return value.replace(/[|\\`*_<>[\]]/g, "\\$&");
}

export function renderWrittenSummary(record: AuditRecord, id: string, duplicate: boolean): string {
  const rows: [string, string | undefined][] = [
    ["Action", record.action],
    ["Phase", record.phase],
    ["Outcome", record.outcome],
    ["Target", record.target],
    ["Actor", record.actor],
    ["Approved by", record.approvedBy],
    [
      "From → to",
      record.fromSha || record.toSha ? `${record.fromSha ?? "?"} → ${record.toSha ?? "?"}` : undefined,
    ],
    ["Time (UTC)", record.createdAt.toISOString()],
  ];
  return [
    `## Audit row #${id} ${duplicate ? "already written (retried step: no second row)" : "written"}`,
    "",
    "| Field | Value |",
    "| --- | --- |",
    ...rows.filter(([, v]) => v).map(([k, v]) => `| ${k} | ${cell(String(v))} |`),
    "",
  ].join("\n");
}
