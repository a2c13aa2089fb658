import type { KeyObject } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  AUDIT_OUTCOMES,
  AUDIT_PHASES,
  AUDIT_TRIGGERS,
  type AuditRecord,
  buildAuditRecord,
  parseContextJson,
  renderSpoolSummary,
  renderWrittenSummary,
  serializeAuditRecord,
} from "../core/audit.js";
import { parseSigningKey } from "../core/audit-checkpoint.js";
import { AuditError, describeError, ProdgateError } from "../core/errors.js";
import { parseBoolean, parseChoice, requireValue } from "../core/inputs.js";
import { AuditStore } from "../store/audit.js";
import { writeCheckpoint } from "../store/checkpoints.js";
import { databaseUrlSecrets, parseDatabaseUrl, quoteIdent } from "../store/db.js";
import { DEFAULT_TABLES } from "../store/migrate.js";
import { recordAudit } from "../store/spool.js";
import { maskDatabaseUrlInput } from "./common-inputs.js";
import { actionReporter, input, runStep, secretInput, setOutputs, writeSummary } from "./runtime.js";

export interface AuditWriteSettings {
  databaseUrl: string;
  table: string;
  migrate: boolean;
  spoolDir: string;
  record: AuditRecord;
  /** The Ed25519 key that signs a checkpoint after the row (masked); undefined: the trail is not signed. */
  signingKey?: KeyObject;
}

/**
 * Turns raw inputs and the runner's environment into a validated, redacted record; every problem names
 * its input and happens before any connection is made.
 */
export function parseAuditWriteInputs(
  get: (name: string) => string,
  env: NodeJS.ProcessEnv,
  now: Date,
): AuditWriteSettings {
  const databaseUrl = get("database-url").trim();
  parseDatabaseUrl("database-url", databaseUrl);
  const table = get("table").trim() || DEFAULT_TABLES.audit;
  quoteIdent("table", table);
  const phase = parseChoice("phase", requireValue("phase", get("phase")), AUDIT_PHASES);
  const rawOutcome = get("outcome").trim();
  const outcome = rawOutcome ? parseChoice("outcome", rawOutcome, AUDIT_OUTCOMES) : undefined;
  const runId = env.GITHUB_RUN_ID?.trim();
  if (!runId) {
    throw new ProdgateError(
      "GITHUB_RUN_ID is not set: audit-write keys its rows by workflow run and runs inside GitHub Actions",
    );
  }
  const attempt = Number(env.GITHUB_RUN_ATTEMPT || "1");
  const runUrl =
    env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY
      ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${runId}/attempts/${attempt}`
      : undefined;
  const record = buildAuditRecord({
    action: requireValue("action", get("action")),
    phase,
    outcome,
    actor: requireValue("actor", get("actor")),
    approvedBy: get("approved-by"),
    target: requireValue("target", get("target")),
    fromSha: get("from-sha").trim() || undefined,
    toSha: get("to-sha").trim() || undefined,
    trigger: parseChoice("trigger", get("trigger"), AUDIT_TRIGGERS, "ci"),
    environment: get("environment"),
    runUrl,
    runId,
    runAttempt: Number.isInteger(attempt) && attempt > 0 ? attempt : 1,
    context: parseContextJson("context", get("context")),
    createdAt: now,
    secrets: databaseUrlSecrets(databaseUrl),
  });
  return {
    databaseUrl,
    table,
    migrate: parseBoolean("migrate", get("migrate"), true),
    spoolDir: get("spool-dir").trim() || join(env.RUNNER_TEMP || tmpdir(), "prodgate-audit-spool"),
    record,
    signingKey: get("audit-signing-key").trim()
      ? parseSigningKey("audit-signing-key", get("audit-signing-key"))
      : undefined,
  };
}

export async function run(): Promise<void> {
  await runStep(async () => {
    maskDatabaseUrlInput();
    secretInput("audit-signing-key");
    const settings = parseAuditWriteInputs(input, process.env, new Date());
    const { record } = settings;
    const opening = AuditStore.open(settings.databaseUrl, {
      table: settings.table,
      migrate: settings.migrate,
    });
    try {
      const result = await recordAudit(opening, record, { spoolDir: settings.spoolDir });
      if (!result.spooled) {
        setOutputs({ "audit-id": result.id, spooled: false, duplicate: result.duplicate });
        actionReporter.info(
          result.duplicate
            ? `audit row #${result.id} (${record.action} ${record.phase}, ${record.target}) was already written: no second row`
            : `audit row #${result.id} written: ${record.action} ${record.phase} ${record.outcome ?? ""} for ${record.target}`,
        );
        // After the row, a signed checkpoint of the head, in the table and in this run's summary and log,
        // which someone with only database access cannot rewrite.
        // The row is written: a checkpoint that cannot be written is a warning, not a lost record.
        let checkpointSummary = "";
        try {
          const checkpoint = await writeCheckpoint(await opening, settings.signingKey, {
            reason: "audit-write",
          });
          actionReporter.info(checkpoint.logLine);
          checkpointSummary = `\n${checkpoint.summary}`;
        } catch (err) {
          actionReporter.warning(`the audit checkpoint could not be written: ${describeError(err)}`);
        }
        await writeSummary(
          `${renderWrittenSummary(record, result.id, result.duplicate)}${checkpointSummary}`,
        );
        return;
      }
      setOutputs({ spooled: true, duplicate: false, "spool-file": result.file });
      await writeSummary(renderSpoolSummary(record, result.file, result.reason));
      await actionReporter.group("the audit record that was not written", async () => {
        actionReporter.info(serializeAuditRecord(record).trimEnd());
      });
      throw new AuditError(
        `the ${record.phase} audit row could not be written (${result.reason}); ` +
          (result.file
            ? `the record was spooled to ${result.file} and is in the job summary: write it later with 'prodgate audit replay --spool DIR'`
            : "the record could not be spooled either: it is in the job summary and the log"),
      );
    } finally {
      await opening.then((store) => store.close()).catch(() => {});
    }
  });
}
