import { Command, CommanderError } from "commander";
import { describeError, InputError } from "../core/errors.js";
import { type CliContext, EXIT, ExitError } from "./context.js";
import { TerminalReporter } from "./terminal.js";

type Register = (program: Command, ctx: CliContext) => void;

/**
 * Every top-level command, in the order `prodgate --help` lists them, each loaded only when it runs: a
 * `prodgate rollback` during an outage starts without the console renderers, the sandbox or the sweeps.
 */
const COMMANDS: [name: string, load: () => Promise<Register>][] = [
  ["health", async () => (await import("./commands/health.js")).registerHealth],
  ["deploy", async () => (await import("./commands/deploy.js")).registerDeploy],
  ["preview", async () => (await import("./commands/preview.js")).registerPreview],
  ["rollback", async () => (await import("./commands/rollback.js")).registerRollback],
  ["demo", async () => (await import("./commands/demo.js")).registerDemo],
  ["audit", async () => (await import("./commands/audit.js")).registerAudit],
  ["env", async () => (await import("./commands/env.js")).registerEnv],
  ["db", async () => (await import("./commands/db.js")).registerDb],
  ["sweep", async () => (await import("./commands/sweep.js")).registerSweep],
  ["rotate", async () => (await import("./commands/rotate.js")).registerRotate],
  ["console", async () => (await import("./commands/console.js")).registerConsole],
];

/**
 * The `prodgate` command: the same pipelines as the actions, with a terminal reporter. With `argv`, only the
 * command it names is loaded (all of them for --help, an unknown command, or none).
 */
export async function buildProgram(ctx: CliContext, argv?: readonly string[]): Promise<Command> {
  const program = new Command("prodgate")
    .description("Gate and watch production: gated deploys, rollbacks, sweeps and audit, from a terminal.")
    .showHelpAfterError()
    .exitOverride()
    .addHelpText(
      "after",
      "\nExit codes: 0 success, 1 operation failed, 2 bad usage or input, 3 refused by a gate, 130 interrupted.\nCredentials come from the environment only (HEROKU_API_KEY, DATABASE_URL, SLACK_BOT_TOKEN, GITHUB_TOKEN).",
    );
  const named = COMMANDS.find(([name]) => name === argv?.[2]);
  for (const [, load] of named ? [named] : COMMANDS) (await load())(program, ctx);
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
  const program = await buildProgram(ctx, argv);
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
