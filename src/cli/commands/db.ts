import type { Command } from "commander";
import { retentionCutoff } from "../../core/audit.js";
import { connect } from "../../store/db.js";
import { migrateUp } from "../../store/migrate.js";
import { pruneAuditLog } from "../../store/prune.js";
import type { CliContext } from "../context.js";
import { paint } from "../terminal.js";
import { databaseUrlFromEnv } from "./audit.js";

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
        if (opts.json) ctx.json({ applied });
        else if (applied.length) ctx.reporter.info(paint(`applied: ${applied.join(", ")}`, "green"));
        else ctx.reporter.info("up to date: no migration pending");
      } finally {
        await client.end().catch(() => {});
      }
    });
  db.command("prune")
    .description("Delete audit rows older than the retention (two years unless --older-than says otherwise)")
    .option("--older-than <age>", "the retention: 2y, 18mo, 90d, 12w, 36h", "2y")
    .option("--table <name>", "the audit table", "console_audit_log")
    .option("--dry-run", "count the rows that would be deleted, delete nothing")
    .option("--json", "print the result as JSON on stdout")
    .action(async (opts: { olderThan: string; table: string; dryRun?: boolean; json?: boolean }) => {
      const before = retentionCutoff("--older-than", opts.olderThan, new Date());
      const client = await connect(databaseUrlFromEnv(ctx));
      try {
        const count = await pruneAuditLog(client, { before, table: opts.table, dryRun: opts.dryRun });
        if (opts.json)
          ctx.json({ table: opts.table, before: before.toISOString(), dryRun: Boolean(opts.dryRun), count });
        else
          ctx.reporter.info(
            `${opts.dryRun ? "would delete" : "deleted"} ${count} audit row(s) of ${opts.table} created before ${before.toISOString()}`,
          );
      } finally {
        await client.end().catch(() => {});
      }
    });
}
