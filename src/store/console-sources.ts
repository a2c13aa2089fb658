import type { AuditEvent } from "../core/console/delivery.js";
import type { JobStatus, RotationJob, RotationReport, SecretMeta } from "../core/rotation.js";
import { quoteIdent } from "./db.js";
import { DEFAULT_TABLES } from "./migrate.js";
import type { Queryable } from "./poll-log.js";

/**
 * What the console reads from the other stores: production deploy and rollback rows of the audit log, the
 * newest rotation jobs, and the secrets' metadata the rotation sweep saved (prodgate_console_secrets). Each
 * read walks an index: the audit log by (target, created_at), the jobs by (secret_name, triggered_at).
 */

/** The last rotation sweep's SecretMeta of every secret (metadata only; the report never holds a value). */
export async function saveSecretSnapshot(db: Queryable, report: RotationReport): Promise<void> {
  const vaultReachable = !report.secrets.some((s) => s.source === "infisical" && s.error);
  await db.query(
    `WITH s AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(name text, meta jsonb))
     INSERT INTO prodgate_console_secrets (secret_name, meta, fetched_at, vault_reachable)
     SELECT name, meta, $2, $3 FROM s
     ON CONFLICT (secret_name) DO UPDATE SET meta = EXCLUDED.meta, fetched_at = EXCLUDED.fetched_at,
       vault_reachable = EXCLUDED.vault_reachable`,
    [
      JSON.stringify(report.secrets.map((s) => ({ name: s.name, meta: s }))),
      report.fetched_at,
      vaultReachable,
    ],
  );
  // Secrets no longer in the inventory leave the console.
  await db.query("DELETE FROM prodgate_console_secrets WHERE NOT (secret_name = ANY($1))", [
    report.secrets.map((s) => s.name),
  ]);
}

export async function loadSecretSnapshot(
  db: Queryable,
): Promise<{ secrets: SecretMeta[]; fetchedAt: string | null; vaultReachable: boolean }> {
  const res = await db.query<{ meta: SecretMeta; fetched_at: Date; vault_reachable: boolean }>(
    "SELECT meta, fetched_at, vault_reachable FROM prodgate_console_secrets ORDER BY secret_name",
  );
  const newest = res.rows.reduce<Date | null>((m, r) => (!m || r.fetched_at > m ? r.fetched_at : m), null);
  return {
    secrets: res.rows.map((r) => r.meta),
    fetchedAt: newest?.toISOString() ?? null,
    vaultReachable: res.rows.every((r) => r.vault_reachable),
  };
}

/**
 * Audit rows of `deploy.<environment>` and `rollback.<environment>` since `since`: every target found by a
 * loose index scan, then each target's rows by (target, created_at).
 */
export async function loadAuditEvents(
  db: Queryable,
  environment: string,
  since: Date,
  table = DEFAULT_TABLES.audit,
): Promise<AuditEvent[]> {
  const t = quoteIdent("table", table);
  const res = await db.query<{
    id: string;
    action: string;
    actor: string;
    target: string;
    outcome: string | null;
    context: Record<string, unknown>;
    created_at: Date;
  }>(
    `WITH RECURSIVE targets(target) AS (
       (SELECT target FROM ${t} ORDER BY target LIMIT 1)
       UNION ALL
       SELECT (SELECT a.target FROM ${t} a WHERE a.target > targets.target ORDER BY a.target LIMIT 1)
         FROM targets WHERE targets.target IS NOT NULL
     )
     SELECT r.id::text AS id, r.action, r.actor, r.target, r.outcome, r.context, r.created_at
       FROM targets CROSS JOIN LATERAL (
         SELECT * FROM ${t} a WHERE a.target = targets.target AND a.created_at >= $1 AND a.action = ANY($2)
       ) r
      WHERE targets.target IS NOT NULL
      ORDER BY r.created_at, r.id`,
    [since, [`deploy.${environment}`, `rollback.${environment}`]],
  );
  return res.rows.map((r) => ({
    id: r.id,
    action: r.action,
    actor: r.actor,
    target: r.target,
    outcome: r.outcome,
    context: r.context ?? {},
    createdAt: r.created_at,
  }));
}

/** The `limit` newest rotation jobs of any secret. */
export async function recentRotations(
  db: Queryable,
  limit = 5,
  table = DEFAULT_TABLES.rotation,
): Promise<RotationJob[]> {
  const t = quoteIdent("rotation-table", table);
  const res = await db.query<{
    id: string;
    secret_name: string;
    triggered_by: string;
    triggered_at: Date;
    status: JobStatus;
    steps_json: Record<string, unknown> | null;
    completed_at: Date | null;
    error_msg: string | null;
  }>(
    `WITH RECURSIVE names(n) AS (
       (SELECT secret_name FROM ${t} ORDER BY secret_name LIMIT 1)
       UNION ALL
       SELECT (SELECT j.secret_name FROM ${t} j WHERE j.secret_name > names.n ORDER BY j.secret_name LIMIT 1)
         FROM names WHERE names.n IS NOT NULL
     )
     SELECT r.* FROM names CROSS JOIN LATERAL (
       SELECT * FROM ${t} j WHERE j.secret_name = names.n ORDER BY j.triggered_at DESC LIMIT $1
     ) r WHERE names.n IS NOT NULL
     ORDER BY r.triggered_at DESC LIMIT $1`,
    [limit],
  );
  return res.rows.map((r) => ({
    id: r.id,
    secretName: r.secret_name,
    triggeredBy: r.triggered_by,
    triggeredAt: r.triggered_at,
    status: r.status,
    steps: r.steps_json,
    completedAt: r.completed_at,
    errorMsg: r.error_msg,
  }));
}
