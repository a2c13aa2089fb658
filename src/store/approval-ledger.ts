import { connect, quoteIdent } from "./db.js";
import { DEFAULT_TABLES } from "./migrate.js";

/**
 * Which of a run's environment approvals earlier attempts already used. GitHub's review history of a run
 * (GET .../runs/{id}/approvals) spans every attempt and carries no time, so each deploy records in its audit
 * rows how many review entries of its environment it had seen (`details.approval_entries`); attempt N then
 * counts only the entries after the most any earlier attempt of the same run recorded. An approval given to
 * attempt 1 is therefore never taken as attempt 2's.
 */
export async function approvalEntriesUsed(
  databaseUrl: string,
  opts: { table?: string; action: string; runId: string; runAttempt: number },
): Promise<number> {
  const table = quoteIdent("audit-table", opts.table?.trim() || DEFAULT_TABLES.audit);
  const client = await connect(databaseUrl, { applicationName: "prodgate approval ledger" });
  try {
    const res = await client.query<{ used: number | null }>(
      `SELECT max((context->'details'->>'approval_entries')::int) AS used FROM ${table}
        WHERE action = $1 AND context->>'run_id' = $2 AND (context->>'run_attempt')::int < $3
          AND context->'details' ? 'approval_entries'`,
      [opts.action, opts.runId, opts.runAttempt],
    );
    return res.rows[0]?.used ?? 0;
  } catch (err) {
    // No audit table yet (the first deploy migrates it): no attempt has used anything.
    if ((err as { code?: string }).code === "42P01") return 0;
    throw err;
  } finally {
    await client.end().catch(() => {});
  }
}
