import type { Command } from "commander";
import { retentionCutoff } from "../../core/audit.js";
import { AuditStore } from "../../store/audit.js";
import { connect, dbFailure } from "../../store/db.js";
import { migrateUp } from "../../store/migrate.js";
import { DEFAULT_POLL_TABLE, pollLogExists, prunePollLog } from "../../store/poll-log.js";
import { pruneAuditTrail } from "../../store/prune.js";
import type { CliContext } from "../context.js";
import { paint } from "../terminal.js";
import { databaseUrlFromEnv } from "./audit.js";
import { signingKeyFromEnv } from "./audit-chain.js";

export function registerDb(program: Command, ctx: CliContext): void {
  const db = program.command("db").description("The prodgate tables in Postgres (DATABASE_URL)");
  db.command("migrate")
    .description("Apply pending migrations (each in a transaction; concurrent runners wait for each other)")
    .option("--table <name>", "the audit table", "console_audit_log")
    .option("--json", "print the migrations applied as JSON on stdout")
    .action(async (opts: { table: string; json?: boolean }) => {
      const client = await connect(databaseUrlFromEnv(ctx));
      try {
        const applied = await migrateUp(client, { audit: opts.table });
        // Rows written before the chain existed are chained now, after a genesis row.
        const store = await AuditStore.open(databaseUrlFromEnv(ctx), { table: opts.table, migrate: false });
        await store.ensureChain().finally(() => store.close());
        if (opts.json) ctx.json({ applied });
        else if (applied.length) ctx.reporter.info(paint(`applied: ${applied.join(", ")}`, "green"));
        else ctx.reporter.info("up to date: no migration pending");
      } finally {
        await client.end().catch(() => {});
      }
    });
  db.command("prune")
    .description(
      "Delete audit rows older than the retention (two years unless --older-than says otherwise) and status-sweep poll rows older than theirs (30 days unless --poll-older-than says otherwise)",
    )
    .option("--older-than <age>", "the audit retention: 2y, 18mo, 90d, 12w, 36h", "2y")
    .option("--table <name>", "the audit table", "console_audit_log")
    .option("--poll-older-than <age>", "the poll-log retention, written like --older-than", "30d")
    .option("--poll-table <name>", "the status sweep's poll table", DEFAULT_POLL_TABLE)
    .option("--dry-run", "count the rows that would be deleted, delete nothing")
    .option("--json", "print the result as JSON on stdout")
    .action(async (opts: PruneFlags) => {
      const now = new Date();
      const before = retentionCutoff("--older-than", opts.olderThan, now);
      const pollBefore = retentionCutoff("--poll-older-than", opts.pollOlderThan, now);
      const url = databaseUrlFromEnv(ctx);
      const signingKey = signingKeyFromEnv(ctx, false);
      // The chain must exist before its prefix can be pruned behind a checkpoint.
      await (await AuditStore.open(url, { table: opts.table })).close();
      const client = await connect(url);
      try {
        const pruned = await pruneAuditTrail(client, {
          before,
          table: opts.table,
          dryRun: opts.dryRun,
          signingKey,
          now,
        });
        const count = pruned.count;
        const doing = opts.dryRun ? "would delete" : "deleted";
        if (pruned.checkpoint && !opts.json)
          ctx.reporter.info(
            pruned.checkpoint.signature
              ? `checkpoint of the pruned prefix (position ${pruned.checkpoint.position}) signed and stored: ${JSON.stringify(pruned.checkpoint)}`
              : `checkpoint of the pruned prefix (position ${pruned.checkpoint.position}) stored NOT signed: set PRODGATE_AUDIT_SIGNING_KEY so that it can be proven`,
          );
        if (!opts.json)
          ctx.reporter.info(
            `${doing} ${count} audit row(s) of ${opts.table} created before ${before.toISOString()}`,
          );
        let pollExists: boolean;
        let pollCount = 0;
        try {
          pollExists = await pollLogExists(client, opts.pollTable);
          if (pollExists)
            pollCount = await prunePollLog(client, pollBefore, opts.pollTable, { dryRun: opts.dryRun });
        } catch (err) {
          throw dbFailure("cannot prune the poll log", err, url);
        }
        if (opts.json)
          ctx.json({
            table: opts.table,
            before: before.toISOString(),
            dryRun: Boolean(opts.dryRun),
            count,
            checkpoint: pruned.checkpoint ?? null,
            poll: {
              table: opts.pollTable,
              before: pollBefore.toISOString(),
              exists: pollExists,
              count: pollCount,
            },
          });
        else if (pollExists)
          ctx.reporter.info(
            `${doing} ${pollCount} poll row(s) of ${opts.pollTable} polled before ${pollBefore.toISOString()}`,
          );
        else ctx.reporter.info(`no poll table ${opts.pollTable}: no poll row to delete`);
      } finally {
        await client.end().catch(() => {});
      }
    });
}

interface PruneFlags {
  olderThan: string;
  table: string;
  pollOlderThan: string;
  pollTable: string;
  dryRun?: boolean;
  json?: boolean;
}
