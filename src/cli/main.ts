import { Command, CommanderError } from "commander";
import { describeError, InputError } from "../core/errors.js";
import { registerAudit } from "./commands/audit.js";
import { registerConsole } from "./commands/console.js";
import { registerDb } from "./commands/db.js";
import { registerDemo } from "./commands/demo.js";
import { registerDeploy } from "./commands/deploy.js";
import { registerEnv } from "./commands/env.js";
import { registerHealth } from "./commands/health.js";
import { registerPreview } from "./commands/preview.js";
import { registerRollback } from "./commands/rollback.js";
import { registerSweep } from "./commands/sweep.js";
import { type CliContext, EXIT, ExitError } from "./context.js";
import { TerminalReporter } from "./terminal.js";

/** The `prodgate` command: the same pipelines as the actions, with a terminal reporter. */
export function buildProgram(ctx: CliContext): Command {
  const program = new Command("prodgate")
    .description("Gate and watch production: gated deploys, rollbacks, sweeps and audit, from a terminal.")
    .showHelpAfterError()
    .exitOverride()
    .addHelpText(
      "after",
      "\nExit codes: 0 success, 1 operation failed, 2 bad usage or input, 3 refused by a gate, 130 interrupted.\nCredentials come from the environment only (HEROKU_API_KEY, DATABASE_URL, SLACK_BOT_TOKEN, GITHUB_TOKEN).",
    );
  registerHealth(program, ctx);
  registerDeploy(program, ctx);
  registerPreview(program, ctx);
  registerRollback(program, ctx);
  registerDemo(program, ctx);
  registerAudit(program, ctx);
  registerEnv(program, ctx);
  registerDb(program, ctx);
  registerSweep(program, ctx);
  registerConsole(program, ctx);
  // Commander applies exitOverride to subcommands only when they inherit it.
  for (const cmd of program.commands) cmd.exitOverride();
  return program;
}

export async function run(argv = process.argv): Promise<void> {
  const reporter = new TerminalReporter();
  const ctx: CliContext = {
    reporter,
    json: (value) => process.stdout.write(`${reporter.redact(JSON.stringify(value, null, 2))}\n`),
    env: process.env,
  };
  const program = buildProgram(ctx);
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      process.exitCode = err.exitCode === 0 ? EXIT.ok : EXIT.usage;
      return;
    }
    reporter.error(describeError(err));
    process.exitCode =
      err instanceof ExitError ? err.code : err instanceof InputError ? EXIT.usage : EXIT.failed;
  }
}
