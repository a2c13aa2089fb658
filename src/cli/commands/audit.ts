import type { Command } from "commander";
import { replaySpoolFrom } from "../../pipelines/audit-replay.js";
import { AuditStore } from "../../store/audit.js";
import { databaseUrlSecrets, parseDatabaseUrl } from "../../store/db.js";
import { type CliContext, EXIT, ExitError, envSecret } from "../context.js";
import { paint } from "../terminal.js";
import { registerAuditChain } from "./audit-chain.js";

/** DATABASE_URL from the environment, masked (with its password) before anything can print it. */
export function databaseUrlFromEnv(ctx: CliContext): string {
  const url = envSecret(ctx, "DATABASE_URL", true) ?? "";
  for (const secret of databaseUrlSecrets(url)) ctx.reporter.secret(secret);
  parseDatabaseUrl("DATABASE_URL", url);
  return url;
}

export function registerAudit(program: Command, ctx: CliContext): void {
  const audit = program.command("audit").description("The audit log in Postgres (DATABASE_URL)");
  audit
    .command("replay")
    .description("Write spooled audit records (from a failed audit-write) to the database, each exactly once")
    .requiredOption(
      "--spool <path>",
      "the directory holding the spooled .json records, or a downloaded prodgate-audit-spool artifact (its directory or .zip)",
    )
    .option("--table <name>", "the audit table", "console_audit_log")
    .option("--no-migrate", "do not apply pending migrations first")
    .option("--json", "print the result as JSON on stdout")
    .action(async (opts: { spool: string; table: string; migrate: boolean; json?: boolean }) => {
      const url = databaseUrlFromEnv(ctx);
      const store = await AuditStore.open(url, { table: opts.table, migrate: opts.migrate });
      try {
        const { archive, ...result } = await replaySpoolFrom(opts.spool, store, {
          onRecord: (file, r) =>
            ctx.reporter.info(
              r.duplicate ? `${file}: already written as row #${r.id}` : `${file}: written as row #${r.id}`,
            ),
        });
        for (const problem of result.invalid) ctx.reporter.warning(`skipped: ${problem}`);
        if (opts.json) ctx.json(result);
        else
          ctx.reporter.info(
            paint(
              `${result.written} written, ${result.duplicates} already there (${archive ? "the zip is left as it is" : `moved to ${opts.spool}/replayed`})`,
              "green",
            ),
          );
        if (result.invalid.length)
          throw new ExitError(
            `${result.invalid.length} file(s) in ${opts.spool} are not audit records`,
            EXIT.failed,
          );
      } finally {
        await store.close();
      }
    });
  registerAuditChain(audit, ctx);
}
